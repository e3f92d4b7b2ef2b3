//! Pieces shared by the document kinds: periods, decision references, the schema version,
//! counts by kind, outcomes; amounts, counts and percentages with their exactness are
//! defined with their reconciliation below the documents and the funding rules, and named
//! here.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

// The field readers the document types name in their `deserialize_with` attributes.
pub(crate) use crate::de::{date, items, opt_date, opt_text, text};
pub use crate::figure::{Amount, Count, PERCENT_PATTERN, Percent};
pub use crate::money::Exactness;
use crate::support::CapUnit;

/// The version of the document format a document was written in: `1` or `2`.
///
/// Version 2 adds elements to version 1 (ranges, years on lines, nested parts, the rest of
/// a list, outcomes, execution figures, programmes…) and changes none of its meaning, so a
/// version-1 document is read as the version-2 document with the same content: it is
/// *upgraded in memory*, and `check` says so with the information finding
/// `document.upgraded`. A document is always written as version 2 (`khuyencong upgrade`).
///
/// The version read is not part of a document's content: two documents with the same
/// content are equal whichever version they were written in.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct SchemaVersion {
    read: u64,
}

impl PartialEq for SchemaVersion {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for SchemaVersion {}

impl std::hash::Hash for SchemaVersion {
    fn hash<H: std::hash::Hasher>(&self, _: &mut H) {}
}

/// The current document format version.
pub use crate::input::schema::SCHEMA_VERSION;

/// The format versions the library reads.
pub const READABLE_VERSIONS: [u64; 2] = [1, 2];

impl Default for SchemaVersion {
    fn default() -> Self {
        Self::CURRENT
    }
}

impl SchemaVersion {
    /// The current version (2).
    pub const CURRENT: Self = Self {
        read: SCHEMA_VERSION,
    };

    /// The version the document was written in (1 or 2); it is held as version 2.
    pub const fn read(self) -> u64 {
        self.read
    }

    /// Whether the document was written in an earlier version and upgraded when read.
    pub const fn upgraded(self) -> bool {
        self.read < SCHEMA_VERSION
    }
}

impl Serialize for SchemaVersion {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u64(SCHEMA_VERSION)
    }
}

impl<'de> Deserialize<'de> for SchemaVersion {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = u64::deserialize(d)?;
        if READABLE_VERSIONS.contains(&v) {
            Ok(Self { read: v })
        } else {
            Err(serde::de::Error::custom(format_args!(
                "unsupported schema_version {v}; this library reads versions 1 and 2"
            )))
        }
    }
}

impl JsonSchema for SchemaVersion {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "SchemaVersion".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "The document format version: 2, or 1 for a document written before version 2 (read as version 2 with the same content). / Phiên bản định dạng: 2, hoặc 1 (được đọc như phiên bản 2 với cùng nội dung).",
            "type": "integer",
            "enum": READABLE_VERSIONS,
        })
    }
}

/// A decision or official letter: its number and date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct DecisionRef {
    /// The number exactly as written, e.g. "2080/QĐ-UBND". / Số hiệu văn bản.
    #[schemars(length(min = 1, max = 100))]
    #[serde(deserialize_with = "crate::document::common::text::<_, 1, 100>")]
    pub number: String,
    /// The date it was signed. / Ngày ký.
    #[serde(deserialize_with = "crate::document::common::date")]
    pub date: NaiveDate,
    /// The body that issued it, e.g. "Ủy ban nhân dân tỉnh An Giang". / Cơ quan ban hành.
    #[serde(
        default,
        deserialize_with = "crate::document::common::opt_text::<_, 0, 300>",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(length(max = 300))]
    pub issuer: Option<String>,
}

/// A period of time, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Period {
    /// First day. / Ngày bắt đầu.
    #[serde(deserialize_with = "crate::document::common::date")]
    pub from: NaiveDate,
    /// Last day. / Ngày kết thúc.
    #[serde(deserialize_with = "crate::document::common::date")]
    pub to: NaiveDate,
}

impl Period {
    /// A label for totals: `2021–2025`, or `2024` for one calendar year.
    pub fn label(&self) -> String {
        use chrono::Datelike;
        let (a, b) = (self.from.year(), self.to.year());
        if a == b {
            a.to_string()
        } else {
            format!("{a}-{b}")
        }
    }
}

/// Counts of outputs, by kind. Every field is optional; unknown kinds are rejected.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Counts {
    /// Establishments supported (cơ sở). / Số cơ sở được hỗ trợ.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub establishments: Option<Count>,
    /// Schemes (đề án). / Số đề án.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schemes: Option<Count>,
    /// Demonstration or pilot models (mô hình). / Số mô hình.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub models: Option<Count>,
    /// Products (sản phẩm). / Số sản phẩm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub products: Option<Count>,
    /// Products certified as typical (sản phẩm đạt chứng nhận). / Số sản phẩm được chứng nhận.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub products_certified: Option<Count>,
    /// Fairs and exhibitions (hội chợ, triển lãm). / Số hội chợ, triển lãm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fairs: Option<Count>,
    /// Contest rounds (cuộc bình chọn). / Số cuộc bình chọn.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rounds: Option<Count>,
    /// Establishment-participations (lượt cơ sở tham gia). / Số lượt cơ sở tham gia.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub participations: Option<Count>,
    /// Training courses (lớp). / Số lớp đào tạo, tập huấn.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub courses: Option<Count>,
    /// Trainees or participants (lượt người). / Số lượt người tham gia.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trainees: Option<Count>,
    /// Television or radio programmes. / Số chương trình truyền hình, truyền thanh.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub broadcasts: Option<Count>,
    /// Newspaper columns or articles. / Số chuyên mục, bài báo.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub articles: Option<Count>,
    /// Websites or applications built. / Số trang thông tin điện tử, phần mềm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub websites: Option<Count>,
    /// Inspection, supervision or guidance visits. / Số lượt kiểm tra, giám sát, hướng dẫn.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visits: Option<Count>,
    /// Extension collaborators. / Số cộng tác viên khuyến công.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub collaborators: Option<Count>,
    /// Trade-connection trips. / Số chuyến kết nối cung cầu.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trips: Option<Count>,
    /// Brands registered. / Số nhãn hiệu, thương hiệu.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub brands: Option<Count>,
    /// Enterprises set up (doanh nghiệp thành lập mới). / Số doanh nghiệp được hỗ trợ thành lập.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enterprises: Option<Count>,
    /// Industrial clusters (cụm công nghiệp). / Số cụm công nghiệp.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub industrial_clusters: Option<Count>,
    /// Business-linkage clusters (cụm liên kết doanh nghiệp). / Số cụm liên kết doanh nghiệp.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub linkage_clusters: Option<Count>,
    /// Associations set up (hiệp hội, hội ngành nghề). / Số hiệp hội, hội ngành nghề.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub associations: Option<Count>,
}

impl Counts {
    /// Whether no count is given.
    pub fn is_empty(&self) -> bool {
        self.iter().next().is_none()
    }

    /// The count of the units a support level applies to (establishments for a level per
    /// establishment, models per model…): `None` when not stated, or when the unit is not
    /// counted (per scheme, per plan year).
    pub fn for_unit(&self, unit: CapUnit) -> Option<&Count> {
        match unit {
            CapUnit::PerEstablishment => self.establishments.as_ref(),
            CapUnit::PerModel => self.models.as_ref(),
            CapUnit::PerEnterprise => self.enterprises.as_ref(),
            CapUnit::PerProduct => self.products_certified.as_ref().or(self.products.as_ref()),
            CapUnit::PerRound => self.rounds.as_ref(),
            CapUnit::PerBrand => self.brands.as_ref(),
            CapUnit::PerCluster => self.linkage_clusters.as_ref(),
            CapUnit::PerIndustrialCluster => self.industrial_clusters.as_ref(),
            CapUnit::PerAssociation => self.associations.as_ref(),
            CapUnit::PerFair => self.fairs.as_ref(),
            CapUnit::PerParticipation => self.participations.as_ref(),
            CapUnit::PerPerson => self.trainees.as_ref(),
            _ => None,
        }
    }

    /// The count of a kind, by its JSON field name.
    pub fn get(&self, kind: &str) -> Option<&Count> {
        self.iter().find(|(k, _)| *k == kind).map(|(_, c)| c)
    }

    /// Every count with its JSON field name, in field order.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &Count)> {
        [
            ("establishments", &self.establishments),
            ("schemes", &self.schemes),
            ("models", &self.models),
            ("products", &self.products),
            ("products_certified", &self.products_certified),
            ("fairs", &self.fairs),
            ("rounds", &self.rounds),
            ("participations", &self.participations),
            ("courses", &self.courses),
            ("trainees", &self.trainees),
            ("broadcasts", &self.broadcasts),
            ("articles", &self.articles),
            ("websites", &self.websites),
            ("visits", &self.visits),
            ("collaborators", &self.collaborators),
            ("trips", &self.trips),
            ("brands", &self.brands),
            ("enterprises", &self.enterprises),
            ("industrial_clusters", &self.industrial_clusters),
            ("linkage_clusters", &self.linkage_clusters),
            ("associations", &self.associations),
        ]
        .into_iter()
        .filter_map(|(k, v)| v.as_ref().map(|c| (k, c)))
    }
}

/// A calendar year inside a document (2000 … 2100): the year of a line inside a
/// multi-year period, of a target, of an envelope line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Year(i32);

impl Year {
    /// A year in 2000 … 2100.
    pub fn new(year: i32) -> Option<Self> {
        (2000..=2100).contains(&year).then_some(Self(year))
    }

    /// The year as a number.
    pub const fn get(self) -> i32 {
        self.0
    }
}

impl<'de> Deserialize<'de> for Year {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let year = i64::deserialize(d)?;
        i32::try_from(year).ok().and_then(Self::new).ok_or_else(|| {
            serde::de::Error::custom(format_args!(
                "year must be between 2000 and 2100, got {year}"
            ))
        })
    }
}

impl JsonSchema for Year {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Year".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A calendar year, 2000 … 2100. / Năm.",
            "type": "integer",
            "minimum": 2000,
            "maximum": 2100,
        })
    }
}

/// What a count counts: the names of the fields of [`Counts`].
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CountKind {
    /// Establishments supported. / Cơ sở.
    #[schemars(title = "Establishments / Cơ sở")]
    Establishments,
    /// Schemes. / Đề án.
    #[schemars(title = "Schemes / Đề án")]
    Schemes,
    /// Models. / Mô hình.
    #[schemars(title = "Models / Mô hình")]
    Models,
    /// Products. / Sản phẩm.
    #[schemars(title = "Products / Sản phẩm")]
    Products,
    /// Products certified. / Sản phẩm được chứng nhận.
    #[schemars(title = "Products certified / Sản phẩm được chứng nhận")]
    ProductsCertified,
    /// Fairs. / Hội chợ, triển lãm.
    #[schemars(title = "Fairs and exhibitions / Hội chợ, triển lãm")]
    Fairs,
    /// Contest rounds. / Cuộc bình chọn.
    #[schemars(title = "Contest rounds / Cuộc bình chọn")]
    Rounds,
    /// Participations. / Lượt cơ sở tham gia.
    #[schemars(title = "Participations / Lượt cơ sở tham gia")]
    Participations,
    /// Courses. / Lớp.
    #[schemars(title = "Courses / Lớp đào tạo, tập huấn")]
    Courses,
    /// Trainees. / Lượt người.
    #[schemars(title = "Trainees / Lượt người tham gia")]
    Trainees,
    /// Broadcasts. / Chương trình truyền hình, truyền thanh.
    #[schemars(title = "Broadcasts / Chương trình truyền hình, truyền thanh")]
    Broadcasts,
    /// Articles. / Chuyên mục, bài báo.
    #[schemars(title = "Articles / Chuyên mục, bài báo")]
    Articles,
    /// Websites. / Trang thông tin điện tử, phần mềm.
    #[schemars(title = "Websites and applications / Trang thông tin điện tử, phần mềm")]
    Websites,
    /// Visits. / Lượt kiểm tra, giám sát.
    #[schemars(title = "Visits / Lượt kiểm tra, giám sát, hướng dẫn")]
    Visits,
    /// Collaborators. / Cộng tác viên.
    #[schemars(title = "Collaborators / Cộng tác viên khuyến công")]
    Collaborators,
    /// Trips. / Chuyến kết nối cung cầu.
    #[schemars(title = "Trade-connection trips / Chuyến kết nối cung cầu")]
    Trips,
    /// Brands. / Nhãn hiệu.
    #[schemars(title = "Brands / Nhãn hiệu, thương hiệu")]
    Brands,
    /// Enterprises set up. / Doanh nghiệp thành lập.
    #[schemars(title = "Enterprises set up / Doanh nghiệp được hỗ trợ thành lập")]
    Enterprises,
    /// Industrial clusters. / Cụm công nghiệp.
    #[schemars(title = "Industrial clusters / Cụm công nghiệp")]
    IndustrialClusters,
    /// Linkage clusters. / Cụm liên kết.
    #[schemars(title = "Business-linkage clusters / Cụm liên kết doanh nghiệp")]
    LinkageClusters,
    /// Associations. / Hiệp hội.
    #[schemars(title = "Associations / Hiệp hội, hội ngành nghề")]
    Associations,
}

impl CountKind {
    /// Every kind, in the field order of [`Counts`].
    pub const ALL: [Self; 21] = [
        Self::Establishments,
        Self::Schemes,
        Self::Models,
        Self::Products,
        Self::ProductsCertified,
        Self::Fairs,
        Self::Rounds,
        Self::Participations,
        Self::Courses,
        Self::Trainees,
        Self::Broadcasts,
        Self::Articles,
        Self::Websites,
        Self::Visits,
        Self::Collaborators,
        Self::Trips,
        Self::Brands,
        Self::Enterprises,
        Self::IndustrialClusters,
        Self::LinkageClusters,
        Self::Associations,
    ];

    /// The field name in [`Counts`] (`establishments`, `models`…).
    pub const fn code(self) -> &'static str {
        match self {
            Self::Establishments => "establishments",
            Self::Schemes => "schemes",
            Self::Models => "models",
            Self::Products => "products",
            Self::ProductsCertified => "products_certified",
            Self::Fairs => "fairs",
            Self::Rounds => "rounds",
            Self::Participations => "participations",
            Self::Courses => "courses",
            Self::Trainees => "trainees",
            Self::Broadcasts => "broadcasts",
            Self::Articles => "articles",
            Self::Websites => "websites",
            Self::Visits => "visits",
            Self::Collaborators => "collaborators",
            Self::Trips => "trips",
            Self::Brands => "brands",
            Self::Enterprises => "enterprises",
            Self::IndustrialClusters => "industrial_clusters",
            Self::LinkageClusters => "linkage_clusters",
            Self::Associations => "associations",
        }
    }

    /// The kind of a field name.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// A growth the document states ("doanh thu tăng 15 %", "giá trị sản xuất tăng từ 10 lên 12
/// tỷ đồng"): the percentage and, where given, the figures before and after. When all three
/// are stated exactly (and the growth is not a yearly average), the percentage is checked
/// against them within the rounding it is written with.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Growth {
    /// The growth in percent (negative for a fall). / Mức tăng (%).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percent: Option<Percent>,
    /// The figure before, in đồng. / Giá trị trước.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before: Option<Amount>,
    /// The figure after, in đồng. / Giá trị sau.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<Amount>,
    /// The percentage is an average per year ("tăng trưởng bình quân 8 %/năm"): it is not
    /// recomputed from the figures. / Tăng trưởng bình quân mỗi năm.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub per_year: bool,
    /// The source's own words. / Nguyên văn.
    #[serde(
        default,
        deserialize_with = "crate::document::common::opt_text::<_, 0, 300>",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(length(max = 300))]
    pub text: Option<String>,
}

/// Which money figure a stated average divides.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AverageOf {
    /// The support ("hỗ trợ bình quân"). / Kinh phí hỗ trợ.
    #[default]
    #[schemars(title = "Support / Kinh phí hỗ trợ")]
    Support,
    /// The total investment ("vốn đầu tư bình quân"). / Tổng vốn đầu tư.
    #[schemars(title = "Total investment / Tổng vốn đầu tư")]
    TotalInvestment,
}

impl AverageOf {
    /// Whether it is the default (left out of the JSON form).
    pub fn is_support(&self) -> bool {
        *self == Self::Support
    }
}

/// An average the document states ("hỗ trợ bình quân 250 triệu đồng/mô hình"): the money
/// of its line divided by one of its counts. It is checked when the line states both
/// figures exactly: the stated average must be the true one rounded to its rounding
/// (`rounding_vnd`, else the last non-zero digit of the figure: 250000000 is read as
/// rounded to ten million).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct StatedAverage {
    /// The average, in đồng per unit. / Mức bình quân (đồng mỗi đơn vị).
    pub vnd: Amount,
    /// The count it is per (`establishments`, `models`, `schemes`…). / Tính trên mỗi…
    pub per: CountKind,
    /// The money it divides (default: the support). / Số tiền được chia bình quân.
    #[serde(default, skip_serializing_if = "AverageOf::is_support")]
    pub of: AverageOf,
    /// The rounding the text uses, in đồng (e.g. 1000000 for "229 triệu"); when absent,
    /// read from the figure. / Mức làm tròn (đồng).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rounding_vnd: Option<crate::money::Vnd>,
    /// The source's own words. / Nguyên văn.
    #[serde(
        default,
        deserialize_with = "crate::document::common::opt_text::<_, 0, 300>",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(length(max = 300))]
    pub text: Option<String>,
}

/// Which ratio a stated share is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ShareOf {
    /// The line's support ÷ its own total investment ("hỗ trợ chiếm 30,4 % tổng vốn đầu tư"). / Hỗ trợ trên tổng vốn đầu tư của dòng.
    #[schemars(title = "Support of the line's investment / Hỗ trợ trên vốn đầu tư của dòng")]
    SupportOfInvestment,
    /// The line's support ÷ the support of the whole it is part of (its line, else the
    /// stated results total). / Hỗ trợ của dòng trên tổng hỗ trợ.
    #[schemars(title = "Support of the whole / Hỗ trợ của dòng trên tổng")]
    SupportOfWhole,
    /// The line's investment ÷ the investment of the whole. / Vốn đầu tư của dòng trên tổng.
    #[schemars(title = "Investment of the whole / Vốn đầu tư của dòng trên tổng")]
    InvestmentOfWhole,
    /// One of the line's counts ÷ the same count of the whole (`count` says which). / Số lượng của dòng trên tổng.
    #[schemars(title = "Count of the whole / Số lượng của dòng trên tổng")]
    CountOfWhole,
}

/// A share the document states ("chiếm 18,4 %"). It is checked when both figures of the
/// ratio are stated exactly, within the rounding the percentage is written with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct StatedShare {
    /// Which ratio. / Tỷ lệ của gì.
    pub of: ShareOf,
    /// For `count_of_whole`: which count. / Số lượng nào.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<CountKind>,
    /// The share in percent. / Tỷ lệ (%).
    pub percent: Percent,
    /// The source's own words. / Nguyên văn.
    #[serde(
        default,
        deserialize_with = "crate::document::common::opt_text::<_, 0, 300>",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(length(max = 300))]
    pub text: Option<String>,
}

/// What the supported activities achieved, as the document states it. / Hiệu quả.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Outcomes {
    /// Jobs created ("tạo việc làm cho hơn 1.500 lao động"). / Số việc làm tạo ra.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jobs_created: Option<Count>,
    /// Workers trained ("đào tạo nghề cho 300 lao động"). / Số lao động được đào tạo.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workers_trained: Option<Count>,
    /// Growth of revenue. / Tăng trưởng doanh thu.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revenue_growth: Option<Growth>,
    /// Growth of output (giá trị sản xuất). / Tăng trưởng giá trị sản xuất.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output_growth: Option<Growth>,
    /// Averages the document states. / Các mức bình quân được nêu.
    #[serde(
        default,
        deserialize_with = "crate::document::common::items::<_, _, 0, 20>",
        skip_serializing_if = "Vec::is_empty"
    )]
    #[schemars(length(max = 20))]
    pub averages: Vec<StatedAverage>,
    /// Shares the document states. / Các tỷ lệ được nêu.
    #[serde(
        default,
        deserialize_with = "crate::document::common::items::<_, _, 0, 20>",
        skip_serializing_if = "Vec::is_empty"
    )]
    #[schemars(length(max = 20))]
    pub shares: Vec<StatedShare>,
}

impl Outcomes {
    /// Whether nothing is stated (left out of the JSON form).
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// Plan versus execution: the money of a line at each stage, as the document states it.
/// A stage not stated is unknown. The stated disbursement rate is checked against the
/// figures within its rounding.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Execution {
    /// Requested (đề nghị). / Kinh phí đề nghị.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requested: Option<Amount>,
    /// Approved (phê duyệt). / Kinh phí được phê duyệt.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved: Option<Amount>,
    /// Planned (kế hoạch). / Kinh phí kế hoạch.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned: Option<Amount>,
    /// Allocated (giao dự toán). / Kinh phí được giao dự toán.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allocated: Option<Amount>,
    /// Disbursed (giải ngân). / Kinh phí đã giải ngân.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disbursed: Option<Amount>,
    /// Settled (quyết toán). / Kinh phí đã quyết toán.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settled: Option<Amount>,
    /// The stated disbursement rate: disbursed ÷ allocated, in percent ("giải ngân đạt 85 %"). / Tỷ lệ giải ngân so với dự toán được giao.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disbursement_rate: Option<Percent>,
}

impl Execution {
    /// Whether nothing is stated (left out of the JSON form).
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// What a line of a list stands for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum LineType {
    /// Results (or plans, targets) of an activity, or of a fund, year, industry… (the
    /// default). / Kết quả của một nội dung, nguồn, năm…
    #[default]
    #[schemars(title = "Activity line / Dòng nội dung")]
    Activity,
    /// The cost of managing and carrying out schemes ("chi phí quản lý, triển khai đề
    /// án"): money the state spends itself, with no beneficiary and no counterpart. / Chi
    /// phí quản lý, triển khai đề án.
    #[schemars(title = "Management overheads / Chi phí quản lý, triển khai đề án")]
    Management,
    /// The rest of the list ("còn lại", "các nội dung khác"): what the other lines do not
    /// cover. A figure it does not state is derived as the stated total minus the other
    /// lines, when they all state it. / Phần còn lại.
    #[schemars(title = "The rest / Phần còn lại")]
    Rest,
}

impl LineType {
    /// Whether it is the default (left out of the JSON form).
    pub fn is_activity(&self) -> bool {
        *self == Self::Activity
    }

    /// The code (`activity`, `management`, `rest`).
    pub const fn code(self) -> &'static str {
        match self {
            Self::Activity => "activity",
            Self::Management => "management",
            Self::Rest => "rest",
        }
    }
}

impl Counts {
    /// The count of a kind.
    pub fn of(&self, kind: CountKind) -> Option<&Count> {
        match kind {
            CountKind::Establishments => self.establishments.as_ref(),
            CountKind::Schemes => self.schemes.as_ref(),
            CountKind::Models => self.models.as_ref(),
            CountKind::Products => self.products.as_ref(),
            CountKind::ProductsCertified => self.products_certified.as_ref(),
            CountKind::Fairs => self.fairs.as_ref(),
            CountKind::Rounds => self.rounds.as_ref(),
            CountKind::Participations => self.participations.as_ref(),
            CountKind::Courses => self.courses.as_ref(),
            CountKind::Trainees => self.trainees.as_ref(),
            CountKind::Broadcasts => self.broadcasts.as_ref(),
            CountKind::Articles => self.articles.as_ref(),
            CountKind::Websites => self.websites.as_ref(),
            CountKind::Visits => self.visits.as_ref(),
            CountKind::Collaborators => self.collaborators.as_ref(),
            CountKind::Trips => self.trips.as_ref(),
            CountKind::Brands => self.brands.as_ref(),
            CountKind::Enterprises => self.enterprises.as_ref(),
            CountKind::IndustrialClusters => self.industrial_clusters.as_ref(),
            CountKind::LinkageClusters => self.linkage_clusters.as_ref(),
            CountKind::Associations => self.associations.as_ref(),
        }
    }
}
