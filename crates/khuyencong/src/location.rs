//! Administrative units before and after the 2025 reform, and urban classes
//! (modelling decision 2).

use crate::codelist::{codelist, regimes::*};
use crate::law::{
    Citation, DECREE_45_EFFECTIVE as D45, InstrumentId, Point,
    THREE_TIER_LAST_DAY as LAST_THREE_TIER, TWO_TIER_EFFECTIVE as FIRST_TWO_TIER,
};

const ART1_2A: Citation = Citation::article(InstrumentId::Nd45_2012, 1)
    .clause(2)
    .point(Point::A);
const ND235_1_1: Citation = Citation::article(InstrumentId::Nd235_2025, 1).clause(1);

codelist! {
    /// A kind of administrative unit, as the location tests of Decree 45/2012/NĐ-CP Art. 1.2(a)
    /// name them. Until 2025-06-30 there were three tiers (province → district, town or provincial
    /// city → commune, ward or township); from 2025-07-01 two (province or centrally-run city →
    /// commune, ward or special zone).
    pub enum AdminUnit: "admin_units" {
        /// Province (tỉnh) — tier 1.
        Province = ("province", "Tỉnh", "Province",
            ART1_2A, D45, None, BOTH),
        /// Centrally-run city (thành phố trực thuộc trung ương) — tier 1.
        CentrallyRunCity = ("centrally_run_city", "Thành phố trực thuộc trung ương", "Centrally-run city",
            ART1_2A, D45, None, BOTH),
        /// Rural district (huyện) — tier 2, until 2025-06-30.
        RuralDistrict = ("rural_district", "Huyện", "Rural district",
            ART1_2A, D45, Some(LAST_THREE_TIER), ONLY_2012),
        /// Town (thị xã) — tier 2, until 2025-06-30.
        Town = ("town", "Thị xã", "Town",
            ART1_2A, D45, Some(LAST_THREE_TIER), ONLY_2012),
        /// Provincial city (thành phố thuộc tỉnh) — tier 2, until 2025-06-30; carries an urban class.
        ProvincialCity = ("provincial_city", "Thành phố thuộc tỉnh", "Provincial city",
            ART1_2A, D45, Some(LAST_THREE_TIER), ONLY_2012),
        /// City under a centrally-run city (thành phố thuộc thành phố trực thuộc trung ương) — tier 2, until 2025-06-30.
        CityUnderCentralCity = ("city_under_centrally_run_city", "Thành phố thuộc thành phố trực thuộc trung ương", "City under a centrally-run city",
            ART1_2A, D45, Some(LAST_THREE_TIER), ONLY_2012),
        /// Urban district (quận) — tier 2, until 2025-06-30; not listed by Art. 1.2(a).
        UrbanDistrict = ("urban_district", "Quận", "Urban district",
            ART1_2A, D45, Some(LAST_THREE_TIER), ONLY_2012, "not among the places listed by Art. 1.2(a)"),
        /// Commune (xã) — tier 3, then tier 2.
        Commune = ("commune", "Xã", "Commune",
            ART1_2A, D45, None, BOTH),
        /// Ward (phường) — tier 3, then tier 2.
        Ward = ("ward", "Phường", "Ward",
            ART1_2A, D45, None, BOTH),
        /// Township (thị trấn) — tier 3, until 2025-06-30.
        Township = ("township", "Thị trấn", "Township",
            ART1_2A, D45, Some(LAST_THREE_TIER), ONLY_2012),
        /// Special zone (đặc khu) — tier 2, from 2025-07-01.
        SpecialZone = ("special_zone", "Đặc khu", "Special zone",
            ND235_1_1, FIRST_TWO_TIER, None, BOTH,
            "exists from 2025-07-01; named by Decree 235/2025 from 2025-10-15"),
    }
}

impl AdminUnit {
    /// The tier of the unit in its era (1 = province level).
    pub const fn tier(self) -> u8 {
        match self {
            Self::Province | Self::CentrallyRunCity => 1,
            Self::RuralDistrict
            | Self::Town
            | Self::ProvincialCity
            | Self::CityUnderCentralCity
            | Self::UrbanDistrict
            | Self::SpecialZone => 2,
            Self::Commune | Self::Ward | Self::Township => 3,
        }
    }
}

codelist! {
    /// The urban class of a city or town (loại đô thị). Decree 45/2012/NĐ-CP Art. 1.2(a) admits
    /// wards of class-2 and class-3 cities, and wards of class-1 cities converted from a commune
    /// within five years.
    pub enum UrbanClass: "urban_classes" {
        /// Special class (đô thị loại đặc biệt).
        Special = ("special", "Đô thị loại đặc biệt", "Special-class urban area",
            ART1_2A, D45, None, ONLY_2012),
        /// Class 1 (loại I).
        Class1 = ("class_1", "Đô thị loại I", "Class-1 urban area",
            ART1_2A, D45, None, ONLY_2012),
        /// Class 2 (loại II).
        Class2 = ("class_2", "Đô thị loại II", "Class-2 urban area",
            ART1_2A, D45, None, ONLY_2012),
        /// Class 3 (loại III).
        Class3 = ("class_3", "Đô thị loại III", "Class-3 urban area",
            ART1_2A, D45, None, ONLY_2012),
        /// Class 4 (loại IV).
        Class4 = ("class_4", "Đô thị loại IV", "Class-4 urban area",
            ART1_2A, D45, None, ONLY_2012),
        /// Class 5 (loại V).
        Class5 = ("class_5", "Đô thị loại V", "Class-5 urban area",
            ART1_2A, D45, None, ONLY_2012),
    }
}
