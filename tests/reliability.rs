//! The reliability suite (issue 27, docs/RELIABILITY.md): a run stopped in
//! any phase is completed by the next, a full disk fails cleanly, closed
//! pipes stop nothing, every file keeps one identity (odd names, moved
//! folders), special files are reported, `--rebuild` is locked.
//!
//! Faults are injected at named points of the run (`NEWSDEX_FAULT`, see
//! src/faults.rs) instead of being timed: each case hits the phase it names
//! every time.

mod common;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use common::newsdex;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

fn index_cmd(index: &Path, dir: &Path) -> Command {
    let mut cmd = newsdex();
    cmd.arg("--index").arg(index).arg("index").arg(dir);
    cmd
}

/// Runs `index --json` and returns its summary.
fn index_json(index: &Path, dir: &Path) -> (Output, Value) {
    let mut cmd = newsdex();
    cmd.arg("--json")
        .arg("--index")
        .arg(index)
        .arg("index")
        .arg(dir);
    let output = cmd.output().unwrap();
    let summary = serde_json::from_slice(&output.stdout).unwrap_or(Value::Null);
    (output, summary)
}

/// What a user reads of an index: its total and its top speakers, places
/// and countries with their counts.
fn answers(index: &Path) -> Vec<String> {
    let mut seen = Vec::new();
    for field in ["speaker", "place", "country", "source"] {
        let output = newsdex()
            .arg("--json")
            .arg("--index")
            .arg(index)
            .args(["facets", field, "--limit", "100"])
            .output()
            .unwrap();
        assert!(output.status.success(), "facets {field}: {output:?}");
        seen.push(String::from_utf8(output.stdout).unwrap());
    }
    let output = newsdex()
        .arg("--json")
        .arg("--index")
        .arg(index)
        .args(["search", "*", "--limit", "1"])
        .output()
        .unwrap();
    let result: Value = serde_json::from_slice(&output.stdout).unwrap();
    seen.push(result["total"].to_string());
    seen
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Segment files in `index` that its last commit does not name.
fn uncommitted_files(index: &Path) -> Vec<String> {
    let meta: Value =
        serde_json::from_str(&std::fs::read_to_string(index.join("meta.json")).unwrap()).unwrap();
    let committed: Vec<String> = meta["segments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["segment_id"].as_str().unwrap().replace('-', ""))
        .collect();
    std::fs::read_dir(index)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| {
            let stem = name.split('.').next().unwrap_or("");
            stem.len() == 32 && !committed.iter().any(|id| id == stem)
        })
        .collect()
}

/// The answers of a clean run over corpus/, indexed into `dir/clean`.
fn clean_answers(dir: &Path) -> Vec<String> {
    let clean = dir.join("clean");
    let output = index_cmd(&clean, &corpus()).output().unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    answers(&clean)
}

#[test]
fn a_run_killed_in_any_phase_is_completed_by_the_next() {
    let dir = tempfile::tempdir().unwrap();
    let expected = clean_answers(dir.path());
    // Ten moments: while reading (with commits every 4 documents, so some
    // are committed and some not), before the commit, inside the name
    // pass, before its commit, between the ordinals files.
    // The last value: whether the run had committed when it was killed
    // (the commits while reading, the one before the name pass), so that
    // the next run must say it completes it.
    let faults: [(&str, &[&str], bool); 10] = [
        ("kill@read:1", &[], false),
        ("kill@read:6", &["--commit-every", "4"], true),
        ("kill@read:13", &["--commit-every", "4"], true),
        ("kill@read:18", &[], false),
        ("kill@commit", &[], false),
        ("kill@names:1", &[], true),
        ("kill@names:3", &[], true),
        ("kill@names-commit", &[], true),
        ("kill@ordinals:1", &[], false),
        ("kill@ordinals:4", &[], false),
    ];
    for (fault, options, unfinished_commit) in faults {
        let index = dir.path().join(fault.replace([':', '@'], "-"));
        let killed = index_cmd(&index, &corpus())
            .args(options)
            .env("NEWSDEX_FAULT", fault)
            .output()
            .unwrap();
        assert!(!killed.status.success(), "{fault} did not stop the run");
        let (rerun, summary) = index_json(&index, &corpus());
        assert!(rerun.status.success(), "{fault}: {}", stderr(&rerun));
        assert_eq!(
            answers(&index),
            expected,
            "{fault}: the answers differ from a clean run's"
        );
        assert_eq!(summary["resumed"], unfinished_commit, "{fault}");
        assert_eq!(
            stderr(&rerun).contains("stopped before it finished"),
            unfinished_commit,
            "{fault}: {}",
            stderr(&rerun)
        );
        // And the next run after that has nothing left to do.
        let (again, summary) = index_json(&index, &corpus());
        assert!(again.status.success());
        assert_eq!(summary["resumed"], false, "{fault}");
        assert_eq!(summary["renamed"], 0, "{fault}");
    }
}

#[test]
fn a_full_disk_in_any_phase_fails_cleanly_and_the_next_run_completes() {
    let dir = tempfile::tempdir().unwrap();
    let expected = clean_answers(dir.path());
    for fault in [
        "disk-full@read:1",
        "disk-full@read:10",
        "disk-full@commit",
        "disk-full@names:1",
        "disk-full@names-commit",
        "disk-full@ordinals:2",
    ] {
        let index = dir.path().join(fault.replace([':', '@'], "-"));
        let failed = index_cmd(&index, &corpus())
            .env("NEWSDEX_FAULT", fault)
            .output()
            .unwrap();
        assert_eq!(failed.status.code(), Some(1), "{fault}: {failed:?}");
        let message = stderr(&failed);
        assert!(
            message.contains("disk full") && message.contains(&index.display().to_string()),
            "{fault}: {message}"
        );
        assert!(!message.contains("panicked"), "{fault}: {message}");
        if index.join("meta.json").is_file() {
            assert_eq!(uncommitted_files(&index), Vec::<String>::new(), "{fault}");
        }
        let leftovers: Vec<_> = std::fs::read_dir(&index)
            .map(|entries| {
                entries
                    .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                    .filter(|name| name.ends_with(".tmp"))
                    .collect()
            })
            .unwrap_or_default();
        assert_eq!(leftovers, Vec::<String>::new(), "{fault}");
        let rerun = index_cmd(&index, &corpus()).output().unwrap();
        assert!(rerun.status.success(), "{fault}: {}", stderr(&rerun));
        assert_eq!(answers(&index), expected, "{fault}");
    }
}

/// Waits for `child`, killing it and failing after `limit`.
fn wait_within(child: &mut std::process::Child, limit: Duration) -> std::process::ExitStatus {
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            panic!("still running after {limit:?}: it hangs");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_closed_stderr_neither_hangs_nor_loses_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("news");
    copy_dir(&corpus(), &folder);
    for i in 0..50 {
        std::fs::write(folder.join(format!("broken{i}.json")), "{\"title\": broken").unwrap();
    }
    let index = dir.path().join("index");
    let mut child = index_cmd(&index, &folder)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Close the reading end before newsdex writes its first message.
    drop(child.stderr.take());
    let status = wait_within(&mut child, Duration::from_secs(120));
    assert_eq!(status.code(), Some(3), "50 files failed: {status:?}");
    let (_, summary) = index_json(&index, &folder);
    assert_eq!(summary["documents"], 18);
    assert_eq!(summary["unchanged"], 18);
}

#[cfg(unix)]
#[test]
fn names_that_are_not_utf8_stay_two_articles_and_are_shown_escaped() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("news");
    std::fs::create_dir(&folder).unwrap();
    let names: [&[u8]; 3] = [b"x\xff.txt", b"x\xfe.txt", b"alert\x1b[31m\nred.txt"];
    for (i, name) in names.iter().enumerate() {
        std::fs::write(
            folder.join(OsStr::from_bytes(name)),
            format!("Story {i}\n\nThe mayor said \"this is story number {i}\" on Monday."),
        )
        .unwrap();
    }
    let index = dir.path().join("index");
    for run in 0..3 {
        let (output, summary) = index_json(&index, &folder);
        assert!(output.status.success(), "{}", stderr(&output));
        assert_eq!(summary["documents"], 3, "run {run}");
        if run > 0 {
            assert_eq!(summary["unchanged"], 3, "run {run}: {summary}");
            assert_eq!(summary["updated"], 0, "run {run}");
        }
    }
    let output = newsdex()
        .arg("--index")
        .arg(&index)
        .args(["search", "*", "--limit", "10"])
        .output()
        .unwrap();
    let shown = String::from_utf8(output.stdout).unwrap();
    assert!(
        shown.contains("x\\xff.txt") && shown.contains("x\\xfe.txt"),
        "{shown}"
    );
    assert!(shown.contains("alert\\x1b[31m\\x0ared.txt"), "{shown}");
    assert!(
        !shown.contains('\u{1b}'),
        "a raw escape code reached the output"
    );
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

#[test]
fn a_moved_folder_is_the_same_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let before = dir.path().join("news");
    copy_dir(&corpus(), &before);
    let index = dir.path().join("index");
    let (_, first) = index_json(&index, &before);
    assert_eq!(first["documents"], 18);
    let expected = answers(&index);

    let after = dir.path().join("archive").join("news-2026");
    std::fs::create_dir_all(after.parent().unwrap()).unwrap();
    std::fs::rename(&before, &after).unwrap();
    let (output, moved) = index_json(&index, &after);
    assert!(output.status.success());
    assert_eq!(moved["documents"], 18, "{moved}");
    assert_eq!(moved["moved"], 18, "{moved}");
    assert_eq!(moved["added"], 0);
    assert_eq!(moved["removed"], 0);
    assert_eq!(answers(&index), expected);

    // A file renamed inside the indexed folder is moved too.
    let politics = after.join("politics");
    let file = std::fs::read_dir(&politics)
        .unwrap()
        .next()
        .unwrap()
        .unwrap();
    std::fs::rename(file.path(), politics.join("renamed.txt")).unwrap();
    let (_, renamed) = index_json(&index, &after);
    assert_eq!(renamed["moved"], 1, "{renamed}");
    assert_eq!(renamed["documents"], 18);
}

#[cfg(unix)]
#[test]
fn a_named_pipe_is_reported_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("news");
    copy_dir(&corpus().join("politics"), &folder);
    let made = Command::new("mkfifo")
        .arg(folder.join("feed.txt"))
        .status()
        .unwrap();
    assert!(made.success());
    let index = dir.path().join("index");
    let mut child = index_cmd(&index, &folder)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let status = wait_within(&mut child, Duration::from_secs(60));
    let mut message = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut message).unwrap();
    assert!(status.success(), "{message}");
    assert!(
        message.contains("feed.txt") && message.contains("named pipe"),
        "{message}"
    );
}

#[test]
fn a_rebuild_holds_the_lock_and_a_stopped_one_is_cleaned_up() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    assert!(
        index_cmd(&index, &corpus())
            .output()
            .unwrap()
            .status
            .success()
    );
    let expected = answers(&index);

    let mut rebuild = index_cmd(&index, &corpus())
        .arg("--rebuild")
        .env("NEWSDEX_FAULT", "stall@read:5")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(rebuild.stderr.take().unwrap()).lines();
    let stalled = lines.next().unwrap().unwrap();
    assert!(stalled.contains("stalled at read"), "{stalled}");
    let staging = dir.path().join("index.rebuilding");
    assert!(staging.is_dir());

    let refused = index_cmd(&index, &corpus()).output().unwrap();
    assert_eq!(refused.status.code(), Some(1));
    assert!(stderr(&refused).contains("locked"), "{}", stderr(&refused));

    rebuild.kill().unwrap();
    rebuild.wait().unwrap();
    let next = index_cmd(&index, &corpus()).output().unwrap();
    assert!(next.status.success(), "{}", stderr(&next));
    assert!(
        stderr(&next).contains("index.rebuilding"),
        "{}",
        stderr(&next)
    );
    assert!(!staging.exists());
    assert_eq!(answers(&index), expected);
}
