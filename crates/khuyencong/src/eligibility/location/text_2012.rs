//! The places of Decree 45/2012 Art. 1.2(a) as issued, on the three-tier map (until
//! 2025-06-30).
//!
//! | rule | article | confidence |
//! |---|---|---|
//! | places, 2012 text: communes, townships, rural districts and towns anywhere; wards of class-2 and class-3 cities; wards of class-1 cities by the five-year rule (`ward_conversion`) | Decree 45/2012 Art. 1.2(a) | confirmed; wards of towns and of urban districts: a reading (secondary) |
//!
//! The decision table ([`answer`]), on the unit (`unit_kind`) and its tier-2 unit
//! (`district_kind`):
//!
//! | unit | tier-2 unit | answer |
//! |---|---|---|
//! | commune, township | any | eligible |
//! | another kind than ward | any | the kind does not exist at this tier |
//! | ward or not given | rural district | eligible (the whole district) |
//! | ward or not given | town | eligible (the whole town; for a ward a reading, secondary) |
//! | not given | provincial city, city of a centrally-run city, urban district | needs the unit |
//! | ward | provincial city, city of a centrally-run city, urban district | the ward test ([`ward_of_city`]; urban districts: secondary) |
//! | ward or not given | another kind | the kind does not exist at this tier |
//! | ward or not given | not given | needs the tier-2 unit (and the unit) |
//!
//! The ward test, on the city's urban class: class 2 or 3 eligible; class 1 by the five-year
//! rule; any other class is not listed. The 2025-07-01 … 2025-10-14 window applies the same
//! ward test to a ward's former city (`window_2025`).

use std::fmt;

use chrono::NaiveDate;

use crate::applicant::Location;
use crate::finding::{Arg, Params, Shown, texts};
use crate::law::{Confidence, Lang, Point};
use crate::location::{AdminUnit, UrbanClass};

use super::super::nd45_1_2;
use super::Field::{CityUrbanClass, DistrictKind, FormerParentUrbanClass, UnitKind};
use super::{Answer, Field, ward_conversion};

texts! {
    /// The rows of the 2012 table.
    pub(crate) enum Row {
        Commune = ("commune", "Xã: thuộc địa bàn được hỗ trợ.", "A commune: an eligible place."),
        Township = ("township", "Thị trấn: thuộc địa bàn được hỗ trợ.", "A township: an eligible place."),
        RuralDistrict = (
            "rural_district",
            "Huyện: toàn bộ địa bàn huyện được hỗ trợ.",
            "A rural district: the whole district is eligible.",
        ),
        Town = (
            "town",
            "Thị xã: được hỗ trợ trên toàn địa bàn thị xã (kể cả phường — cách đọc văn bản, chưa được xác nhận).",
            "A town: eligible throughout the town (wards included — a reading of the text, not confirmed).",
        ),
        UnitNeeded = (
            "commune_or_ward_needed",
            "Cần biết địa điểm là xã hay phường của thành phố, quận.",
            "Whether the place is a commune or a ward of the city or urban district is needed.",
        ),
        UnitsNeeded = (
            "units_needed",
            "Cần biết đơn vị cấp xã và đơn vị cấp huyện (huyện, thị xã, thành phố, quận) của địa điểm.",
            "The lowest unit and the tier-2 unit (district, town, city, urban district) of the place are needed.",
        ),
        ClassNeeded = (
            "city_urban_class_needed",
            "Phường của thành phố: cần biết loại đô thị của thành phố.",
            "A ward of a city: the city's urban class is needed.",
        ),
        WardOfClass2Or3 = (
            "ward_of_class_2_or_3_city",
            "Phường của thành phố loại II, loại III: thuộc địa bàn được hỗ trợ.",
            "A ward of a class-2 or class-3 city: an eligible place.",
        ),
    }
}

/// A ward of a city of a class the text does not list.
#[derive(Debug, Clone, Copy)]
pub(crate) struct UnlistedClass(UrbanClass);

impl Arg for UnlistedClass {
    fn write(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let class = Shown(&self.0, lang);
        let years = Shown(&ward_conversion::RULE.years, lang);
        match lang {
            Lang::Vi => write!(
                f,
                "Phường của đô thị `{class}`: không thuộc các địa bàn được liệt kê (chỉ phường của thành phố loại II, III, hoặc loại I mới chuyển từ xã không quá {years} năm)."
            ),
            Lang::En => write!(
                f,
                "A ward of a `{class}` urban area: not among the listed places (only wards of class-2/3 cities, or of class-1 cities converted from a commune within {years} years)."
            ),
        }
    }
    fn json(&self) -> serde_json::Value {
        "ward_of_unlisted_urban_class".into()
    }
    fn to_params(&self, name: &'static str, out: &mut Params) {
        out.insert(name, self.json());
        out.insert("urban_class", self.0.json());
    }
}

/// The 2012 table (see the module documentation).
pub(super) fn answer(place: &Location, date: NaiveDate) -> Answer {
    use AdminUnit::{
        CityUnderCentralCity, Commune, ProvincialCity, RuralDistrict, Town, Township,
        UrbanDistrict, Ward,
    };
    let cite = nd45_1_2(Point::A);
    let sure = Confidence::Confirmed;
    match (place.unit_kind, place.district_kind) {
        (Some(Commune), _) => Answer::eligible(Row::Commune, &[UnitKind], cite, sure),
        (Some(Township), _) => Answer::eligible(Row::Township, &[UnitKind], cite, sure),
        (Some(kind), _) if kind != Ward => Answer::NotInEra(UnitKind, kind),
        (_, Some(RuralDistrict)) => {
            Answer::eligible(Row::RuralDistrict, &[DistrictKind], cite, sure)
        }
        // The text lists towns (thị xã) without distinguishing their wards: read as the
        // whole town. For a ward this is the project's reading.
        (unit, Some(Town)) => {
            let confidence = if unit == Some(Ward) {
                Confidence::Secondary
            } else {
                sure
            };
            Answer::eligible(Row::Town, &[DistrictKind], cite, confidence)
        }
        (None, Some(ProvincialCity | CityUnderCentralCity | UrbanDistrict)) => {
            Answer::unknown(Row::UnitNeeded, &[UnitKind], cite)
        }
        (_, Some(kind @ (ProvincialCity | CityUnderCentralCity | UrbanDistrict))) => {
            // The reference table marks urban-district wards as a reading.
            let confidence = if kind == UrbanDistrict {
                Confidence::Secondary
            } else {
                sure
            };
            ward_of_city(place, date, CityUrbanClass, confidence)
        }
        (_, Some(kind)) => Answer::NotInEra(DistrictKind, kind),
        (None, None) => Answer::unknown(Row::UnitsNeeded, &[UnitKind, DistrictKind], cite),
        (Some(_), None) => Answer::unknown(Row::UnitsNeeded, &[DistrictKind], cite),
    }
}

/// Wards of cities (Decree 45/2012 Art. 1.2(a)): class 2 and 3 are eligible; class 1 only by
/// the five-year rule; others are not listed. `class_field` is the fact that holds the city's
/// class (the city of the date, or in the 2025 window the former city).
pub(super) fn ward_of_city(
    place: &Location,
    date: NaiveDate,
    class_field: Field,
    confidence: Confidence,
) -> Answer {
    let cite = nd45_1_2(Point::A);
    let class = if class_field == FormerParentUrbanClass {
        place.former_parent_urban_class
    } else {
        place.city_urban_class
    };
    let (needed, facts): (&'static [Field], &'static [Field]) =
        if class_field == FormerParentUrbanClass {
            (
                &[FormerParentUrbanClass],
                &[UnitKind, FormerParentUrbanClass],
            )
        } else {
            (&[CityUrbanClass], &[UnitKind, CityUrbanClass])
        };
    match class {
        None => Answer::unknown(Row::ClassNeeded, needed, cite),
        Some(UrbanClass::Class2 | UrbanClass::Class3) => {
            Answer::eligible(Row::WardOfClass2Or3, facts, cite, confidence)
        }
        Some(UrbanClass::Class1) => ward_conversion::answer(place, date, class_field, confidence),
        Some(other) => Answer::not_eligible(UnlistedClass(other), facts, cite, confidence),
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::test_support::{assessed, day, establishment};
    use crate::activity::Activity;
    use crate::eligibility::Verdict;
    use crate::law::Confidence;

    /// Each row of the table, on the last day of the three-tier map.
    #[test]
    fn rows() {
        let at = |place: &str| {
            let facts = establishment(&format!(r#"{{"head_office": {place}}}"#));
            let a = assessed(&facts, Activity::AdvancedMachinery, day(2025, 6, 30));
            (a.verdict, a.confidence, a.missing_facts)
        };
        let ok = |c| (Verdict::Eligible, c, Vec::<String>::new());
        let needs = |p: &[&str]| {
            (
                Verdict::Indeterminate,
                Confidence::Confirmed,
                p.iter()
                    .map(|s| format!("/head_office/{s}"))
                    .collect::<Vec<_>>(),
            )
        };
        let sure = Confidence::Confirmed;
        let reading = Confidence::Secondary;
        assert_eq!(at(r#"{"unit_kind": "commune"}"#), ok(sure));
        assert_eq!(at(r#"{"unit_kind": "township"}"#), ok(sure));
        assert_eq!(at(r#"{"district_kind": "rural_district"}"#), ok(sure));
        assert_eq!(at(r#"{"district_kind": "town"}"#), ok(sure));
        assert_eq!(
            at(r#"{"district_kind": "town", "unit_kind": "ward"}"#),
            ok(reading)
        );
        assert_eq!(
            at(r#"{"district_kind": "provincial_city"}"#),
            needs(&["unit_kind"])
        );
        assert_eq!(
            at(r#"{"district_kind": "provincial_city", "unit_kind": "ward"}"#),
            needs(&["city_urban_class"])
        );
        assert_eq!(
            at(
                r#"{"district_kind": "provincial_city", "unit_kind": "ward", "city_urban_class": "class_3"}"#
            ),
            ok(sure)
        );
        assert_eq!(
            at(
                r#"{"district_kind": "urban_district", "unit_kind": "ward", "city_urban_class": "class_2"}"#
            ),
            ok(reading)
        );
        assert_eq!(
            at(r#"{"district_kind": "provincial_city", "unit_kind": "ward", "city_urban_class": "class_4"}"#).0,
            Verdict::NotEligible
        );
        assert_eq!(at("{}"), needs(&["unit_kind", "district_kind"]));
        assert_eq!(at(r#"{"unit_kind": "ward"}"#), needs(&["district_kind"]));
        assert_eq!(
            at(r#"{"unit_kind": "special_zone"}"#),
            needs(&["unit_kind"])
        );
        assert_eq!(
            at(r#"{"district_kind": "province"}"#),
            needs(&["district_kind"])
        );
    }
}
