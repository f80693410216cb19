//! Bytes to text: the charset a file's bytes are in, found the way a
//! browser finds it, and binary files refused.
//!
//! In order, the first that answers:
//! 1. A byte order mark (UTF-8, UTF-16 LE or BE): it cannot be there by
//!    accident.
//! 2. Bytes that are valid UTF-8 and hold non-ASCII characters are UTF-8,
//!    whatever a label says. Pages saved or converted to UTF-8 keep their
//!    original `<meta charset=iso-8859-1>` (seen in crawls and benchmark
//!    sets), while text in a legacy encoding with accents or CJK in it is
//!    practically never valid UTF-8.
//! 3. The charset the transport declared (the HTTP `Content-Type` of a WARC
//!    record), then the one the document declares (`<meta charset>`,
//!    `<meta http-equiv="Content-Type">`, `<?xml encoding>`), each read as
//!    the WHATWG Encoding Standard reads labels: `iso-8859-1` and `latin1`
//!    are Windows-1252, `gb2312` is GBK, `shift_jis` and `sjis` are
//!    Shift_JIS. A UTF-16 label on a file without a BOM is UTF-8, as in
//!    browsers (such a file is ASCII-compatible, so it is not UTF-16).
//! 4. Plain ASCII is UTF-8.
//! 5. Text with fewer than eight non-ASCII bytes is Windows-1252: a single
//!    "£" is too little to guess from.
//! 6. Otherwise the encoding is guessed from the bytes by chardetng
//!    (Firefox's detector: Windows-1252 for Western text, Shift_JIS, EUC-JP,
//!    GBK, Big5, EUC-KR, Cyrillic, Greek, …), helped by the URL's top-level
//!    domain when there is one. Every byte decodes in the guessed encoding,
//!    so a stray byte never fails a file.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};

use crate::read::ReadError;

/// Fewer non-ASCII bytes than this are read as Windows-1252, not guessed.
const FEW_NON_ASCII: usize = 8;

/// How many leading bytes are checked for signs of a binary file.
const SNIFF_BYTES: usize = 8192;

/// How far into a document its charset declaration is looked for (the
/// HTML standard's prescan reads 1,024 bytes; pages with long comments or
/// scripts before the `<meta>` are common enough to read further).
const DECLARATION_BYTES: usize = 4096;

/// What is known about a file's bytes besides the bytes.
#[derive(Debug, Clone, Copy, Default)]
pub struct Hints<'a> {
    /// The charset label of the transport (`Content-Type: text/html;
    /// charset=…` of an HTTP response).
    pub transport: Option<&'a str>,
    /// Whether the document may declare its own charset (HTML, XML).
    pub markup: bool,
    /// The top-level domain the document came from (`de`, `jp`), which
    /// helps guessing.
    pub tld: Option<&'a str>,
}

/// Decodes `bytes` as text with nothing else known of them.
pub fn decode(bytes: &[u8]) -> Result<(String, &'static Encoding), ReadError> {
    decode_with(bytes, &Hints::default())
}

/// Decodes `bytes` as text (see the module documentation for the order).
pub fn decode_with(
    bytes: &[u8],
    hints: &Hints<'_>,
) -> Result<(String, &'static Encoding), ReadError> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return Ok((text.into_owned(), encoding));
    }
    if looks_binary(bytes) {
        return Err(ReadError::Binary);
    }
    let utf8 = std::str::from_utf8(bytes).ok();
    if let Some(text) = utf8
        && !text.is_ascii()
    {
        return Ok((text.to_owned(), UTF_8));
    }
    let declared = hints
        .transport
        .and_then(label)
        .or_else(|| hints.markup.then(|| declared_in_document(bytes)).flatten());
    if let Some(encoding) = declared {
        let (text, _) = encoding.decode_without_bom_handling(bytes);
        return Ok((text.into_owned(), encoding));
    }
    if let Some(text) = utf8 {
        return Ok((text.to_owned(), UTF_8));
    }
    // A handful of non-ASCII bytes is too little to guess from (one "£"
    // reads as Polish "Ł" to a detector as readily as anything): Western
    // text's own encoding, Windows-1252, reads them.
    let non_ascii = bytes.iter().filter(|b| !b.is_ascii()).count();
    if non_ascii < FEW_NON_ASCII {
        let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
        return Ok((text.into_owned(), WINDOWS_1252));
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let tld = hints
        .tld
        .filter(|t| {
            t.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
        .map(str::as_bytes);
    let encoding = detector.guess(tld, chardetng::Utf8Detection::Deny);
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    Ok((text.into_owned(), encoding))
}

/// The encoding a charset label names, as browsers read labels.
pub fn label(name: &str) -> Option<&'static Encoding> {
    let encoding = Encoding::for_label(name.trim().as_bytes())?;
    // A label naming UTF-16 on bytes without a BOM, or the "replacement"
    // encoding, would decode ASCII-compatible bytes into garbage.
    if encoding == UTF_16LE || encoding == UTF_16BE || encoding == encoding_rs::REPLACEMENT {
        return Some(UTF_8);
    }
    Some(encoding)
}

/// The charset label of a `Content-Type` value (`text/html; charset=utf-8`).
pub fn charset_of_content_type(value: &str) -> Option<&str> {
    value.split(';').skip(1).find_map(|parameter| {
        let (key, value) = parameter.split_once('=')?;
        key.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches(|c| c == '"' || c == '\''))
            .filter(|v| !v.is_empty())
    })
}

/// The charset an HTML or XML document declares in its first bytes: an
/// `<?xml … encoding="…"?>` declaration, `<meta charset>`, or `<meta
/// http-equiv="Content-Type" content="…; charset=…">`.
fn declared_in_document(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(DECLARATION_BYTES)];
    let head: String = head
        .iter()
        .map(|&b| (b as char).to_ascii_lowercase())
        .collect();
    if let Some(rest) = head.trim_start().strip_prefix("<?xml") {
        let declaration = &rest[..rest.find("?>").unwrap_or(rest.len())];
        if let Some(found) = attribute_value(declaration, "encoding") {
            return label(found);
        }
    }
    let mut from = 0;
    while let Some(at) = head[from..].find("<meta") {
        let start = from + at + "<meta".len();
        let end = head[start..].find('>').map_or(head.len(), |e| start + e);
        let tag = &head[start..end];
        let charset = attribute_value(tag, "charset").or_else(|| {
            let content = attribute_value(tag, "content")?;
            tag.contains("http-equiv")
                .then(|| charset_of_content_type(content))
                .flatten()
        });
        if let Some(found) = charset.and_then(label) {
            return Some(found);
        }
        from = end;
    }
    None
}

/// The value of `name=` in a tag's (lower-cased) attribute text, quoted or
/// not.
fn attribute_value<'t>(tag: &'t str, name: &str) -> Option<&'t str> {
    let mut from = 0;
    while let Some(at) = tag[from..].find(name) {
        let start = from + at;
        from = start + name.len();
        let before_ok = start == 0
            || tag[..start]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_whitespace() || c == '"' || c == '\'' || c == ';');
        let rest = tag[from..].trim_start();
        let Some(rest) = rest.strip_prefix('=').filter(|_| before_ok) else {
            continue;
        };
        let rest = rest.trim_start();
        let value = match rest.chars().next() {
            Some(quote @ ('"' | '\'')) => {
                let inner = &rest[1..];
                &inner[..inner.find(quote).unwrap_or(inner.len())]
            }
            _ => {
                let end = rest
                    .find(|c: char| {
                        c.is_ascii_whitespace() || matches!(c, '>' | '/' | '"' | '\'' | ';')
                    })
                    .unwrap_or(rest.len());
                &rest[..end]
            }
        };
        return Some(value.trim()).filter(|v| !v.is_empty());
    }
    None
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
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C | 0x1B))
        .count();
    control * 10 > head.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn markup(bytes: &[u8]) -> (String, &'static str) {
        let hints = Hints {
            markup: true,
            ..Hints::default()
        };
        let (text, encoding) = decode_with(bytes, &hints).unwrap();
        (text, encoding.name())
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("café".as_bytes()).unwrap(), ("café".into(), UTF_8));
        assert_eq!(
            decode(b"\xEF\xBB\xBFcaf\xC3\xA9").unwrap(),
            ("café".into(), UTF_8)
        );
    }

    #[test]
    fn invalid_utf8_without_a_label_is_guessed_windows_1252_for_western_text() {
        // 0x93/0x94 are curly quotes and 0xE9 is é in Windows-1252.
        let (text, encoding) =
            decode(b"\x93Caf\xE9 cr\xE8me\x94 he said, \xABd\xE9j\xE0 vu\xBB and na\xEFve")
                .unwrap();
        assert_eq!(text, "“Café crème” he said, «déjà vu» and naïve");
        assert_eq!(encoding, encoding_rs::WINDOWS_1252);
    }

    #[test]
    fn utf16_with_bom() {
        let bytes = [0xFF, 0xFE, b'h', 0, b'i', 0];
        assert_eq!(decode(&bytes).unwrap(), ("hi".into(), UTF_16LE));
        let bytes = [0xFE, 0xFF, 0, b'h', 0, b'i'];
        assert_eq!(decode(&bytes).unwrap(), ("hi".into(), UTF_16BE));
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

    #[test]
    fn a_single_pound_sign_is_windows_1252() {
        let (text, encoding) = decode(b"a \xa315.8m signing from Parma").unwrap();
        assert_eq!(text, "a £15.8m signing from Parma");
        assert_eq!(encoding, WINDOWS_1252);
    }

    #[test]
    fn meta_charset_is_honoured() {
        let page = b"<html><head><meta charset=\"windows-1251\"><title>\xcd\xee\xe2\xee\xf1\xf2\xe8</title></head></html>";
        let (text, name) = markup(page);
        assert_eq!(name, "windows-1251");
        assert!(text.contains("<title>Новости</title>"), "{text}");
    }

    #[test]
    fn http_equiv_content_type_is_honoured() {
        let page = b"<html><head><META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=ISO-8859-2'></head><body>\xb1</body></html>";
        let (text, name) = markup(page);
        assert_eq!(name, "ISO-8859-2");
        assert!(text.contains("<body>ą</body>"), "{text}");
    }

    #[test]
    fn latin1_label_is_read_as_windows_1252() {
        // 0x92 is a right single quote in Windows-1252 and a C1 control in
        // ISO-8859-1: browsers read the label as Windows-1252.
        let page = b"<meta http-equiv=\"content-type\" content=\"text/html; charset=iso-8859-1\"><p>It\x92s caf\xe9</p>";
        let (text, name) = markup(page);
        assert_eq!(name, "windows-1252");
        assert!(text.contains("It’s café"), "{text}");
    }

    #[test]
    fn shift_jis_gbk_and_euc_kr_pages_decode() {
        let cases: [(&'static Encoding, &str, &str); 3] = [
            (
                encoding_rs::SHIFT_JIS,
                "shift_jis",
                "東京で記者会見が開かれた",
            ),
            (encoding_rs::GBK, "gb2312", "北京市政府发布新闻公告"),
            (
                encoding_rs::EUC_KR,
                "euc-kr",
                "서울 시장이 기자회견을 열었다",
            ),
        ];
        for (encoding, declared, sentence) in cases {
            let (body, _, _) = encoding.encode(sentence);
            // Declared in the page.
            let mut page =
                format!("<html><head><meta charset=\"{declared}\"></head><body><p>").into_bytes();
            page.extend_from_slice(&body);
            page.extend_from_slice(b"</p></body></html>");
            let (text, name) = markup(&page);
            assert_eq!(name, encoding.name());
            assert!(text.contains(sentence), "{declared}: {text}");
            // Declared nowhere: guessed.
            let mut bare = b"<html><body><p>".to_vec();
            for _ in 0..3 {
                bare.extend_from_slice(&body);
            }
            bare.extend_from_slice(b"</p></body></html>");
            let (text, name) = markup(&bare);
            assert_eq!(name, encoding.name(), "guessed for {declared}");
            assert!(text.contains(sentence), "{declared}: {text}");
        }
    }

    #[test]
    fn valid_utf8_wins_over_a_legacy_label() {
        let page = "<meta charset=iso-8859-1><p>Zürich’s café</p>".as_bytes();
        let (text, name) = markup(page);
        assert_eq!(name, "UTF-8");
        assert!(text.contains("Zürich’s café"));
    }

    #[test]
    fn the_transport_charset_comes_before_the_document_one() {
        let page = b"<meta charset=utf-8><p>caf\xe9</p>";
        let hints = Hints {
            transport: charset_of_content_type("text/html; charset=\"ISO-8859-1\""),
            markup: true,
            tld: None,
        };
        let (text, encoding) = decode_with(page, &hints).unwrap();
        assert_eq!(encoding, encoding_rs::WINDOWS_1252);
        assert!(text.contains("café"));
    }

    #[test]
    fn xml_declarations_and_utf16_labels() {
        let feed =
            b"<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?><rss><title>\xa4</title></rss>";
        let (text, name) = markup(feed);
        assert_eq!(name, "ISO-8859-15");
        assert!(text.contains("<title>€</title>"));
        // A UTF-16 label on ASCII-compatible bytes is not believed.
        let (_, name) = markup(b"<meta charset=utf-16><p>plain</p>");
        assert_eq!(name, "UTF-8");
    }

    #[test]
    fn labels_are_only_read_from_markup() {
        // A text file that merely talks about a charset is not declaring one.
        let text = b"Set <meta charset=koi8-r> in the page header. caf\xe9 cr\xe8me br\xfbl\xe9e";
        let (decoded, encoding) = decode(text).unwrap();
        assert_eq!(encoding, encoding_rs::WINDOWS_1252);
        assert!(decoded.contains("café crème brûlée"));
    }
}
