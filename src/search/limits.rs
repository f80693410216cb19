//! How much one request may ask for: the same bounds for the command line
//! and for `serve`, checked by the library where each request is answered.
//!
//! Without them a number from a flag or a URL reaches arithmetic and
//! allocation unchecked: `search --offset 18446744073709551615 --limit
//! 18446744073709551615` panicked with "capacity overflow", `similar
//! --limit` of the same wrapped `limit + 1` to zero and tripped an assert in
//! tantivy, `kwic --width` asked for an impossible buffer. The bounds are
//! far above what a page shows and what a reader reads; `newsdex export`
//! streams every match without a page.

use crate::error::{Error, Result};

/// Most hits, values, quotes or lines one request lists.
pub const MAX_LIMIT: usize = 1_000;
/// Most values one facet lists: a whole speaker or place list, for a
/// researcher who wants every value with its count, stays within it.
pub const MAX_FACET_VALUES: usize = 100_000;
/// Deepest offset of a page of hits.
pub const MAX_OFFSET: usize = 100_000;
/// Longest snippet, in characters.
pub const MAX_SNIPPET_CHARS: usize = 2_000;
/// Widest context on each side of a concordance line, in characters.
pub const MAX_KWIC_WIDTH: usize = 200;

/// Hint for the error of a page too large or too deep.
const USE_EXPORT: &str = "; `newsdex export` lists every match";

/// `value` when it is at most `max`; otherwise an error naming `what`.
pub fn at_most(what: &'static str, value: usize, max: usize) -> Result<usize> {
    if value > max {
        return Err(Error::OverLimit {
            what,
            value,
            max,
            hint: "",
        });
    }
    Ok(value)
}

/// Checks a page of hits: its length, its offset and its snippets.
pub fn check_page(limit: usize, offset: usize, snippet_chars: usize) -> Result<()> {
    for (what, value, max) in [("limit", limit, MAX_LIMIT), ("offset", offset, MAX_OFFSET)] {
        if value > max {
            return Err(Error::OverLimit {
                what,
                value,
                max,
                hint: USE_EXPORT,
            });
        }
    }
    at_most("snippet length", snippet_chars, MAX_SNIPPET_CHARS)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_beyond_the_bounds_is_an_error_that_names_the_number() {
        let err = check_page(10, usize::MAX, 220).unwrap_err();
        let message = err.to_string();
        assert!(message.contains("offset 18446744073709551615"), "{message}");
        assert!(message.contains("at most 100000"), "{message}");
        assert!(message.contains("newsdex export"), "{message}");
        assert!(check_page(MAX_LIMIT, MAX_OFFSET, MAX_SNIPPET_CHARS).is_ok());
        assert!(at_most("width", MAX_KWIC_WIDTH + 1, MAX_KWIC_WIDTH).is_err());
    }
}
