//! Totals across documents: exact integer sums by province, period, fund level, source and
//! activity, with support share, counterpart per đồng of support and average support per
//! establishment.
//!
//! Two kinds of figures are added up, and never mixed:
//! - **funding** (`funding_vnd`): money by source as documents state it (a report's funding
//!   mobilised, a plan's budget) — top-level lines only, so nested parts are not counted twice;
//! - **results** (`support_vnd`, `total_investment_vnd`, `counterpart_vnd`, `establishments`):
//!   what was spent per activity and fund level (a report's result lines, a plan's schemes).
//!
//! Funding figures have no activity; result figures have no source: grouping by those keys
//! puts them under `null` ("no such key for this figure").
//!
//! **Unstated is unknown, never zero, and nothing stated is dropped.** A document that states
//! a total (`results_total`, a funding `total`, a stated counterpart) larger than what its
//! lines itemise keeps the difference: it is added under the key value [`NOT_ITEMISED`] for
//! the keys it cannot be attributed to (activity and fund level for results, source and fund
//! level for funding), so a document that states only its totals is counted in full. A stated
//! counterpart is used as stated; the part the lines derive (investment − support) is
//! attributed to their activity and fund, the rest is not itemised. A funding line or a plan's
//! scheme that states no amount adds nothing and marks its row `lower_bound`. Every row also says how
//! many of its documents have errors when checked (`documents_with_errors`, by
//! [`totals_report`], which lists each document with its error count): their figures are
//! included as stated.
//!
//! Provinces are grouped by their permanent code ([`crate::province`]), however the document
//! spells the name: `province` is the unit of the document's date (a former province stays
//! itself), `province_now` the unit that holds its territory today (a former province goes to
//! its successor of the 2025 arrangement). A name that is not a province of the list is grouped
//! by its text (Unicode NFC, white space collapsed). Every change of a key's text comes with a
//! [`KeyNote`].

use std::collections::BTreeMap;
use std::str::FromStr;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

use crate::document::common::Count;
use crate::document::funding::FundingBreakdown;
use crate::document::{
    Amount, CheckOptions, Document, DocumentKind, Exactness, PeriodReport, Plan, Scheme, check,
};
use crate::finding::Severity;
use crate::funding::{FundLevel, FundingSource};
use crate::money::{MAX_VND, Vnd};

/// A key to group totals by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TotalsKey {
    /// The province of the document's date, by its code (a report's reporting unit, a plan's
    /// or scheme's province).
    Province,
    /// The province holding the territory today (a former province under its successor).
    ProvinceNow,
    /// The period: a plan's year, a report's period (`2021-2025`).
    Period,
    /// The fund level (national, provincial, district, commune).
    FundLevel,
    /// The funding source.
    Source,
    /// The activity (Art. 4 group or sub-item, as the document states it).
    Activity,
    /// The document kind.
    Kind,
}

impl TotalsKey {
    /// Every key.
    pub const ALL: [Self; 7] = [
        Self::Province,
        Self::ProvinceNow,
        Self::Period,
        Self::FundLevel,
        Self::Source,
        Self::Activity,
        Self::Kind,
    ];

    /// The key's name.
    pub const fn code(self) -> &'static str {
        match self {
            Self::Province => "province",
            Self::ProvinceNow => "province_now",
            Self::Period => "period",
            Self::FundLevel => "fund_level",
            Self::Source => "source",
            Self::Activity => "activity",
            Self::Kind => "kind",
        }
    }
}

impl FromStr for TotalsKey {
    type Err = String;

    /// Parses a key name; `year` is accepted for `period`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim() {
            "year" => Ok(Self::Period),
            other => Self::ALL
                .iter()
                .copied()
                .find(|k| k.code() == other)
                .ok_or_else(|| {
                    format!(
                        "unknown totals key `{other}`; expected province, province_now, period (or year), fund_level, source, activity, kind / khóa tổng hợp `{other}` không hợp lệ"
                    )
                }),
        }
    }
}

/// The key value of figures a document states only in a total, not broken down by that key
/// (e.g. the part of a stated results total that no activity line itemises).
pub const NOT_ITEMISED: &str = "not_itemised";

/// One row of totals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct TotalsRow {
    /// The value of each grouping key (`null`: the figures have no such key;
    /// [`NOT_ITEMISED`]: the documents state them only in a total, not by this key).
    pub keys: BTreeMap<&'static str, Option<String>>,
    /// Number of documents contributing.
    pub documents: u64,
    /// Of those, the documents whose check finds errors (their figures are included as
    /// stated); `None` when the documents were not checked ([`totals`] rather than
    /// [`totals_report`]).
    pub documents_with_errors: Option<u64>,
    /// Funding by source as stated (top-level lines), in đồng.
    pub funding_vnd: u64,
    /// State support in the results, in đồng.
    pub support_vnd: u64,
    /// Total investment in the results (support included), in đồng.
    pub total_investment_vnd: u64,
    /// Counterpart: investment − support over result lines stating both, plus the part of a
    /// stated counterpart the lines do not itemise; in đồng.
    pub counterpart_vnd: u64,
    /// Establishments supported.
    pub establishments: u64,
    /// How exactly the figures are known (weakest of the parts).
    pub exactness: Exactness,
    /// support ÷ total investment, over lines stating both; 6 decimals, rounded toward zero.
    pub support_share: Option<Decimal>,
    /// counterpart ÷ support, over lines stating both; 6 decimals, rounded toward zero.
    pub counterpart_per_support: Option<Decimal>,
    /// support ÷ establishments, over lines stating establishments; rounded down to the đồng.
    pub avg_support_per_establishment_vnd: Option<u64>,
    #[serde(skip)]
    paired_support: u64,
    #[serde(skip)]
    paired_investment: u64,
    #[serde(skip)]
    paired_counterpart: u64,
    #[serde(skip)]
    support_of_establishments: u64,
}

/// One document of a totals run: which it is and how many errors its check finds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct TotalsDocument {
    /// Its position among the inputs, from 0.
    pub index: usize,
    /// Its `id`.
    pub id: String,
    /// Its kind.
    pub kind: DocumentKind,
    /// Errors found by checking it (with the default options); its figures are included
    /// as stated all the same.
    pub errors: u64,
}

/// Rows of totals and the documents they were made from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct TotalsReport {
    /// The rows, sorted by their key values.
    pub rows: Vec<TotalsRow>,
    /// Every document, in input order, with its error count (empty from
    /// [`totals_with_notes`], which does not check the documents).
    pub documents: Vec<TotalsDocument>,
    /// One note per document and key whose text was changed or read with care.
    pub notes: Vec<KeyNote>,
}

/// Why totals could not be computed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TotalsError {
    /// A total exceeds the maximum amount.
    #[error("a total exceeds the maximum 9007199254740991 đồng")]
    Overflow,
}

impl TotalsError {
    /// The message in Vietnamese.
    pub fn message_vi(&self) -> String {
        match self {
            Self::Overflow => "tổng vượt quá mức tối đa 9.007.199.254.740.991 đồng".to_owned(),
        }
    }
}

/// A change made to a grouping key's text, so that the same province (or the same text)
/// typed differently falls in one row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct KeyNote {
    /// The position of the document in the input, from 0.
    pub document: usize,
    /// The key (`province`, `province_now`).
    pub key: &'static str,
    /// What the note says: `province_normalised` (the name was read as a province of the
    /// list), `province_not_of_date` (the name is of a province that did not exist at the
    /// document's date), `province_successor` (a former province grouped under today's unit),
    /// `province_not_recognised` (not a province of the list: grouped by its text),
    /// `text_normalised` (white space or Unicode form changed).
    pub code: &'static str,
    /// The text as the document writes it.
    pub text: String,
    /// The value the figures are grouped under.
    pub value: String,
    /// The note in Vietnamese.
    pub message_vi: String,
    /// The note in English.
    pub message_en: String,
}

/// The province keys of a document: of its date and of today, with the notes.
fn province_keys(
    doc: &Document,
    index: usize,
    by: &[TotalsKey],
    notes: &mut Vec<KeyNote>,
) -> (Option<String>, Option<String>) {
    let wants = |k: TotalsKey| by.contains(&k);
    if !wants(TotalsKey::Province) && !wants(TotalsKey::ProvinceNow) {
        return (None, None);
    }
    let Some((text, from, to)) = crate::province::document_province(doc) else {
        return (None, None);
    };
    let mut note = |key: &'static str, code: &'static str, value: &str, vi: String, en: String| {
        if wants(if key == "province" {
            TotalsKey::Province
        } else {
            TotalsKey::ProvinceNow
        }) {
            notes.push(KeyNote {
                document: index,
                key,
                code,
                text: text.to_owned(),
                value: value.to_owned(),
                message_vi: vi,
                message_en: en,
            });
        }
    };
    if let Some(m) = crate::province::resolve(text, from, to) {
        let time = m.province;
        let now = time.now();
        for key in ["province", "province_now"] {
            if m.normalised {
                note(
                    key,
                    "province_normalised",
                    time.code(),
                    format!(
                        "`{text}` được đọc là {} (`{}`)",
                        time.label(crate::law::Lang::Vi),
                        time.code()
                    ),
                    format!(
                        "`{text}` read as {} (`{}`)",
                        time.label(crate::law::Lang::En),
                        time.code()
                    ),
                );
            }
            if !m.in_force {
                note(
                    key,
                    "province_not_of_date",
                    time.code(),
                    format!(
                        "`{text}` không phải đơn vị hành chính cấp tỉnh vào ngày của văn bản ({from} – {to})"
                    ),
                    format!(
                        "`{text}` is not a provincial-level unit at the document's date ({from} – {to})"
                    ),
                );
            }
        }
        if now != time {
            note(
                "province_now",
                "province_successor",
                now.code(),
                format!(
                    "{} nay thuộc {} (`{}`)",
                    time.label(crate::law::Lang::Vi),
                    now.label(crate::law::Lang::Vi),
                    now.code()
                ),
                format!(
                    "{} is now part of {} (`{}`)",
                    time.label(crate::law::Lang::En),
                    now.label(crate::law::Lang::En),
                    now.code()
                ),
            );
        }
        (Some(time.code().to_owned()), Some(now.code().to_owned()))
    } else {
        let (value, changed) = crate::province::normalise_text(text);
        for key in ["province", "province_now"] {
            note(
                key,
                "province_not_recognised",
                &value,
                format!(
                    "`{text}` không phải tên tỉnh, thành phố trong danh mục; nhóm theo chữ viết"
                ),
                format!(
                    "`{text}` is not a province or centrally-run city of the list; grouped by its text"
                ),
            );
            if changed {
                note(
                    key,
                    "text_normalised",
                    &value,
                    format!("`{text}` được chuẩn hóa thành `{value}` (Unicode NFC, khoảng trắng)"),
                    format!("`{text}` normalised to `{value}` (Unicode NFC, white space)"),
                );
            }
        }
        (Some(value.clone()), Some(value))
    }
}

#[derive(Default)]
struct Fact {
    province: Option<String>,
    province_now: Option<String>,
    period: Option<String>,
    fund_level: Option<&'static str>,
    source: Option<&'static str>,
    activity: Option<&'static str>,
    kind: &'static str,
    funding: u64,
    support: Option<u64>,
    investment: Option<u64>,
    counterpart: Option<u64>,
    /// Support, investment and counterpart come from one line that states both.
    paired: bool,
    establishments: u64,
    exactness: Exactness,
}

impl Fact {
    fn key(&self, k: TotalsKey) -> Option<String> {
        match k {
            TotalsKey::Province => self.province.clone(),
            TotalsKey::ProvinceNow => self.province_now.clone(),
            TotalsKey::Period => self.period.clone(),
            TotalsKey::FundLevel => self.fund_level.map(str::to_owned),
            TotalsKey::Source => self.source.map(str::to_owned),
            TotalsKey::Activity => self.activity.map(str::to_owned),
            TotalsKey::Kind => Some(self.kind.to_owned()),
        }
    }
}

/// What a stated total holds beyond its itemised parts: `None` when nothing (an exact total
/// fully itemised, or parts that reach it). The remainder is as exact as the total and the
/// parts together.
fn remainder(stated: &Amount, parts: &[Option<&Amount>]) -> Option<(u64, Exactness)> {
    let mut known = 0u64;
    let mut exactness = stated.exactness;
    for a in parts.iter().flatten() {
        known = known.saturating_add(a.vnd.get());
        exactness = exactness.combine(a.exactness);
    }
    let rest = stated.vnd.get().saturating_sub(known);
    (rest > 0).then_some((rest, exactness))
}

/// The same for a count.
fn count_remainder(stated: &Count, parts: &[Option<&Count>]) -> Option<(u64, Exactness)> {
    let mut known = 0u64;
    let mut exactness = stated.exactness;
    for c in parts.iter().flatten() {
        known = known.saturating_add(c.value);
        exactness = exactness.combine(c.exactness);
    }
    let rest = stated.value.saturating_sub(known);
    (rest > 0).then_some((rest, exactness))
}

/// The funding facts of a breakdown: its lines, and the part of a stated total they do not
/// itemise.
fn funding_facts(b: &FundingBreakdown, base: &Fact, out: &mut Vec<Fact>) {
    for line in &b.lines {
        let (funding, exactness) = match &line.amount {
            Some(a) => (a.vnd.get(), a.exactness),
            // Named but not stated: unknown, so at least 0.
            None => (0, Exactness::LowerBound),
        };
        out.push(Fact {
            fund_level: line.source.fund_level().map(FundLevel::code),
            source: Some(line.source.code()),
            funding,
            exactness,
            ..base.clone_keys()
        });
    }
    if let Some(total) = &b.total {
        let parts: Vec<Option<&Amount>> = b.lines.iter().map(|l| l.amount.as_ref()).collect();
        if let Some((rest, exactness)) = remainder(total, &parts) {
            out.push(Fact {
                fund_level: Some(NOT_ITEMISED),
                source: Some(NOT_ITEMISED),
                funding: rest,
                exactness,
                ..base.clone_keys()
            });
        }
    }
}

impl Fact {
    /// A fact with only this one's document keys (province, period, kind).
    fn clone_keys(&self) -> Self {
        Self {
            province: self.province.clone(),
            province_now: self.province_now.clone(),
            period: self.period.clone(),
            kind: self.kind,
            ..Self::default()
        }
    }
}

fn report_facts(r: &PeriodReport, keys: ProvinceKeys, out: &mut Vec<Fact>) {
    let base = Fact {
        province: keys.0,
        province_now: keys.1,
        period: Some(r.period.label()),
        kind: "period_report",
        ..Fact::default()
    };
    let mut derived_counterpart = 0u64;
    for line in &r.results {
        let mut exactness = Exactness::Exact;
        for a in [&line.support, &line.total_investment]
            .into_iter()
            .flatten()
        {
            exactness = exactness.combine(a.exactness);
        }
        let establishments = line.counts.establishments.as_ref();
        if let Some(e) = establishments {
            exactness = exactness.combine(e.exactness);
        }
        if line.support.is_none() && line.total_investment.is_none() && establishments.is_none() {
            continue;
        }
        let support = line.support.as_ref().map(|a| a.vnd.get());
        let investment = line.total_investment.as_ref().map(|a| a.vnd.get());
        let (counterpart, paired) = match (support, investment) {
            (Some(s), Some(i)) => (Some(i.saturating_sub(s)), true),
            _ => (None, false),
        };
        derived_counterpart = derived_counterpart.saturating_add(counterpart.unwrap_or(0));
        out.push(Fact {
            fund_level: line.fund.map(FundLevel::code),
            activity: Some(line.activity.code()),
            support,
            investment,
            counterpart,
            paired,
            establishments: establishments.map_or(0, |e| e.value),
            exactness,
            ..base.clone_keys()
        });
    }
    // What the stated results total holds beyond the lines.
    let mut rest = Fact {
        fund_level: Some(NOT_ITEMISED),
        activity: Some(NOT_ITEMISED),
        ..base.clone_keys()
    };
    let mut any = false;
    if let Some(total) = &r.results_total {
        let lines = &r.results;
        if let Some(stated) = &total.support {
            let parts: Vec<_> = lines.iter().map(|l| l.support.as_ref()).collect();
            if let Some((v, e)) = remainder(stated, &parts) {
                rest.support = Some(v);
                rest.exactness = rest.exactness.combine(e);
                any = true;
            }
        }
        if let Some(stated) = &total.total_investment {
            let parts: Vec<_> = lines.iter().map(|l| l.total_investment.as_ref()).collect();
            if let Some((v, e)) = remainder(stated, &parts) {
                rest.investment = Some(v);
                rest.exactness = rest.exactness.combine(e);
                any = true;
            }
        }
        if let Some(stated) = &total.counts.establishments {
            let parts: Vec<_> = lines
                .iter()
                .map(|l| l.counts.establishments.as_ref())
                .collect();
            if let Some((v, e)) = count_remainder(stated, &parts) {
                rest.establishments = v;
                rest.exactness = rest.exactness.combine(e);
                any = true;
            }
        }
    }
    // A stated counterpart is used as stated: what the lines do not derive is not itemised.
    if let Some(f) = &r.funding {
        let mut stated = None::<Amount>;
        for l in f
            .lines
            .iter()
            .filter(|l| l.source == FundingSource::Counterpart)
        {
            if let Some(a) = &l.amount {
                stated = Some(match stated {
                    None => a.clone(),
                    Some(s) => Amount {
                        vnd: s.vnd.checked_add(a.vnd).unwrap_or(s.vnd),
                        exactness: s.exactness.combine(a.exactness),
                        text: None,
                    },
                });
            }
        }
        if let Some(stated) = stated {
            let extra = stated.vnd.get().saturating_sub(derived_counterpart);
            if extra > 0 {
                rest.counterpart = Some(extra);
                rest.exactness = rest.exactness.combine(stated.exactness);
                any = true;
            }
        }
    }
    if any {
        out.push(rest);
    }
    if let Some(f) = &r.funding {
        funding_facts(f, &base, out);
    }
}

fn scheme_facts(s: &Scheme, keys: ProvinceKeys, out: &mut Vec<Fact>) {
    use chrono::Datelike;
    let base = Fact {
        province: keys.0,
        province_now: keys.1,
        period: Some(s.approval.date.year().to_string()),
        kind: "scheme",
        ..Fact::default()
    };
    let level = s.funding.fund_level.code();
    let support: u64 = s
        .funding
        .lines
        .iter()
        .filter(|l| l.source.is_state())
        .map(|l| l.amount.get())
        .fold(0u64, u64::saturating_add);
    let investment = s.funding.total_cost.get();
    // The establishments listed, or else the planned number (a group scheme may list none).
    let establishments = if s.beneficiaries.is_empty() {
        s.planned_outputs
            .establishments
            .as_ref()
            .map_or(0, |c| c.value)
    } else {
        s.beneficiaries.len() as u64
    };
    let activity = s.activities.first().map(|a| a.code());
    out.push(Fact {
        fund_level: Some(level),
        activity,
        support: Some(support),
        investment: Some(investment),
        counterpart: Some(investment.saturating_sub(support)),
        paired: true,
        establishments,
        ..base.clone_keys()
    });
    for line in &s.funding.lines {
        out.push(Fact {
            fund_level: line.source.fund_level().map(FundLevel::code),
            source: Some(line.source.code()),
            activity,
            funding: line.amount.get(),
            ..base.clone_keys()
        });
    }
}

fn plan_facts(p: &Plan, keys: ProvinceKeys, out: &mut Vec<Fact>) {
    let base = Fact {
        province: keys.0,
        province_now: keys.1,
        period: Some(p.year.to_string()),
        kind: "plan",
        ..Fact::default()
    };
    for s in &p.schemes {
        // A scheme listed without its support has some support, unknown: at least 0.
        let mut exactness = if s.support.is_some() {
            Exactness::Exact
        } else {
            Exactness::LowerBound
        };
        for a in [&s.support, &s.total_cost].into_iter().flatten() {
            exactness = exactness.combine(a.exactness);
        }
        let support = s.support.as_ref().map(|a| a.vnd.get());
        let investment = s.total_cost.as_ref().map(|a| a.vnd.get());
        let (counterpart, paired) = match (support, investment) {
            (Some(s), Some(i)) => (Some(i.saturating_sub(s)), true),
            _ => (None, false),
        };
        out.push(Fact {
            fund_level: Some(p.fund_level.code()),
            activity: Some(s.activity.code()),
            support,
            investment,
            counterpart,
            paired,
            exactness,
            ..base.clone_keys()
        });
    }
    if let Some(b) = &p.budget {
        funding_facts(b, &base, out);
    }
}

/// The province keys of a document: of its date and of today.
type ProvinceKeys = (Option<String>, Option<String>);

fn facts_of(doc: &Document, keys: ProvinceKeys, out: &mut Vec<Fact>) {
    match doc {
        Document::PeriodReport(r) => report_facts(r, keys, out),
        Document::Scheme(s) => scheme_facts(s, keys, out),
        Document::Plan(p) => plan_facts(p, keys, out),
    }
}

fn add(a: &mut u64, b: u64) -> Result<(), TotalsError> {
    *a = a
        .checked_add(b)
        .filter(|s| *s <= MAX_VND)
        .ok_or(TotalsError::Overflow)?;
    Ok(())
}

fn ratio(num: u64, den: u64) -> Option<Decimal> {
    if den == 0 {
        return None;
    }
    let r = Decimal::from(num).checked_div(Decimal::from(den))?;
    Some(
        r.round_dp_with_strategy(6, RoundingStrategy::ToZero)
            .normalize(),
    )
}

/// Adds up documents grouped by `by` (no keys: one grand-total row). Rows come sorted by
/// their key values. The documents are not checked, so `documents_with_errors` is `None`:
/// [`totals_report`] checks them too (at the cost of a check per document).
///
/// # Errors
/// [`TotalsError::Overflow`] when a total exceeds 9,007,199,254,740,991 đồng.
pub fn totals<'a, I>(documents: I, by: &[TotalsKey]) -> Result<Vec<TotalsRow>, TotalsError>
where
    I: IntoIterator<Item = &'a Document>,
{
    aggregate(documents, by, false).map(|r| r.rows)
}

/// [`totals`] with the notes on how each document's keys were read (a province typed
/// differently, a former province under its successor, free text normalised); the documents
/// are not checked (`documents` is empty).
///
/// # Errors
/// [`TotalsError::Overflow`] when a total exceeds 9,007,199,254,740,991 đồng.
///
/// # Example
/// ```
/// use khuyencong::document::parse;
/// use khuyencong::totals::{TotalsKey, totals_with_notes};
/// let plan = |province: &str, year: i32| parse(format!(r#"{{"kind": "plan", "schema_version": 1,
///   "id": "kh-{year}", "year": {year}, "fund_level": "provincial", "province": "{province}",
///   "budget": {{"lines": [{{"source": "local_budget_provincial", "amount": 100000000}}]}}}}"#).as_bytes());
/// let docs = [plan("Tỉnh Kiên Giang", 2024), plan("An Giang", 2026)];
/// let docs: Vec<_> = docs.into_iter().collect::<Result<_, _>>().map_err(|e| e.to_string())?;
/// let t = totals_with_notes(&docs, &[TotalsKey::ProvinceNow])?;
/// assert_eq!(t.rows.len(), 1); // Kiên Giang is part of An Giang from 2025-07-01
/// assert_eq!(t.rows[0].keys["province_now"].as_deref(), Some("an_giang_2025"));
/// assert!(t.notes.iter().any(|n| n.code == "province_successor"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn totals_with_notes<'a, I>(documents: I, by: &[TotalsKey]) -> Result<TotalsReport, TotalsError>
where
    I: IntoIterator<Item = &'a Document>,
{
    aggregate(documents, by, false)
}

/// Adds up documents grouped by `by`, and lists every document with the number of errors its
/// check finds (with the default options): no document is dropped, and a row says how many
/// of its documents have errors.
///
/// # Errors
/// [`TotalsError::Overflow`] when a total exceeds 9,007,199,254,740,991 đồng.
///
/// # Example
/// ```
/// use khuyencong::document::parse;
/// use khuyencong::totals::{NOT_ITEMISED, TotalsKey, totals_report};
/// // A report that states only its total: counted in full, as not itemised by activity.
/// let doc = parse(r#"{"kind": "period_report", "schema_version": 1, "id": "r",
///   "reporting_unit": {"name": "Sở Công Thương", "province": "X"},
///   "period": {"from": "2024-01-01", "to": "2024-12-31"},
///   "results_total": {"support": 12000000000}}"#.as_bytes()).map_err(|e| e.to_string())?;
/// let report = totals_report([&doc], &[TotalsKey::Activity]).map_err(|e| e.to_string())?;
/// assert_eq!(report.rows[0].keys["activity"].as_deref(), Some(NOT_ITEMISED));
/// assert_eq!(report.rows[0].support_vnd, 12_000_000_000);
/// assert_eq!(report.documents[0].errors, 0);
/// # Ok::<(), String>(())
/// ```
pub fn totals_report<'a, I>(documents: I, by: &[TotalsKey]) -> Result<TotalsReport, TotalsError>
where
    I: IntoIterator<Item = &'a Document>,
{
    aggregate(documents, by, true)
}

/// The totals, checking each document when `checked`.
fn aggregate<'a, I>(
    documents: I,
    by: &[TotalsKey],
    checked: bool,
) -> Result<TotalsReport, TotalsError>
where
    I: IntoIterator<Item = &'a Document>,
{
    let mut groups: BTreeMap<Vec<Option<String>>, (TotalsRow, Option<usize>)> = BTreeMap::new();
    let mut facts = Vec::new();
    let mut listed = Vec::new();
    let mut notes = Vec::new();
    let options = CheckOptions::default();
    for (doc_index, doc) in documents.into_iter().enumerate() {
        let errors = if checked {
            let errors = check(doc, &options)
                .iter()
                .filter(|f| f.severity == Severity::Error)
                .count() as u64;
            listed.push(TotalsDocument {
                index: doc_index,
                id: doc.id().to_owned(),
                kind: doc.kind(),
                errors,
            });
            Some(errors)
        } else {
            None
        };
        facts.clear();
        let keys = province_keys(doc, doc_index, by, &mut notes);
        facts_of(doc, keys, &mut facts);
        for fact in &facts {
            let key: Vec<Option<String>> = by.iter().map(|k| fact.key(*k)).collect();
            let (row, last_doc) = groups.entry(key).or_insert_with_key(|key| {
                (
                    TotalsRow {
                        keys: by
                            .iter()
                            .map(|k| k.code())
                            .zip(key.iter().cloned())
                            .collect(),
                        documents: 0,
                        documents_with_errors: checked.then_some(0),
                        funding_vnd: 0,
                        support_vnd: 0,
                        total_investment_vnd: 0,
                        counterpart_vnd: 0,
                        establishments: 0,
                        exactness: Exactness::Exact,
                        support_share: None,
                        counterpart_per_support: None,
                        avg_support_per_establishment_vnd: None,
                        paired_support: 0,
                        paired_investment: 0,
                        paired_counterpart: 0,
                        support_of_establishments: 0,
                    },
                    None,
                )
            });
            if *last_doc != Some(doc_index) {
                row.documents += 1;
                if let (Some(n), Some(e)) = (row.documents_with_errors.as_mut(), errors) {
                    *n += u64::from(e > 0);
                }
                *last_doc = Some(doc_index);
            }
            add(&mut row.funding_vnd, fact.funding)?;
            if let Some(s) = fact.support {
                add(&mut row.support_vnd, s)?;
            }
            if let Some(i) = fact.investment {
                add(&mut row.total_investment_vnd, i)?;
            }
            if let Some(c) = fact.counterpart {
                add(&mut row.counterpart_vnd, c)?;
            }
            if fact.paired {
                add(&mut row.paired_support, fact.support.unwrap_or(0))?;
                add(&mut row.paired_investment, fact.investment.unwrap_or(0))?;
                add(&mut row.paired_counterpart, fact.counterpart.unwrap_or(0))?;
            }
            if fact.establishments > 0 {
                add(
                    &mut row.support_of_establishments,
                    fact.support.unwrap_or(0),
                )?;
            }
            row.establishments = row
                .establishments
                .checked_add(fact.establishments)
                .ok_or(TotalsError::Overflow)?;
            row.exactness = row.exactness.combine(fact.exactness);
        }
    }
    let rows = groups
        .into_values()
        .map(|(mut row, _)| {
            row.support_share = ratio(row.paired_support, row.paired_investment);
            row.counterpart_per_support = ratio(row.paired_counterpart, row.paired_support);
            row.avg_support_per_establishment_vnd = (row.establishments > 0
                && row.support_of_establishments > 0)
                .then(|| row.support_of_establishments / row.establishments);
            row
        })
        .collect();
    Ok(TotalsReport {
        rows,
        documents: listed,
        notes,
    })
}

impl TotalsRow {
    /// The names of the figures of a row, in their JSON order — for tables and frames.
    pub const FIGURES: [&'static str; 11] = [
        "documents",
        "documents_with_errors",
        "funding_vnd",
        "support_vnd",
        "total_investment_vnd",
        "counterpart_vnd",
        "establishments",
        "exactness",
        "support_share",
        "counterpart_per_support",
        "avg_support_per_establishment_vnd",
    ];

    /// The funding total as an amount.
    pub fn funding(&self) -> Vnd {
        Vnd::new(self.funding_vnd).unwrap_or(Vnd::ZERO)
    }
}
