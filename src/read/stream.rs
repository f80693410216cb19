//! Large files of many records, read as a stream.
//!
//! A JSON Lines, CSV or TSV file (gzipped or not) over
//! [`STREAM_ABOVE_BYTES`] is never loaded whole: records are read one by
//! one and handed on in batches, so memory stays bounded by the batch size
//! whatever the file's size. A record over [`MAX_ARTICLE_BYTES`] is read
//! past, not held: only its size is kept, for the report (a 200 MB JSON
//! Lines record once cost 1.6 GB; issue 27). Batches are cut by bytes as
//! well as by records, so a file of records just under the limit is held a
//! few at a time. Other formats are one document (plain text, HTML, JSON,
//! XML) and keep the [`super::MAX_FILE_BYTES`] limit.

use std::fs::File;
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::Path;

use crate::article::Article;
use crate::read::{
    Format, MAX_ARTICLE_BYTES, Problem, ReadError, article_bytes, delimited, fit_record, json, warc,
};

/// How many records of a line-per-record format make a batch's worth of
/// work as much as one web page does.
const PAGE_WEIGHT: usize = 16;

/// Files of record formats larger than this are streamed.
pub const STREAM_ABOVE_BYTES: u64 = 16 * 1024 * 1024;

/// A batch is handed on once its records hold this much text, however few
/// they are: a batch of 256 records of 15 MB each would hold 4 GB.
const BATCH_BYTES: u64 = 8 * 1024 * 1024;

/// What [`read_line_within`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line {
    /// The end of the input.
    End,
    /// A line, in the buffer (with its `\n`, when it had one).
    Read,
    /// A line over the limit, read past: its length in bytes (without the
    /// `\n`). The buffer is left empty.
    TooLong(u64),
}

/// Reads one line into `line` (cleared first), unless it is longer than
/// `limit` bytes (not counting its `\n`): then the rest of it is read past
/// without being kept, so memory stays bounded by `limit` and the reader's
/// buffer whatever the line holds.
pub fn read_line_within(
    input: &mut impl BufRead,
    limit: u64,
    line: &mut Vec<u8>,
) -> std::io::Result<Line> {
    line.clear();
    if (&mut *input).take(limit + 1).read_until(b'\n', line)? == 0 {
        return Ok(Line::End);
    }
    let mut length = (line.len() - usize::from(line.ends_with(b"\n"))) as u64;
    if length <= limit {
        return Ok(Line::Read);
    }
    // Over: what was kept goes (and with it the large buffer), and the
    // rest is read in pieces no larger than a read buffer.
    *line = Vec::new();
    let mut piece = Vec::with_capacity(64 * 1024);
    loop {
        piece.clear();
        let read = (&mut *input)
            .take(64 * 1024)
            .read_until(b'\n', &mut piece)?;
        if piece.ends_with(b"\n") {
            length += read as u64 - 1;
            break;
        }
        if read == 0 {
            break;
        }
        length += read as u64;
    }
    Ok(Line::TooLong(length))
}

/// The record format of a path that can be streamed, with whether it is
/// gzipped.
pub fn streamable(path: &Path) -> Option<(Format, bool)> {
    let extension = |p: &Path| {
        p.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
    };
    let (inner, gzipped) = match extension(path).as_deref() {
        Some("gz") => (path.file_stem().map(Path::new)?, true),
        _ => (path, false),
    };
    let format = Format::of_extension(&extension(inner)?)?;
    matches!(
        format,
        Format::JsonLines | Format::Csv | Format::Tsv | Format::Warc
    )
    .then_some((format, gzipped))
}

/// Whether `path` is streamed whatever its size: a web archive (read
/// member by member, so that one corrupt record does not lose the rest),
/// and a gzipped JSON Lines, CSV or TSV file, which may hold many times its
/// size: read whole, one record too large would fail the whole file (its
/// content is refused over [`super::MAX_FILE_BYTES`]); streamed, only that
/// record is reported and the others are indexed.
pub fn always_streamed(path: &Path) -> bool {
    matches!(streamable(path), Some((Format::Warc, _) | (_, true)))
}

/// A cheap fingerprint of a large file's content: FNV-1a over its size and
/// its first and last mebibyte. (Hashing every byte of a huge file twice
/// would double the time to read it; a change that keeps the size and both
/// ends is taken for a touch.)
pub fn sampled_hash(path: &Path) -> Result<u64, ReadError> {
    const SAMPLE: u64 = 1024 * 1024;
    let mut file = File::open(path)?;
    let size = file.metadata()?.len();
    let mut bytes = size.to_le_bytes().to_vec();
    let mut head = Vec::new();
    (&mut file).take(SAMPLE).read_to_end(&mut head)?;
    bytes.extend(head);
    if size > SAMPLE {
        file.seek(SeekFrom::Start(size - SAMPLE))?;
        let mut tail = Vec::new();
        file.take(SAMPLE).read_to_end(&mut tail)?;
        bytes.extend(tail);
    }
    Ok(crate::index::ids::fnv1a64(&bytes))
}

/// A record of a large file, on its way to a worker.
#[derive(Debug)]
pub enum Record {
    /// Read already (a JSON Lines line, a CSV row).
    Article(Box<Article>),
    /// A web page still to be read (a WARC record): reading it is most of
    /// the work, so the worker that takes the batch does it.
    Page(warc::Page),
}

impl Record {
    /// What identifies the record within its file, when it says.
    pub fn key(&self) -> Option<String> {
        match self {
            Record::Article(article) => article.record.clone(),
            Record::Page(page) => page.key(),
        }
    }

    /// The record's article, or why it is skipped.
    pub fn into_article(self) -> Result<Article, String> {
        match self {
            Record::Article(article) => Ok(*article),
            Record::Page(page) => page.into_article(),
        }
    }
}

/// Streams the records of `path` to `emit` in batches of at most `batch`
/// records (with the problems met, and the reasons records were skipped,
/// since the last batch); `emit` returns false to stop. Returns the bytes
/// read from disk.
pub fn stream_records(
    path: &Path,
    batch: usize,
    emit: &mut dyn FnMut(Vec<Record>, Vec<Problem>, Vec<String>) -> bool,
) -> Result<u64, ReadError> {
    let (format, gzipped) = streamable(path).ok_or(ReadError::Empty)?;
    let file = File::open(path)?;
    let size = file.metadata()?.len();
    if format == Format::Warc {
        // A page is a hundred times a JSON line's work: smaller batches
        // keep every core busy.
        stream_warc(file, gzipped, (batch / PAGE_WEIGHT).max(1), emit);
        return Ok(size);
    }
    let mut emit = |articles: Vec<Article>, problems| {
        emit(
            articles
                .into_iter()
                .map(|a| Record::Article(Box::new(a)))
                .collect(),
            problems,
            Vec::new(),
        )
    };
    let input: Box<dyn Read> = if gzipped {
        Box::new(flate2::read::MultiGzDecoder::new(BufReader::new(file)))
    } else {
        Box::new(file)
    };
    let mut input = BufReader::with_capacity(256 * 1024, input);
    let mut articles = Vec::with_capacity(batch);
    let mut problems = Vec::new();
    let mut stopped = false;
    let mut held = 0;
    let mut push = |outcome: Result<Article, Problem>,
                    articles: &mut Vec<Article>,
                    problems: &mut Vec<Problem>| {
        match outcome {
            Ok(article) => {
                held += article_bytes(&article);
                articles.push(article);
            }
            Err(problem) => problems.push(problem),
        }
        if articles.len() >= batch || held >= BATCH_BYTES {
            held = 0;
            let keep_going = emit(std::mem::take(articles), std::mem::take(problems));
            return keep_going;
        }
        true
    };
    match format {
        Format::JsonLines => {
            let mut line = Vec::new();
            let mut number = 0;
            loop {
                let read = read_line_within(&mut input, MAX_ARTICLE_BYTES, &mut line)
                    .map_err(gzip_or_io(gzipped))?;
                number += 1;
                let line = match read {
                    Line::End => break,
                    Line::TooLong(length) => {
                        if !push(
                            Err(json::record_too_large(number, length)),
                            &mut articles,
                            &mut problems,
                        ) {
                            stopped = true;
                            break;
                        }
                        continue;
                    }
                    Line::Read => line.as_slice(),
                };
                let text = match std::str::from_utf8(line) {
                    Ok(text) => std::borrow::Cow::Borrowed(text),
                    Err(_) => {
                        encoding_rs::WINDOWS_1252
                            .decode_without_bom_handling(line)
                            .0
                    }
                };
                let mut outcomes = Vec::new();
                match json::parse_json_line(&text, number) {
                    Ok(found) => {
                        let at = format!("line {number}");
                        for article in found {
                            let (article, problem) = fit_record(article, &at);
                            outcomes.extend(article.map(Ok));
                            outcomes.extend(problem.map(Err));
                        }
                    }
                    Err(problem) => outcomes.push(Err(problem)),
                }
                for outcome in outcomes {
                    if !push(outcome, &mut articles, &mut problems) {
                        stopped = true;
                    }
                }
                if stopped {
                    break;
                }
            }
        }
        _ => {
            let delimiter = if format == Format::Csv { b',' } else { b'\t' };
            delimited::for_each_row(&mut input, delimiter, &mut |outcome| {
                let go = push(outcome, &mut articles, &mut problems);
                stopped |= !go;
                go
            })?;
        }
    }
    if !stopped && (!articles.is_empty() || !problems.is_empty()) {
        emit(articles, problems);
    }
    Ok(size)
}

/// A WARC file's records, in batches of pages not read yet (whichever
/// worker takes a batch reads them); gzip members are read one by one (a
/// corrupt one is reported and skipped), so the file is never gunzipped
/// whole.
fn stream_warc(
    file: File,
    gzipped: bool,
    batch: usize,
    emit: &mut dyn FnMut(Vec<Record>, Vec<Problem>, Vec<String>) -> bool,
) {
    let reader = warc::WarcReader::new(BufReader::with_capacity(256 * 1024, file), gzipped);
    let mut pages = Vec::with_capacity(batch);
    let mut problems = Vec::new();
    let mut skipped = Vec::new();
    for item in reader {
        match item {
            warc::Item::Page(page) => pages.push(Record::Page(page)),
            warc::Item::Problem(problem) => problems.push(problem),
            warc::Item::Skipped(reason) => skipped.push(reason),
        }
        // Skipped records are only counted, but a crawl may hold millions
        // of them: they go with a batch of their own now and then.
        if pages.len() >= batch || skipped.len() >= 16 * batch {
            let go = emit(
                std::mem::take(&mut pages),
                std::mem::take(&mut problems),
                std::mem::take(&mut skipped),
            );
            if !go {
                return;
            }
        }
    }
    if !pages.is_empty() || !problems.is_empty() || !skipped.is_empty() {
        emit(pages, problems, skipped);
    }
}

fn gzip_or_io(gzipped: bool) -> impl Fn(std::io::Error) -> ReadError {
    move |e| {
        if gzipped {
            ReadError::Gzip(e.to_string())
        } else {
            ReadError::Io(e)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn only_record_formats_stream() {
        assert_eq!(
            streamable(Path::new("a.jsonl")),
            Some((Format::JsonLines, false))
        );
        assert_eq!(streamable(Path::new("a.csv.gz")), Some((Format::Csv, true)));
        assert_eq!(streamable(Path::new("a.json")), None);
        assert_eq!(streamable(Path::new("a.txt.gz")), None);
        assert!(always_streamed(Path::new("a.jsonl.gz")));
        assert!(always_streamed(Path::new("a.warc")));
        assert!(!always_streamed(Path::new("a.jsonl")));
        assert!(!always_streamed(Path::new("a.json.gz")));
    }

    fn lines_within(input: &[u8], limit: u64) -> Vec<Result<String, u64>> {
        // A small read buffer, so lines span many reads as large ones do.
        let mut input = std::io::BufReader::with_capacity(4, input);
        let mut line = Vec::new();
        let mut found = Vec::new();
        loop {
            match read_line_within(&mut input, limit, &mut line).unwrap() {
                Line::End => return found,
                Line::Read => found.push(Ok(String::from_utf8(line.clone()).unwrap())),
                Line::TooLong(length) => {
                    assert!(line.is_empty() && line.capacity() == 0);
                    found.push(Err(length));
                }
            }
        }
    }

    #[test]
    fn lines_over_the_limit_are_read_past_with_their_length() {
        let long = "y".repeat(100);
        let input = format!("short\n{long}\n0123456789\n01234567890\n\nlast");
        assert_eq!(
            lines_within(input.as_bytes(), 10),
            [
                Ok("short\n".to_string()),
                Err(100),
                // Exactly the limit is kept; one more byte is over.
                Ok("0123456789\n".to_string()),
                Err(11),
                Ok("\n".to_string()),
                Ok("last".to_string()),
            ]
        );
        // A last line over the limit, without a line end.
        assert_eq!(
            lines_within(b"a\nbbbbbbbbbbbbbbbb", 10),
            [Ok("a\n".into()), Err(16)]
        );
        assert!(lines_within(b"", 10).is_empty());
    }

    #[test]
    fn a_record_over_the_limit_is_reported_and_batches_are_cut_by_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.jsonl");
        let mut file = File::create(&path).unwrap();
        let body = "word ".repeat(400_000);
        for i in 0..12 {
            if i == 3 {
                // One record just over the article limit.
                let over = "x".repeat(MAX_ARTICLE_BYTES as usize);
                writeln!(file, "{{\"title\": \"Huge\", \"text\": \"{over}\"}}").unwrap();
            } else {
                writeln!(file, "{{\"title\": \"T{i}\", \"text\": \"{body}\"}}").unwrap();
            }
        }
        drop(file);
        let mut batches = Vec::new();
        let mut problems = Vec::new();
        stream_records(&path, 256, &mut |records, found, _| {
            batches.push(records.len());
            problems.extend(found.into_iter().map(|p| p.to_string()));
            true
        })
        .unwrap();
        // 2 MB records: a batch is handed on at 8 MiB, every 5.
        assert_eq!(batches, [5, 5, 1]);
        assert_eq!(
            problems,
            ["line 4: record of 16.1 MB is over newsdex's 16 MB limit for one article"]
        );
    }

    #[test]
    fn records_come_in_batches_with_their_problems() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.jsonl.gz");
        let mut encoder = flate2::write::GzEncoder::new(
            File::create(&path).unwrap(),
            flate2::Compression::fast(),
        );
        for i in 0..25 {
            if i == 7 {
                writeln!(encoder, "{{broken").unwrap();
            } else {
                writeln!(
                    encoder,
                    "{{\"title\": \"T{i}\", \"text\": \"Body {i}.\", \"id\": \"{i}\"}}"
                )
                .unwrap();
            }
        }
        encoder.finish().unwrap();
        let mut batches = Vec::new();
        let mut problems = Vec::new();
        stream_records(&path, 10, &mut |articles, found, _| {
            batches.push(articles.len());
            problems.extend(found);
            true
        })
        .unwrap();
        assert_eq!(batches, [10, 10, 4]);
        assert_eq!(
            problems,
            [Problem::new(
                "line 8",
                "not JSON: key must be a string at line 1 column 2"
            )]
        );
    }
}
