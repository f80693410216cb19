//! Filters that narrow any query: `--speaker`, `--place`, `--source`,
//! `--from`, `--to`. They become clauses of the query language, ANDed with
//! the user's query, so every command that takes a query (search, facets,
//! timeline, export, kwic) filters the same way and counts stay consistent.

use crate::index::schema::NewsSchema;
use crate::search::query::phrase;

/// The filters of one request; all must hold.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    /// Articles quoting this speaker (a full name or part of one).
    pub speaker: Option<String>,
    /// Articles naming this place or a place inside it.
    pub place: Option<String>,
    /// Articles from this source (exact, as `--facet source` lists it).
    pub source: Option<String>,
    /// Articles dated on or after this day, month or year (`2017-03`).
    pub from: Option<String>,
    /// Articles dated on or before this day, month or year.
    pub to: Option<String>,
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }

    /// `query` with the filters ANDed to it.
    pub fn apply(&self, schema: &NewsSchema, query: &str) -> String {
        let mut clauses: Vec<String> = Vec::new();
        let named = [
            (schema.core.speaker, &self.speaker),
            (schema.core.place, &self.place),
            (schema.core.source, &self.source),
        ];
        for (field, value) in named {
            if let Some(value) = value.as_deref().filter(|v| !v.trim().is_empty()) {
                clauses.push(format!("{}:{}", schema.name(field), phrase(value)));
            }
        }
        if self.from.is_some() || self.to.is_some() {
            let bound = |b: &Option<String>| {
                b.as_deref()
                    .map(str::trim)
                    .filter(|b| !b.is_empty())
                    .unwrap_or("*")
                    .to_string()
            };
            clauses.push(format!(
                "{}:[{} TO {}]",
                schema.name(schema.core.date),
                bound(&self.from),
                bound(&self.to)
            ));
        }
        let query = query.trim();
        let mut parts: Vec<String> = Vec::new();
        if !(query.is_empty() || query == "*") || clauses.is_empty() {
            parts.push(if clauses.is_empty() {
                query.to_string()
            } else {
                format!("({query})")
            });
        }
        parts.extend(clauses);
        parts.join(" AND ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_become_clauses_anded_with_the_query() {
        let schema = NewsSchema::builtin();
        let none = Filters::default();
        assert_eq!(none.apply(&schema, "oil"), "oil");
        assert_eq!(none.apply(&schema, "*"), "*");
        let f = Filters {
            place: Some("Syria".into()),
            from: Some("2016-11".into()),
            ..Filters::default()
        };
        assert_eq!(
            f.apply(&schema, "oil OR gas"),
            "(oil OR gas) AND place:\"Syria\" AND date:[2016-11 TO *]"
        );
        assert_eq!(
            f.apply(&schema, "*"),
            "place:\"Syria\" AND date:[2016-11 TO *]"
        );
    }
}
