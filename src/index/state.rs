//! What the index already holds, per file: the basis of incremental indexing.
//!
//! Read from fast fields (columns), not stored documents, so loading the
//! state of a large index touches a few compact columns only.

use std::collections::HashMap;

use tantivy::Searcher;

use crate::error::Result;
use crate::index::document::FileFingerprint;
use crate::index::schema::NewsSchema;

/// The fingerprint of every indexed file, by absolute path.
pub fn indexed_files(
    searcher: &Searcher,
    schema: &NewsSchema,
) -> Result<HashMap<String, FileFingerprint>> {
    let core = &schema.core;
    let mut files = HashMap::new();
    for segment in searcher.segment_readers() {
        let fast = segment.fast_fields();
        let Some(paths) = fast.str(schema.name(core.path))? else {
            continue;
        };
        let sizes = fast.u64(schema.name(core.file_size))?;
        let mtimes = fast.u64(schema.name(core.file_mtime))?;
        let hashes = fast.u64(schema.name(core.content_hash))?;
        let alive = segment.alive_bitset();
        let mut path = String::new();
        for doc in 0..segment.max_doc() {
            if alive.is_some_and(|bits| !bits.is_alive(doc)) {
                continue;
            }
            let Some(path_ord) = paths.term_ords(doc).next() else {
                continue;
            };
            path.clear();
            paths
                .ord_to_str(path_ord, &mut path)
                .map_err(tantivy::TantivyError::from)?;
            let fingerprint = FileFingerprint {
                size: sizes.first(doc).unwrap_or_default(),
                mtime_ns: mtimes.first(doc).unwrap_or_default(),
                content_hash: hashes.first(doc).unwrap_or_default(),
            };
            files.insert(path.clone(), fingerprint);
        }
    }
    Ok(files)
}
