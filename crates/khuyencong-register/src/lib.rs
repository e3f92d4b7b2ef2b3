//! # khuyencong-register
//!
//! The register of industrial-extension (*khuyến công*) documents that provinces ask for
//! ("hệ thống cơ sở dữ liệu theo dõi quản lý chương trình, kế hoạch, đề án khuyến công"):
//! programmes, plans, schemes and period reports, kept over the years in a real database —
//! **SQLite** (one file, nothing to install) or **PostgreSQL** (a server, several people
//! adding at once), with the same schema and migrations on both.
//!
//! Documents go in only through the checker ([`khuyencong::document::check_bytes`]): each is
//! stored exactly as submitted, with its findings, the rules version
//! ([`khuyencong::rules_version`]) and the time; a document with errors is stored as
//! *rejected* with its findings. A corrected document is a new version that supersedes the
//! earlier one; both remain. Every intake is one transaction: a batch goes in whole or not
//! at all.
//!
//! ```
//! use khuyencong_register::{Register, Submission};
//!
//! let dir = std::env::temp_dir().join(format!("kc-register-doc-{}", std::process::id()));
//! std::fs::create_dir_all(&dir)?;
//! let db = dir.join("khuyencong.db");
//! let _ = std::fs::remove_file(&db);
//! let mut register = Register::create(db.to_str().unwrap_or_default())?;
//!
//! let report = include_bytes!("../../../docs/examples/an-giang-2021-2025.json");
//! let added = register.add(&[Submission::new("an-giang.json", report)], &mut |_, _| {})?;
//! assert_eq!(added[0].status, khuyencong_register::Status::Accepted);
//!
//! // Money by source over the years, from the core's totals of what is registered.
//! let money = register.money(&["source".parse()?], khuyencong_register::ProvinceEra::Time)?;
//! assert!(money.rows.len() > 1);
//! # std::fs::remove_dir_all(&dir)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Questions
//!
//! - [`Register::progress`]: progress against targets by province and period;
//! - [`Register::unreported`]: schemes approved but never reported;
//! - [`Register::money`]: money by source and fund level over the years (the core's totals);
//! - [`Register::beneficiaries`]: schemes per beneficiary, and the same items funded twice;
//! - [`Register::recheck`]: everything checked again under the current rules, and what changed.
//!
//! The views behind them are plain SQL (`v_documents`, `v_findings`, `v_schemes`,
//! `v_unreported_schemes`, `v_money`…; see `docs/register.md`).

#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod db;
pub mod extract;
mod intake;
mod questions;
pub mod schema;
mod table;
mod transfer;

use std::fmt;

pub use db::{Dialect, Value};
pub use intake::{Added, Status, Submission};
pub use questions::{MoneyKey, ProvinceEra, StateRecord};
pub use table::Table;

use db::Db;

/// Why the register could not do what was asked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RegisterError {
    /// The database could not be reached or opened.
    #[error("cannot open the register {0}")]
    Connect(String),
    /// There is no register at this path.
    #[error("no register at `{0}`: create one with `khuyencong register init {0}`")]
    NoRegister(String),
    /// The database has no register tables.
    #[error("`{0}` is not a khuyencong register: create one with `khuyencong register init`")]
    NotInitialised(String),
    /// The register's schema is older than this library's.
    #[error(
        "the register has schema version {found}, this library needs {expected}: run `khuyencong register migrate` (back the register up first)"
    )]
    NeedsMigration {
        /// The register's version.
        found: i64,
        /// This library's version.
        expected: i64,
    },
    /// The register was written by a newer library.
    #[error(
        "the register has schema version {found}, newer than this library's {supported}: use a newer khuyencong"
    )]
    TooNew {
        /// The register's version.
        found: i64,
        /// The newest version this library reads.
        supported: i64,
    },
    /// The database refused an operation.
    #[error("database error: {0}")]
    Database(String),
    /// The core could not add a document up.
    #[error("totals: {0}")]
    Totals(String, String),
    /// A value given by the user is not acceptable.
    #[error("{en}")]
    Invalid {
        /// The message in English.
        en: String,
        /// The message in Vietnamese.
        vi: String,
    },
    /// An export file cannot be read.
    #[error("line {line} of the export: {message}")]
    Import {
        /// The line (from 1).
        line: u64,
        /// What is wrong.
        message: String,
    },
    /// Reading or writing a file failed.
    #[error("{0}")]
    Io(String),
}

impl RegisterError {
    /// The message in Vietnamese.
    pub fn message_vi(&self) -> String {
        match self {
            Self::Connect(s) => format!("không mở được sổ đăng ký {s}"),
            Self::NoRegister(p) => {
                format!("không có sổ đăng ký tại `{p}`: tạo bằng `khuyencong register init {p}`")
            }
            Self::NotInitialised(p) => format!(
                "`{p}` không phải sổ đăng ký khuyencong: tạo bằng `khuyencong register init`"
            ),
            Self::NeedsMigration { found, expected } => format!(
                "sổ đăng ký có lược đồ phiên bản {found}, thư viện cần {expected}: chạy `khuyencong register migrate` (sao lưu trước)"
            ),
            Self::TooNew { found, supported } => format!(
                "sổ đăng ký có lược đồ phiên bản {found}, mới hơn phiên bản {supported} của thư viện: dùng khuyencong mới hơn"
            ),
            Self::Database(s) => format!("lỗi cơ sở dữ liệu: {s}"),
            Self::Totals(_, vi) => format!("tổng hợp: {vi}"),
            Self::Invalid { vi, .. } => vi.clone(),
            Self::Import { line, message } => format!("dòng {line} của tệp xuất: {message}"),
            Self::Io(s) => s.clone(),
        }
    }

    pub(crate) fn invalid(en: impl Into<String>, vi: impl Into<String>) -> Self {
        Self::Invalid {
            en: en.into(),
            vi: vi.into(),
        }
    }
}

/// The time now, RFC 3339 in UTC with microseconds.
pub(crate) fn now() -> String {
    let since = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    let secs = i64::try_from(since.as_secs()).unwrap_or(i64::MAX);
    chrono::DateTime::from_timestamp(secs, since.subsec_nanos())
        .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Micros, true))
        .unwrap_or_default()
}

/// A register: an open connection to its database.
pub struct Register {
    db: Db,
    target: String,
}

impl fmt::Debug for Register {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Register")
            .field("dialect", &self.db.dialect())
            .finish_non_exhaustive()
    }
}

impl Register {
    /// Creates a register (or brings an existing one up to date): a SQLite file path, or a
    /// `postgres://` URL of an existing database.
    ///
    /// # Errors
    /// The database cannot be reached or created; it was written by a newer library.
    pub fn create(target: &str) -> Result<Self, RegisterError> {
        let mut db = Db::open(target, true)?;
        schema::migrate_to(&mut db, schema::SCHEMA_VERSION)?;
        Ok(Self {
            db,
            target: target.to_owned(),
        })
    }

    /// Opens an existing register at the current schema version.
    ///
    /// # Errors
    /// No register there; its schema is older (migrate it) or newer than this library's.
    pub fn open(target: &str) -> Result<Self, RegisterError> {
        let mut db = Db::open(target, false)?;
        let found = schema::version(&mut db)?;
        if found == 0 {
            return Err(RegisterError::NotInitialised(target.to_owned()));
        }
        if found < schema::SCHEMA_VERSION {
            return Err(RegisterError::NeedsMigration {
                found,
                expected: schema::SCHEMA_VERSION,
            });
        }
        if found > schema::SCHEMA_VERSION {
            return Err(RegisterError::TooNew {
                found,
                supported: schema::SCHEMA_VERSION,
            });
        }
        Ok(Self {
            db,
            target: target.to_owned(),
        })
    }

    /// Brings an existing register's schema up to this library's version; returns the
    /// versions before and after.
    ///
    /// # Errors
    /// No register there; a migration failed (then that migration is rolled back).
    pub fn migrate(target: &str) -> Result<(i64, i64), RegisterError> {
        let mut db = Db::open(target, false)?;
        if schema::version(&mut db)? == 0 {
            return Err(RegisterError::NotInitialised(target.to_owned()));
        }
        schema::migrate_to(&mut db, schema::SCHEMA_VERSION)
    }

    /// Creates a register at an older schema version (for testing migrations).
    ///
    /// # Errors
    /// As [`Register::create`].
    #[doc(hidden)]
    pub fn create_at_version(target: &str, version: i64) -> Result<(), RegisterError> {
        let mut db = Db::open(target, true)?;
        schema::migrate_to(&mut db, version)?;
        Ok(())
    }

    /// The database the register lives in.
    pub fn dialect(&self) -> Dialect {
        self.db.dialect()
    }

    /// The register's schema version.
    ///
    /// # Errors
    /// The database refused the query.
    pub fn schema_version(&mut self) -> Result<i64, RegisterError> {
        schema::version(&mut self.db)
    }

    /// Where the register is (the path or URL it was opened with).
    pub fn target(&self) -> &str {
        &self.target
    }

    /// Runs a read-only query written in SQL (one statement) and returns its rows, every
    /// value as text.
    ///
    /// # Errors
    /// The statement is not valid, is more than one statement, or writes.
    pub fn sql(&mut self, query: &str) -> Result<Table, RegisterError> {
        let (columns, rows) = self.db.query_text(query)?;
        Ok(Table {
            columns,
            rows: rows
                .into_iter()
                .map(|r| r.into_iter().map(Value::from).collect())
                .collect(),
        })
    }
}
