//! Profiles: one speaker or one place, as a researcher would otherwise
//! assemble it from several searches — when and how often, the words that
//! set it apart, who else is quoted beside it, where, by whom, and the
//! latest of what was said.
//!
//! Every figure is the answer of a search a user can run (the same filter,
//! the same facet), so a profile never disagrees with `search`, `quotes`
//! or `terms`: a speaker's articles are `search --speaker NAME`, their
//! quotes `quotes --speaker NAME`, the co-quoted speakers that search's
//! `--facet speaker`, less the speaker.

use std::collections::HashMap;

use serde::Serialize;

use crate::error::{Error, Result};
use crate::extract::dates::Day;
use crate::index::tokenizers;
use crate::search::facets::{DateBucket, FacetCount, FacetKind, FacetResult, FacetSpec};
use crate::search::filters::Filters;
use crate::search::limits;
use crate::search::quotes::{QuoteHit, QuotesRequest};
use crate::search::terms::{Background, SignificantTerm, TermsField, TermsRequest};
use crate::search::{NewsSearcher, SearchRequest};

/// Articles read, at most, for a profile's terms, and for a speaker's
/// quotes and roles: what keeps a profile of a speaker quoted in tens of
/// thousands of articles within a few hundred milliseconds. The profile
/// says how many were read.
pub const PROFILE_SAMPLE: usize = 1_000;
/// Newest articles read for a speaker's latest quotes when the rest is
/// sampled.
const NEWEST_ARTICLES: usize = 20;
/// Values of the profile's own field the name is resolved among.
const RESOLVE_AMONG: usize = 100;
/// Latest quotes shown, at most.
const LATEST_QUOTES: usize = 5;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ProfileKind {
    Speaker,
    Place,
}

#[derive(Debug, Clone)]
pub struct ProfileRequest {
    pub kind: ProfileKind,
    /// The speaker's or place's name, or part of it ("Blair", "Syria").
    pub name: String,
    /// Narrows every figure to the articles of this query ("" or `*`: all).
    pub query: String,
    /// Other filters, as on `search`.
    pub filters: Filters,
    /// Period of the timeline.
    pub by: DateBucket,
    /// Values in each list.
    pub limit: usize,
    /// Articles whose text is read at most (see [`PROFILE_SAMPLE`]).
    pub sample: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Profile {
    pub kind: ProfileKind,
    /// The name asked for.
    pub name: String,
    /// The speaker or place it names in the index: the most frequent value
    /// holding every word of the name (`Tony Blair` for "Blair").
    pub resolved: Option<String>,
    /// Articles naming it (quoting the speaker; naming the place or a place
    /// inside it).
    pub articles: u64,
    /// A speaker's quotes (as `quotes --speaker` lists them): counted, or,
    /// when `quotes_read` is fewer than the articles, estimated from those.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quotes: Option<u64>,
    /// Articles whose quotes were read for the count and the roles.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quotes_read: Option<u64>,
    pub first_seen: Option<Day>,
    pub last_seen: Option<Day>,
    /// Articles per period.
    pub timeline: Vec<FacetCount>,
    /// Most characteristic terms: a speaker's quotes against all others'
    /// text in quotes; a place's articles against the rest.
    pub terms: Vec<SignificantTerm>,
    /// Articles whose text the terms were counted in: all, or a sample (a
    /// story's copies among them read once).
    pub terms_read: u64,
    /// A speaker's roles as the articles write them, most frequent first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub roles: Option<Vec<FacetCount>>,
    /// The speakers quoted most often in the same articles (a place: the
    /// speakers quoted most often in its articles).
    pub speakers: Vec<FacetCount>,
    /// The places of the articles (a place: the places inside it).
    pub places: Vec<FacetCount>,
    pub sources: Vec<FacetCount>,
    /// A speaker's latest quotes, newest first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub latest_quotes: Option<Vec<QuoteHit>>,
}

impl NewsSearcher {
    pub fn profile(&self, request: &ProfileRequest) -> Result<Profile> {
        limits::at_most("limit", request.limit, limits::MAX_LIMIT)?;
        let schema = &self.index.schema;
        if request.name.trim().is_empty() {
            return Err(Error::Unanswerable(
                "a profile needs a name: `newsdex profile speaker Blair`".to_string(),
            ));
        }
        // Lists are cut after the profile's own value is taken out; the
        // name is resolved among the 100 values its own field lists most
        // often; a place's list keeps only the places inside it, looked for
        // among many.
        let wide = request.limit + 1;
        let (speaker_limit, place_limit) = match request.kind {
            ProfileKind::Speaker => (wide.max(RESOLVE_AMONG), wide),
            ProfileKind::Place => (wide, 10_000),
        };
        let spec = |field: &str, kind: FacetKind| FacetSpec {
            name: field.to_string(),
            field: field.to_string(),
            kind,
        };
        let terms = |field: &str, limit: usize| spec(field, FacetKind::Terms { limit });
        let facets = vec![
            terms(schema.name(schema.core.speaker), speaker_limit),
            terms(schema.name(schema.core.place), place_limit),
            terms(schema.name(schema.core.source), wide),
            spec(schema.name(schema.core.date), FacetKind::Date(request.by)),
            spec(
                schema.name(schema.core.date),
                FacetKind::Date(DateBucket::Day),
            ),
        ];
        let filters_for = |name: &str| {
            let mut filters = request.filters.clone();
            match request.kind {
                ProfileKind::Speaker => filters.speaker = Some(name.to_string()),
                ProfileKind::Place => filters.place = Some(name.to_string()),
            }
            filters
        };
        let search = |query: &str| {
            self.search(&SearchRequest {
                limit: 0,
                facets: facets.clone(),
                all_copies: true,
                ..SearchRequest::new(query)
            })
        };
        // "Baker" is James Baker, the Baker most often named: the profile
        // is his, not every Baker's. When the name given is the name
        // resolved (as a chip of the page gives it), its search is the
        // profile's.
        let asked = filters_for(&request.name).apply(schema, &request.query);
        let first = search(&asked)?;
        let own_facet = match request.kind {
            ProfileKind::Speaker => &first.facets[0],
            ProfileKind::Place => &first.facets[1],
        };
        let resolved = resolve(own_facet, request.kind, &request.name);
        let name = resolved.clone().unwrap_or_else(|| request.name.clone());
        let filters = filters_for(&name);
        let query = filters.apply(schema, &request.query);
        let results = if query == asked {
            first
        } else {
            search(&query)?
        };
        let [speakers, places, sources, timeline, days] = <[_; 5]>::try_from(results.facets)
            .map_err(|_| Error::Unanswerable("facets missing from a search".to_string()))?;
        let first_seen = days.counts.first().and_then(|c| Day::parse_iso(&c.value));
        let last_seen = days.counts.last().and_then(|c| Day::parse_iso(&c.value));
        let without_self = |counts: Vec<FacetCount>| -> Vec<FacetCount> {
            counts
                .into_iter()
                .filter(|c| Some(&c.value) != resolved.as_ref())
                .take(request.limit)
                .collect()
        };
        let field = match request.kind {
            ProfileKind::Speaker => TermsField::Quote,
            ProfileKind::Place => TermsField::Body,
        };
        // Past the sample, the articles are set against a sample of the
        // rest, both read alike: counting listed terms in the whole index
        // (what `terms` does) cost a profile of 430,000 articles most of
        // its time, and a glance needs no more than samples give.
        let background = if results.total > request.sample {
            Background::RestRead
        } else {
            Background::Index
        };
        let terms_request = TermsRequest {
            query: query.clone(),
            background,
            field,
            speaker: filters.speaker.clone(),
            limit: request.limit,
            sample: request.sample,
        };
        // A profile of everything has nothing to be set apart from.
        let (terms, terms_read) = match self.significant_terms(&terms_request) {
            Ok(terms) => (terms.terms, terms.foreground.read + terms.foreground.copies),
            Err(Error::Unanswerable(_)) => (Vec::new(), 0),
            Err(e) => return Err(e),
        };

        let mut profile = Profile {
            kind: request.kind,
            name: request.name.clone(),
            resolved: resolved.clone(),
            articles: results.total as u64,
            quotes: None,
            quotes_read: None,
            first_seen,
            last_seen,
            timeline: with_empty_periods(timeline.counts, request.by, first_seen, last_seen),
            terms,
            terms_read,
            roles: None,
            speakers: match request.kind {
                ProfileKind::Speaker => without_self(speakers.counts),
                ProfileKind::Place => speakers.counts.into_iter().take(request.limit).collect(),
            },
            places: match request.kind {
                ProfileKind::Speaker => places.counts.into_iter().take(request.limit).collect(),
                ProfileKind::Place => inside(places.counts, resolved.as_deref(), request.limit),
            },
            sources: sources.counts.into_iter().take(request.limit).collect(),
            latest_quotes: None,
        };
        if request.kind == ProfileKind::Speaker {
            let narrowing = self.narrowing(&request.query, &request.filters);
            let sample = self.quote_sample(
                &QuotesRequest {
                    query: (narrowing != "*").then_some(narrowing),
                    speaker: Some(name.clone()),
                    limit: usize::MAX,
                },
                request.sample,
                NEWEST_ARTICLES,
            )?;
            let mut roles: HashMap<String, u64> = HashMap::new();
            for quote in &sample.quotes {
                if let Some(role) = quote.said.role.as_deref().filter(|r| !r.trim().is_empty()) {
                    *roles.entry(role.to_string()).or_default() += 1;
                }
            }
            let mut roles: Vec<FacetCount> = roles
                .into_iter()
                .map(|(value, count)| FacetCount { value, count })
                .collect();
            roles.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
            roles.truncate(request.limit);
            let mut latest = sample.latest;
            // Newest first; undated last; in an article, in its order.
            latest.sort_by_key(|q| std::cmp::Reverse(q.date));
            latest.truncate(request.limit.min(LATEST_QUOTES));
            let counted = sample.quotes.len() as u64;
            profile.quotes = Some(if sample.read < sample.articles {
                (counted as f64 * sample.articles as f64 / sample.read.max(1) as f64).round() as u64
            } else {
                counted
            });
            profile.quotes_read = Some(sample.read);
            profile.roles = Some(roles);
            profile.latest_quotes = Some(latest);
        }
        Ok(profile)
    }

    /// The query and filters (other than the profile's own) for `quotes`,
    /// which takes one query string.
    fn narrowing(&self, query: &str, filters: &Filters) -> String {
        let filtered = filters.apply(&self.index.schema, query);
        if filtered.trim().is_empty() {
            "*".to_string()
        } else {
            filtered
        }
    }
}

/// The speaker or place the name means, among the values of its field
/// (most frequent first) in the articles the name finds: the most frequent
/// holding every word of the name ("Baker" is James Baker, not a bare
/// "Baker" a few articles left unresolved); but a place named exactly is
/// that place ("Slovenia" is the country itself when it is named, not its
/// most named town "Ljubljana, Slovenia").
fn resolve(facet: &FacetResult, kind: ProfileKind, name: &str) -> Option<String> {
    // One analyzer for the name and the values it is matched against (a
    // place is looked for among up to 10,000).
    let analyzer = std::cell::RefCell::new(tokenizers::words());
    let words = |text: &str| -> Vec<String> {
        tokenizers::tokens(&mut analyzer.borrow_mut(), text)
            .into_iter()
            .map(|t| t.text)
            .collect()
    };
    let wanted = words(name);
    let named_exactly = || {
        facet
            .counts
            .iter()
            .find(|c| words(c.value.split(',').next().unwrap_or_default()) == wanted)
    };
    let holding = || {
        facet.counts.iter().find(|c| {
            let have = words(&c.value);
            wanted.iter().all(|w| have.contains(w))
        })
    };
    let found = match kind {
        ProfileKind::Place => named_exactly().or_else(holding),
        ProfileKind::Speaker => holding(),
    };
    found.map(|c| c.value.clone())
}

/// The periods from the first seen to the last, the empty ones too (with
/// 0): a chart of the periods that have articles only would set March
/// beside June as if they were neighbours.
fn with_empty_periods(
    counts: Vec<FacetCount>,
    by: DateBucket,
    first: Option<Day>,
    last: Option<Day>,
) -> Vec<FacetCount> {
    let (Some(first), Some(last)) = (first, last) else {
        return counts;
    };
    let have: HashMap<String, u64> = counts.into_iter().map(|c| (c.value, c.count)).collect();
    by.periods(first, last)
        .into_iter()
        .map(|value| FacetCount {
            count: have.get(&value).copied().unwrap_or(0),
            value,
        })
        .collect()
}

/// The places inside `place` ("Aleppo, Syria" inside "Syria"): labels whose
/// later parts hold it.
fn inside(counts: Vec<FacetCount>, place: Option<&str>, limit: usize) -> Vec<FacetCount> {
    let Some(place) = place else {
        return Vec::new();
    };
    counts
        .into_iter()
        .filter(|c| c.value != place && c.value.ends_with(&format!(", {place}")))
        .take(limit)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facet(values: &[(&str, u64)]) -> FacetResult {
        FacetResult {
            name: "field".to_string(),
            counts: values
                .iter()
                .map(|(value, count)| FacetCount {
                    value: value.to_string(),
                    count: *count,
                })
                .collect(),
            missing: 0,
            distinct: values.len(),
        }
    }

    #[test]
    fn a_surname_is_its_most_quoted_holder_and_a_place_named_exactly_is_itself() {
        let speakers = facet(&[("James Baker", 111), ("Howard Baker", 9), ("Baker", 2)]);
        assert_eq!(
            resolve(&speakers, ProfileKind::Speaker, "Baker").as_deref(),
            Some("James Baker")
        );
        assert_eq!(
            resolve(&speakers, ProfileKind::Speaker, "Howard Baker").as_deref(),
            Some("Howard Baker")
        );
        let places = facet(&[("Ljubljana, Slovenia", 10), ("Slovenia", 3)]);
        assert_eq!(
            resolve(&places, ProfileKind::Place, "Slovenia").as_deref(),
            Some("Slovenia")
        );
        assert_eq!(resolve(&places, ProfileKind::Place, "Peru"), None);
    }

    #[test]
    fn a_timeline_keeps_its_empty_periods() {
        let counts = vec![
            FacetCount {
                value: "1987-03".to_string(),
                count: 69,
            },
            FacetCount {
                value: "1987-06".to_string(),
                count: 4,
            },
        ];
        let first = Day::parse_iso("1987-03-05");
        let last = Day::parse_iso("1987-06-20");
        let filled: Vec<(String, u64)> = with_empty_periods(counts, DateBucket::Month, first, last)
            .into_iter()
            .map(|c| (c.value, c.count))
            .collect();
        assert_eq!(
            filled,
            [
                ("1987-03".to_string(), 69),
                ("1987-04".to_string(), 0),
                ("1987-05".to_string(), 0),
                ("1987-06".to_string(), 4)
            ]
        );
    }

    #[test]
    fn places_inside_a_place_end_with_its_label() {
        let counts = [
            "Syria",
            "Aleppo, Aleppo, Syria",
            "Beirut, Lebanon",
            "Homs, Syria",
        ]
        .iter()
        .map(|v| FacetCount {
            value: v.to_string(),
            count: 1,
        })
        .collect();
        let within: Vec<String> = inside(counts, Some("Syria"), 10)
            .into_iter()
            .map(|c| c.value)
            .collect();
        assert_eq!(within, ["Aleppo, Aleppo, Syria", "Homs, Syria"]);
    }
}
