//! End to end against a real engine, when one is on this machine:
//!
//! - `NEWSDEX_TEST_QUICKWIT=http://127.0.0.1:7280` — a running Quickwit 0.8/0.9;
//! - `quickwit` on PATH — started here on free ports with a temporary data folder;
//! - `NEWSDEX_TEST_OPENSEARCH=http://127.0.0.1:9200` — a running OpenSearch or
//!   Elasticsearch (credentials in the URL: `http://admin:pass@…`).
//!
//! The shared corpora (or, without them, the bundled corpus) are indexed,
//! pushed under a fresh index name, and a set of queries is run both ways:
//! totals, facet counts, a timeline and a facet list must be equal. The index is deleted afterwards.
//! Without an engine each test says SKIPPED and checks nothing.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use common::newsdex;
use serde_json::Value;

const QUERIES: &[&str] = &[
    "*",
    "minister",
    "oil OR gas",
    "\"prime minister\"",
    "said -police",
    "date:[2000 TO 2020]",
    "speaker:Obama",
    "place:Syria",
];
const FACETS: &str = "source,speaker,place,country,date:year";

fn corpus() -> PathBuf {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora");
    if shared.is_dir() {
        shared
    } else {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
    }
}

/// A `quickwit run` started for the test, stopped when dropped.
struct QuickwitNode {
    child: Child,
    url: String,
    _data: tempfile::TempDir,
}

impl Drop for QuickwitNode {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn start_quickwit() -> Option<QuickwitNode> {
    let found = std::env::var_os("PATH").is_some_and(|paths| {
        std::env::split_paths(&paths).any(|dir| dir.join("quickwit").is_file())
    });
    if !found {
        return None;
    }
    let data = tempfile::tempdir().unwrap();
    let port = free_port();
    let child = std::process::Command::new("quickwit")
        .arg("run")
        .env("QW_DATA_DIR", data.path())
        .env("QW_LISTEN_ADDRESS", "127.0.0.1")
        .env("QW_REST_LISTEN_PORT", port.to_string())
        .env("QW_DISABLE_TELEMETRY", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let url = format!("http://127.0.0.1:{port}");
    let node = QuickwitNode {
        child,
        url,
        _data: data,
    };
    let ready = format!("127.0.0.1:{port}");
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(60) {
        if let Ok((200, _)) = common::try_request(&ready, "GET", "/health/readyz") {
            return Some(node);
        }
        std::thread::sleep(Duration::from_millis(250));
    }
    eprintln!("quickwit on PATH did not become ready within 60 s");
    None
}

fn run(index: &Path, args: &[&str]) -> std::process::Output {
    newsdex()
        .arg("--index")
        .arg(index)
        .args(args)
        .output()
        .unwrap()
}

fn json(output: &std::process::Output) -> Value {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

/// Pushes the corpus to `engine` at `url` and compares searches both ways.
fn compare_with_local(engine: &str, url: &str) {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let status = newsdex()
        .arg("--index")
        .arg(&index)
        .arg("index")
        .arg(corpus())
        .stdout(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    let name = format!("newsdex-e2e-{}", std::process::id());
    let remote = format!("{engine}:{url}/{name}");
    let pushed = run(&index, &["push", "--remote", &remote]);
    let stdout = String::from_utf8_lossy(&pushed.stdout);
    assert!(
        pushed.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&pushed.stderr)
    );
    let mut differences = Vec::new();
    for query in QUERIES {
        let args = ["--json", "search", query, "--facet", FACETS, "-n", "0"];
        let local = json(&run(&index, &args));
        let mut remote_args = args.to_vec();
        remote_args.extend(["--remote", &remote]);
        let answer = json(&run(&index, &remote_args));
        if answer["total"] != local["total"] {
            differences.push(format!(
                "{query}: total {} remote, {} local",
                answer["total"], local["total"]
            ));
        }
        for facet in FACETS.split(',') {
            if answer["facets"][facet] != local["facets"][facet] {
                differences.push(format!(
                    "{query}: facet {facet}\n  remote {}\n  local  {}",
                    answer["facets"][facet], local["facets"][facet]
                ));
            }
        }
    }
    for args in [
        &["--json", "timeline", "minister", "--by", "year"][..],
        &["--json", "facets", "speaker", "said"][..],
    ] {
        let local = json(&run(&index, args));
        let mut remote_args = args.to_vec();
        remote_args.extend(["--remote", &remote]);
        let answer = json(&run(&index, &remote_args));
        if answer != local {
            differences.push(format!("{args:?}\n  remote {answer}\n  local  {local}"));
        }
    }
    let delete = match engine {
        "quickwit" => format!("/api/v1/indexes/{name}"),
        _ => format!("/{name}"),
    };
    let host = url
        .trim_start_matches("http://")
        .rsplit('@')
        .next()
        .unwrap_or_default()
        .to_string();
    let _ = common::try_request(&host, "DELETE", &delete);
    assert!(differences.is_empty(), "{}", differences.join("\n"));
}

#[test]
fn quickwit_answers_as_local_search_does() {
    let url = std::env::var("NEWSDEX_TEST_QUICKWIT").ok();
    let node = if url.is_none() {
        start_quickwit()
    } else {
        None
    };
    let Some(url) = url.or_else(|| node.as_ref().map(|n| n.url.clone())) else {
        eprintln!(
            "SKIPPED: no Quickwit (set NEWSDEX_TEST_QUICKWIT=URL or put `quickwit` on PATH), \
             so this test checks nothing"
        );
        return;
    };
    compare_with_local("quickwit", &url);
}

#[test]
fn opensearch_answers_as_local_search_does() {
    let Ok(url) = std::env::var("NEWSDEX_TEST_OPENSEARCH") else {
        eprintln!(
            "SKIPPED: no OpenSearch (set NEWSDEX_TEST_OPENSEARCH=URL), so this test checks nothing"
        );
        return;
    };
    compare_with_local("opensearch", &url);
}
