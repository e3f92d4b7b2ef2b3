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

/// One input after expansion.
struct Source {
    /// The file name (`-` for standard input).
    name: String,
    /// Found in a folder (not named): a provincial rule pack there is passed over.
    found: bool,
    /// A pattern no file matches, with why (English, Vietnamese).
    no_match: Option<(String, String)>,
}

/// The extensions of the files read from a folder.
const READ_IN_FOLDERS: [&str; 4] = ["json", "jsonl", "xlsx", "csv"];

fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
}

/// The documents of a folder and its subfolders, in name order: `.json`, `.jsonl`, `.xlsx`
/// and `.csv` files; hidden files and folders (name starting with `.`) and symbolic links
/// to folders are passed over.
fn walk(dir: &Path, out: &mut Vec<Source>) -> Result<(), (String, String)> {
    let name = dir.to_string_lossy();
    let mut entries: Vec<std::fs::DirEntry> = std::fs::read_dir(dir)
        .and_then(Iterator::collect::<Result<Vec<_>, _>>)
        .map_err(|e| read_error(&name, &e))?;
    entries.sort_by_key(std::fs::DirEntry::file_name);
    for entry in entries {
        let path = entry.path();
        if is_hidden(&path) {
            continue;
        }
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            walk(&path, out)?;
        } else if path
            .extension()
            .is_some_and(|e| READ_IN_FOLDERS.iter().any(|x| e.eq_ignore_ascii_case(x)))
            && (kind.is_file() || path.is_file())
        {
            out.push(Source {
                name: path.to_string_lossy().into_owned(),
                found: true,
                no_match: None,
            });
        }
    }
    Ok(())
}

/// The inputs as named: a folder stands for its documents (recursively), a pattern with
/// `*`, `?` or `[…]` for the files it matches (expanded here, so that it works the same in
/// every shell, Windows' included), anything else for itself.
fn expand(files: &[String]) -> Vec<Result<Source, (String, String)>> {
    let mut out = Vec::new();
    for name in files {
        let path = Path::new(name);
        if name != "-" && path.is_dir() {
            let mut found = Vec::new();
            match walk(path, &mut found) {
                Ok(()) => out.extend(found.into_iter().map(Ok)),
                Err(e) => out.push(Err(e)),
            }
            continue;
        }
        if name == "-" || path.exists() || !name.contains(['*', '?', '[']) {
            out.push(Ok(Source {
                name: name.clone(),
                found: false,
                no_match: None,
            }));
            continue;
        }
        let options = glob::MatchOptions {
            case_sensitive: true,
            require_literal_separator: true,
            require_literal_leading_dot: true,
        };
        let matched: Vec<std::path::PathBuf> = match glob::glob_with(name, options) {
            Ok(paths) => paths.filter_map(Result::ok).collect(),
            Err(e) => {
                out.push(Ok(Source {
                    name: name.clone(),
                    found: false,
                    no_match: Some((
                        format!("`{name}` is not a valid pattern: {}", e.msg),
                        format!("`{name}` không phải mẫu tên tệp hợp lệ: {}", e.msg),
                    )),
                }));
                continue;
            }
        };
        if matched.is_empty() {
            out.push(Ok(Source {
                name: name.clone(),
                found: false,
                no_match: Some((
                    format!("no file matches `{name}`"),
                    format!("không có tệp nào khớp với `{name}`"),
                )),
            }));
        }
        for m in matched {
            if m.is_dir() {
                let mut found = Vec::new();
                match walk(&m, &mut found) {
                    Ok(()) => out.extend(found.into_iter().map(Ok)),
                    Err(e) => out.push(Err(e)),
                }
            } else {
                out.push(Ok(Source {
                    name: m.to_string_lossy().into_owned(),
                    found: false,
                    no_match: None,
                }));
            }
        }
    }
    out
}

/// Whether the bytes of a file found in a folder are a provincial rule pack (not a
/// document): documents always have a `kind`.
fn is_pack(bytes: &[u8]) -> bool {
    !bytes.windows(6).any(|w| w == b"\"kind\"")
        && std::str::from_utf8(bytes)
            .is_ok_and(|t| khuyencong::support::ProvincialPack::from_json(t).is_ok())
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
    let sources = expand(files);
    for source in &sources {
        let source = match source {
            Ok(s) => s,
            Err((en, vi)) => {
                each(Item::Unreadable {
                    source: "",
                    en: en.clone(),
                    vi: vi.clone(),
                })?;
                count += 1;
                continue;
            }
        };
        let name = &source.name;
        if let Some((en, vi)) = &source.no_match {
            each(Item::Unreadable {
                source: name,
                en: en.clone(),
                vi: vi.clone(),
            })?;
            count += 1;
            continue;
        }
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
                    eprint!("\r{count} văn bản / documents…");
                }
            }
        } else {
            match read_bounded(reader, MAX_INPUT_BYTES) {
                Ok(bytes) if source.found && is_pack(&bytes) => {
                    eprintln!(
                        "note: `{}` is a provincial rule pack, not a document: passed over (use it with --pack) / `{0}` là gói quy định của tỉnh, không phải văn bản: bỏ qua (dùng với --pack)",
                        crate::table::clean(name)
                    );
                    continue;
                }
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
        eprintln!("\r{count} văn bản / documents.");
    }
    Ok(count)
}
