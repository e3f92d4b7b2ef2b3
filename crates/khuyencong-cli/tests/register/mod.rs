//! `khuyencong register …` end to end, on SQLite and, where `KHUYENCONG_TEST_POSTGRES`
//! names a server (`.ci/run` starts one), on PostgreSQL.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

const EXAMPLES: [&str; 5] = [
    "docs/examples/an-giang-2021-2025.json",
    "docs/examples/plan-example-2024.json",
    "docs/examples/scheme-giong-rieng-2025.json",
    "docs/examples/scheme-long-an-2018.json",
    "docs/examples/scheme-quang-nam-2022.json",
];

fn khuyencong() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_khuyencong"));
    c.current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
    c
}

fn run(db: &str, args: &[&str]) -> Output {
    khuyencong()
        .arg("register")
        .args(args)
        .args(["--db", db])
        .output()
        .expect("run khuyencong")
}

fn json(o: &Output) -> serde_json::Value {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).expect("JSON output")
}

struct Scratch(PathBuf);

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn scratch(name: &str) -> Scratch {
    let dir = std::env::temp_dir().join(format!("kc_cli_register_{name}_{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    Scratch(dir)
}

/// A SQLite path and, with a server, a fresh PostgreSQL database (dropped by the guard).
fn targets(name: &str) -> Vec<(String, Option<PgGuard>)> {
    let dir = scratch(name);
    let sqlite = dir.0.join("khuyencong.db").to_string_lossy().into_owned();
    std::mem::forget(dir);
    let mut out = vec![(sqlite, None)];
    match std::env::var("KHUYENCONG_TEST_POSTGRES") {
        Ok(admin) if !admin.is_empty() => {
            let db = format!("kc_cli_{name}_{}", std::process::id());
            let mut c = postgres::Client::connect(&admin, postgres::NoTls).expect("connect");
            c.batch_execute(&format!("DROP DATABASE IF EXISTS {db} WITH (FORCE)"))
                .expect("drop database");
            c.batch_execute(&format!("CREATE DATABASE {db}"))
                .expect("create database");
            let base = admin.rsplit_once('/').map_or(admin.as_str(), |(b, _)| b);
            out.push((format!("{base}/{db}"), Some(PgGuard { admin, db })));
        }
        _ => assert!(
            std::env::var_os("CI").is_none(),
            "KHUYENCONG_TEST_POSTGRES is not set: .ci/run starts a PostgreSQL server"
        ),
    }
    out
}

struct PgGuard {
    admin: String,
    db: String,
}

impl Drop for PgGuard {
    fn drop(&mut self) {
        if let Ok(mut c) = postgres::Client::connect(&self.admin, postgres::NoTls) {
            let _ = c.batch_execute(&format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.db));
        }
    }
}

#[test]
fn register_init_add_and_every_question() {
    for (db, _guard) in targets("questions") {
        let o = khuyencong()
            .args(["register", "init", &db])
            .output()
            .expect("init");
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let mut args = vec!["add", "--format", "json"];
        args.extend(EXAMPLES);
        let added = json(&run(&db, &args));
        assert_eq!(added.as_array().map(Vec::len), Some(5));
        assert!(
            added
                .as_array()
                .is_some_and(|a| a.iter().all(|d| d["status"] == "accepted"))
        );
        // A document with errors is stored as rejected: exit code 1.
        let o = run(&db, &["add", "docs/examples/provincial-pack.example.json"]);
        assert_eq!(o.status.code(), Some(1));
        // Every question answers, as JSON rows.
        let unreported = json(&run(&db, &["unreported", "--format", "json"]));
        assert_eq!(unreported.as_array().map(Vec::len), Some(3));
        let money = json(&run(&db, &["money", "--by", "source", "--format", "json"]));
        let report_funding: i64 = money
            .as_array()
            .expect("rows")
            .iter()
            .filter(|r| r["kind"] == "period_report")
            .filter_map(|r| r["funding_vnd"].as_i64())
            .sum();
        assert_eq!(report_funding, 34_387_000_000);
        let now = json(&run(
            &db,
            &[
                "money",
                "--by",
                "province",
                "--province",
                "now",
                "--format",
                "json",
            ],
        ));
        assert!(
            now.as_array()
                .is_some_and(|a| a.iter().any(|r| r["province_now"] == "tay_ninh_2025"))
        );
        let o = run(&db, &["money", "--province", "then"]);
        assert_eq!(o.status.code(), Some(2));
        let progress = json(&run(&db, &["progress", "--format", "json"]));
        assert!(progress.as_array().is_some_and(|a| !a.is_empty()));
        let o = run(
            &db,
            &[
                "state",
                "kcdp-2024-02",
                "implemented",
                "--date",
                "2024-09-30",
                "--source",
                "BB nghiệm thu",
            ],
        );
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let schemes = json(&run(&db, &["schemes", "--format", "json"]));
        assert!(schemes.as_array().is_some_and(|a| {
            a.iter()
                .any(|s| s["scheme_id"] == "kcdp-2024-02" && s["state"] == "implemented")
        }));
        let o = run(
            &db,
            &[
                "state",
                "kcdp-2024-02",
                "paid",
                "--date",
                "2024-09-30",
                "--source",
                "x",
            ],
        );
        assert_eq!(o.status.code(), Some(2));
        let b = json(&run(&db, &["beneficiaries", "--all", "--format", "json"]));
        assert_eq!(b.as_array().map(Vec::len), Some(3));
        let r = json(&run(&db, &["recheck", "--format", "json"]));
        assert_eq!(r, serde_json::json!([]));
        let o = run(
            &db,
            &[
                "sql",
                "SELECT COUNT(*) AS n FROM v_current_documents",
                "--format",
                "csv",
            ],
        );
        assert_eq!(String::from_utf8_lossy(&o.stdout), "n\r\n5\r\n");
        let o = run(&db, &["sql", "DELETE FROM documents"]);
        assert_eq!(o.status.code(), Some(2));
        let docs = json(&run(&db, &["documents", "--format", "json"]));
        assert_eq!(docs.as_array().map(Vec::len), Some(6));
        // Programmes: the same rows as `totals --targets` on the same documents.
        let o = run(
            &db,
            &[
                "add",
                "docs/examples/programme-example-2021-2025.json",
                "docs/examples/report-example-2021-2025.json",
            ],
        );
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let registered = json(&run(&db, &["programme-progress", "--format", "json"]));
        let direct = khuyencong()
            .args([
                "totals",
                "docs/examples/programme-example-2021-2025.json",
                "docs/examples/report-example-2021-2025.json",
                "--targets",
                "--format",
                "json",
            ])
            .output()
            .expect("totals");
        let direct: serde_json::Value = serde_json::from_slice(&direct.stdout).expect("json");
        let (registered, direct) = (
            registered.as_array().expect("rows"),
            direct.as_array().expect("rows"),
        );
        assert_eq!(registered.len(), direct.len());
        for (a, b) in registered.iter().zip(direct) {
            for field in [
                "target_id",
                "indicator",
                "year",
                "target",
                "achieved",
                "share",
            ] {
                assert_eq!(a[field], b[field], "{field}");
            }
        }
    }
}

#[test]
fn register_export_and_import_round_trip() {
    for (db, _guard) in targets("export") {
        let dir = scratch("export_files");
        assert!(run(&db, &["init"]).status.success());
        let mut args = vec!["add"];
        args.extend(EXAMPLES);
        assert!(run(&db, &args).status.success());
        let file = dir.0.join("register.jsonl").to_string_lossy().into_owned();
        assert!(run(&db, &["export", &file]).status.success());
        let copy = dir.0.join("copy.db").to_string_lossy().into_owned();
        let o = run(&copy, &["import", &file]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let again = run(&copy, &["export"]);
        assert!(again.status.success());
        assert_eq!(again.stdout, std::fs::read(&file).expect("export"));
    }
}

#[test]
fn register_add_killed_in_the_middle_leaves_the_register_as_before() {
    for (db, _guard) in targets("killed") {
        assert!(run(&db, &["init"]).status.success());
        assert!(run(&db, &["add", EXAMPLES[0]]).status.success());
        let before = run(&db, &["export"]).stdout;
        let mut child = khuyencong()
            .args(["register", "add", "--db", &db])
            .args(&EXAMPLES[1..])
            .env("KHUYENCONG_REGISTER_PAUSE_MS", "400")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        let stderr = child.stderr.take().expect("stderr");
        let mut seen = 0;
        for line in BufReader::new(stderr).lines() {
            if line.expect("line").starts_with("stored ") {
                seen += 1;
                if seen == 2 {
                    break;
                }
            }
        }
        assert_eq!(seen, 2);
        child.kill().expect("kill");
        assert!(!child.wait().expect("wait").success());
        assert_eq!(run(&db, &["export"]).stdout, before, "{db}");
    }
}
