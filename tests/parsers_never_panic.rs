//! Property tests: every reader, and the extractors after it, take any
//! bytes without panicking — random bytes, and valid documents of each
//! format cut, spliced and sprinkled with markup characters.
//!
//! A short run is part of `cargo test`; a long one:
//! `NEWSDEX_FUZZ_ITERATIONS=100000 cargo test --release --test parsers_never_panic`.
//! A failure prints the seed and the file name, so it can be replayed.

use std::path::Path;

use newsdex::extract;
use newsdex::read;

/// xorshift64*: small, deterministic, good enough to shake parsers.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const SEEDS: &[(&str, &str)] = &[
    (
        "a.txt",
        "Title: Floods\nDate: 2021-03-04\n\nPARIS (Reuters) - \"We must act,\" Mr. Dupont said in Aleppo, Syria's north.\n",
    ),
    (
        "a.md",
        "---\ntitle: x\n---\nBody text with a quote: \u{201c}yes\u{201d}, she said.\n",
    ),
    (
        "a.json",
        r#"{"title": "T", "maintext": "Body in Paris.", "authors": ["A", "B"], "date_publish": "2020-01-02T03:04:05Z", "source": {"name": "S"}}"#,
    ),
    (
        "a.jsonl",
        "{\"title\": \"A\", \"text\": \"a\"}\n{\"title\": \"B\", \"body\": \"b\", \"id\": 7}\n",
    ),
    (
        "a.csv",
        "title,text,date\n\"A, b\",\"line\none\",\"December 31, 2017\"\nB,b,\n",
    ),
    ("a.tsv", "label\ttitle\tdescription\n1\tT\tD\n"),
    (
        "a.sgm",
        "<REUTERS NEWID=\"1\"><DATE>26-FEB-1987 15:01:01.79</DATE><TEXT><TITLE>T</TITLE><DATELINE> X, Feb 26 - </DATELINE><BODY>B &lt;x&gt; &#3;</BODY></TEXT></REUTERS>",
    ),
    (
        "a.xml",
        "<rss><channel><title>C</title><item><title>T</title><description>&lt;p&gt;D&lt;/p&gt;</description><guid>g</guid></item></channel></rss>",
    ),
    (
        "b.xml",
        "<nitf><head><docdata><date.issue norm=\"20170405T120000Z\"/></docdata></head><body><body.content><p>P</p></body.content></body></nitf>",
    ),
    (
        "a.html",
        "<!DOCTYPE html><html lang=\"en\"><head><meta property=\"og:title\" content=\"T\"><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"datePublished\": \"2020-01-02\"}</script></head><body><nav><ul><li>Home</ul></nav><article><p>First paragraph of the story here.</p><p>Second one, \u{201c}quoted\u{201d}, he said.</p></article><footer>x</footer></body></html>",
    ),
    (
        "b.html",
        "<html><head><meta charset=\"iso-8859-1\"><meta name=\"twitter:label1\" content=\"Written by\"><meta name=\"twitter:data1\" content=\"Ann Lee\"></head><body><div hidden><header><h1>Storm hits coast</h1><p>By ANN LEE and BO CHEN | Updated Nov 20, 2019</p><time datetime=\"2019-11-20T02:16:00-05:00\">Nov 20</time></header><div class=\"post-body has-sidebar\"><p>The storm hit the coast on Tuesday night, officials said.<br><br>Second part</p><table><tr><td>a</td><td>1</td></tr></table><h3>Related stories</h3><ul><li><a href=/x>Other</a></li></ul></div></div></body></html>",
    ),
    (
        "a.warc",
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://x.example/2019/11/20/a\r\nWARC-Record-ID: <urn:uuid:1>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: 140\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nTransfer-Encoding: chunked\r\n\r\n3c\r\n<article><p>The harbour reopened on Tuesday, she said.</p>\r\n0\r\n\r\n\r\n\r\nWARC/1.0\r\nWARC-Type: request\r\nContent-Length: 4\r\n\r\nGET \r\n\r\n",
    ),
    (
        "c.xml",
        "<text title=\"T\" dateCreated=\"2017-01-01\"><p><s>\nA\tDT\ta\n<w>\nb\tNN\tb\n</w>\n</s></p></text>",
    ),
];

const SPICE: &[&[u8]] = &[
    b"<",
    b">",
    b"</",
    b"\"",
    b"'",
    b"{",
    b"}",
    b"[",
    b"]",
    b",",
    b"\n",
    b"\t",
    b"&#",
    b"&amp;",
    b"\0",
    b"\xff",
    b"\xe2\x80\x9c",
    b"<![CDATA[",
    b"]]>",
    b"---\n",
    b"said",
    b" Mr. ",
    b"(Reuters) - ",
    b"\r\n",
];

fn iterations() -> usize {
    std::env::var("NEWSDEX_FUZZ_ITERATIONS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(300)
}

fn mutate(rng: &mut Rng, seed: &[u8]) -> Vec<u8> {
    let mut bytes = seed.to_vec();
    for _ in 0..1 + rng.below(6) {
        let at = rng.below(bytes.len() + 1);
        match rng.below(5) {
            0 => bytes.truncate(at),
            1 => {
                let spice = SPICE[rng.below(SPICE.len())];
                bytes.splice(at..at, spice.iter().copied());
            }
            2 if !bytes.is_empty() => {
                let end = (at + rng.below(16)).min(bytes.len());
                bytes.drain(at.min(end)..end);
            }
            3 if !bytes.is_empty() => {
                let i = rng.below(bytes.len());
                bytes[i] = rng.next() as u8;
            }
            _ => {
                let copy: Vec<u8> = bytes[at.min(bytes.len())..]
                    .iter()
                    .take(32)
                    .copied()
                    .collect();
                bytes.splice(at..at, copy);
            }
        }
    }
    bytes
}

fn exercise(name: &str, bytes: &[u8]) {
    if let Ok(parsed) = read::parse_file(Path::new(name), bytes) {
        for mut article in parsed.articles {
            extract::enrich(&mut article);
        }
    }
}

#[test]
fn readers_and_extractors_never_panic() {
    let n = iterations();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for round in 0..n {
        for (name, seed) in SEEDS {
            let state = rng.0;
            let bytes = mutate(&mut rng, seed.as_bytes());
            let outcome = std::panic::catch_unwind(|| exercise(name, &bytes));
            assert!(
                outcome.is_ok(),
                "panic on round {round}, {name}, rng state {state:#x}: {:?}",
                String::from_utf8_lossy(&bytes)
            );
        }
        let len = rng.below(300);
        let random: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        for name in [
            "r.txt",
            "r.json",
            "r.jsonl",
            "r.csv",
            "r.sgm",
            "r.xml",
            "r.html",
            "r.warc",
            "r.warc.gz",
            "r",
            "r.json.gz",
        ] {
            let outcome = std::panic::catch_unwind(|| exercise(name, &random));
            assert!(
                outcome.is_ok(),
                "panic on random bytes for {name}: {random:?}"
            );
        }
    }
}

#[test]
fn deep_nesting_is_refused_not_a_stack_overflow() {
    let json = "[".repeat(100_000) + &"]".repeat(100_000);
    assert!(read::parse_file(Path::new("deep.json"), json.as_bytes()).is_err());
    let xml = "<a>".repeat(100_000) + &"</a>".repeat(100_000);
    assert!(read::parse_file(Path::new("deep.xml"), xml.as_bytes()).is_err());
}
