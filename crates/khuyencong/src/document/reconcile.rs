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

/// The parts of a stated total: the sum of the parts that state the figure, and how many
/// parts do and do not state it. A part that does not state a figure is **unknown, never
/// zero**: with some parts unstated the sum is only a lower bound of the whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Parts {
    /// The sum of the parts that state the figure, with its exactness.
    pub sum: Figure,
    /// How many parts state the figure.
    pub stated: usize,
    /// How many parts do not.
    pub unstated: usize,
}

impl Parts {
    /// Sums the parts; `None` for a part that does not state the figure. `None` on
    /// overflow of the đồng range.
    pub fn of<I: IntoIterator<Item = Option<Figure>>>(items: I) -> Option<Self> {
        let mut unstated = 0;
        let mut stated = 0;
        let sum = sum(items.into_iter().filter_map(|f| {
            if f.is_none() {
                unstated += 1;
            } else {
                stated += 1;
            }
            f
        }))?;
        Some(Self {
            sum,
            stated,
            unstated,
        })
    }

    /// Whether some parts do not state the figure (the sum is a lower bound).
    pub const fn is_partial(&self) -> bool {
        self.unstated > 0
    }
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

/// Compares a stated figure with the sum of its parts; `partial` when some parts do not
/// state the figure, so that their sum is only a lower bound of the whole.
///
/// Each side is read as the range it states: an exact figure is itself, a lower bound
/// ("hơn", "trên") is that figure or more, an approximation ("gần", "khoảng") is near it.
/// The gap is how far apart the two ranges are; no gap is agreement, a gap within
/// [`APPROXIMATE_TOLERANCE_PERCENT`] of the larger figure is tolerated when either side is
/// approximate, any other gap is a mismatch. So the parts of a partial breakdown contradict
/// the total only when they already exceed it.
pub fn compare(stated: Figure, computed: Figure, partial: bool) -> Agreement {
    use Exactness::{Approximate, LowerBound};
    let s_open = stated.exactness == LowerBound;
    let c_open = computed.exactness == LowerBound || partial;
    let approximate = stated.exactness == Approximate || computed.exactness == Approximate;
    let (s, c) = (stated.value, computed.value);
    let gap = match (s_open, c_open) {
        (false, false) => s.abs_diff(c),
        // The whole is more than `s`; the parts add up to `c`: they must reach `s`.
        (true, false) => s.saturating_sub(c),
        // The parts add up to `c` or more: the whole must be at least `c`.
        (false, true) => c.saturating_sub(s),
        (true, true) => 0,
    };
    if gap == 0 {
        return if approximate {
            Agreement::WithinTolerance
        } else if s_open || c_open {
            Agreement::Consistent
        } else {
            Agreement::Equal
        };
    }
    if !approximate {
        return Agreement::Mismatch;
    }
    // gap / base ≤ tolerance, in integers: gap × 100 ≤ tolerance × base.
    let within =
        u128::from(gap) * 100 <= u128::from(APPROXIMATE_TOLERANCE_PERCENT) * u128::from(s.max(c));
    if within {
        Agreement::WithinTolerance
    } else {
        Agreement::OutsideTolerance
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

/// Compares a stated total with its parts and says what it finds — the one rule for every
/// reconciliation of the documents (results, funding, budgets, counts, investment,
/// counterpart, targets):
///
/// - every part states the figure: exact comparison, or within the bounds of *hơn* /
///   *gần* / *khoảng* (`code` on a contradiction; `reconcile.approximate` or
///   `reconcile.lower_bound` notes when bounds were used);
/// - some parts state it: their sum is a lower bound; `code` only when the known parts
///   already exceed the total beyond its bounds, otherwise `reconcile.partial_breakdown`;
/// - no part states it: nothing to compare, `reconcile.not_itemised`.
///
/// `what` names the total in (Vietnamese, English).
pub fn check_total(
    out: &mut Vec<Finding>,
    code: &str,
    path: String,
    what: (&str, &str),
    stated: Figure,
    parts: Parts,
    money: bool,
) {
    if parts.stated == 0 {
        let (s_vi, s_en) = describe(stated, money);
        out.push(
            Finding::new(
                "reconcile.not_itemised",
                Severity::Info,
                path,
                format!(
                    "{} ghi {s_vi} nhưng không phần nào nêu số liệu này: không có chi tiết để đối chiếu",
                    what.0
                ),
                format!(
                    "{} states {s_en} but no part states this figure: it is not itemised, there is nothing to compare",
                    what.1
                ),
            )
            .param("stated", stated.value)
            .param("stated_exactness", exactness_code(stated.exactness))
            .param("parts_unstated", parts.unstated),
        );
        return;
    }
    let partial = parts.is_partial();
    let computed = parts.sum;
    let agreement = compare(stated, computed, partial);
    if agreement == Agreement::Equal {
        // The common case: nothing to say, so nothing to render.
        return;
    }
    let (s_vi, s_en) = describe(stated, money);
    let (c_vi, c_en) = describe(computed, money);
    let n = parts.stated + parts.unstated;
    let (of_vi, of_en) = if partial {
        (
            format!(" ({} trong {n} phần có nêu số liệu)", parts.stated),
            format!(" ({} of {n} parts state it)", parts.stated),
        )
    } else {
        (String::new(), String::new())
    };
    let finding = match agreement {
        Agreement::Equal => return,
        Agreement::Mismatch if partial => Finding::new(
            code,
            Severity::Error,
            path,
            format!(
                "{} ghi {s_vi} nhưng riêng các phần có nêu số liệu đã cộng lại được {c_vi}{of_vi}",
                what.0
            ),
            format!(
                "{} states {s_en} but the parts that state it already add up to {c_en}{of_en}",
                what.1
            ),
        ),
        Agreement::Mismatch => Finding::new(
            code,
            Severity::Error,
            path,
            format!("{} ghi {s_vi} nhưng tổng các phần là {c_vi}", what.0),
            format!("{} states {s_en} but its parts add up to {c_en}", what.1),
        ),
        Agreement::Consistent | Agreement::WithinTolerance if partial => Finding::new(
            "reconcile.partial_breakdown",
            Severity::Info,
            path,
            format!(
                "{}: {s_vi}; các phần có nêu số liệu cộng lại được {c_vi}{of_vi} — chi tiết chưa đầy đủ, tổng chỉ được đối chiếu như giới hạn dưới và không có mâu thuẫn",
                what.0
            ),
            format!(
                "{}: {s_en}; the parts that state it add up to {c_en}{of_en} — the breakdown is partial, so their sum is only a lower bound, and nothing contradicts",
                what.1
            ),
        ),
        Agreement::Consistent => Finding::new(
            "reconcile.lower_bound",
            Severity::Info,
            path,
            format!(
                "{}: {s_vi} so với tổng các phần {c_vi} — số liệu 'hơn/trên' là giới hạn dưới, phù hợp với nhau",
                what.0
            ),
            format!(
                "{}: {s_en} against parts adding up to {c_en} — 'more than' figures are lower bounds, and they agree",
                what.1
            ),
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
                "{}: {s_vi} so với tổng các phần {c_vi}{of_vi} — số liệu ước tính nhưng chênh lệch quá {APPROXIMATE_TOLERANCE_PERCENT}%",
                what.0
            ),
            format!(
                "{}: {s_en} against parts adding up to {c_en}{of_en} — approximate, but more than {APPROXIMATE_TOLERANCE_PERCENT}% apart",
                what.1
            ),
        ),
    };
    let mut finding = finding
        .param("stated", stated.value)
        .param("computed", computed.value)
        .param("stated_exactness", exactness_code(stated.exactness))
        .param("computed_exactness", exactness_code(computed.exactness));
    if partial {
        finding = finding
            .param("parts_stated", parts.stated)
            .param("parts_unstated", parts.unstated);
    }
    out.push(finding);
}

/// The code of an exactness.
pub fn exactness_code(e: Exactness) -> &'static str {
    match e {
        Exactness::Exact => "exact",
        Exactness::LowerBound => "lower_bound",
        Exactness::Approximate => "approximate",
    }
}
