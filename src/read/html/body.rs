//! The article's text in a web page: every paragraph of it, in reading
//! order, and none of the page around it.
//!
//! Three steps:
//!
//! 1. **The page is cut into blocks**: paragraphs, headings, list items,
//!    quotations, table rows, and text sitting loose in a `div` (split at
//!    `<br><br>`). A block is *prose* when it has at least twelve words, or
//!    seven ending like a sentence, and less than a third of its words in
//!    links. ("Welcome to our site." is not prose: a page does not grow a
//!    container around its story to take it in.)
//! 2. **Furniture is set aside**: hidden elements (`hidden`, except React's
//!    streaming `<div hidden>` children of `<body>`; `aria-hidden`;
//!    `display:none`), the page's frame (`nav`, `aside`, `footer`,
//!    `header`, `form`, ARIA roles such as `navigation`), and elements whose
//!    class or id names furniture (`sidebar`, `related`, `share`,
//!    `newsletter`, `comments`, `caption`, `author-bio`, …, see
//!    [`FURNITURE_WORDS`]). Elements that never hold an article's text
//!    (`script`, `svg`, `button`, `figcaption`) were never cut into blocks.
//!    What holds the story is never furniture, whatever it is called (see
//!    [`Page::read`]).
//! 3. **The container is the element that holds the most prose and the
//!    fewest links**: the one maximising prose words minus link words.
//!    A sidebar's links cost more than its excerpts bring, a wrapper that
//!    adds only navigation loses to the article inside it, and an article
//!    split over several wrappers is found at their common parent. Sibling
//!    elements that are prose themselves (an article continued after an
//!    advertisement slot) join it.
//!
//! Inside the container every block is kept (headings, short list items,
//! table rows) except: the headline itself, blocks mostly made of links,
//! one-line furniture ("Advertisement", "Share this article", "Photo:
//! …"), and sections that close an article rather than belong to it
//! (headed "Related", "More from …", "Comments", "About the author", …),
//! up to the next heading of the same rank.

use tl::Node;

use super::text::{collapse, ends_like_a_sentence, word_count};
use super::tree::{Tree, is_block};
use crate::read::entities::decode_entities;

/// What a block is, as the markup says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Paragraph,
    /// `h1`–`h6`, with its rank.
    Heading(u8),
    /// A list item or a definition term or description.
    Item,
    Quote,
    Code,
    /// A table row whose cells hold only text, cells separated by tabs.
    Row,
    /// Text sitting directly in a container (`div`, `section`, `td`).
    Loose,
}

/// A run of text the page lays out as one block.
#[derive(Debug, Clone)]
pub(super) struct Block {
    /// The innermost block element holding the text.
    pub node: usize,
    pub kind: Kind,
    pub text: String,
    pub words: u32,
    pub link_words: u32,
}

impl Block {
    /// Prose: long enough, ending like a sentence, not a list of links.
    fn is_content(&self) -> bool {
        !matches!(self.kind, Kind::Heading(_))
            && self.link_words * 3 < self.words
            && (self.words >= 12 || (self.words >= 7 && ends_like_a_sentence(&self.text)))
    }
}

/// Elements that never hold an article's text.
const NEVER_TEXT: [&str; 20] = [
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "iframe",
    "object",
    "embed",
    "video",
    "audio",
    "canvas",
    "map",
    "button",
    "select",
    "textarea",
    "input",
    "option",
    "figcaption",
    "head",
    "title",
];

/// Elements that frame a page rather than tell its story (kept when they
/// hold half the page's text: see the module documentation).
const FRAME: [&str; 7] = ["nav", "aside", "footer", "header", "form", "menu", "dialog"];

/// ARIA roles of page furniture.
const FRAME_ROLES: [&str; 11] = [
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "dialog",
    "alertdialog",
    "menu",
    "menubar",
    "toolbar",
    "tablist",
];

/// Words of class and id names that mark page furniture (whole words of
/// a name split at dashes, underscores and case changes, or the name
/// itself: `related-posts`, `shareBar`, `sidebar`).
pub(super) const FURNITURE_WORDS: [&str; 68] = [
    "aboutauthor",
    "ad",
    "ads",
    "adsense",
    "advert",
    "advertisement",
    "advertising",
    "authorbio",
    "authorbox",
    "bio",
    "breadcrumb",
    "breadcrumbs",
    "byline",
    "caption",
    "comment",
    "comments",
    "consent",
    "cookie",
    "cookies",
    "credit",
    "credits",
    "disqus",
    "dropdown",
    "eztoc",
    "footer",
    "masthead",
    "menu",
    "meta",
    "modal",
    "nav",
    "navbar",
    "navigation",
    "newsletter",
    "outbrain",
    "overlay",
    "pager",
    "pagination",
    "popup",
    "promo",
    "promotion",
    "recirc",
    "recommended",
    "related",
    "screenreadertext",
    "share",
    "sharing",
    "sidebar",
    "signup",
    "skiplink",
    "skiplinks",
    "skipnav",
    "skiptocontent",
    "social",
    "sponsor",
    "sponsored",
    "sronly",
    "subscribe",
    "subscription",
    "tableofcontents",
    "taboola",
    "tags",
    "teaser",
    "toolbar",
    "tooltip",
    "topbar",
    "trending",
    "visuallyhidden",
    "wpcaption",
];

/// Elements whose own class never marks them as furniture: the page's
/// outer elements and those that say they are the story.
const NEVER_FURNITURE: [&str; 4] = ["html", "body", "main", "article"];

/// Headings that open what follows an article, not a part of it.
const CLOSING_HEADINGS: [&str; 52] = [
    "related",
    "more from",
    "more stories",
    "more news",
    "more on",
    "more in",
    "more to read",
    "more like this",
    "you may also like",
    "you might also like",
    "you may be interested",
    "you might be interested",
    "recommended",
    "read more",
    "read next",
    "what to read next",
    "comments",
    "leave a reply",
    "leave a comment",
    "join the conversation",
    "share this",
    "about the author",
    "popular",
    "most read",
    "most popular",
    "trending",
    "latest news",
    "latest stories",
    "sign up",
    "subscribe",
    "read this next",
    "up next",
    "keep reading",
    "also read",
    "more to explore",
    "more articles",
    "more posts",
    "related posts",
    "related articles",
    "editor's picks",
    "editors' picks",
    "top stories",
    "share this article",
    "share this post",
    "tags",
    "topics",
    "you may also be interested",
    "don't miss",
    "see more",
    "recent posts",
    "latest posts",
    "further reading",
];

/// One-line furniture inside articles (compared in lower case with the
/// whole block, or with its start when followed by ':').
const FURNITURE_LINES: [&str; 75] = [
    "advertisement",
    "advertisment",
    "sponsored",
    "share",
    "share this",
    "share this article",
    "share this story",
    "share on facebook",
    "share on twitter",
    "tweet",
    "email",
    "print",
    "read more",
    "continue reading",
    "click here",
    "skip to content",
    "back to top",
    "loading",
    "loading...",
    "photo",
    "image",
    "credit",
    "image source",
    "photo credit",
    "getty images",
    "related",
    "table of contents",
    "contents",
    "in this article",
    "on this page",
    "jump to",
    "jump to section",
    "like",
    "like this",
    "like loading",
    "reply",
    "author",
    "authors",
    "written by",
    "tags",
    "topics",
    "no items found",
    "oops! something went wrong while submitting the form",
    "thank you! your submission has been received",
    "no credit card required",
    "listen to this article",
    "save",
    "saved",
    "follow",
    "follow us",
    "bookmark",
    "comments",
    "view comments",
    "sign up",
    "subscribe",
    "subscribe now",
    "log in",
    "sign in",
    "next article",
    "previous article",
    "caption",
    "close",
    "hide caption",
    "toggle caption",
    "enlarge this image",
    "expand",
    "see more",
    "don't miss",
    "places in this story",
    "image credit",
    "photograph",
    "photos",
    "video",
    "watch",
    "listen",
];

/// Block extraction's outcome.
#[derive(Debug, Default)]
pub(super) struct Extracted {
    pub paragraphs: Vec<String>,
    /// Words of content blocks (prose) in the paragraphs.
    pub content_words: usize,
}

/// Class and id words of the page's frame (a subset of
/// [`FURNITURE_WORDS`]).
const FRAME_WORDS: [&str; 19] = [
    "comment",
    "comments",
    "disqus",
    "footer",
    "menu",
    "nav",
    "navbar",
    "navigation",
    "newsletter",
    "outbrain",
    "popup",
    "promo",
    "recirc",
    "recommended",
    "related",
    "sidebar",
    "taboola",
    "topbar",
    "trending",
];

/// A page cut into blocks, with what is set aside.
pub(super) struct Page {
    blocks: Vec<Block>,
    /// Furniture and the page's frame: never read for the body.
    removed: Vec<bool>,
    /// The page's frame only (navigation, sidebars, footers, comments):
    /// bylines and date lines are furniture to the body but metadata to
    /// the reader of the page's header.
    pub frame: Vec<bool>,
    /// The elements holding the article: the container, and siblings of
    /// it that are prose themselves. Empty when the page has no prose.
    regions: Vec<usize>,
}

/// Content words and link words under each node, counting the blocks
/// `counted` accepts.
struct Sums {
    content: Vec<u64>,
    links: Vec<u64>,
}

impl Sums {
    fn new(tree: &Tree<'_, '_>, blocks: &[Block], counted: &dyn Fn(&Block) -> bool) -> Sums {
        let n = tree.len();
        let mut sums = Sums {
            content: vec![0; n],
            links: vec![0; n],
        };
        for block in blocks.iter().filter(|b| counted(b)) {
            let own = if block.is_content() {
                u64::from(block.words - block.link_words)
            } else {
                0
            };
            let linked = u64::from(block.link_words);
            let mut at = Some(block.node);
            while let Some(i) = at {
                sums.content[i] += own;
                sums.links[i] += linked;
                at = tree.parent[i];
            }
        }
        sums
    }

    fn score(&self, i: usize) -> i64 {
        self.content[i] as i64 - self.links[i] as i64
    }

    /// The element with the most content and the fewest links (see the
    /// module documentation), among those `allowed`.
    fn best(&self, tree: &Tree<'_, '_>, allowed: &dyn Fn(usize) -> bool) -> Option<usize> {
        let mut best: Option<usize> = None;
        for i in 0..tree.len() {
            if self.content[i] == 0 || tree.nodes[i].as_tag().is_none() || !allowed(i) {
                continue;
            }
            // Ties go to the later node, which is the deeper one: a wrapper
            // that adds nothing does not win over what it wraps.
            if best.is_none_or(|b| self.score(i) >= self.score(b)) {
                best = Some(i);
            }
        }
        best
    }
}

impl Page {
    /// Cuts the page into blocks and decides what is furniture.
    ///
    /// Furniture is decided in two steps. Blocks are cut with only the
    /// elements that never hold text left out; an element holding half the
    /// page's prose or more is then the story's, or wraps it, and so are the
    /// best container counting every block, its ancestors, and within it
    /// the chain of elements each holding half its parent's prose. No class
    /// name, frame tag or `hidden` attribute sets those aside (a theme's
    /// `has-sidebar` wrapper, a `body-ad-wrapper`, an ASP.NET page inside a
    /// `<form>`, a React page streamed into a `<div hidden>`). Comment
    /// sections are the exception: they can outgrow the story. Everything
    /// else named or tagged as furniture is.
    pub fn read(tree: &Tree<'_, '_>) -> Page {
        let n = tree.len();
        let mut never = vec![false; n];
        for i in 0..n {
            never[i] =
                tree.parent[i].is_some_and(|p| never[p]) || NEVER_TEXT.contains(&tree.name(i));
        }
        let blocks = blocks(tree, &never);
        let all = Sums::new(tree, &blocks, &|_| true);
        // An element holding half the page's prose is the story's (or
        // wraps it), whatever it is called; comment sections excepted,
        // which can outgrow the story they follow.
        let mut protected: Vec<bool> = (0..n)
            .map(|i| all.content[i] > 0 && all.content[i] * 2 >= all.content[0])
            .collect();
        // So is the chain inside the best container that holds most of its
        // prose, level by level (a `sidebar-content` div holding the story
        // within the article, while related stories and comments outside
        // it hold the rest of the page's prose).
        if let Some(story) = all.best(tree, &|_| true) {
            let mut at = story;
            for ancestor in std::iter::successors(Some(story), |&i| tree.parent[i]) {
                protected[ancestor] = true;
            }
            while let Some(child) = tree
                .children(at)
                .max_by_key(|&c| all.content[c])
                .filter(|&c| all.content[c] > 0 && all.content[c] * 2 >= all.content[at])
            {
                protected[child] = true;
                at = child;
            }
        }
        let mut removed = never;
        let mut frame = vec![false; n];
        for i in 0..n {
            if let Some(p) = tree.parent[i] {
                removed[i] |= removed[p];
                frame[i] = frame[p];
            }
            let name = tree.name(i);
            if removed[i] || name.is_empty() {
                continue;
            }
            if protected[i] && !is_comments(tree, i) {
                continue;
            }
            let (is_frame, is_furniture) = furniture_marks(tree, i);
            frame[i] |= is_frame;
            removed[i] |= is_frame || is_furniture;
        }
        let regions = regions(tree, &blocks, &removed);
        Page {
            blocks,
            removed,
            frame,
            regions,
        }
    }

    /// The container of the article, when the page has prose.
    pub fn container(&self) -> Option<usize> {
        self.regions.first().copied()
    }

    /// The article text (see the module documentation). The `headline`
    /// and a byline naming the `authors` are left out where the body
    /// repeats them.
    pub fn extract(
        &self,
        tree: &Tree<'_, '_>,
        headline: Option<&str>,
        authors: &[String],
    ) -> Extracted {
        let repeats = Repeats {
            headline: headline.map(str::to_lowercase),
            authors: authors.iter().map(|a| a.to_lowercase()).collect(),
        };
        let removed = &self.removed;
        let kept = |block: &Block| !removed[block.node];
        if self.regions.is_empty() {
            // No prose at all: whatever text blocks there are.
            return keep(&self.blocks, &|b| kept(b), &repeats);
        }
        keep(
            &self.blocks,
            &|b| kept(b) && self.regions.iter().any(|&r| tree.contains(r, b.node)),
            &repeats,
        )
    }
}

/// The container (the element with the most prose and fewest links) and
/// the siblings of it that are prose themselves: an article continued
/// after an advertisement slot or a pull quote, in a wrapper of its own.
fn regions(tree: &Tree<'_, '_>, blocks: &[Block], removed: &[bool]) -> Vec<usize> {
    let sums = Sums::new(tree, blocks, &|b| !removed[b.node]);
    let Some(container) = sums.best(tree, &|i| !removed[i]) else {
        return Vec::new();
    };
    let mut regions = vec![container];
    if let Some(parent) = tree.parent[container] {
        let least = (sums.content[container] / 10).max(20);
        for sibling in tree.children(parent) {
            if sibling != container
                && !removed[sibling]
                && sums.content[sibling] >= least
                && sums.links[sibling] * 4 <= sums.content[sibling]
            {
                regions.push(sibling);
            }
        }
    }
    regions
}

/// The blocks `inside` accepts, furniture lines, link lists and closing
/// sections left out.
/// What the page says elsewhere, which the body does not repeat.
struct Repeats {
    headline: Option<String>,
    /// Author names, lower case.
    authors: Vec<String>,
}

impl Repeats {
    /// A byline: the authors' names alone, or after "By".
    fn is_byline(&self, lower: &str, words: u32) -> bool {
        if self.authors.is_empty() || words > 12 {
            return false;
        }
        let names = super::meta::split_byline(lower);
        !names.is_empty()
            && names
                .iter()
                .all(|n| self.authors.iter().any(|a| a == &n.to_lowercase()))
    }
}

fn keep(blocks: &[Block], inside: &dyn Fn(&Block) -> bool, repeats: &Repeats) -> Extracted {
    let mut out = Extracted::default();
    // While inside a closing section: the rank of its heading.
    let mut closing: Option<u8> = None;
    let mut last_is_heading = false;
    for block in blocks.iter().filter(|b| inside(b)) {
        let lower = block.text.to_lowercase();
        if let Kind::Heading(rank) = block.kind {
            if closing.is_some_and(|open| rank <= open) {
                closing = None;
            }
            if is_closing_heading(&lower) {
                closing = Some(rank);
                continue;
            }
            if repeats.headline.as_deref() == Some(lower.as_str()) {
                continue;
            }
        }
        if closing.is_some() {
            continue;
        }
        if block.link_words * 2 > block.words
            || is_furniture_line(&lower, block.words)
            || repeats.is_byline(&lower, block.words)
        {
            continue;
        }
        if block.is_content() {
            out.content_words += (block.words - block.link_words) as usize;
        }
        out.paragraphs.push(block.text.clone());
        last_is_heading = matches!(block.kind, Kind::Heading(_));
    }
    // A heading with nothing after it heads nothing.
    if last_is_heading {
        out.paragraphs.pop();
    }
    out
}

fn is_closing_heading(lower: &str) -> bool {
    let text = lower.trim_end_matches([':', '.', '!']).trim();
    word_count(text) <= 8
        && CLOSING_HEADINGS.iter().any(|h| {
            text == *h
                || text
                    .strip_prefix(h)
                    .is_some_and(|rest| rest.starts_with([' ', ':']))
        })
}

fn is_furniture_line(lower: &str, words: u32) -> bool {
    if words > 8 {
        return false;
    }
    let text = lower
        .trim_end_matches([':', '.', '!', '›', '»', '>'])
        .trim();
    // A date line ("Dec 17, 2025", "Updated: 4 March 2019"), or a reading
    // time ("7 min read").
    if crate::extract::dates::parse_date_line(text).is_some() {
        return true;
    }
    if text.ends_with("min read") || text.ends_with("minute read") || text.ends_with("minutes read")
    {
        return true;
    }
    FURNITURE_LINES.iter().any(|line| {
        text == *line
            || text
                .strip_prefix(line)
                .is_some_and(|rest| rest.starts_with(':'))
    }) || text.starts_with('©')
        || text.starts_with("copyright ©")
        || text.contains("all rights reserved")
}

/// Whether element `i` is the page's frame, and whether it is furniture,
/// by its tag, ARIA role, `hidden` state and class or id words.
fn furniture_marks(tree: &Tree<'_, '_>, i: usize) -> (bool, bool) {
    let name = tree.name(i);
    if is_hidden(tree, i) {
        return (false, true);
    }
    // The page's header is the article's too: its headline and byline are
    // metadata, not frame.
    let framed = (FRAME.contains(&name) && name != "header")
        || tree.attribute(i, "role").is_some_and(|role| {
            FRAME_ROLES
                .iter()
                .any(|r| role.trim().eq_ignore_ascii_case(r))
        });
    let words: &[String] = if NEVER_FURNITURE.contains(&name) || is_article_body(tree, i) {
        &[]
    } else {
        tree.class_words(i)
    };
    let is = |list: &[&str]| {
        words
            .iter()
            .any(|word| list.binary_search(&word.as_str()).is_ok())
    };
    let frame = framed || is(&FRAME_WORDS);
    // A page's header and its <address> (the author's contact) are
    // metadata: not the body, but not frame to the reader of bylines.
    (
        frame,
        frame || matches!(name, "header" | "address") || is(&FURNITURE_WORDS),
    )
}

fn is_hidden(tree: &Tree<'_, '_>, i: usize) -> bool {
    // React streams a page's parts into `<div hidden>` children of <body>
    // that a script moves into place: there the attribute hides nothing
    // from the reader.
    let streamed = tree.parent[i].is_some_and(|p| tree.name(p) == "body");
    if !streamed
        && tree.nodes[i]
            .as_tag()
            .is_some_and(|t| t.attributes().contains("hidden"))
    {
        return true;
    }
    if tree
        .attribute(i, "aria-hidden")
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
    {
        return true;
    }
    tree.attribute(i, "style").is_some_and(|style| {
        let style: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        style.contains("display:none") || style.contains("visibility:hidden")
    })
}

fn is_comments(tree: &Tree<'_, '_>, i: usize) -> bool {
    tree.class_words(i)
        .iter()
        .any(|w| matches!(w.as_str(), "comment" | "comments" | "disqus"))
}

fn is_article_body(tree: &Tree<'_, '_>, i: usize) -> bool {
    tree.attribute(i, "itemprop").is_some_and(|v| {
        v.split_whitespace()
            .any(|p| p.eq_ignore_ascii_case("articleBody"))
    })
}

/// The page cut into blocks, in reading order, furniture left out.
fn blocks(tree: &Tree<'_, '_>, removed: &[bool]) -> Vec<Block> {
    let data_row = data_rows(tree);
    let mut cutter = Cutter::default();
    // (node, leaving it)
    let mut stack = vec![(0usize, false)];
    while let Some((i, leaving)) = stack.pop() {
        let name = tree.name(i);
        if leaving {
            if name == "a" {
                cutter.in_link = cutter.in_link.saturating_sub(1);
            } else if opens_block(name, &data_row, tree, i) {
                cutter.flush();
                cutter.open.pop();
            }
            continue;
        }
        if removed[i] {
            continue;
        }
        match &tree.nodes[i] {
            Node::Raw(text) => cutter.text(&text.as_utf8_str()),
            Node::Comment(_) => {}
            Node::Tag(_) => {
                if name == "br" {
                    cutter.buffer.push('\n');
                    continue;
                }
                if matches!(name, "td" | "th") && tree.parent[i].is_some_and(|p| data_row[p]) {
                    if !cutter.buffer.trim().is_empty() {
                        cutter.buffer.push('\t');
                    }
                } else if name == "a" {
                    cutter.in_link += 1;
                    stack.push((i, true));
                } else if opens_block(name, &data_row, tree, i) {
                    cutter.flush();
                    cutter.open.push((i, kind_of(name, data_row[i])));
                    stack.push((i, true));
                }
                stack.extend(tree.children(i).rev().map(|c| (c, false)));
            }
        }
    }
    cutter.flush();
    cutter.blocks
}

fn opens_block(name: &str, data_row: &[bool], tree: &Tree<'_, '_>, i: usize) -> bool {
    if matches!(name, "td" | "th") {
        return !tree.parent[i].is_some_and(|p| data_row[p]);
    }
    is_block(name)
}

fn kind_of(name: &str, data_row: bool) -> Kind {
    match name {
        "p" => Kind::Paragraph,
        "h1" => Kind::Heading(1),
        "h2" => Kind::Heading(2),
        "h3" => Kind::Heading(3),
        "h4" => Kind::Heading(4),
        "h5" => Kind::Heading(5),
        "h6" => Kind::Heading(6),
        "li" | "dt" | "dd" => Kind::Item,
        "blockquote" => Kind::Quote,
        "pre" => Kind::Code,
        "tr" if data_row => Kind::Row,
        _ => Kind::Loose,
    }
}

/// Table rows whose cells hold only text (not layout tables, whose cells
/// hold paragraphs and are containers).
fn data_rows(tree: &Tree<'_, '_>) -> Vec<bool> {
    let n = tree.len();
    // Whether a node has a block element inside it.
    let mut has_block = vec![false; n];
    for i in (0..n).rev() {
        if let Some(p) = tree.parent[i]
            && (has_block[i] || is_block(tree.name(i)))
        {
            has_block[p] = true;
        }
    }
    (0..n)
        .map(|i| {
            tree.name(i) == "tr"
                && tree
                    .children(i)
                    .filter(|&c| matches!(tree.name(c), "td" | "th"))
                    .all(|c| !has_block[c])
        })
        .collect()
}

/// Collects blocks during the walk.
#[derive(Default)]
struct Cutter {
    /// The block elements open around the walk, innermost last.
    open: Vec<(usize, Kind)>,
    buffer: String,
    /// Words of `buffer` inside links.
    link_words: u32,
    in_link: usize,
    blocks: Vec<Block>,
}

impl Cutter {
    fn text(&mut self, raw: &str) {
        let text = decode_entities(raw);
        if self.in_link > 0 {
            self.link_words += word_count(&text) as u32;
        }
        self.buffer.push_str(&text);
    }

    fn flush(&mut self) {
        let link_words = std::mem::take(&mut self.link_words);
        if self.buffer.trim().is_empty() {
            self.buffer.clear();
            return;
        }
        let buffer = std::mem::take(&mut self.buffer);
        let Some(&(node, kind)) = self.open.last() else {
            return;
        };
        // `<br><br>` separates paragraphs written without `<p>`.
        let parts: Vec<String> = split_at_blank_lines(&buffer)
            .into_iter()
            .map(|part| {
                if kind == Kind::Row {
                    part.split('\t')
                        .map(collapse)
                        .filter(|cell| !cell.is_empty())
                        .collect::<Vec<_>>()
                        .join("\t")
                } else {
                    collapse(part)
                }
            })
            .filter(|part| !part.is_empty())
            .collect();
        let total: u32 = parts.iter().map(|p| word_count(p) as u32).sum();
        for part in parts {
            let words = word_count(&part) as u32;
            // Links spread over the parts in proportion.
            let links = if total == 0 {
                0
            } else {
                (u64::from(link_words.min(total)) * u64::from(words) / u64::from(total)) as u32
            };
            self.blocks.push(Block {
                node,
                kind,
                text: part,
                words,
                link_words: links,
            });
        }
    }
}

/// Splits at lines that are blank (two line breaks with only spaces
/// between).
fn split_at_blank_lines(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut last_break: Option<usize> = None;
    for (at, c) in text.char_indices() {
        match c {
            '\n' => {
                if let Some(previous) = last_break
                    && text[previous..at].trim().is_empty()
                {
                    parts.push(&text[start..previous]);
                    start = at + 1;
                    last_break = None;
                    continue;
                }
                last_break = Some(at);
            }
            c if !c.is_whitespace() => last_break = None,
            _ => {}
        }
    }
    parts.push(&text[start..]);
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(html: &str) -> Vec<String> {
        let cleaned = super::super::markup::normalize(html);
        let dom = tl::parse(&cleaned.html, tl::ParserOptions::default()).unwrap();
        let tree = Tree::new(dom.nodes());
        Page::read(&tree)
            .extract(&tree, Some("The headline"), &["Ann Lee".to_string()])
            .paragraphs
    }

    const PROSE: &str =
        "The council voted on Tuesday to reopen the harbour bridge after months of repairs.";

    #[test]
    fn furniture_words_are_sorted_for_binary_search() {
        let mut sorted = FURNITURE_WORDS;
        sorted.sort_unstable();
        assert_eq!(sorted, FURNITURE_WORDS);
        let mut sorted = FRAME_WORDS;
        sorted.sort_unstable();
        assert_eq!(sorted, FRAME_WORDS);
        assert!(FRAME_WORDS.iter().all(|w| FURNITURE_WORDS.contains(w)));
    }

    #[test]
    fn the_article_beats_the_sidebar_and_the_menus() {
        let links: String = (0..30)
            .map(|i| {
                format!("<li><a href='/{i}'>Another story with a long headline number {i}</a></li>")
            })
            .collect();
        let page = format!(
            "<body><div class='menu-wrap'><ul>{links}</ul></div>\
             <div class='wrap'><div class='story'><h1>The headline</h1>\
             <p>{PROSE}</p><h2>What comes next</h2><p>{PROSE}</p>\
             <ul><li>Short item one</li><li>Short item two</li></ul></div>\
             <div class='rail'><ul>{links}</ul></div></div></body>"
        );
        assert_eq!(
            body(&page),
            [
                PROSE,
                "What comes next",
                PROSE,
                "Short item one",
                "Short item two"
            ]
        );
    }

    #[test]
    fn an_article_split_over_wrappers_is_found_whole() {
        let page = format!(
            "<body><div class='elementor'><section><div><div><p>{PROSE}</p><p>{PROSE}</p></div></div></section>\
             <section><div><div><h2>Second part</h2><p>{PROSE}</p></div></div></section></div>\
             <footer><p>{PROSE}</p></footer></body>"
        );
        assert_eq!(body(&page), [PROSE, PROSE, "Second part", PROSE]);
    }

    #[test]
    fn text_split_by_double_line_breaks_is_paragraphs() {
        let page = format!("<div id='_article'>{PROSE}<br><br>{PROSE}<br>still the second.</div>");
        let expected_second = format!("{PROSE} still the second.");
        assert_eq!(body(&page), [PROSE.to_string(), expected_second]);
    }

    #[test]
    fn closing_sections_captions_and_link_lists_are_left_out() {
        let page = format!(
            "<article><p>{PROSE}</p><figure><img src=x><figcaption>Photo: A. Person, AP</figcaption></figure>\
             <p>Advertisement</p><p>{PROSE}</p>\
             <ul><li><a href=/a>Gronk and Serena perform with the Laker Girls</a></li></ul>\
             <h3>Related stories</h3><p>{PROSE} Related.</p><h3>More</h3>\
             <div class='share-bar'><p>Share this article on every network you know</p></div></article>"
        );
        assert_eq!(body(&page), [PROSE, PROSE]);
    }

    #[test]
    fn wire_photo_furniture_inside_the_story_is_left_out() {
        let page = format!(
            "<article><p>Photo: Meg Kinnard, AP</p><p>Caption</p><p>Close</p><p>{PROSE}</p>\
             <p>SEE MORE</p><p>DON'T MISS</p><h4>Places in this Story</h4><p>{PROSE} Later.</p></article>"
        );
        assert_eq!(body(&page), [PROSE.to_string(), format!("{PROSE} Later.")]);
    }

    #[test]
    fn data_tables_read_a_row_a_line_and_layout_tables_as_containers() {
        let page = format!(
            "<div><p>{PROSE}</p><table><tr><th>Team</th><th>Points</th></tr>\
             <tr><td>Harbour FC</td><td>12</td></tr></table></div>\
             <table><tr><td><p>{PROSE}</p></td></tr></table>"
        );
        let paragraphs = body(&page);
        assert!(
            paragraphs.contains(&"Team\tPoints".to_string()),
            "{paragraphs:?}"
        );
        assert!(
            paragraphs.contains(&"Harbour FC\t12".to_string()),
            "{paragraphs:?}"
        );
    }

    #[test]
    fn text_react_streams_into_hidden_divs_is_read_and_hidden_menus_are_not() {
        let page = format!(
            "<body><div hidden><p>{PROSE}</p><p>{PROSE} Again.</p></div>\
             <div hidden id='S:1'><p>{PROSE} Once more.</p></div>\
             <div><div hidden><p>A hidden menu with a long sentence in it, never shown.</p></div></div></body>"
        );
        let paragraphs = body(&page);
        assert_eq!(paragraphs.len(), 3, "{paragraphs:?}");
        assert!(!paragraphs.iter().any(|p| p.contains("hidden menu")));
    }

    #[test]
    fn sections_named_for_scrolling_are_no_skip_links() {
        let page = format!(
            "<article><div class='skip-item' id='topic1'><p>{PROSE}</p></div>\
             <a class='skip-link' href='#main'>Skip to the main content of this page right now</a></article>"
        );
        assert_eq!(body(&page), [PROSE]);
    }

    #[test]
    fn a_wrapper_holding_the_whole_page_is_no_furniture() {
        let page = format!(
            "<form id='aspnetForm'><div class='has-sidebar'><p>{PROSE}</p><p>{PROSE}</p></div>\
             <div class='sidebar'><p>{PROSE} Aside.</p></div></form>"
        );
        assert_eq!(body(&page), [PROSE, PROSE]);
    }
}
