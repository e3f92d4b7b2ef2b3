//! The registry of finding kinds: every kind of finding the library declares, from every
//! rule module — what each code means, its basis and how to fix it.
//!
//! It sits above the rule modules (they declare their kinds; this module lists them), so
//! that [`crate::finding`] depends on no rule module. `docs/findings.md` is generated from
//! it, and `khuyencong explain CODE` prints one entry.
//!
//! ```
//! let def = khuyencong::registry::explain("eligibility.location_not_eligible").unwrap();
//! assert_eq!(def.severity, khuyencong::Severity::Error);
//! assert!(khuyencong::registry::explain("no.such_code").is_none());
//! ```

use crate::finding::FindingDef;

/// Every documented finding kind, from every module, in module order.
pub fn findings() -> impl Iterator<Item = &'static FindingDef> {
    crate::input::report::KINDS
        .iter()
        .copied()
        .chain(crate::document::KINDS.iter().copied())
        .chain(
            crate::eligibility::FINDINGS
                .iter()
                .flat_map(|kinds| kinds.iter().copied()),
        )
        .chain(crate::funding::kinds())
        .chain(
            [
                crate::document::kinds::KINDS,
                crate::document::reconcile::KINDS,
                crate::document::outcome::KINDS,
                crate::document::funding::KINDS,
                crate::document::report::KINDS,
                crate::document::plan::KINDS,
                crate::document::programme::KINDS,
                crate::document::scheme::KINDS,
            ]
            .into_iter()
            .flatten()
            .copied(),
        )
        .chain(crate::province::KINDS.iter().copied())
}

/// Looks a finding code up.
pub fn explain(code: &str) -> Option<&'static FindingDef> {
    findings().find(|d| d.code == code)
}
