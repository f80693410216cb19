//! Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, else
//! Windows-1252, and binary files refused.
//!
//! Windows-1252 is the fallback because it is what mis-declared Western news
//! text almost always is (a superset of Latin-1 for printable characters),
//! and because it decodes every byte, so a stray byte never fails a file.

use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1252};

use crate::read::ReadError;

/// How many leading bytes are checked for signs of a binary file.
const SNIFF_BYTES: usize = 8192;

/// The encoding a text was decoded from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
    Windows1252,
}

/// Decodes `bytes` as text.
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), ReadError> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return Ok((String::from_utf8_lossy(rest).into_owned(), Encoding::Utf8));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        let (text, _) = UTF_16LE.decode_without_bom_handling(rest);
        return Ok((text.into_owned(), Encoding::Utf16));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let (text, _) = UTF_16BE.decode_without_bom_handling(rest);
        return Ok((text.into_owned(), Encoding::Utf16));
    }
    if looks_binary(bytes) {
        return Err(ReadError::Binary);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok((text.to_owned(), Encoding::Utf8)),
        Err(_) => {
            let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
            Ok((text.into_owned(), Encoding::Windows1252))
        }
    }
}

/// A NUL byte, or mostly control bytes, in the first 8 KiB: the test git and
/// ripgrep use, plus a share check for binaries without NULs.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if head.contains(&0) {
        return true;
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C))
        .count();
    control * 10 > head.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(
            decode("café".as_bytes()).unwrap(),
            ("café".into(), Encoding::Utf8)
        );
        assert_eq!(
            decode(b"\xEF\xBB\xBFcaf\xC3\xA9").unwrap(),
            ("café".into(), Encoding::Utf8)
        );
    }

    #[test]
    fn invalid_utf8_falls_back_to_windows_1252() {
        // 0x93/0x94 are curly quotes and 0xE9 is é in Windows-1252.
        let (text, encoding) = decode(b"\x93Caf\xE9\x94 he said").unwrap();
        assert_eq!(text, "“Café” he said");
        assert_eq!(encoding, Encoding::Windows1252);
    }

    #[test]
    fn utf16_with_bom() {
        let bytes = [0xFF, 0xFE, b'h', 0, b'i', 0];
        assert_eq!(decode(&bytes).unwrap(), ("hi".into(), Encoding::Utf16));
    }

    #[test]
    fn binary_is_refused() {
        assert!(matches!(
            decode(b"\x7FELF\x02\x01\x00\x00"),
            Err(ReadError::Binary)
        ));
        assert!(matches!(
            decode(&[1, 2, 3, 4, 5, 6, 7, 8]),
            Err(ReadError::Binary)
        ));
    }
}
