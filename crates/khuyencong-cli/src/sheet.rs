//! Spreadsheet inputs of `check` and `totals`: an `.xlsx` or `.csv` file is read into the
//! documents it holds (by `khuyencong-sheet`); each reaches the command as the JSON the core
//! reads, with where its values came from, so that findings name their cells.

use khuyencong_sheet::{Format, SheetDocument, read_bytes_as_documents};

use crate::Usage;

/// Whether a file name is a spreadsheet (`.xlsx`, `.xlsm`, `.csv`, `.tsv`).
pub fn is_sheet(name: &str) -> bool {
    name != "-" && Format::of_name(name).is_some()
}

/// Reads a spreadsheet file (at most [`khuyencong_sheet::MAX_FILE_BYTES`] and one byte, so
/// that a larger file is refused, not read) into its documents.
pub fn read(name: &str) -> Result<Vec<SheetDocument>, Usage> {
    read_documents(name).map_err(|(en, vi)| Usage::new(en, vi))
}

/// [`read`], saying why a file cannot be read (in English and Vietnamese) so that `check`
/// reports it as one unreadable input and goes on with the others.
pub fn read_documents(name: &str) -> Result<Vec<SheetDocument>, (String, String)> {
    let file = std::fs::File::open(name).map_err(|e| crate::input::read_error(name, &e))?;
    let bytes = khuyencong::input::read_bounded(file, khuyencong_sheet::MAX_FILE_BYTES)
        .map_err(|e| crate::input::read_error(name, &e))?;
    Ok(read_bytes_as_documents(&bytes, name, None))
}

/// Writes bytes to a file, or says why not.
pub fn write_file(path: &str, bytes: &[u8]) -> Result<(), Usage> {
    std::fs::write(path, bytes).map_err(|e| {
        Usage::new(
            format!("cannot write `{path}`: {e}"),
            format!("không ghi được tệp `{path}`: {e}"),
        )
    })
}

/// Reads an input's document for `totals`: a spreadsheet document with a reading error is
/// refused, naming its cell; the core's findings name their cells too.
pub fn checked_parse(
    bytes: &[u8],
    sheet: Option<&SheetDocument>,
) -> Result<khuyencong::document::Document, Vec<khuyencong::Finding>> {
    if let Some(doc) = sheet {
        let errors: Vec<khuyencong::Finding> = doc
            .findings
            .iter()
            .filter(|f| f.severity == khuyencong::Severity::Error)
            .cloned()
            .collect();
        if !errors.is_empty() {
            return Err(errors);
        }
    }
    khuyencong::document::parse(bytes).map_err(|e| {
        let mut findings = e.findings;
        if let Some(doc) = sheet {
            for f in &mut findings {
                if let Some(at) = doc.locate(&f.path) {
                    f.cell = Some(at.a1());
                }
            }
        }
        findings
    })
}

/// `explain` for the codes of the spreadsheet reader (`sheet.*`).
pub fn explain(
    code: &str,
    lang: khuyencong::law::Lang,
    format: crate::ExplainFormat,
) -> Result<std::process::ExitCode, Usage> {
    let Some(d) = khuyencong_sheet::explain(code) else {
        let known: Vec<&str> = khuyencong_sheet::FINDINGS.iter().map(|d| d.code).collect();
        return Err(Usage::new(
            format!(
                "unknown finding code `{code}`; the spreadsheet codes are: {}",
                known.join(", ")
            ),
            format!(
                "mã phát hiện `{code}` không tồn tại; các mã của bảng tính: {}",
                known.join(", ")
            ),
        ));
    };
    let text = match format {
        crate::ExplainFormat::Json | crate::ExplainFormat::Jsonl => {
            crate::to_json(&serde_json::json!({
                "code": d.code,
                "severity": d.severity,
                "citation": null,
                "meaning_vi": d.meaning_vi,
                "meaning_en": d.meaning_en,
                "fix_vi": d.fix_vi,
                "fix_en": d.fix_en,
            }))?
        }
        crate::ExplainFormat::Table => {
            let (m, f, fix, meaning) = match lang {
                khuyencong::law::Lang::Vi => (d.meaning_vi, d.fix_vi, "Cách sửa", "Ý nghĩa"),
                khuyencong::law::Lang::En => (d.meaning_en, d.fix_en, "Fix", "Meaning"),
            };
            format!(
                "{} ({})\n{meaning}: {m}\n{fix}: {f}\n",
                d.code,
                d.severity.label(lang)
            )
        }
    };
    crate::write_out(&text)?;
    Ok(std::process::ExitCode::SUCCESS)
}

/// The results of `check`, kept for a workbook of results (`check --xlsx FILE`).
#[derive(Default)]
pub struct Collected {
    entries: Vec<(
        khuyencong::document::DocumentFindings,
        Option<std::sync::Arc<khuyencong_sheet::Book>>,
    )>,
}

impl Collected {
    /// Keeps one input's results (and the sheets it was read from).
    pub fn push(
        &mut self,
        sheet: Option<&SheetDocument>,
        result: &khuyencong::document::DocumentFindings,
    ) {
        let book = sheet.and_then(khuyencong_sheet::SheetDocument::shared_book);
        self.entries.push((result.clone(), book));
    }

    /// Writes the workbook: the findings, and a copy of each spreadsheet input's sheets
    /// with every finding on its cell.
    pub fn write(&self, path: &str) -> Result<(), Usage> {
        let inputs: Vec<khuyencong_sheet::CheckedInput<'_>> = self
            .entries
            .iter()
            .map(|(r, book)| {
                khuyencong_sheet::CheckedInput::new(&r.file, &r.findings)
                    .line(r.line)
                    .document(
                        r.kind.map(khuyencong::document::DocumentKind::code),
                        r.id.as_deref(),
                    )
                    .book(book.as_deref())
            })
            .collect();
        let bytes = khuyencong_sheet::check_report(&inputs)
            .map_err(|e| Usage::new(e.to_string(), e.message_vi()))?;
        write_file(path, &bytes)
    }
}

/// Writes totals as a workbook (`totals --xlsx FILE`).
pub fn write_totals(
    path: &str,
    rows: &[khuyencong::totals::TotalsRow],
    by: &[khuyencong::totals::TotalsKey],
) -> Result<(), Usage> {
    let values: Vec<serde_json::Value> = rows
        .iter()
        .map(serde_json::to_value)
        .collect::<Result<_, _>>()
        .map_err(crate::json_error)?;
    let keys: Vec<String> = by.iter().map(|k| k.code().to_owned()).collect();
    let bytes = khuyencong_sheet::totals_report(&values, &keys)
        .map_err(|e| Usage::new(e.to_string(), e.message_vi()))?;
    write_file(path, &bytes)
}
