//! The ingest pipeline: walk → read and extract (on all cores) → one
//! IndexWriter → one atomic commit.
//!
//! ```text
//! walker thread ──jobs──▶ N worker threads ──outcomes──▶ this thread: IndexWriter
//!        │                  ▲        │                    (clusters, ≤ 1,000 documents
//!        │                  └batches─┘                     queued inside tantivy)
//!        └──────────── unchanged files, walk errors ───────▶┘
//! ```
//!
//! Every channel is bounded, so memory stays flat however large the corpus:
//! a few files or batches per worker are in flight. A large record file is
//! read by one worker as a stream and its records are extracted in batches
//! by whichever workers are free, so one big JSON Lines file keeps every
//! core busy. Incremental: a file whose size and modification time match
//! what the index holds is not read; one whose bytes changed is replaced;
//! documents of files under the indexed roots that are gone are deleted.
//! Nothing is visible until a commit, and tantivy commits are atomic, so a
//! run killed halfway leaves the index as of its last commit (every
//! 50,000 documents, and at the end).

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Instant, UNIX_EPOCH};

use crossbeam_channel::{Receiver, Sender, bounded};
use serde::Serialize;
use tantivy::indexer::LogMergePolicy;
use tantivy::{IndexWriter, TantivyDocument, Term};

use crate::article::Article;
use crate::error::{Error, Result};
use crate::extract;
use crate::index::NewsIndex;
use crate::index::document::{FileFingerprint, to_document};
use crate::index::ids::{article_id, fnv1a64, path_key, path_of_key};
use crate::index::in_flight::{InFlight, TicketedDoc};
use crate::index::state::indexed_files;
use crate::read::{self, ReadError};

/// How an ingest run is set up.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// Folders (or single files) to index.
    pub roots: Vec<PathBuf>,
    /// Stop at the first file or record that fails, committing nothing.
    pub strict: bool,
    /// Record files (JSON Lines, CSV, TSV) larger than this are streamed.
    pub stream_above_bytes: u64,
    /// Threads that read and extract.
    pub threads: usize,
    /// Threads inside tantivy's IndexWriter.
    pub writer_threads: usize,
    /// Memory budget of the IndexWriter, in bytes (at least 15 MB a thread).
    pub writer_memory: usize,
    /// Commit after this many documents, so a crash late in a huge corpus
    /// does not lose everything before it (each commit is itself atomic).
    pub commit_every: u64,
}

impl Default for IngestOptions {
    fn default() -> Self {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        IngestOptions {
            roots: Vec::new(),
            strict: false,
            stream_above_bytes: read::stream::STREAM_ABOVE_BYTES,
            threads: cores,
            writer_threads: cores.clamp(1, 4),
            writer_memory: 128 * 1024 * 1024,
            commit_every: COMMIT_EVERY_DOCS,
        }
    }
}

/// A file that could not be indexed, and why.
#[derive(Debug, Clone, Serialize)]
pub struct Failure {
    pub path: String,
    pub reason: String,
}

/// What an ingest run did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct IngestSummary {
    pub added: u64,
    pub updated: u64,
    pub unchanged: u64,
    pub removed: u64,
    pub failed: u64,
    /// Records (lines, rows, items) that could not be read inside files
    /// whose other records were indexed.
    pub failed_records: u64,
    /// Files and records passed over because they are not articles: pages
    /// without article text, a web archive's requests, images, redirects.
    pub skipped: u64,
    /// How many were skipped for each reason.
    pub skipped_reasons: std::collections::BTreeMap<String, u64>,
    /// Articles written again because the corpus-wide name table names
    /// their speakers otherwise (see `index::names`).
    pub renamed: u64,
    /// Time the name pass took (reading every article's names, building
    /// the table, rewriting and committing), within `seconds`.
    pub naming_seconds: f64,
    /// The last run into the index stopped before it finished (killed,
    /// disk full) and this run completed its work: its name pass, its
    /// ordinals, what it had not read.
    pub resumed: bool,
    /// Files found under a new path whose content matches an indexed file
    /// that is gone (a moved or renamed folder): their old copies are
    /// dropped. Counted here, not in `added` and `removed`.
    pub moved: u64,
    /// Articles in the index after the run.
    pub documents: u64,
    /// Bytes of the files read (unchanged files are not read).
    pub bytes_read: u64,
    pub seconds: f64,
    pub failures: Vec<Failure>,
}

impl IngestSummary {
    fn skip(&mut self, reason: String) {
        self.skipped += 1;
        *self.skipped_reasons.entry(reason).or_default() += 1;
    }

    pub fn megabytes_read(&self) -> f64 {
        self.bytes_read as f64 / 1_000_000.0
    }

    pub fn megabytes_per_second(&self) -> f64 {
        if self.seconds > 0.0 {
            self.megabytes_read() / self.seconds
        } else {
            0.0
        }
    }
}

/// Receives progress while an ingest runs (the CLI draws a bar with it).
pub trait Progress: Sync {
    /// The walker found a file to consider.
    fn found(&self) {}
    /// A file was dealt with (indexed, skipped or failed).
    fn done(&self) {}
    /// A file could not be indexed; called as it happens.
    fn failed(&self, _failure: &Failure) {}
    /// A file is not an article and was passed over; called as it happens.
    fn skipped(&self, _skip: &Failure) {}
    /// Every file is dealt with; the commit (and segment merges) begin.
    fn committing(&self) {}
    /// Something the user should know about the index itself (a stopped
    /// run completed, leftovers removed); called as it happens.
    fn note(&self, _message: &str) {}
}

/// A progress receiver that ignores everything.
pub struct NoProgress;
impl Progress for NoProgress {}

/// How often the writer hands freed memory back to the system
/// (`index::allocator`): often enough to keep the peak down, rarely enough
/// to cost nothing measurable.
pub(crate) const RELEASE_EVERY_DOCS: u64 = 10_000;

/// How often a long run commits by default (see `IngestOptions::commit_every`).
pub const COMMIT_EVERY_DOCS: u64 = 50_000;

/// A file the walker wants read.
struct Job {
    path: PathBuf,
    key: String,
    size: u64,
    mtime_ns: u64,
    previous: Option<FileFingerprint>,
}

/// A document ready but for its cluster and its speakers' names, which the
/// writer assigns.
struct PendingDoc {
    doc: crate::index::document::UnnamedDocument,
    id: String,
    signature: Option<crate::extract::minhash::Signature>,
}

#[derive(Clone, Copy)]
enum Change {
    Added,
    Updated,
    /// Modification time changed, bytes did not.
    Touched,
}

enum Outcome {
    Unchanged {
        key: String,
    },
    Indexed {
        key: String,
        docs: Vec<PendingDoc>,
        change: Change,
        /// The file's size and content, which recognise a moved file.
        fingerprint: FileFingerprint,
        bytes: u64,
        /// Records of the file that could not be read (the rest were).
        problems: Vec<Failure>,
        /// Why records of the file that are not articles were passed over.
        skipped: Vec<String>,
        /// The file's first (or only) batch of documents: the one that
        /// replaces what the index had of the file and counts the change.
        /// Large files are streamed in several batches.
        first: bool,
        /// The file's last message: every record of it has been sent.
        last: bool,
    },
    Failed {
        /// The indexed-file key, when the failure concerns one file.
        key: Option<String>,
        failure: Failure,
    },
    /// A file that is not an article (a section front saved as a page).
    /// What the index had of it is removed at the end, as for a file that
    /// is gone.
    Skipped {
        skip: Failure,
    },
}

/// Indexes `options.roots` into `index`, incrementally.
///
/// A run that fails (a full disk, an unreadable index) leaves the index as
/// of its last commit and removes the files it wrote since. A run that was
/// stopped (killed, or failed as above) is completed by the next: each
/// commit records whether the run is finished, and a run that finds the
/// last commit unfinished does what is left (its name pass and ordinals)
/// even when no file changed.
pub fn ingest(
    index: &NewsIndex,
    options: &IngestOptions,
    progress: &dyn Progress,
) -> Result<IngestSummary> {
    run(index, options, progress).map_err(|err| {
        remove_uncommitted(index);
        as_disk_full(err, &index.path)
    })
}

fn run(
    index: &NewsIndex,
    options: &IngestOptions,
    progress: &dyn Progress,
) -> Result<IngestSummary> {
    let started = Instant::now();
    let roots = canonical_roots(&options.roots)?;
    // A damaged file would make "unchanged" a lie and the name pass read
    // garbage: found here (files not verified since they were written),
    // the run stops and says `--rebuild` repairs it.
    crate::index::check::verify(index)?;
    let index_dir = std::fs::canonicalize(&index.path).unwrap_or_else(|_| index.path.clone());
    let reader = index.reader()?;
    let resumed = last_run_unfinished(&index.index);
    let mut known = indexed_files(&reader.searcher(), &index.schema)?;
    // Files a run committed only part of (it stopped before their end) are
    // read again in full, their part replaced.
    for key in partial_files(&index.index) {
        if let Some(fingerprint) = known.get_mut(&key) {
            fingerprint.size = u64::MAX;
            fingerprint.content_hash = 0;
        }
    }
    let known = Arc::new(known);

    let mut writer = open_writer(index, options.writer_threads, options.writer_memory)?;
    // Holding the writer, this run is the only one on the index: what a
    // stopped `--rebuild` left beside it can go.
    remove_stale_rebuild(&index.path, progress);
    if resumed {
        progress
            .note("the last run into this index stopped before it finished; this run completes it");
    }

    let in_flight = InFlight::default();
    let workers = options.threads.max(1);
    let (job_tx, job_rx) = bounded::<Job>(workers * 4);
    // Outcomes carry whole documents (up to a batch each): few in flight.
    let (outcome_tx, outcome_rx) = bounded::<Outcome>(workers);
    // Batches of a streamed file's records, read but not yet extracted: any
    // worker takes them, so one large file keeps every core busy.
    let (batch_tx, batch_rx) = bounded::<Batch>(workers);
    let path_field = index.schema.core.path;
    let cluster_field = index.schema.core.cluster;
    // Loaded when the first document is written: a re-run where nothing
    // changed need not read every signature in the index.
    let mut clusters: Option<crate::index::clusters::Clusters> = None;
    // Likewise the names of the articles already indexed.
    let mut names: Option<crate::index::names::RunningNames> = None;

    let mut summary = IngestSummary {
        resumed,
        ..IngestSummary::default()
    };
    let mut seen: HashSet<String> = HashSet::new();
    // Set on a failure under `strict`: the walker stops, workers skip what
    // is left, and the run ends without a commit.
    let stop = std::sync::atomic::AtomicBool::new(false);
    let streaming = std::sync::atomic::AtomicUsize::new(0);
    let mut fatal: Option<Failure> = None;
    let mut unreadable_dirs: Vec<PathBuf> = Vec::new();
    // Files new to the index, by size and content: a file that is gone
    // with the same content was moved here.
    let mut arrived: HashMap<(u64, u64), Vec<String>> = HashMap::new();

    std::thread::scope(|scope| -> Result<()> {
        {
            let known = Arc::clone(&known);
            let outcome_tx = outcome_tx.clone();
            let roots = &roots;
            let index_dir = &index_dir;
            let stop = &stop;
            scope.spawn(move || {
                walk(
                    roots,
                    index_dir,
                    &known,
                    &job_tx,
                    &outcome_tx,
                    progress,
                    stop,
                )
            });
        }
        for _ in 0..workers {
            let worker = Worker {
                index,
                jobs: job_rx.clone(),
                batches: (batch_tx.clone(), batch_rx.clone()),
                outcomes: outcome_tx.clone(),
                stop: &stop,
                streaming: &streaming,
                stream_above: options.stream_above_bytes,
            };
            scope.spawn(move || worker.run());
        }
        drop(job_rx);
        drop((batch_tx, batch_rx));
        drop(outcome_tx);

        // Owned here, so that leaving early (a writer error, a panic)
        // drops it: the workers' sends then fail and they stop, instead
        // of waiting forever for a reader that is gone.
        let outcome_rx = outcome_rx;
        let mut since_commit = 0u64;
        // Streamed files whose records are not all written yet.
        let mut open: HashSet<String> = HashSet::new();
        for outcome in outcome_rx.iter() {
            progress.done();
            if fatal.is_some() {
                continue;
            }
            if options.strict {
                let failure = match &outcome {
                    Outcome::Failed { failure, .. } => Some(failure.clone()),
                    Outcome::Indexed { problems, .. } => problems.first().cloned(),
                    Outcome::Unchanged { .. } | Outcome::Skipped { .. } => None,
                };
                if let Some(failure) = failure {
                    progress.failed(&failure);
                    stop.store(true, std::sync::atomic::Ordering::Relaxed);
                    fatal = Some(failure);
                    continue;
                }
            }
            match outcome {
                Outcome::Unchanged { key } => {
                    summary.unchanged += 1;
                    seen.insert(key);
                }
                Outcome::Indexed {
                    key,
                    docs,
                    change,
                    fingerprint,
                    bytes,
                    problems,
                    skipped,
                    first,
                    last,
                } => {
                    for reason in skipped {
                        summary.skip(reason);
                    }
                    for problem in problems {
                        progress.failed(&problem);
                        summary.failed_records += 1;
                        summary.failures.push(problem);
                    }
                    if first && !last {
                        open.insert(key.clone());
                    }
                    if last {
                        open.remove(&key);
                    }
                    if first {
                        match change {
                            Change::Added => {
                                summary.added += 1;
                                arrived
                                    .entry((fingerprint.size, fingerprint.content_hash))
                                    .or_default()
                                    .push(key.clone());
                            }
                            Change::Updated => summary.updated += 1,
                            Change::Touched => summary.unchanged += 1,
                        }
                        if !matches!(change, Change::Added) {
                            writer.delete_term(Term::from_field_text(path_field, &key));
                        }
                    }
                    for pending in docs {
                        let clusters = match &mut clusters {
                            Some(loaded) => loaded,
                            None => clusters.insert(crate::index::clusters::Clusters::load(
                                &reader.searcher(),
                                &index.schema,
                            )?),
                        };
                        let cluster = clusters.assign(&pending.id, pending.signature.as_ref());
                        let names = match &mut names {
                            Some(loaded) => loaded,
                            None => names.insert(crate::index::names::RunningNames::load(
                                &reader.searcher(),
                                &index.schema,
                            )?),
                        };
                        let named = names.name(&pending.doc.names);
                        let mut doc = pending.doc.named(&index.schema, &named);
                        doc.add_text(cluster_field, &cluster);
                        add_document(&mut writer, in_flight.admit(doc))?;
                        crate::faults::reached("read");
                        since_commit += 1;
                        if since_commit.is_multiple_of(RELEASE_EVERY_DOCS) {
                            crate::index::allocator::release_freed();
                        }
                    }
                    summary.bytes_read += bytes;
                    seen.insert(key);
                    if since_commit >= options.commit_every {
                        commit(&mut writer, &open, false)?;
                        since_commit = 0;
                    }
                }
                Outcome::Failed { key, failure } => {
                    progress.failed(&failure);
                    summary.failed += 1;
                    match key {
                        Some(key) => {
                            // Still there, just unreadable now: keep what the
                            // index has of it rather than delete it.
                            seen.insert(key);
                        }
                        None => unreadable_dirs.push(PathBuf::from(&failure.path)),
                    }
                    summary.failures.push(failure);
                }
                Outcome::Skipped { skip } => {
                    // Named with its reason as it happens; counted by the
                    // reason alone (the summary says they are not articles).
                    progress.skipped(&Failure {
                        path: skip.path,
                        reason: format!("not an article: {}", skip.reason),
                    });
                    summary.skip(skip.reason);
                }
            }
        }
        Ok(())
    })?;
    if let Some(failure) = fatal {
        // Dropping the writer discards everything since the last commit.
        drop(writer);
        return Err(Error::Strict {
            path: failure.path,
            reason: failure.reason,
        });
    }

    // Files the index holds that this run did not see: under the roots
    // and gone, they are removed; anywhere, gone and arrived under another
    // path with the same content, they were moved (their old copies go,
    // and the file counts as moved, not as added and removed).
    let root_keys: Vec<String> = roots.iter().map(|root| path_key(root)).collect();
    let mut gone: Vec<&String> = known.keys().filter(|key| !seen.contains(*key)).collect();
    gone.sort();
    for key in gone {
        let path = Path::new(key);
        let in_scope = root_keys.iter().any(|root| path.starts_with(root));
        let shielded = unreadable_dirs.iter().any(|dir| path.starts_with(dir));
        let exists = || std::fs::symlink_metadata(path_of_key(key)).is_ok();
        let moved = (in_scope && !shielded || !in_scope && !exists())
            && known.get(key).is_some_and(|old| {
                arrived
                    .get_mut(&(old.size, old.content_hash))
                    .and_then(Vec::pop)
                    .is_some()
            });
        if moved {
            summary.moved += 1;
            summary.added -= 1;
        } else if !in_scope || shielded {
            continue;
        } else {
            summary.removed += 1;
        }
        writer.delete_term(Term::from_field_text(path_field, key));
    }

    progress.committing();
    // The name pass is due when the articles changed, or when the run that
    // last committed stopped before its own pass was committed.
    let renaming = resumed || summary.added + summary.updated + summary.removed + summary.moved > 0;
    crate::faults::reached("commit");
    commit(&mut writer, &HashSet::new(), !renaming)?;
    // The pass below counts every article's names again, from the index:
    // what the run kept of them, and of copies, is no longer needed.
    drop(names);
    drop(clusters);
    crate::index::allocator::release_freed();
    // One name per entity across the corpus: what this run added may name
    // the speakers of other articles (a full name for a surname), so the
    // pass reads every article's names, not only this run's.
    if renaming {
        let naming = Instant::now();
        // The pass holds every article's names counted and the table
        // built from them while it rewrites, so its writer gets half the
        // budget: at 200,000 scale articles the run's peak anonymous
        // memory went from 399 to 326 MB, at 500,000 from 589-646 to
        // 541 MB (docs/PERFORMANCE.md). The run's merges finish first,
        // so they do not add to the pass's peak either.
        writer.wait_merging_threads()?;
        writer = open_writer(
            index,
            options.writer_threads,
            pass_memory(options.writer_memory, options.writer_threads),
        )?;
        summary.renamed = crate::index::names::apply(index, &mut writer)?.rewritten;
        crate::faults::reached("names-commit");
        commit(&mut writer, &HashSet::new(), true)?;
        summary.naming_seconds = naming.elapsed().as_secs_f64();
    }
    writer.wait_merging_threads()?;
    reader.reload()?;
    // Facets merge segments by these; a run that changed nothing keeps
    // the files it finds, if they are for these segments.
    let searcher = reader.searcher();
    let changed = renaming || summary.renamed > 0;
    let current = index.schema.facet_fields().all(|f| {
        f.spec.kind != crate::index::schema::FieldType::String
            || crate::index::ordinals::FieldOrdinals::load(&index.path, &f.spec.name, &searcher)
                .is_some()
    });
    if changed || !current {
        crate::index::ordinals::write_all(&index.path, &searcher, &index.schema)?;
    }
    // What this run wrote is read back against its checksums now, while
    // it is in the page cache, and recorded: the first search after the
    // run need not read it (`index::check`).
    crate::index::check::verify(index)?;
    summary.documents = searcher.num_docs();
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

/// What a commit records besides the documents: the streamed files only
/// partly written when it was made (a run that stops after it must read
/// them again), and whether the run was finished with it. Commits made
/// while reading and the commit before the name pass are unfinished; the
/// pass's commit (or the main one, when no pass is due) finishes the run.
/// tantivy keeps the payload through the merges that follow.
#[derive(Serialize, serde::Deserialize, Default)]
struct CommitPayload {
    partial: Vec<String>,
    /// Missing in commits of versions before this field: read as
    /// unfinished, so the first run of this version does a name pass.
    #[serde(default)]
    finished: bool,
}

/// The least tantivy lets an indexing thread have (its
/// `MEMORY_BUDGET_NUM_BYTES_MIN`, not exported).
const WRITER_THREAD_MEMORY_MIN: usize = 15_000_000;

/// The name pass's writer budget: half the run's, never less than tantivy
/// accepts for the threads.
fn pass_memory(writer_memory: usize, writer_threads: usize) -> usize {
    (writer_memory / 2).max(writer_threads.max(1) * WRITER_THREAD_MEMORY_MIN)
}

/// A writer on `index` with newsdex's merge policy; a writer held
/// elsewhere is reported as the index being locked.
fn open_writer(
    index: &NewsIndex,
    threads: usize,
    memory: usize,
) -> Result<IndexWriter<TicketedDoc>> {
    let writer: IndexWriter<TicketedDoc> = index
        .index
        .writer_with_num_threads(threads.max(1), memory)
        .map_err(|e| match e {
            tantivy::TantivyError::LockFailure(..) => Error::Locked {
                path: index.path.clone(),
            },
            other => Error::Tantivy(other),
        })?;
    writer.set_merge_policy(Box::new(merge_policy()));
    Ok(writer)
}

/// The merge policy newsdex writes with. The name pass rewrites the
/// articles whose names it changes (a third of them at 500,000 articles),
/// leaving the old ones deleted in their segments: searched, stored and
/// counted in BM25 until a merge drops them. A segment a fifth deleted is
/// merged with its level.
pub fn merge_policy() -> LogMergePolicy {
    let mut merges = LogMergePolicy::default();
    merges.set_del_docs_ratio_before_merge(0.2);
    merges
}

/// Hands a document to the writer. When the writer's threads have stopped
/// (a write failed: a full disk), tantivy says only that; the failure
/// itself is in their result, which preparing a commit collects.
pub(crate) fn add_document(writer: &mut IndexWriter<TicketedDoc>, doc: TicketedDoc) -> Result<()> {
    let Err(stopped) = writer.add_document(doc) else {
        return Ok(());
    };
    Err(match writer.prepare_commit() {
        Err(cause) => cause.into(),
        Ok(_) => stopped.into(),
    })
}

fn commit(
    writer: &mut IndexWriter<TicketedDoc>,
    open: &HashSet<String>,
    finished: bool,
) -> Result<()> {
    let mut partial: Vec<String> = open.iter().cloned().collect();
    partial.sort();
    let payload = serde_json::to_string(&CommitPayload { partial, finished })
        .map_err(|e| Error::Tantivy(tantivy::TantivyError::InternalError(e.to_string())))?;
    let mut prepared = writer.prepare_commit()?;
    prepared.set_payload(&payload);
    prepared.commit()?;
    Ok(())
}

fn last_payload(index: &tantivy::Index) -> Option<CommitPayload> {
    index
        .load_metas()
        .ok()
        .and_then(|metas| metas.payload)
        .and_then(|payload| serde_json::from_str::<CommitPayload>(&payload).ok())
}

/// The files the last commit holds only part of.
fn partial_files(index: &tantivy::Index) -> Vec<String> {
    last_payload(index)
        .map(|payload| payload.partial)
        .unwrap_or_default()
}

/// Whether the run that made the last commit stopped before it finished.
/// A commit without newsdex's payload is a new, empty index's or (before
/// the payload said whether a run finished) a name pass's: finished.
fn last_run_unfinished(index: &tantivy::Index) -> bool {
    last_payload(index).is_some_and(|payload| !payload.finished)
}

/// After a failed run: the segment files it wrote and did not commit are
/// deleted (a full disk would stay full otherwise), and so are ordinals
/// files it was writing. Best effort: the index is already as of its last
/// commit, and the next successful commit removes what is left.
fn remove_uncommitted(index: &NewsIndex) {
    crate::index::ordinals::remove_staging(&index.path);
    // Holding the writer lock, so no other run is writing files now.
    let Ok(writer) = index
        .index
        .writer_with_num_threads::<TantivyDocument>(1, WRITER_THREAD_MEMORY_MIN)
    else {
        return;
    };
    let _ = writer.garbage_collect_files().wait();
    // tantivy deletes only the files it listed as its own, and on a full
    // disk the list itself may not have been saved: any segment file the
    // last commit does not name goes too.
    let Ok(metas) = index.index.load_metas() else {
        return;
    };
    let committed: HashSet<String> = metas
        .segments
        .iter()
        .map(|segment| segment.id().uuid_string())
        .collect();
    let Ok(entries) = std::fs::read_dir(&index.path) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some((stem, _)) = name.to_str().and_then(|n| n.split_once('.')) else {
            continue;
        };
        let segment_file = stem.len() == 32 && stem.bytes().all(|b| b.is_ascii_hexdigit());
        if segment_file && !committed.contains(stem) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
    drop(writer);
}

/// What a stopped `--rebuild` leaves beside the index: its half-built
/// index, or the retired one (when it stopped between the two renames of
/// a system without an atomic exchange).
fn remove_stale_rebuild(path: &Path, progress: &dyn Progress) {
    for suffix in ["rebuilding", "old"] {
        let stale = sibling(path, suffix);
        if stale.is_dir() && std::fs::remove_dir_all(&stale).is_ok() {
            progress.note(&format!(
                "removed {}, left by a `--rebuild` that stopped",
                stale.display()
            ));
        }
    }
}

/// A failure caused by a full disk (or quota), told as such whatever layer
/// reported it: tantivy passes some on as text only.
fn as_disk_full(err: Error, path: &Path) -> Error {
    let full =
        [ENOSPC, EDQUOT_LINUX].map(|code| std::io::Error::from_raw_os_error(code).to_string());
    let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(&err);
    let mut is_full = false;
    while let Some(error) = cause {
        let io_full = error.downcast_ref::<std::io::Error>().is_some_and(|io| {
            matches!(
                io.kind(),
                std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded
            )
        });
        // tantivy passes some on as text: the system's message, or the
        // io error's debug form (`Os { code: 28, kind: StorageFull, … }`).
        let text = error.to_string();
        let text_full = full.iter().any(|message| text.contains(message.as_str()))
            || text.contains("StorageFull")
            || text.contains("QuotaExceeded");
        if io_full || text_full {
            is_full = true;
            break;
        }
        cause = error.source();
    }
    if is_full && !matches!(err, Error::DiskFull { .. }) {
        Error::DiskFull {
            path: path.to_path_buf(),
        }
    } else {
        err
    }
}

/// `ENOSPC`, the same on Linux, macOS and the BSDs.
const ENOSPC: i32 = 28;

/// `EDQUOT` on Linux (quota exceeded).
const EDQUOT_LINUX: i32 = 122;

fn canonical_roots(roots: &[PathBuf]) -> Result<Vec<PathBuf>> {
    roots
        .iter()
        .map(|root| {
            std::fs::canonicalize(root).map_err(|source| Error::Root {
                path: root.clone(),
                source,
            })
        })
        .collect()
}

/// Walks the roots; sends files to read as jobs and settles the rest itself.
fn walk(
    roots: &[PathBuf],
    index_dir: &Path,
    known: &HashMap<String, FileFingerprint>,
    jobs: &Sender<Job>,
    outcomes: &Sender<Outcome>,
    progress: &dyn Progress,
    stop: &std::sync::atomic::AtomicBool,
) {
    for root in roots {
        let entries = walkdir::WalkDir::new(root)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| {
                e.depth() == 0 || !(is_hidden(e.file_name()) || e.path() == index_dir)
            });
        for entry in entries {
            if stop.load(std::sync::atomic::Ordering::Relaxed) {
                return;
            }
            let entry = match entry {
                Ok(entry) => entry,
                Err(err) => {
                    let path = path_key(err.path().unwrap_or(root));
                    progress.found();
                    let reason = walk_error_reason(&err);
                    let failed = Outcome::Failed {
                        key: None,
                        failure: Failure { path, reason },
                    };
                    if outcomes.send(failed).is_err() {
                        return;
                    }
                    continue;
                }
            };
            if let Some(kind) = special_file(&entry.file_type()) {
                // Opening a named pipe would wait for a writer forever; a
                // socket or a device is no article either. Said, not read.
                progress.found();
                let skip = Failure {
                    path: path_key(entry.path()),
                    reason: format!("{kind}, not a regular file"),
                };
                if outcomes.send(Outcome::Skipped { skip }).is_err() {
                    return;
                }
                continue;
            }
            if !entry.file_type().is_file() || !read::is_supported(entry.path()) {
                continue;
            }
            progress.found();
            let key = path_key(entry.path());
            let metadata = match entry.metadata() {
                Ok(m) => m,
                Err(err) => {
                    let failure = Failure {
                        path: key.clone(),
                        reason: walk_error_reason(&err),
                    };
                    if outcomes
                        .send(Outcome::Failed {
                            key: Some(key),
                            failure,
                        })
                        .is_err()
                    {
                        return;
                    }
                    continue;
                }
            };
            let size = metadata.len();
            let mtime_ns = metadata
                .modified()
                .ok()
                .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos() as u64);
            let previous = known.get(&key).copied();
            let unchanged = previous
                .as_ref()
                .is_some_and(|p| p.size == size && p.mtime_ns == mtime_ns);
            let sent = if unchanged {
                outcomes.send(Outcome::Unchanged { key }).is_ok()
            } else {
                let job = Job {
                    path: entry.into_path(),
                    key,
                    size,
                    mtime_ns,
                    previous,
                };
                jobs.send(job).is_ok()
            };
            if !sent {
                return;
            }
        }
    }
}

fn walk_error_reason(err: &walkdir::Error) -> String {
    if err.loop_ancestor().is_some() {
        return "symbolic link loop, not followed".to_string();
    }
    match err.io_error() {
        Some(io) => io.to_string(),
        None => err.to_string(),
    }
}

/// What a file that is neither a regular file nor a folder is.
#[cfg(unix)]
fn special_file(file_type: &std::fs::FileType) -> Option<&'static str> {
    use std::os::unix::fs::FileTypeExt;
    if file_type.is_fifo() {
        Some("a named pipe")
    } else if file_type.is_socket() {
        Some("a socket")
    } else if file_type.is_block_device() || file_type.is_char_device() {
        Some("a device")
    } else {
        None
    }
}

#[cfg(not(unix))]
fn special_file(_file_type: &std::fs::FileType) -> Option<&'static str> {
    None
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|n| n.starts_with('.'))
}

/// Records of a streamed file, with their ids, waiting for extraction.
struct Batch {
    key: String,
    fingerprint: FileFingerprint,
    change: Change,
    /// Records with their ids; web pages among them are read by the
    /// worker that takes the batch.
    records: Vec<(read::stream::Record, String)>,
    problems: Vec<Failure>,
    skipped: Vec<String>,
}

/// A worker thread: reads, decodes and parses files, and extracts their
/// articles into documents; between files it extracts batches that
/// streamed files (its own or another worker's) have read.
struct Worker<'a> {
    index: &'a NewsIndex,
    jobs: Receiver<Job>,
    batches: (Sender<Batch>, Receiver<Batch>),
    outcomes: Sender<Outcome>,
    stop: &'a std::sync::atomic::AtomicBool,
    /// Workers reading a large file as a stream right now.
    streaming: &'a std::sync::atomic::AtomicUsize,
    stream_above: u64,
}

impl Worker<'_> {
    fn run(&self) {
        let batches = &self.batches.1;
        loop {
            // Batches first: they hold memory and the writer waits on them.
            while let Ok(batch) = batches.try_recv() {
                if !self.extract(batch) {
                    return;
                }
            }
            crossbeam_channel::select! {
                recv(batches) -> batch => {
                    // Never disconnected: this worker holds a sender.
                    if let Ok(batch) = batch && !self.extract(batch) {
                        return;
                    }
                }
                recv(self.jobs) -> job => match job {
                    Ok(job) => {
                        if !self.file(job) {
                            return;
                        }
                    }
                    Err(_) => break,
                },
            }
        }
        // No file left to take, but another worker may still be reading a
        // large file as a stream: help extract its batches until it is done
        // (else one big file is extracted on one core).
        while self.streaming.load(std::sync::atomic::Ordering::Acquire) > 0 {
            if let Ok(batch) = batches.recv_timeout(std::time::Duration::from_millis(20))
                && !self.extract(batch)
            {
                return;
            }
        }
        self.drain();
    }

    /// Extracts whatever batches are waiting. A worker that streamed a file
    /// calls this when done, so no batch it sent is left behind when the
    /// other workers have already finished.
    fn drain(&self) {
        while let Ok(batch) = self.batches.1.try_recv() {
            if !self.extract(batch) {
                return;
            }
        }
    }

    /// Deals with one file; false when the writer has gone.
    fn file(&self, job: Job) -> bool {
        if self.stop.load(std::sync::atomic::Ordering::Relaxed) {
            return true;
        }
        // Web archives and gzipped record files are streamed whatever their
        // size (see read::stream::always_streamed).
        let large = job.size > self.stream_above || read::stream::always_streamed(&job.path);
        if large && read::stream::streamable(&job.path).is_some() {
            use std::sync::atomic::Ordering;
            self.streaming.fetch_add(1, Ordering::AcqRel);
            let streamed = self.stream_file(&job);
            self.streaming.fetch_sub(1, Ordering::AcqRel);
            self.drain();
            return match streamed {
                Ok(()) => true,
                Err(err) => self.outcomes.send(failed(&job, &err)).is_ok(),
            };
        }
        let outcome = read_file(self.index, &job).unwrap_or_else(|err| match err {
            ReadError::NotAnArticle { reason } => Outcome::Skipped {
                skip: Failure {
                    path: job.key.clone(),
                    reason,
                },
            },
            err => failed(&job, &err),
        });
        self.outcomes.send(outcome).is_ok()
    }

    /// Reads (web pages) and extracts a batch of a streamed file, and hands
    /// it to the writer.
    fn extract(&self, batch: Batch) -> bool {
        let mut skipped = batch.skipped;
        let docs = batch
            .records
            .into_iter()
            .filter_map(|(record, id)| match record.into_article() {
                Ok(article) => Some(document(
                    self.index,
                    &batch.key,
                    article,
                    id,
                    batch.fingerprint,
                )),
                Err(reason) => {
                    skipped.push(reason);
                    None
                }
            })
            .collect();
        let outcome = Outcome::Indexed {
            key: batch.key,
            docs,
            change: batch.change,
            fingerprint: batch.fingerprint,
            bytes: 0,
            problems: batch.problems,
            skipped,
            first: false,
            last: false,
        };
        self.outcomes.send(outcome).is_ok()
    }

    /// Reads a large record file as a stream, in batches that any worker
    /// extracts (memory stays bounded by the batch and the channels,
    /// whatever the file's size).
    fn stream_file(&self, job: &Job) -> Result<(), ReadError> {
        let content_hash = read::stream::sampled_hash(&job.path)?;
        let fingerprint = FileFingerprint {
            size: job.size,
            mtime_ns: job.mtime_ns,
            content_hash,
        };
        let change = change_of(job, content_hash);
        // The first message goes straight to the writer, before any batch
        // (which may be extracted out of order): it replaces what the index
        // had of the file and counts the change.
        let first = Outcome::Indexed {
            key: job.key.clone(),
            docs: Vec::new(),
            change,
            fingerprint,
            bytes: 0,
            problems: Vec::new(),
            skipped: Vec::new(),
            first: true,
            last: false,
        };
        if self.outcomes.send(first).is_err() {
            return Ok(());
        }
        let mut ids = RecordIds::default();
        let mut position = 0;
        let bytes = read::stream::stream_records(
            &job.path,
            STREAM_BATCH,
            &mut |records, problems, skipped| {
                let records = records
                    .into_iter()
                    .map(|record| {
                        let id = ids.id(job, record.key(), position, true);
                        position += 1;
                        (record, id)
                    })
                    .collect();
                let batch = Batch {
                    key: job.key.clone(),
                    fingerprint,
                    change,
                    records,
                    problems: problems
                        .into_iter()
                        .map(|p| Failure {
                            path: job.key.clone(),
                            reason: p.to_string(),
                        })
                        .collect(),
                    skipped,
                };
                // When every other worker is busy, extract it here rather
                // than wait (and never deadlock with workers that stream too).
                match self.batches.0.try_send(batch) {
                    Ok(()) => true,
                    Err(crossbeam_channel::TrySendError::Full(batch)) => self.extract(batch),
                    Err(crossbeam_channel::TrySendError::Disconnected(_)) => false,
                }
            },
        )?;
        // The last message carries the byte count (and marks the file seen
        // even when it held no records).
        let last = Outcome::Indexed {
            key: job.key.clone(),
            docs: Vec::new(),
            change,
            fingerprint,
            bytes,
            problems: Vec::new(),
            skipped: Vec::new(),
            first: false,
            last: true,
        };
        let _ = self.outcomes.send(last);
        Ok(())
    }
}

fn failed(job: &Job, err: &ReadError) -> Outcome {
    Outcome::Failed {
        failure: Failure {
            path: job.key.clone(),
            reason: err.to_string(),
        },
        key: Some(job.key.clone()),
    }
}

fn read_file(index: &NewsIndex, job: &Job) -> Result<Outcome, ReadError> {
    let bytes = read::read_bytes(&job.path)?;
    let content_hash = fnv1a64(&bytes);
    let parsed = read::parse_file(&job.path, &bytes)?;
    let articles = parsed.articles;
    let skipped = parsed.skipped;
    let problems = parsed
        .problems
        .into_iter()
        .map(|p| Failure {
            path: job.key.clone(),
            reason: p.to_string(),
        })
        .collect();
    let fingerprint = FileFingerprint {
        size: job.size,
        mtime_ns: job.mtime_ns,
        content_hash,
    };
    let many = articles.len() > 1;
    let mut ids = RecordIds::default();
    let docs = articles
        .into_iter()
        .enumerate()
        .map(|(position, article)| {
            let id = ids.id(job, article.record.clone(), position, many);
            document(index, &job.key, article, id, fingerprint)
        })
        .collect();
    Ok(Outcome::Indexed {
        key: job.key.clone(),
        docs,
        change: change_of(job, content_hash),
        fingerprint,
        bytes: bytes.len() as u64,
        problems,
        skipped,
        first: true,
        last: true,
    })
}

fn change_of(job: &Job, content_hash: u64) -> Change {
    match &job.previous {
        None => Change::Added,
        Some(p) if p.content_hash == content_hash => Change::Touched,
        Some(_) => Change::Updated,
    }
}

/// Ids of the articles of one file: path plus the record's own key (a
/// guid, an id) when it has one not seen before in the file, else its
/// position — so a record keeps its id when others are added around it.
#[derive(Default)]
struct RecordIds {
    seen: HashSet<String>,
}

impl RecordIds {
    fn id(&mut self, job: &Job, record: Option<String>, position: usize, many: bool) -> String {
        let keyed = record.is_some();
        let record = record
            .filter(|key| self.seen.insert(key.clone()))
            .unwrap_or_else(|| position.to_string());
        if many || keyed {
            article_id(&format!("{}#{record}", job.key))
        } else {
            article_id(&job.key)
        }
    }
}

fn document(
    index: &NewsIndex,
    key: &str,
    mut article: Article,
    id: String,
    fingerprint: FileFingerprint,
) -> PendingDoc {
    article.id = id;
    article.path = key.to_string();
    extract::enrich(&mut article);
    PendingDoc {
        doc: to_document(&index.schema, &article, fingerprint),
        id: article.id,
        signature: article.signature,
    }
}

/// Documents per batch of a streamed file.
const STREAM_BATCH: usize = 256;

/// Builds a fresh index of `options.roots` in a folder beside `path` and
/// swaps it in once committed, so the old index stays usable until the new
/// one is complete. Used after a schema change and by `--rebuild`.
pub fn rebuild(
    path: &Path,
    options: &IngestOptions,
    progress: &dyn Progress,
) -> Result<IngestSummary> {
    // The live index's writer lock, held until the swap: a plain `index`
    // run meanwhile is refused rather than writing into a folder about to
    // be replaced.
    let _lock = lock_folder(path)?;
    let staging = sibling(path, "rebuilding");
    let retired = sibling(path, "old");
    for leftover in [&staging, &retired] {
        if leftover.exists() {
            remove_dir(leftover)?;
        }
    }
    let fresh = NewsIndex::open_or_create(&staging)?;
    let summary = match ingest(&fresh, options, progress) {
        Ok(summary) => summary,
        Err(err) => {
            drop(fresh);
            let _ = std::fs::remove_dir_all(&staging);
            return Err(match err {
                // Of the index being rebuilt, not of its staging folder.
                Error::DiskFull { .. } => Error::DiskFull {
                    path: path.to_path_buf(),
                },
                err => err,
            });
        }
    };
    drop(fresh);
    crate::faults::reached("swap");
    swap_in(&staging, path, &retired)?;
    Ok(summary)
}

/// Takes tantivy's writer lock of the index folder `path` (creating the
/// folder if need be), whatever schema the index there has.
fn lock_folder(path: &Path) -> Result<tantivy::directory::DirectoryLock> {
    use tantivy::directory::{Directory, INDEX_WRITER_LOCK, MmapDirectory};
    std::fs::create_dir_all(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let directory = MmapDirectory::open(path).map_err(tantivy::TantivyError::from)?;
    directory
        .acquire_lock(&INDEX_WRITER_LOCK)
        .map_err(|err| match err {
            tantivy::directory::error::LockError::LockBusy => Error::Locked {
                path: path.to_path_buf(),
            },
            other => Error::Tantivy(other.into()),
        })
}

/// Puts the built index `staging` where `path` is and removes the old one.
/// On Linux the two folders are exchanged in one step, so `path` is never
/// missing; elsewhere (or on a file system without the exchange) the old
/// one is renamed aside first, and a run stopped in between leaves it as
/// `retired`, which the next run removes.
fn swap_in(staging: &Path, path: &Path, retired: &Path) -> Result<()> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| Error::Io { path, source }
    };
    if exchange(staging, path).is_ok() {
        return remove_dir(staging);
    }
    if path.exists() {
        std::fs::rename(path, retired).map_err(io(path))?;
    }
    std::fs::rename(staging, path).map_err(io(staging))?;
    if retired.exists() {
        remove_dir(retired)?;
    }
    Ok(())
}

/// Swaps two folders atomically (`renameat2` with `RENAME_EXCHANGE`).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use std::os::unix::ffi::OsStrExt;
    let a = std::ffi::CString::new(a.as_os_str().as_bytes())?;
    let b = std::ffi::CString::new(b.as_os_str().as_bytes())?;
    // SAFETY: both are valid NUL-terminated paths that outlive the call.
    let status = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if status == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn exchange(_a: &Path, _b: &Path) -> std::io::Result<()> {
    Err(std::io::ErrorKind::Unsupported.into())
}

fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".{suffix}"));
    path.with_file_name(name)
}

fn remove_dir(path: &Path) -> Result<()> {
    std::fs::remove_dir_all(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_name_pass_writes_with_half_the_budget_within_tantivys_bounds() {
        assert_eq!(pass_memory(128 << 20, 2), 64 << 20);
        // Half of 40 MB is below two threads' least: the least, 30 MB.
        assert_eq!(pass_memory(40_000_000, 2), 30_000_000);
        // Never more than the run had, unless the run had less than tantivy
        // accepts (then opening its writer fails first).
        assert_eq!(pass_memory(30_000_000, 2), 30_000_000);
        assert_eq!(pass_memory(20_000_000, 1), 15_000_000);
    }
}
