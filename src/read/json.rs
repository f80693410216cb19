//! JSON (`.json`: one article, an array of them, or an object holding such
//! an array) and JSON Lines (`.jsonl`, `.ndjson`: one article per line).
//!
//! Field names are mapped by [`fields::role_of`]. serde_json refuses input
//! nested deeper than 128 levels with an error instead of exhausting the
//! stack, so hostile nesting is a reported problem, not a crash.

use serde_json::Value;

use crate::article::Article;
use crate::read::fields::{Record, Role, role_of};
use crate::read::{MAX_ARTICLE_BYTES, Problem, ReadError, article_too_large, fit_record};

/// Keys under which wrappers (NewsAPI, search dumps) keep their article list.
const LIST_KEYS: [&str; 8] = [
    "articles", "items", "data", "results", "docs", "entries", "news", "records",
];

/// One JSON document.
pub fn parse_json(text: &str) -> Result<Vec<Article>, ReadError> {
    let value: Value = serde_json::from_str(text).map_err(|e| ReadError::Syntax {
        format: "JSON",
        reason: e.to_string(),
    })?;
    let articles: Vec<Article> = records(value)
        .into_iter()
        .filter_map(Record::into_article)
        .collect();
    if articles.is_empty() {
        return Err(ReadError::NoArticles {
            format: "JSON",
            hint: "no object with a text, body, content or title field",
        });
    }
    Ok(articles)
}

/// JSON Lines: a bad line is a problem of its own; the other lines count.
/// A line over [`MAX_ARTICLE_BYTES`] is one (a gzipped file read whole may
/// hold such lines; a streamed file's are caught as they are read).
pub fn parse_json_lines(text: &str, problems: &mut Vec<Problem>) -> Vec<Article> {
    parse_json_lines_within(text, MAX_ARTICLE_BYTES, problems)
}

fn parse_json_lines_within(text: &str, limit: u64, problems: &mut Vec<Problem>) -> Vec<Article> {
    let mut articles = Vec::new();
    for (number, line) in text.lines().enumerate() {
        if line.len() as u64 > limit {
            problems.push(record_too_large(number + 1, line.len() as u64));
            continue;
        }
        match parse_json_line(line, number + 1) {
            Ok(found) => {
                let at = format!("line {}", number + 1);
                for article in found {
                    let (article, problem) = fit_record(article, &at);
                    articles.extend(article);
                    problems.extend(problem);
                }
            }
            Err(problem) => problems.push(problem),
        }
    }
    articles
}

/// The problem of line `number`, of `size` bytes, over the article limit.
pub fn record_too_large(number: usize, size: u64) -> Problem {
    Problem::new(
        format!("line {number}"),
        article_too_large("record", Some(size)),
    )
}

/// One line of JSON Lines (`number` counts from 1): its articles, none for
/// a blank line, or the line's problem.
pub fn parse_json_line(line: &str, number: usize) -> Result<Vec<Article>, Problem> {
    let line = line.trim();
    if line.is_empty() {
        return Ok(Vec::new());
    }
    let at = format!("line {number}");
    let value = serde_json::from_str::<Value>(line)
        .map_err(|e| Problem::new(&at, format!("not JSON: {e}")))?;
    let found: Vec<Article> = records(value)
        .into_iter()
        .filter_map(Record::into_article)
        .collect();
    if found.is_empty() {
        return Err(Problem::new(at, "no text, body, content or title field"));
    }
    Ok(found)
}

/// The article records in a JSON value.
fn records(value: Value) -> Vec<Record> {
    match value {
        Value::Array(items) => items.into_iter().filter_map(|v| record(&v)).collect(),
        Value::Object(map) => {
            let single = record(&Value::Object(map.clone()));
            if let Some(r) = single.filter(|r| r.has_body()) {
                return vec![r];
            }
            for key in LIST_KEYS {
                if let Some(Value::Array(items)) = map.get(key) {
                    return items.iter().filter_map(record).collect();
                }
            }
            record(&Value::Object(map)).into_iter().collect()
        }
        _ => Vec::new(),
    }
}

fn record(value: &Value) -> Option<Record> {
    let map = value.as_object()?;
    let mut record = Record::default();
    for (key, value) in map {
        // A list of authors is several authors.
        if let (Value::Array(items), Some(Role::Author)) = (value, role_of(key)) {
            record.set_authors(items.iter().filter_map(text_of));
            continue;
        }
        if let Some(text) = text_of(value) {
            record.set(key, &text);
        }
    }
    Some(record)
}

/// A field's value as text: strings and numbers as they are, lists joined
/// with ", ", an object by its `name` (NewsAPI's `source: {id, name}`).
fn text_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Array(items) => {
            let parts: Vec<String> = items.iter().filter_map(text_of).collect();
            (!parts.is_empty()).then(|| parts.join(", "))
        }
        Value::Object(map) => map
            .get("name")
            .or_else(|| map.get("title"))
            .and_then(text_of),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_article_an_array_or_a_wrapper() {
        let one = parse_json(r#"{"headline": "Rates rise", "maintext": "The bank raised rates.", "date_publish": "2021-03-04 10:00:00"}"#).unwrap();
        assert_eq!(one.len(), 1);
        assert_eq!(one[0].title.as_deref(), Some("Rates rise"));
        assert_eq!(one[0].date.unwrap().to_string(), "2021-03-04");
        let many =
            parse_json(r#"[{"title": "A", "text": "a"}, {"title": "B", "text": "b"}]"#).unwrap();
        assert_eq!(many.len(), 2);
        let newsapi = parse_json(
            r#"{"status": "ok", "articles": [{"source": {"id": null, "name": "BBC News"}, "author": ["Ann Lee", "Bo Chen"],
               "title": "T", "content": "Body.", "url": "https://bbc.co.uk/x", "publishedAt": "2020-01-02T03:04:05Z"}]}"#,
        )
        .unwrap();
        assert_eq!(newsapi[0].source.as_deref(), Some("BBC News"));
        assert_eq!(newsapi[0].authors, ["Ann Lee", "Bo Chen"]);
        assert_eq!(newsapi[0].url.as_deref(), Some("https://bbc.co.uk/x"));
    }

    #[test]
    fn bad_lines_are_reported_and_good_ones_kept() {
        let mut problems = Vec::new();
        let text = "{\"title\": \"A\", \"text\": \"a\"}\n{broken\n\n{\"title\": \"C\", \"body\": \"c\", \"id\": \"c-1\"}\n{\"x\": 1}\n";
        let articles = parse_json_lines(text, &mut problems);
        assert_eq!(articles.len(), 2);
        assert_eq!(articles[1].record.as_deref(), Some("c-1"));
        assert_eq!(problems.len(), 2);
        assert_eq!(problems[0].at, "line 2");
        assert_eq!(problems[1].at, "line 5");
    }

    #[test]
    fn a_line_over_the_limit_is_reported_by_its_size_and_the_others_kept() {
        let big = format!(
            "{{\"title\": \"Big\", \"text\": \"{}\"}}",
            "word ".repeat(40)
        );
        let text = format!(
            "{{\"title\": \"A\", \"text\": \"a\"}}\n{big}\n{{\"title\": \"C\", \"text\": \"c\"}}\n"
        );
        let mut problems = Vec::new();
        let articles = parse_json_lines_within(&text, 100, &mut problems);
        let titles: Vec<_> = articles
            .iter()
            .map(|a| a.title.as_deref().unwrap())
            .collect();
        assert_eq!(titles, ["A", "C"]);
        assert_eq!(
            problems,
            [Problem::new(
                "line 2",
                "record of 0.1 MB is over newsdex's 16 MB limit for one article"
            )]
        );
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let deep = "[".repeat(100_000) + &"]".repeat(100_000);
        let err = parse_json(&deep).unwrap_err().to_string();
        assert!(err.contains("recursion limit"), "{err}");
    }
}
