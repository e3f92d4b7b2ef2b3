//! The structural report: every problem of an input that the strict reader refused, found in
//! one pass and each with its JSON Pointer and messages in Vietnamese and English.
//!
//! Two layers, in order:
//!
//! 1. the bytes, which JSON Schema cannot see: size, encoding (UTF-8, not UTF-16), syntax
//!    (with line, column and the pointer of the value being read), nesting depth, every
//!    duplicate key, and numbers written as floats (`1400.0`, `1.4e9`: JSON Schema counts
//!    them as integers, the library does not) or beyond 64 bits;
//! 2. the value, validated against the library's own generated JSON Schema (the published
//!    one): each error *kind* of the validator, with the keyword's values (a `minimum` of 0,
//!    the `maximum` of an amount, the `format`), becomes a `structure.*` finding. No code is
//!    ever chosen by reading an error message's text.

use std::sync::LazyLock;

use jsonschema::error::{TypeKind, ValidationErrorKind};
use jsonschema::{JsonType, ValidationError, Validator};
use serde_json::{Map, Value};

pub(crate) use super::json::Parsed;
use super::json::{self, Expected, NumberForm, SyntaxError, SyntaxKind};
use super::{MAX_DEPTH, MAX_INPUT_BYTES};
use crate::finding::{Finding, Severity, escape_token};
use crate::money::MAX_VND;
use crate::schema::{SchemaKind, json_schema};

/// What an input is read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    /// A scheme.
    Scheme,
    /// A plan.
    Plan,
    /// A period report.
    PeriodReport,
    /// An applicant's facts.
    Applicant,
    /// A provincial rule pack.
    ProvincialPack,
    /// The national rule pack (embedded; its schema is not published).
    NationalPack,
}

impl Target {
    fn schema(self) -> Value {
        match self {
            Self::NationalPack => crate::schema::internal::<crate::support::NationalPack>(
                "urn:khuyencong:schema:national_pack:1",
            ),
            other => json_schema(other.kind()),
        }
    }

    const fn kind(self) -> SchemaKind {
        match self {
            Self::Scheme => SchemaKind::Scheme,
            Self::Plan => SchemaKind::Plan,
            Self::PeriodReport => SchemaKind::PeriodReport,
            Self::Applicant => SchemaKind::Applicant,
            Self::ProvincialPack | Self::NationalPack => SchemaKind::ProvincialPack,
        }
    }
}

/// A compiled schema and its JSON form.
pub(crate) struct Compiled {
    pub schema: Value,
    pub validator: Validator,
}

fn compile(target: Target) -> Option<Compiled> {
    let build = move || {
        let schema = target.schema();
        jsonschema::options()
            .should_validate_formats(true)
            .build(&schema)
            .ok()
            .map(|validator| Compiled { schema, validator })
    };
    // Compiling recurses through the schema: do it once, on a thread with a known stack,
    // whatever thread first needs it.
    std::thread::Builder::new()
        .stack_size(8 << 20)
        .spawn(build)
        .ok()
        .and_then(|h| h.join().ok())
        .unwrap_or_else(build)
}

static SCHEME: LazyLock<Option<Compiled>> = LazyLock::new(|| compile(Target::Scheme));
static PLAN: LazyLock<Option<Compiled>> = LazyLock::new(|| compile(Target::Plan));
static REPORT: LazyLock<Option<Compiled>> = LazyLock::new(|| compile(Target::PeriodReport));
static APPLICANT: LazyLock<Option<Compiled>> = LazyLock::new(|| compile(Target::Applicant));
static PACK: LazyLock<Option<Compiled>> = LazyLock::new(|| compile(Target::ProvincialPack));
static NATIONAL: LazyLock<Option<Compiled>> = LazyLock::new(|| compile(Target::NationalPack));

/// The compiled schema of a target (`None` only if it failed to compile, which a test
/// rules out).
pub(crate) fn compiled(target: Target) -> Option<&'static Compiled> {
    match target {
        Target::Scheme => SCHEME.as_ref(),
        Target::Plan => PLAN.as_ref(),
        Target::PeriodReport => REPORT.as_ref(),
        Target::Applicant => APPLICANT.as_ref(),
        Target::ProvincialPack => PACK.as_ref(),
        Target::NationalPack => NATIONAL.as_ref(),
    }
}

// ------------------------------------------------------------------------------------------
// Layer 1: bytes.

/// Problems found before any JSON is read: size, encoding, emptiness (a UTF-8 byte-order
/// mark is removed by the caller).
pub(crate) fn preflight(bytes: &[u8]) -> Option<Finding> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Some(too_large_input());
    }
    if let Some(encoding) = utf16_or_32(bytes) {
        return Some(
            Finding::new(
                "structure.not_utf8",
                Severity::Error,
                "",
                format!("tệp được mã hóa {encoding}, không phải UTF-8; hãy lưu tệp dạng UTF-8"),
                format!("the input is encoded as {encoding}, not UTF-8; save it as UTF-8"),
            )
            .param("encoding", encoding),
        );
    }
    if let Err(e) = std::str::from_utf8(bytes) {
        let at = e.valid_up_to();
        return Some(
            Finding::new(
                "structure.not_utf8",
                Severity::Error,
                "",
                format!(
                    "tệp không phải UTF-8 hợp lệ (byte thứ {at}); hãy lưu tệp dạng UTF-8 (không dùng TCVN3, VNI hay Windows-1258)"
                ),
                format!(
                    "the input is not valid UTF-8 (at byte {at}); save it as UTF-8 (not TCVN3, VNI or Windows-1258)"
                ),
            )
            .param("byte", at),
        );
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Some(Finding::new(
            "structure.empty",
            Severity::Error,
            "",
            "tệp rỗng: cần một văn bản JSON",
            "the input is empty: a JSON document is expected",
        ));
    }
    None
}

/// The finding of an input larger than [`MAX_INPUT_BYTES`].
pub(crate) fn too_large_input() -> Finding {
    let max = MAX_INPUT_BYTES;
    Finding::new(
        "structure.too_large_input",
        Severity::Error,
        "",
        format!(
            "tệp lớn hơn 16 MiB ({max} byte), giới hạn của một văn bản; hãy tách dữ liệu thành nhiều văn bản"
        ),
        format!(
            "the input is larger than 16 MiB ({max} bytes), the limit for one document; split the data into several documents"
        ),
    )
    .param("max_bytes", max)
}

/// The information finding of a UTF-8 byte-order mark that was ignored.
pub(crate) fn bom_ignored() -> Finding {
    Finding::new(
        "structure.bom",
        Severity::Info,
        "",
        "tệp bắt đầu bằng dấu BOM UTF-8 (EF BB BF); dấu này được bỏ qua (RFC 8259 cho phép), nhưng nên lưu tệp dạng UTF-8 không có BOM để mọi hệ thống đọc được",
        "the input starts with a UTF-8 byte-order mark (EF BB BF), which was ignored (RFC 8259 allows it); save as UTF-8 without BOM so that every system reads it",
    )
}

/// Recognises UTF-16 and UTF-32 text: by its byte-order mark, or by the zero bytes of
/// ASCII characters (a JSON text starts with an ASCII character).
fn utf16_or_32(b: &[u8]) -> Option<&'static str> {
    match b {
        [0, 0, 0xFE, 0xFF, ..] => Some("UTF-32 (big-endian)"),
        [0xFF, 0xFE, 0, 0, ..] => Some("UTF-32 (little-endian)"),
        [0xFE, 0xFF, ..] => Some("UTF-16 (big-endian)"),
        [0xFF, 0xFE, ..] => Some("UTF-16 (little-endian)"),
        [0, 0, 0, x, ..] if *x != 0 => Some("UTF-32 (big-endian)"),
        [x, 0, 0, 0, ..] if *x != 0 => Some("UTF-32 (little-endian)"),
        [0, x, ..] if *x != 0 && x.is_ascii() => Some("UTF-16 (big-endian)"),
        [x, 0, ..] if *x != 0 && x.is_ascii() => Some("UTF-16 (little-endian)"),
        _ => None,
    }
}

/// Shows a character of the input in a message: printable as itself, a control character
/// as its code point.
fn show_char(c: char) -> String {
    if c.is_control() {
        format!("U+{:04X}", u32::from(c))
    } else {
        format!("`{c}`")
    }
}

/// Shows a value of the input in a message: at most 60 characters, control characters as
/// code points (a value can never rewrite a terminal).
pub(crate) fn show(text: &str) -> String {
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        if i == 60 {
            out.push('…');
            break;
        }
        if c.is_control() {
            out.push_str(&format!("\\u{{{:04x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

fn syntax_finding(e: &SyntaxError) -> Finding {
    let (line, column) = (e.line, e.column);
    let (code, vi, en) = match &e.kind {
        SyntaxKind::Truncated => (
            "structure.truncated",
            format!(
                "tệp kết thúc đột ngột ở dòng {line}, cột {column}: JSON chưa đầy đủ (thiếu dấu đóng `}}`, `]` hoặc `\"`?)"
            ),
            format!(
                "the input ends early at line {line}, column {column}: the JSON is incomplete (a closing `}}`, `]` or `\"` missing?)"
            ),
        ),
        SyntaxKind::TooManyValues => (
            "structure.too_large_input",
            format!(
                "tệp chứa hơn {} giá trị (dòng {line}, cột {column}), nhiều hơn mọi văn bản; hãy tách dữ liệu thành nhiều văn bản",
                json::MAX_VALUES
            ),
            format!(
                "the input holds more than {} values (line {line}, column {column}), more than any document; split the data into several documents",
                json::MAX_VALUES
            ),
        ),
        SyntaxKind::TooDeep => (
            "structure.too_deep",
            format!(
                "JSON lồng nhau quá {MAX_DEPTH} cấp (dòng {line}, cột {column}); văn bản hợp lệ không lồng sâu như vậy"
            ),
            format!(
                "the JSON is nested more than {MAX_DEPTH} levels deep (line {line}, column {column}); at most {MAX_DEPTH} levels"
            ),
        ),
        kind => {
            let (vi, en) = syntax_detail(kind);
            (
                "structure.malformed_json",
                format!("JSON không hợp lệ ở dòng {line}, cột {column}: {vi}"),
                format!("malformed JSON at line {line}, column {column}: {en}"),
            )
        }
    };
    Finding::new(code, Severity::Error, e.path.clone(), vi, en)
        .param("line", line)
        .param("column", column)
}

fn syntax_detail(kind: &SyntaxKind) -> (String, String) {
    match kind {
        SyntaxKind::Unexpected { found, expected } => {
            let (vi, en) = match expected {
                Expected::Value => (
                    "một giá trị (đối tượng, mảng, chuỗi, số, true, false hoặc null)",
                    "a value (an object, array, string, number, true, false or null)",
                ),
                Expected::Key => ("một khóa trong dấu nháy kép", "a key in double quotes"),
                Expected::Colon => ("dấu `:` sau khóa", "`:` after the key"),
                Expected::CommaOrBrace => ("dấu `,` hoặc `}`", "`,` or `}`"),
                Expected::CommaOrBracket => ("dấu `,` hoặc `]`", "`,` or `]`"),
                Expected::End => (
                    "hết văn bản (mỗi tệp một văn bản; dùng JSON Lines cho nhiều văn bản)",
                    "the end of the document (one document per input; use JSON Lines for several)",
                ),
            };
            let shown = show_char(*found);
            let (hint_vi, hint_en) = if matches!(found, 'N' | 'I') && *expected == Expected::Value {
                (
                    "; NaN và Infinity không phải số JSON",
                    "; NaN and Infinity are not JSON numbers",
                )
            } else {
                ("", "")
            };
            (
                format!("cần {vi}, gặp {shown}{hint_vi}"),
                format!("expected {en}, found {shown}{hint_en}"),
            )
        }
        SyntaxKind::TrailingComma => (
            "dấu phẩy thừa trước dấu đóng (JSON không cho phép dấu phẩy cuối)".to_owned(),
            "a comma before the closing bracket (JSON has no trailing commas)".to_owned(),
        ),
        SyntaxKind::ControlCharacter(c) => {
            let escaped = match c {
                '\n' => "\\n".to_owned(),
                '\r' => "\\r".to_owned(),
                '\t' => "\\t".to_owned(),
                c => format!("\\u{:04x}", u32::from(*c)),
            };
            let code = format!("U+{:04X}", u32::from(*c));
            (
                format!("chuỗi chứa ký tự điều khiển {code} chưa được thoát; hãy viết `{escaped}`"),
                format!(
                    "a raw control character {code} inside a string; write it escaped, `{escaped}`"
                ),
            )
        }
        SyntaxKind::InvalidEscape(s) => (
            format!("ký tự thoát `{}` không hợp lệ trong chuỗi", show(s)),
            format!("invalid escape `{}` in a string", show(s)),
        ),
        SyntaxKind::LoneSurrogate(s) => (
            format!(
                "mã thoát `{}` là nửa cặp thay thế UTF-16, không phải một ký tự Unicode",
                show(s)
            ),
            format!(
                "the escape `{}` is half of a UTF-16 surrogate pair, not a Unicode character",
                show(s)
            ),
        ),
        SyntaxKind::InvalidNumber(s) => (
            format!("số `{}` không hợp lệ", show(s)),
            format!("invalid number `{}`", show(s)),
        ),
        SyntaxKind::Truncated | SyntaxKind::TooDeep | SyntaxKind::TooManyValues => {
            (String::new(), String::new())
        }
    }
}

// ------------------------------------------------------------------------------------------
// Problems, before they are rendered as findings.

/// A JSON type, for messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Type {
    Object,
    Array,
    String,
    Integer,
    Number,
    Boolean,
    Null,
}

impl Type {
    fn of(v: &Value) -> Self {
        match v {
            Value::Object(_) => Self::Object,
            Value::Array(_) => Self::Array,
            Value::String(_) => Self::String,
            Value::Number(n) if n.is_u64() || n.is_i64() => Self::Integer,
            Value::Number(_) => Self::Number,
            Value::Bool(_) => Self::Boolean,
            Value::Null => Self::Null,
        }
    }

    const fn from_json(t: JsonType) -> Self {
        match t {
            JsonType::Object => Self::Object,
            JsonType::Array => Self::Array,
            JsonType::String => Self::String,
            JsonType::Integer => Self::Integer,
            JsonType::Number => Self::Number,
            JsonType::Boolean => Self::Boolean,
            JsonType::Null => Self::Null,
        }
    }

    const fn names(self) -> (&'static str, &'static str) {
        match self {
            Self::Object => ("đối tượng", "an object"),
            Self::Array => ("mảng", "an array"),
            Self::String => ("chuỗi", "a string"),
            Self::Integer => ("số nguyên", "an integer"),
            Self::Number => ("số thập phân", "a number with a fraction"),
            Self::Boolean => ("giá trị true/false", "true or false"),
            Self::Null => ("null", "null"),
        }
    }
}

fn type_list(types: &[Type]) -> (String, String) {
    let vi: Vec<&str> = types.iter().map(|t| t.names().0).collect();
    let en: Vec<&str> = types.iter().map(|t| t.names().1).collect();
    (vi.join(" hoặc "), en.join(" or "))
}

/// One structural problem.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Issue {
    /// Where: the value's pointer, or the object's for field problems.
    pub path: String,
    pub what: What,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum What {
    UnknownField {
        field: String,
        expected: Vec<String>,
    },
    MissingField {
        field: String,
    },
    DuplicateField {
        field: String,
    },
    InvalidType {
        expected: Vec<Type>,
        got: Type,
    },
    NotWholeNumber {
        shown: String,
    },
    Negative {
        shown: String,
    },
    TooLarge {
        shown: String,
    },
    OutOfRange {
        shown: String,
        min: Option<String>,
        max: Option<String>,
    },
    UnknownCode {
        value: String,
        list: Option<&'static str>,
        options: Vec<String>,
    },
    InvalidDate {
        value: String,
    },
    TextLength {
        n: usize,
        min: u64,
        max: Option<u64>,
    },
    ArrayLength {
        n: usize,
        min: u64,
        max: Option<u64>,
    },
    UnsupportedVersion {
        got: String,
    },
    InvalidValue {
        shown: String,
        hint: Option<(String, String)>,
    },
}

impl What {
    /// Whether the problem is the value's own (not an object's missing or extra field).
    const fn is_value_problem(&self) -> bool {
        !matches!(
            self,
            Self::UnknownField { .. } | Self::MissingField { .. } | Self::DuplicateField { .. }
        )
    }
}

fn at(path: &str) -> &str {
    if path.is_empty() { "/" } else { path }
}

fn quoted(items: &[String]) -> String {
    items
        .iter()
        .map(|i| format!("`{i}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Issue {
    pub(crate) fn finding(&self) -> Finding {
        let p = at(&self.path);
        let path = self.path.clone();
        let f = |code: &str, vi: String, en: String| {
            Finding::new(code, Severity::Error, path.clone(), vi, en)
        };
        match &self.what {
            What::UnknownField { field, expected } => {
                let shown = show(field);
                let (vi_more, en_more) = if expected.is_empty() {
                    (String::new(), String::new())
                } else {
                    let list = quoted(expected);
                    (
                        format!("; các trường hợp lệ: {list}"),
                        format!("; the fields allowed here: {list}"),
                    )
                };
                f(
                    "structure.unknown_field",
                    format!("trường `{shown}` không có trong định dạng tại {p}{vi_more}"),
                    format!("unknown field `{shown}` at {p}{en_more}"),
                )
                .param("field", field.clone())
            }
            What::MissingField { field } => f(
                "structure.missing_field",
                format!("thiếu trường bắt buộc `{field}` tại {p}"),
                format!("missing required field `{field}` at {p}"),
            )
            .param("field", field.clone()),
            What::DuplicateField { field } => {
                let shown = show(field);
                f(
                    "structure.duplicate_field",
                    format!(
                        "trường `{shown}` xuất hiện hai lần tại {p}; không biết giá trị nào là đúng"
                    ),
                    format!(
                        "field `{shown}` appears twice at {p}; which value was meant is unknowable"
                    ),
                )
                .param("field", field.clone())
            }
            What::InvalidType { expected, got } => {
                let (evi, een) = type_list(expected);
                let (gvi, got_en) = got.names();
                f(
                    "structure.invalid_type",
                    format!("sai kiểu dữ liệu tại {p}: cần {evi}, nhận {gvi}"),
                    format!("wrong type at {p}: expected {een}, got {got_en}"),
                )
            }
            What::NotWholeNumber { shown } => f(
                "structure.not_whole_number",
                format!(
                    "số tiền, số lượng phải là số nguyên viết dạng số nguyên JSON (đồng không có đơn vị lẻ), nhận {shown} (tại {p})"
                ),
                format!(
                    "an amount or count must be a whole number written as a JSON integer (the đồng has no minor unit), got {shown} (at {p})"
                ),
            ),
            What::Negative { shown } => f(
                "structure.negative",
                format!("giá trị không được âm, nhận {shown} (tại {p})"),
                format!("the value must not be negative, got {shown} (at {p})"),
            ),
            What::TooLarge { shown } => f(
                "structure.too_large",
                format!(
                    "giá trị {shown} vượt quá mức tối đa 9.007.199.254.740.991 (tại {p}); kiểm tra đơn vị (đồng)"
                ),
                format!(
                    "the value {shown} exceeds the maximum 9,007,199,254,740,991 (at {p}); check the unit (đồng)"
                ),
            ),
            What::OutOfRange { shown, min, max } => {
                let (vi, en) = match (min, max) {
                    (Some(a), Some(b)) => (format!("từ {a} đến {b}"), format!("from {a} to {b}")),
                    (Some(a), None) => (format!("từ {a} trở lên"), format!("at least {a}")),
                    (None, Some(b)) => (format!("không quá {b}"), format!("at most {b}")),
                    (None, None) => (String::new(), String::new()),
                };
                f(
                    "structure.out_of_range",
                    format!("giá trị {shown} nằm ngoài khoảng cho phép ({vi}) tại {p}"),
                    format!("the value {shown} is out of range ({en}) at {p}"),
                )
            }
            What::UnknownCode {
                value,
                list,
                options,
            } => {
                let shown = show(value);
                let (vi, en) = if let Some(list) = list {
                    (
                        format!(
                            "mã `{shown}` không có trong danh mục `{list}` (tại {p}); xem `khuyencong catalog --list {list}`"
                        ),
                        format!(
                            "code `{shown}` is not in the `{list}` codelist (at {p}); see `khuyencong catalog --list {list}`"
                        ),
                    )
                } else {
                    let list = quoted(options);
                    (
                        format!("`{shown}` không phải giá trị hợp lệ tại {p}; chọn: {list}"),
                        format!("`{shown}` is not a valid value at {p}; choose: {list}"),
                    )
                };
                let mut finding = f("structure.unknown_code", vi, en).param("value", shown);
                if let Some(list) = list {
                    finding = finding.param("codelist", *list);
                }
                finding
            }
            What::InvalidDate { value } => {
                let shown = show(value);
                f(
                    "structure.invalid_date",
                    format!(
                        "ngày `{shown}` không hợp lệ tại {p}: dùng dạng YYYY-MM-DD với ngày có thật trong lịch"
                    ),
                    format!(
                        "invalid date `{shown}` at {p}: write YYYY-MM-DD with a real calendar day"
                    ),
                )
            }
            What::TextLength { n, min, max } => {
                let (vi, en) = bounds(*min, *max, "ký tự", "characters");
                f(
                    "structure.invalid_length",
                    format!("văn bản tại {p} có {n} ký tự; cần {vi}"),
                    format!("the text at {p} has {n} characters; expected {en}"),
                )
            }
            What::ArrayLength { n, min, max } => {
                let (vi, en) = bounds(*min, *max, "phần tử", "items");
                f(
                    "structure.invalid_length",
                    format!("mảng tại {p} có {n} phần tử; cần {vi}"),
                    format!("the array at {p} has {n} items; expected {en}"),
                )
            }
            What::UnsupportedVersion { got } => f(
                "structure.unsupported_schema_version",
                format!(
                    "phiên bản định dạng {got} không được hỗ trợ (tại {p}); thư viện này đọc phiên bản 1"
                ),
                format!("unsupported schema_version {got} (at {p}); this library reads version 1"),
            ),
            What::InvalidValue { shown, hint } => {
                let (hvi, hen) = hint
                    .as_ref()
                    .map_or((String::new(), String::new()), |(vi, en)| {
                        (format!(" ({vi})"), format!(" ({en})"))
                    });
                f(
                    "structure.invalid_value",
                    format!("giá trị {shown} tại {p} không đúng dạng quy định{hvi}"),
                    format!("the value {shown} at {p} does not have the required form{hen}"),
                )
            }
        }
    }
}

fn bounds(min: u64, max: Option<u64>, vi: &str, en: &str) -> (String, String) {
    match max {
        Some(max) if min > 0 => (
            format!("từ {min} đến {max} {vi}"),
            format!("{min} to {max} {en}"),
        ),
        Some(max) => (format!("tối đa {max} {vi}"), format!("at most {max} {en}")),
        None => (
            format!("ít nhất {min} {vi}"),
            format!("at least {min} {en}"),
        ),
    }
}

/// A value shown in a message: strings quoted, other values as JSON.
fn shown_value(v: &Value) -> String {
    match v {
        Value::String(s) => format!("`{}`", show(s)),
        Value::Array(_) => "[…]".to_owned(),
        Value::Object(_) => "{…}".to_owned(),
        other => other.to_string(),
    }
}

/// A number as written in a message (the nearest float for numbers beyond 64 bits).
fn shown_number(v: &Value) -> String {
    match v {
        Value::Number(n) => n.to_string(),
        other => shown_value(other),
    }
}

// ------------------------------------------------------------------------------------------
// Layer 2: the value against the schema.

/// Follows `$ref`s (local, `#/$defs/…`).
fn resolve<'a>(root: &'a Value, mut s: &'a Value) -> &'a Value {
    for _ in 0..16 {
        match s.get("$ref").and_then(Value::as_str) {
            Some(r) => match r.strip_prefix('#').and_then(|p| root.pointer(p)) {
                Some(target) => s = target,
                None => return s,
            },
            None => return s,
        }
    }
    s
}

fn schema_admits_type(s: &Value, t: Type) -> bool {
    let names = |n: &str| match n {
        "object" => t == Type::Object,
        "array" => t == Type::Array,
        "string" => t == Type::String,
        "integer" => t == Type::Integer,
        "number" => matches!(t, Type::Integer | Type::Number),
        "boolean" => t == Type::Boolean,
        "null" => t == Type::Null,
        _ => false,
    };
    match s.get("type") {
        Some(Value::String(n)) => names(n),
        Some(Value::Array(ns)) => ns.iter().filter_map(Value::as_str).any(names),
        _ => {
            (s.get("properties").is_some() && t == Type::Object)
                || (s.get("items").is_some() && t == Type::Array)
        }
    }
}

/// The branch of a union (`anyOf`, `oneOf`, `if`/`then`/`else` on a type) that applies to
/// a value of type `t`.
fn branch<'a>(root: &'a Value, s: &'a Value, t: Type) -> &'a Value {
    let mut s = resolve(root, s);
    for _ in 0..8 {
        if let Some(options) = s
            .get("anyOf")
            .or_else(|| s.get("oneOf"))
            .and_then(Value::as_array)
        {
            match options
                .iter()
                .map(|o| resolve(root, o))
                .find(|o| schema_admits_type(o, t) || o.get("if").is_some())
            {
                Some(o) => s = o,
                None => return s,
            }
        } else if let Some(cond) = s.get("if") {
            let then = if schema_admits_type(cond, t) {
                s.get("then")
            } else {
                s.get("else")
            };
            match then {
                Some(next) => s = resolve(root, next),
                None => return s,
            }
        } else {
            return s;
        }
    }
    s
}

fn unescape(token: &str) -> String {
    token.replace("~1", "/").replace("~0", "~")
}

/// The schema of the value at `pointer` of `instance` (and the value, when it exists).
fn schema_at<'a, 'v>(
    root: &'a Value,
    instance: &'v Value,
    pointer: &str,
) -> Option<(&'a Value, Option<&'v Value>)> {
    let mut s = root;
    let mut value = Some(instance);
    if pointer.is_empty() {
        return Some((branch(root, s, Type::of(instance)), value));
    }
    for token in pointer.split('/').skip(1) {
        let v = value?;
        let here = branch(root, s, Type::of(v));
        match v {
            Value::Object(map) => {
                let key = unescape(token);
                s = here.get("properties")?.get(&key)?;
                value = map.get(&key);
            }
            Value::Array(items) => {
                s = here.get("items")?;
                value = token.parse::<usize>().ok().and_then(|i| items.get(i));
            }
            _ => return None,
        }
    }
    let t = value.map_or(Type::Null, Type::of);
    Some((branch(root, s, t), value))
}

/// The codelists, by their codes, to name the list of an unknown code.
static CODELISTS: LazyLock<Vec<(&'static str, Vec<String>)>> = LazyLock::new(|| {
    crate::catalog::LISTS[1..]
        .iter()
        .filter_map(|list| {
            let rows = crate::catalog::codelist_rows(list)?;
            let codes = rows
                .iter()
                .skip(1)
                .filter_map(|r| r.first().cloned())
                .collect();
            Some((*list, codes))
        })
        .collect()
});

fn codelist_of(options: &Value) -> Option<&'static str> {
    let options: Vec<&str> = options
        .as_array()?
        .iter()
        .filter_map(Value::as_str)
        .collect();
    CODELISTS
        .iter()
        .find(|(_, codes)| {
            codes.len() == options.len() && codes.iter().zip(&options).all(|(a, b)| a == b)
        })
        .map(|(list, _)| *list)
}

/// The English and Vietnamese halves of a schema description written "English / Tiếng Việt".
fn hint_of(s: &Value) -> Option<(String, String)> {
    let d = s.get("description")?.as_str()?;
    let (en, vi) = d.split_once(" / ")?;
    Some((vi.trim().to_owned(), en.trim().to_owned()))
}

fn types_of(kind: &TypeKind) -> Vec<Type> {
    match kind {
        TypeKind::Single(t) => vec![Type::from_json(*t)],
        TypeKind::Multiple(set) => set.iter().map(Type::from_json).collect(),
    }
}

/// Maps one validation error (and, for unions, the errors of its most fitting branch) to
/// issues.
fn map_error(root: &Value, instance: &Value, e: &ValidationError<'_>, out: &mut Vec<Issue>) {
    let path = e.instance_path.as_str().to_owned();
    let value: &Value = &e.instance;
    let what = match &e.kind {
        ValidationErrorKind::AdditionalProperties { unexpected }
        | ValidationErrorKind::UnevaluatedProperties { unexpected } => {
            let expected: Vec<String> = schema_at(root, instance, &path)
                .and_then(|(s, _)| {
                    s.get("properties")?
                        .as_object()
                        .map(|m| m.keys().cloned().collect())
                })
                .unwrap_or_default();
            for field in unexpected {
                out.push(Issue {
                    path: path.clone(),
                    what: What::UnknownField {
                        field: field.clone(),
                        expected: expected.clone(),
                    },
                });
            }
            return;
        }
        ValidationErrorKind::Required { property } => What::MissingField {
            field: property.as_str().unwrap_or_default().to_owned(),
        },
        ValidationErrorKind::Type { kind } => {
            let expected = types_of(kind);
            let got = Type::of(value);
            if got == Type::Number && expected.contains(&Type::Integer) {
                What::NotWholeNumber {
                    shown: shown_number(value),
                }
            } else {
                What::InvalidType { expected, got }
            }
        }
        ValidationErrorKind::AnyOf { context } | ValidationErrorKind::OneOfNotValid { context } => {
            union(root, instance, &path, value, context, out);
            return;
        }
        ValidationErrorKind::Enum { options } => What::UnknownCode {
            value: value
                .as_str()
                .map_or_else(|| value.to_string(), str::to_owned),
            list: codelist_of(options),
            options: options
                .as_array()
                .map(|o| {
                    o.iter()
                        .filter_map(Value::as_str)
                        .map(str::to_owned)
                        .collect()
                })
                .unwrap_or_default(),
        },
        ValidationErrorKind::Constant { expected_value } => {
            if path == "/schema_version" {
                What::UnsupportedVersion {
                    got: shown_value(value),
                }
            } else {
                What::UnknownCode {
                    value: value
                        .as_str()
                        .map_or_else(|| value.to_string(), str::to_owned),
                    list: None,
                    options: vec![
                        expected_value
                            .as_str()
                            .map_or_else(|| expected_value.to_string(), str::to_owned),
                    ],
                }
            }
        }
        ValidationErrorKind::Format { format } if format == "date" => What::InvalidDate {
            value: value.as_str().unwrap_or_default().to_owned(),
        },
        ValidationErrorKind::Minimum { limit }
        | ValidationErrorKind::ExclusiveMinimum { limit } => {
            if limit.as_u64() == Some(0) {
                What::Negative {
                    shown: shown_number(value),
                }
            } else {
                range(root, instance, &path, value)
            }
        }
        ValidationErrorKind::Maximum { limit }
        | ValidationErrorKind::ExclusiveMaximum { limit } => {
            if limit.as_u64() == Some(MAX_VND) {
                What::TooLarge {
                    shown: shown_number(value),
                }
            } else {
                range(root, instance, &path, value)
            }
        }
        ValidationErrorKind::MinLength { .. } | ValidationErrorKind::MaxLength { .. } => {
            let s = schema_at(root, instance, &path).map(|(s, _)| s);
            What::TextLength {
                n: value.as_str().map_or(0, |t| t.chars().count()),
                min: s.and_then(|s| s.get("minLength")?.as_u64()).unwrap_or(0),
                max: s.and_then(|s| s.get("maxLength")?.as_u64()),
            }
        }
        ValidationErrorKind::MinItems { .. } | ValidationErrorKind::MaxItems { .. } => {
            let s = schema_at(root, instance, &path).map(|(s, _)| s);
            What::ArrayLength {
                n: value.as_array().map_or(0, Vec::len),
                min: s.and_then(|s| s.get("minItems")?.as_u64()).unwrap_or(0),
                max: s.and_then(|s| s.get("maxItems")?.as_u64()),
            }
        }
        _ => What::InvalidValue {
            shown: shown_value(value),
            hint: schema_at(root, instance, &path).and_then(|(s, _)| hint_of(s)),
        },
    };
    out.push(Issue { path, what });
}

fn range(root: &Value, instance: &Value, path: &str, value: &Value) -> What {
    let s = schema_at(root, instance, path).map(|(s, _)| s);
    let bound = |k: &str| s.and_then(|s| s.get(k)).map(ToString::to_string);
    What::OutOfRange {
        shown: shown_number(value),
        min: bound("minimum"),
        max: bound("maximum"),
    }
}

/// A value that fits no branch of a union: the branches of another type only say which
/// types were allowed; the others say what is wrong with the value.
fn union(
    root: &Value,
    instance: &Value,
    path: &str,
    value: &Value,
    context: &[Vec<ValidationError<'static>>],
    out: &mut Vec<Issue>,
) {
    let is_type_mismatch = |errors: &Vec<ValidationError<'static>>| {
        errors.len() == 1
            && errors[0].instance_path.as_str() == path
            && matches!(errors[0].kind, ValidationErrorKind::Type { .. })
    };
    let fitting: Vec<&Vec<ValidationError<'static>>> = context
        .iter()
        .filter(|errors| !errors.is_empty() && !is_type_mismatch(errors))
        .collect();
    if let Some(best) = fitting.iter().min_by_key(|errors| errors.len()) {
        for e in *best {
            map_error(root, instance, e, out);
        }
        return;
    }
    let mut expected: Vec<Type> = context
        .iter()
        .flatten()
        .filter_map(|e| match &e.kind {
            ValidationErrorKind::Type { kind } => Some(types_of(kind)),
            _ => None,
        })
        .flatten()
        .collect();
    expected.sort();
    expected.dedup();
    let got = Type::of(value);
    let what = if got == Type::Number && expected.contains(&Type::Integer) {
        What::NotWholeNumber {
            shown: shown_number(value),
        }
    } else {
        What::InvalidType { expected, got }
    };
    out.push(Issue {
        path: path.to_owned(),
        what,
    });
}

/// Every issue of `value` against the target's schema, and the byte-layer issues the
/// schema cannot see.
fn schema_issues(compiled: &Compiled, value: &Value, parsed: &json::Parsed) -> Vec<Issue> {
    let mut issues = Vec::new();
    for e in compiled.validator.iter_errors(value) {
        map_error(&compiled.schema, value, &e, &mut issues);
    }
    for (object, field) in &parsed.duplicates {
        issues.push(Issue {
            path: object.clone(),
            what: What::DuplicateField {
                field: field.clone(),
            },
        });
    }
    // Numbers the schema accepted or judged as numbers: a float where a whole number is
    // expected is never one (1400.0, 1.4e9), whatever JSON Schema says of its value.
    let covered = |p: &str, issues: &[Issue]| {
        issues.iter().any(|i| {
            let under = |base: &str| {
                p.len() > base.len() && p.starts_with(base) && p.as_bytes()[base.len()] == b'/'
            };
            match &i.what {
                What::UnknownField { field, .. } | What::DuplicateField { field } => {
                    let member = format!("{}/{}", i.path, escape_token(field));
                    p == member || under(&member)
                }
                _ => under(&i.path),
            }
        })
    };
    // Numbers are shown as written (`1e3`, `100000000000000000000`), not as the float read.
    for (p, _, text) in &parsed.numbers {
        for issue in issues.iter_mut().filter(|i| i.path == *p) {
            match &mut issue.what {
                What::NotWholeNumber { shown }
                | What::Negative { shown }
                | What::TooLarge { shown }
                | What::OutOfRange { shown, .. } => shown.clone_from(text),
                _ => {}
            }
        }
    }
    for (p, form, text) in &parsed.numbers {
        if covered(p, &issues) {
            continue;
        }
        let Some(v) = value.pointer(p) else { continue };
        let shown = text.clone();
        let here: Vec<usize> = issues
            .iter()
            .enumerate()
            .filter(|(_, i)| i.path == *p && i.what.is_value_problem())
            .map(|(n, _)| n)
            .collect();
        let integer_place = schema_at(&compiled.schema, value, p)
            .is_some_and(|(s, _)| schema_admits_type(s, Type::Integer));
        match form {
            NumberForm::Float if integer_place => {
                let only_numeric = here.iter().all(|n| {
                    matches!(
                        issues[*n].what,
                        What::NotWholeNumber { .. }
                            | What::Negative { .. }
                            | What::TooLarge { .. }
                            | What::OutOfRange { .. }
                    )
                });
                if only_numeric {
                    for n in here.iter().rev() {
                        issues.remove(*n);
                    }
                    issues.push(Issue {
                        path: p.clone(),
                        what: What::NotWholeNumber { shown },
                    });
                }
            }
            NumberForm::BigInteger if here.is_empty() && integer_place => issues.push(Issue {
                path: p.clone(),
                what: if v.as_f64().is_some_and(|f| f < 0.0) {
                    What::Negative { shown }
                } else {
                    What::TooLarge { shown }
                },
            }),
            _ => {}
        }
    }
    // A value of the wrong type has one problem: its type (not also "not in the list").
    let wrong_type: Vec<String> = issues
        .iter()
        .filter(|i| {
            matches!(
                i.what,
                What::InvalidType { .. } | What::NotWholeNumber { .. }
            )
        })
        .map(|i| i.path.clone())
        .collect();
    issues.retain(|i| {
        !i.what.is_value_problem()
            || matches!(
                i.what,
                What::InvalidType { .. } | What::NotWholeNumber { .. }
            )
            || !wrong_type.contains(&i.path)
    });
    issues.dedup();
    issues
}

// ------------------------------------------------------------------------------------------
// The whole examination.

/// What the structural examination found.
pub(crate) struct Examined {
    /// Every structural finding (errors).
    pub findings: Vec<Finding>,
    /// The value read, when the input is JSON.
    pub value: Option<Value>,
    /// The top-level members read before a syntax error (when the text is JSON, they are
    /// in `value`).
    pub root: Option<Map<String, Value>>,
    /// The issues of the value against its schema.
    pub issues: Vec<Issue>,
}

/// Reads the bytes (without a byte-order mark) as far as they go and says everything that
/// is wrong with them as the target; the target of a document is chosen by its `kind`
/// before this is called.
pub(crate) fn examine(bytes: &[u8], target: Target) -> Examined {
    let (parsed, mut examined) = read(bytes);
    let Some(value) = &examined.value else {
        return examined;
    };
    let Some(compiled) = compiled(target) else {
        return examined;
    };
    examined.issues = schema_issues(compiled, value, &parsed);
    examined.findings = examined.issues.iter().map(Issue::finding).collect();
    examined
}

/// Layer 1 alone: the bytes read into a value, or the finding that stops them.
pub(crate) fn read(bytes: &[u8]) -> (json::Parsed, Examined) {
    let mut examined = Examined {
        findings: Vec::new(),
        value: None,
        root: None,
        issues: Vec::new(),
    };
    if let Some(f) = preflight(bytes) {
        examined.findings.push(f);
        return (json::Parsed::default(), examined);
    }
    let text = std::str::from_utf8(bytes).unwrap_or_default();
    let mut parsed = json::parse(text, MAX_DEPTH);
    if let Some(e) = &parsed.error {
        examined.findings.push(syntax_finding(e));
        examined.root = parsed.partial_root.take();
        return (parsed, examined);
    }
    examined.value = parsed.value.take();
    (parsed, examined)
}

/// Validates an already read value (and its byte-layer facts) against a target.
pub(crate) fn validate(parsed: &json::Parsed, value: &Value, target: Target) -> Vec<Issue> {
    compiled(target).map_or_else(Vec::new, |c| schema_issues(c, value, parsed))
}

/// The finding of an input that the strict reader refused although neither layer found a
/// problem — which the agreement tests rule out; kept so that such an input can never pass
/// silently.
pub(crate) fn fallback<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Finding {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let (path, detail) =
        match serde_path_to_error::deserialize::<_, T>(super::strict::Strict::root(&mut de)) {
            Ok(_) => (String::new(), "trailing input".to_owned()),
            Err(e) => {
                let mut pointer = String::new();
                for seg in e.path() {
                    match seg {
                        serde_path_to_error::Segment::Seq { index } => {
                            pointer.push('/');
                            pointer.push_str(&index.to_string());
                        }
                        serde_path_to_error::Segment::Map { key } => {
                            pointer.push('/');
                            pointer.push_str(&escape_token(key));
                        }
                        _ => {}
                    }
                }
                (pointer, e.inner().to_string())
            }
        };
    let p = at(&path).to_owned();
    Finding::new(
        "structure.invalid_value",
        Severity::Error,
        path,
        format!("giá trị tại {p} không đọc được"),
        format!("the value at {p} cannot be read: {}", show(&detail)),
    )
}

/// Whether the schema at `pointer` is free text: a string without a code list, format or
/// pattern (titles, names, notes), which no rule computes with.
pub(crate) fn is_free_text(target: Target, instance: &Value, pointer: &str) -> bool {
    let Some(c) = compiled(target) else {
        return false;
    };
    let Some((s, _)) = schema_at(&c.schema, instance, pointer) else {
        return false;
    };
    let plain = |s: &Value| {
        schema_admits_type(s, Type::String)
            && ["enum", "const", "format", "pattern", "oneOf", "anyOf", "if"]
                .iter()
                .all(|k| s.get(k).is_none())
    };
    plain(s)
}
