//! Funding sources and fund levels (Decree 45/2012 Art. 11–14; finance circulars).
//!
//! | rule | article | confidence |
//! |---|---|---|
//! | funding mix: sources add up, counterpart covers the rest, no other state funding, fund levels | Decree 45/2012 Art. 11–13; TTLT 26/2014 Art. 7.3–7.4 | confirmed / historical / secondary per window |

use crate::codelist::{codelist, regimes::*};
use crate::law::{Citation, InstrumentId, Point, ymd};

const D45: chrono::NaiveDate = ymd(2012, 7, 5);
const fn nd45(article: u16, clause: u16) -> Citation {
    Citation::article(InstrumentId::Nd45_2012, article).clause(clause)
}

codelist! {
    /// The level of an extension fund: national (kinh phí khuyến công quốc gia, managed by
    /// the Ministry of Industry and Trade) or local (kinh phí khuyến công địa phương, managed by
    /// the People's Committee of a province, district or commune), Decree 45/2012/NĐ-CP Art. 11.
    /// From 2025-10-15 Art. 11.2 as amended by Decree 235/2025 names the province and the
    /// commune only (quoted by the Government's policy portal: `secondary`).
    pub enum FundLevel: "fund_levels" {
        /// National extension funds (Art. 11.1, Art. 12).
        National = ("national", "Kinh phí khuyến công quốc gia", "National extension funds",
            nd45(11, 1), D45, None, BOTH),
        /// Local extension funds of a province or centrally-run city (Art. 11.2, Art. 13).
        Provincial = ("provincial", "Kinh phí khuyến công địa phương cấp tỉnh", "Local extension funds, provincial level",
            nd45(11, 2), D45, None, BOTH_2025_SECONDARY,
            "from 2025-10-15 Art. 11.2 as amended by Decree 235/2025: managed by the People's Committee of the province or of the commune"),
        /// Local extension funds of a district (until the district level was abolished).
        District = ("district", "Kinh phí khuyến công địa phương cấp huyện", "Local extension funds, district level",
            nd45(11, 2), D45, Some(ymd(2025, 6, 30)), ONLY_2012,
            "districts were abolished on 2025-07-01; Art. 11.2 as amended by Decree 235/2025 (from 2025-10-15) names no district level"),
        /// Local extension funds of a commune.
        Commune = ("commune", "Kinh phí khuyến công địa phương cấp xã", "Local extension funds, commune level",
            nd45(11, 2), D45, None, BOTH_2025_SECONDARY,
            "from 2025-10-15 Art. 11.2 as amended by Decree 235/2025: managed by the People's Committee of the province or of the commune"),
        /// Local extension funds whose level the document does not state ("kinh phí khuyến
        /// công địa phương"): a province's, a district's or a commune's (Art. 11.2). Used
        /// where a report or plan speaks of the local part as a whole.
        Local = ("local", "Kinh phí khuyến công địa phương (không nêu cấp)", "Local extension funds (level not stated)",
            nd45(11, 2), D45, None, BOTH_2025_SECONDARY,
            "a document's local part as a whole; from 2025-10-15 Art. 11.2 as amended by Decree 235/2025 names the province's and the commune's"),
    }
}

impl FundLevel {
    /// Whether this is a local (not national) fund level.
    pub const fn is_local(self) -> bool {
        !matches!(self, Self::National)
    }

    /// Whether money of level `other` is part of money of this level: the same level, or a
    /// local level inside the local funds whose level is not stated.
    pub const fn contains(self, other: Self) -> bool {
        matches!(
            (self, other),
            (Self::National, Self::National)
                | (
                    Self::Local,
                    Self::Provincial | Self::District | Self::Commune | Self::Local
                )
                | (Self::Provincial, Self::Provincial)
                | (Self::District, Self::District)
                | (Self::Commune, Self::Commune)
        )
    }
}

codelist! {
    /// A source of money for extension work (nguồn kinh phí): the state funds of Decree
    /// 45/2012/NĐ-CP Art. 12–13, integrated national target programmes, the beneficiaries'
    /// counterpart funds, sponsorship and other lawful sources.
    pub enum FundingSource: "funding_sources" {
        /// Annual central-budget allocation to national extension (Art. 12.1(a)).
        NationalExtensionFund = ("national_extension_fund", "Ngân sách trung ương (kinh phí khuyến công quốc gia)", "Central budget (national extension fund)",
            nd45(12, 1).point(Point::A), D45, None, BOTH),
        /// Provincial budget allocation to local extension (Art. 13.1(a)).
        LocalBudgetProvincial = ("local_budget_provincial", "Ngân sách cấp tỉnh (kinh phí khuyến công địa phương)", "Provincial budget (local extension fund)",
            nd45(13, 1).point(Point::A), D45, None, BOTH),
        /// District budget allocation to local extension (Art. 13.1(a)), until 2025-06-30.
        LocalBudgetDistrict = ("local_budget_district", "Ngân sách cấp huyện (kinh phí khuyến công địa phương)", "District budget (local extension fund)",
            nd45(13, 1).point(Point::A), D45, Some(ymd(2025, 6, 30)), ONLY_2012,
            "districts were abolished on 2025-07-01"),
        /// Commune budget allocation to local extension (Art. 13.1(a)).
        LocalBudgetCommune = ("local_budget_commune", "Ngân sách cấp xã (kinh phí khuyến công địa phương)", "Commune budget (local extension fund)",
            nd45(13, 1).point(Point::A), D45, None, BOTH),
        /// Money of a national target programme integrated with extension (e.g. new rural development).
        NationalTargetProgramme = ("national_target_programme", "Kinh phí lồng ghép từ chương trình mục tiêu quốc gia", "Integrated national target programme funds",
            Citation::article(InstrumentId::Tt28_2018Btc, 3), D45, None, BOTH,
            "integration: Joint Circular 26/2014 Art. 3.3, then Circular 28/2018 Art. 3"),
        /// The beneficiary's own counterpart funds (vốn đối ứng).
        Counterpart = ("counterpart", "Vốn đối ứng của cơ sở", "Beneficiary's counterpart funds",
            Citation::article(InstrumentId::Ttlt26_2014, 7).clause(3), D45, None, BOTH_SECONDARY,
            "the counterpart condition is read in Joint Circular 26/2014 Art. 7.3; its Circular 28/2018 equivalent was not read"),
        /// Domestic and foreign sponsorship and contributions (Art. 12.1(b), 13.1(b)).
        Sponsorship = ("sponsorship", "Tài trợ, đóng góp của tổ chức, cá nhân trong và ngoài nước", "Domestic and foreign sponsorship and contributions",
            nd45(12, 1).point(Point::B), D45, None, BOTH),
        /// Other lawful sources (Art. 12.1(c), 13.1(c)).
        OtherLawful = ("other_lawful", "Nguồn vốn hợp pháp khác", "Other lawful sources",
            nd45(12, 1).point(Point::C), D45, None, BOTH),
        /// The state budget where the document does not say which level ("ngân sách nhà
        /// nước 48 tỷ"): central or local budget allocations (Art. 12.1(a), 13.1(a)).
        StateBudget = ("state_budget", "Ngân sách nhà nước (không nêu cấp)", "State budget (level not stated)",
            nd45(12, 1).point(Point::A), D45, None, BOTH,
            "Art. 12.1(a) for the central budget, Art. 13.1(a) for local budgets; the document does not say which"),
    }
}

impl FundingSource {
    /// Whether the source is state money (counts as state support).
    pub const fn is_state(self) -> bool {
        matches!(
            self,
            Self::NationalExtensionFund
                | Self::LocalBudgetProvincial
                | Self::LocalBudgetDistrict
                | Self::LocalBudgetCommune
                | Self::NationalTargetProgramme
                | Self::StateBudget
        )
    }

    /// The extension-fund level this source belongs to, if it is an extension fund.
    pub const fn fund_level(self) -> Option<FundLevel> {
        match self {
            Self::NationalExtensionFund => Some(FundLevel::National),
            Self::LocalBudgetProvincial => Some(FundLevel::Provincial),
            Self::LocalBudgetDistrict => Some(FundLevel::District),
            Self::LocalBudgetCommune => Some(FundLevel::Commune),
            _ => None,
        }
    }
}

// ---------------------------------------------------------------------------------------
// One scheme's money, and the checks of its funding mix
// ---------------------------------------------------------------------------------------

use std::collections::BTreeMap;
use std::num::NonZeroU64;

use chrono::NaiveDate;
use rust_decimal::RoundingStrategy;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::activity::Activity;
use crate::document::{Amount, Exactness};
use crate::finding::{Finding, FindingDef, Severity};
use crate::law::{Confidence, SupportRegime};
use crate::money::{
    MoneyError, Ratio, Vnd, format_million_en, format_million_vi, push_million_en, push_million_vi,
};
use crate::support::{
    Binding, CapUnit, RuleCitation, RuleSource, SupportContext, SupportLimit, SupportVariant,
    max_support, quick_limit,
};

/// One line of a scheme's funding: a source and an amount.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FundingLine {
    /// Where the money comes from.
    pub source: FundingSource,
    /// How much, in đồng: a JSON integer, or an object with the exactness the scheme states
    /// ("khoảng 7,5 tỷ": approximate).
    pub amount: Amount,
    /// A free note (e.g. which programme is integrated).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The money of one extension scheme (đề án): its cost and where the money comes from.
///
/// Embedded in scheme documents under the key `funding`; findings point into it as
/// `<scheme>/funding/...`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SchemeFunding {
    /// Total approved cost of the scheme, in đồng; an object when the scheme states it as a
    /// bound or an approximation ("tổng kinh phí khoảng 7,5 tỷ đồng").
    pub total_cost: Amount,
    /// The part of the cost eligible for support (the base of the support share), in đồng;
    /// an object when stated as a bound or an approximation.
    pub eligible_cost: Amount,
    /// The fund level of the scheme: national, or a local level.
    pub fund_level: FundLevel,
    /// The funding lines; they must add up to `total_cost`.
    pub lines: Vec<FundingLine>,
    /// The beneficiary's declaration that no other state money funds the same cost items
    /// (Joint Circular 26/2014 Art. 7.4): `true` when declared; absent when missing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub no_other_state_funding: Option<bool>,
}

impl SchemeFunding {
    /// The checked sum of the lines whose source satisfies `pick`.
    ///
    /// # Errors
    /// [`MoneyError::Overflow`] when the sum exceeds the largest amount.
    pub fn total_of(&self, pick: impl Fn(FundingSource) -> bool) -> Result<Vnd, MoneyError> {
        Vnd::sum(
            self.lines
                .iter()
                .filter(|l| pick(l.source))
                .map(|l| l.amount.vnd),
        )
    }

    /// How exactly the lines whose source satisfies `pick` are stated, together.
    pub fn exactness_of(&self, pick: impl Fn(FundingSource) -> bool) -> Exactness {
        self.lines
            .iter()
            .filter(|l| pick(l.source))
            .fold(Exactness::Exact, |e, l| e.combine(l.amount.exactness))
    }

    /// Whether every figure of the scheme's money is stated exactly.
    pub fn is_exact(&self) -> bool {
        self.total_cost.exactness == Exactness::Exact
            && self.eligible_cost.exactness == Exactness::Exact
            && self
                .lines
                .iter()
                .all(|l| l.amount.exactness == Exactness::Exact)
    }
}

/// Sums funding lines by source, checked.
///
/// # Errors
/// [`MoneyError::Overflow`] when a sum exceeds the largest amount.
///
/// # Example
/// ```
/// use khuyencong::funding::{FundingLine, FundingSource, sum_by_source};
/// use khuyencong::money::Vnd;
/// use khuyencong::document::Amount;
/// let line = |source, m| FundingLine { source, amount: Amount::exact(Vnd::from_million(m).unwrap()), note: None };
/// let sums = sum_by_source(&[
///     line(FundingSource::NationalTargetProgramme, 838),
///     line(FundingSource::LocalBudgetProvincial, 14_859),
///     line(FundingSource::LocalBudgetProvincial, 0),
/// ])?;
/// assert_eq!(sums[&FundingSource::LocalBudgetProvincial], Vnd::from_million(14_859)?);
/// # Ok::<(), khuyencong::money::MoneyError>(())
/// ```
pub fn sum_by_source(lines: &[FundingLine]) -> Result<BTreeMap<FundingSource, Vnd>, MoneyError> {
    let mut out: BTreeMap<FundingSource, Vnd> = BTreeMap::new();
    for l in lines {
        let slot = out.entry(l.source).or_insert(Vnd::ZERO);
        *slot = slot.checked_add(l.amount.vnd)?;
    }
    Ok(out)
}

/// Counterpart funds = total investment (support included) − support.
///
/// # Errors
/// [`MoneyError::Negative`] when the support exceeds the investment.
pub fn counterpart(total_investment: Vnd, support: Vnd) -> Result<Vnd, MoneyError> {
    total_investment.checked_sub(support)
}

/// The support share of a total, exact ([`Ratio`]); round only when displaying.
///
/// # Errors
/// [`MoneyError::DivisionByZero`] when `total` is zero.
pub fn support_share(support: Vnd, total: Vnd) -> Result<Ratio, MoneyError> {
    Ratio::new(support, total)
}

/// Counterpart đồng mobilised per đồng of support, exact ([`Ratio`]).
///
/// # Errors
/// [`MoneyError::DivisionByZero`] when `support` is zero.
pub fn counterpart_per_support(counterpart: Vnd, support: Vnd) -> Result<Ratio, MoneyError> {
    Ratio::new(counterpart, support)
}

const fn ttlt26(article: u16, clause: u16) -> Citation {
    Citation::article(InstrumentId::Ttlt26_2014, article).clause(clause)
}

/// The finding codes of funding-mix checks.
pub(crate) const FINDINGS: &[FindingDef] = &[
    FindingDef {
        code: "funding.sources_do_not_sum",
        severity: Severity::Error,
        citation: None,
        meaning_vi: "Tổng các nguồn kinh phí không bằng tổng kinh phí của đề án.",
        meaning_en: "The funding lines do not add up to the scheme's total cost.",
        fix_vi: "Sửa số tiền các nguồn hoặc tổng kinh phí cho khớp.",
        fix_en: "Correct the line amounts or the total cost so that they agree.",
    },
    FindingDef {
        code: "funding.amount_overflow",
        severity: Severity::Error,
        citation: None,
        meaning_vi: "Tổng các số tiền vượt quá mức tối đa biểu diễn được.",
        meaning_en: "A sum of amounts exceeds the largest representable amount.",
        fix_vi: "Kiểm tra lại các số tiền (có thể nhập nhầm đơn vị).",
        fix_en: "Check the amounts (a unit may have been mistyped).",
    },
    FindingDef {
        code: "funding.eligible_exceeds_total",
        severity: Severity::Error,
        citation: None,
        meaning_vi: "Chi phí được hỗ trợ lớn hơn tổng kinh phí của đề án.",
        meaning_en: "The eligible cost is larger than the scheme's total cost.",
        fix_vi: "Chi phí được hỗ trợ là một phần của tổng kinh phí.",
        fix_en: "The eligible cost is part of the total cost.",
    },
    FindingDef {
        code: "funding.fund_level_mismatch",
        severity: Severity::Error,
        citation: Some(Citation::article(InstrumentId::Nd45_2012, 11)),
        meaning_vi: "Kinh phí khuyến công quốc gia chỉ dùng cho đề án quốc gia; kinh phí địa phương chỉ dùng cho đề án địa phương.",
        meaning_en: "National extension funds pay only for national schemes; local funds only for local ones.",
        fix_vi: "Sửa nguồn kinh phí hoặc cấp của đề án.",
        fix_en: "Correct the source or the scheme's fund level.",
    },
    FindingDef {
        code: "funding.support_exceeds_limit",
        severity: Severity::Error,
        citation: None,
        meaning_vi: "Kinh phí khuyến công hỗ trợ vượt mức hỗ trợ tối đa.",
        meaning_en: "The extension support exceeds the maximum support level.",
        fix_vi: "Giảm mức hỗ trợ xuống không quá mức tối đa; phần còn lại do cơ sở đối ứng.",
        fix_en: "Reduce the support to the maximum; the beneficiary funds the rest.",
    },
    FindingDef {
        code: "funding.support_not_assessed",
        severity: Severity::Warning,
        citation: None,
        meaning_vi: "Mức hỗ trợ tối đa cho nội dung này không được đánh giá: mức chưa được mô hình hóa (chưa đọc được văn bản, mức theo giá đấu thầu, ngày trước 08/04/2014) hoặc đề án không nêu nội dung hỗ trợ cụ thể; mức hỗ trợ không được kiểm tra.",
        meaning_en: "The maximum support for this item is not assessed: the level is not modelled (not read from the legal text, priced by tender, a date before 2014-04-08) or the scheme does not name the item; the support was not checked.",
        fix_vi: "Đối chiếu thủ công với văn bản quy định mức chi, hoặc nêu nội dung hỗ trợ cụ thể (`support_terms.variant`).",
        fix_en: "Check by hand against the instrument that sets the level, or name the item (`support_terms.variant`).",
    },
    FindingDef {
        code: "funding.support_limit_unavailable",
        severity: Severity::Error,
        citation: None,
        meaning_vi: "Không xác định được mức hỗ trợ vì văn bản tự mâu thuẫn (biến thể thuộc nội dung khác) hoặc mức tính ra bị tràn số.",
        meaning_en: "No support limit can be given because the document contradicts itself (a variant of another activity) or the computed limit overflows.",
        fix_vi: "Ghi biến thể thuộc đúng nội dung hỗ trợ.",
        fix_en: "Name a variant of the scheme's own activity.",
    },
    FindingDef {
        code: "funding.units_not_stated",
        severity: Severity::Warning,
        citation: None,
        meaning_vi: "Kinh phí hỗ trợ vượt mức trần của một đơn vị (cơ sở, mô hình…) nhưng đề án không nêu số đơn vị được hỗ trợ; mức trần theo đơn vị chỉ được đánh giá đến đó (tỷ lệ hỗ trợ vẫn được kiểm tra).",
        meaning_en: "The support exceeds the cap for one unit (establishment, model…) but the scheme does not state how many units it supports; the per-unit cap is assessed only that far (the share is still checked).",
        fix_vi: "Liệt kê các đối tượng thụ hưởng, hoặc ghi số đơn vị dự kiến (`planned_outputs`, `support_split[].units`).",
        fix_en: "List the beneficiaries, or state the planned units (`planned_outputs`, `support_split[].units`).",
    },
    FindingDef {
        code: "funding.counterpart_short",
        severity: Severity::Error,
        citation: Some(ttlt26(7, 3)),
        meaning_vi: "Vốn đối ứng và các nguồn ngoài ngân sách không đủ phần kinh phí còn lại sau hỗ trợ của Nhà nước.",
        meaning_en: "Counterpart and other non-state funds do not cover the cost left after state support.",
        fix_vi: "Cơ sở phải cam kết đầu tư toàn bộ phần kinh phí còn lại.",
        fix_en: "The beneficiary must commit the whole remaining cost.",
    },
    FindingDef {
        code: "funding.state_exceeds_total",
        severity: Severity::Error,
        citation: None,
        meaning_vi: "Kinh phí ngân sách nhà nước lớn hơn tổng kinh phí của đề án.",
        meaning_en: "State money exceeds the scheme's total cost.",
        fix_vi: "Sửa số tiền các nguồn ngân sách.",
        fix_en: "Correct the state lines.",
    },
    FindingDef {
        code: "funding.no_other_state_funding_missing",
        severity: Severity::Error,
        citation: Some(ttlt26(7, 4)),
        meaning_vi: "Thiếu cam kết chưa nhận kinh phí nhà nước khác cho cùng nội dung chi.",
        meaning_en: "The declaration that no other state money funds the same cost items is missing.",
        fix_vi: "Bổ sung cam kết của cơ sở.",
        fix_en: "Add the beneficiary's declaration.",
    },
    FindingDef {
        code: "funding.other_state_funding_declared",
        severity: Severity::Error,
        citation: Some(ttlt26(7, 4)),
        meaning_vi: "Cơ sở khai đã nhận kinh phí nhà nước khác cho cùng nội dung chi.",
        meaning_en: "The beneficiary declares other state money for the same cost items.",
        fix_vi: "Loại bỏ nội dung chi đã được ngân sách khác hỗ trợ.",
        fix_en: "Remove the cost items already funded by other state money.",
    },
    FindingDef {
        code: "funding.integrated_state_funds",
        severity: Severity::Warning,
        citation: Some(ttlt26(3, 3)),
        meaning_vi: "Đề án lồng ghép kinh phí chương trình mục tiêu quốc gia: cần bảo đảm không trùng nội dung chi.",
        meaning_en: "The scheme integrates national target programme money: make sure no cost item is funded twice.",
        fix_vi: "Ghi rõ nội dung chi do từng nguồn chi trả.",
        fix_en: "State which cost items each source pays for.",
    },
    FindingDef {
        code: "funding.state_budget_not_split",
        severity: Severity::Warning,
        citation: None,
        meaning_vi: "Đề án có dòng ngân sách nhà nước không nêu cấp: phần này không được tính là kinh phí khuyến công khi kiểm tra mức hỗ trợ tối đa (chưa đánh giá).",
        meaning_en: "A scheme has a state-budget line whose level is not stated: it is not counted as extension support when the support limit is checked (not assessed).",
        fix_vi: "Ghi nguồn theo cấp (`national_extension_fund`, `local_budget_provincial`…).",
        fix_en: "Name the source by its level (`national_extension_fund`, `local_budget_provincial`…).",
    },
    FindingDef {
        code: "funding.shares",
        severity: Severity::Info,
        citation: None,
        meaning_vi: "Cơ cấu nguồn vốn của đề án (tỷ lệ chính xác trong tham số).",
        meaning_en: "The scheme's funding mix (exact shares in the parameters).",
        fix_vi: "Không cần sửa.",
        fix_en: "Nothing to fix.",
    },
];

/// The confidence of a rule read in Joint Circular 26/2014 on `date`: `historical` inside
/// its window; afterwards the Circular 28/2018 equivalent was not read, so `secondary`.
fn ttlt26_rule_confidence(date: NaiveDate) -> (Confidence, &'static str, &'static str) {
    match SupportRegime::at(date) {
        Ok(SupportRegime::Ttlt26_2014) => (Confidence::Historical, "", ""),
        _ => (
            Confidence::Secondary,
            " (quy định tương ứng của Thông tư 28/2018 chưa được đọc; áp dụng theo Thông tư liên tịch 26/2014 để tham chiếu)",
            " (the Circular 28/2018 equivalent was not read; Joint Circular 26/2014 is applied as a reference)",
        ),
    }
}

fn mil(v: Vnd) -> (String, String) {
    (format_million_vi(v), format_million_en(v))
}

/// How many units (establishments, models, rounds…) a content of a scheme supports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Units {
    /// Exactly this many.
    Known(NonZeroU64),
    /// At least this many (a lower-bound or approximate count, or — at least one — no count).
    AtLeast(NonZeroU64),
}

/// One content of a scheme, for its support limit: an activity with its item, the eligible
/// cost it covers and the units it supports.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Content {
    pub activity: Activity,
    pub variant: Option<SupportVariant>,
    pub technology_line: bool,
    pub eligible_cost: Vnd,
    pub units: Units,
}

/// The limit of one content, assessed: the most support for certain (`hard`) and the most
/// support for the units known (`soft`, below `hard` only when the number of units is not
/// known).
struct ContentLimit {
    activity: Activity,
    hard: Vnd,
    soft: Vnd,
    per_unit: Option<Vnd>,
    unit: Option<CapUnit>,
    units: u64,
    binding: Binding,
    rule_source: RuleSource,
    citation: RuleCitation,
    confidence: Confidence,
    rule_id: String,
}

/// Why a content has no limit.
enum NoLimit {
    /// Not assessed (never an error): the reason, and the provision that would set the level.
    NotAssessed(String, String, RuleCitation),
    /// The question contradicts itself (a variant of another activity) or overflows.
    Unavailable(String, String),
}

/// The limit of one content, by the one rule of [`max_support`]; the usual case, an
/// assessed limit, takes the quick path without its derivation.
fn content_limit(
    c: &Content,
    context: &SupportContext<'_>,
    date: NaiveDate,
) -> Result<ContentLimit, NoLimit> {
    let (count, open) = match c.units {
        Units::Known(n) => (n, false),
        Units::AtLeast(n) => (n, true),
    };
    let ctx = SupportContext {
        variant: c.variant,
        technology_line: c.technology_line,
        ..*context
    }
    .units(count);
    let limit = if let Some(q) = quick_limit(c.activity, c.eligible_cost, &ctx, date) {
        ContentLimit {
            activity: c.activity,
            hard: q.max_support_vnd,
            soft: q.max_support_vnd,
            per_unit: q.cap_per_unit_vnd,
            unit: q.unit,
            units: count.get(),
            binding: q.binding,
            rule_source: q.rule_source,
            citation: q.citation,
            confidence: q.confidence,
            rule_id: q.rule_id.to_owned(),
        }
    } else {
        match max_support(c.activity, c.eligible_cost, &ctx, date) {
            Err(e) => return Err(NoLimit::Unavailable(e.message_vi(), e.to_string())),
            Ok(SupportLimit::NotAssessed(n)) => {
                return Err(NoLimit::NotAssessed(n.reason_vi, n.reason_en, n.citation));
            }
            Ok(SupportLimit::Assessed(a)) => ContentLimit {
                activity: c.activity,
                hard: a.max_support_vnd,
                soft: a.max_support_vnd,
                per_unit: a.cap_per_unit_vnd,
                unit: a.unit,
                units: a.units,
                binding: a.binding,
                rule_source: a.rule_source,
                citation: a.citation,
                confidence: a.confidence,
                rule_id: a.rule_id,
            },
        }
    };
    // With the number of units unknown beyond `count`, the cap cannot be applied for
    // certain: only the share (or, for a cap without a share, the eligible cost itself)
    // bounds the support.
    if open && limit.per_unit.is_some() && !limit.unit.is_some_and(CapUnit::is_whole) {
        let share = match quick_limit(c.activity, c.eligible_cost, &ctx, date) {
            Some(q) => q.share_limit_vnd,
            None => match max_support(c.activity, c.eligible_cost, &ctx, date) {
                Ok(SupportLimit::Assessed(a)) => a.share_limit_vnd,
                _ => None,
            },
        };
        return Ok(ContentLimit {
            hard: share.unwrap_or(c.eligible_cost).max(limit.soft),
            ..limit
        });
    }
    Ok(limit)
}

/// The unit of the assessed level that applies to an activity (and variant) on a date;
/// `None` when the level is not assessed — then the number of units does not matter.
pub(crate) fn unit_of(
    activity: Activity,
    context: &SupportContext<'_>,
    date: NaiveDate,
) -> Option<CapUnit> {
    // `quick_limit` answers exactly when `max_support` assesses (a tested property).
    quick_limit(activity, Vnd::ZERO, context, date).and_then(|q| q.unit)
}

/// The usual subject of a limit finding.
pub(crate) const EXTENSION_SUPPORT: (&str, &str) =
    ("Kinh phí khuyến công hỗ trợ", "Extension support");

/// Checks `support` against the sum of the contents' limits and says what it finds:
/// `funding.support_exceeds_limit` above the certain limit, `funding.units_not_stated`
/// above the limit for the units known, `funding.support_not_assessed` when a content's
/// level is not known (never an error), `funding.support_limit_unavailable` when the
/// document contradicts itself.
#[allow(clippy::too_many_arguments)]
pub(crate) fn check_limit(
    out: &mut Vec<Finding>,
    contents: &[Content],
    support: Vnd,
    context: &SupportContext<'_>,
    date: NaiveDate,
    path: &dyn Fn() -> String,
    subject: (&str, &str),
    uncertain: bool,
) {
    let several = contents.len() > 1;
    let mut limits = Vec::with_capacity(contents.len());
    for c in contents {
        match content_limit(c, context, date) {
            Ok(l) => limits.push(l),
            Err(NoLimit::Unavailable(vi, en)) => {
                out.push(
                    Finding::new(
                        "funding.support_limit_unavailable",
                        Severity::Error,
                        path(),
                        vi,
                        en,
                    )
                    .param("activity", c.activity.code()),
                );
                return;
            }
            Err(NoLimit::NotAssessed(vi, en, citation)) => {
                let (vi, en) = if several {
                    (
                        format!(
                            "Nội dung `{}`: {vi}; tổng mức hỗ trợ tối đa của đề án vì vậy không được đánh giá",
                            c.activity.code()
                        ),
                        format!(
                            "Content `{}`: {en}; the scheme's total limit is therefore not assessed",
                            c.activity.code()
                        ),
                    )
                } else {
                    (vi, en)
                };
                let mut f = Finding::new(
                    "funding.support_not_assessed",
                    Severity::Warning,
                    path(),
                    vi,
                    en,
                )
                .param("activity", c.activity.code())
                .param("support_vnd", support.get());
                if let Some(c) = citation.national() {
                    f = f.cite(c);
                }
                out.push(f);
                return;
            }
        }
    }
    let total = |pick: fn(&ContentLimit) -> Vnd| {
        Vnd::new(
            limits
                .iter()
                .map(|l| pick(l).get())
                .fold(0u64, u64::saturating_add)
                .min(crate::money::MAX_VND),
        )
        .unwrap_or(Vnd::ZERO)
    };
    let (hard, soft) = (total(|l| l.hard), total(|l| l.soft));
    let Some(first) = limits.first() else {
        return;
    };
    let rule_ids: Vec<&str> = limits.iter().map(|l| l.rule_id.as_str()).collect();
    let confidence = limits
        .iter()
        .map(|l| l.confidence)
        .max()
        .unwrap_or(first.confidence);
    // The basis of the limit: its provision and, for several units, units × cap; for several
    // contents, each content's own limit.
    let basis = |lang: crate::law::Lang, pick: fn(&ContentLimit) -> Vnd| -> String {
        let one = |l: &ContentLimit| {
            let mut text = l.citation.render(lang);
            if let (true, Some(per), Some(unit)) = (l.units > 1, l.per_unit, l.unit) {
                let unit = unit.label(lang);
                text.push_str(&match lang {
                    crate::law::Lang::Vi => {
                        format!("; {} {unit} × {}/{unit}", l.units, format_million_vi(per))
                    }
                    crate::law::Lang::En => {
                        format!("; {} × {} per {unit}", l.units, format_million_en(per))
                    }
                });
            }
            text
        };
        if !several {
            return one(first);
        }
        limits
            .iter()
            .map(|l| {
                let (vi, en) = mil(pick(l));
                let amount = if lang == crate::law::Lang::Vi { vi } else { en };
                format!("`{}` {amount}: {}", l.activity.code(), one(l))
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    let (subject_vi, subject_en) = subject;
    let (s_vi, s_en) = mil(support);
    if support > hard {
        let (m_vi, m_en) = mil(hard);
        let reference = limits
            .iter()
            .any(|l| l.rule_source == RuleSource::NationalAsReference);
        // Approximate money leaves the excess uncertain, unless every limit is a cap that
        // does not move with the cost.
        let approximate = uncertain && limits.iter().any(|l| l.binding != Binding::Cap);
        let severity = if reference || approximate {
            Severity::Warning
        } else {
            Severity::Error
        };
        let (note_vi, note_en) = if approximate {
            (
                "; số liệu ước tính, cần xem xét",
                "; the figures are approximate, a reviewer should look",
            )
        } else {
            ("", "")
        };
        let (what_vi, what_en) = if several {
            (
                "tổng mức tối đa của các nội dung",
                "the sum of the contents' maximums",
            )
        } else {
            ("mức tối đa", "the maximum")
        };
        let mut f = Finding::new(
            "funding.support_exceeds_limit",
            severity,
            path(),
            format!(
                "{subject_vi} {s_vi} vượt {what_vi} {m_vi} ({}){note_vi}",
                basis(crate::law::Lang::Vi, |l| l.hard)
            ),
            format!(
                "{subject_en} {s_en} exceeds {what_en} {m_en} ({}){note_en}",
                basis(crate::law::Lang::En, |l| l.hard)
            ),
        )
        .confidence(confidence)
        .param("support_vnd", support.get())
        .param("max_support_vnd", hard.get())
        .param("binding", first.binding.code())
        .param("rule_id", rule_ids.join(","))
        .param(
            "units",
            limits.iter().map(|l| l.units).collect::<Vec<u64>>(),
        );
        if let Some(c) = first.citation.national() {
            f = f.cite(c);
        }
        out.push(f);
    } else if support > soft {
        let (m_vi, m_en) = mil(soft);
        let (h_vi, h_en) = mil(hard);
        let unit = limits
            .iter()
            .find(|l| l.hard > l.soft)
            .and_then(|l| l.unit)
            .unwrap_or(CapUnit::PerEstablishment);
        let (u_vi, u_en) = (
            unit.label(crate::law::Lang::Vi),
            unit.label(crate::law::Lang::En),
        );
        let mut f = Finding::new(
            "funding.units_not_stated",
            Severity::Warning,
            path(),
            format!(
                "{subject_vi} {s_vi} vượt mức trần tính cho số {u_vi} đã biết ({m_vi}; {}) nhưng đề án không nêu được hỗ trợ bao nhiêu {u_vi}: chỉ kiểm tra được đến mức {h_vi} theo tỷ lệ hỗ trợ",
                basis(crate::law::Lang::Vi, |l| l.soft)
            ),
            format!(
                "{subject_en} {s_en} exceeds the cap for the {u_en}s known ({m_en}; {}) but the scheme does not state how many {u_en}s it supports: it is assessed only up to {h_en}, by the share",
                basis(crate::law::Lang::En, |l| l.soft)
            ),
        )
        .confidence(confidence)
        .param("support_vnd", support.get())
        .param("limit_for_known_units_vnd", soft.get())
        .param("max_support_vnd", hard.get())
        .param("unit", unit.code())
        .param("rule_id", rule_ids.join(","));
        if let Some(c) = first.citation.national() {
            f = f.cite(c);
        }
        out.push(f);
    }
}

/// Checks one scheme's funding mix and returns every finding.
///
/// `base` is the JSON Pointer of the object that holds `funding` (e.g. `/schemes/0`);
/// findings point at `base + "/funding/..."`. Checks, each with its code:
/// the lines add up to the total cost (`funding.sources_do_not_sum`); the eligible cost is
/// within the total (`funding.eligible_exceeds_total`); national funds only on national
/// schemes and local funds only on local ones (`funding.fund_level_mismatch`); the
/// extension support is within [`max_support`] for the scheme's fund level and the
/// context's number of units (`funding.support_exceeds_limit`;
/// `funding.support_not_assessed` when the level is not modelled — never silent, never an
/// error); the counterpart covers the rest (`funding.counterpart_short`, Joint Circular
/// 26/2014 Art. 7.3); the no-other-state-funding declaration is present and true
/// (Art. 7.4); integrated programme money is flagged for review; and the mix is reported
/// with exact shares (`funding.shares`).
///
/// The scheme's `fund_level` overrides `context.fund`.
pub fn check_funding(
    funding: &SchemeFunding,
    activity: Activity,
    context: &SupportContext<'_>,
    date: NaiveDate,
    base: &str,
) -> Vec<Finding> {
    let content = Content {
        activity,
        variant: context.variant,
        technology_line: context.technology_line,
        eligible_cost: funding.eligible_cost.vnd,
        units: Units::Known(context.units),
    };
    check_funding_with(funding, Some(&[content]), context, date, base)
}

/// The extension support of a scheme: the lines of the scheme's own fund level (national,
/// or local).
pub(crate) fn extension_support(funding: &SchemeFunding) -> Result<Vnd, MoneyError> {
    let level = funding.fund_level;
    funding.total_of(|s| {
        s.fund_level()
            .is_some_and(|l| l.is_local() == level.is_local())
    })
}

/// Whether a limit check of the extension support against limits computed from the eligible
/// cost is uncertain: the support is approximate, or the eligible cost is not exact (the
/// share limit moves with it).
pub(crate) fn limit_uncertain(funding: &SchemeFunding) -> bool {
    let level = funding.fund_level;
    funding.exactness_of(|s| {
        s.fund_level()
            .is_some_and(|l| l.is_local() == level.is_local())
    }) == Exactness::Approximate
        || funding.eligible_cost.exactness != Exactness::Exact
}

/// [`check_funding`] with the contents whose limits bound the extension support; `None`
/// when the caller checks the limit itself (a scheme whose support is split by content).
pub(crate) fn check_funding_with(
    funding: &SchemeFunding,
    contents: Option<&[Content]>,
    context: &SupportContext<'_>,
    date: NaiveDate,
    base: &str,
) -> Vec<Finding> {
    let p = format!("{base}/funding");
    let mut out = Vec::new();
    let level = funding.fund_level;
    let ctx = SupportContext {
        fund: level,
        ..*context
    };
    let overflow = |path: String| {
        Finding::new(
            "funding.amount_overflow",
            Severity::Error,
            path,
            "Tổng số tiền vượt quá mức tối đa 9.007.199.254.740.991 đồng",
            "A sum of amounts exceeds the maximum 9007199254740991 đồng",
        )
    };

    let eligible_vs_total = crate::document::reconcile::compare(
        (&funding.total_cost).into(),
        (&funding.eligible_cost).into(),
        true,
    );
    match eligible_vs_total {
        crate::document::reconcile::Agreement::Mismatch => {
            let (e_vi, e_en) = mil(funding.eligible_cost.vnd);
            let (t_vi, t_en) = mil(funding.total_cost.vnd);
            out.push(
                Finding::new(
                    "funding.eligible_exceeds_total",
                    Severity::Error,
                    format!("{p}/eligible_cost"),
                    format!("Chi phí được hỗ trợ {e_vi} lớn hơn tổng kinh phí {t_vi}"),
                    format!("Eligible cost {e_en} is larger than the total cost {t_en}"),
                )
                .param("eligible_cost_vnd", funding.eligible_cost.vnd.get())
                .param("total_cost_vnd", funding.total_cost.vnd.get()),
            );
        }
        crate::document::reconcile::Agreement::OutsideTolerance => {
            crate::document::reconcile::check_total(
                &mut out,
                "funding.eligible_exceeds_total",
                format!("{p}/eligible_cost"),
                (
                    "Tổng kinh phí so với chi phí được hỗ trợ",
                    "The total cost against the eligible cost",
                ),
                (&funding.total_cost).into(),
                crate::document::reconcile::Parts {
                    sum: (&funding.eligible_cost).into(),
                    stated: 1,
                    unstated: 1,
                },
                true,
            );
        }
        _ => {}
    }

    for (i, line) in funding.lines.iter().enumerate() {
        if let Some(l) = line.source.fund_level()
            && l.is_local() != level.is_local()
        {
            let (vi, en) = if level.is_local() {
                (
                    "Kinh phí khuyến công quốc gia không dùng cho đề án khuyến công địa phương",
                    "National extension funds cannot pay for a local scheme",
                )
            } else {
                (
                    "Kinh phí khuyến công địa phương không dùng cho đề án khuyến công quốc gia",
                    "Local extension funds cannot pay for a national scheme",
                )
            };
            out.push(
                Finding::new(
                    "funding.fund_level_mismatch",
                    Severity::Error,
                    format!("{p}/lines/{i}/source"),
                    format!("{vi} (nguồn `{}`, đề án cấp `{}`)", line.source, level),
                    format!("{en} (source `{}`, scheme level `{}`)", line.source, level),
                )
                .cite(Citation::article(InstrumentId::Nd45_2012, 11))
                .confidence(Confidence::Confirmed)
                .param("source", line.source.code())
                .param("fund_level", level.code()),
            );
        }
    }

    let Ok(sum) = Vnd::sum(funding.lines.iter().map(|l| l.amount.vnd)) else {
        out.push(overflow(format!("{p}/lines")));
        return out;
    };
    let lines_exactness = funding.exactness_of(|_| true);
    if funding.total_cost.exactness == Exactness::Exact && lines_exactness == Exactness::Exact {
        if sum != funding.total_cost.vnd {
            let (s_vi, s_en) = mil(sum);
            let (t_vi, t_en) = mil(funding.total_cost.vnd);
            let diff = i128::from(sum.get()) - i128::from(funding.total_cost.vnd.get());
            out.push(
                Finding::new(
                    "funding.sources_do_not_sum",
                    Severity::Error,
                    format!("{p}/total_cost"),
                    format!("Tổng các nguồn {s_vi} không bằng tổng kinh phí {t_vi}"),
                    format!("The funding lines add up to {s_en}, not the total cost {t_en}"),
                )
                .param("sum_vnd", sum.get())
                .param("total_cost_vnd", funding.total_cost.vnd.get())
                .param("difference_vnd", i64::try_from(diff).unwrap_or(i64::MAX)),
            );
        }
    } else if let Some(parts) = crate::document::reconcile::Parts::of(
        funding
            .lines
            .iter()
            .map(|l| Some(crate::document::reconcile::Figure::from(&l.amount))),
    ) {
        // A scheme that states its money as "khoảng" or "hơn": compared within the bounds.
        crate::document::reconcile::check_total(
            &mut out,
            "funding.sources_do_not_sum",
            format!("{p}/total_cost"),
            ("Tổng kinh phí của đề án", "The scheme's total cost"),
            (&funding.total_cost).into(),
            parts,
            true,
        );
    }

    let (Ok(state), Ok(extension)) = (
        funding.total_of(FundingSource::is_state),
        extension_support(funding),
    ) else {
        out.push(overflow(format!("{p}/lines")));
        return out;
    };
    let non_state = sum.checked_sub(state).unwrap_or(Vnd::ZERO);

    // The support limit for the scheme's fund level: the sum of its contents' limits.
    if let Some(contents) = contents {
        let support_path = || {
            let mut own = funding.lines.iter().enumerate().filter(|(_, l)| {
                l.source
                    .fund_level()
                    .is_some_and(|f| f.is_local() == level.is_local())
            });
            match (own.next(), own.next()) {
                (Some((i, _)), None) => format!("{p}/lines/{i}/amount"),
                _ => format!("{p}/lines"),
            }
        };
        check_limit(
            &mut out,
            contents,
            extension,
            &ctx,
            date,
            &support_path,
            EXTENSION_SUPPORT,
            limit_uncertain(funding),
        );
    }
    for (i, line) in funding.lines.iter().enumerate() {
        if line.source == FundingSource::StateBudget {
            let (a_vi, a_en) = mil(line.amount.vnd);
            out.push(
                Finding::new(
                    "funding.state_budget_not_split",
                    Severity::Warning,
                    format!("{p}/lines/{i}/source"),
                    format!("Ngân sách nhà nước {a_vi} không nêu cấp (khuyến công quốc gia, địa phương hay chương trình khác): phần này không được tính là kinh phí khuyến công khi kiểm tra mức hỗ trợ tối đa"),
                    format!("The state budget of {a_en} does not say its level (national or local extension, or another programme): it is not counted as extension support when the support limit is checked"),
                )
                .param("amount_vnd", line.amount.vnd.get()),
            );
        }
    }

    // The counterpart covers the rest (Joint Circular 26/2014 Art. 7.3).
    let (conf, why_vi, why_en) = ttlt26_rule_confidence(date);
    let state_fig = crate::document::reconcile::Figure::new(
        state.get(),
        funding.exactness_of(FundingSource::is_state),
    );
    let total_fig = crate::document::reconcile::Figure::from(&funding.total_cost);
    if funding.is_exact() {
        match funding.total_cost.vnd.checked_sub(state) {
            Err(_) => {
                let (s_vi, s_en) = mil(state);
                out.push(
                    Finding::new(
                        "funding.state_exceeds_total",
                        Severity::Error,
                        format!("{p}/lines"),
                        format!("Kinh phí ngân sách nhà nước {s_vi} lớn hơn tổng kinh phí"),
                        format!("State money {s_en} exceeds the total cost"),
                    )
                    .param("state_vnd", state.get())
                    .param("total_cost_vnd", funding.total_cost.vnd.get()),
                );
            }
            Ok(required) if non_state < required => {
                let (r_vi, r_en) = mil(required);
                let (n_vi, n_en) = mil(non_state);
                out.push(
                    Finding::new(
                        "funding.counterpart_short",
                        Severity::Error,
                        format!("{p}/lines"),
                        format!(
                            "Phần kinh phí còn lại sau hỗ trợ của Nhà nước là {r_vi} nhưng vốn đối ứng và nguồn khác chỉ có {n_vi}{why_vi}"
                        ),
                        format!(
                            "The cost left after state support is {r_en} but counterpart and other funds are only {n_en}{why_en}"
                        ),
                    )
                    .cite(ttlt26(7, 3))
                    .confidence(conf)
                    .param("required_vnd", required.get())
                    .param("counterpart_vnd", non_state.get()),
                );
            }
            Ok(_) => {}
        }
    } else {
        // Approximate or bounded money: only what the bounds make certain is an error; an
        // approximation beyond the tolerance is a warning.
        use crate::document::reconcile::{Agreement, compare, shortfall};
        let tolerate =
            |out: &mut Vec<Finding>, code: &str, agreement: Agreement, vi: String, en: String| {
                match agreement {
                    Agreement::Mismatch => out.push(Finding::new(
                        code,
                        Severity::Error,
                        format!("{p}/lines"),
                        vi,
                        en,
                    )),
                    Agreement::OutsideTolerance => out.push(Finding::new(
                        "reconcile.approximate_outside_tolerance",
                        Severity::Warning,
                        format!("{p}/lines"),
                        format!(
                            "{vi} — số liệu ước tính, chênh lệch quá {}%",
                            crate::document::reconcile::APPROXIMATE_TOLERANCE_PERCENT
                        ),
                        format!(
                            "{en} — approximate figures, more than {}% apart",
                            crate::document::reconcile::APPROXIMATE_TOLERANCE_PERCENT
                        ),
                    )),
                    _ => {}
                }
            };
        let (s_vi, s_en) = mil(state);
        let (t_vi, t_en) = mil(funding.total_cost.vnd);
        tolerate(
            &mut out,
            "funding.state_exceeds_total",
            compare(total_fig, state_fig, true),
            format!("Kinh phí ngân sách nhà nước {s_vi} lớn hơn tổng kinh phí {t_vi}"),
            format!("State money {s_en} exceeds the total cost {t_en}"),
        );
        let required = crate::document::reconcile::Figure::new(
            funding.total_cost.vnd.get().saturating_sub(state.get()),
            funding.total_cost.exactness.combine(state_fig.exactness),
        );
        let have = crate::document::reconcile::Figure::new(
            non_state.get(),
            funding.exactness_of(|s| !s.is_state()),
        );
        if funding.total_cost.vnd >= state {
            let (r_vi, r_en) = mil(Vnd::new(required.value).unwrap_or(Vnd::ZERO));
            let (n_vi, n_en) = mil(non_state);
            tolerate(
                &mut out,
                "funding.counterpart_short",
                shortfall(required, have),
                format!(
                    "Phần kinh phí còn lại sau hỗ trợ của Nhà nước là {r_vi} nhưng vốn đối ứng và nguồn khác chỉ có {n_vi}{why_vi}"
                ),
                format!(
                    "The cost left after state support is {r_en} but counterpart and other funds are only {n_en}{why_en}"
                ),
            );
        }
    }

    // No other state money for the same cost items (Art. 7.4).
    match funding.no_other_state_funding {
        None => out.push(
            Finding::new(
                "funding.no_other_state_funding_missing",
                Severity::Error,
                format!("{p}/no_other_state_funding"),
                format!("Thiếu cam kết chưa nhận kinh phí nhà nước khác cho cùng nội dung chi{why_vi}"),
                format!("The declaration that no other state money funds the same cost items is missing{why_en}"),
            )
            .cite(ttlt26(7, 4))
            .confidence(conf),
        ),
        Some(false) => out.push(
            Finding::new(
                "funding.other_state_funding_declared",
                Severity::Error,
                format!("{p}/no_other_state_funding"),
                format!("Cơ sở khai đã nhận kinh phí nhà nước khác cho cùng nội dung chi{why_vi}"),
                format!("The beneficiary declares other state money for the same cost items{why_en}"),
            )
            .cite(ttlt26(7, 4))
            .confidence(conf),
        ),
        Some(true) => {}
    }
    for (i, line) in funding.lines.iter().enumerate() {
        if line.source == FundingSource::NationalTargetProgramme {
            out.push(
                Finding::new(
                    "funding.integrated_state_funds",
                    Severity::Warning,
                    format!("{p}/lines/{i}"),
                    "Kinh phí lồng ghép chương trình mục tiêu quốc gia: bảo đảm không chi trùng nội dung với kinh phí khuyến công",
                    "Integrated national target programme money: make sure it does not pay for the same cost items as the extension support",
                )
                .cite(ttlt26(3, 3))
                .confidence(conf)
                .param("amount_vnd", line.amount.vnd.get()),
            );
        }
    }

    // The mix, with exact shares.
    // Built in place: every scheme gets this finding.
    let mut vi = String::with_capacity(160);
    vi.push_str("Cơ cấu nguồn vốn: hỗ trợ của Nhà nước ");
    push_million_vi(&mut vi, state);
    vi.push_str(", vốn đối ứng và nguồn khác ");
    push_million_vi(&mut vi, non_state);
    vi.push_str(", tổng ");
    push_million_vi(&mut vi, sum);
    let mut en = String::with_capacity(128);
    en.push_str("Funding mix: state support ");
    push_million_en(&mut en, state);
    en.push_str(", counterpart and other ");
    push_million_en(&mut en, non_state);
    en.push_str(", total ");
    push_million_en(&mut en, sum);
    if !funding.is_exact() {
        vi.push_str(" (có số liệu ước tính hoặc giới hạn dưới)");
        en.push_str(" (some figures are approximate or lower bounds)");
    }
    let mut shares = Finding::new("funding.shares", Severity::Info, p, vi, en)
        .param("total_vnd", sum.get())
        .param("state_support_vnd", state.get())
        .param("extension_support_vnd", extension.get())
        .param("counterpart_and_other_vnd", non_state.get());
    if let Ok(r) = support_share(state, sum) {
        shares = shares
            .param(
                "state_share",
                format!("{}/{}", r.numerator.get(), r.denominator.get()),
            )
            .param(
                "state_share_percent_2dp_floor",
                r.percent(2, RoundingStrategy::ToZero).to_string(),
            );
    }
    if let Ok(r) = counterpart_per_support(non_state, state) {
        shares = shares
            .param(
                "counterpart_per_support",
                format!("{}/{}", r.numerator.get(), r.denominator.get()),
            )
            .param(
                "counterpart_per_support_4dp_floor",
                r.decimal(4, RoundingStrategy::ToZero).to_string(),
            );
    }
    out.push(shares);
    Finding::sort(&mut out);
    out
}
