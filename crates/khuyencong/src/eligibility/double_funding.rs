//! No double funding — Joint Circular 26/2014/TTLT-BTC-BCT Art. 7.4: cost items already
//! funded by another state source get no extension support. The one module of the article:
//! the applicant's fact (`other_state_funding_same_items`, assessed here for
//! [`crate::eligibility::assess`]) and a scheme's declaration (`funding.no_other_state_funding`,
//! checked with the scheme's money by `funding::check_funding` through
//! [`check_declaration`]) go through the one predicate [`applies_on`]. It sits with the
//! eligibility rules, below the funding rules that use it.
//!
//! | rule | article | confidence |
//! |---|---|---|
//! | no other state funding for the same cost items: an applicant's known double funding fails, a scheme carries the beneficiary's declaration and it is true; outside 2014-04-08 … 2018-05-10 a warning for the reviewer | TTLT 26/2014 Art. 7.4 | historical; secondary outside 2014-04-08 … 2018-05-10 |
//!
//! The one policy of this article outside the Joint Circular's window (the window is the
//! instrument table's, [`crate::law::SupportRegime`]): before 2014-04-08, and from
//! 2018-05-11 when Circular 28/2018/TT-BTC replaced it, the equivalent rule of the instrument
//! in force has not been read, so the Joint Circular is applied as a reference (`secondary`,
//! and the message says so) and nothing it finds is an error: what is an error inside the
//! window (a missing or untrue declaration on a scheme, a known double funding of an
//! applicant) is a warning for the reviewer, and a fact it asks for inside the window (an
//! applicant's unknown double funding) is not asked for. Inside the window it is a condition
//! of support (`historical`).

use chrono::NaiveDate;

use super::trail::Trail;
use crate::applicant::ApplicantFacts;
use crate::finding::{Arg, Finding, Params, Severity, finding_kinds};
use crate::law::{Citation, Confidence, InstrumentId, Lang, SupportRegime, TTLT_26_AS_REFERENCE};

/// Joint Circular 26/2014 Art. 7.4.
const TTLT26_7_4: Citation = Citation::article(InstrumentId::Ttlt26_2014, 7).clause(4);

/// The applicant's fact the article reads.
const POINTER: &str = "/other_state_funding_same_items";

/// How Art. 7.4 applies on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Applies {
    /// Inside the window of Joint Circular 26/2014: a condition of support.
    Condition,
    /// Outside it: applied as a reference; a reviewer checks, nothing is an error.
    Reference,
}

/// The policy of Art. 7.4 on `date` (see the module documentation): the one predicate of
/// the article, for applicants and schemes.
pub(crate) fn applies_on(date: NaiveDate) -> Applies {
    match SupportRegime::at(date) {
        Ok(SupportRegime::Ttlt26_2014) => Applies::Condition,
        _ => Applies::Reference,
    }
}

impl Applies {
    /// The confidence of the article on the date.
    const fn confidence(self) -> Confidence {
        match self {
            Self::Condition => Confidence::Historical,
            Self::Reference => Confidence::Secondary,
        }
    }

    /// What a breach of the article is on the date: an error inside the window, a warning
    /// for the reviewer outside it.
    const fn severity(self) -> Severity {
        match self {
            Self::Condition => Severity::Error,
            Self::Reference => Severity::Warning,
        }
    }

    /// A breach of the article on a scheme, with the severity and confidence of the date.
    fn breach(self, finding: Finding) -> Finding {
        let mut finding = finding.confidence(self.confidence());
        finding.severity = self.severity();
        finding
    }
}

/// Outside the window, the message ends with the reason the article is applied as a
/// reference (not a parameter).
impl Arg for Applies {
    fn write(&self, lang: Lang, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match (self, lang) {
            (Self::Condition, _) => "",
            (Self::Reference, Lang::Vi) => TTLT_26_AS_REFERENCE.0,
            (Self::Reference, Lang::En) => TTLT_26_AS_REFERENCE.1,
        })
    }
    fn json(&self) -> serde_json::Value {
        serde_json::Value::Null
    }
    fn to_params(&self, _: &'static str, _: &mut Params) {}
}

finding_kinds! {
    /// The declaration is missing.
    NoOtherStateFundingMissing {
        code: "funding.no_other_state_funding_missing",
        severity: Error,
        citation: Some(TTLT26_7_4),
        meaning: (
            "Thiếu cam kết chưa nhận kinh phí nhà nước khác cho cùng nội dung chi (cảnh báo ngoài thời gian hiệu lực của Thông tư liên tịch 26/2014: 08/04/2014 – 10/05/2018).",
            "The declaration that no other state money funds the same cost items is missing (a warning outside the window of Joint Circular 26/2014: 2014-04-08 … 2018-05-10).",
        ),
        fix: ("Bổ sung cam kết của cơ sở.", "Add the beneficiary's declaration."),
        params: { window: Applies },
        message: (
            "Thiếu cam kết chưa nhận kinh phí nhà nước khác cho cùng nội dung chi{window}",
            "The declaration that no other state money funds the same cost items is missing{window}",
        ),
    }

    /// Other state money is declared for the same items.
    OtherStateFundingDeclared {
        code: "funding.other_state_funding_declared",
        severity: Error,
        citation: Some(TTLT26_7_4),
        meaning: (
            "Cơ sở khai đã nhận kinh phí nhà nước khác cho cùng nội dung chi (cảnh báo ngoài thời gian hiệu lực của Thông tư liên tịch 26/2014: 08/04/2014 – 10/05/2018).",
            "The beneficiary declares other state money for the same cost items (a warning outside the window of Joint Circular 26/2014: 2014-04-08 … 2018-05-10).",
        ),
        fix: (
            "Loại bỏ nội dung chi đã được ngân sách khác hỗ trợ.",
            "Remove the cost items already funded by other state money.",
        ),
        params: { window: Applies },
        message: (
            "Cơ sở khai đã nhận kinh phí nhà nước khác cho cùng nội dung chi{window}",
            "The beneficiary declares other state money for the same cost items{window}",
        ),
    }

    /// The items already received state funding (inside the window).
    OtherStateFunding {
        code: "eligibility.other_state_funding",
        severity: Error,
        citation: Some(TTLT26_7_4),
        meaning: (
            "Nội dung chi đã được ngân sách nhà nước hỗ trợ: không được hỗ trợ trùng.",
            "The cost items already received state funding: no double funding.",
        ),
        fix: (
            "Loại các nội dung chi đã được nguồn ngân sách nhà nước khác hỗ trợ khỏi đề án; nếu khai báo nhầm, sửa other_state_funding_same_items.",
            "Remove the items already funded by another state source from the scheme; if the fact was given by mistake, correct other_state_funding_same_items.",
        ),
        params: {},
        message: (
            "Các nội dung chi đã được nguồn ngân sách nhà nước khác hỗ trợ: không được hỗ trợ trùng (khoản 4 Điều 7 Thông tư liên tịch 26/2014/TTLT-BTC-BCT).",
            "The cost items already received other state funding: no double funding (Joint Circular 26/2014 Art. 7.4).",
        ),
    }

    /// The items already received state funding (outside the window).
    OtherStateFundingUnverified {
        code: "eligibility.other_state_funding_unverified",
        severity: Warning,
        citation: Some(TTLT26_7_4),
        meaning: (
            "Nội dung chi đã được ngân sách nhà nước hỗ trợ; quy định tương ứng của Thông tư 28/2018/TT-BTC chưa được đọc: cần thẩm định.",
            "The cost items already received state funding; the Circular 28/2018 equivalent of the ban was not read: a reviewer must check.",
        ),
        fix: (
            "Loại các nội dung chi đã được hỗ trợ khỏi đề án.",
            "Remove the already funded items from the scheme.",
        ),
        params: {},
        message: (
            "Các nội dung chi đã được ngân sách nhà nước hỗ trợ. Thông tư liên tịch 26/2014 (khoản 4 Điều 7) cấm hỗ trợ trùng; quy định tương ứng của văn bản áp dụng tại ngày đánh giá chưa được đọc: cần thẩm định, không tự động kết luận.",
            "The cost items already received state funding. Joint Circular 26/2014 Art. 7.4 barred double funding; the equivalent rule in force on the assessment date has not been read: a reviewer must check; no automatic conclusion.",
        ),
    }

    /// Whether the items already received state funding is not known (inside the window).
    OtherStateFundingUnknown {
        code: "eligibility.other_state_funding_unknown",
        severity: Warning,
        citation: Some(TTLT26_7_4),
        meaning: (
            "Chưa rõ nội dung chi đã được ngân sách nhà nước hỗ trợ chưa.",
            "It is not known whether the cost items already received state funding.",
        ),
        fix: (
            "Bổ sung các dữ kiện được liệt kê trong missing_facts.",
            "Supply the facts listed in missing_facts.",
        ),
        params: {},
        message: (
            "Cần biết các nội dung chi đã được nguồn ngân sách nhà nước khác hỗ trợ chưa (khoản 4 Điều 7 Thông tư liên tịch 26/2014/TTLT-BTC-BCT).",
            "Whether the cost items already received other state funding is needed (Joint Circular 26/2014 Art. 7.4).",
        ),
    }
}

/// Art. 7.4 on a scheme's money: the beneficiary's declaration (`declared`: `true` when it
/// declares no other state money, `false` when it declares some) is present and true; `p` is
/// the pointer of the scheme's `funding`.
pub(crate) fn check_declaration(
    out: &mut Vec<Finding>,
    declared: Option<bool>,
    date: NaiveDate,
    p: &str,
) {
    let window = applies_on(date);
    let path = || format!("{p}/no_other_state_funding");
    match declared {
        None => out.push(window.breach(NoOtherStateFundingMissing { window }.at(path()))),
        Some(false) => out.push(window.breach(OtherStateFundingDeclared { window }.at(path()))),
        Some(true) => {}
    }
}

/// Art. 7.4 for one applicant of an eligibility assessment.
pub(super) fn check(a: &ApplicantFacts, date: NaiveDate, trail: &mut Trail) {
    let applies = applies_on(date);
    let confidence = applies.confidence();
    match (a.other_state_funding_same_items, applies) {
        (Some(true), Applies::Condition) => trail.fail(
            OtherStateFunding {}
                .at(POINTER)
                .confidence(confidence)
                .facts([POINTER]),
        ),
        (Some(true), Applies::Reference) => trail.note(
            OtherStateFundingUnverified {}
                .at(POINTER)
                .confidence(confidence)
                .facts([POINTER]),
        ),
        (None, Applies::Condition) => trail.unknown(
            OtherStateFundingUnknown {}
                .at(POINTER)
                .confidence(confidence),
            [POINTER],
        ),
        (Some(false), _) | (None, Applies::Reference) => {}
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::{
        Applies, NoOtherStateFundingMissing, OtherStateFundingDeclared, applies_on,
        check_declaration,
    };
    use crate::activity::Activity;
    use crate::applicant::ApplicantFacts;
    use crate::eligibility::{Verdict, assess};
    use crate::finding::Severity;
    use crate::law::{Confidence, TT_28_EFFECTIVE, TTLT_26_EFFECTIVE, TTLT_26_LAST_DAY};

    fn verdict(other: Option<bool>, date: NaiveDate) -> (Verdict, Vec<String>) {
        let mut json = serde_json::json!({
            "legal_form": "cooperative",
            "industry": "handicraft",
            "head_office": {"province_kind": "province", "unit_kind": "commune"},
        });
        if let Some(o) = other {
            json["other_state_funding_same_items"] = o.into();
        }
        let a: ApplicantFacts = serde_json::from_value(json).expect("an applicant");
        let got = assess(&a, Activity::AdvancedMachinery, date).expect("a date in scope");
        (
            got.verdict,
            got.findings.into_iter().map(|f| f.code).collect(),
        )
    }

    /// The window of Joint Circular 26/2014, from the instrument table, on both sides of
    /// both ends, for schemes and applicants alike.
    #[test]
    fn the_window() {
        let before = TTLT_26_EFFECTIVE.pred_opt().expect("a day");
        let cases = [
            (before, Applies::Reference),
            (TTLT_26_EFFECTIVE, Applies::Condition),
            (TTLT_26_LAST_DAY, Applies::Condition),
            (TT_28_EFFECTIVE, Applies::Reference),
        ];
        for (date, applies) in cases {
            assert_eq!(applies_on(date), applies, "{date}");
        }
        for (date, inside) in [
            (TTLT_26_LAST_DAY, true),
            (TT_28_EFFECTIVE, false),
            (before, false),
        ] {
            let (funded, codes) = verdict(Some(true), date);
            assert_eq!(funded == Verdict::NotEligible, inside, "{date}");
            let code = if inside {
                "eligibility.other_state_funding"
            } else {
                "eligibility.other_state_funding_unverified"
            };
            assert!(codes.iter().any(|c| c == code), "{date} {codes:?}");
            let (unknown, codes) = verdict(None, date);
            assert_eq!(unknown == Verdict::Indeterminate, inside, "{date}");
            assert_eq!(
                codes
                    .iter()
                    .any(|c| c == "eligibility.other_state_funding_unknown"),
                inside,
                "{date}"
            );
            assert_eq!(verdict(Some(false), date).0, Verdict::Eligible, "{date}");
        }
    }

    /// On a scheme: an error inside the window, a warning outside it (applied as a
    /// reference, `secondary`, the message says so).
    #[test]
    fn the_declaration_is_present_and_true() {
        let run = |declared, date| {
            let mut out = Vec::new();
            check_declaration(&mut out, declared, date, "/funding");
            out
        };
        assert!(run(Some(true), TTLT_26_LAST_DAY).is_empty());
        assert!(run(Some(true), TT_28_EFFECTIVE).is_empty());
        let got = run(None, TTLT_26_EFFECTIVE);
        let [f] = got.as_slice() else {
            panic!("{got:?}")
        };
        assert_eq!(f.code, NoOtherStateFundingMissing::DEF.code);
        assert_eq!(
            (f.severity, f.confidence),
            (Severity::Error, Some(Confidence::Historical))
        );
        assert_eq!(f.path, "/funding/no_other_state_funding");
        assert!(!f.message_en().contains("reference"), "{f}");
        let got = run(None, TT_28_EFFECTIVE);
        let [f] = got.as_slice() else {
            panic!("{got:?}")
        };
        assert_eq!(
            (f.severity, f.confidence),
            (Severity::Warning, Some(Confidence::Secondary))
        );
        assert!(f.message_en().contains("applied as a reference"), "{f}");
        for (date, severity) in [
            (TTLT_26_LAST_DAY, Severity::Error),
            (TT_28_EFFECTIVE, Severity::Warning),
        ] {
            let got = run(Some(false), date);
            let [f] = got.as_slice() else {
                panic!("{got:?}")
            };
            assert_eq!(f.code, OtherStateFundingDeclared::DEF.code);
            assert_eq!(f.severity, severity, "{date}");
        }
    }
}
