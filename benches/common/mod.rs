//! What the benchmarks share: the index to measure, and numbers from the
//! environment.

#![allow(dead_code)] // each benchmark uses its own part

use std::path::PathBuf;

use anyhow::{Context, Result};
use newsdex::index::NewsIndex;
use newsdex::index::ingest::{self, IngestOptions, NoProgress};

/// The index to measure: `NEWSDEX_BENCH_INDEX` when set, else
/// `NEWSDEX_BENCH_CORPUS` (default `../shared/corpora/bbc`) indexed into a
/// temporary folder, returned with it (the index lives as long as the
/// folder). None, after saying "skipped", when the corpus is missing.
pub fn bench_index() -> Result<Option<(PathBuf, Option<tempfile::TempDir>)>> {
    if let Some(path) = std::env::var_os("NEWSDEX_BENCH_INDEX") {
        return Ok(Some((PathBuf::from(path), None)));
    }
    let corpus = match std::env::var_os("NEWSDEX_BENCH_CORPUS") {
        Some(path) => PathBuf::from(path),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/bbc"),
    };
    if !corpus.is_dir() {
        println!("skipped: corpus not found at {}", corpus.display());
        return Ok(None);
    }
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("index");
    let index = NewsIndex::open_or_create(&path)?;
    let options = IngestOptions {
        roots: vec![corpus.clone()],
        ..IngestOptions::default()
    };
    let summary = ingest::ingest(&index, &options, &NoProgress)?;
    println!(
        "corpus {}: {} documents, {:.1} MB indexed in {:.2} s ({} failed)",
        corpus.display(),
        summary.documents,
        summary.megabytes_read(),
        summary.seconds,
        summary.failed,
    );
    Ok(Some((path, Some(dir))))
}

/// A whole number from the environment, `default` when unset, at least 1.
pub fn env_number(name: &str, default: u64) -> Result<u64> {
    let n = match std::env::var(name) {
        Ok(text) => text
            .trim()
            .parse()
            .with_context(|| format!("{name}={text:?} is not a number"))?,
        Err(_) => default,
    };
    anyhow::ensure!(n > 0, "{name} must be at least 1");
    Ok(n)
}
