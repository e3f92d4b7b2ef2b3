//! Support limits: how much state support an extension activity may receive
//! (`support = min(share × eligible cost, cap × multipliers)`), read from the national
//! rule pack shipped in `data/national.json` and, for local funds, from a provincial
//! rule pack (modelling decision 6).
//!
//! Every limit names the rule that produced it, the article it rests on, how sure the
//! project is of it, and each step of the computation. An item whose level the project has
//! not read is *not assessed*, with the reason — never filled in from a repealed
//! instrument.
//!
//! | rule | article | confidence |
//! |---|---|---|
//! | support limit = min(share × eligible cost, cap × multipliers), rounded down; the levels are data (`data/national.json`, provincial packs) | TTLT 26/2014 Art. 6.2; TT 28/2018 Art. 8 | per record |
//!
//! ```
//! use chrono::NaiveDate;
//! use khuyencong::activity::Activity;
//! use khuyencong::funding::FundLevel;
//! use khuyencong::money::Vnd;
//! use khuyencong::support::{Binding, SupportContext, SupportLimit, max_support};
//!
//! let day = NaiveDate::from_ymd_opt(2022, 6, 1).unwrap();
//! let ctx = SupportContext::new(FundLevel::National);
//! let limit = max_support(Activity::AdvancedMachinery, Vnd::from_million(620)?, &ctx, day)?;
//! let SupportLimit::Assessed(a) = limit else { panic!("assessed") };
//! assert_eq!(a.max_support_vnd, Vnd::from_million(300)?);
//! assert_eq!(a.binding, Binding::Cap);
//!
//! // Before 2014-04-08 support levels are not modelled: not assessed, with the reason.
//! let early = NaiveDate::from_ymd_opt(2013, 1, 1).unwrap();
//! let limit = max_support(Activity::AdvancedMachinery, Vnd::from_million(620)?, &ctx, early)?;
//! let SupportLimit::NotAssessed(n) = limit else { panic!("not assessed") };
//! assert!(n.reason_en.contains("Joint Circular 125/2009"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod compute;
pub(crate) mod pack;
mod provincial;
mod types;

pub(crate) use compute::{Outcome, limit};
pub use compute::{SupportContext, SupportError, max_support};
pub(crate) use pack::provincial_schema;
pub use pack::{
    MAX_PACK_BYTES, MAX_PACK_ISSUES, MAX_PACK_RULES, NATIONAL_PACK_JSON, NationalPack, PackError,
    PackIssue, ProvincialPack, Resolution, national_pack,
};
pub use provincial::{PackSummary, SHIPPED_PACKS, shipped_packs};
pub use types::{
    ArticleRef, AssessedLimit, Binding, Cap, CapUnit, Condition, Flag, Multiplier, MultiplierKind,
    NotAssessedLimit, ProvincialCitation, ProvincialInstrumentKind, RuleCitation, RuleSource,
    ShareBase, Step, SupportLimit, SupportRule, SupportVariant, Text,
};
