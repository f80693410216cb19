//! Facet counts: how many matching articles have each value of a field.
//!
//! Counted in the same pass as the ranking (a tantivy [`Collector`]) from
//! fast-field columns, never from stored documents, so counts are exact over
//! all matches and cheap. String fields count by term ordinal per segment and
//! translate ordinals to text once at the end; dates count per day bucket.

use std::collections::HashMap;

use serde::Serialize;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::index::SegmentReader;
use tantivy::{DateTime, DocId, Score, SegmentOrdinal};

use crate::error::Error;
use crate::extract::dates::Day;
use crate::index::schema::{FieldType, NewsSchema};

/// How finely dates are bucketed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DateBucket {
    Year,
    Month,
    /// ISO 8601 weeks, Monday to Sunday: `2016-W47`.
    Week,
    Day,
}

impl DateBucket {
    pub fn label(self, day: Day) -> String {
        match self {
            DateBucket::Year => format!("{:04}", day.year()),
            DateBucket::Month => format!("{:04}-{:02}", day.year(), day.month()),
            DateBucket::Week => {
                let (year, week, _) = day.0.to_iso_week_date();
                format!("{year:04}-W{week:02}")
            }
            DateBucket::Day => day.to_string(),
        }
    }

    /// Every period from the one holding `first` to the one holding `last`,
    /// in order, so a chart shows the empty ones too.
    pub fn periods(self, first: Day, last: Day) -> Vec<String> {
        let mut periods: Vec<String> = Vec::new();
        let mut day = first.0;
        while day <= last.0 {
            let label = self.label(Day(day));
            if periods.last() != Some(&label) {
                periods.push(label);
            }
            day = match self {
                // Jump to near the end of the period, then step by days.
                DateBucket::Year => day
                    .replace_day(1)
                    .ok()
                    .and_then(|d| d.replace_month(tantivy::time::Month::December).ok())
                    .and_then(|d| d.replace_day(31).ok())
                    .unwrap_or(day),
                DateBucket::Month => Day::new(day.year(), day.month() as u8, 28)
                    .map(|d| d.0)
                    .unwrap_or(day),
                _ => day,
            }
            .max(day);
            match day.next_day() {
                Some(next) => day = next,
                None => break,
            }
        }
        periods
    }
}

/// One requested facet, e.g. `source` or `date:year`.
#[derive(Debug, Clone, PartialEq)]
pub struct FacetSpec {
    /// As the user wrote it; the key in the output.
    pub name: String,
    pub field: String,
    pub kind: FacetKind,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FacetKind {
    /// The most frequent values, at most `limit` of them.
    Terms { limit: usize },
    /// Every date bucket, in time order.
    Date(DateBucket),
}

impl FacetSpec {
    /// Parses `FIELD` or `FIELD:year|month|day` against the schema.
    pub fn parse(schema: &NewsSchema, text: &str, limit: usize) -> Result<FacetSpec, Error> {
        let text = text.trim();
        let (field_name, detail) = match text.split_once(':') {
            Some((f, d)) => (f, Some(d)),
            None => (text, None),
        };
        let unknown = || Error::UnknownFacet {
            name: text.to_string(),
            known: facet_names(schema),
        };
        let field = schema
            .facet_fields()
            .find(|f| f.spec.name == field_name)
            .ok_or_else(unknown)?;
        let kind = match (field.spec.kind, detail) {
            (FieldType::Date, None | Some("month")) => FacetKind::Date(DateBucket::Month),
            (FieldType::Date, Some("year")) => FacetKind::Date(DateBucket::Year),
            (FieldType::Date, Some("day")) => FacetKind::Date(DateBucket::Day),
            (FieldType::Date, Some("week")) => FacetKind::Date(DateBucket::Week),
            (FieldType::String, None) => FacetKind::Terms { limit },
            _ => return Err(unknown()),
        };
        Ok(FacetSpec {
            name: text.to_string(),
            field: field_name.to_string(),
            kind,
        })
    }
}

fn facet_names(schema: &NewsSchema) -> String {
    schema
        .facet_fields()
        .map(|f| match f.spec.kind {
            FieldType::Date => format!("{0} ({0}:year, {0}:month, {0}:week, {0}:day)", f.spec.name),
            _ => f.spec.name.clone(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// A value and how many matching articles have it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FacetCount {
    pub value: String,
    pub count: u64,
}

/// The counts of one facet.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FacetResult {
    pub name: String,
    pub counts: Vec<FacetCount>,
    /// Matching articles with no value for the field.
    pub missing: u64,
    /// Distinct values before `limit` cut the list.
    pub distinct: usize,
}

/// Counts several facets in one pass.
pub struct FacetCollector {
    pub specs: Vec<FacetSpec>,
}

/// Per-facet counts of one segment, keyed by label.
type Counts = Vec<(HashMap<String, u64>, u64)>;

enum SegmentFacet {
    Terms {
        column: Option<StrColumn>,
        counts: Vec<u64>,
        missing: u64,
    },
    Date {
        column: Column<DateTime>,
        bucket: DateBucket,
        counts: HashMap<i64, u64>,
        missing: u64,
    },
}

pub struct FacetSegmentCollector {
    facets: Vec<SegmentFacet>,
}

impl Collector for FacetCollector {
    type Fruit = Vec<FacetResult>;
    type Child = FacetSegmentCollector;

    fn for_segment(
        &self,
        _segment_ord: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<FacetSegmentCollector> {
        let fast = segment.fast_fields();
        let facets = self
            .specs
            .iter()
            .map(|spec| -> tantivy::Result<SegmentFacet> {
                Ok(match spec.kind {
                    FacetKind::Terms { .. } => {
                        let column = fast.str(&spec.field)?;
                        let terms = column.as_ref().map_or(0, |c| c.num_terms());
                        SegmentFacet::Terms {
                            column,
                            counts: vec![0; terms],
                            missing: 0,
                        }
                    }
                    FacetKind::Date(bucket) => SegmentFacet::Date {
                        column: fast.date(&spec.field)?,
                        bucket,
                        counts: HashMap::new(),
                        missing: 0,
                    },
                })
            })
            .collect::<tantivy::Result<_>>()?;
        Ok(FacetSegmentCollector { facets })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, segments: Vec<Counts>) -> tantivy::Result<Vec<FacetResult>> {
        let mut merged: Vec<(HashMap<String, u64>, u64)> =
            vec![(HashMap::new(), 0); self.specs.len()];
        for segment in segments {
            for (i, (counts, missing)) in segment.into_iter().enumerate() {
                for (value, count) in counts {
                    *merged[i].0.entry(value).or_default() += count;
                }
                merged[i].1 += missing;
            }
        }
        Ok(self
            .specs
            .iter()
            .zip(merged)
            .map(|(spec, (counts, missing))| finish(spec, counts, missing))
            .collect())
    }
}

fn finish(spec: &FacetSpec, counts: HashMap<String, u64>, missing: u64) -> FacetResult {
    let distinct = counts.len();
    let mut counts: Vec<FacetCount> = counts
        .into_iter()
        .map(|(value, count)| FacetCount { value, count })
        .collect();
    match spec.kind {
        FacetKind::Terms { limit } => {
            counts.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
            counts.truncate(limit);
        }
        FacetKind::Date(_) => counts.sort_by(|a, b| a.value.cmp(&b.value)),
    }
    FacetResult {
        name: spec.name.clone(),
        counts,
        missing,
        distinct,
    }
}

impl SegmentCollector for FacetSegmentCollector {
    type Fruit = Counts;

    fn collect(&mut self, doc: DocId, _score: Score) {
        for facet in &mut self.facets {
            match facet {
                SegmentFacet::Terms {
                    column,
                    counts,
                    missing,
                } => {
                    let mut any = false;
                    if let Some(column) = column {
                        for ord in column.term_ords(doc) {
                            counts[ord as usize] += 1;
                            any = true;
                        }
                    }
                    if !any {
                        *missing += 1;
                    }
                }
                SegmentFacet::Date {
                    column,
                    counts,
                    missing,
                    ..
                } => match column.first(doc) {
                    Some(date) => *counts.entry(date.into_timestamp_secs()).or_default() += 1,
                    None => *missing += 1,
                },
            }
        }
    }

    fn harvest(self) -> Counts {
        self.facets
            .into_iter()
            .map(|facet| match facet {
                SegmentFacet::Terms {
                    column,
                    counts,
                    missing,
                } => {
                    let mut labelled = HashMap::new();
                    if let Some(column) = column {
                        // Resolve the counted ordinals in one sorted pass
                        // over the dictionary: looking each up alone costs a
                        // block decode (50 ms for 2,000 speakers).
                        let ords: Vec<u64> = (0..counts.len() as u64)
                            .filter(|&o| counts[o as usize] > 0)
                            .collect();
                        let mut next = ords.iter();
                        let _ = column.dictionary().sorted_ords_to_term_cb(&ords, |bytes| {
                            if let Some(&ord) = next.next() {
                                labelled.insert(
                                    String::from_utf8_lossy(bytes).into_owned(),
                                    counts[ord as usize],
                                );
                            }
                        });
                    }
                    (labelled, missing)
                }
                SegmentFacet::Date {
                    bucket,
                    counts,
                    missing,
                    ..
                } => {
                    let mut labelled: HashMap<String, u64> = HashMap::new();
                    for (seconds, count) in counts {
                        if let Some(day) = Day::from_unix_seconds(seconds) {
                            *labelled.entry(bucket.label(day)).or_default() += count;
                        }
                    }
                    (labelled, missing)
                }
            })
            .collect()
    }
}

/// Counts the children of one node of a path field (`place_path`): with
/// `path` empty the top level (continents), with `["Asia", "Syria"]` the
/// regions and places of Syria. Path parts match case-insensitively.
/// Returns the resolved path as stored and the counts, largest first.
pub fn drill(
    searcher: &tantivy::Searcher,
    query: &dyn tantivy::query::Query,
    path_field: &str,
    path: &[String],
    limit: usize,
) -> Result<(Vec<String>, Vec<FacetCount>), Error> {
    let mut resolved: Vec<String> = Vec::new();
    let children = |node: &[String]| -> Result<Vec<FacetCount>, Error> {
        let facet = tantivy::schema::Facet::from_path(node);
        let mut collector = tantivy::collector::FacetCollector::for_field(path_field);
        collector.add_facet(facet.clone());
        let counts = searcher.search(query, &collector)?;
        let mut values: Vec<FacetCount> = counts
            .get(facet)
            .map(|(child, count)| FacetCount {
                value: child.to_path().last().copied().unwrap_or("").to_string(),
                count,
            })
            .collect();
        values.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
        Ok(values)
    };
    for part in path {
        let level = children(&resolved)?;
        let Some(found) = level
            .iter()
            .find(|c| c.value.to_lowercase() == part.trim().to_lowercase())
        else {
            return Err(Error::UnknownPath {
                path: path.join("/"),
                part: part.clone(),
                known: level
                    .iter()
                    .take(12)
                    .map(|c| c.value.clone())
                    .collect::<Vec<_>>()
                    .join(", "),
            });
        };
        resolved.push(found.value.clone());
    }
    let mut values = children(&resolved)?;
    values.truncate(limit);
    Ok((resolved, values))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facet_specs_parse_against_the_schema() {
        let schema = NewsSchema::builtin();
        let spec = FacetSpec::parse(&schema, "date:year", 10).unwrap();
        assert_eq!(spec.kind, FacetKind::Date(DateBucket::Year));
        assert_eq!(
            FacetSpec::parse(&schema, "date", 10).unwrap().kind,
            FacetKind::Date(DateBucket::Month)
        );
        assert_eq!(
            FacetSpec::parse(&schema, "source", 5).unwrap().kind,
            FacetKind::Terms { limit: 5 }
        );
    }

    #[test]
    fn unknown_facets_name_the_known_ones() {
        let schema = NewsSchema::builtin();
        let err = FacetSpec::parse(&schema, "body", 10)
            .unwrap_err()
            .to_string();
        assert!(err.contains("unknown facet `body`"), "{err}");
        assert!(err.contains("source") && err.contains("date:year"), "{err}");
        assert!(FacetSpec::parse(&schema, "source:year", 10).is_err());
    }
}
