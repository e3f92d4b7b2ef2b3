//! WebAssembly bindings of `khuyencong`: the module behind the `khuyencong` npm package and
//! the validator page (`web/`).
//!
//! This crate converts between JavaScript values and the core's types and turns the core's
//! errors into JavaScript exceptions; every rule of the law lives in the `khuyencong` crate.
//! Results have the shape of the JSON output (the core's `Serialize` implementations), with
//! every 64-bit integer — each amount of đồng, each count — as a `bigint`, never a lossy
//! number (see [`convert`]). The API is documented in `docs/web.md`.
//!
//! Built for `wasm32-unknown-unknown` and bound with `wasm-bindgen`; on other targets it
//! compiles (so that the workspace builds and lints as one) but its functions need a
//! JavaScript engine to run.

#![forbid(unsafe_code)]

pub mod convert;
pub mod errors;

use std::str::FromStr;

use js_sys::{Array, Reflect};
use khuyencong::activity::Activity;
use khuyencong::catalog::CitationView;
use khuyencong::document::{self, CheckOptions, Checked, Document, DocumentKind};
use khuyencong::funding::FundLevel;
use khuyencong::law::{Citation, Lang, Regime};
use khuyencong::schema::{SchemaKind, json_schema as core_schema};
use khuyencong::support::{ProvincialPack, RuleCitation, SupportContext, SupportVariant};
use khuyencong::totals::TotalsKey;
use khuyencong::{ApplicantFacts, Codelist, Finding, Severity};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use wasm_bindgen::prelude::*;

use crate::convert::{Options, describe, json_input, text, to_js};
use crate::errors::{error, error_bilingual, type_error, validation_error};

/// What a document input may be, for messages.
const DOCUMENT_TYPES: &str = "a plain object, a string of JSON text or a Uint8Array of JSON bytes";

/// The result of checking one document.
#[derive(Serialize)]
struct CheckOut<'a> {
    kind: Option<DocumentKind>,
    id: Option<&'a str>,
    /// Whether the document could be read (its kind and id may be known when it cannot).
    readable: bool,
    ok: bool,
    findings: &'a [Finding],
}

impl<'a> From<&'a Checked> for CheckOut<'a> {
    fn from(c: &'a Checked) -> Self {
        Self {
            kind: c.kind,
            id: c.id.as_deref(),
            readable: c.document.is_some(),
            ok: !c.has_errors(),
            findings: &c.findings,
        }
    }
}

/// The version of the package (the workspace version).
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// What a provincial pack option may be, for messages.
const PACK_TYPES: &str = "the name of a shipped pack (see packs()), a plain object, a string of JSON text or a Uint8Array of JSON bytes";

/// Reads a provincial rule pack given as an option: the name of a shipped pack
/// (`"dong-thap-2024"`: a string that is not a JSON object), a plain object, JSON text or
/// bytes.
fn provincial_pack(value: &JsValue) -> Result<Option<ProvincialPack>, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    if let Some(name) = value
        .as_string()
        .filter(|t| !t.trim_start().starts_with('{'))
    {
        return ProvincialPack::shipped(name.trim())
            .map(Some)
            .map_err(|e| error(e.to_string(), e.message_vi()));
    }
    let bytes = json_input(value, "provincialPack", PACK_TYPES)?;
    let text = String::from_utf8(bytes).map_err(|e| {
        error(
            format!("provincialPack is not UTF-8: {e}"),
            format!("gói quy định của tỉnh không phải UTF-8: {e}"),
        )
    })?;
    ProvincialPack::from_json(&text)
        .map(Some)
        .map_err(|e| error(e.to_string(), e.message_vi()))
}

fn check_options(value: &JsValue, function: &str) -> Result<CheckOptions, JsValue> {
    let options = Options::read(value, function, &["provincialPack"])?;
    Ok(match provincial_pack(&options.get("provincialPack")?)? {
        Some(p) => CheckOptions::default().with_provincial_pack(p),
        None => CheckOptions::default(),
    })
}

/// The documents of a batch: an array; a single document is a `TypeError` with a hint.
fn batch(value: &JsValue, function: &str) -> Result<Array, JsValue> {
    if Array::is_array(value) {
        return Ok(value.clone().into());
    }
    Err(type_error(format!(
        "{function}() takes an array of documents (plain objects, strings of JSON text or Uint8Arrays), not {}: wrap a single document in [ ]",
        describe(value)
    )))
}

/// Checks one document: `{kind, id, readable, ok, findings}`. A document that cannot be read
/// is not an exception: its problems are `structure.*` findings (all of them), with its kind
/// and id whenever they can be read.
#[wasm_bindgen]
pub fn check(input: &JsValue, options: &JsValue) -> Result<JsValue, JsValue> {
    let options = check_options(options, "check")?;
    let bytes = json_input(input, "the document", DOCUMENT_TYPES)?;
    let checked = document::check_bytes(&bytes, &options);
    to_js(&CheckOut::from(&checked), "check result")
}

/// Checks documents; one result per input, in order.
#[wasm_bindgen(js_name = checkMany)]
pub fn check_many(inputs: &JsValue, options: &JsValue) -> Result<JsValue, JsValue> {
    let options = check_options(options, "checkMany")?;
    let inputs = batch(inputs, "checkMany")?;
    let mut checked = Vec::with_capacity(inputs.length() as usize);
    for (i, input) in inputs.iter().enumerate() {
        let bytes = json_input(&input, &format!("document {i}"), DOCUMENT_TYPES)?;
        checked.push(document::check_bytes(&bytes, &options));
    }
    let out: Vec<CheckOut<'_>> = checked.iter().map(CheckOut::from).collect();
    to_js(&out, "check results")
}

/// Totals of documents grouped by `by` (`province`, `period` or `year`, `fund_level`,
/// `source`, `activity`, `kind`; none: one grand total): `{rows, documents}`, the rows of
/// `khuyencong totals --format json` and every document with the number of errors its check
/// finds (its figures are included as stated). A document that cannot be read throws a
/// `ValidationError`.
#[wasm_bindgen]
pub fn totals(inputs: &JsValue, by: &JsValue) -> Result<JsValue, JsValue> {
    let mut keys = Vec::new();
    if !by.is_undefined() && !by.is_null() {
        if !Array::is_array(by) {
            return Err(type_error(format!(
                "by must be an array of keys such as [\"source\"], not {}",
                describe(by)
            )));
        }
        for key in Array::from(by).iter() {
            let name = text(&key, "a totals key", "source")?;
            keys.push(TotalsKey::from_str(&name).map_err(|e| error_bilingual(&e))?);
        }
    }
    let inputs = batch(inputs, "totals")?;
    let mut documents: Vec<Document> = Vec::with_capacity(inputs.length() as usize);
    for (i, input) in inputs.iter().enumerate() {
        let place = format!("document {i}");
        let bytes = json_input(&input, &place, DOCUMENT_TYPES)?;
        documents.push(document::parse(&bytes).map_err(|e| validation_error(&place, &e.findings))?);
    }
    let report = khuyencong::totals::totals_report(&documents, &keys)
        .map_err(|e| error(e.to_string(), e.message_vi()))?;
    to_js(&report, "totals")
}

fn activity(value: &JsValue) -> Result<Activity, JsValue> {
    let code = text(value, "activity", "advanced_machinery_technology_transfer")?;
    Activity::from_code(&code).ok_or_else(|| {
        error(
            format!("unknown activity `{code}`; the codes are listed in catalog(date).activities"),
            format!("mã hoạt động `{code}` không tồn tại; xem catalog(ngày).activities"),
        )
    })
}

/// A JSON Pointer from the path `serde_path_to_error` reports.
fn pointer(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for segment in path {
        out.push('/');
        match segment {
            Segment::Seq { index } => out.push_str(&index.to_string()),
            Segment::Map { key } | Segment::Enum { variant: key } => {
                out.push_str(&khuyencong::finding::escape_token(key));
            }
            Segment::Unknown => out.push('?'),
        }
    }
    out
}

/// Assesses whether an applicant (a plain object of facts, or JSON text) may receive an
/// activity on a date (`YYYY-MM-DD`): the assessment's JSON form.
#[wasm_bindgen]
pub fn assess(
    applicant: &JsValue,
    activity: &JsValue,
    as_of: &JsValue,
) -> Result<JsValue, JsValue> {
    let bytes = json_input(
        applicant,
        "applicant",
        "a plain object of facts such as {legal_form: \"cooperative\"}, or JSON text",
    )?;
    let invalid = |at: &str, e: &serde_json::Error| {
        let at = if at.is_empty() { "/" } else { at };
        error(
            format!("invalid applicant facts at `{at}`: {e}"),
            format!("dữ kiện của đối tượng không hợp lệ tại `{at}`: {e}"),
        )
    };
    let mut de = serde_json::Deserializer::from_slice(&bytes);
    let facts: ApplicantFacts = serde_path_to_error::deserialize(&mut de)
        .map_err(|e| invalid(&pointer(e.path()), e.inner()))?;
    de.end().map_err(|e| invalid("", &e))?;
    let activity = self::activity(activity)?;
    let date = convert::date(as_of, "asOf")?;
    let assessment = khuyencong::assess(&facts, activity, date)
        .map_err(|e| error(e.to_string(), e.message_vi()))?;
    to_js(&assessment, "assessment")
}

/// The most state support for an activity: the limit's JSON form (`status` is `assessed`
/// or `not_assessed`). Options: `fund`, `priority`, `technologyLine`, `variant`,
/// `provincialPack`, `units` (how many units the eligible cost covers, from 1).
#[wasm_bindgen(js_name = maxSupport)]
pub fn max_support(
    activity: &JsValue,
    eligible_cost: &JsValue,
    as_of: &JsValue,
    options: &JsValue,
) -> Result<JsValue, JsValue> {
    let activity = self::activity(activity)?;
    let cost = convert::vnd(eligible_cost, "eligibleCost")?;
    let date = convert::date(as_of, "asOf")?;
    let options = Options::read(
        options,
        "maxSupport",
        &[
            "fund",
            "priority",
            "technologyLine",
            "variant",
            "provincialPack",
            "units",
        ],
    )?;
    let fund = options.get("fund")?;
    let fund = if fund.is_undefined() || fund.is_null() {
        FundLevel::National
    } else {
        let code = text(&fund, "fund", "national")?;
        FundLevel::from_code(&code).ok_or_else(|| {
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
    };
    let variant = options.get("variant")?;
    let variant = if variant.is_undefined() || variant.is_null() {
        None
    } else {
        let code = text(&variant, "variant", "new_technology_or_product")?;
        Some(SupportVariant::from_code(&code).ok_or_else(|| {
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
    };
    let priority = convert::flag(&options.get("priority")?, "priority")?;
    let technology_line = convert::flag(&options.get("technologyLine")?, "technologyLine")?;
    let pack = provincial_pack(&options.get("provincialPack")?)?;
    let units = convert::units(&options.get("units")?)?;
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
    to_js(&limit, "support limit")
}

/// Reads an amount written in Vietnamese notation ("1.400 triệu đồng", "hơn 15,2 tỷ"):
/// `{amount, exactness}`, the amount a `bigint` of đồng.
#[wasm_bindgen(js_name = parseVnd)]
pub fn parse_vnd(input: &JsValue) -> Result<JsValue, JsValue> {
    let s = text(input, "text", "1.400 triệu đồng")?;
    let parsed = khuyencong::parse_vnd(&s).map_err(|e| error(e.to_string(), e.message_vi()))?;
    to_js(&parsed, "amount")
}

/// The catalogue of instruments and codelists valid on a date; every codelist item gets a
/// `label` in `lang` (`vi` by default) beside `label_vi` and `label_en`.
#[wasm_bindgen]
pub fn catalog(as_of: &JsValue, lang: &JsValue) -> Result<JsValue, JsValue> {
    let date = convert::date(as_of, "asOf")?;
    let lang = convert::lang(lang)?;
    let catalog = khuyencong::catalog(date).map_err(|e| error(e.to_string(), e.message_vi()))?;
    let out = to_js(&catalog, "catalogue")?;
    let label_key: JsValue = match lang {
        Lang::Vi => "label_vi",
        Lang::En => "label_en",
    }
    .into();
    let label: JsValue = "label".into();
    for name in khuyencong::catalog::LISTS {
        let list = Reflect::get(&out, &name.into())?;
        if !Array::is_array(&list) {
            continue;
        }
        for item in Array::from(&list).iter() {
            if item.is_object() {
                let value = Reflect::get(&item, &label_key)?;
                Reflect::set(&item, &label, &value)?;
            }
        }
    }
    Ok(out)
}

/// The provincial rule packs shipped with the library: `name`, `province`,
/// `province_code`, `instrument_vi`, `instrument_en`, `effective_from`, `effective_until`,
/// `confidence`, `rules`, `example`.
#[wasm_bindgen]
pub fn packs() -> Result<JsValue, JsValue> {
    let list =
        khuyencong::support::shipped_packs().map_err(|e| error(e.to_string(), e.message_vi()))?;
    to_js(&list, "packs")
}

/// The JSON Schema (draft 2020-12) of `kind`: `document`, `scheme`, `plan`,
/// `period_report`, `programme`, `findings` or `provincial_pack` — plain JSON for a validator (its
/// integers are numbers, all within 2^53 − 1).
#[wasm_bindgen(js_name = jsonSchema)]
pub fn json_schema(kind: &JsValue) -> Result<JsValue, JsValue> {
    let name = text(kind, "kind", "document")?;
    let kind = SchemaKind::from_name(&name).ok_or_else(|| {
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
    let text = serde_json::to_string(&core_schema(kind)).map_err(|e| {
        error(
            format!("cannot encode the schema: {e}"),
            format!("không mã hóa được lược đồ: {e}"),
        )
    })?;
    js_sys::JSON::parse(&text)
}

/// What a finding code means.
#[derive(Serialize)]
struct Explained {
    code: &'static str,
    severity: Severity,
    citation: Option<CitationView>,
    meaning_vi: &'static str,
    meaning_en: &'static str,
    fix_vi: &'static str,
    fix_en: &'static str,
}

/// What a finding code means: severity, legal basis (with its renderings `vi` and `en`),
/// meaning and fix in both languages.
#[wasm_bindgen]
pub fn explain(code: &JsValue) -> Result<JsValue, JsValue> {
    let name = text(code, "code", "funding.total_mismatch")?;
    let Some(def) = khuyencong::registry::explain(&name) else {
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
    to_js(
        &Explained {
            code: def.code,
            severity: def.severity,
            citation: def.citation.map(CitationView::from),
            meaning_vi: def.meaning_vi,
            meaning_en: def.meaning_en,
            fix_vi: def.fix_vi,
            fix_en: def.fix_en,
        },
        "explanation",
    )
}

/// Every finding code the library can report, in registry order.
#[wasm_bindgen(js_name = findingCodes)]
pub fn finding_codes() -> Result<JsValue, JsValue> {
    let codes: Vec<&str> = khuyencong::registry::findings().map(|d| d.code).collect();
    to_js(&codes, "finding codes")
}

/// Renders a citation in `lang` (`vi` by default): the compact object of a finding, a
/// support limit's citation (a national instrument or a provincial resolution), or a
/// catalogue item's `citation` (whose `vi` and `en` renderings are set aside).
#[wasm_bindgen(js_name = renderCitation)]
pub fn render_citation(citation: &JsValue, lang: &JsValue) -> Result<String, JsValue> {
    let lang = convert::lang(lang)?;
    if !citation.is_object() || Array::is_array(citation) {
        return Err(type_error(format!(
            "citation must be an object such as {{instrument: \"nd_45_2012\", article: 4, clause: 1, point: \"đ\"}}, not {}",
            describe(citation)
        )));
    }
    let bytes = json_input(citation, "citation", "an object")?;
    let mut value: Value = serde_json::from_slice(&bytes).map_err(|e| {
        error(
            format!("invalid citation: {e}"),
            format!("trích dẫn không hợp lệ: {e}"),
        )
    })?;
    // The catalogue and `explain` show citations with their renderings beside the compact
    // fields; those are output, not part of the citation.
    if let Some(map) = value.as_object_mut() {
        for key in ["vi", "en"] {
            if map.get(key).is_some_and(Value::is_string) {
                map.remove(key);
            }
        }
    }
    let citation = RuleCitation::deserialize(value).map_err(|e| {
        error(
            format!("invalid citation: {e}"),
            format!("trích dẫn không hợp lệ: {e}"),
        )
    })?;
    Ok(citation.render(lang))
}

/// Parses a citation written in Vietnamese or English into its compact form.
#[wasm_bindgen(js_name = parseCitation)]
pub fn parse_citation(input: &JsValue) -> Result<JsValue, JsValue> {
    let s = text(input, "text", "khoản 1 Điều 4 Nghị định số 45/2012/NĐ-CP")?;
    let citation: Citation = s
        .parse()
        .map_err(|e: khuyencong::law::CitationParseError| error(e.to_string(), e.message_vi()))?;
    to_js(&citation, "citation")
}

/// The code of the regime of Decree 45/2012/NĐ-CP in force on a date (`regime_2012`,
/// `regime_2025`).
#[wasm_bindgen(js_name = regimeAt)]
pub fn regime_at(date: &JsValue) -> Result<String, JsValue> {
    let date = convert::date(date, "date")?;
    Regime::at(date)
        .map(|r| r.code().to_owned())
        .map_err(|e| error(e.to_string(), e.message_vi()))
}

/// JSON text of a value (a result, a document): `bigint`s are written as exact JSON
/// integers, which `JSON.stringify` cannot do; `indent` spaces per level, or compact.
#[wasm_bindgen(js_name = toJson)]
pub fn to_json(value: &JsValue, indent: &JsValue) -> Result<String, JsValue> {
    let indent = if indent.is_undefined() || indent.is_null() {
        None
    } else {
        match indent.as_f64() {
            Some(0.0) => None,
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            Some(n) if n.fract() == 0.0 && (1.0..=10.0).contains(&n) => Some(n as usize),
            _ => {
                return Err(type_error(format!(
                    "indent must be a whole number of spaces from 0 to 10, not {}",
                    describe(indent)
                )));
            }
        }
    };
    let mut w = convert::JsonWriter::new(indent);
    w.write(value, 0)?;
    String::from_utf8(w.out).map_err(|e| {
        error(
            format!("cannot write JSON: {e}"),
            format!("không ghi được JSON: {e}"),
        )
    })
}
