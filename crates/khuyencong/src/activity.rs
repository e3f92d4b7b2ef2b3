//! Activity categories: the contents of extension activity (Decree 45/2012 Art. 4).

use crate::codelist::{Codelist, codelist, regimes::*};
use crate::law::{
    Citation, DECREE_45_EFFECTIVE as D45, DECREE_235_EFFECTIVE as D235, InstrumentId, Point, Regime,
};

const fn art4(clause: u16) -> Citation {
    Citation::article(InstrumentId::Nd45_2012, 4).clause(clause)
}
const fn art4p(clause: u16, point: Point) -> Citation {
    art4(clause).point(point)
}
const ND235: Citation = Citation::article(InstrumentId::Nd235_2025, 1);

codelist! {
    /// An extension activity (nội dung hoạt động khuyến công): one of the nine groups of
    /// Decree 45/2012/NĐ-CP Art. 4 or one of their sub-items, plus the additions reported
    /// for Decree 235/2025/NĐ-CP (secondary). Decree 235 replaced Art. 4; its new numbering
    /// was not read, so under the 2025 regime the 2012 items carry `secondary` confidence.
    pub enum Activity: "activities" {
        /// 1 — vocational training and craft transfer.
        VocationalTraining = ("vocational_training", "Đào tạo nghề, truyền nghề", "Vocational training and craft transfer",
            art4(1), D45, None, BOTH_2025_SECONDARY),
        /// 2 — capacity building, start-ups and markets.
        CapacityStartupMarket = ("capacity_startup_market", "Nâng cao năng lực quản lý, khởi sự doanh nghiệp, mở rộng thị trường", "Management capacity, enterprise start-up and market expansion",
            art4(2), D45, None, BOTH_2025_SECONDARY),
        /// 2a — management and cleaner-production capacity.
        ManagementCapacity = ("management_cleaner_production_capacity", "Nâng cao năng lực quản lý doanh nghiệp và nhận thức, năng lực áp dụng sản xuất sạch hơn", "Enterprise management and cleaner-production capacity building",
            art4p(2, Point::A), D45, None, BOTH_2025_SECONDARY),
        /// 2b — starting and registering rural industrial enterprises.
        EnterpriseSetup = ("enterprise_setup", "Hỗ trợ khởi sự, thành lập doanh nghiệp sản xuất công nghiệp nông thôn", "Support for starting and setting up rural industrial enterprises",
            art4p(2, Point::B), D45, None, BOTH_2025_SECONDARY),
        /// 2c — market expansion and exports.
        MarketExpansion = ("market_export_expansion", "Hỗ trợ mở rộng thị trường tiêu thụ, xuất khẩu sản phẩm công nghiệp nông thôn", "Market expansion and exports of rural industrial products",
            art4p(2, Point::C), D45, None, BOTH_2025_SECONDARY),
        /// 3 — technology.
        Technology = ("technology", "Mô hình trình diễn, chuyển giao công nghệ, máy móc tiên tiến, sản xuất sạch hơn", "Demonstration models, technology transfer, advanced machinery and cleaner production",
            art4(3), D45, None, BOTH_2025_SECONDARY),
        /// 3a — technical demonstration models.
        DemonstrationModel = ("demonstration_model", "Xây dựng mô hình trình diễn kỹ thuật", "Technical demonstration models",
            art4p(3, Point::A), D45, None, BOTH_2025_SECONDARY),
        /// 3b — technology transfer and advanced machinery.
        AdvancedMachinery = ("advanced_machinery_technology_transfer", "Chuyển giao công nghệ, ứng dụng máy móc tiên tiến, tiến bộ khoa học kỹ thuật vào sản xuất", "Technology transfer and application of advanced machinery and technical progress",
            art4p(3, Point::B), D45, None, BOTH_2025_SECONDARY),
        /// 3c — cleaner-production pilot models.
        CleanerProductionPilot = ("cleaner_production_pilot", "Xây dựng mô hình thí điểm về áp dụng sản xuất sạch hơn", "Cleaner-production pilot models",
            art4p(3, Point::C), D45, None, BOTH_2025_SECONDARY),
        /// 4 — product development and trade promotion.
        ProductTradePromotion = ("product_trade_promotion", "Phát triển sản phẩm công nghiệp nông thôn tiêu biểu và xúc tiến thương mại", "Typical-product development and trade promotion",
            art4(4), D45, None, BOTH_2025_SECONDARY),
        /// 4a — typical rural industrial product contests.
        TypicalProductContest = ("typical_product_contest", "Tổ chức bình chọn sản phẩm công nghiệp nông thôn tiêu biểu", "Typical rural industrial product contests",
            art4p(4, Point::A), D45, None, BOTH_2025_SECONDARY),
        /// 4b — fairs and exhibitions.
        FairsExhibitions = ("fairs_exhibitions", "Tổ chức, tham gia hội chợ, triển lãm hàng công nghiệp nông thôn, hàng thủ công mỹ nghệ", "Organising and attending fairs and exhibitions",
            art4p(4, Point::B), D45, None, BOTH_2025_SECONDARY),
        /// 4c — brands, showrooms and other trade promotion.
        BrandShowroomPromotion = ("brand_showroom_trade_promotion", "Xây dựng, đăng ký thương hiệu, đầu tư phòng trưng bày và xúc tiến thương mại khác", "Brands, showrooms and other trade promotion",
            art4p(4, Point::C), D45, None, BOTH_2025_SECONDARY),
        /// 5 — advisory support.
        Advisory = ("advisory", "Tư vấn, trợ giúp cơ sở công nghiệp nông thôn", "Advisory support to rural industrial establishments",
            art4(5), D45, None, BOTH_2025_SECONDARY),
        /// 6 — information.
        Information = ("information", "Cung cấp thông tin, tuyên truyền", "Information and dissemination",
            art4(6), D45, None, BOTH_2025_SECONDARY),
        /// 7 — linkage, clusters and relocation.
        LinkageClustersRelocation = ("linkage_clusters_relocation", "Hỗ trợ liên doanh, liên kết, hợp tác kinh tế, phát triển cụm công nghiệp và di dời cơ sở gây ô nhiễm", "Linkage, economic cooperation, industrial clusters and relocation of polluters",
            art4(7), D45, None, BOTH_2025_SECONDARY),
        /// 7a — associations and business-linkage clusters.
        AssociationsLinkage = ("associations_business_linkage", "Hỗ trợ thành lập hiệp hội, hội ngành nghề, cụm liên kết doanh nghiệp công nghiệp", "Trade associations and business-linkage clusters",
            art4p(7, Point::A), D45, None, BOTH_2025_SECONDARY),
        /// 7b — industrial-cluster planning, infrastructure and investment attraction.
        IndustrialClusterDevelopment = ("industrial_cluster_development", "Hỗ trợ lập quy hoạch chi tiết, đầu tư hạ tầng và thu hút đầu tư vào cụm công nghiệp", "Industrial-cluster planning, infrastructure and investment attraction",
            art4p(7, Point::B), D45, None, BOTH_2025_SECONDARY),
        /// 7c — relocation of polluters and pollution-treatment systems.
        RelocationPollutionTreatment = ("relocation_pollution_treatment", "Hỗ trợ di dời cơ sở gây ô nhiễm và xây dựng hệ thống xử lý ô nhiễm môi trường", "Relocation of polluting establishments and pollution-treatment systems",
            art4p(7, Point::C), D45, None, BOTH_2025_SECONDARY),
        /// 8 — international cooperation.
        InternationalCooperation = ("international_cooperation", "Hợp tác quốc tế về khuyến công", "International cooperation on industrial extension",
            art4(8), D45, None, BOTH_2025_SECONDARY),
        /// 8a — extension work in international programmes.
        InternationalProgrammes = ("international_programmes", "Xây dựng, tham gia hoạt động khuyến công trong các chương trình, dự án hợp tác quốc tế", "Extension and cleaner-production work in international programmes",
            art4p(8, Point::A), D45, None, BOTH_2025_SECONDARY),
        /// 8b — exchange of experience with foreign partners.
        InternationalExchange = ("international_experience_exchange", "Trao đổi kinh nghiệm với nước ngoài về khuyến công, phát triển công nghiệp", "Exchange of experience with foreign partners",
            art4p(8, Point::B), D45, None, BOTH_2025_SECONDARY),
        /// 8c — staff capacity through international programmes.
        InternationalStaffCapacity = ("international_staff_capacity", "Nâng cao năng lực cán bộ khuyến công thông qua chương trình hợp tác quốc tế, khảo sát nước ngoài", "Extension-staff capacity through international programmes and study tours",
            art4p(8, Point::C), D45, None, BOTH_2025_SECONDARY),
        /// 9 — capacity of the extension system.
        SystemCapacity = ("system_capacity", "Nâng cao năng lực quản lý và tổ chức thực hiện hoạt động khuyến công", "Capacity of the extension system",
            art4(9), D45, None, BOTH_2025_SECONDARY),
        /// 9a — curricula, materials and staff training.
        StaffTraining = ("staff_training_materials", "Xây dựng chương trình, tài liệu, đào tạo, tập huấn cán bộ khuyến công", "Curricula, materials and training of extension staff",
            art4p(9, Point::A), D45, None, BOTH_2025_SECONDARY),
        /// 9b — study tours, workshops, databases and websites.
        StudyToursDatabases = ("study_tours_workshops_databases", "Tham quan, hội thảo, hội nghị; xây dựng, duy trì cơ sở dữ liệu, trang thông tin điện tử", "Study tours, workshops, reviews, databases and websites",
            art4p(9, Point::B), D45, None, BOTH_2025_SECONDARY),
        /// 9c — extension centres and the collaborator network.
        CentresCollaborators = ("extension_centres_collaborators", "Đầu tư cơ sở vật chất cho Trung tâm Khuyến công; mạng lưới cộng tác viên khuyến công", "Extension centres' facilities and the network of extension collaborators",
            art4p(9, Point::C), D45, None, BOTH_2025_SECONDARY),
        /// 9d — drawing up programmes and annual plans.
        ProgrammePlanning = ("programme_plan_making", "Xây dựng chương trình, kế hoạch khuyến công", "Drawing up extension programmes and annual plans",
            art4p(9, Point::D), D45, None, BOTH_2025_SECONDARY),
        /// 9đ — inspection, supervision and guidance.
        InspectionSupervision = ("inspection_supervision", "Kiểm tra, giám sát, hướng dẫn triển khai thực hiện chương trình, kế hoạch, đề án", "Inspection, supervision and guidance of programmes, plans and schemes",
            art4p(9, Point::Dd), D45, None, BOTH_2025_SECONDARY),
        /// Reported 2025 addition: sustainable production and consumption.
        SustainableProduction = ("sustainable_production_consumption", "Sản xuất và tiêu dùng bền vững", "Sustainable production and consumption",
            ND235, D235, None, ONLY_2025_SECONDARY, "reported by news on Decree 235/2025; numbering in the new Art. 4 not read"),
        /// Reported 2025 addition: digital transformation.
        DigitalTransformation = ("digital_transformation", "Chuyển đổi số trong hoạt động khuyến công", "Digital transformation in extension activity",
            ND235, D235, None, ONLY_2025_SECONDARY, "reported by news on Decree 235/2025; numbering in the new Art. 4 not read"),
        /// Reported 2025 addition: support for artisans to preserve and develop crafts.
        ArtisanCraftSupport = ("artisan_craft_support", "Hỗ trợ nghệ nhân bảo tồn, phát triển nghề", "Support for artisans to preserve and develop crafts",
            ND235, D235, None, ONLY_2025_SECONDARY, "reported by news on Decree 235/2025; numbering in the new Art. 4 not read"),
        /// Reported 2025 addition: industrial clusters linked with environmental treatment.
        ClusterEnvironmentalTreatment = ("cluster_environmental_treatment", "Đầu tư phát triển cụm công nghiệp gắn với xử lý môi trường", "Industrial-cluster investment linked with environmental treatment",
            ND235, D235, None, ONLY_2025_SECONDARY, "reported by news on Decree 235/2025; numbering in the new Art. 4 not read"),
    }
}

impl Activity {
    /// The group (Art. 4 clause) a sub-item belongs to; `None` for groups and for the
    /// 2025 additions, whose place in the new Art. 4 is not known.
    pub fn parent(self) -> Option<Self> {
        use Activity::*;
        match self {
            ManagementCapacity | EnterpriseSetup | MarketExpansion => Some(CapacityStartupMarket),
            DemonstrationModel | AdvancedMachinery | CleanerProductionPilot => Some(Technology),
            TypicalProductContest | FairsExhibitions | BrandShowroomPromotion => {
                Some(ProductTradePromotion)
            }
            AssociationsLinkage | IndustrialClusterDevelopment | RelocationPollutionTreatment => {
                Some(LinkageClustersRelocation)
            }
            InternationalProgrammes | InternationalExchange | InternationalStaffCapacity => {
                Some(InternationalCooperation)
            }
            StaffTraining
            | StudyToursDatabases
            | CentresCollaborators
            | ProgrammePlanning
            | InspectionSupervision => Some(SystemCapacity),
            _ => None,
        }
    }

    /// Whether this value is one of the nine Art. 4 groups.
    pub fn is_group(self) -> bool {
        self.citation().instrument_id() == InstrumentId::Nd45_2012
            && self.citation().point_letter().is_none()
    }

    /// Whether this value is a leaf: a sub-item, or a group without sub-items (1, 5, 6),
    /// or a 2025 addition. Schemes name leaves.
    pub fn is_leaf(self) -> bool {
        !Self::ALL.iter().any(|a| a.parent() == Some(self))
    }

    /// The item number in Art. 4 as the law writes it: `1`, `3a`, `9đ`; `None` for the
    /// 2025 additions.
    pub fn number(self) -> Option<String> {
        let c = self.citation();
        if c.instrument_id() != InstrumentId::Nd45_2012 {
            return None;
        }
        let clause = c.clause_no()?;
        Some(match c.point_letter() {
            Some(p) => format!("{clause}{}", p.letter()),
            None => clause.to_string(),
        })
    }

    /// Whether the activity exists in `regime`.
    pub fn exists_in(self, regime: Regime) -> bool {
        self.info().confidence_in(regime).is_some()
    }
}
