//! Money: Vietnamese notation, formatting, exact aggregation (issue: money).

use khuyencong::funding::{
    FundingLine, FundingSource, counterpart, counterpart_per_support, sum_by_source, support_share,
};
use khuyencong::money::{
    Exactness, MAX_VND, MoneyError, NotationError, Ratio, Share, Vnd, format_million_en,
    format_million_vi, parse_vnd,
};
use rust_decimal::{Decimal, RoundingStrategy};

fn m(million: u64) -> Vnd {
    Vnd::from_million(million).expect("amount")
}

#[test]
fn notation_table_valid() {
    use Exactness::*;
    let cases: &[(&str, u64, Exactness)] = &[
        ("1.400 triệu đồng", 1_400_000_000, Exact),
        ("13.058 triệu", 13_058_000_000, Exact),
        ("4,36 tỷ", 4_360_000_000, Exact),
        ("48.910.000 đồng", 48_910_000, Exact),
        ("hơn 15,2 tỷ", 15_200_000_000, LowerBound),
        ("trên 100 triệu", 100_000_000, LowerBound),
        ("gần 2,5 tỷ", 2_500_000_000, Approximate),
        ("khoảng 9,5 nghìn tỷ", 9_500_000_000_000, Approximate),
        ("xấp xỉ 71,2 tỷ đồng", 71_200_000_000, Approximate),
        ("620 triệu", 620_000_000, Exact),
        ("620tr", 620_000_000, Exact),
        ("97,82 trđ", 97_820_000, Exact),
        ("38,5 tr", 38_500_000, Exact),
        ("128 nghìn", 128_000, Exact),
        ("5 ngàn đồng", 5_000, Exact),
        ("1.400,5 triệu", 1_400_500_000, Exact),
        ("0,5 tỷ", 500_000_000, Exact),
        ("1,234567 triệu", 1_234_567, Exact),
        ("300.000.000 đ", 300_000_000, Exact),
        ("300000000 VND", 300_000_000, Exact),
        ("  Hơn   1.300  TRIỆU  ", 1_300_000_000, LowerBound),
        ("2 tỉ", 2_000_000_000, Exact),
        ("0 đồng", 0, Exact),
        ("9.007.199.254.740.991 đồng", MAX_VND, Exact),
        ("1.400\u{a0}triệu", 1_400_000_000, Exact),
    ];
    for (text, dong, ex) in cases {
        let p = parse_vnd(text).unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!(p.amount.get(), *dong, "{text}");
        assert_eq!(p.exactness, *ex, "{text}");
    }
}

#[test]
fn notation_table_rejected_with_reasons() {
    let cases: &[(&str, &str)] = &[
        ("", "empty"),
        ("   ", "empty"),
        ("1.400", "no unit"),
        ("48.910.000", "no unit"),
        ("triệu", "no number"),
        ("hơn", "no number"),
        ("1,400 triệu", "ambiguous"),
        ("1,400,000 đồng", "English separators"),
        ("1,400.5 triệu", "English separators"),
        ("1,5 đồng", "VND has no fraction"),
        ("2,0 đồng", "VND has no fraction"),
        ("1,0000001 triệu", "VND has no fraction"),
        ("1,2345 nghìn", "VND has no fraction"),
        ("1.4 triệu", "groups of exactly three digits"),
        ("1.40 triệu", "groups of exactly three digits"),
        ("1400.000 triệu", "first group has one to three digits"),
        ("01.400 triệu", "leading zeros"),
        ("1, triệu", "followed by decimal digits"),
        (",5 tỷ", "start with a digit"),
        ("1.400 usd", "unknown unit `usd`"),
        ("1.400 triệu đô", "unknown unit"),
        ("-5 triệu", "no number"),
        ("khoảng hơn 5 tỷ", "more than one qualifier"),
        ("10.000 nghìn tỷ tỷ", "unknown unit"),
        ("9.007.199.254.740.992 đồng", "exceeds the maximum"),
        ("99999999999999999999999 tỷ", "exceeds the maximum"),
        ("1.400 trie\u{0302}\u{0323}u", "use NFC"),
    ];
    for (text, why) in cases {
        match parse_vnd(text) {
            Ok(p) => panic!("{text:?} was accepted as {p:?}"),
            Err(e) => {
                assert!(e.to_string().contains(why), "{text:?}: {e}");
                assert!(!e.message_vi().is_empty());
            }
        }
    }
    assert!(matches!(
        parse_vnd("1,400 triệu"),
        Err(NotationError::AmbiguousComma(_))
    ));
    assert!(matches!(
        parse_vnd("1.400 trie\u{0302}\u{0323}u"),
        Err(NotationError::NotNfc(_))
    ));
}

#[test]
fn nfc_input_is_accepted_after_normalising_nfd() {
    use unicode_normalization::UnicodeNormalization;
    let nfd: String = "1.400 triệu đồng".nfd().collect();
    assert!(parse_vnd(&nfd).is_err());
    let nfc: String = nfd.nfc().collect();
    assert_eq!(parse_vnd(&nfc).map(|p| p.amount), Ok(m(1_400)));
}

#[test]
fn million_formatting_both_languages() {
    assert_eq!(format_million_vi(m(1_400)), "1.400 triệu đồng");
    assert_eq!(
        format_million_vi(Vnd::new(48_910_000).expect("vnd")),
        "48,91 triệu đồng"
    );
    assert_eq!(format_million_vi(m(34_387)), "34.387 triệu đồng");
    assert_eq!(
        format_million_vi(Vnd::new(500_000).expect("vnd")),
        "0,5 triệu đồng"
    );
    assert_eq!(
        format_million_vi(Vnd::new(1).expect("vnd")),
        "0,000001 triệu đồng"
    );
    assert_eq!(format_million_en(m(1_400)), "1,400 million VND");
    assert_eq!(
        format_million_en(Vnd::new(48_910_000).expect("vnd")),
        "48.91 million VND"
    );
    // Round trip: format → parse gives the same amount.
    for v in [0, 1, 38_500_000, 97_820_000, 1_400_000_000, MAX_VND] {
        let a = Vnd::new(v).expect("vnd");
        assert_eq!(parse_vnd(&format_million_vi(a)).map(|p| p.amount), Ok(a));
    }
}

#[test]
fn exactness_serializes_snake_case() {
    assert_eq!(
        serde_json::to_string(&Exactness::LowerBound).expect("json"),
        "\"lower_bound\""
    );
    let p = parse_vnd("gần 2,5 tỷ").expect("parse");
    assert_eq!(
        serde_json::to_value(p).expect("json"),
        serde_json::json!({"amount": 2_500_000_000_u64, "exactness": "approximate"})
    );
}

#[test]
fn overflow_is_an_error_not_a_panic() {
    let max = Vnd::new(MAX_VND).expect("max");
    assert_eq!(
        max.checked_add(Vnd::new(1).expect("one")),
        Err(MoneyError::Overflow)
    );
    assert_eq!(Vnd::sum([max, max]), Err(MoneyError::Overflow));
    assert_eq!(Vnd::from_million(u64::MAX), Err(MoneyError::Overflow));
    let line = |amount: Vnd| FundingLine::new(FundingSource::Counterpart, amount);
    assert_eq!(
        sum_by_source(&[line(max), line(max)]),
        Err(MoneyError::Overflow)
    );
    assert_eq!(counterpart(m(1), m(2)), Err(MoneyError::Negative));
    assert_eq!(
        support_share(m(1), Vnd::ZERO),
        Err(MoneyError::DivisionByZero)
    );
}

/// The seed (An Giang 2021–2025): every figure reconciles exactly.
#[test]
fn seed_reconciliation_an_giang() -> Result<(), MoneyError> {
    // Counterpart = "capital attracted" (total investment incl. support) − support.
    let national_cp = counterpart(m(4_600), m(1_400))?;
    let local_cp = counterpart(m(27_148), m(13_058))?;
    assert_eq!(national_cp, m(3_200));
    assert_eq!(local_cp, m(14_090));
    let cp = Vnd::sum([national_cp, local_cp])?;
    assert_eq!(cp, m(17_290));

    let line = |source, million| FundingLine::new(source, m(million));
    let lines = [
        line(FundingSource::NationalExtensionFund, 1_400),
        line(FundingSource::NationalTargetProgramme, 838),
        line(FundingSource::LocalBudgetProvincial, 14_859),
        line(FundingSource::Counterpart, 3_200),
        line(FundingSource::Counterpart, 14_090),
    ];
    let by = sum_by_source(&lines)?;
    let local = Vnd::sum([
        by[&FundingSource::NationalTargetProgramme],
        by[&FundingSource::LocalBudgetProvincial],
    ])?;
    assert_eq!(local, m(15_697));
    assert_eq!(by[&FundingSource::Counterpart], m(17_290));
    let total = Vnd::sum(by.values().copied())?;
    assert_eq!(total, m(34_387));
    assert_eq!(Vnd::sum([m(1_400), m(15_697), m(17_290)])?, total);

    // Shares, exact until displayed: national 30.43 %, local 48.10 % (both < 50 %).
    let national = support_share(m(1_400), m(4_600))?;
    let local = support_share(m(13_058), m(27_148))?;
    // The report rounds half away from zero; rounding down would show 48.09.
    let half_up = RoundingStrategy::MidpointAwayFromZero;
    assert_eq!(national.percent(2, half_up), Decimal::new(3043, 2));
    assert_eq!(local.percent(2, half_up), Decimal::new(4810, 2));
    assert_eq!(
        local.percent(2, RoundingStrategy::ToZero),
        Decimal::new(4809, 2)
    );
    let half = Share::percent(50)?;
    assert!(national.at_most(half) && local.at_most(half));
    // Exactly 50 % is at most 50 %; one đồng more is not.
    assert!(Ratio::new(m(150), m(300))?.at_most(half));
    assert!(!Ratio::new(Vnd::new(150_000_001)?, m(300))?.at_most(half));
    // Counterpart per đồng of support: 17,290 / 14,458.
    let per = counterpart_per_support(cp, Vnd::sum([m(1_400), m(13_058)])?)?;
    assert_eq!(
        per.decimal(4, RoundingStrategy::ToZero),
        Decimal::new(11958, 4)
    );
    Ok(())
}

/// Ranges as plans write them are read by their two ends; a single count, a bound or an
/// amount is not a range.
#[test]
fn count_ranges_are_read_as_typed() {
    use khuyencong::money::parse_count_range;
    let ends = |t: &str| parse_count_range(t).map(|r| (r.min, r.max));
    assert_eq!(ends("8–12"), Some((8, 12)));
    assert_eq!(ends("8 - 12 đề án"), Some((8, 12)));
    assert_eq!(ends("từ 8 đến 12 đề án"), Some((8, 12)));
    assert_eq!(ends("1.000—1.200 lượt"), Some((1_000, 1_200)));
    // A reversed range is read as written: the document check reports it.
    assert_eq!(ends("12–8"), Some((12, 8)));
    assert_eq!(ends("12"), None);
    assert_eq!(ends("hơn 8–12"), None);
    assert_eq!(ends("8–hơn 12"), None);
    assert_eq!(ends("8–12 triệu"), None);
    assert_eq!(ends("-12"), None);
    assert_eq!(ends("8–"), None);
}

/// Words already in lower case with single spaces are read in place; others are normalised
/// first: both readings give the same amount, place value and error.
#[test]
fn notation_read_in_place_or_normalised_alike() {
    use khuyencong::money::parse_vnd_with_place;
    for (plain, typed) in [
        ("hơn 15,2 tỷ", "HƠN  15,2 Tỷ"),
        ("1.400 triệu đồng", "1.400\u{a0}Triệu\tđồng "),
        ("gần 2 tỷ", " Gần 2 TỶ"),
        ("1,400 triệu", "1,400  TRIỆU"),
        ("1.4 triệu", "1.4 Triệu"),
        ("12 usd", "12 USD"),
        ("khoảng hơn 5 tỷ", "Khoảng hơn 5 tỷ"),
        ("0.500 triệu", "0.500  triệu"),
    ] {
        let a = parse_vnd_with_place(plain);
        let b = parse_vnd_with_place(typed);
        match (&a, &b) {
            (Ok(x), Ok(y)) => assert_eq!(x, y, "{plain} / {typed}"),
            // The error shows the input as written; its kind is the same.
            (Err(x), Err(y)) => assert_eq!(
                std::mem::discriminant(x),
                std::mem::discriminant(y),
                "{plain} / {typed}: {x} / {y}"
            ),
            _ => panic!("{plain} / {typed}: {a:?} / {b:?}"),
        }
    }
    let (p, place) = parse_vnd_with_place("HƠN 15,2 TỶ").expect("amount");
    assert_eq!(
        (p.amount.get(), p.exactness, place),
        (15_200_000_000, Exactness::LowerBound, 100_000_000)
    );
    assert_eq!(
        parse_vnd_with_place("48.910.000 đồng").expect("amount").1,
        1
    );
    assert_eq!(parse_vnd_with_place("97,82 trđ").expect("amount").1, 10_000);
    assert_eq!(
        parse_vnd_with_place("9,5 nghìn tỷ").expect("amount").1,
        100_000_000_000
    );
    // A number beyond 128 bits is an overflow, as before.
    assert!(matches!(
        parse_vnd_with_place("1234567890123456789012345678901234567890 đồng"),
        Err(NotationError::Overflow(_))
    ));
}
