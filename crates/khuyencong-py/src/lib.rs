//! Python bindings of `khuyencong`: the native module `khuyencong._khuyencong`.
//!
//! This crate converts between Python objects and the core's types and turns the core's
//! errors into Python exceptions; every rule of the law lives in the `khuyencong` crate.
//! The Python package (`python/khuyencong`) re-exports what is public here and defines
//! the exceptions (`khuyencong.errors`).
//!
//! Conventions of the Python face:
//!
//! - dates are `datetime.date` or ISO strings `YYYY-MM-DD`; results hold ISO strings;
//! - amounts are `int` đồng (a `decimal.Decimal` with no fraction is accepted); shares
//!   are `decimal.Decimal`; a `float` is never accepted for either (`TypeError`);
//! - a value the law or the core rejects raises `khuyencong.Error` (a `ValueError`) with
//!   `message_en` and `message_vi`; a value of the wrong type raises `TypeError`.

#![forbid(unsafe_code)]

mod cli;
mod convert;
mod documents;
mod errors;
mod register;
mod results;
mod rules;
mod sheets;
mod worker;

use khuyencong::Finding;
use khuyencong::law::{Citation, Lang, Regime};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyInt};
use serde::Deserialize;
use serde_json::Value;

use crate::convert::{json_to_py, py_to_json};
use crate::errors::error;

/// The provincial rule packs shipped with the library, as a list of dicts (see
/// `khuyencong::support::shipped_packs`): `name`, `province`, `province_code`,
/// `instrument_vi`, `instrument_en`, `effective_from`, `effective_until` (ISO dates or
/// `None`), `confidence`, `rules`, `example`.
#[pyfunction]
fn packs(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    let list =
        khuyencong::support::shipped_packs().map_err(|e| error(e.to_string(), e.message_vi()))?;
    let value = serde_json::to_value(&list).map_err(|e| {
        error(
            format!("cannot encode the packs: {e}"),
            format!("không mã hóa được danh sách gói quy định: {e}"),
        )
    })?;
    json_to_py(py, &value)
}

/// The catalogue of instruments and codelists valid on `as_of`, as a `dict` of lists
/// (see `khuyencong::catalog`). Every item gets a `label` in `lang` beside `label_vi`
/// and `label_en`.
#[pyfunction]
#[pyo3(signature = (as_of, lang = "vi"))]
fn catalog<'py>(
    py: Python<'py>,
    as_of: &Bound<'py, PyAny>,
    lang: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let date = convert::date(as_of, "as_of")?;
    let lang = convert::lang(lang)?;
    let catalog = khuyencong::catalog(date).map_err(|e| error(e.to_string(), e.message_vi()))?;
    let mut value = serde_json::to_value(&catalog).map_err(|e| {
        error(
            format!("cannot encode the catalogue: {e}"),
            format!("không mã hóa được danh mục: {e}"),
        )
    })?;
    let label_key = match lang {
        Lang::Vi => "label_vi",
        Lang::En => "label_en",
    };
    for name in khuyencong::catalog::LISTS {
        if let Some(Value::Array(items)) = value.get_mut(name) {
            for item in items.iter_mut().filter_map(Value::as_object_mut) {
                if let Some(label) = item.get(label_key).cloned() {
                    item.insert("label".to_owned(), label);
                }
            }
        }
    }
    json_to_py(py, &value)
}

/// The code of the regime of Decree 45/2012/NĐ-CP in force on `date` (`regime_2012`,
/// `regime_2025`).
#[pyfunction]
fn regime_at(date: &Bound<'_, PyAny>) -> PyResult<&'static str> {
    let date = convert::date(date, "date")?;
    Regime::at(date)
        .map(Regime::code)
        .map_err(|e| error(e.to_string(), e.message_vi()))
}

/// Parses a citation written in Vietnamese ("điểm đ khoản 1 Điều 4 Nghị định số
/// 45/2012/NĐ-CP") or English ("Decree 45/2012/ND-CP, Art. 4(1)(dd)") into its compact
/// `dict` form: `instrument`, and `article`, `clause`, `point` when present.
#[pyfunction]
fn parse_citation<'py>(py: Python<'py>, text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let Ok(text) = text.extract::<&str>() else {
        return Err(PyTypeError::new_err(format!(
            "text must be a str such as \"khoản 1 Điều 4 Nghị định số 45/2012/NĐ-CP\", not {}",
            text.get_type().name()?
        )));
    };
    let citation: Citation = text
        .parse()
        .map_err(|e: khuyencong::law::CitationParseError| error(e.to_string(), e.message_vi()))?;
    let value = serde_json::to_value(citation).map_err(|e| {
        error(
            format!("cannot encode the citation: {e}"),
            format!("không mã hóa được trích dẫn: {e}"),
        )
    })?;
    json_to_py(py, &value)
}

/// Renders a citation `dict` in `lang`: the compact form `parse_citation` returns, a
/// catalogue item's `citation` (whose `vi` and `en` renderings are set aside), or the
/// citation of a level from a provincial rule pack (`province`, `resolution`, `article`…).
#[pyfunction]
#[pyo3(signature = (citation, lang = "vi"))]
fn render_citation(citation: &Bound<'_, PyAny>, lang: &str) -> PyResult<String> {
    if !citation.is_instance_of::<PyDict>() {
        return Err(PyTypeError::new_err(format!(
            "citation must be a dict such as {{\"instrument\": \"nd_45_2012\", \"article\": 4, \"clause\": 1, \"point\": \"đ\"}} (see parse_citation), not {}",
            citation.get_type().name()?
        )));
    }
    let lang = convert::lang(lang)?;
    let mut value = py_to_json(citation, &mut String::new(), 0)?;
    // The catalogue shows citations with their renderings (`vi`, `en`) beside the compact
    // fields; those are output, not part of the citation, and are set aside here.
    if let Some(map) = value.as_object_mut() {
        for key in ["vi", "en"] {
            if map.get(key).is_some_and(Value::is_string) {
                map.remove(key);
            }
        }
    }
    let invalid = |e: serde_json::Error| {
        error(
            format!("invalid citation: {e}"),
            format!("trích dẫn không hợp lệ: {e}"),
        )
    };
    // A level of a provincial rule pack is cited by its province and resolution (or
    // decision), rendered by the core as the command line renders it.
    if value.get("province").is_some() && value.get("instrument").is_none() {
        let citation =
            khuyencong::support::ProvincialCitation::deserialize(value).map_err(invalid)?;
        return Ok(khuyencong::support::RuleCitation::Provincial(citation).render(lang));
    }
    let citation = Citation::deserialize(value).map_err(invalid)?;
    Ok(citation.render(lang))
}

/// An amount in đồng as an `int`: accepts an `int` or a `decimal.Decimal` with no
/// fraction; a `float` or a `bool` is a `TypeError`.
#[pyfunction]
fn _as_vnd<'py>(amount: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyInt>> {
    let vnd = convert::vnd(amount)?;
    Ok(vnd.get().into_pyobject(amount.py())?)
}

/// A share in [0, 1] as a normalised `decimal.Decimal`: accepts a `decimal.Decimal`,
/// an `int` or a decimal `str`; a `float` or a `bool` is a `TypeError`.
#[pyfunction]
fn _as_share<'py>(share: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let value = convert::share(share)?;
    convert::share_to_py(share.py(), value)
}

/// Round-trips plain Python data through JSON values (`py_to_json`, then `json_to_py`).
#[pyfunction]
fn _json_round_trip<'py>(value: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let json = py_to_json(value, &mut String::new(), 0)?;
    json_to_py(value.py(), &json)
}

/// Parses JSON text with `serde_json` and converts the value to Python objects.
#[pyfunction]
fn _json_loads<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    let value: Value = serde_json::from_str(text).map_err(|e| {
        error(
            format!("invalid JSON: {e}"),
            format!("JSON không hợp lệ: {e}"),
        )
    })?;
    json_to_py(py, &value)
}

/// The `ValidationError` a check raises for these findings (each a `dict` in the JSON form
/// of a finding); returned, not raised.
#[pyfunction]
fn _validation_error<'py>(findings: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let py = findings.py();
    let value = py_to_json(findings, &mut String::new(), 0)?;
    let findings = Vec::<Finding>::deserialize(value).map_err(|e| {
        error(
            format!("invalid findings: {e}"),
            format!("danh sách phát hiện không hợp lệ: {e}"),
        )
    })?;
    Ok(errors::validation_error(py, &findings)?
        .into_value(py)
        .into_bound(py)
        .into_any())
}

/// The native module `khuyencong._khuyencong`.
#[pymodule]
#[pyo3(name = "_khuyencong")]
fn khuyencong_module(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_function(wrap_pyfunction!(catalog, m)?)?;
    m.add_function(wrap_pyfunction!(packs, m)?)?;
    m.add_function(wrap_pyfunction!(regime_at, m)?)?;
    m.add_function(wrap_pyfunction!(parse_citation, m)?)?;
    m.add_function(wrap_pyfunction!(render_citation, m)?)?;
    m.add_function(wrap_pyfunction!(_as_vnd, m)?)?;
    m.add_function(wrap_pyfunction!(_as_share, m)?)?;
    m.add_function(wrap_pyfunction!(_json_round_trip, m)?)?;
    m.add_function(wrap_pyfunction!(_json_loads, m)?)?;
    m.add_function(wrap_pyfunction!(_validation_error, m)?)?;
    m.add_class::<documents::PyDocument>()?;
    m.add_class::<results::PyCheckResult>()?;
    m.add_function(wrap_pyfunction!(documents::_check_many, m)?)?;
    m.add_function(wrap_pyfunction!(documents::_check_plain, m)?)?;
    m.add_function(wrap_pyfunction!(documents::_load, m)?)?;
    m.add_function(wrap_pyfunction!(documents::_document, m)?)?;
    m.add_function(wrap_pyfunction!(documents::_totals, m)?)?;
    m.add_function(wrap_pyfunction!(documents::_progress, m)?)?;
    m.add_function(wrap_pyfunction!(documents::_upgrade, m)?)?;
    m.add_function(wrap_pyfunction!(rules::_assess, m)?)?;
    m.add_function(wrap_pyfunction!(rules::_max_support, m)?)?;
    m.add_function(wrap_pyfunction!(rules::_parse_vnd, m)?)?;
    m.add_function(wrap_pyfunction!(rules::json_schema, m)?)?;
    m.add_function(wrap_pyfunction!(rules::explain, m)?)?;
    m.add_function(wrap_pyfunction!(rules::finding_codes, m)?)?;
    m.add_class::<register::PyRegister>()?;
    m.add_class::<sheets::PySheetDocument>()?;
    m.add_function(wrap_pyfunction!(sheets::_read_sheet, m)?)?;
    m.add_function(wrap_pyfunction!(sheets::_read_tables, m)?)?;
    m.add_function(wrap_pyfunction!(sheets::_check_report, m)?)?;
    m.add_function(wrap_pyfunction!(sheets::_totals_report, m)?)?;
    m.add_function(wrap_pyfunction!(sheets::_template, m)?)?;
    m.add_function(wrap_pyfunction!(cli::_cli_main, m)?)?;
    Ok(())
}
