//! The tantivy index: schema, opening, incremental ingest and statistics.

pub mod clusters;
pub mod document;
pub mod ids;
pub mod in_flight;
pub mod ingest;
pub mod names;
pub mod schema;
pub mod state;
pub mod stats;
pub mod tokenizers;

use std::path::{Path, PathBuf};

use tantivy::directory::MmapDirectory;
use tantivy::{Index, IndexReader, ReloadPolicy};

use crate::error::{Error, Result};
use crate::index::schema::NewsSchema;

/// Where the index lives when neither `--index` nor `NEWSDEX_INDEX` says.
pub const DEFAULT_INDEX_DIR: &str = ".newsdex";

/// An open newsdex index.
pub struct NewsIndex {
    pub path: PathBuf,
    pub index: Index,
    pub schema: NewsSchema,
}

impl NewsIndex {
    /// Opens the index at `path`, which must exist and match this binary's schema.
    pub fn open(path: &Path) -> Result<NewsIndex> {
        if !path.join("meta.json").is_file() {
            return Err(Error::NoIndex {
                path: path.to_path_buf(),
            });
        }
        let schema = NewsSchema::builtin();
        let index = Index::open_in_dir(path)?;
        if index.schema() != schema.tantivy {
            return Err(Error::SchemaMismatch {
                path: path.to_path_buf(),
            });
        }
        tokenizers::register(&index);
        Ok(NewsIndex {
            path: path.to_path_buf(),
            index,
            schema,
        })
    }

    /// Opens the index at `path`, creating an empty one when there is none.
    pub fn open_or_create(path: &Path) -> Result<NewsIndex> {
        if path.join("meta.json").is_file() {
            return NewsIndex::open(path);
        }
        std::fs::create_dir_all(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let schema = NewsSchema::builtin();
        let directory = MmapDirectory::open(path).map_err(tantivy::TantivyError::from)?;
        let index = Index::create(directory, schema.tantivy.clone(), Default::default())?;
        tokenizers::register(&index);
        Ok(NewsIndex {
            path: path.to_path_buf(),
            index,
            schema,
        })
    }

    /// A reader that sees the last commit.
    pub fn reader(&self) -> Result<IndexReader> {
        Ok(self
            .index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?)
    }
}
