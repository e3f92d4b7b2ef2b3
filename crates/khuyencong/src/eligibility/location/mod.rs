//! The place of a rural industrial establishment: which of its places is judged, and under
//! which text.
//!
//! | rule | article | confidence |
//! |---|---|---|
//! | the place judged: the production site, else the head office; a head office in an ineligible place does not matter when production is in an eligible one | Decree 45/2012 Art. 1.2(a); TT 46/2012 Art. 3.1(d) | confirmed |
//!
//! The place test itself is a decision table per era of the law and of the map of
//! administrative units:
//!
//! | dates | text | map | table |
//! |---|---|---|---|
//! | until 2025-06-30 | Decree 45/2012 Art. 1.2(a) as issued | three tiers | `text_2012` (with `ward_conversion`) |
//! | 2025-07-01 … 2025-10-14 | the same text | two tiers | `window_2025` |
//! | from 2025-10-15 | Decree 235/2025 Art. 1.1 | two tiers | `text_2025` |
//!
//! Each table answers with data ([`Answer`]); only this module turns an answer into a
//! finding, so a place judged only for its outcome (the head office, when production is
//! elsewhere) builds no finding.

mod text_2012;
mod text_2025;
mod ward_conversion;
mod window_2025;

use std::fmt;

use chrono::NaiveDate;

use crate::applicant::{ApplicantFacts, Location};
use crate::finding::{Arg, Params, finding_kinds, texts};
use crate::law::{
    Citation, Confidence, GeographyEra, InstrumentId, Lang, Point, Regime, THREE_TIER_LAST_DAY,
    TT_46_EFFECTIVE, TWO_TIER_EFFECTIVE,
};
use crate::location::AdminUnit;

use super::trail::Trail;
use super::{art_1_2_a, nd45_1_2};

/// Circular 46/2012/TT-BCT Art. 3.1, one point (who counts as a rural industrial
/// establishment).
const fn tt46_3_1(point: Point) -> Citation {
    Citation::article(InstrumentId::Tt46_2012Bct, 3)
        .clause(1)
        .point(point)
}

finding_kinds! {
    /// The location facts do not decide the place test.
    LocationUnknown {
        code: "eligibility.location_unknown",
        severity: Warning,
        citation: Some(nd45_1_2(Point::A)),
        meaning: (
            "Chưa đủ dữ kiện về địa bàn.",
            "The location facts do not decide the location test.",
        ),
        fix: (
            "Bổ sung các dữ kiện được liệt kê trong missing_facts.",
            "Supply the facts listed in missing_facts.",
        ),
        params: { reason: Reason },
        message: ("{reason}", "{reason}"),
    }

    /// The place is eligible.
    LocationEligible {
        code: "eligibility.location_eligible",
        severity: Info,
        citation: Some(nd45_1_2(Point::A)),
        meaning: (
            "Địa bàn thuộc phạm vi của cơ sở công nghiệp nông thôn.",
            "The place is within the places of a rural industrial establishment.",
        ),
        fix: ("Không cần xử lý.", "Nothing to fix."),
        params: { reason: Reason },
        message: ("{reason}", "{reason}"),
    }

    /// The place is not eligible.
    LocationNotEligible {
        code: "eligibility.location_not_eligible",
        severity: Error,
        citation: Some(nd45_1_2(Point::A)),
        meaning: (
            "Địa bàn không thuộc phạm vi của cơ sở công nghiệp nông thôn.",
            "The place is outside the places of a rural industrial establishment.",
        ),
        fix: (
            "Nếu cơ sở sản xuất ở địa bàn khác, khai báo production_site.",
            "If production happens elsewhere, give production_site.",
        ),
        params: { reason: Reason },
        message: ("{reason}", "{reason}"),
    }

    /// A kind of unit that does not exist where it is given, in the map of the date.
    UnitNotInEra {
        code: "eligibility.unit_not_in_era",
        severity: Warning,
        citation: None,
        meaning: (
            "Loại đơn vị hành chính không tồn tại trong hệ thống đơn vị hành chính tại ngày đánh giá.",
            "The kind of administrative unit does not exist in the map in force on the assessment date.",
        ),
        fix: (
            "Khai báo đơn vị hành chính theo bản đồ tại ngày đánh giá.",
            "Give the units of the map in force on the assessment date.",
        ),
        params: { kind: AdminUnit, as_of: NaiveDate },
        text: { three_tiers_until = THREE_TIER_LAST_DAY, two_tiers_from = TWO_TIER_EFFECTIVE },
        message: (
            "Loại đơn vị `{kind}` không dùng được ở vị trí này theo hệ thống đơn vị hành chính ngày {as_of} (ba cấp đến {three_tiers_until}, hai cấp từ {two_tiers_from}).",
            "Unit kind `{kind}` does not fit here in the administrative map of {as_of} (three tiers until {three_tiers_until}, two tiers from {two_tiers_from}).",
        ),
    }

    /// The head office is in an ineligible place, the production site in an eligible one.
    ProductionSiteJudged {
        code: "eligibility.production_site_judged",
        severity: Info,
        citation: Some(tt46_3_1(Point::D)),
        meaning: (
            "Trụ sở ở địa bàn không đủ điều kiện nhưng cơ sở đầu tư, sản xuất ở địa bàn đủ điều kiện.",
            "The head office is in an ineligible place but the establishment invests and produces in an eligible one.",
        ),
        fix: ("Không cần xử lý.", "Nothing to fix."),
        params: {},
        message: (
            "Trụ sở chính ở địa bàn không đủ điều kiện nhưng cơ sở trực tiếp đầu tư, sản xuất tại địa bàn đủ điều kiện: xét theo địa điểm sản xuất.",
            "The head office is in an ineligible place but the establishment invests and produces in an eligible one: the production site decides.",
        ),
    }
}

texts! {
    /// Why no place can be judged.
    pub(crate) enum Given {
        NoPlace = (
            "no_place_given",
            "Chưa có địa điểm sản xuất hoặc trụ sở.",
            "Neither the production site nor the head office is given.",
        ),
    }
}

/// Which of the applicant's places is judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Site {
    /// Where the applicant invests and produces.
    Production,
    /// Where the applicant is registered.
    HeadOffice,
}

macro_rules! fields {
    ($( $(#[doc = $doc:literal])* $variant:ident = $name:literal ),* $(,)?) => {
        /// A fact of a place ([`Location`]'s fields that the tables read).
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub(super) enum Field {
            $( $(#[doc = $doc])* $variant, )*
        }

        impl Site {
            /// The place's own pointer.
            const fn base(self) -> &'static str {
                match self {
                    Self::Production => "/production_site",
                    Self::HeadOffice => "/head_office",
                }
            }

            /// The pointer of one of the place's facts.
            const fn pointer(self, field: Field) -> &'static str {
                match (self, field) {
                    $(
                        (Self::Production, Field::$variant) => concat!("/production_site/", $name),
                        (Self::HeadOffice, Field::$variant) => concat!("/head_office/", $name),
                    )*
                }
            }
        }
    };
}

fields! {
    /// `province_kind`.
    ProvinceKind = "province_kind",
    /// `district_kind`.
    DistrictKind = "district_kind",
    /// `city_urban_class`.
    CityUrbanClass = "city_urban_class",
    /// `unit_kind`.
    UnitKind = "unit_kind",
    /// `ward_converted_from_commune`.
    WardConvertedFromCommune = "ward_converted_from_commune",
    /// `ward_converted_on`.
    WardConvertedOn = "ward_converted_on",
    /// `former_parent_kind`.
    FormerParentKind = "former_parent_kind",
    /// `former_parent_urban_class`.
    FormerParentUrbanClass = "former_parent_urban_class",
    /// `craft_village_recognised`.
    CraftVillageRecognised = "craft_village_recognised",
}

/// Why a table answered as it did: the row's text, shown as the finding's message.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Reason {
    Given(Given),
    Text2012(text_2012::Row),
    UnlistedClass(text_2012::UnlistedClass),
    Conversion(ward_conversion::Row),
    Counted(ward_conversion::Counted),
    Window(window_2025::Row),
    Text2025(text_2025::Row),
}

impl Reason {
    fn inner(&self) -> &dyn Arg {
        match self {
            Self::Given(r) => r,
            Self::Text2012(r) => r,
            Self::UnlistedClass(r) => r,
            Self::Conversion(r) => r,
            Self::Counted(r) => r,
            Self::Window(r) => r,
            Self::Text2025(r) => r,
        }
    }
}

macro_rules! reasons_from {
    ($($variant:ident($ty:ty)),* $(,)?) => {$(
        impl From<$ty> for Reason {
            fn from(r: $ty) -> Self {
                Self::$variant(r)
            }
        }
    )*};
}

reasons_from! {
    Given(Given),
    Text2012(text_2012::Row),
    UnlistedClass(text_2012::UnlistedClass),
    Conversion(ward_conversion::Row),
    Counted(ward_conversion::Counted),
    Window(window_2025::Row),
    Text2025(text_2025::Row),
}

impl Arg for Reason {
    fn write(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner().write(lang, f)
    }
    fn json(&self) -> serde_json::Value {
        self.inner().json()
    }
    fn to_params(&self, name: &'static str, out: &mut Params) {
        self.inner().to_params(name, out);
    }
}

/// One table's ruling: why, on which provision, how sure, and the facts it read (or, when
/// undecided, still needs).
#[derive(Debug, Clone, Copy)]
pub(super) struct Ruling {
    reason: Reason,
    citation: Citation,
    confidence: Confidence,
    fields: &'static [Field],
}

/// A place's answer under one table.
#[derive(Debug, Clone, Copy)]
pub(super) enum Answer {
    /// An eligible place.
    Eligible(Ruling),
    /// Not an eligible place.
    NotEligible(Ruling),
    /// Undecided: `fields` are the facts needed.
    Unknown(Ruling),
    /// A unit of this kind does not fit at this field in the map of the date.
    NotInEra(Field, AdminUnit),
}

impl Answer {
    pub(super) fn eligible(
        reason: impl Into<Reason>,
        fields: &'static [Field],
        citation: Citation,
        confidence: Confidence,
    ) -> Self {
        Self::Eligible(Ruling {
            reason: reason.into(),
            citation,
            confidence,
            fields,
        })
    }

    pub(super) fn not_eligible(
        reason: impl Into<Reason>,
        fields: &'static [Field],
        citation: Citation,
        confidence: Confidence,
    ) -> Self {
        Self::NotEligible(Ruling {
            reason: reason.into(),
            citation,
            confidence,
            fields,
        })
    }

    /// Undecided until the facts at `fields` are given (a missing fact is certain to be
    /// needed, so the ruling is confirmed).
    pub(super) fn unknown(
        reason: impl Into<Reason>,
        fields: &'static [Field],
        citation: Citation,
    ) -> Self {
        Self::Unknown(Ruling {
            reason: reason.into(),
            citation,
            confidence: Confidence::Confirmed,
            fields,
        })
    }

    /// The table that governs `date` under `regime`.
    fn of(place: &Location, date: NaiveDate, regime: Regime) -> Self {
        if regime == Regime::Regime2025 {
            text_2025::answer(place)
        } else if GeographyEra::at(date) == GeographyEra::TwoTier {
            window_2025::answer(place, date)
        } else {
            text_2012::answer(place, date)
        }
    }

    const fn is_eligible(&self) -> bool {
        matches!(self, Self::Eligible(_))
    }

    const fn is_not_eligible(&self) -> bool {
        matches!(self, Self::NotEligible(_))
    }
}

/// Art. 1.2(a): the place. TT 46/2012 Art. 3.1(d): an establishment registered in an
/// ineligible place but investing and producing in an eligible one qualifies — the
/// production site decides; the head office is judged only when no production site is given.
pub(super) fn check(a: &ApplicantFacts, date: NaiveDate, regime: Regime, trail: &mut Trail) {
    match (&a.production_site, &a.head_office) {
        (Some(site), head) => {
            let answer = Answer::of(site, date, regime);
            if answer.is_eligible()
                && head
                    .as_ref()
                    .is_some_and(|h| Answer::of(h, date, regime).is_not_eligible())
            {
                trail.pass(|| {
                    let confidence = if date < TT_46_EFFECTIVE {
                        Confidence::Secondary
                    } else {
                        Confidence::Confirmed
                    };
                    ProductionSiteJudged {}
                        .at(Site::HeadOffice.base())
                        .confidence(confidence)
                        .facts([Site::HeadOffice.base(), Site::Production.base()])
                });
            }
            record(answer, Site::Production, date, trail);
        }
        (None, Some(head)) => record(
            Answer::of(head, date, regime),
            Site::HeadOffice,
            date,
            trail,
        ),
        (None, None) => {
            let pointer = Site::Production.base();
            trail.unknown(
                LocationUnknown {
                    reason: Reason::Given(Given::NoPlace),
                }
                .at(pointer)
                .cite(art_1_2_a(regime))
                .confidence(Confidence::Confirmed),
                [pointer],
            );
        }
    }
}

/// The finding of a place's answer.
fn record(answer: Answer, site: Site, date: NaiveDate, trail: &mut Trail) {
    let pointers = |fields: &'static [Field]| fields.iter().map(move |f| site.pointer(*f));
    match answer {
        Answer::Eligible(r) => trail.pass(|| {
            LocationEligible { reason: r.reason }
                .at(site.base())
                .cite(r.citation)
                .confidence(r.confidence)
                .facts(pointers(r.fields))
        }),
        Answer::NotEligible(r) => trail.fail(
            LocationNotEligible { reason: r.reason }
                .at(site.base())
                .cite(r.citation)
                .confidence(r.confidence)
                .facts(pointers(r.fields)),
        ),
        Answer::Unknown(r) => trail.unknown(
            LocationUnknown { reason: r.reason }
                .at(site.base())
                .cite(r.citation)
                .confidence(r.confidence),
            pointers(r.fields),
        ),
        Answer::NotInEra(field, kind) => {
            let pointer = site.pointer(field);
            trail.unknown(
                UnitNotInEra { kind, as_of: date }
                    .at(pointer)
                    .cite(nd45_1_2(Point::A))
                    .confidence(Confidence::Confirmed),
                [pointer],
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assessed, day, establishment};
    use super::{LocationEligible, LocationNotEligible, ProductionSiteJudged};
    use crate::activity::Activity;
    use crate::eligibility::Verdict;

    /// TT 46/2012 Art. 3.1(d): a head office in an ineligible ward with production in a
    /// commune is eligible, and says so; without the production site it is not.
    #[test]
    fn the_production_site_decides() {
        let ward = r#"{"district_kind": "urban_district", "unit_kind": "ward",
            "city_urban_class": "special"}"#;
        let both = establishment(&format!(
            r#"{{"head_office": {ward}, "production_site": {{"unit_kind": "commune"}}}}"#
        ));
        let a = assessed(&both, Activity::AdvancedMachinery, day(2024, 6, 1));
        assert_eq!(a.verdict, Verdict::Eligible);
        let codes: Vec<&str> = a.findings.iter().map(|f| f.code.as_str()).collect();
        assert!(codes.contains(&ProductionSiteJudged::DEF.code), "{codes:?}");
        assert!(codes.contains(&LocationEligible::DEF.code), "{codes:?}");
        let head_only = establishment(&format!(r#"{{"head_office": {ward}}}"#));
        let b = assessed(&head_only, Activity::AdvancedMachinery, day(2024, 6, 1));
        assert_eq!(b.verdict, Verdict::NotEligible);
        assert!(
            b.findings
                .iter()
                .any(|f| f.code == LocationNotEligible::DEF.code && f.path == "/head_office")
        );
    }

    /// Each table governs its own dates: a township (three tiers only) is eligible on
    /// 2025-06-30 and does not exist on 2025-07-01; a special zone (two tiers only) is read
    /// as a district on 2025-10-14 (secondary) and is named by the text on 2025-10-15.
    #[test]
    fn era_boundaries() {
        let at = |unit: &str, date| {
            let facts = establishment(&format!(
                r#"{{"head_office": {{"province_kind": "province", "unit_kind": "{unit}"}}}}"#
            ));
            let a = assessed(&facts, Activity::AdvancedMachinery, date);
            (a.verdict, a.missing_facts)
        };
        assert_eq!(at("township", day(2025, 6, 30)).0, Verdict::Eligible);
        assert_eq!(
            at("township", day(2025, 7, 1)),
            (
                Verdict::Indeterminate,
                vec!["/head_office/unit_kind".to_owned()]
            )
        );
        assert_eq!(
            at("special_zone", day(2025, 6, 30)),
            (
                Verdict::Indeterminate,
                vec!["/head_office/unit_kind".to_owned()]
            )
        );
        assert_eq!(at("special_zone", day(2025, 10, 14)).0, Verdict::Eligible);
        assert_eq!(at("special_zone", day(2025, 10, 15)).0, Verdict::Eligible);
    }
}
