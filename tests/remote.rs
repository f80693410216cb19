//! `newsdex export --target`, `push --remote` and `search --remote`, driven
//! through the binary. The engines are played by a loopback HTTP server the
//! test starts (tests/common/fake_engine.rs), which records every request
//! and answers as Quickwit or OpenSearch do, so the exact requests are
//! checked without either engine installed.

mod common;

use std::path::{Path, PathBuf};
use std::process::Stdio;

use common::newsdex;
use serde_json::Value;

/// An index of the bundled corpus in a temporary folder.
struct Indexed {
    dir: tempfile::TempDir,
}

impl Indexed {
    fn new() -> Indexed {
        let dir = tempfile::tempdir().unwrap();
        let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let status = newsdex()
            .arg("--index")
            .arg(dir.path().join("index"))
            .arg("index")
            .arg(&corpus)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .unwrap();
        assert!(status.success());
        Indexed { dir }
    }

    fn index(&self) -> PathBuf {
        self.dir.path().join("index")
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn run<S: AsRef<std::ffi::OsStr>>(&self, args: &[S]) -> std::process::Output {
        newsdex()
            .arg("--index")
            .arg(self.index())
            .args(args)
            .output()
            .unwrap()
    }

    fn export(&self, target: &str, extra: &[&str]) -> PathBuf {
        let out = self.path(&format!("export-{target}"));
        let mut args = vec!["export", "--target", target, "--out", out.to_str().unwrap()];
        args.extend_from_slice(extra);
        let output = self.run(&args);
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        out
    }
}

/// Compares `actual` with the golden file; `NEWSDEX_BLESS=1` rewrites it.
fn assert_golden(actual: &str, golden: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(golden);
    if std::env::var_os("NEWSDEX_BLESS").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        actual == expected,
        "the generated {golden} differs from tests/golden/{golden}.\n\
         If schema/news.toml changed on purpose, check the new definition and rerun with \
         NEWSDEX_BLESS=1 to accept it.\n--- generated ---\n{actual}"
    );
}

fn lines(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn manifest(dir: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(dir.join("manifest.json")).unwrap()).unwrap()
}

#[test]
fn index_definitions_match_the_golden_files() {
    let indexed = Indexed::new();
    let quickwit = indexed.export("quickwit", &[]);
    assert_golden(
        &std::fs::read_to_string(quickwit.join("index-config.yaml")).unwrap(),
        "quickwit-index-config.yaml",
    );
    let opensearch = indexed.export("opensearch", &[]);
    assert_golden(
        &std::fs::read_to_string(opensearch.join("index.json")).unwrap(),
        "opensearch-index.json",
    );
}

#[test]
fn exported_documents_are_chunked_below_the_limit_and_complete() {
    let indexed = Indexed::new();
    let limit = 20_000;
    let dir = indexed.export("opensearch", &["--chunk-bytes", &limit.to_string()]);
    let manifest = manifest(&dir);
    let chunks = manifest["chunks"].as_array().unwrap();
    assert!(chunks.len() > 2, "{manifest}");
    let mut ids = Vec::new();
    for chunk in chunks {
        let path = dir.join(chunk["file"].as_str().unwrap());
        let size = std::fs::metadata(&path).unwrap().len();
        assert!(size <= limit, "{} is {size} bytes", path.display());
        assert_eq!(size, chunk["bytes"].as_u64().unwrap());
        let lines = lines(&path);
        // `_bulk` bodies: a `create` action with the newsdex id, then the article.
        for pair in lines.chunks(2) {
            let id = pair[0]["create"]["_id"].as_str().unwrap();
            assert_eq!(pair[1]["id"], id);
            ids.push(id.to_string());
        }
        assert_eq!(lines.len() as u64, 2 * chunk["documents"].as_u64().unwrap());
    }
    assert_eq!(ids.len() as u64, manifest["documents"].as_u64().unwrap());
    // In index order, as the plain export writes them.
    let plain: Vec<String> = String::from_utf8(indexed.run(&["export"]).stdout)
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(ids, plain);
    let stats = indexed.run(&["--json", "stats"]);
    let stats: Value = serde_json::from_slice(&stats.stdout).unwrap();
    assert_eq!(ids.len() as u64, stats["documents"].as_u64().unwrap());
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len() as u64, manifest["documents"].as_u64().unwrap());
}

#[test]
fn quickwit_documents_carry_stems_dates_and_records() {
    let indexed = Indexed::new();
    let dir = indexed.export("quickwit", &["speaker:Odhiambo"]);
    let docs = lines(&dir.join("docs/000001.ndjson"));
    assert!(!docs.is_empty());
    let doc = docs
        .iter()
        .find(|d| d["speaker"].to_string().contains("Achieng Odhiambo"))
        .expect("an article quoting Achieng Odhiambo");
    // newsdex's own stems, so remote matching is stemmed like local.
    let stems = doc["body_stems"].as_str().unwrap();
    assert!(stems.split(' ').all(|w| w == w.to_lowercase()), "{stems}");
    assert!(doc.get("body_words").is_none());
    let quotes = doc["quotes"].as_array().unwrap();
    assert!(
        quotes
            .iter()
            .any(|q| q["speaker"] == "Achieng Odhiambo" && q["text"].is_string())
    );
    let place = &doc["place_mentions"][0];
    assert!(place["location"]["lat"].is_f64(), "{place}");
    assert!(place["path"].is_array(), "{place}");
    if let Some(date) = doc["date"].as_str() {
        assert!(date.ends_with("T00:00:00Z"), "{date}");
        assert_eq!(doc["timestamp"], doc["date"]);
    }
}

#[test]
fn export_refuses_a_folder_that_is_not_an_export() {
    let indexed = Indexed::new();
    let out = indexed.path("precious");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("notes.txt"), "mine").unwrap();
    let output = indexed.run(&[
        "export",
        "--target",
        "quickwit",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("holds no newsdex export"));
    assert!(out.join("notes.txt").is_file());
}

// ---- push: contract tests against a fake engine ----

use common::fake_engine::{FakeEngine, Recorded};
use std::sync::{Arc, Mutex};

/// What a fake Quickwit holds, and the statuses it answers ingest
/// requests with before it accepts them (a busy or failing engine).
#[derive(Default)]
struct QuickwitState {
    created: bool,
    documents: u64,
    ingest_failures: Vec<u16>,
    /// Accept this many ingest requests, then answer 500 to the rest.
    fail_after: Option<usize>,
    accepted: usize,
}

fn fake_quickwit(state: Arc<Mutex<QuickwitState>>) -> FakeEngine {
    FakeEngine::start(Box::new(move |r: &Recorded| {
        let mut s = state.lock().unwrap();
        match (r.method.as_str(), r.path()) {
            ("GET", "/api/v1/indexes/news") if s.created => (200, "{}".into()),
            ("GET", "/api/v1/indexes/news") => {
                (404, r#"{"message":"index `news` not found"}"#.into())
            }
            ("POST", "/api/v1/indexes") => {
                s.created = true;
                (200, r#"{"index_config":{}}"#.into())
            }
            ("POST", "/api/v1/news/ingest") => {
                if !s.ingest_failures.is_empty() {
                    let status = s.ingest_failures.remove(0);
                    return (status, r#"{"message":"rate limited: wal full"}"#.into());
                }
                if s.fail_after.is_some_and(|limit| s.accepted >= limit) {
                    return (500, r#"{"message":"disk full"}"#.into());
                }
                s.accepted += 1;
                let n = r.body.lines().filter(|l| !l.is_empty()).count() as u64;
                s.documents += n;
                (200, format!(r#"{{"num_docs_for_processing":{n}}}"#))
            }
            ("GET", "/api/v1/news/search") => (
                200,
                format!(
                    r#"{{"num_hits":{},"hits":[],"elapsed_time_micros":1,"errors":[]}}"#,
                    s.documents
                ),
            ),
            _ => (404, r#"{"message":"no route"}"#.into()),
        }
    }))
}

fn push(indexed: &Indexed, remote: &str, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["push", "--remote", remote];
    if !extra.contains(&"--backoff-ms") {
        args.extend(["--backoff-ms", "5"]);
    }
    args.extend_from_slice(extra);
    indexed.run(&args)
}

fn staged_export(indexed: &Indexed, name: &str) -> PathBuf {
    indexed.path(&format!(".index-exports/{name}"))
}

#[test]
fn push_to_quickwit_creates_the_index_and_sends_every_body_once() {
    let indexed = Indexed::new();
    let state = Arc::new(Mutex::new(QuickwitState::default()));
    let engine = fake_quickwit(Arc::clone(&state));
    let remote = format!("quickwit:{}/news", engine.base);
    let output = push(&indexed, &remote, &["--chunk-bytes", "20000"]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.contains("created the index"), "{stdout}");
    assert!(stdout.contains("(as exported)"), "{stdout}");

    let dir = staged_export(&indexed, "quickwit-news");
    let manifest = manifest(&dir);
    // The index is looked up, then created from the exported config.
    let requests = engine.requests();
    assert_eq!(requests[0].method, "GET");
    assert_eq!(requests[0].path(), "/api/v1/indexes/news");
    let created = engine.matching("POST", "/api/v1/indexes");
    assert_eq!(created.len(), 1);
    assert_eq!(created[0].content_type.as_deref(), Some("application/yaml"));
    assert_eq!(
        created[0].body,
        std::fs::read_to_string(dir.join("index-config.yaml")).unwrap()
    );
    // Each body once, in order, as exported; the last one commits.
    let ingests = engine.matching("POST", "/api/v1/news/ingest");
    let chunks = manifest["chunks"].as_array().unwrap();
    assert!(chunks.len() > 2);
    assert_eq!(ingests.len(), chunks.len());
    for (i, (sent, chunk)) in ingests.iter().zip(chunks).enumerate() {
        let file = std::fs::read_to_string(dir.join(chunk["file"].as_str().unwrap())).unwrap();
        assert_eq!(sent.body, file);
        assert_eq!(sent.content_type.as_deref(), Some("application/x-ndjson"));
        let commit = if i + 1 == chunks.len() {
            "force"
        } else {
            "auto"
        };
        assert!(
            sent.url.ends_with(&format!("commit={commit}")),
            "{}",
            sent.url
        );
        assert!(sent.body.len() <= 20_000);
    }
    assert_eq!(
        state.lock().unwrap().documents,
        manifest["documents"].as_u64().unwrap()
    );
    assert_eq!(requests.last().unwrap().path(), "/api/v1/news/search");
}

#[test]
fn push_to_an_address_where_nothing_listens_fails_at_once() {
    let indexed = Indexed::new();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let remote = format!("quickwit:http://127.0.0.1:{port}/news");
    let started = std::time::Instant::now();
    // The default retry policy: a refused connection is not a busy engine.
    let output = indexed.run(&["push", "--remote", &remote]);
    let elapsed = started.elapsed();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    assert!(elapsed < std::time::Duration::from_secs(5), "{elapsed:?}");
    assert!(stderr.contains(&format!("127.0.0.1:{port}")), "{stderr}");
    assert!(stderr.contains("is the engine running"), "{stderr}");
    assert!(!stderr.contains("retry"), "{stderr}");
}

#[test]
fn push_retries_a_busy_engine_with_growing_pauses() {
    let indexed = Indexed::new();
    let state = Arc::new(Mutex::new(QuickwitState {
        ingest_failures: vec![429, 503, 429],
        ..QuickwitState::default()
    }));
    let engine = fake_quickwit(Arc::clone(&state));
    let remote = format!("quickwit:{}/news", engine.base);
    let started = std::time::Instant::now();
    let output = push(&indexed, &remote, &["--backoff-ms", "40"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    // Pauses of 40, 80 and 160 ms.
    assert!(started.elapsed() >= std::time::Duration::from_millis(280));
    assert!(
        stderr.contains("HTTP 429: rate limited: wal full"),
        "{stderr}"
    );
    assert!(stderr.contains("retry 3 in 0.2 s"), "{stderr}");
    let ingests = engine.matching("POST", "/api/v1/news/ingest");
    assert_eq!(ingests.len(), 4, "one body, sent until accepted");
    assert!(ingests.windows(2).all(|w| w[0].body == w[1].body));

    // An engine that stays busy: the push gives up with the reason.
    {
        let mut s = state.lock().unwrap();
        s.ingest_failures = vec![503; 10];
        s.documents = 0;
    }
    std::fs::remove_dir_all(staged_export(&indexed, "quickwit-news")).unwrap();
    let output = push(&indexed, &remote, &["--tries", "3"]);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("HTTP 503"), "{stderr}");
}

#[test]
fn a_busy_engine_that_says_when_to_come_back_is_believed() {
    let indexed = Indexed::new();
    let state = Arc::new(Mutex::new(QuickwitState {
        ingest_failures: vec![429],
        ..QuickwitState::default()
    }));
    let engine = fake_quickwit(Arc::clone(&state));
    engine
        .headers
        .lock()
        .unwrap()
        .push(("Retry-After".into(), "1".into()));
    let remote = format!("quickwit:{}/news", engine.base);
    let started = std::time::Instant::now();
    let output = push(&indexed, &remote, &["--backoff-ms", "10"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(stderr.contains("retry 1 in 1.0 s"), "{stderr}");
    assert!(started.elapsed() >= std::time::Duration::from_secs(1));
}

#[test]
fn an_interrupted_push_resumes_with_the_first_body_not_accepted() {
    let indexed = Indexed::new();
    let state = Arc::new(Mutex::new(QuickwitState {
        fail_after: Some(2),
        ..QuickwitState::default()
    }));
    let engine = fake_quickwit(Arc::clone(&state));
    let remote = format!("quickwit:{}/news", engine.base);
    // Two bodies accepted, then the engine fails (500, not retried).
    let output = push(&indexed, &remote, &["--chunk-bytes", "20000"]);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("HTTP 500"), "{stderr}");
    let dir = staged_export(&indexed, "quickwit-news");
    let manifest = manifest(&dir);
    let chunks: Vec<String> = manifest["chunks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| std::fs::read_to_string(dir.join(c["file"].as_str().unwrap())).unwrap())
        .collect();
    assert!(chunks.len() > 3);

    state.lock().unwrap().fail_after = None;
    let output = push(&indexed, &remote, &["--chunk-bytes", "20000"]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stdout}{stderr}");
    assert!(stderr.contains("resuming"), "{stderr}");
    assert!(
        stdout.contains("2 bodies had been delivered by an earlier push"),
        "{stdout}"
    );
    assert!(stdout.contains("(as exported)"), "{stdout}");
    // Over both runs: bodies 1 and 2 once, body 3 refused then sent again,
    // the rest once; nothing was stored twice.
    let sent: Vec<String> = engine
        .matching("POST", "/api/v1/news/ingest")
        .into_iter()
        .map(|r| r.body)
        .collect();
    let mut expected = chunks[..3].to_vec();
    expected.extend_from_slice(&chunks[2..]);
    assert!(
        sent == expected,
        "bodies sent out of order or more than once"
    );
    assert_eq!(
        state.lock().unwrap().documents,
        manifest["documents"].as_u64().unwrap()
    );
}

/// What a fake OpenSearch holds; the first `_bulk` answers 429 for its
/// first `busy_items` articles (a full write queue).
#[derive(Default)]
struct OpenSearchState {
    created: bool,
    ids: std::collections::BTreeSet<String>,
    busy_items: usize,
}

fn fake_opensearch(state: Arc<Mutex<OpenSearchState>>) -> FakeEngine {
    FakeEngine::start(Box::new(move |r: &Recorded| {
        let mut s = state.lock().unwrap();
        match (r.method.as_str(), r.path()) {
            ("HEAD", "/news") => (if s.created { 200 } else { 404 }, String::new()),
            ("PUT", "/news") => {
                s.created = true;
                (200, r#"{"acknowledged":true,"index":"news"}"#.into())
            }
            ("POST", "/news/_bulk") => {
                let lines: Vec<Value> = r
                    .body
                    .lines()
                    .map(|l| serde_json::from_str(l).unwrap())
                    .collect();
                let mut items = Vec::new();
                for (i, pair) in lines.chunks(2).enumerate() {
                    let id = pair[0]["create"]["_id"].as_str().unwrap().to_string();
                    assert_eq!(pair[1]["id"], id.as_str());
                    let status = if i < s.busy_items {
                        429
                    } else if s.ids.insert(id.clone()) {
                        201
                    } else {
                        409
                    };
                    items.push(serde_json::json!({"create": {"_index": "news", "_id": id, "status": status}}));
                }
                s.busy_items = 0;
                let errors = items.iter().any(|i| i["create"]["status"] != 201);
                (
                    200,
                    serde_json::json!({"took": 1, "errors": errors, "items": items}).to_string(),
                )
            }
            ("POST", "/news/_refresh") => (200, r#"{"_shards":{}}"#.into()),
            ("GET", "/news/_count") => (200, format!(r#"{{"count":{}}}"#, s.ids.len())),
            _ => (404, r#"{"error":"no route","status":404}"#.into()),
        }
    }))
}

#[test]
fn opensearch_push_creates_with_ids_resends_only_busy_articles_and_never_duplicates() {
    let indexed = Indexed::new();
    let dir = indexed.export("opensearch", &[]);
    let state = Arc::new(Mutex::new(OpenSearchState {
        busy_items: 3,
        ..OpenSearchState::default()
    }));
    let engine = fake_opensearch(Arc::clone(&state));
    // Credentials in the URL become a Basic header.
    let remote = format!(
        "opensearch:{}/news",
        engine.base.replace("http://", "http://admin:secret@")
    );
    let output = push(&indexed, &remote, &["--export", dir.to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.contains("(as exported)"), "{stdout}");
    let put = engine.matching("PUT", "/news");
    assert_eq!(put.len(), 1);
    assert_eq!(
        put[0].body,
        std::fs::read_to_string(dir.join("index.json")).unwrap()
    );
    assert_eq!(
        put[0].authorization.as_deref(),
        Some("Basic YWRtaW46c2VjcmV0")
    );
    let bulks = engine.matching("POST", "/news/_bulk");
    assert_eq!(bulks.len(), 2, "the body, then its three busy articles");
    assert_eq!(
        bulks[0].body,
        std::fs::read_to_string(dir.join("docs/000001.ndjson")).unwrap()
    );
    let first_lines: Vec<&str> = bulks[0].body.lines().collect();
    assert_eq!(bulks[1].body.lines().collect::<Vec<_>>(), first_lines[..6]);
    let documents = manifest(&dir)["documents"].as_u64().unwrap();
    assert_eq!(state.lock().unwrap().ids.len() as u64, documents);

    // Pushed again from scratch (its record removed): `create` finds every
    // article there, and nothing is stored twice.
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("pushed-to-")
        {
            std::fs::remove_file(path).unwrap();
        }
    }
    let output = push(&indexed, &remote, &["--export", dir.to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}");
    assert!(
        stdout.contains(&format!("{documents} were there already")),
        "{stdout}"
    );
    assert!(stdout.contains("(as exported)"), "{stdout}");
    assert_eq!(state.lock().unwrap().ids.len() as u64, documents);
}

// ---- search --remote: contract tests against a fake engine ----

/// A fake engine that knows the answers: for each query it will be asked,
/// the query DSL newsdex sends for it and the articles the local index
/// matches, in local rank order with local scores. It answers `_search`
/// requests from the exported documents as an engine would (hits, day and
/// term aggregations, counts of articles without a value, copies of the
/// stories on a page), and records them; a query it does not know is a 400.
fn fake_search_engine(
    engine: &str,
    answers: Vec<(Value, Vec<(String, f64)>)>,
    docs: std::collections::HashMap<String, Value>,
) -> FakeEngine {
    let quickwit = engine == "quickwit";
    let search_path = if quickwit {
        "/api/v1/_elastic/news/_search"
    } else {
        "/news/_search"
    };
    FakeEngine::start(Box::new(move |r: &Recorded| {
        if r.method != "POST" || r.path() != search_path {
            return (404, r#"{"message":"no route"}"#.into());
        }
        let body: Value = serde_json::from_str(&r.body).unwrap();
        let mut query = &body["query"];
        // Counting a page's copies: the query and the page's stories.
        let clusters = query.pointer("/bool/must/1/terms/cluster").cloned();
        // Counting the matches without a value in a field.
        let missing = query
            .pointer("/bool/must_not/0/exists/field")
            .and_then(Value::as_str)
            .map(str::to_string);
        if clusters.is_some() || missing.is_some() {
            query = &query["bool"]["must"][0];
        }
        let Some((_, ranked)) = answers.iter().find(|(dsl, _)| dsl == query) else {
            return (
                400,
                format!(r#"{{"message":"the fake does not know {query}"}}"#),
            );
        };
        let mut matched: Vec<&(String, f64)> = ranked.iter().collect();
        if let Some(clusters) = clusters {
            let clusters: Vec<&str> = clusters
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c.as_str().unwrap())
                .collect();
            matched.retain(|(id, _)| clusters.contains(&docs[id]["cluster"].as_str().unwrap()));
        }
        if let Some(field) = missing {
            matched.retain(|(id, _)| docs[id].get(&field).is_none());
        }
        let from = body["from"].as_u64().unwrap_or(0) as usize;
        let size = body["size"].as_u64().unwrap_or(10) as usize;
        let hits: Vec<Value> = matched
            .iter()
            .skip(from)
            .take(size)
            .map(|(id, score)| {
                if quickwit {
                    // Quickwit: no `_id`, no `_score`; the score is the sort value.
                    serde_json::json!({ "_source": docs[id], "sort": [score] })
                } else {
                    serde_json::json!({ "_id": id, "_score": score, "_source": docs[id] })
                }
            })
            .collect();
        let mut aggregations = serde_json::Map::new();
        for (name, aggregation) in body["aggs"].as_object().cloned().unwrap_or_default() {
            let mut counts: std::collections::BTreeMap<String, u64> = Default::default();
            let terms = aggregation.get("terms");
            let field = terms.unwrap_or_else(|| &aggregation["date_histogram"])["field"]
                .as_str()
                .unwrap()
                .to_string();
            let missing_key = terms.and_then(|t| t["missing"].as_str());
            for (id, _) in &matched {
                let values = match &docs[id][&field] {
                    Value::Array(items) => items.clone(),
                    // Articles without a value: the `missing` bucket.
                    Value::Null => missing_key.map(Value::from).into_iter().collect(),
                    one => vec![one.clone()],
                };
                for value in values {
                    *counts
                        .entry(value.as_str().unwrap().to_string())
                        .or_default() += 1;
                }
            }
            let buckets: Vec<Value> = counts
                .into_iter()
                .map(|(key, count)| {
                    if terms.is_some() {
                        serde_json::json!({ "key": key, "doc_count": count })
                    } else {
                        let day = &key[..10];
                        let seconds = days_from_civil(day) * 86_400;
                        serde_json::json!({ "key": seconds * 1000, "key_as_string": key, "doc_count": count })
                    }
                })
                .collect();
            aggregations.insert(
                name,
                serde_json::json!({ "buckets": buckets, "sum_other_doc_count": 0 }),
            );
        }
        let answer = serde_json::json!({
            "hits": { "total": { "value": matched.len(), "relation": "eq" }, "hits": hits },
            "aggregations": aggregations,
        });
        (200, answer.to_string())
    }))
}

/// The local answers to `queries`, keyed by the DSL sent to `engine`.
fn local_answers(
    indexed: &Indexed,
    engine: &str,
    queries: &[String],
) -> Vec<(Value, Vec<(String, f64)>)> {
    let remote = newsdex::remote::Remote::parse(&format!("{engine}:http://unused/news")).unwrap();
    let translator = newsdex::remote::search::RemoteSearcher::new(remote).unwrap();
    queries
        .iter()
        .map(|query| {
            let local = json_output(&indexed.run(&[
                "--json",
                "search",
                query,
                "--all-copies",
                "-n",
                "1000",
            ]));
            let ranked = local["hits"]
                .as_array()
                .unwrap()
                .iter()
                .map(|h| {
                    (
                        h["id"].as_str().unwrap().to_string(),
                        h["score"].as_f64().unwrap(),
                    )
                })
                .collect();
            (translator.query_dsl(query).unwrap(), ranked)
        })
        .collect()
}

/// The exported documents for `engine`, by id.
fn exported_docs(indexed: &Indexed, engine: &str) -> std::collections::HashMap<String, Value> {
    let dir = indexed.export(engine, &[]);
    lines(&dir.join("docs/000001.ndjson"))
        .into_iter()
        .filter(|d| d.get("create").is_none())
        .map(|d| (d["id"].as_str().unwrap().to_string(), d))
        .collect()
}

/// Days since 1970-01-01 of `YYYY-MM-DD` (Howard Hinnant's algorithm).
fn days_from_civil(day: &str) -> i64 {
    let y: i64 = day[..4].parse().unwrap();
    let m: i64 = day[5..7].parse().unwrap();
    let d: i64 = day[8..10].parse().unwrap();
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn json_output(output: &std::process::Output) -> Value {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

fn remote_search_matches_local(engine: &str) {
    let indexed = Indexed::new();
    let query = "minister OR said";
    let facets = "date:year,source,speaker,place,country";
    let answers = local_answers(&indexed, engine, &[query.to_string()]);
    assert!(answers[0].1.len() > 5);
    let fake = fake_search_engine(engine, answers, exported_docs(&indexed, engine));
    let remote = format!("{engine}:{}/news", fake.base);
    for extra in [
        &[][..],
        &["--all-copies"][..],
        &["-n", "3", "--offset", "2"][..],
    ] {
        let mut args = vec!["--json", "search", query, "--facet", facets];
        args.extend_from_slice(extra);
        let local = json_output(&indexed.run(&args));
        args.extend(["--remote", &remote]);
        let remote_answer = json_output(&indexed.run(&args));
        assert_eq!(remote_answer, local, "{engine} {extra:?}");
    }
    // The terminal rendering is the same too.
    let local = indexed.run(&["search", query, "--facet", facets]);
    let remote_answer = indexed.run(&["search", query, "--facet", facets, "--remote", &remote]);
    assert_eq!(
        String::from_utf8_lossy(&remote_answer.stdout),
        String::from_utf8_lossy(&local.stdout)
    );

    let searches = fake.requests();
    let first: Value = serde_json::from_str(&searches[0].body).unwrap();
    assert_eq!(first["track_total_hits"], true);
    assert_eq!(
        first["sort"],
        serde_json::json!([{ "_score": { "order": "desc" } }, { "id_key": { "order": "asc" } }])
    );
    assert_eq!(
        first["size"], 80,
        "four times the page and 40, to fold copies"
    );
    let query_text = first["query"].to_string();
    if engine == "quickwit" {
        assert!(
            query_text.contains(r#""body_stems":{"query":"minist"}"#),
            "{query_text}"
        );
        assert!(!query_text.contains("minimum_should_match"), "{query_text}");
        assert_eq!(
            first["aggs"]["facet0"]["date_histogram"]["fixed_interval"],
            "1d"
        );
    } else {
        assert!(
            query_text.contains(r#""body":{"query":"minister"}"#),
            "{query_text}"
        );
    }
}

/// `timeline` and `facets` with --remote print what they print locally.
fn remote_counts_match_local(engine: &str) {
    let indexed = Indexed::new();
    let query = "said";
    let timeline_args = [
        "timeline",
        query,
        "--by",
        "year",
        "--split-by",
        "speaker",
        "--top",
        "3",
    ];
    let local_timeline = json_output(&indexed.run(&[&["--json"][..], &timeline_args[..]].concat()));
    // Every query the timeline asks: the query, all articles, and the
    // query narrowed to each of the top speakers.
    let mut queries = vec![query.to_string(), "*".to_string()];
    for series in local_timeline["series"].as_array().unwrap() {
        let value = series["value"].as_str().unwrap();
        queries.push(format!("({query}) AND speaker:\"{value}\""));
    }
    assert_eq!(queries.len(), 5, "{local_timeline}");
    let fake = fake_search_engine(
        engine,
        local_answers(&indexed, engine, &queries),
        exported_docs(&indexed, engine),
    );
    let remote = format!("{engine}:{}/news", fake.base);
    let with_remote = |args: &[&str]| -> Vec<String> {
        args.iter()
            .map(|a| a.to_string())
            .chain(["--remote".to_string(), remote.clone()])
            .collect()
    };
    let remote_timeline = json_output(&indexed.run(&with_remote(
        &[&["--json"][..], &timeline_args[..]].concat(),
    )));
    assert_eq!(remote_timeline, local_timeline);
    assert_eq!(
        indexed.run(&with_remote(&timeline_args)).stdout,
        indexed.run(&timeline_args).stdout
    );
    for field in ["speaker", "source", "country"] {
        let args = ["--json", "facets", field, query];
        assert_eq!(
            json_output(&indexed.run(&with_remote(&args))),
            json_output(&indexed.run(&args)),
            "{field}"
        );
    }
    // The place tree is walked locally only, and says so.
    let output = indexed.run(&with_remote(&["facets", "place", query]));
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("facets country"));
}

#[test]
fn opensearch_timeline_and_facets_give_the_local_output() {
    remote_counts_match_local("opensearch");
}

#[test]
fn quickwit_timeline_and_facets_give_the_local_output() {
    remote_counts_match_local("quickwit");
}

#[test]
fn opensearch_search_gives_the_local_output() {
    remote_search_matches_local("opensearch");
}

#[test]
fn quickwit_search_gives_the_local_output() {
    remote_search_matches_local("quickwit");
}

#[test]
fn remote_errors_are_the_local_ones_or_the_engines_own_words() {
    let indexed = Indexed::new();
    let fake = FakeEngine::start(Box::new(|_: &Recorded| {
        (
            400,
            r#"{"error":{"root_cause":[{"reason":"Result window is too large"}]},"status":400}"#
                .into(),
        )
    }));
    let remote = format!("opensearch:{}/news", fake.base);
    // A syntax error is found before anything is sent, worded as locally.
    let local = indexed.run(&["search", "title:(aleppo"]);
    let output = indexed.run(&["search", "title:(aleppo", "--remote", &remote]);
    assert_eq!(output.status.code(), local.status.code());
    assert_eq!(output.stderr, local.stderr);
    assert!(fake.requests().is_empty());
    // A remote that is not ENGINE:URL/INDEX is a usage error that shows the form.
    let output = indexed.run(&["search", "oil", "--remote", "solr:http://x/news"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("ENGINE:URL/INDEX"));
    // The engine's refusal is passed on with its reason.
    let output = indexed.run(&["search", "oil", "--remote", &remote]);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("HTTP 400: Result window is too large"),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("opensearch:{}/news", fake.base)),
        "{stderr}"
    );
}

#[test]
fn pushing_into_a_quickwit_index_with_other_documents_needs_append() {
    let indexed = Indexed::new();
    let state = Arc::new(Mutex::new(QuickwitState {
        created: true,
        documents: 5,
        ..QuickwitState::default()
    }));
    let engine = fake_quickwit(Arc::clone(&state));
    let remote = format!("quickwit:{}/news", engine.base);
    // Quickwit has no ids: the same articles pushed again would be stored
    // twice, so an index holding documents this export did not put there is
    // refused, before anything is sent.
    let output = push(&indexed, &remote, &[]);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("already holds 5 documents"), "{stderr}");
    assert!(stderr.contains("--append"), "{stderr}");
    assert!(engine.matching("POST", "/api/v1/news/ingest").is_empty());
    // With --append they are added, and the count check counts what the
    // index held before too.
    let output = push(&indexed, &remote, &["--append"]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}");
    assert!(
        stdout.contains("and the index held 5 before (as exported)"),
        "{stdout}"
    );
    assert!(!engine.matching("POST", "/api/v1/news/ingest").is_empty());
}
