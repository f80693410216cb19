//! Snippets: the passage of a body that best shows why it matched, with the
//! matched words marked.
//!
//! tantivy's own snippet generator only knows plain terms; newsdex also
//! highlights prefixes (`presiden*`) and whole phrases, so it analyses the
//! body with the same two analysers the index uses and matches stems, word
//! prefixes and stem sequences itself. Only the hits on the page shown get a
//! snippet.

use serde::Serialize;

use crate::index::tokenizers;
use crate::search::query::Highlights;

/// A passage with highlighted spans.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Snippet {
    /// The passage, white space folded to single spaces, `…` where cut.
    pub text: String,
    /// Highlighted spans as `[start, end)` character (code point) offsets
    /// into `text`.
    pub highlights: Vec<[usize; 2]>,
}

/// A match in the body: byte range and which query part it matched.
#[derive(Debug, Clone, Copy)]
struct Match {
    start: usize,
    end: usize,
    key: usize,
}

/// The best passage of about `max_chars` characters of `body`.
pub fn make_snippet(body: &str, highlights: &Highlights, max_chars: usize) -> Snippet {
    Passage::new(body, highlights).snippet(max_chars)
}

/// How many distinct query parts match in `text` (0: none).
pub fn match_strength(text: &str, highlights: &Highlights) -> usize {
    Passage::new(text, highlights).strength()
}

/// A text analysed once for a query: how strongly it matches, and its best
/// snippet, without tokenising it twice.
pub struct Passage<'a> {
    text: &'a str,
    matches: Vec<Match>,
}

impl<'a> Passage<'a> {
    pub fn new(text: &'a str, highlights: &Highlights) -> Passage<'a> {
        Passage {
            text,
            matches: find_matches(text, highlights),
        }
    }

    /// How many distinct query parts match (0: none).
    pub fn strength(&self) -> usize {
        let mut keys: Vec<usize> = self.matches.iter().map(|m| m.key).collect();
        keys.sort_unstable();
        keys.dedup();
        keys.len()
    }

    /// The best passage of about `max_chars` characters.
    pub fn snippet(&self, max_chars: usize) -> Snippet {
        let body = self.text;
        let max_bytes = byte_len_of_chars(body, 0, max_chars);
        let (start, end) = match best_window(&self.matches, body, max_chars) {
            Some(window) => window,
            None => (0, shrink_to_word(body, 0, max_bytes)),
        };
        render(body, start, end, &self.matches)
    }
}

fn find_matches(body: &str, highlights: &Highlights) -> Vec<Match> {
    if highlights.terms.is_empty()
        && highlights.prefixes.is_empty()
        && highlights.phrases.is_empty()
    {
        return Vec::new();
    }
    // Building an analyser allocates its filter chain; every hit on a page
    // needs them for its body and quotes, so each thread keeps its own.
    thread_local! {
        static ANALYSERS: std::cell::RefCell<(tantivy::tokenizer::TextAnalyzer, tantivy::tokenizer::TextAnalyzer)> =
            std::cell::RefCell::new((tokenizers::words(), tokenizers::stemmed()));
    }
    ANALYSERS.with(|cell| {
        let (words, stemmer) = &mut *cell.borrow_mut();
        let words = Words::of(words, body);
        // Stemming is most of the cost of analysing a text, and a page of
        // hits analyses ten bodies: only words that could have a wanted stem
        // are stemmed (see `could_stem_to`).
        let mut wanted: Vec<&str> = highlights.terms.iter().map(String::as_str).collect();
        wanted.extend(highlights.phrases.iter().flatten().map(String::as_str));
        let stems: Vec<Option<String>> = (0..words.len())
            .map(|i| {
                let word = words.text(i);
                wanted
                    .iter()
                    .any(|stem| could_stem_to(word, stem))
                    .then(|| stem_of(stemmer, word))
            })
            .collect();
        let stem = |i: usize| stems[i].as_deref();
        let mut matches = Vec::new();
        for i in 0..words.len() {
            let term = stem(i).and_then(|s| highlights.terms.iter().position(|t| t == s));
            let prefix = || {
                highlights
                    .prefixes
                    .iter()
                    .position(|p| words.text(i).starts_with(p.as_str()))
            };
            let key = term.or_else(|| prefix().map(|p| highlights.terms.len() + p));
            if let Some(key) = key {
                let (start, end) = words.offsets(i);
                matches.push(Match { start, end, key });
            }
        }
        let phrase_key_base = highlights.terms.len() + highlights.prefixes.len();
        for (p, phrase) in highlights.phrases.iter().enumerate() {
            if phrase.is_empty() || phrase.len() > words.len() {
                continue;
            }
            for first in 0..=words.len() - phrase.len() {
                if phrase
                    .iter()
                    .enumerate()
                    .all(|(k, s)| stem(first + k) == Some(s.as_str()))
                {
                    matches.push(Match {
                        start: words.offsets(first).0,
                        end: words.offsets(first + phrase.len() - 1).1,
                        key: phrase_key_base + p,
                    });
                }
            }
        }
        sort_and_drop_nested(matches)
    })
}

/// The words of a text (lower-cased, accents folded, not stemmed), kept in
/// one buffer rather than a string each.
struct Words {
    buffer: String,
    /// (byte offsets in the text, byte range in `buffer`).
    spans: Vec<((usize, usize), (usize, usize))>,
}

impl Words {
    /// The words of `text` as the `news_words` analyser gives them. Reading
    /// the ten bodies of a page through its token stream was a quarter of a
    /// search's time, so runs of ASCII letters and digits are read directly
    /// and only runs holding other characters go through the analyser.
    /// Every ASCII character that is not a letter or digit separates words
    /// for the analyser too, so cutting the text there changes no word.
    fn of(analyzer: &mut tantivy::tokenizer::TextAnalyzer, text: &str) -> Words {
        let mut words = Words {
            buffer: String::with_capacity(text.len()),
            spans: Vec::with_capacity(text.len() / 5),
        };
        let bytes = text.as_bytes();
        let separates = |b: u8| b.is_ascii() && !b.is_ascii_alphanumeric();
        let mut at = 0;
        while at < bytes.len() {
            if separates(bytes[at]) {
                at += 1;
                continue;
            }
            // After an ASCII byte (or at the start) and up to one: whole
            // characters.
            let start = at;
            let mut ascii = true;
            while at < bytes.len() && !separates(bytes[at]) {
                ascii &= bytes[at].is_ascii();
                at += 1;
            }
            if ascii {
                words.push_ascii(&text[start..at], start);
            } else {
                words.push_analysed(analyzer, &text[start..at], start);
            }
        }
        words
    }

    /// A run of ASCII letters and digits at byte `offset`: one word,
    /// lower-cased, unless the analyser would drop it as too long.
    fn push_ascii(&mut self, run: &str, offset: usize) {
        if run.len() >= tokenizers::MAX_TOKEN_BYTES {
            return;
        }
        let from = self.buffer.len();
        self.buffer.push_str(run);
        self.buffer[from..].make_ascii_lowercase();
        self.spans
            .push(((offset, offset + run.len()), (from, self.buffer.len())));
    }

    /// The analyser's words of `run`, a part of the text at byte `offset`.
    fn push_analysed(
        &mut self,
        analyzer: &mut tantivy::tokenizer::TextAnalyzer,
        run: &str,
        offset: usize,
    ) {
        let mut stream = analyzer.token_stream(run);
        while stream.advance() {
            let token = stream.token();
            let from = self.buffer.len();
            self.buffer.push_str(&token.text);
            self.spans.push((
                (offset + token.offset_from, offset + token.offset_to),
                (from, self.buffer.len()),
            ));
        }
    }

    fn len(&self) -> usize {
        self.spans.len()
    }
    fn text(&self, i: usize) -> &str {
        let (a, b) = self.spans[i].1;
        &self.buffer[a..b]
    }
    fn offsets(&self, i: usize) -> (usize, usize) {
        self.spans[i].0
    }
}

/// Whether English stemming could turn `word` (lower-cased, folded) into
/// `stem`. The Porter stemmer keeps a word's beginning and rewrites at most
/// the stem's last letter ("happy" → "happi", "cities" → "citi"), so the
/// word starts with the stem less its last character — save short words it
/// maps from `…ying` to `…ie` ("dying" → "die"), which are always stemmed.
/// A test holds this against every word of the shipped English word list.
fn could_stem_to(word: &str, stem: &str) -> bool {
    let head = stem
        .char_indices()
        .last()
        .map_or("", |(last, _)| &stem[..last]);
    word.starts_with(head) || word.ends_with("ying")
}

fn stem_of(stemmer: &mut tantivy::tokenizer::TextAnalyzer, word: &str) -> String {
    let mut stream = stemmer.token_stream(word);
    if stream.advance() {
        stream.token().text.clone()
    } else {
        String::new()
    }
}

/// Sorts matches by position and drops those inside an earlier, longer one
/// (a term inside a phrase).
fn sort_and_drop_nested(mut matches: Vec<Match>) -> Vec<Match> {
    matches.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    let mut kept: Vec<Match> = Vec::with_capacity(matches.len());
    for m in matches {
        if kept.last().is_none_or(|last| m.start >= last.end) {
            kept.push(m);
        }
    }
    kept
}

/// The byte window with the most distinct matched parts, then most matches.
fn best_window(matches: &[Match], body: &str, max_chars: usize) -> Option<(usize, usize)> {
    let lead_chars = max_chars / 5;
    let mut best: Option<((usize, usize), (usize, usize))> = None;
    for anchor in matches.iter().take(1000) {
        let start = back_to_word_start(body, anchor.start, lead_chars);
        let end = shrink_to_word(body, start, byte_len_of_chars(body, start, max_chars));
        let inside: Vec<&Match> = matches
            .iter()
            .filter(|m| m.start >= start && m.end <= end)
            .collect();
        let mut keys: Vec<usize> = inside.iter().map(|m| m.key).collect();
        keys.sort_unstable();
        keys.dedup();
        let score = (keys.len(), inside.len());
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, (start, end)));
        }
    }
    best.map(|(_, window)| window)
}

/// Up to `lead_chars` characters before `at`, moved forward to a word start;
/// a sentence start in that stretch is preferred.
fn back_to_word_start(body: &str, at: usize, lead_chars: usize) -> usize {
    let lead_start = body[..at]
        .char_indices()
        .rev()
        .nth(lead_chars.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    if lead_start == 0 {
        return 0;
    }
    let stretch = &body[lead_start..at];
    if let Some(i) = stretch.rfind(['.', '!', '?', '\n']) {
        let after = lead_start + i + 1;
        let trimmed = body[after..at].trim_start();
        return at - trimmed.len();
    }
    match stretch.find(char::is_whitespace) {
        Some(i) => {
            let after = lead_start + i;
            at - body[after..at].trim_start().len()
        }
        None => at,
    }
}

/// The byte length of `chars` characters of `body` from `start`.
fn byte_len_of_chars(body: &str, start: usize, chars: usize) -> usize {
    body[start..]
        .char_indices()
        .nth(chars)
        .map_or(body.len() - start, |(i, _)| i)
}

/// `start + len`, pulled back to the end of a word when it falls inside one.
fn shrink_to_word(body: &str, start: usize, len: usize) -> usize {
    let end = start + len;
    if end >= body.len() {
        return body.len();
    }
    match body[start..end].rfind(char::is_whitespace) {
        Some(i) if i > 0 => start + i,
        _ => end,
    }
}

fn render(body: &str, start: usize, end: usize, matches: &[Match]) -> Snippet {
    let mut text = String::new();
    let mut highlights = Vec::new();
    let mut chars = 0usize;
    if start > 0 {
        text.push('…');
        chars += 1;
    }
    let mut in_space = false;
    let mut open: Option<usize> = None;
    let mut next_match = matches
        .iter()
        .filter(|m| m.start >= start && m.end <= end)
        .peekable();
    for (offset, c) in body[start..end].char_indices() {
        let at = start + offset;
        if let Some(m) = next_match.peek()
            && open.is_none()
            && at == m.start
        {
            open = Some(chars);
        }
        if c.is_whitespace() {
            if !in_space && chars > 0 {
                text.push(' ');
                chars += 1;
            }
            in_space = true;
        } else {
            text.push(c);
            chars += 1;
            in_space = false;
        }
        if let (Some(m), Some(from)) = (next_match.peek(), open)
            && at + c.len_utf8() == m.end
        {
            highlights.push([from, chars]);
            open = None;
            next_match.next();
        }
    }
    if end < body.len() {
        if text.ends_with(' ') {
            text.pop();
        }
        text.push('…');
    }
    Snippet { text, highlights }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shortcut that stems only candidate words must never skip a word
    /// whose stem is wanted: checked against every word of the English word
    /// list the project ships (210,000 words).
    #[test]
    fn every_english_word_starts_with_its_stem_less_the_last_letter() {
        use std::io::Read;
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/sources/english_words.txt.gz"
        );
        let mut text = String::new();
        flate2::read::GzDecoder::new(std::fs::File::open(path).unwrap())
            .read_to_string(&mut text)
            .unwrap();
        let mut stemmer = tokenizers::stemmed();
        let mut words = tokenizers::words();
        let mut checked = 0;
        for line in text.lines() {
            let folded = Words::of(&mut words, line);
            for i in 0..folded.len() {
                let word = folded.text(i);
                let stem = stem_of(&mut stemmer, word);
                assert!(could_stem_to(word, &stem), "{word} → {stem}");
                checked += 1;
            }
        }
        assert!(checked > 200_000, "{checked}");
    }

    #[test]
    fn words_are_the_analysers_words() {
        let analysed = |text: &str| {
            let mut words = Words {
                buffer: String::new(),
                spans: Vec::new(),
            };
            words.push_analysed(&mut tokenizers::words(), text, 0);
            words
        };
        let long = "x".repeat(tokenizers::MAX_TOKEN_BYTES);
        let just_short = "y".repeat(tokenizers::MAX_TOKEN_BYTES - 1);
        let long_accented = format!("{}\u{e9}", "z".repeat(tokenizers::MAX_TOKEN_BYTES - 2));
        let mut texts = vec![
            String::new(),
            "  ".to_string(),
            "Oil-prices ROSE 3.5% on Tuesday, O'Neill said; e-mail: a_b@c.org".to_string(),
            format!("{long} then {just_short}, {long}x and A1b2C3 {long_accented}"),
            "tab\tnew\nline\r\n(brackets) [and] {braces} <tags/> #1 2nd".to_string(),
            "St\u{e9}phane's \u{201c}quoted\u{201d} caf\u{e9}\u{2014}na\u{ef}ve \u{c9}LAN \
             \u{391}\u{392}\u{393} M\u{fc}ller\u{2019}s 2016\u{2013}17 \u{2165} x\u{b2} Stra\u{df}e"
                .to_string(),
        ];
        // Every printable ASCII character between letters, in turn, and
        // beside a letter outside ASCII.
        texts.push((32u8..127).map(|b| format!("ab{}Cd", b as char)).collect());
        texts.push(
            (32u8..127)
                .map(|b| format!("\u{e9}{}\u{c0}", b as char))
                .collect(),
        );
        for text in &texts {
            let (ours, theirs) = (Words::of(&mut tokenizers::words(), text), analysed(text));
            assert_eq!(ours.buffer, theirs.buffer, "{text:?}");
            assert_eq!(ours.spans, theirs.spans, "{text:?}");
        }
    }

    fn marked(snippet: &Snippet) -> String {
        let chars: Vec<char> = snippet.text.chars().collect();
        let mut out = String::new();
        let mut last = 0;
        for [a, b] in &snippet.highlights {
            out.extend(&chars[last..*a]);
            out.push('[');
            out.extend(&chars[*a..*b]);
            out.push(']');
            last = *b;
        }
        out.extend(&chars[last..]);
        out
    }

    fn terms(terms: &[&str]) -> Highlights {
        Highlights {
            terms: terms.iter().map(|t| t.to_string()).collect(),
            ..Highlights::default()
        }
    }

    #[test]
    fn stems_match_other_word_forms() {
        let s = make_snippet(
            "The ministers met. A minister spoke.",
            &terms(&["minist"]),
            200,
        );
        assert_eq!(marked(&s), "The [ministers] met. A [minister] spoke.");
    }

    #[test]
    fn prefixes_and_phrases_are_marked_whole() {
        let h = Highlights {
            prefixes: vec!["presiden".into()],
            phrases: vec![vec!["minist".into(), "of".into(), "defens".into()]],
            ..Highlights::default()
        };
        let s = make_snippet(
            "The President met the Ministers of Defense in Riga.",
            &h,
            200,
        );
        assert_eq!(
            marked(&s),
            "The [President] met the [Ministers of Defense] in Riga."
        );
    }

    #[test]
    fn long_bodies_are_cut_around_the_best_passage() {
        let filler = "Nothing to see here at all. ".repeat(20);
        let body = format!("{filler}Aleppo was shelled. Aleppo again.{filler}");
        let s = make_snippet(&body, &terms(&["aleppo"]), 80);
        assert!(
            s.text.starts_with('…') && s.text.ends_with('…'),
            "{}",
            s.text
        );
        assert!(s.text.contains("Aleppo was shelled"), "{}", s.text);
        assert_eq!(s.highlights.len(), 2);
        assert!(s.text.chars().count() <= 82);
    }

    #[test]
    fn offsets_are_in_characters_and_white_space_is_folded() {
        let s = make_snippet("Élysée\n\n  Palace said", &terms(&["said"]), 200);
        assert_eq!(s.text, "Élysée Palace said");
        assert_eq!(s.highlights, [[14, 18]]);
    }

    #[test]
    fn without_matches_the_opening_is_shown() {
        let s = make_snippet("One two three four five six", &Highlights::default(), 12);
        assert_eq!(s.text, "One two…");
        assert!(s.highlights.is_empty());
    }
}
