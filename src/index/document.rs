//! An [`Article`] (plus its file's fingerprint) as a tantivy document.

use serde::{Deserialize, Serialize};
use tantivy::schema::{Facet, Field, OwnedValue, Value};
use tantivy::{DateTime, TantivyDocument};

use crate::article::Article;
use crate::extract::dates::Day;
use crate::extract::places::{Place, PlaceRole};
use crate::extract::quotes::{Span, quote_text};
use crate::index::names::{ArticleNames, Named, SpeakerKey, names_hash};
use crate::index::schema::NewsSchema;

/// A quote as stored with its article, for `newsdex quotes` and snippets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteRecord {
    /// What was said; empty in the store when `at` says where it is.
    pub text: String,
    /// In the store only: where the text is in the stored body (content
    /// start and end, then the attribution's when it has one), so the store
    /// does not keep it twice. [`quote_records`] reads it back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<Vec<usize>>,
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

    /// The record as stored: its text replaced by where it is in `body`,
    /// when the body gives it back exactly.
    fn stored(mut self, body: &str, content: Span, attribution: Option<Span>) -> QuoteRecord {
        let mut at = vec![content.start, content.end];
        if let Some(attribution) = attribution {
            at.extend([attribution.start, attribution.end]);
        }
        if text_at(body, &at).is_some_and(|text| text == self.text) {
            self.text = String::new();
            self.at = Some(at);
        }
        self
    }

    /// Its text, read back from the stored `body` when the store kept
    /// where it is rather than the text.
    fn text_in(&self, body: &str) -> String {
        match &self.at {
            Some(at) => text_at(body, at).unwrap_or_default(),
            None => self.text.clone(),
        }
    }

    /// The record with its text read back from the stored `body`.
    fn read_back(mut self, body: &str) -> QuoteRecord {
        if self.at.is_some() {
            self.text = self.text_in(body);
            self.at = None;
        }
        self
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

/// The quote text at `at` (see [`QuoteRecord::at`]) in `body`; `None` when
/// the offsets do not fit it.
fn text_at(body: &str, at: &[usize]) -> Option<String> {
    let span = |pair: &[usize]| match pair {
        &[start, end] if start <= end && body.get(start..end).is_some() => {
            Some(Span { start, end })
        }
        _ => None,
    };
    let content = span(at.get(..2)?)?;
    let attribution = match at.len() {
        2 => None,
        4 => Some(span(&at[2..])?),
        _ => return None,
    };
    Some(quote_text(body, content, attribution))
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

/// A place record as stored when the gazetteer gives back all but its
/// mentions from its id: at 500,000 articles the full records took 155 MB
/// of the store, most of it what the gazetteer already holds.
#[derive(Serialize, Deserialize)]
struct StoredPlace {
    #[serde(rename = "g")]
    geonameid: u32,
    #[serde(rename = "r")]
    role: PlaceRole,
    #[serde(rename = "m")]
    mentioned_as: Vec<String>,
    #[serde(rename = "n")]
    mentions: u64,
}

impl StoredPlace {
    fn expand(&self) -> Option<PlaceRecord> {
        let place = gazetteer_part(self.geonameid, self.role)?;
        Some(PlaceRecord {
            mentioned_as: self.mentioned_as.clone(),
            mentions: self.mentions,
            ..(*place).clone()
        })
    }
}

/// Places remembered per thread (a few hundred bytes each): news names the
/// same few thousand places over and over.
const REMEMBERED_PLACES: usize = 20_000;

/// The gazetteer's part of a place record (see [`gazetteer_part`]) by
/// GeoNames id and role; `None` for an id the gazetteer does not have.
type GazetteerParts = rustc_hash::FxHashMap<(u32, PlaceRole), Option<std::rc::Rc<PlaceRecord>>>;

thread_local! {
    static GAZETTEER_PARTS: std::cell::RefCell<GazetteerParts> = Default::default();
}

/// What the gazetteer gives a place record from its id and role: the record
/// without mentions. Remembered, since every record written is checked
/// against it (building it was 2% of ingest CPU on Reuters-21578).
fn gazetteer_part(geonameid: u32, role: PlaceRole) -> Option<std::rc::Rc<PlaceRecord>> {
    GAZETTEER_PARTS.with(|parts| {
        if let Some(part) = parts.borrow().get(&(geonameid, role)) {
            return part.clone();
        }
        let gazetteer = crate::gazetteer::Gazetteer::embedded();
        let part = gazetteer.by_geonameid(geonameid).map(|found| {
            let place = crate::extract::places::to_place(found, role);
            std::rc::Rc::new(PlaceRecord::of(&place, Vec::new(), 0))
        });
        let mut parts = parts.borrow_mut();
        if parts.len() < REMEMBERED_PLACES {
            parts.insert((geonameid, role), part.clone());
        }
        part
    })
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
        let mentions = (place.mentions.len() + place.title_mentions.len()) as u64;
        PlaceRecord::of(place, mentioned_as, mentions)
    }

    /// The record of `place`, named `mentioned_as` and `mentions` times.
    fn of(place: &Place, mentioned_as: Vec<String>, mentions: u64) -> PlaceRecord {
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
            mentions,
        }
    }

    /// The record as the article store keeps it: its GeoNames id, role and
    /// mentions when the embedded gazetteer gives the rest back from the id
    /// exactly as it is (it does for all but the areas newsdex adds); the
    /// whole record otherwise.
    pub fn to_stored(&self) -> String {
        let compact =
            self.geonameid
                .zip(parse_name::<PlaceRole>(&self.role))
                .map(|(geonameid, role)| StoredPlace {
                    geonameid,
                    role,
                    mentioned_as: self.mentioned_as.clone(),
                    mentions: self.mentions,
                });
        match compact {
            Some(compact)
                if gazetteer_part(compact.geonameid, compact.role)
                    .is_some_and(|part| part.same_place(self)) =>
            {
                serde_json::to_string(&compact).unwrap_or_default()
            }
            _ => serde_json::to_string(self).unwrap_or_default(),
        }
    }

    /// Whether two records are of the same place, however they name it.
    fn same_place(&self, other: &PlaceRecord) -> bool {
        // Every part named, so a part added to the record is compared too.
        let PlaceRecord {
            label,
            name,
            geonameid,
            kind,
            role,
            country,
            country_code,
            region,
            path,
            location,
            mentioned_as: _,
            mentions: _,
        } = self;
        *label == other.label
            && *name == other.name
            && *geonameid == other.geonameid
            && *kind == other.kind
            && *role == other.role
            && *country == other.country
            && *country_code == other.country_code
            && *region == other.region
            && *path == other.path
            && *location == other.location
    }

    /// A record as [`PlaceRecord::to_stored`] wrote it; `None` for text that
    /// is neither form, or an id this build's gazetteer does not have (an
    /// index built with another gazetteer: rebuild it).
    pub fn from_stored(text: &str) -> Option<PlaceRecord> {
        match serde_json::from_str::<StoredPlace>(text) {
            Ok(compact) => compact.expand(),
            Err(_) => serde_json::from_str(text).ok(),
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

/// The unit enum variant whose serde name is `name` ("city" →
/// `PlaceKind::City`).
fn parse_name<T: serde::de::DeserializeOwned>(name: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(name.to_string())).ok()
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
    let speakers = article
        .speakers
        .iter()
        .filter(|s| article.said(&s.name))
        .map(|s| SpeakerKey::Speaker {
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
    for author in &article.authors {
        doc.add_text(f.author, author);
    }
    if let Some(language) = &article.language {
        doc.add_text(f.language, language);
    }
    doc.add_text(f.body, &article.body);
    doc.add_u64(f.word_count, article.word_count);
    let mut quotes = Vec::with_capacity(article.quotes.len());
    for quote in article.spoken() {
        doc.add_text(f.quote, &quote.text);
        let role = quote.speaker.as_ref().and_then(|name| {
            article
                .speakers
                .iter()
                .find(|s| &s.name == name)
                .and_then(|s| s.role.clone())
        });
        let record = QuoteRecord {
            text: quote.text.clone(),
            at: None,
            speaker: quote.speaker.clone(),
            co_speakers: quote.co_speakers.clone(),
            role,
            direct: quote.direct,
            as_written: Vec::new(),
        };
        quotes.push(record.stored(&article.body, quote.content, quote.attribution()));
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
        doc.add_text(f.place_record, record.to_stored());
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

/// A stored document written again with its speaker `keys` (read from
/// their column: they are not stored) and the speakers `named` (each key
/// with the name the corpus gives it): what the name pass adds to the
/// index in place of `stored`.
pub fn rebuild_document(
    schema: &NewsSchema,
    stored: &TantivyDocument,
    fast: &FastValues,
    keys: &[SpeakerKey],
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
    // As stored: each one's text where the record says it is in the body.
    let quotes: Vec<QuoteRecord> = stored
        .get_all(f.quote_record)
        .filter_map(|v| v.as_str().and_then(|s| serde_json::from_str(s).ok()))
        .collect();
    // The quotes' text is kept in their records only (`stored_in`).
    let body = stored
        .get_first(f.body)
        .and_then(|v| v.as_str())
        .unwrap_or("");
    for quote in &quotes {
        doc.add_text(f.quote, quote.text_in(body));
    }
    add_speakers(schema, &mut doc, keys, named, &quotes);
    for record in &place_records(schema, stored) {
        add_place_fields(schema, &mut doc, record);
    }
    fast.add_to(schema, &mut doc);
    add_copies(schema, &mut doc);
    doc
}

/// The place records of a stored document.
pub fn place_records(schema: &NewsSchema, doc: &TantivyDocument) -> Vec<PlaceRecord> {
    doc.get_all(schema.core.place_record)
        .filter_map(|v| v.as_str().and_then(PlaceRecord::from_stored))
        .collect()
}

/// The quote records of a stored document, with their text.
pub fn quote_records(schema: &NewsSchema, doc: &TantivyDocument) -> Vec<QuoteRecord> {
    // Borrowed, not copied: a page of hits reads ten bodies.
    let body = doc
        .get_first(schema.core.body)
        .and_then(|v| v.as_str())
        .unwrap_or("");
    doc.get_all(schema.core.quote_record)
        .filter_map(|v| v.as_str().and_then(|s| serde_json::from_str(s).ok()))
        .map(|record: QuoteRecord| record.read_back(body))
        .collect()
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
        let (schema, _, doc) = document_of(
            "Investigators looked into alleged Russian meddling. Officials in Aleppo spoke.",
        );
        let f = &schema.core;
        assert_eq!(texts(&doc, f.place), ["Aleppo, Syria"]);
        assert_eq!(texts(&doc, f.country), ["Syria", "Russia"]);
        let words = texts(&doc, f.place_words);
        assert!(words.iter().any(|w| w.starts_with("Russia ;")), "{words:?}");
        let records = place_records(&schema, &doc);
        let russia = &records[1];
        assert_eq!(russia.role, "adjective");
        assert_eq!(russia.mentioned_as, ["Russian"]);
        assert_eq!(russia.mentions, 0);
    }

    fn document_of(body: &str) -> (NewsSchema, Article, TantivyDocument) {
        let schema = NewsSchema::builtin();
        let mut article = Article {
            body: body.into(),
            ..Article::default()
        };
        crate::extract::enrich(&mut article);
        let fingerprint = FileFingerprint {
            size: 0,
            mtime_ns: 0,
            content_hash: 0,
        };
        let doc = to_document(&schema, &article, fingerprint).named(&schema, &[]);
        (schema, article, doc)
    }

    #[test]
    fn a_gazetteer_place_is_stored_by_its_id_and_read_back_whole() {
        let (schema, _, doc) =
            document_of("Shelling hit Aleppo on Monday. Tension in the Middle East rose again.");
        let stored = texts(&doc, schema.core.place_record);
        let records = place_records(&schema, &doc);
        assert_eq!(stored.len(), 2, "{stored:?}");
        assert_eq!(records.len(), 2);
        let aleppo = &records[0];
        assert_eq!(aleppo.label, "Aleppo, Syria");
        assert_eq!(aleppo.geonameid, Some(170063));
        assert_eq!(aleppo.path.last().map(String::as_str), Some("Aleppo"));
        assert!(aleppo.location.lat > 36.0 && aleppo.location.lat < 36.5);
        // The store keeps the id and mentions, not what the gazetteer has.
        assert!(!stored[0].contains("Syria"), "{}", stored[0]);
        assert_eq!(PlaceRecord::from_stored(&stored[0]).as_ref(), Some(aleppo));
        // An area newsdex adds has no id: its record is stored whole.
        let middle_east = &records[1];
        assert_eq!(middle_east.geonameid, None);
        assert!(stored[1].contains("\"label\""), "{}", stored[1]);
        // A whole record (as indexes before schema 10 kept them) reads too.
        let whole = serde_json::to_string(aleppo).unwrap();
        assert_eq!(PlaceRecord::from_stored(&whole).as_ref(), Some(aleppo));
        // An id this gazetteer does not know is no record.
        assert_eq!(
            PlaceRecord::from_stored(r#"{"g":4294967295,"r":"mention","m":[],"n":1}"#),
            None
        );
    }

    #[test]
    fn a_quote_is_stored_as_where_it_is_in_the_body() {
        let body = "\u{201c}We will rebuild the market,\u{201d} said Khaled Haddad, a trader. \
                    \u{201c}It is our life.\u{201d} Prices, Haddad said, have doubled since May.";
        let (schema, article, doc) = document_of(body);
        let stored = texts(&doc, schema.core.quote_record);
        let records = quote_records(&schema, &doc);
        assert_eq!(records.len(), stored.len());
        for (record, stored) in records.iter().zip(&stored) {
            let raw: QuoteRecord = serde_json::from_str(stored).unwrap();
            assert_eq!(raw.text, "", "{stored}");
            assert!(raw.at.is_some(), "{stored}");
            assert_eq!(record.at, None, "read back without offsets");
        }
        // Read back as extraction found them, a quotation split by its
        // attribution joined as extraction joins it.
        let texts: Vec<&str> = records.iter().map(|r| r.text.as_str()).collect();
        let extracted: Vec<&str> = article.quotes.iter().map(|q| q.text.as_str()).collect();
        assert_eq!(texts, extracted);
        assert!(texts.iter().any(|t| t.contains(" … ")), "{texts:?}");
        // `quote` shows the same text, read from the records.
        let shown: Vec<String> = schema
            .stored_values(&doc, schema.core.quote)
            .into_iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect();
        assert_eq!(shown, texts);
    }

    #[test]
    fn offsets_that_do_not_fit_the_body_give_no_text() {
        let body = "Caf\u{e9} owners said prices rose.";
        assert_eq!(text_at(body, &[0, 5]), Some("Caf\u{e9}".to_string()));
        // Inside the two bytes of "é", past the end, reversed, odd length.
        assert_eq!(text_at(body, &[0, 4]), None);
        assert_eq!(text_at(body, &[0, 999]), None);
        assert_eq!(text_at(body, &[5, 2]), None);
        assert_eq!(text_at(body, &[0, 4, 1]), None);
        // A record whose text the body does not give back keeps its text.
        let record = QuoteRecord {
            text: "not in the body".into(),
            at: None,
            speaker: None,
            co_speakers: Vec::new(),
            role: None,
            direct: false,
            as_written: Vec::new(),
        };
        let stored = record.clone().stored(body, Span { start: 0, end: 5 }, None);
        assert_eq!(stored, record);
    }
}
