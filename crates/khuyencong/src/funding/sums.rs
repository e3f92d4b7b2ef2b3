//! A scheme's money adds up: the funding lines make the total cost, the eligible cost is
//! part of it, and the mix is reported with exact shares. Arithmetic, not a legal rule;
//! the sources themselves are those of Decree 45/2012/NĐ-CP Art. 12–13.
//!
//! | rule | article | confidence |
//! |---|---|---|
//! | a scheme's money adds up: the funding lines make the total cost, the eligible cost is within it; the mix is reported with exact shares | arithmetic, not a legal rule (the sources: Decree 45/2012 Art. 12–13) | — |

use rust_decimal::RoundingStrategy;

use super::{SchemeFunding, counterpart_per_support, support_share};
use crate::figure::reconcile::{Agreement, Contradiction, Figure, Parts, check_total, compare};
use crate::finding::{Arg, Finding, Params, finding_kinds};
use crate::law::Lang;
use crate::money::Exactness;
use crate::money::{Ratio, Vnd};

finding_kinds! {
    /// The funding lines do not add up to the total cost.
    SourcesDoNotSum {
        code: "funding.sources_do_not_sum",
        severity: Error,
        citation: None,
        meaning: (
            "Tổng các nguồn kinh phí không bằng tổng kinh phí của đề án.",
            "The funding lines do not add up to the scheme's total cost.",
        ),
        fix: (
            "Sửa số tiền các nguồn hoặc tổng kinh phí cho khớp.",
            "Correct the line amounts or the total cost so that they agree.",
        ),
        params: {
            compared: Compared,
            sum_vnd: Option<Vnd>,
            total_cost_vnd: Option<Vnd>,
            difference_vnd: Option<i64>,
            bounded: Option<Contradiction>,
        },
        message: match compared {
            Compared::Exact => (
                "Tổng các nguồn {sum_vnd} không bằng tổng kinh phí {total_cost_vnd}",
                "The funding lines add up to {sum_vnd}, not the total cost {total_cost_vnd}",
            ),
            Compared::Bounded => ("{bounded}", "{bounded}"),
        },
    }

    /// A sum of amounts overflows.
    AmountOverflow {
        code: "funding.amount_overflow",
        severity: Error,
        citation: None,
        meaning: (
            "Tổng các số tiền vượt quá mức tối đa biểu diễn được.",
            "A sum of amounts exceeds the largest representable amount.",
        ),
        fix: (
            "Kiểm tra lại các số tiền (có thể nhập nhầm đơn vị).",
            "Check the amounts (a unit may have been mistyped).",
        ),
        params: {},
        message: (
            "Tổng số tiền vượt quá mức tối đa 9.007.199.254.740.991 đồng",
            "A sum of amounts exceeds the maximum 9007199254740991 đồng",
        ),
    }

    /// The eligible cost is larger than the total cost.
    EligibleExceedsTotal {
        code: "funding.eligible_exceeds_total",
        severity: Error,
        citation: None,
        meaning: (
            "Chi phí được hỗ trợ lớn hơn tổng kinh phí của đề án.",
            "The eligible cost is larger than the scheme's total cost.",
        ),
        fix: (
            "Chi phí được hỗ trợ là một phần của tổng kinh phí.",
            "The eligible cost is part of the total cost.",
        ),
        params: {
            compared: Compared,
            eligible_cost_vnd: Option<Vnd>,
            total_cost_vnd: Option<Vnd>,
            bounded: Option<Contradiction>,
        },
        message: match compared {
            Compared::Exact => (
                "Chi phí được hỗ trợ {eligible_cost_vnd} lớn hơn tổng kinh phí {total_cost_vnd}",
                "Eligible cost {eligible_cost_vnd} is larger than the total cost {total_cost_vnd}",
            ),
            Compared::Bounded => ("{bounded}", "{bounded}"),
        },
    }

    /// The funding mix, with exact shares.
    Shares {
        code: "funding.shares",
        severity: Info,
        citation: None,
        meaning: (
            "Cơ cấu nguồn vốn của đề án (tỷ lệ chính xác trong tham số).",
            "The scheme's funding mix (exact shares in the parameters).",
        ),
        fix: ("Không cần sửa.", "Nothing to fix."),
        params: {
            total_vnd: Vnd,
            state_support_vnd: Vnd,
            extension_support_vnd: Vnd,
            counterpart_and_other_vnd: Vnd,
            state_share: Option<StateShare>,
            counterpart_per_support: Option<PerSupport>,
            figures: Figures,
        },
        message: (
            "Cơ cấu nguồn vốn: hỗ trợ của Nhà nước {state_support_vnd}, vốn đối ứng và nguồn khác {counterpart_and_other_vnd}, tổng {total_vnd}{figures}",
            "Funding mix: state support {state_support_vnd}, counterpart and other {counterpart_and_other_vnd}, total {total_vnd}{figures}",
        ),
    }
}

/// How a sum was compared: exactly, or within the bounds of approximate figures (then the
/// message is the reconciliation's, [`Contradiction`]). Not a parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Compared {
    /// Both sides exact.
    Exact,
    /// Within the bounds of "khoảng", "hơn".
    Bounded,
}

impl Arg for Compared {
    fn write(&self, _: Lang, _: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        Ok(())
    }
    fn json(&self) -> serde_json::Value {
        serde_json::Value::Null
    }
    fn to_params(&self, _: &'static str, _: &mut Params) {}
}

/// The state share of the total: `n/d` and its percentage to two places, rounded down.
#[derive(Debug, Clone, Copy)]
pub(super) struct StateShare(Ratio);

impl Arg for StateShare {
    fn write(&self, _: Lang, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.0.numerator.get(), self.0.denominator.get())
    }
    fn json(&self) -> serde_json::Value {
        format!("{}/{}", self.0.numerator.get(), self.0.denominator.get()).into()
    }
    fn to_params(&self, name: &'static str, out: &mut Params) {
        out.insert(name, self.json());
        out.insert(
            "state_share_percent_2dp_floor",
            self.0
                .percent(2, RoundingStrategy::ToZero)
                .to_string()
                .into(),
        );
    }
}

/// Counterpart đồng per đồng of support: `n/d` and its value to four places, rounded down.
#[derive(Debug, Clone, Copy)]
pub(super) struct PerSupport(Ratio);

impl Arg for PerSupport {
    fn write(&self, _: Lang, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.0.numerator.get(), self.0.denominator.get())
    }
    fn json(&self) -> serde_json::Value {
        format!("{}/{}", self.0.numerator.get(), self.0.denominator.get()).into()
    }
    fn to_params(&self, name: &'static str, out: &mut Params) {
        out.insert(name, self.json());
        out.insert(
            "counterpart_per_support_4dp_floor",
            self.0
                .decimal(4, RoundingStrategy::ToZero)
                .to_string()
                .into(),
        );
    }
}

/// Whether every figure is stated exactly; if not, the mix says so.
#[derive(Debug, Clone, Copy)]
pub(super) struct Figures(bool);

impl Arg for Figures {
    fn write(&self, lang: Lang, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match (self.0, lang) {
            (true, _) => "",
            (false, Lang::Vi) => " (có số liệu ước tính hoặc giới hạn dưới)",
            (false, Lang::En) => " (some figures are approximate or lower bounds)",
        })
    }
    fn json(&self) -> serde_json::Value {
        serde_json::Value::Null
    }
    fn to_params(&self, _: &'static str, _: &mut Params) {}
}

/// The overflow finding at `path`.
pub(super) fn overflow(path: String) -> Finding {
    AmountOverflow {}.at(path)
}

/// The eligible cost is within the total cost (within the bounds of approximate figures).
pub(super) fn check_eligible_within_total(
    out: &mut Vec<Finding>,
    funding: &SchemeFunding,
    p: &str,
) {
    match compare(
        (&funding.total_cost).into(),
        (&funding.eligible_cost).into(),
        true,
    ) {
        Agreement::Mismatch => out.push(
            EligibleExceedsTotal {
                compared: Compared::Exact,
                eligible_cost_vnd: Some(funding.eligible_cost.vnd),
                total_cost_vnd: Some(funding.total_cost.vnd),
                bounded: None,
            }
            .at(format!("{p}/eligible_cost")),
        ),
        Agreement::OutsideTolerance => check_total(
            out,
            |total, path| {
                EligibleExceedsTotal {
                    compared: Compared::Bounded,
                    eligible_cost_vnd: None,
                    total_cost_vnd: None,
                    bounded: Some(total),
                }
                .at(path)
            },
            format!("{p}/eligible_cost"),
            (
                "Tổng kinh phí so với chi phí được hỗ trợ",
                "The total cost against the eligible cost",
            ),
            (&funding.total_cost).into(),
            Parts {
                sum: (&funding.eligible_cost).into(),
                stated: 1,
                unstated: 1,
            },
            true,
        ),
        _ => {}
    }
}

/// The lines add up to the total cost; their sum, or `None` when it overflows (reported).
pub(super) fn check_lines_add_up(
    out: &mut Vec<Finding>,
    funding: &SchemeFunding,
    p: &str,
) -> Option<Vnd> {
    let Ok(sum) = Vnd::sum(funding.lines.iter().map(|l| l.amount.vnd)) else {
        out.push(overflow(format!("{p}/lines")));
        return None;
    };
    let lines_exactness = funding.exactness_of(|_| true);
    if funding.total_cost.exactness == Exactness::Exact && lines_exactness == Exactness::Exact {
        if sum != funding.total_cost.vnd {
            let diff = i128::from(sum.get()) - i128::from(funding.total_cost.vnd.get());
            out.push(
                SourcesDoNotSum {
                    compared: Compared::Exact,
                    sum_vnd: Some(sum),
                    total_cost_vnd: Some(funding.total_cost.vnd),
                    difference_vnd: Some(i64::try_from(diff).unwrap_or(i64::MAX)),
                    bounded: None,
                }
                .at(format!("{p}/total_cost")),
            );
        }
    } else if let Some(parts) =
        Parts::of(funding.lines.iter().map(|l| Some(Figure::from(&l.amount))))
    {
        // A scheme that states its money as "khoảng" or "hơn": compared within the bounds.
        check_total(
            out,
            |total, path| {
                SourcesDoNotSum {
                    compared: Compared::Bounded,
                    sum_vnd: None,
                    total_cost_vnd: None,
                    difference_vnd: None,
                    bounded: Some(total),
                }
                .at(path)
            },
            format!("{p}/total_cost"),
            ("Tổng kinh phí của đề án", "The scheme's total cost"),
            (&funding.total_cost).into(),
            parts,
            true,
        );
    }
    Some(sum)
}

/// The mix, with exact shares: every scheme gets it (rendered only when read).
pub(super) fn shares(
    funding: &SchemeFunding,
    sum: Vnd,
    state: Vnd,
    extension: Vnd,
    non_state: Vnd,
    p: &str,
) -> Finding {
    Shares {
        total_vnd: sum,
        state_support_vnd: state,
        extension_support_vnd: extension,
        counterpart_and_other_vnd: non_state,
        state_share: support_share(state, sum).ok().map(StateShare),
        counterpart_per_support: counterpart_per_support(non_state, state)
            .ok()
            .map(PerSupport),
        figures: Figures(funding.is_exact()),
    }
    .at(p)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{line, scheme};
    use super::{AmountOverflow, EligibleExceedsTotal, Shares, SourcesDoNotSum};
    use crate::fund::FundingSource;

    /// One đồng either side of the total.
    #[test]
    fn lines_add_up_to_the_total_or_not() {
        let ok = scheme(
            620,
            &[
                (FundingSource::NationalExtensionFund, 300),
                (FundingSource::Counterpart, 320),
            ],
        );
        assert!(!ok.codes().contains(&SourcesDoNotSum::DEF.code));
        let mut off = ok.funding.clone();
        off.lines[1] = line(FundingSource::Counterpart, 321);
        let got = super::super::test_support::run(&off, ok.date);
        let f = got
            .iter()
            .find(|f| f.code == SourcesDoNotSum::DEF.code)
            .expect("mismatch");
        assert_eq!(f.params()["difference_vnd"], 1_000_000);
        assert_eq!(f.path, "/funding/total_cost");
    }

    #[test]
    fn eligible_within_total_and_the_mix() {
        let s = scheme(
            620,
            &[
                (FundingSource::NationalExtensionFund, 300),
                (FundingSource::Counterpart, 320),
            ],
        );
        assert!(!s.codes().contains(&EligibleExceedsTotal::DEF.code));
        let mut over = s.funding.clone();
        over.eligible_cost =
            crate::document::Amount::exact(crate::money::Vnd::from_million(621).expect("vnd"));
        let got = super::super::test_support::run(&over, s.date);
        assert!(got.iter().any(|f| f.code == EligibleExceedsTotal::DEF.code));
        let mix = s
            .findings
            .iter()
            .find(|f| f.code == Shares::DEF.code)
            .expect("mix");
        assert_eq!(mix.params()["state_share"], "300000000/620000000");
        assert_eq!(mix.params()["state_share_percent_2dp_floor"], "48.38");
        assert_eq!(
            mix.message_en(),
            "Funding mix: state support 300 million VND, counterpart and other 320 million VND, total 620 million VND"
        );
        assert_eq!(AmountOverflow {}.at("/x").severity, crate::Severity::Error);
    }
}
