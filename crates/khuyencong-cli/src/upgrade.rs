//! `khuyencong upgrade`: documents written in the current format version (2).

use std::process::ExitCode;

use khuyencong::Severity;
use khuyencong::document::{CheckOptions, check_line, parse};
use khuyencong::input::Line;
use khuyencong::law::Lang;

use crate::{Usage, input};

/// Runs the command: reads every document of `file` (one JSON document, or JSON Lines),
/// and writes each in the version-2 form to `output` (standard output when absent). A
/// document that cannot be read is reported with its findings, and nothing is written.
pub fn run(file: &str, output: Option<&str>, jsonl: bool, lang: Lang) -> Result<ExitCode, Usage> {
    let lines = jsonl || is_jsonl(file);
    let mut text = String::new();
    let mut upgraded = 0u64;
    let mut current = 0u64;
    let mut unreadable = 0u64;
    input::for_each(&[file.to_owned()], lines, |item| {
        let (source, line, parsed) = match item {
            input::Item::Document {
                source,
                line,
                content,
                ..
            } => {
                let parsed = match content {
                    Line::Text { bytes, .. } => parse(bytes).map_err(|e| e.findings),
                    other => Err(check_line(other, &CheckOptions::default()).findings),
                };
                (source, line, parsed)
            }
            input::Item::Unreadable { source, en, vi } => {
                unreadable += 1;
                let why = match lang {
                    Lang::Vi => vi,
                    Lang::En => en,
                };
                eprintln!("`{source}`: {}", crate::table::clean(&why));
                return Ok(());
            }
        };
        match parsed {
            Ok(doc) => {
                if doc.schema_version_read() < khuyencong::document::common::SCHEMA_VERSION {
                    upgraded += 1;
                } else {
                    current += 1;
                }
                if lines {
                    text.push_str(&serde_json::to_string(&doc).map_err(crate::json_error)?);
                    text.push('\n');
                } else {
                    text.push_str(&doc.to_json_v2());
                }
            }
            Err(findings) => {
                unreadable += 1;
                let place = match line {
                    Some(l) => format!("{source}:{l}"),
                    None => source.to_owned(),
                };
                for f in findings.iter().filter(|f| f.severity == Severity::Error) {
                    let path = if f.path.is_empty() { "/" } else { &f.path };
                    eprintln!(
                        "`{place}` {path}: {} ({})",
                        crate::table::clean(&f.message(lang)),
                        f.code
                    );
                }
            }
        }
        Ok(())
    })?;
    if unreadable > 0 {
        match lang {
            Lang::Vi => eprintln!(
                "không nâng cấp: {unreadable} văn bản không đọc được; chạy `khuyencong check` để xem mọi vấn đề"
            ),
            Lang::En => eprintln!(
                "not upgraded: {unreadable} document(s) cannot be read; run `khuyencong check` to see every problem"
            ),
        }
        return Ok(ExitCode::from(1));
    }
    match output {
        Some(path) => std::fs::write(path, &text).map_err(|e| {
            Usage::new(
                format!("cannot write `{path}`: {e}"),
                format!("không ghi được tệp `{path}`: {e}"),
            )
        })?,
        None => crate::write_out(&text)?,
    }
    match lang {
        Lang::Vi => eprintln!(
            "đã ghi theo phiên bản 2: {upgraded} văn bản được nâng cấp từ phiên bản 1, {current} văn bản đã là phiên bản 2"
        ),
        Lang::En => eprintln!(
            "written as version 2: {upgraded} document(s) upgraded from version 1, {current} already version 2"
        ),
    }
    Ok(ExitCode::SUCCESS)
}

fn is_jsonl(name: &str) -> bool {
    std::path::Path::new(name)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson"))
}
