//! The declarative schema in `schema/news.toml`, validated and turned into a
//! tantivy [`Schema`].
//!
//! The TOML is deserialised with `deny_unknown_fields` into [`SchemaSpec`] and
//! converted with `TryFrom` into [`NewsSchema`], so a schema that names an
//! unknown tokenizer, a missing companion field or a field of the wrong type
//! cannot exist past start-up. The rest of the code asks [`NewsSchema`] which
//! fields to search, facet and show instead of keeping its own lists.

use std::collections::HashSet;

use serde::Deserialize;
use tantivy::schema::{
    DateOptions, DateTimePrecision, FacetOptions, Field, IndexRecordOption, NumericOptions, Schema,
    TextFieldIndexing, TextOptions,
};

use crate::error::Error;
use crate::index::tokenizers;

/// The schema file, embedded at compile time so the binary is self-contained.
pub const SCHEMA_TOML: &str = include_str!("../../schema/news.toml");

/// Field kinds a schema may declare.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FieldType {
    Text,
    String,
    Date,
    U64,
    /// A hierarchical path (tantivy's facet type).
    Path,
}

/// One `[[field]]` entry of the schema file, as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldSpec {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: FieldType,
    pub tokenizer: Option<String>,
    #[serde(default)]
    pub positions: bool,
    #[serde(default)]
    pub stored: bool,
    #[serde(default)]
    pub fast: bool,
    #[serde(default = "yes")]
    pub indexed: bool,
    #[serde(default)]
    pub multi: bool,
    #[serde(default)]
    pub facet: bool,
    #[serde(default)]
    pub search: bool,
    pub boost: Option<f32>,
    pub prefix_field: Option<String>,
    pub copy_of: Option<String>,
    /// Kept only as a part of another field's records
    /// (`quote_record.text`), not stored a second time.
    pub stored_in: Option<String>,
    pub words_field: Option<String>,
    pub drill_field: Option<String>,
    #[serde(default)]
    pub internal: bool,
    /// The parts of each value when it is a JSON object (`quote_record`).
    #[serde(default)]
    pub record: Vec<PartSpec>,
    /// The field's name in exports to other engines.
    pub export_as: Option<String>,
    #[serde(default)]
    pub about: String,
}

/// Kinds of the parts of a record field's JSON objects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartType {
    Text,
    String,
    Bool,
    U64,
    /// `{ "lat": …, "lon": … }` in degrees.
    GeoPoint,
}

/// One part of a record field, as written.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartSpec {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: PartType,
    pub tokenizer: Option<String>,
    #[serde(default)]
    pub multi: bool,
}

fn yes() -> bool {
    true
}

/// The schema file as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SchemaSpec {
    pub version: u32,
    #[serde(rename = "field")]
    pub fields: Vec<FieldSpec>,
}

/// A validated field: its declaration and its tantivy handle.
#[derive(Debug, Clone)]
pub struct SchemaField {
    pub spec: FieldSpec,
    pub field: Field,
}

/// Handles of the fields the ingest pipeline fills by role. Their names come
/// from the schema file; validation guarantees each exists with the right type.
#[derive(Debug, Clone, Copy)]
pub struct CoreFields {
    pub id: Field,
    pub id_key: Field,
    pub path: Field,
    pub title: Field,
    pub dateline: Field,
    pub date: Field,
    pub source: Field,
    pub url: Field,
    pub author: Field,
    pub language: Field,
    pub body: Field,
    pub word_count: Field,
    pub speaker: Field,
    pub speaker_words: Field,
    pub speaker_key: Field,
    pub speaker_aliases: Field,
    pub speaker_hash: Field,
    pub quote: Field,
    pub quote_record: Field,
    pub place: Field,
    pub place_record: Field,
    pub place_words: Field,
    pub place_path: Field,
    pub country: Field,
    pub cluster: Field,
    pub signature: Field,
    pub file_size: Field,
    pub file_mtime: Field,
    pub content_hash: Field,
}

/// The validated schema newsdex indexes with.
#[derive(Debug, Clone)]
pub struct NewsSchema {
    pub version: u32,
    pub fields: Vec<SchemaField>,
    pub core: CoreFields,
    pub tantivy: Schema,
}

impl NewsSchema {
    /// The schema compiled into this binary.
    pub fn builtin() -> NewsSchema {
        // The embedded file is validated by a unit test, so failing here is a
        // build defect, not a user error.
        NewsSchema::from_toml(SCHEMA_TOML).expect("schema/news.toml is valid")
    }

    pub fn from_toml(text: &str) -> Result<NewsSchema, Error> {
        let spec: SchemaSpec =
            toml::from_str(text).map_err(|e| Error::Schema(format!("schema/news.toml: {e}")))?;
        NewsSchema::try_from(spec)
    }

    /// The name of a field, as declared.
    pub fn name(&self, field: Field) -> &str {
        self.tantivy.get_field_name(field)
    }

    pub fn get(&self, name: &str) -> Option<&SchemaField> {
        self.fields.iter().find(|f| f.spec.name == name)
    }

    /// Fields searched when a query term names none.
    pub fn default_search_fields(&self) -> impl Iterator<Item = &SchemaField> {
        self.fields.iter().filter(|f| f.spec.search)
    }

    /// Fields that `--facet` accepts.
    pub fn facet_fields(&self) -> impl Iterator<Item = &SchemaField> {
        self.fields.iter().filter(|f| f.spec.facet)
    }

    /// Fields a user may name in a query (`field:value`).
    pub fn queryable_fields(&self) -> impl Iterator<Item = &SchemaField> {
        self.fields
            .iter()
            .filter(|f| f.spec.indexed && !f.spec.internal)
    }

    /// Stored fields shown to users (`show`, JSON), in schema order.
    pub fn shown_fields(&self) -> impl Iterator<Item = &SchemaField> {
        self.fields
            .iter()
            .filter(|f| (f.spec.stored || f.spec.stored_in.is_some()) && !f.spec.internal)
    }

    /// The record field and part a field is kept in, when it is not
    /// stored on its own (`quote` in `quote_record.text`).
    pub fn stored_in(&self, field: Field) -> Option<(Field, &str)> {
        let spec = &self.fields.iter().find(|f| f.field == field)?.spec;
        let (record, part) = spec.stored_in.as_deref()?.split_once('.')?;
        Some((self.get(record)?.field, part))
    }

    /// A stored document's values of `field`, as plain JSON values; those of
    /// a field kept in records are read from them.
    pub fn stored_values(
        &self,
        doc: &tantivy::TantivyDocument,
        field: Field,
    ) -> Vec<serde_json::Value> {
        let Some((record, part)) = self.stored_in(field) else {
            return self.values_as_stored(doc, field);
        };
        self.values_as_stored(doc, record)
            .iter()
            .filter_map(|v| v.as_str())
            .filter_map(|s| serde_json::from_str::<serde_json::Value>(s).ok())
            .filter_map(|mut object| object.get_mut(part).map(serde_json::Value::take))
            .filter(|v| !v.is_null())
            .collect()
    }

    /// A field's stored values; the quote and place records whole, as
    /// written before the store kept them short (their text where it is in
    /// the body, their place by its GeoNames id).
    fn values_as_stored(
        &self,
        doc: &tantivy::TantivyDocument,
        field: Field,
    ) -> Vec<serde_json::Value> {
        use crate::index::document::{place_records, quote_records, stored_values};
        let json = |record: serde_json::Result<String>| {
            serde_json::Value::String(record.unwrap_or_default())
        };
        if field == self.core.quote_record {
            quote_records(self, doc)
                .iter()
                .map(|r| json(serde_json::to_string(r)))
                .collect()
        } else if field == self.core.place_record {
            place_records(self, doc)
                .iter()
                .map(|r| json(serde_json::to_string(r)))
                .collect()
        } else {
            stored_values(doc, field)
        }
    }

    /// The unstemmed companion that answers prefix queries on `name`.
    pub fn prefix_field_of(&self, name: &str) -> Option<&str> {
        self.get(name)?.spec.prefix_field.as_deref()
    }

    /// The text companion searched for `name:value` queries on a string field.
    pub fn words_field_of(&self, name: &str) -> Option<&str> {
        self.get(name)?.spec.words_field.as_deref()
    }

    /// The path field that `facets NAME --drill` walks for `name`.
    pub fn drill_field_of(&self, name: &str) -> Option<&str> {
        self.get(name)?.spec.drill_field.as_deref()
    }

    /// Fields written to other engines by `newsdex export --target`, each
    /// with its name there: every field users see or search, and the
    /// internal records that carry quotes and places; not the bookkeeping.
    pub fn exported_fields(&self) -> impl Iterator<Item = (&SchemaField, &str)> {
        self.fields.iter().filter_map(|f| match &f.spec.export_as {
            Some(name) => Some((f, name.as_str())),
            None if !f.spec.internal => Some((f, f.spec.name.as_str())),
            None => None,
        })
    }

    /// Fields filled as copies of `source_field`.
    pub fn copies_of(&self, source_field: Field) -> impl Iterator<Item = Field> + '_ {
        let source_name = self
            .fields
            .iter()
            .find(|f| f.field == source_field)
            .map(|f| f.spec.name.clone());
        self.fields.iter().filter_map(move |f| {
            (f.spec.copy_of.is_some() && f.spec.copy_of == source_name).then_some(f.field)
        })
    }
}

impl TryFrom<SchemaSpec> for NewsSchema {
    type Error = Error;

    fn try_from(spec: SchemaSpec) -> Result<NewsSchema, Error> {
        let mut seen = HashSet::new();
        for f in &spec.fields {
            if !seen.insert(f.name.as_str()) {
                return Err(Error::Schema(format!(
                    "field `{}` is declared twice",
                    f.name
                )));
            }
        }
        for f in &spec.fields {
            validate_field(f, &spec.fields)?;
        }

        let mut builder = Schema::builder();
        let mut fields = Vec::with_capacity(spec.fields.len());
        for f in &spec.fields {
            let field = match f.kind {
                FieldType::Text => builder.add_text_field(&f.name, text_options(f)),
                FieldType::String => builder.add_text_field(&f.name, string_options(f)),
                FieldType::Date => builder.add_date_field(&f.name, date_options(f)),
                FieldType::U64 => builder.add_u64_field(&f.name, numeric_options(f)),
                FieldType::Path => builder.add_facet_field(&f.name, FacetOptions::default()),
            };
            fields.push(SchemaField {
                spec: f.clone(),
                field,
            });
        }
        let tantivy = builder.build();

        let core_field = |name: &str, kind: FieldType| -> Result<Field, Error> {
            let found = fields.iter().find(|f| f.spec.name == name).ok_or_else(|| {
                Error::Schema(format!("the schema must declare a `{name}` field"))
            })?;
            if found.spec.kind != kind {
                return Err(Error::Schema(format!(
                    "field `{name}` must have type {kind:?}, not {:?}",
                    found.spec.kind
                )));
            }
            Ok(found.field)
        };
        let core = CoreFields {
            id: core_field("id", FieldType::String)?,
            id_key: core_field("id_key", FieldType::U64)?,
            path: core_field("path", FieldType::String)?,
            title: core_field("title", FieldType::Text)?,
            dateline: core_field("dateline", FieldType::Text)?,
            date: core_field("date", FieldType::Date)?,
            source: core_field("source", FieldType::String)?,
            url: core_field("url", FieldType::String)?,
            author: core_field("author", FieldType::String)?,
            language: core_field("language", FieldType::String)?,
            body: core_field("body", FieldType::Text)?,
            word_count: core_field("word_count", FieldType::U64)?,
            speaker: core_field("speaker", FieldType::String)?,
            speaker_words: core_field("speaker_words", FieldType::Text)?,
            speaker_key: core_field("speaker_key", FieldType::String)?,
            speaker_aliases: core_field("speaker_aliases", FieldType::String)?,
            speaker_hash: core_field("speaker_hash", FieldType::U64)?,
            quote: core_field("quote", FieldType::Text)?,
            quote_record: core_field("quote_record", FieldType::String)?,
            place: core_field("place", FieldType::String)?,
            place_record: core_field("place_record", FieldType::String)?,
            place_words: core_field("place_words", FieldType::Text)?,
            place_path: core_field("place_path", FieldType::Path)?,
            country: core_field("country", FieldType::String)?,
            cluster: core_field("cluster", FieldType::String)?,
            signature: core_field("signature", FieldType::String)?,
            file_size: core_field("file_size", FieldType::U64)?,
            file_mtime: core_field("file_mtime", FieldType::U64)?,
            content_hash: core_field("content_hash", FieldType::U64)?,
        };
        for (name, needs_fast) in [("id", true), ("id_key", true), ("path", true)] {
            if needs_fast && !fields.iter().any(|f| f.spec.name == name && f.spec.fast) {
                return Err(Error::Schema(format!(
                    "field `{name}` must be fast: incremental indexing reads it for every article"
                )));
            }
        }

        Ok(NewsSchema {
            version: spec.version,
            fields,
            core,
            tantivy,
        })
    }
}

fn validate_field(f: &FieldSpec, all: &[FieldSpec]) -> Result<(), Error> {
    let err = |msg: String| Err(Error::Schema(format!("field `{}`: {msg}", f.name)));
    let is_text = f.kind == FieldType::Text;
    match (&f.tokenizer, is_text) {
        (None, true) => return err("a text field needs a `tokenizer`".into()),
        (Some(t), true) if !tokenizers::ALL.contains(&t.as_str()) => {
            return err(format!(
                "unknown tokenizer `{t}`; known tokenizers: {}",
                tokenizers::ALL.join(", ")
            ));
        }
        (Some(_), false) => return err("only text fields take a `tokenizer`".into()),
        _ => {}
    }
    if f.positions && !is_text {
        return err("only text fields take `positions`".into());
    }
    if f.facet && !(f.fast && matches!(f.kind, FieldType::String | FieldType::Date)) {
        return err("a facet must be a fast string or date field".into());
    }
    if f.search && !(is_text && f.indexed) {
        return err("only indexed text fields can be searched by default".into());
    }
    if let Some(boost) = f.boost
        && !(boost.is_finite() && boost > 0.0)
    {
        return err(format!("boost must be a positive number, not {boost}"));
    }
    for (key, target) in [
        ("prefix_field", &f.prefix_field),
        ("copy_of", &f.copy_of),
        ("words_field", &f.words_field),
    ] {
        if let Some(target) = target {
            let text_like =
                |kind| kind == FieldType::Text || (key == "copy_of" && kind == FieldType::String);
            match all.iter().find(|g| &g.name == target) {
                Some(g) if text_like(g.kind) => {}
                Some(_) => return err(format!("`{key}` must name a text field: `{target}`")),
                None => return err(format!("`{key}` names an undeclared field `{target}`")),
            }
        }
    }
    if f.words_field.is_some() && f.kind != FieldType::String {
        return err("only string fields take a `words_field`".into());
    }
    if let Some(target) = &f.drill_field {
        match all.iter().find(|g| &g.name == target) {
            Some(g) if g.kind == FieldType::Path => {}
            Some(_) => return err(format!("`drill_field` must name a path field: `{target}`")),
            None => {
                return err(format!(
                    "`drill_field` names an undeclared field `{target}`"
                ));
            }
        }
    }
    if f.kind == FieldType::Path && (f.stored || f.fast || f.facet || f.search) {
        return err(
            "a path field is only indexed: it takes no `stored`, `fast`, `facet` or `search`"
                .into(),
        );
    }
    if f.copy_of.is_some() && f.stored {
        return err("a copy field should not be stored again".into());
    }
    if let Some(target) = &f.stored_in {
        if f.stored {
            return err("a field `stored_in` a record should not be stored again".into());
        }
        let found = target.split_once('.').and_then(|(field, part)| {
            let record = all.iter().find(|g| g.name == field)?;
            record.record.iter().find(|p| p.name == part)
        });
        match found {
            Some(part) if part.kind == PartType::Text || part.kind == PartType::String => {}
            _ => {
                return err(format!(
                    "`stored_in` must name a text or string part of a record field \
                     (`field.part`): `{target}`"
                ));
            }
        }
    }
    let plain_stored_string = f.kind == FieldType::String && f.stored && !f.indexed;
    if !f.record.is_empty() && !plain_stored_string {
        return err("a `record` field must be a stored, unindexed string field".into());
    }
    if f.export_as.is_some() && f.record.is_empty() {
        return err("only `record` fields take `export_as`".into());
    }
    for part in &f.record {
        match (&part.tokenizer, part.kind == PartType::Text) {
            (None, true) => {
                return err(format!("record part `{}` needs a `tokenizer`", part.name));
            }
            (Some(t), true) if !tokenizers::ALL.contains(&t.as_str()) => {
                return err(format!(
                    "record part `{}`: unknown tokenizer `{t}`",
                    part.name
                ));
            }
            (Some(_), false) => {
                return err(format!(
                    "record part `{}`: only text parts take a `tokenizer`",
                    part.name
                ));
            }
            _ => {}
        }
    }
    Ok(())
}

fn text_options(f: &FieldSpec) -> TextOptions {
    let mut options = TextOptions::default();
    if f.indexed {
        // A text field without positions is an unstemmed copy that answers
        // `word*` (an automaton query, which scores nothing): it needs the
        // documents of each word only, no frequencies and no length norms.
        let record = if f.positions {
            IndexRecordOption::WithFreqsAndPositions
        } else {
            IndexRecordOption::Basic
        };
        let tokenizer = f.tokenizer.as_deref().unwrap_or(tokenizers::STEMMED);
        options = options.set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(tokenizer)
                .set_index_option(record)
                .set_fieldnorms(f.positions),
        );
    }
    if f.stored {
        options = options.set_stored();
    }
    options
}

fn string_options(f: &FieldSpec) -> TextOptions {
    let mut options = TextOptions::default();
    if f.indexed {
        options = options.set_indexing_options(
            // No length norms: an exact value matches or not, whatever
            // else the article holds (`country:Kenya` scores the same on an
            // article naming one country as on one naming five), as in the
            // engines newsdex exports to.
            TextFieldIndexing::default()
                .set_tokenizer("raw")
                .set_index_option(IndexRecordOption::Basic)
                .set_fieldnorms(false),
        );
    }
    if f.stored {
        options = options.set_stored();
    }
    if f.fast {
        options = options.set_fast("raw");
    }
    options
}

fn date_options(f: &FieldSpec) -> DateOptions {
    let mut options = DateOptions::default().set_precision(DateTimePrecision::Seconds);
    if f.indexed {
        options = options.set_indexed();
    }
    if f.stored {
        options = options.set_stored();
    }
    if f.fast {
        options = options.set_fast();
    }
    options
}

fn numeric_options(f: &FieldSpec) -> NumericOptions {
    let mut options = NumericOptions::default();
    if f.indexed {
        options = options.set_indexed();
    }
    if f.stored {
        options = options.set_stored();
    }
    if f.fast {
        options = options.set_fast();
    }
    options
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_schema_is_valid() {
        let schema = NewsSchema::from_toml(SCHEMA_TOML).unwrap();
        assert!(schema.get("body").is_some());
        assert_eq!(schema.prefix_field_of("body"), Some("body_words"));
        let defaults: Vec<_> = schema
            .default_search_fields()
            .map(|f| f.spec.name.as_str())
            .collect();
        assert_eq!(defaults, ["title", "body"]);
    }

    #[test]
    fn unknown_keys_are_rejected_with_their_name() {
        let text =
            SCHEMA_TOML.replace("about = \"Headline", "colour = \"red\"\nabout = \"Headline");
        let err = NewsSchema::from_toml(&text).unwrap_err().to_string();
        assert!(err.contains("colour"), "{err}");
    }

    #[test]
    fn unknown_tokenizer_is_named() {
        let text = SCHEMA_TOML.replacen("tokenizer = \"news_en\"", "tokenizer = \"klingon\"", 1);
        let err = NewsSchema::from_toml(&text).unwrap_err().to_string();
        assert!(err.contains("unknown tokenizer `klingon`"), "{err}");
    }

    #[test]
    fn missing_core_field_is_reported() {
        let text = SCHEMA_TOML.replace("name = \"word_count\"", "name = \"words\"");
        let err = NewsSchema::from_toml(&text).unwrap_err().to_string();
        assert!(err.contains("`word_count`"), "{err}");
    }

    #[test]
    fn a_field_stored_in_records_is_read_from_them() {
        let schema = NewsSchema::builtin();
        let quote = schema.core.quote;
        assert_eq!(
            schema.stored_in(quote),
            Some((schema.core.quote_record, "text"))
        );
        assert!(schema.shown_fields().any(|f| f.field == quote));
        let mut doc = tantivy::TantivyDocument::new();
        doc.add_text(
            schema.core.quote_record,
            r#"{"text":"We will win.","speaker":"Ann Lee","direct":true}"#,
        );
        doc.add_text(
            schema.core.quote_record,
            r#"{"text":"Not yet.","direct":false}"#,
        );
        assert_eq!(
            schema.stored_values(&doc, quote),
            [
                serde_json::json!("We will win."),
                serde_json::json!("Not yet.")
            ]
        );
    }

    #[test]
    fn stored_in_must_name_a_record_part_and_not_be_stored_too() {
        let stored_twice = SCHEMA_TOML.replace(
            "stored_in = \"quote_record.text\"",
            "stored_in = \"quote_record.text\"\nstored = true",
        );
        let err = NewsSchema::from_toml(&stored_twice)
            .unwrap_err()
            .to_string();
        assert!(err.contains("stored again"), "{err}");
        let no_part = SCHEMA_TOML.replace("quote_record.text", "quote_record.words");
        let err = NewsSchema::from_toml(&no_part).unwrap_err().to_string();
        assert!(err.contains("`quote_record.words`"), "{err}");
    }

    #[test]
    fn dangling_prefix_field_is_reported() {
        let text = SCHEMA_TOML.replace("prefix_field = \"body_words\"", "prefix_field = \"nope\"");
        let err = NewsSchema::from_toml(&text).unwrap_err().to_string();
        assert!(err.contains("undeclared field `nope`"), "{err}");
    }
}
