//! Export to JSON Lines and import back, exactly.
//!
//! The first line describes the export: `{"format": "khuyencong-register", "schema_version":
//! N, "tables": {"documents": ["id", "batch", …], …}}`. Every other line is one row:
//! `{"table": "documents", "row": {"id": 1, …}}`, tables in the order of their references and
//! rows in key order, so that two exports of the same register are the same bytes. Integers
//! are JSON numbers, text is a string, NULL is `null`, and bytes (document bodies) are
//! `{"utf8": "…"}` when they are UTF-8 text, else `{"hex": "…"}`.

use std::io::{BufRead, Write};

use serde_json::{Map, Value as Json, json};

use crate::db::{Db, Dialect, Value, hex, unhex};
use crate::schema::{self, ID_TABLES, SCHEMA_VERSION, TABLES};
use crate::{Register, RegisterError};

const FORMAT: &str = "khuyencong-register";

fn io(e: &std::io::Error) -> RegisterError {
    RegisterError::Io(format!("cannot write the export: {e}"))
}

fn to_json(v: &Value) -> Json {
    match v {
        Value::Bytes(b) => match std::str::from_utf8(b) {
            Ok(s) => json!({ "utf8": s }),
            Err(_) => json!({ "hex": hex(b) }),
        },
        other => other.to_json(),
    }
}

fn from_json(v: &Json) -> Option<Value> {
    Some(match v {
        Json::Null => Value::Null,
        Json::Number(n) => Value::Int(n.as_i64()?),
        Json::String(s) => Value::Text(s.clone()),
        Json::Object(o) if o.len() == 1 => {
            if let Some(Json::String(s)) = o.get("utf8") {
                Value::Bytes(s.as_bytes().to_vec())
            } else if let Some(Json::String(s)) = o.get("hex") {
                Value::Bytes(unhex(s)?)
            } else {
                return None;
            }
        }
        _ => return None,
    })
}

fn tables_at(version: i64) -> impl Iterator<Item = &'static (&'static str, &'static str, i64)> {
    TABLES.iter().filter(move |(_, _, since)| *since <= version)
}

impl Register {
    /// Writes the whole register as JSON Lines (one consistent snapshot); returns the number
    /// of rows written.
    ///
    /// # Errors
    /// The database refused a query; writing failed.
    pub fn export(&mut self, out: &mut dyn Write) -> Result<u64, RegisterError> {
        self.db.read(|db| {
            let version = schema::version(db)?;
            let mut columns = Map::new();
            let mut all = Vec::new();
            for (table, order, _) in tables_at(version) {
                let cols = schema::columns(db, table)?;
                columns.insert((*table).to_owned(), json!(cols));
                all.push((*table, *order, cols));
            }
            let header = json!({
                "format": FORMAT,
                "schema_version": version,
                "tables": Json::Object(columns),
            });
            writeln!(out, "{header}").map_err(|e| io(&e))?;
            let mut n = 0;
            for (table, order, cols) in all {
                let list = cols.join(", ");
                let rows =
                    db.query(&format!("SELECT {list} FROM {table} ORDER BY {order}"), &[])?;
                for r in rows {
                    let row: Map<String, Json> =
                        cols.iter().cloned().zip(r.iter().map(to_json)).collect();
                    let line = json!({ "table": table, "row": Json::Object(row) });
                    writeln!(out, "{line}").map_err(|e| io(&e))?;
                    n += 1;
                }
            }
            out.flush().map_err(|e| io(&e))?;
            Ok(n)
        })
    }

    /// Reads an export into a new register at `target` (a SQLite path that does not exist
    /// yet or is empty, or an empty PostgreSQL database), in one transaction, then brings it
    /// up to this library's schema version. Returns the register and the number of rows read.
    ///
    /// # Errors
    /// The target already holds a register; a line of the export is not valid (its number is
    /// given); the database refused a row (nothing is kept).
    pub fn import(target: &str, input: &mut dyn BufRead) -> Result<(Self, u64), RegisterError> {
        let mut lines = input.lines();
        let bad = |line: u64, message: String| RegisterError::Import { line, message };
        let header: Json = match lines.next() {
            Some(Ok(l)) => serde_json::from_str(&l).map_err(|e| bad(1, e.to_string()))?,
            Some(Err(e)) => return Err(RegisterError::Io(format!("cannot read the export: {e}"))),
            None => return Err(bad(1, "the export is empty".to_owned())),
        };
        if header.get("format").and_then(Json::as_str) != Some(FORMAT) {
            return Err(bad(
                1,
                format!("not an export of a khuyencong register (no \"format\": \"{FORMAT}\")"),
            ));
        }
        let version = header
            .get("schema_version")
            .and_then(Json::as_i64)
            .filter(|v| (1..=SCHEMA_VERSION).contains(v))
            .ok_or_else(|| {
                bad(
                    1,
                    format!("schema_version must be between 1 and {SCHEMA_VERSION}"),
                )
            })?;
        let mut db = Db::open(target, true)?;
        if schema::version(&mut db)? != 0 {
            return Err(RegisterError::invalid(
                format!("`{target}` already holds a register: import into a new one"),
                format!("`{target}` đã có sổ đăng ký: hãy nhập vào một sổ mới"),
            ));
        }
        let known: Vec<&str> = tables_at(version).map(|(t, _, _)| *t).collect();
        let mut n = 0u64;
        // The tables and the rows in one transaction: a failed import leaves nothing behind,
        // and the same target can be used again.
        db.write(|db| {
            if schema::version(db)? != 0 {
                return Err(RegisterError::invalid(
                    format!("`{target}` already holds a register: import into a new one"),
                    format!("`{target}` đã có sổ đăng ký: hãy nhập vào một sổ mới"),
                ));
            }
            for m in schema::MIGRATIONS.iter().filter(|m| m.version <= version) {
                schema::apply(db, m)?;
            }
            // The export carries its own schema_migrations rows.
            db.execute("DELETE FROM schema_migrations", &[])?;
            let mut number = 1u64;
            let mut superseded = Vec::new();
            for line in lines {
                number += 1;
                let line =
                    line.map_err(|e| RegisterError::Io(format!("cannot read the export: {e}")))?;
                if line.trim().is_empty() {
                    continue;
                }
                let record: Json =
                    serde_json::from_str(&line).map_err(|e| bad(number, e.to_string()))?;
                let table = record
                    .get("table")
                    .and_then(Json::as_str)
                    .filter(|t| known.contains(t))
                    .ok_or_else(|| bad(number, "no known \"table\"".to_owned()))?;
                let row = record
                    .get("row")
                    .and_then(Json::as_object)
                    .ok_or_else(|| bad(number, "no \"row\" object".to_owned()))?;
                let mut cols = Vec::with_capacity(row.len());
                let mut values = Vec::with_capacity(row.len());
                for (k, v) in row {
                    if !k.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
                        return Err(bad(number, format!("invalid column name `{k}`")));
                    }
                    let value =
                        from_json(v).ok_or_else(|| bad(number, format!("invalid value of `{k}`")))?;
                    // A document points to the later version that superseded it: set once
                    // every document is in.
                    if table == "documents" && k == "superseded_by" {
                        if value != Value::Null {
                            let id = row.get("id").and_then(Json::as_i64).ok_or_else(|| {
                                bad(number, "a document without an integer id".to_owned())
                            })?;
                            superseded.push((id, value, number));
                        }
                        continue;
                    }
                    cols.push(k.as_str());
                    values.push(value);
                }
                let marks = vec!["?"; cols.len()].join(", ");
                db.execute(
                    &format!("INSERT INTO {table} ({}) VALUES ({marks})", cols.join(", ")),
                    &values,
                )
                .map_err(|e| bad(number, e.to_string()))?;
                n += 1;
            }
            for (id, by, number) in superseded {
                db.execute(
                    "UPDATE documents SET superseded_by = ? WHERE id = ?",
                    &[by, id.into()],
                )
                .map_err(|e| bad(number, e.to_string()))?;
            }
            if db.dialect() == Dialect::Postgres {
                for table in ID_TABLES.iter().filter(|t| known.contains(t)) {
                    db.batch(&format!(
                        "SELECT setval(pg_get_serial_sequence('{table}', 'id'), COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"
                    ))?;
                }
            }
            if schema::version(db)? != version {
                return Err(bad(
                    number,
                    "the export's schema_migrations rows do not match its schema_version".to_owned(),
                ));
            }
            Ok(())
        })?;
        schema::migrate_to(&mut db, SCHEMA_VERSION)?;
        Ok((
            Self {
                db,
                target: target.to_owned(),
            },
            n,
        ))
    }
}
