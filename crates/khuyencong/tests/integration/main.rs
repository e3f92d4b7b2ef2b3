//! The integration tests of the core crate, one binary (fast links on small machines).

mod cases;
mod catalog;
mod codelists;
mod eligibility;
mod findings_doc;
mod law;
mod money;
mod schema;
mod support;
