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

/// Files larger than this are refused rather than loaded into memory.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

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
    #[error(
        "file is {size} bytes, over the {limit}-byte limit for a file read whole (JSON Lines, CSV and TSV of any size are streamed)"
    )]
    TooLarge { size: u64, limit: u64 },
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

/// A file's bytes, refused when over [`MAX_FILE_BYTES`].
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, ReadError> {
    let file = std::fs::File::open(path)?;
    let size = file.metadata()?.len();
    if size > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge {
            size,
            limit: MAX_FILE_BYTES,
        });
    }
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
    Ok(bytes)
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
        let inner = gunzip(bytes)?;
        let inner_name = path.file_stem().map(Path::new).unwrap_or(Path::new(""));
        if inner_name
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("gz"))
        {
            return Err(ReadError::Gzip("gzip inside gzip".into()));
        }
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
    let mut problems = Vec::new();
    let parsed = match format {
        Format::PlainText => {
            let article = plain_text::parse(&text);
            if article.body.trim().is_empty() && article.title.is_none() {
                return Err(ReadError::Empty);
            }
            return Ok(ParsedFile {
                text: Some(text),
                articles: vec![article],
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

/// Decompresses gzip, refusing output over [`MAX_FILE_BYTES`].
fn gunzip(bytes: &[u8]) -> Result<Vec<u8>, ReadError> {
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(bytes)
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut out)
        .map_err(|e| ReadError::Gzip(e.to_string()))?;
    if out.len() as u64 > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge {
            size: out.len() as u64,
            limit: MAX_FILE_BYTES,
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
    fn gzip_is_read_by_its_inner_name() {
        let csv = gzip(b"title,text\nA,a\nB,b\n");
        let parsed = parse_file(Path::new("news.csv.gz"), &csv).unwrap();
        assert_eq!(parsed.articles.len(), 2);
        let truncated = &csv[..csv.len() / 2];
        let err = parse_file(Path::new("news.csv.gz"), truncated).unwrap_err();
        assert!(matches!(err, ReadError::Gzip(_)), "{err}");
    }
}
