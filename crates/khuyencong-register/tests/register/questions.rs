//! The questions: money, unreported schemes, beneficiaries, progress, re-check.

use khuyencong::document::parse;
use khuyencong::totals::{TotalsKey, totals};
use khuyencong_register::{ProvinceEra, Register, StateRecord};
use serde_json::json;

use crate::common::*;

#[test]
fn money_is_the_cores_totals_of_the_current_documents() {
    for target in targets() {
        let mut r = Register::create(&target.url).expect("create");
        add_examples(&mut r);
        let by = [
            "source".parse().expect("key"),
            "fund_level".parse().expect("key"),
        ];
        let table = r.money(&by, ProvinceEra::Time).expect("money");
        // The same documents added up by the core directly.
        let docs: Vec<_> = EXAMPLES
            .iter()
            .map(|n| parse(&example(n)).expect("parse"))
            .collect();
        let expected = totals(
            docs.iter(),
            &[TotalsKey::Kind, TotalsKey::Source, TotalsKey::FundLevel],
        )
        .expect("totals");
        assert_eq!(table.rows.len(), expected.len());
        for (row, e) in rows(&table).iter().zip(&expected) {
            assert_eq!(row["kind"], json!(e.keys["kind"]));
            assert_eq!(row["source"], json!(e.keys["source"]));
            assert_eq!(row["funding_vnd"], json!(e.funding_vnd));
            assert_eq!(row["support_vnd"], json!(e.support_vnd));
            assert_eq!(row["exactness"], json!(e.exactness.code()));
        }
        // The SQL view adds up to the same figures.
        let sql = r
            .sql("SELECT source, SUM(funding_vnd) AS funding FROM v_money WHERE kind = 'period_report' AND source IS NOT NULL GROUP BY source ORDER BY source")
            .expect("view");
        assert_eq!(
            rows(&sql),
            vec![
                json!({"source": "counterpart", "funding": "17290000000"}),
                json!({"source": "local_budget_provincial", "funding": "15697000000"}),
                json!({"source": "national_extension_fund", "funding": "1400000000"}),
            ]
        );
        // By the province of the time and of today (the library's codes): Long An (2018)
        // and Quảng Nam (2022) are today part of Tây Ninh and Đà Nẵng.
        let mut key = |era, column: &str| {
            let t = r
                .money(&["province".parse().expect("key")], era)
                .expect("money");
            let mut v: Vec<_> = rows(&t)
                .into_iter()
                .filter(|row| {
                    row["kind"] == "scheme" && row["support_vnd"].as_i64().is_some_and(|s| s > 0)
                })
                .map(|row| row[column].clone())
                .collect();
            v.sort_by_key(|p| p.as_str().unwrap_or_default().to_owned());
            v
        };
        assert_eq!(
            key(ProvinceEra::Time, "province"),
            vec![json!(null), json!("long_an"), json!("quang_nam")]
        );
        assert_eq!(
            key(ProvinceEra::Now, "province_now"),
            vec![json!(null), json!("da_nang_2025"), json!("tay_ninh_2025")]
        );
        // The view has both, as the library computed them.
        let v = r
            .sql("SELECT DISTINCT province, province_now FROM v_money WHERE kind = 'scheme' AND province IS NOT NULL ORDER BY province")
            .expect("view");
        assert_eq!(
            rows(&v),
            vec![
                json!({"province": "long_an", "province_now": "tay_ninh_2025"}),
                json!({"province": "quang_nam", "province_now": "da_nang_2025"}),
            ]
        );
    }
}

#[test]
fn approved_schemes_that_no_report_counts_are_listed() {
    for target in targets() {
        let mut r = Register::create(&target.url).expect("create");
        add_examples(&mut r);
        let t = r.unreported().expect("unreported");
        // Quảng Nam (2022, national), Long An (2018) and Giồng Riềng (2025, no province
        // stated) are approved by their documents; no registered report of their province
        // covers them.
        assert_eq!(
            texts(&t, "scheme_id"),
            vec![
                Some("kcdp-2018-long-an-banh-trang-co-ut".to_owned()),
                Some("kcqg-2022-quang-nam-htx-ky-nghe".to_owned()),
                Some("kcdp-2025-giong-rieng-hkd-2-dau".to_owned()),
            ]
        );
        // Plan-listed schemes approved later: An Giang's 2021–2025 report has lines of their
        // activities (a provincial machinery line; information with no fund stated), so they
        // are counted.
        for scheme in ["kcdp-2024-01", "kcdp-2024-04"] {
            r.record_state(&StateRecord {
                scheme_id: scheme.into(),
                state: "approved".into(),
                on_date: "2024-02-01".parse().expect("date"),
                source: "15/QĐ-SCT".into(),
                note: None,
            })
            .expect("state");
        }
        let t = r.unreported().expect("unreported");
        assert_eq!(t.rows.len(), 3);
        let reports = r
            .sql("SELECT report_id, basis FROM v_scheme_reports WHERE scheme_id = 'kcdp-2024-01'")
            .expect("reports");
        let programmes = r
            .sql("SELECT programme_id, basis FROM v_scheme_programmes WHERE scheme_id = 'kcdp-2024-01'")
            .expect("programmes");
        assert_eq!(
            rows(&programmes),
            vec![json!({"programme_id": "qd_1881_2020_ttg", "basis": "via_report"})]
        );
        assert_eq!(
            rows(&reports),
            vec![json!({"report_id": "an-giang-kcqg-2021-2025", "basis": "covered"})]
        );
        // A cancelled scheme is not waiting for a report.
        r.record_state(&StateRecord {
            scheme_id: "kcqg-2022-quang-nam-htx-ky-nghe".into(),
            state: "cancelled".into(),
            on_date: "2022-10-01".parse().expect("date"),
            source: "99/QĐ-BCT".into(),
            note: Some("đơn vị xin dừng".into()),
        })
        .expect("cancel");
        let ids = texts(&r.unreported().expect("unreported"), "scheme_id");
        assert!(!ids.contains(&Some("kcqg-2022-quang-nam-htx-ky-nghe".to_owned())));
        // A report of Quảng Nam for 2022 with a national machinery line would count it.
        let mut qn = example_json("an-giang-2021-2025.json");
        qn["id"] = "quang-nam-2022".into();
        qn["reporting_unit"] = json!({"name": "UBND tỉnh Quảng Nam", "province": "Tỉnh Quảng Nam"});
        qn["period"] = json!({"from": "2022-01-01", "to": "2022-12-31"});
        qn["results"] = json!([{ "activity": "advanced_machinery_technology_transfer", "fund": "national", "counts": {"establishments": 1}, "support": 300_000_000, "total_investment": 620_000_000 }]);
        for k in ["funding", "targets", "programme", "in_reply_to"] {
            qn.as_object_mut().expect("object").remove(k);
        }
        let added = add(&mut r, &[("qn.json", bytes(&qn))]);
        assert_eq!(
            added[0].status,
            khuyencong_register::Status::Accepted,
            "{added:?}"
        );
        let links = r
            .sql("SELECT report_id FROM v_scheme_reports WHERE scheme_id = 'kcqg-2022-quang-nam-htx-ky-nghe'")
            .expect("links");
        assert_eq!(
            texts(&links, "report_id"),
            vec![Some("quang-nam-2022".to_owned())]
        );
    }
}

#[test]
fn the_same_establishment_supported_twice_for_the_same_items_is_shown() {
    for target in targets() {
        let mut r = Register::create(&target.url).expect("create");
        add_examples(&mut r);
        // Only beneficiaries of more than one scheme: none yet.
        assert!(
            r.beneficiaries(false)
                .expect("beneficiaries")
                .rows
                .is_empty()
        );
        assert_eq!(r.beneficiaries(true).expect("all").rows.len(), 3);
        // The Long An household again in 2020, for machinery again, its name typed
        // differently; and once more in 2021 for an information activity.
        let mut again = example_json("scheme-long-an-2018.json");
        again["id"] = "kcdp-2020-long-an-co-ut-2".into();
        again["approval"]["date"] = "2020-03-01".into();
        again["beneficiaries"][0]["name"] = "  HỘ KINH DOANH bánh tráng trộn  Cô Út".into();
        let mut other = again.clone();
        other["id"] = "kcdp-2021-long-an-co-ut-3".into();
        other["approval"]["date"] = "2021-03-01".into();
        other["activities"] = json!(["information"]);
        let added = add(
            &mut r,
            &[("again.json", bytes(&again)), ("other.json", bytes(&other))],
        );
        assert!(
            added
                .iter()
                .all(|a| a.status == khuyencong_register::Status::Accepted),
            "{added:?}"
        );
        let t = r.beneficiaries(false).expect("beneficiaries");
        let got: Vec<_> = rows(&t)
            .into_iter()
            .map(|row| {
                (
                    row["scheme_id"].clone(),
                    row["activity"].clone(),
                    row["schemes"].clone(),
                    row["double_funding"].clone(),
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    json!("kcdp-2018-long-an-banh-trang-co-ut"),
                    json!("advanced_machinery_technology_transfer"),
                    json!(3),
                    json!(1)
                ),
                (
                    json!("kcdp-2020-long-an-co-ut-2"),
                    json!("advanced_machinery_technology_transfer"),
                    json!(3),
                    json!(1)
                ),
                (
                    json!("kcdp-2021-long-an-co-ut-3"),
                    json!("information"),
                    json!(3),
                    json!(0)
                ),
            ]
        );
    }
}

#[test]
fn progress_against_targets_by_province_and_period() {
    for target in targets() {
        let mut r = Register::create(&target.url).expect("create");
        add_examples(&mut r);
        // The 2021–2025 report proposes targets for the period after it; nothing reported yet.
        let t = r.progress().expect("progress");
        assert!(!t.rows.is_empty());
        assert!(
            rows(&t)
                .iter()
                .all(|row| row["reports"] == 0 && row["achieved"].is_null())
        );
        // An Giang reports 2026: 30 establishments with machinery (local fund), one line
        // without its support figure.
        let mut y2026 = example_json("an-giang-2021-2025.json");
        y2026["id"] = "an-giang-2026".into();
        y2026["period"] = json!({"from": "2026-01-01", "to": "2026-12-31"});
        y2026["results"] = json!([
            { "activity": "advanced_machinery_technology_transfer", "fund": "provincial", "counts": {"establishments": 30}, "support": 6_000_000_000_i64, "total_investment": 13_000_000_000_i64 },
            { "activity": "advanced_machinery_technology_transfer", "fund": "national", "counts": {"establishments": 2} },
            { "activity": "fairs_exhibitions", "counts": {"fairs": 3, "participations": 40} }
        ]);
        y2026["results_total"] = json!({"counts": {"establishments": 40}});
        for k in ["funding", "targets", "programme", "in_reply_to"] {
            y2026.as_object_mut().expect("object").remove(k);
        }
        let added = add(&mut r, &[("2026.json", bytes(&y2026))]);
        assert_eq!(
            added[0].status,
            khuyencong_register::Status::Accepted,
            "{added:?}"
        );
        let t = r.progress().expect("progress");
        let machinery: Vec<_> = rows(&t)
            .into_iter()
            .filter(|row| row["activity"] == "advanced_machinery_technology_transfer")
            .collect();
        assert_eq!(machinery.len(), 1, "{machinery:?}");
        let m = &machinery[0];
        assert_eq!(m["measure"], "establishments");
        assert_eq!(m["target"], 100);
        assert_eq!(m["period"], "2026");
        assert_eq!(m["achieved"], 32);
        assert_eq!(m["not_itemised_lines"], 0);
        assert_eq!(m["achieved_exactness"], "exact");
        // 40 establishments stated in the total, 32 by activity: 8 are not itemised.
        assert_eq!(m["not_itemised"], 8);
        assert!(
            m["note"]
                .as_str()
                .is_some_and(|n| n.contains("only in a total"))
        );
        // Participations at fairs: the core's totals do not add them up yet — said, not guessed.
        let fairs: Vec<_> = rows(&t)
            .into_iter()
            .filter(|row| {
                row["activity"] == "fairs_exhibitions" && row["measure"] == "participations"
            })
            .collect();
        assert_eq!(fairs.len(), 1);
        assert!(fairs[0]["achieved"].is_null());
        assert!(
            fairs[0]["note"]
                .as_str()
                .is_some_and(|n| n.starts_with("not assessed"))
        );
        // Fairs: establishments target ("hơn 200"), and the 2026 line states no establishments.
        let est: Vec<_> = rows(&t)
            .into_iter()
            .filter(|row| {
                row["activity"] == "fairs_exhibitions" && row["measure"] == "establishments"
            })
            .collect();
        assert_eq!(est[0]["target_exactness"], "lower_bound");
        assert_eq!(est[0]["not_itemised_lines"], 1);
        assert!(est[0]["achieved"].is_null());
        // The 8 establishments the report states only in its total may include fairs.
        assert_eq!(est[0]["not_itemised"], 8);
        assert!(est[0]["note"].as_str().is_some_and(
            |n| n.contains("do not state this figure") && n.contains("only in a total")
        ));
    }
}

#[test]
fn a_recheck_lists_what_changed_and_records_it() {
    for target in targets() {
        let mut r = Register::create(&target.url).expect("create");
        add_examples(&mut r);
        // Nothing changed since intake.
        assert!(r.recheck(false).expect("recheck").rows.is_empty());
        // Findings recorded under other rules: one the current rules no longer give, and one
        // missing that they give.
        let mut db = khuyencong_register::db::Db::open(&target.url, false).expect("open");
        let old =
            khuyencong::Finding::new("old.rule", khuyencong::Severity::Warning, "/x", "cũ", "old");
        db.execute(
            "UPDATE findings SET code = 'old.rule', finding = ? WHERE check_id = (SELECT MIN(c.id) FROM checks c JOIN documents d ON d.id = c.document WHERE d.doc_id = 'kcdp-2025-giong-rieng-hkd-2-dau') AND seq = 0",
            &[serde_json::to_string(&old).expect("JSON").into()],
        )
        .expect("tamper");
        db.execute(
            "UPDATE checks SET rules_version = '0.0.1+national.2020-01-01'",
            &[],
        )
        .expect("tamper");
        drop(db);
        let dry = r.recheck(true).expect("dry run");
        let changes: Vec<_> = rows(&dry)
            .into_iter()
            .map(|row| {
                (
                    row["doc_id"].clone(),
                    row["change"].clone(),
                    row["code"].clone(),
                    row["rules_before"].clone(),
                )
            })
            .collect();
        assert_eq!(changes.len(), 2, "{changes:?}");
        assert!(changes.contains(&(
            json!("kcdp-2025-giong-rieng-hkd-2-dau"),
            json!("removed"),
            json!("old.rule"),
            json!("0.0.1+national.2020-01-01")
        )));
        assert!(changes.iter().any(|c| c.1 == "added"));
        // A dry run records nothing; a real one records a check, after which nothing changed.
        assert_eq!(r.recheck(false).expect("recheck").rows.len(), 2);
        assert!(r.recheck(false).expect("again").rows.is_empty());
        let checks = r.sql("SELECT COUNT(*) AS n FROM checks").expect("checks");
        assert_eq!(texts(&checks, "n"), vec![Some("6".to_owned())]);
        // The intake decision stays as it was.
        let s = r
            .sql("SELECT COUNT(*) AS n FROM documents WHERE status = 'accepted'")
            .expect("status");
        assert_eq!(texts(&s, "n"), vec![Some("5".to_owned())]);
    }
}

/// Programmes (format version 2): stored with their targets; reports on them by
/// `programme_id` and schemes that name them are linked; progress is the core's
/// computation over the current documents, never a second one.
#[test]
fn programmes_are_linked_and_their_progress_is_the_cores() {
    let programme = example("programme-example-2021-2025.json");
    let report = example("report-example-2021-2025.json");
    let mut scheme = example_json("scheme-quang-nam-2022.json");
    scheme["programme_id"] = json!("vi-du-ctkc-2021-2025");
    scheme["programme"] = json!("qd_1881_2020_ttg");
    let scheme = bytes(&scheme);
    for target in targets() {
        let mut r = Register::create(&target.url).expect("create");
        let added = add(
            &mut r,
            &[
                ("programme.json", programme.clone()),
                ("report.json", report.clone()),
                ("scheme.json", scheme.clone()),
            ],
        );
        assert!(
            added
                .iter()
                .all(|a| a.status == khuyencong_register::Status::Accepted),
            "{added:?}"
        );
        // The programme, its targets, the report on it and the scheme that names it.
        let p = r
            .sql("SELECT programme_id, province, period_from, period_to, fund_level, target_rows, reports, schemes FROM v_programmes")
            .expect("v_programmes");
        assert_eq!(
            rows(&p),
            vec![json!({
                "programme_id": "vi-du-ctkc-2021-2025", "province": "Mẫu",
                "period_from": "2021-01-01", "period_to": "2025-12-31",
                "fund_level": "provincial", "target_rows": "9", "reports": "1", "schemes": "1"
            })]
        );
        let refs = r
            .sql("SELECT programme_id, relation, kind, doc_id FROM v_programme_refs ORDER BY relation, doc_id")
            .expect("refs");
        assert_eq!(
            rows(&refs),
            vec![
                json!({"programme_id": "vi-du-ctkc-2021-2025", "relation": "defines", "kind": "programme", "doc_id": "vi-du-ctkc-2021-2025"}),
                json!({"programme_id": "vi-du-ctkc-2021-2025", "relation": "reports_on", "kind": "period_report", "doc_id": "vi-du-bckc-2021-2025"}),
            ]
        );
        let stated = r
            .sql("SELECT scheme_id, programme_id FROM v_scheme_programmes WHERE basis = 'stated' ORDER BY programme_id")
            .expect("scheme programmes");
        assert_eq!(
            texts(&stated, "programme_id"),
            vec![
                Some("qd_1881_2020_ttg".to_owned()),
                Some("vi-du-ctkc-2021-2025".to_owned())
            ]
        );
        let targets_sql = r
            .sql("SELECT COUNT(*) AS n FROM v_targets WHERE basis = 'programme' AND programme_id = 'vi-du-ctkc-2021-2025'")
            .expect("targets");
        assert_eq!(texts(&targets_sql, "n"), vec![Some("9".to_owned())]);
        // Progress: the core's rows over the same documents, column by column.
        let docs = [
            parse(&programme).expect("parse"),
            parse(&report).expect("parse"),
        ];
        let core = khuyencong::totals::progress(docs.iter());
        let table = r.programme_progress().expect("programme progress");
        assert_eq!(table.rows.len(), core.rows.len());
        assert_eq!(core.rows.len(), 9);
        for (row, e) in rows(&table).iter().zip(&core.rows) {
            let e = serde_json::to_value(e).expect("json");
            for field in khuyencong::totals::ProgressRow::FIELDS {
                let want = match &e[field] {
                    serde_json::Value::Bool(b) => json!(i64::from(*b)),
                    other => other.clone(),
                };
                assert_eq!(row[field], want, "{field}");
            }
            assert_eq!(row["programme_version"], json!(1));
        }
        let first = &rows(&table)[0];
        assert_eq!(first["target_id"], "1.1");
        assert_eq!(first["achieved"], 62);
        assert_eq!(first["achieved_exactness"], "lower_bound");
        assert_eq!(first["share"], "0.62");
        assert!(first["met"].is_null());
        // Programme targets are not answered a second time by the report-proposal question.
        let old = r.progress().expect("progress");
        assert!(
            rows(&old).iter().all(|row| row["basis"] != "programme"),
            "{:?}",
            rows(&old)
        );
        // A corrected report is a new version: counted once, as the core counts it.
        let mut corrected: serde_json::Value = serde_json::from_slice(&report).expect("json");
        corrected["title"] = json!("Báo cáo (bản sửa)");
        add(&mut r, &[("report-v2.json", bytes(&corrected))]);
        let again = r.programme_progress().expect("programme progress");
        assert_eq!(rows(&again)[0]["reports"], 1);
        assert_eq!(rows(&again)[0]["achieved"], 62);
        let p = r
            .sql("SELECT reports FROM v_programmes")
            .expect("v_programmes");
        assert_eq!(texts(&p, "reports"), vec![Some("1".to_owned())]);
    }
    // Without reports: the core's rows, nothing achieved, and its note.
    for target in targets() {
        let mut r = Register::create(&target.url).expect("create");
        add(&mut r, &[("programme.json", programme.clone())]);
        let table = r.programme_progress().expect("programme progress");
        let all = rows(&table);
        assert_eq!(all.len(), 9);
        assert!(all.iter().all(|row| row["achieved"].is_null()));
        assert!(
            all[0]["notes"]
                .as_str()
                .is_some_and(|n| n.contains(" / ") && !n.is_empty()),
            "{:?}",
            all[0]
        );
    }
}
