//! Figures as documents state them — amounts of money and counts with their exactness
//! (exact, a lower bound "hơn", an approximation "gần", a range "8–12"), percentages with
//! the rounding they are written to — and the arithmetic that compares a stated total
//! with the sum of its parts ([`reconcile`]).
//!
//! They sit below the documents and the funding rules, which both read and reconcile them;
//! the public paths are [`crate::document::Amount`], [`crate::document::Count`] and
//! [`crate::document::common::Percent`].

pub(crate) mod reconcile;

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::money::{Exactness, JsonNumber, MAX_VND, Quantity, Vnd, whole};

/// An amount of money as a document states it: whole đồng, with its exactness.
///
/// In JSON either a plain integer of đồng (exact) or an object
/// `{"vnd": 15200000000, "exactness": "lower_bound", "text": "hơn 15,2 tỷ"}`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
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
/// In JSON either a plain non-negative integer (exact), an object
/// `{"value": 100, "exactness": "lower_bound", "text": "hơn 100"}`, or a range
/// `{"min": 8, "max": 12, "text": "8–12 đề án"}` (format version 2).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Count {
    /// The figure; for a range, its lower end.
    pub value: u64,
    /// How exactly it is stated (a range is `Exact` at both ends).
    pub exactness: Exactness,
    /// The words of the source, if kept.
    pub text: Option<String>,
    /// The upper end of a range ("8–12"): the count is between `value` and `max`. A range
    /// whose upper end is below its lower end contradicts itself (`document.range_reversed`).
    pub max: Option<u64>,
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
        deserialize_with = "crate::de::opt_text::<_, 0, 200>",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(length(max = 200))]
    text: Option<String>,
}

/// A count stated as a range, "8–12". / Số lượng nêu dạng khoảng.
#[derive(Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct CountRange {
    /// The lower end (non-negative integer). / Cận dưới.
    #[schemars(range(max = 9_007_199_254_740_991_u64))]
    min: u64,
    /// The upper end (non-negative integer, at least `min`). / Cận trên (không nhỏ hơn `min`).
    #[schemars(range(max = 9_007_199_254_740_991_u64))]
    max: u64,
    /// The source's own words, e.g. "8–12 đề án". / Nguyên văn trong văn bản.
    #[serde(
        default,
        deserialize_with = "crate::de::opt_text::<_, 0, 200>",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(length(max = 200))]
    text: Option<String>,
}

/// A member that may be absent (`None`) but, when present, is a value: `null` is refused,
/// as the schemas of the forms this is read for (which have no `null`) refuse it.
fn present<'de, D: serde::Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> Result<Option<T>, D::Error> {
    T::deserialize(d).map(Some)
}

/// Every member a count object may have, read once to decide which form it is.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CountAnyObject {
    #[serde(default, deserialize_with = "present")]
    value: Option<u64>,
    #[serde(default, deserialize_with = "present")]
    exactness: Option<Exactness>,
    #[serde(default, deserialize_with = "present")]
    min: Option<u64>,
    #[serde(default, deserialize_with = "present")]
    max: Option<u64>,
    #[serde(default, deserialize_with = "crate::de::opt_text::<_, 0, 200>")]
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
        deserialize_with = "crate::de::opt_text::<_, 0, 200>",
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
            max: None,
        }
    }

    /// A range "min–max".
    pub const fn range(min: u64, max: u64) -> Self {
        Self {
            value: min,
            exactness: Exactness::Exact,
            text: None,
            max: Some(max),
        }
    }

    /// Whether the count is one exact figure (not a bound, an approximation or a range).
    pub fn is_exact(&self) -> bool {
        self.exactness == Exactness::Exact && self.max.is_none()
    }
}

impl Serialize for Count {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if let Some(max) = self.max {
            CountRange {
                min: self.value,
                max,
                text: self.text.clone(),
            }
            .serialize(s)
        } else if self.exactness == Exactness::Exact && self.text.is_none() {
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
                use serde::de::Error;
                let o =
                    CountAnyObject::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                match (o.value, o.min, o.max) {
                    (Some(value), None, None) => Ok(Count {
                        value: whole(JsonNumber::Unsigned(value), Quantity::Count)?,
                        exactness: o.exactness.unwrap_or_default(),
                        text: o.text,
                        max: None,
                    }),
                    (None, Some(min), Some(max)) if o.exactness.is_none() => Ok(Count {
                        value: whole(JsonNumber::Unsigned(min), Quantity::Count)?,
                        exactness: Exactness::Exact,
                        text: o.text,
                        max: Some(whole(JsonNumber::Unsigned(max), Quantity::Count)?),
                    }),
                    (None, None, None) => Err(A::Error::missing_field("value")),
                    _ => Err(A::Error::custom(
                        "a count object has either `value` (with `exactness`) or `min` and `max` (a range)",
                    )),
                }
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
        let range = generator.subschema_for::<CountRange>();
        schemars::json_schema!({
            "description": "A count: a non-negative integer (exact), an object with the exactness the source states, or a range {\"min\", \"max\"} (\"8–12\"). / Số lượng: số nguyên không âm, đối tượng kèm mức độ chính xác, hoặc khoảng {\"min\", \"max\"}.",
            "oneOf": [
                {"type": "integer", "minimum": 0, "maximum": MAX_VND},
                obj,
                range
            ],
        })
    }
}

impl From<Vnd> for Amount {
    fn from(vnd: Vnd) -> Self {
        Self::exact(vnd)
    }
}

/// A percentage as a document states it ("chiếm 18,4 %", "tăng 15 %"): a decimal string
/// with a dot, e.g. `"18.4"`, `"-5"`, `"120.50"`. The digits after the dot are the rounding
/// the text uses (`"18.4"`: to 0.1 point), so a recomputed share is compared within it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Percent {
    written: String,
    value: rust_decimal::Decimal,
    decimals: u32,
}

/// The pattern of a [`Percent`] (also its JSON Schema pattern).
pub const PERCENT_PATTERN: &str = "^-?(0|[1-9][0-9]{0,6})(\\.[0-9]{1,6})?$";

impl Percent {
    /// Reads a percentage written as the pattern [`PERCENT_PATTERN`] says.
    pub fn parse(s: &str) -> Option<Self> {
        let body = s.strip_prefix('-').unwrap_or(s);
        let (int, frac) = match body.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (body, None),
        };
        let int_ok = !int.is_empty()
            && int.len() <= 7
            && int.bytes().all(|b| b.is_ascii_digit())
            && (int == "0" || !int.starts_with('0'));
        let frac_ok = frac
            .is_none_or(|f| (1..=6).contains(&f.len()) && f.bytes().all(|b| b.is_ascii_digit()));
        if !(int_ok && frac_ok) {
            return None;
        }
        let value = s.parse::<rust_decimal::Decimal>().ok()?;
        Some(Self {
            written: s.to_owned(),
            value,
            decimals: frac.map_or(0, |f| u32::try_from(f.len()).unwrap_or(6)),
        })
    }

    /// The value in percent (18.4 for "18.4").
    pub const fn value(&self) -> rust_decimal::Decimal {
        self.value
    }

    /// The rounding unit the text uses, in percent (0.1 for "18.4", 1 for "15").
    pub fn unit(&self) -> rust_decimal::Decimal {
        rust_decimal::Decimal::new(1, self.decimals)
    }

    /// The percentage as written.
    pub fn as_str(&self) -> &str {
        &self.written
    }
}

impl Serialize for Percent {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.written)
    }
}

impl<'de> Deserialize<'de> for Percent {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Self::parse(&s).ok_or_else(|| {
            serde::de::Error::custom(format_args!(
                "percentage `{s}` must be a decimal written with a dot, e.g. \"18.4\""
            ))
        })
    }
}

impl JsonSchema for Percent {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Percent".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A percentage written as a decimal string with a dot, e.g. \"18.4\" for \"18,4 %\"; the digits after the dot are the rounding the text uses. / Tỷ lệ phần trăm, viết dạng chuỗi số thập phân dùng dấu chấm (\"18.4\" cho \"18,4 %\").",
            "type": "string",
            "pattern": PERCENT_PATTERN,
        })
    }
}
