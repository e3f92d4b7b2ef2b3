//! The register's tests, each run on SQLite and, where `KHUYENCONG_TEST_POSTGRES` names a
//! server (`.ci/run` starts one), on PostgreSQL.

mod common;
mod crash;
mod lifecycle;
mod migrations;
mod questions;
mod transfer;
