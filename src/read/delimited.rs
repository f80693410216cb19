//! CSV and TSV with a header row (`.csv`, `.tsv`): one article per row,
//! columns mapped by [`fields::role_of`] (`title,text,subject,date`;
//! `label,title,description`). Quoted fields may hold newlines and
//! delimiters; rows may be ragged.

use crate::article::Article;
use crate::read::fields::{Record, Role, role_of};
use crate::read::{Problem, ReadError};

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
/// false to stop. Fields that are not UTF-8 are read as Windows-1252.
pub fn for_each_row(
    input: impl std::io::Read,
    delimiter: u8,
    each: &mut dyn FnMut(Result<Article, Problem>) -> bool,
) -> Result<(), ReadError> {
    let format = if delimiter == b'\t' { "TSV" } else { "CSV" };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(true)
        .from_reader(input);
    let headers: Vec<String> = reader
        .byte_headers()
        .map_err(|e| ReadError::Syntax {
            format,
            reason: e.to_string(),
        })?
        .iter()
        .map(field_text)
        .collect();
    let has_text = headers
        .iter()
        .any(|h| matches!(role_of(h), Some(Role::Title | Role::Body { .. })));
    if !has_text {
        return Err(ReadError::NoTextColumn {
            format,
            headers: headers.join(", "),
        });
    }
    for row in reader.byte_records() {
        let outcome = match row {
            Ok(row) => {
                let mut record = Record::default();
                for (name, value) in headers.iter().zip(row.iter()) {
                    record.set(name, &field_text(value));
                }
                record.into_article().ok_or_else(|| {
                    let line = row.position().map_or(0, |p| p.line());
                    Problem::new(format!("line {line}"), "row has no title or text")
                })
            }
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                Err(Problem::new(format!("line {line}"), e.to_string()))
            }
        };
        if !each(outcome) {
            break;
        }
    }
    Ok(())
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

    #[test]
    fn a_table_without_text_columns_is_refused_with_its_headers() {
        let err =
            parse_delimited("word\tlemma\tpos\na\tb\tc\n", b'\t', &mut Vec::new()).unwrap_err();
        assert!(err.to_string().contains("word, lemma, pos"), "{err}");
    }
}
