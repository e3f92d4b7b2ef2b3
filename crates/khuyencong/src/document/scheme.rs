//! Schemes (đề án khuyến công): one or more Art. 4 activities for named beneficiaries, with
//! their cost and funding — checked for eligibility, support limit and funding mix.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::common::{Counts, DecisionRef, Period, SchemaVersion};
use super::tag::SchemeTag;
use super::{CheckOptions, check_activity_in_period, check_coverage, check_fund_level_in_period};
use crate::activity::Activity;
use crate::applicant::ApplicantFacts;
use crate::eligibility::{Keep, Verdict, assess_with};
use crate::finding::{Finding, Severity};
use crate::funding::{SchemeFunding, check_funding};
use crate::support::{SupportContext, SupportVariant};

/// An extension scheme (đề án khuyến công, Decree 45/2012/NĐ-CP Art. 2.3): a project carrying out
/// one or more Art. 4 activities, with its beneficiaries, cost and funding. The approval date
/// decides the regime; schemes approved before 2025-10-15 stay under the 2012 text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Scheme / Đề án khuyến công")]
pub struct Scheme {
    /// Always "scheme". / Luôn là "scheme".
    pub kind: SchemeTag,
    /// The document format version (1). / Phiên bản định dạng (1).
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
    /// The activities (Decree 45/2012 Art. 4 sub-items); the first is the main one, whose
    /// support limit is checked. / Nội dung hoạt động; nội dung đầu tiên là nội dung chính.
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
    /// Planned outputs. / Kết quả dự kiến.
    #[serde(default, skip_serializing_if = "Counts::is_empty")]
    pub planned_outputs: Counts,
}

/// Facts that decide the support level besides the activity and cost.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
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
        for (i, activity) in self.activities.iter().enumerate() {
            let path = format!("/activities/{i}");
            check_activity_in_period(out, *activity, &day, &path);
            if !activity.is_leaf() {
                out.push(
                    Finding::new(
                        "scheme.activity_not_specific",
                        Severity::Warning,
                        path,
                        format!(
                            "`{}` là nhóm nội dung; đề án nên nêu nội dung cụ thể (ví dụ `{}`) để xác định mức hỗ trợ",
                            activity.code(),
                            first_child(*activity)
                        ),
                        format!(
                            "`{}` is a group; a scheme should name the specific item (e.g. `{}`) so the support level can be found",
                            activity.code(),
                            first_child(*activity)
                        ),
                    )
                    .cite(activity.citation()),
                );
            }
        }
        let Some(&main) = self.activities.first() else {
            return;
        };
        for (i, applicant) in self.beneficiaries.iter().enumerate() {
            let base = format!("/beneficiaries/{i}");
            let Ok(assessed) = assess_with(applicant, main, date, Keep::Problems) else {
                continue;
            };
            let assessed = assessed.prefixed(&base);
            let missing_facts = assessed.missing_facts;
            out.extend(assessed.findings);
            match assessed.verdict {
                Verdict::Eligible => {}
                Verdict::NotEligible => out.push(
                    Finding::new(
                        "scheme.beneficiary_not_eligible",
                        Severity::Error,
                        base,
                        format!("đối tượng thụ hưởng thứ {} không đủ điều kiện nhận hỗ trợ `{}`; xem các lỗi tại đường dẫn này", i + 1, main.code()),
                        format!("beneficiary no. {} is not eligible for `{}`; see the errors at its path", i + 1, main.code()),
                    )
                    .param("activity", main.code()),
                ),
                Verdict::Indeterminate => out.push(
                    Finding::new(
                        "scheme.beneficiary_indeterminate",
                        Severity::Warning,
                        base,
                        format!(
                            "chưa xác định được điều kiện của đối tượng thụ hưởng thứ {}: thiếu {}",
                            i + 1,
                            missing_facts.join(", ")
                        ),
                        format!(
                            "the eligibility of beneficiary no. {} cannot be decided: missing {}",
                            i + 1,
                            missing_facts.join(", ")
                        ),
                    )
                    .facts(missing_facts.clone())
                    .param("missing_facts", missing_facts),
                ),
            }
        }
        let mut ctx = SupportContext::new(self.funding.fund_level)
            .priority(self.support_terms.priority)
            .technology_line(self.support_terms.technology_line);
        if let Some(v) = self.support_terms.variant {
            ctx = ctx.variant(v);
        }
        if let Some(pack) = &options.provincial_pack {
            ctx = ctx.provincial_pack(pack);
        }
        out.extend(check_funding(&self.funding, main, &ctx, date, ""));
        if self.activities.len() > 1 {
            out.push(Finding::new(
                "scheme.limit_of_main_activity",
                Severity::Info,
                "/activities",
                format!(
                    "mức hỗ trợ tối đa được kiểm tra theo nội dung chính `{}`",
                    main.code()
                ),
                format!(
                    "the support limit is checked for the main activity `{}`",
                    main.code()
                ),
            ));
        }
        if self.declarations.counterpart_committed != Some(true) {
            out.push(
                Finding::new(
                    "scheme.counterpart_commitment_missing",
                    Severity::Warning,
                    "/declarations",
                    "thiếu cam kết của đối tượng thụ hưởng về đầu tư phần kinh phí còn lại của đề án",
                    "the beneficiaries' commitment to invest the rest of the scheme's cost is missing",
                )
                .cite(
                    crate::law::Citation::article(crate::law::InstrumentId::Ttlt26_2014, 7)
                        .clause(3),
                )
                .confidence(crate::law::Confidence::Secondary),
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
