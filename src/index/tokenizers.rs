//! The analysers newsdex registers with tantivy.
//!
//! Both split on non-alphanumeric characters, drop tokens over 40 bytes,
//! lower-case and fold accents ("Stéphane" matches "Stephane"). `news_en`
//! adds English stemming for title and body; `news_words` keeps word forms and
//! answers prefix queries. Neither removes stop words, so a phrase such as
//! "Ministers of Defense" is matched word for word.

use tantivy::Index;
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer,
    TextAnalyzer, Token,
};

/// Lower-case, accent folding and English stemming.
pub const STEMMED: &str = "news_en";
/// Lower-case and accent folding, no stemming.
pub const WORDS: &str = "news_words";
/// Every tokenizer a schema may name (`raw` is tantivy's own, for strings).
pub const ALL: [&str; 2] = [STEMMED, WORDS];

pub fn stemmed() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(Stemmer::new(Language::English))
        .build()
}

pub fn words() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

pub fn register(index: &Index) {
    let manager = index.tokenizers();
    manager.register(STEMMED, stemmed());
    manager.register(WORDS, words());
}

/// The tokens of `text` under `analyzer`, with byte offsets into `text`.
pub fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<Token> {
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        out.push(stream.token().clone());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
        tokens(analyzer, text).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn stemmed_folds_case_accents_and_suffixes() {
        assert_eq!(
            texts(&mut stemmed(), "Stéphane's Ministers of Defense"),
            ["stephan", "s", "minist", "of", "defens"]
        );
    }

    #[test]
    fn words_keeps_word_forms() {
        assert_eq!(
            texts(&mut words(), "Presidential Élection"),
            ["presidential", "election"]
        );
    }

    #[test]
    fn both_analysers_yield_the_same_token_positions() {
        let text = "Officials said the “total war” in São Paulo's north-east, 2016.";
        let a = tokens(&mut stemmed(), text);
        let b = tokens(&mut words(), text);
        assert_eq!(a.len(), b.len());
        for (x, y) in a.iter().zip(&b) {
            assert_eq!((x.offset_from, x.offset_to), (y.offset_from, y.offset_to));
        }
    }
}
