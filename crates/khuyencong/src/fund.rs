//! Fund levels and funding sources: the code lists of Decree 45/2012/NĐ-CP Art. 11–13
//! (the levels of extension funds and where their money comes from). They are data, below
//! both the support limits ([`crate::support`]) and the rules of a scheme's money
//! ([`crate::funding`], which re-exports them), so that neither depends on the other
//! through them.

use crate::codelist::{codelist, regimes::*};
use crate::law::{Citation, DECREE_45_EFFECTIVE as D45, InstrumentId, Point, THREE_TIER_LAST_DAY};
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
            nd45(11, 2), D45, Some(THREE_TIER_LAST_DAY), ONLY_2012,
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
            nd45(13, 1).point(Point::A), D45, Some(THREE_TIER_LAST_DAY), ONLY_2012,
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
