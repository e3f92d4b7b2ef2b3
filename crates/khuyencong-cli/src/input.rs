//! Reading inputs: files, `-` for standard input, and JSON Lines streamed line by line.

use std::fs::File;
use std::io::{BufRead, BufReader, IsTerminal, Read};

use crate::Usage;

/// One document's bytes and where they came from.
pub struct Input<'a> {
    /// The file name (`-` for standard input).
    pub source: &'a str,
    /// The line number within a JSON Lines input (1-based), if any.
    pub line: Option<u64>,
    /// The bytes of the document.
    pub bytes: &'a [u8],
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
        let mut reader = open(name)?;
        if jsonl || is_jsonl(name) {
            let mut buf = BufReader::with_capacity(1 << 16, reader);
            let mut line = Vec::new();
            let mut number = 0u64;
            loop {
                line.clear();
                let n = buf.read_until(b'\n', &mut line).map_err(|e| {
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
                })?;
                count += 1;
                if progress && count.is_multiple_of(10_000) {
                    eprint!("\r{count} documents…");
                }
            }
        } else {
            let mut bytes = Vec::new();
            reader.read_to_end(&mut bytes).map_err(|e| {
                Usage::new(
                    format!("cannot read `{name}`: {e}"),
                    format!("không đọc được tệp `{name}`: {e}"),
                )
            })?;
            each(Input {
                source: name,
                line: None,
                bytes: &bytes,
            })?;
            count += 1;
        }
    }
    if progress && count >= 10_000 {
        eprintln!("\r{count} documents.");
    }
    Ok(count)
}
