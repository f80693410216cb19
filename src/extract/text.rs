//! Small text utilities shared by the extractors.

/// Words in `text`: whitespace-separated runs holding a letter or digit.
pub fn word_count(text: &str) -> u64 {
    // (Most bodies are ASCII: read as bytes, without decoding characters.)
    if text.is_ascii() {
        let mut count = 0;
        let mut counted = false;
        for b in text.bytes() {
            if b == b' ' || (b'\t'..=b'\r').contains(&b) {
                counted = false;
            } else if !counted && b.is_ascii_alphanumeric() {
                count += 1;
                counted = true;
            }
        }
        return count;
    }
    text.split_whitespace()
        .filter(|w| {
            w.bytes().any(|b| b.is_ascii_alphanumeric())
                || !w.is_ascii() && w.chars().any(char::is_alphanumeric)
        })
        .count() as u64
}

/// A word in lower case. The extractors look words up in word sets some
/// thousands of times an article, most of them short ASCII words: those are
/// lowered on the stack (or not copied at all when already lower case),
/// and only other words take a `String` (`str::to_lowercase` allocated for
/// every lookup, about a tenth of extraction's time).
pub enum Lower<'a> {
    Same(&'a str),
    Inline([u8; LOWER_INLINE], u8),
    Owned(String),
}

const LOWER_INLINE: usize = 32;

/// `word` in lower case, as `str::to_lowercase` gives it.
pub fn to_lower(word: &str) -> Lower<'_> {
    if word.is_ascii() {
        if !word.bytes().any(|b| b.is_ascii_uppercase()) {
            return Lower::Same(word);
        }
        if word.len() <= LOWER_INLINE {
            let mut buf = [0u8; LOWER_INLINE];
            buf[..word.len()].copy_from_slice(word.as_bytes());
            buf.make_ascii_lowercase();
            return Lower::Inline(buf, word.len() as u8);
        }
    }
    Lower::Owned(word.to_lowercase())
}

impl std::ops::Deref for Lower<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        match self {
            Lower::Same(word) => word,
            // SAFETY: the bytes are an ASCII word's, lowered in place by
            // `make_ascii_lowercase`: ASCII, so UTF-8. (Checking them on
            // every use cost 3% of extraction.)
            Lower::Inline(buf, len) => unsafe {
                std::str::from_utf8_unchecked(&buf[..usize::from(*len)])
            },
            Lower::Owned(word) => word,
        }
    }
}

impl Lower<'_> {
    pub fn as_str(&self) -> &str {
        self
    }
}

impl PartialEq<Lower<'_>> for &str {
    fn eq(&self, other: &Lower<'_>) -> bool {
        **self == **other
    }
}

impl PartialEq<str> for Lower<'_> {
    fn eq(&self, other: &str) -> bool {
        **self == *other
    }
}

impl PartialEq<&str> for Lower<'_> {
    fn eq(&self, other: &&str) -> bool {
        **self == **other
    }
}

impl std::fmt::Display for Lower<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self)
    }
}

/// Whether a word opens with a capital as a name's words do, counting an
/// Arabic article or a patronymic before a hyphen: "Assad", "al-Assad",
/// "el-Sisi", "bin-Talal" (not "al-" alone, nor "e-mail").
pub fn is_name_capitalised(word: &str) -> bool {
    // (Every word of a text comes through here: an ASCII opening is read
    // as bytes, and answers at once without a hyphen in its first four.)
    let head = &word.as_bytes()[..word.len().min(4)];
    if let Some(&first) = head.first()
        && head.is_ascii()
    {
        if first.is_ascii_uppercase() {
            return true;
        }
        if !head.contains(&b'-') {
            return false;
        }
    }
    if word.chars().next().is_some_and(char::is_uppercase) {
        return true;
    }
    // The particles are three letters at most: look for the hyphen there
    // only (every lower-case word of a text comes through here).
    let Some((at, hyphen)) = word
        .char_indices()
        .take(4)
        .find(|&(_, c)| matches!(c, '-' | '\u{2010}' | '\u{2011}'))
    else {
        return false;
    };
    let (particle, rest) = (&word[..at], &word[at + hyphen.len_utf8()..]);
    (is_arabic_article(particle) || matches!(particle, "bin" | "ibn" | "abu" | "ben"))
        && rest.chars().next().is_some_and(char::is_uppercase)
}

/// The Arabic article in its spellings before a hyphen, in people's names
/// ("al-Assad") and places' ("Al-Ain"), lower case.
pub fn is_arabic_article(word: &str) -> bool {
    matches!(
        word,
        "al" | "el"
            | "ad"
            | "ar"
            | "as"
            | "an"
            | "at"
            | "az"
            | "ash"
            | "ed"
            | "er"
            | "es"
            | "ul"
            | "ur"
    )
}

/// Whether a text's letters are all capitals: "PENCE", "ROSIE CURTS".
pub fn is_capitals(text: &str) -> bool {
    text.chars().any(char::is_alphabetic)
        && text.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
}

/// "ROSIE CURTS" → "Rosie Curts"; "O'NEILL" → "O'Neill"; "MCCAIN" stays
/// "Mccain" (the article's own spelling, found by surname, fixes that).
pub fn title_cased(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut start = true;
    for c in text.chars() {
        if start {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphabetic();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_articles_open_names() {
        assert!(is_name_capitalised("Assad"));
        assert!(is_name_capitalised("al-Assad"));
        assert!(is_name_capitalised("el-Sisi"));
        assert!(!is_name_capitalised("al-"));
        assert!(!is_name_capitalised("e-mail"));
        assert!(!is_name_capitalised("all-out"));
        assert!(is_name_capitalised("ash\u{2011}Shara"));
        assert!(!is_name_capitalised("well-known-Smith"));
    }

    #[test]
    fn lowers_as_to_lowercase_does() {
        let long = "Abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJ";
        for word in ["said", "Said", "NATO", "Élysée", "İstanbul", long, "", "ß"] {
            let lowered = to_lower(word);
            assert_eq!(&*lowered, word.to_lowercase(), "{word}");
        }
        assert!(matches!(to_lower("said"), Lower::Same(_)));
        assert!(matches!(to_lower("Said"), Lower::Inline(..)));
        assert!(matches!(to_lower(long), Lower::Owned(_)));
        assert!(to_lower("Reuters") == "reuters");
    }

    #[test]
    fn counts_words_in_any_script() {
        assert_eq!(word_count("Ἀθῆναι — 東京 …"), 2);
    }

    #[test]
    fn counts_words_not_punctuation() {
        assert_eq!(word_count("“We are ready,” she said — and left."), 7);
        assert_eq!(word_count("  \n "), 0);
        // (ASCII is read as bytes: the same whitespace as `split_whitespace`.)
        assert_eq!(word_count("one\x0btwo\x0c3 -- four\r\n"), 4);
        assert_eq!(word_count("U.S. stocks rose 2.5%"), 4);
    }
}
