//! The provincial rule packs shipped with the library (`data/provincial/*.json`), loaded by
//! name: `dong-thap-2024`, `lai-chau-2025`…
//!
//! Each pack transcribes one provincial instrument as far as its source allows: levels read
//! in news or in restatements are `secondary`; an article, a number or a date the source does
//! not give is left out, never guessed. A pack whose first day was not read is listed and
//! validated, but never applied.
//!
//! ```
//! use khuyencong::support::{ProvincialPack, shipped_packs};
//! let pack = ProvincialPack::shipped("dong-thap-2024")?;
//! assert_eq!(pack.province_code.as_deref(), Some("dong_thap"));
//! assert!(shipped_packs()?.len() >= 4);
//! assert!(ProvincialPack::shipped("no-such-pack").is_err());
//! # Ok::<(), khuyencong::support::PackError>(())
//! ```

use chrono::NaiveDate;
use serde::Serialize;

use super::pack::{PackError, ProvincialPack};
use crate::law::{Confidence, Lang};

/// The shipped packs: name and JSON text, in name order.
pub const SHIPPED_PACKS: &[(&str, &str)] = &[
    (
        "dak-lak-2025",
        include_str!("../../data/provincial/dak-lak-2025.json"),
    ),
    (
        "dong-thap-2024",
        include_str!("../../data/provincial/dong-thap-2024.json"),
    ),
    (
        "hoa-binh-2019",
        include_str!("../../data/provincial/hoa-binh-2019.json"),
    ),
    (
        "lai-chau-2021",
        include_str!("../../data/provincial/lai-chau-2021.json"),
    ),
    (
        "lai-chau-2025",
        include_str!("../../data/provincial/lai-chau-2025.json"),
    ),
];

impl ProvincialPack {
    /// A pack shipped with the library, by name (`dong-thap-2024`), parsed and validated.
    ///
    /// # Errors
    /// [`PackError::UnknownName`] listing the shipped names; otherwise as
    /// [`ProvincialPack::from_json`] (a test guards the shipped packs).
    pub fn shipped(name: &str) -> Result<Self, PackError> {
        let text = SHIPPED_PACKS
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, t)| *t)
            .ok_or_else(|| PackError::UnknownName {
                name: name.chars().take(64).collect(),
                known: SHIPPED_PACKS.iter().map(|(n, _)| *n).collect(),
            })?;
        Self::from_json(text)
    }
}

/// One shipped pack as `khuyencong packs` lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct PackSummary {
    /// The name to load it by.
    pub name: &'static str,
    /// The province, as the instrument names it.
    pub province: String,
    /// The province's code in the `provinces` codelist (the unit as it was then).
    pub province_code: Option<String>,
    /// The instrument, in Vietnamese ("Nghị quyết số 08/2024/NQ-HĐND").
    pub instrument_vi: String,
    /// The instrument, in English.
    pub instrument_en: String,
    /// The first day it applies; `null` when not read (the pack is then never applied).
    pub effective_from: Option<NaiveDate>,
    /// The last day it applies, when known.
    pub effective_until: Option<NaiveDate>,
    /// The weakest confidence of its levels.
    pub confidence: Confidence,
    /// The number of levels (rules).
    pub rules: usize,
    /// Whether it is an illustrative example.
    pub example: bool,
}

impl PackSummary {
    /// The instrument in the requested language.
    pub fn instrument(&self, lang: Lang) -> &str {
        match lang {
            Lang::Vi => &self.instrument_vi,
            Lang::En => &self.instrument_en,
        }
    }
}

/// Every shipped pack, loaded and validated, in name order.
///
/// # Errors
/// The [`PackError`] of a shipped pack, were one malformed (a test guards against it).
pub fn shipped_packs() -> Result<Vec<PackSummary>, PackError> {
    SHIPPED_PACKS
        .iter()
        .map(|(name, text)| {
            let p = ProvincialPack::from_json(text)?;
            Ok(PackSummary {
                name,
                instrument_vi: p.resolution.designation(Lang::Vi),
                instrument_en: p.resolution.designation(Lang::En),
                effective_from: p.resolution.effective_from,
                effective_until: p.resolution.effective_until,
                confidence: p.confidence(),
                rules: p.rules.len(),
                example: p.example,
                province_code: p.province_code,
                province: p.province,
            })
        })
        .collect()
}
