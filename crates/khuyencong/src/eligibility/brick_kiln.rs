//! No support for fired-clay brick from improved-manual or ring kilns.
//!
//! | rule | article | confidence |
//! |---|---|---|
//! | building materials (and, from 2025-10-15, those saving mineral resources of the amended Art. 5.1(c)): no support for fired-clay brick from improved-manual or ring kilns (from 2013-02-10, when the circular took effect) | TT 46/2012 Art. 5.1 | confirmed (the 2025 industry itself secondary) |
//!
//! Decree 235/2025 narrowed the building materials of Art. 5.1(c) to those saving mineral
//! resources; the circular's exclusion of these kilns was not lifted, so it applies to the
//! narrowed industry as it did to the 2012 one.

use chrono::NaiveDate;

use crate::applicant::{ApplicantFacts, KilnTechnology};
use crate::finding::finding_kinds;
use crate::law::{Confidence, TT_46_EFFECTIVE};

use super::industry;
use super::trail::Trail;

const POINTER: &str = "/kiln_technology";

finding_kinds! {
    /// The technology is excluded.
    BrickKilnExcluded {
        code: "eligibility.brick_kiln_excluded",
        severity: Error,
        citation: Some(KilnTechnology::citation()),
        meaning: (
            "Không hỗ trợ sản xuất gạch đất sét nung bằng lò thủ công cải tiến, lò vòng.",
            "No support for fired-clay brick from improved-manual or ring kilns.",
        ),
        fix: (
            "Lò thủ công cải tiến, lò vòng không được hỗ trợ; hỗ trợ dành cho sản xuất vật liệu xây dựng theo công nghệ mới, vật liệu xây không nung: nếu đề án chuyển sang công nghệ đó, khai báo kiln_technology tương ứng.",
            "These kilns cannot be supported; support goes to new-technology and unfired building materials: if the scheme moves to such a technology, give that kiln_technology.",
        ),
        params: { kiln: KilnTechnology },
        message: (
            "Không hỗ trợ {kiln} (khoản 1 Điều 5 Thông tư 46/2012/TT-BCT).",
            "No support for {kiln} (Circular 46/2012 Art. 5.1).",
        ),
    }

    /// The technology of a building-materials producer is not given.
    KilnUnknown {
        code: "eligibility.kiln_unknown",
        severity: Warning,
        citation: Some(KilnTechnology::citation()),
        meaning: (
            "Chưa có công nghệ, loại lò sản xuất vật liệu xây dựng.",
            "The building-materials technology is not given.",
        ),
        fix: (
            "Bổ sung các dữ kiện được liệt kê trong missing_facts.",
            "Supply the facts listed in missing_facts.",
        ),
        params: {},
        message: (
            "Vật liệu xây dựng: cần biết công nghệ, loại lò (không hỗ trợ gạch nung bằng lò thủ công cải tiến, lò vòng).",
            "Building materials: the technology or kiln is needed (fired-clay brick from improved-manual or ring kilns is excluded).",
        ),
    }

    /// The exclusion was not yet in force.
    KilnRuleNotInForce {
        code: "eligibility.kiln_rule_not_in_force",
        severity: Info,
        citation: Some(KilnTechnology::citation()),
        meaning: (
            "Quy định loại trừ lò gạch của Thông tư 46/2012/TT-BCT chưa có hiệu lực tại ngày đánh giá.",
            "The brick-kiln exclusion of Circular 46/2012 was not yet in force on the assessment date.",
        ),
        fix: ("Không cần xử lý.", "Nothing to fix."),
        params: {},
        text: { from = TT_46_EFFECTIVE },
        message: (
            "Quy định không hỗ trợ lò gạch thủ công cải tiến, lò vòng (Thông tư 46/2012/TT-BCT) có hiệu lực từ {from}; chưa áp dụng.",
            "The exclusion of improved-manual and ring kilns (Circular 46/2012) applies from {from}; not applied.",
        ),
    }
}

/// TT 46/2012 Art. 5.1, from the day the circular took effect.
pub(super) fn check(a: &ApplicantFacts, date: NaiveDate, trail: &mut Trail) {
    if date < TT_46_EFFECTIVE {
        trail.pass(|| {
            KilnRuleNotInForce {}
                .at(POINTER)
                .confidence(Confidence::Confirmed)
        });
        return;
    }
    match a.kiln_technology {
        None => trail.unknown(
            KilnUnknown {}.at(POINTER).confidence(Confidence::Confirmed),
            [POINTER],
        ),
        Some(kiln) if kiln.excluded() => trail.fail(
            BrickKilnExcluded { kiln }
                .at(POINTER)
                .confidence(Confidence::Confirmed)
                .facts([industry::POINTER, POINTER]),
        ),
        Some(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assess_codes, day, establishment, verdict};
    use super::BrickKilnExcluded;
    use crate::activity::Activity;
    use crate::eligibility::Verdict;

    /// The exclusion applies from 2013-02-10, the first day of Circular 46/2012.
    #[test]
    fn from_the_first_day_of_the_circular() {
        let ring = establishment(
            r#"{"industry": "building_materials", "kiln_technology": "ring_kiln_fired_clay"}"#,
        );
        let m = Activity::AdvancedMachinery;
        assert_eq!(verdict(&ring, m, day(2013, 2, 9)), Verdict::Eligible);
        assert_eq!(verdict(&ring, m, day(2013, 2, 10)), Verdict::NotEligible);
        let tunnel = establishment(
            r#"{"industry": "building_materials", "kiln_technology": "tunnel_kiln"}"#,
        );
        assert_eq!(verdict(&tunnel, m, day(2013, 2, 10)), Verdict::Eligible);
        let unknown = establishment(r#"{"industry": "building_materials"}"#);
        assert_eq!(
            verdict(&unknown, m, day(2013, 2, 10)),
            Verdict::Indeterminate
        );
    }

    /// The building materials of the amended Art. 5.1(c) keep the exclusion: from
    /// 2025-10-15 a ring kiln is refused and a tunnel kiln eligible, and the technology is
    /// needed; the 2012 wording is no longer on the list that day.
    #[test]
    fn narrowed_building_materials_from_2025_10_15() {
        let m = Activity::AdvancedMachinery;
        let d = day(2025, 10, 15);
        let with = |industry: &str, kiln: &str| {
            establishment(&format!(
                r#"{{"industry": "{industry}", "kiln_technology": "{kiln}"}}"#
            ))
        };
        let saving = "building_materials_resource_saving";
        assert_eq!(
            verdict(&with(saving, "ring_kiln_fired_clay"), m, d),
            Verdict::NotEligible
        );
        let codes = assess_codes(&with(saving, "ring_kiln_fired_clay"), m, d);
        assert!(codes.iter().any(|c| c == BrickKilnExcluded::DEF.code));
        assert_eq!(
            verdict(&with(saving, "tunnel_kiln"), m, d),
            Verdict::Eligible
        );
        let unknown = establishment(&format!(r#"{{"industry": "{saving}"}}"#));
        assert_eq!(verdict(&unknown, m, d), Verdict::Indeterminate);
        // The narrowed industry does not exist the day before.
        assert_eq!(
            verdict(&with(saving, "tunnel_kiln"), m, day(2025, 10, 14)),
            Verdict::NotEligible
        );
        assert_eq!(
            verdict(&with("building_materials", "tunnel_kiln"), m, d),
            Verdict::NotEligible
        );
    }
}
