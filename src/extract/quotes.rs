//! Quotes and reported speech: what was said, by which source span, with
//! which cue.
//!
//! A rule-based reader over tokens, quotations and sentences
//! ([`super::tokens`]). For each reporting verb outside a quotation it looks
//! for the source noun phrase before the verb (`Ayrault said`, `the
//! minister has also said`, `X, the foreign minister, said`) or after it
//! (`said Ayrault`, `according to X`), then for the content:
//! - the quotation just before the attribution (`“…,” he said`), joined with
//!   one that follows it (`“…,” she said, “…”`);
//! - the clause after the verb (`X said (that) …`, `X told reporters …`);
//! - the clause before it (`…, officials said.`).
//!
//! A paragraph that is nothing but a quotation continues the direct quote of
//! the paragraph before it, by the same speaker. Resolving source spans to
//! names is [`super::speakers`]' job.

use serde::Serialize;

use crate::extract::lexicon::{
    AUXILIARIES, CUE_PARTICLES, CUE_VERBS, DETERMINERS, NEEDS_THAT, NOT_NAMES, OBJECT_VERBS,
    ORG_SUFFIXES, ORGANISATION_WORDS, ROLE_HEADS, SOURCE_NOUNS, TIME_WORDS, Words, word_set,
};
use crate::extract::tokens::{Kind, QuoteRegion, Tok, quote_regions, sentences, tokenize};

/// A byte range of the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn text<'a>(&self, body: &'a str) -> &'a str {
        &body[self.start..self.end]
    }
}

/// A quote of an article, as indexed and shown.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quote {
    /// What was said; for a quotation split by its attribution, the parts
    /// joined with " … ".
    pub text: String,
    /// Where it is in the body (bytes).
    pub content: Span,
    pub direct: bool,
    pub cue: Option<Span>,
    pub source: Option<Span>,
    /// The resolved speaker's name; `None` for vague sources ("officials").
    pub speaker: Option<String>,
    /// Who else said it: "Cummings and Nadler said" has speaker Cummings
    /// and co-speaker Nadler.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub co_speakers: Vec<String>,
}

impl Quote {
    /// Where the attribution is ("Mr. Obama said"): its source and cue
    /// together, when it has both.
    pub fn attribution(&self) -> Option<Span> {
        attribution_span(self.source, self.cue)
    }
}

/// The span of an attribution's source and cue together.
pub fn attribution_span(source: Option<Span>, cue: Option<Span>) -> Option<Span> {
    source.zip(cue).map(|(source, cue)| Span {
        start: source.start.min(cue.start),
        end: source.end.max(cue.end),
    })
}

/// The text of a content span, without an attribution that splits it:
/// a quotation's (“…,” she said, “…”) or reported speech's ("Acts of
/// protest, Mr. Obama said, are acts of patriotism").
pub fn quote_text(body: &str, content: Span, attribution: Option<Span>) -> String {
    let inside = attribution.filter(|a| content.start < a.start && a.end < content.end);
    if let Some(inside) = inside {
        let before = body[content.start..inside.start].trim_end_matches([',', ' ', '—', '–']);
        let after = body[inside.end..content.end].trim_start_matches([',', ' ', '—', '–']);
        if !before.is_empty() && !after.is_empty() && !before.ends_with(['”', '"']) {
            return format!("{before} … {after}");
        }
    }
    let text = content.text(body);
    // A quotation split by its attribution (“…,” she said, “…”): the
    // attribution between the marks goes. Quoted words inside reported
    // speech (banned “vulnerable,” “entitlement” …) stay as they are.
    if let (Some(close), Some(open)) = (text.find(['”', '"']), text.rfind(['“', '"']))
        && close < open
        && (attribution.is_none() || inside.is_some())
    {
        let before = text[..close].trim_end_matches([',', ' ']);
        let after = text[open..].trim_start_matches(['“', '"']);
        return format!("{before} … {}", after.trim_end_matches([',', ' ']));
    }
    text.trim_end_matches([',', ' ']).to_string()
}

/// One attribution found in a body.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribution {
    /// What was said.
    pub content: Span,
    /// A direct quotation (in quote marks) rather than reported speech.
    pub direct: bool,
    pub cue: Option<Span>,
    pub source: Option<Span>,
    /// For a continued quotation: the attribution it continues.
    pub continues: Option<usize>,
}

// Prepositions and words that open an adjunct between a verb and its
// content: "said on Tuesday that", "told reporters in Paris".
word_set!(
    ADJUNCT_OPENERS,
    [
        "on",
        "in",
        "at",
        "during",
        "after",
        "before",
        "to",
        "via",
        "through",
        "with",
        "from",
        "late",
        "last",
        "this",
        "earlier",
        "later",
        "yesterday",
        "today",
        "tonight",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "while",
        "when",
        "in an",
        "publicly",
        "privately",
        "recently",
        "repeatedly",
        "again",
        "also",
        "flatly",
        "bluntly",
        "simply",
        "then",
        "afterwards",
        "separately",
        "previously",
        "for",
    ]
);

// Words that cannot be part of a source noun phrase.
word_set!(
    NP_STOPS,
    [
        "that", "and", "but", "or", "which", "when", "as", "because", "if", "while", "than",
        "said", "says", "say", "is", "was", "were", "are", "be", "been", "being", "not", "to",
        "in", "on", "with", "by", "from", "after", "before", "since", "into", "about", "over",
        "has", "have", "had", "will", "would", "could", "should", "can", "may", "might", "must",
        "do", "does", "did", "so", "yet", "also", "who", "whom", "whose", "where", "why", "how",
        "what", "there", "then", "though", "although", "unless", "until", "where", "however",
        "during", "against", "between", "through", "under", "without", "within", "told", "added",
    ]
);

// Verbs that hand on to an infinitive cue: "went on to say", "refused to
// tell".
word_set!(
    TO_VERBS,
    [
        "on",
        "refused",
        "refuses",
        "declined",
        "declines",
        "continued",
        "continues",
        "wanted",
        "wants",
        "decided",
        "tried",
        "seemed",
        "appeared",
        "began",
        "begins",
        "started",
        "happy",
        "quick",
        "willing",
        "prepared",
        "able",
        "hastened",
        "went",
        "used",
    ]
);

word_set!(
    PRONOUNS,
    ["he", "she", "they", "it", "we", "i", "you", "who"]
);

/// Finds the attributions in `body`.
pub fn find_attributions(body: &str) -> Vec<Attribution> {
    read_body(body).0
}

/// The attributions in `body`, and its tokens (offsets into `body`), which
/// speaker resolution reads again.
pub fn read_body(body: &str) -> (Vec<Attribution>, Vec<Tok>) {
    let mut found: Vec<Attribution> = Vec::new();
    let mut all_tokens: Vec<Tok> = Vec::new();
    let mut offset = 0;
    for line in body.split_inclusive('\n') {
        let paragraph_start = offset;
        offset += line.len();
        let paragraph = line.trim_end();
        if paragraph.trim().is_empty() {
            continue;
        }
        let before = found.len();
        let reader = Paragraph::new(paragraph, paragraph_start);
        reader.attributions(&mut found);
        if found.len() == before {
            reader.signed_quotes(&mut found);
        }
        if found.len() == before {
            reader.continuation(&mut found);
        }
        all_tokens.extend(reader.tokens.iter().map(|t| Tok {
            start: t.start + paragraph_start,
            end: t.end + paragraph_start,
            kind: t.kind,
        }));
    }
    (found, all_tokens)
}

struct Paragraph<'a> {
    text: &'a str,
    base: usize,
    tokens: Vec<Tok>,
    /// Every token lower-cased, computed once (every rule asks for it):
    /// one buffer, and each token's range in it.
    lower: String,
    lower_ranges: Vec<(u32, u32)>,
    regions: Vec<QuoteRegion>,
    sentences: Vec<(usize, usize)>,
    /// The source (token range) of the last attribution read, and the token
    /// where reading resumed after it: ", adding …" speaks for it.
    last_source: std::cell::Cell<Option<(usize, usize, usize)>>,
}

impl<'a> Paragraph<'a> {
    fn new(text: &'a str, base: usize) -> Paragraph<'a> {
        let tokens = tokenize(text);
        let regions = quote_regions(text, &tokens);
        let sentences = sentences(text, &tokens, &regions);
        let mut lower = String::with_capacity(text.len());
        let lower_ranges = tokens
            .iter()
            .map(|t| {
                let start = lower.len() as u32;
                for c in t.text(text).chars() {
                    if c.is_ascii() {
                        lower.push(c.to_ascii_lowercase());
                    } else {
                        lower.extend(c.to_lowercase());
                    }
                }
                (start, lower.len() as u32)
            })
            .collect();
        Paragraph {
            text,
            base,
            tokens,
            lower,
            lower_ranges,
            regions,
            sentences,
            last_source: std::cell::Cell::new(None),
        }
    }

    /// Rejects readings that are not statements: a possessive source ("Mr.
    /// Trump's pointed critique"), reported content of one or two words, or
    /// a bare prepositional phrase ("said of her conversation", "said
    /// aboard his plane"), or "adding 151,000 jobs".
    fn plausible(&self, attribution: &Attribution) -> bool {
        let body_text = |span: Span| &self.text[span.start - self.base..span.end - self.base];
        if let Some(source) = attribution.source
            && (source.end - self.base) <= self.text.len()
            && source.start >= self.base
        {
            let source = body_text(source);
            if source.ends_with("'s") || source.ends_with("’s") {
                return false;
            }
        }
        if attribution.direct || attribution.content.start < self.base {
            return true;
        }
        let content = body_text(attribution.content);
        let words: Vec<&str> = content.split_whitespace().collect();
        if words.len() < 3 {
            return false;
        }
        let first = words[0].to_lowercase();
        let prepositional = matches!(
            first.as_str(),
            "of" | "about"
                | "aboard"
                | "in"
                | "on"
                | "at"
                | "during"
                | "after"
                | "before"
                | "for"
                | "over"
                | "with"
                | "to"
                | "from"
                | "while"
                | "when"
        );
        if prepositional && words.len() <= 10 {
            return false;
        }
        let adding = attribution
            .cue
            .filter(|cue| cue.start >= self.base)
            .is_some_and(|cue| body_text(cue).to_lowercase().starts_with("add"));
        !(adding && first.starts_with(|c: char| c.is_ascii_digit()))
    }

    /// The token that contains body offset `at`.
    fn token_at(&self, at: usize) -> Option<usize> {
        let at = at.checked_sub(self.base)?;
        let i = self.tokens.partition_point(|t| t.end <= at);
        (i < self.tokens.len() && self.tokens[i].start <= at).then_some(i)
    }

    /// The lower-cased word at token `i` (`None` for punctuation).
    fn word(&self, i: usize) -> Option<&str> {
        let t = self.tokens.get(i)?;
        let (start, end) = self.lower_ranges[i];
        (t.kind == Kind::Word).then(|| &self.lower[start as usize..end as usize])
    }

    fn raw(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| t.text(self.text))
    }

    fn is_word_in(&self, i: usize, list: &(impl Words + ?Sized)) -> bool {
        self.word(i).is_some_and(|w| list.has(w))
    }

    fn region_of(&self, i: usize) -> Option<&QuoteRegion> {
        self.regions
            .iter()
            .find(|r| i > r.open && r.close.is_none_or(|c| i < c))
    }

    /// A span from token `a` to token `b` inclusive, in body offsets.
    fn span(&self, a: usize, b: usize) -> Span {
        Span {
            start: self.base + self.tokens[a].start,
            end: self.base + self.tokens[b].end,
        }
    }

    /// The inner span of a quotation (without its marks).
    fn region_span(&self, region: &QuoteRegion) -> Option<Span> {
        let first = region.open + 1;
        let last = region
            .close
            .map_or(self.tokens.len(), |c| c)
            .checked_sub(1)?;
        (first <= last).then(|| self.span(first, last))
    }

    fn attributions(&self, out: &mut Vec<Attribution>) {
        let first_here = out.len();
        let mut covered_until = 0;
        for &(s, e) in &self.sentences {
            let before = out.len();
            let mut i = s.max(covered_until);
            while i < e {
                match self
                    .attribution_at(i, s, e)
                    .filter(|(attribution, _)| self.plausible(attribution))
                {
                    Some((attribution, resume)) => {
                        if let Some(source) = attribution.source {
                            let first = self.token_at(source.start);
                            let last = self.token_at(source.end.saturating_sub(1));
                            if let (Some(a), Some(b)) = (first, last) {
                                self.last_source.set(Some((a, b, resume)));
                            }
                        }
                        out.push(attribution);
                        i = resume.max(i + 1);
                        covered_until = i;
                    }
                    None => i += 1,
                }
            }
            // A sentence that is one quotation, after a direct quote of this
            // paragraph, is more of the same: “…,” he said. “…”
            if out.len() == before && s >= covered_until && out.len() > first_here {
                let previous = out.len() - 1;
                let whole = self
                    .regions
                    .iter()
                    .find(|r| r.open == s && r.close.is_none_or(|c| c + 2 >= e));
                if let Some(region) = whole
                    && out[previous].direct
                    && let Some(content) = self.region_span(region)
                {
                    // One attribution whose content runs on.
                    out[previous].content.end = content.end;
                }
            }
        }
    }

    /// “…” ― Adriana Rodarte: a quotation signed with a dash and a name
    /// that ends the paragraph.
    fn signed_quotes(&self, out: &mut Vec<Attribution>) {
        for region in &self.regions {
            let Some(close) = region.close else { continue };
            let dash = close + 1;
            if !matches!(self.raw(dash), "―" | "—" | "–" | "-") {
                continue;
            }
            let (a, b) = (dash + 1, self.tokens.len());
            let Some((a, b)) = self.trimmed(a, b) else {
                continue;
            };
            let all_name = (a..=b).all(|i| {
                self.capitalised(i)
                    || matches!(self.raw(i), "," | "." | "-")
                    || self.word(i).is_some()
            });
            if b - a > 12 || !self.capitalised(a) || !all_name {
                continue;
            }
            let Some(content) = self.region_span(region) else {
                continue;
            };
            out.push(Attribution {
                content,
                direct: true,
                cue: Some(self.span(dash, dash)),
                source: Some(self.span(a, b)),
                continues: None,
            });
        }
    }

    /// A paragraph that is only a quotation continues the previous direct
    /// quote (the second paragraph of a speech, quoted without a new cue).
    fn continuation(&self, out: &mut Vec<Attribution>) {
        let [region] = self.regions.as_slice() else {
            return;
        };
        let spans_paragraph =
            region.open == 0 && region.close.is_none_or(|c| c + 2 >= self.tokens.len());
        let previous = out.len().checked_sub(1);
        let Some(previous) = previous else { return };
        if !spans_paragraph || !out[previous].direct {
            return;
        }
        let root = out[previous].continues.unwrap_or(previous);
        if let Some(content) = self.region_span(region) {
            // The source and cue are the ones the quotation began with.
            out.push(Attribution {
                content,
                direct: true,
                cue: out[root].cue,
                source: out[root].source,
                continues: Some(root),
            });
        }
    }

    /// Tries to read an attribution whose cue starts at token `c` of the
    /// sentence `[s, e)`. Returns it and where to go on reading.
    fn attribution_at(&self, c: usize, s: usize, e: usize) -> Option<(Attribution, usize)> {
        // Cheap tests first: most tokens are not cues.
        let verb = self.word(c)?;
        let according = verb == "according" && self.word(c + 1) == Some("to");
        if !according && !CUE_VERBS.has(verb) {
            return None;
        }
        if self.region_of(c).is_some() {
            return None;
        }
        // "has not announced", "never said", "didn't say": nothing was said.
        let negated = (c.saturating_sub(3)..c).any(|k| {
            self.word(k)
                .is_some_and(|w| w == "not" || w == "never" || w.ends_with("n't"))
        });
        if negated && !according {
            return None;
        }
        // "Recent reports have revealed", "the findings show": a noun, not
        // a verb, when a verb follows it.
        if verb.ends_with('s')
            && self.is_word_in(
                c + 1,
                &[
                    "have",
                    "has",
                    "had",
                    "are",
                    "were",
                    "show",
                    "showed",
                    "suggest",
                    "suggested",
                    "indicate",
                    "indicated",
                    "say",
                    "said",
                ],
            )
        {
            return None;
        }
        // "according to SOURCE"
        if according {
            return self.according_to(c, s, e);
        }
        // A capitalised verb mid-sentence is a name ("Islamic State"),
        // unless the whole sentence is in title case (a headline:
        // "Chris Christie Says He Would Issue A Quarantine").
        if c > s && self.capitalised(c) && !self.title_case(s, e) {
            return None;
        }
        // Passive ("it was said") and infinitives ("to say") are not cues,
        // except after verbs that hand on to them: "went on to say",
        // "refused to say".
        let handed_on =
            c > s + 1 && self.word(c - 1) == Some("to") && self.is_word_in(c - 2, &TO_VERBS);
        if c > s
            && !handed_on
            && self.is_word_in(
                c - 1,
                &["is", "was", "were", "be", "been", "being", "are", "to"],
            )
        {
            return None;
        }
        let mut cue_end = c;
        while self.is_word_in(cue_end + 1, &CUE_PARTICLES) && !self.is_word_in(cue_end + 1, &["on"])
        {
            cue_end += 1;
        }

        // Source before the verb, else after it; for ", saying …" the
        // subject that opens the sentence.
        let participle = verb.ends_with("ing")
            && c > s
            && matches!(self.raw(c - 1), "," | "by" | "—" | "–" | "-");
        // "Nefzi said, adding, …": the participle speaks for the source
        // just read; otherwise for the subject of the sentence.
        let continuing = || {
            self.last_source
                .get()
                .filter(|&(a, _, resume)| a >= s && c >= resume && c <= resume + 2)
                .map(|(a, b, _)| (a, b))
        };
        let subject = || {
            participle
                .then(|| continuing().or_else(|| self.sentence_subject(s, c)))
                .flatten()
        };
        let (source, inverted) = match self.source_before(c, s).or_else(subject) {
            Some(src) => (Some(src), false),
            // "…, told reporters": what follows "told" is who was told.
            None => match self.source_after(cue_end, e, true) {
                Some(src)
                    if self.may_invert(c, s)
                        && !matches!(verb, "told" | "tell" | "tells" | "telling" | "informed") =>
                {
                    (Some(src), true)
                }
                _ => (None, false),
            },
        };
        let (src_a, src_b) = source?;
        let block_start = if inverted { c } else { src_a };
        let block_end = if inverted { src_b } else { cue_end };

        let cue = Some(self.span(c, cue_end));
        let source_span = Some(self.span(src_a, src_b));

        // 1. A quotation just before the attribution: “…,” he said. (Unless
        // a clause follows the verb: “…,” Sanders said private contractors …)
        let clause_follows = !inverted
            && self.word(cue_end + 1).is_some()
            && !self.is_word_in(cue_end + 1, &ADJUNCT_OPENERS)
            && !OBJECT_VERBS.has(verb)
            && self
                .content_after(c, cue_end, verb, e)
                .is_some_and(|(a, b, _)| b >= a + 3);
        if !clause_follows && let Some(region) = self.quote_ending_before(block_start) {
            let mut content = self.region_span(region)?;
            let mut resume = block_end + 1;
            // “…,” she said, “…”: the quotation goes on after the attribution.
            let mut j = block_end + 1;
            while j < self.tokens.len() && matches!(self.raw(j), "," | ":" | "—" | "–" | "-") {
                j += 1;
            }
            if let Some(next) = self.regions.iter().find(|r| r.open == j)
                && let Some(rest) = self.region_span(next)
            {
                content.end = rest.end;
                resume = next.close.map_or(self.tokens.len(), |x| x + 1);
            }
            return Some((
                Attribution {
                    content,
                    direct: true,
                    cue,
                    source: source_span,
                    continues: None,
                },
                resume,
            ));
        }

        // 2. Content after the attribution: X said (that) …
        if !inverted && let Some((a, b, direct)) = self.content_after(c, cue_end, verb, e) {
            let content = self.span(a, b);
            return Some((
                Attribution {
                    content,
                    direct,
                    cue,
                    source: source_span,
                    continues: None,
                },
                b + 1,
            ));
        }

        // 2b. "she said." / "he said:" then a quotation.
        if !inverted {
            let mut j = cue_end + 1;
            while j < self.tokens.len() && matches!(self.raw(j), "." | ":" | ",") {
                j += 1;
            }
            if j > cue_end + 1
                && let Some(region) = self.regions.iter().find(|r| r.open == j)
                && let Some(content) = self.region_span(region)
            {
                let resume = region.close.map_or(self.tokens.len(), |x| x + 1);
                return Some((
                    Attribution {
                        content,
                        direct: true,
                        cue,
                        source: source_span,
                        continues: None,
                    },
                    resume,
                ));
            }
        }

        // 3. Content before it: …, officials said.
        if NEEDS_THAT.has(verb) {
            return None;
        }
        let (a, b) = self.content_before(block_start, block_end, s, e)?;
        let direct = self
            .regions
            .iter()
            .any(|r| r.open == a.saturating_sub(1) && r.close == Some(b + 1));
        Some((
            Attribution {
                content: self.span(a, b),
                direct,
                cue,
                source: source_span,
                continues: None,
            },
            block_end + 1,
        ))
    }

    fn according_to(&self, c: usize, s: usize, e: usize) -> Option<(Attribution, usize)> {
        let at_start = c == s || (c > s && matches!(self.raw(c - 1), "(" | ":" | ";" | "—"));
        // The source runs to the next comma or the sentence end: "according
        // to a copy of the letter reviewed by The Post", "to recent polls".
        let src_a = c + 2;
        let mut src_b = src_a;
        while src_b + 1 < e
            && src_b + 1 - src_a < 25
            && !matches!(self.raw(src_b + 1), "," | "." | ";" | ":" | "—" | "!" | "?")
            && self.region_of(src_b + 1).is_none()
        {
            src_b += 1;
        }
        if src_a >= e || self.word(src_a).is_none() {
            return None;
        }
        let cue = Some(self.span(c, c + 1));
        let source = Some(self.span(src_a, src_b));
        // "According to X, CONTENT." or "CONTENT, according to X."
        let content = if at_start {
            let mut a = src_b + 1;
            while a < e && matches!(self.raw(a), "," | ":") {
                a += 1;
            }
            self.trimmed(a, e)?
        } else {
            self.content_before(c, src_b, s, e)?
        };
        if content.1 < content.0 + 2 {
            return None;
        }
        Some((
            Attribution {
                content: self.span(content.0, content.1),
                direct: false,
                cue,
                source,
                continues: None,
            },
            content.1.max(src_b) + 1,
        ))
    }

    /// The source noun phrase ending just before the verb at `c`, over
    /// auxiliaries ("has also"), as token indices.
    fn source_before(&self, c: usize, s: usize) -> Option<(usize, usize)> {
        let mut end = c.checked_sub(1)?;
        // "She went on to say", "he refused to say".
        if end > s + 1 && self.word(end) == Some("to") && self.is_word_in(end - 1, &TO_VERBS) {
            end -= 2;
            if end > s
                && self.word(end + 1) == Some("on")
                && self.is_word_in(end, &["went", "goes", "go", "going", "has", "had"])
            {
                end -= 1;
            }
        }
        while end > s && (self.is_word_in(end, &AUXILIARIES) || self.is_adverb(end)) {
            end -= 1;
        }
        // "Sanders on Tuesday said": skip a short time phrase.
        if self.is_word_in(end, &TIME_WORDS) {
            let opener = (end.saturating_sub(3)..end).rev().find(|&i| {
                i > s
                    && self.is_word_in(
                        i,
                        &["on", "in", "at", "last", "this", "late", "early", "earlier"],
                    )
            });
            if let Some(opener) = opener {
                end = opener - 1;
            }
        }
        // "Rep. John Mica (R-Fla.) said": a parenthesis after the name.
        if self.raw(end) == ")" {
            let open = (end.saturating_sub(12)..end)
                .rev()
                .find(|&i| self.raw(i) == "(")?;
            let name_end = open.checked_sub(1)?;
            if name_end < s || self.tokens[name_end].kind != Kind::Word {
                return None;
            }
            let start = self.np_start(name_end, s)?;
            return Some((start, end));
        }
        if end < s || self.tokens[end].kind != Kind::Word {
            // "X, the foreign minister, said": an appositive between commas;
            // "X, at a press conference, said": an adjunct between them.
            if self.raw(end) == "," {
                return self
                    .appositive_source(end, s)
                    .or_else(|| self.source_before_adjunct(end, s))
                    .or_else(|| self.source_before_clause(end, s));
            }
            return None;
        }
        if self.region_of(end).is_some() {
            return None;
        }
        let start = self.np_start(end, s)?;
        Some((start, end))
    }

    /// "Schiff, 56, who has served on the committee for a decade, told …":
    /// a name, then an age, relative clause or long appositive.
    fn source_before_clause(&self, comma: usize, s: usize) -> Option<(usize, usize)> {
        let mut i = comma;
        while i > s && comma - i < 40 {
            i -= 1;
            // A parenthesis is one piece, commas and all: "Albertsons Inc.
            // (ABS.N: Quote, Profile, Research), the No. 2 US grocer, said".
            if self.raw(i) == ")"
                && let Some(open) = (i.saturating_sub(15).max(s)..i)
                    .rev()
                    .find(|&k| self.raw(k) == "(")
            {
                i = open;
                continue;
            }
            if self.raw(i) != "," || i == s {
                continue;
            }
            // "X, 56, who …", "X, a spokesman …", "X, president of …",
            // "X, communications director of …".
            // "X, when asked about it, told …".
            let opens_clause = self.is_word_in(
                i + 1,
                &[
                    "who", "whose", "a", "an", "the", "whom", "when", "while", "asked", "speaking",
                    "after", "if",
                ],
            ) || self.raw(i + 1).chars().all(|c| c.is_ascii_digit())
                || self.is_word_in(i + 1, &SOURCE_NOUNS)
                || self.is_word_in(i + 1, &ROLE_HEADS)
                || (self.word(i + 1).is_some()
                    && !self.capitalised(i + 1)
                    && !self.is_word_in(i + 1, &NP_STOPS));
            // The name may carry a parenthesis: "Albertsons Inc. (ABS.N: …),".
            let name_end = if self.raw(i - 1) == ")" {
                (i.saturating_sub(16).max(s)..i - 1)
                    .rev()
                    .find(|&k| self.raw(k) == "(")
                    .and_then(|open| open.checked_sub(1))
                    .unwrap_or(i - 1)
            } else {
                i - 1
            };
            if opens_clause && name_end >= s && self.capitalised(name_end) {
                let start = self.np_start(name_end, s)?;
                // "Suzanne Bostrom, a lawyer at Trustees for Alaska, a
                // nonprofit law firm, said": that phrase is an appositive
                // itself; the name is before it.
                let nested = start > s + 1
                    && self.raw(start - 1) == ","
                    && self.is_word_in(start, &["a", "an", "the"]);
                if nested {
                    i = start;
                    continue;
                }
                return Some((start, comma - 1));
            }
            // "A longtime JNF official, Howard Ingram, said": a role, then
            // the name between commas.
            let name_between = (i + 1..comma)
                .all(|k| self.capitalised(k) || self.raw(k).ends_with('.'))
                && comma - i - 1 <= 4
                && comma > i + 1;
            if name_between && self.word(i - 1).is_some() {
                let start = self.np_start(i - 1, s).unwrap_or(i - 1);
                return Some((start, comma - 1));
            }
            if self
                .regions
                .iter()
                .any(|r| r.close == Some(i) || r.open == i)
            {
                return None;
            }
        }
        None
    }

    /// The name or pronoun that opens the sentence `[s, ..)`, before `limit`.
    fn sentence_subject(&self, s: usize, limit: usize) -> Option<(usize, usize)> {
        let mut s = s;
        // A dateline the reader did not strip ("WASHINGTON — Sen. Sanders …").
        if let Some(dash) =
            (s..(s + 4).min(limit)).find(|&i| matches!(self.raw(i), "—" | "–" | "-"))
            && (s..dash).all(|i| self.raw(i).chars().all(|c| !c.is_lowercase()))
        {
            s = dash + 1;
        }
        // "And then Trump …", "But he …".
        while s + 1 < limit
            && self.is_word_in(
                s,
                &[
                    "and", "but", "then", "so", "yet", "still", "also", "later", "now",
                ],
            )
        {
            s += 1;
        }
        let first = self.word(s)?;
        if matches!(first, "he" | "she" | "they" | "it" | "we" | "i") {
            return Some((s, s));
        }
        // "The Central Bank of Kenya": an article before a name is fine.
        let name_start = if first == "the" && s + 1 < limit && self.capitalised(s + 1) {
            s + 1
        } else {
            s
        };
        let mut end = name_start;
        while end + 1 < limit
            && (self.capitalised(end + 1)
                || (self.is_word_in(end + 1, &["de", "al", "van", "von", "le", "of"])
                    && end + 2 < limit
                    && self.capitalised(end + 2)))
        {
            end += 1;
        }
        // "Kenya's central bank": a name, then up to two lower-case words
        // ending in a source noun.
        for extra in [2, 1] {
            let tail = end + extra;
            if tail < limit
                && (end + 1..=tail).all(|i| self.word(i).is_some() && !self.capitalised(i))
                && self.is_word_in(tail, &SOURCE_NOUNS)
            {
                end = tail;
                break;
            }
        }
        let named = self.capitalised(name_start) && !NOT_NAMES.has(self.word(name_start)?);
        if named {
            return Some((s, end));
        }
        // "A spokeswoman for Janney also declined to comment, saying …".
        if DETERMINERS.has(first) {
            return self.np_forward(s, limit, false);
        }
        None
    }

    fn source_before_adjunct(&self, comma: usize, s: usize) -> Option<(usize, usize)> {
        let open = (comma.saturating_sub(12)..comma)
            .rev()
            .find(|&i| self.raw(i) == ",")?;
        if open <= s || !self.is_word_in(open + 1, &ADJUNCT_OPENERS) {
            return None;
        }
        let name_end = open - 1;
        if self.tokens[name_end].kind != Kind::Word {
            return None;
        }
        let start = self.np_start(name_end, s)?;
        Some((start, name_end))
    }

    fn appositive_source(&self, comma: usize, s: usize) -> Option<(usize, usize)> {
        let inner_end = comma.checked_sub(1)?;
        let inner_start = self.np_start(inner_end, s)?;
        let first = self.word(inner_start)?;
        let is_role = DETERMINERS.has(first)
            || SOURCE_NOUNS.has(first)
            || self.word(inner_end).is_some_and(|w| SOURCE_NOUNS.has(w));
        if !is_role || inner_start < s + 2 || self.raw(inner_start - 1) != "," {
            return None;
        }
        let name_end = inner_start - 2;
        if self.tokens[name_end].kind != Kind::Word || !self.capitalised(name_end) {
            return None;
        }
        let name_start = self.np_start(name_end, s)?;
        // "X, a lawyer at Trustees for Alaska, a nonprofit law firm, said":
        // what stands before the appositive is one too (see
        // `source_before_clause`).
        if self.is_word_in(name_start, &["a", "an", "the"])
            && name_start > s
            && self.raw(name_start - 1) == ","
        {
            return None;
        }
        Some((name_start, inner_end))
    }

    /// Walks back from the head word `end` over the noun phrase.
    fn np_start(&self, end: usize, s: usize) -> Option<usize> {
        let head = self.word(end)?;
        if PRONOUNS.has(head) {
            return Some(end);
        }
        if NP_STOPS.has(head)
            || DETERMINERS.has(head)
            || TIME_WORDS.has(head)
            || matches!(head, "of" | "by" | "for" | "at" | "like" | "via")
        {
            return None;
        }
        // A sentence-opening "But" or "After" is not a name.
        if end == s && NOT_NAMES.has(head) {
            return None;
        }
        // "six in 10 said", "nine in 10 say": survey shares.
        if head.chars().all(|c| c.is_ascii_digit())
            && end >= s + 2
            && self.word(end - 1) == Some("in")
            && self.word(end - 2).is_some()
        {
            return Some(end - 2);
        }
        let named = self.capitalised(end) || SOURCE_NOUNS.has(head);
        let mut start = end;
        while start > s {
            let i = start - 1;
            // "Sears, Roebuck and Co", "Standard and Poor's Corp", "S and
            // P": a company's name goes on over "and", "&" and commas.
            if self.company_joint(i, start, end, s) || self.names_joint(i, start, end, s) {
                start = i;
                continue;
            }
            let Some(w) = self.word(i) else { break };
            if self.region_of(i).is_some() || NP_STOPS.has(w) || PRONOUNS.has(w) {
                break;
            }
            if end - i >= 10 {
                break;
            }
            start = i;
            // "the Organization for the Prohibition of …" goes on past an
            // inner determiner.
            let inner =
                i > s + 1 && self.is_word_in(i - 1, &["of", "for"]) && self.capitalised(i - 2);
            if DETERMINERS.has(w) && !inner {
                break;
            }
        }
        // Any other head needs a determiner: "the ad’s narrator".
        let determined = self.is_word_in(start, &DETERMINERS)
            && start < end
            && !head.ends_with("ly")
            && !head.ends_with("ing");
        if !named && !determined {
            return None;
        }
        // "Critics in Ljubljana questioned": the phrase goes on before the
        // preposition.
        if start > s + 1
            && self.is_word_in(start - 1, &["in", "at", "from"])
            && self
                .word(start - 2)
                .is_some_and(|w| !NP_STOPS.has(w) && !PRONOUNS.has(w))
        {
            return self.np_start(start - 2, s);
        }
        // Never begin with a preposition or a sentence-opening adverb.
        while start < end && self.is_word_in(start, &["of", "for", "at", "like"]) {
            start += 1;
        }
        while start < end
            && !self.capitalised(start)
            && !DETERMINERS.has(self.word(start)?)
            && !self.plausible_modifier(start)
        {
            start += 1;
        }
        Some(start)
    }

    /// Whether token `i`, before the name `[start, end]`, joins two parts of
    /// one company's name: "and" or "&" between capitalised words of a name
    /// that ends like a company's or institution's ("Savings and Loan
    /// Association"), or a comma before such an "and" part ("Sears,
    /// Roebuck and Co"); also the letters of "S and P".
    fn company_joint(&self, i: usize, start: usize, end: usize, s: usize) -> bool {
        if i <= s || !self.capitalised(i - 1) || !self.capitalised(start) {
            return false;
        }
        let raw = self.raw(i);
        let head = self.word(end).unwrap_or("");
        let company = ORG_SUFFIXES.has(head)
            || (self.capitalised(end) && ORGANISATION_WORDS.has(head))
            || (self.raw(end).len() == 1 && self.raw(i - 1).len() == 1);
        if !company || self.region_of(i).is_some() {
            return false;
        }
        match raw {
            "and" | "&" => true,
            // Only before a part that itself holds "and": "Sears, Roebuck and
            // Co", not "Podesta, who …".
            "," => {
                end - start <= 4
                    && (start..end).any(|k| matches!(self.raw(k), "and" | "&"))
                    && self.word(i - 1).is_some_and(|w| !NP_STOPS.has(w))
            }
            _ => false,
        }
    }

    /// Whether token `i` is the "and" of two names that speak together:
    /// "Cummings and Nadler said", "Mr. Smith and Ms. Jones said". Both
    /// sides are capitalised names of a few words.
    fn names_joint(&self, i: usize, start: usize, end: usize, s: usize) -> bool {
        if i <= s || self.raw(i) != "and" || end - start > 3 {
            return false;
        }
        let name_word = |k: usize| {
            self.capitalised(k)
                && self
                    .word(k)
                    .is_some_and(|w| !NOT_NAMES.has(w) && !ROLE_HEADS.has(w))
        };
        if !(start..=end).all(name_word) || ORGANISATION_WORDS.has(self.word(end).unwrap_or("")) {
            return false;
        }
        // The other name: capitalised words back to the start of the
        // clause (a sentence start, a comma or a lower-case word).
        let mut k = i - 1;
        while k > s && name_word(k - 1) {
            k -= 1;
        }
        let opens = k == s || !self.capitalised(k - 1);
        name_word(i - 1)
            && i - k <= 3
            && opens
            && !self.is_word_in(k.saturating_sub(1), &["between"])
    }

    fn plausible_modifier(&self, i: usize) -> bool {
        let Some(w) = self.word(i) else { return false };
        !w.ends_with("ly") && !w.ends_with("ed") && !w.ends_with("ing") || SOURCE_NOUNS.has(w)
    }

    /// Whether most words of `[s, e)` are capitalised, as in a headline.
    fn title_case(&self, s: usize, e: usize) -> bool {
        let words: Vec<usize> = (s..e)
            .filter(|&i| self.word(i).is_some_and(|w| w.len() > 3))
            .collect();
        words.len() >= 4
            && words.iter().filter(|&&i| self.capitalised(i)).count() * 10 >= words.len() * 8
    }

    fn capitalised(&self, i: usize) -> bool {
        self.tokens[i].kind == Kind::Word
            && self.raw(i).chars().next().is_some_and(|c| c.is_uppercase())
    }

    fn is_adverb(&self, i: usize) -> bool {
        self.word(i)
            .is_some_and(|w| w.len() > 4 && w.ends_with("ly") && !self.capitalised(i))
    }

    /// The noun phrase after `cue_end` (inversion or "according to").
    fn source_after(&self, cue_end: usize, e: usize, appositive: bool) -> Option<(usize, usize)> {
        self.np_forward(cue_end + 1, e, appositive)
    }

    /// A source noun phrase that starts at `start`.
    fn np_forward(&self, start: usize, e: usize, appositive: bool) -> Option<(usize, usize)> {
        if start >= e || self.tokens[start].kind != Kind::Word {
            return None;
        }
        let first = self.word(start)?;
        if PRONOUNS.has(first) {
            return Some((start, start));
        }
        let mut end = start;
        let mut j = start;
        let role_like = |i: usize| {
            self.word(i)
                .is_some_and(|w| SOURCE_NOUNS.has(w) || ROLE_HEADS.has(w))
        };
        while j < e && j - start < 10 {
            let Some(w) = self.word(j) else { break };
            if j > start && (NP_STOPS.has(w) && w != "of") {
                break;
            }
            if j > start && ADJUNCT_OPENERS.has(w) && !self.capitalised(j) && w != "for" {
                break;
            }
            // Lower-case words must lead to a role noun: "the minister", "a
            // senior official", not "the event brought back memories".
            let lowercase = !self.capitalised(j) && !DETERMINERS.has(w);
            // … or to a name: "master of ceremonies Asab Al-Tabchi".
            let name_ahead = (j..j + 5)
                .take_while(|&k| self.word(k).is_some())
                .any(|k| self.capitalised(k) && k + 1 < e && self.capitalised(k + 1));
            if lowercase
                && !matches!(w, "of" | "for")
                && !name_ahead
                && !(j..j + 5)
                    .take_while(|&k| self.word(k).is_some())
                    .any(role_like)
            {
                break;
            }
            end = j;
            j += 1;
        }
        // Trim trailing prepositions: "the minister of".
        while end > start && self.is_word_in(end, &["of", "for", "the", "a", "an"]) {
            end -= 1;
        }
        let head = self.word(end)?;
        let ok = self.capitalised(end) || SOURCE_NOUNS.has(head);
        if !ok {
            return None;
        }
        // "said Brian Baker, a political adviser to …": the appositive is
        // part of the source, up to the end of the sentence.
        if appositive
            && self.raw(end + 1) == ","
            && self.is_word_in(end + 2, &["a", "an", "the", "who"])
        {
            let mut j = end + 2;
            while j + 1 < e
                && !matches!(self.raw(j + 1), "." | "!" | "?" | ";")
                && self.region_of(j + 1).is_none()
            {
                j += 1;
            }
            end = j;
        }
        Some((start, end))
    }

    /// An inverted attribution ("said Ayrault") follows a quotation or a
    /// comma, or opens a sentence after a colon.
    fn may_invert(&self, c: usize, s: usize) -> bool {
        c > s
            && matches!(
                self.raw(c - 1),
                "," | "”" | "\"" | "''" | "—" | "–" | "-" | "»"
            )
    }

    /// A quotation that ends right before `block_start` (over commas and
    /// dashes).
    fn quote_ending_before(&self, block_start: usize) -> Option<&QuoteRegion> {
        let mut j = block_start.checked_sub(1)?;
        while j > 0 && matches!(self.raw(j), "," | "—" | "–" | "-") {
            j -= 1;
        }
        self.regions.iter().find(|r| r.close == Some(j))
    }

    /// The content clause after a cue: skips "that", an object ("told
    /// reporters") and adjuncts ("on Tuesday", "in a statement").
    fn content_after(
        &self,
        c: usize,
        cue_end: usize,
        verb: &str,
        e: usize,
    ) -> Option<(usize, usize, bool)> {
        let mut a = cue_end + 1;
        let mut saw_that = false;
        // Look for an explicit "that" (or a colon or quotation) within the
        // next few words: everything before it is object or adjunct.
        let horizon = (a + 12).min(e);
        let mut j = a;
        while j < horizon {
            let raw = self.raw(j);
            // "that" after a preposition is a determiner: "to that conclusion".
            if self.word(j) == Some("that")
                && !(j > 0
                    && self.is_word_in(
                        j - 1,
                        &[
                            "to", "about", "of", "with", "for", "on", "in", "at", "by", "from",
                            "is", "was", "like",
                        ],
                    ))
            {
                a = j + 1;
                saw_that = true;
                break;
            }
            if raw == ":" {
                a = j + 1;
                break;
            }
            if self.regions.iter().any(|r| r.open == j) {
                a = j;
                break;
            }
            if matches!(raw, "." | ";") {
                break;
            }
            if raw == ","
                && self
                    .word(j + 1)
                    .is_some_and(|w| w.ends_with("ing") && CUE_VERBS.has(w))
            {
                return None;
            }
            j += 1;
        }
        if !saw_that && a == cue_end + 1 {
            // No marker: the content follows directly, unless an object or
            // adjunct comes first.
            if NEEDS_THAT.has(verb) {
                return None;
            }
            if OBJECT_VERBS.has(verb) && !verb.starts_with("accus") {
                // "told reporters …": without "that" the rest is usually not
                // the content.
                return None;
            }
            if self.is_word_in(a, &ADJUNCT_OPENERS) || matches!(self.raw(a), "," | "(") {
                return None;
            }
        }
        let quoted = self.regions.iter().any(|r| r.open + 1 == a || r.open == a);
        if self.is_word_in(c, &["called", "call", "calls", "calling"]) && !saw_that && !quoted {
            return None;
        }
        // The content stops where another attribution begins: "Podesta, who
        // said the project was vetted, said he was unaware", "X said …,
        // though Mrs. Fiorina said …".
        let e = self.next_attribution_start(a, e).unwrap_or(e);
        let (a, b) = self.trimmed(a, e)?;
        // Direct when the content is one quotation.
        if let Some(region) = self.regions.iter().find(|r| r.open + 1 == a) {
            let close = region.close.unwrap_or(self.tokens.len());
            if close > b {
                let last = close.checked_sub(1)?;
                return (a <= last).then_some((a, last, true));
            }
        }
        if b < a + 2 {
            return None;
        }
        Some((a, b, false))
    }

    /// Where a later attribution in `[a, e)` starts (its comma or
    /// conjunction), if one follows a comma or conjunction.
    fn next_attribution_start(&self, a: usize, e: usize) -> Option<usize> {
        for j in a + 2..e {
            let Some(w) = self.word(j) else { continue };
            if !CUE_VERBS.has(w) || self.capitalised(j) || self.region_of(j).is_some() {
                continue;
            }
            // "…, said he was unaware": the source was before the content.
            let mut k = j - 1;
            while k > a && self.is_word_in(k, &AUXILIARIES) {
                k -= 1;
            }
            if self.raw(k) == "," && !w.ends_with("ing") {
                return Some(k);
            }
            let Some((start, _)) = self.source_before(j, a) else {
                continue;
            };
            // "…, and Trump has denied any collusion": a second speaker.
            if start > a + 1
                && (self.raw(start - 1) == ","
                    || self.is_word_in(
                        start - 1,
                        &["though", "although", "but", "while", "whereas", "and"],
                    ))
            {
                let cut = start - 1;
                return Some(if cut > a && self.raw(cut - 1) == "," {
                    cut - 1
                } else {
                    cut
                });
            }
        }
        None
    }

    /// The content before an attribution block at the end of a sentence:
    /// "CONTENT, SOURCE said." Only when the block ends the sentence.
    fn content_before(
        &self,
        block_start: usize,
        block_end: usize,
        s: usize,
        e: usize,
    ) -> Option<(usize, usize)> {
        let mut after = block_end + 1;
        // Allow trailing adjuncts: "…, officials said on Tuesday."
        if after < e && self.is_word_in(after, &ADJUNCT_OPENERS) {
            while after < e && !matches!(self.raw(after), "." | "!" | "?" | "”") {
                after += 1;
            }
        }
        let ends_sentence = after >= e || matches!(self.raw(after), "." | "!" | "?" | ";");
        let mut comma = block_start.checked_sub(1)?;
        // "…, as police have said."
        if self.is_word_in(comma, &["as"]) && comma > s {
            comma -= 1;
        }
        if !matches!(self.raw(comma), "," | "—" | "–") {
            return None;
        }
        // "…, Nefzi said, adding, …": the participle starts a new attribution.
        // So does any participle after the attribution, which is the
        // reporter's, not the speaker's: "…, McConnell said, potentially
        // allowing Trump to sign the bill".
        let participle = |i: usize| {
            self.word(i)
                .is_some_and(|w| w.ends_with("ing") && w.len() > 4)
        };
        let participle_follows = self.raw(after) == ","
            && (participle(after + 1) || (self.is_adverb(after + 1) && participle(after + 2)));
        if !ends_sentence && !participle_follows {
            // "Acts of protest, Mr. Obama said, are acts of patriotism": the
            // attribution sits inside the content.
            if self.raw(after) == "," && comma > s + 1 {
                return self.trimmed(s, e).filter(|(a, b)| b >= &(a + 3));
            }
            return None;
        }
        let (a, b) = self.trimmed(s, comma)?;
        (b >= a + 2).then_some((a, b))
    }

    /// Token range `[a, b)` without leading and trailing punctuation and
    /// quote marks, as an inclusive pair.
    fn trimmed(&self, mut a: usize, mut b: usize) -> Option<(usize, usize)> {
        let trim = |t: &str| {
            matches!(
                t,
                "," | "."
                    | ":"
                    | ";"
                    | "—"
                    | "–"
                    | "-"
                    | "“"
                    | "”"
                    | "\""
                    | "''"
                    | "``"
                    | "("
                    | ")"
            )
        };
        while a < b && trim(self.raw(a)) {
            a += 1;
        }
        while b > a && trim(self.raw(b - 1)) {
            b -= 1;
        }
        (a < b).then(|| (a, b - 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (content, source, cue, direct) as text.
    fn read(body: &str) -> Vec<(String, Option<String>, Option<String>, bool)> {
        find_attributions(body)
            .into_iter()
            .map(|a| {
                (
                    a.content.text(body).to_string(),
                    a.source.map(|s| s.text(body).to_string()),
                    a.cue.map(|s| s.text(body).to_string()),
                    a.direct,
                )
            })
            .collect()
    }

    fn one(body: &str) -> (String, Option<String>, Option<String>, bool) {
        let found = read(body);
        assert_eq!(found.len(), 1, "{found:?}");
        found.into_iter().next().unwrap()
    }

    #[test]
    fn quote_then_name_and_verb() {
        let (content, source, cue, direct) = one("“We will not sign this text,” Kowalczyk said.");
        assert_eq!(content, "We will not sign this text,");
        assert_eq!(source.as_deref(), Some("Kowalczyk"));
        assert_eq!(cue.as_deref(), Some("said"));
        assert!(direct);
    }

    #[test]
    fn quote_then_verb_and_name() {
        let (content, source, _, _) =
            one("\"The talks are over,\" said Foreign Minister Anna Lindqvist.");
        assert_eq!(content, "The talks are over,");
        assert_eq!(source.as_deref(), Some("Foreign Minister Anna Lindqvist"));
    }

    #[test]
    fn name_colon_quote() {
        let (content, source, _, direct) = one("Ayrault said: “We are ready to act.”");
        assert_eq!(content, "We are ready to act.");
        assert_eq!(source.as_deref(), Some("Ayrault"));
        assert!(direct);
    }

    #[test]
    fn pronoun_with_added() {
        let (content, source, cue, _) = one("“We aren’t going to sit and do nothing,” he added.");
        assert_eq!(content, "We aren’t going to sit and do nothing,");
        assert_eq!(
            (source.as_deref(), cue.as_deref()),
            (Some("he"), Some("added"))
        );
    }

    #[test]
    fn quote_split_by_the_attribution() {
        let (content, source, _, _) = one("“We are ready,” she said, “and we will act.”");
        assert_eq!(content, "We are ready,” she said, “and we will act.");
        assert_eq!(source.as_deref(), Some("she"));
    }

    #[test]
    fn dash_then_role_and_told_reporters() {
        let (content, source, cue, _) = one("“It is over” — the minister told reporters.");
        assert_eq!(content, "It is over");
        assert_eq!(
            (source.as_deref(), cue.as_deref()),
            (Some("the minister"), Some("told"))
        );
    }

    #[test]
    fn reported_speech_with_and_without_that() {
        let (content, source, _, direct) = one("Okafor said that the plan would cost too much.");
        assert_eq!(content, "the plan would cost too much");
        assert_eq!(source.as_deref(), Some("Okafor"));
        assert!(!direct);
        let (content, _, _, _) = one("The minister said the plan would cost too much.");
        assert_eq!(content, "the plan would cost too much");
        let (content, source, cue, _) = one("Russia has said the findings cannot be used.");
        assert_eq!(
            (source.as_deref(), cue.as_deref()),
            (Some("Russia"), Some("said"))
        );
        assert_eq!(content, "the findings cannot be used");
    }

    #[test]
    fn adjuncts_and_objects_before_that() {
        let (content, source, cue, _) =
            one("Lindqvist told reporters on Tuesday that no deal was possible.");
        assert_eq!(content, "no deal was possible");
        assert_eq!(
            (source.as_deref(), cue.as_deref()),
            (Some("Lindqvist"), Some("told"))
        );
        assert!(read("Ayrault told reporters after a weekly cabinet meeting.").is_empty());
    }

    #[test]
    fn content_before_a_trailing_attribution() {
        let (content, source, _, direct) =
            one("A meeting will take place in the coming days in Paris, Ayrault said.");
        assert_eq!(
            content,
            "A meeting will take place in the coming days in Paris"
        );
        assert_eq!(source.as_deref(), Some("Ayrault"));
        assert!(!direct);
        let (_, source, _, _) = one("The deal is dead, officials said on Monday.");
        assert_eq!(source.as_deref(), Some("officials"));
    }

    #[test]
    fn according_to_before_and_after() {
        let (content, source, cue, _) =
            one("According to Lindqvist, the talks will resume in May.");
        assert_eq!(content, "the talks will resume in May");
        assert_eq!(
            (source.as_deref(), cue.as_deref()),
            (Some("Lindqvist"), Some("According to"))
        );
        let (content, source, _, _) = one("The talks will resume in May, according to the envoy.");
        assert_eq!(content, "The talks will resume in May");
        assert_eq!(source.as_deref(), Some("the envoy"));
    }

    #[test]
    fn according_to_long_sources() {
        let (content, source, _, _) = one(
            "Trump wrote to the chief executive, according to a copy of the letter reviewed by The Post.",
        );
        assert_eq!(
            source.as_deref(),
            Some("a copy of the letter reviewed by The Post")
        );
        assert_eq!(content, "Trump wrote to the chief executive");
        let (content, source, _, _) =
            one("It went unnoticed: According to recent polls, Trump holds only 14 percent.");
        assert_eq!(
            (content.as_str(), source.as_deref()),
            ("Trump holds only 14 percent", Some("recent polls"))
        );
    }

    #[test]
    fn appositive_role_between_commas() {
        let (_, source, _, _) =
            one("Ayrault, the foreign minister, said the vote would be held soon.");
        assert_eq!(source.as_deref(), Some("Ayrault, the foreign minister"));
    }

    #[test]
    fn auxiliaries_and_tenses() {
        let (_, source, _, _) =
            one("European diplomats have expressed concern that Assad may feel emboldened.");
        assert_eq!(source.as_deref(), Some("European diplomats"));
        let (_, source, cue, _) = one("The government denied that it had used the weapons.");
        assert_eq!(
            (source.as_deref(), cue.as_deref()),
            (Some("The government"), Some("denied"))
        );
        let (content, _, cue, _) = one("The ministry accused the rebels of shelling the town.");
        assert_eq!(cue.as_deref(), Some("accused"));
        assert_eq!(content, "the rebels of shelling the town");
    }

    #[test]
    fn a_quote_paragraph_continues_the_previous_speaker() {
        let body = "“The first part,” the minister said.\n“And the second part.”";
        let found = find_attributions(body);
        assert_eq!(found.len(), 2);
        assert_eq!(found[1].continues, Some(0));
        assert_eq!(found[1].content.text(body), "And the second part.");
    }

    #[test]
    fn newswire_conventions() {
        let (content, source, _, _) = one("''We must not overreact,'' he told reporters.");
        assert_eq!(
            (content.as_str(), source.as_deref()),
            ("We must not overreact,", Some("he"))
        );
        let (_, source, _, _) = one("\"We cannot have that,\" Rep. John Mica (R-Fla.) said.");
        assert_eq!(source.as_deref(), Some("Rep. John Mica (R-Fla.)"));
        let (content, _, _, _) = one("Acts of protest, Mr. Obama said, are acts of patriotism.");
        assert_eq!(
            content,
            "Acts of protest, Mr. Obama said, are acts of patriotism"
        );
        let (_, source, _, _) =
            one("Hillary Clinton, at a later press gaggle, said, “I’ve been briefed.”");
        assert_eq!(source.as_deref(), Some("Hillary Clinton"));
        let (_, source, _, _) = one(
            "The ad could start this week, said Brian Baker, a longtime adviser to the family.",
        );
        assert_eq!(
            source.as_deref(),
            Some("Brian Baker, a longtime adviser to the family")
        );
        let (_, source, _, _) =
            one("“If he thinks that,” the ad’s narrator says, “what does he think?”");
        assert_eq!(source.as_deref(), Some("the ad’s narrator"));
    }

    #[test]
    fn long_appositives_and_time_phrases() {
        let (_, source, _, _) = one(
            "Schiff, 56, who has served on the committee for a decade, told reporters that it is clear.",
        );
        assert_eq!(
            source.as_deref(),
            Some("Schiff, 56, who has served on the committee for a decade")
        );
        let (_, source, _, _) = one("Sanders on Tuesday said he wants to attack four provisions.");
        assert_eq!(source.as_deref(), Some("Sanders"));
        let (content, source, _, _) =
            one("It does not answer whether Scott had a gun, as police have said.");
        assert_eq!(
            (content.as_str(), source.as_deref()),
            ("It does not answer whether Scott had a gun", Some("police"))
        );
    }

    #[test]
    fn nouns_that_look_like_verbs_are_not_cues() {
        assert!(
            read("Several battleground states could be decisive in a close election.").is_empty()
        );
        assert!(
            read("He would consider it this week, the secretary of state said nothing.")
                .iter()
                .all(|(_, s, _, _)| s.as_deref() != Some("this week"))
        );
    }

    #[test]
    fn participles_take_the_subject_of_the_sentence() {
        let (content, source, cue, _) =
            one("Obama responded on Wednesday, saying his refusal was a manufactured issue.");
        assert_eq!(
            (source.as_deref(), cue.as_deref()),
            (Some("Obama"), Some("saying"))
        );
        assert_eq!(content, "his refusal was a manufactured issue");
    }

    #[test]
    fn a_second_quoted_sentence_continues_the_first() {
        let body = "“We cannot allow it,” Otieno told a news conference. “Households pay.”";
        let found = find_attributions(body);
        assert_eq!(found.len(), 1);
        assert_eq!(
            quote_text(body, found[0].content, None),
            "We cannot allow it … Households pay."
        );
    }

    #[test]
    fn participle_subjects_after_datelines_conjunctions_and_roles() {
        let (_, source, _, _) = one(
            "WASHINGTON — Sen. Bernie Sanders (I-Vt.) defended his call, saying the positives would outweigh the losses.",
        );
        assert_eq!(source.as_deref(), Some("Sen. Bernie Sanders"));
        let (_, source, _, _) = one(
            "A spokeswoman for Janney also declined to comment, saying that nobody involved remains.",
        );
        assert_eq!(source.as_deref(), Some("A spokeswoman for Janney"));
        let (_, source, _, _) =
            one("And then Trump went fully on the attack, saying the president should resign.");
        assert_eq!(source.as_deref(), Some("Trump"));
    }

    #[test]
    fn a_participle_after_an_attribution_speaks_for_its_source() {
        let found = read(
            "He left as soon as prayers were finished, Nefzi said, adding, \"He was not very religious.\"",
        );
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].0, "He left as soon as prayers were finished");
        assert_eq!(
            (found[1].1.as_deref(), found[1].2.as_deref()),
            (Some("Nefzi"), Some("adding"))
        );
    }

    #[test]
    fn role_then_name_between_commas_and_adverbs() {
        let (_, source, _, _) =
            one("A longtime official, Howard Ingram, said the committee gave him an award.");
        assert_eq!(
            source.as_deref(),
            Some("A longtime official, Howard Ingram")
        );
        let (_, source, _, _) = one("Carter however said he would welcome the network.");
        assert_eq!(source.as_deref(), Some("Carter"));
        let (_, source, _, _) =
            one("“It is a disgrace,” said former Massachusetts congressman Barney Frank.");
        assert_eq!(
            source.as_deref(),
            Some("former Massachusetts congressman Barney Frank")
        );
    }

    #[test]
    fn a_second_attribution_ends_the_first_content() {
        let found =
            read("Podesta, who said the project was vetted by counsel, said he was unaware of it.");
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].0, "the project was vetted by counsel");
        assert_eq!(
            (found[1].0.as_str(), found[1].1.as_deref()),
            (
                "he was unaware of it",
                Some("Podesta, who said the project was vetted by counsel")
            )
        );
        let found = read(
            "Other candidates said it was fair criticism, though Mrs. Fiorina said she doubted voters would care.",
        );
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].0, "it was fair criticism");
        assert_eq!(found[1].1.as_deref(), Some("Mrs. Fiorina"));
    }

    #[test]
    fn infinitives_handed_on_survey_shares_and_long_roles() {
        let (_, source, cue, _) = one("She went on to say that the comments were truthful.");
        assert_eq!(
            (source.as_deref(), cue.as_deref()),
            (Some("She"), Some("say"))
        );
        let (_, source, _, _) = one("But six in 10 said they want the next president to continue.");
        assert_eq!(source.as_deref(), Some("six in 10"));
        let (_, source, _, _) =
            one("“Thanks for welcoming them,” said master of ceremonies Asab Al-Tabchi.");
        assert_eq!(
            source.as_deref(),
            Some("master of ceremonies Asab Al-Tabchi")
        );
    }

    #[test]
    fn implausible_readings_are_dropped() {
        assert!(read("Mr. Trump's pointed critique of the plan startled his allies.").is_empty());
        assert!(read("She said of her conversation with the nominee.").is_empty());
        assert!(read("The economy kept growing, adding 151,000 jobs during the month.").is_empty());
    }

    #[test]
    fn headlines_in_title_case() {
        let (content, source, _, _) =
            one("Chris Christie Says He Would Issue A Quarantine Over Zika Virus");
        assert_eq!(
            (content.as_str(), source.as_deref()),
            (
                "He Would Issue A Quarantine Over Zika Virus",
                Some("Chris Christie")
            )
        );
    }

    #[test]
    fn quotations_signed_with_a_dash() {
        let (content, source, _, _) = one("“I’d rather live there than here.” ― Adriana Rodarte");
        assert_eq!(
            (content.as_str(), source.as_deref()),
            ("I’d rather live there than here.", Some("Adriana Rodarte"))
        );
    }

    #[test]
    fn a_quote_after_the_attribution_sentence() {
        let body = "She said. “When you call a product a miracle, people hope.”";
        let (content, source, _, direct) = one(body);
        assert_eq!(
            (content.as_str(), source.as_deref(), direct),
            (
                "When you call a product a miracle, people hope.",
                Some("She"),
                true
            )
        );
    }

    #[test]
    fn mentions_without_a_cue_are_not_quotes() {
        assert!(
            read("President Bashar al-Assad met Trump’s envoy in a “productive” meeting.")
                .is_empty()
        );
        assert!(read("It was said to be the largest market in the region.").is_empty());
        assert!(read("She found a job in Aleppo.").is_empty());
    }

    #[test]
    fn nouns_before_a_verb_are_not_cues() {
        let (_, source, cue, _) = one("Recent reports have revealed that a defector fled north.");
        assert_eq!(
            (source.as_deref(), cue.as_deref()),
            (Some("Recent reports"), Some("revealed"))
        );
    }

    #[test]
    fn a_ticker_in_parentheses_stays_with_its_company() {
        let (_, source, _, _) = one(
            "Albertsons Inc. (ABS.N: Quote, Profile, Research), the No. 2 US grocer, on Tuesday reported a drop in profit.",
        );
        assert_eq!(
            source.as_deref(),
            Some("Albertsons Inc. (ABS.N: Quote, Profile, Research), the No. 2 US grocer")
        );
    }

    #[test]
    fn told_takes_its_object_after_it() {
        let (content, source, _, _) = one(
            "President Donald Trump, when asked on Sunday if he was considering firing the counsel, told reporters, “No. I’m not.”",
        );
        assert_eq!(content, "No. I’m not.");
        assert!(source.unwrap().starts_with("President Donald Trump"));
    }

    #[test]
    fn a_quote_never_holds_its_own_attribution() {
        let (content, source, _, _) = one(
            "The Senate will vote on the bill on Tuesday, Senate Republican leader Mitch McConnell said, potentially allowing the president to sign it.",
        );
        assert_eq!(content, "The Senate will vote on the bill on Tuesday");
        assert_eq!(
            source.as_deref(),
            Some("Senate Republican leader Mitch McConnell")
        );
        let body = "Acts of protest, Mr. Obama said, are acts of patriotism.";
        let found = find_attributions(body);
        let attribution = found[0].source.zip(found[0].cue).map(|(s, c)| Span {
            start: s.start.min(c.start),
            end: s.end.max(c.end),
        });
        assert_eq!(
            quote_text(body, found[0].content, attribution),
            "Acts of protest … are acts of patriotism"
        );
    }

    #[test]
    fn negated_cues_say_nothing_and_a_second_speaker_ends_the_content() {
        assert!(read("The company has not announced any plans to change its prices.").is_empty());
        assert!(read("He never said that the plan would fail in the end.").is_empty());
        let found = read(
            "Mueller is investigating the claims, officials said, and the Kremlin has denied that it meddled in the vote.",
        );
        assert!(
            found
                .iter()
                .all(|(content, _, _, _)| !content.contains("Kremlin")),
            "{found:?}"
        );
    }

    #[test]
    fn quoted_words_inside_reported_speech_stay() {
        let body = "Officials were told not to use the words “vulnerable,” “entitlement” and “diversity” in documents, the newspaper said.";
        let found = find_attributions(body);
        let attribution = found[0].source.zip(found[0].cue).map(|(s, c)| Span {
            start: s.start.min(c.start),
            end: s.end.max(c.end),
        });
        let text = quote_text(body, found[0].content, attribution);
        assert!(text.contains("“entitlement” and “diversity”"), "{text}");
    }
}
