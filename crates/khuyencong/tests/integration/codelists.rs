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
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("date");
    // Each regime has the nine clauses of Art. 4, each once.
    for date in [
        day(2024, 6, 1),
        day(2025, 10, 14),
        day(2025, 10, 15),
        day(2026, 1, 1),
    ] {
        let groups: Vec<_> = Activity::valid_on(date)
            .filter(|a| a.is_group())
            .map(|a| a.number().expect("group number"))
            .collect();
        assert_eq!(
            groups,
            ["1", "2", "3", "4", "5", "6", "7", "8", "9"],
            "{date}"
        );
        // A valid item's group is valid the same day.
        for a in Activity::valid_on(date) {
            if let Some(p) = a.parent() {
                assert!(p.info().valid_on(date), "{a:?} on {date}: group {p:?}");
            }
        }
    }
    let subs_2012: Vec<_> = Activity::valid_on(day(2024, 6, 1))
        .filter(|a| a.parent().is_some())
        .map(|a| a.number().expect("sub-item number"))
        .collect();
    assert_eq!(
        subs_2012,
        [
            "2a", "2b", "2c", "3a", "3b", "3c", "4a", "4b", "4c", "7a", "7b", "7c", "8a", "8b",
            "8c", "9a", "9b", "9c", "9d", "9đ"
        ]
    );
    // The amended clause 7 letters its points a and b; the items the amended clauses 3 and 4
    // add carry no letter.
    assert_eq!(
        Activity::ClusterInvestmentPromotion.number().as_deref(),
        Some("7a")
    );
    assert_eq!(
        Activity::WastewaterEmissionTreatment.number().as_deref(),
        Some("7b")
    );
    assert_eq!(Activity::TrademarkRegistration.number(), None);
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
    assert_eq!(
        Activity::DigitalTransformation
            .info()
            .confidence_in(Regime::Regime2025),
        Some(khuyencong::law::Confidence::Secondary)
    );
}

#[test]
fn decree_235_retires_values_on_2025_10_14_and_keeps_their_codes() {
    let last = NaiveDate::from_ymd_opt(2025, 10, 14).expect("date");
    let first = NaiveDate::from_ymd_opt(2025, 10, 15).expect("date");
    let retired_activities = [
        Activity::BrandShowroomPromotion,
        Activity::LinkageClustersRelocation,
        Activity::AssociationsLinkage,
        Activity::IndustrialClusterDevelopment,
        Activity::RelocationPollutionTreatment,
    ];
    for a in retired_activities {
        let i = a.info();
        assert!(i.valid_on(last) && !i.valid_on(first), "{a:?}");
        assert!(a.exists_in(Regime::Regime2012) && !a.exists_in(Regime::Regime2025));
        assert_eq!(Activity::from_code(a.code()), Some(a));
    }
    for i in [
        Industry::MiningMineralProcessing,
        Industry::BuildingMaterials,
        Industry::MechanicalElectrical,
    ] {
        assert!(
            i.info().valid_on(last) && !i.info().valid_on(first),
            "{i:?}"
        );
    }
    for i in [
        Industry::BuildingMaterialsResourceSaving,
        Industry::MechanicalIndustry,
        Industry::InformationTechnology,
        Industry::LowCarbonIndustry,
        Industry::GreenIndustry,
    ] {
        assert!(
            !i.info().valid_on(last) && i.info().valid_on(first),
            "{i:?}"
        );
    }
    assert!(PriorityIndustry::LabourIntensive.info().valid_on(last));
    assert!(!PriorityIndustry::LabourIntensive.info().valid_on(first));
    // A point renumbered by the amendment: (g) in 2012, (e) from 2025-10-15.
    let cp = Industry::CleanerProductionPollution;
    assert_eq!(
        cp.citation_in(Regime::Regime2012).point_letter(),
        Some(khuyencong::law::Point::G)
    );
    assert_eq!(
        cp.citation_in(Regime::Regime2025).point_letter(),
        Some(khuyencong::law::Point::E)
    );
    // The tie-break of the inserted Art. 6.2a.
    assert_eq!(
        PriorityIndustry::WomenOwned
            .citation()
            .render(khuyencong::law::Lang::Vi),
        "khoản 2a Điều 6 Nghị định số 45/2012/NĐ-CP"
    );
}

#[test]
fn priority_area_ranking_follows_tt46_art6() {
    let mut areas = PriorityArea::ALL.to_vec();
    areas.sort_by_key(|a| a.rank());
    assert_eq!(areas.first().map(|a| a.rank()), Some(1));
    assert!(PriorityArea::PoorDistrict.rank() < PriorityArea::NewRuralCommune.rank());
    assert!(PriorityArea::NewRuralCommune.rank() < PriorityArea::DifficultArea.rank());
}
