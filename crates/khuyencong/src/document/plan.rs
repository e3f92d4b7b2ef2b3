//! Annual extension plans (kế hoạch khuyến công): the year's schemes and the budget by source.

use std::collections::HashMap;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::common::{Amount, Counts, DecisionRef, Execution, LineType, Period, SchemaVersion};
use super::funding::FundingBreakdown;
use super::reconcile::{Contradiction, Fig, Figure, Part, Parts, check_parts, sum};
use super::tag::PlanTag;
use super::{check_activity_in_period, check_coverage, check_fund_level_in_period};
use crate::activity::Activity;
use crate::finding::{Finding, Unlisted, finding_kinds};
use crate::fund::FundLevel;

finding_kinds! {
    /// A scheme listed twice.
    DuplicateScheme {
        code: "plan.duplicate_scheme",
        severity: Error,
        citation: None,
        meaning: ("Một đề án được liệt kê hai lần.", "A scheme is listed twice."),
        fix: ("Xóa dòng trùng.", "Remove the duplicate."),
        params: { scheme_id: String, first: Unlisted<usize> },
        message: (
            "đề án `{scheme_id}` đã có ở vị trí {first}",
            "scheme `{scheme_id}` is already listed at position {first}",
        ),
    }

    /// A scheme's support above its total cost.
    SupportExceedsCost {
        code: "plan.support_exceeds_cost",
        severity: Error,
        citation: None,
        meaning: (
            "Kinh phí hỗ trợ lớn hơn tổng kinh phí đề án.",
            "A scheme's support exceeds its total cost.",
        ),
        fix: ("Sửa số liệu.", "Correct the figures."),
        params: {},
        message: (
            "kinh phí hỗ trợ lớn hơn tổng kinh phí của đề án",
            "the support is larger than the scheme's total cost",
        ),
    }

    /// The schemes' support above the plan's budget of their funds.
    SchemesExceedBudget {
        code: "plan.schemes_exceed_budget",
        severity: Error,
        citation: None,
        meaning: (
            "Tổng hỗ trợ của các đề án có nêu số liệu đã vượt kinh phí của kế hoạch.",
            "The support of the schemes that state it already exceeds the plan's budget.",
        ),
        fix: ("Điều chỉnh đề án hoặc kinh phí.", "Adjust the schemes or the budget."),
        params: { support: Fig, budget: Fig, schemes_without_support: usize },
        message: (
            "tổng kinh phí hỗ trợ của các đề án ({support}) vượt kinh phí khuyến công của kế hoạch ({budget})",
            "the schemes' support ({support}) exceeds the plan's extension budget ({budget})",
        ),
    }

    /// A plan's stated total its lines contradict.
    PlanTotalMismatch {
        code: "plan.total_mismatch",
        severity: Error,
        citation: None,
        meaning: (
            "Tổng của kế hoạch khác tổng các dòng (khi mọi dòng đều nêu số liệu), hoặc riêng các dòng có nêu đã vượt tổng; một dòng có mã đề án là một đề án.",
            "A plan's stated total differs from its lines (when every line states the figure), or the lines that state it already exceed it; a line with a scheme id is one scheme.",
        ),
        fix: ("Sửa tổng hoặc các dòng.", "Correct the total or the lines."),
        params: { total: Contradiction },
        message: ("{total}", "{total}"),
    }
}

/// An annual extension plan (Decree 45/2012/NĐ-CP Art. 2.2): the year's schemes and tasks,
/// approved by the Minister of Industry and Trade (national) or the chair of the provincial
/// People's Committee (local).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Plan / Kế hoạch khuyến công")]
#[non_exhaustive]
pub struct Plan {
    /// Always "plan". / Luôn là "plan".
    pub kind: PlanTag,
    /// The document format version (2; 1 is read as 2). / Phiên bản định dạng (2).
    pub schema_version: SchemaVersion,
    /// An identifier unique within the submitting system. / Mã định danh kế hoạch.
    #[schemars(length(min = 1, max = 200))]
    #[serde(deserialize_with = "crate::document::common::text::<_, 1, 200>")]
    pub id: String,
    /// The title. / Tiêu đề.
    #[serde(
        default,
        deserialize_with = "crate::document::common::opt_text::<_, 0, 1000>",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(length(max = 1000))]
    pub title: Option<String>,
    /// The plan year (2000 … 2100); it decides the regime. / Năm kế hoạch.
    #[schemars(range(min = 2000, max = 2100))]
    #[serde(deserialize_with = "plan_year")]
    pub year: i32,
    /// The fund level of the plan; absent for a plan that lists schemes of several levels,
    /// each line with its own. / Cấp kinh phí của kế hoạch.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fund_level: Option<FundLevel>,
    /// The province or centrally-run city, for local plans. / Tỉnh, thành phố (kế hoạch địa phương).
    #[serde(
        default,
        deserialize_with = "crate::document::common::opt_text::<_, 1, 100>",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(length(min = 1, max = 100))]
    pub province: Option<String>,
    /// The approving decision. / Quyết định phê duyệt.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approval: Option<DecisionRef>,
    /// The lines of the plan: schemes, groups of schemes, overheads. / Các đề án.
    #[serde(
        default,
        deserialize_with = "crate::document::common::items::<_, _, 0, 100_000>",
        skip_serializing_if = "Vec::is_empty"
    )]
    #[schemars(length(max = 100_000))]
    pub schemes: Vec<PlanScheme>,
    /// The lines do not cover the whole plan (other schemes exist, not listed). / Danh sách chưa đầy đủ.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub schemes_partial: bool,
    /// The plan's stated totals, checked against its lines. / Tổng của kế hoạch.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schemes_total: Option<PlanTotal>,
    /// The budget by source. / Kinh phí theo nguồn.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget: Option<FundingBreakdown>,
}

/// One line of a plan: a scheme by reference with its money summary, or a line that stands
/// for several schemes ("7 đề án máy móc thiết bị, gần 2 tỷ đồng": `counts.schemes`), or
/// the management overheads, or the rest of the list. Each line may have its own fund
/// level (a provincial plan that lists national-fund and local-fund schemes together).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct PlanScheme {
    /// The scheme's identifier (the `id` of a scheme document, if submitted); absent for a
    /// line that stands for several schemes. / Mã đề án.
    #[serde(
        default,
        deserialize_with = "crate::document::common::opt_text::<_, 1, 200>",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(length(min = 1, max = 200))]
    pub scheme_id: Option<String>,
    /// The title. / Tên đề án.
    #[serde(
        default,
        deserialize_with = "crate::document::common::opt_text::<_, 0, 1000>",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(length(max = 1000))]
    pub title: Option<String>,
    /// The activity (Decree 45/2012 Art. 4); absent for management overheads or the rest. / Nội dung hoạt động.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activity: Option<Activity>,
    /// What the line stands for: schemes of an activity, management overheads, or the rest
    /// of the list. / Loại dòng.
    #[serde(default, skip_serializing_if = "LineType::is_activity")]
    pub line_type: LineType,
    /// The fund level of this line, when it differs from the plan's or the plan has none. / Cấp kinh phí của dòng.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fund_level: Option<FundLevel>,
    /// Counts: how many schemes the line stands for (a line with a `scheme_id` and no count
    /// is one scheme), establishments, models… / Số lượng (số đề án, cơ sở…).
    #[serde(default, skip_serializing_if = "Counts::is_empty")]
    pub counts: Counts,
    /// State support from the line's fund, in đồng; absent when the plan does not state it
    /// (then unknown, never zero). / Kinh phí hỗ trợ.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub support: Option<Amount>,
    /// Total cost of the scheme(s), in đồng. / Tổng kinh phí thực hiện.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_cost: Option<Amount>,
    /// Plan versus execution: requested, approved, allocated, disbursed, settled. / Đề nghị, phê duyệt, giao, giải ngân, quyết toán.
    #[serde(default, skip_serializing_if = "Execution::is_empty")]
    pub execution: Execution,
}

/// How a money figure of a plan line is read.
type PlanMoney = fn(&PlanScheme) -> Option<&Amount>;

/// A plan's stated totals over its lines. / Tổng của kế hoạch.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct PlanTotal {
    /// Total support. / Tổng kinh phí hỗ trợ.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub support: Option<Amount>,
    /// Total cost. / Tổng kinh phí thực hiện.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_cost: Option<Amount>,
    /// Total counts (e.g. schemes). / Tổng số lượng (ví dụ số đề án).
    #[serde(default, skip_serializing_if = "Counts::is_empty")]
    pub counts: Counts,
}

fn plan_year<'de, D: serde::Deserializer<'de>>(d: D) -> Result<i32, D::Error> {
    let year = i64::deserialize(d)?;
    if (2000..=2100).contains(&year) {
        Ok(i32::try_from(year).unwrap_or_default())
    } else {
        Err(serde::de::Error::custom(format_args!(
            "plan year must be between 2000 and 2100, got {year}"
        )))
    }
}

impl Plan {
    /// The plan's calendar year as a period.
    pub fn period(&self) -> Option<Period> {
        Some(Period {
            from: NaiveDate::from_ymd_opt(self.year, 1, 1)?,
            to: NaiveDate::from_ymd_opt(self.year, 12, 31)?,
        })
    }

    /// The fund level of a line: its own, else the plan's.
    pub fn line_level(&self, line: &PlanScheme) -> Option<FundLevel> {
        line.fund_level.or(self.fund_level)
    }

    pub(crate) fn check(&self, out: &mut Vec<Finding>) {
        let Some(period) = self.period() else {
            return;
        };
        // A year before Decree 45/2012 decides no regime: what depends on the law is not
        // assessed, but the plan's own figures must still agree.
        let regime_known = check_coverage(out, &period, "/year");
        if regime_known && let Some(level) = self.fund_level {
            check_fund_level_in_period(out, level, &period, "/fund_level");
        }
        let mut seen: HashMap<&str, usize> = HashMap::with_capacity(self.schemes.len());
        for (i, s) in self.schemes.iter().enumerate() {
            if regime_known && let Some(activity) = s.activity {
                check_activity_in_period(out, activity, &period, &format!("/schemes/{i}/activity"));
            }
            if regime_known && let Some(level) = s.fund_level {
                check_fund_level_in_period(
                    out,
                    level,
                    &period,
                    &format!("/schemes/{i}/fund_level"),
                );
            }
            super::outcome::check_counts(out, &s.counts, &|| format!("/schemes/{i}/counts"));
            super::check_amount_text(out, s.support.as_ref(), &|| format!("/schemes/{i}/support"));
            super::check_amount_text(out, s.total_cost.as_ref(), &|| {
                format!("/schemes/{i}/total_cost")
            });
            super::outcome::check_execution(out, &s.execution, &|| {
                format!("/schemes/{i}/execution")
            });
            if let Some(id) = &s.scheme_id
                && let Some(first) = seen.insert(id.as_str(), i)
            {
                out.push(
                    DuplicateScheme {
                        scheme_id: id.clone(),
                        first: Unlisted(first),
                    }
                    .at(format!("/schemes/{i}/scheme_id")),
                );
            }
            if let (Some(total), Some(support)) = (&s.total_cost, &s.support) {
                let exact = total.exactness == super::common::Exactness::Exact
                    && support.exactness == super::common::Exactness::Exact;
                if exact && support.vnd > total.vnd {
                    out.push(SupportExceedsCost {}.at(format!("/schemes/{i}/support")));
                }
            }
        }
        if let Some(total) = &self.schemes_total {
            self.check_total(out, total);
        }
        let Some(budget) = &self.budget else {
            return;
        };
        super::funding::check_breakdown(out, budget, "/budget", Some(&period));
        // The levels the plan has: its own and its lines'. A budget source of another level
        // is money of a level none of its schemes is of (Decree 45/2012 Art. 11).
        let levels: Vec<FundLevel> = self
            .fund_level
            .into_iter()
            .chain(self.schemes.iter().filter_map(|s| s.fund_level))
            .collect();
        if regime_known && !levels.is_empty() {
            for (i, line) in budget.lines.iter().enumerate() {
                let Some(level) = line.source.fund_level() else {
                    continue;
                };
                // Decree 45/2012 Art. 11, as the scheme rule reads it (`funding::pays_for`).
                if !levels.iter().any(|l| crate::funding::pays_for(level, *l)) {
                    let plan_level = self.fund_level.map_or_else(
                        || {
                            levels
                                .iter()
                                .map(|l| l.code())
                                .collect::<Vec<_>>()
                                .join(", ")
                        },
                        |l| l.code().to_owned(),
                    );
                    out.push(
                        crate::funding::PlanFundSourceMismatch {
                            plan_level: Unlisted(plan_level),
                            source: Unlisted(line.source),
                        }
                        .at(format!("/budget/lines/{i}/source")),
                    );
                }
            }
        }
        for national in [true, false] {
            self.check_family_budget(out, budget, national);
        }
    }

    /// The stated totals against the lines: money and counts. A line with a scheme's
    /// identifier and no count of schemes is one scheme; a management line is no scheme.
    fn check_total(&self, out: &mut Vec<Finding>, total: &PlanTotal) {
        use super::common::CountKind;
        super::outcome::check_counts(out, &total.counts, &|| "/schemes_total/counts".to_owned());
        super::check_amount_text(out, total.support.as_ref(), &|| {
            "/schemes_total/support".to_owned()
        });
        super::check_amount_text(out, total.total_cost.as_ref(), &|| {
            "/schemes_total/total_cost".to_owned()
        });
        let part = |s: &PlanScheme, f: Option<Figure>| Part {
            figure: f,
            rest: s.line_type == LineType::Rest,
        };
        let money: [(&str, &str, &str, PlanMoney, Option<&Amount>); 2] = [
            (
                "support",
                "Tổng kinh phí hỗ trợ của kế hoạch",
                "The plan's total support",
                |s| s.support.as_ref(),
                total.support.as_ref(),
            ),
            (
                "total_cost",
                "Tổng kinh phí thực hiện của kế hoạch",
                "The plan's total cost",
                |s| s.total_cost.as_ref(),
                total.total_cost.as_ref(),
            ),
        ];
        for (field, vi, en, get, stated) in money {
            let Some(stated) = stated else { continue };
            let parts: Vec<Part> = self
                .schemes
                .iter()
                .map(|s| part(s, get(s).map(Figure::from)))
                .collect();
            check_parts(
                out,
                |total, path| PlanTotalMismatch { total }.at(path),
                format!("/schemes_total/{field}"),
                (vi, en),
                stated.into(),
                &parts,
                self.schemes_partial,
                true,
                &|i| format!("/schemes/{i}/{field}"),
            );
        }
        for (kind, stated) in total.counts.iter() {
            let parts: Vec<Part> = self
                .schemes
                .iter()
                .map(|s| {
                    let stated = s.counts.get(kind).map(Figure::from);
                    let implied = match (kind == CountKind::Schemes.code(), s.line_type) {
                        (true, LineType::Management) => Some(Figure::exact(0)),
                        (true, LineType::Activity) if s.scheme_id.is_some() => {
                            Some(Figure::exact(1))
                        }
                        _ => None,
                    };
                    part(s, stated.or(implied))
                })
                .collect();
            check_parts(
                out,
                |total, path| PlanTotalMismatch { total }.at(path),
                format!("/schemes_total/counts/{kind}"),
                (
                    &format!("Tổng số `{kind}` của kế hoạch"),
                    &format!("The plan's total count `{kind}`"),
                ),
                stated.into(),
                &parts,
                self.schemes_partial,
                false,
                &|i| format!("/schemes/{i}/counts/{kind}"),
            );
        }
    }

    /// The lines of national (or local) funds against the plan's budget of those funds:
    /// lines that state no support are unknown, so the others' sum is a lower bound, which can
    /// still exceed the budget; a budget line of the family that states no amount, or state
    /// budget money of no stated level without an amount, leaves the budget unknown.
    fn check_family_budget(
        &self,
        out: &mut Vec<Finding>,
        budget: &FundingBreakdown,
        national: bool,
    ) {
        let in_family = |l: FundLevel| l.is_local() != national;
        let own: Option<Vec<Figure>> = budget
            .lines
            .iter()
            .filter(|l| {
                l.source.fund_level().is_some_and(in_family)
                    || l.source == crate::fund::FundingSource::StateBudget
            })
            .map(super::funding::FundingPart::figure)
            .collect();
        let Some(own) = own else {
            return;
        };
        let has_own_level = budget
            .lines
            .iter()
            .any(|l| l.source.fund_level().is_some_and(in_family));
        let lines: Vec<&PlanScheme> = self
            .schemes
            .iter()
            .filter(|s| self.line_level(s).is_some_and(in_family))
            .collect();
        if !has_own_level || lines.is_empty() {
            return;
        }
        let (Some(budget_sum), Some(support)) = (
            sum(own),
            Parts::of(lines.iter().map(|s| s.support.as_ref().map(Figure::from))),
        ) else {
            out.push(super::report::overflow_finding("/schemes"));
            return;
        };
        let known = support.sum;
        if known.exactness != super::common::Exactness::Approximate
            && budget_sum.exactness == super::common::Exactness::Exact
            && known.value > budget_sum.value
        {
            let shown = Figure::new(
                known.value,
                if support.is_partial() {
                    super::common::Exactness::LowerBound
                } else {
                    known.exactness
                },
            );
            out.push(
                SchemesExceedBudget {
                    support: Fig::new(shown, true),
                    budget: Fig::new(budget_sum, true),
                    schemes_without_support: support.unstated,
                }
                .at("/schemes"),
            );
        }
    }
}
