//! No double funding: cost items already funded by another state source get no extension
//! support.
//!
//! | rule | article | confidence |
//! |---|---|---|
//! | no other state funding for the same cost items: a condition inside 2014-04-08 … 2018-05-10; outside it a known double funding is a warning for the reviewer | TTLT 26/2014 Art. 7.4 | historical |
//!
//! The one policy of this article, for every rule that applies it ([`applies_on`]): inside
//! the window of Joint Circular 26/2014 it is a condition (a known double funding fails, an
//! unknown one must be stated); outside it — before, and from 2018-05-11 when Circular
//! 28/2018 replaced it — the equivalent rule of the instrument in force has not been read,
//! so a known double funding is a warning for the reviewer and an unknown one is not asked
//! for.

use chrono::NaiveDate;

use crate::applicant::ApplicantFacts;
use crate::finding::finding_kinds;
use crate::law::{Citation, Confidence, InstrumentId, SupportRegime};

use super::trail::Trail;

/// Joint Circular 26/2014 Art. 7.4.
pub(crate) const TTLT26_7_4: Citation = Citation::article(InstrumentId::Ttlt26_2014, 7).clause(4);

const POINTER: &str = "/other_state_funding_same_items";

/// How Art. 7.4 applies on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Applies {
    /// Inside the window of Joint Circular 26/2014: a condition of support.
    Condition,
    /// Outside it: the rule in force was not read; a reviewer checks.
    ReviewOnly,
}

/// The policy of Art. 7.4 on `date` (see the module documentation).
pub(crate) fn applies_on(date: NaiveDate) -> Applies {
    match SupportRegime::at(date) {
        Ok(SupportRegime::Ttlt26_2014) => Applies::Condition,
        _ => Applies::ReviewOnly,
    }
}

finding_kinds! {
    /// The items already received state funding (inside the window).
    OtherStateFunding {
        code: "eligibility.other_state_funding",
        severity: Error,
        citation: Some(TTLT26_7_4),
        meaning: (
            "Nội dung chi đã được ngân sách nhà nước hỗ trợ: không được hỗ trợ trùng.",
            "The cost items already received state funding: no double funding.",
        ),
        fix: (
            "Loại các nội dung chi đã được nguồn ngân sách nhà nước khác hỗ trợ khỏi đề án; nếu khai báo nhầm, sửa other_state_funding_same_items.",
            "Remove the items already funded by another state source from the scheme; if the fact was given by mistake, correct other_state_funding_same_items.",
        ),
        params: {},
        message: (
            "Các nội dung chi đã được nguồn ngân sách nhà nước khác hỗ trợ: không được hỗ trợ trùng (khoản 4 Điều 7 Thông tư liên tịch 26/2014/TTLT-BTC-BCT).",
            "The cost items already received other state funding: no double funding (Joint Circular 26/2014 Art. 7.4).",
        ),
    }

    /// The items already received state funding (outside the window).
    OtherStateFundingUnverified {
        code: "eligibility.other_state_funding_unverified",
        severity: Warning,
        citation: Some(TTLT26_7_4),
        meaning: (
            "Nội dung chi đã được ngân sách nhà nước hỗ trợ; quy định tương ứng của Thông tư 28/2018/TT-BTC chưa được đọc: cần thẩm định.",
            "The cost items already received state funding; the Circular 28/2018 equivalent of the ban was not read: a reviewer must check.",
        ),
        fix: (
            "Loại các nội dung chi đã được hỗ trợ khỏi đề án.",
            "Remove the already funded items from the scheme.",
        ),
        params: {},
        message: (
            "Các nội dung chi đã được ngân sách nhà nước hỗ trợ. Thông tư liên tịch 26/2014 (khoản 4 Điều 7) cấm hỗ trợ trùng; quy định tương ứng của văn bản áp dụng tại ngày đánh giá chưa được đọc: cần thẩm định, không tự động kết luận.",
            "The cost items already received state funding. Joint Circular 26/2014 Art. 7.4 barred double funding; the equivalent rule in force on the assessment date has not been read: a reviewer must check; no automatic conclusion.",
        ),
    }

    /// Whether the items already received state funding is not known (inside the window).
    OtherStateFundingUnknown {
        code: "eligibility.other_state_funding_unknown",
        severity: Warning,
        citation: Some(TTLT26_7_4),
        meaning: (
            "Chưa rõ nội dung chi đã được ngân sách nhà nước hỗ trợ chưa.",
            "It is not known whether the cost items already received state funding.",
        ),
        fix: (
            "Bổ sung các dữ kiện được liệt kê trong missing_facts.",
            "Supply the facts listed in missing_facts.",
        ),
        params: {},
        message: (
            "Cần biết các nội dung chi đã được nguồn ngân sách nhà nước khác hỗ trợ chưa (khoản 4 Điều 7 Thông tư liên tịch 26/2014/TTLT-BTC-BCT).",
            "Whether the cost items already received other state funding is needed (Joint Circular 26/2014 Art. 7.4).",
        ),
    }
}

/// Art. 7.4 for one applicant, by [`applies_on`].
pub(super) fn check(a: &ApplicantFacts, date: NaiveDate, trail: &mut Trail) {
    let historical = Confidence::Historical;
    match (a.other_state_funding_same_items, applies_on(date)) {
        (Some(true), Applies::Condition) => trail.fail(
            OtherStateFunding {}
                .at(POINTER)
                .confidence(historical)
                .facts([POINTER]),
        ),
        (Some(true), Applies::ReviewOnly) => trail.note(
            OtherStateFundingUnverified {}
                .at(POINTER)
                .confidence(historical)
                .facts([POINTER]),
        ),
        (None, Applies::Condition) => trail.unknown(
            OtherStateFundingUnknown {}
                .at(POINTER)
                .confidence(historical),
            [POINTER],
        ),
        (Some(false), _) | (None, Applies::ReviewOnly) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{day, establishment, verdict};
    use super::{Applies, applies_on};
    use crate::activity::Activity;
    use crate::eligibility::Verdict;

    /// The window of Joint Circular 26/2014, from the instrument table, on both sides.
    #[test]
    fn the_window() {
        let cases = [
            (day(2014, 4, 7), Applies::ReviewOnly),
            (day(2014, 4, 8), Applies::Condition),
            (day(2018, 5, 10), Applies::Condition),
            (day(2018, 5, 11), Applies::ReviewOnly),
        ];
        for (date, applies) in cases {
            assert_eq!(applies_on(date), applies, "{date}");
        }
        let funded = establishment(r#"{"other_state_funding_same_items": true}"#);
        let unknown = establishment(r#"{"other_state_funding_same_items": null}"#);
        let m = Activity::AdvancedMachinery;
        assert_eq!(verdict(&funded, m, day(2018, 5, 10)), Verdict::NotEligible);
        assert_eq!(verdict(&funded, m, day(2018, 5, 11)), Verdict::Eligible);
        assert_eq!(
            verdict(&unknown, m, day(2018, 5, 10)),
            Verdict::Indeterminate
        );
        assert_eq!(verdict(&unknown, m, day(2018, 5, 11)), Verdict::Eligible);
    }
}
