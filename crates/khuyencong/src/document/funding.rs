//! Money by source as documents state it: a breakdown with nested parts.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::common::Amount;
use crate::funding::FundingSource;

/// Funding by source, with a stated total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FundingBreakdown {
    /// The stated total, if any; checked against the lines. / Tổng nguồn vốn nêu trong văn bản.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<Amount>,
    /// The lines by source. / Các nguồn.
    #[schemars(length(max = 1000))]
    #[serde(
        default,
        deserialize_with = "crate::document::common::items::<_, _, 0, 1000>",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub lines: Vec<FundingPart>,
}

/// One source of money, possibly broken down into parts (e.g. the local budget =
/// integrated target programme + provincial extension programme).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FundingPart {
    /// The source. / Nguồn kinh phí.
    pub source: FundingSource,
    /// A label as the document words it, e.g. "Chương trình MTQG XD NTM". / Tên gọi trong văn bản.
    #[serde(
        default,
        deserialize_with = "crate::document::common::opt_text::<_, 0, 300>",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(length(max = 300))]
    pub label: Option<String>,
    /// The amount in đồng. / Số tiền (đồng).
    pub amount: Amount,
    /// Parts that make up this amount ("trong đó"). / Chi tiết (trong đó).
    #[serde(
        default,
        deserialize_with = "crate::document::common::items::<_, _, 0, 1000>",
        skip_serializing_if = "Vec::is_empty"
    )]
    #[schemars(length(max = 1000))]
    pub parts: Vec<FundingPart>,
}

use super::reconcile::{Figure, check_total, sum};
use crate::finding::Finding;

/// Checks a breakdown: the stated total against the lines, each line against its parts.
pub(crate) fn check_breakdown(out: &mut Vec<Finding>, b: &FundingBreakdown, path: &str) {
    if let Some(total) = &b.total {
        match sum(b.lines.iter().map(|l| Figure::from(&l.amount))) {
            Some(computed) => check_total(
                out,
                "funding.total_mismatch",
                format!("{path}/total"),
                ("Tổng nguồn vốn", "The total funding"),
                total.into(),
                computed,
                true,
            ),
            None => out.push(super::report::overflow_finding(&format!("{path}/total"))),
        }
    }
    for (i, line) in b.lines.iter().enumerate() {
        // Lines without parts have nothing to check: no path to build.
        if !line.parts.is_empty() {
            check_part(out, line, &format!("{path}/lines/{i}"));
        }
    }
}

fn check_part(out: &mut Vec<Finding>, part: &FundingPart, path: &str) {
    if part.parts.is_empty() {
        return;
    }
    match sum(part.parts.iter().map(|p| Figure::from(&p.amount))) {
        Some(computed) => check_total(
            out,
            "funding.parts_mismatch",
            format!("{path}/amount"),
            (
                &format!("Nguồn `{}`", part.source.code()),
                &format!("The source `{}`", part.source.code()),
            ),
            (&part.amount).into(),
            computed,
            true,
        ),
        None => out.push(super::report::overflow_finding(&format!("{path}/amount"))),
    }
    for (i, p) in part.parts.iter().enumerate() {
        check_part(out, p, &format!("{path}/parts/{i}"));
    }
}
