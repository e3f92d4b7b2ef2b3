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

/// Where a container is too deep to follow: one level past the library's limit, so that the
/// library reports `structure.too_deep` at its place, as for the same JSON text.
const WRITE_DEPTH: usize = khuyencong::input::MAX_DEPTH;

static JSON_DUMPS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
static INT_REPR: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
static FLOAT_REPR: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// One open container of [`to_json_bytes`]: its members (a snapshot) and the next one.
struct Frame<'py> {
    items: Vec<(Option<Bound<'py, PyAny>>, Bound<'py, PyAny>)>,
    next: usize,
    close: u8,
}

/// Writes plain Python data as JSON text, for the library to read as it reads any JSON text
/// — so that a dict gets exactly the findings of the same document written as JSON.
///
/// What JSON can hold is written as it is, even when the library will refuse it: an `int`
/// of any size as its digits (the library reports a value beyond its bounds), a `float` as
/// its shortest repr (the library reports a float where whole đồng are expected), `nan` and
/// infinities as `NaN` (not JSON: reported at its place), a `str` holding a lone surrogate
/// with `\uD800` escapes (reported at its place), containers deeper than the library's limit
/// cut one level past it (reported as too deep). `decimal.Decimal` is written as its exact
/// decimal string (shares are strings). Dicts and lists are copied before they are read, so
/// that code run meanwhile (a `__str__`) cannot change them under the writer, and nothing
/// recurses: any nesting, even a list that contains itself, takes constant stack. Writing
/// stops one byte past the library's size limit.
///
/// # Errors
/// `TypeError` for a value JSON cannot hold (a set, a date, an object) or a dict key that is
/// not a `str`, naming its place; any exception raised by the objects' own methods.
pub fn to_json_bytes(obj: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    let limit = khuyencong::input::MAX_INPUT_BYTES;
    let mut out = Vec::with_capacity(1024);
    let mut stack: Vec<Frame<'_>> = Vec::new();
    write_value(obj, &mut out, &mut stack)?;
    while let Some(frame) = stack.last_mut() {
        if out.len() > limit {
            break;
        }
        if frame.next == frame.items.len() {
            out.push(frame.close);
            stack.pop();
            continue;
        }
        if frame.next > 0 {
            out.push(b',');
        }
        let (key, value) = frame.items[frame.next].clone();
        frame.next += 1;
        if let Some(key) = key {
            write_string(&key, &mut out)?;
            out.push(b':');
        }
        write_value(&value, &mut out, &mut stack)?;
    }
    Ok(out)
}

/// The JSON Pointer of the value being written, for messages.
fn place(stack: &[Frame<'_>]) -> String {
    let mut path = String::new();
    for frame in stack {
        let Some((key, _)) = frame.next.checked_sub(1).and_then(|i| frame.items.get(i)) else {
            continue;
        };
        path.push('/');
        match key {
            Some(k) => path.push_str(
                &k.str()
                    .map(|s| khuyencong::finding::escape_token(&s.to_string_lossy()).into_owned())
                    .unwrap_or_default(),
            ),
            None => path.push_str(&(frame.next - 1).to_string()),
        }
    }
    path
}

fn write_value<'py>(
    obj: &Bound<'py, PyAny>,
    out: &mut Vec<u8>,
    stack: &mut Vec<Frame<'py>>,
) -> PyResult<()> {
    let py = obj.py();
    if obj.is_none() {
        out.extend_from_slice(b"null");
    } else if let Ok(b) = obj.cast::<PyBool>() {
        out.extend_from_slice(if b.is_true() { b"true" } else { b"false" });
    } else if obj.is_instance_of::<PyInt>() {
        if let Ok(v) = obj.extract::<i64>() {
            out.extend_from_slice(v.to_string().as_bytes());
        } else {
            // Beyond 64 bits: its digits (an `int` subclass is written as the number).
            let repr = INT_REPR.get_or_try_init(py, || {
                py.get_type::<PyInt>()
                    .getattr("__repr__")
                    .map(Bound::unbind)
            })?;
            let digits = repr.bind(py).call1((obj,))?;
            out.extend_from_slice(digits.cast::<PyString>()?.to_str()?.as_bytes());
        }
    } else if obj.is_instance_of::<PyFloat>() {
        let repr = FLOAT_REPR.get_or_try_init(py, || {
            py.get_type::<PyFloat>()
                .getattr("__repr__")
                .map(Bound::unbind)
        })?;
        let text = repr.bind(py).call1((obj,))?;
        let text = text.cast::<PyString>()?.to_str()?;
        if text.contains(['n', 'i']) {
            // nan, inf: not JSON numbers; the library says so at this place.
            out.extend_from_slice(b"NaN");
        } else {
            out.extend_from_slice(text.as_bytes());
        }
    } else if let Ok(s) = obj.cast::<PyString>() {
        write_string(s.as_any(), out)?;
    } else if obj.is_instance(decimal_type(py)?)? {
        let text = obj.str()?;
        write_string(text.as_any(), out)?;
    } else if let Ok(dict) = obj.cast::<PyDict>() {
        if stack.len() >= WRITE_DEPTH {
            out.extend_from_slice(b"{}");
            return Ok(());
        }
        let mut items = Vec::with_capacity(dict.len());
        for pair in dict.items().iter() {
            let (key, value): (Bound<'py, PyAny>, Bound<'py, PyAny>) = pair.extract()?;
            if !key.is_instance_of::<PyString>() {
                return Err(PyTypeError::new_err(format!(
                    "dict keys must be str{}, got {}",
                    at_place(&place(stack)),
                    type_name(&key)
                )));
            }
            items.push((Some(key), value));
        }
        out.push(b'{');
        stack.push(Frame {
            items,
            next: 0,
            close: b'}',
        });
    } else if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
        if stack.len() >= WRITE_DEPTH {
            out.extend_from_slice(b"[]");
            return Ok(());
        }
        let items: Vec<(Option<Bound<'py, PyAny>>, Bound<'py, PyAny>)> = match obj.cast::<PyList>()
        {
            Ok(list) => list.to_tuple().iter().map(|v| (None, v)).collect(),
            Err(_) => obj.cast::<PyTuple>()?.iter().map(|v| (None, v)).collect(),
        };
        out.push(b'[');
        stack.push(Frame {
            items,
            next: 0,
            close: b']',
        });
    } else {
        return Err(PyTypeError::new_err(format!(
            "cannot use a {}{}: pass dict, list, tuple, str, int, bool, None or decimal.Decimal",
            type_name(obj),
            at_place(&place(stack))
        )));
    }
    Ok(())
}

fn at_place(path: &str) -> String {
    if path.is_empty() {
        String::new()
    } else {
        format!(" at `{path}`")
    }
}

/// Writes a Python `str` as a JSON string: UTF-8 as it is, control characters escaped; a
/// `str` that is not valid Unicode (a lone surrogate) with `\u` escapes, as `json.dumps`
/// writes it, so that the library reports it at its place.
fn write_string(s: &Bound<'_, PyAny>, out: &mut Vec<u8>) -> PyResult<()> {
    let py = s.py();
    let s = s.cast::<PyString>()?;
    let Ok(text) = s.to_str() else {
        let dumps = JSON_DUMPS.get_or_try_init(py, || {
            py.import("json")?.getattr("dumps").map(Bound::unbind)
        })?;
        let quoted = dumps.bind(py).call1((s,))?;
        out.extend_from_slice(quoted.cast::<PyString>()?.to_str()?.as_bytes());
        return Ok(());
    };
    out.push(b'"');
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        let escaped: &[u8] = match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0..=0x1F => b"",
            _ => continue,
        };
        out.extend_from_slice(&text.as_bytes()[start..i]);
        if escaped.is_empty() {
            out.extend_from_slice(format!("\\u{b:04x}").as_bytes());
        } else {
            out.extend_from_slice(escaped);
        }
        start = i + 1;
    }
    out.extend_from_slice(&text.as_bytes()[start..]);
    out.push(b'"');
    Ok(())
}

/// Reads a date given as a `datetime.date` or an ISO string `YYYY-MM-DD`; `what` names
/// the argument in messages.
pub fn date(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<NaiveDate> {
    let py = obj.py();
    let expected = format!(
        "{what} must be a datetime.date (e.g. datetime.date(2024, 6, 1)) or an ISO date string such as \"2024-06-01\""
    );
    if let Ok(s) = obj.cast::<PyString>() {
        // The library's reader, as for the command's arguments and JSON dates.
        return khuyencong::input::parse_date(&s.to_string_lossy())
            .map_err(|e| error(e.to_string(), e.message_vi()));
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

/// Reads a language code, `vi` or `en`.
pub fn lang(code: &str) -> PyResult<Lang> {
    Lang::parse(code).map_err(|e| error_bilingual(&e.to_string()))
}

/// Reads an amount in đồng: an `int` or a `decimal.Decimal` with no fraction, from 0 to
/// [`MAX_VND`], or a `str` of whole đồng or exact Vietnamese notation (`"620 triệu"`).
/// Floats and bools are a `TypeError`.
pub fn vnd(obj: &Bound<'_, PyAny>) -> PyResult<Vnd> {
    let py = obj.py();
    if obj.is_instance_of::<PyBool>() || obj.is_instance_of::<PyFloat>() {
        return Err(PyTypeError::new_err(AMOUNT_TYPE_MESSAGE));
    }
    if let Ok(text) = obj.cast::<PyString>() {
        // Whole đồng or Vietnamese notation, read as the command reads `--cost`.
        return khuyencong::input::parse_amount(&text.to_string_lossy())
            .map_err(|e| error(e.to_string(), e.message_vi()));
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
