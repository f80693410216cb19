//! One article as an engine receives it: the fields of an [`ExportPlan`],
//! read from the article's stored document.

use serde_json::{Map, Value};
use tantivy::TantivyDocument;
use tantivy::tokenizer::TextAnalyzer;

use crate::index::document::{place_records, stored_values};
use crate::index::schema::NewsSchema;
use crate::index::tokenizers;
use crate::remote::plan::{ExportPlan, Kind, Source};

/// Builds exported documents; holds the stemmer Quickwit's `_stems` fields need.
pub struct DocumentBuilder<'a> {
    schema: &'a NewsSchema,
    plan: &'a ExportPlan,
    stemmer: TextAnalyzer,
}

impl<'a> DocumentBuilder<'a> {
    pub fn new(schema: &'a NewsSchema, plan: &'a ExportPlan) -> DocumentBuilder<'a> {
        DocumentBuilder {
            schema,
            plan,
            stemmer: tokenizers::stemmed(),
        }
    }

    /// The article `doc` as a JSON object; fields without a value are left out.
    pub fn build(&mut self, doc: &TantivyDocument) -> Map<String, Value> {
        let schema = self.schema;
        let values_of = |name: &str| -> Vec<Value> {
            schema
                .get(name)
                .map(|f| schema.stored_values(doc, f.field))
                .unwrap_or_default()
        };
        let places = place_records(schema, doc);
        let mut out = Map::new();
        for f in self.plan.fields.iter().filter(|f| f.sent) {
            let mut values: Vec<Value> = match &f.source {
                Source::Stored => values_of(&f.local),
                Source::CopyOf(original) => values_of(original),
                Source::StemsOf(original) => values_of(original)
                    .iter()
                    .filter_map(|v| v.as_str())
                    .map(|text| {
                        let stems: Vec<String> = tokenizers::tokens(&mut self.stemmer, text)
                            .into_iter()
                            .map(|t| t.text)
                            .collect();
                        Value::String(stems.join(" "))
                    })
                    .collect(),
                Source::Record(_) => values_of(&f.local)
                    .iter()
                    .filter_map(|v| v.as_str())
                    .filter_map(|s| serde_json::from_str::<Value>(s).ok())
                    .map(without_nulls)
                    .collect(),
                Source::PlaceWords => places.iter().map(|p| Value::from(p.words())).collect(),
                Source::SpeakerWords => {
                    let aliases = stored_values(doc, schema.core.speaker_aliases);
                    let others = aliases
                        .iter()
                        .filter_map(|v| v.as_str())
                        .flat_map(|v| v.split('\t').skip(1))
                        .map(Value::from);
                    stored_values(doc, schema.core.speaker)
                        .into_iter()
                        .chain(others)
                        .collect()
                }
                Source::PlacePaths => places
                    .iter()
                    .map(|p| Value::from(p.path.join("/")))
                    .collect(),
                Source::IdKey => stored_values(doc, schema.core.id)
                    .iter()
                    .filter_map(|v| v.as_str())
                    .map(|id| Value::from(crate::index::ids::id_key(id)))
                    .collect(),
                Source::Timestamp => {
                    let date = values_of(&f.local).into_iter().next();
                    vec![date.unwrap_or_else(|| Value::from("1970-01-01"))]
                }
            };
            if f.kind == Kind::Date {
                values = values.into_iter().map(instant).collect();
            }
            if f.multi {
                if !values.is_empty() {
                    out.insert(f.name.clone(), Value::Array(values));
                }
            } else if let Some(value) = values.into_iter().next() {
                out.insert(f.name.clone(), value);
            }
        }
        out
    }
}

/// A stored day (`2016-11-23`) as the RFC 3339 instant both engines parse.
fn instant(value: Value) -> Value {
    match value {
        Value::String(day) if day.len() == 10 => Value::String(format!("{day}T00:00:00Z")),
        other => other,
    }
}

/// A record without its empty parts (`"speaker": null`).
fn without_nulls(value: Value) -> Value {
    match value {
        Value::Object(map) => {
            Value::Object(map.into_iter().filter(|(_, v)| !v.is_null()).collect())
        }
        other => other,
    }
}
