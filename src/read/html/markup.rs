//! Rewriting a page's markup so that `tl` builds the tree a browser would.
//!
//! `tl` builds its tree literally: an end tag closes an element only when
//! it matches the innermost open one, so one unclosed `<li>` in a menu
//! would nest the rest of the page, article included, inside the menu.
//! [`normalize`] first rewrites the page the way browsers read it for the
//! cases that matter: `<p>` closed by the next block, `<li>` by the next
//! item, cells and rows by the next one, a stray end tag ignored, an end
//! tag closing the elements left open inside it; script and style text
//! dropped (its `<` is not markup), comments dropped, void elements written
//! `<br />` (tl reads `<br/>` as an open element named `br/`), and only
//! the attributes read here kept, quoted. JSON-LD scripts are kept aside.

use std::collections::HashMap;

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
const KEPT_ATTRIBUTES: [&str; 15] = [
    "id",
    "class",
    "name",
    "property",
    "itemprop",
    "content",
    "rel",
    "href",
    "lang",
    "datetime",
    "type",
    "role",
    "hidden",
    "aria-hidden",
    "style",
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
pub(super) const ROOT: &str = "newsdex-page";

/// Elements an implied or explicit end tag does not look past.
const SCOPE: [&str; 9] = [
    ROOT, "html", "body", "table", "td", "th", "caption", "template", "object",
];

/// How far down the open elements an end tag looks for its start (keeps
/// hostile input from costing quadratic time).
const MAX_SCAN: usize = 256;

/// The page as tl should read it, and its JSON-LD blocks.
#[derive(Debug, Default)]
pub(super) struct Cleaned {
    pub html: String,
    pub json_ld: Vec<String>,
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
    /// The document elements (`html`, `head`, `body`) started so far.
    opened: std::collections::HashSet<String>,
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
        // Anything but metadata closes an open <head>: pages that put a
        // <div> (or their whole body) there without a <body> tag are read
        // as browsers read them, with the content in the body.
        if !matches!(name, "meta" | "link" | "base" | "head" | "html") {
            self.close_open(&["head"], &[]);
        }
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
pub(super) fn normalize(text: &str) -> Cleaned {
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
                } else if matches!(name, "html" | "head" | "body")
                    && !builder.opened.insert(tag.name.clone())
                {
                    // A second <html>, <head> or <body> (embed code pasted
                    // into a page) is ignored, as browsers ignore it.
                    tag.end
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
