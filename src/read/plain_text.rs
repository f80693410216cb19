//! Plain-text articles (`.txt`).
//!
//! Layout rules, in order:
//! 0. **Metadata**: YAML front matter (`---` lines around `key: value`
//!    lines) or a header block (`Title:`, `Date:`, `Source:`, `URL:`,
//!    `Author:` lines, then a blank line) gives fields by name, as JSON keys
//!    do (see `fields`). A metadata title replaces rule 1.
//! 1. **Title**: the first non-empty line is the headline when it reads as
//!    one: at most 25 words and 200 characters, two words or more, its first
//!    word not all lower case, not ending like a sentence (`.` `,` `;` `:`),
//!    and not itself a dateline or a date. This is how the BBC corpus and most
//!    saved articles are laid out. Otherwise there is no title and the text
//!    starts with the body.
//! 2. **Date line**: the next non-empty line, when it is nothing but a date
//!    ("23 November 2016", "Published: 2019-03-04"), gives the date and is
//!    not part of the body.
//! 3. **Body**: everything after that; hard-wrapped lines are joined
//!    (see `wrapping`).

use crate::article::Article;
use crate::extract::dateline::find_dateline;
use crate::extract::dates::parse_date_line;
use crate::read::fields::{Record, role_of};

/// Splits plain text into metadata, title, date and body.
pub fn parse(text: &str) -> Article {
    let mut rest = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let (meta, after_meta) = metadata(rest);
    rest = after_meta.trim_start();
    let meta = meta.and_then(|record| record.into_article_metadata());
    let mut title = meta.as_ref().and_then(|m| m.title.clone());
    let mut date = meta.as_ref().and_then(|m| m.date);

    let (first_line, after_first) = split_line(rest);
    if title.is_none() && is_headline(first_line) && !after_first.trim().is_empty() {
        title = Some(first_line.trim().to_string());
        rest = after_first.trim_start();
    }
    let (line, after_line) = split_line(rest);
    if let Some(day) = parse_date_line(line)
        && !after_line.trim().is_empty()
    {
        date = Some(day);
        rest = after_line.trim_start();
    }

    let meta = meta.unwrap_or_default();
    let mut body = rest.trim_end().to_string();
    crate::read::wrapping::unwrap_if_hard_wrapped(&mut body);
    Article {
        title,
        date,
        body,
        body_start: text.len() - rest.len(),
        source: meta.source,
        url: meta.url,
        authors: meta.authors,
        language: meta.language,
        ..Article::default()
    }
}

/// A metadata block at the top: YAML front matter or `Key: value` lines
/// ending with a blank line, when at least one key is a known field.
/// Returns the fields and the text after the block.
fn metadata(text: &str) -> (Option<Record>, &str) {
    if let Some(after_open) = text
        .strip_prefix("---")
        .and_then(|t| t.strip_prefix(['\n', '\r']))
    {
        let after_open = after_open.trim_start_matches('\n');
        let mut offset = 0;
        for line in after_open.split_inclusive('\n') {
            if line.trim_end() == "---" {
                let record = key_values(&after_open[..offset]);
                return (record, &after_open[offset + line.len()..]);
            }
            offset += line.len();
        }
        return (None, text);
    }
    let block_end = text.find("\n\n").or_else(|| text.find("\r\n\r\n"));
    let Some(end) = block_end else {
        return (None, text);
    };
    let block = &text[..end];
    let all_key_values = block.lines().all(|l| key_value(l).is_some());
    match key_values(block).filter(|_| all_key_values) {
        Some(record) => (Some(record), &text[end..]),
        None => (None, text),
    }
}

fn key_value(line: &str) -> Option<(&str, &str)> {
    let (key, value) = line.split_once(':')?;
    let key = key.trim();
    let plausible = (1..=30).contains(&key.len())
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || " _-".contains(c));
    plausible.then(|| (key, value.trim().trim_matches(['"', '\''])))
}

fn key_values(block: &str) -> Option<Record> {
    let mut record = Record::default();
    let mut known = false;
    for (key, value) in block.lines().filter_map(key_value) {
        known |= role_of(key).is_some();
        record.set(key, value);
    }
    known.then_some(record)
}

fn split_line(text: &str) -> (&str, &str) {
    match text.find('\n') {
        Some(i) => (text[..i].trim_end_matches('\r'), &text[i + 1..]),
        None => (text, ""),
    }
}

/// Whether a first line reads as a headline (see the module rules).
pub fn is_headline(line: &str) -> bool {
    let line = line.trim();
    let words = line.split_whitespace().count();
    if !(2..=25).contains(&words) || line.chars().count() > 200 {
        return false;
    }
    // A headline may open with a capital, a digit, a currency sign or a
    // quote ("$1m payoff…", "iTunes now selling…"), but not with an
    // all-lower-case word, which is how a wrapped sentence continues.
    let first_word = line.split_whitespace().next().unwrap_or_default();
    let starts_well = !first_word
        .chars()
        .all(|c| c.is_lowercase() || !c.is_alphabetic())
        || !first_word.chars().next().is_some_and(char::is_alphabetic);
    let ends_like_sentence = line.ends_with(['.', ',', ';', ':']) && !line.ends_with("...");
    starts_well
        && !ends_like_sentence
        && find_dateline(line).is_none()
        && parse_date_line(line).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headline_then_body() {
        let a = parse(
            "Ad sales boost Time Warner profit\n\nQuarterly profits at US media giant rose.\n",
        );
        assert_eq!(
            a.title.as_deref(),
            Some("Ad sales boost Time Warner profit")
        );
        assert_eq!(a.body, "Quarterly profits at US media giant rose.");
        assert_eq!(a.date, None);
    }

    #[test]
    fn headline_date_line_and_dateline() {
        let text = "Geneva talks end without deal\r\n\r\n23 November 2016\r\n\r\nGENEVA (AFP) - Talks ended.";
        let a = parse(text);
        assert_eq!(a.title.as_deref(), Some("Geneva talks end without deal"));
        assert_eq!(a.date.unwrap().to_string(), "2016-11-23");
        assert_eq!(a.body, "GENEVA (AFP) - Talks ended.");
        assert_eq!(&text[a.body_start..], a.body);
    }

    #[test]
    fn text_that_opens_with_a_sentence_has_no_title() {
        let text = "France accused Syria and its allies on Wednesday of using the uncertainty.\nMore text.";
        let a = parse(text);
        assert_eq!(a.title, None);
        assert!(a.body.starts_with("France accused"));
    }

    #[test]
    fn a_dateline_opening_is_not_a_title() {
        let a = parse("PARIS (Reuters) - France said on Wednesday it would host talks\nmore");
        assert_eq!(a.title, None);
    }

    #[test]
    fn headline_rules() {
        assert!(is_headline("Will rates rise again?"));
        assert!(is_headline("“Total war” in Aleppo, says France"));
        assert!(is_headline("2004 sees record number of tourists"));
        assert!(is_headline("$1m payoff for former Shell boss"));
        assert!(is_headline("iTunes now selling Band Aid song"));
        assert!(is_headline("£1.8m indecency fine for Viacom"));
        assert!(!is_headline("Sport"));
        assert!(!is_headline("the lower-case opening of a sentence"));
        assert!(!is_headline("This line ends like a sentence."));
        assert!(!is_headline("Published: 2019-03-04"));
    }

    #[test]
    fn a_header_block_gives_metadata() {
        let text = "Title: Rates rise again\nDate: 2021-03-04T10:00:00+01:00\nSource: Daily Planet\nURL: https://example.com/a\nAuthor: Lois Lane\n\nThe bank raised rates.";
        let a = parse(text);
        assert_eq!(a.title.as_deref(), Some("Rates rise again"));
        assert_eq!(a.date.unwrap().to_string(), "2021-03-04");
        assert_eq!(a.source.as_deref(), Some("Daily Planet"));
        assert_eq!(a.url.as_deref(), Some("https://example.com/a"));
        assert_eq!(a.authors, ["Lois Lane"]);
        assert_eq!(a.body, "The bank raised rates.");
        assert_eq!(&text[a.body_start..], a.body);
    }

    #[test]
    fn yaml_front_matter_gives_metadata() {
        let text = "---\ntitle: \"Floods in Kyiv\"\ndate: 2022-01-05\ntags: [x]\n---\nWater rose overnight.\n";
        let a = parse(text);
        assert_eq!(a.title.as_deref(), Some("Floods in Kyiv"));
        assert_eq!(a.date.unwrap().to_string(), "2022-01-05");
        assert_eq!(a.body, "Water rose overnight.");
    }

    #[test]
    fn a_first_paragraph_with_a_colon_is_not_metadata() {
        let a = parse("Warning: storms ahead\n\nThe forecast says rain.");
        assert_eq!(a.title.as_deref(), Some("Warning: storms ahead"));
    }

    #[test]
    fn a_lone_line_is_body_not_title() {
        let a = parse("Just one line of text");
        assert_eq!(a.title, None);
        assert_eq!(a.body, "Just one line of text");
    }
}
