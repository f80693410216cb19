//! An [`Article`] (plus its file's fingerprint) as a tantivy document.

use serde::{Deserialize, Serialize};
use tantivy::schema::{Facet, Field, OwnedValue};
use tantivy::{DateTime, TantivyDocument};

use crate::article::Article;
use crate::extract::dates::Day;
use crate::index::schema::NewsSchema;

/// A quote as stored with its article, for `newsdex quotes` and snippets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteRecord {
    pub text: String,
    pub speaker: Option<String>,
    pub role: Option<String>,
    pub direct: bool,
}

/// What incremental indexing remembers of a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileFingerprint {
    pub size: u64,
    pub mtime_ns: u64,
    pub content_hash: u64,
}

/// Builds the document for `article`, read from a file with `fingerprint`.
pub fn to_document(
    schema: &NewsSchema,
    article: &Article,
    fingerprint: FileFingerprint,
) -> TantivyDocument {
    let f = &schema.core;
    let mut doc = TantivyDocument::new();
    doc.add_text(f.id, &article.id);
    doc.add_text(f.path, &article.path);
    if let Some(title) = &article.title {
        add_text_with_copies(schema, &mut doc, f.title, title);
    }
    if let Some(dateline) = &article.dateline {
        add_text_with_copies(schema, &mut doc, f.dateline, &dateline.text);
    }
    if let Some(day) = article.date {
        doc.add_date(f.date, DateTime::from_timestamp_secs(day.unix_seconds()));
    }
    if let Some(source) = &article.source {
        doc.add_text(f.source, source);
    }
    if let Some(url) = &article.url {
        doc.add_text(f.url, url);
    }
    if let Some(author) = &article.author {
        add_text_with_copies(schema, &mut doc, f.author, author);
    }
    if let Some(language) = &article.language {
        doc.add_text(f.language, language);
    }
    add_text_with_copies(schema, &mut doc, f.body, &article.body);
    doc.add_u64(f.word_count, article.word_count);
    for speaker in &article.speakers {
        add_text_with_copies(schema, &mut doc, f.speaker, &speaker.name);
    }
    for quote in &article.quotes {
        add_text_with_copies(schema, &mut doc, f.quote, &quote.text);
        let role = quote.speaker.as_ref().and_then(|name| {
            article
                .speakers
                .iter()
                .find(|s| &s.name == name)
                .and_then(|s| s.role.clone())
        });
        let record = QuoteRecord {
            text: quote.text.clone(),
            speaker: quote.speaker.clone(),
            role,
            direct: quote.direct,
        };
        doc.add_text(
            f.quote_record,
            serde_json::to_string(&record).unwrap_or_default(),
        );
    }
    let mut countries: Vec<&str> = Vec::new();
    for place in &article.places {
        let label = place.label();
        doc.add_text(f.place, &label);
        // `place:Syria` finds Aleppo: the words of a place are its label
        // (so a value copied from `--facet place` finds itself), its path
        // from the continent down, and its country's code (`place:US`).
        let mut words = format!("{label} ; {}", place.path.join(" ; "));
        if let Some(code) = &place.country_code {
            words.push_str(" ; ");
            words.push_str(code);
        }
        doc.add_text(f.place_words, &words);
        doc.add_facet(f.place_path, Facet::from_path(&place.path));
        if let Some(country) = place.country.as_deref()
            && !countries.contains(&country)
        {
            countries.push(country);
            doc.add_text(f.country, country);
        }
    }
    if let Some(signature) = &article.signature {
        doc.add_text(f.signature, crate::extract::minhash::encode(signature));
    }
    doc.add_u64(f.file_size, fingerprint.size);
    doc.add_u64(f.file_mtime, fingerprint.mtime_ns);
    doc.add_u64(f.content_hash, fingerprint.content_hash);
    doc
}

fn add_text_with_copies(schema: &NewsSchema, doc: &mut TantivyDocument, field: Field, text: &str) {
    doc.add_text(field, text);
    for copy in schema.copies_of(field) {
        doc.add_text(copy, text);
    }
}

/// A stored document's values for `field`, as plain JSON values.
pub fn stored_values(doc: &TantivyDocument, field: Field) -> Vec<serde_json::Value> {
    doc.get_all(field)
        .map(|value| match OwnedValue::from(value) {
            OwnedValue::Str(s) => serde_json::Value::String(s),
            OwnedValue::U64(n) => serde_json::Value::from(n),
            OwnedValue::I64(n) => serde_json::Value::from(n),
            OwnedValue::F64(n) => serde_json::Value::from(n),
            OwnedValue::Bool(b) => serde_json::Value::Bool(b),
            OwnedValue::Date(d) => match Day::from_unix_seconds(d.into_timestamp_secs()) {
                Some(day) => serde_json::Value::String(day.to_string()),
                None => serde_json::Value::Null,
            },
            other => serde_json::Value::String(format!("{other:?}")),
        })
        .collect()
}

/// The first stored string of `field`.
pub fn first_text(doc: &TantivyDocument, field: Field) -> Option<String> {
    stored_values(doc, field)
        .into_iter()
        .find_map(|v| v.as_str().map(str::to_owned))
}

/// The stored date of `field`.
pub fn first_day(doc: &TantivyDocument, field: Field) -> Option<Day> {
    stored_values(doc, field)
        .into_iter()
        .find_map(|v| v.as_str().and_then(Day::parse_iso))
}
