//! The tantivy index: schema, opening, incremental ingest and statistics.

pub mod allocator;
pub mod check;
pub mod clusters;
pub mod document;
pub mod ids;
pub mod in_flight;
pub mod ingest;
pub mod names;
pub mod ordinals;
pub mod schema;
pub mod state;
pub mod stats;
pub mod tokenizers;

use std::path::{Path, PathBuf};

use tantivy::directory::MmapDirectory;
use tantivy::store::{Compressor, ZstdCompressor};
use tantivy::{Index, IndexReader, IndexSettings, ReloadPolicy};

use crate::error::{Error, Result};
use crate::index::schema::NewsSchema;

/// Where the index lives when neither `--index` nor `NEWSDEX_INDEX` says.
pub const DEFAULT_INDEX_DIR: &str = ".newsdex";

/// How a new index is laid out. The stored articles are most of an index
/// (their text, quote and place records); zstd keeps them in about two
/// thirds of the space LZ4, tantivy's default, takes, and reading the ten
/// articles of a page stays well under a millisecond
/// (docs/PERFORMANCE.md, "Index size").
fn index_settings() -> IndexSettings {
    IndexSettings {
        docstore_compression: Compressor::Zstd(ZstdCompressor {
            compression_level: Some(DOCSTORE_ZSTD_LEVEL),
        }),
        ..IndexSettings::default()
    }
}

/// zstd's own default level.
const DOCSTORE_ZSTD_LEVEL: i32 = 3;

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
        let index = if crate::faults::armed() {
            Index::open(crate::faults::FaultyDirectory::open(path)?)?
        } else {
            Index::open_in_dir(path).map_err(|err| check::open_error(path, err))?
        };
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
        let index = if crate::faults::armed() {
            let directory = crate::faults::FaultyDirectory::open(path)?;
            Index::create(directory, schema.tantivy.clone(), index_settings())?
        } else {
            let directory = MmapDirectory::open(path).map_err(tantivy::TantivyError::from)?;
            Index::create(directory, schema.tantivy.clone(), index_settings())?
        };
        tokenizers::register(&index);
        Ok(NewsIndex {
            path: path.to_path_buf(),
            index,
            schema,
        })
    }

    /// A reader that sees the last commit. Opening it reads the footer of
    /// every segment file: an error there names the damaged files
    /// (`check::explain`).
    pub fn reader(&self) -> Result<IndexReader> {
        self.index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|err: tantivy::TantivyError| check::explain(&self.path, err.into()))
    }
}
