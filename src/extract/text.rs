//! Small text utilities shared by the extractors.

/// Words in `text`: whitespace-separated runs holding a letter or digit.
pub fn word_count(text: &str) -> u64 {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count() as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_words_not_punctuation() {
        assert_eq!(word_count("“We are ready,” she said — and left."), 7);
        assert_eq!(word_count("  \n "), 0);
        assert_eq!(word_count("U.S. stocks rose 2.5%"), 4);
    }
}
