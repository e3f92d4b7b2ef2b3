//! One truth: the library accepts exactly what the published JSON Schemas accept, both
//! ways, on every document of the corpus and thousands of mutations of them — checked with
//! an independent validator (the `jsonschema` crate, format checking on). The Python
//! package runs the same kind of test with Python's `jsonschema` and with ajv in strict
//! mode (python/tests/test_schema.py).
//!
//! What JSON Schema cannot see is left out by construction: the mutations are JSON values,
//! so there are no duplicate keys, no bad bytes and no integral floats (`1400.0`, which the
//! schema counts as an integer and the library refuses).

use khuyencong::document::{CheckOptions, check_bytes};
use khuyencong::input::read_applicant;
use khuyencong::schema::{SchemaKind, json_schema};
use serde_json::{Value, json};

use crate::generator::{self, Rng};

/// Every pointer of a value (the root included).
fn pointers(v: &Value, at: &str, out: &mut Vec<String>) {
    out.push(at.to_owned());
    match v {
        Value::Object(map) => {
            for (k, child) in map {
                let token = k.replace('~', "~0").replace('/', "~1");
                pointers(child, &format!("{at}/{token}"), out);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                pointers(child, &format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// Values that break things in as many ways as the schema can tell.
fn replacement(rng: &mut Rng, old: &Value) -> Value {
    let strings = [
        "",
        "x",
        "2022-6-1",
        "+2025-01-01",
        " 2025-01-01",
        "2025-02-30",
        "2024-02-29",
        "2023-13-01",
        "0000-01-01",
        "1.5",
        "0.5",
        "+0.5",
        "1.0000000000000000000000000001",
        "national",
        "provincial",
        "district",
        "counterpart",
        "advanced_machinery_technology_transfer",
        "technology",
        "exact",
        "lower_bound",
        "roughly",
        "cooperative",
        "scheme",
        "plan",
        "period_report",
        "ward",
        "class_1",
        "a",
    ];
    match rng.below(22) {
        0 => Value::Null,
        1 => json!(true),
        2 => json!(0),
        3 => json!(-1),
        4 => json!(1.5),
        5 => json!(9_007_199_254_740_991_u64),
        6 => json!(9_007_199_254_740_992_u64),
        7 => json!(u64::MAX),
        8 => json!(i64::MIN),
        9 => Value::from(*rng.pick(&strings)),
        10 => Value::from("đ".repeat(usize::try_from(rng.range(90, 1100)).unwrap_or(0))),
        11 => json!([]),
        12 => json!({}),
        13 => json!({"x": 1}),
        // An object written as the array of its values (what serde's derived readers
        // accept and no schema allows).
        14 => match old {
            Value::Object(m) => Value::Array(m.values().cloned().collect()),
            other => json!([other]),
        },
        // A code written as an object naming it.
        15 => match old {
            Value::String(s) => json!({ s.as_str(): null }),
            _ => json!({"national": null}),
        },
        // Numbers near the bounds the schema states.
        16 => match old {
            Value::Number(n) => {
                let v = n.as_u64().unwrap_or(0);
                Value::from(match rng.below(6) {
                    0 => v.saturating_add(1),
                    1 => v.saturating_mul(1000),
                    2 => 1999,
                    3 => 2101,
                    4 => u64::from(u32::MAX) + 1,
                    _ => 65_536,
                })
            }
            _ => json!(2101),
        },
        17 => json!(i64::from(i32::MIN) - 1),
        // An array grown past any bound.
        18 => match old {
            Value::Array(items) if !items.is_empty() => {
                let n = usize::try_from(rng.range(21, 1002)).unwrap_or(21);
                Value::Array(items.iter().cycle().take(n).cloned().collect())
            }
            other => json!([other, other]),
        },
        19 => json!(["a"]),
        20 => json!(-0.5),
        _ => json!(2024),
    }
}

/// The replacements tried at every place: in optimised test builds every replacement of
/// [`replacement`] and more bounds; in debug builds the ones that probe each kind of
/// bound once (the random mutations cover the rest).
fn battery(old: &Value) -> Vec<Value> {
    let object_as_array = match old {
        Value::Object(m) => Value::Array(m.values().cloned().collect()),
        other => json!([other]),
    };
    let mut out = vec![
        Value::Null,
        json!(true),
        json!(-1),
        json!(1.5),
        json!(9_007_199_254_740_992_u64),
        json!(u64::from(u32::MAX) + 1),
        json!(i64::from(i32::MIN) - 1),
        json!(2101),
        json!(""),
        Value::from("đ".repeat(1001)),
        json!("2022-6-1"),
        json!("x"),
        json!([]),
        json!({}),
        object_as_array,
        json!({"national": null}),
    ];
    if !cfg!(debug_assertions) {
        let mut rng = Rng::new(1);
        out.extend((0..200).map(|_| replacement(&mut rng, old)));
        out.extend([
            json!(u64::from(u32::MAX)),
            json!(i64::from(i32::MAX) + 1),
            json!(i64::from(i32::MIN)),
            json!(u64::MAX),
            json!(100_000),
            json!(1_000_000),
            json!(9_999),
            json!(10_000),
            json!(2000),
            json!(2100),
            json!(1999),
        ]);
    }
    out.sort_by_key(ToString::to_string);
    out.dedup();
    out
}

/// One to three edits of a document: a value replaced, a member removed or added.
fn mutate(rng: &mut Rng, doc: &Value) -> Value {
    let mut out = doc.clone();
    for _ in 0..rng.range(1, 3) {
        let mut all = Vec::new();
        pointers(&out, "", &mut all);
        let at = rng.pick(&all).clone();
        match rng.below(5) {
            0 => {
                // Remove a member.
                if let Some((parent, key)) = at.rsplit_once('/')
                    && let Some(Value::Object(m)) = out.pointer_mut(parent)
                {
                    m.remove(&key.replace("~1", "/").replace("~0", "~"));
                }
            }
            1 => {
                // Add an unknown member, or the `$schema` member.
                if let Some(Value::Object(m)) = out.pointer_mut(&at) {
                    let (k, v) = if rng.chance(30) {
                        ("$schema", Value::from("urn:khuyencong:schema:x:1"))
                    } else {
                        ("colour", Value::from("red"))
                    };
                    m.insert(k.to_owned(), v);
                }
            }
            _ => {
                if let Some(slot) = out.pointer_mut(&at) {
                    let old = slot.clone();
                    *slot = replacement(rng, &old);
                }
            }
        }
    }
    out
}

fn document_seeds() -> Vec<Value> {
    let root = crate::cases_root();
    let mut out: Vec<Value> = generator::seed_inputs(&root)
        .iter()
        .filter_map(|b| serde_json::from_slice::<Value>(b).ok())
        .filter(|v| v.get("kind").is_some())
        .collect();
    let mut rng = Rng::new(77);
    for i in 0..24 {
        out.push(serde_json::from_str(&generator::document(&mut rng, i, 0).0).expect("json"));
    }
    out
}

fn kind_validator(kind: SchemaKind) -> jsonschema::Validator {
    jsonschema::options()
        .should_validate_formats(true)
        .build(&json_schema(kind))
        .expect("schema compiles")
}

/// Whether a value holds a number written as a float with a zero fraction (which the
/// schema counts as an integer and the library refuses: outside this comparison).
fn has_integral_float(v: &Value) -> bool {
    match v {
        Value::Number(n) => !n.is_u64() && !n.is_i64(),
        Value::Array(items) => items.iter().any(has_integral_float),
        Value::Object(m) => m.values().any(has_integral_float),
        _ => false,
    }
}

/// The pointers of every schema error, including those inside `anyOf`/`oneOf` branches.
fn error_paths(e: &jsonschema::ValidationError<'_>, out: &mut Vec<String>) {
    use jsonschema::error::ValidationErrorKind as K;
    out.push(e.instance_path.to_string());
    if let K::AnyOf { context } | K::OneOfNotValid { context } = &e.kind {
        for branch in context {
            for sub in branch {
                error_paths(sub, out);
            }
        }
    }
}

#[test]
fn documents_accepted_exactly_when_the_schema_accepts_them() {
    let validator = crate::schema::validator();
    let seeds = document_seeds();
    assert!(seeds.len() > 60, "{}", seeds.len());
    let mut rng = Rng::new(2026);
    let mut inputs: Vec<Value> = seeds.clone();
    let n = if cfg!(debug_assertions) { 3000 } else { 60_000 };
    for _ in 0..n {
        let base = rng.pick(&seeds).clone();
        inputs.push(mutate(&mut rng, &base));
    }
    let (mut accepted, mut rejected, mut disagreements) = (0, 0, Vec::new());
    for value in &inputs {
        if has_integral_float(value) {
            continue;
        }
        let bytes = serde_json::to_vec(value).expect("json");
        let checked = check_bytes(&bytes, &CheckOptions::default());
        let library = checked.document.is_some();
        let mut paths = Vec::new();
        for e in validator.iter_errors(value) {
            error_paths(&e, &mut paths);
        }
        let schema = paths.is_empty();
        if library {
            accepted += 1;
        } else {
            rejected += 1;
        }
        if library != schema {
            disagreements.push(format!(
                "library {library}, schema {schema} {paths:?}: {:?}\n{}",
                checked
                    .findings
                    .iter()
                    .filter(|f| f.code.starts_with("structure."))
                    .map(|f| (&f.code, &f.path, f.message_en()))
                    .collect::<Vec<_>>(),
                String::from_utf8_lossy(&bytes)
                    .chars()
                    .take(600)
                    .collect::<String>()
            ));
        } else if !library {
            // Both refuse: the library points at one of the places the schema names (the
            // `kind` decides which schema applies; a wrong kind is its own finding).
            let agree = checked
                .findings
                .iter()
                .any(|f| f.code.starts_with("structure.") && paths.contains(&f.path));
            if !agree && !checked.findings.iter().any(|f| f.path == "/kind") {
                disagreements.push(format!(
                    "different places: schema {paths:?}, library {:?}",
                    checked
                        .findings
                        .iter()
                        .map(|f| (&f.code, &f.path))
                        .collect::<Vec<_>>()
                ));
            }
        }
    }
    assert!(accepted > 200 && rejected > 2000, "{accepted} {rejected}");
    assert!(
        disagreements.is_empty(),
        "{} disagreements, first:\n{}",
        disagreements.len(),
        disagreements[..disagreements.len().min(8)].join("\n\n")
    );
}

/// Compares the library and the schema on `value`; a disagreement is described.
fn compare(validator: &jsonschema::Validator, value: &Value) -> Option<String> {
    if has_integral_float(value) {
        return None;
    }
    let bytes = serde_json::to_vec(value).expect("json");
    let checked = check_bytes(&bytes, &CheckOptions::default());
    let library = checked.document.is_some();
    let schema = validator.is_valid(value);
    (library != schema).then(|| {
        format!(
            "library {library}, schema {schema}: {:?}\n{}",
            checked
                .findings
                .iter()
                .filter(|f| f.code.starts_with("structure."))
                .map(|f| (&f.code, &f.path))
                .collect::<Vec<_>>(),
            String::from_utf8_lossy(&bytes)
                .chars()
                .take(400)
                .collect::<String>()
        )
    })
}

/// Every place of one document of each kind (a scheme with full applicant facts, a plan, a
/// report with nested parts), every replacement of the battery.
#[test]
fn every_place_of_each_kind_agrees_with_the_schema() {
    let validator = crate::schema::validator();
    let root = crate::cases_root();
    let read = |p: &str| -> Value {
        serde_json::from_str(&std::fs::read_to_string(root.join(p)).expect("example"))
            .expect("json")
    };
    let mut scheme = read("docs/examples/scheme-quang-nam-2022.json");
    scheme["beneficiaries"][0] = full_applicant();
    let report = read("docs/examples/an-giang-2021-2025.json");
    let plan = read("docs/examples/plan-example-2024.json");
    let mut disagreements = Vec::new();
    let mut checked = 0;
    for doc in [&scheme, &report, &plan] {
        let base = check_bytes(
            &serde_json::to_vec(doc).expect("json"),
            &CheckOptions::default(),
        );
        assert!(
            base.document.is_some() && validator.is_valid(doc),
            "{:?}",
            base.findings
        );
        let mut all = Vec::new();
        pointers(doc, "", &mut all);
        for at in all.iter().filter(|p| !p.is_empty()) {
            let old = doc.pointer(at).cloned().unwrap_or(Value::Null);
            for new in battery(&old) {
                let mut value = doc.clone();
                if let Some(slot) = value.pointer_mut(at) {
                    *slot = new;
                }
                checked += 1;
                if let Some(d) = compare(&validator, &value) {
                    disagreements.push(format!("at {at}: {d}"));
                }
            }
        }
    }
    assert!(checked > 3000, "{checked}");
    assert!(
        disagreements.is_empty(),
        "{} disagreements, first:\n{}",
        disagreements.len(),
        disagreements[..disagreements.len().min(10)].join("\n\n")
    );
}

fn full_applicant() -> Value {
    json!({
        "name": "Hợp tác xã Kỹ nghệ",
        "legal_form": "enterprise",
        "sme": {"sector": "industry_construction", "average_insured_employees": 40,
                "previous_year_revenue": 10_000_000_000_u64, "total_capital": 5_000_000_000_u64,
                "figures_year": 2023},
        "priority": {"areas": ["difficult_area"], "local_raw_material_share": "0.6",
                     "insured_workers": 60, "export_contract": true},
        "head_office": {"province_kind": "province", "unit_kind": "ward",
                        "ward_converted_on": "2020-01-01", "city_urban_class": "class_1",
                        "district_kind": "provincial_city"},
        "kiln_technology": "tunnel_kiln",
        "artisan_title": "peoples_artisan",
        "other_state_funding_same_items": false
    })
}

#[test]
fn applicants_accepted_exactly_when_the_schema_accepts_them() {
    let validator = kind_validator(SchemaKind::Applicant);
    let mut seeds: Vec<Value> = Vec::new();
    for doc in document_seeds() {
        if let Some(Value::Array(items)) = doc.get("beneficiaries") {
            seeds.extend(items.iter().cloned());
        }
    }
    seeds.push(full_applicant());
    assert!(seeds.len() > 10);
    let mut rng = Rng::new(7);
    let mut disagreements = Vec::new();
    let mut rejected = 0;
    for _ in 0..if cfg!(debug_assertions) { 2000 } else { 40_000 } {
        let base = rng.pick(&seeds).clone();
        let value = mutate(&mut rng, &base);
        if has_integral_float(&value) {
            continue;
        }
        let library = read_applicant(&serde_json::to_vec(&value).expect("json"));
        let schema = validator.is_valid(&value);
        rejected += usize::from(library.is_err());
        if library.is_ok() != schema {
            disagreements.push(format!(
                "library {:?}, schema {schema}: {value}",
                library.err().map(|f| f
                    .iter()
                    .map(|f| (f.code.clone(), f.path.clone()))
                    .collect::<Vec<_>>())
            ));
        }
    }
    assert!(rejected > 500, "{rejected}");
    assert!(
        disagreements.is_empty(),
        "{} disagreements, first:\n{}",
        disagreements.len(),
        disagreements[..disagreements.len().min(8)].join("\n\n")
    );
}
