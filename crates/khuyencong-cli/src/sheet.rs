//! Spreadsheet inputs of `check` and `totals`: an `.xlsx` or `.csv` file is read into the
//! documents it holds (by `khuyencong-sheet`); each reaches the command as the JSON the core
//! reads, with where its values came from, so that findings name their cells.

use std::io::Read;

use khuyencong_sheet::{Format, SheetDocument, read_bytes_as_documents};

use crate::Usage;

/// Whether a file name is a spreadsheet (`.xlsx`, `.xlsm`, `.csv`, `.tsv`).
pub fn is_sheet(name: &str) -> bool {
    name != "-" && Format::of_name(name).is_some()
}

/// Reads a spreadsheet file (at most [`khuyencong_sheet::MAX_FILE_BYTES`] and one byte, so
/// that a larger file is refused, not read) into its documents.
pub fn read(name: &str) -> Result<Vec<SheetDocument>, Usage> {
    let file = std::fs::File::open(name).map_err(|e| {
        Usage::new(
            format!("cannot read `{name}`: {e}"),
            format!("không đọc được tệp `{name}`: {e}"),
        )
    })?;
    let mut bytes = Vec::new();
    file.take(khuyencong_sheet::MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| {
            Usage::new(
                format!("cannot read `{name}`: {e}"),
                format!("không đọc được tệp `{name}`: {e}"),
            )
        })?;
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
/// refused, naming its cell; a core finding names the cell too.
pub fn checked_parse(
    inp: &crate::input::Input<'_>,
) -> Result<khuyencong::document::Document, khuyencong::Finding> {
    if let Some(doc) = inp.sheet
        && let Some(f) = doc
            .findings
            .iter()
            .find(|f| f.severity == khuyencong::Severity::Error)
    {
        return Err(f.clone());
    }
    khuyencong::document::parse(inp.bytes).map_err(|mut f| {
        if let Some(doc) = inp.sheet
            && let Some(at) = doc.locate(&f.path)
        {
            f.cell = Some(at.a1());
        }
        f
    })
}
