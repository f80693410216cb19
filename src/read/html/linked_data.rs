//! JSON-LD: what a page's `<script type="application/ld+json">` blocks say
//! about its article.
//!
//! A block is an object, an array, or an `@graph`; the article is the
//! object whose `@type` names an article (`NewsArticle`, `BlogPosting`,
//! `Report`, …), else one with an `articleBody` or a `datePublished`.
//! `{"@id": …}` references (to a publisher, an author) are looked up among
//! the other objects.

use serde_json::{Map, Value};

use super::text::clean;

/// What the page's JSON-LD says about its article.
#[derive(Debug, Default)]
pub(super) struct LinkedData {
    pub headline: Option<String>,
    pub published: Option<String>,
    pub modified: Option<String>,
    /// The article's authors, as named (people or organisations).
    pub authors: Vec<String>,
    pub publisher: Option<String>,
    pub body: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
    /// Whether some object's `@type` names an article.
    pub declares_article: bool,
    /// Whether the page's main object is a collection, a list or a
    /// search page (`CollectionPage`, `ItemList`, `SearchResultsPage`).
    pub declares_collection: bool,
}

impl LinkedData {
    pub fn read(blocks: &[String]) -> LinkedData {
        let values: Vec<Value> = blocks.iter().filter_map(|b| json(b)).collect();
        let mut objects = Vec::new();
        for value in &values {
            gather(value, &mut objects, 0);
        }
        let declares_article = objects.iter().any(|o| has_type(o, is_article_type));
        let declares_collection = objects.iter().any(|o| {
            has_type(o, |t| {
                matches!(t, "collectionpage" | "itemlist" | "searchresultspage")
            })
        });
        let article = objects
            .iter()
            .find(|o| has_type(o, is_article_type))
            .or_else(|| objects.iter().find(|o| o.contains_key("articleBody")))
            .or_else(|| objects.iter().find(|o| o.contains_key("datePublished")));
        let Some(article) = article else {
            return LinkedData {
                declares_collection,
                ..LinkedData::default()
            };
        };
        let field = |key: &str| article.get(key).and_then(|v| first_text(v, &objects));
        let mut authors = Vec::new();
        if let Some(value) = article.get("author").or_else(|| article.get("creator")) {
            collect_names(value, &objects, &mut authors, 0);
        }
        let url = field("url").or_else(|| match article.get("mainEntityOfPage") {
            Some(Value::Object(page)) => page.get("@id").and_then(|v| first_text(v, &objects)),
            Some(other) => first_text(other, &objects),
            None => None,
        });
        LinkedData {
            headline: field("headline").or_else(|| field("name")),
            published: field("datePublished").or_else(|| field("dateCreated")),
            modified: field("dateModified"),
            authors,
            publisher: field("publisher"),
            body: article
                .get("articleBody")
                .and_then(Value::as_str)
                .map(str::to_string),
            url,
            language: field("inLanguage"),
            declares_article,
            declares_collection,
        }
    }
}

fn is_article_type(t: &str) -> bool {
    t.contains("article") || t.ends_with("posting") || t == "report"
}

/// Whether an object's `@type` (one or several) passes `test`, in lower
/// case.
fn has_type(object: &Map<String, Value>, test: impl Fn(&str) -> bool) -> bool {
    let lower = |t: &str| test(&t.to_ascii_lowercase());
    match object.get("@type") {
        Some(Value::String(t)) => lower(t),
        Some(Value::Array(types)) => types.iter().filter_map(Value::as_str).any(lower),
        _ => false,
    }
}

/// A JSON-LD block, tolerating the comment and CDATA wrappers old pages put
/// around scripts, and raw line breaks inside strings.
fn json(block: &str) -> Option<Value> {
    let mut text = block.trim();
    for prefix in ["<!--", "//<![CDATA[", "<![CDATA["] {
        text = text.strip_prefix(prefix).unwrap_or(text).trim();
    }
    for suffix in ["-->", "//]]>", "]]>", ";"] {
        text = text.strip_suffix(suffix).unwrap_or(text).trim();
    }
    serde_json::from_str(text).ok().or_else(|| {
        let flat: String = text
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        serde_json::from_str(&flat).ok()
    })
}

/// The objects of a JSON-LD value: itself, its array items, its `@graph`
/// and `mainEntity`, a few levels deep.
fn gather<'v>(value: &'v Value, out: &mut Vec<&'v Map<String, Value>>, depth: usize) {
    if depth > 4 {
        return;
    }
    match value {
        Value::Array(items) => {
            for item in items {
                gather(item, out, depth + 1);
            }
        }
        Value::Object(map) => {
            out.push(map);
            for key in ["@graph", "mainEntity"] {
                if let Some(inner) = map.get(key) {
                    gather(inner, out, depth + 1);
                }
            }
        }
        _ => {}
    }
}

/// The first text of a value: a string, a number, an object's `name` (or
/// the `name` of the object its `@id` refers to), a list's first.
fn first_text(value: &Value, objects: &[&Map<String, Value>]) -> Option<String> {
    let mut names = Vec::new();
    collect_names(value, objects, &mut names, 0);
    names.into_iter().next()
}

fn collect_names(
    value: &Value,
    objects: &[&Map<String, Value>],
    out: &mut Vec<String>,
    depth: usize,
) {
    if depth > 4 {
        return;
    }
    match value {
        Value::String(s) => {
            let name = clean(s);
            if !name.is_empty() && !out.contains(&name) {
                out.push(name);
            }
        }
        Value::Number(n) => out.push(n.to_string()),
        Value::Array(items) => {
            for item in items {
                collect_names(item, objects, out, depth + 1);
            }
        }
        Value::Object(map) => {
            let referred = || {
                let id = map.get("@id")?;
                objects
                    .iter()
                    .find(|o| o.get("@id") == Some(id) && o.contains_key("name"))
                    .and_then(|o| o.get("name"))
            };
            if let Some(name) = map.get("name").or_else(referred) {
                collect_names(name, objects, out, depth + 1);
            }
        }
        _ => {}
    }
}
