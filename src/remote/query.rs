//! The newsdex query language as Elasticsearch query DSL, which both
//! OpenSearch and Quickwit (`/api/v1/_elastic`) answer.
//!
//! The query is parsed and rewritten exactly as for a local search (so the
//! same mistakes get the same messages), then each node of the tree becomes
//! a clause:
//!
//! | newsdex                     | query DSL                                              |
//! |-----------------------------|--------------------------------------------------------|
//! | `a b`, `a AND b`            | `bool.must`                                            |
//! | `a OR b`                    | `bool.should` (at least one; Quickwit implies it)      |
//! | `-a`, `NOT a`               | `bool.must_not`                                        |
//! | word, `"a phrase"~2`        | `match_phrase` (one word is a one-word phrase), slop   |
//! | no field named              | each default field (title ×2, body), `bool.should`; Quickwit takes no boost on phrases, so its title clause is given twice |
//! | `word*`                     | `prefix` (OpenSearch), `match_phrase_prefix` (Quickwit 0.8 has no `prefix`) |
//! | `source:Reuters`, `id:…`    | `term`                                                 |
//! | `speaker:Ayrault`           | `match_phrase` on `speaker_words`                      |
//! | `date:2016-11`, `[a TO b]`  | `range` with RFC 3339 bounds                           |
//! | `date:[* TO *]`             | `exists`                                               |
//! | `*`                         | `match_all`                                            |
//!
//! On Quickwit a stemmed field is searched through its `_stems` companion
//! with the query's words stemmed here, by the analyser that stemmed the
//! documents (see [`super::plan`]).

use serde_json::{Value, json};
use tantivy::query_grammar::{Occur, UserInputAst, UserInputBound, UserInputLeaf};

use crate::error::{Error, Result};
use crate::index::schema::{FieldType, NewsSchema};
use crate::index::tokenizers;
use crate::remote::Engine;
use crate::remote::plan::ExportPlan;

/// Translates rewritten queries for one engine.
pub struct Translator<'a> {
    pub schema: &'a NewsSchema,
    pub plan: &'a ExportPlan,
    /// Fields a term without one searches (title, body).
    pub defaults: Vec<String>,
}

impl Translator<'_> {
    /// The query DSL for `ast` (none: every document).
    pub fn translate(&self, ast: Option<&UserInputAst>) -> Result<Value> {
        match ast {
            None => Ok(json!({ "match_all": {} })),
            Some(ast) => self.node(ast),
        }
    }

    fn node(&self, ast: &UserInputAst) -> Result<Value> {
        match ast {
            UserInputAst::Clause(clauses) => {
                let (mut must, mut should, mut must_not) = (Vec::new(), Vec::new(), Vec::new());
                for (occur, sub) in clauses {
                    let clause = self.node(sub)?;
                    match occur {
                        // Terms are joined with AND unless OR says otherwise.
                        None | Some(Occur::Must) => must.push(clause),
                        Some(Occur::Should) => should.push(clause),
                        Some(Occur::MustNot) => must_not.push(clause),
                    }
                }
                if should.is_empty() && must_not.is_empty() && must.len() == 1 {
                    return Ok(must.remove(0));
                }
                let mut bool_query = serde_json::Map::new();
                if !must.is_empty() {
                    bool_query.insert("must".into(), Value::Array(must.clone()));
                }
                if !should.is_empty() {
                    if must.is_empty() && self.plan.engine == Engine::OpenSearch {
                        // Quickwit requires one `should` without being told
                        // (and 0.8 refuses the key).
                        bool_query.insert("minimum_should_match".into(), json!(1));
                    }
                    bool_query.insert("should".into(), Value::Array(should));
                }
                if !must_not.is_empty() {
                    bool_query.insert("must_not".into(), Value::Array(must_not));
                }
                Ok(json!({ "bool": bool_query }))
            }
            UserInputAst::Boost(sub, boost) => Ok(json!({
                "bool": { "must": [self.node(sub)?], "boost": boost.into_inner() }
            })),
            UserInputAst::Leaf(leaf) => self.leaf(leaf),
        }
    }

    fn leaf(&self, leaf: &UserInputLeaf) -> Result<Value> {
        match leaf {
            UserInputLeaf::All => Ok(json!({ "match_all": {} })),
            UserInputLeaf::Literal(literal) => {
                // A field's boost applies wherever it is searched, named
                // (`title:rates`) or by default, as in local search.
                let names = match &literal.field_name {
                    Some(name) => vec![name.clone()],
                    None => self.defaults.clone(),
                };
                let fields: Vec<(String, Option<f32>)> = names
                    .into_iter()
                    .map(|name| {
                        let boost = self.schema.get(&name).and_then(|f| f.spec.boost);
                        (name, boost)
                    })
                    .collect();
                let mut clauses = Vec::new();
                for (name, boost) in fields {
                    let clause =
                        self.literal(&name, &literal.phrase, literal.slop, literal.prefix)?;
                    match (boost.filter(|b| *b != 1.0), self.plan.engine) {
                        (None, _) => clauses.push(clause),
                        (Some(boost), Engine::OpenSearch) => {
                            clauses.push(with_boost(clause, boost))
                        }
                        // Quickwit's phrase queries take no boost: a clause
                        // that counts twice scores twice (title ×2).
                        (Some(boost), Engine::Quickwit) => {
                            let times = (boost.round() as usize).max(1);
                            clauses.extend(std::iter::repeat_n(clause, times));
                        }
                    }
                }
                Ok(self.any_of(clauses))
            }
            UserInputLeaf::Regex { field, pattern } => {
                let field = self.field_or_first_default(field.as_deref());
                let (remote, _) = self.plan.remote_field(self.schema, &field);
                // The rewrite of `word*` is `word.*` over the unstemmed field.
                let word = pattern
                    .strip_suffix(".*")
                    .filter(|w| !w.is_empty() && w.chars().all(char::is_alphanumeric));
                Ok(match (word, self.plan.engine) {
                    (Some(word), Engine::OpenSearch) => json!({ "prefix": { remote: word } }),
                    (Some(word), Engine::Quickwit) => json!({
                        "match_phrase_prefix": { remote: { "query": word, "max_expansions": 10_000 } }
                    }),
                    (None, _) => json!({ "regexp": { remote: { "value": pattern } } }),
                })
            }
            UserInputLeaf::Range {
                field,
                lower,
                upper,
            } => {
                let field = self.field_or_first_default(field.as_deref());
                let (remote, _) = self.plan.remote_field(self.schema, &field);
                let mut bounds = serde_json::Map::new();
                match lower {
                    UserInputBound::Inclusive(v) => {
                        bounds.insert("gte".into(), self.value(&field, v)?);
                    }
                    UserInputBound::Exclusive(v) => {
                        bounds.insert("gt".into(), self.value(&field, v)?);
                    }
                    UserInputBound::Unbounded => {}
                }
                match upper {
                    UserInputBound::Inclusive(v) => {
                        bounds.insert("lte".into(), self.value(&field, v)?);
                    }
                    UserInputBound::Exclusive(v) => {
                        bounds.insert("lt".into(), self.value(&field, v)?);
                    }
                    UserInputBound::Unbounded => {}
                }
                Ok(json!({ "range": { remote: bounds } }))
            }
            UserInputLeaf::Set { field, elements } => {
                let field = self.field_or_first_default(field.as_deref());
                let (remote, _) = self.plan.remote_field(self.schema, &field);
                let values = elements
                    .iter()
                    .map(|e| self.value(&field, e))
                    .collect::<Result<Vec<_>>>()?;
                Ok(json!({ "terms": { remote: values } }))
            }
            UserInputLeaf::Exists { field } => {
                let (remote, _) = self.plan.remote_field(self.schema, field);
                Ok(json!({ "exists": { "field": remote } }))
            }
        }
    }

    fn field_or_first_default(&self, field: Option<&str>) -> String {
        field
            .map(str::to_string)
            .or_else(|| self.defaults.first().cloned())
            .unwrap_or_default()
    }

    /// One word or phrase in one local field.
    fn literal(&self, field: &str, phrase: &str, slop: u32, prefix: bool) -> Result<Value> {
        let kind =
            self.schema.get(field).map(|f| f.spec.kind).ok_or_else(|| {
                Error::Remote(format!("unknown field `{field}` for a remote search"))
            })?;
        let (remote, stem) = self.plan.remote_field(self.schema, field);
        let clause = match kind {
            FieldType::Text => {
                let text = if stem {
                    let mut analyzer = tokenizers::stemmed();
                    tokenizers::tokens(&mut analyzer, phrase)
                        .into_iter()
                        .map(|t| t.text)
                        .collect::<Vec<_>>()
                        .join(" ")
                } else {
                    phrase.to_string()
                };
                let mut options = serde_json::Map::new();
                options.insert("query".into(), json!(text));
                if prefix {
                    json!({ "match_phrase_prefix": { remote.clone(): options } })
                } else {
                    if slop > 0 {
                        options.insert("slop".into(), json!(slop));
                    }
                    json!({ "match_phrase": { remote.clone(): options } })
                }
            }
            FieldType::String | FieldType::U64 | FieldType::Date => {
                json!({ "term": { remote.clone(): { "value": self.value(field, phrase)? } } })
            }
            FieldType::Path => {
                return Err(Error::Remote(format!(
                    "`{field}:` queries are not translated for other engines; \
                     use `place:` (which matches the places inside a region) instead"
                )));
            }
        };
        Ok(clause)
    }

    /// Clauses of which one must match (a single one as it is).
    fn any_of(&self, mut clauses: Vec<Value>) -> Value {
        if clauses.len() == 1 {
            return clauses.remove(0);
        }
        match self.plan.engine {
            Engine::OpenSearch => {
                json!({ "bool": { "should": clauses, "minimum_should_match": 1 } })
            }
            Engine::Quickwit => json!({ "bool": { "should": clauses } }),
        }
    }

    /// A value as the engine expects it in `field`: numbers for numeric fields.
    fn value(&self, field: &str, text: &str) -> Result<Value> {
        match self.schema.get(field).map(|f| f.spec.kind) {
            Some(FieldType::U64) => text.parse::<u64>().map(Value::from).map_err(|_| {
                Error::Remote(format!("`{text}` is not a number for the field `{field}`"))
            }),
            _ => Ok(json!(text)),
        }
    }
}

/// `clause` with a boost next to its options (`{"match_phrase": {"title":
/// {"query": …, "boost": 2.0}}}`).
fn with_boost(mut clause: Value, boost: f32) -> Value {
    if let Some(options) = clause
        .as_object_mut()
        .and_then(|o| o.values_mut().next())
        .and_then(|v| v.as_object_mut())
        .and_then(|fields| fields.values_mut().next())
        .and_then(Value::as_object_mut)
    {
        options.insert("boost".into(), json!(boost));
    }
    clause
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::query::parse;

    fn dsl(engine: Engine, text: &str) -> Value {
        let schema = NewsSchema::builtin();
        let index = tantivy::Index::create_in_ram(schema.tantivy.clone());
        tokenizers::register(&index);
        let plan = ExportPlan::new(&schema, engine).unwrap();
        let parsed = parse(&schema, &index, text).unwrap();
        let translator = Translator {
            schema: &schema,
            plan: &plan,
            defaults: vec!["title".into(), "body".into()],
        };
        translator.translate(parsed.ast.as_ref()).unwrap()
    }

    #[test]
    fn words_search_title_and_body_with_the_title_boost() {
        assert_eq!(
            dsl(Engine::OpenSearch, "ministers"),
            json!({ "bool": { "should": [
                { "match_phrase": { "title": { "query": "ministers", "boost": 2.0 } } },
                { "match_phrase": { "body": { "query": "ministers" } } },
            ], "minimum_should_match": 1 } })
        );
        // Quickwit: the stems newsdex computes, in the `_stems` fields; no
        // boost on phrase queries there, so the title clause counts twice.
        let title = json!({ "match_phrase": { "title_stems": { "query": "minist" } } });
        assert_eq!(
            dsl(Engine::Quickwit, "ministers"),
            json!({ "bool": { "should": [
                title,
                title,
                { "match_phrase": { "body_stems": { "query": "minist" } } },
            ] } })
        );
    }

    #[test]
    fn a_named_field_keeps_its_boost() {
        assert_eq!(
            dsl(Engine::OpenSearch, "title:rates"),
            json!({ "match_phrase": { "title": { "query": "rates", "boost": 2.0 } } })
        );
        let title = json!({ "match_phrase": { "title_stems": { "query": "rate" } } });
        assert_eq!(
            dsl(Engine::Quickwit, "title:rates"),
            json!({ "bool": { "should": [title, title] } })
        );
    }

    #[test]
    fn boolean_structure_is_kept() {
        assert_eq!(
            dsl(Engine::OpenSearch, "body:oil AND (body:gas OR body:coal)"),
            json!({ "bool": { "must": [
                { "match_phrase": { "body": { "query": "oil" } } },
                { "bool": { "minimum_should_match": 1, "should": [
                    { "match_phrase": { "body": { "query": "gas" } } },
                    { "match_phrase": { "body": { "query": "coal" } } },
                ] } },
            ] } })
        );
        assert_eq!(
            dsl(Engine::OpenSearch, "body:oil -body:iran"),
            json!({ "bool": {
                "must": [ { "match_phrase": { "body": { "query": "oil" } } } ],
                "must_not": [ { "match_phrase": { "body": { "query": "iran" } } } ],
            } })
        );
    }

    #[test]
    fn fields_dates_prefixes_and_phrases() {
        assert_eq!(
            dsl(Engine::OpenSearch, "speaker:Ayrault"),
            json!({ "match_phrase": { "speaker_words": { "query": "Ayrault" } } })
        );
        assert_eq!(
            dsl(Engine::OpenSearch, "source:Reuters"),
            json!({ "term": { "source": { "value": "Reuters" } } })
        );
        assert_eq!(
            dsl(Engine::OpenSearch, "date:2016-11"),
            json!({ "range": { "date": {
                "gte": "2016-11-01T00:00:00Z", "lte": "2016-11-30T00:00:00Z" } } })
        );
        assert_eq!(
            dsl(Engine::OpenSearch, "body:presiden*"),
            json!({ "prefix": { "body_words": "presiden" } })
        );
        assert_eq!(
            dsl(Engine::Quickwit, "body:presiden*"),
            json!({ "match_phrase_prefix": { "body": { "query": "presiden", "max_expansions": 10_000 } } })
        );
        assert_eq!(
            dsl(Engine::Quickwit, "body:\"Ministers of Defense\"~1"),
            json!({ "match_phrase": { "body_stems": { "query": "minist of defens", "slop": 1 } } })
        );
        assert_eq!(dsl(Engine::Quickwit, "*"), json!({ "match_all": {} }));
        assert_eq!(
            dsl(Engine::OpenSearch, "date:[* TO *]"),
            json!({ "exists": { "field": "date" } })
        );
        assert_eq!(
            dsl(Engine::OpenSearch, "word_count:[100 TO 200}"),
            json!({ "range": { "word_count": { "gte": 100, "lt": 200 } } })
        );
    }
}
