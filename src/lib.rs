//! newsdex: a search engine for news corpora.
//!
//! Data flows one way through the modules, each a stage:
//!
//! ```text
//! read (file formats) → Article → extract (dateline, date, …) → index (tantivy)
//!                                                     → search (query, snippets, facets) → render
//! ```
//!
//! The `newsdex` binary is a thin command line over this library.

pub mod article;
pub mod error;
pub mod extract;
pub mod faults;
pub mod gazetteer;
pub mod index;
pub mod panics;
pub mod read;
pub mod remote;
pub mod render;
pub mod search;
pub mod serve;

pub use article::Article;
pub use error::{Error, Result};
