//! Schemes (đề án khuyến công): one or more Art. 4 activities for named beneficiaries, with
//! their cost and funding — checked for eligibility, support limit and funding mix.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use std::num::NonZeroU64;

use super::common::{Count, Counts, DecisionRef, Exactness, Period, SchemaVersion};
use super::kinds::Dong;
use super::reconcile::{Contradiction, Figure, Parts, check_total};
use super::tag::SchemeTag;
use super::{CheckOptions, check_activity_in_period, check_coverage, check_fund_level_in_period};
use crate::activity::Activity;
use crate::applicant::ApplicantFacts;
use crate::eligibility::{Keep, Verdict, assess_with};
use crate::finding::{Finding, Unlisted, finding_kinds};
use crate::funding::{
    Content, EXTENSION_SUPPORT, SchemeFunding, Units, check_funding_with, check_limit,
    extension_support, unit_of,
};
use crate::money::Vnd;
use crate::support::{CapUnit, SupportContext, SupportVariant};

finding_kinds! {
    /// A scheme naming a group of Art. 4 instead of an item.
    ActivityNotSpecific {
        code: "scheme.activity_not_specific",
        severity: Warning,
        citation: None,
        meaning: (
            "Đề án nêu một nhóm nội dung thay vì nội dung cụ thể.",
            "A scheme names an Art. 4 group instead of a specific item.",
        ),
        fix: (
            "Nêu nội dung cụ thể (ví dụ `advanced_machinery_technology_transfer` thay vì `technology`).",
            "Name the specific item (e.g. `advanced_machinery_technology_transfer` rather than `technology`).",
        ),
        params: { group: Unlisted<Activity>, item: Unlisted<&'static str> },
        message: (
            "`{group}` là nhóm nội dung; đề án nên nêu nội dung cụ thể (ví dụ `{item}`) để xác định mức hỗ trợ",
            "`{group}` is a group; a scheme should name the specific item (e.g. `{item}`) so the support level can be found",
        ),
    }

    /// A beneficiary not eligible for the scheme's main activity.
    BeneficiaryNotEligible {
        code: "scheme.beneficiary_not_eligible",
        severity: Error,
        citation: None,
        meaning: (
            "Một đối tượng thụ hưởng không đủ điều kiện cho nội dung chính của đề án; các lỗi điều kiện nêu lý do.",
            "A beneficiary is not eligible for the scheme's main activity; the eligibility errors say why.",
        ),
        fix: (
            "Thay đối tượng, nội dung hoặc sửa thông tin.",
            "Change the beneficiary or the activity, or correct the facts.",
        ),
        params: { number: Unlisted<usize>, activity: Activity },
        message: (
            "đối tượng thụ hưởng thứ {number} không đủ điều kiện nhận hỗ trợ `{activity}`; xem các lỗi tại đường dẫn này",
            "beneficiary no. {number} is not eligible for `{activity}`; see the errors at its path",
        ),
    }

    /// A beneficiary whose eligibility needs facts.
    BeneficiaryIndeterminate {
        code: "scheme.beneficiary_indeterminate",
        severity: Warning,
        citation: None,
        meaning: (
            "Chưa xác định được điều kiện của một đối tượng thụ hưởng vì thiếu thông tin.",
            "A beneficiary's eligibility cannot be decided: facts are missing.",
        ),
        fix: ("Bổ sung các thông tin được liệt kê.", "Supply the facts listed."),
        params: { number: Unlisted<usize>, missing_facts: Vec<String> },
        message: (
            "chưa xác định được điều kiện của đối tượng thụ hưởng thứ {number}: thiếu {missing_facts}",
            "the eligibility of beneficiary no. {number} cannot be decided: missing {missing_facts}",
        ),
    }

    /// Several contents, the support not split.
    SupportSplitMissing {
        code: "scheme.support_split_missing",
        severity: Warning,
        citation: None,
        meaning: (
            "Đề án có nhiều nội dung nhưng không chia kinh phí hỗ trợ theo nội dung: mức hỗ trợ tối đa được kiểm tra theo tổng mức tối đa của các nội dung (mỗi nội dung tính trên toàn bộ chi phí được hỗ trợ).",
            "A scheme with several contents does not split its support by content: the support is checked against the sum of the contents' limits (each on the whole eligible cost).",
        ),
        fix: (
            "Chia kinh phí hỗ trợ theo nội dung (`support_split`) để kiểm tra từng nội dung.",
            "Split the support by content (`support_split`) so that each content is checked.",
        ),
        params: { count: Unlisted<usize>, activities: Vec<String> },
        message: (
            "đề án có {count} nội dung ({activities}) nhưng không chia kinh phí hỗ trợ theo nội dung: mức hỗ trợ tối đa được kiểm tra theo tổng mức tối đa của các nội dung",
            "the scheme has {count} contents ({activities}) but does not split its support by content: the support is checked against the sum of the contents' limits",
        ),
    }

    /// A split line naming an activity the scheme does not list.
    SplitActivityNotListed {
        code: "scheme.split_activity_not_listed",
        severity: Error,
        citation: None,
        meaning: (
            "Một dòng chia kinh phí nêu nội dung không có trong danh sách nội dung của đề án.",
            "A line of the support split names an activity that is not one of the scheme's activities.",
        ),
        fix: (
            "Sửa nội dung của dòng hoặc bổ sung vào `activities`.",
            "Correct the line's activity or add it to `activities`.",
        ),
        params: { activity: Activity },
        message: (
            "nội dung `{activity}` không có trong danh sách nội dung của đề án",
            "`{activity}` is not one of the scheme's activities",
        ),
    }

    /// The split support its scheme's extension support contradicts.
    SplitTotalMismatch {
        code: "scheme.split_total_mismatch",
        severity: Error,
        citation: None,
        meaning: (
            "Kinh phí hỗ trợ chia theo nội dung khác kinh phí khuyến công của đề án (khi mọi dòng đều nêu số tiền), hoặc riêng các dòng có nêu đã vượt kinh phí đó.",
            "The support split by content differs from the scheme's extension support (when every line states its support), or the lines that state one already exceed it.",
        ),
        fix: (
            "Sửa các dòng chia kinh phí hoặc các nguồn kinh phí.",
            "Correct the split or the funding lines.",
        ),
        params: { total: Contradiction },
        message: ("{total}", "{total}"),
    }

    /// The contents' eligible costs above the scheme's.
    SplitEligibleExceeds {
        code: "scheme.split_eligible_exceeds",
        severity: Error,
        citation: None,
        meaning: (
            "Chi phí được hỗ trợ của các nội dung cộng lại lớn hơn chi phí được hỗ trợ của đề án.",
            "The contents' eligible costs add up to more than the scheme's eligible cost.",
        ),
        fix: (
            "Sửa chi phí của các nội dung hoặc của đề án.",
            "Correct the contents' or the scheme's eligible cost.",
        ),
        params: { split_eligible_cost_vnd: Dong, eligible_cost_vnd: Dong },
        message: (
            "chi phí được hỗ trợ của các nội dung cộng lại {split_eligible_cost_vnd}, lớn hơn chi phí được hỗ trợ của đề án {eligible_cost_vnd}",
            "the contents' eligible costs add up to {split_eligible_cost_vnd}, more than the scheme's eligible cost {eligible_cost_vnd}",
        ),
    }

    /// The commitment to invest the rest of the cost is missing.
    CounterpartCommitmentMissing {
        code: "scheme.counterpart_commitment_missing",
        severity: Warning,
        citation: Some(crate::law::Citation::article(crate::law::InstrumentId::Ttlt26_2014, 7).clause(3)),
        meaning: (
            "Thiếu cam kết đầu tư phần kinh phí còn lại (điều kiện hỗ trợ).",
            "The commitment to invest the rest of the cost (a condition of support) is missing.",
        ),
        fix: (
            "Ghi `declarations.counterpart_committed: true` khi đã có cam kết.",
            "Set `declarations.counterpart_committed: true` once committed.",
        ),
        params: {},
        message: (
            "thiếu cam kết của đối tượng thụ hưởng về đầu tư phần kinh phí còn lại của đề án",
            "the beneficiaries' commitment to invest the rest of the scheme's cost is missing",
        ),
    }
}

/// An extension scheme (đề án khuyến công, Decree 45/2012/NĐ-CP Art. 2.3): a project carrying out
/// one or more Art. 4 activities, with its beneficiaries, cost and funding. The approval date
/// decides the regime; schemes approved before 2025-10-15 stay under the 2012 text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Scheme / Đề án khuyến công")]
#[non_exhaustive]
pub struct Scheme {
    /// Always "scheme". / Luôn là "scheme".
    pub kind: SchemeTag,
    /// The document format version (2; 1 is read as 2). / Phiên bản định dạng (2).
    pub schema_version: SchemaVersion,
    /// An identifier unique within the submitting system. / Mã đề án.
    #[schemars(length(min = 1, max = 200))]
    #[serde(deserialize_with = "crate::document::common::text::<_, 1, 200>")]
    pub id: String,
    /// The title. / Tên đề án.
    #[schemars(length(min = 1, max = 1000))]
    #[serde(deserialize_with = "crate::document::common::text::<_, 1, 1000>")]
    pub title: String,
    /// The province or centrally-run city where it is carried out. / Tỉnh, thành phố thực hiện.
    #[serde(
        default,
        deserialize_with = "crate::document::common::opt_text::<_, 1, 100>",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(length(min = 1, max = 100))]
    pub province: Option<String>,
    /// The approving decision: number, date (it decides the regime) and authority (the Ministry of
    /// Industry and Trade for national schemes; the provincial, district or commune People's
    /// Committee for local ones). / Quyết định phê duyệt: số, ngày (xác định chế độ áp dụng), cơ quan.
    pub approval: DecisionRef,
    /// The decision that approved the programme the scheme belongs to (e.g.
    /// `qd_1881_2020_ttg` for the national programme 2021–2025), when the scheme names it.
    /// / Quyết định phê duyệt chương trình mà đề án thuộc về.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub programme: Option<crate::law::InstrumentId>,
    /// The `id` of the programme document the scheme belongs to, when the submitting
    /// system knows it. / Mã văn bản chương trình mà đề án thuộc về.
    #[serde(
        default,
        deserialize_with = "crate::document::common::opt_text::<_, 1, 200>",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(length(min = 1, max = 200))]
    pub programme_id: Option<String>,
    /// The activities (Decree 45/2012 Art. 4 sub-items); the first is the main one, for which
    /// the beneficiaries' eligibility is assessed. The support is held to the sum of every
    /// activity's limit, or to each one's own with `support_split`. / Nội dung hoạt động; nội
    /// dung đầu tiên là nội dung chính.
    #[schemars(length(min = 1, max = 20))]
    #[serde(deserialize_with = "crate::document::common::items::<_, _, 1, 20>")]
    pub activities: Vec<Activity>,
    /// The beneficiaries' facts, each assessed for eligibility. / Đối tượng thụ hưởng.
    #[serde(
        default,
        deserialize_with = "crate::document::common::items::<_, _, 0, 1000>",
        skip_serializing_if = "Vec::is_empty"
    )]
    #[schemars(length(max = 1000))]
    pub beneficiaries: Vec<ApplicantFacts>,
    /// Cost, fund level and funding lines. / Kinh phí và nguồn kinh phí.
    pub funding: SchemeFunding,
    /// What decides the support level besides the activity. / Các yếu tố xác định mức hỗ trợ.
    #[serde(default, skip_serializing_if = "SupportTerms::is_default")]
    pub support_terms: SupportTerms,
    /// The beneficiaries' declarations. / Cam kết của đối tượng thụ hưởng.
    #[serde(default, skip_serializing_if = "Declarations::is_default")]
    pub declarations: Declarations,
    /// Planned outputs; they also give the number of units (establishments, models,
    /// rounds…) the per-unit support levels apply to. / Kết quả dự kiến (cũng là số đơn vị
    /// được hỗ trợ).
    #[serde(default, skip_serializing_if = "Counts::is_empty")]
    pub planned_outputs: Counts,
    /// The extension support split by content, where the scheme gives it: each content is
    /// checked against its own limit (per unit). Without a split, a scheme with several
    /// contents is held to the sum of their limits. / Kinh phí hỗ trợ chia theo nội dung.
    #[serde(
        default,
        deserialize_with = "crate::document::common::items::<_, _, 0, 1000>",
        skip_serializing_if = "Vec::is_empty"
    )]
    #[schemars(length(max = 1000))]
    pub support_split: Vec<SupportShare>,
}

/// The extension support of one content of a scheme (e.g. machinery for six establishments,
/// or one establishment's machinery when per-unit costs are given).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct SupportShare {
    /// The activity, one of the scheme's `activities`. / Nội dung hoạt động.
    pub activity: Activity,
    /// The item, where the activity has several levels. / Hạng mục hỗ trợ cụ thể.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variant: Option<SupportVariant>,
    /// A whole technology line is supported (Circular 28/2018 Art. 8.4). / Hỗ trợ cả dây chuyền công nghệ.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub technology_line: bool,
    /// How many units (establishments, models, rounds… — the unit of the level) this content
    /// supports; the cap applies once per unit. When absent, the planned outputs or the
    /// beneficiaries listed give it. / Số đơn vị được hỗ trợ.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub units: Option<Count>,
    /// The beneficiary this line supports, by its position in `beneficiaries` from 0 (as in
    /// a JSON Pointer): the line is then one unit (one establishment) of its content, held
    /// to the per-unit limit; several lines of one content for one beneficiary are held to it
    /// together. / Đối tượng thụ hưởng của dòng (vị trí trong `beneficiaries`, từ 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub beneficiary_index: Option<u32>,
    /// The eligible cost of this content, in đồng; when absent, the scheme's eligible cost
    /// bounds it. / Chi phí được hỗ trợ của nội dung.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eligible_cost: Option<Vnd>,
    /// The extension support for this content, in đồng; absent when not stated (unknown,
    /// never zero). / Kinh phí khuyến công hỗ trợ cho nội dung.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub support: Option<Vnd>,
    /// A label as the document words it. / Tên gọi trong văn bản.
    #[serde(
        default,
        deserialize_with = "crate::document::common::opt_text::<_, 0, 300>",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(length(max = 300))]
    pub label: Option<String>,
}

/// Facts that decide the support level besides the activity and cost.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct SupportTerms {
    /// Approved as a priority scheme (Decree 45/2012 Art. 6) for a higher level. / Đề án ưu tiên.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub priority: bool,
    /// A whole technology line is supported (Circular 28/2018 Art. 8.4). / Hỗ trợ cả dây chuyền công nghệ.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub technology_line: bool,
    /// Which item where the activity has several levels. / Hạng mục hỗ trợ cụ thể.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variant: Option<SupportVariant>,
}

/// The beneficiaries' declarations.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Declarations {
    /// The beneficiaries have invested, or committed to invest, the rest of the cost (Joint
    /// Circular 26/2014 Art. 7.3). / Cam kết đầu tư phần kinh phí còn lại.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counterpart_committed: Option<bool>,
}

impl SupportTerms {
    /// Whether nothing is set (left out of the JSON form).
    pub fn is_default(&self) -> bool {
        *self == Self::default()
    }
}

impl Declarations {
    /// Whether nothing is declared (left out of the JSON form).
    pub fn is_default(&self) -> bool {
        *self == Self::default()
    }
}

impl Scheme {
    /// The words kept with the scheme's amounts against their numbers.
    fn check_amount_texts(&self, out: &mut Vec<Finding>) {
        let f = &self.funding;
        super::check_amount_text(out, Some(&f.total_cost), &|| {
            "/funding/total_cost".to_owned()
        });
        super::check_amount_text(out, Some(&f.eligible_cost), &|| {
            "/funding/eligible_cost".to_owned()
        });
        for (i, line) in f.lines.iter().enumerate() {
            super::check_amount_text(out, Some(&line.amount), &|| {
                format!("/funding/lines/{i}/amount")
            });
        }
    }

    pub(crate) fn check(&self, out: &mut Vec<Finding>, options: &CheckOptions) {
        let date = self.approval.date;
        let day = Period {
            from: date,
            to: date,
        };
        if !check_coverage(out, &day, "/approval/date") {
            return;
        }
        check_fund_level_in_period(out, self.funding.fund_level, &day, "/funding/fund_level");
        self.check_amount_texts(out);
        for (i, activity) in self.activities.iter().enumerate() {
            let path = format!("/activities/{i}");
            check_activity_in_period(out, *activity, &day, &path);
            if !activity.is_leaf() {
                out.push(
                    ActivityNotSpecific {
                        group: Unlisted(*activity),
                        item: Unlisted(first_child(*activity)),
                    }
                    .at(path)
                    .cite(activity.citation()),
                );
            }
        }
        let Some(&main) = self.activities.first() else {
            return;
        };
        let mut eligible_listed = 0u64;
        let mut verdicts = Vec::with_capacity(self.beneficiaries.len());
        for (i, applicant) in self.beneficiaries.iter().enumerate() {
            // The beneficiary's path is built only when something is said about it.
            let base = || format!("/beneficiaries/{i}");
            let Ok(assessed) = assess_with(applicant, main, date, Keep::Problems) else {
                verdicts.push(None);
                continue;
            };
            let assessed = if assessed.findings.is_empty() && assessed.missing_facts.is_empty() {
                assessed
            } else {
                assessed.prefixed(&base())
            };
            let missing_facts = assessed.missing_facts;
            let verdict = assessed.verdict;
            verdicts.push(Some(verdict));
            out.extend(assessed.findings);
            // A beneficiary not found ineligible may be supported: it counts as a unit.
            eligible_listed += u64::from(verdict != Verdict::NotEligible);
            match verdict {
                Verdict::Eligible => {}
                Verdict::NotEligible => out.push(
                    BeneficiaryNotEligible {
                        number: Unlisted(i + 1),
                        activity: main,
                    }
                    .at(base()),
                ),
                Verdict::Indeterminate => out.push(
                    BeneficiaryIndeterminate {
                        number: Unlisted(i + 1),
                        missing_facts: missing_facts.clone(),
                    }
                    .at(base())
                    .facts(missing_facts),
                ),
            }
        }
        let mut ctx = SupportContext::new(self.funding.fund_level)
            .priority(self.support_terms.priority)
            .technology_line(self.support_terms.technology_line);
        if let Some(pack) = &options.provincial_pack {
            ctx = ctx.provincial_pack(pack);
        }
        if self.support_split.is_empty() {
            // The variant names the item of the activity it belongs to; one that belongs to
            // none of them stays on the main activity, where it is reported.
            let variant = self.support_terms.variant;
            let owner = variant
                .and_then(|v| self.activities.iter().position(|a| v.activity() == *a))
                .unwrap_or(0);
            let contents: Vec<Content> = self
                .activities
                .iter()
                .enumerate()
                .map(|(i, &activity)| {
                    let variant = if i == owner { variant } else { None };
                    Content {
                        activity,
                        variant,
                        technology_line: self.support_terms.technology_line,
                        eligible_cost: self.funding.eligible_cost.vnd,
                        units: self.units_of(activity, variant, None, eligible_listed, &ctx),
                    }
                })
                .collect();
            out.extend(check_funding_with(
                &self.funding,
                Some(&contents),
                &ctx,
                date,
                "",
            ));
            if self.activities.len() > 1 {
                out.push(
                    SupportSplitMissing {
                        count: Unlisted(self.activities.len()),
                        activities: self
                            .activities
                            .iter()
                            .map(|a| a.code().to_owned())
                            .collect(),
                    }
                    .at("/activities"),
                );
            }
        } else {
            out.extend(check_funding_with(&self.funding, None, &ctx, date, ""));
            self.check_split(out, &ctx, eligible_listed, &verdicts);
        }
        if self.declarations.counterpart_committed != Some(true) {
            out.push(
                CounterpartCommitmentMissing {}
                    .at("/declarations")
                    .confidence(crate::law::Confidence::Secondary),
            );
        }
    }
}

impl Scheme {
    /// How many units of its level a content supports: the content's own `units`; else one
    /// for a level per scheme or per year; else the planned outputs of the unit's kind and,
    /// for a level per establishment or enterprise, the beneficiaries listed and not found
    /// ineligible (the larger of the two, so that a partial list never lowers the limit below
    /// the plan). A count stated as a bound or an approximation, or no count, is a lower
    /// bound: the cap is then applied for certain only to the units known.
    fn units_of(
        &self,
        activity: Activity,
        variant: Option<SupportVariant>,
        stated: Option<&Count>,
        eligible_listed: u64,
        ctx: &SupportContext<'_>,
    ) -> Units {
        let from_count = |c: &Count, floor: u64| {
            let n = NonZeroU64::new(c.value.max(floor)).unwrap_or(NonZeroU64::MIN);
            if c.is_exact() && c.value > 0 {
                Units::Known(n)
            } else {
                Units::AtLeast(n)
            }
        };
        if let Some(c) = stated {
            return from_count(c, 0);
        }
        let mut ctx = *ctx;
        ctx.variant = variant;
        let Some(unit) = unit_of(activity, &ctx, self.approval.date) else {
            return Units::AtLeast(NonZeroU64::MIN);
        };
        if unit.is_whole() {
            return Units::Known(NonZeroU64::MIN);
        }
        let listed = if matches!(unit, CapUnit::PerEstablishment | CapUnit::PerEnterprise) {
            eligible_listed
        } else {
            0
        };
        match self.planned_outputs.for_unit(unit) {
            Some(c) => from_count(c, listed),
            None => NonZeroU64::new(listed).map_or(Units::AtLeast(NonZeroU64::MIN), Units::Known),
        }
    }

    /// Checks a support split by content: each content against its own limit, the split
    /// against the scheme's extension support, the contents' eligible costs against the
    /// scheme's.
    fn check_split(
        &self,
        out: &mut Vec<Finding>,
        ctx: &SupportContext<'_>,
        eligible_listed: u64,
        verdicts: &[Option<Verdict>],
    ) {
        let date = self.approval.date;
        let level = self.funding.fund_level;
        let ctx = SupportContext {
            fund: level,
            ..*ctx
        };
        let uncertain = crate::funding::limit_uncertain(&self.funding);
        // Lines of one content for one beneficiary share its per-unit limit: the first of
        // them is checked with the support and eligible cost of all of them.
        let mut grouped: std::collections::HashMap<(Activity, Option<SupportVariant>, u32), usize> =
            std::collections::HashMap::new();
        let mut merged: Vec<Option<(Vnd, Option<Vnd>)>> = vec![None; self.support_split.len()];
        for (i, share) in self.support_split.iter().enumerate() {
            let Some(b) = share.beneficiary_index else {
                continue;
            };
            match grouped.entry((share.activity, share.variant, b)) {
                std::collections::hash_map::Entry::Vacant(v) => {
                    v.insert(i);
                }
                std::collections::hash_map::Entry::Occupied(o) => {
                    let first = *o.get();
                    let (support, eligible) = merged[first].unwrap_or((
                        self.support_split[first].support.unwrap_or(Vnd::ZERO),
                        self.support_split[first].eligible_cost,
                    ));
                    merged[first] = Some((
                        support
                            .checked_add(share.support.unwrap_or(Vnd::ZERO))
                            .unwrap_or(support),
                        eligible
                            .zip(share.eligible_cost)
                            .and_then(|(a, b)| a.checked_add(b).ok()),
                    ));
                    // Checked with the first line.
                    merged[i] = Some((Vnd::ZERO, None));
                }
            }
        }
        let mut unstated = Vec::new();
        for (i, share) in self.support_split.iter().enumerate() {
            if !self.activities.contains(&share.activity) {
                out.push(
                    SplitActivityNotListed {
                        activity: share.activity,
                    }
                    .at(format!("/support_split/{i}/activity")),
                );
                continue;
            }
            let mut units = share.units.as_ref();
            let one = Count::exact(1);
            if let Some(b) = share.beneficiary_index {
                let index = usize::try_from(b).unwrap_or(usize::MAX);
                match verdicts.get(index) {
                    None => {
                        out.push(
                            super::kinds::SplitBeneficiaryUnknown {
                                beneficiary_index: b,
                                beneficiaries: self.beneficiaries.len(),
                            }
                            .at(format!("/support_split/{i}/beneficiary_index")),
                        );
                        continue;
                    }
                    Some(Some(Verdict::NotEligible))
                        if share.support.is_some_and(|s| s > Vnd::ZERO) =>
                    {
                        out.push(
                            super::kinds::SplitBeneficiaryNotEligible {
                                beneficiary_index: b,
                                number: index + 1,
                            }
                            .at(format!("/support_split/{i}/support")),
                        );
                    }
                    _ => {}
                }
                match share.units.as_ref() {
                    Some(c) if !(c.is_exact() && c.value == 1) => {
                        out.push(
                            super::kinds::SplitBeneficiaryUnits {
                                beneficiary_index: b,
                            }
                            .at(format!("/support_split/{i}/units")),
                        );
                        continue;
                    }
                    _ => units = Some(&one),
                }
            }
            let (support, eligible) = match merged[i] {
                // A later line of a beneficiary's content: checked with the first.
                Some((_, _))
                    if grouped.get(&(
                        share.activity,
                        share.variant,
                        share.beneficiary_index.unwrap_or(u32::MAX),
                    )) != Some(&i) =>
                {
                    continue;
                }
                Some((support, eligible)) => (Some(support), eligible),
                None => (share.support, share.eligible_cost),
            };
            let content = Content {
                activity: share.activity,
                variant: share.variant,
                technology_line: share.technology_line,
                eligible_cost: eligible.unwrap_or(self.funding.eligible_cost.vnd),
                units: self.units_of(share.activity, share.variant, units, eligible_listed, &ctx),
            };
            match support {
                Some(support) => check_limit(
                    out,
                    &[content],
                    support,
                    &ctx,
                    date,
                    &|| format!("/support_split/{i}/support"),
                    EXTENSION_SUPPORT,
                    uncertain,
                ),
                None => unstated.push(content),
            }
        }
        let Ok(extension) = extension_support(&self.funding) else {
            return;
        };
        let parts = Parts::of(
            self.support_split
                .iter()
                .map(|s| s.support.map(|v| Figure::exact(v.get()))),
        );
        let Some(parts) = parts else {
            out.push(super::report::overflow_finding("/support_split"));
            return;
        };
        check_total(
            out,
            |total, path| SplitTotalMismatch { total }.at(path),
            "/support_split".to_owned(),
            (
                "Kinh phí khuyến công của đề án",
                "The scheme's extension support",
            ),
            Figure::new(
                extension.get(),
                self.funding.exactness_of(|s| {
                    s.fund_level()
                        .is_some_and(|l| l.is_local() == level.is_local())
                }),
            ),
            parts,
            true,
        );
        // The contents that state no support share what the others leave.
        if !unstated.is_empty()
            && let Ok(rest) = extension.checked_sub(Vnd::new(parts.sum.value).unwrap_or(extension))
        {
            check_limit(
                out,
                &unstated,
                rest,
                &ctx,
                date,
                &|| "/support_split".to_owned(),
                (
                    "Phần kinh phí khuyến công còn lại cho các nội dung không nêu số tiền",
                    "The extension support left for the contents that state none",
                ),
                uncertain,
            );
        }
        let stated_eligible: u64 = self
            .support_split
            .iter()
            .filter_map(|s| s.eligible_cost)
            .map(Vnd::get)
            .fold(0, u64::saturating_add);
        if stated_eligible > self.funding.eligible_cost.vnd.get()
            && self.funding.eligible_cost.exactness == Exactness::Exact
        {
            out.push(
                SplitEligibleExceeds {
                    split_eligible_cost_vnd: Dong(stated_eligible),
                    eligible_cost_vnd: Dong(self.funding.eligible_cost.vnd.get()),
                }
                .at("/support_split"),
            );
        }
    }
}

fn first_child(group: Activity) -> &'static str {
    Activity::ALL
        .iter()
        .find(|a| a.parent() == Some(group))
        .map_or(group.code(), |a| a.code())
}

use crate::Codelist;
