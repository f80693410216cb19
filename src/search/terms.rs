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

use std::collections::HashSet;

use rustc_hash::FxHashMap;

use serde::Serialize;
use tantivy::collector::Count;
use tantivy::query::{PhraseQuery, Query};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocAddress, TantivyDocument, Term};

use crate::error::{Error, Result};
use crate::extract::lexicon::is_stop_word;
use crate::index::document::first_text;
use crate::index::tokenizers;
use crate::search::doc_list::DocList;
use crate::search::limits;
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

/// What the foreground's terms are compared with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Background {
    /// The rest of the index (all of it when the foreground is sampled),
    /// counted in the index: every listed count exact.
    Index,
    /// The rest of the index read as text, as the foreground is (a sample
    /// past `sample` articles): quicker, counts of the articles read.
    RestRead,
    /// The articles of another query, read as text.
    Query(String),
}

#[derive(Debug, Clone)]
pub struct TermsRequest {
    /// The foreground query, filters applied.
    pub query: String,
    /// What the foreground is set against.
    pub background: Background,
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

/// A distinct folded word of the texts read.
struct Word {
    folded: String,
    /// Never a term, nor a phrase's first or last word.
    stop: bool,
    /// Times seen, up to `FORMS_SEEN`.
    seen: u32,
    /// Written forms with counts among the first `FORMS_SEEN` times seen:
    /// enough to know the usual one, and no string compared after that.
    forms: Vec<(String, u32)>,
}

const FORMS_SEEN: u32 = 200;
const MAX_FORMS: usize = 8;

/// Article counts of the words and phrases of the texts read.
///
/// Hashing is Fx: millions of phrase keys are counted per request, and
/// SipHash's defence against crafted keys buys nothing here.
#[derive(Default)]
struct Counts {
    /// Count phrases only: words are counted in the index instead.
    phrases_only: bool,
    /// Word ids by a 64-bit hash of the folded word: no string is compared
    /// per token (two words of one request sharing a hash is a chance of
    /// about one in 10^9 at a million words).
    ids: FxHashMap<u64, u32>,
    words: Vec<Word>,
    /// Per term: the articles holding it.
    terms: FxHashMap<Key, u32>,
    articles: u32,
    /// The current text's run of words joined only by spaces (phrases stay
    /// inside one), and the current article's terms.
    run: Vec<(u32, bool)>,
    keys: Vec<Key>,
}

impl Counts {
    fn phrases_only() -> Counts {
        Counts {
            phrases_only: true,
            ..Counts::default()
        }
    }

    fn id(&mut self, folded: &str, written: &str) -> (u32, bool) {
        let hash = word_hash(folded);
        let id = match self.ids.get(&hash) {
            Some(&id) => id,
            None => {
                let id = self.words.len() as u32;
                self.ids.insert(hash, id);
                // Numbers ("2016", "100m", "1bn", "1980s") and single
                // letters (the `U` of "U.S.") are never terms.
                let stop = is_stop_word(folded)
                    || folded.starts_with(|c: char| c.is_ascii_digit())
                    || !folded.chars().any(char::is_alphabetic)
                    || folded.chars().nth(1).is_none();
                self.words.push(Word {
                    folded: folded.to_string(),
                    stop,
                    seen: 0,
                    forms: Vec::new(),
                });
                id
            }
        };
        let word = &mut self.words[id as usize];
        if word.seen < FORMS_SEEN {
            word.seen += 1;
            if let Some((_, count)) = word.forms.iter_mut().find(|(form, _)| form == written) {
                *count += 1;
            } else if word.forms.len() < MAX_FORMS {
                word.forms.push((written.to_string(), 1));
            }
        }
        (id, word.stop)
    }

    /// Counts one article's texts.
    fn article(&mut self, analyzer: &mut tantivy::tokenizer::TextAnalyzer, texts: &[String]) {
        self.articles += 1;
        let mut run = std::mem::take(&mut self.run);
        self.keys.clear();
        for text in texts {
            run.clear();
            let mut stream = analyzer.token_stream(text);
            let mut previous_end = None;
            while stream.advance() {
                let token = stream.token();
                let joined = previous_end
                    .is_some_and(|end: usize| text[end..token.offset_from].trim().is_empty());
                if !joined {
                    self.run_terms(&run);
                    run.clear();
                }
                previous_end = Some(token.offset_to);
                let written = &text[token.offset_from..token.offset_to];
                run.push(self.id(&token.text, written));
            }
            self.run_terms(&run);
        }
        self.run = run;
        // Once per article: sorting first saves a lookup in a large table
        // per repetition.
        self.keys.sort_unstable();
        self.keys.dedup();
        for key in &self.keys {
            *self.terms.entry(*key).or_default() += 1;
        }
    }

    /// The terms of a run of words: each word and two- or three-word
    /// phrase neither starting nor ending with a stop word.
    fn run_terms(&mut self, run: &[(u32, bool)]) {
        let shortest = if self.phrases_only { 2 } else { 1 };
        for start in 0..run.len() {
            if run[start].1 {
                continue;
            }
            for len in shortest..=MAX_PHRASE.min(run.len() - start) {
                if run[start + len - 1].1 {
                    continue;
                }
                let mut key = [NO_WORD; MAX_PHRASE];
                for (slot, (id, _)) in key.iter_mut().zip(&run[start..start + len]) {
                    *slot = *id;
                }
                self.keys.push(key);
            }
        }
    }

    fn folded(&self, key: &Key) -> Vec<&str> {
        key.iter()
            .filter(|&&id| id != NO_WORD)
            .map(|&id| self.words[id as usize].folded.as_str())
            .collect()
    }

    /// The term as most often written (lower case when that is a long word
    /// in capitals, as in Reuters' headlines).
    fn written(&self, key: &Key) -> String {
        key.iter()
            .filter(|&&id| id != NO_WORD)
            .map(|&id| {
                let Word { folded, forms, .. } = &self.words[id as usize];
                // Most frequent; of equals, one not in capitals, then the
                // first in byte order (so the choice is stable).
                let most = |forms: &mut dyn Iterator<Item = &(String, u32)>| {
                    forms
                        .max_by(|a, b| {
                            a.1.cmp(&b.1)
                                .then_with(|| shouting(&b.0).cmp(&shouting(&a.0)))
                                .then_with(|| b.0.cmp(&a.0))
                        })
                        .cloned()
                };
                // A word also written in ordinary case a fifth of the time
                // is shown so: Reuters' datelines write "NEW YORK" and
                // "WASHINGTON" in every story, the stories "York" and
                // "Washington" (a third of the time; "Opec" is a tenth of
                // "OPEC").
                let seen: u32 = forms.iter().map(|(_, n)| n).sum();
                let calm = most(&mut forms.iter().filter(|(form, _)| !shouting(form)))
                    .filter(|(_, n)| n * 5 >= seen);
                let best = calm.or_else(|| most(&mut forms.iter()));
                let best = best
                    .as_ref()
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

/// Exact counts in the index per listed term, at most: a phrase's is a
/// phrase query over every article (milliseconds each at 500,000
/// articles). Listed terms are always exact; past this budget, a term the
/// estimates ranked high but whose exact count is not known is left out.
const EXACT_COUNTS_PER_TERM: usize = 4;

/// The texts of one side, counted.
struct SideCounts {
    counts: Counts,
    read: u64,
    copies: u64,
}

impl NewsSearcher {
    /// The terms over-represented in the articles `request.query` matches.
    ///
    /// Both sides are read at once, one thread each. With the rest of the
    /// index as background, a word's background count is the index's own
    /// (exact); a phrase's is first estimated from a sample of the
    /// background's text, and the phrases that reach the list are then
    /// counted in the whole index, so every listed count is exact and only
    /// the order of phrases below the list rests on the sample.
    pub fn significant_terms(&self, request: &TermsRequest) -> Result<Terms> {
        limits::at_most("limit", request.limit, limits::MAX_LIMIT)?;
        let schema = &self.index.schema;
        let (text_field, words_field) = self.terms_fields(request.field)?;
        let searcher = self.searcher();
        let parsed = query::parse(schema, &self.index.index, &request.query)?;
        let foreground_docs = self.matching(&*parsed.query)?;
        let sampled = foreground_docs.len() > request.sample;
        // What a speaker said, not what the others quoted beside them said.
        let speaker = match request.field {
            TermsField::Quote => request.speaker.as_deref(),
            _ => None,
        };
        let against_index = request.background == Background::Index;
        let background_docs = match &request.background {
            Background::Query(against) => {
                let parsed = query::parse(schema, &self.index.index, against)?;
                self.matching(&*parsed.query)?
            }
            // A sampled foreground cannot be taken out of the index's
            // counts exactly, and an estimate taken out of a count can reach
            // zero by chance: it is compared with the whole index instead,
            // as Elasticsearch's significant terms are.
            Background::Index if sampled => self.every_article(&[]),
            Background::Index | Background::RestRead => self.every_article(&foreground_docs),
        };
        let the_rest = match request.background {
            Background::Query(_) => false,
            Background::Index => !sampled,
            Background::RestRead => true,
        };
        if the_rest && background_docs.is_empty() {
            return Err(Error::Unanswerable(format!(
                "`{}` matches every article: there is no rest of the index to \
                 compare it with; name the articles to compare with (--against QUERY)",
                request.query
            )));
        }
        let (foreground, background) = std::thread::scope(|scope| {
            // Against the index, the background's words are the index's
            // counts: only its phrases are read.
            let background_counts = if against_index {
                Counts::phrases_only()
            } else {
                Counts::default()
            };
            let background = scope.spawn(|| {
                self.count_side(
                    &background_docs,
                    request.sample,
                    text_field,
                    None,
                    background_counts,
                )
            });
            let foreground = self.count_side(
                &foreground_docs,
                request.sample,
                text_field,
                speaker,
                Counts::default(),
            );
            let background = background.join().unwrap_or_else(|panic| {
                std::panic::resume_unwind(panic);
            });
            (foreground, background)
        });
        let (foreground, background) = (foreground?, background?);
        let foreground_side = Side {
            description: request.query.clone(),
            articles: foreground_docs.len() as u64,
            read: foreground.read,
            copies: foreground.copies,
        };

        // Candidates: the terms of most foreground articles.
        let mut candidates: Vec<(Key, u64)> = foreground
            .counts
            .terms
            .iter()
            .filter(|(key, articles)| {
                let phrase = key[1] != NO_WORD;
                u64::from(**articles) >= MIN_ARTICLES + u64::from(phrase)
            })
            .map(|(key, articles)| (*key, u64::from(*articles)))
            .collect();
        candidates.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        candidates.truncate(MAX_CANDIDATES);
        let in_background_text = |key: &Key| -> u64 {
            let ids: Option<Vec<u32>> = foreground
                .counts
                .folded(key)
                .iter()
                .map(|w| background.counts.ids.get(&word_hash(w)).copied())
                .collect();
            ids.and_then(|ids| {
                let mut other = [NO_WORD; MAX_PHRASE];
                other[..ids.len()].copy_from_slice(&ids);
                background.counts.terms.get(&other).map(|n| u64::from(*n))
            })
            .unwrap_or(0)
        };

        let n = foreground.read;
        if !against_index {
            // Both sides are text read: counted alike.
            let counts: Vec<u64> = candidates
                .iter()
                .map(|(key, _)| in_background_text(key))
                .collect();
            let description = match &request.background {
                Background::Query(against) => against.clone(),
                _ => "the rest of the index".to_string(),
            };
            let background_side = Side {
                description,
                articles: background_docs.len() as u64,
                read: background.read,
                copies: background.copies,
            };
            let m = background.read;
            let ranked = rank(&foreground.counts, &candidates, &counts, n, m);
            let terms = kept_terms(&ranked, request.limit)
                .into_iter()
                .map(|i| ranked[i].term.clone())
                .collect();
            return Ok(Terms {
                field: request.field,
                statistic: STATISTIC,
                foreground: foreground_side,
                background: background_side,
                terms,
            });
        }

        // The rest of the index (or all of it): a term's count there is the
        // index's, less the foreground's own articles (its copies of a story
        // counted in proportion) when the foreground was read whole.
        let all = searcher.num_docs();
        let background_side = if sampled {
            Side {
                description: "the whole index (the foreground is a sample of it)".to_string(),
                articles: all,
                read: all,
                copies: 0,
            }
        } else {
            Side {
                description: "the rest of the index".to_string(),
                articles: background_docs.len() as u64,
                read: background_docs.len() as u64,
                copies: 0,
            }
        };
        let m = background_side.read;
        let foreground_scale = foreground_side.articles as f64 / n.max(1) as f64;
        // A count in the whole index, less the foreground's own articles
        // when the background is the rest of it.
        let in_rest = |everywhere: u64, in_foreground: u64| -> u64 {
            if sampled {
                everywhere
            } else {
                let estimate = (in_foreground as f64 * foreground_scale).round() as u64;
                everywhere - estimate.min(everywhere)
            }
        };
        let exact = |c: usize| -> Result<u64> {
            let (key, in_foreground) = &candidates[c];
            let words = foreground.counts.folded(key);
            let everywhere = count_in_index(&searcher, text_field, words_field, &words)?;
            Ok(in_rest(everywhere, *in_foreground))
        };
        // First estimates, then exact counts for what reaches the list.
        // A word's estimate is its document frequency, exact unless the
        // index holds deleted articles (which it counts). A phrase's is
        // from the background's text; from a sample, one not seen there is
        // taken as seen half a time: a phrase is rarely absent from a whole
        // index, and an estimate of zero would list it on chance alone and
        // spend an exact count to drop it.
        let deletes = searcher.segment_readers().iter().any(|s| s.has_deletes());
        let background_sampled = background.read + background.copies < background_docs.len() as u64;
        let background_scale = background_docs.len() as f64 / background.read.max(1) as f64;
        let mut counts = Vec::with_capacity(candidates.len());
        let mut is_exact = Vec::with_capacity(candidates.len());
        // Per phrase, the times the background's sample saw it (None for
        // words, and when the background was read whole): its estimate may
        // be off by chance, and is doubted once below.
        let mut sample_seen: Vec<Option<f64>> = Vec::with_capacity(candidates.len());
        for (key, in_foreground) in &candidates {
            if key[1] == NO_WORD {
                sample_seen.push(None);
                let word = foreground.counts.folded(key)[0];
                let everywhere = document_frequency(&searcher, words_field, word)?;
                counts.push(in_rest(everywhere, *in_foreground));
                is_exact.push(!deletes);
            } else {
                let seen = in_background_text(key) as f64;
                sample_seen.push(background_sampled.then_some(seen));
                let seen = if background_sampled {
                    seen.max(0.5)
                } else {
                    seen
                };
                counts.push((seen * background_scale).round() as u64);
                is_exact.push(false);
            }
        }
        // Terms just below the list are counted too: an estimate a little
        // high would keep one out.
        let reach = request.limit + (request.limit / 2).max(5);
        let exact_budget = EXACT_COUNTS_PER_TERM * reach;
        let mut counted = 0;
        let mut doubted = false;
        let terms = loop {
            let ranked = rank(&foreground.counts, &candidates, &counts, n, m);
            let mut listed = kept_terms(&ranked, reach);
            // What is listed, and what ranks as high before phrases and
            // their parts are weighed: a phrase estimated a little below
            // its own word would be left out as adding nothing, uncounted.
            let mut estimated: Vec<usize> = listed
                .iter()
                .copied()
                .chain(0..reach.min(ranked.len()))
                .map(|i| ranked[i].candidate)
                .filter(|&c| !is_exact[c])
                .collect();
            estimated.sort_unstable();
            estimated.dedup();
            if estimated.is_empty() && !doubted {
                // A phrase rare in the background is easily missed or
                // over-counted by its sample ("Plaza agreement" in James
                // Baker's quotes: 3 in 21,466 articles, never in a sample
                // of 1,000, so guessed 11). Those that would reach the list
                // were they seen a standard deviation less often are
                // counted, once, the likeliest first.
                doubted = true;
                let cut = if listed.len() < reach {
                    0.0
                } else {
                    listed.last().map_or(0.0, |&i| ranked[i].term.g2)
                };
                let doubt = Doubt {
                    searcher: &searcher,
                    words_field,
                    foreground: &foreground.counts,
                    candidates: &candidates,
                    n,
                    m,
                    scale: background_scale,
                };
                estimated = doubt.worth_counting(&sample_seen, &is_exact, cut, reach)?;
            }
            if estimated.is_empty() {
                listed.truncate(request.limit);
                break listed.into_iter().map(|i| ranked[i].term.clone()).collect();
            }
            if counted + estimated.len() > exact_budget {
                // Terms the estimates rank high keep proving commoner in
                // the index than they said: the list is drawn from what is
                // exact.
                let exact_only: Vec<usize> =
                    (0..candidates.len()).filter(|&c| is_exact[c]).collect();
                let exact_candidates: Vec<(Key, u64)> =
                    exact_only.iter().map(|&c| candidates[c]).collect();
                let exact_counts: Vec<u64> = exact_only.iter().map(|&c| counts[c]).collect();
                let ranked = rank(&foreground.counts, &exact_candidates, &exact_counts, n, m);
                break kept_terms(&ranked, request.limit)
                    .into_iter()
                    .map(|i| ranked[i].term.clone())
                    .collect();
            }
            for (c, count) in in_parallel(&estimated, &exact)? {
                counts[c] = count;
                is_exact[c] = true;
                counted += 1;
            }
        };
        Ok(Terms {
            field: request.field,
            statistic: STATISTIC,
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
        Ok(self.searcher().search(query, &DocList)?)
    }

    /// Every live article in index order, but those of `except` (sorted).
    fn every_article(&self, except: &[DocAddress]) -> Vec<DocAddress> {
        let searcher = self.searcher();
        let mut except = except.iter().peekable();
        let mut docs = Vec::new();
        for (ord, segment) in searcher.segment_readers().iter().enumerate() {
            let alive = segment.alive_bitset();
            for doc_id in 0..segment.max_doc() {
                let address = DocAddress::new(ord as u32, doc_id);
                while except.next_if(|&&e| e < address).is_some() {}
                if except.next_if_eq(&&address).is_some()
                    || alive.is_some_and(|alive| alive.is_deleted(doc_id))
                {
                    continue;
                }
                docs.push(address);
            }
        }
        docs
    }

    /// Counts into `counts` the words and phrases of `field` in `docs` (or
    /// in an evenly spaced sample of `sample` of them), a story's copies
    /// and a repeated text once.
    fn count_side(
        &self,
        docs: &[DocAddress],
        sample: usize,
        field: Field,
        speaker: Option<&str>,
        mut counts: Counts,
    ) -> Result<SideCounts> {
        let searcher = self.searcher();
        let schema = &self.index.schema;
        let mut analyzer = tokenizers::words();
        let taken = docs.len().min(sample.max(1));
        let mut read = 0;
        // A story's copies, and a sentence quoted again and again, would
        // make their every phrase "significant": each is read once. (A
        // body repeated is a story's copy, found by its story key.)
        let quotes = field == schema.core.quote;
        let mut stories = HashSet::new();
        let mut seen_texts = HashSet::new();
        let mut lowered = String::new();
        let mut copies = 0;
        for i in 0..taken {
            let stored: TantivyDocument = searcher.doc(docs[i * docs.len() / taken])?;
            let story = first_text(&stored, schema.core.cluster)
                .or_else(|| first_text(&stored, schema.core.id));
            if story.is_some_and(|story| !stories.insert(story)) {
                copies += 1;
                continue;
            }
            let texts: Vec<String> = match speaker {
                Some(speaker) => quote_texts(&stored, schema, Some(speaker)),
                None => schema
                    .stored_values(&stored, field)
                    .into_iter()
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect(),
            };
            let texts: Vec<String> = if quotes {
                texts
                    .into_iter()
                    .filter(|t| seen_texts.insert(folded_hash(t, &mut lowered)))
                    .collect()
            } else {
                texts
            };
            counts.article(&mut analyzer, &texts);
            read += 1;
        }
        Ok(SideCounts {
            counts,
            read,
            copies,
        })
    }
}

/// The hash a word's id is found by.
fn word_hash(folded: &str) -> u64 {
    use std::hash::Hasher;
    let mut hasher = rustc_hash::FxHasher::default();
    hasher.write(folded.as_bytes());
    hasher.finish()
}

/// A hash of the text with its edges trimmed and letters in lower case,
/// lowered into `buffer`: a repeated text is known without keeping a copy.
fn folded_hash(text: &str, buffer: &mut String) -> u64 {
    use std::hash::Hasher;
    buffer.clear();
    buffer.extend(text.trim().chars().flat_map(char::to_lowercase));
    let mut hasher = rustc_hash::FxHasher::default();
    hasher.write(buffer.as_bytes());
    hasher.finish()
}

const STATISTIC: &str = "log-likelihood G² over article counts";

/// What doubting the sampled phrases' estimates needs.
struct Doubt<'a> {
    searcher: &'a tantivy::Searcher,
    words_field: Field,
    foreground: &'a Counts,
    candidates: &'a [(Key, u64)],
    /// Foreground and background articles.
    n: u64,
    m: u64,
    /// Background articles per article of its sample.
    scale: f64,
}

impl Doubt<'_> {
    /// The sampled phrases, not yet exact, that would score above `cut`
    /// were they seen a standard deviation less often than the sample saw
    /// them; at most `most`, the likeliest first.
    fn worth_counting(
        &self,
        sample_seen: &[Option<f64>],
        is_exact: &[bool],
        cut: f64,
        most: usize,
    ) -> Result<Vec<usize>> {
        let mut hopeful: Vec<(f64, u64, usize)> = Vec::new();
        for c in (0..self.candidates.len()).filter(|&c| !is_exact[c]) {
            let Some(seen) = sample_seen[c] else { continue };
            let (key, a) = self.candidates[c];
            let fewest = ((seen - seen.sqrt()).max(0.0) * self.scale).round();
            let best = log_likelihood(a, self.n, fewest as u64, self.m);
            let over = a as f64 / self.n.max(1) as f64 > fewest / self.m.max(1) as f64;
            if !over || best <= cut {
                continue;
            }
            // Of equal hopes, the phrase whose rarest word is rarest in
            // the index is the likeliest rare itself.
            let mut rarest = u64::MAX;
            for word in self.foreground.folded(&key) {
                rarest = rarest.min(document_frequency(self.searcher, self.words_field, word)?);
            }
            hopeful.push((best, rarest, c));
        }
        hopeful.sort_by(|a, b| {
            b.0.total_cmp(&a.0)
                .then_with(|| a.1.cmp(&b.1))
                .then_with(|| a.2.cmp(&b.2))
        });
        Ok(hopeful.into_iter().take(most).map(|(_, _, c)| c).collect())
    }
}

/// The over-represented candidates as terms, best first: `a` of the `n`
/// foreground articles read hold a candidate, `counts[i]` of the `m`
/// background ones.
fn rank(
    foreground: &Counts,
    candidates: &[(Key, u64)],
    counts: &[u64],
    n: u64,
    m: u64,
) -> Vec<Ranked> {
    let mut terms: Vec<Ranked> = candidates
        .iter()
        .zip(counts)
        .enumerate()
        .filter_map(|(candidate, ((key, a), &b))| {
            let foreground_share = *a as f64 / n.max(1) as f64;
            let background_share = b as f64 / m.max(1) as f64;
            if foreground_share <= background_share {
                return None;
            }
            Some(Ranked {
                candidate,
                key: *key,
                term: SignificantTerm {
                    term: foreground.written(key),
                    words: key.iter().filter(|&&id| id != NO_WORD).count(),
                    g2: log_likelihood(*a, n, b, m),
                    foreground: *a,
                    foreground_share,
                    background: b,
                    background_share,
                },
            })
        })
        .collect();
    terms.sort_by(|a, b| {
        b.term
            .g2
            .total_cmp(&a.term.g2)
            .then_with(|| a.term.term.cmp(&b.term.term))
    });
    terms
}

/// A ranked candidate.
struct Ranked {
    /// Its index among the candidates.
    candidate: usize,
    key: Key,
    term: SignificantTerm,
}

/// The first `limit` of the ranked terms without the redundant ones, as
/// indexes into `ranked`. A phrase that scores no higher than one of its
/// own words or shorter phrases says nothing more ("left its hangar"
/// beside "hangar"); a word or phrase that is, on both sides, mostly found
/// inside a longer phrase is only its fragment ("prime" beside "prime
/// minister": in nearly all of its foreground articles, and in at least
/// half of its background ones).
fn kept_terms(ranked: &[Ranked], limit: usize) -> Vec<usize> {
    const NEARLY_ALL: f64 = 0.9;
    const MOSTLY: f64 = 0.5;
    let at: FxHashMap<Key, usize> = ranked.iter().enumerate().map(|(i, r)| (r.key, i)).collect();
    // The ranked terms inside each ranked phrase, and the reverse.
    let mut parts: Vec<Vec<usize>> = vec![Vec::new(); ranked.len()];
    let mut containers: Vec<Vec<usize>> = vec![Vec::new(); ranked.len()];
    for (p, r) in ranked.iter().enumerate() {
        for part in sub_keys(&r.key) {
            if let Some(&t) = at.get(&part) {
                parts[p].push(t);
                containers[t].push(p);
            }
        }
    }
    let informative: Vec<bool> = (0..ranked.len())
        .map(|p| {
            !parts[p]
                .iter()
                .any(|&part| ranked[part].term.g2 >= ranked[p].term.g2)
        })
        .collect();
    let mut kept = Vec::new();
    for (t, r) in ranked.iter().enumerate() {
        if !informative[t] {
            continue;
        }
        let term = &r.term;
        let fragment = containers[t].iter().any(|&p| {
            let phrase = &ranked[p].term;
            informative[p]
                && phrase.foreground as f64 >= NEARLY_ALL * term.foreground as f64
                && phrase.background as f64 >= MOSTLY * term.background as f64
        });
        if !fragment {
            kept.push(t);
            if kept.len() == limit {
                break;
            }
        }
    }
    kept
}

/// The shorter words and phrases inside a phrase: `a b c` holds `a`, `b`,
/// `c`, `a b` and `b c`.
fn sub_keys(key: &Key) -> Vec<Key> {
    let len = key.iter().take_while(|&&id| id != NO_WORD).count();
    let mut subs = Vec::new();
    for width in 1..len {
        for start in 0..=len - width {
            let mut sub = [NO_WORD; MAX_PHRASE];
            sub[..width].copy_from_slice(&key[start..start + width]);
            subs.push(sub);
        }
    }
    subs
}

/// Written in capitals (two letters or more): a headline's `PRIME`.
fn shouting(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() > 1 && !word.chars().any(char::is_lowercase)
}

/// `count` of each of `items`, on as many threads as there are cores (at
/// most 4), in the order given.
fn in_parallel<C>(items: &[usize], count: &C) -> Result<Vec<(usize, u64)>>
where
    C: Fn(usize) -> Result<u64> + Sync,
{
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 4);
    let chunk = items.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || -> Result<Vec<(usize, u64)>> {
                    part.iter().map(|&i| Ok((i, count(i)?))).collect()
                })
            })
            .collect();
        let mut all = Vec::with_capacity(items.len());
        for handle in handles {
            let part = handle
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
            all.extend(part);
        }
        Ok(all)
    })
}

/// Articles of the index holding `word` in `field`, estimated from the
/// dictionary alone: its document frequency, exact in a segment without
/// deleted articles, scaled by the share of live articles in one with.
fn document_frequency(searcher: &tantivy::Searcher, field: Field, word: &str) -> Result<u64> {
    let term = Term::from_field_text(field, word);
    let mut total = 0.0;
    for segment in searcher.segment_readers() {
        let frequency = segment
            .inverted_index(field)?
            .doc_freq(&term)
            .map_err(tantivy::TantivyError::from)?;
        total += f64::from(frequency) * f64::from(segment.num_docs())
            / f64::from(segment.max_doc().max(1));
    }
    Ok(total.round() as u64)
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
    if let [word] = words {
        // A word's articles are its document frequency, less its deleted
        // ones: no postings are read in a segment without deletes.
        let term = Term::from_field_text(words_field, word);
        let mut total = 0;
        for segment in searcher.segment_readers() {
            let inverted = segment.inverted_index(words_field)?;
            let articles = match segment.alive_bitset() {
                None => inverted.doc_freq(&term),
                Some(alive) => inverted
                    .read_postings(&term, IndexRecordOption::Basic)
                    .map(|postings| postings.map_or(0, |p| p.doc_freq_given_deletes(alive))),
            };
            total += u64::from(articles.map_err(tantivy::TantivyError::from)?);
        }
        return Ok(total);
    }
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
    Ok(searcher.search(&PhraseQuery::new(terms), &Count)? as u64)
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

    /// Ranked terms, in the order given, their words numbered as met.
    fn ranked(terms: &[(&str, f64, u64, u64)]) -> Vec<Ranked> {
        let mut ids: FxHashMap<String, u32> = FxHashMap::default();
        terms
            .iter()
            .enumerate()
            .map(|(candidate, &(text, g2, foreground, background))| {
                let mut key = [NO_WORD; MAX_PHRASE];
                for (slot, word) in key.iter_mut().zip(text.split(' ')) {
                    let next = ids.len() as u32;
                    *slot = *ids.entry(word.to_lowercase()).or_insert(next);
                }
                Ranked {
                    candidate,
                    key,
                    term: SignificantTerm {
                        term: text.to_string(),
                        words: text.split(' ').count(),
                        g2,
                        foreground,
                        foreground_share: 0.0,
                        background,
                        background_share: 0.0,
                    },
                }
            })
            .collect()
    }

    #[test]
    fn fragments_of_phrases_and_phrases_that_add_nothing_are_left_out() {
        let terms = ranked(&[
            ("Tony Blair", 177.3, 34, 0),
            ("Tony", 172.7, 37, 3),
            ("prime minister", 167.9, 40, 8),
            ("prime", 164.5, 40, 9),
            ("minister", 151.6, 45, 24),
            ("hangar", 40.0, 4, 0),
            ("left its hangar", 40.0, 4, 0),
        ]);
        let kept: Vec<&str> = kept_terms(&terms, 10)
            .into_iter()
            .map(|i| terms[i].term.term.as_str())
            .collect();
        // "prime" is "prime minister" on both sides; "Tony" and "minister"
        // have lives of their own in the background; "left its hangar"
        // scores no more than "hangar".
        assert_eq!(
            kept,
            ["Tony Blair", "Tony", "prime minister", "minister", "hangar"]
        );
        assert_eq!(kept_terms(&terms, 2).len(), 2);
    }

    #[test]
    fn a_phrase_holds_its_words_and_shorter_phrases() {
        let subs = sub_keys(&[1, 2, 3]);
        let expected = [
            [1, NO_WORD, NO_WORD],
            [2, NO_WORD, NO_WORD],
            [3, NO_WORD, NO_WORD],
            [1, 2, NO_WORD],
            [2, 3, NO_WORD],
        ];
        assert_eq!(subs, expected);
        assert_eq!(sub_keys(&[4, 5, NO_WORD]).len(), 2);
        assert!(sub_keys(&[4, NO_WORD, NO_WORD]).is_empty());
    }

    #[test]
    fn a_side_counted_for_its_phrases_only_keeps_no_words() {
        let mut counts = Counts::phrases_only();
        let mut analyzer = tokenizers::words();
        counts.article(&mut analyzer, &["Prime Minister Tony Blair".to_string()]);
        let mut terms: Vec<String> = counts
            .terms
            .keys()
            .map(|key| counts.folded(key).join(" "))
            .collect();
        terms.sort();
        assert_eq!(
            terms,
            [
                "minister tony",
                "minister tony blair",
                "prime minister",
                "prime minister tony",
                "tony blair"
            ]
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
            .map(|(key, n)| (counts.folded(key).join(" "), u64::from(*n)))
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
