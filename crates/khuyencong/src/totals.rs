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
//! **Nested lines are counted once, at their finest level.** A result line broken down into
//! parts (by fund, year, industry, product group or item) is counted through its parts, each
//! with the line's keys unless it states its own; what the line holds beyond its parts is
//! added with the keys the parts differ by set to [`NOT_ITEMISED`]. So a report that gives
//! the whole, the national part and the local part with its own breakdown adds up by fund
//! (`fund_level`), by activity inside the local part, and by year where lines have one
//! (`year`: a line's year, else the document's year when its period is one calendar year,
//! else [`NOT_ITEMISED`]). A rest line ("còn lại") that states no figure gets the figure its
//! list leaves, when the other lines all state theirs.
//!
//! [`progress`] compares programmes' targets with the results of the reports on them.
//! Provinces are grouped by their permanent code ([`crate::province`]), however the document
//! spells the name: `province` is the unit of the document's date (a former province stays
//! itself), `province_now` the unit that holds its territory today (a former province goes to
//! its successor of the 2025 arrangement). A name that is not a province of the list is grouped
//! by its text (Unicode NFC, white space collapsed). Every change of a key's text comes with a
//! [`KeyNote`].

use std::collections::BTreeMap;
use std::rc::Rc;
use std::str::FromStr;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

use crate::document::common::{Count, LineType};
use crate::document::funding::{FundingBreakdown, FundingPart};
use crate::document::report::{Keys, ResultLine};
use crate::document::{
    Amount, CheckOptions, Document, DocumentKind, Exactness, PeriodReport, Plan, Programme, Scheme,
    check,
};
use crate::finding::Severity;
use crate::fund::{FundLevel, FundingSource};
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
    /// The calendar year of the figures: a line's year inside a multi-year period, else the
    /// document's year when its period is one calendar year, else `not_itemised`.
    Year,
    /// The fund level (national, provincial, district, commune, or `local` when a document
    /// does not say which local level).
    FundLevel,
    /// The funding source.
    Source,
    /// The activity (Art. 4 group or sub-item, as the document states it; `management` for
    /// the management overheads of schemes).
    Activity,
    /// The industry of the establishments (Decree 45/2012 Art. 5 list).
    Industry,
    /// The typical-product group (Circular 26/2014/TT-BCT Art. 5).
    ProductGroup,
    /// The document kind.
    Kind,
}

impl TotalsKey {
    /// Every key.
    pub const ALL: [Self; 10] = [
        Self::Province,
        Self::ProvinceNow,
        Self::Period,
        Self::Year,
        Self::FundLevel,
        Self::Source,
        Self::Activity,
        Self::Industry,
        Self::ProductGroup,
        Self::Kind,
    ];

    /// The key's name.
    pub const fn code(self) -> &'static str {
        match self {
            Self::Province => "province",
            Self::ProvinceNow => "province_now",
            Self::Period => "period",
            Self::Year => "year",
            Self::FundLevel => "fund_level",
            Self::Source => "source",
            Self::Activity => "activity",
            Self::Industry => "industry",
            Self::ProductGroup => "product_group",
            Self::Kind => "kind",
        }
    }
}

impl FromStr for TotalsKey {
    type Err = String;

    /// Parses a key name.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let name = s.trim();
        Self::ALL
            .iter()
            .copied()
            .find(|k| k.code() == name)
            .ok_or_else(|| {
                format!(
                    "unknown totals key `{name}`; expected province, province_now, period, year, fund_level, source, activity, industry, product_group, kind / khóa tổng hợp `{name}` không hợp lệ"
                )
            })
    }
}

/// The key value of figures a document states only in a total, not broken down by that key
/// (e.g. the part of a stated results total that no activity line itemises).
pub const NOT_ITEMISED: &str = "not_itemised";

/// The `province` key of a national document (the Ministry's report, the national programme,
/// a national plan): its figures are not the figures of a province.
pub const NATIONAL: &str = "national";

/// The `activity` key of the management overheads of schemes (chi phí quản lý, triển khai
/// đề án), which are no Art. 4 activity.
pub const MANAGEMENT: &str = "management";

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
    /// Jobs created (an outcome the documents state).
    pub jobs_created: u64,
    /// Workers trained (an outcome the documents state).
    pub workers_trained: u64,
    /// Every other count the documents state, by kind (`schemes`, `models`,
    /// `products_certified`…; a plan's line for one scheme counts one scheme, a scheme
    /// document one), summed like the figures above.
    pub counts: BTreeMap<&'static str, u64>,
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
    #[serde(skip)]
    tally: Tally,
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
        // A national document (the Ministry's report, the national programme or plan) has
        // no province: its figures are the nation's.
        let national = match doc {
            Document::PeriodReport(r) => r.is_national(),
            Document::Programme(p) => p.is_national(),
            Document::Plan(p) => p.fund_level == Some(FundLevel::National),
            Document::Scheme(_) => false,
        };
        return if national {
            (Some(NATIONAL.to_owned()), Some(NATIONAL.to_owned()))
        } else {
            (None, None)
        };
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

#[derive(Default, Clone)]
struct Fact {
    // Shared by every figure of a document: cloned without allocating.
    province: Option<Rc<str>>,
    province_now: Option<Rc<str>>,
    period: Option<Rc<str>>,
    year: Option<YearKey>,
    fund_level: Option<&'static str>,
    source: Option<&'static str>,
    activity: Option<&'static str>,
    industry: Option<&'static str>,
    product_group: Option<&'static str>,
    kind: Option<DocumentKind>,
    funding: u64,
    support: Option<u64>,
    investment: Option<u64>,
    counterpart: Option<u64>,
    /// Support, investment and counterpart come from one line that states both.
    paired: bool,
    establishments: u64,
    jobs: u64,
    trained: u64,
    /// Other counts, by kind (empty, with no allocation, for most figures).
    counts: Vec<(CountKind, u64)>,
    exactness: Exactness,
}

impl Fact {
    fn key(&self, k: TotalsKey) -> Option<String> {
        match k {
            TotalsKey::Province => self.province.as_deref().map(str::to_owned),
            TotalsKey::ProvinceNow => self.province_now.as_deref().map(str::to_owned),
            TotalsKey::Period => self.period.as_deref().map(str::to_owned),
            TotalsKey::Year => self.year.map(YearKey::text),
            TotalsKey::FundLevel => self.fund_level.map(str::to_owned),
            TotalsKey::Source => self.source.map(str::to_owned),
            TotalsKey::Activity => self.activity.map(str::to_owned),
            TotalsKey::Industry => self.industry.map(str::to_owned),
            TotalsKey::ProductGroup => self.product_group.map(str::to_owned),
            TotalsKey::Kind => self.kind.map(|k| k.code().to_owned()),
        }
    }

    /// A fact with only this one's document keys (province, period, year, kind).
    fn clone_keys(&self) -> Self {
        Self {
            province: self.province.clone(),
            province_now: self.province_now.clone(),
            period: self.period.clone(),
            year: self.year,
            kind: self.kind,
            ..Self::default()
        }
    }

    /// Whether the fact adds nothing to any figure.
    fn is_empty(&self) -> bool {
        self.funding == 0
            && self.support.is_none()
            && self.investment.is_none()
            && self.counterpart.is_none()
            && self.establishments == 0
            && self.jobs == 0
            && self.trained == 0
            && self.counts.is_empty()
            && self.exactness == Exactness::Exact
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

/// A count's exactness in totals: a range adds its lower end, so it is a lower bound.
fn count_exactness(c: &Count) -> Exactness {
    if c.max.is_some() {
        Exactness::LowerBound
    } else {
        c.exactness
    }
}

/// The year key of a document whose period is one calendar year.
fn single_year(period: &crate::document::Period) -> Option<YearKey> {
    use chrono::Datelike;
    (period.from.year() == period.to.year()).then(|| YearKey::Year(period.from.year()))
}

/// The `year` key of a figure, kept as a number until a row needs its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum YearKey {
    /// A calendar year.
    Year(i32),
    /// Not broken down by year.
    NotItemised,
}

impl YearKey {
    fn of(year: crate::document::Year) -> Self {
        Self::Year(year.get())
    }

    fn text(self) -> String {
        match self {
            Self::Year(y) => y.to_string(),
            Self::NotItemised => NOT_ITEMISED.to_owned(),
        }
    }
}

/// The counts of a row other than establishments, by kind (in the order of
/// [`CountKind::ALL`]), and which kinds are stated: added up without a map lookup.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Tally {
    values: [u64; 21],
    stated: u32,
}

impl Tally {
    fn add(&mut self, kind: CountKind, value: u64) {
        if let Some(i) = CountKind::ALL.iter().position(|k| *k == kind) {
            self.values[i] = self.values[i].saturating_add(value);
            self.stated |= 1 << i;
        }
    }

    fn get(&self, kind: CountKind) -> Option<u64> {
        let i = CountKind::ALL.iter().position(|k| *k == kind)?;
        (self.stated & (1 << i) != 0).then_some(self.values[i])
    }

    fn iter(&self) -> impl Iterator<Item = (CountKind, u64)> + '_ {
        CountKind::ALL
            .iter()
            .enumerate()
            .filter(|(i, _)| self.stated & (1 << i) != 0)
            .map(|(i, k)| (*k, self.values[i]))
    }
}

/// The funding facts of a breakdown: its lines (a rest line without an amount gets what the
/// total leaves, when the other lines state theirs), split by year where their parts carry
/// one, and the part of a stated total they do not itemise.
fn funding_facts(b: &FundingBreakdown, base: &Fact, out: &mut Vec<Fact>) {
    use crate::document::reconcile::{Figure, Part, rest_of};
    let derived = b.total.as_ref().and_then(|t| {
        let parts: Vec<Part> = b
            .lines
            .iter()
            .map(|l| Part {
                figure: l.amount.as_ref().map(Figure::from),
                rest: l.rest,
            })
            .collect();
        rest_of(t.into(), &parts, b.partial)
    });
    for (i, line) in b.lines.iter().enumerate() {
        let amount = match (&line.amount, derived) {
            (Some(a), _) => Some((a.vnd.get(), a.exactness)),
            (None, Some((j, v))) if j == i => Some((v, Exactness::Exact)),
            (None, _) => None,
        };
        let level = match line.source {
            FundingSource::StateBudget => Some(NOT_ITEMISED),
            s => s.fund_level().map(FundLevel::code),
        };
        let year = line.year.map(YearKey::of).or(base.year);
        funding_line_facts(line, amount, level, year, base, out);
    }
    if let Some(total) = &b.total {
        let mut parts: Vec<Option<&Amount>> = b.lines.iter().map(|l| l.amount.as_ref()).collect();
        let derived_amount = derived.map(|(_, v)| {
            Amount::exact(crate::money::Vnd::new(v).unwrap_or(crate::money::Vnd::ZERO))
        });
        if let Some(a) = &derived_amount {
            parts.push(Some(a));
        }
        if let Some((rest, exactness)) = remainder(total, &parts) {
            out.push(Fact {
                fund_level: Some(NOT_ITEMISED),
                source: Some(NOT_ITEMISED),
                year: base.year.or(Some(YearKey::NotItemised)),
                funding: rest,
                exactness,
                ..base.clone_keys()
            });
        }
    }
}

/// The facts of one funding line, split by year when its parts say their years (the source
/// and level stay the line's, so that nested parts are never counted as sources twice).
fn funding_line_facts(
    line: &FundingPart,
    amount: Option<(u64, Exactness)>,
    level: Option<&'static str>,
    year: Option<YearKey>,
    base: &Fact,
    out: &mut Vec<Fact>,
) {
    let fact = |funding: u64, exactness: Exactness, year: Option<YearKey>| Fact {
        fund_level: level,
        source: Some(line.source.code()),
        year: year.or(Some(YearKey::NotItemised)),
        funding,
        exactness,
        ..base.clone_keys()
    };
    let by_year = line.parts.iter().any(|p| p.year.is_some());
    if !by_year {
        let (funding, exactness) = amount.unwrap_or((0, Exactness::LowerBound));
        out.push(fact(funding, exactness, year));
        return;
    }
    let mut known = 0u64;
    let mut exactness = Exactness::Exact;
    for p in &line.parts {
        let y = p.year.map(YearKey::of).or(year);
        match &p.amount {
            Some(a) => {
                known = known.saturating_add(a.vnd.get());
                exactness = exactness.combine(a.exactness);
                funding_line_facts(p, Some((a.vnd.get(), a.exactness)), level, y, base, out);
            }
            None => out.push(fact(0, Exactness::LowerBound, y)),
        }
    }
    match amount {
        Some((v, e)) if v > known => out.push(fact(v - known, e.combine(exactness), year)),
        Some(_) => {}
        None => out.push(fact(0, Exactness::LowerBound, year)),
    }
}

/// The key of a result line's activity.
fn activity_key(keys: &Keys) -> &'static str {
    match (keys.line_type, keys.activity) {
        (LineType::Management, _) => MANAGEMENT,
        (_, Some(a)) => crate::Codelist::code(a),
        (_, None) => NOT_ITEMISED,
    }
}

fn result_keys(keys: &Keys, base: &Fact) -> Fact {
    use crate::Codelist;
    Fact {
        activity: Some(activity_key(keys)),
        fund_level: Some(keys.fund.map_or(NOT_ITEMISED, FundLevel::code)),
        year: keys
            .year
            .map(YearKey::of)
            .or(base.year)
            .or(Some(YearKey::NotItemised)),
        industry: Some(keys.industry.map_or(NOT_ITEMISED, Codelist::code)),
        product_group: Some(keys.product_group.map_or(NOT_ITEMISED, Codelist::code)),
        ..base.clone_keys()
    }
}

/// The figures a result line states, as a fact with `keys`.
fn line_fact(line: &ResultLine, keys: Fact) -> Fact {
    let mut exactness = Exactness::Exact;
    for a in [&line.support, &line.total_investment]
        .into_iter()
        .flatten()
    {
        exactness = exactness.combine(a.exactness);
    }
    let count = |c: Option<&Count>, exactness: &mut Exactness| {
        c.map_or(0, |c| {
            *exactness = exactness.combine(count_exactness(c));
            c.value
        })
    };
    let establishments = count(line.counts.establishments.as_ref(), &mut exactness);
    let counts = other_counts(&line.counts, &mut exactness);
    let jobs = count(line.outcomes.jobs_created.as_ref(), &mut exactness);
    let trained = count(line.outcomes.workers_trained.as_ref(), &mut exactness);
    let support = line.support.as_ref().map(|a| a.vnd.get());
    let investment = line.total_investment.as_ref().map(|a| a.vnd.get());
    let (counterpart, paired) = match (support, investment) {
        (Some(s), Some(i)) => (Some(i.saturating_sub(s)), true),
        _ => (None, false),
    };
    Fact {
        support,
        investment,
        counterpart,
        paired,
        establishments,
        jobs,
        trained,
        counts,
        exactness,
        ..keys
    }
}

/// The counts of a line other than establishments, by kind.
fn other_counts(
    counts: &crate::document::Counts,
    exactness: &mut Exactness,
) -> Vec<(CountKind, u64)> {
    let mut out = Vec::new();
    for kind in &CountKind::ALL[1..] {
        if let Some(c) = counts.of(*kind) {
            *exactness = exactness.combine(count_exactness(c));
            out.push((*kind, c.value));
        }
    }
    out
}

/// Adds `value` to the count of `kind` in a list of counts.
fn add_count(counts: &mut Vec<(CountKind, u64)>, kind: CountKind, value: u64) {
    match counts.iter_mut().find(|(k, _)| *k == kind) {
        Some((_, v)) => *v = v.saturating_add(value),
        None => counts.push((kind, value)),
    }
}

/// The count of `kind` in a list of counts.
fn count_of(counts: &[(CountKind, u64)], kind: CountKind) -> Option<u64> {
    counts.iter().find(|(k, _)| *k == kind).map(|(_, v)| *v)
}

/// `whole − parts` by kind, keeping the positive differences.
fn counts_beyond(whole: &[(CountKind, u64)], parts: &[(CountKind, u64)]) -> Vec<(CountKind, u64)> {
    whole
        .iter()
        .filter_map(|&(kind, v)| {
            let known = count_of(parts, kind).unwrap_or(0);
            (v > known).then_some((kind, v - known))
        })
        .collect()
}

/// The figures of a line as a fact without keys: as the line states them, each figure it
/// does not state filled with the sum of its parts' (recursively).
fn effective_fact(line: &ResultLine) -> Fact {
    let own = line_fact(line, Fact::default());
    if line.parts.is_empty() {
        return own;
    }
    let parts: Vec<Fact> = line.parts.iter().map(effective_fact).collect();
    let sum_opt = |get: fn(&Fact) -> Option<u64>| -> Option<u64> {
        parts.iter().filter_map(get).reduce(u64::saturating_add)
    };
    let sum = |get: fn(&Fact) -> u64| parts.iter().map(get).fold(0, u64::saturating_add);
    let mut counts = own.counts.clone();
    for f in &parts {
        for &(k, v) in &f.counts {
            if line.counts.of(k).is_none() {
                add_count(&mut counts, k, v);
            }
        }
    }
    let support = own.support.or_else(|| sum_opt(|f| f.support));
    let investment = own.investment.or_else(|| sum_opt(|f| f.investment));
    Fact {
        support,
        investment,
        paired: support.is_some()
            && investment.is_some()
            && (own.paired || parts.iter().all(|f| f.paired)),
        establishments: if line.counts.establishments.is_some() {
            own.establishments
        } else {
            sum(|f| f.establishments)
        },
        jobs: if line.outcomes.jobs_created.is_some() {
            own.jobs
        } else {
            sum(|f| f.jobs)
        },
        trained: if line.outcomes.workers_trained.is_some() {
            own.trained
        } else {
            sum(|f| f.trained)
        },
        counts,
        exactness: parts
            .iter()
            .fold(own.exactness, |e, f| e.combine(f.exactness)),
        ..own
    }
}

/// The facts of a result line: the line itself, or its parts (recursively) and what the line
/// holds beyond them, under the line's keys with the keys its parts differ by not itemised.
fn line_facts(line: &ResultLine, keys: Keys, base: &Fact, out: &mut Vec<Fact>) {
    let own = result_keys(&keys, base);
    if line.parts.is_empty() {
        let fact = line_fact(line, own);
        if !fact.is_empty() {
            out.push(fact);
        }
        return;
    }
    let mut rest = own.clone();
    let mut parts_support = 0u64;
    let mut parts_investment = 0u64;
    let mut parts_counts = [0u64; 3];
    let mut parts_other: Vec<(CountKind, u64)> = Vec::new();
    let mut all_paired = true;
    let mut exactness = Exactness::Exact;
    for p in &line.parts {
        let pk = keys.of(p);
        let pf = result_keys(&pk, base);
        if pf.activity != own.activity {
            rest.activity = Some(NOT_ITEMISED);
        }
        if pf.fund_level != own.fund_level {
            rest.fund_level = Some(NOT_ITEMISED);
        }
        if pf.year != own.year {
            rest.year = Some(YearKey::NotItemised);
        }
        if pf.industry != own.industry {
            rest.industry = Some(NOT_ITEMISED);
        }
        if pf.product_group != own.product_group {
            rest.product_group = Some(NOT_ITEMISED);
        }
        let f = effective_fact(p);
        parts_support = parts_support.saturating_add(f.support.unwrap_or(0));
        parts_investment = parts_investment.saturating_add(f.investment.unwrap_or(0));
        parts_counts[0] = parts_counts[0].saturating_add(f.establishments);
        parts_counts[1] = parts_counts[1].saturating_add(f.jobs);
        parts_counts[2] = parts_counts[2].saturating_add(f.trained);
        for &(k, v) in &f.counts {
            add_count(&mut parts_other, k, v);
        }
        all_paired &= f.paired;
        exactness = exactness.combine(f.exactness);
        line_facts(p, pk, base, out);
    }
    // What the line states beyond its parts.
    let whole = line_fact(line, Fact::default());
    let minus =
        |whole: Option<u64>, parts: u64| whole.map(|w| w.saturating_sub(parts)).filter(|v| *v > 0);
    let support = minus(whole.support, parts_support);
    let investment = minus(whole.investment, parts_investment);
    let paired = whole.paired && all_paired;
    let remainder = Fact {
        support,
        investment,
        counterpart: if paired {
            Some(investment.unwrap_or(0).saturating_sub(support.unwrap_or(0))).filter(|v| *v > 0)
        } else {
            None
        },
        paired: paired && (support.is_some() || investment.is_some()),
        establishments: whole.establishments.saturating_sub(parts_counts[0]),
        jobs: whole.jobs.saturating_sub(parts_counts[1]),
        trained: whole.trained.saturating_sub(parts_counts[2]),
        counts: counts_beyond(&whole.counts, &parts_other),
        exactness: if whole.is_empty() {
            Exactness::Exact
        } else {
            whole.exactness.combine(exactness)
        },
        ..rest
    };
    if remainder.support.is_some()
        || remainder.investment.is_some()
        || remainder.establishments > 0
        || remainder.jobs > 0
        || remainder.trained > 0
        || !remainder.counts.is_empty()
    {
        out.push(remainder);
    }
}

fn report_facts(r: &PeriodReport, keys: ProvinceKeys, out: &mut Vec<Fact>) {
    let base = Fact {
        province: keys.0.map(Rc::from),
        province_now: keys.1.map(Rc::from),
        period: Some(Rc::from(r.period.label())),
        year: single_year(&r.period),
        kind: Some(DocumentKind::PeriodReport),
        ..Fact::default()
    };
    let first = out.len();
    for line in &r.results {
        line_facts(line, Keys::default().of(line), &base, out);
    }
    let derived_counterpart = out[first..]
        .iter()
        .filter_map(|f| f.counterpart)
        .fold(0u64, u64::saturating_add);
    // What the stated results total holds beyond the lines: to a rest line that states no
    // such figure, when it is the only one; otherwise not itemised.
    let mut rest = Fact {
        fund_level: Some(NOT_ITEMISED),
        activity: Some(NOT_ITEMISED),
        industry: Some(NOT_ITEMISED),
        product_group: Some(NOT_ITEMISED),
        year: base.year.or(Some(YearKey::NotItemised)),
        ..base.clone_keys()
    };
    let mut any = false;
    if let Some(total) = &r.results_total {
        let lines = &r.results;
        let effective: Vec<Fact> = lines.iter().map(effective_fact).collect();
        let rest_line = |stated: &dyn Fn(&Fact) -> bool| {
            let mut rests = lines
                .iter()
                .zip(&effective)
                .filter(|(l, f)| l.line_type == LineType::Rest && !stated(f));
            match (rests.next(), rests.next(), r.results_partial) {
                (Some((l, _)), None, false) => Some(l),
                _ => None,
            }
        };
        let mut to_rest_line: Vec<Fact> = Vec::new();
        let mut put = |line: Option<&ResultLine>, f: &dyn Fn(&mut Fact)| {
            if let Some(l) = line {
                let mut fact = result_keys(&Keys::default().of(l), &base);
                f(&mut fact);
                to_rest_line.push(fact);
            } else {
                f(&mut rest);
                any = true;
            }
        };
        let beyond = |stated: &Amount, get: fn(&Fact) -> Option<u64>| {
            let known = effective
                .iter()
                .filter_map(get)
                .fold(0u64, u64::saturating_add);
            let v = stated.vnd.get().saturating_sub(known);
            (v > 0).then_some((v, stated.exactness))
        };
        if let Some(stated) = &total.support
            && let Some((v, e)) = beyond(stated, |f| f.support)
        {
            put(rest_line(&|f| f.support.is_some()), &|f| {
                f.support = Some(v);
                f.exactness = f.exactness.combine(e);
            });
        }
        if let Some(stated) = &total.total_investment
            && let Some((v, e)) = beyond(stated, |f| f.investment)
        {
            put(rest_line(&|f| f.investment.is_some()), &|f| {
                f.investment = Some(v);
                f.exactness = f.exactness.combine(e);
            });
        }
        let count_beyond = |stated: &Count, get: &dyn Fn(&Fact) -> u64| {
            let known = effective.iter().map(get).fold(0u64, u64::saturating_add);
            let v = stated.value.saturating_sub(known);
            (v > 0).then_some((v, count_exactness(stated)))
        };
        if let Some(stated) = &total.counts.establishments
            && let Some((v, e)) = count_beyond(stated, &|f| f.establishments)
        {
            put(rest_line(&|f| f.establishments > 0), &|f| {
                f.establishments = v;
                f.exactness = f.exactness.combine(e);
            });
        }
        for kind in CountKind::ALL {
            let Some(stated) = total
                .counts
                .of(kind)
                .filter(|_| kind != CountKind::Establishments)
            else {
                continue;
            };
            let of = |f: &Fact| count_of(&f.counts, kind).unwrap_or(0);
            if let Some((v, e)) = count_beyond(stated, &of) {
                put(None, &|f| {
                    add_count(&mut f.counts, kind, v);
                    f.exactness = f.exactness.combine(e);
                });
            }
        }
        if let Some(stated) = &total.outcomes.jobs_created
            && let Some((v, e)) = count_beyond(stated, &|f| f.jobs)
        {
            put(None, &|f| {
                f.jobs = v;
                f.exactness = f.exactness.combine(e);
            });
        }
        if let Some(stated) = &total.outcomes.workers_trained
            && let Some((v, e)) = count_beyond(stated, &|f| f.trained)
        {
            put(None, &|f| {
                f.trained = v;
                f.exactness = f.exactness.combine(e);
            });
        }
        out.extend(to_rest_line);
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
        province: keys.0.map(Rc::from),
        province_now: keys.1.map(Rc::from),
        period: Some(Rc::from(s.approval.date.year().to_string())),
        year: Some(YearKey::Year(s.approval.date.year())),
        kind: Some(DocumentKind::Scheme),
        ..Fact::default()
    };
    let level = s.funding.fund_level.code();
    let support: u64 = s
        .funding
        .lines
        .iter()
        .filter(|l| l.source.is_state())
        .map(|l| l.amount.vnd.get())
        .fold(0u64, u64::saturating_add);
    let exactness = s
        .funding
        .exactness_of(FundingSource::is_state)
        .combine(s.funding.total_cost.exactness);
    let investment = s.funding.total_cost.vnd.get();
    // The establishments listed, or else the planned number (a group scheme may list none).
    let establishments = if s.beneficiaries.is_empty() {
        s.planned_outputs
            .establishments
            .as_ref()
            .map_or(0, |c| c.value)
    } else {
        s.beneficiaries.len() as u64
    };
    // The beneficiaries' industry, when they all state the same one.
    let mut industries = s.beneficiaries.iter().map(|b| b.industry);
    let industry = match industries.next() {
        Some(Some(first)) if industries.all(|i| i == Some(first)) => first.code(),
        _ => NOT_ITEMISED,
    };
    let activity = s.activities.first().map(|a| a.code());
    out.push(Fact {
        fund_level: Some(level),
        activity,
        industry: Some(industry),
        product_group: Some(NOT_ITEMISED),
        support: Some(support),
        investment: Some(investment),
        counterpart: Some(investment.saturating_sub(support)),
        paired: true,
        establishments,
        counts: vec![(CountKind::Schemes, 1)],
        exactness,
        ..base.clone_keys()
    });
    for line in &s.funding.lines {
        out.push(Fact {
            fund_level: match line.source {
                FundingSource::StateBudget => Some(NOT_ITEMISED),
                src => src.fund_level().map(FundLevel::code),
            },
            source: Some(line.source.code()),
            activity,
            funding: line.amount.vnd.get(),
            exactness: line.amount.exactness,
            ..base.clone_keys()
        });
    }
}

fn plan_facts(p: &Plan, keys: ProvinceKeys, out: &mut Vec<Fact>) {
    let base = Fact {
        province: keys.0.map(Rc::from),
        province_now: keys.1.map(Rc::from),
        period: Some(Rc::from(p.year.to_string())),
        year: Some(YearKey::Year(p.year)),
        kind: Some(DocumentKind::Plan),
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
        let establishments = s.counts.establishments.as_ref().map_or(0, |c| {
            exactness = exactness.combine(count_exactness(c));
            c.value
        });
        let mut counts = other_counts(&s.counts, &mut exactness);
        // A line for one scheme counts one scheme.
        if s.scheme_id.is_some() && s.line_type == LineType::Activity && s.counts.schemes.is_none()
        {
            add_count(&mut counts, CountKind::Schemes, 1);
        }
        let keys = Keys {
            activity: s.activity,
            line_type: s.line_type,
            fund: p.line_level(s),
            ..Keys::default()
        };
        out.push(Fact {
            fund_level: Some(keys.fund.map_or(NOT_ITEMISED, FundLevel::code)),
            activity: Some(activity_key(&keys)),
            industry: Some(NOT_ITEMISED),
            product_group: Some(NOT_ITEMISED),
            support,
            investment,
            counterpart,
            paired,
            establishments,
            counts,
            exactness,
            ..base.clone_keys()
        });
    }
    if let Some(total) = &p.schemes_total {
        let mut rest = Fact {
            fund_level: Some(NOT_ITEMISED),
            activity: Some(NOT_ITEMISED),
            industry: Some(NOT_ITEMISED),
            product_group: Some(NOT_ITEMISED),
            ..base.clone_keys()
        };
        if let Some(stated) = &total.support {
            let parts: Vec<_> = p.schemes.iter().map(|s| s.support.as_ref()).collect();
            if let Some((v, e)) = remainder(stated, &parts) {
                rest.support = Some(v);
                rest.exactness = rest.exactness.combine(e);
            }
        }
        if let Some(stated) = &total.total_cost {
            let parts: Vec<_> = p.schemes.iter().map(|s| s.total_cost.as_ref()).collect();
            if let Some((v, e)) = remainder(stated, &parts) {
                rest.investment = Some(v);
                rest.exactness = rest.exactness.combine(e);
            }
        }
        if rest.support.is_some() || rest.investment.is_some() {
            out.push(rest);
        }
    }
    if let Some(b) = &p.budget {
        funding_facts(b, &base, out);
    }
}

fn programme_facts(p: &Programme, keys: ProvinceKeys, out: &mut Vec<Fact>) {
    let base = Fact {
        province: keys.0.map(Rc::from),
        province_now: keys.1.map(Rc::from),
        period: Some(Rc::from(p.period.label())),
        year: single_year(&p.period),
        kind: Some(DocumentKind::Programme),
        ..Fact::default()
    };
    if let Some(b) = &p.envelope {
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
        Document::Programme(p) => programme_facts(p, keys, out),
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
/// let plan = |province: &str, year: i32| parse(format!(r#"{{"kind": "plan", "schema_version": 2,
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
/// let doc = parse(r#"{"kind": "period_report", "schema_version": 2, "id": "r",
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
                        jobs_created: 0,
                        workers_trained: 0,
                        counts: BTreeMap::new(),
                        tally: Tally::default(),
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
            row.jobs_created = row
                .jobs_created
                .checked_add(fact.jobs)
                .ok_or(TotalsError::Overflow)?;
            row.workers_trained = row
                .workers_trained
                .checked_add(fact.trained)
                .ok_or(TotalsError::Overflow)?;
            for &(kind, v) in &fact.counts {
                if row.tally.get(kind).unwrap_or(0).checked_add(v).is_none() {
                    return Err(TotalsError::Overflow);
                }
                row.tally.add(kind, v);
            }
            row.exactness = row.exactness.combine(fact.exactness);
        }
    }
    let rows = groups
        .into_values()
        .map(|(mut row, _)| {
            row.counts = row.tally.iter().map(|(k, v)| (k.code(), v)).collect();
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
    pub const FIGURES: [&'static str; 14] = [
        "documents",
        "documents_with_errors",
        "funding_vnd",
        "support_vnd",
        "total_investment_vnd",
        "counterpart_vnd",
        "establishments",
        "jobs_created",
        "workers_trained",
        "counts",
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

// ---------------------------------------------------------------------------------------
// Programme targets against results
// ---------------------------------------------------------------------------------------

use crate::document::common::{CountKind, Year};
use crate::document::programme::Target;

/// One indicator of one target of a programme against the results of the reports on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ProgressRow {
    /// The programme's `id`.
    pub programme_id: String,
    /// The programme's province; `None` for the national programme.
    pub province: Option<String>,
    /// The target's position in the programme's `targets`, from 0.
    pub target_index: usize,
    /// The target's own key, if it has one.
    pub target_id: Option<String>,
    /// The activity the target is for (`None`: every activity).
    pub activity: Option<&'static str>,
    /// The fund level the target is for.
    pub fund_level: Option<&'static str>,
    /// The contest level the target is for.
    pub level: Option<&'static str>,
    /// The industry the target is for.
    pub industry: Option<&'static str>,
    /// The product group the target is for.
    pub product_group: Option<&'static str>,
    /// The year the row is for (a target for one year, or one year of a target for each
    /// year); `None` for the whole period.
    pub year: Option<i32>,
    /// What is counted: a count (`establishments`, `models`…), `support_vnd`,
    /// `total_investment_vnd`, `jobs_created` or `workers_trained`.
    pub indicator: &'static str,
    /// The target (for a range, its lower end).
    pub target: u64,
    /// The upper end of a target stated as a range.
    pub target_max: Option<u64>,
    /// How exactly the target is stated.
    pub target_exactness: Exactness,
    /// What the reports achieved; `None` when no report on the programme covers it.
    pub achieved: Option<u64>,
    /// How exactly: `lower_bound` when some results that may count are not stated, or not
    /// broken down by the target's keys.
    pub achieved_exactness: Exactness,
    /// The reports counted.
    pub reports: u64,
    /// achieved ÷ target, 4 decimals, rounded toward zero.
    pub share: Option<Decimal>,
    /// Whether the target is met: `None` when the figures cannot say.
    pub met: Option<bool>,
}

/// A note on how the reports were matched to a programme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ProgressNote {
    /// The programme's `id`.
    pub programme_id: String,
    /// The report the note is about, if one.
    pub report_id: Option<String>,
    /// `no_reports`, `report_within_another` (not counted: its period lies inside another
    /// counted report's), `reports_overlap` (counted, but their periods overlap: figures may
    /// be counted twice), `report_outside_period` (part of the report's period is outside
    /// the programme's: figures without a year inside it are not counted).
    pub code: &'static str,
    /// The note in Vietnamese.
    pub message_vi: String,
    /// The note in English.
    pub message_en: String,
}

/// Programme targets against results.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ProgressReport {
    /// One row per target and indicator (and year, for targets for each year).
    pub rows: Vec<ProgressRow>,
    /// How reports were matched.
    pub notes: Vec<ProgressNote>,
}

/// The indicators a target or result states.
const INDICATORS_MONEY: [&str; 2] = ["support_vnd", "total_investment_vnd"];
const INDICATORS_OUTCOME: [&str; 2] = ["jobs_created", "workers_trained"];

/// A result of a report, flattened: its keys and the figures it states.
struct Flat {
    keys: Keys,
    /// Keys the figures are not broken down by (a line's remainder beyond its parts, or a
    /// stated total beyond its lines): they may match any target.
    open: Open,
    years: (i32, i32),
    figures: Vec<(&'static str, u64, Exactness)>,
}

#[derive(Clone, Copy, Default)]
#[allow(clippy::struct_excessive_bools)] // one flag per key, as the keys are
struct Open {
    activity: bool,
    fund: bool,
    year: bool,
    industry: bool,
    product_group: bool,
    level: bool,
}

impl Open {
    const ALL: Self = Self {
        activity: true,
        fund: true,
        year: true,
        industry: true,
        product_group: true,
        level: true,
    };
}

/// The figures of a line as it states them, each figure it does not state filled with the
/// sum of its parts' (a lower bound unless every part states it).
fn effective_figures(line: &ResultLine) -> Vec<(&'static str, u64, Exactness)> {
    let mut own = flat_figures(line);
    if line.parts.is_empty() {
        return own;
    }
    let parts: Vec<Vec<(&'static str, u64, Exactness)>> =
        line.parts.iter().map(effective_figures).collect();
    let mut names: Vec<&'static str> = parts.iter().flatten().map(|(n, _, _)| *n).collect();
    names.sort_unstable();
    names.dedup();
    for name in names {
        if own.iter().any(|(n, _, _)| *n == name) {
            continue;
        }
        let mut total = 0u64;
        let mut exactness = if line.parts_partial {
            Exactness::LowerBound
        } else {
            Exactness::Exact
        };
        for p in &parts {
            match p.iter().find(|(n, _, _)| *n == name) {
                Some((_, v, e)) => {
                    total = total.saturating_add(*v);
                    exactness = exactness.combine(*e);
                }
                None => exactness = exactness.combine(Exactness::LowerBound),
            }
        }
        own.push((name, total, exactness));
    }
    own
}

fn flat_figures(line: &ResultLine) -> Vec<(&'static str, u64, Exactness)> {
    let mut out = Vec::new();
    for (kind, c) in line.counts.iter() {
        if let Some(k) = CountKind::from_code(kind) {
            out.push((k.code(), c.value, count_exactness(c)));
        }
    }
    if let Some(a) = &line.support {
        out.push(("support_vnd", a.vnd.get(), a.exactness));
    }
    if let Some(a) = &line.total_investment {
        out.push(("total_investment_vnd", a.vnd.get(), a.exactness));
    }
    if let Some(c) = &line.outcomes.jobs_created {
        out.push(("jobs_created", c.value, count_exactness(c)));
    }
    if let Some(c) = &line.outcomes.workers_trained {
        out.push(("workers_trained", c.value, count_exactness(c)));
    }
    out
}

fn flatten(line: &ResultLine, keys: Keys, years: (i32, i32), out: &mut Vec<Flat>) {
    let own = flat_figures(line);
    if line.parts.is_empty() {
        out.push(Flat {
            keys,
            open: Open::default(),
            years,
            figures: own,
        });
        return;
    }
    let mut open = Open::default();
    for p in &line.parts {
        let pk = keys.of(p);
        open.activity |= pk.activity != keys.activity;
        open.fund |= pk.fund != keys.fund;
        open.year |= pk.year != keys.year;
        open.industry |= pk.industry != keys.industry;
        open.product_group |= pk.product_group != keys.product_group;
        open.level |= pk.level != keys.level;
        flatten(p, pk, years, out);
    }
    let rest = beyond(own, &line.parts);
    if !rest.is_empty() {
        out.push(Flat {
            keys,
            open,
            years,
            figures: rest,
        });
    }
}

/// What stated figures hold beyond the lines that break them down.
fn beyond(
    own: Vec<(&'static str, u64, Exactness)>,
    lines: &[ResultLine],
) -> Vec<(&'static str, u64, Exactness)> {
    let mut parts_sum: Vec<(&'static str, u64)> = Vec::new();
    for l in lines {
        for (name, v, _) in effective_figures(l) {
            match parts_sum.iter_mut().find(|(n, _)| *n == name) {
                Some((_, s)) => *s = s.saturating_add(v),
                None => parts_sum.push((name, v)),
            }
        }
    }
    own.into_iter()
        .filter_map(|(name, v, e)| {
            let known = parts_sum
                .iter()
                .find(|(n, _)| *n == name)
                .map_or(0, |(_, s)| *s);
            (v > known).then_some((name, v - known, e))
        })
        .collect()
}

/// How a result matches a target on one key.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Match {
    Yes,
    Maybe,
    No,
}

impl Match {
    fn and(self, other: Self) -> Self {
        match (self, other) {
            (Self::No, _) | (_, Self::No) => Self::No,
            (Self::Maybe, _) | (_, Self::Maybe) => Self::Maybe,
            _ => Self::Yes,
        }
    }
}

fn eq_key<T: PartialEq>(target: Option<T>, result: Option<T>, open: bool) -> Match {
    match (target, result) {
        (None, _) => Match::Yes,
        (Some(_), _) if open => Match::Maybe,
        (Some(t), Some(r)) if t == r => Match::Yes,
        (Some(_), Some(_)) => Match::No,
        (Some(_), None) => Match::Maybe,
    }
}

fn matches(t: &Target, year: Option<i32>, period: (i32, i32), f: &Flat) -> Match {
    let activity = match (t.activity, f.keys.activity) {
        (None, _) => Match::Yes,
        (Some(_), _) if f.keys.line_type == LineType::Management => Match::No,
        (Some(_), _) if f.open.activity => Match::Maybe,
        (Some(a), Some(r)) if r == a || r.parent() == Some(a) => Match::Yes,
        (Some(a), Some(r)) if a.parent() == Some(r) => Match::Maybe,
        (Some(_), Some(_)) => Match::No,
        (Some(_), None) => Match::Maybe,
    };
    let fund = match (t.fund, f.keys.fund) {
        (None, _) => Match::Yes,
        (Some(_), _) if f.open.fund => Match::Maybe,
        (Some(tf), Some(rf)) if tf.contains(rf) => Match::Yes,
        (Some(tf), Some(rf)) if rf.contains(tf) => Match::Maybe,
        (Some(_), Some(_)) => Match::No,
        (Some(_), None) => Match::Maybe,
    };
    let (from, to) = match f.keys.year {
        Some(y) if !f.open.year => (y.get(), y.get()),
        _ => f.years,
    };
    let (want_from, want_to) = year.map_or(period, |y| (y, y));
    let when = if from >= want_from && to <= want_to {
        Match::Yes
    } else if to < want_from || from > want_to {
        Match::No
    } else {
        Match::Maybe
    };
    activity
        .and(fund)
        .and(when)
        .and(eq_key(t.level, f.keys.level, f.open.level))
        .and(eq_key(t.industry, f.keys.industry, f.open.industry))
        .and(eq_key(
            t.product_group,
            f.keys.product_group,
            f.open.product_group,
        ))
}

/// A name normalised for matching a report's province to a programme's: lower case, single
/// spaces, without a leading "tỉnh" or "thành phố".
fn province_key(name: &str) -> String {
    let lower = name.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let joined = words.join(" ");
    for prefix in ["tỉnh ", "thành phố ", "tp. ", "tp "] {
        if let Some(rest) = joined.strip_prefix(prefix)
            && !rest.is_empty()
        {
            return rest.to_owned();
        }
    }
    joined
}

/// The targets of an indicator a target states: (indicator, figure).
fn target_indicators(t: &Target) -> Vec<(&'static str, crate::document::reconcile::Figure)> {
    use crate::document::reconcile::Figure;
    let mut out = Vec::new();
    for (kind, c) in t.counts.iter() {
        if let Some(k) = CountKind::from_code(kind) {
            out.push((k.code(), Figure::from(c)));
        }
    }
    for (name, a) in INDICATORS_MONEY
        .iter()
        .zip([&t.support, &t.total_investment])
    {
        if let Some(a) = a {
            out.push((*name, Figure::from(a)));
        }
    }
    for (name, c) in INDICATORS_OUTCOME
        .iter()
        .zip([&t.outcomes.jobs_created, &t.outcomes.workers_trained])
    {
        if let Some(c) = c {
            out.push((*name, Figure::from(c)));
        }
    }
    out
}

/// Compares every programme among `documents` with the period reports among them that
/// report on it — by `programme_id` (the programme's `id`), or by `programme` (the decision
/// that approved it, the programme's `instrument`; for a provincial programme, only reports
/// of its province). Each target is compared indicator by indicator (and year by year for a
/// target for each year) with the results that match its activity (or an item of it), fund,
/// contest level, industry, product group and year. A result that may match but is not
/// broken down by the target's keys, or a matching line that does not state the indicator,
/// makes the achievement a lower bound; figures a document does not state are never zero.
///
/// # Example
/// ```
/// use khuyencong::document::parse;
/// use khuyencong::totals::progress;
/// let programme = parse(r#"{"kind": "programme", "schema_version": 2, "id": "ct-x",
///   "province": "X", "period": {"from": "2021-01-01", "to": "2025-12-31"},
///   "targets": [{"activity": "advanced_machinery_technology_transfer",
///                "counts": {"establishments": 100}}]}"#.as_bytes()).map_err(|e| e.to_string())?;
/// let report = parse(r#"{"kind": "period_report", "schema_version": 2, "id": "bc-x",
///   "reporting_unit": {"name": "Sở Công Thương", "province": "X"}, "programme_id": "ct-x",
///   "period": {"from": "2021-01-01", "to": "2025-12-31"},
///   "results": [{"activity": "advanced_machinery_technology_transfer",
///                "counts": {"establishments": 62}}]}"#.as_bytes()).map_err(|e| e.to_string())?;
/// let p = progress([&programme, &report]);
/// assert_eq!(p.rows[0].achieved, Some(62));
/// assert_eq!(p.rows[0].met, Some(false));
/// # Ok::<(), String>(())
/// ```
pub fn progress<'a, I>(documents: I) -> ProgressReport
where
    I: IntoIterator<Item = &'a Document>,
{
    use chrono::Datelike;
    let mut programmes = Vec::new();
    let mut reports = Vec::new();
    for d in documents {
        match d {
            Document::Programme(p) => programmes.push(p),
            Document::PeriodReport(r) => reports.push(r),
            _ => {}
        }
    }
    let mut out = ProgressReport::default();
    for p in programmes {
        let note =
            |report: Option<&str>, code: &'static str, vi: String, en: String| ProgressNote {
                programme_id: p.id.clone(),
                report_id: report.map(str::to_owned),
                code,
                message_vi: vi,
                message_en: en,
            };
        let linked: Vec<&PeriodReport> = reports
            .iter()
            .copied()
            .filter(|r| {
                r.programme_id.as_deref() == Some(p.id.as_str())
                    || (p.instrument.is_some()
                        && r.programme == p.instrument
                        && p.province.as_deref().is_none_or(|pp| {
                            r.reporting_unit
                                .province
                                .as_deref()
                                .is_some_and(|rp| province_key(rp) == province_key(pp))
                        }))
            })
            .collect();
        // A report whose period lies inside another linked report's of the same province
        // is not counted (a yearly report beside the five-year one).
        let mut counted: Vec<&PeriodReport> = Vec::new();
        for (i, r) in linked.iter().enumerate() {
            let same_unit = |o: &PeriodReport| {
                o.reporting_unit.province.as_deref().map(province_key)
                    == r.reporting_unit.province.as_deref().map(province_key)
            };
            let inside = linked.iter().enumerate().any(|(j, o)| {
                j != i
                    && same_unit(o)
                    && o.period.from <= r.period.from
                    && o.period.to >= r.period.to
                    && (o.period != r.period || j < i)
            });
            if inside {
                out.notes.push(note(
                    Some(&r.id),
                    "report_within_another",
                    format!("báo cáo `{}` không được tính: kỳ của nó nằm trong kỳ của một báo cáo khác về chương trình này", r.id),
                    format!("report `{}` is not counted: its period lies inside another report's on this programme", r.id),
                ));
            } else {
                counted.push(r);
            }
        }
        for (i, a) in counted.iter().enumerate() {
            for b in &counted[i + 1..] {
                let same = a.reporting_unit.province.as_deref().map(province_key)
                    == b.reporting_unit.province.as_deref().map(province_key);
                if same && a.period.from <= b.period.to && b.period.from <= a.period.to {
                    out.notes.push(note(
                        Some(&b.id),
                        "reports_overlap",
                        format!("kỳ của báo cáo `{}` và `{}` giao nhau: một số số liệu có thể được tính hai lần", a.id, b.id),
                        format!("the periods of reports `{}` and `{}` overlap: some figures may be counted twice", a.id, b.id),
                    ));
                }
            }
        }
        if counted.is_empty() {
            out.notes.push(note(
                None,
                "no_reports",
                "không có báo cáo nào về chương trình này trong các văn bản".to_owned(),
                "no report among the documents reports on this programme".to_owned(),
            ));
        }
        let period = (p.period.from.year(), p.period.to.year());
        let mut flats: Vec<Flat> = Vec::new();
        for r in &counted {
            let years = (r.period.from.year(), r.period.to.year());
            if r.period.from < p.period.from || r.period.to > p.period.to {
                out.notes.push(note(
                    Some(&r.id),
                    "report_outside_period",
                    format!("một phần kỳ của báo cáo `{}` nằm ngoài giai đoạn của chương trình: số liệu không nêu năm trong giai đoạn không được tính", r.id),
                    format!("part of report `{}`'s period is outside the programme's: figures without a year inside it are not counted", r.id),
                ));
            }
            for line in &r.results {
                flatten(line, Keys::default().of(line), years, &mut flats);
            }
            // What a stated results total holds beyond its lines may match any target.
            if let Some(total) = &r.results_total {
                let whole = ResultLine {
                    support: total.support.clone(),
                    total_investment: total.total_investment.clone(),
                    counts: total.counts.clone(),
                    outcomes: total.outcomes.clone(),
                    ..empty_line()
                };
                let rest = beyond(flat_figures(&whole), &r.results);
                if !rest.is_empty() {
                    flats.push(Flat {
                        keys: Keys::default(),
                        open: Open::ALL,
                        years,
                        figures: rest,
                    });
                }
            }
        }
        for (index, t) in p.targets.iter().enumerate() {
            let years: Vec<Option<i32>> = match (t.year, t.each_year) {
                (Some(y), _) => vec![Some(y.get())],
                (None, true) => (period.0..=period.1).map(Some).collect(),
                (None, false) => vec![None],
            };
            for (indicator, target) in target_indicators(t) {
                for year in &years {
                    let mut achieved = 0u64;
                    let mut exactness = Exactness::Exact;
                    for f in &flats {
                        let m = matches(t, *year, period, f);
                        let value = f.figures.iter().find(|(n, _, _)| *n == indicator);
                        match (m, value) {
                            // No match, or a result that may match but holds none of it.
                            (Match::No, _) | (Match::Maybe, Some((_, 0, _))) => {}
                            (Match::Yes, Some((_, v, e))) => {
                                achieved = achieved.saturating_add(*v);
                                exactness = exactness.combine(*e);
                            }
                            // A matching line that does not state the indicator, or a
                            // result that may match: the achievement is at least what is
                            // counted.
                            (Match::Yes, None) => {
                                if f.open.activity || !f.figures.is_empty() {
                                    exactness = exactness.combine(Exactness::LowerBound);
                                }
                            }
                            // A result that may match: what it holds of the indicator
                            // (stated or not) may count.
                            (Match::Maybe, _) => {
                                exactness = exactness.combine(Exactness::LowerBound);
                            }
                        }
                    }
                    let known = !counted.is_empty();
                    let achieved = known.then_some(achieved);
                    let threshold = target.value;
                    let met = achieved.and_then(|a| {
                        let reached = if target.exactness == Exactness::LowerBound {
                            a > threshold
                        } else {
                            a >= threshold
                        };
                        match exactness {
                            Exactness::Exact => Some(reached),
                            Exactness::LowerBound if reached => Some(true),
                            _ => None,
                        }
                    });
                    out.rows.push(ProgressRow {
                        programme_id: p.id.clone(),
                        province: p.province.clone(),
                        target_index: index,
                        target_id: t.id.clone(),
                        activity: t.activity.map(crate::Codelist::code),
                        fund_level: t.fund.map(crate::Codelist::code),
                        level: t.level.map(crate::Codelist::code),
                        industry: t.industry.map(crate::Codelist::code),
                        product_group: t.product_group.map(crate::Codelist::code),
                        year: *year,
                        indicator,
                        target: target.value,
                        target_max: target.upper,
                        target_exactness: target.exactness,
                        achieved,
                        achieved_exactness: exactness,
                        reports: counted.len() as u64,
                        share: achieved.and_then(|a| {
                            (threshold > 0).then(|| {
                                (Decimal::from(a) / Decimal::from(threshold))
                                    .round_dp_with_strategy(4, RoundingStrategy::ToZero)
                                    .normalize()
                            })
                        }),
                        met,
                    });
                }
            }
        }
    }
    out
}

fn empty_line() -> ResultLine {
    ResultLine {
        activity: None,
        line_type: LineType::Activity,
        fund: None,
        year: None::<Year>,
        industry: None,
        product_group: None,
        level: None,
        counts: crate::document::Counts::default(),
        support: None,
        total_investment: None,
        outcomes: crate::document::Outcomes::default(),
        execution: crate::document::Execution::default(),
        parts: Vec::new(),
        parts_partial: false,
        note: None,
    }
}

impl ProgressRow {
    /// The names of the fields of a row, in their JSON order — for tables and frames.
    pub const FIELDS: [&'static str; 19] = [
        "programme_id",
        "province",
        "target_index",
        "target_id",
        "activity",
        "fund_level",
        "level",
        "industry",
        "product_group",
        "year",
        "indicator",
        "target",
        "target_max",
        "target_exactness",
        "achieved",
        "achieved_exactness",
        "reports",
        "share",
        "met",
    ];
}
