//! Citations, instruments and regimes (issue: the legal catalogue).

use chrono::NaiveDate;
use khuyencong::law::{
    Citation, Confidence, GeographyEra, InstrumentId, Lang, Point, Regime, RegimeError,
    SupportRegime,
};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("test date")
}

/// Golden renderings: (citation, Vietnamese, English).
fn golden() -> Vec<(Citation, &'static str, &'static str)> {
    use InstrumentId::*;
    vec![
        (
            Citation::article(Nd45_2012, 1).clause(2).point(Point::A),
            "điểm a khoản 2 Điều 1 Nghị định số 45/2012/NĐ-CP",
            "Decree 45/2012/ND-CP, Art. 1(2)(a)",
        ),
        (
            Citation::article(Nd45_2012, 4).clause(9).point(Point::Dd),
            "điểm đ khoản 9 Điều 4 Nghị định số 45/2012/NĐ-CP",
            "Decree 45/2012/ND-CP, Art. 4(9)(dd)",
        ),
        (
            Citation::article(Nd45_2012, 5).clause(1).point(Point::E),
            "điểm e khoản 1 Điều 5 Nghị định số 45/2012/NĐ-CP",
            "Decree 45/2012/ND-CP, Art. 5(1)(e)",
        ),
        (
            Citation::article(Nd45_2012, 18),
            "Điều 18 Nghị định số 45/2012/NĐ-CP",
            "Decree 45/2012/ND-CP, Art. 18",
        ),
        (
            Citation::article(Ttlt26_2014, 6).clause(2).point(Point::T),
            "điểm t khoản 2 Điều 6 Thông tư liên tịch số 26/2014/TTLT-BTC-BCT",
            "Joint Circular 26/2014/TTLT-BTC-BCT, Art. 6(2)(t)",
        ),
        (
            Citation::article(Tt28_2018Btc, 8).clause(4),
            "khoản 4 Điều 8 Thông tư số 28/2018/TT-BTC",
            "Circular 28/2018/TT-BTC, Art. 8(4)",
        ),
        (
            Citation::article(Tt46_2012Bct, 3)
                .clause(1)
                .point(Point::Dd),
            "điểm đ khoản 1 Điều 3 Thông tư số 46/2012/TT-BCT",
            "Circular 46/2012/TT-BCT, Art. 3(1)(dd)",
        ),
        (
            Citation::article(Luat04_2017Qh14, 4),
            "Điều 4 Luật số 04/2017/QH14",
            "Law 04/2017/QH14, Art. 4",
        ),
        (
            Citation::article(Nd80_2021, 5),
            "Điều 5 Nghị định số 80/2021/NĐ-CP",
            "Decree 80/2021/ND-CP, Art. 5",
        ),
        (
            Citation::instrument(Qd1881_2020Ttg),
            "Quyết định số 1881/QĐ-TTg",
            "Decision 1881/QD-TTg",
        ),
        (
            Citation::article(Nd235_2025, 1).clause(1),
            "khoản 1 Điều 1 Nghị định số 235/2025/NĐ-CP",
            "Decree 235/2025/ND-CP, Art. 1(1)",
        ),
        (
            Citation::article(Tt26_2014Bct, 5),
            "Điều 5 Thông tư số 26/2014/TT-BCT",
            "Circular 26/2014/TT-BCT, Art. 5",
        ),
        (
            Citation::article(Qd2646_2025Bct, 1),
            "Điều 1 Quyết định số 2646/QĐ-BCT",
            "Decision 2646/QD-BCT, Art. 1",
        ),
    ]
}

#[test]
fn citation_golden_renderings_in_both_languages() {
    for (c, vi, en) in golden() {
        assert_eq!(c.render(Lang::Vi), vi);
        assert_eq!(c.render(Lang::En), en);
        assert_eq!(c.to_string(), vi, "Display is Vietnamese");
        assert_eq!(format!("{c:#}"), en, "alternate Display is English");
    }
}

#[test]
fn citation_parse_display_round_trip() {
    for (c, vi, en) in golden() {
        assert_eq!(vi.parse::<Citation>(), Ok(c), "{vi}");
        assert_eq!(en.parse::<Citation>(), Ok(c), "{en}");
        assert_eq!(c.to_string().parse::<Citation>(), Ok(c));
    }
}

#[test]
fn citation_json_compact_form_round_trips() {
    for (c, _, _) in golden() {
        let json = serde_json::to_string(&c).expect("serialize");
        let back: Citation = serde_json::from_str(&json).expect("deserialize");
        assert_eq!(back, c);
    }
    let c = Citation::article(InstrumentId::Nd45_2012, 4)
        .clause(9)
        .point(Point::Dd);
    assert_eq!(
        serde_json::to_string(&c).expect("serialize"),
        r#"{"instrument":"nd_45_2012","article":4,"clause":9,"point":"đ"}"#
    );
}

#[test]
fn citation_rejects_non_vietnamese_point_letters() {
    for letter in ["f", "j", "w", "z", "F", "ab", ""] {
        assert!(Point::parse(letter).is_err(), "{letter}");
        let text = format!("điểm {letter} khoản 2 Điều 1 Nghị định số 45/2012/NĐ-CP");
        assert!(text.parse::<Citation>().is_err(), "{text}");
    }
    let err = "Decree 45/2012/ND-CP, Art. 1(2)(f)"
        .parse::<Citation>()
        .expect_err("f is not a point");
    assert!(err.to_string().contains("no f, j, w, z"), "{err}");
    assert!(err.message_vi().contains("không có f, j, w, z"));
    let json = r#"{"instrument":"nd_45_2012","article":1,"clause":2,"point":"w"}"#;
    assert!(serde_json::from_str::<Citation>(json).is_err());
}

#[test]
fn citation_points_are_in_legal_order() {
    let letters: Vec<&str> = Point::ALL.iter().map(|p| p.letter()).collect();
    assert_eq!(
        letters.join(""),
        "abcdđeghiklmnopqrstuvxy",
        "đ follows d; no f, j, w, z"
    );
}

#[test]
fn citation_rejects_malformed_parts() {
    for bad in [
        "Decree 45/2012/ND-CP, Art. 0",
        "Decree 45/2012/ND-CP, Art. x",
        "Decree 45/2012/ND-CP, Art. 1(2",
        "Decree 99/2099/ND-CP, Art. 1",
        "Nghị định số 99/2099/NĐ-CP",
        "khoản 2 Nghị định",
        "",
    ] {
        assert!(bad.parse::<Citation>().is_err(), "{bad}");
    }
    let json = r#"{"instrument":"nd_45_2012","clause":2}"#;
    assert!(
        serde_json::from_str::<Citation>(json).is_err(),
        "clause without article"
    );
    let json = r#"{"instrument":"nd_45_2012","article":1,"extra":true}"#;
    assert!(
        serde_json::from_str::<Citation>(json).is_err(),
        "unknown field"
    );
    let json = r#"{"instrument":"nd_999","article":1}"#;
    assert!(
        serde_json::from_str::<Citation>(json).is_err(),
        "unknown instrument"
    );
}

#[test]
fn instruments_registry_is_complete_and_consistent() {
    use InstrumentId::*;
    let required = [
        (Nd45_2012, "45/2012/NĐ-CP"),
        (Nd235_2025, "235/2025/NĐ-CP"),
        (Tt46_2012Bct, "46/2012/TT-BCT"),
        (Tt20_2017Bct, "20/2017/TT-BCT"),
        (Tt36_2013Bct, "36/2013/TT-BCT"),
        (Tt26_2014Bct, "26/2014/TT-BCT"),
        (Ttlt26_2014, "26/2014/TTLT-BTC-BCT"),
        (Tt28_2018Btc, "28/2018/TT-BTC"),
        (Tt64_2024Btc, "64/2024/TT-BTC"),
        (Luat04_2017Qh14, "04/2017/QH14"),
        (Nd80_2021, "80/2021/NĐ-CP"),
        (Qd1881_2020Ttg, "1881/QĐ-TTg"),
        (Qd2646_2025Bct, "2646/QĐ-BCT"),
    ];
    for (id, number) in required {
        assert_eq!(id.info().number, number);
        assert_eq!(id.info().id, id);
        assert_eq!(InstrumentId::from_code(id.code()), Some(id));
    }
    let mut codes: Vec<&str> = InstrumentId::ALL.iter().map(|i| i.code()).collect();
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(
        codes.len(),
        InstrumentId::ALL.len(),
        "duplicate instrument codes"
    );
    for id in InstrumentId::ALL {
        let i = id.info();
        assert!(id.code().is_ascii());
        assert!(!i.title_vi.is_empty() && !i.title_en.is_empty());
        if let (Some(issued), Some(effective)) = (i.issued, i.effective) {
            assert!(issued <= effective, "{}: issued after effective", id.code());
        }
        if let (Some(from), Some(until)) = (i.effective.or(i.issued), i.in_force_until) {
            assert!(from <= until, "{}: window reversed", id.code());
        }
        for other in i.amends.iter().chain(i.replaces) {
            assert_ne!(other, id);
        }
    }
    // The historical support-level instrument ends the day before its successor starts.
    assert_eq!(Ttlt26_2014.info().in_force_until, Some(d(2018, 5, 10)));
    assert_eq!(Tt28_2018Btc.info().effective, Some(d(2018, 5, 11)));
    assert_eq!(Ttlt26_2014.info().confidence, Confidence::Historical);
    assert_eq!(Tt28_2018Btc.info().replaces, &[Ttlt26_2014]);
    assert_eq!(Nd235_2025.info().amends, &[Nd45_2012]);
}

#[test]
fn regime_boundaries_on_both_sides() {
    assert_eq!(
        Regime::at(d(2012, 7, 4)),
        Err(RegimeError::BeforeDecree45 {
            date: d(2012, 7, 4)
        })
    );
    assert_eq!(Regime::at(d(2012, 7, 5)), Ok(Regime::Regime2012));
    assert_eq!(Regime::at(d(2025, 10, 14)), Ok(Regime::Regime2012));
    assert_eq!(Regime::at(d(2025, 10, 15)), Ok(Regime::Regime2025));
    assert_eq!(Regime::Regime2012.ends(), Some(d(2025, 10, 14)));
    let err = Regime::at(d(2000, 1, 1)).expect_err("before coverage");
    assert!(err.to_string().contains("2012-07-05"));
    assert!(err.message_vi().contains("05/07/2012"));
}

#[test]
fn support_regime_windows() {
    assert!(SupportRegime::at(d(2014, 4, 7)).is_err());
    assert_eq!(
        SupportRegime::at(d(2014, 4, 8)),
        Ok(SupportRegime::Ttlt26_2014)
    );
    assert_eq!(
        SupportRegime::at(d(2018, 5, 10)),
        Ok(SupportRegime::Ttlt26_2014)
    );
    assert_eq!(
        SupportRegime::at(d(2018, 5, 11)),
        Ok(SupportRegime::Tt28_2018)
    );
}

#[test]
fn geography_eras() {
    assert_eq!(GeographyEra::at(d(2025, 6, 30)), GeographyEra::ThreeTier);
    assert_eq!(GeographyEra::at(d(2025, 7, 1)), GeographyEra::TwoTier);
}

#[test]
fn legal_coverage_page_lists_every_instrument() {
    let page = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/legal-coverage.md"
    ))
    .expect("docs/legal-coverage.md");
    for id in InstrumentId::ALL {
        assert!(
            page.contains(&format!("`{}`", id.code())),
            "docs/legal-coverage.md does not mention {}",
            id.code()
        );
    }
}
