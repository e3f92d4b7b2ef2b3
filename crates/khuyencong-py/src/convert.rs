//! Conversions between Python objects and the core's types: JSON values, dates,
//! languages, amounts in đồng and shares. No rule of the law is decided here.

use std::fmt::Write as _;

use chrono::NaiveDate;
use khuyencong::law::Lang;
use khuyencong::money::{MAX_VND, Share, Vnd};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple, PyType};
use serde_json::{Map, Value};

use crate::errors::{error, error_bilingual};

/// How deep [`py_to_json`] follows nested containers; deeper input (or a list that
/// contains itself) is refused rather than exhausting the stack.
pub const MAX_DEPTH: usize = 128;

/// The message of the `TypeError` for an amount given as a float or a bool.
pub const AMOUNT_TYPE_MESSAGE: &str = "amounts are whole đồng: pass an int (e.g. 1_400_000_000) or a decimal.Decimal with no fraction, not a float";

/// The message of the `TypeError` for a share given as a float or a bool.
pub const SHARE_TYPE_MESSAGE: &str = "shares are exact decimals: pass a decimal.Decimal (e.g. Decimal(\"0.5\")) or a str such as \"0.5\", not a float";

static DECIMAL: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static DATE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static DATETIME: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// `decimal.Decimal`.
fn decimal_type(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    DECIMAL.import(py, "decimal", "Decimal")
}

/// The qualified name of an object's type, for messages (`float`, `datetime.datetime`).
fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .fully_qualified_name()
        .map_or_else(|_| "an unknown type".to_owned(), |n| n.to_string())
}

/// Converts a JSON value to plain Python objects: objects become `dict`, arrays `list`,
/// strings `str`, integers `int` (never `float`), `null` becomes `None`.
pub fn json_to_py<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => {
            if let Some(u) = n.as_u64() {
                u.into_pyobject(py)?.into_any()
            } else if let Some(i) = n.as_i64() {
                i.into_pyobject(py)?.into_any()
            } else {
                // Only a JSON number with a fraction or an exponent gets here; the core
                // writes none (money is integer đồng, shares are decimal strings).
                PyFloat::new(py, n.as_f64().unwrap_or(f64::NAN)).into_any()
            }
        }
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(json_to_py(py, item)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (key, item) in map {
                dict.set_item(key, json_to_py(py, item)?)?;
            }
            dict.into_any()
        }
    })
}

/// Converts plain Python objects to a JSON value: `dict` with `str` keys, `list` or
/// `tuple`, `str`, `int`, `bool`, `None`, and `decimal.Decimal` (as its exact decimal
/// string). Floats are refused: no value of the law is a binary fraction.
///
/// `path` is the JSON Pointer of `obj`, used in messages.
pub fn py_to_json(obj: &Bound<'_, PyAny>, path: &mut String, depth: usize) -> PyResult<Value> {
    let at = |path: &str| {
        if path.is_empty() {
            String::new()
        } else {
            format!(" at `{path}`")
        }
    };
    if depth > MAX_DEPTH {
        return Err(error(
            format!("input is nested deeper than {MAX_DEPTH} levels{}", at(path)),
            format!(
                "dữ liệu lồng nhau quá {MAX_DEPTH} cấp{}",
                at(path).replace(" at ", " tại ")
            ),
        ));
    }
    if obj.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if obj.is_instance_of::<PyInt>() {
        if let Ok(u) = obj.extract::<u64>() {
            return Ok(Value::Number(u.into()));
        }
        if let Ok(i) = obj.extract::<i64>() {
            return Ok(Value::Number(i.into()));
        }
        return Err(error(
            format!("integer {obj} is out of range{}", at(path)),
            format!(
                "số nguyên {obj} vượt quá giới hạn{}",
                at(path).replace(" at ", " tại ")
            ),
        ));
    }
    if obj.is_instance_of::<PyFloat>() {
        return Err(PyTypeError::new_err(format!(
            "floats are not accepted{}: pass an int of whole đồng for amounts (e.g. 1_400_000_000) and an int for counts, a decimal.Decimal or a str for shares",
            at(path)
        )));
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Value::String(s.to_str()?.to_owned()));
    }
    if obj.is_instance(decimal_type(obj.py())?)? {
        return Ok(Value::String(obj.str()?.to_str()?.to_owned()));
    }
    if let Ok(dict) = obj.cast::<PyDict>() {
        let mut map = Map::new();
        for (key, item) in dict.iter() {
            let Ok(key) = key.cast::<PyString>() else {
                return Err(PyTypeError::new_err(format!(
                    "dict keys must be str{}, got {}",
                    at(path),
                    type_name(&key)
                )));
            };
            let key = key.to_str()?.to_owned();
            let len = path.len();
            path.push('/');
            path.push_str(&khuyencong::finding::escape_token(&key));
            let value = py_to_json(&item, path, depth + 1)?;
            path.truncate(len);
            map.insert(key, value);
        }
        return Ok(Value::Object(map));
    }
    let items: Vec<Bound<'_, PyAny>> = if let Ok(list) = obj.cast::<PyList>() {
        list.iter().collect()
    } else if let Ok(tuple) = obj.cast::<PyTuple>() {
        tuple.iter().collect()
    } else {
        return Err(PyTypeError::new_err(format!(
            "cannot use a {}{}: pass dict, list, tuple, str, int, bool, None or decimal.Decimal",
            type_name(obj),
            at(path)
        )));
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let len = path.len();
        let _ = write!(path, "/{i}");
        out.push(py_to_json(item, path, depth + 1)?);
        path.truncate(len);
    }
    Ok(Value::Array(out))
}

/// Reads a date given as a `datetime.date` or an ISO string `YYYY-MM-DD`; `what` names
/// the argument in messages.
pub fn date(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<NaiveDate> {
    let py = obj.py();
    let expected = format!(
        "{what} must be a datetime.date (e.g. datetime.date(2024, 6, 1)) or an ISO date string such as \"2024-06-01\""
    );
    if let Ok(s) = obj.cast::<PyString>() {
        let s = s.to_str()?;
        return parse_iso_date(s).ok_or_else(|| {
            error(
                format!("`{s}` is not a valid calendar date in the form YYYY-MM-DD"),
                format!("`{s}` không phải ngày hợp lệ dạng YYYY-MM-DD"),
            )
        });
    }
    if obj.is_instance(DATETIME.import(py, "datetime", "datetime")?)? {
        // A datetime is a date too, but a time of day has no meaning for the law's dates.
        return Err(PyTypeError::new_err(format!(
            "{expected}, not a datetime.datetime: pass its .date()"
        )));
    }
    if obj.is_instance(DATE.import(py, "datetime", "date")?)? {
        let year: i32 = obj.getattr("year")?.extract()?;
        let month: u32 = obj.getattr("month")?.extract()?;
        let day: u32 = obj.getattr("day")?.extract()?;
        return NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| {
            error(
                format!("{year:04}-{month:02}-{day:02} is not a valid calendar date"),
                format!("{day:02}/{month:02}/{year:04} không phải ngày hợp lệ"),
            )
        });
    }
    Err(PyTypeError::new_err(format!(
        "{expected}, not {}",
        type_name(obj)
    )))
}

/// Parses exactly `YYYY-MM-DD` (four-digit year, two-digit month and day).
fn parse_iso_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape {
        return None;
    }
    let year = s.get(0..4)?.parse().ok()?;
    let month = s.get(5..7)?.parse().ok()?;
    let day = s.get(8..10)?.parse().ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}

/// Reads a language code, `vi` or `en`.
pub fn lang(code: &str) -> PyResult<Lang> {
    Lang::parse(code).map_err(|e| error_bilingual(&e.to_string()))
}

/// Reads an amount in đồng: an `int` or a `decimal.Decimal` with no fraction, from 0 to
/// [`MAX_VND`]. Floats and bools are a `TypeError`.
pub fn vnd(obj: &Bound<'_, PyAny>) -> PyResult<Vnd> {
    let py = obj.py();
    if obj.is_instance_of::<PyBool>() || obj.is_instance_of::<PyFloat>() {
        return Err(PyTypeError::new_err(AMOUNT_TYPE_MESSAGE));
    }
    let whole = if obj.is_instance_of::<PyInt>() {
        obj.clone()
    } else if obj.is_instance(decimal_type(py)?)? {
        let shown = obj.str()?.to_string();
        let not_whole = || {
            error(
                format!("amount must be a whole number of đồng, got {shown}"),
                format!("số tiền phải là số nguyên đồng, nhận được {shown}"),
            )
        };
        if !obj.call_method0("is_finite")?.is_truthy()? {
            return Err(not_whole());
        }
        if obj.lt(0)? {
            return Err(negative(&shown));
        }
        // Beyond 10^18 the amount is out of range anyway; checking first avoids turning
        // a huge exponent (up to 10^999999) into an int.
        let adjusted: i64 = obj.call_method0("adjusted")?.extract()?;
        if adjusted > 18 {
            return Err(too_large(&shown));
        }
        if !obj.eq(obj.call_method0("to_integral_value")?)? {
            return Err(not_whole());
        }
        obj.call_method0("__int__")?
    } else {
        return Err(PyTypeError::new_err(format!(
            "amounts are whole đồng: pass an int (e.g. 1_400_000_000) or a decimal.Decimal with no fraction, not {}",
            type_name(obj)
        )));
    };
    let shown = whole.str()?.to_string();
    if whole.lt(0)? {
        return Err(negative(&shown));
    }
    let dong: u64 = whole.extract().map_err(|_| too_large(&shown))?;
    Vnd::new(dong).map_err(|e| error(e.to_string(), e.message_vi()))
}

fn negative(shown: &str) -> PyErr {
    error(
        format!("amount must not be negative, got {shown}"),
        format!("số tiền không được âm, nhận được {shown}"),
    )
}

fn too_large(shown: &str) -> PyErr {
    error(
        format!("amount {shown} exceeds the maximum {MAX_VND} đồng"),
        format!("số tiền {shown} vượt quá mức tối đa {MAX_VND} đồng"),
    )
}

/// Reads a share in [0, 1]: a `decimal.Decimal`, an `int` (0 or 1) or a decimal `str`.
/// Floats and bools are a `TypeError`.
pub fn share(obj: &Bound<'_, PyAny>) -> PyResult<Share> {
    let py = obj.py();
    if obj.is_instance_of::<PyBool>() || obj.is_instance_of::<PyFloat>() {
        return Err(PyTypeError::new_err(SHARE_TYPE_MESSAGE));
    }
    let text = if obj.is_instance_of::<PyInt>() || obj.is_instance(decimal_type(py)?)? {
        obj.str()?.to_string()
    } else if let Ok(s) = obj.cast::<PyString>() {
        s.to_str()?.trim().to_owned()
    } else {
        return Err(PyTypeError::new_err(format!(
            "shares are exact decimals: pass a decimal.Decimal (e.g. Decimal(\"0.5\")) or a str such as \"0.5\", not {}",
            type_name(obj)
        )));
    };
    let parsed = if text.contains(['e', 'E']) {
        rust_decimal::Decimal::from_scientific(&text).ok()
    } else {
        rust_decimal::Decimal::from_str_exact(&text).ok()
    };
    let value = parsed.ok_or_else(|| {
        error(
            format!("share must be a decimal number between 0 and 1, got {text}"),
            format!("tỷ lệ phải là số thập phân trong khoảng 0 đến 1, nhận được {text}"),
        )
    })?;
    Share::new(value).map_err(|e| error(e.to_string(), e.message_vi()))
}

/// A share as a `decimal.Decimal`.
pub fn share_to_py(py: Python<'_>, share: Share) -> PyResult<Bound<'_, PyAny>> {
    decimal_type(py)?.call1((share.get().to_string(),))
}

/// A `decimal.Decimal` from its exact decimal text (as the core writes ratios).
pub fn decimal<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    decimal_type(py)?.call1((text,))
}
