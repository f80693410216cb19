//! Copies of one story share a cluster id, assigned as documents are
//! written: a new article joins the cluster of the first known article
//! whose MinHash signature says it is a copy (see `extract::minhash`), else
//! starts its own, named by its id. Known articles are those already in the
//! index (read from fast fields when a run starts) and those written
//! earlier in the run. Only the writer thread assigns, so every article is
//! compared with everything before it, whatever the reading order.

use std::collections::HashMap;

use tantivy::Searcher;

use crate::error::Result;
use crate::extract::minhash::{self, COPY, Signature};
use crate::index::schema::NewsSchema;

#[derive(Default)]
pub struct Clusters {
    known: Vec<(Signature, String)>,
    /// Band key → indexes into `known`.
    bands: HashMap<u64, Vec<u32>>,
}

impl Clusters {
    /// The signatures and clusters of the articles already indexed.
    pub fn load(searcher: &Searcher, schema: &NewsSchema) -> Result<Clusters> {
        let mut clusters = Clusters::default();
        for segment in searcher.segment_readers() {
            let fast = segment.fast_fields();
            let (Some(signatures), Some(ids)) = (
                fast.str(schema.name(schema.core.signature))?,
                fast.str(schema.name(schema.core.cluster))?,
            ) else {
                continue;
            };
            let alive = segment.alive_bitset();
            let (mut signature, mut cluster) = (String::new(), String::new());
            for doc in 0..segment.max_doc() {
                if alive.is_some_and(|bits| !bits.is_alive(doc)) {
                    continue;
                }
                let (Some(s), Some(c)) =
                    (signatures.term_ords(doc).next(), ids.term_ords(doc).next())
                else {
                    continue;
                };
                signature.clear();
                cluster.clear();
                signatures
                    .ord_to_str(s, &mut signature)
                    .map_err(tantivy::TantivyError::from)?;
                ids.ord_to_str(c, &mut cluster)
                    .map_err(tantivy::TantivyError::from)?;
                if let Some(decoded) = minhash::decode(&signature) {
                    clusters.insert(decoded, cluster.clone());
                }
            }
        }
        Ok(clusters)
    }

    fn insert(&mut self, signature: Signature, cluster: String) {
        let index = self.known.len() as u32;
        for band in minhash::bands(&signature) {
            self.bands.entry(band).or_default().push(index);
        }
        self.known.push((signature, cluster));
    }

    /// The cluster of a new article with this id and signature.
    pub fn assign(&mut self, id: &str, signature: Option<&Signature>) -> String {
        let Some(signature) = signature else {
            return id.to_string();
        };
        let best = minhash::bands(signature)
            .iter()
            .filter_map(|band| self.bands.get(band))
            .flatten()
            .map(|&i| &self.known[i as usize])
            .map(|(other, cluster)| (minhash::similarity(signature, other), cluster))
            .filter(|(similarity, _)| *similarity >= COPY)
            .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
            .map(|(_, cluster)| cluster.clone());
        let cluster = best.unwrap_or_else(|| id.to_string());
        self.insert(*signature, cluster.clone());
        cluster
    }
}
