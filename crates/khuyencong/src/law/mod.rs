//! The legal frame: instruments, citations, confidence and regimes by date.
//!
//! Everything the library models points back here: a [`Citation`] names an
//! [`InstrumentId`] and an article (Điều), clause (Khoản) and point (Điểm);
//! a [`Confidence`] says how sure the project is of the value; a [`Regime`] says
//! which text of Decree 45/2012/NĐ-CP governs a date.

mod citation;
mod instrument;
mod regime;
pub(crate) use regime::TTLT_26_AS_REFERENCE;

pub use citation::{Citation, CitationParseError, Point};
pub use instrument::{Instrument, InstrumentId, InstrumentKind};
pub use regime::{
    DECREE_39_EFFECTIVE, DECREE_45_EFFECTIVE, DECREE_80_EFFECTIVE, DECREE_235_EFFECTIVE,
    GeographyEra, HUE_CITY_EFFECTIVE, REGIME_2012_LAST_DAY, Regime, RegimeError, SupportRegime,
    THREE_TIER_LAST_DAY, THUA_THIEN_HUE_LAST_DAY, TT_26_BCT_EFFECTIVE, TT_28_EFFECTIVE,
    TT_46_EFFECTIVE, TTLT_26_EFFECTIVE, TTLT_26_LAST_DAY, TWO_TIER_EFFECTIVE,
};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How sure the project is of a modelled value (modelling decision 3).
///
/// Ordered from the strongest to the weakest basis, so that
/// `a.max(b)` gives the weaker of two confidences when a result rests on both.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Confidence {
    /// Read in the legal text itself (or its official codification).
    #[schemars(title = "Confirmed from the legal text / Đã xác nhận từ văn bản")]
    Confirmed,
    /// Taken from news, summaries or provincial restatements; likely but not read in the legal text.
    #[schemars(title = "Secondary source / Nguồn thứ cấp")]
    Secondary,
    /// From a repealed instrument; applied only inside its own window.
    #[schemars(title = "Historical (repealed instrument) / Văn bản đã hết hiệu lực")]
    Historical,
}

impl Confidence {
    /// The permanent code (`confirmed`, `secondary`, `historical`).
    pub const fn code(self) -> &'static str {
        match self {
            Self::Confirmed => "confirmed",
            Self::Secondary => "secondary",
            Self::Historical => "historical",
        }
    }

    /// A label in the requested language.
    pub const fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::Confirmed, Lang::Vi) => "đã xác nhận từ văn bản",
            (Self::Confirmed, Lang::En) => "confirmed from the legal text",
            (Self::Secondary, Lang::Vi) => "nguồn thứ cấp",
            (Self::Secondary, Lang::En) => "secondary source",
            (Self::Historical, Lang::Vi) => "văn bản đã hết hiệu lực",
            (Self::Historical, Lang::En) => "historical (repealed instrument)",
        }
    }
}

/// The language of a rendered message or label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// Vietnamese (tiếng Việt).
    #[default]
    Vi,
    /// English.
    En,
}

impl Lang {
    /// Parses `vi` or `en`.
    ///
    /// # Errors
    /// [`UnknownLang`] (which names the input) when it is neither `vi` nor `en`.
    pub fn parse(s: &str) -> Result<Self, UnknownLang> {
        match s {
            "vi" => Ok(Self::Vi),
            "en" => Ok(Self::En),
            other => Err(UnknownLang {
                input: other.to_owned(),
            }),
        }
    }
}

impl std::str::FromStr for Lang {
    type Err = UnknownLang;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

/// A language code other than `vi` and `en` (the message is in English and Vietnamese).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown language `{input}`, expected `vi` or `en` / ngôn ngữ không hợp lệ `{input}`, chỉ nhận `vi` hoặc `en`"
)]
#[non_exhaustive]
pub struct UnknownLang {
    /// The code given.
    pub input: String,
}

/// Builds a date from a literal in a `const` context.
///
/// Every call site passes a literal calendar date; an impossible literal stops
/// the build (const evaluation), so nothing here runs on user input.
pub(crate) const fn ymd(y: i32, m: u32, d: u32) -> chrono::NaiveDate {
    match chrono::NaiveDate::from_ymd_opt(y, m, d) {
        Some(date) => date,
        None => panic!("invalid date literal"),
    }
}
