//! What an index holds: size, documents, date range, top sources.

use serde::Serialize;

use crate::error::Result;
use crate::search::NewsSearcher;
use crate::search::facets::{DateBucket, FacetCount, FacetKind, FacetSpec};

/// Summary figures of an index.
#[derive(Debug, Clone, Serialize)]
pub struct IndexStats {
    pub index: String,
    pub documents: u64,
    pub index_bytes: u64,
    pub segments: usize,
    pub dated_documents: u64,
    /// Distinct stories: copies of one wire story count once.
    pub stories: u64,
    /// Documents that are further copies of a story (documents − stories).
    pub copies: u64,
    pub date_min: Option<String>,
    pub date_max: Option<String>,
    pub top_sources: Vec<FacetCount>,
}

/// Distinct cluster values among live documents: each segment marks the
/// term ordinals its documents use; with one segment that count is the
/// answer, with several the used terms are read in one pass over each
/// segment's dictionary (looking terms up one by one costs a block decode
/// each: a second for 30,000 clusters).
fn distinct_stories(searcher: &tantivy::Searcher, cluster_field: &str) -> Result<u64> {
    let segments = searcher.segment_readers();
    let mut stories: std::collections::HashSet<Vec<u8>> = std::collections::HashSet::new();
    for segment in segments {
        let Some(column) = segment.fast_fields().str(cluster_field)? else {
            continue;
        };
        let alive = segment.alive_bitset();
        let mut used = vec![false; column.num_terms()];
        for doc in 0..segment.max_doc() {
            if alive.is_some_and(|bits| !bits.is_alive(doc)) {
                continue;
            }
            for ord in column.term_ords(doc) {
                used[ord as usize] = true;
            }
        }
        if segments.len() == 1 {
            return Ok(used.iter().filter(|u| **u).count() as u64);
        }
        let mut terms = column
            .dictionary()
            .stream()
            .map_err(tantivy::TantivyError::from)?;
        let mut ord = 0;
        while terms.advance() {
            if used.get(ord).copied().unwrap_or(false) {
                stories.insert(terms.key().to_vec());
            }
            ord += 1;
        }
    }
    Ok(stories.len() as u64)
}

/// Gathers [`IndexStats`].
pub fn stats(searcher: &NewsSearcher, top_sources: usize) -> Result<IndexStats> {
    let schema = &searcher.index.schema;
    let tantivy_searcher = searcher.searcher();
    let date = schema.name(schema.core.date).to_string();
    let source = schema.name(schema.core.source).to_string();
    let facets = searcher.facets_of_all(vec![
        FacetSpec {
            name: date.clone(),
            field: date,
            kind: FacetKind::Date(DateBucket::Day),
        },
        FacetSpec {
            name: source.clone(),
            field: source,
            kind: FacetKind::Terms { limit: top_sources },
        },
    ])?;
    let documents = tantivy_searcher.num_docs();
    let stories =
        distinct_stories(&tantivy_searcher, schema.name(schema.core.cluster))?.min(documents);
    let days = &facets[0].counts;
    let index_bytes = walkdir::WalkDir::new(&searcher.index.path)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter_map(|e| e.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum();
    Ok(IndexStats {
        index: searcher.index.path.display().to_string(),
        documents,
        stories,
        copies: documents - stories,
        index_bytes,
        segments: tantivy_searcher.segment_readers().len(),
        dated_documents: days.iter().map(|c| c.count).sum(),
        date_min: days.first().map(|c| c.value.clone()),
        date_max: days.last().map(|c| c.value.clone()),
        top_sources: facets[1].counts.clone(),
    })
}
