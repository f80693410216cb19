//! Co-occurrence networks: who is quoted (or what is named) with whom in
//! the articles a query matches. A node is a speaker or a place, sized by
//! its articles; an edge joins two nodes named in the same articles,
//! weighted by how many. The `--top N` nodes with the most articles are
//! kept (so the graph is the core of the coverage, not its long tail), and
//! the edges between them of at least `--min-weight` articles.
//!
//! Counts come from the fast columns (no article text is read), every
//! matching article counted, a story's copies each as an article — as
//! `--facet speaker` counts them, so a node's size is its facet count.

use std::collections::HashMap;

use serde::Serialize;
use tantivy::collector::DocSetCollector;
use tantivy::schema::Field;

use crate::error::Result;
use crate::search::{NewsSearcher, query};

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
        let mut docs: Vec<tantivy::DocAddress> = searcher
            .search(&*parsed.query, &DocSetCollector)?
            .into_iter()
            .collect();
        docs.sort();
        let fields: Vec<(NodeKind, Field)> = request
            .kinds
            .iter()
            .map(|&kind| {
                let field = match kind {
                    NodeKind::Speaker => schema.core.speaker,
                    NodeKind::Place => schema.core.place,
                };
                (kind, field)
            })
            .collect();

        // Each article's nodes, as indexes into `labels`.
        let mut index_of: HashMap<(NodeKind, String), usize> = HashMap::new();
        let mut labels: Vec<(NodeKind, String)> = Vec::new();
        let mut articles_of: Vec<Vec<usize>> = Vec::with_capacity(docs.len());
        let mut segment_at = usize::MAX;
        let mut columns = Vec::new();
        // Per segment and field: term ordinal → node.
        let mut by_ordinal: Vec<HashMap<u64, usize>> = Vec::new();
        for address in &docs {
            let segment = address.segment_ord as usize;
            if segment != segment_at {
                segment_at = segment;
                let fast = searcher.segment_reader(address.segment_ord).fast_fields();
                columns = fields
                    .iter()
                    .map(|(kind, field)| Ok((*kind, fast.str(schema.name(*field))?)))
                    .collect::<tantivy::Result<Vec<_>>>()?;
                by_ordinal = vec![HashMap::new(); fields.len()];
            }
            let mut nodes = Vec::new();
            for (f, (kind, column)) in columns.iter().enumerate() {
                let Some(column) = column else { continue };
                for ordinal in column.term_ords(address.doc_id) {
                    let node = match by_ordinal[f].get(&ordinal) {
                        Some(&node) => node,
                        None => {
                            let mut label = String::new();
                            column
                                .ord_to_str(ordinal, &mut label)
                                .map_err(tantivy::TantivyError::from)?;
                            let key = (*kind, label);
                            let node = *index_of.entry(key.clone()).or_insert_with(|| {
                                labels.push(key);
                                labels.len() - 1
                            });
                            by_ordinal[f].insert(ordinal, node);
                            node
                        }
                    };
                    if !nodes.contains(&node) {
                        nodes.push(node);
                    }
                }
            }
            articles_of.push(nodes);
        }

        let mut counts = vec![0u64; labels.len()];
        for nodes in &articles_of {
            for &node in nodes {
                counts[node] += 1;
            }
        }
        // The top nodes by articles, then by label.
        let mut order: Vec<usize> = (0..labels.len()).collect();
        order.sort_by(|&a, &b| {
            counts[b]
                .cmp(&counts[a])
                .then_with(|| labels[a].1.cmp(&labels[b].1))
                .then_with(|| labels[a].0.name().cmp(labels[b].0.name()))
        });
        order.truncate(request.top);
        let mut kept = vec![None; labels.len()];
        for (id, &node) in order.iter().enumerate() {
            kept[node] = Some(id);
        }
        let mut weights: HashMap<(usize, usize), u64> = HashMap::new();
        for nodes in &articles_of {
            let mut ids: Vec<usize> = nodes.iter().filter_map(|&n| kept[n]).collect();
            ids.sort_unstable();
            for (i, &a) in ids.iter().enumerate() {
                for &b in &ids[i + 1..] {
                    *weights.entry((a, b)).or_default() += 1;
                }
            }
        }
        let mut edges: Vec<Edge> = weights
            .into_iter()
            .filter(|&(_, weight)| weight >= request.min_weight.max(1))
            .map(|((source, target), weight)| Edge {
                source,
                target,
                weight,
            })
            .collect();
        edges.sort_by(|a, b| {
            b.weight
                .cmp(&a.weight)
                .then_with(|| (a.source, a.target).cmp(&(b.source, b.target)))
        });
        let nodes = order
            .iter()
            .enumerate()
            .map(|(id, &node)| Node {
                id,
                label: labels[node].1.clone(),
                kind: labels[node].0,
                articles: counts[node],
            })
            .collect();
        Ok(Network {
            query: request.query.clone(),
            articles: docs.len() as u64,
            distinct_nodes: labels.len(),
            nodes,
            edges,
        })
    }
}
