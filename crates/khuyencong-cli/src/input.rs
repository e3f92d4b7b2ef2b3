//! Reading inputs: files, `-` for standard input, and JSON Lines streamed line by line.

use std::fs::File;
use std::io::{BufRead, BufReader, IsTerminal, Read};

use khuyencong::document::MAX_INPUT_BYTES;

use crate::Usage;

/// How much of one document is read: one byte past the limit is enough for the library to
/// refuse it (`structure.too_large_input`), so memory stays bounded whatever the input.
const READ_LIMIT: u64 = MAX_INPUT_BYTES as u64 + 1;

/// Reads one line (up to and including `\n`) into `line`, keeping at most [`READ_LIMIT`]
/// bytes of it and skipping the rest; returns the number of bytes consumed.
fn read_line(buf: &mut impl BufRead, line: &mut Vec<u8>) -> std::io::Result<usize> {
    let n = buf.by_ref().take(READ_LIMIT).read_until(b'\n', line)?;
    if n == 0 || line.last() == Some(&b'\n') {
        return Ok(n);
    }
    // An overlong line: skip to its end without keeping it.
    let mut skipped = 0;
    loop {
        let available = buf.fill_buf()?;
        if available.is_empty() {
            return Ok(n + skipped);
        }
        if let Some(i) = available.iter().position(|b| *b == b'\n') {
            buf.consume(i + 1);
            return Ok(n + skipped + i + 1);
        }
        let len = available.len();
        skipped += len;
        buf.consume(len);
    }
}

/// One document's bytes and where they came from.
pub struct Input<'a> {
    /// The file name (`-` for standard input).
    pub source: &'a str,
    /// The line number within a JSON Lines input (1-based), if any.
    pub line: Option<u64>,
    /// The bytes of the document.
    pub bytes: &'a [u8],
    /// For a document read from a spreadsheet: where its values came from.
    pub sheet: Option<&'a khuyencong_sheet::SheetDocument>,
}

fn is_jsonl(name: &str) -> bool {
    std::path::Path::new(name)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson"))
}

fn open(name: &str) -> Result<Box<dyn Read>, Usage> {
    if name == "-" {
        return Ok(Box::new(std::io::stdin().lock()));
    }
    File::open(name)
        .map(|f| Box::new(f) as Box<dyn Read>)
        .map_err(|e| {
            Usage::new(
                format!("cannot read `{name}`: {e}"),
                format!("không đọc được tệp `{name}`: {e}"),
            )
        })
}

/// Calls `each` for every document of every input, streaming JSON Lines so that memory stays
/// flat; shows a progress count on a terminal for large batches.
pub fn for_each(
    files: &[String],
    jsonl: bool,
    mut each: impl FnMut(Input<'_>) -> Result<(), Usage>,
) -> Result<u64, Usage> {
    let progress = std::io::stderr().is_terminal();
    let mut count = 0u64;
    for name in files {
        if !jsonl && crate::sheet::is_sheet(name) {
            for doc in crate::sheet::read(name)? {
                let bytes = doc.to_json_bytes();
                each(Input {
                    source: name,
                    line: None,
                    bytes: &bytes,
                    sheet: Some(&doc),
                })?;
                count += 1;
            }
            continue;
        }
        let reader = open(name)?;
        if jsonl || is_jsonl(name) {
            let mut buf = BufReader::with_capacity(1 << 16, reader);
            let mut line = Vec::new();
            let mut number = 0u64;
            loop {
                line.clear();
                let n = read_line(&mut buf, &mut line).map_err(|e| {
                    Usage::new(
                        format!("cannot read `{name}`: {e}"),
                        format!("không đọc được tệp `{name}`: {e}"),
                    )
                })?;
                if n == 0 {
                    break;
                }
                number += 1;
                let trimmed = line.trim_ascii();
                if trimmed.is_empty() {
                    continue;
                }
                each(Input {
                    source: name,
                    line: Some(number),
                    bytes: trimmed,
                    sheet: None,
                })?;
                count += 1;
                if progress && count.is_multiple_of(10_000) {
                    eprint!("\r{count} documents…");
                }
            }
        } else {
            let mut bytes = Vec::new();
            reader
                .take(READ_LIMIT)
                .read_to_end(&mut bytes)
                .map_err(|e| {
                    Usage::new(
                        format!("cannot read `{name}`: {e}"),
                        format!("không đọc được tệp `{name}`: {e}"),
                    )
                })?;
            each(Input {
                source: name,
                line: None,
                bytes: &bytes,
                sheet: None,
            })?;
            count += 1;
        }
    }
    if progress && count >= 10_000 {
        eprintln!("\r{count} documents.");
    }
    Ok(count)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_overlong_line_is_cut_at_the_limit_and_the_next_line_still_read() {
        let limit = usize::try_from(READ_LIMIT).unwrap_or(usize::MAX);
        let mut data = vec![b'a'; limit + 1000];
        data.extend_from_slice(b"\n{\"kind\": \"plan\"}\n");
        let mut buf = std::io::BufReader::new(&data[..]);
        let mut line = Vec::new();
        assert_eq!(read_line(&mut buf, &mut line).ok(), Some(limit + 1001));
        assert_eq!(line.len(), limit);
        let checked = khuyencong::document::check_bytes(
            &line,
            &khuyencong::document::CheckOptions::default(),
        );
        assert_eq!(checked.findings[0].code, "structure.too_large_input");
        line.clear();
        assert_eq!(read_line(&mut buf, &mut line).ok(), Some(17));
        assert_eq!(line, b"{\"kind\": \"plan\"}\n");
        line.clear();
        assert_eq!(read_line(&mut buf, &mut line).ok(), Some(0));
    }
}
