//! # khuyencong
//!
//! Vietnam's industrial-extension law (*khuyến công*) — Decree 45/2012/NĐ-CP as amended by
//! Decree 235/2025/NĐ-CP, with the circulars that set support levels — as typed, dated,
//! cited data with validation.
//!
//! Every modelled value carries its [citation](law::Citation) (instrument, Điều, Khoản,
//! Điểm) and a [confidence](law::Confidence); what the project does not know is reported
//! as *not assessed*, never guessed.
//!
//! ## Example
//!
//! ```
//! use chrono::NaiveDate;
//! use khuyencong::law::{Lang, Regime};
//! use khuyencong::activity::Activity;
//!
//! let day = NaiveDate::from_ymd_opt(2024, 6, 1).unwrap();
//! assert_eq!(Regime::at(day)?, Regime::Regime2012);
//!
//! let machinery = Activity::AdvancedMachinery;
//! assert_eq!(machinery.code(), "advanced_machinery_technology_transfer");
//! assert_eq!(machinery.citation().render(Lang::En), "Decree 45/2012/ND-CP, Art. 4(3)(b)");
//!
//! let catalog = khuyencong::catalog(day)?;
//! assert_eq!(catalog.activities.iter().filter(|a| a.parent.is_none()).count(), 9);
//! # Ok::<(), khuyencong::law::RegimeError>(())
//! ```
//!
//! ## Overview
//!
//! - [`law`]: instruments, citations, confidence, regimes by date.
//! - Codelists ([`Codelist`]): [`activity::Activity`] (Art. 4),
//!   [`beneficiary::BeneficiaryCategory`] and [`beneficiary::LegalForm`] (Art. 1.2),
//!   [`industry::Industry`] (Art. 5), [`industry::PriorityArea`] and
//!   [`industry::PriorityIndustry`] (Art. 6), [`funding::FundingSource`] and
//!   [`funding::FundLevel`] (Art. 11–13), [`location::AdminUnit`] and
//!   [`location::UrbanClass`], [`product::TypicalProductLevel`] and
//!   [`product::ProductGroup`] (Circular 26/2014/TT-BCT).
//! - [`catalog()`]: everything valid on a date.
//! - [`applicant::ApplicantFacts`], [`sme::classify`] and [`eligibility::assess`]: whether an
//!   applicant may receive an activity on a date (Art. 1.2, 5, 6), with every finding cited.

#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod activity;
pub mod applicant;
pub mod beneficiary;
pub mod catalog;
mod codelist;
pub mod document;
pub mod eligibility;
pub mod finding;
pub mod funding;
pub mod industry;
pub mod law;
pub mod location;
pub mod money;
pub mod product;
pub mod schema;
pub mod sme;
pub mod support;
pub mod totals;

pub use applicant::ApplicantFacts;
pub use catalog::{Catalog, catalog};
pub use codelist::{CodeInfo, Codelist, UnknownCode};
pub use eligibility::{Assessment, Verdict, assess};
pub use finding::{Finding, Severity};
pub use money::{Exactness, ParsedAmount, Ratio, Share, Vnd, parse_vnd};
pub use support::{SupportContext, SupportLimit, max_support};

// The README's Rust example is compiled and run as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
struct ReadmeDoctests;
