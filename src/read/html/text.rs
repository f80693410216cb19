//! Small text helpers shared by the page readers.

use crate::read::entities::decode_entities;

/// Entities decoded, whitespace runs made one space.
pub(super) fn clean(text: &str) -> String {
    collapse(&decode_entities(text))
}

/// Whitespace runs made one space, ends trimmed.
pub(super) fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Words, counting each Chinese or Japanese character as one (those
/// scripts do not separate words by spaces).
pub(super) fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .map(|word| word.chars().filter(|&c| is_cjk(c)).count().max(1))
        .sum()
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{ac00}'..='\u{d7af}')
}

/// Whether the text ends as a sentence or a quotation does.
pub(super) fn ends_like_a_sentence(text: &str) -> bool {
    text.trim_end().chars().next_back().is_some_and(|c| {
        matches!(
            c,
            '.' | '!'
                | '?'
                | ':'
                | ';'
                | '"'
                | '\''
                | ')'
                | '”'
                | '’'
                | '»'
                | '…'
                | '。'
                | '！'
                | '？'
        )
    })
}

/// Whether a text is a web address rather than a name.
pub(super) fn is_link(text: &str) -> bool {
    let text = text.trim_start().to_ascii_lowercase();
    text.starts_with("http://") || text.starts_with("https://") || text.starts_with("www.")
}

/// One paragraph per non-empty line.
pub(super) fn text_paragraphs(text: &str) -> Vec<String> {
    decode_entities(text)
        .lines()
        .map(collapse)
        .filter(|line| !line.is_empty())
        .collect()
}
