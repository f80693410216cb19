//! `newsdex quotes`: what was said, by whom, about what.
//!
//! The query searches the `quote` field (not title and body), a speaker
//! filter narrows to articles quoting that speaker, and within each matching
//! article only the quotes that match the query and the speaker are listed.

use serde::Serialize;
use tantivy::TantivyDocument;
use tantivy::collector::TopDocs;

use crate::error::Result;
use crate::extract::dates::Day;
use crate::index::document::{QuoteRecord, first_day, first_text, stored_values};
use crate::index::schema::NewsSchema;
use crate::index::tokenizers;
use crate::search::NewsSearcher;
use crate::search::query::{self, Highlights};
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
    pub speaker: Option<String>,
    /// The others of a coordinated source ("Cummings and Nadler said").
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub co_speakers: Vec<String>,
    pub role: Option<String>,
    pub text: String,
    pub direct: bool,
    pub id: String,
    pub title: Option<String>,
    pub date: Option<Day>,
    pub path: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct QuotesResults {
    /// Articles that matched the query and speaker.
    pub articles: usize,
    pub quotes: Vec<QuoteHit>,
}

/// Articles examined at most, however few quotes match in them.
const MAX_ARTICLES: usize = 10_000;

impl NewsSearcher {
    pub fn quotes(&self, request: &QuotesRequest) -> Result<QuotesResults> {
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
        let searcher = self.searcher();
        let found = searcher.search(
            &*parsed.query,
            &TopDocs::with_limit(MAX_ARTICLES).order_by_score(),
        )?;
        let speaker_words = request.speaker.as_deref().map(name_words);
        let mut quotes = Vec::new();
        for (_, address) in &found {
            if quotes.len() >= request.limit {
                break;
            }
            let doc: TantivyDocument = searcher.doc(*address)?;
            let aliases = aliases(&doc, schema.core.speaker_aliases);
            for record in records(&doc, schema.core.quote_record) {
                if quotes.len() >= request.limit {
                    break;
                }
                if !speaks(&record, &aliases, speaker_words.as_deref())
                    || !says(&record, &parsed.highlights)
                {
                    continue;
                }
                quotes.push(QuoteHit {
                    speaker: record.speaker,
                    co_speakers: record.co_speakers,
                    role: record.role,
                    text: record.text,
                    direct: record.direct,
                    id: first_text(&doc, schema.core.id).unwrap_or_default(),
                    title: first_text(&doc, schema.core.title),
                    date: first_day(&doc, schema.core.date),
                    path: first_text(&doc, schema.core.path).unwrap_or_default(),
                });
            }
        }
        Ok(QuotesResults {
            articles: found.len(),
            quotes,
        })
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
    records(doc, schema.core.quote_record)
        .into_iter()
        .filter(|record| speaks(record, &aliases, wanted.as_deref()))
        .map(|record| record.text)
        .collect()
}

/// The quote records stored with an article.
pub fn records(doc: &TantivyDocument, field: tantivy::schema::Field) -> Vec<QuoteRecord> {
    stored_values(doc, field)
        .into_iter()
        .filter_map(|v| v.as_str().and_then(|s| serde_json::from_str(s).ok()))
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
