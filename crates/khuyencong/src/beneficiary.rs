//! Beneficiary categories (Decree 45/2012 Art. 1.2) and legal forms.

use crate::codelist::{codelist, regimes::*};
use crate::law::{
    Citation, DECREE_45_EFFECTIVE as D45, DECREE_235_EFFECTIVE as D235, InstrumentId, Point,
};

const fn art1_2(point: Point) -> Citation {
    Citation::article(InstrumentId::Nd45_2012, 1)
        .clause(2)
        .point(point)
}
/// Decree 235/2025 Art. 1 clause 1, which replaced Decree 45 Art. 1.2.
const ND235_1_1: Citation = Citation::article(InstrumentId::Nd235_2025, 1).clause(1);

codelist! {
    /// Who the extension policies apply to (đối tượng áp dụng), Decree 45/2012/NĐ-CP
    /// Art. 1.2 in its 2012 wording and as replaced by Decree 235/2025/NĐ-CP Art. 1.1.
    pub enum BeneficiaryCategory: "beneficiary_categories" {
        /// 1.2(a): rural industrial establishments (cơ sở công nghiệp nông thôn).
        RuralIndustrialEstablishment = ("rural_industrial_establishment", "Cơ sở công nghiệp nông thôn", "Rural industrial establishment",
            art1_2(Point::A), D45, None, BOTH),
        /// 1.2(b): industrial establishments applying cleaner production (no size or place limit).
        CleanerProductionEstablishment = ("cleaner_production_establishment", "Cơ sở sản xuất công nghiệp áp dụng sản xuất sạch hơn", "Industrial establishment applying cleaner production",
            art1_2(Point::B), D45, None, BOTH),
        /// 1.2(b) as amended: establishments applying sustainable production and consumption.
        SustainableProductionEstablishment = ("sustainable_production_establishment", "Cơ sở sản xuất công nghiệp áp dụng sản xuất và tiêu dùng bền vững", "Industrial establishment applying sustainable production and consumption",
            ND235_1_1, D235, None, ONLY_2025),
        /// 1.2(b) as amended: enterprises and cooperatives investing in industrial-cluster infrastructure.
        IndustrialClusterInvestor = ("industrial_cluster_infrastructure_investor", "Doanh nghiệp, hợp tác xã đầu tư xây dựng hạ tầng cụm công nghiệp", "Enterprise or cooperative investing in industrial-cluster infrastructure",
            ND235_1_1, D235, None, ONLY_2025),
        /// 1.2 as amended (2025): People's and Meritorious Artisans in handicrafts.
        Artisan = ("artisan", "Nghệ nhân nhân dân, nghệ nhân ưu tú trong lĩnh vực nghề thủ công mỹ nghệ", "People's Artisan or Meritorious Artisan in handicrafts",
            ND235_1_1, D235, None, ONLY_2025_SECONDARY,
            "named in the new Art. 1.2 as quoted by the Government's policy portal, which prints the items without their point letters"),
        /// 1.2(c): organisations and individuals managing or delivering extension services.
        ExtensionServiceProvider = ("extension_service_provider", "Tổ chức, cá nhân trong nước và nước ngoài tham gia quản lý, thực hiện dịch vụ khuyến công", "Domestic or foreign organisation or individual managing or delivering extension services",
            art1_2(Point::C), D45, None, BOTH_2025_SECONDARY,
            "kept in the new Art. 1.2 as quoted by the Government's policy portal (point letter not printed)"; in_2025: ND235_1_1),
    }
}

codelist! {
    /// The legal form of an applicant (loại hình). Rural industrial establishments are SMEs,
    /// cooperatives, cooperative groups, business households and — from 2025-10-15 — unions
    /// of cooperatives (Decree 45/2012 Art. 1.2(a)). An `enterprise` has its size derived from
    /// its SME facts; `sme` and `large_enterprise` name the outcome of that test. The other
    /// forms are never rural industrial establishments and exist so that inputs can say what
    /// they are and get a reasoned answer.
    pub enum LegalForm: "legal_forms" {
        /// An enterprise whose size is derived from its SME facts.
        Enterprise = ("enterprise", "Doanh nghiệp (quy mô xác định theo tiêu chí doanh nghiệp nhỏ và vừa)", "Enterprise (size derived from the SME criteria)",
            art1_2(Point::A), D45, None, BOTH),
        /// A small or medium-sized enterprise (Law 04/2017/QH14 Art. 4).
        Sme = ("sme", "Doanh nghiệp nhỏ và vừa", "Small or medium-sized enterprise",
            art1_2(Point::A), D45, None, BOTH),
        /// A cooperative (hợp tác xã).
        Cooperative = ("cooperative", "Hợp tác xã", "Cooperative",
            art1_2(Point::A), D45, None, BOTH),
        /// A cooperative group (tổ hợp tác).
        CooperativeGroup = ("cooperative_group", "Tổ hợp tác", "Cooperative group",
            art1_2(Point::A), D45, None, BOTH),
        /// A union of cooperatives (liên hiệp hợp tác xã) — a rural industrial establishment from 2025-10-15.
        UnionOfCooperatives = ("union_of_cooperatives", "Liên hiệp hợp tác xã", "Union of cooperatives",
            ND235_1_1, D235, None, ONLY_2025),
        /// A business household (hộ kinh doanh).
        BusinessHousehold = ("business_household", "Hộ kinh doanh", "Business household",
            art1_2(Point::A), D45, None, BOTH),
        /// A large enterprise: above the SME bounds of Law 04/2017/QH14 Art. 4.
        LargeEnterprise = ("large_enterprise", "Doanh nghiệp lớn (không phải doanh nghiệp nhỏ và vừa)", "Large enterprise (not an SME)",
            Citation::article(InstrumentId::Luat04_2017Qh14, 4), D45, None, BOTH,
            "never a rural industrial establishment; may be a cleaner-production establishment"),
        /// A natural person not registered as a business household.
        Individual = ("individual", "Cá nhân", "Individual",
            art1_2(Point::A), D45, None, BOTH,
            "not a legal form of rural industrial establishment"),
        /// A public service unit (đơn vị sự nghiệp công lập).
        PublicServiceUnit = ("public_service_unit", "Đơn vị sự nghiệp công lập", "Public service unit",
            art1_2(Point::C), D45, None, BOTH,
            "not a rural industrial establishment; may deliver extension services (Art. 1.2(c))"),
        /// Any other organisation.
        OtherOrganisation = ("other_organisation", "Tổ chức khác", "Other organisation",
            art1_2(Point::C), D45, None, BOTH,
            "not a rural industrial establishment; may deliver extension services (Art. 1.2(c))"),
    }
}
