//! Spreadsheets for `khuyencong`: where provincial data lives.
//!
//! Provincial Departments of Industry and Trade keep their schemes, plans and reports in
//! Excel. This crate writes templates for each kind of document, reads filled templates
//! (Excel `.xlsx` or CSV) into the same documents the core reads from JSON, and writes
//! documents and check results back as workbooks. Every finding about a document read from
//! a spreadsheet names its cell (`'Nguồn kinh phí'!D5`) beside its JSON Pointer.
//!
//! The crate decides nothing about the law: the findings on a document come from the core's
//! check ([`khuyencong::document::check_bytes`]) of the JSON the workbook holds; this crate
//! only converts, and reports cells it cannot convert (codes `sheet.*`, see [`FINDINGS`]).
//! Templates are generated from the documents' JSON Schemas, so a field the core adds
//! appears in the templates without an edit here.
//!
//! ```
//! use khuyencong_sheet::{CsvOptions, Format, TemplateOptions, read_bytes_as_documents, template, write_documents};
//!
//! // A template for schemes, to fill in Excel.
//! let xlsx = template("scheme", Format::Xlsx, &TemplateOptions::default())?;
//! assert!(xlsx.starts_with(b"PK"));
//!
//! // A plan written as a workbook reads back as the same plan…
//! let plan = serde_json::json!({"kind": "plan", "schema_version": 2, "id": "kh-2024",
//!     "year": 2024, "fund_level": "national",
//!     "budget": {"lines": [{"source": "local_budget_provincial", "amount": 500000000}]}});
//! let written = write_documents(&[plan.clone()], Format::Xlsx, CsvOptions::default())?;
//! let documents = read_bytes_as_documents(&written.bytes, "plan.xlsx", None);
//! assert_eq!(documents[0].json.as_ref(), Some(&plan));
//!
//! // …and the core's findings on it name their cells.
//! let checked = documents[0].check(&Default::default());
//! let f = &checked.findings[0];
//! assert_eq!(f.code, "plan.fund_source_mismatch");
//! assert_eq!(f.path, "/budget/lines/0/source");
//! assert_eq!(f.cell.as_deref(), Some("'Nguồn kinh phí'!C4"));
//! # Ok::<(), khuyencong_sheet::SheetError>(())
//! ```

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod examples;
mod findings;
mod grid;
mod input;
mod layout;
mod out;
mod read;
mod report;
mod text;
mod value;
mod write;

pub use findings::{FINDINGS, SheetFindingDef, explain};
pub use grid::{Cell, CellRef, Grid, GridRow, Merge, column_letters};
pub use input::{Format, MAX_CELLS, MAX_FILE_BYTES, read_bytes, read_csv, read_xlsx};
pub use layout::{
    CODELISTS_SHEET, Code, Codelist, Column, Group, INSTRUCTIONS_SHEET, Layout, SheetSpec,
    ValueKind, document_kinds,
};
pub use read::{Book, SheetDocument, read_book, read_book_as};
pub use report::{CheckedInput, check_report, totals_report};
pub use write::{
    CsvOptions, TemplateOptions, Written, template, write_documents, write_documents_as,
};

/// Why a workbook cannot be written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SheetError {
    /// No document kind has this name.
    #[error("unknown document kind `{kind}`; expected one of: {}", known.join(", "))]
    UnknownKind {
        /// The name given.
        kind: String,
        /// The kinds the library reads.
        known: Vec<String>,
    },
    /// The documents to write are of several kinds; a workbook holds one kind.
    #[error("the documents are of several kinds ({}); a workbook holds one kind: write each kind to its own file", kinds.join(", "))]
    MixedKinds {
        /// The kinds found.
        kinds: Vec<String>,
    },
    /// A document to write is not a JSON object with a `kind`.
    #[error("document {index} is not a JSON object with a `kind`")]
    NotADocument {
        /// Its position, from 1.
        index: usize,
    },
    /// The workbook writer failed.
    #[error("cannot write the workbook: {0}")]
    Write(String),
}

impl SheetError {
    /// The message in Vietnamese.
    pub fn message_vi(&self) -> String {
        match self {
            Self::UnknownKind { kind, known } => format!(
                "loại văn bản `{kind}` không tồn tại; chọn một trong: {}",
                known.join(", ")
            ),
            Self::MixedKinds { kinds } => format!(
                "các văn bản thuộc nhiều loại ({}); mỗi bảng tính chỉ chứa một loại: ghi mỗi loại ra một tệp",
                kinds.join(", ")
            ),
            Self::NotADocument { index } => {
                format!("văn bản thứ {index} không phải đối tượng JSON có trường `kind`")
            }
            Self::Write(e) => format!("không ghi được bảng tính: {e}"),
        }
    }
}

/// Reads a spreadsheet file's bytes (`.xlsx` or CSV, told by content) as documents of the
/// given kind, or of the kind its sheets say.
///
/// Never fails: a file that cannot be read gives one [`SheetDocument`] without JSON whose
/// findings say why.
pub fn read_bytes_as_documents(
    bytes: &[u8],
    source: &str,
    kind: Option<&str>,
) -> Vec<SheetDocument> {
    match read_bytes(bytes, source) {
        Ok(book) => read_book(&book, kind),
        Err(finding) => vec![SheetDocument::unreadable(source, finding)],
    }
}
