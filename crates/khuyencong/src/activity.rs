//! Activity categories: the contents of extension activity (Decree 45/2012 Art. 4, in its
//! 2012 wording and as amended by Decree 235/2025).
//!
//! Decree 235/2025 amended clauses 1, 3, 4 and 7 of Art. 4 from 2025-10-15 (quoted by the
//! Government's policy portal; secondary until the gazette text is read); clauses 2, 5, 6,
//! 8 and 9 keep their 2012 wording. What the new text no longer names ends on 2025-10-14 —
//! it keeps its code, and schemes approved before 2025-10-15 continue under the 2012 text
//! (the decree's transitional rule).

use crate::codelist::{Codelist, codelist, regimes::*};
use crate::law::{
    Citation, DECREE_45_EFFECTIVE as D45, DECREE_235_EFFECTIVE as D235, InstrumentId, Point,
    REGIME_2012_LAST_DAY as LAST_2012, Regime,
};

const fn art4(clause: u16) -> Citation {
    Citation::article(InstrumentId::Nd45_2012, 4).clause(clause)
}
const fn art4p(clause: u16, point: Point) -> Citation {
    art4(clause).point(point)
}

codelist! {
    /// An extension activity (nội dung hoạt động khuyến công): one of the nine groups of
    /// Decree 45/2012/NĐ-CP Art. 4 or one of their items. From 2025-10-15 clauses 1, 3, 4 and 7
    /// are as amended by Decree 235/2025/NĐ-CP (text quoted by the Government's policy portal:
    /// `secondary`); items the new text no longer names end on 2025-10-14, and the items it
    /// adds start on 2025-10-15.
    pub enum Activity: "activities" {
        /// 1 — vocational training and craft transfer.
        VocationalTraining = ("vocational_training", "Đào tạo nghề, truyền nghề", "Vocational training and craft transfer",
            art4(1), D45, None, BOTH_2025_SECONDARY,
            "from 2025-10-15 clause 1 as amended: training to the needs of rural industrial establishments (coaching, craft transfer, apprenticeship; refresher programmes; technology-transfer programmes)"),
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
            art4(3), D45, None, BOTH_2025_SECONDARY,
            "from 2025-10-15 clause 3 as amended: demonstration models, advanced machinery, models of cleaner production and sustainable production and consumption, IT and digital transformation"),
        /// 3a — technical demonstration models.
        DemonstrationModel = ("demonstration_model", "Xây dựng mô hình trình diễn kỹ thuật", "Technical demonstration models",
            art4p(3, Point::A), D45, None, BOTH_2025_SECONDARY,
            "from 2025-10-15 the first item of the amended clause 3 (no point letters)"; in_2025: art4(3)),
        /// 3b — technology transfer and advanced machinery.
        AdvancedMachinery = ("advanced_machinery_technology_transfer", "Chuyển giao công nghệ, ứng dụng máy móc tiên tiến, tiến bộ khoa học kỹ thuật vào sản xuất", "Technology transfer and application of advanced machinery and technical progress",
            art4p(3, Point::B), D45, None, BOTH_2025_SECONDARY,
            "from 2025-10-15 the amended clause 3 names advanced machinery and technical progress; technology transfer is named as a training programme in the amended clause 1"; in_2025: art4(3)),
        /// 3c — cleaner-production pilot models.
        CleanerProductionPilot = ("cleaner_production_pilot", "Xây dựng mô hình thí điểm về áp dụng sản xuất sạch hơn", "Cleaner-production pilot models",
            art4p(3, Point::C), D45, None, BOTH_2025_SECONDARY,
            "from 2025-10-15 the amended clause 3 names models applying cleaner production (no longer \"pilot\")"; in_2025: art4(3)),
        /// 3 (2025): models applying sustainable production and consumption.
        SustainableProduction = ("sustainable_production_consumption", "Xây dựng các mô hình về áp dụng sản xuất và tiêu dùng bền vững", "Models applying sustainable production and consumption",
            art4(3), D235, None, ONLY_2025_SECONDARY,
            "Decree 45/2012 Art. 4.3 as amended by Decree 235/2025, quoted by the Government's policy portal"),
        /// 3 (2025): information technology and digital transformation.
        DigitalTransformation = ("digital_transformation", "Hỗ trợ ứng dụng công nghệ thông tin, chuyển đổi số trong hoạt động sản xuất kinh doanh", "Application of information technology and digital transformation in production and business",
            art4(3), D235, None, ONLY_2025_SECONDARY,
            "Decree 45/2012 Art. 4.3 as amended by Decree 235/2025, quoted by the Government's policy portal"),
        /// 4 — product development and trade promotion.
        ProductTradePromotion = ("product_trade_promotion", "Phát triển sản phẩm công nghiệp nông thôn tiêu biểu và xúc tiến thương mại", "Typical-product development and trade promotion",
            art4(4), D45, None, BOTH_2025_SECONDARY,
            "from 2025-10-15 clause 4 as amended: contests, fairs and trade promotion, handicraft contests, trademark registration, showrooms, artisans"),
        /// 4a — typical rural industrial product contests.
        TypicalProductContest = ("typical_product_contest", "Tổ chức bình chọn sản phẩm công nghiệp nông thôn tiêu biểu", "Typical rural industrial product contests",
            art4p(4, Point::A), D45, None, BOTH_2025_SECONDARY,
            "from 2025-10-15 the first item of the amended clause 4 (no point letters)"; in_2025: art4(4)),
        /// 4b — fairs and exhibitions.
        FairsExhibitions = ("fairs_exhibitions", "Tổ chức, tham gia hội chợ, triển lãm hàng công nghiệp nông thôn, hàng thủ công mỹ nghệ", "Organising and attending fairs and exhibitions",
            art4p(4, Point::B), D45, None, BOTH_2025_SECONDARY,
            "from 2025-10-15 the amended clause 4 also names trade promotion at home and abroad"; in_2025: art4(4)),
        /// 4c — brands, showrooms and other trade promotion.
        BrandShowroomPromotion = ("brand_showroom_trade_promotion", "Xây dựng, đăng ký thương hiệu, đầu tư phòng trưng bày và xúc tiến thương mại khác", "Brands, showrooms and other trade promotion",
            art4p(4, Point::C), D45, Some(LAST_2012), ONLY_2012,
            "as worded in 2012; from 2025-10-15 the amended clause 4 names trademark registration, showrooms and trade promotion as separate items"),
        /// 4 (2025): contests of skilled handicraft workers and of handicraft designs.
        HandicraftContests = ("handicraft_contests", "Hỗ trợ tổ chức thi thợ giỏi nghề thủ công mỹ nghệ, thi thiết kế mẫu sản phẩm thủ công mỹ nghệ", "Contests of skilled handicraft workers and of handicraft product designs",
            art4(4), D235, None, ONLY_2025_SECONDARY,
            "Decree 45/2012 Art. 4.4 as amended by Decree 235/2025, quoted by the Government's policy portal"),
        /// 4 (2025): trademark registration.
        TrademarkRegistration = ("trademark_registration", "Hỗ trợ đăng ký nhãn hiệu", "Support for trademark registration",
            art4(4), D235, None, ONLY_2025_SECONDARY,
            "Decree 45/2012 Art. 4.4 as amended by Decree 235/2025, quoted by the Government's policy portal"),
        /// 4 (2025): investing in showrooms.
        ShowroomInvestment = ("showroom_investment", "Hỗ trợ đầu tư phòng trưng bày giới thiệu sản phẩm", "Support for investing in product showrooms",
            art4(4), D235, None, ONLY_2025_SECONDARY,
            "Decree 45/2012 Art. 4.4 as amended by Decree 235/2025, quoted by the Government's policy portal"),
        /// 4 (2025): artisans — titles, and their craft transfer and sharing of experience.
        ArtisanCraftSupport = ("artisan_craft_support", "Hỗ trợ xét tặng danh hiệu Nghệ nhân nhân dân, Nghệ nhân ưu tú và hoạt động truyền nghề, tập nghề, phổ biến kinh nghiệm của Nghệ nhân trong lĩnh vực nghề thủ công mỹ nghệ", "Artisans in handicrafts: conferring People's and Meritorious Artisan titles, and the artisans' craft transfer, apprenticeship and sharing of experience",
            art4(4), D235, None, ONLY_2025_SECONDARY,
            "Decree 45/2012 Art. 4.4 as amended by Decree 235/2025, quoted by the Government's policy portal"),
        /// 5 — advisory support.
        Advisory = ("advisory", "Tư vấn, trợ giúp cơ sở công nghiệp nông thôn", "Advisory support to rural industrial establishments",
            art4(5), D45, None, BOTH_2025_SECONDARY),
        /// 6 — information.
        Information = ("information", "Cung cấp thông tin, tuyên truyền", "Information and dissemination",
            art4(6), D45, None, BOTH_2025_SECONDARY),
        /// 7 — linkage, clusters and relocation.
        LinkageClustersRelocation = ("linkage_clusters_relocation", "Hỗ trợ liên doanh, liên kết, hợp tác kinh tế, phát triển cụm công nghiệp và di dời cơ sở gây ô nhiễm", "Linkage, economic cooperation, industrial clusters and relocation of polluters",
            art4(7), D45, Some(LAST_2012), ONLY_2012,
            "clause 7 as worded in 2012; replaced from 2025-10-15 by `cluster_environmental_treatment`"),
        /// 7a — associations and business-linkage clusters.
        AssociationsLinkage = ("associations_business_linkage", "Hỗ trợ thành lập hiệp hội, hội ngành nghề, cụm liên kết doanh nghiệp công nghiệp", "Trade associations and business-linkage clusters",
            art4p(7, Point::A), D45, Some(LAST_2012), ONLY_2012,
            "no longer named by the amended clause 7 from 2025-10-15"),
        /// 7b — industrial-cluster planning, infrastructure and investment attraction.
        IndustrialClusterDevelopment = ("industrial_cluster_development", "Hỗ trợ lập quy hoạch chi tiết, đầu tư hạ tầng và thu hút đầu tư vào cụm công nghiệp", "Industrial-cluster planning, infrastructure and investment attraction",
            art4p(7, Point::B), D45, Some(LAST_2012), ONLY_2012,
            "cluster planning and infrastructure are no longer named by the amended clause 7 from 2025-10-15; investment promotion continues as `cluster_investment_promotion`"),
        /// 7c — relocation of polluters and pollution-treatment systems.
        RelocationPollutionTreatment = ("relocation_pollution_treatment", "Hỗ trợ di dời cơ sở gây ô nhiễm và xây dựng hệ thống xử lý ô nhiễm môi trường", "Relocation of polluting establishments and pollution-treatment systems",
            art4p(7, Point::C), D45, Some(LAST_2012), ONLY_2012,
            "relocation interest support and pollution-treatment systems as worded in 2012 are no longer named by the amended clause 7 from 2025-10-15; wastewater and emission treatment continues as `wastewater_emission_treatment`"),
        /// 7 (2025): investment promotion for industrial clusters; environmental treatment.
        ClusterEnvironmentalTreatment = ("cluster_environmental_treatment", "Hỗ trợ xúc tiến đầu tư phát triển cụm công nghiệp; xử lý môi trường tại các cụm công nghiệp, cơ sở công nghiệp nông thôn", "Investment promotion for industrial clusters; environmental treatment at clusters and rural industrial establishments",
            art4(7), D235, None, ONLY_2025_SECONDARY,
            "clause 7 as amended by Decree 235/2025 (quoted by the Government's policy portal); replaces `linkage_clusters_relocation`"),
        /// 7a (2025): conferences, seminars and forums promoting investment in industrial clusters.
        ClusterInvestmentPromotion = ("cluster_investment_promotion", "Hỗ trợ tổ chức các hội nghị, hội thảo, diễn đàn xúc tiến đầu tư phát triển cụm công nghiệp", "Conferences, seminars and forums promoting investment in industrial clusters",
            art4p(7, Point::A), D235, None, ONLY_2025_SECONDARY,
            "Decree 45/2012 Art. 4.7(a) as amended by Decree 235/2025, quoted by the Government's policy portal"),
        /// 7b (2025): technology and equipment treating wastewater and gas emissions.
        WastewaterEmissionTreatment = ("wastewater_emission_treatment", "Hỗ trợ công nghệ, máy móc thiết bị xử lý nước thải, khí thải tại các cụm công nghiệp, cơ sở công nghiệp nông thôn", "Technology, machinery and equipment treating wastewater and gas emissions at industrial clusters and rural industrial establishments",
            art4p(7, Point::B), D235, None, ONLY_2025_SECONDARY,
            "Decree 45/2012 Art. 4.7(b) as amended by Decree 235/2025, quoted by the Government's policy portal"),
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
    }
}

impl Activity {
    /// The group (Art. 4 clause) an item belongs to; `None` for the groups themselves.
    pub fn parent(self) -> Option<Self> {
        use Activity::*;
        match self {
            ManagementCapacity | EnterpriseSetup | MarketExpansion => Some(CapacityStartupMarket),
            DemonstrationModel
            | AdvancedMachinery
            | CleanerProductionPilot
            | SustainableProduction
            | DigitalTransformation => Some(Technology),
            TypicalProductContest
            | FairsExhibitions
            | BrandShowroomPromotion
            | ArtisanCraftSupport
            | TrademarkRegistration
            | ShowroomInvestment
            | HandicraftContests => Some(ProductTradePromotion),
            AssociationsLinkage | IndustrialClusterDevelopment | RelocationPollutionTreatment => {
                Some(LinkageClustersRelocation)
            }
            ClusterInvestmentPromotion | WastewaterEmissionTreatment => {
                Some(ClusterEnvironmentalTreatment)
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

    /// Whether this value is one of the Art. 4 groups (clauses): the nine of 2012, and the
    /// amended clause 7 from 2025-10-15.
    pub fn is_group(self) -> bool {
        use Activity::*;
        matches!(
            self,
            VocationalTraining
                | CapacityStartupMarket
                | Technology
                | ProductTradePromotion
                | Advisory
                | Information
                | LinkageClustersRelocation
                | ClusterEnvironmentalTreatment
                | InternationalCooperation
                | SystemCapacity
        )
    }

    /// Whether this value is a leaf: an item, or a group without items (1, 5, 6). Schemes
    /// name leaves.
    pub fn is_leaf(self) -> bool {
        !Self::ALL.iter().any(|a| a.parent() == Some(self))
    }

    /// The item number in Art. 4 as the project writes it: `1`, `3a`, `9đ` — the clause, and
    /// the point where the item has one; `None` for the items the amended clauses 3 and 4 add
    /// without point letters.
    pub fn number(self) -> Option<String> {
        let c = self.citation();
        let clause = c.clause_no()?;
        match c.point_letter() {
            Some(p) => Some(format!("{clause}{}", p.letter())),
            None if self.is_group() => Some(clause.to_string()),
            None => None,
        }
    }

    /// Whether the activity exists in `regime`.
    pub fn exists_in(self, regime: Regime) -> bool {
        self.info().confidence_in(regime).is_some()
    }
}
