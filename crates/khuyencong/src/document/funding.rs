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
    /// The amount in đồng; absent when the document names the source but does not state its
    /// amount (e.g. "các nguồn khác"): the amount is then unknown, never zero. / Số tiền
    /// (đồng); bỏ trống khi văn bản không nêu số liệu.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Amount>,
    /// Parts that make up this amount ("trong đó"). / Chi tiết (trong đó).
    #[serde(
        default,
        deserialize_with = "crate::document::common::items::<_, _, 0, 1000>",
        skip_serializing_if = "Vec::is_empty"
    )]
    #[schemars(length(max = 1000))]
    pub parts: Vec<FundingPart>,
}

use super::reconcile::{Figure, Parts, check_total};
use crate::finding::Finding;

impl FundingPart {
    /// The amount as a figure, if stated.
    pub(crate) fn figure(&self) -> Option<Figure> {
        self.amount.as_ref().map(Figure::from)
    }
}

/// Checks a breakdown: the stated total against the lines, each line against its parts
/// ("trong đó"). Lines or parts that state no amount are unknown: the sum of the others is
/// then a lower bound ([`check_total`]).
pub(crate) fn check_breakdown(out: &mut Vec<Finding>, b: &FundingBreakdown, path: &str) {
    if let Some(total) = &b.total {
        match Parts::of(b.lines.iter().map(FundingPart::figure)) {
            Some(parts) => check_total(
                out,
                "funding.total_mismatch",
                format!("{path}/total"),
                ("Tổng nguồn vốn", "The total funding"),
                total.into(),
                parts,
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
    // A source whose own amount is not stated is at least the sum of its parts: nothing to
    // contradict.
    if let Some(amount) = &part.amount {
        match Parts::of(part.parts.iter().map(FundingPart::figure)) {
            Some(parts) => check_total(
                out,
                "funding.parts_mismatch",
                format!("{path}/amount"),
                (
                    &format!("Nguồn `{}`", part.source.code()),
                    &format!("The source `{}`", part.source.code()),
                ),
                amount.into(),
                parts,
                true,
            ),
            None => out.push(super::report::overflow_finding(&format!("{path}/amount"))),
        }
    }
    for (i, p) in part.parts.iter().enumerate() {
        check_part(out, p, &format!("{path}/parts/{i}"));
    }
}
