//! Documents from Python: reading inputs (dicts, JSON text, bytes, paths, parsed
//! [`Document`]s), checking them with the interpreter released, loading files and JSON
//! Lines, and totals. Every decision is the core's (`khuyencong::document`,
//! `khuyencong::totals`); this module converts and delegates.

use std::path::{Path, PathBuf};

use khuyencong::Finding;
use khuyencong::document::{self, CheckOptions, Checked, Document};
use khuyencong::support::ProvincialPack;
use khuyencong::totals::{TotalsKey, TotalsRow};
use pyo3::exceptions::{PyFileNotFoundError, PyOSError, PyTypeError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyByteArray, PyBytes, PyDict, PyList, PyString, PyTuple, PyType};
use serde_json::Value;

use crate::convert::{self, json_to_py, py_to_json};
use crate::errors::{error, error_bilingual, validation_error_at};

static PATH_LIKE: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// What a document input may be, for messages.
const DOCUMENT_TYPES: &str = "a dict, a str of JSON text, bytes of JSON, an os.PathLike (pathlib.Path) to a JSON file, or a khuyencong.Document";

/// What [`PyDocument::__reduce__`] returns: the reader and its arguments.
type Reduced<'py> = (Bound<'py, PyAny>, (String, Option<String>, Option<u64>));

/// A document read by the core, with the file (and line of a JSON Lines file) it came from.
///
/// Made by `khuyencong.load()` or `CheckResult.document`; `to_dict()` gives its JSON form.
#[pyclass(frozen, eq, module = "khuyencong", name = "Document")]
#[derive(PartialEq)]
pub struct PyDocument {
    inner: Document,
    source: Option<String>,
    line: Option<u64>,
}

#[pymethods]
impl PyDocument {
    /// The document kind: `scheme`, `plan` or `period_report`.
    #[getter]
    fn kind(&self) -> &'static str {
        self.inner.kind().code()
    }

    /// The document's `id`.
    #[getter]
    fn id(&self) -> &str {
        self.inner.id()
    }

    /// The file the document was read from, if any.
    #[getter]
    fn source(&self) -> Option<&str> {
        self.source.as_deref()
    }

    /// The line of a JSON Lines file the document was read from (1-based), if any.
    #[getter]
    fn line(&self) -> Option<u64> {
        self.line
    }

    /// The document in its JSON form, as plain Python objects (amounts are `int`).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let value = serde_json::to_value(&self.inner).map_err(|e| {
            error(
                format!("cannot encode the document: {e}"),
                format!("không mã hóa được văn bản: {e}"),
            )
        })?;
        json_to_py(py, &value)
    }

    /// Pickles as the document's JSON text, its source and line (read again on unpickling).
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Reduced<'py>> {
        let this = slf.get();
        let text = serde_json::to_string(&this.inner).map_err(|e| {
            error(
                format!("cannot encode the document: {e}"),
                format!("không mã hóa được văn bản: {e}"),
            )
        })?;
        let read = slf
            .py()
            .import("khuyencong._khuyencong")?
            .getattr("_document")?;
        Ok((read, (text, this.source.clone(), this.line)))
    }

    fn __repr__(&self) -> String {
        let mut s = format!(
            "Document(kind={:?}, id={:?}",
            self.inner.kind().code(),
            self.inner.id()
        );
        if let Some(source) = &self.source {
            s.push_str(&format!(", source={source:?}"));
        }
        if let Some(line) = self.line {
            s.push_str(&format!(", line={line}"));
        }
        s.push(')');
        s
    }
}

/// Reads one document from JSON text, with its source and line (how a pickled
/// [`PyDocument`] is read again); a structural problem raises `ValidationError`.
#[pyfunction]
#[pyo3(signature = (text, source = None, line = None))]
pub fn _document(
    py: Python<'_>,
    text: &str,
    source: Option<String>,
    line: Option<u64>,
) -> PyResult<PyDocument> {
    document::parse(text.as_bytes())
        .map(|inner| PyDocument {
            inner,
            source,
            line,
        })
        .map_err(|f| match validation_error_at(py, "", &[f]) {
            Ok(e) | Err(e) => e,
        })
}

/// One input, ready to be read without the interpreter.
enum Input {
    /// JSON bytes.
    Bytes(Vec<u8>),
    /// A file to read.
    Path(PathBuf),
    /// A document already read.
    Parsed(Document),
}

/// A failure to read an input's file.
struct ReadError {
    path: PathBuf,
    error: std::io::Error,
}

impl ReadError {
    fn into_py(self) -> PyErr {
        let path = self.path.display();
        let message = format!("cannot read `{path}`: {}", self.error);
        if self.error.kind() == std::io::ErrorKind::NotFound {
            PyFileNotFoundError::new_err(message)
        } else {
            PyOSError::new_err(message)
        }
    }
}

fn read(path: &Path) -> Result<Vec<u8>, ReadError> {
    std::fs::read(path).map_err(|error| ReadError {
        path: path.to_owned(),
        error,
    })
}

/// Reads one Python document input; `what` names it in messages.
fn input(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<Input> {
    let py = obj.py();
    if let Ok(doc) = obj.cast::<PyDocument>() {
        return Ok(Input::Parsed(doc.get().inner.clone()));
    }
    if let Ok(dict) = obj.cast::<PyDict>() {
        let value = py_to_json(dict.as_any(), &mut String::new(), 0)?;
        let bytes = serde_json::to_vec(&value).map_err(|e| {
            error(
                format!("cannot encode {what} as JSON: {e}"),
                format!("không mã hóa được {what} thành JSON: {e}"),
            )
        })?;
        return Ok(Input::Bytes(bytes));
    }
    if let Ok(text) = obj.cast::<PyString>() {
        return Ok(Input::Bytes(text.to_str()?.as_bytes().to_vec()));
    }
    if let Ok(bytes) = obj.cast::<PyBytes>() {
        return Ok(Input::Bytes(bytes.as_bytes().to_vec()));
    }
    if let Ok(bytes) = obj.cast::<PyByteArray>() {
        return Ok(Input::Bytes(bytes.to_vec()));
    }
    if obj.is_instance(PATH_LIKE.import(py, "os", "PathLike")?)? {
        return Ok(Input::Path(obj.extract::<PathBuf>()?));
    }
    Err(PyTypeError::new_err(format!(
        "{what} must be {DOCUMENT_TYPES}, not {}",
        obj.get_type().name()?
    )))
}

/// The inputs of an iterable of documents; a single document given where several are
/// expected is a `TypeError` with a hint.
fn inputs(docs: &Bound<'_, PyAny>, function: &str) -> PyResult<Vec<Input>> {
    if docs.is_instance_of::<PyDict>()
        || docs.is_instance_of::<PyString>()
        || docs.is_instance_of::<PyBytes>()
        || docs.is_instance_of::<PyByteArray>()
        || docs.is_instance_of::<PyDocument>()
        || docs.is_instance(PATH_LIKE.import(docs.py(), "os", "PathLike")?)?
    {
        return Err(PyTypeError::new_err(format!(
            "{function}() takes an iterable of documents (a list of dicts, str, bytes, paths or khuyencong.Document), not a single {}: wrap it in a list",
            docs.get_type().name()?
        )));
    }
    let mut out = Vec::new();
    for (i, item) in docs.try_iter()?.enumerate() {
        out.push(input(&item?, &format!("document {i}"))?);
    }
    Ok(out)
}

/// Reads a provincial rule pack: a dict, a str of JSON text, bytes or a path.
pub fn provincial_pack(obj: Option<&Bound<'_, PyAny>>) -> PyResult<Option<ProvincialPack>> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(None);
    };
    let pack_error = |e: khuyencong::support::PackError| error(e.to_string(), e.message_vi());
    let text = match input(obj, "provincial_pack") {
        Ok(Input::Bytes(bytes)) => String::from_utf8(bytes).map_err(|e| {
            error(
                format!("provincial_pack is not UTF-8: {e}"),
                format!("gói quy định của tỉnh không phải UTF-8: {e}"),
            )
        })?,
        Ok(Input::Path(path)) => {
            return ProvincialPack::from_file(&path)
                .map(Some)
                .map_err(pack_error);
        }
        Ok(Input::Parsed(_)) | Err(_) => {
            return Err(PyTypeError::new_err(format!(
                "provincial_pack must be a dict, a str of JSON text, bytes or an os.PathLike to a pack file, not {}",
                obj.get_type().name()?
            )));
        }
    };
    ProvincialPack::from_json(&text)
        .map(Some)
        .map_err(pack_error)
}

/// The findings as a list of dicts.
pub fn findings_to_py<'py>(py: Python<'py>, findings: &[Finding]) -> PyResult<Bound<'py, PyList>> {
    let list = PyList::empty(py);
    for finding in findings {
        let value = serde_json::to_value(finding).map_err(|e| {
            error(
                format!("cannot encode a finding: {e}"),
                format!("không mã hóa được phát hiện: {e}"),
            )
        })?;
        list.append(json_to_py(py, &value)?)?;
    }
    Ok(list)
}

/// Checks every input with the interpreter released; files are read there too.
fn check_all(py: Python<'_>, inputs: Vec<Input>, options: &CheckOptions) -> PyResult<Vec<Checked>> {
    let results: Result<Vec<Checked>, ReadError> = py.detach(|| {
        inputs
            .into_iter()
            .map(|input| {
                Ok(match input {
                    Input::Bytes(bytes) => document::check_bytes(&bytes, options),
                    Input::Path(path) => document::check_bytes(&read(&path)?, options),
                    Input::Parsed(doc) => Checked {
                        kind: Some(doc.kind()),
                        id: Some(doc.id().to_owned()),
                        findings: document::check(&doc, options),
                        document: Some(doc),
                    },
                })
            })
            .collect()
    });
    results.map_err(ReadError::into_py)
}

/// Checks documents; each result is `(kind, id, findings, document)`.
#[pyfunction]
#[pyo3(signature = (docs, *, provincial_pack = None))]
pub fn _check_many<'py>(
    py: Python<'py>,
    docs: &Bound<'py, PyAny>,
    provincial_pack: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyList>> {
    let pack = self::provincial_pack(provincial_pack)?;
    let inputs = inputs(docs, "check_many")?;
    let options = match pack {
        Some(p) => CheckOptions::default().with_provincial_pack(p),
        None => CheckOptions::default(),
    };
    let checked = check_all(py, inputs, &options)?;
    let out = PyList::empty(py);
    for c in checked {
        let document = match c.document {
            Some(inner) => Some(Bound::new(
                py,
                PyDocument {
                    inner,
                    source: None,
                    line: None,
                },
            )?),
            None => None,
        };
        let item = PyTuple::new(
            py,
            [
                c.kind
                    .map(document::DocumentKind::code)
                    .into_pyobject(py)?
                    .into_any(),
                c.id.into_pyobject(py)?.into_any(),
                findings_to_py(py, &c.findings)?.into_any(),
                document.into_pyobject(py)?.into_any(),
            ],
        )?;
        out.append(item)?;
    }
    Ok(out)
}

/// A document read from a file, or why not.
enum Loaded {
    Document(Document, Option<u64>),
    Structure(Option<u64>, Finding),
}

fn is_jsonl(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson"))
}

/// Reads every document of one file: a JSON file holds one, a JSON Lines file one per
/// non-blank line.
fn load_file(path: &Path) -> Result<Vec<Loaded>, ReadError> {
    let bytes = read(path)?;
    let parse = |bytes: &[u8], line: Option<u64>| match document::parse(bytes) {
        Ok(d) => Loaded::Document(d, line),
        Err(f) => Loaded::Structure(line, f),
    };
    if !is_jsonl(path) {
        return Ok(vec![parse(&bytes, None)]);
    }
    let mut out = Vec::new();
    for (number, line) in (1u64..).zip(bytes.split(|b| *b == b'\n')) {
        let line = line.trim_ascii();
        if !line.is_empty() {
            out.push(parse(line, Some(number)));
        }
    }
    Ok(out)
}

/// Reads documents from files (`.json`: one document; `.jsonl` / `.ndjson`: one per line).
#[pyfunction]
pub fn _load(py: Python<'_>, paths: Vec<PathBuf>) -> PyResult<Bound<'_, PyList>> {
    let loaded: Result<Vec<(PathBuf, Vec<Loaded>)>, ReadError> = py.detach(|| {
        paths
            .into_iter()
            .map(|p| load_file(&p).map(|docs| (p, docs)))
            .collect()
    });
    let out = PyList::empty(py);
    for (path, docs) in loaded.map_err(ReadError::into_py)? {
        let source = path.display().to_string();
        for doc in docs {
            match doc {
                Loaded::Document(inner, line) => out.append(Bound::new(
                    py,
                    PyDocument {
                        inner,
                        source: Some(source.clone()),
                        line,
                    },
                )?)?,
                Loaded::Structure(line, finding) => {
                    let place = match line {
                        Some(l) => format!("{source}:{l}"),
                        None => source.clone(),
                    };
                    return Err(validation_error_at(py, &place, &[finding])?);
                }
            }
        }
    }
    Ok(out)
}

/// The totals key of a name (`province`, `period` or `year`, `fund_level`, `source`,
/// `activity`, `kind`).
fn totals_key(obj: &Bound<'_, PyAny>) -> PyResult<TotalsKey> {
    let Ok(name) = obj.cast::<PyString>() else {
        return Err(PyTypeError::new_err(format!(
            "totals keys are str such as \"source\" or \"activity\", not {}",
            obj.get_type().name()?
        )));
    };
    name.to_str()?
        .parse()
        .map_err(|e: String| error_bilingual(&e))
}

/// The figures of a totals row, in the order of [`TotalsRow`].
const ROW_FIELDS: [&str; 10] = [
    "documents",
    "funding_vnd",
    "support_vnd",
    "total_investment_vnd",
    "counterpart_vnd",
    "establishments",
    "exactness",
    "support_share",
    "counterpart_per_support",
    "avg_support_per_establishment_vnd",
];

/// One totals row as a flat dict: the keys first, then the figures; shares are
/// `decimal.Decimal`.
fn row_to_py<'py>(py: Python<'py>, row: &TotalsRow) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    for (key, value) in &row.keys {
        dict.set_item(*key, value.as_deref())?;
    }
    let value = serde_json::to_value(row).map_err(|e| {
        error(
            format!("cannot encode a totals row: {e}"),
            format!("không mã hóa được dòng tổng hợp: {e}"),
        )
    })?;
    let Value::Object(map) = value else {
        return Ok(dict);
    };
    // The figures in the order of `TotalsRow`, then any the core adds later.
    let mut fields: Vec<&String> = Vec::with_capacity(map.len());
    for name in ROW_FIELDS {
        fields.extend(map.get_key_value(name).map(|(k, _)| k));
    }
    fields.extend(map.keys().filter(|k| !ROW_FIELDS.contains(&k.as_str())));
    for field in fields {
        let Some(v) = map.get(field) else { continue };
        if field == "keys" {
            continue;
        }
        let item = match (field.as_str(), v) {
            ("support_share" | "counterpart_per_support", Value::String(s)) => {
                convert::decimal(py, s)?
            }
            _ => json_to_py(py, v)?,
        };
        dict.set_item(field, item)?;
    }
    Ok(dict)
}

/// A document read for totals, or the index of the input and why it could not be read.
type Parsed = Result<Document, (usize, Finding)>;

/// Totals of documents grouped by `by`: a list of flat row dicts.
#[pyfunction]
#[pyo3(signature = (docs, by))]
pub fn _totals<'py>(
    py: Python<'py>,
    docs: &Bound<'py, PyAny>,
    by: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyList>> {
    if by.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "by must be a list of keys such as [\"source\"], not a str",
        ));
    }
    let mut keys = Vec::new();
    for k in by.try_iter()? {
        keys.push(totals_key(&k?)?);
    }
    let inputs = inputs(docs, "totals")?;
    let parsed: Result<Vec<Parsed>, ReadError> = py.detach(|| {
        inputs
            .into_iter()
            .enumerate()
            .map(|(i, input)| {
                Ok(match input {
                    Input::Parsed(d) => Ok(d),
                    Input::Bytes(b) => document::parse(&b).map_err(|f| (i, f)),
                    Input::Path(p) => document::parse(&read(&p)?).map_err(|f| (i, f)),
                })
            })
            .collect()
    });
    let mut documents = Vec::new();
    for doc in parsed.map_err(ReadError::into_py)? {
        match doc {
            Ok(d) => documents.push(d),
            Err((i, finding)) => {
                return Err(validation_error_at(
                    py,
                    &format!("document {i}"),
                    &[finding],
                )?);
            }
        }
    }
    let rows = khuyencong::totals::totals(&documents, &keys)
        .map_err(|e| error(e.to_string(), e.message_vi()))?;
    let out = PyList::empty(py);
    for row in &rows {
        out.append(row_to_py(py, row)?)?;
    }
    Ok(out)
}
