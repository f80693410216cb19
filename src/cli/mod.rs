//! The command line: parse arguments, resolve them into settings, call the
//! library, render. Nothing here indexes or searches by itself.

/// Writes a line to stderr and ignores a closed or failing stream: a
/// message must never stop a run. (`eprintln!` panics when stderr is a
/// closed pipe, which in the ingest left its threads waiting forever.)
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr().lock(), $($arg)*);
    }};
}

mod args;
mod progress;

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::Parser;
use newsdex::index::ingest::{self, IngestOptions};
use newsdex::index::{DEFAULT_INDEX_DIR, NewsIndex, stats};
use newsdex::remote::Remote;
use newsdex::remote::export::{Manifest, TargetExport};
use newsdex::remote::http::RetryPolicy;
use newsdex::remote::push::PushOptions;
use newsdex::remote::search::RemoteSearcher;
use newsdex::render::{Style, graph, json, terminal};
use newsdex::search::export::{ExportFormat, ExportRequest};
use newsdex::search::facets::DateBucket;
use newsdex::search::facets::FacetSpec;
use newsdex::search::kwic::{KwicRequest, KwicSort};
use newsdex::search::map::MapRequest;
use newsdex::search::network::{NetworkRequest, NodeKind};
use newsdex::search::profile::{ProfileKind, ProfileRequest};
use newsdex::search::quotes::QuotesRequest;
use newsdex::search::terms::{Background, TermsField, TermsRequest};
use newsdex::search::timeline::TimelineRequest;
use newsdex::search::{FacetSource, FacetsRequest, NewsSearcher, SearchRequest, SortOrder};

use args::{
    Cli, ColorChoice, Command, ExportArgs, ExportFormatArg, ExtractArgs, FacetsArgs, GlobalArgs,
    GraphFormatArg, IndexArgs, KwicSortArg, NodesArg, PeriodArg, ProfileKindArg, PushArgs,
    QuotesArgs, SearchArgs, ServeArgs, SortArg, TermsFieldArg, TimelineArgs,
};

/// Exit status when the index was updated but some inputs failed.
pub const EXIT_SOME_FAILED: u8 = 3;
/// Exit status for a bad query or bad arguments (as clap uses).
pub const EXIT_USAGE: u8 = 2;

/// Settings every command shares, resolved from flags and environment.
struct Config {
    index: PathBuf,
    json: bool,
    style: Style,
}

impl Config {
    fn resolve(global: &GlobalArgs) -> Config {
        let stdout_is_terminal = io::stdout().is_terminal();
        let color = match global.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => stdout_is_terminal && std::env::var_os("NO_COLOR").is_none(),
        };
        let width = stdout_is_terminal
            .then(|| terminal_size::terminal_size().map(|(w, _)| (w.0 as usize).min(120)))
            .flatten();
        Config {
            index: global
                .index
                .clone()
                .unwrap_or_else(|| PathBuf::from(DEFAULT_INDEX_DIR)),
            json: global.json,
            style: Style { color, width },
        }
    }
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let config = Config::resolve(&cli.global);
    // A panic (tantivy's on a damaged index, or a bug) ends the command
    // with a message like any error's, never a backtrace and status 101.
    newsdex::panics::install_hook();
    let result = newsdex::panics::catch(|| run(&cli.command, &config))
        .unwrap_or_else(|panic| Err(panicked(&cli.command, &config, panic)));
    for message in newsdex::panics::uncaught() {
        say!("newsdex: internal error in a thread (a bug in newsdex; please report it): {message}");
    }
    match result {
        Ok(code) => code,
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            let err = explain_damage(&cli.command, &config, err);
            let usage = matches!(
                err.downcast_ref::<newsdex::Error>(),
                Some(
                    newsdex::Error::Query(_)
                        | newsdex::Error::Unanswerable(_)
                        | newsdex::Error::UnknownFacet { .. }
                        | newsdex::Error::UnknownPath { .. }
                        | newsdex::Error::NoHierarchy { .. }
                        | newsdex::Error::UnknownField { .. }
                        | newsdex::Error::OverLimit { .. }
                )
            );
            say!("newsdex: {err:#}");
            ExitCode::from(if usage { EXIT_USAGE } else { 1 })
        }
    }
}

/// The error a panic of `command` stands for: the index is damaged (it
/// names the files), or newsdex has a bug.
fn panicked(command: &Command, config: &Config, message: String) -> anyhow::Error {
    let damaged = uses_local_index(command)
        .then(|| newsdex::index::check::diagnose(&config.index))
        .flatten();
    match damaged {
        Some(files) => newsdex::Error::Damaged {
            path: config.index.clone(),
            files,
        }
        .into(),
        None => newsdex::Error::Internal(message).into(),
    }
}

/// `err`, or the damage of the index that caused it (see
/// `newsdex::index::check`).
fn explain_damage(command: &Command, config: &Config, err: anyhow::Error) -> anyhow::Error {
    let may_be_damage = uses_local_index(command)
        && err
            .downcast_ref::<newsdex::Error>()
            .is_some_and(newsdex::index::check::may_come_of_damage);
    if !may_be_damage {
        return err;
    }
    match newsdex::index::check::diagnose(&config.index) {
        Some(files) => newsdex::Error::Damaged {
            path: config.index.clone(),
            files,
        }
        .into(),
        None => err,
    }
}

/// Whether `command` reads the index at `--index` (not `extract`, not an
/// engine's through `--remote`): only then can its damage explain a failure.
fn uses_local_index(command: &Command) -> bool {
    match command {
        Command::Extract(_) => false,
        Command::Search(args) => args.remote.is_none(),
        Command::Facets(args) => args.remote.is_none(),
        Command::Timeline(args) => args.remote.is_none(),
        Command::Push(args) => args.export.is_none(),
        _ => true,
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

fn run(command: &Command, config: &Config) -> anyhow::Result<ExitCode> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let code = match command {
        Command::Index(args) => index(args, config, &mut out)?,
        Command::Search(args) => {
            search(args, config, &mut out)?;
            ExitCode::SUCCESS
        }
        Command::Quotes(args) => {
            quotes(args, config, &mut out)?;
            ExitCode::SUCCESS
        }
        Command::Show(args) => {
            let searcher = open(config)?;
            let article = searcher.article(&args.id)?;
            if config.json {
                json::write_json(&mut out, &article)?;
            } else {
                terminal::write_article(&mut out, &article, config.style)?;
            }
            ExitCode::SUCCESS
        }
        Command::Check => check(config, &mut out)?,
        Command::Stats => {
            let searcher = open(config)?;
            let stats = stats::stats(&searcher, 10)?;
            if config.json {
                json::write_json(&mut out, &stats)?;
            } else {
                terminal::write_stats(&mut out, &stats, config.style)?;
            }
            ExitCode::SUCCESS
        }
        Command::Extract(args) => extract(args, config, &mut out)?,
        Command::Similar(args) => {
            let searcher = open(config)?;
            let results = searcher.similar(&args.id, args.limit, 220)?;
            if config.json {
                json::write_json(&mut out, &results)?;
            } else {
                terminal::write_search(
                    &mut out,
                    &format!("like {}", args.id),
                    &results,
                    config.style,
                )?;
            }
            ExitCode::SUCCESS
        }
        Command::Kwic(args) => {
            let searcher = open(config)?;
            let request = KwicRequest {
                phrase: args.phrase.join(" "),
                filter_query: args.filters.filters().apply(&searcher.index.schema, "*"),
                width: args.width,
                sort: match args.sort {
                    KwicSortArg::Appearance => KwicSort::Appearance,
                    KwicSortArg::Left => KwicSort::Left,
                    KwicSortArg::Right => KwicSort::Right,
                },
                limit: args.limit,
            };
            let kwic = searcher.kwic(&request)?;
            if config.json {
                json::write_json(&mut out, &kwic)?;
            } else {
                terminal::write_kwic(&mut out, &kwic, args.width, config.style)?;
            }
            ExitCode::SUCCESS
        }
        Command::Terms(args) => {
            let searcher = open(config)?;
            let query = query_text(&args.query);
            let request = TermsRequest {
                query: args.filters.filters().apply(&searcher.index.schema, &query),
                background: args
                    .against
                    .clone()
                    .map_or(Background::Index, Background::Query),
                field: match args.field {
                    TermsFieldArg::Body => TermsField::Body,
                    TermsFieldArg::Title => TermsField::Title,
                    TermsFieldArg::Quote => TermsField::Quote,
                },
                speaker: args.filters.speaker.clone(),
                limit: args.limit,
                sample: args.sample,
            };
            let terms = searcher.significant_terms(&request)?;
            if config.json {
                json::write_json(&mut out, &terms)?;
            } else if args.csv {
                terminal::write_terms_csv(&mut out, &terms)?;
            } else {
                terminal::write_terms(&mut out, &terms, config.style)?;
            }
            ExitCode::SUCCESS
        }
        Command::Profile(args) => {
            let searcher = open(config)?;
            let request = ProfileRequest {
                kind: match args.kind {
                    ProfileKindArg::Speaker => ProfileKind::Speaker,
                    ProfileKindArg::Place => ProfileKind::Place,
                },
                name: args.name.clone(),
                query: args.query.join(" "),
                filters: args.filters.filters(),
                by: period(args.by),
                limit: args.limit,
                sample: args.sample,
            };
            let profile = searcher.profile(&request)?;
            if config.json {
                json::write_json(&mut out, &profile)?;
            } else {
                terminal::write_profile(&mut out, &profile, config.style)?;
            }
            ExitCode::SUCCESS
        }
        Command::Map(args) => {
            let searcher = open(config)?;
            let request = MapRequest {
                query: args
                    .filters
                    .filters()
                    .apply(&searcher.index.schema, &query_text(&args.query)),
                cities: args.cities,
            };
            let map = searcher.coverage_map(&request)?;
            if let Some(path) = &args.svg {
                std::fs::write(path, newsdex::render::map::map_svg(&map))
                    .with_context(|| format!("writing {}", path.display()))?;
            }
            if config.json {
                json::write_json(&mut out, &map)?;
            } else {
                terminal::write_map(&mut out, &map, args.limit, config.style)?;
                if let Some(path) = &args.svg {
                    writeln!(out, "map written to {}", path.display())?;
                }
            }
            ExitCode::SUCCESS
        }
        Command::Network(args) => {
            let searcher = open(config)?;
            let query = query_text(&args.query);
            let request = NetworkRequest {
                query: args.filters.filters().apply(&searcher.index.schema, &query),
                kinds: match args.nodes {
                    NodesArg::Speaker => vec![NodeKind::Speaker],
                    NodesArg::Place => vec![NodeKind::Place],
                    NodesArg::SpeakerAndPlace => vec![NodeKind::Speaker, NodeKind::Place],
                },
                top: args.top,
                min_weight: args.min_weight,
            };
            let network = searcher.network(&request)?;
            if config.json {
                json::write_json(&mut out, &network)?;
            } else {
                match args.format {
                    GraphFormatArg::Gexf => graph::write_gexf(&mut out, &network)?,
                    GraphFormatArg::Graphml => graph::write_graphml(&mut out, &network)?,
                    GraphFormatArg::Csv => graph::write_edges_csv(&mut out, &network)?,
                }
            }
            ExitCode::SUCCESS
        }
        Command::Export(args) => {
            export(args, config, &mut out)?;
            ExitCode::SUCCESS
        }
        Command::Timeline(args) => {
            timeline(args, config, &mut out)?;
            ExitCode::SUCCESS
        }
        Command::Facets(args) => {
            facets(args, config, &mut out)?;
            ExitCode::SUCCESS
        }
        Command::Push(args) => push(args, config, &mut out)?,
        Command::Serve(args) => {
            serve(args, config)?;
            ExitCode::SUCCESS
        }
    };
    // The work is done; a reader that closed the pipe early changes
    // nothing the exit status says (`index` may report failed files).
    match out.flush() {
        Err(err) if err.kind() != io::ErrorKind::BrokenPipe => Err(err.into()),
        _ => Ok(code),
    }
}

/// `newsdex check`: reads every file of the index against its checksum.
fn check(config: &Config, out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    let report = newsdex::index::check::check(&config.index)?;
    if config.json {
        json::write_json(out, &report)?;
    } else {
        let verdict = if report.is_whole() {
            "whole: every file matches its checksum".to_string()
        } else {
            format!("{} damaged", report.damaged.len())
        };
        writeln!(
            out,
            "{}: {} segments, {} files, {} read in {:.2} s; {verdict}",
            report.path.display(),
            report.segments,
            report.files,
            newsdex::render::human_bytes(report.bytes),
            report.seconds,
        )?;
        for file in &report.damaged {
            writeln!(out, "  damaged: {}", file.display())?;
        }
    }
    if report.is_whole() {
        return Ok(ExitCode::SUCCESS);
    }
    out.flush()?;
    Err(newsdex::Error::Damaged {
        path: report.path,
        files: report.damaged,
    }
    .into())
}

fn extract(args: &ExtractArgs, config: &Config, out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    let mut failed = false;
    for path in &args.files {
        match newsdex::extract::report::extract_file(path) {
            Ok((articles, problems)) => {
                for article in &articles {
                    if config.json {
                        json::write_json(out, article)?;
                    } else {
                        terminal::write_extracted(out, article, config.style)?;
                    }
                }
                if !problems.is_empty() {
                    failed = true;
                    out.flush()?;
                    for problem in &problems {
                        say!(
                            "newsdex: skipped part of {}: {problem}",
                            newsdex::index::ids::path_key(path)
                        );
                    }
                }
            }
            Err(err) => {
                failed = true;
                out.flush()?;
                say!(
                    "newsdex: skipped {}: {err}",
                    newsdex::index::ids::path_key(path)
                );
            }
        }
    }
    Ok(if failed {
        ExitCode::from(EXIT_SOME_FAILED)
    } else {
        ExitCode::SUCCESS
    })
}

fn serve(args: &ServeArgs, config: &Config) -> anyhow::Result<()> {
    let searcher = open(config)?;
    let server = newsdex::serve::Server::bind(&args.addr, searcher)
        .with_context(|| format!("cannot listen on {}", args.addr))?;
    let threads = args
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(4, |n| n.get().max(4)));
    let addr = server.addr();
    let loopback = addr
        .parse::<std::net::SocketAddr>()
        .is_ok_and(|a| a.ip().is_loopback());
    if !loopback {
        say!("warning: listening on {addr}: anyone who can reach this machine can read the index");
    }
    say!(
        "newsdex: serving {} — open http://{addr}/ (JSON API under /api/, e.g. http://{addr}/api/search?q=oil); Ctrl-C stops",
        config.index.display()
    );
    let stopper = server.stopper(threads);
    ctrlc::set_handler(move || stopper.stop()).context("cannot handle Ctrl-C")?;
    server.run(threads);
    say!("newsdex: stopped");
    Ok(())
}

fn open(config: &Config) -> anyhow::Result<NewsSearcher> {
    Ok(NewsSearcher::open(&config.index)?)
}

fn index(args: &IndexArgs, config: &Config, out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    let mut options = IngestOptions {
        roots: args.dirs.clone(),
        strict: args.strict,
        ..IngestOptions::default()
    };
    if let Some(every) = args.commit_every {
        options.commit_every = every.max(1);
    }
    if let Some(bytes) = args.stream_above {
        options.stream_above_bytes = bytes;
    }
    if let Some(threads) = args.threads {
        options.threads = threads.max(1);
        options.writer_threads = threads.clamp(1, 4);
    }
    if let Some(megabytes) = args.memory {
        // tantivy refuses less than 15 MB a writer thread.
        options.writer_memory = megabytes.max(15 * options.writer_threads) * 1024 * 1024;
    }
    let progress = progress::IndexProgress::new();
    let summary = if args.rebuild {
        ingest::rebuild(&config.index, &options, &progress)
    } else {
        NewsIndex::open_or_create(&config.index)
            .and_then(|index| ingest::ingest(&index, &options, &progress))
    };
    progress.finish();
    let summary = summary.with_context(|| format!("indexing into {}", config.index.display()))?;
    let written = if config.json {
        json::write_json(out, &summary).map_err(anyhow::Error::from)
    } else {
        terminal::write_ingest_summary(out, &summary, config.style).map_err(anyhow::Error::from)
    };
    // The run is committed: a reader that closed the pipe early does not
    // change what the exit status reports.
    match written {
        Err(err) if !is_broken_pipe(&err) => return Err(err),
        _ => {}
    }
    Ok(if summary.failed + summary.failed_records > 0 {
        ExitCode::from(EXIT_SOME_FAILED)
    } else {
        ExitCode::SUCCESS
    })
}

fn search(args: &SearchArgs, config: &Config, out: &mut dyn Write) -> anyhow::Result<()> {
    let searcher = Searcher::open(args.remote.as_ref(), config)?;
    let schema = searcher.schema();
    let facets = args
        .facet
        .iter()
        .filter(|f| !f.trim().is_empty())
        .map(|f| FacetSpec::parse(schema, f, args.facet_limit))
        .collect::<Result<Vec<_>, _>>()?;
    let query = args.filters.filters().apply(schema, &args.query.join(" "));
    let request = SearchRequest {
        query,
        limit: args.limit,
        offset: args.offset,
        sort: match args.sort {
            SortArg::Relevance => SortOrder::Relevance,
            SortArg::Date => SortOrder::Newest,
            SortArg::Oldest => SortOrder::Oldest,
        },
        facets,
        snippet_chars: args.snippet,
        all_copies: args.all_copies,
    };
    let results = searcher.search(&request)?;
    if config.json {
        json::write_json(out, &results)?;
    } else {
        terminal::write_search(out, &request.query, &results, config.style)?;
    }
    Ok(())
}

/// The index `search` asks: this machine's, or an engine's (`--remote`).
// One value per run: the size of its variants does not matter.
#[allow(clippy::large_enum_variant)]
enum Searcher {
    Local(NewsSearcher),
    Remote(RemoteSearcher),
}

impl Searcher {
    /// The engine named by `--remote`, or the local index.
    fn open(remote: Option<&Remote>, config: &Config) -> anyhow::Result<Searcher> {
        Ok(match remote {
            Some(remote) => Searcher::Remote(RemoteSearcher::new(remote.clone())?),
            None => Searcher::Local(open(config)?),
        })
    }

    fn schema(&self) -> &newsdex::index::schema::NewsSchema {
        self.facet_source().schema()
    }

    fn facet_source(&self) -> &dyn FacetSource {
        match self {
            Searcher::Local(local) => local,
            Searcher::Remote(remote) => remote,
        }
    }

    fn facet_values(
        &self,
        request: &FacetsRequest,
    ) -> newsdex::Result<newsdex::search::FacetsResults> {
        match self {
            Searcher::Local(local) => local.facet_values(request),
            Searcher::Remote(remote) => remote.facet_values(request),
        }
    }

    fn search(&self, request: &SearchRequest) -> newsdex::Result<newsdex::search::SearchResults> {
        match self {
            Searcher::Local(local) => local.search(request),
            Searcher::Remote(remote) => remote.search(request),
        }
    }
}

fn facets(args: &FacetsArgs, config: &Config, out: &mut dyn Write) -> anyhow::Result<()> {
    let searcher = Searcher::open(args.remote.as_ref(), config)?;
    let query = query_text(&args.query);
    let request = FacetsRequest {
        query: args.filters.filters().apply(searcher.schema(), &query),
        field: args.field.clone(),
        drill: args.drill.clone(),
        limit: args.limit,
    };
    let results = searcher.facet_values(&request)?;
    if config.json {
        json::write_json(out, &results)?;
    } else {
        terminal::write_facet_values(out, &results, config.style)?;
    }
    Ok(())
}

fn export(args: &ExportArgs, config: &Config, out: &mut dyn Write) -> anyhow::Result<()> {
    let searcher = open(config)?;
    let query = query_text(&args.query);
    if let (Some(target), Some(dir)) = (args.target, &args.out) {
        let request = TargetExport {
            engine: target.engine(),
            query: args.filters.filters().apply(&searcher.index.schema, &query),
            out: dir.clone(),
            index_name: args.index_name.clone(),
            chunk_bytes: args.chunk_bytes,
        };
        let manifest = export_for_engine(&searcher, &request)?;
        if config.json {
            serde_json::to_writer_pretty(&mut *out, &manifest)?;
            writeln!(out)?;
        }
        return Ok(());
    }
    let request = ExportRequest {
        query: args.filters.filters().apply(&searcher.index.schema, &query),
        format: match args.format {
            ExportFormatArg::Ndjson => ExportFormat::NdJson,
            ExportFormatArg::Csv => ExportFormat::Csv,
        },
        fields: args
            .fields
            .iter()
            .filter(|f| !f.trim().is_empty())
            .cloned()
            .collect(),
    };
    searcher.export(&request, out)?;
    Ok(())
}

fn push(args: &PushArgs, config: &Config, out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    let remote = args.remote.clone();
    let dir = match &args.export {
        Some(dir) => dir.clone(),
        None => stage_export(args, config, &remote)?,
    };
    let options = PushOptions {
        retry: RetryPolicy {
            attempts: args.tries.max(1),
            first_delay: std::time::Duration::from_millis(args.backoff_ms),
            ..RetryPolicy::default()
        },
        append: args.append,
    };
    let bar = progress::PushBar::new(&remote);
    let report = newsdex::remote::push::push(&remote, &dir, options, &bar)?;
    bar.finish();
    if config.json {
        json::write_json(out, &report)?;
    } else {
        terminal::write_push(out, &report)?;
    }
    if report.is_complete() {
        Ok(ExitCode::SUCCESS)
    } else {
        say!(
            "newsdex: the engine holds {} documents, the export {} ({} refused); run the \
             same push again to look every article up by id and finish the job",
            report.engine_count,
            report.held_before + report.expected,
            report.rejected,
        );
        Ok(ExitCode::from(EXIT_SOME_FAILED))
    }
}

/// Exports the index for `push` into a hidden folder beside it
/// (`.newsdex-exports/ENGINE-INDEX`), or reuses the folder an interrupted
/// push left when the index has not changed since.
fn stage_export(args: &PushArgs, config: &Config, remote: &Remote) -> anyhow::Result<PathBuf> {
    let searcher = open(config)?;
    let query = query_text(&args.query);
    let query = args.filters.filters().apply(&searcher.index.schema, &query);
    // Hidden, beside the index, so that indexing the folder that holds
    // them never reads the request bodies as articles.
    let index_name = config
        .index
        .file_name()
        .unwrap_or_default()
        .to_string_lossy();
    let name = format!(".{}-exports", index_name.trim_start_matches('.'));
    let dir = config
        .index
        .with_file_name(name)
        .join(format!("{}-{}", remote.engine, remote.index));
    let opstamp = searcher.index.index.load_metas()?.opstamp;
    if let Some(manifest) = Manifest::read(&dir)?
        && manifest.index_opstamp == opstamp
        && manifest.query == query
        && manifest.engine == remote.engine.name()
        && manifest.index_name == remote.index
    {
        return Ok(dir);
    }
    let request = TargetExport {
        engine: remote.engine,
        query,
        out: dir.clone(),
        index_name: remote.index.clone(),
        chunk_bytes: args.chunk_bytes,
    };
    export_for_engine(&searcher, &request)?;
    Ok(dir)
}

/// Writes an export with a progress bar and says what it wrote.
fn export_for_engine(searcher: &NewsSearcher, request: &TargetExport) -> anyhow::Result<Manifest> {
    let started = std::time::Instant::now();
    let bar = progress::CountProgress::with_total("exporting", "articles", 0);
    let manifest = searcher.export_to_engine(request, &mut |n, total| {
        bar.set_length(total);
        bar.set(n)
    })?;
    bar.finish();
    say!(
        "newsdex: exported {} articles for {} in {} request bodies ({}) to {} in {:.1} s",
        newsdex::render::thousands(manifest.documents),
        request.engine,
        manifest.chunks.len(),
        newsdex::render::human_bytes(manifest.bytes),
        request.out.display(),
        started.elapsed().as_secs_f64()
    );
    for id in &manifest.too_large {
        say!(
            "newsdex: left out {id}: larger than one request body ({} bytes)",
            request.chunk_bytes
        );
    }
    Ok(manifest)
}

fn timeline(args: &TimelineArgs, config: &Config, out: &mut dyn Write) -> anyhow::Result<()> {
    let searcher = Searcher::open(args.remote.as_ref(), config)?;
    let query = query_text(&args.query);
    let filters = args.filters.filters();
    let request = TimelineRequest {
        query: filters.apply(searcher.schema(), &query),
        by: period(args.by),
        split_by: args.split_by.clone(),
        top: args.top,
        compare: args
            .compare
            .iter()
            .map(|q| filters.apply(searcher.schema(), q))
            .collect(),
    };
    let timeline = newsdex::search::timeline::timeline(searcher.facet_source(), &request)?;
    if let Some(path) = &args.svg {
        std::fs::write(path, newsdex::render::svg::timeline_svg(&timeline))
            .with_context(|| format!("writing {}", path.display()))?;
    }
    if config.json {
        json::write_json(out, &timeline)?;
    } else if args.csv {
        terminal::write_timeline_csv(out, &timeline)?;
    } else {
        terminal::write_timeline(out, &timeline, config.style)?;
    }
    Ok(())
}

fn quotes(args: &QuotesArgs, config: &Config, out: &mut dyn Write) -> anyhow::Result<()> {
    let searcher = open(config)?;
    let request = QuotesRequest {
        query: (!args.query.is_empty()).then(|| args.query.join(" ")),
        speaker: args.speaker.clone(),
        limit: args.limit,
    };
    let results = searcher.quotes(&request)?;
    if config.json {
        json::write_json(out, &results)?;
    } else {
        terminal::write_quotes(out, &results, config.style)?;
    }
    Ok(())
}

fn period(by: PeriodArg) -> DateBucket {
    match by {
        PeriodArg::Day => DateBucket::Day,
        PeriodArg::Week => DateBucket::Week,
        PeriodArg::Month => DateBucket::Month,
        PeriodArg::Year => DateBucket::Year,
    }
}

/// The words of a QUERY argument as one query; every article when none.
fn query_text(words: &[String]) -> String {
    if words.is_empty() {
        "*".to_string()
    } else {
        words.join(" ")
    }
}
