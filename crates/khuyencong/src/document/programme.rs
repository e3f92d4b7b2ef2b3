//! Programmes (chương trình khuyến công): a province's — or the nation's — multi-year
//! extension programme: its objectives with numeric targets, its envelope by source and by
//! year, and its contents (Decree 45/2012/NĐ-CP Art. 2, 15, 16; the national programme
//! 2021–2025 was approved by Decision 1881/QĐ-TTg).
//!
//! A period report refers to the programme it reports on by the programme's `id`
//! (`programme_id`), or by the decision that approved it (`programme`, an instrument code
//! such as `qd_1881_2020_ttg`, matched against the programme's `instrument`); the
//! comparison of results with targets is [`crate::totals::progress`].

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::common::{Amount, Counts, DecisionRef, Outcomes, Period, SchemaVersion, Year};
use super::funding::FundingBreakdown;
use super::tag::ProgrammeTag;
use crate::activity::Activity;
use crate::fund::FundLevel;
use crate::industry::Industry;
use crate::law::InstrumentId;
use crate::product::{ProductGroup, TypicalProductLevel};

/// A multi-year extension programme: a province's (chương trình khuyến công địa phương) or
/// the nation's (chương trình khuyến công quốc gia).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Programme / Chương trình khuyến công")]
#[non_exhaustive]
pub struct Programme {
    /// Always "programme". / Luôn là "programme".
    pub kind: ProgrammeTag,
    /// The document format version (2). / Phiên bản định dạng (2).
    pub schema_version: SchemaVersion,
    /// An identifier unique within the submitting system; reports refer to it as their
    /// `programme_id`. / Mã định danh chương trình (báo cáo dẫn chiếu bằng `programme_id`).
    #[schemars(length(min = 1, max = 200))]
    #[serde(deserialize_with = "crate::document::common::text::<_, 1, 200>")]
    pub id: String,
    /// The title. / Tên chương trình.
    #[serde(
        default,
        deserialize_with = "crate::document::common::opt_text::<_, 0, 1000>",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(length(max = 1000))]
    pub title: Option<String>,
    /// The province or centrally-run city; absent for the national programme. / Tỉnh,
    /// thành phố; bỏ trống với chương trình quốc gia.
    #[serde(
        default,
        deserialize_with = "crate::document::common::opt_text::<_, 1, 100>",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(length(min = 1, max = 100))]
    pub province: Option<String>,
    /// The period, both ends included (e.g. 2021-01-01 … 2025-12-31). / Giai đoạn.
    pub period: Period,
    /// The approving decision as an instrument code, when the library knows it (e.g.
    /// `qd_1881_2020_ttg`); reports naming it as their `programme` are compared with this
    /// programme. / Mã quyết định phê duyệt.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instrument: Option<InstrumentId>,
    /// The approving decision: number, date, issuer. / Quyết định phê duyệt.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approval: Option<DecisionRef>,
    /// The programme's fund level (national for the national programme; the local level
    /// for a province's). / Cấp kinh phí.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fund_level: Option<FundLevel>,
    /// General objectives, as written. / Mục tiêu tổng quát.
    #[serde(
        default,
        deserialize_with = "crate::document::common::items::<_, _, 0, 100>",
        skip_serializing_if = "Vec::is_empty"
    )]
    #[schemars(length(max = 100))]
    pub objectives: Vec<Objective>,
    /// Numeric targets (mục tiêu cụ thể). / Mục tiêu cụ thể.
    #[serde(
        default,
        deserialize_with = "crate::document::common::items::<_, _, 0, 10_000>",
        skip_serializing_if = "Vec::is_empty"
    )]
    #[schemars(length(max = 10_000))]
    pub targets: Vec<Target>,
    /// The envelope by source, and by year where its lines (or their parts) carry a
    /// `year`. / Kinh phí theo nguồn và theo năm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub envelope: Option<FundingBreakdown>,
    /// The contents: the Art. 4 activities the programme carries out. / Nội dung chương trình.
    #[serde(
        default,
        deserialize_with = "crate::document::common::items::<_, _, 0, 1000>",
        skip_serializing_if = "Vec::is_empty"
    )]
    #[schemars(length(max = 1000))]
    pub contents: Vec<Content>,
}

/// A general objective, as written. / Mục tiêu tổng quát.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Objective {
    /// A key for the objective, unique within the programme (e.g. "1"). / Mã mục tiêu.
    #[serde(
        default,
        deserialize_with = "crate::document::common::opt_text::<_, 1, 100>",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(length(min = 1, max = 100))]
    pub id: Option<String>,
    /// The objective's text. / Nội dung mục tiêu.
    #[schemars(length(min = 1, max = 4000))]
    #[serde(deserialize_with = "crate::document::common::text::<_, 1, 4000>")]
    pub text: String,
}

/// One numeric target of a programme, keyed by what it counts (its counts, money or
/// outcomes: the *indicator*), the activity, fund, contest level, industry, product group
/// and year it is for. Without `year` and `each_year` it is a target for the whole period.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Target {
    /// A key for the target, unique within the programme (e.g. "1.2"); progress rows name
    /// targets by it (else by their position). / Mã mục tiêu.
    #[serde(
        default,
        deserialize_with = "crate::document::common::opt_text::<_, 1, 100>",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(length(min = 1, max = 100))]
    pub id: Option<String>,
    /// The key of the objective it serves. / Mục tiêu mà chỉ tiêu phục vụ.
    #[serde(
        default,
        deserialize_with = "crate::document::common::opt_text::<_, 1, 100>",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(length(min = 1, max = 100))]
    pub objective: Option<String>,
    /// The activity (a group or an item of Art. 4); absent for a target over every activity. / Nội dung.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activity: Option<Activity>,
    /// The fund level the target is for. / Nguồn kinh phí.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fund: Option<FundLevel>,
    /// The contest or certificate level, for typical products. / Cấp bình chọn.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<TypicalProductLevel>,
    /// The industry. / Ngành nghề.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub industry: Option<Industry>,
    /// The typical-product group. / Nhóm sản phẩm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_group: Option<ProductGroup>,
    /// The year the target is for, inside the period. / Năm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<Year>,
    /// The figures are for each year of the period ("8–12 đề án mỗi năm"). / Chỉ tiêu mỗi năm.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub each_year: bool,
    /// Targets that are counts (a range "8–12" where the text gives one). / Chỉ tiêu số lượng.
    #[serde(default, skip_serializing_if = "Counts::is_empty")]
    pub counts: Counts,
    /// A target of support, in đồng. / Chỉ tiêu kinh phí hỗ trợ.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub support: Option<Amount>,
    /// A target of investment, in đồng. / Chỉ tiêu vốn đầu tư.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_investment: Option<Amount>,
    /// Targets of outcomes: jobs, workers trained, growth. / Chỉ tiêu hiệu quả.
    #[serde(default, skip_serializing_if = "Outcomes::is_empty")]
    pub outcomes: Outcomes,
    /// The target as written. / Nguyên văn.
    #[serde(
        default,
        deserialize_with = "crate::document::common::opt_text::<_, 0, 2000>",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(length(max = 2000))]
    pub text: Option<String>,
}

/// One content of a programme. / Nội dung của chương trình.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Content {
    /// The activity (Art. 4). / Nội dung hoạt động.
    pub activity: Activity,
    /// What the programme does under it, as written. / Mô tả.
    #[serde(
        default,
        deserialize_with = "crate::document::common::opt_text::<_, 0, 4000>",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(length(max = 4000))]
    pub description: Option<String>,
}

use super::outcome::{Figures, check_counts, check_outcomes};
use super::reconcile::{Contradiction, Figure, Part, check_parts};

crate::finding::finding_kinds! {
    /// A target for the whole period its year targets contradict.
    YearTargetsMismatch {
        code: "programme.year_targets_mismatch",
        severity: Error,
        citation: None,
        meaning: (
            "Chỉ tiêu cả giai đoạn khác tổng các chỉ tiêu theo năm cùng loại (khi mọi năm đều có chỉ tiêu), hoặc riêng các năm có chỉ tiêu đã vượt nó.",
            "A target for the whole period differs from the sum of the same targets by year (when every year has one), or the years that have one already exceed it.",
        ),
        fix: (
            "Sửa chỉ tiêu cả giai đoạn hoặc theo năm.",
            "Correct the period target or the year targets.",
        ),
        params: { total: Contradiction },
        message: ("{total}", "{total}"),
    }
}
use super::{check_activity_in_period, check_coverage, check_fund_level_in_period};
use crate::finding::Finding;

impl Target {
    /// The years of the period a target is for: its year, every year, or none (the whole
    /// period).
    pub fn is_for_whole_period(&self) -> bool {
        self.year.is_none() && !self.each_year
    }

    fn same_keys(&self, other: &Self) -> bool {
        self.activity == other.activity
            && self.fund == other.fund
            && self.level == other.level
            && self.industry == other.industry
            && self.product_group == other.product_group
    }
}

impl Programme {
    /// Whether it is the national programme (no province).
    pub fn is_national(&self) -> bool {
        self.province.is_none()
    }

    /// The calendar years of the period.
    pub fn years(&self) -> std::ops::RangeInclusive<i32> {
        use chrono::Datelike;
        self.period.from.year()..=self.period.to.year()
    }

    /// Every finding about this programme, in no particular order (the caller sorts).
    pub(crate) fn check(&self, out: &mut Vec<Finding>) {
        if !check_coverage(out, &self.period, "/period") {
            return;
        }
        if let Some(level) = self.fund_level {
            check_fund_level_in_period(out, level, &self.period, "/fund_level");
        }
        for (i, c) in self.contents.iter().enumerate() {
            check_activity_in_period(
                out,
                c.activity,
                &self.period,
                &format!("/contents/{i}/activity"),
            );
        }
        for (i, t) in self.targets.iter().enumerate() {
            let path = format!("/targets/{i}");
            if let Some(a) = t.activity {
                check_activity_in_period(out, a, &self.period, &format!("{path}/activity"));
            }
            if let Some(f) = t.fund {
                check_fund_level_in_period(out, f, &self.period, &format!("{path}/fund"));
            }
            if let Some(y) = t.year {
                super::check_year_in_period(out, y, &self.period, &format!("{path}/year"));
                if t.each_year {
                    out.push(
                        super::kinds::TargetYearAndEachYear { year: y.get() }
                            .at(format!("{path}/each_year")),
                    );
                }
            }
            check_counts(out, &t.counts, &|| format!("{path}/counts"));
            super::check_amount_text(out, t.support.as_ref(), &|| format!("{path}/support"));
            super::check_amount_text(out, t.total_investment.as_ref(), &|| {
                format!("{path}/total_investment")
            });
            check_outcomes(
                out,
                &t.outcomes,
                Figures {
                    support: t.support.as_ref().map(Figure::from),
                    investment: t.total_investment.as_ref().map(Figure::from),
                    counts: &t.counts,
                },
                None,
                &path,
            );
        }
        self.check_year_targets(out);
        if let Some(envelope) = &self.envelope {
            super::funding::check_breakdown(out, envelope, "/envelope", Some(&self.period));
        }
    }

    /// A target for the whole period against the targets of the same keys by year (or for
    /// each year, counted once per year of the period): the year targets are its parts —
    /// some years missing make them a lower bound — by the one rule of the reconciliation.
    fn check_year_targets(&self, out: &mut Vec<Finding>) {
        let years = u64::try_from(self.years().count()).unwrap_or(0);
        for (i, whole) in self.targets.iter().enumerate() {
            if !whole.is_for_whole_period() {
                continue;
            }
            let by_year: Vec<&Target> = self
                .targets
                .iter()
                .filter(|t| !t.is_for_whole_period() && t.same_keys(whole))
                .collect();
            if by_year.is_empty() {
                continue;
            }
            let each_year = by_year.iter().any(|t| t.each_year);
            let named: std::collections::BTreeSet<i32> = by_year
                .iter()
                .filter_map(|t| t.year.map(Year::get))
                .collect();
            // The years no target names are unknown parts (unless a target is for each year).
            let missing = if each_year {
                0
            } else {
                self.years().filter(|y| !named.contains(y)).count()
            };
            let scale = |f: Figure, t: &Target| {
                if t.each_year {
                    Figure {
                        value: f.value.saturating_mul(years),
                        upper: f.upper.map(|u| u.saturating_mul(years)),
                        ..f
                    }
                } else {
                    f
                }
            };
            let mut check = |name: String,
                             stated: Figure,
                             get: &dyn Fn(&Target) -> Option<Figure>,
                             money: bool| {
                // Only a figure some year target states is broken down by year.
                if by_year.iter().all(|t| get(t).is_none()) {
                    return;
                }
                let parts: Vec<Part> = by_year
                    .iter()
                    .map(|t| Part {
                        figure: get(t).map(|f| scale(f, t)),
                        rest: false,
                    })
                    .chain((0..missing).map(|_| Part {
                        figure: None,
                        rest: false,
                    }))
                    .collect();
                check_parts(
                    out,
                    |total, path| YearTargetsMismatch { total }.at(path),
                    format!("/targets/{i}/{name}"),
                    (
                        "Chỉ tiêu cả giai đoạn so với các chỉ tiêu theo năm",
                        "The target for the whole period against the targets by year",
                    ),
                    stated,
                    &parts,
                    false,
                    money,
                    &|_| String::new(),
                );
            };
            for (kind, c) in whole.counts.iter() {
                check(
                    format!("counts/{kind}"),
                    c.into(),
                    &|t: &Target| t.counts.get(kind).map(Figure::from),
                    false,
                );
            }
            if let Some(s) = &whole.support {
                check(
                    "support".to_owned(),
                    s.into(),
                    &|t: &Target| t.support.as_ref().map(Figure::from),
                    true,
                );
            }
            if let Some(s) = &whole.total_investment {
                check(
                    "total_investment".to_owned(),
                    s.into(),
                    &|t: &Target| t.total_investment.as_ref().map(Figure::from),
                    true,
                );
            }
        }
    }
}
