//! Panics turned into errors at the edge of a command or of a request.
//!
//! tantivy trusts the files of an index and panics on some kinds of damage
//! (`Reach end of buffer while reading VInt` from a damaged `.store`), and
//! a bug of newsdex may panic too. Either way a command must end with a
//! message that says what happened and what to do, never with a backtrace
//! and exit status 101, and a request to `serve` must get an answer and
//! leave its thread serving. So the command line runs each command, and
//! `serve` each request, inside [`catch`]; the caller then asks
//! [`crate::index::check`] whether the index is damaged and reports
//! `Error::Damaged` or `Error::Internal`.
//!
//! [`install_hook`] replaces Rust's panic hook with one that keeps the
//! message and where it was raised for the catcher instead of printing it
//! (printing it as well when `RUST_BACKTRACE` is set, for whoever debugs).
//! Panics are caught, not aborted: the crate must not be built with
//! `panic = "abort"` (Cargo.toml).

use std::any::Any;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Mutex;

/// Messages of recent panics on any thread, for a panic that reaches the
/// catcher through another thread (a scoped thread's panic re-raised as
/// "a scoped thread panicked"). A few suffice: they are taken as caught.
static RECENT: Mutex<VecDeque<String>> = Mutex::new(VecDeque::new());
const RECENT_KEPT: usize = 8;

thread_local! {
    /// The message of this thread's last panic.
    static LAST: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Replaces the panic hook with one that keeps messages for [`catch`]
/// and prints nothing (unless `RUST_BACKTRACE` is set).
pub fn install_hook() {
    install(std::env::var_os("RUST_BACKTRACE").is_none_or(|v| v == "0"));
}

fn install(quiet: bool) {
    let default = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        let text = payload_text(info.payload());
        let message = match info.location() {
            Some(at) => format!("{text} (at {}:{})", at.file(), at.line()),
            None => text,
        };
        LAST.with(|last| *last.borrow_mut() = Some(message.clone()));
        if let Ok(mut recent) = RECENT.lock() {
            if recent.len() == RECENT_KEPT {
                recent.pop_front();
            }
            recent.push_back(message);
        }
        if !quiet {
            default(info);
        }
    }));
}

/// Runs `f`; a panic in it (or re-raised in it from a thread it started)
/// comes back as its message.
pub fn catch<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    LAST.with(|last| last.borrow_mut().take());
    panic::catch_unwind(AssertUnwindSafe(f)).map_err(|payload| {
        let here = LAST.with(|last| last.borrow_mut().take());
        let mut recent = RECENT
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(message) = &here {
            recent.retain(|m| m != message);
        }
        match here {
            // `std::thread::scope` re-raises a thread's panic with a
            // message of its own: the thread's says more.
            Some(message) if message.starts_with(SCOPE_PANIC) => {
                let first = recent.iter().rposition(|m| !m.starts_with(SCOPE_PANIC));
                first.and_then(|at| recent.remove(at)).unwrap_or(message)
            }
            Some(message) => message,
            // Re-raised with `resume_unwind` (a joined thread's panic),
            // which skips the hook: the thread's record says where.
            None => {
                let text = payload_text(&*payload);
                let recorded = recent.iter().rposition(|m| m.starts_with(&text));
                recorded.and_then(|at| recent.remove(at)).unwrap_or(text)
            }
        }
    })
}

/// Messages of panics that no [`catch`] took: threads that panicked and
/// whose panic was not passed on. The command line reports them, so that
/// the hook, which prints nothing, hides none.
pub fn uncaught() -> Vec<String> {
    RECENT
        .lock()
        .map(|mut recent| recent.drain(..).collect())
        .unwrap_or_default()
}

/// What `std::thread::scope` panics with when a thread of it panicked.
const SCOPE_PANIC: &str = "a scoped thread panicked";

fn payload_text(payload: &(dyn Any + Send)) -> String {
    if let Some(text) = payload.downcast_ref::<&str>() {
        (*text).to_string()
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.clone()
    } else {
        "a panic without a message".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_comes_back_as_its_message() {
        let caught = catch(|| -> u32 { panic!("boom {}", 42) });
        let message = caught.unwrap_err();
        assert!(message.contains("boom 42"), "{message}");
        assert_eq!(catch(|| 7), Ok(7));
    }

    #[test]
    fn a_joined_threads_panic_passed_on_is_reported_once() {
        install(false);
        let caught = catch(|| {
            let worker = std::thread::spawn(|| panic!("in a joined worker"));
            worker
                .join()
                .unwrap_or_else(|p| std::panic::resume_unwind(p))
        });
        let message = caught.unwrap_err();
        assert!(message.contains("in a joined worker (at "), "{message}");
        let recent = RECENT.lock().unwrap();
        assert!(!recent.iter().any(|m| m.contains("in a joined worker")));
    }

    #[test]
    fn a_scoped_threads_panic_names_the_first_message() {
        // Printing as well, so that the other tests' failures still show.
        install(false);
        let caught = catch(|| {
            std::thread::scope(|scope| {
                scope.spawn(|| panic!("deep in a worker"));
            })
        });
        let message = caught.unwrap_err();
        assert!(message.contains("deep in a worker"), "{message}");
    }
}
