//! What a page says about its article besides the text: headline, date,
//! authors, publisher, address, language.
//!
//! Pages say it three ways: `<meta>` tags for search engines and social
//! networks, JSON-LD, and what the reader sees (the `<h1>`, the byline,
//! the date line). Each field reconciles them:
//!
//! - **Title**: the headline the reader sees: of the `<h1>`s outside the
//!   page's frame (the site's name aside), the one that shares most words
//!   with the declared titles (JSON-LD `headline`, `og:title`,
//!   `twitter:title`, `<title>`); when none shares a sixth of its words
//!   with them, the first declared title; with no `<h1>`, the same. A
//!   declared title loses the site's name at either end (`… | The Sun`,
//!   `Reuters - …`): the part that names the site, its publisher or its
//!   host.
//! - **Date**: the publication date the page declares (JSON-LD
//!   `datePublished`, `article:published_time`, `itemprop=datePublished`,
//!   Dublin Core and the usual CMS names), else the one it shows (`<time
//!   datetime>`, a date line such as "Published 2:16 AM EST Nov 20,
//!   2019"), else the date in its address (`/2019/11/20/`), else the date
//!   it declares it was last modified. Placeholders (before 1990) and
//!   dates in the future are refused; a date is never guessed. The day is
//!   the one the page writes, in its own time zone.
//! - **Authors**: JSON-LD `author` (people first), the visible byline
//!   (`rel=author`, `itemprop=author`, an element classed `byline` or
//!   `author`: "By DANICA KIRKA and JILL LAWLESS"), `<meta name=author>`
//!   when it names a person rather than the publisher; several authors
//!   are several values.
//! - **Source**: the site's own name (`og:site_name`, JSON-LD `publisher`,
//!   `application-name`), else its host without `www.`.
//! - **URL**: the canonical address (`<link rel=canonical>`, `og:url`,
//!   JSON-LD `url`), absolute before relative.

use std::collections::HashMap;

use super::linked_data::LinkedData;
use super::text::{clean, collapse, is_link, word_count};
use super::tree::Tree;
use crate::extract::dates::{Day, parse_written_date};
use crate::read::datetime::parse_day;

/// The page's metadata (see the module documentation).
#[derive(Debug, Default, PartialEq)]
pub(super) struct Metadata {
    pub title: Option<String>,
    pub date: Option<Day>,
    pub authors: Vec<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
}

/// `<meta>` names whose content is the publication date, most telling
/// first.
const PUBLISHED_KEYS: [&str; 18] = [
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "published_time",
    "article.published",
    "publish-date",
    "publish_date",
    "publishdate",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "date",
    "citation_publication_date",
];

/// `<meta>` names whose content is the last modification's date.
const MODIFIED_KEYS: [&str; 5] = [
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "last-modified",
    "dcterms.modified",
];

/// `<meta>` names whose content is an author.
const AUTHOR_KEYS: [&str; 7] = [
    "author",
    "article:author",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "dcterms.creator",
    "byl",
];

/// Class and id words of elements that show a date.
const DATE_WORDS: [&str; 16] = [
    "date",
    "dateline",
    "datetime",
    "published",
    "publishdate",
    "pubdate",
    "posted",
    "postdate",
    "postedon",
    "timestamp",
    "time",
    "entrydate",
    "articledate",
    "updated",
    "meta",
    "byline",
];

/// Class and id words of elements that show an author.
const AUTHOR_WORDS: [&str; 10] = [
    "author",
    "authors",
    "authorname",
    "byline",
    "bylines",
    "writer",
    "contributor",
    "contributors",
    "postauthor",
    "articleauthor",
];

/// What the markup says outside the body.
#[derive(Debug, Default)]
struct Head {
    /// `<meta>` content by lower-cased name, property or itemprop: every
    /// value, in page order.
    meta: HashMap<String, Vec<String>>,
    canonical: Option<String>,
    language: Option<String>,
    title: Option<String>,
}

impl Head {
    fn read(tree: &Tree<'_, '_>) -> Head {
        let mut head = Head::default();
        for i in 0..tree.len() {
            match tree.name(i) {
                "meta" => {
                    let Some(content) = tree
                        .attribute(i, "content")
                        .map(|c| clean(&c))
                        .filter(|c| !c.is_empty())
                    else {
                        continue;
                    };
                    for key in ["name", "property", "itemprop"] {
                        if let Some(name) = tree.attribute(i, key) {
                            head.meta
                                .entry(name.trim().to_ascii_lowercase())
                                .or_default()
                                .push(content.clone());
                        }
                    }
                }
                "link" if head.canonical.is_none() => {
                    let canonical = tree.attribute(i, "rel").is_some_and(|rel| {
                        rel.split_whitespace()
                            .any(|r| r.eq_ignore_ascii_case("canonical"))
                    });
                    if canonical {
                        head.canonical = tree
                            .attribute(i, "href")
                            .map(|h| clean(&h))
                            .filter(|h| !h.is_empty());
                    }
                }
                "html" if head.language.is_none() => {
                    head.language = tree
                        .attribute(i, "lang")
                        .map(|l| clean(&l))
                        .filter(|l| !l.is_empty());
                }
                "title" if head.title.is_none() => {
                    head.title = Some(tree.text(i)).filter(|t| !t.is_empty());
                }
                _ => {}
            }
        }
        head
    }

    fn first(&self, key: &str) -> Option<&str> {
        self.meta.get(key)?.first().map(String::as_str)
    }
}

/// Reads the page's metadata. `frame[i]` says whether node `i` is in the
/// page's frame (navigation, footers, sidebars).
pub(super) fn read(tree: &Tree<'_, '_>, linked: &LinkedData, frame: &[bool]) -> Metadata {
    let head = Head::read(tree);
    let url = url(&head, linked);
    let host = url.as_deref().and_then(host_name);
    let source = head
        .first("og:site_name")
        .map(str::to_string)
        .or_else(|| linked.publisher.clone())
        .or_else(|| head.first("application-name").map(str::to_string))
        .or_else(|| host.clone());
    let site_names: Vec<String> = [
        head.first("og:site_name").map(str::to_string),
        linked.publisher.clone(),
        head.first("application-name").map(str::to_string),
        host.clone(),
    ]
    .into_iter()
    .flatten()
    .collect();
    Metadata {
        title: title(tree, &head, linked, frame, &site_names),
        date: date(tree, &head, linked, frame, url.as_deref()),
        authors: authors(tree, &head, linked, frame, &site_names),
        source,
        url,
        language: head.language.clone().or_else(|| linked.language.clone()),
    }
}

fn url(head: &Head, linked: &LinkedData) -> Option<String> {
    let urls = [
        head.canonical.clone(),
        head.first("og:url").map(str::to_string),
        linked.url.clone(),
    ];
    urls.iter()
        .flatten()
        .find(|u| is_link(u))
        .or_else(|| urls.iter().flatten().next())
        .cloned()
}

/// "thesun.co.uk" of "https://www.thesun.co.uk/news/…".
fn host_name(url: &str) -> Option<String> {
    let host = crate::read::warc::host_of(url)?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    Some(host.to_ascii_lowercase()).filter(|h| h.contains('.'))
}

// ---------------------------------------------------------------------------
// Title.

fn title(
    tree: &Tree<'_, '_>,
    head: &Head,
    linked: &LinkedData,
    frame: &[bool],
    site_names: &[String],
) -> Option<String> {
    let named: Vec<String> = [
        linked.headline.clone(),
        head.first("og:title").map(str::to_string),
        head.first("twitter:title").map(str::to_string),
        head.title.clone(),
    ]
    .into_iter()
    .flatten()
    .map(|t| without_site_name(&t, site_names))
    .filter(|t| !t.is_empty())
    .collect();
    let is_site = |text: &str| {
        let lower = text.to_lowercase();
        site_names.iter().any(|s| {
            let s = s.to_lowercase();
            lower == s || lower == s.split('.').next().unwrap_or(&s)
        })
    };
    let h1s: Vec<String> = (0..tree.len())
        .filter(|&i| tree.name(i) == "h1" && !frame[i])
        .map(|i| without_site_name(&tree.text(i), site_names))
        .filter(|t| !t.is_empty() && !is_site(t))
        .collect();
    // The visible headline that agrees best with the declared titles; a
    // page whose only <h1> says something else entirely (a section name, a
    // slogan) is titled as it declares, and one that declares nothing by
    // its first <h1>.
    let agreeing = h1s
        .iter()
        .map(|h| {
            let agreement = named
                .iter()
                .map(|n| word_overlap(h, n))
                .fold(0.0_f64, f64::max);
            (agreement, h)
        })
        .fold(
            None,
            |best: Option<(f64, &String)>, (agreement, h)| match best {
                Some((b, _)) if b >= agreement => best,
                _ => Some((agreement, h)),
            },
        );
    match agreeing {
        Some((agreement, h1)) if agreement >= 0.15 || named.is_empty() => Some(h1.clone()),
        _ => named.into_iter().next(),
    }
}

/// Shared words over all words (Jaccard), case ignored.
fn word_overlap(a: &str, b: &str) -> f64 {
    let words = |t: &str| -> std::collections::HashSet<String> {
        t.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (a, b) = (words(a), words(b));
    let union = a.union(&b).count();
    if union == 0 {
        return 0.0;
    }
    a.intersection(&b).count() as f64 / union as f64
}

/// The title without the site's name at either end (`Storm hits coast |
/// The Courier`, `Courier - Storm hits coast`, `Storm hits coast –
/// courier.example`).
pub(super) fn without_site_name(title: &str, site_names: &[String]) -> String {
    let title = collapse(title);
    const SEPARATORS: [&str; 8] = [" | ", " - ", " – ", " — ", " · ", " :: ", " » ", " • "];
    let is_site = |part: &str| {
        let part = part.trim().to_lowercase();
        !part.is_empty()
            && site_names.iter().any(|site| {
                let site = site.to_lowercase();
                let bare = site.split('.').next().unwrap_or(&site).replace('-', " ");
                part == site
                    || part == bare
                    || part.replace(' ', "") == bare.replace(' ', "")
                    || (site.contains('.')
                        && part.replace(' ', "").contains(&bare.replace(' ', "")))
            })
    };
    for separator in SEPARATORS {
        if let Some((rest, last)) = title.rsplit_once(separator)
            && is_site(last)
            && !rest.trim().is_empty()
        {
            return without_site_name(rest, site_names);
        }
        if let Some((first, rest)) = title.split_once(separator)
            && is_site(first)
            && !rest.trim().is_empty()
        {
            return without_site_name(rest, site_names);
        }
    }
    title
}

// ---------------------------------------------------------------------------
// Date.

fn date(
    tree: &Tree<'_, '_>,
    head: &Head,
    linked: &LinkedData,
    frame: &[bool],
    url: Option<&str>,
) -> Option<Day> {
    let declared = linked
        .published
        .iter()
        .map(String::as_str)
        .chain(
            PUBLISHED_KEYS
                .iter()
                .filter_map(|key| head.meta.get(*key))
                .flatten()
                .map(String::as_str),
        )
        .find_map(plausible_day);
    declared
        .or_else(|| itemprop_date(tree, "datepublished"))
        .or_else(|| shown_date(tree, frame))
        .or_else(|| url.and_then(date_in_url))
        .or_else(|| {
            linked
                .modified
                .iter()
                .map(String::as_str)
                .chain(
                    MODIFIED_KEYS
                        .iter()
                        .filter_map(|key| head.meta.get(*key))
                        .flatten()
                        .map(String::as_str),
                )
                .find_map(plausible_day)
        })
        .or_else(|| itemprop_date(tree, "datemodified"))
}

/// A date that can be a publication date: from 1990 to tomorrow.
fn plausible_day(text: &str) -> Option<Day> {
    parse_day(text).filter(|day| is_plausible(*day))
}

fn is_plausible(day: Day) -> bool {
    let tomorrow = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(i64::MAX, |d| d.as_secs() as i64 + 86_400);
    day.year() >= 1990 && day.unix_seconds() <= tomorrow
}

/// `<time itemprop="datePublished" datetime="…">` or any element with that
/// itemprop and a `content` (`<meta>` ones are read with the others).
fn itemprop_date(tree: &Tree<'_, '_>, prop: &str) -> Option<Day> {
    (0..tree.len()).find_map(|i| {
        let matches = tree
            .attribute(i, "itemprop")
            .is_some_and(|p| p.split_whitespace().any(|p| p.eq_ignore_ascii_case(prop)));
        if !matches || tree.name(i) == "meta" {
            return None;
        }
        tree.attribute(i, "datetime")
            .or_else(|| tree.attribute(i, "content"))
            .and_then(|d| plausible_day(&d))
            .or_else(|| find_date(&tree.text(i)))
    })
}

/// The first date the page shows outside its frame: a `<time>` element, or
/// a short text in an element classed as a date or a byline.
fn shown_date(tree: &Tree<'_, '_>, frame: &[bool]) -> Option<Day> {
    for (i, _) in frame.iter().enumerate().filter(|(_, framed)| !**framed) {
        let name = tree.name(i);
        if name == "time" {
            let found = tree
                .attribute(i, "datetime")
                .and_then(|d| plausible_day(&d))
                .or_else(|| find_date(&tree.text(i)));
            if found.is_some() {
                return found;
            }
            continue;
        }
        if name.is_empty() || matches!(name, "html" | "body" | "main" | "article") {
            continue;
        }
        let words = tree.class_words(i);
        if !words.iter().any(|w| DATE_WORDS.contains(&w.as_str())) {
            continue;
        }
        let text = tree.text(i);
        if text.is_empty() || word_count(&text) > 30 {
            continue;
        }
        if let Some(day) = find_date(&text) {
            return Some(day);
        }
    }
    None
}

/// The first complete date written in a short text: "Published 2:16 AM
/// EST Nov 20, 2019", "Updated: 4 March 2019", "2019-11-20", "20.11.2019".
/// A date with no year, or a slashed date that could be read two ways
/// (03/04/2019), is not one.
pub(super) fn find_date(text: &str) -> Option<Day> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',' || c == '|' || c == '·' || c == '•')
        .filter(|w| !w.is_empty())
        .collect();
    for start in 0..words.len() {
        if let Some((written, used)) = parse_written_date(&words[start..])
            && written.year.is_some()
            && used >= 3
            && let Some(day) = written.day().filter(|d| is_plausible(*d))
        {
            return Some(day);
        }
        if let Some(day) = numeric_date(words[start]).filter(|d| is_plausible(*d)) {
            return Some(day);
        }
    }
    None
}

/// `2019-11-20`, `2019/11/20`, `20.11.2019`, `11/20/2019` (when only one
/// reading is a date), with an ISO time or trailing punctuation allowed.
fn numeric_date(word: &str) -> Option<Day> {
    let word = word.trim_matches(|c: char| !c.is_ascii_alphanumeric());
    let date = word.split('T').next()?;
    let parts: Vec<&str> = date.split(['-', '/', '.']).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    let number = |s: &str| -> Option<u32> {
        (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let (a, b, c) = (number(a)?, number(b)?, number(c)?);
    if a >= 1000 {
        return Day::new(a as i32, b as u8, c as u8);
    }
    if c < 1000 {
        return None;
    }
    let dotted = date.contains('.');
    match (a > 12, b > 12) {
        // 20.11.2019, 20/11/2019: only day-month reads.
        (true, false) => Day::new(c as i32, b as u8, a as u8),
        // 11/20/2019: only month-day reads.
        (false, true) => Day::new(c as i32, a as u8, b as u8),
        // Dotted dates are day-month wherever they are written.
        (false, false) if dotted => Day::new(c as i32, b as u8, a as u8),
        _ if a == b => Day::new(c as i32, a as u8, b as u8),
        _ => None,
    }
}

/// The date in an address's path: `/2019/11/20/`, `/2019-11-20/`,
/// `/20191120/`.
pub(super) fn date_in_url(url: &str) -> Option<Day> {
    let path = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = path.split(['?', '#']).next().unwrap_or("");
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    let number = |s: &str, lengths: &[usize]| -> Option<u32> {
        (lengths.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let day = |y: Option<u32>, m: Option<u32>, d: Option<u32>| {
        Day::new(y? as i32, u8::try_from(m?).ok()?, u8::try_from(d?).ok()?)
            .filter(|day| is_plausible(*day))
    };
    segments.iter().enumerate().find_map(|(at, segment)| {
        // /2019/11/20/
        let slashed = || {
            day(
                number(segment, &[4]),
                number(segments.get(at + 1)?, &[1, 2]),
                number(segments.get(at + 2)?, &[1, 2]),
            )
        };
        // /2019-11-20-storm/
        let dashed = || {
            let mut parts = segment.split(['-', '_']);
            day(
                number(parts.next()?, &[4]),
                number(parts.next()?, &[2]),
                number(parts.next()?, &[2]),
            )
        };
        // /20191120/
        let compact = || {
            number(segment, &[8])?;
            day(
                number(&segment[..4], &[4]),
                number(&segment[4..6], &[2]),
                number(&segment[6..], &[2]),
            )
        };
        slashed().or_else(dashed).or_else(compact)
    })
}

// ---------------------------------------------------------------------------
// Authors.

fn authors(
    tree: &Tree<'_, '_>,
    head: &Head,
    linked: &LinkedData,
    frame: &[bool],
    site_names: &[String],
) -> Vec<String> {
    let is_site = |name: &str| {
        let lower = name.to_lowercase();
        site_names.iter().any(|s| {
            let s = s.to_lowercase();
            lower == s || lower == s.split('.').next().unwrap_or(&s)
        })
    };
    let tidy = |names: Vec<String>| -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for name in names.iter().flat_map(|n| split_byline(n)) {
            if !out.iter().any(|o| o.eq_ignore_ascii_case(&name)) {
                out.push(name);
            }
        }
        out
    };
    let declared = tidy(linked.authors.clone());
    let people: Vec<String> = declared
        .iter()
        .filter(|n| is_person_like(n) && !is_site(n))
        .cloned()
        .collect();
    if !people.is_empty() {
        return people;
    }
    let shown = tidy(byline(tree, frame));
    let shown_people: Vec<String> = shown
        .iter()
        .filter(|n| is_person_like(n) && !is_site(n))
        .cloned()
        .collect();
    if !shown_people.is_empty() {
        return shown_people;
    }
    let meta: Vec<String> = tidy(
        AUTHOR_KEYS
            .iter()
            .filter_map(|key| head.meta.get(*key))
            .flatten()
            .filter(|a| !is_link(a))
            .cloned()
            .collect(),
    );
    let meta_people: Vec<String> = meta
        .iter()
        .filter(|n| is_person_like(n) && !is_site(n))
        .cloned()
        .collect();
    if !meta_people.is_empty() {
        return meta_people;
    }
    // No person named anywhere: an organisation that signs the article.
    [declared, shown, meta]
        .into_iter()
        .find(|names| !names.is_empty())
        .unwrap_or_default()
}

/// The names in the page's visible byline: `rel=author` links,
/// `itemprop=author` elements (their `itemprop=name` when they have one),
/// or an element classed as a byline or author.
fn byline(tree: &Tree<'_, '_>, frame: &[bool]) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    let has_prop = |i: usize, prop: &str| {
        tree.attribute(i, "itemprop")
            .is_some_and(|p| p.split_whitespace().any(|p| p.eq_ignore_ascii_case(prop)))
    };
    // itemprop=author, then rel=author: the page marks the author.
    for (i, _) in frame.iter().enumerate().filter(|(_, framed)| !**framed) {
        if tree.name(i) == "meta" {
            continue;
        }
        if has_prop(i, "author") || has_prop(i, "creator") {
            let name = (i..=tree.end[i])
                .find(|&j| j != i && has_prop(j, "name"))
                .map(|j| {
                    tree.attribute(j, "content")
                        .map(|c| clean(&c))
                        .unwrap_or_else(|| tree.text(j))
                })
                .or_else(|| tree.attribute(i, "content").map(|c| clean(&c)))
                .unwrap_or_else(|| tree.text(i));
            if !name.is_empty() && word_count(&name) <= 12 {
                found.push(name);
            }
        }
    }
    if !found.is_empty() {
        return found;
    }
    for (i, _) in frame.iter().enumerate().filter(|(_, framed)| !**framed) {
        if tree.name(i) != "a" {
            continue;
        }
        let rel_author = tree.attribute(i, "rel").is_some_and(|rel| {
            rel.split_whitespace()
                .any(|r| r.eq_ignore_ascii_case("author"))
        });
        if rel_author {
            let name = tree.text(i);
            if !name.is_empty() && word_count(&name) <= 6 {
                found.push(name);
            }
        }
    }
    if !found.is_empty() {
        return found;
    }
    // An element classed as a byline: the innermost one with a short text.
    for (i, _) in frame.iter().enumerate().filter(|(_, framed)| !**framed) {
        if matches!(
            tree.name(i),
            "" | "html" | "body" | "main" | "article" | "meta"
        ) {
            continue;
        }
        let words = tree.class_words(i);
        if !words.iter().any(|w| AUTHOR_WORDS.contains(&w.as_str())) {
            continue;
        }
        let text = tree.text(i);
        if text.is_empty() || word_count(&text) > 20 {
            continue;
        }
        found.push(text);
        break;
    }
    found
}

/// The names in a byline: "By DANICA KIRKA and JILL LAWLESS" gives two;
/// labels, dates and roles after the names are left out ("Jane Roe,
/// Reuters", "Jane Roe | Updated May 2").
pub(super) fn split_byline(text: &str) -> Vec<String> {
    let mut text = collapse(text);
    // What follows a date or a separator is not a name.
    for cut in [
        " | ",
        " • ",
        " · ",
        "\u{2014}",
        " - ",
        "Published",
        "Updated",
        "Posted on",
        "Last updated",
    ] {
        if let Some(at) = text.find(cut)
            && at > 0
        {
            text.truncate(at);
        }
    }
    // Nor what follows a date ("By Jane Roe November 20, 2019").
    let words: Vec<&str> = text.split_whitespace().collect();
    if let Some(at) = (1..words.len()).find(|&at| {
        let rest: Vec<&str> = words[at..]
            .iter()
            .map(|w| w.trim_end_matches(','))
            .collect();
        parse_written_date(&rest).is_some() || numeric_date(words[at]).is_some()
    }) {
        text = words[..at].join(" ");
    }
    let mut rest = text.trim();
    let lower = rest.to_lowercase();
    for label in [
        "written by",
        "posted by",
        "reported by",
        "words by",
        "story by",
        "authored by",
        "article by",
        "by:",
        "by",
        "authors:",
        "author:",
        "writer:",
    ] {
        if lower.starts_with(label)
            && lower[label.len()..].starts_with(|c: char| c.is_whitespace() || c == ':')
            || (label.ends_with(':') && lower.starts_with(label))
        {
            rest = rest[label.len()..].trim_start_matches([':', ' ']);
            break;
        }
    }
    let mut names = Vec::new();
    for part in rest.split([',', ';', '&']).flat_map(|p| p.split(" and ")) {
        let name = part
            .trim()
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '.');
        if name.is_empty() || is_link(name) || name.contains('@') {
            continue;
        }
        if find_date(name).is_some() {
            break;
        }
        names.push(name_case(name));
    }
    names
}

/// "DANICA KIRKA" written as "Danica Kirka"; other names as written.
fn name_case(name: &str) -> String {
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 4 || letters.iter().any(|c| c.is_lowercase()) {
        return name.to_string();
    }
    name.split(' ')
        .map(|word| {
            let mut chars = word.chars();
            match chars.next() {
                Some(first) => first
                    .to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether a name reads as a person's: two to five words, capitalised
/// (particles such as "van der" aside), no digits, not a job title or a
/// generic signature.
pub(super) fn is_person_like(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    if !(2..=5).contains(&words.len()) || name.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let lower = name.to_lowercase();
    const NOT_PEOPLE: [&str; 14] = [
        "staff",
        "team",
        "editor",
        "editors",
        "editorial",
        "desk",
        "admin",
        "administrator",
        "news",
        "press",
        "media",
        "group",
        "inc",
        "ltd",
    ];
    if lower
        .split_whitespace()
        .any(|w| NOT_PEOPLE.contains(&w.trim_matches(|c: char| !c.is_alphanumeric())))
    {
        return false;
    }
    const PARTICLES: [&str; 10] = [
        "van", "von", "der", "de", "da", "del", "la", "le", "bin", "al",
    ];
    words.iter().all(|w| {
        w.chars().next().is_some_and(|c| c.is_uppercase())
            || PARTICLES.contains(&w.to_lowercase().as_str())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Option<String> {
        find_date(text).map(|d| d.to_string())
    }

    #[test]
    fn dates_are_found_in_date_lines() {
        assert_eq!(
            day("Published 2:16 AM EST Nov 20, 2019").as_deref(),
            Some("2019-11-20")
        );
        assert_eq!(day("Updated: 4 March 2019").as_deref(), Some("2019-03-04"));
        assert_eq!(
            day("Posted on 2019-11-20 by Ann").as_deref(),
            Some("2019-11-20")
        );
        assert_eq!(day("20.11.2019").as_deref(), Some("2019-11-20"));
        assert_eq!(day("11/20/2019").as_deref(), Some("2019-11-20"));
        assert_eq!(day("03/04/2019"), None, "ambiguous");
        assert_eq!(day("March 4"), None, "no year");
        assert_eq!(day("0001-01-01T00:00:00Z"), None, "placeholder");
        assert_eq!(day("2999-01-01"), None, "future");
    }

    #[test]
    fn dates_in_addresses() {
        let d = |u: &str| date_in_url(u).map(|d| d.to_string());
        assert_eq!(
            d("https://apnews.com/2019/11/20/storm-hits").as_deref(),
            Some("2019-11-20")
        );
        assert_eq!(
            d("https://x.example/news/2019-11-20-storm").as_deref(),
            Some("2019-11-20")
        );
        assert_eq!(
            d("https://x.example/20191120/storm").as_deref(),
            Some("2019-11-20")
        );
        assert_eq!(d("https://x.example/2019/11/storm"), None, "no day");
        assert_eq!(d("https://x.example/article/1234567"), None);
    }

    #[test]
    fn bylines_split_into_names() {
        assert_eq!(
            split_byline("By DANICA KIRKA and JILL LAWLESS"),
            ["Danica Kirka", "Jill Lawless"]
        );
        assert_eq!(
            split_byline("Written by: Ann Lee, Bo Chen & Cy Twombly"),
            ["Ann Lee", "Bo Chen", "Cy Twombly"]
        );
        assert_eq!(split_byline("Jane Roe | Updated May 2, 2024"), ["Jane Roe"]);
        assert_eq!(split_byline("By Jane Roe November 20, 2019"), ["Jane Roe"]);
        assert_eq!(split_byline("Jane Roe, Reuters"), ["Jane Roe", "Reuters"]);
    }

    #[test]
    fn people_and_publishers() {
        assert!(is_person_like("Jill Lawless"));
        assert!(is_person_like("Marna van der Merwe"));
        assert!(!is_person_like("Condé Nast Inc"));
        assert!(!is_person_like("Podium Staff"));
        assert!(!is_person_like("andrew.keaveney"));
        assert!(!is_person_like("Reuters"));
    }

    #[test]
    fn site_names_are_cut_from_titles() {
        let sites = ["The Sun".to_string(), "nogood.io".to_string()];
        assert_eq!(
            without_site_name("Storm hits coast | The Sun", &sites),
            "Storm hits coast"
        );
        assert_eq!(
            without_site_name("The Sun - Storm hits coast", &sites),
            "Storm hits coast"
        );
        assert_eq!(
            without_site_name("25 Top Social Media Agencies in 2025 | NoGood", &sites),
            "25 Top Social Media Agencies in 2025"
        );
        assert_eq!(
            without_site_name("Cats - a history of the house cat", &sites),
            "Cats - a history of the house cat"
        );
    }
}
