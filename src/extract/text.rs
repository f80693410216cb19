//! Small text utilities shared by the extractors.

/// Words in `text`: whitespace-separated runs holding a letter or digit.
pub fn word_count(text: &str) -> u64 {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count() as u64
}

/// Whether a word opens with a capital as a name's words do, counting an
/// Arabic article or a patronymic before a hyphen: "Assad", "al-Assad",
/// "el-Sisi", "bin-Talal" (not "al-" alone, nor "e-mail").
pub fn is_name_capitalised(word: &str) -> bool {
    if word.chars().next().is_some_and(char::is_uppercase) {
        return true;
    }
    let Some((particle, rest)) = word.split_once(['-', '\u{2010}', '\u{2011}']) else {
        return false;
    };
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
    }

    #[test]
    fn counts_words_not_punctuation() {
        assert_eq!(word_count("“We are ready,” she said — and left."), 7);
        assert_eq!(word_count("  \n "), 0);
        assert_eq!(word_count("U.S. stocks rose 2.5%"), 4);
    }
}
