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
    /// Programmes a scheme document says the scheme belongs to: a programme document's
    /// `id`, or the instrument code of the decision that approved the programme.
    pub scheme_programmes: Vec<(String, String)>,
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
                total_cost_vnd: Some(s.funding.total_cost.vnd.get()),
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
            if let Some(id) = &s.programme_id {
                x.scheme_programmes.push((s.id.clone(), id.clone()));
            }
            if let Some(instrument) = s.programme {
                x.scheme_programmes
                    .push((s.id.clone(), instrument.code().to_owned()));
            }
        }
        Document::Plan(p) => {
            x.title.clone_from(&p.title);
            x.province.clone_from(&p.province);
            x.fund_level = p.fund_level.map(khuyencong::funding::FundLevel::code);
            if let Some(period) = p.period() {
                x.period_from = Some(period.from.to_string());
                x.period_to = Some(period.to.to_string());
            }
            for line in &p.schemes {
                // A line that stands for several schemes (no scheme id) mentions none of
                // them by name.
                let Some(scheme_id) = &line.scheme_id else {
                    continue;
                };
                // A plan line may not state its support: then it is unknown, not zero.
                let (support, exactness) = line.support.as_ref().map(amount).unzip();
                x.mentions.push(Mention {
                    scheme_id: scheme_id.clone(),
                    role: "plan_line",
                    title: line.title.clone(),
                    province: p.province.clone(),
                    fund_level: p.line_level(line).map(khuyencong::funding::FundLevel::code),
                    year: Some(i64::from(p.year)),
                    approved_on: None,
                    approval_number: None,
                    support_vnd: support,
                    support_exactness: exactness,
                    total_cost_vnd: line.total_cost.as_ref().map(|a| a.vnd.get()),
                    activities: line.activity.into_iter().collect(),
                });
            }
        }
        Document::PeriodReport(r) => {
            x.title.clone_from(&r.title);
            x.province.clone_from(&r.reporting_unit.province);
            x.period_from = Some(r.period.from.to_string());
            x.period_to = Some(r.period.to.to_string());
            let (year_from, year_to) = (
                i64::from(r.period.from.year()),
                i64::from(r.period.to.year()),
            );
            // Every line that names an activity, its parts included (a part has its line's
            // fund and year unless it states its own).
            let mut stack: Vec<(
                &khuyencong::document::report::ResultLine,
                Option<khuyencong::funding::FundLevel>,
                Option<i64>,
            )> = r.results.iter().rev().map(|l| (l, None, None)).collect();
            while let Some((line, fund, year)) = stack.pop() {
                let fund = line.fund.or(fund);
                let year = line.year.map(|y| i64::from(y.get())).or(year);
                if let Some(activity) = line.activity {
                    x.report_lines.push(ReportLine {
                        activity,
                        fund_level: fund.map(khuyencong::funding::FundLevel::code),
                        year_from: year.unwrap_or(year_from),
                        year_to: year.unwrap_or(year_to),
                    });
                }
                stack.extend(line.parts.iter().rev().map(|p| (p, fund, year)));
            }
            if let Some(p) = r.programme {
                x.programmes.push((p.code().to_owned(), "reports_on"));
            }
            if let Some(id) = &r.programme_id {
                x.programmes.push((id.clone(), "reports_on"));
            }
            // Targets a report proposes for the period after its own; the report does not
            // state when that period ends.
            let next_day = r.period.to.succ_opt();
            let next = next_day.map(|d| d.to_string());
            let target_province =
                next_day
                    .zip(r.reporting_unit.province.as_deref())
                    .map(|(d, province)| {
                        khuyencong::province::resolve(province, d, d).map_or_else(
                            || khuyencong::province::normalise_text(province).0,
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
                            activity: line.activity.map(Codelist::code),
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
        Document::Programme(p) => {
            x.title.clone_from(&p.title);
            x.province.clone_from(&p.province);
            x.fund_level = p.fund_level.map(khuyencong::funding::FundLevel::code);
            x.period_from = Some(p.period.from.to_string());
            x.period_to = Some(p.period.to.to_string());
            x.programmes.push((p.id.clone(), "defines"));
            if let Some(instrument) = p.instrument {
                x.programmes.push((instrument.code().to_owned(), "defines"));
            }
            let (province_key, _) = province_keys(doc);
            // One row per target and indicator, and per year for a target for each year (as
            // `khuyencong::totals::progress` compares them).
            for t in &p.targets {
                let years: Vec<Option<i64>> = match (t.year, t.each_year) {
                    (Some(y), _) => vec![Some(i64::from(y.get()))],
                    (None, true) => p.years().map(|y| Some(i64::from(y))).collect(),
                    (None, false) => vec![None],
                };
                let mut indicators: Vec<(&'static str, u64, Exactness, Option<&String>)> =
                    Vec::new();
                for (kind, count) in counts(&t.counts) {
                    indicators.push((kind, count.value, count.exactness, count.text.as_ref()));
                }
                for (measure, a) in [
                    ("support_vnd", &t.support),
                    ("total_investment_vnd", &t.total_investment),
                ] {
                    if let Some(a) = a {
                        indicators.push((measure, a.vnd.get(), a.exactness, a.text.as_ref()));
                    }
                }
                for (measure, c) in [
                    ("jobs_created", &t.outcomes.jobs_created),
                    ("workers_trained", &t.outcomes.workers_trained),
                ] {
                    if let Some(c) = c {
                        indicators.push((measure, c.value, c.exactness, c.text.as_ref()));
                    }
                }
                for (measure, target, exactness, text) in indicators {
                    for year in &years {
                        x.targets.push(Target {
                            programme_id: Some(p.id.clone()),
                            province_key: province_key.clone(),
                            basis: "programme",
                            period_from: Some(p.period.from.to_string()),
                            period_to: Some(p.period.to.to_string()),
                            year: *year,
                            activity: t.activity.map(Codelist::code),
                            fund_level: t.fund.map(khuyencong::funding::FundLevel::code),
                            level: t.level.map(khuyencong::product::TypicalProductLevel::code),
                            measure,
                            target,
                            exactness,
                            text: text.or(t.text.as_ref()).cloned(),
                        });
                    }
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
                r#"{{"kind": "period_report", "schema_version": 2, "id": "r", "reporting_unit": {{"name": "UBND", "province": "{province}"}}, "period": {{"from": "{from}", "to": "{to}"}}}}"#
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
