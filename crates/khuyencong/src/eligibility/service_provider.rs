//! Activities of group 9 (capacity of the extension system) support the extension system
//! itself, not establishments: their subject is an extension-service provider.
//!
//! | rule | article | confidence |
//! |---|---|---|
//! | group 9 activities: the subject is an extension-service provider; its capacity (TT 46/2012 Art. 7) is not assessed | Decree 45/2012 Art. 1.2(c); TT 46/2012 Art. 7 | confirmed; under the 2025 text secondary (the new Art. 1.2(c) was not read) |
//!
//! The capacity test of Circular 46/2012/TT-BCT Art. 7 (staff, finances, facilities,
//! experience) is a judgement the library does not make: the verdict is *indeterminate*.

use crate::activity::Activity;
use crate::finding::finding_kinds;
use crate::law::{Citation, Confidence, InstrumentId, Point, Regime};

use super::nd45_1_2;
use super::trail::Trail;

/// Circular 46/2012/TT-BCT Art. 7: the capacity of the organisations delivering extension.
const TT46_7: Citation = Citation::article(InstrumentId::Tt46_2012Bct, 7);

finding_kinds! {
    /// A group 9 activity: the provider's capacity is not assessed.
    ServiceProviderNotAssessed {
        code: "eligibility.service_provider_not_assessed",
        severity: Warning,
        citation: Some(nd45_1_2(Point::C)),
        meaning: (
            "Hoạt động nâng cao năng lực hệ thống khuyến công (nhóm 9) không hỗ trợ cơ sở; đối tượng là tổ chức, cá nhân thực hiện dịch vụ khuyến công, năng lực của họ (Điều 7 Thông tư 46/2012/TT-BCT) không được đánh giá.",
            "System-capacity activities (group 9) do not support establishments; the subject is an extension-service provider, whose capacity (TT 46/2012 Art. 7) is not assessed.",
        ),
        fix: (
            "Cơ quan quản lý đánh giá năng lực đơn vị thực hiện.",
            "The managing agency judges the provider's capacity.",
        ),
        params: { activity: Activity, capacity_rule: Citation },
        message: (
            "Nội dung `{activity}` thuộc nhóm nâng cao năng lực hệ thống khuyến công: đối tượng là tổ chức, cá nhân tham gia quản lý, thực hiện dịch vụ khuyến công (điểm c khoản 2 Điều 1); năng lực theo Điều 7 Thông tư 46/2012/TT-BCT không được đánh giá tự động.",
            "Activity `{activity}` builds the capacity of the extension system: its subject is an organisation or individual managing or delivering extension services (Art. 1.2(c)); their capacity under TT 46/2012 Art. 7 is not assessed here.",
        ),
    }
}

/// Whether the activity is of group 9 (the capacity of the extension system).
pub(super) fn applies(activity: Activity) -> bool {
    activity == Activity::SystemCapacity || activity.parent() == Some(Activity::SystemCapacity)
}

/// The subject is Art. 1.2(c); its capacity test is not modelled.
pub(super) fn check(activity: Activity, regime: Regime, trail: &mut Trail) {
    let confidence = if regime == Regime::Regime2025 {
        Confidence::Secondary
    } else {
        Confidence::Confirmed
    };
    trail.not_assessed(
        ServiceProviderNotAssessed {
            activity,
            capacity_rule: TT46_7,
        }
        .at("")
        .confidence(confidence),
    );
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assessed, day};
    use super::ServiceProviderNotAssessed;
    use crate::activity::Activity;
    use crate::beneficiary::BeneficiaryCategory;
    use crate::eligibility::Verdict;
    use crate::law::Confidence;

    /// Every group 9 item is judged as an extension-service provider, whatever the applicant;
    /// the confidence drops to secondary under the 2025 text.
    #[test]
    fn group_9_subject_is_the_provider() {
        let items: Vec<Activity> = crate::Codelist::ALL
            .iter()
            .copied()
            .filter(|a| super::applies(*a))
            .collect();
        assert!(items.len() > 1, "{items:?}");
        for (date, confidence) in [
            (day(2025, 10, 14), Confidence::Confirmed),
            (day(2025, 10, 15), Confidence::Secondary),
        ] {
            let a = assessed(r#"{"legal_form": "large_enterprise"}"#, items[0], date);
            assert_eq!(a.verdict, Verdict::Indeterminate);
            assert_eq!(
                a.beneficiary_category,
                Some(BeneficiaryCategory::ExtensionServiceProvider)
            );
            let f = &a.findings[0];
            assert_eq!(f.code, ServiceProviderNotAssessed::DEF.code);
            assert_eq!(f.confidence, Some(confidence));
        }
        assert!(!super::applies(Activity::AdvancedMachinery));
    }
}
