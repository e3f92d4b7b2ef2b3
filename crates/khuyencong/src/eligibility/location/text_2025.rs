//! The places of Art. 1.2(a) as replaced by Decree 235/2025 (from 2025-10-15).
//!
//! | rule | article | confidence |
//! |---|---|---|
//! | places, 2025 text: communes, wards and special zones of provinces; communes and special zones of centrally-run cities; any craft village recognised by the province | Decree 235/2025 Art. 1.1 | confirmed (partial text read) |
//!
//! The decision table ([`answer`]):
//!
//! | recognised craft village | unit | tier-1 unit | answer |
//! |---|---|---|---|
//! | yes | any | any | eligible |
//! | no or not given | commune, special zone | any | eligible |
//! | no or not given | ward | province | eligible |
//! | no | ward | centrally-run city | not eligible |
//! | not given | ward | centrally-run city | needs the craft-village fact |
//! | no or not given | ward | not given | needs the tier-1 unit (and the craft-village fact) |
//! | no or not given | ward | another kind | the kind does not exist there |
//! | no or not given | another kind | — | the kind does not exist in the two-tier map |
//! | no or not given | not given | — | needs the unit (and the craft-village fact) |

use crate::applicant::Location;
use crate::finding::texts;
use crate::law::Confidence;
use crate::location::AdminUnit;

use super::super::ND235_1_1;
use super::Answer;
use super::Field::{CraftVillageRecognised, ProvinceKind, UnitKind};

texts! {
    /// The rows of the 2025 table.
    pub(crate) enum Row {
        CraftVillage = (
            "recognised_craft_village",
            "Làng nghề được Ủy ban nhân dân cấp tỉnh công nhận: thuộc địa bàn được hỗ trợ.",
            "A craft village recognised by the provincial People's Committee: an eligible place.",
        ),
        CommuneOrSpecialZone = (
            "commune_or_special_zone",
            "Xã, đặc khu (của tỉnh hoặc thành phố trực thuộc trung ương): thuộc địa bàn được hỗ trợ.",
            "A commune or special zone (of a province or centrally-run city): an eligible place.",
        ),
        WardOfProvince = (
            "ward_of_province",
            "Phường của tỉnh: thuộc địa bàn được hỗ trợ.",
            "A ward of a province: an eligible place.",
        ),
        WardOfCity = (
            "ward_of_centrally_run_city",
            "Phường của thành phố trực thuộc trung ương, không phải làng nghề được công nhận: không thuộc địa bàn được hỗ trợ.",
            "A ward of a centrally-run city that is not a recognised craft village: not an eligible place.",
        ),
        CraftVillageNeeded = (
            "craft_village_needed",
            "Phường của thành phố trực thuộc trung ương chỉ được hỗ trợ nếu là làng nghề được Ủy ban nhân dân cấp tỉnh công nhận.",
            "A ward of a centrally-run city is eligible only as a craft village recognised by the provincial People's Committee.",
        ),
        ProvinceKindNeeded = (
            "tier_1_unit_needed",
            "Phường: cần biết thuộc tỉnh hay thành phố trực thuộc trung ương.",
            "A ward: whether it belongs to a province or a centrally-run city is needed.",
        ),
        UnitNeeded = (
            "unit_or_craft_village_needed",
            "Cần biết địa điểm là xã, phường hay đặc khu (hoặc là làng nghề được công nhận).",
            "Whether the place is a commune, ward or special zone (or a recognised craft village) is needed.",
        ),
    }
}

/// The 2025 table (see the module documentation).
pub(super) fn answer(place: &Location) -> Answer {
    use AdminUnit::{CentrallyRunCity, Commune, Province, SpecialZone, Ward};
    let cite = ND235_1_1;
    let sure = Confidence::Confirmed;
    let village = place.craft_village_recognised;
    if village == Some(true) {
        return Answer::eligible(Row::CraftVillage, &[CraftVillageRecognised], cite, sure);
    }
    match (place.unit_kind, place.province_kind) {
        (Some(Commune | SpecialZone), _) => {
            Answer::eligible(Row::CommuneOrSpecialZone, &[UnitKind], cite, sure)
        }
        (Some(Ward), Some(Province)) => {
            Answer::eligible(Row::WardOfProvince, &[UnitKind, ProvinceKind], cite, sure)
        }
        (Some(Ward), Some(CentrallyRunCity)) => match village {
            Some(_) => Answer::not_eligible(
                Row::WardOfCity,
                &[UnitKind, ProvinceKind, CraftVillageRecognised],
                cite,
                sure,
            ),
            None => Answer::unknown(Row::CraftVillageNeeded, &[CraftVillageRecognised], cite),
        },
        (Some(Ward), Some(other)) => Answer::NotInEra(ProvinceKind, other),
        (Some(Ward), None) => match village {
            None => Answer::unknown(
                Row::ProvinceKindNeeded,
                &[ProvinceKind, CraftVillageRecognised],
                cite,
            ),
            Some(_) => Answer::unknown(Row::ProvinceKindNeeded, &[ProvinceKind], cite),
        },
        (Some(other), _) => Answer::NotInEra(UnitKind, other),
        (None, _) => match village {
            None => Answer::unknown(Row::UnitNeeded, &[UnitKind, CraftVillageRecognised], cite),
            Some(_) => Answer::unknown(Row::UnitNeeded, &[UnitKind], cite),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::test_support::{assessed, day, establishment};
    use crate::activity::Activity;
    use crate::eligibility::Verdict;

    /// A ward of a centrally-run city: not eligible the day the text took effect, unless a
    /// recognised craft village; a ward of a province is.
    #[test]
    fn wards_of_provinces_and_cities() {
        let at = |place: &str| {
            let facts = establishment(&format!(r#"{{"head_office": {place}}}"#));
            let a = assessed(&facts, Activity::AdvancedMachinery, day(2025, 10, 15));
            (a.verdict, a.missing_facts)
        };
        let city = r#""unit_kind": "ward", "province_kind": "centrally_run_city""#;
        assert_eq!(
            at(&format!(r#"{{{city}, "craft_village_recognised": false}}"#)).0,
            Verdict::NotEligible
        );
        assert_eq!(
            at(&format!(r#"{{{city}, "craft_village_recognised": true}}"#)).0,
            Verdict::Eligible
        );
        assert_eq!(
            at(&format!("{{{city}}}")).1,
            ["/head_office/craft_village_recognised"]
        );
        assert_eq!(
            at(r#"{"unit_kind": "ward", "province_kind": "province"}"#).0,
            Verdict::Eligible
        );
        assert_eq!(
            at("{}").1,
            [
                "/head_office/unit_kind",
                "/head_office/craft_village_recognised"
            ]
        );
    }
}
