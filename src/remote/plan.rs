//! The fields an engine receives, derived from `schema/news.toml`.
//!
//! One [`ExportPlan`] per engine drives both the index definition
//! ([`super::mapping`]) and every exported document ([`super::document`]), so
//! the two cannot disagree, and neither keeps a list of field names: a field
//! added to the schema is exported from its declaration, and one the plan
//! cannot place (neither stored nor derivable) is an error that a test
//! catches.
//!
//! The engines differ in one way that shapes the plan. OpenSearch analyses
//! text with the same steps as newsdex (split on non-alphanumerics, lower
//! case, fold accents, Snowball English stemming), fills unstemmed copies
//! itself (`copy_to`), and receives fields as newsdex has them. Quickwit
//! 0.8/0.9 has no stemming filter for custom tokenizers (and 0.9 ships no
//! `en_stem`), so there a stemmed field is sent twice: as written, indexed
//! unstemmed under its own name (which then also answers `word*`), and as
//! newsdex's own stems under `NAME_stems` (indexed by whitespace), which
//! remote search queries with stems newsdex computes, so matching is the
//! same as local.

use crate::error::{Error, Result};
use crate::index::schema::{FieldType, NewsSchema, PartSpec, SchemaField};
use crate::index::tokenizers;
use crate::remote::Engine;

/// Where one exported field's values come from.
#[derive(Debug, Clone, PartialEq)]
pub enum Source {
    /// The stored values of this local field.
    Stored,
    /// The stored values of another field (a copy the engine cannot fill).
    CopyOf(String),
    /// The newsdex stems of another field's stored text, joined by spaces.
    StemsOf(String),
    /// Stored JSON objects with these parts.
    Record(Vec<PartSpec>),
    /// What `place:` matches, from the place records.
    PlaceWords,
    /// What `speaker:` matches: each speaker's name and the other names the
    /// corpus gives it (`speaker` and `speaker_aliases`).
    SpeakerWords,
    /// Each place's path from the continent down, `Asia/Syria/Aleppo`.
    PlacePaths,
    /// The number the stored id spells: the tie-break of rankings.
    IdKey,
    /// The date, or 1970-01-01 when there is none (Quickwit needs a value
    /// in its timestamp field on every document).
    Timestamp,
}

/// How the engine indexes one exported field.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// Analysed text, with the newsdex tokenizer of the same name.
    Text {
        tokenizer: &'static str,
        positions: bool,
    },
    /// Text that is already stems, split on whitespace.
    Stems,
    /// Exact values.
    Keyword,
    Date,
    U64,
    /// JSON objects with parts.
    Record,
}

/// One field as an engine receives it.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportField {
    /// Its name in the engine.
    pub name: String,
    /// The local field it is made from.
    pub local: String,
    pub source: Source,
    pub kind: Kind,
    pub multi: bool,
    /// Kept in the engine's document store and returned with hits.
    pub stored: bool,
    /// Counted by aggregations and sortable.
    pub fast: bool,
    pub indexed: bool,
    /// Engine fields this one is copied into (OpenSearch `copy_to`).
    pub copy_to: Vec<String>,
    /// Written into exported documents; false when the engine fills it.
    pub sent: bool,
}

/// Every field one engine receives, in schema order.
#[derive(Debug, Clone)]
pub struct ExportPlan {
    pub engine: Engine,
    pub fields: Vec<ExportField>,
    /// Quickwit's timestamp field.
    pub timestamp_field: Option<String>,
    /// Searched by the engine's own UI when a query names no field.
    pub default_search_fields: Vec<String>,
}

/// The suffix of the stems field Quickwit gets for each stemmed text field.
pub const STEMS_SUFFIX: &str = "_stems";
/// The name of Quickwit's timestamp field.
pub const TIMESTAMP_FIELD: &str = "timestamp";

impl ExportPlan {
    pub fn new(schema: &NewsSchema, engine: Engine) -> Result<ExportPlan> {
        let mut fields: Vec<ExportField> = Vec::new();
        let core = &schema.core;
        for (f, name) in schema.exported_fields() {
            let spec = &f.spec;
            let base = ExportField {
                name: name.to_string(),
                local: spec.name.clone(),
                source: Source::Stored,
                kind: Kind::Keyword,
                multi: spec.multi,
                stored: spec.stored,
                fast: spec.fast,
                indexed: spec.indexed,
                copy_to: Vec::new(),
                sent: true,
            };
            let unplaceable = || {
                Error::Schema(format!(
                    "field `{}` cannot be exported: it is neither stored, a copy, nor derived \
                     from the place records; teach src/remote/plan.rs how to fill it",
                    spec.name
                ))
            };
            let source_of_copy = spec.copy_of.as_ref().and_then(|c| schema.get(c));
            let field = match spec.kind {
                FieldType::Text => {
                    let tokenizer = text_tokenizer(f)?;
                    let kind = Kind::Text {
                        tokenizer,
                        positions: spec.positions,
                    };
                    match source_of_copy {
                        // Names and their aliases: sent to both engines (an
                        // OpenSearch copy of `speaker` would lack the aliases).
                        _ if f.field == core.speaker_words => ExportField {
                            kind,
                            source: Source::SpeakerWords,
                            multi: true,
                            stored: false,
                            ..base
                        },
                        // Quickwit indexes a stemmed original unstemmed under
                        // its own name: that is this copy (see the notes).
                        Some(original)
                            if engine == Engine::Quickwit
                                && original.spec.kind == FieldType::Text =>
                        {
                            continue;
                        }
                        Some(original) => ExportField {
                            kind,
                            source: Source::CopyOf(original.spec.name.clone()),
                            multi: original.spec.multi,
                            stored: false,
                            // OpenSearch fills it from the original (`copy_to`).
                            sent: engine != Engine::OpenSearch,
                            ..base
                        },
                        None if spec.stored => ExportField { kind, ..base },
                        // Kept in records here; the engine stores it itself.
                        None if spec.stored_in.is_some() => ExportField {
                            kind,
                            stored: true,
                            ..base
                        },
                        None if f.field == core.place_words => ExportField {
                            kind,
                            source: Source::PlaceWords,
                            multi: true,
                            ..base
                        },
                        None => return Err(unplaceable()),
                    }
                }
                FieldType::String if !spec.record.is_empty() => ExportField {
                    kind: Kind::Record,
                    source: Source::Record(spec.record.clone()),
                    fast: false,
                    indexed: true,
                    ..base
                },
                FieldType::U64 if f.field == core.id_key => ExportField {
                    kind: Kind::U64,
                    source: Source::IdKey,
                    ..base
                },
                FieldType::String | FieldType::Date | FieldType::U64 => {
                    if !spec.stored {
                        return Err(unplaceable());
                    }
                    let kind = match spec.kind {
                        FieldType::Date => Kind::Date,
                        FieldType::U64 => Kind::U64,
                        _ => Kind::Keyword,
                    };
                    ExportField { kind, ..base }
                }
                FieldType::Path if f.field == core.place_path => ExportField {
                    kind: Kind::Keyword,
                    source: Source::PlacePaths,
                    multi: true,
                    fast: true,
                    ..base
                },
                FieldType::Path => return Err(unplaceable()),
            };
            fields.push(field);
        }

        // Copies the engine fills are named by their original.
        let filled: Vec<(String, String)> = fields
            .iter()
            .filter(|e| !e.sent)
            .filter_map(|e| match &e.source {
                Source::CopyOf(original) => Some((original.clone(), e.name.clone())),
                _ => None,
            })
            .collect();
        for (original, copy) in filled {
            if let Some(target) = fields.iter_mut().find(|e| e.local == original) {
                target.copy_to.push(copy);
            }
        }

        let mut timestamp_field = None;
        if engine == Engine::Quickwit {
            let stemmed: Vec<ExportField> = fields
                .iter()
                .filter(|e| {
                    matches!(
                        e.kind,
                        Kind::Text {
                            tokenizer: tokenizers::STEMMED,
                            ..
                        }
                    )
                })
                .cloned()
                .collect();
            for original in stemmed {
                let Kind::Text { positions, .. } = original.kind else {
                    continue;
                };
                // The original is indexed unstemmed under its own name.
                if let Some(e) = fields.iter_mut().find(|e| e.name == original.name) {
                    e.kind = Kind::Text {
                        tokenizer: tokenizers::WORDS,
                        positions,
                    };
                }
                let at = fields
                    .iter()
                    .position(|e| e.name == original.name)
                    .map_or(fields.len(), |i| i + 1);
                fields.insert(
                    at,
                    ExportField {
                        name: format!("{}{STEMS_SUFFIX}", original.name),
                        local: original.local.clone(),
                        source: Source::StemsOf(original.local.clone()),
                        kind: Kind::Stems,
                        stored: false,
                        fast: false,
                        copy_to: Vec::new(),
                        ..original
                    },
                );
            }
            let date = schema.name(core.date).to_string();
            fields.push(ExportField {
                name: TIMESTAMP_FIELD.to_string(),
                local: date,
                source: Source::Timestamp,
                kind: Kind::Date,
                multi: false,
                stored: false,
                fast: true,
                indexed: true,
                copy_to: Vec::new(),
                sent: true,
            });
            timestamp_field = Some(TIMESTAMP_FIELD.to_string());
        }

        let mut seen = std::collections::HashSet::new();
        for f in &fields {
            if !seen.insert(f.name.as_str()) {
                return Err(Error::Schema(format!(
                    "two fields would be exported as `{}`",
                    f.name
                )));
            }
        }
        let default_search_fields = schema
            .default_search_fields()
            .map(|f| f.spec.name.clone())
            .collect();
        Ok(ExportPlan {
            engine,
            fields,
            timestamp_field,
            default_search_fields,
        })
    }

    /// The engine field that answers queries on the local field `local`,
    /// and whether the query's words must be stemmed by newsdex first.
    pub fn remote_field(&self, schema: &NewsSchema, local: &str) -> (String, bool) {
        if self.engine == Engine::Quickwit {
            if let Some(stems) = self
                .fields
                .iter()
                .find(|e| e.local == local && e.source == Source::StemsOf(local.to_string()))
            {
                return (stems.name.clone(), true);
            }
            // An unstemmed copy of a text field is the original there.
            if let Some(original) = schema
                .get(local)
                .and_then(|f| f.spec.copy_of.as_deref())
                .and_then(|c| schema.get(c))
                .filter(|c| c.spec.kind == FieldType::Text)
            {
                return (original.spec.name.clone(), false);
            }
        }
        let name = self
            .fields
            .iter()
            .find(|e| {
                e.local == local && !matches!(e.source, Source::StemsOf(_) | Source::Timestamp)
            })
            .map_or(local, |e| e.name.as_str());
        (name.to_string(), false)
    }

    pub fn get(&self, name: &str) -> Option<&ExportField> {
        self.fields.iter().find(|f| f.name == name)
    }
}

fn text_tokenizer(f: &SchemaField) -> Result<&'static str> {
    match f.spec.tokenizer.as_deref() {
        Some(tokenizers::STEMMED) => Ok(tokenizers::STEMMED),
        Some(tokenizers::WORDS) => Ok(tokenizers::WORDS),
        other => Err(Error::Schema(format!(
            "field `{}`: no export for tokenizer {other:?}",
            f.spec.name
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::document::{GeoPoint, PlaceRecord, QuoteRecord};
    use crate::index::schema::SCHEMA_TOML;

    fn plan(engine: Engine) -> ExportPlan {
        ExportPlan::new(&NewsSchema::builtin(), engine).unwrap()
    }

    #[test]
    fn every_field_users_see_reaches_both_engines() {
        let schema = NewsSchema::builtin();
        for engine in [Engine::Quickwit, Engine::OpenSearch] {
            let plan = plan(engine);
            for f in schema.fields.iter().filter(|f| !f.spec.internal) {
                let (remote, _) = plan.remote_field(&schema, &f.spec.name);
                assert!(
                    plan.get(&remote).is_some(),
                    "{engine}: `{}` has no field there",
                    f.spec.name
                );
            }
            assert!(plan.get("quotes").is_some() && plan.get("place_mentions").is_some());
            assert!(plan.get("signature").is_none() && plan.get("file_mtime").is_none());
        }
    }

    #[test]
    fn quickwit_gets_newsdex_stems_and_a_timestamp() {
        let schema = NewsSchema::builtin();
        let plan = plan(Engine::Quickwit);
        assert_eq!(
            plan.remote_field(&schema, "body"),
            ("body_stems".to_string(), true)
        );
        assert_eq!(
            plan.remote_field(&schema, "body_words"),
            ("body".to_string(), false)
        );
        assert_eq!(
            plan.remote_field(&schema, "speaker_words"),
            ("speaker_words".to_string(), false)
        );
        assert!(plan.get("body_words").is_none());
        assert_eq!(plan.timestamp_field.as_deref(), Some(TIMESTAMP_FIELD));
        let opensearch = self::plan(Engine::OpenSearch);
        assert_eq!(
            opensearch.remote_field(&schema, "body"),
            ("body".to_string(), false)
        );
        assert_eq!(
            opensearch.get("body").unwrap().copy_to,
            ["body_words".to_string()]
        );
        assert!(!opensearch.get("body_words").unwrap().sent);
    }

    #[test]
    fn a_field_the_export_cannot_fill_is_an_error_naming_it() {
        // A new computed field, neither stored nor a copy: the export
        // would silently lose it, so building the plan fails.
        let text = format!(
            "{SCHEMA_TOML}\n[[field]]\nname = \"topic_words\"\ntype = \"text\"\ntokenizer = \"news_words\"\n"
        );
        let schema = NewsSchema::from_toml(&text).unwrap();
        for engine in [Engine::Quickwit, Engine::OpenSearch] {
            let err = ExportPlan::new(&schema, engine).unwrap_err().to_string();
            assert!(err.contains("`topic_words` cannot be exported"), "{err}");
        }
    }

    /// The parts the schema declares for a record field.
    fn parts(name: &str) -> Vec<String> {
        let schema = NewsSchema::builtin();
        let mut names: Vec<String> = schema
            .get(name)
            .unwrap()
            .spec
            .record
            .iter()
            .map(|p| p.name.clone())
            .collect();
        names.sort();
        names
    }

    fn keys(value: serde_json::Value) -> Vec<String> {
        let mut keys: Vec<String> = value.as_object().unwrap().keys().cloned().collect();
        keys.sort();
        keys
    }

    #[test]
    fn stored_records_have_exactly_the_parts_the_schema_declares() {
        let quote = QuoteRecord {
            text: "We will rebuild".into(),
            at: None,
            speaker: Some("Ann Lee".into()),
            co_speakers: vec!["Bo Tan".into()],
            role: None,
            direct: true,
            as_written: vec!["Lee".into(), "Tan".into()],
        };
        assert_eq!(
            keys(serde_json::to_value(quote).unwrap()),
            parts("quote_record")
        );
        let place = PlaceRecord {
            label: "Aleppo, Syria".into(),
            name: "Aleppo".into(),
            geonameid: Some(170063),
            kind: "city".into(),
            role: "mention".into(),
            country: Some("Syria".into()),
            country_code: Some("SY".into()),
            region: Some("Aleppo".into()),
            path: vec!["Asia".into(), "Syria".into()],
            location: GeoPoint {
                lat: 36.2,
                lon: 37.16,
            },
            mentioned_as: vec!["Aleppo".into()],
            mentions: 1,
        };
        assert_eq!(
            keys(serde_json::to_value(place).unwrap()),
            parts("place_record")
        );
    }
}
