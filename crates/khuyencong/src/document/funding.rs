//! Money by source as documents state it: a breakdown with nested parts.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::common::{Amount, Execution, Percent, Period, Year};
use crate::fund::FundingSource;

/// Funding by source, with a stated total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
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
    /// The lines do not name every source (other sources exist, not listed): their sum is
    /// only a lower bound of the total. / Danh sách nguồn chưa đầy đủ.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub partial: bool,
}

/// One source of money, possibly broken down into parts (e.g. the local budget =
/// integrated target programme + provincial extension programme).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
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
    /// The year of the money, for a breakdown by year inside a multi-year period (an
    /// envelope by source and year, a five-year report's money per year). / Năm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<Year>,
    /// This line is the rest of its list ("còn lại", "các nguồn khác"): an amount it does not
    /// state is derived as the total minus the other lines, when they all state theirs.
    /// / Phần còn lại.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub rest: bool,
    /// The share of the whole the document states for this line ("chiếm 50,3 %"): its amount
    /// ÷ the amount of the line it is part of, or the breakdown's total. / Tỷ lệ trên tổng.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share_percent: Option<Percent>,
    /// Plan versus execution of this money. / Kế hoạch và thực hiện.
    #[serde(default, skip_serializing_if = "Execution::is_empty")]
    pub execution: Execution,
    /// Parts that make up this amount ("trong đó"). / Chi tiết (trong đó).
    #[serde(
        default,
        deserialize_with = "crate::document::common::items::<_, _, 0, 1000>",
        skip_serializing_if = "Vec::is_empty"
    )]
    #[schemars(length(max = 1000))]
    pub parts: Vec<FundingPart>,
    /// The parts do not name everything this amount holds: their sum is a lower bound. / Chi
    /// tiết chưa đầy đủ.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub parts_partial: bool,
}

use super::reconcile::{Contradiction, Figure, Part, check_parts};
use crate::finding::{Finding, finding_kinds};

finding_kinds! {
    /// A stated total funding its sources contradict.
    TotalMismatch {
        code: "funding.total_mismatch",
        severity: Error,
        citation: None,
        meaning: (
            "Tổng nguồn vốn khác tổng các nguồn (khi mọi nguồn đều nêu số tiền), hoặc riêng các nguồn có nêu số tiền đã vượt tổng.",
            "The stated total funding differs from the sum of the sources (when every source states its amount), or the sources that state one already exceed it.",
        ),
        fix: (
            "Sửa tổng hoặc các nguồn để khớp chính xác.",
            "Correct the total or the sources so they agree exactly.",
        ),
        params: { total: Contradiction },
        message: ("{total}", "{total}"),
    }

    /// A source its parts ("of which") contradict.
    PartsMismatch {
        code: "funding.parts_mismatch",
        severity: Error,
        citation: None,
        meaning: (
            "Một nguồn khác tổng các phần 'trong đó' (khi mọi phần đều nêu số tiền), hoặc riêng các phần có nêu số tiền đã vượt nguồn đó.",
            "A source differs from the sum of its parts ('of which') when every part states its amount, or the parts that state one already exceed it.",
        ),
        fix: ("Sửa số liệu để khớp chính xác.", "Correct the figures so they agree exactly."),
        params: { total: Contradiction },
        message: ("{total}", "{total}"),
    }
}

impl FundingPart {
    /// The amount as a figure, if stated.
    pub(crate) fn figure(&self) -> Option<Figure> {
        self.amount.as_ref().map(Figure::from)
    }

    fn part(&self) -> Part {
        Part {
            figure: self.figure(),
            rest: self.rest,
        }
    }
}

/// Checks a breakdown: the stated total against the lines, each line against its parts
/// ("trong đó"), stated shares, years inside `period`, execution figures. Lines or parts
/// that state no amount are unknown: the sum of the others is then a lower bound
/// ([`check_parts`]); a rest line without an amount is derived when it can be.
pub(crate) fn check_breakdown(
    out: &mut Vec<Finding>,
    b: &FundingBreakdown,
    path: &str,
    period: Option<&Period>,
) {
    super::check_amount_text(out, b.total.as_ref(), &|| format!("{path}/total"));
    let parts: Vec<Part> = b.lines.iter().map(FundingPart::part).collect();
    if let Some(total) = &b.total {
        check_parts(
            out,
            |total, path| TotalMismatch { total }.at(path),
            format!("{path}/total"),
            ("Tổng nguồn vốn", "The total funding"),
            total.into(),
            &parts,
            b.partial,
            true,
            &|i| format!("{path}/lines/{i}/amount"),
        );
    }
    for (i, line) in b.lines.iter().enumerate() {
        check_part(
            out,
            line,
            b.total.as_ref(),
            &|| format!("{path}/lines/{i}"),
            period,
        );
    }
}

/// Checks one line and its parts; its path is built only for a finding or for its parts.
fn check_part(
    out: &mut Vec<Finding>,
    part: &FundingPart,
    whole: Option<&Amount>,
    path: &dyn Fn() -> String,
    period: Option<&Period>,
) {
    super::check_amount_text(out, part.amount.as_ref(), &|| format!("{}/amount", path()));
    if let (Some(year), Some(period)) = (part.year, period) {
        super::check_year_in_period_at(out, year, period, || format!("{}/year", path()));
    }
    if let Some(share) = &part.share_percent {
        super::outcome::check_share_of(
            out,
            part.amount.as_ref().map(Figure::from),
            whole.map(Figure::from),
            share,
            &format!("{}/share_percent", path()),
            (
                "Tỷ lệ của nguồn trên tổng",
                "The source's share of the whole",
            ),
        );
    }
    super::outcome::check_execution(out, &part.execution, &|| format!("{}/execution", path()));
    if part.parts.is_empty() {
        return;
    }
    let path = path();
    // A source whose own amount is not stated is at least the sum of its parts: nothing to
    // contradict.
    if let Some(amount) = &part.amount {
        let parts: Vec<Part> = part.parts.iter().map(FundingPart::part).collect();
        check_parts(
            out,
            |total, path| PartsMismatch { total }.at(path),
            format!("{path}/amount"),
            (
                &format!("Nguồn `{}`", part.source.code()),
                &format!("The source `{}`", part.source.code()),
            ),
            amount.into(),
            &parts,
            part.parts_partial,
            true,
            &|i| format!("{path}/parts/{i}/amount"),
        );
    }
    for (i, p) in part.parts.iter().enumerate() {
        check_part(
            out,
            p,
            part.amount.as_ref(),
            &|| format!("{path}/parts/{i}"),
            period,
        );
    }
}
