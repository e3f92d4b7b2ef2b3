//! The example documents of `docs/examples`, embedded at build time: one becomes the
//! example rows of each template, and their key order gives the templates their column order
//! (the JSON Schema lists properties alphabetically).

use std::collections::BTreeMap;

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

include!(concat!(env!("OUT_DIR"), "/examples.rs"));

/// Records the order of keys of every object, by path (`approval`, `funding.lines.*`).
struct Order<'a> {
    path: String,
    out: &'a mut BTreeMap<String, Vec<String>>,
}

impl<'de> DeserializeSeed<'de> for Order<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Order<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut previous: Option<usize> = None;
        while let Some(key) = map.next_key::<String>()? {
            let list = self.out.entry(self.path.clone()).or_default();
            // A stable merge of the orders of several documents: a key not seen before
            // goes right after the key that preceded it here.
            let at = if let Some(i) = list.iter().position(|k| *k == key) {
                i
            } else {
                let i = previous.map_or(list.len(), |p| p + 1);
                list.insert(i, key.clone());
                i
            };
            previous = Some(at);
            let path = if self.path.is_empty() {
                key
            } else {
                format!("{}.{key}", self.path)
            };
            map.next_value_seed(Order {
                path,
                out: self.out,
            })?;
        }
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let path = if self.path.is_empty() {
            "*".to_owned()
        } else {
            format!("{}.*", self.path)
        };
        while seq
            .next_element_seed(Order {
                path: path.clone(),
                out: self.out,
            })?
            .is_some()
        {}
        Ok(())
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
}

fn kind_of(text: &str) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Probe {
        kind: Option<String>,
    }
    serde_json::from_str::<Probe>(text).ok()?.kind
}

/// The key order of the example documents of a kind, by object path.
pub fn key_order(kind: &str) -> BTreeMap<String, Vec<String>> {
    let mut out = BTreeMap::new();
    for (_, text) in EXAMPLES {
        if kind_of(text).as_deref() != Some(kind) {
            continue;
        }
        let mut de = serde_json::Deserializer::from_str(text);
        let seed = Order {
            path: String::new(),
            out: &mut out,
        };
        // An unreadable example only loses its order; the tests read every example.
        let _ = seed.deserialize(&mut de);
    }
    out
}

/// The example document of a kind, as the core reads and writes it (so that an example
/// file in an older format version appears in the current one): the one of the examples
/// of this kind that reads without a structural problem and has the longest JSON form (it
/// shows the most columns); `None` when there is none.
pub fn example(kind: &str) -> Option<(&'static str, Value)> {
    EXAMPLES
        .iter()
        .filter(|(_, text)| kind_of(text).as_deref() == Some(kind))
        .filter_map(|(name, text)| {
            let document = khuyencong::document::parse(text.as_bytes()).ok()?;
            let value = serde_json::to_value(&document).ok()?;
            let size = value.to_string().len();
            Some((size, *name, value))
        })
        .max_by(|a, b| a.0.cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, name, value)| (name, value))
}
