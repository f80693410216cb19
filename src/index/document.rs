//! An [`Article`] (plus its file's fingerprint) as a tantivy document.

use serde::{Deserialize, Serialize};
use tantivy::schema::{Facet, Field, OwnedValue, Value};
use tantivy::{DateTime, TantivyDocument};

use crate::article::Article;
use crate::extract::dates::Day;
use crate::extract::places::{Place, PlaceRole};
use crate::index::names::{ArticleNames, Named, SpeakerKey, names_hash};
use crate::index::schema::NewsSchema;

/// A quote as stored with its article, for `newsdex quotes` and snippets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteRecord {
    pub text: String,
    /// Its speaker, as the corpus names them.
    pub speaker: Option<String>,
    /// Who else said it ("Cummings and Nadler said").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub co_speakers: Vec<String>,
    pub role: Option<String>,
    pub direct: bool,
    /// The names the article itself gives the speakers, when the corpus
    /// names any of them otherwise ("Reagan" for Ronald Reagan).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub as_written: Vec<String>,
}

impl QuoteRecord {
    /// Every speaker of the quote.
    pub fn speakers(&self) -> impl Iterator<Item = &str> {
        self.speaker
            .iter()
            .chain(&self.co_speakers)
            .map(String::as_str)
    }

    /// The names the article gives the speakers.
    fn written(&self) -> Vec<String> {
        if self.as_written.is_empty() {
            self.speakers().map(str::to_string).collect()
        } else {
            self.as_written.clone()
        }
    }

    /// The record with its speakers renamed by `rename` (written name →
    /// the corpus's name).
    fn renamed(&self, rename: &dyn Fn(&str) -> String) -> QuoteRecord {
        let written = self.written();
        let mut names: Vec<String> = Vec::new();
        for name in written.iter().map(|w| rename(w)) {
            if !names.contains(&name) {
                names.push(name);
            }
        }
        let unchanged = names == written;
        let mut names = names.into_iter();
        QuoteRecord {
            speaker: names.next(),
            co_speakers: names.collect(),
            as_written: if unchanged { Vec::new() } else { written },
            ..self.clone()
        }
    }
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

/// The speaker keys of an article: its speakers as it names them, then the
/// acronyms it defines (see `index::names`).
pub fn speaker_keys(article: &Article) -> Vec<SpeakerKey> {
    let speakers = article.speakers.iter().map(|s| SpeakerKey::Speaker {
        kind: s.kind,
        name: s.name.clone(),
        role: s
            .role
            .clone()
            .filter(|_| s.kind == crate::extract::speakers::SpeakerKind::Person),
    });
    let acronyms = article
        .acronyms
        .iter()
        .map(|(short, long)| SpeakerKey::Acronym {
            short: short.clone(),
            long: long.clone(),
        });
    speakers.chain(acronyms).collect()
}

/// An article's document but for its speakers' names, which the writer
/// adds once it knows how the corpus names them (`index::names`).
pub struct UnnamedDocument {
    doc: TantivyDocument,
    keys: Vec<SpeakerKey>,
    quotes: Vec<QuoteRecord>,
    /// What the name table needs of the article.
    pub names: ArticleNames,
}

impl UnnamedDocument {
    /// The document, its speakers named as `named` says.
    pub fn named(self, schema: &NewsSchema, named: &[(SpeakerKey, Named)]) -> TantivyDocument {
        let mut doc = self.doc;
        add_speakers(schema, &mut doc, &self.keys, named, &self.quotes);
        doc
    }
}

/// Builds the document for `article`, read from a file with `fingerprint`,
/// all but its speakers' names (see [`UnnamedDocument`]).
pub fn to_document(
    schema: &NewsSchema,
    article: &Article,
    fingerprint: FileFingerprint,
) -> UnnamedDocument {
    let f = &schema.core;
    let mut doc = TantivyDocument::new();
    doc.add_text(f.id, &article.id);
    doc.add_u64(f.id_key, crate::index::ids::id_key(&article.id));
    doc.add_text(f.path, &article.path);
    if let Some(title) = &article.title {
        doc.add_text(f.title, title);
    }
    if let Some(dateline) = &article.dateline {
        doc.add_text(f.dateline, &dateline.text);
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
        doc.add_text(f.author, author);
    }
    if let Some(language) = &article.language {
        doc.add_text(f.language, language);
    }
    doc.add_text(f.body, &article.body);
    doc.add_u64(f.word_count, article.word_count);
    let mut quotes = Vec::with_capacity(article.quotes.len());
    for quote in &article.quotes {
        doc.add_text(f.quote, &quote.text);
        let role = quote.speaker.as_ref().and_then(|name| {
            article
                .speakers
                .iter()
                .find(|s| &s.name == name)
                .and_then(|s| s.role.clone())
        });
        quotes.push(QuoteRecord {
            text: quote.text.clone(),
            speaker: quote.speaker.clone(),
            co_speakers: quote.co_speakers.clone(),
            role,
            direct: quote.direct,
            as_written: Vec::new(),
        });
    }
    let keys = speaker_keys(article);
    let mut countries: Vec<&str> = Vec::new();
    for place in &article.places {
        let record = PlaceRecord::new(place, article.title.as_deref(), &article.body);
        // A country named only by its adjective ("Russian meddling") counts
        // for `--facet country`, `place:`/`--place` and the place tree, but
        // is no value of `--facet place`, which lists the places named.
        if place.role != PlaceRole::Adjective {
            doc.add_text(f.place, &record.label);
        }
        doc.add_text(
            f.place_record,
            serde_json::to_string(&record).unwrap_or_default(),
        );
        add_place_fields(schema, &mut doc, &record);
        if let Some(country) = place.country.as_deref()
            && !countries.contains(&country)
        {
            countries.push(country);
            doc.add_text(f.country, country);
        }
    }
    let fast = FastValues {
        signature: article
            .signature
            .as_ref()
            .map(crate::extract::minhash::encode),
        file_size: fingerprint.size,
        file_mtime: fingerprint.mtime_ns,
        content_hash: fingerprint.content_hash,
    };
    fast.add_to(schema, &mut doc);
    add_copies(schema, &mut doc);
    UnnamedDocument {
        doc,
        names: ArticleNames {
            keys: keys.clone(),
            year: article.date.map(|d| d.year()),
            source: article.source.clone(),
        },
        keys,
        quotes,
    }
}

/// The fields a document has only as columns (not stored): what a rewrite
/// reads back from the index.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FastValues {
    pub signature: Option<String>,
    pub file_size: u64,
    pub file_mtime: u64,
    pub content_hash: u64,
}

impl FastValues {
    /// The values of document `doc` of `segment`.
    pub fn read(
        segment: &tantivy::SegmentReader,
        schema: &NewsSchema,
        doc: tantivy::DocId,
    ) -> tantivy::Result<FastValues> {
        let f = &schema.core;
        let fast = segment.fast_fields();
        let number = |field: Field| -> tantivy::Result<u64> {
            Ok(fast
                .u64(schema.name(field))
                .ok()
                .and_then(|c| c.first(doc))
                .unwrap_or(0))
        };
        let mut signature = None;
        if let Some(column) = fast.str(schema.name(f.signature))?
            && let Some(ord) = column.term_ords(doc).next()
        {
            let mut text = String::new();
            column.ord_to_str(ord, &mut text)?;
            signature = Some(text);
        }
        Ok(FastValues {
            signature,
            file_size: number(f.file_size)?,
            file_mtime: number(f.file_mtime)?,
            content_hash: number(f.content_hash)?,
        })
    }

    fn add_to(&self, schema: &NewsSchema, doc: &mut TantivyDocument) {
        let f = &schema.core;
        if let Some(signature) = &self.signature {
            doc.add_text(f.signature, signature);
        }
        doc.add_u64(f.file_size, self.file_size);
        doc.add_u64(f.file_mtime, self.file_mtime);
        doc.add_u64(f.content_hash, self.content_hash);
    }
}

/// Adds the speaker fields: `speaker_key` (as the article names them),
/// `speaker` (as the corpus names them, each once, in the article's
/// order), `speaker_words` and `speaker_aliases` (the other names the
/// corpus gives them), the quote records with their speakers renamed, and
/// `speaker_hash`.
fn add_speakers(
    schema: &NewsSchema,
    doc: &mut TantivyDocument,
    keys: &[SpeakerKey],
    named: &[(SpeakerKey, Named)],
    quotes: &[QuoteRecord],
) {
    let f = &schema.core;
    for key in keys {
        doc.add_text(f.speaker_key, key.encode());
    }
    // Each name shown, with the other names it goes by in the corpus.
    let mut shown: Vec<(&str, Vec<&str>)> = Vec::new();
    for (key, named) in named {
        let at = match shown.iter().position(|(name, _)| *name == named.name) {
            Some(at) => at,
            None => {
                doc.add_text(f.speaker, &named.name);
                doc.add_text(f.speaker_words, &named.name);
                shown.push((&named.name, Vec::new()));
                shown.len() - 1
            }
        };
        let written = match key {
            SpeakerKey::Speaker { name, .. } => Some(name.as_str()),
            SpeakerKey::Acronym { .. } => None,
        };
        for alias in named.aliases.iter().map(String::as_str).chain(written) {
            if alias != named.name && !shown[at].1.contains(&alias) {
                shown[at].1.push(alias);
                doc.add_text(f.speaker_words, alias);
            }
        }
    }
    for (name, aliases) in shown.iter().filter(|(_, aliases)| !aliases.is_empty()) {
        doc.add_text(f.speaker_aliases, format!("{name}\t{}", aliases.join("\t")));
    }
    let rename = |written: &str| {
        named
            .iter()
            .find(|(key, _)| matches!(key, SpeakerKey::Speaker { name, .. } if name == written))
            .map_or_else(|| written.to_string(), |(_, named)| named.name.clone())
    };
    for quote in quotes {
        let record = quote.renamed(&rename);
        doc.add_text(
            f.quote_record,
            serde_json::to_string(&record).unwrap_or_default(),
        );
    }
    doc.add_u64(f.speaker_hash, names_hash(named));
}

/// Adds the fields made from a place record: `place_words` and `place_path`.
fn add_place_fields(schema: &NewsSchema, doc: &mut TantivyDocument, record: &PlaceRecord) {
    let f = &schema.core;
    doc.add_text(f.place_words, record.words());
    doc.add_facet(f.place_path, Facet::from_path(&record.path));
}

/// Adds the copies the schema declares (`title_words` of `title`, …) of
/// every value the document holds; the speakers' words are written with
/// their names (`add_speakers`).
fn add_copies(schema: &NewsSchema, doc: &mut TantivyDocument) {
    let mut copies: Vec<(Field, String)> = Vec::new();
    for f in schema
        .fields
        .iter()
        .filter(|f| f.field != schema.core.speaker)
    {
        for copy in schema.copies_of(f.field) {
            for value in doc.get_all(f.field) {
                if let Some(text) = value.as_str() {
                    copies.push((copy, text.to_string()));
                }
            }
        }
    }
    for (field, text) in copies {
        doc.add_text(field, text);
    }
}

/// A stored document written again with the speakers `named` (each key of
/// the article with the name the corpus gives it): what the name pass adds
/// to the index in place of `stored`.
pub fn rebuild_document(
    schema: &NewsSchema,
    stored: &TantivyDocument,
    fast: &FastValues,
    named: &[(SpeakerKey, Named)],
) -> TantivyDocument {
    let f = &schema.core;
    let rewritten = [
        f.speaker,
        f.speaker_key,
        f.speaker_aliases,
        f.speaker_hash,
        f.quote_record,
    ];
    let mut doc = TantivyDocument::new();
    for (field, value) in stored.field_values() {
        if !rewritten.contains(&field) {
            doc.add_field_value(field, value);
        }
    }
    // Not stored: derived again from the id.
    if let Some(id) = stored.get_first(f.id).and_then(|v| v.as_str()) {
        doc.add_u64(f.id_key, crate::index::ids::id_key(id));
    }
    let keys: Vec<SpeakerKey> = stored
        .get_all(f.speaker_key)
        .filter_map(|v| v.as_str().and_then(SpeakerKey::decode))
        .collect();
    let quotes: Vec<QuoteRecord> = stored
        .get_all(f.quote_record)
        .filter_map(|v| v.as_str().and_then(|s| serde_json::from_str(s).ok()))
        .collect();
    // The quotes' text is kept in their records only (`stored_in`).
    for quote in &quotes {
        doc.add_text(f.quote, &quote.text);
    }
    add_speakers(schema, &mut doc, &keys, named, &quotes);
    let places: Vec<PlaceRecord> = stored
        .get_all(f.place_record)
        .filter_map(|v| v.as_str().and_then(|s| serde_json::from_str(s).ok()))
        .collect();
    for record in &places {
        add_place_fields(schema, &mut doc, record);
    }
    fast.add_to(schema, &mut doc);
    add_copies(schema, &mut doc);
    doc
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
        let doc = to_document(&schema, &article, fingerprint).named(&schema, &[]);
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
