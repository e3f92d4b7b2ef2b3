//! Eligible industries (Decree 45/2012 Art. 5) and priorities (Art. 6; TT 46/2012 Art. 6),
//! in their 2012 wording and as amended by Decree 235/2025 from 2025-10-15 (text quoted by
//! the Government's policy portal: `secondary` until the gazette text is read).

use crate::codelist::{codelist, regimes::*};
use crate::law::{
    Citation, DECREE_45_EFFECTIVE as D45, DECREE_235_EFFECTIVE as D235, InstrumentId, Point,
    REGIME_2012_LAST_DAY as LAST_2012,
};

const fn art5(point: Point) -> Citation {
    Citation::article(InstrumentId::Nd45_2012, 5)
        .clause(1)
        .point(point)
}
/// Art. 6.2a (inserted by Decree 235/2025): the tie-break between establishments.
const ART6_2A: Citation =
    Citation::article(InstrumentId::Nd45_2012, 6).inserted_clause(2, Point::A);
/// The note of the 2025 values quoted from the Government's policy portal.
const QUOTED: &str = "Decree 45/2012 Art. 5.1 as amended by Decree 235/2025, quoted by the Government's policy portal";
/// The note of the 2025 priorities quoted from the Government's policy portal.
const QUOTED_6: &str = "Decree 45/2012 Art. 6.2 as amended by Decree 235/2025, quoted by the Government's policy portal";
/// The note of the tie-break of Art. 6.2a.
const TIE_BREAK: &str = "Art. 6.2a inserted by Decree 235/2025 (quoted by the Government's policy portal): among rural industrial establishments that meet the support conditions equally, those owned by women or employing more women, disadvantaged and ethnic-minority workers come first — a comparison between candidates, not a priority on its own";
/// The note of the qualities named together in the 2025 point d.
const QUOTED_D: &str = "Decree 45/2012 Art. 5.1(d) as amended by Decree 235/2025, quoted by the Government's policy portal: \"công nghiệp công nghệ cao, sạch, tiêu tốn ít năng lượng, mang lại giá trị gia tăng cao, phát triển bền vững\"; whether each quality qualifies on its own is not stated";
const ART6_1: Citation = Citation::article(InstrumentId::Nd45_2012, 6).clause(1);
const fn art6_2(point: Point) -> Citation {
    Citation::article(InstrumentId::Nd45_2012, 6)
        .clause(2)
        .point(point)
}

codelist! {
    /// An industry whose establishments receive the extension policies (ngành, nghề được
    /// hưởng chính sách khuyến công), Decree 45/2012/NĐ-CP Art. 5.1. Decree 235/2025 replaced
    /// the list from 2025-10-15 (quoted by the Government's policy portal: `secondary`):
    /// mining is no longer on it, building materials are narrowed to those saving mineral
    /// resources, and green, low-carbon, environmental, textile-garment-footwear, high-tech and
    /// IT industries are named.
    pub enum Industry: "industries" {
        /// (a) agro-, forestry- and fishery-product processing; food processing.
        AgroFoodProcessing = ("agro_forestry_fishery_food_processing", "Chế biến nông, lâm, thủy sản và chế biến thực phẩm", "Agro-, forestry- and fishery-product and food processing",
            art5(Point::A), D45, None, BOTH_2025_SECONDARY),
        /// (b) industrial consumer goods, export goods, import substitutes.
        ConsumerExportGoods = ("consumer_export_import_substitution_goods", "Sản xuất hàng công nghiệp phục vụ tiêu dùng, xuất khẩu, hàng thay thế hàng nhập khẩu", "Industrial consumer goods, export goods and import substitutes",
            art5(Point::B), D45, None, BOTH_2025_SECONDARY),
        /// (c) chemicals serving agriculture (and, in 2012, rural areas).
        AgriculturalChemicals = ("agricultural_chemicals", "Hóa chất phục vụ nông nghiệp, nông thôn", "Chemicals serving agriculture and rural areas",
            art5(Point::C), D45, None, BOTH_2025_SECONDARY,
            "from 2025-10-15 worded \"công nghiệp hóa chất phục vụ nông nghiệp\""),
        /// (c) building materials, as worded in 2012 (no support for polluting fired-clay brick
        /// kilns, TT 46/2012 Art. 5); narrowed from 2025-10-15.
        BuildingMaterials = ("building_materials", "Sản xuất vật liệu xây dựng", "Building-materials production",
            art5(Point::C), D45, Some(LAST_2012), ONLY_2012,
            "as worded in 2012; from 2025-10-15 only materials saving mineral resources (`building_materials_resource_saving`)"),
        /// (c, 2025) building materials saving mineral resources.
        BuildingMaterialsResourceSaving = ("building_materials_resource_saving", "Sản xuất vật liệu xây dựng tiết kiệm tài nguyên khoáng sản", "Building materials saving mineral resources",
            art5(Point::C), D235, None, ONLY_2025_SECONDARY,
            "Decree 45/2012 Art. 5.1(c) as amended by Decree 235/2025, quoted by the Government's policy portal; narrows `building_materials`"),
        /// (c, 2025) biotechnology.
        Biotechnology = ("biotechnology", "Công nghệ sinh học", "Biotechnology",
            art5(Point::C), D235, None, ONLY_2025_SECONDARY, QUOTED),
        /// (c, 2025) environmental industry.
        EnvironmentalIndustry = ("environmental_industry", "Công nghiệp môi trường", "Environmental industry",
            art5(Point::C), D235, None, ONLY_2025_SECONDARY, QUOTED),
        /// (c, 2025) sectors converting to green industry.
        GreenIndustry = ("green_industry", "Các ngành chuyển đổi từ công nghiệp xanh", "Sectors converting to green industry",
            art5(Point::C), D235, None, ONLY_2025_SECONDARY, QUOTED),
        /// (c, 2025) emission-reducing, low-carbon industry.
        LowCarbonIndustry = ("low_carbon_industry", "Công nghiệp giảm phát thải và cacbon thấp", "Emission-reducing and low-carbon industry",
            art5(Point::C), D235, None, ONLY_2025_SECONDARY, QUOTED),
        /// (c, 2025) environmentally friendly energy industry.
        GreenEnergy = ("green_energy", "Công nghiệp năng lượng thân thiện môi trường", "Environmentally friendly energy industry",
            art5(Point::C), D235, None, ONLY_2025_SECONDARY, QUOTED),
        /// (d) machinery, equipment, tools: manufacture, assembly, repair (mechanical, electrical,
        /// electronic, IT), as worded in 2012.
        MechanicalElectrical = ("mechanical_electrical_electronic", "Sản xuất sản phẩm, phụ tùng; lắp ráp và sửa chữa máy móc, thiết bị, dụng cụ cơ khí, điện, điện tử - tin học", "Mechanical, electrical and electronic/IT products, parts, assembly and repair",
            art5(Point::D), D45, Some(LAST_2012), ONLY_2012,
            "as worded in 2012; from 2025-10-15 point d names the mechanical engineering industry (`mechanical_industry`)"),
        /// (d, 2025) mechanical engineering industry.
        MechanicalIndustry = ("mechanical_industry", "Công nghiệp cơ khí", "Mechanical engineering industry",
            art5(Point::D), D235, None, ONLY_2025_SECONDARY,
            "Decree 45/2012 Art. 5.1(d) as amended by Decree 235/2025, quoted by the Government's policy portal; replaces the 2012 wording `mechanical_electrical_electronic`"),
        /// (d) components, semi-finished goods, supporting industry.
        SupportingIndustry = ("components_supporting_industry", "Sản xuất, gia công chi tiết, bán thành phẩm và dịch vụ công nghiệp hỗ trợ", "Components, semi-finished goods and supporting industry",
            art5(Point::D), D45, None, BOTH_2025_SECONDARY,
            "from 2025-10-15 worded \"công nghiệp hỗ trợ\""),
        /// (d, 2025) textile and garment industry.
        TextileGarment = ("textile_garment", "Công nghiệp dệt may", "Textile and garment industry",
            art5(Point::D), D235, None, ONLY_2025_SECONDARY, QUOTED),
        /// (d, 2025) leather and footwear industry.
        LeatherFootwear = ("leather_footwear", "Công nghiệp da giày", "Leather and footwear industry",
            art5(Point::D), D235, None, ONLY_2025_SECONDARY, QUOTED),
        /// (d, 2025) high-tech industry.
        HighTech = ("high_tech_industry", "Công nghiệp công nghệ cao", "High-tech industry",
            art5(Point::D), D235, None, ONLY_2025_SECONDARY, QUOTED_D),
        /// (d, 2025) clean industry.
        CleanIndustry = ("clean_industry", "Công nghiệp sạch", "Clean industry",
            art5(Point::D), D235, None, ONLY_2025_SECONDARY, QUOTED_D),
        /// (d, 2025) industry consuming little energy.
        EnergySaving = ("energy_saving", "Công nghiệp tiêu tốn ít năng lượng", "Industry consuming little energy",
            art5(Point::D), D235, None, ONLY_2025_SECONDARY, QUOTED_D),
        /// (đ) small-scale and handicraft goods.
        Handicraft = ("handicraft", "Sản xuất hàng tiểu thủ công nghiệp", "Small-scale industrial and handicraft goods",
            art5(Point::Dd), D45, None, BOTH_2025_SECONDARY,
            "from 2025-10-15 worded \"nghề tiểu thủ công nghiệp, thủ công mỹ nghệ tại địa phương cần được bảo tồn, phát triển\""),
        /// (e) mining and mineral processing — only in difficult or especially difficult areas;
        /// no longer on the list from 2025-10-15.
        MiningMineralProcessing = ("mining_mineral_processing", "Khai thác, chế biến khoáng sản tại địa bàn có điều kiện kinh tế - xã hội khó khăn, đặc biệt khó khăn", "Mining and mineral processing (difficult and especially difficult areas only)",
            art5(Point::E), D45, Some(LAST_2012), ONLY_2012,
            "dropped from the list by Decree 235/2025 from 2025-10-15"),
        /// (g) cleaner production; pollution treatment in clusters and rural establishments
        /// (point e from 2025-10-15, with sustainable production and consumption).
        CleanerProductionPollution = ("cleaner_production_pollution_treatment", "Áp dụng sản xuất sạch hơn tại các cơ sở sản xuất công nghiệp; xử lý ô nhiễm môi trường tại các cụm công nghiệp, cơ sở công nghiệp nông thôn", "Cleaner production; pollution treatment in industrial clusters and rural establishments",
            art5(Point::G), D45, None, BOTH_2025_SECONDARY,
            "from 2025-10-15 point e: \"áp dụng sản xuất sạch hơn, sản xuất và tiêu dùng bền vững; xử lý môi trường tại các cụm công nghiệp, cơ sở công nghiệp nông thôn\""; in_2025: art5(Point::E)),
        /// (g, 2025) application of information technology and digital transformation.
        InformationTechnology = ("information_technology_digital_transformation", "Ứng dụng công nghệ thông tin, chuyển đổi số", "Application of information technology and digital transformation",
            art5(Point::G), D235, None, ONLY_2025_SECONDARY, QUOTED),
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
    /// with the criteria of Circular 46/2012/TT-BCT Art. 6.2, and — from 2025-10-15 — the
    /// tie-break of Art. 6.2a inserted by Decree 235/2025 (which establishment comes first
    /// when several meet the conditions equally). The 2025 text is quoted by the Government's
    /// policy portal (`secondary`).
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
        /// 6.2(a) (2025) sustainable production and consumption.
        SustainableProduction = ("sustainable_production_consumption", "Sản xuất và tiêu dùng bền vững", "Sustainable production and consumption",
            art6_2(Point::A), D235, None, ONLY_2025_SECONDARY, QUOTED_6),
        /// 6.2(b) (2025) digital transformation.
        DigitalTransformation = ("digital_transformation", "Chuyển đổi số", "Digital transformation",
            art6_2(Point::B), D235, None, ONLY_2025_SECONDARY, QUOTED_6),
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
        /// 6.2(b) product using many workers (TT 46 Art. 6.2: at least 50 workers); the amended
        /// point b no longer names it from 2025-10-15.
        LabourIntensive = ("labour_intensive", "Sản phẩm sử dụng nhiều lao động", "Labour-intensive product",
            art6_2(Point::B), D45, Some(LAST_2012), ONLY_2012,
            "the amended Art. 6.2(b) (Decree 235/2025) no longer names it; the workforce now counts in the tie-break of Art. 6.2a"),
        /// 6.2(c) (2025) traditional small-scale and handicraft trades at risk of being lost.
        EndangeredTraditionalCraft = ("endangered_traditional_craft", "Ngành nghề tiểu thủ công nghiệp, thủ công mỹ nghệ truyền thống có nguy cơ mai một, thất truyền", "Traditional small-scale and handicraft trades at risk of being lost",
            art6_2(Point::C), D235, None, ONLY_2025_SECONDARY, QUOTED_6),
        /// 6.2a (2025) tie-break: an establishment owned by women.
        WomenOwned = ("women_owned", "Cơ sở do phụ nữ làm chủ", "Establishment owned by women",
            ART6_2A, D235, None, ONLY_2025_SECONDARY, TIE_BREAK),
        /// 6.2a (2025) tie-break: an establishment employing more women.
        ManyWomenWorkers = ("many_women_workers", "Cơ sở sử dụng nhiều lao động nữ", "Establishment employing more women",
            ART6_2A, D235, None, ONLY_2025_SECONDARY, TIE_BREAK),
        /// 6.2a (2025) tie-break: an establishment employing more disadvantaged workers.
        DisadvantagedWorkers = ("disadvantaged_workers", "Cơ sở sử dụng nhiều lao động yếu thế", "Establishment employing more disadvantaged workers",
            ART6_2A, D235, None, ONLY_2025_SECONDARY, TIE_BREAK),
        /// 6.2a (2025) tie-break: an establishment employing more ethnic-minority workers.
        EthnicMinorityEmployment = ("ethnic_minority_employment", "Cơ sở sử dụng nhiều lao động là người dân tộc thiểu số", "Establishment employing more ethnic-minority workers",
            ART6_2A, D235, None, ONLY_2025_SECONDARY, TIE_BREAK),
    }
}
