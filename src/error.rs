//! Errors of the newsdex library.
//!
//! Each variant names the value or path it concerns, so the command line can
//! print it as is. Per-file problems during indexing are not errors of the
//! run: they are [`crate::read::ReadError`]s, counted and reported while the
//! rest of the corpus is indexed.

use std::path::PathBuf;

use crate::search::query::QueryError;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("invalid schema: {0}")]
    Schema(String),

    #[error(
        "no newsdex index at {path}: run `newsdex index DIR` first (or point --index / NEWSDEX_INDEX at one)"
    )]
    NoIndex { path: PathBuf },

    #[error(
        "the index at {path} was built with a different schema (newsdex version change); \
         rebuild it with `newsdex index --rebuild DIR`"
    )]
    SchemaMismatch { path: PathBuf },

    #[error("`{field}` has no hierarchy to drill into; fields with one: {known}")]
    NoHierarchy { field: String, known: String },

    #[error("no `{part}` under the path `{path}` among the matching articles; there: {known}")]
    UnknownPath {
        path: String,
        part: String,
        known: String,
    },

    #[error("{path}: {reason} (--strict: stopped, nothing of this run was committed)")]
    Strict { path: String, reason: String },

    #[error("no field `{name}` to export; fields: {known}")]
    UnknownField { name: String, known: String },

    #[error("writing output: {0}")]
    Output(#[source] std::io::Error),

    #[error("the index at {path} is locked by another newsdex process that is writing to it")]
    Locked { path: PathBuf },

    /// Writing the index failed for want of space. The run's files are
    /// removed and the index is as of its last commit.
    #[error(
        "disk full: no space left to write the index at {path}. Nothing is half-written: the \
         index is as of its last commit, and the files this run wrote since are removed. Free \
         some space and run the same command again: it completes what this run left undone"
    )]
    DiskFull { path: PathBuf },

    #[error("cannot index {path}")]
    Root {
        path: PathBuf,
        source: std::io::Error,
    },

    #[error("{path}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },

    #[error(transparent)]
    Query(#[from] QueryError),

    /// A request that cannot be answered as asked (the message says how to ask).
    #[error("{0}")]
    Unanswerable(String),

    #[error("unknown facet `{name}`; facets you can count: {known}")]
    UnknownFacet { name: String, known: String },

    /// Exporting to, pushing to or searching another engine.
    #[error("{0}")]
    Remote(String),

    /// No answer came from another engine after a request may have reached
    /// it (a broken connection, a timeout): it may have been acted on.
    #[error("{0}")]
    RemoteUnanswered(String),

    #[error("no article with id `{0}`")]
    NoSuchArticle(String),

    #[error("index error: {0}")]
    Tantivy(#[from] tantivy::TantivyError),

    /// Files of the index that fail their checksum or cannot be read
    /// (`index::check`). Nothing answered from such an index can be
    /// trusted, and only the articles can rebuild it.
    #[error(
        "the index at {path} is damaged: {} failed its checksum or could not be read. \
         Rebuild it from your articles: `newsdex --index {path} index --rebuild <your corpus folder>`",
        crate::index::check::list_files(files)
    )]
    Damaged { path: PathBuf, files: Vec<PathBuf> },

    /// A number beyond what one request may ask for (`search::limits`).
    #[error("{what} {value} is more than one request may ask for (at most {max}){hint}")]
    OverLimit {
        what: &'static str,
        value: usize,
        max: usize,
        /// How to get what was wanted otherwise: "; …", or "".
        hint: &'static str,
    },

    /// A panic caught at the edge of a command or request, when the index's
    /// files all pass their checksums: a bug of newsdex.
    #[error(
        "internal error (a bug in newsdex; please report it with the command that caused it): {0}"
    )]
    Internal(String),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
