//! The record of one assessment: each rule's outcome, its finding, and the facts still
//! needed. Not a provision; the machinery every rule writes to.

use crate::finding::{Finding, Severity};

use super::{Keep, Verdict};

/// The findings, missing facts and outcomes of the rules applied so far.
pub(crate) struct Trail {
    keep: Keep,
    pub(crate) findings: Vec<Finding>,
    pub(crate) missing: Vec<String>,
    failed: bool,
    unknown: bool,
}

impl Trail {
    pub(crate) const fn new(keep: Keep) -> Self {
        Self {
            keep,
            findings: Vec::new(),
            missing: Vec::new(),
            failed: false,
            unknown: false,
        }
    }

    /// The level of findings built.
    pub(crate) const fn keep(&self) -> Keep {
        self.keep
    }

    /// Whether information findings (and priorities) are built.
    pub(crate) const fn keeps_info(&self) -> bool {
        matches!(self.keep, Keep::All)
    }

    /// A condition is met; its information finding is built only if kept.
    pub(crate) fn pass(&mut self, finding: impl FnOnce() -> Finding) {
        if self.keeps_info() {
            self.findings.push(finding());
        }
    }

    /// A condition fails.
    pub(crate) fn fail(&mut self, finding: Finding) {
        self.failed = true;
        self.findings.push(finding);
    }

    /// A condition cannot be decided without the facts at `missing` (JSON Pointers into the
    /// applicant), which the finding lists as its facts.
    pub(crate) fn unknown<'a>(
        &mut self,
        finding: Finding,
        missing: impl IntoIterator<Item = &'a str> + Clone,
    ) {
        self.unknown = true;
        self.findings.push(finding.facts(missing.clone()));
        for m in missing {
            self.need(m);
        }
    }

    /// A condition that is not modelled: undecided, with no fact that could decide it.
    pub(crate) fn not_assessed(&mut self, finding: Finding) {
        self.unknown = true;
        self.findings.push(finding);
    }

    /// A warning for the reviewer that changes no outcome.
    pub(crate) fn note(&mut self, finding: Finding) {
        debug_assert!(finding.severity != Severity::Error);
        self.findings.push(finding);
    }

    /// Adds a fact still needed (once).
    pub(crate) fn need(&mut self, pointer: &str) {
        if !self.missing.iter().any(|m| m == pointer) {
            self.missing.push(pointer.to_owned());
        }
    }

    /// Adds the rules applied in `other` after those applied here.
    pub(crate) fn merge(&mut self, other: Self) {
        self.failed |= other.failed;
        self.unknown |= other.unknown;
        for m in &other.missing {
            self.need(m);
        }
        self.findings.extend(other.findings);
    }

    /// Whether a condition failed so far.
    pub(crate) const fn failed(&self) -> bool {
        self.failed
    }

    /// The answer so far: any failure → not eligible; otherwise any undecided condition →
    /// indeterminate; otherwise eligible.
    pub(crate) const fn verdict(&self) -> Verdict {
        if self.failed {
            Verdict::NotEligible
        } else if self.unknown {
            Verdict::Indeterminate
        } else {
            Verdict::Eligible
        }
    }

    /// The failures become warnings and the outcome undecided: another category may still
    /// apply (see `category`).
    pub(crate) fn demote_failures(&mut self) {
        for f in &mut self.findings {
            if f.severity == Severity::Error {
                f.severity = Severity::Warning;
            }
        }
        self.failed = false;
        self.unknown = false;
        self.missing.clear();
    }
}
