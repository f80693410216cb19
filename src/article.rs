//! The article: what every reader produces and every later stage consumes.

use serde::Serialize;

use crate::extract::dateline::Dateline;
use crate::extract::dates::Day;
use crate::extract::places::Place;
use crate::extract::quotes::{Quote, QuoteKind};
use crate::extract::speakers::Speaker;

/// One news article, as read from a file and enriched by the extractors.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Article {
    /// Stable id; see [`crate::index::ids`].
    pub id: String,
    /// Absolute path of the file the article came from.
    pub path: String,
    /// The headline, when the layout has one.
    pub title: Option<String>,
    /// Text after the title and date line. The dateline, if any, stays in it.
    pub body: String,
    /// Byte offset of `body` in the file's decoded text (extractors work on
    /// the body; offsets reported to users are into the whole text).
    pub body_start: usize,
    /// The dateline the body opens with.
    pub dateline: Option<Dateline>,
    /// The day the text says it was published; never guessed.
    pub date: Option<Day>,
    /// Who published it.
    pub source: Option<String>,
    /// Where it was published, when the file says.
    pub url: Option<String>,
    /// Who wrote it: one value per author, as the source names them.
    pub authors: Vec<String>,
    /// Its language, as the metadata gives it ("en").
    pub language: Option<String>,
    /// What identifies it within a file of many articles (a feed item's
    /// guid, a JSON record's id); part of its id.
    pub record: Option<String>,
    /// Words in the body.
    pub word_count: u64,
    /// People and organisations quoted or reported, resolved to names.
    pub speakers: Vec<Speaker>,
    /// Direct quotes and reported speech, with their speakers.
    pub quotes: Vec<Quote>,
    /// Attributions of the headline ("Obama Says Museum Will Tell of …",
    /// "Sanders: Clinton needs to …"), spans into the title. Reported by
    /// `newsdex extract`; not indexed, as the body carries the same claims
    /// with their context.
    #[serde(skip)]
    pub headline_quotes: Vec<Quote>,
    /// Acronyms the text defines, with what they stand for: ("ONS",
    /// "Office for National Statistics"). The corpus-wide name table reads
    /// them.
    #[serde(skip)]
    pub acronyms: Vec<(String, String)>,
    /// Near-duplicate signature of the body (see `extract::minhash`).
    #[serde(skip)]
    pub signature: Option<crate::extract::minhash::Signature>,
    /// Places named in it, resolved against the gazetteer; the dateline's
    /// place first.
    pub places: Vec<Place>,
}

impl Article {
    /// The quotes that are speech, which the index keeps as quotes (a
    /// belief, a finding or a stance is not; see docs/QUOTES.md).
    pub fn spoken(&self) -> impl Iterator<Item = &Quote> {
        self.quotes.iter().filter(|q| q.kind == QuoteKind::Speech)
    }

    /// Whether a speaker said something in the article, alone or with
    /// others: a source of beliefs or findings only ("X believes that …")
    /// is no speaker.
    pub fn said(&self, name: &str) -> bool {
        self.spoken()
            .any(|q| q.speaker.as_deref() == Some(name) || q.co_speakers.iter().any(|c| c == name))
    }
}
