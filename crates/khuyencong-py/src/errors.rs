//! The Python exceptions, defined in `khuyencong/errors.py` and raised from here.
//!
//! Defining them in Python keeps them ordinary, picklable classes with a readable
//! `__init__`; the binding only imports them (on first use) and fills in the messages.

use khuyencong::Finding;
use pyo3::prelude::*;
use pyo3::types::PyList;

use crate::convert::json_to_py;

mod py {
    // `import_exception!` declares a public type without a doc comment of its own.
    #![allow(missing_docs)]
    pyo3::import_exception!(khuyencong.errors, Error);
    pyo3::import_exception!(khuyencong.errors, ValidationError);
}

/// A `khuyencong.Error` with its English and Vietnamese messages.
pub fn error(message_en: impl Into<String>, message_vi: impl Into<String>) -> PyErr {
    py::Error::new_err((message_en.into(), message_vi.into()))
}

/// A `khuyencong.Error` whose text holds both languages joined by ` / `, as the core's
/// [`khuyencong::law::Lang::parse`] writes it.
pub fn error_bilingual(message: &str) -> PyErr {
    match message.split_once(" / ") {
        Some((en, vi)) => error(en, vi),
        None => error(message, message),
    }
}

/// The `khuyencong.ValidationError` for a list of findings: `.findings` holds one dict per
/// finding, in the JSON form of [`Finding`].
pub fn validation_error(py: Python<'_>, findings: &[Finding]) -> PyResult<PyErr> {
    validation_error_at(py, "", findings)
}

/// The `khuyencong.ValidationError` for the findings of one input; `place` (a file, a file
/// and line, `document 3`) starts the message when not empty.
pub fn validation_error_at(py: Python<'_>, place: &str, findings: &[Finding]) -> PyResult<PyErr> {
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
    let (en, vi) = summary(place, findings);
    let instance = py.get_type::<py::ValidationError>().call1((en, vi, list))?;
    Ok(PyErr::from_value(instance))
}

/// How many findings the message of a `ValidationError` lists (all are in `.findings`).
const LISTED: usize = 50;

/// The messages of a `ValidationError`: a first line saying how many problems and where,
/// then one line per problem (`path  code  message`), in each language.
fn summary(place: &str, findings: &[Finding]) -> (String, String) {
    let errors = findings
        .iter()
        .filter(|f| f.severity == khuyencong::Severity::Error)
        .count();
    let (mut en, mut vi) = match (place.is_empty(), errors) {
        (true, 1) => (
            "the document has 1 error:".to_owned(),
            "tài liệu có 1 lỗi:".to_owned(),
        ),
        (true, n) => (
            format!("the document has {n} errors:"),
            format!("tài liệu có {n} lỗi:"),
        ),
        (false, 1) => (
            format!("`{place}` has 1 error:"),
            format!("`{place}` có 1 lỗi:"),
        ),
        (false, n) => (
            format!("`{place}` has {n} errors:"),
            format!("`{place}` có {n} lỗi:"),
        ),
    };
    for f in findings.iter().take(LISTED) {
        let path = if f.path.is_empty() { "/" } else { &f.path };
        en.push_str(&format!("\n  {path}  {}  {}", f.code, f.message_en()));
        vi.push_str(&format!("\n  {path}  {}  {}", f.code, f.message_vi()));
    }
    if findings.len() > LISTED {
        let more = findings.len() - LISTED;
        en.push_str(&format!("\n  … and {more} more (see .findings)"));
        vi.push_str(&format!("\n  … và {more} phát hiện khác (xem .findings)"));
    }
    (en, vi)
}
