//! The exceptions thrown to JavaScript.
//!
//! A value the law or the core rejects throws a `KhuyencongError` with `message_en` and
//! `message_vi`; a document that cannot be read where a readable one is needed (totals)
//! throws a `ValidationError` (a `KhuyencongError`) whose `findings` say what and where; a
//! value of the wrong type throws a plain `TypeError`.
//!
//! The two classes are defined in JavaScript (the package's `errors.js`, the page's script)
//! and handed over once by [`set_error_classes`], so that `instanceof` works and the classes
//! are ordinary ones. Until then (the generated module used on its own) an `Error` is thrown
//! with the same `name`, `message_en`, `message_vi` and `findings`.

use std::cell::RefCell;

use js_sys::{Array, Function, Reflect};
use khuyencong::Finding;
use khuyencong::law::Lang;
use wasm_bindgen::prelude::*;

use crate::convert::to_js;

struct Classes {
    error: Function,
    validation: Function,
}

thread_local! {
    static CLASSES: RefCell<Option<Classes>> = const { RefCell::new(None) };
}

/// Sets the classes thrown for rejected values (`new error(message_en, message_vi)`) and
/// for unreadable documents (`new validation(message_en, message_vi, findings)`).
#[wasm_bindgen(js_name = "__setErrorClasses")]
pub fn set_error_classes(error: Function, validation: Function) {
    CLASSES.with(|c| *c.borrow_mut() = Some(Classes { error, validation }));
}

/// An error of the given class (`name`), built by the registered class when there is one.
fn build(name: &str, en: &str, vi: &str, findings: Option<&JsValue>) -> JsValue {
    let registered = CLASSES.with(|c| {
        let classes = c.borrow();
        let classes = classes.as_ref()?;
        let (class, args) = match findings {
            Some(f) => (&classes.validation, Array::of3(&en.into(), &vi.into(), f)),
            None => (&classes.error, Array::of2(&en.into(), &vi.into())),
        };
        Reflect::construct(class, &args).ok()
    });
    if let Some(error) = registered {
        return error;
    }
    let message = if en == vi {
        en.to_owned()
    } else {
        format!("{en} / {vi}")
    };
    let error = js_sys::Error::new(&message);
    error.set_name(name);
    // Setting a property on a fresh `Error` cannot fail.
    let _ = Reflect::set(&error, &"message_en".into(), &en.into());
    let _ = Reflect::set(&error, &"message_vi".into(), &vi.into());
    if let Some(f) = findings {
        let _ = Reflect::set(&error, &"findings".into(), f);
    }
    error.into()
}

/// A `KhuyencongError` with its English and Vietnamese messages.
pub fn error(en: impl AsRef<str>, vi: impl AsRef<str>) -> JsValue {
    build("KhuyencongError", en.as_ref(), vi.as_ref(), None)
}

/// A `KhuyencongError` whose text holds both languages joined by ` / `, as the core writes
/// some messages (`Lang::parse`, totals keys).
pub fn error_bilingual(message: &str) -> JsValue {
    match message.split_once(" / ") {
        Some((en, vi)) => error(en, vi),
        None => error(message, message),
    }
}

/// A `TypeError`.
pub fn type_error(message: impl AsRef<str>) -> JsValue {
    js_sys::TypeError::new(message.as_ref()).into()
}

/// The `ValidationError` for the findings of one input; `place` (`document 3`) starts the
/// message when not empty.
pub fn validation_error(place: &str, findings: &[Finding]) -> JsValue {
    let list = match to_js(findings, "findings") {
        Ok(list) => list,
        Err(e) => return e,
    };
    let (en, vi) = match findings.first() {
        None => (
            "the document has no findings".to_owned(),
            "tài liệu không có phát hiện nào".to_owned(),
        ),
        Some(first) => {
            let path = if first.path.is_empty() {
                "/"
            } else {
                &first.path
            };
            (
                format!(
                    "the document has {} finding(s); the first, at `{path}`: {}",
                    findings.len(),
                    first.message(Lang::En)
                ),
                format!(
                    "tài liệu có {} phát hiện; phát hiện đầu tiên, tại `{path}`: {}",
                    findings.len(),
                    first.message(Lang::Vi)
                ),
            )
        }
    };
    let (en, vi) = if place.is_empty() {
        (en, vi)
    } else {
        (format!("`{place}`: {en}"), format!("`{place}`: {vi}"))
    };
    build("ValidationError", &en, &vi, Some(&list))
}
