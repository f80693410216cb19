//! Copies of one story share a cluster id, assigned as documents are
//! written: a new article joins the cluster of the most similar remembered
//! article whose MinHash signature says it is a copy (see
//! `extract::minhash`), else starts its own, named by its id. Remembered
//! articles are those already in the index (read from fast fields when a
//! run starts) and those written earlier in the run. Only the writer thread
//! assigns, so the result does not depend on which worker read what.
//!
//! Memory is bounded whatever the corpus: articles are remembered in two
//! generations of [`GENERATION`] articles; when the newer one fills, the
//! older is dropped. A copy is therefore found when the article it copies
//! is among the last 200,000 to 400,000 written — every copy in a corpus of
//! up to 200,000 articles, and for larger ones, copies written near each
//! other (wire copies of a story come within days; archives are mostly read
//! in date order). Each remembered article costs about 210 bytes: 16 bits of
//! each of its 32 minimums (b-bit MinHash: two different values agree by
//! chance once in 65,536), its cluster, and its 8 band keys.

use rustc_hash::FxHashMap;
use tantivy::Searcher;

use crate::error::Result;
use crate::extract::minhash::{self, COPY, Signature};
use crate::index::schema::NewsSchema;

/// Articles per generation; at most twice this many are remembered.
pub const GENERATION: usize = 200_000;

const BANDS: usize = minhash::BANDS;
/// No earlier article with this band key.
const NONE: u32 = u32::MAX;

/// The articles of one generation.
#[derive(Default)]
struct Generation {
    signatures: Vec<Signature>,
    /// Cluster of each article: the id (16 hex digits) of its first copy.
    clusters: Vec<u64>,
    /// Per band, the previous article with the same band key (a chain).
    previous: Vec<[u32; BANDS]>,
    /// Band key (truncated; candidates are checked anyway) → latest article.
    latest: FxHashMap<u32, u32>,
}

impl Generation {
    fn len(&self) -> usize {
        self.signatures.len()
    }

    fn insert(&mut self, signature: &Signature, keys: &[u32; BANDS], cluster: u64) {
        let index = self.signatures.len() as u32;
        let previous =
            std::array::from_fn(|band| self.latest.insert(keys[band], index).unwrap_or(NONE));
        self.signatures.push(*signature);
        self.clusters.push(cluster);
        self.previous.push(previous);
    }

    /// The best copy of `signature` here: (similarity, cluster).
    fn best(&self, signature: &Signature, keys: &[u32; BANDS]) -> Option<(f32, u64)> {
        let mut best: Option<(f32, u64)> = None;
        for (band, key) in keys.iter().enumerate() {
            let mut at = self.latest.get(key).copied().unwrap_or(NONE);
            while at != NONE {
                let i = at as usize;
                let similarity = minhash::similarity(signature, &self.signatures[i]);
                let cluster = self.clusters[i];
                if similarity >= COPY && better((similarity, cluster), best) {
                    best = Some((similarity, cluster));
                }
                at = self.previous[i][band];
            }
        }
        best
    }
}

/// Higher similarity wins; on a tie, the smaller cluster id (so the result
/// does not depend on the order candidates are met).
fn better(candidate: (f32, u64), best: Option<(f32, u64)>) -> bool {
    match best {
        None => true,
        Some(best) => candidate.0 > best.0 || (candidate.0 == best.0 && candidate.1 < best.1),
    }
}

fn band_keys(signature: &Signature) -> [u32; BANDS] {
    minhash::bands(signature).map(|key| key as u32)
}

#[derive(Default)]
pub struct Clusters {
    older: Generation,
    newer: Generation,
}

impl Clusters {
    /// The signatures and clusters of the articles already indexed (the
    /// last two generations of them).
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
                if let (Some(decoded), Ok(cluster)) = (
                    minhash::decode(&signature),
                    u64::from_str_radix(&cluster, 16),
                ) {
                    clusters.remember(&decoded, cluster);
                }
            }
        }
        Ok(clusters)
    }

    fn remember(&mut self, signature: &Signature, cluster: u64) {
        if self.newer.len() >= GENERATION {
            self.older = std::mem::take(&mut self.newer);
        }
        self.newer.insert(signature, &band_keys(signature), cluster);
    }

    /// The cluster of a new article with this id and signature.
    pub fn assign(&mut self, id: &str, signature: Option<&Signature>) -> String {
        // Ids are 16 hex digits; anything else cannot name a cluster.
        let (Some(signature), Ok(own)) = (signature, u64::from_str_radix(id, 16)) else {
            return id.to_string();
        };
        let keys = band_keys(signature);
        let mut best = self.newer.best(signature, &keys);
        if let Some(older) = self.older.best(signature, &keys)
            && better(older, best)
        {
            best = Some(older);
        }
        let cluster = best.map_or(own, |(_, cluster)| cluster);
        self.remember(signature, cluster);
        format!("{cluster:016x}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn signature_of(seed: u32) -> Signature {
        std::array::from_fn(|i| {
            (seed.wrapping_mul(2_654_435_761).rotate_left(i as u32) ^ i as u32) as u16
        })
    }

    #[test]
    fn a_copy_joins_the_cluster_of_its_original() {
        let mut clusters = Clusters::default();
        let original = signature_of(7);
        let mut copy = original;
        copy[0] ^= 1; // 31 of 32 minimums agree
        assert_eq!(
            clusters.assign("00000000000000aa", Some(&original)),
            "00000000000000aa"
        );
        assert_eq!(
            clusters.assign("00000000000000bb", Some(&copy)),
            "00000000000000aa"
        );
        let other = signature_of(8);
        assert_eq!(
            clusters.assign("00000000000000cc", Some(&other)),
            "00000000000000cc"
        );
        assert_eq!(
            clusters.assign("00000000000000dd", None),
            "00000000000000dd"
        );
    }

    #[test]
    fn memory_is_two_generations_at_most() {
        let mut clusters = Clusters::default();
        let first = signature_of(1);
        clusters.assign("0000000000000001", Some(&first));
        for n in 0..2 * GENERATION as u32 {
            clusters.remember(&signature_of(n + 1000), u64::from(n) + 1000);
        }
        assert!(clusters.older.len() + clusters.newer.len() <= 2 * GENERATION);
        // The first article has been forgotten: its copy starts a cluster.
        assert_eq!(
            clusters.assign("0000000000000002", Some(&first)),
            "0000000000000002"
        );
    }
}
