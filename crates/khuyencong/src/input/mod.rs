//! Reading inputs, the one way for every front (the library, the `khuyencong` command, the
//! Python package): files read with a bound, JSON Lines streamed line by line with a bound
//! per line, dates and amounts given as arguments, applicant facts — and, underneath, the
//! strict reader every JSON input goes through, the generation of an input's JSON Schema
//! from its type, and the structural report that says what is wrong with an input and where
//! (a JSON Pointer), in Vietnamese and English. The report validates against the schema it
//! is given: the module owning a type generates the schema and keeps it compiled (the
//! applicant's facts here, the documents in `document`, the rule packs in `support`).
//!
//! ```
//! use khuyencong::input::{parse_amount, parse_date};
//! assert_eq!(parse_date("2024-06-01")?.to_string(), "2024-06-01");
//! assert!(parse_date("2024-6-1").is_err()); // YYYY-MM-DD only, as the JSON Schemas say
//! assert_eq!(parse_amount("620 triệu")?.get(), 620_000_000);
//! assert!(parse_amount("hơn 620 triệu").is_err()); // an argument amount must be exact
//! # Ok::<(), khuyencong::input::ArgumentError>(())
//! ```

mod json;
mod pattern;
pub(crate) mod report;
pub(crate) mod schema;
pub use report::unreadable_file;
pub(crate) mod strict;
mod walk;

use std::io::{BufRead, Read};
use std::path::Path;
use std::sync::LazyLock;

use chrono::NaiveDate;

use crate::applicant::ApplicantFacts;
pub(crate) use crate::de::strict_date;
use crate::finding::Finding;
use crate::money::{Exactness, MAX_VND, NotationError, Vnd, parse_vnd};

/// The largest input read as one document (or one applicant, or one rule pack): 16 MiB
/// (16 777 216 bytes).
///
/// The largest document the format allows (1 000 beneficiaries or result lines of bounded
/// strings) is a few megabytes; anything larger is refused before it is read, with the
/// finding `structure.too_large_input`, so that one input cannot exhaust memory.
pub const MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;

/// The deepest nesting of objects and arrays read: 32 levels.
///
/// Valid documents nest about ten levels (a funding line's parts of parts); the bound keeps
/// the stack any read needs small and known, whatever the input and whichever thread reads
/// it (a 128 KiB thread stack is enough). Deeper input gets `structure.too_deep`.
pub const MAX_DEPTH: usize = 32;

/// The UTF-8 byte-order mark. RFC 8259 §8.1 lets a reader ignore it; the library does, and
/// says so with an information finding (`structure.bom`).
pub const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Splits a leading UTF-8 byte-order mark off `bytes`: the rest, and whether there was one.
pub fn strip_bom(bytes: &[u8]) -> (&[u8], bool) {
    match bytes.strip_prefix(UTF8_BOM) {
        Some(rest) => (rest, true),
        None => (bytes, false),
    }
}

/// Why a file could not be read.
#[derive(Debug, thiserror::Error)]
#[error("cannot read `{file}`: {reason}")]
#[non_exhaustive]
pub struct FileError {
    /// The file, as given.
    pub file: String,
    /// Why, in English.
    pub reason: String,
    /// Why, in Vietnamese.
    reason_vi: String,
    /// The operating system's error kind (`NotFound`, `PermissionDenied`…); `Other` for a
    /// file that is not a regular file.
    pub kind: std::io::ErrorKind,
}

impl FileError {
    /// The error of an operating-system failure on `path`.
    pub fn from_io(path: &Path, e: &std::io::Error) -> Self {
        let reason_vi = match e.kind() {
            std::io::ErrorKind::NotFound => "không có tệp hoặc thư mục này".to_owned(),
            std::io::ErrorKind::PermissionDenied => "không có quyền đọc".to_owned(),
            std::io::ErrorKind::IsADirectory => "đây là một thư mục".to_owned(),
            _ => format!("lỗi hệ thống ({e})"),
        };
        Self {
            file: path.display().to_string(),
            reason: e.to_string(),
            reason_vi,
            kind: e.kind(),
        }
    }

    /// The message in Vietnamese.
    pub fn message_vi(&self) -> String {
        format!("không đọc được tệp `{}`: {}", self.file, self.reason_vi)
    }
}

/// Reads at most `limit + 1` bytes of a file: enough to refuse a larger one (its size is
/// judged by the caller), never more, whatever the file is (a 2 GB file, `/dev/zero`).
///
/// A pipe or a device is read too (`<(command)`, `/dev/stdin`); use [`read_regular_file`]
/// where blocking on one must not happen.
///
/// # Errors
/// [`FileError`] when the file cannot be opened or read.
pub fn read_file(path: &Path, limit: usize) -> Result<Vec<u8>, FileError> {
    let file = std::fs::File::open(path).map_err(|e| FileError::from_io(path, &e))?;
    read_bounded(file, limit).map_err(|e| FileError::from_io(path, &e))
}

/// [`read_file`] for regular files only: a FIFO, a socket or a device is refused before it
/// is opened (opening or reading one can block for ever).
///
/// # Errors
/// [`FileError`] when the file cannot be read or is not a regular file.
pub fn read_regular_file(path: &Path, limit: usize) -> Result<Vec<u8>, FileError> {
    let file = open_regular_file(path)?;
    read_bounded(file, limit).map_err(|e| FileError::from_io(path, &e))
}

/// Opens a regular file for reading (to stream it, e.g. with [`JsonLines`]); a FIFO, a
/// socket or a device is refused before it is opened.
///
/// # Errors
/// [`FileError`] when the file cannot be opened or is not a regular file.
pub fn open_regular_file(path: &Path) -> Result<std::fs::File, FileError> {
    let meta = std::fs::metadata(path).map_err(|e| FileError::from_io(path, &e))?;
    if meta.is_dir() {
        return Err(FileError::from_io(
            path,
            &std::io::Error::from(std::io::ErrorKind::IsADirectory),
        ));
    }
    if !meta.is_file() {
        return Err(FileError {
            file: path.display().to_string(),
            reason: "not a regular file (a pipe, socket or device); give a file".to_owned(),
            reason_vi:
                "không phải tệp thông thường (đường ống, socket hoặc thiết bị); hãy chọn một tệp"
                    .to_owned(),
            kind: std::io::ErrorKind::Other,
        });
    }
    std::fs::File::open(path).map_err(|e| FileError::from_io(path, &e))
}

/// Reads at most `limit + 1` bytes from `reader`.
///
/// # Errors
/// The reader's error.
pub fn read_bounded(reader: impl Read, limit: usize) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    reader
        .take(u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1))
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Whether a file name says JSON Lines (`.jsonl`, `.ndjson`).
pub fn is_json_lines(name: &Path) -> bool {
    name.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson"))
}

/// One line of a JSON Lines input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Line<'a> {
    /// A line that holds text (surrounding whitespace removed).
    Text {
        /// The line number, from 1.
        number: u64,
        /// The text.
        bytes: &'a [u8],
    },
    /// A line longer than the limit: skipped to its end without being kept, never read.
    Overlong {
        /// The line number, from 1.
        number: u64,
        /// Its length in bytes.
        length: u64,
    },
}

/// A streaming reader of JSON Lines: one document per line, blank lines skipped, each line
/// kept only up to a limit (a longer line is reported as [`Line::Overlong`] and skipped to
/// its end: nothing after the limit is ever read as a document). Memory stays at one line.
///
/// ```
/// use khuyencong::input::{JsonLines, Line};
/// let data = b"{\"a\": 1}\n\n   \n{\"b\": 2}  \n";
/// let mut lines = JsonLines::new(&data[..], 100);
/// assert!(matches!(lines.next_line()?, Some(Line::Text { number: 1, .. })));
/// assert!(matches!(lines.next_line()?, Some(Line::Text { number: 4, bytes: b"{\"b\": 2}" })));
/// assert!(lines.next_line()?.is_none());
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub struct JsonLines<R> {
    reader: R,
    buf: Vec<u8>,
    number: u64,
    limit: usize,
}

impl<R: BufRead> JsonLines<R> {
    /// A reader keeping at most `limit` bytes of a line ([`MAX_INPUT_BYTES`] for documents).
    pub fn new(reader: R, limit: usize) -> Self {
        Self {
            reader,
            buf: Vec::new(),
            number: 0,
            limit,
        }
    }

    /// The next non-blank line, or `None` at the end.
    ///
    /// # Errors
    /// The reader's error.
    pub fn next_line(&mut self) -> std::io::Result<Option<Line<'_>>> {
        let (start, end) = loop {
            self.buf.clear();
            // Two bytes past the limit leave room for a `\r\n` line end.
            let keep = u64::try_from(self.limit)
                .unwrap_or(u64::MAX)
                .saturating_add(2);
            let n = (&mut self.reader)
                .take(keep)
                .read_until(b'\n', &mut self.buf)?;
            if n == 0 {
                return Ok(None);
            }
            self.number += 1;
            let ended = self.buf.last() == Some(&b'\n');
            let mut length = self.buf.len() - usize::from(ended);
            if ended && self.buf[..length].last() == Some(&b'\r') {
                length -= 1;
            }
            if length > self.limit || (!ended && self.buf.len() as u64 == keep) {
                let mut total = (self.buf.len() - usize::from(ended)) as u64;
                if !ended {
                    total += self.skip_line()?;
                }
                return Ok(Some(Line::Overlong {
                    number: self.number,
                    length: total,
                }));
            }
            let line = &self.buf[..length];
            let Some(start) = line.iter().position(|c| !c.is_ascii_whitespace()) else {
                continue;
            };
            let end = line
                .iter()
                .rposition(|c| !c.is_ascii_whitespace())
                .map_or(length, |i| i + 1);
            break (start, end);
        };
        Ok(Some(Line::Text {
            number: self.number,
            bytes: &self.buf[start..end],
        }))
    }

    /// Skips to the end of the current line; returns the bytes skipped (without `\n`).
    fn skip_line(&mut self) -> std::io::Result<u64> {
        let mut skipped = 0u64;
        loop {
            let available = self.reader.fill_buf()?;
            if available.is_empty() {
                return Ok(skipped);
            }
            if let Some(i) = available.iter().position(|b| *b == b'\n') {
                self.reader.consume(i + 1);
                return Ok(skipped + i as u64);
            }
            let len = available.len();
            skipped += len as u64;
            self.reader.consume(len);
        }
    }
}

/// A date, an amount or another value given as an argument that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ArgumentError {
    /// Not a calendar date written `YYYY-MM-DD`.
    #[error(
        "`{0}` is not a valid calendar date in the form YYYY-MM-DD (four-digit year, two-digit month and day)"
    )]
    Date(String),
    /// An amount that is not exact ("hơn 620 triệu", "gần 1 tỷ").
    #[error("amount `{text}` is not exact ({exactness}); give the exact amount")]
    NotExact {
        /// The text given.
        text: String,
        /// How inexact it is.
        exactness: &'static str,
    },
    /// An amount above [`MAX_VND`].
    #[error("amount `{0}` exceeds the maximum 9007199254740991 đồng")]
    TooLarge(String),
    /// An amount that cannot be read.
    #[error(transparent)]
    Notation(#[from] NotationError),
}

impl ArgumentError {
    /// The message in Vietnamese.
    pub fn message_vi(&self) -> String {
        match self {
            Self::Date(s) => format!(
                "`{s}` không phải ngày hợp lệ dạng YYYY-MM-DD (năm bốn chữ số, tháng và ngày hai chữ số)"
            ),
            Self::NotExact { text, .. } => {
                format!("số tiền `{text}` không phải số chính xác; hãy nhập đúng số tiền")
            }
            Self::TooLarge(s) => {
                format!("số tiền `{s}` vượt quá mức tối đa 9.007.199.254.740.991 đồng")
            }
            Self::Notation(e) => e.message_vi(),
        }
    }
}

/// Reads a date written exactly `YYYY-MM-DD` (RFC 3339 `full-date`, the JSON Schemas'
/// `format: date`): a four-digit year, two-digit month and day, a day that exists. No
/// other notation is accepted (`2022-6-1`, `+2025-01-01`, ` 2025-01-01`, `01/06/2022`).
///
/// # Errors
/// [`ArgumentError::Date`], naming the text.
///
/// # Example
/// ```
/// use khuyencong::input::parse_date;
/// assert!(parse_date("2024-02-29").is_ok());
/// assert!(parse_date("2023-02-29").is_err());
/// assert!(parse_date("2022-6-1").is_err());
/// ```
pub fn parse_date(text: &str) -> Result<NaiveDate, ArgumentError> {
    strict_date(text).ok_or_else(|| ArgumentError::Date(text.chars().take(40).collect()))
}

/// Reads an exact amount given as an argument: whole đồng (`620000000`) or Vietnamese
/// notation (`620 triệu`, `1.400 triệu đồng`, `4,36 tỷ`), as [`parse_vnd`] reads it. An
/// approximate or lower-bound amount (`gần`, `hơn`) is refused: an argument is a figure.
///
/// # Errors
/// [`ArgumentError`] for a malformed, inexact or too large amount.
///
/// # Example
/// ```
/// use khuyencong::input::parse_amount;
/// assert_eq!(parse_amount("620000000")?.get(), 620_000_000);
/// assert_eq!(parse_amount("1.400 triệu đồng")?.get(), 1_400_000_000);
/// assert!(parse_amount("1,400").is_err()); // ambiguous
/// # Ok::<(), khuyencong::input::ArgumentError>(())
/// ```
pub fn parse_amount(text: &str) -> Result<Vnd, ArgumentError> {
    let t = text.trim();
    let shown = || t.chars().take(80).collect::<String>();
    if !t.is_empty() && t.bytes().all(|c| c.is_ascii_digit()) {
        return t
            .parse::<u64>()
            .ok()
            .filter(|v| *v <= MAX_VND)
            .and_then(|v| Vnd::new(v).ok())
            .ok_or_else(|| ArgumentError::TooLarge(shown()));
    }
    let parsed = parse_vnd(t)?;
    if parsed.exactness != Exactness::Exact {
        return Err(ArgumentError::NotExact {
            text: shown(),
            exactness: parsed.exactness.code(),
        });
    }
    Ok(parsed.amount)
}

/// Reads an applicant's facts from JSON bytes, as the eligibility rules read them.
///
/// # Errors
/// Every structural problem at once, each a finding with its JSON Pointer into the facts
/// (`structure.unknown_field` at `/sme`, `structure.not_whole_number` at
/// `/sme/total_capital`…), in both languages.
///
/// # Example
/// ```
/// use khuyencong::input::read_applicant;
/// let facts = read_applicant(br#"{"legal_form": "cooperative"}"#).map_err(|f| f[0].message_en().into_owned())?;
/// assert!(facts.legal_form.is_some());
/// let text = r#"{"name": "Hợp tác xã Tân Phú", "sme": {"total_capital": 1.5, "colour": 1}}"#;
/// let errors = read_applicant(text.as_bytes()).err().unwrap_or_default();
/// assert_eq!(errors.len(), 2);
/// assert_eq!(errors[0].path, "/sme");
/// # Ok::<(), String>(())
/// ```
pub fn read_applicant(bytes: &[u8]) -> Result<ApplicantFacts, Vec<Finding>> {
    let (bytes, _) = strip_bom(bytes);
    if bytes.len() <= MAX_INPUT_BYTES
        && let Ok(facts) = strict::from_slice::<ApplicantFacts>(bytes)
    {
        return Ok(facts);
    }
    let examined = report::examine(bytes, &APPLICANT);
    let mut findings = examined.findings;
    if findings.is_empty() {
        findings.push(report::fallback::<ApplicantFacts>(bytes));
    }
    Finding::sort(&mut findings);
    Err(findings)
}

/// The schema of an applicant's facts as published, or as generated before it is made
/// strict (`annotated`: see [`crate::schema::annotated_schema`]).
pub(crate) fn applicant_schema(annotated: bool) -> serde_json::Value {
    if annotated {
        schema::generated::<ApplicantFacts>(schema::SchemaKind::Applicant)
    } else {
        schema::root::<ApplicantFacts>(schema::SchemaKind::Applicant, true)
    }
}

/// The compiled schema applicant facts are validated against.
pub(crate) static APPLICANT: LazyLock<report::Compiled> =
    LazyLock::new(|| report::Compiled::new(applicant_schema(false)));

/// Reads a JSON value with the library's own reader, the one documents are read with: for a
/// value that is part of a document but arrives on its own (a spreadsheet cell holding JSON,
/// say). Nothing the reader refuses in a document passes here: the first problem is returned
/// as the same finding (`structure.malformed_json`, `structure.truncated`, `structure.too_deep`,
/// `structure.not_utf8`…), and a key written twice is `structure.duplicate_field` — a value
/// could keep only one of the two, silently.
///
/// # Example
/// ```
/// use khuyencong::input::read_json_value;
/// assert!(read_json_value(r#"{"a": 1}"#).is_ok());
/// let twice = read_json_value(r#"{"a": 1, "a": 2}"#).err().map(|f| f.code);
/// assert_eq!(twice.as_deref(), Some("structure.duplicate_field"));
/// ```
///
/// # Errors
/// The finding of the first problem, with its path inside the value.
pub fn read_json_value(text: &str) -> Result<serde_json::Value, Finding> {
    let (parsed, examined) = report::read(text.as_bytes());
    if let Some(f) = examined.findings.into_iter().next() {
        return Err(f);
    }
    if let Some((object, field)) = parsed.duplicates.first() {
        return Err(report::Issue {
            path: object.clone(),
            what: report::What::DuplicateField {
                field: field.clone(),
            },
        }
        .finding());
    }
    examined.value.ok_or_else(report::too_large_input)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_strict() {
        for bad in [
            "2022-6-1",
            "+2025-01-01",
            " 2025-01-01",
            "2025-01-01 ",
            "2025-02-30",
            "01/06/2022",
            "20250101",
            "2025-1-01",
            "२०२५-01-01",
        ] {
            assert!(parse_date(bad).is_err(), "{bad}");
        }
        assert_eq!(
            parse_date("0000-01-01").ok(),
            NaiveDate::from_ymd_opt(0, 1, 1)
        );
    }

    #[test]
    fn an_overlong_line_is_skipped_whole_and_the_next_one_read() {
        let mut data = b"{\"kind\": \"plan\"}".to_vec();
        data.resize(200, b' ');
        data.extend_from_slice(b"GARBAGE {{{\n{\"kind\": \"x\"}\r\n\n");
        let mut lines = JsonLines::new(&data[..], 100);
        assert_eq!(
            lines.next_line().ok().flatten(),
            Some(Line::Overlong {
                number: 1,
                length: 211
            })
        );
        assert_eq!(
            lines.next_line().ok().flatten(),
            Some(Line::Text {
                number: 2,
                bytes: b"{\"kind\": \"x\"}"
            })
        );
        assert_eq!(lines.next_line().ok().flatten(), None);
        // A line of exactly the limit is kept.
        let data = [b'a'; 100];
        let mut lines = JsonLines::new(&data[..], 100);
        assert!(matches!(
            lines.next_line().ok().flatten(),
            Some(Line::Text { bytes, .. }) if bytes.len() == 100
        ));
    }

    #[test]
    fn reading_is_bounded() {
        let bytes = read_bounded(std::io::repeat(0), 10).unwrap_or_default();
        assert_eq!(bytes.len(), 11);
    }
}
