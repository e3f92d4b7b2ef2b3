//! The facts about an applicant that the eligibility rules read ([`ApplicantFacts`]).
//!
//! Almost every fact is optional: a fact that is not given is *unknown*, and a rule that
//! needs it answers `indeterminate` and names it (as a JSON Pointer into these facts, e.g.
//! `/sme/average_insured_employees`). The type is an interchange format: it rejects unknown
//! fields, and its documentation becomes the JSON Schema.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::beneficiary::LegalForm;
use crate::industry::{Industry, PriorityArea};
use crate::law::{Citation, InstrumentId, Lang};
use crate::location::{AdminUnit, UrbanClass};
use crate::money::Share;
use crate::product::TypicalProductLevel;
pub use crate::sme::SmeFacts;

/// What is known about one applicant (an establishment, enterprise, cooperative, household
/// or person) asking for industrial-extension support.
/// / Các dữ kiện về một đối tượng đề nghị hỗ trợ khuyến công.
///
/// Every field may be omitted; an omitted fact is unknown, never assumed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ApplicantFacts {
    /// The applicant's name, for reports only (no rule reads it). / Tên đơn vị, chỉ để hiển thị.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The legal form (Decree 45/2012 Art. 1.2(a)). For `enterprise` (and `sme`) the size is
    /// derived from the `sme` facts. / Loại hình pháp lý.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_form: Option<LegalForm>,
    /// The figures that decide whether an enterprise is an SME (Law 04/2017/QH14 Art. 4;
    /// Decree 80/2021/NĐ-CP Art. 5). / Tiêu chí xác định doanh nghiệp nhỏ và vừa.
    #[serde(default, skip_serializing_if = "SmeFacts::is_empty")]
    pub sme: SmeFacts,
    /// Where the applicant is registered (head office). / Địa chỉ trụ sở chính.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub head_office: Option<Location>,
    /// Where the applicant actually invests and produces, if not at the head office; the
    /// location test judges this place (Circular 46/2012/TT-BCT Art. 3.1(d)).
    /// / Địa điểm đầu tư, sản xuất (nếu khác trụ sở).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub production_site: Option<Location>,
    /// The industry the support is for (Decree 45/2012 Art. 5.1). / Ngành, nghề sản xuất.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub industry: Option<Industry>,
    /// For building materials: the kiln or technology used (Circular 46/2012/TT-BCT Art. 5.1).
    /// / Công nghệ sản xuất vật liệu xây dựng (loại lò).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kiln_technology: Option<KilnTechnology>,
    /// Facts for the priority principles (Decree 45/2012 Art. 6; Circular 46/2012 Art. 6).
    /// / Dữ kiện về ưu tiên.
    #[serde(default, skip_serializing_if = "PriorityFacts::is_empty")]
    pub priority: PriorityFacts,
    /// Whether the applicant is an industrial production establishment applying cleaner
    /// production (Decree 45/2012 Art. 1.2(b)). / Cơ sở sản xuất công nghiệp áp dụng sản xuất sạch hơn.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cleaner_production: Option<bool>,
    /// Whether the applicant applies sustainable production and consumption (Decree 45/2012
    /// Art. 1.2(b) as amended by Decree 235/2025, from 2025-10-15).
    /// / Áp dụng sản xuất và tiêu dùng bền vững.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sustainable_production: Option<bool>,
    /// Whether the applicant (an enterprise or cooperative) invests in building
    /// industrial-cluster infrastructure (Decree 235/2025, from 2025-10-15).
    /// / Chủ đầu tư xây dựng hạ tầng cụm công nghiệp.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub industrial_cluster_investor: Option<bool>,
    /// The applicant's artisan title, if the applicant is an artisan (reported 2025 addition).
    /// / Danh hiệu nghệ nhân.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub artisan_title: Option<ArtisanTitle>,
    /// Whether other state funding has already been received (or approved) for the same cost
    /// items (Joint Circular 26/2014/TTLT-BTC-BCT Art. 7.4).
    /// / Đã được ngân sách nhà nước hỗ trợ cho cùng nội dung chi.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_state_funding_same_items: Option<bool>,
}

/// A place: the administrative units it lies in. Give the units of the map in force on the
/// assessment date: until 2025-06-30 three tiers (province → district, town or city → commune,
/// ward or township); from 2025-07-01 two tiers (province or centrally-run city → commune, ward
/// or special zone). / Địa bàn theo đơn vị hành chính.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Location {
    /// Tier 1: `province` or `centrally_run_city`. / Cấp tỉnh: tỉnh hay thành phố trực thuộc trung ương.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub province_kind: Option<AdminUnit>,
    /// The province's name, for reports only. / Tên tỉnh, thành phố.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub province_name: Option<String>,
    /// Until 2025-06-30, tier 2: `rural_district`, `town`, `provincial_city`,
    /// `city_under_centrally_run_city` or `urban_district`. / Cấp huyện (trước 01/7/2025).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district_kind: Option<AdminUnit>,
    /// Until 2025-06-30: the urban class of the city the ward belongs to (for a ward of an
    /// urban district: the class of the centrally-run city). / Loại đô thị của thành phố.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city_urban_class: Option<UrbanClass>,
    /// The tier-2 unit's name, for reports only. / Tên đơn vị cấp huyện.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district_name: Option<String>,
    /// The lowest unit: `commune`, `ward` or `township` (until 2025-06-30); `commune`, `ward`
    /// or `special_zone` (from 2025-07-01). / Đơn vị cấp xã.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_kind: Option<AdminUnit>,
    /// The lowest unit's name, for reports only. / Tên xã, phường, thị trấn, đặc khu.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_name: Option<String>,
    /// For a ward of a class-1 city: whether it was converted from a commune (`false` = it has
    /// always been a ward). Implied `true` when `ward_converted_on` is given.
    /// / Phường được chuyển từ xã.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ward_converted_from_commune: Option<bool>,
    /// For a ward of a class-1 city: the effective date of the decision converting it from a
    /// commune (Circular 46/2012/TT-BCT Art. 3.1(đ)). / Ngày hiệu lực quyết định chuyển xã thành phường.
    #[serde(
        default,
        deserialize_with = "crate::de::opt_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub ward_converted_on: Option<NaiveDate>,
    /// For a ward between 2025-07-01 and 2025-10-14: the kind of the tier-2 unit it belonged
    /// to before 2025-07-01 (`rural_district`, `town`, `provincial_city`,
    /// `city_under_centrally_run_city`, `urban_district`). / Loại đơn vị cấp huyện cũ.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub former_parent_kind: Option<AdminUnit>,
    /// For a ward between 2025-07-01 and 2025-10-14: the urban class of its former city.
    /// / Loại đô thị của thành phố cũ.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub former_parent_urban_class: Option<UrbanClass>,
    /// Whether the place is a craft village recognised by the provincial People's Committee
    /// (eligible anywhere from 2025-10-15, Decree 235/2025 Art. 1.1).
    /// / Làng nghề được Ủy ban nhân dân cấp tỉnh công nhận.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub craft_village_recognised: Option<bool>,
}

/// The kiln or technology of a building-materials producer (Circular 46/2012/TT-BCT Art. 5.1:
/// no support for fired-clay brick in improved-manual or ring kilns; support goes to
/// new-technology, unfired materials). / Công nghệ, loại lò sản xuất vật liệu xây dựng.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum KilnTechnology {
    /// Fired-clay brick in an improved manual kiln (lò thủ công cải tiến) — excluded.
    #[schemars(
        title = "Improved manual fired-clay brick kiln / Lò gạch đất sét nung thủ công cải tiến"
    )]
    ImprovedManualFiredClay,
    /// Fired-clay brick in a ring kiln (lò vòng) — excluded.
    #[schemars(title = "Ring kiln, fired clay / Lò vòng nung gạch đất sét")]
    RingKilnFiredClay,
    /// Tunnel kiln (lò tuynel).
    #[schemars(title = "Tunnel kiln / Lò tuynel")]
    TunnelKiln,
    /// Vertical-shaft kiln (lò đứng liên tục).
    #[schemars(title = "Vertical shaft kiln / Lò đứng liên tục")]
    VerticalShaftKiln,
    /// Unfired building materials (vật liệu xây không nung).
    #[schemars(title = "Unfired building materials / Vật liệu xây không nung")]
    Unfired,
    /// Another technology.
    #[schemars(title = "Other technology / Công nghệ khác")]
    Other,
}

impl KilnTechnology {
    /// Whether Circular 46/2012/TT-BCT Art. 5.1 excludes the technology from support.
    pub const fn excluded(self) -> bool {
        matches!(
            self,
            Self::ImprovedManualFiredClay | Self::RingKilnFiredClay
        )
    }

    /// The permanent code.
    pub const fn code(self) -> &'static str {
        match self {
            Self::ImprovedManualFiredClay => "improved_manual_fired_clay",
            Self::RingKilnFiredClay => "ring_kiln_fired_clay",
            Self::TunnelKiln => "tunnel_kiln",
            Self::VerticalShaftKiln => "vertical_shaft_kiln",
            Self::Unfired => "unfired",
            Self::Other => "other",
        }
    }

    /// A label in the requested language.
    pub const fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::ImprovedManualFiredClay, Lang::Vi) => {
                "gạch đất sét nung bằng lò thủ công cải tiến"
            }
            (Self::ImprovedManualFiredClay, Lang::En) => "fired-clay brick, improved manual kiln",
            (Self::RingKilnFiredClay, Lang::Vi) => "gạch đất sét nung bằng lò vòng",
            (Self::RingKilnFiredClay, Lang::En) => "fired-clay brick, ring kiln",
            (Self::TunnelKiln, Lang::Vi) => "lò tuynel",
            (Self::TunnelKiln, Lang::En) => "tunnel kiln",
            (Self::VerticalShaftKiln, Lang::Vi) => "lò đứng liên tục",
            (Self::VerticalShaftKiln, Lang::En) => "vertical-shaft kiln",
            (Self::Unfired, Lang::Vi) => "vật liệu xây không nung",
            (Self::Unfired, Lang::En) => "unfired materials",
            (Self::Other, Lang::Vi) => "công nghệ khác",
            (Self::Other, Lang::En) => "other technology",
        }
    }

    /// The citation of the exclusion.
    pub const fn citation() -> Citation {
        Citation::article(InstrumentId::Tt46_2012Bct, 5).clause(1)
    }
}

/// An artisan title (reported by news as a new beneficiary under Decree 235/2025).
/// / Danh hiệu nghệ nhân.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ArtisanTitle {
    /// People's Artisan (nghệ nhân nhân dân).
    #[schemars(title = "People's Artisan / Nghệ nhân nhân dân")]
    PeoplesArtisan,
    /// Meritorious Artisan (nghệ nhân ưu tú).
    #[schemars(title = "Meritorious Artisan / Nghệ nhân ưu tú")]
    MeritoriousArtisan,
}

/// Facts for the priority principles (Decree 45/2012 Art. 6; Circular 46/2012/TT-BCT Art. 6).
/// They never decide eligibility, except the difficult-area facts used by Art. 5.1(e) and by
/// enterprise set-up support. / Dữ kiện xét ưu tiên.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct PriorityFacts {
    /// The priority areas the production site lies in (Art. 6.1); `[]` means none. Omit when
    /// unknown. / Địa bàn ưu tiên (mảng rỗng: không thuộc địa bàn nào).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub areas: Option<Vec<PriorityArea>>,
    /// Share of the value of main raw materials from the same province, as a decimal string
    /// (priority above 0.5, Circular 46/2012 Art. 6). / Tỷ lệ nguyên liệu tại chỗ.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub local_raw_material_share: Option<Share>,
    /// Number of workers (priority from 50, Circular 46/2012 Art. 6). / Số lao động.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub insured_workers: Option<u32>,
    /// Whether the establishment has an export contract or produces for export.
    /// / Có hợp đồng xuất khẩu hoặc sản xuất hàng xuất khẩu.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub export_contract: Option<bool>,
    /// The level of a typical-rural-industrial-product certificate held, if any.
    /// / Cấp chứng nhận sản phẩm công nghiệp nông thôn tiêu biểu.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub typical_product_certificate: Option<TypicalProductLevel>,
    /// Whether the product is on the supporting-industry list (Decision 1483/QĐ-TTg).
    /// / Sản phẩm công nghiệp hỗ trợ.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supporting_industry_product: Option<bool>,
    /// Whether the establishment is owned by women (reported 2025 priority).
    /// / Cơ sở do phụ nữ làm chủ.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub women_owned: Option<bool>,
    /// Whether the establishment employs ethnic-minority workers (reported 2025 priority).
    /// / Sử dụng lao động là người dân tộc thiểu số.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ethnic_minority_employment: Option<bool>,
}

impl PriorityFacts {
    /// Whether no fact is given.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// Whether the place is a difficult or especially difficult area; `None` when the areas
    /// are not given.
    pub fn difficult_area(&self) -> Option<bool> {
        self.areas
            .as_ref()
            .map(|a| a.iter().any(|p| p.is_difficult()))
    }
}

/// In a finding's message the technology shows as its label; in `params`, as its code.
impl crate::finding::Arg for KilnTechnology {
    fn write(&self, lang: Lang, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label(lang))
    }

    fn json(&self) -> serde_json::Value {
        self.code().into()
    }
}
