//! Reading files into [`Article`]s.
//!
//! One submodule per format; [`read_file`] picks the reader by extension.
//! A problem with one file is a [`ReadError`]: reported with the path and
//! counted, never fatal to a run.

pub mod decode;
pub mod plain_text;

use std::io::Read;
use std::path::Path;

use crate::article::Article;

/// Files larger than this are refused rather than loaded into memory.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Extensions of the formats newsdex reads (lower case).
pub const EXTENSIONS: [&str; 1] = ["txt"];

/// Why one file could not be indexed.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("binary file (NUL or control bytes), not text")]
    Binary,
    #[error("no text in the file")]
    Empty,
    #[error("file is {size} bytes, over the {limit}-byte limit for one article file")]
    TooLarge { size: u64, limit: u64 },
}

/// Whether newsdex reads files with this path's extension.
pub fn is_supported(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|known| e.eq_ignore_ascii_case(known)))
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

/// Parses a file's bytes into its decoded text and articles (one for plain
/// text). Article offsets (`body_start`) are into the returned text.
pub fn parse_bytes(bytes: &[u8]) -> Result<(String, Vec<Article>), ReadError> {
    let (text, _encoding) = decode::decode(bytes)?;
    let article = plain_text::parse(&text);
    if article.body.trim().is_empty() && article.title.is_none() {
        return Err(ReadError::Empty);
    }
    Ok((text, vec![article]))
}
