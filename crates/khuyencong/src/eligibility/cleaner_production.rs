//! Industrial establishments applying cleaner production: a category of their own, with no
//! size or place limit.
//!
//! | rule | article | confidence |
//! |---|---|---|
//! | cleaner-production establishments: no size or place limit, for activities 2a, 3c and 7c (7c until 2025-10-14, when the amended Art. 4.7 no longer names it) | Decree 45/2012 Art. 1.2(b); TT 46/2012 Art. 3.2 | confirmed |

use crate::activity::Activity;
use crate::finding::finding_kinds;
use crate::law::{Citation, Confidence, InstrumentId, Point};

use super::nd45_1_2;
use super::trail::Trail;

/// Circular 46/2012/TT-BCT Art. 3.2: no limit on capital, headcount or place.
const TT46_3_2: Citation = Citation::article(InstrumentId::Tt46_2012Bct, 3).clause(2);

/// The activities an establishment applying cleaner production may receive whatever its size
/// or place (Decree 45/2012 Art. 1.2(b), Art. 4.2(a), 4.3(c), 4.7(c); TT 46 Art. 3.2).
pub(super) const ACTIVITIES: &[Activity] = &[
    Activity::ManagementCapacity,
    Activity::CleanerProductionPilot,
    Activity::RelocationPollutionTreatment,
];

/// The applicant's fact that claims the category.
pub(super) const FLAG: &str = "/cleaner_production";

finding_kinds! {
    /// The applicant is assessed as a cleaner-production establishment.
    CleanerProductionEstablishment {
        code: "eligibility.cleaner_production_establishment",
        severity: Info,
        citation: Some(nd45_1_2(Point::B)),
        meaning: (
            "Cơ sở áp dụng sản xuất sạch hơn: không giới hạn quy mô, địa bàn (khoản 2 Điều 3 Thông tư 46/2012/TT-BCT).",
            "Cleaner-production establishment: no size or place limit (TT 46/2012 Art. 3.2).",
        ),
        fix: ("Không cần xử lý.", "Nothing to fix."),
        params: { no_limit_rule: Citation },
        message: (
            "Cơ sở sản xuất công nghiệp áp dụng sản xuất sạch hơn (điểm b khoản 2 Điều 1): không giới hạn vốn, lao động, địa bàn (khoản 2 Điều 3 Thông tư 46/2012/TT-BCT); ngành sản xuất sạch hơn thuộc điểm g khoản 1 Điều 5.",
            "Industrial establishment applying cleaner production (Art. 1.2(b)): no limit on capital, headcount or place (TT 46/2012 Art. 3.2); cleaner production is itself on the industry list (Art. 5.1(g)).",
        ),
    }
}

/// Decree 45/2012 Art. 1.2(b); TT 46/2012 Art. 3.2: the claim decides, with no other test.
pub(super) fn check(trail: &mut Trail) {
    trail.pass(|| {
        CleanerProductionEstablishment {
            no_limit_rule: TT46_3_2,
        }
        .at(FLAG)
        .confidence(Confidence::Confirmed)
        .facts([FLAG])
    });
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assessed, day};
    use super::ACTIVITIES;
    use crate::activity::Activity;
    use crate::beneficiary::BeneficiaryCategory;
    use crate::codelist::Codelist;
    use crate::eligibility::Verdict;

    /// A large enterprise in an urban district is eligible for each cleaner-production
    /// activity in each text that has it, and for nothing else through this category. Item
    /// 7c (relocation and pollution treatment) is not named by the amended Art. 4.7: it ends
    /// on 2025-10-14.
    #[test]
    fn no_size_or_place_limit() {
        let facts = r#"{"legal_form": "large_enterprise", "cleaner_production": true,
            "other_state_funding_same_items": false,
            "head_office": {"district_kind": "urban_district", "unit_kind": "ward",
                "city_urban_class": "special"}}"#;
        for date in [day(2013, 2, 10), day(2025, 10, 15)] {
            for &activity in ACTIVITIES.iter().filter(|a| a.info().valid_on(date)) {
                let a = assessed(facts, activity, date);
                assert_eq!(a.verdict, Verdict::Eligible, "{activity:?} {date}");
                assert_eq!(
                    a.beneficiary_category,
                    Some(BeneficiaryCategory::CleanerProductionEstablishment)
                );
            }
            let other = assessed(facts, Activity::AdvancedMachinery, date);
            assert_eq!(other.verdict, Verdict::NotEligible);
        }
        let relocation = Activity::RelocationPollutionTreatment;
        assert_eq!(
            assessed(facts, relocation, day(2025, 10, 14)).verdict,
            Verdict::Eligible
        );
        assert_eq!(
            assessed(facts, relocation, day(2025, 10, 15)).verdict,
            Verdict::NotEligible
        );
    }
}
