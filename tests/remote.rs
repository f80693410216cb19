//! `newsdex export --target`, `push --remote` and `search --remote`, driven
//! through the binary. The engines are played by a loopback HTTP server the
//! test starts (tests/common/fake_engine.rs), which records every request
//! and answers as Quickwit or OpenSearch do, so the exact requests are
//! checked without either engine installed.

mod common;

use std::path::{Path, PathBuf};
use std::process::Stdio;

use common::newsdex;
use serde_json::Value;

/// An index of the bundled corpus in a temporary folder.
struct Indexed {
    dir: tempfile::TempDir,
}

impl Indexed {
    fn new() -> Indexed {
        let dir = tempfile::tempdir().unwrap();
        let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let status = newsdex()
            .arg("--index")
            .arg(dir.path().join("index"))
            .arg("index")
            .arg(&corpus)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .unwrap();
        assert!(status.success());
        Indexed { dir }
    }

    fn index(&self) -> PathBuf {
        self.dir.path().join("index")
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn run(&self, args: &[&str]) -> std::process::Output {
        newsdex()
            .arg("--index")
            .arg(self.index())
            .args(args)
            .output()
            .unwrap()
    }

    fn export(&self, target: &str, extra: &[&str]) -> PathBuf {
        let out = self.path(&format!("export-{target}"));
        let mut args = vec!["export", "--target", target, "--out", out.to_str().unwrap()];
        args.extend_from_slice(extra);
        let output = self.run(&args);
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        out
    }
}

/// Compares `actual` with the golden file; `NEWSDEX_BLESS=1` rewrites it.
fn assert_golden(actual: &str, golden: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(golden);
    if std::env::var_os("NEWSDEX_BLESS").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        actual == expected,
        "the generated {golden} differs from tests/golden/{golden}.\n\
         If schema/news.toml changed on purpose, check the new definition and rerun with \
         NEWSDEX_BLESS=1 to accept it.\n--- generated ---\n{actual}"
    );
}

fn lines(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn manifest(dir: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(dir.join("manifest.json")).unwrap()).unwrap()
}

#[test]
fn index_definitions_match_the_golden_files() {
    let indexed = Indexed::new();
    let quickwit = indexed.export("quickwit", &[]);
    assert_golden(
        &std::fs::read_to_string(quickwit.join("index-config.yaml")).unwrap(),
        "quickwit-index-config.yaml",
    );
    let opensearch = indexed.export("opensearch", &[]);
    assert_golden(
        &std::fs::read_to_string(opensearch.join("index.json")).unwrap(),
        "opensearch-index.json",
    );
}

#[test]
fn exported_documents_are_chunked_below_the_limit_and_complete() {
    let indexed = Indexed::new();
    let limit = 20_000;
    let dir = indexed.export("opensearch", &["--chunk-bytes", &limit.to_string()]);
    let manifest = manifest(&dir);
    let chunks = manifest["chunks"].as_array().unwrap();
    assert!(chunks.len() > 2, "{manifest}");
    let mut ids = Vec::new();
    for chunk in chunks {
        let path = dir.join(chunk["file"].as_str().unwrap());
        let size = std::fs::metadata(&path).unwrap().len();
        assert!(size <= limit, "{} is {size} bytes", path.display());
        assert_eq!(size, chunk["bytes"].as_u64().unwrap());
        let lines = lines(&path);
        // `_bulk` bodies: a `create` action with the newsdex id, then the article.
        for pair in lines.chunks(2) {
            let id = pair[0]["create"]["_id"].as_str().unwrap();
            assert_eq!(pair[1]["id"], id);
            ids.push(id.to_string());
        }
        assert_eq!(lines.len() as u64, 2 * chunk["documents"].as_u64().unwrap());
    }
    assert_eq!(ids.len() as u64, manifest["documents"].as_u64().unwrap());
    let stats = indexed.run(&["--json", "stats"]);
    let stats: Value = serde_json::from_slice(&stats.stdout).unwrap();
    assert_eq!(ids.len() as u64, stats["documents"].as_u64().unwrap());
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len() as u64, manifest["documents"].as_u64().unwrap());
}

#[test]
fn quickwit_documents_carry_stems_dates_and_records() {
    let indexed = Indexed::new();
    let dir = indexed.export("quickwit", &["speaker:Odhiambo"]);
    let docs = lines(&dir.join("docs/000001.ndjson"));
    assert!(!docs.is_empty());
    let doc = docs
        .iter()
        .find(|d| d["speaker"].to_string().contains("Achieng Odhiambo"))
        .expect("an article quoting Achieng Odhiambo");
    // newsdex's own stems, so remote matching is stemmed like local.
    let stems = doc["body_stems"].as_str().unwrap();
    assert!(stems.split(' ').all(|w| w == w.to_lowercase()), "{stems}");
    assert!(doc.get("body_words").is_none());
    let quotes = doc["quotes"].as_array().unwrap();
    assert!(
        quotes
            .iter()
            .any(|q| q["speaker"] == "Achieng Odhiambo" && q["text"].is_string())
    );
    let place = &doc["place_mentions"][0];
    assert!(place["location"]["lat"].is_f64(), "{place}");
    assert!(place["path"].is_array(), "{place}");
    if let Some(date) = doc["date"].as_str() {
        assert!(date.ends_with("T00:00:00Z"), "{date}");
        assert_eq!(doc["timestamp"], doc["date"]);
    }
}

#[test]
fn export_refuses_a_folder_that_is_not_an_export() {
    let indexed = Indexed::new();
    let out = indexed.path("precious");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("notes.txt"), "mine").unwrap();
    let output = indexed.run(&[
        "export",
        "--target",
        "quickwit",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("holds no newsdex export"));
    assert!(out.join("notes.txt").is_file());
}
