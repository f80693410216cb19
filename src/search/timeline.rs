//! How many articles match a query per period, absolutely and as a share of
//! all the articles of that period — the second figure is what tells a
//! story's rise from the corpus simply having more articles that month.
//! Optionally split by the most frequent values of a field (speaker,
//! place, country, source).

use serde::Serialize;

use crate::error::{Error, Result};
use crate::extract::dates::Day;
use crate::search::facets::{DateBucket, FacetKind, FacetSpec};
use crate::search::{FacetSource, NewsSearcher, query};

/// What `newsdex timeline` asks.
#[derive(Debug, Clone)]
pub struct TimelineRequest {
    /// The query, filters already applied.
    pub query: String,
    pub by: DateBucket,
    /// A facet field whose top values each get a series.
    pub split_by: Option<String>,
    /// Series when split.
    pub top: usize,
    /// Other queries (filters applied), each a series beside the query's:
    /// media-attention research's core view.
    pub compare: Vec<String>,
}

/// One period of a timeline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Period {
    /// `2016`, `2016-11`, `2016-W47` or `2016-11-23`.
    pub period: String,
    /// Matching articles.
    pub count: u64,
    /// All articles of the period.
    pub total: u64,
    /// count / total (0 when the period has no articles).
    pub share: f64,
}

/// One series of a split timeline: the matching articles that also have
/// `value`, per period (aligned with the timeline's periods).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Series {
    pub value: String,
    pub counts: Vec<u64>,
    /// count / all the period's articles (0 when it has none).
    pub shares: Vec<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Timeline {
    pub query: String,
    pub by: DateBucket,
    /// Matching articles, dated or not.
    pub matches: u64,
    /// Matching articles without a date (in no period).
    pub undated: u64,
    pub periods: Vec<Period>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub split_by: Option<String>,
    /// The series are queries (`--compare`): the query first, then each
    /// compared one.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub compared: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub series: Vec<Series>,
}

/// Matches, (period, count) in time order, and matches without a date.
type PeriodCounts = (u64, Vec<(String, u64)>, u64);

fn day_of_label(label: &str) -> Option<Day> {
    if let Some((year, week)) = label.split_once("-W") {
        let date = tantivy::time::Date::from_iso_week_date(
            year.parse().ok()?,
            week.parse().ok()?,
            tantivy::time::Weekday::Monday,
        )
        .ok()?;
        return Some(Day(date));
    }
    match label.len() {
        4 => Day::new(label.parse().ok()?, 1, 1),
        7 => Day::new(label[..4].parse().ok()?, label[5..7].parse().ok()?, 1),
        _ => Day::parse_iso(label),
    }
}

impl NewsSearcher {
    /// Counts per period for a query, against all articles per period.
    pub fn timeline(&self, request: &TimelineRequest) -> Result<Timeline> {
        timeline(self, request)
    }
}

/// The timeline of `request` from the counts `source` gives: this index,
/// or another engine's.
pub fn timeline(source: &dyn FacetSource, request: &TimelineRequest) -> Result<Timeline> {
    let schema = source.schema();
    let date_field = schema.name(schema.core.date).to_string();
    let spec = FacetSpec {
        name: date_field.clone(),
        field: date_field,
        kind: FacetKind::Date(request.by),
    };
    let count_per_period = |query_text: &str| -> Result<PeriodCounts> {
        let (matches, mut facets) = source.count_facets(query_text, vec![spec.clone()])?;
        let facet = facets
            .pop()
            .ok_or_else(|| Error::Remote("the engine answered without the date counts".into()))?;
        let counts = facet
            .counts
            .into_iter()
            .map(|c| (c.value, c.count))
            .collect();
        Ok((matches, counts, facet.missing))
    };
    if request.split_by.is_some() && !request.compare.is_empty() {
        return Err(Error::Unanswerable(
            "a timeline is split by a field or compared with other queries, not both".into(),
        ));
    }
    let (matches, counts, undated) = count_per_period(&request.query)?;
    let (_, totals, _) = count_per_period("*")?;
    let compared = request
        .compare
        .iter()
        .map(|q| count_per_period(q).map(|(_, counts, _)| (q.clone(), counts)))
        .collect::<Result<Vec<_>>>()?;
    // From the first to the last period any of the queries has.
    let labelled = std::iter::once(&counts).chain(compared.iter().map(|(_, c)| c));
    let days: Vec<Day> = labelled
        .flat_map(|c| [c.first(), c.last()])
        .flatten()
        .filter_map(|(label, _)| day_of_label(label))
        .collect();
    let periods = match (days.iter().min(), days.iter().max()) {
        (Some(&first), Some(&last)) => request.by.periods(first, last),
        _ => Vec::new(),
    };
    let lookup = |list: &[(String, u64)], label: &str| {
        list.iter().find(|(l, _)| l == label).map_or(0, |(_, c)| *c)
    };
    let rows: Vec<Period> = periods
        .iter()
        .map(|p| {
            let count = lookup(&counts, p);
            let total = lookup(&totals, p);
            Period {
                period: p.clone(),
                count,
                total,
                share: if total > 0 {
                    count as f64 / total as f64
                } else {
                    0.0
                },
            }
        })
        .collect();
    let share = |count: u64, total: u64| {
        if total > 0 {
            count as f64 / total as f64
        } else {
            0.0
        }
    };
    let series_of = |value: String, counts: &[(String, u64)]| {
        let counts: Vec<u64> = periods.iter().map(|p| lookup(counts, p)).collect();
        let shares = periods
            .iter()
            .zip(&counts)
            .map(|(p, &c)| share(c, lookup(&totals, p)))
            .collect();
        Series {
            value,
            counts,
            shares,
        }
    };
    let mut series = Vec::new();
    if !compared.is_empty() {
        series.push(series_of(request.query.clone(), &counts));
        for (query, counts) in &compared {
            series.push(series_of(query.clone(), counts));
        }
    }
    if let Some(field) = &request.split_by {
        let spec = FacetSpec::parse(schema, field, request.top)?;
        if !matches!(spec.kind, FacetKind::Terms { .. }) {
            return Err(Error::UnknownFacet {
                name: field.clone(),
                known: "speaker, place, country, source, author".into(),
            });
        }
        let (_, top) = source.count_facets(&request.query, vec![spec])?;
        for value in top.into_iter().flat_map(|f| f.counts) {
            let narrowed = format!(
                "({}) AND {field}:{}",
                request.query,
                query::phrase(&value.value)
            );
            let (_, counts, _) = count_per_period(&narrowed)?;
            series.push(series_of(value.value, &counts));
        }
    }
    Ok(Timeline {
        query: request.query.clone(),
        by: request.by,
        matches,
        undated,
        periods: rows,
        split_by: request.split_by.clone(),
        compared: !request.compare.is_empty(),
        series,
    })
}
