//! Stable ids and content fingerprints.
//!
//! An article's id is the FNV-1a 64 hash of its file's absolute path, in 16
//! hex digits: the same file keeps its id across runs and machines, whatever
//! its content; moving the corpus changes ids. FNV-1a is fixed by its
//! definition, unlike `std`'s hasher, whose output may change between Rust
//! releases.

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// FNV-1a 64 of `bytes`.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(FNV_OFFSET, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(FNV_PRIME)
    })
}

/// The id of the article read from `path`.
/// The key that breaks ties in rankings: the upper 63 bits of the number
/// an id spells (its 16 hex digits), so that engines with only signed
/// 64-bit numbers (OpenSearch `long`) hold it; 0 for an id that is not one.
pub fn id_key(id: &str) -> u64 {
    u64::from_str_radix(id, 16).map_or(0, |n| n >> 1)
}

pub fn article_id(path: &str) -> String {
    format!("{:016x}", fnv1a64(path.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a64_matches_reference_values() {
        assert_eq!(fnv1a64(b""), 0xcbf29ce484222325);
        assert_eq!(fnv1a64(b"a"), 0xaf63dc4c8601ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x85944171f73967e8);
    }

    #[test]
    fn ids_are_16_hex_digits_and_depend_on_the_path() {
        let id = article_id("/data/news/a.txt");
        assert_eq!(id.len(), 16);
        assert_eq!(id, article_id("/data/news/a.txt"));
        assert_ne!(id, article_id("/data/news/b.txt"));
    }
}
