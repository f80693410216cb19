//! HTML: a saved news web page, read as one article.
//!
//! A page is its article wrapped in a site: navigation, headers, footers,
//! share buttons, cookie banners, lists of related stories. The metadata
//! publishers add for search engines and social networks says what the
//! article is; the markup around its paragraphs says where it is.
//!
//! **Metadata**, first found wins:
//! - title: `<meta property="og:title">`, `<meta name="twitter:title">`, the
//!   JSON-LD `headline`, the first `<h1>`, `<title>`; a trailing
//!   " | Site" or " - Site" is cut when "Site" is the page's source.
//! - date: `<meta property="article:published_time">`, JSON-LD
//!   `datePublished`, `<meta name="date">`, `<meta itemprop="datePublished">`,
//!   `<meta name="pubdate">`, the first `<time datetime>` outside navigation,
//!   asides, footers and forms; each read by [`parse_day`], so an offset
//!   moves the day.
//! - author: `<meta name="author">`, `<meta property="article:author">`
//!   (neither when it is a link to a profile page), JSON-LD `author` (a
//!   name, an object with a `name`, or a list of them, joined with ", ").
//! - source: `<meta property="og:site_name">`, JSON-LD `publisher.name`.
//! - url: `<link rel="canonical">`, `<meta property="og:url">`, JSON-LD
//!   `url`; an absolute address beats a relative one.
//! - language: `<html lang>`, JSON-LD `inLanguage`.
//!
//! JSON-LD is every `<script type="application/ld+json">`: an object, an
//! array, or an `@graph`; the article is the object whose `@type` names an
//! article (`NewsArticle`, `BlogPosting`, …), and `{"@id": …}` references
//! to a publisher or author are looked up among the other objects.
//!
//! **Body**, first found wins:
//! 1. JSON-LD `articleBody`, one paragraph per line: the publisher's own
//!    copy of the text, without the page around it.
//! 2. The `<article>` or `itemprop="articleBody"` element holding the most
//!    text: the page says this is the story.
//! 3. The `div`, `section`, `main`, `td` or `body` (or the page itself, for
//!    a fragment) whose `<p>` children hold the most text: where a story is
//!    when the page does not say. A paragraph counts fully for its parent
//!    and half for its grandparent, so a story whose paragraphs sit in one
//!    wrapper each still elects the story's container.
//!
//! Inside the container the paragraphs are the text of `p`, `h2`–`h4`,
//! `li` and `blockquote` elements, whitespace collapsed, joined by a blank
//! line. Never read: `script`, `style`, `noscript`, `template`, `svg`,
//! `nav`, `header`, `footer`, `aside`, `form`, `button`, `figure`,
//! `figcaption`, and any element whose class or id contains `nav`, `menu`,
//! `footer`, `share`, `social`, `related`, `comment`, `cookie`, `newsletter`,
//! `advert`, `promo`, `subscribe` or `breadcrumb` (except `html`, `body`,
//! `main`, `article` and the `articleBody` element itself, which a site's
//! class names must not hide). A paragraph that is all link text ("More
//! stories") or shorter than 4 words without closing punctuation ("Share
//! this", "Advertisement") is dropped — from every container found in step
//! 3, but only from list items of one the page marked as the article, whose
//! paragraphs and subheadings are the story's own.
//!
//! A page yields an article only when its body has a paragraph of at least
//! 5 words (a Chinese or Japanese character counts as a word): a front page
//! or an index of links has a title but is not an article.
//!
//! **Tree.** `tl` builds its tree literally: an end tag closes an element
//! only when it matches the innermost open one, so one unclosed `<li>` in a
//! menu would nest the rest of the page, article included, inside the menu.
//! [`normalize`] first rewrites the page the way browsers read it for the
//! cases that matter: `<p>` closed by the next block, `<li>` by the next
//! item, cells and rows by the next one, a stray end tag ignored, an end tag
//! closing the elements left open inside it; script and style text dropped
//! (its `<` is not markup), comments dropped, void elements written `<br />`
//! (tl reads `<br/>` as an open element named `br/`), and only the
//! attributes read here kept, quoted. Walks over the tree use explicit
//! stacks, so deep nesting cannot exhaust the call stack.

use std::borrow::Cow;
use std::collections::HashMap;

use serde_json::{Map, Value};
use tl::Node;

use crate::article::Article;
use crate::extract::dates::Day;
use crate::read::ReadError;
use crate::read::datetime::parse_day;
use crate::read::entities::decode_entities;

/// Reads a web page into its article.
pub fn parse_html(text: &str) -> Result<Article, ReadError> {
    let cleaned = normalize(text);
    let dom =
        tl::parse(&cleaned.html, tl::ParserOptions::default()).map_err(|e| ReadError::Syntax {
            format: "HTML",
            reason: e.to_string(),
        })?;
    let nodes = dom.nodes();
    let tree = Tree::new(nodes);
    let head = Head::read(&tree);
    let linked = LinkedData::read(&cleaned.json_ld);

    let body = linked
        .body
        .as_deref()
        .map(text_paragraphs)
        .filter(|p| has_article_text(p))
        .or_else(|| tree.body())
        .ok_or(ReadError::NoArticles {
            format: "HTML",
            hint: "no article text found",
        })?;

    let meta = |key: &str| head.meta.get(key).cloned();
    let source = meta("og:site_name").or(linked.publisher);
    let title = [
        meta("og:title"),
        meta("twitter:title"),
        linked.headline,
        head.h1,
        head.title,
    ]
    .into_iter()
    .flatten()
    .find(|t| !t.is_empty())
    .map(|t| without_site_suffix(t, source.as_deref()));
    let date = [
        meta("article:published_time"),
        linked.date,
        meta("date"),
        meta("datepublished"),
        meta("pubdate"),
    ]
    .iter()
    .flatten()
    .find_map(|d| parse_day(d))
    .or(head.time);
    let author = [meta("author"), meta("article:author")]
        .into_iter()
        .flatten()
        .find(|a| !is_link(a))
        .or(linked.author);
    let urls = [head.canonical, meta("og:url"), linked.url];
    let url = urls
        .iter()
        .flatten()
        .find(|u| is_link(u))
        .or_else(|| urls.iter().flatten().next())
        .cloned();
    Ok(Article {
        title,
        body: body.join("\n\n"),
        body_start: 0,
        date,
        source,
        url,
        author,
        language: head.language.or(linked.language),
        ..Article::default()
    })
}

// ---------------------------------------------------------------------------
// Normalizing the markup before tl reads it.

/// Elements without content (`<br>`, `<meta>`): never open.
const VOID: [&str; 16] = [
    "area", "base", "br", "col", "command", "embed", "hr", "img", "input", "keygen", "link",
    "meta", "param", "source", "track", "wbr",
];

/// Elements whose content is not markup; dropped with it (JSON-LD scripts
/// are kept aside first).
const RAW_TEXT: [&str; 9] = [
    "script",
    "style",
    "noscript",
    "iframe",
    "noembed",
    "noframes",
    "xmp",
    "textarea",
    "plaintext",
];

/// Attributes this reader looks at; the others are not passed on to tl.
const KEPT_ATTRIBUTES: [&str; 11] = [
    "id", "class", "name", "property", "itemprop", "content", "rel", "href", "lang", "datetime",
    "type",
];

/// Elements whose start closes an open `<p>`.
const CLOSES_P: [&str; 33] = [
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "ul",
];

/// The element [`normalize`] wraps the page in, so that text outside any
/// element (a fragment saved without `<html>` or `<body>`) has a container.
const ROOT: &str = "newsdex-page";

/// Elements an implied or explicit end tag does not look past.
const SCOPE: [&str; 9] = [
    ROOT, "html", "body", "table", "td", "th", "caption", "template", "object",
];

/// How far down the open elements an end tag looks for its start (keeps
/// hostile input from costing quadratic time).
const MAX_SCAN: usize = 256;

/// The page as tl should read it, and its JSON-LD blocks.
#[derive(Debug, Default)]
struct Cleaned {
    html: String,
    json_ld: Vec<String>,
}

/// One start tag, as written.
struct StartTag {
    name: String,
    attributes: Vec<(String, Option<String>)>,
    self_closing: bool,
    /// Byte just after the tag.
    end: usize,
}

/// The open elements while rewriting.
#[derive(Default)]
struct Builder {
    out: String,
    stack: Vec<String>,
    open: HashMap<String, usize>,
}

impl Builder {
    fn push(&mut self, name: &str) {
        self.stack.push(name.to_string());
        *self.open.entry(name.to_string()).or_default() += 1;
    }

    /// Closes the open elements down to (and including) the one at `index`.
    fn close_to(&mut self, index: usize) {
        while self.stack.len() > index {
            let Some(name) = self.stack.pop() else { break };
            if let Some(count) = self.open.get_mut(&name) {
                *count = count.saturating_sub(1);
            }
            self.out.push_str("</");
            self.out.push_str(&name);
            self.out.push('>');
        }
    }

    /// Where the innermost open element named in `targets` is, not looking
    /// past a scope boundary or an element of `stops`.
    fn find(&self, targets: &[&str], stops: &[&str]) -> Option<usize> {
        if targets
            .iter()
            .all(|t| self.open.get(*t).is_none_or(|&c| c == 0))
        {
            return None;
        }
        for (index, name) in self.stack.iter().enumerate().rev().take(MAX_SCAN) {
            if targets.contains(&name.as_str()) {
                return Some(index);
            }
            if SCOPE.contains(&name.as_str()) || stops.contains(&name.as_str()) {
                return None;
            }
        }
        None
    }

    fn close_open(&mut self, targets: &[&str], stops: &[&str]) {
        if let Some(index) = self.find(targets, stops) {
            self.close_to(index);
        }
    }

    /// The end tags a start tag implies.
    fn imply_ends(&mut self, name: &str) {
        match name {
            "li" => self.close_open(&["li"], &["ul", "ol", "menu"]),
            "dt" | "dd" => self.close_open(&["dt", "dd"], &["dl"]),
            "tr" => self.close_open(&["tr"], &["thead", "tbody", "tfoot"]),
            "td" | "th" => self.close_open(&["td", "th"], &["tr"]),
            "thead" | "tbody" | "tfoot" => self.close_open(&["thead", "tbody", "tfoot"], &[]),
            "option" => self.close_open(&["option"], &["select"]),
            _ => {}
        }
        if is_heading(name) && self.stack.last().is_some_and(|top| is_heading(top)) {
            self.close_to(self.stack.len() - 1);
        }
        if CLOSES_P.contains(&name) {
            self.close_open(&["p"], &["button"]);
        }
    }

    fn start_tag(&mut self, tag: &StartTag) {
        let name = tag.name.as_str();
        self.imply_ends(name);
        self.out.push('<');
        self.out.push_str(name);
        for (key, value) in &tag.attributes {
            self.out.push(' ');
            self.out.push_str(key);
            if let Some(value) = value {
                self.out.push_str("=\"");
                self.out.push_str(&value.replace('"', "&quot;"));
                self.out.push('"');
            }
        }
        if tag.self_closing || VOID.contains(&name) {
            // With a space: tl reads `/` as part of a name.
            self.out.push_str(" />");
        } else {
            self.out.push('>');
            self.push(name);
        }
    }

    fn end_tag(&mut self, name: &str) {
        if matches!(name, "html" | "body") || VOID.contains(&name) {
            return;
        }
        let stops: &[&str] = if name == "p" { &["button"] } else { &[] };
        self.close_open(&[name], stops);
    }
}

fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

fn is_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// A tag name as tl reads one: lower case, letters, digits, `-`, `_`, `:`.
fn tag_name(raw: &str) -> String {
    raw.chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':'))
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Rewrites a page into markup tl reads as a browser would (see the module
/// documentation), keeping the JSON-LD scripts aside.
fn normalize(text: &str) -> Cleaned {
    let bytes = text.as_bytes();
    // ASCII lower-casing keeps every byte offset.
    let lower = text.to_ascii_lowercase();
    let mut builder = Builder::default();
    builder.out.push_str(&format!("<{ROOT}>"));
    builder.push(ROOT);
    let mut json_ld = Vec::new();
    let mut pos = 0;
    while let Some(found) = text[pos..].find('<') {
        let lt = pos + found;
        builder.out.push_str(&text[pos..lt]);
        let after = |needle: &str, from: usize| {
            lower
                .get(from..)
                .and_then(|rest| rest.find(needle))
                .map_or(text.len(), |at| from + at + needle.len())
        };
        pos = match bytes.get(lt + 1) {
            Some(b'!') if lower[lt..].starts_with("<!--") => after("-->", lt + 2),
            Some(b'!' | b'?') => after(">", lt + 1),
            Some(b'/') => match bytes.get(lt + 2) {
                Some(c) if c.is_ascii_alphabetic() => {
                    let name_end = lower[lt + 2..]
                        .find(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')
                        .map_or(text.len(), |at| lt + 2 + at);
                    builder.end_tag(&tag_name(&lower[lt + 2..name_end]));
                    after(">", name_end)
                }
                _ => after(">", lt + 2),
            },
            Some(c) if c.is_ascii_alphabetic() => {
                let tag = start_tag(text, &lower, lt);
                let name = tag.name.as_str();
                if RAW_TEXT.contains(&name) || name == "title" {
                    let closing = format!("</{name}");
                    let content_end = lower[tag.end..]
                        .find(&closing)
                        .map_or(text.len(), |at| tag.end + at);
                    let content = &text[tag.end..content_end];
                    if name == "title" {
                        builder.out.push_str("<title>");
                        builder.out.push_str(&content.replace('<', "&lt;"));
                        builder.out.push_str("</title>");
                    } else if name == "script" && is_json_ld(&tag) {
                        json_ld.push(content.to_string());
                    }
                    after(">", content_end)
                } else {
                    builder.start_tag(&tag);
                    tag.end
                }
            }
            _ => {
                builder.out.push_str("&lt;");
                lt + 1
            }
        };
    }
    builder.out.push_str(&text[pos..]);
    Cleaned {
        html: builder.out,
        json_ld,
    }
}

fn is_json_ld(tag: &StartTag) -> bool {
    tag.attributes.iter().any(|(k, v)| {
        k == "type"
            && v.as_deref()
                .is_some_and(|v| v.to_ascii_lowercase().contains("ld+json"))
    })
}

/// The start tag at `lt` (a `<` followed by a letter). `lower` is `text` in
/// ASCII lower case. Unquoted values end at whitespace or `>`; quoted ones
/// at their quote, so a `>` inside quotes does not end the tag.
fn start_tag(text: &str, lower: &str, lt: usize) -> StartTag {
    let bytes = text.as_bytes();
    let len = bytes.len();
    let stops_name = |b: u8| is_space(b) || b == b'/' || b == b'>';
    let mut i = lt + 1;
    while i < len && !stops_name(bytes[i]) {
        i += 1;
    }
    let name = tag_name(&lower[lt + 1..i]);
    let mut attributes: Vec<(String, Option<String>)> = Vec::new();
    let mut self_closing = false;
    loop {
        while i < len && is_space(bytes[i]) {
            i += 1;
        }
        match bytes.get(i) {
            None => break,
            Some(b'>') => {
                i += 1;
                break;
            }
            Some(b'/') => {
                i += 1;
                if bytes.get(i) == Some(&b'>') {
                    self_closing = true;
                    i += 1;
                    break;
                }
                continue;
            }
            Some(_) => {}
        }
        let key_start = i;
        i += 1;
        while i < len && !stops_name(bytes[i]) && bytes[i] != b'=' {
            i += 1;
        }
        let key = &lower[key_start..i];
        while i < len && is_space(bytes[i]) {
            i += 1;
        }
        let mut value = None;
        if bytes.get(i) == Some(&b'=') {
            i += 1;
            while i < len && is_space(bytes[i]) {
                i += 1;
            }
            match bytes.get(i) {
                Some(&quote) if quote == b'"' || quote == b'\'' => {
                    let start = i + 1;
                    let end = text[start..]
                        .find(quote as char)
                        .map_or(len, |at| start + at);
                    value = Some(&text[start..end]);
                    i = (end + 1).min(len);
                }
                _ => {
                    let start = i;
                    while i < len && !is_space(bytes[i]) && bytes[i] != b'>' {
                        i += 1;
                    }
                    value = Some(&text[start..i]);
                }
            }
        }
        if KEPT_ATTRIBUTES.contains(&key) && !attributes.iter().any(|(k, _)| k == key) {
            attributes.push((key.to_string(), value.map(str::to_string)));
        }
    }
    StartTag {
        name,
        attributes,
        self_closing,
        end: i,
    }
}

// ---------------------------------------------------------------------------
// The tree.

/// Elements never read for the body.
const SKIPPED_TAGS: [&str; 16] = [
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "button",
    "select",
    "textarea",
    "iframe",
    "figure",
    "figcaption",
];

/// Elements that are site furniture wherever they are (a `<header>` may be
/// the article's own, with its headline and time).
const CHROME_TAGS: [&str; 4] = ["nav", "footer", "aside", "form"];

/// Class or id fragments of site furniture.
const BOILERPLATE_NAMES: [&str; 13] = [
    "nav",
    "menu",
    "footer",
    "share",
    "social",
    "related",
    "comment",
    "cookie",
    "newsletter",
    "advert",
    "promo",
    "subscribe",
    "breadcrumb",
];

/// Elements a class name never hides.
const NEVER_BOILERPLATE: [&str; 4] = ["html", "body", "main", "article"];

/// Elements whose text is a paragraph of the body.
const PARAGRAPHS: [&str; 6] = ["p", "h2", "h3", "h4", "li", "blockquote"];

/// Other elements that end a paragraph (their text counts only inside one
/// of [`PARAGRAPHS`]).
const BLOCKS: [&str; 24] = [
    "div", "section", "article", "main", "h1", "h5", "h6", "ul", "ol", "dl", "dt", "dd", "table",
    "tr", "td", "th", "pre", "hr", "center", "details", "summary", "address", "tbody", "caption",
];

/// Elements that may hold the body when the page does not mark it.
const CONTAINERS: [&str; 6] = ["div", "section", "main", "td", "body", ROOT];

/// tl's nodes with what the walks need: parents, skipped elements, text
/// lengths.
struct Tree<'n, 'a> {
    nodes: &'n [Node<'a>],
    parent: Vec<Option<usize>>,
    /// Node `i`'s children are `child_list[child_start[i]..child_start[i + 1]]`.
    child_start: Vec<usize>,
    child_list: Vec<usize>,
    /// Not read for the body, by tag or by class.
    skip_self: Vec<bool>,
    /// Inside (or being) a skipped element.
    skipped: Vec<bool>,
    /// Inside navigation, a footer, an aside or a form.
    chrome: Vec<bool>,
    /// Non-whitespace bytes of text, skipped elements counting none.
    text_len: Vec<usize>,
    /// Text of `<p>` children, doubled, plus that of `<p>` grandchildren.
    density: Vec<usize>,
}

impl<'n, 'a> Tree<'n, 'a> {
    fn new(nodes: &'n [Node<'a>]) -> Tree<'n, 'a> {
        let n = nodes.len();
        let mut tree = Tree {
            nodes,
            parent: vec![None; n],
            child_start: Vec::with_capacity(n + 1),
            child_list: Vec::with_capacity(n),
            skip_self: vec![false; n],
            skipped: vec![false; n],
            chrome: vec![false; n],
            text_len: vec![0; n],
            density: vec![0; n],
        };
        // tl numbers nodes in document order: a parent before its children.
        for (i, node) in nodes.iter().enumerate() {
            let parent = tree.parent[i];
            let inherited = |flags: &[bool]| parent.is_some_and(|p| flags[p]);
            tree.child_start.push(tree.child_list.len());
            let (skip_self, chrome_self) = match node.as_tag() {
                Some(tag) => {
                    for child in tag.children().top().iter() {
                        let child = child.get_inner() as usize;
                        if child > i && child < n && tree.parent[child].is_none() {
                            tree.parent[child] = Some(i);
                            tree.child_list.push(child);
                        }
                    }
                    let name = name_of(node);
                    let furniture = !NEVER_BOILERPLATE.contains(&name)
                        && !is_article_body(node)
                        && has_boilerplate_name(node);
                    (
                        SKIPPED_TAGS.contains(&name) || furniture,
                        CHROME_TAGS.contains(&name) || furniture,
                    )
                }
                None => (false, false),
            };
            tree.skip_self[i] = skip_self;
            tree.skipped[i] = skip_self || inherited(&tree.skipped);
            tree.chrome[i] = chrome_self || inherited(&tree.chrome);
        }
        tree.child_start.push(tree.child_list.len());
        // Children after parents, so backwards every child is summed first.
        for i in (0..n).rev() {
            let own = match &nodes[i] {
                _ if tree.skip_self[i] => 0,
                Node::Raw(text) => text
                    .as_bytes()
                    .iter()
                    .filter(|b| !b.is_ascii_whitespace())
                    .count(),
                Node::Tag(_) => tree.text_len[i],
                Node::Comment(_) => 0,
            };
            tree.text_len[i] = own;
            if let Some(p) = tree.parent[i] {
                tree.text_len[p] += own;
                if name_of(&nodes[i]) == "p" {
                    tree.density[p] += 2 * own;
                    if let Some(g) = tree.parent[p] {
                        tree.density[g] += own;
                    }
                }
            }
        }
        tree
    }

    fn name(&self, i: usize) -> &'n str {
        name_of(&self.nodes[i])
    }

    fn children(&self, i: usize) -> impl DoubleEndedIterator<Item = usize> + '_ {
        self.child_list[self.child_start[i]..self.child_start[i + 1]]
            .iter()
            .copied()
    }

    /// The body's paragraphs (see the module documentation), or None.
    fn body(&self) -> Option<Vec<String>> {
        let first_largest = |best: Option<usize>, i: usize, size: &[usize]| match best {
            Some(b) if size[b] >= size[i] => Some(b),
            _ => Some(i),
        };
        let marked = (0..self.nodes.len())
            .filter(|&i| {
                !self.skipped[i] && (self.name(i) == "article" || is_article_body(&self.nodes[i]))
            })
            .fold(None, |best, i| first_largest(best, i, &self.text_len));
        if let Some(container) = marked {
            let paragraphs = self.paragraphs(container, true);
            if has_article_text(&paragraphs) {
                return Some(paragraphs);
            }
        }
        let densest = (0..self.nodes.len())
            .filter(|&i| {
                !self.skipped[i] && self.density[i] > 0 && CONTAINERS.contains(&self.name(i))
            })
            .fold(None, |best, i| first_largest(best, i, &self.density))?;
        let paragraphs = self.paragraphs(densest, false);
        has_article_text(&paragraphs).then_some(paragraphs)
    }

    /// The paragraphs inside `container`; `marked` when the page said it is
    /// the article (only its list items are tested for boilerplate).
    fn paragraphs(&self, container: usize, marked: bool) -> Vec<String> {
        let mut out = Paragraphs {
            marked,
            ..Paragraphs::default()
        };
        // (node, leaving it)
        let mut stack = vec![(container, false)];
        while let Some((i, leaving)) = stack.pop() {
            let name = self.name(i);
            if leaving {
                if PARAGRAPHS.contains(&name) {
                    out.flush();
                    out.kinds.pop();
                } else if BLOCKS.contains(&name) {
                    out.flush();
                } else if name == "a" {
                    out.in_link = out.in_link.saturating_sub(1);
                }
                continue;
            }
            match &self.nodes[i] {
                Node::Raw(text) => out.text(&text.as_utf8_str()),
                Node::Comment(_) => {}
                Node::Tag(_) => {
                    if i != container && self.skip_self[i] {
                        continue;
                    }
                    if let Some(kind) = PARAGRAPHS.iter().find(|&&p| p == name) {
                        out.flush();
                        out.kinds.push(kind);
                        stack.push((i, true));
                    } else if BLOCKS.contains(&name) {
                        out.flush();
                        stack.push((i, true));
                    } else if name == "a" {
                        out.in_link += 1;
                        stack.push((i, true));
                    } else if name == "br" {
                        out.text(" ");
                    }
                    stack.extend(self.children(i).rev().map(|c| (c, false)));
                }
            }
        }
        out.flush();
        out.done
    }

    /// The text of an element, whitespace collapsed.
    fn text(&self, i: usize) -> String {
        let mut raw = String::new();
        let mut stack = vec![i];
        while let Some(i) = stack.pop() {
            match &self.nodes[i] {
                Node::Raw(text) => raw.push_str(&text.as_utf8_str()),
                Node::Tag(_) if self.name(i) == "br" => raw.push(' '),
                _ => stack.extend(self.children(i).rev()),
            }
        }
        clean(&raw)
    }
}

/// Collects paragraphs during a walk.
#[derive(Default)]
struct Paragraphs {
    marked: bool,
    /// The paragraph elements open around the text, innermost last.
    kinds: Vec<&'static str>,
    buffer: String,
    /// Non-whitespace bytes of `buffer` inside links.
    link_len: usize,
    in_link: usize,
    done: Vec<String>,
}

impl Paragraphs {
    fn text(&mut self, raw: &str) {
        if self.kinds.is_empty() {
            return;
        }
        let text = decode_entities(raw);
        if self.in_link > 0 {
            self.link_len += non_space_len(&text);
        }
        self.buffer.push_str(&text);
    }

    fn flush(&mut self) {
        let paragraph = collapse(&self.buffer);
        let link_len = std::mem::take(&mut self.link_len);
        self.buffer.clear();
        if paragraph.is_empty() {
            return;
        }
        let tested = !self.marked || self.kinds.last() == Some(&"li");
        let link_only = link_len >= non_space_len(&paragraph);
        let scrap = word_count(&paragraph) < 4 && !ends_like_a_sentence(&paragraph);
        if tested && (link_only || scrap) {
            return;
        }
        self.done.push(paragraph);
    }
}

fn name_of<'n>(node: &'n Node<'_>) -> &'n str {
    node.as_tag()
        .and_then(|tag| tag.name().try_as_utf8_str())
        .unwrap_or("")
}

fn attribute<'n>(node: &'n Node<'_>, key: &'static str) -> Option<Cow<'n, str>> {
    node.as_tag()?
        .attributes()
        .get(key)
        .flatten()
        .map(|value| value.as_utf8_str())
}

fn is_article_body(node: &Node<'_>) -> bool {
    attribute(node, "itemprop").is_some_and(|v| v.trim().eq_ignore_ascii_case("articlebody"))
}

fn has_boilerplate_name(node: &Node<'_>) -> bool {
    ["class", "id"].iter().any(|key| {
        attribute(node, key).is_some_and(|value| {
            let value = value.to_ascii_lowercase();
            BOILERPLATE_NAMES.iter().any(|b| value.contains(b))
        })
    })
}

// ---------------------------------------------------------------------------
// Metadata in the markup.

/// What the markup says about the page.
#[derive(Debug, Default)]
struct Head {
    /// `<meta>` content by lower-cased name, property or itemprop; the first
    /// of each.
    meta: HashMap<String, String>,
    canonical: Option<String>,
    language: Option<String>,
    title: Option<String>,
    h1: Option<String>,
    time: Option<Day>,
}

impl Head {
    fn read(tree: &Tree<'_, '_>) -> Head {
        let mut head = Head::default();
        for (i, node) in tree.nodes.iter().enumerate() {
            let text_attribute = |key: &'static str| attribute(node, key).map(|v| clean(&v));
            match tree.name(i) {
                "meta" => {
                    let Some(content) = text_attribute("content").filter(|c| !c.is_empty()) else {
                        continue;
                    };
                    for key in ["name", "property", "itemprop"] {
                        if let Some(name) = attribute(node, key) {
                            head.meta
                                .entry(name.trim().to_ascii_lowercase())
                                .or_insert_with(|| content.clone());
                        }
                    }
                }
                "link" if head.canonical.is_none() => {
                    let canonical = attribute(node, "rel").is_some_and(|rel| {
                        rel.split_whitespace()
                            .any(|r| r.eq_ignore_ascii_case("canonical"))
                    });
                    if canonical {
                        head.canonical = text_attribute("href").filter(|h| !h.is_empty());
                    }
                }
                "html" if head.language.is_none() => {
                    head.language = text_attribute("lang").filter(|l| !l.is_empty());
                }
                "title" if head.title.is_none() && !tree.skipped[i] => {
                    head.title = Some(tree.text(i)).filter(|t| !t.is_empty());
                }
                "h1" if head.h1.is_none() && !tree.chrome[i] => {
                    head.h1 = Some(tree.text(i)).filter(|t| !t.is_empty());
                }
                "time" if head.time.is_none() && !tree.chrome[i] => {
                    head.time = attribute(node, "datetime").and_then(|d| parse_day(&d));
                }
                _ => {}
            }
        }
        head
    }
}

// ---------------------------------------------------------------------------
// JSON-LD.

/// What the page's JSON-LD says about its article.
#[derive(Debug, Default)]
struct LinkedData {
    headline: Option<String>,
    date: Option<String>,
    author: Option<String>,
    publisher: Option<String>,
    body: Option<String>,
    url: Option<String>,
    language: Option<String>,
}

impl LinkedData {
    fn read(blocks: &[String]) -> LinkedData {
        let values: Vec<Value> = blocks.iter().filter_map(|b| json(b)).collect();
        let mut objects = Vec::new();
        for value in &values {
            gather(value, &mut objects, 0);
        }
        let article = objects
            .iter()
            .find(|o| is_article_type(o))
            .or_else(|| objects.iter().find(|o| o.contains_key("articleBody")))
            .or_else(|| objects.iter().find(|o| o.contains_key("datePublished")));
        let Some(article) = article else {
            return LinkedData::default();
        };
        let field = |key: &str| article.get(key).and_then(|v| first_text(v, &objects));
        let joined = |key: &str| {
            let mut names = Vec::new();
            if let Some(value) = article.get(key) {
                collect_names(value, &objects, &mut names, 0);
            }
            (!names.is_empty()).then(|| names.join(", "))
        };
        let url = field("url").or_else(|| match article.get("mainEntityOfPage") {
            Some(Value::Object(page)) => page.get("@id").and_then(|v| first_text(v, &objects)),
            Some(other) => first_text(other, &objects),
            None => None,
        });
        LinkedData {
            headline: field("headline").or_else(|| field("name")),
            date: field("datePublished"),
            author: joined("author"),
            publisher: field("publisher"),
            body: article
                .get("articleBody")
                .and_then(Value::as_str)
                .map(str::to_string),
            url,
            language: field("inLanguage"),
        }
    }
}

/// A JSON-LD block, tolerating the comment and CDATA wrappers old pages put
/// around scripts, and raw line breaks inside strings.
fn json(block: &str) -> Option<Value> {
    let mut text = block.trim();
    for prefix in ["<!--", "//<![CDATA[", "<![CDATA["] {
        text = text.strip_prefix(prefix).unwrap_or(text).trim();
    }
    for suffix in ["-->", "//]]>", "]]>", ";"] {
        text = text.strip_suffix(suffix).unwrap_or(text).trim();
    }
    serde_json::from_str(text).ok().or_else(|| {
        let flat: String = text
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        serde_json::from_str(&flat).ok()
    })
}

/// The objects of a JSON-LD value: itself, its array items, its `@graph`
/// and `mainEntity`, a few levels deep.
fn gather<'v>(value: &'v Value, out: &mut Vec<&'v Map<String, Value>>, depth: usize) {
    if depth > 4 {
        return;
    }
    match value {
        Value::Array(items) => {
            for item in items {
                gather(item, out, depth + 1);
            }
        }
        Value::Object(map) => {
            out.push(map);
            for key in ["@graph", "mainEntity"] {
                if let Some(inner) = map.get(key) {
                    gather(inner, out, depth + 1);
                }
            }
        }
        _ => {}
    }
}

fn is_article_type(object: &Map<String, Value>) -> bool {
    let is_article = |t: &str| {
        let t = t.to_ascii_lowercase();
        t.contains("article") || t.ends_with("posting") || t == "report"
    };
    match object.get("@type") {
        Some(Value::String(t)) => is_article(t),
        Some(Value::Array(types)) => types.iter().filter_map(Value::as_str).any(is_article),
        _ => false,
    }
}

/// The first text of a value: a string, a number, an object's `name` (or
/// the `name` of the object its `@id` refers to), a list's first.
fn first_text(value: &Value, objects: &[&Map<String, Value>]) -> Option<String> {
    let mut names = Vec::new();
    collect_names(value, objects, &mut names, 0);
    names.into_iter().next()
}

fn collect_names(
    value: &Value,
    objects: &[&Map<String, Value>],
    out: &mut Vec<String>,
    depth: usize,
) {
    if depth > 4 {
        return;
    }
    match value {
        Value::String(s) => {
            let name = clean(s);
            if !name.is_empty() && !out.contains(&name) {
                out.push(name);
            }
        }
        Value::Number(n) => out.push(n.to_string()),
        Value::Array(items) => {
            for item in items {
                collect_names(item, objects, out, depth + 1);
            }
        }
        Value::Object(map) => {
            let referred = || {
                let id = map.get("@id")?;
                objects
                    .iter()
                    .find(|o| o.get("@id") == Some(id) && o.contains_key("name"))
                    .and_then(|o| o.get("name"))
            };
            if let Some(name) = map.get("name").or_else(referred) {
                collect_names(name, objects, out, depth + 1);
            }
        }
        _ => {}
    }
}

// ---------------------------------------------------------------------------
// Text.

/// Entities decoded, whitespace runs made one space.
fn clean(text: &str) -> String {
    collapse(&decode_entities(text))
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn non_space_len(text: &str) -> usize {
    text.split_whitespace().map(str::len).sum()
}

/// One paragraph per non-empty line.
fn text_paragraphs(text: &str) -> Vec<String> {
    decode_entities(text)
        .lines()
        .map(collapse)
        .filter(|line| !line.is_empty())
        .collect()
}

/// Words, counting each Chinese or Japanese character as one (those
/// scripts do not separate words by spaces).
fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .map(|word| word.chars().filter(|&c| is_cjk(c)).count().max(1))
        .sum()
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}

fn ends_like_a_sentence(text: &str) -> bool {
    text.chars().next_back().is_some_and(|c| {
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

/// Whether paragraphs make an article: one of at least 5 words.
fn has_article_text(paragraphs: &[String]) -> bool {
    paragraphs.iter().any(|p| word_count(p) >= 5)
}

fn is_link(text: &str) -> bool {
    let text = text.trim_start().to_ascii_lowercase();
    text.starts_with("http://") || text.starts_with("https://") || text.starts_with("www.")
}

/// The title without a trailing " | Site" naming the source.
fn without_site_suffix(title: String, site: Option<&str>) -> String {
    let Some(site) = site.map(str::trim).filter(|s| !s.is_empty()) else {
        return title;
    };
    let site = site.to_lowercase();
    for separator in [" | ", " - ", " – ", " — ", " · ", " :: "] {
        let suffix = format!("{separator}{site}");
        let Some(cut) = title.len().checked_sub(suffix.len()) else {
            continue;
        };
        if cut > 0
            && title.is_char_boundary(cut)
            && title[cut..].to_lowercase() == suffix
            && !title[..cut].trim().is_empty()
        {
            return title[..cut].trim().to_string();
        }
    }
    title
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body_of(html: &str) -> String {
        parse_html(html).unwrap().body
    }

    #[test]
    fn metadata_comes_from_meta_tags() {
        let page = r#"<!DOCTYPE html>
<html lang="en-GB">
<head>
<title>Harbour bridge reopens | The Coastal Courier</title>
<meta property="og:title" content="Harbour bridge reopens after repairs">
<meta property="og:site_name" content="The Coastal Courier">
<meta property="article:published_time" content="2020-01-02T23:30:00-05:00">
<META NAME="author" CONTENT="Jane Roe &amp; John Doe">
<meta property="article:author" content="https://social.example/janeroe">
<link rel="canonical" href="https://courier.example/2020/01/bridge">
<meta property="og:url" content="https://courier.example/bridge?ref=feed">
</head>
<body><article><p>The harbour bridge reopened on Thursday after three months of repairs.</p></article></body>
</html>"#;
        let article = parse_html(page).unwrap();
        assert_eq!(
            article.title.as_deref(),
            Some("Harbour bridge reopens after repairs")
        );
        assert_eq!(article.date, Day::new(2020, 1, 3));
        assert_eq!(article.author.as_deref(), Some("Jane Roe & John Doe"));
        assert_eq!(article.source.as_deref(), Some("The Coastal Courier"));
        assert_eq!(
            article.url.as_deref(),
            Some("https://courier.example/2020/01/bridge")
        );
        assert_eq!(article.language.as_deref(), Some("en-GB"));
        assert_eq!(
            article.body,
            "The harbour bridge reopened on Thursday after three months of repairs."
        );
        assert_eq!(article.body_start, 0);
    }

    #[test]
    fn title_falls_back_to_h1_then_title_without_the_site_name() {
        let paragraph = "<p>Council members voted seven to two in favour of the plan.</p>";
        let with_h1 = format!(
            "<title>Vote passes - Town Crier</title><h1>Council &#8220;votes&#8221; yes</h1>{paragraph}"
        );
        assert_eq!(
            parse_html(&with_h1).unwrap().title.as_deref(),
            Some("Council “votes” yes")
        );
        let title_only = format!(
            r#"<head><meta property="og:site_name" content="Town Crier"><title>Vote passes - Town Crier</title></head><body>{paragraph}</body>"#
        );
        let article = parse_html(&title_only).unwrap();
        assert_eq!(article.title.as_deref(), Some("Vote passes"));
        assert_eq!(article.date, None);
        // Without a site name the suffix could be part of the headline.
        let unnamed = format!("<title>Vote passes - Town Crier</title>{paragraph}");
        assert_eq!(
            parse_html(&unnamed).unwrap().title.as_deref(),
            Some("Vote passes - Town Crier")
        );
    }

    #[test]
    fn boilerplate_around_the_article_is_left_out() {
        let page = r#"<html><body>
<div class="cookie-banner"><p>We use cookies to improve your experience on this website.</p></div>
<header><a href="/">Courier home</a>
  <nav><ul><li><a href="/world">World news</a><li><a href="/sport">Sport</a></ul></nav>
</header>
<aside><h2>Trending now</h2><p>Ten things you will not believe about parking garages.</p></aside>
<article>
  <h1>Council approves new library</h1>
  <div class="share-tools"><a href="/share">Share on Facebook</a></div>
  <p>The city council approved plans for a new central library on Monday evening.</p>
  <h2>Funding</h2>
  <p>The building will cost &pound;12&nbsp;million,
     paid from the   capital budget.</p>
  <figure><img src="library.jpg"><figcaption>An artist's impression of the library.</figcaption></figure>
  <blockquote>"It will be open to everyone," the mayor said.</blockquote>
  <div class="related-stories"><ul><li><a href="/a">Library closures across the region</a></li></ul></div>
  <form><p>Subscribe to our daily newsletter for more local stories.</p></form>
</article>
<footer><p>Copyright 2020 Coastal Courier. All rights reserved.</p></footer>
</body></html>"#;
        let body = body_of(page);
        assert_eq!(
            body,
            "The city council approved plans for a new central library on Monday evening.\n\n\
             Funding\n\n\
             The building will cost £12 million, paid from the capital budget.\n\n\
             \"It will be open to everyone,\" the mayor said."
        );
        for boilerplate in [
            "cookies",
            "Courier home",
            "World news",
            "Trending",
            "parking",
            "Share",
            "impression",
            "closures",
            "newsletter",
            "Copyright",
        ] {
            assert!(!body.contains(boilerplate), "{boilerplate} in {body:?}");
        }
    }

    #[test]
    fn json_ld_gives_metadata_and_the_article_body() {
        let page = r##"<html><head>
<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
  {"@type": "WebSite", "@id": "#site", "name": "Valley Times"},
  {"@type": "NewsArticle", "headline": "Dam levels fall",
   "datePublished": "2021-06-30T22:15:00-04:00",
   "author": [{"@type": "Person", "name": "Ana Lima"}, {"@type": "Person", "name": "Ben Okafor"}],
   "publisher": {"@id": "#org"},
   "mainEntityOfPage": {"@id": "https://valley.example/dam"},
   "articleBody": "Water in the valley dam fell to 40 percent this week.\nOfficials asked residents to save water."},
  {"@type": "Organization", "@id": "#org", "name": "Valley Times Media"}
]}
</script>
</head><body><p>Teaser text that is not the article body at all.</p></body></html>"##;
        let article = parse_html(page).unwrap();
        assert_eq!(article.title.as_deref(), Some("Dam levels fall"));
        assert_eq!(article.date, Day::new(2021, 7, 1));
        assert_eq!(article.author.as_deref(), Some("Ana Lima, Ben Okafor"));
        assert_eq!(article.source.as_deref(), Some("Valley Times Media"));
        assert_eq!(article.url.as_deref(), Some("https://valley.example/dam"));
        assert_eq!(
            article.body,
            "Water in the valley dam fell to 40 percent this week.\n\n\
             Officials asked residents to save water."
        );
    }

    #[test]
    fn json_ld_as_an_array_with_a_single_author_and_no_body() {
        let page = r#"<script type="application/ld+json">[
  {"@type": "BreadcrumbList", "itemListElement": []},
  {"@type": ["NewsArticle"], "datePublished": "2019-05-04",
   "author": {"@type": "Person", "name": "Kim Park"},
   "publisher": {"@type": "Organization", "name": "Metro Daily"}}
]</script>
<div><p>The metro line will close for two weekends in June for track work.</p></div>"#;
        let article = parse_html(page).unwrap();
        assert_eq!(article.date, Day::new(2019, 5, 4));
        assert_eq!(article.author.as_deref(), Some("Kim Park"));
        assert_eq!(article.source.as_deref(), Some("Metro Daily"));
        assert_eq!(
            article.body,
            "The metro line will close for two weekends in June for track work."
        );
    }

    #[test]
    fn dates_fall_back_to_meta_names_and_time_elements() {
        let paragraph = "<p>The festival drew more visitors than in any year before.</p>";
        let meta =
            format!(r#"<meta name="pubdate" content="Tue, 05 Mar 2019 10:00:00 GMT">{paragraph}"#);
        assert_eq!(parse_html(&meta).unwrap().date, Day::new(2019, 3, 5));
        let time = format!(
            r#"<nav><time datetime="2001-01-01">1 Jan</time></nav><article><header><time datetime="2018-08-09T08:00:00Z">9 August</time></header>{paragraph}</article>"#
        );
        assert_eq!(parse_html(&time).unwrap().date, Day::new(2018, 8, 9));
    }

    #[test]
    fn without_an_article_element_the_densest_container_wins() {
        let page = r#"<html><body>
<div id="top"><p>Welcome to the site.</p></div>
<div class="content">
  <div class="teaser"><p>Another story you might like to read today.</p></div>
  <div class="story">
    <p>Farmers in the north reported a record wheat harvest this summer.</p>
    <p>Prices at the regional market fell by a tenth as a result.</p>
    <p><a href="/more">Read more</a></p>
    <p>Advertisement</p>
  </div>
</div>
<div class="sidebar"><p><a href="/x">Most read: the best beaches of the year</a></p></div>
</body></html>"#;
        assert_eq!(
            body_of(page),
            "Farmers in the north reported a record wheat harvest this summer.\n\n\
             Prices at the regional market fell by a tenth as a result."
        );
    }

    #[test]
    fn a_page_of_links_is_not_an_article() {
        let list = r#"<html><head><title>Latest news</title></head><body><h1>Latest</h1>
<ul><li><a href="/1">Storm closes schools across the county today</a></li>
<li><a href="/2">Bridge reopens after months of repairs</a></li></ul></body></html>"#;
        let paragraphs = r#"<title>Index</title><div>
<p><a href="/1">Storm closes schools across the county today</a></p>
<p><a href="/2">Bridge reopens after months of repairs</a></p></div>"#;
        for page in [
            list,
            paragraphs,
            "",
            "<html><title>Only a title</title></html>",
        ] {
            let err = parse_html(page).unwrap_err();
            assert!(
                matches!(err, ReadError::NoArticles { format: "HTML", .. }),
                "{err}"
            );
        }
    }

    #[test]
    fn malformed_markup_still_yields_the_text() {
        let page = r#"<html><body>
<script>if (a<b) { document.write("<div><article>"); }</script>
</div></span>
<div class=story>
<p>First paragraph of the story has enough words.
<p>Second paragraph &mdash; also long enough to count.
</div></div>
<p>Trailing words sit outside.
"#;
        assert_eq!(
            body_of(page),
            "First paragraph of the story has enough words.\n\n\
             Second paragraph — also long enough to count."
        );
        let cut_off =
            r#"<article><p title="a > b">Text with <b>unclosed bold and <i>more words here"#;
        assert_eq!(
            body_of(cut_off),
            "Text with unclosed bold and more words here"
        );
    }

    #[test]
    fn implied_end_tags_are_written_out() {
        let cleaned = normalize(
            "<UL><li>a<LI class='x' onclick=\"go()\">b</ul><p>x<div>y</div></span><br/><!-- c --><script>1<2</script>",
        );
        assert_eq!(
            cleaned.html,
            r#"<newsdex-page><ul><li>a</li><li class="x">b</li></ul><p>x</p><div>y</div><br />"#
        );
    }

    #[test]
    fn chinese_text_counts_characters_as_words() {
        let article = parse_html("<article><p>东京的樱花今年提前一周开放。</p></article>").unwrap();
        assert_eq!(article.body, "东京的樱花今年提前一周开放。");
    }

    #[test]
    fn deep_nesting_and_junk_do_not_panic() {
        let deep = format!(
            "{}<p>Deep inside many divs sits this paragraph.</p>{}",
            "<div>".repeat(10_000),
            "</div>".repeat(10_000)
        );
        assert_eq!(body_of(&deep), "Deep inside many divs sits this paragraph.");
        let unclosed = format!(
            "{}<p>Unclosed spans around a paragraph of text.",
            "<span><b><div>".repeat(10_000)
        );
        assert!(parse_html(&unclosed).is_ok());
        for junk in [
            "<",
            "</",
            "<<<>>>",
            "<a href='",
            "<a href=\"x\" <p>",
            "<!--",
            "<!DOCTYPE",
            "<script>",
            "<title>",
            "</p></p><p/>",
            "é<é>é</é>",
            "<p>a\u{0}b</p>",
        ] {
            let _ = parse_html(junk);
        }
    }
}
