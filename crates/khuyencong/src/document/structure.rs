//! Structural errors: turning what the JSON reader says into findings with a JSON Pointer
//! and messages in Vietnamese and English.

use crate::finding::{Finding, Severity, escape_token};

/// Converts a path from the reader into a JSON Pointer (RFC 6901).
pub(crate) fn pointer(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for seg in path {
        match seg {
            Segment::Seq { index } => {
                out.push('/');
                out.push_str(&index.to_string());
            }
            Segment::Map { key } => {
                out.push('/');
                out.push_str(&escape_token(key));
            }
            Segment::Enum { .. } | Segment::Unknown => {}
        }
    }
    out
}

/// Strips serde_json's " at line L column C" suffix.
fn bare_message(err: &serde_json::Error) -> String {
    let full = err.to_string();
    let suffix = format!(" at line {} column {}", err.line(), err.column());
    full.strip_suffix(&suffix).unwrap_or(&full).to_owned()
}

fn between<'a>(s: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let start = s.find(open)? + open.len();
    let end = s[start..].find(close)? + start;
    Some(&s[start..end])
}

/// A syntax-level failure: malformed JSON, truncated input.
pub(crate) fn syntax(err: &serde_json::Error) -> Finding {
    let (line, column) = (err.line(), err.column());
    let msg = bare_message(err);
    let (code, vi, en) = if err.is_eof() {
        (
            "structure.truncated",
            format!(
                "tệp kết thúc đột ngột ở dòng {line}, cột {column}: JSON chưa đầy đủ (thiếu dấu đóng?)"
            ),
            format!(
                "the input ends early at line {line}, column {column}: the JSON is incomplete ({msg})"
            ),
        )
    } else if msg.contains("recursion limit") {
        (
            "structure.too_deep",
            format!("JSON lồng nhau quá sâu (dòng {line}, cột {column}); tối đa 128 cấp"),
            format!(
                "the JSON is nested too deeply (line {line}, column {column}); at most 128 levels"
            ),
        )
    } else {
        (
            "structure.malformed_json",
            format!(
                "JSON không hợp lệ ở dòng {line}, cột {column}: {}",
                translate_syntax(&msg)
            ),
            format!("malformed JSON at line {line}, column {column}: {msg}"),
        )
    };
    Finding::new(code, Severity::Error, "", vi, en)
        .param("line", line)
        .param("column", column)
}

fn translate_syntax(msg: &str) -> String {
    let table = [
        ("expected value", "thiếu giá trị"),
        ("expected `,` or `}`", "thiếu dấu `,` hoặc `}`"),
        ("expected `,` or `]`", "thiếu dấu `,` hoặc `]`"),
        ("expected `:`", "thiếu dấu `:`"),
        ("key must be a string", "khóa phải là chuỗi"),
        ("trailing comma", "dấu phẩy thừa"),
        ("trailing characters", "có ký tự thừa sau JSON"),
        ("control character", "chuỗi chứa ký tự điều khiển"),
        ("invalid escape", "chuỗi có ký tự thoát không hợp lệ"),
        ("invalid unicode code point", "mã Unicode không hợp lệ"),
        ("lone leading surrogate", "mã Unicode không hợp lệ"),
        ("invalid number", "số không hợp lệ"),
        ("number out of range", "số vượt phạm vi"),
        ("EOF while parsing", "tệp kết thúc khi chưa đọc xong"),
    ];
    table.iter().find(|(en, _)| msg.contains(en)).map_or_else(
        || format!("lỗi cú pháp ({msg})"),
        |(_, vi)| (*vi).to_owned(),
    )
}

/// A data-level failure at `path`: unknown field, missing field, wrong type, bad value.
pub(crate) fn data(err: &serde_json::Error, path: String) -> Finding {
    if err.is_syntax() || err.is_eof() {
        let mut f = syntax(err);
        f.path = path;
        return f;
    }
    let msg = bare_message(err);
    // An unknown field is a fault of the object that holds it (as JSON Schema's
    // `additionalProperties` reports it): point at the object, name the field.
    let path = if msg.starts_with("unknown field") {
        path.rfind('/')
            .map_or_else(String::new, |i| path[..i].to_owned())
    } else {
        path
    };
    let at = if path.is_empty() {
        "/".to_owned()
    } else {
        path.clone()
    };
    let field = between(&msg, "`", "`").unwrap_or_default().to_owned();
    let (code, vi, en): (&str, String, String) = if msg.starts_with("unknown field") {
        let expected = msg
            .split_once(", expected ")
            .map(|(_, e)| e.to_owned())
            .unwrap_or_default();
        (
            "structure.unknown_field",
            format!(
                "trường `{field}` không được phép tại {at}{}",
                if expected.is_empty() {
                    String::new()
                } else {
                    format!("; các trường hợp lệ: {expected}")
                }
            ),
            format!(
                "unknown field `{field}` at {at}{}",
                if expected.is_empty() {
                    String::new()
                } else {
                    format!("; expected {expected}")
                }
            ),
        )
    } else if msg.starts_with("missing field") {
        (
            "structure.missing_field",
            format!("thiếu trường bắt buộc `{field}` tại {at}"),
            format!("missing required field `{field}` at {at}"),
        )
    } else if msg.starts_with("duplicate field") {
        (
            "structure.duplicate_field",
            format!("trường `{field}` xuất hiện hai lần tại {at}"),
            format!("field `{field}` appears twice at {at}"),
        )
    } else if msg.starts_with("unknown code") {
        let list = msg.rsplit('`').nth(1).unwrap_or_default();
        (
            "structure.unknown_code",
            format!(
                "mã `{field}` không có trong danh mục `{list}` (tại {at}); xem `khuyencong catalog`"
            ),
            format!("{msg} (at {at}); see `khuyencong catalog`"),
        )
    } else if msg.starts_with("unknown instrument code") {
        (
            "structure.unknown_code",
            format!("mã văn bản `{field}` không có trong danh mục (tại {at})"),
            format!("{msg} (at {at})"),
        )
    } else if msg.starts_with("amount must be a whole number")
        || msg.starts_with("count must be a whole number")
    {
        (
            "structure.not_whole_number",
            format!(
                "số tiền, số lượng phải là số nguyên (đồng) viết dạng số nguyên JSON, không dùng số thập phân (tại {at}): {}",
                msg.rsplit("got ").next().unwrap_or_default()
            ),
            format!("{msg} (at {at})"),
        )
    } else if msg.contains("must not be negative") {
        (
            "structure.negative",
            format!(
                "giá trị không được âm (tại {at}): {}",
                msg.rsplit("got ").next().unwrap_or_default()
            ),
            format!("{msg} (at {at})"),
        )
    } else if msg.contains("exceeds the maximum") {
        (
            "structure.too_large",
            format!("giá trị vượt quá mức tối đa 9.007.199.254.740.991 (tại {at})"),
            format!("{msg} (at {at})"),
        )
    } else if msg.starts_with("unsupported schema_version") {
        (
            "structure.unsupported_schema_version",
            format!(
                "phiên bản định dạng không được hỗ trợ (tại {at}); thư viện này đọc phiên bản 1 và 2"
            ),
            format!("{msg} (at {at})"),
        )
    } else if msg.starts_with("unknown document kind") {
        (
            "structure.unknown_kind",
            format!(
                "loại văn bản `{field}` không hợp lệ; chọn `scheme`, `plan`, `period_report` hoặc `programme`"
            ),
            format!("{msg}; expected `scheme`, `plan`, `period_report` or `programme`"),
        )
    } else if is_date_error(&msg) {
        (
            "structure.invalid_date",
            format!(
                "ngày không hợp lệ (tại {at}): dùng dạng YYYY-MM-DD với ngày có thật trong lịch"
            ),
            format!("invalid date at {at}: {msg}; use YYYY-MM-DD with a real calendar day"),
        )
    } else if msg.starts_with("invalid type") {
        let got = between(&msg, "invalid type: ", ", expected").unwrap_or_default();
        let expected = msg
            .split_once(", expected ")
            .map(|(_, e)| e)
            .unwrap_or_default();
        (
            "structure.invalid_type",
            format!(
                "sai kiểu dữ liệu tại {at}: nhận {}, cần {expected}",
                translate_kind(got)
            ),
            format!("wrong type at {at}: got {got}, expected {expected}"),
        )
    } else if msg.starts_with("invalid length") || msg.starts_with("text length") {
        (
            "structure.invalid_length",
            format!("số phần tử không hợp lệ tại {at}: {msg}"),
            format!("{msg} (at {at})"),
        )
    } else {
        (
            "structure.invalid_value",
            format!("giá trị không hợp lệ tại {at}: {msg}"),
            format!("invalid value at {at}: {msg}"),
        )
    };
    let mut f = Finding::new(code, Severity::Error, path, vi, en)
        .param("line", err.line())
        .param("column", err.column());
    if !field.is_empty() {
        f = f.param("field", field);
    }
    f
}

fn is_date_error(msg: &str) -> bool {
    [
        "input is out of range",
        "input contains invalid characters",
        "premature end of input",
        "trailing input",
        "input is not enough for unique date",
        "no possible date and time matching input",
        "bad or unsupported format string",
    ]
    .iter()
    .any(|m| msg.contains(m))
}

fn translate_kind(got: &str) -> String {
    let pairs = [
        ("floating point", "số thập phân"),
        ("integer", "số nguyên"),
        ("string", "chuỗi"),
        ("boolean", "giá trị đúng/sai"),
        ("map", "đối tượng"),
        ("sequence", "mảng"),
        ("null", "null"),
    ];
    pairs
        .iter()
        .find(|(en, _)| got.starts_with(en))
        .map_or_else(|| got.to_owned(), |(en, vi)| got.replacen(en, vi, 1))
}

/// Input problems found before any JSON is read.
pub(crate) fn preflight(bytes: &[u8]) -> Option<Finding> {
    // First, before any byte is looked at: an oversize input costs nothing to refuse.
    let max = super::MAX_INPUT_BYTES;
    if bytes.len() > max {
        return Some(
            Finding::new(
                "structure.too_large_input",
                Severity::Error,
                "",
                format!("tệp lớn hơn 16 MiB ({max} byte), giới hạn của một văn bản; hãy tách dữ liệu thành nhiều văn bản"),
                format!("the input is larger than 16 MiB ({max} bytes), the limit for one document; split the data into several documents"),
            )
            .param("max_bytes", max),
        );
    }
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return Some(Finding::new(
            "structure.bom",
            Severity::Error,
            "",
            "tệp bắt đầu bằng dấu BOM (EF BB BF); hãy lưu tệp dạng UTF-8 không có BOM",
            "the input starts with a byte-order mark (EF BB BF); save it as UTF-8 without BOM",
        ));
    }
    if let Err(e) = std::str::from_utf8(bytes) {
        let at = e.valid_up_to();
        return Some(
            Finding::new(
                "structure.not_utf8",
                Severity::Error,
                "",
                format!("tệp không phải UTF-8 hợp lệ (byte thứ {at}); hãy lưu tệp dạng UTF-8"),
                format!("the input is not valid UTF-8 (at byte {at}); save it as UTF-8"),
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

/// The value of the first top-level `"kind"` of a JSON object, found by a quick scan that
/// skips every value before it without reading it (documents usually start with `kind`, as
/// the schema and the examples do); `None` when the scan meets anything unusual (an escape in
/// a key or in the kind, malformed text). Only a hint: the typed reader that follows checks
/// the tag, duplicates and everything else.
pub(crate) fn quick_kind(b: &[u8]) -> Option<&[u8]> {
    let mut i = skip_ws(b, 0);
    if b.get(i) != Some(&b'{') {
        return None;
    }
    i += 1;
    loop {
        i = skip_ws(b, i);
        let (key, next) = plain_string(b, i)?;
        i = skip_ws(b, next);
        if b.get(i) != Some(&b':') {
            return None;
        }
        i = skip_ws(b, i + 1);
        if key == b"kind" {
            return plain_string(b, i).map(|(value, _)| value);
        }
        i = skip_value(b, i)?;
        i = skip_ws(b, i);
        if b.get(i) != Some(&b',') {
            return None;
        }
        i += 1;
    }
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while b
        .get(i)
        .is_some_and(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\r'))
    {
        i += 1;
    }
    i
}

/// A string without escapes starting at `i`: its contents and the index after it.
fn plain_string(b: &[u8], i: usize) -> Option<(&[u8], usize)> {
    if b.get(i) != Some(&b'"') {
        return None;
    }
    let rest = b.get(i + 1..)?;
    let end = rest.iter().position(|c| *c == b'"' || *c == b'\\')?;
    (rest[end] == b'"').then(|| (&rest[..end], i + 1 + end + 1))
}

/// The index after the string starting at `i` (escapes allowed).
fn skip_string(b: &[u8], mut i: usize) -> Option<usize> {
    i += 1;
    loop {
        let rest = b.get(i..)?;
        let at = rest.iter().position(|c| *c == b'"' || *c == b'\\')?;
        if rest[at] == b'"' {
            return Some(i + at + 1);
        }
        i += at + 2;
    }
}

/// The index after the value starting at `i`, without reading it.
fn skip_value(b: &[u8], mut i: usize) -> Option<usize> {
    match b.get(i)? {
        b'"' => skip_string(b, i),
        b'{' | b'[' => {
            let mut depth = 0usize;
            loop {
                match b.get(i)? {
                    b'"' => {
                        i = skip_string(b, i)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(i + 1);
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
        }
        _ => {
            let start = i;
            while b
                .get(i)
                .is_some_and(|c| !matches!(c, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r'))
            {
                i += 1;
            }
            (i > start).then_some(i)
        }
    }
}
