//! Calendar dates as news text writes them.
//!
//! newsdex records a date only when the text states one; this module parses
//! the usual written forms ("23 November 2016", "Nov. 23, 2016",
//! "Wednesday, 23 November 2016 14:05 GMT", "2016-11-23", "Published: …")
//! and never fills in a missing year.

use crate::extract::text::to_lower;
use std::fmt;

use serde::{Serialize, Serializer};
use tantivy::time::{Date, Month};

/// A calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub Date);

impl Day {
    pub fn new(year: i32, month: u8, day: u8) -> Option<Day> {
        if !(1800..=2200).contains(&year) {
            return None;
        }
        let month = Month::try_from(month).ok()?;
        Date::from_calendar_date(year, month, day).ok().map(Day)
    }

    pub fn year(&self) -> i32 {
        self.0.year()
    }

    pub fn month(&self) -> u8 {
        self.0.month() as u8
    }

    pub fn day(&self) -> u8 {
        self.0.day()
    }

    /// Seconds since 1970-01-01 at midnight UTC of this day.
    pub fn unix_seconds(&self) -> i64 {
        self.0.midnight().assume_utc().unix_timestamp()
    }

    pub fn from_unix_seconds(seconds: i64) -> Option<Day> {
        tantivy::time::OffsetDateTime::from_unix_timestamp(seconds)
            .ok()
            .map(|t| Day(t.date()))
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse_iso(text: &str) -> Option<Day> {
        let mut parts = text.splitn(3, '-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        Day::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02}",
            self.year(),
            self.month(),
            self.day()
        )
    }
}

impl Serialize for Day {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// A date as written, which may lack its year ("Dec 29" in a dateline).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WrittenDate {
    pub year: Option<i32>,
    pub month: u8,
    pub day: u8,
}

impl WrittenDate {
    pub fn day(&self) -> Option<Day> {
        Day::new(self.year?, self.month, self.day)
    }
}

const MONTHS: [(&str, u8); 23] = [
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
];

/// The month a word names: "November", "Nov", "Nov.", "DEC".
pub fn month_number(word: &str) -> Option<u8> {
    let word = to_lower(word.trim_end_matches('.'));
    if word == "dec" {
        return Some(12);
    }
    MONTHS
        .iter()
        .find(|(name, _)| *name == word)
        .map(|&(_, n)| n)
}

pub const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Whether a word names a month or a weekday: "Paris Monday" is Paris on
/// a Monday, not a firm.
pub fn is_calendar_word(word: &str) -> bool {
    month_number(word).is_some() || is_weekday(word)
}

fn is_weekday(word: &str) -> bool {
    let word = to_lower(word.trim_end_matches('.'));
    WEEKDAYS
        .iter()
        .any(|w| *w == word || (word.len() == 3 && w.starts_with(word.as_str())))
}

/// Labels that may precede a date on a date line.
const LABELS: [&str; 8] = [
    "published",
    "date",
    "updated",
    "posted",
    "dated",
    "filed",
    "last updated",
    "published on",
];

/// Words that may follow a date on a date line: times and time zones.
fn is_time_word(word: &str) -> bool {
    let lower = to_lower(word);
    let lower = lower.trim_end_matches(['.', ',']);
    if lower.contains(':')
        && lower
            .chars()
            .all(|c| c.is_ascii_digit() || c == ':' || c == '.')
    {
        return true;
    }
    matches!(
        lower,
        "gmt"
            | "utc"
            | "bst"
            | "cet"
            | "cest"
            | "est"
            | "edt"
            | "et"
            | "pst"
            | "pdt"
            | "am"
            | "pm"
            | "a.m"
            | "p.m"
            | "at"
            | "hrs"
            | "local"
            | "time"
    ) || (lower.ends_with("am") || lower.ends_with("pm"))
        && lower[..lower.len() - 2]
            .chars()
            .all(|c| c.is_ascii_digit() || c == ':' || c == '.')
}

fn parse_day_number(word: &str) -> Option<u8> {
    let digits = word
        .trim_end_matches(['.', ','])
        .trim_end_matches("st")
        .trim_end_matches("nd")
        .trim_end_matches("rd")
        .trim_end_matches("th");
    if digits.is_empty() || digits.len() > 2 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

fn parse_year(word: &str) -> Option<i32> {
    let digits = word.trim_end_matches(['.', ',']);
    if digits.len() != 4 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// Parses a numeric date: `2016-11-23`, `2016/11/23`, or an ISO timestamp.
fn parse_numeric(word: &str) -> Option<Day> {
    let date_part = word.split(['T', ' ']).next()?;
    let normalised = date_part.replace('/', "-");
    Day::parse_iso(&normalised)
}

/// Parses a whole line as a date, allowing a label, a weekday and a trailing
/// time: "Published: Wednesday, 23 November 2016, 14:05 GMT". Returns `None`
/// unless the line is nothing but a complete date.
pub fn parse_date_line(line: &str) -> Option<Day> {
    let mut text = line.trim();
    if text.is_empty() || text.len() > 80 {
        return None;
    }
    let lower = to_lower(text);
    for label in LABELS {
        if let Some(rest) = lower.strip_prefix(label) {
            let rest_trimmed = rest.trim_start();
            if let Some(after) = rest_trimmed.strip_prefix(':') {
                text = text[text.len() - after.len()..].trim();
                break;
            }
            if label.ends_with(" on") {
                text = text[text.len() - rest_trimmed.len()..].trim();
                break;
            }
        }
    }
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let mut words: &[&str] = &words;
    if let Some(first) = words.first()
        && is_weekday(first)
    {
        words = &words[1..];
    }
    while let Some(last) = words.last() {
        if is_time_word(last) {
            words = &words[..words.len() - 1];
        } else {
            break;
        }
    }
    match words {
        [single] => parse_numeric(single),
        _ => match parse_written_date(words) {
            Some((date, used)) if used == words.len() => date.day(),
            _ => None,
        },
    }
}

/// Parses a date written in words at the start of `words`: "23 November
/// 2016", "Nov. 23, 2016", "March 4" (no year). Returns the date and how
/// many words it took.
pub fn parse_written_date(words: &[&str]) -> Option<(WrittenDate, usize)> {
    // Day Month [Year]
    if let [d, m, rest @ ..] = words
        && let (Some(day), Some(month)) = (parse_day_number(d), month_number(m))
    {
        let year = rest.first().and_then(|y| parse_year(y));
        let used = 2 + usize::from(year.is_some());
        return valid(WrittenDate { year, month, day }).map(|date| (date, used));
    }
    // Month Day [Year]
    if let [m, d, rest @ ..] = words
        && let (Some(month), Some(day)) = (month_number(m), parse_day_number(d))
    {
        let year = rest.first().and_then(|y| parse_year(y));
        let used = 2 + usize::from(year.is_some());
        return valid(WrittenDate { year, month, day }).map(|date| (date, used));
    }
    None
}

fn valid(date: WrittenDate) -> Option<WrittenDate> {
    // Check the day exists in that month (in a leap year when the year is unknown).
    Day::new(date.year.unwrap_or(2000), date.month, date.day).map(|_| date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Option<String> {
        parse_date_line(text).map(|d| d.to_string())
    }

    #[test]
    fn date_lines_in_common_forms() {
        assert_eq!(day("23 November 2016").as_deref(), Some("2016-11-23"));
        assert_eq!(day("November 23, 2016").as_deref(), Some("2016-11-23"));
        assert_eq!(day("Nov. 23, 2016").as_deref(), Some("2016-11-23"));
        assert_eq!(
            day("Wednesday, 23 November 2016").as_deref(),
            Some("2016-11-23")
        );
        assert_eq!(day("Monday, March 4, 2019").as_deref(), Some("2019-03-04"));
        assert_eq!(day("Published: 2019-03-04").as_deref(), Some("2019-03-04"));
        assert_eq!(
            day("Updated: 4th March 2019 14:05 GMT").as_deref(),
            Some("2019-03-04")
        );
        assert_eq!(day("2019/03/04").as_deref(), Some("2019-03-04"));
        assert_eq!(day("2016-11-23T09:30:00Z").as_deref(), Some("2016-11-23"));
        assert_eq!(
            day("Published on 1 Feb 2020").as_deref(),
            Some("2020-02-01")
        );
    }

    #[test]
    fn lines_that_are_not_only_a_date_are_rejected() {
        assert_eq!(day("Talks resume on 23 November 2016 in Geneva"), None);
        assert_eq!(day("March 4"), None, "no year: never guessed");
        assert_eq!(day("May the best team win"), None);
        assert_eq!(day("31 February 2019"), None);
        assert_eq!(day("2019-13-01"), None);
        assert_eq!(day(""), None);
    }

    #[test]
    fn written_dates_report_the_words_they_used() {
        let (date, used) = parse_written_date(&["Dec", "29", "(Reuters)"]).unwrap();
        assert_eq!((date.year, date.month, date.day, used), (None, 12, 29, 2));
        let (date, used) = parse_written_date(&["March", "4", "2019"]).unwrap();
        assert_eq!((date.year, used), (Some(2019), 3));
        assert_eq!(date.day().unwrap().to_string(), "2019-03-04");
    }

    #[test]
    fn days_round_trip_through_unix_seconds() {
        let d = Day::new(2016, 11, 23).unwrap();
        assert_eq!(Day::from_unix_seconds(d.unix_seconds()), Some(d));
    }
}
