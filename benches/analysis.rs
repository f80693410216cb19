//! The analysis commands' speed: `terms`, `profile`, `network`, `map`.
//!
//! Each case is timed two ways:
//!
//! - in the process, warm, over rounds (the library call the command and
//!   the JSON API make), beside a baseline measured in the same rounds: a
//!   bare tantivy `(Count, TopDocs(10))` of the same query, which is what
//!   any search of it costs at the least, so the ratio says what the
//!   analysis adds;
//! - as a whole `newsdex … --json` process (start, open the index, answer,
//!   print), the median of 5 runs: what a user at a terminal waits for.
//!
//! The `terms` query is the one of a list of common news words whose
//! article count is nearest to 10,000 (the issue's "a query matching about
//! 10,000 articles"), unless `NEWSDEX_BENCH_TERMS_QUERY` names one. The
//! profiled speaker and place are the most frequent ones (the most
//! articles to read) and the 100th most frequent.
//!
//! Environment: `NEWSDEX_BENCH_INDEX` or `NEWSDEX_BENCH_CORPUS` as in the
//! other benchmarks (see `benches/common`), `NEWSDEX_BENCH_ROUNDS` (default
//! 10), `NEWSDEX_BENCH_ONLY` (only the cases whose label holds it).
//!
//! Run with `cargo bench --bench analysis`.

mod common;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{Result, bail};
use newsdex::search::NewsSearcher;
use newsdex::search::SearchRequest;
use newsdex::search::facets::{DateBucket, FacetSpec};
use newsdex::search::filters::Filters;
use newsdex::search::map::MapRequest;
use newsdex::search::network::{NetworkRequest, NodeKind};
use newsdex::search::profile::{PROFILE_SAMPLE, ProfileKind, ProfileRequest};
use newsdex::search::terms::{Background, DEFAULT_SAMPLE, TermsField, TermsRequest};
use tantivy::collector::{Count, TopDocs};

/// Words news of every kind uses, tried for the `terms` query.
const CANDIDATE_QUERIES: &[&str] = &[
    "oil", "election", "police", "football", "court", "bank", "film", "war", "trade", "rates",
    "music", "prison", "budget",
];

/// One case: its label, the query a baseline search runs, the library
/// call, and the command line of the same work.
struct Case<'a> {
    label: String,
    baseline_query: String,
    run: Box<dyn Fn() -> Result<()> + 'a>,
    command: Vec<String>,
}

fn main() -> Result<()> {
    let rounds = common::env_number("NEWSDEX_BENCH_ROUNDS", 10)? as usize;
    let Some((index_path, _temporary)) = common::bench_index()? else {
        return Ok(());
    };
    let searcher = NewsSearcher::open(&index_path)?;
    println!(
        "index {}: {} articles",
        index_path.display(),
        searcher.searcher().num_docs()
    );

    let count = |query: &str| -> Result<usize> {
        let parsed =
            newsdex::search::query::parse(&searcher.index.schema, &searcher.index.index, query)?;
        Ok(searcher.searcher().search(&*parsed.query, &Count)?)
    };
    let terms_query = match std::env::var("NEWSDEX_BENCH_TERMS_QUERY") {
        Ok(query) => query,
        Err(_) => {
            let mut best = (usize::MAX, String::new());
            for query in CANDIDATE_QUERIES {
                let distance = count(query)?.abs_diff(10_000);
                if distance < best.0 {
                    best = (distance, query.to_string());
                }
            }
            best.1
        }
    };
    println!(
        "terms query `{terms_query}`: {} articles",
        count(&terms_query)?
    );
    let (top_speaker, other_speaker) = ranked_values(&searcher, "speaker")?;
    let (top_place, other_place) = ranked_values(&searcher, "place")?;

    let mut cases: Vec<Case> = Vec::new();
    for (field, flag) in [(TermsField::Body, "body"), (TermsField::Title, "title")] {
        let request = TermsRequest {
            query: terms_query.clone(),
            background: Background::Index,
            field,
            speaker: None,
            limit: 30,
            sample: DEFAULT_SAMPLE,
        };
        let searcher = &searcher;
        cases.push(Case {
            label: format!("terms `{terms_query}` --field {flag}"),
            baseline_query: terms_query.clone(),
            run: Box::new(move || {
                std::hint::black_box(searcher.significant_terms(&request)?);
                Ok(())
            }),
            command: args(&["terms", &terms_query, "--field", flag]),
        });
    }
    for (kind, flag, name) in [
        (ProfileKind::Speaker, "speaker", &top_speaker),
        (ProfileKind::Speaker, "speaker", &other_speaker),
        (ProfileKind::Place, "place", &top_place),
        (ProfileKind::Place, "place", &other_place),
    ] {
        let request = ProfileRequest {
            kind,
            name: name.clone(),
            query: String::new(),
            filters: Filters::default(),
            by: DateBucket::Month,
            limit: 10,
            sample: PROFILE_SAMPLE,
        };
        let searcher = &searcher;
        cases.push(Case {
            label: format!("profile {flag} `{name}`"),
            baseline_query: format!("{flag}:\"{name}\""),
            run: Box::new(move || {
                std::hint::black_box(searcher.profile(&request)?);
                Ok(())
            }),
            command: args(&["profile", flag, name]),
        });
    }
    for (query, nodes, flag) in [
        ("*", vec![NodeKind::Speaker], "speaker"),
        (
            "*",
            vec![NodeKind::Speaker, NodeKind::Place],
            "speaker+place",
        ),
        (terms_query.as_str(), vec![NodeKind::Speaker], "speaker"),
    ] {
        let request = NetworkRequest {
            query: query.to_string(),
            kinds: nodes,
            top: 100,
            min_weight: 1,
        };
        let searcher = &searcher;
        cases.push(Case {
            label: format!("network `{query}` --nodes {flag} --top 100"),
            baseline_query: query.to_string(),
            run: Box::new(move || {
                std::hint::black_box(searcher.network(&request)?);
                Ok(())
            }),
            command: args(&["network", query, "--nodes", flag, "--format", "csv"]),
        });
    }
    for query in ["*", terms_query.as_str()] {
        let request = MapRequest {
            query: query.to_string(),
            cities: 10,
        };
        let searcher = &searcher;
        cases.push(Case {
            label: format!("map `{query}`"),
            baseline_query: query.to_string(),
            run: Box::new(move || {
                std::hint::black_box(searcher.coverage_map(&request)?);
                Ok(())
            }),
            command: args(&["map", query, "--json"]),
        });
    }

    let baseline = |query: &str| -> Result<()> {
        let parsed =
            newsdex::search::query::parse(&searcher.index.schema, &searcher.index.index, query)?;
        std::hint::black_box(searcher.searcher().search(
            &*parsed.query,
            &(Count, TopDocs::with_limit(10).order_by_score()),
        )?);
        Ok(())
    };

    println!(
        "\n{:<52} {:>9} {:>9} {:>9} {:>8} {:>10}",
        "case (ms)", "p50", "max", "baseline", "ratio", "process"
    );
    let only = std::env::var("NEWSDEX_BENCH_ONLY").unwrap_or_default();
    for case in cases.iter().filter(|c| c.label.contains(&only)) {
        (case.run)()?; // warm-up
        let mut ours = Vec::with_capacity(rounds);
        let mut bare = Vec::with_capacity(rounds);
        for round in 0..rounds {
            let mut time_ours = || -> Result<()> {
                let started = Instant::now();
                (case.run)()?;
                ours.push(started.elapsed());
                Ok(())
            };
            let mut time_bare = || -> Result<()> {
                let started = Instant::now();
                baseline(&case.baseline_query)?;
                bare.push(started.elapsed());
                Ok(())
            };
            if round % 2 == 0 {
                time_ours()?;
                time_bare()?;
            } else {
                time_bare()?;
                time_ours()?;
            }
        }
        ours.sort_unstable();
        bare.sort_unstable();
        let process = whole_process(&index_path, &case.command)?;
        let p50 = ms(ours[ours.len() / 2]);
        let base = ms(bare[bare.len() / 2]);
        println!(
            "{:<52} {p50:>9.1} {:>9.1} {base:>9.2} {:>7.0}x {process:>10.1}",
            case.label,
            ms(*ours.last().expect("at least one round")),
            p50 / base,
        );
    }
    println!("\nprocess: median wall time of 5 whole `newsdex` runs (start, open, answer, print)");
    Ok(())
}

/// The most frequent value of a facet over every article, and the 100th
/// (or the last, in a small index).
fn ranked_values(searcher: &NewsSearcher, facet: &str) -> Result<(String, String)> {
    let mut request = SearchRequest::new("*");
    request.limit = 0;
    request.facets = vec![FacetSpec::parse(&searcher.index.schema, facet, 100)?];
    let results = searcher.search(&request)?;
    let values = &results.facets[0].counts;
    let (Some(first), Some(last)) = (values.first(), values.last()) else {
        bail!("no {facet} in the index");
    };
    println!(
        "{facet}: `{}` ({} articles) and `{}` ({} articles, rank {})",
        first.value,
        first.count,
        last.value,
        last.count,
        values.len()
    );
    Ok((first.value.clone(), last.value.clone()))
}

fn args(parts: &[&str]) -> Vec<String> {
    parts.iter().map(|part| part.to_string()).collect()
}

/// Median wall time, in ms, of 5 whole runs of the command.
fn whole_process(index: &Path, command: &[String]) -> Result<f64> {
    let binary = env!("CARGO_BIN_EXE_newsdex");
    let mut times = Vec::with_capacity(5);
    for _ in 0..5 {
        let started = Instant::now();
        let output = Command::new(binary)
            .arg("--index")
            .arg(index)
            .args(command)
            .output()?;
        times.push(started.elapsed());
        if !output.status.success() {
            bail!(
                "newsdex {command:?} failed: {}",
                String::from_utf8_lossy(&output.stderr)
            );
        }
    }
    times.sort_unstable();
    Ok(ms(times[2]))
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
