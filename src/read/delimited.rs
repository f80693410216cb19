//! CSV and TSV with a header row (`.csv`, `.tsv`): one article per row,
//! columns mapped by [`fields::role_of`] (`title,text,subject,date`;
//! `label,title,description`). Quoted fields may hold newlines and
//! delimiters; rows may be ragged.

use crate::article::Article;
use crate::read::fields::{Record, Role, role_of};
use crate::read::{MAX_ARTICLE_BYTES, Problem, ReadError, article_too_large, fit_record};

pub fn parse_delimited(
    text: &str,
    delimiter: u8,
    problems: &mut Vec<Problem>,
) -> Result<Vec<Article>, ReadError> {
    let mut articles = Vec::new();
    for_each_row(text.as_bytes(), delimiter, &mut |row| {
        match row {
            Ok(article) => articles.push(article),
            Err(problem) => problems.push(problem),
        }
        true
    })?;
    Ok(articles)
}

/// Reads rows from any reader (a file being streamed, a decompressor) and
/// hands each article, or the problem of its row, to `each`, which returns
/// false to stop. Fields that are not UTF-8 are read as Windows-1252. A row
/// over [`MAX_ARTICLE_BYTES`] is a problem, and is read past without being
/// held.
pub fn for_each_row(
    input: impl std::io::Read,
    delimiter: u8,
    each: &mut dyn FnMut(Result<Article, Problem>) -> bool,
) -> Result<(), ReadError> {
    for_each_row_within(input, delimiter, MAX_ARTICLE_BYTES, each)
}

fn for_each_row_within(
    input: impl std::io::Read,
    delimiter: u8,
    limit: u64,
    each: &mut dyn FnMut(Result<Article, Problem>) -> bool,
) -> Result<(), ReadError> {
    let format = if delimiter == b'\t' { "TSV" } else { "CSV" };
    let mut rows = Rows::new(input, delimiter, limit);
    let headers: Vec<String> = match rows.next() {
        Ok(Row::Fields { .. }) => rows.fields().map(field_text).collect(),
        Ok(Row::End) => Vec::new(),
        Ok(Row::TooLarge { size, .. }) => {
            return Err(ReadError::Syntax {
                format,
                reason: format!("a header row of {}", super::megabytes(size)),
            });
        }
        Err(e) => {
            return Err(ReadError::Syntax {
                format,
                reason: e.to_string(),
            });
        }
    };
    let has_text = headers
        .iter()
        .any(|h| matches!(role_of(h), Some(Role::Title | Role::Body { .. })));
    if !has_text {
        return Err(ReadError::NoTextColumn {
            format,
            headers: headers.join(", "),
        });
    }
    loop {
        let outcome = match rows.next() {
            Ok(Row::End) => break,
            Ok(Row::Fields { line }) => {
                let mut record = Record::default();
                for (name, value) in headers.iter().zip(rows.fields()) {
                    record.set(name, &field_text(value));
                }
                let at = format!("line {line}");
                match record.into_article() {
                    None => Err(Problem::new(at, "row has no title or text")),
                    Some(article) => match fit_record(article, &at) {
                        (Some(article), None) => Ok(article),
                        (None, Some(problem)) => Err(problem),
                        // Cut: the article, then the note of its cut.
                        (Some(article), Some(cut)) => {
                            if !each(Ok(article)) {
                                break;
                            }
                            Err(cut)
                        }
                        (None, None) => continue,
                    },
                }
            }
            Ok(Row::TooLarge { line, size }) => Err(Problem::new(
                format!("line {line}"),
                article_too_large("row", Some(size)),
            )),
            // A read error (a corrupt gzip stream) ends the file: what
            // follows cannot be trusted to start a row.
            Err(e) => {
                each(Err(Problem::new(
                    format!("line {}", rows.core.line()),
                    e.to_string(),
                )));
                break;
            }
        };
        if !each(outcome) {
            break;
        }
    }
    Ok(())
}

/// The most fields of a row told apart (see [`Rows::next`]).
const MAX_FIELDS: usize = 4096;

/// What [`Rows::next`] found.
enum Row {
    End,
    /// A row starting at `line`, its fields in [`Rows::fields`].
    Fields {
        line: u64,
    },
    /// A row over the limit, read past: where it starts and its size.
    TooLarge {
        line: u64,
        size: u64,
    },
}

/// Rows read by csv-core (the parser under the csv crate, so quoting,
/// doubled quotes, blank lines and ragged rows read as they always have),
/// with a limit on a row's bytes that csv's own reader does not have.
struct Rows<R> {
    core: csv_core::Reader,
    input: std::io::BufReader<R>,
    limit: u64,
    /// The current row's fields, end to end; `ends` says where each ends.
    data: Vec<u8>,
    ends: Vec<usize>,
    count: usize,
}

impl<R: std::io::Read> Rows<R> {
    fn new(input: R, delimiter: u8, limit: u64) -> Rows<R> {
        Rows {
            core: csv_core::ReaderBuilder::new().delimiter(delimiter).build(),
            input: std::io::BufReader::with_capacity(64 * 1024, input),
            limit,
            data: vec![0; 4096],
            ends: vec![0; 64],
            count: 0,
        }
    }

    fn next(&mut self) -> std::io::Result<Row> {
        use csv_core::ReadRecordResult as Result;
        use std::io::BufRead;
        let line = self.core.line();
        let (mut written, mut ended, mut size) = (0, 0, 0u64);
        loop {
            let input = self.input.fill_buf()?;
            let (result, read, wrote, ends) =
                self.core
                    .read_record(input, &mut self.data[written..], &mut self.ends[ended..]);
            self.input.consume(read);
            size += read as u64;
            written += wrote;
            ended += ends;
            // Over the limit, the row is read on into the same buffers
            // from their start: nothing more of it is kept.
            let over = size > self.limit;
            if over {
                written = 0;
                ended = 0;
            }
            match result {
                Result::InputEmpty => {}
                Result::OutputFull if !over => self.data.resize(self.data.len() * 2, 0),
                Result::OutputEndsFull if over => {}
                Result::OutputEndsFull if self.ends.len() < MAX_FIELDS => {
                    self.ends.resize(self.ends.len() * 2, 0);
                }
                // Fields past the last kept end run together into it: no
                // table of news has that many columns, and the ends of a
                // row of millions of empty fields would take 8 bytes each.
                Result::OutputEndsFull => ended = MAX_FIELDS - 1,
                Result::OutputFull => {}
                Result::Record if over => return Ok(Row::TooLarge { line, size }),
                Result::Record => {
                    self.count = ended;
                    return Ok(Row::Fields { line });
                }
                Result::End => return Ok(Row::End),
            }
        }
    }

    /// The fields of the row [`Rows::next`] last found.
    fn fields(&self) -> impl Iterator<Item = &[u8]> {
        let mut start = 0;
        self.ends[..self.count].iter().map(move |&end| {
            let field = &self.data[start..end];
            start = end;
            field
        })
    }
}

fn field_text(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_become_articles_with_quoted_newlines() {
        let text = "title,text,subject,date\n\"Budget, again\",\"WASHINGTON (Reuters) - Line one.\nLine two.\",politics,\"December 31, 2017 \"\nShort,Body,x,\n";
        let mut problems = Vec::new();
        let articles = parse_delimited(text, b',', &mut problems).unwrap();
        assert_eq!(articles.len(), 2);
        assert_eq!(articles[0].title.as_deref(), Some("Budget, again"));
        assert!(articles[0].body.contains("Line two."));
        assert_eq!(articles[0].date.unwrap().to_string(), "2017-12-31");
        assert!(problems.is_empty());
    }

    #[test]
    fn ragged_and_unterminated_rows_do_not_stop_the_file() {
        let text =
            "label\ttitle\tdescription\n3\tA\tFirst body\textra\n4\tB\n5\t\"C\tunterminated body\n";
        let mut problems = Vec::new();
        let articles = parse_delimited(text, b'\t', &mut problems).unwrap();
        assert!(articles.len() >= 2, "{articles:?}");
        assert_eq!(articles[0].body, "First body");
    }

    fn rows_within(text: &str, limit: u64) -> (Vec<String>, Vec<Problem>) {
        let mut titles = Vec::new();
        let mut problems = Vec::new();
        for_each_row_within(text.as_bytes(), b',', limit, &mut |row| {
            match row {
                Ok(article) => titles.push(article.title.unwrap_or_default()),
                Err(problem) => problems.push(problem),
            }
            true
        })
        .unwrap();
        (titles, problems)
    }

    #[test]
    fn a_row_over_the_limit_is_reported_and_the_rows_after_it_read() {
        // The long row is quoted across lines: it ends where its quote does,
        // not at the first line end.
        let long = "x ".repeat(200);
        let text =
            format!("title,text\nA,a\nBig,\"{long}\n{long}\"\nC,\"c, with a comma\"\n\nD,d\n");
        let (titles, problems) = rows_within(&text, 100);
        assert_eq!(titles, ["A", "C", "D"]);
        assert_eq!(
            problems,
            [Problem::new(
                "line 3",
                "row of 0.1 MB is over newsdex's 16 MB limit for one article"
            )]
        );
        // Within the limit, the same rows all read, and read as csv reads them.
        let (titles, problems) = rows_within(&text, 10_000);
        assert_eq!(titles, ["A", "Big", "C", "D"]);
        assert!(problems.is_empty());
    }

    #[test]
    fn a_row_of_many_empty_fields_keeps_its_first_ones() {
        let text = format!("title,text\nA,a{}\nB,b\n", ",".repeat(100_000));
        let (titles, problems) = rows_within(&text, 1_000_000);
        assert_eq!(titles, ["A", "B"]);
        assert!(problems.is_empty());
    }

    #[test]
    fn a_table_without_text_columns_is_refused_with_its_headers() {
        let err =
            parse_delimited("word\tlemma\tpos\na\tb\tc\n", b'\t', &mut Vec::new()).unwrap_err();
        assert!(err.to_string().contains("word, lemma, pos"), "{err}");
    }
}
