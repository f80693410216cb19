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
        FacetSpec {
            name: "cluster".into(),
            field: schema.name(schema.core.cluster).to_string(),
            kind: FacetKind::Terms { limit: 0 },
        },
    ])?;
    let documents = tantivy_searcher.num_docs();
    let stories = (facets[2].distinct as u64).min(documents);
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
