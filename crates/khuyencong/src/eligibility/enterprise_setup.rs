//! Enterprise set-up support (activity 2b) only in difficult or especially difficult areas.
//!
//! | rule | article | confidence |
//! |---|---|---|
//! | enterprise set-up support only in difficult or especially difficult areas | TTLT 26/2014 Art. 6.2(a) (2014-04-08 … 2018-05-10); TT 28/2018 Art. 8.1 (from 2018-05-11) | historical; TT 28: secondary (clause number not confirmed); before 2014-04-08 not assessed |
//!
//! The instrument is the one that sets support levels on the date
//! ([`SupportRegime`]); before Joint Circular 26/2014 (the Joint Circular 125/2009 era) the
//! condition is not modelled and is reported as not assessed.

use chrono::NaiveDate;

use crate::applicant::ApplicantFacts;
use crate::finding::finding_kinds;
use crate::law::{Citation, Confidence, InstrumentId, Point, SupportRegime, TTLT_26_EFFECTIVE};

use super::mining::{AREAS, AreaRule, DifficultAreaUnknown};
use super::trail::Trail;

/// Joint Circular 26/2014 Art. 6.2(a) (historical).
const TTLT26_6_2A: Citation = Citation::article(InstrumentId::Ttlt26_2014, 6)
    .clause(2)
    .point(Point::A);
/// Circular 28/2018 Art. 8.1 (the clause number is not confirmed).
const TT28_8_1: Citation = Citation::article(InstrumentId::Tt28_2018Btc, 8).clause(1);

finding_kinds! {
    /// Enterprise set-up outside difficult areas.
    EnterpriseSetupOutsideDifficultArea {
        code: "eligibility.enterprise_setup_outside_difficult_area",
        severity: Error,
        citation: Some(TT28_8_1),
        meaning: (
            "Hỗ trợ khởi sự, thành lập doanh nghiệp chỉ áp dụng tại địa bàn khó khăn, đặc biệt khó khăn.",
            "Enterprise set-up support applies only in difficult or especially difficult areas.",
        ),
        fix: (
            "Nếu địa bàn thuộc địa bàn có điều kiện kinh tế - xã hội khó khăn hoặc đặc biệt khó khăn, khai báo địa bàn đó trong priority.areas; nếu không, chọn nội dung hỗ trợ khác.",
            "If the place is a difficult or especially difficult area, give that area in priority.areas; otherwise choose another activity.",
        ),
        params: {},
        message: (
            "Hỗ trợ khởi sự, thành lập doanh nghiệp chỉ áp dụng tại địa bàn khó khăn, đặc biệt khó khăn.",
            "Enterprise set-up support applies only in difficult or especially difficult areas.",
        ),
    }

    /// Enterprise set-up in a difficult area.
    EnterpriseSetupInDifficultArea {
        code: "eligibility.enterprise_setup_in_difficult_area",
        severity: Info,
        citation: Some(TT28_8_1),
        meaning: (
            "Địa bàn khó khăn, đặc biệt khó khăn: đáp ứng điều kiện hỗ trợ khởi sự doanh nghiệp.",
            "Difficult or especially difficult area: the enterprise set-up condition is met.",
        ),
        fix: ("Không cần xử lý.", "Nothing to fix."),
        params: {},
        message: (
            "Địa bàn khó khăn, đặc biệt khó khăn: đáp ứng điều kiện hỗ trợ khởi sự, thành lập doanh nghiệp.",
            "Difficult or especially difficult area: the enterprise set-up condition is met.",
        ),
    }

    /// The condition before Joint Circular 26/2014 is not modelled.
    EnterpriseSetupNotAssessed {
        code: "eligibility.enterprise_setup_not_assessed",
        severity: Warning,
        citation: None,
        meaning: (
            "Điều kiện hỗ trợ khởi sự doanh nghiệp trước ngày 08/4/2014 (Thông tư liên tịch 125/2009) chưa được mô hình hóa.",
            "Enterprise set-up conditions before 2014-04-08 (Joint Circular 125/2009) are not modelled.",
        ),
        fix: ("Không cần xử lý.", "Nothing to fix."),
        params: {},
        text: { from = TTLT_26_EFFECTIVE },
        message: (
            "Trước {from} điều kiện hỗ trợ khởi sự doanh nghiệp theo Thông tư liên tịch 125/2009/TTLT-BTC-BCT, chưa được mô hình hóa; không đánh giá.",
            "Before {from} enterprise set-up conditions follow Joint Circular 125/2009, which is not modelled; not assessed.",
        ),
    }
}

/// Enterprise set-up support (Art. 4.2(b)) only in difficult or especially difficult areas.
pub(super) fn check(a: &ApplicantFacts, date: NaiveDate, trail: &mut Trail) {
    let (cite, confidence) = match SupportRegime::at(date) {
        Err(_) => {
            trail.not_assessed(
                EnterpriseSetupNotAssessed {}
                    .at("")
                    .cite(Citation::instrument(InstrumentId::Ttlt125_2009))
                    .confidence(Confidence::Historical),
            );
            return;
        }
        Ok(SupportRegime::Ttlt26_2014) => (TTLT26_6_2A, Confidence::Historical),
        Ok(_) => (TT28_8_1, Confidence::Secondary),
    };
    match a.priority.difficult_area() {
        Some(true) => trail.pass(|| {
            EnterpriseSetupInDifficultArea {}
                .at(AREAS)
                .cite(cite)
                .confidence(confidence)
                .facts([AREAS])
        }),
        Some(false) => trail.fail(
            EnterpriseSetupOutsideDifficultArea {}
                .at(AREAS)
                .cite(cite)
                .confidence(confidence)
                .facts([AREAS]),
        ),
        None => trail.unknown(
            DifficultAreaUnknown {
                rule: AreaRule::EnterpriseSetup,
            }
            .at(AREAS)
            .cite(cite)
            .confidence(confidence),
            [AREAS],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assessed, day, establishment};
    use crate::activity::Activity;
    use crate::eligibility::Verdict;
    use crate::law::Confidence;

    /// Not assessed before 2014-04-08; historical in the Joint Circular 26/2014 window;
    /// secondary from 2018-05-11.
    #[test]
    fn by_the_instrument_of_the_date() {
        let setup = Activity::EnterpriseSetup;
        let outside = establishment(r#"{"priority": {"areas": []}}"#);
        let inside = establishment(r#"{"priority": {"areas": ["difficult_area"]}}"#);
        let cases = [
            (
                day(2014, 4, 7),
                Verdict::Indeterminate,
                Confidence::Historical,
            ),
            (
                day(2014, 4, 8),
                Verdict::NotEligible,
                Confidence::Historical,
            ),
            (
                day(2018, 5, 10),
                Verdict::NotEligible,
                Confidence::Historical,
            ),
            (
                day(2018, 5, 11),
                Verdict::NotEligible,
                Confidence::Secondary,
            ),
        ];
        for (date, verdict, confidence) in cases {
            let a = assessed(&outside, setup, date);
            assert_eq!((a.verdict, a.confidence), (verdict, confidence), "{date}");
        }
        assert_eq!(
            assessed(&inside, setup, day(2018, 5, 11)).verdict,
            Verdict::Eligible
        );
    }
}
