//! An enterprise is a rural industrial establishment only if it is a small or medium-sized
//! enterprise; its size is derived from its figures, never asserted.
//!
//! | rule | article | confidence |
//! |---|---|---|
//! | an enterprise's SME status, derived from its figures by the SME law in force (the bands themselves: `sme.rs`) | TT 46/2012 Art. 3.1; Law 04/2017 Art. 4; Decree 80/2021 Art. 5–7 | confirmed from 2021-10-15; secondary 2018-03-11 … 2021-10-14; not assessed before |
//!
//! The figures are those of the year before the assessment (Decree 80/2021 Art. 7): figures
//! of another year are used, with a warning.

use chrono::{Datelike, NaiveDate};

use crate::applicant::ApplicantFacts;
use crate::finding::{finding_kinds, texts};
use crate::law::{Citation, Confidence, DECREE_39_EFFECTIVE, InstrumentId};
use crate::sme::{self, SmeStatus};

use super::trail::Trail;

const POINTER: &str = "/sme";
const FIGURES_YEAR: &str = "/sme/figures_year";

/// Decree 80/2021 Art. 7: figures of the year before.
const ND80_7: Citation = Citation::article(InstrumentId::Nd80_2021, 7);

texts! {
    /// Which bands were applied: Decree 80/2021's, or the same bands as Decree 39/2018's.
    pub(super) enum BandsNote {
        Decree80 = ("decree_80_2021", "", ""),
        Decree39 = (
            "decree_39_2018_assumed_equal",
            " Ngưỡng của Nghị định 39/2018/NĐ-CP được cho là giống Nghị định 80/2021/NĐ-CP (nguồn thứ cấp).",
            " Decree 39/2018 is believed to use the same bands as Decree 80/2021 (secondary source).",
        ),
    }
}

finding_kinds! {
    /// The enterprise's size was derived: an SME.
    SmeDerived {
        code: "eligibility.sme_derived",
        severity: Info,
        citation: Some(sme::LAW_04_ART_4),
        meaning: (
            "Quy mô doanh nghiệp được xác định từ lĩnh vực, lao động, doanh thu hoặc nguồn vốn.",
            "The enterprise size was derived from sector, employees and revenue or capital.",
        ),
        fix: ("Không cần xử lý.", "Nothing to fix."),
        params: { sme_status: SmeStatus, legal_basis: Citation, bands_note: BandsNote },
        message: (
            "Quy mô xác định được: {sme_status}; doanh nghiệp là doanh nghiệp nhỏ và vừa nên thuộc cơ sở công nghiệp nông thôn.{bands_note}",
            "Derived size: {sme_status}; the enterprise is an SME and so a rural industrial establishment.{bands_note}",
        ),
    }

    /// A large enterprise, declared or derived: not a rural industrial establishment.
    LargeEnterprise {
        code: "eligibility.large_enterprise",
        severity: Error,
        citation: Some(sme::LAW_04_ART_4),
        meaning: (
            "Doanh nghiệp vượt tiêu chí doanh nghiệp nhỏ và vừa: không phải cơ sở công nghiệp nông thôn.",
            "The enterprise exceeds the SME bands: not a rural industrial establishment.",
        ),
        fix: (
            "Chỉ có thể được hỗ trợ với tư cách cơ sở áp dụng sản xuất sạch hơn.",
            "It can only be supported as a cleaner-production establishment.",
        ),
        params: { sme_status: Option<SmeStatus> },
        message: match sme_status {
            None => (
                "Doanh nghiệp lớn không phải doanh nghiệp nhỏ và vừa nên không phải cơ sở công nghiệp nông thôn.",
                "A large enterprise is not an SME and so not a rural industrial establishment.",
            ),
            Some(_) => (
                "Doanh nghiệp vượt ngưỡng doanh nghiệp vừa (khoản 3 Điều 5 Nghị định 80/2021/NĐ-CP; Điều 4 Luật 04/2017/QH14): là doanh nghiệp lớn, không phải cơ sở công nghiệp nông thôn.",
                "The enterprise exceeds the medium band (Decree 80/2021 Art. 5.3; Law 04/2017 Art. 4): a large enterprise, not a rural industrial establishment.",
            ),
        }
    }

    /// The figures do not decide the size.
    SmeIndeterminate {
        code: "eligibility.sme_indeterminate",
        severity: Warning,
        citation: Some(sme::LAW_04_ART_4),
        meaning: (
            "Thiếu dữ kiện để xác định doanh nghiệp nhỏ và vừa.",
            "Facts are missing to decide whether the enterprise is an SME.",
        ),
        fix: (
            "Bổ sung các dữ kiện được liệt kê trong missing_facts.",
            "Supply the facts listed in missing_facts.",
        ),
        params: {},
        message: (
            "Thiếu dữ kiện để xác định doanh nghiệp nhỏ và vừa (lĩnh vực, lao động có bảo hiểm xã hội, và doanh thu hoặc tổng nguồn vốn).",
            "Facts are missing to decide SME status (sector, insured employees, and revenue or total capital).",
        ),
    }

    /// The SME bands in force on the date are not modelled.
    SmeNotAssessed {
        code: "eligibility.sme_not_assessed",
        severity: Warning,
        citation: None,
        meaning: (
            "Tiêu chí doanh nghiệp nhỏ và vừa trước ngày 11/3/2018 (Nghị định 56/2009/NĐ-CP) chưa được mô hình hóa.",
            "SME bands before 2018-03-11 (Decree 56/2009/ND-CP) are not modelled.",
        ),
        fix: (
            "Cơ quan thẩm định tự xác định quy mô theo Nghị định 56/2009/NĐ-CP.",
            "The reviewer decides the size under Decree 56/2009/ND-CP.",
        ),
        params: { as_of: NaiveDate },
        text: { bands_from = DECREE_39_EFFECTIVE },
        message: (
            "Ngày {as_of} trước {bands_from}: quy mô doanh nghiệp theo Nghị định 56/2009/NĐ-CP với các ngưỡng khác, chưa được mô hình hóa; không đánh giá.",
            "{as_of} is before {bands_from}: enterprise size then follows Decree 56/2009 with different bands, which are not modelled; not assessed.",
        ),
    }

    /// The figures are not those of the year before.
    SmeFiguresYear {
        code: "eligibility.sme_figures_year",
        severity: Warning,
        citation: Some(ND80_7),
        meaning: (
            "Số liệu doanh nghiệp không phải của năm trước liền kề.",
            "The SME figures are not for the previous year.",
        ),
        fix: ("Dùng số liệu năm trước liền kề.", "Use the previous year's figures."),
        params: { figures_year: i32, expected_year: i32 },
        message: (
            "Số liệu là của năm {figures_year}, không phải năm trước liền kề ({expected_year}).",
            "The figures are for {figures_year}, not the previous year ({expected_year}).",
        ),
    }
}

/// The pointer of an SME fact, by its field name.
fn pointer(field: &'static str) -> &'static str {
    match field {
        "sector" => "/sme/sector",
        "average_insured_employees" => "/sme/average_insured_employees",
        "previous_year_revenue" => "/sme/previous_year_revenue",
        "total_capital" => "/sme/total_capital",
        _ => POINTER,
    }
}

/// SME status is derived, never asserted (TT 46/2012 Art. 3.1: the SME law in force);
/// `legal_basis` is the provision of Art. 1.2(a) in force.
pub(super) fn check(
    a: &ApplicantFacts,
    date: NaiveDate,
    legal_basis: Citation,
    trail: &mut Trail,
) -> SmeStatus {
    let r = sme::classify(&a.sme, date);
    let used = || r.used.iter().map(|f| pointer(f));
    match r.status.is_sme() {
        Some(true) => trail.pass(|| {
            SmeDerived {
                sme_status: r.status,
                legal_basis,
                bands_note: if r.confidence == Confidence::Secondary {
                    BandsNote::Decree39
                } else {
                    BandsNote::Decree80
                },
            }
            .at(POINTER)
            .cite(r.citation)
            .confidence(r.confidence)
            .facts(used())
        }),
        Some(false) => trail.fail(
            LargeEnterprise {
                sme_status: Some(r.status),
            }
            .at(POINTER)
            .cite(r.citation)
            .confidence(r.confidence)
            .facts(used()),
        ),
        None if r.status == SmeStatus::NotAssessed => trail.not_assessed(
            SmeNotAssessed { as_of: date }
                .at(POINTER)
                .cite(r.citation)
                .confidence(Confidence::Secondary),
        ),
        None => trail.unknown(
            SmeIndeterminate {}
                .at(POINTER)
                .cite(r.citation)
                .confidence(r.confidence),
            r.missing.iter().map(|f| pointer(f)),
        ),
    }
    let expected_year = date.year() - 1;
    if let Some(figures_year) = a.sme.figures_year
        && figures_year != expected_year
        && r.status != SmeStatus::NotAssessed
    {
        trail.note(
            SmeFiguresYear {
                figures_year,
                expected_year,
            }
            .at(FIGURES_YEAR)
            .confidence(r.confidence)
            .facts([FIGURES_YEAR]),
        );
    }
    r.status
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assessed, day};
    use super::{SmeDerived, SmeNotAssessed};
    use crate::activity::Activity;
    use crate::eligibility::Verdict;
    use crate::law::Confidence;

    fn enterprise() -> String {
        super::super::test_support::establishment(
            r#"{"legal_form": "enterprise", "sme": {"sector": "industry_construction",
                "average_insured_employees": 40, "previous_year_revenue": 10000000000}}"#,
        )
    }

    /// Before Decree 39/2018 the bands are not modelled; from it they are secondary; from
    /// Decree 80/2021 confirmed.
    #[test]
    fn bands_by_date() {
        let m = Activity::AdvancedMachinery;
        let cases = [
            (
                day(2018, 3, 10),
                Verdict::Indeterminate,
                Confidence::Secondary,
            ),
            (day(2018, 3, 11), Verdict::Eligible, Confidence::Secondary),
            (day(2021, 10, 14), Verdict::Eligible, Confidence::Secondary),
            (day(2021, 10, 15), Verdict::Eligible, Confidence::Confirmed),
        ];
        for (date, verdict, confidence) in cases {
            let a = assessed(&enterprise(), m, date);
            assert_eq!((a.verdict, a.confidence), (verdict, confidence), "{date}");
            let code = if verdict == Verdict::Eligible {
                SmeDerived::DEF.code
            } else {
                SmeNotAssessed::DEF.code
            };
            assert!(a.findings.iter().any(|f| f.code == code), "{date}");
        }
    }
}
