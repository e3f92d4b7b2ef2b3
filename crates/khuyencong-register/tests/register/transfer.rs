//! Export to JSON Lines and import back, exactly, on and across both databases.

use khuyencong_register::{Register, RegisterError, StateRecord};

use crate::common::*;

fn filled(url: &str) -> Register {
    let mut r = Register::create(url).expect("create");
    add_examples(&mut r);
    let mut fixed = example_json("an-giang-2021-2025.json");
    fixed["title"] = "Báo cáo (bản sửa đổi)".into();
    add(
        &mut r,
        &[
            ("fixed.json", bytes(&fixed)),
            ("bad.json", vec![0xc3, 0x28]),
        ],
    );
    r.record_state(&StateRecord {
        scheme_id: "kcdp-2024-02".into(),
        state: "implemented".into(),
        on_date: "2024-10-01".parse().expect("date"),
        source: "biên bản nghiệm thu".into(),
        note: Some("ghi chú có dấu: đã hoàn thành".into()),
    })
    .expect("state");
    r
}

#[test]
fn export_then_import_gives_back_the_same_register() {
    let mut sources = Vec::new();
    for target in targets() {
        let mut r = filled(&target.url);
        let first = export(&mut r);
        assert!(first.len() > 1000);
        // Into a new register of each kind, and out again: the same bytes.
        for into in targets() {
            let (mut copy, n) = Register::import(&into.url, &mut first.as_slice()).expect("import");
            let lines = first
                .split(|b| *b == b'\n')
                .filter(|l| !l.is_empty())
                .count();
            assert_eq!(usize::try_from(n).ok(), Some(lines - 1));
            assert_eq!(export(&mut copy), first, "{} → {}", target.url, into.url);
            // The copy goes on working: ids continue after the imported ones.
            let more = add(
                &mut copy,
                &[(
                    "scheme.json",
                    bytes(&{
                        let mut s = example_json("scheme-long-an-2018.json");
                        s["id"] = "new-after-import".into();
                        s
                    }),
                )],
            );
            assert_eq!(more[0].version, Some(1));
            let ids = copy
                .sql("SELECT COUNT(DISTINCT id) AS n, COUNT(*) AS m FROM documents")
                .expect("ids");
            assert_eq!(texts(&ids, "n"), texts(&ids, "m"));
        }
        sources.push(target);
    }
}

#[test]
fn an_import_refuses_a_register_that_is_not_empty_and_a_bad_line() {
    let target = sqlite();
    let mut r = filled(&target.url);
    let data = export(&mut r);
    let e = Register::import(&target.url, &mut data.as_slice()).expect_err("not empty");
    assert!(matches!(e, RegisterError::Invalid { .. }), "{e:?}");
    // A damaged line: its number is given, and nothing is kept.
    let text = String::from_utf8(data).expect("UTF-8");
    let mut lines: Vec<&str> = text.lines().collect();
    lines[5] = "{\"table\": \"documents\", \"row\": {\"id\": \"x\"}}";
    let damaged = lines.join("\n");
    let other = sqlite();
    let e = Register::import(&other.url, &mut damaged.as_bytes()).expect_err("damaged");
    assert!(matches!(e, RegisterError::Import { line: 6, .. }), "{e:?}");
    let e = Register::open(&other.url).expect_err("nothing kept");
    assert!(matches!(e, RegisterError::NotInitialised(_)), "{e:?}");
    // The same target takes the good export afterwards.
    let (mut copy, _) = Register::import(&other.url, &mut text.as_bytes()).expect("import");
    assert_eq!(export(&mut copy), text.as_bytes());
    let e = Register::import(&sqlite().url, &mut "{\"format\": \"other\"}\n".as_bytes())
        .expect_err("format");
    assert!(matches!(e, RegisterError::Import { line: 1, .. }), "{e:?}");
}
