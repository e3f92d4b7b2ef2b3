//! `khuyencong check`: every problem of every document, and an exit code.

use std::io::Write;
use std::process::ExitCode;

use khuyencong::document::{CheckOptions, DocumentFindings, Summary, check_bytes};
use khuyencong::law::Lang;

use crate::{Format, Usage, input};

/// Runs the command.
pub fn run(
    files: &[String],
    jsonl: bool,
    lang: Lang,
    format: Format,
    pack: Option<&str>,
    xlsx: Option<&str>,
) -> Result<ExitCode, Usage> {
    let options = match pack {
        Some(name) => CheckOptions::default().with_provincial_pack(crate::packs::load(name)?),
        None => CheckOptions::default(),
    };
    let mut summary = Summary::default();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut all = Vec::new();
    let mut collected = crate::sheet::Collected::default();
    input::for_each(files, jsonl, |inp| {
        let checked = match inp.sheet {
            Some(doc) => doc.check(&options),
            None => check_bytes(inp.bytes, &options),
        };
        summary.add(&checked.findings);
        let result = DocumentFindings {
            file: inp.source.to_owned(),
            line: inp.line,
            kind: checked.kind,
            id: checked.id,
            findings: checked.findings,
        };
        if xlsx.is_some() {
            collected.push(&inp, &result);
        }
        match format {
            Format::Json => {
                all.push(serde_json::to_value(&result).map_err(crate::json_error)?);
                Ok(())
            }
            Format::Jsonl => {
                let line = serde_json::to_string(&result).map_err(crate::json_error)?;
                writeln!(out, "{line}").map_err(crate::write_error)
            }
            Format::Table | Format::Csv => {
                write!(out, "{}", render(&result, lang)).map_err(crate::write_error)
            }
        }
    })?;
    match format {
        Format::Json => {
            let doc = serde_json::json!({ "documents": all, "summary": summary });
            let text = serde_json::to_string_pretty(&doc).map_err(crate::json_error)?;
            writeln!(out, "{text}").map_err(crate::write_error)?;
        }
        Format::Jsonl => {}
        Format::Table | Format::Csv => {
            let line = match lang {
                Lang::Vi => format!(
                    "tổng cộng: {} văn bản, {} có lỗi; {} lỗi, {} cảnh báo, {} thông tin\n",
                    summary.documents,
                    summary.with_errors,
                    summary.errors,
                    summary.warnings,
                    summary.info
                ),
                Lang::En => format!(
                    "summary: {} documents, {} with errors; {} errors, {} warnings, {} info\n",
                    summary.documents,
                    summary.with_errors,
                    summary.errors,
                    summary.warnings,
                    summary.info
                ),
            };
            write!(out, "{line}").map_err(crate::write_error)?;
        }
    }
    out.flush().map_err(crate::write_error)?;
    if let Some(path) = xlsx {
        collected.write(path)?;
    }
    Ok(if summary.errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn render(r: &DocumentFindings, lang: Lang) -> String {
    let mut s = String::new();
    let place = match r.line {
        Some(l) => format!("{}:{l}", r.file),
        None => r.file.clone(),
    };
    s.push_str(&format!(
        "{place}  {}  {}\n",
        r.kind.map_or("?", khuyencong::document::DocumentKind::code),
        r.id.as_deref().unwrap_or("?")
    ));
    if r.findings.is_empty() {
        s.push_str(match lang {
            Lang::Vi => "  ✓ không có vấn đề\n",
            Lang::En => "  ✓ no findings\n",
        });
    }
    for f in &r.findings {
        let path = if f.path.is_empty() { "/" } else { &f.path };
        let cell = f
            .cell
            .as_deref()
            .map(|c| format!("{c}  "))
            .unwrap_or_default();
        s.push_str(&format!(
            "  {:<9} {cell}{}  {}\n    {}\n",
            f.severity.label(lang),
            path,
            f.code,
            f.message(lang)
        ));
        if let Some(c) = &f.citation {
            s.push_str(&format!("    ↳ {}\n", c.render(lang)));
        }
    }
    s
}
