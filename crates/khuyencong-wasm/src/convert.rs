//! Conversions between JavaScript values and the core's types: JSON text from plain
//! objects, results as plain objects, dates, languages, amounts in đồng. No rule of the law
//! is decided here.
//!
//! Results are made by the core's own `Serialize` implementations (so they have exactly
//! the shape of the JSON output), with one rule for integers: every 64-bit integer of the
//! core — each amount of đồng and each count — becomes a `bigint`; smaller integers
//! (article and clause numbers, years) become numbers. Decimals (shares, ratios) are
//! already decimal strings in the JSON form. Absent optional values are `null`, maps are
//! plain objects.

use std::num::NonZeroU64;

use chrono::NaiveDate;
use js_sys::{Array, BigInt, Object, Reflect, Uint8Array};
use khuyencong::law::Lang;
use khuyencong::money::{MAX_VND, Vnd};
use serde::Serialize;
use serde_wasm_bindgen::Serializer;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::errors::{error, error_bilingual, type_error};

/// How deep [`JsonWriter`] follows nested objects and arrays. The core reads at most 128
/// levels and reports deeper JSON as `structure.too_deep`, whichever way it came; past
/// this limit (a value that contains itself, say) the conversion stops with an error
/// rather than exhausting the stack.
pub const MAX_DEPTH: usize = 512;

const SERIALIZER: Serializer = Serializer::new()
    .serialize_missing_as_null(true)
    .serialize_maps_as_objects(true)
    .serialize_large_number_types_as_bigints(true);

/// A result of the core as a plain JavaScript value (see the module documentation).
pub fn to_js<T: Serialize + ?Sized>(value: &T, what: &str) -> Result<JsValue, JsValue> {
    value.serialize(&SERIALIZER).map_err(|e| {
        error(
            format!("cannot encode the {what}: {e}"),
            format!("không mã hóa được kết quả ({what}): {e}"),
        )
    })
}

#[wasm_bindgen]
extern "C" {
    // `Object.keys`, with a thrown exception (a proxy's trap, say) returned as an error
    // rather than unwinding through the module.
    #[wasm_bindgen(catch, js_namespace = Object, js_name = keys)]
    fn object_keys(object: &JsValue) -> Result<Array, JsValue>;
}

/// What `typeof` says of a value, or its constructor's name for an object, for messages.
pub fn describe(value: &JsValue) -> String {
    if value.is_null() {
        return "null".to_owned();
    }
    if Array::is_array(value) {
        return "an array".to_owned();
    }
    if value.is_object() {
        let name = Reflect::get(value, &"constructor".into())
            .and_then(|c| Reflect::get(&c, &"name".into()))
            .ok()
            .and_then(|n| n.as_string())
            .unwrap_or_default();
        return if name.is_empty() {
            "an object".to_owned()
        } else {
            format!("a {name}")
        };
    }
    value.js_typeof().as_string().unwrap_or_default()
}

/// The JSON bytes of a document-like input: a string of JSON text (taken as it is), a
/// `Uint8Array` of JSON bytes (as read from a file), or a plain object (written as JSON).
/// `what` names the input in messages (`document 3`, `provincialPack`).
pub fn json_input(value: &JsValue, what: &str, expected: &str) -> Result<Vec<u8>, JsValue> {
    if let Some(text) = value.as_string() {
        return Ok(text.into_bytes());
    }
    if let Some(bytes) = value.dyn_ref::<Uint8Array>() {
        return Ok(bytes.to_vec());
    }
    if value.is_object() && !value.is_function() {
        let mut w = JsonWriter::new(None);
        w.write(value, 0)?;
        return Ok(w.out);
    }
    Err(type_error(format!(
        "{what} must be {expected}, not {}",
        describe(value)
    )))
}

/// Writes plain JavaScript data as JSON text: plain objects, arrays, strings, booleans,
/// `null`, numbers and `bigint`s (written exactly, whatever their size). A property whose
/// value is `undefined` is left out, as `JSON.stringify` does. A number that is not finite,
/// or an integer beyond 2^53 − 1 (which a number cannot hold exactly), is refused; a
/// fraction is written as it is, so that the core reports it where it is not allowed.
pub struct JsonWriter {
    /// The text written so far.
    pub out: Vec<u8>,
    path: String,
    indent: Option<usize>,
}

impl JsonWriter {
    /// A writer; `indent` spaces per level, or compact.
    pub fn new(indent: Option<usize>) -> Self {
        Self {
            out: Vec::new(),
            path: String::new(),
            indent,
        }
    }

    fn at(&self) -> String {
        if self.path.is_empty() {
            String::new()
        } else {
            format!(" at `{}`", self.path)
        }
    }

    fn at_vi(&self) -> String {
        if self.path.is_empty() {
            String::new()
        } else {
            format!(" tại `{}`", self.path)
        }
    }

    fn newline(&mut self, depth: usize) {
        if let Some(n) = self.indent {
            self.out.push(b'\n');
            self.out.resize(self.out.len() + n * depth, b' ');
        }
    }

    fn string(&mut self, s: &str) -> Result<(), JsValue> {
        serde_json::to_writer(&mut self.out, s).map_err(|e| {
            error(
                format!("cannot write JSON: {e}"),
                format!("không ghi được JSON: {e}"),
            )
        })
    }

    fn number(&mut self, x: f64) -> Result<(), JsValue> {
        if !x.is_finite() {
            return Err(type_error(format!(
                "{x} is not a JSON number{}: amounts are whole đồng (e.g. 1400000000 or 1400000000n)",
                self.at()
            )));
        }
        #[allow(clippy::cast_precision_loss)]
        let max = MAX_VND as f64;
        if x.fract() == 0.0 {
            if x.abs() > max {
                return Err(error(
                    format!(
                        "the number {x}{} is beyond 2^53 − 1 = {MAX_VND}, where numbers are no longer exact: pass a bigint or JSON text",
                        self.at()
                    ),
                    format!(
                        "số {x}{} vượt quá 2^53 − 1 = {MAX_VND}, không còn chính xác: hãy dùng bigint hoặc văn bản JSON",
                        self.at_vi()
                    ),
                ));
            }
            // Exact: an integer within ±(2^53 − 1) converts to i64 without loss.
            #[allow(clippy::cast_possible_truncation)]
            let i = x as i64;
            self.out.extend_from_slice(i.to_string().as_bytes());
            return Ok(());
        }
        serde_json::to_writer(&mut self.out, &x).map_err(|e| {
            error(
                format!("cannot write JSON: {e}"),
                format!("không ghi được JSON: {e}"),
            )
        })
    }

    /// Writes `value` at `depth` (0 for the top).
    pub fn write(&mut self, value: &JsValue, depth: usize) -> Result<(), JsValue> {
        if depth > MAX_DEPTH {
            // The path of a value that contains itself repeats one step; its start is enough.
            let mut start: String = self.path.chars().take(60).collect();
            if start.len() < self.path.len() {
                start.push('…');
            }
            return Err(error(
                format!(
                    "the value is nested deeper than {MAX_DEPTH} levels (or contains itself), at `{start}`"
                ),
                format!(
                    "dữ liệu lồng nhau quá {MAX_DEPTH} cấp (hoặc chứa chính nó), tại `{start}`"
                ),
            ));
        }
        if value.is_null() {
            self.out.extend_from_slice(b"null");
            return Ok(());
        }
        if let Some(b) = value.as_bool() {
            self.out
                .extend_from_slice(if b { b"true" } else { b"false" });
            return Ok(());
        }
        if let Some(x) = value.as_f64() {
            return self.number(x);
        }
        if let Some(b) = value.dyn_ref::<BigInt>() {
            let text = b
                .to_string(10)
                .map_err(|_| type_error(format!("a bigint{} cannot be written", self.at())))?;
            self.out.extend_from_slice(String::from(text).as_bytes());
            return Ok(());
        }
        if let Some(s) = value.as_string() {
            return self.string(&s);
        }
        if Array::is_array(value) {
            let length = Reflect::get(value, &"length".into())?
                .as_f64()
                .unwrap_or_default();
            self.out.push(b'[');
            // Exact: an array's length is an integer below 2^32.
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let length = length as u32;
            for i in 0..length {
                if i > 0 {
                    self.out.push(b',');
                }
                let len = self.path.len();
                self.path.push('/');
                self.path.push_str(&i.to_string());
                let item = Reflect::get_u32(value, i)?;
                if item.is_undefined() {
                    return Err(type_error(format!(
                        "undefined{} has no JSON form: remove it or use null",
                        self.at()
                    )));
                }
                self.newline(depth + 1);
                self.write(&item, depth + 1)?;
                self.path.truncate(len);
            }
            if length > 0 {
                self.newline(depth);
            }
            self.out.push(b']');
            return Ok(());
        }
        if value.is_object() && !value.is_function() && is_plain(value)? {
            self.out.push(b'{');
            let mut first = true;
            for key in object_keys(value)?.iter() {
                let item = Reflect::get(value, &key)?;
                if item.is_undefined() {
                    continue;
                }
                let key = key.as_string().unwrap_or_default();
                if !first {
                    self.out.push(b',');
                }
                first = false;
                let len = self.path.len();
                self.path.push('/');
                self.path.push_str(&khuyencong::finding::escape_token(&key));
                self.newline(depth + 1);
                self.string(&key)?;
                self.out.push(b':');
                if self.indent.is_some() {
                    self.out.push(b' ');
                }
                self.write(&item, depth + 1)?;
                self.path.truncate(len);
            }
            if !first {
                self.newline(depth);
            }
            self.out.push(b'}');
            return Ok(());
        }
        Err(type_error(format!(
            "cannot use {}{}: pass plain objects, arrays, strings, numbers, bigints, booleans or null",
            describe(value),
            self.at()
        )))
    }
}

/// Whether an object is a plain one (`{…}`, or made by `Object.create(null)`), not a
/// `Date`, a `Map` or an instance of some class, whose JSON form would be a guess.
fn is_plain(value: &JsValue) -> Result<bool, JsValue> {
    let proto = Reflect::get_prototype_of(value)?;
    Ok(proto.is_null() || *proto == *Object::get_prototype_of(&Object::new()))
}

/// A string argument, or a `TypeError` naming it with an example.
pub fn text(value: &JsValue, what: &str, example: &str) -> Result<String, JsValue> {
    value.as_string().ok_or_else(|| {
        type_error(format!(
            "{what} must be a string such as \"{example}\", not {}",
            describe(value)
        ))
    })
}

/// Reads a date given as an ISO string `YYYY-MM-DD`; `what` names the argument.
pub fn date(value: &JsValue, what: &str) -> Result<NaiveDate, JsValue> {
    if let Some(s) = value.as_string() {
        return parse_iso_date(&s).ok_or_else(|| {
            error(
                format!("`{s}` is not a valid calendar date in the form YYYY-MM-DD"),
                format!("`{s}` không phải ngày hợp lệ dạng YYYY-MM-DD"),
            )
        });
    }
    let hint = if value.is_instance_of::<js_sys::Date>() {
        ": a Date carries a time and a time zone; pass the calendar date as a string"
    } else {
        ""
    };
    Err(type_error(format!(
        "{what} must be an ISO date string such as \"2024-06-01\", not {}{hint}",
        describe(value)
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

/// Reads a language code, `vi` (the default, for `undefined`) or `en`.
pub fn lang(value: &JsValue) -> Result<Lang, JsValue> {
    if value.is_undefined() {
        return Ok(Lang::Vi);
    }
    let code = text(value, "lang", "vi")?;
    Lang::parse(&code).map_err(|e| error_bilingual(&e))
}

/// Reads an amount in đồng: a `bigint`, an integer number, or a string of decimal digits,
/// from 0 to 2^53 − 1.
pub fn vnd(value: &JsValue, what: &str) -> Result<Vnd, JsValue> {
    let too_large = |shown: &str| {
        error(
            format!("{what} {shown} exceeds the maximum {MAX_VND} đồng"),
            format!("số tiền {shown} vượt quá mức tối đa {MAX_VND} đồng"),
        )
    };
    let negative = |shown: &str| {
        error(
            format!("{what} must not be negative, got {shown}"),
            format!("số tiền không được âm, nhận được {shown}"),
        )
    };
    let digits = if let Some(b) = value.dyn_ref::<BigInt>() {
        String::from(
            b.to_string(10)
                .map_err(|_| type_error("unreadable bigint"))?,
        )
    } else if let Some(x) = value.as_f64() {
        if !x.is_finite() || x.fract() != 0.0 {
            return Err(error(
                format!("{what} must be a whole number of đồng, got {x}"),
                format!("số tiền phải là số nguyên đồng, nhận được {x}"),
            ));
        }
        #[allow(clippy::cast_precision_loss)]
        if x.abs() > MAX_VND as f64 {
            return Err(too_large(&x.to_string()));
        }
        // Exact: an integer within ±(2^53 − 1).
        #[allow(clippy::cast_possible_truncation)]
        let i = x as i64;
        i.to_string()
    } else if let Some(s) = value.as_string() {
        let t = s.trim();
        if t.is_empty() || !t.bytes().all(|c| c.is_ascii_digit()) {
            return Err(error(
                format!(
                    "{what} `{s}` is not a whole number of đồng in digits (e.g. \"1400000000\"); for amounts in words such as \"1.400 triệu đồng\" use parseVnd"
                ),
                format!(
                    "số tiền `{s}` không phải số nguyên đồng viết bằng chữ số (ví dụ \"1400000000\"); với cách viết như \"1.400 triệu đồng\" hãy dùng parseVnd"
                ),
            ));
        }
        t.to_owned()
    } else {
        return Err(type_error(format!(
            "{what} must be a bigint (e.g. 1400000000n), an integer number or a string of digits, not {}",
            describe(value)
        )));
    };
    if digits.starts_with('-') {
        return Err(negative(&digits));
    }
    let dong: u64 = digits.parse().map_err(|_| too_large(&digits))?;
    Vnd::new(dong).map_err(|e| error(e.to_string(), e.message_vi()))
}

/// A number of units, from 1 (`undefined` is 1): an integer number or a `bigint`.
pub fn units(value: &JsValue) -> Result<NonZeroU64, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(NonZeroU64::MIN);
    }
    let shown = if let Some(b) = value.dyn_ref::<BigInt>() {
        String::from(
            b.to_string(10)
                .map_err(|_| type_error("unreadable bigint"))?,
        )
    } else if let Some(x) = value.as_f64() {
        x.to_string()
    } else {
        return Err(type_error(format!(
            "units must be an integer from 1 (e.g. 8 for a group scheme of eight cooperatives), not {}",
            describe(value)
        )));
    };
    shown
        .parse::<u64>()
        .ok()
        .and_then(NonZeroU64::new)
        .ok_or_else(|| {
            error(
                format!("units must be a whole number from 1, got {shown}"),
                format!("số đơn vị phải là số nguyên từ 1, nhận được {shown}"),
            )
        })
}

/// A boolean option (`undefined` is `false`).
pub fn flag(value: &JsValue, what: &str) -> Result<bool, JsValue> {
    if value.is_undefined() {
        return Ok(false);
    }
    value
        .as_bool()
        .ok_or_else(|| type_error(format!("{what} must be a boolean, not {}", describe(value))))
}

/// The options object of a function: `undefined` or `null` for none; any key not in
/// `known` is a `TypeError` (a misspelt option is never silently ignored).
pub struct Options(Option<Object>);

impl Options {
    /// Reads the options argument of `function`.
    pub fn read(value: &JsValue, function: &str, known: &[&str]) -> Result<Self, JsValue> {
        if value.is_undefined() || value.is_null() {
            return Ok(Self(None));
        }
        if !value.is_object() || Array::is_array(value) || value.is_function() {
            return Err(type_error(format!(
                "the options of {function}() must be an object such as {{{}: …}}, not {}",
                known.first().copied().unwrap_or_default(),
                describe(value)
            )));
        }
        let object: Object = value.clone().unchecked_into();
        for key in object_keys(value)?.iter() {
            let key = key.as_string().unwrap_or_default();
            if !known.contains(&key.as_str()) {
                return Err(type_error(format!(
                    "unknown option `{key}` of {function}(); the options are: {}",
                    known.join(", ")
                )));
            }
        }
        Ok(Self(Some(object)))
    }

    /// The value of an option (`undefined` when not given).
    pub fn get(&self, key: &str) -> Result<JsValue, JsValue> {
        match &self.0 {
            None => Ok(JsValue::UNDEFINED),
            Some(o) => Reflect::get(o, &key.into()),
        }
    }
}
