//! `newsdex search QUERY --remote ENGINE:URL/INDEX`: the same search, run
//! by Quickwit or OpenSearch, answered in the same [`SearchResults`].
//!
//! The query is parsed as for a local search (same errors, same highlight
//! terms), translated by [`super::query`], and sent to the engine's
//! Elasticsearch-compatible `_search`. What the engine returns is shaped
//! here as a local search shapes it: snippets are cut from the returned
//! text by the same code, copies of a story are folded into one hit the
//! same way (a second request counts them), and facets are the engine's
//! aggregations, sorted and cut as local facets are. Dates are counted per
//! day by the engine and grouped into weeks, months or years here, because
//! Quickwit's `date_histogram` only takes fixed intervals.

use serde_json::{Map, Value, json};

use crate::error::{Error, Result};
use crate::extract::dates::Day;
use crate::index::document::QuoteRecord;
use crate::index::schema::NewsSchema;
use crate::index::tokenizers;
use crate::remote::http::{Client, Request, RetryPolicy};
use crate::remote::plan::{ExportPlan, Source};
use crate::remote::query::Translator;
use crate::remote::{Engine, Remote};
use crate::search::facets::{FacetCount, FacetKind, FacetResult, FacetSpec};
use crate::search::query::{self, ParsedQuery};
use crate::search::{
    COLLAPSE_WITHIN, FacetSource, FacetsRequest, FacetsResults, SearchRequest, SearchResults,
    ShownArticle, SortOrder, ranked_page,
};

/// String facets ask the engine for this many values beyond the limit, so
/// ties at the cut are broken as locally (by value) and the number of
/// distinct values is exact below it.
const EXTRA_FACET_VALUES: usize = 1_000;

/// The bucket a `terms` aggregation puts articles without a value in: a
/// value no article holds, so a facet's "without a value" count comes with
/// its values instead of in a request of its own.
const MISSING_VALUE: &str = "\u{0}none";

/// Searches one engine index.
pub struct RemoteSearcher {
    pub remote: Remote,
    pub schema: NewsSchema,
    client: Client,
    plan: ExportPlan,
    /// An empty in-memory index, for parsing queries as locally.
    parser_index: tantivy::Index,
}

impl RemoteSearcher {
    pub fn new(remote: Remote) -> Result<RemoteSearcher> {
        let schema = NewsSchema::builtin();
        let plan = ExportPlan::new(&schema, remote.engine)?;
        let parser_index = tantivy::Index::create_in_ram(schema.tantivy.clone());
        tokenizers::register(&parser_index);
        let client = Client::new(
            remote.authorization.clone(),
            RetryPolicy {
                attempts: 3,
                ..RetryPolicy::default()
            },
        );
        Ok(RemoteSearcher {
            remote,
            schema,
            client,
            plan,
            parser_index,
        })
    }

    pub fn search(&self, request: &SearchRequest) -> Result<SearchResults> {
        crate::search::limits::check_page(request.limit, request.offset, request.snippet_chars)?;
        let parsed = query::parse(&self.schema, &self.parser_index, &request.query)?;
        let query = self.translate(&parsed)?;
        let wanted = request.offset + request.limit;
        let collapse = !request.all_copies && request.limit > 0 && wanted <= COLLAPSE_WITHIN;
        let (from, size) = if collapse {
            (0, wanted * 4 + 40)
        } else {
            (request.offset, request.limit)
        };
        let mut body = json!({
            "query": query,
            "from": from,
            "size": size,
            "track_total_hits": true,
            "sort": self.sort(request.sort),
        });
        let mut aggregations = Map::new();
        for (i, spec) in request.facets.iter().enumerate() {
            aggregations.insert(format!("facet{i}"), self.aggregation(spec));
        }
        if !aggregations.is_empty() {
            body["aggs"] = Value::Object(aggregations);
        }
        let mut answer = self.post_search(&body)?;
        let total = answer["hits"]["total"]["value"].as_u64().unwrap_or(0) as usize;
        // Up to a few thousand articles with their text: moved, not copied.
        let raw_hits = match answer["hits"]["hits"].take() {
            Value::Array(hits) => hits,
            _ => Vec::new(),
        };
        let candidates = raw_hits.into_iter().map(|hit| {
            let shown = self.shown(&hit);
            let score = score_of(&hit, request.sort);
            let story = shown.cluster.clone().or_else(|| Some(shown.id.clone()));
            Ok(((score, shown), story))
        });
        let page = ranked_page(candidates, collapse, request.offset, request.limit)?;
        let mut hits: Vec<_> = page
            .into_iter()
            .enumerate()
            .map(|(i, (score, shown))| {
                shown.hit(
                    request.offset + i + 1,
                    score,
                    &parsed.highlights,
                    request.snippet_chars,
                )
            })
            .collect();
        if collapse {
            self.count_copies(&query, &mut hits)?;
        }
        let mut facets = Vec::new();
        for (i, spec) in request.facets.iter().enumerate() {
            let aggregation = &answer["aggregations"][format!("facet{i}")];
            let mut result = facet_result(spec, aggregation, total as u64);
            // The bucket of articles without a value fell below the cut.
            if result.is_none() {
                let missing = self.count_missing(&query, &spec.field)?;
                result = Some(facet_result_with_missing(spec, aggregation, missing));
            }
            facets.extend(result);
        }
        Ok(SearchResults {
            total,
            offset: request.offset,
            hits,
            facets,
        })
    }

    /// The query DSL sent for the newsdex query `text`.
    pub fn query_dsl(&self, text: &str) -> Result<Value> {
        let parsed = query::parse(&self.schema, &self.parser_index, text)?;
        self.translate(&parsed)
    }

    fn translate(&self, parsed: &ParsedQuery) -> Result<Value> {
        let translator = Translator {
            schema: &self.schema,
            plan: &self.plan,
            defaults: self
                .schema
                .default_search_fields()
                .map(|f| f.spec.name.clone())
                .collect(),
        };
        translator.translate(parsed.ast.as_ref())
    }

    fn remote_name(&self, local: &str) -> String {
        self.plan.remote_field(&self.schema, local).0
    }

    /// The order of hits, ties broken by the id key as local search breaks
    /// them (see `top_by_score`).
    fn sort(&self, order: SortOrder) -> Value {
        let date = self.remote_name(self.schema.name(self.schema.core.date));
        let id_key = self.remote_name(self.schema.name(self.schema.core.id_key));
        let tie_break = json!({ id_key: { "order": "asc" } });
        match order {
            SortOrder::Relevance => json!([{ "_score": { "order": "desc" } }, tie_break]),
            SortOrder::Newest => json!([{ date: { "order": "desc" } }, tie_break]),
            SortOrder::Oldest => json!([{ date: { "order": "asc" } }, tie_break]),
        }
    }

    fn aggregation(&self, spec: &FacetSpec) -> Value {
        let field = self.remote_name(&spec.field);
        match spec.kind {
            FacetKind::Terms { limit } => json!({
                "terms": {
                    "field": field,
                    "size": limit + EXTRA_FACET_VALUES + 1,
                    "missing": MISSING_VALUE,
                }
            }),
            FacetKind::Date(_) => json!({
                "date_histogram": { "field": field, "fixed_interval": "1d", "min_doc_count": 1 }
            }),
        }
    }

    /// Matching articles with no value in `field`.
    fn count_missing(&self, query: &Value, field: &str) -> Result<u64> {
        let body = json!({
            "query": { "bool": {
                "must": [query],
                "must_not": [{ "exists": { "field": self.remote_name(field) } }],
            } },
            "size": 0,
            "track_total_hits": true,
        });
        let answer = self.post_search(&body)?;
        Ok(answer["hits"]["total"]["value"].as_u64().unwrap_or(0))
    }

    /// Sets each hit's number of further matching copies of its story.
    fn count_copies(&self, query: &Value, hits: &mut [crate::search::Hit]) -> Result<()> {
        let clusters: Vec<&String> = hits.iter().filter_map(|h| h.cluster.as_ref()).collect();
        if clusters.is_empty() {
            return Ok(());
        }
        let cluster = self.remote_name(self.schema.name(self.schema.core.cluster));
        let body = json!({
            "query": { "bool": { "must": [query, { "terms": { cluster.clone(): clusters } }] } },
            "size": 0,
            "aggs": { "stories": { "terms": { "field": cluster, "size": clusters.len() } } },
        });
        let answer = self.post_search(&body)?;
        let buckets = answer["aggregations"]["stories"]["buckets"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        for hit in hits.iter_mut() {
            let Some(cluster) = &hit.cluster else {
                continue;
            };
            let count = buckets
                .iter()
                .find(|b| b["key"].as_str() == Some(cluster))
                .and_then(|b| b["doc_count"].as_u64())
                .unwrap_or(0);
            hit.copies = count.saturating_sub(1);
        }
        Ok(())
    }

    fn post_search(&self, body: &Value) -> Result<Value> {
        let index = &self.remote.index;
        let url = match self.remote.engine {
            Engine::Quickwit => format!("{}/api/v1/_elastic/{index}/_search", self.remote.base),
            Engine::OpenSearch => format!("{}/{index}/_search", self.remote.base),
        };
        let text = body.to_string();
        let request = Request::with_body("POST", &url, "application/json", text.as_bytes());
        let response = self.client.send_with_retries(&request, &mut |_| {})?;
        if !response.is_success() {
            return Err(Error::Remote(format!(
                "searching {}: {}",
                self.remote.display(),
                response.reason()
            )));
        }
        response.json()
    }

    /// A hit's `_source` as the fields a local hit shows.
    fn shown(&self, hit: &Value) -> ShownArticle {
        let source = &hit["_source"];
        let core = &self.schema.core;
        let value = |field| -> &Value {
            let local = self.schema.name(field);
            let name = self
                .plan
                .fields
                .iter()
                .find(|f| {
                    f.local == local && matches!(f.source, Source::Stored | Source::Record(_))
                })
                .map_or(local, |f| f.name.as_str());
            &source[name]
        };
        let text = |field| value(field).as_str().map(str::to_string);
        let texts = |field| -> Vec<String> {
            match value(field) {
                Value::Array(items) => items
                    .iter()
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect(),
                Value::String(s) => vec![s.clone()],
                _ => Vec::new(),
            }
        };
        let quotes: Vec<QuoteRecord> = match value(core.quote_record) {
            Value::Array(items) => items
                .iter()
                .filter_map(|q| serde_json::from_value(q.clone()).ok())
                .collect(),
            _ => Vec::new(),
        };
        ShownArticle {
            id: text(core.id).unwrap_or_default(),
            path: text(core.path).unwrap_or_default(),
            title: text(core.title),
            date: text(core.date).and_then(|d| Day::parse_iso(d.get(..10).unwrap_or(&d))),
            source: text(core.source),
            url: text(core.url),
            author: Some(texts(core.author).join(", ")).filter(|a| !a.is_empty()),
            dateline: text(core.dateline),
            speakers: texts(core.speaker),
            places: texts(core.place),
            cluster: text(core.cluster),
            body: text(core.body).unwrap_or_default(),
            quotes,
        }
    }
}

impl FacetSource for RemoteSearcher {
    fn schema(&self) -> &NewsSchema {
        &self.schema
    }

    fn count_facets(&self, query: &str, specs: Vec<FacetSpec>) -> Result<(u64, Vec<FacetResult>)> {
        let request = SearchRequest {
            limit: 0,
            facets: specs,
            all_copies: true,
            ..SearchRequest::new(query)
        };
        let results = self.search(&request)?;
        Ok((results.total as u64, results.facets))
    }
}

impl RemoteSearcher {
    /// `newsdex facets FIELD --remote`: the values of a field without a
    /// hierarchy (the place tree is drilled locally only).
    pub fn facet_values(&self, request: &FacetsRequest) -> Result<FacetsResults> {
        if self.schema.drill_field_of(&request.field).is_some() || request.drill.is_some() {
            return Err(Error::Remote(format!(
                "`newsdex facets {}` walks the place tree, which only a local index has; \
                 with --remote, count `country` (`newsdex facets country --remote …`) or list \
                 places with `newsdex search QUERY --facet {} --remote …`",
                request.field, request.field
            )));
        }
        crate::search::facet_values(self, request)
    }
}

/// The BM25 score OpenSearch gives as `_score`; Quickwit gives it as the
/// sort value when asked to sort by score.
fn score_of(hit: &Value, order: SortOrder) -> Option<f32> {
    if order != SortOrder::Relevance {
        return None;
    }
    hit["_score"]
        .as_f64()
        .or_else(|| hit["sort"][0].as_f64())
        .map(|s| s as f32)
}

/// An aggregation's buckets as a local facet, with the count of matching
/// articles (`total`) without a value: a date histogram's buckets hold
/// every dated article once, and a `terms` aggregation's `missing` bucket
/// counts the others. None when that bucket was cut off by the size.
fn facet_result(spec: &FacetSpec, aggregation: &Value, total: u64) -> Option<FacetResult> {
    let buckets = aggregation["buckets"].as_array().map(Vec::as_slice);
    let buckets = buckets.unwrap_or_default();
    let missing = match spec.kind {
        FacetKind::Date(_) => {
            let dated: u64 = buckets.iter().filter_map(|b| b["doc_count"].as_u64()).sum();
            total.saturating_sub(dated)
        }
        FacetKind::Terms { .. } => {
            let bucket = buckets
                .iter()
                .find(|b| b["key"].as_str() == Some(MISSING_VALUE));
            match bucket {
                Some(b) => b["doc_count"].as_u64().unwrap_or(0),
                None if aggregation["sum_other_doc_count"].as_u64().unwrap_or(0) == 0 => 0,
                None => return None,
            }
        }
    };
    Some(facet_result_with_missing(spec, aggregation, missing))
}

/// An aggregation's buckets as a local facet: values by count (then by
/// value), cut at the limit; dates grouped into the facet's periods.
fn facet_result_with_missing(spec: &FacetSpec, aggregation: &Value, missing: u64) -> FacetResult {
    let buckets: Vec<Value> = aggregation["buckets"]
        .as_array()
        .map(|b| {
            b.iter()
                .filter(|b| b["key"].as_str() != Some(MISSING_VALUE))
                .cloned()
                .collect()
        })
        .unwrap_or_default();
    let (counts, distinct) = match spec.kind {
        FacetKind::Terms { limit } => {
            let mut counts: Vec<FacetCount> = buckets
                .iter()
                .filter_map(|b| {
                    let value = match &b["key"] {
                        Value::String(s) => s.clone(),
                        other => other.to_string(),
                    };
                    Some(FacetCount {
                        value,
                        count: b["doc_count"].as_u64()?,
                    })
                })
                .collect();
            counts.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
            let distinct = counts.len();
            counts.truncate(limit);
            (counts, distinct)
        }
        FacetKind::Date(bucket) => {
            let mut per_label: std::collections::BTreeMap<String, u64> = Default::default();
            for b in &buckets {
                // Quickwit writes bucket keys as floats (`541296000000.0`),
                // OpenSearch as integers.
                let millis = b["key"]
                    .as_i64()
                    .or_else(|| b["key"].as_f64().map(|k| k as i64));
                let (Some(millis), Some(count)) = (millis, b["doc_count"].as_u64()) else {
                    continue;
                };
                if count == 0 {
                    continue;
                }
                if let Some(day) = Day::from_unix_seconds(millis.div_euclid(1000)) {
                    *per_label.entry(bucket.label(day)).or_default() += count;
                }
            }
            let distinct = per_label.len();
            let counts = per_label
                .into_iter()
                .map(|(value, count)| FacetCount { value, count })
                .collect();
            (counts, distinct)
        }
    };
    FacetResult {
        name: spec.name.clone(),
        counts,
        missing,
        distinct,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::facets::DateBucket;

    #[test]
    fn day_buckets_are_grouped_into_months_in_time_order() {
        let spec = FacetSpec {
            name: "date".into(),
            field: "date".into(),
            kind: FacetKind::Date(DateBucket::Month),
        };
        let day = 86_400_000i64;
        let nov_1_2016 = 1_477_958_400_000i64;
        // Keys as OpenSearch writes them (integers) and as Quickwit does (floats).
        let aggregation = json!({ "buckets": [
            { "key": nov_1_2016, "doc_count": 2 },
            { "key": (nov_1_2016 + 29 * day) as f64, "doc_count": 1 },
            { "key": (nov_1_2016 + 30 * day) as f64, "doc_count": 4 },
        ] });
        // Three of ten matching articles have no date.
        let result = facet_result(&spec, &aggregation, 10).unwrap();
        let counts: Vec<(String, u64)> = result
            .counts
            .iter()
            .map(|c| (c.value.clone(), c.count))
            .collect();
        assert_eq!(
            counts,
            [("2016-11".to_string(), 3), ("2016-12".to_string(), 4)]
        );
        assert_eq!(result.missing, 3);
    }

    #[test]
    fn string_facets_break_ties_by_value_and_cut_at_the_limit() {
        let spec = FacetSpec {
            name: "speaker".into(),
            field: "speaker".into(),
            kind: FacetKind::Terms { limit: 2 },
        };
        let aggregation = json!({ "buckets": [
            { "key": "Zed", "doc_count": 5 },
            { "key": MISSING_VALUE, "doc_count": 4 },
            { "key": "Bea", "doc_count": 3 },
            { "key": "Al", "doc_count": 3 },
        ], "sum_other_doc_count": 0 });
        let result = facet_result(&spec, &aggregation, 12).unwrap();
        assert_eq!(result.missing, 4);
        let values: Vec<&str> = result.counts.iter().map(|c| c.value.as_str()).collect();
        assert_eq!(values, ["Zed", "Al"]);
        assert_eq!(result.distinct, 3);
        // Without a `missing` bucket: none, unless the list was cut.
        let all_there = json!({ "buckets": [{ "key": "Zed", "doc_count": 5 }] });
        assert_eq!(facet_result(&spec, &all_there, 5).unwrap().missing, 0);
        let cut =
            json!({ "buckets": [{ "key": "Zed", "doc_count": 5 }], "sum_other_doc_count": 7 });
        assert!(facet_result(&spec, &cut, 9).is_none());
    }
}
