//! Which text of the law governs a date (modelling decision 1), which instrument
//! sets support levels, and which map of administrative units applies (decision 2).

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Citation, InstrumentId, Lang, ymd};

// Every date of the law the rules use is read here from the instrument table
// (`InstrumentId::info`), so that each is written once; an instrument without the date
// stops the build.

/// The date an instrument of the table took effect.
const fn effective(id: InstrumentId) -> NaiveDate {
    match id.info().effective {
        Some(date) => date,
        None => panic!("the instrument table has no effective date for this instrument"),
    }
}

/// The last day an instrument of the table was in force.
const fn last_day(id: InstrumentId) -> NaiveDate {
    match id.info().in_force_until {
        Some(date) => date,
        None => panic!("the instrument table has no last day for this instrument"),
    }
}

/// The day before `date` (a date of the table, never the first representable day).
const fn day_before(date: NaiveDate) -> NaiveDate {
    match date.pred_opt() {
        Some(d) => d,
        None => panic!("no day before the first representable date"),
    }
}

/// The first day of Decree 45/2012/NĐ-CP (Art. 18).
pub const DECREE_45_EFFECTIVE: NaiveDate = effective(InstrumentId::Nd45_2012);
/// The first day of Decree 45/2012 as amended by Decree 235/2025.
pub const DECREE_235_EFFECTIVE: NaiveDate = effective(InstrumentId::Nd235_2025);
/// The last day of Decree 45/2012 as issued: the day before Decree 235/2025 took effect (the
/// last day of the 2012 wording of the clauses it amended, and of what it no longer names).
pub const REGIME_2012_LAST_DAY: NaiveDate = day_before(DECREE_235_EFFECTIVE);
/// The first day of Circular 46/2012/TT-BCT, which details Decree 45/2012 (its Art. 3, 5 and 6
/// apply from this day).
pub const TT_46_EFFECTIVE: NaiveDate = effective(InstrumentId::Tt46_2012Bct);
/// The first day of Circular 26/2014/TT-BCT (typical rural industrial product contests).
pub const TT_26_BCT_EFFECTIVE: NaiveDate = effective(InstrumentId::Tt26_2014Bct);
/// The first day of Joint Circular 26/2014/TTLT-BTC-BCT.
pub const TTLT_26_EFFECTIVE: NaiveDate = effective(InstrumentId::Ttlt26_2014);
/// The last day of Joint Circular 26/2014/TTLT-BTC-BCT (replaced by Circular 28/2018/TT-BTC).
pub const TTLT_26_LAST_DAY: NaiveDate = last_day(InstrumentId::Ttlt26_2014);
/// What a message adds when a rule of Joint Circular 26/2014 is applied outside its window,
/// as a reference (Vietnamese, English): the equivalent rule of Circular 28/2018 was not read.
pub(crate) const TTLT_26_AS_REFERENCE: (&str, &str) = (
    " (quy định tương ứng của Thông tư 28/2018 chưa được đọc; áp dụng theo Thông tư liên tịch 26/2014 để tham chiếu)",
    " (the Circular 28/2018 equivalent was not read; Joint Circular 26/2014 is applied as a reference)",
);
/// The first day of Circular 28/2018/TT-BTC.
pub const TT_28_EFFECTIVE: NaiveDate = effective(InstrumentId::Tt28_2018Btc);
/// The first day of Decree 39/2018/NĐ-CP (its Art. 6 bands equal Decree 80/2021's, secondary).
pub const DECREE_39_EFFECTIVE: NaiveDate = effective(InstrumentId::Nd39_2018);
/// The first day of Decree 80/2021/NĐ-CP (SME bands, confirmed).
pub const DECREE_80_EFFECTIVE: NaiveDate = effective(InstrumentId::Nd80_2021);
/// The first day of the two-tier administrative map (districts abolished; the 2025 reform of
/// local government). The reform's instruments are not in the instrument table yet, so this
/// is the one date of the law written here.
pub const TWO_TIER_EFFECTIVE: NaiveDate = ymd(2025, 7, 1);
/// The last day of the three-tier administrative map (provinces, districts, communes).
pub const THREE_TIER_LAST_DAY: NaiveDate = day_before(TWO_TIER_EFFECTIVE);
/// The first day of the centrally-run city of Huế (Resolution 175/2024/QH15).
pub const HUE_CITY_EFFECTIVE: NaiveDate = effective(InstrumentId::Nq175_2024Qh15);
/// The last day of the province of Thừa Thiên Huế, the day before it became the city of Huế.
pub const THUA_THIEN_HUE_LAST_DAY: NaiveDate = day_before(HUE_CITY_EFFECTIVE);

/// The text of Decree 45/2012/NĐ-CP in force on a date.
///
/// Schemes are judged by their approval date; reports by their period.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[non_exhaustive]
pub enum Regime {
    /// Decree 45/2012/NĐ-CP as issued: 2012-07-05 … 2025-10-14.
    #[serde(rename = "regime_2012")]
    Regime2012,
    /// Decree 45/2012/NĐ-CP as amended by Decree 235/2025/NĐ-CP: from 2025-10-15.
    #[serde(rename = "regime_2025")]
    Regime2025,
}

impl Regime {
    /// Both regimes, oldest first.
    pub const ALL: [Self; 2] = [Self::Regime2012, Self::Regime2025];

    /// The regime in force on `date`.
    ///
    /// # Errors
    /// [`RegimeError::BeforeDecree45`] for dates before 2012-07-05, when Decree
    /// 134/2004/NĐ-CP applied; the project does not cover that era.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use khuyencong::law::Regime;
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// assert_eq!(Regime::at(d(2025, 10, 14))?, Regime::Regime2012);
    /// assert_eq!(Regime::at(d(2025, 10, 15))?, Regime::Regime2025);
    /// assert!(Regime::at(d(2012, 7, 4)).is_err());
    /// # Ok::<(), khuyencong::law::RegimeError>(())
    /// ```
    pub fn at(date: NaiveDate) -> Result<Self, RegimeError> {
        if date < DECREE_45_EFFECTIVE {
            Err(RegimeError::BeforeDecree45 { date })
        } else if date < DECREE_235_EFFECTIVE {
            Ok(Self::Regime2012)
        } else {
            Ok(Self::Regime2025)
        }
    }

    /// The permanent code (`regime_2012`, `regime_2025`).
    pub const fn code(self) -> &'static str {
        match self {
            Self::Regime2012 => "regime_2012",
            Self::Regime2025 => "regime_2025",
        }
    }

    /// The first day of the regime.
    pub const fn starts(self) -> NaiveDate {
        match self {
            Self::Regime2012 => DECREE_45_EFFECTIVE,
            Self::Regime2025 => DECREE_235_EFFECTIVE,
        }
    }

    /// The last day of the regime, if it has ended.
    pub fn ends(self) -> Option<NaiveDate> {
        match self {
            Self::Regime2012 => Some(REGIME_2012_LAST_DAY),
            Self::Regime2025 => None,
        }
    }

    /// A label in the requested language.
    pub const fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::Regime2012, Lang::Vi) => "Nghị định số 45/2012/NĐ-CP (bản gốc)",
            (Self::Regime2012, Lang::En) => "Decree 45/2012/ND-CP as issued",
            (Self::Regime2025, Lang::Vi) => {
                "Nghị định số 45/2012/NĐ-CP được sửa đổi bởi Nghị định số 235/2025/NĐ-CP"
            }
            (Self::Regime2025, Lang::En) => {
                "Decree 45/2012/ND-CP as amended by Decree 235/2025/ND-CP"
            }
        }
    }

    /// The citation that establishes the regime.
    pub const fn citation(self) -> Citation {
        match self {
            Self::Regime2012 => Citation::article(InstrumentId::Nd45_2012, 18),
            Self::Regime2025 => Citation::article(InstrumentId::Nd235_2025, 1),
        }
    }
}

/// The instrument that sets national support levels on a date.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SupportRegime {
    /// Joint Circular 26/2014/TTLT-BTC-BCT: 2014-04-08 … 2018-05-10 (historical).
    Ttlt26_2014,
    /// Circular 28/2018/TT-BTC (as amended by Circular 64/2024/TT-BTC): from 2018-05-11.
    Tt28_2018,
}

impl SupportRegime {
    /// The support-level instrument in force on `date`.
    ///
    /// # Errors
    /// [`RegimeError::SupportLevelsNotModelled`] before 2014-04-08 (Joint Circular
    /// 125/2009 era), whose levels are not modelled.
    pub fn at(date: NaiveDate) -> Result<Self, RegimeError> {
        if date < TTLT_26_EFFECTIVE {
            Err(RegimeError::SupportLevelsNotModelled { date })
        } else if date < TT_28_EFFECTIVE {
            Ok(Self::Ttlt26_2014)
        } else {
            Ok(Self::Tt28_2018)
        }
    }

    /// The permanent code.
    pub const fn code(self) -> &'static str {
        match self {
            Self::Ttlt26_2014 => "ttlt_26_2014",
            Self::Tt28_2018 => "tt_28_2018",
        }
    }

    /// The governing instrument.
    pub const fn instrument(self) -> InstrumentId {
        match self {
            Self::Ttlt26_2014 => InstrumentId::Ttlt26_2014,
            Self::Tt28_2018 => InstrumentId::Tt28_2018Btc,
        }
    }
}

/// Which map of administrative units applies on a date (modelling decision 2).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum GeographyEra {
    /// Until 2025-06-30: province → district / town / provincial city → commune / ward / township.
    ThreeTier,
    /// From 2025-07-01: province or centrally-run city → commune / ward / special zone.
    TwoTier,
}

impl GeographyEra {
    /// The map in force on `date`.
    pub fn at(date: NaiveDate) -> Self {
        if date < TWO_TIER_EFFECTIVE {
            Self::ThreeTier
        } else {
            Self::TwoTier
        }
    }
}

/// A date outside what the project models.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RegimeError {
    /// The date precedes Decree 45/2012/NĐ-CP.
    #[error(
        "date {date} is before 2012-07-05, when Decree 45/2012/ND-CP took effect; the earlier regime (Decree 134/2004/ND-CP) is not covered"
    )]
    BeforeDecree45 {
        /// The date asked about.
        date: NaiveDate,
    },
    /// The date precedes the first modelled support-level instrument.
    #[error(
        "date {date} is before 2014-04-08: support levels of Joint Circular 125/2009/TTLT-BTC-BCT are not modelled"
    )]
    SupportLevelsNotModelled {
        /// The date asked about.
        date: NaiveDate,
    },
}

impl RegimeError {
    /// The message in Vietnamese.
    pub fn message_vi(&self) -> String {
        match self {
            Self::BeforeDecree45 { date } => format!(
                "ngày {} trước ngày 05/07/2012, ngày Nghị định số 45/2012/NĐ-CP có hiệu lực; giai đoạn trước (Nghị định số 134/2004/NĐ-CP) không được hỗ trợ",
                date.format("%d/%m/%Y")
            ),
            Self::SupportLevelsNotModelled { date } => format!(
                "ngày {} trước ngày 08/04/2014: mức hỗ trợ theo Thông tư liên tịch số 125/2009/TTLT-BTC-BCT chưa được mô hình hóa",
                date.format("%d/%m/%Y")
            ),
        }
    }

    /// The message in the requested language.
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::Vi => self.message_vi(),
            Lang::En => self.to_string(),
        }
    }
}
