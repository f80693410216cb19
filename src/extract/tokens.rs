//! Word, punctuation, quotation and sentence structure of a text, with byte
//! offsets: the common ground of the quote and speaker extractors.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Punct,
}

/// A token: a byte range of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
}

impl Tok {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// Abbreviations whose final full stop belongs to the word, not the sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "cmdr", "adm",
    "maj", "st", "jr", "sr", "inc", "co", "corp", "ltd", "vs", "rev", "prof", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.n", "u.k", "e.u",
    "a.m", "p.m", "d.c", "ft", "mt", "ave", "blvd", "dept", "est", "fig", "approx", "etc", "al",
    "pres", "supt", "atty", "messrs",
];

fn is_abbreviation(word: &str) -> bool {
    let lower = word.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
        || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
}

/// "S.E.C", "D.C": letters separated by dots, whose last dot is theirs too.
fn is_acronym(word: &str) -> bool {
    word.contains('.') && word.split('.').all(|part| part.chars().count() <= 2)
}

/// Splits `text` into word and punctuation tokens. Words keep inner
/// hyphens, apostrophes and dots ("Jean-Marc", "Trump’s", "U.S."), and the
/// full stop of an abbreviation ("Mr.", "Sen.").
pub fn tokenize(text: &str) -> Vec<Tok> {
    let mut tokens = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if !c.is_alphanumeric() {
            // Two apostrophes (or back-ticks) are a double quote mark in
            // some newswire text: ''We must not overreact,'' he said.
            let mut end = start + c.len_utf8();
            if (c == '\'' || c == '`') && text[end..].starts_with(c) {
                chars.next();
                end += 1;
            }
            tokens.push(Tok {
                start,
                end,
                kind: Kind::Punct,
            });
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(i, d)) = chars.peek() {
            if d.is_alphanumeric() {
                end = i + d.len_utf8();
                chars.next();
            } else if matches!(d, '-' | '\u{2010}' | '\u{2011}' | '\'' | '’' | '.' | '&')
                && text[i + d.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
            {
                chars.next();
                end = i + d.len_utf8();
            } else {
                break;
            }
        }
        // "No. 1" abbreviates "number"; "said no." ends a sentence.
        let numbered = &text[start..end] == "No"
            && text[end..]
                .strip_prefix('.')
                .is_some_and(|rest| rest.trim_start().starts_with(|c: char| c.is_ascii_digit()));
        if text[end..].starts_with('.')
            && (numbered || is_abbreviation(&text[start..end]) || is_acronym(&text[start..end]))
        {
            chars.next();
            end += 1;
        }
        tokens.push(Tok {
            start,
            end,
            kind: Kind::Word,
        });
    }
    tokens
}

/// A quotation inside a paragraph: token indices of the marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuoteRegion {
    /// Index of the opening mark.
    pub open: usize,
    /// Index of the closing mark; `None` when the paragraph ends first
    /// (the quotation continues in the next paragraph).
    pub close: Option<usize>,
}

pub fn is_open_quote(mark: &str) -> bool {
    matches!(mark, "“" | "«" | "„" | "``")
}

pub fn is_close_quote(mark: &str) -> bool {
    matches!(mark, "”" | "»")
}

/// Marks that open or close by position, like `"`.
pub fn is_straight_quote(mark: &str) -> bool {
    matches!(mark, "\"" | "''")
}

/// Finds the double-quoted regions among `tokens` (one paragraph).
/// Curly quotes pair by direction; straight quotes by position (an opening
/// one is followed by text, a closing one preceded by it).
pub fn quote_regions(text: &str, tokens: &[Tok]) -> Vec<QuoteRegion> {
    let mut regions = Vec::new();
    let mut open: Option<usize> = None;
    for (i, tok) in tokens.iter().enumerate() {
        if tok.kind != Kind::Punct {
            continue;
        }
        let mark = tok.text(text);
        let straight = is_straight_quote(mark);
        let opens = is_open_quote(mark)
            || (straight
                && open.is_none()
                && !text[tok.end..].starts_with(char::is_whitespace)
                && i + 1 < tokens.len());
        // (A straight mark with a space before it and a word after it
        // opens: inside an open quotation it re-opens it, the British way
        // of going on after a full stop, `… extra time. "I have to …"`,
        // and closes nothing.)
        let reopens = straight
            && text[..tok.start].ends_with(char::is_whitespace)
            && text[tok.end..].starts_with(char::is_alphanumeric);
        let closes = is_close_quote(mark) || (straight && open.is_some() && !reopens);
        if let (Some(o), true) = (open, closes) {
            regions.push(QuoteRegion {
                open: o,
                close: Some(i),
            });
            open = None;
        } else if opens && open.is_none() {
            open = Some(i);
        }
    }
    if let Some(o) = open {
        regions.push(QuoteRegion {
            open: o,
            close: None,
        });
    }
    regions
}

/// Sentences of a paragraph as token index ranges. No sentence ends inside
/// a quotation; a full stop ends one when a capital, digit or quote follows.
pub fn sentences(text: &str, tokens: &[Tok], regions: &[QuoteRegion]) -> Vec<(usize, usize)> {
    let inside = |i: usize| {
        regions
            .iter()
            .any(|r| i > r.open && r.close.is_none_or(|c| i < c))
    };
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i].text(text);
        // A full stop just inside a closing quote ends the sentence too:
        // `… to Donald." He also said …`
        let closes_next = tokens.get(i + 1).is_some_and(|next| {
            let mark = next.text(text);
            (is_close_quote(mark) || is_straight_quote(mark))
                && regions.iter().any(|r| r.close == Some(i + 1))
        });
        let ends = matches!(t, "." | "!" | "?") && (!inside(i) || closes_next);
        if ends {
            let mut end = i + 1;
            while end < tokens.len()
                && (is_close_quote(tokens[end].text(text))
                    || is_straight_quote(tokens[end].text(text)))
            {
                end += 1;
            }
            let next_starts = tokens.get(end).is_none_or(|next| {
                let s = next.text(text);
                s.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                    || is_open_quote(s)
                    || is_straight_quote(s)
                    || s == "("
            });
            if next_starts {
                out.push((start, end));
                start = end;
                i = end;
                continue;
            }
        }
        i += 1;
    }
    if start < tokens.len() {
        out.push((start, tokens.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn tokens_keep_names_abbreviations_and_possessives() {
        assert_eq!(
            words("Mr. Jean-Marc Ayrault’s U.S. trip, he said."),
            [
                "Mr.",
                "Jean-Marc",
                "Ayrault’s",
                "U.S.",
                "trip",
                ",",
                "he",
                "said",
                "."
            ]
        );
    }

    #[test]
    fn curly_and_straight_quotes_pair_up() {
        let text = "“We are ready,” she said, \"and we will act.\"";
        let tokens = tokenize(text);
        let regions = quote_regions(text, &tokens);
        assert_eq!(regions.len(), 2);
        assert!(regions.iter().all(|r| r.close.is_some()));
    }

    #[test]
    fn a_straight_mark_after_a_space_reopens_an_open_quotation() {
        let text =
            "He said: \"It may go to extra time. \"I have to defend what is mine.\" Then he left.";
        let tokens = tokenize(text);
        let regions = quote_regions(text, &tokens);
        assert_eq!(regions.len(), 1, "{regions:?}");
        let close = regions[0].close.expect("closed");
        assert!(text[tokens[close].end..].starts_with(" Then"));
    }

    #[test]
    fn doubled_apostrophes_are_quote_marks() {
        let text = "''We must not overreact,'' he told the S.E.C. staff.";
        let tokens = tokenize(text);
        assert_eq!(tokens[0].text(text), "''");
        assert_eq!(quote_regions(text, &tokens).len(), 1);
        assert!(tokens.iter().any(|t| t.text(text) == "S.E.C."));
    }

    #[test]
    fn a_closing_quote_after_a_full_stop_ends_the_sentence() {
        let text = "Christie said \"it is to Donald.\" He also said more. The candidate said no. But he left.";
        let tokens = tokenize(text);
        let regions = quote_regions(text, &tokens);
        assert_eq!(sentences(text, &tokens, &regions).len(), 4);
    }

    #[test]
    fn any_text_tokenizes_without_panicking() {
        // Every prefix of a text full of multi-byte marks and abbreviations.
        let text = "No” “No. 1” Mr.” U.S.” ''é'' No.\u{a0}“ ’s ― — A.B.C.”";
        for (i, _) in text.char_indices() {
            let part = &text[..i];
            let tokens = tokenize(part);
            let regions = quote_regions(part, &tokens);
            let _ = sentences(part, &tokens, &regions);
        }
    }

    #[test]
    fn an_unclosed_quote_runs_to_the_end() {
        let text = "“The first paragraph of a long quotation goes on.";
        let tokens = tokenize(text);
        assert_eq!(
            quote_regions(text, &tokens),
            [QuoteRegion {
                open: 0,
                close: None
            }]
        );
    }

    #[test]
    fn sentences_do_not_end_inside_quotes_or_after_abbreviations() {
        let text = "“It works. It is cheap,” Mr. Smith said. Then he left.";
        let tokens = tokenize(text);
        let regions = quote_regions(text, &tokens);
        let found: Vec<String> = sentences(text, &tokens, &regions)
            .into_iter()
            .map(|(a, b)| text[tokens[a].start..tokens[b - 1].end].to_string())
            .collect();
        assert_eq!(
            found,
            ["“It works. It is cheap,” Mr. Smith said.", "Then he left."]
        );
    }
}
