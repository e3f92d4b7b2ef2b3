//! Which category of Art. 1.2 the applicant is assessed under.
//!
//! | rule | article | confidence |
//! |---|---|---|
//! | the category: a claimed special category decides; otherwise rural industrial establishment, indeterminate while another category open to the activity is not ruled out | Decree 45/2012 Art. 1.2(a), (b); Decree 235/2025 Art. 1.1 | confirmed |
//!
//! The special categories — cleaner production (Art. 1.2(b)), and from 2025-10-15
//! sustainable production, industrial-cluster investors and artisans — are open only to their
//! own activities, and have no size or place limit. When the applicant fails as a rural
//! industrial establishment but the activity is open to a special category whose fact is not
//! given, the failures become warnings and the verdict waits for that fact.

use chrono::NaiveDate;

use crate::activity::Activity;
use crate::applicant::ApplicantFacts;
use crate::beneficiary::BeneficiaryCategory;
use crate::finding::finding_kinds;
use crate::industry::Industry;
use crate::law::{Confidence, Point, Regime};
use crate::sme::SmeStatus;

use super::trail::Trail;
use super::{
    Priority, artisan, brick_kiln, categories_2025, cleaner_production, enterprise_setup, industry,
    legal_form, location, mining, nd45_1_2, priorities,
};

finding_kinds! {
    /// Not a rural industrial establishment, but another category may apply.
    AlternativeCategoryUnknown {
        code: "eligibility.alternative_category_unknown",
        severity: Warning,
        citation: None,
        meaning: (
            "Không đủ điều kiện cơ sở công nghiệp nông thôn, nhưng có thể thuộc đối tượng khác nếu dữ kiện được bổ sung.",
            "Not a rural industrial establishment, but another category may apply once the listed facts are given.",
        ),
        fix: (
            "Bổ sung các dữ kiện được liệt kê trong missing_facts.",
            "Supply the facts listed in missing_facts.",
        ),
        params: { activity: Activity, needed: Vec<String> },
        message: (
            "Không đủ điều kiện là cơ sở công nghiệp nông thôn, nhưng nội dung `{activity}` còn mở cho đối tượng khác (ví dụ cơ sở áp dụng sản xuất sạch hơn, không giới hạn quy mô, địa bàn); cần dữ kiện: {needed}.",
            "Not a rural industrial establishment, but activity `{activity}` is open to another category (e.g. a cleaner-production establishment, with no size or place limit); needed: {needed}.",
        ),
    }
}

/// The special categories of Art. 1.2(b) and the 2025 additions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Route {
    CleanerProduction,
    Sustainable,
    ClusterInvestor,
    Artisan,
}

impl Route {
    const ALL: [Self; 4] = [
        Self::CleanerProduction,
        Self::Sustainable,
        Self::ClusterInvestor,
        Self::Artisan,
    ];

    /// The activities the category is open to.
    const fn activities(self) -> &'static [Activity] {
        match self {
            Self::CleanerProduction => cleaner_production::ACTIVITIES,
            Self::Sustainable => categories_2025::SUSTAINABLE_ACTIVITIES,
            Self::ClusterInvestor => categories_2025::CLUSTER_ACTIVITIES,
            Self::Artisan => artisan::ACTIVITIES,
        }
    }

    const fn category(self) -> BeneficiaryCategory {
        match self {
            Self::CleanerProduction => BeneficiaryCategory::CleanerProductionEstablishment,
            Self::Sustainable => BeneficiaryCategory::SustainableProductionEstablishment,
            Self::ClusterInvestor => BeneficiaryCategory::IndustrialClusterInvestor,
            Self::Artisan => BeneficiaryCategory::Artisan,
        }
    }

    /// Whether the category exists in the text in force.
    fn open_in(self, regime: Regime) -> bool {
        match self {
            Self::CleanerProduction => true,
            _ => regime == Regime::Regime2025,
        }
    }

    /// The applicant's claim of this category and its pointer.
    fn claim(self, a: &ApplicantFacts) -> (Option<bool>, &'static str) {
        match self {
            Self::CleanerProduction => (a.cleaner_production, cleaner_production::FLAG),
            Self::Sustainable => (a.sustainable_production, categories_2025::SUSTAINABLE_FLAG),
            Self::ClusterInvestor => (a.industrial_cluster_investor, categories_2025::CLUSTER_FLAG),
            Self::Artisan => (a.artisan_title.map(|_| true), artisan::FLAG),
        }
    }

    /// The category's own rule.
    fn check(self, a: &ApplicantFacts, trail: &mut Trail) {
        match self {
            Self::CleanerProduction => cleaner_production::check(trail),
            Self::Sustainable => categories_2025::check_sustainable(trail),
            Self::ClusterInvestor => categories_2025::check_cluster_investor(a, trail),
            Self::Artisan => artisan::check(trail),
        }
    }
}

/// What the category rules found besides the trail.
pub(super) struct Assessed {
    pub(super) category: Option<BeneficiaryCategory>,
    pub(super) priorities: Vec<Priority>,
    pub(super) sme_status: Option<SmeStatus>,
}

/// Chooses the category and applies its rules; adds them to `trail`.
pub(super) fn check(
    a: &ApplicantFacts,
    activity: Activity,
    date: NaiveDate,
    regime: Regime,
    trail: &mut Trail,
) -> Assessed {
    let open_routes = Route::ALL
        .into_iter()
        .filter(|r| r.open_in(regime) && r.activities().contains(&activity));
    let mut unclaimed: Vec<&'static str> = Vec::new();
    for route in open_routes {
        match route.claim(a) {
            // A special category the applicant claims decides the matter.
            (Some(true), _) => {
                route.check(a, trail);
                return Assessed {
                    category: Some(route.category()),
                    priorities: Vec::new(),
                    sme_status: None,
                };
            }
            (None, pointer) => unclaimed.push(pointer),
            (Some(false), _) => {}
        }
    }
    let mut rural = Trail::new(trail.keep());
    let sme_status = rural_establishment(a, activity, date, regime, &mut rural);
    if rural.failed() && !unclaimed.is_empty() {
        // The applicant fails as a rural industrial establishment, but another category of
        // Art. 1.2 could still apply: the answer waits for that fact.
        rural.demote_failures();
        rural.unknown(
            AlternativeCategoryUnknown {
                activity,
                needed: unclaimed.iter().map(|p| (*p).to_owned()).collect(),
            }
            .at(unclaimed[0])
            .cite(nd45_1_2(Point::B))
            .confidence(Confidence::Confirmed),
            unclaimed.iter().copied(),
        );
        trail.merge(rural);
        return Assessed {
            category: None,
            priorities: Vec::new(),
            sme_status,
        };
    }
    let priorities = if trail.keeps_info() {
        priorities::of(a, regime)
    } else {
        Vec::new()
    };
    trail.merge(rural);
    Assessed {
        category: Some(BeneficiaryCategory::RuralIndustrialEstablishment),
        priorities,
        sme_status,
    }
}

/// Art. 1.2(a): a rural industrial establishment — legal form (and size), place, industry,
/// and the activity's own conditions.
fn rural_establishment(
    a: &ApplicantFacts,
    activity: Activity,
    date: NaiveDate,
    regime: Regime,
    trail: &mut Trail,
) -> Option<SmeStatus> {
    let sme_status = legal_form::check(a, date, regime, trail);
    location::check(a, date, regime, trail);
    industry::check(a, date, regime, trail);
    // The industries with a condition of their own.
    match a.industry {
        Some(Industry::MiningMineralProcessing) => mining::check(a, regime, trail),
        // TT 46/2012 Art. 5.1 also for the building materials of the amended Art. 5.1(c).
        Some(Industry::BuildingMaterials | Industry::BuildingMaterialsResourceSaving) => {
            brick_kiln::check(a, date, trail);
        }
        _ => {}
    }
    if activity == Activity::EnterpriseSetup {
        enterprise_setup::check(a, date, trail);
    }
    sme_status
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assessed, day};
    use super::AlternativeCategoryUnknown;
    use crate::activity::Activity;
    use crate::beneficiary::BeneficiaryCategory;
    use crate::eligibility::Verdict;
    use crate::finding::Severity;

    /// A large enterprise asking for a cleaner-production pilot: indeterminate while
    /// `cleaner_production` is unknown (its failure a warning), not eligible once it is
    /// `false`, eligible as a cleaner-production establishment once it is `true`.
    #[test]
    fn another_category_open_to_the_activity() {
        let pilot = Activity::CleanerProductionPilot;
        let date = day(2024, 6, 1);
        let a = assessed(r#"{"legal_form": "large_enterprise"}"#, pilot, date);
        assert_eq!(a.verdict, Verdict::Indeterminate);
        assert_eq!(a.beneficiary_category, None);
        assert!(a.findings.iter().all(|f| f.severity != Severity::Error));
        assert!(
            a.findings
                .iter()
                .any(|f| f.code == AlternativeCategoryUnknown::DEF.code
                    && f.path == "/cleaner_production")
        );
        assert_eq!(a.missing_facts, ["/cleaner_production"]);
        let no = assessed(
            r#"{"legal_form": "large_enterprise", "cleaner_production": false}"#,
            pilot,
            date,
        );
        assert_eq!(no.verdict, Verdict::NotEligible);
        let yes = assessed(
            r#"{"legal_form": "large_enterprise", "cleaner_production": true}"#,
            pilot,
            date,
        );
        assert_eq!(yes.verdict, Verdict::Eligible);
        assert_eq!(
            yes.beneficiary_category,
            Some(BeneficiaryCategory::CleanerProductionEstablishment)
        );
        // The same applicant asking for an activity no special category is open to.
        let machinery = assessed(
            r#"{"legal_form": "large_enterprise"}"#,
            Activity::AdvancedMachinery,
            date,
        );
        assert_eq!(machinery.verdict, Verdict::NotEligible);
    }
}
