//! The integration tests of the core crate, one binary (fast links on small machines).

mod catalog;
mod codelists;
mod eligibility;
mod law;
