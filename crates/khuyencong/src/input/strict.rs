//! A deserializer wrapper that holds every type read from JSON to what the JSON Schemas say,
//! whatever its `Deserialize` implementation allows:
//!
//! - an object (a struct) only as a JSON object — serde's derived visitors also accept a
//!   positional array (`"approval": ["QĐ…", "2022-06-01"]`), which no schema allows;
//! - an enum only as its code, a string — serde also accepts `{"code": null}`;
//! - nesting at most [`MAX_DEPTH`] levels, so that the stack a read needs
//!   is bounded whatever the input and whatever thread reads it;
//! - at the top level, a `"$schema"` string member is allowed and skipped (instances may
//!   name their schema, as the published schemas allow).
//!
//! It wraps every nested deserializer (through the visitors, sequence, map and enum accesses
//! and seeds), so every type is covered, including types added later.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IntoDeserializer, Visitor};

use super::MAX_DEPTH;

/// Reads a `T` from JSON bytes through the strict wrapper; trailing text is an error.
pub(crate) fn from_slice<'de, T: de::Deserialize<'de>>(bytes: &'de [u8]) -> serde_json::Result<T> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let value = T::deserialize(Strict::root(&mut de))?;
    de.end()?;
    Ok(value)
}

/// Reads a `T` from JSON text through the strict wrapper; trailing text is an error.
///
/// For input already checked to be UTF-8 as a whole (the fast path of documents): one
/// check of the whole input is quicker than serde_json's check of each string read from
/// bytes, and accepts exactly the same inputs (a byte outside ASCII can only stand inside
/// a string of well-formed JSON).
pub(crate) fn from_str<'de, T: de::Deserialize<'de>>(text: &'de str) -> serde_json::Result<T> {
    let mut de = serde_json::Deserializer::from_str(text);
    // The result is returned as the reader made it (a document is several kilobytes: taking
    // it out of the `Result` and wrapping it again would copy it).
    let mut read = T::deserialize(Strict::root(&mut de));
    if read.is_ok()
        && let Err(e) = de.end()
    {
        read = Err(e);
    }
    read
}

/// Reads a `T` from a JSON value through the strict wrapper (the structural report's pruned
/// value, natively; see `document::read_pruned`).
#[cfg(any(test, not(target_arch = "wasm32")))]
pub(crate) fn from_value<T: de::DeserializeOwned>(
    value: serde_json::Value,
) -> serde_json::Result<T> {
    T::deserialize(Strict::root(value))
}

/// The wrapper around a deserializer, at a nesting depth.
pub(crate) struct Strict<D> {
    de: D,
    depth: usize,
    top: bool,
}

impl<D> Strict<D> {
    /// The wrapper for a whole input.
    pub(crate) const fn root(de: D) -> Self {
        Self {
            de,
            depth: 0,
            top: true,
        }
    }

    const fn nested(de: D, depth: usize) -> Self {
        Self {
            de,
            depth,
            top: false,
        }
    }
}

/// A visitor wrapped so that what it reads next is read strictly too.
struct Wrap<V> {
    visitor: V,
    depth: usize,
    top: bool,
}

impl<V> Wrap<V> {
    const fn new(visitor: V, depth: usize) -> Self {
        Self {
            visitor,
            depth,
            top: false,
        }
    }
}

macro_rules! forward {
    ($($method:ident)*) => {
        $(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
                self.de.$method(Wrap::new(visitor, self.depth))
            }
        )*
    };
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Strict<D> {
    type Error = D::Error;

    forward! {
        deserialize_any deserialize_bool deserialize_i8 deserialize_i16 deserialize_i32
        deserialize_i64 deserialize_i128 deserialize_u8 deserialize_u16 deserialize_u32
        deserialize_u64 deserialize_u128 deserialize_f32 deserialize_f64 deserialize_char
        deserialize_str deserialize_string deserialize_bytes deserialize_byte_buf
        deserialize_option deserialize_unit deserialize_seq deserialize_map
        deserialize_identifier deserialize_ignored_any
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.de
            .deserialize_unit_struct(name, Wrap::new(visitor, self.depth))
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.de
            .deserialize_newtype_struct(name, Wrap::new(visitor, self.depth))
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.de
            .deserialize_tuple(len, Wrap::new(visitor, self.depth))
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.de
            .deserialize_tuple_struct(name, len, Wrap::new(visitor, self.depth))
    }

    /// An object only as a JSON object: asked for a map, the reader refuses an array.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        let mut wrap = Wrap::new(visitor, self.depth);
        wrap.top = self.top;
        self.de.deserialize_map(wrap)
    }

    /// An enum only as its code: a string, read as a unit variant.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.de.deserialize_str(EnumFromStr(visitor))
    }

    fn is_human_readable(&self) -> bool {
        self.de.is_human_readable()
    }
}

fn too_deep<E: de::Error>() -> E {
    E::custom(format_args!(
        "the JSON is nested more than {MAX_DEPTH} levels deep"
    ))
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Wrap<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.visitor.expecting(f)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<V::Value, E> {
        self.visitor.visit_bool(v)
    }
    fn visit_i8<E: de::Error>(self, v: i8) -> Result<V::Value, E> {
        self.visitor.visit_i8(v)
    }
    fn visit_i16<E: de::Error>(self, v: i16) -> Result<V::Value, E> {
        self.visitor.visit_i16(v)
    }
    fn visit_i32<E: de::Error>(self, v: i32) -> Result<V::Value, E> {
        self.visitor.visit_i32(v)
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<V::Value, E> {
        self.visitor.visit_i64(v)
    }
    fn visit_i128<E: de::Error>(self, v: i128) -> Result<V::Value, E> {
        self.visitor.visit_i128(v)
    }
    fn visit_u8<E: de::Error>(self, v: u8) -> Result<V::Value, E> {
        self.visitor.visit_u8(v)
    }
    fn visit_u16<E: de::Error>(self, v: u16) -> Result<V::Value, E> {
        self.visitor.visit_u16(v)
    }
    fn visit_u32<E: de::Error>(self, v: u32) -> Result<V::Value, E> {
        self.visitor.visit_u32(v)
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<V::Value, E> {
        self.visitor.visit_u64(v)
    }
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<V::Value, E> {
        self.visitor.visit_u128(v)
    }
    fn visit_f32<E: de::Error>(self, v: f32) -> Result<V::Value, E> {
        self.visitor.visit_f32(v)
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<V::Value, E> {
        self.visitor.visit_f64(v)
    }
    fn visit_char<E: de::Error>(self, v: char) -> Result<V::Value, E> {
        self.visitor.visit_char(v)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<V::Value, E> {
        self.visitor.visit_str(v)
    }
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<V::Value, E> {
        self.visitor.visit_borrowed_str(v)
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<V::Value, E> {
        self.visitor.visit_string(v)
    }
    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<V::Value, E> {
        self.visitor.visit_bytes(v)
    }
    fn visit_borrowed_bytes<E: de::Error>(self, v: &'de [u8]) -> Result<V::Value, E> {
        self.visitor.visit_borrowed_bytes(v)
    }
    fn visit_byte_buf<E: de::Error>(self, v: Vec<u8>) -> Result<V::Value, E> {
        self.visitor.visit_byte_buf(v)
    }
    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        self.visitor.visit_none()
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        self.visitor.visit_some(Strict::nested(d, self.depth))
    }
    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        self.visitor.visit_unit()
    }
    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        self.visitor
            .visit_newtype_struct(Strict::nested(d, self.depth))
    }
    fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        let depth = self.depth + 1;
        if depth > MAX_DEPTH {
            return Err(too_deep());
        }
        self.visitor.visit_seq(Seq { seq, depth })
    }
    fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        let depth = self.depth + 1;
        if depth > MAX_DEPTH {
            return Err(too_deep());
        }
        self.visitor.visit_map(Map {
            access: map,
            depth,
            skip_schema: self.top,
        })
    }
    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<V::Value, A::Error> {
        self.visitor.visit_enum(Enum {
            data,
            depth: self.depth,
        })
    }
}

/// A seed that reads its value strictly.
struct Seed<S> {
    seed: S,
    depth: usize,
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for Seed<S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<S::Value, D::Error> {
        self.seed.deserialize(Strict::nested(d, self.depth))
    }
}

struct Seq<A> {
    seq: A,
    depth: usize,
}

impl<'de, A: de::SeqAccess<'de>> de::SeqAccess<'de> for Seq<A> {
    type Error = A::Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, A::Error> {
        self.seq.next_element_seed(Seed {
            seed,
            depth: self.depth,
        })
    }

    fn size_hint(&self) -> Option<usize> {
        self.seq.size_hint()
    }
}

struct Map<A> {
    access: A,
    depth: usize,
    skip_schema: bool,
}

/// A key read as text (borrowed from the input when it can be).
enum Key<'de> {
    Borrowed(&'de str),
    Owned(String),
}

struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Key<'de>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Key<'de>, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key::Borrowed(v))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key::Owned(v.to_owned()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Key<'de>, E> {
                Ok(Key::Owned(v))
            }
        }
        d.deserialize_str(V)
    }
}

/// The value of a top-level `"$schema"`: any string, not kept.
struct SchemaUri;

impl<'de> de::Deserialize<'de> for SchemaUri {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = SchemaUri;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("the URI of a JSON Schema, a string")
            }
            fn visit_str<E: de::Error>(self, _: &str) -> Result<SchemaUri, E> {
                Ok(SchemaUri)
            }
        }
        d.deserialize_str(V)
    }
}

impl<'de, A: de::MapAccess<'de>> de::MapAccess<'de> for Map<A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        if !self.skip_schema {
            return self.access.next_key_seed(Seed {
                seed,
                depth: self.depth,
            });
        }
        // The top-level object: look at each key first, to skip `$schema`.
        loop {
            let Some(key) = self.access.next_key_seed(KeySeed)? else {
                return Ok(None);
            };
            let is_schema = match &key {
                Key::Borrowed(k) => *k == "$schema",
                Key::Owned(k) => k == "$schema",
            };
            if is_schema {
                self.access.next_value::<SchemaUri>()?;
                continue;
            }
            return match key {
                Key::Borrowed(k) => seed
                    .deserialize(de::value::BorrowedStrDeserializer::new(k))
                    .map(Some),
                Key::Owned(k) => seed.deserialize(k.into_deserializer()).map(Some),
            };
        }
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, A::Error> {
        self.access.next_value_seed(Seed {
            seed,
            depth: self.depth,
        })
    }

    fn size_hint(&self) -> Option<usize> {
        self.access.size_hint()
    }
}

struct Enum<A> {
    data: A,
    depth: usize,
}

impl<'de, A: de::EnumAccess<'de>> de::EnumAccess<'de> for Enum<A> {
    type Error = A::Error;
    type Variant = Variant<A::Variant>;

    fn variant_seed<V: DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> Result<(V::Value, Self::Variant), A::Error> {
        let depth = self.depth;
        self.data
            .variant_seed(Seed { seed, depth })
            .map(|(v, variant)| (v, Variant { variant, depth }))
    }
}

struct Variant<A> {
    variant: A,
    depth: usize,
}

impl<'de, A: de::VariantAccess<'de>> de::VariantAccess<'de> for Variant<A> {
    type Error = A::Error;

    fn unit_variant(self) -> Result<(), A::Error> {
        self.variant.unit_variant()
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, A::Error> {
        self.variant.newtype_variant_seed(Seed {
            seed,
            depth: self.depth,
        })
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, A::Error> {
        self.variant
            .tuple_variant(len, Wrap::new(visitor, self.depth))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        self.variant
            .struct_variant(fields, Wrap::new(visitor, self.depth))
    }
}

/// Reads an enum from a string only: the string names a unit variant.
struct EnumFromStr<V>(V);

impl<'de, V: Visitor<'de>> Visitor<'de> for EnumFromStr<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.expecting(f)
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<V::Value, E> {
        self.0
            .visit_enum(de::value::BorrowedStrDeserializer::<E>::new(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<V::Value, E> {
        self.0.visit_enum(de::value::StrDeserializer::<E>::new(v))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<V::Value, E> {
        self.0.visit_enum(v.into_deserializer())
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use super::{from_slice, from_value};

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Point {
        x: u32,
        y: Option<Colour>,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(rename_all = "snake_case")]
    enum Colour {
        Red,
    }

    #[test]
    fn objects_only_as_objects() {
        assert!(serde_json::from_slice::<Point>(b"[1, null]").is_ok());
        assert!(from_slice::<Point>(b"[1, null]").is_err());
        assert!(from_slice::<Vec<Point>>(br#"[{"x": 1}, [2, null]]"#).is_err());
        assert_eq!(
            from_slice::<Point>(br#"{"x": 1, "y": "red"}"#).ok(),
            Some(Point {
                x: 1,
                y: Some(Colour::Red)
            })
        );
        assert!(from_value::<Point>(serde_json::json!([1, null])).is_err());
    }

    #[test]
    fn enums_only_as_codes() {
        assert!(serde_json::from_slice::<Colour>(br#"{"red": null}"#).is_ok());
        assert!(from_slice::<Colour>(br#"{"red": null}"#).is_err());
        assert!(from_slice::<Colour>(br#""blue""#).is_err());
        assert!(from_value::<Colour>(serde_json::json!("red")).is_ok());
    }

    #[test]
    fn schema_only_at_the_top() {
        assert!(from_slice::<Point>(br#"{"$schema": "urn:x", "x": 1}"#).is_ok());
        assert!(from_slice::<Point>(br#"{"$schema": 1, "x": 1}"#).is_err());
        assert!(from_slice::<Vec<Point>>(br#"[{"$schema": "urn:x", "x": 1}]"#).is_err());
    }

    #[test]
    fn nesting_is_bounded() {
        let ok = format!("{}{}", "[".repeat(32), "]".repeat(32));
        assert!(from_slice::<serde_json::Value>(ok.as_bytes()).is_ok());
        let deep = format!("{}{}", "[".repeat(33), "]".repeat(33));
        assert!(from_slice::<serde_json::Value>(deep.as_bytes()).is_err());
    }
}
