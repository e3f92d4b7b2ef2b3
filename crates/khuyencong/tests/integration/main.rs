//! The integration tests of the core crate, one binary (fast links on small machines).

mod agreement;
mod bad_inputs;
mod cases;
mod catalog;
mod codelists;
mod eligibility;
mod finding_codes;
mod findings_doc;
mod law;
mod modules;
mod money;
mod provinces;
mod robustness;
mod rules_doc;
mod schema;
mod support;
mod v2;

/// The corpus generator shared with the benchmarks and the `gen_corpus` example.
#[path = "../../examples/gen_corpus/corpus.rs"]
mod generator;

/// The repository's root (where `tests/cases` and `docs/examples` are).
fn cases_root() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}
