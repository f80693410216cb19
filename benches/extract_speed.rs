//! Extraction speed over a corpus, on one thread, in MB/s: all of
//! `extract::enrich` (dateline, date, word count, quotes, speakers and
//! places), and places alone (tokenising included).
//!
//! The baseline, measured in the same run over the same texts, is tantivy
//! tokenising each body with newsdex's stemming analyser — work indexing
//! does anyway — so the ratio says how much extraction adds.
//!
//! Environment: `NEWSDEX_BENCH_CORPUS` (default `../shared/corpora/bbc`),
//! `NEWSDEX_BENCH_ROUNDS` (default 5). Run with `cargo bench --bench extract_speed`.

use std::path::PathBuf;
use std::time::Instant;

use newsdex::Article;
use newsdex::extract;
use newsdex::index::tokenizers;
use newsdex::read;

fn main() {
    let corpus = std::env::var_os("NEWSDEX_BENCH_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/bbc"));
    if !corpus.is_dir() {
        println!("skipped: corpus not found at {}", corpus.display());
        return;
    }
    let rounds: usize = std::env::var("NEWSDEX_BENCH_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(5);

    let mut articles: Vec<Article> = Vec::new();
    for entry in walkdir::WalkDir::new(&corpus).sort_by_file_name() {
        let entry = entry.expect("readable corpus");
        if !entry.file_type().is_file() || !read::is_supported(entry.path()) {
            continue;
        }
        let bytes = read::read_bytes(entry.path()).expect("readable file");
        if let Ok((_, parsed)) = read::parse_bytes(&bytes) {
            articles.extend(parsed);
        }
    }
    let bytes: usize = articles.iter().map(|a| a.body.len()).sum();
    let mb = bytes as f64 / 1e6;
    println!(
        "{} articles, {mb:.2} MB of body text, {rounds} rounds, one thread",
        articles.len()
    );

    let mut extract_secs = Vec::new();
    let mut places_secs = Vec::new();
    let mut minhash_secs = Vec::new();
    let mut tokenize_secs = Vec::new();
    let mut places = 0;
    let mut quotes = 0;
    for round in 0..rounds {
        // `enrich` recomputes every field it fills, so running it again on
        // the same articles measures extraction without copying bodies.
        let mut run_extract = |articles: &mut Vec<Article>| {
            let started = Instant::now();
            let mut found = 0;
            for article in articles.iter_mut() {
                extract::enrich(article);
                found += article.quotes.len();
            }
            quotes = found;
            started.elapsed().as_secs_f64()
        };
        let run_tokenize = |articles: &Vec<Article>| {
            let started = Instant::now();
            let mut analyzer = tokenizers::stemmed();
            let mut tokens = 0;
            for article in articles {
                tokens += tokenizers::tokens(&mut analyzer, &article.body).len();
            }
            std::hint::black_box(tokens);
            started.elapsed().as_secs_f64()
        };
        let mut run_places = |articles: &Vec<Article>| {
            let started = Instant::now();
            let mut found = 0;
            for a in articles {
                let tokens = extract::tokens::tokenize(&a.body);
                found += extract::places::find_places(
                    a.title.as_deref(),
                    &a.body,
                    &tokens,
                    a.dateline.as_ref(),
                    &[],
                    &[],
                )
                .len();
            }
            places = found;
            started.elapsed().as_secs_f64()
        };
        let run_minhash = |articles: &Vec<Article>| {
            let started = Instant::now();
            let signed = articles
                .iter()
                .filter(|a| extract::minhash::signature(&a.body).is_some())
                .count();
            std::hint::black_box(signed);
            started.elapsed().as_secs_f64()
        };
        // Alternate the order so drift on a shared machine hits all alike.
        if round % 2 == 0 {
            extract_secs.push(run_extract(&mut articles));
            places_secs.push(run_places(&articles));
            minhash_secs.push(run_minhash(&articles));
            tokenize_secs.push(run_tokenize(&articles));
        } else {
            tokenize_secs.push(run_tokenize(&articles));
            minhash_secs.push(run_minhash(&articles));
            places_secs.push(run_places(&articles));
            extract_secs.push(run_extract(&mut articles));
        }
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(|a, b| a.total_cmp(b));
        v[v.len() / 2]
    };
    let (e, t) = (median(&mut extract_secs), median(&mut tokenize_secs));
    let p = median(&mut places_secs);
    println!("quotes found per round: {quotes}; distinct places: {places}");
    println!(
        "extraction      {:>7.3} s  {:>6.1} MB/s (all extractors)",
        e,
        mb / e
    );
    println!("places only     {:>7.3} s  {:>6.1} MB/s", p, mb / p);
    let m = median(&mut minhash_secs);
    println!("minhash only    {:>7.3} s  {:>6.1} MB/s", m, mb / m);
    println!(
        "all but minhash {:>7.3} s  {:>6.1} MB/s (dateline, quotes, speakers, places)",
        e - m,
        mb / (e - m)
    );
    println!(
        "tokenising only {:>7.3} s  {:>6.1} MB/s (baseline)",
        t,
        mb / t
    );
    println!("extraction takes {:.2}× the time of tokenising", e / t);
}
