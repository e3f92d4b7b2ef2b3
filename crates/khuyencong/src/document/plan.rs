//! Annual extension plans (kế hoạch khuyến công): the year's schemes and the budget by source.

use std::collections::HashMap;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::common::{Amount, DecisionRef, Period, SchemaVersion};
use super::funding::FundingBreakdown;
use super::reconcile::{Figure, Parts, describe, sum};
use super::tag::PlanTag;
use super::{check_activity_in_period, check_coverage, check_fund_level_in_period};
use crate::activity::Activity;
use crate::finding::{Finding, Severity};
use crate::funding::FundLevel;
use crate::law::{Citation, InstrumentId};

/// An annual extension plan (Decree 45/2012/NĐ-CP Art. 2.2): the year's schemes and tasks,
/// approved by the Minister of Industry and Trade (national) or the chair of the provincial
/// People's Committee (local).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Plan / Kế hoạch khuyến công")]
pub struct Plan {
    /// Always "plan". / Luôn là "plan".
    pub kind: PlanTag,
    /// The document format version (1). / Phiên bản định dạng (1).
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
    /// The fund level of the plan. / Cấp kinh phí của kế hoạch.
    pub fund_level: FundLevel,
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
    /// The schemes of the plan. / Các đề án.
    #[serde(
        default,
        deserialize_with = "crate::document::common::items::<_, _, 0, 100_000>",
        skip_serializing_if = "Vec::is_empty"
    )]
    #[schemars(length(max = 100_000))]
    pub schemes: Vec<PlanScheme>,
    /// The budget by source. / Kinh phí theo nguồn.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget: Option<FundingBreakdown>,
}

/// One scheme of a plan, by reference with its money summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanScheme {
    /// The scheme's identifier (the `id` of a scheme document, if submitted). / Mã đề án.
    #[schemars(length(min = 1, max = 200))]
    #[serde(deserialize_with = "crate::document::common::text::<_, 1, 200>")]
    pub scheme_id: String,
    /// The title. / Tên đề án.
    #[serde(
        default,
        deserialize_with = "crate::document::common::opt_text::<_, 0, 1000>",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(length(max = 1000))]
    pub title: Option<String>,
    /// The activity (Decree 45/2012 Art. 4). / Nội dung hoạt động.
    pub activity: Activity,
    /// State support from the plan's fund, in đồng; absent when the plan does not state it
    /// (then unknown, never zero). / Kinh phí hỗ trợ từ nguồn của kế hoạch.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub support: Option<Amount>,
    /// Total cost of the scheme, in đồng. / Tổng kinh phí thực hiện đề án.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_cost: Option<Amount>,
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

    pub(crate) fn check(&self, out: &mut Vec<Finding>) {
        let Some(period) = self.period() else {
            return;
        };
        // A year before Decree 45/2012 decides no regime: what depends on the law is not
        // assessed, but the plan's own figures must still agree.
        let regime_known = check_coverage(out, &period, "/year");
        if regime_known {
            check_fund_level_in_period(out, self.fund_level, &period, "/fund_level");
        }
        let mut seen: HashMap<&str, usize> = HashMap::with_capacity(self.schemes.len());
        for (i, s) in self.schemes.iter().enumerate() {
            let path = format!("/schemes/{i}");
            if regime_known {
                check_activity_in_period(out, s.activity, &period, &format!("{path}/activity"));
            }
            if let Some(first) = seen.insert(s.scheme_id.as_str(), i) {
                out.push(
                    Finding::new(
                        "plan.duplicate_scheme",
                        Severity::Error,
                        format!("{path}/scheme_id"),
                        format!("đề án `{}` đã có ở vị trí {first}", s.scheme_id),
                        format!(
                            "scheme `{}` is already listed at position {first}",
                            s.scheme_id
                        ),
                    )
                    .param("scheme_id", s.scheme_id.clone()),
                );
            }
            if let (Some(total), Some(support)) = (&s.total_cost, &s.support) {
                let exact = total.exactness == super::common::Exactness::Exact
                    && support.exactness == super::common::Exactness::Exact;
                if exact && support.vnd > total.vnd {
                    out.push(Finding::new(
                        "plan.support_exceeds_cost",
                        Severity::Error,
                        format!("{path}/support"),
                        "kinh phí hỗ trợ lớn hơn tổng kinh phí của đề án",
                        "the support is larger than the scheme's total cost",
                    ));
                }
            }
        }
        let Some(budget) = &self.budget else {
            return;
        };
        super::funding::check_breakdown(out, budget, "/budget");
        for (i, line) in budget.lines.iter().enumerate() {
            let Some(level) = line.source.fund_level() else {
                continue;
            };
            if regime_known && level.is_local() != self.fund_level.is_local() {
                out.push(
                    Finding::new(
                        "plan.fund_source_mismatch",
                        Severity::Error,
                        format!("/budget/lines/{i}/source"),
                        format!(
                            "kế hoạch cấp `{}` không dùng nguồn `{}`: kinh phí khuyến công quốc gia chi cho hoạt động do Bộ Công Thương quản lý, kinh phí địa phương chi cho hoạt động ở địa phương",
                            self.fund_level.code(),
                            line.source.code()
                        ),
                        format!(
                            "a `{}` plan does not draw on `{}`: national funds pay for activities managed by the Ministry, local funds for local activities",
                            self.fund_level.code(),
                            line.source.code()
                        ),
                    )
                    .cite(Citation::article(InstrumentId::Nd45_2012, 11)),
                );
            }
        }
        // The plan's own extension budget; a line of it that states no amount leaves the
        // budget unknown, and nothing can exceed an unknown budget.
        let own: Option<Vec<Figure>> = budget
            .lines
            .iter()
            .filter(|l| {
                l.source
                    .fund_level()
                    .is_some_and(|f| f.is_local() == self.fund_level.is_local())
            })
            .map(super::funding::FundingPart::figure)
            .collect();
        let Some(own) = own else {
            return;
        };
        if own.is_empty() || self.schemes.is_empty() {
            return;
        }
        // Schemes that state no support are unknown: the others' sum is a lower bound, which
        // can still exceed the budget.
        let (Some(budget_sum), Some(support)) = (
            sum(own),
            Parts::of(
                self.schemes
                    .iter()
                    .map(|s| s.support.as_ref().map(Figure::from)),
            ),
        ) else {
            out.push(super::report::overflow_finding("/schemes"));
            return;
        };
        let known = support.sum;
        if known.exactness != super::common::Exactness::Approximate
            && budget_sum.exactness == super::common::Exactness::Exact
            && known.value > budget_sum.value
        {
            let shown = Figure {
                value: known.value,
                exactness: if support.is_partial() {
                    super::common::Exactness::LowerBound
                } else {
                    known.exactness
                },
            };
            let (s_vi, s_en) = describe(shown, true);
            let (b_vi, b_en) = describe(budget_sum, true);
            out.push(
                Finding::new(
                    "plan.schemes_exceed_budget",
                    Severity::Error,
                    "/schemes",
                    format!("tổng kinh phí hỗ trợ của các đề án ({s_vi}) vượt kinh phí khuyến công của kế hoạch ({b_vi})"),
                    format!("the schemes' support ({s_en}) exceeds the plan's extension budget ({b_en})"),
                )
                .param("support", known.value)
                .param("budget", budget_sum.value)
                .param("schemes_without_support", support.unstated),
            );
        }
    }
}
