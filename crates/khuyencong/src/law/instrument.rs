//! The registry of legal instruments the project cites.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Confidence, Lang, ymd};

/// The kind of a legal instrument (loại văn bản).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum InstrumentKind {
    /// Law of the National Assembly (Luật).
    Law,
    /// Government decree (Nghị định).
    Decree,
    /// Ministerial circular (Thông tư).
    Circular,
    /// Joint circular of two ministries (Thông tư liên tịch).
    JointCircular,
    /// Decision of the Prime Minister or a minister (Quyết định).
    Decision,
    /// Resolution of the National Assembly or its Standing Committee (Nghị quyết).
    Resolution,
}

impl InstrumentKind {
    /// The permanent code.
    pub const fn code(self) -> &'static str {
        match self {
            Self::Law => "law",
            Self::Decree => "decree",
            Self::Circular => "circular",
            Self::JointCircular => "joint_circular",
            Self::Decision => "decision",
            Self::Resolution => "resolution",
        }
    }

    /// The word used before the number in a citation ("Nghị định", "Decree"…).
    pub const fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::Law, Lang::Vi) => "Luật",
            (Self::Law, Lang::En) => "Law",
            (Self::Decree, Lang::Vi) => "Nghị định",
            (Self::Decree, Lang::En) => "Decree",
            (Self::Circular, Lang::Vi) => "Thông tư",
            (Self::Circular, Lang::En) => "Circular",
            (Self::JointCircular, Lang::Vi) => "Thông tư liên tịch",
            (Self::JointCircular, Lang::En) => "Joint Circular",
            (Self::Decision, Lang::Vi) => "Quyết định",
            (Self::Decision, Lang::En) => "Decision",
            (Self::Resolution, Lang::Vi) => "Nghị quyết",
            (Self::Resolution, Lang::En) => "Resolution",
        }
    }

    /// Every kind, longest Vietnamese name first (so that parsing tries
    /// "Thông tư liên tịch" before "Thông tư").
    pub(crate) const PARSE_ORDER: [Self; 6] = [
        Self::JointCircular,
        Self::Circular,
        Self::Decree,
        Self::Decision,
        Self::Resolution,
        Self::Law,
    ];
}

/// One legal instrument: its number, dates, relations and titles.
///
/// Dates that the project has not read in a primary source are `None` rather
/// than guessed; [`Instrument::confidence`] says how the known facts were read.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Instrument {
    /// The stable ASCII identifier.
    pub id: InstrumentId,
    /// The number exactly as written, e.g. `45/2012/NĐ-CP`.
    pub number: &'static str,
    /// The kind of instrument.
    pub kind: InstrumentKind,
    /// The issuing body, in Vietnamese.
    pub issuer_vi: &'static str,
    /// The issuing body, in English.
    pub issuer_en: &'static str,
    /// The date it was signed or passed, when known.
    pub issued: Option<NaiveDate>,
    /// The date it took effect, when known.
    pub effective: Option<NaiveDate>,
    /// The last day it was in force, when it has been replaced.
    pub in_force_until: Option<NaiveDate>,
    /// Instruments it amends (in part).
    pub amends: &'static [InstrumentId],
    /// Instruments it replaces (in whole).
    pub replaces: &'static [InstrumentId],
    /// The title in Vietnamese.
    pub title_vi: &'static str,
    /// The title in English.
    pub title_en: &'static str,
    /// How sure the project is of these facts.
    pub confidence: Confidence,
    /// Where the facts were read, and what is not known.
    pub source: &'static str,
}

impl Instrument {
    /// The number with Vietnamese letters folded to ASCII, as English texts write it
    /// (`45/2012/ND-CP`).
    pub fn number_ascii(&self) -> String {
        self.number.replace('Đ', "D").replace('đ', "d")
    }

    /// "Nghị định số 45/2012/NĐ-CP" or "Decree 45/2012/ND-CP".
    pub fn designation(&self, lang: Lang) -> String {
        match lang {
            Lang::Vi => format!("{} số {}", self.kind.name(Lang::Vi), self.number),
            Lang::En => format!("{} {}", self.kind.name(Lang::En), self.number_ascii()),
        }
    }

    /// The title in the requested language.
    pub const fn title(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Vi => self.title_vi,
            Lang::En => self.title_en,
        }
    }

    /// Whether the instrument is in force on `date`.
    ///
    /// An instrument whose effective date is not known counts from its issue date;
    /// one with neither date never counts.
    pub fn in_force_on(&self, date: NaiveDate) -> bool {
        let Some(from) = self.effective.or(self.issued) else {
            return false;
        };
        from <= date && self.in_force_until.is_none_or(|until| date <= until)
    }
}

macro_rules! instruments {
    ($( $(#[$doc:meta])* $variant:ident => $code:literal $body:tt ),* $(,)?) => {
        /// The stable identifier of a legal instrument the project cites.
        ///
        /// Serialized as its ASCII code (`nd_45_2012`, `tt_28_2018_btc`…).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum InstrumentId {
            $( $(#[$doc])* $variant, )*
        }

        impl InstrumentId {
            /// Every registered instrument, in registry order.
            pub const ALL: &'static [InstrumentId] = &[$(Self::$variant),*];

            /// The permanent ASCII code.
            pub const fn code(self) -> &'static str {
                match self { $( Self::$variant => $code, )* }
            }

            /// Looks an instrument up by its code.
            pub fn from_code(code: &str) -> Option<Self> {
                match code { $( $code => Some(Self::$variant), )* _ => None }
            }

            /// The instrument's facts.
            pub const fn info(self) -> &'static Instrument {
                match self { $( Self::$variant => {
                    const INFO: Instrument = instrument_body!($variant, $body);
                    &INFO
                } )* }
            }
        }
    };
}

macro_rules! instrument_body {
    ($variant:ident, {
        number: $number:literal, kind: $kind:ident, issuer: ($ivi:literal, $ien:literal),
        issued: $issued:expr, effective: $effective:expr, until: $until:expr,
        amends: [$($amends:ident),*], replaces: [$($replaces:ident),*],
        title: ($tvi:literal, $ten:literal), confidence: $conf:ident, source: $source:literal $(,)?
    }) => {
        Instrument {
            id: InstrumentId::$variant,
            number: $number,
            kind: InstrumentKind::$kind,
            issuer_vi: $ivi,
            issuer_en: $ien,
            issued: $issued,
            effective: $effective,
            in_force_until: $until,
            amends: &[$(InstrumentId::$amends),*],
            replaces: &[$(InstrumentId::$replaces),*],
            title_vi: $tvi,
            title_en: $ten,
            confidence: Confidence::$conf,
            source: $source,
        }
    };
}

instruments! {
    /// Decree 134/2004/NĐ-CP on encouraging rural industrial development (replaced by Decree 45/2012).
    Nd134_2004 => "nd_134_2004" {
        number: "134/2004/NĐ-CP", kind: Decree, issuer: ("Chính phủ", "Government"),
        issued: Some(ymd(2004, 6, 9)), effective: None, until: Some(ymd(2012, 7, 4)),
        amends: [], replaces: [],
        title: ("Nghị định về khuyến khích phát triển công nghiệp nông thôn",
                "Decree on encouraging the development of rural industry"),
        confidence: Confirmed,
        source: "Decree 45/2012/NĐ-CP Art. 18 (replacement); effective date not recorded",
    },
    /// Decree 45/2012/NĐ-CP on industrial extension — the base decree.
    Nd45_2012 => "nd_45_2012" {
        number: "45/2012/NĐ-CP", kind: Decree, issuer: ("Chính phủ", "Government"),
        issued: Some(ymd(2012, 5, 21)), effective: Some(ymd(2012, 7, 5)), until: None,
        amends: [], replaces: [Nd134_2004],
        title: ("Nghị định về khuyến công", "Decree on industrial extension"),
        confidence: Confirmed,
        source: "official codification (Bộ pháp điển, topic 7.5 Khuyến công), Art. 18; cross-checked on vbpl.vn",
    },
    /// Decree 235/2025/NĐ-CP amending Decree 45/2012/NĐ-CP.
    Nd235_2025 => "nd_235_2025" {
        number: "235/2025/NĐ-CP", kind: Decree, issuer: ("Chính phủ", "Government"),
        issued: Some(ymd(2025, 8, 27)), effective: Some(ymd(2025, 10, 15)), until: None,
        amends: [Nd45_2012], replaces: [],
        title: ("Nghị định sửa đổi, bổ sung một số điều của Nghị định số 45/2012/NĐ-CP ngày 21 tháng 5 năm 2012 của Chính phủ về khuyến công",
                "Decree amending and supplementing a number of articles of Decree 45/2012/ND-CP on industrial extension"),
        confidence: Secondary,
        source: "issue date, signer and Art. 1(1) read in a partial English text (LuatVietnam); the amended Art. 1.2, 3, 4 (clauses 1, 3, 4, 7), 5, 6 (2, 2a), 11, the effective date 2025-10-15 and the transitional rule quoted by the Government's policy portal (xaydungchinhsach.chinhphu.vn, 2025-09-03) and a thuvienphapluat Q&A; the gazette text was not read",
    },
    /// Decree 146/2025/NĐ-CP on decentralisation in industry and trade; its Art. 52
    /// (khuyến công) ended on 2025-10-15 (Decree 235/2025).
    Nd146_2025 => "nd_146_2025" {
        number: "146/2025/NĐ-CP", kind: Decree, issuer: ("Chính phủ", "Government"),
        issued: Some(ymd(2025, 6, 12)), effective: None, until: None,
        amends: [], replaces: [],
        title: ("Nghị định quy định về phân quyền, phân cấp trong lĩnh vực công nghiệp và thương mại",
                "Decree on the division and decentralisation of powers in industry and trade"),
        confidence: Secondary,
        source: "named by Decree 235/2025 (as quoted by the Government's policy portal), which ends its Art. 52 from 2025-10-15; the content of Art. 52 and the decree's effective date were not read",
    },
    /// Circular 46/2012/TT-BCT detailing Decree 45/2012.
    Tt46_2012Bct => "tt_46_2012_bct" {
        number: "46/2012/TT-BCT", kind: Circular, issuer: ("Bộ Công Thương", "Ministry of Industry and Trade"),
        issued: Some(ymd(2012, 12, 28)), effective: Some(ymd(2013, 2, 10)), until: None,
        amends: [], replaces: [],
        title: ("Thông tư quy định chi tiết một số nội dung của Nghị định số 45/2012/NĐ-CP ngày 21 tháng 5 năm 2012 của Chính phủ về khuyến công",
                "Circular detailing a number of provisions of Decree 45/2012/ND-CP on industrial extension"),
        confidence: Confirmed,
        source: "official codification, 2012 wording (the TT 20/2017 amendments are not reflected there)",
    },
    /// Circular 20/2017/TT-BCT amending Circular 46/2012/TT-BCT.
    Tt20_2017Bct => "tt_20_2017_bct" {
        number: "20/2017/TT-BCT", kind: Circular, issuer: ("Bộ Công Thương", "Ministry of Industry and Trade"),
        issued: Some(ymd(2017, 9, 29)), effective: None, until: None,
        amends: [Tt46_2012Bct], replaces: [],
        title: ("Thông tư sửa đổi, bổ sung một số điều của Thông tư số 46/2012/TT-BCT",
                "Circular amending and supplementing a number of articles of Circular 46/2012/TT-BCT"),
        confidence: Secondary,
        source: "MOIT agency news item; the text and its effective date were not read",
    },
    /// Circular 36/2013/TT-BCT on the national extension plan and its funds.
    Tt36_2013Bct => "tt_36_2013_bct" {
        number: "36/2013/TT-BCT", kind: Circular, issuer: ("Bộ Công Thương", "Ministry of Industry and Trade"),
        issued: Some(ymd(2013, 12, 27)), effective: Some(ymd(2014, 2, 10)), until: None,
        amends: [], replaces: [],
        title: ("Thông tư quy định về việc xây dựng kế hoạch, tổ chức thực hiện và quản lý kinh phí khuyến công quốc gia",
                "Circular on planning, implementing and managing national industrial-extension funds"),
        confidence: Confirmed,
        source: "official codification, 2013 wording; later amendments not read",
    },
    /// Circular 26/2014/TT-BCT on typical rural industrial product contests.
    Tt26_2014Bct => "tt_26_2014_bct" {
        number: "26/2014/TT-BCT", kind: Circular, issuer: ("Bộ Công Thương", "Ministry of Industry and Trade"),
        issued: Some(ymd(2014, 8, 28)), effective: Some(ymd(2014, 10, 21)), until: None,
        amends: [], replaces: [],
        title: ("Thông tư quy định về việc tổ chức bình chọn sản phẩm công nghiệp nông thôn tiêu biểu",
                "Circular on organising contests for typical rural industrial products"),
        confidence: Confirmed,
        source: "official codification; amended by Circular 14/2018/TT-BCT (not read)",
    },
    /// Circular 14/2018/TT-BCT amending Circular 26/2014/TT-BCT.
    Tt14_2018Bct => "tt_14_2018_bct" {
        number: "14/2018/TT-BCT", kind: Circular, issuer: ("Bộ Công Thương", "Ministry of Industry and Trade"),
        issued: Some(ymd(2018, 6, 28)), effective: None, until: None,
        amends: [Tt26_2014Bct], replaces: [],
        title: ("Thông tư sửa đổi, bổ sung một số điều của Thông tư số 26/2014/TT-BCT",
                "Circular amending Circular 26/2014/TT-BCT"),
        confidence: Secondary,
        source: "secondary reports; the text was not read",
    },
    /// Joint Circular 125/2009/TTLT-BTC-BCT (replaced by Joint Circular 26/2014).
    Ttlt125_2009 => "ttlt_125_2009_btc_bct" {
        number: "125/2009/TTLT-BTC-BCT", kind: JointCircular,
        issuer: ("Bộ Tài chính, Bộ Công Thương", "Ministry of Finance and Ministry of Industry and Trade"),
        issued: None, effective: None, until: Some(ymd(2014, 4, 7)),
        amends: [], replaces: [],
        title: ("Thông tư liên tịch hướng dẫn quản lý và sử dụng kinh phí khuyến công",
                "Joint Circular on managing and using industrial-extension funds"),
        confidence: Historical,
        source: "named as the predecessor of Joint Circular 26/2014; dates not read; its support levels are not modelled",
    },
    /// Joint Circular 26/2014/TTLT-BTC-BCT on extension funds (historical).
    Ttlt26_2014 => "ttlt_26_2014_btc_bct" {
        number: "26/2014/TTLT-BTC-BCT", kind: JointCircular,
        issuer: ("Bộ Tài chính, Bộ Công Thương", "Ministry of Finance and Ministry of Industry and Trade"),
        issued: Some(ymd(2014, 2, 18)), effective: Some(ymd(2014, 4, 8)), until: Some(ymd(2018, 5, 10)),
        amends: [], replaces: [Ttlt125_2009],
        title: ("Thông tư liên tịch hướng dẫn việc quản lý và sử dụng kinh phí khuyến công",
                "Joint Circular guiding the management and use of industrial-extension funds"),
        confidence: Historical,
        source: "official codification, full text; replaced by Circular 28/2018/TT-BTC from 2018-05-11",
    },
    /// Circular 28/2018/TT-BTC on extension funds (in force, amended by TT 64/2024).
    Tt28_2018Btc => "tt_28_2018_btc" {
        number: "28/2018/TT-BTC", kind: Circular, issuer: ("Bộ Tài chính", "Ministry of Finance"),
        issued: Some(ymd(2018, 3, 28)), effective: Some(ymd(2018, 5, 11)), until: None,
        amends: [], replaces: [Ttlt26_2014],
        title: ("Thông tư hướng dẫn lập, quản lý, sử dụng kinh phí khuyến công",
                "Circular guiding the estimation, management and use of industrial-extension funds"),
        confidence: Confirmed,
        source: "LuatVietnam English text (opening articles); Art. 8 levels read in thuvienphapluat Q&As and a provincial extension centre's answer: clauses 2, 4, 6 and 14, the enterprise set-up level (clause not shown) and overseas air tickets; other clauses known only from provincial restatements (secondary) or not at all",
    },
    /// Circular 64/2024/TT-BTC amending Circular 28/2018/TT-BTC.
    Tt64_2024Btc => "tt_64_2024_btc" {
        number: "64/2024/TT-BTC", kind: Circular, issuer: ("Bộ Tài chính", "Ministry of Finance"),
        issued: Some(ymd(2024, 8, 28)), effective: None, until: None,
        amends: [Tt28_2018Btc], replaces: [],
        title: ("Thông tư sửa đổi, bổ sung một số điều của Thông tư số 28/2018/TT-BTC",
                "Circular amending and supplementing a number of articles of Circular 28/2018/TT-BTC"),
        confidence: Secondary,
        source: "cited by Phú Thọ Resolution 23/2025/NQ-HĐND and news; issue date from a secondary source; effective date and changed levels not read",
    },
    /// Law 04/2017/QH14 on support for small and medium-sized enterprises.
    Luat04_2017Qh14 => "luat_04_2017_qh14" {
        number: "04/2017/QH14", kind: Law, issuer: ("Quốc hội", "National Assembly"),
        issued: None, effective: Some(ymd(2018, 1, 1)), until: None,
        amends: [], replaces: [],
        title: ("Luật Hỗ trợ doanh nghiệp nhỏ và vừa", "Law on Support for Small and Medium-sized Enterprises"),
        confidence: Confirmed,
        source: "official codification (topic on SME support), Art. 4 with its effective date; the passing date is not recorded here",
    },
    /// Decree 56/2009/NĐ-CP on SME development (SME size before 2018-03-11).
    Nd56_2009 => "nd_56_2009" {
        number: "56/2009/NĐ-CP", kind: Decree, issuer: ("Chính phủ", "Government"),
        issued: None, effective: Some(ymd(2009, 8, 20)), until: Some(ymd(2018, 3, 10)),
        amends: [], replaces: [],
        title: ("Nghị định về trợ giúp phát triển doanh nghiệp nhỏ và vừa",
                "Decree on assistance to the development of small and medium-sized enterprises"),
        confidence: Secondary,
        source: "secondary summaries; its size bands are not modelled",
    },
    /// Decree 39/2018/NĐ-CP detailing the SME law (2018-03-11 … 2021-10-14).
    Nd39_2018 => "nd_39_2018" {
        number: "39/2018/NĐ-CP", kind: Decree, issuer: ("Chính phủ", "Government"),
        issued: Some(ymd(2018, 3, 11)), effective: Some(ymd(2018, 3, 11)), until: Some(ymd(2021, 10, 14)),
        amends: [], replaces: [Nd56_2009],
        title: ("Nghị định quy định chi tiết một số điều của Luật Hỗ trợ doanh nghiệp nhỏ và vừa",
                "Decree detailing a number of articles of the Law on Support for SMEs"),
        confidence: Secondary,
        source: "Art. 6 size bands quoted verbatim by ketoananhieuminh.vn and restated by baodautu.vn, thuvienphapluat, quocluat.vn and LawNet: the same thresholds as Decree 80/2021 Art. 5; in force from signing (2018-03-11, secondary); replaced from 2021-10-15 by Decree 80/2021 Art. 34 (confirmed)",
    },
    /// Decree 80/2021/NĐ-CP detailing the SME law (SME size bands).
    Nd80_2021 => "nd_80_2021" {
        number: "80/2021/NĐ-CP", kind: Decree, issuer: ("Chính phủ", "Government"),
        issued: Some(ymd(2021, 8, 26)), effective: Some(ymd(2021, 10, 15)), until: None,
        amends: [], replaces: [Nd39_2018],
        title: ("Nghị định quy định chi tiết và hướng dẫn thi hành một số điều của Luật Hỗ trợ doanh nghiệp nhỏ và vừa",
                "Decree detailing and guiding a number of articles of the Law on Support for SMEs"),
        confidence: Confirmed,
        source: "official codification (Art. 5–8 with effective date); issue date as cited in An Giang's 2025 report",
    },
    /// Decision 1288/QĐ-TTg approving the national extension programme to 2020.
    Qd1288_2014Ttg => "qd_1288_2014_ttg" {
        number: "1288/QĐ-TTg", kind: Decision, issuer: ("Thủ tướng Chính phủ", "Prime Minister"),
        issued: Some(ymd(2014, 8, 1)), effective: None, until: None,
        amends: [], replaces: [],
        title: ("Quyết định phê duyệt Chương trình khuyến công quốc gia đến năm 2020",
                "Decision approving the national industrial-extension programme to 2020"),
        confidence: Secondary,
        source: "cited in secondary sources; the text was not read",
    },
    /// Decision 1881/QĐ-TTg approving the national extension programme 2021–2025.
    Qd1881_2020Ttg => "qd_1881_2020_ttg" {
        number: "1881/QĐ-TTg", kind: Decision, issuer: ("Thủ tướng Chính phủ", "Prime Minister"),
        issued: Some(ymd(2020, 11, 20)), effective: None, until: None,
        amends: [], replaces: [],
        title: ("Quyết định phê duyệt Chương trình khuyến công quốc gia giai đoạn 2021 - 2025",
                "Decision approving the national industrial-extension programme 2021–2025"),
        confidence: Confirmed,
        source: "date as cited in An Giang's 2025 report and official news; effective date not read",
    },
    /// Decision 2646/QĐ-BCT approving the national extension programme 2026–2030.
    Qd2646_2025Bct => "qd_2646_2025_bct" {
        number: "2646/QĐ-BCT", kind: Decision, issuer: ("Bộ Công Thương", "Ministry of Industry and Trade"),
        issued: Some(ymd(2025, 9, 23)), effective: Some(ymd(2025, 9, 23)), until: None,
        amends: [], replaces: [],
        title: ("Quyết định phê duyệt Chương trình khuyến công quốc gia giai đoạn 2026 - 2030",
                "Decision approving the national industrial-extension programme 2026–2030"),
        confidence: Confirmed,
        source: "opening and Art. 1–3 read (effective on signing); the programme's attachment was not read",
    },
    /// Resolution 175/2024/QH15 establishing Huế as a centrally-run city (from 2025-01-01).
    Nq175_2024Qh15 => "nq_175_2024_qh15" {
        number: "175/2024/QH15", kind: Resolution, issuer: ("Quốc hội", "National Assembly"),
        issued: None, effective: Some(ymd(2025, 1, 1)), until: None,
        amends: [], replaces: [],
        title: ("Nghị quyết về việc thành lập thành phố Huế trực thuộc trung ương",
                "Resolution establishing Huế as a centrally-run city"),
        confidence: Secondary,
        source: "news of its promulgation (cand.com.vn, daibieunhandan.vn, 2024-12-29): in force from 2025-01-01, when the province of Thừa Thiên Huế became the centrally-run city of Huế; the text was not read",
    },
    /// Resolution 202/2025/QH15 arranging the provincial-level administrative units (63 → 34).
    Nq202_2025Qh15 => "nq_202_2025_qh15" {
        number: "202/2025/QH15", kind: Resolution, issuer: ("Quốc hội", "National Assembly"),
        issued: Some(ymd(2025, 6, 12)), effective: Some(ymd(2025, 6, 12)), until: None,
        amends: [], replaces: [],
        title: ("Nghị quyết về việc sắp xếp đơn vị hành chính cấp tỉnh",
                "Resolution on the arrangement of provincial-level administrative units"),
        confidence: Secondary,
        source: "the 34 units and the former provinces in each as quoted by the Government's portal; in force on adoption, the merged units' governments working from 2025-07-01; codes from the General Statistics Office's Công văn 915/CTK-CSCL (mirror: github.com/dvhcvn/20250701, input/docs/915_CTK-CSCL.csv); the text itself was not read",
    },
}

impl Serialize for InstrumentId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for InstrumentId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Self::from_code(&s)
            .ok_or_else(|| serde::de::Error::custom(format_args!("unknown instrument code `{s}`")))
    }
}

impl JsonSchema for InstrumentId {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "InstrumentId".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let one_of: Vec<serde_json::Value> = Self::ALL
            .iter()
            .map(|id| {
                let info = id.info();
                serde_json::json!({
                    "const": id.code(),
                    "title": info.designation(Lang::En),
                    "description": format!("{} — {}", info.designation(Lang::Vi), info.title_vi),
                    "x-label-vi": info.designation(Lang::Vi),
                    "x-label-en": info.designation(Lang::En),
                })
            })
            .collect();
        schemars::json_schema!({
            "description": "A legal instrument, by its stable ASCII code. / Văn bản pháp luật, theo mã ASCII cố định.",
            "type": "string",
            "oneOf": one_of,
        })
    }
}
