//! Damaged indexes and hostile requests: each ends in a clear error with an
//! exit status under 128 (never 101, a panic, or 134, an abort), and a
//! damaged index is named file by file with the way to repair it
//! (docs/RELIABILITY.md, "Damaged indexes and hostile queries").
//!
//! The damage is deterministic: fixed bytes written into the middle of a
//! file of an index of the bundled corpus, as a failing disk or a stray
//! write would leave it.

mod common;

use std::fs;
use std::io::{BufReader, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use tempfile::TempDir;

/// An index of corpus/ in a temporary folder, built by one writer thread
/// so that its segments are the same at every run.
struct Indexed {
    dir: TempDir,
}

impl Indexed {
    fn new() -> Indexed {
        let indexed = Indexed {
            dir: TempDir::new().unwrap(),
        };
        let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let out = indexed.run(&["index", "--threads", "1", corpus.to_str().unwrap()]);
        assert!(out.status.success(), "{}", stderr(&out));
        indexed
    }

    fn index(&self) -> PathBuf {
        self.dir.path().join("index")
    }

    fn command(&self) -> Command {
        let mut command = common::newsdex();
        // A panic must not reach the terminal, whatever the environment.
        command
            .env_remove("RUST_BACKTRACE")
            .env_remove("NEWSDEX_INDEX")
            .env("NO_COLOR", "1")
            .arg("--index")
            .arg(self.index());
        command
    }

    fn run(&self, args: &[&str]) -> Output {
        self.command().args(args).output().unwrap()
    }

    /// The largest file of the index with this extension.
    fn largest(&self, extension: &str) -> PathBuf {
        fs::read_dir(self.index())
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|e| e == extension))
            .max_by_key(|path| fs::metadata(path).unwrap().len())
            .unwrap_or_else(|| panic!("no .{extension} file"))
    }
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Writes 64 fixed bytes over the middle of `path`.
fn damage_middle(path: &Path) {
    let mut bytes = fs::read(path).unwrap();
    let middle = bytes.len() / 2;
    let end = (middle + 64).min(bytes.len());
    for (i, byte) in bytes[middle..end].iter_mut().enumerate() {
        *byte = (i as u8).wrapping_mul(37).wrapping_add(11);
    }
    fs::write(path, bytes).unwrap();
}

/// An error, not a crash: exit status 1, no word of a panic.
fn assert_clean_failure(out: &Output, what: &str) -> String {
    let err = stderr(out);
    let code = out.status.code();
    assert_eq!(code, Some(1), "{what}: exit {:?}\n{err}", out.status);
    assert!(!err.contains("panicked"), "{what}: {err}");
    assert!(!err.contains("RUST_BACKTRACE"), "{what}: {err}");
    err
}

/// The message of a damaged index: the file, and the command that repairs it.
fn assert_names_damage(err: &str, file: &Path, what: &str) {
    let name = file.file_name().unwrap().to_str().unwrap();
    assert!(err.contains("is damaged"), "{what}: {err}");
    assert!(err.contains(name), "{what}: {name} not named in {err}");
    assert!(err.contains("index --rebuild"), "{what}: {err}");
}

#[test]
fn a_damaged_store_index_or_fast_file_is_an_error_naming_it_and_the_rebuild() {
    for extension in ["store", "idx", "fast"] {
        let indexed = Indexed::new();
        // A search before the damage: the files are then known whole, and
        // the damage must still be seen (the write changed the file).
        assert!(indexed.run(&["search", "minister"]).status.success());
        let file = indexed.largest(extension);
        damage_middle(&file);
        for args in [
            &["search", "minister"][..],
            &["search", "*", "--facet", "source,speaker", "-n", "18"],
            &["stats"],
            &["facets", "place"],
        ] {
            let what = format!(".{extension}, {args:?}");
            let err = assert_clean_failure(&indexed.run(args), &what);
            assert_names_damage(&err, &file, &what);
        }
        let checked = indexed.run(&["check"]);
        let err = assert_clean_failure(&checked, &format!(".{extension}, check"));
        assert_names_damage(&err, &file, "check");
        let report = String::from_utf8_lossy(&checked.stdout);
        assert!(report.contains("1 damaged"), "{report}");
    }
}

#[test]
fn check_says_a_whole_index_is_whole() {
    let indexed = Indexed::new();
    let out = indexed.run(&["check"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        report.contains("every file matches its checksum"),
        "{report}"
    );
    let json: serde_json::Value =
        serde_json::from_slice(&indexed.run(&["check", "--json"]).stdout).unwrap();
    assert!(json["files"].as_u64().unwrap() > 5, "{json}");
    assert_eq!(json["damaged"], serde_json::json!([]));
}

#[test]
fn a_damaged_meta_json_is_named() {
    let indexed = Indexed::new();
    let meta = indexed.index().join("meta.json");
    let text = fs::read_to_string(&meta).unwrap();
    fs::write(&meta, &text[..text.len() / 2]).unwrap();
    for args in [&["search", "minister"][..], &["check"]] {
        let err = assert_clean_failure(&indexed.run(args), &format!("{args:?}"));
        assert_names_damage(&err, &meta, &format!("{args:?}"));
    }
}

#[test]
fn a_query_nested_ten_thousand_deep_is_a_usage_error() {
    let indexed = Indexed::new();
    let nested = "(".repeat(10_000);
    for query in [nested.clone(), format!("{nested}x{}", ")".repeat(10_000))] {
        let out = indexed.run(&["search", &query]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(err.contains("nests deeper than 32 levels"), "{err}");
        assert!(
            !err.contains("overflow") && !err.contains("panicked"),
            "{err}"
        );
        // The query is shown around the problem, not whole.
        assert!(err.len() < 400, "{err}");
    }
    let words: Vec<String> = (0..5_000).map(|i| format!("w{i}*")).collect();
    let out = indexed.run(&["search", &words.join(" ")]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("5000 words"), "{}", stderr(&out));
}

#[test]
fn numbers_beyond_the_bounds_are_usage_errors() {
    let indexed = Indexed::new();
    let max = u64::MAX.to_string();
    let id = {
        let out = indexed.run(&["search", "*", "-n", "1", "--json"]);
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        json["hits"][0]["id"].as_str().unwrap().to_string()
    };
    for args in [
        vec!["search", "x", "--offset", &max, "--limit", &max],
        vec!["search", "x", "--offset", &max],
        vec!["search", "x", "--limit", &max],
        vec!["search", "x", "--facet", "source", "--facet-limit", &max],
        vec!["similar", &id, "--limit", &max],
        vec!["kwic", "minister", "--width", &max],
        vec!["kwic", "minister", "--limit", &max],
        vec!["quotes", "--limit", &max],
        vec!["facets", "speaker", "--limit", &max],
        vec!["terms", "minister", "--limit", &max],
        vec!["profile", "speaker", "Ayrault", "--limit", &max],
        vec!["timeline", "--split-by", "speaker", "--top", &max],
    ] {
        let out = indexed.run(&args);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            err.contains(&max) && err.contains("at most"),
            "{args:?}: {err}"
        );
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
    // The bounds themselves are answered.
    let out = indexed.run(&["search", "*", "--offset", "100000", "--limit", "1000"]);
    assert!(out.status.success(), "{}", stderr(&out));
}

/// A server over `indexed`, without `RUST_BACKTRACE`; its address.
fn serve(
    indexed: &Indexed,
) -> (
    std::process::Child,
    String,
    BufReader<std::process::ChildStderr>,
) {
    common::spawn_server(&mut indexed.command())
}

/// Bytes over the skip index of a `.store` file, whose entries tantivy
/// decodes with `unwrap`s and asserts: reading a document then panics
/// ("Corrupted data. Invalid VInt"). The layout is tantivy 0.27's: the file
/// ends with its footer (JSON, then its length and a magic number, four
/// bytes each), before which the store's own footer of 28 bytes holds a
/// version (4 bytes) and the offset of the skip index (8 bytes); the skip
/// index runs from there to the store's footer.
fn damage_skip_index(path: &Path) {
    let mut bytes = fs::read(path).unwrap();
    let u32_at = |at: usize| u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap());
    let footer_len = u32_at(bytes.len() - 8) as usize;
    assert_eq!(u32_at(bytes.len() - 4), 1337, "tantivy's footer magic");
    let store_footer = bytes.len() - 8 - footer_len - 28;
    let skip_index = u64::from_le_bytes(
        bytes[store_footer + 4..store_footer + 12]
            .try_into()
            .unwrap(),
    ) as usize;
    assert!(skip_index + 6 < store_footer, "skip index too short");
    // Not its first bytes: a length there makes tantivy ask for an
    // impossible allocation, which aborts (see docs/RELIABILITY.md).
    bytes[skip_index + 2..skip_index + 6].fill(0xff);
    fs::write(path, bytes).unwrap();
}

#[test]
fn a_panic_while_serving_a_damaged_index_is_a_500_naming_the_file() {
    let indexed = Indexed::new();
    let (mut child, addr, mut log) = serve(&indexed);
    // Damaged after the server checked the index on opening: only reading
    // the documents finds it, and tantivy panics there.
    let store = indexed.largest("store");
    damage_skip_index(&store);
    let (status, body) = common::request(&addr, "GET", "/api/search?q=*&limit=18");
    assert_eq!(status, 500, "{body}");
    assert_names_damage(&body, &store, "/api/search");
    // The thread that panicked serves on, and so does the server.
    for _ in 0..8 {
        let (status, body) = common::request(&addr, "GET", "/api/stats");
        assert_eq!(status, 200, "{body}");
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut log, &mut rest).unwrap();
    assert!(!rest.contains("panicked"), "{rest}");
    assert!(
        rest.contains("is damaged"),
        "the server's log says nothing: {rest}"
    );
}

#[test]
fn the_server_bounds_queries_and_request_heads() {
    let indexed = Indexed::new();
    let (mut child, addr, _log) = serve(&indexed);
    let nested = "%28".repeat(1_000);
    let (status, body) = common::request(&addr, "GET", &format!("/api/search?q={nested}x"));
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("nests deeper"), "{body}");
    let max = u64::MAX;
    let (status, body) = common::request(&addr, "GET", &format!("/api/search?q=x&offset={max}"));
    assert_eq!(status, 400, "{body}");
    // A head over 16 KB, and one that never ends: answered at once, closed.
    for ending in ["\r\n\r\n", ""] {
        let mut stream = TcpStream::connect(&addr).unwrap();
        let head = format!(
            "GET /api/stats HTTP/1.1\r\nHost: x\r\nX-Padding: {}{ending}",
            "a".repeat(20_000)
        );
        // The server may close before taking it all.
        let _ = stream.write_all(head.as_bytes());
        let mut answer = String::new();
        let _ = std::io::Read::read_to_string(&mut stream, &mut answer);
        assert!(answer.starts_with("HTTP/1.1 431"), "{answer}");
    }
    let (status, _) = common::request(&addr, "GET", "/api/stats");
    assert_eq!(status, 200);
    child.kill().unwrap();
    child.wait().unwrap();
}
