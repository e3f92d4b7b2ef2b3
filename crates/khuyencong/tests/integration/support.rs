//! Support limits, rule packs and funding-mix checks (issue: money).

use chrono::NaiveDate;
use khuyencong::activity::Activity;
use khuyencong::funding::{FundLevel, FundingLine, FundingSource, SchemeFunding, check_funding};
use khuyencong::law::{Confidence, InstrumentId, Point};
use khuyencong::money::Vnd;
use khuyencong::support::{
    AssessedLimit, Binding, NATIONAL_PACK_JSON, NationalPack, ProvincialPack, RuleSource,
    SupportContext, SupportError, SupportLimit, SupportVariant, max_support, national_pack,
};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("test date")
}

fn m(million: u64) -> Vnd {
    Vnd::from_million(million).expect("amount")
}

fn assessed(
    activity: Activity,
    cost: Vnd,
    ctx: &SupportContext<'_>,
    date: NaiveDate,
) -> AssessedLimit {
    match max_support(activity, cost, ctx, date) {
        Ok(SupportLimit::Assessed(a)) => a,
        other => panic!("expected an assessed limit, got {other:?}"),
    }
}

const NATIONAL: SupportContext<'static> = SupportContext::new(FundLevel::National);

#[test]
fn national_pack_parses_and_validates() {
    let pack = NationalPack::from_json(NATIONAL_PACK_JSON).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(national_pack().map(|p| p.rules.len()), Ok(pack.rules.len()));
}

/// Modelling decision 3: every record carries its citation and confidence, and the
/// confidence fits the instrument's window.
#[test]
fn every_national_record_is_cited_with_a_confidence() {
    let pack = national_pack().expect("pack");
    for r in &pack.rules {
        assert!(r.citation.article_no().is_some(), "{}", r.id);
        match r.citation.instrument_id() {
            InstrumentId::Ttlt26_2014 => {
                assert_eq!(r.confidence, Confidence::Historical, "{}", r.id);
                assert_eq!(r.valid_until, Some(d(2018, 5, 10)), "{}", r.id);
                assert_eq!(r.citation.clause_no(), Some(2), "{}", r.id);
                assert!(r.citation.point_letter().is_some(), "{}", r.id);
            }
            InstrumentId::Tt28_2018Btc => {
                assert_ne!(r.confidence, Confidence::Historical, "{}", r.id);
                assert!(r.valid_from >= Some(d(2018, 5, 11)), "{}", r.id);
            }
            other => panic!("{}: unexpected instrument {other:?}", r.id),
        }
        for mlt in &r.multipliers {
            assert!(mlt.citation.article_no().is_some(), "{}", r.id);
        }
    }
}

/// Joint Circular 26/2014 Art. 6.2: every point a … t is in the pack (t as the priority
/// multiplier).
#[test]
fn ttlt26_article_6_2_is_complete() {
    let pack = national_pack().expect("pack");
    let letters = [
        Point::A,
        Point::B,
        Point::C,
        Point::D,
        Point::Dd,
        Point::E,
        Point::G,
        Point::H,
        Point::I,
        Point::K,
        Point::L,
        Point::M,
        Point::N,
        Point::O,
        Point::P,
        Point::Q,
        Point::R,
        Point::S,
    ];
    for p in letters {
        assert!(
            pack.rules.iter().any(|r| {
                r.citation.instrument_id() == InstrumentId::Ttlt26_2014
                    && r.citation.point_letter() == Some(p)
            }),
            "point {p} missing"
        );
    }
    assert!(pack.rules.iter().any(|r| {
        r.multipliers
            .iter()
            .any(|x| x.citation.point_letter() == Some(Point::T))
    }));
}

#[test]
fn malformed_national_pack_is_an_error_with_paths() {
    let mut v: serde_json::Value = serde_json::from_str(NATIONAL_PACK_JSON).expect("json");
    v["rules"][3]["confidence"] = "confirmed".into();
    v["rules"][4]["valid_until"] = "2019-01-01".into();
    let e = NationalPack::from_json(&v.to_string()).expect_err("must fail");
    let paths: Vec<&str> = e.issues().iter().map(|i| i.path.as_str()).collect();
    assert!(paths.contains(&"/rules/3/confidence"), "{e}");
    assert!(paths.contains(&"/rules/4/valid_until"), "{e}");
    assert!(e.message_vi().contains("historical"));
    // Shape errors name the rule and the field.
    let mut v: serde_json::Value = serde_json::from_str(NATIONAL_PACK_JSON).expect("json");
    v["rules"][5]["surprise"] = true.into();
    v["rules"][6]["max_share"] = serde_json::json!(0.5);
    let e = NationalPack::from_json(&v.to_string()).expect_err("must fail");
    let paths: Vec<&str> = e.issues().iter().map(|i| i.path.as_str()).collect();
    assert_eq!(paths, ["/rules/5", "/rules/6/max_share"], "{e}");
    assert!(e.to_string().contains("unknown field `surprise`"), "{e}");
    assert!(NationalPack::from_json("{").is_err());
    assert!(NationalPack::from_json("[]").is_err());
}

/// HTX Nông nghiệp kỹ nghệ Quảng Nam (2022): 620 M cost, national → 300 M, the cap binds.
#[test]
fn tt28_art_8_4_quang_nam_2022_cap_binds() {
    let a = assessed(
        Activity::AdvancedMachinery,
        m(620),
        &NATIONAL,
        d(2022, 6, 1),
    );
    assert_eq!(a.max_support_vnd, m(300));
    assert_eq!(a.binding, Binding::Cap);
    assert_eq!(a.confidence, Confidence::Confirmed);
    assert_eq!(a.rule_id, "tt28-8.4");
    assert_eq!(a.rule_source, RuleSource::National);
    assert_eq!(
        a.citation.render(khuyencong::law::Lang::En),
        "Circular 28/2018/TT-BTC, Art. 8(4)"
    );
    assert!(a.derivation.len() >= 3);
    let json = serde_json::to_value(&a).expect("json");
    assert_eq!(json["max_support_vnd"], 300_000_000);
    assert_eq!(json["binding"], "cap");
}

/// HKD 2 Đậu, Giồng Riềng (2025): 97.82 M → 48.91 M, the share binds.
#[test]
fn tt28_art_8_4_giong_rieng_2025_share_binds() {
    let a = assessed(
        Activity::AdvancedMachinery,
        Vnd::new(97_820_000).expect("vnd"),
        &NATIONAL,
        d(2025, 6, 1),
    );
    assert_eq!(a.max_support_vnd, Vnd::new(48_910_000).expect("vnd"));
    assert_eq!(a.binding, Binding::Share);
}

/// HKD bánh tráng Cô Út, Long An (2018, local funds, after 2018-05-11): 77 M → 38.5 M,
/// the national level used as a reference (no provincial pack), so `secondary`.
#[test]
fn tt28_local_funds_long_an_2018_reference_level() {
    let ctx = SupportContext::new(FundLevel::Provincial);
    let a = assessed(Activity::AdvancedMachinery, m(77), &ctx, d(2018, 8, 1));
    assert_eq!(a.max_support_vnd, Vnd::new(38_500_000).expect("vnd"));
    assert_eq!(a.binding, Binding::Share);
    assert_eq!(a.rule_source, RuleSource::NationalAsReference);
    assert_eq!(a.confidence, Confidence::Secondary);
}

/// 2018-05-10 is the last day of Joint Circular 26/2014 (cap 200 M); 2018-05-11 the first of
/// Circular 28/2018 (cap 300 M).
#[test]
fn machinery_cap_on_both_sides_of_2018_05_11() {
    let before = assessed(
        Activity::AdvancedMachinery,
        m(620),
        &NATIONAL,
        d(2018, 5, 10),
    );
    assert_eq!(before.max_support_vnd, m(200));
    assert_eq!(before.confidence, Confidence::Historical);
    assert_eq!(before.rule_id, "ttlt26-6.2.c");
    let after = assessed(
        Activity::AdvancedMachinery,
        m(620),
        &NATIONAL,
        d(2018, 5, 11),
    );
    assert_eq!(after.max_support_vnd, m(300));
    assert_eq!(after.confidence, Confidence::Confirmed);
    // Before 2014-04-08 nothing is modelled: not assessed, with the reason — never an error.
    let early = max_support(
        Activity::AdvancedMachinery,
        m(620),
        &NATIONAL,
        d(2014, 4, 7),
    );
    let Ok(SupportLimit::NotAssessed(n)) = early else {
        panic!("{early:?}");
    };
    assert!(
        n.reason_en.contains("Joint Circular 125/2009"),
        "{}",
        n.reason_en
    );
    assert_eq!(n.support_regime, None);
    assert_eq!(
        n.citation.national().map(|c| c.instrument_id()),
        Some(InstrumentId::Ttlt125_2009)
    );
    let first = assessed(
        Activity::AdvancedMachinery,
        m(620),
        &NATIONAL,
        d(2014, 4, 8),
    );
    assert_eq!(first.max_support_vnd, m(200));
}

/// Not modelled means not assessed: every date before 2014-04-08 (even before 2012-07-05),
/// every item, every fund gives the same outcome, `assessed: false` with a reason.
#[test]
fn every_date_before_2014_04_08_is_not_assessed() {
    for date in [
        d(2004, 1, 1),
        d(2012, 7, 4),
        d(2012, 7, 5),
        d(2013, 6, 1),
        d(2014, 4, 7),
    ] {
        for &activity in <Activity as khuyencong::Codelist>::ALL {
            for variant in
                std::iter::once(None).chain(SupportVariant::of(activity).into_iter().map(Some))
            {
                for fund in [FundLevel::National, FundLevel::Provincial] {
                    let mut ctx = SupportContext::new(fund);
                    ctx.variant = variant;
                    let limit = max_support(activity, m(500), &ctx, date)
                        .unwrap_or_else(|e| panic!("{activity} {date}: {e}"));
                    let json = serde_json::to_value(&limit).expect("json");
                    assert_eq!(json["assessed"], false, "{activity} {date}");
                    assert_eq!(json["status"], "not_assessed", "{activity} {date}");
                    let SupportLimit::NotAssessed(n) = limit else {
                        unreachable!()
                    };
                    assert!(n.reason_vi.starts_with("Chưa đánh giá"), "{}", n.reason_vi);
                    let expected = if date < d(2012, 7, 5) {
                        "Decree 134/2004"
                    } else {
                        "125/2009"
                    };
                    assert!(n.reason_en.contains(expected), "{}", n.reason_en);
                }
            }
        }
    }
}

/// The cap applies per unit: a group scheme for eight cooperatives may receive eight times
/// the per-establishment cap; the share still applies to the whole eligible cost.
#[test]
fn caps_scale_with_units() {
    let units = |n: u64| NATIONAL.units(std::num::NonZeroU64::new(n).expect("units"));
    // 8 × 300 M = 2,400 M; 50 % of 6,000 M would be 3,000 M.
    let a = assessed(
        Activity::AdvancedMachinery,
        m(6_000),
        &units(8),
        d(2022, 6, 1),
    );
    assert_eq!(
        (a.max_support_vnd, a.binding, a.units),
        (m(2_400), Binding::Cap, 8)
    );
    assert_eq!(a.cap_per_unit_vnd, Some(m(300)));
    assert_eq!(a.share_limit_vnd, Some(m(3_000)));
    assert_eq!(a.unit, Some(khuyencong::support::CapUnit::PerEstablishment));
    assert!(
        a.derivation
            .iter()
            .any(|s| s.description_en.contains("× 8")),
        "{:?}",
        a.derivation
    );
    // Both sides of the boundary: 4,800 M of cost → the share (2,400 M) meets the cap.
    let a = assessed(
        Activity::AdvancedMachinery,
        m(4_800),
        &units(8),
        d(2022, 6, 1),
    );
    assert_eq!(a.max_support_vnd, m(2_400));
    let a = assessed(
        Activity::AdvancedMachinery,
        m(4_798),
        &units(8),
        d(2022, 6, 1),
    );
    assert_eq!((a.max_support_vnd, a.binding), (m(2_399), Binding::Share));
    // A technology line for each of 3 establishments: 3 × 450 M.
    let line = units(3).technology_line(true);
    let a = assessed(Activity::AdvancedMachinery, m(5_000), &line, d(2024, 1, 1));
    assert_eq!(
        (a.max_support_vnd, a.binding),
        (m(1_350), Binding::MultipliedCap)
    );
    // Lump sums: 10 M per enterprise set up, 4 enterprises.
    let a = assessed(Activity::EnterpriseSetup, m(100), &units(4), d(2020, 1, 1));
    assert_eq!((a.max_support_vnd, a.binding), (m(40), Binding::LumpSum));
    // Contest rounds, TTLT 26: 2 national rounds × 200 M.
    let rounds = units(2).variant(SupportVariant::OrganiseNational);
    let a = assessed(
        Activity::TypicalProductContest,
        m(1_000),
        &rounds,
        d(2016, 1, 1),
    );
    assert_eq!(a.max_support_vnd, m(400));
    // No cap: the number of units changes nothing.
    let fairs = units(5).variant(SupportVariant::Abroad);
    let a = assessed(Activity::FairsExhibitions, m(700), &fairs, d(2020, 1, 1));
    assert_eq!(a.max_support_vnd, m(700));
    // A limit beyond the largest amount saturates instead of failing.
    let many = NATIONAL.units(std::num::NonZeroU64::MAX);
    let max = Vnd::new(khuyencong::money::MAX_VND).expect("max");
    let a = assessed(Activity::AdvancedMachinery, max, &many, d(2022, 6, 1));
    // 300 M × 2^64−1 units saturates at the largest amount, so the 50 % share binds.
    let half = Vnd::new(khuyencong::money::MAX_VND / 2).expect("half");
    assert_eq!((a.max_support_vnd, a.binding), (half, Binding::Share));
}

/// Every national level states its unit, and a stated unit agrees with its cap's.
#[test]
fn every_national_level_has_its_unit() {
    for r in &national_pack().expect("pack").rules {
        assert!(r.unit.is_some(), "{} states no unit", r.id);
        if let Some(cap) = r.cap {
            assert_eq!(Some(cap.unit), r.unit, "{}", r.id);
        }
    }
    let differing = NATIONAL_PACK_JSON.replacen(
        "\"unit\": \"per_enterprise\",\n",
        "\"unit\": \"per_model\",\n",
        1,
    );
    let e = NationalPack::from_json(&differing).expect_err("unit differing from the cap's");
    assert_eq!(e.issues().len(), 1, "{e}");
    assert_eq!(e.issues()[0].path, "/rules/0/unit", "{e}");
    // A level without a cap must state its unit itself.
    let missing = NATIONAL_PACK_JSON.replacen("\"unit\": \"per_fair\",\n", "", 1);
    let e = NationalPack::from_json(&missing).expect_err("a level without a unit");
    assert_eq!(e.issues().len(), 1, "{e}");
    assert!(e.issues()[0].path.ends_with("/unit"), "{e}");
}

/// Circular 28/2018 Art. 8.4: a whole technology line raises the cap by 1.5 (450 M,
/// inferred → secondary).
#[test]
fn tt28_technology_line_multiplied_cap() {
    let ctx = NATIONAL.technology_line(true);
    let a = assessed(Activity::AdvancedMachinery, m(1_000), &ctx, d(2024, 1, 1));
    assert_eq!(a.max_support_vnd, m(450));
    assert_eq!(a.binding, Binding::MultipliedCap);
    assert_eq!(a.confidence, Confidence::Secondary);
    // Share still binds on a small line.
    let a = assessed(Activity::AdvancedMachinery, m(800), &ctx, d(2024, 1, 1));
    assert_eq!((a.max_support_vnd, a.binding), (m(400), Binding::Share));
}

#[test]
fn ttlt26_priority_uplift_and_lump_sums() {
    let ctx = NATIONAL.priority(true);
    let a = assessed(Activity::AdvancedMachinery, m(1_000), &ctx, d(2016, 1, 1));
    assert_eq!(
        (a.max_support_vnd, a.binding),
        (m(300), Binding::MultipliedCap)
    );
    // Enterprise setup: 10 M per enterprise, or the cost if lower.
    let a = assessed(Activity::EnterpriseSetup, m(25), &NATIONAL, d(2016, 1, 1));
    assert_eq!((a.max_support_vnd, a.binding), (m(10), Binding::LumpSum));
    let a = assessed(Activity::EnterpriseSetup, m(7), &NATIONAL, d(2020, 1, 1));
    assert_eq!((a.max_support_vnd, a.binding), (m(7), Binding::FullCost));
    // Fairs abroad: 100 % of the eligible items.
    let ctx = NATIONAL.variant(SupportVariant::Abroad);
    let a = assessed(Activity::FairsExhibitions, m(123), &ctx, d(2020, 1, 1));
    assert_eq!((a.max_support_vnd, a.binding), (m(123), Binding::FullCost));
    assert_eq!(a.rule_id, "tt28-8.6");
}

#[test]
fn demonstration_models_by_variant() {
    let new = NATIONAL.variant(SupportVariant::NewTechnologyOrProduct);
    let a = assessed(Activity::DemonstrationModel, m(5_000), &new, d(2019, 1, 1));
    assert_eq!((a.max_support_vnd, a.binding), (m(1_000), Binding::Cap));
    let a = assessed(Activity::DemonstrationModel, m(5_000), &new, d(2017, 1, 1));
    assert_eq!(a.max_support_vnd, m(500));
    // Efficient establishment: TTLT 26 had 100 M (historical); the Circular 28 level of
    // 100 M is known from provincial restatements only (secondary).
    let eff = NATIONAL.variant(SupportVariant::EfficientEstablishment);
    let a = assessed(Activity::DemonstrationModel, m(300), &eff, d(2017, 1, 1));
    assert_eq!(a.max_support_vnd, m(100));
    assert_eq!(a.confidence, Confidence::Historical);
    let a = assessed(Activity::DemonstrationModel, m(300), &eff, d(2019, 1, 1));
    assert_eq!(
        (
            a.max_support_vnd,
            a.binding,
            a.confidence,
            a.rule_id.as_str()
        ),
        (
            m(100),
            Binding::LumpSum,
            Confidence::Secondary,
            "tt28-8.2-efficient"
        )
    );
    let a = assessed(Activity::DemonstrationModel, m(80), &eff, d(2019, 1, 1));
    assert_eq!((a.max_support_vnd, a.binding), (m(80), Binding::FullCost));
    // No variant named: not assessed, naming the variants.
    let Ok(SupportLimit::NotAssessed(n)) =
        max_support(Activity::DemonstrationModel, m(1), &NATIONAL, d(2019, 1, 1))
    else {
        panic!("a missing variant is not assessed");
    };
    assert!(
        n.reason_en.contains("efficient_establishment"),
        "{}",
        n.reason_en
    );
    assert!(matches!(
        max_support(Activity::AdvancedMachinery, m(1), &eff, d(2019, 1, 1)),
        Err(SupportError::VariantMismatch { .. })
    ));
}

/// Circular 28/2018 Art. 8.14: at most 50 % of the interest of the first two years and
/// 500 million đồng per establishment, until the activity ends with Decree 235/2025.
#[test]
fn tt28_art_8_14_relocation_interest_until_decree_235() {
    let ctx = NATIONAL.variant(SupportVariant::RelocationInterest);
    let act = Activity::RelocationPollutionTreatment;
    // 50 % of 600 M of interest = 300 M: the share binds.
    let a = assessed(act, m(600), &ctx, d(2020, 6, 1));
    assert_eq!(
        (a.max_support_vnd, a.binding, a.confidence),
        (m(300), Binding::Share, Confidence::Confirmed)
    );
    assert_eq!(
        a.citation.render(khuyencong::law::Lang::En),
        "Circular 28/2018/TT-BTC, Art. 8(14)"
    );
    // 50 % of 1,200 M = 600 M > 500 M: the cap binds, also on the last day.
    let a = assessed(act, m(1_200), &ctx, d(2025, 10, 14));
    assert_eq!((a.max_support_vnd, a.binding), (m(500), Binding::Cap));
    // The TTLT 26 window has its own (historical) rule with the same level.
    let a = assessed(act, m(1_200), &ctx, d(2016, 1, 1));
    assert_eq!(
        (a.max_support_vnd, a.confidence),
        (m(500), Confidence::Historical)
    );
    // From 2025-10-15 relocation support is no longer an activity: not assessed, saying so.
    let SupportLimit::NotAssessed(n) =
        max_support(act, m(1_200), &ctx, d(2025, 10, 15)).expect("limit")
    else {
        panic!("no level after the activity ended");
    };
    assert!(
        n.reason_en.contains("is not an extension activity"),
        "{}",
        n.reason_en
    );
    assert!(
        n.reason_vi.contains("không phải nội dung"),
        "{}",
        n.reason_vi
    );
}

/// The cleaner-production pilot: 30 % and 500 M per model, from provincial restatements
/// of the national level (secondary).
#[test]
fn tt28_cleaner_production_pilot_is_secondary() {
    let act = Activity::CleanerProductionPilot;
    let a = assessed(act, m(1_000), &NATIONAL, d(2024, 3, 1));
    assert_eq!(
        (a.max_support_vnd, a.binding, a.confidence),
        (m(300), Binding::Share, Confidence::Secondary)
    );
    let a = assessed(act, m(2_000), &NATIONAL, d(2026, 3, 1));
    assert_eq!((a.max_support_vnd, a.binding), (m(500), Binding::Cap));
    // Joint Circular 26/2014 set no level of its own for it (general norms): not assessed.
    assert!(matches!(
        max_support(act, m(1_000), &NATIONAL, d(2016, 1, 1)),
        Ok(SupportLimit::NotAssessed(_))
    ));
}

/// Everything not read in Circular 28/2018 is not assessed, with the reason.
#[test]
fn tt28_unread_items_are_not_assessed() {
    let cases = [
        (Activity::Advisory, None),
        (Activity::VocationalTraining, None),
        (
            Activity::TypicalProductContest,
            Some(SupportVariant::OrganiseNational),
        ),
        (
            Activity::IndustrialClusterDevelopment,
            Some(SupportVariant::Infrastructure),
        ),
        (
            Activity::FairsExhibitions,
            Some(SupportVariant::AttendDomestic),
        ),
    ];
    for (activity, variant) in cases {
        let mut ctx = NATIONAL;
        ctx.variant = variant;
        match max_support(activity, m(100), &ctx, d(2023, 1, 1)) {
            Ok(SupportLimit::NotAssessed(n)) => {
                assert!(n.reason_en.starts_with("Not assessed"), "{activity}");
                assert!(n.reason_vi.starts_with("Chưa đánh giá"), "{activity}");
                assert_eq!(
                    n.citation.national().map(|c| c.instrument_id()),
                    Some(InstrumentId::Tt28_2018Btc)
                );
            }
            other => panic!("{activity}: {other:?}"),
        }
    }
    // TTLT 26 point k: priced by contract, not computable.
    let r = max_support(Activity::Information, m(100), &NATIONAL, d(2016, 1, 1)).expect("limit");
    assert!(matches!(r, SupportLimit::NotAssessed(_)));
}

const PACK: &str = r#"{
  "province": "Tỉnh Thử",
  "resolution": {"number": "23/2025/NQ-HĐND", "date": "2025-10-28", "effective_from": "2026-01-01"},
  "rules": [{
    "id": "local-machinery",
    "activity": "advanced_machinery_technology_transfer",
    "label": {"vi": "Máy móc tiên tiến", "en": "Advanced machinery"},
    "fund_levels": ["provincial", "commune"],
    "max_share": "0.5",
    "cap": {"amount_vnd": 250000000, "unit": "per_establishment"},
    "valid_from": "2026-01-01",
    "citation": {"article": 5, "clause": 2, "point": "đ"},
    "confidence": "confirmed"
  }]
}"#;

#[test]
fn provincial_pack_overrides_local_level_in_its_window() {
    let pack = ProvincialPack::from_json(PACK).unwrap_or_else(|e| panic!("{e}"));
    let local = SupportContext::new(FundLevel::Provincial).provincial_pack(&pack);
    let a = assessed(Activity::AdvancedMachinery, m(620), &local, d(2026, 3, 1));
    assert_eq!(a.max_support_vnd, m(250));
    assert_eq!(a.rule_source, RuleSource::Provincial);
    assert_eq!(a.rule_id, "local-machinery");
    assert_eq!(
        a.citation.render(khuyencong::law::Lang::Vi),
        "điểm đ khoản 2 Điều 5 Nghị quyết số 23/2025/NQ-HĐND của Hội đồng nhân dân Tỉnh Thử"
    );
    // Before the resolution applies: the national level as a reference.
    let a = assessed(Activity::AdvancedMachinery, m(620), &local, d(2025, 12, 31));
    assert_eq!(
        (a.max_support_vnd, a.rule_source),
        (m(300), RuleSource::NationalAsReference)
    );
    // National funds ignore the provincial pack.
    let nat = SupportContext::new(FundLevel::National).provincial_pack(&pack);
    let a = assessed(Activity::AdvancedMachinery, m(620), &nat, d(2026, 3, 1));
    assert_eq!(
        (a.max_support_vnd, a.rule_source),
        (m(300), RuleSource::National)
    );
}

#[test]
fn malformed_provincial_pack_is_rejected_with_paths() {
    let mut v: serde_json::Value = serde_json::from_str(PACK).expect("json");
    v["rules"][0]["fund_levels"] = serde_json::json!(["national"]);
    v["rules"][0]["citation"]["point"] = "f".into();
    v["resolution"]["effective_from"] = "2025-01-01".into();
    let e = ProvincialPack::from_json(&v.to_string()).expect_err("must fail");
    let paths: Vec<&str> = e.issues().iter().map(|i| i.path.as_str()).collect();
    assert!(paths.contains(&"/rules/0/fund_levels/0"), "{e}");
    assert!(paths.contains(&"/rules/0/citation/point"), "{e}");
    assert!(paths.contains(&"/resolution/effective_from"), "{e}");
    assert!(e.message_vi().contains("không hợp lệ"));
    // A missing citation is a shape error at the rule.
    let mut v: serde_json::Value = serde_json::from_str(PACK).expect("json");
    v["rules"][0]
        .as_object_mut()
        .expect("obj")
        .remove("citation");
    let e = ProvincialPack::from_json(&v.to_string()).expect_err("must fail");
    assert_eq!(e.issues()[0].path, "/rules/0");
    assert!(
        e.to_string()
            .contains("missing required field `citation` at /rules/0"),
        "{e}"
    );
    // A float where đồng are expected.
    let bad = PACK.replace("250000000", "250000000.5");
    assert!(ProvincialPack::from_json(&bad).is_err());
}

#[test]
fn example_provincial_pack_loads() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/examples/provincial-pack.example.json"
    );
    let pack =
        ProvincialPack::from_file(std::path::Path::new(path)).unwrap_or_else(|e| panic!("{e}"));
    assert!(pack.example);
}

fn line(source: FundingSource, amount: Vnd) -> FundingLine {
    FundingLine::new(source, amount)
}

#[test]
fn check_funding_clean_scheme_reports_only_shares() {
    let f = SchemeFunding::new(
        FundLevel::National,
        m(620),
        m(620),
        vec![
            line(FundingSource::NationalExtensionFund, m(300)),
            line(FundingSource::Counterpart, m(320)),
        ],
    )
    .declared(Some(true));
    let out = check_funding(
        &f,
        Activity::AdvancedMachinery,
        &NATIONAL,
        d(2022, 6, 1),
        "/schemes/0",
    );
    let codes: Vec<&str> = out.iter().map(|x| x.code.as_str()).collect();
    assert_eq!(codes, ["funding.shares"]);
    assert_eq!(out[0].params()["state_share"], "300000000/620000000");
    assert_eq!(out[0].params()["state_share_percent_2dp_floor"], "48.38");
}

#[test]
fn check_funding_reports_every_problem_with_paths() {
    let f = SchemeFunding::new(
        FundLevel::National,
        m(620),
        m(620),
        vec![
            line(FundingSource::NationalExtensionFund, m(310)),
            line(FundingSource::LocalBudgetProvincial, m(10)),
            line(FundingSource::Counterpart, m(200)),
        ],
    )
    .declared(None);
    let out = check_funding(
        &f,
        Activity::AdvancedMachinery,
        &NATIONAL,
        d(2022, 6, 1),
        "/schemes/0",
    );
    let has = |code: &str, path: &str| {
        out.iter().any(|x| {
            x.code == code
                && x.path == path
                && !x.message_vi().is_empty()
                && !x.message_en().is_empty()
        })
    };
    assert!(
        has(
            "funding.sources_do_not_sum",
            "/schemes/0/funding/total_cost"
        ),
        "{out:#?}"
    );
    assert!(has(
        "funding.fund_level_mismatch",
        "/schemes/0/funding/lines/1/source"
    ));
    assert!(has(
        "funding.support_exceeds_limit",
        "/schemes/0/funding/lines/0/amount"
    ));
    assert!(has("funding.counterpart_short", "/schemes/0/funding/lines"));
    assert!(has(
        "funding.no_other_state_funding_missing",
        "/schemes/0/funding/no_other_state_funding"
    ));
    let cp = out
        .iter()
        .find(|x| x.code == "funding.counterpart_short")
        .expect("finding");
    assert_eq!(cp.confidence, Some(Confidence::Secondary));
    assert!(
        cp.message_en()
            .contains("Circular 28/2018 equivalent was not read")
    );
    for x in &out {
        assert!(
            khuyencong::registry::explain(&x.code).is_some(),
            "{} undocumented",
            x.code
        );
    }
}

#[test]
fn check_funding_not_assessed_is_a_warning_never_silent() {
    let f = SchemeFunding::new(
        FundLevel::National,
        m(100),
        m(100),
        vec![
            line(FundingSource::NationalExtensionFund, m(50)),
            line(FundingSource::Counterpart, m(50)),
        ],
    )
    .declared(Some(true));
    let out = check_funding(&f, Activity::Advisory, &NATIONAL, d(2022, 6, 1), "");
    let w = out
        .iter()
        .find(|x| x.code == "funding.support_not_assessed")
        .expect("warning");
    assert_eq!(w.severity, khuyencong::Severity::Warning);
    assert_eq!(w.path, "/funding/lines/0/amount");
    // In the TTLT 26 window the counterpart rule is historical.
    let mut g = f.clone();
    g.lines[1].amount = m(40).into();
    g.total_cost = m(90).into();
    let out = check_funding(
        &g,
        Activity::AdvancedMachinery,
        &NATIONAL,
        d(2016, 6, 1),
        "",
    );
    assert!(out.iter().all(|x| x.code != "funding.counterpart_short"));
    g.lines[1].amount = m(30).into();
    let out = check_funding(
        &g,
        Activity::AdvancedMachinery,
        &NATIONAL,
        d(2016, 6, 1),
        "",
    );
    let cp = out
        .iter()
        .find(|x| x.code == "funding.counterpart_short")
        .expect("short");
    assert_eq!(cp.confidence, Some(Confidence::Historical));
}

#[test]
fn scheme_funding_json_rejects_unknown_fields_and_floats() {
    let ok = r#"{"total_cost": 620000000, "eligible_cost": 620000000, "fund_level": "national",
        "lines": [{"source": "national_extension_fund", "amount": 300000000}], "no_other_state_funding": true}"#;
    assert!(serde_json::from_str::<SchemeFunding>(ok).is_ok());
    assert!(
        serde_json::from_str::<SchemeFunding>(&ok.replace("620000000,", "620000000.0,")).is_err()
    );
    assert!(
        serde_json::from_str::<SchemeFunding>(&ok.replace("\"lines\"", "\"extra\": 1, \"lines\""))
            .is_err()
    );
}

#[test]
fn support_limit_serializes_with_status_tag() {
    let r = max_support(Activity::Advisory, m(1), &NATIONAL, d(2022, 1, 1)).expect("limit");
    let v = serde_json::to_value(&r).expect("json");
    assert_eq!(v["status"], "not_assessed");
    let _schema = schemars::schema_for!(SupportLimit);
    let _schema = schemars::schema_for!(ProvincialPack);
}

/// The provincial packs shipped with the library: each loads and validates, names a
/// province of the list as it was then, and cites its source; at least four are real.
#[test]
fn shipped_provincial_packs_load_validate_and_cite() {
    use khuyencong::Codelist;
    use khuyencong::province::Province;
    let list = khuyencong::support::shipped_packs().unwrap_or_else(|e| panic!("{e}"));
    let real: Vec<_> = list.iter().filter(|p| !p.example).collect();
    assert!(real.len() >= 4, "{list:?}");
    for s in &list {
        let p = ProvincialPack::shipped(s.name).unwrap_or_else(|e| panic!("{}: {e}", s.name));
        assert!(!p.sources.is_empty(), "{}: no source", s.name);
        let code = p.province_code.as_deref().expect("province code");
        let unit = Province::from_code(code).expect("known province");
        assert_eq!(unit.short_name(), p.province, "{}", s.name);
        assert_eq!(s.rules, p.rules.len());
        assert!(s.rules > 0, "{}", s.name);
        // News and restatements: every level is secondary, never confirmed.
        for r in &p.rules {
            assert_eq!(r.confidence, Confidence::Secondary, "{}/{}", s.name, r.id);
        }
    }
    let names: Vec<&str> = list.iter().map(|p| p.name).collect();
    for name in [
        "dong-thap-2024",
        "lai-chau-2025",
        "dak-lak-2025",
        "hoa-binh-2019",
    ] {
        assert!(names.contains(&name), "{name}");
    }
    let e = ProvincialPack::shipped("dong-thap").expect_err("unknown name");
    assert!(e.to_string().contains("dong-thap-2024"), "{e}");
    assert!(
        e.message_vi().contains("không có gói"),
        "{}",
        e.message_vi()
    );
}

#[test]
fn dong_thap_2024_pack_sets_local_levels_from_2024_07_11() {
    let pack = ProvincialPack::shipped("dong-thap-2024").expect("pack");
    let local = SupportContext::new(FundLevel::Provincial)
        .provincial_pack(&pack)
        .variant(SupportVariant::NewTechnologyOrProduct);
    let a = assessed(
        Activity::DemonstrationModel,
        m(5_000),
        &local,
        d(2024, 7, 11),
    );
    assert_eq!(
        (
            a.max_support_vnd,
            a.rule_source,
            a.confidence,
            a.rule_id.as_str()
        ),
        (
            m(1_000),
            RuleSource::Provincial,
            Confidence::Secondary,
            "dong-thap-demonstration-model"
        )
    );
    assert_eq!(
        a.citation.render(khuyencong::law::Lang::Vi),
        "Nghị quyết số 08/2024/NQ-HĐND của Hội đồng nhân dân Đồng Tháp"
    );
    // The day before: the national level as a reference.
    let a = assessed(
        Activity::DemonstrationModel,
        m(5_000),
        &local,
        d(2024, 7, 10),
    );
    assert_eq!(a.rule_source, RuleSource::NationalAsReference);
    // The technology line: 1.5 × 300 M.
    let line = SupportContext::new(FundLevel::Provincial)
        .provincial_pack(&pack)
        .technology_line(true);
    let a = assessed(Activity::AdvancedMachinery, m(2_000), &line, d(2025, 1, 1));
    assert_eq!(
        (a.max_support_vnd, a.binding),
        (m(450), Binding::MultipliedCap)
    );
}

#[test]
fn dak_lak_2025_pack_has_its_own_lower_caps() {
    let pack = ProvincialPack::shipped("dak-lak-2025").expect("pack");
    assert_eq!(pack.resolution.number, None, "the number was not read");
    let local = SupportContext::new(FundLevel::Provincial).provincial_pack(&pack);
    let a = assessed(
        Activity::CleanerProductionPilot,
        m(2_000),
        &local,
        d(2025, 11, 1),
    );
    assert_eq!((a.max_support_vnd, a.binding), (m(400), Binding::Cap));
    assert_eq!(
        a.citation.render(khuyencong::law::Lang::En),
        "Resolution (number not read) of the People's Council of Đắk Lắk"
    );
    let model = local.variant(SupportVariant::NewTechnologyOrProduct);
    let a = assessed(
        Activity::DemonstrationModel,
        m(5_000),
        &model,
        d(2025, 7, 26),
    );
    assert_eq!(a.max_support_vnd, m(800));
}

#[test]
fn a_pack_whose_first_day_was_not_read_is_never_applied() {
    let pack = ProvincialPack::shipped("hoa-binh-2019").expect("pack");
    assert_eq!(pack.resolution.effective_from, None);
    let local = SupportContext::new(FundLevel::Provincial)
        .provincial_pack(&pack)
        .variant(SupportVariant::NewTechnologyOrProduct);
    let a = assessed(
        Activity::DemonstrationModel,
        m(5_000),
        &local,
        d(2022, 6, 1),
    );
    assert_eq!(a.rule_source, RuleSource::NationalAsReference);
    assert!(
        a.derivation[0]
            .description_en
            .contains("Decision 20/2019/QĐ-UBND of Hòa Bình was not read"),
        "{:?}",
        a.derivation[0]
    );
}
