//! `newsdex push --remote ENGINE:URL/INDEX`: load an export into an engine.
//!
//! The contract: when `push` says done, every exported article is
//! searchable in the engine exactly once; after any interruption (newsdex
//! killed, the engine killed, the network gone) running `push` again
//! finishes the job.
//!
//! 1. Create the index from the export's definition when the engine has
//!    none by that name (an existing index is used as it is).
//! 2. Send each request body of the export, retrying busy answers with
//!    exponential backoff. Before a body is sent it is recorded as in
//!    flight, after the engine accepted it as done, in
//!    `DIR/pushed-to-….json`, so a rerun starts with the first body not
//!    accepted.
//! 3. Wait until the engine has made what it accepted searchable, and
//!    count. OpenSearch is exact by construction: it receives `create`
//!    actions keyed by the newsdex id, so an article sent twice is answered
//!    "already there" (409), never stored twice.
//!
//! Quickwit has no document ids and acknowledges documents before it
//! commits them: a node killed in between may lose them on restart (it
//! truncates its write-ahead log), and a body whose answer was lost may
//! have been stored although it is sent again. So for Quickwit, a body
//! that may already be there (in flight when a push was interrupted, or
//! retried after a lost answer) is first looked up by id and only its
//! missing articles are sent; and when the settled count differs from
//! the export's, every body is looked up by id: missing articles are
//! sent again, articles stored twice are deleted (a delete task, which
//! applies only to what was committed before it) and sent once more,
//! and the count is awaited again.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::error::{Error, Result};
use crate::remote::export::{Chunk, Manifest};
use crate::remote::http::{Client, Request, Response, RetryPolicy, Retrying, is_transient};
use crate::remote::{Engine, Remote};

/// What a push reports while it runs.
pub trait PushProgress {
    /// Articles in the export, and how many an earlier push already sent.
    fn started(&self, documents: u64, already_sent: u64);
    /// Articles sent so far, this run and earlier ones.
    fn sent(&self, documents: u64);
    fn retrying(&self, retry: &Retrying);
    /// Waiting for the engine to make accepted articles searchable.
    fn settling(&self, searchable: u64, expected: u64);
    /// Articles looked up by id found missing or stored twice.
    fn repairing(&self, missing: u64, duplicated: u64);
}

/// The outcome of a push.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PushReport {
    pub remote: String,
    /// The index was created by this push.
    pub created_index: bool,
    pub bodies: usize,
    /// Bodies an earlier, interrupted push had delivered.
    pub bodies_resumed: usize,
    /// Articles sent by this run (repairs included).
    pub sent: u64,
    /// Articles the engine already held (OpenSearch: 409 on `create`;
    /// Quickwit: found by id in a body that may have arrived before).
    pub already_there: u64,
    /// Articles the engine refused, and its first reasons.
    pub rejected: u64,
    pub rejections: Vec<String>,
    /// Articles found missing by id after the engine had settled (lost by
    /// a node that restarted), and sent again.
    pub resent_missing: u64,
    /// Articles found stored twice, deleted and sent once more.
    pub removed_duplicates: u64,
    /// Articles in the export.
    pub expected: u64,
    /// Documents the index held before a `--append` push.
    pub held_before: u64,
    /// Documents the engine's index holds after the push.
    pub engine_count: u64,
    /// Seconds spent sending, and waiting for the engine to settle.
    pub send_seconds: f64,
    pub settle_seconds: f64,
}

impl PushReport {
    /// Every exported article is in the engine, and nothing else is.
    pub fn is_complete(&self) -> bool {
        self.rejected == 0 && self.engine_count == self.held_before + self.expected
    }
}

/// What a resumable push remembers, `DIR/pushed-to-….json`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
struct PushState {
    remote: String,
    /// The export it belongs to (a new export starts over).
    index_opstamp: u64,
    documents: u64,
    /// Bodies the engine accepted, by file name.
    done: Vec<String>,
    /// Bodies sent without a definite answer: the engine may hold them.
    #[serde(default)]
    uncertain: Vec<String>,
    /// When a body was last sent (seconds since 1970): what the engine
    /// accepted before is committed (or lost) one commit interval later.
    #[serde(default)]
    last_sent: u64,
    /// Documents the index held before the first body of a `--append` push.
    #[serde(default)]
    held_before: u64,
}

impl PushState {
    fn is_fresh(&self) -> bool {
        self.done.is_empty() && self.uncertain.is_empty()
    }
}

/// How to push.
#[derive(Debug, Clone, Copy, Default)]
pub struct PushOptions {
    pub retry: RetryPolicy,
    /// Push into a Quickwit index that already holds documents from
    /// elsewhere (Quickwit has no ids: they would be stored twice if they
    /// are the same articles).
    pub append: bool,
}

/// How long past a commit interval to keep waiting for a count.
const SETTLE_MARGIN: Duration = Duration::from_secs(20);
/// How long a delete task may take to apply (Quickwit's janitor runs them).
const DELETE_WAIT: Duration = Duration::from_secs(600);
/// Ids per lookup or delete request.
const IDS_PER_REQUEST: usize = 1_000;

/// Loads the export in `dir` into `remote`.
pub fn push(
    remote: &Remote,
    dir: &Path,
    options: PushOptions,
    progress: &dyn PushProgress,
) -> Result<PushReport> {
    let manifest = Manifest::read(dir)?.ok_or_else(|| {
        Error::Remote(format!(
            "{} holds no finished export; run `newsdex export --target {} --out {}`",
            dir.display(),
            remote.engine,
            dir.display()
        ))
    })?;
    if manifest.engine != remote.engine.name() {
        return Err(Error::Remote(format!(
            "{} was exported for {}, not {}; export again with --target {}",
            dir.display(),
            manifest.engine,
            remote.engine,
            remote.engine
        )));
    }
    let engine = EngineApi {
        remote,
        client: Client::new(remote.authorization.clone(), options.retry),
    };
    let mut report = PushReport {
        remote: remote.display(),
        bodies: manifest.chunks.len(),
        expected: manifest.documents,
        ..PushReport::default()
    };
    let mut on_retry = |r: &Retrying| progress.retrying(r);

    let exists = engine.index_exists(&mut on_retry)?;
    if !exists {
        let definition_path = dir.join(&manifest.definition);
        let definition = fs::read_to_string(&definition_path).map_err(|source| Error::Io {
            path: definition_path,
            source,
        })?;
        engine.create_index(&definition, &mut on_retry)?;
        report.created_index = true;
    }

    let state_path = state_path(dir, remote);
    let mut state = match read_state(&state_path)? {
        Some(state)
            if state.index_opstamp == manifest.index_opstamp
                && state.documents == manifest.documents
                && !report.created_index =>
        {
            state
        }
        _ => PushState {
            remote: remote.display(),
            index_opstamp: manifest.index_opstamp,
            documents: manifest.documents,
            ..PushState::default()
        },
    };
    let quickwit = remote.engine == Engine::Quickwit;
    if exists && state.is_fresh() && quickwit {
        let held = engine.count(&mut on_retry)?;
        if options.append {
            state.held_before = held;
        } else if held > 0 {
            return Err(Error::Remote(format!(
                "{} already holds {held} documents, and this export has not been pushed \
                 there before: Quickwit has no document ids, so articles pushed twice are \
                 stored twice. Delete the index (DELETE {}/api/v1/indexes/{}), push to \
                 another index name, or pass --append to add these articles anyway",
                remote.display(),
                remote.base,
                remote.index
            )));
        }
    }
    // Quickwit commits what it accepted within this much time.
    let commit_interval = if quickwit {
        engine.commit_interval(&mut on_retry)?
    } else {
        Duration::ZERO
    };
    let done: HashSet<String> = state.done.iter().cloned().collect();
    let already: u64 = manifest
        .chunks
        .iter()
        .filter(|c| done.contains(&c.file))
        .map(|c| c.documents)
        .sum();
    report.bodies_resumed = manifest
        .chunks
        .iter()
        .filter(|c| done.contains(&c.file))
        .count();
    progress.started(manifest.documents, already);

    let sending = Instant::now();
    let mut delivered = already;
    let last = manifest.chunks.len().saturating_sub(1);
    for (i, chunk) in manifest.chunks.iter().enumerate() {
        if done.contains(&chunk.file) {
            continue;
        }
        let mut lines = None;
        if state.uncertain.contains(&chunk.file) {
            // It may be there: send only what the engine lacks, once what
            // it accepted has had time to be committed.
            wait_until(state.last_sent, commit_interval + SETTLE_MARGIN);
            let body = read_chunk(dir, chunk)?;
            let held = engine.held_ids(&body.ids(), &mut on_retry)?;
            let missing: Vec<String> = body
                .lines
                .into_iter()
                .filter(|(id, _)| !held.contains_key(id))
                .map(|(_, line)| line)
                .collect();
            report.already_there += chunk.documents - missing.len() as u64;
            lines = Some(missing);
        }
        let body = match &lines {
            Some(lines) if lines.is_empty() => None,
            Some(lines) => Some(ndjson(
                &lines.iter().map(String::as_str).collect::<Vec<_>>(),
            )),
            None => Some(read_file(&dir.join(&chunk.file))?),
        };
        if let Some(body) = body {
            if !state.uncertain.contains(&chunk.file) {
                state.uncertain.push(chunk.file.clone());
            }
            write_state(&state_path, &state)?;
            let mut unanswered = false;
            let outcome = engine.ingest(&body, i == last, &mut |r: &Retrying| {
                unanswered |= r.unanswered;
                progress.retrying(r);
            });
            let outcome = match outcome {
                Ok(outcome) => outcome,
                Err(e) => {
                    // An answer that refused it: the body is not there.
                    if !unanswered && !matches!(e, Error::RemoteUnanswered(_)) {
                        state.uncertain.retain(|f| f != &chunk.file);
                        write_state(&state_path, &state)?;
                    }
                    return Err(e);
                }
            };
            state.last_sent = now_unix();
            report.sent += lines.as_ref().map_or(chunk.documents, |l| l.len() as u64);
            report.already_there += outcome.already_there;
            report.rejected += outcome.rejected.len() as u64;
            for reason in outcome.rejected {
                if report.rejections.len() < 5 {
                    report.rejections.push(reason);
                }
            }
            if !unanswered || !quickwit {
                state.uncertain.retain(|f| f != &chunk.file);
            }
        } else {
            state.uncertain.retain(|f| f != &chunk.file);
        }
        state.done.push(chunk.file.clone());
        write_state(&state_path, &state)?;
        delivered += chunk.documents;
        progress.sent(delivered);
    }
    report.send_seconds = sending.elapsed().as_secs_f64();

    let settling = Instant::now();
    report.held_before = state.held_before;
    let target = state.held_before + manifest.documents;
    report.engine_count = engine.settled_count(
        target,
        state.last_sent,
        commit_interval + SETTLE_MARGIN,
        progress,
        &mut on_retry,
    )?;
    let exact = report.engine_count == target && state.uncertain.is_empty();
    if quickwit && !exact {
        let repair = reconcile(
            &engine,
            dir,
            &manifest,
            &mut report,
            progress,
            &mut on_retry,
        )?;
        if repair.changed() {
            state.last_sent = now_unix();
            let patience = if repair.deleted > 0 {
                DELETE_WAIT
            } else {
                commit_interval + SETTLE_MARGIN
            };
            report.engine_count =
                engine.settled_count(target, state.last_sent, patience, progress, &mut on_retry)?;
        }
        if report.engine_count == target {
            state.uncertain.clear();
        }
        write_state(&state_path, &state)?;
    } else if exact {
        state.uncertain.clear();
        write_state(&state_path, &state)?;
    }
    report.settle_seconds = settling.elapsed().as_secs_f64();
    Ok(report)
}

/// What a reconciliation by id changed.
#[derive(Debug, Default)]
struct Repair {
    resent: u64,
    deleted: u64,
}

impl Repair {
    fn changed(&self) -> bool {
        self.resent > 0 || self.deleted > 0
    }
}

/// Looks every exported article up by id; sends the missing again and
/// replaces those stored twice by one copy.
fn reconcile(
    engine: &EngineApi,
    dir: &Path,
    manifest: &Manifest,
    report: &mut PushReport,
    progress: &dyn PushProgress,
    on_retry: &mut dyn FnMut(&Retrying),
) -> Result<Repair> {
    let mut missing: Vec<String> = Vec::new();
    let mut duplicated: Vec<(String, String)> = Vec::new();
    for chunk in &manifest.chunks {
        let body = read_chunk(dir, chunk)?;
        let held = engine.held_ids(&body.ids(), on_retry)?;
        for (id, line) in body.lines {
            match held.get(&id) {
                None => missing.push(line),
                Some(1) => {}
                Some(_) => duplicated.push((id, line)),
            }
        }
    }
    progress.repairing(missing.len() as u64, duplicated.len() as u64);
    let mut repair = Repair::default();
    if !duplicated.is_empty() {
        let ids: Vec<&str> = duplicated.iter().map(|(id, _)| id.as_str()).collect();
        engine.delete_ids(&ids, on_retry)?;
        repair.deleted = duplicated.len() as u64;
        report.removed_duplicates += repair.deleted;
        // The delete task covers only what was committed before it: the
        // copy sent now survives it.
        missing.extend(duplicated.into_iter().map(|(_, line)| line));
    }
    for batch in missing.chunks(IDS_PER_REQUEST) {
        let lines: Vec<&str> = batch.iter().map(String::as_str).collect();
        let outcome = engine.ingest(&ndjson(&lines), true, on_retry)?;
        report.rejected += outcome.rejected.len() as u64;
        repair.resent += batch.len() as u64;
    }
    report.resent_missing += repair.resent - repair.deleted;
    report.sent += repair.resent;
    Ok(repair)
}

/// One request body, with the id of each article line.
struct ChunkLines {
    lines: Vec<(String, String)>,
}

impl ChunkLines {
    fn ids(&self) -> Vec<&str> {
        self.lines.iter().map(|(id, _)| id.as_str()).collect()
    }
}

fn read_file(path: &Path) -> Result<Vec<u8>> {
    fs::read(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// A Quickwit body's article lines by id (Quickwit bodies hold one
/// article per line; OpenSearch bodies are never read this way).
fn read_chunk(dir: &Path, chunk: &Chunk) -> Result<ChunkLines> {
    #[derive(Deserialize)]
    struct Id {
        id: String,
    }
    let path = dir.join(&chunk.file);
    let bytes = read_file(&path)?;
    let text = String::from_utf8_lossy(&bytes);
    let mut lines = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let id = serde_json::from_str::<Id>(line).map_err(|e| {
            Error::Remote(format!(
                "{}: a line without an article id ({e}); export again",
                path.display()
            ))
        })?;
        lines.push((id.id, line.to_string()));
    }
    Ok(ChunkLines { lines })
}

fn ndjson(lines: &[&str]) -> Vec<u8> {
    let mut body = Vec::with_capacity(lines.iter().map(|l| l.len() + 1).sum());
    for line in lines {
        body.extend_from_slice(line.as_bytes());
        body.push(b'\n');
    }
    body
}

fn now_unix() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// Sleeps until `wait` has passed since `since` (seconds since 1970).
fn wait_until(since: u64, wait: Duration) {
    let ready = since + wait.as_secs();
    let now = now_unix();
    if since > 0 && ready > now {
        std::thread::sleep(Duration::from_secs(ready - now));
    }
}

fn state_path(dir: &Path, remote: &Remote) -> PathBuf {
    let name: String = format!("{}-{}-{}", remote.engine, remote.base, remote.index)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    dir.join(format!("pushed-to-{name}.json"))
}

fn read_state(path: &Path) -> Result<Option<PushState>> {
    match fs::read(path) {
        // An unreadable state is an unfinished write: start over.
        Ok(bytes) => Ok(serde_json::from_slice(&bytes).ok()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(Error::Io {
            path: path.to_path_buf(),
            source,
        }),
    }
}

/// Written to a temporary file and renamed, so it is whole or absent.
fn write_state(path: &Path, state: &PushState) -> Result<()> {
    let temporary = path.with_extension("json.tmp");
    let text = serde_json::to_string_pretty(state).unwrap_or_default();
    fs::write(&temporary, text)
        .and_then(|()| fs::rename(&temporary, path))
        .map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })
}

/// What the engine said about one body.
struct Ingested {
    already_there: u64,
    /// The reason for each refused article.
    rejected: Vec<String>,
}

/// The requests of one engine.
struct EngineApi<'a> {
    remote: &'a Remote,
    client: Client,
}

impl EngineApi<'_> {
    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.remote.base)
    }

    fn expect_success(&self, what: &str, response: Response) -> Result<Response> {
        if response.is_success() {
            Ok(response)
        } else {
            Err(Error::Remote(format!(
                "{what} at {}: {}",
                self.remote.display(),
                response.reason()
            )))
        }
    }

    fn index_exists(&self, on_retry: &mut dyn FnMut(&Retrying)) -> Result<bool> {
        let index = &self.remote.index;
        let (method, url) = match self.remote.engine {
            Engine::Quickwit => ("GET", self.url(&format!("/api/v1/indexes/{index}"))),
            Engine::OpenSearch => ("HEAD", self.url(&format!("/{index}"))),
        };
        let request = Request {
            method,
            ..Request::get(&url)
        };
        let response = self.client.send_with_retries(&request, on_retry)?;
        match response.status {
            200 => Ok(true),
            404 => Ok(false),
            _ => Err(Error::Remote(format!(
                "checking for the index {}: {}",
                self.remote.display(),
                response.reason()
            ))),
        }
    }

    fn create_index(&self, definition: &str, on_retry: &mut dyn FnMut(&Retrying)) -> Result<()> {
        let index = &self.remote.index;
        let response = match self.remote.engine {
            Engine::Quickwit => {
                let config = with_index_id(definition, index);
                let url = self.url("/api/v1/indexes");
                let request =
                    Request::with_body("POST", &url, "application/yaml", config.as_bytes());
                self.client.send_with_retries(&request, on_retry)?
            }
            Engine::OpenSearch => {
                let url = self.url(&format!("/{index}"));
                let request =
                    Request::with_body("PUT", &url, "application/json", definition.as_bytes());
                self.client.send_with_retries(&request, on_retry)?
            }
        };
        self.expect_success("creating the index", response)?;
        Ok(())
    }

    fn ingest(
        &self,
        body: &[u8],
        last: bool,
        on_retry: &mut dyn FnMut(&Retrying),
    ) -> Result<Ingested> {
        let index = &self.remote.index;
        match self.remote.engine {
            Engine::Quickwit => {
                // `force` on the last body: its documents are searchable
                // when the push ends (the rest commit on Quickwit's timer).
                let commit = if last { "force" } else { "auto" };
                let url = self.url(&format!("/api/v1/{index}/ingest?commit={commit}"));
                let request = Request::with_body("POST", &url, "application/x-ndjson", body);
                let response = self.client.send_with_retries(&request, on_retry)?;
                let response = self.expect_success("ingesting", response)?;
                let json = response.json()?;
                let rejected = json["num_rejected_docs"].as_u64().unwrap_or(0);
                let reasons = json["parse_failures"]
                    .as_array()
                    .map(|failures| {
                        failures
                            .iter()
                            .map(|f| f["message"].as_str().unwrap_or("rejected").to_string())
                            .collect::<Vec<_>>()
                    })
                    .unwrap_or_default();
                let mut reasons = reasons;
                reasons.resize(rejected as usize, "rejected by Quickwit".to_string());
                Ok(Ingested {
                    already_there: 0,
                    rejected: reasons,
                })
            }
            Engine::OpenSearch => self.bulk(body, on_retry),
        }
    }

    /// `_bulk`, resending only the articles the engine was too busy for.
    fn bulk(&self, body: &[u8], on_retry: &mut dyn FnMut(&Retrying)) -> Result<Ingested> {
        let url = self.url(&format!("/{}/_bulk", self.remote.index));
        let text = String::from_utf8_lossy(body);
        let mut pending: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();
        let mut outcome = Ingested {
            already_there: 0,
            rejected: Vec::new(),
        };
        let mut retry = 0;
        while !pending.is_empty() {
            let mut request_body = pending.join("\n");
            request_body.push('\n');
            let request = Request::with_body(
                "POST",
                &url,
                "application/x-ndjson",
                request_body.as_bytes(),
            );
            let response = self.client.send_with_retries(&request, on_retry)?;
            let json = self.expect_success("bulk loading", response)?.json()?;
            let items = json["items"].as_array().cloned().unwrap_or_default();
            let mut busy: Vec<&str> = Vec::new();
            for (i, item) in items.iter().enumerate() {
                let result = item
                    .as_object()
                    .and_then(|o| o.values().next())
                    .cloned()
                    .unwrap_or(Value::Null);
                let status = result["status"].as_u64().unwrap_or(0) as u16;
                match status {
                    200..=299 => {}
                    409 => outcome.already_there += 1,
                    s if is_transient(s) => {
                        busy.extend(pending.get(2 * i..2 * i + 2).unwrap_or_default());
                    }
                    _ => outcome.rejected.push(format!(
                        "{}: {}",
                        result["_id"].as_str().unwrap_or("?"),
                        result["error"]["reason"]
                            .as_str()
                            .unwrap_or("refused by the engine")
                    )),
                }
            }
            if busy.is_empty() {
                break;
            }
            retry += 1;
            if retry >= self.client.retry.attempts {
                return Err(Error::Remote(format!(
                    "bulk loading at {}: {} articles still refused as busy after {} tries",
                    self.remote.display(),
                    busy.len() / 2,
                    self.client.retry.attempts
                )));
            }
            let delay = self.client.retry.delay(retry);
            on_retry(&Retrying {
                retry,
                delay,
                why: format!("{} articles answered 429", busy.len() / 2),
                unanswered: false,
            });
            std::thread::sleep(delay);
            pending = busy;
        }
        Ok(outcome)
    }

    /// Quickwit's commit interval for the index (`commit_timeout_secs`).
    fn commit_interval(&self, on_retry: &mut dyn FnMut(&Retrying)) -> Result<Duration> {
        let url = self.url(&format!("/api/v1/indexes/{}", self.remote.index));
        let response = self
            .client
            .send_with_retries(&Request::get(&url), on_retry)?;
        let json = self
            .expect_success("reading the index config", response)?
            .json()?;
        let seconds = json
            .pointer("/index_config/indexing_settings/commit_timeout_secs")
            .and_then(Value::as_u64)
            .unwrap_or(60);
        Ok(Duration::from_secs(seconds))
    }

    /// The count once it reaches `expected` or stops moving: polled until
    /// `patience` has passed since `last_sent` (seconds since 1970).
    fn settled_count(
        &self,
        expected: u64,
        last_sent: u64,
        patience: Duration,
        progress: &dyn PushProgress,
        on_retry: &mut dyn FnMut(&Retrying),
    ) -> Result<u64> {
        let deadline = last_sent + patience.as_secs();
        loop {
            let count = self.count(on_retry)?;
            if count == expected || now_unix() >= deadline || last_sent == 0 {
                return Ok(count);
            }
            progress.settling(count, expected);
            std::thread::sleep(Duration::from_millis(500));
        }
    }

    /// How many documents the index holds with each of `ids` (absent when none).
    fn held_ids(
        &self,
        ids: &[&str],
        on_retry: &mut dyn FnMut(&Retrying),
    ) -> Result<HashMap<String, u64>> {
        let url = self.url(&format!("/api/v1/_elastic/{}/_search", self.remote.index));
        let mut held = HashMap::new();
        for batch in ids.chunks(IDS_PER_REQUEST) {
            let body = json!({
                "query": { "terms": { "id": batch } },
                "size": 0,
                "aggs": { "ids": { "terms": { "field": "id", "size": batch.len() + 1 } } },
            })
            .to_string();
            let request = Request::with_body("POST", &url, "application/json", body.as_bytes());
            let response = self.client.send_with_retries(&request, on_retry)?;
            let json = self
                .expect_success("looking articles up by id", response)?
                .json()?;
            for bucket in json["aggregations"]["ids"]["buckets"]
                .as_array()
                .map(Vec::as_slice)
                .unwrap_or_default()
            {
                if let (Some(id), Some(count)) =
                    (bucket["key"].as_str(), bucket["doc_count"].as_u64())
                {
                    held.insert(id.to_string(), count);
                }
            }
        }
        Ok(held)
    }

    /// Deletes every document with one of `ids` (a Quickwit delete task:
    /// it applies to what was committed before it, in the background).
    fn delete_ids(&self, ids: &[&str], on_retry: &mut dyn FnMut(&Retrying)) -> Result<()> {
        let url = self.url(&format!("/api/v1/{}/delete-tasks", self.remote.index));
        for batch in ids.chunks(IDS_PER_REQUEST) {
            let query: Vec<String> = batch.iter().map(|id| format!("id:{id}")).collect();
            let body = json!({ "query": query.join(" OR ") }).to_string();
            let request = Request::with_body("POST", &url, "application/json", body.as_bytes());
            let response = self.client.send_with_retries(&request, on_retry)?;
            self.expect_success("deleting articles stored twice", response)?;
        }
        Ok(())
    }

    /// Documents in the index that the engine has made searchable.
    fn count(&self, on_retry: &mut dyn FnMut(&Retrying)) -> Result<u64> {
        let index = &self.remote.index;
        let (path, field) = match self.remote.engine {
            Engine::Quickwit => (
                format!("/api/v1/{index}/search?query=*&max_hits=0"),
                "num_hits",
            ),
            Engine::OpenSearch => {
                // OpenSearch counts what a refresh has made searchable.
                let url = self.url(&format!("/{index}/_refresh"));
                let refresh = Request::with_body("POST", &url, "application/json", b"");
                let response = self.client.send_with_retries(&refresh, on_retry)?;
                self.expect_success("refreshing", response)?;
                (format!("/{index}/_count"), "count")
            }
        };
        let url = self.url(&path);
        let response = self
            .client
            .send_with_retries(&Request::get(&url), on_retry)?;
        let json = self.expect_success("counting", response)?.json()?;
        json[field]
            .as_u64()
            .ok_or_else(|| Error::Remote(format!("no `{field}` in the engine's answer: {json}")))
    }
}

/// A Quickwit config with its `index_id` set to `index` (the export was
/// written for the name given to `export --index-name`).
fn with_index_id(config: &str, index: &str) -> String {
    let mut out = String::with_capacity(config.len());
    for line in config.lines() {
        if line.starts_with("index_id:") {
            out.push_str(&format!("index_id: {index}"));
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_config_takes_the_remote_index_name() {
        let config = "version: \"0.8\"\nindex_id: news\ndoc_mapping:\n  mode: strict\n";
        assert_eq!(
            with_index_id(config, "archive"),
            "version: \"0.8\"\nindex_id: archive\ndoc_mapping:\n  mode: strict\n"
        );
    }
}
