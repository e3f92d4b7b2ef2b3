//! Intake, versions, rejected documents, states.

use khuyencong::document::{CheckOptions, check_bytes};
use khuyencong_register::{Register, RegisterError, StateRecord, Status, Value};

use crate::common::*;

#[test]
fn documents_go_in_through_the_checker_with_findings_rules_and_time() {
    for target in targets() {
        let mut r = Register::create(&target.url).expect("create");
        let added = add_examples(&mut r);
        assert_eq!(added.len(), 5);
        assert!(
            added.iter().all(|a| a.status == Status::Accepted),
            "{added:?}"
        );
        assert!(added.iter().all(|a| a.version == Some(1)));
        // The stored findings are the checker's, finding for finding.
        for name in EXAMPLES {
            let expected = check_bytes(&example(name), &CheckOptions::default()).findings;
            let id = check_bytes(&example(name), &CheckOptions::default())
                .id
                .expect("id");
            let stored = r
                .sql(&format!(
                    "SELECT f.finding FROM findings f JOIN checks c ON c.id = f.check_id JOIN documents d ON d.id = c.document WHERE d.doc_id = '{id}' ORDER BY f.seq"
                ))
                .expect("findings");
            let stored: Vec<khuyencong::Finding> = texts(&stored, "finding")
                .into_iter()
                .map(|s| serde_json::from_str(&s.expect("finding")).expect("finding JSON"))
                .collect();
            assert_eq!(stored, expected, "{name}");
        }
        let docs = r.documents().expect("documents");
        assert!(
            texts(&docs, "rules_version")
                .iter()
                .all(|v| v.as_deref() == Some(khuyencong::rules_version().as_str()))
        );
        assert!(texts(&docs, "added_at").iter().all(|t| {
            t.as_ref()
                .is_some_and(|t| t.ends_with('Z') && t.len() == 27)
        }));
        // The body is kept byte for byte.
        let body = r
            .sql("SELECT body FROM documents WHERE doc_id = 'an-giang-kcqg-2021-2025'")
            .expect("body");
        assert_eq!(body.rows.len(), 1);
    }
}

/// Every class of bad input of docs/bad-inputs.md, stored: the register keeps the core
/// checker's findings exactly (codes, paths, severities, messages), with the kind and id the
/// core read.
#[test]
fn bad_inputs_are_stored_with_the_checkers_findings() {
    let dir = root().join("tests/bad-inputs");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("bad inputs")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert!(files.len() > 40, "{}", files.len());
    let target = sqlite();
    let mut r = Register::create(&target.url).expect("create");
    for (i, path) in files.iter().enumerate() {
        let body = std::fs::read(path).expect("read");
        let name = path.to_string_lossy().into_owned();
        let checked = check_bytes(&body, &CheckOptions::default());
        let added = add(&mut r, &[(&name, body.clone())]);
        assert_eq!(
            added[0].kind,
            checked.kind.map(khuyencong::document::DocumentKind::code),
            "{name}"
        );
        assert_eq!(added[0].doc_id, checked.id, "{name}");
        if added[0].status == Status::Unchanged {
            continue;
        }
        let stored = r
            .sql(
                "SELECT f.finding FROM findings f JOIN checks c ON c.id = f.check_id WHERE c.document = (SELECT MAX(id) FROM documents) ORDER BY f.seq",
            )
            .expect("findings");
        let stored: Vec<khuyencong::Finding> = texts(&stored, "finding")
            .into_iter()
            .map(|s| serde_json::from_str(&s.expect("finding")).expect("finding JSON"))
            .collect();
        assert_eq!(stored, checked.findings, "{i}: {name}");
    }
}

#[test]
fn a_corrected_document_supersedes_the_earlier_one_and_both_remain() {
    for target in targets() {
        let mut r = Register::create(&target.url).expect("create");
        add_examples(&mut r);
        // The same bytes again: nothing new.
        let again = add(
            &mut r,
            &[("again.json", example("an-giang-2021-2025.json"))],
        );
        assert_eq!(
            (again[0].status, again[0].version),
            (Status::Unchanged, Some(1))
        );
        // A correction: version 2 supersedes version 1.
        let mut fixed = example_json("an-giang-2021-2025.json");
        fixed["title"] = "Báo cáo (bản sửa đổi)".into();
        let v2 = add(&mut r, &[("fixed.json", bytes(&fixed))]);
        assert_eq!(
            (v2[0].status, v2[0].version, v2[0].supersedes),
            (Status::Accepted, Some(2), Some(1))
        );
        // A correction with an error is stored as rejected and supersedes nothing.
        let mut broken = fixed.clone();
        broken["funding"]["total"] = 1.into();
        let v3 = add(&mut r, &[("broken.json", bytes(&broken))]);
        assert_eq!(
            (v3[0].status, v3[0].version, v3[0].supersedes),
            (Status::Rejected, Some(3), None)
        );
        assert!(v3[0].errors > 0);
        let versions = r
            .sql("SELECT version, status, is_current FROM v_documents WHERE doc_id = 'an-giang-kcqg-2021-2025' ORDER BY version")
            .expect("versions");
        assert_eq!(
            rows(&versions),
            vec![
                serde_json::json!({"version": "1", "status": "accepted", "is_current": "0"}),
                serde_json::json!({"version": "2", "status": "accepted", "is_current": "1"}),
                serde_json::json!({"version": "3", "status": "rejected", "is_current": "0"}),
            ]
        );
        // The rejected version's findings are stored with it.
        let f = r
            .sql("SELECT code FROM v_findings WHERE doc_id = 'an-giang-kcqg-2021-2025' AND version = 3 AND severity = 'error'")
            .expect("findings");
        assert_eq!(
            texts(&f, "code"),
            vec![Some("funding.total_mismatch".to_owned())]
        );
        // The money question reads the current version only: one report, not two.
        let money = r
            .money(&[], khuyencong_register::ProvinceEra::Time)
            .expect("money");
        let report = rows(&money)
            .into_iter()
            .find(|row| row["kind"] == "period_report")
            .expect("report row");
        assert_eq!(report["documents"], 1);
        assert_eq!(report["funding_vnd"], 34_387_000_000_i64);
    }
}

#[test]
fn the_same_bytes_with_another_outcome_are_a_new_version() {
    for target in targets() {
        let mut r = Register::create(&target.url).expect("create");
        add_examples(&mut r);
        // As if the plan had been rejected under the rules of its day.
        let mut db = khuyencong_register::db::Db::open(&target.url, false).expect("open");
        db.execute(
            "UPDATE documents SET status = 'rejected' WHERE doc_id = 'example-kh-kcdp-2024'",
            &[],
        )
        .expect("tamper");
        drop(db);
        let again = add(&mut r, &[("plan.json", example("plan-example-2024.json"))]);
        assert_eq!(
            (again[0].status, again[0].version, again[0].supersedes),
            (Status::Accepted, Some(2), None)
        );
        let again = add(&mut r, &[("plan.json", example("plan-example-2024.json"))]);
        assert_eq!(
            (again[0].status, again[0].version),
            (Status::Unchanged, Some(2))
        );
    }
}

#[test]
fn an_unreadable_document_is_stored_as_rejected_with_its_finding() {
    for target in targets() {
        let mut r = Register::create(&target.url).expect("create");
        let added = add(
            &mut r,
            &[
                ("broken.json", b"{\"kind\": \"plan\"".to_vec()),
                ("latin1.json", vec![0xff, 0xfe, b'{']),
            ],
        );
        assert!(
            added
                .iter()
                .all(|a| a.status == Status::Rejected && a.version.is_none())
        );
        // The core reads the kind of the truncated text where it can; of the UTF-16 bytes,
        // nothing.
        assert_eq!(
            added.iter().map(|a| a.kind).collect::<Vec<_>>(),
            vec![Some("plan"), None]
        );
        let docs = r.documents().expect("documents");
        assert_eq!(texts(&docs, "status"), vec![Some("rejected".to_owned()); 2]);
        let f = r
            .sql("SELECT code FROM v_findings WHERE severity = 'error' ORDER BY document")
            .expect("findings");
        assert_eq!(
            texts(&f, "code"),
            vec![
                Some("structure.truncated".to_owned()),
                Some("structure.not_utf8".to_owned())
            ]
        );
        // Each with the core's note that the rules were not run.
        let notes = r
            .sql("SELECT code FROM v_findings WHERE severity = 'info' ORDER BY document")
            .expect("findings");
        assert_eq!(
            texts(&notes, "code"),
            vec![Some("structure.rules_not_run".to_owned()); 2]
        );
        // The bytes are kept exactly, even when they are not UTF-8.
        let mut out = Vec::new();
        r.export(&mut out).expect("export");
        assert!(String::from_utf8_lossy(&out).contains("\"hex\":\"fffe7b\""));
    }
}

#[test]
fn a_batch_with_a_document_twice_gets_two_versions_in_order() {
    for target in targets() {
        let mut r = Register::create(&target.url).expect("create");
        let mut second = example_json("plan-example-2024.json");
        second["title"] = "Kế hoạch (điều chỉnh)".into();
        let added = add(
            &mut r,
            &[
                ("a.json", example("plan-example-2024.json")),
                ("b.json", bytes(&second)),
            ],
        );
        assert_eq!(added[0].version, Some(1));
        assert_eq!((added[1].version, added[1].supersedes), (Some(2), Some(1)));
        let current = r
            .sql("SELECT version FROM v_current_documents")
            .expect("current");
        assert_eq!(texts(&current, "version"), vec![Some("2".to_owned())]);
        // The plan's schemes are linked to the current plan only.
        let plans = r
            .sql("SELECT DISTINCT plan_version FROM v_scheme_plans")
            .expect("plans");
        assert_eq!(texts(&plans, "plan_version"), vec![Some("2".to_owned())]);
    }
}

#[test]
fn a_schemes_states_carry_dates_and_sources() {
    for target in targets() {
        let mut r = Register::create(&target.url).expect("create");
        add_examples(&mut r);
        // A scheme document states its approval.
        let s = r
            .sql("SELECT state, on_date, source FROM v_scheme_states WHERE scheme_id = 'kcqg-2022-quang-nam-htx-ky-nghe'")
            .expect("states");
        assert_eq!(
            rows(&s),
            vec![
                serde_json::json!({"state": "approved", "on_date": "2022-06-01", "source": "example/QĐ-BCT (Bộ Công Thương)"})
            ]
        );
        // States recorded by a person, for a scheme a plan lists.
        let date = |s: &str| s.parse().expect("date");
        for (state, on, source) in [
            ("approved", "2024-02-01", "15/QĐ-SCT"),
            ("implemented", "2024-09-30", "biên bản nghiệm thu 30/9/2024"),
            ("settled", "2024-12-15", "22/QĐ-SCT"),
        ] {
            r.record_state(&StateRecord {
                scheme_id: "kcdp-2024-01".into(),
                state: state.into(),
                on_date: date(on),
                source: source.into(),
                note: None,
            })
            .expect("record");
        }
        let latest = r
            .sql(
                "SELECT state, on_date FROM v_scheme_latest_state WHERE scheme_id = 'kcdp-2024-01'",
            )
            .expect("latest");
        assert_eq!(
            rows(&latest),
            vec![serde_json::json!({"state": "settled", "on_date": "2024-12-15"})]
        );
        // Refused: an unknown scheme, an unknown state, no source.
        let record = |scheme: &str, state: &str, source: &str| StateRecord {
            scheme_id: scheme.into(),
            state: state.into(),
            on_date: date("2024-01-01"),
            source: source.into(),
            note: None,
        };
        for bad in [
            record("no-such-scheme", "approved", "1/QĐ"),
            record("kcdp-2024-01", "paid", "1/QĐ"),
            record("kcdp-2024-01", "approved", "  "),
        ] {
            let e = r.record_state(&bad).expect_err("refused");
            assert!(matches!(e, RegisterError::Invalid { .. }), "{e:?}");
            assert!(!e.message_vi().is_empty());
        }
    }
}

#[test]
fn opening_checks_the_schema_version() {
    let target = sqlite();
    let e = Register::open(&target.url).expect_err("no register yet");
    assert!(matches!(e, RegisterError::NoRegister(_)), "{e:?}");
    let mut r = Register::create(&target.url).expect("create");
    assert_eq!(
        r.schema_version().ok(),
        Some(khuyencong_register::schema::SCHEMA_VERSION)
    );
    drop(r);
    // Creating again is harmless (it migrates, and there is nothing to do).
    Register::create(&target.url).expect("create again");
    Register::open(&target.url).expect("open");
    // A register from a newer library is refused.
    let mut r = Register::open(&target.url).expect("open");
    r.sql("SELECT 1").expect("sql");
    drop(r);
    // As a newer library would leave it:
    let mut db = khuyencong_register::db::Db::open(&target.url, false).expect("open");
    db.execute(
        "INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, 'future', '2100-01-01T00:00:00Z')",
        &[Value::Int(khuyencong_register::schema::SCHEMA_VERSION + 1)],
    )
    .expect("bump");
    drop(db);
    let e = Register::open(&target.url).expect_err("too new");
    assert!(matches!(e, RegisterError::TooNew { .. }), "{e:?}");
}

#[test]
fn the_sql_command_reads_and_never_writes() {
    for target in targets() {
        let mut r = Register::create(&target.url).expect("create");
        add_examples(&mut r);
        let t = r
            .sql("SELECT COUNT(*) AS n FROM v_current_documents")
            .expect("count");
        assert_eq!(texts(&t, "n"), vec![Some("5".to_owned())]);
        for write in [
            "DELETE FROM documents",
            "SELECT 1; DELETE FROM documents",
            "UPDATE documents SET status = 'rejected'",
        ] {
            assert!(r.sql(write).is_err(), "{write}");
        }
        let t = r.sql("SELECT COUNT(*) AS n FROM documents").expect("count");
        assert_eq!(texts(&t, "n"), vec![Some("5".to_owned())]);
    }
}
