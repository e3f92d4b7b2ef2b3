//! The activity must exist in the text of the law in force on the assessment date.
//!
//! | rule | article | confidence |
//! |---|---|---|
//! | the activity exists in the text in force (2025 additions only from 2025-10-15; the 2012 items the amended clauses no longer name only until 2025-10-14) | Decree 45/2012 Art. 4; Decree 235/2025 Art. 1 | as the activity's codelist entry: 2012 items confirmed, 2025 text secondary |
//!
//! The activities and their windows are the codelist [`Activity`] (each value with its
//! citation and its confidence in each regime); this rule only reads it.

use chrono::NaiveDate;

use crate::activity::Activity;
use crate::codelist::Codelist;
use crate::finding::finding_kinds;
use crate::law::Regime;

use super::trail::Trail;

finding_kinds! {
    /// The activity does not exist in the text in force.
    ActivityNotInRegime {
        code: "eligibility.activity_not_in_regime",
        severity: Error,
        citation: None,
        meaning: (
            "Nội dung hoạt động không tồn tại trong văn bản áp dụng tại ngày đánh giá.",
            "The activity does not exist in the text of the law in force on the assessment date.",
        ),
        fix: (
            "Chọn nội dung hoạt động có trong văn bản áp dụng.",
            "Choose an activity of the text in force.",
        ),
        params: { activity: Activity, regime: Regime, as_of: NaiveDate },
        message: (
            "Nội dung `{activity}` không có trong {regime} tại ngày {as_of}.",
            "Activity `{activity}` does not exist in {regime} on {as_of}.",
        ),
    }
}

/// Decree 45/2012 Art. 4 (as replaced by Decree 235/2025): the activity must exist.
pub(super) fn check(activity: Activity, date: NaiveDate, regime: Regime, trail: &mut Trail) {
    if !activity.exists_in(regime) {
        trail.fail(
            ActivityNotInRegime {
                activity,
                regime,
                as_of: date,
            }
            .at("")
            .cite(activity.citation())
            .confidence(activity.info().confidence()),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assess_codes, day};
    use super::ActivityNotInRegime;
    use crate::activity::Activity;

    /// A 2025 addition is refused the day before Decree 235/2025 took effect and accepted on
    /// that day; a 2012 item the amended Art. 4.7 no longer names is accepted the day before
    /// and refused from that day; a 2012 item the amendment kept exists in both texts.
    #[test]
    fn decree_235_boundary() {
        let code = ActivityNotInRegime::DEF.code.to_owned();
        let digital = Activity::DigitalTransformation;
        assert!(assess_codes("{}", digital, day(2025, 10, 14)).contains(&code));
        assert!(!assess_codes("{}", digital, day(2025, 10, 15)).contains(&code));
        let relocation = Activity::RelocationPollutionTreatment;
        assert!(!assess_codes("{}", relocation, day(2025, 10, 14)).contains(&code));
        assert!(assess_codes("{}", relocation, day(2025, 10, 15)).contains(&code));
        for d in [day(2012, 7, 5), day(2025, 10, 14), day(2025, 10, 15)] {
            assert!(!assess_codes("{}", Activity::AdvancedMachinery, d).contains(&code));
        }
    }
}
