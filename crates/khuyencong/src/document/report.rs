//! Period reports (báo cáo tình hình thực hiện): results by activity and fund (each line
//! possibly broken down into parts by fund, year, industry or product group), funding
//! mobilised by source, outcomes, targets for the next period.
//!
//! | rule | article | confidence |
//! |---|---|---|
//! | contest funding by level: district and provincial contests from local funds, regional and national from national funds | TT 26/2014/TT-BCT Art. 19 | confirmed |

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::common::{
    Amount, Counts, DecisionRef, Execution, LineType, Outcomes, Period, SchemaVersion, Year,
};
use super::funding::{FundingBreakdown, FundingPart};
use super::tag::ReportTag;
use crate::activity::Activity;
use crate::fund::FundLevel;
use crate::industry::Industry;
use crate::law::InstrumentId;
use crate::product::{ProductGroup, TypicalProductLevel};

/// A report on the implementation of an extension programme or plan over a period
/// (báo cáo tình hình thực hiện), such as a province's report to the Ministry of Industry and
/// Trade under Decree 45/2012/NĐ-CP Art. 16.1(i), or the Ministry's own national report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Period report / Báo cáo tình hình thực hiện")]
#[non_exhaustive]
pub struct PeriodReport {
    /// Always "period_report". / Luôn là "period_report".
    pub kind: ReportTag,
    /// The document format version (2; 1 is read as 2). / Phiên bản định dạng (2).
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
    /// The decision that approved the programme reported on (e.g. `qd_1881_2020_ttg`).
    /// / Quyết định phê duyệt chương trình được báo cáo.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub programme: Option<InstrumentId>,
    /// The `id` of the programme document whose targets the results are compared with
    /// (`khuyencong totals --targets`). / Mã văn bản chương trình được báo cáo.
    #[serde(
        default,
        deserialize_with = "crate::document::common::opt_text::<_, 1, 200>",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(length(min = 1, max = 200))]
    pub programme_id: Option<String>,
    /// Results: by activity, by fund (a fund's part of the whole, with its own breakdown in
    /// `parts`), by year, or management overheads. / Kết quả theo nội dung, nguồn kinh phí, năm.
    #[serde(
        default,
        deserialize_with = "crate::document::common::items::<_, _, 0, 10_000>",
        skip_serializing_if = "Vec::is_empty"
    )]
    #[schemars(length(max = 10_000))]
    pub results: Vec<ResultLine>,
    /// The result lines do not cover everything the results total holds (other activities
    /// exist, not listed): their sums are lower bounds. / Danh sách kết quả chưa đầy đủ.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub results_partial: bool,
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

/// The unit that reports: a province's People's Committee or Department, or — for a
/// national document — the Ministry or one of its agencies (then no province).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ReportingUnit {
    /// The unit's name, e.g. "Ủy ban nhân dân tỉnh An Giang" or "Bộ Công Thương". / Tên đơn vị.
    #[schemars(length(min = 1, max = 300))]
    #[serde(deserialize_with = "crate::document::common::text::<_, 1, 300>")]
    pub name: String,
    /// The province or centrally-run city (as named at the time); absent for a national
    /// document. / Tỉnh, thành phố; bỏ trống với văn bản cấp quốc gia.
    #[serde(
        default,
        deserialize_with = "crate::document::common::opt_text::<_, 1, 100>",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(length(min = 1, max = 100))]
    pub province: Option<String>,
}

/// One result (or target) line: an activity, a fund's part, a year, an industry or a
/// product group — or several of these — with counts, money and outcomes, and possibly its
/// own breakdown (`parts`). A figure a line does not state is unknown, never zero.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ResultLine {
    /// The activity (a group or a sub-item of Decree 45/2012 Art. 4); absent for a line
    /// by fund only, management overheads or the rest. / Nội dung hoạt động.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activity: Option<Activity>,
    /// What the line stands for: results of an activity (or fund, year…), management
    /// overheads of schemes, or the rest of the list. / Loại dòng.
    #[serde(default, skip_serializing_if = "LineType::is_activity")]
    pub line_type: LineType,
    /// The fund level that paid the support, if stated (`local` when the report does not
    /// say which local level). / Nguồn kinh phí khuyến công.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fund: Option<FundLevel>,
    /// The year of the figures, inside the report's period. / Năm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<Year>,
    /// The industry of the establishments (Decree 45/2012 Art. 5 list). / Ngành nghề.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub industry: Option<Industry>,
    /// The typical-product group (Circular 26/2014/TT-BCT Art. 5), for contest results. / Nhóm sản phẩm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_group: Option<ProductGroup>,
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
    /// Outcomes: jobs, workers trained, growth, stated averages and shares. / Hiệu quả.
    #[serde(default, skip_serializing_if = "Outcomes::is_empty")]
    pub outcomes: Outcomes,
    /// Plan versus execution of the line's money. / Kế hoạch và thực hiện.
    #[serde(default, skip_serializing_if = "Execution::is_empty")]
    pub execution: Execution,
    /// The line's own breakdown ("trong đó"): by fund, year, industry, product group or
    /// activity item. Each part has the line's keys unless it states its own, which must
    /// not contradict them. / Chi tiết của dòng.
    #[serde(
        default,
        deserialize_with = "crate::document::common::items::<_, _, 0, 1000>",
        skip_serializing_if = "Vec::is_empty"
    )]
    #[schemars(length(max = 1000))]
    pub parts: Vec<ResultLine>,
    /// The parts do not cover everything the line holds: their sums are lower bounds. / Chi tiết chưa đầy đủ.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub parts_partial: bool,
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
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
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
    /// Outcomes of the whole (jobs, averages, shares…). / Hiệu quả chung.
    #[serde(default, skip_serializing_if = "Outcomes::is_empty")]
    pub outcomes: Outcomes,
}

use super::kinds::Dong;
use super::outcome::{Figures, check_counts, check_execution, check_outcomes};
use super::reconcile::{Contradiction, Fig, Figure, Part, Parts, check_parts, check_total, sum};
use super::{check_activity_in_period_at, check_coverage, check_fund_level_in_period_at};
use crate::finding::{Arg, Finding, Params, Unlisted, Wording, finding_kinds};
use crate::fund::FundingSource;
use crate::law::{Citation, Lang, Point};
use crate::support::{CapUnit, RuleCitation};

/// Which stated total a reconciliation of result lines checks: its mismatch kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Totals {
    /// `results_total` against the result lines.
    Results,
    /// `targets_total` against the target lines.
    Targets,
    /// A line against its parts.
    LineParts,
}

impl Totals {
    /// The mismatch finding of this total.
    fn mismatch(self, total: Contradiction, path: String) -> Finding {
        match self {
            Self::Results => ResultsTotalMismatch { total }.at(path),
            Self::Targets => TargetsTotalMismatch { total }.at(path),
            Self::LineParts => LinePartsMismatch { total }.at(path),
        }
    }
}

/// A unit of a support cap, by its label in the message's language; its code in `params`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct UnitLabel(CapUnit);

impl Arg for UnitLabel {
    fn write(&self, lang: Lang, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0.label(lang))
    }
    fn json(&self) -> serde_json::Value {
        self.0.code().into()
    }
}

/// The basis of a support limit, national or provincial, as the message's language cites it.
#[derive(Debug, Clone)]
pub(crate) struct Basis(RuleCitation);

impl Arg for Basis {
    fn write(&self, lang: Lang, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.render(lang))
    }
    fn json(&self) -> serde_json::Value {
        serde_json::Value::Null
    }
    fn to_params(&self, _: &'static str, _: &mut Params) {}
}

/// The level of a contest as a sentence names it ("tỉnh", "Provincial").
#[derive(Debug, Clone, Copy)]
pub(crate) struct ContestLevel(crate::product::TypicalProductLevel);

impl Arg for ContestLevel {
    fn write(&self, lang: Lang, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match lang {
            Lang::Vi => f.write_str(
                self.0
                    .label(Lang::Vi)
                    .to_lowercase()
                    .trim_start_matches("cấp "),
            ),
            Lang::En => f.write_str(self.0.label(Lang::En).trim_end_matches(" level")),
        }
    }
    fn json(&self) -> serde_json::Value {
        serde_json::Value::Null
    }
    fn to_params(&self, _: &'static str, _: &mut Params) {}
}

/// Joint Circular 26/2014 Art. 7.3 (the beneficiary covers the rest of the cost).
const TTLT26_7_3: Citation = Citation::article(crate::law::InstrumentId::Ttlt26_2014, 7).clause(3);

finding_kinds! {
    /// A stated results total its lines contradict.
    ResultsTotalMismatch {
        code: "report.results_total_mismatch",
        severity: Error,
        citation: None,
        meaning: (
            "Tổng kết quả nêu trong báo cáo khác tổng các dòng (khi mọi dòng đều nêu số liệu), hoặc riêng các dòng có nêu số liệu đã vượt tổng.",
            "A stated results total differs from the sum of the result lines (when every line states the figure), or the lines that state it already exceed it.",
        ),
        fix: ("Sửa tổng hoặc các dòng.", "Correct the total or the lines."),
        params: { total: Contradiction },
        message: ("{total}", "{total}"),
    }

    /// A stated targets total its lines contradict.
    TargetsTotalMismatch {
        code: "report.targets_total_mismatch",
        severity: Error,
        citation: None,
        meaning: (
            "Tổng mục tiêu nêu trong báo cáo khác tổng các dòng mục tiêu (khi mọi dòng đều nêu số liệu), hoặc riêng các dòng có nêu đã vượt tổng.",
            "A stated targets total differs from the sum of the target lines (when every line states the figure), or the lines that state it already exceed it.",
        ),
        fix: ("Sửa tổng hoặc các dòng.", "Correct the total or the lines."),
        params: { total: Contradiction },
        message: ("{total}", "{total}"),
    }

    /// A stated counterpart its result lines contradict.
    CounterpartMismatch {
        code: "report.counterpart_mismatch",
        severity: Error,
        citation: Some(TTLT26_7_3),
        meaning: (
            "Vốn đối ứng khác tổng (vốn đầu tư − kinh phí hỗ trợ) của các dòng kết quả (khi mọi dòng hỗ trợ cơ sở đều nêu cả hai số liệu), hoặc riêng các dòng có nêu đã vượt số vốn đối ứng.",
            "The counterpart differs from total investment minus support over the result lines (when every line supporting establishments states both), or the lines that state both already exceed it.",
        ),
        fix: (
            "Kiểm tra 'vốn thu hút đầu tư' có bao gồm phần hỗ trợ, và số vốn đối ứng.",
            "Check that the stated investment includes the support, and the counterpart figure.",
        ),
        params: { total: Contradiction },
        message: ("{total}", "{total}"),
    }

    /// A line's investment below its support.
    InvestmentBelowSupport {
        code: "report.investment_below_support",
        severity: Error,
        citation: None,
        meaning: (
            "Tổng vốn đầu tư nhỏ hơn kinh phí hỗ trợ.",
            "The total investment is below the support.",
        ),
        fix: (
            "Tổng vốn đầu tư gồm cả phần hỗ trợ; kiểm tra số liệu.",
            "The investment includes the support; check the figures.",
        ),
        params: { support: Dong, total_investment: Dong },
        message: (
            "tổng vốn đầu tư ({total_investment}) nhỏ hơn kinh phí hỗ trợ ({support}); tổng vốn đầu tư phải bao gồm phần hỗ trợ",
            "the total investment ({total_investment}) is below the support ({support}); the investment includes the support",
        ),
    }

    /// Support in the results above the funding of its level.
    SupportExceedsFunding {
        code: "report.support_exceeds_funding",
        severity: Error,
        citation: None,
        meaning: (
            "Kinh phí hỗ trợ theo kết quả vượt kinh phí huy động từ cùng cấp.",
            "Support in the results exceeds the funding mobilised at that level.",
        ),
        fix: ("Kiểm tra nguồn kinh phí của từng dòng kết quả.", "Check the fund of each result line."),
        params: { level: Wording, support: Fig, funding: Fig, with: Wording },
        message: (
            "kinh phí hỗ trợ từ nguồn {level} trong kết quả ({support}) vượt số kinh phí huy động từ nguồn này ({funding}{with})",
            "support from {level} funds in the results ({support}) exceeds the {level} funding mobilised ({funding}{with})",
        ),
    }

    /// A contest paid from an unusual fund.
    ContestFundLevel {
        code: "report.contest_fund_level",
        severity: Warning,
        citation: Some(Citation::article(crate::law::InstrumentId::Tt26_2014Bct, 19)),
        meaning: (
            "Cấp bình chọn không khớp nguồn kinh phí thường dùng (cấp huyện, tỉnh: địa phương; khu vực, quốc gia: quốc gia).",
            "The contest level does not match its usual fund (district and provincial: local; regional and national: national).",
        ),
        fix: ("Kiểm tra nguồn kinh phí.", "Check the fund."),
        params: { level: ContestLevel, payer: Wording },
        message: (
            "bình chọn cấp {level} thường do kinh phí {payer} chi trả",
            "{level} contests are paid from {payer} funds",
        ),
    }

    /// A line's support above the usual limit for its units.
    SupportAboveUsualLimit {
        code: "report.support_above_usual_limit",
        severity: Warning,
        citation: None,
        meaning: (
            "Hỗ trợ bình quân mỗi cơ sở của một dòng kết quả vượt mức hỗ trợ tối đa thông thường (theo vốn đầu tư bình quân).",
            "A result line's average support per establishment is above the usual maximum for its average investment.",
        ),
        fix: (
            "Kiểm tra từng đề án của dòng này (mức trần, tỷ lệ, đề án ưu tiên).",
            "Check the schemes behind the line (cap, share, priority schemes).",
        ),
        params: {
            support: Unlisted<Fig>,
            units: u64,
            unit: UnitLabel,
            average_support: Dong,
            usual_limit: Dong,
            basis: Basis,
            how: Wording,
            rule_id: String,
        },
        message: (
            "hỗ trợ {support} cho {units} {unit}, bình quân {average_support}/{unit}, vượt mức thông thường {usual_limit}/{unit} ({basis}; {how}); cần xem xét",
            "support of {support} for {units} {unit}s, {average_support} per {unit} on average, is above the usual limit of {usual_limit} per {unit} ({basis}; {how}); a reviewer should look",
        ),
    }

    /// A line its parts contradict.
    LinePartsMismatch {
        code: "report.line_parts_mismatch",
        severity: Error,
        citation: None,
        meaning: (
            "Một dòng kết quả khác tổng các phần chi tiết của nó (khi mọi phần đều nêu số liệu), hoặc riêng các phần có nêu đã vượt dòng đó.",
            "A result line differs from the sum of its parts (when every part states the figure), or the parts that state it already exceed it.",
        ),
        fix: ("Sửa dòng hoặc các phần chi tiết.", "Correct the line or its parts."),
        params: { total: Contradiction },
        message: ("{total}", "{total}"),
    }
}

/// The keys a line has, its own or its line's.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Keys {
    pub activity: Option<Activity>,
    pub line_type: LineType,
    pub fund: Option<FundLevel>,
    pub year: Option<Year>,
    pub industry: Option<Industry>,
    pub product_group: Option<ProductGroup>,
    pub level: Option<TypicalProductLevel>,
}

impl Keys {
    /// The keys of `line` under `self` (its line's keys): its own where it states them.
    pub(crate) fn of(self, line: &ResultLine) -> Self {
        Self {
            activity: line.activity.or(self.activity),
            line_type: if line.line_type == LineType::Activity {
                self.line_type
            } else {
                line.line_type
            },
            fund: line.fund.or(self.fund),
            year: line.year.or(self.year),
            industry: line.industry.or(self.industry),
            product_group: line.product_group.or(self.product_group),
            level: line.level.or(self.level),
        }
    }
}

/// How to read one figure of a line (its support, a count…).
pub(crate) type Getter<'a> = &'a dyn Fn(&ResultLine) -> Option<Figure>;

impl ResultLine {
    /// A figure of the line: as the line states it; else the sum of its parts' (a lower
    /// bound when some part does not state it or the parts are partial); `None` when
    /// neither the line nor any part states it.
    pub(crate) fn effective(&self, get: Getter<'_>) -> Option<Figure> {
        if let Some(f) = get(self) {
            return Some(f);
        }
        if self.parts.is_empty() {
            return None;
        }
        let mut complete = !self.parts_partial;
        let figures: Vec<Figure> = self
            .parts
            .iter()
            .filter_map(|p| {
                let f = p.effective(get);
                complete &= f.is_some();
                f
            })
            .collect();
        if figures.is_empty() {
            return None;
        }
        let total = sum(figures)?;
        Some(if complete {
            total
        } else {
            Figure {
                exactness: total
                    .exactness
                    .combine(super::common::Exactness::LowerBound),
                upper: None,
                ..total
            }
        })
    }

    fn figures(&self) -> Figures<'_> {
        Figures {
            support: self.support.as_ref().map(Figure::from),
            investment: self.total_investment.as_ref().map(Figure::from),
            counts: &self.counts,
        }
    }
}

impl ResultTotal {
    fn figures(&self) -> Figures<'_> {
        Figures {
            support: self.support.as_ref().map(Figure::from),
            investment: self.total_investment.as_ref().map(Figure::from),
            counts: &self.counts,
        }
    }
}

/// Which list of lines is checked: the results (in the period's regime) or the targets
/// (in the regime after it).
#[derive(Clone, Copy, PartialEq, Eq)]
enum List {
    Results,
    Targets,
}

impl PeriodReport {
    /// Whether the report is a national document (no province: the Ministry reports).
    pub fn is_national(&self) -> bool {
        self.reporting_unit.province.is_none()
    }

    /// Every finding about this report, in no particular order (the caller sorts).
    pub(crate) fn check(&self, out: &mut Vec<Finding>) {
        // A reversed or uncovered period decides no regime: what depends on the law of the
        // period is not assessed, but the report's own figures must still agree.
        let regime_known = check_coverage(out, &self.period, "/period");
        let whole = self.results_total.as_ref().map(ResultTotal::figures);
        for (i, line) in self.results.iter().enumerate() {
            check_line(
                out,
                line,
                Keys::default().of(line),
                None,
                whole,
                &self.period,
                regime_known,
                List::Results,
                &|| format!("/results/{i}"),
            );
        }
        if let Some(next) = self.period.to.succ_opt().filter(|_| regime_known) {
            let next_period = super::common::Period {
                from: next,
                to: next,
            };
            let whole = self.targets_total.as_ref().map(ResultTotal::figures);
            for (i, line) in self.targets.iter().enumerate() {
                check_line(
                    out,
                    line,
                    Keys::default().of(line),
                    None,
                    whole,
                    &next_period,
                    true,
                    List::Targets,
                    &|| format!("/targets/{i}"),
                );
            }
        }
        if let Some(total) = &self.results_total {
            check_lines_total(
                out,
                &self.results,
                self.results_partial,
                total,
                "/results_total",
                "/results",
                Totals::Results,
            );
        }
        if let Some(total) = &self.targets_total {
            check_lines_total(
                out,
                &self.targets,
                false,
                total,
                "/targets_total",
                "/targets",
                Totals::Targets,
            );
        }
        if let Some(funding) = &self.funding {
            super::funding::check_breakdown(out, funding, "/funding", Some(&self.period));
            self.check_counterpart(out, funding);
            self.check_support_within_funding(out, funding);
        }
    }

    /// Counterpart = total investment − support, summed over the lines
    /// (Joint Circular 26/2014 Art. 7.3: the beneficiary covers the rest of the cost).
    ///
    /// Each line that supports establishments is a part: it gives its counterpart when it
    /// states both figures (or its parts do), and is unknown otherwise; activities the state
    /// carries out itself (see `has_beneficiary_counterpart`) and management overheads are
    /// parts only when they state both.
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
            // A line whose investment is below its support is reported by check_line.
            if counterpart_parts(l, Keys::default().of(l), &mut parts).is_err() {
                return;
            }
        }
        if self.results_partial {
            parts.push(None);
        }
        let path = format!("/funding/lines/{index}/amount");
        let Some(parts) = Parts::of(parts) else {
            out.push(overflow(&path));
            return;
        };
        let before = out.len();
        check_total(
            out,
            |total, path| CounterpartMismatch { total }.at(path),
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
            f.citation = Some(TTLT26_7_3);
        }
    }

    /// Support spent from a fund level cannot exceed what the report says was mobilised
    /// from that level (Decree 45/2012 Art. 12–13). State budget money whose level is not
    /// stated may be of either level: it raises what may have been mobilised.
    fn check_support_within_funding(&self, out: &mut Vec<Finding>, funding: &FundingBreakdown) {
        let unsplit: Option<Vec<Figure>> = funding
            .lines
            .iter()
            .filter(|l| l.source == FundingSource::StateBudget)
            .map(FundingPart::figure)
            .collect();
        // A state budget line that states no amount leaves every level's funding unknown.
        let Some(unsplit) = unsplit.and_then(sum) else {
            return;
        };
        for national in [true, false] {
            let mut spent = Vec::new();
            for l in &self.results {
                support_by_fund(l, Keys::default().of(l), national, &mut spent);
            }
            let support = sum(spent);
            let lines: Vec<&FundingPart> = funding
                .lines
                .iter()
                .filter(|l| {
                    l.source
                        .fund_level()
                        .is_some_and(|f| f.is_local() != national)
                })
                .collect();
            // No line of this level: what was mobilised from it is not stated (the unsplit
            // state budget alone says nothing of a level the report does not name).
            let (Some(support), false) = (support, lines.is_empty()) else {
                continue;
            };
            // A line of this level that states no amount leaves the funding unknown.
            let Some(mobilised) = lines
                .iter()
                .map(|l| l.figure())
                .collect::<Option<Vec<Figure>>>()
                .and_then(|mut v| {
                    v.push(unsplit);
                    sum(v)
                })
            else {
                continue;
            };
            let certain = support.exactness != super::common::Exactness::Approximate
                && mobilised.exactness == super::common::Exactness::Exact;
            if certain && support.value > mobilised.value {
                let level = if national {
                    Wording("khuyến công quốc gia", "national extension")
                } else {
                    Wording("khuyến công địa phương", "local extension")
                };
                let with = if unsplit.value > 0 {
                    Wording(
                        " (kể cả ngân sách nhà nước không nêu cấp)",
                        " (with the state budget whose level is not stated)",
                    )
                } else {
                    Wording("", "")
                };
                let article = if national { 12 } else { 13 };
                out.push(
                    SupportExceedsFunding {
                        level,
                        support: Fig::new(support, true),
                        funding: Fig::new(mobilised, true),
                        with,
                    }
                    .at("/funding/lines")
                    .cite(
                        Citation::article(crate::law::InstrumentId::Nd45_2012, article)
                            .clause(1)
                            .point(Point::A),
                    ),
                );
            }
        }
    }
}

/// The counterpart parts of a line: its own when it states both figures, else its parts'
/// (and an unknown part when they are partial), else one unknown part when the line supports
/// establishments. `Err` when a line's investment is below its support.
fn counterpart_parts(
    line: &ResultLine,
    keys: Keys,
    out: &mut Vec<Option<Figure>>,
) -> Result<(), ()> {
    if let (Some(support), Some(investment)) = (&line.support, &line.total_investment) {
        let c = investment.vnd.checked_sub(support.vnd).map_err(|_| ())?;
        out.push(Some(Figure::new(
            c.get(),
            support.exactness.combine(investment.exactness),
        )));
        return Ok(());
    }
    if !line.parts.is_empty() {
        for p in &line.parts {
            counterpart_parts(p, keys.of(p), out)?;
        }
        if line.parts_partial {
            out.push(None);
        }
        return Ok(());
    }
    if keys.line_type != LineType::Management
        && keys.activity.is_none_or(has_beneficiary_counterpart)
    {
        out.push(None);
    }
    Ok(())
}

/// The support of the lines paid from national (or local) funds: a line counts where both
/// its fund and its support are known; a line of unknown fund is looked into for parts that
/// say their fund.
fn support_by_fund(line: &ResultLine, keys: Keys, national: bool, out: &mut Vec<Figure>) {
    match (keys.fund, &line.support) {
        (Some(f), Some(s)) => {
            if f.is_local() != national {
                out.push(s.into());
            }
        }
        (Some(f), None) if f.is_local() == national => {}
        _ => {
            for p in &line.parts {
                support_by_fund(p, keys.of(p), national, out);
            }
        }
    }
}

/// How an outcome count of a line is read.
type OutcomeCount = fn(&Outcomes) -> Option<&super::common::Count>;

/// A money field of the results: (name, Vietnamese label, English label, getter, stated total).
type MoneyField<'a> = (
    &'static str,
    &'static str,
    &'static str,
    fn(&ResultLine) -> Option<&Amount>,
    Option<&'a Amount>,
);

fn money_fields<'a>(
    support: Option<&'a Amount>,
    investment: Option<&'a Amount>,
) -> [MoneyField<'a>; 2] {
    [
        (
            "support",
            "Tổng kinh phí hỗ trợ",
            "The total support",
            |l| l.support.as_ref(),
            support,
        ),
        (
            "total_investment",
            "Tổng vốn đầu tư",
            "The total investment",
            |l| l.total_investment.as_ref(),
            investment,
        ),
    ]
}

/// Checks stated figures (of a total, or of a line with parts) against the lines that make
/// them up: money, counts, jobs and workers trained, each by the one rule of
/// [`check_parts`] — a line that does not state a figure is an unknown part, never zero; a
/// rest line is derived when it can be; a partial list adds an unknown part.
#[allow(clippy::too_many_arguments)]
fn check_figures_against(
    out: &mut Vec<Finding>,
    lines: &[ResultLine],
    partial: bool,
    support: Option<&Amount>,
    investment: Option<&Amount>,
    counts: &Counts,
    outcomes: &Outcomes,
    base: &str,
    lines_base: &str,
    totals: Totals,
    itemises_total: bool,
) {
    let part = |l: &ResultLine, get: Getter<'_>| Part {
        figure: l.effective(get),
        rest: l.line_type == LineType::Rest,
    };
    // A figure no line states (not even through its parts) is not broken down here: the
    // lines of a line's breakdown split some of its figures only.
    let quiet = |parts: &[Part]| !itemises_total && parts.iter().all(|p| p.figure.is_none());
    for (field, vi, en, get, stated) in money_fields(support, investment) {
        let Some(stated) = stated else { continue };
        let parts: Vec<Part> = lines
            .iter()
            .map(|l| part(l, &|x| get(x).map(Figure::from)))
            .collect();
        if quiet(&parts) {
            continue;
        }
        check_parts(
            out,
            |total, path| totals.mismatch(total, path),
            format!("{base}/{field}"),
            (vi, en),
            stated.into(),
            &parts,
            partial,
            true,
            &|i| format!("{lines_base}/{i}/{field}"),
        );
    }
    for (kind, stated) in counts.iter() {
        // Management overheads are no scheme: a line of them counts none.
        let schemes = kind == super::common::CountKind::Schemes.code();
        let parts: Vec<Part> = lines
            .iter()
            .map(|l| {
                part(l, &|x| {
                    x.counts.get(kind).map(Figure::from).or_else(|| {
                        (schemes && x.line_type == LineType::Management).then(|| Figure::exact(0))
                    })
                })
            })
            .collect();
        if quiet(&parts) {
            continue;
        }
        check_parts(
            out,
            |total, path| totals.mismatch(total, path),
            format!("{base}/counts/{kind}"),
            (
                &format!("Tổng số `{kind}`"),
                &format!("The total count `{kind}`"),
            ),
            stated.into(),
            &parts,
            partial,
            false,
            &|i| format!("{lines_base}/{i}/counts/{kind}"),
        );
    }
    let outcome_counts: [(&str, &str, &str, OutcomeCount); 2] = [
        (
            "jobs_created",
            "Tổng số việc làm tạo ra",
            "The total jobs created",
            |o| o.jobs_created.as_ref(),
        ),
        (
            "workers_trained",
            "Tổng số lao động được đào tạo",
            "The total workers trained",
            |o| o.workers_trained.as_ref(),
        ),
    ];
    for (field, vi, en, get) in outcome_counts {
        let Some(stated) = get(outcomes) else {
            continue;
        };
        let parts: Vec<Part> = lines
            .iter()
            .map(|l| part(l, &|x| get(&x.outcomes).map(Figure::from)))
            .collect();
        if quiet(&parts) {
            continue;
        }
        check_parts(
            out,
            |total, path| totals.mismatch(total, path),
            format!("{base}/outcomes/{field}"),
            (vi, en),
            stated.into(),
            &parts,
            partial,
            false,
            &|i| format!("{lines_base}/{i}/outcomes/{field}"),
        );
    }
}

/// Checks a stated total (`results_total`, `targets_total`) against its lines.
fn check_lines_total(
    out: &mut Vec<Finding>,
    lines: &[ResultLine],
    partial: bool,
    total: &ResultTotal,
    base: &str,
    lines_base: &str,
    totals: Totals,
) {
    check_counts(out, &total.counts, &|| format!("{base}/counts"));
    super::check_amount_text(out, total.support.as_ref(), &|| format!("{base}/support"));
    super::check_amount_text(out, total.total_investment.as_ref(), &|| {
        format!("{base}/total_investment")
    });
    check_outcomes(out, &total.outcomes, total.figures(), None, base);
    check_figures_against(
        out,
        lines,
        partial,
        total.support.as_ref(),
        total.total_investment.as_ref(),
        &total.counts,
        &total.outcomes,
        base,
        lines_base,
        totals,
        true,
    );
}

fn overflow(path: &str) -> Finding {
    super::reconcile::overflow_at(path)
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
fn check_usual_limit(
    out: &mut Vec<Finding>,
    line: &ResultLine,
    keys: Keys,
    period: &Period,
    path: &dyn Fn() -> String,
) {
    use crate::support::{Outcome, RuleCitation, SupportContext, limit};
    let (Some(activity), Some(fund), Some(support), LineType::Activity) = (
        keys.activity,
        keys.fund,
        line.support.as_ref(),
        keys.line_type,
    ) else {
        return;
    };
    // An approximate support may be below the limit; a lower bound above it is above it.
    if support.exactness == super::common::Exactness::Approximate {
        return;
    }
    let ctx = SupportContext::new(fund);
    let Some(unit) = crate::funding::unit_of(activity, &ctx, period.to) else {
        return;
    };
    let Some(count) = line.counts.for_unit(unit) else {
        return;
    };
    let Some(units) = std::num::NonZeroU64::new(count.value) else {
        return;
    };
    if !count.is_exact() {
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
    let Ok(Outcome::Assessed(limit)) = limit(activity, cost, &ctx.units(units), period.to) else {
        return;
    };
    let citation = limit.citation();
    if support.vnd <= limit.max_support_vnd {
        return;
    }
    let n = units.get();
    let how = if cost.get() == crate::money::MAX_VND {
        Wording(
            "mức trần, vì dòng không nêu vốn đầu tư",
            "the cap, as the line states no investment",
        )
    } else {
        Wording("tính trên vốn đầu tư", "for the investment stated")
    };
    let mut f = SupportAboveUsualLimit {
        support: Unlisted(Fig::new(support.into(), true)),
        units: n,
        unit: UnitLabel(unit),
        average_support: Dong(support.vnd.get() / n),
        usual_limit: Dong(limit.max_support_vnd.get() / n),
        basis: Basis(citation.clone()),
        how,
        rule_id: limit.rule_id().to_owned(),
    }
    .at(format!("{}/support", path()))
    .confidence(limit.confidence);
    if let RuleCitation::National(c) = citation {
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

/// A part must not contradict its line: its activity is the line's or an item of it, its
/// fund inside the line's, and its year, industry, product group and level the line's.
fn check_part_keys(
    out: &mut Vec<Finding>,
    parent: Keys,
    part: &ResultLine,
    path: &dyn Fn() -> String,
) {
    let mut contradicts: Vec<(&str, String, String)> = Vec::new();
    if let (Some(p), Some(a)) = (parent.activity, part.activity)
        && a != p
        && a.parent() != Some(p)
    {
        contradicts.push(("activity", a.code().to_owned(), p.code().to_owned()));
    }
    if let (Some(p), Some(f)) = (parent.fund, part.fund)
        && !p.contains(f)
    {
        contradicts.push(("fund", f.code().to_owned(), p.code().to_owned()));
    }
    if let (Some(p), Some(y)) = (parent.year, part.year)
        && p != y
    {
        contradicts.push(("year", y.get().to_string(), p.get().to_string()));
    }
    if let (Some(p), Some(v)) = (parent.industry, part.industry)
        && p != v
    {
        contradicts.push(("industry", v.code().to_owned(), p.code().to_owned()));
    }
    if let (Some(p), Some(v)) = (parent.product_group, part.product_group)
        && p != v
    {
        contradicts.push(("product_group", v.code().to_owned(), p.code().to_owned()));
    }
    if let (Some(p), Some(v)) = (parent.level, part.level)
        && p != v
    {
        contradicts.push(("level", v.code().to_owned(), p.code().to_owned()));
    }
    for (field, part, line) in contradicts {
        out.push(
            super::kinds::PartContradictsLine { field, part, line }
                .at(format!("{}/{field}", path())),
        );
    }
}

/// Checks one result (or target) line and its parts; `keys` are its own and inherited keys,
/// `whole` the figures of what it is part of (its line, or the stated total).
#[allow(clippy::too_many_arguments)]
fn check_line(
    out: &mut Vec<Finding>,
    line: &ResultLine,
    keys: Keys,
    parent: Option<Keys>,
    whole: Option<Figures<'_>>,
    period: &Period,
    law: bool,
    list: List,
    path: &dyn Fn() -> String,
) {
    // The line's path is built only for a finding, or for a line with parts or outcomes.
    if let Some(parent) = parent {
        check_part_keys(out, parent, line, path);
    }
    // `law`: the period decides a regime. When it does not (a reversed or uncovered period),
    // what depends on the law of the period is not assessed; the line's own figures are.
    if law && let Some(activity) = line.activity {
        check_activity_in_period_at(out, activity, period, || format!("{}/activity", path()));
    }
    if law && let Some(fund) = line.fund {
        check_fund_level_in_period_at(out, fund, period, || format!("{}/fund", path()));
    }
    if list == List::Results
        && let Some(year) = line.year
    {
        super::check_year_in_period_at(out, year, period, || format!("{}/year", path()));
    }
    check_counts(out, &line.counts, &|| format!("{}/counts", path()));
    super::check_amount_text(out, line.support.as_ref(), &|| {
        format!("{}/support", path())
    });
    super::check_amount_text(out, line.total_investment.as_ref(), &|| {
        format!("{}/total_investment", path())
    });
    if !line.outcomes.is_empty() {
        check_outcomes(out, &line.outcomes, line.figures(), whole, &path());
    }
    check_execution(out, &line.execution, &|| format!("{}/execution", path()));
    if law && list == List::Results {
        check_usual_limit(out, line, keys, period, path);
    }
    if let (Some(support), Some(investment)) = (&line.support, &line.total_investment) {
        let exact = support.exactness == super::common::Exactness::Exact
            && investment.exactness == super::common::Exactness::Exact;
        if exact && investment.vnd < support.vnd {
            out.push(
                InvestmentBelowSupport {
                    support: Dong(support.vnd.get()),
                    total_investment: Dong(investment.vnd.get()),
                }
                .at(format!("{}/total_investment", path())),
            );
        }
    }
    // Circular 26/2014/TT-BCT Art. 19: district and provincial contests are paid from local
    // funds, regional and national contests from national funds. Checked where the line
    // states the level or the fund itself.
    if let (Some(level), Some(fund), true) = (
        keys.level,
        keys.fund,
        law && (line.level.is_some() || line.fund.is_some()),
    ) {
        use crate::product::TypicalProductLevel as L;
        let national_level = matches!(level, L::Regional | L::National);
        if national_level == fund.is_local() {
            out.push(
                ContestFundLevel {
                    level: ContestLevel(level),
                    payer: if national_level {
                        Wording("khuyến công quốc gia", "national")
                    } else {
                        Wording("khuyến công địa phương", "local")
                    },
                }
                .at(format!("{}/fund", path()))
                .confidence(crate::law::Confidence::Confirmed),
            );
        }
    }
    if line.parts.is_empty() {
        return;
    }
    let base = path();
    check_figures_against(
        out,
        &line.parts,
        line.parts_partial,
        line.support.as_ref(),
        line.total_investment.as_ref(),
        &line.counts,
        &line.outcomes,
        &base,
        &format!("{base}/parts"),
        Totals::LineParts,
        false,
    );
    for (j, p) in line.parts.iter().enumerate() {
        check_line(
            out,
            p,
            keys.of(p),
            Some(keys),
            Some(line.figures()),
            period,
            law,
            list,
            &|| format!("{base}/parts/{j}"),
        );
    }
}
