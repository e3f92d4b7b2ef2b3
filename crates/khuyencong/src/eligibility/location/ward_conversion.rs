//! Wards of class-1 cities converted from a commune: eligible for five years, counted to
//! 31 December of the year before the plan year.
//!
//! | rule | article | confidence |
//! |---|---|---|
//! | wards of class-1 cities converted from a commune no more than five years before 31 December of the year before the plan year (exactly five years is within) | Decree 45/2012 Art. 1.2(a); TT 46/2012 Art. 3.1(đ) | confirmed; before 2013-02-10 (TT 46/2012 not yet in force) the same count, secondary |
//!
//! The rule is data ([`RULE`]): the number of years with the article that sets it, and the
//! article that says how to count. The plan year is the year of the assessment date.

use std::fmt;

use chrono::{Datelike, Months, NaiveDate};

use crate::applicant::Location;
use crate::finding::{Arg, Params, Shown, texts};
use crate::law::{Citation, Confidence, Lang, Point, TT_46_EFFECTIVE};

use super::super::nd45_1_2;
use super::Field::{
    CityUrbanClass, FormerParentUrbanClass, UnitKind, WardConvertedFromCommune, WardConvertedOn,
};
use super::{Answer, Field, tt46_3_1};

/// The five-year rule of wards converted from a commune.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ConversionRule {
    /// How many years after its conversion a ward of a class-1 city stays eligible.
    pub(crate) years: u32,
    /// The provision that sets the number of years.
    pub(crate) limit: Citation,
    /// The provision that says how to count: from the effective date of the conversion to
    /// 31 December of the year before the plan year.
    pub(crate) counting: Citation,
}

/// Decree 45/2012 Art. 1.2(a): "converted from a commune no more than 5 years"; TT 46/2012
/// Art. 3.1(đ): counted from the effective date of the conversion decision to 31 December of
/// the year before the plan year.
pub(crate) const RULE: ConversionRule = ConversionRule {
    years: 5,
    limit: nd45_1_2(Point::A),
    counting: tt46_3_1(Point::Dd),
};

impl ConversionRule {
    /// Whether a ward converted on `converted_on` is within the rule for an assessment on
    /// `date`: the count ends on 31 December of the year before the plan year (the year of
    /// `date`); exactly the number of years is within.
    pub(crate) fn count(self, converted_on: NaiveDate, date: NaiveDate) -> Counted {
        let plan_year = date.year();
        let cutoff = NaiveDate::from_ymd_opt(plan_year - 1, 12, 31);
        let limit = converted_on.checked_add_months(Months::new(self.years * 12));
        Counted {
            converted_on,
            cutoff,
            plan_year,
            // A date at the edge of the calendar (no cutoff or no limit) is never within.
            within: matches!((cutoff, limit), (Some(c), Some(l)) if l >= c),
        }
    }
}

texts! {
    /// The rows of the rule that decide without counting.
    pub(crate) enum Row {
        NotConverted = (
            "class_1_ward_not_converted",
            "Phường của thành phố loại I không chuyển từ xã: không thuộc địa bàn được hỗ trợ.",
            "A ward of a class-1 city not converted from a commune: not an eligible place.",
        ),
        DateNeeded = (
            "conversion_date_needed",
            "Phường của thành phố loại I: cần ngày hiệu lực của quyết định chuyển từ xã thành phường (hoặc ward_converted_from_commune = false).",
            "A ward of a class-1 city: the effective date of its conversion from a commune is needed (or ward_converted_from_commune = false).",
        ),
    }
}

/// The count of one ward: its conversion date, the end of the count, the plan year, and
/// whether the ward is within the rule.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Counted {
    converted_on: NaiveDate,
    cutoff: Option<NaiveDate>,
    plan_year: i32,
    within: bool,
}

impl Arg for Counted {
    fn write(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let converted_on = Shown(&self.converted_on, lang);
        let cutoff = Shown(&self.cutoff, lang);
        let years = Shown(&RULE.years, lang);
        let plan_year = self.plan_year;
        match (self.within, lang) {
            (true, Lang::Vi) => write!(
                f,
                "Phường của thành phố loại I chuyển từ xã ngày {converted_on}: không quá {years} năm tính đến {cutoff} (năm trước năm kế hoạch {plan_year})."
            ),
            (false, Lang::Vi) => write!(
                f,
                "Phường của thành phố loại I chuyển từ xã ngày {converted_on}: quá {years} năm tính đến {cutoff} (năm trước năm kế hoạch {plan_year})."
            ),
            (true, Lang::En) => write!(
                f,
                "A ward of a class-1 city converted from a commune on {converted_on}: no more than {years} years before {cutoff} (the year before plan year {plan_year})."
            ),
            (false, Lang::En) => write!(
                f,
                "A ward of a class-1 city converted from a commune on {converted_on}: more than {years} years before {cutoff} (the year before plan year {plan_year})."
            ),
        }
    }
    fn json(&self) -> serde_json::Value {
        if self.within {
            "class_1_ward_converted_within_the_years"
        } else {
            "class_1_ward_converted_before_the_years"
        }
        .into()
    }
    fn to_params(&self, name: &'static str, out: &mut Params) {
        out.insert(name, self.json());
        out.insert("converted_on", self.converted_on.json());
        self.cutoff.to_params("cutoff", out);
        out.insert("plan_year", self.plan_year.into());
        out.insert("years", RULE.years.into());
    }
}

/// The facts of a class-1 ward's answer: the unit, the class (of the city or of the former
/// city) and the conversion fact used.
const fn facts(class_field: Field, used: Field) -> &'static [Field] {
    match (class_field, used) {
        (FormerParentUrbanClass, WardConvertedFromCommune) => {
            &[UnitKind, FormerParentUrbanClass, WardConvertedFromCommune]
        }
        (FormerParentUrbanClass, _) => &[UnitKind, FormerParentUrbanClass, WardConvertedOn],
        (_, WardConvertedFromCommune) => &[UnitKind, CityUrbanClass, WardConvertedFromCommune],
        _ => &[UnitKind, CityUrbanClass, WardConvertedOn],
    }
}

/// A ward of a class-1 city (`class_field` holds the class): eligible only by [`RULE`].
pub(super) fn answer(
    place: &Location,
    date: NaiveDate,
    class_field: Field,
    confidence: Confidence,
) -> Answer {
    // Before TT 46/2012 took effect the decree alone applied; the same count is used.
    let confidence = if date < TT_46_EFFECTIVE {
        Confidence::Secondary.max(confidence)
    } else {
        confidence
    };
    if place.ward_converted_from_commune == Some(false) && place.ward_converted_on.is_none() {
        return Answer::not_eligible(
            Row::NotConverted,
            facts(class_field, WardConvertedFromCommune),
            RULE.limit,
            confidence,
        );
    }
    let Some(converted_on) = place.ward_converted_on else {
        return Answer::unknown(Row::DateNeeded, &[WardConvertedOn], RULE.counting);
    };
    let counted = RULE.count(converted_on, date);
    let facts = facts(class_field, WardConvertedOn);
    if counted.within {
        Answer::eligible(counted, facts, RULE.counting, confidence)
    } else {
        Answer::not_eligible(counted, facts, RULE.counting, confidence)
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::test_support::day;
    use super::RULE;

    /// Exactly five years before 31 December of the year before the plan year is within; one
    /// day earlier is not; the plan year moves the end of the count.
    #[test]
    fn five_years_to_the_end_of_the_year_before_the_plan_year() {
        let cases = [
            // (converted on, assessed on, within)
            (day(2019, 12, 31), day(2025, 6, 1), true),
            (day(2019, 12, 30), day(2025, 6, 1), false),
            (day(2019, 3, 1), day(2024, 12, 31), true),
            (day(2019, 3, 1), day(2025, 1, 1), false),
            (day(2024, 6, 1), day(2024, 6, 1), true),
            (day(2020, 2, 29), day(2025, 1, 1), true),
            (day(2020, 2, 29), day(2026, 1, 1), false),
        ];
        for (converted, date, within) in cases {
            assert_eq!(
                RULE.count(converted, date).within,
                within,
                "{converted} {date}"
            );
        }
    }
}
