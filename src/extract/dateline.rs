//! Datelines: the place (and often agency and date) a wire story opens with.
//!
//! `PARIS (Reuters) - France said …`, `WASHINGTON, Dec 29 - …`,
//! `LAGOS, Nigeria (AP) — …`, `GENEVA, March 4, 2019 (AFP) - …`,
//! `NAIROBI - …`. The place must be written in capitals (or in title case
//! when an agency follows it) and the opening must end in a dash within the
//! first 120 bytes; anything else is ordinary text.

use serde::Serialize;

use crate::extract::dates::{WrittenDate, parse_written_date};

/// A dateline found at the start of a body.
///
/// Wire copy sometimes loses the place and keeps only `(Reuters) - `; that
/// still counts, with no place.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dateline {
    /// The dateline as written, without the dash: `WASHINGTON, Dec 29 (Reuters)`.
    pub text: String,
    /// The place as written: `WASHINGTON`, `NEW YORK/WASHINGTON`.
    pub place: Option<String>,
    /// A region or country after the place: `Nigeria` in `LAGOS, Nigeria`.
    pub region: Option<String>,
    /// The agency in brackets: `Reuters`.
    pub agency: Option<String>,
    /// The date, when the dateline gives one.
    #[serde(skip)]
    pub date: Option<WrittenDate>,
    /// Byte offset in the text where the story proper begins.
    #[serde(skip)]
    pub body_start: usize,
}

/// How far into a body a dateline's dash may be.
const MAX_DATELINE_BYTES: usize = 120;

/// Finds a dateline at the very start of `text`, or right after an
/// editor's note in parentheses ("(In Dec. 13 story, corrects third
/// paragraph …) WASHINGTON (Reuters) - …"); the story proper begins after
/// both, so the note is read as no one's words.
pub fn find_dateline(text: &str) -> Option<Dateline> {
    if let Some(after_note) = editors_note_end(text)
        && let Some(mut dateline) = find_dateline_here(&text[after_note..])
    {
        dateline.body_start += after_note;
        return Some(dateline);
    }
    find_dateline_here(text)
}

/// Where an editor's note that opens `text` ends: "(Corrects …)",
/// "(In Dec. 25 story, …)", "(This version of the story …)", "(Refiles
/// to …)", "(Adds …)", "(Updates …)".
fn editors_note_end(text: &str) -> Option<usize> {
    let start = text.len() - text.trim_start().len();
    let inner = text[start..].strip_prefix('(')?;
    let close = inner.find(')')?;
    if close > 400 {
        return None;
    }
    let note = &inner[..close];
    let first = note.split_whitespace().next()?;
    let editorial = matches!(
        first,
        "In" | "This"
            | "Corrects"
            | "Refiles"
            | "Adds"
            | "Updates"
            | "Repeats"
            | "Fixes"
            | "Changes"
            | "Removes"
            | "Clarifies"
    ) && (first != "In" && first != "This"
        || ["story", "version", "item", "correct", "refile", "update"]
            .iter()
            .any(|w| note.contains(w)));
    editorial.then_some(start + 1 + close + 1)
}

fn find_dateline_here(text: &str) -> Option<Dateline> {
    let opening_end = text.len().min(MAX_DATELINE_BYTES + 4);
    let opening_end = (opening_end..=text.len())
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(text.len());
    let opening = &text[..opening_end];
    let (head_end, rest_start) = find_dash(opening)?;
    let raw_head = text[..head_end].trim();
    if raw_head.is_empty() || raw_head.contains('\n') {
        return None;
    }
    let rest = &text[rest_start..];
    if !rest
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric() || "\"“‘'(".contains(c))
    {
        return None;
    }

    let (head, agency, bracketed) = split_agency(raw_head)?;
    let mut parts = head.split(',').map(str::trim).filter(|p| !p.is_empty());
    let place = match parts.next() {
        Some(place) if is_place(place, agency.is_some()) => Some(place),
        Some(_) => return None,
        // `(Reuters) - …`: an agency alone.
        None if agency.is_some() => None,
        None => return None,
    };
    if place.is_none() && !bracketed {
        return None;
    }
    let mut region = None;
    let mut date: Option<WrittenDate> = None;
    for part in parts {
        let words: Vec<&str> = part.split_whitespace().collect();
        if let Some((written, used)) = parse_written_date(&words)
            && used == words.len()
            && date.is_none()
        {
            date = Some(written);
        } else if let (Some(d), [year]) = (date.as_mut(), words.as_slice())
            && d.year.is_none()
            && year.len() == 4
            && year.chars().all(|c| c.is_ascii_digit())
        {
            d.year = year.parse().ok();
        } else if date.is_none() && region.is_none() && is_region(&words) {
            region = Some(part.to_string());
        } else {
            return None;
        }
    }

    Some(Dateline {
        text: raw_head.to_string(),
        place: place.map(str::to_string),
        region,
        agency,
        date,
        body_start: rest_start,
    })
}

/// Finds the dash that ends a dateline: ` - `, ` -- `, ` — `, ` – ` or `—`.
/// Returns where the head ends and where the story starts.
fn find_dash(opening: &str) -> Option<(usize, usize)> {
    let bytes = opening.as_bytes();
    for (i, c) in opening.char_indices() {
        if i > MAX_DATELINE_BYTES {
            return None;
        }
        let dash_len = match c {
            '—' | '–' => c.len_utf8(),
            '-' if i > 0 && bytes[i - 1] == b' ' => {
                if bytes.get(i + 1) == Some(&b'-') {
                    2
                } else if bytes.get(i + 1) == Some(&b' ') {
                    1
                } else {
                    continue;
                }
            }
            '\n' => return None,
            _ => continue,
        };
        let after = i + dash_len;
        let rest_start = after + (opening[after..].len() - opening[after..].trim_start().len());
        return Some((i, rest_start));
    }
    None
}

/// Splits a trailing `(Agency)` off the head; says whether there were
/// brackets (`WASHINGTON () -` has brackets and no agency).
fn split_agency(head: &str) -> Option<(&str, Option<String>, bool)> {
    let Some(inner_end) = head.strip_suffix(')') else {
        return Some((head, None, false));
    };
    let open = inner_end.rfind('(')?;
    let agency = inner_end[open + 1..].trim();
    let rest = inner_end[..open].trim().trim_end_matches(',').trim_end();
    if agency.is_empty() {
        return Some((rest, None, true));
    }
    let plausible = agency.len() <= 40
        && agency.split_whitespace().count() <= 4
        && agency
            .chars()
            .all(|c| c.is_alphabetic() || " .&-'".contains(c));
    if !plausible {
        return None;
    }
    Some((rest, Some(agency.to_string()), true))
}

fn is_place(text: &str, agency_follows: bool) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.is_empty() || words.len() > 4 {
        return false;
    }
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 2
        || !text
            .chars()
            .all(|c| c.is_alphabetic() || " .-'’/".contains(c))
    {
        return false;
    }
    let all_caps = text
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase);
    all_caps || (agency_follows && words.len() <= 3 && words.iter().all(|w| starts_upper(w)))
}

fn is_region(words: &[&str]) -> bool {
    !words.is_empty()
        && words.len() <= 4
        && words.iter().all(|w| {
            // `AUSTIN, Texas/WASHINGTON`: a region, then a second place.
            w.split('/').all(|piece| {
                piece
                    .chars()
                    .all(|c| c.is_alphabetic() || ".-'’".contains(c))
                    && (starts_upper(piece) || matches!(piece, "of" | "de" | "and" | "the"))
            })
        })
        && starts_upper(words[0])
}

fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Dateline {
        find_dateline(text).unwrap_or_else(|| panic!("no dateline in {text:?}"))
    }

    #[test]
    fn reuters_style_with_agency() {
        let d = parse("PARIS (Reuters) - France accused Syria on Wednesday.");
        assert_eq!(d.text, "PARIS (Reuters)");
        assert_eq!(d.place.as_deref(), Some("PARIS"));
        assert_eq!(d.agency.as_deref(), Some("Reuters"));
        assert_eq!(d.date, None);
        assert_eq!(
            &"PARIS (Reuters) - France accused"[d.body_start..],
            "France accused"
        );
    }

    #[test]
    fn month_and_day_without_year() {
        let d = parse("WASHINGTON, Dec 29 - The Treasury said on Friday.");
        assert_eq!(d.place.as_deref(), Some("WASHINGTON"));
        let date = d.date.unwrap();
        assert_eq!((date.year, date.month, date.day), (None, 12, 29));
        assert_eq!(date.day(), None, "a dateline without a year gives no date");
    }

    #[test]
    fn region_agency_and_em_dash() {
        let d = parse("LAGOS, Nigeria (AP) — Fuel queues returned on Monday.");
        assert_eq!(d.place.as_deref(), Some("LAGOS"));
        assert_eq!(d.region.as_deref(), Some("Nigeria"));
        assert_eq!(d.agency.as_deref(), Some("AP"));
    }

    #[test]
    fn full_date_in_dateline() {
        let d = parse("GENEVA, March 4, 2019 (AFP) - Talks ended.");
        assert_eq!(d.date.unwrap().day().unwrap().to_string(), "2019-03-04");
        assert_eq!(d.agency.as_deref(), Some("AFP"));
    }

    #[test]
    fn multi_word_places_and_bare_dash() {
        let place = |text| parse(text).place.unwrap();
        assert_eq!(place("NEW YORK, March 3 - Stocks rose."), "NEW YORK");
        assert_eq!(place("NAIROBI - Rains arrived late."), "NAIROBI");
        assert_eq!(place("ST. LOUIS -- Police said."), "ST. LOUIS");
        assert_eq!(place("Washington (Reuters) - A bill passed."), "Washington");
        assert_eq!(
            place("NEW YORK/WASHINGTON (Reuters) - Tax."),
            "NEW YORK/WASHINGTON"
        );
        let d = parse("AUSTIN, Texas/WASHINGTON (Reuters) - A congressman said.");
        assert_eq!(d.region.as_deref(), Some("Texas/WASHINGTON"));
    }

    #[test]
    fn wire_copy_that_lost_its_place_or_agency() {
        let d = parse("(Reuters) - Alabama officials on Thursday certified the result.");
        assert_eq!((d.place, d.agency.as_deref()), (None, Some("Reuters")));
        let d = parse("WASHINGTON () - The top Democrat asked.");
        assert_eq!((d.place.as_deref(), d.agency), (Some("WASHINGTON"), None));
        assert_eq!(
            find_dateline("(In Dec. 25 story, corrects name) - text"),
            None
        );
    }

    #[test]
    fn ordinary_openings_are_not_datelines() {
        assert_eq!(
            find_dateline("France accused Syria - and its allies - of war."),
            None
        );
        assert_eq!(
            find_dateline("Paris - the city of light - was quiet."),
            None
        );
        assert_eq!(find_dateline("A well-known PARIS-based firm said."), None);
        assert_eq!(
            find_dateline("UNITED NATIONS, it said, was 1-0 - down."),
            None
        );
        assert_eq!(find_dateline(""), None);
    }

    #[test]
    fn a_dateline_after_an_editors_note() {
        let text = "(In this Dec. 13 story, corrects third paragraph to say he is a former \
                    professor) WASHINGTON (Reuters) - A nominee has withdrawn, Bloomberg reported.";
        let dateline = find_dateline(text).expect("a dateline");
        assert_eq!(dateline.place.as_deref(), Some("WASHINGTON"));
        assert_eq!(dateline.agency.as_deref(), Some("Reuters"));
        assert!(text[dateline.body_start..].starts_with("A nominee"));
        // A parenthesis that is no editor's note is no dateline's start.
        assert!(find_dateline("(He said so) WASHINGTON (Reuters) - Text.").is_none());
    }
}
