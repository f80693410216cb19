//! Extraction: pure functions from article text to structured data.
//!
//! [`enrich`] runs every extractor over an [`Article`] a reader produced.
//! Speakers and places plug in here.

pub mod dateline;
pub mod dates;
pub mod text;

use crate::article::Article;

/// Fills the fields the extractors derive from the text: dateline, date
/// (when the reader found none), source (the dateline's agency, when the
/// reader found none) and word count.
pub fn enrich(article: &mut Article) {
    article.dateline = dateline::find_dateline(&article.body);
    if let Some(dateline) = &article.dateline {
        if article.date.is_none() {
            article.date = dateline.date.and_then(|d| d.day());
        }
        if article.source.is_none() {
            article.source = dateline.agency.clone();
        }
    }
    article.word_count = text::word_count(&article.body);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dateline_supplies_date_and_source_only_when_missing() {
        let mut a = Article {
            body: "GENEVA, March 4, 2019 (AFP) - Talks ended without a deal.".into(),
            ..Article::default()
        };
        enrich(&mut a);
        assert_eq!(a.date.unwrap().to_string(), "2019-03-04");
        assert_eq!(a.source.as_deref(), Some("AFP"));
        assert_eq!(a.word_count, 10);

        let mut b = Article {
            body: "PARIS (Reuters) - France spoke.".into(),
            source: Some("Le Monde".into()),
            ..Article::default()
        };
        enrich(&mut b);
        assert_eq!(b.source.as_deref(), Some("Le Monde"));
        assert_eq!(b.date, None);
    }
}
