//! `newsdex push --remote ENGINE:URL/INDEX`: load an export into an engine.
//!
//! 1. Create the index from the export's definition when the engine has
//!    none by that name (an existing index is used as it is).
//! 2. Send each request body of the export, retrying busy answers with
//!    exponential backoff. After each body the engine accepted, its file
//!    name is recorded in `DIR/pushed-to-….json`, so a push that is
//!    interrupted (Ctrl-C, a lost connection, a full cluster) resumes with
//!    the first body not yet accepted. OpenSearch receives `create` actions
//!    keyed by the newsdex id: a body sent twice is answered "already
//!    there" (409) for each article, never stored twice. Quickwit has no
//!    document ids: only the body in flight when a push was interrupted can
//!    arrive twice, and the final count shows it.
//! 3. Ask the engine how many documents the index holds, and compare.

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::{Error, Result};
use crate::remote::export::Manifest;
use crate::remote::http::{Client, Request, Response, RetryPolicy, Retrying, is_transient};
use crate::remote::{Engine, Remote};

/// What a push reports while it runs.
pub trait PushProgress {
    /// Articles in the export, and how many an earlier push already sent.
    fn started(&self, documents: u64, already_sent: u64);
    /// Articles sent so far, this run and earlier ones.
    fn sent(&self, documents: u64);
    fn retrying(&self, retry: &Retrying);
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
    /// Articles sent by this run.
    pub sent: u64,
    /// Articles the engine already held (OpenSearch: 409 on `create`).
    pub already_there: u64,
    /// Articles the engine refused, and its first reasons.
    pub rejected: u64,
    pub rejections: Vec<String>,
    /// Articles in the export.
    pub expected: u64,
    /// Documents the engine's index holds after the push.
    pub engine_count: u64,
}

impl PushReport {
    /// Every exported article is in the engine, and nothing else is.
    pub fn is_complete(&self) -> bool {
        self.rejected == 0 && self.engine_count == self.expected
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
                && state.documents == manifest.documents =>
        {
            state
        }
        _ => PushState {
            remote: remote.display(),
            index_opstamp: manifest.index_opstamp,
            documents: manifest.documents,
            done: Vec::new(),
        },
    };
    if exists && state.done.is_empty() && remote.engine == Engine::Quickwit && !options.append {
        let held = engine.count(&mut on_retry)?;
        if held > 0 {
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
    let already: u64 = manifest
        .chunks
        .iter()
        .filter(|c| state.done.contains(&c.file))
        .map(|c| c.documents)
        .sum();
    report.bodies_resumed = manifest
        .chunks
        .iter()
        .filter(|c| state.done.contains(&c.file))
        .count();
    progress.started(manifest.documents, already);
    let mut delivered = already;
    let last = manifest.chunks.len().saturating_sub(1);
    for (i, chunk) in manifest.chunks.iter().enumerate() {
        if state.done.contains(&chunk.file) {
            continue;
        }
        let path = dir.join(&chunk.file);
        let body = fs::read(&path).map_err(|source| Error::Io {
            path: path.clone(),
            source,
        })?;
        let outcome = engine.ingest(&body, i == last, &mut on_retry)?;
        report.sent += chunk.documents;
        report.already_there += outcome.already_there;
        report.rejected += outcome.rejected.len() as u64;
        for reason in outcome.rejected {
            if report.rejections.len() < 5 {
                report.rejections.push(reason);
            }
        }
        state.done.push(chunk.file.clone());
        write_state(&state_path, &state)?;
        delivered += chunk.documents;
        progress.sent(delivered);
    }
    report.engine_count = engine.count(&mut on_retry)?;
    Ok(report)
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
            });
            std::thread::sleep(delay);
            pending = busy;
        }
        Ok(outcome)
    }

    /// Documents in the index, once the engine has made them searchable.
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
