//! `newsdex serve`: the library behind an HTTP API, for browsers and other
//! programs.
//!
//! Every endpoint answers GET with the JSON the matching command prints
//! with `--json`, so a script can move between the two without change:
//!
//! | endpoint | command |
//! |---|---|
//! | `/api/search?q=&sort=&offset=&limit=&facets=&facet_limit=&snippet=&all_copies=` | `search` |
//! | `/api/article/{id}` | `show` |
//! | `/api/similar/{id}?limit=` | `similar` |
//! | `/api/facets/{field}?q=&drill=&limit=` | `facets` |
//! | `/api/quotes?q=&speaker=&limit=` | `quotes` |
//! | `/api/timeline?q=&by=&split_by=&top=` | `timeline` |
//! | `/api/kwic?phrase=&width=&sort=&limit=` | `kwic` |
//! | `/api/stats` | `stats` |
//!
//! `/api/openapi.json` describes them all (OpenAPI 3).
//!
//! Search, facets, timeline and kwic also take the filters `speaker`,
//! `place`, `source`, `from` and `to`. Errors are `{"error": "…"}` with the
//! status that says whose fault it is: 400 for a query that does not parse
//! (the parser's message), 404 for an unknown id or path, 405 for anything
//! but GET, 413/414/431 for a request too large, 408 for one too slow, 503
//! when the server holds too many connections, 500 for the rest (a damaged
//! index: the message names the files and how to rebuild them).
//!
//! Safe by default: the API is read-only, never takes a file path from a
//! request, caps the sizes it accepts (see the constants), and the command
//! binds to the loopback interface unless told otherwise.
//!
//! HTTP is the module `http`'s: a small synchronous server whose every
//! resource a client can hold is bounded (head size, time, connections;
//! see there). Searches are synchronous library calls, so a thread per
//! connection, with at most `threads` requests answered at once, serves
//! them concurrently without an async runtime (which would be most of the
//! crate's build time). A request that panics (tantivy on a damaged index,
//! or a bug) is answered 500 with what happened, and its thread serves on.

mod http;
mod params;

use std::net::{Ipv4Addr, Ipv6Addr, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::error::Error;
use crate::index::{check, stats};
use crate::render::graph;
use crate::render::map::map_svg;
use crate::search::facets::{DateBucket, FacetSpec};
use crate::search::filters::Filters;
use crate::search::kwic::{KwicRequest, KwicSort};
use crate::search::map::MapRequest;
use crate::search::network::{NetworkRequest, NodeKind};
use crate::search::profile::{PROFILE_SAMPLE, ProfileKind, ProfileRequest};
use crate::search::quotes::QuotesRequest;
use crate::search::terms::{Background, DEFAULT_SAMPLE, TermsField, TermsRequest};
use crate::search::timeline::TimelineRequest;
use crate::search::{FacetsRequest, NewsSearcher, SearchRequest, SortOrder};
pub use params::Params;

/// Longest request target (path and query string) accepted, in bytes.
pub const MAX_URL_BYTES: usize = 8 * 1024;
/// Longest query accepted, in characters.
pub const MAX_QUERY_CHARS: usize = 2_000;
/// Most hits, values or lines one request may ask for, and the deepest
/// offset: the library's bounds, the command line's too.
pub use crate::search::limits::{MAX_KWIC_WIDTH, MAX_LIMIT, MAX_OFFSET, MAX_SNIPPET_CHARS};

/// The endpoints, as path templates; `/api/openapi.json` describes each
/// (a test holds the two lists equal).
pub const ENDPOINTS: [&str; 13] = [
    "/api/search",
    "/api/article/{id}",
    "/api/similar/{id}",
    "/api/facets/{field}",
    "/api/quotes",
    "/api/timeline",
    "/api/kwic",
    "/api/terms",
    "/api/profile/{kind}",
    "/api/network",
    "/api/map",
    "/api/stats",
    "/api/openapi.json",
];

/// The OpenAPI 3 description of the API, served at `/api/openapi.json`.
pub const OPENAPI: &str = include_str!("openapi.json");

/// The browser page, served at `/`: plain HTML, CSS and JavaScript built
/// into the binary (no CDN, works offline), a client of the API above.
const PAGE_HTML: &str = include_str!("ui/index.html");
const PAGE_JS: &str = include_str!("ui/app.js");

const JSON: &str = "application/json; charset=utf-8";
const XML: &str = "application/xml; charset=utf-8";
const CSV: &str = "text/csv; charset=utf-8";
const SVG: &str = "image/svg+xml";

/// An answer: HTTP status, body and its media type.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub body: Vec<u8>,
    pub content_type: &'static str,
}

impl Answer {
    fn json<T: Serialize>(value: &T) -> Answer {
        match serde_json::to_vec(value) {
            Ok(body) => Answer {
                status: 200,
                body,
                content_type: JSON,
            },
            Err(err) => Answer::error(500, &err.to_string()),
        }
    }

    pub fn error(status: u16, message: &str) -> Answer {
        let body = serde_json::to_vec(&serde_json::json!({ "error": message }))
            .unwrap_or_else(|_| b"{\"error\":\"\"}".to_vec());
        Answer {
            status,
            body,
            content_type: JSON,
        }
    }

    fn page(body: &str, content_type: &'static str) -> Answer {
        Answer {
            status: 200,
            body: body.as_bytes().to_vec(),
            content_type,
        }
    }
}

/// The status an error of the library answers with.
fn status_of(err: &Error) -> u16 {
    match err {
        Error::Query(_)
        | Error::Unanswerable(_)
        | Error::UnknownFacet { .. }
        | Error::NoHierarchy { .. }
        | Error::UnknownField { .. }
        | Error::OverLimit { .. } => 400,
        Error::NoSuchArticle(_) | Error::UnknownPath { .. } => 404,
        _ => 500,
    }
}

fn answer<T: Serialize>(searcher: &NewsSearcher, result: Result<T, Error>) -> Answer {
    match result {
        Ok(value) => Answer::json(&value),
        Err(err) => failure(searcher, err),
    }
}

/// Answers one GET request for `target` (path and query string).
pub fn respond(searcher: &NewsSearcher, target: &str) -> Answer {
    if target.len() > MAX_URL_BYTES {
        return Answer::error(414, &format!("request target over {MAX_URL_BYTES} bytes"));
    }
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let params = match Params::parse(query) {
        Ok(params) => params,
        Err(message) => return Answer::error(400, &message),
    };
    match route(searcher, path, &params) {
        Ok(answer) => answer,
        Err(message) => Answer::error(400, &message),
    }
}

/// The endpoint of `path`; `Err` is a bad parameter (400).
fn route(searcher: &NewsSearcher, path: &str, params: &Params) -> Result<Answer, String> {
    let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
    let schema = &searcher.index.schema;
    Ok(match segments.as_slice() {
        ["api", "search"] => {
            let facet_limit = params.number("facet_limit", 10, MAX_LIMIT)?;
            let facets = params
                .list("facets")
                .iter()
                .map(|f| FacetSpec::parse(schema, f, facet_limit))
                .collect::<Result<Vec<_>, _>>();
            let facets = match facets {
                Ok(facets) => facets,
                Err(err) => return Ok(failure(searcher, err)),
            };
            let request = SearchRequest {
                query: filters(params).apply(schema, &params.query("q")?),
                limit: params.number("limit", 10, MAX_LIMIT)?,
                offset: params.number("offset", 0, MAX_OFFSET)?,
                sort: match params.get("sort").unwrap_or("relevance") {
                    "relevance" => SortOrder::Relevance,
                    "date" | "newest" => SortOrder::Newest,
                    "oldest" => SortOrder::Oldest,
                    other => {
                        return Err(format!(
                            "sort `{other}`: use relevance, date (newest first) or oldest"
                        ));
                    }
                },
                facets,
                snippet_chars: params.number("snippet", 220, MAX_SNIPPET_CHARS)?,
                all_copies: params.flag("all_copies")?,
            };
            answer(searcher, searcher.search(&request))
        }
        ["api", "article", id] => answer(searcher, searcher.article(id)),
        ["api", "similar", id] => answer(
            searcher,
            searcher.similar(
                id,
                params.number("limit", 10, MAX_LIMIT)?,
                params.number("snippet", 220, MAX_SNIPPET_CHARS)?,
            ),
        ),
        ["api", "facets", field] => {
            let request = FacetsRequest {
                query: filters(params).apply(schema, &params.query("q")?),
                field: (*field).to_string(),
                drill: params.get("drill").map(str::to_string),
                limit: params.number("limit", 20, MAX_LIMIT)?,
            };
            answer(searcher, searcher.facet_values(&request))
        }
        ["api", "quotes"] => {
            let query = params.query("q")?;
            let request = QuotesRequest {
                query: (query != "*").then_some(query),
                speaker: params.get("speaker").map(str::to_string),
                limit: params.number("limit", 20, MAX_LIMIT)?,
            };
            answer(searcher, searcher.quotes(&request))
        }
        ["api", "timeline"] => {
            let request = TimelineRequest {
                query: filters(params).apply(schema, &params.query("q")?),
                by: period(params)?,
                split_by: params.get("split_by").map(str::to_string),
                top: params.number("top", 5, 50)?,
                // One query to compare with (the command line takes several).
                compare: params
                    .get("compare")
                    .map(|q| filters(params).apply(schema, q))
                    .into_iter()
                    .collect(),
            };
            answer(searcher, searcher.timeline(&request))
        }
        ["api", "kwic"] => {
            let phrase = params.get("phrase").unwrap_or_default().to_string();
            if phrase.trim().is_empty() {
                return Err("kwic needs a phrase: /api/kwic?phrase=oil+prices".to_string());
            }
            if phrase.chars().count() > MAX_QUERY_CHARS {
                return Err(format!("phrase over {MAX_QUERY_CHARS} characters"));
            }
            let request = KwicRequest {
                phrase,
                filter_query: filters(params).apply(schema, "*"),
                width: params.number("width", 40, MAX_KWIC_WIDTH)?,
                sort: match params.get("sort").unwrap_or("appearance") {
                    "appearance" => KwicSort::Appearance,
                    "left" => KwicSort::Left,
                    "right" => KwicSort::Right,
                    other => {
                        return Err(format!("sort `{other}`: use appearance, left or right"));
                    }
                },
                limit: params.number("limit", 50, MAX_LIMIT)?,
            };
            answer(searcher, searcher.kwic(&request))
        }
        ["api", "terms"] => {
            let request = TermsRequest {
                query: filters(params).apply(schema, &params.query("q")?),
                background: params
                    .get("against")
                    .map_or(Background::Index, |q| Background::Query(q.to_string())),
                field: match params.get("field").unwrap_or("body") {
                    "body" => TermsField::Body,
                    "title" => TermsField::Title,
                    "quote" => TermsField::Quote,
                    other => return Err(format!("field `{other}`: use body, title or quote")),
                },
                speaker: params.get("speaker").map(str::to_string),
                limit: params.number("limit", 30, MAX_LIMIT)?,
                sample: params.number("sample", DEFAULT_SAMPLE, 50_000)?,
            };
            answer(searcher, searcher.significant_terms(&request))
        }
        ["api", "profile", kind] => {
            let kind = match *kind {
                "speaker" => ProfileKind::Speaker,
                "place" => ProfileKind::Place,
                other => return Err(format!("profile `{other}`: use speaker or place")),
            };
            let request = ProfileRequest {
                kind,
                name: params.get("name").unwrap_or_default().to_string(),
                query: params.query("q")?,
                filters: filters(params),
                by: period(params)?,
                limit: params.number("limit", 10, MAX_LIMIT)?,
                sample: params.number("sample", PROFILE_SAMPLE, 50_000)?,
            };
            answer(searcher, searcher.profile(&request))
        }
        ["api", "network"] => {
            let request = NetworkRequest {
                query: filters(params).apply(schema, &params.query("q")?),
                kinds: match params.get("nodes").unwrap_or("speaker") {
                    "speaker" => vec![NodeKind::Speaker],
                    "place" => vec![NodeKind::Place],
                    "speaker+place" | "speaker place" => {
                        vec![NodeKind::Speaker, NodeKind::Place]
                    }
                    other => {
                        return Err(format!(
                            "nodes `{other}`: use speaker, place or speaker+place"
                        ));
                    }
                },
                top: params.number("top", 100, 1_000)?,
                min_weight: params.number("min_weight", 1, 1_000_000)? as u64,
            };
            let network = match searcher.network(&request) {
                Ok(network) => network,
                Err(err) => return Ok(failure(searcher, err)),
            };
            let mut file = Vec::new();
            let written = match params.get("format").unwrap_or("json") {
                "json" => return Ok(Answer::json(&network)),
                "gexf" => graph::write_gexf(&mut file, &network).map(|()| XML),
                "graphml" => graph::write_graphml(&mut file, &network).map(|()| XML),
                "csv" => graph::write_edges_csv(&mut file, &network).map(|()| CSV),
                other => {
                    return Err(format!("format `{other}`: use json, gexf, graphml or csv"));
                }
            };
            match written {
                Ok(content_type) => Answer {
                    status: 200,
                    body: file,
                    content_type,
                },
                Err(err) => Answer::error(500, &err.to_string()),
            }
        }
        ["api", "map"] => {
            let request = MapRequest {
                query: filters(params).apply(schema, &params.query("q")?),
                cities: params.number("cities", 10, 100)?,
            };
            match params.get("format").unwrap_or("json") {
                "json" => answer(searcher, searcher.coverage_map(&request)),
                "svg" => match searcher.coverage_map(&request) {
                    Ok(map) => Answer::page(&map_svg(&map), SVG),
                    Err(err) => failure(searcher, err),
                },
                other => return Err(format!("format `{other}`: use json or svg")),
            }
        }
        ["api", "stats"] => answer(searcher, stats::stats(searcher, 10)),
        ["api", "openapi.json"] => Answer::page(OPENAPI, JSON),
        [""] | ["index.html"] => Answer::page(PAGE_HTML, "text/html; charset=utf-8"),
        ["app.js"] => Answer::page(PAGE_JS, "text/javascript; charset=utf-8"),
        _ => Answer::error(
            404,
            &format!("no endpoint {path}; endpoints: {}", ENDPOINTS.join(", ")),
        ),
    })
}

/// `by=day|week|month|year` (month).
fn period(params: &Params) -> Result<DateBucket, String> {
    Ok(match params.get("by").unwrap_or("month") {
        "day" => DateBucket::Day,
        "week" => DateBucket::Week,
        "month" => DateBucket::Month,
        "year" => DateBucket::Year,
        other => return Err(format!("by `{other}`: use day, week, month or year")),
    })
}

fn filters(params: &Params) -> Filters {
    let get = |name| params.get(name).map(str::to_string);
    Filters {
        speaker: get("speaker"),
        place: get("place"),
        source: get("source"),
        from: get("from"),
        to: get("to"),
    }
}

/// A running server: its address, and a handle to stop it.
pub struct Server {
    listener: TcpListener,
    addr: SocketAddr,
    searcher: Arc<NewsSearcher>,
    stopping: Arc<AtomicBool>,
}

/// Stops a running server: requests being answered finish, no new one is
/// taken.
#[derive(Clone)]
pub struct Stopper {
    addr: SocketAddr,
    stopping: Arc<AtomicBool>,
}

impl Stopper {
    pub fn stop(&self) {
        self.stopping.store(true, Ordering::SeqCst);
        // The accept loop waits for a connection: give it one to see the flag.
        let mut addr = self.addr;
        if addr.ip().is_unspecified() {
            addr.set_ip(match addr {
                SocketAddr::V4(_) => Ipv4Addr::LOCALHOST.into(),
                SocketAddr::V6(_) => Ipv6Addr::LOCALHOST.into(),
            });
        }
        let _ = TcpStream::connect_timeout(&addr, Duration::from_secs(1));
    }
}

impl Server {
    /// Binds `addr` (e.g. `127.0.0.1:7700`; port 0 picks a free one).
    pub fn bind(addr: &str, searcher: NewsSearcher) -> std::io::Result<Server> {
        let listener = TcpListener::bind(addr)?;
        Ok(Server {
            addr: listener.local_addr()?,
            listener,
            searcher: Arc::new(searcher),
            stopping: Arc::new(AtomicBool::new(false)),
        })
    }

    /// The address bound (with the port chosen when 0 was asked).
    pub fn addr(&self) -> String {
        self.addr.to_string()
    }

    /// A handle to stop the server (`_threads`: kept for callers of the
    /// tiny_http version, which woke each thread).
    pub fn stopper(&self, _threads: usize) -> Stopper {
        Stopper {
            addr: self.addr,
            stopping: Arc::clone(&self.stopping),
        }
    }

    /// Serves until stopped, answering at most `threads` requests at a
    /// time; the searcher picks up new commits (a re-index while serving)
    /// within a second.
    pub fn run(&self, threads: usize) {
        let turns = Turns::new(threads.max(1));
        let open = Arc::new(AtomicUsize::new(0));
        let busy = Arc::new(AtomicUsize::new(0));
        // Threads waiting for a connection, and the connections handed to
        // them. Each open connection has its own thread (a slow client
        // holds only its own); a thread is kept for the next connection.
        let idle = Arc::new(AtomicUsize::new(0));
        let (hand, take) = crossbeam_channel::unbounded::<(TcpStream, Counted)>();
        std::thread::scope(|scope| {
            scope.spawn(|| {
                while !self.stopping.load(Ordering::SeqCst) {
                    std::thread::sleep(Duration::from_millis(500));
                    let _ = self.searcher.reload();
                }
            });
            for stream in self.listener.incoming() {
                if self.stopping.load(Ordering::SeqCst) {
                    break;
                }
                let stream = match stream {
                    Ok(stream) => stream,
                    // Out of file descriptors, or a connection reset before
                    // it was taken: the next accept may succeed.
                    Err(_) => {
                        std::thread::sleep(Duration::from_millis(20));
                        continue;
                    }
                };
                if open.load(Ordering::SeqCst) >= http::MAX_CONNECTIONS {
                    http::refuse(stream);
                    continue;
                }
                let connection = (stream, Counted::new(&open));
                // A thread that has served its connection takes the next
                // one: spawning a thread for each costs a tenth of the
                // throughput when every request comes on a new connection.
                if idle.load(Ordering::SeqCst) > 0 {
                    idle.fetch_sub(1, Ordering::SeqCst);
                    let _ = hand.send(connection);
                    continue;
                }
                let (searcher, turns, busy, stopping, idle, take) = (
                    Arc::clone(&self.searcher),
                    turns.clone(),
                    Arc::clone(&busy),
                    Arc::clone(&self.stopping),
                    Arc::clone(&idle),
                    take.clone(),
                );
                // Not scoped: an idle connection must not hold up a stop.
                let spawned = std::thread::Builder::new()
                    .name("newsdex-http".into())
                    .spawn(move || {
                        let mut next = Some(connection);
                        while let Some((stream, counted)) = next.take() {
                            serve_connection(stream, &searcher, &turns, &busy, &stopping);
                            drop(counted);
                            idle.fetch_add(1, Ordering::SeqCst);
                            // Ends when the server stops (the sender goes).
                            next = take.recv().ok();
                        }
                    });
                if spawned.is_err() {
                    std::thread::sleep(Duration::from_millis(20));
                }
            }
            // Requests being answered finish.
            let until = std::time::Instant::now() + http::WRITE_TIMEOUT;
            while busy.load(Ordering::SeqCst) > 0 && std::time::Instant::now() < until {
                std::thread::sleep(Duration::from_millis(10));
            }
        });
    }
}

/// Counts a thing while it lives (an open connection, a request being
/// answered).
struct Counted(Arc<AtomicUsize>);

impl Counted {
    fn new(count: &Arc<AtomicUsize>) -> Counted {
        count.fetch_add(1, Ordering::SeqCst);
        Counted(Arc::clone(count))
    }
}

impl Drop for Counted {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Turns to answer a request: at most as many at once as there are turns.
#[derive(Clone)]
struct Turns {
    give: crossbeam_channel::Sender<()>,
    take: crossbeam_channel::Receiver<()>,
}

impl Turns {
    fn new(n: usize) -> Turns {
        let (give, take) = crossbeam_channel::bounded(n);
        for _ in 0..n {
            let _ = give.send(());
        }
        Turns { give, take }
    }

    /// Waits for a turn, given back when the returned value is dropped.
    fn wait(&self) -> Turn<'_> {
        let _ = self.take.recv();
        Turn(&self.give)
    }
}

struct Turn<'a>(&'a crossbeam_channel::Sender<()>);

impl Drop for Turn<'_> {
    fn drop(&mut self) {
        let _ = self.0.send(());
    }
}

/// Reads and answers the requests of one connection until it closes.
fn serve_connection(
    stream: TcpStream,
    searcher: &NewsSearcher,
    turns: &Turns,
    busy: &Arc<AtomicUsize>,
    stopping: &AtomicBool,
) {
    let Ok(mut connection) = http::Connection::new(stream) else {
        return;
    };
    while let Some(next) = connection.next_request() {
        let request = match next {
            Ok(request) => request,
            Err(answer) => {
                let _ = connection.send(&answer, false, false);
                return;
            }
        };
        let _busy = Counted::new(busy);
        let head_only = request.method == "HEAD";
        let answer = match request.method.as_str() {
            // The body was not read: the connection cannot go on.
            "GET" | "HEAD" if request.has_body => Answer::error(413, "GET requests take no body"),
            "GET" | "HEAD" => {
                let _turn = turns.wait();
                respond_safely(searcher, &request.target)
            }
            _ => Answer::error(405, "the API is read-only: use GET"),
        };
        let keep_alive =
            request.keep_alive && !request.has_body && !stopping.load(Ordering::SeqCst);
        if connection.send(&answer, head_only, keep_alive).is_err() || !keep_alive {
            return;
        }
    }
}

/// [`respond`], with a panic answered 500 and the thread kept serving: the
/// message says whether the index is damaged (and which files) or newsdex
/// has a bug.
pub fn respond_safely(searcher: &NewsSearcher, target: &str) -> Answer {
    crate::panics::catch(|| respond(searcher, target)).unwrap_or_else(|message| {
        let err = match damage_of(&searcher.index.path) {
            Some(files) => Error::Damaged {
                path: searcher.index.path.clone(),
                files,
            },
            None => Error::Internal(message),
        };
        log(&err);
        Answer::error(500, &err.to_string())
    })
}

/// The answer to a failed request. An error that can come of a damaged
/// index says so when the index is damaged.
fn failure(searcher: &NewsSearcher, err: Error) -> Answer {
    let err = if check::may_come_of_damage(&err) {
        match damage_of(&searcher.index.path) {
            Some(files) => {
                let err = Error::Damaged {
                    path: searcher.index.path.clone(),
                    files,
                };
                log(&err);
                err
            }
            None => err,
        }
    } else {
        err
    };
    Answer::error(status_of(&err), &err.to_string())
}

/// The damaged files of the index at `path` (see `index::check`), as found
/// within the last minute: reading the whole index for every failing
/// request would let clients keep the server reading it.
fn damage_of(path: &Path) -> Option<Vec<PathBuf>> {
    type Diagnosis = Option<(Instant, PathBuf, Option<Vec<PathBuf>>)>;
    static LAST: Mutex<Diagnosis> = Mutex::new(None);
    const KEPT: Duration = Duration::from_secs(60);
    let mut last = LAST.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some((at, of, files)) = last.as_ref()
        && of == path
        && at.elapsed() < KEPT
    {
        return files.clone();
    }
    let files = check::diagnose(path);
    *last = Some((Instant::now(), path.to_path_buf(), files.clone()));
    files
}

/// Tells whoever runs the server (its standard error) of a damaged index or
/// a bug; a closed stream is no reason to stop serving.
fn log(err: &Error) {
    use std::io::Write as _;
    let _ = writeln!(std::io::stderr().lock(), "newsdex: {err}");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_openapi_description_lists_every_endpoint_and_no_other() {
        let spec: serde_json::Value = serde_json::from_str(OPENAPI).unwrap();
        let mut documented: Vec<&str> = spec["paths"]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        documented.sort_unstable();
        let mut routed = ENDPOINTS.to_vec();
        routed.sort_unstable();
        assert_eq!(documented, routed);
    }
}
