//! The analysers newsdex registers with tantivy.
//!
//! Both split on non-alphanumeric characters, drop tokens over 40 bytes,
//! lower-case and fold accents ("Stéphane" matches "Stephane"). `news_en`
//! adds English stemming for title and body; `news_words` keeps word forms and
//! answers prefix queries. Neither removes stop words, so a phrase such as
//! "Ministers of Defense" is matched word for word.

use std::cell::RefCell;

use rustc_hash::FxHashMap;
use tantivy::Index;
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer,
    TextAnalyzerBuilder, Token, TokenFilter, TokenStream, Tokenizer,
};

/// Lower-case, accent folding and English stemming.
pub const STEMMED: &str = "news_en";
/// Lower-case and accent folding, no stemming.
pub const WORDS: &str = "news_words";
/// Every tokenizer a schema may name (`raw` is tantivy's own, for strings).
pub const ALL: [&str; 2] = [STEMMED, WORDS];

/// Tokens of this many bytes or more are dropped (identifiers, URLs).
pub const MAX_TOKEN_BYTES: usize = 40;

/// Split on what is not a letter or digit, drop tokens of
/// [`MAX_TOKEN_BYTES`] or more, lower-case, fold accents: where every
/// analyser here starts.
fn folded_words() -> TextAnalyzerBuilder<impl Tokenizer> {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
}

pub fn stemmed() -> TextAnalyzer {
    folded_words().filter(MemoStemmer).build()
}

/// [`stemmed`] as a tantivy user would build it, with tantivy's `Stemmer`
/// and no memo: the reference the memo is tested against, and what the
/// bare tantivy indexer of `benches/ingest.rs` uses.
pub fn stemmed_without_memo() -> TextAnalyzer {
    folded_words()
        .filter(tantivy::tokenizer::Stemmer::new(
            tantivy::tokenizer::Language::English,
        ))
        .build()
}

pub fn words() -> TextAnalyzer {
    folded_words().build()
}

/// English Snowball stemming (tantivy's `Stemmer`, the same algorithm from
/// the same crate) with each thread's stems remembered. Stemming was a
/// tenth of ingest CPU, and news repeats its words: most tokens are found
/// in the memo. The memo is the thread's, not the analyser's, because
/// tantivy clones an analyser for every field of every segment it writes,
/// and a memo of its own started cold each time (tried in the first round
/// of issue 18, and slower).
#[derive(Clone, Copy, Default)]
pub struct MemoStemmer;

/// Distinct words remembered per thread (each about 70 bytes with the map's
/// own): enough for news's vocabulary, bounded for any corpus.
const MEMO_WORDS: usize = 100_000;

struct Memo {
    stemmer: frostem::Stemmer,
    stems: FxHashMap<Box<str>, Box<str>>,
}

thread_local! {
    static MEMO: RefCell<Memo> = RefCell::new(Memo {
        stemmer: frostem::Stemmer::new(frostem::Algorithm::English),
        stems: FxHashMap::default(),
    });
}

/// Replaces `word` with its stem.
fn stem_in_place(word: &mut String) {
    MEMO.with(|memo| {
        let memo = &mut *memo.borrow_mut();
        if let Some(stem) = memo.stems.get(word.as_str()) {
            if **stem != **word {
                word.clear();
                word.push_str(stem);
            }
            return;
        }
        let stem: Box<str> = memo.stemmer.stem(word).into();
        if memo.stems.len() < MEMO_WORDS {
            memo.stems.insert(word.as_str().into(), stem.clone());
        }
        if *stem != **word {
            word.clear();
            word.push_str(&stem);
        }
    })
}

impl TokenFilter for MemoStemmer {
    type Tokenizer<T: Tokenizer> = MemoStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> MemoStemmerFilter<T> {
        MemoStemmerFilter { inner: tokenizer }
    }
}

#[derive(Clone)]
pub struct MemoStemmerFilter<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for MemoStemmerFilter<T> {
    type TokenStream<'a> = MemoStemmerStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        MemoStemmerStream {
            tail: self.inner.token_stream(text),
        }
    }
}

pub struct MemoStemmerStream<T> {
    tail: T,
}

impl<T: TokenStream> TokenStream for MemoStemmerStream<T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        stem_in_place(&mut self.tail.token_mut().text);
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
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
    fn remembered_stems_are_tantivys_stems() {
        let mut tantivys = stemmed_without_memo();
        // Words of many shapes, each twice (the second time from the memo).
        let mut text = String::from(
            "Ministers said the rates were rising; officials' agreed-upon cities, \
             dying, happily, generously, Stéphane, Müller, naïve, 2016, x, a, \
             the United Nations' spokesperson, running runs ran, organisation \
             organization, news, was, is, ponies, caresses, sensational",
        );
        for letters in ["ab", "co", "re", "st", "un"] {
            for length in 3..9 {
                let word: String = letters.chars().cycle().take(length).collect();
                text.push(' ');
                text.push_str(&word);
                text.push_str("ing ");
                text.push_str(&word);
                text.push_str("ies");
            }
        }
        let twice = format!("{text} {text}");
        assert_eq!(texts(&mut stemmed(), &twice), texts(&mut tantivys, &twice));
        assert_eq!(texts(&mut stemmed(), "Rising rates"), ["rise", "rate"]);
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
