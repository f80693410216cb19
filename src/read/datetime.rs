//! Publication dates as metadata writes them.
//!
//! Feeds, crawlers and archives each have their own way: RFC 2822 (`Wed, 05
//! Apr 2017 12:00:00 GMT`), ISO 8601 with or without an offset, NITF's
//! compact `20170405T120000Z`, Reuters-21578's `26-FEB-1987 15:01:01.79`,
//! epoch seconds, or prose (`December 31, 2017`). [`parse_day`] turns any
//! of them into the day newsdex indexes: the calendar day in the time zone
//! the source wrote it in. A story a paper published at 23:30 on
//! 2 January, New York time, is dated 2 January, as the paper and its
//! readers date it, not 3 January as UTC would; only epoch seconds, which
//! have no zone, are read as UTC. An offset must still be valid for the
//! date to count. Anything else is no date: a date is never guessed.

use crate::extract::dates::{Day, month_number, parse_date_line};

/// Seconds since 1970-01-01T00:00:00 of a written date and time on the
/// writer's own clock (its offset checked, not applied), when it is one of
/// the forms above. A date without a time is midnight.
fn parse_local_instant(text: &str) -> Option<i64> {
    let text = text.trim().trim_matches('"').trim();
    if text.is_empty() || text.len() > 64 {
        return None;
    }
    epoch(text)
        .or_else(|| iso_8601(text))
        .or_else(|| compact(text))
        .or_else(|| rfc_2822(text))
        .or_else(|| reuters(text))
        .or_else(|| parse_date_line(text).map(|d| d.unix_seconds()))
}

/// The day of a written date and time, in the writer's time zone.
pub fn parse_day(text: &str) -> Option<Day> {
    Day::from_unix_seconds(parse_local_instant(text)?)
}

/// The local time's seconds; the offset only has to be one.
fn seconds(day: Day, hour: i64, minute: i64, second: i64, _offset_minutes: i64) -> Option<i64> {
    if !(0..24).contains(&hour) || !(0..60).contains(&minute) || !(0..=60).contains(&second) {
        return None;
    }
    Some(day.unix_seconds() + hour * 3600 + minute * 60 + second)
}

/// 9 to 11 digits are seconds, 12 to 13 milliseconds (1973–5138).
fn epoch(text: &str) -> Option<i64> {
    if !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: i64 = text.parse().ok()?;
    match text.len() {
        9..=11 => Some(n),
        12..=13 => Some(n / 1000),
        _ => None,
    }
}

fn num(text: &str) -> Option<i64> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// `+02:00`, `-0500`, `+02`, `Z`, or a US/UT zone name.
fn offset(text: &str) -> Option<i64> {
    let text = text.trim();
    match text.to_ascii_uppercase().as_str() {
        "" | "Z" | "UT" | "UTC" | "GMT" => return Some(0),
        "EST" | "CDT" => return Some(-300),
        "EDT" => return Some(-240),
        "CST" => return Some(-360),
        "MST" => return Some(-420),
        "MDT" => return Some(-360),
        "PST" => return Some(-480),
        "PDT" => return Some(-420),
        _ => {}
    }
    let sign = match text.as_bytes()[0] {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let digits: String = text[1..].chars().filter(|c| *c != ':').collect();
    let (h, m) = match digits.len() {
        2 => (num(&digits)?, 0),
        4 => (num(&digits[..2])?, num(&digits[2..])?),
        _ => return None,
    };
    (h <= 14 && m < 60).then_some(sign * (h * 60 + m))
}

/// `HH:MM[:SS[.fff]]` followed by an optional offset.
fn clock(text: &str) -> Option<(i64, i64, i64, i64)> {
    let split = text.find(['Z', 'z', '+', '-', ' ']).unwrap_or(text.len());
    let (time, zone) = text.split_at(split);
    let mut parts = time.split(':');
    let hour = num(parts.next()?)?;
    let minute = num(parts.next()?)?;
    let second = match parts.next() {
        Some(s) => num(s.split(['.', ',']).next()?)?,
        None => 0,
    };
    Some((hour, minute, second, offset(zone)?))
}

/// `2017-04-05`, `2017-04-05T12:00:00Z`, `2017-04-05 12:00:00.5+02:00`.
fn iso_8601(text: &str) -> Option<i64> {
    let bytes = text.as_bytes();
    if !text.is_ascii() || text.len() < 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let day = Day::new(
        num(&text[..4])? as i32,
        num(&text[5..7])? as u8,
        num(&text[8..10])? as u8,
    )?;
    let rest = &text[10..];
    if rest.is_empty() {
        return Some(day.unix_seconds());
    }
    let rest = rest.strip_prefix(['T', 't', ' '])?;
    let (h, m, s, off) = clock(rest.trim())?;
    seconds(day, h, m, s, off)
}

/// NITF and IPTC: `20170405`, `20170405T120000Z`, `20170405T120000-0500`.
fn compact(text: &str) -> Option<i64> {
    if !text.is_ascii() || text.len() < 8 || !text.as_bytes()[..8].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let day = Day::new(
        num(&text[..4])? as i32,
        num(&text[4..6])? as u8,
        num(&text[6..8])? as u8,
    )?;
    let rest = &text[8..];
    if rest.is_empty() {
        return Some(day.unix_seconds());
    }
    let rest = rest.strip_prefix(['T', 't'])?;
    if rest.len() < 4 || !rest.as_bytes()[..4].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let (h, m) = (num(&rest[..2])?, num(&rest[2..4])?);
    let (s, zone) = if rest.len() >= 6 && rest.as_bytes()[4..6].iter().all(u8::is_ascii_digit) {
        (num(&rest[4..6])?, &rest[6..])
    } else {
        (0, &rest[4..])
    };
    seconds(day, h, m, s, offset(zone)?)
}

/// RFC 2822 / RSS: `Wed, 05 Apr 2017 12:00:00 GMT`, `5 Apr 2017 12:00 +0200`.
fn rfc_2822(text: &str) -> Option<i64> {
    let text = match text.split_once(',') {
        Some((weekday, rest)) if weekday.trim().chars().all(char::is_alphabetic) => rest,
        _ => text,
    };
    let mut words = text.split_whitespace();
    let day = num(words.next()?)?;
    let month = month_number(words.next()?)?;
    let year = num(words.next()?)?;
    let year = if year < 100 {
        year + if year < 50 { 2000 } else { 1900 }
    } else {
        year
    };
    let date = Day::new(year as i32, month, day as u8)?;
    let Some(time) = words.next() else {
        return Some(date.unix_seconds());
    };
    let zone = words.next().unwrap_or("");
    let (h, m, s, _) = clock(time)?;
    seconds(date, h, m, s, offset(zone)?)
}

/// Reuters-21578: `26-FEB-1987 15:01:01.79` (no zone: taken as UTC).
fn reuters(text: &str) -> Option<i64> {
    let (date, time) = text.split_once(' ').unwrap_or((text, ""));
    let mut parts = date.split('-');
    let day = num(parts.next()?.trim())?;
    let month = month_number(parts.next()?)?;
    let year = num(parts.next()?.trim())?;
    if parts.next().is_some() {
        return None;
    }
    let date = Day::new(year as i32, month, day as u8)?;
    if time.trim().is_empty() {
        return Some(date.unix_seconds());
    }
    let (h, m, s, _) = clock(time.trim())?;
    seconds(date, h, m, s, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> String {
        parse_day(text)
            .map(|d| d.to_string())
            .unwrap_or_else(|| "none".into())
    }

    #[test]
    fn every_form_of_the_corpora_is_read() {
        assert_eq!(day("2017-04-05"), "2017-04-05");
        assert_eq!(day("2017-04-05T12:00:00Z"), "2017-04-05");
        // The writer's own day, whatever the offset.
        assert_eq!(day("2017-04-05T23:30:00-05:00"), "2017-04-05");
        assert_eq!(day("2017-04-05 01:30:00.123+02:00"), "2017-04-05");
        assert_eq!(day("20170405T120000Z"), "2017-04-05");
        assert_eq!(day("20170405T220000-0500"), "2017-04-05");
        assert_eq!(day("20170405"), "2017-04-05");
        assert_eq!(day("Wed, 05 Apr 2017 23:00:00 EST"), "2017-04-05");
        assert_eq!(day("Wed, 05 Apr 2017 12:00:00 GMT"), "2017-04-05");
        assert_eq!(day("5 Apr 2017 12:00 +0200"), "2017-04-05");
        assert_eq!(day("26-FEB-1987 15:01:01.79"), "1987-02-26");
        assert_eq!(day("December 31, 2017 "), "2017-12-31");
        assert_eq!(day("1491393600"), "2017-04-05");
        assert_eq!(day("1491393600000"), "2017-04-05");
    }

    #[test]
    fn nonsense_is_no_date() {
        for text in [
            "",
            "yesterday",
            "2021-03-†4",
            "2017040†",
            "2017-13-01",
            "2017-02-30",
            "12",
            "Wed, 99 Foo 2017",
            "20171301",
            "12:00",
        ] {
            assert_eq!(day(text), "none", "{text}");
        }
    }
}
