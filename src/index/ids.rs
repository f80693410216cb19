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

/// The key that breaks ties in rankings: the upper 63 bits of the number
/// an id spells (its 16 hex digits), so that engines with only signed
/// 64-bit numbers (OpenSearch `long`) hold it; 0 for an id that is not one.
pub fn id_key(id: &str) -> u64 {
    u64::from_str_radix(id, 16).map_or(0, |n| n >> 1)
}

/// The id of the article read from the file with key `path`.
pub fn article_id(path: &str) -> String {
    format!("{:016x}", fnv1a64(path.as_bytes()))
}

/// The key a file is indexed under: its path as text, losslessly and
/// printably. A path is bytes and need not be UTF-8; shown as is, it may
/// also hold newlines or terminal escape codes. So `\` is written `\\`,
/// an ASCII control character `\xNN`, a byte that is not UTF-8 `\xNN`
/// (80 to FF, which no ASCII character has) and another control character
/// `\u{NNNN}`; everything else is kept. Two paths never share a key, and
/// a UTF-8 path without these characters is its own key.
pub fn path_key(path: &std::path::Path) -> String {
    use std::fmt::Write as _;
    let bytes = path.as_os_str().as_encoded_bytes();
    let mut key = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            match c {
                '\\' => key.push_str("\\\\"),
                c if c.is_ascii_control() => {
                    let _ = write!(key, "\\x{:02x}", c as u32);
                }
                c if c.is_control() => {
                    let _ = write!(key, "\\u{{{:04x}}}", c as u32);
                }
                c => key.push(c),
            }
        }
        for byte in chunk.invalid() {
            let _ = write!(key, "\\x{byte:02x}");
        }
    }
    key
}

/// The path a [`path_key`] was made from.
pub fn path_of_key(key: &str) -> std::path::PathBuf {
    let mut bytes = Vec::with_capacity(key.len());
    let mut rest = key;
    while let Some(at) = rest.find('\\') {
        bytes.extend_from_slice(&rest.as_bytes()[..at]);
        let escape = &rest[at..];
        let (decoded, used) = unescape(escape).unwrap_or((vec![b'\\'], 1));
        bytes.extend_from_slice(&decoded);
        rest = &escape[used..];
    }
    bytes.extend_from_slice(rest.as_bytes());
    path_from_bytes(bytes)
}

/// One escape at the start of `text`: its bytes and its length.
fn unescape(text: &str) -> Option<(Vec<u8>, usize)> {
    let rest = text.get(1..)?;
    if rest.starts_with('\\') {
        return Some((vec![b'\\'], 2));
    }
    if let Some(hex) = rest.strip_prefix('x') {
        let byte = u8::from_str_radix(hex.get(..2)?, 16).ok()?;
        return Some((vec![byte], 4));
    }
    let inner = rest.strip_prefix("u{")?;
    let end = inner.find('}')?;
    let c = char::from_u32(u32::from_str_radix(&inner[..end], 16).ok()?)?;
    // `\u{` + the digits + `}`.
    Some((c.to_string().into_bytes(), 3 + end + 1))
}

#[cfg(unix)]
fn path_from_bytes(bytes: Vec<u8>) -> std::path::PathBuf {
    use std::os::unix::ffi::OsStringExt;
    std::ffi::OsString::from_vec(bytes).into()
}

#[cfg(not(unix))]
fn path_from_bytes(bytes: Vec<u8>) -> std::path::PathBuf {
    String::from_utf8_lossy(&bytes).into_owned().into()
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

    #[cfg(unix)]
    #[test]
    fn path_keys_are_printable_lossless_and_distinct() {
        use std::ffi::OsStr;
        use std::os::unix::ffi::OsStrExt;
        let cases: [&[u8]; 7] = [
            b"/news/plain.txt",
            b"/news/x\xff.txt",
            b"/news/x\xfe.txt",
            b"/news/x\\xff.txt",
            b"/news/line\nbreak\x1b[31m.txt",
            "/news/caf\u{e9} \u{85}.txt".as_bytes(),
            b"/news/back\\slash",
        ];
        let keys: Vec<String> = cases
            .iter()
            .map(|bytes| path_key(std::path::Path::new(OsStr::from_bytes(bytes))))
            .collect();
        assert_eq!(keys[0], "/news/plain.txt");
        assert_eq!(keys[1], "/news/x\\xff.txt");
        assert_eq!(keys[3], "/news/x\\\\xff.txt");
        assert_eq!(keys[4], "/news/line\\x0abreak\\x1b[31m.txt");
        assert_eq!(keys[5], "/news/caf\u{e9} \\u{0085}.txt");
        for (bytes, key) in cases.iter().zip(&keys) {
            assert!(!key.chars().any(char::is_control), "{key}");
            assert_eq!(path_of_key(key).as_os_str().as_bytes(), *bytes, "{key}");
        }
        let distinct: std::collections::HashSet<&String> = keys.iter().collect();
        assert_eq!(distinct.len(), keys.len());
    }

    #[test]
    fn ids_are_16_hex_digits_and_depend_on_the_path() {
        let id = article_id("/data/news/a.txt");
        assert_eq!(id.len(), 16);
        assert_eq!(id, article_id("/data/news/a.txt"));
        assert_ne!(id, article_id("/data/news/b.txt"));
    }
}
