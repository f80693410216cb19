//! What `newsdex extract` reports for one article: every extracted field,
//! with offsets as character (code point) offsets into the file's decoded
//! text, end exclusive — brat standoff's convention, which the evaluation
//! scorers read.

use std::path::Path;

use serde::Serialize;

use crate::article::Article;
use crate::extract;
use crate::extract::dates::Day;
use crate::extract::places::Place;
use crate::extract::quotes::{QuoteKind, Span};
use crate::extract::speakers::SpeakerKind;
use crate::read::{self, Problem, ReadError};

/// A span of the decoded text, in characters.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TextSpan {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpeakerReport {
    pub name: String,
    pub role: Option<String>,
    pub kind: SpeakerKind,
    pub mentions: Vec<Mention>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteReport {
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// The spans that were said, without an attribution inside the
    /// quotation (“…,” she said, “…” has two).
    pub parts: Vec<Mention>,
    pub direct: bool,
    /// `speech`, `belief` or `finding`; only speech is indexed as a quote.
    pub kind: QuoteKind,
    pub cue: Option<TextSpan>,
    pub source: Option<TextSpan>,
    pub speaker: Option<String>,
    /// The others of a coordinated source ("Cummings and Nadler said").
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub co_speakers: Vec<String>,
    /// In the headline rather than the body (offsets into the title line).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub in_title: bool,
}

/// A place as the extractor resolved it, its mentions as character
/// offsets into the file (or body).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlaceReport {
    #[serde(flatten)]
    pub place: Place,
    /// Where the title and body name it.
    pub mentions: Vec<Mention>,
    /// Where they name a country by its adjective or people ("Russian",
    /// "Syrians"); not scored as toponyms (see docs/PLACES.md).
    pub adjectives: Vec<Mention>,
}

/// Everything extracted from one article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExtractedArticle {
    pub path: String,
    /// What the offsets count from: `file` (the decoded file, for plain
    /// text) or `body` (this article's body, for records of JSON, CSV and
    /// other structured files).
    pub offsets: &'static str,
    pub title: Option<String>,
    pub date: Option<Day>,
    pub dateline: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    /// The authors joined with ", " (for reading and for scorers that want
    /// one string).
    pub author: Option<String>,
    /// One value per author.
    pub authors: Vec<String>,
    pub word_count: u64,
    pub speakers: Vec<SpeakerReport>,
    pub quotes: Vec<QuoteReport>,
    pub places: Vec<PlaceReport>,
    pub body: String,
}

/// Reads a file and extracts every article in it; also returns the
/// records of the file that could not be read.
pub fn extract_file(path: &Path) -> Result<(Vec<ExtractedArticle>, Vec<Problem>), ReadError> {
    let bytes = read::read_bytes(path)?;
    let parsed = read::parse_file(path, &bytes)?;
    let file_chars = parsed.text.as_deref().map(CharOffsets::new);
    let articles = parsed
        .articles
        .into_iter()
        .map(|mut article| {
            extract::enrich(&mut article);
            match (&parsed.text, &file_chars) {
                (Some(text), Some(chars)) => report(path, text, chars, &article, "file"),
                _ => {
                    let body = article.body.clone();
                    report(path, &body, &CharOffsets::new(&body), &article, "body")
                }
            }
        })
        .collect();
    Ok((articles, parsed.problems))
}

fn report(
    path: &Path,
    text: &str,
    chars: &CharOffsets,
    article: &Article,
    offsets: &'static str,
) -> ExtractedArticle {
    let base = article.body_start;
    // The title is the text's first line that reads as one; its offset is
    // where it occurs before the body.
    let title_base = article
        .title
        .as_deref()
        .and_then(|t| text[..base.min(text.len())].find(t));
    let title_mention = |m: Span| {
        title_base.map(|at| Mention {
            start: chars.of(at + m.start),
            end: chars.of(at + m.end),
        })
    };
    let mention = |m: Span| Mention {
        start: chars.of(base + m.start),
        end: chars.of(base + m.end),
    };
    let to_text = |span: Span| TextSpan {
        text: text[base + span.start..base + span.end].to_string(),
        start: chars.of(base + span.start),
        end: chars.of(base + span.end),
    };
    ExtractedArticle {
        path: path.display().to_string(),
        offsets,
        title: article.title.clone(),
        date: article.date,
        dateline: article.dateline.as_ref().map(|d| d.text.clone()),
        source: article.source.clone(),
        url: article.url.clone(),
        author: (!article.authors.is_empty()).then(|| article.authors.join(", ")),
        authors: article.authors.clone(),
        word_count: article.word_count,
        // (Who said something, as the index has them; the sources of
        // beliefs and findings are in `quotes`.)
        speakers: article
            .speakers
            .iter()
            .filter(|s| article.said(&s.name))
            .map(|s| SpeakerReport {
                name: s.name.clone(),
                role: s.role.clone(),
                kind: s.kind,
                mentions: s.mentions.iter().map(|&m| mention(m)).collect(),
            })
            .collect(),
        quotes: article
            .quotes
            .iter()
            .map(|q| QuoteReport {
                text: q.text.clone(),
                start: chars.of(base + q.content.start),
                end: chars.of(base + q.content.end),
                parts: q.parts.iter().map(|&m| mention(m)).collect(),
                direct: q.direct,
                kind: q.kind,
                cue: q.cue.map(to_text),
                source: q.source.map(to_text),
                speaker: q.speaker.clone(),
                co_speakers: q.co_speakers.clone(),
                in_title: false,
            })
            .chain(article.headline_quotes.iter().filter_map(|q| {
                let to_title = |span: Span| {
                    title_base.map(|at| TextSpan {
                        text: text[at + span.start..at + span.end].to_string(),
                        start: chars.of(at + span.start),
                        end: chars.of(at + span.end),
                    })
                };
                let content = title_mention(q.content)?;
                Some(QuoteReport {
                    text: q.text.clone(),
                    start: content.start,
                    end: content.end,
                    parts: q.parts.iter().filter_map(|&m| title_mention(m)).collect(),
                    direct: q.direct,
                    kind: q.kind,
                    cue: q.cue.and_then(to_title),
                    source: q.source.and_then(to_title),
                    speaker: q.speaker.clone(),
                    co_speakers: q.co_speakers.clone(),
                    in_title: true,
                })
            }))
            .collect(),
        places: article
            .places
            .iter()
            .map(|p| PlaceReport {
                place: p.clone(),
                mentions: p
                    .title_mentions
                    .iter()
                    .filter_map(|&m| title_mention(m))
                    .chain(p.mentions.iter().map(|&m| mention(m)))
                    .collect(),
                adjectives: p
                    .title_adjectives
                    .iter()
                    .filter_map(|&m| title_mention(m))
                    .chain(p.adjectives.iter().map(|&m| mention(m)))
                    .collect(),
            })
            .collect(),
        body: article.body.clone(),
    }
}

/// Byte offset → character offset for one text.
struct CharOffsets {
    /// Byte offset of every character, in order.
    starts: Vec<usize>,
}

impl CharOffsets {
    fn new(text: &str) -> CharOffsets {
        CharOffsets {
            starts: text.char_indices().map(|(i, _)| i).collect(),
        }
    }

    fn of(&self, byte: usize) -> usize {
        self.starts.partition_point(|&start| start < byte)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_count_code_points() {
        let offsets = CharOffsets::new("é“a”");
        assert_eq!(offsets.of(0), 0);
        assert_eq!(offsets.of(2), 1);
        assert_eq!(offsets.of(5), 2);
        assert_eq!(offsets.of(9), 4);
    }
}
