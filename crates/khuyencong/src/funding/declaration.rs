//! The beneficiary declares that no other state money funds the same cost items — Joint
//! Circular 26/2014/TTLT-BTC-BCT Art. 7.4, on a scheme's money. Outside the Joint
//! Circular's window it is applied as a reference (see `window`); the applicant's fact of
//! the same article is assessed by `eligibility::double_funding`.
//!
//! | rule | article | confidence |
//! |---|---|---|
//! | a scheme carries the beneficiary's declaration that no other state money funds the same cost items, and it is true | TTLT 26/2014 Art. 7.4 | historical; secondary outside 2014-04-08 … 2018-05-10 |

use super::SchemeFunding;
use super::window::Ttlt26;
use crate::finding::{Finding, finding_kinds};
use crate::law::{Citation, InstrumentId};

/// Joint Circular 26/2014 Art. 7.4.
const TTLT26_7_4: Citation = Citation::article(InstrumentId::Ttlt26_2014, 7).clause(4);

finding_kinds! {
    /// The declaration is missing.
    NoOtherStateFundingMissing {
        code: "funding.no_other_state_funding_missing",
        severity: Error,
        citation: Some(TTLT26_7_4),
        meaning: (
            "Thiếu cam kết chưa nhận kinh phí nhà nước khác cho cùng nội dung chi.",
            "The declaration that no other state money funds the same cost items is missing.",
        ),
        fix: ("Bổ sung cam kết của cơ sở.", "Add the beneficiary's declaration."),
        params: { window: Ttlt26 },
        message: (
            "Thiếu cam kết chưa nhận kinh phí nhà nước khác cho cùng nội dung chi{window}",
            "The declaration that no other state money funds the same cost items is missing{window}",
        ),
    }

    /// Other state money is declared for the same items.
    OtherStateFundingDeclared {
        code: "funding.other_state_funding_declared",
        severity: Error,
        citation: Some(TTLT26_7_4),
        meaning: (
            "Cơ sở khai đã nhận kinh phí nhà nước khác cho cùng nội dung chi.",
            "The beneficiary declares other state money for the same cost items.",
        ),
        fix: (
            "Loại bỏ nội dung chi đã được ngân sách khác hỗ trợ.",
            "Remove the cost items already funded by other state money.",
        ),
        params: { window: Ttlt26 },
        message: (
            "Cơ sở khai đã nhận kinh phí nhà nước khác cho cùng nội dung chi{window}",
            "The beneficiary declares other state money for the same cost items{window}",
        ),
    }
}

/// The declaration is present and true.
pub(super) fn check(out: &mut Vec<Finding>, funding: &SchemeFunding, window: Ttlt26, p: &str) {
    let path = || format!("{p}/no_other_state_funding");
    match funding.no_other_state_funding {
        None => out.push(
            NoOtherStateFundingMissing { window }
                .at(path())
                .confidence(window.confidence()),
        ),
        Some(false) => out.push(
            OtherStateFundingDeclared { window }
                .at(path())
                .confidence(window.confidence()),
        ),
        Some(true) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{run, scheme};
    use super::{NoOtherStateFundingMissing, OtherStateFundingDeclared};
    use crate::fund::FundingSource;
    use crate::law::{Confidence, TTLT_26_EFFECTIVE};

    #[test]
    fn the_declaration_is_present_and_true() {
        let ok = scheme(
            620,
            &[
                (FundingSource::NationalExtensionFund, 300),
                (FundingSource::Counterpart, 320),
            ],
        );
        assert!(!ok.codes().contains(&NoOtherStateFundingMissing::DEF.code));
        let mut missing = ok.funding.clone();
        missing.no_other_state_funding = None;
        let got = run(&missing, TTLT_26_EFFECTIVE);
        let f = got
            .iter()
            .find(|f| f.code == NoOtherStateFundingMissing::DEF.code)
            .expect("missing");
        assert_eq!(f.confidence, Some(Confidence::Historical));
        assert_eq!(f.path, "/funding/no_other_state_funding");
        let mut declared = ok.funding.clone();
        declared.no_other_state_funding = Some(false);
        let got = run(&declared, ok.date);
        let f = got
            .iter()
            .find(|f| f.code == OtherStateFundingDeclared::DEF.code)
            .expect("declared");
        assert_eq!(f.confidence, Some(Confidence::Secondary));
    }
}
