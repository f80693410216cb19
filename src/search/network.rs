//! Co-occurrence networks: who is quoted (or what is named) with whom in
//! the articles a query matches. A node is a speaker or a place, sized by
//! its articles; an edge joins two nodes named in the same articles,
//! weighted by how many. The `--top N` nodes with the most articles are
//! kept (so the graph is the core of the coverage, not its long tail), and
//! the edges between them of at least `--min-weight` articles.
//!
//! Counts come from the fast columns (no article text is read), every
//! matching article counted, a story's copies each as an article — as
//! `--facet speaker` counts them, so a node's size is its facet count. Two
//! passes: the facet counts choose the nodes, then only the chosen nodes'
//! ordinals are read to count the edges (a pass that resolved every
//! speaker of every article to text took 3.3 s at 500,000 articles).

use rustc_hash::FxHashMap;
use serde::Serialize;
use tantivy::collector::{Collector, Count, SegmentCollector};
use tantivy::columnar::StrColumn;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use crate::error::Result;
use crate::search::facets::{FacetKind, FacetSpec, block_ords};
use crate::search::{NewsSearcher, count_on_all_cores, query};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum NodeKind {
    Speaker,
    Place,
}

impl NodeKind {
    pub fn name(self) -> &'static str {
        match self {
            NodeKind::Speaker => "speaker",
            NodeKind::Place => "place",
        }
    }
}

#[derive(Debug, Clone)]
pub struct NetworkRequest {
    /// The query, filters applied.
    pub query: String,
    /// Speakers, places, or both.
    pub kinds: Vec<NodeKind>,
    /// Nodes kept: those with the most articles.
    pub top: usize,
    /// Edges of fewer articles in common are left out.
    pub min_weight: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Node {
    pub id: usize,
    pub label: String,
    pub kind: NodeKind,
    /// Matching articles naming it.
    pub articles: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Edge {
    pub source: usize,
    pub target: usize,
    /// Matching articles naming both.
    pub weight: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Network {
    pub query: String,
    /// Matching articles, all of them counted.
    pub articles: u64,
    /// Distinct speakers and places before `top` kept the first.
    pub distinct_nodes: usize,
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
}

impl NewsSearcher {
    pub fn network(&self, request: &NetworkRequest) -> Result<Network> {
        let schema = &self.index.schema;
        let searcher = self.searcher();
        let parsed = query::parse(schema, &self.index.index, &request.query)?;
        let fields: Vec<(NodeKind, String)> = request
            .kinds
            .iter()
            .map(|&kind| {
                let field = match kind {
                    NodeKind::Speaker => schema.core.speaker,
                    NodeKind::Place => schema.core.place,
                };
                (kind, schema.name(field).to_string())
            })
            .collect();

        // The nodes: each kind's facet counts, the top of all kinds kept.
        let facets = self
            .facet_collector(
                fields
                    .iter()
                    .map(|(_, field)| FacetSpec {
                        name: field.clone(),
                        field: field.clone(),
                        kind: FacetKind::Terms { limit: request.top },
                    })
                    .collect(),
            )
            .for_query(&*parsed.query);
        let (articles, counted) = count_on_all_cores(&searcher, &*parsed.query, &(Count, facets))?;
        let distinct_nodes = counted.iter().map(|facet| facet.distinct).sum();
        let mut nodes: Vec<Node> = fields
            .iter()
            .zip(counted)
            .flat_map(|((kind, _), facet)| {
                facet.counts.into_iter().map(move |count| Node {
                    id: 0,
                    label: count.value,
                    kind: *kind,
                    articles: count.count,
                })
            })
            .collect();
        // By articles, then by label.
        nodes.sort_by(|a, b| {
            b.articles
                .cmp(&a.articles)
                .then_with(|| a.label.cmp(&b.label))
                .then_with(|| a.kind.name().cmp(b.kind.name()))
        });
        nodes.truncate(request.top);
        for (id, node) in nodes.iter_mut().enumerate() {
            node.id = id;
        }

        // The edges: a second pass over the same articles, reading only the
        // kept nodes' ordinals.
        let pairs = PairCollector {
            fields: fields
                .iter()
                .map(|(kind, field)| {
                    let kept = nodes
                        .iter()
                        .filter(|node| node.kind == *kind)
                        .map(|node| (node.label.clone(), node.id as u32))
                        .collect();
                    (field.clone(), kept)
                })
                .collect(),
        };
        let weights = count_on_all_cores(&searcher, &*parsed.query, &pairs)?;
        let mut edges: Vec<Edge> = weights
            .into_iter()
            .filter(|&(_, weight)| weight >= request.min_weight.max(1))
            .map(|((source, target), weight)| Edge {
                source: source as usize,
                target: target as usize,
                weight,
            })
            .collect();
        edges.sort_by(|a, b| {
            b.weight
                .cmp(&a.weight)
                .then_with(|| (a.source, a.target).cmp(&(b.source, b.target)))
        });
        Ok(Network {
            query: request.query.clone(),
            articles: articles as u64,
            distinct_nodes,
            nodes,
            edges,
        })
    }
}

/// Articles in common per pair of kept nodes (smaller id first).
type Weights = FxHashMap<(u32, u32), u64>;

/// Counts, per pair of kept nodes, the matching articles naming both.
struct PairCollector {
    /// Per field: its name, and its kept values with their node ids.
    fields: Vec<(String, Vec<(String, u32)>)>,
}

struct PairSegmentCollector {
    /// Per field: its column, and its kept values' ordinals → node ids.
    columns: Vec<(StrColumn, FxHashMap<u64, u32>)>,
    /// (document, node) of the block, and scratch for the column reads.
    named: Vec<(DocId, u32)>,
    docs: Vec<DocId>,
    rows: Vec<u32>,
    ords: Vec<u64>,
    nodes: Vec<u32>,
    weights: Weights,
}

impl Collector for PairCollector {
    type Fruit = Weights;
    type Child = PairSegmentCollector;

    fn for_segment(
        &self,
        _segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<PairSegmentCollector> {
        let fast = reader.fast_fields();
        let mut columns = Vec::new();
        for (field, kept) in &self.fields {
            let Some(column) = fast.str(field)? else {
                continue;
            };
            let mut by_ordinal = FxHashMap::default();
            for (label, node) in kept {
                if let Some(ordinal) = column.dictionary().term_ord(label.as_bytes())? {
                    by_ordinal.insert(ordinal, *node);
                }
            }
            if !by_ordinal.is_empty() {
                columns.push((column, by_ordinal));
            }
        }
        Ok(PairSegmentCollector {
            columns,
            named: Vec::new(),
            docs: Vec::new(),
            rows: Vec::new(),
            ords: Vec::new(),
            nodes: Vec::new(),
            weights: Weights::default(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, segments: Vec<Weights>) -> tantivy::Result<Weights> {
        let mut all = Weights::default();
        for segment in segments {
            for (pair, weight) in segment {
                *all.entry(pair).or_default() += weight;
            }
        }
        Ok(all)
    }
}

impl SegmentCollector for PairSegmentCollector {
    type Fruit = Weights;

    fn collect_block(&mut self, block: &[DocId]) {
        if self.columns.is_empty() {
            return;
        }
        self.named.clear();
        for (column, by_ordinal) in &self.columns {
            block_ords(
                column,
                block,
                &mut self.docs,
                &mut self.rows,
                &mut self.ords,
            );
            for (doc, ordinal) in self.docs.iter().zip(&self.ords) {
                if let Some(&node) = by_ordinal.get(ordinal) {
                    self.named.push((*doc, node));
                }
            }
        }
        self.named.sort_unstable();
        self.named.dedup();
        for article in self.named.chunk_by(|a, b| a.0 == b.0) {
            self.nodes.clear();
            self.nodes.extend(article.iter().map(|(_, node)| *node));
            for (i, &a) in self.nodes.iter().enumerate() {
                for &b in &self.nodes[i + 1..] {
                    *self.weights.entry((a.min(b), a.max(b))).or_default() += 1;
                }
            }
        }
    }

    fn collect(&mut self, doc: DocId, _score: Score) {
        self.collect_block(&[doc]);
    }

    fn harvest(self) -> Weights {
        self.weights
    }
}
