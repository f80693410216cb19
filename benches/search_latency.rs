//! Search latency: newsdex's full search path against a bare tantivy baseline.
//!
//! Indexes a corpus into a fresh temporary folder with the library, then runs
//! a fixed list of queries. Each round times every query twice, interleaved:
//!
//! - newsdex: `NewsSearcher::search` (parse, rank top 10, count, facets when
//!   asked, load the 10 stored documents, build snippets);
//! - baseline: `search::query::parse` then a bare tantivy search with
//!   `(Count, TopDocs(10) by score)`: no stored documents, snippets or facets.
//!
//! Both timings include query parsing, so the ratio is the cost of what
//! newsdex adds on top of ranking. Which of the two runs first alternates
//! from round to round, so drift on a noisy machine hits both alike.
//!
//! Environment:
//! - `NEWSDEX_BENCH_CORPUS`: corpus folder (default `../shared/corpora/bbc`,
//!   relative to the crate); when missing the bench prints "skipped" and exits 0.
//! - `NEWSDEX_BENCH_ROUNDS`: rounds per query (default 30).
//!
//! Run with `cargo bench --bench search_latency`.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use newsdex::index::NewsIndex;
use newsdex::index::ingest::{self, IngestOptions, NoProgress};
use newsdex::search::facets::FacetSpec;
use newsdex::search::{NewsSearcher, SearchRequest};
use tantivy::collector::{Count, TopDocs};

/// The queries, as a user would type them; `true` asks for date and source
/// facets as `--facet date,source` would.
const QUERIES: [(&str, bool); 20] = [
    ("election", false),
    ("economy", false),
    ("film", false),
    ("chelsea", false),
    ("mobile phone", false),
    ("tax AND budget", false),
    ("oil OR gas", false),
    ("(labour OR tory) AND election", false),
    ("\"prime minister\"", false),
    ("\"world cup\"", false),
    ("\"tony blair\"~2", false),
    ("elect*", false),
    ("econ* growth", false),
    ("title:election", false),
    ("title:(oscar OR award)", false),
    ("music -film", false),
    ("games NOT football", false),
    ("football", true),
    ("brown chancellor", true),
    ("said", true),
];

fn main() -> Result<()> {
    let corpus = match std::env::var_os("NEWSDEX_BENCH_CORPUS") {
        Some(path) => PathBuf::from(path),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/bbc"),
    };
    if !corpus.is_dir() {
        println!("skipped: corpus not found at {}", corpus.display());
        return Ok(());
    }
    let rounds: usize = match std::env::var("NEWSDEX_BENCH_ROUNDS") {
        Ok(text) => text
            .trim()
            .parse()
            .with_context(|| format!("NEWSDEX_BENCH_ROUNDS={text:?} is not a count"))?,
        Err(_) => 30,
    };
    if rounds == 0 {
        bail!("NEWSDEX_BENCH_ROUNDS must be at least 1");
    }

    let dir = tempfile::tempdir()?;
    let index_path = dir.path().join("index");
    {
        let index = NewsIndex::open_or_create(&index_path)?;
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
    }
    let searcher = NewsSearcher::open(&index_path)?;
    let schema = &searcher.index.schema;

    let mut requests = Vec::with_capacity(QUERIES.len());
    for (text, with_facets) in QUERIES {
        let mut request = SearchRequest::new(text);
        if with_facets {
            request.facets = vec![
                FacetSpec::parse(schema, "date", 10)?,
                FacetSpec::parse(schema, "source", 10)?,
            ];
        }
        requests.push(request);
    }

    let baseline = |text: &str| -> Result<usize> {
        let parsed = newsdex::search::query::parse(schema, &searcher.index.index, text)?;
        let (total, top) = searcher.searcher().search(
            &*parsed.query,
            &(Count, TopDocs::with_limit(10).order_by_score()),
        )?;
        std::hint::black_box(&top);
        Ok(total)
    };

    // Warm-up, and a check that both paths find the same articles.
    let mut totals = Vec::with_capacity(requests.len());
    for request in &requests {
        let results = searcher.search(request)?;
        let total = baseline(&request.query)?;
        if results.total != total {
            bail!(
                "query {:?}: newsdex found {}, baseline {}",
                request.query,
                results.total,
                total
            );
        }
        totals.push(total);
    }

    let mut ours = vec![Vec::with_capacity(rounds); requests.len()];
    let mut bare = vec![Vec::with_capacity(rounds); requests.len()];
    for round in 0..rounds {
        for (i, request) in requests.iter().enumerate() {
            let mut run_ours = || -> Result<()> {
                let started = Instant::now();
                std::hint::black_box(searcher.search(request)?);
                ours[i].push(started.elapsed());
                Ok(())
            };
            let mut run_bare = || -> Result<()> {
                let started = Instant::now();
                std::hint::black_box(baseline(&request.query)?);
                bare[i].push(started.elapsed());
                Ok(())
            };
            if round % 2 == 0 {
                run_ours()?;
                run_bare()?;
            } else {
                run_bare()?;
                run_ours()?;
            }
        }
    }

    let all_ours = sorted(ours.iter().flatten().copied().collect());
    let all_bare = sorted(bare.iter().flatten().copied().collect());
    println!(
        "\n{} queries x {rounds} rounds = {} samples each (times in ms)",
        requests.len(),
        all_ours.len()
    );
    println!("{:<10} {:>8} {:>8} {:>8}", "", "p50", "p95", "p99");
    for (name, samples) in [("newsdex", &all_ours), ("baseline", &all_bare)] {
        println!(
            "{name:<10} {:>8.3} {:>8.3} {:>8.3}",
            ms(percentile(samples, 50.0)),
            ms(percentile(samples, 95.0)),
            ms(percentile(samples, 99.0)),
        );
    }
    let ratio = |p| ms(percentile(&all_ours, p)) / ms(percentile(&all_bare, p));
    println!(
        "{:<10} {:>7.2}x {:>7.2}x {:>7.2}x",
        "ratio",
        ratio(50.0),
        ratio(95.0),
        ratio(99.0)
    );

    println!(
        "\n{:<32} {:>6} {:>10} {:>10} {:>7}",
        "query (p50 per query, ms)", "hits", "newsdex", "baseline", "ratio"
    );
    for (i, request) in requests.iter().enumerate() {
        let label = if request.facets.is_empty() {
            request.query.clone()
        } else {
            format!("{} +facets", request.query)
        };
        let a = ms(percentile(&sorted(ours[i].clone()), 50.0));
        let b = ms(percentile(&sorted(bare[i].clone()), 50.0));
        println!(
            "{label:<32} {:>6} {a:>10.3} {b:>10.3} {:>6.2}x",
            totals[i],
            a / b
        );
    }
    Ok(())
}

fn sorted(mut samples: Vec<Duration>) -> Vec<Duration> {
    samples.sort_unstable();
    samples
}

/// Nearest-rank percentile of sorted, non-empty samples.
fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
