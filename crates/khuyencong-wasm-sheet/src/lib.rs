//! The spreadsheet module of the `khuyencong` npm package (`khuyencong/sheet`) and of the
//! validator page: filled templates (`.xlsx`, `.xlsm`, `.csv`, `.tsv`) read into documents
//! by `khuyencong-sheet` and checked by the core, each finding with the cell it was read
//! from — what `khuyencong check FILE.xlsx` does.
//!
//! A module of its own so that the main one (`khuyencong-wasm`) does not carry the
//! spreadsheet readers: a page loads this one only when a spreadsheet is given. Like the
//! main module, it only converts; every rule is the core's, every reading rule the sheet
//! crate's. Results are plain objects with every 64-bit integer as a `bigint` (as in the
//! main module); the documents' JSON is given as text, which keeps every amount exact.

#![forbid(unsafe_code)]

use js_sys::Uint8Array;
use khuyencong::Finding;
use khuyencong::document::{CheckOptions, DocumentKind};
use serde::Serialize;
use serde_wasm_bindgen::Serializer;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

/// The same conversion as the main module's: 64-bit integers as `bigint`s, absent values
/// as `null`, maps as plain objects.
const SERIALIZER: Serializer = Serializer::new()
    .serialize_missing_as_null(true)
    .serialize_maps_as_objects(true)
    .serialize_large_number_types_as_bigints(true);

/// One document of a spreadsheet, checked.
#[derive(Serialize)]
struct SheetOut<'a> {
    /// The workbook's name (as given).
    source: &'a str,
    kind: Option<DocumentKind>,
    id: Option<&'a str>,
    /// Whether the core could read the document the spreadsheet holds.
    readable: bool,
    /// Whether nothing is an error (neither a cell that could not be read nor a finding of
    /// the core).
    ok: bool,
    /// Whether reading the cells found an error (a `sheet.*` error): such a document is
    /// not added up (as `khuyencong totals` refuses it).
    sheet_errors: bool,
    /// Every finding (the reader's `sheet.*` and the core's), each with its `cell`.
    findings: &'a [Finding],
    /// The document's JSON text (indented), as the core read it; `null` when nothing could
    /// be read.
    json: Option<String>,
}

/// The version of the package (the workspace version).
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// Reads a spreadsheet's bytes (told by their content, `name` for messages) into the
/// documents it holds and checks each with the national rules: one result per document,
/// `{source, kind, id, readable, ok, sheet_errors, findings, json}`. A file that cannot be
/// read is one result whose findings say why; only an argument of the wrong type throws
/// (a `TypeError`).
#[wasm_bindgen(js_name = readSpreadsheet)]
pub fn read_spreadsheet(bytes: &JsValue, name: &JsValue) -> Result<JsValue, JsValue> {
    let Some(bytes) = bytes.dyn_ref::<Uint8Array>() else {
        return Err(js_sys::TypeError::new(
            "readSpreadsheet() takes the file's bytes as a Uint8Array (or a Node Buffer)",
        )
        .into());
    };
    let name = if name.is_undefined() || name.is_null() {
        "spreadsheet".to_owned()
    } else {
        name.as_string().ok_or_else(|| {
            JsValue::from(js_sys::TypeError::new(
                "readSpreadsheet(): the file's name must be a string",
            ))
        })?
    };
    // The reader's own limit: a larger file is refused with a finding, not read.
    let limit =
        u32::try_from(khuyencong_sheet::MAX_FILE_BYTES.saturating_add(1)).unwrap_or(u32::MAX);
    let bytes = if bytes.length() > limit {
        bytes.subarray(0, limit).to_vec()
    } else {
        bytes.to_vec()
    };
    let documents = khuyencong_sheet::read_bytes_as_documents(&bytes, &name, None);
    let options = CheckOptions::default();
    let checked: Vec<_> = documents.iter().map(|d| d.check(&options)).collect();
    let out: Vec<SheetOut<'_>> = documents
        .iter()
        .zip(&checked)
        .map(|(d, c)| SheetOut {
            source: &d.source,
            kind: c.kind,
            id: c.id.as_deref(),
            readable: c.document.is_some(),
            ok: !c.has_errors(),
            sheet_errors: d.has_errors(),
            findings: &c.findings,
            json: d
                .json
                .as_ref()
                .and_then(|v| serde_json::to_string_pretty(v).ok()),
        })
        .collect();
    out.serialize(&SERIALIZER).map_err(|e| {
        JsValue::from(js_sys::Error::new(&format!(
            "cannot encode the result / không mã hóa được kết quả: {e}"
        )))
    })
}
