//! What a coverage map shows: matching articles per country (the `country`
//! facet: an article about Aleppo counts for Syria) and the most named
//! cities with their coordinates.

use serde::Serialize;
use tantivy::TantivyDocument;
use tantivy::collector::TopDocs;

use crate::error::Result;
use crate::index::document::place_records;
use crate::search::facets::{FacetCount, FacetKind, FacetSpec};
use crate::search::{NewsSearcher, SearchRequest, query};

/// Articles whose place records are read for the cities' coordinates.
const ARTICLES_FOR_COORDINATES: usize = 2_000;

#[derive(Debug, Clone)]
pub struct MapRequest {
    /// The query, filters applied.
    pub query: String,
    /// Cities drawn as dots.
    pub cities: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct City {
    pub label: String,
    pub articles: u64,
    pub lat: f64,
    pub lon: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CoverageMap {
    pub query: String,
    pub articles: u64,
    /// Matching articles naming no place.
    pub without_place: u64,
    /// Articles per country, most first (every country named).
    pub countries: Vec<FacetCount>,
    pub cities: Vec<City>,
}

impl NewsSearcher {
    pub fn coverage_map(&self, request: &MapRequest) -> Result<CoverageMap> {
        let schema = &self.index.schema;
        let country = schema.name(schema.core.country).to_string();
        let place = schema.name(schema.core.place).to_string();
        let results = self.search(&SearchRequest {
            limit: 0,
            all_copies: true,
            facets: vec![
                FacetSpec {
                    name: country.clone(),
                    field: country,
                    kind: FacetKind::Terms { limit: 1_000 },
                },
                FacetSpec {
                    name: place.clone(),
                    field: place,
                    kind: FacetKind::Terms { limit: 500 },
                },
            ],
            ..SearchRequest::new(request.query.clone())
        })?;
        let mut facets = results.facets.into_iter();
        let countries = facets.next().unwrap_or_default();
        let places = facets.next().unwrap_or_default();

        // Coordinates of the most named cities, from the place records of
        // the best matching articles.
        let parsed = query::parse(schema, &self.index.index, &request.query)?;
        let searcher = self.searcher();
        let found = searcher.search(
            &*parsed.query,
            &TopDocs::with_limit(ARTICLES_FOR_COORDINATES).order_by_score(),
        )?;
        let mut located: std::collections::HashMap<String, (f64, f64)> = Default::default();
        for (_, address) in found {
            let doc: TantivyDocument = searcher.doc(address)?;
            for record in place_records(schema, &doc) {
                if record.kind == "city" {
                    located
                        .entry(record.label)
                        .or_insert((record.location.lat, record.location.lon));
                }
            }
        }
        let cities = places
            .counts
            .iter()
            .filter_map(|c| {
                located.get(&c.value).map(|&(lat, lon)| City {
                    label: c.value.clone(),
                    articles: c.count,
                    lat,
                    lon,
                })
            })
            .take(request.cities)
            .collect();
        Ok(CoverageMap {
            query: request.query.clone(),
            articles: results.total as u64,
            without_place: countries.missing,
            countries: countries.counts,
            cities,
        })
    }
}
