//! `khuyencong template`: a workbook (or CSV file) to fill, for one kind of document.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use khuyencong_sheet::{CsvOptions, Format, TemplateOptions};

use crate::Usage;

/// The file formats of spreadsheets.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SheetFormat {
    /// An Excel workbook.
    Xlsx,
    /// CSV: the sheets one under another, each under a title row.
    Csv,
}

impl From<SheetFormat> for Format {
    fn from(f: SheetFormat) -> Self {
        match f {
            SheetFormat::Xlsx => Self::Xlsx,
            SheetFormat::Csv => Self::Csv,
        }
    }
}

/// Arguments of `template`.
#[derive(Args)]
pub struct TemplateArgs {
    /// The kind of document: scheme, plan, period_report (every kind the schemas define).
    kind: String,
    /// The file format (default: from the extension of -o, else xlsx).
    #[arg(long, value_enum)]
    format: Option<SheetFormat>,
    /// Write to this file (a workbook is not written to a terminal).
    #[arg(short, long)]
    output: Option<String>,
    /// Leave out the example rows.
    #[arg(long)]
    no_example: bool,
    /// CSV for Excel: a UTF-8 byte-order mark and CRLF line ends.
    #[arg(long)]
    excel: bool,
}

/// The format of an output: as asked, else from the file's extension, else `default`.
pub fn output_format(asked: Option<SheetFormat>, output: Option<&str>, default: Format) -> Format {
    asked
        .map(Format::from)
        .or_else(|| output.and_then(Format::of_name))
        .unwrap_or(default)
}

/// Writes output bytes to a file, or to standard output (a workbook never to a terminal).
pub fn emit(bytes: &[u8], output: Option<&str>, binary: bool) -> Result<(), Usage> {
    match output {
        Some(path) => crate::sheet::write_file(path, bytes),
        None if binary && std::io::stdout().is_terminal() => Err(Usage::new(
            "a workbook is not written to a terminal: add -o FILE.xlsx",
            "không ghi bảng tính ra màn hình: thêm -o TỆP.xlsx",
        )),
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(bytes)
                .and_then(|()| out.flush())
                .map_err(crate::write_error)
        }
    }
}

/// Runs the command.
pub fn run(args: &TemplateArgs) -> Result<ExitCode, Usage> {
    let format = output_format(args.format, args.output.as_deref(), Format::Xlsx);
    let mut options = TemplateOptions::default();
    if args.no_example {
        options = options.without_example();
    }
    if args.excel {
        options = options.with_csv(CsvOptions::excel());
    }
    let bytes = khuyencong_sheet::template(&args.kind, format, &options)
        .map_err(|e| Usage::new(e.to_string(), e.message_vi()))?;
    emit(&bytes, args.output.as_deref(), format == Format::Xlsx)?;
    Ok(ExitCode::SUCCESS)
}
