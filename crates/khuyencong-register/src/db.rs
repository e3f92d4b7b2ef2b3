//! The two databases behind one small interface: SQLite (rusqlite, compiled in) and
//! PostgreSQL (the synchronous `postgres` client).
//!
//! Statements are written once, with `?` placeholders, in the SQL both databases speak; for
//! PostgreSQL the placeholders become `$1, $2, …`. Values cross the interface as [`Value`]:
//! integers (every integer column is `BIGINT`, money is whole đồng and fits in 53 bits), text,
//! bytes and NULL. Nothing here knows the law.

use std::fmt;
use std::time::Duration;

use crate::RegisterError;

/// One value of a row or a parameter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// SQL NULL.
    Null,
    /// A `BIGINT` (SQLite INTEGER).
    Int(i64),
    /// A `TEXT`.
    Text(String),
    /// A `BYTEA` (SQLite BLOB).
    Bytes(Vec<u8>),
}

impl Value {
    /// The integer, if this is one.
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Self::Int(i) => Some(*i),
            _ => None,
        }
    }

    /// The text, if this is text.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Self::Text(s) => Some(s),
            _ => None,
        }
    }

    /// The text, owned, if this is text.
    pub fn into_string(self) -> Option<String> {
        match self {
            Self::Text(s) => Some(s),
            _ => None,
        }
    }

    /// The value as JSON: numbers, strings, `null`; bytes as `{"hex": "…"}`.
    pub fn to_json(&self) -> serde_json::Value {
        match self {
            Self::Null => serde_json::Value::Null,
            Self::Int(i) => (*i).into(),
            Self::Text(s) => s.clone().into(),
            Self::Bytes(b) => serde_json::json!({ "hex": hex(b) }),
        }
    }
}

impl From<i64> for Value {
    fn from(v: i64) -> Self {
        Self::Int(v)
    }
}

impl From<&str> for Value {
    fn from(v: &str) -> Self {
        Self::Text(v.to_owned())
    }
}

impl From<String> for Value {
    fn from(v: String) -> Self {
        Self::Text(v)
    }
}

impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(v: Option<T>) -> Self {
        v.map_or(Self::Null, Into::into)
    }
}

/// Bytes as lower-case hexadecimal.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(char::from(DIGITS[usize::from(b >> 4)]));
        s.push(char::from(DIGITS[usize::from(b & 0xf)]));
    }
    s
}

/// Hexadecimal back to bytes; `None` if it is not an even run of hex digits.
pub fn unhex(s: &str) -> Option<Vec<u8>> {
    fn digit(c: u8) -> Option<u8> {
        match c {
            b'0'..=b'9' => Some(c - b'0'),
            b'a'..=b'f' => Some(c - b'a' + 10),
            b'A'..=b'F' => Some(c - b'A' + 10),
            _ => None,
        }
    }
    let bytes = s.as_bytes();
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    bytes
        .chunks_exact(2)
        .map(|p| Some(digit(p[0])? << 4 | digit(p[1])?))
        .collect()
}

/// Which database a register lives in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// SQLite (one file).
    Sqlite,
    /// PostgreSQL (a server).
    Postgres,
}

impl fmt::Display for Dialect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Sqlite => "SQLite",
            Self::Postgres => "PostgreSQL",
        })
    }
}

/// An open connection.
pub enum Db {
    /// SQLite.
    Sqlite(rusqlite::Connection),
    /// PostgreSQL.
    Postgres(Box<Pg>),
}

/// A PostgreSQL connection with its prepared statements (one round trip per statement
/// instead of two).
pub struct Pg {
    client: postgres::Client,
    statements: std::collections::HashMap<String, postgres::Statement>,
}

impl std::ops::Deref for Pg {
    type Target = postgres::Client;
    fn deref(&self) -> &postgres::Client {
        &self.client
    }
}

impl std::ops::DerefMut for Pg {
    fn deref_mut(&mut self) -> &mut postgres::Client {
        &mut self.client
    }
}

impl Pg {
    fn statement(&mut self, sql: &str) -> Result<postgres::Statement, RegisterError> {
        if let Some(s) = self.statements.get(sql) {
            return Ok(s.clone());
        }
        let s = self.client.prepare(&numbered(sql)).map_err(db_error)?;
        self.statements.insert(sql.to_owned(), s.clone());
        Ok(s)
    }
}

/// Column names and rows of text (`None` for NULL), as [`Db::query_text`] returns them.
pub type TextRows = (Vec<String>, Vec<Vec<Option<String>>>);

/// How long a writer waits for another writer's transaction before giving up.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(60);

fn db_error(e: impl fmt::Display) -> RegisterError {
    RegisterError::Database(e.to_string())
}

impl Db {
    /// Opens `target`: a `postgres://` or `postgresql://` URL, else a SQLite file path
    /// (created if missing when `create` is set).
    pub fn open(target: &str, create: bool) -> Result<Self, RegisterError> {
        if target.starts_with("postgres://") || target.starts_with("postgresql://") {
            let client = postgres::Client::connect(target, postgres::NoTls).map_err(|e| {
                RegisterError::Connect(format!("{target_safe}: {e}", target_safe = redact(target)))
            })?;
            let mut db = Self::Postgres(Box::new(Pg {
                client,
                statements: std::collections::HashMap::new(),
            }));
            // Messages of the server in English, so errors read the same everywhere; times in UTC.
            db.batch("SET lc_messages TO 'C'; SET TIME ZONE 'UTC'")
                .or_else(|_| db.batch("SET TIME ZONE 'UTC'"))?;
            return Ok(db);
        }
        let path = std::path::Path::new(target);
        if !create && !path.exists() {
            return Err(RegisterError::NoRegister(target.to_owned()));
        }
        let flags = if create {
            rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE | rusqlite::OpenFlags::SQLITE_OPEN_CREATE
        } else {
            rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE
        } | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX
            | rusqlite::OpenFlags::SQLITE_OPEN_URI;
        let conn = rusqlite::Connection::open_with_flags(path, flags)
            .map_err(|e| RegisterError::Connect(format!("{target}: {e}")))?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(db_error)?;
        // WAL: readers do not block the writer; FULL synchronous: a committed batch survives a
        // power cut. Foreign keys are enforced as on PostgreSQL.
        conn.execute_batch(
            "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;",
        )
        .map_err(|e| RegisterError::Connect(format!("{target}: {e}")))?;
        Ok(Self::Sqlite(conn))
    }

    /// The dialect.
    pub fn dialect(&self) -> Dialect {
        match self {
            Self::Sqlite(_) => Dialect::Sqlite,
            Self::Postgres(_) => Dialect::Postgres,
        }
    }

    /// Runs several statements without parameters.
    pub fn batch(&mut self, sql: &str) -> Result<(), RegisterError> {
        match self {
            Self::Sqlite(c) => c.execute_batch(sql).map_err(db_error),
            Self::Postgres(c) => c.batch_execute(sql).map_err(db_error),
        }
    }

    /// Starts a writing transaction. SQLite takes the write lock at once (`IMMEDIATE`), so
    /// two writers never deadlock; PostgreSQL runs at READ COMMITTED and writers take the
    /// register's advisory lock (see [`Db::lock_writers`]).
    pub fn begin(&mut self) -> Result<(), RegisterError> {
        match self {
            Self::Sqlite(c) => c.execute_batch("BEGIN IMMEDIATE").map_err(db_error),
            Self::Postgres(c) => c.batch_execute("BEGIN").map_err(db_error),
        }
    }

    /// Starts a read-only transaction (a consistent snapshot for questions and export).
    pub fn begin_read(&mut self) -> Result<(), RegisterError> {
        match self {
            Self::Sqlite(c) => c.execute_batch("BEGIN DEFERRED").map_err(db_error),
            Self::Postgres(c) => c
                .batch_execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                .map_err(db_error),
        }
    }

    /// Serialises writers on PostgreSQL for the rest of the transaction: version numbers
    /// and links are computed from what is committed, so two intakes must not interleave.
    /// (SQLite's `BEGIN IMMEDIATE` already does this.)
    pub fn lock_writers(&mut self) -> Result<(), RegisterError> {
        match self {
            Self::Sqlite(_) => Ok(()),
            // The key is arbitrary but fixed: "KC" "RG" in ASCII.
            Self::Postgres(c) => c
                .batch_execute("SELECT pg_advisory_xact_lock(1262703431)")
                .map_err(db_error),
        }
    }

    /// Commits.
    pub fn commit(&mut self) -> Result<(), RegisterError> {
        self.batch("COMMIT")
    }

    /// Rolls back, ignoring a failure (the connection may be gone).
    pub fn rollback(&mut self) {
        let _ = self.batch("ROLLBACK");
    }

    /// Runs `f` in a writing transaction: committed if it returns `Ok`, rolled back otherwise.
    pub fn write<T>(
        &mut self,
        f: impl FnOnce(&mut Self) -> Result<T, RegisterError>,
    ) -> Result<T, RegisterError> {
        self.begin()?;
        let result = self.lock_writers().and_then(|()| f(self));
        match result {
            Ok(v) => {
                self.commit()?;
                Ok(v)
            }
            Err(e) => {
                self.rollback();
                Err(e)
            }
        }
    }

    /// Runs `f` in a read-only snapshot.
    pub fn read<T>(
        &mut self,
        f: impl FnOnce(&mut Self) -> Result<T, RegisterError>,
    ) -> Result<T, RegisterError> {
        self.begin_read()?;
        let result = f(self);
        self.rollback();
        result
    }

    /// Runs one statement; returns the number of rows changed.
    pub fn execute(&mut self, sql: &str, params: &[Value]) -> Result<u64, RegisterError> {
        match self {
            Self::Sqlite(c) => {
                let mut stmt = c.prepare_cached(sql).map_err(db_error)?;
                let n = stmt
                    .execute(rusqlite::params_from_iter(params.iter()))
                    .map_err(db_error)?;
                Ok(n as u64)
            }
            Self::Postgres(c) => {
                let stmt = c.statement(sql)?;
                let refs: Vec<&(dyn postgres::types::ToSql + Sync)> =
                    params.iter().map(|p| p as _).collect();
                c.client.execute(&stmt, &refs).map_err(db_error)
            }
        }
    }

    /// Runs an `INSERT … RETURNING id` and returns the id.
    pub fn insert_id(&mut self, sql: &str, params: &[Value]) -> Result<i64, RegisterError> {
        let rows = self.query(&format!("{sql} RETURNING id"), params)?;
        rows.into_iter()
            .next()
            .and_then(|r| r.into_iter().next())
            .and_then(|v| v.as_i64())
            .ok_or_else(|| RegisterError::Database("an insert returned no id".to_owned()))
    }

    /// Runs a query; every row as its values, in column order.
    pub fn query(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Vec<Value>>, RegisterError> {
        match self {
            Self::Sqlite(c) => {
                let mut stmt = c.prepare_cached(sql).map_err(db_error)?;
                let n = stmt.column_count();
                let mut rows = stmt
                    .query(rusqlite::params_from_iter(params.iter()))
                    .map_err(db_error)?;
                let mut out = Vec::new();
                while let Some(row) = rows.next().map_err(db_error)? {
                    let mut values = Vec::with_capacity(n);
                    for i in 0..n {
                        values.push(from_sqlite(row.get_ref(i).map_err(db_error)?)?);
                    }
                    out.push(values);
                }
                Ok(out)
            }
            Self::Postgres(c) => {
                let stmt = c.statement(sql)?;
                let refs: Vec<&(dyn postgres::types::ToSql + Sync)> =
                    params.iter().map(|p| p as _).collect();
                let rows = c.client.query(&stmt, &refs).map_err(db_error)?;
                rows.iter()
                    .map(|row| {
                        (0..row.len())
                            .map(|i| row.try_get::<_, Value>(i).map_err(db_error))
                            .collect()
                    })
                    .collect()
            }
        }
    }

    /// Runs a query written by a person (the `sql` command), read-only, and returns the
    /// column names and every value as text (`None` for NULL).
    pub fn query_text(&mut self, sql: &str) -> Result<TextRows, RegisterError> {
        match self {
            Self::Sqlite(c) => {
                c.execute_batch("PRAGMA query_only = ON")
                    .map_err(db_error)?;
                let result = (|| {
                    let mut stmt = c.prepare(sql).map_err(db_error)?;
                    let names: Vec<String> = stmt
                        .column_names()
                        .iter()
                        .map(|s| (*s).to_owned())
                        .collect();
                    let n = names.len();
                    let mut rows = stmt.query([]).map_err(db_error)?;
                    let mut out = Vec::new();
                    while let Some(row) = rows.next().map_err(db_error)? {
                        let mut values = Vec::with_capacity(n);
                        for i in 0..n {
                            values.push(match row.get_ref(i).map_err(db_error)? {
                                rusqlite::types::ValueRef::Null => None,
                                rusqlite::types::ValueRef::Integer(i) => Some(i.to_string()),
                                rusqlite::types::ValueRef::Real(r) => Some(r.to_string()),
                                rusqlite::types::ValueRef::Text(t) => {
                                    Some(String::from_utf8_lossy(t).into_owned())
                                }
                                rusqlite::types::ValueRef::Blob(b) => {
                                    Some(format!("x'{}'", hex(b)))
                                }
                            });
                        }
                        out.push(values);
                    }
                    Ok((names, out))
                })();
                c.execute_batch("PRAGMA query_only = OFF")
                    .map_err(db_error)?;
                result
            }
            Self::Postgres(c) => {
                // Preparing refuses more than one statement; the text protocol then gives
                // every type as text, in a read-only transaction.
                c.prepare(sql).map_err(db_error)?;
                c.batch_execute("BEGIN READ ONLY").map_err(db_error)?;
                let result = c.simple_query(sql).map_err(db_error);
                let _ = c.batch_execute("ROLLBACK");
                let mut names = Vec::new();
                let mut out = Vec::new();
                for message in result? {
                    match message {
                        postgres::SimpleQueryMessage::RowDescription(cols) => {
                            names = cols.iter().map(|c| c.name().to_owned()).collect();
                        }
                        postgres::SimpleQueryMessage::Row(row) => {
                            if names.is_empty() {
                                names = row.columns().iter().map(|c| c.name().to_owned()).collect();
                            }
                            out.push(
                                (0..row.len())
                                    .map(|i| row.get(i).map(str::to_owned))
                                    .collect(),
                            );
                        }
                        _ => {}
                    }
                }
                Ok((names, out))
            }
        }
    }
}

/// A connection string without its password, for messages.
fn redact(target: &str) -> String {
    // postgres://user:password@host/db → postgres://user:***@host/db
    if let Some(scheme_end) = target.find("://") {
        let rest = &target[scheme_end + 3..];
        if let Some(at) = rest.find('@') {
            let creds = &rest[..at];
            if let Some(colon) = creds.find(':') {
                return format!(
                    "{}{}:***{}",
                    &target[..scheme_end + 3],
                    &creds[..colon],
                    &rest[at..]
                );
            }
        }
    }
    target.to_owned()
}

/// `?` placeholders as PostgreSQL's `$1, $2, …`. Statements of this crate never put `?`
/// inside a literal.
fn numbered(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len() + 16);
    let mut n = 0;
    for c in sql.chars() {
        if c == '?' {
            n += 1;
            out.push('$');
            out.push_str(&n.to_string());
        } else {
            out.push(c);
        }
    }
    out
}

fn from_sqlite(v: rusqlite::types::ValueRef<'_>) -> Result<Value, RegisterError> {
    use rusqlite::types::ValueRef;
    Ok(match v {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => Value::Int(i),
        ValueRef::Text(t) => Value::Text(
            std::str::from_utf8(t)
                .map_err(|e| RegisterError::Database(format!("text that is not UTF-8: {e}")))?
                .to_owned(),
        ),
        ValueRef::Blob(b) => Value::Bytes(b.to_vec()),
        ValueRef::Real(_) => {
            return Err(RegisterError::Database(
                "a real number where the register keeps none".to_owned(),
            ));
        }
    })
}

impl rusqlite::ToSql for Value {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::{ToSqlOutput, ValueRef};
        Ok(match self {
            Self::Null => ToSqlOutput::Borrowed(ValueRef::Null),
            Self::Int(i) => ToSqlOutput::Borrowed(ValueRef::Integer(*i)),
            Self::Text(s) => ToSqlOutput::Borrowed(ValueRef::Text(s.as_bytes())),
            Self::Bytes(b) => ToSqlOutput::Borrowed(ValueRef::Blob(b)),
        })
    }
}

impl postgres::types::ToSql for Value {
    fn to_sql(
        &self,
        ty: &postgres::types::Type,
        out: &mut postgres::types::private::BytesMut,
    ) -> Result<postgres::types::IsNull, Box<dyn std::error::Error + Sync + Send>> {
        use postgres::types::{IsNull, Type};
        match self {
            Self::Null => Ok(IsNull::Yes),
            Self::Int(i) => match *ty {
                Type::INT2 => i16::try_from(*i)?.to_sql(ty, out),
                Type::INT4 => i32::try_from(*i)?.to_sql(ty, out),
                Type::TEXT | Type::VARCHAR => i.to_string().to_sql(ty, out),
                _ => i.to_sql(ty, out),
            },
            Self::Text(s) => s.to_sql(ty, out),
            Self::Bytes(b) => b.to_sql(ty, out),
        }
    }

    fn accepts(_: &postgres::types::Type) -> bool {
        true
    }

    postgres::types::to_sql_checked!();
}

impl<'a> postgres::types::FromSql<'a> for Value {
    fn from_sql(
        ty: &postgres::types::Type,
        raw: &'a [u8],
    ) -> Result<Self, Box<dyn std::error::Error + Sync + Send>> {
        use postgres::types::Type;
        Ok(match *ty {
            Type::INT2 => Self::Int(i16::from_sql(ty, raw)?.into()),
            Type::INT4 => Self::Int(i32::from_sql(ty, raw)?.into()),
            Type::INT8 => Self::Int(i64::from_sql(ty, raw)?),
            Type::BOOL => Self::Int(bool::from_sql(ty, raw)?.into()),
            Type::BYTEA => Self::Bytes(raw.to_vec()),
            _ => Self::Text(String::from_sql(ty, raw)?),
        })
    }

    fn from_sql_null(
        _: &postgres::types::Type,
    ) -> Result<Self, Box<dyn std::error::Error + Sync + Send>> {
        Ok(Self::Null)
    }

    fn accepts(ty: &postgres::types::Type) -> bool {
        use postgres::types::Type;
        matches!(
            *ty,
            Type::INT2
                | Type::INT4
                | Type::INT8
                | Type::BOOL
                | Type::BYTEA
                | Type::TEXT
                | Type::VARCHAR
                | Type::NAME
                | Type::BPCHAR
                | Type::UNKNOWN
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_numbered_for_postgres() {
        assert_eq!(
            numbered("SELECT a FROM t WHERE b = ? AND c = ?"),
            "SELECT a FROM t WHERE b = $1 AND c = $2"
        );
    }

    #[test]
    fn hex_round_trips() {
        let bytes = [0u8, 1, 0xab, 0xff, 0x10];
        assert_eq!(hex(&bytes), "0001abff10");
        assert_eq!(unhex(&hex(&bytes)).as_deref(), Some(&bytes[..]));
        assert_eq!(unhex("abc"), None);
        assert_eq!(unhex("zz"), None);
    }

    #[test]
    fn passwords_are_not_shown() {
        assert_eq!(
            redact("postgres://kc:secret@127.0.0.1:5432/kc"),
            "postgres://kc:***@127.0.0.1:5432/kc"
        );
        assert_eq!(redact("postgres://kc@h/db"), "postgres://kc@h/db");
    }
}
