//! Documents from Python: reading inputs (dicts, JSON text, bytes, paths, parsed
//! [`Document`]s), checking them with the interpreter released, loading files and JSON
//! Lines, and totals. Every decision is the core's (`khuyencong::document`,
//! `khuyencong::input`, `khuyencong::totals`); this module converts and delegates.
//!
//! Batches are checked in chunks, with Python's signal handlers run between chunks, so that
//! Ctrl-C interrupts a long batch within a chunk's time.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use khuyencong::Finding;
use khuyencong::document::{self, CheckOptions, Document};
use khuyencong::input::{JsonLines, Line, MAX_INPUT_BYTES, is_json_lines, read_regular_file};
use khuyencong::support::ProvincialPack;
use khuyencong::totals::{TotalsKey, TotalsRow};
use pyo3::exceptions::{PyFileNotFoundError, PyOSError, PyTypeError};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::pybacked::{PyBackedBytes, PyBackedStr};
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyByteArray, PyBytes, PyDict, PyList, PyString, PyTuple, PyType};
use serde_json::Value;

use crate::convert::{self, json_to_py, to_json_bytes};
use crate::errors::{error, error_bilingual, validation_error_at};
use crate::results::{Done, Kept, PyCheckResult};
use crate::worker;

/// How many inputs are checked between two runs of Python's signal handlers.
const CHUNK: usize = 256;

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
    /// Boxed where it is read, so that results move a pointer, not the document.
    inner: Box<Document>,
    source: Option<String>,
    line: Option<u64>,
}

impl PyDocument {
    /// A document read by the core, with where it came from.
    pub fn new(inner: Box<Document>, source: Option<String>, line: Option<u64>) -> Self {
        Self {
            inner,
            source,
            line,
        }
    }
}

#[pymethods]
impl PyDocument {
    /// The document kind: `scheme`, `plan`, `period_report` or `programme`.
    #[getter]
    fn kind(&self) -> &'static str {
        self.inner.kind().code()
    }

    /// The format version the document was written in (1 or 2); it is held and written as
    /// version 2.
    #[getter]
    fn schema_version_read(&self) -> u64 {
        self.inner.schema_version_read()
    }

    /// The document as version-2 JSON text, indented (what `khuyencong upgrade` writes).
    fn to_json(&self) -> String {
        self.inner.to_json_v2()
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
        .map(|inner| PyDocument::new(Box::new(inner), source, line))
        .map_err(|e| match validation_error_at(py, "", &e.findings) {
            Ok(e) | Err(e) => e,
        })
}

/// One input, ready to be read without the interpreter.
///
/// `bytes` and `str` are not copied: [`PyBackedBytes`] and [`PyBackedStr`] hold a
/// reference to the immutable Python object and read its buffer directly (a `bytearray`,
/// which may change, is copied). They are only read, never dropped, while the interpreter
/// is released: the inputs are borrowed there and dropped afterwards, attached.
pub enum Input {
    /// JSON bytes (`bytes`, or a copy of a `bytearray`).
    Bytes(PyBackedBytes),
    /// JSON text (`str`).
    Text(PyBackedStr),
    /// JSON made from a dict.
    Owned(Vec<u8>),
    /// A file to read.
    Path(PathBuf),
    /// A document already read (a copy); taken (once) by the reader.
    Parsed(Option<Box<Document>>),
}

impl Input {
    /// The JSON bytes of an input that holds them.
    pub fn json(&self) -> Option<&[u8]> {
        match self {
            Self::Bytes(b) => Some(b),
            Self::Text(t) => Some(t.as_bytes()),
            Self::Owned(b) => Some(b),
            Self::Path(_) | Self::Parsed(_) => None,
        }
    }
}

/// A failure to read an input's file.
struct ReadError(khuyencong::input::FileError);

impl ReadError {
    fn into_py(self) -> PyErr {
        let message = self.0.to_string();
        if self.0.kind == std::io::ErrorKind::NotFound {
            PyFileNotFoundError::new_err(message)
        } else {
            PyOSError::new_err(message)
        }
    }
}

/// Reads a document file: a regular file only (a FIFO or a device could block for ever with
/// the interpreter released), at most the library's limit + 1 byte.
fn read(path: &Path) -> Result<Vec<u8>, ReadError> {
    read_regular_file(path, MAX_INPUT_BYTES).map_err(ReadError)
}

/// Reads one Python document input; `what` names it in messages.
fn input(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<Input> {
    let py = obj.py();
    if let Ok(bytes) = obj.cast::<PyBytes>() {
        return Ok(Input::Bytes(bytes.clone().into()));
    }
    if let Ok(doc) = obj.cast::<PyDocument>() {
        return Ok(Input::Parsed(Some(doc.get().inner.clone())));
    }
    if let Ok(dict) = obj.cast::<PyDict>() {
        return Ok(Input::Owned(to_json_bytes(dict.as_any())?));
    }
    if let Ok(text) = obj.cast::<PyString>() {
        return Ok(Input::Text(PyBackedStr::try_from(text.clone())?));
    }
    if let Ok(bytes) = obj.cast::<PyByteArray>() {
        return Ok(Input::Bytes(bytes.clone().into()));
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
        if i % CHUNK == CHUNK - 1 {
            docs.py().check_signals()?;
        }
    }
    Ok(out)
}

/// Reads a provincial rule pack: the name of a shipped pack (`"dong-thap-2024"`), a dict, a
/// str of JSON text, bytes or a path (read with the library's bound; a regular file only).
pub fn provincial_pack(obj: Option<&Bound<'_, PyAny>>) -> PyResult<Option<ProvincialPack>> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(None);
    };
    let pack_error = |e: khuyencong::support::PackError| error(e.to_string(), e.message_vi());
    let pack = match input(obj, "provincial_pack") {
        // A str that is not a JSON object names a shipped pack.
        Ok(Input::Text(text)) if !text.trim_start().starts_with('{') => {
            return ProvincialPack::shipped(text.trim())
                .map(Some)
                .map_err(pack_error);
        }
        Ok(Input::Text(text)) => ProvincialPack::from_json(&text),
        Ok(Input::Bytes(bytes)) => ProvincialPack::from_bytes(&bytes),
        Ok(Input::Owned(bytes)) => ProvincialPack::from_bytes(&bytes),
        Ok(Input::Path(path)) => {
            let bytes = read_regular_file(&path, khuyencong::support::MAX_PACK_BYTES)
                .map_err(|e| ReadError(e).into_py())?;
            ProvincialPack::from_bytes(&bytes)
        }
        Ok(Input::Parsed(_)) | Err(_) => {
            return Err(PyTypeError::new_err(format!(
                "provincial_pack must be the name of a shipped pack (see khuyencong.packs()), a dict, a str of JSON text, bytes or an os.PathLike to a pack file, not {}",
                obj.get_type().name()?
            )));
        }
    };
    pack.map(Some).map_err(pack_error)
}

/// Reads or checks every input with the interpreter released (files are read there too),
/// on a stack of known size ([`worker::run`]), in chunks with Python's signal handlers run
/// between them; stops at the first file that cannot be read.
fn detached<T: Send + 'static>(
    py: Python<'_>,
    inputs: Vec<Input>,
    f: impl Fn(usize, Result<&[u8], Box<Document>>) -> T + Send + Sync + 'static,
) -> PyResult<Vec<T>> {
    let f = Arc::new(f);
    let mut out = Vec::with_capacity(inputs.len());
    let mut rest = inputs.into_iter();
    let mut start = 0;
    loop {
        let chunk: Vec<Input> = rest.by_ref().take(CHUNK).collect();
        if chunk.is_empty() {
            return Ok(out);
        }
        let f = Arc::clone(&f);
        let (chunk, results) = worker::run(py, move || {
            let mut chunk = chunk;
            let mut results = Vec::with_capacity(chunk.len());
            for (n, input) in chunk.iter_mut().enumerate() {
                let i = start + n;
                results.push(match input {
                    Input::Path(path) => match read(path) {
                        Ok(bytes) => f(i, Ok(&bytes)),
                        Err(e) => return (chunk, Err(e)),
                    },
                    Input::Parsed(doc) => match doc.take() {
                        Some(doc) => f(i, Err(doc)),
                        // Each input is read once; an empty slot cannot occur.
                        None => f(i, Ok(&[])),
                    },
                    other => f(i, Ok(other.json().unwrap_or_default())),
                });
            }
            (chunk, Ok(results))
        })?;
        // The inputs hold references to Python objects: dropped here, attached.
        drop(chunk);
        out.extend(results.map_err(ReadError::into_py)?);
        start += CHUNK;
        py.check_signals()?;
    }
}

/// Checks every input with the interpreter released, in chunks with Python's signal
/// handlers run between them; stops at the first file that cannot be read.
///
/// A document read from JSON is dropped as soon as it is checked, with the interpreter
/// released, and its result keeps the JSON instead (the input itself, not a copy), from
/// which `CheckResult.document` reads it again if it is ever asked for: a batch's memory
/// then stays the size of one document, which the allocator reuses, rather than growing
/// with every document held. A `Document` given as input is kept as it is.
fn check_all(py: Python<'_>, inputs: Vec<Input>, options: CheckOptions) -> PyResult<Vec<Done>> {
    let options = Arc::new(options);
    let mut out = Vec::with_capacity(inputs.len());
    let mut rest = inputs.into_iter();
    loop {
        let chunk: Vec<Input> = rest.by_ref().take(CHUNK).collect();
        if chunk.is_empty() {
            return Ok(out);
        }
        let options = Arc::clone(&options);
        let (done, failed) = worker::run(py, move || {
            let mut done = Vec::with_capacity(chunk.len());
            let mut chunk = chunk.into_iter();
            while let Some(input) = chunk.next() {
                match check_one(input, &options) {
                    Ok(d) => done.push(d),
                    Err(e) => return (done, Some((e, chunk.collect::<Vec<_>>()))),
                }
            }
            (done, None)
        })?;
        // The results and inputs hold references to Python objects: dropped here, attached.
        out.extend(done);
        if let Some((e, unread)) = failed {
            drop(unread);
            return Err(e.into_py());
        }
        py.check_signals()?;
    }
}

/// Checks one input (reading its file, if it is a path).
fn check_one(input: Input, options: &CheckOptions) -> Result<Done, ReadError> {
    let (checked, json) = match input {
        Input::Path(path) => {
            let bytes = read(&path)?;
            (document::check_bytes(&bytes, options), Input::Owned(bytes))
        }
        Input::Parsed(Some(doc)) => {
            let checked = document::check_document(*doc, options);
            return Ok(Done {
                kind: checked.kind.map(document::DocumentKind::code),
                id: checked.id,
                findings: checked.findings,
                document: checked.document.map(|d| Kept::Document(Box::new(d))),
                spent: None,
            });
        }
        // Each input is read once; an empty slot cannot occur.
        Input::Parsed(None) => (
            document::check_bytes(&[], options),
            Input::Owned(Vec::new()),
        ),
        other => (
            document::check_bytes(other.json().unwrap_or_default(), options),
            other,
        ),
    };
    // `check_bytes` gives a document exactly when `document::parse` reads one.
    let (document, spent) = match checked.document {
        Some(_) => (Some(Kept::Json(json)), None),
        None => (None, Some(json)),
    };
    Ok(Done {
        kind: checked.kind.map(document::DocumentKind::code),
        id: checked.id,
        findings: checked.findings,
        document,
        spent,
    })
}

fn check_options(provincial_pack: Option<&Bound<'_, PyAny>>) -> PyResult<CheckOptions> {
    Ok(match self::provincial_pack(provincial_pack)? {
        Some(p) => CheckOptions::default().with_provincial_pack(p),
        None => CheckOptions::default(),
    })
}

/// Checks documents: one `khuyencong.CheckResult` each; `places`, when given, holds the
/// `(source, line)` of each input.
#[pyfunction]
#[pyo3(signature = (docs, *, provincial_pack = None, places = None))]
pub fn _check_many<'py>(
    py: Python<'py>,
    docs: &Bound<'py, PyAny>,
    provincial_pack: Option<&Bound<'py, PyAny>>,
    places: Option<&Bound<'py, PyList>>,
) -> PyResult<Bound<'py, PyList>> {
    let options = check_options(provincial_pack)?;
    let inputs = inputs(docs, "check_many")?;
    let n = inputs.len();
    let done = check_all(py, inputs, options)?;
    let mut out = Vec::with_capacity(n);
    for (i, d) in done.into_iter().enumerate() {
        let (source, line) = match places {
            Some(p) => {
                let place = p.get_item(i)?;
                (place.get_item(0)?.unbind(), place.get_item(1)?.unbind())
            }
            None => (py.None(), py.None()),
        };
        out.push(PyCheckResult::from_core(py, d, source, line)?);
    }
    PyList::new(py, out)
}

/// Checks a list (or tuple) of plain inputs — `bytes`, `bytearray`, `dict`,
/// `khuyencong.Document` and `str` of a JSON object or array — in one call: one
/// `khuyencong.CheckResult` each, a document's `source` and `line` kept. `None` when an
/// item is anything else (a path, another mapping, a `str` that may be a file name), for
/// the general path to handle.
#[pyfunction]
#[pyo3(signature = (docs, *, provincial_pack = None))]
pub fn _check_plain<'py>(
    py: Python<'py>,
    docs: &Bound<'py, PyAny>,
    provincial_pack: Option<&Bound<'py, PyAny>>,
) -> PyResult<Option<Bound<'py, PyList>>> {
    let items: Vec<Bound<'py, PyAny>> = if let Ok(list) = docs.cast::<PyList>() {
        list.iter().collect()
    } else if let Ok(tuple) = docs.cast::<PyTuple>() {
        tuple.iter().collect()
    } else {
        return Ok(None);
    };
    let mut inputs = Vec::with_capacity(items.len());
    let mut places: Vec<Option<(Option<String>, Option<u64>)>> = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let plain = if item.is_exact_instance_of::<PyBytes>() {
            Some((Input::Bytes(item.cast::<PyBytes>()?.clone().into()), None))
        } else if item.is_exact_instance_of::<PyDict>() {
            Some((Input::Owned(to_json_bytes(item)?), None))
        } else if let Ok(doc) = item.cast_exact::<PyDocument>() {
            let doc = doc.get();
            Some((
                Input::Parsed(Some(doc.inner.clone())),
                Some((doc.source.clone(), doc.line)),
            ))
        } else if let Ok(text) = item.cast_exact::<PyString>() {
            let text = PyBackedStr::try_from(text.clone())?;
            // Only JSON objects and arrays: any other str may be a file name, which the
            // general path refuses with a clear error.
            match text.trim_start().as_bytes().first() {
                Some(b'{' | b'[') => Some((Input::Text(text), None)),
                _ => None,
            }
        } else if item.is_exact_instance_of::<PyByteArray>() {
            Some((
                Input::Bytes(item.cast::<PyByteArray>()?.clone().into()),
                None,
            ))
        } else {
            None
        };
        let Some((input, place)) = plain else {
            return Ok(None);
        };
        inputs.push(input);
        places.push(place);
        if i % CHUNK == CHUNK - 1 {
            py.check_signals()?;
        }
    }
    // The items are no longer needed: the inputs hold what they must.
    drop(items);
    let options = check_options(provincial_pack)?;
    let done = check_all(py, inputs, options)?;
    let mut out = Vec::with_capacity(done.len());
    for (d, place) in done.into_iter().zip(places) {
        let (source, line) = match place {
            Some((source, line)) => (
                source.into_pyobject(py)?.into_any().unbind(),
                line.into_pyobject(py)?.into_any().unbind(),
            ),
            None => (py.None(), py.None()),
        };
        out.push(PyCheckResult::from_core(py, d, source, line)?);
    }
    PyList::new(py, out).map(Some)
}

/// A document read from a file, or why not.
enum Loaded {
    Document(Document, Option<u64>),
    Structure(Option<u64>, Vec<Finding>),
}

/// Reads every document of one file: a JSON file holds one, a JSON Lines file one per
/// non-blank line (streamed, each line read up to the library's limit).
fn load_file(path: &Path) -> Result<Vec<Loaded>, ReadError> {
    let parse = |bytes: &[u8], line: Option<u64>| match document::parse(bytes) {
        Ok(d) => Loaded::Document(d, line),
        Err(e) => Loaded::Structure(line, e.findings),
    };
    if !is_json_lines(path) {
        return Ok(vec![parse(&read(path)?, None)]);
    }
    let file = khuyencong::input::open_regular_file(path).map_err(ReadError)?;
    let mut lines = JsonLines::new(std::io::BufReader::new(file), MAX_INPUT_BYTES);
    let mut out = Vec::new();
    loop {
        match lines.next_line() {
            Ok(Some(Line::Text { number, bytes })) => out.push(parse(bytes, Some(number))),
            Ok(Some(Line::Overlong { number, .. })) => out.push(Loaded::Structure(
                Some(number),
                document::check_line(
                    Line::Overlong { number, length: 0 },
                    &CheckOptions::default(),
                )
                .findings
                .into_iter()
                .filter(|f| f.severity == khuyencong::Severity::Error)
                .collect(),
            )),
            Ok(Some(_)) => {}
            Ok(None) => return Ok(out),
            Err(e) => return Err(ReadError(khuyencong::input::FileError::from_io(path, &e))),
        }
    }
}

/// Reads documents from files (`.json`: one document; `.jsonl` / `.ndjson`: one per line).
#[pyfunction]
pub fn _load(py: Python<'_>, paths: Vec<PathBuf>) -> PyResult<Bound<'_, PyList>> {
    let mut loaded = Vec::with_capacity(paths.len());
    for path in paths {
        let (path, docs) = worker::run(py, move || {
            let docs = load_file(&path);
            (path, docs)
        })?;
        loaded.push((path, docs.map_err(ReadError::into_py)?));
        py.check_signals()?;
    }
    let out = PyList::empty(py);
    for (path, docs) in loaded {
        let source = path.display().to_string();
        for doc in docs {
            match doc {
                Loaded::Document(inner, line) => out.append(Bound::new(
                    py,
                    PyDocument::new(Box::new(inner), Some(source.clone()), line),
                )?)?,
                Loaded::Structure(line, findings) => {
                    let place = match line {
                        Some(l) => format!("{source}:{l}"),
                        None => source.clone(),
                    };
                    return Err(validation_error_at(py, &place, &findings)?);
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
const ROW_FIELDS: &[&str] = &TotalsRow::FIGURES;

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
        fields.extend(map.get_key_value(*name).map(|(k, _)| k));
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
type Parsed = Result<Document, (usize, Vec<Finding>)>;

/// Totals of documents grouped by `by`: a list of flat row dicts, one dict per document
/// (`index`, `id`, `kind`, `errors`), and the notes on how the keys were read (a list of
/// dicts).
#[pyfunction]
#[pyo3(signature = (docs, by))]
pub fn _totals<'py>(
    py: Python<'py>,
    docs: &Bound<'py, PyAny>,
    by: &Bound<'py, PyAny>,
) -> PyResult<(Bound<'py, PyList>, Bound<'py, PyList>, Bound<'py, PyList>)> {
    if by.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "by must be a list of keys such as [\"source\"], not a str",
        ));
    }
    let mut keys = Vec::new();
    for k in by.try_iter()? {
        keys.push(totals_key(&k?)?);
    }
    let documents = read_documents(py, docs, "totals")?;
    let report = khuyencong::totals::totals_report(&documents, &keys)
        .map_err(|e| error(e.to_string(), e.message_vi()))?;
    let rows = PyList::empty(py);
    for row in &report.rows {
        rows.append(row_to_py(py, row)?)?;
    }
    let listed = PyList::empty(py);
    for d in &report.documents {
        let dict = PyDict::new(py);
        dict.set_item(intern!(py, "index"), d.index)?;
        dict.set_item(intern!(py, "id"), &d.id)?;
        dict.set_item(intern!(py, "kind"), d.kind.code())?;
        dict.set_item(intern!(py, "errors"), d.errors)?;
        listed.append(dict)?;
    }
    let notes = PyList::empty(py);
    for n in &report.notes {
        let d = PyDict::new(py);
        d.set_item(intern!(py, "document"), n.document)?;
        d.set_item(intern!(py, "key"), n.key)?;
        d.set_item(intern!(py, "code"), n.code)?;
        d.set_item(intern!(py, "text"), &n.text)?;
        d.set_item(intern!(py, "value"), &n.value)?;
        d.set_item(intern!(py, "message_vi"), &n.message_vi)?;
        d.set_item(intern!(py, "message_en"), &n.message_en)?;
        notes.append(d)?;
    }
    Ok((rows, listed, notes))
}

/// Reads documents for totals or progress with the interpreter released; the first that
/// cannot be read raises `ValidationError`.
fn read_documents(
    py: Python<'_>,
    docs: &Bound<'_, PyAny>,
    function: &str,
) -> PyResult<Vec<Document>> {
    let inputs = inputs(docs, function)?;
    let parsed: Vec<Parsed> = detached(py, inputs, |i, input| match input {
        Ok(bytes) => document::parse(bytes).map_err(|e| (i, e.findings)),
        Err(doc) => Ok(*doc),
    })?;
    let mut documents = Vec::with_capacity(parsed.len());
    for doc in parsed {
        match doc {
            Ok(d) => documents.push(d),
            Err((i, findings)) => {
                return Err(validation_error_at(
                    py,
                    &format!("document {i}"),
                    &findings,
                )?);
            }
        }
    }
    Ok(documents)
}

/// Programme targets against results: a list of row dicts (shares as `decimal.Decimal`) and
/// a list of note dicts.
#[pyfunction]
pub fn _progress<'py>(
    py: Python<'py>,
    docs: &Bound<'py, PyAny>,
) -> PyResult<(Bound<'py, PyList>, Bound<'py, PyList>)> {
    let documents = read_documents(py, docs, "progress")?;
    let report = py.detach(|| khuyencong::totals::progress(&documents));
    let encode = |e: serde_json::Error| {
        error(
            format!("cannot encode a progress row: {e}"),
            format!("không mã hóa được dòng so sánh chỉ tiêu: {e}"),
        )
    };
    let rows = PyList::empty(py);
    for row in &report.rows {
        let Value::Object(map) = serde_json::to_value(row).map_err(encode)? else {
            continue;
        };
        let dict = PyDict::new(py);
        for field in khuyencong::totals::ProgressRow::FIELDS {
            let Some(v) = map.get(field) else { continue };
            let item = match (field, v) {
                ("share", Value::String(s)) => convert::decimal(py, s)?,
                _ => json_to_py(py, v)?,
            };
            dict.set_item(field, item)?;
        }
        rows.append(dict)?;
    }
    let notes = PyList::empty(py);
    for note in &report.notes {
        notes.append(json_to_py(
            py,
            &serde_json::to_value(note).map_err(encode)?,
        )?)?;
    }
    Ok((rows, notes))
}

/// One document as version-2 JSON text; a document that cannot be read raises
/// `ValidationError`.
#[pyfunction]
pub fn _upgrade(py: Python<'_>, doc: &Bound<'_, PyAny>) -> PyResult<String> {
    let list = PyList::new(py, [doc])?;
    let documents = read_documents(py, list.as_any(), "upgrade")?;
    Ok(documents
        .first()
        .map(Document::to_json_v2)
        .unwrap_or_default())
}
