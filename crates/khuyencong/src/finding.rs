//! Findings: the one result type of every check — a stable code, a severity, where
//! (JSON Pointer), which article, and a message in Vietnamese and English.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::law::{Citation, Confidence, Lang};

/// How serious a finding is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The document breaks the law or cannot be read: it must be fixed.
    #[schemars(title = "Error / Lỗi")]
    Error,
    /// A reviewer should look: unusual, or not assessed.
    #[schemars(title = "Warning / Cảnh báo")]
    Warning,
    /// For information: how a result was reached.
    #[schemars(title = "Information / Thông tin")]
    Info,
}

impl Severity {
    /// The permanent code.
    pub const fn code(self) -> &'static str {
        match self {
            Self::Error => "error",
            Self::Warning => "warning",
            Self::Info => "info",
        }
    }

    /// A label in the requested language.
    pub const fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::Error, Lang::Vi) => "lỗi",
            (Self::Error, Lang::En) => "error",
            (Self::Warning, Lang::Vi) => "cảnh báo",
            (Self::Warning, Lang::En) => "warning",
            (Self::Info, Lang::Vi) => "thông tin",
            (Self::Info, Lang::En) => "info",
        }
    }
}

/// One problem or observation about a document or an applicant.
///
/// The data is primary; `message_vi` and `message_en` are renderings of `code` and `params`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    /// Stable code, documented in docs/findings.md (e.g. `report.total_mismatch`).
    pub code: String,
    /// Severity.
    pub severity: Severity,
    /// JSON Pointer (RFC 6901) to the place in the input the finding is about; `""` for the whole input.
    pub path: String,
    /// The legal provision the finding rests on, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub citation: Option<Citation>,
    /// How sure the project is of the rule behind the finding, if it rests on one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<Confidence>,
    /// The message in Vietnamese.
    pub message_vi: String,
    /// The message in English.
    pub message_en: String,
    /// JSON Pointers of the input facts the finding used (a trace a caseworker can read).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub facts: Vec<String>,
    /// The values the messages were rendered from.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub params: BTreeMap<String, serde_json::Value>,
    /// Where the value at `path` was read from, when the document came from a spreadsheet:
    /// a cell or row in Excel's A1 notation, e.g. `'Nguồn kinh phí'!D5` (set by the
    /// spreadsheet reader, `khuyencong-sheet`; never by a rule).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cell: Option<String>,
}

impl Finding {
    /// A finding with a code, severity, path and messages; add the rest with the builders.
    pub fn new(
        code: &str,
        severity: Severity,
        path: impl Into<String>,
        message_vi: impl Into<String>,
        message_en: impl Into<String>,
    ) -> Self {
        Self {
            code: code.to_owned(),
            severity,
            path: path.into(),
            citation: None,
            confidence: None,
            message_vi: message_vi.into(),
            message_en: message_en.into(),
            facts: Vec::new(),
            params: BTreeMap::new(),
            cell: None,
        }
    }

    /// Adds the citation.
    #[must_use]
    pub fn cite(mut self, citation: Citation) -> Self {
        self.citation = Some(citation);
        self
    }

    /// Adds the confidence of the rule.
    #[must_use]
    pub fn confidence(mut self, confidence: Confidence) -> Self {
        self.confidence = Some(confidence);
        self
    }

    /// Adds a parameter.
    #[must_use]
    pub fn param(mut self, key: &str, value: impl Into<serde_json::Value>) -> Self {
        self.params.insert(key.to_owned(), value.into());
        self
    }

    /// Adds the pointers of the facts used.
    #[must_use]
    pub fn facts<I, S>(mut self, facts: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.facts.extend(facts.into_iter().map(Into::into));
        self
    }

    /// The message in the requested language.
    pub fn message(&self, lang: Lang) -> &str {
        match lang {
            Lang::Vi => &self.message_vi,
            Lang::En => &self.message_en,
        }
    }

    /// The deterministic order of findings: by path, then severity, then code, then message.
    pub fn sort(findings: &mut [Self]) {
        findings.sort_by(|a, b| {
            (&a.path, a.severity, &a.code, &a.message_en).cmp(&(
                &b.path,
                b.severity,
                &b.code,
                &b.message_en,
            ))
        });
    }
}

/// The documentation of one finding code: what it means, its basis and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct FindingDef {
    /// The stable code.
    pub code: &'static str,
    /// The usual severity.
    pub severity: Severity,
    /// The legal basis, when the finding rests on one article.
    pub citation: Option<Citation>,
    /// What it means, in Vietnamese.
    pub meaning_vi: &'static str,
    /// What it means, in English.
    pub meaning_en: &'static str,
    /// How to fix it, in Vietnamese.
    pub fix_vi: &'static str,
    /// How to fix it, in English.
    pub fix_en: &'static str,
}

/// Every documented finding code, from every module.
pub fn registry() -> impl Iterator<Item = &'static FindingDef> {
    crate::document::FINDINGS
        .iter()
        .chain(crate::eligibility::FINDINGS.iter())
        .chain(crate::funding::FINDINGS.iter())
        .chain(crate::province::FINDINGS.iter())
}

/// Looks a finding code up in the registry.
pub fn explain(code: &str) -> Option<&'static FindingDef> {
    registry().find(|d| d.code == code)
}

/// Escapes one JSON Pointer reference token (RFC 6901: `~` → `~0`, `/` → `~1`).
pub fn escape_token(token: &str) -> std::borrow::Cow<'_, str> {
    if token.contains(['~', '/']) {
        token.replace('~', "~0").replace('/', "~1").into()
    } else {
        token.into()
    }
}
