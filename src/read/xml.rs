//! XML news formats, told apart by their root element:
//!
//! | root | format | articles |
//! |---|---|---|
//! | `<rss>`, `<rdf:RDF>` | RSS 2.0 / 1.0 | one per `<item>`; the channel's title is the source |
//! | `<feed>` | Atom | one per `<entry>` |
//! | `<nitf>` | NITF (NYT Annotated Corpus style) | one |
//! | `<newsMessage>`, `<newsItem>` | IPTC NewsML-G2 | one per `<newsItem>` |
//! | `<text title=…>` | the TEI-like XML of GUM/Wikinews (one token per line) | one |
//! | `<TEI>` | TEI | one |
//!
//! The file is read into a small element tree (iteratively, so nesting
//! cannot exhaust the stack; deeper than [`MAX_DEPTH`] is refused), then
//! each format picks its fields. HTML inside feeds (`<description>`,
//! `<content:encoded>`, escaped or in CDATA) is reduced to its text. XML that
//! is not well-formed is refused with the line of the problem.

use crate::article::Article;
use crate::read::entities::decode_entities;
use crate::read::fields::Record;
use crate::read::{Problem, ReadError};

/// Elements nested deeper than this are refused.
pub const MAX_DEPTH: usize = 512;

#[derive(Debug, Clone, Default)]
struct Element {
    /// Local name, lower case (`content:encoded` → `encoded`).
    name: String,
    attributes: Vec<(String, String)>,
    children: Vec<Node>,
}

#[derive(Debug, Clone)]
enum Node {
    Element(Element),
    Text(String),
}

impl Element {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    fn child(&self, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.name == name)
    }

    fn children_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> {
        self.elements().filter(move |e| e.name == name)
    }

    /// The first element of this name at any depth (breadth first).
    fn find(&self, name: &str) -> Option<&Element> {
        let mut queue: std::collections::VecDeque<&Element> = self.elements().collect();
        while let Some(e) = queue.pop_front() {
            if e.name == name {
                return Some(e);
            }
            queue.extend(e.elements());
        }
        None
    }

    /// Every element of this name at any depth, in document order.
    fn find_all<'a>(&'a self, name: &str) -> Vec<&'a Element> {
        let mut found = Vec::new();
        let mut stack: Vec<&Element> = self
            .elements()
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        while let Some(e) = stack.pop() {
            if e.name == name {
                found.push(e);
            } else {
                stack.extend(e.elements().collect::<Vec<_>>().into_iter().rev());
            }
        }
        found
    }

    /// All text inside, whitespace collapsed.
    fn text(&self) -> String {
        let mut out = String::new();
        let mut stack: Vec<&Node> = self.children.iter().rev().collect();
        while let Some(node) = stack.pop() {
            match node {
                Node::Text(t) => {
                    out.push(' ');
                    out.push_str(t);
                }
                Node::Element(e) => stack.extend(e.children.iter().rev()),
            }
        }
        collapse(&out)
    }

    /// Paragraphs (`<p>`, headings, list items) separated by blank lines,
    /// or all the text when there are none.
    fn paragraphs(&self) -> String {
        let mut blocks = Vec::new();
        let mut stack: Vec<&Element> = vec![self];
        while let Some(e) = stack.pop() {
            if matches!(
                e.name.as_str(),
                "p" | "h1" | "h2" | "h3" | "h4" | "li" | "blockquote" | "hl2"
            ) {
                let text = e.text();
                if !text.is_empty() {
                    blocks.push(text);
                }
            } else {
                stack.extend(e.elements().collect::<Vec<_>>().into_iter().rev());
            }
        }
        if blocks.is_empty() {
            self.text()
        } else {
            blocks.join("\n\n")
        }
    }
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn local_name(qualified: &[u8]) -> String {
    let name = String::from_utf8_lossy(qualified);
    name.rsplit(':').next().unwrap_or("").to_lowercase()
}

fn line_of(text: &str, byte: usize) -> usize {
    text.as_bytes()[..byte.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Reads XML into an element tree.
fn parse_tree(text: &str) -> Result<Element, ReadError> {
    use quick_xml::events::Event;
    let syntax = |reason: String, at: usize| ReadError::Syntax {
        format: "XML",
        reason: format!("{reason} (line {})", line_of(text, at)),
    };
    let mut reader = quick_xml::Reader::from_str(text);
    let mut stack: Vec<Element> = vec![Element::default()];
    loop {
        let at = reader.buffer_position() as usize;
        let event = reader.read_event().map_err(|e| syntax(e.to_string(), at))?;
        match event {
            Event::Start(start) | Event::Empty(start) if stack.len() > MAX_DEPTH => {
                let _ = start;
                return Err(syntax(
                    format!("elements nested deeper than {MAX_DEPTH}"),
                    at,
                ));
            }
            Event::Start(start) => stack.push(element_of(&start)),
            Event::Empty(start) => {
                let element = element_of(&start);
                stack
                    .last_mut()
                    .expect("root")
                    .children
                    .push(Node::Element(element));
            }
            Event::End(_) => {
                let done = stack.pop().expect("open element");
                match stack.last_mut() {
                    Some(parent) => parent.children.push(Node::Element(done)),
                    None => return Err(syntax("closing tag without an opening one".into(), at)),
                }
            }
            Event::Text(t) => {
                let raw = String::from_utf8_lossy(&t.into_inner()).into_owned();
                stack
                    .last_mut()
                    .expect("root")
                    .children
                    .push(Node::Text(decode_entities(&raw).into_owned()));
            }
            Event::CData(t) => {
                let raw = String::from_utf8_lossy(&t.into_inner()).into_owned();
                stack
                    .last_mut()
                    .expect("root")
                    .children
                    .push(Node::Text(raw));
            }
            Event::GeneralRef(r) => {
                let name = String::from_utf8_lossy(&r.into_inner()).into_owned();
                let decoded = decode_entities(&format!("&{name};")).into_owned();
                stack
                    .last_mut()
                    .expect("root")
                    .children
                    .push(Node::Text(decoded));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if stack.len() != 1 {
        return Err(syntax(
            format!("<{}> is never closed", stack.last().map_or("", |e| &e.name)),
            text.len(),
        ));
    }
    let document = stack.pop().expect("root");
    document
        .elements()
        .next()
        .cloned()
        .ok_or_else(|| syntax("no root element".into(), 0))
}

fn element_of(start: &quick_xml::events::BytesStart) -> Element {
    let attributes = start
        .attributes()
        .flatten()
        .map(|a| {
            let key = local_name(a.key.as_ref());
            let raw = String::from_utf8_lossy(&a.value).into_owned();
            (key, decode_entities(&raw).into_owned())
        })
        .collect();
    Element {
        name: local_name(start.name().as_ref()),
        attributes,
        children: Vec::new(),
    }
}

/// Text of markup that a feed carries as a string: tags dropped, block
/// ends turned into paragraph breaks, entities decoded.
fn html_text(markup: &str) -> String {
    let mut out = String::with_capacity(markup.len());
    let mut rest = markup;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('>') else {
            rest = &rest[open..];
            break;
        };
        let tag = rest[open + 1..open + close]
            .trim_start_matches('/')
            .to_lowercase();
        let name = tag
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        // Block ends break paragraphs; inline tags (`<b>`, `<a>`) vanish.
        if matches!(
            name,
            "p" | "br" | "div" | "li" | "h1" | "h2" | "h3" | "h4" | "blockquote"
        ) {
            out.push_str("\n\n");
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    let decoded = decode_entities(&out);
    decoded
        .split("\n\n")
        .map(collapse)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Reads an XML file of any of the formats above.
pub fn parse_xml(text: &str, problems: &mut Vec<Problem>) -> Result<Vec<Article>, ReadError> {
    let root = parse_tree(text)?;
    let articles = match root.name.as_str() {
        "rss" | "rdf" => rss(&root, problems),
        "feed" => atom(&root, problems),
        "nitf" => nitf(&root).into_iter().collect(),
        "newsmessage" | "newsitem" => newsml(&root, problems),
        "text" if root.attr("title").is_some() => gum(&root).into_iter().collect(),
        "tei" => tei(&root).into_iter().collect(),
        other => {
            return Err(ReadError::NoArticles {
                format: "XML",
                hint: match other {
                    "html" => "XHTML: save it as .html",
                    _ => "root element is none of rss, feed, nitf, newsMessage, newsItem, TEI",
                },
            });
        }
    };
    if articles.is_empty() && problems.is_empty() {
        return Err(ReadError::NoArticles {
            format: "XML",
            hint: "no item with a title or text",
        });
    }
    Ok(articles)
}

fn set_text(record: &mut Record, name: &str, element: Option<&Element>) {
    if let Some(e) = element {
        record.set(name, &e.text());
    }
}

fn rss(root: &Element, problems: &mut Vec<Problem>) -> Vec<Article> {
    let channel = root.child("channel");
    let source = channel.and_then(|c| c.child("title")).map(Element::text);
    let items: Vec<&Element> = match channel {
        Some(c) if c.child("item").is_some() => c.children_named("item").collect(),
        _ => root.children_named("item").collect(),
    };
    let mut articles = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let mut record = Record::default();
        set_text(&mut record, "title", item.child("title"));
        set_text(&mut record, "link", item.child("link"));
        for date in ["pubdate", "date", "published", "updated"] {
            set_text(&mut record, "date", item.child(date));
        }
        for author in ["creator", "author"] {
            set_text(&mut record, "author", item.child(author));
        }
        set_text(&mut record, "guid", item.child("guid"));
        if let Some(encoded) = item.child("encoded") {
            record.set("maintext", &html_text(&encoded.text_raw()));
        }
        if let Some(description) = item.child("description") {
            record.set("description", &html_text(&description.text_raw()));
        }
        set_text(&mut record, "source", item.child("source"));
        if let Some(source) = &source {
            record.set("source", source);
        }
        match record.into_article() {
            Some(a) => articles.push(a),
            None => problems.push(Problem::new(format!("item {}", i + 1), "no title or text")),
        }
    }
    articles
}

fn atom(root: &Element, problems: &mut Vec<Problem>) -> Vec<Article> {
    let source = root.child("title").map(Element::text);
    let mut articles = Vec::new();
    for (i, entry) in root.children_named("entry").enumerate() {
        let mut record = Record::default();
        set_text(&mut record, "title", entry.child("title"));
        let link = entry
            .children_named("link")
            .find(|l| l.attr("rel").is_none_or(|r| r == "alternate"))
            .and_then(|l| l.attr("href"));
        if let Some(href) = link {
            record.set("url", href);
        }
        for date in ["published", "updated"] {
            set_text(&mut record, "date", entry.child(date));
        }
        let authors: Vec<String> = entry
            .children_named("author")
            .map(|a| a.child("name").map_or_else(|| a.text(), Element::text))
            .collect();
        record.set_authors(authors);
        set_text(&mut record, "id", entry.child("id"));
        if let Some(content) = entry.child("content") {
            record.set("content", &html_text(&content.text_raw()));
        }
        if let Some(summary) = entry.child("summary") {
            record.set("summary", &html_text(&summary.text_raw()));
        }
        if let Some(source) = &source {
            record.set("source", source);
        }
        match record.into_article() {
            Some(a) => articles.push(a),
            None => problems.push(Problem::new(format!("entry {}", i + 1), "no title or text")),
        }
    }
    articles
}

fn nitf(root: &Element) -> Option<Article> {
    let mut record = Record::default();
    let head = root.child("head");
    set_text(&mut record, "headline", root.find("hl1"));
    set_text(&mut record, "title", head.and_then(|h| h.child("title")));
    if let Some(docdata) = root.find("docdata") {
        if let Some(date) = docdata.child("date.issue").and_then(|d| d.attr("norm")) {
            record.set("date", date);
        }
        if let Some(id) = docdata.child("doc-id").and_then(|d| d.attr("id-string")) {
            record.set("id", id);
        }
        if let Some(holder) = docdata
            .child("doc.copyright")
            .and_then(|d| d.attr("holder"))
        {
            record.set("source", holder);
        }
    }
    if let Some(name) = root.find("pubdata").and_then(|p| p.attr("name")) {
        record.set("source", name);
    }
    if let Some(byline) = root.find("byline") {
        let byline = byline.text();
        let name = byline
            .strip_prefix("By ")
            .or_else(|| byline.strip_prefix("BY "))
            .unwrap_or(&byline);
        record.set("author", name);
    }
    if let Some(content) = root.find("body.content") {
        let dateline = root.find("dateline").map(Element::text).unwrap_or_default();
        let body = content.paragraphs();
        let body = if dateline.is_empty() {
            body
        } else {
            format!("{dateline} - {body}")
        };
        record.set("text", &body);
    }
    record.into_article()
}

fn newsml(root: &Element, problems: &mut Vec<Problem>) -> Vec<Article> {
    let items: Vec<&Element> = if root.name == "newsitem" {
        vec![root]
    } else {
        root.find_all("newsitem")
    };
    let mut articles = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let mut record = Record::default();
        if let Some(guid) = item.attr("guid") {
            record.set("guid", guid);
        }
        set_text(&mut record, "headline", item.find("headline"));
        for date in ["contentcreated", "firstcreated", "versioncreated"] {
            set_text(&mut record, "date", item.find(date));
        }
        if let Some(creator) = item.find("creator") {
            let name = creator
                .child("name")
                .map(Element::text)
                .or_else(|| creator.attr("literal").map(str::to_string));
            record.set("author", &name.unwrap_or_else(|| creator.text()));
        }
        set_text(&mut record, "by", item.find("by"));
        if let Some(language) = item.find("language").and_then(|l| l.attr("tag")) {
            record.set("language", language);
        }
        if let Some(provider) = item.find("provider") {
            let name = provider
                .child("name")
                .map(Element::text)
                .or_else(|| provider.attr("literal").map(str::to_string));
            if let Some(name) = name {
                record.set("source", &name);
            }
        }
        if let Some(content) = item.find("inlinexml").or_else(|| item.find("inlinedata")) {
            let body = content.find("body").unwrap_or(content);
            record.set("text", &body.paragraphs());
        }
        match record.into_article() {
            Some(a) => articles.push(a),
            None => problems.push(Problem::new(
                format!("newsItem {}", i + 1),
                "no headline or text",
            )),
        }
    }
    articles
}

/// GUM's TEI-like XML: metadata in the root's attributes, the text one
/// token per line (`word<TAB>tag<TAB>lemma…`) inside `<s>`, `<p>`, `<head>`.
fn gum(root: &Element) -> Option<Article> {
    let mut record = Record::default();
    for (name, attr) in [
        ("title", "title"),
        ("author", "author"),
        ("url", "sourceurl"),
        ("date", "datecreated"),
    ] {
        if let Some(value) = root.attr(attr) {
            record.set(name, value);
        }
    }
    let mut paragraphs = Vec::new();
    // The paragraphs are the text's top-level blocks: each `<p>`, each item
    // of a `<list>`, and each run of sentences outside any `<p>` (some
    // files wrap only their first paragraph; reading `<p>` alone lost the
    // rest of "GUM_news_flag"). Headings and figure captions are not the
    // article's prose.
    let mut blocks: Vec<Vec<&Node>> = Vec::new();
    let mut run: Vec<&Node> = Vec::new();
    for node in &root.children {
        match node {
            Node::Element(e) if matches!(e.name.as_str(), "p" | "head" | "figure" | "list") => {
                if !run.is_empty() {
                    blocks.push(std::mem::take(&mut run));
                }
                match e.name.as_str() {
                    "p" => blocks.push(e.children.iter().collect()),
                    "list" => blocks.extend(
                        e.children_named("item")
                            .map(|item| item.children.iter().collect()),
                    ),
                    _ => {}
                }
            }
            _ => run.push(node),
        }
    }
    if !run.is_empty() {
        blocks.push(run);
    }
    for block in blocks {
        let mut words: Vec<String> = Vec::new();
        let mut stack: Vec<(&Node, bool)> = block.into_iter().rev().map(|n| (n, false)).collect();
        while let Some((node, glued)) = stack.pop() {
            match node {
                Node::Text(t) => {
                    for (i, line) in t.lines().filter(|l| !l.trim().is_empty()).enumerate() {
                        let token = line.split('\t').next().unwrap_or("").trim();
                        if token.is_empty() {
                            continue;
                        }
                        match words.last_mut() {
                            Some(last) if glued && i > 0 => last.push_str(token),
                            _ => words.push(token.to_string()),
                        }
                    }
                }
                // `<w>` groups the tokens of one written word ("all-girl").
                Node::Element(e) => {
                    let glue = e.name == "w";
                    if glue {
                        words.push(String::new());
                    }
                    stack.extend(e.children.iter().rev().map(|n| (n, glue || glued)));
                }
            }
        }
        let text = detokenise(&words);
        if !text.is_empty() {
            paragraphs.push(text);
        }
    }
    record.set("text", &paragraphs.join("\n\n"));
    record.into_article()
}

/// Joins tokens with spaces, except before closing punctuation and after
/// opening brackets.
fn detokenise(tokens: &[String]) -> String {
    let mut out = String::new();
    let mut no_space_next = true;
    let mut in_quote = false;
    for token in tokens.iter().filter(|t| !t.is_empty()) {
        // A straight double quote opens, then closes.
        let quote = token == "\"";
        let closing = matches!(
            token.as_str(),
            "." | "," | ";" | ":" | "!" | "?" | ")" | "]" | "%" | "'s" | "n't" | "”"
        ) || (token.starts_with('\'') && token.len() <= 3)
            || (quote && in_quote);
        if !no_space_next && !closing {
            out.push(' ');
        }
        out.push_str(token);
        no_space_next = matches!(token.as_str(), "(" | "[" | "$" | "“") || (quote && !in_quote);
        if quote {
            in_quote = !in_quote;
        }
    }
    out
}

fn tei(root: &Element) -> Option<Article> {
    let mut record = Record::default();
    if let Some(header) = root.child("teiheader") {
        set_text(&mut record, "title", header.find("title"));
        set_text(&mut record, "author", header.find("author"));
        if let Some(date) = header.find("date") {
            record.set("date", date.attr("when").unwrap_or(&date.text()));
        }
    }
    if let Some(text) = root.child("text") {
        record.set("text", &text.paragraphs());
    }
    record.into_article()
}

impl Element {
    /// The text as written, for fields that carry escaped HTML.
    fn text_raw(&self) -> String {
        let mut out = String::new();
        for node in &self.children {
            if let Node::Text(t) = node {
                out.push_str(t);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(xml: &str) -> Vec<Article> {
        parse_xml(xml, &mut Vec::new()).unwrap()
    }

    #[test]
    fn rss_items_with_html_descriptions() {
        let xml = r#"<?xml version="1.0"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Harbour Times</title>
<item><title>Cranes idle &amp; silent</title><link>https://example.org/1</link>
<guid>item-1</guid><pubDate>Wed, 05 Apr 2017 23:30:00 -0500</pubDate><dc:creator>Ann Lee</dc:creator>
<description>&lt;p&gt;Dockers struck on Monday.&lt;/p&gt;&lt;p&gt;Ships waited.&lt;/p&gt;</description></item>
<item><title>Ferry late</title><content:encoded><![CDATA[<p>The ferry was <b>late</b>.</p>]]></content:encoded><description>short</description></item>
</channel></rss>"#;
        let articles = read(xml);
        assert_eq!(articles.len(), 2);
        let a = &articles[0];
        assert_eq!(a.title.as_deref(), Some("Cranes idle & silent"));
        assert_eq!(a.body, "Dockers struck on Monday.\n\nShips waited.");
        assert_eq!(a.date.unwrap().to_string(), "2017-04-05");
        assert_eq!(a.authors, ["Ann Lee"]);
        assert_eq!(a.source.as_deref(), Some("Harbour Times"));
        assert_eq!(a.record.as_deref(), Some("item-1"));
        assert_eq!(articles[1].body, "The ferry was late.");
    }

    #[test]
    fn atom_entries() {
        let xml = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>Valley News</title>
<entry><title>Orchard frost</title><link rel="alternate" href="https://example.org/frost"/>
<id>urn:frost</id><published>2020-01-02T10:00:00Z</published><author><name>Bo Chen</name></author>
<content type="html">&lt;p&gt;Frost hit the orchards.&lt;/p&gt;</content></entry></feed>"#;
        let a = &read(xml)[0];
        assert_eq!(a.url.as_deref(), Some("https://example.org/frost"));
        assert_eq!(a.body, "Frost hit the orchards.");
        assert_eq!(a.authors, ["Bo Chen"]);
        assert_eq!(a.record.as_deref(), Some("urn:frost"));
    }

    #[test]
    fn nitf_document() {
        let xml = r#"<nitf><head><title>Fallback title</title><pubdata name="The Daily Planet"/>
<docdata><doc-id id-string="dp-77"/><date.issue norm="20170405T220000-0500"/></docdata></head>
<body><body.head><hedline><hl1>Bridge reopens</hl1></hedline><byline>By Lois Lane</byline>
<dateline>METROPOLIS</dateline></body.head><body.content><p>The bridge reopened.</p><p>Traffic flowed.</p></body.content></body></nitf>"#;
        let a = &read(xml)[0];
        assert_eq!(a.title.as_deref(), Some("Bridge reopens"));
        assert_eq!(a.date.unwrap().to_string(), "2017-04-05");
        assert_eq!(a.authors, ["Lois Lane"]);
        assert_eq!(a.source.as_deref(), Some("The Daily Planet"));
        assert_eq!(
            a.body,
            "METROPOLIS - The bridge reopened.\n\nTraffic flowed."
        );
    }

    #[test]
    fn newsml_g2_items() {
        let xml = r#"<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><itemSet>
<newsItem guid="urn:newsml:example.org:1"><itemMeta><provider literal="Example Wire"/><firstCreated>2019-03-04T08:00:00+01:00</firstCreated></itemMeta>
<contentMeta><headline>Rail strike ends</headline><creator><name>Kim Park</name></creator><language tag="en"/></contentMeta>
<contentSet><inlineXML contenttype="application/xhtml+xml"><html><body><p>The strike ended.</p></body></html></inlineXML></contentSet></newsItem>
</itemSet></newsMessage>"#;
        let a = &read(xml)[0];
        assert_eq!(a.title.as_deref(), Some("Rail strike ends"));
        assert_eq!(a.date.unwrap().to_string(), "2019-03-04");
        assert_eq!(a.source.as_deref(), Some("Example Wire"));
        assert_eq!(a.language.as_deref(), Some("en"));
        assert_eq!(a.body, "The strike ended.");
    }

    #[test]
    fn gum_tokens_become_text() {
        let xml = "<text id=\"x\" title=\"Robots win\" author=\"Wikinews\" dateCreated=\"2017-07-18\" sourceURL=\"https://example.org/r\">\n<p>\n<s>\nAn\tDT\ta\n<w>\nall\tDT\tall\n-\tHYPH\t-\ngirl\tNN\tgirl\n</w>\nteam\tNN\tteam\nwon\tVBD\twin\n\"\t``\t\"\nbig\tJJ\tbig\n\"\t''\t\"\n,\t,\t,\nsaid\tVBD\tsay\nofficials\tNNS\tofficial\n.\t.\t.\n</s>\n</p>\n</text>";
        let a = &read(xml)[0];
        assert_eq!(a.title.as_deref(), Some("Robots win"));
        assert_eq!(a.body, "An all-girl team won \"big\", said officials.");
        assert_eq!(a.date.unwrap().to_string(), "2017-07-18");
    }

    #[test]
    fn gum_sentences_outside_paragraphs_and_list_items_are_text() {
        let xml = "<text id=\"x\" title=\"Flag\">\n<head>\n<s>\nFlag\tNN\tflag\n</s>\n</head>\n<p>\n<s>\nMay\tNP\tMay\n7\tCD\t7\n</s>\n</p>\n<s>\nThey\tPP\tthey\nvoted\tVVD\tvote\n.\t.\t.\n</s>\n<s>\nIt\tPP\tit\nwon\tVVD\twin\n.\t.\t.\n</s>\n<figure>\n<s>\nA\tDT\ta\ncaption\tNN\tcaption\n</s>\n</figure>\n<list>\n<item>\n<s>\nOne\tCD\tone\n</s>\n</item>\n<item>\n<s>\nTwo\tCD\ttwo\n</s>\n</item>\n</list>\n</text>";
        let a = &read(xml)[0];
        assert_eq!(a.body, "May 7\n\nThey voted. It won.\n\nOne\n\nTwo");
    }

    #[test]
    fn broken_xml_is_refused_with_its_line() {
        let err = parse_xml(
            "<rss><channel>\n<item><title>x</item>\n</channel></rss>",
            &mut Vec::new(),
        )
        .unwrap_err();
        assert!(err.to_string().contains("line 2"), "{err}");
        let deep = "<a>".repeat(10_000) + &"</a>".repeat(10_000);
        assert!(parse_xml(&deep, &mut Vec::new()).is_err());
        let unknown = parse_xml("<catalog><book/></catalog>", &mut Vec::new()).unwrap_err();
        assert!(unknown.to_string().contains("root element"), "{unknown}");
    }
}
