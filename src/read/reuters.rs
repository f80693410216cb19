//! Reuters-21578 SGML (`.sgm`): many `<REUTERS NEWID="…">` stories per file,
//! each with `<DATE>26-FEB-1987 15:01:01.79</DATE>` and a `<TEXT>` holding
//! `<TITLE>`, `<DATELINE>` and `<BODY>` (or, for `TYPE="UNPROC"` stories,
//! bare text). Entities (`&lt;`, `&#3;`) are decoded and control characters
//! dropped. The body is given its dateline back (`SALVADOR, Feb 26 - …`), so
//! the dateline reader finds the place as in any wire story; the story's
//! NEWID is its record key. Lines are hard-wrapped at about 70 columns;
//! they are joined into paragraphs (see `wrapping`).

use crate::article::Article;
use crate::read::Problem;
use crate::read::datetime::parse_day;
use crate::read::entities::decode_entities;

pub fn parse_reuters(text: &str, problems: &mut Vec<Problem>) -> Vec<Article> {
    let mut articles = Vec::new();
    let mut rest = text;
    let mut number = 0;
    while let Some(start) = memchr::memmem::find(rest.as_bytes(), b"<REUTERS") {
        number += 1;
        let story = &rest[start..];
        let Some(end) = memchr::memmem::find(story.as_bytes(), b"</REUTERS>") else {
            problems.push(Problem::new(
                format!("story {number}"),
                "no closing </REUTERS>",
            ));
            break;
        };
        let block = &story[..end];
        rest = &story[end + "</REUTERS>".len()..];
        let key = attribute(block, "NEWID");
        match story_article(block) {
            Some(mut article) => {
                article.record = key;
                articles.push(article);
            }
            None => problems.push(Problem::new(
                format!("story {}", key.unwrap_or_else(|| number.to_string())),
                "no title or text",
            )),
        }
    }
    articles
}

fn story_article(block: &str) -> Option<Article> {
    // Some dates trail wire codes: `27-MAR-1987 00:02:59.13&#5;&#5;&#5;RM`.
    let date = element(block, "DATE").and_then(|d| parse_day(d.split('&').next().unwrap_or(d)));
    let text = element(block, "TEXT")?;
    let title = element(text, "TITLE").map(clean).filter(|t| !t.is_empty());
    let dateline = element(text, "DATELINE").map(clean).unwrap_or_default();
    let body = match element(text, "BODY") {
        Some(body) => clean(body),
        None if title.is_none() => clean(strip_tags(text).as_str()),
        None => String::new(),
    };
    let body = body
        .trim_end()
        .trim_end_matches("Reuter")
        .trim_end_matches("REUTER")
        .trim_end()
        .to_string();
    if body.is_empty() && title.is_none() {
        return None;
    }
    let dateline = dateline.trim().trim_end_matches('-').trim();
    let mut body = if dateline.is_empty() || body.is_empty() {
        body
    } else {
        format!("{dateline} - {body}")
    };
    crate::read::wrapping::unwrap_wire(&mut body);
    Some(Article {
        title: title.map(|t| t.split_whitespace().collect::<Vec<_>>().join(" ")),
        date,
        body,
        source: Some("Reuters".into()),
        ..Article::default()
    })
}

/// The text between `<NAME…>` and `</NAME>`.
fn element<'a>(block: &'a str, name: &str) -> Option<&'a str> {
    let open = format!("<{name}");
    let close = format!("</{name}>");
    let mut search = 0;
    loop {
        let at = search + memchr::memmem::find(&block.as_bytes()[search..], open.as_bytes())?;
        let after = &block[at + open.len()..];
        // `<TEXT` must not match `<TEXTS`: the name ends at `>` or a space.
        if after.starts_with(['>', ' ', '\t', '\n']) {
            let content_start = at + open.len() + after.find('>')? + 1;
            let end = memchr::memmem::find(&block.as_bytes()[content_start..], close.as_bytes())?;
            return Some(&block[content_start..content_start + end]);
        }
        search = at + open.len();
    }
}

fn attribute(block: &str, name: &str) -> Option<String> {
    let tag_end = block.find('>')?;
    let tag = &block[..tag_end];
    let at = tag.find(&format!("{name}=\""))? + name.len() + 2;
    let len = tag[at..].find('"')?;
    Some(tag[at..at + len].to_string())
}

fn strip_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Entities decoded, control characters (`&#3;`, `&#5;`) dropped.
fn clean(text: &str) -> String {
    decode_entities(text)
        .chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect::<String>()
        .trim()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"<!DOCTYPE lewis SYSTEM "lewis.dtd">
<REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" NEWID="1">
<DATE>26-FEB-1987 15:01:01.79</DATE>
<PLACES><D>el-salvador</D><D>usa</D></PLACES>
<TEXT>&#2;
<TITLE>BAHIA COCOA REVIEW</TITLE>
<DATELINE>    SALVADOR, Feb 26 - </DATELINE><BODY>Showers continued throughout the week
in the Bahia cocoa zone &lt;said&gt; traders.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
<REUTERS NEWID="2">
<DATE> 1-MAR-1987 08:00:00.00</DATE>
<TEXT TYPE="UNPROC">&#2;
Unprocessed wire text about grain.
&#3;</TEXT>
</REUTERS>
<REUTERS NEWID="3">
<DATE>2-MAR-1987 00:02:59.13&#5;&#5;&#5;RM</DATE>
<TEXT TYPE="BRIEF"><TITLE>BRIEF HEADLINE ONLY</TITLE></TEXT>
</REUTERS>
<REUTERS NEWID="4">
<DATE>2-MAR-1987</DATE>
"#;

    #[test]
    fn stories_become_articles_with_their_dateline() {
        let mut problems = Vec::new();
        let articles = parse_reuters(SAMPLE, &mut problems);
        assert_eq!(articles.len(), 3);
        let cocoa = &articles[0];
        assert_eq!(cocoa.title.as_deref(), Some("BAHIA COCOA REVIEW"));
        assert_eq!(cocoa.date.unwrap().to_string(), "1987-02-26");
        assert_eq!(cocoa.record.as_deref(), Some("1"));
        assert!(
            cocoa.body.starts_with("SALVADOR, Feb 26 - Showers"),
            "{}",
            cocoa.body
        );
        assert!(cocoa.body.ends_with("<said> traders."), "{}", cocoa.body);
        assert!(
            cocoa.body.contains("the week in the Bahia"),
            "hard-wrapped lines are joined: {}",
            cocoa.body
        );
        assert_eq!(articles[1].body, "Unprocessed wire text about grain.");
        assert_eq!(articles[1].date.unwrap().to_string(), "1987-03-01");
        assert_eq!(articles[2].title.as_deref(), Some("BRIEF HEADLINE ONLY"));
        assert_eq!(articles[2].date.unwrap().to_string(), "1987-03-02");
        assert_eq!(problems, [Problem::new("story 4", "no closing </REUTERS>")]);
    }
}
