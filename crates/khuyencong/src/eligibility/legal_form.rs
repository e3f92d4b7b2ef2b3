//! The legal forms of a rural industrial establishment.
//!
//! | rule | article | confidence |
//! |---|---|---|
//! | legal forms of rural industrial establishments: SMEs, cooperatives, cooperative groups, business households; unions of cooperatives from 2025-10-15 | Decree 45/2012 Art. 1.2(a); Decree 235/2025 Art. 1.1 | confirmed |
//!
//! The decision table, per text ([`rule`]):
//!
//! | legal form | 2012 text (until 2025-10-14) | 2025 text (from 2025-10-15) |
//! |---|---|---|
//! | cooperative, cooperative group, business household | listed | listed |
//! | union of cooperatives | not listed | listed |
//! | enterprise, SME | SME size derived (`sme_size`) | SME size derived |
//! | large enterprise | not an SME | not an SME |
//! | individual, public service unit, other organisation | not listed | not listed |

use chrono::NaiveDate;

use crate::applicant::ApplicantFacts;
use crate::beneficiary::LegalForm;
use crate::finding::{codes, finding_kinds};
use crate::law::{Confidence, DECREE_235_EFFECTIVE, Point, Regime};
use crate::sme::SmeStatus;

use super::sme_size::{self, LargeEnterprise};
use super::trail::Trail;
use super::{art_1_2_a, nd45_1_2};

const POINTER: &str = "/legal_form";

codes! {
    /// Whose legal form is missing: a rural industrial establishment's, or an
    /// industrial-cluster investor's (Decree 235/2025).
    pub(super) enum FormRole {
        RuralEstablishment = "rural_industrial_establishment",
        ClusterInvestor = "industrial_cluster_infrastructure_investor",
    }
}

finding_kinds! {
    /// The legal form is not given.
    LegalFormUnknown {
        code: "eligibility.legal_form_unknown",
        severity: Warning,
        citation: Some(nd45_1_2(Point::A)),
        meaning: ("Chưa có loại hình pháp lý.", "The legal form is not given."),
        fix: (
            "Bổ sung các dữ kiện được liệt kê trong missing_facts.",
            "Supply the facts listed in missing_facts.",
        ),
        params: { role: FormRole },
        message: match role {
            FormRole::RuralEstablishment => (
                "Chưa có loại hình pháp lý của cơ sở.",
                "The applicant's legal form is not given.",
            ),
            FormRole::ClusterInvestor => (
                "Chưa có loại hình pháp lý (chủ đầu tư phải là doanh nghiệp hoặc hợp tác xã).",
                "The legal form is not given (the investor must be an enterprise or a cooperative).",
            ),
        }
    }

    /// The legal form is one of a rural industrial establishment.
    LegalFormEligible {
        code: "eligibility.legal_form_eligible",
        severity: Info,
        citation: Some(nd45_1_2(Point::A)),
        meaning: (
            "Loại hình thuộc cơ sở công nghiệp nông thôn.",
            "The legal form is one of a rural industrial establishment.",
        ),
        fix: ("Không cần xử lý.", "Nothing to fix."),
        params: { form: LegalForm },
        message: (
            "Loại hình `{form}` thuộc cơ sở công nghiệp nông thôn.",
            "Legal form `{form}` is one of a rural industrial establishment.",
        ),
    }

    /// The legal form is not one of a rural industrial establishment.
    LegalFormNotEligible {
        code: "eligibility.legal_form_not_eligible",
        severity: Error,
        citation: Some(nd45_1_2(Point::A)),
        meaning: (
            "Loại hình không thuộc cơ sở công nghiệp nông thôn.",
            "The legal form is not one of a rural industrial establishment.",
        ),
        fix: (
            "Không khắc phục được cho nội dung này; xem xét đối tượng khác (sản xuất sạch hơn).",
            "Not curable for this activity; consider another category (cleaner production).",
        ),
        params: { form: LegalForm },
        text: { listed_from = DECREE_235_EFFECTIVE },
        message: match form {
            LegalForm::UnionOfCooperatives => (
                "Liên hiệp hợp tác xã chỉ là cơ sở công nghiệp nông thôn từ ngày {listed_from} (Nghị định 235/2025/NĐ-CP); điểm a khoản 2 Điều 1 bản năm 2012 không liệt kê.",
                "A union of cooperatives is a rural industrial establishment only from {listed_from} (Decree 235/2025); the 2012 wording of Art. 1.2(a) does not list it.",
            ),
            _ => (
                "Loại hình `{form}` không phải doanh nghiệp nhỏ và vừa, hợp tác xã, tổ hợp tác hay hộ kinh doanh.",
                "Legal form `{form}` is not an SME, cooperative, cooperative group or business household.",
            ),
        }
    }
}

/// What Art. 1.2(a) makes of a legal form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FormRule {
    /// Listed: a rural industrial establishment.
    Listed,
    /// An enterprise: an establishment only if an SME, by its size.
    SizeDerived,
    /// A large enterprise: not an SME.
    Large,
    /// Not listed.
    NotListed,
}

/// The decision table of Art. 1.2(a), per text (see the module documentation).
const fn rule(form: LegalForm, regime: Regime) -> FormRule {
    match (form, regime) {
        (
            LegalForm::Cooperative | LegalForm::CooperativeGroup | LegalForm::BusinessHousehold,
            _,
        )
        // New in Decree 235/2025 Art. 1.1: unions of cooperatives, from 2025-10-15 only.
        | (LegalForm::UnionOfCooperatives, Regime::Regime2025) => FormRule::Listed,
        (LegalForm::Enterprise | LegalForm::Sme, _) => FormRule::SizeDerived,
        (LegalForm::LargeEnterprise, _) => FormRule::Large,
        _ => FormRule::NotListed,
    }
}

/// Art. 1.2(a): the legal form; for an enterprise, its size. Returns the SME status when
/// the form asked for one.
pub(super) fn check(
    a: &ApplicantFacts,
    date: NaiveDate,
    regime: Regime,
    trail: &mut Trail,
) -> Option<SmeStatus> {
    let cite = art_1_2_a(regime);
    let Some(form) = a.legal_form else {
        trail.unknown(
            LegalFormUnknown {
                role: FormRole::RuralEstablishment,
            }
            .at(POINTER)
            .cite(cite)
            .confidence(Confidence::Confirmed),
            [POINTER],
        );
        return None;
    };
    match rule(form, regime) {
        FormRule::Listed => {
            trail.pass(|| {
                LegalFormEligible { form }
                    .at(POINTER)
                    .cite(cite)
                    .confidence(Confidence::Confirmed)
                    .facts([POINTER])
            });
            None
        }
        FormRule::SizeDerived => Some(sme_size::check(a, date, cite, trail)),
        FormRule::Large => {
            trail.fail(
                LargeEnterprise { sme_status: None }
                    .at(POINTER)
                    .cite(cite)
                    .confidence(Confidence::Confirmed)
                    .facts([POINTER]),
            );
            Some(SmeStatus::Large)
        }
        FormRule::NotListed => {
            trail.fail(
                LegalFormNotEligible { form }
                    .at(POINTER)
                    .cite(cite)
                    .confidence(Confidence::Confirmed)
                    .facts([POINTER]),
            );
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{day, establishment, verdict};
    use super::{FormRule, rule};
    use crate::activity::Activity;
    use crate::beneficiary::LegalForm;
    use crate::codelist::Codelist;
    use crate::eligibility::Verdict;
    use crate::law::Regime;

    /// The table: the same in both texts except for unions of cooperatives.
    #[test]
    fn the_table_differs_only_for_unions_of_cooperatives() {
        for &form in LegalForm::ALL {
            let (old, new) = (
                rule(form, Regime::Regime2012),
                rule(form, Regime::Regime2025),
            );
            if form == LegalForm::UnionOfCooperatives {
                assert_eq!((old, new), (FormRule::NotListed, FormRule::Listed));
            } else {
                assert_eq!(old, new, "{form:?}");
            }
        }
    }

    /// A union of cooperatives, on both sides of 2025-10-15.
    #[test]
    fn union_of_cooperatives_from_2025_10_15() {
        let union = establishment(r#"{"legal_form": "union_of_cooperatives"}"#);
        let m = Activity::AdvancedMachinery;
        assert_eq!(verdict(&union, m, day(2025, 10, 14)), Verdict::NotEligible);
        assert_eq!(verdict(&union, m, day(2025, 10, 15)), Verdict::Eligible);
    }
}
