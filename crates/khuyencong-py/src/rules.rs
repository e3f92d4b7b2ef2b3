//! The law's answers from Python: eligibility, support limits, Vietnamese amounts, JSON
//! Schemas and finding codes. Each function converts its arguments, calls the core and
//! returns the core's JSON form as plain Python objects.

use khuyencong::Codelist;
use khuyencong::activity::Activity;
use khuyencong::funding::FundLevel;
use khuyencong::law::{Citation, Lang};
use khuyencong::schema::{SchemaKind, json_schema as core_schema};
use khuyencong::support::{SupportContext, SupportVariant};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};
use serde::Serialize;
use serde_json::{Value, json};

use crate::convert::{self, json_to_py};
use crate::documents::provincial_pack;
use crate::errors::error;

/// A `str` argument, or a `TypeError` naming it.
fn text<'a>(obj: &'a Bound<'_, PyAny>, what: &str, example: &str) -> PyResult<&'a str> {
    let Ok(s) = obj.cast::<PyString>() else {
        return Err(PyTypeError::new_err(format!(
            "{what} must be a str such as \"{example}\", not {}",
            obj.get_type().name()?
        )));
    };
    s.to_str()
}

fn to_py<'py, T: Serialize>(py: Python<'py>, value: &T, what: &str) -> PyResult<Bound<'py, PyAny>> {
    let value = serde_json::to_value(value).map_err(|e| {
        error(
            format!("cannot encode the {what}: {e}"),
            format!("không mã hóa được kết quả ({what}): {e}"),
        )
    })?;
    json_to_py(py, &value)
}

fn activity(obj: &Bound<'_, PyAny>) -> PyResult<Activity> {
    let code = text(obj, "activity", "advanced_machinery_technology_transfer")?;
    Activity::from_code(code).ok_or_else(|| {
        error(
            format!(
                "unknown activity `{code}`; the codes are listed in khuyencong.catalog(date)[\"activities\"]"
            ),
            format!(
                "mã hoạt động `{code}` không tồn tại; xem khuyencong.catalog(ngày)[\"activities\"]"
            ),
        )
    })
}

/// Assesses whether an applicant may receive an activity on a date; the assessment's JSON
/// form.
#[pyfunction]
pub fn _assess<'py>(
    py: Python<'py>,
    applicant: &Bound<'py, PyAny>,
    activity: &Bound<'py, PyAny>,
    as_of: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    if !applicant.is_instance_of::<PyDict>() {
        return Err(PyTypeError::new_err(format!(
            "applicant must be a dict of facts such as {{\"legal_form\": \"cooperative\"}}, not {}",
            applicant.get_type().name()?
        )));
    }
    // Read as the command reads an applicant file: every problem at once, with its pointer.
    let bytes = convert::to_json_bytes(applicant)?;
    let facts = khuyencong::input::read_applicant(&bytes).map_err(|findings| {
        match crate::errors::validation_error_at(py, "applicant", &findings) {
            Ok(e) | Err(e) => e,
        }
    })?;
    let activity = self::activity(activity)?;
    let date = convert::date(as_of, "as_of")?;
    let assessment = khuyencong::assess(&facts, activity, date)
        .map_err(|e| error(e.to_string(), e.message_vi()))?;
    to_py(py, &assessment, "assessment")
}

/// The most state support for an activity; the limit's JSON form (`status` is `assessed`
/// or `not_assessed`).
#[pyfunction]
#[pyo3(signature = (activity, eligible_cost, as_of, *, fund = None, priority = false, technology_line = false, variant = None, provincial_pack = None, units = None))]
#[allow(clippy::too_many_arguments)]
pub fn _max_support<'py>(
    py: Python<'py>,
    activity: &Bound<'py, PyAny>,
    eligible_cost: &Bound<'py, PyAny>,
    as_of: &Bound<'py, PyAny>,
    fund: Option<&Bound<'py, PyAny>>,
    priority: bool,
    technology_line: bool,
    variant: Option<&Bound<'py, PyAny>>,
    provincial_pack: Option<&Bound<'py, PyAny>>,
    units: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let activity = self::activity(activity)?;
    let cost = convert::vnd(eligible_cost)?;
    let units = match units.filter(|u| !u.is_none()) {
        None => std::num::NonZeroU64::MIN,
        Some(u) => self::units(u)?,
    };
    let date = convert::date(as_of, "as_of")?;
    let fund = match fund.filter(|f| !f.is_none()) {
        None => FundLevel::National,
        Some(f) => {
            let code = text(f, "fund", "national")?;
            FundLevel::from_code(code).ok_or_else(|| {
                let known: Vec<&str> = FundLevel::ALL.iter().map(|l| l.code()).collect();
                error(
                    format!(
                        "unknown fund level `{code}`; expected one of: {}",
                        known.join(", ")
                    ),
                    format!(
                        "cấp kinh phí `{code}` không tồn tại; chọn một trong: {}",
                        known.join(", ")
                    ),
                )
            })?
        }
    };
    let variant = match variant.filter(|v| !v.is_none()) {
        None => None,
        Some(v) => {
            let code = text(v, "variant", "new_technology_or_product")?;
            Some(SupportVariant::from_code(code).ok_or_else(|| {
                let known: Vec<&str> = SupportVariant::ALL.iter().map(|x| x.code()).collect();
                error(
                    format!(
                        "unknown variant `{code}`; expected one of: {}",
                        known.join(", ")
                    ),
                    format!(
                        "biến thể `{code}` không tồn tại; chọn một trong: {}",
                        known.join(", ")
                    ),
                )
            })?)
        }
    };
    let pack = self::provincial_pack(provincial_pack)?;
    let mut ctx = SupportContext::new(fund)
        .priority(priority)
        .technology_line(technology_line)
        .units(units);
    if let Some(v) = variant {
        ctx = ctx.variant(v);
    }
    if let Some(p) = &pack {
        ctx = ctx.provincial_pack(p);
    }
    let limit = khuyencong::max_support(activity, cost, &ctx, date)
        .map_err(|e| error(e.to_string(), e.message_vi()))?;
    to_py(py, &limit, "support limit")
}

/// Reads a number of units: an `int` from 1 (a `bool` or a `float` is a `TypeError`).
fn units(obj: &Bound<'_, PyAny>) -> PyResult<std::num::NonZeroU64> {
    if obj.is_instance_of::<pyo3::types::PyBool>() || !obj.is_instance_of::<pyo3::types::PyInt>() {
        return Err(pyo3::exceptions::PyTypeError::new_err(format!(
            "units must be an int from 1 (e.g. 8 for a group scheme of eight cooperatives), not {}",
            obj.get_type().name()?
        )));
    }
    obj.extract::<u64>()
        .ok()
        .and_then(std::num::NonZeroU64::new)
        .ok_or_else(|| {
            let shown = obj.str().map(|s| s.to_string()).unwrap_or_default();
            error(
                format!("units must be a whole number from 1, got {shown}"),
                format!("số đơn vị phải là số nguyên từ 1, nhận được {shown}"),
            )
        })
}

/// Reads an amount written in Vietnamese notation: `(đồng, exactness)`.
#[pyfunction]
pub fn _parse_vnd(text: &Bound<'_, PyAny>) -> PyResult<(u64, &'static str)> {
    let s = self::text(text, "text", "1.400 triệu đồng")?;
    let parsed = khuyencong::parse_vnd(s).map_err(|e| error(e.to_string(), e.message_vi()))?;
    Ok((parsed.amount.get(), parsed.exactness.code()))
}

/// The JSON Schema (draft 2020-12) of `kind`: `document`, `scheme`, `plan`,
/// `period_report` or `findings`.
#[pyfunction]
pub fn json_schema<'py>(kind: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let py = kind.py();
    let name = text(kind, "kind", "document")?;
    let kind = SchemaKind::from_name(name).ok_or_else(|| {
        let known: Vec<&str> = SchemaKind::ALL.iter().map(|k| k.name()).collect();
        error(
            format!(
                "unknown schema `{name}`; expected one of: {}",
                known.join(", ")
            ),
            format!(
                "lược đồ `{name}` không tồn tại; chọn một trong: {}",
                known.join(", ")
            ),
        )
    })?;
    json_to_py(py, &core_schema(kind))
}

/// What a finding code means: severity, legal basis (with its renderings), meaning and fix
/// in both languages.
#[pyfunction]
pub fn explain<'py>(code: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let py = code.py();
    let name = text(code, "code", "funding.total_mismatch")?;
    let Some(def) = khuyencong::registry::explain(name) else {
        let mut prefixes: Vec<&str> = khuyencong::registry::findings()
            .filter_map(|d| d.code.split('.').next())
            .collect();
        prefixes.sort_unstable();
        prefixes.dedup();
        return Err(error(
            format!(
                "unknown finding code `{name}`; known codes start with: {}",
                prefixes.join(", ")
            ),
            format!(
                "mã phát hiện `{name}` không tồn tại; các mã bắt đầu bằng: {}",
                prefixes.join(", ")
            ),
        ));
    };
    let citation = def.citation.map(|c: Citation| {
        let mut v = serde_json::to_value(c).unwrap_or(Value::Null);
        if let Value::Object(map) = &mut v {
            map.insert("vi".into(), Value::String(c.render(Lang::Vi)));
            map.insert("en".into(), Value::String(c.render(Lang::En)));
        }
        v
    });
    let value = json!({
        "code": def.code,
        "severity": def.severity.code(),
        "citation": citation,
        "meaning_vi": def.meaning_vi,
        "meaning_en": def.meaning_en,
        "fix_vi": def.fix_vi,
        "fix_en": def.fix_en,
    });
    json_to_py(py, &value)
}

/// Every finding code the library can report, in registry order.
#[pyfunction]
pub fn finding_codes() -> Vec<&'static str> {
    khuyencong::registry::findings().map(|d| d.code).collect()
}
