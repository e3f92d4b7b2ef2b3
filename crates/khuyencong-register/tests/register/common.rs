//! Registers to test on, and documents to put in them.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use khuyencong_register::{Register, Submission, Table, Value};
use serde_json::Value as Json;

/// The environment variable naming a PostgreSQL server for the tests: a URL of a database
/// the tests may create other databases from (`postgres://postgres@127.0.0.1:55432/postgres`).
pub const POSTGRES_ENV: &str = "KHUYENCONG_TEST_POSTGRES";

static COUNTER: AtomicU32 = AtomicU32::new(0);

/// A register to test on; removed when dropped.
pub struct Target {
    /// The path or URL.
    pub url: String,
    /// For cleaning up.
    cleanup: Cleanup,
}

enum Cleanup {
    File(PathBuf),
    Database { admin: String, name: String },
}

impl Drop for Target {
    fn drop(&mut self) {
        match &self.cleanup {
            Cleanup::File(dir) => {
                let _ = std::fs::remove_dir_all(dir);
            }
            Cleanup::Database { admin, name } => {
                if let Ok(mut c) = postgres::Client::connect(admin, postgres::NoTls) {
                    let _ =
                        c.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
                }
            }
        }
    }
}

fn unique(prefix: &str) -> String {
    format!(
        "{prefix}_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::SeqCst)
    )
}

/// A new SQLite register path (nothing created yet).
pub fn sqlite() -> Target {
    let dir = std::env::temp_dir().join(unique("kc_register_test"));
    std::fs::create_dir_all(&dir).expect("temporary directory");
    Target {
        url: dir.join("khuyencong.db").to_string_lossy().into_owned(),
        cleanup: Cleanup::File(dir),
    }
}

/// A new, empty PostgreSQL database, if a server is given.
pub fn postgres() -> Option<Target> {
    let admin = match std::env::var(POSTGRES_ENV) {
        Ok(url) if !url.is_empty() => url,
        _ => {
            // In CI the server must be there: a missing one is a failure, not a skip.
            assert!(
                std::env::var_os("CI").is_none(),
                "{POSTGRES_ENV} is not set: .ci/run starts a PostgreSQL server for these tests"
            );
            eprintln!("note: {POSTGRES_ENV} is not set; PostgreSQL tests do not run here");
            return None;
        }
    };
    let name = unique("kc_test");
    let mut c =
        postgres::Client::connect(&admin, postgres::NoTls).expect("connect to the test server");
    c.batch_execute(&format!("CREATE DATABASE {name}"))
        .expect("create a test database");
    let base = admin.rsplit_once('/').map_or(admin.as_str(), |(b, _)| b);
    Some(Target {
        url: format!("{base}/{name}"),
        cleanup: Cleanup::Database { admin, name },
    })
}

/// SQLite, and PostgreSQL when a server is given.
pub fn targets() -> Vec<Target> {
    let mut t = vec![sqlite()];
    t.extend(postgres());
    t
}

/// The repository root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// An example document's bytes.
pub fn example(name: &str) -> Vec<u8> {
    std::fs::read(root().join("docs/examples").join(name)).expect("example document")
}

/// The example documents (schemes, the plan, the report).
pub const EXAMPLES: [&str; 5] = [
    "an-giang-2021-2025.json",
    "plan-example-2024.json",
    "scheme-giong-rieng-2025.json",
    "scheme-long-an-2018.json",
    "scheme-quang-nam-2022.json",
];

/// An example document as JSON, to edit.
pub fn example_json(name: &str) -> Json {
    serde_json::from_slice(&example(name)).expect("example JSON")
}

/// JSON bytes of a value.
pub fn bytes(v: &Json) -> Vec<u8> {
    serde_json::to_vec_pretty(v).expect("JSON")
}

/// Adds documents (name, bytes) in one batch.
pub fn add(register: &mut Register, docs: &[(&str, Vec<u8>)]) -> Vec<khuyencong_register::Added> {
    let subs: Vec<Submission<'_>> = docs.iter().map(|(n, b)| Submission::new(n, b)).collect();
    register.add(&subs, &mut |_, _| {}).expect("add")
}

/// Adds the examples.
pub fn add_examples(register: &mut Register) -> Vec<khuyencong_register::Added> {
    let docs: Vec<(&str, Vec<u8>)> = EXAMPLES.iter().map(|n| (*n, example(n))).collect();
    add(register, &docs)
}

/// A column of a table as text or integers, for assertions.
pub fn texts(t: &Table, column: &str) -> Vec<Option<String>> {
    t.column(column)
        .into_iter()
        .map(|v| match v {
            Value::Text(s) => Some(s.clone()),
            Value::Int(i) => Some(i.to_string()),
            _ => None,
        })
        .collect()
}

/// The rows of a table as JSON objects.
pub fn rows(t: &Table) -> Vec<Json> {
    t.to_json_rows()
}

/// The whole register as its export.
pub fn export(register: &mut Register) -> Vec<u8> {
    let mut out = Vec::new();
    register.export(&mut out).expect("export");
    out
}
