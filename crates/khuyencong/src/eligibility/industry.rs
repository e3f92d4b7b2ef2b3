//! The industry must be on the list of Art. 5.1 in force on the assessment date.
//!
//! | rule | article | confidence |
//! |---|---|---|
//! | the industry is on the Art. 5.1 list in force: the 2012 list until 2025-10-14, the list of Decree 235/2025 from 2025-10-15 (mining dropped, building materials narrowed, new industries named); a refused industry's message shows when it is on the list | Decree 45/2012 Art. 5.1 | 2012 list confirmed; the 2025 list secondary (quoted text) |
//!
//! The list, its windows and its confidence per text are the codelist [`Industry`]; this rule
//! only reads it. Two kinds of industry have a further condition: mining (`mining`,
//! Art. 5.1(e)) and building materials, in the 2012 wording and as narrowed in 2025
//! (`brick_kiln`, Circular 46/2012 Art. 5.1).

use chrono::NaiveDate;

use crate::applicant::ApplicantFacts;
use crate::codelist::Codelist;
use crate::finding::{codes, finding_kinds};
use crate::industry::Industry;
use crate::law::{Citation, Confidence, InstrumentId, Regime};

use super::trail::Trail;

/// Decree 45/2012 Art. 5.1: the industries of the extension policies.
pub(super) const ND45_5_1: Citation = Citation::article(InstrumentId::Nd45_2012, 5).clause(1);

pub(super) const POINTER: &str = "/industry";

codes! {
    /// Why an industry is eligible: it is on the list, or (mining) it is in a difficult area.
    pub(crate) enum Basis {
        Listed = "on_the_list",
        MiningInDifficultArea = "mining_in_difficult_area",
    }
}

finding_kinds! {
    /// The industry is not given.
    IndustryUnknown {
        code: "eligibility.industry_unknown",
        severity: Warning,
        citation: Some(ND45_5_1),
        meaning: ("Chưa có ngành, nghề.", "The industry is not given."),
        fix: (
            "Bổ sung các dữ kiện được liệt kê trong missing_facts.",
            "Supply the facts listed in missing_facts.",
        ),
        params: {},
        message: ("Chưa có ngành, nghề sản xuất.", "The industry is not given."),
    }

    /// The industry is eligible.
    IndustryEligible {
        code: "eligibility.industry_eligible",
        severity: Info,
        citation: Some(ND45_5_1),
        meaning: (
            "Ngành, nghề thuộc danh mục được hưởng chính sách khuyến công.",
            "The industry is on the list of Art. 5.1.",
        ),
        fix: ("Không cần xử lý.", "Nothing to fix."),
        params: { industry: Industry, basis: Basis },
        message: match basis {
            Basis::Listed => (
                "Ngành `{industry}` thuộc danh mục khoản 1 Điều 5.",
                "Industry `{industry}` is on the Art. 5.1 list.",
            ),
            Basis::MiningInDifficultArea => (
                "Khai thác, chế biến khoáng sản tại địa bàn khó khăn, đặc biệt khó khăn: được hỗ trợ.",
                "Mining and mineral processing in a difficult or especially difficult area: eligible.",
            ),
        }
    }

    /// The industry is not on the list in force.
    IndustryNotEligible {
        code: "eligibility.industry_not_eligible",
        severity: Error,
        citation: Some(ND45_5_1),
        meaning: (
            "Ngành, nghề không thuộc danh mục tại ngày đánh giá.",
            "The industry is not on the list in force on the assessment date.",
        ),
        fix: (
            "Kiểm tra lại ngành, nghề (industry) của cơ sở; ngành không thuộc danh mục tại ngày đánh giá không được hỗ trợ khuyến công.",
            "Check the applicant's industry; an industry not on the list in force on the assessment date cannot receive extension support.",
        ),
        params: {
            industry: Industry,
            as_of: NaiveDate,
            valid_from: NaiveDate,
            valid_until: Option<NaiveDate>,
        },
        message: match valid_until {
            None => (
                "Ngành `{industry}` không thuộc danh mục khoản 1 Điều 5 áp dụng ngày {as_of} (có trong danh mục từ {valid_from}).",
                "Industry `{industry}` is not on the Art. 5.1 list in force on {as_of} (it is on the list from {valid_from}).",
            ),
            Some(_) => (
                "Ngành `{industry}` không thuộc danh mục khoản 1 Điều 5 áp dụng ngày {as_of} (có trong danh mục từ {valid_from} đến {valid_until}).",
                "Industry `{industry}` is not on the Art. 5.1 list in force on {as_of} (it is on the list {valid_from} … {valid_until}).",
            ),
        }
    }
}

/// Art. 5.1: the industry on the list in force (its own conditions are `mining` and
/// `brick_kiln`).
pub(super) fn check(a: &ApplicantFacts, date: NaiveDate, regime: Regime, trail: &mut Trail) {
    let Some(industry) = a.industry else {
        trail.unknown(
            IndustryUnknown {}
                .at(POINTER)
                .confidence(Confidence::Confirmed),
            [POINTER],
        );
        return;
    };
    let info = industry.info();
    match info.confidence_in(regime).filter(|_| info.valid_on(date)) {
        None => trail.fail(
            IndustryNotEligible {
                industry,
                as_of: date,
                valid_from: info.valid_from,
                valid_until: info.valid_until,
            }
            .at(POINTER)
            .confidence(Confidence::Confirmed)
            .facts([POINTER]),
        ),
        Some(confidence) => trail.pass(|| {
            IndustryEligible {
                industry,
                basis: Basis::Listed,
            }
            .at(POINTER)
            .cite(industry.citation())
            .confidence(confidence)
            .facts([POINTER])
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assessed, day, establishment};
    use super::{IndustryNotEligible, IndustryUnknown};
    use crate::activity::Activity;
    use crate::eligibility::Verdict;
    use crate::law::Confidence;

    /// A reported 2025 addition is not on the list the day before 2025-10-15 and is (as a
    /// secondary value) from that day; a 2012 industry is confirmed before and secondary after.
    #[test]
    fn the_list_by_text() {
        let m = Activity::AdvancedMachinery;
        let textile = establishment(r#"{"industry": "textile_garment"}"#);
        let before = assessed(&textile, m, day(2025, 10, 14));
        assert_eq!(before.verdict, Verdict::NotEligible);
        assert!(
            before
                .findings
                .iter()
                .any(|f| f.code == IndustryNotEligible::DEF.code)
        );
        let after = assessed(&textile, m, day(2025, 10, 15));
        assert_eq!(
            (after.verdict, after.confidence),
            (Verdict::Eligible, Confidence::Secondary)
        );
        let handicraft = establishment("{}");
        assert_eq!(
            assessed(&handicraft, m, day(2025, 10, 14)).confidence,
            Confidence::Confirmed
        );
        let none = establishment(r#"{"industry": null}"#);
        let unknown = assessed(&none, m, day(2024, 1, 1));
        assert_eq!(unknown.missing_facts, ["/industry"]);
        assert!(
            unknown
                .findings
                .iter()
                .any(|f| f.code == IndustryUnknown::DEF.code)
        );
    }

    /// Mining leaves the list on 2025-10-15 (Decree 235/2025): eligible in a difficult area
    /// on 2025-10-14, refused from 2025-10-15 with the window it was on the list; a 2025
    /// addition refused before that day shows the day it joins the list.
    #[test]
    fn a_refused_industry_shows_its_window() {
        let m = Activity::AdvancedMachinery;
        let mining = establishment(
            r#"{"industry": "mining_mineral_processing", "priority": {"areas": ["difficult_area"]}}"#,
        );
        assert_eq!(
            assessed(&mining, m, day(2025, 10, 14)).verdict,
            Verdict::Eligible
        );
        let after = assessed(&mining, m, day(2025, 10, 15));
        assert_eq!(after.verdict, Verdict::NotEligible);
        let refused = |a: &crate::eligibility::Assessment| {
            a.findings
                .iter()
                .find(|f| f.code == IndustryNotEligible::DEF.code)
                .map(|f| (f.message_vi().into_owned(), f.message_en().into_owned()))
                .expect("the industry is refused")
        };
        let (vi, en) = refused(&after);
        assert!(
            vi.ends_with("(có trong danh mục từ 05/07/2012 đến 14/10/2025)."),
            "{vi}"
        );
        assert!(
            en.ends_with("(it is on the list 2012-07-05 … 2025-10-14)."),
            "{en}"
        );
        let textile = establishment(r#"{"industry": "textile_garment"}"#);
        let (vi, en) = refused(&assessed(&textile, m, day(2025, 10, 14)));
        assert!(vi.ends_with("(có trong danh mục từ 15/10/2025)."), "{vi}");
        assert!(en.ends_with("(it is on the list from 2025-10-15)."), "{en}");
    }
}
