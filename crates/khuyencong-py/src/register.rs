//! The register from Python: `khuyencong.register.Register` wraps this class. Every decision
//! is `khuyencong-register`'s (and the core's); this module converts and releases the
//! interpreter while the database works.

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

use khuyencong_register::{
    MoneyKey, ProvinceEra, Register, RegisterError, StateRecord, Submission, Table, Value,
};
use pyo3::exceptions::{PyOSError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyDict, PyList, PyString};

use crate::convert::{self, py_to_json};
use crate::errors::error;

/// A question's answer: its column names and its rows (dicts).
type Answer = (Py<PyList>, Py<PyList>);

fn err(e: &RegisterError) -> PyErr {
    error(e.to_string(), e.message_vi())
}

/// A register (SQLite file or PostgreSQL database), open.
#[pyclass(frozen, module = "khuyencong._khuyencong", name = "_Register")]
pub struct PyRegister {
    inner: Mutex<Register>,
}

impl PyRegister {
    fn lock(&self) -> MutexGuard<'_, Register> {
        // A panic while the lock was held cannot leave the database half-written (every
        // write is one transaction), so the register stays usable.
        self.inner
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn ask(
        &self,
        py: Python<'_>,
        f: impl FnOnce(&mut Register) -> Result<Table, RegisterError> + Send,
    ) -> PyResult<Answer> {
        let table = py.detach(|| f(&mut self.lock())).map_err(|e| err(&e))?;
        Ok((columns(py, &table), rows(py, &table)?))
    }
}

fn value<'py>(py: Python<'py>, v: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match v {
        Value::Null => py.None().into_bound(py),
        Value::Int(i) => i.into_pyobject(py)?.into_any(),
        Value::Text(s) => PyString::new(py, s).into_any(),
        Value::Bytes(b) => PyBytes::new(py, b).into_any(),
    })
}

/// The rows of a table as dicts, keys in column order.
fn rows(py: Python<'_>, table: &Table) -> PyResult<Py<PyList>> {
    let keys: Vec<Bound<'_, PyString>> = table
        .columns
        .iter()
        .map(|c| PyString::intern(py, c))
        .collect();
    let list = PyList::empty(py);
    for r in &table.rows {
        let d = PyDict::new(py);
        for (k, v) in keys.iter().zip(r) {
            d.set_item(k, value(py, v)?)?;
        }
        list.append(d)?;
    }
    Ok(list.unbind())
}

fn columns(py: Python<'_>, table: &Table) -> Py<PyList> {
    PyList::new(py, &table.columns).map_or_else(|_| PyList::empty(py).unbind(), Bound::unbind)
}

// Arguments from Python arrive owned.
#[allow(clippy::needless_pass_by_value)]
#[pymethods]
impl PyRegister {
    /// Creates a register (or brings an existing one up to date) and opens it.
    #[staticmethod]
    fn create(py: Python<'_>, target: String) -> PyResult<Self> {
        let r = py
            .detach(|| Register::create(&target))
            .map_err(|e| err(&e))?;
        Ok(Self {
            inner: Mutex::new(r),
        })
    }

    /// Opens an existing register.
    #[staticmethod]
    fn open(py: Python<'_>, target: String) -> PyResult<Self> {
        let r = py.detach(|| Register::open(&target)).map_err(|e| err(&e))?;
        Ok(Self {
            inner: Mutex::new(r),
        })
    }

    /// Brings a register's schema up to date: `(before, after)`.
    #[staticmethod]
    fn migrate(py: Python<'_>, target: String) -> PyResult<(i64, i64)> {
        py.detach(|| Register::migrate(&target))
            .map_err(|e| err(&e))
    }

    /// Reads an export (a JSON Lines file) into a new register: `(register, rows)`.
    #[staticmethod]
    fn import_export(py: Python<'_>, target: String, path: PathBuf) -> PyResult<(Self, u64)> {
        let file = std::fs::File::open(&path)
            .map_err(|e| PyOSError::new_err(format!("cannot read `{}`: {e}", path.display())))?;
        let (r, n) = py
            .detach(|| Register::import(&target, &mut std::io::BufReader::new(file)))
            .map_err(|e| err(&e))?;
        Ok((
            Self {
                inner: Mutex::new(r),
            },
            n,
        ))
    }

    /// `sqlite` or `postgresql`.
    #[getter]
    fn dialect(&self) -> &'static str {
        match self.lock().dialect() {
            khuyencong_register::Dialect::Sqlite => "sqlite",
            khuyencong_register::Dialect::Postgres => "postgresql",
        }
    }

    /// The schema version.
    fn schema_version(&self, py: Python<'_>) -> PyResult<i64> {
        py.detach(|| self.lock().schema_version())
            .map_err(|e| err(&e))
    }

    /// Checks and stores documents given as `(source, line, data)`, `data` being `bytes`
    /// (exactly as read) or a `dict` (stored as its JSON); one transaction. Returns the
    /// outcomes as dicts.
    fn add(&self, py: Python<'_>, documents: &Bound<'_, PyAny>) -> PyResult<Py<PyList>> {
        let mut owned: Vec<(String, Option<u64>, Vec<u8>)> = Vec::new();
        for item in documents.try_iter()? {
            let item = item?;
            let (source, line, data): (String, Option<u64>, Bound<'_, PyAny>) = item.extract()?;
            let bytes = if let Ok(b) = data.cast::<PyBytes>() {
                b.as_bytes().to_vec()
            } else if let Ok(b) = data.cast::<PyByteArray>() {
                b.to_vec()
            } else if data.is_instance_of::<PyDict>() {
                let value = py_to_json(&data, &mut String::new(), 0)?;
                serde_json::to_vec_pretty(&value).map_err(|e| {
                    error(
                        format!("cannot encode `{source}` as JSON: {e}"),
                        format!("không mã hóa được `{source}` thành JSON: {e}"),
                    )
                })?
            } else {
                return Err(PyTypeError::new_err(format!(
                    "a document to add must be bytes or a dict, not {}",
                    data.get_type().name()?
                )));
            };
            owned.push((source, line, bytes));
        }
        let added = py
            .detach(|| {
                let subs: Vec<Submission<'_>> = owned
                    .iter()
                    .map(|(source, line, bytes)| Submission {
                        source,
                        line: *line,
                        bytes,
                    })
                    .collect();
                self.lock().add(&subs, &mut |_, _| {})
            })
            .map_err(|e| err(&e))?;
        let list = PyList::empty(py);
        for a in &added {
            let d = PyDict::new(py);
            d.set_item("source", &a.source)?;
            d.set_item("line", a.line)?;
            d.set_item("kind", a.kind)?;
            d.set_item("doc_id", a.doc_id.as_deref())?;
            d.set_item("version", a.version)?;
            d.set_item("status", a.status.code())?;
            d.set_item("supersedes", a.supersedes)?;
            d.set_item("errors", a.errors)?;
            d.set_item("warnings", a.warnings)?;
            d.set_item("infos", a.infos)?;
            list.append(d)?;
        }
        Ok(list.unbind())
    }

    /// Records a state of a scheme.
    #[pyo3(signature = (scheme_id, state, on_date, source, note = None))]
    fn record_state(
        &self,
        py: Python<'_>,
        scheme_id: String,
        state: String,
        on_date: &Bound<'_, PyAny>,
        source: String,
        note: Option<String>,
    ) -> PyResult<()> {
        let on_date = convert::date(on_date, "on_date")?;
        let record = StateRecord {
            scheme_id,
            state,
            on_date,
            source,
            note,
        };
        py.detach(|| self.lock().record_state(&record))
            .map_err(|e| err(&e))
    }

    /// Every version of every document.
    fn documents(&self, py: Python<'_>) -> PyResult<Answer> {
        self.ask(py, Register::documents)
    }

    /// Every scheme with its plans, reports and latest state.
    fn schemes(&self, py: Python<'_>) -> PyResult<Answer> {
        self.ask(py, Register::schemes)
    }

    /// Progress against targets.
    fn progress(&self, py: Python<'_>) -> PyResult<Answer> {
        self.ask(py, Register::progress)
    }

    /// Programmes' targets against the reports on them (the core's progress).
    fn programme_progress(&self, py: Python<'_>) -> PyResult<Answer> {
        self.ask(py, Register::programme_progress)
    }

    /// Schemes approved and never reported.
    fn unreported(&self, py: Python<'_>) -> PyResult<Answer> {
        self.ask(py, Register::unreported)
    }

    /// Money by the keys, by the province of the time (`time`) or of today (`now`).
    fn money(&self, py: Python<'_>, by: Vec<String>, province: &str) -> PyResult<Answer> {
        let keys = by
            .iter()
            .map(|k| k.parse::<MoneyKey>())
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| err(&e))?;
        let era = match province {
            "time" => ProvinceEra::Time,
            "now" => ProvinceEra::Now,
            other => {
                return Err(error(
                    format!("province must be \"time\" or \"now\", not {other:?}"),
                    format!("province là \"time\" hoặc \"now\", không phải {other:?}"),
                ));
            }
        };
        self.ask(py, |r| r.money(&keys, era))
    }

    /// Schemes per beneficiary.
    fn beneficiaries(&self, py: Python<'_>, all: bool) -> PyResult<Answer> {
        self.ask(py, |r| r.beneficiaries(all))
    }

    /// Every document checked again; what changed.
    fn recheck(&self, py: Python<'_>, dry_run: bool) -> PyResult<Answer> {
        self.ask(py, |r| r.recheck(dry_run))
    }

    /// One read-only SQL query: `(columns, rows)`, every value as text or `None`.
    fn sql(&self, py: Python<'_>, query: String) -> PyResult<(Py<PyList>, Py<PyList>)> {
        let table = py.detach(|| self.lock().sql(&query)).map_err(|e| err(&e))?;
        Ok((columns(py, &table), rows(py, &table)?))
    }

    /// Writes the register as JSON Lines to `path`; returns the number of rows.
    fn export(&self, py: Python<'_>, path: PathBuf) -> PyResult<u64> {
        let file = std::fs::File::create(&path)
            .map_err(|e| PyOSError::new_err(format!("cannot write `{}`: {e}", path.display())))?;
        py.detach(|| {
            let mut out = std::io::BufWriter::new(file);
            self.lock().export(&mut out)
        })
        .map_err(|e| err(&e))
    }

    fn __repr__(&self) -> String {
        format!("Register({:?})", self.lock().target())
    }
}
