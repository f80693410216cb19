//! The query language: tantivy's query grammar, adapted to news.
//!
//! The user's text is parsed into tantivy's syntax tree, rewritten, then
//! handed to tantivy's `QueryParser`:
//! - `word*` is answered by the field's unstemmed companion (`body_words`),
//!   because a stemmed index cannot do it: "presiden*" must find "president",
//!   whose stem is "presid";
//! - plain dates work on date fields: `date:2016-11-23`, `date:2016-11`,
//!   `date:2016`, `date:[2016-11-01 TO 2016-12-01]`, `date:>=2016-11-01`;
//! - terms are joined with AND unless OR says otherwise.
//!
//! The same walk collects what to highlight in snippets, leaving out terms
//! under NOT.

use std::fmt;

use serde::Serialize;
use tantivy::Index;
use tantivy::query::{AllQuery, Query, QueryParser, QueryParserError};
use tantivy::query_grammar::{
    self, Delimiter, Occur, UserInputAst, UserInputBound, UserInputLeaf, UserInputLiteral,
};

use crate::extract::dates::Day;
use crate::index::schema::{FieldType, NewsSchema};
use crate::index::tokenizers;

/// A query that could not be understood.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QueryError {
    pub query: String,
    /// Character position of the problem, when known.
    pub position: Option<usize>,
    pub message: String,
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid query: {}", self.message)?;
        if let Some(position) = self.position {
            write!(f, "\n  {}\n  {}^", self.query, " ".repeat(position))?;
        }
        Ok(())
    }
}

impl std::error::Error for QueryError {}

/// What to highlight: stemmed terms, unstemmed prefixes, and phrases.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Highlights {
    /// Stems of single query words.
    pub terms: Vec<String>,
    /// Lower-cased, accent-folded prefixes from `word*`.
    pub prefixes: Vec<String>,
    /// Stem sequences of exact phrases.
    pub phrases: Vec<Vec<String>>,
}

/// A parsed query, ready to run.
pub struct ParsedQuery {
    pub query: Box<dyn Query>,
    pub highlights: Highlights,
    /// The syntax tree after the rewrites (prefixes, dates, `speaker:`);
    /// none for `*`. Other engines are queried from it.
    pub ast: Option<UserInputAst>,
}

/// Parses `text` against the index's schema; terms that name no field
/// search the schema's default fields (title and body).
pub fn parse(schema: &NewsSchema, index: &Index, text: &str) -> Result<ParsedQuery, QueryError> {
    let defaults: Vec<&str> = schema
        .default_search_fields()
        .map(|f| f.spec.name.as_str())
        .collect();
    parse_in(schema, index, text, &defaults)
}

/// Like [`parse`], with terms that name no field searching `defaults`
/// (`newsdex quotes` searches the `quote` field).
pub fn parse_in(
    schema: &NewsSchema,
    index: &Index,
    text: &str,
    defaults: &[&str],
) -> Result<ParsedQuery, QueryError> {
    let error = |position: Option<usize>, message: String| QueryError {
        query: text.to_string(),
        position,
        message,
    };
    if text.trim().is_empty() {
        return Err(error(
            None,
            "the query is empty; use `*` to match every article".into(),
        ));
    }
    if text.trim() == "*" {
        return Ok(ParsedQuery {
            query: Box::new(AllQuery),
            highlights: Highlights::default(),
            ast: None,
        });
    }
    let ast = match query_grammar::parse_query(text) {
        Ok(ast) => ast,
        Err(_) => {
            let (_, errors) = query_grammar::parse_query_lenient(text);
            return Err(match errors.into_iter().next() {
                Some(e) => error(
                    Some(text[..e.pos.min(text.len())].chars().count()),
                    e.message.to_lowercase(),
                ),
                None => error(None, "syntax error".into()),
            });
        }
    };
    let mut highlights = Highlights::default();
    collect_highlights(schema, &ast, false, &mut highlights);
    let ast = rewrite(schema, defaults, ast).map_err(|message| error(None, message))?;

    let default_fields = defaults
        .iter()
        .filter_map(|name| schema.get(name))
        .collect::<Vec<_>>();
    let mut parser =
        QueryParser::for_index(index, default_fields.iter().map(|f| f.field).collect());
    parser.set_conjunction_by_default();
    parser.allow_regexes();
    for f in &default_fields {
        if let Some(boost) = f.spec.boost {
            parser.set_field_boost(f.field, boost);
        }
    }
    let query = parser
        .build_query_from_user_input_ast(ast.clone())
        .map_err(|e| error(None, describe(schema, e)))?;
    Ok(ParsedQuery {
        query,
        highlights,
        ast: Some(ast),
    })
}

/// Rewrites prefixes and dates (see the module notes).
fn rewrite(
    schema: &NewsSchema,
    defaults: &[&str],
    ast: UserInputAst,
) -> Result<UserInputAst, String> {
    Ok(match ast {
        UserInputAst::Clause(clauses) => UserInputAst::Clause(
            clauses
                .into_iter()
                .map(|(occur, sub)| rewrite(schema, defaults, sub).map(|sub| (occur, sub)))
                .collect::<Result<_, _>>()?,
        ),
        UserInputAst::Boost(sub, boost) => {
            UserInputAst::Boost(Box::new(rewrite(schema, defaults, *sub)?), boost)
        }
        UserInputAst::Leaf(leaf) => rewrite_leaf(schema, defaults, *leaf)?,
    })
}

fn rewrite_leaf(
    schema: &NewsSchema,
    defaults: &[&str],
    leaf: UserInputLeaf,
) -> Result<UserInputAst, String> {
    match leaf {
        UserInputLeaf::Literal(literal) if prefix_of(&literal).is_some() => {
            // One word form, matched by an automaton over the unstemmed term
            // dictionary: unlike tantivy's phrase-prefix query it has no cap
            // of 50 expansions, so `pres*` finds every word it should.
            let prefix = prefix_of(&literal).unwrap_or_default();
            let words = tokenizers::tokens(&mut tokenizers::words(), prefix);
            let [word] = words.as_slice() else {
                return Ok(leaf_ast(UserInputLeaf::Literal(literal)));
            };
            let fields: Vec<String> = match &literal.field_name {
                Some(name) => vec![name.clone()],
                None => defaults.iter().map(|f| f.to_string()).collect(),
            };
            let leaves = fields
                .into_iter()
                .map(|name| {
                    let target = schema.prefix_field_of(&name).map_or(name, str::to_owned);
                    leaf_ast(UserInputLeaf::Regex {
                        field: Some(target),
                        pattern: format!("{}.*", escape_regex(&word.text)),
                    })
                })
                .collect();
            Ok(UserInputAst::or(leaves))
        }
        UserInputLeaf::Literal(literal) if is_date_field(schema, literal.field_name.as_deref()) => {
            let (first, last) = parse_period(&literal.phrase)?;
            Ok(leaf_ast(UserInputLeaf::Range {
                field: literal.field_name,
                lower: UserInputBound::Inclusive(rfc3339(first)),
                upper: UserInputBound::Inclusive(rfc3339(last)),
            }))
        }
        UserInputLeaf::Range {
            field: Some(field),
            lower: UserInputBound::Unbounded,
            upper: UserInputBound::Unbounded,
        } if is_date_field(schema, Some(&field)) => {
            // `date:[* TO *]`: articles that have a date at all.
            Ok(leaf_ast(UserInputLeaf::Exists { field }))
        }
        UserInputLeaf::Range {
            field,
            lower,
            upper,
        } if is_date_field(schema, field.as_deref()) => Ok(leaf_ast(UserInputLeaf::Range {
            field,
            lower: date_bound(lower, true)?,
            upper: date_bound(upper, false)?,
        })),
        // `speaker:Ayrault`: string fields with a words companion match any
        // part of a value there ("Jean-Marc Ayrault").
        UserInputLeaf::Literal(literal)
            if literal
                .field_name
                .as_deref()
                .and_then(|f| schema.words_field_of(f))
                .is_some() =>
        {
            let target = literal
                .field_name
                .as_deref()
                .and_then(|f| schema.words_field_of(f))
                .map(str::to_owned);
            Ok(leaf_ast(UserInputLeaf::Literal(UserInputLiteral {
                field_name: target,
                ..literal
            })))
        }
        other => Ok(leaf_ast(other)),
    }
}

/// Escapes the characters the regex syntax of tantivy-fst treats specially.
fn escape_regex(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\.+*?()|[]{}^$#&-~\"<>@".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn leaf_ast(leaf: UserInputLeaf) -> UserInputAst {
    UserInputAst::Leaf(Box::new(leaf))
}

/// The prefix a literal asks for: `word*`, or the one-word phrase `"word"*`.
/// (tantivy's grammar keeps the `*` of an unquoted word in its text and only
/// flags quoted phrases as prefixes; `word\*` is a literal star.)
fn prefix_of(literal: &UserInputLiteral) -> Option<&str> {
    match literal.delimiter {
        Delimiter::None => literal
            .phrase
            .strip_suffix('*')
            .filter(|p| !p.is_empty() && !p.ends_with('\\')),
        _ if literal.prefix && !literal.phrase.trim().contains(char::is_whitespace) => {
            Some(literal.phrase.trim())
        }
        _ => None,
    }
}

fn is_date_field(schema: &NewsSchema, name: Option<&str>) -> bool {
    name.and_then(|n| schema.get(n))
        .is_some_and(|f| f.spec.kind == FieldType::Date)
}

/// The first and last day of `2016`, `2016-11` or `2016-11-23`; an RFC 3339
/// timestamp is passed through as one instant.
fn parse_period(text: &str) -> Result<(Day, Day), String> {
    let bad =
        || format!("`{text}` is not a date; write YYYY-MM-DD, YYYY-MM or YYYY (e.g. 2016-11-23)");
    let parts: Vec<&str> = text.split('-').collect();
    let number = |s: &str, len: usize| -> Result<u32, String> {
        if s.len() == len && s.chars().all(|c| c.is_ascii_digit()) {
            s.parse().map_err(|_| bad())
        } else {
            Err(bad())
        }
    };
    match parts.as_slice() {
        [y] => {
            let y = number(y, 4)? as i32;
            Ok((
                Day::new(y, 1, 1).ok_or_else(bad)?,
                Day::new(y, 12, 31).ok_or_else(bad)?,
            ))
        }
        [y, m] => {
            let (y, m) = (number(y, 4)? as i32, number(m, 2)? as u8);
            let first = Day::new(y, m, 1).ok_or_else(bad)?;
            let last = (28..=31)
                .rev()
                .find_map(|d| Day::new(y, m, d))
                .ok_or_else(bad)?;
            Ok((first, last))
        }
        [_, _, _] => {
            let day = Day::parse_iso(text.get(..10).unwrap_or(text)).ok_or_else(bad)?;
            Ok((day, day))
        }
        _ => Err(bad()),
    }
}

fn date_bound(bound: UserInputBound, lower: bool) -> Result<UserInputBound, String> {
    let convert = |text: String, inclusive: bool| -> Result<UserInputBound, String> {
        if text.contains('T') {
            return Ok(if inclusive {
                UserInputBound::Inclusive(text)
            } else {
                UserInputBound::Exclusive(text)
            });
        }
        let (first, last) = parse_period(&text)?;
        // An inclusive bound takes in the whole period it names; an exclusive
        // one leaves it out whole: `{2016-11 TO *]` starts in December.
        Ok(match (lower, inclusive) {
            (true, true) => UserInputBound::Inclusive(rfc3339(first)),
            (true, false) => UserInputBound::Exclusive(rfc3339(last)),
            (false, true) => UserInputBound::Inclusive(rfc3339(last)),
            (false, false) => UserInputBound::Exclusive(rfc3339(first)),
        })
    };
    match bound {
        UserInputBound::Inclusive(text) if text != "*" => convert(text, true),
        UserInputBound::Exclusive(text) if text != "*" => convert(text, false),
        _ => Ok(UserInputBound::Unbounded),
    }
}

fn rfc3339(day: Day) -> String {
    format!("{day}T00:00:00Z")
}

/// Collects highlight terms from every leaf not under NOT.
fn collect_highlights(
    schema: &NewsSchema,
    ast: &UserInputAst,
    negated: bool,
    out: &mut Highlights,
) {
    match ast {
        UserInputAst::Clause(clauses) => {
            for (occur, sub) in clauses {
                let negated = negated || *occur == Some(Occur::MustNot);
                collect_highlights(schema, sub, negated, out);
            }
        }
        UserInputAst::Boost(sub, _) => collect_highlights(schema, sub, negated, out),
        UserInputAst::Leaf(leaf) => {
            let UserInputLeaf::Literal(literal) = leaf.as_ref() else {
                return;
            };
            if negated || !highlights_text(schema, literal.field_name.as_deref()) {
                return;
            }
            if let Some(prefix) = prefix_of(literal) {
                let mut analyzer = tokenizers::words();
                out.prefixes.extend(
                    tokenizers::tokens(&mut analyzer, prefix)
                        .into_iter()
                        .map(|t| t.text),
                );
                return;
            }
            let mut analyzer = tokenizers::stemmed();
            let stems: Vec<String> = tokenizers::tokens(&mut analyzer, &literal.phrase)
                .into_iter()
                .map(|t| t.text)
                .collect();
            if stems.len() > 1 && literal.slop == 0 {
                out.phrases.push(stems);
            } else {
                out.terms.extend(stems);
            }
        }
    }
}

/// Quotes `value` for use as a phrase in a query: `speaker:"…"`.
pub fn phrase(value: &str) -> String {
    format!("\"{}\"", value.replace(['"', '\\'], " "))
}

/// Whether matches in this field show in snippets: text fields (title,
/// body, quotes and their unstemmed companions), not names of speakers.
fn highlights_text(schema: &NewsSchema, field: Option<&str>) -> bool {
    match field {
        None => true,
        Some(name) => schema.get(name).is_some_and(|f| {
            let copies_a_string = f
                .spec
                .copy_of
                .as_ref()
                .and_then(|c| schema.get(c))
                .is_some_and(|c| c.spec.kind != FieldType::Text);
            f.spec.kind == FieldType::Text && !copies_a_string
        }),
    }
}

/// Turns tantivy's parser errors into messages that name the fix.
fn describe(schema: &NewsSchema, error: QueryParserError) -> String {
    let fields = || {
        schema
            .queryable_fields()
            .map(|f| f.spec.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    match error {
        QueryParserError::FieldDoesNotExist(name) => {
            format!(
                "unknown field `{name}`; fields you can search: {}",
                fields()
            )
        }
        QueryParserError::FieldNotIndexed(name) => {
            format!(
                "field `{name}` is not searchable; fields you can search: {}",
                fields()
            )
        }
        QueryParserError::FieldDoesNotHavePositionsIndexed(name) => {
            format!("field `{name}` does not support phrase queries")
        }
        QueryParserError::DateFormatError(_) => {
            "dates are written YYYY-MM-DD, e.g. date:[2016-11-01 TO 2016-12-01]".to_string()
        }
        QueryParserError::RangeMustNotHavePhrase => "a range cannot contain a phrase".to_string(),
        QueryParserError::PhrasePrefixRequiresAtLeastTwoTerms { phrase, .. } => {
            format!("`\"{phrase}\"*` needs at least two words; for one word write {phrase}*")
        }
        QueryParserError::UnknownTokenizer { field, tokenizer } => {
            format!("field `{field}` uses an unknown tokenizer `{tokenizer}`")
        }
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> (NewsSchema, Index) {
        let schema = NewsSchema::builtin();
        let index = Index::create_in_ram(schema.tantivy.clone());
        tokenizers::register(&index);
        (schema, index)
    }

    fn parse_err(text: &str) -> QueryError {
        let (schema, index) = index();
        parse(&schema, &index, text).err().expect("an error")
    }

    #[test]
    fn syntax_errors_point_at_the_problem() {
        let err = parse_err("title:(aleppo");
        assert!(err.position.is_some(), "{err:?}");
        assert!(err.to_string().contains('^'));
    }

    #[test]
    fn unknown_fields_list_the_known_ones() {
        let err = parse_err("colour:red");
        assert!(
            err.message.contains("unknown field `colour`"),
            "{}",
            err.message
        );
        assert!(err.message.contains("title"), "{}", err.message);
    }

    #[test]
    fn bad_dates_say_how_to_write_them() {
        let err = parse_err("date:[yesterday TO 2016-12-01]");
        assert!(err.message.contains("YYYY-MM-DD"), "{}", err.message);
    }

    #[test]
    fn periods_cover_whole_years_months_and_days() {
        let show = |s| parse_period(s).map(|(a, b)| format!("{a}..{b}"));
        assert_eq!(show("2016").unwrap(), "2016-01-01..2016-12-31");
        assert_eq!(show("2016-02").unwrap(), "2016-02-01..2016-02-29");
        assert_eq!(show("2016-11-23").unwrap(), "2016-11-23..2016-11-23");
        assert!(show("16-11").is_err());
    }

    #[test]
    fn highlights_skip_negated_terms_and_keep_phrases() {
        let (schema, index) = index();
        let parsed = parse(
            &schema,
            &index,
            "\"Ministers of Defense\" presiden* -aleppo",
        )
        .unwrap();
        assert_eq!(parsed.highlights.phrases, [["minist", "of", "defens"]]);
        assert_eq!(parsed.highlights.prefixes, ["presiden"]);
        assert!(parsed.highlights.terms.is_empty());
    }

    #[test]
    fn empty_query_is_an_error_that_suggests_star() {
        assert!(parse_err("  ").message.contains('*'));
    }
}
