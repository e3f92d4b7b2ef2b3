//! The integration tests of the core crate, one binary (fast links on small machines).

mod catalog;
mod codelists;
mod law;
mod money;
mod support;
