//! Reading inputs: files, `-` for standard input, and JSON Lines streamed line by line —
//! all through the library's bounded readers (`khuyencong::input`).

use std::io::{BufReader, IsTerminal, Read};
use std::path::Path;

use khuyencong::input::{JsonLines, Line, MAX_INPUT_BYTES, is_json_lines, read_bounded};

use crate::Usage;

/// One item of the inputs: a document's bytes (or a line too long to read), or a file that
/// could not be read.
pub enum Item<'a> {
    /// A document (or an overlong JSON Lines line, never read).
    Document {
        /// The file name (`-` for standard input).
        source: &'a str,
        /// The line within a JSON Lines input, from 1.
        line: Option<u64>,
        /// The line or the whole file.
        content: Line<'a>,
        /// For a document read from a spreadsheet: where its values came from.
        sheet: Option<&'a khuyencong_sheet::SheetDocument>,
    },
    /// A file that could not be opened or read, with why.
    Unreadable {
        /// The file name.
        source: &'a str,
        /// Why, in English.
        en: String,
        /// Why, in Vietnamese.
        vi: String,
    },
}

fn open(name: &str) -> Result<Box<dyn Read>, (String, String)> {
    if name == "-" {
        return Ok(Box::new(std::io::stdin().lock()));
    }
    std::fs::File::open(name)
        .map(|f| Box::new(f) as Box<dyn Read>)
        .map_err(|e| read_error(name, &e))
}

pub(crate) fn read_error(name: &str, e: &std::io::Error) -> (String, String) {
    let vi = match e.kind() {
        std::io::ErrorKind::NotFound => "không có tệp hoặc thư mục này".to_owned(),
        std::io::ErrorKind::PermissionDenied => "không có quyền đọc".to_owned(),
        std::io::ErrorKind::IsADirectory => "đây là một thư mục".to_owned(),
        _ => format!("lỗi hệ thống ({e})"),
    };
    (
        format!("cannot read `{name}`: {e}"),
        format!("không đọc được tệp `{name}`: {vi}"),
    )
}

/// Calls `each` for every document of every input, streaming JSON Lines so that memory stays
/// at one document; a file that cannot be read is an item of its own and the rest go on.
/// Shows a progress count on a terminal for large batches.
pub fn for_each(
    files: &[String],
    jsonl: bool,
    mut each: impl FnMut(Item<'_>) -> Result<(), Usage>,
) -> Result<u64, Usage> {
    let progress = std::io::stderr().is_terminal();
    let mut count = 0u64;
    for name in files {
        if !jsonl && crate::sheet::is_sheet(name) {
            match crate::sheet::read_documents(name) {
                Ok(docs) => {
                    for doc in &docs {
                        let bytes = doc.to_json_bytes();
                        each(Item::Document {
                            source: name,
                            line: None,
                            content: Line::Text {
                                number: 1,
                                bytes: &bytes,
                            },
                            sheet: Some(doc),
                        })?;
                        count += 1;
                    }
                }
                Err((en, vi)) => {
                    each(Item::Unreadable {
                        source: name,
                        en,
                        vi,
                    })?;
                    count += 1;
                }
            }
            continue;
        }
        let reader = match open(name) {
            Ok(r) => r,
            Err((en, vi)) => {
                each(Item::Unreadable {
                    source: name,
                    en,
                    vi,
                })?;
                count += 1;
                continue;
            }
        };
        if jsonl || is_json_lines(Path::new(name)) {
            let mut lines =
                JsonLines::new(BufReader::with_capacity(1 << 16, reader), MAX_INPUT_BYTES);
            loop {
                let line = match lines.next_line() {
                    Ok(Some(line)) => line,
                    Ok(None) => break,
                    Err(e) => {
                        let (en, vi) = read_error(name, &e);
                        each(Item::Unreadable {
                            source: name,
                            en,
                            vi,
                        })?;
                        count += 1;
                        break;
                    }
                };
                let number = match line {
                    Line::Text { number, .. } | Line::Overlong { number, .. } => number,
                    _ => 0,
                };
                each(Item::Document {
                    source: name,
                    line: Some(number),
                    content: line,
                    sheet: None,
                })?;
                count += 1;
                if progress && count.is_multiple_of(10_000) {
                    eprint!("\r{count} documents…");
                }
            }
        } else {
            match read_bounded(reader, MAX_INPUT_BYTES) {
                Ok(bytes) => each(Item::Document {
                    source: name,
                    line: None,
                    content: Line::Text {
                        number: 1,
                        bytes: &bytes,
                    },
                    sheet: None,
                })?,
                Err(e) => {
                    let (en, vi) = read_error(name, &e);
                    each(Item::Unreadable {
                        source: name,
                        en,
                        vi,
                    })?;
                }
            }
            count += 1;
        }
    }
    if progress && count >= 10_000 {
        eprintln!("\r{count} documents.");
    }
    Ok(count)
}
