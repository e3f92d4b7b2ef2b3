//! Where results go: standard output, or the file of `-o/--output`.

use std::cell::RefCell;
use std::io::Write;

use crate::{Usage, write_error};

/// The exit code of a command whose output was closed before the end (`| head`): 128 + 13
/// (SIGPIPE), as for any command a closed pipe stops. Never 0: what was not written was not
/// seen.
pub const CLOSED_PIPE: i32 = 141;

thread_local! {
    /// The file of `-o`, for the command being run (one command runs at a time on a thread).
    static TARGET: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Sends the results of the command about to run to `path` (`None`: standard output).
pub fn set(path: Option<String>) {
    TARGET.with(|t| *t.borrow_mut() = path);
}

/// A writer of the results: the file of `-o` (created or truncated), else standard output.
pub fn writer() -> Result<Box<dyn Write>, Usage> {
    let target = TARGET.with(|t| t.borrow().clone());
    match target {
        None => Ok(Box::new(std::io::stdout().lock())),
        Some(path) => std::fs::File::create(&path)
            .map(|f| Box::new(std::io::BufWriter::new(f)) as Box<dyn Write>)
            .map_err(|e| {
                Usage::new(
                    format!("cannot write `{path}`: {e}"),
                    format!("không ghi được tệp `{path}`: {e}"),
                )
            }),
    }
}

/// Writes the whole of a command's results and flushes them.
pub fn write_bytes(bytes: &[u8]) -> Result<(), Usage> {
    let mut out = writer()?;
    out.write_all(bytes)
        .and_then(|()| out.flush())
        .map_err(write_error)
}
