//! Ingest speed: newsdex with full extraction against a bare tantivy indexer
//! of the same text, in the same invocation.
//!
//! For each corpus folder, each round runs two phases, in an order that
//! alternates from round to round so drift on a noisy machine hits both:
//!
//! - baseline: a bare tantivy indexer as a user would write it. It walks the
//!   same files and reads them with the same readers (JSON Lines streamed,
//!   as newsdex does), and indexes title and body with newsdex's analysis
//!   built from tantivy's own filters (`stemmed_without_memo`: newsdex's
//!   memo of stems is newsdex's work, not the baseline's), positions and
//!   stored text, through an IndexWriter with
//!   tantivy's usual thread count for the machine and the same memory
//!   budget. No extraction, no other field, one commit.
//! - newsdex: `ingest::ingest` with the options `newsdex index` uses by
//!   default: every extractor (dateline, date, quotes, speakers, places,
//!   near-duplicate signatures), every field of the schema.
//! - prepared: how fast newsdex would index if extraction cost nothing.
//!   Every article is read, extracted and turned into its document first,
//!   untimed (speakers named with the table of the whole corpus, copies
//!   assigned their stories); the clock then runs only while an IndexWriter
//!   set up as `newsdex index` sets it up (newsdex's schema, analysers,
//!   zstd store, threads and memory budget) adds the documents, commits and
//!   finishes its merges. Its ratio to the baseline is the most any work on
//!   extraction can give: what is left is tantivy indexing newsdex's
//!   fields. Its memory figures count the documents held ready, so they
//!   are not shown.
//!
//! Each phase runs in a child process (this executable, re-run with
//! `--phase`), so its peak RSS is its own and neither phase inherits the
//! other's heap. The parent reports MB/s (MB = 10^6 bytes of input read),
//! documents/s, peak RSS (VmHWM), peak anonymous memory (RssAnon sampled
//! every 20 ms: RSS also counts pages of the index files that merges map
//! and read, which are page cache), index size on disk, and newsdex's MB/s
//! as a ratio to the baseline's.
//!
//! Environment:
//! - `NEWSDEX_BENCH_CORPORA`: corpus folders separated by `:` (default the
//!   BBC and Reuters-21578 folders of `../shared/corpora`); folders that do
//!   not exist are reported as skipped.
//! - `NEWSDEX_BENCH_ROUNDS`: rounds per corpus (default 2).
//! - `NEWSDEX_BENCH_PHASES`: the phases to run, separated by `,` (default
//!   `baseline,newsdex,prepared`); the baseline always runs, ratios need it.
//! - `NEWSDEX_BENCH_MEMORY_MB`: the IndexWriter budget of both (default 128).
//! - `NEWSDEX_BENCH_JSON`: a file to append one JSON line per phase run to.
//! - `NEWSDEX_BENCH_KEEP`: a folder to keep newsdex's index of the last
//!   corpus in (for `cargo bench --bench search_latency` with
//!   `NEWSDEX_BENCH_INDEX`); replaced if it exists.
//!
//! Run with `cargo bench --bench ingest`.

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::{Context, Result, bail};
use newsdex::extract;
use newsdex::extract::minhash::Signature;
use newsdex::index::NewsIndex;
use newsdex::index::clusters::Clusters;
use newsdex::index::document::{FileFingerprint, UnnamedDocument, to_document};
use newsdex::index::ids::article_id;
use newsdex::index::ingest::{self, IngestOptions, NoProgress};
use newsdex::index::names::NameTable;
use newsdex::index::schema::NewsSchema;
use newsdex::index::tokenizers;
use newsdex::read;
use serde::{Deserialize, Serialize};
use tantivy::schema::{IndexRecordOption, Schema, TextFieldIndexing, TextOptions};
use tantivy::{Index, IndexWriter, TantivyDocument};

/// What one phase measured, reported by the child to the parent as JSON.
#[derive(Debug, Serialize, Deserialize)]
struct PhaseReport {
    phase: String,
    corpus: String,
    seconds: f64,
    bytes: u64,
    documents: u64,
    peak_rss_bytes: u64,
    peak_anonymous_bytes: u64,
    index_bytes: u64,
}

impl PhaseReport {
    fn megabytes_per_second(&self) -> f64 {
        self.bytes as f64 / 1e6 / self.seconds
    }
    fn documents_per_second(&self) -> f64 {
        self.documents as f64 / self.seconds
    }
}

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().collect();
    if let Some(at) = args.iter().position(|a| a == "--phase") {
        let [phase, corpus, index] = &args[at + 1..] else {
            bail!("usage: --phase baseline|newsdex CORPUS INDEX_DIR");
        };
        let report = run_phase(phase, Path::new(corpus), Path::new(index))?;
        println!("{}", serde_json::to_string(&report)?);
        return Ok(());
    }

    let corpora: Vec<PathBuf> = match std::env::var("NEWSDEX_BENCH_CORPORA") {
        Ok(list) => list.split(':').map(PathBuf::from).collect(),
        Err(_) => {
            let shared = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora");
            vec![shared.join("bbc"), shared.join("reuters21578")]
        }
    };
    let rounds = common::env_number("NEWSDEX_BENCH_ROUNDS", 2)?;
    let chosen =
        std::env::var("NEWSDEX_BENCH_PHASES").unwrap_or_else(|_| "newsdex,prepared".into());
    let mut phases = vec!["baseline"];
    for phase in chosen.split(',').map(str::trim) {
        match phase {
            "baseline" | "" => {}
            "newsdex" => phases.push("newsdex"),
            "prepared" => phases.push("prepared"),
            other => {
                bail!("NEWSDEX_BENCH_PHASES: unknown phase {other:?} (baseline, newsdex, prepared)")
            }
        }
    }
    let log = std::env::var_os("NEWSDEX_BENCH_JSON").map(PathBuf::from);

    println!(
        "{:<14} {:>5} {:>9} {:>8} {:>9} {:>7} {:>8} {:>9} {:>9} {:>9}",
        "corpus",
        "round",
        "phase",
        "seconds",
        "documents",
        "MB/s",
        "docs/s",
        "peak RSS",
        "peak anon",
        "index"
    );
    for corpus in &corpora {
        if !corpus.is_dir() {
            println!("skipped: corpus not found at {}", corpus.display());
            continue;
        }
        let name = corpus.file_name().map_or_else(
            || corpus.display().to_string(),
            |n| n.to_string_lossy().into(),
        );
        // Per phase after the baseline, its MB/s ÷ the baseline's, per round.
        let mut ratios: Vec<Vec<f64>> = vec![Vec::new(); phases.len()];
        for round in 1..=rounds {
            let mut order = phases.clone();
            if round % 2 == 0 {
                order.reverse();
            }
            let mut speeds = vec![0.0f64; phases.len()];
            for phase in order {
                let report = run_child(phase, corpus)?;
                let memory = |bytes: u64| {
                    if phase == "prepared" {
                        "-".to_string()
                    } else {
                        format!("{:.0} MB", bytes as f64 / 1e6)
                    }
                };
                println!(
                    "{:<14} {:>5} {:>9} {:>8.2} {:>9} {:>7.2} {:>8.0} {:>9} {:>9} {:>6.0} MB",
                    name,
                    round,
                    phase,
                    report.seconds,
                    report.documents,
                    report.megabytes_per_second(),
                    report.documents_per_second(),
                    memory(report.peak_rss_bytes),
                    memory(report.peak_anonymous_bytes),
                    report.index_bytes as f64 / 1e6,
                );
                let at = phases.iter().position(|p| *p == phase).unwrap_or(0);
                speeds[at] = report.megabytes_per_second();
                if let Some(log) = &log {
                    let mut file = std::fs::OpenOptions::new()
                        .create(true)
                        .append(true)
                        .open(log)?;
                    writeln!(file, "{}", serde_json::to_string(&report)?)?;
                }
            }
            for (at, speed) in speeds.iter().enumerate().skip(1) {
                ratios[at].push(speed / speeds[0]);
            }
        }
        for (phase, ratios) in phases.iter().zip(&ratios).skip(1) {
            let shown: Vec<String> = ratios.iter().map(|r| format!("{r:.2}")).collect();
            println!(
                "{name}: {phase} MB/s ÷ baseline MB/s per round: {}",
                shown.join(", ")
            );
        }
    }
    Ok(())
}

/// Runs one phase in a fresh child process and reads its report.
fn run_child(phase: &str, corpus: &Path) -> Result<PhaseReport> {
    let dir = tempfile::tempdir()?;
    let index = dir.path().join("index");
    let output = Command::new(std::env::current_exe()?)
        .arg("--phase")
        .arg(phase)
        .arg(corpus)
        .arg(&index)
        .output()
        .context("could not run the benchmark's child process")?;
    if !output.status.success() {
        bail!(
            "{phase} phase on {} failed: {}",
            corpus.display(),
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let mut report: PhaseReport = serde_json::from_slice(&output.stdout)
        .with_context(|| format!("{phase} phase printed no report"))?;
    report.index_bytes = size_on_disk(&index)?;
    if phase == "newsdex"
        && let Some(keep) = std::env::var_os("NEWSDEX_BENCH_KEEP")
    {
        let keep = PathBuf::from(keep);
        if keep.exists() {
            std::fs::remove_dir_all(&keep)?;
        }
        if std::fs::rename(&index, &keep).is_err() {
            // Another file system: copy file by file.
            std::fs::create_dir_all(&keep)?;
            for entry in std::fs::read_dir(&index)? {
                let entry = entry?;
                std::fs::copy(entry.path(), keep.join(entry.file_name()))?;
            }
        }
    }
    Ok(report)
}

fn run_phase(phase: &str, corpus: &Path, index: &Path) -> Result<PhaseReport> {
    let memory = common::env_number("NEWSDEX_BENCH_MEMORY_MB", 128)? as usize * 1024 * 1024;
    let sampler = AnonymousPeak::start();
    let started = Instant::now();
    let (bytes, documents) = match phase {
        "baseline" => bare_tantivy(corpus, index, memory)?,
        "newsdex" => {
            let news_index = NewsIndex::open_or_create(index)?;
            let options = IngestOptions {
                roots: vec![corpus.to_path_buf()],
                writer_memory: memory,
                ..IngestOptions::default()
            };
            let summary = ingest::ingest(&news_index, &options, &NoProgress)?;
            (summary.bytes_read, summary.documents)
        }
        "prepared" => {
            let (bytes, documents) = prepared_documents(corpus)?;
            let count = documents.len() as u64;
            let started = Instant::now();
            index_prepared(documents, index, memory)?;
            return Ok(PhaseReport {
                phase: phase.to_string(),
                corpus: corpus.display().to_string(),
                seconds: started.elapsed().as_secs_f64(),
                bytes,
                documents: count,
                peak_rss_bytes: 0,
                peak_anonymous_bytes: sampler.stop(),
                index_bytes: 0,
            });
        }
        other => bail!("unknown phase {other:?}"),
    };
    Ok(PhaseReport {
        phase: phase.to_string(),
        corpus: corpus.display().to_string(),
        seconds: started.elapsed().as_secs_f64(),
        bytes,
        documents,
        peak_rss_bytes: status_kilobytes("VmHWM")? * 1024,
        peak_anonymous_bytes: sampler.stop(),
        index_bytes: 0,
    })
}

/// The peak of anonymous memory (heap and stacks, not the index files the
/// process maps), sampled every 20 ms: the kernel keeps a high-water mark
/// only of the whole RSS, which also counts the pages of mapped index files
/// that segment merges read (page cache the kernel can drop at will).
struct AnonymousPeak {
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
    thread: std::thread::JoinHandle<u64>,
}

impl AnonymousPeak {
    fn start() -> AnonymousPeak {
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let flag = std::sync::Arc::clone(&stop);
        let thread = std::thread::spawn(move || {
            let mut peak = 0;
            while !flag.load(std::sync::atomic::Ordering::Relaxed) {
                peak = peak.max(status_kilobytes("RssAnon").unwrap_or(0) * 1024);
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            peak
        });
        AnonymousPeak { stop, thread }
    }

    fn stop(self) -> u64 {
        self.stop.store(true, std::sync::atomic::Ordering::Relaxed);
        self.thread.join().unwrap_or(0)
    }
}

/// The baseline: title and body, stemmed, with positions and stored, nothing
/// else. Returns (bytes read, documents indexed).
fn bare_tantivy(corpus: &Path, index_dir: &Path, memory: usize) -> Result<(u64, u64)> {
    let indexing = TextFieldIndexing::default()
        .set_tokenizer(tokenizers::STEMMED)
        .set_index_option(IndexRecordOption::WithFreqsAndPositions);
    let text = TextOptions::default()
        .set_indexing_options(indexing)
        .set_stored();
    let mut builder = Schema::builder();
    let title = builder.add_text_field("title", text.clone());
    let body = builder.add_text_field("body", text);
    std::fs::create_dir_all(index_dir)?;
    let index = Index::create_in_dir(index_dir, builder.build())?;
    index
        .tokenizers()
        .register(tokenizers::STEMMED, tokenizers::stemmed_without_memo());
    // tantivy's own choice of indexing threads for the machine.
    let mut writer: IndexWriter = index.writer(memory)?;

    let mut documents = 0u64;
    let bytes = for_each_article(corpus, &mut |article| {
        let mut doc = TantivyDocument::default();
        if let Some(t) = &article.title {
            doc.add_text(title, t);
        }
        doc.add_text(body, &article.body);
        writer.add_document(doc)?;
        documents += 1;
        Ok(())
    })?;
    writer.commit()?;
    writer.wait_merging_threads()?;
    Ok((bytes, documents))
}

/// Reads every article of `corpus` as both indexers do: JSON Lines files
/// above newsdex's threshold streamed, the others read whole; files that
/// cannot be read are passed over. Returns the bytes read.
fn for_each_article(
    corpus: &Path,
    add: &mut dyn FnMut(newsdex::Article) -> Result<()>,
) -> Result<u64> {
    let mut bytes = 0u64;
    for entry in walkdir::WalkDir::new(corpus).sort_by_file_name() {
        let entry = entry?;
        let path = entry.path();
        if !entry.file_type().is_file() || !read::is_supported(path) {
            continue;
        }
        let size = entry.metadata()?.len();
        if size > read::stream::STREAM_ABOVE_BYTES && read::stream::streamable(path).is_some() {
            // The reader hands batches to a callback; index them as they come.
            let mut failed = None;
            bytes +=
                read::stream::stream_records(path, 512, &mut |records, _problems, _skipped| {
                    for article in records.into_iter().filter_map(|r| r.into_article().ok()) {
                        if let Err(err) = add(article) {
                            failed = Some(err);
                            return false;
                        }
                    }
                    true
                })?;
            if let Some(err) = failed {
                return Err(err);
            }
        } else {
            let Ok(file_bytes) = read::read_bytes(path) else {
                continue;
            };
            bytes += file_bytes.len() as u64;
            let Ok(parsed) = read::parse_file(path, &file_bytes) else {
                continue;
            };
            for article in parsed.articles {
                add(article)?;
            }
        }
    }
    Ok(bytes)
}

/// The documents `newsdex index` would write for `corpus`, made ready:
/// every article extracted (on every core), its speakers named with the
/// table of the whole corpus, its copies given their story. Returns the
/// bytes read and the documents.
fn prepared_documents(corpus: &Path) -> Result<(u64, Vec<TantivyDocument>)> {
    let mut articles = Vec::new();
    let bytes = for_each_article(corpus, &mut |mut article| {
        article.path = corpus.display().to_string();
        article.id = article_id(&format!("{}#{}", article.path, articles.len()));
        articles.push(article);
        Ok(())
    })?;
    let schema = NewsSchema::builtin();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = articles.len().div_ceil(cores).max(1);
    let fingerprint = FileFingerprint {
        size: 0,
        mtime_ns: 0,
        content_hash: 0,
    };
    let unnamed: Vec<(UnnamedDocument, String, Option<Signature>)> = std::thread::scope(|scope| {
        let workers: Vec<_> = articles
            .chunks_mut(chunk)
            .map(|part| {
                let schema = &schema;
                scope.spawn(move || {
                    part.iter_mut()
                        .map(|article| {
                            extract::enrich(article);
                            let doc = to_document(schema, article, fingerprint);
                            (doc, article.id.clone(), article.signature)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|worker| worker.join().expect("an extraction thread panicked"))
            .collect()
    });
    drop(articles);
    let table = NameTable::build(unnamed.iter().map(|(doc, ..)| &doc.names));
    let mut clusters = Clusters::default();
    let documents = unnamed
        .into_iter()
        .map(|(doc, id, signature)| {
            let named = table.naming(&doc.names);
            let mut doc = doc.named(&schema, &named);
            doc.add_text(
                schema.core.cluster,
                clusters.assign(&id, signature.as_ref()),
            );
            doc
        })
        .collect();
    Ok((bytes, documents))
}

/// Indexes prepared documents as `newsdex index` writes them: its schema,
/// analysers and store, its writer threads and merge policy, one commit.
fn index_prepared(documents: Vec<TantivyDocument>, index_dir: &Path, memory: usize) -> Result<()> {
    let news_index = NewsIndex::open_or_create(index_dir)?;
    let threads = IngestOptions::default().writer_threads;
    let mut writer: IndexWriter = news_index.index.writer_with_num_threads(threads, memory)?;
    writer.set_merge_policy(Box::new(ingest::merge_policy()));
    for doc in documents {
        writer.add_document(doc)?;
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    Ok(())
}

/// A `kB` line of /proc/self/status (VmHWM: peak resident set size;
/// RssAnon: anonymous memory now), in kilobytes.
fn status_kilobytes(key: &str) -> Result<u64> {
    let status = std::fs::read_to_string("/proc/self/status")
        .context("memory figures need /proc/self/status (Linux)")?;
    let line = status
        .lines()
        .find_map(|l| l.strip_prefix(key)?.strip_prefix(':'))
        .with_context(|| format!("no {key} line in /proc/self/status"))?;
    Ok(line.trim().trim_end_matches("kB").trim().parse()?)
}

fn size_on_disk(path: &Path) -> Result<u64> {
    let mut total = 0;
    for entry in walkdir::WalkDir::new(path) {
        let entry = entry?;
        if entry.file_type().is_file() {
            total += entry.metadata()?.len();
        }
    }
    Ok(total)
}
