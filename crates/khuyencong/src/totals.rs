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
//! puts them under `null` ("unspecified").

use std::collections::BTreeMap;
use std::str::FromStr;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

use crate::document::{Document, Exactness};
use crate::funding::FundLevel;
use crate::money::{MAX_VND, Vnd};

/// A key to group totals by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TotalsKey {
    /// The province (a report's reporting unit, a plan's province).
    Province,
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
    pub const ALL: [Self; 6] = [
        Self::Province,
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
                        "unknown totals key `{other}`; expected province, period (or year), fund_level, source, activity, kind / khóa tổng hợp `{other}` không hợp lệ"
                    )
                }),
        }
    }
}

/// One row of totals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct TotalsRow {
    /// The value of each grouping key (`null`: unspecified for these figures).
    pub keys: BTreeMap<&'static str, Option<String>>,
    /// Number of documents contributing.
    pub documents: u64,
    /// Funding by source as stated (top-level lines), in đồng.
    pub funding_vnd: u64,
    /// State support in the results, in đồng.
    pub support_vnd: u64,
    /// Total investment in the results (support included), in đồng.
    pub total_investment_vnd: u64,
    /// Counterpart = investment − support, over result lines stating both, in đồng.
    pub counterpart_vnd: u64,
    /// Establishments supported.
    pub establishments: u64,
    /// How exactly the figures are known (weakest of the parts).
    pub exactness: Exactness,
    /// support ÷ total investment, over lines stating both; 6 decimals, rounded toward zero.
    pub support_share: Option<Decimal>,
    /// counterpart ÷ support; 6 decimals, rounded toward zero.
    pub counterpart_per_support: Option<Decimal>,
    /// support ÷ establishments, over lines stating establishments; rounded down to the đồng.
    pub avg_support_per_establishment_vnd: Option<u64>,
    #[serde(skip)]
    paired_support: u64,
    #[serde(skip)]
    paired_investment: u64,
    #[serde(skip)]
    support_of_establishments: u64,
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

#[derive(Default)]
struct Fact {
    province: Option<String>,
    period: Option<String>,
    fund_level: Option<&'static str>,
    source: Option<&'static str>,
    activity: Option<&'static str>,
    kind: &'static str,
    funding: u64,
    support: Option<u64>,
    investment: Option<u64>,
    establishments: u64,
    exactness: Exactness,
}

impl Fact {
    fn key(&self, k: TotalsKey) -> Option<String> {
        match k {
            TotalsKey::Province => self.province.clone(),
            TotalsKey::Period => self.period.clone(),
            TotalsKey::FundLevel => self.fund_level.map(str::to_owned),
            TotalsKey::Source => self.source.map(str::to_owned),
            TotalsKey::Activity => self.activity.map(str::to_owned),
            TotalsKey::Kind => Some(self.kind.to_owned()),
        }
    }
}

fn facts_of(doc: &Document, out: &mut Vec<Fact>) {
    match doc {
        Document::PeriodReport(r) => {
            let province = Some(r.reporting_unit.province.clone());
            let period = Some(r.period.label());
            for line in &r.results {
                if line.support.is_none() && line.total_investment.is_none() {
                    if let Some(e) = &line.counts.establishments {
                        out.push(Fact {
                            province: province.clone(),
                            period: period.clone(),
                            fund_level: line.fund.map(FundLevel::code),
                            activity: Some(line.activity.code()),
                            kind: "period_report",
                            establishments: e.value,
                            exactness: e.exactness,
                            ..Fact::default()
                        });
                    }
                    continue;
                }
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
                out.push(Fact {
                    province: province.clone(),
                    period: period.clone(),
                    fund_level: line.fund.map(FundLevel::code),
                    activity: Some(line.activity.code()),
                    kind: "period_report",
                    support: line.support.as_ref().map(|a| a.vnd.get()),
                    investment: line.total_investment.as_ref().map(|a| a.vnd.get()),
                    establishments: establishments.map_or(0, |e| e.value),
                    exactness,
                    ..Fact::default()
                });
            }
            if let Some(f) = &r.funding {
                for line in &f.lines {
                    out.push(Fact {
                        province: province.clone(),
                        period: period.clone(),
                        fund_level: line.source.fund_level().map(FundLevel::code),
                        source: Some(line.source.code()),
                        kind: "period_report",
                        funding: line.amount.vnd.get(),
                        exactness: line.amount.exactness,
                        ..Fact::default()
                    });
                }
            }
        }
        Document::Scheme(s) => {
            use chrono::Datelike;
            let period = Some(s.approval.date.year().to_string());
            let level = s.funding.fund_level.code();
            let support: u64 = s
                .funding
                .lines
                .iter()
                .filter(|l| l.source.is_state())
                .map(|l| l.amount.get())
                .fold(0u64, u64::saturating_add);
            out.push(Fact {
                province: s.province.clone(),
                period: period.clone(),
                fund_level: Some(level),
                activity: s.activities.first().map(|a| a.code()),
                kind: "scheme",
                support: Some(support),
                investment: Some(s.funding.total_cost.get()),
                establishments: s.beneficiaries.len() as u64,
                ..Fact::default()
            });
            for line in &s.funding.lines {
                out.push(Fact {
                    province: s.province.clone(),
                    period: period.clone(),
                    fund_level: line.source.fund_level().map(FundLevel::code),
                    source: Some(line.source.code()),
                    activity: s.activities.first().map(|a| a.code()),
                    kind: "scheme",
                    funding: line.amount.get(),
                    ..Fact::default()
                });
            }
        }
        Document::Plan(p) => {
            let period = Some(p.year.to_string());
            for s in &p.schemes {
                let exactness = s.total_cost.as_ref().map_or(s.support.exactness, |c| {
                    c.exactness.combine(s.support.exactness)
                });
                out.push(Fact {
                    province: p.province.clone(),
                    period: period.clone(),
                    fund_level: Some(p.fund_level.code()),
                    activity: Some(s.activity.code()),
                    kind: "plan",
                    support: Some(s.support.vnd.get()),
                    investment: s.total_cost.as_ref().map(|a| a.vnd.get()),
                    exactness,
                    ..Fact::default()
                });
            }
            if let Some(b) = &p.budget {
                for line in &b.lines {
                    out.push(Fact {
                        province: p.province.clone(),
                        period: period.clone(),
                        fund_level: line.source.fund_level().map(FundLevel::code),
                        source: Some(line.source.code()),
                        kind: "plan",
                        funding: line.amount.vnd.get(),
                        exactness: line.amount.exactness,
                        ..Fact::default()
                    });
                }
            }
        }
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
/// their key values.
///
/// # Errors
/// [`TotalsError::Overflow`] when a total exceeds 9,007,199,254,740,991 đồng.
pub fn totals<'a, I>(documents: I, by: &[TotalsKey]) -> Result<Vec<TotalsRow>, TotalsError>
where
    I: IntoIterator<Item = &'a Document>,
{
    let mut groups: BTreeMap<Vec<Option<String>>, (TotalsRow, Option<usize>)> = BTreeMap::new();
    let mut facts = Vec::new();
    for (doc_index, doc) in documents.into_iter().enumerate() {
        facts.clear();
        facts_of(doc, &mut facts);
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
                        support_of_establishments: 0,
                    },
                    None,
                )
            });
            if *last_doc != Some(doc_index) {
                row.documents += 1;
                *last_doc = Some(doc_index);
            }
            add(&mut row.funding_vnd, fact.funding)?;
            if let Some(s) = fact.support {
                add(&mut row.support_vnd, s)?;
            }
            if let Some(i) = fact.investment {
                add(&mut row.total_investment_vnd, i)?;
            }
            if let (Some(s), Some(i)) = (fact.support, fact.investment) {
                add(&mut row.paired_support, s)?;
                add(&mut row.paired_investment, i)?;
                add(&mut row.counterpart_vnd, i.saturating_sub(s))?;
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
    Ok(groups
        .into_values()
        .map(|(mut row, _)| {
            row.support_share = ratio(row.paired_support, row.paired_investment);
            row.counterpart_per_support = ratio(row.counterpart_vnd, row.paired_support);
            row.avg_support_per_establishment_vnd = (row.establishments > 0
                && row.support_of_establishments > 0)
                .then(|| row.support_of_establishments / row.establishments);
            row
        })
        .collect())
}

impl TotalsRow {
    /// The names of the figures of a row, in their JSON order — for tables and frames.
    pub const FIGURES: [&'static str; 10] = [
        "documents",
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
