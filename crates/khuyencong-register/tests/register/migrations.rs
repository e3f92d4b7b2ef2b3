//! Migrations, from every earlier schema version to the current one.

use khuyencong_register::schema::SCHEMA_VERSION;
use khuyencong_register::{ProvinceEra, Register, RegisterError};

use crate::common::*;

/// A register of each earlier schema version, as its library wrote it (an export made with
/// that version, committed, never regenerated).
fn fixture(version: i64) -> Vec<u8> {
    std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(format!("tests/register/fixtures/schema-{version}.jsonl")),
    )
    .expect("a fixture for every earlier schema version")
}

#[test]
fn every_earlier_schema_version_migrates_with_its_data() {
    for version in 1..SCHEMA_VERSION {
        for target in targets() {
            // Restore the old register as it was, at its own version (without migrating).
            Register::create_at_version(&target.url, version).expect("old schema");
            let e = Register::open(&target.url).expect_err("needs migration");
            assert_eq!(
                e,
                RegisterError::NeedsMigration {
                    found: version,
                    expected: SCHEMA_VERSION
                }
            );
            drop(target);
        }
        for target in targets() {
            // `import` restores at the export's version, then migrates.
            let (mut r, n) =
                Register::import(&target.url, &mut fixture(version).as_slice()).expect("import");
            assert!(n > 10);
            assert_eq!(r.schema_version().ok(), Some(SCHEMA_VERSION));
            // The data is there and every question answers.
            let docs = r.documents().expect("documents");
            assert_eq!(docs.rows.len(), 5);
            assert!(
                !r.money(&["source".parse().expect("key")], ProvinceEra::Time)
                    .expect("money")
                    .rows
                    .is_empty()
            );
            assert_eq!(r.unreported().expect("unreported").rows.len(), 3);
            r.beneficiaries(true).expect("beneficiaries");
            r.progress().expect("progress");
            // Programmes (schema 4): none in these registers, and the question answers.
            assert!(
                r.programme_progress()
                    .expect("programme progress")
                    .rows
                    .is_empty()
            );
            assert!(
                r.sql("SELECT * FROM v_programmes")
                    .expect("v_programmes")
                    .rows
                    .is_empty()
            );
            assert!(r.recheck(true).is_ok());
            // The index was rebuilt with this library's reading: provinces are the library's
            // codes, of the time and of today, in the documents and in the totals.
            let p = r
                .sql("SELECT province_now FROM v_documents WHERE doc_id = 'kcqg-2022-quang-nam-htx-ky-nghe'")
                .expect("documents");
            assert_eq!(
                texts(&p, "province_now"),
                vec![Some("da_nang_2025".to_owned())]
            );
            let m = r
                .sql("SELECT DISTINCT province, province_now FROM v_money WHERE doc_id = 'kcdp-2018-long-an-banh-trang-co-ut' AND province IS NOT NULL")
                .expect("money");
            assert_eq!(
                rows(&m),
                vec![serde_json::json!({"province": "long_an", "province_now": "tay_ninh_2025"})]
            );
        }
    }
}

#[test]
fn migrate_brings_an_old_register_up_to_date() {
    for version in 0..SCHEMA_VERSION {
        for target in targets() {
            Register::create_at_version(&target.url, version.max(1)).expect("old schema");
            let (before, after) = Register::migrate(&target.url).expect("migrate");
            assert_eq!((before, after), (version.max(1), SCHEMA_VERSION));
            // Twice is harmless.
            assert_eq!(
                Register::migrate(&target.url).expect("again"),
                (SCHEMA_VERSION, SCHEMA_VERSION)
            );
            let mut r = Register::open(&target.url).expect("open");
            add_examples(&mut r);
            // A programme and the scheme that names it, in a migrated register.
            let mut scheme = example_json("scheme-long-an-2018.json");
            scheme["programme_id"] = serde_json::json!("vi-du-ctkc-2021-2025");
            add(
                &mut r,
                &[
                    ("p.json", example("programme-example-2021-2025.json")),
                    ("s.json", bytes(&scheme)),
                ],
            );
            let s = r
                .sql("SELECT scheme_id FROM v_scheme_programmes WHERE basis = 'stated'")
                .expect("stated");
            assert_eq!(
                texts(&s, "scheme_id"),
                vec![Some("kcdp-2018-long-an-banh-trang-co-ut".to_owned())]
            );
        }
    }
}
