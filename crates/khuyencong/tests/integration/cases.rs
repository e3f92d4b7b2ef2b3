//! The shared document corpus (tests/cases/): every case's findings and totals, exactly.

use std::path::PathBuf;

use khuyencong::document::{CheckOptions, check_bytes, parse};
use khuyencong::totals::{TotalsKey, totals};
use serde_json::Value;

fn cases_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/cases")
}

fn cases() -> Vec<(String, Vec<u8>, Value)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(cases_dir()).expect("tests/cases") {
        let dir = entry.expect("entry").path();
        let expected = dir.join("expected.json");
        if !expected.exists() {
            continue;
        }
        let name = dir
            .file_name()
            .and_then(|n| n.to_str())
            .expect("name")
            .to_owned();
        let input = std::fs::read(dir.join("input.json")).expect("input.json");
        let expected: Value =
            serde_json::from_slice(&std::fs::read(expected).expect("read")).expect("expected");
        out.push((name, input, expected));
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

#[test]
fn corpus_has_at_least_forty_cases() {
    assert!(cases().len() >= 40, "{} cases", cases().len());
}

#[test]
fn every_case_gives_exactly_its_expected_findings() {
    let mut failures = Vec::new();
    for (name, input, expected) in cases() {
        let checked = check_bytes(&input, &CheckOptions::default());
        let got: Vec<(String, String, String)> = checked
            .findings
            .iter()
            .map(|f| (f.severity.code().to_owned(), f.path.clone(), f.code.clone()))
            .collect();
        let want: Vec<(String, String, String)> = expected["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .map(|f| {
                (
                    f["severity"].as_str().expect("severity").to_owned(),
                    f["path"].as_str().expect("path").to_owned(),
                    f["code"].as_str().expect("code").to_owned(),
                )
            })
            .collect();
        if got != want {
            failures.push(format!("{name}:\n  want {want:?}\n  got  {got:?}"));
        }
        for f in &checked.findings {
            assert!(
                !f.message_vi().is_empty() && !f.message_en().is_empty(),
                "{name}"
            );
            assert!(
                f.path.is_empty() || f.path.starts_with('/'),
                "{name}: {}",
                f.path
            );
            assert!(
                khuyencong::registry::explain(&f.code).is_some(),
                "{name}: finding code {} is not documented",
                f.code
            );
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_case_gives_its_expected_totals() {
    for (name, input, expected) in cases() {
        let Some(specs) = expected.get("totals").and_then(Value::as_array) else {
            continue;
        };
        let doc = parse(&input).unwrap_or_else(|e| panic!("{name}: {e}"));
        for spec in specs {
            let by: Vec<TotalsKey> = spec["by"]
                .as_array()
                .expect("by")
                .iter()
                .map(|k| k.as_str().expect("key").parse().expect("totals key"))
                .collect();
            let rows = totals([&doc], &by).expect("totals");
            let rows = serde_json::to_value(&rows).expect("json");
            let rows = rows.as_array().expect("rows");
            let want = spec["rows"].as_array().expect("rows");
            assert_eq!(rows.len(), want.len(), "{name} by {by:?}: {rows:#?}");
            for w in want {
                let got = rows
                    .iter()
                    .find(|r| r["keys"] == w["keys"])
                    .unwrap_or_else(|| panic!("{name}: no row {}", w["keys"]));
                for (field, value) in w.as_object().expect("row") {
                    assert_eq!(
                        &got[field], value,
                        "{name} by {by:?}: {field} of {}",
                        w["keys"]
                    );
                }
            }
        }
    }
}
