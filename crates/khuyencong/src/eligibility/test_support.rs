//! Helpers of the boundary tests that sit beside each rule.

use chrono::NaiveDate;

use crate::activity::Activity;
use crate::applicant::ApplicantFacts;

use super::{Assessment, Verdict, assess};

/// A date.
pub(super) fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a valid test date")
}

/// The applicant of a JSON text.
pub(super) fn facts(json: &str) -> ApplicantFacts {
    serde_json::from_str(json).expect("valid applicant facts")
}

/// The assessment of an applicant given as JSON.
pub(super) fn assessed(json: &str, activity: Activity, date: NaiveDate) -> Assessment {
    assess(&facts(json), activity, date).expect("a date in scope")
}

/// The codes of the findings of an assessment.
pub(super) fn assess_codes(json: &str, activity: Activity, date: NaiveDate) -> Vec<String> {
    assessed(json, activity, date)
        .findings
        .into_iter()
        .map(|f| f.code)
        .collect()
}

/// The verdict of an assessment.
pub(super) fn verdict(json: &str, activity: Activity, date: NaiveDate) -> Verdict {
    assessed(json, activity, date).verdict
}

/// An eligible rural industrial establishment (a cooperative making handicrafts in a commune,
/// no other state funding), with `extra` fields merged in.
pub(super) fn establishment(extra: &str) -> String {
    let mut base: serde_json::Value = serde_json::json!({
        "legal_form": "cooperative",
        "industry": "handicraft",
        "head_office": {"province_kind": "province", "unit_kind": "commune"},
        "other_state_funding_same_items": false,
    });
    let extra: serde_json::Value = serde_json::from_str(extra).expect("valid JSON");
    if let (Some(b), Some(e)) = (base.as_object_mut(), extra.as_object()) {
        for (k, v) in e {
            b.insert(k.clone(), v.clone());
        }
    }
    base.to_string()
}
