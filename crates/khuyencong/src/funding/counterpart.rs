//! The beneficiary covers the rest: the counterpart and other non-state money must cover
//! the cost left after state support — Joint Circular 26/2014/TTLT-BTC-BCT Art. 7.3 (the
//! beneficiary has invested, or commits to invest, the whole remaining cost). Outside the
//! Joint Circular's window it is applied as a reference (see `window`).
//!
//! | rule | article | confidence |
//! |---|---|---|
//! | the counterpart and other non-state money cover the cost left after state support; state money within the total cost | TTLT 26/2014 Art. 7.3 | historical; secondary outside 2014-04-08 … 2018-05-10 |

use super::SchemeFunding;
use super::window::Ttlt26;
use crate::figure::reconcile::{Agreement, Figure, beyond_tolerance, compare, shortfall};
use crate::finding::{Finding, finding_kinds};
use crate::fund::FundingSource;
use crate::law::{Citation, InstrumentId};
use crate::money::Vnd;

/// Joint Circular 26/2014 Art. 7.3.
const TTLT26_7_3: Citation = Citation::article(InstrumentId::Ttlt26_2014, 7).clause(3);

finding_kinds! {
    /// The counterpart and other money do not cover the rest.
    CounterpartShort {
        code: "funding.counterpart_short",
        severity: Error,
        citation: Some(TTLT26_7_3),
        meaning: (
            "Vốn đối ứng và các nguồn ngoài ngân sách không đủ phần kinh phí còn lại sau hỗ trợ của Nhà nước.",
            "Counterpart and other non-state funds do not cover the cost left after state support.",
        ),
        fix: (
            "Cơ sở phải cam kết đầu tư toàn bộ phần kinh phí còn lại.",
            "The beneficiary must commit the whole remaining cost.",
        ),
        params: { required_vnd: Vnd, counterpart_vnd: Vnd, window: Ttlt26 },
        message: (
            "Phần kinh phí còn lại sau hỗ trợ của Nhà nước là {required_vnd} nhưng vốn đối ứng và nguồn khác chỉ có {counterpart_vnd}{window}",
            "The cost left after state support is {required_vnd} but counterpart and other funds are only {counterpart_vnd}{window}",
        ),
    }

    /// State money above the total cost.
    StateExceedsTotal {
        code: "funding.state_exceeds_total",
        severity: Error,
        citation: None,
        meaning: (
            "Kinh phí ngân sách nhà nước lớn hơn tổng kinh phí của đề án.",
            "State money exceeds the scheme's total cost.",
        ),
        fix: ("Sửa số tiền các nguồn ngân sách.", "Correct the state lines."),
        params: { state_vnd: Vnd, total_cost_vnd: Vnd },
        message: (
            "Kinh phí ngân sách nhà nước {state_vnd} lớn hơn tổng kinh phí {total_cost_vnd}",
            "State money {state_vnd} exceeds the total cost {total_cost_vnd}",
        ),
    }
}

/// The counterpart covers the rest; state money is within the total. Exact money is
/// compared exactly; approximate or bounded money only where the bounds make it certain
/// (an error), or beyond the tolerance of approximate figures (a warning).
pub(super) fn check(
    out: &mut Vec<Finding>,
    funding: &SchemeFunding,
    state: Vnd,
    non_state: Vnd,
    window: Ttlt26,
    p: &str,
) {
    let total = funding.total_cost.vnd;
    let path = || format!("{p}/lines");
    let short = |required: Vnd| CounterpartShort {
        required_vnd: required,
        counterpart_vnd: non_state,
        window,
    };
    let over = || StateExceedsTotal {
        state_vnd: state,
        total_cost_vnd: total,
    };
    if funding.is_exact() {
        match total.checked_sub(state) {
            Err(_) => out.push(over().at(path())),
            Ok(required) if non_state < required => {
                out.push(short(required).at(path()).confidence(window.confidence()));
            }
            Ok(_) => {}
        }
        return;
    }
    let state_fig = Figure::new(state.get(), funding.exactness_of(FundingSource::is_state));
    judge(
        out,
        compare(Figure::from(&funding.total_cost), state_fig, true),
        over().at(path()),
    );
    if total >= state {
        let required = Figure::new(
            total.get().saturating_sub(state.get()),
            funding.total_cost.exactness.combine(state_fig.exactness),
        );
        let have = Figure::new(non_state.get(), funding.exactness_of(|s| !s.is_state()));
        let required_vnd = Vnd::new(required.value).unwrap_or(Vnd::ZERO);
        judge(
            out,
            shortfall(required, have),
            short(required_vnd)
                .at(path())
                .confidence(window.confidence()),
        );
    }
}

/// With approximate or bounded money: a contradiction the bounds make certain is the
/// finding itself; beyond the tolerance of approximate figures, a warning that says so.
fn judge(out: &mut Vec<Finding>, agreement: Agreement, finding: Finding) {
    match agreement {
        Agreement::Mismatch => out.push(finding),
        Agreement::OutsideTolerance => out.push(beyond_tolerance(finding)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{run, scheme};
    use super::{CounterpartShort, StateExceedsTotal};
    use crate::fund::FundingSource;
    use crate::law::Confidence;

    /// One million đồng either side of the rest, inside and outside the window.
    #[test]
    fn the_counterpart_covers_the_rest() {
        let ok = scheme(
            620,
            &[
                (FundingSource::NationalExtensionFund, 300),
                (FundingSource::Counterpart, 320),
            ],
        );
        assert!(!ok.codes().contains(&CounterpartShort::DEF.code));
        let short = scheme(
            620,
            &[
                (FundingSource::NationalExtensionFund, 300),
                (FundingSource::Counterpart, 319),
                (FundingSource::Sponsorship, 0),
            ],
        );
        // The lines no longer add up either; the counterpart is short by 1 million.
        let f = short
            .findings
            .iter()
            .find(|f| f.code == CounterpartShort::DEF.code)
            .expect("short");
        assert_eq!(f.confidence, Some(Confidence::Secondary));
        assert!(f.message_en().ends_with("(the Circular 28/2018 equivalent was not read; Joint Circular 26/2014 is applied as a reference)"));
        let inside = run(&short.funding, crate::law::TTLT_26_LAST_DAY);
        let f = inside
            .iter()
            .find(|f| f.code == CounterpartShort::DEF.code)
            .expect("short");
        assert_eq!(f.confidence, Some(Confidence::Historical));
        assert!(
            f.message_en().ends_with(
                "320 million VND but counterpart and other funds are only 319 million VND"
            ),
            "{}",
            f.message_en()
        );
    }

    #[test]
    fn state_money_within_the_total() {
        let over = scheme(
            620,
            &[
                (FundingSource::NationalExtensionFund, 300),
                (FundingSource::LocalBudgetCommune, 321),
            ],
        );
        assert!(over.codes().contains(&StateExceedsTotal::DEF.code));
        let at = scheme(
            620,
            &[
                (FundingSource::NationalExtensionFund, 300),
                (FundingSource::NationalTargetProgramme, 320),
            ],
        );
        assert!(!at.codes().contains(&StateExceedsTotal::DEF.code));
    }
}
