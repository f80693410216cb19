//! Keyword in context, as corpus linguists read a concordance (AntConc's
//! KWIC view): every occurrence of a word or phrase in the matching
//! articles, one per line, with the same number of characters of context
//! on each side so the matches line up in a column.
//!
//! Occurrences are found on the words as the index sees them (stemmed and
//! folded), so `kwic "minister"` also shows "ministers", as the search for it
//! finds them.

use serde::Serialize;

use crate::error::Result;
use crate::extract::dates::Day;
use crate::index::document::{first_day, first_text};
use crate::index::tokenizers;
use crate::search::limits;
use crate::search::{NewsSearcher, query};

/// Lines gathered before sorting, at most: a concordance of a very common
/// word is read as a sample.
pub const MAX_LINES: usize = 20_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KwicSort {
    /// Articles in index order, occurrences in text order.
    Appearance,
    /// By the words just left of the match, nearest first.
    Left,
    /// By the words just right of the match.
    Right,
}

#[derive(Debug, Clone)]
pub struct KwicRequest {
    /// The word or phrase.
    pub phrase: String,
    /// Filters as query clauses ("" for none).
    pub filter_query: String,
    /// Characters of context on each side.
    pub width: usize,
    pub sort: KwicSort,
    pub limit: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KwicLine {
    pub left: String,
    pub keyword: String,
    pub right: String,
    pub id: String,
    pub title: Option<String>,
    pub date: Option<Day>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Kwic {
    pub phrase: String,
    /// Articles containing the phrase.
    pub articles: usize,
    /// Occurrences found (before `limit`).
    pub occurrences: usize,
    /// Whether every matching article was read: false when reading stopped
    /// once `limit` lines (in order of appearance) or [`MAX_LINES`] were
    /// found, so there are more occurrences and articles than counted.
    pub complete: bool,
    pub lines: Vec<KwicLine>,
}

impl NewsSearcher {
    pub fn kwic(&self, request: &KwicRequest) -> Result<Kwic> {
        limits::at_most("limit", request.limit, MAX_LINES)?;
        limits::at_most("width", request.width, limits::MAX_KWIC_WIDTH)?;
        let schema = &self.index.schema;
        let mut analyzer = tokenizers::stemmed();
        let stems: Vec<String> = tokenizers::tokens(&mut analyzer, &request.phrase)
            .into_iter()
            .map(|t| t.text)
            .collect();
        let phrase_query = query::phrase(&request.phrase);
        let text_query = if request.filter_query.trim().is_empty() {
            phrase_query
        } else {
            format!("{phrase_query} AND {}", request.filter_query)
        };
        let parsed = query::parse(schema, &self.index.index, &text_query)?;
        let mut lines = Vec::new();
        let mut articles = 0;
        let mut complete = true;
        self.for_each_match(&*parsed.query, &mut |stored| {
            let body = first_text(&stored, schema.core.body).unwrap_or_default();
            let found = occurrences(&mut analyzer, &body, &stems, request.width);
            if !found.is_empty() {
                articles += 1;
            }
            let id = first_text(&stored, schema.core.id).unwrap_or_default();
            let title = first_text(&stored, schema.core.title);
            let date = first_day(&stored, schema.core.date);
            for (left, keyword, right) in found {
                lines.push(KwicLine {
                    left,
                    keyword,
                    right,
                    id: id.clone(),
                    title: title.clone(),
                    date,
                });
                let enough = lines.len() >= MAX_LINES
                    || (request.sort == KwicSort::Appearance && lines.len() >= request.limit);
                if enough {
                    complete = false;
                    return Ok(false);
                }
            }
            Ok(true)
        })?;
        let occurrences = lines.len();
        match request.sort {
            KwicSort::Appearance => {}
            KwicSort::Left => lines.sort_by_cached_key(|l| {
                l.left
                    .to_lowercase()
                    .split_whitespace()
                    .rev()
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            }),
            KwicSort::Right => lines.sort_by_cached_key(|l| l.right.to_lowercase()),
        }
        lines.truncate(request.limit);
        Ok(Kwic {
            phrase: request.phrase.clone(),
            articles,
            occurrences,
            complete,
            lines,
        })
    }
}

/// Each occurrence of the stems in `text`: (left context, the words as
/// written, right context), contexts of `width` characters with whitespace
/// collapsed.
fn occurrences(
    analyzer: &mut tantivy::tokenizer::TextAnalyzer,
    text: &str,
    stems: &[String],
    width: usize,
) -> Vec<(String, String, String)> {
    if stems.is_empty() {
        return Vec::new();
    }
    let tokens = tokenizers::tokens(analyzer, text);
    let mut found = Vec::new();
    let mut i = 0;
    while i + stems.len() <= tokens.len() {
        if tokens[i..i + stems.len()]
            .iter()
            .zip(stems)
            .all(|(t, s)| &t.text == s)
        {
            let start = tokens[i].offset_from;
            let end = tokens[i + stems.len() - 1].offset_to;
            let left: String = collapse(&text[..start]);
            let left: String = left
                .chars()
                .rev()
                .take(width)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let right: String = collapse(&text[end..]).chars().take(width).collect();
            found.push((left, collapse(&text[start..end]), right));
            i += stems.len();
        } else {
            i += 1;
        }
    }
    found
}

/// Whitespace runs as single spaces, keeping a leading or trailing space.
fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len().min(4096));
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    if space {
        out.push(' ');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn occurrences_keep_context_on_both_sides() {
        let mut analyzer = tokenizers::stemmed();
        let text = "The ministers met.\nA minister of defence spoke; the Minister left.";
        let found = occurrences(&mut analyzer, text, &["minist".to_string()], 10);
        let words: Vec<&str> = found.iter().map(|f| f.1.as_str()).collect();
        assert_eq!(words, ["ministers", "minister", "Minister"]);
        assert_eq!(
            found[1],
            (
                "rs met. A ".to_string(),
                "minister".to_string(),
                " of defenc".to_string()
            )
        );
    }
}
