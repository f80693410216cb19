//! Searching an index: ranked hits, snippets, facets, and single articles.

pub mod doc_list;
pub mod export;
pub mod facets;
pub mod filters;
pub mod kwic;
pub mod limits;
pub mod map;
pub mod network;
pub mod profile;
pub mod query;
pub mod quotes;
pub mod snippet;
pub mod terms;
pub mod timeline;

use std::path::Path;

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
use tantivy::collector::sort_key::{SortBySimilarityScore, SortByStaticFastValue};
use tantivy::collector::{Count, TopDocs};
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::{DateTime, DocAddress, IndexReader, Order, TantivyDocument, Term};

use crate::error::{Error, Result};
use crate::extract::dates::Day;
use crate::index::NewsIndex;
use crate::index::document::{QuoteRecord, first_day, first_text, quote_records, stored_values};
use crate::index::schema::NewsSchema;
use crate::search::facets::{FacetCollector, FacetCount, FacetResult, FacetSpec};
use crate::search::snippet::{Passage, Snippet, make_snippet, match_strength};

/// The order of hits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortOrder {
    /// BM25 score, best first.
    #[default]
    Relevance,
    /// Newest first; articles without a date last.
    Newest,
    /// Oldest first; articles without a date last.
    Oldest,
}

/// What to search for and how much to return.
#[derive(Debug, Clone)]
pub struct SearchRequest {
    pub query: String,
    pub limit: usize,
    pub offset: usize,
    pub sort: SortOrder,
    pub facets: Vec<FacetSpec>,
    /// Length of snippets, in characters.
    pub snippet_chars: usize,
    /// Show every copy of a story; by default one hit stands for all the
    /// copies that match (see [`COLLAPSE_WITHIN`]).
    pub all_copies: bool,
}

/// Copies of a story are folded into one hit within the first this many
/// results; deeper pages list every article.
pub const COLLAPSE_WITHIN: usize = 1_000;

/// Matches ranked beyond the page at first, for copies to fold.
const COPIES_MARGIN: usize = 10;

impl SearchRequest {
    pub fn new(query: impl Into<String>) -> SearchRequest {
        SearchRequest {
            query: query.into(),
            limit: 10,
            offset: 0,
            sort: SortOrder::Relevance,
            facets: Vec::new(),
            snippet_chars: 220,
            all_copies: false,
        }
    }
}

/// What `newsdex facets` asks for.
#[derive(Debug, Clone)]
pub struct FacetsRequest {
    pub query: String,
    pub field: String,
    /// For a field with a hierarchy: the node to list the children of,
    /// as `Asia/Syria`.
    pub drill: Option<String>,
    pub limit: usize,
}

/// The answer to a [`FacetsRequest`].
#[derive(Debug, Clone, Serialize)]
pub struct FacetsResults {
    pub field: String,
    /// The node drilled into, as stored (`Asia/Syria`); "" for the top.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// Articles matching the query.
    pub total: usize,
    pub values: Vec<FacetCount>,
}

/// One ranked hit.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    /// 1-based position in the whole result list.
    pub rank: usize,
    pub id: String,
    /// BM25 score; null when sorted by date.
    pub score: Option<f32>,
    pub path: String,
    pub title: Option<String>,
    pub date: Option<Day>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
    pub dateline: Option<String>,
    pub speakers: Vec<String>,
    pub places: Vec<String>,
    pub snippet: String,
    /// `[start, end)` character offsets of matches in `snippet`.
    pub highlights: Vec<[usize; 2]>,
    /// When the snippet is a quote: who said it ("" when the source is vague).
    pub snippet_speaker: Option<String>,
    /// When the snippet is a quote: true for words in quotation marks (the
    /// snippet is in “…”), false for reported speech (no marks).
    pub snippet_direct: Option<bool>,
    /// The story this article is a copy of (the first copy's id).
    pub cluster: Option<String>,
    /// Other matching articles that are copies of the same story, folded
    /// into this hit (0 with `all_copies`).
    pub copies: u64,
}

/// The answer to a [`SearchRequest`].
#[derive(Debug, Clone, Serialize)]
pub struct SearchResults {
    /// Articles matching, in all.
    pub total: usize,
    pub offset: usize,
    pub hits: Vec<Hit>,
    #[serde(serialize_with = "facets_as_map")]
    pub facets: Vec<FacetResult>,
}

fn facets_as_map<S: Serializer>(facets: &[FacetResult], serializer: S) -> Result<S::Ok, S::Error> {
    let mut map = serializer.serialize_map(Some(facets.len()))?;
    for facet in facets {
        map.serialize_entry(&facet.name, &facet.counts)?;
    }
    map.end()
}

/// Counts matches and facets for a query: this index, or another engine
/// (`--remote`). Timelines and facet lists are built on it.
pub trait FacetSource {
    fn schema(&self) -> &NewsSchema;

    /// Articles matching `query`, and the facets asked for over them.
    fn count_facets(&self, query: &str, specs: Vec<FacetSpec>) -> Result<(u64, Vec<FacetResult>)>;
}

impl FacetSource for NewsSearcher {
    fn schema(&self) -> &NewsSchema {
        &self.index.schema
    }

    fn count_facets(&self, query: &str, specs: Vec<FacetSpec>) -> Result<(u64, Vec<FacetResult>)> {
        let parsed = query::parse(&self.index.schema, &self.index.index, query)?;
        let (total, facets) = count_on_all_cores(
            &self.searcher(),
            &*parsed.query,
            &(Count, self.facet_collector(specs).for_query(&*parsed.query)),
        )?;
        Ok((total as u64, facets))
    }
}

/// Runs a collector that scores nothing (facets, networks, counts) on every
/// core, a segment per task. Such a pass reads columns for every match and
/// turns each segment's counted ordinals into names; segments are
/// independent, so two cores halve it (five facets over 428,317 articles:
/// about 230 ms on one). Ranked searches stay on one thread: at a
/// millisecond or less a query gains nothing from a pool.
pub(crate) fn count_on_all_cores<C: tantivy::collector::Collector>(
    searcher: &tantivy::Searcher,
    query: &dyn tantivy::query::Query,
    collector: &C,
) -> Result<C::Fruit> {
    static POOL: std::sync::OnceLock<Option<tantivy::Executor>> = std::sync::OnceLock::new();
    debug_assert!(!collector.requires_scoring());
    let pool = POOL.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        (cores > 1)
            .then(|| tantivy::Executor::multi_thread(cores.min(8), "newsdex-count-").ok())
            .flatten()
    });
    Ok(match pool {
        Some(pool) => searcher.search_with_executor(
            query,
            collector,
            pool,
            tantivy::query::EnableScoring::disabled_from_searcher(searcher),
        )?,
        None => searcher.search(query, collector)?,
    })
}

/// The values of one field for a query, without a hierarchy to drill.
pub fn facet_values(source: &dyn FacetSource, request: &FacetsRequest) -> Result<FacetsResults> {
    let spec = FacetSpec::parse(source.schema(), &request.field, request.limit)?;
    let (total, mut facets) = source.count_facets(&request.query, vec![spec])?;
    Ok(FacetsResults {
        field: request.field.clone(),
        path: None,
        total: total as usize,
        values: facets.pop().map(|r| r.counts).unwrap_or_default(),
    })
}

/// An index opened for searching.
pub struct NewsSearcher {
    pub index: NewsIndex,
    reader: IndexReader,
}

impl NewsSearcher {
    /// Opens the index at `path` for searching, after checking the files
    /// written since it was last checked (`index::check::verify`): a
    /// damaged index is an error that names its files, not wrong answers.
    pub fn open(path: &Path) -> Result<NewsSearcher> {
        let index = NewsIndex::open(path)?;
        crate::index::check::verify(&index)?;
        let reader = index.reader()?;
        Ok(NewsSearcher { index, reader })
    }

    pub fn searcher(&self) -> tantivy::Searcher {
        self.reader.searcher()
    }

    /// Picks up the index's last commit (a long-lived searcher, such as the
    /// server's, calls this now and then).
    pub fn reload(&self) -> Result<()> {
        Ok(self.reader.reload()?)
    }

    /// Runs a search: hits for the page asked, total and facets over all matches.
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResults> {
        limits::check_page(request.limit, request.offset, request.snippet_chars)?;
        let schema = &self.index.schema;
        let parsed = query::parse(schema, &self.index.index, &request.query)?;
        let searcher = self.reader.searcher();
        if request.limit == 0 {
            // No page: nothing is ranked, and one unscored pass counts the
            // matches and their facets (a profile of 430,000 articles spent
            // 100 ms scoring them for nothing).
            let facets = self
                .facet_collector(request.facets.clone())
                .for_query(&*parsed.query);
            let (total, facets) = count_on_all_cores(&searcher, &*parsed.query, &(Count, facets))?;
            return Ok(SearchResults {
                total,
                offset: request.offset,
                hits: Vec::new(),
                facets,
            });
        }
        let wanted = request.offset + request.limit;
        let collapse = !request.all_copies && request.limit > 0 && wanted <= COLLAPSE_WITHIN;
        // Folding copies needs a deeper window than the page: fetch more
        // and keep the first hit of each story.
        // Candidates from the first match on: the page is cut from them
        // after folding (or directly).
        // Most pages hold no copy: ranking a few beyond the page first
        // keeps tantivy's pruning sharp (a top 80 prunes far less than a
        // top 20); only a page that folding left short is ranked again,
        // deeper.
        let (depth, deeper, skip) = if collapse {
            (wanted + COPIES_MARGIN, wanted * 4 + 40, 0)
        } else {
            (wanted.max(1), wanted.max(1), request.offset)
        };
        // Facets in a pass of their own: nothing is scored there, so tantivy
        // hands the collector blocks of documents and columns are read in
        // bulk. Counting stays with the ranking, which visits every match
        // anyway: a separate count pass measured slower at 500,000 articles
        // (p50 3.9 against 3.3 ms, once, with another benchmark running).
        let facet_results = if request.facets.is_empty() {
            Vec::new()
        } else {
            let facets = self
                .facet_collector(request.facets.clone())
                .for_query(&*parsed.query);
            count_on_all_cores(&searcher, &*parsed.query, &facets)?
        };
        let date_field = schema.name(schema.core.date).to_string();
        let id_key = schema.name(schema.core.id_key).to_string();
        // The matches ranked to `depth`, whether more may follow, and
        // whether equal scores straddled the cut. A first, shallow ranking
        // drops matches that tie with the first one left out rather than
        // ranking every tie by id (`Ties::Drop`): if the page needs them,
        // the deeper ranking settles them.
        let rank = |depth: usize, ties: Ties| -> Result<RankedPage> {
            Ok(match request.sort {
                SortOrder::Relevance => {
                    let (total, docs, more, tied) =
                        top_by_score(&searcher, &*parsed.query, depth, &id_key, ties)?;
                    (
                        total,
                        docs.into_iter().map(|(s, d)| (Some(s), d)).collect(),
                        more,
                        tied,
                    )
                }
                SortOrder::Newest | SortOrder::Oldest => {
                    let order = if request.sort == SortOrder::Newest {
                        Order::Desc
                    } else {
                        Order::Asc
                    };
                    let by_date_then_id = (
                        (
                            SortByStaticFastValue::<DateTime>::for_field(date_field.as_str()),
                            order,
                        ),
                        (
                            SortByStaticFastValue::<u64>::for_field(id_key.as_str()),
                            Order::Asc,
                        ),
                    );
                    let (total, docs) = searcher.search(
                        &*parsed.query,
                        &(Count, TopDocs::with_limit(depth).order_by(by_date_then_id)),
                    )?;
                    let more = docs.len() == depth;
                    (
                        total,
                        docs.into_iter().map(|(_, d)| (None, d)).collect(),
                        more,
                        false,
                    )
                }
            })
        };
        let page_of = |ranked: &[(Option<f32>, DocAddress)]| {
            let candidates = ranked.iter().skip(skip).map(|&(score, address)| {
                let doc: TantivyDocument = searcher.doc(address)?;
                let story = first_text(&doc, schema.core.cluster)
                    .or_else(|| first_text(&doc, schema.core.id));
                Ok(((score, doc), story))
            });
            ranked_page(candidates, collapse, request.offset, request.limit)
        };
        let first_ties = if deeper > depth {
            Ties::Drop
        } else {
            Ties::Settle
        };
        let (total, ranked, more, tied) = rank(depth, first_ties)?;
        let mut page = page_of(&ranked)?;
        if page.len() < request.limit && more && deeper > depth {
            // Every match ranked first tied (a query that scores all its
            // matches alike): ranked by id at once, pruning would find the
            // tie again. Otherwise the deeper cut may well fall between
            // two scores.
            let ties = if tied && ranked.is_empty() {
                Ties::SettleNow
            } else {
                Ties::Settle
            };
            page = page_of(&rank(deeper, ties)?.1)?;
        }
        let mut hits: Vec<Hit> = page
            .into_iter()
            .enumerate()
            .map(|(i, (score, doc))| {
                let rank = request.offset + i + 1;
                self.hit(&doc, rank, score, &parsed.highlights, request.snippet_chars)
            })
            .collect();
        if collapse {
            self.count_copies(&searcher, &*parsed.query, &mut hits)?;
        }
        Ok(SearchResults {
            total,
            offset: request.offset,
            hits,
            facets: facet_results,
        })
    }

    /// Sets each hit's number of further matching copies of its story, in
    /// one pass over the matches of the page's stories.
    fn count_copies(
        &self,
        searcher: &tantivy::Searcher,
        query: &dyn tantivy::query::Query,
        hits: &mut [Hit],
    ) -> Result<()> {
        let schema = &self.index.schema;
        // Most stories have a single article: a cluster whose term occurs
        // once in the index has no copies, and running the query again
        // (the cost of a prefix query twice) is only needed for the others.
        let mut clusters: Vec<&String> = Vec::new();
        for cluster in hits.iter().filter_map(|h| h.cluster.as_ref()) {
            let term = Term::from_field_text(schema.core.cluster, cluster);
            if searcher.doc_freq(&term)? > 1 {
                clusters.push(cluster);
            }
        }
        if clusters.is_empty() {
            return Ok(());
        }
        let any_cluster = tantivy::query::BooleanQuery::new(
            clusters
                .iter()
                .map(
                    |cluster| -> (tantivy::query::Occur, Box<dyn tantivy::query::Query>) {
                        (
                            tantivy::query::Occur::Should,
                            Box::new(TermQuery::new(
                                Term::from_field_text(schema.core.cluster, cluster),
                                IndexRecordOption::Basic,
                            )),
                        )
                    },
                )
                .collect(),
        );
        let same_stories = tantivy::query::BooleanQuery::new(vec![
            (tantivy::query::Occur::Must, query.box_clone()),
            (tantivy::query::Occur::Must, Box::new(any_cluster)),
        ]);
        let per_cluster = FacetSpec {
            name: "cluster".to_string(),
            field: schema.name(schema.core.cluster).to_string(),
            kind: facets::FacetKind::Terms {
                limit: clusters.len(),
            },
        };
        let counts = searcher.search(&same_stories, &FacetCollector::new(vec![per_cluster]))?;
        let counts: std::collections::HashMap<&str, u64> = counts
            .first()
            .map(|facet| {
                facet
                    .counts
                    .iter()
                    .map(|c| (c.value.as_str(), c.count))
                    .collect()
            })
            .unwrap_or_default();
        for hit in hits.iter_mut() {
            if let Some(cluster) = &hit.cluster {
                hit.copies = counts
                    .get(cluster.as_str())
                    .copied()
                    .unwrap_or(0)
                    .saturating_sub(1);
            }
        }
        Ok(())
    }

    fn hit(
        &self,
        doc: &TantivyDocument,
        rank: usize,
        score: Option<f32>,
        highlights: &query::Highlights,
        snippet_chars: usize,
    ) -> Hit {
        let core = &self.index.schema.core;
        let texts = |field| -> Vec<String> {
            stored_values(doc, field)
                .into_iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        };
        let shown = ShownArticle {
            id: first_text(doc, core.id).unwrap_or_default(),
            path: first_text(doc, core.path).unwrap_or_default(),
            title: first_text(doc, core.title),
            date: first_day(doc, core.date),
            source: first_text(doc, core.source),
            url: first_text(doc, core.url),
            author: Some(texts(core.author).join(", ")).filter(|a| !a.is_empty()),
            dateline: first_text(doc, core.dateline),
            speakers: texts(core.speaker),
            places: texts(core.place),
            cluster: first_text(doc, core.cluster),
            body: first_text(doc, core.body).unwrap_or_default(),
            quotes: quote_records(self.schema(), doc),
        };
        shown.hit(rank, score, highlights, snippet_chars)
    }

    /// Calls `each` with every article matching `query`, in index order,
    /// reading one stored document at a time (so memory does not grow with
    /// the matches); `each` returns false to stop.
    pub fn for_each_match(
        &self,
        query: &dyn tantivy::query::Query,
        each: &mut dyn FnMut(TantivyDocument) -> Result<bool>,
    ) -> Result<()> {
        use tantivy::{DocSet, TERMINATED};
        let searcher = self.searcher();
        let weight = query.weight(tantivy::query::EnableScoring::disabled_from_searcher(
            &searcher,
        ))?;
        for (ordinal, segment) in searcher.segment_readers().iter().enumerate() {
            let alive = segment.alive_bitset();
            let mut scorer = weight.scorer(segment, 1.0)?;
            let mut doc = scorer.doc();
            while doc != TERMINATED {
                if alive.is_none_or(|a| a.is_alive(doc)) {
                    let stored: TantivyDocument =
                        searcher.doc(DocAddress::new(ordinal as u32, doc))?;
                    if !each(stored)? {
                        return Ok(());
                    }
                }
                doc = scorer.advance();
            }
        }
        Ok(())
    }

    fn address_of(&self, searcher: &tantivy::Searcher, id: &str) -> Result<DocAddress> {
        let term = Term::from_field_text(self.index.schema.core.id, id.trim());
        let query = TermQuery::new(term, IndexRecordOption::Basic);
        let found = searcher.search(&query, &TopDocs::with_limit(1).order_by_score())?;
        found
            .into_iter()
            .next()
            .map(|(_, address)| address)
            .ok_or_else(|| Error::NoSuchArticle(id.to_string()))
    }

    /// The articles most like one: "more like this" over its title and
    /// body — the distinctive words it shares with others (neither the
    /// rarest, which only it has, nor the commonest) weighed by tf-idf.
    pub fn similar(&self, id: &str, limit: usize, snippet_chars: usize) -> Result<SearchResults> {
        limits::check_page(limit, 0, snippet_chars)?;
        let schema = &self.index.schema;
        let searcher = self.reader.searcher();
        let address = self.address_of(&searcher, id)?;
        let doc: TantivyDocument = searcher.doc(address)?;
        let fields: Vec<(tantivy::schema::Field, Vec<tantivy::schema::OwnedValue>)> =
            [schema.core.title, schema.core.body]
                .into_iter()
                .map(|f| {
                    let values = first_text(&doc, f)
                        .map(|t| vec![tantivy::schema::OwnedValue::Str(t)])
                        .unwrap_or_default();
                    (f, values)
                })
                .collect();
        let documents = searcher.num_docs();
        let query = tantivy::query::MoreLikeThisQuery::builder()
            .with_min_doc_frequency(2)
            .with_max_doc_frequency((documents / 5).max(2))
            .with_min_term_frequency(1)
            .with_min_word_length(3)
            .with_max_query_terms(40)
            .with_document_fields(fields);
        let found = searcher.search(&query, &TopDocs::with_limit(limit + 1).order_by_score())?;
        let hits = found
            .into_iter()
            .filter(|(_, a)| *a != address)
            .take(limit)
            .enumerate()
            .map(|(i, (score, a))| {
                let doc: TantivyDocument = searcher.doc(a)?;
                Ok(self.hit(
                    &doc,
                    i + 1,
                    Some(score),
                    &query::Highlights::default(),
                    snippet_chars,
                ))
            })
            .collect::<Result<Vec<Hit>>>()?;
        Ok(SearchResults {
            total: hits.len(),
            offset: 0,
            hits,
            facets: Vec::new(),
        })
    }

    /// Every shown field of the article with this id.
    pub fn article(&self, id: &str) -> Result<StoredArticle> {
        let schema = &self.index.schema;
        let searcher = self.reader.searcher();
        let address = self.address_of(&searcher, id)?;
        let doc: TantivyDocument = searcher.doc(address)?;
        let mut fields: Vec<(String, bool, Vec<serde_json::Value>)> = schema
            .shown_fields()
            .map(|f| {
                let values = schema.stored_values(&doc, f.field);
                (f.spec.name.clone(), f.spec.multi, values)
            })
            .collect();
        // Each quote with its speaker and kind, after the quote texts.
        let quotes = quotes::shown_quotes(schema, &doc)
            .iter()
            .map(|q| serde_json::to_value(q).unwrap_or_default())
            .collect();
        let after = fields
            .iter()
            .position(|(name, _, _)| *name == schema.name(schema.core.quote))
            .map_or(fields.len(), |at| at + 1);
        fields.insert(after, (export::QUOTES.to_string(), true, quotes));
        Ok(StoredArticle { fields })
    }

    /// Counts one facet for a query: the most frequent values of a field,
    /// or, for a field with a hierarchy (`place`), the children of one
    /// node (`Asia/Syria`).
    pub fn facet_values(&self, request: &FacetsRequest) -> Result<FacetsResults> {
        let schema = &self.index.schema;
        let Some(path_field) = schema.drill_field_of(&request.field) else {
            if request.drill.is_some() {
                return Err(Error::NoHierarchy {
                    field: request.field.clone(),
                    known: schema
                        .fields
                        .iter()
                        .filter(|f| f.spec.drill_field.is_some())
                        .map(|f| f.spec.name.clone())
                        .collect::<Vec<_>>()
                        .join(", "),
                });
            }
            return facet_values(self, request);
        };
        let parsed = query::parse(schema, &self.index.index, &request.query)?;
        let searcher = self.reader.searcher();
        let total = searcher.search(&*parsed.query, &Count)?;
        let parts: Vec<String> = request
            .drill
            .as_deref()
            .unwrap_or("")
            .split('/')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(str::to_string)
            .collect();
        let (resolved, values) =
            facets::drill(&searcher, &*parsed.query, path_field, &parts, request.limit)?;
        Ok(FacetsResults {
            field: request.field.clone(),
            path: Some(resolved.join("/")),
            total,
            values,
        })
    }

    /// Counts facets over every article.
    pub fn facets_of_all(&self, specs: Vec<FacetSpec>) -> Result<Vec<FacetResult>> {
        let searcher = self.reader.searcher();
        count_on_all_cores(
            &searcher,
            &tantivy::query::AllQuery,
            &self
                .facet_collector(specs)
                .for_query(&tantivy::query::AllQuery),
        )
    }

    /// A collector of `specs` that merges segments by the index's global
    /// ordinals where it has them (`index::ordinals`).
    pub fn facet_collector(&self, specs: Vec<FacetSpec>) -> FacetCollector {
        FacetCollector::with_ordinals(specs, &self.index.path, &self.reader.searcher())
    }
}

/// What a hit shows of an article, wherever it was read from (this
/// index, or another engine's `_source`).
#[derive(Debug, Clone, Default)]
pub struct ShownArticle {
    pub id: String,
    pub path: String,
    pub title: Option<String>,
    pub date: Option<Day>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
    pub dateline: Option<String>,
    pub speakers: Vec<String>,
    pub places: Vec<String>,
    pub cluster: Option<String>,
    pub body: String,
    pub quotes: Vec<QuoteRecord>,
}

impl ShownArticle {
    /// The hit, with the snippet that shows best why it matched.
    pub fn hit(
        self,
        rank: usize,
        score: Option<f32>,
        highlights: &query::Highlights,
        snippet_chars: usize,
    ) -> Hit {
        // A query that matches inside a quote is shown by that quote and its
        // speaker — unless the body matches more of the query than any quote
        // does; otherwise by the best passage of the body.
        let body = Passage::new(&self.body, highlights);
        let best_quote = self
            .quotes
            .into_iter()
            .enumerate()
            .map(|(i, record)| (match_strength(&record.text, highlights), i, record))
            .filter(|(strength, _, _)| *strength > 0)
            // The strongest match; the earliest quote among equals.
            .max_by_key(|(strength, i, _)| (*strength, std::cmp::Reverse(*i)))
            .filter(|(strength, _, _)| *strength >= body.strength())
            .map(|(_, _, record)| record);
        let (snippet, snippet_speaker, snippet_direct) = match best_quote {
            Some(record) => {
                // Quotation marks only around what was said word for word.
                let inner = make_snippet(&record.text, highlights, snippet_chars);
                let (text, shift) = if record.direct {
                    (format!("“{}”", inner.text), 1)
                } else {
                    (inner.text, 0)
                };
                let highlights = inner
                    .highlights
                    .iter()
                    .map(|[a, b]| [a + shift, b + shift])
                    .collect();
                (
                    Snippet { text, highlights },
                    Some(record.speaker.unwrap_or_default()),
                    Some(record.direct),
                )
            }
            None => (body.snippet(snippet_chars), None, None),
        };
        Hit {
            rank,
            id: self.id,
            score,
            path: self.path,
            title: self.title,
            date: self.date,
            source: self.source,
            url: self.url,
            author: self.author,
            dateline: self.dateline,
            speakers: self.speakers,
            places: self.places,
            snippet: snippet.text,
            highlights: snippet.highlights,
            snippet_speaker,
            snippet_direct,
            cluster: self.cluster,
            copies: 0,
        }
    }
}

/// A page of ranked hits. `candidates` are in rank order, each with its
/// story (cluster id). With `fold_copies`, they are the top of the ranking,
/// each story appears once (by its best-ranked article) and the page is
/// `offset..offset + limit` of the stories, read only as far as it needs;
/// without, they are the page already.
pub fn ranked_page<T>(
    candidates: impl Iterator<Item = Result<(T, Option<String>)>>,
    fold_copies: bool,
    offset: usize,
    limit: usize,
) -> Result<Vec<T>> {
    if !fold_copies {
        return candidates.map(|c| c.map(|(item, _)| item)).collect();
    }
    let mut page = Vec::with_capacity(limit);
    let mut seen_stories = std::collections::HashSet::new();
    let mut stories = 0;
    for candidate in candidates {
        if page.len() == limit {
            break;
        }
        let (item, story) = candidate?;
        if let Some(story) = story
            && !seen_stories.insert(story)
        {
            continue;
        }
        stories += 1;
        if stories > offset {
            page.push(item);
        }
    }
    Ok(page)
}

/// The first `n` matches by score, equal scores by the smaller id key (and
/// how many matched): the order an engine gives for `sort: [_score desc,
/// id_key asc]`, so a page is the same locally and remotely, whatever
/// order the documents were indexed in.
///
/// The ranking itself keeps tantivy's block-max pruning, which only orders
/// by score; one match more than asked shows whether equal scores straddle
/// the cut. Only then is the query ranked again by both keys, without
/// pruning (every match of `*` scores the same, for one).
///
/// Also says whether more matches may follow the ones returned, and
/// whether equal scores straddled the cut.
fn top_by_score(
    searcher: &tantivy::Searcher,
    query: &dyn tantivy::query::Query,
    n: usize,
    id_key: &str,
    ties: Ties,
) -> Result<Ranked> {
    let settled = |n: usize| -> Result<Ranked> {
        let by_score_then_id = (
            (SortBySimilarityScore, Order::Desc),
            (SortByStaticFastValue::<u64>::for_field(id_key), Order::Asc),
        );
        let (total, ranked) = searcher.search(
            query,
            &(Count, TopDocs::with_limit(n).order_by(by_score_then_id)),
        )?;
        let more = ranked.len() == n;
        let docs = ranked
            .into_iter()
            .map(|((score, _), address)| (score, address))
            .collect();
        Ok((total, docs, more, false))
    };
    if ties == Ties::SettleNow {
        return settled(n);
    }
    let (total, mut docs) =
        searcher.search(query, &(Count, TopDocs::with_limit(n + 1).order_by_score()))?;
    let more = docs.len() > n;
    let straddles = more && docs[n - 1].0 == docs[n].0;
    if straddles && ties == Ties::Drop {
        let cut = docs[n].0;
        docs.retain(|(score, _)| *score > cut);
    } else if straddles {
        return settled(n);
    }
    docs.truncate(n);
    // Equal scores inside the page: by id key.
    if docs.windows(2).any(|w| w[0].0 == w[1].0) {
        let mut keyed = Vec::with_capacity(docs.len());
        for (score, address) in docs {
            let key = searcher
                .segment_reader(address.segment_ord)
                .fast_fields()
                .u64(id_key)?
                .first(address.doc_id)
                .unwrap_or(0);
            keyed.push((score, key, address));
        }
        keyed.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        docs = keyed.into_iter().map(|(s, _, a)| (s, a)).collect();
    }
    Ok((total, docs, more, straddles))
}

/// Matches counted, the first ones ranked, whether more may follow, and
/// whether equal scores straddled the cut.
type Ranked = (usize, Vec<(f32, DocAddress)>, bool, bool);

/// The same, with scores only when ranked by score.
type RankedPage = (usize, Vec<(Option<f32>, DocAddress)>, bool, bool);

/// What `top_by_score` does with equal scores at the cut.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ties {
    /// Ranks them again by id, without pruning (every match is scored).
    Settle,
    /// Drops them: fewer than asked come back, each in its exact place.
    Drop,
    /// Ranks by score and id at once, ties being known to be there.
    SettleNow,
}

/// A stored article: each shown field (name, multi-valued, values), in
/// schema order.
#[derive(Debug, Clone)]
pub struct StoredArticle {
    pub fields: Vec<(String, bool, Vec<serde_json::Value>)>,
}

impl StoredArticle {
    pub fn get(&self, name: &str) -> Option<&serde_json::Value> {
        self.fields
            .iter()
            .find(|(n, _, _)| n == name)
            .and_then(|(_, _, values)| values.first())
    }
}

impl Serialize for StoredArticle {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.fields.len()))?;
        for (name, multi, values) in &self.fields {
            if *multi {
                map.serialize_entry(name, values)?;
            } else {
                map.serialize_entry(name, values.first().unwrap_or(&serde_json::Value::Null))?;
            }
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidates(
        stories: &[&'static str],
    ) -> impl Iterator<Item = Result<(usize, Option<String>)>> {
        stories
            .iter()
            .enumerate()
            .map(|(rank, story)| Ok((rank, Some(story.to_string()))))
            .collect::<Vec<_>>()
            .into_iter()
    }

    #[test]
    fn pages_fold_copies_into_the_best_ranked_article_of_each_story() {
        let ranked = ["a", "b", "a", "c", "b", "d", "e"];
        assert_eq!(
            ranked_page(candidates(&ranked), true, 0, 3).unwrap(),
            [0, 1, 3]
        );
        // The second page starts after the third story, not the third article.
        assert_eq!(
            ranked_page(candidates(&ranked), true, 3, 3).unwrap(),
            [5, 6]
        );
        assert_eq!(
            ranked_page(candidates(&ranked), false, 0, 3).unwrap(),
            [0, 1, 2, 3, 4, 5, 6]
        );
    }
}
