//! Extraction: pure functions from article text to structured data.
//!
//! [`enrich`] runs every extractor over an [`Article`] a reader produced.
//! Quotes, speakers and places share one tokenisation of the body.

pub mod dateline;
pub mod dates;
pub mod lexicon;
pub mod minhash;
pub mod places;
pub mod quotes;
pub mod report;
pub mod speakers;
pub mod text;
pub mod tokens;

use crate::article::Article;
use crate::extract::quotes::{Quote, Span};
use crate::extract::speakers::{Speaker, SpeakerKind};
use crate::extract::text::to_lower;
use crate::extract::tokens::Tok;

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
    // Still no date: a first line that is nothing but a date ("Friday,
    // July 21, 2017", as Wikinews opens) is one the text states.
    if article.date.is_none() {
        let first_line = article
            .body
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("");
        if first_line.len() <= 60 {
            article.date = dates::parse_date_line(first_line);
        }
    }
    article.word_count = text::word_count(&article.body);
    article.signature = minhash::signature(&article.body);
    // The dateline is not part of any sentence's subject: blank it (byte
    // for byte, so offsets stay valid) before reading quotes and places.
    let text = match &article.dateline {
        Some(dateline) => {
            let mut masked = article.body.clone();
            let blank = " ".repeat(dateline.body_start);
            masked.replace_range(..dateline.body_start, &blank);
            std::borrow::Cow::Owned(masked)
        }
        None => std::borrow::Cow::Borrowed(article.body.as_str()),
    };
    let read = read_text(&text);
    article.places = places::find_places(
        article.title.as_deref(),
        &article.body,
        &read.tokens,
        article.dateline.as_ref(),
        &read.person_spans(),
        &read.person_words(),
    );
    article.acronyms = speakers::acronyms(&text, &read.tokens);
    article.headline_quotes = article
        .title
        .as_deref()
        .map(|title| headline_quotes(title, &read.speakers))
        .unwrap_or_default();
    article.speakers = read.speakers;
    article.quotes = read.quotes;
    let country = article_country(&article.places);
    speakers::qualify_national_bodies(&mut article.speakers, &mut article.quotes, country);
}

/// The country an article is from: its dateline's, else the only one its
/// places lie in. An archive's story from Belgrade that names Yugoslavia
/// is from Yugoslavia, not from today's Serbia (see `FORMER_STATES`).
fn article_country(places: &[places::Place]) -> Option<&str> {
    let country = if let Some(dateline) = places
        .iter()
        .find(|p| p.role == places::PlaceRole::Dateline)
    {
        dateline.country.as_deref()
    } else {
        let mut countries = places.iter().filter_map(|p| p.country.as_deref());
        let first = countries.next()?;
        countries.all(|c| c == first).then_some(first)
    }?;
    let former = FORMER_STATES.iter().find(|(state, successors)| {
        successors.contains(&country) && places.iter().any(|p| p.name == *state)
    });
    Some(former.map_or(country, |(state, _)| state))
}

/// States that are gone (data/sources/extra_names.tsv gives them as places
/// of their own) and the countries of today on their land, as GeoNames
/// names them.
const FORMER_STATES: [(&str, &[&str]); 5] = [
    (
        "Soviet Union",
        &[
            "Russia",
            "Ukraine",
            "Belarus",
            "Kazakhstan",
            "Georgia",
            "Armenia",
            "Azerbaijan",
            "Lithuania",
            "Latvia",
            "Estonia",
            "Moldova",
            "Uzbekistan",
            "Turkmenistan",
            "Tajikistan",
            "Kyrgyzstan",
        ],
    ),
    (
        "Yugoslavia",
        &[
            "Serbia",
            "Croatia",
            "Slovenia",
            "Bosnia and Herzegovina",
            "Montenegro",
            "North Macedonia",
            "Kosovo",
        ],
    ),
    ("Czechoslovakia", &["Czechia", "Slovakia"]),
    ("West Germany", &["Germany"]),
    ("East Germany", &["Germany"]),
];

/// The attributions of a headline, their speakers named as the body names
/// them: "Obama Says …" is the body's Barack Obama. "Name: claim" counts
/// only when the body quotes that name ("Sanders: Clinton needs to …").
fn headline_quotes(title: &str, body_speakers: &[Speaker]) -> Vec<Quote> {
    let (mut attributions, tokens) = quotes::read_body(title);
    if attributions.is_empty()
        && let Some(labelled) = quotes::labelled_headline(title, |label| {
            body_speakers.iter().any(|s| is_named(&s.name, label))
        })
    {
        attributions.push(labelled);
    }
    let resolved = speakers::resolve_with_tokens(title, &attributions, &tokens);
    let as_in_body = |name: &str| {
        body_speakers
            .iter()
            .find(|s| is_named(&s.name, name))
            .map_or_else(|| name.to_string(), |s| s.name.clone())
    };
    attributions
        .iter()
        .zip(&resolved.speakers_of)
        .map(|(a, speakers)| {
            let names = speakers
                .iter()
                .map(|&i| as_in_body(&resolved.speakers[i].name));
            quote_of(title, a, names)
        })
        .collect()
}

/// The quote an attribution of `text` makes, its speakers named `names`
/// (the first the speaker, the rest co-speakers).
fn quote_of(text: &str, a: &quotes::Attribution, mut names: impl Iterator<Item = String>) -> Quote {
    let attribution = quotes::attribution_span(a.source, a.cue);
    Quote {
        text: quotes::quote_text(text, a.content, attribution),
        content: a.content,
        parts: quotes::quote_parts(text, a.content, attribution),
        direct: a.direct,
        kind: a.kind,
        cue: a.cue,
        source: a.source,
        speaker: names.next(),
        co_speakers: names.collect(),
    }
}

/// Whether `name` ("Barack Obama") is what `short` ("Obama", "Barack
/// Obama") calls someone.
fn is_named(name: &str, short: &str) -> bool {
    name == short
        || name
            .strip_suffix(short)
            .is_some_and(|rest| rest.ends_with(' '))
}

/// What the quote and speaker extractors read from a body.
pub struct ReadText {
    pub speakers: Vec<Speaker>,
    pub quotes: Vec<Quote>,
    /// The body's tokens, for the extractors that follow.
    pub tokens: Vec<Tok>,
}

impl ReadText {
    /// Where the text names people (whose names are not places).
    pub fn person_spans(&self) -> Vec<Span> {
        self.people()
            .chain(self.named_firms())
            .flat_map(|s| s.mentions.iter().copied())
            .collect()
    }

    /// The words of the people's names: "Obama" of Barack Obama; and the
    /// last word of a firm named like a person ("Fargo" of Wells Fargo).
    pub fn person_words(&self) -> Vec<&str> {
        self.people()
            .flat_map(|s| s.name.split_whitespace())
            .chain(
                self.named_firms()
                    .filter_map(|s| s.name.split_whitespace().last()),
            )
            .collect()
    }

    /// Organisations named like people, by words of their own: "Wells
    /// Fargo", not "Bank of England" (of a place) nor "Russia" (a
    /// government that speaks).
    fn named_firms(&self) -> impl Iterator<Item = &Speaker> {
        self.speakers.iter().filter(|s| {
            let words: Vec<&str> = s.name.split_whitespace().collect();
            s.kind == SpeakerKind::Organisation
                && words.len() >= 2
                && !words
                    .iter()
                    .any(|w| matches!(*w, "of" | "for" | "and" | "&" | "the"))
                && !words.iter().any(|w| {
                    let lower = to_lower(w);
                    lexicon::ORGANISATION_WORDS.has(&lower)
                        || lexicon::INSTITUTIONS.has(&lower)
                        || lexicon::ORG_SUFFIXES.has(&lower)
                })
                && !s.name.contains(['(', '\'', '’'])
        })
    }

    /// The people quoted ("Lincoln said"). Countries, regions and
    /// capitals that speak are organisations already ("California
    /// reported"); names of institutions ("Canada's Broadcasting
    /// Corporation") are left out too.
    fn people(&self) -> impl Iterator<Item = &Speaker> {
        self.speakers.iter().filter(|s| {
            s.kind == SpeakerKind::Person
                && !s.name.contains(['\'', '’'])
                && !s
                    .name
                    .split_whitespace()
                    .any(|w| lexicon::ORGANISATION_WORDS.has(&to_lower(w)))
        })
    }
}

/// Finds the quotes of a body and resolves their speakers.
pub fn speakers_and_quotes(body: &str) -> (Vec<Speaker>, Vec<Quote>) {
    let read = read_text(body);
    (read.speakers, read.quotes)
}

/// Reads quotes and speakers, keeping the tokens.
pub fn read_text(body: &str) -> ReadText {
    let (attributions, tokens) = quotes::read_body(body);
    let resolved = speakers::resolve_with_tokens(body, &attributions, &tokens);
    let quotes = attributions
        .iter()
        .zip(&resolved.speakers_of)
        .map(|(a, speakers)| {
            let names = speakers.iter().map(|&i| resolved.speakers[i].name.clone());
            quote_of(body, a, names)
        })
        .collect();
    ReadText {
        speakers: resolved.speakers,
        quotes,
        tokens,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_government_is_the_articles_countrys_as_it_was_then() {
        let mut a = Article {
            body: "BELGRADE, March 3 - Yugoslavia will freeze prices. The government said it \
                   will freeze prices within five days."
                .into(),
            ..Article::default()
        };
        enrich(&mut a);
        let speakers: Vec<&str> = a.speakers.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(speakers, ["Government (Yugoslavia)"], "{:?}", a.places);
        // From no one country, "the government" is no one's.
        let mut b = Article {
            body: "The government said it would act on prices within five days.".into(),
            ..Article::default()
        };
        enrich(&mut b);
        assert!(b.speakers.is_empty(), "{:?}", b.speakers);
        assert_eq!(b.quotes[0].speaker, None);
    }

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

        let mut c = Article {
            body: "Friday, July 21, 2017\n\nA team of six won a medal.".into(),
            ..Article::default()
        };
        enrich(&mut c);
        assert_eq!(c.date.unwrap().to_string(), "2017-07-21");
        let mut d = Article {
            body: "The vote on July 21, 2017 was close.".into(),
            ..Article::default()
        };
        enrich(&mut d);
        assert_eq!(
            d.date, None,
            "a date inside a sentence is not the publication date"
        );
    }
}
