//! Mining and mineral processing is supported only in difficult or especially difficult
//! areas.
//!
//! | rule | article | confidence |
//! |---|---|---|
//! | mining and mineral processing only in difficult or especially difficult areas (`priority.areas`) | Decree 45/2012 Art. 5.1(e); TT 46/2012 Art. 5 | confirmed |

use crate::applicant::ApplicantFacts;
use crate::codelist::Codelist;
use crate::finding::{codes, finding_kinds};
use crate::industry::Industry;
use crate::law::{Citation, Confidence, Point, Regime};

use super::industry::{self, Basis, IndustryEligible, ND45_5_1};
use super::trail::Trail;

/// Decree 45/2012 Art. 5.1(e).
const ND45_5_1_E: Citation = ND45_5_1.point(Point::E);

/// Where the difficult-area facts are.
pub(super) const AREAS: &str = "/priority/areas";

codes! {
    /// The rule that needs to know whether the place is a difficult area.
    pub(crate) enum AreaRule {
        Mining = "mining",
        EnterpriseSetup = "enterprise_setup",
    }
}

finding_kinds! {
    /// Mining outside difficult areas.
    MiningOutsideDifficultArea {
        code: "eligibility.mining_outside_difficult_area",
        severity: Error,
        citation: Some(ND45_5_1_E),
        meaning: (
            "Khai thác, chế biến khoáng sản chỉ được hỗ trợ tại địa bàn khó khăn, đặc biệt khó khăn.",
            "Mining and mineral processing is supported only in difficult or especially difficult areas.",
        ),
        fix: (
            "Nếu địa điểm sản xuất thuộc địa bàn có điều kiện kinh tế - xã hội khó khăn hoặc đặc biệt khó khăn, khai báo địa bàn đó trong priority.areas; nếu không, cơ sở khai thác, chế biến khoáng sản không được hỗ trợ.",
            "If the production site is in a difficult or especially difficult area, give that area in priority.areas; otherwise mining and mineral processing cannot be supported.",
        ),
        params: {},
        message: (
            "Khai thác, chế biến khoáng sản ngoài địa bàn khó khăn, đặc biệt khó khăn: không được hỗ trợ.",
            "Mining and mineral processing outside difficult or especially difficult areas: not eligible.",
        ),
    }

    /// Whether the place is a difficult area is not known.
    DifficultAreaUnknown {
        code: "eligibility.difficult_area_unknown",
        severity: Warning,
        citation: Some(ND45_5_1_E),
        meaning: (
            "Chưa rõ địa bàn có thuộc địa bàn khó khăn, đặc biệt khó khăn không.",
            "It is not known whether the place is a difficult or especially difficult area.",
        ),
        fix: (
            "Bổ sung các dữ kiện được liệt kê trong missing_facts.",
            "Supply the facts listed in missing_facts.",
        ),
        params: { rule: AreaRule },
        message: match rule {
            AreaRule::Mining => (
                "Khai thác khoáng sản: cần biết địa bàn có thuộc địa bàn khó khăn, đặc biệt khó khăn không.",
                "Mining: whether the place is a difficult or especially difficult area is needed.",
            ),
            AreaRule::EnterpriseSetup => (
                "Hỗ trợ khởi sự doanh nghiệp: cần biết địa bàn có thuộc địa bàn khó khăn, đặc biệt khó khăn không.",
                "Enterprise set-up: whether the place is a difficult or especially difficult area is needed.",
            ),
        }
    }
}

/// Art. 5.1(e): mining only in difficult or especially difficult areas.
pub(super) fn check(a: &ApplicantFacts, regime: Regime, trail: &mut Trail) {
    let confidence = Industry::MiningMineralProcessing
        .info()
        .confidence_in(regime)
        .unwrap_or(Confidence::Secondary);
    match a.priority.difficult_area() {
        Some(true) => trail.pass(|| {
            IndustryEligible {
                industry: Industry::MiningMineralProcessing,
                basis: Basis::MiningInDifficultArea,
            }
            .at(AREAS)
            .cite(ND45_5_1_E)
            .confidence(confidence)
            .facts([industry::POINTER, AREAS])
        }),
        Some(false) => trail.fail(
            MiningOutsideDifficultArea {}
                .at(AREAS)
                .confidence(confidence)
                .facts([industry::POINTER, AREAS]),
        ),
        None => trail.unknown(
            DifficultAreaUnknown {
                rule: AreaRule::Mining,
            }
            .at(AREAS)
            .confidence(confidence),
            [AREAS],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assessed, day, establishment};
    use super::MiningOutsideDifficultArea;
    use crate::activity::Activity;
    use crate::eligibility::Verdict;

    #[test]
    fn mining_in_and_outside_difficult_areas() {
        let at = |areas: &str| {
            let facts = establishment(&format!(
                r#"{{"industry": "mining_mineral_processing", "priority": {{"areas": {areas}}}}}"#
            ));
            assessed(&facts, Activity::AdvancedMachinery, day(2024, 6, 1))
        };
        assert_eq!(at(r#"["difficult_area"]"#).verdict, Verdict::Eligible);
        let outside = at("[]");
        assert_eq!(outside.verdict, Verdict::NotEligible);
        assert!(
            outside
                .findings
                .iter()
                .any(|f| f.code == MiningOutsideDifficultArea::DEF.code)
        );
    }
}
