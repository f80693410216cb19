//! Reading files into [`Article`]s.
//!
//! One submodule per format; [`parse_file`] picks the reader by extension
//! and, for files without a telling one, by content. `.gz` files are
//! decompressed first and read by their inner name. A file that cannot be
//! read is a [`ReadError`]; a bad record inside a good file (one broken JSON
//! line, one ragged CSV row) is a [`Problem`] reported beside the articles
//! the file did yield. Neither is ever fatal to a run.

pub mod datetime;
pub mod decode;
pub mod delimited;
pub mod entities;
pub mod fields;
pub mod html;
pub mod json;
pub mod plain_text;
pub mod reuters;
pub mod stream;
pub mod warc;
pub mod wrapping;
pub mod xml;

use std::io::Read;
use std::path::Path;

use crate::article::Article;

/// The most bytes newsdex reads for one article, in every format and
/// whether compressed or not: a plain text or HTML file, a JSON Lines line,
/// a CSV or TSV row, a WARC record holding a page (and the page once
/// decompressed), an item of a JSON, XML or SGML file, the decompressed
/// content of a gzipped one-article file.
///
/// Why 16 MiB: the longest news articles are a few hundred KB of text (a
/// 30,000-word feature is about 200 KB) and a saved news page with its
/// markup rarely passes 5 MB, so 16 MiB leaves room for pages saved with
/// their images inline, long transcripts and reports. A record larger than
/// that is a dump or a mistake, not an article; it is what made a 200 MB
/// JSON Lines record cost 1.6 GB to index and 2.4 GB and 3 s for every
/// search that hit it (issue 27).
///
/// A larger one is skipped and reported (a failed record or file, exit 3),
/// not cut: what is that large is almost never one article, and a report
/// naming it with its size lets the researcher split it. Readers never hold
/// more than this (plus a read buffer) of a record over it: they read past
/// the rest, counting its bytes for the report.
pub const MAX_ARTICLE_BYTES: u64 = 16 * 1024 * 1024;

/// The most bytes of one article's text (its body and fields) that are
/// indexed and stored: a longer body is cut at a paragraph break, ends with
/// a note saying so, and the cut is reported ([`fit_text`]).
///
/// Why 4 MiB, below [`MAX_ARTICLE_BYTES`]: every search that shows an
/// article reads all of its stored text and scans it for the snippet.
/// Measured (release build, 2 cores, articles of random words): one hit of
/// 16 MB took 0.33-0.49 s and 210 MB, a page of 20 such hits 2.1 s; of
/// 8 MB, 0.30 s for one and 0.58 s for ten; of 4 MB, 0.15 s for one and
/// 0.2-0.5 s for ten. 4 MiB is about 700,000 words: what is cut is a book
/// or a dump, and it stays findable by its start, title and metadata. The
/// input limit stays higher because a web page's markup and inline images
/// are not text.
pub const MAX_TEXT_BYTES: u64 = 4 * 1024 * 1024;

/// Files that may hold many articles and are read whole (a JSON array, an
/// XML feed, Reuters SGML; the decompressed content of a gzipped one) are
/// refused over this, since parsing holds all of it. JSON Lines, CSV, TSV
/// and WARC files of any size are streamed instead, record by record.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// `bytes` in MB (of 2^20 bytes, like the limits), rounded up to a tenth
/// so that a size just over a limit never reads as equal to it.
pub fn megabytes(bytes: u64) -> String {
    let tenths = bytes.saturating_mul(10).div_ceil(1024 * 1024).max(1);
    let text = format!("{}.{}", tenths / 10, tenths % 10);
    format!("{} MB", text.strip_suffix(".0").unwrap_or(&text))
}

/// Why an article is not read: "record of 200 MB is over newsdex's 16 MB
/// limit for one article" (`what` is "record", "file", "page"…; `size` is
/// None when the reader stopped at the limit without knowing the rest, as
/// for a decompression).
pub fn article_too_large(what: &str, size: Option<u64>) -> String {
    let limit = megabytes(MAX_ARTICLE_BYTES);
    match size {
        Some(size) => format!(
            "{what} of {} is over newsdex's {limit} limit for one article",
            megabytes(size)
        ),
        None => format!("{what} is over newsdex's {limit} limit for one article"),
    }
}

/// Holds `article` to [`MAX_TEXT_BYTES`]: a longer body is cut at the last
/// paragraph break (else space) before the limit and ends with a note.
/// Returns the reason to report when it was cut, and Err with the reason
/// to skip it when its title and other fields alone are over the limit.
pub fn fit_text(article: &mut Article) -> Result<Option<String>, String> {
    let total = article_bytes(article);
    if total <= MAX_TEXT_BYTES {
        return Ok(None);
    }
    let limit = megabytes(MAX_TEXT_BYTES);
    let others = total - article.body.len() as u64;
    // Room for the note, so that the article stays within the limit.
    let room = MAX_TEXT_BYTES.saturating_sub(others + 256);
    if room < MAX_TEXT_BYTES / 2 {
        return Err(format!(
            "title and fields other than the text take {}, over newsdex's {limit} limit for the text of one article",
            megabytes(others)
        ));
    }
    let size = megabytes(article.body.len() as u64);
    let cut = cut_point(&article.body, room as usize);
    article.body.truncate(cut);
    article.body.push_str(&format!(
        "\n\n[newsdex: the text is cut here: it is {size}, over newsdex's {limit} limit for the text of one article, and the rest is not indexed]"
    ));
    Ok(Some(format!(
        "all but the first {limit} of its text of {size}, newsdex's limit for the text of one article (the first part is indexed)"
    )))
}

/// Where to cut `text` to at most `limit` bytes: after the last paragraph
/// break in the last 64 KiB before the limit, else the last space or line
/// end, else the last character boundary.
fn cut_point(text: &str, limit: usize) -> usize {
    let mut end = limit.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let start = end.saturating_sub(64 * 1024);
    let window = &text.as_bytes()[start..end];
    let paragraph = window.windows(2).rposition(|w| w == b"\n\n");
    let space = || window.iter().rposition(|b| matches!(b, b' ' | b'\n'));
    match paragraph.or_else(space) {
        // ASCII bytes: always a character boundary.
        Some(at) => start + at,
        None => end,
    }
}

/// [`fit_text`] for the article at `at` (a place: "line 4"): the article
/// when it is kept, and the problem to report (its cut, or why it is not).
pub fn fit_record(mut article: Article, at: &str) -> (Option<Article>, Option<Problem>) {
    match fit_text(&mut article) {
        Ok(None) => (Some(article), None),
        Ok(Some(reason)) => (Some(article), Some(Problem::new(at, reason))),
        Err(reason) => (None, Some(Problem::new(at, reason))),
    }
}

/// [`fit_record`] for each article, placed by `place` (its position and
/// itself).
fn fit_texts(
    articles: Vec<Article>,
    place: impl Fn(usize, &Article) -> String,
    problems: &mut Vec<Problem>,
) -> Vec<Article> {
    let mut kept = Vec::with_capacity(articles.len());
    for (position, article) in articles.into_iter().enumerate() {
        let at = place(position, &article);
        let (article, problem) = fit_record(article, &at);
        kept.extend(article);
        problems.extend(problem);
    }
    kept
}

/// "record 3 (its id)": where an article is in a file read whole.
fn record_place(position: usize, article: &Article) -> String {
    let mut at = format!("record {}", position + 1);
    if let Some(key) = &article.record {
        at.push_str(&format!(" ({key})"));
    }
    at
}

/// The bytes an article holds as text: what is indexed and stored of it.
pub fn article_bytes(article: &Article) -> u64 {
    let optional = [
        &article.title,
        &article.source,
        &article.url,
        &article.language,
        &article.record,
    ];
    let fields: usize = optional
        .iter()
        .filter_map(|f| f.as_ref())
        .map(String::len)
        .sum();
    let authors: usize = article.authors.iter().map(String::len).sum();
    (article.body.len() + fields + authors) as u64
}

/// Extensions of the formats newsdex reads (lower case); each may also be
/// gzip-compressed (`.json.gz`).
pub const EXTENSIONS: [&str; 21] = [
    "txt", "text", "md", "json", "jsonl", "ndjson", "csv", "tsv", "tab", "sgm", "sgml", "xml",
    "rss", "atom", "nitf", "newsml", "html", "htm", "xhtml", "warc", "gz",
];

/// How a file is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    PlainText,
    Json,
    JsonLines,
    Csv,
    Tsv,
    /// Reuters-21578 SGML.
    ReutersSgml,
    /// RSS, Atom, NITF, NewsML-G2, TEI.
    Xml,
    /// A saved web page.
    Html,
    /// A web archive of crawled pages.
    Warc,
}

impl Format {
    /// The format an extension names.
    pub fn of_extension(extension: &str) -> Option<Format> {
        Some(match extension.to_ascii_lowercase().as_str() {
            "txt" | "text" | "md" => Format::PlainText,
            "json" => Format::Json,
            "jsonl" | "ndjson" => Format::JsonLines,
            "csv" => Format::Csv,
            "tsv" | "tab" => Format::Tsv,
            "sgm" | "sgml" => Format::ReutersSgml,
            "xml" | "rss" | "atom" | "nitf" | "newsml" => Format::Xml,
            "html" | "htm" | "xhtml" => Format::Html,
            "warc" => Format::Warc,
            _ => return None,
        })
    }

    /// A guess from the text, for files whose name says nothing.
    fn sniff(text: &str) -> Format {
        let start = text.trim_start();
        if start.starts_with('{') {
            let first_line = start.lines().next().unwrap_or("");
            if serde_json::from_str::<serde_json::Value>(first_line).is_ok()
                && start.lines().nth(1).is_some()
            {
                Format::JsonLines
            } else {
                Format::Json
            }
        } else if start.starts_with('[') {
            Format::Json
        } else if start.contains("<REUTERS") {
            Format::ReutersSgml
        } else if start.starts_with('<') && {
            let head: String = start
                .chars()
                .take(512)
                .collect::<String>()
                .to_ascii_lowercase();
            head.contains("<!doctype html") || head.contains("<html")
        } {
            Format::Html
        } else if start.starts_with('<') {
            Format::Xml
        } else {
            Format::PlainText
        }
    }
}

/// Why one file could not be indexed.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("binary file (NUL or control bytes), not text")]
    Binary,
    #[error("no text in the file")]
    Empty,
    /// A file of many articles over [`MAX_FILE_BYTES`].
    #[error(
        "{what} {} over newsdex's {} limit for a file read whole (JSON Lines, CSV, TSV and WARC files of any size are streamed)",
        size.map_or("is".to_string(), |s| format!("of {} is", megabytes(s))),
        megabytes(MAX_FILE_BYTES)
    )]
    TooLarge {
        /// "file", "decompressed file".
        what: &'static str,
        /// None when reading stopped at the limit (a decompression).
        size: Option<u64>,
    },
    /// One article over [`MAX_ARTICLE_BYTES`].
    #[error("{}", article_too_large(what, *size))]
    ArticleTooLarge {
        /// "file", "decompressed file", "article" (its text, in a file of
        /// one article read whole).
        what: &'static str,
        size: Option<u64>,
    },
    #[error("not valid gzip: {0}")]
    Gzip(String),
    #[error("not valid {format}: {reason}")]
    Syntax {
        format: &'static str,
        reason: String,
    },
    #[error("no articles in this {format} file ({hint})")]
    NoArticles {
        format: &'static str,
        hint: &'static str,
    },
    /// A page that is not an article (a section front, an index of links,
    /// an error page): skipped, not failed.
    #[error("not an article: {reason}")]
    NotAnArticle { reason: String },
    #[error("no title or text column in this {format} file (columns: {headers})")]
    NoTextColumn {
        format: &'static str,
        headers: String,
    },
}

/// A bad record in a file that otherwise reads: where, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// "line 7", "record 3".
    pub at: String,
    pub reason: String,
}

impl Problem {
    pub fn new(at: impl Into<String>, reason: impl Into<String>) -> Problem {
        Problem {
            at: at.into(),
            reason: reason.into(),
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.at, self.reason)
    }
}

/// What a file yields.
#[derive(Debug, Clone, Default)]
pub struct ParsedFile {
    /// The decoded text that article offsets (`body_start`) point into, for
    /// formats whose articles are slices of the file (plain text); None
    /// for structured formats, whose offsets are into each body.
    pub text: Option<String>,
    pub articles: Vec<Article>,
    pub problems: Vec<Problem>,
    /// Why records that are not articles were passed over (a WARC's
    /// request records, its images, its pages without article text).
    pub skipped: Vec<String>,
}

/// Whether newsdex reads files with this path's extension. Files that
/// document a folder rather than report news (README, LICENSE, SOURCE,
/// NOTICE, CHANGELOG, COPYING — whatever their extension) are left out:
/// corpora ship them beside the articles.
pub fn is_supported(path: &Path) -> bool {
    let known_extension = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|known| e.eq_ignore_ascii_case(known)));
    known_extension && !is_folder_documentation(path)
}

fn is_folder_documentation(path: &Path) -> bool {
    let stem = path
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| n.split('.').next())
        .unwrap_or("");
    [
        "readme",
        "license",
        "licence",
        "source",
        "notice",
        "changelog",
        "copying",
    ]
    .iter()
    .any(|doc| stem.eq_ignore_ascii_case(doc))
}

/// A file's bytes, refused when over its limit: [`MAX_ARTICLE_BYTES`] for
/// a file that is one article (plain text, HTML), [`MAX_FILE_BYTES`] for
/// the others (and for any gzipped file: its content is checked when it is
/// decompressed).
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, ReadError> {
    let file = std::fs::File::open(path)?;
    let size = file.metadata()?.len();
    let one_article = one_article(path);
    let limit = if one_article {
        MAX_ARTICLE_BYTES
    } else {
        MAX_FILE_BYTES
    };
    if size > limit {
        return Err(if one_article {
            ReadError::ArticleTooLarge {
                what: "file",
                size: Some(size),
            }
        } else {
            ReadError::TooLarge {
                what: "file",
                size: Some(size),
            }
        });
    }
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(limit + 1).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Whether the file at `path` (by its extension; a gzipped file by its
/// inner name) is one article rather than a file of many.
fn one_article(path: &Path) -> bool {
    let format = path
        .extension()
        .and_then(|e| e.to_str())
        .and_then(Format::of_extension);
    matches!(format, Some(Format::PlainText | Format::Html))
}

/// Parses a file's bytes (named `path`, which decides the format) into its
/// articles.
pub fn parse_file(path: &Path, bytes: &[u8]) -> Result<ParsedFile, ReadError> {
    let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    let warc = warc_file(path).or_else(|| bytes.starts_with(b"WARC/").then_some(false));
    if let Some(gzipped) = warc {
        // Gzipped WARC is read member by member, not gunzipped whole.
        return parse_warc_file(bytes, gzipped);
    }
    if extension.eq_ignore_ascii_case("gz") {
        let inner_name = path.file_stem().map(Path::new).unwrap_or(Path::new(""));
        if inner_name
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("gz"))
        {
            return Err(ReadError::Gzip("gzip inside gzip".into()));
        }
        let inner = gunzip(bytes, one_article(inner_name))?;
        return parse_file(inner_name, &inner);
    }
    let by_extension = Format::of_extension(extension);
    // HTML and XML may declare their charset; so may a file without a
    // telling extension that opens with markup.
    let markup = match by_extension {
        Some(format) => matches!(format, Format::Html | Format::Xml),
        None => bytes.trim_ascii_start().starts_with(b"<"),
    };
    let hints = decode::Hints {
        markup,
        ..decode::Hints::default()
    };
    let (text, _encoding) = decode::decode_with(bytes, &hints)?;
    let format = by_extension.unwrap_or_else(|| Format::sniff(&text));
    // Callers may hand bytes that no file limit checked (a file sniffed as
    // one article, a library caller).
    if matches!(format, Format::PlainText | Format::Html) && bytes.len() as u64 > MAX_ARTICLE_BYTES
    {
        return Err(ReadError::ArticleTooLarge {
            what: "file",
            size: Some(bytes.len() as u64),
        });
    }
    let mut problems = Vec::new();
    let parsed = match format {
        Format::PlainText => {
            let article = plain_text::parse(&text);
            if article.body.trim().is_empty() && article.title.is_none() {
                return Err(ReadError::Empty);
            }
            let articles = fit_texts(vec![article], |_, _| "article".into(), &mut problems);
            return Ok(ParsedFile {
                text: Some(text),
                articles,
                problems,
                skipped: Vec::new(),
            });
        }
        // JSON Lines saved as `.json` is common: one object per line.
        Format::Json => match json::parse_json(&text) {
            Err(ReadError::Syntax { .. }) if Format::sniff(&text) == Format::JsonLines => {
                json::parse_json_lines(&text, &mut problems)
            }
            other => other?,
        },
        Format::JsonLines => json::parse_json_lines(&text, &mut problems),
        Format::Csv => delimited::parse_delimited(&text, b',', &mut problems)?,
        Format::Tsv => delimited::parse_delimited(&text, b'\t', &mut problems)?,
        Format::ReutersSgml => reuters::parse_reuters(&text, &mut problems),
        Format::Xml => xml::parse_xml(&text, &mut problems)?,
        Format::Html => vec![html::parse_html(&text)?],
        Format::Warc => return parse_warc_file(bytes, false),
    };
    let problems_before = problems.len();
    let (parsed, too_large) = within_article_limit(parsed, &mut problems);
    if let ([], [size]) = (parsed.as_slice(), too_large.as_slice())
        && problems_before == 0
    {
        // The file's one article: the file fails, with that reason.
        return Err(ReadError::ArticleTooLarge {
            what: "article",
            size: Some(*size),
        });
    }
    let parsed = if format == Format::Html {
        fit_texts(parsed, |_, _| "article".into(), &mut problems)
    } else {
        fit_texts(parsed, record_place, &mut problems)
    };
    if parsed.is_empty() && problems.is_empty() {
        return Err(ReadError::Empty);
    }
    Ok(ParsedFile {
        text: None,
        articles: parsed,
        problems,
        skipped: Vec::new(),
    })
}

/// The articles within [`MAX_ARTICLE_BYTES`] of text; each other one is a
/// problem ("record 3 (guid): article of 20 MB is over …"), and its size is
/// returned. (Readers of records check each record's bytes before parsing
/// it; this catches the items of a JSON, XML or SGML file read whole.)
fn within_article_limit(
    articles: Vec<Article>,
    problems: &mut Vec<Problem>,
) -> (Vec<Article>, Vec<u64>) {
    let mut too_large = Vec::new();
    let mut kept = Vec::with_capacity(articles.len());
    for (position, article) in articles.into_iter().enumerate() {
        let size = article_bytes(&article);
        if size <= MAX_ARTICLE_BYTES {
            kept.push(article);
            continue;
        }
        problems.push(Problem::new(
            record_place(position, &article),
            article_too_large("article", Some(size)),
        ));
        too_large.push(size);
    }
    (kept, too_large)
}

fn parse_warc_file(bytes: &[u8], gzipped: bool) -> Result<ParsedFile, ReadError> {
    let (articles, problems, skipped) = warc::parse_warc(bytes, gzipped);
    if articles.is_empty() && problems.is_empty() {
        if skipped.is_empty() {
            return Err(ReadError::Empty);
        }
        return Err(ReadError::NotAnArticle {
            reason: format!(
                "a web archive without article pages ({} records skipped)",
                skipped.len()
            ),
        });
    }
    Ok(ParsedFile {
        text: None,
        articles,
        problems,
        skipped,
    })
}

/// Whether `path` names a WARC file, and whether it is gzipped
/// (`crawl.warc`, `CC-NEWS-….warc.gz`).
pub fn warc_file(path: &Path) -> Option<bool> {
    let name = path.file_name()?.to_str()?.to_ascii_lowercase();
    if name.ends_with(".warc.gz") {
        Some(true)
    } else if name.ends_with(".warc") {
        Some(false)
    } else {
        None
    }
}

/// Parses plain-text bytes (the layout of `.txt` files).
pub fn parse_bytes(bytes: &[u8]) -> Result<(String, Vec<Article>), ReadError> {
    let parsed = parse_file(Path::new("article.txt"), bytes)?;
    Ok((parsed.text.unwrap_or_default(), parsed.articles))
}

/// Decompresses gzip, refusing output over the limit of what it holds:
/// [`MAX_ARTICLE_BYTES`] for one article, else [`MAX_FILE_BYTES`]. Reading
/// stops at the limit, so a gzip bomb costs no more than that.
fn gunzip(bytes: &[u8], one_article: bool) -> Result<Vec<u8>, ReadError> {
    let limit = if one_article {
        MAX_ARTICLE_BYTES
    } else {
        MAX_FILE_BYTES
    };
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(bytes)
        .take(limit + 1)
        .read_to_end(&mut out)
        .map_err(|e| ReadError::Gzip(e.to_string()))?;
    if out.len() as u64 > limit {
        let what = "decompressed file";
        return Err(if one_article {
            ReadError::ArticleTooLarge { what, size: None }
        } else {
            ReadError::TooLarge { what, size: None }
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        use std::io::Write;
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all(bytes).unwrap();
        encoder.finish().unwrap()
    }

    #[test]
    fn format_comes_from_the_extension_then_the_content() {
        let json = br#"[{"title": "A", "text": "a"}]"#;
        assert_eq!(
            parse_file(Path::new("x.json"), json)
                .unwrap()
                .articles
                .len(),
            1
        );
        assert_eq!(parse_file(Path::new("x"), json).unwrap().articles.len(), 1);
        let lines = b"{\"title\": \"A\", \"text\": \"a\"}\n{\"title\": \"B\", \"text\": \"b\"}\n";
        assert_eq!(
            parse_file(Path::new("x.json"), lines)
                .unwrap()
                .articles
                .len(),
            2
        );
        assert_eq!(
            parse_file(Path::new("feed"), lines).unwrap().articles.len(),
            2
        );
        let plain = parse_file(Path::new("x.md"), b"Title here\n\nBody text.").unwrap();
        assert!(plain.text.is_some());
    }

    #[test]
    fn sizes_read_in_megabytes_rounded_up() {
        assert_eq!(megabytes(MAX_ARTICLE_BYTES), "16 MB");
        assert_eq!(megabytes(MAX_ARTICLE_BYTES + 1), "16.1 MB");
        assert_eq!(megabytes(200 * 1024 * 1024), "200 MB");
        assert_eq!(megabytes(1), "0.1 MB");
    }

    #[test]
    fn a_text_over_the_text_limit_is_cut_at_a_paragraph_with_a_note() {
        let paragraph = "Word after word in a long report. ".repeat(30) + "\n\n";
        let body = paragraph.repeat(MAX_TEXT_BYTES as usize / paragraph.len() + 10);
        let mut article = Article {
            title: Some("Long".into()),
            body: body.clone(),
            ..Article::default()
        };
        let reason = fit_text(&mut article).unwrap().unwrap();
        assert_eq!(
            reason,
            "all but the first 4 MB of its text of 4.1 MB, newsdex's limit for the text of one article (the first part is indexed)"
        );
        assert!(article_bytes(&article) <= MAX_TEXT_BYTES);
        let (kept, note) = article.body.split_once("\n\n[newsdex: ").unwrap();
        assert!(
            body.starts_with(kept) && kept.ends_with("report. "),
            "{}",
            &kept[kept.len() - 40..]
        );
        assert!(
            note.starts_with("the text is cut here: it is 4.1 MB"),
            "{note}"
        );
        // Within the limit, nothing changes; a title alone over it is refused.
        assert_eq!(fit_text(&mut article), Ok(None));
        let mut titled = Article {
            title: Some("t".repeat(MAX_TEXT_BYTES as usize)),
            body: "b".into(),
            ..Article::default()
        };
        assert!(
            fit_text(&mut titled)
                .unwrap_err()
                .starts_with("title and fields other")
        );
    }

    #[test]
    fn a_single_article_over_the_limit_fails_its_file_by_its_size() {
        let text = format!("Title\n\n{}", "x".repeat(MAX_ARTICLE_BYTES as usize));
        let err = parse_file(Path::new("long.txt"), text.as_bytes()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "file of 16.1 MB is over newsdex's 16 MB limit for one article"
        );
        // Gzipped, it is refused once 16 MB are decompressed.
        let err = parse_file(Path::new("long.txt.gz"), &gzip(text.as_bytes())).unwrap_err();
        assert_eq!(
            err.to_string(),
            "decompressed file is over newsdex's 16 MB limit for one article"
        );
        // A JSON file of one article over it fails with the article's size.
        let json = format!(
            "{{\"title\": \"T\", \"text\": \"{}\"}}",
            "y".repeat(MAX_ARTICLE_BYTES as usize)
        );
        let err = parse_file(Path::new("one.json"), json.as_bytes()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "article of 16.1 MB is over newsdex's 16 MB limit for one article"
        );
    }

    #[test]
    fn gzip_is_read_by_its_inner_name() {
        let csv = gzip(b"title,text\nA,a\nB,b\n");
        let parsed = parse_file(Path::new("news.csv.gz"), &csv).unwrap();
        assert_eq!(parsed.articles.len(), 2);
        let truncated = &csv[..csv.len() / 2];
        let err = parse_file(Path::new("news.csv.gz"), truncated).unwrap_err();
        assert!(matches!(err, ReadError::Gzip(_)), "{err}");
    }
}
