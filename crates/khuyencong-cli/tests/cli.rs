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

#[test]
fn support_quang_nam_2022_cap_binds_json() {
    let o = run(&[
        "support",
        "--activity",
        "advanced_machinery_technology_transfer",
        "--cost",
        "620000000",
        "--as-of",
        "2022-06-01",
        "--fund",
        "national",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["max_support_vnd"], 300_000_000);
    assert_eq!(v["binding"], "cap");
    assert_eq!(v["confidence"], "confirmed");
    assert_eq!(v["citation"]["instrument"], "tt_28_2018_btc");
    assert!(v["derivation"].as_array().is_some_and(|d| d.len() >= 3));
}

#[test]
fn support_accepts_vietnamese_notation_and_table_output() {
    let o = run(&[
        "support",
        "--activity",
        "advanced_machinery_technology_transfer",
        "--cost",
        "97,82 triệu",
        "--as-of",
        "2025-06-01",
        "--format",
        "table",
        "--lang",
        "vi",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("48,91 triệu đồng"), "{}", stdout(&o));
}

#[test]
fn support_not_assessed_item_prints_the_reason() {
    let o = run(&[
        "support",
        "--activity",
        "advisory",
        "--cost",
        "100000000",
        "--as-of",
        "2022-06-01",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["status"], "not_assessed");
    assert!(
        v["reason_en"]
            .as_str()
            .is_some_and(|r| r.starts_with("Not assessed"))
    );
}

#[test]
fn support_provincial_pack_and_bad_inputs() {
    let o = run(&[
        "support",
        "--activity",
        "advanced_machinery_technology_transfer",
        "--cost",
        "620 triệu",
        "--as-of",
        "2025-03-01",
        "--fund",
        "provincial",
        "--pack",
        "docs/examples/provincial-pack.example.json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["max_support_vnd"], 250_000_000);
    assert_eq!(v["rule_source"], "provincial");

    for args in [
        &["--cost", "1,400 triệu", "--as-of", "2022-06-01"][..],
        &["--cost", "1.400", "--as-of", "2022-06-01"][..],
        &["--cost", "hơn 5 tỷ", "--as-of", "2022-06-01"][..],
        &["--cost", "620000000", "--as-of", "2013-01-01"][..],
        &[
            "--cost",
            "620000000",
            "--as-of",
            "2022-06-01",
            "--pack",
            "no/such/file.json",
        ][..],
    ] {
        let mut all = vec![
            "support",
            "--activity",
            "advanced_machinery_technology_transfer",
        ];
        all.extend_from_slice(args);
        let o = run(&all);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = stderr(&o);
        assert!(err.contains("error:") && err.contains("lỗi:"), "{err}");
        assert!(o.stdout.is_empty());
    }
    let o = run(&[
        "support",
        "--activity",
        "nope",
        "--cost",
        "1",
        "--as-of",
        "2022-06-01",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("unknown activity `nope`"));
}
