//! A collector of the addresses of every matching article, in index order.
//!
//! tantivy's `DocSetCollector` gathers them into a hash set, which the
//! analyses then sorted: at 300,000 matches, hashing and sorting cost more
//! than the search. Here each segment appends its documents in order (they
//! arrive in order), and segments are joined in segment order.

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::{DocAddress, DocId, Score, SegmentOrdinal, SegmentReader};

/// Collects the matching articles' addresses, sorted.
pub struct DocList;

pub struct SegmentDocList {
    segment: SegmentOrdinal,
    docs: Vec<DocId>,
}

impl Collector for DocList {
    type Fruit = Vec<DocAddress>;
    type Child = SegmentDocList;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        _reader: &SegmentReader,
    ) -> tantivy::Result<SegmentDocList> {
        Ok(SegmentDocList {
            segment,
            docs: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(
        &self,
        mut segments: Vec<(SegmentOrdinal, Vec<DocId>)>,
    ) -> tantivy::Result<Vec<DocAddress>> {
        segments.sort_by_key(|(segment, _)| *segment);
        Ok(segments
            .into_iter()
            .flat_map(|(segment, docs)| {
                docs.into_iter()
                    .map(move |doc| DocAddress::new(segment, doc))
            })
            .collect())
    }
}

impl SegmentCollector for SegmentDocList {
    type Fruit = (SegmentOrdinal, Vec<DocId>);

    fn collect(&mut self, doc: DocId, _score: Score) {
        self.docs.push(doc);
    }

    fn collect_block(&mut self, docs: &[DocId]) {
        self.docs.extend_from_slice(docs);
    }

    fn harvest(self) -> Self::Fruit {
        (self.segment, self.docs)
    }
}
