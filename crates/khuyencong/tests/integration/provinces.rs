//! Provinces across the 2025 arrangement (Resolution 202/2025/QH15): the 63 and the 34, the
//! official codes, names as people type them, and totals by the province of the time and of
//! today.

use chrono::NaiveDate;
use khuyencong::Codelist;
use khuyencong::document::{CheckOptions, Document, check_bytes, parse};
use khuyencong::location::AdminUnit;
use khuyencong::province::{Province, resolve};
use khuyencong::totals::{TotalsKey, totals, totals_with_notes};
use unicode_normalization::UnicodeNormalization;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("test date")
}

/// The 34 units with their codes, as the statistics office lists them (Công văn
/// 915/CTK-CSCL).
const THE_34: [(&str, &str); 34] = [
    ("01", "Thành phố Hà Nội"),
    ("04", "Tỉnh Cao Bằng"),
    ("08", "Tỉnh Tuyên Quang"),
    ("11", "Tỉnh Điện Biên"),
    ("12", "Tỉnh Lai Châu"),
    ("14", "Tỉnh Sơn La"),
    ("15", "Tỉnh Lào Cai"),
    ("19", "Tỉnh Thái Nguyên"),
    ("20", "Tỉnh Lạng Sơn"),
    ("22", "Tỉnh Quảng Ninh"),
    ("24", "Tỉnh Bắc Ninh"),
    ("25", "Tỉnh Phú Thọ"),
    ("31", "Thành phố Hải Phòng"),
    ("33", "Tỉnh Hưng Yên"),
    ("37", "Tỉnh Ninh Bình"),
    ("38", "Tỉnh Thanh Hóa"),
    ("40", "Tỉnh Nghệ An"),
    ("42", "Tỉnh Hà Tĩnh"),
    ("44", "Tỉnh Quảng Trị"),
    ("46", "Thành phố Huế"),
    ("48", "Thành phố Đà Nẵng"),
    ("51", "Tỉnh Quảng Ngãi"),
    ("52", "Tỉnh Gia Lai"),
    ("56", "Tỉnh Khánh Hòa"),
    ("66", "Tỉnh Đắk Lắk"),
    ("68", "Tỉnh Lâm Đồng"),
    ("75", "Tỉnh Đồng Nai"),
    ("79", "Thành phố Hồ Chí Minh"),
    ("80", "Tỉnh Tây Ninh"),
    ("82", "Tỉnh Đồng Tháp"),
    ("86", "Tỉnh Vĩnh Long"),
    ("91", "Tỉnh An Giang"),
    ("92", "Thành phố Cần Thơ"),
    ("96", "Tỉnh Cà Mau"),
];

#[test]
fn sixty_three_until_2025_06_30_and_thirty_four_from_2025_07_01() {
    let before: Vec<Province> = Province::valid_on(d(2025, 6, 30)).collect();
    let after: Vec<Province> = Province::valid_on(d(2025, 7, 1)).collect();
    assert_eq!(before.len(), 63);
    assert_eq!(after.len(), 34);
    let got: Vec<(&str, &str)> = after
        .iter()
        .map(|p| (p.gso_code(), p.info().label_vi))
        .collect();
    assert_eq!(got, THE_34);
    // Codes are unique among the units of one day.
    for units in [&before, &after] {
        let mut codes: Vec<&str> = units.iter().map(|p| p.gso_code()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), units.len());
    }
    // Before 2025-01-01 code 46 is the province of Thừa Thiên Huế; then the city of Huế.
    assert!(Province::ThuaThienHue.info().valid_on(d(2024, 12, 31)));
    assert!(Province::Hue.info().valid_on(d(2025, 1, 1)));
    assert_eq!(Province::Hue.kind(), AdminUnit::CentrallyRunCity);
    let cities: Vec<&str> = after
        .iter()
        .filter(|p| p.kind() == AdminUnit::CentrallyRunCity)
        .map(|p| p.gso_code())
        .collect();
    assert_eq!(cities, ["01", "31", "46", "48", "79", "92"]);
}

#[test]
fn every_former_unit_maps_to_a_unit_of_the_34() {
    let after: Vec<Province> = Province::valid_on(d(2025, 7, 1)).collect();
    let mut merged = 0;
    for p in Province::valid_on(d(2025, 6, 30)) {
        let now = p.now();
        assert!(after.contains(&now), "{p:?} → {now:?}");
        if p.successor().is_some() {
            merged += 1;
            assert_eq!(p.info().valid_until, Some(d(2025, 6, 30)), "{p:?}");
        }
    }
    assert_eq!(merged, 52, "52 former units merged into 23");
    let new: Vec<Province> = after
        .iter()
        .copied()
        .filter(|p| p.formers().next().is_some() && *p != Province::Hue)
        .collect();
    assert_eq!(new.len(), 23);
    // The new code is the seat's former code: one of the formers has it.
    for p in &new {
        assert!(p.formers().any(|f| f.gso_code() == p.gso_code()), "{p:?}");
    }
    // Where the seat is not the province whose name is kept.
    assert_eq!(Province::LaoCai2025.gso_code(), "15"); // Yên Bái's
    assert_eq!(Province::TayNinh2025.gso_code(), "80"); // Long An's
    assert_eq!(Province::AnGiang2025.gso_code(), "91"); // Kiên Giang's
    assert_eq!(Province::KienGiang.now(), Province::AnGiang2025);
    assert_eq!(Province::ThuaThienHue.now(), Province::Hue);
    assert_eq!(Province::HaNoi.now(), Province::HaNoi);
    let phu_tho: Vec<&str> = Province::PhuTho2025.formers().map(Province::code).collect();
    assert_eq!(phu_tho, ["hoa_binh", "phu_tho", "vinh_phuc"]);
}

#[test]
fn names_as_people_type_them() {
    let (from, to) = (d(2024, 1, 1), d(2024, 12, 31));
    let nfd: String = "Tỉnh Đồng Tháp".nfd().collect();
    for text in [
        "Đồng Tháp",
        "Tỉnh Đồng Tháp",
        "tỉnh   Đồng  Tháp ",
        nfd.as_str(),
        "DONG THAP",
        "Dong Thap Province",
        "T. Đồng Tháp",
    ] {
        let m = resolve(text, from, to);
        if text == "T. Đồng Tháp" {
            assert!(m.is_none(), "an unknown abbreviation is not guessed");
            continue;
        }
        let m = m.unwrap_or_else(|| panic!("{text:?}"));
        assert_eq!(m.province, Province::DongThap, "{text:?}");
        assert!(m.in_force);
        // The short and the full name are the list's own: not a change.
        let own = text == "Đồng Tháp" || text == "Tỉnh Đồng Tháp";
        assert_eq!(m.normalised, !own, "{text:?}");
    }
    for text in [
        "TP. Hồ Chí Minh",
        "TP.HCM",
        "TPHCM",
        "Thành phố Hồ Chí Minh",
        "Ho Chi Minh City",
        "tp hồ chí minh",
    ] {
        let m = resolve(text, from, to).unwrap_or_else(|| panic!("{text:?}"));
        assert_eq!(m.province, Province::HoChiMinh, "{text:?}");
    }
    assert!(
        resolve("Bà Rịa – Vũng Tàu", from, to)
            .is_some_and(|m| m.province == Province::BaRiaVungTau)
    );
    assert!(
        resolve("Thừa Thiên - Huế", from, to).is_some_and(|m| m.province == Province::ThuaThienHue)
    );
    for text in ["", "   ", "X", "Tỉnh Thử", "Ủy ban nhân dân tỉnh An Giang"] {
        assert!(resolve(text, from, to).is_none(), "{text:?}");
    }
}

#[test]
fn a_shared_name_is_read_by_the_document_date() {
    let m = resolve("An Giang", d(2021, 1, 1), d(2025, 12, 31)).expect("An Giang");
    assert_eq!((m.province, m.in_force), (Province::AnGiang, true));
    let m = resolve("An Giang", d(2026, 1, 1), d(2026, 12, 31)).expect("An Giang");
    assert_eq!(m.province, Province::AnGiang2025);
    let m = resolve("An Giang", d(2025, 7, 1), d(2025, 7, 1)).expect("An Giang");
    assert_eq!(m.province, Province::AnGiang2025);
    let m = resolve("An Giang", d(2025, 6, 30), d(2025, 6, 30)).expect("An Giang");
    assert_eq!(m.province, Province::AnGiang);
    // A former province named after its end: itself, not in force.
    let m = resolve("Kiên Giang", d(2025, 7, 1), d(2025, 7, 1)).expect("Kiên Giang");
    assert_eq!((m.province, m.in_force), (Province::KienGiang, false));
    // A unit named before it existed.
    let m = resolve("Huế", d(2020, 1, 1), d(2020, 12, 31)).expect("Huế");
    assert_eq!((m.province, m.in_force), (Province::Hue, false));
}

fn plan(province: &str, year: i32, amount: u64) -> String {
    format!(
        r#"{{"kind": "plan", "schema_version": 2, "id": "kh-{year}-{amount}", "year": {year},
        "fund_level": "provincial", "province": "{province}",
        "budget": {{"lines": [{{"source": "local_budget_provincial", "amount": {amount}}}]}}}}"#
    )
}

fn docs(texts: &[String]) -> Vec<Document> {
    texts
        .iter()
        .map(|t| parse(t.as_bytes()).unwrap_or_else(|f| panic!("{f:?}")))
        .collect()
}

#[test]
fn totals_group_one_province_typed_five_ways_into_one_row() {
    let nfd: String = "Đồng Tháp".nfd().collect();
    let texts: Vec<String> = [
        "Đồng Tháp",
        "Tỉnh Đồng Tháp",
        "  Đồng   Tháp ",
        nfd.as_str(),
        "DONG THAP",
    ]
    .iter()
    .enumerate()
    .map(|(i, p)| plan(p, 2024, 100_000_000 * (i as u64 + 1)))
    .collect();
    let docs = docs(&texts);
    let t = totals_with_notes(&docs, &[TotalsKey::Province]).expect("totals");
    assert_eq!(t.rows.len(), 1, "{:?}", t.rows);
    let row = &t.rows[0];
    assert_eq!(row.keys["province"].as_deref(), Some("dong_thap"));
    assert_eq!((row.documents, row.funding_vnd), (5, 1_500_000_000));
    // Three of the five were written otherwise than the list (short or full name): a note
    // each, naming the text.
    let noted: Vec<usize> = t
        .notes
        .iter()
        .filter(|n| n.code == "province_normalised")
        .map(|n| n.document)
        .collect();
    assert_eq!(noted, [2, 3, 4]);
    assert!(t.notes.iter().all(|n| n.key == "province"));
}

#[test]
fn totals_by_province_now_put_a_former_province_under_its_successor() {
    let texts = vec![
        plan("Tiền Giang", 2024, 300_000_000),
        plan("Đồng Tháp", 2024, 200_000_000),
        plan("Đồng Tháp", 2026, 500_000_000),
        plan("Hà Nội", 2024, 100_000_000),
    ];
    let docs = docs(&texts);
    let by_time = totals(&docs, &[TotalsKey::Province]).expect("totals");
    let keys: Vec<&str> = by_time
        .iter()
        .filter_map(|r| r.keys["province"].as_deref())
        .collect();
    assert_eq!(
        keys,
        ["dong_thap", "dong_thap_2025", "ha_noi", "tien_giang"]
    );
    let t = totals_with_notes(&docs, &[TotalsKey::ProvinceNow]).expect("totals");
    let rows: Vec<(&str, u64, u64)> = t
        .rows
        .iter()
        .map(|r| {
            (
                r.keys["province_now"].as_deref().unwrap_or("-"),
                r.documents,
                r.funding_vnd,
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("dong_thap_2025", 3, 1_000_000_000),
            ("ha_noi", 1, 100_000_000)
        ]
    );
    let successors: Vec<usize> = t
        .notes
        .iter()
        .filter(|n| n.code == "province_successor")
        .map(|n| n.document)
        .collect();
    assert_eq!(successors, [0, 1]);
    // Both keys together.
    let both = totals(&docs, &[TotalsKey::ProvinceNow, TotalsKey::Province]).expect("totals");
    assert_eq!(both.len(), 4);
}

#[test]
fn totals_keep_unknown_names_as_normalised_text_with_a_note() {
    let nfd: String = "Tỉnh Thử".nfd().collect();
    let texts = vec![
        plan("Tỉnh Thử", 2024, 1_000),
        plan(&format!(" {nfd}  "), 2024, 2_000),
    ];
    let docs = docs(&texts);
    let t = totals_with_notes(&docs, &[TotalsKey::Province]).expect("totals");
    assert_eq!(t.rows.len(), 1);
    assert_eq!(t.rows[0].keys["province"].as_deref(), Some("Tỉnh Thử"));
    let codes: Vec<(usize, &str)> = t.notes.iter().map(|n| (n.document, n.code)).collect();
    assert_eq!(
        codes,
        [
            (0, "province_not_recognised"),
            (1, "province_not_recognised"),
            (1, "text_normalised")
        ]
    );
}

#[test]
fn check_warns_when_the_province_is_not_of_the_document_date() {
    let findings = |text: &str| {
        check_bytes(text.as_bytes(), &CheckOptions::default())
            .findings
            .into_iter()
            .filter(|f| f.code.starts_with("document.province"))
            .map(|f| (f.code, f.severity.code(), f.path))
            .collect::<Vec<_>>()
    };
    // Kiên Giang in a 2026 plan: merged into An Giang on 2025-07-01.
    let f = findings(&plan("Kiên Giang", 2026, 1_000));
    assert_eq!(
        f,
        [(
            "document.province_not_of_date".to_owned(),
            "warning",
            "/province".to_owned()
        )]
    );
    let c = check_bytes(
        plan("Kiên Giang", 2026, 1_000).as_bytes(),
        &CheckOptions::default(),
    );
    let w = c
        .findings
        .iter()
        .find(|f| f.code == "document.province_not_of_date")
        .expect("warning");
    assert!(
        w.message_en().contains("an_giang_2025"),
        "{}",
        w.message_en()
    );
    assert!(!c.has_errors());
    // The same name in 2025 (the year of the merger) is of the date: no warning.
    assert!(findings(&plan("Kiên Giang", 2025, 1_000)).is_empty());
    // Written otherwise: information only.
    let f = findings(&plan("tỉnh  Kiên Giang", 2024, 1_000));
    assert_eq!(
        f,
        [(
            "document.province_normalised".to_owned(),
            "info",
            "/province".to_owned()
        )]
    );
    // Not a province of the list: nothing.
    assert!(findings(&plan("Tỉnh Thử", 2024, 1_000)).is_empty());
}
