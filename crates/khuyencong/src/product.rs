//! Typical rural industrial products (Circular 26/2014/TT-BCT).

use crate::codelist::{codelist, regimes::*};
use crate::law::{Citation, InstrumentId, THREE_TIER_LAST_DAY, TT_26_BCT_EFFECTIVE as D_TT26};

const TT26: Citation = Citation::instrument(InstrumentId::Tt26_2014Bct);

codelist! {
    /// The level of a typical-rural-industrial-product contest and certificate (cấp bình chọn),
    /// Circular 26/2014/TT-BCT. District and provincial rounds are paid from local funds,
    /// regional and national rounds from national funds (Art. 19).
    pub enum TypicalProductLevel: "typical_product_levels" {
        /// District level (cấp huyện), until districts were abolished.
        District = ("district", "Cấp huyện", "District level",
            TT26, D_TT26, Some(THREE_TIER_LAST_DAY), ONLY_2012,
            "article of the level list not recorded; districts were abolished on 2025-07-01"),
        /// Provincial level (cấp tỉnh).
        Provincial = ("provincial", "Cấp tỉnh", "Provincial level",
            TT26, D_TT26, None, BOTH_2025_SECONDARY, "article of the level list not recorded"),
        /// Regional level (cấp khu vực).
        Regional = ("regional", "Cấp khu vực", "Regional level",
            TT26, D_TT26, None, BOTH_2025_SECONDARY, "article of the level list not recorded"),
        /// National level (cấp quốc gia).
        National = ("national", "Cấp quốc gia", "National level",
            TT26, D_TT26, None, BOTH_2025_SECONDARY, "article of the level list not recorded"),
    }
}

codelist! {
    /// The product group of a typical-product contest, Circular 26/2014/TT-BCT Art. 5.
    pub enum ProductGroup: "typical_product_groups" {
        /// Handicraft and fine-art products.
        Handicraft = ("handicraft_fine_art", "Thủ công mỹ nghệ", "Handicraft and fine-art products",
            Citation::article(InstrumentId::Tt26_2014Bct, 5), D_TT26, None, BOTH_2025_SECONDARY),
        /// Processed agro-, forestry- and fishery products and food.
        AgroFood = ("agro_forestry_fishery_food", "Chế biến nông, lâm, thủy sản và thực phẩm", "Processed agro-, forestry-, fishery products and food",
            Citation::article(InstrumentId::Tt26_2014Bct, 5), D_TT26, None, BOTH_2025_SECONDARY),
        /// Machinery, equipment, tools and mechanical parts.
        MachineryTools = ("machinery_tools_parts", "Máy móc, thiết bị, dụng cụ và phụ tùng cơ khí", "Machinery, equipment, tools and mechanical parts",
            Citation::article(InstrumentId::Tt26_2014Bct, 5), D_TT26, None, BOTH_2025_SECONDARY),
        /// Other products.
        Other = ("other", "Sản phẩm khác", "Other products",
            Citation::article(InstrumentId::Tt26_2014Bct, 5), D_TT26, None, BOTH_2025_SECONDARY),
    }
}
