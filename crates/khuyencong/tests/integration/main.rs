//! The integration tests of the core crate, one binary (fast links on small machines).

mod cases;
mod catalog;
mod codelists;
mod findings_doc;
mod eligibility;
mod law;
mod schema;
mod money;
mod support;
