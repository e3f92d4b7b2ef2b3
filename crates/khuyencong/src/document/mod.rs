//! Documents of the programme — plans (kế hoạch) and period reports (báo cáo) — read
//! from JSON, validated and reconciled into [`Finding`]s.
//!
//! ```
//! let json = include_bytes!("../../../../docs/examples/an-giang-2021-2025.json");
//! let checked = khuyencong::document::check_bytes(json, &Default::default());
//! assert!(checked.findings.iter().all(|f| f.severity != khuyencong::Severity::Error));
//!
//! let broken = br#"{"kind": "plan", "schema_version": 2, "id": "x", "year": 2024, "fund_level": "national", "colour": 1}"#;
//! let checked = khuyencong::document::check_bytes(broken, &Default::default());
//! assert_eq!(checked.findings[0].code, "structure.unknown_field");
//! ```

pub mod common;
pub mod funding;
pub(crate) mod kinds;
pub(crate) mod outcome;
pub mod plan;
pub mod programme;
mod province;
pub(crate) use crate::figure::reconcile;
pub mod report;
pub(crate) mod schema;
pub mod scheme;
mod structure;
pub mod tag;

use crate::input::strict;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use common::{
    Amount, Count, CountKind, Counts, DecisionRef, Exactness, Execution, LineType, Outcomes,
    Percent, Period, SchemaVersion, Year,
};
pub use plan::Plan;
pub use programme::Programme;
pub use report::PeriodReport;
pub use scheme::Scheme;

use crate::Codelist;
use crate::activity::Activity;
use crate::finding::{Arg, Finding, IsoDate, Params, Severity, Unlisted, finding_kinds};
use crate::fund::FundLevel;
use crate::law::{Citation, DECREE_45_EFFECTIVE, InstrumentId, Lang, Regime};

/// The kinds of document. / Loại văn bản.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DocumentKind {
    /// A scheme. / Đề án khuyến công.
    #[schemars(title = "Scheme / Đề án")]
    Scheme,
    /// An annual plan. / Kế hoạch khuyến công.
    #[schemars(title = "Plan / Kế hoạch")]
    Plan,
    /// A period report. / Báo cáo tình hình thực hiện.
    #[schemars(title = "Period report / Báo cáo")]
    PeriodReport,
    /// A multi-year programme (format version 2). / Chương trình khuyến công.
    #[schemars(title = "Programme / Chương trình")]
    Programme,
}

impl DocumentKind {
    /// The `kind` string of the JSON form.
    pub const fn code(self) -> &'static str {
        match self {
            Self::Scheme => "scheme",
            Self::Plan => "plan",
            Self::PeriodReport => "period_report",
            Self::Programme => "programme",
        }
    }
}

/// A parsed document of any kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum Document {
    /// A scheme.
    Scheme(Scheme),
    /// An annual plan.
    Plan(Plan),
    /// A period report.
    PeriodReport(PeriodReport),
    /// A programme.
    Programme(Programme),
}

impl Document {
    /// The document's kind.
    pub const fn kind(&self) -> DocumentKind {
        match self {
            Self::Scheme(_) => DocumentKind::Scheme,
            Self::Plan(_) => DocumentKind::Plan,
            Self::PeriodReport(_) => DocumentKind::PeriodReport,
            Self::Programme(_) => DocumentKind::Programme,
        }
    }

    /// The document's identifier.
    pub fn id(&self) -> &str {
        match self {
            Self::Scheme(s) => &s.id,
            Self::Plan(p) => &p.id,
            Self::PeriodReport(r) => &r.id,
            Self::Programme(p) => &p.id,
        }
    }

    /// The format version the document was written in (1 or 2); every document is held,
    /// checked and written as version 2.
    pub const fn schema_version_read(&self) -> u64 {
        match self {
            Self::Scheme(s) => s.schema_version.read(),
            Self::Plan(p) => p.schema_version.read(),
            Self::PeriodReport(r) => r.schema_version.read(),
            Self::Programme(p) => p.schema_version.read(),
        }
    }

    /// The document in its version-2 JSON form, indented: what `khuyencong upgrade` writes.
    /// A version-1 document keeps every figure, code and text; only `schema_version`
    /// changes, and members are written in the format's order.
    ///
    /// # Example
    /// ```
    /// use khuyencong::document::parse;
    /// let v1 = parse(br#"{"kind": "plan", "schema_version": 1, "id": "kh", "year": 2024,
    ///   "fund_level": "provincial"}"#).map_err(|e| e.to_string())?;
    /// assert_eq!(v1.schema_version_read(), 1);
    /// let v2 = v1.to_json_v2();
    /// assert!(v2.contains("\"schema_version\": 2"));
    /// assert_eq!(parse(v2.as_bytes()).map_err(|e| e.to_string())?.schema_version_read(), 2);
    /// # Ok::<(), String>(())
    /// ```
    pub fn to_json_v2(&self) -> String {
        let mut s = serde_json::to_string_pretty(self)
            .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
        s.push('\n');
        s
    }
}

/// Options of [`check`].
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct CheckOptions {
    /// A provincial rule pack, layered over the national levels for local-fund schemes.
    pub provincial_pack: Option<crate::support::ProvincialPack>,
}

impl CheckOptions {
    /// Options with a provincial rule pack.
    #[must_use]
    pub fn with_provincial_pack(mut self, pack: crate::support::ProvincialPack) -> Self {
        self.provincial_pack = Some(pack);
        self
    }
}

/// The result of checking one input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Checked {
    /// The document, when it could be read.
    #[serde(skip)]
    pub document: Option<Document>,
    /// The document's kind, when known.
    pub kind: Option<DocumentKind>,
    /// The document's `id`, when it could be read.
    pub id: Option<String>,
    /// Every finding, in deterministic order.
    pub findings: Vec<Finding>,
}

impl Checked {
    /// The result for an input that could not be read as a document: its findings, with
    /// the kind and `id` when they are known (e.g. a spreadsheet whose cells could not be
    /// assembled into a document).
    pub fn unreadable(
        kind: Option<DocumentKind>,
        id: Option<String>,
        findings: Vec<Finding>,
    ) -> Self {
        Self {
            document: None,
            kind,
            id,
            findings,
        }
    }

    /// Whether any finding is an error.
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(|f| f.severity == Severity::Error)
    }
}

/// The findings of one input, as `check` reports them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct DocumentFindings {
    /// The input's name (a file path, `-` for standard input). / Tên tệp.
    pub file: String,
    /// The line within a JSON Lines input (from 1). / Dòng trong tệp JSON Lines.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    /// The document's kind, when it could be read. / Loại văn bản.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<DocumentKind>,
    /// The document's `id`, when it could be read. / Mã văn bản.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Every finding, in deterministic order. / Các phát hiện.
    pub findings: Vec<Finding>,
}

impl DocumentFindings {
    /// The result of one input: `file` (and `line` within a JSON Lines input) with what
    /// checking it gave.
    pub fn new(file: impl Into<String>, line: Option<u64>, checked: Checked) -> Self {
        Self {
            file: file.into(),
            line,
            kind: checked.kind,
            id: checked.id,
            findings: checked.findings,
        }
    }
}

/// Counts over a batch of checked inputs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Summary {
    /// Inputs checked. / Số văn bản.
    pub documents: u64,
    /// Inputs with at least one error. / Số văn bản có lỗi.
    pub with_errors: u64,
    /// Error findings. / Số lỗi.
    pub errors: u64,
    /// Warning findings. / Số cảnh báo.
    pub warnings: u64,
    /// Information findings. / Số thông tin.
    pub info: u64,
}

impl Summary {
    /// Counts one input's findings.
    pub fn add(&mut self, findings: &[Finding]) {
        self.documents += 1;
        let mut any_error = false;
        for f in findings {
            match f.severity {
                Severity::Error => {
                    self.errors += 1;
                    any_error = true;
                }
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.info += 1,
            }
        }
        self.with_errors += u64::from(any_error);
    }
}

/// The output of checking a batch: each input's findings and a summary.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Check output / Kết quả kiểm tra")]
#[non_exhaustive]
pub struct CheckReport {
    /// One entry per input. / Kết quả từng văn bản.
    pub documents: Vec<DocumentFindings>,
    /// Counts. / Tổng hợp.
    pub summary: Summary,
}

impl CheckReport {
    /// The output of checking a batch: one entry per input, and the counts.
    pub const fn new(documents: Vec<DocumentFindings>, summary: Summary) -> Self {
        Self { documents, summary }
    }
}

pub use crate::input::MAX_INPUT_BYTES;

/// Why an input could not be read as a document: every structural problem at once, and the
/// document's kind and `id` when they could be read.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Unreadable {
    /// The document's kind, when it could be read.
    pub kind: Option<DocumentKind>,
    /// The document's `id`, when it could be read.
    pub id: Option<String>,
    /// Every structural finding (codes `structure.*`), in deterministic order; never empty.
    pub findings: Vec<Finding>,
}

impl std::fmt::Display for Unreadable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.findings.first() {
            Some(first) => {
                let path = if first.path.is_empty() {
                    "/"
                } else {
                    &first.path
                };
                write!(f, "{path}: {}", first.message_en())?;
                if self.findings.len() > 1 {
                    write!(f, " (and {} more)", self.findings.len() - 1)?;
                }
                Ok(())
            }
            None => f.write_str("the document cannot be read"),
        }
    }
}

impl std::error::Error for Unreadable {}

/// Reads a document from JSON bytes.
///
/// A leading UTF-8 byte-order mark is ignored (RFC 8259 §8.1; [`check_bytes`] says so with
/// an information finding).
///
/// # Errors
/// [`Unreadable`] with every structural problem at once, each a finding (code
/// `structure.*`) saying what is wrong and where (its JSON Pointer): an input larger than
/// [`MAX_INPUT_BYTES`], an empty input, UTF-16 or invalid UTF-8, malformed JSON (with line
/// and column), nesting deeper than [`MAX_DEPTH`](crate::input::MAX_DEPTH), every
/// duplicate key, a missing or unknown `kind`, and every unknown field, missing field, wrong
/// type, float or negative amount, unknown code, impossible date or out-of-bounds value.
///
/// # Example
/// ```
/// use khuyencong::document::parse;
/// let err = parse(br#"{"kind": "plan", "schema_version": 1, "id": "kh", "year": 1999.5,
///     "fund_level": "city", "colour": 1}"#).unwrap_err();
/// let codes: Vec<&str> = err.findings.iter().map(|f| f.code.as_str()).collect();
/// assert_eq!(codes, ["structure.unknown_field", "structure.unknown_code", "structure.not_whole_number"]);
/// assert_eq!(err.id.as_deref(), Some("kh"));
/// ```
pub fn parse(bytes: &[u8]) -> Result<Document, Unreadable> {
    let (bytes, _) = crate::input::strip_bom(bytes);
    if let Some(document) = read_well_formed(bytes) {
        return Ok(document);
    }
    let report = structure::report(bytes);
    let mut findings = report.findings;
    if findings.is_empty() {
        findings.push(fallback(report.kind, bytes));
    }
    Finding::sort(&mut findings);
    Err(Unreadable {
        kind: report.kind,
        id: report.id,
        findings,
    })
}

/// The fast path for the common case, a well-formed document: one pass of the strict typed
/// reader, no error paths kept. `None` whenever anything is wrong — then the structural
/// report reads the input again to say what and where.
///
/// The strict reader accepts exactly what the structural report accepts (the agreement
/// tests prove it on the corpus and thousands of mutations): it checks the `kind` tag itself
/// (the scan only picks which type to try); the whole input is checked to be UTF-8; objects
/// are read only as objects and codes only as strings; the depth limit is the same.
fn read_well_formed(bytes: &[u8]) -> Option<Document> {
    if bytes.len() > MAX_INPUT_BYTES {
        return None;
    }
    let kind = structure::quick_kind(bytes)?;
    // The whole input is checked to be UTF-8 once (the structural report says where it is
    // not); the typed reader then reads text and does not check each string again. The check
    // uses SIMD where the processor has it: it accepts exactly what `std::str::from_utf8`
    // accepts, several times faster on Vietnamese text.
    let text = simdutf8::basic::from_utf8(bytes).ok()?;
    match kind {
        b"scheme" => strict::from_str(text).ok().map(Document::Scheme),
        b"plan" => strict::from_str(text).ok().map(Document::Plan),
        b"period_report" => strict::from_str(text).ok().map(Document::PeriodReport),
        b"programme" => strict::from_str(text).ok().map(Document::Programme),
        _ => None,
    }
}

/// The finding for an input the strict reader refused although the structural report
/// found nothing (ruled out by the agreement tests; never a silent pass).
fn fallback(kind: Option<DocumentKind>, bytes: &[u8]) -> Finding {
    use crate::input::report::fallback;
    match kind {
        Some(DocumentKind::Scheme) => fallback::<Scheme>(bytes),
        Some(DocumentKind::Plan) => fallback::<Plan>(bytes),
        Some(DocumentKind::Programme) => fallback::<Programme>(bytes),
        _ => fallback::<PeriodReport>(bytes),
    }
}

/// Checks a document already read (built in code, or read by another reader): its
/// findings, with the document kept in the result.
pub fn check_document(document: Document, options: &CheckOptions) -> Checked {
    Checked {
        kind: Some(document.kind()),
        id: Some(document.id().to_owned()),
        findings: check(&document, options),
        document: Some(document),
    }
}

/// Checks a parsed document: every finding, in deterministic order.
pub fn check(document: &Document, options: &CheckOptions) -> Vec<Finding> {
    let mut out = Vec::new();
    if document.schema_version_read() < common::SCHEMA_VERSION {
        out.push(upgraded(document.schema_version_read()));
    }
    match document {
        Document::Scheme(s) => s.check(&mut out, options),
        Document::Plan(p) => p.check(&mut out),
        Document::PeriodReport(r) => r.check(&mut out),
        Document::Programme(p) => p.check(&mut out),
    }
    crate::province::check_document(document, &mut out);
    Finding::sort(&mut out);
    out
}

/// The information finding of a document written in an earlier format version.
fn upgraded(read: u64) -> Finding {
    kinds::Upgraded {
        schema_version: read,
        current: common::SCHEMA_VERSION,
    }
    .at("/schema_version")
}

/// A year of a line, target or envelope line must be inside the document's period.
pub(crate) fn check_year_in_period(
    out: &mut Vec<Finding>,
    year: Year,
    period: &Period,
    path: &str,
) {
    check_year_in_period_at(out, year, period, || path.to_owned());
}

/// [`check_year_in_period`] with the path built only for a finding.
pub(crate) fn check_year_in_period_at(
    out: &mut Vec<Finding>,
    year: Year,
    period: &Period,
    path: impl FnOnce() -> String,
) {
    use chrono::Datelike;
    let y = year.get();
    if y < period.from.year() || y > period.to.year() {
        out.push(
            kinds::YearOutsidePeriod {
                year: y,
                from: period.from,
                to: period.to,
            }
            .at(path()),
        );
    }
}

/// Reads and checks one input; structural problems become findings.
///
/// Every structural problem is reported at once, with the document's kind and `id` when
/// they can be read. The rules are still checked when what could not be read is only
/// unknown fields or free text (titles, notes, names: no rule computes with them) —
/// `structure.rules_partial` then names the text set aside; otherwise
/// `structure.rules_not_run` says that the rules were not checked, and where the first
/// problem that prevents them is.
pub fn check_bytes(bytes: &[u8], options: &CheckOptions) -> Checked {
    let (bytes, bom) = crate::input::strip_bom(bytes);
    let with_bom = |findings: &mut Vec<Finding>| {
        if bom {
            findings.push(crate::input::report::bom_ignored());
            Finding::sort(findings);
        }
    };
    // The document read is moved into the result as it was returned (an `Option`), not
    // taken out and wrapped again: a document is several kilobytes, and each move is a copy.
    let document = read_well_formed(bytes);
    let Some(read) = &document else {
        let mut checked = check_unreadable(bytes, options);
        with_bom(&mut checked.findings);
        return checked;
    };
    let mut findings = check(read, options);
    with_bom(&mut findings);
    Checked {
        kind: Some(read.kind()),
        id: Some(read.id().to_owned()),
        findings,
        document,
    }
}

/// Checks one line of a JSON Lines input ([`crate::input::JsonLines`]): a line longer than
/// the limit gets `structure.too_large_input` and is never read.
pub fn check_line(line: crate::input::Line<'_>, options: &CheckOptions) -> Checked {
    match line {
        crate::input::Line::Text { bytes, .. } => check_bytes(bytes, options),
        crate::input::Line::Overlong { .. } => Checked {
            document: None,
            kind: None,
            id: None,
            findings: vec![crate::input::report::too_large_input(), rules_not_run(None)],
        },
    }
}

fn check_unreadable(bytes: &[u8], options: &CheckOptions) -> Checked {
    let report = structure::report(bytes);
    let mut findings = report.findings;
    if findings.is_empty() {
        findings.push(fallback(report.kind, bytes));
    }
    let pruned = report.prunable.and_then(|(value, removed)| {
        let kind = report.kind.ok_or_else(String::new)?;
        read_pruned(kind, value)
            .map(|d| (d, removed))
            .map_err(|()| String::new())
    });
    match pruned {
        Ok((document, removed)) => {
            let under = |p: &str| {
                removed.iter().any(|r| {
                    p == r
                        || (p.starts_with(r.as_str()) && p.as_bytes().get(r.len()) == Some(&b'/'))
                })
            };
            findings.extend(
                check(&document, options)
                    .into_iter()
                    .filter(|f| !under(&f.path) && !f.facts.iter().any(|p| under(p))),
            );
            if !removed.is_empty() {
                findings.push(rules_partial(&removed));
            }
        }
        Err(place) => findings.push(rules_not_run(Some(place).filter(|p| !p.is_empty()))),
    }
    Finding::sort(&mut findings);
    Checked {
        document: None,
        kind: report.kind,
        id: report.id,
        findings,
    }
}

/// Reads the value the structural report pruned as a document, through the strict reader.
///
/// Natively the value is read as it is (serde_json's reader of values behind the same strict
/// wrapper); in the WebAssembly module it is written out and read by the fast path's own
/// reader, so that the module carries one instance of each type's reader and stays small.
/// Both give the same document (test `pruned_values_read_alike`).
fn read_pruned(kind: DocumentKind, value: serde_json::Value) -> Result<Document, ()> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        read_value(kind, value)
    }
    #[cfg(target_arch = "wasm32")]
    {
        read_written(kind, &value)
    }
}

/// The pruned value read as it is.
#[cfg(any(test, not(target_arch = "wasm32")))]
fn read_value(kind: DocumentKind, value: serde_json::Value) -> Result<Document, ()> {
    let document = match kind {
        DocumentKind::Scheme => strict::from_value(value).map(Document::Scheme),
        DocumentKind::Plan => strict::from_value(value).map(Document::Plan),
        DocumentKind::PeriodReport => strict::from_value(value).map(Document::PeriodReport),
        DocumentKind::Programme => strict::from_value(value).map(Document::Programme),
    };
    document.map_err(|_| ())
}

/// The pruned value written out and read by the fast path's reader.
#[cfg(any(test, target_arch = "wasm32"))]
fn read_written(kind: DocumentKind, value: &serde_json::Value) -> Result<Document, ()> {
    let text = serde_json::to_string(value).map_err(|_| ())?;
    let document = match kind {
        DocumentKind::Scheme => strict::from_str(&text).map(Document::Scheme),
        DocumentKind::Plan => strict::from_str(&text).map(Document::Plan),
        DocumentKind::PeriodReport => strict::from_str(&text).map(Document::PeriodReport),
        DocumentKind::Programme => strict::from_str(&text).map(Document::Programme),
    };
    document.map_err(|_| ())
}

fn rules_not_run(place: Option<String>) -> Finding {
    RulesNotRun {
        first: FirstProblem(place),
    }
    .at("")
}

fn rules_partial(removed: &[String]) -> Finding {
    RulesPartial {
        set_aside: removed.to_vec(),
    }
    .at("")
}

/// Checks that a period starts on or after 2012-07-05 and is not reversed; returns whether
/// the regime-dependent checks can go on.
pub(crate) fn check_coverage(out: &mut Vec<Finding>, period: &Period, path: &str) -> bool {
    if period.from > period.to {
        out.push(
            PeriodReversed {
                from: Unlisted(IsoDate(period.from)),
                to: Unlisted(IsoDate(period.to)),
            }
            .at(path),
        );
        return false;
    }
    if period.to < DECREE_45_EFFECTIVE {
        out.push(BeforeCoverage {}.at(path));
        return false;
    }
    if period.from < DECREE_45_EFFECTIVE {
        out.push(PartlyBeforeCoverage {}.at(path));
    }
    true
}

/// The regimes in force at some day of the period.
fn regimes_of(period: &Period) -> impl Iterator<Item = Regime> + '_ {
    Regime::ALL
        .iter()
        .copied()
        .filter(|r| r.starts() <= period.to && r.ends().is_none_or(|e| e >= period.from))
}

fn overlaps(info: &crate::CodeInfo, period: &Period) -> bool {
    info.valid_from <= period.to && info.valid_until.is_none_or(|u| u >= period.from)
}

/// An activity must exist in a regime in force during the period.
pub(crate) fn check_activity_in_period(
    out: &mut Vec<Finding>,
    activity: Activity,
    period: &Period,
    path: &str,
) {
    check_activity_in_period_at(out, activity, period, || path.to_owned());
}

/// [`check_activity_in_period`] with the path built only when there is a finding.
pub(crate) fn check_activity_in_period_at(
    out: &mut Vec<Finding>,
    activity: Activity,
    period: &Period,
    path: impl FnOnce() -> String,
) {
    let info = activity.info();
    let in_regime = regimes_of(period).any(|r| info.confidence_in(r).is_some());
    if !(in_regime && overlaps(info, period)) {
        out.push(
            ActivityNotInRegime {
                activity,
                from: Unlisted(IsoDate(period.from)),
                to: Unlisted(IsoDate(period.to)),
                exists_from: Unlisted(IsoDate(info.valid_from)),
            }
            .at(path())
            .cite(info.citation),
        );
    }
}

/// A fund level must exist during the period (district funds ended with the districts).
pub(crate) fn check_fund_level_in_period(
    out: &mut Vec<Finding>,
    level: FundLevel,
    period: &Period,
    path: &str,
) {
    check_fund_level_in_period_at(out, level, period, || path.to_owned());
}

/// [`check_fund_level_in_period`] with the path built only when there is a finding.
pub(crate) fn check_fund_level_in_period_at(
    out: &mut Vec<Finding>,
    level: FundLevel,
    period: &Period,
    path: impl FnOnce() -> String,
) {
    let info = level.info();
    if !overlaps(info, period) {
        out.push(
            FundLevelNotInForce {
                level: Unlisted(level),
                ended: Unlisted(info.valid_until.map(IsoDate)),
            }
            .at(path())
            .cite(info.citation),
        );
    }
}

/// Where the first problem that kept the rules from running is, in a message; `at` in
/// `params`.
#[derive(Debug, Clone)]
pub(crate) struct FirstProblem(Option<String>);

impl Arg for FirstProblem {
    fn write(&self, lang: Lang, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let Some(p) = &self.0 else {
            return Ok(());
        };
        let p = if p.is_empty() { "/" } else { p };
        match lang {
            Lang::Vi => write!(f, " (vấn đề đầu tiên ngăn việc kiểm tra: {p})"),
            Lang::En => write!(f, " (the first problem that prevents them: {p})"),
        }
    }
    fn json(&self) -> serde_json::Value {
        serde_json::Value::Null
    }
    fn to_params(&self, _: &'static str, out: &mut Params) {
        if let Some(p) = &self.0 {
            out.insert("at", p.as_str().into());
        }
    }
}

/// Decree 45/2012 Art. 18 (its entry into force).
const ND45_18: Citation = Citation::article(InstrumentId::Nd45_2012, 18);

finding_kinds! {
    /// The rules did not run.
    RulesNotRun {
        code: "structure.rules_not_run",
        severity: Info,
        citation: None,
        meaning: (
            "Các quy định chưa được kiểm tra vì văn bản chưa đọc được.",
            "The rules were not checked because the document could not be read.",
        ),
        fix: (
            "Sửa các lỗi cấu trúc rồi kiểm tra lại để thấy các lỗi về nội dung.",
            "Fix the structural errors and check again to see the rules' findings.",
        ),
        params: { first: FirstProblem },
        message: (
            "các quy định chưa được kiểm tra vì văn bản chưa đọc được{first}; sửa các lỗi cấu trúc rồi kiểm tra lại",
            "the rules were not checked because the document could not be read{first}; fix the structural errors and check again",
        ),
    }

    /// The rules ran without unreadable free text.
    RulesPartial {
        code: "structure.rules_partial",
        severity: Info,
        citation: None,
        meaning: (
            "Các quy định đã được kiểm tra, không tính văn bản (tên, ghi chú) chưa đọc được; không quy định nào tính toán với văn bản đó.",
            "The rules were checked without free text (titles, notes) that could not be read; no rule computes with it.",
        ),
        fix: ("Sửa các lỗi cấu trúc được nêu.", "Fix the structural errors listed."),
        params: { set_aside: Vec<String> },
        message: (
            "các quy định đã được kiểm tra, không tính văn bản chưa đọc được tại {set_aside}",
            "the rules were checked without the unreadable text at {set_aside}",
        ),
    }

    /// A period that starts after it ends.
    PeriodReversed {
        code: "document.period_reversed",
        severity: Error,
        citation: None,
        meaning: ("Kỳ bắt đầu sau ngày kết thúc.", "A period that starts after it ends."),
        fix: ("Sửa ngày.", "Fix the dates."),
        params: { from: Unlisted<IsoDate>, to: Unlisted<IsoDate> },
        message: (
            "kỳ bắt đầu ({from}) sau ngày kết thúc ({to})",
            "the period starts ({from}) after it ends ({to})",
        ),
    }

    /// A date before Decree 45/2012.
    BeforeCoverage {
        code: "document.before_coverage",
        severity: Error,
        citation: Some(ND45_18),
        meaning: (
            "Ngày trước 05/07/2012 (trước Nghị định số 45/2012/NĐ-CP).",
            "A date before 2012-07-05, when Decree 45/2012/ND-CP took effect.",
        ),
        fix: (
            "Văn bản thuộc giai đoạn Nghị định số 134/2004/NĐ-CP không được hỗ trợ.",
            "Documents of the Decree 134/2004 era are not covered.",
        ),
        params: {},
        message: (
            "kỳ trước ngày 05/07/2012, ngày Nghị định số 45/2012/NĐ-CP có hiệu lực; giai đoạn Nghị định số 134/2004/NĐ-CP không được hỗ trợ",
            "the period is before 2012-07-05, when Decree 45/2012/ND-CP took effect; the Decree 134/2004/ND-CP era is not covered",
        ),
    }

    /// A period partly before Decree 45/2012.
    PartlyBeforeCoverage {
        code: "document.partly_before_coverage",
        severity: Warning,
        citation: Some(ND45_18),
        meaning: ("Kỳ bắt đầu trước 05/07/2012.", "A period that starts before 2012-07-05."),
        fix: ("Phần trước ngày đó không được đánh giá.", "The part before that day is not assessed."),
        params: {},
        message: (
            "kỳ bắt đầu trước ngày 05/07/2012; phần trước ngày này không được đánh giá",
            "the period starts before 2012-07-05; the part before that day is not assessed",
        ),
    }

    /// An activity not in force in the period.
    ActivityNotInRegime {
        code: "document.activity_not_in_regime",
        severity: Error,
        citation: None,
        meaning: (
            "Nội dung hoạt động không có hiệu lực trong kỳ (ví dụ nội dung mới của Nghị định số 235/2025/NĐ-CP trong kỳ trước 15/10/2025).",
            "An activity that does not exist in the regime of the period (e.g. a Decree 235/2025 addition before 2025-10-15).",
        ),
        fix: ("Dùng nội dung của Điều 4 có hiệu lực trong kỳ.", "Use an Art. 4 activity in force in the period."),
        params: {
            activity: Activity,
            from: Unlisted<IsoDate>,
            to: Unlisted<IsoDate>,
            exists_from: Unlisted<IsoDate>,
        },
        message: (
            "nội dung `{activity}` không có hiệu lực trong kỳ {from} – {to} (có từ {exists_from})",
            "activity `{activity}` is not in force during {from} – {to} (it exists from {exists_from})",
        ),
    }

    /// A fund level that no longer exists in the period.
    FundLevelNotInForce {
        code: "document.fund_level_not_in_force",
        severity: Error,
        citation: None,
        meaning: (
            "Cấp kinh phí không còn trong kỳ (cấp huyện sau 30/6/2025).",
            "A fund level that does not exist in the period (district funds after 2025-06-30).",
        ),
        fix: ("Dùng cấp tỉnh hoặc cấp xã.", "Use the provincial or commune level."),
        params: { level: Unlisted<FundLevel>, ended: Unlisted<Option<IsoDate>> },
        message: (
            "cấp kinh phí `{level}` không còn trong kỳ này (đến {ended})",
            "fund level `{level}` does not exist in this period (it ended {ended})",
        ),
    }

    /// An amount whose kept words state another figure.
    AmountTextMismatch {
        code: "document.amount_text_mismatch",
        severity: Warning,
        citation: None,
        meaning: (
            "Số tiền và nguyên văn đi kèm (`text`) nêu hai số liệu khác nhau. Nguyên văn được làm tròn ('15,2 tỷ' là mọi số từ 15,15 tỷ đến dưới 15,25 tỷ); với số tiền chính xác, nguyên văn 'hơn'/'trên' còn bao gồm mọi số lớn hơn, nguyên văn 'gần'/'khoảng'/'xấp xỉ' mọi số chênh không quá 10%. Chỉ kiểm tra khi nguyên văn đọc được là một số tiền; từ chỉ mức độ không được so với `exactness` (không báo). Phép tính, không phải quy định pháp luật.",
            "An amount and its kept words (`text`) state different figures. The words are rounded ('15,2 tỷ' is every figure from 15.15 up to 15.25 billion); for an exact amount, words saying 'hơn'/'trên' also cover every larger figure and words saying 'gần'/'khoảng'/'xấp xỉ' every figure within 10 %. The words are checked only when they read as an amount; their qualifier is never compared with `exactness` (no finding). Arithmetic, not a legal rule.",
        ),
        fix: (
            "Kiểm tra văn bản gốc nêu số nào; sửa số tiền hoặc nguyên văn.",
            "Check which of the two the source says; correct the number or the words.",
        ),
        params: { text: String, vnd: crate::money::Vnd, at: Unlisted<String> },
        message: (
            "tại {at}: nguyên văn `{text}` không khớp với số tiền {vnd}",
            "at {at}: the words `{text}` do not agree with the amount {vnd}",
        ),
    }
}

/// Compares an amount's words, where kept, with its number: warns when the number lies outside
/// what the words can stand for (arithmetic, not a legal rule).
///
/// The words are read with [`crate::money::parse_vnd_with_place`]; words that do not read as
/// an amount (other words, notes, a unit the reader does not know) are not checked. Written
/// figures are rounded: "15,2 tỷ" stands for 15 150 000 000 ≤ x < 15 250 000 000 (half a unit
/// of the last digit written either side), words exact to the đồng for that đồng only.
///
/// When the amount is itself a bound or an approximation, its number is the figure the words
/// state and must round to it. When the amount is exact and the words are qualified, the
/// document may know the precise figure the words only bound or approximate: words saying
/// "hơn"/"trên" (more than) then stand for every larger figure too, words saying "gần",
/// "khoảng" or "xấp xỉ" for every figure within the reconciliation's tolerance for
/// approximate figures ([`crate::figure::reconcile::APPROXIMATE_TOLERANCE_PERCENT`]). The
/// qualifier itself is never compared with the amount's exactness: a mismatch there is no
/// finding. Nothing is allocated unless the amount has words that disagree.
pub(crate) fn check_amount_text(
    out: &mut Vec<Finding>,
    amount: Option<&crate::figure::Amount>,
    path: &dyn Fn() -> String,
) {
    let Some((amount, text)) = amount.and_then(|a| a.text.as_deref().map(|t| (a, t))) else {
        return;
    };
    if !amount_text_agrees(text, amount.vnd, amount.exactness) {
        let at = path();
        out.push(
            AmountTextMismatch {
                text: text.to_owned(),
                vnd: amount.vnd,
                at: Unlisted(at.clone()),
            }
            .at(at),
        );
    }
}

/// Whether `vnd`, stated with `exactness`, is a figure the words `text` can stand for (true
/// when the words do not read as an amount: nothing to compare).
pub(crate) fn amount_text_agrees(
    text: &str,
    vnd: crate::money::Vnd,
    exactness: crate::money::Exactness,
) -> bool {
    use crate::money::Exactness;
    let Ok((parsed, place)) = crate::money::parse_vnd_with_place(text) else {
        return true;
    };
    // Twice every figure, so that half a place value stays whole: 2·vnd ∈ [2·x − place,
    // 2·x + place). All values are below 2^53 and place ≤ 10^12, far inside u128.
    let twice = u128::from(vnd.get()) * 2;
    let stated = u128::from(parsed.amount.get()) * 2;
    let place = u128::from(place);
    let (low, high) = (stated.saturating_sub(place), stated + place);
    if (low..high).contains(&twice) {
        return true;
    }
    if exactness != Exactness::Exact {
        return false;
    }
    match parsed.exactness {
        Exactness::LowerBound => twice >= low,
        Exactness::Approximate => {
            // |vnd − x| · 100 ≤ x · tolerance, in whole numbers.
            let tolerance = u128::from(crate::figure::reconcile::APPROXIMATE_TOLERANCE_PERCENT);
            twice.abs_diff(stated) * 100 <= stated * tolerance
        }
        Exactness::Exact => false,
    }
}

/// The generator of the benchmarks and the fuzzer, for the test below.
#[cfg(test)]
#[path = "../../examples/gen_corpus/corpus.rs"]
mod corpus;

#[cfg(test)]
mod tests {
    use super::{corpus, read_value, read_well_formed, read_written, structure};

    /// The fast path changes nothing: on the shared corpus, generated documents and
    /// thousands of mutations of them, the strict reader accepts exactly what the structural
    /// report finds nothing wrong with.
    #[test]
    fn the_fast_path_agrees_with_the_structural_report() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let seeds = corpus::seed_inputs(&root);
        assert!(seeds.len() > 40);
        let mut rng = corpus::Rng::new(99);
        let mut inputs = seeds.clone();
        for _ in 0..4000 {
            let base = rng.pick(&seeds).clone();
            inputs.push(corpus::mutate(&mut rng, &base, &seeds));
        }
        let mut read = 0;
        for input in &inputs {
            let (input, _) = crate::input::strip_bom(input);
            let fast = read_well_formed(input).is_some();
            read += usize::from(fast);
            let report = structure::report(input);
            assert_eq!(
                fast,
                report.findings.is_empty(),
                "{}\n{:#?}",
                String::from_utf8_lossy(input),
                report.findings
            );
        }
        assert!(read > 40, "{read}");
    }

    /// The two ways of reading a pruned value (as it is natively, written out and read as
    /// text in the WebAssembly module) give the same document, or both fail, on every
    /// input of the agreement test that the structural report can prune.
    #[test]
    fn pruned_values_read_alike() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let seeds = corpus::seed_inputs(&root);
        let mut rng = corpus::Rng::new(99);
        let mut inputs = seeds.clone();
        for _ in 0..4000 {
            let base = rng.pick(&seeds).clone();
            inputs.push(corpus::mutate(&mut rng, &base, &seeds));
        }
        let (mut pruned, mut read) = (0, 0);
        for input in &inputs {
            let (input, _) = crate::input::strip_bom(input);
            let report = structure::report(input);
            let (Some(kind), Ok((value, _))) = (report.kind, report.prunable) else {
                continue;
            };
            pruned += 1;
            let written = read_written(kind, &value);
            let as_is = read_value(kind, value);
            read += usize::from(as_is.is_ok());
            assert_eq!(as_is, written, "{}", String::from_utf8_lossy(input));
        }
        assert!(pruned > 100 && read > 100, "{pruned} {read}");
    }
}

#[cfg(test)]
mod amount_text_tests {
    use super::{Finding, Severity, amount_text_agrees, check_amount_text};
    use crate::figure::Amount;
    use crate::law::Lang;
    use crate::money::{Exactness, Vnd};

    fn agrees(text: &str, vnd: u64, exactness: Exactness) -> bool {
        amount_text_agrees(text, Vnd::new(vnd).expect("vnd"), exactness)
    }

    /// `text` stands for exactly the figures in `low ..= high` (for an amount of the same
    /// exactness as the words): both ends agree, one đồng beyond either does not.
    fn stands_for(text: &str, exactness: Exactness, low: u64, high: u64) {
        assert!(agrees(text, low, exactness), "{text}: {low} agrees");
        assert!(agrees(text, high, exactness), "{text}: {high} agrees");
        assert!(
            !agrees(text, low - 1, exactness),
            "{text}: {} disagrees",
            low - 1
        );
        assert!(
            !agrees(text, high + 1, exactness),
            "{text}: {} disagrees",
            high + 1
        );
    }

    #[test]
    fn words_stand_for_the_figures_that_round_to_them_in_every_unit() {
        use Exactness::Exact;
        // đồng: exact to the đồng.
        stands_for("1.400.000.000 đồng", Exact, 1_400_000_000, 1_400_000_000);
        stands_for("250.000đ", Exact, 250_000, 250_000);
        // nghìn, with `.` between thousands and with a decimal `,`.
        stands_for("1.500 nghìn", Exact, 1_499_500, 1_500_499);
        stands_for("1,5 nghìn đồng", Exact, 1_450, 1_549);
        // triệu.
        stands_for("1.400 triệu", Exact, 1_399_500_000, 1_400_499_999);
        stands_for("48,91 triệu đồng", Exact, 48_905_000, 48_914_999);
        // tỷ.
        stands_for("15,2 tỷ", Exact, 15_150_000_000, 15_249_999_999);
        stands_for("1.400 tỷ đồng", Exact, 1_399_500_000_000, 1_400_499_999_999);
        // A figure of one digit: half a unit either side, never below zero.
        assert!(agrees("0 đồng", 0, Exact));
        assert!(!agrees("0 đồng", 1, Exact));
    }

    #[test]
    fn a_bound_or_approximation_states_the_figure_of_its_words() {
        use Exactness::{Approximate, LowerBound};
        stands_for("hơn 15,2 tỷ", LowerBound, 15_150_000_000, 15_249_999_999);
        stands_for(
            "trên 1.300 triệu đồng",
            LowerBound,
            1_299_500_000,
            1_300_499_999,
        );
        stands_for("khoảng 7,5 tỷ", Approximate, 7_450_000_000, 7_549_999_999);
        stands_for("gần 2 tỷ đồng", Approximate, 1_500_000_000, 2_499_999_999);
        // The qualifier of the words is not compared with the amount's exactness.
        assert!(agrees("hơn 12 tỷ đồng", 12_000_000_000, Approximate));
        assert!(agrees("12 tỷ đồng", 12_000_000_000, LowerBound));
    }

    #[test]
    fn an_exact_amount_may_be_more_precise_than_qualified_words() {
        use Exactness::Exact;
        // "hơn 15 tỷ" is true of every larger figure; below what rounds to 15 tỷ it is not.
        assert!(agrees("hơn 15 tỷ", 15_600_000_000, Exact));
        assert!(agrees("hơn 15 tỷ", 150_000_000_000, Exact));
        assert!(agrees("hơn 15 tỷ", 14_500_000_000, Exact));
        assert!(!agrees("hơn 15 tỷ", 14_499_999_999, Exact));
        // "khoảng 7,5 tỷ": within 10 % of 7,5 tỷ.
        assert!(agrees("khoảng 7,5 tỷ", 8_250_000_000, Exact));
        assert!(!agrees("khoảng 7,5 tỷ", 8_250_000_001, Exact));
        assert!(agrees("gần 7,5 tỷ", 6_750_000_000, Exact));
        assert!(!agrees("gần 7,5 tỷ", 6_749_999_999, Exact));
    }

    #[test]
    fn words_that_do_not_read_as_an_amount_are_not_checked() {
        for text in [
            "(NSTW)",
            "ngân sách nhà nước 48 tỷ",
            "bình quân 226 triệu đồng/cơ sở",
            "1,400 triệu",
            "12 USD",
            "1.400",
            "khoảng hơn 2 tỷ",
            "",
        ] {
            assert!(agrees(text, 1, Exactness::Exact), "{text}");
        }
    }

    fn amount(vnd: u64, exactness: Exactness, text: Option<&str>) -> Amount {
        let mut a = Amount::exact(Vnd::new(vnd).expect("vnd"));
        a.exactness = exactness;
        a.text = text.map(str::to_owned);
        a
    }

    #[test]
    fn a_disagreement_is_one_warning_at_the_amount_with_both_figures() {
        let mut out: Vec<Finding> = Vec::new();
        let path = || "/results/0/support".to_owned();
        check_amount_text(&mut out, None, &path);
        let no_words = amount(1, Exactness::Exact, None);
        check_amount_text(&mut out, Some(&no_words), &path);
        let agreeing = amount(15_200_000_000, Exactness::LowerBound, Some("hơn 15,2 tỷ"));
        check_amount_text(&mut out, Some(&agreeing), &path);
        assert!(out.is_empty());
        let slip = amount(1_520_000_000, Exactness::LowerBound, Some("hơn 15,2 tỷ"));
        check_amount_text(&mut out, Some(&slip), &path);
        assert_eq!(out.len(), 1);
        let f = &out[0];
        assert_eq!(f.code, "document.amount_text_mismatch");
        assert_eq!(f.severity, Severity::Warning);
        assert_eq!(f.path, "/results/0/support");
        assert!(f.citation.is_none());
        let en = f.message(Lang::En);
        assert!(
            en.contains("hơn 15,2 tỷ") && en.contains("1,520 million VND"),
            "{en}"
        );
        assert!(en.contains("/results/0/support"), "{en}");
        let vi = f.message(Lang::Vi);
        assert!(vi.contains("1.520 triệu đồng"), "{vi}");
    }
}
