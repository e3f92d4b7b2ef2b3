//! Fast and unbreakable: the corpus generator is deterministic and its flaws are found;
//! no input makes the reader panic; valid documents round-trip exactly and satisfy the
//! schema; totals add up over any split; every limit answers with a clear finding.

use std::sync::LazyLock;

use khuyencong::document::{CheckOptions, Document, MAX_INPUT_BYTES, check_bytes, parse};
use khuyencong::totals::{TotalsKey, TotalsRow, totals};
use proptest::prelude::*;
use serde_json::Value;

use crate::generator::{self, Flaw, Rng};

fn options() -> CheckOptions {
    CheckOptions::default()
}

fn codes(bytes: &[u8]) -> Vec<String> {
    check_bytes(bytes, &options())
        .findings
        .into_iter()
        .map(|f| f.code)
        .collect()
}

#[test]
fn same_seed_same_bytes() {
    let corpus = |seed| {
        let mut out = Vec::new();
        generator::write_jsonl(&mut out, seed, 200, 10).expect("write to memory");
        out
    };
    let a = corpus(7);
    assert_eq!(a, corpus(7));
    assert_ne!(a, corpus(8));
    assert_eq!(a.split(|b| *b == b'\n').count(), 201);
}

#[test]
fn generated_documents_are_what_they_claim() {
    let mut rng = Rng::new(42);
    let mut seen = [0u32; 3];
    for i in 0..400 {
        let (text, flaw) = generator::document(&mut rng, i, 30);
        let checked = check_bytes(text.as_bytes(), &options());
        let structural = checked
            .findings
            .iter()
            .any(|f| f.code.starts_with("structure."));
        match flaw {
            Flaw::None => {
                assert!(
                    checked
                        .findings
                        .iter()
                        .all(|f| f.severity == khuyencong::Severity::Info),
                    "{text}\n{:#?}",
                    checked.findings
                );
                seen[0] += 1;
            }
            Flaw::Structural => {
                assert!(checked.document.is_none() && structural, "{text}");
                seen[1] += 1;
            }
            Flaw::Reconciliation => {
                assert!(checked.has_errors() && !structural, "{text}");
                seen[2] += 1;
            }
        }
    }
    assert!(seen.iter().all(|n| *n > 20), "{seen:?}");
}

static VALIDATOR: LazyLock<jsonschema::Validator> = LazyLock::new(crate::schema::validator);

/// Sums the additive columns of totals rows by key (the ratios are derived, not summed).
fn additive(rows: &[TotalsRow]) -> std::collections::BTreeMap<String, [u64; 6]> {
    let mut out = std::collections::BTreeMap::<String, [u64; 6]>::new();
    for r in rows {
        let e = out.entry(format!("{:?}", r.keys)).or_default();
        for (slot, v) in e.iter_mut().zip([
            r.documents,
            r.funding_vnd,
            r.support_vnd,
            r.total_investment_vnd,
            r.counterpart_vnd,
            r.establishments,
        ]) {
            *slot += v;
        }
    }
    out
}

fn valid_documents(seed: u64, n: u64) -> Vec<Document> {
    let mut rng = Rng::new(seed);
    (0..n)
        .map(|i| parse(generator::document(&mut rng, i, 0).0.as_bytes()).expect("valid"))
        .collect()
}

/// JSON-ish values: every JSON type, keys that the format uses, nesting a few levels deep.
fn json_value() -> impl Strategy<Value = Value> {
    let key = prop_oneof![
        Just("kind".to_owned()),
        Just("schema_version".to_owned()),
        Just("id".to_owned()),
        Just("funding".to_owned()),
        Just("lines".to_owned()),
        Just("amount".to_owned()),
        Just("results".to_owned()),
        Just("period".to_owned()),
        "[a-z_]{1,12}",
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        prop_oneof![
            Just("scheme".to_owned()),
            Just("period_report".to_owned()),
            Just("plan".to_owned()),
            Just("2025-02-30".to_owned()),
            Just("advanced_machinery_technology_transfer".to_owned()),
            ".{0,20}",
        ]
        .prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::from),
            prop::collection::btree_map(key.clone(), inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let checked = check_bytes(&bytes, &options());
        prop_assert!(checked.document.is_some() || !checked.findings.is_empty());
    }

    #[test]
    fn arbitrary_json_never_panics(value in json_value(), kind in prop_oneof![Just("scheme"), Just("plan"), Just("period_report")]) {
        let mut value = value;
        if let Value::Object(map) = &mut value {
            map.insert("kind".into(), kind.into());
        }
        let bytes = serde_json::to_vec(&value).expect("serialize");
        let checked = check_bytes(&bytes, &options());
        prop_assert!(checked.document.is_some() || checked.has_errors());
    }

    #[test]
    fn mutated_documents_never_panic(seed in any::<u64>()) {
        let mut rng = Rng::new(seed);
        let (text, _) = generator::document(&mut rng, 0, 10);
        let bytes = generator::mutate(&mut rng, text.as_bytes(), &[]);
        let _ = check_bytes(&bytes, &options());
    }

    #[test]
    fn valid_documents_round_trip_and_satisfy_the_schema(seed in any::<u64>()) {
        let mut rng = Rng::new(seed);
        let (text, _) = generator::document(&mut rng, seed % 1000, 0);
        let document = parse(text.as_bytes()).expect("a generated valid document reads");
        let serialized = serde_json::to_vec(&document).expect("serialize");
        let again = parse(&serialized).expect("its serialization reads");
        prop_assert_eq!(&again, &document);
        prop_assert_eq!(serde_json::to_vec(&again).expect("serialize"), serialized.clone());
        let json: Value = serde_json::from_slice(&serialized).expect("json");
        let errors: Vec<String> = VALIDATOR.iter_errors(&json).map(|e| format!("{} {e}", e.instance_path)).collect();
        prop_assert!(errors.is_empty(), "{:?}", errors);
    }

    #[test]
    fn totals_of_a_set_are_the_sum_of_the_totals_of_its_parts(seed in any::<u64>(), n in 2u64..24, split in 0usize..24) {
        let docs = valid_documents(seed, n);
        let split = split % docs.len();
        let (a, b) = docs.split_at(split);
        for by in [&[][..], &[TotalsKey::Province, TotalsKey::Kind][..], &[TotalsKey::Source][..]] {
            let whole = totals(&docs, by).expect("totals");
            let mut parts = totals(a, by).expect("totals");
            parts.extend(totals(b, by).expect("totals"));
            prop_assert_eq!(additive(&whole), additive(&parts));
        }
    }
}

// Limits: each answered with its own finding.

#[test]
fn oversize_input_is_refused_before_reading() {
    let mut doc = br#"{"kind": "scheme", "title": ""#.to_vec();
    doc.resize(MAX_INPUT_BYTES + 1, b'a');
    let checked = check_bytes(&doc, &options());
    assert_eq!(
        codes(&doc),
        ["structure.too_large_input", "structure.rules_not_run"]
    );
    let f = &checked.findings[0];
    assert_eq!(f.path, "");
    assert!(
        f.message_en()
            .contains("larger than 16 MiB (16777216 bytes)"),
        "{}",
        f.message_en()
    );
    assert!(
        f.message_vi().contains("tệp lớn hơn 16 MiB"),
        "{}",
        f.message_vi()
    );
}

#[test]
fn input_at_the_size_limit_is_read() {
    // Exactly MAX_INPUT_BYTES: read (and refused for what it is, not for its size).
    let mut doc = br#"{"kind": "scheme", "title": ""#.to_vec();
    doc.resize(MAX_INPUT_BYTES - 2, b'a');
    doc.extend_from_slice(b"\"}");
    assert_eq!(doc.len(), MAX_INPUT_BYTES);
    assert_ne!(codes(&doc), ["structure.too_large_input"]);
}

#[test]
fn nesting_deeper_than_32_levels_is_refused() {
    // Funding parts may nest ("of which" of "of which"…): 100 levels of parts are 200 JSON
    // levels, past the limit of 32.
    let mut rng = Rng::new(5);
    let mut report = generator::report(&mut rng, 0);
    let mut part = serde_json::json!({"source": "counterpart", "amount": 1});
    for _ in 0..100 {
        part = serde_json::json!({"source": "counterpart", "amount": 1, "parts": [part]});
    }
    report["funding"]["lines"] = Value::Array(vec![part]);
    let checked = check_bytes(report.to_string().as_bytes(), &options());
    assert_eq!(checked.findings.len(), 2, "{:?}", checked.findings);
    let f = &checked.findings[1];
    assert_eq!(f.code, "structure.too_deep");
    assert!(
        f.message_en().contains("at most 32 levels"),
        "{}",
        f.message_en()
    );
    // A million levels where the format allows none: refused at the 33rd level, without
    // recursion (the reporting reader keeps its own stack).
    let mut doc = br#"{"kind": "plan", "title": "#.to_vec();
    doc.extend(std::iter::repeat_n(b'[', 1_000_000));
    assert_eq!(
        codes(&doc),
        ["structure.rules_not_run", "structure.too_deep"]
    );
    doc.extend(std::iter::repeat_n(b']', 1_000_000));
    doc.push(b'}');
    let checked = check_bytes(&doc, &options());
    assert_eq!(
        (
            checked.findings[1].code.as_str(),
            checked.findings[1].path.as_str()
        ),
        ("structure.too_deep", &*format!("/title{}", "/0".repeat(31)))
    );
    // And where any value is skipped (an unknown kind).
    let mut doc = br#"{"kind": "letter", "x": "#.to_vec();
    doc.extend(std::iter::repeat_n(b'[', 1_000_000));
    assert!(check_bytes(&doc, &options()).has_errors());
}

/// A document nested to the limit is read (and refused for what it is) on a thread with a
/// small stack: the stack any read needs is bounded by the depth limit. Optimised builds
/// (the command, the Python wheels) need at most about 72 KiB, so 128 KiB — musl's default,
/// `threading.stack_size(131072)` in Python — is enough (measured before format version 2);
/// unoptimised test builds need more, up to 384 KiB with format version 2's nested result
/// lines. (Python reads on a worker thread with a stack of its own, so its callers' stacks
/// do not matter.)
#[test]
fn a_small_thread_stack_is_enough_at_the_depth_limit() {
    let mut rng = Rng::new(6);
    let mut report = generator::report(&mut rng, 0);
    // Parts nested to 32 JSON levels in all (root, funding, lines, line, then pairs).
    let mut part = serde_json::json!({"source": "counterpart", "amount": 1});
    for _ in 0..13 {
        part = serde_json::json!({"source": "counterpart", "amount": 1, "parts": [part]});
    }
    report["funding"]["lines"] = Value::Array(vec![part.clone()]);
    let at_limit = report.to_string();
    let mut over = report.clone();
    over["funding"]["lines"] = Value::Array(vec![
        serde_json::json!({"source": "counterpart", "amount": 1, "parts": [part]}),
    ]);
    let over = over.to_string();
    let mut bad_at_limit = report.clone();
    bad_at_limit["colour"] = Value::from(1);
    let bad_at_limit = bad_at_limit.to_string();
    let bracket = format!("{}{}", "[".repeat(32), "]".repeat(32));
    let inputs = [at_limit, over, bad_at_limit, bracket];
    // Warm the compiled schemas on this thread first: compiling runs on its own thread.
    for i in &inputs {
        let _ = check_bytes(i.as_bytes(), &options());
    }
    let handle = std::thread::Builder::new()
        .stack_size(if cfg!(debug_assertions) { 384 } else { 128 } * 1024)
        .spawn(move || {
            inputs
                .iter()
                .map(|i| check_bytes(i.as_bytes(), &options()).findings.len())
                .collect::<Vec<_>>()
        })
        .expect("spawn");
    let counts = handle.join().expect("no stack overflow");
    assert_eq!(counts.len(), 4);
}

#[test]
fn an_array_longer_than_its_maximum_is_refused() {
    let mut rng = Rng::new(3);
    let mut scheme = generator::scheme(&mut rng, 0);
    let one = scheme["beneficiaries"][0].clone();
    scheme["beneficiaries"] = Value::Array(vec![one; 1001]);
    let checked = check_bytes(scheme.to_string().as_bytes(), &options());
    assert_eq!(checked.findings.len(), 2);
    let f = &checked.findings[1];
    assert_eq!(
        (f.code.as_str(), f.path.as_str()),
        ("structure.invalid_length", "/beneficiaries")
    );
    assert!(
        f.message_en()
            .contains("the array at /beneficiaries has 1001 items; expected at most 1000 items"),
        "{}",
        f.message_en()
    );
}

#[test]
fn a_string_longer_than_its_maximum_is_refused() {
    let mut rng = Rng::new(4);
    let mut scheme = generator::scheme(&mut rng, 0);
    scheme["title"] = Value::from("đ".repeat(1001));
    let checked = check_bytes(scheme.to_string().as_bytes(), &options());
    let f = &checked.findings[1];
    assert_eq!(
        (f.code.as_str(), f.path.as_str()),
        ("structure.invalid_length", "/title")
    );
    assert!(
        f.message_en()
            .contains("the text at /title has 1001 characters; expected 1 to 1000 characters"),
        "{}",
        f.message_en()
    );
}

/// A short, bounded run of the mutation fuzzer over the shared corpus (the long runs use
/// `cargo run --release -p khuyencong --example fuzz_check`).
#[test]
fn fuzz_smoke() {
    let seeds = generator::seed_inputs(&crate::cases_root());
    let mut rng = Rng::new(2024);
    let start = std::time::Instant::now();
    let mut runs = 0u32;
    while runs < 3000 && start.elapsed() < std::time::Duration::from_secs(3) {
        let base = rng.pick(&seeds).clone();
        let input = generator::mutate(&mut rng, &base, &seeds);
        let checked = check_bytes(&input, &options());
        assert!(checked.document.is_some() || checked.has_errors());
        runs += 1;
    }
    assert!(runs > 100, "{runs}");
    // Packs and applicants too: never a panic, always an answer.
    let pack =
        std::fs::read(crate::cases_root().join("docs/examples/provincial-pack.example.json"))
            .expect("example pack");
    let applicant = r#"{"name": "Hợp tác xã Đông Hưng", "legal_form": "enterprise", "sme": {"sector": "industry_construction", "average_insured_employees": 40, "total_capital": 5000000000}, "head_office": {"province_kind": "province", "unit_kind": "ward", "ward_converted_on": "2020-01-01"}}"#.as_bytes();
    let start = std::time::Instant::now();
    let mut runs = 0u32;
    while runs < 2000 && start.elapsed() < std::time::Duration::from_secs(3) {
        let input = generator::mutate(&mut rng, &pack, &seeds);
        let _ = khuyencong::support::ProvincialPack::from_json(&String::from_utf8_lossy(&input));
        let input = generator::mutate(&mut rng, applicant, &seeds);
        if let Ok(facts) = khuyencong::input::read_applicant(&input) {
            let _ = khuyencong::assess(
                &facts,
                khuyencong::activity::Activity::AdvancedMachinery,
                chrono::NaiveDate::from_ymd_opt(2025, 8, 1).expect("date"),
            );
        }
        runs += 1;
    }
    assert!(runs > 100, "{runs}");
}
