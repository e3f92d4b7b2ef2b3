//! Comparing stated totals with the sums of their parts, respecting bounds and
//! approximations.
//!
//! | rule | article | confidence |
//! |---|---|---|
//! | reconciliation of reports and plans: stated totals, nested parts, counterpart = investment − support | arithmetic, not a legal rule (exact) | — |

use std::fmt;

use rust_decimal::Decimal;

use super::{Amount, Count};
use crate::finding::{Arg, Finding, Params, Shown, Wording, finding_kinds};
use crate::law::Lang;
use crate::money::{Exactness, Vnd, group_thousands};

/// The tolerance for figures the source itself calls approximate ("gần", "khoảng"): a
/// modelling choice, not law — an approximate figure within 10 % of the other side is
/// accepted with a note; outside it, a reviewer is warned.
pub const APPROXIMATE_TOLERANCE_PERCENT: u64 = 10;

/// A figure with its exactness: the interval of values it stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Figure {
    /// The value (đồng or a count); for a range, its lower end.
    pub value: u64,
    /// How exactly it is known.
    pub exactness: Exactness,
    /// The upper end of a range ("8–12"), or of a sum that includes ranges.
    pub upper: Option<u64>,
}

impl Figure {
    /// An exact figure.
    pub const fn exact(value: u64) -> Self {
        Self {
            value,
            exactness: Exactness::Exact,
            upper: None,
        }
    }

    /// A figure with an exactness.
    pub const fn new(value: u64, exactness: Exactness) -> Self {
        Self {
            value,
            exactness,
            upper: None,
        }
    }

    /// The largest value it stands for (`None`: no upper end, a lower bound).
    pub fn high(&self) -> Option<u64> {
        if self.exactness == Exactness::LowerBound {
            None
        } else {
            Some(self.upper.unwrap_or(self.value).max(self.value))
        }
    }

    /// Whether it is one exact value.
    pub fn is_exact(&self) -> bool {
        self.exactness == Exactness::Exact && self.upper.is_none()
    }
}

impl From<&Amount> for Figure {
    fn from(a: &Amount) -> Self {
        Self::new(a.vnd.get(), a.exactness)
    }
}

impl From<&Count> for Figure {
    fn from(c: &Count) -> Self {
        Self {
            value: c.value,
            exactness: c.exactness,
            upper: c.max,
        }
    }
}

/// Sums figures, combining their exactness (and the upper ends of ranges); `None` on
/// overflow of the đồng range.
pub fn sum<'a, I: IntoIterator<Item = Figure>>(items: I) -> Option<Figure>
where
    I::IntoIter: 'a,
{
    let mut ranged = false;
    let mut high = 0u64;
    let total = items.into_iter().try_fold(Figure::exact(0), |acc, f| {
        let value = acc.value.checked_add(f.value)?;
        Vnd::new(value).ok()?;
        ranged |= f.upper.is_some();
        high = high.saturating_add(f.upper.unwrap_or(f.value).max(f.value));
        Some(Figure::new(value, acc.exactness.combine(f.exactness)))
    })?;
    Some(Figure {
        upper: (ranged && total.exactness != Exactness::LowerBound).then_some(high),
        ..total
    })
}

/// The parts of a stated total: the sum of the parts that state the figure, and how many
/// parts do and do not state it. A part that does not state a figure is **unknown, never
/// zero**: with some parts unstated the sum is only a lower bound of the whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
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
    use Exactness::Approximate;
    let s_high = stated.high();
    let c_high = if partial { None } else { computed.high() };
    let approximate = stated.exactness == Approximate || computed.exactness == Approximate;
    let (s, c) = (stated.value, computed.value);
    // The distance between the two intervals [s, s_high] and [c, c_high].
    let gap = match (s_high, c_high) {
        (Some(sh), _) if sh < c => c - sh,
        (_, Some(ch)) if ch < s => s - ch,
        _ => 0,
    };
    if gap == 0 {
        let open = s_high.is_none_or(|h| h != s) || c_high.is_none_or(|h| h != c);
        return if approximate {
            Agreement::WithinTolerance
        } else if open {
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
    if let (Some(high), false) = (f.upper, money) {
        return (
            format!(
                "{pre_vi}{}–{}",
                group_thousands(f.value, '.'),
                group_thousands(high, '.')
            ),
            format!(
                "{pre_en}{}–{}",
                group_thousands(f.value, ','),
                group_thousands(high, ',')
            ),
        );
    }
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
///   *gần* / *khoảng* (`mismatch`, the total's own kind, on a contradiction;
///   `reconcile.approximate` or `reconcile.lower_bound` notes when bounds were used);
/// - some parts state it: their sum is a lower bound; `mismatch` only when the known parts
///   already exceed the total beyond its bounds, otherwise `reconcile.partial_breakdown`;
/// - no part states it: nothing to compare, `reconcile.not_itemised`.
///
/// `what` names the total in (Vietnamese, English). Nothing is rendered here: the findings
/// hold the figures, and their messages are written when read.
pub(crate) fn check_total(
    out: &mut Vec<Finding>,
    mismatch: impl FnOnce(Contradiction, String) -> Finding,
    path: String,
    what: (&str, &str),
    stated: Figure,
    parts: Parts,
    money: bool,
) {
    let what = || What::new(what);
    if parts.stated == 0 {
        out.push(
            NotItemised {
                what: what(),
                stated: Fig::new(stated, money),
                stated_exactness: stated.exactness,
                parts_unstated: parts.unstated,
            }
            .at(path),
        );
        return;
    }
    let partial = parts.is_partial();
    let computed = parts.sum;
    let agreement = compare(stated, computed, partial);
    let of = Of(partial.then_some((parts.stated, parts.unstated)));
    let (s, c) = (Fig::new(stated, money), Fig::new(computed, money));
    let (stated_exactness, computed_exactness) = (stated.exactness, computed.exactness);
    let finding = match agreement {
        Agreement::Equal => return,
        Agreement::Mismatch => mismatch(
            Contradiction {
                what: what(),
                stated: s,
                computed: c,
                of,
            },
            path,
        ),
        Agreement::Consistent | Agreement::WithinTolerance if partial => PartialBreakdown {
            what: what(),
            stated: s,
            computed: c,
            stated_exactness,
            computed_exactness,
            of,
        }
        .at(path),
        Agreement::Consistent if stated.upper.is_some() || computed.upper.is_some() => Range {
            what: what(),
            stated: s,
            computed: c,
            stated_exactness,
            computed_exactness,
        }
        .at(path),
        Agreement::Consistent => LowerBound {
            what: what(),
            stated: s,
            computed: c,
            stated_exactness,
            computed_exactness,
        }
        .at(path),
        Agreement::WithinTolerance => Approximate {
            what: what(),
            stated: s,
            computed: c,
            stated_exactness,
            computed_exactness,
        }
        .at(path),
        Agreement::OutsideTolerance => ApproximateOutsideTolerance {
            compared: Beyond::Parts,
            what: Some(what()),
            stated: Some(s),
            computed: Some(c),
            stated_exactness: Some(stated_exactness),
            computed_exactness: Some(computed_exactness),
            of,
            rule: None,
        }
        .at(path),
    };
    out.push(finding);
}

/// The name of a stated total in a message, in Vietnamese and English (not a parameter).
#[derive(Debug, Clone)]
pub(crate) struct What(String, String);

impl What {
    /// The name in Vietnamese and English.
    pub(crate) fn new(what: (&str, &str)) -> Self {
        Self(what.0.to_owned(), what.1.to_owned())
    }
}

impl Arg for What {
    fn write(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match lang {
            Lang::Vi => &self.0,
            Lang::En => &self.1,
        })
    }
    fn json(&self) -> serde_json::Value {
        serde_json::Value::Null
    }
    fn to_params(&self, _: &'static str, _: &mut Params) {}
}

/// The name of a stated total, its first letter in lower case (inside a sentence).
#[derive(Debug, Clone)]
pub(crate) struct Lower(What);

impl Arg for Lower {
    fn write(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = match lang {
            Lang::Vi => &self.0.0,
            Lang::En => &self.0.1,
        };
        let mut c = s.chars();
        if let Some(first) = c.next() {
            for l in first.to_lowercase() {
                fmt::Write::write_char(f, l)?;
            }
        }
        f.write_str(c.as_str())
    }
    fn json(&self) -> serde_json::Value {
        serde_json::Value::Null
    }
    fn to_params(&self, _: &'static str, _: &mut Params) {}
}

/// A figure as a message shows it ([`describe`]); its value in `params`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fig {
    figure: Figure,
    money: bool,
}

impl Fig {
    /// A figure of money (`money`) or a count.
    pub(crate) const fn new(figure: Figure, money: bool) -> Self {
        Self { figure, money }
    }
}

impl Arg for Fig {
    fn write(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (vi, en) = describe(self.figure, self.money);
        f.write_str(match lang {
            Lang::Vi => &vi,
            Lang::En => &en,
        })
    }
    fn json(&self) -> serde_json::Value {
        self.figure.value.into()
    }
}

/// How exactly a figure is known: its code in `params`.
impl Arg for Exactness {
    fn write(&self, _: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(exactness_code(*self))
    }
    fn json(&self) -> serde_json::Value {
        exactness_code(*self).into()
    }
}

/// How many parts state the figure, when not all do: " (2 of 5 parts state it)" in a
/// message, `parts_stated` and `parts_unstated` in `params`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Of(Option<(usize, usize)>);

impl Arg for Of {
    fn write(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Some((stated, unstated)) = self.0 else {
            return Ok(());
        };
        let n = stated + unstated;
        match lang {
            Lang::Vi => write!(f, " ({stated} trong {n} phần có nêu số liệu)"),
            Lang::En => write!(f, " ({stated} of {n} parts state it)"),
        }
    }
    fn json(&self) -> serde_json::Value {
        serde_json::Value::Null
    }
    fn to_params(&self, _: &'static str, out: &mut Params) {
        if let Some((stated, unstated)) = self.0 {
            out.insert("parts_stated", stated.into());
            out.insert("parts_unstated", unstated.into());
        }
    }
}

/// A stated total its parts contradict, in the one wording of every reconciliation: the
/// message of each total's own mismatch kind (`report.results_total_mismatch`,
/// `funding.total_mismatch`…), and its parameters `stated`, `computed`, their exactness
/// and, for a partial breakdown, `parts_stated` and `parts_unstated`.
#[derive(Debug, Clone)]
pub(crate) struct Contradiction {
    what: What,
    stated: Fig,
    computed: Fig,
    of: Of,
}

impl Arg for Contradiction {
    fn write(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (what, stated, computed, of) = (
            Shown(&self.what, lang),
            Shown(&self.stated, lang),
            Shown(&self.computed, lang),
            Shown(&self.of, lang),
        );
        match (self.of.0.is_some(), lang) {
            (true, Lang::Vi) => write!(
                f,
                "{what} ghi {stated} nhưng riêng các phần có nêu số liệu đã cộng lại được {computed}{of}"
            ),
            (true, Lang::En) => write!(
                f,
                "{what} states {stated} but the parts that state it already add up to {computed}{of}"
            ),
            (false, Lang::Vi) => write!(f, "{what} ghi {stated} nhưng tổng các phần là {computed}"),
            (false, Lang::En) => write!(
                f,
                "{what} states {stated} but its parts add up to {computed}"
            ),
        }
    }
    fn json(&self) -> serde_json::Value {
        serde_json::Value::Null
    }
    fn to_params(&self, _: &'static str, out: &mut Params) {
        out.insert("stated", self.stated.json());
        out.insert("computed", self.computed.json());
        out.insert("stated_exactness", self.stated.figure.exactness.json());
        out.insert("computed_exactness", self.computed.figure.exactness.json());
        self.of.to_params("of", out);
    }
}

/// What approximate figures more than the tolerance apart were compared by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Beyond {
    /// A stated total and its parts.
    Parts,
    /// A rule's own comparison, whose finding it would be were the figures exact.
    Rule,
}

impl Arg for Beyond {
    fn write(&self, _: Lang, _: &mut fmt::Formatter<'_>) -> fmt::Result {
        Ok(())
    }
    fn json(&self) -> serde_json::Value {
        serde_json::Value::Null
    }
    fn to_params(&self, _: &'static str, _: &mut Params) {}
}

/// The finding a rule would report were the figures exact: its message, in the message's
/// language (not a parameter).
#[derive(Debug, Clone)]
pub(crate) struct Breach(Finding);

impl Arg for Breach {
    fn write(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0.display(lang), f)
    }
    fn json(&self) -> serde_json::Value {
        serde_json::Value::Null
    }
    fn to_params(&self, _: &'static str, _: &mut Params) {}
}

/// Approximate figures more than the tolerance apart in a rule's own comparison: a warning
/// at the place of `finding`, the finding the rule would report were the figures exact.
pub(crate) fn beyond_tolerance(finding: Finding) -> Finding {
    let path = finding.path.clone();
    ApproximateOutsideTolerance {
        compared: Beyond::Rule,
        what: None,
        stated: None,
        computed: None,
        stated_exactness: None,
        computed_exactness: None,
        of: Of(None),
        rule: Some(Breach(finding)),
    }
    .at(path)
}

finding_kinds! {
    /// Approximate figures agree within the tolerance.
    Approximate {
        code: "reconcile.approximate",
        severity: Info,
        citation: None,
        meaning: (
            "Số liệu ước tính ('gần', 'khoảng') khớp trong phạm vi 10%.",
            "Approximate figures agree within 10 %.",
        ),
        fix: ("Không cần sửa.", "Nothing to fix."),
        params: {
            what: What,
            stated: Fig,
            computed: Fig,
            stated_exactness: Exactness,
            computed_exactness: Exactness,
        },
        text: { tolerance = APPROXIMATE_TOLERANCE_PERCENT },
        message: (
            "{what}: {stated} so với tổng các phần {computed} — số liệu ước tính, chênh lệch trong phạm vi {tolerance}%",
            "{what}: {stated} against parts adding up to {computed} — approximate figures, within {tolerance}%",
        ),
    }

    /// Approximate figures more than the tolerance apart.
    ApproximateOutsideTolerance {
        code: "reconcile.approximate_outside_tolerance",
        severity: Warning,
        citation: None,
        meaning: (
            "Số liệu ước tính chênh lệch quá 10%.",
            "Approximate figures are more than 10 % apart.",
        ),
        fix: ("Kiểm tra số liệu gốc.", "Check the source figures."),
        params: {
            compared: Beyond,
            what: Option<What>,
            stated: Option<Fig>,
            computed: Option<Fig>,
            stated_exactness: Option<Exactness>,
            computed_exactness: Option<Exactness>,
            of: Of,
            rule: Option<Breach>,
        },
        text: { tolerance = APPROXIMATE_TOLERANCE_PERCENT },
        message: match compared {
            Beyond::Parts => (
                "{what}: {stated} so với tổng các phần {computed}{of} — số liệu ước tính nhưng chênh lệch quá {tolerance}%",
                "{what}: {stated} against parts adding up to {computed}{of} — approximate, but more than {tolerance}% apart",
            ),
            Beyond::Rule => (
                "{rule} — số liệu ước tính, chênh lệch quá {tolerance}%",
                "{rule} — approximate figures, more than {tolerance}% apart",
            ),
        },
    }

    /// Lower bounds used in a comparison agree.
    LowerBound {
        code: "reconcile.lower_bound",
        severity: Info,
        citation: None,
        meaning: (
            "Số liệu 'hơn/trên' (giới hạn dưới) được dùng khi đối chiếu và phù hợp với nhau.",
            "Lower bounds ('hơn', 'trên': more than) were used in a comparison, and they agree.",
        ),
        fix: ("Không cần sửa.", "Nothing to fix."),
        params: {
            what: What,
            stated: Fig,
            computed: Fig,
            stated_exactness: Exactness,
            computed_exactness: Exactness,
        },
        message: (
            "{what}: {stated} so với tổng các phần {computed} — số liệu 'hơn/trên' là giới hạn dưới, phù hợp với nhau",
            "{what}: {stated} against parts adding up to {computed} — 'more than' figures are lower bounds, and they agree",
        ),
    }

    /// A partial breakdown that does not contradict its total.
    PartialBreakdown {
        code: "reconcile.partial_breakdown",
        severity: Info,
        citation: None,
        meaning: (
            "Chỉ một số phần nêu số liệu (số liệu không nêu là chưa biết, không phải bằng 0): tổng các phần đã nêu chỉ là giới hạn dưới và chưa vượt tổng được nêu.",
            "Only some parts state the figure (a figure not stated is unknown, never zero): the sum of those that do is a lower bound, and it does not exceed the stated total.",
        ),
        fix: (
            "Không bắt buộc; nêu số liệu của các phần còn lại nếu có.",
            "Nothing required; state the remaining parts' figures where known.",
        ),
        params: {
            what: What,
            stated: Fig,
            computed: Fig,
            stated_exactness: Exactness,
            computed_exactness: Exactness,
            of: Of,
        },
        message: (
            "{what}: {stated}; các phần có nêu số liệu cộng lại được {computed}{of} — chi tiết chưa đầy đủ, tổng chỉ được đối chiếu như giới hạn dưới và không có mâu thuẫn",
            "{what}: {stated}; the parts that state it add up to {computed}{of} — the breakdown is partial, so their sum is only a lower bound, and nothing contradicts",
        ),
    }

    /// A total no part states.
    NotItemised {
        code: "reconcile.not_itemised",
        severity: Info,
        citation: None,
        meaning: (
            "Văn bản nêu một tổng nhưng không phần nào nêu số liệu đó: không có gì để đối chiếu (khi tổng hợp, số liệu được ghi vào dòng 'not_itemised').",
            "A total is stated but no part states that figure: there is nothing to compare (in totals it appears under `not_itemised`).",
        ),
        fix: (
            "Không bắt buộc; nêu chi tiết nếu có.",
            "Nothing required; itemise it where known.",
        ),
        params: { what: What, stated: Fig, stated_exactness: Exactness, parts_unstated: usize },
        message: (
            "{what} ghi {stated} nhưng không phần nào nêu số liệu này: không có chi tiết để đối chiếu",
            "{what} states {stated} but no part states this figure: it is not itemised, there is nothing to compare",
        ),
    }

    /// A sum that overflows the đồng range.
    Overflow {
        code: "reconcile.overflow",
        severity: Error,
        citation: None,
        meaning: ("Tổng vượt quá mức tối đa.", "A sum exceeds the maximum amount."),
        fix: ("Kiểm tra đơn vị của số liệu.", "Check the units of the figures."),
        params: {},
        message: (
            "tổng vượt quá mức tối đa 9.007.199.254.740.991 đồng",
            "the sum exceeds the maximum 9,007,199,254,740,991 đồng",
        ),
    }

    /// Ranges used in a comparison agree.
    Range {
        code: "reconcile.range",
        severity: Info,
        citation: None,
        meaning: (
            "Số liệu dạng khoảng (\"8–12\") được dùng khi đối chiếu và phù hợp với nhau.",
            "Ranges (\"8–12\") were used in a comparison, and they agree.",
        ),
        fix: ("Không cần sửa.", "Nothing to fix."),
        params: {
            what: What,
            stated: Fig,
            computed: Fig,
            stated_exactness: Exactness,
            computed_exactness: Exactness,
        },
        message: (
            "{what}: {stated} so với tổng các phần {computed} — số liệu dạng khoảng, phù hợp với nhau",
            "{what}: {stated} against parts adding up to {computed} — ranges, and they agree",
        ),
    }

    /// A rest line derived from its total.
    RestDerived {
        code: "reconcile.rest_derived",
        severity: Info,
        citation: None,
        meaning: (
            "Dòng \"còn lại\" không nêu số liệu: được tính bằng tổng trừ các dòng khác (khi các dòng khác đều nêu số liệu chính xác).",
            "A \"rest\" line states no figure: it is derived as the total minus the other lines (when they all state it exactly).",
        ),
        fix: ("Không cần sửa.", "Nothing to fix."),
        params: { what: Lower, derived: Fig },
        message: (
            "phần còn lại không nêu số liệu; tính bằng {what} trừ các phần khác: {derived}",
            "the rest states no figure; derived as {what} minus the other parts: {derived}",
        ),
    }

    /// A recomputable share, average or growth whose figures are not stated.
    NotRecomputed {
        code: "reconcile.not_recomputed",
        severity: Info,
        citation: None,
        meaning: (
            "Tỷ lệ, mức bình quân hoặc mức tăng văn bản nêu không tính lại được vì các số liệu tạo nên nó không được nêu (chính xác): không được kiểm tra.",
            "A stated share, average or growth cannot be recomputed because the figures it is made of are not stated (exactly): it is not checked.",
        ),
        fix: (
            "Không bắt buộc; nêu các số liệu nếu có.",
            "Nothing required; state the figures where known.",
        ),
        params: { what: What, why: Wording },
        message: (
            "{what} không tính lại được: {why}",
            "{what} cannot be recomputed: {why}",
        ),
    }
}

/// The code of an exactness.
pub fn exactness_code(e: Exactness) -> &'static str {
    match e {
        Exactness::Exact => "exact",
        Exactness::LowerBound => "lower_bound",
        Exactness::Approximate => "approximate",
    }
}

/// The figure a "rest" line leaves unstated, derived as the stated total minus the other
/// parts: only when the total and the other parts are exact, every other part states the
/// figure and the rest is the one part that does not. `None` otherwise (the rest stays
/// unknown), and when the other parts already exceed the total (a mismatch reported by
/// [`check_total`]).
pub fn derive_rest(stated: Figure, others: &Parts) -> Option<u64> {
    (stated.is_exact() && others.sum.is_exact() && others.unstated == 1)
        .then(|| stated.value.checked_sub(others.sum.value))
        .flatten()
}

/// The information finding of a derived rest ("còn lại").
pub(crate) fn rest_derived(path: String, what: (&str, &str), value: u64, money: bool) -> Finding {
    RestDerived {
        what: Lower(What::new(what)),
        derived: Fig::new(Figure::exact(value), money),
    }
    .at(path)
}

/// Compares "have ≥ need" (e.g. counterpart and other funds against the cost left after
/// state support): only a shortfall beyond the bounds of the figures is a mismatch.
pub fn shortfall(need: Figure, have: Figure) -> Agreement {
    let approximate =
        need.exactness == Exactness::Approximate || have.exactness == Exactness::Approximate;
    let gap = match have.high() {
        Some(h) if h < need.value => need.value - h,
        _ => 0,
    };
    if gap == 0 {
        return if approximate {
            Agreement::WithinTolerance
        } else if need.is_exact() && have.is_exact() {
            Agreement::Equal
        } else {
            Agreement::Consistent
        };
    }
    if !approximate {
        return Agreement::Mismatch;
    }
    let within = u128::from(gap) * 100
        <= u128::from(APPROXIMATE_TOLERANCE_PERCENT) * u128::from(need.value.max(have.value));
    if within {
        Agreement::WithinTolerance
    } else {
        Agreement::OutsideTolerance
    }
}

/// The outcome of recomputing a stated average or percentage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recomputed {
    /// The stated figure is the recomputed one, rounded as the text rounds.
    Agrees,
    /// It is not: the document contradicts its own figures.
    Contradicts,
}

/// Recomputes `numerator ÷ denominator` in percent and compares it with a stated
/// percentage: it agrees when they are less than one unit of the stated rounding apart
/// (so rounding down, up or to the nearest all agree). `None` when the denominator is 0.
pub fn recompute_percent(
    numerator: u64,
    denominator: u64,
    stated: &super::Percent,
) -> Option<(Decimal, Recomputed)> {
    if denominator == 0 {
        return None;
    }
    let exact = (Decimal::from(numerator) * Decimal::ONE_HUNDRED)
        .checked_div(Decimal::from(denominator))?;
    let agrees = (stated.value() - exact).abs() < stated.unit();
    let shown = exact.round_dp_with_strategy(
        stated.unit().scale() + 2,
        rust_decimal::RoundingStrategy::MidpointNearestEven,
    );
    Some((
        shown.normalize(),
        if agrees {
            Recomputed::Agrees
        } else {
            Recomputed::Contradicts
        },
    ))
}

/// Recomputes `money ÷ count` and compares it with a stated average rounded to
/// `rounding` đồng: it agrees when they are less than one rounding unit apart. `None` when
/// the count is 0. Returns the true average rounded down to the đồng.
pub fn recompute_average(
    money: u64,
    count: u64,
    stated: u64,
    rounding: u64,
) -> Option<(u64, Recomputed)> {
    if count == 0 {
        return None;
    }
    // |stated − money/count| < rounding  ⇔  |stated·count − money| < rounding·count.
    let lhs = (u128::from(stated) * u128::from(count)).abs_diff(u128::from(money));
    let agrees = lhs < u128::from(rounding.max(1)) * u128::from(count);
    Some((
        money / count,
        if agrees {
            Recomputed::Agrees
        } else {
            Recomputed::Contradicts
        },
    ))
}

/// The rounding a figure written in đồng shows: the largest power of ten that divides it
/// (250000000 → 10000000), at least 1 đồng. A stated figure of 0 shows no rounding (1).
pub fn rounding_of(value: u64) -> u64 {
    if value == 0 {
        return 1;
    }
    let mut unit = 1u64;
    while let Some(next) = unit.checked_mul(10) {
        if value.is_multiple_of(next) {
            unit = next;
        } else {
            break;
        }
    }
    unit
}

/// One part of a stated whole: its figure (if stated) and whether it is "the rest".
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct Part {
    /// The figure, if the part states it.
    pub figure: Option<Figure>,
    /// The part is the rest of the list ("còn lại").
    pub rest: bool,
}

/// [`check_total`] for a list that may be partial (other parts exist, not listed) and may
/// have a rest line: a rest that does not state the figure is derived as the total minus
/// the others when they all state it exactly (`reconcile.rest_derived` at `rest_path`);
/// otherwise the one rule of [`check_total`] applies, a partial list adding an unknown part.
#[allow(clippy::too_many_arguments)]
pub(crate) fn check_parts(
    out: &mut Vec<Finding>,
    mismatch: impl FnOnce(Contradiction, String) -> Finding,
    path: String,
    what: (&str, &str),
    stated: Figure,
    parts: &[Part],
    partial: bool,
    money: bool,
    rest_path: &dyn Fn(usize) -> String,
) {
    let Some(summed) = Parts::of(
        parts
            .iter()
            .map(|p| p.figure)
            .chain(partial.then_some(None)),
    ) else {
        out.push(overflow_at(&path));
        return;
    };
    let mut rests = parts
        .iter()
        .enumerate()
        .filter(|(_, p)| p.rest && p.figure.is_none());
    if let (Some((i, _)), None, false) = (rests.next(), rests.next(), partial)
        && let Some(value) = derive_rest(stated, &summed)
    {
        out.push(rest_derived(rest_path(i), what, value, money));
        return;
    }
    check_total(out, mismatch, path, what, stated, summed, money);
}

/// The rest a list leaves for its one rest line that does not state the figure: the
/// stated total minus the other parts, when that can be derived ([`derive_rest`]).
pub fn rest_of(stated: Figure, parts: &[Part], partial: bool) -> Option<(usize, u64)> {
    if partial {
        return None;
    }
    let mut rests = parts
        .iter()
        .enumerate()
        .filter(|(_, p)| p.rest && p.figure.is_none());
    let (Some((i, _)), None) = (rests.next(), rests.next()) else {
        return None;
    };
    let summed = Parts::of(parts.iter().map(|p| p.figure))?;
    derive_rest(stated, &summed).map(|v| (i, v))
}

/// The finding of a sum that overflows the đồng range, at `path`.
pub(crate) fn overflow_at(path: &str) -> Finding {
    Overflow {}.at(path)
}
