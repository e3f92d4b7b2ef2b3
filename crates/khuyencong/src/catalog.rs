//! The catalogue: every codelist and instrument valid on a date, with labels,
//! citations, windows and confidence — as data for programs, tables and spreadsheets.

use chrono::NaiveDate;
use serde::Serialize;

use crate::activity::Activity;
use crate::beneficiary::{BeneficiaryCategory, LegalForm};
use crate::codelist::{CodeInfo, Codelist};
use crate::fund::{FundLevel, FundingSource};
use crate::industry::{Industry, PriorityArea, PriorityIndustry};
use crate::law::{
    Citation, Confidence, InstrumentId, InstrumentKind, Lang, Regime, RegimeError, SupportRegime,
};
use crate::location::{AdminUnit, UrbanClass};
use crate::product::{ProductGroup, TypicalProductLevel};
use crate::province::Province;

/// A citation with its renderings, as the catalogue shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct CitationView {
    /// The citation in its compact form.
    #[serde(flatten)]
    pub citation: Citation,
    /// Rendered in Vietnamese.
    pub vi: String,
    /// Rendered in English.
    pub en: String,
}

impl From<Citation> for CitationView {
    fn from(citation: Citation) -> Self {
        Self {
            citation,
            vi: citation.render(Lang::Vi),
            en: citation.render(Lang::En),
        }
    }
}

/// A regime a value exists in, with the confidence there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct RegimeConfidence {
    /// The regime.
    pub regime: Regime,
    /// How sure the project is of the value in it.
    pub confidence: Confidence,
}

/// One codelist value in the catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct CatalogItem {
    /// The permanent code.
    pub code: &'static str,
    /// Vietnamese label.
    pub label_vi: &'static str,
    /// English label.
    pub label_en: &'static str,
    /// Where the law defines it, under the regime of the catalogue's date.
    pub citation: CitationView,
    /// First valid day.
    pub valid_from: NaiveDate,
    /// Last valid day, or `null` when open.
    pub valid_until: Option<NaiveDate>,
    /// Confidence under the regime of the catalogue's date.
    pub confidence: Confidence,
    /// Every regime the value exists in.
    pub regimes: Vec<RegimeConfidence>,
    /// The parent group (activities only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<&'static str>,
    /// The item number in Art. 4 (activities only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// A note on what is uncertain.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<&'static str>,
    /// The statistics office's two-digit code (provinces only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gso_code: Option<&'static str>,
    /// `province` or `centrally_run_city` (provinces only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<&'static str>,
    /// The unit that took a former one over (provinces only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub successor: Option<&'static str>,
}

impl CatalogItem {
    fn new(info: &'static CodeInfo, regime: Regime) -> Self {
        Self {
            code: info.code,
            label_vi: info.label_vi,
            label_en: info.label_en,
            citation: info.citation_in(regime).into(),
            valid_from: info.valid_from,
            valid_until: info.valid_until,
            confidence: info.confidence_in(regime).unwrap_or(info.confidence()),
            regimes: info
                .regimes
                .iter()
                .map(|&(regime, confidence)| RegimeConfidence { regime, confidence })
                .collect(),
            parent: None,
            number: None,
            note: info.note,
            gso_code: None,
            kind: None,
            successor: None,
        }
    }
}

/// One legal instrument in the catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct InstrumentItem {
    /// The ASCII identifier.
    pub code: &'static str,
    /// The title in Vietnamese.
    pub label_vi: &'static str,
    /// The title in English.
    pub label_en: &'static str,
    /// The instrument as a whole.
    pub citation: CitationView,
    /// The number exactly as written.
    pub number: &'static str,
    /// The kind.
    pub kind: InstrumentKind,
    /// Issuer, Vietnamese.
    pub issuer_vi: &'static str,
    /// Issuer, English.
    pub issuer_en: &'static str,
    /// Signing date, when known.
    pub issued: Option<NaiveDate>,
    /// Effective date, when known.
    pub effective: Option<NaiveDate>,
    /// First day counted as in force (the effective date, else the issue date).
    pub valid_from: Option<NaiveDate>,
    /// Last day in force, or `null`.
    pub valid_until: Option<NaiveDate>,
    /// Codes of the instruments it amends.
    pub amends: Vec<&'static str>,
    /// Codes of the instruments it replaces.
    pub replaces: Vec<&'static str>,
    /// How sure the project is of these facts.
    pub confidence: Confidence,
    /// Where the facts come from.
    pub source: &'static str,
}

impl From<InstrumentId> for InstrumentItem {
    fn from(id: InstrumentId) -> Self {
        let i = id.info();
        Self {
            code: id.code(),
            label_vi: i.title_vi,
            label_en: i.title_en,
            citation: Citation::instrument(id).into(),
            number: i.number,
            kind: i.kind,
            issuer_vi: i.issuer_vi,
            issuer_en: i.issuer_en,
            issued: i.issued,
            effective: i.effective,
            valid_from: i.effective.or(i.issued),
            valid_until: i.in_force_until,
            amends: i.amends.iter().map(|a| a.code()).collect(),
            replaces: i.replaces.iter().map(|a| a.code()).collect(),
            confidence: i.confidence,
            source: i.source,
        }
    }
}

/// Every instrument and codelist value valid on one date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Catalog {
    /// The date asked about.
    pub as_of: NaiveDate,
    /// The regime of Decree 45/2012 in force that day.
    pub regime: Regime,
    /// The support-level instrument in force, or `null` before 2014-04-08.
    pub support_regime: Option<SupportRegime>,
    /// Legal instruments in force.
    pub instruments: Vec<InstrumentItem>,
    /// Activity groups and sub-items (Art. 4).
    pub activities: Vec<CatalogItem>,
    /// Beneficiary categories (Art. 1.2).
    pub beneficiary_categories: Vec<CatalogItem>,
    /// Legal forms.
    pub legal_forms: Vec<CatalogItem>,
    /// Eligible industries (Art. 5).
    pub industries: Vec<CatalogItem>,
    /// Priority areas (Art. 6.1).
    pub priority_areas: Vec<CatalogItem>,
    /// Priority industries (Art. 6.2).
    pub priority_industries: Vec<CatalogItem>,
    /// Funding sources (Art. 12–13 and more).
    pub funding_sources: Vec<CatalogItem>,
    /// Fund levels (Art. 11).
    pub fund_levels: Vec<CatalogItem>,
    /// Administrative units.
    pub admin_units: Vec<CatalogItem>,
    /// Urban classes.
    pub urban_classes: Vec<CatalogItem>,
    /// Typical-product contest levels.
    pub typical_product_levels: Vec<CatalogItem>,
    /// Typical-product groups.
    pub typical_product_groups: Vec<CatalogItem>,
    /// Provinces and centrally-run cities (63 until 2025-06-30, 34 from 2025-07-01).
    pub provinces: Vec<CatalogItem>,
}

/// The names of the catalogue's lists, in output order.
pub const LISTS: [&str; 14] = [
    "instruments",
    "activities",
    "beneficiary_categories",
    "legal_forms",
    "industries",
    "priority_areas",
    "priority_industries",
    "funding_sources",
    "fund_levels",
    "admin_units",
    "urban_classes",
    "typical_product_levels",
    "typical_product_groups",
    "provinces",
];

fn items<T: Codelist>(date: NaiveDate, regime: Regime) -> Vec<CatalogItem> {
    T::valid_on(date)
        .map(|v| CatalogItem::new(v.info(), regime))
        .collect()
}

/// The catalogue as of `as_of`: only what is valid on that date appears.
///
/// # Errors
/// [`RegimeError::BeforeDecree45`] for dates before 2012-07-05.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// let c = khuyencong::catalog(NaiveDate::from_ymd_opt(2024, 6, 1).unwrap())?;
/// assert!(c.activities.iter().any(|a| a.code == "advanced_machinery_technology_transfer"));
/// assert!(!c.legal_forms.iter().any(|f| f.code == "union_of_cooperatives"));
/// assert!(khuyencong::catalog(NaiveDate::from_ymd_opt(2012, 7, 4).unwrap()).is_err());
/// # Ok::<(), khuyencong::law::RegimeError>(())
/// ```
pub fn catalog(as_of: NaiveDate) -> Result<Catalog, RegimeError> {
    let regime = Regime::at(as_of)?;
    let mut activities = items::<Activity>(as_of, regime);
    for (item, activity) in activities.iter_mut().zip(Activity::valid_on(as_of)) {
        item.parent = activity.parent().map(Activity::code);
        item.number = activity.number();
    }
    let mut provinces = items::<Province>(as_of, regime);
    for (item, p) in provinces.iter_mut().zip(Province::valid_on(as_of)) {
        item.gso_code = Some(p.gso_code());
        item.kind = Some(p.kind().code());
        item.successor = p.successor().map(Province::code);
    }
    Ok(Catalog {
        as_of,
        regime,
        support_regime: SupportRegime::at(as_of).ok(),
        instruments: InstrumentId::ALL
            .iter()
            .filter(|id| id.info().in_force_on(as_of))
            .map(|&id| id.into())
            .collect(),
        activities,
        beneficiary_categories: items::<BeneficiaryCategory>(as_of, regime),
        legal_forms: items::<LegalForm>(as_of, regime),
        industries: items::<Industry>(as_of, regime),
        priority_areas: items::<PriorityArea>(as_of, regime),
        priority_industries: items::<PriorityIndustry>(as_of, regime),
        funding_sources: items::<FundingSource>(as_of, regime),
        fund_levels: items::<FundLevel>(as_of, regime),
        admin_units: items::<AdminUnit>(as_of, regime),
        urban_classes: items::<UrbanClass>(as_of, regime),
        typical_product_levels: items::<TypicalProductLevel>(as_of, regime),
        typical_product_groups: items::<ProductGroup>(as_of, regime),
        provinces,
    })
}

impl Catalog {
    /// The codelist items of one list by name (`activities`…); `None` for `instruments`
    /// (see [`Catalog::instruments`]) and for unknown names.
    pub fn list(&self, name: &str) -> Option<&[CatalogItem]> {
        Some(match name {
            "activities" => &self.activities,
            "beneficiary_categories" => &self.beneficiary_categories,
            "legal_forms" => &self.legal_forms,
            "industries" => &self.industries,
            "priority_areas" => &self.priority_areas,
            "priority_industries" => &self.priority_industries,
            "funding_sources" => &self.funding_sources,
            "fund_levels" => &self.fund_levels,
            "admin_units" => &self.admin_units,
            "urban_classes" => &self.urban_classes,
            "typical_product_levels" => &self.typical_product_levels,
            "typical_product_groups" => &self.typical_product_groups,
            "provinces" => &self.provinces,
            _ => return None,
        })
    }

    /// Rows for a spreadsheet: a header and one row per value of list `name`, in the manner
    /// of OCDS codelists. `None` for an unknown list name.
    pub fn rows(&self, name: &str) -> Option<Vec<Vec<String>>> {
        let opt = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
        if name == "instruments" {
            let mut rows = vec![
                [
                    "code",
                    "number",
                    "kind",
                    "title_vi",
                    "title_en",
                    "issuer_vi",
                    "issuer_en",
                    "issued",
                    "effective",
                    "valid_until",
                    "amends",
                    "replaces",
                    "confidence",
                    "source",
                ]
                .map(str::to_owned)
                .to_vec(),
            ];
            rows.extend(self.instruments.iter().map(|i| {
                vec![
                    i.code.to_owned(),
                    i.number.to_owned(),
                    i.kind.code().to_owned(),
                    i.label_vi.to_owned(),
                    i.label_en.to_owned(),
                    i.issuer_vi.to_owned(),
                    i.issuer_en.to_owned(),
                    opt(i.issued),
                    opt(i.effective),
                    opt(i.valid_until),
                    i.amends.join(" "),
                    i.replaces.join(" "),
                    i.confidence.code().to_owned(),
                    i.source.to_owned(),
                ]
            }));
            return Some(rows);
        }
        let list = self.list(name)?;
        let provinces = name == "provinces";
        let mut rows = vec![
            [
                "code",
                "label_vi",
                "label_en",
                "parent",
                "number",
                "citation_vi",
                "citation_en",
                "valid_from",
                "valid_until",
                "confidence",
                "note",
            ]
            .map(str::to_owned)
            .to_vec(),
        ];
        if provinces {
            rows[0].extend(["gso_code", "kind", "successor"].map(str::to_owned));
        }
        rows.extend(list.iter().map(|i| {
            let mut row = vec![
                i.code.to_owned(),
                i.label_vi.to_owned(),
                i.label_en.to_owned(),
                i.parent.unwrap_or_default().to_owned(),
                i.number.clone().unwrap_or_default(),
                i.citation.vi.clone(),
                i.citation.en.clone(),
                i.valid_from.to_string(),
                opt(i.valid_until),
                i.confidence.code().to_owned(),
                i.note.unwrap_or_default().to_owned(),
            ];
            if provinces {
                row.extend([
                    i.gso_code.unwrap_or_default().to_owned(),
                    i.kind.unwrap_or_default().to_owned(),
                    i.successor.unwrap_or_default().to_owned(),
                ]);
            }
            row
        }));
        Some(rows)
    }
}

/// Writes rows as RFC 4180 CSV (fields quoted when they hold a comma, quote or line break).
pub fn to_csv(rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    for row in rows {
        for (i, field) in row.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            if field.contains([',', '"', '\n', '\r']) {
                out.push('"');
                out.push_str(&field.replace('"', "\"\""));
                out.push('"');
            } else {
                out.push_str(field);
            }
        }
        out.push_str("\r\n");
    }
    out
}

/// Every value of one codelist — retired ones included, with their windows — as rows for a
/// spreadsheet (OCDS-style codelist export): header first. `None` for an unknown list name.
pub fn codelist_rows(name: &str) -> Option<Vec<Vec<String>>> {
    fn rows<T: Codelist>() -> Vec<Vec<String>> {
        rows_with::<T>(&[], |_| Vec::new())
    }
    fn rows_with<T: Codelist>(extra: &[&str], more: impl Fn(T) -> Vec<String>) -> Vec<Vec<String>> {
        let mut out = vec![
            [
                "code",
                "title_vi",
                "title_en",
                "citation",
                "citation_vi",
                "citation_en",
                "citation_2025",
                "citation_2025_vi",
                "citation_2025_en",
                "valid_from",
                "valid_until",
                "regimes",
                "confidence",
                "note",
            ]
            .map(str::to_owned)
            .to_vec(),
        ];
        out[0].extend(extra.iter().map(|e| (*e).to_owned()));
        out.extend(T::ALL.iter().map(|&v| {
            let i = v.info();
            let mut row = vec![
                i.code.to_owned(),
                i.label_vi.to_owned(),
                i.label_en.to_owned(),
                serde_json::to_string(&i.citation).unwrap_or_default(),
                i.citation.render(Lang::Vi),
                i.citation.render(Lang::En),
                i.citation_2025
                    .and_then(|c| serde_json::to_string(&c).ok())
                    .unwrap_or_default(),
                i.citation_2025
                    .map(|c| c.render(Lang::Vi))
                    .unwrap_or_default(),
                i.citation_2025
                    .map(|c| c.render(Lang::En))
                    .unwrap_or_default(),
                i.valid_from.to_string(),
                i.valid_until.map(|d| d.to_string()).unwrap_or_default(),
                i.regimes
                    .iter()
                    .map(|(r, c)| format!("{}:{}", r.code(), c.code()))
                    .collect::<Vec<_>>()
                    .join(" "),
                i.confidence().code().to_owned(),
                i.note.unwrap_or_default().to_owned(),
            ];
            row.extend(more(v));
            row
        }));
        out
    }
    Some(match name {
        "activities" => rows::<Activity>(),
        "beneficiary_categories" => rows::<BeneficiaryCategory>(),
        "legal_forms" => rows::<LegalForm>(),
        "industries" => rows::<Industry>(),
        "priority_areas" => rows::<PriorityArea>(),
        "priority_industries" => rows::<PriorityIndustry>(),
        "funding_sources" => rows::<FundingSource>(),
        "fund_levels" => rows::<FundLevel>(),
        "admin_units" => rows::<AdminUnit>(),
        "urban_classes" => rows::<UrbanClass>(),
        "typical_product_levels" => rows::<TypicalProductLevel>(),
        "typical_product_groups" => rows::<ProductGroup>(),
        "provinces" => rows_with::<Province>(
            &[
                "gso_code",
                "kind",
                "short_name_vi",
                "successor",
                "successor_now",
            ],
            |p| {
                vec![
                    p.gso_code().to_owned(),
                    p.kind().code().to_owned(),
                    p.short_name().to_owned(),
                    p.successor()
                        .map(Province::code)
                        .unwrap_or_default()
                        .to_owned(),
                    p.successor()
                        .map(|_| p.now().code())
                        .unwrap_or_default()
                        .to_owned(),
                ]
            },
        ),
        _ => return None,
    })
}

/// [`codelist_rows`] as JSON: an array of objects, one per value.
pub fn codelist_json(name: &str) -> Option<serde_json::Value> {
    let rows = codelist_rows(name)?;
    let (header, body) = rows.split_first()?;
    Some(serde_json::Value::Array(
        body.iter()
            .map(|r| {
                serde_json::Value::Object(
                    header
                        .iter()
                        .zip(r)
                        .map(|(k, v)| {
                            let value = match k.as_str() {
                                "citation_2025" | "citation_2025_vi" | "citation_2025_en"
                                | "valid_until" | "note" | "successor" | "successor_now"
                                    if v.is_empty() =>
                                {
                                    serde_json::Value::Null
                                }
                                "citation" | "citation_2025" => {
                                    serde_json::from_str(v).unwrap_or_default()
                                }
                                _ => serde_json::Value::String(v.clone()),
                            };
                            (k.clone(), value)
                        })
                        .collect(),
                )
            })
            .collect(),
    ))
}
