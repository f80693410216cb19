//! Search latency: newsdex's full search path against a bare tantivy baseline.
//!
//! Runs the fixed query set of `benches/queries.tsv` (single terms, AND, OR,
//! phrases, NOT, prefixes, `speaker:`, `place:`, date ranges and mixtures;
//! the same file the peers' benchmark reads) over an index. Each round times
//! every query twice, interleaved:
//!
//! - newsdex: `NewsSearcher::search` (parse, rank top 10, count, fold
//!   copies, load the 10 stored documents, build snippets);
//! - baseline: `search::query::parse` then a bare tantivy search with
//!   `(Count, TopDocs(10) by score)`: no stored documents, snippets or facets.
//!
//! Both timings include query parsing, so the ratio is the cost of what
//! newsdex adds on top of ranking. Which of the two runs first alternates
//! from round to round, so drift on a noisy machine hits both alike.
//!
//! Then, newsdex alone: facet counts (speaker, place, date by month) over
//! every article and over a broad query (`said`), page 1,001 (offset
//! 10,000) of `said` and of every article by date, and the start-up of a
//! whole `newsdex search` process (new process, open the index, answer
//! `oil` with snippets) — warm, and cold after dropping the page cache when
//! `NEWSDEX_BENCH_DROP_CACHES=1` (needs root; Linux).
//!
//! Environment:
//! - `NEWSDEX_BENCH_INDEX`: an existing index to query (built by
//!   `newsdex --index DIR index CORPUS`); else
//! - `NEWSDEX_BENCH_CORPUS`: corpus folder indexed into a temporary folder
//!   first (default `../shared/corpora/bbc`, relative to the crate); when
//!   missing the bench prints "skipped" and exits 0.
//! - `NEWSDEX_BENCH_ROUNDS`: rounds per query (default 30).
//! - `NEWSDEX_BENCH_ONLY=facets`: only the facet and deep-page figures.
//!
//! Run with `cargo bench --bench search_latency`.

mod common;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use newsdex::search::facets::FacetSpec;
use newsdex::search::{NewsSearcher, SearchRequest, SortOrder};
use tantivy::collector::{Count, TopDocs};

/// The query set shared with the peers' benchmark: (kind, query).
fn queries() -> Result<Vec<(String, String)>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/queries.tsv");
    let text = std::fs::read_to_string(&path)
        .with_context(|| format!("cannot read {}", path.display()))?;
    Ok(text
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .filter_map(|line| line.split_once('\t'))
        .map(|(kind, query)| (kind.to_string(), query.to_string()))
        .collect())
}

fn main() -> Result<()> {
    let rounds = common::env_number("NEWSDEX_BENCH_ROUNDS", 30)? as usize;
    let Some((index_path, _temporary)) = common::bench_index()? else {
        return Ok(());
    };
    let searcher = NewsSearcher::open(&index_path)?;
    let schema = &searcher.index.schema;
    println!(
        "index {}: {} articles",
        index_path.display(),
        searcher.searcher().num_docs()
    );

    if std::env::var("NEWSDEX_BENCH_ONLY").as_deref() == Ok("facets") {
        facets_and_pages(&searcher, rounds)?;
        return Ok(());
    }
    let queries = queries()?;
    let requests: Vec<SearchRequest> = queries.iter().map(|(_, q)| SearchRequest::new(q)).collect();

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
        "\n{:<10} {:>8} {:>8}  (p50 by kind, ms)",
        "kind", "newsdex", "baseline"
    );
    let mut kinds: Vec<&str> = queries.iter().map(|(k, _)| k.as_str()).collect();
    kinds.dedup();
    for kind in kinds {
        let pick = |times: &[Vec<Duration>]| {
            sorted(
                queries
                    .iter()
                    .zip(times)
                    .filter(|((k, _), _)| k == kind)
                    .flat_map(|(_, t)| t.iter().copied())
                    .collect(),
            )
        };
        println!(
            "{kind:<10} {:>8.3} {:>8.3}",
            ms(percentile(&pick(&ours), 50.0)),
            ms(percentile(&pick(&bare), 50.0))
        );
    }

    println!(
        "\n{:<44} {:>8} {:>10} {:>10} {:>7}",
        "query (p50 per query, ms)", "hits", "newsdex", "baseline", "ratio"
    );
    for (i, request) in requests.iter().enumerate() {
        let a = ms(percentile(&sorted(ours[i].clone()), 50.0));
        let b = ms(percentile(&sorted(bare[i].clone()), 50.0));
        println!(
            "{:<44} {:>8} {a:>10.3} {b:>10.3} {:>6.2}x",
            request.query,
            totals[i],
            a / b
        );
    }

    facets_and_pages(&searcher, rounds)?;
    start_up(&index_path)?;
    Ok(())
}

/// Facet counts and deep pages, newsdex's whole path, p50/p99 over rounds.
fn facets_and_pages(searcher: &NewsSearcher, rounds: usize) -> Result<()> {
    let schema = &searcher.index.schema;
    let facet = |name: &str| FacetSpec::parse(schema, name, 10);
    let specs = vec![facet("speaker")?, facet("place")?, facet("date:month")?];
    let mut cases: Vec<(String, SearchRequest)> = Vec::new();
    for (label, query) in [("every article", "*"), ("broad query `said`", "said")] {
        let mut request = SearchRequest::new(query);
        request.facets = specs.clone();
        request.limit = 10;
        cases.push((
            format!("top 10 + facets speaker, place, month: {label}"),
            request,
        ));
    }
    // What the peers' benchmark counts: two low-cardinality fields.
    let peers_specs = vec![facet("source")?, facet("date:month")?];
    for (label, query) in [("every article", "*"), ("broad query `said`", "said")] {
        let mut request = SearchRequest::new(query);
        request.facets = peers_specs.clone();
        cases.push((format!("top 10 + facets source, month: {label}"), request));
    }
    for (label, query, sort) in [
        ("`said` by relevance", "said", SortOrder::Relevance),
        ("every article by date", "*", SortOrder::Newest),
    ] {
        let mut request = SearchRequest::new(query);
        request.offset = 10_000;
        request.sort = sort;
        cases.push((format!("offset 10,000: {label}"), request));
    }
    println!(
        "\n{:<64} {:>9} {:>8} {:>8}",
        "newsdex, whole search (ms)", "hits", "p50", "p99"
    );
    for (label, request) in &cases {
        let total = searcher.search(request)?.total;
        let mut times = Vec::with_capacity(rounds);
        for _ in 0..rounds {
            let started = Instant::now();
            std::hint::black_box(searcher.search(request)?);
            times.push(started.elapsed());
        }
        let times = sorted(times);
        println!(
            "{label:<64} {total:>9} {:>8.2} {:>8.2}",
            ms(percentile(&times, 50.0)),
            ms(percentile(&times, 99.0))
        );
    }
    Ok(())
}

/// Wall time of whole `newsdex search` processes: new process, open the
/// index, answer one query with snippets, print.
fn start_up(index: &Path) -> Result<()> {
    let binary = env!("CARGO_BIN_EXE_newsdex");
    let run = |args: &[&str]| -> Result<Duration> {
        let started = Instant::now();
        let output = Command::new(binary)
            .arg("--index")
            .arg(index)
            .args(args)
            .output()?;
        let elapsed = started.elapsed();
        if !output.status.success() {
            bail!(
                "newsdex {args:?} failed: {}",
                String::from_utf8_lossy(&output.stderr)
            );
        }
        Ok(elapsed)
    };
    let search = ["search", "oil", "--limit", "10"];
    run(&search)?;
    let mut warm: Vec<Duration> = (0..20).map(|_| run(&search)).collect::<Result<_>>()?;
    warm = sorted(warm);
    let mut version: Vec<Duration> = (0..20)
        .map(|_| run(&["--version"]))
        .collect::<Result<_>>()?;
    version = sorted(version);
    println!(
        "\nstart-up, whole process (20 runs): `newsdex search oil` p50 {:.1} ms, max {:.1} ms; \
         `newsdex --version` p50 {:.1} ms",
        ms(percentile(&warm, 50.0)),
        ms(percentile(&warm, 100.0)),
        ms(percentile(&version, 50.0)),
    );
    if std::env::var_os("NEWSDEX_BENCH_DROP_CACHES").is_some() {
        let mut cold = Vec::new();
        for _ in 0..5 {
            drop_caches()?;
            cold.push(run(&search)?);
        }
        let cold = sorted(cold);
        println!(
            "cold (page cache dropped before each of 5 runs): p50 {:.1} ms, max {:.1} ms",
            ms(percentile(&cold, 50.0)),
            ms(percentile(&cold, 100.0)),
        );
    }
    Ok(())
}

fn drop_caches() -> Result<()> {
    Command::new("sync").status()?;
    std::fs::write("/proc/sys/vm/drop_caches", "3")
        .context("dropping the page cache needs root (NEWSDEX_BENCH_DROP_CACHES)")?;
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
