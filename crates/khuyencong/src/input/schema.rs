//! How a JSON Schema (draft 2020-12) is generated from a type: the kinds of schema and
//! their `$id`s, and the rewriting that makes a generated schema compile in strict
//! validators (ajv's draft 2020-12 mode with `strict: true`): only standard keywords and
//! formats, closed code lists as `enum`, unions written so that a wrong value gets one clear
//! error.
//!
//! Each module that owns an input generates that input's schema here — the documents in
//! `document`, the rule packs in `support`, the applicant's facts in `input` — and the
//! structural report validates the input against the value it is given; [`crate::schema`]
//! assembles the published schemas from the same functions.

use schemars::JsonSchema;
use schemars::generate::SchemaSettings;
use serde_json::Value;

/// The version of the document formats the schemas describe (`schema_version`).
pub const SCHEMA_VERSION: u64 = 2;

/// Which schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SchemaKind {
    /// Any document: dispatches on `kind` to the scheme, plan, period-report or programme
    /// schema.
    Document,
    /// A scheme.
    Scheme,
    /// An annual plan.
    Plan,
    /// A period report.
    PeriodReport,
    /// A multi-year programme.
    Programme,
    /// The output of `check` (documents with their findings, and a summary).
    Findings,
    /// A provincial rule pack (local support levels set by a People's Council resolution).
    ProvincialPack,
    /// An applicant's facts, as `khuyencong eligibility` and `assess` read them.
    Applicant,
    /// An eligibility assessment, as `khuyencong eligibility --format json` and `assess`
    /// give it (its findings are those of the findings schema).
    Assessment,
}

impl SchemaKind {
    /// Every schema.
    pub const ALL: [Self; 9] = [
        Self::Document,
        Self::Scheme,
        Self::Plan,
        Self::PeriodReport,
        Self::Programme,
        Self::Findings,
        Self::ProvincialPack,
        Self::Applicant,
        Self::Assessment,
    ];

    /// The schema's name, also its file stem in `docs/schema/`.
    pub const fn name(self) -> &'static str {
        match self {
            Self::Document => "document",
            Self::Scheme => "scheme",
            Self::Plan => "plan",
            Self::PeriodReport => "period_report",
            Self::Programme => "programme",
            Self::Findings => "findings",
            Self::ProvincialPack => "provincial_pack",
            Self::Applicant => "applicant",
            Self::Assessment => "assessment",
        }
    }

    /// The schema's `$id`: a URN carrying the format version.
    pub fn id(self) -> String {
        format!("urn:khuyencong:schema:{}:{SCHEMA_VERSION}", self.name())
    }

    /// Looks a schema up by name (`plan`, `period_report`, `period-report`, …).
    pub fn from_name(name: &str) -> Option<Self> {
        let n = name.replace('-', "_");
        Self::ALL.iter().copied().find(|k| k.name() == n)
    }
}

/// The schema as `schemars` generates it from the type, with its `$id`.
pub(crate) fn generated<T: JsonSchema>(kind: SchemaKind) -> Value {
    let generator = SchemaSettings::draft2020_12().into_generator();
    let mut value = generator.into_root_schema_for::<T>().to_value();
    if let Value::Object(map) = &mut value {
        map.insert("$id".into(), Value::String(kind.id()));
    }
    value
}

/// The schema of a type as published: generated, made strict, with its `$id`; an `input`
/// may name the schema it follows in a `$schema` member.
pub(crate) fn root<T: JsonSchema>(kind: SchemaKind, input: bool) -> Value {
    let mut value = generated::<T>(kind);
    let defs = value.get("$defs").cloned().unwrap_or(Value::Null);
    strict(&mut value, &defs);
    if let Value::Object(map) = &mut value {
        map.insert("$id".into(), Value::String(kind.id()));
        // An input may name the schema it follows (`"$schema": "urn:…"`); the library
        // skips that member at the top level.
        if input && let Some(Value::Object(props)) = map.get_mut("properties") {
            props.insert(
                "$schema".into(),
                serde_json::json!({
                    "description": "The URI of the schema this input follows (not read by the library). / URI của lược đồ (thư viện không đọc).",
                    "type": "string",
                    "maxLength": 2000
                }),
            );
        }
    }
    value
}

/// The schema of a type the library reads but does not publish (the national pack), made
/// as the published ones are.
pub(crate) fn internal<T: JsonSchema>(id: &str) -> Value {
    let mut value = root::<T>(SchemaKind::ProvincialPack, true);
    if let Value::Object(map) = &mut value {
        map.insert("$id".into(), Value::String(id.to_owned()));
    }
    value
}

/// Sets `additionalProperties: false` on every object schema that does not say otherwise.
pub(crate) fn close_objects(v: &mut Value) {
    match v {
        Value::Object(map) => {
            if map.contains_key("properties") && !map.contains_key("additionalProperties") {
                map.insert("additionalProperties".into(), Value::Bool(false));
            }
            map.values_mut().for_each(close_objects);
        }
        Value::Array(items) => items.iter_mut().for_each(close_objects),
        _ => {}
    }
}

/// The formats of JSON Schema draft 2020-12 (§7.3); schemars also writes `uint64`, `int32`
/// and the like, which strict validators refuse — the bounds say the same with `minimum`
/// and `maximum`.
const STANDARD_FORMATS: [&str; 19] = [
    "date-time",
    "date",
    "time",
    "duration",
    "email",
    "idn-email",
    "hostname",
    "idn-hostname",
    "ipv4",
    "ipv6",
    "uri",
    "uri-reference",
    "iri",
    "iri-reference",
    "uuid",
    "uri-template",
    "json-pointer",
    "relative-json-pointer",
    "regex",
];

/// Rewrites a generated schema for strict validators, without changing what it accepts:
/// a `oneOf` of `const`s becomes an `enum` (one error for a wrong code, the titles move to
/// the description); a union of two branches of different types becomes `if`/`then`/`else`
/// on the type (one error from the branch that applies); non-standard formats and `x-*`
/// annotations go.
fn strict(v: &mut Value, defs: &Value) {
    match v {
        Value::Object(map) => {
            map.retain(|k, _| !k.starts_with("x-"));
            if let Some(format) = map
                .get("format")
                .and_then(Value::as_str)
                .filter(|f| !STANDARD_FORMATS.contains(f))
                .map(str::to_owned)
            {
                map.remove("format");
                integer_bounds(map, &format);
            }
            consts_to_enum(map);
            union_to_if(map, defs);
            for child in map.values_mut() {
                strict(child, defs);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|i| strict(i, defs)),
        _ => {}
    }
}

/// The bounds an integer format of schemars stands for (`uint32`: 0 … 4 294 967 295),
/// written as `minimum` and `maximum` — what the library's integer types accept — keeping a
/// tighter bound already stated.
fn integer_bounds(map: &mut serde_json::Map<String, Value>, format: &str) {
    let (min, max): (i128, i128) = match format {
        "uint8" => (0, u8::MAX.into()),
        "uint16" => (0, u16::MAX.into()),
        "uint32" => (0, u32::MAX.into()),
        "uint64" | "uint" => (0, u64::MAX.into()),
        "int8" => (i8::MIN.into(), i8::MAX.into()),
        "int16" => (i16::MIN.into(), i16::MAX.into()),
        "int32" => (i32::MIN.into(), i32::MAX.into()),
        "int64" | "int" => (i64::MIN.into(), i64::MAX.into()),
        _ => return,
    };
    let number = |v: i128| {
        u64::try_from(v).map_or_else(
            |_| Value::from(i64::try_from(v).unwrap_or(i64::MIN)),
            Value::from,
        )
    };
    let stated = |v: Option<&Value>| {
        v.and_then(|v| {
            v.as_u64()
                .map(i128::from)
                .or_else(|| v.as_i64().map(i128::from))
        })
    };
    let lo = stated(map.get("minimum")).map_or(min, |m| m.max(min));
    let hi = stated(map.get("maximum")).map_or(max, |m| m.min(max));
    map.insert("minimum".into(), number(lo));
    map.insert("maximum".into(), number(hi));
}

fn consts_to_enum(map: &mut serde_json::Map<String, Value>) {
    let Some(Value::Array(options)) = map.get("oneOf") else {
        return;
    };
    if options.is_empty() || !options.iter().all(|o| o.get("const").is_some()) {
        return;
    }
    let mut values = Vec::new();
    let mut lines = Vec::new();
    for o in options {
        let code = o["const"].clone();
        let shown = code
            .as_str()
            .map_or_else(|| code.to_string(), str::to_owned);
        let en = o
            .get("x-label-en")
            .or_else(|| o.get("title"))
            .and_then(Value::as_str);
        let vi = o.get("x-label-vi").and_then(Value::as_str);
        let label = match (en, vi) {
            (Some(en), Some(vi)) => format!("{en} / {vi}"),
            (Some(t), None) | (None, Some(t)) => t.to_owned(),
            (None, None) => String::new(),
        };
        lines.push(if label.is_empty() {
            format!("- `{shown}`")
        } else {
            format!("- `{shown}`: {label}")
        });
        values.push(code);
    }
    map.remove("oneOf");
    map.insert("enum".into(), Value::Array(values));
    let description = map
        .get("description")
        .and_then(Value::as_str)
        .map(str::to_owned)
        .unwrap_or_default();
    let joined = lines.join("\n");
    map.insert(
        "description".into(),
        Value::String(if description.is_empty() {
            format!("Values / Giá trị:\n{joined}")
        } else {
            format!("{description}\n\nValues / Giá trị:\n{joined}")
        }),
    );
}

/// The JSON type a branch accepts, when it accepts exactly one (after `$ref`).
fn single_type<'a>(branch: &'a Value, defs: &'a Value) -> Option<&'a str> {
    let resolved = match branch.get("$ref").and_then(Value::as_str) {
        Some(r) => defs.get(r.strip_prefix("#/$defs/")?)?,
        None => branch,
    };
    match resolved.get("type") {
        Some(Value::String(t)) => Some(t.as_str()),
        None if resolved.get("properties").is_some() => Some("object"),
        _ => None,
    }
}

fn union_to_if(map: &mut serde_json::Map<String, Value>, defs: &Value) {
    let key = if map.contains_key("oneOf") {
        "oneOf"
    } else if map.contains_key("anyOf") {
        "anyOf"
    } else {
        return;
    };
    let Some(Value::Array(options)) = map.get(key) else {
        return;
    };
    let [a, b] = options.as_slice() else {
        return;
    };
    let (ta, tb) = (single_type(a, defs), single_type(b, defs));
    // The branch of one type is taken when the value has that type; the other otherwise.
    let (first, then, other) = match (ta, tb) {
        (_, Some("null")) => ("null", b.clone(), a.clone()),
        (Some("null"), _) => ("null", a.clone(), b.clone()),
        (Some(ta), Some(tb))
            if ta != tb && !matches!((ta, tb), ("integer", "number") | ("number", "integer")) =>
        {
            if tb == "object" {
                (tb, b.clone(), a.clone())
            } else {
                (ta, a.clone(), b.clone())
            }
        }
        _ => return,
    };
    let first = first.to_owned();
    map.remove(key);
    map.insert(
        "then".into(),
        if first == "null" {
            Value::Bool(true)
        } else {
            then
        },
    );
    map.insert("if".into(), serde_json::json!({ "type": first }));
    map.insert("else".into(), other);
}
