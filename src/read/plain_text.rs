//! Plain-text articles (`.txt`).
//!
//! Layout rules, in order:
//! 1. **Title**: the first non-empty line is the headline when it reads as
//!    one: at most 25 words and 200 characters, two words or more, its first
//!    word not all lower case, not ending like a sentence (`.` `,` `;` `:`),
//!    and not itself a dateline or a date. This is how the BBC corpus and most
//!    saved articles are laid out. Otherwise there is no title and the text
//!    starts with the body.
//! 2. **Date line**: the next non-empty line, when it is nothing but a date
//!    ("23 November 2016", "Published: 2019-03-04"), gives the date and is
//!    not part of the body.
//! 3. **Body**: everything after that.

use crate::article::Article;
use crate::extract::dateline::find_dateline;
use crate::extract::dates::parse_date_line;

/// Splits plain text into title, date and body.
pub fn parse(text: &str) -> Article {
    let mut rest = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let mut title = None;
    let mut date = None;

    let (first_line, after_first) = split_line(rest);
    if is_headline(first_line) && !after_first.trim().is_empty() {
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

    Article {
        title,
        date,
        body: rest.trim_end().to_string(),
        body_start: text.len() - rest.len(),
        ..Article::default()
    }
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
    fn a_lone_line_is_body_not_title() {
        let a = parse("Just one line of text");
        assert_eq!(a.title, None);
        assert_eq!(a.body, "Just one line of text");
    }
}
