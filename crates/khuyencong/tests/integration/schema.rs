//! The committed JSON Schemas are current, closed, bilingual — and agree with the library on
//! every document of the corpus (checked with an independent validator).
//! Regenerate with `KHUYENCONG_BLESS=1 cargo test -p khuyencong --test integration schema`.

use std::path::PathBuf;

use khuyencong::document::{CheckOptions, check_bytes};
use khuyencong::schema::{SchemaKind, json_schema};
use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn schema_path(kind: SchemaKind) -> PathBuf {
    root().join(format!("docs/schema/{}.schema.json", kind.name()))
}

#[test]
fn committed_schemas_are_current() {
    let bless = std::env::var_os("KHUYENCONG_BLESS").is_some();
    let mut stale = Vec::new();
    for kind in SchemaKind::ALL {
        let fresh = serde_json::to_string_pretty(&json_schema(kind)).expect("json") + "\n";
        let path = schema_path(kind);
        if bless {
            std::fs::write(&path, &fresh).expect("write schema");
        }
        if std::fs::read_to_string(&path).unwrap_or_default() != fresh {
            stale.push(kind.name());
        }
    }
    assert!(
        stale.is_empty(),
        "stale schemas {stale:?}; regenerate with KHUYENCONG_BLESS=1"
    );
}

#[test]
fn committed_codelists_are_current() {
    let bless = std::env::var_os("KHUYENCONG_BLESS").is_some();
    let dir = root().join("docs/schema/codelists");
    if bless {
        std::fs::create_dir_all(&dir).expect("mkdir");
    }
    let mut stale = Vec::new();
    for list in &khuyencong::catalog::LISTS[1..] {
        let csv = khuyencong::catalog::to_csv(
            &khuyencong::catalog::codelist_rows(list).expect("known list"),
        );
        let json = serde_json::to_string_pretty(
            &khuyencong::catalog::codelist_json(list).expect("known list"),
        )
        .expect("json")
            + "\n";
        for (ext, fresh) in [("csv", csv), ("json", json)] {
            let path = dir.join(format!("{list}.{ext}"));
            if bless {
                std::fs::write(&path, &fresh).expect("write");
            }
            if std::fs::read_to_string(&path).unwrap_or_default() != fresh {
                stale.push(format!("{list}.{ext}"));
            }
        }
    }
    assert!(
        stale.is_empty(),
        "stale codelists {stale:?}; regenerate with KHUYENCONG_BLESS=1"
    );
}

#[test]
fn provincial_pack_schema_and_loader_agree() {
    let schema = json_schema(SchemaKind::ProvincialPack);
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("pack schema compiles");
    let text = std::fs::read_to_string(root().join("docs/examples/provincial-pack.example.json"))
        .expect("example pack");
    let value: Value = serde_json::from_str(&text).expect("json");
    assert!(
        validator.is_valid(&value),
        "the example pack is schema-valid"
    );
    assert!(khuyencong::support::ProvincialPack::from_json(&text).is_ok());
    let mut broken = value.clone();
    broken["resolution"]["colour"] = Value::from("red");
    assert!(!validator.is_valid(&broken));
    let err = khuyencong::support::ProvincialPack::from_json(&broken.to_string())
        .expect_err("unknown field");
    assert!(err.to_string().contains("colour"), "{err}");
    // The shipped packs too, with what their sources did not give left out.
    for (name, text) in khuyencong::support::SHIPPED_PACKS {
        let value: Value = serde_json::from_str(text).expect("json");
        assert!(validator.is_valid(&value), "{name} is schema-valid");
        assert!(khuyencong::support::ProvincialPack::from_json(text).is_ok());
    }
}

/// Walks every subschema.
fn walk<'a>(v: &'a Value, out: &mut Vec<&'a Value>) {
    match v {
        Value::Object(map) => {
            out.push(v);
            for child in map.values() {
                walk(child, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|i| walk(i, out)),
        _ => {}
    }
}

#[test]
fn schemas_are_closed_bilingual_bounded_and_standard() {
    let mut unlabelled = std::collections::BTreeSet::new();
    for kind in SchemaKind::ALL {
        let schema = json_schema(kind);
        assert_eq!(
            schema["$schema"],
            "https://json-schema.org/draft/2020-12/schema"
        );
        assert!(schema["$id"].as_str().unwrap_or_default().ends_with(":2"));
        let mut all = Vec::new();
        walk(&schema, &mut all);
        for s in all {
            let map = s.as_object().expect("object");
            // Only standard keywords (strict validators refuse `x-*`) and formats.
            assert!(
                map.keys().all(|k| !k.starts_with("x-")),
                "{}: {s}",
                kind.name()
            );
            if let Some(f) = s.get("format") {
                assert!(f == "date", "{}: format {f}", kind.name());
            }
            if s.get("properties").is_some()
                && s.get("if").is_none()
                && kind != SchemaKind::Document
            {
                assert_eq!(
                    s.get("additionalProperties"),
                    Some(&Value::Bool(false)),
                    "{}: open object {s}",
                    kind.name()
                );
            }
            // A closed list is an `enum` (one error for a wrong code), its values named
            // in both languages in the description.
            assert!(
                s.get("oneOf")
                    .and_then(Value::as_array)
                    .is_none_or(|o| o.iter().all(|b| b.get("const").is_none())),
                "{}: oneOf of const {s}",
                kind.name()
            );
            // (Inputs: what a submitting system writes. The outputs' codes are documented
            // with the outputs.)
            let output = matches!(kind, SchemaKind::Findings | SchemaKind::Assessment);
            if let Some(values) = s.get("enum").and_then(Value::as_array).filter(|_| !output) {
                let d = s
                    .get("description")
                    .and_then(Value::as_str)
                    .unwrap_or_default();
                // Codes are strings; a number (the readable `schema_version`s) is its own label.
                for v in values.iter().filter(|v| v.is_string()) {
                    let code = v.as_str().unwrap_or_default();
                    let labelled = d.lines().any(|line| {
                        line.starts_with(&format!("- `{code}`: ")) && line.contains(" / ")
                    });
                    if !labelled {
                        unlabelled.insert(code.to_owned());
                    }
                }
            }
            // Every integer is bounded, below and above, as the library's types are.
            let is_integer = match s.get("type") {
                Some(Value::String(t)) => t == "integer",
                Some(Value::Array(t)) => t.contains(&Value::from("integer")),
                _ => false,
            };
            // (A `const` or an `enum` bounds it too: `schema_version`.)
            if is_integer && s.get("const").is_none() && s.get("enum").is_none() {
                assert!(
                    s.get("minimum").is_some() && s.get("maximum").is_some(),
                    "{}: unbounded integer {s}",
                    kind.name()
                );
            }
            if s.get("type") == Some(&Value::String("integer".into()))
                && s.get("description")
                    .and_then(Value::as_str)
                    .is_some_and(|d| d.contains("đồng"))
            {
                assert_eq!(s["minimum"], 0);
                assert_eq!(s["maximum"], 9_007_199_254_740_991_u64);
            }
            if s.get("format") == Some(&Value::String("date".into())) {
                let t = &s["type"];
                assert!(
                    t == "string" || t.as_array().is_some_and(|a| a.contains(&"string".into())),
                    "{t}"
                );
            }
        }
    }
    assert!(
        unlabelled.is_empty(),
        "values without a Vietnamese and an English label: {unlabelled:?}"
    );
}

pub(crate) fn validator() -> jsonschema::Validator {
    let mut resources = Vec::new();
    for kind in [
        SchemaKind::Scheme,
        SchemaKind::Plan,
        SchemaKind::PeriodReport,
        SchemaKind::Programme,
    ] {
        resources.push((
            kind.id(),
            jsonschema::Resource::from_contents(json_schema(kind)).expect("resource"),
        ));
    }
    jsonschema::options()
        .should_validate_formats(true)
        .with_resources(resources.into_iter())
        .build(&json_schema(SchemaKind::Document))
        .expect("document schema compiles")
}

/// Structural checks only the library makes: the schema cannot see them (not JSON at all,
/// duplicate keys, depth limits, an integral float such as 1400000000.0).
const LIBRARY_ONLY: [&str; 7] = [
    "structure.empty",
    "structure.bom",
    "structure.not_utf8",
    "structure.malformed_json",
    "structure.truncated",
    "structure.duplicate_field",
    "structure.too_deep",
];

#[test]
fn schema_and_library_agree_on_the_whole_corpus() {
    let validator = validator();
    let mut inputs: Vec<(String, Vec<u8>)> = Vec::new();
    for dir in ["tests/cases", "docs/examples"] {
        for entry in walkdir(&root().join(dir)) {
            let name = entry.to_string_lossy();
            let document = if dir == "tests/cases" {
                name.ends_with("/input.json")
            } else {
                name.ends_with(".json") && !name.contains("provincial-pack")
            };
            if document {
                inputs.push((
                    entry.display().to_string(),
                    std::fs::read(&entry).expect("read"),
                ));
            }
        }
    }
    assert!(inputs.len() >= 40, "{} inputs", inputs.len());
    let mut disagreements = Vec::new();
    for (name, bytes) in &inputs {
        let checked = check_bytes(bytes, &CheckOptions::default());
        let structural: Vec<&khuyencong::Finding> = checked
            .findings
            .iter()
            .filter(|f| {
                f.code.starts_with("structure.") && f.severity == khuyencong::Severity::Error
            })
            .collect();
        // A byte-order mark is ignored by the library (RFC 8259 §8.1); validators get the text.
        let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let Ok(json) = serde_json::from_slice::<Value>(text) else {
            // Not JSON a validator can load (malformed, not UTF-8, too deep for a reader):
            // only the library can say what is wrong.
            assert!(!structural.is_empty(), "{name}");
            continue;
        };
        let mut schema_errors: Vec<String> = Vec::new();
        for e in validator.iter_errors(&json) {
            collect_paths(&e, &mut schema_errors);
        }
        match (checked.document.is_some(), schema_errors.is_empty()) {
            // The library reads it: the schema must accept it.
            (true, false) => disagreements.push(format!(
                "{name}: the library reads it, the schema rejects it at {schema_errors:?}"
            )),
            // The schema rejects it: the library must report a structural error at one of
            // the schema's paths.
            (false, false) => {
                let agree = structural.iter().any(|f| schema_errors.contains(&f.path));
                if !agree {
                    disagreements.push(format!(
                        "{name}: schema paths {schema_errors:?}, library {:?}",
                        structural
                            .iter()
                            .map(|f| (&f.code, &f.path))
                            .collect::<Vec<_>>()
                    ));
                }
            }
            // Only the library rejects it: allowed for its documented extra checks.
            (false, true) => {
                let known = structural.iter().all(|f| {
                    LIBRARY_ONLY.contains(&f.code.as_str())
                        || (f.code == "structure.not_whole_number"
                            && json_pointer_is_integral_float(bytes, &json, &f.path))
                });
                if !known {
                    disagreements.push(format!(
                        "{name}: the schema accepts what the library rejects: {:?}",
                        structural
                            .iter()
                            .map(|f| (&f.code, &f.path))
                            .collect::<Vec<_>>()
                    ));
                }
            }
            (true, true) => {}
        }
    }
    assert!(disagreements.is_empty(), "{}", disagreements.join("\n"));
}

/// The error's path and the paths of the errors inside `anyOf` / `oneOf` branches (as
/// validators report them in their error context).
fn collect_paths(e: &jsonschema::ValidationError<'_>, out: &mut Vec<String>) {
    use jsonschema::error::ValidationErrorKind as K;
    out.push(e.instance_path.to_string());
    if let K::AnyOf { context } | K::OneOfNotValid { context } = &e.kind {
        for branch in context {
            for sub in branch {
                collect_paths(sub, out);
            }
        }
    }
}

/// Whether the value at `pointer` is a number with a zero fraction written as a float
/// (1400000000.0, 1.4e9): JSON Schema counts it as an integer, the library does not.
fn json_pointer_is_integral_float(_bytes: &[u8], json: &Value, pointer: &str) -> bool {
    json.pointer(pointer)
        .and_then(Value::as_f64)
        .is_some_and(|v| v.fract() == 0.0)
        && json
            .pointer(pointer)
            .is_some_and(|v| !v.is_u64() && !v.is_i64())
}

fn walkdir(dir: &std::path::Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                out.extend(walkdir(&p));
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn serialize_and_deserialize_contracts_are_identical() {
    use schemars::generate::{Contract, SchemaSettings};
    fn both<T: schemars::JsonSchema>() -> (Value, Value) {
        let mut de = SchemaSettings::draft2020_12();
        de.contract = Contract::Deserialize;
        let mut ser = SchemaSettings::draft2020_12();
        ser.contract = Contract::Serialize;
        (
            de.into_generator().into_root_schema_for::<T>().to_value(),
            ser.into_generator().into_root_schema_for::<T>().to_value(),
        )
    }
    use khuyencong::document::{CheckReport, PeriodReport, Plan, Programme, Scheme};
    let pairs = [
        ("scheme", both::<Scheme>()),
        ("plan", both::<Plan>()),
        ("period_report", both::<PeriodReport>()),
        ("programme", both::<Programme>()),
        ("findings", both::<CheckReport>()),
        (
            "provincial_pack",
            both::<khuyencong::support::ProvincialPack>(),
        ),
    ];
    let mut differ = Vec::new();
    for (name, (de, ser)) in pairs {
        if de != ser {
            differ.push(name);
        }
    }
    assert!(differ.is_empty(), "contracts differ for {differ:?}");
}
