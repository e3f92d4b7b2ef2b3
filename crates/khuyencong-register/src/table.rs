//! The answer to a question: named columns and rows of values, for the command line (table,
//! CSV, JSON) and for Python (a list of dicts, then a DataFrame).

use serde::ser::{SerializeMap, SerializeSeq};

use crate::db::Value;

/// Rows with named columns.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table {
    /// The column names.
    pub columns: Vec<String>,
    /// The rows, each with one value per column.
    pub rows: Vec<Vec<Value>>,
}

impl Table {
    /// An empty table with these columns.
    pub fn new(columns: &[&str]) -> Self {
        Self {
            columns: columns.iter().map(|c| (*c).to_owned()).collect(),
            rows: Vec::new(),
        }
    }

    /// The index of a column.
    pub fn index(&self, column: &str) -> Option<usize> {
        self.columns.iter().position(|c| c == column)
    }

    /// The values of a column, in row order.
    pub fn column(&self, column: &str) -> Vec<&Value> {
        self.index(column)
            .map(|i| self.rows.iter().filter_map(|r| r.get(i)).collect())
            .unwrap_or_default()
    }

    /// The rows as JSON objects (keys in column order when written).
    pub fn to_json_rows(&self) -> Vec<serde_json::Value> {
        self.rows
            .iter()
            .map(|r| {
                serde_json::Value::Object(
                    self.columns
                        .iter()
                        .cloned()
                        .zip(r.iter().map(Value::to_json))
                        .collect(),
                )
            })
            .collect()
    }
}

/// Serialised as a list of objects, each with its keys in column order.
impl serde::Serialize for Table {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct Row<'a>(&'a [String], &'a [Value]);
        impl serde::Serialize for Row<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut m = s.serialize_map(Some(self.0.len()))?;
                for (k, v) in self.0.iter().zip(self.1) {
                    m.serialize_entry(k, &v.to_json())?;
                }
                m.end()
            }
        }
        let mut seq = s.serialize_seq(Some(self.rows.len()))?;
        for r in &self.rows {
            seq.serialize_element(&Row(&self.columns, r))?;
        }
        seq.end()
    }
}
