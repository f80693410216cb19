//! An [`Article`] (plus its file's fingerprint) as a tantivy document.

use serde::{Deserialize, Serialize};
use tantivy::schema::{Facet, Field, OwnedValue};
use tantivy::{DateTime, TantivyDocument};

use crate::article::Article;
use crate::extract::dates::Day;
use crate::extract::places::{Place, PlaceRole};
use crate::index::schema::NewsSchema;

/// A quote as stored with its article, for `newsdex quotes` and snippets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteRecord {
    pub text: String,
    pub speaker: Option<String>,
    pub role: Option<String>,
    pub direct: bool,
}

/// A place as stored with its article, for exports to other engines: what
/// `place` shows (`label`) with what it was resolved to and how it was named.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceRecord {
    /// As the `place` field has it: "Aleppo, Syria".
    pub label: String,
    /// The GeoNames name: "Aleppo".
    pub name: String,
    pub geonameid: Option<u32>,
    /// continent, country, area, region, county or city.
    pub kind: String,
    /// dateline, mention or adjective (named only as "Russian").
    pub role: String,
    pub country: Option<String>,
    pub country_code: Option<String>,
    /// The first-level region a city lies in.
    pub region: Option<String>,
    /// Names from the continent down: Asia, Syria, Aleppo, Aleppo.
    pub path: Vec<String>,
    pub location: GeoPoint,
    /// The words that named it in the title and body, each once
    /// (adjectives included: "Russian").
    pub mentioned_as: Vec<String>,
    /// How many times the title and body name it.
    pub mentions: u64,
}

/// A point on the globe, in degrees.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct GeoPoint {
    pub lat: f64,
    pub lon: f64,
}

impl PlaceRecord {
    pub fn new(place: &Place, title: Option<&str>, body: &str) -> PlaceRecord {
        let mut mentioned_as: Vec<String> = Vec::new();
        let spans = place
            .title_mentions
            .iter()
            .map(|span| title.and_then(|t| t.get(span.start..span.end)))
            .chain(
                place
                    .mentions
                    .iter()
                    .map(|span| body.get(span.start..span.end)),
            );
        let adjectives = place
            .title_adjectives
            .iter()
            .map(|span| title.and_then(|t| t.get(span.start..span.end)))
            .chain(
                place
                    .adjectives
                    .iter()
                    .map(|span| body.get(span.start..span.end)),
            );
        for text in spans.chain(adjectives).flatten() {
            if !mentioned_as.iter().any(|m| m == text) {
                mentioned_as.push(text.to_string());
            }
        }
        PlaceRecord {
            label: place.label(),
            name: place.name.clone(),
            geonameid: place.geonameid,
            kind: lower_case_name(&place.kind),
            role: lower_case_name(&place.role),
            country: place.country.clone(),
            country_code: place.country_code.clone(),
            region: place.admin1.clone(),
            path: place.path.clone(),
            location: GeoPoint {
                lat: place.lat,
                lon: place.lon,
            },
            mentioned_as,
            mentions: (place.mentions.len() + place.title_mentions.len()) as u64,
        }
    }

    /// What `place:` queries match for this place (the `place_words` field):
    /// its label (so a value copied from `--facet place` finds itself), its
    /// path from the continent down, and its country's code (`place:US`).
    pub fn words(&self) -> String {
        let mut words = format!("{} ; {}", self.label, self.path.join(" ; "));
        if let Some(code) = &self.country_code {
            words.push_str(" ; ");
            words.push_str(code);
        }
        words
    }
}

/// The serde name of a unit enum variant (`PlaceKind::City` → "city").
fn lower_case_name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => name,
        _ => String::new(),
    }
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
        let record = PlaceRecord::new(place, article.title.as_deref(), &article.body);
        // A country named only by its adjective ("Russian meddling") counts
        // for `--facet country`, `place:`/`--place` and the place tree, but
        // is no value of `--facet place`, which lists the places named.
        if place.role != PlaceRole::Adjective {
            doc.add_text(f.place, &record.label);
        }
        doc.add_text(f.place_words, record.words());
        doc.add_text(
            f.place_record,
            serde_json::to_string(&record).unwrap_or_default(),
        );
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

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(doc: &TantivyDocument, field: Field) -> Vec<String> {
        doc.get_all(field)
            .filter_map(|v| {
                let v: OwnedValue = v.into();
                match v {
                    OwnedValue::Str(s) => Some(s),
                    _ => None,
                }
            })
            .collect()
    }

    #[test]
    fn an_adjective_counts_for_country_and_place_words_but_not_the_place_facet() {
        let schema = NewsSchema::builtin();
        let mut article = Article {
            body: "Investigators looked into alleged Russian meddling. Officials in \
                   Aleppo spoke."
                .into(),
            ..Article::default()
        };
        crate::extract::enrich(&mut article);
        let fingerprint = FileFingerprint {
            size: 0,
            mtime_ns: 0,
            content_hash: 0,
        };
        let doc = to_document(&schema, &article, fingerprint);
        let f = &schema.core;
        assert_eq!(texts(&doc, f.place), ["Aleppo, Syria"]);
        assert_eq!(texts(&doc, f.country), ["Syria", "Russia"]);
        let words = texts(&doc, f.place_words);
        assert!(words.iter().any(|w| w.starts_with("Russia ;")), "{words:?}");
        let records = texts(&doc, f.place_record);
        let russia: PlaceRecord = serde_json::from_str(&records[1]).unwrap();
        assert_eq!(russia.role, "adjective");
        assert_eq!(russia.mentioned_as, ["Russian"]);
        assert_eq!(russia.mentions, 0);
    }
}
