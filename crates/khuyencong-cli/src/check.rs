//! `khuyencong check`: every problem of every document, and an exit code.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::ValueEnum;
use khuyencong::document::{CheckOptions, Checked, DocumentFindings, Summary, check_line};
use khuyencong::law::Lang;
use khuyencong::{Finding, Severity};

use crate::input::{self, Item};
use crate::table::clean;
use crate::{Usage, write_error};

/// Output format of `check`.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// A table for people (the language of `--lang`).
    Table,
    /// One JSON document: every input's findings and a summary (findings schema).
    Json,
    /// One JSON object per input and line, streamed.
    Jsonl,
    /// One CSV row per finding (an input without findings gets one row without a code).
    Csv,
    /// SARIF 2.1.0 (one run; rules from the registry of findings), for code-scanning tools.
    Sarif,
}

/// When table output is coloured.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    /// On a terminal, unless the environment variable NO_COLOR is set (to anything).
    Auto,
    /// Always (even into a file or a pipe).
    Always,
    /// Never.
    Never,
}

impl ColorArg {
    /// Whether to colour: `to_stdout` is false when the results go to a file.
    pub fn enabled(self, to_stdout: bool) -> bool {
        match self {
            Self::Always => true,
            Self::Never => false,
            Self::Auto => {
                to_stdout
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::io::stdout().is_terminal()
            }
        }
    }
}

/// How the results are shown.
pub struct Style {
    /// The language of table output.
    pub lang: Lang,
    /// The output format.
    pub format: CheckFormat,
    /// Print how to fix each error (table output).
    pub fix: bool,
    /// Only errors and the summary (table output).
    pub quiet: bool,
    /// Colour by severity (table output).
    pub colour: bool,
}

/// The header of the CSV output.
const CSV_HEADER: [&str; 10] = [
    "file",
    "line",
    "kind",
    "id",
    "severity",
    "code",
    "path",
    "cell",
    "message_vi",
    "message_en",
];

/// The finding of a file that cannot be read (the run goes on and exits 2).
fn unreadable(en: String, vi: String) -> Finding {
    khuyencong::input::unreadable_file(vi, en)
}

/// Runs the command: exit 0 without errors, 1 with errors, 2 when a file could not be read
/// (the others are still checked and reported).
pub fn run(
    files: &[String],
    jsonl: bool,
    style: &Style,
    pack: Option<&str>,
    xlsx: Option<&str>,
) -> Result<ExitCode, Usage> {
    let (lang, format) = (style.lang, style.format);
    let options = match pack {
        Some(name) => CheckOptions::default().with_provincial_pack(crate::packs::load(name)?),
        None => CheckOptions::default(),
    };
    let mut summary = Summary::default();
    let mut out = std::io::BufWriter::new(crate::output::writer()?);
    let mut all = Vec::new();
    let mut unreadable_files = false;
    let mut collected = crate::sheet::Collected::default();
    if format == CheckFormat::Csv {
        let header: Vec<String> = CSV_HEADER.iter().map(|h| (*h).to_owned()).collect();
        write!(out, "{}", khuyencong::catalog::to_csv(&[header])).map_err(write_error)?;
    }
    input::for_each(files, jsonl, |item| {
        let (result, sheet) = match item {
            Item::Document {
                source,
                line,
                content,
                sheet,
            } => {
                let checked = match (sheet, content) {
                    (Some(doc), _) => doc.check(&options),
                    (None, content) => check_line(content, &options),
                };
                let result = DocumentFindings::new(source, line, checked);
                (result, sheet)
            }
            Item::Unreadable { source, en, vi } => {
                unreadable_files = true;
                let result = DocumentFindings::new(
                    source,
                    None,
                    Checked::unreadable(None, None, vec![unreadable(en, vi)]),
                );
                (result, None)
            }
        };
        summary.add(&result.findings);
        if xlsx.is_some() {
            collected.push(sheet, &result);
        }
        match format {
            CheckFormat::Json | CheckFormat::Sarif => {
                all.push(result);
                Ok(())
            }
            CheckFormat::Jsonl => {
                let line = serde_json::to_string(&result).map_err(crate::json_error)?;
                writeln!(out, "{line}").map_err(write_error)
            }
            CheckFormat::Table => write!(out, "{}", render(&result, style)).map_err(write_error),
            CheckFormat::Csv => write!(out, "{}", khuyencong::catalog::to_csv(&csv_rows(&result)))
                .map_err(write_error),
        }
    })?;
    match format {
        CheckFormat::Json => {
            let report = khuyencong::document::CheckReport::new(all, summary.clone());
            let text = serde_json::to_string_pretty(&report).map_err(crate::json_error)?;
            writeln!(out, "{text}").map_err(write_error)?;
        }
        CheckFormat::Sarif => {
            let log = crate::sarif::log(&all, lang);
            let text = serde_json::to_string_pretty(&log).map_err(crate::json_error)?;
            writeln!(out, "{text}").map_err(write_error)?;
        }
        CheckFormat::Jsonl | CheckFormat::Csv => {}
        CheckFormat::Table => {
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
            write!(out, "{line}").map_err(write_error)?;
        }
    }
    out.flush().map_err(write_error)?;
    if let Some(path) = xlsx {
        collected.write(path)?;
    }
    Ok(if unreadable_files {
        ExitCode::from(2)
    } else if summary.errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn csv_rows(r: &DocumentFindings) -> Vec<Vec<String>> {
    let head = [
        r.file.clone(),
        r.line.map(|l| l.to_string()).unwrap_or_default(),
        r.kind.map(|k| k.code().to_owned()).unwrap_or_default(),
        r.id.clone().unwrap_or_default(),
    ];
    if r.findings.is_empty() {
        let mut row = head.to_vec();
        row.extend(std::iter::repeat_n(String::new(), 6));
        return vec![row];
    }
    r.findings
        .iter()
        .map(|f| {
            let mut row = head.to_vec();
            row.extend([
                f.severity.code().to_owned(),
                f.code.clone(),
                f.path.clone(),
                f.cell.clone().unwrap_or_default(),
                f.message_vi().into_owned(),
                f.message_en().into_owned(),
            ]);
            row
        })
        .collect()
}

/// How to fix a finding: rendered from its parameters for a finding of a declared kind,
/// else the registry's advice for its code.
fn fix_of(f: &Finding, lang: Lang) -> Option<String> {
    f.fix(lang).or_else(|| {
        khuyencong::registry::explain(&f.code).map(|d| {
            match lang {
                Lang::Vi => d.fix_vi,
                Lang::En => d.fix_en,
            }
            .to_owned()
        })
    })
}

/// ANSI colours of the severities (SGR: bold red, yellow, cyan).
fn colour_of(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "\x1b[1;31m",
        Severity::Warning => "\x1b[33m",
        Severity::Info => "\x1b[36m",
    }
}

/// The table form of one input's findings: errors first, then warnings, then information
/// (in the order found within each), each error with how to fix it. Everything that comes
/// from the input (file name, `id`, paths, messages quoting values) is cleaned of terminal
/// control characters.
fn render(r: &DocumentFindings, style: &Style) -> String {
    let lang = style.lang;
    let mut findings: Vec<&Finding> = r
        .findings
        .iter()
        .filter(|f| !style.quiet || f.severity == Severity::Error)
        .collect();
    if style.quiet && findings.is_empty() {
        return String::new();
    }
    findings.sort_by_key(|f| f.severity);
    let mut s = String::new();
    let place = match r.line {
        Some(l) => format!("{}:{l}", r.file),
        None => r.file.clone(),
    };
    let (bold, reset) = if style.colour {
        ("\x1b[1m", "\x1b[0m")
    } else {
        ("", "")
    };
    s.push_str(&format!(
        "{bold}{}  {}  {}{reset}\n",
        clean(&place),
        r.kind.map_or("?", khuyencong::document::DocumentKind::code),
        clean(r.id.as_deref().unwrap_or("?"))
    ));
    if findings.is_empty() {
        s.push_str(match lang {
            Lang::Vi => "  ✓ không có vấn đề\n",
            Lang::En => "  ✓ no findings\n",
        });
    }
    for f in findings {
        let path = if f.path.is_empty() { "/" } else { &f.path };
        let cell = f
            .cell
            .as_deref()
            .map(|c| format!("{}  ", clean(c)))
            .unwrap_or_default();
        let label = format!("{:<9}", f.severity.label(lang));
        let label = if style.colour {
            format!("{}{label}{reset}", colour_of(f.severity))
        } else {
            label
        };
        s.push_str(&format!(
            "  {label} {cell}{}  {}\n    {}\n",
            clean(path),
            f.code,
            clean(&f.message(lang))
        ));
        if let Some(c) = &f.citation {
            s.push_str(&format!("    ↳ {}\n", c.render(lang)));
        }
        if style.fix
            && f.severity == Severity::Error
            && let Some(fix) = fix_of(f, lang)
        {
            let head = match lang {
                Lang::Vi => "cách sửa",
                Lang::En => "fix",
            };
            s.push_str(&format!("    ➜ {head}: {}\n", clean(&fix)));
        }
    }
    s
}
