//! Faults injected at named moments of an `index` run, for the
//! reliability tests (tests/reliability.rs, docs/RELIABILITY.md).
//!
//! A killed process or a full disk hits a run at a moment chosen by luck;
//! a test that waits for "about the right moment" and then kills is flaky
//! and cannot aim at a phase that lasts a millisecond. So the run names its
//! phases, and `NEWSDEX_FAULT` (read once) says which fault to raise where:
//!
//! - `kill@<point>[:<n>]`: at the n-th time (default 1) the run reaches
//!   `<point>`, the process aborts on the spot, as `kill -9` would: no
//!   destructor, no flush, no commit.
//! - `disk-full@<point>[:<n>]`: from the n-th time on, every write into the
//!   index folder fails as a full disk fails (`ENOSPC`), through tantivy's
//!   writes ([`FaultyDirectory`]) and newsdex's own ([`check_write`]).
//! - `stall@<point>[:<n>]`: the run says `stalled at <point>` on stderr and
//!   waits there forever, holding what it holds (a test then tries another
//!   run beside it, or kills it).
//!
//! The points, in the order a run reaches them: `read` (a document handed
//! to the writer), `commit` (just before the commit of what was read),
//! `names` (an article rewritten by the name pass), `names-commit`,
//! `ordinals` (before each facet's ordinals file) and `swap` (between the
//! two renames of `--rebuild`).
//!
//! Without the variable every call is one relaxed atomic load; the index is
//! opened on tantivy's own directory, not the wrapper.

use std::io::{self, Write};
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};

use tantivy::directory::error::{DeleteError, LockError, OpenReadError, OpenWriteError};
use tantivy::directory::{
    AntiCallToken, Directory, DirectoryLock, FileHandle, Lock, MmapDirectory, TerminatingWrite,
    WatchCallback, WatchHandle, WritePtr,
};

/// The environment variable that arms a fault.
pub const ENV: &str = "NEWSDEX_FAULT";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    Kill,
    DiskFull,
    Stall,
}

#[derive(Debug)]
struct Plan {
    action: Action,
    point: String,
    nth: u64,
    reached: AtomicU64,
}

fn plan() -> Option<&'static Plan> {
    static PLAN: OnceLock<Option<Plan>> = OnceLock::new();
    PLAN.get_or_init(|| std::env::var(ENV).ok().and_then(|spec| parse(&spec)))
        .as_ref()
}

fn parse(spec: &str) -> Option<Plan> {
    let (action, rest) = spec.split_once('@')?;
    let action = match action {
        "kill" => Action::Kill,
        "disk-full" => Action::DiskFull,
        "stall" => Action::Stall,
        _ => return None,
    };
    let (point, nth) = match rest.split_once(':') {
        Some((point, n)) => (point, n.parse().ok()?),
        None => (rest, 1),
    };
    Some(Plan {
        action,
        point: point.to_string(),
        nth,
        reached: AtomicU64::new(0),
    })
}

/// Set once a `disk-full` fault has struck: every later write fails.
static DISK_FULL: AtomicBool = AtomicBool::new(false);

/// Whether any fault is armed (the index is then opened on the wrapper).
pub fn armed() -> bool {
    plan().is_some()
}

/// The run has reached `point`: raises the armed fault if it is due.
pub fn reached(point: &str) {
    let Some(plan) = plan() else {
        return;
    };
    if plan.point != point {
        return;
    }
    let count = plan.reached.fetch_add(1, Ordering::AcqRel) + 1;
    if count < plan.nth {
        return;
    }
    match plan.action {
        Action::Kill => std::process::abort(),
        Action::DiskFull => DISK_FULL.store(true, Ordering::Release),
        Action::Stall => {
            let _ = writeln!(io::stderr().lock(), "newsdex: {ENV}: stalled at {point}");
            loop {
                std::thread::sleep(std::time::Duration::from_secs(3600));
            }
        }
    }
}

/// `ENOSPC` as the system reports it (28 on Linux, macOS and the BSDs).
fn disk_full_error() -> io::Error {
    io::Error::from_raw_os_error(28)
}

/// Fails as a full disk would once a `disk-full` fault has struck; called
/// before newsdex writes a file of its own into the index folder.
pub fn check_write() -> io::Result<()> {
    if DISK_FULL.load(Ordering::Acquire) {
        Err(disk_full_error())
    } else {
        Ok(())
    }
}

/// tantivy's directory with writes that fail once a `disk-full` fault has
/// struck; reads, deletes and locks pass through.
#[derive(Debug, Clone)]
pub struct FaultyDirectory {
    inner: MmapDirectory,
}

impl FaultyDirectory {
    pub fn open(path: &Path) -> tantivy::Result<FaultyDirectory> {
        Ok(FaultyDirectory {
            inner: MmapDirectory::open(path).map_err(tantivy::TantivyError::from)?,
        })
    }
}

impl Directory for FaultyDirectory {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        self.inner.get_file_handle(path)
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        self.inner.delete(path)
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.inner.exists(path)
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        check_write().map_err(|io_error| OpenWriteError::IoError {
            io_error: Arc::new(io_error),
            filepath: path.to_path_buf(),
        })?;
        let inner =
            self.inner
                .open_write(path)?
                .into_inner()
                .map_err(|e| OpenWriteError::IoError {
                    io_error: Arc::new(e.into_error()),
                    filepath: path.to_path_buf(),
                })?;
        Ok(io::BufWriter::new(Box::new(FaultyWrite { inner })))
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        self.inner.atomic_read(path)
    }

    fn atomic_write(&self, path: &Path, data: &[u8]) -> io::Result<()> {
        check_write()?;
        self.inner.atomic_write(path, data)
    }

    fn sync_directory(&self) -> io::Result<()> {
        self.inner.sync_directory()
    }

    fn acquire_lock(&self, lock: &Lock) -> Result<DirectoryLock, LockError> {
        self.inner.acquire_lock(lock)
    }

    fn watch(&self, callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        self.inner.watch(callback)
    }
}

struct FaultyWrite {
    inner: Box<dyn TerminatingWrite + Send + Sync>,
}

impl Write for FaultyWrite {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        check_write()?;
        self.inner.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        check_write()?;
        self.inner.flush()
    }
}

impl TerminatingWrite for FaultyWrite {
    fn terminate_ref(&mut self, token: AntiCallToken) -> io::Result<()> {
        check_write()?;
        self.inner.terminate_ref(token)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specs_name_an_action_a_point_and_a_count() {
        let plan = parse("kill@names:3").unwrap();
        assert_eq!(plan.action, Action::Kill);
        assert_eq!(plan.point, "names");
        assert_eq!(plan.nth, 3);
        let plan = parse("disk-full@commit").unwrap();
        assert_eq!(plan.action, Action::DiskFull);
        assert_eq!(plan.nth, 1);
        assert!(parse("explode@names").is_none());
        assert!(parse("kill@names:x").is_none());
        assert!(parse("names").is_none());
    }
}
