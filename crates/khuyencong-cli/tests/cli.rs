//! End-to-end tests of the `khuyencong` binary.

use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_khuyencong"))
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .output()
        .expect("run khuyencong")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn catalog_2024_json_lists_article_4_with_both_languages() {
    let o = run(&["catalog", "--as-of", "2024-06-01", "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let acts = v["activities"].as_array().expect("activities");
    assert_eq!(acts.len(), 29);
    let groups = acts.iter().filter(|a| a.get("parent").is_none()).count();
    assert_eq!(groups, 9);
    for a in acts {
        assert!(!a["label_vi"].as_str().unwrap_or_default().is_empty());
        assert!(!a["label_en"].as_str().unwrap_or_default().is_empty());
        assert_eq!(a["citation"]["instrument"], "nd_45_2012");
        assert_eq!(a["citation"]["article"], 4);
    }
}

#[test]
fn catalog_before_2012_07_05_exits_2_in_both_languages() {
    let o = run(&["catalog", "--as-of", "2012-07-04"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("2012-07-05"), "{err}");
    assert!(err.contains("05/07/2012"), "{err}");
    assert!(o.stdout.is_empty());
}

#[test]
fn catalog_rejects_impossible_dates_and_unknown_lists() {
    let o = run(&["catalog", "--as-of", "2025-02-30"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("2025-02-30"));
    let o = run(&["catalog", "--as-of", "2024-06-01", "--list", "nope"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("unknown list `nope`"));
    let o = run(&["catalog", "--as-of", "2024-06-01", "--format", "csv"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn catalog_csv_and_table() {
    let o = run(&[
        "catalog",
        "--as-of",
        "2024-06-01",
        "--format",
        "csv",
        "--list",
        "legal_forms",
    ]);
    assert!(o.status.success());
    let csv = stdout(&o);
    assert!(csv.starts_with("code,label_vi,label_en"));
    assert!(csv.contains("business_household,Hộ kinh doanh,Business household"));
    let o = run(&[
        "catalog",
        "--as-of",
        "2024-06-01",
        "--format",
        "table",
        "--list",
        "activities",
        "--lang",
        "en",
    ]);
    assert!(o.status.success());
    assert!(stdout(&o).contains("3b. Technology transfer"));
}

const ELIG: &str = "tests/cases/eligibility";

#[test]
fn eligibility_json_has_verdict_findings_and_rendered_citations() {
    let file = format!("{ELIG}/applicant_enterprise_class1_ward.json");
    let o = run(&[
        "eligibility",
        &file,
        "--activity",
        "advanced_machinery_technology_transfer",
        "--as-of",
        "2024-06-01",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["verdict"], "eligible");
    assert_eq!(v["beneficiary_category"], "rural_industrial_establishment");
    assert!(v["missing_facts"].as_array().expect("missing").is_empty());
    assert_eq!(v["priorities"][0]["code"], "new_rural_commune");
    let findings = v["findings"].as_array().expect("findings");
    assert!(!findings.is_empty());
    for f in findings {
        for key in ["code", "severity", "message_vi", "message_en"] {
            assert!(f[key].is_string(), "{key} in {f}");
        }
        assert!(f["facts"].is_array());
        assert!(f["citation"]["instrument"].is_string());
        assert!(
            f["citation"]["vi"]
                .as_str()
                .unwrap_or_default()
                .contains("Điều")
        );
        assert!(
            f["citation"]["en"]
                .as_str()
                .unwrap_or_default()
                .contains("Art.")
        );
    }
}

#[test]
fn eligibility_not_eligible_and_indeterminate_still_exit_0() {
    let file = format!("{ELIG}/applicant_large_enterprise.json");
    let o = run(&[
        "eligibility",
        &file,
        "--activity",
        "demonstration_model",
        "--as-of",
        "2024-06-01",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["verdict"], "not_eligible");
    let o = run(&[
        "eligibility",
        &file,
        "--activity",
        "cleaner_production_pilot",
        "--as-of",
        "2024-06-01",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["verdict"], "indeterminate");
    assert_eq!(v["missing_facts"][0], "/cleaner_production");
    let o = run(&[
        "eligibility",
        &file,
        "--activity",
        "cleaner_production_pilot",
        "--as-of",
        "2024-06-01",
        "--format",
        "table",
        "--lang",
        "en",
    ]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("verdict: indeterminate"));
}

#[test]
fn eligibility_bad_input_exits_2_naming_the_place_in_both_languages() {
    let o = run(&[
        "eligibility",
        &format!("{ELIG}/invalid_float_capital.json"),
        "--activity",
        "demonstration_model",
        "--as-of",
        "2024-06-01",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("/sme/total_capital"), "{err}");
    assert!(err.contains("line 3"), "{err}");
    assert!(err.contains("dòng 3"), "{err}");
    assert!(o.stdout.is_empty());

    let o = run(&[
        "eligibility",
        "no/such/file.json",
        "--activity",
        "demonstration_model",
        "--as-of",
        "2024-06-01",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("không đọc được"));

    let file = format!("{ELIG}/applicant_large_enterprise.json");
    let o = run(&[
        "eligibility",
        &file,
        "--activity",
        "nope",
        "--as-of",
        "2024-06-01",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("unknown activity `nope`"));
    let o = run(&[
        "eligibility",
        &file,
        "--activity",
        "demonstration_model",
        "--as-of",
        "2012-07-04",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("05/07/2012"));
    let o = run(&["eligibility", &file, "--activity", "demonstration_model"]);
    assert_eq!(o.status.code(), Some(2));
}
