//! Near-duplicate signatures for wire copies: MinHash over overlapping
//! four-word shingles of the body (Broder 1997). The share of equal
//! minimums between two signatures estimates the Jaccard similarity of
//! their shingle sets; a reprint with a new dateline, a changed phrase or a
//! trimmed paragraph keeps most shingles (about 0.88 with 6% of them
//! changed), different stories share almost none. At [`COPY`] or more two
//! articles are copies of one story.
//!
//! Candidates are found without comparing every pair (locality-sensitive
//! hashing): the 32 minimums form 8 bands of 4; articles sharing a whole
//! band are compared. A pair at 0.8 shares a band with probability 0.985,
//! a pair at 0.3 with 0.06.
//!
//! (SimHash was probed first and rejected: the same 6% change moved a
//! 64-bit SimHash 9 bits, beyond any safe threshold. See docs/EXPLORE.md.)

/// Minimums per signature.
pub const HASHES: usize = 32;
/// Estimated Jaccard similarity at which two articles are copies.
pub const COPY: f32 = 0.7;
/// Bodies shorter than this many words get no signature: briefs and
/// captions share too much by chance.
pub const MIN_WORDS: usize = 50;

const SHINGLE: usize = 4;
const ROWS: usize = 4;
/// Bands of [`ROWS`] minimums: articles sharing a whole band are compared.
pub const BANDS: usize = HASHES / ROWS;

/// The low 16 bits of each minimum: two different minimums agree in them
/// by chance once in 65,536, which moves a similarity estimate by nothing
/// that matters, and the index keeps half the bytes (the signature column
/// was 66 MB at 500,000 articles with 32 bits).
pub type Signature = [u16; HASHES];

/// One 64-bit mixing round (splitmix64's finaliser).
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// The hash family: `(a·x + b) >> 32` with odd multipliers, one multiply
/// and one add per minimum (extraction runs on every article). Kept as
/// two arrays rather than pairs: the loop over them is one the compiler
/// vectorises (measured: 1% fewer instructions in extraction).
struct Family {
    multipliers: [u64; HASHES],
    offsets: [u64; HASHES],
}

static FAMILY: std::sync::LazyLock<Family> = std::sync::LazyLock::new(|| Family {
    multipliers: std::array::from_fn(|k| mix(2 * k as u64 + 1) | 1),
    offsets: std::array::from_fn(|k| mix(2 * k as u64 + 2)),
});

/// Hashes of the words of a text (letters and digits, lower-cased),
/// without allocating a string per word.
fn word_hashes(text: &str) -> Vec<u64> {
    const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const FNV_PRIME: u64 = 0x0100_0000_01b3;
    let mut hashes = Vec::with_capacity(text.len() / 5);
    let mut hash = FNV_OFFSET;
    let mut in_word = false;
    // (ASCII is read byte by byte; only other characters are decoded.)
    let mut at = 0;
    while at < text.len() {
        let byte = text.as_bytes()[at];
        let c = if byte.is_ascii() {
            at += 1;
            char::from(byte)
        } else {
            let c = text[at..].chars().next().unwrap_or(' ');
            at += c.len_utf8();
            c
        };
        if c.is_ascii_alphanumeric() {
            let lower = c.to_ascii_lowercase();
            hash = (hash ^ u64::from(lower)).wrapping_mul(FNV_PRIME);
            in_word = true;
        } else if !c.is_ascii() && c.is_alphanumeric() {
            for lower in c.to_lowercase() {
                hash = (hash ^ u64::from(lower)).wrapping_mul(FNV_PRIME);
            }
            in_word = true;
        } else if in_word {
            hashes.push(hash);
            hash = FNV_OFFSET;
            in_word = false;
        }
    }
    if in_word {
        hashes.push(hash);
    }
    hashes
}

/// The signature of a body, or None when it is too short to tell.
pub fn signature(text: &str) -> Option<Signature> {
    let words = word_hashes(text);
    if words.len() < MIN_WORDS {
        return None;
    }
    let Family {
        multipliers,
        offsets,
    } = &*FAMILY;
    let mut minimums = [u32::MAX; HASHES];
    for w in words.windows(SHINGLE) {
        // Order matters in a shingle: rotate each word by its position.
        let shingle =
            mix(w[0] ^ w[1].rotate_left(17) ^ w[2].rotate_left(31) ^ w[3].rotate_left(47));
        for k in 0..HASHES {
            let value = (multipliers[k]
                .wrapping_mul(shingle)
                .wrapping_add(offsets[k])
                >> 32) as u32;
            minimums[k] = minimums[k].min(value);
        }
    }
    Some(minimums.map(|minimum| minimum as u16))
}

/// Estimated Jaccard similarity: the share of equal minimums.
pub fn similarity(a: &Signature, b: &Signature) -> f32 {
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f32 / HASHES as f32
}

/// The band keys of a signature (band position included).
pub fn bands(signature: &Signature) -> [u64; BANDS] {
    std::array::from_fn(|band| {
        let rows = &signature[band * ROWS..(band + 1) * ROWS];
        rows.iter()
            .fold(mix(band as u64 + 1), |acc, &r| mix(acc ^ u64::from(r)))
    })
}

/// A signature as text, to store in the index.
pub fn encode(signature: &Signature) -> String {
    signature.iter().map(|m| format!("{m:04x}")).collect()
}

pub fn decode(text: &str) -> Option<Signature> {
    if text.len() != HASHES * 4 || !text.is_ascii() {
        return None;
    }
    let mut out = [0u16; HASHES];
    for (i, slot) in out.iter_mut().enumerate() {
        *slot = u16::from_str_radix(&text[i * 4..i * 4 + 4], 16).ok()?;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "The central bank raised its benchmark lending rate by 75 basis points on Tuesday, \
        citing persistent inflation in food and fuel prices, and said it stood ready to act again if price \
        pressures did not ease in the coming months. The governor told reporters the decision was unanimous \
        and that the bank would watch the exchange rate closely as import costs climbed through the quarter. \
        Economists had expected a smaller rise, and the currency firmed against the dollar after the \
        announcement, traders said, while shares of lenders rose in afternoon trading in the capital.";

    const OTHER: &str = "Heavy rain flooded the low-lying districts of the coastal city overnight, forcing hundreds \
        of families from their homes as rivers burst their banks and roads were cut off, emergency services said \
        on Wednesday while volunteers handed out blankets and drinking water at schools turned into shelters \
        across the region. Forecasters warned that more rain was on the way and urged residents near the river \
        to move to higher ground before the weekend, when the storm is expected to peak.";

    #[test]
    fn reprints_are_copies_and_other_stories_are_not() {
        let original = signature(STORY).unwrap();
        let reprint = signature(&format!(
            "NAIROBI (Reuters) - {}",
            STORY.replace("on Tuesday", "on Tuesday afternoon")
        ))
        .unwrap();
        assert!(
            similarity(&original, &reprint) >= COPY,
            "{}",
            similarity(&original, &reprint)
        );
        assert!(bands(&original).iter().any(|b| bands(&reprint).contains(b)));
        let other = signature(OTHER).unwrap();
        assert!(
            similarity(&original, &other) < 0.2,
            "{}",
            similarity(&original, &other)
        );
        assert_eq!(signature(STORY), Some(original), "deterministic");
    }

    /// Signatures are stored in indexes and compared with those of later
    /// runs: a change of their bits must come with a new index version.
    #[test]
    fn signatures_are_stable_across_builds() {
        assert_eq!(
            encode(&signature(STORY).unwrap()),
            "42d0f560a561430d3b7506b199f7b486387e5fd8be7caf19e0719476f1d046befa32b1bc9457d44a5c2c66dbd33fe748870acd63719e7a53722839b93b7adbc9"
        );
    }

    #[test]
    fn short_texts_get_no_signature_and_encoding_round_trips() {
        assert_eq!(signature("A brief of a few words."), None);
        let s = signature(STORY).unwrap();
        assert_eq!(decode(&encode(&s)), Some(s));
        assert_eq!(decode("zz"), None);
    }
}
