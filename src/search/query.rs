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

/// Deepest nesting a query may have: groups in parentheses inside one
/// another, and NOTs applied to NOTs. tantivy's grammar parses nesting by
/// recursion, so 10,000 `(` overflowed the stack, an abort that no error
/// handler can catch; the parser and the rewrites below recurse once more
/// per level. Written queries nest two or three deep; 32 leaves room for
/// generated ones and stays far from any stack (a `serve` thread's is 2 MB).
pub const MAX_QUERY_DEPTH: usize = 32;

/// Most words a query may have (phrases count each of their words).
/// Each word is a term to look up, each prefix (`word*`) an automaton run
/// over the dictionary: 20,000 prefixes took 30 s and 4.2 GB on
/// Reuters-21578, 1,000 take 1.5 s and 210 MB. 1,024 is also Lucene's cap
/// on the clauses of a query.
pub const MAX_QUERY_TERMS: usize = 1_024;

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
            // A long query is shown around the problem, on one line.
            const BEFORE: usize = 40;
            const AFTER: usize = 30;
            let chars: Vec<char> = self.query.chars().collect();
            let from = position.saturating_sub(BEFORE);
            let to = (position + AFTER).min(chars.len());
            let mut shown: String = chars[from.min(to)..to].iter().collect();
            let mut caret = position - from;
            if from > 0 {
                shown.insert(0, '…');
                caret += 1;
            }
            if to < chars.len() {
                shown.push('…');
            }
            write!(f, "\n  {shown}\n  {}^", " ".repeat(caret))?;
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
    if let Some(position) = too_deep(text) {
        return Err(error(
            Some(position),
            format!(
                "the query nests deeper than {MAX_QUERY_DEPTH} levels (groups in parentheses \
                 or NOT inside one another) here"
            ),
        ));
    }
    let words = text
        .split_whitespace()
        .filter(|w| !matches!(*w, "AND" | "OR" | "NOT"))
        .count();
    if words > MAX_QUERY_TERMS {
        return Err(error(
            None,
            format!(
                "the query has {words} words; at most {MAX_QUERY_TERMS} can be searched at once"
            ),
        ));
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

/// Where `text` nests deeper than [`MAX_QUERY_DEPTH`], as a character
/// position: the `(` or the `NOT` one level too deep. Follows tantivy's
/// grammar only as far as nesting goes: a closed quoted phrase (`"…"`,
/// `'…'`) holds no groups, a backslash escapes the next character, and a
/// NOT's level ends with the term or group it applies to. Where it cannot
/// be sure (a regex, whose text tantivy may read again as a query when it
/// is no regex after all) it counts the parentheses: it may refuse a query
/// tantivy would take, never pass one nested deeper.
fn too_deep(text: &str) -> Option<usize> {
    let chars: Vec<char> = text.chars().collect();
    let mut levels: Vec<Level> = Vec::new();
    // The word being read and the position of its first character.
    let mut word = String::new();
    let mut word_start = 0;
    let mut at = 0;
    while at < chars.len() {
        let c = chars[at];
        let field_value = word.ends_with(':');
        let phrase = c == '"' || (c == '\'' && (word.is_empty() || field_value));
        if c == '\\' {
            if word.is_empty() {
                word_start = at;
            }
            word.push(c);
            word.extend(chars.get(at + 1));
            at += 2;
            continue;
        }
        if phrase && let Some(close) = closing(&chars, at + 1, c) {
            if field_value {
                word.clear();
            } else if end_word(&mut word, &mut levels) {
                return Some(word_start);
            }
            leaf_done(&mut levels);
            at = close + 1;
            continue;
        }
        if c.is_whitespace() || c == '(' || c == ')' {
            if end_word(&mut word, &mut levels) {
                return Some(word_start);
            }
            if c == '(' {
                levels.push(Level::Group);
                if levels.len() > MAX_QUERY_DEPTH {
                    return Some(at);
                }
            } else if c == ')' {
                // NOTs left open inside the group end with it.
                leaf_done(&mut levels);
                levels.pop();
                leaf_done(&mut levels);
            }
        } else {
            if word.is_empty() {
                word_start = at;
            }
            word.push(c);
        }
        at += 1;
    }
    None
}

/// A level of nesting, for [`too_deep`].
#[derive(PartialEq)]
enum Level {
    Group,
    Not,
}

/// A term or group ended: the NOTs applied to it end with it.
fn leaf_done(levels: &mut Vec<Level>) {
    while levels.last() == Some(&Level::Not) {
        levels.pop();
    }
}

/// Ends the word being read; true when it is a NOT one level too deep.
fn end_word(word: &mut String, levels: &mut Vec<Level>) -> bool {
    let ended = std::mem::take(word);
    match ended.as_str() {
        "" | "AND" | "OR" => false,
        "NOT" => {
            levels.push(Level::Not);
            levels.len() > MAX_QUERY_DEPTH
        }
        // A field name before its value, or an occur sign before a term or
        // a group: no term yet.
        w if w.ends_with(':') || w.chars().all(|c| c == '+' || c == '-') => false,
        _ => {
            leaf_done(levels);
            false
        }
    }
}

/// The position of the `quote` that closes a phrase opened before `from`,
/// skipping escaped characters; none when the phrase is left open.
fn closing(chars: &[char], from: usize, quote: char) -> Option<usize> {
    let mut at = from;
    while at < chars.len() {
        match chars[at] {
            '\\' => at += 2,
            c if c == quote => return Some(at),
            _ => at += 1,
        }
    }
    None
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
            let place = literal.field_name.as_deref() == Some(PLACE_FIELD);
            let target = literal
                .field_name
                .as_deref()
                .and_then(|f| schema.words_field_of(f))
                .map(str::to_owned);
            let today = place.then(|| place_named_today(&literal.phrase)).flatten();
            let asked = leaf_ast(UserInputLeaf::Literal(UserInputLiteral {
                field_name: target.clone(),
                ..literal.clone()
            }));
            Ok(match today {
                // `place:USSR`, `place:Burma`: also the place as the index
                // names it ("Soviet Union", "Myanmar").
                Some(name) => UserInputAst::or(vec![
                    asked,
                    leaf_ast(UserInputLeaf::Literal(UserInputLiteral {
                        field_name: target,
                        phrase: name,
                        ..literal
                    })),
                ]),
                None => asked,
            })
        }
        other => Ok(leaf_ast(other)),
    }
}

/// Escapes the characters the regex syntax of tantivy-fst treats specially.
/// The field whose values are places of the gazetteer.
const PLACE_FIELD: &str = "place";

/// The name the index gives the country or area that `asked` is another
/// name of (`USSR` → `Soviet Union`, `Burma` → `Myanmar`, `Zaire` →
/// `Democratic Republic of the Congo`); None when it is that name, or no
/// such name. Articles are indexed under a place's one name, so a search
/// by another must be turned into it.
fn place_named_today(asked: &str) -> Option<String> {
    use crate::gazetteer::{Gazetteer, NameType, PlaceKind, normalise};
    let gazetteer = Gazetteer::embedded();
    let key = normalise::name_key(asked);
    let mut names = gazetteer
        .lookup(&key)?
        .iter()
        .filter(|c| matches!(c.name_type, NameType::Main | NameType::Alternate))
        .map(|c| gazetteer.place(c.place))
        .filter(|p| matches!(p.kind(), PlaceKind::Country | PlaceKind::Area))
        .map(|p| p.name())
        .filter(|name| normalise::name_key(name) != key);
    let name = names.next()?;
    // Two countries or areas of that other name: none is meant more.
    names.next().is_none().then(|| name.to_string())
}

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
    fn nesting_is_measured_by_groups_and_nots_not_by_their_count() {
        let nested = |depth: usize| format!("{}x{}", "(".repeat(depth), ")".repeat(depth));
        assert_eq!(too_deep(&nested(MAX_QUERY_DEPTH)), None);
        // The first `(` one level too deep is the one pointed at.
        assert_eq!(
            too_deep(&nested(MAX_QUERY_DEPTH + 1)),
            Some(MAX_QUERY_DEPTH)
        );
        assert_eq!(too_deep(&"(".repeat(10_000)), Some(MAX_QUERY_DEPTH));
        assert_eq!(too_deep(&"(a OR b) ".repeat(1_000)), None);
        assert_eq!(too_deep(&"title:(a -(b c)) ".repeat(500)), None);
        assert_eq!(too_deep(&"NOT a AND ".repeat(1_000)), None);
        let nots = format!("{}x", "NOT ".repeat(MAX_QUERY_DEPTH + 1));
        assert_eq!(too_deep(&nots), Some(4 * MAX_QUERY_DEPTH));
        let mixed = format!("{}x", "NOT (".repeat(MAX_QUERY_DEPTH));
        assert!(too_deep(&mixed).is_some());
    }

    #[test]
    fn parentheses_in_phrases_and_escaped_ones_do_not_nest() {
        let paren = "(".repeat(1_000);
        assert_eq!(too_deep(&format!("\"{paren}\"")), None);
        assert_eq!(too_deep(&format!("title:'{paren}' x")), None);
        assert_eq!(too_deep(&"\\(".repeat(1_000)), None);
        // An apostrophe inside a word opens no phrase.
        assert!(too_deep(&format!("don't {paren}")).is_some());
        // A phrase left open hides nothing: tantivy reads on past its quote.
        assert!(too_deep(&format!("\"{paren}")).is_some());
        assert!(too_deep(&format!("title:/{paren}/")).is_some());
    }

    #[test]
    fn a_query_nested_too_deep_is_an_error_that_points_at_the_level() {
        let err = parse_err(&format!("{}x", "(".repeat(10_000)));
        assert_eq!(err.position, Some(MAX_QUERY_DEPTH));
        assert!(err.message.contains("deeper than 32"), "{}", err.message);
        // Shown around the problem, not as 10,000 characters.
        let shown = err.to_string();
        assert!(shown.len() < 300, "{shown}");
        assert!(shown.ends_with('^'), "{shown}");
    }

    #[test]
    fn a_query_of_too_many_words_is_an_error() {
        let words: Vec<String> = (0..=MAX_QUERY_TERMS).map(|i| format!("w{i}*")).collect();
        let err = parse_err(&words.join(" "));
        assert!(err.message.contains("1025 words"), "{}", err.message);
        let (schema, index) = index();
        let most: Vec<String> = (0..MAX_QUERY_TERMS).map(|i| format!("w{i}")).collect();
        assert!(parse(&schema, &index, &most.join(" OR ")).is_ok());
    }

    /// Whatever the scanner lets through parses on a small stack: it never
    /// passes a query nested deeper than it thinks.
    #[test]
    fn queries_the_depth_check_passes_parse_on_a_small_stack() {
        const ALPHABET: [&str; 14] = [
            "(", ")", "(", ")", "\"", "'", "\\", " ", "NOT ", "x", "t:", "-", "/", "[a TO b]",
        ];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut passed = 0;
        for _ in 0..300 {
            let len = 200 + (next() % 4_000) as usize;
            let text: String = (0..len)
                .map(|_| ALPHABET[(next() % ALPHABET.len() as u64) as usize])
                .collect();
            if too_deep(&text).is_some() {
                continue;
            }
            passed += 1;
            std::thread::Builder::new()
                .stack_size(1 << 20)
                .spawn(move || {
                    let _ = query_grammar::parse_query(&text);
                    let _ = query_grammar::parse_query_lenient(&text);
                })
                .unwrap()
                .join()
                .unwrap();
        }
        assert!(passed > 10, "only {passed} random queries passed the check");
    }

    #[test]
    fn other_names_of_a_country_search_it_by_its_indexed_name() {
        assert_eq!(place_named_today("USSR").as_deref(), Some("Soviet Union"));
        assert_eq!(
            place_named_today("u.s.s.r.").as_deref(),
            Some("Soviet Union")
        );
        assert_eq!(place_named_today("Burma").as_deref(), Some("Myanmar"));
        assert_eq!(place_named_today("Soviet Union"), None);
        assert_eq!(place_named_today("Germany"), None);
        assert_eq!(place_named_today("Aleppo"), None);
    }

    #[test]
    fn empty_query_is_an_error_that_suggests_star() {
        assert!(parse_err("  ").message.contains('*'));
    }
}
