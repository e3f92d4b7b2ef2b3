//! Where the library's work runs when called from Python: never on a stack of unknown size.
//!
//! The library bounds the stack any read needs (by its depth limit), but what it needs
//! depends on how it was compiled, and a Python thread's stack may be as small as
//! 128 KiB (musl's default, `threading.stack_size(131072)`). So, with the interpreter
//! released, the work runs on the calling thread only when that is Python's main thread
//! (whose stack the operating system sizes, 8 MiB by default); from any other thread it
//! runs on one of a few long-lived worker threads with a 16 MiB stack (reserved, not used),
//! which costs a hand-over of some microseconds instead of a thread start.

use std::sync::mpsc;
use std::sync::{Arc, Mutex, OnceLock};

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;

use crate::errors::error;

type Job = Box<dyn FnOnce() + Send>;

/// The stack of the worker threads.
const STACK: usize = 16 << 20;

static QUEUE: OnceLock<Option<Mutex<mpsc::Sender<Job>>>> = OnceLock::new();
static MAIN_THREAD: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

fn queue() -> Option<mpsc::Sender<Job>> {
    QUEUE
        .get_or_init(|| {
            let (tx, rx) = mpsc::channel::<Job>();
            let rx = Arc::new(Mutex::new(rx));
            let workers = std::thread::available_parallelism().map_or(2, |n| n.get().min(8));
            let mut started = 0;
            for n in 0..workers {
                let rx = Arc::clone(&rx);
                let spawned = std::thread::Builder::new()
                    .name(format!("khuyencong-{n}"))
                    .stack_size(STACK)
                    .spawn(move || {
                        loop {
                            let job = match rx.lock() {
                                Ok(r) => r.recv(),
                                Err(_) => return,
                            };
                            match job {
                                // A job reports through its own channel; a panic (which
                                // the library never raises on input) only drops it.
                                Ok(job) => {
                                    let _ =
                                        std::panic::catch_unwind(std::panic::AssertUnwindSafe(job));
                                }
                                Err(_) => return,
                            }
                        }
                    });
                started += usize::from(spawned.is_ok());
            }
            (started > 0).then(|| Mutex::new(tx))
        })
        .as_ref()
        .and_then(|q| q.lock().ok().map(|tx| tx.clone()))
}

/// Whether the calling thread is Python's main thread.
fn on_main_thread(py: Python<'_>) -> PyResult<bool> {
    let threading = py.import("threading")?;
    let main =
        MAIN_THREAD.get_or_try_init(py, || threading.getattr("main_thread").map(Bound::unbind))?;
    let ident = main.bind(py).call0()?.getattr("ident")?;
    ident.eq(threading.getattr("get_ident")?.call0()?)
}

/// Runs `work` with the interpreter released, on a stack of known size (see the module).
///
/// # Errors
/// Only if no worker thread can run it, or it could not finish (never on input).
pub fn run<T: Send + 'static>(
    py: Python<'_>,
    work: impl FnOnce() -> T + Send + 'static,
) -> PyResult<T> {
    if on_main_thread(py)? {
        return Ok(py.detach(work));
    }
    let Some(queue) = queue() else {
        return Ok(py.detach(work));
    };
    py.detach(move || {
        let (tx, rx) = mpsc::sync_channel(1);
        let job: Job = Box::new(move || {
            let _ = tx.send(work());
        });
        queue.send(job).ok()?;
        rx.recv().ok()
    })
    .ok_or_else(|| {
        error(
            "the check could not be completed on a worker thread",
            "không hoàn tất được việc kiểm tra trên luồng xử lý",
        )
    })
}
