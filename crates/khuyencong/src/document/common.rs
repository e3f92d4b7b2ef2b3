//! Pieces shared by the document kinds: amounts with their exactness, counts,
//! periods, decision references and the schema version.

use std::fmt;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use crate::money::Exactness;
use crate::money::{JsonNumber, MAX_VND, Quantity, Vnd, whole};
use crate::support::CapUnit;

/// An amount of money as a document states it: whole đồng, with its exactness.
///
/// In JSON either a plain integer of đồng (exact) or an object
/// `{"vnd": 15200000000, "exactness": "lower_bound", "text": "hơn 15,2 tỷ"}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Amount {
    /// The figure in đồng.
    pub vnd: Vnd,
    /// How exactly it is stated.
    pub exactness: Exactness,
    /// The words of the source, if kept.
    pub text: Option<String>,
}

impl Amount {
    /// An exact amount.
    pub const fn exact(vnd: Vnd) -> Self {
        Self {
            vnd,
            exactness: Exactness::Exact,
            text: None,
        }
    }
}

/// A count (establishments, products, fairs…) as a document states it.
///
/// In JSON either a plain non-negative integer (exact) or an object
/// `{"value": 100, "exactness": "lower_bound", "text": "hơn 100"}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Count {
    /// The figure.
    pub value: u64,
    /// How exactly it is stated.
    pub exactness: Exactness,
    /// The words of the source, if kept.
    pub text: Option<String>,
}

#[derive(Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct AmountObject {
    /// The amount in đồng (whole đồng, JSON integer). / Số tiền (đồng, số nguyên).
    vnd: Vnd,
    /// How exactly the source states it. / Mức độ chính xác theo nguồn.
    #[serde(default, skip_serializing_if = "Exactness::is_exact")]
    exactness: Exactness,
    /// The source's own words, e.g. "hơn 15,2 tỷ". / Nguyên văn trong văn bản.
    #[serde(
        default,
        deserialize_with = "crate::document::common::opt_text::<_, 0, 200>",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(length(max = 200))]
    text: Option<String>,
}

#[derive(Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct CountObject {
    /// The figure (non-negative integer). / Số lượng.
    #[schemars(range(max = 9_007_199_254_740_991_u64))]
    value: u64,
    /// How exactly the source states it. / Mức độ chính xác theo nguồn.
    #[serde(default, skip_serializing_if = "Exactness::is_exact")]
    exactness: Exactness,
    /// The source's own words, e.g. "hơn 100 lượt". / Nguyên văn trong văn bản.
    #[serde(
        default,
        deserialize_with = "crate::document::common::opt_text::<_, 0, 200>",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(length(max = 200))]
    text: Option<String>,
}

impl Serialize for Amount {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.exactness == Exactness::Exact && self.text.is_none() {
            self.vnd.serialize(s)
        } else {
            AmountObject {
                vnd: self.vnd,
                exactness: self.exactness,
                text: self.text.clone(),
            }
            .serialize(s)
        }
    }
}

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Amount;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an amount: a whole number of đồng, or {\"vnd\": …, \"exactness\": …}")
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Amount, E> {
                amount(JsonNumber::Unsigned(v))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Amount, E> {
                amount(JsonNumber::Signed(v))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Amount, E> {
                amount(JsonNumber::Float(v))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Amount, A::Error> {
                let o =
                    AmountObject::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                Ok(Amount {
                    vnd: o.vnd,
                    exactness: o.exactness,
                    text: o.text,
                })
            }
        }
        d.deserialize_any(V)
    }
}

impl JsonSchema for Amount {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Amount".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let int = generator.subschema_for::<Vnd>();
        let obj = generator.subschema_for::<AmountObject>();
        schemars::json_schema!({
            "description": "An amount in đồng: an integer (exact), or an object with the exactness the source states (\"hơn\" = lower_bound, \"gần\" = approximate). / Số tiền (đồng): số nguyên, hoặc đối tượng kèm mức độ chính xác.",
            "oneOf": [int, obj],
        })
    }
}

fn amount<E: serde::de::Error>(n: JsonNumber) -> Result<Amount, E> {
    // `whole` bounds the value to MAX_VND, so `Vnd::new` cannot fail here.
    whole(n, Quantity::Amount).and_then(|v| Vnd::new(v).map_err(E::custom).map(Amount::exact))
}

fn count<E: serde::de::Error>(n: JsonNumber) -> Result<Count, E> {
    whole(n, Quantity::Count).map(Count::exact)
}

impl Count {
    /// An exact count.
    pub const fn exact(value: u64) -> Self {
        Self {
            value,
            exactness: Exactness::Exact,
            text: None,
        }
    }
}

impl Serialize for Count {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.exactness == Exactness::Exact && self.text.is_none() {
            s.serialize_u64(self.value)
        } else {
            CountObject {
                value: self.value,
                exactness: self.exactness,
                text: self.text.clone(),
            }
            .serialize(s)
        }
    }
}

impl<'de> Deserialize<'de> for Count {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Count;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a count: a non-negative integer, or {\"value\": …, \"exactness\": …}")
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Count, E> {
                count(JsonNumber::Unsigned(v))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Count, E> {
                count(JsonNumber::Signed(v))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Count, E> {
                count(JsonNumber::Float(v))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Count, A::Error> {
                let o =
                    CountObject::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                Ok(Count {
                    value: whole(JsonNumber::Unsigned(o.value), Quantity::Count)?,
                    exactness: o.exactness,
                    text: o.text,
                })
            }
        }
        d.deserialize_any(V)
    }
}

impl JsonSchema for Count {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Count".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let obj = generator.subschema_for::<CountObject>();
        schemars::json_schema!({
            "description": "A count: a non-negative integer (exact), or an object with the exactness the source states. / Số lượng: số nguyên không âm, hoặc đối tượng kèm mức độ chính xác.",
            "oneOf": [
                {"type": "integer", "minimum": 0, "maximum": MAX_VND},
                obj
            ],
        })
    }
}

/// The version of the document format. Only `1` exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SchemaVersion;

/// The current document format version.
pub const SCHEMA_VERSION: u64 = 1;

impl Serialize for SchemaVersion {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u64(SCHEMA_VERSION)
    }
}

impl<'de> Deserialize<'de> for SchemaVersion {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = u64::deserialize(d)?;
        if v == SCHEMA_VERSION {
            Ok(Self)
        } else {
            Err(serde::de::Error::custom(format_args!(
                "unsupported schema_version {v}; this library reads version {SCHEMA_VERSION}"
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
            "description": "The document format version; only 1 exists. / Phiên bản định dạng; hiện chỉ có 1.",
            "type": "integer",
            "const": SCHEMA_VERSION,
        })
    }
}

/// A decision or official letter: its number and date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
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

/// Reads a string of `MIN ..= MAX` characters (Unicode scalar values, as JSON Schema's
/// `minLength`/`maxLength` count them).
pub(crate) fn text<'de, D, const MIN: usize, const MAX: usize>(d: D) -> Result<String, D::Error>
where
    D: serde::Deserializer<'de>,
{
    let s = String::deserialize(d)?;
    let n = s.chars().count();
    if (MIN..=MAX).contains(&n) {
        Ok(s)
    } else {
        Err(serde::de::Error::custom(format_args!(
            "text length {n} is out of range: expected {MIN} to {MAX} characters"
        )))
    }
}

/// [`text`] for an optional field.
pub(crate) fn opt_text<'de, D, const MIN: usize, const MAX: usize>(
    d: D,
) -> Result<Option<String>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    #[derive(Deserialize)]
    #[serde(transparent)]
    struct Wrap(#[serde(deserialize_with = "text::<_, 0, { usize::MAX }>")] String);
    let s = Option::<Wrap>::deserialize(d)?.map(|w| w.0);
    match s {
        None => Ok(None),
        Some(s) => {
            let n = s.chars().count();
            if (MIN..=MAX).contains(&n) {
                Ok(Some(s))
            } else {
                Err(serde::de::Error::custom(format_args!(
                    "text length {n} is out of range: expected {MIN} to {MAX} characters"
                )))
            }
        }
    }
}

/// Reads an array of `MIN ..= MAX` items, refusing the input as soon as it has one too many
/// (so a huge array is never held in memory).
pub(crate) fn items<'de, D, T, const MIN: usize, const MAX: usize>(d: D) -> Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    struct V<T, const MIN: usize, const MAX: usize>(std::marker::PhantomData<T>);
    impl<'de, T: Deserialize<'de>, const MIN: usize, const MAX: usize> serde::de::Visitor<'de>
        for V<T, MIN, MAX>
    {
        type Value = Vec<T>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "an array of {MIN} to {MAX} items")
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
            let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(MAX).min(1024));
            while let Some(item) = seq.next_element()? {
                if out.len() == MAX {
                    return Err(serde::de::Error::invalid_length(
                        MAX + 1,
                        &format!("at most {MAX} items").as_str(),
                    ));
                }
                out.push(item);
            }
            if out.len() < MIN {
                return Err(serde::de::Error::invalid_length(
                    out.len(),
                    &format!("at least {MIN} items").as_str(),
                ));
            }
            Ok(out)
        }
    }
    d.deserialize_seq(V::<T, MIN, MAX>(std::marker::PhantomData))
}

/// Reads a date written exactly `YYYY-MM-DD` (the schemas' `format: date`, RFC 3339
/// `full-date`); chrono's own reader also takes `2022-6-1`, `+2025-01-01` or a leading
/// space, which no schema allows.
pub(crate) fn date<'de, D: serde::Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    struct V;
    impl serde::de::Visitor<'_> for V {
        type Value = NaiveDate;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a date written YYYY-MM-DD")
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<NaiveDate, E> {
            crate::input::strict_date(v)
                .ok_or_else(|| E::invalid_value(serde::de::Unexpected::Str(v), &self))
        }
    }
    d.deserialize_str(V)
}

/// [`date`] for an optional field (`null` or absent: `None`).
pub(crate) fn opt_date<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<NaiveDate>, D::Error> {
    #[derive(Deserialize)]
    #[serde(transparent)]
    struct Wrap(#[serde(deserialize_with = "date")] NaiveDate);
    Ok(Option::<Wrap>::deserialize(d)?.map(|w| w.0))
}
