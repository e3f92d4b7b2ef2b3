//! Tests of the spreadsheet crate: templates, reading, round trips, findings with cells.

mod docs;
mod habits;
mod officer;
mod reading;
mod robustness;
mod roundtrip;
mod templates;
