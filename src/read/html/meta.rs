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
/// page's frame (navigation, footers, sidebars); `container` is the element
/// holding the article's text, when the body reader found one; `address`
/// is where the page was fetched from, when known.
pub(super) fn read(
    tree: &Tree<'_, '_>,
    linked: &LinkedData,
    frame: &[bool],
    container: Option<usize>,
    address: Option<&str>,
) -> Metadata {
    let head = Head::read(tree);
    let url = url(&head, linked).or_else(|| address.map(str::to_string));
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
    let (title, headline) = title(tree, &head, linked, frame, &site_names);
    // Dates shown to the reader sit around the headline (in the header that
    // holds it: "Last updated: Dec 12, 2025" often stands above it) and up
    // to the end of the article; a masthead's "today" and a list of
    // related stories' dates are outside.
    let up =
        |from: usize, levels: usize| (0..levels).fold(from, |at, _| tree.parent[at].unwrap_or(at));
    let around_headline = headline.map(|h| up(h, 2));
    // Without a headline, the article's own header: the nearest <article>
    // or <main> around the text, else two levels up from it.
    let around_container = container.map(|c| {
        let mut at = c;
        for _ in 0..12 {
            match tree.parent[at] {
                Some(p) if !matches!(tree.name(at), "article" | "main") => at = p,
                _ => break,
            }
        }
        if matches!(tree.name(at), "article" | "main") {
            at
        } else {
            let parent = tree.parent[c].unwrap_or(c);
            tree.parent[parent].unwrap_or(parent)
        }
    });
    let shown_from = around_headline
        .or(around_container)
        .filter(|&h| container.is_none_or(|c| h <= tree.end[c]))
        .unwrap_or(0);
    let shown_to = container.map_or(tree.len().saturating_sub(1), |c| tree.end[c]);
    // A byline may stand a little further from the headline, in the
    // article's header row above it ("Written by / Edzel Tabing").
    let byline_from = headline
        .map(|h| up(h, 4))
        .filter(|&h| h > 0)
        .unwrap_or(shown_from)
        .min(shown_from);
    Metadata {
        title,
        date: date(
            tree,
            &head,
            linked,
            frame,
            (shown_from, shown_to),
            url.as_deref(),
        ),
        authors: authors(
            tree,
            &head,
            linked,
            frame,
            (byline_from, shown_to),
            &site_names,
        ),
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

/// The title, and the `<h1>` it was read from.
fn title(
    tree: &Tree<'_, '_>,
    head: &Head,
    linked: &LinkedData,
    frame: &[bool],
    site_names: &[String],
) -> (Option<String>, Option<usize>) {
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
    let h1s: Vec<(String, usize)> = (0..tree.len())
        .filter(|&i| tree.name(i) == "h1" && !frame[i])
        .map(|i| (without_site_name(&tree.text(i), site_names), i))
        .filter(|(t, _)| !t.is_empty() && !is_site(t))
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
                .map(|n| word_overlap(&h.0, n))
                .fold(0.0_f64, f64::max);
            (agreement, h)
        })
        .fold(
            None,
            |best: Option<(f64, &(String, usize))>, (agreement, h)| match best {
                Some((b, _)) if b >= agreement => best,
                _ => Some((agreement, h)),
            },
        );
    match agreeing {
        Some((agreement, (h1, node))) if agreement >= 0.15 || named.is_empty() => {
            (Some(h1.clone()), Some(*node))
        }
        _ => (named.into_iter().next(), h1s.first().map(|h| h.1)),
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
    shown: (usize, usize),
    url: Option<&str>,
) -> Option<Day> {
    let declared = declared_day(linked.published.as_deref(), head, &PUBLISHED_KEYS)
        .or_else(|| itemprop_date(tree, "datepublished"));
    let in_url = url.and_then(date_in_url);
    // A timestamp in UTC can be a day off the day the publisher printed;
    // the address, written by the publisher's own system, says which.
    if let (Some(declared), Some(in_url)) = (declared, in_url)
        && (declared.unix_seconds() - in_url.unix_seconds()).abs() <= 86_400
    {
        return Some(in_url);
    }
    declared
        .or_else(|| shown_date(tree, frame, shown))
        .or(in_url)
        .or_else(|| declared_day(linked.modified.as_deref(), head, &MODIFIED_KEYS))
        .or_else(|| itemprop_date(tree, "datemodified"))
}

/// The first plausible day among a JSON-LD value and the `<meta>` tags
/// named `keys`, in that order.
fn declared_day(linked: Option<&str>, head: &Head, keys: &[&str]) -> Option<Day> {
    linked
        .into_iter()
        .chain(
            keys.iter()
                .filter_map(|key| head.meta.get(*key))
                .flatten()
                .map(String::as_str),
        )
        .find_map(plausible_day)
}

/// The nodes of `range` outside the page's frame, in page order.
fn outside_frame(
    frame: &[bool],
    range: std::ops::RangeInclusive<usize>,
) -> impl Iterator<Item = usize> + '_ {
    range.filter(move |&i| frame.get(i).is_some_and(|framed| !framed))
}

/// A date that can be a publication date: from 1990 to tomorrow.
fn plausible_day(text: &str) -> Option<Day> {
    parse_day(text)
        .or_else(|| find_date(text))
        .filter(|day| is_plausible(*day))
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

/// The first date the page shows between the headline and the end of
/// the article (`shown`), outside its frame: a `<time>` element, a short
/// text in an element classed as a date or a byline, or a short line of
/// its own ("Published 2:16 AM EST Nov 20, 2019") that is not a sentence.
fn shown_date(tree: &Tree<'_, '_>, frame: &[bool], shown: (usize, usize)) -> Option<Day> {
    let last = shown.1.min(tree.len().saturating_sub(1));
    for i in outside_frame(frame, shown.0..=last) {
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
        if name.is_empty() {
            // A line of text of its own in a block: "Updated: 4 March 2019".
            if let tl::Node::Raw(raw) = &tree.nodes[i] {
                let line = clean(&raw.as_utf8_str());
                let words = word_count(&line);
                if (3..=14).contains(&words)
                    && !super::text::ends_like_a_sentence(&line)
                    && let Some(day) = find_date(&line)
                {
                    return Some(day);
                }
            }
            continue;
        }
        if matches!(name, "html" | "body" | "main" | "article") {
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
    shown: (usize, usize),
    site_names: &[String],
) -> Vec<String> {
    let is_site = |name: &str| {
        let lower = name.to_lowercase();
        site_names.iter().any(|s| {
            let s = s.to_lowercase();
            lower == s || lower == s.split('.').next().unwrap_or(&s)
        })
    };
    let tidy = |names: &[String]| -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for name in names.iter().flat_map(|n| split_byline(n)) {
            if !out.iter().any(|o| o.eq_ignore_ascii_case(&name)) {
                out.push(name);
            }
        }
        out
    };
    // People named by each source, most telling first; an explicit
    // byline ("By Amanda") may name one word.
    // After the first person, a part that names no one is a role or a
    // credential ("Daniel Burstein, Senior Director, Content"): the names
    // end there. A single word is a name only when it is the byline's one.
    let people = |names: &[String], single_words: bool| -> Vec<String> {
        let names = tidy(names);
        let alone = names.len() == 1;
        let mut found = Vec::new();
        for name in names {
            if !is_site(&name)
                && (is_person_like(&name) || (single_words && alone && is_single_name(&name)))
            {
                found.push(name);
            } else if !found.is_empty() {
                break;
            }
        }
        found
    };
    let declared = linked.authors.clone();
    // Yoast writes the author as a Twitter label: "Written by" / the name.
    let labelled: Vec<String> = (1..=4)
        .filter(|n| {
            head.first(&format!("twitter:label{n}"))
                .is_some_and(|l| l.eq_ignore_ascii_case("written by"))
        })
        .filter_map(|n| head.first(&format!("twitter:data{n}")).map(str::to_string))
        .collect();
    let marked = marked_authors(tree, frame);
    // A `rel=author` link in the post's own footer (which the frame mask
    // covers) still names its author, when nothing nearer the story does.
    let everywhere = vec![false; frame.len()];
    let marked_anywhere = marked_authors(tree, &everywhere);
    let lines = byline_lines(tree, frame, shown);
    let classed = classed_byline(tree, frame, shown);
    let meta: Vec<String> = AUTHOR_KEYS
        .iter()
        .filter_map(|key| head.meta.get(*key))
        .flatten()
        .filter(|a| !is_link(a))
        .cloned()
        .collect();
    let sources: [(&[String], bool); 7] = [
        (&declared, false),
        (&labelled, true),
        (&marked, true),
        (&lines, true),
        (&classed, false),
        (&marked_anywhere, true),
        (&meta, false),
    ];
    for (names, single_words) in sources {
        let found = people(names, single_words);
        if !found.is_empty() {
            return found;
        }
    }
    // No person named anywhere: an organisation that signs the article.
    [&declared, &labelled, &marked, &meta]
        .into_iter()
        .map(|names| tidy(names))
        .find(|names| !names.is_empty())
        .unwrap_or_default()
}

/// Whether a single word can be a byline's name ("Amanda", "BeauHD"): a
/// capitalised or mixed-case word of letters, not a label or a role.
fn is_single_name(name: &str) -> bool {
    const NOT_NAMES: [&str; 12] = [
        "admin",
        "administrator",
        "author",
        "staff",
        "editor",
        "editors",
        "team",
        "guest",
        "anonymous",
        "unknown",
        "bio",
        "contributor",
    ];
    !name.contains(' ')
        && name.chars().count() >= 3
        && name.chars().next().is_some_and(char::is_uppercase)
        && name.chars().any(char::is_lowercase)
        && name
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        && !NOT_NAMES.contains(&name.to_lowercase().as_str())
}

/// Authors the markup marks: `itemprop=author` elements (their
/// `itemprop=name` when they have one), then `rel=author` links.
fn marked_authors(tree: &Tree<'_, '_>, frame: &[bool]) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    let has_prop = |i: usize, prop: &str| {
        tree.attribute(i, "itemprop")
            .is_some_and(|p| p.split_whitespace().any(|p| p.eq_ignore_ascii_case(prop)))
    };
    for i in outside_frame(frame, 0..=frame.len().saturating_sub(1)) {
        if tree.name(i) == "meta" || !(has_prop(i, "author") || has_prop(i, "creator")) {
            continue;
        }
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
    if !found.is_empty() {
        return found;
    }
    for i in outside_frame(frame, 0..=frame.len().saturating_sub(1)) {
        let rel_author = tree.name(i) == "a"
            && tree.attribute(i, "rel").is_some_and(|rel| {
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
    found
}

/// Labels that open a byline.
const BYLINE_LABELS: [&str; 16] = [
    "by",
    "by:",
    "written by",
    "posted by",
    "reported by",
    "words by",
    "story by",
    "text by",
    "article by",
    "author",
    "author:",
    "authors:",
    "author(s)",
    "author(s):",
    "contributors:",
    "contributor:",
];

/// Bylines the reader sees around the headline: a line that opens with a
/// label ("By Amy Wilhelm", "by Amanda · Dec 20, 2025"), or a label
/// standing alone ("Written by") before the element that names.
fn byline_lines(tree: &Tree<'_, '_>, frame: &[bool], shown: (usize, usize)) -> Vec<String> {
    let last = shown.1.min(tree.len().saturating_sub(1));
    for i in outside_frame(frame, shown.0..=last) {
        let tl::Node::Raw(raw) = &tree.nodes[i] else {
            continue;
        };
        let line = clean(&raw.as_utf8_str());
        let lower = line.to_lowercase();
        let Some(label) = BYLINE_LABELS.iter().find(|label| {
            lower == **label
                || lower
                    .strip_prefix(*label)
                    .is_some_and(|rest| rest.starts_with([' ', ':']))
        }) else {
            continue;
        };
        let Some(parent) = tree.parent[i] else {
            continue;
        };
        // The label and the name in one element ("By <a>Amanda</a>").
        let whole = tree.text(parent);
        if whole.to_lowercase().trim_end_matches(':') != label.trim_end_matches(':') {
            if word_count(&whole) <= 20 {
                let names = names_in(tree, parent);
                if !names.is_empty() {
                    return names;
                }
            }
            continue;
        }
        // The label alone: the name is in the next element.
        let next = tree
            .children(tree.parent[parent].unwrap_or(parent))
            .skip_while(|&c| c != parent)
            .skip(1)
            .find(|&c| !tree.text(c).is_empty())
            .or_else(|| (tree.end[parent] < last).then_some(tree.end[parent] + 1));
        if let Some(next) = next
            && word_count(&tree.text(next)) <= 20
        {
            let names = names_in(tree, next);
            if !names.is_empty() {
                return names;
            }
        }
    }
    Vec::new()
}

/// The names in a byline element, one text at a time: "<a>Liz Kenny</a>
/// <span>Former McKinsey Consultant</span>" gives Liz Kenny, "By <a>Amanda</a>
/// · Dec 20, 2025" gives Amanda. A text that holds no person, or comes
/// after the byline's date, is left out.
fn names_in(tree: &Tree<'_, '_>, element: usize) -> Vec<String> {
    let mut names = Vec::new();
    for j in element..=tree.end[element] {
        let tl::Node::Raw(raw) = &tree.nodes[j] else {
            continue;
        };
        let text = clean(&raw.as_utf8_str());
        if text.is_empty() {
            continue;
        }
        let found = split_byline(&text);
        let people: Vec<String> = found
            .into_iter()
            .filter(|n| is_person_like(n) || is_single_name(n))
            .collect();
        names.extend(people);
        if find_date(&text).is_some() {
            break;
        }
    }
    names.dedup();
    names
}

/// The byline in an element classed as one (`byline`, `author-name`),
/// nearest the headline first: the names in its links when it has any
/// (a byline's outlet, role and date are plain text), else its text.
fn classed_byline(tree: &Tree<'_, '_>, frame: &[bool], shown: (usize, usize)) -> Vec<String> {
    let candidates = (shown.0..tree.len()).chain(0..shown.0);
    for i in candidates {
        if frame[i]
            || matches!(
                tree.name(i),
                "" | "html" | "body" | "main" | "article" | "meta"
            )
        {
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
        let names = names_in(tree, i);
        if !names.is_empty() {
            return names;
        }
    }
    Vec::new()
}

/// The names in a byline: "By DANICA KIRKA and JILL LAWLESS" gives two;
/// labels, dates and roles after the names are left out ("Jane Roe,
/// Reuters", "Jane Roe | Updated May 2").
pub(super) fn split_byline(text: &str) -> Vec<String> {
    let mut text = collapse(text);
    // What follows a separator or a date label is not a name.
    let lower = text.to_lowercase();
    let cut = [
        " | ",
        " • ",
        " · ",
        "\u{2014}",
        " - ",
        "last updated",
        "last modified",
        "updated",
        "published",
        "posted on",
        "reviewed by",
        "fact checked",
        "edited by",
        "medically reviewed",
    ]
    .iter()
    .filter_map(|cut| lower.find(cut).filter(|&at| at > 0))
    .min();
    if let Some(at) = cut
        && text.is_char_boundary(at)
    {
        text.truncate(at);
    }
    // Nor what follows a date ("By Jane Roe November 20, 2019", "BeauHD on
    // Friday").
    let words: Vec<&str> = text.split_whitespace().collect();
    if let Some(at) = (1..words.len()).find(|&at| {
        let rest: Vec<&str> = words[at..]
            .iter()
            .map(|w| w.trim_end_matches(','))
            .collect();
        parse_written_date(&rest).is_some()
            || numeric_date(words[at]).is_some()
            || (words[at] == "on"
                && words.get(at + 1).is_some_and(|w| {
                    let w = w.trim_end_matches(',').to_lowercase();
                    w.chars().next().is_some_and(|c| c.is_ascii_digit())
                        || crate::extract::dates::WEEKDAYS
                            .iter()
                            .any(|d| d.starts_with(&w) && w.len() >= 3)
                        || crate::extract::dates::month_number(&w).is_some()
                }))
    }) {
        text = words[..at].join(" ");
    }
    let mut rest = text.trim();
    loop {
        let lower = rest.to_lowercase();
        let label = BYLINE_LABELS
            .iter()
            .chain(&["the author", "meet the author", "about the author"])
            .filter(|label| {
                lower.starts_with(*label)
                    && (lower[label.len()..].starts_with([' ', ':'])
                        || lower.len() == label.len()
                        // "Written byAAA": a label run into the name.
                        || (label.contains(' ') && label.ends_with("by")))
            })
            .max_by_key(|label| label.len());
        match label {
            Some(label) => rest = rest[label.len()..].trim_start_matches([':', ' ']),
            None => break,
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
/// generic signature. (A list of given names would reject half the
/// world's bylines: Reyan, Aniruddha, Ziyi.)
pub(super) fn is_person_like(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    if !(2..=5).contains(&words.len()) || name.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let lower = name.to_lowercase();
    // Words of signatures, roles and page furniture, never of a name.
    const NOT_PEOPLE: [&str; 69] = [
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
        "director",
        "consultant",
        "manager",
        "officer",
        "president",
        "chief",
        "head",
        "founder",
        "ceo",
        "writer",
        "reporter",
        "correspondent",
        "contributor",
        "expert",
        "specialist",
        "analyst",
        "professor",
        "policy",
        "privacy",
        "terms",
        "edition",
        "digital",
        "view",
        "pricing",
        "development",
        "community",
        "marketing",
        "sponsored",
        "reviewed",
        "former",
        "senior",
        "content",
        "strategy",
        "services",
        "institute",
        "university",
        "association",
        "foundation",
        "company",
        "agency",
        "school",
        "college",
        "clinic",
        "center",
        "centre",
        "full",
        "bio",
        "learn",
        "more",
        "read",
        "follow",
        "share",
        "about",
        "contact",
        "home",
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

    fn authors_of(html: &str) -> Vec<String> {
        crate::read::html::parse_html(html).unwrap().authors
    }

    #[test]
    fn visible_bylines_are_read_around_the_headline() {
        let story =
            "<p>The harbour reopened on Tuesday after a week of repairs to the sea wall.</p>";
        // A label standing alone before the element that names.
        let label = format!(
            "<main><div><div><p>Written by</p>\n<p>Edzel Tabing</p></div></div><h1>Harbour reopens</h1>{story}</main>"
        );
        assert_eq!(authors_of(&label), ["Edzel Tabing"]);
        // A label with the name, a date after it.
        let line = format!(
            "<article><h1>Harbour reopens</h1><p>by <a href=/a>Amanda</a> · Dec 20, 2025 at 3:00 am</p>{story}</article>"
        );
        assert_eq!(authors_of(&line), ["Amanda"]);
        // A byline element whose role and outlet are texts of their own.
        let classed = format!(
            "<article><h1>Harbour reopens</h1><div class='author-info'><a href=/lk>Liz Kenny</a> <span>Former McKinsey Consultant</span></div>{story}</article>"
        );
        assert_eq!(authors_of(&classed), ["Liz Kenny"]);
        // The author's <address> is metadata.
        let address = format!(
            "<article><h2>Harbour reopens</h2><ul><li>Written by <address>Ann Lee</address></li></ul>{story}</article>"
        );
        assert_eq!(authors_of(&address), ["Ann Lee"]);
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
