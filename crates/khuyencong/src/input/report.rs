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
//!    one) by the validator (module `walk`, the schema compiled once): each failing *keyword*, with its values (a `minimum` of 0,
//!    the `maximum` of an amount, the `format`), becomes a `structure.*` finding. No code is
//!    ever chosen by reading an error message's text.
//!
//! The validator implements the keywords the generated schemas use (`type`, `properties`,
//! `required`, `additionalProperties`, `items`, `enum`, `const`, bounds of numbers, strings
//! and arrays, `format: date`, `pattern`, `$ref`, `if`/`then`/`else`, `allOf`, `anyOf`,
//! `oneOf`); three independent validators (the Rust `jsonschema` crate, Python's
//! `jsonschema`, ajv in strict mode) are tested to agree with the library on the corpus and
//! its mutations.

use std::sync::LazyLock;

use serde_json::{Map, Value};

pub(crate) use super::json::Parsed;
use super::json::{self, Expected, NumberForm, SyntaxError, SyntaxKind};
use super::pattern::Pattern;
use super::walk::Nodes;
use super::{MAX_DEPTH, MAX_INPUT_BYTES};
use std::fmt;

use crate::finding::{Arg, Finding, Params, Unlisted, Wording, escape_token, finding_kinds};
use crate::law::Lang;

/// What an input is read as: the compiled schema of its type, which the module owning the
/// type generates ([`Compiled::new`]) and keeps.
pub(crate) type Target = &'static Compiled;

/// A target's schema, with its patterns compiled.
pub(crate) struct Compiled {
    /// The schema as generated; the validator reads `nodes` (the tests read this).
    #[cfg_attr(not(test), allow(dead_code))]
    pub schema: Value,
    patterns: Vec<(String, Pattern)>,
    /// The schema compiled for the validator.
    nodes: Nodes,
}

impl Compiled {
    /// A schema with its patterns compiled, and compiled for the validator (once per
    /// process: the owners of the schemas keep them in a `LazyLock`).
    pub(crate) fn new(schema: Value) -> Self {
        let mut patterns = Vec::new();
        let mut stack = vec![&schema];
        while let Some(v) = stack.pop() {
            match v {
                Value::Object(map) => {
                    if let Some(Value::String(p)) = map.get("pattern")
                        && let Some(compiled) = Pattern::new(p)
                    {
                        patterns.push((p.clone(), compiled));
                    }
                    stack.extend(map.values());
                }
                Value::Array(items) => stack.extend(items),
                _ => {}
            }
        }
        let nodes = Nodes::compile(&schema, &patterns);
        Self {
            schema,
            patterns,
            nodes,
        }
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
            NotUtf8 {
                encoding: Some(encoding),
                byte: None,
            }
            .at(""),
        );
    }
    // The quick check first; the standard one only to say where the input stops being UTF-8.
    if simdutf8::basic::from_utf8(bytes).is_err()
        && let Err(e) = std::str::from_utf8(bytes)
    {
        let at = e.valid_up_to();
        return Some(
            NotUtf8 {
                encoding: None,
                byte: Some(at),
            }
            .at(""),
        );
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Some(Empty {}.at(""));
    }
    None
}

/// The finding of an input larger than [`MAX_INPUT_BYTES`].
pub(crate) fn too_large_input() -> Finding {
    TooLargeInput {
        max_bytes: Some(MAX_INPUT_BYTES),
        max_values: Unlisted(json::MAX_VALUES),
        line: None,
        column: None,
    }
    .at("")
}

/// The information finding of a UTF-8 byte-order mark that was ignored.
pub(crate) fn bom_ignored() -> Finding {
    Bom {}.at("")
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
    let path = e.path.clone();
    match &e.kind {
        SyntaxKind::Truncated => Truncated { line, column }.at(path),
        SyntaxKind::TooManyValues => TooLargeInput {
            max_bytes: None,
            max_values: Unlisted(json::MAX_VALUES),
            line: Some(line),
            column: Some(column),
        }
        .at(path),
        SyntaxKind::TooDeep => TooDeep { line, column }.at(path),
        kind => MalformedJson {
            line,
            column,
            detail: Detail(kind.clone()),
        }
        .at(path),
    }
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
// The kinds of finding of the structural report.

/// A text of the input in a message, shown safely ([`show`]); as given in `params`.
#[derive(Debug, Clone)]
pub(crate) struct Input(pub String);

impl Arg for Input {
    fn write(&self, _: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&show(&self.0))
    }
    fn json(&self) -> serde_json::Value {
        self.0.as_str().into()
    }
}

/// The place of a problem in a message: its JSON Pointer, `/` for the whole input.
#[derive(Debug, Clone)]
pub(crate) struct At(String);

impl At {
    /// The whole input.
    pub(crate) const fn root() -> Self {
        Self(String::new())
    }
}

impl Arg for At {
    fn write(&self, _: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(at(&self.0))
    }
    fn json(&self) -> serde_json::Value {
        serde_json::Value::Null
    }
    fn to_params(&self, _: &'static str, _: &mut Params) {}
}

/// The fields an object allows, when the schema names them: `; the fields allowed here: …`.
#[derive(Debug, Clone)]
pub(crate) struct Allowed(Vec<String>);

impl Arg for Allowed {
    fn write(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return Ok(());
        }
        match lang {
            Lang::Vi => f.write_str("; các trường hợp lệ: ")?,
            Lang::En => f.write_str("; the fields allowed here: ")?,
        }
        f.write_str(&quoted(&self.0))
    }
    fn json(&self) -> serde_json::Value {
        serde_json::Value::Null
    }
    fn to_params(&self, _: &'static str, _: &mut Params) {}
}

/// Values to choose from: `` `a`, `b` `` (not a parameter).
#[derive(Debug, Clone)]
pub(crate) struct Choices(Vec<String>);

impl Arg for Choices {
    fn write(&self, _: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&quoted(&self.0))
    }
    fn json(&self) -> serde_json::Value {
        serde_json::Value::Null
    }
    fn to_params(&self, _: &'static str, _: &mut Params) {}
}

/// JSON types in a message: "a string or null" (not a parameter).
#[derive(Debug, Clone)]
pub(crate) struct Types(Vec<Type>);

impl Types {
    /// No type named (a message that does not show them).
    pub(crate) const fn none() -> Self {
        Self(Vec::new())
    }
}

impl Arg for Types {
    fn write(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (vi, en) = type_list(&self.0);
        f.write_str(match lang {
            Lang::Vi => &vi,
            Lang::En => &en,
        })
    }
    fn json(&self) -> serde_json::Value {
        serde_json::Value::Null
    }
    fn to_params(&self, _: &'static str, _: &mut Params) {}
}

impl Arg for Type {
    fn write(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (vi, en) = self.names();
        f.write_str(match lang {
            Lang::Vi => vi,
            Lang::En => en,
        })
    }
    fn json(&self) -> serde_json::Value {
        serde_json::Value::Null
    }
    fn to_params(&self, _: &'static str, _: &mut Params) {}
}

/// The bounds of a number's range: "from 1 to 12", "at least 0" (not a parameter).
#[derive(Debug, Clone)]
pub(crate) struct Range(Option<String>, Option<String>);

impl Arg for Range {
    fn write(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.0, &self.1, lang) {
            (Some(a), Some(b), Lang::Vi) => write!(f, "từ {a} đến {b}"),
            (Some(a), Some(b), Lang::En) => write!(f, "from {a} to {b}"),
            (Some(a), None, Lang::Vi) => write!(f, "từ {a} trở lên"),
            (Some(a), None, Lang::En) => write!(f, "at least {a}"),
            (None, Some(b), Lang::Vi) => write!(f, "không quá {b}"),
            (None, Some(b), Lang::En) => write!(f, "at most {b}"),
            (None, None, _) => Ok(()),
        }
    }
    fn json(&self) -> serde_json::Value {
        serde_json::Value::Null
    }
    fn to_params(&self, _: &'static str, _: &mut Params) {}
}

/// What a length counts: the characters of a text or the items of an array.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Length {
    /// Characters of a text.
    Text,
    /// Items of an array.
    Array,
}

/// The allowed length: "1 to 200 characters" (not a parameter).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Bounds {
    of: Length,
    min: u64,
    max: Option<u64>,
}

impl Arg for Bounds {
    fn write(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (vi, en) = match self.of {
            Length::Text => ("ký tự", "characters"),
            Length::Array => ("phần tử", "items"),
        };
        let (vi, en) = bounds(self.min, self.max, vi, en);
        f.write_str(match lang {
            Lang::Vi => &vi,
            Lang::En => &en,
        })
    }
    fn json(&self) -> serde_json::Value {
        serde_json::Value::Null
    }
    fn to_params(&self, _: &'static str, _: &mut Params) {}
}

/// What a syntax error is, rendered when read (not a parameter).
#[derive(Debug, Clone)]
pub(crate) struct Detail(SyntaxKind);

impl Arg for Detail {
    fn write(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (vi, en) = syntax_detail(&self.0);
        f.write_str(match lang {
            Lang::Vi => &vi,
            Lang::En => &en,
        })
    }
    fn json(&self) -> serde_json::Value {
        serde_json::Value::Null
    }
    fn to_params(&self, _: &'static str, _: &mut Params) {}
}

/// A hint of the form a value must have: " (YYYY-MM-DD)" (not a parameter).
#[derive(Debug, Clone)]
pub(crate) struct Hint(Option<(String, String)>);

impl Arg for Hint {
    fn write(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.0, lang) {
            (Some((vi, _)), Lang::Vi) => write!(f, " ({vi})"),
            (Some((_, en)), Lang::En) => write!(f, " ({en})"),
            (None, _) => Ok(()),
        }
    }
    fn json(&self) -> serde_json::Value {
        serde_json::Value::Null
    }
    fn to_params(&self, _: &'static str, _: &mut Params) {}
}

/// A text given by the caller in Vietnamese and English (an operating-system error, say);
/// not a parameter.
#[derive(Debug, Clone)]
pub(crate) struct Said(String, String);

impl Arg for Said {
    fn write(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match lang {
            Lang::Vi => &self.0,
            Lang::En => &self.1,
        })
    }
    fn json(&self) -> serde_json::Value {
        serde_json::Value::Null
    }
    fn to_params(&self, _: &'static str, _: &mut Params) {}
}

/// The shape of a problem of type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// A value of the wrong type.
    Value,
    /// The document is not an object.
    Document,
    /// `kind` is not a string.
    KindField,
}

/// How a value could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    /// A value of the wrong form, by the schema.
    Value,
    /// The input, refused by the strict reader alone.
    Unreadable,
}

/// Parameters that choose which message a finding says (matched in its `message:`) and are
/// neither printed nor listed in its `params`.
macro_rules! wording_only {
    ($($t:ty),*) => {$(
        impl Arg for $t {
            fn write(&self, _: Lang, _: &mut fmt::Formatter<'_>) -> fmt::Result {
                Ok(())
            }
            fn json(&self) -> serde_json::Value {
                serde_json::Value::Null
            }
            fn to_params(&self, _: &'static str, _: &mut Params) {}
        }
    )*};
}

wording_only!(Length, Shape, Form);

finding_kinds! {
    /// An input above the size limit.
    TooLargeInput {
        code: "structure.too_large_input",
        severity: Error,
        citation: None,
        meaning: (
            "Tệp lớn hơn 16 MiB (16.777.216 byte), giới hạn của một văn bản.",
            "The input is larger than 16 MiB (16,777,216 bytes), the limit for one document.",
        ),
        fix: (
            "Kiểm tra tệp; tách dữ liệu thành nhiều văn bản (JSON Lines: mỗi dòng một văn bản).",
            "Check the file; split the data into several documents (JSON Lines: one per line).",
        ),
        params: {
            max_bytes: Option<usize>,
            max_values: Unlisted<usize>,
            line: Option<usize>,
            column: Option<usize>,
        },
        message: match max_bytes {
            Some(_) => (
                "tệp lớn hơn 16 MiB ({max_bytes} byte), giới hạn của một văn bản; hãy tách dữ liệu thành nhiều văn bản",
                "the input is larger than 16 MiB ({max_bytes} bytes), the limit for one document; split the data into several documents",
            ),
            None => (
                "tệp chứa hơn {max_values} giá trị (dòng {line}, cột {column}), nhiều hơn mọi văn bản; hãy tách dữ liệu thành nhiều văn bản",
                "the input holds more than {max_values} values (line {line}, column {column}), more than any document; split the data into several documents",
            ),
        },
    }

    /// An empty input.
    Empty {
        code: "structure.empty",
        severity: Error,
        citation: None,
        meaning: ("Tệp rỗng.", "The input is empty."),
        fix: ("Gửi một văn bản JSON.", "Send a JSON document."),
        params: {},
        message: (
            "tệp rỗng: cần một văn bản JSON",
            "the input is empty: a JSON document is expected",
        ),
    }

    /// A byte-order mark, ignored.
    Bom {
        code: "structure.bom",
        severity: Info,
        citation: None,
        meaning: (
            "Tệp bắt đầu bằng dấu BOM UTF-8; dấu này được bỏ qua (RFC 8259 §8.1 cho phép).",
            "The input starts with a UTF-8 byte-order mark, which is ignored (RFC 8259 §8.1 allows it).",
        ),
        fix: (
            "Lưu tệp dạng UTF-8 không có BOM để mọi hệ thống đọc được.",
            "Save the file as UTF-8 without a BOM so that every system reads it.",
        ),
        params: {},
        message: (
            "tệp bắt đầu bằng dấu BOM UTF-8 (EF BB BF); dấu này được bỏ qua (RFC 8259 cho phép), nhưng nên lưu tệp dạng UTF-8 không có BOM để mọi hệ thống đọc được",
            "the input starts with a UTF-8 byte-order mark (EF BB BF), which was ignored (RFC 8259 allows it); save as UTF-8 without BOM so that every system reads it",
        ),
    }

    /// An input that is not UTF-8.
    NotUtf8 {
        code: "structure.not_utf8",
        severity: Error,
        citation: None,
        meaning: (
            "Tệp không phải UTF-8 (ví dụ UTF-16, TCVN3, VNI, Windows-1258).",
            "The input is not UTF-8 (e.g. UTF-16, TCVN3, VNI, Windows-1258).",
        ),
        fix: (
            "Lưu tệp dạng UTF-8 (không dùng TCVN3/VNI/Windows-1258).",
            "Save the file as UTF-8 (not TCVN3, VNI or Windows-1258).",
        ),
        params: { encoding: Option<&'static str>, byte: Option<usize> },
        message: match encoding {
            Some(_) => (
                "tệp được mã hóa {encoding}, không phải UTF-8; hãy lưu tệp dạng UTF-8",
                "the input is encoded as {encoding}, not UTF-8; save it as UTF-8",
            ),
            None => (
                "tệp không phải UTF-8 hợp lệ (byte thứ {byte}); hãy lưu tệp dạng UTF-8 (không dùng TCVN3, VNI hay Windows-1258)",
                "the input is not valid UTF-8 (at byte {byte}); save it as UTF-8 (not TCVN3, VNI or Windows-1258)",
            ),
        },
    }

    /// Malformed JSON.
    MalformedJson {
        code: "structure.malformed_json",
        severity: Error,
        citation: None,
        meaning: (
            "JSON sai cú pháp; thông báo nêu dòng và cột.",
            "The JSON is malformed; the message gives the line and column.",
        ),
        fix: ("Sửa cú pháp tại vị trí được nêu.", "Fix the syntax at the position given."),
        params: { line: usize, column: usize, detail: Detail },
        message: (
            "JSON không hợp lệ ở dòng {line}, cột {column}: {detail}",
            "malformed JSON at line {line}, column {column}: {detail}",
        ),
    }

    /// JSON that ends early.
    Truncated {
        code: "structure.truncated",
        severity: Error,
        citation: None,
        meaning: ("JSON bị cắt cụt.", "The JSON ends early (truncated file)."),
        fix: ("Gửi lại tệp đầy đủ.", "Send the complete file."),
        params: { line: usize, column: usize },
        message: (
            "tệp kết thúc đột ngột ở dòng {line}, cột {column}: JSON chưa đầy đủ (thiếu dấu đóng `}}`, `]` hoặc `\"`?)",
            "the input ends early at line {line}, column {column}: the JSON is incomplete (a closing `}}`, `]` or `\"` missing?)",
        ),
    }

    /// JSON nested too deep.
    TooDeep {
        code: "structure.too_deep",
        severity: Error,
        citation: None,
        meaning: ("JSON lồng nhau quá 32 cấp.", "The JSON is nested more than 32 levels deep."),
        fix: (
            "Văn bản hợp lệ không lồng sâu như vậy; kiểm tra dữ liệu nguồn.",
            "Valid documents are never this deep; check the source data.",
        ),
        params: { line: usize, column: usize },
        text: { depth = MAX_DEPTH },
        message: (
            "JSON lồng nhau quá {depth} cấp (dòng {line}, cột {column}); văn bản hợp lệ không lồng sâu như vậy",
            "the JSON is nested more than {depth} levels deep (line {line}, column {column}); at most {depth} levels",
        ),
    }

    /// A value of the wrong type.
    InvalidType {
        code: "structure.invalid_type",
        severity: Error,
        citation: None,
        meaning: (
            "Sai kiểu dữ liệu (ví dụ chuỗi thay vì số).",
            "A value has the wrong JSON type.",
        ),
        fix: (
            "Dùng kiểu mà lược đồ quy định tại đường dẫn.",
            "Use the type the schema requires at the path.",
        ),
        params: {
            shape: Shape,
            p: At,
            expected: Types,
            got: Type,
            field: Option<&'static str>,
        },
        message: match shape {
            Shape::Value => (
                "sai kiểu dữ liệu tại {p}: cần {expected}, nhận {got}",
                "wrong type at {p}: expected {expected}, got {got}",
            ),
            Shape::Document => (
                "văn bản phải là một đối tượng JSON có trường `kind` (`scheme`, `plan`, `period_report` hoặc `programme`)",
                "a document must be a JSON object with a `kind` field (`scheme`, `plan`, `period_report` or `programme`)",
            ),
            Shape::KindField => (
                "`kind` phải là chuỗi: `scheme`, `plan`, `period_report` hoặc `programme`",
                "`kind` must be a string: `scheme`, `plan`, `period_report` or `programme`",
            ),
        },
    }

    /// A field the format does not define.
    UnknownField {
        code: "structure.unknown_field",
        severity: Error,
        citation: None,
        meaning: (
            "Trường không có trong định dạng (lược đồ đóng).",
            "A field the format does not define (the schema is closed).",
        ),
        fix: ("Xóa trường hoặc sửa lỗi chính tả tên trường.", "Remove the field or fix its spelling."),
        params: { field: Input, p: At, allowed: Allowed },
        message: (
            "trường `{field}` không có trong định dạng tại {p}{allowed}",
            "unknown field `{field}` at {p}{allowed}",
        ),
    }

    /// A required field is missing.
    MissingField {
        code: "structure.missing_field",
        severity: Error,
        citation: None,
        meaning: ("Thiếu trường bắt buộc.", "A required field is missing."),
        fix: ("Bổ sung trường.", "Add the field."),
        params: { field: String, p: At, kinds: Unlisted<Wording> },
        message: (
            "thiếu trường bắt buộc `{field}` tại {p}{kinds}",
            "missing required field `{field}` at {p}{kinds}",
        ),
    }

    /// A field written twice.
    DuplicateField {
        code: "structure.duplicate_field",
        severity: Error,
        citation: None,
        meaning: (
            "Một trường xuất hiện hai lần trong cùng đối tượng.",
            "A field appears twice in one object.",
        ),
        fix: ("Giữ một lần.", "Keep one."),
        params: { field: Input, p: At },
        message: (
            "trường `{field}` xuất hiện hai lần tại {p}; không biết giá trị nào là đúng",
            "field `{field}` appears twice at {p}; which value was meant is unknowable",
        ),
    }

    /// A code not in its codelist.
    UnknownCode {
        code: "structure.unknown_code",
        severity: Error,
        citation: None,
        meaning: ("Mã không có trong danh mục.", "A code that is not in its codelist."),
        fix: ("Dùng mã trong `khuyencong catalog`.", "Use a code from `khuyencong catalog`."),
        params: {
            value: String,
            codelist: Option<&'static str>,
            options: Choices,
            p: At,
        },
        message: match codelist {
            Some(_) => (
                "mã `{value}` không có trong danh mục `{codelist}` (tại {p}); xem `khuyencong catalog --list {codelist}`",
                "code `{value}` is not in the `{codelist}` codelist (at {p}); see `khuyencong catalog --list {codelist}`",
            ),
            None => (
                "`{value}` không phải giá trị hợp lệ tại {p}; chọn: {options}",
                "`{value}` is not a valid value at {p}; choose: {options}",
            ),
        },
    }

    /// An amount or count that is not a whole number.
    NotWholeNumber {
        code: "structure.not_whole_number",
        severity: Error,
        citation: None,
        meaning: (
            "Số tiền hoặc số lượng không phải số nguyên (đồng không có đơn vị lẻ).",
            "An amount or count is not a whole number (VND has no minor unit).",
        ),
        fix: (
            "Ghi số nguyên đồng, ví dụ 1400000000 thay vì 1400.0 hay 1.4e9.",
            "Write whole đồng as a JSON integer, e.g. 1400000000, not 1400.0 or 1.4e9.",
        ),
        params: { shown: Unlisted<String>, p: At },
        message: (
            "số tiền, số lượng phải là số nguyên viết dạng số nguyên JSON (đồng không có đơn vị lẻ), nhận {shown} (tại {p})",
            "an amount or count must be a whole number written as a JSON integer (the đồng has no minor unit), got {shown} (at {p})",
        ),
    }

    /// A negative amount or count.
    Negative {
        code: "structure.negative",
        severity: Error,
        citation: None,
        meaning: ("Số tiền hoặc số lượng âm.", "A negative amount or count."),
        fix: ("Số tiền, số lượng không âm.", "Amounts and counts are non-negative."),
        params: { shown: Unlisted<String>, p: At },
        message: (
            "giá trị không được âm, nhận {shown} (tại {p})",
            "the value must not be negative, got {shown} (at {p})",
        ),
    }

    /// A number above the largest exact integer.
    TooLarge {
        code: "structure.too_large",
        severity: Error,
        citation: None,
        meaning: ("Số vượt quá 9.007.199.254.740.991.", "A number above 9,007,199,254,740,991."),
        fix: (
            "Kiểm tra đơn vị (đồng, không phải phần nghìn đồng).",
            "Check the unit (đồng).",
        ),
        params: { shown: Unlisted<String>, p: At },
        message: (
            "giá trị {shown} vượt quá mức tối đa 9.007.199.254.740.991 (tại {p}); kiểm tra đơn vị (đồng)",
            "the value {shown} exceeds the maximum 9,007,199,254,740,991 (at {p}); check the unit (đồng)",
        ),
    }

    /// An impossible date.
    InvalidDate {
        code: "structure.invalid_date",
        severity: Error,
        citation: None,
        meaning: (
            "Ngày không hợp lệ hoặc không có thật (ví dụ 2025-02-30).",
            "An invalid or impossible date (e.g. 2025-02-30).",
        ),
        fix: ("Dùng dạng YYYY-MM-DD với ngày có thật.", "Use YYYY-MM-DD with a real calendar day."),
        params: { value: Unlisted<Input>, p: At },
        message: (
            "ngày `{value}` không hợp lệ tại {p}: dùng dạng YYYY-MM-DD với ngày có thật trong lịch",
            "invalid date `{value}` at {p}: write YYYY-MM-DD with a real calendar day",
        ),
    }

    /// A value of the wrong form.
    InvalidValue {
        code: "structure.invalid_value",
        severity: Error,
        citation: None,
        meaning: ("Giá trị không hợp lệ.", "An invalid value."),
        fix: ("Xem thông báo và lược đồ.", "See the message and the schema."),
        params: {
            form: Form,
            shown: Unlisted<String>,
            p: At,
            hint: Hint,
            line: Option<usize>,
            column: Option<usize>,
            detail: Unlisted<Input>,
        },
        message: match form {
            Form::Value => (
                "giá trị {shown} tại {p} không đúng dạng quy định{hint}",
                "the value {shown} at {p} does not have the required form{hint}",
            ),
            Form::Unreadable => (
                "văn bản không đọc được (dòng {line}, cột {column})",
                "the input cannot be read (line {line}, column {column}): {detail}",
            ),
        },
    }

    /// A text or an array of the wrong length.
    InvalidLength {
        code: "structure.invalid_length",
        severity: Error,
        citation: None,
        meaning: ("Số phần tử không hợp lệ.", "An array of the wrong length."),
        fix: ("Xem lược đồ.", "See the schema."),
        params: { of: Length, n: Unlisted<usize>, bounds: Bounds, p: At },
        message: match of {
            Length::Text => (
                "văn bản tại {p} có {n} ký tự; cần {bounds}",
                "the text at {p} has {n} characters; expected {bounds}",
            ),
            Length::Array => (
                "mảng tại {p} có {n} phần tử; cần {bounds}",
                "the array at {p} has {n} items; expected {bounds}",
            ),
        },
    }

    /// A number out of its range.
    OutOfRange {
        code: "structure.out_of_range",
        severity: Error,
        citation: None,
        meaning: (
            "Số nằm ngoài khoảng cho phép (ví dụ năm kế hoạch ngoài 2000–2100).",
            "A number outside its allowed range (e.g. a plan year outside 2000–2100).",
        ),
        fix: (
            "Dùng giá trị trong khoảng mà thông báo và lược đồ nêu.",
            "Use a value within the range the message and the schema give.",
        ),
        params: { shown: Unlisted<String>, range: Range, p: At },
        message: (
            "giá trị {shown} nằm ngoài khoảng cho phép ({range}) tại {p}",
            "the value {shown} is out of range ({range}) at {p}",
        ),
    }

    /// An unknown document kind.
    UnknownKind {
        code: "structure.unknown_kind",
        severity: Error,
        citation: None,
        meaning: (
            "`kind` không phải `scheme`, `plan`, `period_report` hoặc `programme`.",
            "`kind` is not `scheme`, `plan`, `period_report` or `programme`.",
        ),
        fix: ("Sửa `kind`.", "Fix `kind`."),
        params: { kind: Unlisted<Input>, field: &'static str },
        message: (
            "loại văn bản `{kind}` không hợp lệ; chọn `scheme`, `plan`, `period_report` hoặc `programme`",
            "unknown document kind `{kind}`; expected `scheme`, `plan`, `period_report` or `programme`",
        ),
    }

    /// An unsupported format version.
    UnsupportedSchemaVersion {
        code: "structure.unsupported_schema_version",
        severity: Error,
        citation: None,
        meaning: (
            "Phiên bản định dạng không được hỗ trợ (thư viện đọc phiên bản 1 và 2).",
            "An unsupported `schema_version` (the library reads versions 1 and 2).",
        ),
        fix: ("Dùng `schema_version: 2`.", "Use `schema_version: 2`."),
        params: { got: Unlisted<String>, p: At },
        message: (
            "phiên bản định dạng {got} không được hỗ trợ (tại {p}); thư viện này đọc phiên bản 1 và 2",
            "unsupported schema_version {got} (at {p}); this library reads versions 1 and 2",
        ),
    }

    /// A file that cannot be read.
    UnreadableFile {
        code: "structure.unreadable_file",
        severity: Error,
        citation: None,
        meaning: (
            "Không mở hoặc đọc được tệp (không tồn tại, không có quyền đọc, là thư mục).",
            "The file cannot be opened or read (missing, not permitted, a directory).",
        ),
        fix: ("Kiểm tra đường dẫn và quyền đọc tệp.", "Check the path and the file's permissions."),
        params: { why: Said },
        message: ("{why}", "{why}"),
    }
}

/// The finding of a file that cannot be opened or read (`structure.unreadable_file`), with
/// the reason in Vietnamese and English (e.g. from the operating system's error).
pub fn unreadable_file(message_vi: String, message_en: String) -> Finding {
    UnreadableFile {
        why: Said(message_vi, message_en),
    }
    .at("")
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
    pub(super) fn of(v: &Value) -> Self {
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
        let p = || At(self.path.clone());
        let path = self.path.clone();
        match &self.what {
            What::UnknownField { field, expected } => UnknownField {
                field: Input(field.clone()),
                p: p(),
                allowed: Allowed(expected.clone()),
            }
            .at(path),
            What::MissingField { field } => MissingField {
                field: field.clone(),
                p: p(),
                kinds: Unlisted(Wording("", "")),
            }
            .at(path),
            What::DuplicateField { field } => DuplicateField {
                field: Input(field.clone()),
                p: p(),
            }
            .at(path),
            What::InvalidType { expected, got } => InvalidType {
                shape: Shape::Value,
                p: p(),
                expected: Types(expected.clone()),
                got: *got,
                field: None,
            }
            .at(path),
            What::NotWholeNumber { shown } => NotWholeNumber {
                shown: Unlisted(shown.clone()),
                p: p(),
            }
            .at(path),
            What::Negative { shown } => Negative {
                shown: Unlisted(shown.clone()),
                p: p(),
            }
            .at(path),
            What::TooLarge { shown } => TooLarge {
                shown: Unlisted(shown.clone()),
                p: p(),
            }
            .at(path),
            What::OutOfRange { shown, min, max } => OutOfRange {
                shown: Unlisted(shown.clone()),
                range: Range(min.clone(), max.clone()),
                p: p(),
            }
            .at(path),
            What::UnknownCode {
                value,
                list,
                options,
            } => UnknownCode {
                value: show(value),
                codelist: *list,
                options: Choices(options.clone()),
                p: p(),
            }
            .at(path),
            What::InvalidDate { value } => InvalidDate {
                value: Unlisted(Input(value.clone())),
                p: p(),
            }
            .at(path),
            What::TextLength { n, min, max } => InvalidLength {
                of: Length::Text,
                n: Unlisted(*n),
                bounds: Bounds {
                    of: Length::Text,
                    min: *min,
                    max: *max,
                },
                p: p(),
            }
            .at(path),
            What::ArrayLength { n, min, max } => InvalidLength {
                of: Length::Array,
                n: Unlisted(*n),
                bounds: Bounds {
                    of: Length::Array,
                    min: *min,
                    max: *max,
                },
                p: p(),
            }
            .at(path),
            What::UnsupportedVersion { got } => UnsupportedSchemaVersion {
                got: Unlisted(got.clone()),
                p: p(),
            }
            .at(path),
            What::InvalidValue { shown, hint } => InvalidValue {
                form: Form::Value,
                shown: Unlisted(shown.clone()),
                p: p(),
                hint: Hint(hint.clone()),
                line: None,
                column: None,
                detail: Unlisted(Input(String::new())),
            }
            .at(path),
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
pub(super) fn shown_value(v: &Value) -> String {
    match v {
        Value::String(s) => format!("`{}`", show(s)),
        Value::Array(_) => "[…]".to_owned(),
        Value::Object(_) => "{…}".to_owned(),
        other => other.to_string(),
    }
}

/// A number as written in a message (the nearest float for numbers beyond 64 bits).
pub(super) fn shown_number(v: &Value) -> String {
    match v {
        Value::Number(n) => n.to_string(),
        other => shown_value(other),
    }
}

// ------------------------------------------------------------------------------------------
// Layer 2: the value against the schema.

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

pub(super) fn codelist_of(options: &Value) -> Option<&'static str> {
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
pub(super) fn hint_of(s: &Value) -> Option<(String, String)> {
    let d = s.get("description")?.as_str()?;
    let (en, vi) = d.split_once(" / ")?;
    Some((vi.trim().to_owned(), en.trim().to_owned()))
}

/// Every issue of `value` against the target's schema, and the byte-layer issues the
/// schema cannot see.
fn schema_issues(compiled: &Compiled, value: &Value, parsed: &json::Parsed) -> Vec<Issue> {
    let mut issues = Vec::new();
    compiled.nodes.walk(&compiled.patterns, value, &mut issues);
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
        let integer_place = compiled
            .nodes
            .schema_at(value, p)
            .is_some_and(|(s, _)| compiled.nodes.admits(s, Type::Integer));
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
    examined.issues = schema_issues(target, value, &parsed);
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
    let text = simdutf8::basic::from_utf8(bytes).unwrap_or_default();
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
    schema_issues(target, value, parsed)
}

/// The finding of an input that the strict reader refused although neither layer found a
/// problem — which the agreement tests rule out; kept so that such an input can never pass
/// silently.
pub(crate) fn fallback<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Finding {
    let (line, column, detail) = match super::strict::from_slice::<T>(bytes) {
        Ok(_) => (1, 1, "the value cannot be read".to_owned()),
        Err(e) => (e.line(), e.column(), e.to_string()),
    };
    InvalidValue {
        form: Form::Unreadable,
        shown: Unlisted(String::new()),
        p: At(String::new()),
        hint: Hint(None),
        line: Some(line),
        column: Some(column),
        detail: Unlisted(Input(detail)),
    }
    .at("")
}

/// Whether the schema at `pointer` is free text: a string without a code list, format or
/// pattern (titles, names, notes), which no rule computes with.
pub(crate) fn is_free_text(target: Target, instance: &Value, pointer: &str) -> bool {
    target
        .nodes
        .schema_at(instance, pointer)
        .is_some_and(|(s, _)| target.nodes.is_plain_text(s))
}

#[cfg(test)]
mod tests {
    use super::Target;
    use crate::document::DocumentKind;

    /// Every `pattern` of the schemas the library validates against compiles in the
    /// report's matcher (a pattern it could not read would go unchecked in the report).
    #[test]
    fn every_pattern_of_the_schemas_compiles() {
        let targets: [(&str, Target); 7] = [
            (
                "scheme",
                crate::document::schema::compiled(DocumentKind::Scheme),
            ),
            (
                "plan",
                crate::document::schema::compiled(DocumentKind::Plan),
            ),
            (
                "period_report",
                crate::document::schema::compiled(DocumentKind::PeriodReport),
            ),
            (
                "programme",
                crate::document::schema::compiled(DocumentKind::Programme),
            ),
            ("applicant", &crate::input::APPLICANT),
            ("provincial_pack", &crate::support::pack::PROVINCIAL_SCHEMA),
            ("national_pack", &crate::support::pack::NATIONAL_SCHEMA),
        ];
        for (target, c) in targets {
            let text = c.schema.to_string();
            let written = text.matches("\"pattern\":").count();
            let mut sources = Vec::new();
            let mut stack = vec![&c.schema];
            while let Some(v) = stack.pop() {
                match v {
                    serde_json::Value::Object(m) => {
                        if let Some(serde_json::Value::String(p)) = m.get("pattern") {
                            sources.push(p.clone());
                        }
                        stack.extend(m.values());
                    }
                    serde_json::Value::Array(items) => stack.extend(items),
                    _ => {}
                }
            }
            assert_eq!(sources.len(), written, "{target:?}");
            for p in &sources {
                assert!(
                    c.patterns.iter().any(|(source, _)| source == p),
                    "{target:?}: {p}"
                );
            }
        }
    }
}
