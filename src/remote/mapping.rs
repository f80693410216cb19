//! Index definitions for other engines, generated from an [`ExportPlan`]:
//! a Quickwit index config and an OpenSearch index body (settings with the
//! newsdex analysers, and the mapping).

use serde_json::{Map, Value, json};

use crate::index::schema::{NewsSchema, PartSpec, PartType};
use crate::index::tokenizers;
use crate::remote::plan::{ExportField, ExportPlan, Kind};

/// The Quickwit index config (`version: 0.8`, read by Quickwit 0.8 and 0.9).
pub fn quickwit_config(schema: &NewsSchema, plan: &ExportPlan, index_id: &str) -> Value {
    let field_mappings: Vec<Value> = plan
        .fields
        .iter()
        .map(|f| quickwit_field(schema, f))
        .collect();
    let mut doc_mapping = Map::new();
    doc_mapping.insert("mode".into(), json!("strict"));
    if let Some(timestamp) = &plan.timestamp_field {
        doc_mapping.insert("timestamp_field".into(), json!(timestamp));
    }
    doc_mapping.insert("store_source".into(), json!(false));
    // `exists` (`date:[* TO *]`, "without a value" counts) on any field.
    doc_mapping.insert("index_field_presence".into(), json!(true));
    doc_mapping.insert(
        "tokenizers".into(),
        json!([{
            // newsdex's `news_words`: split on non-alphanumerics, lower
            // case, fold accents (Quickwit drops tokens over 255 bytes,
            // newsdex over 40).
            "name": tokenizers::WORDS,
            "type": "simple",
            "filters": ["remove_long", "lower_caser", "ascii_folding"],
        }]),
    );
    doc_mapping.insert("field_mappings".into(), Value::Array(field_mappings));
    json!({
        "version": "0.8",
        "index_id": index_id,
        "doc_mapping": Value::Object(doc_mapping),
        "indexing_settings": {
            // Accepted documents become searchable at the next commit: a
            // push is settled 10 s after its last body, not Quickwit's 60 s.
            "commit_timeout_secs": COMMIT_TIMEOUT_SECS,
            // Quickwit scores BM25 with each split's own statistics, so its
            // ranking equals local search only on an index of one split.
            // Merging any two young splits (not ten, the default) folds a
            // push into one split seconds after its last commit, up to
            // Quickwit's 10 million documents a split.
            "merge_policy": {
                "type": "stable_log",
                "merge_factor": 2,
                "max_merge_factor": 10,
            },
        },
        "search_settings": {
            "default_search_fields": plan.default_search_fields,
        },
    })
}

/// Seconds between Quickwit's commits of the documents it accepted.
pub const COMMIT_TIMEOUT_SECS: u64 = 10;

fn quickwit_field(schema: &NewsSchema, f: &ExportField) -> Value {
    let mut m = Map::new();
    m.insert("name".into(), json!(f.name));
    let scalar = match f.kind {
        Kind::Text { .. } | Kind::Stems | Kind::Keyword => "text",
        Kind::Date => "datetime",
        Kind::U64 => "u64",
        Kind::Record => "json",
    };
    let kind = if f.multi {
        format!("array<{scalar}>")
    } else {
        scalar.to_string()
    };
    m.insert("type".into(), json!(kind));
    if let Some(about) = about(schema, f) {
        m.insert("description".into(), json!(about));
    }
    m.insert("stored".into(), json!(f.stored));
    m.insert("indexed".into(), json!(f.indexed));
    match &f.kind {
        Kind::Text {
            tokenizer,
            positions,
        } if f.indexed => {
            // Always news_words: stemmed fields have a `_stems` companion
            // there (see `plan`).
            m.insert("tokenizer".into(), json!(tokenizer));
            m.insert("record".into(), json!(record(*positions)));
            m.insert("fieldnorms".into(), json!(*positions));
        }
        Kind::Stems => {
            m.insert("tokenizer".into(), json!("whitespace"));
            m.insert("record".into(), json!("position"));
            m.insert("fieldnorms".into(), json!(true));
        }
        Kind::Keyword if f.indexed => {
            m.insert("tokenizer".into(), json!("raw"));
            m.insert("record".into(), json!("basic"));
        }
        Kind::Date => {
            m.insert("input_formats".into(), json!(["rfc3339"]));
            m.insert("output_format".into(), json!("rfc3339"));
            // Precision is left to the default, seconds: 0.8 and 0.9 name
            // the key differently (`precision`, `fast_precision`).
        }
        Kind::Record => {
            m.insert("tokenizer".into(), json!(tokenizers::WORDS));
            m.insert("record".into(), json!("position"));
            m.insert("expand_dots".into(), json!(true));
        }
        _ => {}
    }
    if !matches!(f.kind, Kind::Text { .. } | Kind::Stems) {
        m.insert("fast".into(), json!(f.fast));
    }
    Value::Object(m)
}

fn record(positions: bool) -> &'static str {
    if positions { "position" } else { "basic" }
}

fn about(schema: &NewsSchema, f: &ExportField) -> Option<String> {
    let about = &schema.get(&f.local)?.spec.about;
    let about = match f.kind {
        Kind::Stems => format!("newsdex's English stems of `{}`.", f.local),
        _ if f.name == crate::remote::plan::TIMESTAMP_FIELD => {
            "The date, or 1970-01-01 when the article has none (Quickwit needs one).".to_string()
        }
        _ => about.clone(),
    };
    (!about.is_empty()).then_some(about)
}

/// The OpenSearch (and Elasticsearch) index body: `PUT /INDEX` with it.
pub fn opensearch_index(schema: &NewsSchema, plan: &ExportPlan) -> Value {
    let mut properties = Map::new();
    for f in &plan.fields {
        properties.insert(f.name.clone(), opensearch_field(f));
    }
    json!({
        "settings": {
            "analysis": {
                "tokenizer": {
                    // tantivy's SimpleTokenizer: runs of letters and digits.
                    "news_split": { "type": "pattern", "pattern": "[^\\p{L}\\p{N}]+" },
                },
                "filter": {
                    // tantivy drops tokens of 40 bytes or more.
                    "news_long": { "type": "length", "max": 39 },
                    // The Snowball English (Porter 2) stemmer tantivy uses.
                    "news_english": { "type": "snowball", "language": "English" },
                },
                "analyzer": {
                    tokenizers::STEMMED: {
                        "type": "custom",
                        "tokenizer": "news_split",
                        "filter": ["news_long", "lowercase", "asciifolding", "news_english"],
                    },
                    tokenizers::WORDS: {
                        "type": "custom",
                        "tokenizer": "news_split",
                        "filter": ["news_long", "lowercase", "asciifolding"],
                    },
                },
            },
        },
        "mappings": {
            "dynamic": "strict",
            "_meta": { "newsdex_schema_version": schema.version },
            "properties": Value::Object(properties),
        },
    })
}

fn opensearch_field(f: &ExportField) -> Value {
    let mut m = Map::new();
    match &f.kind {
        Kind::Text {
            tokenizer,
            positions,
        } => {
            m.insert("type".into(), json!("text"));
            m.insert("analyzer".into(), json!(tokenizer));
            m.insert(
                "index_options".into(),
                json!(if *positions { "positions" } else { "docs" }),
            );
            m.insert("norms".into(), json!(*positions));
        }
        // Quickwit only (see `plan`); kept total for a future engine.
        Kind::Stems => {
            m.insert("type".into(), json!("text"));
            m.insert("analyzer".into(), json!("whitespace"));
        }
        Kind::Keyword => {
            m.insert("type".into(), json!("keyword"));
            if !f.fast {
                m.insert("doc_values".into(), json!(false));
            }
        }
        Kind::Date => {
            m.insert("type".into(), json!("date"));
            m.insert("format".into(), json!("strict_date_optional_time"));
        }
        Kind::U64 => {
            m.insert("type".into(), json!("long"));
        }
        Kind::Record => {
            m.insert("type".into(), json!("nested"));
            let parts = match &f.source {
                crate::remote::plan::Source::Record(parts) => parts.as_slice(),
                _ => &[],
            };
            let properties: Map<String, Value> = parts
                .iter()
                .map(|p| (p.name.clone(), opensearch_part(p)))
                .collect();
            m.insert("properties".into(), Value::Object(properties));
        }
    }
    if !f.indexed && !matches!(f.kind, Kind::Record) {
        m.insert("index".into(), json!(false));
    }
    if !f.copy_to.is_empty() {
        m.insert("copy_to".into(), json!(f.copy_to));
    }
    Value::Object(m)
}

fn opensearch_part(part: &PartSpec) -> Value {
    match part.kind {
        PartType::Text => json!({
            "type": "text",
            "analyzer": part.tokenizer.as_deref().unwrap_or(tokenizers::WORDS),
        }),
        PartType::String => json!({ "type": "keyword" }),
        PartType::Bool => json!({ "type": "boolean" }),
        PartType::U64 => json!({ "type": "long" }),
        PartType::GeoPoint => json!({ "type": "geo_point" }),
    }
}

/// `value` as block-style YAML (the subset a config needs: maps, lists,
/// strings, numbers, booleans). Strings that YAML could read as something
/// else are written double-quoted, which YAML reads as JSON reads them.
pub fn to_yaml(value: &Value) -> String {
    let mut out = String::new();
    write_yaml(value, 0, &mut out);
    out
}

fn write_yaml(value: &Value, indent: usize, out: &mut String) {
    let pad = " ".repeat(indent);
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                out.push_str(&pad);
                out.push_str(&yaml_scalar(&Value::String(key.clone())));
                out.push(':');
                write_nested(v, indent, out);
            }
        }
        Value::Array(items) => {
            for item in items {
                out.push_str(&pad);
                out.push('-');
                match item {
                    Value::Object(map) if !map.is_empty() => {
                        // The first key on the dash's line, the rest below.
                        let mut lines = String::new();
                        write_yaml(item, indent + 2, &mut lines);
                        out.push(' ');
                        out.push_str(lines.trim_start());
                    }
                    _ => write_nested(item, indent, out),
                }
            }
        }
        scalar => {
            out.push_str(&pad);
            out.push_str(&yaml_scalar(scalar));
            out.push('\n');
        }
    }
}

/// A map's value or a list's item after its key or dash.
fn write_nested(value: &Value, indent: usize, out: &mut String) {
    match value {
        Value::Object(map) if !map.is_empty() => {
            out.push('\n');
            write_yaml(value, indent + 2, out);
        }
        Value::Array(items) if !items.is_empty() => {
            out.push('\n');
            write_yaml(value, indent + 2, out);
        }
        Value::Object(_) => out.push_str(" {}\n"),
        Value::Array(_) => out.push_str(" []\n"),
        scalar => {
            out.push(' ');
            out.push_str(&yaml_scalar(scalar));
            out.push('\n');
        }
    }
}

fn yaml_scalar(value: &Value) -> String {
    match value {
        Value::String(s) => {
            let plain = !s.is_empty()
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "_<>/.-".contains(c))
                && s.starts_with(|c: char| c.is_ascii_alphabetic())
                && !matches!(
                    s.to_ascii_lowercase().as_str(),
                    "true" | "false" | "yes" | "no" | "on" | "off" | "null" | "y" | "n"
                );
            if plain {
                s.clone()
            } else {
                Value::String(s.clone()).to_string()
            }
        }
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_quotes_what_yaml_would_misread() {
        let value = json!({
            "version": "0.8",
            "mode": "strict",
            "flag": "no",
            "about": "Who said: \"it\"",
            "fast": true,
            "list": ["a", {"name": "x", "filters": ["lower_caser"]}],
            "empty": [],
        });
        assert_eq!(
            to_yaml(&value),
            "version: \"0.8\"\nmode: strict\nflag: \"no\"\nabout: \"Who said: \\\"it\\\"\"\n\
             fast: true\nlist:\n  - a\n  - name: x\n    filters:\n      - lower_caser\nempty: []\n"
        );
    }
}
