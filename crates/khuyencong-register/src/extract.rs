//! What the register reads out of a document: the one place that knows which fields link a
//! document to schemes, plans, reports and programmes.
//!
//! Everything here is a reading of fields the core parsed ([`Document`]); every figure of
//! money comes from the core's totals ([`khuyencong::totals`]), never from arithmetic here.

use chrono::Datelike;
use khuyencong::Codelist;
use khuyencong::activity::Activity;
use khuyencong::document::{Amount, Counts, Document, Exactness};
use khuyencong::totals::{TotalsKey, TotalsRow, totals};
use unicode_normalization::UnicodeNormalization;

use crate::RegisterError;

/// The fields of a document the register indexes.
#[derive(Debug, Default)]
pub struct Extract {
    /// The title.
    pub title: Option<String>,
    /// The province as written.
    pub province: Option<String>,
    /// The permanent code of the province of the document's date ([`province_keys`]).
    pub province_key: Option<String>,
    /// The permanent code of the province of today (after the 2025 arrangement).
    pub province_now: Option<String>,
    /// The document's fund level (plans and schemes).
    pub fund_level: Option<&'static str>,
    /// First day covered.
    pub period_from: Option<String>,
    /// Last day covered.
    pub period_to: Option<String>,
    /// Schemes the document speaks of.
    pub mentions: Vec<Mention>,
    /// Beneficiaries of a scheme document.
    pub beneficiaries: Vec<Beneficiary>,
    /// What a period report counts.
    pub report_lines: Vec<ReportLine>,
    /// Programmes the document defines or reports on: (programme id, relation).
    pub programmes: Vec<(String, &'static str)>,
    /// Numeric targets.
    pub targets: Vec<Target>,
    /// States of schemes the document states: (scheme id, state, date, source).
    pub states: Vec<(String, &'static str, String, String)>,
    /// The core's totals of the document by province, period, fund level, source, activity.
    pub totals: Vec<TotalsRow>,
}

/// A scheme as a document speaks of it.
#[derive(Debug)]
pub struct Mention {
    /// The scheme's identifier.
    pub scheme_id: String,
    /// `scheme`, `plan_line` or `report_line`.
    pub role: &'static str,
    /// The title.
    pub title: Option<String>,
    /// The province as written.
    pub province: Option<String>,
    /// The fund level.
    pub fund_level: Option<&'static str>,
    /// The year (approval year of a scheme, year of a plan).
    pub year: Option<i64>,
    /// The approval date.
    pub approved_on: Option<String>,
    /// The approving decision's number.
    pub approval_number: Option<String>,
    /// State support in đồng (the core's figure).
    pub support_vnd: Option<u64>,
    /// How exactly the support is stated.
    pub support_exactness: Option<Exactness>,
    /// Total cost in đồng.
    pub total_cost_vnd: Option<u64>,
    /// The activities (codes).
    pub activities: Vec<Activity>,
}

/// A beneficiary of a scheme.
#[derive(Debug)]
pub struct Beneficiary {
    /// The scheme.
    pub scheme_id: String,
    /// The name as written.
    pub name: Option<String>,
    /// The name normalised for matching ([`name_key`]).
    pub name_key: Option<String>,
    /// The applicant's own statement about other state money for the same items.
    pub other_state_funding_same_items: Option<bool>,
}

/// A result line of a period report.
#[derive(Debug)]
pub struct ReportLine {
    /// The activity.
    pub activity: Activity,
    /// The fund level, if stated.
    pub fund_level: Option<&'static str>,
    /// First year covered.
    pub year_from: i64,
    /// Last year covered.
    pub year_to: i64,
}

/// A numeric target.
#[derive(Debug)]
pub struct Target {
    /// The programme, if the target is a programme's.
    pub programme_id: Option<String>,
    /// The permanent code of the province the target is for: the province named, as it is
    /// during the target's period (a target for 2026 proposed by An Giang in 2025 is the
    /// An Giang of 2026).
    pub province_key: Option<String>,
    /// `programme` or `report_proposal`.
    pub basis: &'static str,
    /// First day of the target's period.
    pub period_from: Option<String>,
    /// Last day, if stated.
    pub period_to: Option<String>,
    /// The year, for a yearly target.
    pub year: Option<i64>,
    /// The activity.
    pub activity: Option<&'static str>,
    /// The fund level.
    pub fund_level: Option<&'static str>,
    /// The contest level, for typical products.
    pub level: Option<&'static str>,
    /// What is counted: a count kind (`establishments`, `models`…) or `support_vnd`,
    /// `total_investment_vnd`.
    pub measure: &'static str,
    /// The figure.
    pub target: u64,
    /// How exactly it is stated.
    pub exactness: Exactness,
    /// The source's words.
    pub text: Option<String>,
}

/// The keys the register stores the core's totals by (all but `kind`: one document has one).
pub const TOTALS_KEYS: [TotalsKey; 6] = [
    TotalsKey::Province,
    TotalsKey::ProvinceNow,
    TotalsKey::Period,
    TotalsKey::FundLevel,
    TotalsKey::Source,
    TotalsKey::Activity,
];

/// A name normalised for matching: Unicode NFC, lower case, single spaces, trimmed.
pub fn name_key(name: &str) -> String {
    let nfc: String = name.nfc().collect::<String>().to_lowercase();
    nfc.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The province keys of a document: the permanent code of the province of its date and of
/// the province of today (after the 2025 arrangement), as the library's province list reads
/// the name ([`khuyencong::province::resolve`]); a name not on the list is kept as its text
/// (Unicode NFC, white space collapsed) for both, as the library's totals group it.
pub fn province_keys(doc: &Document) -> (Option<String>, Option<String>) {
    let Some((text, from, to)) = khuyencong::province::document_province(doc) else {
        return (None, None);
    };
    if let Some(m) = khuyencong::province::resolve(text, from, to) {
        (
            Some(m.province.code().to_owned()),
            Some(m.province.now().code().to_owned()),
        )
    } else {
        let (text, _) = khuyencong::province::normalise_text(text);
        (Some(text.clone()), Some(text))
    }
}

fn amount(a: &Amount) -> (u64, Exactness) {
    (a.vnd.get(), a.exactness)
}

fn group(a: Activity) -> Option<&'static str> {
    a.parent().map(Codelist::code)
}

/// Reads what the register indexes from a document.
///
/// # Errors
/// [`RegisterError::Totals`] when the core cannot add the document up (a total beyond the
/// largest amount).
pub fn extract(doc: &Document) -> Result<Extract, RegisterError> {
    let mut x = Extract {
        totals: totals(std::iter::once(doc), &TOTALS_KEYS)
            .map_err(|e| RegisterError::Totals(e.to_string(), e.message_vi()))?,
        ..Extract::default()
    };
    match doc {
        Document::Scheme(s) => {
            x.title = Some(s.title.clone());
            x.province.clone_from(&s.province);
            x.fund_level = Some(s.funding.fund_level.code());
            let date = s.approval.date.to_string();
            x.period_from = Some(date.clone());
            x.period_to = Some(date.clone());
            // The core's own figures for the scheme: its support (state lines) and cost.
            let whole = totals(std::iter::once(doc), &[])
                .map_err(|e| RegisterError::Totals(e.to_string(), e.message_vi()))?;
            let support = whole.first().map(|r| r.support_vnd);
            let exactness = whole.first().map(|r| r.exactness);
            x.mentions.push(Mention {
                scheme_id: s.id.clone(),
                role: "scheme",
                title: Some(s.title.clone()),
                province: s.province.clone(),
                fund_level: Some(s.funding.fund_level.code()),
                year: Some(i64::from(s.approval.date.year())),
                approved_on: Some(date.clone()),
                approval_number: Some(s.approval.number.clone()),
                support_vnd: support,
                support_exactness: exactness,
                total_cost_vnd: Some(s.funding.total_cost.get()),
                activities: s.activities.clone(),
            });
            for b in &s.beneficiaries {
                x.beneficiaries.push(Beneficiary {
                    scheme_id: s.id.clone(),
                    name: b.name.clone(),
                    name_key: b.name.as_deref().map(name_key),
                    other_state_funding_same_items: b.other_state_funding_same_items,
                });
            }
            let source = match &s.approval.issuer {
                Some(issuer) => format!("{} ({issuer})", s.approval.number),
                None => s.approval.number.clone(),
            };
            x.states.push((s.id.clone(), "approved", date, source));
        }
        Document::Plan(p) => {
            x.title.clone_from(&p.title);
            x.province.clone_from(&p.province);
            x.fund_level = Some(p.fund_level.code());
            if let Some(period) = p.period() {
                x.period_from = Some(period.from.to_string());
                x.period_to = Some(period.to.to_string());
            }
            for line in &p.schemes {
                // A plan line may not state its support: then it is unknown, not zero.
                let (support, exactness) = line.support.as_ref().map(amount).unzip();
                x.mentions.push(Mention {
                    scheme_id: line.scheme_id.clone(),
                    role: "plan_line",
                    title: line.title.clone(),
                    province: p.province.clone(),
                    fund_level: Some(p.fund_level.code()),
                    year: Some(i64::from(p.year)),
                    approved_on: None,
                    approval_number: None,
                    support_vnd: support,
                    support_exactness: exactness,
                    total_cost_vnd: line.total_cost.as_ref().map(|a| a.vnd.get()),
                    activities: vec![line.activity],
                });
            }
        }
        Document::PeriodReport(r) => {
            x.title.clone_from(&r.title);
            x.province = Some(r.reporting_unit.province.clone());
            x.period_from = Some(r.period.from.to_string());
            x.period_to = Some(r.period.to.to_string());
            let (year_from, year_to) = (
                i64::from(r.period.from.year()),
                i64::from(r.period.to.year()),
            );
            for line in &r.results {
                x.report_lines.push(ReportLine {
                    activity: line.activity,
                    fund_level: line.fund.map(khuyencong::funding::FundLevel::code),
                    year_from,
                    year_to,
                });
            }
            if let Some(p) = r.programme {
                x.programmes.push((p.code().to_owned(), "reports_on"));
            }
            // Targets a report proposes for the period after its own; the report does not
            // state when that period ends.
            let next_day = r.period.to.succ_opt();
            let next = next_day.map(|d| d.to_string());
            let target_province = next_day.map(|d| {
                khuyencong::province::resolve(&r.reporting_unit.province, d, d).map_or_else(
                    || khuyencong::province::normalise_text(&r.reporting_unit.province).0,
                    |m| m.province.code().to_owned(),
                )
            });
            for line in &r.targets {
                let mut push =
                    |measure: &'static str, target: u64, exactness, text: Option<&String>| {
                        x.targets.push(Target {
                            programme_id: None,
                            province_key: target_province.clone(),
                            basis: "report_proposal",
                            period_from: next.clone(),
                            period_to: None,
                            year: None,
                            activity: Some(line.activity.code()),
                            fund_level: line.fund.map(khuyencong::funding::FundLevel::code),
                            level: line
                                .level
                                .map(khuyencong::product::TypicalProductLevel::code),
                            measure,
                            target,
                            exactness,
                            text: text.cloned(),
                        });
                    };
                for (kind, count) in counts(&line.counts) {
                    push(kind, count.value, count.exactness, count.text.as_ref());
                }
                if let Some(a) = &line.support {
                    push("support_vnd", a.vnd.get(), a.exactness, a.text.as_ref());
                }
                if let Some(a) = &line.total_investment {
                    push(
                        "total_investment_vnd",
                        a.vnd.get(),
                        a.exactness,
                        a.text.as_ref(),
                    );
                }
            }
        }
        // A kind this version of the register does not index yet is still stored, checked
        // and counted by the core's totals.
        #[allow(unreachable_patterns)]
        _ => {}
    }
    (x.province_key, x.province_now) = province_keys(doc);
    Ok(x)
}

fn counts(c: &Counts) -> impl Iterator<Item = (&'static str, &khuyencong::document::Count)> {
    c.iter()
}

/// The code of an exactness, as the core writes it.
pub fn exactness_code(e: Exactness) -> &'static str {
    e.code()
}

/// The group of an activity's code.
pub fn activity_group(a: Activity) -> Option<&'static str> {
    group(a)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn provinces_are_the_librarys_codes_however_they_are_written() {
        let report = |province: &str, from: &str, to: &str| {
            let json = format!(
                r#"{{"kind": "period_report", "schema_version": 1, "id": "r", "reporting_unit": {{"name": "UBND", "province": "{province}"}}, "period": {{"from": "{from}", "to": "{to}"}}}}"#
            );
            khuyencong::document::parse(json.as_bytes()).map(|d| province_keys(&d))
        };
        let an_giang = report("Tỉnh An Giang", "2021-01-01", "2025-06-30").ok();
        assert!(an_giang.is_some());
        // The same province typed otherwise, with decomposed accents: the same keys.
        let nfd: String = "  An   Giang ".nfd().collect();
        assert_eq!(report(&nfd, "2021-01-01", "2025-06-30").ok(), an_giang);
        // Kiên Giang before the arrangement is itself; today it is part of An Giang.
        let (time, now) = report("Kiên Giang", "2022-01-01", "2022-12-31").unwrap_or_default();
        assert_ne!(time, now);
        assert_eq!(now, an_giang.and_then(|(_, now)| now));
        // A name not on the list is kept as its text.
        assert_eq!(
            report("Vùng  X", "2022-01-01", "2022-12-31").ok(),
            Some((Some("Vùng X".to_owned()), Some("Vùng X".to_owned())))
        );
    }

    #[test]
    fn names_are_normalised_for_matching() {
        assert_eq!(
            name_key("HTX  Nông nghiệp\tkỹ nghệ"),
            "htx nông nghiệp kỹ nghệ"
        );
    }
}
