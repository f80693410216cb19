//! Load on `newsdex serve`: concurrent clients on loopback for a fixed time.
//!
//! Starts the library's server on a free loopback port over an index, then
//! runs `NEWSDEX_LOAD_CLIENTS` clients (default 8) for
//! `NEWSDEX_LOAD_SECONDS` (default 20), each sending requests one after the
//! other, each on a new connection, taken in turn from a mixed set: the
//! searches of `benches/queries.tsv` (with their snippets), searches with
//! speaker, place and month facets, place drill-downs, timelines, kwic and
//! articles. Reports requests per second, p50 / p99 latency as the client
//! sees it (connect to last byte) and every answer that was not 200.
//!
//! Environment: `NEWSDEX_BENCH_INDEX` (an existing index), else
//! `NEWSDEX_BENCH_CORPUS` (indexed first; default `../shared/corpora/bbc`,
//! "skipped" when missing).
//!
//! Run with `cargo bench --bench serve_load`.

use std::io::{Read, Write};
use std::net::TcpStream;
mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use newsdex::search::NewsSearcher;
use newsdex::serve::Server;

/// Percent-encodes a query for a URL.
fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            b' ' => "+".to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The mixed request set.
fn targets(searcher: &NewsSearcher) -> Result<Vec<String>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/queries.tsv");
    let text = std::fs::read_to_string(&path)?;
    let mut targets: Vec<String> = text
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .map(|(_, q)| format!("/api/search?q={}", encode(q)))
        .collect();
    for q in ["said", "oil", "election"] {
        targets.push(format!("/api/search?q={q}&facets=speaker,place,date:month"));
        targets.push(format!("/api/timeline?q={q}&by=year"));
        targets.push(format!("/api/kwic?phrase={q}&limit=20"));
    }
    targets.push("/api/facets/place".to_string());
    targets.push("/api/facets/place?drill=Europe".to_string());
    targets.push("/api/stats".to_string());
    let first = searcher.search(&newsdex::search::SearchRequest::new("said"))?;
    for hit in first.hits.iter().take(5) {
        targets.push(format!("/api/article/{}", hit.id));
    }
    Ok(targets)
}

fn get(addr: &str, target: &str) -> Result<u16> {
    let mut stream = TcpStream::connect(addr)?;
    write!(
        stream,
        "GET {target} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response)?;
    let head = String::from_utf8_lossy(&response[..response.len().min(32)]).into_owned();
    head.split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .with_context(|| format!("no status in {head:?}"))
}

fn main() -> Result<()> {
    let Some((index_path, _temporary)) = common::bench_index()? else {
        return Ok(());
    };
    let clients = common::env_number("NEWSDEX_LOAD_CLIENTS", 8)? as usize;
    let seconds = common::env_number("NEWSDEX_LOAD_SECONDS", 20)?;

    let targets = targets(&NewsSearcher::open(&index_path)?)?;
    let server = Server::bind("127.0.0.1:0", NewsSearcher::open(&index_path)?)?;
    let addr = server.addr();
    let threads = std::thread::available_parallelism().map_or(4, |n| n.get().max(4));
    let stopper = server.stopper(threads);
    println!(
        "index {}: {} requests in the mix, {clients} clients for {seconds} s, server threads {threads}",
        index_path.display(),
        targets.len()
    );

    let (latencies, failures) = std::thread::scope(|scope| {
        scope.spawn(|| server.run(threads));
        let deadline = Instant::now() + Duration::from_secs(seconds);
        let workers: Vec<_> = (0..clients)
            .map(|c| {
                let (addr, targets) = (&addr, &targets);
                scope.spawn(move || {
                    let mut latencies = Vec::new();
                    let mut failures = Vec::new();
                    let mut i = c * 7;
                    while Instant::now() < deadline {
                        let target = &targets[i % targets.len()];
                        i += 1;
                        let started = Instant::now();
                        match get(addr, target) {
                            Ok(200) => latencies.push(started.elapsed()),
                            Ok(status) => failures.push(format!("{status} {target}")),
                            Err(err) => failures.push(format!("{err} {target}")),
                        }
                    }
                    (latencies, failures)
                })
            })
            .collect();
        let mut latencies = Vec::new();
        let mut failures = Vec::new();
        for worker in workers {
            let (l, f) = worker.join().expect("client thread");
            latencies.extend(l);
            failures.extend(f);
        }
        stopper.stop();
        (latencies, failures)
    });

    let mut latencies = latencies;
    latencies.sort_unstable();
    let at = |p: f64| {
        let rank = ((p / 100.0) * latencies.len() as f64).ceil() as usize;
        latencies[rank.clamp(1, latencies.len()) - 1].as_secs_f64() * 1000.0
    };
    if latencies.is_empty() {
        bail!("no request succeeded: {failures:?}");
    }
    println!(
        "{} answers in {seconds} s: {:.0} requests/s; latency p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms; {} not 200",
        latencies.len(),
        latencies.len() as f64 / seconds as f64,
        at(50.0),
        at(99.0),
        at(100.0),
        failures.len()
    );
    for failure in failures.iter().take(10) {
        println!("  {failure}");
    }
    Ok(())
}
