//! Figures a document states about its own figures — averages, shares, growth, the
//! disbursement rate — recomputed from the figures they are made of, and ranges that must
//! be ranges. Arithmetic, not law: a stated figure is an error only when the figures it is
//! made of are stated exactly and it is not their result rounded as the text rounds it.

use rust_decimal::Decimal;

use super::common::{
    AverageOf, Count, CountKind, Counts, Execution, Growth, Outcomes, Percent, ShareOf,
};
use super::kinds::Dong;
use super::reconcile::{
    Figure, NotRecomputed, Recomputed, What, recompute_average, recompute_percent,
};
use crate::finding::{DecimalText, Finding, Unlisted, Wording, finding_kinds};

/// The figures of a line (or of a stated total) that stated averages and shares are made of.
#[derive(Clone, Copy)]
pub(crate) struct Figures<'a> {
    pub support: Option<Figure>,
    pub investment: Option<Figure>,
    pub counts: &'a Counts,
}

/// Each stage of execution that follows another — approved after requested, disbursed after
/// allocated, settled after disbursed — is compared with it when both are stated exactly;
/// a later stage above the earlier one is a warning (no provision forbids it outright: an
/// allocation may be supplemented; a reviewer should look). A stage not stated exactly is
/// not compared.
fn check_stages(out: &mut Vec<Finding>, e: &Execution, base: &dyn Fn() -> String) {
    use super::kinds::{Dong, ExecutionStageExceeds, Stage};
    let pairs = [
        (Stage::Approved, &e.approved, Stage::Requested, &e.requested),
        (
            Stage::Disbursed,
            &e.disbursed,
            Stage::Allocated,
            &e.allocated,
        ),
        (Stage::Settled, &e.settled, Stage::Disbursed, &e.disbursed),
    ];
    for (later, l, earlier, r) in pairs {
        let (Some(l), Some(r)) = (
            exact(l.as_ref().map(Figure::from)),
            exact(r.as_ref().map(Figure::from)),
        ) else {
            continue;
        };
        if l > r {
            out.push(
                ExecutionStageExceeds {
                    later,
                    later_vnd: Dong(l),
                    earlier,
                    earlier_vnd: Dong(r),
                }
                .at(format!("{}/{}", base(), later.field())),
            );
        }
    }
}

/// A count stated as a range must have its upper end at least its lower end.
pub(crate) fn check_count(out: &mut Vec<Finding>, count: &Count, path: &dyn Fn() -> String) {
    if let Some(max) = count.max
        && max < count.value
    {
        out.push(
            super::kinds::RangeReversed {
                min: count.value,
                max,
            }
            .at(path()),
        );
    }
}

/// [`check_count`] for every count of a set; `base` (the set's path) is built only for a
/// finding.
pub(crate) fn check_counts(out: &mut Vec<Finding>, counts: &Counts, base: &dyn Fn() -> String) {
    for (kind, c) in counts.iter() {
        if c.max.is_some() {
            check_count(out, c, &|| format!("{}/{kind}", base()));
        }
    }
}

fn not_recomputed(path: String, what: (&str, &str), why: Wording) -> Finding {
    NotRecomputed {
        what: What::new(what),
        why,
    }
    .at(path)
}

fn exact(f: Option<Figure>) -> Option<u64> {
    f.filter(Figure::is_exact).map(|f| f.value)
}

const WHOLE_UNKNOWN: Wording = Wording(
    "tổng không được nêu chính xác",
    "the whole is not stated exactly",
);
const PART_UNKNOWN: Wording = Wording(
    "số liệu của dòng không được nêu chính xác",
    "the line's figure is not stated exactly",
);

/// Which stated percentage is recomputed.
#[derive(Clone, Copy)]
enum Rate {
    /// A share of a whole.
    Share,
    /// Disbursed over allocated.
    Disbursement,
}

finding_kinds! {
    /// A stated share its document's figures contradict.
    StatedShareMismatch {
        code: "document.stated_share_mismatch",
        severity: Error,
        citation: None,
        meaning: (
            "Tỷ lệ văn bản nêu (\"chiếm 18,4 %\") không khớp với các số liệu của chính văn bản, kể cả khi tính đến cách làm tròn của tỷ lệ.",
            "A share the document states (\"chiếm 18,4 %\") does not agree with the document's own figures, even within the rounding it is written with.",
        ),
        fix: ("Sửa tỷ lệ hoặc số liệu.", "Correct the share or the figures."),
        params: {
            what: What,
            stated_percent: DecimalText,
            computed_percent: DecimalText,
            unit: Unlisted<DecimalText>,
            numerator: u64,
            denominator: u64,
        },
        message: (
            "{what} ghi {stated_percent} % nhưng các số liệu của văn bản cho {computed_percent} % (làm tròn đến {unit} điểm phần trăm cũng không khớp)",
            "{what} states {stated_percent} % but the document's own figures give {computed_percent} % (not within its rounding of {unit} point)",
        ),
    }

    /// A stated average its line's figures contradict.
    StatedAverageMismatch {
        code: "document.stated_average_mismatch",
        severity: Error,
        citation: None,
        meaning: (
            "Mức bình quân văn bản nêu không khớp với số tiền chia cho số lượng của chính dòng đó, kể cả khi tính đến cách làm tròn.",
            "An average the document states does not agree with its line's money divided by its count, even within its rounding.",
        ),
        fix: (
            "Sửa mức bình quân hoặc số liệu; nếu văn bản làm tròn thô hơn, ghi `rounding_vnd`.",
            "Correct the average or the figures; if the text rounds more coarsely, state `rounding_vnd`.",
        ),
        params: {
            stated_vnd: Dong,
            computed_vnd: Dong,
            rounding_vnd: Dong,
            per: &'static str,
            count: u64,
            money: Unlisted<Dong>,
        },
        message: (
            "mức bình quân ghi {stated_vnd} mỗi {per} nhưng {money} chia cho {count} {per} là {computed_vnd} (làm tròn đến {rounding_vnd} cũng không khớp)",
            "the stated average is {stated_vnd} per {per} but {money} over {count} {per} is {computed_vnd} (not within its rounding of {rounding_vnd})",
        ),
    }

    /// A stated growth its figures before and after contradict.
    StatedGrowthMismatch {
        code: "document.stated_growth_mismatch",
        severity: Error,
        citation: None,
        meaning: (
            "Mức tăng trưởng văn bản nêu không khớp với số liệu trước và sau mà văn bản nêu.",
            "A growth the document states does not agree with the figures before and after it states.",
        ),
        fix: ("Sửa mức tăng trưởng hoặc số liệu.", "Correct the growth or the figures."),
        params: {
            what: What,
            stated_percent: DecimalText,
            computed_percent: DecimalText,
            before: Unlisted<Dong>,
            after: Unlisted<Dong>,
        },
        message: (
            "{what} ghi {stated_percent} % nhưng từ {before} lên {after} là {computed_percent} %",
            "{what} states {stated_percent} % but from {before} to {after} is {computed_percent} %",
        ),
    }

    /// A stated disbursement rate its amounts contradict.
    DisbursementRateMismatch {
        code: "document.disbursement_rate_mismatch",
        severity: Error,
        citation: None,
        meaning: (
            "Tỷ lệ giải ngân văn bản nêu không khớp với số đã giải ngân chia cho số được giao dự toán.",
            "A disbursement rate the document states does not agree with the disbursed amount over the allocated amount.",
        ),
        fix: ("Sửa tỷ lệ hoặc số liệu.", "Correct the rate or the figures."),
        params: {
            what: What,
            stated_percent: DecimalText,
            computed_percent: DecimalText,
            unit: Unlisted<DecimalText>,
            numerator: u64,
            denominator: u64,
        },
        message: (
            "{what} ghi {stated_percent} % nhưng các số liệu của văn bản cho {computed_percent} % (làm tròn đến {unit} điểm phần trăm cũng không khớp)",
            "{what} states {stated_percent} % but the document's own figures give {computed_percent} % (not within its rounding of {unit} point)",
        ),
    }
}

/// Checks a stated percentage of `part` in `whole`.
pub(crate) fn check_share_of(
    out: &mut Vec<Finding>,
    part: Option<Figure>,
    whole: Option<Figure>,
    share: &Percent,
    path: &str,
    what: (&str, &str),
) {
    let Some(p) = exact(part) else {
        out.push(not_recomputed(path.to_owned(), what, PART_UNKNOWN));
        return;
    };
    let Some(w) = exact(whole).filter(|w| *w > 0) else {
        out.push(not_recomputed(path.to_owned(), what, WHOLE_UNKNOWN));
        return;
    };
    push_percent(out, p, w, share, path, what, Rate::Share);
}

fn push_percent(
    out: &mut Vec<Finding>,
    numerator: u64,
    denominator: u64,
    stated: &Percent,
    path: &str,
    what: (&str, &str),
    rate: Rate,
) {
    let Some((computed, Recomputed::Contradicts)) =
        recompute_percent(numerator, denominator, stated)
    else {
        return;
    };
    let what = What::new(what);
    let stated_percent = DecimalText(stated.as_str().to_owned());
    let computed_percent = DecimalText(computed.to_string());
    let unit = Unlisted(DecimalText(stated.unit().to_string()));
    out.push(match rate {
        Rate::Share => StatedShareMismatch {
            what,
            stated_percent,
            computed_percent,
            unit,
            numerator,
            denominator,
        }
        .at(path),
        Rate::Disbursement => DisbursementRateMismatch {
            what,
            stated_percent,
            computed_percent,
            unit,
            numerator,
            denominator,
        }
        .at(path),
    });
}

/// Checks the outcomes a line (or a stated total) states: its averages and shares against
/// its own figures and those of the `whole` it belongs to, its growth against the figures
/// before and after, and its counts' ranges.
pub(crate) fn check_outcomes(
    out: &mut Vec<Finding>,
    outcomes: &Outcomes,
    line: Figures<'_>,
    whole: Option<Figures<'_>>,
    base: &str,
) {
    if outcomes.is_empty() {
        return;
    }
    for (name, count) in [
        ("jobs_created", &outcomes.jobs_created),
        ("workers_trained", &outcomes.workers_trained),
    ] {
        if let Some(c) = count {
            check_count(out, c, &|| format!("{base}/outcomes/{name}"));
        }
    }
    for (name, growth) in [
        ("revenue_growth", &outcomes.revenue_growth),
        ("output_growth", &outcomes.output_growth),
    ] {
        if let Some(g) = growth {
            check_growth(out, g, &format!("{base}/outcomes/{name}"));
        }
    }
    for (i, a) in outcomes.averages.iter().enumerate() {
        let path = format!("{base}/outcomes/averages/{i}/vnd");
        super::check_amount_text(out, Some(&a.vnd), &|| path.clone());
        let what = ("Mức bình quân được nêu", "The stated average");
        let money = match a.of {
            AverageOf::Support => line.support,
            AverageOf::TotalInvestment => line.investment,
        };
        let Some(m) = exact(money) else {
            out.push(not_recomputed(path, what, PART_UNKNOWN));
            continue;
        };
        let Some(n) = line
            .counts
            .of(a.per)
            .filter(|c| c.is_exact())
            .map(|c| c.value)
        else {
            out.push(not_recomputed(
                path,
                what,
                Wording(
                    "số lượng tương ứng không được nêu chính xác",
                    "the count it is per is not stated exactly",
                ),
            ));
            continue;
        };
        if a.vnd.exactness != super::common::Exactness::Exact {
            continue;
        }
        let stated = a.vnd.vnd.get();
        let rounding = a
            .rounding_vnd
            .map_or_else(|| super::reconcile::rounding_of(stated), |r| r.get().max(1));
        if let Some((computed, Recomputed::Contradicts)) = recompute_average(m, n, stated, rounding)
        {
            out.push(
                StatedAverageMismatch {
                    stated_vnd: Dong(stated),
                    computed_vnd: Dong(computed),
                    rounding_vnd: Dong(rounding),
                    per: a.per.code(),
                    count: n,
                    money: Unlisted(Dong(m)),
                }
                .at(path),
            );
        }
    }
    for (i, s) in outcomes.shares.iter().enumerate() {
        let path = format!("{base}/outcomes/shares/{i}/percent");
        let what = ("Tỷ lệ được nêu", "The stated share");
        let (part, total) = match s.of {
            ShareOf::SupportOfInvestment => (line.support, line.investment),
            ShareOf::SupportOfWhole => (line.support, whole.and_then(|w| w.support)),
            ShareOf::InvestmentOfWhole => (line.investment, whole.and_then(|w| w.investment)),
            ShareOf::CountOfWhole => {
                let Some(kind) = s.count else {
                    out.push(
                        super::kinds::ShareCountMissing {}
                            .at(format!("{base}/outcomes/shares/{i}")),
                    );
                    continue;
                };
                let of = |c: &Counts, k: CountKind| c.of(k).map(Figure::from);
                (
                    of(line.counts, kind),
                    whole.and_then(|w| of(w.counts, kind)),
                )
            }
        };
        check_share_of(out, part, total, &s.percent, &path, what);
    }
}

fn check_growth(out: &mut Vec<Finding>, g: &Growth, base: &str) {
    super::check_amount_text(out, g.before.as_ref(), &|| format!("{base}/before"));
    super::check_amount_text(out, g.after.as_ref(), &|| format!("{base}/after"));
    let (Some(percent), Some(before), Some(after)) = (&g.percent, &g.before, &g.after) else {
        return;
    };
    let path = format!("{base}/percent");
    let what = ("Mức tăng trưởng được nêu", "The stated growth");
    if g.per_year {
        out.push(not_recomputed(
            path,
            what,
            Wording("đó là mức bình quân mỗi năm", "it is an average per year"),
        ));
        return;
    }
    let (Some(b), Some(a)) = (
        exact(Some(Figure::from(before))),
        exact(Some(Figure::from(after))),
    ) else {
        out.push(not_recomputed(path, what, PART_UNKNOWN));
        return;
    };
    if b == 0 {
        return;
    }
    // (after − before) ÷ before, in percent, may be negative.
    let computed = (Decimal::from(a) - Decimal::from(b)) * Decimal::ONE_HUNDRED / Decimal::from(b);
    if (percent.value() - computed).abs() < percent.unit() {
        return;
    }
    let shown = computed
        .round_dp_with_strategy(
            percent.unit().scale() + 2,
            rust_decimal::RoundingStrategy::MidpointNearestEven,
        )
        .normalize();
    out.push(
        StatedGrowthMismatch {
            what: What::new(what),
            stated_percent: DecimalText(percent.as_str().to_owned()),
            computed_percent: DecimalText(shown.to_string()),
            before: Unlisted(Dong(b)),
            after: Unlisted(Dong(a)),
        }
        .at(path),
    );
}

/// Checks a stated disbursement rate against the disbursed and allocated money.
pub(crate) fn check_execution(out: &mut Vec<Finding>, e: &Execution, base: &dyn Fn() -> String) {
    for (name, amount) in [
        ("requested", &e.requested),
        ("approved", &e.approved),
        ("planned", &e.planned),
        ("allocated", &e.allocated),
        ("disbursed", &e.disbursed),
        ("settled", &e.settled),
    ] {
        super::check_amount_text(out, amount.as_ref(), &|| format!("{}/{name}", base()));
    }
    check_stages(out, e, base);
    let Some(rate) = &e.disbursement_rate else {
        return;
    };
    let path = format!("{}/disbursement_rate", base());
    let what = ("Tỷ lệ giải ngân được nêu", "The stated disbursement rate");
    let Some(d) = exact(e.disbursed.as_ref().map(Figure::from)) else {
        out.push(not_recomputed(
            path,
            what,
            Wording(
                "số đã giải ngân không được nêu chính xác",
                "the disbursed amount is not stated exactly",
            ),
        ));
        return;
    };
    let Some(a) = exact(e.allocated.as_ref().map(Figure::from)).filter(|a| *a > 0) else {
        out.push(not_recomputed(
            path,
            what,
            Wording(
                "số được giao dự toán không được nêu chính xác",
                "the allocated amount is not stated exactly",
            ),
        ));
        return;
    };
    push_percent(out, d, a, rate, &path, what, Rate::Disbursement);
}
