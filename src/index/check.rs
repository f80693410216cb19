//! Is the index whole? Finds the files of an index that were damaged after
//! tantivy wrote them (a failing disk, a copy cut short, a stray write).
//!
//! Every file of a tantivy segment ends with a footer holding the CRC32 of
//! its bytes; reading a file whole and comparing says whether it is the file
//! tantivy wrote. tantivy itself does not do it when it opens an index: it
//! trusts its files, so a damaged one gives a wrong answer, an error, or a
//! panic deep in a reader (`Reach end of buffer while reading VInt` from a
//! damaged `.store`), depending on which bytes were hit.
//!
//! Reading every file on every open would read the whole index for each
//! search: about 4 GB/s from the page cache, 0.6 GB/s from disk (37 MB of
//! Reuters-21578: 8 ms warm, 60 ms cold, against 5 ms for a whole `search`
//! command; seconds for an archive of some GB). So a file is read once:
//! after a searcher has verified the index ([`verify`]), the size and
//! modification time of each file it found whole are kept in
//! `newsdex-verified.json` in the index folder, and later opens read only
//! the files that are new or changed since (a commit's new segments, or a
//! file something wrote into). What this misses, bytes that rot without a
//! write, shows as an error or a panic of tantivy later; then the full check
//! runs ([`explain`], and the panics caught at the edge of a command or
//! request, [`crate::panics`]), and the message names the damaged files and
//! the way to repair them (`Error::Damaged`) instead of a raw tantivy error
//! or a crash. `newsdex check` reads every file on demand.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;
#[cfg(not(unix))]
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};
use tantivy::index::SegmentComponent;
use tantivy::{Index, TantivyError};

use crate::error::{Error, Result};
use crate::index::NewsIndex;

/// The file, in the index folder, of the files found whole (see the
/// module notes).
pub const VERIFIED_FILE: &str = "newsdex-verified.json";

/// What `newsdex check` found.
#[derive(Debug, Clone, Serialize)]
pub struct CheckReport {
    /// The index folder.
    pub path: PathBuf,
    pub segments: usize,
    /// Files whose checksum was read.
    pub files: usize,
    pub bytes: u64,
    /// Files that fail their checksum, cannot be read, or are missing,
    /// relative to the index folder; empty when the index is whole.
    pub damaged: Vec<PathBuf>,
    pub seconds: f64,
}

impl CheckReport {
    pub fn is_whole(&self) -> bool {
        self.damaged.is_empty()
    }
}

/// Reads every file of every segment of the index at `path` and compares
/// it with its checksum.
pub fn check(path: &Path) -> Result<CheckReport> {
    let started = Instant::now();
    if !path.join("meta.json").is_file() {
        return Err(Error::NoIndex {
            path: path.to_path_buf(),
        });
    }
    let damaged_report = |damaged: Vec<PathBuf>| CheckReport {
        path: path.to_path_buf(),
        segments: 0,
        files: 0,
        bytes: 0,
        damaged,
        seconds: started.elapsed().as_secs_f64(),
    };
    let index = match Index::open_in_dir(path) {
        Ok(index) => index,
        Err(err) => {
            return match damaged_on_open(path, &err) {
                Some(files) => Ok(damaged_report(files)),
                None => Err(err.into()),
            };
        }
    };
    let metas = match index.load_metas() {
        Ok(metas) => metas,
        Err(_) => return Ok(damaged_report(vec![PathBuf::from("meta.json")])),
    };
    let files = segment_files(&metas);
    let bytes = files
        .iter()
        .filter_map(|f| std::fs::metadata(path.join(f)).ok())
        .map(|m| m.len())
        .sum();
    let damaged = damaged_among(&index, &files);
    if damaged.is_empty() {
        record_verified(path, &files);
    }
    Ok(CheckReport {
        path: path.to_path_buf(),
        segments: metas.segments.len(),
        files: files.len(),
        bytes,
        damaged,
        seconds: started.elapsed().as_secs_f64(),
    })
}

/// Verifies the files of `index` that are new or changed since they were
/// last found whole (all of them the first time), and records them:
/// `Error::Damaged` when one fails.
pub fn verify(index: &NewsIndex) -> Result<()> {
    let metas = index
        .index
        .load_metas()
        .map_err(|err| open_error(&index.path, err))?;
    let files = segment_files(&metas);
    let known = std::fs::read(index.path.join(VERIFIED_FILE))
        .ok()
        .and_then(|bytes| serde_json::from_slice::<Verified>(&bytes).ok())
        .unwrap_or_default();
    let unverified: Vec<PathBuf> = files
        .iter()
        .filter(|file| {
            let stamp = stamp_of(&index.path.join(file));
            stamp.is_none() || known.files.get(&file.display().to_string()) != stamp.as_ref()
        })
        .cloned()
        .collect();
    if unverified.is_empty() {
        return Ok(());
    }
    let damaged = damaged_among(&index.index, &unverified);
    if !damaged.is_empty() {
        return Err(Error::Damaged {
            path: index.path.clone(),
            files: damaged,
        });
    }
    record_verified(&index.path, &files);
    Ok(())
}

/// The files found whole, by name: what `newsdex-verified.json` holds.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Verified {
    files: BTreeMap<String, Stamp>,
}

/// A file's size and change time: a write into the file changes the time,
/// a copy cut short the size. On Unix the time is the inode's change time
/// (ctime), which a tool that sets modification times back (`touch -r`,
/// `cp -p`) cannot set back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Stamp {
    size: u64,
    changed_secs: i64,
    changed_nanos: i64,
}

fn stamp_of(path: &Path) -> Option<Stamp> {
    let meta = std::fs::metadata(path).ok()?;
    #[cfg(unix)]
    let (changed_secs, changed_nanos) = {
        use std::os::unix::fs::MetadataExt;
        (meta.ctime(), meta.ctime_nsec())
    };
    #[cfg(not(unix))]
    let (changed_secs, changed_nanos) = {
        let modified = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
        (
            modified.as_secs() as i64,
            i64::from(modified.subsec_nanos()),
        )
    };
    Some(Stamp {
        size: meta.len(),
        changed_secs,
        changed_nanos,
    })
}

/// Records `files` of the index at `dir` as whole. Best effort: in a
/// folder this process cannot write (an archive on read-only media) the
/// next open verifies again.
fn record_verified(dir: &Path, files: &[PathBuf]) {
    let verified = Verified {
        files: files
            .iter()
            .filter_map(|f| Some((f.display().to_string(), stamp_of(&dir.join(f))?)))
            .collect(),
    };
    let Ok(bytes) = serde_json::to_vec(&verified) else {
        return;
    };
    // Written aside and renamed: a reader sees the old record or the new.
    let staging = dir.join(format!("{VERIFIED_FILE}.{}.tmp", std::process::id()));
    if std::fs::write(&staging, bytes).is_err()
        || std::fs::rename(&staging, dir.join(VERIFIED_FILE)).is_err()
    {
        let _ = std::fs::remove_file(&staging);
    }
}

/// The files of `index` that fail their checksum, cannot be read or are
/// missing, relative to the index folder, in name order; empty when the
/// index is whole. Reads the whole index.
pub fn damaged_files(index: &Index) -> Result<Vec<PathBuf>> {
    let metas = match index.load_metas() {
        Ok(metas) => metas,
        Err(TantivyError::DataCorruption(_)) => return Ok(vec![PathBuf::from("meta.json")]),
        Err(err) => return Err(err.into()),
    };
    Ok(damaged_among(index, &segment_files(&metas)))
}

/// The files of the index's segments. tantivy lists a deletes file for
/// every segment; only a segment with deleted documents has one.
fn segment_files(metas: &tantivy::IndexMeta) -> Vec<PathBuf> {
    let mut files = metas.list_segment_files();
    for segment in metas.segments.iter().filter(|s| !s.has_deletes()) {
        files.remove(&segment.relative_path(SegmentComponent::Delete));
    }
    let mut files: Vec<PathBuf> = files.into_iter().collect();
    files.sort();
    files
}

fn damaged_among(index: &Index, files: &[PathBuf]) -> Vec<PathBuf> {
    files
        .iter()
        // A file that cannot be opened, or whose footer cannot be read, is
        // as damaged as one that fails its checksum.
        .filter(|file| !matches!(index.directory().validate_checksum(file), Ok(true)))
        .cloned()
        .collect()
}

/// `err`, or `Error::Damaged` when it can come of a damaged index and the
/// index at `path` has damaged files. Errors that cannot come of damage
/// (a bad query, a missing index) are returned as they are, without
/// reading the index.
pub fn explain(path: &Path, err: Error) -> Error {
    if !may_come_of_damage(&err) {
        return err;
    }
    match diagnose(path) {
        Some(files) => Error::Damaged {
            path: path.to_path_buf(),
            files,
        },
        None => err,
    }
}

/// The damaged files of the index at `path`, when there are any (reads the
/// whole index); `None` when it is whole, or is no index that can be read
/// far enough to tell.
pub fn diagnose(path: &Path) -> Option<Vec<PathBuf>> {
    if !path.join("meta.json").is_file() {
        return None;
    }
    let index = match Index::open_in_dir(path) {
        Ok(index) => index,
        Err(err) => return damaged_on_open(path, &err),
    };
    damaged_files(&index).ok().filter(|files| !files.is_empty())
}

/// Whether an error of a command could have been caused by a damaged index.
pub fn may_come_of_damage(err: &Error) -> bool {
    match err {
        Error::Tantivy(err) => tantivy_may_come_of_damage(err),
        _ => false,
    }
}

fn tantivy_may_come_of_damage(err: &TantivyError) -> bool {
    // Damaged bytes surface as almost any error of reading: `Failed to
    // lookup Doc #0` (an invalid argument) came of a damaged `.store`. Only
    // errors of writing, locking and the schema cannot.
    !matches!(
        err,
        TantivyError::LockFailure(..)
            | TantivyError::IndexAlreadyExists
            | TantivyError::OpenWriteError(_)
            | TantivyError::IndexBuilderMissingArgument(_)
            | TantivyError::SchemaError(_)
            | TantivyError::FieldNotFound(_)
    )
}

/// Maps an error of opening the index at `path` (tantivy's metadata) to
/// `Error::Damaged` when one of its files is damaged.
pub fn open_error(path: &Path, err: TantivyError) -> Error {
    match damaged_on_open(path, &err) {
        Some(files) => Error::Damaged {
            path: path.to_path_buf(),
            files,
        },
        None => err.into(),
    }
}

/// The files named by an error of `Index::open`, when it says they are
/// damaged: tantivy reads `meta.json` and `.managed.json` there, and
/// reports either one that does not parse as a `DataCorruption` naming it.
fn damaged_on_open(path: &Path, err: &TantivyError) -> Option<Vec<PathBuf>> {
    match err {
        TantivyError::DataCorruption(corruption) => {
            // tantivy keeps the file private but prints it in `Debug`.
            let file = file_of_corruption(&format!("{corruption:?}"))
                .unwrap_or_else(|| PathBuf::from("meta.json"));
            Some(vec![file])
        }
        TantivyError::OpenReadError(tantivy::directory::error::OpenReadError::IoError {
            filepath,
            ..
        }) if path.join(filepath).is_file() => Some(vec![filepath.clone()]),
        _ => None,
    }
}

/// The file in tantivy's `Debug` of a `DataCorruption`:
/// ``Data corruption (in file `"meta.json"`): …``.
fn file_of_corruption(debug: &str) -> Option<PathBuf> {
    let start = debug.find("(in file `\"")? + "(in file `\"".len();
    let end = start + debug[start..].find("\"`)")?;
    Some(PathBuf::from(&debug[start..end]))
}

/// `a.store, b.idx`, at most five named: for messages.
pub fn list_files(files: &[PathBuf]) -> String {
    const SHOWN: usize = 5;
    let mut list = files
        .iter()
        .take(SHOWN)
        .map(|f| f.display().to_string())
        .collect::<Vec<_>>()
        .join(", ");
    if files.len() > SHOWN {
        list.push_str(&format!(" and {} more files", files.len() - SHOWN));
    }
    if files.is_empty() {
        list.push_str("a file");
    }
    list
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_of_a_corruption_is_read_from_tantivys_message() {
        let corruption = tantivy::error::DataCorruption::new(
            PathBuf::from(".managed.json"),
            "Managed file cannot be deserialized".into(),
        );
        assert_eq!(
            file_of_corruption(&format!("{corruption:?}")),
            Some(PathBuf::from(".managed.json"))
        );
        let anonymous = tantivy::error::DataCorruption::comment_only("no file");
        assert_eq!(file_of_corruption(&format!("{anonymous:?}")), None);
    }

    #[test]
    fn long_lists_of_files_are_cut() {
        let files: Vec<PathBuf> = (0..7).map(|i| PathBuf::from(format!("{i}.idx"))).collect();
        assert_eq!(
            list_files(&files),
            "0.idx, 1.idx, 2.idx, 3.idx, 4.idx and 2 more files"
        );
    }
}
