//! Every article matching a query, streamed out with its fields: NDJSON for
//! programs, CSV for pandas and R (`pd.read_csv`, `read.csv` with no
//! options: a header row, RFC 4180 quoting, UTF-8, several values of one
//! field joined with "; "). Beside the schema's fields, `quotes` gives each
//! quote with its speaker, role and kind (`direct`: word for word or
//! reported), a JSON array in either format.
//!
//! Matches are walked segment by segment in index order and each stored
//! document is written as soon as it is read, so an export of a whole
//! corpus needs no more memory than one article.

use std::io::Write;

use crate::error::{Error, Result};
use crate::index::schema::SchemaField;
use crate::search::quotes::shown_quotes;
use crate::search::{NewsSearcher, query};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    NdJson,
    Csv,
}

/// What `newsdex export` asks.
#[derive(Debug, Clone)]
pub struct ExportRequest {
    /// The query, filters already applied.
    pub query: String,
    pub format: ExportFormat,
    /// Fields to write, in order; empty for every shown field.
    pub fields: Vec<String>,
}

/// The column that gives each quote with its speaker, role and kind
/// (`direct`), beside the schema's fields; `show` gives it too.
pub const QUOTES: &str = "quotes";

/// One column of an export: a field of the schema, or the quotes.
#[derive(Clone, Copy)]
enum Column<'a> {
    Field(&'a SchemaField),
    Quotes,
}

impl Column<'_> {
    fn name(&self) -> &str {
        match self {
            Column::Field(f) => &f.spec.name,
            Column::Quotes => QUOTES,
        }
    }
}

impl NewsSearcher {
    /// Writes every match; returns how many articles were written.
    pub fn export(&self, request: &ExportRequest, out: &mut dyn Write) -> Result<u64> {
        let schema = &self.index.schema;
        let quote = schema.name(schema.core.quote);
        // Every shown field in schema order, the quotes after the quote texts.
        let mut shown: Vec<Column> = Vec::new();
        for f in schema.shown_fields() {
            shown.push(Column::Field(f));
            if f.spec.name == quote {
                shown.push(Column::Quotes);
            }
        }
        if !shown.iter().any(|c| matches!(c, Column::Quotes)) {
            shown.push(Column::Quotes);
        }
        let columns: Vec<Column> = if request.fields.is_empty() {
            shown.clone()
        } else {
            request
                .fields
                .iter()
                .map(|name| {
                    shown
                        .iter()
                        .find(|c| c.name() == name.trim())
                        .copied()
                        .ok_or_else(|| Error::UnknownField {
                            name: name.clone(),
                            known: shown
                                .iter()
                                .map(|c| c.name().to_string())
                                .collect::<Vec<_>>()
                                .join(", "),
                        })
                })
                .collect::<Result<_>>()?
        };
        let parsed = query::parse(schema, &self.index.index, &request.query)?;
        let mut sink = match request.format {
            ExportFormat::Csv => {
                let mut writer = csv::WriterBuilder::new().from_writer(out);
                writer
                    .write_record(columns.iter().map(Column::name))
                    .map_err(csv_error)?;
                Sink::Csv(Box::new(writer))
            }
            ExportFormat::NdJson => Sink::Json(out),
        };
        let quotes_of = |stored: &tantivy::TantivyDocument| -> Vec<serde_json::Value> {
            shown_quotes(schema, stored)
                .iter()
                .map(|q| serde_json::to_value(q).unwrap_or_default())
                .collect()
        };
        let mut written = 0;
        self.for_each_match(&*parsed.query, &mut |stored| {
            match &mut sink {
                Sink::Csv(csv) => {
                    let row = columns.iter().map(|c| match c {
                        Column::Field(f) => schema
                            .stored_values(&stored, f.field)
                            .iter()
                            .map(cell)
                            .collect::<Vec<_>>()
                            .join("; "),
                        // A JSON array: a quote's text may hold "; ".
                        Column::Quotes => serde_json::Value::Array(quotes_of(&stored)).to_string(),
                    });
                    csv.write_record(row).map_err(csv_error)?;
                }
                Sink::Json(out) => {
                    let mut object = serde_json::Map::new();
                    for c in &columns {
                        let value = match c {
                            Column::Field(f) => {
                                let values = schema.stored_values(&stored, f.field);
                                if f.spec.multi {
                                    serde_json::Value::Array(values)
                                } else {
                                    values.into_iter().next().unwrap_or(serde_json::Value::Null)
                                }
                            }
                            Column::Quotes => serde_json::Value::Array(quotes_of(&stored)),
                        };
                        object.insert(c.name().to_string(), value);
                    }
                    serde_json::to_writer(&mut *out, &object).map_err(|e| io_error(e.into()))?;
                    out.write_all(b"\n").map_err(io_error)?;
                }
            }
            written += 1;
            Ok(true)
        })?;
        if let Sink::Csv(mut csv) = sink {
            csv.flush().map_err(io_error)?;
        }
        Ok(written)
    }
}

/// Where rows go.
enum Sink<'a> {
    Csv(Box<csv::Writer<&'a mut dyn Write>>),
    Json(&'a mut dyn Write),
}

fn cell(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => String::new(),
        other => other.to_string(),
    }
}

fn csv_error(e: csv::Error) -> Error {
    match e.into_kind() {
        csv::ErrorKind::Io(io) => io_error(io),
        other => io_error(std::io::Error::other(format!("{other:?}"))),
    }
}

fn io_error(e: std::io::Error) -> Error {
    Error::Output(e)
}
