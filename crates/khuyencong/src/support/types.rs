//! The record shape shared by the national and provincial rule packs, and the result of
//! [`max_support`](super::max_support).

use chrono::NaiveDate;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::activity::Activity;
use crate::fund::FundLevel;
use crate::law::{Citation, Confidence, Lang, Point, SupportRegime};
use crate::money::{Share, Vnd};

/// A text in Vietnamese and English.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Text {
    /// Vietnamese (Unicode NFC).
    pub vi: String,
    /// English.
    pub en: String,
}

impl Text {
    /// The text in the requested language.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Vi => &self.vi,
            Lang::En => &self.en,
        }
    }
}

/// Which of several support items of one activity is meant, where the finance circulars
/// set different levels (e.g. a demonstration model of new technology vs one at an
/// efficient establishment).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SupportVariant {
    /// Demonstration model spreading a new technology or producing a new product.
    #[schemars(
        title = "Demonstration model of a new technology or product / Mô hình trình diễn công nghệ mới, sản phẩm mới"
    )]
    NewTechnologyOrProduct,
    /// Demonstration model at an efficiently operating establishment, for replication.
    #[schemars(
        title = "Demonstration at an efficient establishment / Mô hình trình diễn tại cơ sở đang hoạt động hiệu quả"
    )]
    EfficientEstablishment,
    /// Organising a domestic fair or exhibition.
    #[schemars(title = "Organising a domestic fair / Tổ chức hội chợ, triển lãm trong nước")]
    OrganiseDomestic,
    /// A rural establishment attending another domestic fair.
    #[schemars(title = "Attending a domestic fair / Tham gia hội chợ, triển lãm trong nước")]
    AttendDomestic,
    /// Organising or attending a fair or exhibition abroad.
    #[schemars(title = "Fair or exhibition abroad / Hội chợ, triển lãm ở nước ngoài")]
    Abroad,
    /// Organising a regional typical-product contest round.
    #[schemars(title = "Organising a regional contest round / Tổ chức bình chọn cấp khu vực")]
    OrganiseRegional,
    /// Organising a national typical-product contest round.
    #[schemars(title = "Organising a national contest round / Tổ chức bình chọn cấp quốc gia")]
    OrganiseNational,
    /// Prize for a typical product certified at regional level.
    #[schemars(title = "Prize, regional level / Thưởng sản phẩm cấp khu vực")]
    PrizeRegional,
    /// Prize for a typical product certified at national level.
    #[schemars(title = "Prize, national level / Thưởng sản phẩm cấp quốc gia")]
    PrizeNational,
    /// Building and registering a brand (thương hiệu).
    #[schemars(title = "Brand building and registration / Xây dựng, đăng ký thương hiệu")]
    Brand,
    /// Setting up a regional association.
    #[schemars(title = "Setting up a regional association / Thành lập hiệp hội cấp vùng")]
    AssociationRegional,
    /// Setting up a national association.
    #[schemars(title = "Setting up a national association / Thành lập hiệp hội cấp quốc gia")]
    AssociationNational,
    /// Forming an industrial business-linkage cluster.
    #[schemars(title = "Business-linkage cluster / Cụm liên kết doanh nghiệp")]
    LinkageCluster,
    /// Loan-interest support for a polluting establishment relocating into a zone or cluster.
    #[schemars(
        title = "Loan interest for relocating polluters / Hỗ trợ lãi suất di dời cơ sở gây ô nhiễm"
    )]
    RelocationInterest,
    /// Repair or upgrade of pollution treatment at a rural establishment.
    #[schemars(title = "Pollution treatment at an establishment / Xử lý ô nhiễm tại cơ sở")]
    PollutionTreatmentEstablishment,
    /// Repair or upgrade of pollution treatment at an industrial cluster (CCN).
    #[schemars(
        title = "Pollution treatment in an industrial cluster / Xử lý ô nhiễm tại cụm công nghiệp"
    )]
    PollutionTreatmentCluster,
    /// Detailed planning of an industrial cluster (CCN).
    #[schemars(
        title = "Detailed planning of an industrial cluster / Quy hoạch chi tiết cụm công nghiệp"
    )]
    DetailedPlanning,
    /// Infrastructure of an industrial cluster (CCN).
    #[schemars(title = "Industrial-cluster infrastructure / Hạ tầng cụm công nghiệp")]
    Infrastructure,
}

impl SupportVariant {
    /// Every variant.
    pub const ALL: &'static [Self] = &[
        Self::NewTechnologyOrProduct,
        Self::EfficientEstablishment,
        Self::OrganiseDomestic,
        Self::AttendDomestic,
        Self::Abroad,
        Self::OrganiseRegional,
        Self::OrganiseNational,
        Self::PrizeRegional,
        Self::PrizeNational,
        Self::Brand,
        Self::AssociationRegional,
        Self::AssociationNational,
        Self::LinkageCluster,
        Self::RelocationInterest,
        Self::PollutionTreatmentEstablishment,
        Self::PollutionTreatmentCluster,
        Self::DetailedPlanning,
        Self::Infrastructure,
    ];

    /// The permanent code.
    pub const fn code(self) -> &'static str {
        match self {
            Self::NewTechnologyOrProduct => "new_technology_or_product",
            Self::EfficientEstablishment => "efficient_establishment",
            Self::OrganiseDomestic => "organise_domestic",
            Self::AttendDomestic => "attend_domestic",
            Self::Abroad => "abroad",
            Self::OrganiseRegional => "organise_regional",
            Self::OrganiseNational => "organise_national",
            Self::PrizeRegional => "prize_regional",
            Self::PrizeNational => "prize_national",
            Self::Brand => "brand",
            Self::AssociationRegional => "association_regional",
            Self::AssociationNational => "association_national",
            Self::LinkageCluster => "linkage_cluster",
            Self::RelocationInterest => "relocation_interest",
            Self::PollutionTreatmentEstablishment => "pollution_treatment_establishment",
            Self::PollutionTreatmentCluster => "pollution_treatment_cluster",
            Self::DetailedPlanning => "detailed_planning",
            Self::Infrastructure => "infrastructure",
        }
    }

    /// Looks a variant up by its code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.code() == code)
    }

    /// The activity (Decree 45/2012 Art. 4 item) the variant belongs to.
    pub const fn activity(self) -> Activity {
        match self {
            Self::NewTechnologyOrProduct | Self::EfficientEstablishment => {
                Activity::DemonstrationModel
            }
            Self::OrganiseDomestic | Self::AttendDomestic | Self::Abroad => {
                Activity::FairsExhibitions
            }
            Self::OrganiseRegional
            | Self::OrganiseNational
            | Self::PrizeRegional
            | Self::PrizeNational => Activity::TypicalProductContest,
            Self::Brand => Activity::BrandShowroomPromotion,
            Self::AssociationRegional | Self::AssociationNational | Self::LinkageCluster => {
                Activity::AssociationsLinkage
            }
            Self::RelocationInterest
            | Self::PollutionTreatmentEstablishment
            | Self::PollutionTreatmentCluster => Activity::RelocationPollutionTreatment,
            Self::DetailedPlanning | Self::Infrastructure => Activity::IndustrialClusterDevelopment,
        }
    }

    /// The variants of an activity; empty when the activity has a single support item.
    pub fn of(activity: Activity) -> Vec<Self> {
        Self::ALL
            .iter()
            .copied()
            .filter(|v| v.activity() == activity)
            .collect()
    }
}

impl std::fmt::Display for SupportVariant {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// The unit a support level applies to (per establishment, per model, per round…): a
/// scheme that supports several units may receive the per-unit level for each of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CapUnit {
    /// Per establishment (cơ sở).
    #[schemars(title = "Per establishment / Mỗi cơ sở")]
    PerEstablishment,
    /// Per demonstration or pilot model.
    #[schemars(title = "Per model / Mỗi mô hình")]
    PerModel,
    /// Per enterprise set up.
    #[schemars(title = "Per enterprise / Mỗi doanh nghiệp")]
    PerEnterprise,
    /// Per product.
    #[schemars(title = "Per product / Mỗi sản phẩm")]
    PerProduct,
    /// Per contest round.
    #[schemars(title = "Per contest round / Mỗi cuộc bình chọn")]
    PerRound,
    /// Per brand.
    #[schemars(title = "Per brand / Mỗi thương hiệu")]
    PerBrand,
    /// Per business-linkage cluster.
    #[schemars(title = "Per business-linkage cluster / Mỗi cụm liên kết doanh nghiệp")]
    PerCluster,
    /// Per industrial cluster (cụm công nghiệp, CCN).
    #[schemars(title = "Per industrial cluster / Mỗi cụm công nghiệp")]
    PerIndustrialCluster,
    /// Per association.
    #[schemars(title = "Per association / Mỗi hiệp hội")]
    PerAssociation,
    /// Per scheme (đề án).
    #[schemars(title = "Per scheme / Mỗi đề án")]
    PerScheme,
    /// Per fair or exhibition organised or attended as a whole.
    #[schemars(title = "Per fair or exhibition / Mỗi hội chợ, triển lãm")]
    PerFair,
    /// Per establishment-participation in a fair (one establishment at one fair).
    #[schemars(title = "Per participation / Mỗi lượt cơ sở tham gia")]
    PerParticipation,
    /// Per person (e.g. an air ticket for a study trip).
    #[schemars(title = "Per person / Mỗi người")]
    PerPerson,
    /// Per plan year (e.g. the managing agency's overhead on the year's funds).
    #[schemars(title = "Per plan year / Mỗi năm kế hoạch")]
    PerYear,
}

impl CapUnit {
    /// The unit as the law writes it.
    pub const fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::PerEstablishment, Lang::Vi) => "cơ sở",
            (Self::PerEstablishment, Lang::En) => "establishment",
            (Self::PerModel, Lang::Vi) => "mô hình",
            (Self::PerModel, Lang::En) => "model",
            (Self::PerEnterprise, Lang::Vi) => "doanh nghiệp",
            (Self::PerEnterprise, Lang::En) => "enterprise",
            (Self::PerProduct, Lang::Vi) => "sản phẩm",
            (Self::PerProduct, Lang::En) => "product",
            (Self::PerRound, Lang::Vi) => "lần tổ chức",
            (Self::PerRound, Lang::En) => "round",
            (Self::PerBrand, Lang::Vi) => "thương hiệu",
            (Self::PerBrand, Lang::En) => "brand",
            (Self::PerCluster, Lang::Vi) => "cụm liên kết",
            (Self::PerCluster, Lang::En) => "linkage cluster",
            (Self::PerIndustrialCluster, Lang::Vi) => "cụm công nghiệp",
            (Self::PerIndustrialCluster, Lang::En) => "industrial cluster",
            (Self::PerAssociation, Lang::Vi) => "hiệp hội",
            (Self::PerAssociation, Lang::En) => "association",
            (Self::PerScheme, Lang::Vi) => "đề án",
            (Self::PerScheme, Lang::En) => "scheme",
            (Self::PerFair, Lang::Vi) => "hội chợ, triển lãm",
            (Self::PerFair, Lang::En) => "fair",
            (Self::PerParticipation, Lang::Vi) => "lượt cơ sở tham gia",
            (Self::PerParticipation, Lang::En) => "participation",
            (Self::PerPerson, Lang::Vi) => "người",
            (Self::PerPerson, Lang::En) => "person",
            (Self::PerYear, Lang::Vi) => "năm kế hoạch",
            (Self::PerYear, Lang::En) => "plan year",
        }
    }

    /// The permanent code (`per_establishment`, `per_model`…).
    pub const fn code(self) -> &'static str {
        match self {
            Self::PerEstablishment => "per_establishment",
            Self::PerModel => "per_model",
            Self::PerEnterprise => "per_enterprise",
            Self::PerProduct => "per_product",
            Self::PerRound => "per_round",
            Self::PerBrand => "per_brand",
            Self::PerCluster => "per_cluster",
            Self::PerIndustrialCluster => "per_industrial_cluster",
            Self::PerAssociation => "per_association",
            Self::PerScheme => "per_scheme",
            Self::PerFair => "per_fair",
            Self::PerParticipation => "per_participation",
            Self::PerPerson => "per_person",
            Self::PerYear => "per_year",
        }
    }

    /// Whether one scheme or plan year is always exactly one unit (so the number of units
    /// never needs to be stated).
    pub const fn is_whole(self) -> bool {
        matches!(self, Self::PerScheme | Self::PerYear)
    }
}

/// An absolute ceiling on support.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Cap {
    /// The ceiling in đồng (JSON integer).
    pub amount_vnd: Vnd,
    /// What the ceiling applies to.
    pub unit: CapUnit,
}

/// What a share is a share of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ShareBase {
    /// The eligible cost of the item (the usual base).
    #[default]
    #[schemars(title = "Eligible cost / Chi phí được hỗ trợ")]
    EligibleCost,
    /// The booth rent only.
    #[schemars(title = "Booth rent / Tiền thuê gian hàng")]
    BoothRent,
    /// The air tickets only.
    #[schemars(title = "Air tickets / Vé máy bay")]
    AirTickets,
    /// The interest on eligible loans for the first two years.
    #[schemars(title = "Loan interest, first two years / Lãi suất vốn vay hai năm đầu")]
    LoanInterestFirstTwoYears,
    /// The extension funds allocated for the year (management overhead).
    #[schemars(
        title = "Extension funds allocated for the year / Kinh phí khuyến công được giao trong năm"
    )]
    AnnualAllocatedFunds,
    /// The approved scheme estimate (management overhead).
    #[schemars(title = "Approved scheme estimate / Dự toán đề án được duyệt")]
    SchemeEstimate,
}

impl ShareBase {
    /// Whether this is the usual base (the eligible cost), left out of the JSON form.
    pub fn is_eligible_cost(&self) -> bool {
        *self == Self::EligibleCost
    }
}

impl ShareBase {
    /// A label in the requested language.
    pub const fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::EligibleCost, Lang::Vi) => "chi phí được hỗ trợ",
            (Self::EligibleCost, Lang::En) => "the eligible cost",
            (Self::BoothRent, Lang::Vi) => "tiền thuê gian hàng",
            (Self::BoothRent, Lang::En) => "the booth rent",
            (Self::AirTickets, Lang::Vi) => "tiền vé máy bay",
            (Self::AirTickets, Lang::En) => "the air tickets",
            (Self::LoanInterestFirstTwoYears, Lang::Vi) => "lãi suất vay 2 năm đầu",
            (Self::LoanInterestFirstTwoYears, Lang::En) => {
                "the loan interest of the first two years"
            }
            (Self::AnnualAllocatedFunds, Lang::Vi) => "kinh phí khuyến công được giao trong năm",
            (Self::AnnualAllocatedFunds, Lang::En) => "the extension funds allocated for the year",
            (Self::SchemeEstimate, Lang::Vi) => "dự toán đề án",
            (Self::SchemeEstimate, Lang::En) => "the scheme estimate",
        }
    }
}

/// A beneficiary or area condition attached to a support item. The conditions are listed
/// with the limit for the caller to check; [`max_support`](super::max_support) does not
/// decide them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Condition {
    /// A rural industrial establishment (Decree 45/2012 Art. 1.2).
    #[schemars(title = "Rural industrial establishment / Cơ sở công nghiệp nông thôn")]
    RuralIndustrialEstablishment,
    /// A newly set-up rural industrial enterprise.
    #[schemars(
        title = "Newly set-up rural industrial enterprise / Doanh nghiệp công nghiệp nông thôn mới thành lập"
    )]
    NewRuralIndustrialEnterprise,
    /// Located in an area with difficult or especially difficult socio-economic conditions.
    #[schemars(
        title = "Difficult or especially difficult area / Địa bàn khó khăn, đặc biệt khó khăn"
    )]
    DifficultOrEspeciallyDifficultArea,
    /// An efficiently operating establishment, outstanding in economic, social and
    /// environmental results.
    #[schemars(title = "Efficiently operating establishment / Cơ sở đang hoạt động hiệu quả")]
    EfficientOperatingEstablishment,
    /// A polluting establishment relocating into an industrial zone or cluster.
    #[schemars(title = "Polluting establishment relocating / Cơ sở gây ô nhiễm di dời")]
    PollutingEstablishmentRelocating,
    /// An industrial cluster (cụm công nghiệp).
    #[schemars(title = "Industrial cluster / Cụm công nghiệp")]
    IndustrialCluster,
    /// Priority area or sector (Decree 45/2012 Art. 6), approved by the Ministry.
    #[schemars(
        title = "Approved priority area or sector / Địa bàn, ngành nghề ưu tiên được phê duyệt"
    )]
    PriorityAreaOrSectorApproved,
}

/// What a multiplier depends on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum MultiplierKind {
    /// A whole technology line (dây chuyền công nghệ) is supported.
    #[schemars(title = "Whole technology line / Cả dây chuyền công nghệ")]
    TechnologyLine,
    /// A priority area or sector (Decree 45/2012 Art. 6).
    #[schemars(title = "Priority area or sector / Địa bàn, ngành nghề ưu tiên")]
    Priority,
}

/// A factor that raises the cap of a support item when its condition holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, bound(deserialize = "C: Deserialize<'de>"))]
#[non_exhaustive]
pub struct Multiplier<C = Citation> {
    /// When it applies.
    pub kind: MultiplierKind,
    /// The largest factor, as a decimal string (e.g. `"1.5"`); applied to the cap.
    #[schemars(with = "String")]
    pub factor: Decimal,
    /// Where the law sets it.
    pub citation: C,
    /// How sure the project is of the factor *as applied* (to the cap).
    pub confidence: Confidence,
    /// What is uncertain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A reference to an article (Điều), clause (Khoản) and point (Điểm) of the provincial
/// resolution a provincial pack carries; `{}` cites the resolution as a whole, where the
/// source gives the level but not its article.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ArticleRef {
    /// Article (Điều), from 1; absent when the source does not give it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1))]
    pub article: Option<u16>,
    /// Clause (Khoản), from 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1))]
    pub clause: Option<u16>,
    /// Point (Điểm), a Vietnamese point letter (a b c d đ e g h i k …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^(a|b|c|d|đ|e|g|h|i|k|l|m|n|o|p|q|r|s|t|u|v|x|y)$"))]
    pub point: Option<String>,
}

/// One support item of a rule pack: which activity, for which funds, how much, where the
/// law says so and how sure the project is. The national pack cites national instruments
/// ([`Citation`]); a provincial pack cites articles of its resolution ([`ArticleRef`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, bound(deserialize = "C: Deserialize<'de>"))]
#[non_exhaustive]
pub struct SupportRule<C = Citation> {
    /// A stable id, unique in its pack (e.g. `tt28-8.4`).
    pub id: String,
    /// The activity (Decree 45/2012 Art. 4 leaf item); absent for items that are not
    /// support to an activity (management overhead).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activity: Option<Activity>,
    /// The variant, where the activity has several items.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variant: Option<SupportVariant>,
    /// The item as the law names it, in Vietnamese and English.
    pub label: Text,
    /// The fund levels the level is set for.
    pub fund_levels: Vec<FundLevel>,
    /// Beneficiary and area conditions (listed, not decided here).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<Condition>,
    /// The largest share of the base, as a decimal string (`"0.5"` = 50 %).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_share: Option<Share>,
    /// What the share is a share of.
    #[serde(default, skip_serializing_if = "ShareBase::is_eligible_cost")]
    pub share_of: ShareBase,
    /// The absolute ceiling, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cap: Option<Cap>,
    /// The unit the level applies to (per establishment, model, round…). Every national level
    /// states it; when given together with a cap, it must be the cap's unit. A scheme that
    /// supports several units may receive the level once per unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<CapUnit>,
    /// Factors that raise the cap.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub multipliers: Vec<Multiplier<C>>,
    /// The cost items the support may pay for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub eligible_costs: Vec<Text>,
    /// Set when the law fixes no computable level (e.g. priced by tender): why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_computable: Option<Text>,
    /// First day the level applies. Required in the national pack; in a provincial pack it
    /// may be left out, and the level applies from the first day of the resolution.
    #[serde(
        default,
        deserialize_with = "crate::de::opt_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub valid_from: Option<NaiveDate>,
    /// Last day the level applies, if it has ended.
    #[serde(
        default,
        deserialize_with = "crate::de::opt_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub valid_until: Option<NaiveDate>,
    /// Where the law sets the level.
    pub citation: C,
    /// How sure the project is of the level.
    pub confidence: Confidence,
    /// What is uncertain or how the value was read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl<C> SupportRule<C> {
    /// The unit the level applies to: the stated `unit`, else the cap's.
    pub fn unit(&self) -> Option<CapUnit> {
        self.unit.or(self.cap.map(|c| c.unit))
    }

    /// Whether the rule applies on `date` (a rule without a first day applies from the first
    /// day of its pack's resolution, which the caller checks).
    pub fn valid_on(&self, date: NaiveDate) -> bool {
        self.valid_from.is_none_or(|f| f <= date) && self.valid_until.is_none_or(|u| date <= u)
    }
}

/// The kind of a provincial instrument setting local support levels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ProvincialInstrumentKind {
    /// A resolution of the provincial People's Council (Nghị quyết của Hội đồng nhân dân),
    /// the instrument that sets local levels (Decree 45/2012 Art. 13; Circular 28/2018).
    #[default]
    #[schemars(title = "People's Council resolution / Nghị quyết của Hội đồng nhân dân")]
    Resolution,
    /// A decision of the provincial People's Committee (Quyết định của Ủy ban nhân dân), as
    /// some provinces issued before the levels moved to People's Council resolutions.
    #[schemars(title = "People's Committee decision / Quyết định của Ủy ban nhân dân")]
    Decision,
}

impl ProvincialInstrumentKind {
    /// Whether this is the usual kind (a resolution), left out of the JSON form.
    pub fn is_resolution(&self) -> bool {
        *self == Self::Resolution
    }

    /// The permanent code.
    pub const fn code(self) -> &'static str {
        match self {
            Self::Resolution => "resolution",
            Self::Decision => "decision",
        }
    }

    /// "Nghị quyết" / "Resolution", "Quyết định" / "Decision".
    pub const fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::Resolution, Lang::Vi) => "Nghị quyết",
            (Self::Resolution, Lang::En) => "Resolution",
            (Self::Decision, Lang::Vi) => "Quyết định",
            (Self::Decision, Lang::En) => "Decision",
        }
    }

    /// "Hội đồng nhân dân" / "People's Council", "Ủy ban nhân dân" / "People's Committee".
    pub const fn issuer(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::Resolution, Lang::Vi) => "Hội đồng nhân dân",
            (Self::Resolution, Lang::En) => "People's Council",
            (Self::Decision, Lang::Vi) => "Ủy ban nhân dân",
            (Self::Decision, Lang::En) => "People's Committee",
        }
    }
}

/// A citation of an article of a provincial People's Council resolution (or People's
/// Committee decision).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ProvincialCitation {
    /// The province or centrally-run city.
    pub province: String,
    /// The kind of instrument (a resolution unless stated).
    #[serde(
        default,
        skip_serializing_if = "ProvincialInstrumentKind::is_resolution"
    )]
    pub kind: ProvincialInstrumentKind,
    /// The instrument's number, e.g. `23/2025/NQ-HĐND`; absent when the source did not give it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolution: Option<String>,
    /// Article (Điều); absent when the source gives the level but not its article.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<u16>,
    /// Clause (Khoản).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clause: Option<u16>,
    /// Point (Điểm).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub point: Option<String>,
}

/// The legal basis of a limit: a national instrument or a provincial resolution.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
#[non_exhaustive]
pub enum RuleCitation {
    /// A national instrument.
    National(Citation),
    /// A provincial People's Council resolution.
    Provincial(ProvincialCitation),
}

impl RuleCitation {
    /// Renders the citation in the requested language.
    pub fn render(&self, lang: Lang) -> String {
        match self {
            Self::National(c) => c.render(lang),
            Self::Provincial(p) => {
                let point = p.point.as_deref().and_then(|s| Point::parse(s).ok());
                match lang {
                    Lang::Vi => {
                        let mut out = String::new();
                        if let Some(pt) = point {
                            out.push_str(&format!("điểm {} ", pt.letter()));
                        }
                        if let Some(k) = p.clause {
                            out.push_str(&format!("khoản {k} "));
                        }
                        if let Some(a) = p.article {
                            out.push_str(&format!("Điều {a} "));
                        }
                        out.push_str(p.kind.name(Lang::Vi));
                        match &p.resolution {
                            Some(n) => out.push_str(&format!(" số {n}")),
                            None => out.push_str(" (chưa rõ số hiệu)"),
                        }
                        out.push_str(&format!(" của {} {}", p.kind.issuer(Lang::Vi), p.province));
                        out
                    }
                    Lang::En => {
                        let mut out = match &p.resolution {
                            Some(n) => format!("{} {n}", p.kind.name(Lang::En)),
                            None => format!("{} (number not read)", p.kind.name(Lang::En)),
                        };
                        out.push_str(&format!(
                            " of the {} of {}",
                            p.kind.issuer(Lang::En),
                            p.province
                        ));
                        if let Some(a) = p.article {
                            out.push_str(&format!(", Art. {a}"));
                            if let Some(k) = p.clause {
                                out.push_str(&format!("({k})"));
                            }
                            if let Some(pt) = point {
                                out.push_str(&format!("({})", pt.ascii()));
                            }
                        }
                        out
                    }
                }
            }
        }
    }

    /// The national citation, if the basis is national.
    pub const fn national(&self) -> Option<Citation> {
        match self {
            Self::National(c) => Some(*c),
            Self::Provincial(_) => None,
        }
    }
}

/// Which limit decided the result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Binding {
    /// The share of the eligible cost is the lower limit.
    Share,
    /// The absolute cap is the lower limit.
    Cap,
    /// The cap raised by a multiplier (technology line, priority) is the lower limit.
    MultipliedCap,
    /// A fixed amount per unit (no share), and the cost reaches it.
    LumpSum,
    /// The whole eligible cost (100 %, or below a lump-sum ceiling).
    FullCost,
}

impl Binding {
    /// The permanent code.
    pub const fn code(self) -> &'static str {
        match self {
            Self::Share => "share",
            Self::Cap => "cap",
            Self::MultipliedCap => "multiplied_cap",
            Self::LumpSum => "lump_sum",
            Self::FullCost => "full_cost",
        }
    }
}

/// Where the rule that produced a limit comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RuleSource {
    /// The national pack, for national funds.
    National,
    /// A provincial pack, for local funds.
    Provincial,
    /// The national pack used as a reference for local funds, because no provincial level
    /// was given: provinces set local levels by People's Council resolution, so the result
    /// is at best `secondary`.
    NationalAsReference,
}

/// One step of a computation, with its value and basis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Step {
    /// What the step does, in Vietnamese.
    pub description_vi: String,
    /// What the step does, in English.
    pub description_en: String,
    /// The amount the step yields, in đồng, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Vnd>,
    /// The provision the step applies, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub citation: Option<RuleCitation>,
}

/// A JSON boolean that is always `B`: the `assessed` flag of a [`SupportLimit`], so that a
/// reader can test `assessed` without knowing the `status` codes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Flag<const B: bool>;

impl<const B: bool> Serialize for Flag<B> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bool(B)
    }
}

impl<'de, const B: bool> Deserialize<'de> for Flag<B> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        if bool::deserialize(d)? == B {
            Ok(Self)
        } else {
            Err(serde::de::Error::custom(format_args!(
                "`assessed` must be {B} here"
            )))
        }
    }
}

impl<const B: bool> JsonSchema for Flag<B> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        if B { "True".into() } else { "False".into() }
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "boolean", "const": B })
    }
}

/// A limit the project could compute.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct AssessedLimit {
    /// Always `true`.
    pub assessed: Flag<true>,
    /// The most state support allowed, in đồng (rounded down).
    pub max_support_vnd: Vnd,
    /// Which limit decided it.
    pub binding: Binding,
    /// The eligible cost the limit was computed from (all units together), in đồng.
    pub eligible_cost_vnd: Vnd,
    /// The unit the level applies to (per establishment, model, round…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<CapUnit>,
    /// The number of units the eligible cost covers; the cap is applied once per unit.
    pub units: u64,
    /// The share limit alone (share × eligible cost, rounded down), if the level has a share.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share_limit_vnd: Option<Vnd>,
    /// The cap for one unit (after multipliers), if the level has a cap.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cap_per_unit_vnd: Option<Vnd>,
    /// The steps, in order.
    pub derivation: Vec<Step>,
    /// The provision the level rests on.
    pub citation: RuleCitation,
    /// How sure the project is of the result (the weakest basis used).
    pub confidence: Confidence,
    /// The id of the rule applied.
    pub rule_id: String,
    /// Where the rule comes from.
    pub rule_source: RuleSource,
    /// The instrument that sets national levels on the date.
    pub support_regime: SupportRegime,
    /// Conditions the beneficiary or area must meet (not checked here).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<Condition>,
}

/// A limit the project does not compute, and why: the one outcome of every level the rule
/// packs do not know (an item whose level was not read, a level fixed by tender, a date
/// before 2014-04-08, an item not named). Documents get a warning for it, never an error.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct NotAssessedLimit {
    /// Always `false`.
    pub assessed: Flag<false>,
    /// Why, in Vietnamese.
    pub reason_vi: String,
    /// Why, in English.
    pub reason_en: String,
    /// The provision that would set the level.
    pub citation: RuleCitation,
    /// The instrument that sets national levels on the date; absent before 2014-04-08,
    /// when no modelled instrument does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub support_regime: Option<SupportRegime>,
    /// The unit the level would apply to, when the rule is known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<CapUnit>,
    /// The rule found, when it has no computable level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule_id: Option<String>,
}

/// The result of [`max_support`](super::max_support).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "status", rename_all = "snake_case")]
#[non_exhaustive]
pub enum SupportLimit {
    /// A computed limit.
    Assessed(AssessedLimit),
    /// Not computed, with the reason.
    NotAssessed(NotAssessedLimit),
}

impl SupportLimit {
    /// Whether the limit was computed (`false`: not assessed, with the reason).
    pub const fn is_assessed(&self) -> bool {
        matches!(self, Self::Assessed(_))
    }

    /// The computed limit, if assessed.
    pub const fn assessed(&self) -> Option<&AssessedLimit> {
        match self {
            Self::Assessed(a) => Some(a),
            Self::NotAssessed(_) => None,
        }
    }

    /// The most support allowed, if assessed.
    pub fn max_support_vnd(&self) -> Option<Vnd> {
        self.assessed().map(|a| a.max_support_vnd)
    }
}
