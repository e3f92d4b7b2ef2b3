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
use crate::finding::{Finding, FindingDef, Severity};
use crate::fund::FundLevel;
use crate::law::{Citation, DECREE_45_EFFECTIVE, InstrumentId, Regime};

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
    // not); the typed reader then reads text and does not check each string again.
    let text = std::str::from_utf8(bytes).ok()?;
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
    use chrono::Datelike;
    let y = year.get();
    if y < period.from.year() || y > period.to.year() {
        out.push(
            kinds::YearOutsidePeriod {
                year: y,
                from: period.from,
                to: period.to,
            }
            .at(path),
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
    let mut checked = match read_well_formed(bytes) {
        Some(document) => Checked {
            kind: Some(document.kind()),
            id: Some(document.id().to_owned()),
            findings: check(&document, options),
            document: Some(document),
        },
        None => check_unreadable(bytes, options),
    };
    if bom {
        checked.findings.push(crate::input::report::bom_ignored());
        Finding::sort(&mut checked.findings);
    }
    checked
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
        // Written out and read by the fast path's own reader (one instance of each type's
        // reader in the library, which keeps the WebAssembly module small).
        let bytes = serde_json::to_vec(&value).map_err(|_| String::new())?;
        let document = match report.kind {
            Some(DocumentKind::Scheme) => strict::from_slice(&bytes).map(Document::Scheme),
            Some(DocumentKind::Plan) => strict::from_slice(&bytes).map(Document::Plan),
            Some(DocumentKind::PeriodReport) => {
                strict::from_slice(&bytes).map(Document::PeriodReport)
            }
            Some(DocumentKind::Programme) => strict::from_slice(&bytes).map(Document::Programme),
            None => return Err(String::new()),
        };
        document.map(|d| (d, removed)).map_err(|_| String::new())
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

fn rules_not_run(place: Option<String>) -> Finding {
    let (vi, en) = match &place {
        Some(p) => (
            format!(
                " (vấn đề đầu tiên ngăn việc kiểm tra: {})",
                if p.is_empty() { "/" } else { p }
            ),
            format!(
                " (the first problem that prevents them: {})",
                if p.is_empty() { "/" } else { p }
            ),
        ),
        None => (String::new(), String::new()),
    };
    let mut f = Finding::new(
        "structure.rules_not_run",
        Severity::Info,
        "",
        format!(
            "các quy định chưa được kiểm tra vì văn bản chưa đọc được{vi}; sửa các lỗi cấu trúc rồi kiểm tra lại"
        ),
        format!(
            "the rules were not checked because the document could not be read{en}; fix the structural errors and check again"
        ),
    );
    if let Some(p) = place {
        f = f.param("at", p);
    }
    f
}

fn rules_partial(removed: &[String]) -> Finding {
    let list = removed.join(", ");
    Finding::new(
        "structure.rules_partial",
        Severity::Info,
        "",
        format!("các quy định đã được kiểm tra, không tính văn bản chưa đọc được tại {list}"),
        format!("the rules were checked without the unreadable text at {list}"),
    )
    .param("set_aside", removed.to_vec())
}

/// Checks that a period starts on or after 2012-07-05 and is not reversed; returns whether
/// the regime-dependent checks can go on.
pub(crate) fn check_coverage(out: &mut Vec<Finding>, period: &Period, path: &str) -> bool {
    if period.from > period.to {
        out.push(Finding::new(
            "document.period_reversed",
            Severity::Error,
            path,
            format!(
                "kỳ bắt đầu ({}) sau ngày kết thúc ({})",
                period.from, period.to
            ),
            format!(
                "the period starts ({}) after it ends ({})",
                period.from, period.to
            ),
        ));
        return false;
    }
    if period.to < DECREE_45_EFFECTIVE {
        out.push(
            Finding::new(
                "document.before_coverage",
                Severity::Error,
                path,
                "kỳ trước ngày 05/07/2012, ngày Nghị định số 45/2012/NĐ-CP có hiệu lực; giai đoạn Nghị định số 134/2004/NĐ-CP không được hỗ trợ",
                "the period is before 2012-07-05, when Decree 45/2012/ND-CP took effect; the Decree 134/2004/ND-CP era is not covered",
            )
            .cite(Citation::article(InstrumentId::Nd45_2012, 18)),
        );
        return false;
    }
    if period.from < DECREE_45_EFFECTIVE {
        out.push(
            Finding::new(
                "document.partly_before_coverage",
                Severity::Warning,
                path,
                "kỳ bắt đầu trước ngày 05/07/2012; phần trước ngày này không được đánh giá",
                "the period starts before 2012-07-05; the part before that day is not assessed",
            )
            .cite(Citation::article(InstrumentId::Nd45_2012, 18)),
        );
    }
    true
}

/// The regimes in force at some day of the period.
fn regimes_of(period: &Period) -> Vec<Regime> {
    Regime::ALL
        .iter()
        .copied()
        .filter(|r| r.starts() <= period.to && r.ends().is_none_or(|e| e >= period.from))
        .collect()
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
    let in_regime = regimes_of(period)
        .iter()
        .any(|r| info.confidence_in(*r).is_some());
    if !(in_regime && overlaps(info, period)) {
        out.push(
            Finding::new(
                "document.activity_not_in_regime",
                Severity::Error,
                path(),
                format!(
                    "nội dung `{}` không có hiệu lực trong kỳ {} – {} (có từ {})",
                    activity.code(),
                    period.from,
                    period.to,
                    info.valid_from
                ),
                format!(
                    "activity `{}` is not in force during {} – {} (it exists from {})",
                    activity.code(),
                    period.from,
                    period.to,
                    info.valid_from
                ),
            )
            .cite(info.citation)
            .param("activity", activity.code()),
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
            Finding::new(
                "document.fund_level_not_in_force",
                Severity::Error,
                path(),
                format!(
                    "cấp kinh phí `{}` không còn trong kỳ này (đến {})",
                    level.code(),
                    info.valid_until.map(|d| d.to_string()).unwrap_or_default()
                ),
                format!(
                    "fund level `{}` does not exist in this period (it ended {})",
                    level.code(),
                    info.valid_until.map(|d| d.to_string()).unwrap_or_default()
                ),
            )
            .cite(info.citation),
        );
    }
}

macro_rules! def {
    ($code:literal, $sev:ident, $cite:expr, $mvi:literal, $men:literal, $fvi:literal, $fen:literal) => {
        FindingDef {
            code: $code,
            severity: Severity::$sev,
            citation: $cite,
            meaning_vi: $mvi,
            meaning_en: $men,
            fix_vi: $fvi,
            fix_en: $fen,
        }
    };
}

/// The finding codes of document reading and reconciliation.
pub(crate) const FINDINGS: &[FindingDef] = &[
    def!(
        "structure.too_large_input",
        Error,
        None,
        "Tệp lớn hơn 16 MiB (16.777.216 byte), giới hạn của một văn bản.",
        "The input is larger than 16 MiB (16,777,216 bytes), the limit for one document.",
        "Kiểm tra tệp; tách dữ liệu thành nhiều văn bản (JSON Lines: mỗi dòng một văn bản).",
        "Check the file; split the data into several documents (JSON Lines: one per line)."
    ),
    def!(
        "structure.empty",
        Error,
        None,
        "Tệp rỗng.",
        "The input is empty.",
        "Gửi một văn bản JSON.",
        "Send a JSON document."
    ),
    def!(
        "structure.bom",
        Info,
        None,
        "Tệp bắt đầu bằng dấu BOM UTF-8; dấu này được bỏ qua (RFC 8259 §8.1 cho phép).",
        "The input starts with a UTF-8 byte-order mark, which is ignored (RFC 8259 §8.1 allows it).",
        "Lưu tệp dạng UTF-8 không có BOM để mọi hệ thống đọc được.",
        "Save the file as UTF-8 without a BOM so that every system reads it."
    ),
    def!(
        "structure.not_utf8",
        Error,
        None,
        "Tệp không phải UTF-8 (ví dụ UTF-16, TCVN3, VNI, Windows-1258).",
        "The input is not UTF-8 (e.g. UTF-16, TCVN3, VNI, Windows-1258).",
        "Lưu tệp dạng UTF-8 (không dùng TCVN3/VNI/Windows-1258).",
        "Save the file as UTF-8 (not TCVN3, VNI or Windows-1258)."
    ),
    def!(
        "structure.malformed_json",
        Error,
        None,
        "JSON sai cú pháp; thông báo nêu dòng và cột.",
        "The JSON is malformed; the message gives the line and column.",
        "Sửa cú pháp tại vị trí được nêu.",
        "Fix the syntax at the position given."
    ),
    def!(
        "structure.truncated",
        Error,
        None,
        "JSON bị cắt cụt.",
        "The JSON ends early (truncated file).",
        "Gửi lại tệp đầy đủ.",
        "Send the complete file."
    ),
    def!(
        "structure.too_deep",
        Error,
        None,
        "JSON lồng nhau quá 32 cấp.",
        "The JSON is nested more than 32 levels deep.",
        "Văn bản hợp lệ không lồng sâu như vậy; kiểm tra dữ liệu nguồn.",
        "Valid documents are never this deep; check the source data."
    ),
    def!(
        "structure.invalid_type",
        Error,
        None,
        "Sai kiểu dữ liệu (ví dụ chuỗi thay vì số).",
        "A value has the wrong JSON type.",
        "Dùng kiểu mà lược đồ quy định tại đường dẫn.",
        "Use the type the schema requires at the path."
    ),
    def!(
        "structure.unknown_field",
        Error,
        None,
        "Trường không có trong định dạng (lược đồ đóng).",
        "A field the format does not define (the schema is closed).",
        "Xóa trường hoặc sửa lỗi chính tả tên trường.",
        "Remove the field or fix its spelling."
    ),
    def!(
        "structure.missing_field",
        Error,
        None,
        "Thiếu trường bắt buộc.",
        "A required field is missing.",
        "Bổ sung trường.",
        "Add the field."
    ),
    def!(
        "structure.duplicate_field",
        Error,
        None,
        "Một trường xuất hiện hai lần trong cùng đối tượng.",
        "A field appears twice in one object.",
        "Giữ một lần.",
        "Keep one."
    ),
    def!(
        "structure.unknown_code",
        Error,
        None,
        "Mã không có trong danh mục.",
        "A code that is not in its codelist.",
        "Dùng mã trong `khuyencong catalog`.",
        "Use a code from `khuyencong catalog`."
    ),
    def!(
        "structure.not_whole_number",
        Error,
        None,
        "Số tiền hoặc số lượng không phải số nguyên (đồng không có đơn vị lẻ).",
        "An amount or count is not a whole number (VND has no minor unit).",
        "Ghi số nguyên đồng, ví dụ 1400000000 thay vì 1400.0 hay 1.4e9.",
        "Write whole đồng as a JSON integer, e.g. 1400000000, not 1400.0 or 1.4e9."
    ),
    def!(
        "structure.negative",
        Error,
        None,
        "Số tiền hoặc số lượng âm.",
        "A negative amount or count.",
        "Số tiền, số lượng không âm.",
        "Amounts and counts are non-negative."
    ),
    def!(
        "structure.too_large",
        Error,
        None,
        "Số vượt quá 9.007.199.254.740.991.",
        "A number above 9,007,199,254,740,991.",
        "Kiểm tra đơn vị (đồng, không phải phần nghìn đồng).",
        "Check the unit (đồng)."
    ),
    def!(
        "structure.invalid_date",
        Error,
        None,
        "Ngày không hợp lệ hoặc không có thật (ví dụ 2025-02-30).",
        "An invalid or impossible date (e.g. 2025-02-30).",
        "Dùng dạng YYYY-MM-DD với ngày có thật.",
        "Use YYYY-MM-DD with a real calendar day."
    ),
    def!(
        "structure.invalid_value",
        Error,
        None,
        "Giá trị không hợp lệ.",
        "An invalid value.",
        "Xem thông báo và lược đồ.",
        "See the message and the schema."
    ),
    def!(
        "structure.invalid_length",
        Error,
        None,
        "Số phần tử không hợp lệ.",
        "An array of the wrong length.",
        "Xem lược đồ.",
        "See the schema."
    ),
    def!(
        "structure.out_of_range",
        Error,
        None,
        "Số nằm ngoài khoảng cho phép (ví dụ năm kế hoạch ngoài 2000–2100).",
        "A number outside its allowed range (e.g. a plan year outside 2000–2100).",
        "Dùng giá trị trong khoảng mà thông báo và lược đồ nêu.",
        "Use a value within the range the message and the schema give."
    ),
    def!(
        "structure.unknown_kind",
        Error,
        None,
        "`kind` không phải `scheme`, `plan`, `period_report` hoặc `programme`.",
        "`kind` is not `scheme`, `plan`, `period_report` or `programme`.",
        "Sửa `kind`.",
        "Fix `kind`."
    ),
    def!(
        "structure.unsupported_schema_version",
        Error,
        None,
        "Phiên bản định dạng không được hỗ trợ (thư viện đọc phiên bản 1 và 2).",
        "An unsupported `schema_version` (the library reads versions 1 and 2).",
        "Dùng `schema_version: 2`.",
        "Use `schema_version: 2`."
    ),
    def!(
        "structure.rules_not_run",
        Info,
        None,
        "Các quy định chưa được kiểm tra vì văn bản chưa đọc được.",
        "The rules were not checked because the document could not be read.",
        "Sửa các lỗi cấu trúc rồi kiểm tra lại để thấy các lỗi về nội dung.",
        "Fix the structural errors and check again to see the rules' findings."
    ),
    def!(
        "structure.rules_partial",
        Info,
        None,
        "Các quy định đã được kiểm tra, không tính văn bản (tên, ghi chú) chưa đọc được; không quy định nào tính toán với văn bản đó.",
        "The rules were checked without free text (titles, notes) that could not be read; no rule computes with it.",
        "Sửa các lỗi cấu trúc được nêu.",
        "Fix the structural errors listed."
    ),
    def!(
        "structure.unreadable_file",
        Error,
        None,
        "Không mở hoặc đọc được tệp (không tồn tại, không có quyền đọc, là thư mục).",
        "The file cannot be opened or read (missing, not permitted, a directory).",
        "Kiểm tra đường dẫn và quyền đọc tệp.",
        "Check the path and the file's permissions."
    ),
    def!(
        "document.period_reversed",
        Error,
        None,
        "Kỳ bắt đầu sau ngày kết thúc.",
        "A period that starts after it ends.",
        "Sửa ngày.",
        "Fix the dates."
    ),
    def!(
        "document.before_coverage",
        Error,
        Some(Citation::article(InstrumentId::Nd45_2012, 18)),
        "Ngày trước 05/07/2012 (trước Nghị định số 45/2012/NĐ-CP).",
        "A date before 2012-07-05, when Decree 45/2012/ND-CP took effect.",
        "Văn bản thuộc giai đoạn Nghị định số 134/2004/NĐ-CP không được hỗ trợ.",
        "Documents of the Decree 134/2004 era are not covered."
    ),
    def!(
        "document.partly_before_coverage",
        Warning,
        Some(Citation::article(InstrumentId::Nd45_2012, 18)),
        "Kỳ bắt đầu trước 05/07/2012.",
        "A period that starts before 2012-07-05.",
        "Phần trước ngày đó không được đánh giá.",
        "The part before that day is not assessed."
    ),
    def!(
        "document.activity_not_in_regime",
        Error,
        None,
        "Nội dung hoạt động không có hiệu lực trong kỳ (ví dụ nội dung mới của Nghị định số 235/2025/NĐ-CP trong kỳ trước 15/10/2025).",
        "An activity that does not exist in the regime of the period (e.g. a Decree 235/2025 addition before 2025-10-15).",
        "Dùng nội dung của Điều 4 có hiệu lực trong kỳ.",
        "Use an Art. 4 activity in force in the period."
    ),
    def!(
        "document.fund_level_not_in_force",
        Error,
        None,
        "Cấp kinh phí không còn trong kỳ (cấp huyện sau 30/6/2025).",
        "A fund level that does not exist in the period (district funds after 2025-06-30).",
        "Dùng cấp tỉnh hoặc cấp xã.",
        "Use the provincial or commune level."
    ),
    def!(
        "reconcile.approximate",
        Info,
        None,
        "Số liệu ước tính ('gần', 'khoảng') khớp trong phạm vi 10%.",
        "Approximate figures agree within 10 %.",
        "Không cần sửa.",
        "Nothing to fix."
    ),
    def!(
        "reconcile.approximate_outside_tolerance",
        Warning,
        None,
        "Số liệu ước tính chênh lệch quá 10%.",
        "Approximate figures are more than 10 % apart.",
        "Kiểm tra số liệu gốc.",
        "Check the source figures."
    ),
    def!(
        "reconcile.lower_bound",
        Info,
        None,
        "Số liệu 'hơn/trên' (giới hạn dưới) được dùng khi đối chiếu và phù hợp với nhau.",
        "Lower bounds ('hơn', 'trên': more than) were used in a comparison, and they agree.",
        "Không cần sửa.",
        "Nothing to fix."
    ),
    def!(
        "reconcile.partial_breakdown",
        Info,
        None,
        "Chỉ một số phần nêu số liệu (số liệu không nêu là chưa biết, không phải bằng 0): tổng các phần đã nêu chỉ là giới hạn dưới và chưa vượt tổng được nêu.",
        "Only some parts state the figure (a figure not stated is unknown, never zero): the sum of those that do is a lower bound, and it does not exceed the stated total.",
        "Không bắt buộc; nêu số liệu của các phần còn lại nếu có.",
        "Nothing required; state the remaining parts' figures where known."
    ),
    def!(
        "reconcile.not_itemised",
        Info,
        None,
        "Văn bản nêu một tổng nhưng không phần nào nêu số liệu đó: không có gì để đối chiếu (khi tổng hợp, số liệu được ghi vào dòng 'not_itemised').",
        "A total is stated but no part states that figure: there is nothing to compare (in totals it appears under `not_itemised`).",
        "Không bắt buộc; nêu chi tiết nếu có.",
        "Nothing required; itemise it where known."
    ),
    def!(
        "reconcile.overflow",
        Error,
        None,
        "Tổng vượt quá mức tối đa.",
        "A sum exceeds the maximum amount.",
        "Kiểm tra đơn vị của số liệu.",
        "Check the units of the figures."
    ),
    def!(
        "funding.total_mismatch",
        Error,
        None,
        "Tổng nguồn vốn khác tổng các nguồn (khi mọi nguồn đều nêu số tiền), hoặc riêng các nguồn có nêu số tiền đã vượt tổng.",
        "The stated total funding differs from the sum of the sources (when every source states its amount), or the sources that state one already exceed it.",
        "Sửa tổng hoặc các nguồn để khớp chính xác.",
        "Correct the total or the sources so they agree exactly."
    ),
    def!(
        "funding.parts_mismatch",
        Error,
        None,
        "Một nguồn khác tổng các phần 'trong đó' (khi mọi phần đều nêu số tiền), hoặc riêng các phần có nêu số tiền đã vượt nguồn đó.",
        "A source differs from the sum of its parts ('of which') when every part states its amount, or the parts that state one already exceed it.",
        "Sửa số liệu để khớp chính xác.",
        "Correct the figures so they agree exactly."
    ),
    def!(
        "report.results_total_mismatch",
        Error,
        None,
        "Tổng kết quả nêu trong báo cáo khác tổng các dòng (khi mọi dòng đều nêu số liệu), hoặc riêng các dòng có nêu số liệu đã vượt tổng.",
        "A stated results total differs from the sum of the result lines (when every line states the figure), or the lines that state it already exceed it.",
        "Sửa tổng hoặc các dòng.",
        "Correct the total or the lines."
    ),
    def!(
        "report.targets_total_mismatch",
        Error,
        None,
        "Tổng mục tiêu nêu trong báo cáo khác tổng các dòng mục tiêu (khi mọi dòng đều nêu số liệu), hoặc riêng các dòng có nêu đã vượt tổng.",
        "A stated targets total differs from the sum of the target lines (when every line states the figure), or the lines that state it already exceed it.",
        "Sửa tổng hoặc các dòng.",
        "Correct the total or the lines."
    ),
    def!(
        "report.counterpart_mismatch",
        Error,
        Some(Citation::article(InstrumentId::Ttlt26_2014, 7).clause(3)),
        "Vốn đối ứng khác tổng (vốn đầu tư − kinh phí hỗ trợ) của các dòng kết quả (khi mọi dòng hỗ trợ cơ sở đều nêu cả hai số liệu), hoặc riêng các dòng có nêu đã vượt số vốn đối ứng.",
        "The counterpart differs from total investment minus support over the result lines (when every line supporting establishments states both), or the lines that state both already exceed it.",
        "Kiểm tra 'vốn thu hút đầu tư' có bao gồm phần hỗ trợ, và số vốn đối ứng.",
        "Check that the stated investment includes the support, and the counterpart figure."
    ),
    def!(
        "report.investment_below_support",
        Error,
        None,
        "Tổng vốn đầu tư nhỏ hơn kinh phí hỗ trợ.",
        "The total investment is below the support.",
        "Tổng vốn đầu tư gồm cả phần hỗ trợ; kiểm tra số liệu.",
        "The investment includes the support; check the figures."
    ),
    def!(
        "report.support_exceeds_funding",
        Error,
        None,
        "Kinh phí hỗ trợ theo kết quả vượt kinh phí huy động từ cùng cấp.",
        "Support in the results exceeds the funding mobilised at that level.",
        "Kiểm tra nguồn kinh phí của từng dòng kết quả.",
        "Check the fund of each result line."
    ),
    def!(
        "report.contest_fund_level",
        Warning,
        Some(Citation::article(InstrumentId::Tt26_2014Bct, 19)),
        "Cấp bình chọn không khớp nguồn kinh phí thường dùng (cấp huyện, tỉnh: địa phương; khu vực, quốc gia: quốc gia).",
        "The contest level does not match its usual fund (district and provincial: local; regional and national: national).",
        "Kiểm tra nguồn kinh phí.",
        "Check the fund."
    ),
    def!(
        "scheme.activity_not_specific",
        Warning,
        None,
        "Đề án nêu một nhóm nội dung thay vì nội dung cụ thể.",
        "A scheme names an Art. 4 group instead of a specific item.",
        "Nêu nội dung cụ thể (ví dụ `advanced_machinery_technology_transfer` thay vì `technology`).",
        "Name the specific item (e.g. `advanced_machinery_technology_transfer` rather than `technology`)."
    ),
    def!(
        "scheme.beneficiary_not_eligible",
        Error,
        None,
        "Một đối tượng thụ hưởng không đủ điều kiện cho nội dung chính của đề án; các lỗi điều kiện nêu lý do.",
        "A beneficiary is not eligible for the scheme's main activity; the eligibility errors say why.",
        "Thay đối tượng, nội dung hoặc sửa thông tin.",
        "Change the beneficiary or the activity, or correct the facts."
    ),
    def!(
        "scheme.beneficiary_indeterminate",
        Warning,
        None,
        "Chưa xác định được điều kiện của một đối tượng thụ hưởng vì thiếu thông tin.",
        "A beneficiary's eligibility cannot be decided: facts are missing.",
        "Bổ sung các thông tin được liệt kê.",
        "Supply the facts listed."
    ),
    def!(
        "scheme.support_split_missing",
        Warning,
        None,
        "Đề án có nhiều nội dung nhưng không chia kinh phí hỗ trợ theo nội dung: mức hỗ trợ tối đa được kiểm tra theo tổng mức tối đa của các nội dung (mỗi nội dung tính trên toàn bộ chi phí được hỗ trợ).",
        "A scheme with several contents does not split its support by content: the support is checked against the sum of the contents' limits (each on the whole eligible cost).",
        "Chia kinh phí hỗ trợ theo nội dung (`support_split`) để kiểm tra từng nội dung.",
        "Split the support by content (`support_split`) so that each content is checked."
    ),
    def!(
        "scheme.split_activity_not_listed",
        Error,
        None,
        "Một dòng chia kinh phí nêu nội dung không có trong danh sách nội dung của đề án.",
        "A line of the support split names an activity that is not one of the scheme's activities.",
        "Sửa nội dung của dòng hoặc bổ sung vào `activities`.",
        "Correct the line's activity or add it to `activities`."
    ),
    def!(
        "scheme.split_total_mismatch",
        Error,
        None,
        "Kinh phí hỗ trợ chia theo nội dung khác kinh phí khuyến công của đề án (khi mọi dòng đều nêu số tiền), hoặc riêng các dòng có nêu đã vượt kinh phí đó.",
        "The support split by content differs from the scheme's extension support (when every line states its support), or the lines that state one already exceed it.",
        "Sửa các dòng chia kinh phí hoặc các nguồn kinh phí.",
        "Correct the split or the funding lines."
    ),
    def!(
        "scheme.split_eligible_exceeds",
        Error,
        None,
        "Chi phí được hỗ trợ của các nội dung cộng lại lớn hơn chi phí được hỗ trợ của đề án.",
        "The contents' eligible costs add up to more than the scheme's eligible cost.",
        "Sửa chi phí của các nội dung hoặc của đề án.",
        "Correct the contents' or the scheme's eligible cost."
    ),
    def!(
        "scheme.counterpart_commitment_missing",
        Warning,
        Some(Citation::article(InstrumentId::Ttlt26_2014, 7).clause(3)),
        "Thiếu cam kết đầu tư phần kinh phí còn lại (điều kiện hỗ trợ).",
        "The commitment to invest the rest of the cost (a condition of support) is missing.",
        "Ghi `declarations.counterpart_committed: true` khi đã có cam kết.",
        "Set `declarations.counterpart_committed: true` once committed."
    ),
    def!(
        "report.support_above_usual_limit",
        Warning,
        None,
        "Hỗ trợ bình quân mỗi cơ sở của một dòng kết quả vượt mức hỗ trợ tối đa thông thường (theo vốn đầu tư bình quân).",
        "A result line's average support per establishment is above the usual maximum for its average investment.",
        "Kiểm tra từng đề án của dòng này (mức trần, tỷ lệ, đề án ưu tiên).",
        "Check the schemes behind the line (cap, share, priority schemes)."
    ),
    def!(
        "plan.duplicate_scheme",
        Error,
        None,
        "Một đề án được liệt kê hai lần.",
        "A scheme is listed twice.",
        "Xóa dòng trùng.",
        "Remove the duplicate."
    ),
    def!(
        "plan.support_exceeds_cost",
        Error,
        None,
        "Kinh phí hỗ trợ lớn hơn tổng kinh phí đề án.",
        "A scheme's support exceeds its total cost.",
        "Sửa số liệu.",
        "Correct the figures."
    ),
    def!(
        "plan.fund_source_mismatch",
        Error,
        Some(Citation::article(InstrumentId::Nd45_2012, 11)),
        "Kế hoạch quốc gia dùng ngân sách địa phương hoặc ngược lại.",
        "A national plan draws on local budgets, or a local plan on national funds.",
        "Dùng nguồn đúng cấp.",
        "Use sources of the plan's level."
    ),
    def!(
        "plan.schemes_exceed_budget",
        Error,
        None,
        "Tổng hỗ trợ của các đề án có nêu số liệu đã vượt kinh phí của kế hoạch.",
        "The support of the schemes that state it already exceeds the plan's budget.",
        "Điều chỉnh đề án hoặc kinh phí.",
        "Adjust the schemes or the budget."
    ),
    def!(
        "document.stated_share_mismatch",
        Error,
        None,
        "Tỷ lệ văn bản nêu (\"chiếm 18,4 %\") không khớp với các số liệu của chính văn bản, kể cả khi tính đến cách làm tròn của tỷ lệ.",
        "A share the document states (\"chiếm 18,4 %\") does not agree with the document's own figures, even within the rounding it is written with.",
        "Sửa tỷ lệ hoặc số liệu.",
        "Correct the share or the figures."
    ),
    def!(
        "document.stated_average_mismatch",
        Error,
        None,
        "Mức bình quân văn bản nêu không khớp với số tiền chia cho số lượng của chính dòng đó, kể cả khi tính đến cách làm tròn.",
        "An average the document states does not agree with its line's money divided by its count, even within its rounding.",
        "Sửa mức bình quân hoặc số liệu; nếu văn bản làm tròn thô hơn, ghi `rounding_vnd`.",
        "Correct the average or the figures; if the text rounds more coarsely, state `rounding_vnd`."
    ),
    def!(
        "document.stated_growth_mismatch",
        Error,
        None,
        "Mức tăng trưởng văn bản nêu không khớp với số liệu trước và sau mà văn bản nêu.",
        "A growth the document states does not agree with the figures before and after it states.",
        "Sửa mức tăng trưởng hoặc số liệu.",
        "Correct the growth or the figures."
    ),
    def!(
        "document.disbursement_rate_mismatch",
        Error,
        None,
        "Tỷ lệ giải ngân văn bản nêu không khớp với số đã giải ngân chia cho số được giao dự toán.",
        "A disbursement rate the document states does not agree with the disbursed amount over the allocated amount.",
        "Sửa tỷ lệ hoặc số liệu.",
        "Correct the rate or the figures."
    ),
    def!(
        "reconcile.range",
        Info,
        None,
        "Số liệu dạng khoảng (\"8–12\") được dùng khi đối chiếu và phù hợp với nhau.",
        "Ranges (\"8–12\") were used in a comparison, and they agree.",
        "Không cần sửa.",
        "Nothing to fix."
    ),
    def!(
        "reconcile.rest_derived",
        Info,
        None,
        "Dòng \"còn lại\" không nêu số liệu: được tính bằng tổng trừ các dòng khác (khi các dòng khác đều nêu số liệu chính xác).",
        "A \"rest\" line states no figure: it is derived as the total minus the other lines (when they all state it exactly).",
        "Không cần sửa.",
        "Nothing to fix."
    ),
    def!(
        "reconcile.not_recomputed",
        Info,
        None,
        "Tỷ lệ, mức bình quân hoặc mức tăng văn bản nêu không tính lại được vì các số liệu tạo nên nó không được nêu (chính xác): không được kiểm tra.",
        "A stated share, average or growth cannot be recomputed because the figures it is made of are not stated (exactly): it is not checked.",
        "Không bắt buộc; nêu các số liệu nếu có.",
        "Nothing required; state the figures where known."
    ),
    def!(
        "report.line_parts_mismatch",
        Error,
        None,
        "Một dòng kết quả khác tổng các phần chi tiết của nó (khi mọi phần đều nêu số liệu), hoặc riêng các phần có nêu đã vượt dòng đó.",
        "A result line differs from the sum of its parts (when every part states the figure), or the parts that state it already exceed it.",
        "Sửa dòng hoặc các phần chi tiết.",
        "Correct the line or its parts."
    ),
    def!(
        "plan.total_mismatch",
        Error,
        None,
        "Tổng của kế hoạch khác tổng các dòng (khi mọi dòng đều nêu số liệu), hoặc riêng các dòng có nêu đã vượt tổng; một dòng có mã đề án là một đề án.",
        "A plan's stated total differs from its lines (when every line states the figure), or the lines that state it already exceed it; a line with a scheme id is one scheme.",
        "Sửa tổng hoặc các dòng.",
        "Correct the total or the lines."
    ),
    def!(
        "programme.year_targets_mismatch",
        Error,
        None,
        "Chỉ tiêu cả giai đoạn khác tổng các chỉ tiêu theo năm cùng loại (khi mọi năm đều có chỉ tiêu), hoặc riêng các năm có chỉ tiêu đã vượt nó.",
        "A target for the whole period differs from the sum of the same targets by year (when every year has one), or the years that have one already exceed it.",
        "Sửa chỉ tiêu cả giai đoạn hoặc theo năm.",
        "Correct the period target or the year targets."
    ),
];

/// The generator of the benchmarks and the fuzzer, for the test below.
#[cfg(test)]
#[path = "../../examples/gen_corpus/corpus.rs"]
mod corpus;

#[cfg(test)]
mod tests {
    use super::{corpus, read_well_formed, structure};

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
}
