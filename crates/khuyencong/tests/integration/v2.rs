//! Format version 2: version-1 documents upgraded losslessly; the forms version 2 adds read
//! exactly as the schema says; programme targets against the results of the reports on them.

use khuyencong::document::{CheckOptions, Document, check, check_bytes, parse};
use khuyencong::totals::{ProgressReport, progress};
use serde_json::Value;

use crate::cases_root;

fn example(name: &str) -> Vec<u8> {
    std::fs::read(cases_root().join("docs/examples").join(name)).expect("example")
}

fn doc(bytes: &[u8]) -> Document {
    parse(bytes).unwrap_or_else(|e| panic!("{e}"))
}

/// A version-1 document is read, noted and written as version 2 with every member kept:
/// the version-2 form is the version-1 JSON with `schema_version` 2, and reads back equal.
#[test]
fn version_1_upgrades_losslessly() {
    let v1_bytes = example("scheme-long-an-2018.json");
    let v1: Value = serde_json::from_slice(&v1_bytes).expect("json");
    assert_eq!(v1["schema_version"], 1);
    let read = doc(&v1_bytes);
    assert_eq!(read.schema_version_read(), 1);
    let findings = check(&read, &CheckOptions::default());
    let note = findings
        .iter()
        .find(|f| f.code == "document.upgraded")
        .expect("upgrade note");
    assert_eq!(note.severity, khuyencong::Severity::Info);
    assert_eq!(note.path, "/schema_version");
    let written = read.to_json_v2();
    let v2: Value = serde_json::from_str(&written).expect("json");
    let mut expected = v1.clone();
    expected["schema_version"] = Value::from(2);
    assert_eq!(v2, expected, "nothing but the version changes");
    let again = doc(written.as_bytes());
    assert_eq!(again.schema_version_read(), 2);
    assert_eq!(again, read);
    assert!(
        check(&again, &CheckOptions::default())
            .iter()
            .all(|f| f.code != "document.upgraded")
    );
}

/// Every example and every case document the library reads is written back as version 2
/// and reads back to the same document.
#[test]
fn every_document_round_trips_as_version_2() {
    let mut n = 0;
    for dir in ["docs/examples", "tests/cases"] {
        for entry in walk(&cases_root().join(dir)) {
            let name = entry.to_string_lossy().into_owned();
            if entry.extension().is_none_or(|e| e != "json")
                || name.contains("provincial-pack")
                || name.ends_with("expected.json")
                || name.contains("eligibility")
            {
                continue;
            }
            let bytes = std::fs::read(&entry).expect("read");
            let Ok(d) = parse(&bytes) else { continue };
            let written = d.to_json_v2();
            assert_eq!(doc(written.as_bytes()), d, "{name}");
            assert!(written.contains("\"schema_version\": 2"), "{name}");
            n += 1;
        }
    }
    assert!(n > 150, "{n}");
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                out.extend(walk(&p));
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

const REPORT: &str = r#"{"kind": "period_report", "schema_version": 2, "id": "r",
  "reporting_unit": {"name": "Sở Công Thương", "province": "X"},
  "period": {"from": "2024-01-01", "to": "2024-12-31"},
  "results": [{"activity": "information", "counts": {"schemes": COUNT}}]}"#;

fn with_count(count: &str) -> Vec<u8> {
    REPORT.replace("COUNT", count).into_bytes()
}

/// The three forms of a count, and the objects that are none of them, read exactly as the
/// schema says (the agreement test covers the corpus; these are the edges of the new form).
#[test]
fn count_forms_agree_with_the_schema() {
    let validator = crate::schema::validator();
    let accepted = [
        "8",
        r#"{"value": 8}"#,
        r#"{"value": 8, "exactness": "lower_bound", "text": "hơn 8"}"#,
        r#"{"min": 8, "max": 12}"#,
        r#"{"min": 8, "max": 12, "text": "8–12 đề án"}"#,
        r#"{"min": 12, "max": 8}"#,
    ];
    let refused = [
        r#"{"min": 8}"#,
        r#"{"max": 12}"#,
        r#"{"value": 8, "min": 8, "max": 12}"#,
        r#"{"min": 8, "max": 12, "exactness": "approximate"}"#,
        r#"{"min": -1, "max": 12}"#,
        r#"{"min": 8, "max": 12.5}"#,
        r"{}",
        r#""8–12""#,
    ];
    for c in accepted {
        let bytes = with_count(c);
        let json: Value = serde_json::from_slice(&bytes).expect("json");
        assert!(validator.is_valid(&json), "schema refuses {c}");
        assert!(parse(&bytes).is_ok(), "library refuses {c}");
    }
    for c in refused {
        let bytes = with_count(c);
        let json: Value = serde_json::from_slice(&bytes).expect("json");
        assert!(!validator.is_valid(&json), "schema accepts {c}");
        let checked = check_bytes(&bytes, &CheckOptions::default());
        assert!(checked.document.is_none(), "library accepts {c}");
        assert!(
            checked
                .findings
                .iter()
                .filter(|f| f.code != "structure.rules_not_run")
                .all(|f| f.code.starts_with("structure.")
                    && f.path.starts_with("/results/0/counts/schemes")),
            "{c}: {:?}",
            checked.findings
        );
    }
    // A reversed range is read (the schema cannot compare two members) and is an error of
    // the rules.
    let checked = check_bytes(
        &with_count(r#"{"min": 12, "max": 8}"#),
        &CheckOptions::default(),
    );
    assert_eq!(checked.findings[0].code, "document.range_reversed");
}

/// Percentages are decimal strings with a dot; everything else is refused by both.
#[test]
fn percent_forms_agree_with_the_schema() {
    let validator = crate::schema::validator();
    let base = r#"{"kind": "period_report", "schema_version": 2, "id": "r",
      "reporting_unit": {"name": "x", "province": "X"},
      "period": {"from": "2024-01-01", "to": "2024-12-31"},
      "results": [{"activity": "information", "support": 100, "total_investment": 400,
        "outcomes": {"shares": [{"of": "support_of_investment", "percent": PCT}]}}]}"#;
    for (p, ok) in [
        (r#""25""#, true),
        (r#""25.0""#, true),
        (r#""-5.25""#, true),
        (r#""0.5""#, true),
        (r#""25,0""#, false),
        (r#""025""#, false),
        (r#""25.""#, false),
        (r#""""#, false),
        ("25", false),
        (r#""1e2""#, false),
    ] {
        let bytes = base.replace("PCT", p).into_bytes();
        let json: Value = serde_json::from_slice(&bytes).expect("json");
        assert_eq!(validator.is_valid(&json), ok, "schema on {p}");
        assert_eq!(parse(&bytes).is_ok(), ok, "library on {p}");
    }
}

fn targets() -> ProgressReport {
    let programme = doc(&example("programme-example-2021-2025.json"));
    let report = doc(&example("report-example-2021-2025.json"));
    progress([&programme, &report])
}

#[test]
fn programme_targets_against_results() {
    use khuyencong::document::Exactness;
    let p = targets();
    assert!(p.notes.is_empty(), "{:?}", p.notes);
    let row = |id: &str, indicator: &str| {
        p.rows
            .iter()
            .find(|r| r.target_id.as_deref() == Some(id) && r.indicator == indicator)
            .unwrap_or_else(|| panic!("{id} {indicator}"))
    };
    // 62 establishments are itemised; the national line (no activity) may hold more.
    let machinery = row("1.1", "establishments");
    assert_eq!(machinery.achieved, Some(62));
    assert_eq!(machinery.achieved_exactness, Exactness::LowerBound);
    assert_eq!(machinery.met, None);
    assert_eq!(
        machinery.share.map(|d| d.to_string()),
        Some("0.62".to_owned())
    );
    // A target for each year: one row per year of the programme.
    let yearly: Vec<_> = p
        .rows
        .iter()
        .filter(|r| r.target_id.as_deref() == Some("1.2"))
        .map(|r| (r.year, r.target, r.target_max))
        .collect();
    assert_eq!(
        yearly,
        (2021..=2025)
            .map(|y| (Some(y), 8, Some(12)))
            .collect::<Vec<_>>()
    );
    // Jobs: "hơn 1.200" stated in the report's total.
    let jobs = row("3.1", "jobs_created");
    assert_eq!(jobs.achieved, Some(1_200));
    assert_eq!(jobs.target_exactness, Exactness::LowerBound);
    assert_eq!(jobs.met, None);
    assert_eq!(row("2.1", "products_certified").achieved, Some(41));
}

#[test]
fn reports_link_by_id_or_by_decision_and_province() {
    let national = doc(br#"{"kind": "programme", "schema_version": 2, "id": "kcqg",
        "period": {"from": "2021-01-01", "to": "2025-12-31"}, "instrument": "qd_1881_2020_ttg",
        "targets": [{"activity": "advanced_machinery_technology_transfer",
                     "counts": {"establishments": 10}}]}"#);
    let seed = doc(&example("an-giang-2021-2025.json"));
    let p = progress([&national, &seed]);
    assert_eq!(p.rows[0].reports, 1);
    // 5 national + 57 local establishments; every machinery line states its count.
    assert_eq!(p.rows[0].achieved, Some(62));
    assert_eq!(p.rows[0].met, Some(true));
    // A provincial programme of another province approved by the same decision code does
    // not take An Giang's report.
    let other = doc(br#"{"kind": "programme", "schema_version": 2, "id": "kc-b",
        "province": "B", "period": {"from": "2021-01-01", "to": "2025-12-31"},
        "instrument": "qd_1881_2020_ttg",
        "targets": [{"counts": {"establishments": 10}}]}"#);
    let p = progress([&other, &seed]);
    assert_eq!(p.rows[0].reports, 0);
    assert_eq!(p.rows[0].achieved, None);
    assert_eq!(p.notes[0].code, "no_reports");
}

#[test]
fn a_yearly_report_inside_a_five_year_one_is_not_counted_twice() {
    let programme = doc(br#"{"kind": "programme", "schema_version": 2, "id": "ct",
        "province": "X", "period": {"from": "2021-01-01", "to": "2025-12-31"},
        "targets": [{"activity": "information", "counts": {"broadcasts": 50}}]}"#);
    let report = |id: &str, from: &str, to: &str, n: u64| {
        doc(format!(
            r#"{{"kind": "period_report", "schema_version": 2, "id": "{id}",
            "programme_id": "ct", "reporting_unit": {{"name": "x", "province": "X"}},
            "period": {{"from": "{from}", "to": "{to}"}},
            "results": [{{"activity": "information", "counts": {{"broadcasts": {n}}}}}]}}"#
        )
        .as_bytes())
    };
    let five = report("five", "2021-01-01", "2025-12-31", 60);
    let one = report("one", "2023-01-01", "2023-12-31", 12);
    let p = progress([&programme, &one, &five]);
    assert_eq!(p.rows[0].achieved, Some(60));
    assert_eq!(p.rows[0].met, Some(true));
    assert_eq!(p.notes.len(), 1);
    assert_eq!(p.notes[0].code, "report_within_another");
    assert_eq!(p.notes[0].report_id.as_deref(), Some("one"));
}

#[test]
fn totals_by_year_split_lines_of_a_five_year_report() {
    use khuyencong::totals::{TotalsKey, totals};
    let report = doc(&example("report-example-2021-2025.json"));
    let rows = totals([&report], &[TotalsKey::Year]).expect("totals");
    let support: Vec<(Option<String>, u64)> = rows
        .iter()
        .map(|r| (r.keys["year"].clone(), r.support_vnd))
        .collect();
    assert_eq!(
        support,
        [
            (Some("2021".to_owned()), 2_100_000_000),
            (Some("2022".to_owned()), 2_500_000_000),
            (Some("2023".to_owned()), 2_900_000_000),
            (Some("2024".to_owned()), 3_200_000_000),
            (Some("2025".to_owned()), 3_300_000_000),
            (Some("not_itemised".to_owned()), 3_400_000_000),
        ]
    );
    let grand = totals([&report], &[]).expect("totals");
    assert_eq!(grand[0].support_vnd, 17_400_000_000);
    assert_eq!(grand[0].funding_vnd, 34_400_000_000);
}
