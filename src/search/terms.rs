//! Significant terms: the words and two- or three-word phrases that set the
//! articles a query matches apart from the rest of the index (or from the
//! articles of a second query), as corpus linguists rank keywords.
//!
//! The statistic is Dunning's log-likelihood G² over document counts: for a
//! term, the 2×2 table of foreground articles with and without it against
//! background articles with and without it. G² is what keyness tools
//! (AntConc, WordSmith) rank by; unlike chi-square it stays reliable for the
//! rare terms that make up most of a vocabulary, and unlike Elasticsearch's
//! JLH score it is a test statistic (G² > 10.83 is p < 0.001), so a reader
//! can tell a strong difference from noise. Only over-represented terms are
//! listed.
//!
//! Counts are of articles, not occurrences: a word repeated in one story is
//! one article's word. Words are the unstemmed, folded words the index
//! holds (`body_words`, …), so the background counts of words are the
//! index's own and exact (phrases': see [`count_in_index`]); phrases never
//! cross punctuation, and neither start nor end with a stop word ("prime
//! minister", "minister of defence", not "of the").
//! Numbers and stop words are never terms. Each term is shown as it is most
//! often written (`Blair`, `prime minister`).
//!
//! A foreground (or `--against` background) larger than the sample size is
//! read as an evenly spaced sample of its articles, and the output says how
//! many were read.

use std::collections::{HashMap, HashSet};

use serde::Serialize;
use tantivy::collector::{Count, DocSetCollector};
use tantivy::query::{PhraseQuery, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocAddress, TantivyDocument, Term};

use crate::error::{Error, Result};
use crate::extract::lexicon::is_stop_word;
use crate::index::document::{first_text, stored_values};
use crate::index::tokenizers;
use crate::search::quotes::quote_texts;
use crate::search::{NewsSearcher, query};

/// Articles read from a side at most, by default.
pub const DEFAULT_SAMPLE: usize = 5_000;
/// A word must be in this many foreground articles read to be ranked, a
/// phrase in one more: two articles sharing a turn of phrase is chance.
const MIN_ARTICLES: u64 = 2;
/// Candidates (by foreground articles) whose background is counted.
const MAX_CANDIDATES: usize = 3_000;
/// The longest phrase, in words.
const MAX_PHRASE: usize = 3;

/// Which text the terms are taken from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TermsField {
    Body,
    Title,
    /// What speakers said: quotes and reported speech, not the reporter's text.
    Quote,
}

impl TermsField {
    pub fn name(self) -> &'static str {
        match self {
            TermsField::Body => "body",
            TermsField::Title => "title",
            TermsField::Quote => "quote",
        }
    }
}

#[derive(Debug, Clone)]
pub struct TermsRequest {
    /// The foreground query, filters applied.
    pub query: String,
    /// The background query (none: the rest of the index).
    pub against: Option<String>,
    pub field: TermsField,
    /// With the quote field: only the quotes of this speaker (a full name
    /// or part of one) are the foreground's text.
    pub speaker: Option<String>,
    pub limit: usize,
    /// Articles read from each side at most.
    pub sample: usize,
}

/// One side of the comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Side {
    /// What it is: the query, or "the rest of the index".
    pub description: String,
    /// Articles in it.
    pub articles: u64,
    /// Articles whose text was read (all, or a sample), a story's copies
    /// once.
    pub read: u64,
    /// Copies of a story read, skipped.
    pub copies: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SignificantTerm {
    /// As most often written.
    pub term: String,
    /// 1 for a word, 2 or 3 for a phrase.
    pub words: usize,
    /// Log-likelihood G².
    pub g2: f64,
    /// Foreground articles (of those read) with the term, and their share.
    pub foreground: u64,
    pub foreground_share: f64,
    /// Background articles with the term (of those read or counted), and
    /// their share.
    pub background: u64,
    pub background_share: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Terms {
    pub field: TermsField,
    pub statistic: &'static str,
    pub foreground: Side,
    pub background: Side,
    pub terms: Vec<SignificantTerm>,
}

/// Dunning's log-likelihood G² of a 2×2 table of article counts: `a` of
/// `n` foreground articles hold the term, `b` of `m` background ones; 0
/// when either side is empty.
pub fn log_likelihood(a: u64, n: u64, b: u64, m: u64) -> f64 {
    if n == 0 || m == 0 {
        return 0.0;
    }
    let (a, n, b, m) = (a as f64, n as f64, b as f64, m as f64);
    let with = a + b;
    let total = n + m;
    let cells = [
        (a, n * with / total),
        (n - a, n * (total - with) / total),
        (b, m * with / total),
        (m - b, m * (total - with) / total),
    ];
    2.0 * cells
        .iter()
        .filter(|(observed, expected)| *observed > 0.0 && *expected > 0.0)
        .map(|(observed, expected)| observed * (observed / expected).ln())
        .sum::<f64>()
}

/// A term as word ids (a word, or a phrase of two or three).
type Key = [u32; MAX_PHRASE];
const NO_WORD: u32 = u32::MAX;

/// Article counts of the words and phrases of the texts read.
#[derive(Default)]
struct Counts {
    ids: HashMap<String, u32>,
    /// Per word id: its folded text, and its written forms with counts.
    words: Vec<(String, HashMap<String, u32>)>,
    /// Per term: articles holding it, and the last article counted.
    terms: HashMap<Key, (u64, u64)>,
    articles: u64,
}

impl Counts {
    fn id(&mut self, folded: &str, written: &str) -> u32 {
        let id = match self.ids.get(folded) {
            Some(&id) => id,
            None => {
                let id = self.words.len() as u32;
                self.ids.insert(folded.to_string(), id);
                self.words.push((folded.to_string(), HashMap::new()));
                id
            }
        };
        let forms = &mut self.words[id as usize].1;
        // A handful of forms is enough to know the usual one.
        if forms.len() < 8 || forms.contains_key(written) {
            *forms.entry(written.to_string()).or_default() += 1;
        }
        id
    }

    /// Counts one article's texts.
    fn article(&mut self, analyzer: &mut tantivy::tokenizer::TextAnalyzer, texts: &[String]) {
        self.articles += 1;
        let article = self.articles;
        for text in texts {
            let tokens = tokenizers::tokens(analyzer, text);
            // Runs of words joined only by spaces: phrases stay inside them.
            let mut run: Vec<(u32, bool)> = Vec::new();
            let mut previous_end = None;
            for token in &tokens {
                let joined = previous_end
                    .is_some_and(|end: usize| text[end..token.offset_from].trim().is_empty());
                if !joined {
                    self.count_run(&run, article);
                    run.clear();
                }
                previous_end = Some(token.offset_to);
                let written = &text[token.offset_from..token.offset_to];
                // Numbers ("2016", "100m", "1bn", "1980s") and single
                // letters (the `U` of "U.S.") are never terms.
                let stop = is_stop_word(&token.text)
                    || token.text.starts_with(|c: char| c.is_ascii_digit())
                    || !token.text.chars().any(char::is_alphabetic)
                    || token.text.chars().nth(1).is_none();
                let id = self.id(&token.text, written);
                run.push((id, stop));
            }
            self.count_run(&run, article);
        }
    }

    fn count_run(&mut self, run: &[(u32, bool)], article: u64) {
        for start in 0..run.len() {
            if run[start].1 {
                continue;
            }
            for len in 1..=MAX_PHRASE.min(run.len() - start) {
                let last = run[start + len - 1];
                if last.1 {
                    continue;
                }
                let mut key = [NO_WORD; MAX_PHRASE];
                for (slot, (id, _)) in key.iter_mut().zip(&run[start..start + len]) {
                    *slot = *id;
                }
                let entry = self.terms.entry(key).or_insert((0, 0));
                if entry.1 != article {
                    entry.0 += 1;
                    entry.1 = article;
                }
            }
        }
    }

    fn folded(&self, key: &Key) -> Vec<&str> {
        key.iter()
            .filter(|&&id| id != NO_WORD)
            .map(|&id| self.words[id as usize].0.as_str())
            .collect()
    }

    /// The term as most often written (lower case when that is a long word
    /// in capitals, as in Reuters' headlines).
    fn written(&self, key: &Key) -> String {
        key.iter()
            .filter(|&&id| id != NO_WORD)
            .map(|&id| {
                let (folded, forms) = &self.words[id as usize];
                // Most frequent; of equals, one not in capitals, then the
                // first in byte order (so the choice is stable).
                let best = forms
                    .iter()
                    .max_by(|a, b| {
                        a.1.cmp(b.1)
                            .then_with(|| shouting(b.0).cmp(&shouting(a.0)))
                            .then_with(|| b.0.cmp(a.0))
                    })
                    .map_or(folded.as_str(), |(form, _)| form.as_str());
                // Capitals only: an acronym (HIV, NATO, G8) when short, a
                // headline's shouting (DEFICIT) when not.
                if shouting(best) && best.chars().count() > 5 {
                    best.to_lowercase()
                } else {
                    best.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}

impl NewsSearcher {
    /// The terms over-represented in the articles `request.query` matches.
    pub fn significant_terms(&self, request: &TermsRequest) -> Result<Terms> {
        let schema = &self.index.schema;
        let (text_field, words_field) = self.terms_fields(request.field)?;
        let searcher = self.searcher();
        let parsed = query::parse(schema, &self.index.index, &request.query)?;
        let foreground_docs = self.matching(&*parsed.query)?;
        let mut analyzer = tokenizers::words();
        let mut foreground = Counts::default();
        // What a speaker said, not what the others quoted beside them said.
        let speaker = match request.field {
            TermsField::Quote => request.speaker.as_deref(),
            _ => None,
        };
        let (read, copies) = self.read(
            &foreground_docs,
            request.sample,
            text_field,
            speaker,
            &mut |texts| foreground.article(&mut analyzer, texts),
        )?;
        let foreground_side = Side {
            description: request.query.clone(),
            articles: foreground_docs.len() as u64,
            read,
            copies,
        };

        // Candidates: the terms of most foreground articles.
        let mut candidates: Vec<(&Key, u64)> = foreground
            .terms
            .iter()
            .filter(|(key, (articles, _))| {
                let phrase = key[1] != NO_WORD;
                *articles >= MIN_ARTICLES + u64::from(phrase)
            })
            .map(|(key, (articles, _))| (key, *articles))
            .collect();
        candidates.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        candidates.truncate(MAX_CANDIDATES);

        // Background article counts of each candidate.
        let (background_side, background_counts): (Side, Vec<u64>) = match &request.against {
            Some(against) => {
                let parsed = query::parse(schema, &self.index.index, against)?;
                let docs = self.matching(&*parsed.query)?;
                let mut background = Counts::default();
                let (read, copies) =
                    self.read(&docs, request.sample, text_field, None, &mut |texts| {
                        background.article(&mut analyzer, texts)
                    })?;
                let counts = candidates
                    .iter()
                    .map(|(key, _)| {
                        let words = foreground.folded(key);
                        let ids: Option<Vec<u32>> = words
                            .iter()
                            .map(|w| background.ids.get(*w).copied())
                            .collect();
                        ids.and_then(|ids| {
                            let mut other = [NO_WORD; MAX_PHRASE];
                            other[..ids.len()].copy_from_slice(&ids);
                            background.terms.get(&other).map(|(n, _)| *n)
                        })
                        .unwrap_or(0)
                    })
                    .collect();
                let side = Side {
                    description: against.clone(),
                    articles: docs.len() as u64,
                    read,
                    copies,
                };
                (side, counts)
            }
            None => {
                // The rest of the index: the index's own counts of each
                // term, less the foreground's (its copies of a story counted
                // in proportion). A sampled foreground cannot be taken out
                // exactly, and an estimate taken out of a count can reach
                // zero by chance: it is compared with the whole index
                // instead, as Elasticsearch's significant terms are.
                let sampled = read + copies < foreground_side.articles;
                let scale = foreground_side.articles as f64 / read.max(1) as f64;
                let mut counts = Vec::with_capacity(candidates.len());
                for (key, in_foreground) in &candidates {
                    let words = foreground.folded(key);
                    let everywhere = count_in_index(&searcher, text_field, words_field, &words)?;
                    if sampled {
                        counts.push(everywhere);
                    } else {
                        let foreground_estimate =
                            ((*in_foreground as f64 * scale).round() as u64).min(everywhere);
                        counts.push(everywhere - foreground_estimate);
                    }
                }
                let all = searcher.num_docs();
                if sampled {
                    let side = Side {
                        description: "the whole index (the foreground is a sample of it)"
                            .to_string(),
                        articles: all,
                        read: all,
                        copies: 0,
                    };
                    (side, counts)
                } else {
                    let rest = all.saturating_sub(foreground_side.articles);
                    if rest == 0 {
                        return Err(Error::Unanswerable(format!(
                            "`{}` matches every article: there is no rest of the index to \
                         compare it with; name the articles to compare with (--against QUERY)",
                            request.query
                        )));
                    }
                    let side = Side {
                        description: "the rest of the index".to_string(),
                        articles: rest,
                        read: rest,
                        copies: 0,
                    };
                    (side, counts)
                }
            }
        };

        let n = foreground_side.read;
        let m = background_side.read;
        let mut terms: Vec<SignificantTerm> = candidates
            .iter()
            .zip(&background_counts)
            .filter_map(|((key, a), &b)| {
                let foreground_share = *a as f64 / n.max(1) as f64;
                let background_share = b as f64 / m.max(1) as f64;
                if foreground_share <= background_share {
                    return None;
                }
                Some(SignificantTerm {
                    term: foreground.written(key),
                    words: key.iter().filter(|&&id| id != NO_WORD).count(),
                    g2: log_likelihood(*a, n, b, m),
                    foreground: *a,
                    foreground_share,
                    background: b,
                    background_share,
                })
            })
            .collect();
        terms.sort_by(|a, b| b.g2.total_cmp(&a.g2).then_with(|| a.term.cmp(&b.term)));
        let terms = without_parts_of_phrases(terms, request.limit);
        Ok(Terms {
            field: request.field,
            statistic: "log-likelihood G² over article counts",
            foreground: foreground_side,
            background: background_side,
            terms,
        })
    }

    /// The stored text field read and the unstemmed field whose terms are
    /// counted for `field`.
    fn terms_fields(&self, field: TermsField) -> Result<(Field, Field)> {
        let schema = &self.index.schema;
        let text = match field {
            TermsField::Body => schema.core.body,
            TermsField::Title => schema.core.title,
            TermsField::Quote => schema.core.quote,
        };
        let words = schema
            .prefix_field_of(schema.name(text))
            .and_then(|name| schema.get(name))
            .map(|f| f.field)
            .ok_or_else(|| {
                Error::Schema(format!(
                    "field `{}` has no unstemmed companion (`prefix_field`) to count terms in",
                    schema.name(text)
                ))
            })?;
        Ok((text, words))
    }

    /// The addresses of the articles `query` matches, in index order.
    fn matching(&self, query: &dyn Query) -> Result<Vec<DocAddress>> {
        let mut docs: Vec<DocAddress> = self
            .searcher()
            .search(query, &DocSetCollector)?
            .into_iter()
            .collect();
        docs.sort();
        Ok(docs)
    }

    /// Hands the texts of `field` of `docs` (or of an evenly spaced sample
    /// of `sample` of them) to `each`, a story's copies and a repeated text
    /// once; returns how many articles were read, and how many copies
    /// skipped.
    fn read(
        &self,
        docs: &[DocAddress],
        sample: usize,
        field: Field,
        speaker: Option<&str>,
        each: &mut dyn FnMut(&[String]),
    ) -> Result<(u64, u64)> {
        let searcher = self.searcher();
        let schema = &self.index.schema;
        let step = (docs.len() as f64 / sample.max(1) as f64).max(1.0);
        let mut read = 0;
        let mut next = 0.0;
        // A story's copies, and a sentence quoted again and again, would
        // make their every phrase "significant": each is read once.
        let mut stories = HashSet::new();
        let mut seen_texts = HashSet::new();
        let mut copies = 0;
        while (next as usize) < docs.len() {
            let stored: TantivyDocument = searcher.doc(docs[next as usize])?;
            next += step;
            let story = first_text(&stored, schema.core.cluster)
                .or_else(|| first_text(&stored, schema.core.id));
            if story.is_some_and(|story| !stories.insert(story)) {
                copies += 1;
                continue;
            }
            let texts: Vec<String> = match speaker {
                Some(speaker) => quote_texts(&stored, schema, Some(speaker)),
                None => stored_values(&stored, field)
                    .into_iter()
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect(),
            };
            let texts: Vec<String> = texts
                .into_iter()
                .filter(|t| seen_texts.insert(t.trim().to_lowercase()))
                .collect();
            each(&texts);
            read += 1;
        }
        Ok((read, copies))
    }
}

/// The first `limit` terms without the redundant ones. A phrase that
/// scores no higher than one of its own words or shorter phrases says
/// nothing more ("left its hangar" beside "hangar"); a word or phrase that
/// is, on both sides, mostly found inside a longer listed phrase is only
/// its fragment ("prime" beside "prime minister": in nearly all of its
/// foreground articles, and in at least half of its background ones).
fn without_parts_of_phrases(terms: Vec<SignificantTerm>, limit: usize) -> Vec<SignificantTerm> {
    const NEARLY_ALL: f64 = 0.9;
    const MOSTLY: f64 = 0.5;
    let padded: Vec<String> = terms
        .iter()
        .map(|t| format!(" {} ", t.term.to_lowercase()))
        .collect();
    let inside = |short: usize, long: usize| {
        terms[long].words > terms[short].words && padded[long].contains(&padded[short])
    };
    let informative: Vec<bool> = (0..terms.len())
        .map(|p| !(0..terms.len()).any(|part| inside(part, p) && terms[part].g2 >= terms[p].g2))
        .collect();
    let mut kept = Vec::new();
    for (t, term) in terms.iter().enumerate() {
        if !informative[t] {
            continue;
        }
        let fragment = (0..terms.len()).any(|p| {
            informative[p]
                && inside(t, p)
                && terms[p].foreground as f64 >= NEARLY_ALL * term.foreground as f64
                && terms[p].background as f64 >= MOSTLY * term.background as f64
        });
        if !fragment {
            kept.push(term.clone());
            if kept.len() == limit {
                break;
            }
        }
    }
    kept
}

/// Written in capitals (two letters or more): a headline's `PRIME`.
fn shouting(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() > 1 && !word.chars().any(char::is_lowercase)
}

/// Articles of the index holding `words`: a word in the unstemmed field
/// `words_field`; a phrase as stems in the stemmed `text_field` (the
/// unstemmed companions keep no positions), which may count a few more
/// articles ("prime ministers" for "prime minister"), so a phrase's G²
/// errs low, never high.
fn count_in_index(
    searcher: &tantivy::Searcher,
    text_field: Field,
    words_field: Field,
    words: &[&str],
) -> Result<u64> {
    let query: Box<dyn Query> = if let [word] = words {
        let term = Term::from_field_text(words_field, word);
        Box::new(TermQuery::new(term, IndexRecordOption::Basic))
    } else {
        let mut stemmer = tokenizers::stemmed();
        let terms: Vec<Term> = words
            .iter()
            .map(|w| {
                let stem = tokenizers::tokens(&mut stemmer, w)
                    .into_iter()
                    .next()
                    .map_or_else(|| w.to_string(), |t| t.text);
                Term::from_field_text(text_field, &stem)
            })
            .collect();
        Box::new(PhraseQuery::new(terms))
    };
    Ok(searcher.search(&*query, &Count)? as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_term_in_every_foreground_article_and_no_other_ranks_above_all() {
        // 10 foreground articles, 90 in the background.
        let only_here = log_likelihood(10, 10, 0, 90);
        let mostly_here = log_likelihood(8, 10, 5, 90);
        let everywhere_alike = log_likelihood(5, 10, 45, 90);
        assert!(only_here > mostly_here, "{only_here} {mostly_here}");
        assert!(mostly_here > everywhere_alike);
        // Equally common on both sides: no evidence at all.
        assert!(everywhere_alike.abs() < 1e-9, "{everywhere_alike}");
        // Dunning's statistic for a known table (computed by hand:
        // 2·Σ O·ln(O/E) with E = row × column / total).
        let g2 = log_likelihood(10, 10, 0, 90);
        let expected = 2.0 * (10.0 * (10.0f64 / 1.0).ln() + 90.0 * (90.0f64 / 81.0).ln());
        assert!((g2 - expected).abs() < 1e-9, "{g2} {expected}");
        assert_eq!(log_likelihood(3, 0, 1, 5), 0.0);
    }

    fn term(text: &str, g2: f64, foreground: u64, background: u64) -> SignificantTerm {
        SignificantTerm {
            term: text.to_string(),
            words: text.split(' ').count(),
            g2,
            foreground,
            foreground_share: 0.0,
            background,
            background_share: 0.0,
        }
    }

    #[test]
    fn fragments_of_phrases_and_phrases_that_add_nothing_are_left_out() {
        let terms = vec![
            term("Tony Blair", 177.3, 34, 0),
            term("Tony", 172.7, 37, 3),
            term("prime minister", 167.9, 40, 8),
            term("prime", 164.5, 40, 9),
            term("minister", 151.6, 45, 24),
            term("hangar", 40.0, 4, 0),
            term("left its hangar", 40.0, 4, 0),
        ];
        let kept: Vec<String> = without_parts_of_phrases(terms, 10)
            .into_iter()
            .map(|t| t.term)
            .collect();
        // "prime" is "prime minister" on both sides; "Tony" and "minister"
        // have lives of their own in the background; "left its hangar"
        // scores no more than "hangar".
        assert_eq!(
            kept,
            ["Tony Blair", "Tony", "prime minister", "minister", "hangar"]
        );
    }

    #[test]
    fn phrases_stay_inside_punctuation_and_skip_stop_word_edges() {
        let mut counts = Counts::default();
        let mut analyzer = tokenizers::words();
        counts.article(
            &mut analyzer,
            &["The Prime Minister of Japan said: rates, 2016 rates.".to_string()],
        );
        counts.article(&mut analyzer, &["PRIME MINISTER resigns".to_string()]);
        let mut terms: Vec<(String, u64)> = counts
            .terms
            .iter()
            .map(|(key, (n, _))| (counts.folded(key).join(" "), *n))
            .collect();
        terms.sort();
        let names: Vec<&str> = terms.iter().map(|(t, _)| t.as_str()).collect();
        assert!(names.contains(&"prime minister"));
        assert!(names.contains(&"minister of japan"));
        assert!(!names.contains(&"the prime"), "{names:?}");
        assert!(!names.contains(&"of japan"), "{names:?}");
        assert!(!names.contains(&"said rates"), "crosses a colon: {names:?}");
        assert!(!names.contains(&"2016"), "{names:?}");
        assert!(!names.contains(&"rates rates"), "{names:?}");
        // Counted per article, shown as most often written.
        assert_eq!(
            terms.iter().find(|(t, _)| t == "prime minister").unwrap().1,
            2
        );
        assert_eq!(terms.iter().find(|(t, _)| t == "rates").unwrap().1, 1);
        let key = counts
            .terms
            .keys()
            .find(|k| counts.folded(k) == ["prime", "minister"])
            .unwrap();
        assert_eq!(counts.written(key), "Prime Minister");
    }
}
