//! WARC (`.warc`, `.warc.gz`): web archives, as crawlers write them
//! (Common Crawl's CC-NEWS, Heritrix, wget `--warc-file`, Browsertrix).
//!
//! A WARC file is a run of records, each a version line (`WARC/1.0`),
//! named fields, a blank line, a block of `Content-Length` bytes and two
//! line ends. A gzipped WARC is one gzip member per record, concatenated,
//! which is what lets archives index into it; a file gzipped whole reads
//! too.
//!
//! Only `response` and `resource` records whose payload is an HTML page are
//! read into memory (up to [`MAX_ARTICLE_BYTES`] each, and as much once
//! decompressed); every other record is counted, skipped and never held, so
//! a multi-gigabyte WARC is streamed. A page over the limit is a problem of
//! its record (only its HTTP header is held, to tell a page from a video).
//! A record whose gzip member is corrupt, whose block is cut short, or that
//! is not followed by a record boundary is reported as a [`Problem`] and the
//! reader picks up at the next gzip member or `WARC/` version line: one bad
//! record never loses the rest of the file.
//!
//! An HTTP response's payload is its body after the status line and
//! headers, de-chunked when `Transfer-Encoding: chunked` and decompressed
//! when `Content-Encoding: gzip` or `deflate` (Common Crawl stores payloads
//! decoded, with those headers renamed, but other crawlers keep them as
//! sent). Its charset comes from the HTTP `Content-Type`, then the page
//! (see `decode`).

use std::io::{self, BufRead, BufReader, Read};

use crate::article::Article;
use crate::read::decode::{self, Hints};
use crate::read::{MAX_ARTICLE_BYTES, Problem, ReadError, article_too_large, html};

/// The most bytes a record's header (version line and fields) may take.
const MAX_HEADER_BYTES: usize = 64 * 1024;

/// What is held of a record over the limit: enough for its HTTP status line
/// and headers, to tell a page over the limit (a problem) from a video or
/// an archive (skipped, not articles).
const HEAD_BYTES: u64 = 64 * 1024;

/// A record's fields this reader uses.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RecordHeader {
    /// `WARC-Type`: `response`, `request`, `metadata`, `warcinfo`, …
    pub kind: String,
    pub target_uri: Option<String>,
    /// `WARC-Date`: when the record was captured.
    pub date: Option<String>,
    pub record_id: Option<String>,
    pub content_type: Option<String>,
    pub content_length: u64,
}

/// An HTML page found in a WARC file, not read yet: the record's header
/// and the HTTP payload's bytes, with the charset the HTTP headers declare.
/// Reading it ([`Page::into_article`]) is most of the work, so a streaming
/// reader hands pages to whichever thread is free.
#[derive(Debug)]
pub struct Page {
    pub header: RecordHeader,
    pub payload: Vec<u8>,
    pub charset: Option<String>,
}

impl Page {
    /// The key of the article within its file: the `WARC-Record-ID`, else
    /// the address.
    pub fn key(&self) -> Option<String> {
        self.header
            .record_id
            .clone()
            .or_else(|| self.header.target_uri.clone())
    }

    /// The page's article, or why it is skipped (see [`page_article`]).
    pub fn into_article(self) -> Result<Article, String> {
        page_article(&self.header, &self.payload, self.charset.as_deref())
    }
}

/// What the reader found next in a WARC file.
#[derive(Debug)]
pub enum Item {
    /// An HTML page.
    Page(Page),
    /// A record that is not a page, and why (`request record`, `HTTP 404`,
    /// `image/jpeg`).
    Skipped(String),
    /// A record that could not be read.
    Problem(Problem),
}

/// A reader that counts the bytes consumed from it.
struct Counting<R> {
    inner: R,
    consumed: u64,
}

impl<R: BufRead> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let read = self.inner.read(buf)?;
        self.consumed += read as u64;
        Ok(read)
    }
}

impl<R: BufRead> BufRead for Counting<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amount: usize) {
        self.consumed += amount as u64;
        self.inner.consume(amount);
    }
}

/// The decompressed bytes of a WARC file, gzip member by member.
enum Members<R: BufRead> {
    Plain(Counting<R>),
    /// Between gzip members (or at the start of the file).
    Between(Counting<R>),
    /// Inside a member that starts at `start` in the file.
    Member {
        decoder: flate2::bufread::GzDecoder<Counting<R>>,
        start: u64,
    },
    /// Only while switching states.
    Switching,
}

impl<R: BufRead> Read for Members<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            match std::mem::replace(self, Members::Switching) {
                Members::Plain(mut inner) => {
                    let read = inner.read(buf);
                    *self = Members::Plain(inner);
                    return read;
                }
                Members::Between(mut inner) => {
                    if inner.fill_buf()?.is_empty() {
                        *self = Members::Between(inner);
                        return Ok(0);
                    }
                    let start = inner.consumed;
                    *self = Members::Member {
                        decoder: flate2::bufread::GzDecoder::new(inner),
                        start,
                    };
                }
                Members::Member { mut decoder, start } => match decoder.read(buf) {
                    Ok(0) if !buf.is_empty() => *self = Members::Between(decoder.into_inner()),
                    other => {
                        *self = Members::Member { decoder, start };
                        return other;
                    }
                },
                Members::Switching => return Ok(0),
            }
        }
    }
}

impl<R: BufRead> Members<R> {
    /// After a gzip error: skips to the next gzip member's magic bytes
    /// (`1f 8b 08`), leaving them unread. A member that failed at its
    /// checksum has been read to its end, so the next one starts right
    /// here; one that failed before a byte of it was consumed is skipped
    /// by at least a byte, so a bad header is never read twice. Plain files
    /// need nothing here.
    fn resync(&mut self) -> io::Result<()> {
        let (mut inner, start) = match std::mem::replace(self, Members::Switching) {
            Members::Member { decoder, start } => (decoder.into_inner(), Some(start)),
            Members::Between(inner) => (inner, None),
            plain => {
                *self = plain;
                return Ok(());
            }
        };
        let mut skip_first = start.is_none_or(|start| inner.consumed == start);
        loop {
            let buffer = inner.fill_buf()?;
            if buffer.is_empty() {
                break;
            }
            let start = usize::from(skip_first);
            skip_first = false;
            let found = buffer.get(start..).and_then(|rest| {
                rest.windows(3)
                    .position(|w| w == [0x1f, 0x8b, 0x08])
                    .map(|at| at + start)
            });
            match found {
                Some(at) => {
                    inner.consume(at);
                    break;
                }
                None => {
                    // Keep the last two bytes: the magic may straddle buffers.
                    let keep = buffer.len().min(2);
                    let consumed = (buffer.len() - keep).max(start.min(buffer.len()));
                    if consumed == 0 {
                        // A buffer of two bytes or fewer that holds no magic.
                        let len = buffer.len();
                        inner.consume(len);
                    } else {
                        inner.consume(consumed);
                    }
                }
            }
        }
        *self = Members::Between(inner);
        Ok(())
    }
}

/// Reads the records of a WARC file one by one.
pub struct WarcReader<R: BufRead> {
    input: BufReader<Members<R>>,
    /// Records started so far (for problem locations: "record 17").
    records: u64,
    /// Skip to the next `WARC/` line before reading a header.
    lost: bool,
    done: bool,
    /// The most bytes of a page held: [`MAX_ARTICLE_BYTES`].
    limit: u64,
}

impl<R: BufRead> WarcReader<R> {
    /// A reader of `input`, gzipped (member by member, or whole) or not.
    pub fn new(input: R, gzipped: bool) -> WarcReader<R> {
        let input = Counting {
            inner: input,
            consumed: 0,
        };
        let members = if gzipped {
            Members::Between(input)
        } else {
            Members::Plain(input)
        };
        WarcReader {
            input: BufReader::with_capacity(64 * 1024, members),
            records: 0,
            lost: false,
            done: false,
            limit: MAX_ARTICLE_BYTES,
        }
    }

    /// The reader with another page limit (tests: no 16 MB pages needed).
    #[cfg(test)]
    fn with_limit(mut self, limit: u64) -> Self {
        self.limit = limit;
        self
    }

    /// Drops what the buffer holds and skips to the next gzip member.
    fn resync(&mut self) {
        let buffered = self.input.buffer().len();
        self.input.consume(buffered);
        if self.input.get_mut().resync().is_err() {
            self.done = true;
        }
        self.lost = true;
    }

    fn problem(&mut self, reason: String, header: Option<&RecordHeader>) -> Item {
        let mut at = format!("record {}", self.records);
        if let Some(uri) = header.and_then(|h| h.target_uri.as_deref()) {
            at.push_str(&format!(" ({uri})"));
        }
        Item::Problem(Problem::new(at, reason))
    }

    /// One line, at most [`MAX_HEADER_BYTES`]; None at the end of the input.
    fn line(&mut self, line: &mut Vec<u8>) -> io::Result<Option<()>> {
        line.clear();
        let read = (&mut self.input)
            .take(MAX_HEADER_BYTES as u64)
            .read_until(b'\n', line)?;
        Ok((read > 0).then_some(()))
    }

    fn next_item(&mut self) -> Option<Item> {
        let mut line = Vec::new();
        // The version line, skipping blank lines (and, after a problem,
        // anything up to the next version line).
        loop {
            match self.line(&mut line) {
                Ok(None) => return None,
                Ok(Some(())) => {}
                Err(err) => {
                    self.records += 1;
                    let item = self.problem(format!("corrupt data: {err}"), None);
                    self.resync();
                    return Some(item);
                }
            }
            if line.starts_with(b"WARC/") {
                self.lost = false;
                break;
            }
            if !self.lost && !line.trim_ascii().is_empty() {
                self.records += 1;
                self.lost = true;
                return Some(self.problem("no WARC record starts here".into(), None));
            }
        }
        self.records += 1;
        let header = match self.header(&mut line) {
            Ok(header) => header,
            Err(reason) => {
                let item = self.problem(reason, None);
                self.resync();
                return Some(item);
            }
        };
        let length = header.content_length;
        let wanted = matches!(header.kind.as_str(), "response" | "resource")
            && header
                .content_type
                .as_deref()
                .is_none_or(|t| t.contains("http") || is_html_type(t));
        // Of a record too large to be an article, only enough to tell
        // whether it is a page (its HTTP status and headers) is held.
        let whole = length <= self.limit;
        let held = match (wanted, whole) {
            (false, _) => 0,
            (true, true) => length,
            (true, false) => HEAD_BYTES.min(length),
        };
        let outcome = (|| {
            let mut block = Vec::with_capacity(held.min(1 << 20) as usize);
            let read = (&mut self.input).take(held).read_to_end(&mut block)? as u64;
            let rest = io::copy(&mut (&mut self.input).take(length - held), &mut io::sink())?;
            Ok::<_, io::Error>((read + rest, wanted.then_some(block)))
        })();
        let (read, block) = match outcome {
            Ok(found) => found,
            Err(err) => {
                let item = self.problem(format!("corrupt data: {err}"), Some(&header));
                self.resync();
                return Some(item);
            }
        };
        if read < length {
            self.done = true;
            return Some(self.problem(
                format!("cut short: {read} of its {length} bytes are in the file"),
                Some(&header),
            ));
        }
        // The two line ends after the block.
        let boundary = self
            .input
            .fill_buf()
            .map(|b| b.to_vec())
            .unwrap_or_default();
        let ends = boundary
            .iter()
            .take(4)
            .take_while(|&&b| b == b'\r' || b == b'\n')
            .count();
        self.input.consume(ends);
        if ends == 0 && !boundary.is_empty() {
            // More follows, but no record boundary: the length was wrong,
            // so the block is not the record's.
            self.lost = true;
            return Some(self.problem(
                "no record boundary after its Content-Length bytes (a wrong length?)".into(),
                Some(&header),
            ));
        }
        Some(match block {
            None => Item::Skipped(format!("{} record", kind_name(&header.kind))),
            Some(head) if !whole => match kind(&header, &head) {
                Kind::NotAPage(reason) => Item::Skipped(reason),
                Kind::Resource | Kind::Http(_) => {
                    self.problem(article_too_large("page", Some(length)), Some(&header))
                }
            },
            Some(block) => {
                let uri = header.target_uri.clone();
                match page(header, block, self.limit) {
                    Ok(item) => item,
                    Err(reason) => {
                        let header = RecordHeader {
                            target_uri: uri,
                            ..RecordHeader::default()
                        };
                        self.problem(reason, Some(&header))
                    }
                }
            }
        })
    }

    /// The named fields after the version line.
    fn header(&mut self, line: &mut Vec<u8>) -> Result<RecordHeader, String> {
        let mut header = RecordHeader::default();
        let mut length = None;
        let mut total = 0;
        loop {
            match self.line(line) {
                Ok(Some(())) => {}
                Ok(None) => return Err("cut short in its header".into()),
                Err(err) => return Err(format!("corrupt data: {err}")),
            }
            total += line.len();
            if total > MAX_HEADER_BYTES {
                return Err(format!("header over {MAX_HEADER_BYTES} bytes"));
            }
            let text = String::from_utf8_lossy(line);
            let text = text.trim_end_matches(['\r', '\n']);
            if text.is_empty() {
                break;
            }
            let Some((name, value)) = text.split_once(':') else {
                continue;
            };
            let value = value.trim().to_string();
            match name.trim().to_ascii_lowercase().as_str() {
                "warc-type" => header.kind = value.to_ascii_lowercase(),
                "warc-target-uri" => {
                    header.target_uri = Some(value.trim_matches(['<', '>']).to_string());
                }
                "warc-date" => header.date = Some(value),
                "warc-record-id" => header.record_id = Some(value),
                "content-type" => header.content_type = Some(value),
                "content-length" => length = value.parse::<u64>().ok(),
                _ => {}
            }
        }
        header.content_length = length.ok_or("no valid Content-Length")?;
        Ok(header)
    }
}

impl<R: BufRead> Iterator for WarcReader<R> {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        if self.done {
            return None;
        }
        let item = self.next_item();
        if item.is_none() {
            self.done = true;
        }
        item
    }
}

fn kind_name(kind: &str) -> &str {
    if kind.is_empty() { "untyped" } else { kind }
}

fn is_html_type(content_type: &str) -> bool {
    let media = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    matches!(media.as_str(), "text/html" | "application/xhtml+xml")
}

/// The page in a response or resource record, or why there is none.
/// What a record's block holds.
enum Kind {
    /// A document itself (a `resource` record).
    Resource,
    /// An HTTP response whose payload is an HTML page.
    Http(HttpResponse),
    /// Anything else, and why it is skipped.
    NotAPage(String),
}

/// What `block` holds, from its HTTP status and headers (the start of a
/// block is enough).
fn kind(header: &RecordHeader, block: &[u8]) -> Kind {
    let is_http = header
        .content_type
        .as_deref()
        .is_some_and(|t| t.contains("application/http"))
        || block.starts_with(b"HTTP/");
    if !is_http {
        return Kind::Resource;
    }
    let Some(response) = HttpResponse::parse(block) else {
        return Kind::NotAPage("response without an HTTP header".into());
    };
    if !(200..300).contains(&response.status) {
        return Kind::NotAPage(format!("HTTP {} response", response.status));
    }
    match response.header("content-type") {
        Some(t) if !is_html_type(t) => {
            let media = t.split(';').next().unwrap_or(t).trim().to_ascii_lowercase();
            Kind::NotAPage(format!("{media} response"))
        }
        None if !looks_like_html(&block[response.body_start..]) => {
            Kind::NotAPage("response without a content type that is not HTML".into())
        }
        _ => Kind::Http(response),
    }
}

/// The page a record holds, or why it is skipped; Err with the reason when
/// the page is over `limit` once decompressed (a problem of the record).
fn page(header: RecordHeader, block: Vec<u8>, limit: u64) -> Result<Item, String> {
    let response = match kind(&header, &block) {
        Kind::NotAPage(reason) => return Ok(Item::Skipped(reason)),
        Kind::Http(response) => response,
        Kind::Resource => {
            // A resource record holds the document itself.
            let charset = header
                .content_type
                .as_deref()
                .and_then(decode::charset_of_content_type)
                .map(str::to_string);
            return Ok(Item::Page(Page {
                header,
                payload: block,
                charset,
            }));
        }
    };
    let charset = response
        .header("content-type")
        .and_then(decode::charset_of_content_type)
        .map(str::to_string);
    let payload = match response.payload(&block, limit) {
        Ok(payload) => payload,
        Err(Payload::Unread(reason)) => return Ok(Item::Skipped(reason)),
        Err(Payload::TooLarge) => {
            return Err(article_too_large("decompressed page", None));
        }
    };
    Ok(Item::Page(Page {
        header,
        payload,
        charset,
    }))
}

/// Why a response's payload is not read.
enum Payload {
    /// Compressed in a way not supported, or not decompressing: skipped.
    Unread(String),
    /// Over the limit once decompressed.
    TooLarge,
}

fn looks_like_html(body: &[u8]) -> bool {
    let head: Vec<u8> = body
        .trim_ascii_start()
        .iter()
        .take(512)
        .map(u8::to_ascii_lowercase)
        .collect();
    head.starts_with(b"<!doctype html")
        || head.windows(5).any(|w| w == b"<html")
        || head.windows(5).any(|w| w == b"<head")
}

/// The status line and headers of an HTTP response held in a record.
struct HttpResponse {
    status: u16,
    headers: Vec<(String, String)>,
    body_start: usize,
}

impl HttpResponse {
    fn parse(block: &[u8]) -> Option<HttpResponse> {
        let end = find(block, b"\r\n\r\n")
            .map(|at| (at, at + 4))
            .or_else(|| find(block, b"\n\n").map(|at| (at, at + 2)))?;
        let head = String::from_utf8_lossy(&block[..end.0]);
        let mut lines = head.lines();
        let status = lines.next()?.split_whitespace().nth(1)?.parse().ok()?;
        let headers = lines
            .filter_map(|line| {
                let (name, value) = line.split_once(':')?;
                Some((name.trim().to_ascii_lowercase(), value.trim().to_string()))
            })
            .collect();
        Some(HttpResponse {
            status,
            headers,
            body_start: end.1,
        })
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The body as the server meant it: de-chunked and decompressed when
    /// the headers say so and the bytes agree.
    fn payload(&self, block: &[u8], limit: u64) -> Result<Vec<u8>, Payload> {
        let mut body = block[self.body_start..].to_vec();
        let chunked = self
            .header("transfer-encoding")
            .is_some_and(|v| v.to_ascii_lowercase().contains("chunked"));
        if chunked && let Some(joined) = dechunk(&body) {
            body = joined;
        }
        let encoding = self
            .header("content-encoding")
            .map(|v| v.trim().to_ascii_lowercase());
        match encoding.as_deref() {
            Some("gzip" | "x-gzip") if body.starts_with(&[0x1f, 0x8b]) => {
                inflate(flate2::read::MultiGzDecoder::new(&body[..]), limit)
            }
            Some("deflate") if !looks_like_html(&body) => {
                match inflate(flate2::read::ZlibDecoder::new(&body[..]), limit) {
                    Err(Payload::Unread(_)) => {
                        inflate(flate2::read::DeflateDecoder::new(&body[..]), limit)
                    }
                    other => other,
                }
            }
            Some(other @ ("br" | "zstd" | "compress")) if !looks_like_html(&body) => Err(
                Payload::Unread(format!("{other}-compressed response (not supported)")),
            ),
            _ => Ok(body),
        }
    }
}

fn inflate(decoder: impl Read, limit: u64) -> Result<Vec<u8>, Payload> {
    let mut out = Vec::new();
    decoder.take(limit + 1).read_to_end(&mut out).map_err(|e| {
        Payload::Unread(format!("compressed response that does not decompress: {e}"))
    })?;
    if out.len() as u64 > limit {
        return Err(Payload::TooLarge);
    }
    Ok(out)
}

/// `Transfer-Encoding: chunked` undone; None when the body is not chunked
/// after all.
fn dechunk(body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    let mut pos = 0;
    loop {
        let line_end = find(&body[pos..], b"\n")? + pos;
        let size_text = String::from_utf8_lossy(&body[pos..line_end]);
        let size_text = size_text.trim().split(';').next().unwrap_or("").trim();
        let size = usize::from_str_radix(size_text, 16).ok()?;
        pos = line_end + 1;
        if size == 0 {
            return Some(out);
        }
        let chunk = body.get(pos..pos.checked_add(size)?)?;
        out.extend_from_slice(chunk);
        pos += size;
        // The line end after the chunk.
        while pos < body.len() && matches!(body[pos], b'\r' | b'\n') {
            pos += 1;
            if body[pos - 1] == b'\n' {
                break;
            }
        }
        if pos >= body.len() {
            return Some(out);
        }
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The article of a page found in a WARC file, or why it is skipped.
///
/// The page's charset comes from the HTTP header, then the page; its URL
/// is its canonical one, else the record's target URI; its date is the
/// page's, else the day of capture (`WARC-Date`), which can only be later
/// than the publication. Its record key is the `WARC-Record-ID`, unique in
/// the file, so a rerun gives every article the id it had.
pub fn page_article(
    header: &RecordHeader,
    payload: &[u8],
    charset: Option<&str>,
) -> Result<Article, String> {
    let tld = header
        .target_uri
        .as_deref()
        .and_then(host_of)
        .and_then(|host| host.rsplit('.').next().map(str::to_ascii_lowercase));
    let hints = Hints {
        transport: charset,
        markup: true,
        tld: tld.as_deref(),
    };
    let (text, _) = decode::decode_with(payload, &hints).map_err(|e| match e {
        ReadError::Binary => "page that is binary, not text".to_string(),
        other => other.to_string(),
    })?;
    let mut article =
        html::parse_page(&text, header.target_uri.as_deref()).map_err(|e| match e {
            ReadError::NotAnArticle { reason } => reason,
            other => other.to_string(),
        })?;
    if article.date.is_none() {
        article.date = header
            .date
            .as_deref()
            .and_then(crate::read::datetime::parse_day);
    }
    article.record = header
        .record_id
        .clone()
        .or_else(|| header.target_uri.clone());
    // A page's text over the limit is cut with a note in the text itself
    // (a page is read by the worker, past the place problems are reported
    // from); one whose title and fields alone are over it is skipped.
    crate::read::fit_text(&mut article)?;
    Ok(article)
}

/// The host of an absolute http(s) URL.
pub fn host_of(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?;
    let host = host.split(':').next()?;
    (!host.is_empty()).then_some(host)
}

/// Reads a whole WARC file held in memory (`newsdex extract`, small files):
/// its articles and problems, and the reasons records were skipped.
pub fn parse_warc(bytes: &[u8], gzipped: bool) -> (Vec<Article>, Vec<Problem>, Vec<String>) {
    let mut articles = Vec::new();
    let mut problems = Vec::new();
    let mut skipped = Vec::new();
    for_each_article(WarcReader::new(bytes, gzipped), &mut |outcome| {
        match outcome {
            Outcome::Article(article) => articles.push(*article),
            Outcome::Problem(problem) => problems.push(problem),
            Outcome::Skipped(reason) => skipped.push(reason),
        }
        true
    });
    (articles, problems, skipped)
}

/// What one record of a WARC file comes to.
#[derive(Debug)]
pub enum Outcome {
    Article(Box<Article>),
    Problem(Problem),
    Skipped(String),
}

/// Feeds `emit` the outcome of every record; `emit` returns false to stop.
pub fn for_each_article<R: BufRead>(reader: WarcReader<R>, emit: &mut dyn FnMut(Outcome) -> bool) {
    for item in reader {
        let outcome = match item {
            Item::Page(page) => match page.into_article() {
                Ok(article) => Outcome::Article(Box::new(article)),
                Err(reason) => Outcome::Skipped(reason),
            },
            Item::Skipped(reason) => Outcome::Skipped(reason),
            Item::Problem(problem) => Outcome::Problem(problem),
        };
        if !emit(outcome) {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    const PAGE: &str = "<html><head><title>Harbour reopens</title></head><body><article>\
        <h1>Harbour reopens after storm</h1>\
        <p>The harbour reopened on Tuesday after a week of repairs to the sea wall, the port authority said.</p>\
        <p>Fishing boats were the first to leave, and ferries will follow on Thursday morning.</p>\
        </article></body></html>";

    fn record(kind: &str, uri: &str, id: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
        let mut out = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2019-11-20T10:00:00Z\r\n\
             WARC-Record-ID: <urn:uuid:{id}>\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        out.extend_from_slice(block);
        out.extend_from_slice(b"\r\n\r\n");
        out
    }

    fn response(uri: &str, id: &str, http_headers: &str, body: &[u8]) -> Vec<u8> {
        let mut block = format!("HTTP/1.1 200 OK\r\n{http_headers}\r\n").into_bytes();
        block.extend_from_slice(body);
        record(
            "response",
            uri,
            id,
            "application/http; msgtype=response",
            &block,
        )
    }

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all(bytes).unwrap();
        encoder.finish().unwrap()
    }

    fn crawl() -> Vec<Vec<u8>> {
        vec![
            record(
                "warcinfo",
                "",
                "0",
                "application/warc-fields",
                b"software: test\r\n",
            ),
            record(
                "request",
                "https://news.example/a",
                "1",
                "application/http; msgtype=request",
                b"GET /a HTTP/1.1\r\n\r\n",
            ),
            response(
                "https://news.example/2019/11/20/harbour",
                "2",
                "Content-Type: text/html; charset=utf-8\r\n",
                PAGE.as_bytes(),
            ),
            response(
                "https://news.example/logo.png",
                "3",
                "Content-Type: image/png\r\n",
                b"\x89PNG....",
            ),
            record(
                "metadata",
                "https://news.example/a",
                "4",
                "application/warc-fields",
                b"fetchTimeMs: 12\r\n",
            ),
        ]
    }

    fn read(bytes: &[u8], gzipped: bool) -> (Vec<Article>, Vec<Problem>, Vec<String>) {
        parse_warc(bytes, gzipped)
    }

    #[test]
    fn html_responses_become_articles_and_the_rest_is_counted() {
        let plain: Vec<u8> = crawl().concat();
        let (articles, problems, skipped) = read(&plain, false);
        assert_eq!(articles.len(), 1);
        assert!(problems.is_empty(), "{problems:?}");
        let article = &articles[0];
        assert_eq!(
            article.title.as_deref(),
            Some("Harbour reopens after storm")
        );
        assert!(article.body.starts_with("The harbour reopened on Tuesday"));
        assert_eq!(
            article.url.as_deref(),
            Some("https://news.example/2019/11/20/harbour")
        );
        assert_eq!(article.record.as_deref(), Some("<urn:uuid:2>"));
        assert_eq!(
            skipped,
            [
                "warcinfo record",
                "request record",
                "image/png response",
                "metadata record"
            ]
        );
    }

    #[test]
    fn gzip_member_per_record_and_whole_file_gzip_read_alike() {
        let members: Vec<u8> = crawl().iter().flat_map(|r| gzip(r)).collect();
        let whole = gzip(&crawl().concat());
        for bytes in [members, whole] {
            let (articles, problems, skipped) = read(&bytes, true);
            assert_eq!(articles.len(), 1);
            assert!(problems.is_empty(), "{problems:?}");
            assert_eq!(skipped.len(), 4);
        }
    }

    #[test]
    fn a_page_over_the_limit_is_a_problem_and_a_large_video_is_skipped() {
        let mut records = crawl();
        let long_page = PAGE.replace("Fishing boats", &"Fishing boats ".repeat(100));
        records.push(response(
            "https://news.example/long",
            "5",
            "Content-Type: text/html\r\n",
            long_page.as_bytes(),
        ));
        records.push(response(
            "https://news.example/clip.mp4",
            "6",
            "Content-Type: video/mp4\r\n",
            &[7u8; 3000],
        ));
        // A page under the limit on the wire that decompresses over it.
        records.push(response(
            "https://news.example/packed",
            "7",
            "Content-Type: text/html\r\nContent-Encoding: gzip\r\n",
            &gzip(long_page.as_bytes()),
        ));
        let mut articles = Vec::new();
        let mut problems = Vec::new();
        let mut skipped = Vec::new();
        let bytes = crawl_bytes(&records);
        let reader = WarcReader::new(&bytes[..], false).with_limit(1000);
        for_each_article(reader, &mut |outcome| {
            match outcome {
                Outcome::Article(article) => articles.push(article.title.clone().unwrap()),
                Outcome::Problem(problem) => problems.push(problem.to_string()),
                Outcome::Skipped(reason) => skipped.push(reason),
            }
            true
        });
        assert_eq!(articles, ["Harbour reopens after storm"]);
        assert_eq!(
            problems,
            [
                "record 6 (https://news.example/long): page of 0.1 MB is over newsdex's 16 MB limit for one article",
                "record 8 (https://news.example/packed): decompressed page is over newsdex's 16 MB limit for one article",
            ]
        );
        assert!(
            skipped.contains(&"video/mp4 response".to_string()),
            "{skipped:?}"
        );
    }

    fn crawl_bytes(records: &[Vec<u8>]) -> Vec<u8> {
        records.concat()
    }

    #[test]
    fn a_corrupt_member_is_reported_and_the_records_after_it_are_read() {
        let mut records = crawl();
        records.push(response(
            "https://news.example/second",
            "5",
            "Content-Type: text/html\r\n",
            PAGE.replace("Harbour", "Bridge").as_bytes(),
        ));
        let mut bytes = Vec::new();
        for (i, r) in records.iter().enumerate() {
            let mut member = gzip(r);
            if i == 2 {
                // Damage the deflate data of the first page's member.
                let middle = member.len() / 2;
                for b in &mut member[middle..middle + 8] {
                    *b ^= 0x5a;
                }
            }
            bytes.extend(member);
        }
        let (articles, problems, _) = read(&bytes, true);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].at.starts_with("record 3"), "{problems:?}");
        let titles: Vec<_> = articles.iter().map(|a| a.title.clone().unwrap()).collect();
        assert_eq!(titles, ["Bridge reopens after storm"]);
    }

    #[test]
    fn a_wrong_length_and_a_truncated_tail_are_reported() {
        let mut bytes = crawl().concat();
        // A record whose Content-Length is too short: what follows is not a
        // record boundary, so the reader skips to the next version line.
        let block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>x</p>";
        let bad = record(
            "response",
            "https://news.example/bad",
            "6",
            "application/http",
            block,
        );
        let bad = String::from_utf8(bad).unwrap().replace(
            &format!("Content-Length: {}", block.len()),
            "Content-Length: 20",
        );
        bytes.extend(bad.into_bytes());
        bytes.extend(response(
            "https://news.example/after",
            "7",
            "Content-Type: text/html\r\n",
            PAGE.replace("Harbour", "Tunnel").as_bytes(),
        ));
        // A last record cut short.
        let cut = response(
            "https://news.example/cut",
            "8",
            "Content-Type: text/html\r\n",
            PAGE.as_bytes(),
        );
        bytes.extend(&cut[..cut.len() / 2]);
        let (articles, problems, _) = read(&bytes, false);
        let titles: Vec<_> = articles.iter().map(|a| a.title.clone().unwrap()).collect();
        assert_eq!(
            titles,
            ["Harbour reopens after storm", "Tunnel reopens after storm"]
        );
        assert!(
            problems[0].reason.contains("no record boundary"),
            "{problems:?}"
        );
        assert!(
            problems.last().unwrap().reason.contains("cut short"),
            "{problems:?}"
        );
    }

    #[test]
    fn payloads_are_dechunked_decompressed_and_decoded_by_the_http_charset() {
        let latin = PAGE.replace("harbour reopened", "caf\u{e9} reopened");
        let (latin_bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&latin);
        let compressed = gzip(&latin_bytes);
        let mut chunked = Vec::new();
        for chunk in compressed.chunks(100) {
            chunked.extend(format!("{:x}\r\n", chunk.len()).into_bytes());
            chunked.extend_from_slice(chunk);
            chunked.extend_from_slice(b"\r\n");
        }
        chunked.extend_from_slice(b"0\r\n\r\n");
        let bytes = response(
            "https://news.example/fr",
            "9",
            "Content-Type: text/html; charset=ISO-8859-1\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n",
            &chunked,
        );
        let (articles, problems, skipped) = read(&bytes, false);
        assert!(
            problems.is_empty() && skipped.is_empty(),
            "{problems:?} {skipped:?}"
        );
        assert!(
            articles[0].body.contains("The café reopened"),
            "{}",
            articles[0].body
        );
    }

    #[test]
    fn the_capture_date_is_used_only_without_a_page_date() {
        let (articles, _, _) = read(&crawl().concat(), false);
        assert_eq!(articles[0].date.unwrap().to_string(), "2019-11-20");
        let dated = PAGE.replace(
            "<title>",
            "<meta property=\"article:published_time\" content=\"2019-11-18T08:00:00Z\"><title>",
        );
        let bytes = response(
            "https://x.example/p",
            "10",
            "Content-Type: text/html\r\n",
            dated.as_bytes(),
        );
        let (articles, _, _) = read(&bytes, false);
        assert_eq!(articles[0].date.unwrap().to_string(), "2019-11-18");
    }

    #[test]
    fn error_pages_and_non_articles_are_skipped_with_a_reason() {
        let mut block = b"HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n".to_vec();
        block.extend_from_slice(PAGE.as_bytes());
        let mut bytes = record(
            "response",
            "https://x.example/gone",
            "11",
            "application/http",
            &block,
        );
        bytes.extend(response(
            "https://x.example/",
            "12",
            "Content-Type: text/html\r\n",
            b"<html><body><nav><a href=/a>Home</a></nav></body></html>",
        ));
        let (articles, problems, skipped) = read(&bytes, false);
        assert!(articles.is_empty() && problems.is_empty());
        assert_eq!(skipped[0], "HTTP 404 response");
        assert!(
            skipped[1].starts_with("a page without article text"),
            "{skipped:?}"
        );
    }

    #[test]
    fn random_bytes_never_panic() {
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let base = crawl().concat();
        let gz: Vec<u8> = crawl().iter().flat_map(|r| gzip(r)).collect();
        for round in 0..300 {
            let source = if round % 2 == 0 { &base } else { &gz };
            let mut bytes = source.clone();
            for _ in 0..(round % 7 + 1) {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                let at = (state as usize) % bytes.len();
                bytes[at] = (state >> 32) as u8;
            }
            let cut = (state as usize >> 3) % (bytes.len() + 1);
            let _ = read(&bytes[..cut], round % 2 == 1);
        }
    }

    #[test]
    fn hosts_of_urls() {
        assert_eq!(
            host_of("https://www.thesun.co.uk/news/1"),
            Some("www.thesun.co.uk")
        );
        assert_eq!(host_of("http://user@host.de:8080/x"), Some("host.de"));
        assert_eq!(host_of("not a url"), None);
    }
}
