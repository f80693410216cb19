//! Character references of SGML, XML and HTML: `&lt;`, `&#233;`, `&#xE9;`,
//! `&eacute;`, `&nbsp;` — the whole HTML5 table, by the `html-escape` crate.
//! A reference that names nothing stays as written.

use std::borrow::Cow;

pub fn decode_entities(text: &str) -> Cow<'_, str> {
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let numeric = decode_numeric(text);
    Cow::Owned(html_escape::decode_html_entities(&numeric).into_owned())
}

/// `&#N;` and `&#xN;` for every code point, control characters included
/// (Reuters-21578 writes `&#3;` at the end of each story), which the HTML5
/// decoder leaves alone.
fn decode_numeric(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = memchr::memmem::find(rest.as_bytes(), b"&#") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        let end = after.find(';').filter(|&e| e <= 8);
        let value = end.and_then(|e| {
            let digits = &after[..e];
            match digits.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok(),
                None => digits.parse().ok(),
            }
        });
        match (value.and_then(char::from_u32), end) {
            (Some(c), Some(e)) => {
                out.push(c);
                rest = &after[e + 1..];
            }
            _ => {
                out.push_str("&#");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_and_numeric_references() {
        assert_eq!(decode_entities("a &lt;b&gt; &amp; c"), "a <b> & c");
        assert_eq!(
            decode_entities("caf&#233; caf&#xE9; caf&eacute;"),
            "café café café"
        );
        assert_eq!(decode_entities("x&nbsp;y"), "x\u{a0}y");
        assert_eq!(decode_entities("AT&T &unknown;"), "AT&T &unknown;");
        assert_eq!(decode_entities("end&#3;"), "end\u{3}");
        assert_eq!(decode_entities("&#bad; &#"), "&#bad; &#");
    }
}
