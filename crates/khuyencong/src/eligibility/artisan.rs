//! People's and Meritorious Artisans, reported as a new subject of the extension policies by
//! news on Decree 235/2025.
//!
//! | rule | article | confidence |
//! |---|---|---|
//! | People's and Meritorious Artisans, for activity `artisan_craft_support` (from 2025-10-15) | Decree 235/2025 Art. 1 (the point was not read) | secondary (news) |

use crate::activity::Activity;
use crate::finding::finding_kinds;
use crate::law::{Citation, Confidence, InstrumentId};

use super::trail::Trail;

/// Activities open to artisans.
pub(super) const ACTIVITIES: &[Activity] = &[Activity::ArtisanCraftSupport];

/// The applicant's fact that claims the category.
pub(super) const FLAG: &str = "/artisan_title";

/// Decree 235/2025 Art. 1 (which point of the new Art. 1.2 names artisans was not read).
const ND235_1: Citation = Citation::article(InstrumentId::Nd235_2025, 1);

finding_kinds! {
    /// The applicant is assessed as an artisan.
    Artisan {
        code: "eligibility.artisan",
        severity: Info,
        citation: Some(ND235_1),
        meaning: (
            "Nghệ nhân nhân dân, nghệ nhân ưu tú (theo tin tức về Nghị định 235/2025/NĐ-CP; chưa đọc văn bản).",
            "People's or Meritorious Artisan (reported by news on Decree 235/2025; text not read).",
        ),
        fix: ("Không cần xử lý.", "Nothing to fix."),
        params: {},
        message: (
            "Nghệ nhân nhân dân, nghệ nhân ưu tú: theo tin tức về Nghị định 235/2025/NĐ-CP là đối tượng mới; điểm cụ thể của khoản 2 Điều 1 chưa được đọc (nguồn thứ cấp).",
            "People's or Meritorious Artisan: a new subject according to news on Decree 235/2025; the exact point of the new Art. 1.2 was not read (secondary source).",
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
    }
}
