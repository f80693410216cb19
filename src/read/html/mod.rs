//! HTML: a saved news web page, read as one article.
//!
//! A page is its article wrapped in a site: navigation, headers, footers,
//! share buttons, cookie banners, lists of related stories. The metadata
//! publishers add for search engines and social networks, and what the
//! reader sees above the story, say what the article is; the markup around
//! its paragraphs says where it is.
//!
//! - `markup` rewrites the page so that `tl` builds the tree a browser
//!   would, and keeps the JSON-LD blocks aside (`linked_data` reads them);
//! - `body` finds the article's text: every paragraph, heading, list and
//!   table of it, in reading order, without the page's furniture;
//! - `meta` reconciles the headline, date, authors, source and address
//!   from the `<meta>` tags, the JSON-LD and the visible page.
//!
//! The body is the DOM's; the JSON-LD `articleBody` (the publisher's own
//! copy of the text) replaces it only when it holds at least twice the
//! prose, as on pages that build their text with scripts.
//!
//! A page yields an article only when its body has a paragraph of at
//! least 5 words (a Chinese or Japanese character counts as a word): a
//! front page or an index of links has a title but is not an article, and
//! is skipped as [`ReadError::NotAnArticle`].

mod body;
mod linked_data;
pub(super) mod markup;
mod meta;
mod text;
mod tree;

use crate::article::Article;
use crate::read::ReadError;

use linked_data::LinkedData;
use text::{text_paragraphs, word_count};
use tree::Tree;

/// Prose words under which a page that declares itself a collection is
/// taken at its word.
const COLLECTION_PROSE: usize = 150;

/// Reads a web page into its article.
pub fn parse_html(text: &str) -> Result<Article, ReadError> {
    parse_page(text, None)
}

/// Reads a web page fetched from `address` (a crawl's record knows it; a
/// saved file does not) into its article: the address stands in for a
/// canonical one the page lacks, and its date path for a date.
pub fn parse_page(text: &str, address: Option<&str>) -> Result<Article, ReadError> {
    let cleaned = markup::normalize(text);
    let dom =
        tl::parse(&cleaned.html, tl::ParserOptions::default()).map_err(|e| ReadError::Syntax {
            format: "HTML",
            reason: e.to_string(),
        })?;
    let tree = Tree::new(dom.nodes());
    let linked = LinkedData::read(&cleaned.json_ld);
    let page = body::Page::read(&tree);
    let meta = meta::read(&tree, &linked, &page.frame, page.container(), address);
    let extracted = page.extract(&tree, meta.title.as_deref(), &meta.authors);
    let mut paragraphs = extracted.paragraphs;
    if let Some(declared) = linked.body.as_deref().map(text_paragraphs) {
        let declared_words: usize = declared.iter().map(|p| word_count(p)).sum();
        if declared_words > 2 * extracted.content_words.max(1) {
            paragraphs = declared;
        }
    }
    if !paragraphs.iter().any(|p| word_count(p) >= 5) {
        return Err(ReadError::NotAnArticle {
            reason: "a page without article text (no paragraph of 5 words or more)".into(),
        });
    }
    // A page that calls itself a collection (a section front, a tag page,
    // search results) and not an article, and holds little prose of its
    // own, is a list of articles.
    if linked.declares_collection
        && !linked.declares_article
        && extracted.content_words < COLLECTION_PROSE
        && linked.body.is_none()
    {
        return Err(ReadError::NotAnArticle {
            reason: format!(
                "a collection page (its JSON-LD says so, and it holds under {COLLECTION_PROSE} words of prose)"
            ),
        });
    }
    Ok(Article {
        title: meta.title,
        body: paragraphs.join("\n\n"),
        body_start: 0,
        date: meta.date,
        source: meta.source,
        url: meta.url,
        authors: meta.authors,
        language: meta.language,
        ..Article::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::dates::Day;
    use markup::normalize;

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
        // The page's own day, not UTC's.
        assert_eq!(article.date, Day::new(2020, 1, 2));
        // Two people, two names.
        assert_eq!(article.authors, ["Jane Roe", "John Doe"]);
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
        // The visible headline, as the reader sees it, when it agrees with
        // the declared title.
        let with_h1 = format!(
            "<title>Council votes yes - Town Crier</title><h1>Council &#8220;votes&#8221; yes</h1>{paragraph}"
        );
        assert_eq!(
            parse_html(&with_h1).unwrap().title.as_deref(),
            Some("Council “votes” yes")
        );
        // An <h1> that names something else (a section) does not.
        let section_h1 = format!(
            r#"<meta property="og:title" content="Council votes yes"><h1>Local politics</h1>{paragraph}"#
        );
        assert_eq!(
            parse_html(&section_h1).unwrap().title.as_deref(),
            Some("Council votes yes")
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
</head><body><p>Loading the story…</p></body></html>"##;
        let article = parse_html(page).unwrap();
        assert_eq!(article.title.as_deref(), Some("Dam levels fall"));
        assert_eq!(article.date, Day::new(2021, 6, 30));
        assert_eq!(article.authors, ["Ana Lima", "Ben Okafor"]);
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
        assert_eq!(article.authors, ["Kim Park"]);
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
            assert!(matches!(err, ReadError::NotAnArticle { .. }), "{err}");
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
    fn a_page_pasted_into_the_head_is_read_as_browsers_read_it() {
        // Embed code that brought its own <html>, <head> and <body> into
        // the page's head: the second document elements are ignored and the
        // story is in the body, not swallowed by the head.
        let page = r#"<html><head><title>T</title><html lang="en"><head></head><body><body>
<div class="embed"></div></head><body class="real"><main><p>The harbour reopened on Tuesday after a week of repairs.</p></main></body></html>"#;
        assert_eq!(
            body_of(page),
            "The harbour reopened on Tuesday after a week of repairs."
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
