//! A scheme's money and the rules on it: one module per provision.
//!
//! - [`FundLevel`] and [`FundingSource`]: the code lists of Decree 45/2012/NĐ-CP Art. 11–13;
//! - `sums` — the money adds up (arithmetic, not a legal rule), and the mix with exact shares;
//! - `fund_level` — Decree 45/2012 Art. 11: extension funds pay only for schemes of their level;
//! - `limit` — the extension support within the support limit ([`crate::support::max_support`]);
//! - `counterpart` — Joint Circular 26/2014 Art. 7.3: the beneficiary covers the rest;
//! - `declaration` — Joint Circular 26/2014 Art. 7.4: no other state money for the same items;
//! - `integration` — Joint Circular 26/2014 Art. 3.3: integrated programme money;
//! - `window` — the one policy of the Joint Circular 26/2014 rules outside its window.
//!
//! [`check_funding`] runs them all on one scheme.

pub use crate::fund::{FundLevel, FundingSource};

use std::collections::BTreeMap;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::activity::Activity;
use crate::figure::Amount;
use crate::finding::{Finding, FindingDef};
use crate::money::Exactness;
use crate::money::{MoneyError, Ratio, Vnd};
use crate::support::SupportContext;

mod counterpart;
mod fund_level;
pub(crate) use fund_level::{PlanFundSourceMismatch, pays_for};
mod integration;
mod limit;
mod sums;
mod window;

#[cfg(test)]
mod test_support;

pub(crate) use limit::{Content, EXTENSION_SUPPORT, Units, check_limit, unit_of};

/// One line of a scheme's funding: a source and an amount.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct FundingLine {
    /// Where the money comes from.
    pub source: FundingSource,
    /// How much, in đồng: a JSON integer, or an object with the exactness the scheme states
    /// ("khoảng 7,5 tỷ": approximate).
    pub amount: Amount,
    /// A free note (e.g. which programme is integrated).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl FundingLine {
    /// A line of `amount` from `source`, without a note.
    pub fn new(source: FundingSource, amount: impl Into<Amount>) -> Self {
        Self {
            source,
            amount: amount.into(),
            note: None,
        }
    }

    /// The same line with a note.
    #[must_use]
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }
}

/// The money of one extension scheme (đề án): its cost and where the money comes from.
///
/// Embedded in scheme documents under the key `funding`; findings point into it as
/// `<scheme>/funding/...`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct SchemeFunding {
    /// Total approved cost of the scheme, in đồng; an object when the scheme states it as a
    /// bound or an approximation ("tổng kinh phí khoảng 7,5 tỷ đồng").
    pub total_cost: Amount,
    /// The part of the cost eligible for support (the base of the support share), in đồng;
    /// an object when stated as a bound or an approximation.
    pub eligible_cost: Amount,
    /// The fund level of the scheme: national, or a local level.
    pub fund_level: FundLevel,
    /// The funding lines; they must add up to `total_cost`.
    pub lines: Vec<FundingLine>,
    /// The beneficiary's declaration that no other state money funds the same cost items
    /// (Joint Circular 26/2014 Art. 7.4): `true` when declared; absent when missing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub no_other_state_funding: Option<bool>,
}

impl SchemeFunding {
    /// The money of a scheme at `fund_level`: its total and eligible cost, and its lines;
    /// the declaration of no other state funding is not stated (see
    /// [`SchemeFunding::declared`]).
    pub fn new(
        fund_level: FundLevel,
        total_cost: impl Into<Amount>,
        eligible_cost: impl Into<Amount>,
        lines: Vec<FundingLine>,
    ) -> Self {
        Self {
            total_cost: total_cost.into(),
            eligible_cost: eligible_cost.into(),
            fund_level,
            lines,
            no_other_state_funding: None,
        }
    }

    /// The same money with the scheme's declaration that the same content receives no other
    /// state funding (`Some(true)`), or that it does (`Some(false)`).
    #[must_use]
    pub const fn declared(mut self, no_other_state_funding: Option<bool>) -> Self {
        self.no_other_state_funding = no_other_state_funding;
        self
    }

    /// The checked sum of the lines whose source satisfies `pick`.
    ///
    /// # Errors
    /// [`MoneyError::Overflow`] when the sum exceeds the largest amount.
    pub fn total_of(&self, pick: impl Fn(FundingSource) -> bool) -> Result<Vnd, MoneyError> {
        Vnd::sum(
            self.lines
                .iter()
                .filter(|l| pick(l.source))
                .map(|l| l.amount.vnd),
        )
    }

    /// How exactly the lines whose source satisfies `pick` are stated, together.
    pub fn exactness_of(&self, pick: impl Fn(FundingSource) -> bool) -> Exactness {
        self.lines
            .iter()
            .filter(|l| pick(l.source))
            .fold(Exactness::Exact, |e, l| e.combine(l.amount.exactness))
    }

    /// Whether every figure of the scheme's money is stated exactly.
    pub fn is_exact(&self) -> bool {
        self.total_cost.exactness == Exactness::Exact
            && self.eligible_cost.exactness == Exactness::Exact
            && self
                .lines
                .iter()
                .all(|l| l.amount.exactness == Exactness::Exact)
    }
}

/// Sums funding lines by source, checked.
///
/// # Errors
/// [`MoneyError::Overflow`] when a sum exceeds the largest amount.
///
/// # Example
/// ```
/// use khuyencong::funding::{FundingLine, FundingSource, sum_by_source};
/// use khuyencong::money::Vnd;
/// let line = |source, m| FundingLine::new(source, Vnd::from_million(m).unwrap());
/// let sums = sum_by_source(&[
///     line(FundingSource::NationalTargetProgramme, 838),
///     line(FundingSource::LocalBudgetProvincial, 14_859),
///     line(FundingSource::LocalBudgetProvincial, 0),
/// ])?;
/// assert_eq!(sums[&FundingSource::LocalBudgetProvincial], Vnd::from_million(14_859)?);
/// # Ok::<(), khuyencong::money::MoneyError>(())
/// ```
pub fn sum_by_source(lines: &[FundingLine]) -> Result<BTreeMap<FundingSource, Vnd>, MoneyError> {
    let mut out: BTreeMap<FundingSource, Vnd> = BTreeMap::new();
    for l in lines {
        let slot = out.entry(l.source).or_insert(Vnd::ZERO);
        *slot = slot.checked_add(l.amount.vnd)?;
    }
    Ok(out)
}

/// Counterpart funds = total investment (support included) − support.
///
/// # Errors
/// [`MoneyError::Negative`] when the support exceeds the investment.
pub fn counterpart(total_investment: Vnd, support: Vnd) -> Result<Vnd, MoneyError> {
    total_investment.checked_sub(support)
}

/// The support share of a total, exact ([`Ratio`]); round only when displaying.
///
/// # Errors
/// [`MoneyError::DivisionByZero`] when `total` is zero.
pub fn support_share(support: Vnd, total: Vnd) -> Result<Ratio, MoneyError> {
    Ratio::new(support, total)
}

/// Counterpart đồng mobilised per đồng of support, exact ([`Ratio`]).
///
/// # Errors
/// [`MoneyError::DivisionByZero`] when `support` is zero.
pub fn counterpart_per_support(counterpart: Vnd, support: Vnd) -> Result<Ratio, MoneyError> {
    Ratio::new(counterpart, support)
}

/// Every kind of finding of the funding rules, for the registry.
pub(crate) fn kinds() -> impl Iterator<Item = &'static FindingDef> {
    [
        sums::KINDS,
        fund_level::KINDS,
        limit::KINDS,
        counterpart::KINDS,
        integration::KINDS,
    ]
    .into_iter()
    .flatten()
    .copied()
}

/// Checks one scheme's funding mix and returns every finding.
///
/// `base` is the JSON Pointer of the object that holds `funding` (e.g. `/schemes/0`);
/// findings point at `base + "/funding/..."`. Checks, each with its code:
/// the lines add up to the total cost (`funding.sources_do_not_sum`); the eligible cost is
/// within the total (`funding.eligible_exceeds_total`); national funds only on national
/// schemes and local funds only on local ones (`funding.fund_level_mismatch`); the
/// extension support is within [`crate::support::max_support`] for the scheme's fund level
/// and the context's number of units (`funding.support_exceeds_limit`;
/// `funding.support_not_assessed` when the level is not modelled — never silent, never an
/// error); the counterpart covers the rest (`funding.counterpart_short`, Joint Circular
/// 26/2014 Art. 7.3); the no-other-state-funding declaration is present and true
/// (Art. 7.4); integrated programme money is flagged for review; and the mix is reported
/// with exact shares (`funding.shares`).
///
/// The scheme's `fund_level` overrides `context.fund`.
pub fn check_funding(
    funding: &SchemeFunding,
    activity: Activity,
    context: &SupportContext<'_>,
    date: NaiveDate,
    base: &str,
) -> Vec<Finding> {
    let content = Content {
        activity,
        variant: context.variant,
        technology_line: context.technology_line,
        eligible_cost: funding.eligible_cost.vnd,
        units: Units::Known(context.units),
    };
    check_funding_with(funding, Some(&[content]), context, date, base)
}

/// The extension support of a scheme: the lines of the scheme's own fund level (national,
/// or local).
pub(crate) fn extension_support(funding: &SchemeFunding) -> Result<Vnd, MoneyError> {
    let level = funding.fund_level;
    funding.total_of(|s| {
        s.fund_level()
            .is_some_and(|l| l.is_local() == level.is_local())
    })
}

/// Whether a limit check of the extension support against limits computed from the eligible
/// cost is uncertain: the support is approximate, or the eligible cost is not exact (the
/// share limit moves with it).
pub(crate) fn limit_uncertain(funding: &SchemeFunding) -> bool {
    let level = funding.fund_level;
    funding.exactness_of(|s| {
        s.fund_level()
            .is_some_and(|l| l.is_local() == level.is_local())
    }) == Exactness::Approximate
        || funding.eligible_cost.exactness != Exactness::Exact
}

/// [`check_funding`] with the contents whose limits bound the extension support; `None`
/// when the caller checks the limit itself (a scheme whose support is split by content).
pub(crate) fn check_funding_with(
    funding: &SchemeFunding,
    contents: Option<&[Content]>,
    context: &SupportContext<'_>,
    date: NaiveDate,
    base: &str,
) -> Vec<Finding> {
    let p = format!("{base}/funding");
    let mut out = Vec::new();
    let ctx = SupportContext {
        fund: funding.fund_level,
        ..*context
    };
    sums::check_eligible_within_total(&mut out, funding, &p);
    fund_level::check(&mut out, funding, &p);
    let Some(sum) = sums::check_lines_add_up(&mut out, funding, &p) else {
        return out;
    };
    let (Ok(state), Ok(extension)) = (
        funding.total_of(FundingSource::is_state),
        extension_support(funding),
    ) else {
        out.push(sums::overflow(format!("{p}/lines")));
        return out;
    };
    let non_state = sum.checked_sub(state).unwrap_or(Vnd::ZERO);
    if let Some(contents) = contents {
        limit::check_scheme(&mut out, funding, contents, extension, &ctx, date, &p);
    }
    limit::check_state_budget_lines(&mut out, funding, &p);
    let window = window::Ttlt26::on(date);
    counterpart::check(&mut out, funding, state, non_state, window, &p);
    // Joint Circular 26/2014 Art. 7.4, read with the eligibility rules (one module for
    // schemes and applicants).
    crate::eligibility::check_declaration(&mut out, funding.no_other_state_funding, date, &p);
    integration::check(&mut out, funding, window, &p);
    out.push(sums::shares(funding, sum, state, extension, non_state, &p));
    Finding::sort(&mut out);
    out
}
