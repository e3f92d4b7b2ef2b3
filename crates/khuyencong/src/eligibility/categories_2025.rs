//! The categories Decree 235/2025 added to Art. 1.2(b) from 2025-10-15: establishments
//! applying sustainable production and consumption, and enterprises or cooperatives investing
//! in industrial-cluster infrastructure.
//!
//! | rule | article | confidence |
//! |---|---|---|
//! | sustainable production and consumption; industrial-cluster infrastructure investors, which must be an enterprise or cooperative, for the activities of the amended Art. 4.7 (investment promotion, wastewater and emission treatment at clusters) (from 2025-10-15) | Decree 235/2025 Art. 1.1 (new Art. 1.2(b)); Art. 4.7 as amended | confirmed (the amended Art. 4.7 items secondary) |
//!
//! Before 2025-10-15 these categories do not exist: the cluster activity (7b) is then judged
//! under Art. 1.2(a) like any other (see `category`).

use crate::activity::Activity;
use crate::applicant::ApplicantFacts;
use crate::beneficiary::LegalForm;
use crate::finding::finding_kinds;
use crate::law::Confidence;

use super::ND235_1_1;
use super::legal_form::{FormRole, LegalFormUnknown};
use super::trail::Trail;

/// Activities open to sustainable-production establishments.
pub(super) const SUSTAINABLE_ACTIVITIES: &[Activity] = &[Activity::SustainableProduction];
/// Activities open to industrial-cluster infrastructure investors (the amended Art. 4.7:
/// investment promotion, and wastewater and emission treatment at clusters).
pub(super) const CLUSTER_ACTIVITIES: &[Activity] = &[
    Activity::IndustrialClusterDevelopment,
    Activity::ClusterEnvironmentalTreatment,
    Activity::ClusterInvestmentPromotion,
    Activity::WastewaterEmissionTreatment,
];
/// The applicant's facts that claim the categories.
pub(super) const SUSTAINABLE_FLAG: &str = "/sustainable_production";
pub(super) const CLUSTER_FLAG: &str = "/industrial_cluster_investor";

finding_kinds! {
    /// The applicant is assessed as an establishment applying sustainable production.
    SustainableProductionEstablishment {
        code: "eligibility.sustainable_production_establishment",
        severity: Info,
        citation: Some(ND235_1_1),
        meaning: (
            "Cơ sở áp dụng sản xuất và tiêu dùng bền vững (từ 15/10/2025).",
            "Establishment applying sustainable production and consumption (from 2025-10-15).",
        ),
        fix: ("Không cần xử lý.", "Nothing to fix."),
        params: {},
        message: (
            "Cơ sở sản xuất công nghiệp áp dụng sản xuất và tiêu dùng bền vững (điểm b khoản 2 Điều 1 sửa đổi bởi Nghị định 235/2025/NĐ-CP).",
            "Industrial establishment applying sustainable production and consumption (Art. 1.2(b) as amended by Decree 235/2025).",
        ),
    }

    /// The applicant is assessed as an industrial-cluster infrastructure investor.
    IndustrialClusterInvestor {
        code: "eligibility.industrial_cluster_investor",
        severity: Info,
        citation: Some(ND235_1_1),
        meaning: (
            "Doanh nghiệp, hợp tác xã đầu tư hạ tầng cụm công nghiệp (từ 15/10/2025).",
            "Enterprise or cooperative investing in industrial-cluster infrastructure (from 2025-10-15).",
        ),
        fix: ("Không cần xử lý.", "Nothing to fix."),
        params: {},
        message: (
            "Chủ đầu tư xây dựng hạ tầng cụm công nghiệp (điểm b khoản 2 Điều 1 sửa đổi bởi Nghị định 235/2025/NĐ-CP).",
            "Investor in industrial-cluster infrastructure (Art. 1.2(b) as amended by Decree 235/2025).",
        ),
    }

    /// A cluster investor that is neither an enterprise nor a cooperative.
    ClusterInvestorLegalForm {
        code: "eligibility.cluster_investor_legal_form",
        severity: Error,
        citation: Some(ND235_1_1),
        meaning: (
            "Chủ đầu tư hạ tầng cụm công nghiệp phải là doanh nghiệp hoặc hợp tác xã.",
            "An industrial-cluster infrastructure investor must be an enterprise or a cooperative.",
        ),
        fix: (
            "Nếu chủ đầu tư là doanh nghiệp hoặc hợp tác xã, sửa legal_form cho đúng; nếu không, chủ đầu tư này không được hỗ trợ theo đối tượng chủ đầu tư hạ tầng cụm công nghiệp.",
            "If the investor is an enterprise or a cooperative, correct legal_form; otherwise this investor cannot be supported as an industrial-cluster infrastructure investor.",
        ),
        params: { form: LegalForm },
        message: (
            "Chủ đầu tư hạ tầng cụm công nghiệp được hỗ trợ phải là doanh nghiệp hoặc hợp tác xã.",
            "A supported industrial-cluster infrastructure investor must be an enterprise or a cooperative.",
        ),
    }
}

/// Decree 235/2025 Art. 1.1 (new Art. 1.2(b)): sustainable production and consumption.
pub(super) fn check_sustainable(trail: &mut Trail) {
    trail.pass(|| {
        SustainableProductionEstablishment {}
            .at(SUSTAINABLE_FLAG)
            .confidence(Confidence::Confirmed)
    });
}

/// Decree 235/2025 Art. 1.1: enterprises and cooperatives investing in cluster
/// infrastructure.
pub(super) fn check_cluster_investor(a: &ApplicantFacts, trail: &mut Trail) {
    trail.pass(|| {
        IndustrialClusterInvestor {}
            .at(CLUSTER_FLAG)
            .confidence(Confidence::Confirmed)
    });
    match a.legal_form {
        Some(
            LegalForm::Enterprise
            | LegalForm::Sme
            | LegalForm::LargeEnterprise
            | LegalForm::Cooperative,
        ) => {}
        Some(form) => trail.fail(
            ClusterInvestorLegalForm { form }
                .at("/legal_form")
                .confidence(Confidence::Confirmed),
        ),
        None => trail.unknown(
            LegalFormUnknown {
                role: FormRole::ClusterInvestor,
            }
            .at("/legal_form")
            .cite(ND235_1_1)
            .confidence(Confidence::Confirmed),
            ["/legal_form"],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::super::activity_in_force::ActivityNotInRegime;
    use super::super::test_support::{assessed, day};
    use super::ClusterInvestorLegalForm;
    use crate::activity::Activity;
    use crate::beneficiary::BeneficiaryCategory;
    use crate::eligibility::Verdict;

    /// From 2025-10-15 a cluster investor is judged as such (any size, any place) and must be
    /// an enterprise or a cooperative; the day before, the claim does not exist and the
    /// applicant is judged as a rural industrial establishment.
    #[test]
    fn cluster_investor_from_2025_10_15() {
        // Art. 4.7(a) as amended: the 2012 item 7b ends on 2025-10-14.
        let cluster = Activity::ClusterInvestmentPromotion;
        let facts = |form: &str| {
            format!(
                r#"{{"legal_form": "{form}", "industrial_cluster_investor": true,
                "other_state_funding_same_items": false}}"#
            )
        };
        let after = day(2025, 10, 15);
        let a = assessed(&facts("large_enterprise"), cluster, after);
        assert_eq!(a.verdict, Verdict::Eligible);
        assert_eq!(
            a.beneficiary_category,
            Some(BeneficiaryCategory::IndustrialClusterInvestor)
        );
        let household = assessed(&facts("business_household"), cluster, after);
        assert_eq!(household.verdict, Verdict::NotEligible);
        assert!(
            household
                .findings
                .iter()
                .any(|f| f.code == ClusterInvestorLegalForm::DEF.code)
        );
        let unknown = assessed(
            r#"{"industrial_cluster_investor": true, "other_state_funding_same_items": false}"#,
            cluster,
            after,
        );
        assert_eq!(unknown.missing_facts, ["/legal_form"]);
        let before = assessed(
            &facts("large_enterprise"),
            Activity::IndustrialClusterDevelopment,
            day(2025, 10, 14),
        );
        assert_eq!(
            before.beneficiary_category,
            Some(BeneficiaryCategory::RuralIndustrialEstablishment)
        );
        assert_eq!(before.verdict, Verdict::NotEligible);
    }

    /// Sustainable production is a category only from 2025-10-15.
    #[test]
    fn sustainable_production_from_2025_10_15() {
        let facts = r#"{"sustainable_production": true, "other_state_funding_same_items": false}"#;
        let a = assessed(facts, Activity::SustainableProduction, day(2025, 10, 15));
        assert_eq!(a.verdict, Verdict::Eligible);
        assert_eq!(
            a.beneficiary_category,
            Some(BeneficiaryCategory::SustainableProductionEstablishment)
        );
    }

    /// The items of the amended Art. 4.7 are open to cluster investors from 2025-10-15 (the
    /// first day they exist); on 2025-10-14 they are not yet activities of the text in force.
    #[test]
    fn amended_clause_7_items_open_to_cluster_investors() {
        let facts = r#"{"legal_form": "enterprise", "industrial_cluster_investor": true,
            "other_state_funding_same_items": false}"#;
        for activity in [
            Activity::ClusterInvestmentPromotion,
            Activity::WastewaterEmissionTreatment,
            Activity::ClusterEnvironmentalTreatment,
        ] {
            let after = assessed(facts, activity, day(2025, 10, 15));
            assert_eq!(after.verdict, Verdict::Eligible, "{activity:?}");
            assert_eq!(
                after.beneficiary_category,
                Some(BeneficiaryCategory::IndustrialClusterInvestor)
            );
            let before = assessed(facts, activity, day(2025, 10, 14));
            assert_eq!(before.verdict, Verdict::NotEligible, "{activity:?}");
            assert!(
                before
                    .findings
                    .iter()
                    .any(|f| f.code == ActivityNotInRegime::DEF.code)
            );
        }
    }
}
