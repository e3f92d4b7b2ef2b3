//! Comparing stated totals with the sums of their parts, respecting bounds and
//! approximations.
//!
//! | rule | article | confidence |
//! |---|---|---|
//! | reconciliation of reports and plans: stated totals, nested parts, counterpart = investment − support | arithmetic, not a legal rule (exact) | — |

use rust_decimal::Decimal;

use super::common::{Amount, Count, Exactness};
use crate::finding::{Finding, Severity};
use crate::money::{Vnd, group_thousands};

/// The tolerance for figures the source itself calls approximate ("gần", "khoảng"): a
/// modelling choice, not law — an approximate figure within 10 % of the other side is
/// accepted with a note; outside it, a reviewer is warned.
pub const APPROXIMATE_TOLERANCE_PERCENT: u64 = 10;

/// A figure with its exactness.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Figure {
    /// The value (đồng or a count).
    pub value: u64,
    /// How exactly it is known.
    pub exactness: Exactness,
}

impl From<&Amount> for Figure {
    fn from(a: &Amount) -> Self {
        Self {
            value: a.vnd.get(),
            exactness: a.exactness,
        }
    }
}

impl From<&Count> for Figure {
    fn from(c: &Count) -> Self {
        Self {
            value: c.value,
            exactness: c.exactness,
        }
    }
}

/// Sums figures, combining their exactness; `None` on overflow of the đồng range.
pub fn sum<'a, I: IntoIterator<Item = Figure>>(items: I) -> Option<Figure>
where
    I::IntoIter: 'a,
{
    items.into_iter().try_fold(
        Figure {
            value: 0,
            exactness: Exactness::Exact,
        },
        |acc, f| {
            let value = acc.value.checked_add(f.value)?;
            Vnd::new(value).ok()?;
            Some(Figure {
                value,
                exactness: acc.exactness.combine(f.exactness),
            })
        },
    )
}

/// The outcome of comparing a stated figure with a computed one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Agreement {
    /// Both exact and equal.
    Equal,
    /// Consistent given the bounds (e.g. an exact total at least the lower bound of its parts).
    Consistent,
    /// Approximations within the tolerance.
    WithinTolerance,
    /// Approximations outside the tolerance: a reviewer should look.
    OutsideTolerance,
    /// The figures contradict each other.
    Mismatch,
}

/// Compares a stated figure with the computed sum of its parts.
pub fn compare(stated: Figure, computed: Figure) -> Agreement {
    use Exactness::{Approximate, Exact, LowerBound};
    match (stated.exactness, computed.exactness) {
        (Approximate, _) | (_, Approximate) => {
            let diff = stated.value.abs_diff(computed.value);
            let base = stated.value.max(computed.value);
            // diff / base ≤ tolerance, in integers: diff × 100 ≤ tolerance × base.
            let within = u128::from(diff) * 100
                <= u128::from(APPROXIMATE_TOLERANCE_PERCENT) * u128::from(base);
            if within {
                Agreement::WithinTolerance
            } else {
                Agreement::OutsideTolerance
            }
        }
        (Exact, Exact) if stated.value == computed.value => Agreement::Equal,
        // The parts are "more than" their sum: an exact total must be at least that.
        (Exact, LowerBound) if stated.value >= computed.value => Agreement::Consistent,
        // "More than X" stated; the parts add up to an exact sum that must reach X.
        (LowerBound, Exact) if computed.value >= stated.value => Agreement::Consistent,
        (LowerBound, LowerBound) => Agreement::Consistent,
        _ => Agreement::Mismatch,
    }
}

/// Renders a figure in million đồng, Vietnamese and English, with its exactness.
pub fn describe(f: Figure, money: bool) -> (String, String) {
    let (pre_vi, pre_en) = match f.exactness {
        Exactness::Exact => ("", ""),
        Exactness::LowerBound => ("hơn ", "more than "),
        Exactness::Approximate => ("khoảng ", "about "),
    };
    if money {
        let m = Decimal::from(f.value) / Decimal::from(1_000_000u32);
        let vi = format_million_vi(m);
        let en = format_million_en(m);
        (
            format!("{pre_vi}{vi} triệu đồng"),
            format!("{pre_en}{en} million VND"),
        )
    } else {
        (
            format!("{pre_vi}{}", group_thousands(f.value, '.')),
            format!("{pre_en}{}", group_thousands(f.value, ',')),
        )
    }
}

fn split_million(m: Decimal) -> (u64, String) {
    let m = m.normalize();
    let int = m.trunc();
    let frac = (m - int).normalize().to_string();
    let frac_digits = frac.strip_prefix("0.").unwrap_or("").to_owned();
    (u64::try_from(int).unwrap_or(0), frac_digits)
}

fn format_million_vi(m: Decimal) -> String {
    let (int, frac) = split_million(m);
    let mut s = group_thousands(int, '.');
    if !frac.is_empty() {
        s.push(',');
        s.push_str(&frac);
    }
    s
}

fn format_million_en(m: Decimal) -> String {
    let (int, frac) = split_million(m);
    let mut s = group_thousands(int, ',');
    if !frac.is_empty() {
        s.push('.');
        s.push_str(&frac);
    }
    s
}

/// Compares and turns the result into a finding (or nothing when equal).
///
/// `what` names the total in (Vietnamese, English); `code` is the mismatch code.
pub fn check_total(
    out: &mut Vec<Finding>,
    code: &str,
    path: String,
    what: (&str, &str),
    stated: Figure,
    computed: Figure,
    money: bool,
) {
    let agreement = compare(stated, computed);
    if matches!(agreement, Agreement::Equal | Agreement::Consistent) {
        // The common case: nothing to say, so nothing to render.
        return;
    }
    let (s_vi, s_en) = describe(stated, money);
    let (c_vi, c_en) = describe(computed, money);
    let finding = match agreement {
        Agreement::Equal | Agreement::Consistent => return,
        Agreement::Mismatch => Finding::new(
            code,
            Severity::Error,
            path,
            format!("{} ghi {s_vi} nhưng tổng các phần là {c_vi}", what.0),
            format!("{} states {s_en} but its parts add up to {c_en}", what.1),
        ),
        Agreement::WithinTolerance => Finding::new(
            "reconcile.approximate",
            Severity::Info,
            path,
            format!(
                "{}: {s_vi} so với tổng các phần {c_vi} — số liệu ước tính, chênh lệch trong phạm vi {APPROXIMATE_TOLERANCE_PERCENT}%",
                what.0
            ),
            format!(
                "{}: {s_en} against parts adding up to {c_en} — approximate figures, within {APPROXIMATE_TOLERANCE_PERCENT}%",
                what.1
            ),
        ),
        Agreement::OutsideTolerance => Finding::new(
            "reconcile.approximate_outside_tolerance",
            Severity::Warning,
            path,
            format!(
                "{}: {s_vi} so với tổng các phần {c_vi} — số liệu ước tính nhưng chênh lệch quá {APPROXIMATE_TOLERANCE_PERCENT}%",
                what.0
            ),
            format!(
                "{}: {s_en} against parts adding up to {c_en} — approximate, but more than {APPROXIMATE_TOLERANCE_PERCENT}% apart",
                what.1
            ),
        ),
    };
    out.push(
        finding
            .param("stated", stated.value)
            .param("computed", computed.value)
            .param("stated_exactness", exactness_code(stated.exactness))
            .param("computed_exactness", exactness_code(computed.exactness)),
    );
}

/// The code of an exactness.
pub fn exactness_code(e: Exactness) -> &'static str {
    match e {
        Exactness::Exact => "exact",
        Exactness::LowerBound => "lower_bound",
        Exactness::Approximate => "approximate",
    }
}
