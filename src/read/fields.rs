//! The metadata names crawlers and datasets use, mapped to article fields.
//!
//! JSON keys, CSV headers and plain-text header lines all go through
//! [`role_of`], so `headline`, `maintext`, `date_publish`, `pubDate` or
//! `site_name` mean the same wherever they appear. A [`Record`] gathers the
//! values of one article and becomes an [`Article`] in [`Record::into_article`].

use crate::article::Article;
use crate::read::datetime::parse_day;

/// What a metadata field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Title,
    /// The article text; `rank` orders the names when several are present
    /// (a crawler's `maintext` beats its `description`, which is a summary).
    Body {
        rank: u8,
    },
    Date,
    Url,
    Source,
    Author,
    Language,
    /// A key that identifies the record in its file (`id`, `guid`).
    Key,
}

/// The role of a field name, compared without case, `_`, `-` or spaces.
pub fn role_of(name: &str) -> Option<Role> {
    let name: String = name
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    Some(match name.as_str() {
        "title" | "headline" | "heading" | "hed" => Role::Title,
        "maintext" | "articlebody" | "fulltext" => Role::Body { rank: 0 },
        "text" | "body" | "content" | "article" | "story" | "articletext" => Role::Body { rank: 1 },
        "description" | "summary" | "abstract" | "lead" => Role::Body { rank: 2 },
        "date" | "published" | "datepublish" | "publishdate" | "pubdate" | "publishedat"
        | "datepublished" | "publicationdate" | "publishedtime" | "datetime" | "created"
        | "createdat" | "updated" => Role::Date,
        "url" | "link" | "sourceurl" | "permalink" | "href" => Role::Url,
        "source" | "sourcedomain" | "publisher" | "sitename" | "outlet" | "provider" | "feed" => {
            Role::Source
        }
        "author" | "authors" | "byline" | "creator" | "writer" | "by" => Role::Author,
        "language" | "lang" | "locale" => Role::Language,
        "id" | "guid" | "uuid" | "articleid" | "docid" | "newid" => Role::Key,
        _ => return None,
    })
}

/// The values of one article, as read.
#[derive(Debug, Clone, Default)]
pub struct Record {
    pub title: Option<String>,
    /// The best-ranked body so far, with its rank.
    body: Option<(u8, String)>,
    pub date: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
    /// Authors, as the first author field gives them (a list gives
    /// several).
    pub authors: Vec<String>,
    pub language: Option<String>,
    pub key: Option<String>,
}

impl Record {
    /// Sets a field by name; unknown names and empty values are ignored,
    /// and the first value of a role wins (except for better-ranked bodies).
    pub fn set(&mut self, name: &str, value: &str) {
        let value = value.trim();
        if value.is_empty() {
            return;
        }
        let Some(role) = role_of(name) else { return };
        let slot = match role {
            Role::Body { rank } => {
                if self.body.as_ref().is_none_or(|(r, _)| rank < *r) {
                    self.body = Some((rank, value.to_string()));
                }
                return;
            }
            Role::Title => &mut self.title,
            Role::Date => &mut self.date,
            Role::Url => &mut self.url,
            Role::Source => &mut self.source,
            Role::Author => {
                if self.authors.is_empty() {
                    self.authors.push(value.to_string());
                }
                return;
            }
            Role::Language => &mut self.language,
            Role::Key => &mut self.key,
        };
        if slot.is_none() {
            *slot = Some(value.to_string());
        }
    }

    /// The metadata as an article with no body (for a plain-text header
    /// block, whose body follows it).
    pub fn into_article_metadata(self) -> Option<Article> {
        Some(Article {
            title: self.title.map(|t| one_line(&t)),
            date: self.date.as_deref().and_then(parse_day),
            url: self.url,
            source: self.source,
            authors: self.authors,
            language: self.language,
            record: self.key,
            ..Article::default()
        })
    }

    /// Sets the authors from a list of names, when no author field came
    /// first.
    pub fn set_authors(&mut self, names: impl IntoIterator<Item = String>) {
        if self.authors.is_empty() {
            self.authors = names
                .into_iter()
                .map(|n| n.trim().to_string())
                .filter(|n| !n.is_empty())
                .collect();
        }
    }

    pub fn has_body(&self) -> bool {
        self.body.is_some()
    }

    /// The article, or None when the record has no text at all.
    pub fn into_article(self) -> Option<Article> {
        let body = self.body.map(|(_, b)| b).unwrap_or_default();
        if body.is_empty() && self.title.is_none() {
            return None;
        }
        Some(Article {
            title: self.title.map(|t| one_line(&t)),
            date: self.date.as_deref().and_then(parse_day),
            body,
            url: self.url,
            source: self.source,
            authors: self.authors,
            language: self.language,
            record: self.key,
            ..Article::default()
        })
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_from_many_crawlers_meet() {
        assert_eq!(role_of("Headline"), Some(Role::Title));
        assert_eq!(role_of("date_publish"), Some(Role::Date));
        assert_eq!(role_of("pubDate"), Some(Role::Date));
        assert_eq!(role_of("site-name"), Some(Role::Source));
        assert_eq!(role_of("maintext"), Some(Role::Body { rank: 0 }));
        assert_eq!(role_of("colour"), None);
    }

    #[test]
    fn the_best_body_wins_and_the_first_of_others() {
        let mut r = Record::default();
        r.set("description", "A summary.");
        r.set("maintext", "The whole story.");
        r.set("text", "Another text.");
        r.set("title", "First");
        r.set("headline", "Second");
        r.set("date", "2017-12-31T23:00:00-05:00");
        let a = r.into_article().unwrap();
        assert_eq!(a.body, "The whole story.");
        assert_eq!(a.title.as_deref(), Some("First"));
        // The writer's own day: 23:00 in New York on New Year's Eve.
        assert_eq!(a.date.unwrap().to_string(), "2017-12-31");
    }

    #[test]
    fn a_record_without_text_is_no_article() {
        let mut r = Record::default();
        r.set("url", "https://example.com/");
        assert!(r.into_article().is_none());
    }
}
