//! `khuyencong convert`: spreadsheets (`.xlsx`, `.csv`) to JSON documents and back, without
//! losing what a template holds.

use std::process::ExitCode;

use clap::Args;
use khuyencong::document::{CheckOptions, Document, parse};
use khuyencong::law::Lang;
use khuyencong_sheet::{CsvOptions, Format, write_documents};
use serde_json::Value;

use crate::Usage;
use crate::template::{SheetFormat, emit, output_format};

/// Arguments of `convert`.
#[derive(Args)]
pub struct ConvertArgs {
    /// Input files: spreadsheets (.xlsx, .csv) to convert to JSON, or JSON documents (.json,
    /// .jsonl, `-` for standard input) to convert to a spreadsheet.
    #[arg(required = true)]
    inputs: Vec<String>,
    /// Write to this file: .json (one document), .jsonl, .xlsx or .csv.
    #[arg(short, long)]
    output: Option<String>,
    /// The spreadsheet format, when converting JSON (default: from the extension of -o, else
    /// xlsx).
    #[arg(long, value_enum)]
    format: Option<SheetFormat>,
    /// CSV for Excel: a UTF-8 byte-order mark and CRLF line ends.
    #[arg(long)]
    excel: bool,
    /// Language of the messages printed.
    #[arg(long, value_enum, default_value_t = crate::LangArg::Vi)]
    lang: crate::LangArg,
}

fn is_jsonl_path(path: &str) -> bool {
    std::path::Path::new(path)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson"))
}

fn print_finding(source: &str, f: &khuyencong::Finding, lang: Lang) {
    use crate::table::clean;
    let at = f.cell.as_deref().unwrap_or(source);
    let path = if f.path.is_empty() { "/" } else { &f.path };
    eprintln!(
        "{}: {} {} {}: {}",
        clean(at),
        f.severity.label(lang),
        clean(path),
        f.code,
        clean(&f.message(lang))
    );
}

/// Runs the command.
pub fn run(args: &ConvertArgs) -> Result<ExitCode, Usage> {
    let lang = Lang::from(args.lang);
    let sheets = args
        .inputs
        .iter()
        .filter(|i| crate::sheet::is_sheet(i))
        .count();
    if sheets == args.inputs.len() {
        to_json(args, lang)
    } else if sheets == 0 {
        to_sheet(args, lang)
    } else {
        Err(Usage::new(
            "convert either spreadsheets to JSON or JSON to a spreadsheet, not both at once",
            "chỉ chuyển bảng tính sang JSON, hoặc JSON sang bảng tính, không cả hai cùng lúc",
        ))
    }
}

fn to_json(args: &ConvertArgs, lang: Lang) -> Result<ExitCode, Usage> {
    let mut documents: Vec<Value> = Vec::new();
    let mut failed = false;
    for name in &args.inputs {
        for doc in crate::sheet::read(name)? {
            for f in &doc.findings {
                print_finding(name, f, lang);
            }
            failed |= doc.has_errors();
            documents.extend(doc.json);
        }
    }
    if failed {
        eprintln!(
            "error: nothing written: some cells cannot be read (see above)\nlỗi: chưa ghi tệp: một số ô không đọc được (xem ở trên)"
        );
        return Ok(ExitCode::from(1));
    }
    let lines = args.output.as_deref().is_some_and(is_jsonl_path)
        || (args.output.is_none() && documents.len() > 1);
    let text = if lines {
        let mut s = String::new();
        for d in &documents {
            s.push_str(&serde_json::to_string(d).map_err(crate::json_error)?);
            s.push('\n');
        }
        s
    } else {
        match &documents[..] {
            [one] => crate::to_json(one)?,
            _ => {
                return Err(Usage::new(
                    format!(
                        "the input holds {} documents: write them to a .jsonl file (one per line)",
                        documents.len()
                    ),
                    format!(
                        "tệp có {} văn bản: hãy ghi ra tệp .jsonl (mỗi dòng một văn bản)",
                        documents.len()
                    ),
                ));
            }
        }
    };
    emit(text.as_bytes(), args.output.as_deref(), false)?;
    Ok(ExitCode::SUCCESS)
}

/// The JSON Pointers where two values differ (at most `limit`).
fn differences(left: &Value, right: &Value, at: &str, out: &mut Vec<String>, limit: usize) {
    if out.len() >= limit || left == right {
        return;
    }
    match (left, right) {
        (Value::Object(l), Value::Object(r)) => {
            let keys: std::collections::BTreeSet<&String> = l.keys().chain(r.keys()).collect();
            for key in keys {
                let null = Value::Null;
                let pointer = format!("{at}/{}", khuyencong::finding::escape_token(key));
                differences(
                    l.get(key).unwrap_or(&null),
                    r.get(key).unwrap_or(&null),
                    &pointer,
                    out,
                    limit,
                );
            }
        }
        (Value::Array(l), Value::Array(r)) if l.len() == r.len() => {
            for (i, (x, y)) in l.iter().zip(r).enumerate() {
                differences(x, y, &format!("{at}/{i}"), out, limit);
            }
        }
        _ => out.push(if at.is_empty() {
            "/".to_owned()
        } else {
            at.to_owned()
        }),
    }
}

fn to_sheet(args: &ConvertArgs, lang: Lang) -> Result<ExitCode, Usage> {
    let mut documents: Vec<Document> = Vec::new();
    let mut failed = false;
    crate::input::for_each(&args.inputs, false, |item| {
        let (source, line, content, sheet) = match item {
            crate::input::Item::Document {
                source,
                line,
                content,
                sheet,
            } => (source, line, content, sheet),
            crate::input::Item::Unreadable { en, vi, .. } => {
                let why = match lang {
                    Lang::Vi => vi,
                    Lang::En => en,
                };
                eprintln!("{}", crate::table::clean(&why));
                failed = true;
                return Ok(());
            }
        };
        let place = match line {
            Some(l) => format!("{source}:{l}"),
            None => source.to_owned(),
        };
        let parsed = match content {
            khuyencong::input::Line::Text { bytes, .. } => {
                crate::sheet::checked_parse(bytes, sheet)
            }
            _ => Err(khuyencong::document::check_line(content, &CheckOptions::default()).findings),
        };
        match parsed {
            Ok(d) => documents.push(d),
            Err(findings) => {
                for f in &findings {
                    print_finding(&place, f, lang);
                }
                failed = true;
            }
        }
        Ok(())
    })?;
    if failed {
        eprintln!(
            "error: nothing written: some documents cannot be read (see above; `khuyencong check` says more)\nlỗi: chưa ghi tệp: một số văn bản không đọc được (xem ở trên; chạy `khuyencong check` để biết thêm)"
        );
        return Ok(ExitCode::from(1));
    }
    let values: Vec<Value> = documents
        .iter()
        .map(serde_json::to_value)
        .collect::<Result<_, _>>()
        .map_err(crate::json_error)?;
    let format = output_format(args.format, args.output.as_deref(), Format::Xlsx);
    let csv = if args.excel {
        CsvOptions::excel()
    } else {
        CsvOptions::default()
    };
    let written = write_documents(&values, format, csv)
        .map_err(|e| Usage::new(e.to_string(), e.message_vi()))?;
    // Read the workbook back: what it cannot hold is said, not lost silently.
    let back =
        khuyencong_sheet::read_bytes_as_documents(&written.bytes, "output", Some(&written.kind));
    let mut lost = Vec::new();
    for (i, original) in values.iter().enumerate() {
        let read = back
            .get(i)
            .and_then(|d| d.json.as_ref())
            .and_then(|j| parse(&serde_json::to_vec(j).unwrap_or_default()).ok())
            .and_then(|d| serde_json::to_value(d).ok())
            .unwrap_or(Value::Null);
        let mut diffs = Vec::new();
        differences(original, &read, "", &mut diffs, 10);
        for d in diffs {
            lost.push(format!("{} {d}", i + 1));
        }
    }
    emit(
        &written.bytes,
        args.output.as_deref(),
        format == Format::Xlsx,
    )?;
    if lost.is_empty() {
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!(
            "warning: the spreadsheet does not hold these values exactly (document, JSON Pointer): {}\ncảnh báo: bảng tính không giữ nguyên các giá trị sau (văn bản, đường dẫn JSON): {}",
            lost.join(", "),
            lost.join(", ")
        );
        Ok(ExitCode::from(1))
    }
}
