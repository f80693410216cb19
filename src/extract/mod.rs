//! Extraction: pure functions from article text to structured data.
//!
//! [`enrich`] runs every extractor over an [`Article`] a reader produced.
//! Speakers and places plug in here.

pub mod dateline;
pub mod dates;
pub mod lexicon;
pub mod quotes;
pub mod report;
pub mod speakers;
pub mod text;
pub mod tokens;

use crate::article::Article;
use crate::extract::quotes::Quote;
use crate::extract::speakers::Speaker;

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
    // The dateline is not part of any sentence's subject: blank it (byte
    // for byte, so offsets stay valid) before reading quotes.
    let (speakers, quotes) = match &article.dateline {
        Some(dateline) => {
            let mut masked = article.body.clone();
            let blank = " ".repeat(dateline.body_start);
            masked.replace_range(..dateline.body_start, &blank);
            speakers_and_quotes(&masked)
        }
        None => speakers_and_quotes(&article.body),
    };
    article.speakers = speakers;
    article.quotes = quotes;
}

/// Finds the quotes of a body and resolves their speakers.
pub fn speakers_and_quotes(body: &str) -> (Vec<Speaker>, Vec<Quote>) {
    let (attributions, tokens) = quotes::read_body(body);
    let resolved = speakers::resolve_with_tokens(body, &attributions, &tokens);
    let quotes = attributions
        .iter()
        .zip(&resolved.speaker_of)
        .map(|(a, speaker)| Quote {
            text: quotes::quote_text(body, a.content),
            content: a.content,
            direct: a.direct,
            cue: a.cue,
            source: a.source,
            speaker: speaker.map(|i| resolved.speakers[i].name.clone()),
        })
        .collect();
    (resolved.speakers, quotes)
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
