//! Documents of the programme — plans (kế hoạch) and period reports (báo cáo) — read
//! from JSON, validated and reconciled into [`Finding`]s.
//!
//! ```
//! let json = include_bytes!("../../../../docs/examples/an-giang-2021-2025.json");
//! let checked = khuyencong::document::check_bytes(json, &Default::default());
//! assert!(checked.findings.iter().all(|f| f.severity != khuyencong::Severity::Error));
//!
//! let broken = br#"{"kind": "plan", "schema_version": 1, "id": "x", "year": 2024, "fund_level": "national", "colour": 1}"#;
//! let checked = khuyencong::document::check_bytes(broken, &Default::default());
//! assert_eq!(checked.findings[0].code, "structure.unknown_field");
//! ```

pub mod common;
pub mod funding;
pub mod plan;
pub(crate) mod reconcile;
pub mod report;
pub mod scheme;
mod structure;
pub mod tag;

use std::borrow::Cow;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use common::{Amount, Count, Counts, DecisionRef, Exactness, Period, SchemaVersion};
pub use plan::Plan;
pub use report::PeriodReport;
pub use scheme::Scheme;

use crate::Codelist;
use crate::activity::Activity;
use crate::finding::{Finding, FindingDef, Severity};
use crate::funding::FundLevel;
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
}

impl DocumentKind {
    /// The `kind` string of the JSON form.
    pub const fn code(self) -> &'static str {
        match self {
            Self::Scheme => "scheme",
            Self::Plan => "plan",
            Self::PeriodReport => "period_report",
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
}

impl Document {
    /// The document's kind.
    pub const fn kind(&self) -> DocumentKind {
        match self {
            Self::Scheme(_) => DocumentKind::Scheme,
            Self::Plan(_) => DocumentKind::Plan,
            Self::PeriodReport(_) => DocumentKind::PeriodReport,
        }
    }

    /// The document's identifier.
    pub fn id(&self) -> &str {
        match self {
            Self::Scheme(s) => &s.id,
            Self::Plan(p) => &p.id,
            Self::PeriodReport(r) => &r.id,
        }
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
    /// Whether any finding is an error.
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(|f| f.severity == Severity::Error)
    }
}

#[derive(Deserialize)]
struct Probe<'a> {
    #[serde(borrow, default)]
    kind: Option<Cow<'a, str>>,
}

/// The findings of one input, as `check` reports them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
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

/// Counts over a batch of checked inputs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
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
pub struct CheckReport {
    /// One entry per input. / Kết quả từng văn bản.
    pub documents: Vec<DocumentFindings>,
    /// Counts. / Tổng hợp.
    pub summary: Summary,
}

/// The largest input [`parse`] and [`check_bytes`] read: 16 MiB (16 777 216 bytes).
///
/// The largest document the format allows (1 000 beneficiaries or result lines of bounded
/// strings) is a few megabytes; anything larger is refused before it is read, with the
/// finding `structure.too_large_input`, so that one input cannot exhaust memory.
pub const MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;

/// Reads a document from JSON bytes.
///
/// # Errors
/// A structural [`Finding`] (code `structure.*`) saying what is wrong and where: an input
/// larger than [`MAX_INPUT_BYTES`], an empty input, a byte-order mark, invalid UTF-8, malformed JSON (with line and column), a missing
/// or unknown `kind`, and any unknown field, missing field, wrong type, float or negative
/// amount, unknown code or impossible date (with its JSON Pointer).
pub fn parse(bytes: &[u8]) -> Result<Document, Finding> {
    if bytes.len() <= MAX_INPUT_BYTES
        && let Some(document) = read_well_formed(bytes)
    {
        return Ok(document);
    }
    parse_reporting(bytes)
}

/// The fast path for the common case, a well-formed document: one pass of the typed reader,
/// no error paths kept. `None` whenever anything is wrong — then [`parse_reporting`] reads the
/// input again to say what and where.
///
/// It accepts exactly what [`parse_reporting`] accepts: the typed reader checks the `kind`
/// tag itself (the scan only picks which type to try); every string it reads is checked to be
/// UTF-8 (no value is skipped unread: the types are closed); a byte-order mark, an empty
/// input or trailing text are JSON errors; its depth limit is the same.
fn read_well_formed(bytes: &[u8]) -> Option<Document> {
    match structure::quick_kind(bytes)? {
        b"scheme" => serde_json::from_slice(bytes).ok().map(Document::Scheme),
        b"plan" => serde_json::from_slice(bytes).ok().map(Document::Plan),
        b"period_report" => serde_json::from_slice(bytes)
            .ok()
            .map(Document::PeriodReport),
        _ => None,
    }
}

/// Reads a document and, when it cannot be read, says exactly why (with its JSON Pointer).
fn parse_reporting(bytes: &[u8]) -> Result<Document, Finding> {
    if let Some(f) = structure::preflight(bytes) {
        return Err(f);
    }
    let probe: Probe<'_> = match serde_json::from_slice(bytes) {
        Ok(p) => p,
        Err(e) if e.is_data() && bytes.trim_ascii_start().starts_with(b"{") => {
            return Err(Finding::new(
                "structure.invalid_type",
                Severity::Error,
                "/kind",
                "`kind` phải là chuỗi: `scheme`, `plan` hoặc `period_report`",
                "`kind` must be a string: `scheme`, `plan` or `period_report`",
            )
            .param("field", "kind"));
        }
        Err(e) if e.is_data() => {
            return Err(Finding::new(
                "structure.invalid_type",
                Severity::Error,
                "",
                "văn bản phải là một đối tượng JSON có trường `kind`",
                "a document must be a JSON object with a `kind` field",
            ));
        }
        Err(e) => return Err(structure::syntax(&e)),
    };
    match probe.kind.as_deref() {
        Some(tag::SchemeTag::VALUE) => typed(bytes).map(Document::Scheme),
        Some(tag::PlanTag::VALUE) => typed(bytes).map(Document::Plan),
        Some(tag::ReportTag::VALUE) => typed(bytes).map(Document::PeriodReport),
        Some(other) => Err(Finding::new(
            "structure.unknown_kind",
            Severity::Error,
            "/kind",
            format!(
                "loại văn bản `{other}` không hợp lệ; chọn `scheme`, `plan` hoặc `period_report`"
            ),
            format!(
                "unknown document kind `{other}`; expected `scheme`, `plan` or `period_report`"
            ),
        )
        .param("field", "kind")),
        None => Err(Finding::new(
            "structure.missing_field",
            Severity::Error,
            "",
            "thiếu trường bắt buộc `kind` tại /",
            "missing required field `kind` at /",
        )
        .param("field", "kind")),
    }
}

fn typed<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<T, Finding> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let value: T = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = structure::pointer(e.path());
        structure::data(e.inner(), path)
    })?;
    de.end().map_err(|e| structure::syntax(&e))?;
    Ok(value)
}

/// Checks a parsed document: every finding, in deterministic order.
pub fn check(document: &Document, options: &CheckOptions) -> Vec<Finding> {
    let mut out = Vec::new();
    match document {
        Document::Scheme(s) => s.check(&mut out, options),
        Document::Plan(p) => p.check(&mut out),
        Document::PeriodReport(r) => r.check(&mut out),
    }
    crate::province::check_document(document, &mut out);
    Finding::sort(&mut out);
    out
}

/// Reads and checks one input; structural problems become findings.
pub fn check_bytes(bytes: &[u8], options: &CheckOptions) -> Checked {
    match parse(bytes) {
        Ok(document) => Checked {
            kind: Some(document.kind()),
            id: Some(document.id().to_owned()),
            findings: check(&document, options),
            document: Some(document),
        },
        Err(finding) => Checked {
            document: None,
            kind: None,
            id: None,
            findings: vec![finding],
        },
    }
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
        Error,
        None,
        "Tệp bắt đầu bằng dấu BOM.",
        "The input starts with a UTF-8 byte-order mark.",
        "Lưu tệp dạng UTF-8 không có BOM.",
        "Save the file as UTF-8 without a BOM."
    ),
    def!(
        "structure.not_utf8",
        Error,
        None,
        "Tệp không phải UTF-8.",
        "The input is not valid UTF-8.",
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
        "JSON lồng nhau quá sâu.",
        "The JSON is nested too deeply.",
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
        "structure.unknown_kind",
        Error,
        None,
        "`kind` không phải `scheme`, `plan` hoặc `period_report`.",
        "`kind` is not `scheme`, `plan` or `period_report`.",
        "Sửa `kind`.",
        "Fix `kind`."
    ),
    def!(
        "structure.unsupported_schema_version",
        Error,
        None,
        "Phiên bản định dạng không được hỗ trợ.",
        "An unsupported `schema_version`.",
        "Dùng `schema_version: 1`.",
        "Use `schema_version: 1`."
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
];

/// The generator of the benchmarks and the fuzzer, for the test below.
#[cfg(test)]
#[path = "../../examples/gen_corpus/corpus.rs"]
mod corpus;

#[cfg(test)]
mod tests {
    use super::{corpus, parse, parse_reporting};

    /// The fast path changes nothing: on the shared corpus, generated documents and
    /// thousands of mutations of them, `parse` gives exactly what the reporting reader gives.
    #[test]
    fn the_fast_path_agrees_with_the_reporting_reader() {
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
            let fast = parse(input);
            read += usize::from(fast.is_ok());
            assert_eq!(
                fast,
                parse_reporting(input),
                "{}",
                String::from_utf8_lossy(input)
            );
        }
        assert!(read > 40, "{read}");
    }
}
