//! Eligible industries (Decree 45/2012 Art. 5) and priorities (Art. 6; TT 46/2012 Art. 6).

use crate::codelist::{codelist, regimes::*};
use crate::law::{
    Citation, DECREE_45_EFFECTIVE as D45, DECREE_235_EFFECTIVE as D235, InstrumentId, Point,
};

const fn art5(point: Point) -> Citation {
    Citation::article(InstrumentId::Nd45_2012, 5)
        .clause(1)
        .point(point)
}
const ND235: Citation = Citation::article(InstrumentId::Nd235_2025, 1);
const ART6_1: Citation = Citation::article(InstrumentId::Nd45_2012, 6).clause(1);
const fn art6_2(point: Point) -> Citation {
    Citation::article(InstrumentId::Nd45_2012, 6)
        .clause(2)
        .point(point)
}

codelist! {
    /// An industry whose establishments receive the extension policies (ngành, nghề được
    /// hưởng chính sách khuyến công), Decree 45/2012/NĐ-CP Art. 5.1. Decree 235/2025 updated
    /// the list; its additions are known from news only (secondary).
    pub enum Industry: "industries" {
        /// (a) agro-, forestry- and fishery-product processing; food processing.
        AgroFoodProcessing = ("agro_forestry_fishery_food_processing", "Chế biến nông, lâm, thủy sản và chế biến thực phẩm", "Agro-, forestry- and fishery-product and food processing",
            art5(Point::A), D45, None, BOTH_2025_SECONDARY),
        /// (b) industrial consumer goods, export goods, import substitutes.
        ConsumerExportGoods = ("consumer_export_import_substitution_goods", "Sản xuất hàng công nghiệp phục vụ tiêu dùng, xuất khẩu, hàng thay thế hàng nhập khẩu", "Industrial consumer goods, export goods and import substitutes",
            art5(Point::B), D45, None, BOTH_2025_SECONDARY),
        /// (c) chemicals serving agriculture and rural areas.
        AgriculturalChemicals = ("agricultural_chemicals", "Hóa chất phục vụ nông nghiệp, nông thôn", "Chemicals serving agriculture and rural areas",
            art5(Point::C), D45, None, BOTH_2025_SECONDARY),
        /// (c) building materials (no support for polluting fired-clay brick kilns, TT 46/2012 Art. 5).
        BuildingMaterials = ("building_materials", "Sản xuất vật liệu xây dựng", "Building-materials production",
            art5(Point::C), D45, None, BOTH_2025_SECONDARY),
        /// (d) machinery, equipment, tools: manufacture, assembly, repair (mechanical, electrical, electronic, IT).
        MechanicalElectrical = ("mechanical_electrical_electronic", "Sản xuất sản phẩm, phụ tùng; lắp ráp và sửa chữa máy móc, thiết bị, dụng cụ cơ khí, điện, điện tử - tin học", "Mechanical, electrical and electronic/IT products, parts, assembly and repair",
            art5(Point::D), D45, None, BOTH_2025_SECONDARY),
        /// (d) components, semi-finished goods, supporting industry.
        SupportingIndustry = ("components_supporting_industry", "Sản xuất, gia công chi tiết, bán thành phẩm và dịch vụ công nghiệp hỗ trợ", "Components, semi-finished goods and supporting industry",
            art5(Point::D), D45, None, BOTH_2025_SECONDARY),
        /// (đ) small-scale and handicraft goods.
        Handicraft = ("handicraft", "Sản xuất hàng tiểu thủ công nghiệp", "Small-scale industrial and handicraft goods",
            art5(Point::Dd), D45, None, BOTH_2025_SECONDARY),
        /// (e) mining and mineral processing — only in difficult or especially difficult areas.
        MiningMineralProcessing = ("mining_mineral_processing", "Khai thác, chế biến khoáng sản tại địa bàn có điều kiện kinh tế - xã hội khó khăn, đặc biệt khó khăn", "Mining and mineral processing (difficult and especially difficult areas only)",
            art5(Point::E), D45, None, BOTH_2025_SECONDARY),
        /// (g) cleaner production; pollution treatment in clusters and rural establishments.
        CleanerProductionPollution = ("cleaner_production_pollution_treatment", "Áp dụng sản xuất sạch hơn tại các cơ sở sản xuất công nghiệp; xử lý ô nhiễm môi trường tại các cụm công nghiệp, cơ sở công nghiệp nông thôn", "Cleaner production; pollution treatment in industrial clusters and rural establishments",
            art5(Point::G), D45, None, BOTH_2025_SECONDARY),
        /// Reported 2025 addition: textiles and garments.
        TextileGarment = ("textile_garment", "Dệt may", "Textiles and garments",
            ND235, D235, None, ONLY_2025_SECONDARY, "named by news on Decree 235/2025; the new Art. 5 was not read"),
        /// Reported 2025 addition: leather and footwear.
        LeatherFootwear = ("leather_footwear", "Da giày", "Leather and footwear",
            ND235, D235, None, ONLY_2025_SECONDARY, "named by news on Decree 235/2025; the new Art. 5 was not read"),
        /// Reported 2025 addition: high-tech industry.
        HighTech = ("high_tech_industry", "Công nghiệp công nghệ cao", "High-tech industry",
            ND235, D235, None, ONLY_2025_SECONDARY, "named by news on Decree 235/2025; the new Art. 5 was not read"),
        /// Reported 2025 addition: clean industry.
        CleanIndustry = ("clean_industry", "Công nghiệp sạch", "Clean industry",
            ND235, D235, None, ONLY_2025_SECONDARY, "named by news on Decree 235/2025; the new Art. 5 was not read"),
        /// Reported 2025 addition: energy saving.
        EnergySaving = ("energy_saving", "Tiết kiệm năng lượng", "Energy saving",
            ND235, D235, None, ONLY_2025_SECONDARY, "named by news on Decree 235/2025; the new Art. 5 was not read"),
        /// Reported 2025 addition: environmental industry.
        EnvironmentalIndustry = ("environmental_industry", "Công nghiệp môi trường", "Environmental industry",
            ND235, D235, None, ONLY_2025_SECONDARY, "named by news on Decree 235/2025; the new Art. 5 was not read"),
        /// Reported 2025 addition: environmentally friendly energy.
        GreenEnergy = ("green_energy", "Năng lượng thân thiện với môi trường", "Environmentally friendly energy",
            ND235, D235, None, ONLY_2025_SECONDARY, "named by news on Decree 235/2025; the new Art. 5 was not read"),
    }
}

codelist! {
    /// A priority area (địa bàn ưu tiên), Decree 45/2012/NĐ-CP Art. 6.1; ranked for allocation
    /// by Circular 46/2012/TT-BCT Art. 6 (see [`PriorityArea::rank`]).
    pub enum PriorityArea: "priority_areas" {
        /// Highland district (huyện vùng cao).
        Highland = ("highland", "Huyện vùng cao", "Highland district",
            ART6_1, D45, None, BOTH_2025_SECONDARY),
        /// Island (hải đảo).
        Island = ("island", "Hải đảo", "Island",
            ART6_1, D45, None, BOTH_2025_SECONDARY),
        /// Land-border district (biên giới đất liền).
        LandBorder = ("land_border", "Huyện biên giới đất liền", "Land-border district",
            ART6_1, D45, None, BOTH_2025_SECONDARY),
        /// Ethnic-minority area (vùng đồng bào dân tộc thiểu số).
        EthnicMinorityArea = ("ethnic_minority_area", "Vùng đồng bào dân tộc thiểu số", "Ethnic-minority area",
            ART6_1, D45, None, BOTH_2025_SECONDARY),
        /// Poor district (huyện nghèo) as defined by the Government.
        PoorDistrict = ("poor_district", "Huyện nghèo", "Poor district",
            ART6_1, D45, None, BOTH_2025_SECONDARY),
        /// Commune in the new-rural-development target-programme plan.
        NewRuralCommune = ("new_rural_commune", "Xã trong kế hoạch Chương trình mục tiêu quốc gia xây dựng nông thôn mới", "Commune in the new-rural-development programme plan",
            ART6_1, D45, None, BOTH_2025_SECONDARY),
        /// Area with difficult socio-economic conditions.
        DifficultArea = ("difficult_area", "Địa bàn có điều kiện kinh tế - xã hội khó khăn", "Area with difficult socio-economic conditions",
            ART6_1, D45, None, BOTH_2025_SECONDARY),
        /// Area with especially difficult socio-economic conditions.
        EspeciallyDifficultArea = ("especially_difficult_area", "Địa bàn có điều kiện kinh tế - xã hội đặc biệt khó khăn", "Area with especially difficult socio-economic conditions",
            ART6_1, D45, None, BOTH_2025_SECONDARY),
    }
}

impl PriorityArea {
    /// The allocation rank under Circular 46/2012/TT-BCT Art. 6 (1 first): highland, island,
    /// border and ethnic-minority areas; then poor districts; then new-rural communes; then
    /// difficult and especially difficult areas.
    pub const fn rank(self) -> u8 {
        match self {
            Self::Highland | Self::Island | Self::LandBorder | Self::EthnicMinorityArea => 1,
            Self::PoorDistrict => 2,
            Self::NewRuralCommune => 3,
            Self::DifficultArea | Self::EspeciallyDifficultArea => 4,
        }
    }

    /// The citation of the ranking.
    pub const fn rank_citation() -> Citation {
        Citation::article(InstrumentId::Tt46_2012Bct, 6)
    }

    /// Whether the area counts as "difficult or especially difficult" (Art. 5.1(e), TT 28 Art. 8.1).
    pub const fn is_difficult(self) -> bool {
        matches!(self, Self::DifficultArea | Self::EspeciallyDifficultArea)
    }
}

codelist! {
    /// A priority industry or product (ngành nghề ưu tiên), Decree 45/2012/NĐ-CP Art. 6.2,
    /// with the criteria of Circular 46/2012/TT-BCT Art. 6.2; the 2025 additions are secondary.
    pub enum PriorityIndustry: "priority_industries" {
        /// 6.2(a) mechanical engineering serving agriculture and rural areas.
        MechanicalForAgriculture = ("mechanical_for_agriculture", "Cơ khí phục vụ nông nghiệp, nông thôn", "Mechanical engineering serving agriculture and rural areas",
            art6_2(Point::A), D45, None, BOTH_2025_SECONDARY),
        /// 6.2(a) chemicals serving agriculture and rural areas.
        ChemicalsForAgriculture = ("chemicals_for_agriculture", "Hóa chất phục vụ nông nghiệp, nông thôn", "Chemicals serving agriculture and rural areas",
            art6_2(Point::A), D45, None, BOTH_2025_SECONDARY),
        /// 6.2(a) agro-, forestry- and fishery-product processing.
        AgroProcessing = ("agro_forestry_fishery_processing", "Chế biến nông, lâm, thủy sản", "Agro-, forestry- and fishery-product processing",
            art6_2(Point::A), D45, None, BOTH_2025_SECONDARY),
        /// 6.2(a) supporting industry (product on the list of Decision 1483/QĐ-TTg, TT 46 Art. 6.2).
        SupportingIndustry = ("supporting_industry", "Công nghiệp hỗ trợ", "Supporting industry",
            art6_2(Point::A), D45, None, BOTH_2025_SECONDARY),
        /// 6.2(a) cleaner production.
        CleanerProduction = ("cleaner_production", "Sản xuất sạch hơn", "Cleaner production",
            art6_2(Point::A), D45, None, BOTH_2025_SECONDARY),
        /// 6.2(b) certified typical rural industrial product (TT 46 Art. 6.2: holds a certificate).
        TypicalRuralProduct = ("typical_rural_product", "Sản phẩm công nghiệp nông thôn tiêu biểu", "Typical rural industrial product",
            art6_2(Point::B), D45, None, BOTH_2025_SECONDARY),
        /// 6.2(b) product of a key-industrial-product programme.
        KeyIndustrialProduct = ("key_industrial_product", "Sản phẩm thuộc chương trình phát triển sản phẩm công nghiệp chủ lực", "Product of a key-industrial-product programme",
            art6_2(Point::B), D45, None, BOTH_2025_SECONDARY),
        /// 6.2(b) spearhead or key industry of the nation, region or locality.
        SpearheadIndustry = ("spearhead_key_industry", "Ngành nghề mũi nhọn, trọng điểm của quốc gia, vùng, địa phương", "Spearhead or key industry of the nation, region or locality",
            art6_2(Point::B), D45, None, BOTH_2025_SECONDARY),
        /// 6.2(b) product with an export market (TT 46 Art. 6.2: export contract or production for export).
        ExportProduct = ("export_product", "Sản phẩm có thị trường xuất khẩu", "Product with an export market",
            art6_2(Point::B), D45, None, BOTH_2025_SECONDARY),
        /// 6.2(b) product using local raw materials (TT 46 Art. 6.2: more than 50 % of main inputs from the province).
        LocalRawMaterial = ("local_raw_material", "Sản phẩm sử dụng nguyên liệu tại chỗ", "Product using local raw materials",
            art6_2(Point::B), D45, None, BOTH_2025_SECONDARY),
        /// 6.2(b) product using many workers (TT 46 Art. 6.2: at least 50 workers).
        LabourIntensive = ("labour_intensive", "Sản phẩm sử dụng nhiều lao động", "Labour-intensive product",
            art6_2(Point::B), D45, None, BOTH_2025_SECONDARY),
        /// Reported 2025 priority: establishments owned by women.
        WomenOwned = ("women_owned", "Cơ sở do phụ nữ làm chủ", "Establishment owned by women",
            ND235, D235, None, ONLY_2025_SECONDARY, "reported by news on Decree 235/2025 and Circular 64/2024; wording not read"),
        /// Reported 2025 priority: establishments employing ethnic-minority workers.
        EthnicMinorityEmployment = ("ethnic_minority_employment", "Cơ sở sử dụng lao động là người dân tộc thiểu số", "Establishment employing ethnic-minority workers",
            ND235, D235, None, ONLY_2025_SECONDARY, "reported by news on Decree 235/2025 and Circular 64/2024; wording not read"),
    }
}
