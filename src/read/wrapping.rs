//! Hard-wrapped text: line breaks that only keep lines short.
//!
//! Wire archives and plain-text mail break every line at about 70 columns
//! ("Texas Commerce Bancshares Inc's Texas\nCommerce Bank-Houston said").
//! Every extractor reads a line break as the end of a paragraph, so a name
//! broken over two lines became two fragments: "Inc" and "Motors Corp" were
//! the top speakers of Reuters-21578 before this module (issue 15). Soft
//! breaks are turned into spaces, byte for byte, so every offset into the
//! text stays valid (the scorers and `extract --json` report offsets).

/// Turns the soft line breaks of a wire story into spaces: a break followed
/// by a non-blank line that is not indented. An indented line or a blank
/// line opens a paragraph (Reuters-21578 indents paragraphs and tables).
pub fn unwrap_wire(text: &mut String) {
    let soft = soft_breaks(text, |_| true);
    replace_with_spaces(text, &soft);
}

/// Turns soft line breaks into spaces when `text` looks hard-wrapped: most
/// lines that run on into the next end near one width of 40 to 100
/// characters. Text whose lines are whole paragraphs (the usual layout of
/// saved articles) is left as it is.
pub fn unwrap_if_hard_wrapped(text: &mut String) {
    let Some(width) = wrap_width(text) else {
        return;
    };
    // A short line ends its paragraph ("Yours,"); lines near the width
    // were broken only to keep them short.
    let soft = soft_breaks(text, |line| line.chars().count() + WRAP_SLACK >= width);
    replace_with_spaces(text, &soft);
}

/// How far below the wrap width a broken line may end (the next word did
/// not fit).
const WRAP_SLACK: usize = 25;

/// The width `text` is wrapped at, when it is.
fn wrap_width(text: &str) -> Option<usize> {
    let lines: Vec<&str> = text.lines().collect();
    let running_on: Vec<usize> = lines
        .windows(2)
        .filter(|pair| continues(pair[1]) && !pair[0].trim().is_empty())
        .map(|pair| pair[0].trim_end().chars().count())
        .collect();
    if running_on.len() < 3 {
        return None;
    }
    let width = *running_on.iter().max()?;
    if !(40..=100).contains(&width) {
        return None;
    }
    let near = running_on
        .iter()
        .filter(|&&n| n + WRAP_SLACK >= width)
        .count();
    (near * 4 >= running_on.len() * 3).then_some(width)
}

/// A line that carries on the one before it: not blank, not indented.
fn continues(line: &str) -> bool {
    line.chars().next().is_some_and(|c| !c.is_whitespace())
}

/// Byte offsets of the `\n`s that are soft: between a line `accept`s and a
/// line that continues it. A line with a run of spaces inside is a table
/// row, whose breaks are kept.
fn soft_breaks(text: &str, accept: impl Fn(&str) -> bool) -> Vec<usize> {
    let mut soft = Vec::new();
    let mut offset = 0;
    let mut lines = text.split_inclusive('\n').peekable();
    while let Some(line) = lines.next() {
        offset += line.len();
        let Some(next) = lines.peek() else { break };
        let content = line.trim_end_matches(['\n', '\r']);
        let tabular = memchr::memmem::find(content.trim().as_bytes(), b"   ").is_some()
            || content.contains('\t');
        if line.ends_with('\n')
            && !line.ends_with("\r\n")
            && !content.trim().is_empty()
            && !tabular
            && continues(next)
            && accept(content.trim_end())
        {
            soft.push(offset - 1);
        }
    }
    soft
}

fn replace_with_spaces(text: &mut String, offsets: &[usize]) {
    if offsets.is_empty() {
        return;
    }
    let mut bytes = std::mem::take(text).into_bytes();
    for &at in offsets {
        bytes[at] = b' ';
    }
    // Only ASCII newlines became ASCII spaces: still UTF-8.
    *text = String::from_utf8(bytes).unwrap_or_default();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_lines_are_joined_and_paragraphs_kept() {
        let mut text = "Texas Commerce Bancshares Inc's Texas\nCommerce Bank-Houston said it\nfiled.\n    The bank said the\nnetwork would grow.\n    Shr 19 cts vs 22 cts\n    Net 1,234 vs 987".to_string();
        let before = text.len();
        unwrap_wire(&mut text);
        assert_eq!(text.len(), before, "offsets must stay valid");
        assert_eq!(
            text,
            "Texas Commerce Bancshares Inc's Texas Commerce Bank-Houston said it filed.\n    The bank said the network would grow.\n    Shr 19 cts vs 22 cts\n    Net 1,234 vs 987"
        );
    }

    #[test]
    fn plain_text_is_unwrapped_only_when_wrapped() {
        let mut wrapped = "Officials of General Motors Corp and Ford\n\
                           Motor Co met on Tuesday in Detroit, where they\n\
                           said the talks on new contracts had gone well\n\
                           and would resume next week.\n\
                           \n\
                           Yours,\n\
                           The desk"
            .to_string();
        unwrap_if_hard_wrapped(&mut wrapped);
        assert_eq!(
            wrapped,
            "Officials of General Motors Corp and Ford Motor Co met on Tuesday in Detroit, where they said the talks on new contracts had gone well and would resume next week.\n\nYours,\nThe desk"
        );
        let paragraphs = "A whole paragraph on one line, as saved articles have them, which runs on and on well past any terminal width without a break.\nAnother paragraph follows on the next line.\nAnd a third.";
        let mut text = paragraphs.to_string();
        unwrap_if_hard_wrapped(&mut text);
        assert_eq!(text, paragraphs);
        let list = "Apples\nPears\nPlums\nFigs";
        let mut text = list.to_string();
        unwrap_if_hard_wrapped(&mut text);
        assert_eq!(text, list, "short lines of a list are not a wrapped text");
    }
}
