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
//! ## Example: check a document
//!
//! The main job: read a scheme, a plan or a period report, and get back every problem with
//! where it is (a JSON Pointer), which article it breaks and messages in Vietnamese and English.
//!
//! ```
//! use khuyencong::document::{CheckOptions, check_bytes};
//! use khuyencong::Severity;
//!
//! // The An Giang report on the national programme 2021–2025 reconciles exactly.
//! let report = include_bytes!("../../../docs/examples/an-giang-2021-2025.json");
//! let checked = check_bytes(report, &CheckOptions::default());
//! assert!(checked.findings.iter().all(|f| f.severity != Severity::Error));
//!
//! // A float where money is expected is refused, with the path and both languages.
//! let bad = br#"{"kind": "plan", "schema_version": 2, "id": "x", "year": 2024,
//!   "fund_level": "provincial", "schemes": [{"scheme_id": "a", "activity": "information",
//!   "support": 1.5}]}"#;
//! let checked = check_bytes(bad, &CheckOptions::default());
//! let f = checked.findings.iter().find(|f| f.severity == Severity::Error).ok_or("no error")?;
//! assert_eq!((f.code.as_str(), f.path.as_str()), ("structure.not_whole_number", "/schemes/0/support"));
//! assert!(f.message_vi().contains("số nguyên"));
//! // Every structural problem is reported at once, with the document's kind and id; a note
//! // says that the rules of the law were not checked.
//! assert_eq!(checked.id.as_deref(), Some("x"));
//! assert!(checked.findings.iter().any(|f| f.code == "structure.rules_not_run"));
//! # Ok::<(), &str>(())
//! ```
//!
//! ## Recipes
//!
//! - **Which law applies on a date?** [`law::Regime::at`] (2012 text until 2025-10-14, the 2025
//!   text from 2025-10-15, an error before 2012-07-05) and [`law::SupportRegime::at`] (Joint
//!   Circular 26/2014 or Circular 28/2018).
//! - **What are the codes?** [`catalog()`] gives every instrument and codelist value valid on a
//!   date, with labels, citations and confidence; [`Codelist`] is the trait of each list.
//! - **May this establishment receive this support?** [`eligibility::assess`] with
//!   [`applicant::ApplicantFacts`]: `eligible`, `not_eligible` or `indeterminate` with the
//!   missing facts; SME size is derived by [`sme::classify`]. [`eligibility::assess_with`] with
//!   [`eligibility::Keep::Problems`] builds only the warnings and errors.
//! - **How much may the state pay?** [`support::max_support`]: the limit rounded down to the
//!   đồng, what binds, the derivation with citations — or *not assessed* with the reason.
//! - **Does a scheme's money add up?** [`funding::check_funding`].
//! - **Vietnamese amounts** ("1.400 triệu đồng", "hơn 15,2 tỷ"): [`money::parse_vnd`].
//! - **Add reports up:** [`totals::totals`], exact integer rows by province (of the document's
//!   date, or of today across the 2025 arrangement), period, fund level, source and activity;
//!   [`totals::totals_with_notes`] says how each province name was read.
//! - **Validate without the library:** [`schema::json_schema`] (committed in `docs/schema/`).
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
//!   [`product::ProductGroup`] (Circular 26/2014/TT-BCT), [`province::Province`] (the 63
//!   provinces until 2025-06-30 and the 34 from 2025-07-01, Resolution 202/2025/QH15).
//! - [`catalog()`]: everything valid on a date.
//! - [`applicant::ApplicantFacts`], [`sme::classify`] and [`eligibility::assess`]: whether an
//!   applicant may receive an activity on a date (Art. 1.2, 5, 6), with every finding cited.
//! - [`money`] ([`Vnd`], [`Share`], Vietnamese notation), [`support`] (the national rule pack,
//!   provincial packs — shipped ones by name, [`support::shipped_packs`] —,
//!   [`support::max_support`]) and [`funding`] (funding mixes).
//! - [`document`]: schemes, plans and period reports; [`document::check`] and
//!   [`document::check_bytes`]; [`Finding`] is the one result type of every check, documented
//!   code by code in `docs/findings.md` ([`registry::explain`]); its messages are rendered
//!   from typed parameters when read ([`Finding::message`]).
//! - [`input`]: reading inputs the one way for every front — files and JSON Lines with a
//!   bound, strict dates and amounts as arguments, applicant facts — and the structural
//!   report that lists every problem of an input with its JSON Pointer.
//! - [`totals`] and [`schema`] (the published JSON Schemas, which the library accepts
//!   exactly, both ways).

#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod activity;
pub mod applicant;
pub mod beneficiary;
pub mod catalog;
mod codelist;
mod de;
pub mod document;
pub mod eligibility;
mod figure;
pub mod finding;
mod fund;
pub mod funding;
pub mod industry;
pub mod input;
pub mod law;
pub mod location;
pub mod money;
pub mod product;
pub mod province;
pub mod registry;
pub mod schema;
pub mod sme;
pub mod support;
pub mod totals;

pub use applicant::ApplicantFacts;
pub use catalog::{Catalog, catalog};
pub use codelist::{CodeInfo, Codelist, UnknownCode};
pub use eligibility::{Assessment, Verdict, assess};
pub use finding::{Finding, Severity};
pub use money::{
    Exactness, ParsedAmount, ParsedCount, ParsedCountRange, Ratio, Share, Vnd, parse_count,
    parse_count_range, parse_vnd,
};
pub use support::{SupportContext, SupportLimit, max_support};

/// The version of the rules a check applies: this crate's version and the version of the
/// national rule pack it ships (`data/national.json`), e.g. `0.1.0+national.2026-01-01`.
///
/// A register stores it with every check, so that a finding can be traced to the rules that
/// produced it and documents can be checked again when the rules change.
///
/// ```
/// assert!(khuyencong::rules_version().starts_with(env!("CARGO_PKG_VERSION")));
/// ```
pub fn rules_version() -> String {
    let pack = support::national_pack().map_or("unreadable", |p| p.version.as_str());
    format!("{}+national.{pack}", env!("CARGO_PKG_VERSION"))
}

// The README's Rust example is compiled and run as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
struct ReadmeDoctests;

// So is the crate's own README (the page crates.io shows).
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct CrateReadmeDoctests;
