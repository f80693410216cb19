//! `newsdex quotes`: what was said, by whom, about what.
//!
//! The query searches the `quote` field (not title and body), a speaker
//! filter narrows to articles quoting that speaker, and within each matching
//! article only the quotes that match the query and the speaker are listed.

use serde::Serialize;
use tantivy::collector::TopDocs;
use tantivy::collector::sort_key::SortByStaticFastValue;
use tantivy::{DateTime, Order, TantivyDocument};

use crate::error::Result;
use crate::extract::dates::Day;
use crate::index::document::{QuoteRecord, first_day, first_text, quote_records, stored_values};
use crate::index::schema::NewsSchema;
use crate::index::tokenizers;
use crate::search::NewsSearcher;
use crate::search::doc_list::DocList;
use crate::search::limits;
use crate::search::query::{self, Highlights, ParsedQuery};
use crate::search::snippet::match_strength;

/// What to list.
#[derive(Debug, Clone, Default)]
pub struct QuotesRequest {
    /// Words to find in quotes; `None` or `*` for any quote.
    pub query: Option<String>,
    /// A speaker's name or part of it ("Ayrault").
    pub speaker: Option<String>,
    pub limit: usize,
}

/// One quote with its speaker and article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteHit {
    /// What was said and by whom (its fields are the hit's own in JSON).
    #[serde(flatten)]
    pub said: ShownQuote,
    pub id: String,
    pub title: Option<String>,
    pub date: Option<Day>,
    pub path: String,
}

/// One quote of an article as `show` and `export` give it: what was said,
/// by whom (as the corpus names them), and whether word for word.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ShownQuote {
    pub speaker: Option<String>,
    /// The others of a coordinated source ("Cummings and Nadler said").
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub co_speakers: Vec<String>,
    pub role: Option<String>,
    pub text: String,
    /// True for the words in quotation marks, false for reported speech.
    pub direct: bool,
}

/// The quotes of a stored article, in the order the article gives them.
pub fn shown_quotes(schema: &NewsSchema, doc: &TantivyDocument) -> Vec<ShownQuote> {
    quote_records(schema, doc)
        .into_iter()
        .map(ShownQuote::from)
        .collect()
}

impl From<QuoteRecord> for ShownQuote {
    fn from(record: QuoteRecord) -> ShownQuote {
        ShownQuote {
            speaker: record.speaker,
            co_speakers: record.co_speakers,
            role: record.role,
            text: record.text,
            direct: record.direct,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct QuotesResults {
    /// Articles that matched the query and speaker.
    pub articles: usize,
    pub quotes: Vec<QuoteHit>,
}

/// A speaker's quotes, read from every article or a sample of them.
#[derive(Debug, Clone)]
pub struct QuoteSample {
    /// Articles the request finds.
    pub articles: u64,
    /// Articles whose quotes were read: all of them, or a sample.
    pub read: u64,
    /// The quotes of the articles read.
    pub quotes: Vec<QuoteHit>,
    /// The quotes of the newest articles (of all, when all were read).
    pub latest: Vec<QuoteHit>,
}

/// Articles examined at most, however few quotes match in them.
const MAX_ARTICLES: usize = 10_000;

impl NewsSearcher {
    pub fn quotes(&self, request: &QuotesRequest) -> Result<QuotesResults> {
        limits::at_most("limit", request.limit, limits::MAX_LIMIT)?;
        let (parsed, speaker_words) = self.quotes_query(request)?;
        let searcher = self.searcher();
        let found = searcher.search(
            &*parsed.query,
            &TopDocs::with_limit(MAX_ARTICLES).order_by_score(),
        )?;
        let mut quotes = Vec::new();
        for (_, address) in &found {
            if quotes.len() >= request.limit {
                break;
            }
            let doc: TantivyDocument = searcher.doc(*address)?;
            self.article_quotes(&doc, &parsed, speaker_words.as_deref(), |quote| {
                quotes.push(quote);
                quotes.len() < request.limit
            });
        }
        Ok(QuotesResults {
            articles: found.len(),
            quotes,
        })
    }

    /// A speaker's quotes for a profile, without reading every article of a
    /// much-quoted speaker: the quotes of every article the request finds,
    /// or, past `sample` articles, of an evenly spaced sample of them; and
    /// the quotes of the `newest` most recent articles, for the latest.
    pub fn quote_sample(
        &self,
        request: &QuotesRequest,
        sample: usize,
        newest: usize,
    ) -> Result<QuoteSample> {
        let (parsed, speaker_words) = self.quotes_query(request)?;
        let searcher = self.searcher();
        let docs = searcher.search(&*parsed.query, &DocList)?;
        let taken = docs.len().min(sample.max(1));
        let mut quotes = Vec::new();
        for i in 0..taken {
            let doc: TantivyDocument = searcher.doc(docs[i * docs.len() / taken])?;
            self.article_quotes(&doc, &parsed, speaker_words.as_deref(), |quote| {
                quotes.push(quote);
                true
            });
        }
        let latest = if taken == docs.len() {
            quotes.clone()
        } else {
            let schema = &self.index.schema;
            let by_date = (
                SortByStaticFastValue::<DateTime>::for_field(schema.name(schema.core.date)),
                Order::Desc,
            );
            let recent = searcher.search(
                &*parsed.query,
                &TopDocs::with_limit(newest).order_by(by_date),
            )?;
            let mut latest = Vec::new();
            for (_, address) in recent {
                let doc: TantivyDocument = searcher.doc(address)?;
                self.article_quotes(&doc, &parsed, speaker_words.as_deref(), |quote| {
                    latest.push(quote);
                    true
                });
            }
            latest
        };
        Ok(QuoteSample {
            articles: docs.len() as u64,
            read: taken as u64,
            quotes,
            latest,
        })
    }

    /// The query of a quotes request over the `quote` field, and the
    /// speaker's name as words.
    fn quotes_query(&self, request: &QuotesRequest) -> Result<(ParsedQuery, Option<Vec<String>>)> {
        let schema = &self.index.schema;
        let quote_field = schema.name(schema.core.quote).to_string();
        let speaker_field = schema.name(schema.core.speaker).to_string();
        let words = request
            .query
            .as_deref()
            .map(str::trim)
            .filter(|q| !q.is_empty() && *q != "*");
        let mut parts: Vec<String> = Vec::new();
        if let Some(words) = words {
            parts.push(format!("({words})"));
        }
        if let Some(speaker) = &request.speaker {
            parts.push(format!("{speaker_field}:{}", query::phrase(speaker)));
        }
        let text = if parts.is_empty() {
            "*".to_string()
        } else {
            parts.join(" AND ")
        };
        let parsed = query::parse_in(schema, &self.index.index, &text, &[quote_field.as_str()])?;
        let speaker_words = request.speaker.as_deref().map(name_words);
        Ok((parsed, speaker_words))
    }

    /// Hands `each` the quotes of a stored article that the speaker said
    /// and that hold the query's words, until it answers false.
    fn article_quotes(
        &self,
        doc: &TantivyDocument,
        parsed: &ParsedQuery,
        speaker_words: Option<&[String]>,
        mut each: impl FnMut(QuoteHit) -> bool,
    ) {
        let schema = &self.index.schema;
        let aliases = aliases(doc, schema.core.speaker_aliases);
        for record in quote_records(schema, doc) {
            if !speaks(&record, &aliases, speaker_words) || !says(&record, &parsed.highlights) {
                continue;
            }
            let quote = QuoteHit {
                said: ShownQuote::from(record),
                id: first_text(doc, schema.core.id).unwrap_or_default(),
                title: first_text(doc, schema.core.title),
                date: first_day(doc, schema.core.date),
                path: first_text(doc, schema.core.path).unwrap_or_default(),
            };
            if !each(quote) {
                break;
            }
        }
    }
}

/// The texts of an article's quotes, or of those of the speaker named
/// `speaker` (a full name or part of one, any of the names the corpus gives
/// the speaker), as `quotes --speaker` selects them.
pub fn quote_texts(
    doc: &TantivyDocument,
    schema: &NewsSchema,
    speaker: Option<&str>,
) -> Vec<String> {
    let wanted = speaker.map(name_words);
    let aliases = aliases(doc, schema.core.speaker_aliases);
    quote_records(schema, doc)
        .into_iter()
        .filter(|record| speaks(record, &aliases, wanted.as_deref()))
        .map(|record| record.text)
        .collect()
}

fn name_words(name: &str) -> Vec<String> {
    tokenizers::tokens(&mut tokenizers::words(), name)
        .into_iter()
        .map(|t| t.text)
        .collect()
}

/// Each speaker of an article with the other names the corpus gives it.
fn aliases(doc: &TantivyDocument, field: tantivy::schema::Field) -> Vec<Vec<String>> {
    stored_values(doc, field)
        .iter()
        .filter_map(|v| v.as_str())
        .map(|v| v.split('\t').map(str::to_string).collect())
        .collect()
}

/// Whether one of the quote's speakers, under any of its names, has every
/// word of the requested name.
fn speaks(record: &QuoteRecord, aliases: &[Vec<String>], wanted: Option<&[String]>) -> bool {
    let Some(wanted) = wanted else { return true };
    let matches = |name: &str| {
        let have = name_words(name);
        wanted.iter().all(|w| have.contains(w))
    };
    record.speakers().any(|speaker| {
        matches(speaker)
            || aliases
                .iter()
                .filter(|names| names.first().is_some_and(|n| n == speaker))
                .flatten()
                .any(|alias| matches(alias))
    }) || record.as_written.iter().any(|w| matches(w))
}

/// Whether the quote's text matches the query's words (any quote when the
/// query has none).
fn says(record: &QuoteRecord, highlights: &Highlights) -> bool {
    let nothing_to_match = highlights.terms.is_empty()
        && highlights.prefixes.is_empty()
        && highlights.phrases.is_empty();
    nothing_to_match || match_strength(&record.text, highlights) > 0
}
