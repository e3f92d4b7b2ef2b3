//! Provinces and centrally-run cities (đơn vị hành chính cấp tỉnh) across the 2025
//! arrangement: the 63 units until 2025-06-30 and the 34 from 2025-07-01, with the official
//! codes and the mapping from each former unit to its successor.
//!
//! | rule | article | confidence |
//! |---|---|---|
//! | the province a document names exists at the document's dates (a warning otherwise, with the successor of a former unit); a name read only after normalising its text is information | Resolution 202/2025/QH15; Resolution 175/2024/QH15 | secondary |
//!
//! Resolution 202/2025/QH15 (in force on adoption, 2025-06-12) arranged 63 units into 34: 23
//! formed by merging 52 former units, 11 unchanged; the merged units' governments started on
//! 2025-07-01 and the former ones acted until then. The project dates the change on 2025-07-01,
//! the day the two-tier map applies ([`crate::law::TWO_TIER_EFFECTIVE`]). Codes are the General
//! Statistics Office's: a merged unit takes the former code of the province hosting its seat,
//! not always that of the province whose name it keeps (Lào Cai 15, Tây Ninh 80, An Giang 91…).
//! Huế (46) became a centrally-run city on 2025-01-01 (Resolution 175/2024/QH15), before the
//! arrangement, which left it unchanged.
//!
//! A unit that keeps its name across a merger is a new unit with a new permanent code
//! (`an_giang` until 2025-06-30, `an_giang_2025` from 2025-07-01); an unchanged unit keeps its
//! code. Names are read as people type them — "Tỉnh An Giang", "TP. Hồ Chí Minh", decomposed
//! accents, extra spaces, no accents at all — and a name shared by a former and a new unit is
//! resolved by the document's date.
//!
//! ```
//! use chrono::NaiveDate;
//! use khuyencong::province::{Province, resolve};
//! let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
//! let m = resolve("TP. Hồ Chí Minh", d(2024, 1, 1), d(2024, 12, 31)).unwrap();
//! assert_eq!((m.province, m.normalised, m.in_force), (Province::HoChiMinh, true, true));
//! assert_eq!(m.province.now(), Province::HoChiMinh2025);
//! let m = resolve("Kiên Giang", d(2026, 1, 1), d(2026, 12, 31)).unwrap();
//! assert!(!m.in_force); // merged into An Giang on 2025-07-01
//! assert_eq!(m.province.now().gso_code(), "91");
//! assert!(resolve("Tỉnh Thử", d(2024, 1, 1), d(2024, 1, 1)).is_none());
//! ```

use std::fmt;
use std::sync::OnceLock;

use chrono::NaiveDate;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::codelist::{CodeInfo, Codelist, codelist, regimes::*};
use crate::finding::{Arg, finding_kinds};
use crate::law::{
    Citation, Confidence, DECREE_45_EFFECTIVE as D45, HUE_CITY_EFFECTIVE as HUE_CITY, InstrumentId,
    Lang, THREE_TIER_LAST_DAY, THUA_THIEN_HUE_LAST_DAY as LAST_TTH, TWO_TIER_EFFECTIVE,
};
use crate::location::AdminUnit;

/// The last day of the 63 units (their governments acted until 2025-06-30): the last day of
/// the three-tier map.
const LAST_63: NaiveDate = THREE_TIER_LAST_DAY;
/// The first day of the 34 units' governments: the first day of the two-tier map.
const FIRST_34: NaiveDate = TWO_TIER_EFFECTIVE;
const NQ202: Citation = Citation::instrument(InstrumentId::Nq202_2025Qh15);
const NQ175: Citation = Citation::instrument(InstrumentId::Nq175_2024Qh15);

macro_rules! provinces {
    ($(
        $(#[doc = $doc:literal])*
        $variant:ident = ($code:literal, $gso:literal, $short:literal, $kind:ident, $vi:literal, $en:literal,
            $cite:expr, $from:expr, $until:expr, $regimes:expr, $successor:expr, [$($alias:literal),*], $note:literal)
    ),* $(,)?) => {
        codelist! {
            /// A province or centrally-run city (tỉnh, thành phố trực thuộc trung ương): the 63
            /// units until 2025-06-30 and the 34 from 2025-07-01 (Resolution 202/2025/QH15), with
            /// the General Statistics Office's codes (Công văn 915/CTK-CSCL).
            pub enum Province: "provinces" {
                $( $(#[doc = $doc])* $variant = ($code, $vi, $en, $cite, $from, $until, $regimes, $note) ),*
            }
        }

        impl Province {
            /// The official two-digit code of the General Statistics Office. A merged unit
            /// takes the former code of the province hosting its seat, so a code can name a
            /// former unit before 2025-07-01 and its successor after (91: Kiên Giang, then An
            /// Giang).
            pub const fn gso_code(self) -> &'static str {
                match self { $( Self::$variant => $gso, )* }
            }

            /// The name without the unit's kind ("An Giang", "Hồ Chí Minh").
            pub const fn short_name(self) -> &'static str {
                match self { $( Self::$variant => $short, )* }
            }

            /// Whether the unit is a province or a centrally-run city.
            pub const fn kind(self) -> AdminUnit {
                match self { $( Self::$variant => AdminUnit::$kind, )* }
            }

            /// The unit that took this one over, for a former unit; `None` while it exists.
            pub const fn successor(self) -> Option<Province> {
                match self { $( Self::$variant => $successor, )* }
            }

            /// Other spellings people use, folded (lower case, no accents).
            const fn aliases(self) -> &'static [&'static str] {
                match self { $( Self::$variant => &[$($alias),*], )* }
            }
        }
    };
}

provinces! {
        /// 01 — Thành phố Hà Nội.
        HaNoi = ("ha_noi", "01", "Hà Nội", CentrallyRunCity, "Thành phố Hà Nội", "Ha Noi City",
            NQ202, D45, None, BOTH_SECONDARY, None, ["thu do ha noi"], "unchanged by the 2025 arrangement"),
        /// 02 — Tỉnh Hà Giang (until 2025-06-30).
        HaGiang = ("ha_giang", "02", "Hà Giang", Province, "Tỉnh Hà Giang", "Ha Giang Province",
            NQ202, D45, Some(LAST_63), ONLY_2012_SECONDARY, Some(Province::TuyenQuang2025), [], "until 2025-06-30; from 2025-07-01 part of Tỉnh Tuyên Quang (code 08)"),
        /// 04 — Tỉnh Cao Bằng.
        CaoBang = ("cao_bang", "04", "Cao Bằng", Province, "Tỉnh Cao Bằng", "Cao Bang Province",
            NQ202, D45, None, BOTH_SECONDARY, None, [], "unchanged by the 2025 arrangement"),
        /// 06 — Tỉnh Bắc Kạn (until 2025-06-30).
        BacKan = ("bac_kan", "06", "Bắc Kạn", Province, "Tỉnh Bắc Kạn", "Bac Kan Province",
            NQ202, D45, Some(LAST_63), ONLY_2012_SECONDARY, Some(Province::ThaiNguyen2025), ["bac can"], "until 2025-06-30; from 2025-07-01 part of Tỉnh Thái Nguyên (code 19)"),
        /// 08 — Tỉnh Tuyên Quang (until 2025-06-30).
        TuyenQuang = ("tuyen_quang", "08", "Tuyên Quang", Province, "Tỉnh Tuyên Quang", "Tuyen Quang Province",
            NQ202, D45, Some(LAST_63), ONLY_2012_SECONDARY, Some(Province::TuyenQuang2025), [], "until 2025-06-30; from 2025-07-01 part of Tỉnh Tuyên Quang (code 08)"),
        /// 08 — Tỉnh Tuyên Quang (from 2025-07-01).
        TuyenQuang2025 = ("tuyen_quang_2025", "08", "Tuyên Quang", Province, "Tỉnh Tuyên Quang", "Tuyen Quang Province",
            NQ202, FIRST_34, None, BOTH_SECONDARY, None, [], "from 2025-07-01: Hà Giang (02) + Tuyên Quang (08); code 08, the former code of the seat"),
        /// 10 — Tỉnh Lào Cai (until 2025-06-30).
        LaoCai = ("lao_cai", "10", "Lào Cai", Province, "Tỉnh Lào Cai", "Lao Cai Province",
            NQ202, D45, Some(LAST_63), ONLY_2012_SECONDARY, Some(Province::LaoCai2025), [], "until 2025-06-30; from 2025-07-01 part of Tỉnh Lào Cai (code 15)"),
        /// 11 — Tỉnh Điện Biên.
        DienBien = ("dien_bien", "11", "Điện Biên", Province, "Tỉnh Điện Biên", "Dien Bien Province",
            NQ202, D45, None, BOTH_SECONDARY, None, [], "unchanged by the 2025 arrangement"),
        /// 12 — Tỉnh Lai Châu.
        LaiChau = ("lai_chau", "12", "Lai Châu", Province, "Tỉnh Lai Châu", "Lai Chau Province",
            NQ202, D45, None, BOTH_SECONDARY, None, [], "unchanged by the 2025 arrangement"),
        /// 14 — Tỉnh Sơn La.
        SonLa = ("son_la", "14", "Sơn La", Province, "Tỉnh Sơn La", "Son La Province",
            NQ202, D45, None, BOTH_SECONDARY, None, [], "unchanged by the 2025 arrangement"),
        /// 15 — Tỉnh Yên Bái (until 2025-06-30).
        YenBai = ("yen_bai", "15", "Yên Bái", Province, "Tỉnh Yên Bái", "Yen Bai Province",
            NQ202, D45, Some(LAST_63), ONLY_2012_SECONDARY, Some(Province::LaoCai2025), [], "until 2025-06-30; from 2025-07-01 part of Tỉnh Lào Cai (code 15)"),
        /// 15 — Tỉnh Lào Cai (from 2025-07-01).
        LaoCai2025 = ("lao_cai_2025", "15", "Lào Cai", Province, "Tỉnh Lào Cai", "Lao Cai Province",
            NQ202, FIRST_34, None, BOTH_SECONDARY, None, [], "from 2025-07-01: Lào Cai (10) + Yên Bái (15); code 15, the former code of the seat"),
        /// 17 — Tỉnh Hòa Bình (until 2025-06-30).
        HoaBinh = ("hoa_binh", "17", "Hòa Bình", Province, "Tỉnh Hòa Bình", "Hoa Binh Province",
            NQ202, D45, Some(LAST_63), ONLY_2012_SECONDARY, Some(Province::PhuTho2025), [], "until 2025-06-30; from 2025-07-01 part of Tỉnh Phú Thọ (code 25)"),
        /// 19 — Tỉnh Thái Nguyên (until 2025-06-30).
        ThaiNguyen = ("thai_nguyen", "19", "Thái Nguyên", Province, "Tỉnh Thái Nguyên", "Thai Nguyen Province",
            NQ202, D45, Some(LAST_63), ONLY_2012_SECONDARY, Some(Province::ThaiNguyen2025), [], "until 2025-06-30; from 2025-07-01 part of Tỉnh Thái Nguyên (code 19)"),
        /// 19 — Tỉnh Thái Nguyên (from 2025-07-01).
        ThaiNguyen2025 = ("thai_nguyen_2025", "19", "Thái Nguyên", Province, "Tỉnh Thái Nguyên", "Thai Nguyen Province",
            NQ202, FIRST_34, None, BOTH_SECONDARY, None, [], "from 2025-07-01: Bắc Kạn (06) + Thái Nguyên (19); code 19, the former code of the seat"),
        /// 20 — Tỉnh Lạng Sơn.
        LangSon = ("lang_son", "20", "Lạng Sơn", Province, "Tỉnh Lạng Sơn", "Lang Son Province",
            NQ202, D45, None, BOTH_SECONDARY, None, [], "unchanged by the 2025 arrangement"),
        /// 22 — Tỉnh Quảng Ninh.
        QuangNinh = ("quang_ninh", "22", "Quảng Ninh", Province, "Tỉnh Quảng Ninh", "Quang Ninh Province",
            NQ202, D45, None, BOTH_SECONDARY, None, [], "unchanged by the 2025 arrangement"),
        /// 24 — Tỉnh Bắc Giang (until 2025-06-30).
        BacGiang = ("bac_giang", "24", "Bắc Giang", Province, "Tỉnh Bắc Giang", "Bac Giang Province",
            NQ202, D45, Some(LAST_63), ONLY_2012_SECONDARY, Some(Province::BacNinh2025), [], "until 2025-06-30; from 2025-07-01 part of Tỉnh Bắc Ninh (code 24)"),
        /// 24 — Tỉnh Bắc Ninh (from 2025-07-01).
        BacNinh2025 = ("bac_ninh_2025", "24", "Bắc Ninh", Province, "Tỉnh Bắc Ninh", "Bac Ninh Province",
            NQ202, FIRST_34, None, BOTH_SECONDARY, None, [], "from 2025-07-01: Bắc Giang (24) + Bắc Ninh (27); code 24, the former code of the seat"),
        /// 25 — Tỉnh Phú Thọ (until 2025-06-30).
        PhuTho = ("phu_tho", "25", "Phú Thọ", Province, "Tỉnh Phú Thọ", "Phu Tho Province",
            NQ202, D45, Some(LAST_63), ONLY_2012_SECONDARY, Some(Province::PhuTho2025), [], "until 2025-06-30; from 2025-07-01 part of Tỉnh Phú Thọ (code 25)"),
        /// 25 — Tỉnh Phú Thọ (from 2025-07-01).
        PhuTho2025 = ("phu_tho_2025", "25", "Phú Thọ", Province, "Tỉnh Phú Thọ", "Phu Tho Province",
            NQ202, FIRST_34, None, BOTH_SECONDARY, None, [], "from 2025-07-01: Hòa Bình (17) + Phú Thọ (25) + Vĩnh Phúc (26); code 25, the former code of the seat"),
        /// 26 — Tỉnh Vĩnh Phúc (until 2025-06-30).
        VinhPhuc = ("vinh_phuc", "26", "Vĩnh Phúc", Province, "Tỉnh Vĩnh Phúc", "Vinh Phuc Province",
            NQ202, D45, Some(LAST_63), ONLY_2012_SECONDARY, Some(Province::PhuTho2025), [], "until 2025-06-30; from 2025-07-01 part of Tỉnh Phú Thọ (code 25)"),
        /// 27 — Tỉnh Bắc Ninh (until 2025-06-30).
        BacNinh = ("bac_ninh", "27", "Bắc Ninh", Province, "Tỉnh Bắc Ninh", "Bac Ninh Province",
            NQ202, D45, Some(LAST_63), ONLY_2012_SECONDARY, Some(Province::BacNinh2025), [], "until 2025-06-30; from 2025-07-01 part of Tỉnh Bắc Ninh (code 24)"),
        /// 30 — Tỉnh Hải Dương (until 2025-06-30).
        HaiDuong = ("hai_duong", "30", "Hải Dương", Province, "Tỉnh Hải Dương", "Hai Duong Province",
            NQ202, D45, Some(LAST_63), ONLY_2012_SECONDARY, Some(Province::HaiPhong2025), [], "until 2025-06-30; from 2025-07-01 part of Thành phố Hải Phòng (code 31)"),
        /// 31 — Thành phố Hải Phòng (until 2025-06-30).
        HaiPhong = ("hai_phong", "31", "Hải Phòng", CentrallyRunCity, "Thành phố Hải Phòng", "Hai Phong City",
            NQ202, D45, Some(LAST_63), ONLY_2012_SECONDARY, Some(Province::HaiPhong2025), [], "until 2025-06-30; from 2025-07-01 part of Thành phố Hải Phòng (code 31)"),
        /// 31 — Thành phố Hải Phòng (from 2025-07-01).
        HaiPhong2025 = ("hai_phong_2025", "31", "Hải Phòng", CentrallyRunCity, "Thành phố Hải Phòng", "Hai Phong City",
            NQ202, FIRST_34, None, BOTH_SECONDARY, None, [], "from 2025-07-01: Hải Dương (30) + Hải Phòng (31); code 31, the former code of the seat"),
        /// 33 — Tỉnh Hưng Yên (until 2025-06-30).
        HungYen = ("hung_yen", "33", "Hưng Yên", Province, "Tỉnh Hưng Yên", "Hung Yen Province",
            NQ202, D45, Some(LAST_63), ONLY_2012_SECONDARY, Some(Province::HungYen2025), [], "until 2025-06-30; from 2025-07-01 part of Tỉnh Hưng Yên (code 33)"),
        /// 33 — Tỉnh Hưng Yên (from 2025-07-01).
        HungYen2025 = ("hung_yen_2025", "33", "Hưng Yên", Province, "Tỉnh Hưng Yên", "Hung Yen Province",
            NQ202, FIRST_34, None, BOTH_SECONDARY, None, [], "from 2025-07-01: Hưng Yên (33) + Thái Bình (34); code 33, the former code of the seat"),
        /// 34 — Tỉnh Thái Bình (until 2025-06-30).
        ThaiBinh = ("thai_binh", "34", "Thái Bình", Province, "Tỉnh Thái Bình", "Thai Binh Province",
            NQ202, D45, Some(LAST_63), ONLY_2012_SECONDARY, Some(Province::HungYen2025), [], "until 2025-06-30; from 2025-07-01 part of Tỉnh Hưng Yên (code 33)"),
        /// 35 — Tỉnh Hà Nam (until 2025-06-30).
        HaNam = ("ha_nam", "35", "Hà Nam", Province, "Tỉnh Hà Nam", "Ha Nam Province",
            NQ202, D45, Some(LAST_63), ONLY_2012_SECONDARY, Some(Province::NinhBinh2025), [], "until 2025-06-30; from 2025-07-01 part of Tỉnh Ninh Bình (code 37)"),
        /// 36 — Tỉnh Nam Định (until 2025-06-30).
        NamDinh = ("nam_dinh", "36", "Nam Định", Province, "Tỉnh Nam Định", "Nam Dinh Province",
            NQ202, D45, Some(LAST_63), ONLY_2012_SECONDARY, Some(Province::NinhBinh2025), [], "until 2025-06-30; from 2025-07-01 part of Tỉnh Ninh Bình (code 37)"),
        /// 37 — Tỉnh Ninh Bình (until 2025-06-30).
        NinhBinh = ("ninh_binh", "37", "Ninh Bình", Province, "Tỉnh Ninh Bình", "Ninh Binh Province",
            NQ202, D45, Some(LAST_63), ONLY_2012_SECONDARY, Some(Province::NinhBinh2025), [], "until 2025-06-30; from 2025-07-01 part of Tỉnh Ninh Bình (code 37)"),
        /// 37 — Tỉnh Ninh Bình (from 2025-07-01).
        NinhBinh2025 = ("ninh_binh_2025", "37", "Ninh Bình", Province, "Tỉnh Ninh Bình", "Ninh Binh Province",
            NQ202, FIRST_34, None, BOTH_SECONDARY, None, [], "from 2025-07-01: Hà Nam (35) + Nam Định (36) + Ninh Bình (37); code 37, the former code of the seat"),
        /// 38 — Tỉnh Thanh Hóa.
        ThanhHoa = ("thanh_hoa", "38", "Thanh Hóa", Province, "Tỉnh Thanh Hóa", "Thanh Hoa Province",
            NQ202, D45, None, BOTH_SECONDARY, None, [], "unchanged by the 2025 arrangement"),
        /// 40 — Tỉnh Nghệ An.
        NgheAn = ("nghe_an", "40", "Nghệ An", Province, "Tỉnh Nghệ An", "Nghe An Province",
            NQ202, D45, None, BOTH_SECONDARY, None, [], "unchanged by the 2025 arrangement"),
        /// 42 — Tỉnh Hà Tĩnh.
        HaTinh = ("ha_tinh", "42", "Hà Tĩnh", Province, "Tỉnh Hà Tĩnh", "Ha Tinh Province",
            NQ202, D45, None, BOTH_SECONDARY, None, [], "unchanged by the 2025 arrangement"),
        /// 44 — Tỉnh Quảng Bình (until 2025-06-30).
        QuangBinh = ("quang_binh", "44", "Quảng Bình", Province, "Tỉnh Quảng Bình", "Quang Binh Province",
            NQ202, D45, Some(LAST_63), ONLY_2012_SECONDARY, Some(Province::QuangTri2025), [], "until 2025-06-30; from 2025-07-01 part of Tỉnh Quảng Trị (code 44)"),
        /// 44 — Tỉnh Quảng Trị (from 2025-07-01).
        QuangTri2025 = ("quang_tri_2025", "44", "Quảng Trị", Province, "Tỉnh Quảng Trị", "Quang Tri Province",
            NQ202, FIRST_34, None, BOTH_SECONDARY, None, [], "from 2025-07-01: Quảng Bình (44) + Quảng Trị (45); code 44, the former code of the seat"),
        /// 45 — Tỉnh Quảng Trị (until 2025-06-30).
        QuangTri = ("quang_tri", "45", "Quảng Trị", Province, "Tỉnh Quảng Trị", "Quang Tri Province",
            NQ202, D45, Some(LAST_63), ONLY_2012_SECONDARY, Some(Province::QuangTri2025), [], "until 2025-06-30; from 2025-07-01 part of Tỉnh Quảng Trị (code 44)"),
        /// 46 — Tỉnh Thừa Thiên Huế (until 2024-12-31).
        ThuaThienHue = ("thua_thien_hue", "46", "Thừa Thiên Huế", Province, "Tỉnh Thừa Thiên Huế", "Thua Thien Hue Province",
            NQ175, D45, Some(LAST_TTH), ONLY_2012_SECONDARY, Some(Province::Hue), [], "until 2024-12-31; from 2025-01-01 the centrally-run city of Huế (code 46)"),
        /// 46 — Thành phố Huế (from 2025-01-01).
        Hue = ("hue", "46", "Huế", CentrallyRunCity, "Thành phố Huế", "Hue City",
            NQ175, HUE_CITY, None, BOTH_SECONDARY, None, [], "the former province of Thừa Thiên Huế, a centrally-run city from 2025-01-01; unchanged by the 2025 arrangement"),
        /// 48 — Thành phố Đà Nẵng (until 2025-06-30).
        DaNang = ("da_nang", "48", "Đà Nẵng", CentrallyRunCity, "Thành phố Đà Nẵng", "Da Nang City",
            NQ202, D45, Some(LAST_63), ONLY_2012_SECONDARY, Some(Province::DaNang2025), [], "until 2025-06-30; from 2025-07-01 part of Thành phố Đà Nẵng (code 48)"),
        /// 48 — Thành phố Đà Nẵng (from 2025-07-01).
        DaNang2025 = ("da_nang_2025", "48", "Đà Nẵng", CentrallyRunCity, "Thành phố Đà Nẵng", "Da Nang City",
            NQ202, FIRST_34, None, BOTH_SECONDARY, None, [], "from 2025-07-01: Đà Nẵng (48) + Quảng Nam (49); code 48, the former code of the seat"),
        /// 49 — Tỉnh Quảng Nam (until 2025-06-30).
        QuangNam = ("quang_nam", "49", "Quảng Nam", Province, "Tỉnh Quảng Nam", "Quang Nam Province",
            NQ202, D45, Some(LAST_63), ONLY_2012_SECONDARY, Some(Province::DaNang2025), [], "until 2025-06-30; from 2025-07-01 part of Thành phố Đà Nẵng (code 48)"),
        /// 51 — Tỉnh Quảng Ngãi (until 2025-06-30).
        QuangNgai = ("quang_ngai", "51", "Quảng Ngãi", Province, "Tỉnh Quảng Ngãi", "Quang Ngai Province",
            NQ202, D45, Some(LAST_63), ONLY_2012_SECONDARY, Some(Province::QuangNgai2025), [], "until 2025-06-30; from 2025-07-01 part of Tỉnh Quảng Ngãi (code 51)"),
        /// 51 — Tỉnh Quảng Ngãi (from 2025-07-01).
        QuangNgai2025 = ("quang_ngai_2025", "51", "Quảng Ngãi", Province, "Tỉnh Quảng Ngãi", "Quang Ngai Province",
            NQ202, FIRST_34, None, BOTH_SECONDARY, None, [], "from 2025-07-01: Quảng Ngãi (51) + Kon Tum (62); code 51, the former code of the seat"),
        /// 52 — Tỉnh Bình Định (until 2025-06-30).
        BinhDinh = ("binh_dinh", "52", "Bình Định", Province, "Tỉnh Bình Định", "Binh Dinh Province",
            NQ202, D45, Some(LAST_63), ONLY_2012_SECONDARY, Some(Province::GiaLai2025), [], "until 2025-06-30; from 2025-07-01 part of Tỉnh Gia Lai (code 52)"),
        /// 52 — Tỉnh Gia Lai (from 2025-07-01).
        GiaLai2025 = ("gia_lai_2025", "52", "Gia Lai", Province, "Tỉnh Gia Lai", "Gia Lai Province",
            NQ202, FIRST_34, None, BOTH_SECONDARY, None, [], "from 2025-07-01: Bình Định (52) + Gia Lai (64); code 52, the former code of the seat"),
        /// 54 — Tỉnh Phú Yên (until 2025-06-30).
        PhuYen = ("phu_yen", "54", "Phú Yên", Province, "Tỉnh Phú Yên", "Phu Yen Province",
            NQ202, D45, Some(LAST_63), ONLY_2012_SECONDARY, Some(Province::DakLak2025), [], "until 2025-06-30; from 2025-07-01 part of Tỉnh Đắk Lắk (code 66)"),
        /// 56 — Tỉnh Khánh Hòa (until 2025-06-30).
        KhanhHoa = ("khanh_hoa", "56", "Khánh Hòa", Province, "Tỉnh Khánh Hòa", "Khanh Hoa Province",
            NQ202, D45, Some(LAST_63), ONLY_2012_SECONDARY, Some(Province::KhanhHoa2025), [], "until 2025-06-30; from 2025-07-01 part of Tỉnh Khánh Hòa (code 56)"),
        /// 56 — Tỉnh Khánh Hòa (from 2025-07-01).
        KhanhHoa2025 = ("khanh_hoa_2025", "56", "Khánh Hòa", Province, "Tỉnh Khánh Hòa", "Khanh Hoa Province",
            NQ202, FIRST_34, None, BOTH_SECONDARY, None, [], "from 2025-07-01: Khánh Hòa (56) + Ninh Thuận (58); code 56, the former code of the seat"),
        /// 58 — Tỉnh Ninh Thuận (until 2025-06-30).
        NinhThuan = ("ninh_thuan", "58", "Ninh Thuận", Province, "Tỉnh Ninh Thuận", "Ninh Thuan Province",
            NQ202, D45, Some(LAST_63), ONLY_2012_SECONDARY, Some(Province::KhanhHoa2025), [], "until 2025-06-30; from 2025-07-01 part of Tỉnh Khánh Hòa (code 56)"),
        /// 60 — Tỉnh Bình Thuận (until 2025-06-30).
        BinhThuan = ("binh_thuan", "60", "Bình Thuận", Province, "Tỉnh Bình Thuận", "Binh Thuan Province",
            NQ202, D45, Some(LAST_63), ONLY_2012_SECONDARY, Some(Province::LamDong2025), [], "until 2025-06-30; from 2025-07-01 part of Tỉnh Lâm Đồng (code 68)"),
        /// 62 — Tỉnh Kon Tum (until 2025-06-30).
        KonTum = ("kon_tum", "62", "Kon Tum", Province, "Tỉnh Kon Tum", "Kon Tum Province",
            NQ202, D45, Some(LAST_63), ONLY_2012_SECONDARY, Some(Province::QuangNgai2025), ["kontum"], "until 2025-06-30; from 2025-07-01 part of Tỉnh Quảng Ngãi (code 51)"),
        /// 64 — Tỉnh Gia Lai (until 2025-06-30).
        GiaLai = ("gia_lai", "64", "Gia Lai", Province, "Tỉnh Gia Lai", "Gia Lai Province",
            NQ202, D45, Some(LAST_63), ONLY_2012_SECONDARY, Some(Province::GiaLai2025), [], "until 2025-06-30; from 2025-07-01 part of Tỉnh Gia Lai (code 52)"),
        /// 66 — Tỉnh Đắk Lắk (until 2025-06-30).
        DakLak = ("dak_lak", "66", "Đắk Lắk", Province, "Tỉnh Đắk Lắk", "Dak Lak Province",
            NQ202, D45, Some(LAST_63), ONLY_2012_SECONDARY, Some(Province::DakLak2025), ["daklak", "dac lac", "dak lac"], "until 2025-06-30; from 2025-07-01 part of Tỉnh Đắk Lắk (code 66)"),
        /// 66 — Tỉnh Đắk Lắk (from 2025-07-01).
        DakLak2025 = ("dak_lak_2025", "66", "Đắk Lắk", Province, "Tỉnh Đắk Lắk", "Dak Lak Province",
            NQ202, FIRST_34, None, BOTH_SECONDARY, None, ["daklak", "dac lac", "dak lac"], "from 2025-07-01: Phú Yên (54) + Đắk Lắk (66); code 66, the former code of the seat"),
        /// 67 — Tỉnh Đắk Nông (until 2025-06-30).
        DakNong = ("dak_nong", "67", "Đắk Nông", Province, "Tỉnh Đắk Nông", "Dak Nong Province",
            NQ202, D45, Some(LAST_63), ONLY_2012_SECONDARY, Some(Province::LamDong2025), ["daknong", "dac nong"], "until 2025-06-30; from 2025-07-01 part of Tỉnh Lâm Đồng (code 68)"),
        /// 68 — Tỉnh Lâm Đồng (until 2025-06-30).
        LamDong = ("lam_dong", "68", "Lâm Đồng", Province, "Tỉnh Lâm Đồng", "Lam Dong Province",
            NQ202, D45, Some(LAST_63), ONLY_2012_SECONDARY, Some(Province::LamDong2025), [], "until 2025-06-30; from 2025-07-01 part of Tỉnh Lâm Đồng (code 68)"),
        /// 68 — Tỉnh Lâm Đồng (from 2025-07-01).
        LamDong2025 = ("lam_dong_2025", "68", "Lâm Đồng", Province, "Tỉnh Lâm Đồng", "Lam Dong Province",
            NQ202, FIRST_34, None, BOTH_SECONDARY, None, [], "from 2025-07-01: Bình Thuận (60) + Đắk Nông (67) + Lâm Đồng (68); code 68, the former code of the seat"),
        /// 70 — Tỉnh Bình Phước (until 2025-06-30).
        BinhPhuoc = ("binh_phuoc", "70", "Bình Phước", Province, "Tỉnh Bình Phước", "Binh Phuoc Province",
            NQ202, D45, Some(LAST_63), ONLY_2012_SECONDARY, Some(Province::DongNai2025), [], "until 2025-06-30; from 2025-07-01 part of Tỉnh Đồng Nai (code 75)"),
        /// 72 — Tỉnh Tây Ninh (until 2025-06-30).
        TayNinh = ("tay_ninh", "72", "Tây Ninh", Province, "Tỉnh Tây Ninh", "Tay Ninh Province",
            NQ202, D45, Some(LAST_63), ONLY_2012_SECONDARY, Some(Province::TayNinh2025), [], "until 2025-06-30; from 2025-07-01 part of Tỉnh Tây Ninh (code 80)"),
        /// 74 — Tỉnh Bình Dương (until 2025-06-30).
        BinhDuong = ("binh_duong", "74", "Bình Dương", Province, "Tỉnh Bình Dương", "Binh Duong Province",
            NQ202, D45, Some(LAST_63), ONLY_2012_SECONDARY, Some(Province::HoChiMinh2025), [], "until 2025-06-30; from 2025-07-01 part of Thành phố Hồ Chí Minh (code 79)"),
        /// 75 — Tỉnh Đồng Nai (until 2025-06-30).
        DongNai = ("dong_nai", "75", "Đồng Nai", Province, "Tỉnh Đồng Nai", "Dong Nai Province",
            NQ202, D45, Some(LAST_63), ONLY_2012_SECONDARY, Some(Province::DongNai2025), [], "until 2025-06-30; from 2025-07-01 part of Tỉnh Đồng Nai (code 75)"),
        /// 75 — Tỉnh Đồng Nai (from 2025-07-01).
        DongNai2025 = ("dong_nai_2025", "75", "Đồng Nai", Province, "Tỉnh Đồng Nai", "Dong Nai Province",
            NQ202, FIRST_34, None, BOTH_SECONDARY, None, [], "from 2025-07-01: Bình Phước (70) + Đồng Nai (75); code 75, the former code of the seat"),
        /// 77 — Tỉnh Bà Rịa - Vũng Tàu (until 2025-06-30).
        BaRiaVungTau = ("ba_ria_vung_tau", "77", "Bà Rịa - Vũng Tàu", Province, "Tỉnh Bà Rịa - Vũng Tàu", "Ba Ria - Vung Tau Province",
            NQ202, D45, Some(LAST_63), ONLY_2012_SECONDARY, Some(Province::HoChiMinh2025), ["brvt", "br vt"], "until 2025-06-30; from 2025-07-01 part of Thành phố Hồ Chí Minh (code 79)"),
        /// 79 — Thành phố Hồ Chí Minh (until 2025-06-30).
        HoChiMinh = ("ho_chi_minh", "79", "Hồ Chí Minh", CentrallyRunCity, "Thành phố Hồ Chí Minh", "Ho Chi Minh City",
            NQ202, D45, Some(LAST_63), ONLY_2012_SECONDARY, Some(Province::HoChiMinh2025), ["hcm", "tphcm", "tp hcm"], "until 2025-06-30; from 2025-07-01 part of Thành phố Hồ Chí Minh (code 79)"),
        /// 79 — Thành phố Hồ Chí Minh (from 2025-07-01).
        HoChiMinh2025 = ("ho_chi_minh_2025", "79", "Hồ Chí Minh", CentrallyRunCity, "Thành phố Hồ Chí Minh", "Ho Chi Minh City",
            NQ202, FIRST_34, None, BOTH_SECONDARY, None, ["hcm", "tphcm", "tp hcm"], "from 2025-07-01: Bình Dương (74) + Bà Rịa - Vũng Tàu (77) + Hồ Chí Minh (79); code 79, the former code of the seat"),
        /// 80 — Tỉnh Long An (until 2025-06-30).
        LongAn = ("long_an", "80", "Long An", Province, "Tỉnh Long An", "Long An Province",
            NQ202, D45, Some(LAST_63), ONLY_2012_SECONDARY, Some(Province::TayNinh2025), [], "until 2025-06-30; from 2025-07-01 part of Tỉnh Tây Ninh (code 80)"),
        /// 80 — Tỉnh Tây Ninh (from 2025-07-01).
        TayNinh2025 = ("tay_ninh_2025", "80", "Tây Ninh", Province, "Tỉnh Tây Ninh", "Tay Ninh Province",
            NQ202, FIRST_34, None, BOTH_SECONDARY, None, [], "from 2025-07-01: Tây Ninh (72) + Long An (80); code 80, the former code of the seat"),
        /// 82 — Tỉnh Tiền Giang (until 2025-06-30).
        TienGiang = ("tien_giang", "82", "Tiền Giang", Province, "Tỉnh Tiền Giang", "Tien Giang Province",
            NQ202, D45, Some(LAST_63), ONLY_2012_SECONDARY, Some(Province::DongThap2025), [], "until 2025-06-30; from 2025-07-01 part of Tỉnh Đồng Tháp (code 82)"),
        /// 82 — Tỉnh Đồng Tháp (from 2025-07-01).
        DongThap2025 = ("dong_thap_2025", "82", "Đồng Tháp", Province, "Tỉnh Đồng Tháp", "Dong Thap Province",
            NQ202, FIRST_34, None, BOTH_SECONDARY, None, [], "from 2025-07-01: Tiền Giang (82) + Đồng Tháp (87); code 82, the former code of the seat"),
        /// 83 — Tỉnh Bến Tre (until 2025-06-30).
        BenTre = ("ben_tre", "83", "Bến Tre", Province, "Tỉnh Bến Tre", "Ben Tre Province",
            NQ202, D45, Some(LAST_63), ONLY_2012_SECONDARY, Some(Province::VinhLong2025), [], "until 2025-06-30; from 2025-07-01 part of Tỉnh Vĩnh Long (code 86)"),
        /// 84 — Tỉnh Trà Vinh (until 2025-06-30).
        TraVinh = ("tra_vinh", "84", "Trà Vinh", Province, "Tỉnh Trà Vinh", "Tra Vinh Province",
            NQ202, D45, Some(LAST_63), ONLY_2012_SECONDARY, Some(Province::VinhLong2025), [], "until 2025-06-30; from 2025-07-01 part of Tỉnh Vĩnh Long (code 86)"),
        /// 86 — Tỉnh Vĩnh Long (until 2025-06-30).
        VinhLong = ("vinh_long", "86", "Vĩnh Long", Province, "Tỉnh Vĩnh Long", "Vinh Long Province",
            NQ202, D45, Some(LAST_63), ONLY_2012_SECONDARY, Some(Province::VinhLong2025), [], "until 2025-06-30; from 2025-07-01 part of Tỉnh Vĩnh Long (code 86)"),
        /// 86 — Tỉnh Vĩnh Long (from 2025-07-01).
        VinhLong2025 = ("vinh_long_2025", "86", "Vĩnh Long", Province, "Tỉnh Vĩnh Long", "Vinh Long Province",
            NQ202, FIRST_34, None, BOTH_SECONDARY, None, [], "from 2025-07-01: Bến Tre (83) + Trà Vinh (84) + Vĩnh Long (86); code 86, the former code of the seat"),
        /// 87 — Tỉnh Đồng Tháp (until 2025-06-30).
        DongThap = ("dong_thap", "87", "Đồng Tháp", Province, "Tỉnh Đồng Tháp", "Dong Thap Province",
            NQ202, D45, Some(LAST_63), ONLY_2012_SECONDARY, Some(Province::DongThap2025), [], "until 2025-06-30; from 2025-07-01 part of Tỉnh Đồng Tháp (code 82)"),
        /// 89 — Tỉnh An Giang (until 2025-06-30).
        AnGiang = ("an_giang", "89", "An Giang", Province, "Tỉnh An Giang", "An Giang Province",
            NQ202, D45, Some(LAST_63), ONLY_2012_SECONDARY, Some(Province::AnGiang2025), [], "until 2025-06-30; from 2025-07-01 part of Tỉnh An Giang (code 91)"),
        /// 91 — Tỉnh Kiên Giang (until 2025-06-30).
        KienGiang = ("kien_giang", "91", "Kiên Giang", Province, "Tỉnh Kiên Giang", "Kien Giang Province",
            NQ202, D45, Some(LAST_63), ONLY_2012_SECONDARY, Some(Province::AnGiang2025), [], "until 2025-06-30; from 2025-07-01 part of Tỉnh An Giang (code 91)"),
        /// 91 — Tỉnh An Giang (from 2025-07-01).
        AnGiang2025 = ("an_giang_2025", "91", "An Giang", Province, "Tỉnh An Giang", "An Giang Province",
            NQ202, FIRST_34, None, BOTH_SECONDARY, None, [], "from 2025-07-01: An Giang (89) + Kiên Giang (91); code 91, the former code of the seat"),
        /// 92 — Thành phố Cần Thơ (until 2025-06-30).
        CanTho = ("can_tho", "92", "Cần Thơ", CentrallyRunCity, "Thành phố Cần Thơ", "Can Tho City",
            NQ202, D45, Some(LAST_63), ONLY_2012_SECONDARY, Some(Province::CanTho2025), [], "until 2025-06-30; from 2025-07-01 part of Thành phố Cần Thơ (code 92)"),
        /// 92 — Thành phố Cần Thơ (from 2025-07-01).
        CanTho2025 = ("can_tho_2025", "92", "Cần Thơ", CentrallyRunCity, "Thành phố Cần Thơ", "Can Tho City",
            NQ202, FIRST_34, None, BOTH_SECONDARY, None, [], "from 2025-07-01: Cần Thơ (92) + Hậu Giang (93) + Sóc Trăng (94); code 92, the former code of the seat"),
        /// 93 — Tỉnh Hậu Giang (until 2025-06-30).
        HauGiang = ("hau_giang", "93", "Hậu Giang", Province, "Tỉnh Hậu Giang", "Hau Giang Province",
            NQ202, D45, Some(LAST_63), ONLY_2012_SECONDARY, Some(Province::CanTho2025), [], "until 2025-06-30; from 2025-07-01 part of Thành phố Cần Thơ (code 92)"),
        /// 94 — Tỉnh Sóc Trăng (until 2025-06-30).
        SocTrang = ("soc_trang", "94", "Sóc Trăng", Province, "Tỉnh Sóc Trăng", "Soc Trang Province",
            NQ202, D45, Some(LAST_63), ONLY_2012_SECONDARY, Some(Province::CanTho2025), [], "until 2025-06-30; from 2025-07-01 part of Thành phố Cần Thơ (code 92)"),
        /// 95 — Tỉnh Bạc Liêu (until 2025-06-30).
        BacLieu = ("bac_lieu", "95", "Bạc Liêu", Province, "Tỉnh Bạc Liêu", "Bac Lieu Province",
            NQ202, D45, Some(LAST_63), ONLY_2012_SECONDARY, Some(Province::CaMau2025), [], "until 2025-06-30; from 2025-07-01 part of Tỉnh Cà Mau (code 96)"),
        /// 96 — Tỉnh Cà Mau (until 2025-06-30).
        CaMau = ("ca_mau", "96", "Cà Mau", Province, "Tỉnh Cà Mau", "Ca Mau Province",
            NQ202, D45, Some(LAST_63), ONLY_2012_SECONDARY, Some(Province::CaMau2025), [], "until 2025-06-30; from 2025-07-01 part of Tỉnh Cà Mau (code 96)"),
        /// 96 — Tỉnh Cà Mau (from 2025-07-01).
        CaMau2025 = ("ca_mau_2025", "96", "Cà Mau", Province, "Tỉnh Cà Mau", "Ca Mau Province",
            NQ202, FIRST_34, None, BOTH_SECONDARY, None, [], "from 2025-07-01: Bạc Liêu (95) + Cà Mau (96); code 96, the former code of the seat"),
}

impl Province {
    /// The unit that holds this one's territory today: itself, or its successor's successor…
    /// (`--by province_now` in totals).
    #[must_use]
    pub fn now(self) -> Self {
        let mut p = self;
        // The chain is at most two long (Thừa Thiên Huế → Huế); the bound guards the data.
        for _ in 0..4 {
            match p.successor() {
                Some(next) => p = next,
                None => break,
            }
        }
        p
    }

    /// The former units this one was formed from, in code order; empty for a unit that was
    /// not formed by the 2025 arrangement.
    pub fn formers(self) -> impl Iterator<Item = Province> {
        Self::ALL
            .iter()
            .copied()
            .filter(move |p| p.successor() == Some(self))
    }

    /// Whether the unit exists on some day between `from` and `to`.
    pub fn exists_during(self, from: NaiveDate, to: NaiveDate) -> bool {
        let i = self.info();
        i.valid_from <= to && i.valid_until.is_none_or(|u| u >= from)
    }
}

/// A province name read from a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct ProvinceMatch {
    /// The unit the name designates at the document's date (or, for a name of another
    /// date, the unit of that name nearest to it).
    pub province: Province,
    /// Whether the text differs from the unit's name as the list writes it (short name or
    /// full name): a kind word, other spacing, decomposed or missing accents, an abbreviation.
    pub normalised: bool,
    /// Whether the unit exists on some day between the dates given.
    pub in_force: bool,
}

/// Folds a name for comparison: NFD without combining marks, đ → d, lower case, every run of
/// characters other than letters and digits as one space.
fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        let c = match c {
            'đ' | 'Đ' => 'd',
            c => c,
        };
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.extend(c.to_lowercase());
        } else {
            space = true;
        }
    }
    out
}

/// Drops the words naming the kind of unit: "tỉnh", "thành phố", "TP.", "thủ đô", and the
/// English "province", "city".
fn strip_kind(folded: &str) -> &str {
    let mut s = folded;
    for prefix in [
        "tinh ",
        "thanh pho ",
        "tp ",
        "t p ",
        "thu do ",
        "province of ",
        "city of ",
    ] {
        if let Some(rest) = s.strip_prefix(prefix) {
            s = rest;
            break;
        }
    }
    for suffix in [" province", " city"] {
        if let Some(rest) = s.strip_suffix(suffix) {
            s = rest;
            break;
        }
    }
    s
}

/// A sorted table of names and their units, for binary search (units of one name in code
/// order: a former unit before the new one).
type NameTable = Vec<(String, Province)>;

fn sorted(mut table: NameTable) -> NameTable {
    table.sort_by(|a, b| a.0.cmp(&b.0));
    table
}

/// Every short and full name exactly as the list writes them.
fn exact_names() -> &'static [(String, Province)] {
    static NAMES: OnceLock<NameTable> = OnceLock::new();
    NAMES.get_or_init(|| {
        let mut out = Vec::new();
        for &p in Province::ALL {
            out.push((p.short_name().to_owned(), p));
            out.push((p.info().label_vi.to_owned(), p));
        }
        sorted(out)
    })
}

/// The exact names by hash: a document's province is nearly always written as the list
/// writes it, and one hash is quicker than a binary search among two hundred names.
fn exact_index() -> &'static std::collections::HashMap<String, Candidates> {
    static INDEX: OnceLock<std::collections::HashMap<String, Candidates>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let table = exact_names();
        table
            .iter()
            .filter_map(|(name, _)| lookup(table, name).map(|c| (name.clone(), c)))
            .collect()
    })
}

/// Every folded name and alias.
fn folded_names() -> &'static [(String, Province)] {
    static NAMES: OnceLock<NameTable> = OnceLock::new();
    NAMES.get_or_init(|| {
        let mut out = Vec::new();
        for &p in Province::ALL {
            out.push((fold(p.short_name()), p));
            out.extend(p.aliases().iter().map(|a| ((*a).to_owned(), p)));
        }
        sorted(out)
    })
}

/// The units of one name: one, or a former and a new unit that share it.
#[derive(Clone, Copy)]
struct Candidates([Option<Province>; 2]);

impl Candidates {
    fn iter(&self) -> impl Iterator<Item = Province> + '_ {
        self.0.iter().flatten().copied()
    }
}

/// The units named `key` in a sorted table, without allocating.
fn lookup(table: &[(String, Province)], key: &str) -> Option<Candidates> {
    let start = table.partition_point(|(name, _)| name.as_str() < key);
    let mut found = [None, None];
    let mut n = 0;
    for (name, p) in &table[start..] {
        if name != key {
            break;
        }
        if n < found.len() && !found[..n].contains(&Some(*p)) {
            found[n] = Some(*p);
            n += 1;
        }
    }
    (n > 0).then_some(Candidates(found))
}

/// The units a text may name, and whether the text had to be normalised to find them.
fn candidates(text: &str) -> Option<(Candidates, bool)> {
    if let Some(c) = exact_index().get(text) {
        return Some((*c, false));
    }
    if text.len() > 200 {
        return None;
    }
    let folded = fold(text);
    lookup(folded_names(), strip_kind(&folded)).map(|c| (c, true))
}

/// Reads a province name as of a document's dates (`from` … `to`: a scheme's approval day, a
/// plan's year, a report's period); `None` when the text names no province or centrally-run
/// city of the list.
///
/// A name shared by a former and a new unit ("An Giang") designates the unit that exists on
/// `from`, else the earliest that exists during the dates; a name of a unit that does not exist
/// then ("Kiên Giang" in 2026) designates that unit, with `in_force` false.
pub fn resolve(text: &str, from: NaiveDate, to: NaiveDate) -> Option<ProvinceMatch> {
    let (found, normalised) = candidates(text)?;
    let (from, to) = if from <= to { (from, to) } else { (to, from) };
    let valid_from = |p: &Province| p.info().valid_from;
    let chosen = found
        .iter()
        .find(|p| p.info().valid_on_day(from))
        .or_else(|| {
            found
                .iter()
                .filter(|p| p.exists_during(from, to))
                .min_by_key(valid_from)
        })
        .or_else(|| {
            // None exists then: the last one that ended before, else the first to come.
            found
                .iter()
                .filter(|p| p.info().valid_until.is_some_and(|u| u < from))
                .max_by_key(valid_from)
                .or_else(|| found.iter().min_by_key(valid_from))
        })?;
    Some(ProvinceMatch {
        province: chosen,
        normalised,
        in_force: chosen.exists_during(from, to),
    })
}

impl CodeInfo {
    /// Whether `date` lies in the value's window (regardless of regimes).
    pub(crate) fn valid_on_day(&self, date: NaiveDate) -> bool {
        self.valid_from <= date && self.valid_until.is_none_or(|u| date <= u)
    }
}

/// Normalises free text used as a grouping key: Unicode NFC, every run of white space as one
/// space, trimmed; and whether that changed it.
pub fn normalise_text(text: &str) -> (String, bool) {
    let nfc: String = text.nfc().collect();
    let out = nfc.split_whitespace().collect::<Vec<_>>().join(" ");
    let changed = out != text;
    (out, changed)
}

/// A document that names a province and the dates it speaks of: what [`document_province`]
/// and the province rule of `check` read. [`crate::document::Document`] implements it, so
/// the rule sits here with the list of provinces, below the documents.
pub trait NamesProvince {
    /// The province named and the dates the document speaks of (a scheme's approval day, a
    /// plan's year, a report's period); `None` when it names none.
    fn province_named(&self) -> Option<(&str, NaiveDate, NaiveDate)>;

    /// The JSON Pointer of the province field.
    fn province_path(&self) -> &'static str;
}

/// The province a document names and the dates it speaks of: a scheme's approval day, a
/// plan's year, a report's period; `None` when it names none.
pub fn document_province<D: NamesProvince + ?Sized>(
    doc: &D,
) -> Option<(&str, NaiveDate, NaiveDate)> {
    doc.province_named()
}

/// A province in a finding's message: its name in the message's language; `params` holds its
/// code.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Named(Province);

impl Arg for Named {
    fn write(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.label(lang))
    }
    fn json(&self) -> serde_json::Value {
        self.0.code().into()
    }
}

/// The unit of the list a province name was read as: its name, code and statistics code;
/// `params` holds its code.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ReadAs(Province);

impl Arg for ReadAs {
    fn write(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let p = self.0;
        match lang {
            Lang::Vi => write!(
                f,
                "{} (mã `{}`, mã thống kê {})",
                p.label(lang),
                p.code(),
                p.gso_code()
            ),
            Lang::En => write!(
                f,
                "{} (code `{}`, statistics code {})",
                p.label(lang),
                p.code(),
                p.gso_code()
            ),
        }
    }
    fn json(&self) -> serde_json::Value {
        self.0.code().into()
    }
}

/// Where the territory of a former unit went (Resolution 202/2025/QH15); `params` holds the
/// successor's code.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Successor(Province);

impl Arg for Successor {
    fn write(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let p = self.0;
        match lang {
            Lang::Vi => write!(f, "; nay thuộc {} (mã `{}`)", p.label(lang), p.code()),
            Lang::En => write!(f, "; now part of {} (code `{}`)", p.label(lang), p.code()),
        }
    }
    fn json(&self) -> serde_json::Value {
        self.0.code().into()
    }
}

finding_kinds! {
    /// A province name read as a unit of the list after normalising its text.
    ProvinceNormalised {
        code: "document.province_normalised",
        severity: Info,
        citation: Some(NQ202),
        meaning: (
            "Tên tỉnh, thành phố được viết khác với danh mục (có chữ \"Tỉnh\", \"TP.\", viết tắt, dấu tách rời, thiếu dấu, thừa khoảng trắng) và được đọc là đơn vị trong danh mục; tổng hợp theo mã của đơn vị đó.",
            "The province is written differently from the list (with \"Tỉnh\", \"TP.\", an abbreviation, decomposed or missing accents, extra spaces) and was read as the unit of the list; totals group it by that unit's code.",
        ),
        fix: (
            "Không bắt buộc; có thể ghi tên như trong danh mục (`khuyencong catalog --list provinces`).",
            "Optional; write the name as the list does (`khuyencong catalog --list provinces`).",
        ),
        params: { text: String, province: ReadAs },
        message: (
            "`{text}` được đọc là {province}",
            "`{text}` read as {province}",
        ),
    }

    /// The province named does not exist at the document's dates.
    ProvinceNotOfDate {
        code: "document.province_not_of_date",
        severity: Warning,
        citation: Some(NQ202),
        meaning: (
            "Tỉnh, thành phố được ghi không tồn tại vào ngày của văn bản (ngày phê duyệt đề án, năm kế hoạch, kỳ báo cáo): ví dụ một tỉnh đã hợp nhất từ 01/07/2025 theo Nghị quyết số 202/2025/QH15, hoặc Thừa Thiên Huế sau 31/12/2024.",
            "The province named does not exist at the document's date (a scheme's approval day, a plan's year, a report's period): e.g. a province merged on 2025-07-01 under Resolution 202/2025/QH15, or Thừa Thiên Huế after 2024-12-31.",
        ),
        fix: (
            "Ghi tỉnh, thành phố của thời điểm văn bản (đơn vị kế thừa được nêu trong thông báo), hoặc sửa ngày.",
            "Name the province of the document's date (the successor is given in the message), or correct the date.",
        ),
        params: {
            text: String,
            province: Named,
            from: NaiveDate,
            to: NaiveDate,
            valid_from: NaiveDate,
            valid_until: Option<NaiveDate>,
            successor: Option<Successor>,
        },
        message: match valid_until {
            Some(_) => (
                "{province} không phải đơn vị hành chính cấp tỉnh trong thời gian {from} – {to} của văn bản (tồn tại {valid_from} … {valid_until}){successor}",
                "{province} is not a provincial-level unit during the document's dates {from} – {to} (it exists {valid_from} … {valid_until}){successor}",
            ),
            None => (
                "{province} không phải đơn vị hành chính cấp tỉnh trong thời gian {from} – {to} của văn bản (tồn tại {valid_from} …){successor}",
                "{province} is not a provincial-level unit during the document's dates {from} – {to} (it exists {valid_from} …){successor}",
            ),
        }
    }
}

/// The province checks of a document: the name read as a unit of the list (information when
/// its text had to be normalised), and a warning when that unit does not exist at the
/// document's date. A name that is not of the list gives no finding: documents may name
/// their province in ways the list does not know, and nothing rests on it.
pub(crate) fn check_document<D: NamesProvince + ?Sized>(doc: &D, out: &mut Vec<crate::Finding>) {
    let Some((text, from, to)) = document_province(doc) else {
        return;
    };
    if to < D45 {
        return; // before the project's coverage: reported by the coverage check
    }
    let Some(m) = resolve(text, from, to) else {
        return;
    };
    let p = m.province;
    let path = doc.province_path();
    let cite = p.citation();
    if m.normalised {
        out.push(
            ProvinceNormalised {
                text: text.to_owned(),
                province: ReadAs(p),
            }
            .at(path)
            .cite(cite)
            .confidence(Confidence::Secondary),
        );
    }
    if !m.in_force {
        let i = p.info();
        // A former unit named after its end: say where its territory went.
        let successor = (p.successor().is_some() && i.valid_until.is_some_and(|u| u < from))
            .then(|| Successor(p.now()));
        out.push(
            ProvinceNotOfDate {
                text: text.to_owned(),
                province: Named(p),
                from,
                to,
                valid_from: i.valid_from,
                valid_until: i.valid_until,
                successor,
            }
            .at(path)
            .cite(cite)
            .confidence(Confidence::Secondary),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::{ProvinceNormalised, ProvinceNotOfDate};
    use crate::document::{CheckOptions, check_bytes};
    use crate::finding::Finding;

    fn plan_findings(province: &str, year: i32) -> Vec<Finding> {
        let text = format!(
            r#"{{"kind": "plan", "schema_version": 2, "id": "kh", "year": {year},
            "fund_level": "provincial", "province": "{province}",
            "budget": {{"lines": [{{"source": "local_budget_provincial", "amount": 1000}}]}}}}"#
        );
        check_bytes(text.as_bytes(), &CheckOptions::default()).findings
    }

    /// Kiên Giang was merged into An Giang on 2025-07-01: a plan of 2025 names a unit of its
    /// dates, a plan of 2026 does not, and the warning carries the unit's window and its
    /// successor as parameters; a name typed otherwise is read, with information only.
    #[test]
    fn a_former_unit_on_both_sides_of_its_end() {
        assert!(plan_findings("Kiên Giang", 2025).is_empty());
        let after = plan_findings("Kiên Giang", 2026);
        let w = after
            .iter()
            .find(|f| f.code == ProvinceNotOfDate::DEF.code)
            .expect("a warning");
        let params = w.params();
        assert_eq!(params["province"], "kien_giang");
        assert_eq!(params["valid_until"], "2025-06-30");
        assert_eq!(params["successor"], "an_giang_2025");
        assert_eq!(
            w.message_vi(),
            "Tỉnh Kiên Giang không phải đơn vị hành chính cấp tỉnh trong thời gian 01/01/2026 – 31/12/2026 của văn bản (tồn tại 05/07/2012 … 30/06/2025); nay thuộc Tỉnh An Giang (mã `an_giang_2025`)"
        );
        assert_eq!(
            w.message_en(),
            "Kien Giang Province is not a provincial-level unit during the document's dates 2026-01-01 – 2026-12-31 (it exists 2012-07-05 … 2025-06-30); now part of An Giang Province (code `an_giang_2025`)"
        );
        let typed = plan_findings("tỉnh  Kiên Giang", 2024);
        assert_eq!(typed.len(), 1, "{typed:?}");
        assert_eq!(typed[0].code, ProvinceNormalised::DEF.code);
        assert_eq!(typed[0].params()["province"], "kien_giang");
        assert_eq!(
            typed[0].message_en(),
            "`tỉnh  Kiên Giang` read as Kien Giang Province (code `kien_giang`, statistics code 91)"
        );
    }
}
