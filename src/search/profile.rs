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
use crate::search::facets::{DateBucket, FacetCount, FacetKind, FacetSpec};
use crate::search::filters::Filters;
use crate::search::quotes::{QuoteHit, QuotesRequest};
use crate::search::terms::{SignificantTerm, TermsField, TermsRequest};
use crate::search::{NewsSearcher, SearchRequest};

/// Quotes read for a speaker's roles and latest quotes, at most.
const MAX_QUOTES: usize = 100_000;

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
    /// A speaker's quotes (as `quotes --speaker` lists them).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quotes: Option<u64>,
    pub first_seen: Option<Day>,
    pub last_seen: Option<Day>,
    /// Articles per period.
    pub timeline: Vec<FacetCount>,
    /// Most characteristic terms: a speaker's quotes against all others'
    /// text in quotes; a place's articles against the rest.
    pub terms: Vec<SignificantTerm>,
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
        let schema = &self.index.schema;
        if request.name.trim().is_empty() {
            return Err(Error::Unanswerable(
                "a profile needs a name: `newsdex profile speaker Blair`".to_string(),
            ));
        }
        // "Baker" is James Baker, the Baker most often named: the profile
        // is his, not every Baker's.
        let resolved = self.resolve(request)?;
        let name = resolved.clone().unwrap_or_else(|| request.name.clone());
        let mut filters = request.filters.clone();
        match request.kind {
            ProfileKind::Speaker => filters.speaker = Some(name.clone()),
            ProfileKind::Place => filters.place = Some(name.clone()),
        }
        let query = filters.apply(schema, &request.query);
        // Lists are cut after the profile's own value is taken out.
        let wide = request.limit + 1;
        let spec = |field: &str, kind: FacetKind| FacetSpec {
            name: field.to_string(),
            field: field.to_string(),
            kind,
        };
        let terms = |field: &str| spec(field, FacetKind::Terms { limit: wide });
        // A place's list keeps only the places inside it: they are looked
        // for among many.
        let place_limit = match request.kind {
            ProfileKind::Speaker => wide,
            ProfileKind::Place => 10_000,
        };
        let facets = vec![
            terms(schema.name(schema.core.speaker)),
            spec(
                schema.name(schema.core.place),
                FacetKind::Terms { limit: place_limit },
            ),
            terms(schema.name(schema.core.source)),
            spec(schema.name(schema.core.date), FacetKind::Date(request.by)),
            spec(
                schema.name(schema.core.date),
                FacetKind::Date(DateBucket::Day),
            ),
        ];
        let results = self.search(&SearchRequest {
            limit: 0,
            facets,
            all_copies: true,
            ..SearchRequest::new(query.clone())
        })?;
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
        let terms_request = TermsRequest {
            query: query.clone(),
            against: None,
            field,
            speaker: filters.speaker.clone(),
            limit: request.limit,
            sample: crate::search::terms::DEFAULT_SAMPLE,
        };
        // A profile of everything has nothing to be set apart from.
        let terms = match self.significant_terms(&terms_request) {
            Ok(terms) => terms.terms,
            Err(Error::Unanswerable(_)) => Vec::new(),
            Err(e) => return Err(e),
        };

        let mut profile = Profile {
            kind: request.kind,
            name: request.name.clone(),
            resolved: resolved.clone(),
            articles: results.total as u64,
            quotes: None,
            first_seen,
            last_seen,
            timeline: timeline.counts,
            terms,
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
            let quotes = self.quotes(&QuotesRequest {
                query: (narrowing != "*").then_some(narrowing),
                speaker: Some(name.clone()),
                limit: MAX_QUOTES,
            })?;
            let mut roles: HashMap<String, u64> = HashMap::new();
            for quote in &quotes.quotes {
                if let Some(role) = quote.role.as_deref().filter(|r| !r.trim().is_empty()) {
                    *roles.entry(role.to_string()).or_default() += 1;
                }
            }
            let mut roles: Vec<FacetCount> = roles
                .into_iter()
                .map(|(value, count)| FacetCount { value, count })
                .collect();
            roles.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
            roles.truncate(request.limit);
            let mut latest = quotes.quotes.clone();
            // Newest first; undated last; in an article, in its order.
            latest.sort_by_key(|q| std::cmp::Reverse(q.date));
            latest.truncate(request.limit.min(5));
            profile.quotes = Some(quotes.quotes.len() as u64);
            profile.roles = Some(roles);
            profile.latest_quotes = Some(latest);
        }
        Ok(profile)
    }

    /// The speaker or place the name means: the most frequent value of the
    /// field, among the articles the name finds, that holds every word of
    /// the name.
    fn resolve(&self, request: &ProfileRequest) -> Result<Option<String>> {
        let schema = &self.index.schema;
        let mut filters = request.filters.clone();
        let field = match request.kind {
            ProfileKind::Speaker => {
                filters.speaker = Some(request.name.clone());
                schema.name(schema.core.speaker)
            }
            ProfileKind::Place => {
                filters.place = Some(request.name.clone());
                schema.name(schema.core.place)
            }
        };
        let results = self.search(&SearchRequest {
            limit: 0,
            facets: vec![FacetSpec {
                name: field.to_string(),
                field: field.to_string(),
                kind: FacetKind::Terms { limit: 100 },
            }],
            all_copies: true,
            ..SearchRequest::new(filters.apply(schema, &request.query))
        })?;
        let wanted = words(&request.name);
        let Some(facet) = results.facets.first() else {
            return Ok(None);
        };
        // "Slovenia" is the country itself when it is named, not its most
        // named town ("Ljubljana, Slovenia"); else the most frequent value
        // holding every word of the name.
        let named_exactly = facet
            .counts
            .iter()
            .find(|c| words(c.value.split(',').next().unwrap_or_default()) == wanted);
        let holding = || {
            facet.counts.iter().find(|c| {
                let have = words(&c.value);
                wanted.iter().all(|w| have.contains(w))
            })
        };
        Ok(named_exactly.or_else(holding).map(|c| c.value.clone()))
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

fn words(text: &str) -> Vec<String> {
    tokenizers::tokens(&mut tokenizers::words(), text)
        .into_iter()
        .map(|t| t.text)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

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
