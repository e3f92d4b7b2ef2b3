//! The catalogue as of a date.

use chrono::NaiveDate;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("test date")
}

fn codes(items: &[khuyencong::catalog::CatalogItem]) -> Vec<&str> {
    items.iter().map(|i| i.code).collect()
}

#[test]
fn union_of_cooperatives_appears_on_2025_10_15() {
    let before = khuyencong::catalog(d(2025, 10, 14)).expect("catalog");
    let after = khuyencong::catalog(d(2025, 10, 15)).expect("catalog");
    assert!(!codes(&before.legal_forms).contains(&"union_of_cooperatives"));
    assert!(codes(&after.legal_forms).contains(&"union_of_cooperatives"));
}

#[test]
fn catalog_before_decree_45_is_an_error() {
    assert!(khuyencong::catalog(d(2012, 7, 4)).is_err());
    assert!(khuyencong::catalog(d(2012, 7, 5)).is_ok());
}

#[test]
fn catalog_2024_lists_all_article_4_items_with_citations() {
    let c = khuyencong::catalog(d(2024, 6, 1)).expect("catalog");
    assert_eq!(c.activities.len(), 29, "9 groups and 20 sub-items");
    for a in &c.activities {
        assert_eq!(a.citation.citation.instrument_id().code(), "nd_45_2012");
        assert_eq!(a.citation.citation.article_no(), Some(4));
        assert!(a.citation.vi.contains("Điều 4 Nghị định số 45/2012/NĐ-CP"));
        assert!(a.citation.en.starts_with("Decree 45/2012/ND-CP, Art. 4("));
    }
    let json = serde_json::to_value(&c).expect("json");
    for list in khuyencong::catalog::LISTS {
        assert!(json[list].is_array(), "{list}");
    }
    let first = &json["activities"][0];
    for key in [
        "code",
        "label_vi",
        "label_en",
        "citation",
        "valid_from",
        "valid_until",
        "confidence",
    ] {
        assert!(first.get(key).is_some(), "{key}");
    }
    assert!(first["valid_until"].is_null());
    assert_eq!(
        first["citation"]["vi"],
        "khoản 1 Điều 4 Nghị định số 45/2012/NĐ-CP"
    );
    // Items of the other era are absent.
    assert!(!codes(&c.admin_units).contains(&"special_zone"));
    assert!(codes(&c.admin_units).contains(&"rural_district"));
    let instruments: Vec<&str> = c.instruments.iter().map(|i| i.code).collect();
    assert!(instruments.contains(&"tt_28_2018_btc"));
    assert!(
        !instruments.contains(&"ttlt_26_2014_btc_bct"),
        "replaced in 2018"
    );
    assert!(!instruments.contains(&"nd_235_2025"), "not yet in force");
}

#[test]
fn catalog_after_the_reform_has_the_new_units_only() {
    let c = khuyencong::catalog(d(2026, 1, 1)).expect("catalog");
    let units = codes(&c.admin_units);
    assert!(units.contains(&"special_zone"));
    assert!(!units.contains(&"rural_district"));
    assert!(!codes(&c.fund_levels).contains(&"district"));
    assert!(codes(&c.activities).contains(&"digital_transformation"));
}

#[test]
fn catalog_csv_has_a_header_and_one_row_per_item() {
    let c = khuyencong::catalog(d(2024, 6, 1)).expect("catalog");
    let rows = c.rows("activities").expect("rows");
    assert_eq!(rows.len(), c.activities.len() + 1);
    let csv = khuyencong::catalog::to_csv(&rows);
    assert!(csv.starts_with("code,label_vi,label_en,parent,number,"));
    assert!(
        csv.contains("\"Decree 45/2012/ND-CP, Art. 4(3)(b)\""),
        "commas are quoted"
    );
    assert!(c.rows("no_such_list").is_none());
    assert!(c.rows("instruments").is_some());
}
