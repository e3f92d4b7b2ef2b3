//! Between 2025-07-01 and 2025-10-14 the 2012 text of Decree 45/2012 Art. 1.2(a) met the
//! two-tier map: districts were gone, and the text did not know the new units.
//!
//! | rule | article | confidence |
//! |---|---|---|
//! | places, 2012 text on the two-tier map (2025-07-01 … 2025-10-14): communes; special zones read as districts; a ward by its former tier-2 unit (and class), else indeterminate | Decree 45/2012 Art. 1.2(a) | communes confirmed; special zones and wards a reading (secondary) |
//!
//! The decision table ([`answer`]):
//!
//! | unit | former tier-2 unit | answer |
//! |---|---|---|
//! | commune | — | eligible |
//! | special zone | — | eligible (it replaced an island district; districts are covered anywhere) — secondary |
//! | ward | not given | needs the former tier-2 unit |
//! | ward | rural district, town | eligible — secondary |
//! | ward | provincial city, city of a centrally-run city, urban district | the 2012 ward test on the former city's class (`text_2012::ward_of_city`) — secondary |
//! | ward | another kind | the kind does not exist there |
//! | another kind | — | the kind does not exist in the two-tier map |
//! | not given | — | needs the unit |

use chrono::NaiveDate;

use crate::applicant::Location;
use crate::finding::texts;
use crate::law::{Confidence, DECREE_235_EFFECTIVE, Point, TWO_TIER_EFFECTIVE};
use crate::location::AdminUnit;

use super::super::nd45_1_2;
use super::Field::{FormerParentKind, FormerParentUrbanClass, UnitKind};
use super::{Answer, text_2012};

/// The last day of the window: the day before Decree 235/2025 took effect.
const WINDOW_LAST_DAY: NaiveDate = match DECREE_235_EFFECTIVE.pred_opt() {
    Some(d) => d,
    None => panic!("no day before the effective date"),
};

texts! {
    /// The rows of the window's table.
    pub(crate) enum Row {
        Commune = (
            "commune_two_tier",
            "Xã (hệ thống hai cấp): thuộc địa bàn được hỗ trợ theo điểm a khoản 2 Điều 1 bản năm 2012.",
            "A commune (two-tier map): eligible under the 2012 wording of Art. 1.2(a).",
        ),
        SpecialZone = (
            "special_zone_as_district",
            "Đặc khu (từ {from}) thay cho huyện đảo; văn bản năm 2012 bao gồm toàn bộ huyện nên đặc khu được coi như huyện (cách đọc, nguồn thứ cấp).",
            "A special zone (from {from}) replaced an island district; the 2012 text covers districts anywhere, so a special zone is treated like a district (a reading, secondary).",
        ),
        FormerParentNeeded = (
            "former_tier_2_unit_needed",
            "Phường từ {from} đến {until}: chỉ xác định được khi biết đơn vị cấp huyện cũ (và loại đô thị) của phường.",
            "A ward between {from} and {until}: decidable only with the kind (and urban class) of its former tier-2 unit.",
        ),
        WardOfFormerDistrictOrTown = (
            "ward_of_former_district_or_town",
            "Phường có đơn vị cấp huyện cũ là huyện hoặc thị xã: được hỗ trợ theo văn bản năm 2012 (áp dụng cho đơn vị mới — cách đọc).",
            "A ward whose former tier-2 unit was a rural district or town: eligible under the 2012 text (applied to the new units — a reading).",
        ),
        UnitNeeded = (
            "unit_needed_two_tier",
            "Cần biết địa điểm là xã, phường hay đặc khu.",
            "Whether the place is a commune, ward or special zone is needed.",
        ),
    }
    shown: { from = TWO_TIER_EFFECTIVE, until = WINDOW_LAST_DAY }
}

/// The window's table (see the module documentation).
pub(super) fn answer(place: &Location, date: NaiveDate) -> Answer {
    use AdminUnit::{
        CityUnderCentralCity, Commune, ProvincialCity, RuralDistrict, SpecialZone, Town,
        UrbanDistrict, Ward,
    };
    let cite = nd45_1_2(Point::A);
    let reading = Confidence::Secondary;
    match place.unit_kind {
        Some(Commune) => Answer::eligible(Row::Commune, &[UnitKind], cite, Confidence::Confirmed),
        // Special zones took the place of island districts on 2025-07-01; the 2012 text
        // covers districts anywhere, so they are treated like districts (a reading).
        Some(SpecialZone) => Answer::eligible(Row::SpecialZone, &[UnitKind], cite, reading),
        Some(Ward) => match place.former_parent_kind {
            None => Answer::unknown(Row::FormerParentNeeded, &[FormerParentKind], cite),
            Some(RuralDistrict | Town) => Answer::eligible(
                Row::WardOfFormerDistrictOrTown,
                &[UnitKind, FormerParentKind],
                cite,
                reading,
            ),
            Some(ProvincialCity | CityUnderCentralCity | UrbanDistrict) => {
                text_2012::ward_of_city(place, date, FormerParentUrbanClass, reading)
            }
            Some(other) => Answer::NotInEra(FormerParentKind, other),
        },
        Some(other) => Answer::NotInEra(UnitKind, other),
        None => Answer::unknown(Row::UnitNeeded, &[UnitKind], cite),
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::test_support::{assessed, day, establishment};
    use crate::activity::Activity;
    use crate::eligibility::Verdict;

    /// A ward in the window is decided by its former city: class 3 eligible, class 1 by the
    /// five-year rule, unknown class indeterminate, no former unit indeterminate.
    #[test]
    fn wards_by_their_former_city() {
        let at = |place: &str| {
            let facts = establishment(&format!(r#"{{"head_office": {place}}}"#));
            let a = assessed(&facts, Activity::AdvancedMachinery, day(2025, 8, 1));
            (a.verdict, a.missing_facts)
        };
        let ward = r#""unit_kind": "ward", "former_parent_kind": "provincial_city""#;
        assert_eq!(
            at(&format!(
                r#"{{{ward}, "former_parent_urban_class": "class_3"}}"#
            ))
            .0,
            Verdict::Eligible
        );
        assert_eq!(
            at(&format!(
                r#"{{{ward}, "former_parent_urban_class": "class_1", "ward_converted_on": "2018-01-01"}}"#
            ))
            .0,
            Verdict::NotEligible
        );
        assert_eq!(
            at(&format!("{{{ward}}}")).1,
            ["/head_office/former_parent_urban_class"]
        );
        assert_eq!(
            at(r#"{"unit_kind": "ward"}"#).1,
            ["/head_office/former_parent_kind"]
        );
    }
}
