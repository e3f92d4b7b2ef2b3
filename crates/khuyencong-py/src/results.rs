//! `khuyencong.CheckResult`: the result of checking one document, built here for a whole
//! batch without running Python code per document.
//!
//! A batch of honest documents carries about one information finding each, which nearly
//! every caller filters out or never reads. So a result keeps the core's findings as they
//! are and converts them to Python dicts when `findings` is first read (then the same list
//! is returned on every read); `ok`, the counts and `repr` are answered from the core's
//! severities without converting anything. Likewise the document read is boxed where it is
//! checked and becomes a `khuyencong.Document` only when `document` is read. What a caller
//! sees is the same either way: a real `list` of the same dicts, equal, picklable, in the
//! same order.
//!
//! A result is not tracked by Python's cyclic garbage collector (an earlier profile spent
//! about 8 % of `check_many` in collections, when every result and the dicts of its
//! findings were tracked); what it holds cannot refer back to it unless a caller puts the
//! result inside its own findings.

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard};

use khuyencong::document::{self, Document};
use khuyencong::law::Citation;
use khuyencong::{Finding, Severity};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::pyclass::CompareOp;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};

use crate::convert::json_to_py;
use crate::documents::{Input, PyDocument};
use crate::errors::error;

/// Each citation converted once (through its JSON form); every finding that cites it gets a
/// copy, so that each finding owns its dict. The law's citations are a small fixed set.
static CITATIONS: PyOnceLock<Mutex<HashMap<Citation, Py<PyDict>>>> = PyOnceLock::new();

/// The findings as a list of dicts: each the keys and values of the finding's JSON form
/// (`serde_json::to_value(finding)`), in the same (sorted) order, with the keys, codes,
/// severities and confidences interned.
pub fn findings_to_py<'py>(py: Python<'py>, findings: &[Finding]) -> PyResult<Bound<'py, PyList>> {
    let items = findings
        .iter()
        .map(|f| finding_to_py(py, f))
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, items)
}

fn citation_to_py(py: Python<'_>, citation: Citation) -> PyResult<Bound<'_, PyDict>> {
    let cache = CITATIONS.get_or_init(py, || Mutex::new(HashMap::new()));
    // The lock is never held while Python objects are made: making one may run the
    // garbage collector, whose finalizers may run any Python code, on any thread.
    let done = lock(cache).get(&citation).map(|d| d.clone_ref(py));
    if let Some(done) = done {
        return done.bind(py).copy();
    }
    let value = serde_json::to_value(citation).map_err(|e| {
        error(
            format!("cannot encode a citation: {e}"),
            format!("không mã hóa được trích dẫn: {e}"),
        )
    })?;
    let dict = json_to_py(py, &value)?.cast_into::<PyDict>()?;
    let copy = dict.copy()?;
    lock(cache).entry(citation).or_insert_with(|| dict.unbind());
    Ok(copy)
}

fn finding_to_py<'py>(py: Python<'py>, finding: &Finding) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    if let Some(citation) = finding.citation {
        dict.set_item(intern!(py, "citation"), citation_to_py(py, citation)?)?;
    }
    if let Some(cell) = &finding.cell {
        dict.set_item(intern!(py, "cell"), cell)?;
    }
    dict.set_item(intern!(py, "code"), PyString::intern(py, &finding.code))?;
    if let Some(confidence) = finding.confidence {
        dict.set_item(
            intern!(py, "confidence"),
            PyString::intern(py, confidence.code()),
        )?;
    }
    if !finding.facts.is_empty() {
        dict.set_item(intern!(py, "facts"), PyList::new(py, &finding.facts)?)?;
    }
    dict.set_item(intern!(py, "message_en"), finding.message_en())?;
    dict.set_item(intern!(py, "message_vi"), finding.message_vi())?;
    let finding_params = finding.params();
    if !finding_params.is_empty() {
        let params = PyDict::new(py);
        for (key, value) in finding_params.iter() {
            params.set_item(PyString::intern(py, key), json_to_py(py, value)?)?;
        }
        dict.set_item(intern!(py, "params"), params)?;
    }
    dict.set_item(intern!(py, "path"), &finding.path)?;
    dict.set_item(
        intern!(py, "severity"),
        severity_to_py(py, finding.severity),
    )?;
    Ok(dict)
}

fn severity_to_py(py: Python<'_>, severity: Severity) -> &Bound<'_, PyString> {
    match severity {
        Severity::Error => intern!(py, "error"),
        Severity::Warning => intern!(py, "warning"),
        Severity::Info => intern!(py, "info"),
    }
}

/// A lock that a panic elsewhere cannot poison for good (the data is always consistent:
/// each state is replaced whole).
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// How many findings of each severity.
#[derive(Clone, Copy, Default)]
struct Counts {
    errors: usize,
    warnings: usize,
    info: usize,
}

impl Counts {
    fn of(findings: &[Finding]) -> Self {
        let mut c = Self::default();
        for f in findings {
            match f.severity {
                Severity::Error => c.errors += 1,
                Severity::Warning => c.warnings += 1,
                Severity::Info => c.info += 1,
            }
        }
        c
    }

    /// As `CheckResult` always counted a list: `f.get("severity")` of each item; anything
    /// that is neither an error nor a warning counts as information.
    fn of_list(findings: &Bound<'_, PyAny>) -> PyResult<Self> {
        let py = findings.py();
        let mut c = Self::default();
        let mut total = 0;
        for f in findings.try_iter()? {
            let severity = f?.call_method1(intern!(py, "get"), (intern!(py, "severity"),))?;
            if severity.eq(intern!(py, "error"))? {
                c.errors += 1;
            } else if severity.eq(intern!(py, "warning"))? {
                c.warnings += 1;
            }
            total += 1;
        }
        c.info = total - c.errors - c.warnings;
        Ok(c)
    }
}

/// The document of a result, until it is read.
pub enum Kept {
    /// A document given as input, checked as it was.
    Document(Box<Document>),
    /// The JSON the document was read from (see `documents::check_all`), read again when
    /// `document` is first asked for.
    Json(Input),
}

/// The document of a result: the core's, until it is read.
enum Doc {
    Core(Kept),
    Py(Py<PyAny>),
}

/// What the core gave for one input, ready to become a [`PyCheckResult`].
pub struct Done {
    pub kind: Option<&'static str>,
    pub id: Option<String>,
    pub findings: Vec<Finding>,
    pub document: Option<Kept>,
    /// The input of a document that could not be read: it may hold a Python object, so it
    /// is dropped here, with the interpreter attached, not where it was checked.
    pub spent: Option<Input>,
}

/// The findings of one document, in the core's deterministic order.
///
/// Made by :func:`khuyencong.check`, :func:`khuyencong.check_many` and
/// :meth:`khuyencong.SheetDocument.check`; ``repr`` is one line (kind, id, counts). Results
/// compare by ``kind``, ``id`` and ``findings``, pickle, and are frozen.
///
/// Attributes
/// ----------
/// kind, id : str or None
///     ``None`` when the input could not be read (its findings then have ``structure.*``
///     codes).
/// findings : list of Finding
///     Each a dict: ``code``, ``severity`` (``error``, ``warning``, ``info``), ``path`` (a
///     JSON Pointer), ``message_vi``, ``message_en`` and, when known, ``citation``,
///     ``confidence``, ``facts`` and ``params`` (see :class:`khuyencong.types.Finding`).
///     Converted from the core's findings when first read; the same list on every read.
/// document : Document or None
///     The document read, if any (read again from its JSON when first asked for).
/// source : str or None
///     The file the document was read from, when it was given as a path.
/// line : int or None
///     Its line in a JSON Lines file (from 1).
/// ok : bool
///     No finding is an error (warnings and information are allowed).
/// error_count, warning_count, info_count : int
///     How many findings of each severity (no finding is converted to count them).
/// file : str or None
///     ``source``, else the document's ``source``.
#[pyclass(frozen, subclass, module = "khuyencong", name = "CheckResult")]
pub struct PyCheckResult {
    kind: Py<PyAny>,
    id: Py<PyAny>,
    /// The core's findings and their counts (empty for a result made in Python).
    core: Vec<Finding>,
    counts: Counts,
    /// The findings as Python gives them: converted from `core` when first read, or given.
    findings: Mutex<Option<Py<PyAny>>>,
    document: Mutex<Doc>,
    source: Py<PyAny>,
    line: Py<PyAny>,
}

impl PyCheckResult {
    /// A result of the core, with where its input came from.
    pub fn from_core(
        py: Python<'_>,
        done: Done,
        source: Py<PyAny>,
        line: Py<PyAny>,
    ) -> PyResult<Bound<'_, Self>> {
        drop(done.spent);
        let counts = Counts::of(&done.findings);
        let kind = match done.kind {
            Some(k) => PyString::intern(py, k).into_any().unbind(),
            None => py.None(),
        };
        let id = match done.id {
            Some(id) => PyString::new(py, &id).into_any().unbind(),
            None => py.None(),
        };
        let document = match done.document {
            Some(d) => Doc::Core(d),
            None => Doc::Py(py.None()),
        };
        Bound::new(
            py,
            Self {
                kind,
                id,
                core: done.findings,
                counts,
                findings: Mutex::new(None),
                document: Mutex::new(document),
                source,
                line,
            },
        )
    }

    /// The counts: the core's until the findings are read, then those of the list (which
    /// its reader may have changed).
    fn counts(&self, py: Python<'_>) -> PyResult<Counts> {
        let list = lock(&self.findings).as_ref().map(|l| l.clone_ref(py));
        match list {
            Some(list) => Counts::of_list(list.bind(py)),
            None => Ok(self.counts),
        }
    }

    fn findings_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        if let Some(list) = lock(&self.findings).as_ref() {
            return Ok(list.bind(py).clone());
        }
        // Converted without the lock held (see `citation_to_py`); if another thread
        // converted them meanwhile, its list is the one kept.
        let list = findings_to_py(py, &self.core)?.into_any();
        let mut kept = lock(&self.findings);
        Ok(kept.get_or_insert_with(|| list.unbind()).bind(py).clone())
    }

    fn document_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        // Held while the `Document` is made: a `Document` is not tracked by the garbage
        // collector, so making it runs no Python code.
        let mut state = lock(&self.document);
        let inner = match &*state {
            Doc::Py(doc) => return Ok(doc.bind(py).clone()),
            Doc::Core(Kept::Json(json)) => match document::parse(json.json().unwrap_or_default()) {
                Ok(d) => Box::new(d),
                // Not reached: the check read this very JSON into a document.
                Err(e) => {
                    return Err(error(
                        format!("the document could not be read again: {e}"),
                        format!("không đọc lại được văn bản: {e}"),
                    ));
                }
            },
            Doc::Core(Kept::Document(_)) => {
                match std::mem::replace(&mut *state, Doc::Py(py.None())) {
                    Doc::Core(Kept::Document(d)) => d,
                    _ => return Ok(py.None().into_bound(py)),
                }
            }
        };
        let doc = Bound::new(py, PyDocument::new(inner, None, None))?.into_any();
        *state = Doc::Py(doc.clone().unbind());
        Ok(doc)
    }

    /// Calls a helper of `khuyencong.results` with the result.
    fn helper<'py>(slf: &Bound<'py, Self>, name: &str) -> PyResult<Bound<'py, PyAny>> {
        slf.py()
            .import(intern!(slf.py(), "khuyencong.results"))?
            .getattr(name)?
            .call1((slf,))
    }
}

#[pymethods]
impl PyCheckResult {
    #[new]
    #[pyo3(signature = (kind, id, findings, document = None, source = None, line = None))]
    fn py_new(
        py: Python<'_>,
        kind: Py<PyAny>,
        id: Py<PyAny>,
        findings: Py<PyAny>,
        document: Option<Py<PyAny>>,
        source: Option<Py<PyAny>>,
        line: Option<Py<PyAny>>,
    ) -> Self {
        Self {
            kind,
            id,
            core: Vec::new(),
            counts: Counts::default(),
            findings: Mutex::new(Some(findings)),
            document: Mutex::new(Doc::Py(document.unwrap_or_else(|| py.None()))),
            source: source.unwrap_or_else(|| py.None()),
            line: line.unwrap_or_else(|| py.None()),
        }
    }

    /// `(kind, id, findings, document, source, line)`, as the fields of a dataclass.
    #[classattr]
    fn __match_args__(py: Python<'_>) -> PyResult<Py<PyTuple>> {
        Ok(PyTuple::new(py, ["kind", "id", "findings", "document", "source", "line"])?.unbind())
    }

    /// Results compare by value (kind, id and findings) and are not hashable.
    #[classattr]
    const __hash__: Option<Py<PyAny>> = None;

    /// The document kind (`scheme`, `plan`, `period_report`, `programme`), or `None` when the
    /// input could not be read (its findings then have `structure.*` codes).
    #[getter]
    fn kind(&self, py: Python<'_>) -> Py<PyAny> {
        self.kind.clone_ref(py)
    }

    /// The document's `id`, or `None` when it could not be read.
    #[getter]
    fn id(&self, py: Python<'_>) -> Py<PyAny> {
        self.id.clone_ref(py)
    }

    /// Every finding, a list of dicts: `code`, `severity` (`error`, `warning`, `info`),
    /// `path` (a JSON Pointer), `message_vi`, `message_en` and, when known, `citation`,
    /// `confidence`, `facts` and `params` (see `khuyencong.types.Finding`). Converted when
    /// first read; the same list on every read.
    #[getter]
    fn findings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.findings_py(py)
    }

    /// The document read, if any (a `khuyencong.Document`).
    #[getter]
    fn document<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.document_py(py)
    }

    /// The file the document was read from, when it was given as a path.
    #[getter]
    fn source(&self, py: Python<'_>) -> Py<PyAny> {
        self.source.clone_ref(py)
    }

    /// Its line in a JSON Lines file (from 1).
    #[getter]
    fn line(&self, py: Python<'_>) -> Py<PyAny> {
        self.line.clone_ref(py)
    }

    /// No finding is an error (warnings and information are allowed).
    #[getter]
    fn ok(&self, py: Python<'_>) -> PyResult<bool> {
        Ok(self.counts(py)?.errors == 0)
    }

    /// How many findings are errors.
    #[getter]
    fn error_count(&self, py: Python<'_>) -> PyResult<usize> {
        Ok(self.counts(py)?.errors)
    }

    /// How many findings are warnings.
    #[getter]
    fn warning_count(&self, py: Python<'_>) -> PyResult<usize> {
        Ok(self.counts(py)?.warnings)
    }

    /// How many findings are information.
    #[getter]
    fn info_count(&self, py: Python<'_>) -> PyResult<usize> {
        Ok(self.counts(py)?.info)
    }

    /// The file the document came from (given as a path, by `khuyencong.load` or from a
    /// spreadsheet), or `None`.
    #[getter]
    fn file<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        if !self.source.is_none(py) {
            return Ok(self.source.bind(py).clone());
        }
        let document = self.document_py(py)?;
        if document.is_none() {
            return Ok(document);
        }
        document.getattr(intern!(py, "source"))
    }

    /// The result's JSON form: `{"kind", "id", "ok", "findings"}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item(intern!(py, "kind"), &self.kind)?;
        dict.set_item(intern!(py, "id"), &self.id)?;
        dict.set_item(intern!(py, "ok"), self.ok(py)?)?;
        let findings = self.findings_py(py)?;
        dict.set_item(
            intern!(py, "findings"),
            PyList::new(py, findings.try_iter()?.collect::<PyResult<Vec<_>>>()?)?,
        )?;
        Ok(dict)
    }

    /// One flat dict per finding, for tables: the document's `kind` and `id`, then
    /// `severity`, `code`, `path`, `message` (in `get_language()`), `message_vi`,
    /// `message_en`, `citation` (rendered) and `confidence`. For a whole batch with file,
    /// cell and fix, use `khuyencong.findings_frame`.
    fn rows<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        Self::helper(slf, "_result_rows")
    }

    /// The findings as a `pandas.DataFrame`, one row per finding (see `rows`).
    fn to_pandas<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        Self::helper(slf, "_result_pandas")
    }

    /// The findings as a `polars.DataFrame`, one row per finding (see `rows`).
    fn to_polars<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        Self::helper(slf, "_result_polars")
    }

    fn _repr_html_<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        Self::helper(slf, "_result_html")
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        let py = slf.py();
        let this = slf.get();
        let c = this.counts(py)?;
        Ok(format!(
            "{}(kind={}, id={}, errors={}, warnings={}, info={})",
            slf.get_type().name()?,
            this.kind.bind(py).repr()?,
            this.id.bind(py).repr()?,
            c.errors,
            c.warnings,
            c.info
        ))
    }

    fn __richcmp__<'py>(
        slf: &Bound<'py, Self>,
        other: &Bound<'py, PyAny>,
        op: CompareOp,
    ) -> PyResult<Py<PyAny>> {
        let py = slf.py();
        if !matches!(op, CompareOp::Eq | CompareOp::Ne) || !other.get_type().is(slf.get_type()) {
            return Ok(py.NotImplemented());
        }
        let other = other.cast::<Self>()?.get();
        let this = slf.get();
        let equal = this.kind.bind(py).eq(&other.kind)?
            && this.id.bind(py).eq(&other.id)?
            && this.findings_py(py)?.eq(other.findings_py(py)?)?;
        Ok((equal == matches!(op, CompareOp::Eq))
            .into_pyobject(py)?
            .to_owned()
            .into_any()
            .unbind())
    }

    /// Pickles as the class and its six fields (a subclass adds its own).
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let this = slf.get();
        let args = PyTuple::new(
            py,
            [
                this.kind.bind(py).clone(),
                this.id.bind(py).clone(),
                this.findings_py(py)?,
                this.document_py(py)?,
                this.source.bind(py).clone(),
                this.line.bind(py).clone(),
            ],
        )?;
        PyTuple::new(py, [slf.get_type().into_any(), args.into_any()])
    }
}
