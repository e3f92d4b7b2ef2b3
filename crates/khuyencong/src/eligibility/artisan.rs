//! People's and Meritorious Artisans in handicrafts, a new subject of the extension policies
//! under Decree 235/2025 (the new Art. 1.2 as quoted by the Government's policy portal).
//!
//! | rule | article | confidence |
//! |---|---|---|
//! | People's and Meritorious Artisans in handicrafts, for activity `artisan_craft_support` (from 2025-10-15) | Decree 235/2025 Art. 1 (the new Art. 1.2; quoted without its point letter) | secondary (quoted text) |

use crate::activity::Activity;
use crate::finding::finding_kinds;
use crate::law::{Citation, Confidence, InstrumentId};

use super::trail::Trail;

/// Activities open to artisans (the amended Art. 4.4).
pub(super) const ACTIVITIES: &[Activity] = &[Activity::ArtisanCraftSupport];

/// The applicant's fact that claims the category.
pub(super) const FLAG: &str = "/artisan_title";

/// Decree 235/2025 Art. 1 (the quoted text of the new Art. 1.2 names artisans without the
/// point letter).
const ND235_1: Citation = Citation::article(InstrumentId::Nd235_2025, 1);

finding_kinds! {
    /// The applicant is assessed as an artisan.
    Artisan {
        code: "eligibility.artisan",
        severity: Info,
        citation: Some(ND235_1),
        meaning: (
            "Nghệ nhân nhân dân, nghệ nhân ưu tú trong lĩnh vực nghề thủ công mỹ nghệ (khoản 2 Điều 1 mới, theo văn bản trích dẫn trên cổng thông tin Chính phủ; nguồn thứ cấp).",
            "People's or Meritorious Artisan in handicrafts (the new Art. 1.2, as quoted by the Government's policy portal; secondary).",
        ),
        fix: ("Không cần xử lý.", "Nothing to fix."),
        params: {},
        message: (
            "Nghệ nhân nhân dân, nghệ nhân ưu tú trong lĩnh vực nghề thủ công mỹ nghệ: đối tượng mới của khoản 2 Điều 1 theo Nghị định 235/2025/NĐ-CP (văn bản trích dẫn trên cổng thông tin Chính phủ, không ghi ký hiệu điểm; nguồn thứ cấp).",
            "People's or Meritorious Artisan in handicrafts: a new subject of Art. 1.2 under Decree 235/2025 (text quoted by the Government's policy portal, without the point letter; secondary source).",
        ),
    }
}

/// The claim decides, with secondary confidence.
pub(super) fn check(trail: &mut Trail) {
    trail.pass(|| Artisan {}.at(FLAG).confidence(Confidence::Secondary));
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assessed, day};
    use super::Artisan;
    use crate::activity::Activity;
    use crate::beneficiary::BeneficiaryCategory;
    use crate::eligibility::Verdict;
    use crate::law::Confidence;

    #[test]
    fn artisans_are_a_secondary_category_from_2025_10_15() {
        let facts =
            r#"{"artisan_title": "peoples_artisan", "other_state_funding_same_items": false}"#;
        let a = assessed(facts, Activity::ArtisanCraftSupport, day(2025, 10, 15));
        assert_eq!(a.verdict, Verdict::Eligible);
        assert_eq!(a.beneficiary_category, Some(BeneficiaryCategory::Artisan));
        assert_eq!(a.confidence, Confidence::Secondary);
        assert!(a.findings.iter().any(|f| f.code == Artisan::DEF.code));
        // The day before, neither the activity nor the category exists.
        let before = assessed(facts, Activity::ArtisanCraftSupport, day(2025, 10, 14));
        assert_eq!(before.verdict, Verdict::NotEligible);
        assert!(before.findings.iter().all(|f| f.code != Artisan::DEF.code));
    }
}
