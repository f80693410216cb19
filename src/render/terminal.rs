//! Output for people: aligned, coloured on a terminal, plain in a pipe.

use std::io::{self, Write};

use crate::extract::places::PlaceRole;
use crate::extract::report::ExtractedArticle;
use crate::index::ingest::IngestSummary;
use crate::index::stats::IndexStats;
use crate::render::{Style, display_path, human_bytes, thousands};
use crate::search::export::QUOTES;
use crate::search::facets::FacetResult;
use crate::search::kwic::Kwic;
use crate::search::quotes::QuotesResults;
use crate::search::timeline::Timeline;
use crate::search::{FacetsResults, SearchResults, StoredArticle};

/// Longest bar in a facet table, in cells.
const BAR_CELLS: usize = 24;

/// What stands before reported speech, which has no quotation marks.
const REPORTED: &str = "reported: ";

/// What was said as a reader takes it: the words said word for word in
/// quotation marks, reported speech (`Okafor said that the plan …`) marked
/// as such, without them. `cut` ends a shortened text with "…".
fn said(text: &str, direct: bool, cut: bool, style: Style) -> String {
    let more = if cut { "…" } else { "" };
    if direct {
        format!("“{text}{more}”")
    } else {
        format!("{}{text}{more}", style.dim(REPORTED))
    }
}

/// Who said it: the speaker as the corpus names them (and the others of a
/// coordinated source), with the role when given.
fn speakers_of(
    speaker: Option<&str>,
    co_speakers: &[String],
    role: Option<&str>,
    style: Style,
) -> String {
    let mut who = match (speaker, role) {
        (Some(name), Some(role)) => format!("{} ({role})", style.bold(name)),
        (Some(name), None) => style.bold(name),
        (None, _) => style.dim("unnamed source"),
    };
    for other in co_speakers {
        who.push_str(&format!(" and {}", style.bold(other)));
    }
    who
}

pub fn write_search(
    out: &mut dyn Write,
    query: &str,
    results: &SearchResults,
    style: Style,
) -> io::Result<()> {
    let shown = results.hits.len();
    let plural = if results.total == 1 {
        "article"
    } else {
        "articles"
    };
    let mut header = format!(
        "{} {plural} match {}",
        thousands(results.total as u64),
        style.bold(query)
    );
    if shown > 0 {
        let first = results.offset + 1;
        header.push_str(&format!(" · showing {first}–{}", results.offset + shown));
    } else if results.total > 0 && results.offset > 0 {
        header.push_str(&format!(" · none past {}", results.offset));
    }
    writeln!(out, "{header}")?;
    for hit in &results.hits {
        writeln!(out)?;
        let title = hit.title.as_deref().unwrap_or("(untitled)");
        writeln!(out, "{:>3}. {}", hit.rank, style.bold(title))?;
        let mut meta = Vec::new();
        if let Some(date) = hit.date {
            meta.push(date.to_string());
        }
        if let Some(source) = &hit.source {
            meta.push(source.clone());
        }
        meta.push(display_path(&hit.path));
        meta.push(format!("id {}", hit.id));
        if let Some(score) = hit.score {
            meta.push(format!("score {score:.2}"));
        }
        match hit.copies {
            0 => {}
            1 => meta.push("1 similar copy".into()),
            n => meta.push(format!("{n} similar copies")),
        }
        writeln!(out, "     {}", style.dim(&meta.join(" · ")))?;
        let said_by = match hit.snippet_speaker.as_deref() {
            Some("") => format!(" {}", style.dim("— unnamed source")),
            Some(name) => format!(" — {}", style.accent(name)),
            None => String::new(),
        };
        // Reported speech has no quotation marks: it says so instead.
        let snippet = if hit.snippet_direct == Some(false) {
            let shift = REPORTED.chars().count();
            let spans: Vec<[usize; 2]> = hit
                .highlights
                .iter()
                .map(|[a, b]| [a + shift, b + shift])
                .collect();
            highlighted(&format!("{REPORTED}{}", hit.snippet), &spans, style, 5)
        } else {
            highlighted(&hit.snippet, &hit.highlights, style, 5)
        };
        writeln!(out, "     {snippet}{said_by}")?;
        if !hit.speakers.is_empty() {
            writeln!(
                out,
                "     {}",
                style.dim(&format!("speakers: {}", hit.speakers.join(", ")))
            )?;
        }
        if !hit.places.is_empty() {
            writeln!(
                out,
                "     {}",
                style.dim(&format!("places: {}", hit.places.join(" · ")))
            )?;
        }
    }
    for facet in &results.facets {
        writeln!(out)?;
        write_facet(out, facet, style)?;
    }
    Ok(())
}

/// The snippet with matches painted and, on a terminal, wrapped under an
/// indent of `indent` spaces.
fn highlighted(text: &str, spans: &[[usize; 2]], style: Style, indent: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    let breaks = match style.width {
        Some(width) if width > indent + 20 => wrap_points(&chars, width - indent),
        _ => Vec::new(),
    };
    let mut out = String::new();
    let mut segment = String::new();
    let mut in_match = false;
    let mut spans = spans.iter().peekable();
    let flush = |segment: &mut String, out: &mut String, in_match: bool| {
        if !segment.is_empty() {
            let painted = if in_match {
                style.matched(segment)
            } else {
                segment.clone()
            };
            out.push_str(&painted);
            segment.clear();
        }
    };
    for (i, &c) in chars.iter().enumerate() {
        if let Some([start, _]) = spans.peek()
            && *start == i
        {
            flush(&mut segment, &mut out, in_match);
            in_match = true;
        }
        if breaks.binary_search(&i).is_ok() {
            flush(&mut segment, &mut out, in_match);
            out.push('\n');
            out.push_str(&" ".repeat(indent));
        } else {
            segment.push(c);
        }
        if let Some([_, end]) = spans.peek()
            && *end == i + 1
        {
            flush(&mut segment, &mut out, in_match);
            in_match = false;
            spans.next();
        }
    }
    flush(&mut segment, &mut out, in_match);
    out
}

/// Indices of the spaces at which to break `chars` into lines of `width`.
fn wrap_points(chars: &[char], width: usize) -> Vec<usize> {
    let mut breaks = Vec::new();
    let mut line_start = 0;
    let mut last_space = None;
    for (i, &c) in chars.iter().enumerate() {
        if c == ' ' {
            last_space = Some(i);
        }
        if i - line_start >= width
            && let Some(space) = last_space.filter(|&s| s > line_start)
        {
            breaks.push(space);
            line_start = space + 1;
            last_space = None;
        }
    }
    breaks
}

/// A facet as a table with proportional bars.
/// `newsdex kwic`: the matches in one column, context padded to `width`.
pub fn write_kwic(out: &mut dyn Write, kwic: &Kwic, width: usize, style: Style) -> io::Result<()> {
    writeln!(
        out,
        "{}{} occurrences of {} in {}{} articles{}",
        style.bold(&thousands(kwic.occurrences as u64)),
        if kwic.complete { "" } else { "+" },
        kwic.phrase,
        thousands(kwic.articles as u64),
        if kwic.complete { "" } else { "+" },
        if kwic.lines.len() < kwic.occurrences {
            format!(" · showing {}", kwic.lines.len())
        } else {
            String::new()
        }
    )?;
    for line in &kwic.lines {
        let left_pad = width.saturating_sub(line.left.chars().count());
        let right_pad = width.saturating_sub(line.right.chars().count());
        let source = match (&line.title, line.date) {
            (Some(title), Some(date)) => {
                format!("{date} {}", title.chars().take(40).collect::<String>())
            }
            (Some(title), None) => title.chars().take(40).collect(),
            (None, Some(date)) => format!("{date} {}", line.id),
            (None, None) => line.id.clone(),
        };
        writeln!(
            out,
            "{}{} {} {}{}  {}",
            " ".repeat(left_pad),
            line.left,
            style.matched(&line.keyword),
            line.right,
            " ".repeat(right_pad),
            style.dim(&source)
        )?;
    }
    Ok(())
}

/// `newsdex timeline`: one line per period with a bar, the count and the
/// share of the period's articles; with a split, a table of the series.
pub fn write_timeline(out: &mut dyn Write, timeline: &Timeline, style: Style) -> io::Result<()> {
    let dated = timeline.matches - timeline.undated;
    writeln!(
        out,
        "{} articles match {} · {} dated, by {}",
        style.bold(&thousands(timeline.matches)),
        timeline.query,
        thousands(dated),
        format!("{:?}", timeline.by).to_lowercase()
    )?;
    if timeline.periods.is_empty() {
        return writeln!(out, "  (no matching article has a date)");
    }
    let max = timeline
        .periods
        .iter()
        .map(|p| p.count)
        .max()
        .unwrap_or(1)
        .max(1);
    let label_width = timeline
        .periods
        .iter()
        .map(|p| p.period.len())
        .max()
        .unwrap_or(0);
    let count_width = thousands(max).len();
    for p in &timeline.periods {
        let cells = ((p.count as f64 / max as f64) * BAR_CELLS as f64).ceil() as usize;
        let bar = if p.count == 0 {
            String::new()
        } else {
            "█".repeat(cells.max(1))
        };
        writeln!(
            out,
            "  {:<label_width$}  {:>count_width$}  {:>6}  {}",
            p.period,
            thousands(p.count),
            format!("{:.1}%", p.share * 100.0),
            style.accent(&format!("{bar:<BAR_CELLS$}")),
        )?;
    }
    if !timeline.series.is_empty() {
        writeln!(out)?;
        let names: Vec<String> = timeline
            .series
            .iter()
            .map(|s| s.value.chars().take(18).collect())
            .collect();
        // Compared queries: count and share of the period's articles.
        let cell = |s: &crate::search::timeline::Series, i: usize| {
            if timeline.compared {
                format!("{} {:.1}%", thousands(s.counts[i]), s.shares[i] * 100.0)
            } else {
                thousands(s.counts[i])
            }
        };
        let width = names
            .iter()
            .map(|n| n.chars().count())
            .chain(
                timeline
                    .series
                    .iter()
                    .flat_map(|s| (0..s.counts.len()).map(|i| cell(s, i).chars().count())),
            )
            .max()
            .unwrap_or(0)
            .max(6);
        let heading = if timeline.compared {
            "query"
        } else {
            timeline.split_by.as_deref().unwrap_or("")
        };
        write!(out, "  {:<label_width$}", style.bold(heading))?;
        for name in &names {
            write!(out, "  {name:>width$}")?;
        }
        writeln!(out)?;
        for (i, p) in timeline.periods.iter().enumerate() {
            write!(out, "  {:<label_width$}", p.period)?;
            for s in &timeline.series {
                write!(out, "  {:>width$}", cell(s, i))?;
            }
            writeln!(out)?;
        }
    }
    if timeline.undated > 0 {
        writeln!(
            out,
            "  ({} matching articles have no date)",
            thousands(timeline.undated)
        )?;
    }
    Ok(())
}

/// `newsdex timeline --csv`: a table that pandas and R read as it is.
pub fn write_timeline_csv(out: &mut dyn Write, timeline: &Timeline) -> io::Result<()> {
    let quote = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    write!(out, "period,count,total,share")?;
    for s in &timeline.series {
        write!(out, ",{}", quote(&s.value))?;
        // Compared queries: each with its share of the period too.
        if timeline.compared {
            write!(out, ",{}", quote(&format!("{} share", s.value)))?;
        }
    }
    writeln!(out)?;
    for (i, p) in timeline.periods.iter().enumerate() {
        write!(out, "{},{},{},{:.6}", p.period, p.count, p.total, p.share)?;
        for s in &timeline.series {
            write!(out, ",{}", s.counts[i])?;
            if timeline.compared {
                write!(out, ",{:.6}", s.shares[i])?;
            }
        }
        writeln!(out)?;
    }
    Ok(())
}

/// `newsdex terms`: the ranked terms with their counts on both sides.
pub fn write_terms(
    out: &mut dyn Write,
    terms: &crate::search::terms::Terms,
    style: Style,
) -> io::Result<()> {
    let side = |s: &crate::search::terms::Side| {
        let mut text = format!("{} articles", thousands(s.articles));
        if s.read + s.copies < s.articles {
            text.push_str(&format!(
                ", a sample of {} read",
                thousands(s.read + s.copies)
            ));
        }
        if s.copies > 0 {
            text.push_str(&format!(
                ", {} copies of a story read once",
                thousands(s.copies)
            ));
        }
        text
    };
    writeln!(
        out,
        "terms of {} in {} ({}) against {} ({}), by {}",
        style.bold(terms.field.name()),
        style.bold(&terms.foreground.description),
        side(&terms.foreground),
        terms.background.description,
        side(&terms.background),
        terms.statistic
    )?;
    if terms.terms.is_empty() {
        return writeln!(
            out,
            "  (no term is over-represented in two articles or more)"
        );
    }
    let width = terms
        .terms
        .iter()
        .map(|t| t.term.chars().count())
        .max()
        .unwrap_or(0)
        .min(40);
    writeln!(
        out,
        "  {:>3}  {:<width$}  {:>9}  {:>16}  {:>16}",
        "", "term", "G²", "here", "there"
    )?;
    for (i, t) in terms.terms.iter().enumerate() {
        let pad = width.saturating_sub(t.term.chars().count());
        writeln!(
            out,
            "  {:>3}  {}{}  {:>9.1}  {:>7} {:>7.1}%  {:>7} {:>7.1}%",
            i + 1,
            style.bold(&t.term),
            " ".repeat(pad),
            t.g2,
            thousands(t.foreground),
            t.foreground_share * 100.0,
            thousands(t.background),
            t.background_share * 100.0
        )?;
    }
    Ok(())
}

/// `newsdex profile`: the figures, then each list as a facet is shown.
pub fn write_profile(
    out: &mut dyn Write,
    profile: &crate::search::profile::Profile,
    style: Style,
) -> io::Result<()> {
    use crate::search::profile::ProfileKind;
    let kind = match profile.kind {
        ProfileKind::Speaker => "speaker",
        ProfileKind::Place => "place",
    };
    let shown = profile.resolved.as_deref().unwrap_or(&profile.name);
    writeln!(out, "{} — {kind} (\"{}\")", style.bold(shown), profile.name)?;
    let mut figures = vec![format!("{} articles", thousands(profile.articles))];
    if let Some(quotes) = profile.quotes {
        match profile.quotes_read.filter(|&read| read < profile.articles) {
            Some(read) => figures.push(format!(
                "about {} quotes (counted in a sample of {} articles)",
                thousands(quotes),
                thousands(read)
            )),
            None => figures.push(format!("{} quotes", thousands(quotes))),
        }
    }
    if let Some(first) = profile.first_seen {
        figures.push(format!("first seen {first}"));
    }
    if let Some(last) = profile.last_seen {
        figures.push(format!("last seen {last}"));
    }
    writeln!(out, "  {}", figures.join(" · "))?;
    let list = |out: &mut dyn Write,
                heading: &str,
                counts: &[crate::search::facets::FacetCount]|
     -> io::Result<()> {
        if counts.is_empty() {
            return Ok(());
        }
        writeln!(out)?;
        let facet = FacetResult {
            name: heading.to_string(),
            counts: counts.to_vec(),
            missing: 0,
            distinct: counts.len(),
        };
        write_facet(out, &facet, style)
    };
    if let Some(roles) = &profile.roles {
        list(out, "roles as written", roles)?;
    }
    list(out, "articles per period", &profile.timeline)?;
    if !profile.terms.is_empty() {
        writeln!(out)?;
        let heading = match profile.kind {
            ProfileKind::Speaker => "terms of the quotes (log-likelihood G² against all quotes)",
            ProfileKind::Place => "terms of the articles (log-likelihood G² against the rest)",
        };
        write!(out, "{}", style.bold(heading))?;
        if profile.terms_read < profile.articles {
            write!(
                out,
                ", from a sample of {} articles",
                thousands(profile.terms_read)
            )?;
        }
        writeln!(out)?;
        let terms: Vec<String> = profile
            .terms
            .iter()
            .map(|t| format!("{} {:.0}", t.term, t.g2))
            .collect();
        writeln!(out, "  {}", terms.join(" · "))?;
    }
    let (speakers, places) = match profile.kind {
        ProfileKind::Speaker => ("quoted in the same articles", "places of the articles"),
        ProfileKind::Place => ("speakers most quoted", "places inside it"),
    };
    list(out, speakers, &profile.speakers)?;
    list(out, places, &profile.places)?;
    list(out, "sources", &profile.sources)?;
    if let Some(latest) = profile.latest_quotes.as_ref().filter(|q| !q.is_empty()) {
        writeln!(out)?;
        writeln!(out, "{}", style.bold("latest quotes"))?;
        for quote in latest {
            let date = quote
                .date
                .map_or_else(|| "undated".to_string(), |d| d.to_string());
            let text: String = quote.said.text.chars().take(160).collect();
            let cut = text.len() < quote.said.text.len();
            // The speakers when not the profile's own alone (a quote said
            // with others: "Cummings and Nadler said").
            let by = if quote.said.speaker.as_deref() == Some(shown)
                && quote.said.co_speakers.is_empty()
            {
                String::new()
            } else {
                format!(
                    "{} — ",
                    speakers_of(
                        quote.said.speaker.as_deref(),
                        &quote.said.co_speakers,
                        None,
                        style
                    )
                )
            };
            let from = quote
                .title
                .clone()
                .unwrap_or_else(|| display_path(&quote.path));
            writeln!(
                out,
                "  {date}  {by}{} — {}",
                said(&text, quote.said.direct, cut, style),
                style.dim(&format!("{from} · id {}", quote.id))
            )?;
        }
    }
    Ok(())
}

/// `newsdex map` on a terminal: the countries and cities it shades and dots.
pub fn write_map(
    out: &mut dyn Write,
    map: &crate::search::map::CoverageMap,
    limit: usize,
    style: Style,
) -> io::Result<()> {
    writeln!(
        out,
        "{} articles match {} · {} countries named · {} name no place",
        style.bold(&thousands(map.articles)),
        map.query,
        map.countries.len(),
        thousands(map.without_place)
    )?;
    let countries = FacetResult {
        name: "articles per country".to_string(),
        counts: map.countries.iter().take(limit).cloned().collect(),
        missing: 0,
        distinct: map.countries.len(),
    };
    write_facet(out, &countries, style)?;
    if !map.cities.is_empty() {
        let cities = FacetResult {
            name: "most named cities".to_string(),
            counts: map
                .cities
                .iter()
                .map(|c| crate::search::facets::FacetCount {
                    value: c.label.clone(),
                    count: c.articles,
                })
                .collect(),
            missing: 0,
            distinct: map.cities.len(),
        };
        write_facet(out, &cities, style)?;
    }
    Ok(())
}

/// `newsdex terms --csv`.
pub fn write_terms_csv(out: &mut dyn Write, terms: &crate::search::terms::Terms) -> io::Result<()> {
    writeln!(
        out,
        "term,words,g2,foreground,foreground_share,background,background_share"
    )?;
    for t in &terms.terms {
        writeln!(
            out,
            "\"{}\",{},{:.3},{},{:.6},{},{:.6}",
            t.term.replace('"', "\"\""),
            t.words,
            t.g2,
            t.foreground,
            t.foreground_share,
            t.background,
            t.background_share
        )?;
    }
    Ok(())
}

/// `newsdex facets`: one field's counts, or one level of the place tree.
pub fn write_facet_values(
    out: &mut dyn Write,
    results: &FacetsResults,
    style: Style,
) -> io::Result<()> {
    let heading = match results.path.as_deref() {
        Some("") => format!("{} (top level)", results.field),
        Some(path) => format!("{} in {}", results.field, path.replace('/', " / ")),
        None => results.field.clone(),
    };
    let facet = FacetResult {
        name: heading,
        counts: results.values.clone(),
        missing: 0,
        distinct: results.values.len(),
    };
    writeln!(
        out,
        "{}",
        style.dim(&format!(
            "{} matching articles",
            thousands(results.total as u64)
        ))
    )?;
    write_facet(out, &facet, style)
}

pub fn write_facet(out: &mut dyn Write, facet: &FacetResult, style: Style) -> io::Result<()> {
    let heading = match facet.name.split_once(':') {
        Some((field, bucket)) => format!("{field} by {bucket}"),
        None if facet.name == "date" => "date by month".to_string(),
        None => facet.name.clone(),
    };
    writeln!(out, "{}", style.bold(&heading))?;
    if facet.counts.is_empty() {
        let matches = thousands(facet.missing);
        return writeln!(
            out,
            "  (none of the {matches} matching articles has a value)"
        );
    }
    let label_width = facet
        .counts
        .iter()
        .map(|c| c.value.chars().count())
        .max()
        .unwrap_or(0)
        .min(40);
    let max = facet
        .counts
        .iter()
        .map(|c| c.count)
        .max()
        .unwrap_or(1)
        .max(1);
    let count_width = thousands(max).len();
    for count in &facet.counts {
        let cells = ((count.count as f64 / max as f64) * BAR_CELLS as f64).ceil() as usize;
        let label: String = count.value.chars().take(40).collect();
        writeln!(
            out,
            "  {label:<label_width$}  {:>count_width$}  {}",
            thousands(count.count),
            style.accent(&"█".repeat(cells.max(1))),
        )?;
    }
    let mut notes = Vec::new();
    if facet.distinct > facet.counts.len() {
        notes.push(format!(
            "{} more values",
            facet.distinct - facet.counts.len()
        ));
    }
    if facet.missing > 0 {
        notes.push(format!("{} without a value", thousands(facet.missing)));
    }
    if !notes.is_empty() {
        writeln!(out, "  {}", style.dim(&format!("({})", notes.join("; "))))?;
    }
    Ok(())
}

pub fn write_article(out: &mut dyn Write, article: &StoredArticle, style: Style) -> io::Result<()> {
    let width = article
        .fields
        .iter()
        .map(|(n, _, _)| n.len())
        .max()
        .unwrap_or(0);
    let mut body = None;
    let has_quotes = article.fields.iter().any(|(n, _, _)| n == QUOTES);
    for (name, _, values) in &article.fields {
        if name == "body" {
            body = values.first().and_then(|v| v.as_str());
            continue;
        }
        if name == QUOTES {
            write_article_quotes(out, values, width, style)?;
            continue;
        }
        // The quote texts alone: `quotes` shows them with their speakers.
        if name == "quote" && has_quotes {
            continue;
        }
        let shown: Vec<String> = values
            .iter()
            .map(|v| match v {
                serde_json::Value::String(s) if name == "path" => display_path(s),
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            })
            .collect();
        let text = if shown.is_empty() {
            style.dim("—")
        } else {
            shown.join("; ")
        };
        writeln!(out, "{}  {text}", style.bold(&format!("{name:<width$}")))?;
    }
    if let Some(body) = body {
        writeln!(out)?;
        writeln!(out, "{body}")?;
    }
    Ok(())
}

/// `newsdex show`: the article's quotes, one a line, each under its speaker.
fn write_article_quotes(
    out: &mut dyn Write,
    quotes: &[serde_json::Value],
    width: usize,
    style: Style,
) -> io::Result<()> {
    let heading = style.bold(&format!("{QUOTES:<width$}"));
    if quotes.is_empty() {
        return writeln!(out, "{heading}  {}", style.dim("—"));
    }
    for (i, quote) in quotes.iter().enumerate() {
        let text = |key: &str| quote[key].as_str().filter(|s| !s.is_empty());
        let co_speakers: Vec<String> = quote["co_speakers"]
            .as_array()
            .map(|names| {
                names
                    .iter()
                    .filter_map(|n| n.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default();
        let who = speakers_of(text("speaker"), &co_speakers, text("role"), style);
        let said = said(
            text("text").unwrap_or_default(),
            quote["direct"].as_bool().unwrap_or(false),
            false,
            style,
        );
        let lead = if i == 0 {
            heading.clone()
        } else {
            " ".repeat(width)
        };
        writeln!(out, "{lead}  {who} — {said}")?;
    }
    Ok(())
}

/// `newsdex quotes`: one line per quote.
pub fn write_quotes(out: &mut dyn Write, results: &QuotesResults, style: Style) -> io::Result<()> {
    if results.quotes.is_empty() {
        return writeln!(out, "no matching quotes");
    }
    for quote in &results.quotes {
        let who = speakers_of(
            quote.said.speaker.as_deref(),
            &quote.said.co_speakers,
            quote.said.role.as_deref(),
            style,
        );
        let text = said(&quote.said.text, quote.said.direct, false, style);
        let mut from = quote
            .title
            .clone()
            .unwrap_or_else(|| display_path(&quote.path));
        if let Some(date) = quote.date {
            from.push_str(&format!(", {date}"));
        }
        from.push_str(&format!(" · id {}", quote.id));
        writeln!(out, "{who} — {text} — {}", style.dim(&from))?;
    }
    Ok(())
}

/// What `newsdex extract` found in one article.
pub fn write_extracted(
    out: &mut dyn Write,
    article: &ExtractedArticle,
    style: Style,
) -> io::Result<()> {
    writeln!(out, "{}", style.bold(&display_path(&article.path)))?;
    let none = || style.dim("—");
    let field = |value: Option<String>| value.unwrap_or_else(none);
    writeln!(out, "  title     {}", field(article.title.clone()))?;
    writeln!(
        out,
        "  date      {}",
        field(article.date.map(|d| d.to_string()))
    )?;
    writeln!(out, "  dateline  {}", field(article.dateline.clone()))?;
    writeln!(out, "  source    {}", field(article.source.clone()))?;
    writeln!(out, "  words     {}", article.word_count)?;
    let speakers_note = if article.speakers.is_empty() {
        none()
    } else {
        String::new()
    };
    writeln!(out, "  speakers  {speakers_note}")?;
    for speaker in &article.speakers {
        let role = speaker
            .role
            .as_deref()
            .map(|r| format!(", {r}"))
            .unwrap_or_default();
        let kind = format!("{:?}", speaker.kind).to_lowercase();
        writeln!(
            out,
            "    {} {}",
            style.bold(&speaker.name),
            style.dim(&format!(
                "({kind}{role}; {} mentions)",
                speaker.mentions.len()
            ))
        )?;
    }
    let places_note = if article.places.is_empty() {
        none()
    } else {
        String::new()
    };
    writeln!(out, "  places    {places_note}")?;
    for report in &article.places {
        let place = &report.place;
        let within = [place.admin1.as_deref(), place.country.as_deref()]
            .into_iter()
            .flatten()
            .filter(|p| *p != place.name)
            .collect::<Vec<_>>()
            .join(", ");
        let kind = format!("{:?}", place.kind).to_lowercase();
        let role = match place.role {
            PlaceRole::Dateline => "dateline, ",
            PlaceRole::Mention => "",
            PlaceRole::Adjective => "adjective, ",
        };
        writeln!(
            out,
            "    {}{} {}",
            style.bold(&place.name),
            if within.is_empty() {
                String::new()
            } else {
                format!(", {within}")
            },
            style.dim(&format!(
                "({role}{kind}{}; {} mentions)",
                place
                    .geonameid
                    .map(|id| format!(", geonames {id}"))
                    .unwrap_or_default(),
                report.mentions.len()
            ))
        )?;
    }
    let quotes_note = if article.quotes.is_empty() {
        none()
    } else {
        String::new()
    };
    writeln!(out, "  quotes    {quotes_note}")?;
    for quote in &article.quotes {
        let mut who = match (&quote.speaker, &quote.source) {
            (Some(name), _) => style.bold(name),
            (None, Some(source)) => style.dim(&format!("[{}]", source.text)),
            (None, None) => style.dim("[unattributed]"),
        };
        for other in &quote.co_speakers {
            who.push_str(&format!(" and {}", style.bold(other)));
        }
        let cue = quote
            .cue
            .as_ref()
            .map(|c| c.text.as_str())
            .unwrap_or("continued");
        // The cue shows who spoke and how; reported speech says so.
        let (cue, text) = if quote.direct {
            (format!("{cue}:"), format!("“{}”", quote.text))
        } else {
            (format!("{cue} (reported):"), quote.text.clone())
        };
        writeln!(out, "    {who} {} {text}", style.dim(&cue))?;
    }
    writeln!(out)
}

pub fn write_stats(out: &mut dyn Write, stats: &IndexStats, style: Style) -> io::Result<()> {
    let row = |out: &mut dyn Write, label: &str, value: String| {
        writeln!(out, "{}  {value}", style.bold(&format!("{label:<11}")))
    };
    row(out, "index", display_path(&stats.index))?;
    row(
        out,
        "size",
        format!(
            "{} in {} segment{}",
            human_bytes(stats.index_bytes),
            stats.segments,
            if stats.segments == 1 { "" } else { "s" }
        ),
    )?;
    row(
        out,
        "documents",
        format!(
            "{} ({} with a date)",
            thousands(stats.documents),
            thousands(stats.dated_documents)
        ),
    )?;
    row(
        out,
        "stories",
        format!(
            "{} ({} further copies of a story)",
            thousands(stats.stories),
            thousands(stats.copies)
        ),
    )?;
    let dates = match (&stats.date_min, &stats.date_max) {
        (Some(min), Some(max)) => format!("{min} to {max}"),
        _ => "none stated".to_string(),
    };
    row(out, "dates", dates)?;
    let sources = if stats.top_sources.is_empty() {
        "none named".to_string()
    } else {
        stats
            .top_sources
            .iter()
            .map(|c| format!("{} ({})", c.value, thousands(c.count)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    row(out, "top sources", sources)
}

/// The one-line summary after indexing.
pub fn write_ingest_summary(
    out: &mut dyn Write,
    summary: &IngestSummary,
    style: Style,
) -> io::Result<()> {
    writeln!(
        out,
        "{} documents in the index · {} added, {} updated, {} unchanged, {} removed, {} failed · {:.2} MB read in {:.2} s ({:.1} MB/s)",
        style.bold(&thousands(summary.documents)),
        thousands(summary.added),
        thousands(summary.updated),
        thousands(summary.unchanged),
        thousands(summary.removed),
        if summary.failed > 0 {
            style.matched(&thousands(summary.failed))
        } else {
            "0".to_string()
        },
        summary.megabytes_read(),
        summary.seconds,
        summary.megabytes_per_second(),
    )?;
    if summary.moved > 0 {
        writeln!(
            out,
            "{} files moved or renamed: known by their content, their articles kept once",
            thousands(summary.moved)
        )?;
    }
    if summary.failed_records > 0 {
        writeln!(
            out,
            "{} records inside indexed files could not be read (listed above)",
            style.matched(&thousands(summary.failed_records))
        )?;
    }
    if summary.skipped > 0 {
        writeln!(
            out,
            "{} skipped, not articles: {}",
            thousands(summary.skipped),
            skipped_reasons(&summary.skipped_reasons)
        )?;
    }
    Ok(())
}

/// "1,204 request records, 12 image/png responses, …": the commonest
/// reasons first, at most eight.
fn skipped_reasons(reasons: &std::collections::BTreeMap<String, u64>) -> String {
    const SHOWN: usize = 8;
    let mut ranked: Vec<(&String, &u64)> = reasons.iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
    let mut parts: Vec<String> = ranked
        .iter()
        .take(SHOWN)
        .map(|(reason, count)| format!("{} × {reason}", thousands(**count)))
        .collect();
    if ranked.len() > SHOWN {
        let rest: u64 = ranked[SHOWN..].iter().map(|(_, c)| **c).sum();
        parts.push(format!(
            "{} for {} other reasons",
            thousands(rest),
            ranked.len() - SHOWN
        ));
    }
    parts.join(", ")
}

/// The summary of `newsdex push`.
pub fn write_push(out: &mut dyn Write, report: &crate::remote::push::PushReport) -> io::Result<()> {
    if report.created_index {
        writeln!(out, "created the index {}", report.remote)?;
    }
    let sent_now = report.bodies - report.bodies_resumed;
    if sent_now == 0 && report.bodies > 0 {
        writeln!(
            out,
            "nothing left to send to {}: an earlier push delivered all {} request bodies",
            report.remote, report.bodies
        )?;
    } else {
        write!(
            out,
            "pushed {} articles in {} request bodies to {}",
            thousands(report.sent),
            sent_now,
            report.remote
        )?;
        if report.bodies_resumed > 0 {
            write!(
                out,
                " ({} bodies had been delivered by an earlier push)",
                report.bodies_resumed
            )?;
        }
        writeln!(out)?;
    }
    if report.already_there > 0 {
        writeln!(
            out,
            "{} were there already",
            thousands(report.already_there)
        )?;
    }
    if report.resent_missing > 0 {
        writeln!(
            out,
            "{} accepted articles were missing once the engine settled (lost in a restart) \
             and were sent again",
            thousands(report.resent_missing)
        )?;
    }
    if report.removed_duplicates > 0 {
        writeln!(
            out,
            "{} articles were stored twice: deleted and sent once more",
            thousands(report.removed_duplicates)
        )?;
    }
    if report.rejected > 0 {
        writeln!(out, "{} refused by the engine:", thousands(report.rejected))?;
        for reason in &report.rejections {
            writeln!(out, "  {reason}")?;
        }
    }
    let verdict = if report.engine_count == report.held_before + report.expected {
        "as exported"
    } else {
        "MISMATCH"
    };
    let before = if report.held_before > 0 {
        format!(
            ", and the index held {} before",
            thousands(report.held_before)
        )
    } else {
        String::new()
    };
    writeln!(
        out,
        "the engine counts {} documents; the export has {}{before} ({verdict})",
        thousands(report.engine_count),
        thousands(report.expected)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_are_painted_only_with_colour() {
        let spans = [[4, 9]];
        assert_eq!(
            highlighted("Say hello now", &spans, Style::PLAIN, 0),
            "Say hello now"
        );
        let color = Style {
            color: true,
            width: None,
        };
        assert_eq!(
            highlighted("Say hello now", &spans, color, 0),
            "Say \x1b[1;31mhello\x1b[0m now"
        );
    }

    #[test]
    fn wrapping_breaks_at_spaces_and_keeps_highlights() {
        let style = Style {
            color: false,
            width: Some(32),
        };
        let text = "one two three four five six seven eight nine ten eleven";
        let wrapped = highlighted(text, &[[8, 13]], style, 2);
        for line in wrapped.lines() {
            assert!(line.chars().count() <= 32, "{line:?}");
        }
        assert_eq!(wrapped.replace("\n  ", " "), text);
    }
}
