//! Web pages and web archives, through the real binary: WARC files built
//! here (a small writer below) with pages, other records and damage;
//! the development pages of ../shared/eval/html packed into a WARC.gz; and
//! the web-page scorer as a guard on extraction quality.

use std::io::Write;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn newsdex(index: &Path) -> Command {
    let mut cmd = Command::cargo_bin("newsdex").unwrap();
    cmd.env_remove("NEWSDEX_INDEX")
        .env("NO_COLOR", "1")
        .arg("--index")
        .arg(index);
    cmd
}

/// Runs `index DIR --json`; returns the summary and stderr.
fn index(index_dir: &Path, root: &Path) -> (Value, String) {
    let out = newsdex(index_dir)
        .args(["index", root.to_str().unwrap(), "--json"])
        .output()
        .unwrap();
    let summary = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    (summary, String::from_utf8(out.stderr).unwrap())
}

fn search(index_dir: &Path, query: &str) -> Value {
    let out = newsdex(index_dir)
        .args(["search", query, "--json", "--limit", "1000"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).unwrap()
}

fn shared() -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if path.join("eval/html").is_dir() {
        Some(path)
    } else {
        eprintln!("SKIPPED: ../shared/eval/html is absent, so this test checks nothing");
        None
    }
}

/// Writes WARC records, each its own gzip member (as Common Crawl does).
#[derive(Default)]
struct WarcWriter {
    out: Vec<u8>,
    records: usize,
}

impl WarcWriter {
    fn record(&mut self, kind: &str, uri: &str, content_type: &str, block: &[u8]) {
        self.records += 1;
        let mut record = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\n\
             WARC-Date: 2019-11-21T08:00:00Z\r\nWARC-Record-ID: <urn:uuid:test-{}>\r\n\
             Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
            self.records,
            block.len()
        )
        .into_bytes();
        record.extend_from_slice(block);
        record.extend_from_slice(b"\r\n\r\n");
        self.out.extend(gzip(&record));
    }

    /// A request, the HTML response and a metadata record, as crawlers
    /// write a fetch.
    fn fetch(&mut self, uri: &str, page: &[u8]) {
        self.record(
            "request",
            uri,
            "application/http; msgtype=request",
            b"GET / HTTP/1.1\r\n\r\n",
        );
        let mut block =
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n".to_vec();
        block.extend_from_slice(page);
        self.record(
            "response",
            uri,
            "application/http; msgtype=response",
            &block,
        );
        self.record(
            "metadata",
            uri,
            "application/warc-fields",
            b"fetchTimeMs: 9\r\n",
        );
    }

    /// A response record whose gzip member is damaged mid-stream.
    fn corrupt(&mut self, uri: &str) {
        let mut block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n".to_vec();
        block.extend_from_slice(PAGE.replace("Harbour", "Lost").as_bytes());
        let before = self.out.len();
        self.record("response", uri, "application/http", &block);
        let member = &mut self.out[before..];
        let middle = member.len() / 2;
        for b in &mut member[middle..middle + 12] {
            *b ^= 0x5a;
        }
    }
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

const PAGE: &str = r#"<!DOCTYPE html><html lang="en"><head><title>Harbour reopens | Coast Courier</title>
<meta property="og:site_name" content="Coast Courier"></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article><h1>Harbour reopens</h1><p>By Ann Lee and Bo Chen</p>
<p>The harbour reopened on Tuesday after a week of repairs to the sea wall, the port authority said.</p>
<p>Fishing boats were the first to leave, and ferries will follow on Thursday morning.</p>
<h3>Related stories</h3><ul><li><a href="/x">Bridge closes for a month of repairs</a></li></ul>
</article><footer>Copyright Coast Courier</footer></body></html>"#;

#[test]
fn a_web_archive_gives_its_pages_once_and_reports_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let crawl = dir.path().join("crawl");
    std::fs::create_dir_all(&crawl).unwrap();
    let mut warc = WarcWriter::default();
    warc.record(
        "warcinfo",
        "",
        "application/warc-fields",
        b"software: test\r\n",
    );
    warc.fetch(
        "https://courier.example/2019/11/20/harbour",
        PAGE.as_bytes(),
    );
    warc.record(
        "response",
        "https://courier.example/logo.png",
        "application/http; msgtype=response",
        b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG",
    );
    warc.corrupt("https://courier.example/lost");
    let second = PAGE
        .replace("Harbour reopens", "Lighthouse relit")
        .replace("harbour reopened", "lighthouse was relit");
    warc.fetch("https://courier.example/lighthouse", second.as_bytes());
    let section_front = r#"<html><body><ul><li><a href="/a">One story</a></li><li><a href="/b">Another</a></li></ul></body></html>"#;
    warc.fetch("https://courier.example/", section_front.as_bytes());
    std::fs::write(crawl.join("CC-NEWS-test.warc.gz"), &warc.out).unwrap();

    let index_dir = dir.path().join("index");
    let (summary, stderr) = index(&index_dir, &crawl);
    assert_eq!(summary["documents"], 2, "{summary}");
    assert_eq!(summary["failed_records"], 1, "{summary} {stderr}");
    assert!(
        stderr.contains("record ") && stderr.contains("courier.example/lost"),
        "the corrupt record is reported by its place: {stderr}"
    );
    let reasons = &summary["skipped_reasons"];
    assert_eq!(reasons["request record"], 3, "{summary}");
    assert_eq!(reasons["metadata record"], 3, "{summary}");
    assert_eq!(reasons["warcinfo record"], 1, "{summary}");
    assert_eq!(reasons["image/png response"], 1, "{summary}");
    assert!(
        reasons
            .as_object()
            .unwrap()
            .keys()
            .any(|k| k.starts_with("a page without article text")),
        "{summary}"
    );

    let found = search(&index_dir, "harbour");
    assert_eq!(found["total"], 1, "{found}");
    let hit = &found["hits"][0];
    assert_eq!(hit["title"], "Harbour reopens");
    assert_eq!(hit["source"], "Coast Courier");
    assert_eq!(hit["author"], "Ann Lee, Bo Chen");
    assert_eq!(hit["url"], "https://courier.example/2019/11/20/harbour");
    // The address's date; the other page has none and takes the capture's.
    assert_eq!(hit["date"], "2019-11-20");
    let relit = search(&index_dir, "lighthouse");
    assert_eq!(relit["hits"][0]["date"], "2019-11-21");
    // Page furniture is not text: menus, related stories, footers.
    for furniture in ["Sport", "Bridge", "Copyright"] {
        assert_eq!(search(&index_dir, furniture)["total"], 0, "{furniture}");
    }
    // Two authors are two facet values.
    let out = newsdex(&index_dir)
        .args(["search", "*", "--facet", "author", "--json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let faceted: Value = serde_json::from_slice(&out).unwrap();
    let authors = faceted["facets"]["author"].to_string();
    assert!(
        authors.contains("\"Ann Lee\"") && authors.contains("\"Bo Chen\""),
        "{authors}"
    );

    // A rerun knows the archive: nothing is read again.
    let (again, _) = index(&index_dir, &crawl);
    assert_eq!(
        (&again["added"], &again["updated"], &again["unchanged"]),
        (&Value::from(0), &Value::from(0), &Value::from(1)),
        "{again}"
    );
    assert_eq!(again["documents"], 2);
}

/// The 711 development pages in one WARC.gz, each fetch with its request
/// and metadata records, plus an image and a corrupt record: every page
/// that is an article is found once (as many as `extract` finds reading
/// the pages one by one), the other records are counted, the corrupt one
/// reported, and a rerun reads nothing.
#[test]
fn the_development_pages_read_from_a_warc_as_from_files() {
    let Some(shared) = shared() else { return };
    let pages = shared.join("eval/html/wcxb-dev");
    let dir = tempfile::tempdir().unwrap();
    let files = dir.path().join("pages");
    std::fs::create_dir_all(&files).unwrap();
    let mut warc = WarcWriter::default();
    let mut ids: Vec<String> = std::fs::read_dir(pages.join("ground-truth"))
        .unwrap()
        .map(|e| {
            e.unwrap()
                .file_name()
                .to_string_lossy()
                .replace(".json", "")
        })
        .collect();
    ids.sort();
    for (n, id) in ids.iter().enumerate() {
        let truth: Value = serde_json::from_slice(
            &std::fs::read(pages.join(format!("ground-truth/{id}.json"))).unwrap(),
        )
        .unwrap();
        let url = truth["url"].as_str().unwrap();
        let gz = std::fs::read(pages.join(format!("html/{id}.html.gz"))).unwrap();
        let mut page = Vec::new();
        std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&gz[..]), &mut page).unwrap();
        std::fs::write(files.join(format!("{id}.html")), &page).unwrap();
        warc.fetch(url, &page);
        if n == 100 {
            warc.corrupt("https://example.org/corrupt");
            warc.record(
                "response",
                "https://example.org/a.jpg",
                "application/http; msgtype=response",
                b"HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\n\r\n\xff\xd8",
            );
        }
    }
    let crawl = dir.path().join("crawl");
    std::fs::create_dir_all(&crawl).unwrap();
    std::fs::write(crawl.join("dev.warc.gz"), &warc.out).unwrap();

    // What the pages give read one by one.
    let out = Command::cargo_bin("newsdex")
        .unwrap()
        .arg("extract")
        .arg("--json")
        .args(ids.iter().map(|id| files.join(format!("{id}.html"))))
        .output()
        .unwrap();
    let articles = String::from_utf8(out.stdout).unwrap().lines().count();
    assert!(articles > 700, "{articles} articles in 711 pages");

    let index_dir = dir.path().join("index");
    let (summary, stderr) = index(&index_dir, &crawl);
    assert_eq!(summary["documents"], articles as u64, "{summary}");
    assert_eq!(summary["failed_records"], 1, "{summary} {stderr}");
    let reasons = &summary["skipped_reasons"];
    assert_eq!(reasons["request record"], ids.len() as u64);
    assert_eq!(reasons["metadata record"], ids.len() as u64);
    assert_eq!(reasons["image/jpeg response"], 1);
    let not_articles: u64 = reasons
        .as_object()
        .unwrap()
        .iter()
        .filter(|(k, _)| {
            k.starts_with("a page without article text") || k.starts_with("a collection page")
        })
        .map(|(_, v)| v.as_u64().unwrap())
        .sum();
    assert_eq!(
        not_articles + articles as u64,
        ids.len() as u64,
        "{summary}"
    );
    // Once each: as many distinct articles as documents.
    let all = search(&index_dir, "*");
    assert_eq!(all["total"], articles as u64);

    let (again, _) = index(&index_dir, &crawl);
    assert_eq!(
        (&again["added"], &again["updated"], &again["unchanged"]),
        (&Value::from(0), &Value::from(0), &Value::from(1)),
        "{again}"
    );
    assert_eq!(again["documents"], articles as u64);
}

/// Guards web-page extraction quality: the WCXB development pages must
/// score at least what this reader last reached (body shingle F1 0.942,
/// 12 pages under 0.5, title 0.862, date 0.835, author 0.801 on
/// 2026-12-06), minus a hair for the scorer's rounding.
#[test]
fn web_page_extraction_quality_does_not_fall() {
    let Some(shared) = shared() else { return };
    let out = std::process::Command::new("python3")
        .arg(shared.join("eval/score_html.py"))
        .arg("--pages")
        .arg(shared.join("eval/html/wcxb-dev"))
        .arg("--cmd")
        .arg(format!("{} extract --json", env!("CARGO_BIN_EXE_newsdex")))
        .arg("--json")
        .output()
        .expect("python3 runs the scorer");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let scores: Value = serde_json::from_str(
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .last()
            .unwrap(),
    )
    .unwrap();
    eprintln!("wcxb-dev: {scores}");
    let at_least = |key: &str, floor: f64| {
        let value = scores[key].as_f64().unwrap();
        assert!(value >= floor, "{key} fell to {value:.3} (floor {floor})");
    };
    at_least("body_f1", 0.94);
    at_least("title", 0.86);
    at_least("date", 0.83);
    at_least("author", 0.795);
    assert!(scores["empty"].as_u64().unwrap() <= 1, "{scores}");
    assert!(scores["under_half"].as_u64().unwrap() <= 13, "{scores}");
}
