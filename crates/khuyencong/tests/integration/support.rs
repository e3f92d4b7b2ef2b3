//! Support limits and rule packs (issue: money).

use chrono::NaiveDate;
use khuyencong::activity::Activity;
use khuyencong::funding::FundLevel;
use khuyencong::law::{Confidence, InstrumentId, Point};
use khuyencong::money::Vnd;
use khuyencong::support::{
    Binding, NATIONAL_PACK_JSON, NationalPack, ProvincialPack, RuleSource, SupportContext,
    SupportError, SupportLimit, SupportVariant, max_support, national_pack,
};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("test date")
}

fn m(million: u64) -> Vnd {
    Vnd::from_million(million).expect("amount")
}

#[test]
fn national_pack_parses_and_validates() {
    let pack = NationalPack::from_json(NATIONAL_PACK_JSON).unwrap_or_else(|e| panic!("{e}"));
    assert!(national_pack().is_ok());
    assert!(pack.rules.len() >= 25);
}
