//! Money of a national target programme integrated with extension work must not pay for the
//! same cost items as the extension support — Joint Circular 26/2014/TTLT-BTC-BCT Art. 3.3.
//! A reviewer checks it; outside the Joint Circular's window it is applied as a reference
//! (see `window`).
//!
//! | rule | article | confidence |
//! |---|---|---|
//! | integrated national target programme money is flagged so that no cost item is funded twice | TTLT 26/2014 Art. 3.3 | historical; secondary outside 2014-04-08 … 2018-05-10 |

use super::SchemeFunding;
use super::window::Ttlt26;
use crate::finding::{Finding, finding_kinds};
use crate::fund::FundingSource;
use crate::law::{Citation, InstrumentId};
use crate::money::Vnd;

/// Joint Circular 26/2014 Art. 3.3.
const TTLT26_3_3: Citation = Citation::article(InstrumentId::Ttlt26_2014, 3).clause(3);

finding_kinds! {
    /// A line of integrated programme money.
    IntegratedStateFunds {
        code: "funding.integrated_state_funds",
        severity: Warning,
        citation: Some(TTLT26_3_3),
        meaning: (
            "Đề án lồng ghép kinh phí chương trình mục tiêu quốc gia: cần bảo đảm không trùng nội dung chi.",
            "The scheme integrates national target programme money: make sure no cost item is funded twice.",
        ),
        fix: (
            "Ghi rõ nội dung chi do từng nguồn chi trả.",
            "State which cost items each source pays for.",
        ),
        params: { amount_vnd: Vnd },
        message: (
            "Kinh phí lồng ghép chương trình mục tiêu quốc gia: bảo đảm không chi trùng nội dung với kinh phí khuyến công",
            "Integrated national target programme money: make sure it does not pay for the same cost items as the extension support",
        ),
    }
}

/// Every line of integrated programme money is flagged for the reviewer.
pub(super) fn check(out: &mut Vec<Finding>, funding: &SchemeFunding, window: Ttlt26, p: &str) {
    for (i, line) in funding.lines.iter().enumerate() {
        if line.source == FundingSource::NationalTargetProgramme {
            out.push(
                IntegratedStateFunds {
                    amount_vnd: line.amount.vnd,
                }
                .at(format!("{p}/lines/{i}"))
                .confidence(window.confidence()),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::scheme;
    use super::IntegratedStateFunds;
    use crate::fund::FundingSource;

    #[test]
    fn integrated_money_is_flagged() {
        let plain = scheme(
            620,
            &[
                (FundingSource::NationalExtensionFund, 300),
                (FundingSource::Counterpart, 320),
            ],
        );
        assert!(!plain.codes().contains(&IntegratedStateFunds::DEF.code));
        let mixed = scheme(
            620,
            &[
                (FundingSource::NationalExtensionFund, 300),
                (FundingSource::Counterpart, 300),
                (FundingSource::NationalTargetProgramme, 20),
            ],
        );
        let f = mixed
            .findings
            .iter()
            .find(|f| f.code == IntegratedStateFunds::DEF.code)
            .expect("flagged");
        assert_eq!(f.path, "/funding/lines/2");
        assert_eq!(f.params()["amount_vnd"], 20_000_000);
    }
}
