//! Who counts as a small or medium-sized enterprise (doanh nghiệp nhỏ và vừa): size derived
//! from sector, insured employees and revenue *or* capital, on a date.
//!
//! Decree 45/2012/NĐ-CP Art. 1.2(a) admits SMEs as rural industrial establishments, and
//! Circular 46/2012/TT-BCT Art. 3.1 defers to the SME law in force. SME status is therefore a
//! derived fact, never a flag the applicant asserts:
//!
//! | window | instrument | confidence |
//! |---|---|---|
//! | from 2021-10-15 | Decree 80/2021/NĐ-CP Art. 5, within Law 04/2017/QH14 Art. 4 | confirmed |
//! | 2018-03-11 … 2021-10-14 | Decree 39/2018/NĐ-CP Art. 6: the same bands, read in secondary sources that quote it | secondary |
//! | before 2018-03-11 | Decree 56/2009/NĐ-CP, different bands | not assessed |
//!
//! The thresholds are the table [`BANDS`]; a value exactly at a threshold is within it (≤).
//!
//! | rule | article | confidence |
//! |---|---|---|
//! | SME size bands: insured employees **and** (revenue **or** capital) within a band, per sector | Law 04/2017 Art. 4; Decree 80/2021 Art. 5–8 | confirmed from 2021-10-15; secondary 2018-03-11 … 2021-10-14; not assessed before |
//!
//! ```
//! use chrono::NaiveDate;
//! use khuyencong::sme::SmeFacts;
//! use khuyencong::sme::{SmeSector, SmeStatus, classify};
//! use khuyencong::money::Vnd;
//!
//! let mut facts = SmeFacts::default();
//! facts.sector = Some(SmeSector::IndustryConstruction);
//! facts.average_insured_employees = Some(100);
//! facts.previous_year_revenue = Some(Vnd::new(60_000_000_000)?);
//! facts.total_capital = Some(Vnd::new(20_000_000_000)?); // capital ≤ 20 bn: small
//! facts.figures_year = Some(2023);
//! let day = NaiveDate::from_ymd_opt(2024, 6, 1).unwrap();
//! assert_eq!(classify(&facts, day).status, SmeStatus::Small);
//! let early = NaiveDate::from_ymd_opt(2017, 6, 1).unwrap();
//! assert_eq!(classify(&facts, early).status, SmeStatus::NotAssessed);
//! # Ok::<(), khuyencong::money::MoneyError>(())
//! ```

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::law::{Citation, Confidence, InstrumentId, Lang};
pub use crate::law::{DECREE_39_EFFECTIVE, DECREE_80_EFFECTIVE};
use crate::money::Vnd;

/// The figures that decide SME status, all for the year before the assessment.
/// / Số liệu xác định doanh nghiệp nhỏ và vừa (năm trước liền kề).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct SmeFacts {
    /// The sector of the main registered business line (Decree 80/2021 Art. 6).
    /// / Lĩnh vực hoạt động chính.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sector: Option<SmeSector>,
    /// Annual average number of employees with social insurance (Decree 80/2021 Art. 7).
    /// / Số lao động tham gia bảo hiểm xã hội bình quân năm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub average_insured_employees: Option<u32>,
    /// Total revenue of the previous year, in whole đồng. / Tổng doanh thu năm trước (đồng).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_year_revenue: Option<Vnd>,
    /// Total capital (balance-sheet total at the end of the previous year), in whole đồng
    /// (Decree 80/2021 Art. 8). / Tổng nguồn vốn (đồng).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_capital: Option<Vnd>,
    /// The year the figures are for (normally the year before the assessment).
    /// / Năm của số liệu.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub figures_year: Option<i32>,
}

impl SmeFacts {
    /// Whether no fact is given.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// The sector an enterprise's size is judged in: its main registered business line
/// (Decree 80/2021/NĐ-CP Art. 6; Law 04/2017/QH14 Art. 4.2).
/// / Lĩnh vực hoạt động để xác định quy mô doanh nghiệp.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SmeSector {
    /// Agriculture, forestry and fishery. / Nông nghiệp, lâm nghiệp và thủy sản.
    #[schemars(title = "Agriculture, forestry and fishery / Nông nghiệp, lâm nghiệp và thủy sản")]
    AgricultureForestryFishery,
    /// Industry and construction. / Công nghiệp và xây dựng.
    #[schemars(title = "Industry and construction / Công nghiệp và xây dựng")]
    IndustryConstruction,
    /// Trade and services. / Thương mại và dịch vụ.
    #[schemars(title = "Trade and services / Thương mại và dịch vụ")]
    TradeServices,
}

impl SmeSector {
    /// Every sector.
    pub const ALL: [Self; 3] = [
        Self::AgricultureForestryFishery,
        Self::IndustryConstruction,
        Self::TradeServices,
    ];

    /// The permanent code.
    pub const fn code(self) -> &'static str {
        match self {
            Self::AgricultureForestryFishery => "agriculture_forestry_fishery",
            Self::IndustryConstruction => "industry_construction",
            Self::TradeServices => "trade_services",
        }
    }

    /// Whether the sector uses the agriculture / industry bands (the first sentence of
    /// each clause of Decree 80/2021 Art. 5) rather than the trade / services bands.
    const fn production(self) -> bool {
        !matches!(self, Self::TradeServices)
    }
}

/// An enterprise size (quy mô doanh nghiệp).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EnterpriseSize {
    /// Micro (siêu nhỏ).
    Micro,
    /// Small (nhỏ).
    Small,
    /// Medium (vừa).
    Medium,
}

/// One size band: at most `max_employees` insured employees **and** (revenue at most
/// `max_revenue_dong` **or** capital at most `max_capital_dong`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct SizeBand {
    /// The size the band defines.
    pub size: EnterpriseSize,
    /// `true` for agriculture, forestry, fishery, industry and construction; `false` for
    /// trade and services.
    pub production_sectors: bool,
    /// Annual average of employees with social insurance, at most.
    pub max_employees: u32,
    /// Total revenue of the previous year, at most (đồng).
    pub max_revenue_dong: u64,
    /// Total capital (balance-sheet total), at most (đồng).
    pub max_capital_dong: u64,
    /// Where the band is defined.
    pub citation: Citation,
}

const BN: u64 = 1_000_000_000;
const fn nd80(clause: u16) -> Citation {
    Citation::article(InstrumentId::Nd80_2021, 5).clause(clause)
}
const fn band(
    size: EnterpriseSize,
    production_sectors: bool,
    max_employees: u32,
    revenue_bn: u64,
    capital_bn: u64,
    clause: u16,
) -> SizeBand {
    SizeBand {
        size,
        production_sectors,
        max_employees,
        max_revenue_dong: revenue_bn * BN,
        max_capital_dong: capital_bn * BN,
        citation: nd80(clause),
    }
}

/// The size bands of Decree 80/2021/NĐ-CP Art. 5 (clause 1 micro, 2 small, 3 medium; in each
/// clause the first sentence covers agriculture, forestry, fishery, industry and construction,
/// the second trade and services). The medium bands stay inside the outer bound of
/// Law 04/2017/QH14 Art. 4 (≤ 200 insured employees and capital ≤ 100 bn or revenue ≤ 300 bn).
pub const BANDS: &[SizeBand] = &[
    band(EnterpriseSize::Micro, true, 10, 3, 3, 1),
    band(EnterpriseSize::Micro, false, 10, 10, 3, 1),
    band(EnterpriseSize::Small, true, 100, 50, 20, 2),
    band(EnterpriseSize::Small, false, 50, 100, 50, 2),
    band(EnterpriseSize::Medium, true, 200, 200, 100, 3),
    band(EnterpriseSize::Medium, false, 100, 300, 100, 3),
];

/// The outer bound of an SME: Law 04/2017/QH14 Art. 4.
pub const LAW_04_ART_4: Citation = Citation::article(InstrumentId::Luat04_2017Qh14, 4);

/// The SME status derived from the facts.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SmeStatus {
    /// Micro enterprise.
    Micro,
    /// Small enterprise.
    Small,
    /// Medium enterprise.
    Medium,
    /// An SME whose exact band cannot be told from the facts given.
    SmeSizeUndetermined,
    /// Above every band: a large enterprise, not an SME.
    Large,
    /// Facts are missing (see [`SmeAssessment::missing`]).
    Indeterminate,
    /// The bands in force on the date are not modelled (before 2018-03-11).
    NotAssessed,
}

impl SmeStatus {
    /// Whether the status is an SME (`Some(true)`), a large enterprise (`Some(false)`), or unknown.
    pub const fn is_sme(self) -> Option<bool> {
        match self {
            Self::Micro | Self::Small | Self::Medium | Self::SmeSizeUndetermined => Some(true),
            Self::Large => Some(false),
            Self::Indeterminate | Self::NotAssessed => None,
        }
    }

    /// The permanent code.
    pub const fn code(self) -> &'static str {
        match self {
            Self::Micro => "micro",
            Self::Small => "small",
            Self::Medium => "medium",
            Self::SmeSizeUndetermined => "sme_size_undetermined",
            Self::Large => "large",
            Self::Indeterminate => "indeterminate",
            Self::NotAssessed => "not_assessed",
        }
    }

    /// A label in the requested language.
    pub const fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::Micro, Lang::Vi) => "doanh nghiệp siêu nhỏ",
            (Self::Micro, Lang::En) => "micro enterprise",
            (Self::Small, Lang::Vi) => "doanh nghiệp nhỏ",
            (Self::Small, Lang::En) => "small enterprise",
            (Self::Medium, Lang::Vi) => "doanh nghiệp vừa",
            (Self::Medium, Lang::En) => "medium enterprise",
            (Self::SmeSizeUndetermined, Lang::Vi) => {
                "doanh nghiệp nhỏ và vừa (chưa xác định được quy mô cụ thể)"
            }
            (Self::SmeSizeUndetermined, Lang::En) => "SME (exact size not determined)",
            (Self::Large, Lang::Vi) => "doanh nghiệp lớn (không phải doanh nghiệp nhỏ và vừa)",
            (Self::Large, Lang::En) => "large enterprise (not an SME)",
            (Self::Indeterminate, Lang::Vi) => "chưa xác định (thiếu dữ kiện)",
            (Self::Indeterminate, Lang::En) => "indeterminate (facts missing)",
            (Self::NotAssessed, Lang::Vi) => "không đánh giá",
            (Self::NotAssessed, Lang::En) => "not assessed",
        }
    }
}

/// The result of [`classify`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[non_exhaustive]
pub struct SmeAssessment {
    /// The derived status.
    pub status: SmeStatus,
    /// The provision the status rests on.
    pub citation: Citation,
    /// How sure the project is of the bands applied.
    pub confidence: Confidence,
    /// The facts still needed, as field names of [`SmeFacts`] (`sector`,
    /// `average_insured_employees`, `previous_year_revenue`, `total_capital`); revenue and
    /// capital are listed together when neither is given (either one suffices).
    pub missing: Vec<&'static str>,
    /// The facts the result used, as field names of [`SmeFacts`].
    pub used: Vec<&'static str>,
}

/// Three-valued logic for partial facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tri {
    True,
    False,
    Unknown,
}

impl Tri {
    fn from_opt(b: Option<bool>) -> Self {
        match b {
            Some(true) => Self::True,
            Some(false) => Self::False,
            None => Self::Unknown,
        }
    }
    fn and(self, other: Self) -> Self {
        match (self, other) {
            (Self::False, _) | (_, Self::False) => Self::False,
            (Self::True, Self::True) => Self::True,
            _ => Self::Unknown,
        }
    }
    fn or(self, other: Self) -> Self {
        match (self, other) {
            (Self::True, _) | (_, Self::True) => Self::True,
            (Self::False, Self::False) => Self::False,
            _ => Self::Unknown,
        }
    }
}

/// Whether the facts fall within a band.
fn within(b: &SizeBand, f: &SmeFacts) -> Tri {
    let employees = Tri::from_opt(f.average_insured_employees.map(|e| e <= b.max_employees));
    let revenue = Tri::from_opt(
        f.previous_year_revenue
            .map(|r| r.get() <= b.max_revenue_dong),
    );
    let capital = Tri::from_opt(f.total_capital.map(|c| c.get() <= b.max_capital_dong));
    employees.and(revenue.or(capital))
}

/// The status for one sector: the first band the facts are certainly in; unknown as soon as
/// a smaller band cannot be decided.
fn status_in(sector: SmeSector, f: &SmeFacts) -> (SmeStatus, Citation) {
    let bands = BANDS
        .iter()
        .filter(|b| b.production_sectors == sector.production());
    let mut undecided = false;
    let mut last = nd80(3);
    for b in bands {
        last = b.citation;
        match within(b, f) {
            Tri::True if undecided => return (SmeStatus::SmeSizeUndetermined, b.citation),
            Tri::True => {
                let s = match b.size {
                    EnterpriseSize::Micro => SmeStatus::Micro,
                    EnterpriseSize::Small => SmeStatus::Small,
                    EnterpriseSize::Medium => SmeStatus::Medium,
                };
                return (s, b.citation);
            }
            Tri::Unknown => undecided = true,
            Tri::False => {}
        }
    }
    if undecided {
        (SmeStatus::Indeterminate, last)
    } else {
        (SmeStatus::Large, last)
    }
}

/// The unknown facts that could still decide SME status. Revenue and capital are
/// alternatives: one of them is not needed when the other already meets the medium band of
/// every sector still possible.
fn relevant_missing(f: &SmeFacts) -> Vec<&'static str> {
    let sectors: Vec<SmeSector> = f
        .sector
        .map_or_else(|| SmeSector::ALL.to_vec(), |s| vec![s]);
    let medium = |s: SmeSector| {
        BANDS
            .iter()
            .find(|b| b.size == EnterpriseSize::Medium && b.production_sectors == s.production())
    };
    let meets_all = |value: Option<u64>, bound: fn(&SizeBand) -> u64| {
        value.is_some_and(|v| {
            sectors
                .iter()
                .all(|s| medium(*s).is_some_and(|b| v <= bound(b)))
        })
    };
    let revenue = f.previous_year_revenue.map(crate::money::Vnd::get);
    let capital = f.total_capital.map(crate::money::Vnd::get);
    let mut out = Vec::new();
    if f.sector.is_none() {
        out.push("sector");
    }
    if f.average_insured_employees.is_none() {
        out.push("average_insured_employees");
    }
    if revenue.is_none() && !meets_all(capital, |b| b.max_capital_dong) {
        out.push("previous_year_revenue");
    }
    if capital.is_none() && !meets_all(revenue, |b| b.max_revenue_dong) {
        out.push("total_capital");
    }
    out
}

/// Derives SME status from the facts on `date`.
///
/// From 2021-10-15 the bands of Decree 80/2021/NĐ-CP Art. 5 apply (confirmed); from
/// 2018-03-11 to 2021-10-14 the same bands are applied as Decree 39/2018/NĐ-CP Art. 6's
/// (quoted verbatim by secondary sources: `secondary` confidence); before 2018-03-11 the result is [`SmeStatus::NotAssessed`]
/// (Decree 56/2009/NĐ-CP's different bands are not modelled). When the sector is unknown
/// but every sector gives the same answer, that answer stands.
pub fn classify(facts: &SmeFacts, date: NaiveDate) -> SmeAssessment {
    if date < DECREE_39_EFFECTIVE {
        return SmeAssessment {
            status: SmeStatus::NotAssessed,
            citation: Citation::instrument(InstrumentId::Nd56_2009),
            confidence: Confidence::Secondary,
            missing: Vec::new(),
            used: Vec::new(),
        };
    }
    let confidence = if date < DECREE_80_EFFECTIVE {
        Confidence::Secondary
    } else {
        Confidence::Confirmed
    };
    let (status, citation) = if let Some(sector) = facts.sector {
        status_in(sector, facts)
    } else {
        let all: Vec<(SmeStatus, Citation)> = SmeSector::ALL
            .iter()
            .map(|s| status_in(*s, facts))
            .collect();
        let first = all
            .first()
            .copied()
            .unwrap_or((SmeStatus::Indeterminate, nd80(3)));
        if all.iter().all(|(s, _)| *s == first.0) {
            first
        } else if all.iter().all(|(s, _)| s.is_sme() == Some(true)) {
            (SmeStatus::SmeSizeUndetermined, first.1)
        } else {
            (SmeStatus::Indeterminate, first.1)
        }
    };
    let citation = if date < DECREE_80_EFFECTIVE {
        Citation::article(InstrumentId::Nd39_2018, 6)
    } else {
        citation
    };
    let mut used = Vec::new();
    let mut missing = Vec::new();
    let fields: [(&'static str, bool); 4] = [
        ("sector", facts.sector.is_some()),
        (
            "average_insured_employees",
            facts.average_insured_employees.is_some(),
        ),
        (
            "previous_year_revenue",
            facts.previous_year_revenue.is_some(),
        ),
        ("total_capital", facts.total_capital.is_some()),
    ];
    for (name, given) in fields {
        if given {
            used.push(name);
        }
    }
    if status == SmeStatus::Indeterminate {
        missing = relevant_missing(facts);
    }
    SmeAssessment {
        status,
        citation,
        confidence,
        missing,
        used,
    }
}

/// In a finding's message the status shows as its label; in `params`, as its code.
impl crate::finding::Arg for SmeStatus {
    fn write(&self, lang: Lang, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label(lang))
    }

    fn json(&self) -> serde_json::Value {
        self.code().into()
    }
}
