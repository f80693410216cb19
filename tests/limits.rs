//! The size limits hold for every input (issue 27): a record over
//! newsdex's 16 MB limit for one article is reported by its file, place and
//! size, the records around it are indexed, and nothing of it is searchable;
//! a text over the 4 MB text limit is indexed cut, with a note.
//!
//! The files are generated just over the real limits (about 17 MB) in a
//! temp dir, rather than with a limit lowered for tests, so that what is
//! tested is what users get. The unit tests in `src/read` cover the readers
//! with small limits.

use std::io::Write;
use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

const MB: usize = 1024 * 1024;

fn newsdex(index: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::cargo_bin("newsdex").unwrap();
    cmd.env_remove("NEWSDEX_INDEX")
        .env("NO_COLOR", "1")
        .arg("--index")
        .arg(index)
        .args(args);
    cmd
}

/// Indexes `folder`, expecting exit 3 (some input failed); returns the JSON
/// summary and stderr.
fn index_with_failures(index: &Path, folder: &Path) -> (Value, String) {
    let out = newsdex(index, &["index", folder.to_str().unwrap(), "--json"])
        .assert()
        .code(3)
        .get_output()
        .clone();
    let summary = serde_json::from_slice(&out.stdout).expect("JSON summary");
    (summary, String::from_utf8(out.stderr).unwrap())
}

fn total(index: &Path, query: &str) -> u64 {
    let out = newsdex(index, &["search", query, "--json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let found: Value = serde_json::from_slice(&out).unwrap();
    found["total"].as_u64().unwrap()
}

/// JSON Lines: five ordinary articles about a harbour, and as the fourth
/// line one record of `big` bytes of text that alone names the walrus.
fn records_around(big: usize) -> Vec<u8> {
    let mut out = Vec::new();
    for i in 0..5 {
        if i == 3 {
            let text = "The walrus basked. ".repeat((big - 100) / 19);
            writeln!(
                out,
                r#"{{"title": "Dump", "text": "{text}", "id": "dump"}}"#
            )
            .unwrap();
        }
        writeln!(
            out,
            r#"{{"title": "Harbour report {i}", "text": "HAMBURG (Reuters) - The harbour reopened on day {i}, the port authority said.", "id": "h{i}"}}"#
        )
        .unwrap();
    }
    out
}

fn failures(summary: &Value) -> Vec<(String, String)> {
    summary["failures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let path = f["path"].as_str().unwrap();
            let name = Path::new(path).file_name().unwrap().to_str().unwrap();
            (name.to_string(), f["reason"].as_str().unwrap().to_string())
        })
        .collect()
}

#[test]
fn a_json_lines_record_over_the_article_limit_is_reported_and_the_others_indexed() {
    let dir = TempDir::new().unwrap();
    let folder = dir.path().join("news");
    std::fs::create_dir(&folder).unwrap();
    let records = records_around(17 * MB);
    // Plain (over 16 MB, so streamed), and gzipped (a few KB compressed, so
    // only its decompressed record is over the limit).
    std::fs::write(folder.join("plain.jsonl"), &records).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&records).unwrap();
    std::fs::write(folder.join("packed.jsonl.gz"), gz.finish().unwrap()).unwrap();

    let index = dir.path().join("index");
    let (summary, stderr) = index_with_failures(&index, &folder);
    let reason = "line 4: record of 17 MB is over newsdex's 16 MB limit for one article";
    let mut reported = failures(&summary);
    reported.sort();
    assert_eq!(
        reported,
        [
            ("packed.jsonl.gz".to_string(), reason.to_string()),
            ("plain.jsonl".to_string(), reason.to_string()),
        ]
    );
    assert!(
        stderr.contains(&format!("plain.jsonl: {reason}")),
        "{stderr}"
    );
    assert_eq!(summary["failed"], 0, "{summary}");
    assert_eq!(summary["failed_records"], 2, "{summary}");
    assert_eq!(summary["documents"], 10, "{summary}");
    assert_eq!(total(&index, "harbour"), 10);
    assert_eq!(total(&index, "walrus"), 0);
}

#[test]
fn a_text_over_the_text_limit_is_indexed_cut_with_a_note() {
    let dir = TempDir::new().unwrap();
    let folder = dir.path().join("news");
    std::fs::create_dir(&folder).unwrap();
    // 5 MB of paragraphs; only the last one names the narwhal.
    let paragraph = "The committee heard evidence about the harbour.\n\n";
    let mut text = String::from("Inquiry transcript\n\n");
    text.push_str(&paragraph.repeat((5 * MB - 100) / paragraph.len()));
    text.push_str("The narwhal was mentioned last.\n");
    std::fs::write(folder.join("transcript.txt"), &text).unwrap();

    let index = dir.path().join("index");
    let (summary, _) = index_with_failures(&index, &folder);
    assert_eq!(
        failures(&summary),
        [(
            "transcript.txt".to_string(),
            "article: all but the first 4 MB of its text of 5 MB, newsdex's limit for the text of one article (the first part is indexed)".to_string()
        )]
    );
    assert_eq!(summary["documents"], 1, "{summary}");
    assert_eq!(total(&index, "committee"), 1);
    assert_eq!(total(&index, "narwhal"), 0);
    // The note is part of the text, so whoever reads the article sees it.
    assert_eq!(total(&index, "\"the text is cut here\""), 1);
}
