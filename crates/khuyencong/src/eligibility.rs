//! Eligibility: may this applicant receive this extension activity on this date?
//!
//! [`assess`] reads [`ApplicantFacts`], applies the subject rules of Decree 45/2012/NĐ-CP
//! Art. 1.2 (2012 wording until 2025-10-14, Decree 235/2025/NĐ-CP wording from 2025-10-15),
//! the industry list of Art. 5.1 with Circular 46/2012/TT-BCT Art. 3 and 5, and the
//! activity conditions of the finance circulars, and answers [`Verdict::Eligible`],
//! [`Verdict::NotEligible`] or [`Verdict::Indeterminate`] with every finding, each citing
//! its article and carrying its confidence. The decision procedure is documented for
//! lawyers in `docs/eligibility.md`.
//!
//! ```
//! use chrono::NaiveDate;
//! use khuyencong::activity::Activity;
//! use khuyencong::applicant::{ApplicantFacts, Location};
//! use khuyencong::beneficiary::LegalForm;
//! use khuyencong::eligibility::{Verdict, assess};
//! use khuyencong::industry::Industry;
//! use khuyencong::location::AdminUnit;
//!
//! let applicant = ApplicantFacts {
//!     legal_form: Some(LegalForm::Cooperative),
//!     industry: Some(Industry::Handicraft),
//!     head_office: Some(Location {
//!         province_kind: Some(AdminUnit::Province),
//!         unit_kind: Some(AdminUnit::Commune),
//!         ..Location::default()
//!     }),
//!     ..ApplicantFacts::default()
//! };
//! let day = NaiveDate::from_ymd_opt(2025, 11, 1).unwrap();
//! let a = assess(&applicant, Activity::AdvancedMachinery, day)?;
//! assert_eq!(a.verdict, Verdict::Eligible);
//!
//! // Before Decree 45/2012 took effect the question is out of scope.
//! let early = NaiveDate::from_ymd_opt(2012, 7, 4).unwrap();
//! assert!(assess(&applicant, Activity::AdvancedMachinery, early).is_err());
//! # Ok::<(), khuyencong::law::RegimeError>(())
//! ```

use chrono::{Datelike, Months, NaiveDate};
use schemars::JsonSchema;
use serde::Serialize;

use crate::activity::Activity;
use crate::applicant::{ApplicantFacts, KilnTechnology, Location};
use crate::beneficiary::{BeneficiaryCategory, LegalForm};
use crate::codelist::Codelist;
use crate::finding::{Finding, FindingDef, Severity};
use crate::industry::{Industry, PriorityArea, PriorityIndustry};
use crate::law::{
    Citation, Confidence, GeographyEra, InstrumentId, Point, Regime, RegimeError, SupportRegime,
    ymd,
};
use crate::location::{AdminUnit, UrbanClass};
use crate::money::Share;
use crate::sme::{self, SmeStatus};

/// The answer of an assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Verdict {
    /// Every condition is met. / Đủ điều kiện.
    Eligible,
    /// At least one condition fails. / Không đủ điều kiện.
    NotEligible,
    /// No condition fails, but at least one could not be decided (see `missing_facts` and the
    /// warnings). / Chưa xác định được.
    Indeterminate,
}

impl Verdict {
    /// The permanent code.
    pub const fn code(self) -> &'static str {
        match self {
            Self::Eligible => "eligible",
            Self::NotEligible => "not_eligible",
            Self::Indeterminate => "indeterminate",
        }
    }
}

/// Whether a priority is an area (Art. 6.1) or an industry or product (Art. 6.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PriorityKind {
    /// A priority area (địa bàn ưu tiên).
    Area,
    /// A priority industry or product (ngành nghề ưu tiên).
    Industry,
}

/// One priority the applicant has, in allocation order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[non_exhaustive]
pub struct Priority {
    /// Area or industry.
    pub kind: PriorityKind,
    /// The code of the [`PriorityArea`] or [`PriorityIndustry`].
    pub code: String,
    /// For areas: the rank of Circular 46/2012/TT-BCT Art. 6 (1 first); for industries:
    /// 5 for Decree 45/2012 Art. 6.2(b), 6 for Art. 6.2(a) (industries come after areas, and
    /// 6.2(b) before 6.2(a)); 7 for the tie-break of Art. 6.2a (inserted by Decree 235/2025),
    /// which only orders establishments that meet the conditions equally.
    pub rank: u8,
    /// The provision.
    pub citation: Citation,
    /// How sure the project is of it.
    pub confidence: Confidence,
    /// JSON Pointers of the facts it was derived from.
    pub facts: Vec<String>,
}

/// The result of [`assess`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[non_exhaustive]
pub struct Assessment {
    /// The answer.
    pub verdict: Verdict,
    /// The category of Decree 45/2012 Art. 1.2 the applicant was assessed under; eligible in it
    /// only when `verdict` is `eligible`. `None` when several categories remain open.
    pub beneficiary_category: Option<BeneficiaryCategory>,
    /// Every finding, in rule order: what was decided, on which article, with which facts.
    pub findings: Vec<Finding>,
    /// JSON Pointers (into the applicant) of the facts still needed to decide, in rule order.
    pub missing_facts: Vec<String>,
    /// The applicant's priorities (Art. 6), areas first by rank, then industries; only for
    /// rural industrial establishments (cleaner production is not ranked, TT 46/2012 Art. 6).
    pub priorities: Vec<Priority>,
    /// The SME status derived for an enterprise, if the legal form asked for it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sme_status: Option<SmeStatus>,
    /// The text of the law applied.
    pub regime: Regime,
    /// The assessment date.
    pub as_of: NaiveDate,
    /// The plan year used by the five-year ward test (TT 46/2012 Art. 3.1(đ)): the year of the
    /// assessment date.
    pub plan_year: i32,
    /// The activity asked about.
    pub activity: Activity,
    /// The weakest confidence of the findings the verdict rests on.
    pub confidence: Confidence,
}

impl Assessment {
    /// The same assessment with every JSON Pointer (finding paths, facts, missing facts,
    /// priority facts) prefixed by `base` — for applicants embedded in a larger document,
    /// e.g. `/beneficiaries/0`.
    #[must_use]
    pub fn prefixed(mut self, base: &str) -> Self {
        let p = |s: &mut String| s.insert_str(0, base);
        for f in &mut self.findings {
            p(&mut f.path);
            f.facts.iter_mut().for_each(p);
        }
        self.missing_facts.iter_mut().for_each(p);
        for pr in &mut self.priorities {
            pr.facts.iter_mut().for_each(p);
        }
        self
    }
}

// ---------------------------------------------------------------------------------------
// Citations and dates
// ---------------------------------------------------------------------------------------

const fn nd45_1_2(point: Point) -> Citation {
    Citation::article(InstrumentId::Nd45_2012, 1)
        .clause(2)
        .point(point)
}
/// Decree 235/2025 Art. 1.1, which replaced Decree 45/2012 Art. 1.2.
const ND235_1_1: Citation = Citation::article(InstrumentId::Nd235_2025, 1).clause(1);
const ND45_5_1: Citation = Citation::article(InstrumentId::Nd45_2012, 5).clause(1);
const ND45_6: Citation = Citation::article(InstrumentId::Nd45_2012, 6);
const fn tt46_3_1(point: Point) -> Citation {
    Citation::article(InstrumentId::Tt46_2012Bct, 3)
        .clause(1)
        .point(point)
}
const TT46_3_2: Citation = Citation::article(InstrumentId::Tt46_2012Bct, 3).clause(2);
const TT46_7: Citation = Citation::article(InstrumentId::Tt46_2012Bct, 7);
const TTLT26_6_2A: Citation = Citation::article(InstrumentId::Ttlt26_2014, 6)
    .clause(2)
    .point(Point::A);
const TTLT26_7_4: Citation = Citation::article(InstrumentId::Ttlt26_2014, 7).clause(4);
const TT28_8_1: Citation = Citation::article(InstrumentId::Tt28_2018Btc, 8).clause(1);
/// The first day of Circular 46/2012/TT-BCT.
const TT46_EFFECTIVE: NaiveDate = ymd(2013, 2, 10);

/// Activities that an establishment applying cleaner production may receive whatever its
/// size or place (Decree 45/2012 Art. 1.2(b), Art. 4.2(a), 4.3(c), 4.7(c); TT 46 Art. 3.2).
const CLEANER_PRODUCTION_ACTIVITIES: &[Activity] = &[
    Activity::ManagementCapacity,
    Activity::CleanerProductionPilot,
    Activity::RelocationPollutionTreatment,
];
/// Activities open to sustainable-production establishments (2025 regime).
const SUSTAINABLE_ACTIVITIES: &[Activity] = &[Activity::SustainableProduction];
/// Activities open to industrial-cluster infrastructure investors (2025 regime; the
/// amended Art. 4.7: investment promotion and wastewater and emission treatment at clusters).
const CLUSTER_ACTIVITIES: &[Activity] = &[
    Activity::IndustrialClusterDevelopment,
    Activity::ClusterEnvironmentalTreatment,
    Activity::ClusterInvestmentPromotion,
    Activity::WastewaterEmissionTreatment,
];
/// Activities open to artisans (2025 regime: the amended Art. 4.4).
const ARTISAN_ACTIVITIES: &[Activity] = &[Activity::ArtisanCraftSupport];

// ---------------------------------------------------------------------------------------
// Findings registry
// ---------------------------------------------------------------------------------------

const fn def(
    code: &'static str,
    severity: Severity,
    citation: Option<Citation>,
    meaning: (&'static str, &'static str),
    fix: (&'static str, &'static str),
) -> FindingDef {
    FindingDef {
        code,
        severity,
        citation,
        meaning_vi: meaning.0,
        meaning_en: meaning.1,
        fix_vi: fix.0,
        fix_en: fix.1,
    }
}

const NO_FIX: (&str, &str) = ("Không cần xử lý.", "Nothing to fix.");
const ADD_FACT: (&str, &str) = (
    "Bổ sung các dữ kiện được liệt kê trong missing_facts.",
    "Supply the facts listed in missing_facts.",
);

/// Every finding code of the eligibility engine.
pub(crate) const FINDINGS: &[FindingDef] = &[
    def(
        "eligibility.activity_not_in_regime",
        Severity::Error,
        None,
        (
            "Nội dung hoạt động không tồn tại trong văn bản áp dụng tại ngày đánh giá.",
            "The activity does not exist in the text of the law in force on the assessment date.",
        ),
        (
            "Chọn nội dung hoạt động có trong văn bản áp dụng.",
            "Choose an activity of the text in force.",
        ),
    ),
    def(
        "eligibility.service_provider_not_assessed",
        Severity::Warning,
        Some(nd45_1_2(Point::C)),
        (
            "Hoạt động nâng cao năng lực hệ thống khuyến công (nhóm 9) không hỗ trợ cơ sở; đối tượng là tổ chức, cá nhân thực hiện dịch vụ khuyến công, năng lực của họ (Điều 7 Thông tư 46/2012/TT-BCT) không được đánh giá.",
            "System-capacity activities (group 9) do not support establishments; the subject is an extension-service provider, whose capacity (TT 46/2012 Art. 7) is not assessed.",
        ),
        (
            "Cơ quan quản lý đánh giá năng lực đơn vị thực hiện.",
            "The managing agency judges the provider's capacity.",
        ),
    ),
    def(
        "eligibility.legal_form_unknown",
        Severity::Warning,
        Some(nd45_1_2(Point::A)),
        ("Chưa có loại hình pháp lý.", "The legal form is not given."),
        ADD_FACT,
    ),
    def(
        "eligibility.legal_form_eligible",
        Severity::Info,
        Some(nd45_1_2(Point::A)),
        (
            "Loại hình thuộc cơ sở công nghiệp nông thôn.",
            "The legal form is one of a rural industrial establishment.",
        ),
        NO_FIX,
    ),
    def(
        "eligibility.legal_form_not_eligible",
        Severity::Error,
        Some(nd45_1_2(Point::A)),
        (
            "Loại hình không thuộc cơ sở công nghiệp nông thôn.",
            "The legal form is not one of a rural industrial establishment.",
        ),
        (
            "Không khắc phục được cho nội dung này; xem xét đối tượng khác (sản xuất sạch hơn).",
            "Not curable for this activity; consider another category (cleaner production).",
        ),
    ),
    def(
        "eligibility.sme_derived",
        Severity::Info,
        Some(sme::LAW_04_ART_4),
        (
            "Quy mô doanh nghiệp được xác định từ lĩnh vực, lao động, doanh thu hoặc nguồn vốn.",
            "The enterprise size was derived from sector, employees and revenue or capital.",
        ),
        NO_FIX,
    ),
    def(
        "eligibility.large_enterprise",
        Severity::Error,
        Some(sme::LAW_04_ART_4),
        (
            "Doanh nghiệp vượt tiêu chí doanh nghiệp nhỏ và vừa: không phải cơ sở công nghiệp nông thôn.",
            "The enterprise exceeds the SME bands: not a rural industrial establishment.",
        ),
        (
            "Chỉ có thể được hỗ trợ với tư cách cơ sở áp dụng sản xuất sạch hơn.",
            "It can only be supported as a cleaner-production establishment.",
        ),
    ),
    def(
        "eligibility.sme_indeterminate",
        Severity::Warning,
        Some(sme::LAW_04_ART_4),
        (
            "Thiếu dữ kiện để xác định doanh nghiệp nhỏ và vừa.",
            "Facts are missing to decide whether the enterprise is an SME.",
        ),
        ADD_FACT,
    ),
    def(
        "eligibility.sme_not_assessed",
        Severity::Warning,
        None,
        (
            "Tiêu chí doanh nghiệp nhỏ và vừa trước ngày 11/3/2018 (Nghị định 56/2009/NĐ-CP) chưa được mô hình hóa.",
            "SME bands before 2018-03-11 (Decree 56/2009/ND-CP) are not modelled.",
        ),
        (
            "Cơ quan thẩm định tự xác định quy mô theo Nghị định 56/2009/NĐ-CP.",
            "The reviewer decides the size under Decree 56/2009/ND-CP.",
        ),
    ),
    def(
        "eligibility.sme_figures_year",
        Severity::Warning,
        Some(Citation::article(InstrumentId::Nd80_2021, 7)),
        (
            "Số liệu doanh nghiệp không phải của năm trước liền kề.",
            "The SME figures are not for the previous year.",
        ),
        (
            "Dùng số liệu năm trước liền kề.",
            "Use the previous year's figures.",
        ),
    ),
    def(
        "eligibility.location_unknown",
        Severity::Warning,
        Some(nd45_1_2(Point::A)),
        (
            "Chưa đủ dữ kiện về địa bàn.",
            "The location facts do not decide the location test.",
        ),
        ADD_FACT,
    ),
    def(
        "eligibility.location_eligible",
        Severity::Info,
        Some(nd45_1_2(Point::A)),
        (
            "Địa bàn thuộc phạm vi của cơ sở công nghiệp nông thôn.",
            "The place is within the places of a rural industrial establishment.",
        ),
        NO_FIX,
    ),
    def(
        "eligibility.location_not_eligible",
        Severity::Error,
        Some(nd45_1_2(Point::A)),
        (
            "Địa bàn không thuộc phạm vi của cơ sở công nghiệp nông thôn.",
            "The place is outside the places of a rural industrial establishment.",
        ),
        (
            "Nếu cơ sở sản xuất ở địa bàn khác, khai báo production_site.",
            "If production happens elsewhere, give production_site.",
        ),
    ),
    def(
        "eligibility.unit_not_in_era",
        Severity::Warning,
        None,
        (
            "Loại đơn vị hành chính không tồn tại trong hệ thống đơn vị hành chính tại ngày đánh giá.",
            "The kind of administrative unit does not exist in the map in force on the assessment date.",
        ),
        (
            "Khai báo đơn vị hành chính theo bản đồ tại ngày đánh giá.",
            "Give the units of the map in force on the assessment date.",
        ),
    ),
    def(
        "eligibility.production_site_judged",
        Severity::Info,
        Some(tt46_3_1(Point::D)),
        (
            "Trụ sở ở địa bàn không đủ điều kiện nhưng cơ sở đầu tư, sản xuất ở địa bàn đủ điều kiện.",
            "The head office is in an ineligible place but the establishment invests and produces in an eligible one.",
        ),
        NO_FIX,
    ),
    def(
        "eligibility.industry_unknown",
        Severity::Warning,
        Some(ND45_5_1),
        ("Chưa có ngành, nghề.", "The industry is not given."),
        ADD_FACT,
    ),
    def(
        "eligibility.industry_eligible",
        Severity::Info,
        Some(ND45_5_1),
        (
            "Ngành, nghề thuộc danh mục được hưởng chính sách khuyến công.",
            "The industry is on the list of Art. 5.1.",
        ),
        NO_FIX,
    ),
    def(
        "eligibility.industry_not_eligible",
        Severity::Error,
        Some(ND45_5_1),
        (
            "Ngành, nghề không thuộc danh mục tại ngày đánh giá.",
            "The industry is not on the list in force on the assessment date.",
        ),
        NO_FIX,
    ),
    def(
        "eligibility.mining_outside_difficult_area",
        Severity::Error,
        Some(ND45_5_1.point(Point::E)),
        (
            "Khai thác, chế biến khoáng sản chỉ được hỗ trợ tại địa bàn khó khăn, đặc biệt khó khăn.",
            "Mining and mineral processing is supported only in difficult or especially difficult areas.",
        ),
        NO_FIX,
    ),
    def(
        "eligibility.difficult_area_unknown",
        Severity::Warning,
        Some(ND45_5_1.point(Point::E)),
        (
            "Chưa rõ địa bàn có thuộc địa bàn khó khăn, đặc biệt khó khăn không.",
            "It is not known whether the place is a difficult or especially difficult area.",
        ),
        ADD_FACT,
    ),
    def(
        "eligibility.brick_kiln_excluded",
        Severity::Error,
        Some(KilnTechnology::citation()),
        (
            "Không hỗ trợ sản xuất gạch đất sét nung bằng lò thủ công cải tiến, lò vòng.",
            "No support for fired-clay brick from improved-manual or ring kilns.",
        ),
        NO_FIX,
    ),
    def(
        "eligibility.kiln_unknown",
        Severity::Warning,
        Some(KilnTechnology::citation()),
        (
            "Chưa có công nghệ, loại lò sản xuất vật liệu xây dựng.",
            "The building-materials technology is not given.",
        ),
        ADD_FACT,
    ),
    def(
        "eligibility.kiln_rule_not_in_force",
        Severity::Info,
        Some(KilnTechnology::citation()),
        (
            "Quy định loại trừ lò gạch của Thông tư 46/2012/TT-BCT chưa có hiệu lực tại ngày đánh giá.",
            "The brick-kiln exclusion of Circular 46/2012 was not yet in force on the assessment date.",
        ),
        NO_FIX,
    ),
    def(
        "eligibility.enterprise_setup_outside_difficult_area",
        Severity::Error,
        Some(TT28_8_1),
        (
            "Hỗ trợ khởi sự, thành lập doanh nghiệp chỉ áp dụng tại địa bàn khó khăn, đặc biệt khó khăn.",
            "Enterprise set-up support applies only in difficult or especially difficult areas.",
        ),
        NO_FIX,
    ),
    def(
        "eligibility.enterprise_setup_in_difficult_area",
        Severity::Info,
        Some(TT28_8_1),
        (
            "Địa bàn khó khăn, đặc biệt khó khăn: đáp ứng điều kiện hỗ trợ khởi sự doanh nghiệp.",
            "Difficult or especially difficult area: the enterprise set-up condition is met.",
        ),
        NO_FIX,
    ),
    def(
        "eligibility.enterprise_setup_not_assessed",
        Severity::Warning,
        None,
        (
            "Điều kiện hỗ trợ khởi sự doanh nghiệp trước ngày 08/4/2014 (Thông tư liên tịch 125/2009) chưa được mô hình hóa.",
            "Enterprise set-up conditions before 2014-04-08 (Joint Circular 125/2009) are not modelled.",
        ),
        NO_FIX,
    ),
    def(
        "eligibility.cleaner_production_establishment",
        Severity::Info,
        Some(nd45_1_2(Point::B)),
        (
            "Cơ sở áp dụng sản xuất sạch hơn: không giới hạn quy mô, địa bàn (khoản 2 Điều 3 Thông tư 46/2012/TT-BCT).",
            "Cleaner-production establishment: no size or place limit (TT 46/2012 Art. 3.2).",
        ),
        NO_FIX,
    ),
    def(
        "eligibility.sustainable_production_establishment",
        Severity::Info,
        Some(ND235_1_1),
        (
            "Cơ sở áp dụng sản xuất và tiêu dùng bền vững (từ 15/10/2025).",
            "Establishment applying sustainable production and consumption (from 2025-10-15).",
        ),
        NO_FIX,
    ),
    def(
        "eligibility.industrial_cluster_investor",
        Severity::Info,
        Some(ND235_1_1),
        (
            "Doanh nghiệp, hợp tác xã đầu tư hạ tầng cụm công nghiệp (từ 15/10/2025).",
            "Enterprise or cooperative investing in industrial-cluster infrastructure (from 2025-10-15).",
        ),
        NO_FIX,
    ),
    def(
        "eligibility.cluster_investor_legal_form",
        Severity::Error,
        Some(ND235_1_1),
        (
            "Chủ đầu tư hạ tầng cụm công nghiệp phải là doanh nghiệp hoặc hợp tác xã.",
            "An industrial-cluster infrastructure investor must be an enterprise or a cooperative.",
        ),
        NO_FIX,
    ),
    def(
        "eligibility.artisan",
        Severity::Info,
        Some(Citation::article(InstrumentId::Nd235_2025, 1)),
        (
            "Nghệ nhân nhân dân, nghệ nhân ưu tú trong lĩnh vực nghề thủ công mỹ nghệ (khoản 2 Điều 1 mới, theo văn bản trích dẫn trên cổng thông tin Chính phủ; nguồn thứ cấp).",
            "People's or Meritorious Artisan in handicrafts (the new Art. 1.2, as quoted by the Government's policy portal; secondary).",
        ),
        NO_FIX,
    ),
    def(
        "eligibility.alternative_category_unknown",
        Severity::Warning,
        None,
        (
            "Không đủ điều kiện cơ sở công nghiệp nông thôn, nhưng có thể thuộc đối tượng khác nếu dữ kiện được bổ sung.",
            "Not a rural industrial establishment, but another category may apply once the listed facts are given.",
        ),
        ADD_FACT,
    ),
    def(
        "eligibility.other_state_funding",
        Severity::Error,
        Some(TTLT26_7_4),
        (
            "Nội dung chi đã được ngân sách nhà nước hỗ trợ: không được hỗ trợ trùng.",
            "The cost items already received state funding: no double funding.",
        ),
        NO_FIX,
    ),
    def(
        "eligibility.other_state_funding_unverified",
        Severity::Warning,
        Some(TTLT26_7_4),
        (
            "Nội dung chi đã được ngân sách nhà nước hỗ trợ; quy định tương ứng của Thông tư 28/2018/TT-BTC chưa được đọc: cần thẩm định.",
            "The cost items already received state funding; the Circular 28/2018 equivalent of the ban was not read: a reviewer must check.",
        ),
        (
            "Loại các nội dung chi đã được hỗ trợ khỏi đề án.",
            "Remove the already funded items from the scheme.",
        ),
    ),
    def(
        "eligibility.other_state_funding_unknown",
        Severity::Warning,
        Some(TTLT26_7_4),
        (
            "Chưa rõ nội dung chi đã được ngân sách nhà nước hỗ trợ chưa.",
            "It is not known whether the cost items already received state funding.",
        ),
        ADD_FACT,
    ),
];

// ---------------------------------------------------------------------------------------
// Collecting findings
// ---------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Pass,
    Fail,
    Unknown,
}

/// One rule's answer: its outcome, its finding (none for an information finding that is
/// not kept), and the facts it still needs.
struct Judged {
    outcome: Outcome,
    finding: Option<Finding>,
    missing: Vec<String>,
}

impl Judged {
    fn pass(f: Finding) -> Self {
        Self {
            outcome: Outcome::Pass,
            finding: Some(f),
            missing: Vec::new(),
        }
    }
    fn fail(f: Finding) -> Self {
        Self {
            outcome: Outcome::Fail,
            finding: Some(f),
            missing: Vec::new(),
        }
    }
    fn unknown(f: Finding, missing: Vec<String>) -> Self {
        Self {
            outcome: Outcome::Unknown,
            finding: Some(f),
            missing,
        }
    }
    /// A passed condition whose finding is information: built only if `keep`.
    fn info(keep: bool, f: impl FnOnce() -> Finding) -> Self {
        Self {
            outcome: Outcome::Pass,
            finding: keep.then(f),
            missing: Vec::new(),
        }
    }
}

struct Ctx {
    findings: Vec<Finding>,
    missing: Vec<String>,
    failed: bool,
    unknown: bool,
    /// Whether information findings (and priorities) are built: false when the caller keeps
    /// only warnings and errors. Outcomes, missing facts and every other finding are the same
    /// either way.
    keep_info: bool,
}

impl Ctx {
    fn new(keep_info: bool) -> Self {
        Self {
            findings: Vec::new(),
            missing: Vec::new(),
            failed: false,
            unknown: false,
            keep_info,
        }
    }

    fn add(&mut self, j: Judged) {
        match j.outcome {
            Outcome::Pass => {}
            Outcome::Fail => self.failed = true,
            Outcome::Unknown => self.unknown = true,
        }
        for m in j.missing {
            if !self.missing.contains(&m) {
                self.missing.push(m);
            }
        }
        self.findings.extend(j.finding);
    }

    fn merge(&mut self, other: Ctx) {
        self.failed |= other.failed;
        self.unknown |= other.unknown;
        for m in other.missing {
            if !self.missing.contains(&m) {
                self.missing.push(m);
            }
        }
        self.findings.extend(other.findings);
    }

    fn verdict(&self) -> Verdict {
        if self.failed {
            Verdict::NotEligible
        } else if self.unknown {
            Verdict::Indeterminate
        } else {
            Verdict::Eligible
        }
    }
}

/// A finding with its citation and confidence.
fn finding(
    code: &str,
    severity: Severity,
    path: &str,
    msg: (String, String),
    citation: Citation,
    confidence: Confidence,
) -> Finding {
    Finding::new(code, severity, path, msg.0, msg.1)
        .cite(citation)
        .confidence(confidence)
}

/// A passed condition with an information finding, its messages built only if `keep`.
fn pass(
    keep: bool,
    code: &str,
    path: &str,
    msg: impl FnOnce() -> (String, String),
    c: Citation,
    conf: Confidence,
) -> Judged {
    Judged::info(keep, || finding(code, Severity::Info, path, msg(), c, conf))
}
fn fail(code: &str, path: &str, msg: (String, String), c: Citation, conf: Confidence) -> Judged {
    Judged::fail(finding(code, Severity::Error, path, msg, c, conf))
}
fn unknown(
    code: &str,
    path: &str,
    msg: (String, String),
    c: Citation,
    conf: Confidence,
    missing: Vec<String>,
) -> Judged {
    let f = finding(code, Severity::Warning, path, msg, c, conf).facts(missing.iter().cloned());
    Judged::unknown(f, missing)
}

fn m(vi: impl Into<String>, en: impl Into<String>) -> (String, String) {
    (vi.into(), en.into())
}

fn dmy(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

// ---------------------------------------------------------------------------------------
// The assessment
// ---------------------------------------------------------------------------------------

/// The special categories of Decree 45/2012 Art. 1.2(b) and the 2025 additions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Route {
    CleanerProduction,
    Sustainable,
    ClusterInvestor,
    Artisan,
}

impl Route {
    const ALL: [Self; 4] = [
        Self::CleanerProduction,
        Self::Sustainable,
        Self::ClusterInvestor,
        Self::Artisan,
    ];

    fn activities(self) -> &'static [Activity] {
        match self {
            Self::CleanerProduction => CLEANER_PRODUCTION_ACTIVITIES,
            Self::Sustainable => SUSTAINABLE_ACTIVITIES,
            Self::ClusterInvestor => CLUSTER_ACTIVITIES,
            Self::Artisan => ARTISAN_ACTIVITIES,
        }
    }

    fn category(self) -> BeneficiaryCategory {
        match self {
            Self::CleanerProduction => BeneficiaryCategory::CleanerProductionEstablishment,
            Self::Sustainable => BeneficiaryCategory::SustainableProductionEstablishment,
            Self::ClusterInvestor => BeneficiaryCategory::IndustrialClusterInvestor,
            Self::Artisan => BeneficiaryCategory::Artisan,
        }
    }

    /// Whether the category exists in the regime.
    fn open_in(self, regime: Regime) -> bool {
        match self {
            Self::CleanerProduction => true,
            _ => regime == Regime::Regime2025,
        }
    }

    /// The applicant's flag for this category and its pointer.
    fn flag(self, a: &ApplicantFacts) -> (Option<bool>, &'static str) {
        match self {
            Self::CleanerProduction => (a.cleaner_production, "/cleaner_production"),
            Self::Sustainable => (a.sustainable_production, "/sustainable_production"),
            Self::ClusterInvestor => (
                a.industrial_cluster_investor,
                "/industrial_cluster_investor",
            ),
            Self::Artisan => (a.artisan_title.map(|_| true), "/artisan_title"),
        }
    }
}

/// Assesses whether `applicant` may receive `activity` under the law in force on `date`.
///
/// The date is the scheme's approval date (or the plan date); its year is used as the plan
/// year of the five-year ward test. Every condition is checked and every finding kept: any
/// failed condition gives [`Verdict::NotEligible`]; otherwise any undecided condition gives
/// [`Verdict::Indeterminate`] with the facts it needs in `missing_facts`; otherwise
/// [`Verdict::Eligible`].
///
/// # Errors
/// [`RegimeError::BeforeDecree45`] for dates before 2012-07-05.
pub fn assess(
    applicant: &ApplicantFacts,
    activity: Activity,
    date: NaiveDate,
) -> Result<Assessment, RegimeError> {
    let regime = Regime::at(date)?;
    let (category, common, priorities, sme_status) = judge(applicant, activity, date, regime, true);
    let confidence = common
        .findings
        .iter()
        .filter_map(|f| f.confidence)
        .max()
        .unwrap_or(Confidence::Confirmed);
    Ok(Assessment {
        verdict: common.verdict(),
        beneficiary_category: category,
        findings: common.findings,
        missing_facts: common.missing,
        priorities,
        sme_status,
        regime,
        as_of: date,
        plan_year: date.year(),
        activity,
        confidence,
    })
}

/// Every rule of [`assess`] in order; information findings and priorities only if
/// `keep_info`.
fn judge(
    applicant: &ApplicantFacts,
    activity: Activity,
    date: NaiveDate,
    regime: Regime,
    keep_info: bool,
) -> CategoryResult {
    let mut common = Ctx::new(keep_info);

    // Decree 45/2012 Art. 4 (as replaced by Decree 235/2025): the activity must exist.
    if !activity.exists_in(regime) {
        common.add(fail(
            "eligibility.activity_not_in_regime",
            "",
            m(
                format!(
                    "Nội dung `{}` không có trong {} tại ngày {}.",
                    activity.code(),
                    regime.label(crate::law::Lang::Vi),
                    dmy(date)
                ),
                format!(
                    "Activity `{}` does not exist in {} on {date}.",
                    activity.code(),
                    regime.label(crate::law::Lang::En)
                ),
            ),
            activity.citation(),
            activity.info().confidence(),
        ));
    }

    let (category, mut ctx, priorities, sme_status) = if is_system_capacity(activity) {
        (
            Some(BeneficiaryCategory::ExtensionServiceProvider),
            service_provider(activity, regime, keep_info),
            Vec::new(),
            None,
        )
    } else {
        by_category(applicant, activity, date, regime, keep_info)
    };

    double_funding(applicant, date, &mut ctx);
    common.merge(ctx);
    (category, common, priorities, sme_status)
}

/// [`assess`] of an applicant embedded at `base` in a document whose checks keep only
/// warnings and errors: the verdict, the missing facts and the findings that are not
/// information, every pointer prefixed by `base` — exactly what
/// `assess(..)?.prefixed(base)` gives after dropping [`Severity::Info`] findings, without
/// building the findings that would be dropped (nor the priorities).
pub(crate) fn assess_embedded(
    applicant: &ApplicantFacts,
    activity: Activity,
    date: NaiveDate,
    base: &str,
) -> Result<(Verdict, Vec<Finding>, Vec<String>), RegimeError> {
    let regime = Regime::at(date)?;
    let (_, mut ctx, ..) = judge(applicant, activity, date, regime, false);
    let p = |s: &mut String| s.insert_str(0, base);
    for f in &mut ctx.findings {
        p(&mut f.path);
        f.facts.iter_mut().for_each(p);
    }
    ctx.missing.iter_mut().for_each(p);
    Ok((ctx.verdict(), ctx.findings, ctx.missing))
}

fn is_system_capacity(activity: Activity) -> bool {
    activity == Activity::SystemCapacity || activity.parent() == Some(Activity::SystemCapacity)
}

/// Group 9 (capacity of the extension system) supports the extension system itself, not
/// establishments: the subject is Art. 1.2(c). Its capacity test (TT 46/2012 Art. 7) is a
/// judgement of staff, finances and experience and is not modelled.
fn service_provider(activity: Activity, regime: Regime, keep_info: bool) -> Ctx {
    let mut ctx = Ctx::new(keep_info);
    let conf = if regime == Regime::Regime2025 {
        Confidence::Secondary
    } else {
        Confidence::Confirmed
    };
    let f = finding(
        "eligibility.service_provider_not_assessed",
        Severity::Warning,
        "",
        m(
            format!(
                "Nội dung `{}` thuộc nhóm nâng cao năng lực hệ thống khuyến công: đối tượng là tổ chức, cá nhân tham gia quản lý, thực hiện dịch vụ khuyến công (điểm c khoản 2 Điều 1); năng lực theo Điều 7 Thông tư 46/2012/TT-BCT không được đánh giá tự động.",
                activity.code()
            ),
            format!(
                "Activity `{}` builds the capacity of the extension system: its subject is an organisation or individual managing or delivering extension services (Art. 1.2(c)); their capacity under TT 46/2012 Art. 7 is not assessed here.",
                activity.code()
            ),
        ),
        nd45_1_2(Point::C),
        conf,
    )
    .param("capacity_rule", TT46_7.render(crate::law::Lang::En));
    ctx.add(Judged::unknown(f, Vec::new()));
    ctx
}

type CategoryResult = (
    Option<BeneficiaryCategory>,
    Ctx,
    Vec<Priority>,
    Option<SmeStatus>,
);

fn by_category(
    a: &ApplicantFacts,
    activity: Activity,
    date: NaiveDate,
    regime: Regime,
    keep_info: bool,
) -> CategoryResult {
    let routes: Vec<Route> = Route::ALL
        .iter()
        .copied()
        .filter(|r| r.open_in(regime) && r.activities().contains(&activity))
        .collect();
    // A special category the applicant claims decides the matter.
    if let Some(route) = routes.iter().copied().find(|r| r.flag(a).0 == Some(true)) {
        return (
            Some(route.category()),
            special(route, a, keep_info),
            Vec::new(),
            None,
        );
    }
    let (mut ctx, sme_status) = rural_establishment(a, activity, date, regime, keep_info);
    let priorities = if keep_info {
        priorities(a, regime)
    } else {
        Vec::new()
    };
    let open: Vec<&'static str> = routes
        .iter()
        .filter_map(|r| {
            let (flag, ptr) = r.flag(a);
            flag.is_none().then_some(ptr)
        })
        .collect();
    if ctx.failed && !open.is_empty() {
        // The applicant fails as a rural industrial establishment, but another category of
        // Art. 1.2 could still apply: the answer waits for that fact.
        for f in &mut ctx.findings {
            if f.severity == Severity::Error {
                f.severity = Severity::Warning;
            }
        }
        let missing: Vec<String> = open.iter().map(|p| (*p).to_owned()).collect();
        let mut out = Ctx {
            findings: ctx.findings,
            missing: Vec::new(),
            failed: false,
            unknown: false,
            keep_info,
        };
        out.add(unknown(
            "eligibility.alternative_category_unknown",
            open[0],
            m(
                format!(
                    "Không đủ điều kiện là cơ sở công nghiệp nông thôn, nhưng nội dung `{}` còn mở cho đối tượng khác (ví dụ cơ sở áp dụng sản xuất sạch hơn, không giới hạn quy mô, địa bàn); cần dữ kiện: {}.",
                    activity.code(),
                    open.join(", ")
                ),
                format!(
                    "Not a rural industrial establishment, but activity `{}` is open to another category (e.g. a cleaner-production establishment, with no size or place limit); needed: {}.",
                    activity.code(),
                    open.join(", ")
                ),
            ),
            nd45_1_2(Point::B),
            Confidence::Confirmed,
            missing,
        ));
        return (None, out, Vec::new(), sme_status);
    }
    (
        Some(BeneficiaryCategory::RuralIndustrialEstablishment),
        ctx,
        priorities,
        sme_status,
    )
}

/// Art. 1.2(b) and the 2025 categories: no size or place limit.
fn special(route: Route, a: &ApplicantFacts, keep_info: bool) -> Ctx {
    let mut ctx = Ctx::new(keep_info);
    let keep = keep_info;
    let (_, ptr) = route.flag(a);
    match route {
        // Decree 45/2012 Art. 1.2(b); TT 46/2012 Art. 3.2: no limit on capital, headcount or place.
        Route::CleanerProduction => ctx.add(Judged::info(keep, || finding(
            "eligibility.cleaner_production_establishment",
            Severity::Info,
            ptr,
            m(
                "Cơ sở sản xuất công nghiệp áp dụng sản xuất sạch hơn (điểm b khoản 2 Điều 1): không giới hạn vốn, lao động, địa bàn (khoản 2 Điều 3 Thông tư 46/2012/TT-BCT); ngành sản xuất sạch hơn thuộc điểm g khoản 1 Điều 5.",
                "Industrial establishment applying cleaner production (Art. 1.2(b)): no limit on capital, headcount or place (TT 46/2012 Art. 3.2); cleaner production is itself on the industry list (Art. 5.1(g)).",
            ),
            nd45_1_2(Point::B),
            Confidence::Confirmed,
        )
        .param("no_limit_rule", TT46_3_2.render(crate::law::Lang::En))
        .facts([ptr]))),
        // Decree 235/2025 Art. 1.1 (new Art. 1.2(b)).
        Route::Sustainable => ctx.add(pass(
            keep,
            "eligibility.sustainable_production_establishment",
            ptr,
            || m(
                "Cơ sở sản xuất công nghiệp áp dụng sản xuất và tiêu dùng bền vững (điểm b khoản 2 Điều 1 sửa đổi bởi Nghị định 235/2025/NĐ-CP).",
                "Industrial establishment applying sustainable production and consumption (Art. 1.2(b) as amended by Decree 235/2025).",
            ),
            ND235_1_1,
            Confidence::Confirmed,
        )),
        // Decree 235/2025 Art. 1.1: enterprises and cooperatives investing in cluster infrastructure.
        Route::ClusterInvestor => {
            let form_ok = a.legal_form.map(|f| {
                matches!(
                    f,
                    LegalForm::Enterprise
                        | LegalForm::Sme
                        | LegalForm::LargeEnterprise
                        | LegalForm::Cooperative
                )
            });
            ctx.add(pass(
                keep,
                "eligibility.industrial_cluster_investor",
                ptr,
                || m(
                    "Chủ đầu tư xây dựng hạ tầng cụm công nghiệp (điểm b khoản 2 Điều 1 sửa đổi bởi Nghị định 235/2025/NĐ-CP).",
                    "Investor in industrial-cluster infrastructure (Art. 1.2(b) as amended by Decree 235/2025).",
                ),
                ND235_1_1,
                Confidence::Confirmed,
            ));
            match form_ok {
                Some(true) => {}
                Some(false) => ctx.add(fail(
                    "eligibility.cluster_investor_legal_form",
                    "/legal_form",
                    m(
                        "Chủ đầu tư hạ tầng cụm công nghiệp được hỗ trợ phải là doanh nghiệp hoặc hợp tác xã.",
                        "A supported industrial-cluster infrastructure investor must be an enterprise or a cooperative.",
                    ),
                    ND235_1_1,
                    Confidence::Confirmed,
                )),
                None => ctx.add(unknown(
                    "eligibility.legal_form_unknown",
                    "/legal_form",
                    m(
                        "Chưa có loại hình pháp lý (chủ đầu tư phải là doanh nghiệp hoặc hợp tác xã).",
                        "The legal form is not given (the investor must be an enterprise or a cooperative).",
                    ),
                    ND235_1_1,
                    Confidence::Confirmed,
                    vec!["/legal_form".to_owned()],
                )),
            }
        }
        Route::Artisan => ctx.add(pass(
            keep,
            "eligibility.artisan",
            ptr,
            || m(
                "Nghệ nhân nhân dân, nghệ nhân ưu tú trong lĩnh vực nghề thủ công mỹ nghệ: đối tượng mới của khoản 2 Điều 1 theo Nghị định 235/2025/NĐ-CP (văn bản trích dẫn trên cổng thông tin Chính phủ, không ghi ký hiệu điểm; nguồn thứ cấp).",
                "People's or Meritorious Artisan in handicrafts: a new subject of Art. 1.2 under Decree 235/2025 (text quoted by the Government's policy portal, without the point letter; secondary source).",
            ),
            Citation::article(InstrumentId::Nd235_2025, 1),
            Confidence::Secondary,
        )),
    }
    ctx
}

/// Art. 1.2(a): a rural industrial establishment — legal form, place, industry, and the
/// activity's own conditions.
fn rural_establishment(
    a: &ApplicantFacts,
    activity: Activity,
    date: NaiveDate,
    regime: Regime,
    keep_info: bool,
) -> (Ctx, Option<SmeStatus>) {
    let mut ctx = Ctx::new(keep_info);
    let sme_status = legal_form(a, date, regime, &mut ctx);
    location(a, date, regime, &mut ctx);
    industry(a, date, regime, &mut ctx);
    if activity == Activity::EnterpriseSetup {
        enterprise_setup(a, date, &mut ctx);
    }
    (ctx, sme_status)
}

// ---------------------------------------------------------------------------------------
// Art. 1.2(a): legal form and SME size
// ---------------------------------------------------------------------------------------

fn legal_form(
    a: &ApplicantFacts,
    date: NaiveDate,
    regime: Regime,
    ctx: &mut Ctx,
) -> Option<SmeStatus> {
    let keep = ctx.keep_info;
    let cite = if regime == Regime::Regime2025 {
        ND235_1_1
    } else {
        nd45_1_2(Point::A)
    };
    let Some(form) = a.legal_form else {
        ctx.add(unknown(
            "eligibility.legal_form_unknown",
            "/legal_form",
            m(
                "Chưa có loại hình pháp lý của cơ sở.",
                "The applicant's legal form is not given.",
            ),
            cite,
            Confidence::Confirmed,
            vec!["/legal_form".to_owned()],
        ));
        return None;
    };
    let code = form.code();
    let ok = |ctx: &mut Ctx| {
        ctx.add(
            pass(
                keep,
                "eligibility.legal_form_eligible",
                "/legal_form",
                || {
                    m(
                        format!("Loại hình `{code}` thuộc cơ sở công nghiệp nông thôn."),
                        format!("Legal form `{code}` is one of a rural industrial establishment."),
                    )
                },
                cite,
                Confidence::Confirmed,
            )
            .with_facts(&["/legal_form"]),
        );
    };
    match form {
        LegalForm::Cooperative | LegalForm::CooperativeGroup | LegalForm::BusinessHousehold => {
            ok(ctx);
            None
        }
        // New in Decree 235/2025 Art. 1.1: unions of cooperatives, from 2025-10-15 only.
        LegalForm::UnionOfCooperatives => {
            if regime == Regime::Regime2025 {
                ok(ctx);
            } else {
                ctx.add(
                    fail(
                        "eligibility.legal_form_not_eligible",
                        "/legal_form",
                        m(
                            "Liên hiệp hợp tác xã chỉ là cơ sở công nghiệp nông thôn từ ngày 15/10/2025 (Nghị định 235/2025/NĐ-CP); điểm a khoản 2 Điều 1 bản năm 2012 không liệt kê.",
                            "A union of cooperatives is a rural industrial establishment only from 2025-10-15 (Decree 235/2025); the 2012 wording of Art. 1.2(a) does not list it.",
                        ),
                        nd45_1_2(Point::A),
                        Confidence::Confirmed,
                    )
                    .with_facts(&["/legal_form"]),
                );
            }
            None
        }
        LegalForm::Enterprise | LegalForm::Sme => Some(sme_test(a, date, cite, ctx)),
        LegalForm::LargeEnterprise => {
            ctx.add(
                fail(
                    "eligibility.large_enterprise",
                    "/legal_form",
                    m(
                        "Doanh nghiệp lớn không phải doanh nghiệp nhỏ và vừa nên không phải cơ sở công nghiệp nông thôn.",
                        "A large enterprise is not an SME and so not a rural industrial establishment.",
                    ),
                    cite,
                    Confidence::Confirmed,
                )
                .with_facts(&["/legal_form"]),
            );
            Some(SmeStatus::Large)
        }
        _ => {
            ctx.add(
                fail(
                    "eligibility.legal_form_not_eligible",
                    "/legal_form",
                    m(
                        format!("Loại hình `{code}` không phải doanh nghiệp nhỏ và vừa, hợp tác xã, tổ hợp tác hay hộ kinh doanh."),
                        format!("Legal form `{code}` is not an SME, cooperative, cooperative group or business household."),
                    ),
                    cite,
                    Confidence::Confirmed,
                )
                .with_facts(&["/legal_form"]),
            );
            None
        }
    }
}

/// SME status is derived, never asserted (TT 46/2012 Art. 3.1: the SME law in force).
fn sme_test(a: &ApplicantFacts, date: NaiveDate, cite: Citation, ctx: &mut Ctx) -> SmeStatus {
    let r = sme::classify(&a.sme, date);
    let used: Vec<String> = r.used.iter().map(|f| format!("/sme/{f}")).collect();
    match r.status.is_sme() {
        Some(true) => {
            let note_vi = if r.confidence == Confidence::Secondary {
                " Ngưỡng của Nghị định 39/2018/NĐ-CP được cho là giống Nghị định 80/2021/NĐ-CP (nguồn thứ cấp)."
            } else {
                ""
            };
            let note_en = if r.confidence == Confidence::Secondary {
                " Decree 39/2018 is believed to use the same bands as Decree 80/2021 (secondary source)."
            } else {
                ""
            };
            ctx.add(Judged::info(ctx.keep_info, || {
                finding(
                    "eligibility.sme_derived",
                    Severity::Info,
                    "/sme",
                    m(
                        format!(
                            "Quy mô xác định được: {}; doanh nghiệp là doanh nghiệp nhỏ và vừa nên thuộc cơ sở công nghiệp nông thôn.{note_vi}",
                            r.status.label(crate::law::Lang::Vi)
                        ),
                        format!(
                            "Derived size: {}; the enterprise is an SME and so a rural industrial establishment.{note_en}",
                            r.status.label(crate::law::Lang::En)
                        ),
                    ),
                    r.citation,
                    r.confidence,
                )
                .param("sme_status", r.status.code())
                .param("legal_basis", cite.render(crate::law::Lang::En))
                .facts(used)
            }));
        }
        Some(false) => ctx.add(Judged::fail(
            finding(
                "eligibility.large_enterprise",
                Severity::Error,
                "/sme",
                m(
                    "Doanh nghiệp vượt ngưỡng doanh nghiệp vừa (khoản 3 Điều 5 Nghị định 80/2021/NĐ-CP; Điều 4 Luật 04/2017/QH14): là doanh nghiệp lớn, không phải cơ sở công nghiệp nông thôn.",
                    "The enterprise exceeds the medium band (Decree 80/2021 Art. 5.3; Law 04/2017 Art. 4): a large enterprise, not a rural industrial establishment.",
                ),
                r.citation,
                r.confidence,
            )
            .param("sme_status", r.status.code())
            .facts(used),
        )),
        None if r.status == SmeStatus::NotAssessed => ctx.add(Judged::unknown(
            finding(
                "eligibility.sme_not_assessed",
                Severity::Warning,
                "/sme",
                m(
                    format!(
                        "Ngày {} trước 11/3/2018: quy mô doanh nghiệp theo Nghị định 56/2009/NĐ-CP với các ngưỡng khác, chưa được mô hình hóa; không đánh giá.",
                        dmy(date)
                    ),
                    format!(
                        "{date} is before 2018-03-11: enterprise size then follows Decree 56/2009 with different bands, which are not modelled; not assessed."
                    ),
                ),
                r.citation,
                Confidence::Secondary,
            ),
            Vec::new(),
        )),
        None => {
            let missing: Vec<String> = r.missing.iter().map(|f| format!("/sme/{f}")).collect();
            ctx.add(unknown(
                "eligibility.sme_indeterminate",
                "/sme",
                m(
                    "Thiếu dữ kiện để xác định doanh nghiệp nhỏ và vừa (lĩnh vực, lao động có bảo hiểm xã hội, và doanh thu hoặc tổng nguồn vốn).",
                    "Facts are missing to decide SME status (sector, insured employees, and revenue or total capital).",
                ),
                r.citation,
                r.confidence,
                missing,
            ));
        }
    }
    if let Some(year) = a.sme.figures_year
        && year != date.year() - 1
        && r.status != SmeStatus::NotAssessed
    {
        ctx.add(Judged::pass(
            finding(
                "eligibility.sme_figures_year",
                Severity::Warning,
                "/sme/figures_year",
                m(
                    format!(
                        "Số liệu là của năm {year}, không phải năm trước liền kề ({}).",
                        date.year() - 1
                    ),
                    format!(
                        "The figures are for {year}, not the previous year ({}).",
                        date.year() - 1
                    ),
                ),
                Citation::article(InstrumentId::Nd80_2021, 7),
                r.confidence,
            )
            .facts(["/sme/figures_year"]),
        ));
    }
    r.status
}

trait WithFacts {
    fn with_facts(self, facts: &[&str]) -> Self;
}

impl WithFacts for Judged {
    fn with_facts(mut self, facts: &[&str]) -> Self {
        self.finding = self.finding.map(|f| f.facts(facts.iter().copied()));
        self
    }
}

// ---------------------------------------------------------------------------------------
// Art. 1.2(a): location
// ---------------------------------------------------------------------------------------

fn location(a: &ApplicantFacts, date: NaiveDate, regime: Regime, ctx: &mut Ctx) {
    let keep = ctx.keep_info;
    match (&a.production_site, &a.head_office) {
        (Some(site), head) => {
            let j = judge_location(site, "/production_site", date, regime, keep);
            // TT 46/2012 Art. 3.1(d): registered in an ineligible place but investing and
            // producing in an eligible one — the production site decides.
            if let Some(h) = head
                && j.outcome == Outcome::Pass
                // Only the outcome is used: no information finding is built.
                && judge_location(h, "/head_office", date, regime, false).outcome == Outcome::Fail
            {
                ctx.add(Judged::info(keep, || {
                    finding(
                        "eligibility.production_site_judged",
                        Severity::Info,
                        "/head_office",
                        m(
                            "Trụ sở chính ở địa bàn không đủ điều kiện nhưng cơ sở trực tiếp đầu tư, sản xuất tại địa bàn đủ điều kiện: xét theo địa điểm sản xuất.",
                            "The head office is in an ineligible place but the establishment invests and produces in an eligible one: the production site decides.",
                        ),
                        tt46_3_1(Point::D),
                        if date < TT46_EFFECTIVE { Confidence::Secondary } else { Confidence::Confirmed },
                    )
                    .facts(["/head_office", "/production_site"])
                }));
            }
            ctx.add(j);
        }
        (None, Some(head)) => ctx.add(judge_location(head, "/head_office", date, regime, keep)),
        (None, None) => ctx.add(unknown(
            "eligibility.location_unknown",
            "/production_site",
            m(
                "Chưa có địa điểm sản xuất hoặc trụ sở.",
                "Neither the production site nor the head office is given.",
            ),
            location_citation(regime),
            Confidence::Confirmed,
            vec!["/production_site".to_owned()],
        )),
    }
}

const fn location_citation(regime: Regime) -> Citation {
    match regime {
        Regime::Regime2025 => ND235_1_1,
        _ => nd45_1_2(Point::A),
    }
}

fn judge_location(
    loc: &Location,
    base: &str,
    date: NaiveDate,
    regime: Regime,
    keep: bool,
) -> Judged {
    if regime == Regime::Regime2025 {
        location_2025(loc, base, keep)
    } else if GeographyEra::at(date) == GeographyEra::TwoTier {
        location_window(loc, base, date, keep)
    } else {
        location_2012(loc, base, date, keep)
    }
}

fn ptr(base: &str, field: &str) -> String {
    format!("{base}/{field}")
}

fn loc_pass(
    keep: bool,
    base: &str,
    facts: &[String],
    msg: impl FnOnce() -> (String, String),
    c: Citation,
    conf: Confidence,
) -> Judged {
    Judged::info(keep, || {
        finding(
            "eligibility.location_eligible",
            Severity::Info,
            base,
            msg(),
            c,
            conf,
        )
        .facts(facts.iter().cloned())
    })
}
fn loc_fail(
    base: &str,
    facts: &[String],
    msg: (String, String),
    c: Citation,
    conf: Confidence,
) -> Judged {
    Judged::fail(
        finding(
            "eligibility.location_not_eligible",
            Severity::Error,
            base,
            msg,
            c,
            conf,
        )
        .facts(facts.iter().cloned()),
    )
}
fn loc_unknown(base: &str, missing: Vec<String>, msg: (String, String), c: Citation) -> Judged {
    unknown(
        "eligibility.location_unknown",
        base,
        msg,
        c,
        Confidence::Confirmed,
        missing,
    )
}
fn not_in_era(base: &str, field: &str, kind: AdminUnit, date: NaiveDate) -> Judged {
    let p = ptr(base, field);
    unknown(
        "eligibility.unit_not_in_era",
        &p,
        m(
            format!(
                "Loại đơn vị `{}` không dùng được ở vị trí này theo hệ thống đơn vị hành chính ngày {} (ba cấp đến 30/6/2025, hai cấp từ 01/7/2025).",
                kind.code(),
                dmy(date)
            ),
            format!(
                "Unit kind `{}` does not fit here in the administrative map of {date} (three tiers until 2025-06-30, two tiers from 2025-07-01).",
                kind.code()
            ),
        ),
        nd45_1_2(Point::A),
        Confidence::Confirmed,
        vec![p.clone()],
    )
}

/// Decree 45/2012 Art. 1.2(a), 2012 wording, on the three-tier map (until 2025-06-30).
fn location_2012(loc: &Location, base: &str, date: NaiveDate, keep: bool) -> Judged {
    let cite = nd45_1_2(Point::A);
    let unit_p = ptr(base, "unit_kind");
    let district_p = ptr(base, "district_kind");
    match loc.unit_kind {
        Some(AdminUnit::Commune) => {
            return loc_pass(
                keep,
                base,
                &[unit_p],
                || {
                    m(
                        "Xã: thuộc địa bàn được hỗ trợ.",
                        "A commune: an eligible place.",
                    )
                },
                cite,
                Confidence::Confirmed,
            );
        }
        Some(AdminUnit::Township) => {
            return loc_pass(
                keep,
                base,
                &[unit_p],
                || {
                    m(
                        "Thị trấn: thuộc địa bàn được hỗ trợ.",
                        "A township: an eligible place.",
                    )
                },
                cite,
                Confidence::Confirmed,
            );
        }
        Some(AdminUnit::Ward) | None => {}
        Some(other) => return not_in_era(base, "unit_kind", other, date),
    }
    match loc.district_kind {
        Some(AdminUnit::RuralDistrict) => loc_pass(
            keep,
            base,
            &[district_p],
            || {
                m(
                    "Huyện: toàn bộ địa bàn huyện được hỗ trợ.",
                    "A rural district: the whole district is eligible.",
                )
            },
            cite,
            Confidence::Confirmed,
        ),
        Some(AdminUnit::Town) => {
            // The text lists towns (thị xã) without distinguishing their wards: read as the
            // whole town. For a ward this is the project's reading.
            let conf = if loc.unit_kind == Some(AdminUnit::Ward) {
                Confidence::Secondary
            } else {
                Confidence::Confirmed
            };
            loc_pass(
                keep,
                base,
                &[district_p],
                || {
                    m(
                        "Thị xã: được hỗ trợ trên toàn địa bàn thị xã (kể cả phường — cách đọc văn bản, chưa được xác nhận).",
                        "A town: eligible throughout the town (wards included — a reading of the text, not confirmed).",
                    )
                },
                cite,
                conf,
            )
        }
        Some(
            kind @ (AdminUnit::ProvincialCity
            | AdminUnit::CityUnderCentralCity
            | AdminUnit::UrbanDistrict),
        ) => {
            if loc.unit_kind.is_none() {
                return loc_unknown(
                    base,
                    vec![unit_p],
                    m(
                        "Cần biết địa điểm là xã hay phường của thành phố, quận.",
                        "Whether the place is a commune or a ward of the city or urban district is needed.",
                    ),
                    cite,
                );
            }
            let conf = if kind == AdminUnit::UrbanDistrict {
                // The table of the reference marks urban-district wards as a reading.
                Confidence::Secondary
            } else {
                Confidence::Confirmed
            };
            ward_test(
                loc,
                base,
                date,
                (loc.city_urban_class, ptr(base, "city_urban_class")),
                conf,
                keep,
            )
        }
        Some(other) => not_in_era(base, "district_kind", other, date),
        None => {
            let mut missing = Vec::new();
            if loc.unit_kind.is_none() {
                missing.push(unit_p);
            }
            missing.push(district_p);
            loc_unknown(
                base,
                missing,
                m(
                    "Cần biết đơn vị cấp xã và đơn vị cấp huyện (huyện, thị xã, thành phố, quận) của địa điểm.",
                    "The lowest unit and the tier-2 unit (district, town, city, urban district) of the place are needed.",
                ),
                cite,
            )
        }
    }
}

/// Wards of cities: class 2 and 3 are eligible; class 1 only if converted from a commune
/// no more than five years before 31 December of the year before the plan year
/// (Decree 45/2012 Art. 1.2(a); TT 46/2012 Art. 3.1(đ)); others are not listed.
fn ward_test(
    loc: &Location,
    base: &str,
    date: NaiveDate,
    class: (Option<UrbanClass>, String),
    conf: Confidence,
    keep: bool,
) -> Judged {
    let cite = nd45_1_2(Point::A);
    let (class, class_p) = class;
    let unit_p = ptr(base, "unit_kind");
    let Some(class) = class else {
        return loc_unknown(
            base,
            vec![class_p],
            m(
                "Phường của thành phố: cần biết loại đô thị của thành phố.",
                "A ward of a city: the city's urban class is needed.",
            ),
            cite,
        );
    };
    let facts = [unit_p, class_p];
    match class {
        UrbanClass::Class2 | UrbanClass::Class3 => loc_pass(
            keep,
            base,
            &facts,
            || {
                m(
                    "Phường của thành phố loại II, loại III: thuộc địa bàn được hỗ trợ.",
                    "A ward of a class-2 or class-3 city: an eligible place.",
                )
            },
            cite,
            conf,
        ),
        UrbanClass::Class1 => conversion_test(loc, base, date, &facts, conf, keep),
        _ => loc_fail(
            base,
            &facts,
            m(
                format!(
                    "Phường của đô thị `{}`: không thuộc các địa bàn được liệt kê (chỉ phường của thành phố loại II, III, hoặc loại I mới chuyển từ xã không quá 5 năm).",
                    class.code()
                ),
                format!(
                    "A ward of a `{}` urban area: not among the listed places (only wards of class-2/3 cities, or of class-1 cities converted from a commune within 5 years).",
                    class.code()
                ),
            ),
            cite,
            conf,
        ),
    }
}

/// TT 46/2012 Art. 3.1(đ): five years counted from the effective date of the conversion to
/// 31 December of the year before the plan year; exactly five years is within.
fn conversion_test(
    loc: &Location,
    base: &str,
    date: NaiveDate,
    facts: &[String],
    conf: Confidence,
    keep: bool,
) -> Judged {
    let cite = tt46_3_1(Point::Dd);
    // Before TT 46/2012 took effect the decree alone applied; the same count is used.
    let conf = if date < TT46_EFFECTIVE {
        Confidence::Secondary.max(conf)
    } else {
        conf
    };
    let from_p = ptr(base, "ward_converted_from_commune");
    let on_p = ptr(base, "ward_converted_on");
    if loc.ward_converted_from_commune == Some(false) && loc.ward_converted_on.is_none() {
        let mut f = facts.to_vec();
        f.push(from_p);
        return loc_fail(
            base,
            &f,
            m(
                "Phường của thành phố loại I không chuyển từ xã: không thuộc địa bàn được hỗ trợ.",
                "A ward of a class-1 city not converted from a commune: not an eligible place.",
            ),
            nd45_1_2(Point::A),
            conf,
        );
    }
    let Some(converted) = loc.ward_converted_on else {
        return loc_unknown(
            base,
            vec![on_p],
            m(
                "Phường của thành phố loại I: cần ngày hiệu lực của quyết định chuyển từ xã thành phường (hoặc ward_converted_from_commune = false).",
                "A ward of a class-1 city: the effective date of its conversion from a commune is needed (or ward_converted_from_commune = false).",
            ),
            cite,
        );
    };
    let plan_year = date.year();
    let cutoff = NaiveDate::from_ymd_opt(plan_year - 1, 12, 31);
    let limit = converted.checked_add_months(Months::new(60));
    let mut f = facts.to_vec();
    f.push(on_p);
    let within = match (cutoff, limit) {
        (Some(cutoff), Some(limit)) => limit >= cutoff,
        // Dates outside chrono's range cannot reach here from valid input; treat as within
        // only when the conversion is after the cutoff.
        _ => false,
    };
    let cutoff_s = cutoff.map_or_else(String::new, |c| c.to_string());
    if within {
        Judged::info(keep, || {
            finding(
                "eligibility.location_eligible",
                Severity::Info,
                base,
                m(
                    format!(
                        "Phường của thành phố loại I chuyển từ xã ngày {}: không quá 5 năm tính đến 31/12/{} (năm trước năm kế hoạch {plan_year}).",
                        dmy(converted),
                        plan_year - 1
                    ),
                    format!(
                        "A ward of a class-1 city converted from a commune on {converted}: no more than 5 years before {cutoff_s} (the year before plan year {plan_year})."
                    ),
                ),
                cite,
                conf,
            )
            .param("converted_on", converted.to_string())
            .param("cutoff", cutoff_s)
            .facts(f)
        })
    } else {
        Judged::fail(
            finding(
                "eligibility.location_not_eligible",
                Severity::Error,
                base,
                m(
                    format!(
                        "Phường của thành phố loại I chuyển từ xã ngày {}: quá 5 năm tính đến 31/12/{} (năm trước năm kế hoạch {plan_year}).",
                        dmy(converted),
                        plan_year - 1
                    ),
                    format!(
                        "A ward of a class-1 city converted from a commune on {converted}: more than 5 years before {cutoff_s} (the year before plan year {plan_year})."
                    ),
                ),
                cite,
                conf,
            )
            .param("converted_on", converted.to_string())
            .param("cutoff", cutoff_s)
            .facts(f),
        )
    }
}

/// 2025-07-01 … 2025-10-14: the 2012 wording of Art. 1.2(a) meets the two-tier map.
fn location_window(loc: &Location, base: &str, date: NaiveDate, keep: bool) -> Judged {
    let cite = nd45_1_2(Point::A);
    let unit_p = ptr(base, "unit_kind");
    match loc.unit_kind {
        Some(AdminUnit::Commune) => loc_pass(
            keep,
            base,
            &[unit_p],
            || {
                m(
                    "Xã (hệ thống hai cấp): thuộc địa bàn được hỗ trợ theo điểm a khoản 2 Điều 1 bản năm 2012.",
                    "A commune (two-tier map): eligible under the 2012 wording of Art. 1.2(a).",
                )
            },
            cite,
            Confidence::Confirmed,
        ),
        // Special zones took the place of island districts on 2025-07-01; the 2012 text
        // covers districts anywhere, so they are treated like districts (a reading).
        Some(AdminUnit::SpecialZone) => loc_pass(
            keep,
            base,
            &[unit_p],
            || {
                m(
                    "Đặc khu (từ 01/7/2025) thay cho huyện đảo; văn bản năm 2012 bao gồm toàn bộ huyện nên đặc khu được coi như huyện (cách đọc, nguồn thứ cấp).",
                    "A special zone (from 2025-07-01) replaced an island district; the 2012 text covers districts anywhere, so a special zone is treated like a district (a reading, secondary).",
                )
            },
            cite,
            Confidence::Secondary,
        ),
        Some(AdminUnit::Ward) => {
            let kind_p = ptr(base, "former_parent_kind");
            match loc.former_parent_kind {
                None => loc_unknown(
                    base,
                    vec![kind_p],
                    m(
                        "Phường từ 01/7/2025 đến 14/10/2025: chỉ xác định được khi biết đơn vị cấp huyện cũ (và loại đô thị) của phường.",
                        "A ward between 2025-07-01 and 2025-10-14: decidable only with the kind (and urban class) of its former tier-2 unit.",
                    ),
                    cite,
                ),
                Some(AdminUnit::RuralDistrict | AdminUnit::Town) => loc_pass(
                    keep,
                    base,
                    &[unit_p, kind_p],
                    || {
                        m(
                            "Phường có đơn vị cấp huyện cũ là huyện hoặc thị xã: được hỗ trợ theo văn bản năm 2012 (áp dụng cho đơn vị mới — cách đọc).",
                            "A ward whose former tier-2 unit was a rural district or town: eligible under the 2012 text (applied to the new units — a reading).",
                        )
                    },
                    cite,
                    Confidence::Secondary,
                ),
                Some(
                    AdminUnit::ProvincialCity
                    | AdminUnit::CityUnderCentralCity
                    | AdminUnit::UrbanDistrict,
                ) => ward_test(
                    loc,
                    base,
                    date,
                    (
                        loc.former_parent_urban_class,
                        ptr(base, "former_parent_urban_class"),
                    ),
                    Confidence::Secondary,
                    keep,
                ),
                Some(other) => not_in_era(base, "former_parent_kind", other, date),
            }
        }
        Some(other) => not_in_era(base, "unit_kind", other, date),
        None => loc_unknown(
            base,
            vec![unit_p],
            m(
                "Cần biết địa điểm là xã, phường hay đặc khu.",
                "Whether the place is a commune, ward or special zone is needed.",
            ),
            cite,
        ),
    }
}

/// From 2025-10-15: Decree 235/2025 Art. 1.1 (new Art. 1.2(a)).
fn location_2025(loc: &Location, base: &str, keep: bool) -> Judged {
    let cite = ND235_1_1;
    let unit_p = ptr(base, "unit_kind");
    let village_p = ptr(base, "craft_village_recognised");
    let province_p = ptr(base, "province_kind");
    if loc.craft_village_recognised == Some(true) {
        return loc_pass(
            keep,
            base,
            &[village_p],
            || {
                m(
                    "Làng nghề được Ủy ban nhân dân cấp tỉnh công nhận: thuộc địa bàn được hỗ trợ.",
                    "A craft village recognised by the provincial People's Committee: an eligible place.",
                )
            },
            cite,
            Confidence::Confirmed,
        );
    }
    match loc.unit_kind {
        Some(AdminUnit::Commune | AdminUnit::SpecialZone) => loc_pass(
            keep,
            base,
            &[unit_p],
            || {
                m(
                    "Xã, đặc khu (của tỉnh hoặc thành phố trực thuộc trung ương): thuộc địa bàn được hỗ trợ.",
                    "A commune or special zone (of a province or centrally-run city): an eligible place.",
                )
            },
            cite,
            Confidence::Confirmed,
        ),
        Some(AdminUnit::Ward) => match loc.province_kind {
            Some(AdminUnit::Province) => loc_pass(
                keep,
                base,
                &[unit_p, province_p],
                || {
                    m(
                        "Phường của tỉnh: thuộc địa bàn được hỗ trợ.",
                        "A ward of a province: an eligible place.",
                    )
                },
                cite,
                Confidence::Confirmed,
            ),
            Some(AdminUnit::CentrallyRunCity) => match loc.craft_village_recognised {
                Some(_) => loc_fail(
                    base,
                    &[unit_p, province_p, village_p],
                    m(
                        "Phường của thành phố trực thuộc trung ương, không phải làng nghề được công nhận: không thuộc địa bàn được hỗ trợ.",
                        "A ward of a centrally-run city that is not a recognised craft village: not an eligible place.",
                    ),
                    cite,
                    Confidence::Confirmed,
                ),
                None => loc_unknown(
                    base,
                    vec![village_p],
                    m(
                        "Phường của thành phố trực thuộc trung ương chỉ được hỗ trợ nếu là làng nghề được Ủy ban nhân dân cấp tỉnh công nhận.",
                        "A ward of a centrally-run city is eligible only as a craft village recognised by the provincial People's Committee.",
                    ),
                    cite,
                ),
            },
            Some(other) => not_in_era(base, "province_kind", other, ymd(2025, 10, 15)),
            None => {
                let mut missing = vec![province_p];
                if loc.craft_village_recognised.is_none() {
                    missing.push(village_p);
                }
                loc_unknown(
                    base,
                    missing,
                    m(
                        "Phường: cần biết thuộc tỉnh hay thành phố trực thuộc trung ương.",
                        "A ward: whether it belongs to a province or a centrally-run city is needed.",
                    ),
                    cite,
                )
            }
        },
        Some(other) => not_in_era(base, "unit_kind", other, ymd(2025, 10, 15)),
        None => {
            let mut missing = vec![unit_p];
            if loc.craft_village_recognised.is_none() {
                missing.push(village_p);
            }
            loc_unknown(
                base,
                missing,
                m(
                    "Cần biết địa điểm là xã, phường hay đặc khu (hoặc là làng nghề được công nhận).",
                    "Whether the place is a commune, ward or special zone (or a recognised craft village) is needed.",
                ),
                cite,
            )
        }
    }
}

// ---------------------------------------------------------------------------------------
// Art. 5: industries
// ---------------------------------------------------------------------------------------

fn industry(a: &ApplicantFacts, date: NaiveDate, regime: Regime, ctx: &mut Ctx) {
    let keep = ctx.keep_info;
    let Some(ind) = a.industry else {
        ctx.add(unknown(
            "eligibility.industry_unknown",
            "/industry",
            m(
                "Chưa có ngành, nghề sản xuất.",
                "The industry is not given.",
            ),
            ND45_5_1,
            Confidence::Confirmed,
            vec!["/industry".to_owned()],
        ));
        return;
    };
    let info = ind.info();
    match info.confidence_in(regime).filter(|_| info.valid_on(date)) {
        None => ctx.add(
            fail(
                "eligibility.industry_not_eligible",
                "/industry",
                m(
                    format!(
                        "Ngành `{}` không thuộc danh mục khoản 1 Điều 5 áp dụng ngày {} (có trong danh mục {}).",
                        ind.code(),
                        dmy(date),
                        match info.valid_until {
                            Some(u) => format!("từ {} đến {}", dmy(info.valid_from), dmy(u)),
                            None => format!("từ {}", dmy(info.valid_from)),
                        }
                    ),
                    format!(
                        "Industry `{}` is not on the Art. 5.1 list in force on {date} (it is on the list {}).",
                        ind.code(),
                        match info.valid_until {
                            Some(u) => format!("{} … {u}", info.valid_from),
                            None => format!("from {}", info.valid_from),
                        }
                    ),
                ),
                ND45_5_1,
                Confidence::Confirmed,
            )
            .with_facts(&["/industry"]),
        ),
        Some(conf) => ctx.add(
            pass(
                keep,
                "eligibility.industry_eligible",
                "/industry",
                || m(
                    format!("Ngành `{}` thuộc danh mục khoản 1 Điều 5.", ind.code()),
                    format!("Industry `{}` is on the Art. 5.1 list.", ind.code()),
                ),
                ind.citation(),
                conf,
            )
            .with_facts(&["/industry"]),
        ),
    }
    match ind {
        // Art. 5.1(e): mining only in difficult or especially difficult areas.
        Industry::MiningMineralProcessing => {
            let cite = ND45_5_1.point(Point::E);
            let conf = info.confidence_in(regime).unwrap_or(Confidence::Secondary);
            match a.priority.difficult_area() {
                Some(true) => ctx.add(
                    pass(
                        keep,
                        "eligibility.industry_eligible",
                        "/priority/areas",
                        || m(
                            "Khai thác, chế biến khoáng sản tại địa bàn khó khăn, đặc biệt khó khăn: được hỗ trợ.",
                            "Mining and mineral processing in a difficult or especially difficult area: eligible.",
                        ),
                        cite,
                        conf,
                    )
                    .with_facts(&["/industry", "/priority/areas"]),
                ),
                Some(false) => ctx.add(
                    fail(
                        "eligibility.mining_outside_difficult_area",
                        "/priority/areas",
                        m(
                            "Khai thác, chế biến khoáng sản ngoài địa bàn khó khăn, đặc biệt khó khăn: không được hỗ trợ.",
                            "Mining and mineral processing outside difficult or especially difficult areas: not eligible.",
                        ),
                        cite,
                        conf,
                    )
                    .with_facts(&["/industry", "/priority/areas"]),
                ),
                None => ctx.add(unknown(
                    "eligibility.difficult_area_unknown",
                    "/priority/areas",
                    m(
                        "Khai thác khoáng sản: cần biết địa bàn có thuộc địa bàn khó khăn, đặc biệt khó khăn không.",
                        "Mining: whether the place is a difficult or especially difficult area is needed.",
                    ),
                    cite,
                    conf,
                    vec!["/priority/areas".to_owned()],
                )),
            }
        }
        // TT 46/2012 Art. 5.1: no support for improved-manual or ring-kiln fired-clay brick
        // (also for the building materials of the amended Art. 5.1(c)).
        Industry::BuildingMaterials | Industry::BuildingMaterialsResourceSaving => {
            kiln(a, date, ctx);
        }
        _ => {}
    }
}

fn kiln(a: &ApplicantFacts, date: NaiveDate, ctx: &mut Ctx) {
    let keep = ctx.keep_info;
    let cite = KilnTechnology::citation();
    if date < TT46_EFFECTIVE {
        ctx.add(
            pass(
                keep,
                "eligibility.kiln_rule_not_in_force",
                "/kiln_technology",
                || m(
                    "Quy định không hỗ trợ lò gạch thủ công cải tiến, lò vòng (Thông tư 46/2012/TT-BCT) có hiệu lực từ 10/02/2013; chưa áp dụng.",
                    "The exclusion of improved-manual and ring kilns (Circular 46/2012) applies from 2013-02-10; not applied.",
                ),
                cite,
                Confidence::Confirmed,
            ),
        );
        return;
    }
    match a.kiln_technology {
        None => ctx.add(unknown(
            "eligibility.kiln_unknown",
            "/kiln_technology",
            m(
                "Vật liệu xây dựng: cần biết công nghệ, loại lò (không hỗ trợ gạch nung bằng lò thủ công cải tiến, lò vòng).",
                "Building materials: the technology or kiln is needed (fired-clay brick from improved-manual or ring kilns is excluded).",
            ),
            cite,
            Confidence::Confirmed,
            vec!["/kiln_technology".to_owned()],
        )),
        Some(k) if k.excluded() => ctx.add(
            fail(
                "eligibility.brick_kiln_excluded",
                "/kiln_technology",
                m(
                    format!(
                        "Không hỗ trợ {} (khoản 1 Điều 5 Thông tư 46/2012/TT-BCT).",
                        k.label(crate::law::Lang::Vi)
                    ),
                    format!(
                        "No support for {} (Circular 46/2012 Art. 5.1).",
                        k.label(crate::law::Lang::En)
                    ),
                ),
                cite,
                Confidence::Confirmed,
            )
            .with_facts(&["/industry", "/kiln_technology"]),
        ),
        Some(_) => {}
    }
}

// ---------------------------------------------------------------------------------------
// Activity conditions
// ---------------------------------------------------------------------------------------

/// Enterprise set-up support (Art. 4.2(b)) only in difficult or especially difficult areas:
/// TTLT 26/2014 Art. 6.2(a) (2014-04-08 … 2018-05-10, historical), TT 28/2018 Art. 8.1 (from
/// 2018-05-11; the clause number is not confirmed).
fn enterprise_setup(a: &ApplicantFacts, date: NaiveDate, ctx: &mut Ctx) {
    let keep = ctx.keep_info;
    let (cite, conf) = match SupportRegime::at(date) {
        Err(_) => {
            ctx.add(Judged::unknown(
                finding(
                    "eligibility.enterprise_setup_not_assessed",
                    Severity::Warning,
                    "",
                    m(
                        "Trước 08/4/2014 điều kiện hỗ trợ khởi sự doanh nghiệp theo Thông tư liên tịch 125/2009/TTLT-BTC-BCT, chưa được mô hình hóa; không đánh giá.",
                        "Before 2014-04-08 enterprise set-up conditions follow Joint Circular 125/2009, which is not modelled; not assessed.",
                    ),
                    Citation::instrument(InstrumentId::Ttlt125_2009),
                    Confidence::Historical,
                ),
                Vec::new(),
            ));
            return;
        }
        Ok(SupportRegime::Ttlt26_2014) => (TTLT26_6_2A, Confidence::Historical),
        Ok(_) => (TT28_8_1, Confidence::Secondary),
    };
    match a.priority.difficult_area() {
        Some(true) => ctx.add(
            pass(
                keep,
                "eligibility.enterprise_setup_in_difficult_area",
                "/priority/areas",
                || m(
                    "Địa bàn khó khăn, đặc biệt khó khăn: đáp ứng điều kiện hỗ trợ khởi sự, thành lập doanh nghiệp.",
                    "Difficult or especially difficult area: the enterprise set-up condition is met.",
                ),
                cite,
                conf,
            )
            .with_facts(&["/priority/areas"]),
        ),
        Some(false) => ctx.add(
            fail(
                "eligibility.enterprise_setup_outside_difficult_area",
                "/priority/areas",
                m(
                    "Hỗ trợ khởi sự, thành lập doanh nghiệp chỉ áp dụng tại địa bàn khó khăn, đặc biệt khó khăn.",
                    "Enterprise set-up support applies only in difficult or especially difficult areas.",
                ),
                cite,
                conf,
            )
            .with_facts(&["/priority/areas"]),
        ),
        None => ctx.add(unknown(
            "eligibility.difficult_area_unknown",
            "/priority/areas",
            m(
                "Hỗ trợ khởi sự doanh nghiệp: cần biết địa bàn có thuộc địa bàn khó khăn, đặc biệt khó khăn không.",
                "Enterprise set-up: whether the place is a difficult or especially difficult area is needed.",
            ),
            cite,
            conf,
            vec!["/priority/areas".to_owned()],
        )),
    }
}

/// No double funding: TTLT 26/2014 Art. 7.4 bars state support for items already funded by
/// another state source. It is applied as a condition inside its own window (historical);
/// from 2018-05-11 the Circular 28/2018 equivalent has not been read, so a known double
/// funding is a warning for the reviewer, and an unknown one is not asked for.
fn double_funding(a: &ApplicantFacts, date: NaiveDate, ctx: &mut Ctx) {
    let in_window = matches!(SupportRegime::at(date), Ok(SupportRegime::Ttlt26_2014));
    let p = "/other_state_funding_same_items";
    match (a.other_state_funding_same_items, in_window) {
        (Some(true), true) => ctx.add(
            fail(
                "eligibility.other_state_funding",
                p,
                m(
                    "Các nội dung chi đã được nguồn ngân sách nhà nước khác hỗ trợ: không được hỗ trợ trùng (khoản 4 Điều 7 Thông tư liên tịch 26/2014/TTLT-BTC-BCT).",
                    "The cost items already received other state funding: no double funding (Joint Circular 26/2014 Art. 7.4).",
                ),
                TTLT26_7_4,
                Confidence::Historical,
            )
            .with_facts(&[p]),
        ),
        (Some(true), false) => ctx.add(Judged::pass(
            finding(
                "eligibility.other_state_funding_unverified",
                Severity::Warning,
                p,
                m(
                    "Các nội dung chi đã được ngân sách nhà nước hỗ trợ. Thông tư liên tịch 26/2014 (khoản 4 Điều 7) cấm hỗ trợ trùng; quy định tương ứng của văn bản áp dụng tại ngày đánh giá chưa được đọc: cần thẩm định, không tự động kết luận.",
                    "The cost items already received state funding. Joint Circular 26/2014 Art. 7.4 barred double funding; the equivalent rule in force on the assessment date has not been read: a reviewer must check; no automatic conclusion.",
                ),
                TTLT26_7_4,
                Confidence::Historical,
            )
            .facts([p]),
        )),
        (None, true) => ctx.add(unknown(
            "eligibility.other_state_funding_unknown",
            p,
            m(
                "Cần biết các nội dung chi đã được nguồn ngân sách nhà nước khác hỗ trợ chưa (khoản 4 Điều 7 Thông tư liên tịch 26/2014/TTLT-BTC-BCT).",
                "Whether the cost items already received other state funding is needed (Joint Circular 26/2014 Art. 7.4).",
            ),
            TTLT26_7_4,
            Confidence::Historical,
            vec![p.to_owned()],
        )),
        _ => {}
    }
}

// ---------------------------------------------------------------------------------------
// Art. 6: priorities
// ---------------------------------------------------------------------------------------

/// The applicant's priorities in allocation order (TT 46/2012 Art. 6): areas by rank, then
/// industries, Art. 6.2(b) before 6.2(a).
fn priorities(a: &ApplicantFacts, regime: Regime) -> Vec<Priority> {
    let mut out = Vec::new();
    if let Some(areas) = &a.priority.areas {
        let mut areas: Vec<PriorityArea> = areas.clone();
        areas.sort_by_key(|p| (p.rank(), PriorityArea::ALL.iter().position(|x| x == p)));
        areas.dedup();
        for area in areas {
            out.push(Priority {
                kind: PriorityKind::Area,
                code: area.code().to_owned(),
                rank: area.rank(),
                citation: ND45_6.clause(1),
                confidence: area
                    .info()
                    .confidence_in(regime)
                    .unwrap_or(Confidence::Secondary),
                facts: vec!["/priority/areas".to_owned()],
            });
        }
    }
    let p = &a.priority;
    let half = Share::percent(50).ok();
    let mut industries: Vec<(PriorityIndustry, &'static str)> = Vec::new();
    let mut add = |i: PriorityIndustry, fact: &'static str| industries.push((i, fact));
    if p.typical_product_certificate.is_some() {
        add(
            PriorityIndustry::TypicalRuralProduct,
            "/priority/typical_product_certificate",
        );
    }
    if p.export_contract == Some(true) {
        add(PriorityIndustry::ExportProduct, "/priority/export_contract");
    }
    // TT 46/2012 Art. 6: more than 50 % of the value of main inputs from the province.
    if let (Some(share), Some(half)) = (p.local_raw_material_share, half)
        && share > half
    {
        add(
            PriorityIndustry::LocalRawMaterial,
            "/priority/local_raw_material_share",
        );
    }
    // TT 46/2012 Art. 6: at least 50 workers.
    if p.insured_workers.is_some_and(|w| w >= 50) {
        add(
            PriorityIndustry::LabourIntensive,
            "/priority/insured_workers",
        );
    }
    if p.women_owned == Some(true) {
        add(PriorityIndustry::WomenOwned, "/priority/women_owned");
    }
    if p.ethnic_minority_employment == Some(true) {
        add(
            PriorityIndustry::EthnicMinorityEmployment,
            "/priority/ethnic_minority_employment",
        );
    }
    match a.industry {
        Some(Industry::AgroFoodProcessing) => {
            add(PriorityIndustry::AgroProcessing, "/industry");
        }
        Some(Industry::AgriculturalChemicals) => {
            add(PriorityIndustry::ChemicalsForAgriculture, "/industry");
        }
        _ => {}
    }
    if p.supporting_industry_product == Some(true) {
        add(
            PriorityIndustry::SupportingIndustry,
            "/priority/supporting_industry_product",
        );
    }
    if a.cleaner_production == Some(true) {
        add(PriorityIndustry::CleanerProduction, "/cleaner_production");
    }
    // Art. 6.2(a) as amended by Decree 235/2025: sustainable production and consumption.
    if a.sustainable_production == Some(true) {
        add(
            PriorityIndustry::SustainableProduction,
            "/sustainable_production",
        );
    }
    for (i, fact) in industries {
        let Some(confidence) = i.info().confidence_in(regime) else {
            continue; // a 2025 priority asked about under the 2012 regime
        };
        let c = i.citation();
        let rank = if c.clause_letter().is_some() {
            7 // Art. 6.2a: the tie-break, after every priority
        } else if c.point_letter() == Some(Point::B) {
            5
        } else {
            6
        };
        out.push(Priority {
            kind: PriorityKind::Industry,
            code: i.code().to_owned(),
            rank,
            citation: i.citation(),
            confidence,
            facts: vec![fact.to_owned()],
        });
    }
    // Stable: areas (1–4) before 6.2(b) (5) before 6.2(a) (6) before the tie-break (7);
    // within a rank, the order above.
    out.sort_by_key(|p| p.rank);
    out
}

/// The generator of the benchmarks and the fuzzer, for the test below.
#[cfg(test)]
#[allow(
    clippy::duplicate_mod,
    reason = "the document tests load it too; each test module keeps its own copy"
)]
#[path = "../examples/gen_corpus/corpus.rs"]
mod corpus;

#[cfg(test)]
mod tests {
    use super::{Activity, ApplicantFacts, Codelist, NaiveDate, Severity, assess, assess_embedded};
    use crate::document::{Document, parse};

    /// `assess_embedded` gives exactly the warnings and errors, verdict and missing facts of
    /// `assess(..).prefixed(base)`: on the eligibility case table and the beneficiaries of the
    /// shared corpus and of generated schemes, for every activity, on the boundary dates of
    /// both regimes and on each document's own date.
    #[test]
    fn embedded_agrees_with_assess() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut applicants: Vec<(ApplicantFacts, NaiveDate)> = Vec::new();
        let cases: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(root.join("tests/cases/eligibility/cases.json")).unwrap(),
        )
        .unwrap();
        for case in cases.as_array().unwrap() {
            let applicant = serde_json::from_value(case["applicant"].clone()).unwrap();
            let as_of = serde_json::from_value(case["as_of"].clone()).unwrap();
            applicants.push((applicant, as_of));
        }
        assert!(applicants.len() >= 100, "{}", applicants.len());
        let mut schemes = 0;
        let mut seeds = super::corpus::seed_inputs(&root);
        let mut rng = super::corpus::Rng::new(7);
        for i in 0..200 {
            let doc = super::corpus::scheme(&mut rng, i);
            seeds.push(super::corpus::to_text(&doc).into_bytes());
        }
        for input in &seeds {
            if let Ok(Document::Scheme(s)) = parse(input) {
                schemes += 1;
                for b in s.beneficiaries {
                    applicants.push((b, s.approval.date));
                }
            }
        }
        assert!(schemes > 200, "{schemes}");
        let ymd = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let dates = [
            ymd(2012, 7, 4),
            ymd(2012, 7, 5),
            ymd(2013, 2, 9),
            ymd(2013, 2, 10),
            ymd(2014, 4, 8),
            ymd(2016, 6, 1),
            ymd(2018, 3, 10),
            ymd(2018, 5, 11),
            ymd(2021, 12, 31),
            ymd(2025, 6, 30),
            ymd(2025, 7, 1),
            ymd(2025, 10, 14),
            ymd(2025, 10, 15),
            ymd(2026, 3, 1),
        ];
        let (mut compared, mut dropped) = (0usize, 0usize);
        for (i, (applicant, own)) in applicants.iter().enumerate() {
            let base = format!("/beneficiaries/{i}");
            for &activity in Activity::ALL {
                for &date in dates.iter().chain([own]) {
                    let full = assess(applicant, activity, date).map(|a| {
                        let a = a.prefixed(&base);
                        let n = a.findings.len();
                        let kept: Vec<_> = a
                            .findings
                            .into_iter()
                            .filter(|f| f.severity != Severity::Info)
                            .collect();
                        dropped += n - kept.len();
                        (a.verdict, kept, a.missing_facts)
                    });
                    assert_eq!(
                        assess_embedded(applicant, activity, date, &base),
                        full,
                        "{applicant:?} {activity:?} {date}"
                    );
                    compared += 1;
                }
            }
        }
        assert!(compared > 100_000, "{compared}");
        assert!(dropped > compared, "{dropped} {compared}");
    }
}
