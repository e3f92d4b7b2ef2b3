//! Every codelist: codes, labels, windows, serde.

use std::collections::HashSet;

use chrono::NaiveDate;
use khuyencong::Codelist;
use khuyencong::activity::Activity;
use khuyencong::beneficiary::{BeneficiaryCategory, LegalForm};
use khuyencong::funding::{FundLevel, FundingSource};
use khuyencong::industry::{Industry, PriorityArea, PriorityIndustry};
use khuyencong::law::Regime;
use khuyencong::location::{AdminUnit, UrbanClass};
use khuyencong::product::{ProductGroup, TypicalProductLevel};
use unicode_normalization::UnicodeNormalization;

fn check_list<T: Codelist + serde::Serialize + serde::de::DeserializeOwned>() {
    let mut seen = HashSet::new();
    for &v in T::ALL {
        let i = v.info();
        assert!(
            seen.insert(i.code),
            "{}: duplicate code {}",
            T::LIST,
            i.code
        );
        assert!(
            i.code
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
            "{}: code {} is not snake_case ASCII",
            T::LIST,
            i.code
        );
        assert!(!i.label_vi.trim().is_empty(), "{}: empty vi label", i.code);
        assert!(!i.label_en.trim().is_empty(), "{}: empty en label", i.code);
        let nfc: String = i.label_vi.nfc().collect();
        assert_eq!(nfc, i.label_vi, "{}: Vietnamese label not NFC", i.code);
        assert!(i.label_en.is_ascii(), "{}: English label not ASCII", i.code);
        if let Some(until) = i.valid_until {
            assert!(i.valid_from <= until, "{}: window reversed", i.code);
        }
        assert!(!i.regimes.is_empty(), "{}: exists in no regime", i.code);
        for (regime, _) in i.regimes {
            // The window must overlap each regime the value claims.
            let regime_end = regime.ends().unwrap_or(NaiveDate::MAX);
            assert!(
                i.valid_from <= regime_end && i.valid_until.is_none_or(|u| u >= regime.starts()),
                "{}: window does not meet {regime:?}",
                i.code
            );
        }
        let json = serde_json::to_string(&v).expect("serialize");
        assert_eq!(json, format!("\"{}\"", i.code));
        let back: T = serde_json::from_str(&json).expect("deserialize");
        assert_eq!(back, v);
        assert_eq!(T::from_code(i.code), Some(v));
    }
    let unknown = serde_json::from_str::<T>("\"no_such_code\"").expect_err("unknown code");
    assert!(unknown.to_string().contains("no_such_code"), "{unknown}");
    assert!(
        serde_json::from_str::<T>("42").is_err(),
        "a number is not a code"
    );
}

#[test]
fn every_codelist_is_well_formed_and_round_trips() {
    check_list::<Activity>();
    check_list::<BeneficiaryCategory>();
    check_list::<LegalForm>();
    check_list::<Industry>();
    check_list::<PriorityArea>();
    check_list::<PriorityIndustry>();
    check_list::<FundingSource>();
    check_list::<FundLevel>();
    check_list::<AdminUnit>();
    check_list::<UrbanClass>();
    check_list::<TypicalProductLevel>();
    check_list::<ProductGroup>();
}

#[test]
fn activity_tree_matches_article_4() {
    let groups: Vec<_> = Activity::ALL
        .iter()
        .filter(|a| a.is_group())
        .map(|a| a.number().expect("group number"))
        .collect();
    assert_eq!(groups, ["1", "2", "3", "4", "5", "6", "7", "8", "9"]);
    let subs: Vec<_> = Activity::ALL
        .iter()
        .filter(|a| a.parent().is_some())
        .map(|a| a.number().expect("sub-item number"))
        .collect();
    assert_eq!(
        subs,
        [
            "2a", "2b", "2c", "3a", "3b", "3c", "4a", "4b", "4c", "7a", "7b", "7c", "8a", "8b",
            "8c", "9a", "9b", "9c", "9d", "9đ"
        ]
    );
    for a in Activity::ALL {
        if let Some(p) = a.parent() {
            assert_eq!(p.citation().clause_no(), a.citation().clause_no());
            assert!(p.is_group() && !p.is_leaf());
        }
    }
    assert!(Activity::Information.is_leaf() && Activity::Information.is_group());
    // The 2025 additions exist only in the 2025 regime and are secondary.
    assert!(!Activity::DigitalTransformation.exists_in(Regime::Regime2012));
    assert!(Activity::DigitalTransformation.exists_in(Regime::Regime2025));
}

#[test]
fn priority_area_ranking_follows_tt46_art6() {
    let mut areas = PriorityArea::ALL.to_vec();
    areas.sort_by_key(|a| a.rank());
    assert_eq!(areas.first().map(|a| a.rank()), Some(1));
    assert!(PriorityArea::PoorDistrict.rank() < PriorityArea::NewRuralCommune.rank());
    assert!(PriorityArea::NewRuralCommune.rank() < PriorityArea::DifficultArea.rank());
}
