//! Spreadsheets from Python: workbooks and CSV files, and tables of Python values (rows of
//! records, pandas or polars frames, converted to plain values by `khuyencong.sheets`), read
//! into documents by `khuyencong-sheet`; check results and totals written as workbooks.
//! Reading and checking are the Rust crates'; this module converts.

use chrono::NaiveDate;
use khuyencong::document::CheckOptions;
use khuyencong_sheet::{Book, Cell, CheckedInput, Grid, SheetDocument};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyBytes, PyFloat, PyInt, PyList, PyString, PyTuple, PyType};

static DATE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static DATETIME: PyOnceLock<Py<PyType>> = PyOnceLock::new();
use serde_json::Value;

use crate::convert::{json_to_py, py_to_json};
use crate::documents::{_document, provincial_pack};
use crate::errors::error;
use crate::results::findings_to_py;

/// One document read from a spreadsheet, with where its values came from.
#[pyclass(frozen, module = "khuyencong._khuyencong", name = "_SheetDocument")]
pub struct PySheetDocument {
    inner: SheetDocument,
}

#[pymethods]
impl PySheetDocument {
    /// The document kind, when the workbook says.
    #[getter]
    fn kind(&self) -> Option<&str> {
        self.inner.kind.as_deref()
    }

    /// The document's `id`, when stated.
    #[getter]
    fn id(&self) -> Option<&str> {
        self.inner.id.as_deref()
    }

    /// The file (or table) it was read from.
    #[getter]
    fn source(&self) -> &str {
        &self.inner.source
    }

    /// What reading found (`sheet.*` codes), each with its cell.
    #[getter]
    fn findings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        findings_to_py(py, &self.inner.findings)
    }

    /// The document's JSON form as read, or `None` when nothing could be read.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.inner
            .json
            .as_ref()
            .map(|v| json_to_py(py, v))
            .transpose()
    }

    /// The cell a JSON Pointer of the document was read from: `(sheet, row, column)` from
    /// 0, the column `None` for a whole row.
    fn locate(&self, pointer: &str) -> Option<(String, u32, Option<u32>)> {
        self.inner
            .locate(pointer)
            .map(|c| (c.sheet.clone(), c.row, c.col))
    }

    /// Checks the document with the core: `(kind, id, findings, document)`, each finding
    /// with its cell.
    #[pyo3(signature = (provincial_pack = None))]
    fn check<'py>(
        &self,
        py: Python<'py>,
        provincial_pack: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyTuple>> {
        let mut options = CheckOptions::default();
        if let Some(pack) = self::provincial_pack_of(provincial_pack)? {
            options = options.with_provincial_pack(pack);
        }
        let checked = py.detach(|| self.inner.check(&options));
        let document = match &checked.document {
            Some(d) => {
                let text = serde_json::to_string(d).map_err(|e| {
                    error(
                        format!("cannot encode the document: {e}"),
                        format!("không mã hóa được văn bản: {e}"),
                    )
                })?;
                // The reader of pickled documents builds the `Document`.
                #[allow(clippy::used_underscore_items)]
                let document = _document(py, &text, Some(self.inner.source.clone()), None)?;
                document.into_pyobject(py)?.into_any()
            }
            None => py.None().into_bound(py),
        };
        (
            checked.kind.map(khuyencong::document::DocumentKind::code),
            checked.id,
            findings_to_py(py, &checked.findings)?,
            document,
        )
            .into_pyobject(py)
    }

    fn __repr__(&self) -> String {
        format!(
            "SheetDocument(kind={:?}, id={:?}, source={:?}, findings={})",
            self.inner.kind.as_deref().unwrap_or("?"),
            self.inner.id.as_deref().unwrap_or("?"),
            self.inner.source,
            self.inner.findings.len()
        )
    }
}

fn provincial_pack_of(
    obj: Option<&Bound<'_, PyAny>>,
) -> PyResult<Option<khuyencong::support::ProvincialPack>> {
    provincial_pack(obj)
}

fn documents(py: Python<'_>, docs: Vec<SheetDocument>) -> PyResult<Vec<Py<PySheetDocument>>> {
    docs.into_iter()
        .map(|inner| Py::new(py, PySheetDocument { inner }))
        .collect()
}

/// Reads a spreadsheet file's bytes (xlsx or CSV, told by content) into its documents.
#[pyfunction]
#[pyo3(signature = (data, source, kind = None))]
pub fn _read_sheet(
    py: Python<'_>,
    data: &[u8],
    source: &str,
    kind: Option<&str>,
) -> PyResult<Vec<Py<PySheetDocument>>> {
    let docs = py.detach(|| khuyencong_sheet::read_bytes_as_documents(data, source, kind));
    documents(py, docs)
}

/// A Python value as a cell: `None`, `bool`, `int`, `float` (NaN is blank), `str`,
/// `datetime.date` and `datetime.datetime`.
fn cell(value: &Bound<'_, PyAny>, at: &str) -> PyResult<Cell> {
    if value.is_none() {
        return Ok(Cell::Empty);
    }
    if let Ok(b) = value.cast::<PyBool>() {
        return Ok(Cell::Bool(b.is_true()));
    }
    if value.is_instance_of::<PyInt>() {
        return Ok(match value.extract::<i64>() {
            Ok(i) => Cell::Int(i),
            // Beyond 64 bits: as written, for the reader to refuse with its message.
            Err(_) => Cell::Text(value.str()?.to_string()),
        });
    }
    if let Ok(f) = value.cast::<PyFloat>() {
        let f = f.value();
        return Ok(if f.is_nan() {
            Cell::Empty
        } else {
            Cell::Number(f)
        });
    }
    if let Ok(s) = value.cast::<PyString>() {
        return Ok(Cell::Text(s.to_str()?.to_owned()));
    }
    let py = value.py();
    if value.is_instance(DATE.import(py, "datetime", "date")?)? {
        let year: i32 = value.getattr("year")?.extract()?;
        let month: u32 = value.getattr("month")?.extract()?;
        let day: u32 = value.getattr("day")?.extract()?;
        let timed = if value.is_instance(DATETIME.import(py, "datetime", "datetime")?)? {
            ["hour", "minute", "second", "microsecond"]
                .iter()
                .map(|a| value.getattr(*a).and_then(|v| v.extract::<u32>()))
                .collect::<PyResult<Vec<u32>>>()?
                .iter()
                .any(|v| *v != 0)
        } else {
            false
        };
        return Ok(NaiveDate::from_ymd_opt(year, month, day).map_or_else(
            || Cell::Text(format!("{year:04}-{month:02}-{day:02}")),
            |d| Cell::Date(d, timed),
        ));
    }
    Err(PyTypeError::new_err(format!(
        "{at}: a cell must be None, a bool, an int, a float, a str or a datetime.date, not {}",
        value.get_type().name()?
    )))
}

/// Reads tables of plain Python values into documents: each table is `(name, columns,
/// rows)`, its headings the column names (Vietnamese or English headings, or JSON keys such
/// as `funding.total_cost`), `name` the sheet it holds (`None`: told by its headings).
#[pyfunction]
#[pyo3(signature = (tables, kind, source))]
pub fn _read_tables(
    py: Python<'_>,
    tables: &Bound<'_, PyAny>,
    kind: Option<&str>,
    source: &str,
) -> PyResult<Vec<Py<PySheetDocument>>> {
    let mut grids = Vec::new();
    for (t, table) in tables.try_iter()?.enumerate() {
        let table = table?;
        let (name, columns, rows): (Option<String>, Vec<String>, Bound<'_, PyAny>) =
            table.extract()?;
        let mut out: Vec<Vec<Cell>> = vec![columns.iter().map(|c| Cell::Text(c.clone())).collect()];
        for (r, row) in rows.try_iter()?.enumerate() {
            let row = row?;
            let mut cells = Vec::with_capacity(columns.len());
            for (c, value) in row.try_iter()?.enumerate() {
                let at = format!(
                    "table {t}, row {r}, column {}",
                    columns.get(c).map_or("?", String::as_str)
                );
                cells.push(cell(&value?, &at)?);
            }
            out.push(cells);
        }
        let display = name.clone().unwrap_or_else(|| source.to_owned());
        grids.push(Grid::from_rows(name, display, out));
    }
    let book = Book::new(source, grids);
    let docs = py.detach(|| khuyencong_sheet::read_book(&book, kind));
    documents(py, docs)
}

/// One check result as Python hands it over: source, kind, id, findings, sheet document.
type Row<'py> = (
    String,
    Option<String>,
    Option<String>,
    Bound<'py, PyAny>,
    Option<Bound<'py, PyAny>>,
);

/// One check result, converted.
type Entry = (
    String,
    Option<String>,
    Option<String>,
    Vec<khuyencong::Finding>,
    Option<std::sync::Arc<Book>>,
);

/// Writes check results as a workbook: `results` is a list of `(source, kind, id,
/// findings)` (findings as dicts), `sheets` the `SheetDocument` each came from, if any (its
/// sheets are copied with the findings on their cells).
#[pyfunction]
pub fn _check_report<'py>(
    py: Python<'py>,
    results: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyBytes>> {
    let mut owned: Vec<Entry> = Vec::new();
    for item in results.try_iter()? {
        let item = item?;
        let (source, kind, id, findings, sheet): Row<'_> = item.extract()?;
        let value = py_to_json(&findings, &mut String::new(), 0)?;
        let findings: Vec<khuyencong::Finding> =
            serde::Deserialize::deserialize(value).map_err(|e| {
                error(
                    format!("invalid findings: {e}"),
                    format!("danh sách phát hiện không hợp lệ: {e}"),
                )
            })?;
        let book = match sheet {
            Some(s) if !s.is_none() => s.cast::<PySheetDocument>()?.get().inner.shared_book(),
            _ => None,
        };
        owned.push((source, kind, id, findings, book));
    }
    let inputs: Vec<CheckedInput<'_>> = owned
        .iter()
        .map(|(source, kind, id, findings, book)| {
            CheckedInput::new(source, findings)
                .document(kind.as_deref(), id.as_deref())
                .book(book.as_deref())
        })
        .collect();
    let bytes = py
        .detach(|| khuyencong_sheet::check_report(&inputs))
        .map_err(|e| error(e.to_string(), e.message_vi()))?;
    Ok(PyBytes::new(py, &bytes))
}

/// Writes totals rows (dicts in their JSON form: `keys` and the figures) as a workbook.
#[pyfunction]
#[allow(clippy::needless_pass_by_value)] // PyO3 extracts arguments as owned values
pub fn _totals_report<'py>(
    rows: &Bound<'py, PyAny>,
    by: Vec<String>,
) -> PyResult<Bound<'py, PyBytes>> {
    let rows_py = rows.py();
    let value = py_to_json(rows, &mut String::new(), 0)?;
    let Value::Array(rows) = value else {
        return Err(PyTypeError::new_err("rows must be a list of dicts"));
    };
    let bytes = khuyencong_sheet::totals_report(&rows, &by)
        .map_err(|e| error(e.to_string(), e.message_vi()))?;
    Ok(PyBytes::new(rows_py, &bytes))
}

/// A template for a kind of document, as xlsx or CSV bytes.
#[pyfunction]
#[pyo3(signature = (kind, format = "xlsx", example = true, excel_csv = false))]
pub fn _template<'py>(
    py: Python<'py>,
    kind: &str,
    format: &str,
    example: bool,
    excel_csv: bool,
) -> PyResult<Bound<'py, PyBytes>> {
    let format = match format {
        "xlsx" => khuyencong_sheet::Format::Xlsx,
        "csv" => khuyencong_sheet::Format::Csv,
        other => {
            return Err(error(
                format!("unknown format `{other}`; expected `xlsx` or `csv`"),
                format!("định dạng `{other}` không hợp lệ; chọn `xlsx` hoặc `csv`"),
            ));
        }
    };
    let mut options = khuyencong_sheet::TemplateOptions::default();
    if !example {
        options = options.without_example();
    }
    if excel_csv {
        options = options.with_csv(khuyencong_sheet::CsvOptions::excel());
    }
    let bytes = khuyencong_sheet::template(kind, format, &options)
        .map_err(|e| error(e.to_string(), e.message_vi()))?;
    Ok(PyBytes::new(py, &bytes))
}
