//! The `khuyencong` command inside the Python package (the `khuyencong` console script and
//! `python -m khuyencong`): the command's own code (`khuyencong_cli::run`), so that a
//! machine without Rust gets the same command, byte for byte.

use std::ffi::OsString;

use pyo3::prelude::*;

/// Runs the command with `argv` (the program's name first) and returns its exit status.
///
/// It writes to the process's standard output and error directly, as the command does
/// (flush Python's `sys.stdout` and `sys.stderr` first), with the interpreter released. A
/// closed standard output ends the process with status 141, as it ends the command.
#[pyfunction]
pub fn _cli_main(py: Python<'_>, argv: Vec<OsString>) -> u8 {
    py.detach(move || khuyencong_cli::run_status(argv))
}
