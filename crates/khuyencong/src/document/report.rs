//! Period reports (báo cáo tình hình thực hiện): results by activity and fund,
//! funding mobilised by source, targets for the next period.
//!
//! | rule | article | confidence |
//! |---|---|---|
//! | contest funding by level: district and provincial contests from local funds, regional and national from national funds | TT 26/2014/TT-BCT Art. 19 | confirmed |

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::common::{Amount, Counts, DecisionRef, Period, SchemaVersion};
use super::funding::{FundingBreakdown, FundingPart};
use super::tag::ReportTag;
use crate::activity::Activity;
use crate::funding::FundLevel;
use crate::law::InstrumentId;
use crate::product::TypicalProductLevel;

/// A report on the implementation of an extension programme or plan over a period
/// (báo cáo tình hình thực hiện), such as a province's report to the Ministry of Industry and
/// Trade under Decree 45/2012/NĐ-CP Art. 16.1(i).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Period report / Báo cáo tình hình thực hiện")]
pub struct PeriodReport {
    /// Always "period_report". / Luôn là "period_report".
    pub kind: ReportTag,
    /// The document format version (1). / Phiên bản định dạng (1).
    pub schema_version: SchemaVersion,
    /// An identifier unique within the submitting system. / Mã định danh của báo cáo.
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
    /// Who reports. / Đơn vị báo cáo.
    pub reporting_unit: ReportingUnit,
    /// The period covered, both ends included; its dates decide the regime. / Kỳ báo cáo.
    pub period: Period,
    /// The date of the report, if stated. / Ngày báo cáo.
    #[serde(
        default,
        deserialize_with = "crate::document::common::opt_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub report_date: Option<chrono::NaiveDate>,
    /// The request the report answers (e.g. an official letter of the Ministry). / Văn bản yêu cầu báo cáo.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_reply_to: Option<DecisionRef>,
    /// The programme reported on (e.g. `qd_1881_2020_ttg`). / Chương trình được báo cáo.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub programme: Option<InstrumentId>,
    /// Results by activity and fund. / Kết quả theo nội dung và nguồn kinh phí.
    #[serde(
        default,
        deserialize_with = "crate::document::common::items::<_, _, 0, 10_000>",
        skip_serializing_if = "Vec::is_empty"
    )]
    #[schemars(length(max = 10_000))]
    pub results: Vec<ResultLine>,
    /// A stated total of the results, if the report gives one; checked against the lines. / Tổng kết quả nêu trong báo cáo.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub results_total: Option<ResultTotal>,
    /// Funding mobilised by source, with nested parts. / Kết quả huy động nguồn lực.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub funding: Option<FundingBreakdown>,
    /// Targets for the next period. / Mục tiêu giai đoạn tới.
    #[serde(
        default,
        deserialize_with = "crate::document::common::items::<_, _, 0, 10_000>",
        skip_serializing_if = "Vec::is_empty"
    )]
    #[schemars(length(max = 10_000))]
    pub targets: Vec<ResultLine>,
    /// A stated total of the targets, if the report gives one; checked against the target
    /// lines like `results_total`. / Tổng mục tiêu nêu trong báo cáo.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub targets_total: Option<ResultTotal>,
}

/// The unit that reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReportingUnit {
    /// The unit's name, e.g. "Ủy ban nhân dân tỉnh An Giang". / Tên đơn vị.
    #[schemars(length(min = 1, max = 300))]
    #[serde(deserialize_with = "crate::document::common::text::<_, 1, 300>")]
    pub name: String,
    /// The province or centrally-run city (as named at the time). / Tỉnh, thành phố.
    #[schemars(length(min = 1, max = 100))]
    #[serde(deserialize_with = "crate::document::common::text::<_, 1, 100>")]
    pub province: String,
}

/// One result (or target) line: an activity, the fund that paid, counts and money.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ResultLine {
    /// The activity (a group or a sub-item of Decree 45/2012 Art. 4). / Nội dung hoạt động.
    pub activity: Activity,
    /// The fund level that paid the support, if stated. / Nguồn kinh phí khuyến công.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fund: Option<FundLevel>,
    /// The contest or certificate level, for typical-product lines. / Cấp bình chọn.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<TypicalProductLevel>,
    /// Counts of outputs. / Số lượng kết quả.
    #[serde(default, skip_serializing_if = "Counts::is_empty")]
    pub counts: Counts,
    /// State support spent from the extension fund, in đồng. / Kinh phí hỗ trợ.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub support: Option<Amount>,
    /// The establishments' total investment including the support ("vốn thu hút đầu tư"), in đồng. / Tổng vốn đầu tư của cơ sở (gồm hỗ trợ).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_investment: Option<Amount>,
    /// A note, e.g. the report's own words. / Ghi chú.
    #[serde(
        default,
        deserialize_with = "crate::document::common::opt_text::<_, 0, 2000>",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(length(max = 2000))]
    pub note: Option<String>,
}

/// A stated total over the result (or target) lines. A line that does not state a figure
/// is unknown for that figure, never zero: the stated total is compared exactly only when
/// every line states the figure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ResultTotal {
    /// Total support. / Tổng kinh phí hỗ trợ.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub support: Option<Amount>,
    /// Total investment. / Tổng vốn đầu tư.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_investment: Option<Amount>,
    /// Total counts, by kind. / Tổng số lượng.
    #[serde(default, skip_serializing_if = "Counts::is_empty")]
    pub counts: Counts,
}

use super::reconcile::{Figure, Parts, check_total, describe, sum};
use super::{check_activity_in_period_at, check_coverage, check_fund_level_in_period_at};
use crate::finding::{Finding, Severity};
use crate::funding::FundingSource;
use crate::law::{Citation, Point};

impl PeriodReport {
    /// Every finding about this report, in no particular order (the caller sorts).
    pub(crate) fn check(&self, out: &mut Vec<Finding>) {
        // A reversed or uncovered period decides no regime: what depends on the law of the
        // period is not assessed, but the report's own figures must still agree.
        let regime_known = check_coverage(out, &self.period, "/period");
        if regime_known {
            for (i, line) in self.results.iter().enumerate() {
                check_line(out, line, &self.period, i);
            }
        }
        if let Some(next) = self.period.to.succ_opt().filter(|_| regime_known) {
            let next_period = super::common::Period {
                from: next,
                to: next,
            };
            for (i, line) in self.targets.iter().enumerate() {
                check_activity_in_period_at(out, line.activity, &next_period, || {
                    format!("/targets/{i}/activity")
                });
            }
        }
        if let Some(total) = &self.results_total {
            check_lines_total(
                out,
                &self.results,
                total,
                "/results_total",
                "report.results_total_mismatch",
            );
        }
        if let Some(total) = &self.targets_total {
            check_lines_total(
                out,
                &self.targets,
                total,
                "/targets_total",
                "report.targets_total_mismatch",
            );
        }
        if let Some(funding) = &self.funding {
            super::funding::check_breakdown(out, funding, "/funding");
            self.check_counterpart(out, funding);
            self.check_support_within_funding(out, funding);
        }
    }

    /// Counterpart = total investment − support, summed over the lines
    /// (Joint Circular 26/2014 Art. 7.3: the beneficiary covers the rest of the cost).
    ///
    /// Each line that supports establishments is a part: it gives its counterpart when it
    /// states both figures, and is unknown otherwise; activities the state carries out
    /// itself (see `has_beneficiary_counterpart`) are parts only when they state both.
    fn check_counterpart(&self, out: &mut Vec<Finding>, funding: &FundingBreakdown) {
        let stated: Vec<(usize, &FundingPart)> = funding
            .lines
            .iter()
            .enumerate()
            .filter(|(_, l)| l.source == FundingSource::Counterpart)
            .collect();
        let [(index, line)] = stated.as_slice() else {
            return;
        };
        let Some(stated) = &line.amount else {
            return;
        };
        let mut parts = Vec::with_capacity(self.results.len());
        for l in &self.results {
            match (&l.support, &l.total_investment) {
                (Some(support), Some(investment)) => {
                    match investment.vnd.checked_sub(support.vnd) {
                        Ok(c) => parts.push(Some(Figure {
                            value: c.get(),
                            exactness: support.exactness.combine(investment.exactness),
                        })),
                        // Reported separately by check_line.
                        Err(_) => return,
                    }
                }
                _ if has_beneficiary_counterpart(l.activity) => parts.push(None),
                _ => {}
            }
        }
        let path = format!("/funding/lines/{index}/amount");
        let Some(parts) = Parts::of(parts) else {
            out.push(overflow(&path));
            return;
        };
        let before = out.len();
        check_total(
            out,
            "report.counterpart_mismatch",
            path,
            (
                "Vốn đối ứng (tổng vốn đầu tư trừ kinh phí hỗ trợ của các dòng kết quả)",
                "The counterpart (total investment minus support over the result lines)",
            ),
            stated.into(),
            parts,
            true,
        );
        for f in &mut out[before..] {
            f.citation =
                Some(Citation::article(crate::law::InstrumentId::Ttlt26_2014, 7).clause(3));
        }
    }

    /// Support spent from a fund level cannot exceed what the report says was mobilised
    /// from that level (Decree 45/2012 Art. 12–13).
    fn check_support_within_funding(&self, out: &mut Vec<Finding>, funding: &FundingBreakdown) {
        for national in [true, false] {
            let support = sum(self
                .results
                .iter()
                .filter(|l| l.fund.is_some_and(|f| f.is_local() != national))
                .filter_map(|l| l.support.as_ref())
                .map(Figure::from));
            let lines: Vec<&FundingPart> = funding
                .lines
                .iter()
                .filter(|l| {
                    l.source
                        .fund_level()
                        .is_some_and(|f| f.is_local() != national)
                })
                .collect();
            let (Some(support), false) = (support, lines.is_empty()) else {
                continue;
            };
            // A line of this level that states no amount leaves the funding unknown.
            let Some(mobilised) = lines
                .iter()
                .map(|l| l.figure())
                .collect::<Option<Vec<Figure>>>()
                .and_then(sum)
            else {
                continue;
            };
            let certain = support.exactness != super::common::Exactness::Approximate
                && mobilised.exactness == super::common::Exactness::Exact;
            if certain && support.value > mobilised.value {
                let (s_vi, s_en) = describe(support, true);
                let (m_vi, m_en) = describe(mobilised, true);
                let (lvl_vi, lvl_en) = if national {
                    ("khuyến công quốc gia", "national extension")
                } else {
                    ("khuyến công địa phương", "local extension")
                };
                let article = if national { 12 } else { 13 };
                out.push(
                    Finding::new(
                        "report.support_exceeds_funding",
                        Severity::Error,
                        "/funding/lines",
                        format!(
                            "kinh phí hỗ trợ từ nguồn {lvl_vi} trong kết quả ({s_vi}) vượt số kinh phí huy động từ nguồn này ({m_vi})"
                        ),
                        format!(
                            "support from {lvl_en} funds in the results ({s_en}) exceeds the {lvl_en} funding mobilised ({m_en})"
                        ),
                    )
                    .cite(
                        Citation::article(crate::law::InstrumentId::Nd45_2012, article)
                            .clause(1)
                            .point(Point::A),
                    )
                    .param("support", support.value)
                    .param("funding", mobilised.value),
                );
            }
        }
    }
}

/// A money field of the results: (name, Vietnamese label, English label, getter, stated total).
type MoneyField<'a> = (
    &'static str,
    &'static str,
    &'static str,
    fn(&ResultLine) -> Option<&Amount>,
    Option<&'a Amount>,
);

/// Checks a stated total (`results_total`, `targets_total`) against its lines: money and
/// counts, each by the one rule of [`check_total`] — a line that does not state a figure is
/// an unknown part, never zero.
fn check_lines_total(
    out: &mut Vec<Finding>,
    lines: &[ResultLine],
    total: &ResultTotal,
    base: &str,
    code: &str,
) {
    let money: [MoneyField<'_>; 2] = [
        (
            "support",
            "Tổng kinh phí hỗ trợ",
            "The total support",
            |l| l.support.as_ref(),
            total.support.as_ref(),
        ),
        (
            "total_investment",
            "Tổng vốn đầu tư",
            "The total investment",
            |l| l.total_investment.as_ref(),
            total.total_investment.as_ref(),
        ),
    ];
    for (field, vi, en, get, stated) in money {
        let Some(stated) = stated else { continue };
        let path = format!("{base}/{field}");
        let Some(parts) = Parts::of(lines.iter().map(|l| get(l).map(Figure::from))) else {
            out.push(overflow(&path));
            continue;
        };
        check_total(out, code, path, (vi, en), stated.into(), parts, true);
    }
    for (kind, stated) in total.counts.iter() {
        let path = format!("{base}/counts/{kind}");
        let parts = Parts::of(lines.iter().map(|l| l.counts.get(kind).map(Figure::from)));
        let Some(parts) = parts else {
            out.push(overflow(&path));
            continue;
        };
        check_total(
            out,
            code,
            path,
            (
                &format!("Tổng số `{kind}`"),
                &format!("The total count `{kind}`"),
            ),
            stated.into(),
            parts,
            false,
        );
    }
}

fn overflow(path: &str) -> Finding {
    Finding::new(
        "reconcile.overflow",
        Severity::Error,
        path,
        "tổng vượt quá mức tối đa 9.007.199.254.740.991 đồng",
        "the sum exceeds the maximum 9,007,199,254,740,991 đồng",
    )
}

pub(crate) fn overflow_finding(path: &str) -> Finding {
    overflow(path)
}

/// A reviewer should look when a line's support is above what the national rule pack allows
/// for the units it counts (e.g. more than 50 % of the investment, or more than 300 M per
/// establishment, for advanced machinery under Circular 28/2018 Art. 8.4). The cap applies
/// per unit of the level (establishments, models, rounds…), so the line's count of that unit
/// is needed; the investment, when stated exactly, adds the share limit; without it the cap
/// alone is compared. A report gives sums only, so this is a warning, never an error; levels
/// the project does not know are not assessed here (they appear on schemes).
fn check_usual_limit(out: &mut Vec<Finding>, line: &ResultLine, period: &Period, index: usize) {
    use crate::support::{RuleCitation, SupportContext, quick_limit};
    let (Some(fund), Some(support)) = (line.fund, line.support.as_ref()) else {
        return;
    };
    // An approximate support may be below the limit; a lower bound above it is above it.
    if support.exactness == super::common::Exactness::Approximate {
        return;
    }
    let ctx = SupportContext::new(fund);
    let Some(unit) = crate::funding::unit_of(line.activity, &ctx, period.to) else {
        return;
    };
    let Some(count) = line.counts.for_unit(unit) else {
        return;
    };
    let Some(units) = std::num::NonZeroU64::new(count.value) else {
        return;
    };
    if count.exactness != super::common::Exactness::Exact {
        return;
    }
    // Investment below support is an error of its own (`report.investment_below_support`);
    // an investment not stated exactly leaves only the cap.
    let cost = match &line.total_investment {
        Some(i) if i.exactness == super::common::Exactness::Exact => {
            if i.vnd < support.vnd {
                return;
            }
            i.vnd
        }
        _ => crate::money::Vnd::new(crate::money::MAX_VND).unwrap_or(support.vnd),
    };
    // Only an assessed limit matters here, and it needs no derivation.
    let Some(limit) = quick_limit(line.activity, cost, &ctx.units(units), period.to) else {
        return;
    };
    if support.vnd <= limit.max_support_vnd {
        return;
    }
    let n = units.get();
    let per = |v: u64| Figure {
        value: v / n,
        exactness: super::common::Exactness::Exact,
    };
    let (avg_vi, avg_en) = describe(per(support.vnd.get()), true);
    let (lim_vi, lim_en) = describe(per(limit.max_support_vnd.get()), true);
    let (s_vi, s_en) = describe(support.into(), true);
    let (u_vi, u_en) = (
        unit.label(crate::law::Lang::Vi),
        unit.label(crate::law::Lang::En),
    );
    let (basis_vi, basis_en) = if cost.get() == crate::money::MAX_VND {
        (
            "mức trần, vì dòng không nêu vốn đầu tư",
            "the cap, as the line states no investment",
        )
    } else {
        ("tính trên vốn đầu tư", "for the investment stated")
    };
    let mut f = Finding::new(
        "report.support_above_usual_limit",
        Severity::Warning,
        format!("/results/{index}/support"),
        format!(
            "hỗ trợ {s_vi} cho {n} {u_vi}, bình quân {avg_vi}/{u_vi}, vượt mức thông thường {lim_vi}/{u_vi} ({}; {basis_vi}); cần xem xét",
            limit.citation.render(crate::law::Lang::Vi)
        ),
        format!(
            "support of {s_en} for {n} {u_en}s, {avg_en} per {u_en} on average, is above the usual limit of {lim_en} per {u_en} ({}; {basis_en}); a reviewer should look",
            limit.citation.render(crate::law::Lang::En)
        ),
    )
    .confidence(limit.confidence)
    .param("average_support", support.vnd.get() / n)
    .param("usual_limit", limit.max_support_vnd.get() / n)
    .param("units", n)
    .param("unit", unit.code())
    .param("rule_id", limit.rule_id);
    if let RuleCitation::National(c) = limit.citation {
        f = f.cite(c);
    }
    out.push(f);
}

/// Whether support under this activity goes to establishments that put in counterpart funds.
///
/// Contests, information work, international cooperation and the extension system's own
/// capacity (Decree 45/2012 Art. 4.4(a), 4.6, 4.8, 4.9) are carried out by the extension
/// agencies with state funds alone; every other activity supports establishments that invest
/// the rest (Joint Circular 26/2014 Art. 7.3). A modelling choice, documented in
/// docs/findings.md.
fn has_beneficiary_counterpart(activity: Activity) -> bool {
    use Activity as A;
    let group = activity.parent().unwrap_or(activity);
    !matches!(
        group,
        A::Information | A::InternationalCooperation | A::SystemCapacity
    ) && activity != A::TypicalProductContest
}

/// Checks result line `index`; paths are built only for findings.
fn check_line(out: &mut Vec<Finding>, line: &ResultLine, period: &Period, index: usize) {
    let path = || format!("/results/{index}");
    check_activity_in_period_at(out, line.activity, period, || {
        format!("/results/{index}/activity")
    });
    if let Some(fund) = line.fund {
        check_fund_level_in_period_at(out, fund, period, || format!("/results/{index}/fund"));
    }
    check_usual_limit(out, line, period, index);
    if let (Some(support), Some(investment)) = (&line.support, &line.total_investment) {
        let exact = support.exactness == super::common::Exactness::Exact
            && investment.exactness == super::common::Exactness::Exact;
        if exact && investment.vnd < support.vnd {
            let (s_vi, s_en) = describe(support.into(), true);
            let (i_vi, i_en) = describe(investment.into(), true);
            out.push(
                Finding::new(
                    "report.investment_below_support",
                    Severity::Error,
                    format!("{}/total_investment", path()),
                    format!("tổng vốn đầu tư ({i_vi}) nhỏ hơn kinh phí hỗ trợ ({s_vi}); tổng vốn đầu tư phải bao gồm phần hỗ trợ"),
                    format!("the total investment ({i_en}) is below the support ({s_en}); the investment includes the support"),
                )
                .param("support", support.vnd.get())
                .param("total_investment", investment.vnd.get()),
            );
        }
    }
    // Circular 26/2014/TT-BCT Art. 19: district and provincial contests are paid from local
    // funds, regional and national contests from national funds.
    if let (Some(level), Some(fund)) = (line.level, line.fund) {
        use crate::product::TypicalProductLevel as L;
        let national_level = matches!(level, L::Regional | L::National);
        if national_level == fund.is_local() {
            out.push(
                Finding::new(
                    "report.contest_fund_level",
                    Severity::Warning,
                    format!("{}/fund", path()),
                    format!(
                        "bình chọn cấp {} thường do kinh phí {} chi trả",
                        level
                            .label(crate::law::Lang::Vi)
                            .to_lowercase()
                            .trim_start_matches("cấp "),
                        if national_level {
                            "khuyến công quốc gia"
                        } else {
                            "khuyến công địa phương"
                        }
                    ),
                    format!(
                        "{} contests are paid from {} funds",
                        level.label(crate::law::Lang::En).trim_end_matches(" level"),
                        if national_level { "national" } else { "local" }
                    ),
                )
                .cite(Citation::article(
                    crate::law::InstrumentId::Tt26_2014Bct,
                    19,
                ))
                .confidence(crate::law::Confidence::Confirmed),
            );
        }
    }
}
