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
fn check_the_example_report_is_clean_and_exits_0() {
    let o = run(&[
        "check",
        "docs/examples/an-giang-2021-2025.json",
        "--lang",
        "en",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("an-giang-kcqg-2021-2025"));
    assert!(out.contains("0 errors"), "{out}");
}

#[test]
fn check_errors_exit_1_with_paths_in_json() {
    let o = run(&[
        "check",
        "tests/cases/report_counterpart_mismatch/input.json",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let f = &v["documents"][0]["findings"][0];
    assert_eq!(f["code"], "report.counterpart_mismatch");
    assert_eq!(f["path"], "/funding/lines/2/amount");
    assert!(
        f["message_vi"]
            .as_str()
            .unwrap_or_default()
            .contains("đối ứng")
    );
    assert_eq!(v["summary"]["errors"], 1);
}

#[test]
fn check_reports_malformed_json_with_line_and_column() {
    let o = run(&[
        "check",
        "tests/cases/structure_malformed_json/input.json",
        "--lang",
        "en",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.contains("structure.malformed_json"), "{out}");
    assert!(out.contains("line 1, column"), "{out}");
}

#[test]
fn check_missing_file_exits_2_in_both_languages() {
    let o = run(&["check", "no/such/file.json"]);
    assert_eq!(o.status.code(), Some(2));
    let out = stdout(&o);
    assert!(out.contains("structure.unreadable_file"), "{out}");
    assert!(
        out.contains("không đọc được tệp `no/such/file.json`"),
        "{out}"
    );
    let o = run(&["check", "no/such/file.json", "--lang", "en"]);
    assert!(stdout(&o).contains("cannot read `no/such/file.json`"));
}

/// One unreadable file does not stop the batch: it is a result of its own, the others are
/// checked, the summary counts it, and the exit code is 2 at the end.
#[test]
fn an_unreadable_file_in_a_batch_is_reported_and_the_rest_checked() {
    let o = run(&[
        "check",
        "--format",
        "json",
        "docs/examples/an-giang-2021-2025.json",
        "no/such/file.json",
        "tests/cases/report_counterpart_mismatch/input.json",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let docs = v["documents"].as_array().expect("documents");
    assert_eq!(docs.len(), 3);
    assert_eq!(docs[1]["file"], "no/such/file.json");
    assert_eq!(docs[1]["findings"][0]["code"], "structure.unreadable_file");
    assert_eq!(
        docs[2]["findings"][0]["code"],
        "report.counterpart_mismatch"
    );
    assert_eq!(v["summary"]["documents"], 3);
    assert_eq!(v["summary"]["with_errors"], 2);
}

#[test]
fn check_reads_stdin_and_json_lines() {
    use std::io::Write;
    let seed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/examples/an-giang-2021-2025.json"
    ))
    .expect("seed");
    let one_line: serde_json::Value = serde_json::from_str(&seed).expect("json");
    let line = serde_json::to_string(&one_line).expect("line");
    let input = format!("{line}\n\n{line}\n{{\"kind\": 1}}\n");
    let mut child = Command::new(env!("CARGO_BIN_EXE_khuyencong"))
        .args(["check", "-", "--jsonl", "--format", "jsonl"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write");
    let o = child.wait_with_output().expect("wait");
    assert_eq!(o.status.code(), Some(1));
    let lines: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("jsonl"))
        .collect();
    assert_eq!(lines.len(), 3, "blank lines are skipped");
    assert_eq!(lines[0]["line"], 1);
    assert_eq!(lines[1]["line"], 3);
    assert_eq!(lines[2]["line"], 4);
    assert_eq!(lines[2]["findings"][1]["code"], "structure.invalid_type");
    assert_eq!(lines[2]["findings"][1]["path"], "/kind");
}

#[test]
fn totals_reproduce_the_seed_exactly() {
    let o = run(&[
        "totals",
        "docs/examples/an-giang-2021-2025.json",
        "--by",
        "source",
        "--format",
        "json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let rows: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let funding: u64 = rows
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| r["funding_vnd"].as_u64().expect("int"))
        .sum();
    assert_eq!(funding, 34_387_000_000);
    let counterpart = rows
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| r["keys"]["source"] == "counterpart")
        .expect("counterpart row");
    assert_eq!(counterpart["funding_vnd"], 17_290_000_000_u64);
    let o = run(&[
        "totals",
        "docs/examples/an-giang-2021-2025.json",
        "--by",
        "year,activity",
        "--format",
        "csv",
    ]);
    assert!(o.status.success());
    assert!(stdout(&o).starts_with("year,activity,documents,documents_with_errors,funding_vnd"));
    // A five-year report whose lines state no year: its figures are not itemised by year.
    assert!(
        stdout(&o)
            .contains("\nnot_itemised,advanced_machinery_technology_transfer,1,0,0,14458000000,")
    );
    let o = run(&[
        "totals",
        "docs/examples/an-giang-2021-2025.json",
        "--by",
        "colour",
    ]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn totals_refuse_unreadable_documents_with_exit_2() {
    let o = run(&["totals", "tests/cases/structure_truncated/input.json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("ends early"), "{}", stderr(&o));
    // A byte-order mark is ignored: the document is totalled.
    let o = run(&["totals", "tests/cases/structure_bom/input.json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn explain_a_code_and_refuse_unknown_ones() {
    let o = run(&["explain", "report.counterpart_mismatch", "--lang", "en"]);
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(
        out.contains("Joint Circular 26/2014/TTLT-BTC-BCT, Art. 7(3)"),
        "{out}"
    );
    assert!(out.contains("Fix:"));
    let o = run(&["explain", "report.nope"]);
    assert_eq!(o.status.code(), Some(2));
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
        assert!(f["citation"]["instrument"].is_string());
        assert!(f["citation"]["article"].is_u64());
    }
    // The output is the library's assessment, as the published schema describes it (its
    // findings are those of the findings schema).
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../docs/schema/assessment.schema.json"
        ))
        .expect("schema"),
    )
    .expect("json");
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("compiles");
    let errors: Vec<String> = validator
        .iter_errors(&v)
        .map(|e| format!("{} {e}", e.instance_path))
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    let findings: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../docs/schema/findings.schema.json"
        ))
        .expect("schema"),
    )
    .expect("json");
    let as_check = serde_json::json!({
        "documents": [{"file": "x", "findings": v["findings"]}],
        "summary": {"documents": 1, "with_errors": 0, "errors": 0, "warnings": 0, "info": 0}
    });
    assert!(
        jsonschema::options()
            .build(&findings)
            .expect("compiles")
            .is_valid(&as_check)
    );
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
    assert!(
        err.contains("/sme/total_capital  structure.not_whole_number"),
        "{err}"
    );
    assert!(err.contains("got 1.5"), "{err}");
    assert!(err.contains("nhận 1.5"), "{err}");
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

#[test]
fn schema_prints_each_kind_and_codelists() {
    for kind in [
        "document",
        "scheme",
        "plan",
        "period_report",
        "programme",
        "findings",
        "provincial_pack",
    ] {
        let o = run(&["schema", kind]);
        assert!(o.status.success(), "{kind}: {}", stderr(&o));
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
        assert_eq!(v["$schema"], "https://json-schema.org/draft/2020-12/schema");
        assert_eq!(v["$id"], format!("urn:khuyencong:schema:{kind}:2"));
        let committed = std::fs::read_to_string(format!(
            "{}/../../docs/schema/{kind}.schema.json",
            env!("CARGO_MANIFEST_DIR")
        ))
        .expect("committed schema");
        assert_eq!(
            stdout(&o),
            committed,
            "{kind}: the CLI prints the committed schema"
        );
    }
    let o = run(&["schema", "--codelist", "activities", "--format", "csv"]);
    assert!(o.status.success());
    assert!(stdout(&o).starts_with("code,title_vi,title_en,citation,"));
    let o = run(&["schema", "--codelist", "funding_sources"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v[0]["code"], "national_extension_fund");
    assert_eq!(v[0]["citation"]["article"], 12);
    let o = run(&["schema", "nope"]);
    assert_eq!(o.status.code(), Some(2));
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("khuyencong-cli-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// A pack of 4 000 copies of one rule (2 MB) used to abort the process (every pair of rules
/// compared, every overlapping pair reported twice over): it is refused quickly, its
/// problems capped with a count of the rest.
#[test]
fn a_pack_of_thousands_of_overlapping_rules_is_refused_not_a_crash() {
    let dir = temp_dir("pack");
    let mut pack: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../docs/examples/provincial-pack.example.json"
        ))
        .expect("pack"),
    )
    .expect("json");
    let rule = pack["rules"][1].clone();
    for n in [999, 4000] {
        pack["rules"] = serde_json::Value::Array(
            (0..n)
                .map(|i| {
                    let mut r = rule.clone();
                    r["id"] = format!("r{i}").into();
                    r
                })
                .collect(),
        );
        let path = dir.join(format!("pack-{n}.json"));
        std::fs::write(&path, pack.to_string()).expect("write");
        let o = run(&[
            "support",
            "--activity",
            "advanced_machinery_technology_transfer",
            "--cost",
            "620000000",
            "--as-of",
            "2025-03-01",
            "--fund",
            "provincial",
            "--pack",
            path.to_str().expect("utf-8"),
        ]);
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
        let err = stderr(&o);
        if n == 999 {
            // 998 rules overlap an earlier one: the first problems, then how many more.
            assert!(err.contains("cover the same item, fund and days"), "{err}");
            assert!(err.contains("(+90 more)"), "{err}");
        } else {
            assert!(err.contains("/rules"), "{err}");
            assert!(err.contains("at most 1000"), "{err}");
        }
        assert!(err.len() < 10_000, "{}", err.len());
    }
}

/// A pack, an applicant or a document that never ends (`/dev/zero`) is read only up to the
/// limit.
#[test]
fn every_reader_is_bounded() {
    let o = run(&[
        "support",
        "--activity",
        "advanced_machinery_technology_transfer",
        "--cost",
        "620000000",
        "--as-of",
        "2025-03-01",
        "--fund",
        "provincial",
        "--pack",
        "/dev/zero",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("larger than 16777216 bytes"),
        "{}",
        stderr(&o)
    );
    let o = run(&[
        "eligibility",
        "/dev/zero",
        "--activity",
        "demonstration_model",
        "--as-of",
        "2024-06-01",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("structure.too_large_input"),
        "{}",
        stderr(&o)
    );
    let o = run(&["check", "/dev/zero", "--format", "jsonl"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("structure.too_large_input"));
}

/// A plan padded with spaces to just over 16 MiB, then `GARBAGE {{{` on the same line: the
/// line is too long, reported as such and never read (it used to be cut, trimmed and read
/// as a clean document).
#[test]
fn an_overlong_json_lines_line_is_refused_whole() {
    let dir = temp_dir("overlong");
    let mut line = br#"{"kind": "plan", "schema_version": 1, "id": "x", "year": 2024, "fund_level": "national"}"#.to_vec();
    line.resize(16 * 1024 * 1024 + 10, b' ');
    line.extend_from_slice(b"GARBAGE {{{\n");
    line.extend_from_slice(br#"{"kind": "plan", "schema_version": 1, "id": "y", "year": 2024, "fund_level": "national"}"#);
    line.push(b'\n');
    let path = dir.join("big.jsonl");
    std::fs::write(&path, &line).expect("write");
    let file = path.to_str().expect("utf-8");
    let o = run(&["check", file, "--format", "jsonl"]);
    assert_eq!(o.status.code(), Some(1));
    let lines: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("jsonl"))
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["findings"][0]["code"], "structure.too_large_input");
    assert!(lines[0].get("id").is_none());
    assert_eq!(lines[1]["id"], "y");
    let o = run(&["totals", file]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("larger than 16 MiB"), "{}", stderr(&o));
}

/// `check bad.jsonl | head -1` used to exit 0 for a batch that has errors: a closed output
/// now ends the run with 141 (128 + SIGPIPE), never 0.
#[test]
fn a_closed_pipe_does_not_claim_success() {
    use std::io::{Read, Write};
    let dir = temp_dir("pipe");
    let path = dir.join("bad.jsonl");
    let mut f = std::fs::File::create(&path).expect("create");
    for i in 0..5000 {
        writeln!(
            f,
            r#"{{"kind": "plan", "schema_version": 1, "id": "p{i}", "year": 2024.5}}"#
        )
        .expect("write");
    }
    drop(f);
    let mut child = Command::new(env!("CARGO_BIN_EXE_khuyencong"))
        .args(["check", path.to_str().expect("utf-8")])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut out = child.stdout.take().expect("stdout");
    let mut first = [0u8; 64];
    out.read_exact(&mut first).expect("some output");
    drop(out);
    let status = child.wait().expect("wait");
    assert_eq!(status.code(), Some(141));
}

/// Terminal control characters in documents (an `id` that clears the screen, a field name
/// that moves the cursor, a file name) are shown escaped in table output.
#[test]
fn control_characters_from_documents_are_escaped_in_tables() {
    let dir = temp_dir("ctl");
    let path = dir.join("x\u{1b}[2J.json");
    std::fs::write(
        &path,
        "{\"kind\": \"plan\", \"schema_version\": 1, \"id\": \"\\u001b[2J\\u001b[1A\", \"year\": 2024, \"fund_level\": \"national\", \"\\u009b31m\": 1}",
    )
    .expect("write");
    let o = run(&["check", path.to_str().expect("utf-8")]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(!out.bytes().any(|b| b == 0x1b), "{out:?}");
    assert!(!out.contains('\u{9b}'), "{out:?}");
    assert!(out.contains("\\u{001b}[2J"), "{out}");
    assert!(out.contains("\\u{009b}31m"), "{out}");
}

/// Every `--format` that `--help` offers works; the others are refused (exit 2).
#[test]
fn formats_are_implemented_or_refused() {
    let o = run(&[
        "check",
        "docs/examples/an-giang-2021-2025.json",
        "tests/cases/report_counterpart_mismatch/input.json",
        "--format",
        "csv",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    let rows: Vec<&str> = out.lines().collect();
    assert!(rows[0].starts_with("file,line,kind,id,severity,code,path,cell,message_vi,message_en"));
    assert!(
        rows.iter()
            .any(|r| r.contains(",report.counterpart_mismatch,")),
        "{out}"
    );
    let o = run(&[
        "explain",
        "report.counterpart_mismatch",
        "--format",
        "jsonl",
    ]);
    assert!(o.status.success());
    assert_eq!(stdout(&o).lines().count(), 1);
    let o = run(&[
        "catalog",
        "--as-of",
        "2024-06-01",
        "--list",
        "fund_levels",
        "--format",
        "jsonl",
    ]);
    assert!(o.status.success());
    assert!(stdout(&o).lines().count() >= 3);
    for args in [
        &["catalog", "--as-of", "2024-06-01", "--format", "jsonl"][..],
        &["schema", "scheme", "--format", "csv"][..],
        &["schema", "scheme", "--format", "table"][..],
        &["explain", "report.counterpart_mismatch", "--format", "csv"][..],
        &[
            "eligibility",
            "x.json",
            "--activity",
            "information",
            "--as-of",
            "2024-06-01",
            "--format",
            "csv",
        ][..],
    ] {
        let o = run(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(o.stdout.is_empty(), "{args:?}");
    }
}

/// The pointer of a bad applicant fact is right after non-ASCII text (it used to be
/// computed from a column counted in bytes).
#[test]
fn eligibility_points_at_the_right_fact_after_vietnamese_text() {
    let dir = temp_dir("elig");
    let path = dir.join("a.json");
    std::fs::write(
        &path,
        "{\"name\": \"Hợp tác xã Đồng Hưng – Quảng Ngãi\", \"legal_form\": \"cooperative\",\n \"sme\": {\"sector\": \"industry_construction\", \"total_capital\": 1.5}, \"priority\": {\"insured_workers\": -1}}",
    )
    .expect("write");
    let o = run(&[
        "eligibility",
        path.to_str().expect("utf-8"),
        "--activity",
        "demonstration_model",
        "--as-of",
        "2024-06-01",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("/sme/total_capital  structure.not_whole_number"),
        "{err}"
    );
    assert!(
        err.contains("/priority/insured_workers  structure.negative"),
        "{err}"
    );
}

/// Dates and amounts given as arguments are read as the library reads them everywhere.
#[test]
fn arguments_are_read_as_the_library_reads_them() {
    for date in ["2022-6-1", "+2022-06-01", " 2022-06-01", "2022-02-30"] {
        let o = run(&["catalog", "--as-of", date]);
        assert_eq!(o.status.code(), Some(2), "{date}");
        assert!(stderr(&o).contains("YYYY-MM-DD"), "{}", stderr(&o));
    }
    let o = run(&[
        "support",
        "--activity",
        "advanced_machinery_technology_transfer",
        "--cost",
        "620 triệu",
        "--as-of",
        "2022-06-01",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn packs_lists_the_shipped_provincial_packs_and_support_loads_one_by_name() {
    let o = run(&["packs", "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let packs = v.as_array().expect("array");
    let real = packs.iter().filter(|p| p["example"] == false).count();
    assert!(real >= 4, "{v}");
    let table = stdout(&run(&["packs", "--lang", "en"]));
    assert!(table.contains("dong-thap-2024"), "{table}");
    assert!(table.contains("Resolution 08/2024/NQ-HĐND"), "{table}");
    assert!(table.contains("Decision 20/2019/QĐ-UBND"), "{table}");
    // Loaded by name for local funds.
    let o = run(&[
        "support",
        "--activity",
        "cleaner_production_pilot",
        "--cost",
        "2 tỷ",
        "--as-of",
        "2025-11-01",
        "--fund",
        "provincial",
        "--pack",
        "dak-lak-2025",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["max_support_vnd"], 400_000_000);
    assert_eq!(v["rule_source"], "provincial");
    assert_eq!(v["confidence"], "secondary");
    // An unknown name: exit 2, naming the shipped packs.
    let o = run(&[
        "support",
        "--activity",
        "cleaner_production_pilot",
        "--cost",
        "1",
        "--as-of",
        "2025-11-01",
        "--pack",
        "dong-thap",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("dong-thap-2024"), "{}", stderr(&o));
}

#[test]
fn support_assesses_the_new_national_items_with_their_confidence() {
    let json = |args: &[&str]| -> serde_json::Value {
        let o = run(args);
        assert!(o.status.success(), "{}", stderr(&o));
        serde_json::from_slice(&o.stdout).expect("json")
    };
    let v = json(&[
        "support",
        "--activity",
        "relocation_pollution_treatment",
        "--variant",
        "relocation_interest",
        "--cost",
        "1200000000",
        "--as-of",
        "2024-01-01",
    ]);
    assert_eq!(
        (&v["max_support_vnd"], &v["confidence"]),
        (
            &serde_json::json!(500_000_000),
            &serde_json::json!("confirmed")
        )
    );
    let v = json(&[
        "support",
        "--activity",
        "cleaner_production_pilot",
        "--cost",
        "1 tỷ",
        "--as-of",
        "2024-01-01",
    ]);
    assert_eq!(
        (&v["max_support_vnd"], &v["confidence"]),
        (
            &serde_json::json!(300_000_000),
            &serde_json::json!("secondary")
        )
    );
    let v = json(&[
        "support",
        "--activity",
        "relocation_pollution_treatment",
        "--variant",
        "relocation_interest",
        "--cost",
        "1200000000",
        "--as-of",
        "2025-10-15",
    ]);
    assert_eq!(v["status"], "not_assessed");
}

#[test]
fn totals_by_province_now_and_catalog_provinces_across_the_merger() {
    let dir = std::env::temp_dir().join(format!("khuyencong-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp");
    let plan = |name: &str, province: &str, year: i32| {
        let p = dir.join(name);
        std::fs::write(
            &p,
            format!(
                r#"{{"kind": "plan", "schema_version": 2, "id": "{name}", "year": {year},
                "fund_level": "provincial", "province": "{province}",
                "budget": {{"lines": [{{"source": "local_budget_provincial", "amount": 1000}}]}}}}"#
            ),
        )
        .expect("write");
        p.display().to_string()
    };
    let a = plan("a.json", "Tỉnh Kiên Giang", 2024);
    let b = plan("b.json", "An Giang", 2026);
    let o = run(&["totals", &a, &b, "--by", "province_now", "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v.as_array().map(Vec::len), Some(1), "{v}");
    assert_eq!(v[0]["keys"]["province_now"], "an_giang_2025");
    assert!(stderr(&o).contains("province_successor"), "{}", stderr(&o));
    let o = run(&["totals", &a, &b, "--by", "province", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v.as_array().map(Vec::len), Some(2), "{v}");
    let count = |date: &str| {
        let o = run(&[
            "catalog",
            "--as-of",
            date,
            "--list",
            "provinces",
            "--format",
            "csv",
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
        stdout(&o).lines().count() - 1
    };
    assert_eq!((count("2025-06-30"), count("2025-07-01")), (63, 34));
    let _ = std::fs::remove_dir_all(&dir);
}

/// Not modelled means not assessed: a date before 2014-04-08 and an item not named give
/// `assessed: false` with the reason, exit 0 — never a usage error.
#[test]
fn support_not_modelled_is_not_assessed_with_exit_0() {
    for args in [
        &[
            "--activity",
            "advanced_machinery_technology_transfer",
            "--as-of",
            "2013-01-01",
        ][..],
        &[
            "--activity",
            "advanced_machinery_technology_transfer",
            "--as-of",
            "2010-01-01",
        ][..],
        &["--activity", "demonstration_model", "--as-of", "2022-01-01"][..],
        &["--activity", "advisory", "--as-of", "2022-01-01"][..],
    ] {
        let mut all = vec!["support", "--cost", "620000000"];
        all.extend_from_slice(args);
        let o = run(&all);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
        assert_eq!(v["assessed"], false, "{args:?}");
        assert_eq!(v["status"], "not_assessed", "{args:?}");
        assert!(
            v["reason_en"]
                .as_str()
                .is_some_and(|r| r.starts_with("Not assessed")),
            "{v}"
        );
        all.extend(["--format", "table", "--lang", "en"]);
        let o = run(&all);
        assert_eq!(o.status.code(), Some(0));
        assert!(stdout(&o).contains("Not assessed"), "{}", stdout(&o));
    }
}

/// `--units N`: the cap applies once per unit; 0 is refused.
#[test]
fn support_units_scale_the_cap() {
    let o = run(&[
        "support",
        "--activity",
        "advanced_machinery_technology_transfer",
        "--cost",
        "6 tỷ",
        "--as-of",
        "2022-06-01",
        "--units",
        "8",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["assessed"], true);
    assert_eq!(v["max_support_vnd"], 2_400_000_000_u64);
    assert_eq!(v["units"], 8);
    assert_eq!(v["unit"], "per_establishment");
    assert_eq!(v["cap_per_unit_vnd"], 300_000_000_u64);
    let o = run(&[
        "support",
        "--activity",
        "advanced_machinery_technology_transfer",
        "--cost",
        "6 tỷ",
        "--as-of",
        "2022-06-01",
        "--units",
        "0",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("number of units"), "{}", stderr(&o));
}

/// Totals name the documents included with errors, and keep a report that states only
/// its totals.
#[test]
fn totals_flag_documents_with_errors_and_keep_totals_only_reports() {
    let o = run(&[
        "totals",
        "tests/cases/report_binh_dinh_amount_mismatch/input.json",
        "docs/examples/an-giang-2021-2025.json",
        "--format",
        "json",
        "--lang",
        "en",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("report_binh_dinh_amount_mismatch/input.json"),
        "{}",
        stderr(&o)
    );
    assert!(!stderr(&o).contains("an-giang"), "{}", stderr(&o));
    let rows: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(rows[0]["documents"], 2);
    assert_eq!(rows[0]["documents_with_errors"], 1);
    let o = run(&[
        "totals",
        "tests/cases/report_totals_only_no_breakdown/input.json",
        "--by",
        "activity",
        "--format",
        "json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let rows: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let rest = rows
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| r["keys"]["activity"] == "not_itemised")
        .expect("a not_itemised row");
    assert!(
        rest["support_vnd"].as_u64().is_some_and(|v| v > 0),
        "{rest}"
    );
}

/// `upgrade` writes a version-1 document as version 2 with every member kept, to standard
/// output or to a file; an unreadable document is reported and nothing is written.
#[test]
fn upgrade_writes_version_2() {
    let o = run(&[
        "upgrade",
        "docs/examples/scheme-long-an-2018.json",
        "--lang",
        "en",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v1: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../docs/examples/scheme-long-an-2018.json"
        ))
        .expect("example"),
    )
    .expect("json");
    let mut expected = v1.clone();
    expected["schema_version"] = serde_json::Value::from(2);
    let written: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(written, expected);
    assert!(
        stderr(&o).contains("1 document(s) upgraded from version 1"),
        "{}",
        stderr(&o)
    );
    // Checking the output: no upgrade note any more.
    let dir = std::env::temp_dir().join(format!("khuyencong-upgrade-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let out = dir.join("long-an.v2.json");
    let out_s = out.to_string_lossy().into_owned();
    let o = run(&[
        "upgrade",
        "docs/examples/scheme-long-an-2018.json",
        "-o",
        &out_s,
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = run(&["check", &out_s, "--format", "json"]);
    assert!(!stdout(&o).contains("document.upgraded"), "{}", stdout(&o));
    let o = run(&[
        "check",
        "docs/examples/scheme-long-an-2018.json",
        "--format",
        "json",
    ]);
    assert!(stdout(&o).contains("document.upgraded"));
    // JSON Lines: one document a line, each upgraded.
    let lines = dir.join("two.jsonl");
    let one = serde_json::to_string(&v1).expect("json");
    std::fs::write(&lines, format!("{one}\n{one}\n")).expect("write");
    let o = run(&["upgrade", &lines.to_string_lossy()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert_eq!(text.lines().count(), 2);
    for line in text.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("json line");
        assert_eq!(v, expected);
    }
    // An unreadable document: exit 1, nothing written.
    let bad = dir.join("bad.json");
    std::fs::write(&bad, "{").expect("write");
    let target = dir.join("never.json");
    let o = run(&[
        "upgrade",
        &bad.to_string_lossy(),
        "-o",
        &target.to_string_lossy(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(!target.exists());
    let _ = std::fs::remove_dir_all(&dir);
}

/// `totals --targets`: the example programme's targets against the example report.
#[test]
fn totals_targets_compare_programmes_with_reports() {
    let o = run(&[
        "totals",
        "docs/examples/programme-example-2021-2025.json",
        "docs/examples/report-example-2021-2025.json",
        "--targets",
        "--format",
        "json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let rows = v.as_array().expect("rows");
    let machinery = rows
        .iter()
        .find(|r| r["target_id"] == "1.1")
        .expect("target 1.1");
    assert_eq!(machinery["achieved"], 62);
    assert_eq!(machinery["achieved_exactness"], "lower_bound");
    assert_eq!(machinery["share"], "0.62");
    assert!(machinery["met"].is_null());
    let o = run(&[
        "totals",
        "docs/examples/programme-example-2021-2025.json",
        "--targets",
        "--format",
        "csv",
    ]);
    assert!(o.status.success());
    assert!(stdout(&o).starts_with("programme_id,province,target_index,target_id,"));
    assert!(stderr(&o).contains("vi-du-ctkc-2021-2025"));
    let o = run(&[
        "totals",
        "docs/examples/programme-example-2021-2025.json",
        "--targets",
        "--by",
        "year",
    ]);
    assert_eq!(o.status.code(), Some(2));
}

#[path = "officer/mod.rs"]
mod officer;
mod register;
#[path = "sheet/mod.rs"]
mod sheet;
