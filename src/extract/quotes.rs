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

use crate::extract::text::{is_capitals, title_cased, to_lower};
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

/// Participles that open the reporter's words after a reported clause:
/// what followed ("…, prompting a wave of …"), where the report came from
/// ("…, citing a source"), what it echoes ("…, mirroring …").
const REPORTERS_PARTICIPLES: [&str; 26] = [
    "prompting",
    "sparking",
    "triggering",
    "causing",
    "sending",
    "fuelling",
    "fueling",
    "reversing",
    "overturning",
    "marking",
    "escalating",
    "deepening",
    "intensifying",
    "heightening",
    "becoming",
    "citing",
    "following",
    "mirroring",
    "echoing",
    "underscoring",
    "underlining",
    "signalling",
    "signaling",
    "capping",
    "dealing",
    "defying",
];

/// Verbs that make a clause of the words before a quotation ("the move
/// was", "her party has supported"): finite forms of be, have and the
/// modals.
const FINITE_VERBS: [&str; 18] = [
    "is", "was", "are", "were", "has", "have", "had", "will", "would", "could", "should", "can",
    "may", "might", "must", "did", "does", "do",
];

impl Span {
    pub fn text<'a>(&self, body: &'a str) -> &'a str {
        &body[self.start..self.end]
    }
}

/// What kind of attribution a quote is. Only speech is a quote to a
/// reader: beliefs and findings are attributions too (news annotations such
/// as PolNeAR count them), so `newsdex extract` reports them, but they are
/// not indexed as quotes, never shown in quote marks, and make nobody a
/// speaker. See docs/NAMES.md.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// Said, told, wrote, argued, according to …: words someone uttered.
    #[default]
    Speech,
    /// Believes, thinks, knows, expects, hopes, fears: a state of mind
    /// the writer reports, not words.
    Belief,
    /// Shows, found, indicates: what a study, poll or test showed.
    Finding,
    /// Supports, opposes, defended, attacked, plans to, declined to: a
    /// position or intention taken, not words reported.
    Stance,
}

impl QuoteKind {
    /// The kind a cue verb gives its attribution.
    pub fn of_cue(verb: &str) -> QuoteKind {
        if BELIEF_VERBS.has(verb) {
            QuoteKind::Belief
        } else if FINDING_VERBS.has(verb) {
            QuoteKind::Finding
        } else if STANCE_VERBS.has(verb) || INTENT_VERBS.has(verb) {
            QuoteKind::Stance
        } else {
            QuoteKind::Speech
        }
    }
}

// States of mind: "X believes that …" reports no words.
word_set!(
    BELIEF_VERBS,
    [
        "believe", "believes", "believed", "think", "thinks", "thought", "hope", "hopes", "hoped",
        "fear", "fears", "feared", "worry", "worries", "worried", "expect", "expects", "expected",
        "know", "knows", "knew", "learn", "learned", "learnt", "feel", "feels", "felt", "want",
        "wants", "wanted",
    ]
);

// What shows things: "the poll shows Clinton ahead".
word_set!(
    EVIDENCE_NOUNS,
    [
        "poll",
        "polls",
        "survey",
        "surveys",
        "study",
        "studies",
        "data",
        "average",
        "transcript",
        "report",
        "analysis",
        "slide",
        "video",
        "footage",
        "records",
        "documents",
        "research",
        "figures",
        "numbers",
        "results",
        "chart",
        "census",
        "scan",
        "test",
        "tests",
        "evidence",
        "reports",
        "findings",
        "analyses",
        "estimates",
        "projections",
        "filings",
        "statistics",
        "polling",
        "emails",
    ]
);

// What evidence shows: "the poll shows that …", "a CT showed …".
word_set!(
    FINDING_VERBS,
    [
        "show",
        "shows",
        "showed",
        "shown",
        "find",
        "finds",
        "found",
        "indicate",
        "indicates",
        "indicated"
    ]
);

/// A quote of an article, as indexed and shown.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quote {
    /// What was said; for a quotation split by its attribution, the parts
    /// joined with " … ".
    pub text: String,
    /// Where it is in the body (bytes).
    pub content: Span,
    /// The spans that were said: `content` without an attribution inside
    /// it (“…,” she said, “…” is two).
    pub parts: Vec<Span>,
    pub direct: bool,
    pub kind: QuoteKind,
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
/// its [`quote_parts`] joined with " … ".
pub fn quote_text(body: &str, content: Span, attribution: Option<Span>) -> String {
    let parts: Vec<&str> = quote_parts(body, content, attribution)
        .iter()
        .map(|part| part.text(body))
        .collect();
    parts.join(" … ")
}

/// The spans of a content span that were said, without an attribution that
/// splits it: a quotation's (“…,” she said, “…”) or reported speech's
/// ("Acts of protest, Mr. Obama said, are acts of patriotism"). One span,
/// or two around the attribution.
pub fn quote_parts(body: &str, content: Span, attribution: Option<Span>) -> Vec<Span> {
    let trim_end = |start: usize, text: &str, chars: &[char]| Span {
        start,
        end: start + text.trim_end_matches(chars).len(),
    };
    let trim_start = |end: usize, text: &str, chars: &[char]| Span {
        start: end - text.trim_start_matches(chars).len(),
        end,
    };
    let inside = attribution.filter(|a| content.start < a.start && a.end < content.end);
    if let Some(inside) = inside {
        let separators = [',', ' ', '—', '–'];
        let before = trim_end(
            content.start,
            &body[content.start..inside.start],
            &separators,
        );
        let after = trim_start(content.end, &body[inside.end..content.end], &separators);
        if before.start < before.end
            && after.start < after.end
            && !before.text(body).ends_with(['”', '"'])
        {
            return vec![before, after];
        }
    }
    let text = content.text(body);
    // A quotation split by its attribution (“…,” she said, “…”): the
    // attribution between the marks goes. Quoted words inside reported
    // speech (banned “vulnerable,” “entitlement” …) stay as they are.
    // The first part ends at the first closing mark, the second opens at
    // the first opening one after the last closing mark (a title quoted in
    // the attribution, `… said on NBC's "Today" program. "…`, is passed).
    // A quotation of several paragraphs reopens at each (`… round. "I felt
    // good …," said Holmes. "It was … "The …`): those marks close nothing,
    // and every paragraph is said.
    let marks: Vec<(usize, bool)> = text
        .char_indices()
        .filter(|&(_, c)| matches!(c, '“' | '”' | '"'))
        .map(|(at, c)| {
            let next = text[at + c.len_utf8()..].chars().next();
            let opens = c == '“'
                || c == '"'
                    && next.is_some_and(|n| {
                        !n.is_whitespace() && !matches!(n, ',' | '.' | ';' | ':' | '!' | '?' | ')')
                    });
            (at, opens)
        })
        .collect();
    let close = marks.iter().position(|&(_, opens)| !opens);
    let last_close = marks.iter().rposition(|&(_, opens)| !opens);
    let open = last_close.and_then(|c| marks[c + 1..].iter().find(|&&(_, opens)| opens));
    if let (Some(close_mark), Some(&(open, _))) = (close, open)
        && (attribution.is_none() || inside.is_some())
    {
        let close = marks[close_mark].0;
        // Reported speech that quotes its last words (`She retired, an
        // "instant decision" she said, "…`) keeps the mark that closes them
        // (a mark after a full stop reopens a quotation instead).
        let quotes_words = marks[..close_mark]
            .iter()
            .any(|&(at, opens)| opens && !text[..at].trim_end().ends_with(['.', '!', '?']));
        let before = if quotes_words {
            let mark = text[close..].chars().next().map_or(0, char::len_utf8);
            Span {
                start: content.start,
                end: content.start + close + mark,
            }
        } else {
            trim_end(content.start, &text[..close], &[',', ' '])
        };
        let after = trim_start(content.end, &text[open..], &['“', '"']);
        let after = trim_end(after.start, after.text(body), &[',', ' ']);
        return vec![before, after];
    }
    vec![trim_end(content.start, text, &[',', ' '])]
}

/// One attribution found in a body.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribution {
    /// What was said.
    pub content: Span,
    /// A direct quotation (in quote marks) rather than reported speech.
    pub direct: bool,
    pub kind: QuoteKind,
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

// Speech acts whose content is a commitment in an infinitive: "vowed to
// fight on", "promised to end the programme".
word_set!(
    TO_COMPLEMENT_VERBS,
    [
        // "agreed to …" commits; "agreed that …" says.
        "agree",
        "agrees",
        "agreed",
        "vow",
        "vows",
        "vowed",
        "vowing",
        "promise",
        "promises",
        "promised",
        "promising",
        "pledge",
        "pledges",
        "pledged",
        "pledging",
        "threaten",
        "threatens",
        "threatened",
        "threatening",
    ]
);

// Speech acts whose content is their object and an infinitive: "urged
// Congress to act", "asked voters to stay home", "called on X to resign".
// (Most of them also take an object and a clause, "told reporters he
// would stay": that frame is `OBJECT_VERBS`; a verb in both reads either.)
word_set!(
    OBJECT_TO_VERBS,
    [
        "urge", "urges", "urged", "urging", "ask", "asks", "asked", "asking", "tell", "tells",
        "told", "telling", "warn", "warns", "warned", "warning", "implore", "implored",
    ]
);

// Speech acts whose content is a noun phrase: "cited rising costs",
// "praised the deal", "condemned the attack", "called for a ban",
// "accused him of lying".
word_set!(
    NP_COMPLEMENT_VERBS,
    [
        "cite",
        "cites",
        "cited",
        "citing",
        "criticize",
        "criticizes",
        "criticized",
        "criticizing",
        "criticise",
        "criticises",
        "criticised",
        "criticising",
        "praise",
        "praises",
        "praised",
        "praising",
        "condemn",
        "condemns",
        "condemned",
        "condemning",
        "denounce",
        "denounces",
        "denounced",
        "denouncing",
        "reject",
        "rejects",
        "rejected",
        "rejecting",
        "propose",
        "proposes",
        "proposed",
        "proposing",
        "demand",
        "demands",
        "demanded",
        "demanding",
        "blasted",
        "slammed",
        // (Praise and blame said out loud: "hailed the news as a
        // “victory”", "decried the cuts", "mocked his rival"; a reader
        // takes these as things said, not a position held. Not the forms
        // that are nouns or other verbs too: "hail", "mock", "hailing
        // from", "video game blasting", "slamming the door".)
        "slams",
        "blasts",
        "decry",
        "decries",
        "decried",
        "decrying",
        "lament",
        "laments",
        "lamented",
        "lamenting",
        "hails",
        "hailed",
        "applaud",
        "applauds",
        "applauded",
        "applauding",
        "mocks",
        "mocked",
        "accuse",
        "accuses",
        "accused",
        "accusing",
    ]
);

// Capitals before a colon that label no speaker: "UPDATE:", "EDITOR'S
// NOTE:", "WATCH:", "READ MORE:".
word_set!(
    NOT_SPEAKER_LABELS,
    [
        "update",
        "updated",
        "note",
        "editor",
        "editors",
        "watch",
        "video",
        "photo",
        "photos",
        "read",
        "more",
        "related",
        "see",
        "also",
        "exclusive",
        "breaking",
        "analysis",
        "opinion",
        "review",
        "editorial",
        "live",
        "factbox",
        "explainer",
        "timeline",
        "poll",
        "q",
        "a",
        "source",
        "sources",
        "credit",
        "image",
        "caption",
        "listen",
        "subscribe",
        "share",
        "tags",
        "topics",
        "advertisement",
        "correction",
        "clarification",
        "warning",
        "disclaimer",
        "summary",
        "key",
        "points",
        "contact",
        "email",
        "phone",
        "tel",
        "fax",
        "by",
        "posted",
        "published",
        "filed",
        "date",
        "location",
        "where",
        "when",
        "what",
        "why",
        "how",
        "who",
        "step",
        "tip",
        "tips",
        "chapter",
        "part",
        "day",
        "week",
        "question",
        "answer",
        "name",
        "age",
        "job",
        "example",
        "fact",
        "facts",
        "figure",
        "table",
        "notes",
        "cnn",
        "bbc",
        "ap",
        "afp",
        "reuters",
        "upi",
        "dpa",
        "pti",
        "ians",
        "ani",
        "xinhua",
        "urgent",
        "flash",
        "bulletin",
        "alert",
        "now",
        "next",
        "previous",
        "top",
        "story",
        "stories",
        "index",
        "menu",
        "home",
        "news",
        "sport",
        "sports",
        "weather",
        "business",
        "world",
        "us",
        "uk",
        "politics",
        "health",
        "science",
        "tech",
        "technology",
        "entertainment",
        "rating",
        "ratings",
        "verdict",
        "price",
        "prices",
        "total",
        "result",
        "results",
        "score",
        "scores",
        "the",
        "and",
        "or",
        "of",
        "in",
        "for",
        "to",
        "on",
        "at",
        "with",
    ]
);

// Words that open what may follow "…,” he said" besides the usual
// adjuncts: "said of the plan", "said about all the activity", "said
// aboard his plane", "said 30 minutes into the debate".
word_set!(
    TRAILING_ADJUNCT_OPENERS,
    [
        "of",
        "about",
        "aboard",
        "into",
        "outside",
        "inside",
        "near",
        "following",
        "ahead",
        "amid",
        "as",
        "when",
        "while",
        "then",
        "there",
        "afterward",
        "afterwards",
    ]
);

word_set!(
    NUMBER_WORDS,
    [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "hundred",
        "hundreds",
        "thousands",
        "dozens",
        "several",
        "many",
        "few",
    ]
);

/// Every word that may be a cue, in one set: the first test of every token.
/// Verbs that give someone or something a name: "called the plan a
/// disgrace", "branded the scheme a waste", "derides the media as …".
/// ("brands", "dubs", "labels" are nouns as often: left out.)
const NAMING_VERBS: [&str; 10] = [
    "called", "calls", "call", "calling", "branded", "dubbed", "labelled", "labeled", "derided",
    "derides",
];

/// Where something is said or asked: "in a letter", "in a statement".
const MEDIUM_NOUNS: [&str; 16] = [
    "letter",
    "statement",
    "tweet",
    "interview",
    "speech",
    "post",
    "email",
    "memo",
    "video",
    "blog",
    "column",
    "release",
    "conference",
    "briefing",
    "message",
    "filing",
];

/// What a name heads as the one told something: "told BBC One's Breakfast
/// programme", "told the Guardian newspaper".
const AUDIENCE_NOUNS: [&str; 12] = [
    "programme",
    "program",
    "show",
    "newspaper",
    "paper",
    "radio",
    "television",
    "channel",
    "station",
    "magazine",
    "podcast",
    "website",
];

static ANY_CUE: std::sync::LazyLock<crate::extract::lexicon::Filtered> =
    std::sync::LazyLock::new(|| {
        [
            &CUE_VERBS,
            &TO_COMPLEMENT_VERBS,
            &OBJECT_TO_VERBS,
            &NP_COMPLEMENT_VERBS,
            &STANCE_VERBS,
            &INTENT_VERBS,
        ]
        .into_iter()
        .flat_map(|set| set.words())
        .collect()
    });

// Claims made nouns: "Trump's claim that …", "Clinton's warning that …".
word_set!(
    CLAIM_NOUNS,
    [
        "claim",
        "claims",
        "assertion",
        "assertions",
        "argument",
        "insistence",
        "suggestion",
        "warning",
        "promise",
        "pledge",
        "accusation",
        "allegation",
        "allegations",
        "charge",
        "contention",
        "prediction",
        "vow",
        "boast",
    ]
);

/// A speech act with its own complement frame (see the sets above).
/// "46-year-old": an age, which stands for a person ("said the
/// 46-year-old").
fn is_age(word: &str) -> bool {
    word.strip_suffix("-year-old")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

fn is_frame_verb(verb: &str) -> bool {
    TO_COMPLEMENT_VERBS.has(verb)
        || OBJECT_TO_VERBS.has(verb)
        || NP_COMPLEMENT_VERBS.has(verb)
        || STANCE_VERBS.has(verb)
        || INTENT_VERBS.has(verb)
}

// Positions taken on something (their own kind, see `QuoteKind::Stance`):
// "supports the bill", "defended his tweets", "blamed the bank".
word_set!(
    STANCE_VERBS,
    [
        // ("Trump, who endorsed Moore": a position taken, as supported
        // is; the hand reads called it so every time.)
        "endorse",
        "endorses",
        "endorsed",
        "endorsing",
        "supported",
        "oppose",
        "opposes",
        "opposed",
        "opposing",
        "defend",
        "defends",
        "defended",
        "defending",
        "blame",
        "blames",
        "blamed",
        "blaming",
        "dismiss",
        "dismisses",
        "dismissed",
        "dismissing",
    ]
);

// Intentions in an infinitive (`QuoteKind::Stance` too): "plans to run",
// "sought to delay", "declined to comment", "refused to say".
word_set!(
    INTENT_VERBS,
    [
        "sought",
        "refuse",
        "refuses",
        "refused",
        "refusing",
        "decline",
        "declines",
        "declined",
        "declining",
        "intend",
        "intends",
        "intended",
        "hope",
        "hopes",
        "hoped",
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

// Participles of saying that, after a comma, start an attribution of their
// own: "defended the plan, saying it would work".
word_set!(
    SPEECH_PARTICIPLES,
    [
        "saying",
        "adding",
        "noting",
        "telling",
        "arguing",
        "calling",
        "warning",
        "insisting",
        "claiming",
        "explaining",
        "writing",
        "asking",
        "urging",
        "declaring",
        "stating",
    ]
);

/// A quoted headline, a dash and who published it when: a line of a list
/// of sources.
fn is_citation(paragraph: &str) -> bool {
    let text = paragraph.trim_start();
    let Some(rest) = text.strip_prefix(['“', '"']) else {
        return false;
    };
    let Some((close, mark)) = rest.char_indices().find(|&(_, c)| matches!(c, '”' | '"')) else {
        return false;
    };
    let after = rest[close + mark.len_utf8()..].trim_start();
    after.starts_with(['—', '–', '-'])
        && after.len() < 120
        && after
            .split(|c: char| !c.is_ascii_digit())
            .any(|n| n.len() == 4 && (n.starts_with("19") || n.starts_with("20")))
}

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
    // "He said:" ending a paragraph: the quotation is the next one.
    let mut announced: Option<(Span, Span)> = None;
    let turn_labels = transcript_labels(body);
    let interview = is_interview(body);
    // In an interview, the "A" and colon of the answer under way: its
    // next paragraphs, up to a question, are the interviewee's too.
    let mut answering: Option<(Span, Span)> = None;
    for line in body.split_inclusive('\n') {
        let paragraph_start = offset;
        offset += line.len();
        let paragraph = line.trim_end();
        if paragraph.trim().is_empty() {
            continue;
        }
        let before = found.len();
        let reader = Paragraph::new(paragraph, paragraph_start);
        if let Some((source, cue)) = announced.take()
            && let Some(content) = reader.opening_quotation()
        {
            found.push(Attribution {
                content,
                direct: true,
                kind: QuoteKind::Speech,
                cue: Some(cue),
                source: Some(source),
                continues: None,
            });
        }
        let before_own = found.len();
        reader.attributions(&mut found);
        if found.len() == before_own {
            announced = reader.announcement();
        }
        // A turn of a transcript holds whatever else it reports ("FALLIN:
        // Well, I think the whole nation …"): the turn first, then those.
        if before_own == before {
            let mut turn = Vec::new();
            reader.transcript_turn(&mut turn, &turn_labels);
            if interview {
                if paragraph.starts_with('Q') {
                    answering = None;
                }
                let answers = turn.len();
                reader.interview_answer(&mut turn);
                if let Some(answer) = turn.get(answers) {
                    answering = answer.source.zip(answer.cue);
                } else if let Some((source, cue)) = answering
                    // (One with records of its own keeps them: "I suggest
                    // …" is the interviewee's by its "I".)
                    && found.len() == before_own
                    && let Some((a, b)) = reader.trimmed(0, reader.tokens.len())
                {
                    turn.push(Attribution {
                        content: reader.span(a, b),
                        direct: true,
                        kind: QuoteKind::Speech,
                        cue: Some(cue),
                        source: Some(source),
                        continues: None,
                    });
                }
            }
            found.splice(before..before, turn);
        }
        // A headline kept as the body's first line ("Sanders: Clinton needs
        // to …") when the article goes on to name that speaker.
        if found.is_empty()
            && body[..paragraph_start].trim().is_empty()
            && paragraph.len() < 200
            && let Some(mut labelled) = labelled_headline(paragraph, |label| {
                let surname = label.split_whitespace().last().unwrap_or(label);
                !label
                    .split_whitespace()
                    .any(|w| NOT_SPEAKER_LABELS.has(&to_lower(w)))
                    && body[offset..].contains(surname)
            })
        {
            for span in [
                Some(&mut labelled.content),
                labelled.cue.as_mut(),
                labelled.source.as_mut(),
            ]
            .into_iter()
            .flatten()
            {
                span.start += paragraph_start;
                span.end += paragraph_start;
            }
            found.push(labelled);
        }
        if found.len() == before {
            reader.signed_quotes(&mut found);
        }
        reader.labelled_quotations(&mut found, before);
        reader.capitals_labelled_quotations(&mut found, before);
        if found.len() == before {
            reader.continuation(&mut found);
            // A quotation left open at its paragraph's end and reopened in
            // this one (“… champion. ⏎ “I …”, the British style) is one
            // quotation going on: the record before grows to hold it.
            if found.len() == before + 1
                && before > 0
                && found[before].continues.is_some()
                && found[before - 1].direct
            {
                let gap: String = body[found[before - 1].content.end..found[before].content.start]
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .collect();
                if matches!(gap.as_str(), "“" | "\"" | "‘") {
                    found[before - 1].content.end = found[before].content.end;
                    found.pop();
                }
            }
        }
        reader.opening_continuation(&mut found, before, body);
        // A line of a source list ("“Document found on street not secret,
        // say feds” — The Canadian Press, August 15, 2008") cites a
        // headline; nobody says anything in it.
        if is_citation(paragraph) {
            found.truncate(before);
            announced = None;
        }
        all_tokens.extend(reader.tokens.iter().map(|t| Tok {
            start: t.start + paragraph_start,
            end: t.end + paragraph_start,
            kind: t.kind,
        }));
    }
    let posts = posted_statements(body);
    if !posts.is_empty() {
        found = without_overlapping(found, &posts);
        found.extend(posts);
    }
    (without_repeats(found), all_tokens)
}

/// A list of posts copied from an account, as wire factboxes print them:
/// "The following statements were posted to the verified Twitter accounts
/// of U.S. President Donald Trump, @realDonaldTrump and @POTUS. …
/// @realDonaldTrump : - Vanity Fair, which looks like … ! [1024 EST] - Was
/// … [0745 EST] -- Source link: …". Each "- … [time]" item is the account
/// holder's, word for word.
fn posted_statements(body: &str) -> Vec<Attribution> {
    let mut posts = Vec::new();
    let Some(intro) = memchr::memmem::find(body.as_bytes(), b"were posted to the verified") else {
        return posts;
    };
    let cue_start = intro + "were ".len();
    let cue = Span {
        start: cue_start,
        end: cue_start + "posted".len(),
    };
    // The holder: "of U.S. President Donald Trump," up to the comma.
    let Some(of) = body[intro..]
        .find(" of ")
        .map(|at| intro + at + " of ".len())
        .filter(|&at| at - intro < 80)
    else {
        return posts;
    };
    // (A dot after a capital is an abbreviation's: "U.S. President …";
    // the sentence ends at "Trump. ".)
    let sentence_end = body[of..]
        .match_indices(". ")
        .map(|(at, _)| at)
        .find(|&at| body[of..of + at].ends_with(|c: char| c.is_lowercase()));
    let Some(holder_end) = [body[of..].find(','), sentence_end]
        .into_iter()
        .flatten()
        .min()
        .map(|at| of + at)
        .filter(|&end| end - of < 80)
    else {
        return posts;
    };
    let source = Span {
        start: of,
        end: holder_end,
    };
    let mut from = holder_end;
    // Each item opens at the first " - " after the last one's time and
    // ends at its own time, "[0745 EST]".
    while let Some(opener) = body[from..].find(" - ").map(|at| from + at + " - ".len()) {
        let Some((time_start, time_end)) = post_time(body, opener) else {
            break;
        };
        let text = body[opener..time_start].trim_end();
        if !text.is_empty() {
            posts.push(Attribution {
                content: Span {
                    start: opener,
                    end: opener + text.len(),
                },
                direct: true,
                kind: QuoteKind::Speech,
                cue: Some(cue),
                source: Some(source),
                continues: None,
            });
        }
        from = time_end;
    }
    posts
}

/// The next "[0745 EST]" (or "[1024 ET]", "[2130 EDT]") from `from`: where
/// it starts and ends.
fn post_time(body: &str, from: usize) -> Option<(usize, usize)> {
    let mut at = from;
    while let Some(open) = body[at..].find('[').map(|k| at + k) {
        let rest = &body[open + 1..];
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let zone = rest[digits..]
            .strip_prefix(' ')
            .and_then(|z| ["EST]", "ET]", "EDT]"].iter().find(|t| z.starts_with(**t)));
        if (3..=4).contains(&digits)
            && let Some(zone) = zone
        {
            return Some((open, open + 1 + digits + 1 + zone.len()));
        }
        at = open + 1;
    }
    None
}

/// `found` without the attributions whose content lies inside one of
/// `posts` (a cue inside a post is the post's words), continuations kept
/// pointing at their roots.
fn without_overlapping(found: Vec<Attribution>, posts: &[Attribution]) -> Vec<Attribution> {
    let inside = |a: &Attribution| {
        posts
            .iter()
            .any(|p| p.content.start < a.content.end && a.content.start < p.content.end)
    };
    let mut new_index = Vec::with_capacity(found.len());
    let mut kept = 0;
    for a in &found {
        new_index.push((!inside(a)).then_some(kept));
        if !inside(a) {
            kept += 1;
        }
    }
    found
        .into_iter()
        .enumerate()
        .filter(|(i, _)| new_index[*i].is_some())
        .map(|(_, mut a)| {
            a.continues = a.continues.and_then(|root| new_index[root]);
            a
        })
        .collect()
}

/// "Chris Matthews: Seriously, …" → "Chris Matthews": a paragraph's
/// opening label when it is a name as written (one to three capitalised
/// words before a colon and a space), not a heading word ("Update:",
/// "Answer:").
fn name_label(paragraph: &str) -> Option<&str> {
    let paragraph = paragraph.trim_start_matches(['"', '“', ' ']);
    let colon = memchr::memmem::find(paragraph.as_bytes(), b": ")?;
    let label = &paragraph[..colon];
    let words: Vec<&str> = label.split(' ').collect();
    let name_word = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
    };
    // (Nor a form's field, "Name: Gabrielle Hatcher", nor a verb of the
    // narration, "Continued Stone: …".)
    let heading = words
        .iter()
        .any(|w| NOT_SPEAKER_LABELS.has(&to_lower(w.trim_end_matches('.'))))
        || words
            .first()
            .is_some_and(|w| ANY_CUE.contains(&to_lower(w)));
    (!words.is_empty() && words.len() <= 3 && words.iter().all(|w| name_word(w)) && !heading)
        .then_some(label)
}

/// Whether a label names a person by what it opens with: a given name
/// ("Chris Matthews") or an honorific ("Mr Hadi", "Sen. Warren").
fn personal_label(label: &str) -> bool {
    let first = label.split(' ').next().unwrap_or("");
    crate::extract::lexicon::given_name(first).is_some()
        || [
            "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "prof", "sir", "dame",
        ]
        .iter()
        .any(|h| first.trim_end_matches('.').eq_ignore_ascii_case(h))
}

/// Whether a label's last word is a name rather than an English word:
/// "Matthews", "Bialik", "HuffPollster", not "Brew", "Developers",
/// "Travel" (a product's or a list's label). The price: a name that is also
/// a word ("Bush", "Stone") labels no turn.
fn surname_label(label: &str) -> bool {
    let last = label.rsplit(' ').next().unwrap_or(label);
    !crate::gazetteer::Gazetteer::embedded().is_english_word(&to_lower(last))
}

/// The labels of a transcript's turns ("Chris Matthews: …", "Luciana
/// Lopez: …", "Matthews: …"), when `body` is one: paragraphs open with a
/// person's name and a colon, two at least, and someone speaks twice. A
/// label is a person's when it opens with a given name or an honorific,
/// or is the surname of one who was. (Lists labelled with words, "Pros:",
/// "Cost:", "Subs Not Used:", and headings that each name someone else,
/// "Jeb Bush: Student loans", are no conversation.)
fn transcript_labels(body: &str) -> Vec<&str> {
    let labels: Vec<&str> = body
        .lines()
        .filter_map(name_label)
        .filter(|l| surname_label(l))
        .collect();
    let surname = |label: &str| label.rsplit(' ').next().unwrap_or(label).to_string();
    let people: Vec<String> = labels
        .iter()
        .filter(|l| personal_label(l))
        .map(|l| surname(l))
        .collect();
    let turns: Vec<&str> = labels
        .into_iter()
        .filter(|l| people.contains(&surname(l)))
        .collect();
    let speaks_twice = turns
        .iter()
        .enumerate()
        .any(|(i, a)| turns[i + 1..].iter().any(|b| surname(a) == surname(b)));
    if turns.len() >= 2 && speaks_twice {
        turns
    } else {
        Vec::new()
    }
}

/// Whether `body` is an interview printed as questions and answers: two
/// paragraphs at least open with "A: " (the questions' "Q:" is sometimes
/// lost in the copy: "QThere's no shortage …"), and the introduction says
/// someone was interviewed ("spoke with", "sat down with", "Q&A",
/// "Questions and answers have been edited"). A shop's or a writer's FAQ
/// answers in the writer's own voice.
pub fn is_interview(body: &str) -> bool {
    let Some(first_answer) = memchr::memmem::find(body.as_bytes(), b"\nA: ") else {
        return false;
    };
    let first_turn = body[..first_answer].find("\nQ").unwrap_or(first_answer);
    // (The paragraphs just before the first question: "as we've talked
    // about in every review" far up a buying guide introduces nothing.)
    let mut from = first_turn.saturating_sub(800);
    while !body.is_char_boundary(from) {
        from += 1;
    }
    let intro = body[from..first_turn].to_lowercase();
    let said_so = [
        "interview",
        "spoke with",
        "spoke to",
        "spoke about",
        "sat down with",
        "talked with",
        "talked to",
        "q&a",
        "questions and answers",
        "conversation with",
        "chatted with",
    ]
    .iter()
    .any(|cue| intro.contains(cue));
    said_so
        && body
            .lines()
            .filter(|l| l.starts_with("A: "))
            .take(2)
            .count()
            == 2
}

/// The attributions without a second reading of the same words by the same
/// source (two cues found for one quotation), continuations pointing at
/// the first.
fn without_repeats(found: Vec<Attribution>) -> Vec<Attribution> {
    let mut first_of: Vec<usize> = Vec::with_capacity(found.len());
    for (i, a) in found.iter().enumerate() {
        let first = found[..i]
            .iter()
            .position(|b| b.content == a.content && b.source == a.source)
            .unwrap_or(i);
        first_of.push(first);
    }
    if first_of.iter().enumerate().all(|(i, &f)| f == i) {
        return found;
    }
    let mut new_index = vec![0; found.len()];
    let mut kept = 0;
    for i in 0..found.len() {
        if first_of[i] == i {
            new_index[i] = kept;
            kept += 1;
        } else {
            new_index[i] = new_index[first_of[i]];
        }
    }
    found
        .into_iter()
        .enumerate()
        .filter(|&(i, _)| first_of[i] == i)
        .map(|(_, mut a)| {
            a.continues = a.continues.map(|root| new_index[first_of[root]]);
            a
        })
        .collect()
}

/// "Sanders: Clinton needs to 'get away from all of this'": a headline
/// that gives a claim to the name before its colon, when `is_speaker`
/// says the article quotes that name (so "Poll: …" and "Syria: …" stay
/// labels).
pub fn labelled_headline(title: &str, is_speaker: impl Fn(&str) -> bool) -> Option<Attribution> {
    let (label, rest) = title.split_once(':')?;
    let label = label.trim();
    let words = label.split_whitespace().count();
    let capitalised = label
        .split_whitespace()
        .all(|w| w.starts_with(char::is_uppercase));
    // "Kasich: ‘We Are Going To Go All The Way …’", "CNN President On
    // Trump: ‘We Do Not Pay …’": a quotation after the colon is the
    // label's words, whoever the body quotes.
    let quoted = rest.trim_start().starts_with(['‘', '“', '"', '\''])
        && label.starts_with(char::is_uppercase)
        && (words != 1 || label.chars().any(char::is_lowercase))
        && (1..=8).contains(&words);
    if !quoted && (!(1..=3).contains(&words) || !capitalised || !is_speaker(label)) {
        return None;
    }
    // ("Both want it destroyed. Clinton: “…”": a sentence ends inside, so
    // this is no headline's label.)
    if label
        .split_whitespace()
        .any(|w| w.ends_with('.') && w.starts_with(char::is_lowercase))
    {
        return None;
    }
    let rest_start = label.len() + title[label.len()..].find(':')? + 1;
    let content_start = rest_start + (rest.len() - rest.trim_start().len());
    let content_end = title.trim_end_matches(['.', ' ']).len();
    if content_start >= content_end || rest.split_whitespace().count() < 3 {
        return None;
    }
    let label_start = title.len() - title.trim_start().len();
    let colon = label_start + label.len() + title[label_start + label.len()..].find(':')?;
    Some(Attribution {
        content: Span {
            start: content_start,
            end: content_end,
        },
        direct: false,
        kind: QuoteKind::Speech,
        cue: Some(Span {
            start: colon,
            end: colon + 1,
        }),
        source: Some(Span {
            start: label_start,
            end: label_start + label.len(),
        }),
        continues: None,
    })
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
            // (Except the owner of a claim: "Trump's claim that …".)
            let claim = attribution
                .cue
                .filter(|cue| cue.start >= self.base && cue.end - self.base <= self.text.len())
                .is_some_and(|cue| {
                    // ("Trump's claim that …"; not "McConnell's promise to
                    // Collins", a noun and its object.)
                    CLAIM_NOUNS.has(&to_lower(body_text(cue)))
                        && self.text[cue.end - self.base..]
                            .trim_start()
                            .starts_with("that ")
                });
            // ("Moody's said", "McDonald's says": a firm named so, right
            // before its verb; a possessive has its noun after it.)
            let said = attribution.cue.is_some_and(|cue| {
                let verb = to_lower(body_text(cue));
                CUE_VERBS.has(&verb)
                    && (verb.ends_with("ed")
                        || verb.ends_with('s')
                        || matches!(&*verb, "said" | "told" | "wrote"))
            });
            let firm = !source.contains(' ')
                && said
                && source.starts_with(char::is_uppercase)
                && attribution
                    .source
                    .zip(attribution.cue)
                    .is_some_and(|(src, cue)| {
                        src.end <= cue.start
                            && body_text(Span {
                                start: src.end,
                                end: cue.start,
                            })
                            .trim()
                            .is_empty()
                    });
            if (source.ends_with("'s") || source.ends_with("’s")) && !claim && !firm {
                return false;
            }
        }
        if attribution.direct || attribution.content.start < self.base {
            return true;
        }
        let content = body_text(attribution.content);
        let words: Vec<&str> = content.split_whitespace().collect();
        // A speech act's complement is its content however short ("vowed
        // to resign", "cited rising costs").
        let cue = attribution
            .cue
            .filter(|cue| cue.start >= self.base && cue.end - self.base <= self.text.len())
            .map(|cue| body_text(cue).to_lowercase());
        let verb = cue
            .as_deref()
            .and_then(|c| c.split_whitespace().next())
            .unwrap_or("");
        // ("said that bookings rose": after "that", two words are a clause.)
        let after_that = self.text[..attribution.content.start - self.base]
            .trim_end()
            .ends_with(" that");
        // ("called for an investigation": what is asked for, too.)
        let asked_for = cue.as_deref().is_some_and(|c| c.ends_with(" for"))
            // ("called him divisive": a name given.)
            || matches!(verb, "called" | "calls" | "call" | "calling");
        if (is_frame_verb(verb) || after_that || asked_for) && words.len() >= 2 {
            return true;
        }
        if words.len() < 3 {
            return false;
        }
        // "In any case, he said, the industry was over-supplied": a
        // sentence with its attribution inside is a clause, whatever opens
        // it.
        if attribution.cue.is_some_and(|cue| {
            attribution.content.start < cue.start && cue.end < attribution.content.end
        }) && words.len() >= 5
        {
            return true;
        }
        let first = to_lower(words[0]);
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
            .is_some_and(|cue| to_lower(body_text(cue)).starts_with("add"));
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
                    Some((mut attribution, mut resume)) => {
                        // "research suggests …", "a study suggested that …":
                        // what evidence suggests is a finding.
                        if attribution.kind == QuoteKind::Speech
                            && self.is_word_in(
                                i,
                                &[
                                    "suggest",
                                    "suggests",
                                    "suggested",
                                    "indicate",
                                    "indicates",
                                    "indicated",
                                ],
                            )
                            && attribution
                                .source
                                .and_then(|src| self.token_at(src.end.saturating_sub(1)))
                                .is_some_and(|head| self.is_word_in(head, &EVIDENCE_NOUNS))
                        {
                            attribution.kind = QuoteKind::Finding;
                        }
                        // "The House had proposed a 25 percent tax rate",
                        // "The tax plan proposes new rules": what a chamber
                        // or a bill proposes is a position taken, not words.
                        if attribution.kind == QuoteKind::Speech
                            && self.word(i).is_some_and(|w| w.starts_with("propos"))
                            && attribution
                                .source
                                .and_then(|src| self.token_at(src.end.saturating_sub(1)))
                                .is_some_and(|head| {
                                    self.is_word_in(
                                        head,
                                        &[
                                            "house",
                                            "senate",
                                            "congress",
                                            "chamber",
                                            "bill",
                                            "plan",
                                            "legislation",
                                            "measure",
                                            "version",
                                            "budget",
                                        ],
                                    )
                                })
                        {
                            attribution.kind = QuoteKind::Stance;
                        }
                        // "Johnson & Johnson has agreed to buy Guidant",
                        // "the company agreed to pay a fine": to agree to
                        // do something is a deal or a concession, no words
                        // reported ("agreed that …" says something).
                        if attribution.kind == QuoteKind::Speech
                            && self.is_word_in(i, &["agree", "agrees", "agreed", "agreeing"])
                            && self.word(i + 1) == Some("to")
                            && attribution.content.start == self.span(i + 1, i + 1).start
                        {
                            attribution.kind = QuoteKind::Stance;
                        }
                        // "Francis said those who thought so should …,
                        // according to Reuters": the report has its own
                        // source; the content ends before it, and it is
                        // read next. So has "…, compared with 23 percent
                        // who said …".
                        if !attribution.direct
                            && let (Some(a), Some(b)) = (
                                self.token_at(attribution.content.start),
                                self.token_at(attribution.content.end.saturating_sub(1)),
                            )
                            && let Some(comma) = (a + 1..b).find(|&k| {
                                self.raw(k) == ","
                                    && self.region_of(k).is_none()
                                    && ((k >= a + 3
                                        && self.word(k + 1) == Some("according")
                                        && self.word(k + 2) == Some("to"))
                                        || self.share_who_says(k + 1, b))
                            })
                        {
                            attribution.content.end = self.span(comma - 1, comma - 1).end;
                            resume = comma + 1;
                        }
                        // "Graham called Trump “crazy” and said the party is
                        // bound to lose", "defended the plan, saying it
                        // would work": a second verb of saying, joined by
                        // "and", "but" or a participle after a comma, is a
                        // second attribution of the same subject; the
                        // first content ends before it.
                        if !attribution.direct
                            && let (Some(a), Some(b)) = (
                                self.token_at(attribution.content.start),
                                self.token_at(attribution.content.end.saturating_sub(1)),
                            )
                            && let Some(and) = (a + 1..b).find(|&k| {
                                self.region_of(k).is_none()
                                    && ((self.is_word_in(k, &["and", "but"])
                                        && self.coordinated_cue(k + 1))
                                        || (self.raw(k) == ","
                                            && self.region_of(k + 1).is_none()
                                            && self.is_word_in(k + 1, &SPEECH_PARTICIPLES)))
                            })
                        {
                            let last = if self.raw(and - 1) == "," {
                                and - 2
                            } else {
                                and - 1
                            };
                            if last >= a {
                                attribution.content.end = self.span(last, last).end;
                                resume = if self.raw(and) == "," { and + 1 } else { and };
                            }
                        }
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
                    // (A straight quote mark after a full stop may have been
                    // read as the end of the sentence before.)
                    .find(|r| {
                        (r.open == s || r.open + 1 == s) && r.close.is_none_or(|c| c + 2 >= e)
                    });
                if let Some(region) = whole
                    && let Some(content) = self.region_span(region)
                {
                    if out[previous].direct {
                        // One attribution whose content runs on.
                        out[previous].content.end = content.end;
                    } else if out[previous].kind == QuoteKind::Speech
                        && out[previous].source.is_some()
                    {
                        // "According to Bongard, that's because … “If you
                        // play with these AIs, …”": the quotation goes on
                        // what was reported.
                        let root = out[previous].continues.unwrap_or(previous);
                        out.push(Attribution {
                            content,
                            direct: true,
                            continues: Some(root),
                            ..out[root].clone()
                        });
                    }
                }
            }
        }
    }

    /// A verb of saying at `k`, perhaps after "also", "then" or "later",
    /// that can share the subject of a verb before "and".
    fn coordinated_cue(&self, k: usize) -> bool {
        let k = if self.is_word_in(k, &["also", "then", "later"]) {
            k + 1
        } else {
            k
        };
        self.region_of(k).is_none()
            && self.is_word_in(
                k,
                &[
                    "said", "says", "told", "tells", "added", "adds", "argued", "wrote", "noted",
                    "warned", "insisted", "claimed", "called", "urged", "vowed", "asked", "saying",
                ],
            )
    }

    /// "compared with 23 percent who said …", "double the number who said
    /// the same of Mr. Trump": from `a` (after a comma), a comparison whose
    /// people speak for themselves through "who" and a verb of saying,
    /// before `b`.
    fn share_who_says(&self, a: usize, b: usize) -> bool {
        (a..b.min(a + 10))
            .take_while(|&k| self.word(k).is_some() || self.raw(k) == "—")
            .any(|k| {
                self.word(k) == Some("who")
                    && self.is_word_in(k + 1, &["say", "says", "said", "think", "thought"])
            })
    }

    /// "He said:" or "Caddell continued:" ending the paragraph: its source
    /// and cue, for the quotation that follows.
    fn announcement(&self) -> Option<(Span, Span)> {
        let last = self.tokens.len().checked_sub(1)?;
        if self.raw(last) != ":" || last == 0 {
            return None;
        }
        let c = last - 1;
        if !self.word(c).is_some_and(|w| CUE_VERBS.has(w)) {
            return None;
        }
        let s = self
            .sentences
            .iter()
            .find(|&&(a, b)| a <= c && c < b)
            .map_or(0, |&(a, _)| a);
        let (a, b) = self.source_before(c, s)?;
        Some((self.span(a, b), self.span(c, c)))
    }

    /// The quotation that opens this paragraph and runs to its end (or
    /// ends it), if the paragraph is one.
    fn opening_quotation(&self) -> Option<Span> {
        let region = self.regions.iter().find(|r| r.open == 0)?;
        if region.close.is_some_and(|c| c + 2 < self.tokens.len()) {
            return None;
        }
        self.region_span(region)
    }

    /// "PENCE: Well, look, …": a turn of a transcript or interview, its
    /// speaker's name in capitals before a colon. Verbatim, so direct.
    /// Labels that are no speaker ("UPDATE:", "NOTE:", a place's name as a
    /// dateline, "NEW DELHI:") are left alone.
    fn transcript_turn(&self, out: &mut Vec<Attribution>, turn_labels: &[&str]) {
        // A transcript quoted whole opens each turn with a quote mark.
        let first = usize::from(matches!(self.raw(0), "\"" | "“" | "``"));
        let Some(colon) =
            (first + 1..self.tokens.len().min(first + 6)).find(|&i| self.raw(i) == ":")
        else {
            return;
        };
        let label = first..colon;
        let letters = |i: usize| self.raw(i).chars().filter(|c| c.is_alphabetic()).count();
        let is_caps = |i: usize| {
            let raw = self.raw(i);
            raw.chars().any(char::is_alphabetic)
                && raw.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
        };
        let words: Vec<usize> = label.clone().filter(|&i| self.word(i).is_some()).collect();
        let all_caps = label.clone().all(|i| is_caps(i) || self.raw(i) == ".");
        // ("Matthews: Well, speculation is bad.": in a transcript whose
        // turns are labelled with names as written.)
        let named =
            turn_labels.contains(&&self.text[self.tokens[first].start..self.tokens[colon - 1].end]);
        if words.is_empty()
            || words.len() > 3
            || !(all_caps || named)
            || words.iter().any(|&i| letters(i) < 2)
        {
            return;
        }
        if words
            .iter()
            .any(|&i| self.is_word_in(i, &NOT_SPEAKER_LABELS))
        {
            return;
        }
        let name = &self.text[self.tokens[first].start..self.tokens[colon - 1].end];
        if crate::gazetteer::Gazetteer::embedded().is_major_place(name) {
            return;
        }
        let Some((a, b)) = self.trimmed(colon + 1, self.tokens.len()) else {
            return;
        };
        if (a..=b).filter(|&i| self.word(i).is_some()).count() < 3 {
            return;
        }
        out.push(Attribution {
            content: self.span(a, b),
            direct: true,
            kind: QuoteKind::Speech,
            cue: Some(self.span(colon, colon)),
            source: Some(self.span(first, colon - 1)),
            continues: None,
        });
    }

    /// "A: Because they needed help, I think.": an answer of an interview
    /// printed as questions and answers, the interviewee's words. The
    /// source is the "A", which speaker resolution gives to the person the
    /// introduction names most (the questions are the interviewer's, and
    /// not read).
    fn interview_answer(&self, out: &mut Vec<Attribution>) {
        if self.raw(0) != "A" || self.raw(1) != ":" {
            return;
        }
        let Some((a, b)) = self.trimmed(2, self.tokens.len()) else {
            return;
        };
        if (a..=b).filter(|&i| self.word(i).is_some()).count() < 3 {
            return;
        }
        out.push(Attribution {
            content: self.span(a, b),
            direct: true,
            kind: QuoteKind::Speech,
            cue: Some(self.span(1, 1)),
            source: Some(self.span(0, 0)),
            continues: None,
        });
    }

    /// `Clinton: "Our goal is …" Kasich: "The mission is …"`, `Pollsters
    /// agree - Carl Bialik: “One of the biggest lessons …”`: a quotation
    /// right after a name and a colon, where a sentence, a dash or a
    /// quotation ends before the name. Quotations already attributed
    /// (from `first_here` on in `out`) are left alone.
    fn labelled_quotations(&self, out: &mut Vec<Attribution>, first_here: usize) {
        for region in &self.regions {
            let open = region.open;
            if open < 2 || self.raw(open - 1) != ":" {
                continue;
            }
            let colon = open - 1;
            // The name: capitalised words back from the colon, at most three.
            let mut start = colon;
            while start > 0 && colon - start < 3 && self.capitalised(start - 1) {
                start -= 1;
            }
            if start == colon {
                continue;
            }
            let opens_here = start == 0
                || matches!(
                    self.raw(start - 1),
                    "." | "?" | "!" | "-" | "—" | "–" | "”" | "\"" | "''"
                );
            // ("Continued Stone: “…”": the narration's verb is no name.)
            while start + 1 < colon && self.word(start).is_some_and(|w| ANY_CUE.contains(w)) {
                start += 1;
            }
            let label = &self.text[self.tokens[start].start..self.tokens[colon - 1].end];
            if !opens_here || name_label(&format!("{label}: ")).is_none() || !surname_label(label) {
                continue;
            }
            // (At a paragraph's start a place is a dateline: "PARIS: “…”".)
            if start == 0 && crate::gazetteer::Gazetteer::embedded().is_major_place(label) {
                continue;
            }
            let Some(content) = self.region_span(region) else {
                continue;
            };
            // (One or two quoted words are a name for something.)
            let last = region.close.unwrap_or(self.tokens.len());
            if (open + 1..last).filter(|&i| self.word(i).is_some()).count() < 3 {
                continue;
            }
            let source = self.span(start, colon - 1);
            let labelled = Attribution {
                content,
                direct: true,
                kind: QuoteKind::Speech,
                cue: Some(self.span(colon, colon)),
                source: Some(source),
                continues: None,
            };
            // A cue read before the name ("Pollsters agree - Carl Bialik:
            // “…”") gave the quotation to someone else: the name right
            // before it is whose it is. (One inside the name, "Said Ellis:
            // “…”", stays.)
            match out[first_here..]
                .iter()
                .position(|a| a.content.start < content.end && content.start < a.content.end)
            {
                None => out.push(labelled),
                Some(k) => {
                    let within = out[first_here + k]
                        .source
                        .is_some_and(|s| source.start <= s.start && s.end <= source.end);
                    if !within {
                        out[first_here + k] = labelled;
                    }
                }
            }
        }
    }

    /// A round-up that prints each speaker above their words in capitals
    /// (Reuters' "Instant View": `JACK ABLIN, CHIEF INVESTMENT OFFICER, BMO
    /// PRIVATE BANK, CHICAGO “…” “…”`): every quotation after such a label
    /// is that person's, up to the next label. The label opens with a name
    /// (a given name first) and a comma, and stands after a closing mark, a
    /// sentence's end or the paragraph's start. Quotations already
    /// attributed (from `first_here` on in `out`) are left alone.
    fn capitals_labelled_quotations(&self, out: &mut Vec<Attribution>, first_here: usize) {
        let in_capitals = |k: usize| self.word(k).is_some() && is_capitals(self.raw(k));
        // The name and the comma after it, of the label ending right
        // before token `open`.
        let label_before = |open: usize| -> Option<(usize, usize)> {
            // ("…, NEW YORK: “…”": a colon may close the label.)
            let mut end = if open > 0 && self.raw(open - 1) == ":" {
                open - 1
            } else {
                open
            };
            // ("…, WASHINGTON POLICY STRATEGY (from research note): “…”".)
            if end > 0
                && self.raw(end - 1) == ")"
                && let Some(paren) = (end.saturating_sub(8)..end - 1)
                    .rev()
                    .find(|&k| self.raw(k) == "(")
            {
                end = paren;
            }
            // (An initial's dot is part of it: "L. THOMAS BLOCK".)
            let part = |k: usize| {
                in_capitals(k)
                    || self.raw(k) == ","
                    || (self.raw(k) == "."
                        && k > 0
                        && self.raw(k - 1).len() == 1
                        && in_capitals(k - 1))
            };
            let mut start = end;
            while start > 0 && end - start < 24 && part(start - 1) {
                start -= 1;
            }
            let opens =
                start == 0 || matches!(self.raw(start - 1), "." | "”" | "\"" | ":" | "?" | "!");
            let comma = (start..end).find(|&k| self.raw(k) == ",")?;
            // A person's name: a given name first, or a role after it
            // ("OMAIR SHARIF, SENIOR U.S. ECONOMIST, …").
            let personal = crate::extract::lexicon::given_name(&title_cased(self.raw(start)))
                .is_some()
                || (comma + 1..end).any(|k| {
                    self.word(k)
                        .is_some_and(|w| ROLE_HEADS.has(w) || SOURCE_NOUNS.has(w))
                });
            (opens && (2..=4).contains(&(comma - start)) && comma + 1 < end && personal)
                .then_some((start, comma))
        };
        let mut speaker: Option<(usize, usize)> = None;
        for region in &self.regions {
            if let Some(label) = label_before(region.open) {
                speaker = Some(label);
            }
            let Some((name_start, comma)) = speaker else {
                continue;
            };
            let Some(content) = self.region_span(region) else {
                continue;
            };
            let last = region.close.unwrap_or(self.tokens.len());
            if (region.open + 1..last)
                .filter(|&i| self.word(i).is_some())
                .count()
                < 3
                || out[first_here..]
                    .iter()
                    .any(|a| a.content.start < content.end && content.start < a.content.end)
            {
                continue;
            }
            out.push(Attribution {
                content,
                direct: true,
                kind: QuoteKind::Speech,
                cue: Some(self.span(comma, comma)),
                source: Some(self.span(name_start, comma - 1)),
                continues: None,
            });
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
                kind: QuoteKind::Speech,
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
                kind: out[root].kind,
                continues: Some(root),
            });
        }
    }

    /// A paragraph that opens with whole quoted sentences of nobody's
    /// (`"What I do know is … "We had to … "I think …" O'Sullivan also
    /// rejected …`, paragraphs the BBC's files run together) goes on with
    /// the quotation of the paragraph before, when that paragraph ended in
    /// one. `found[before..]` are this paragraph's own attributions; the
    /// continuation goes first among them.
    fn opening_continuation(&self, found: &mut Vec<Attribution>, before: usize, body: &str) {
        let Some(region) = self.regions.first().filter(|r| r.open == 0) else {
            return;
        };
        let Some(close) = region.close else { return };
        let Some(content) = self.region_span(region) else {
            return;
        };
        // Whole sentences: several words, a full stop inside the closing
        // mark, and a new sentence (or nothing) after it.
        let whole = close >= 5
            && matches!(self.raw(close - 1), "." | "!" | "?")
            && (close + 1 == self.tokens.len() || self.capitalised(close + 1));
        let Some(previous) = before.checked_sub(1) else {
            return;
        };
        let overlaps = |span: Option<Span>| {
            span.is_some_and(|s| s.start < content.end + 2 && content.start < s.end + 2)
        };
        // (The paragraph before ends with it: nothing but marks between.)
        let last = &found[previous];
        let ends = [Some(last.content), last.cue, last.source]
            .into_iter()
            .flatten()
            .map(|s| s.end)
            .max()
            .unwrap_or(0);
        let ends_paragraph = body.get(ends..self.base).is_some_and(|gap| {
            gap.chars()
                .all(|c| c.is_whitespace() || matches!(c, '.' | ',' | '"' | '”' | '’' | '\''))
        });
        // (A name it called someone, "called all women "Betty"", is no
        // quotation to go on with.)
        let quotation = body
            .get(last.content.start..last.content.end)
            .is_some_and(|text| text.split_whitespace().count() >= 4);
        if !whole
            || !last.direct
            || !quotation
            || !ends_paragraph
            || found[before..]
                .iter()
                .any(|a| overlaps(Some(a.content)) || overlaps(a.cue) || overlaps(a.source))
        {
            return;
        }
        let root = found[previous].continues.unwrap_or(previous);
        for later in &mut found[before..] {
            if let Some(k) = later.continues.as_mut().filter(|k| **k >= before) {
                *k += 1;
            }
        }
        found.insert(
            before,
            Attribution {
                content,
                direct: true,
                cue: found[root].cue,
                source: found[root].source,
                kind: found[root].kind,
                continues: Some(root),
            },
        );
    }

    /// Tries to read an attribution whose cue starts at token `c` of the
    /// sentence `[s, e)`. Returns it and where to go on reading.
    fn attribution_at(&self, c: usize, s: usize, e: usize) -> Option<(Attribution, usize)> {
        // Cheap tests first: most tokens are not cues.
        let verb = self.word(c)?;
        let according = verb == "according" && self.word(c + 1) == Some("to");
        if !according && !ANY_CUE.contains(verb) {
            // "In the new Post-ABC poll, Trump wins …", "… with a growing
            // lead in the latest NBC News poll."
            if verb == "in" {
                // "In the words of Miller, “…”".
                if (1..=3).all(|k| self.word(c + k) == Some(["", "the", "words", "of"][k])) {
                    return self.according_to(c, 4, s, e);
                }
                return self.in_a_poll(c, s, e);
            }
            // ("what economists call spending": only after "what".)
            if matches!(verb, "call" | "calls") {
                return self.what_it_is_called(c, s, e);
            }
            // "Polls show that …", "FEC records show …", "polls could
            // show …": the plural finding verb after its evidence (not "a
            // TV show that airs").
            if matches!(verb, "show" | "find")
                && c > s
                && (self.is_word_in(c - 1, &EVIDENCE_NOUNS)
                    || self.is_word_in(
                        c - 1,
                        &["could", "would", "will", "may", "might", "did", "do"],
                    )
                    || (!self.capitalised(c - 1)
                        && self.word(c - 1).is_some_and(|w| {
                            w.len() > 3 && w.ends_with('s') && !w.ends_with("ss")
                        }))
                    || self.evidence_source(c, s).is_some())
            {
                return self.finding_at(c, s, e);
            }
            return CLAIM_NOUNS
                .has(verb)
                .then(|| self.possessive_claim(c, s, e))
                .flatten();
        }
        let framed_only = !CUE_VERBS.has(verb) && is_frame_verb(verb);
        if self.region_of(c).is_some() {
            return None;
        }
        // "has not announced", "never said", "didn't say": nothing was said.
        // (Only in the verb's own group: a quotation ending "… are not,”
        // before "said Smith" negates nothing.)
        let negated = (c.saturating_sub(3)..c)
            .rev()
            .take_while(|&k| self.word(k).is_some())
            .any(|k| {
                self.word(k)
                    .is_some_and(|w| w == "not" || w == "never" || w.ends_with("n't"))
            });
        if negated && !according {
            return None;
        }
        // "which an FBI investigation said was “extremely careless”", "a
        // finish that he said defied expectations": the relative clause is
        // the source's (before "says had" is taken for a noun and a verb).
        if let Some(found) = self.relative_report(c, s, e) {
            return Some(found);
        }
        // "states" is a cue only after a quotation or comma ("…, states
        // Lauren Slayton"): "battleground states could be decisive".
        // (And after a document, before "that": "the proposal states that
        // …", not "the nine states that form …".)
        let document_states = self.word(c + 1) == Some("that")
            && c > s
            && self.is_word_in(
                c - 1,
                &[
                    "proposal",
                    "law",
                    "report",
                    "document",
                    "agreement",
                    "constitution",
                    "letter",
                    "policy",
                    "rule",
                    "bill",
                    "statement",
                    "order",
                    "memo",
                    "guidance",
                    "treaty",
                    "contract",
                    "filing",
                    "complaint",
                    "lawsuit",
                    "ruling",
                    "decision",
                    "plan",
                    "website",
                    "indictment",
                    "motion",
                    "petition",
                    "resolution",
                    "directive",
                ],
            );
        if verb == "states" && !self.may_invert(c, s) && !document_states {
            return None;
        }
        // So is "comments" ("…, comments Johnston", "he comments that"):
        // "his recent comments on guns", "the Trump comments start" are
        // nouns.
        if verb == "comments"
            && !self.may_invert(c, s)
            && !(c > s && self.is_word_in(c - 1, &["he", "she", "who", "it", "one"]))
        {
            return None;
        }
        // "(Reporting by …; additional reporting by …)": a credit line; "it
        // goes without saying": an idiom.
        if (verb == "reporting" && self.word(c + 1) == Some("by"))
            || (verb == "saying" && c > s && self.word(c - 1) == Some("without"))
        {
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
            return self.according_to(c, 2, s, e);
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
        // "The White House is saying that …" is no passive: a progressive.
        // (Not the adjectives: "it is demanding", "the results are
        // promising".)
        let progressive = verb.ends_with("ing")
            && !matches!(verb, "demanding" | "promising" | "threatening" | "telling")
            && c > s + 1
            && self.is_word_in(c - 1, &["is", "was", "were", "are", "been"]);
        if c > s
            && !handed_on
            && !progressive
            && self.is_word_in(
                c - 1,
                &["is", "was", "were", "be", "been", "being", "are", "to"],
            )
        {
            return None;
        }
        let mut cue_end = c;
        let calls = matches!(verb, "call" | "calls" | "called" | "calling");
        while self.is_word_in(cue_end + 1, &CUE_PARTICLES)
            && (calls || !self.is_word_in(cue_end + 1, &["on"]))
            || (calls && self.is_word_in(cue_end + 1, &["upon"]))
        {
            cue_end += 1;
        }

        // "what Mr. Hedge called “the prior economy model”", "what he calls
        // corruption in politics", "what she described as a betrayal": the
        // name given is the source's words.
        if cue_end == c
            && let Some(found) = self.what_it_is_called(c, s, e)
        {
            return Some(found);
        }

        // "Said Ellis: “…”": the verb opens the sentence, the name and the
        // quotation follow.
        if c == s
            && matches!(
                verb,
                "said" | "says" | "added" | "asked" | "wrote" | "recalled"
            )
            && let Some((a, b)) = self.np_forward(cue_end + 1, e, false)
            && matches!(self.raw(b + 1), ":" | ",")
            && let Some(found) = self.quotation_at(
                b + 2,
                Some(self.span(c, cue_end)),
                Some(self.span(a, b)),
                QuoteKind::Speech,
            )
        {
            return Some(found);
        }

        // Source before the verb, else after it; for ", saying …" the
        // subject that opens the sentence.
        let participle = verb.ends_with("ing")
            && c > s
            && (matches!(self.raw(c - 1), "," | "by" | "—" | "–" | "-")
                // "issued a statement saying": the statement's author.
                || self.is_word_in(
                    c - 1,
                    &["statement", "letter", "release", "tweet", "message", "email", "memo", "post"],
                )
                || self.is_word_in(c - 1, &["upon", "after", "before", "while", "without", "when"]));
        // "Nefzi said, adding, …": the participle speaks for the source
        // just read; otherwise for the subject of the sentence.
        let continuing = || {
            self.last_source
                .get()
                // ("said on Thursday, saying …": over a short adjunct.)
                .filter(|&(a, _, resume)| a >= s && c >= resume && c <= resume + 5)
                .map(|(a, b, _)| (a, b))
        };
        let subject = || {
            participle
                .then(|| continuing().or_else(|| self.sentence_subject(s, c)))
                .flatten()
        };
        // "X is saying", "X has been saying": the source is before the
        // auxiliaries.
        let verb_start = if progressive { c - 1 } else { c };
        // "Schultz … supported Democrats, and said he did not": a verb
        // coordinated with the sentence's own speaks for its subject.
        // ("… but has said she will …": over auxiliaries too.)
        let before_verb = (s..c)
            .rev()
            .find(|&k| !self.is_word_in(k, &AUXILIARIES))
            .unwrap_or(s);
        let coordinated = before_verb > s && self.is_word_in(before_verb, &["and", "but"]);
        // (The first verb's source when it was just read: "Tory peer Lord
        // Tebbit said he agreed …, and said …" is Lord Tebbit, not the
        // first capitalised word of the sentence.)
        let subject_of_sentence = || {
            coordinated
                .then(|| continuing().or_else(|| self.sentence_subject(s, c)))
                .flatten()
        };
        // ", arguing that …" speaks for the sentence's subject, not for the
        // noun before the comma ("spoke about the death of X, arguing").
        // "Trump unleashed a series of tweets early Friday saying …", "sent
        // a letter to the board urging …": a participle after the main
        // verb's object speaks for the sentence's subject too.
        let object_participle = verb.ends_with("ing")
            && !participle
            && !progressive
            && c > s + 2
            && (s..c.saturating_sub(2)).any(|k| {
                self.word(k).is_some_and(|w| {
                    !self.capitalised(k) && (w.ends_with("ed") || matches!(w, "sent" | "wrote"))
                })
            });
        // "with 50 percent saying …", "three in 10 saying …": the share
        // right before the participle speaks.
        let share = (verb.ends_with("ing") && !participle && !progressive && c > s)
            .then(|| self.share_of_people(c - 1, s))
            .flatten()
            .map(|a| (a, c - 1));
        // "…, candidates have more room to walk away, said Steve Grubbs,
        // an Iowa operative.": after a comma, a name that ends the sentence
        // (or opens its appositive) is the source, not words before the
        // comma.
        let inverted_name = (self.raw(c.wrapping_sub(1)) == ","
            && c > s
            && matches!(
                verb,
                "said" | "says" | "added" | "adds" | "wrote" | "writes" | "explained" | "noted"
            ))
        .then(|| self.source_after(cue_end, e, true))
        .flatten()
        .filter(|&(a, b)| {
            // ("…, said founder Mikhail Khodorkovsky.": a title before it.)
            let named = self.capitalised(a)
                || (b > a
                    && self.capitalised(b)
                    && self.word(a).is_some_and(|w| {
                        ROLE_HEADS.has(w) || crate::extract::lexicon::is_personal_title(w)
                    }));
            named && (b + 1 >= e || matches!(self.raw(b + 1), "." | "!" | "?" | ";"))
        });
        let before_or_subject = if inverted_name.is_some() {
            None
        } else if share.is_some() {
            share
        } else if participle {
            subject().or_else(|| self.source_before(verb_start, s))
        } else if object_participle {
            self.sentence_subject(s, c)
                .or_else(|| self.source_before(verb_start, s))
        } else if FINDING_VERBS.has(verb)
            && let Some(evidence) = self.evidence_source(verb_start, s)
        {
            Some(evidence)
        } else {
            self.source_before(verb_start, s).or_else(subject)
        };
        let before_or_subject = if inverted_name.is_some() {
            None
        } else {
            before_or_subject.or_else(subject_of_sentence)
        };
        let (source, inverted) = match before_or_subject {
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
        let (mut src_a, src_b) = source?;
        // "“…,” retired Air Force general Lloyd Newton said": lower-case
        // modifiers left off the name still stand between the quotation
        // and the name.
        if !inverted
            && let Some(k) = (1..=3).find(|&k| {
                src_a > s + k
                    && (src_a - k..src_a).all(|i| {
                        self.word(i).is_some()
                            && !self.capitalised(i)
                            && !self.is_word_in(i, &NP_STOPS)
                            && !self.is_word_in(i, &PRONOUNS)
                    })
                    && matches!(self.raw(src_a - k - 1), "," | "”" | "\"" | "''")
            })
        {
            src_a -= k;
        }
        let block_start = if inverted { c } else { src_a };
        let block_end = if inverted { src_b } else { cue_end };

        let cue = Some(self.span(c, cue_end));
        let source_span = Some(self.span(src_a, src_b));

        // 1. A quotation just before the attribution: “…,” he said. (Unless
        // a clause follows the verb: “…,” Sanders said private contractors …)
        let clause_follows = !inverted
            && self.word(cue_end + 1).is_some()
            && !self.is_word_in(cue_end + 1, &ADJUNCT_OPENERS)
            && !self.is_word_in(cue_end + 1, &TRAILING_ADJUNCT_OPENERS)
            && !OBJECT_VERBS.has(verb)
            && self
                .content_after(c, cue_end, verb, e)
                .is_some_and(|(a, b, _)| b >= a + 3);
        if !clause_follows && let Some(region) = self.quote_ending_before(block_start) {
            let mut content = self.region_span(region)?;
            // "McConnell's promise to Collins “means squat over here,” said
            // Walker": a quotation opening in lower case after words of its
            // sentence is the end of a clause that begins there (unless
            // those words report something of their own).
            if region.open > s
                && self.word(region.open - 1).is_some()
                && self.word(region.open + 1).is_some()
                && !self.capitalised(region.open + 1)
                && !(s..region.open).any(|k| self.is_word_in(k, &CUE_VERBS))
                && let Some((a, b)) = self.trimmed(s, region.open)
                // (Not a connective alone: "And “there is plenty …”".)
                && !(a == b
                    && self.is_word_in(a, &["and", "but", "so", "yet", "still", "or", "also"]))
            {
                content.start = self.span(a, a).start;
            }
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
                    kind: QuoteKind::of_cue(verb),
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
                    kind: QuoteKind::of_cue(verb),
                    continues: None,
                },
                b + 1,
            ));
        }

        // 2b. "she said." / "he said:" then a quotation. (Not when a
        // clause ends in a comma before the source: in "The plan failed,
        // Mr Barrionuevo said. “…,” he says." the clause is what he said,
        // and the quotation has its own attribution.)
        let after_a_clause = block_start > s && self.raw(block_start - 1) == ",";
        if !inverted && !after_a_clause {
            let mut j = cue_end + 1;
            while j < self.tokens.len() && matches!(self.raw(j), "." | ":" | ",") {
                j += 1;
            }
            if j > cue_end + 1
                && let Some(found) = self.quotation_at(j, cue, source_span, QuoteKind::of_cue(verb))
            {
                return Some(found);
            }
        }

        // 3. Content before it: …, officials said.
        if NEEDS_THAT.has(verb) || framed_only {
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
                kind: QuoteKind::of_cue(verb),
                continues: None,
            },
            block_end + 1,
        ))
    }

    /// A finding whose verb is no cue by itself ("show", "find"), read
    /// as the cue it is after evidence.
    fn finding_at(&self, c: usize, s: usize, e: usize) -> Option<(Attribution, usize)> {
        let verb = self.word(c)?;
        if self.region_of(c).is_some() {
            return None;
        }
        let (src_a, src_b) = self
            .evidence_source(c, s)
            .or_else(|| self.source_before(c, s))
            .or_else(|| {
                // "…, campaign and corporate records show.": plural
                // evidence needs no determiner.
                let end = c.checked_sub(1).filter(|&k| k >= s)?;
                if !self.is_word_in(end, &EVIDENCE_NOUNS) {
                    return None;
                }
                let mut start = end;
                while start > s
                    && end - start < 4
                    && self.word(start - 1).is_some_and(|w| {
                        w == "and" || !(NP_STOPS.has(w) || PRONOUNS.has(w) || ANY_CUE.contains(w))
                    })
                    && self.region_of(start - 1).is_none()
                {
                    start -= 1;
                }
                while self.is_word_in(start, &["and"]) {
                    start += 1;
                }
                Some((start, end))
            })?;
        let (a, b, direct, resume) = match self.content_after(c, c, verb, e) {
            Some((a, b, direct)) => (a, b, direct, b + 1),
            // "…, campaign and corporate records show.": the finding
            // before its evidence, the verb ending the sentence.
            None if self.word(c + 1).is_none() && !matches!(self.raw(c + 1), ":" | ",") => {
                let (a, b) = self.content_before(src_a, c, s, e)?;
                (a, b, false, c + 1)
            }
            None => return None,
        };
        Some((
            Attribution {
                content: self.span(a, b),
                direct,
                cue: Some(self.span(c, c)),
                source: Some(self.span(src_a, src_b)),
                kind: QuoteKind::Finding,
                continues: None,
            },
            resume,
        ))
    }

    /// "In the new Post-ABC poll, the mogul wins 1 in 3 voters": a finding
    /// whose source is the poll after "in", its content the clause after
    /// the comma; "Sanders has sagged in the polls", "Trump leads in a
    /// CNN poll last month.": the clause before "in". (Polls and surveys
    /// only: "in the report" is often where, not who.)
    fn in_a_poll(&self, c: usize, s: usize, e: usize) -> Option<(Attribution, usize)> {
        if self.region_of(c).is_some() {
            return None;
        }
        let polls = ["poll", "polls", "survey", "surveys", "polling"];
        // The noun phrase after "in": words (and "/", "-", "'s") up to its
        // head, a poll.
        let noun = (c + 1..(c + 10).min(e))
            .take_while(|&k| {
                self.region_of(k).is_none()
                    && (self.word(k).is_some() || matches!(self.raw(k), "/" | "-" | "'s" | "’s"))
                    && !self.is_word_in(k, &NP_STOPS)
                    && !ANY_CUE.contains(self.word(k).unwrap_or(""))
            })
            .find(|&k| self.is_word_in(k, &polls))?;
        // "sits at single digits in the polls", "ahead in national
        // polling": the polls in general, no source of a finding. A poll
        // is named by a capitalised word or a number ("in a Des Moines
        // Register poll", "in the 50-state poll") or is one poll.
        let named = (c + 1..noun).any(|k| {
            self.capitalised(k) || self.raw(k).starts_with(|ch: char| ch.is_ascii_digit())
        });
        if !named && self.is_word_in(noun, &["polls", "polling", "surveys"]) {
            return None;
        }
        // Not "in the poll's margin of error", "in polls' wake".
        if self.raw(noun).ends_with(['\'', '’']) || matches!(self.raw(noun + 1), "'s" | "’s") {
            return None;
        }
        // The phrase may go on to a comma or the end: "in a CBS News poll
        // last month.", "in polls in Florida and Ohio;".
        let mut np_end = noun;
        while np_end + 1 < e
            && np_end < noun + 8
            && self.region_of(np_end + 1).is_none()
            && (self.word(np_end + 1).is_some()
                && !ANY_CUE.contains(self.word(np_end + 1).unwrap_or(""))
                && !self.is_word_in(np_end + 1, &["that", "which", "who", "but", "where"]))
        {
            np_end += 1;
        }
        // "in the latest poll, conducted in May, …".
        if self.raw(np_end + 1) == ","
            && self.is_word_in(
                np_end + 2,
                &[
                    "conducted",
                    "released",
                    "taken",
                    "published",
                    "commissioned",
                ],
            )
            && let Some(next) = (np_end + 3..(np_end + 12).min(e)).find(|&k| self.raw(k) == ",")
        {
            np_end = next - 1;
        }
        let after = np_end + 1;
        let ends = after >= e || matches!(self.raw(after), "." | ";" | "!" | "?");
        let comma = self.raw(after) == ",";
        if !(ends || comma) {
            // "in the poll released Monday, …" reaches its comma above;
            // anything else is a longer sentence.
            return None;
        }
        let source = Some(self.span(c + 1, np_end));
        let cue = Some(self.span(c, c));
        if c == s && comma {
            let (a, b) = self.trimmed(after + 1, e)?;
            if b < a + 3 {
                return None;
            }
            return Some((
                Attribution {
                    content: self.span(a, b),
                    direct: false,
                    cue,
                    source,
                    kind: QuoteKind::Finding,
                    continues: None,
                },
                b + 1,
            ));
        }
        if c == s || !ends {
            return None;
        }
        // ("In March, Cruz had 38 percent …": after the opening adjunct.)
        let mut a = s;
        if self.is_word_in(
            s,
            &["in", "on", "at", "after", "since", "by", "among", "with"],
        ) && let Some(comma) = (s + 1..(s + 7).min(c)).find(|&k| self.raw(k) == ",")
        {
            a = comma + 1;
        }
        let (a, b) = self.trimmed(a, c)?;
        if b < a + 2 {
            return None;
        }
        Some((
            Attribution {
                content: self.span(a, b),
                direct: false,
                cue,
                source,
                kind: QuoteKind::Finding,
                continues: None,
            },
            np_end + 1,
        ))
    }

    /// "A Monmouth poll out Monday showed …", "Polls in New Hampshire
    /// show …", "An AP survey of superdelegates, who are …, found …": the
    /// evidence with the words after its noun, up to the finding verb at
    /// `c`. None when the noun is right before the verb (the common reading
    /// finds that) or something else than its modifiers stands between.
    fn evidence_source(&self, c: usize, s: usize) -> Option<(usize, usize)> {
        let end = c.checked_sub(1)?;
        if end <= s {
            return None;
        }
        let noun = (end.saturating_sub(20).max(s)..end)
            .rev()
            .find(|&k| self.is_word_in(k, &EVIDENCE_NOUNS))?;
        // Commas only around a relative or participle clause: "a survey of
        // voters, which was taken …, found".
        let mut commas = 0;
        for k in noun + 1..=end {
            if self.region_of(k).is_some() {
                return None;
            }
            let raw = self.raw(k);
            if raw == "," {
                commas += 1;
                if k != end
                    && !self.is_word_in(
                        k + 1,
                        &[
                            "who",
                            "which",
                            "released",
                            "conducted",
                            "published",
                            "taken",
                            "commissioned",
                        ],
                    )
                {
                    return None;
                }
                continue;
            }
            if self.word(k).is_none() && !matches!(raw, "/" | "-" | "&" | "(" | ")" | "'s" | "’s")
            {
                return None;
            }
            // Another verb of the sentence: "the poll was wrong and records
            // show", "Clinton said the poll found".
            if ANY_CUE.contains(self.word(k).unwrap_or(""))
                || (self.is_word_in(
                    k,
                    &["that", "is", "are", "has", "have", "had", "and", "but"],
                ) && commas == 0
                    && !(k > noun + 1 && self.is_word_in(k, &["and"]) && self.capitalised(k + 1)))
            {
                return None;
            }
        }
        if commas > 2 {
            return None;
        }
        let start = self.np_start(noun, s)?;
        // The evidence opens the sentence or its clause, not "After the
        // poll Clinton found".
        let opens = start == s
            || matches!(self.raw(start - 1), "," | ";" | "—" | "–" | "--")
            || (start == s + 1 && self.is_word_in(s, &["but", "and", "yet", "so"]));
        if !opens {
            return None;
        }
        let end = if self.raw(end) == "," { end - 1 } else { end };
        Some((start, end))
    }

    /// Whether a clause opens at `a` without "that", after a verb of belief:
    /// "thinks he will win", "believe the deal would hold" (not "think of
    /// it", "believe in God", "know him").
    fn clause_opens(&self, a: usize, e: usize) -> bool {
        let Some(first) = self.word(a) else {
            return false;
        };
        if matches!(first, "he" | "she" | "they" | "we" | "i" | "you" | "there") {
            return self.word(a + 1).is_some_and(|w| !matches!(w, "or" | "and"));
        }
        if !DETERMINERS.has(first) && !self.capitalised(a) && first != "it" {
            return false;
        }
        (a + 1..(a + 6).min(e))
            .take_while(|&k| self.word(k).is_some())
            .any(|k| {
                self.is_word_in(
                    k,
                    &[
                        "is", "was", "are", "were", "will", "would", "can", "could", "should",
                        "has", "have", "had", "may", "might", "must", "does", "did",
                    ],
                )
            })
    }

    /// "Trump has called the accusations fabricated stories", "Sanders
    /// called him divisive", "Cruz called the KKK “abhorrent”": a person
    /// (a name or a pronoun right before the verb) calls someone or
    /// something a name, which is what they said of it. Not "a website
    /// called …", "called for", "called it quits".
    /// Whether the words from `a` to `j` after the naming verb at `c` are
    /// an object and the name given it, so that a "that" at `j` opens a
    /// relative clause: "called the bill a giveaway to the wealthy that
    /// will widen …".
    fn name_given_before(&self, c: usize, a: usize, j: usize) -> bool {
        self.is_word_in(c, &NAMING_VERBS)
            && (a + 1..j.min(a + 4)).any(|k| {
                self.is_word_in(k, &["a", "an"])
                    && !self.regions.iter().any(|r| (a..k).contains(&r.open))
            })
    }

    fn name_calling(&self, c: usize, a: usize, e: usize) -> bool {
        if !self.is_word_in(c, &NAMING_VERBS) {
            return false;
        }
        let subject = (0..c)
            .rev()
            .find(|&k| !self.is_word_in(k, &AUXILIARIES) && !self.is_adverb(k));
        // ("a website called Cape Breton …": a thing named, not a person
        // naming.)
        let indefinite = subject.is_some_and(|k| k > 0 && self.is_word_in(k - 1, &["a", "an"]));
        let someone = |k: usize| {
            self.is_word_in(k, &["he", "she", "they", "i", "we"])
                || (self.capitalised(k) && !self.is_word_in(k, &DETERMINERS))
                || self.is_word_in(k, &ROLE_HEADS)
                || self
                    .word(k)
                    .is_some_and(crate::extract::lexicon::is_personal_title)
        };
        // ("Smith thanked Franken … and called him a “champion”": the
        // subject of the first verb calls.)
        let coordinated = subject.filter(|&k| self.is_word_in(k, &["and", "but"]));
        let person = !indefinite
            && match coordinated {
                Some(k) => (k.saturating_sub(12)..k).any(someone),
                None => subject.is_some_and(someone),
            };
        // (Not "called a press conference", "called for", "called it
        // quits", "called her back".)
        let pronoun = self.is_word_in(a, &["him", "her", "them", "me", "us"]);
        // ("…, calling it a “once-in-a-generation opportunity”": "it"
        // with a quotation right after it is a thing named; "called it
        // quits" is not.)
        let it_named = self.word(a) == Some("it")
            && self.regions.iter().any(|r| r.open > a && r.open <= a + 2);
        // (A participle after a comma names for the clause's subject.)
        let participle =
            c > 0 && self.raw(c - 1) == "," && self.word(c).is_some_and(|w| w.ends_with("ing"));
        let person = person || participle;
        let object = it_named
            || self.word(a).is_some_and(|w| {
                !matches!(
                    w,
                    "for"
                        | "on"
                        | "off"
                        | "up"
                        | "back"
                        | "out"
                        | "in"
                        | "into"
                        | "it"
                        | "upon"
                        | "a"
                        | "an"
                )
            });
        // The object and what it is called: a few words to the end of the
        // clause, with no verb of their own, nor a preposition or a time
        // ("called his mother every week") unless a quotation names it.
        // (A relative clause after the name is the name's: "a giveaway to
        // the wealthy that will widen the deficit".)
        let end = (a..e)
            .find(|&k| {
                matches!(self.raw(k), "," | "." | ";" | ":" | "—" | "–")
                    || self.is_word_in(k, &["and", "but", "while", "as", "after", "because"])
                    || k > a + 2 && self.is_word_in(k, &["that", "which", "who", "whose"])
            })
            .unwrap_or(e);
        let quoted = self.regions.iter().any(|r| r.open > a && r.open < end);
        // ("called him a “so-called judge” whose “ridiculous” opinion …":
        // a quotation right after the object is the name given, however
        // long the clause it opens.)
        let quoted_soon = self.regions.iter().any(|r| r.open > a && r.open <= a + 3);
        // ("to" after the name's article is inside it: "called the bill a
        // giveaway to the wealthy"; not "called the board to a meeting".)
        let named_as = |k: usize| (a..k).any(|j| self.is_word_in(j, &["a", "an"]));
        let plain = (a..end).all(|k| {
            self.word(k).is_some_and(|w| {
                !FINITE_VERBS.contains(&w)
                    && (!ADJUNCT_OPENERS.has(w) || named_as(k))
                    && !TIME_WORDS.has(w)
                    && (w != "to" || named_as(k))
                    && !matches!(w, "that" | "back" | "again" | "home" | "early" | "late")
                    && !w.ends_with("ly")
            })
        });
        person
            && object
            && (end <= a + if quoted { 14 } else { 10 } || quoted_soon)
            && (quoted && !(a..end).any(|k| self.is_word_in(k, &FINITE_VERBS))
                || plain && (end >= a + 3 || pronoun && end == a + 2))
    }

    /// "what SOURCE calls NAME", "what SOURCE described as NAME", the cue
    /// at `c`: the content runs from "what" over the name (a quotation,
    /// or words up to the next punctuation).
    fn what_it_is_called(&self, c: usize, s: usize, e: usize) -> Option<(Attribution, usize)> {
        let verb = self.word(c)?;
        let describes = matches!(verb, "describes" | "described" | "describe");
        if !describes && !matches!(verb, "call" | "calls" | "called") {
            return None;
        }
        let what = (c.saturating_sub(7).max(s)..c)
            .rev()
            .find(|&k| self.word(k) == Some("what"))?;
        if what + 1 >= c
            || !(what + 1..c).all(|k| self.word(k).is_some() && self.region_of(k).is_none())
        {
            return None;
        }
        // Over auxiliaries and adverbs: "what he has long called".
        let mut src_b = c - 1;
        while src_b > what + 1 && (self.is_word_in(src_b, &AUXILIARIES) || self.is_adverb(src_b)) {
            src_b -= 1;
        }
        if self.is_word_in(src_b, &AUXILIARIES) || self.is_word_in(src_b, &["is", "was", "are"]) {
            return None;
        }
        let mut j = c + 1;
        if describes {
            if self.word(j) != Some("as") {
                return None;
            }
            j += 1;
        }
        let end = if let Some(region) = self.regions.iter().find(|r| r.open == j) {
            region.close?
        } else {
            let stop = (j..e.min(j + 8))
                .find(|&k| {
                    self.region_of(k).is_some() || self.word(k).is_none_or(|w| CUE_VERBS.has(w))
                })
                .unwrap_or(e.min(j + 8));
            if stop < j + 1 {
                return None;
            }
            stop - 1
        };
        Some((
            Attribution {
                content: self.span(what, end),
                direct: false,
                cue: Some(self.span(c, c)),
                source: Some(self.span(what + 1, src_b)),
                kind: QuoteKind::of_cue(verb),
                continues: None,
            },
            end + 1,
        ))
    }

    /// "which the OECD says had the highest wage floors", "who U.S.
    /// officials say is tied to …", "which he declared “a total
    /// disaster”": a relative pronoun, a short subject, then the cue at `c`
    /// with the verb (or quotation) whose subject or object the pronoun is.
    /// The content is the relative clause, the source its subject.
    fn relative_report(&self, c: usize, s: usize, e: usize) -> Option<(Attribution, usize)> {
        let verb = self.word(c)?;
        if !matches!(
            verb,
            "said"
                | "says"
                | "say"
                | "claimed"
                | "claims"
                | "claim"
                | "declared"
                | "believes"
                | "believe"
                | "believed"
                | "thinks"
                | "think"
                | "estimated"
                | "estimates"
                | "alleged"
                | "alleges"
                | "insisted"
                | "insists"
                | "argued"
                | "argues"
                | "testified"
                | "reported"
                | "reports"
        ) {
            return None;
        }
        let rel = (c.saturating_sub(6).max(s + 1)..c.saturating_sub(1))
            .rev()
            .find(|&k| self.is_word_in(k, &["which", "who", "whom", "that"]))?;
        // The pronoun follows a noun or a comma, not a verb ("said that
        // he said" is a complement) nor a preposition.
        let before = self.word(rel - 1);
        let after_comma = self.raw(rel - 1) == ",";
        if !after_comma
            && (before.is_none_or(|w| {
                ANY_CUE.contains(w)
                    || BELIEF_VERBS.has(w)
                    || AUXILIARIES.has(w)
                    || TIME_WORDS.has(w)
                    || matches!(w, "so" | "now" | "is" | "was" | "are" | "were" | "be")
            }) || (self.word(rel) == Some("that") && !self.noun_like(rel - 1)))
        {
            return None;
        }
        if !(rel + 1..c).all(|k| {
            self.word(k).is_some_and(|w| w != "but" && w != "and")
                && self.region_of(k).is_none()
                && !self.is_word_in(k, &AUXILIARIES)
                && !self.is_word_in(k, &["is", "was", "are", "were", "not", "never"])
        }) {
            return None;
        }
        // The gap: a verb follows ("says had", "said was"), or a quotation
        // ("declared “a total disaster”").
        let next = c + 1;
        let quoted = self.regions.iter().any(|r| r.open == next);
        let verb_next = self.word(next).is_some_and(|w| {
            AUXILIARIES.has(w)
                || matches!(
                    w,
                    "is" | "was" | "are" | "were" | "can" | "should" | "must" | "did" | "does"
                )
                || (w.len() > 4 && w.ends_with("ed"))
        });
        if !(quoted || verb_next) {
            return None;
        }
        let end = (next..e)
            .find(|&k| {
                self.region_of(k).is_none() && matches!(self.raw(k), "," | ";" | ":" | "—" | "(")
            })
            .unwrap_or(e)
            .saturating_sub(1);
        let (a, b) = self.trimmed(rel, end)?;
        if b <= c {
            return None;
        }
        Some((
            Attribution {
                content: self.span(a, b),
                direct: false,
                cue: Some(self.span(c, c)),
                source: Some(self.span(rel + 1, c - 1)),
                kind: QuoteKind::of_cue(verb),
                continues: None,
            },
            b + 1,
        ))
    }

    /// A word that may end a noun phrase: not a verb of saying, auxiliary
    /// or function word.
    fn noun_like(&self, k: usize) -> bool {
        self.word(k).is_some_and(|w| {
            !(ANY_CUE.contains(w)
                || BELIEF_VERBS.has(w)
                || DETERMINERS.has(w)
                || w.ends_with("ed")
                || matches!(
                    w,
                    "and"
                        | "or"
                        | "but"
                        | "of"
                        | "to"
                        | "in"
                        | "on"
                        | "for"
                        | "with"
                        | "by"
                        | "at"
                        | "from"
                        | "so"
                        | "now"
                        | "such"
                ))
        })
    }

    /// The quotation that opens at token `j`, as direct speech of `source`,
    /// and where to go on reading after it.
    fn quotation_at(
        &self,
        j: usize,
        cue: Option<Span>,
        source: Option<Span>,
        kind: QuoteKind,
    ) -> Option<(Attribution, usize)> {
        let region = self.regions.iter().find(|r| r.open == j)?;
        let content = self.region_span(region)?;
        let resume = region.close.map_or(self.tokens.len(), |x| x + 1);
        Some((
            Attribution {
                content,
                direct: true,
                kind,
                cue,
                source,
                continues: None,
            },
            resume,
        ))
    }

    /// "Donald Trump's claim that there have been thousands of shootings":
    /// a claim in a noun, its owner the source.
    fn possessive_claim(&self, c: usize, s: usize, e: usize) -> Option<(Attribution, usize)> {
        // ("Tulsa police's earlier claim that …": one word may stand between.)
        let possessive = |k: usize| {
            self.word(k).is_some()
                && self
                    .raw(k)
                    .trim_end_matches(['s', 'S'])
                    .ends_with(['\'', '’'])
        };
        let owner_end = [1, 2]
            .into_iter()
            .filter_map(|back| c.checked_sub(back))
            .find(|&k| k >= s && possessive(k))?;
        if owner_end + 2 == c && (self.capitalised(c - 1) || self.word(c - 1).is_none()) {
            return None;
        }
        if self.word(c + 1) != Some("that") {
            return None;
        }
        let owner_start = (s..owner_end)
            .rev()
            .take_while(|&k| self.capitalised(k) || self.raw(k).ends_with('.'))
            .last()
            .unwrap_or(owner_end);
        // A name owns it: "Donald Trump's", "Tulsa police's".
        if !self.capitalised(owner_start) {
            return None;
        }
        let e = self.next_attribution_start(c + 2, e).unwrap_or(e);
        let (a, b) = self.trimmed(c + 2, e)?;
        if b < a + 2 {
            return None;
        }
        Some((
            Attribution {
                content: self.span(a, b),
                direct: false,
                kind: QuoteKind::Speech,
                cue: Some(self.span(c, c)),
                source: Some(self.span(owner_start, owner_end)),
                continues: None,
            },
            b + 1,
        ))
    }

    /// "according to SOURCE" (and "in the words of SOURCE": the cue is
    /// `cue_words` words from `c`), before its content or after it.
    fn according_to(
        &self,
        c: usize,
        cue_words: usize,
        s: usize,
        e: usize,
    ) -> Option<(Attribution, usize)> {
        let at_start = c == s || (c > s && matches!(self.raw(c - 1), "(" | ":" | ";" | "—"));
        // The source runs to the next comma or the sentence end: "according
        // to a copy of the letter reviewed by The Post", "to recent polls".
        let src_a = c + cue_words;
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
        // "According to police the man was arrested …" (no comma): the
        // source ends where a clause opens with its subject.
        if at_start && !matches!(self.raw(src_b + 1), ",") {
            let clause = (src_a + 1..(src_a + 8).min(src_b))
                .take_while(|&k| self.word(k).is_some())
                .find(|&k| {
                    self.is_word_in(
                        k,
                        &[
                            "the", "a", "an", "he", "she", "they", "it", "there", "we", "his",
                            "her", "their", "its",
                        ],
                    ) && (k + 1..(k + 6).min(e)).any(|v| self.is_word_in(v, &FINITE_VERBS))
                });
            if let Some(k) = clause {
                src_b = k - 1;
            }
        }
        let cue = Some(self.span(c, src_a - 1));
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
        let direct = self.regions.iter().any(|r| {
            r.open + 1 == content.0
                && r.close.is_some_and(|c| {
                    c > content.1 && (content.1 + 1..c).all(|k| self.word(k).is_none())
                })
        });
        // "according to independent government analyses", "according to
        // the election website Ballotpedia": what evidence holds is a
        // finding.
        let evidence = (src_a..=src_b)
            .any(|k| self.is_word_in(k, &EVIDENCE_NOUNS) || self.word(k) == Some("website"));
        // "According to the Herald, Professor John Burrows said …": the
        // one who said it is inside.
        if at_start && self.clause_has_its_own_source(content.0, content.1) {
            return None;
        }
        Some((
            Attribution {
                content: self.span(content.0, content.1),
                direct,
                cue,
                source,
                kind: if evidence {
                    QuoteKind::Finding
                } else {
                    QuoteKind::Speech
                },
                continues: None,
            },
            content.1.max(src_b) + 1,
        ))
    }

    /// Whether `[a, b]` holds an attribution of its own whose source opens
    /// it: "Professor John Burrows … said the flag …".
    fn clause_has_its_own_source(&self, a: usize, b: usize) -> bool {
        (a + 1..=b).any(|k| {
            self.is_word_in(k, &["said", "says", "say", "told", "added", "wrote"])
                && self.region_of(k).is_none()
                && self
                    .source_before(k, a)
                    .is_some_and(|(start, _)| start <= a + 1)
        })
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
        while end > s
            && (self.is_word_in(end, &AUXILIARIES) && !self.name_like_a_modal(end)
                || self.is_adverb(end))
        {
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
                // "Wells Fargo just this month announced".
                while end > s
                    && (self.is_word_in(end, &AUXILIARIES) && !self.name_like_a_modal(end)
                        || self.is_adverb(end))
                {
                    end -= 1;
                }
            }
        }
        // "The senators, however, said", "Smith, for his part, said": a
        // discourse adverb between commas is no appositive.
        if end > s + 2 && self.raw(end) == "," {
            let words = (1..=3)
                .find(|&k| end > s + k + 1 && self.raw(end - k - 1) == ",")
                .filter(|&k| {
                    let phrase: Vec<&str> = (end - k..end).filter_map(|i| self.word(i)).collect();
                    phrase.len() == k
                        && matches!(
                            phrase.as_slice(),
                            ["however"
                                | "meanwhile"
                                | "though"
                                | "too"
                                | "instead"
                                | "nonetheless"
                                | "nevertheless"
                                | "separately"
                                | "likewise"
                                | "similarly"]
                                | ["in", "turn" | "response"]
                                | ["for", "its" | "his" | "her" | "their" | "our", "part"]
                        )
                });
            if let Some(k) = words
                && self.tokens[end - k - 2].kind == Kind::Word
            {
                end -= k + 2;
            }
        }
        // "Kall -- co-editor of Debating The Donald, a book … -- said": an
        // appositive between dashes.
        if matches!(self.raw(end), "--" | "—" | "–")
            && let Some(open) = (end.saturating_sub(40).max(s + 1)..end)
                .rev()
                .find(|&i| self.raw(i) == self.raw(end))
            && self.word(open - 1).is_some()
        {
            let start = self.np_start(open - 1, s)?;
            return Some((start, end - 1));
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
                    .or_else(|| self.source_before_clause(end, s))
                    .or_else(|| self.role_then_name(end, s));
            }
            return None;
        }
        if self.region_of(end).is_some() {
            return None;
        }
        // "Officials who spoke on condition of anonymity said", "Hawkins
        // and others who want to ban abortion said": the noun phrase before
        // a relative clause that runs up to the verb.
        if let Some(who) = (end.saturating_sub(14).max(s + 1)..end)
            .rev()
            .find(|&k| self.is_word_in(k, &["who", "whose"]))
            && (who + 1..=end).all(|k| {
                self.word(k).is_some()
                    && self.region_of(k).is_none()
                    && !self.is_word_in(k, &CUE_VERBS)
            })
            && self.word(who - 1).is_some()
            && let Some(start) = self.np_start(who - 1, s)
        {
            return Some((start, end));
        }
        let start = self.np_start(end, s)?;
        let start = self.insiders_of(start, s).unwrap_or(start);
        Some((self.name_before_role(start, end, s).unwrap_or(start), end))
    }

    /// "Sources within the Conservative Party said", "sources close to the
    /// prime minister said": anonymous insiders, not the body or person
    /// they are near. The first token of "sources …", when such words
    /// come right before the noun phrase at `start`.
    fn insiders_of(&self, start: usize, s: usize) -> Option<usize> {
        let mut k = start.checked_sub(1)?;
        if self.is_word_in(k, &["to", "with"]) {
            k = k.checked_sub(1)?;
            // ("Sources with ties to the White House", "people with links
            // to the campaign".)
            if self.is_word_in(k, &["ties", "links", "connections"])
                && k > s
                && self.word(k - 1) == Some("with")
            {
                k -= 1;
            } else if !self.is_word_in(k, &["close", "familiar", "near"]) {
                return None;
            }
        } else if !self.is_word_in(k, &["within", "inside"]) {
            return None;
        }
        let noun = k.checked_sub(1).filter(|&n| n >= s)?;
        if !self.is_word_in(noun, &["sources", "source", "people", "insiders", "aides"]) {
            return None;
        }
        // ("A source close to …", "Two sources within …".)
        Some(
            noun.checked_sub(1)
                .filter(|&d| {
                    d >= s
                        && self.is_word_in(
                            d,
                            &[
                                "a", "an", "the", "one", "two", "three", "four", "several", "some",
                                "many",
                            ],
                        )
                })
                .unwrap_or(noun),
        )
    }

    /// "“…,” Eric Abensur, Wanadoo's chief executive told the BBC": a role
    /// whose closing comma the writer left out, after the name it follows
    /// the quotation with. The name's first token, when `start..=end` is
    /// such a role.
    fn name_before_role(&self, start: usize, end: usize, s: usize) -> Option<usize> {
        let comma = start.checked_sub(1)?;
        if self.raw(comma) != "," || !(start..=end).any(|k| self.is_word_in(k, &ROLE_HEADS)) {
            return None;
        }
        let name_end = comma.checked_sub(1)?;
        let mut name_start = name_end;
        while name_start > s && name_end - name_start < 3 && self.capitalised(name_start - 1) {
            name_start -= 1;
        }
        let after_quotation = name_start
            .checked_sub(1)
            .is_some_and(|k| self.regions.iter().any(|r| r.close == Some(k)));
        (name_end > name_start
            && (name_start..=name_end).all(|k| self.capitalised(k))
            && after_quotation)
            .then_some(name_start)
    }

    /// "Acme's CEO, Cynthia Musselman, told …": a role, then between
    /// commas the person's name (a given name first), before the comma
    /// at `comma`. The name is the source (the role before it reads as
    /// a name of its own when the two are parsed together).
    fn role_then_name(&self, comma: usize, s: usize) -> Option<(usize, usize)> {
        let name_end = comma.checked_sub(1)?;
        let mut name_start = name_end;
        while name_start > s && name_end - name_start < 3 && self.capitalised(name_start - 1) {
            name_start -= 1;
        }
        if name_start == name_end
            || !(name_start..=name_end).all(|k| self.capitalised(k))
            || crate::extract::lexicon::given_name(self.raw(name_start)).is_none()
        {
            return None;
        }
        let role_comma = name_start.checked_sub(1)?;
        let role_end = role_comma.checked_sub(1)?;
        if self.raw(role_comma) != ","
            || role_end < s
            || !(self.is_word_in(role_end, &ROLE_HEADS) || self.is_word_in(role_end, &SOURCE_NOUNS))
        {
            return None;
        }
        Some((name_start, name_end))
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
            // "Judge Haywood Gilliam Jr. in Oakland, California, said": the
            // town and its state are where the source is.
            if comma > i + 1
                && comma - i - 1 <= 2
                && (i + 1..comma).all(|k| self.capitalised(k))
                && let Some(k) =
                    (i.saturating_sub(3).max(s + 1)..i).find(|&k| self.word(k) == Some("in"))
                && self.capitalised(k - 1)
                && (k + 1..i).all(|m| self.capitalised(m))
            {
                let place: Vec<&str> = (i + 1..comma).map(|m| self.raw(m)).collect();
                let known = crate::gazetteer::Gazetteer::embedded()
                    .lookup(&crate::gazetteer::normalise::name_key(&place.join(" ")))
                    .is_some();
                if known {
                    let start = self.np_start(k - 1, s)?;
                    return Some((start, k - 1));
                }
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
                // "X, Democrat of California, said", "X, Chairman of …".
                || (self.capitalised(i + 1) && self.is_word_in(i + 2, &["of", "from"]))
                // "Sen. Ron Johnson, R-Wis., said": a party and state.
                || self.raw(i + 1).split_once('-').is_some_and(|(party, state)| {
                    matches!(party, "R" | "D" | "I") && state.starts_with(char::is_uppercase)
                })
                // "China, Pyongyang's only ally, said".
                || (self.capitalised(i + 1)
                    && self.raw(i + 1).trim_end_matches(['s', 'S']).ends_with(['\'', '’']))
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
            // "The lawmaker, who represents …, said": a role with its
            // article is a source as well as a name.
            let role_end = name_end > s
                && (self.is_word_in(name_end, &SOURCE_NOUNS)
                    || self.is_word_in(name_end, &ROLE_HEADS));
            if opens_clause && name_end >= s && (self.capitalised(name_end) || role_end) {
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
            // "Another pollster, David Woodard of Clemson University, said".
            let name_between = (i + 1..comma).all(|k| {
                self.capitalised(k)
                    || self.raw(k).ends_with('.')
                    || (k > i + 2 && self.raw(k) == "of")
            }) && self.capitalised(i + 1)
                && comma - i - 1 <= 7
                && comma > i + 1;
            // Not "in Columbus, Ohio, said": a role comes before the name
            // ("The president of the American Council on Renewable
            // Energy, Gregory Wetstone, said": a role of a body).
            let role_before = self.word(i - 1).is_some()
                && (!self.capitalised(i - 1)
                    || (i.saturating_sub(10).max(s)..i).any(|k| {
                        !self.capitalised(k)
                            && self.is_word_in(k, &ROLE_HEADS)
                            && self.is_word_in(k + 1, &["of", "at", "for"])
                    }) && (s..i).all(|k| self.raw(k) != ","));
            if name_between && role_before {
                // (After a body's name the role is too long to keep: the
                // name between the commas is the source.)
                if self.capitalised(i - 1) {
                    return Some((i + 1, comma - 1));
                }
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
        // "Washington (AFP) –", "WASHINGTON, Dec. 8 (UPI) —": a place,
        // a date and a wire service in parentheses.
        let upper = |i: usize| self.raw(i).chars().all(|c| !c.is_lowercase());
        let wire = |i: usize| {
            self.raw(i) == "("
                && self.raw(i + 2) == ")"
                && (upper(i + 1) || self.word(i + 1) == Some("reuters"))
        };
        if let Some(dash) =
            (s..(s + 10).min(limit)).find(|&i| matches!(self.raw(i), "—" | "–" | "-" | "--"))
            && ((dash < s + 4 && (s..dash).all(upper))
                || ((s..dash).any(wire)
                    && (s..dash).all(|i| {
                        self.word(i).is_none()
                            || self.capitalised(i)
                            || self.raw(i).starts_with(|c: char| c.is_ascii_digit())
                            || (i > s && self.raw(i - 1) == "(")
                    })))
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
        // "Walking to the next address, Ebeling …", "Having announced …,
        // Judge Berman …", "Eight years ago, he …", "This year, he …": an
        // opening phrase that is no name.
        let opening = self.word(s).is_some_and(|w| {
            (w.ends_with("ing") && w.len() > 4)
                || w == "having"
                || TIME_WORDS.has(w)
                || NUMBER_WORDS.has(w)
                || w.starts_with(|c: char| c.is_ascii_digit())
                || (matches!(w, "this" | "that" | "last" | "next" | "earlier" | "later")
                    && self.is_word_in(s + 1, &TIME_WORDS))
        });
        if opening
            && let Some(comma) = (s + 1..limit.min(s + 16)).find(|&i| self.raw(i) == ",")
            && comma + 1 < limit
        {
            s = comma + 1;
        }
        // "Recently, it published …": an adverb is no subject.
        if s + 2 < limit
            && self.raw(s + 1) == ","
            && self
                .word(s)
                .is_some_and(|w| w.len() > 4 && w.ends_with("ly"))
        {
            s += 2;
        }
        // "During a speech earlier in the day, Trump attacked …": an
        // opening phrase before the subject.
        if self.is_word_in(
            s,
            &[
                "during",
                "after",
                "before",
                "in",
                "at",
                "on",
                "since",
                "following",
                "earlier",
                "later",
                "last",
                "speaking",
                "asked",
                "while",
            ],
        ) && let Some(comma) = (s + 1..limit.min(s + 16)).find(|&i| self.raw(i) == ",")
            && comma + 1 < limit
        {
            s = comma + 1;
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
                // Not a verb and its object: "Hillary Clinton rallied
                // supporters", "Trump told aides".
                && (end + 1..tail).all(|i| {
                    self.word(i)
                        .is_some_and(|w| !w.ends_with("ed") && !ANY_CUE.contains(w))
                })
            {
                end = tail;
                // ("Arsenal boss Arsene Wenger": the name the role's noun
                // goes before.)
                if self.capitalised(end + 1) && self.capitalised(end + 2) && end + 2 < limit {
                    end += 2;
                    while end + 1 < limit && self.capitalised(end + 1) {
                        end += 1;
                    }
                }
                break;
            }
        }
        // (An honorific alone is no name, but opens one: "Mr Wallace agreed
        // and said …".)
        let honorific = self.is_word_in(name_start, &["mr", "mrs", "ms", "dr"]) && end > name_start;
        let named =
            self.capitalised(name_start) && (!NOT_NAMES.has(self.word(name_start)?) || honorific);
        if named {
            return Some((s, end));
        }
        // "A spokeswoman for Janney also declined to comment, saying …".
        // (Not the article alone: "The super PAC replaced …, saying".)
        if DETERMINERS.has(first) {
            return self.np_forward(s, limit, false).filter(|&(a, b)| b > a);
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
        let mut name_end = open - 1;
        // ("The U.S. Customs and Border Protection (CBP), on its website,
        // says", "John Smith (R-Texas), in a statement, said".)
        if self.raw(name_end) == ")"
            && let Some(paren) = (name_end.saturating_sub(8).max(s + 1)..name_end)
                .rev()
                .find(|&k| self.raw(k) == "(")
        {
            name_end = paren - 1;
        }
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

    /// Whether token `i` is a name spelt like a modal: "May" of "Brian May
    /// has said" or "May said:" (no modal comes before a given name's
    /// surname, nor before a past tense or "has"), "Will" of "Will Young"
    /// (a modal has no capitalised word after it).
    fn name_like_a_modal(&self, i: usize) -> bool {
        let after = |words: &[&str]| self.word(i + 1).is_some_and(|w| words.contains(&w));
        match self.raw(i) {
            "May" => {
                i > 0 && crate::extract::lexicon::given_name(self.raw(i - 1)).is_some()
                    || after(&[
                        "said",
                        "says",
                        "has",
                        "had",
                        "is",
                        "was",
                        "wrote",
                        "writes",
                        "told",
                        "added",
                        "tweeted",
                        "insisted",
                        "argued",
                        "explained",
                        "recalled",
                    ])
            }
            "Will" => self.capitalised(i + 1),
            _ => false,
        }
    }

    /// Walks back from the head word `end` over the noun phrase.
    fn np_start(&self, end: usize, s: usize) -> Option<usize> {
        let head = self.word(end)?;
        if PRONOUNS.has(head) {
            return Some(end);
        }
        if let Some(start) = self.share_of_people(end, s) {
            return Some(start);
        }
        // (A statement is an occasion after "in a", "at the", but a
        // source itself: "The statement said", "the company's statement
        // said".)
        if NP_STOPS.has(head) && !self.name_like_a_modal(end)
            || DETERMINERS.has(head)
            || (TIME_WORDS.has(head) && head != "statement")
            || matches!(head, "of" | "by" | "for" | "at" | "like" | "via")
        {
            return None;
        }
        // A sentence-opening "But" or "After" is not a name.
        if end == s && NOT_NAMES.has(head) && !self.name_like_a_modal(end) {
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
            // ("Collins’ office said": a possessive by its apostrophe alone.)
            if matches!(self.raw(i), "’" | "'")
                && i > s
                && self.tokens[i].start == self.tokens[i - 1].end
                && self.capitalised(i - 1)
                && self.raw(i - 1).ends_with('s')
            {
                start = i - 1;
                continue;
            }
            let Some(w) = self.word(i) else { break };
            if self.region_of(i).is_some()
                || NP_STOPS.has(w) && !self.name_like_a_modal(i)
                || PRONOUNS.has(w)
            {
                break;
            }
            // ("Last week Lord Goldsmith said", "Last month the Attorney
            // General said": a time opening the sentence is no role. Times
            // only: `TIME_WORDS` holds occasions too, "the conference
            // organisers said".)
            // (Not a name's: "The Sunday Express", "New Evening Post".)
            let in_a_name = self.capitalised(i)
                && i > s
                && (self.capitalised(i - 1) || self.is_word_in(i - 1, &DETERMINERS));
            if !in_a_name
                && matches!(
                    w,
                    "week"
                        | "weekend"
                        | "month"
                        | "year"
                        | "night"
                        | "morning"
                        | "afternoon"
                        | "evening"
                        | "today"
                        | "yesterday"
                        | "tonight"
                        | "monday"
                        | "tuesday"
                        | "wednesday"
                        | "thursday"
                        | "friday"
                        | "saturday"
                        | "sunday"
                )
            {
                break;
            }
            if end - i >= 10 {
                break;
            }
            // "Many states refused and others said": "and" after a verb
            // joins two clauses, not two names.
            if matches!(w, "and" | "or")
                && i > s
                && !self.capitalised(i - 1)
                && self.word(i - 1).is_some_and(|v| v.ends_with("ed"))
            {
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
        // "Shanske and other tax experts said", "Trump and his allies
        // deny": a name and the group around it.
        if start > s + 1
            && self.is_word_in(start, &["other", "his", "her", "their"])
            && self.word(start - 1) == Some("and")
            && self.capitalised(start - 2)
        {
            let mut name = start - 2;
            while name > s && self.capitalised(name - 1) {
                name -= 1;
            }
            return Some(name);
        }
        // "At the party convention Sen. Elizabeth Warren said": an opener
        // with no comma ends at a plain noun before the name (not at a
        // role's, "the Republican nominee Donald Trump", nor without the
        // preposition, "Tory peer Lord Tebbit").
        let after_a_preposition = start > s
            && self.is_word_in(
                start - 1,
                &[
                    "at",
                    "in",
                    "on",
                    "during",
                    "after",
                    "before",
                    "following",
                    "from",
                ],
            );
        if after_a_preposition && self.capitalised(end) {
            let mut run = end;
            while run > start && self.capitalised(run - 1) {
                run -= 1;
            }
            if run > start
                && run < end
                && self.word(run - 1).is_some_and(|w| {
                    !self.capitalised(run - 1)
                        && !DETERMINERS.has(w)
                        && !SOURCE_NOUNS.has(w)
                        && !ROLE_HEADS.has(w)
                        && !matches!(w, "of" | "for" | "and" | "&" | "de" | "van" | "von")
                        && w.len() > 3
                        && w.chars().all(char::is_alphabetic)
                })
            {
                start = run;
            }
        }
        // Any other head needs a determiner: "the ad’s narrator", "Romney's
        // associates".
        // ("Ivana Trump's brief": a possessive anywhere before the head.)
        let possessive = (start..end).any(|k| {
            self.capitalised(k)
                && self
                    .raw(k)
                    .trim_end_matches(['s', 'S'])
                    .ends_with(['\'', '’'])
        });
        let determined = (self.is_word_in(start, &DETERMINERS) || possessive)
            && start < end
            && !head.ends_with("ly")
            && !head.ends_with("ing");
        // "Refugee advocates say", "Law professors have said", "others
        // said": people in the plural need no determiner.
        let people = !self.capitalised(end)
            && head.len() > 3
            && head.ends_with('s')
            && !head.ends_with("ss")
            && !head.ends_with("ics")
            && !EVIDENCE_NOUNS.has(head)
            && (start..end).all(|k| {
                self.capitalised(k)
                    || self.word(k).is_some_and(|w| {
                        !w.ends_with("ly")
                            && !w.ends_with("ed")
                            && !matches!(w, "and" | "or" | "but")
                    })
            });
        if !named && !determined && !people {
            return None;
        }
        // "Critics in Ljubljana questioned", "advisers to Mr. Obama say": the
        // phrase goes on before the preposition.
        let adviser_to = start > s + 1
            && self.is_word_in(start - 1, &["to", "for"])
            && (self.is_word_in(start - 2, &SOURCE_NOUNS)
                || self.is_word_in(start - 2, &ROLE_HEADS));
        if start > s + 1
            && (self.is_word_in(start - 1, &["in", "at", "from"]) || adviser_to)
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

    /// "55 percent of all voters say", "about two-thirds say", "one in three
    /// said", "many in the crowd said", "some say": a share of people, a
    /// vague source.
    fn share_of_people(&self, end: usize, s: usize) -> Option<usize> {
        let quantity = |i: usize| {
            self.word(i).is_some_and(|w| {
                NUMBER_WORDS.has(w)
                    || w.starts_with(|c: char| c.is_ascii_digit())
                    || matches!(
                        w,
                        "some" | "most" | "half" | "majority" | "minority" | "others" | "all"
                    )
                    || w.ends_with("-thirds")
                    || w.ends_with("-fourths")
                    || w.ends_with("-quarters")
                    || w.ends_with("-fifths")
            })
        };
        let ends_plainly = self.word(end).is_some_and(|w| {
            quantity(end) || w.ends_with('s') || matches!(w, "percent" | "crowd" | "public")
        });
        if !ends_plainly {
            return None;
        }
        // ("Many states refused and others said": a clause before "and"
        // is no part of the share.)
        let from = (end.saturating_sub(6).max(s)..end)
            .rev()
            .find(|&k| {
                self.is_word_in(k, &["and", "or"])
                    && k > s
                    && self.word(k - 1).is_some_and(|v| v.ends_with("ed"))
            })
            .map_or(end.saturating_sub(6).max(s), |k| k + 1);
        let first =
            (from..=end).find(|&i| quantity(i) && (i..=end).all(|k| self.word(k).is_some()))?;
        // Only lower-case words and numbers from the share to the verb:
        // "some say", "most of them said", "55 percent of all voters say".
        let plain = (first..=end).all(|k| {
            !self.capitalised(k) || k == s || self.word(k).is_some_and(|w| NUMBER_WORDS.has(w))
        });
        let opener = first == s
            || self.is_word_in(
                first - 1,
                &[
                    "about", "nearly", "almost", "roughly", "and", "but", "while", "with",
                ],
            )
            || matches!(self.raw(first - 1), "," | ";" | "—");

        (plain && opener && !PRONOUNS.has(self.word(end)?)).then_some(first)
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
        // ("Johnson & Johnson", "Marks & Spencer": an ampersand between
        // capitalised words joins a firm's name.)
        if raw == "&" && self.region_of(i).is_none() {
            return true;
        }
        // ("A U.S. Customs and Border Protection spokeswoman": the name
        // before the one who speaks for it.)
        let end = if end > start
            && self.is_word_in(
                end,
                &[
                    "spokesman",
                    "spokeswoman",
                    "spokesperson",
                    "official",
                    "officials",
                ],
            )
            && self.capitalised(end - 1)
        {
            end - 1
        } else {
            end
        };
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
        self.tokens.get(i).is_some_and(|t| t.kind == Kind::Word)
            && crate::extract::text::is_name_capitalised(self.raw(i))
    }

    fn is_adverb(&self, i: usize) -> bool {
        self.word(i).is_some_and(|w| {
            !self.capitalised(i)
                && ((w.len() > 4 && w.ends_with("ly"))
                    // "58 percent of voters overall said", "Smith later said".
                    || matches!(
                        w,
                        "overall"
                            | "also"
                            | "later"
                            | "then"
                            | "now"
                            | "still"
                            | "again"
                            | "once"
                            | "instead"
                    ))
        })
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
        // "said in a statement", "said of the senator": an adjunct, no
        // source.
        if !self.capitalised(start)
            && (ADJUNCT_OPENERS.has(first) || TRAILING_ADJUNCT_OPENERS.has(first) || first == "by")
        {
            return None;
        }
        let mut end = start;
        let mut j = start;
        let role_like = |i: usize| {
            self.word(i)
                .is_some_and(|w| SOURCE_NOUNS.has(w) || ROLE_HEADS.has(w) || is_age(w))
        };
        // "Estera Events Co-Owner and Lead Planner Erica Vanco": two
        // titles joined by "and" before one name.
        let title_and = |j: usize| {
            self.word(j) == Some("and")
                && self.capitalised(j + 1)
                && self.word(j - 1).is_some_and(|w| {
                    ROLE_HEADS.has(w) || w.rsplit('-').next().is_some_and(|t| ROLE_HEADS.has(t))
                })
        };
        while j < e && j - start < 14 {
            let Some(w) = self.word(j) else { break };
            if j > start && (NP_STOPS.has(w) && w != "of") && !title_and(j) {
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
        // ("said the 46-year-old": an age stands for the person.)
        let ok = self.capitalised(end) || SOURCE_NOUNS.has(head) || is_age(head);
        if !ok {
            return None;
        }
        // ("said BA director of commercial planning, Robert Boyle": the
        // role's words after "of" run to the comma before the name.)
        if let Some(role) = (start..=end)
            .rev()
            .find(|&k| self.word(k).is_some_and(|w| ROLE_HEADS.has(w)))
            && self.word(role + 1) == Some("of")
            && let Some(comma) = (role + 2..(role + 8).min(e)).find(|&k| self.raw(k) == ",")
            && (role + 2..comma).all(|k| {
                self.word(k)
                    .is_some_and(|w| !NP_STOPS.has(w) || matches!(w, "of" | "and"))
            })
            && comma + 2 < e
            && self.capitalised(comma + 1)
            && self.capitalised(comma + 2)
            && crate::extract::lexicon::given_name(self.raw(comma + 1)).is_some()
        {
            end = comma - 1;
        }
        // "said the deputy mayor, Mark Evans", "asked one resident, Mary
        // Cole": a role, then the name it belongs to.
        if self
            .word(end)
            .is_some_and(|w| !self.capitalised(end) || ROLE_HEADS.has(w))
            && self.raw(end + 1) == ","
            && end + 3 < e
            && self.capitalised(end + 2)
            && self.capitalised(end + 3)
        {
            let mut j = end + 3;
            while j + 1 < e && self.word(j + 1).is_some() && self.capitalised(j + 1) {
                j += 1;
            }
            end = j;
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
        // (Not one that ends its own sentence: in "“… non-criminal
        // matters.” Trump has called the accusations …" a new sentence
        // begins after it. "“…?” she asked" and "“…,” he said" attach.)
        self.regions
            .iter()
            .find(|r| r.close == Some(j))
            .filter(|r| j == 0 || r.open + 1 >= j || self.raw(j - 1) != ".")
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
        // (Who was told may take a few words more: "told one of his young
        // protégés on a regular basis that …".)
        let horizon = (a + if OBJECT_VERBS.has(verb) { 16 } else { 12 }).min(e);
        let mut j = a;
        while j < horizon {
            let raw = self.raw(j);
            // "In a message posted Friday, Cruz said …": what follows a
            // later cue is that cue's.
            if j > a && self.word(j).is_some_and(|w| CUE_VERBS.has(w)) && !self.capitalised(j) {
                break;
            }
            // "that" after a preposition is a determiner: "to that conclusion".
            // (Not a "that" inside the clause already begun, "said the law
            // was clear that …", nor a noun's own, "denies allegations
            // by U.S. agencies that it meddled".)
            // (Nor after a name given: "called the bill a giveaway to the
            // wealthy that will widen …", a relative clause.)
            let determiner_or_relative = || {
                j > 0
                    && self.is_word_in(
                        j - 1,
                        &[
                            "to", "about", "of", "with", "for", "on", "in", "at", "by", "from",
                            "is", "was", "like",
                        ],
                    )
                    // (Not the month: "told a diplomat in May 2016 that".)
                    || (a..j).any(|k| {
                        (self.is_word_in(k, &FINITE_VERBS) && !self.capitalised(k))
                            || self.is_word_in(k, &CLAIM_NOUNS)
                    })
                    || self.name_given_before(c, a, j)
            };
            if self.word(j) == Some("that") && !determiner_or_relative() {
                // ("said that was true": "that" is the clause's subject.)
                let subject = self.is_word_in(j + 1, &FINITE_VERBS);
                a = if subject { j } else { j + 1 };
                saw_that = true;
                break;
            }
            // A speech act's own object comes first: "praised her impact:
            // “…”" leaves the quotation to its own attribution.
            if (raw == ":" || self.regions.iter().any(|r| r.open == j))
                && !CUE_VERBS.has(verb)
                && is_frame_verb(verb)
            {
                break;
            }
            // (Not the colon of a time: "9:30".)
            let time = j > 0
                && self.raw(j - 1).ends_with(|c: char| c.is_ascii_digit())
                && self.raw(j + 1).starts_with(|c: char| c.is_ascii_digit());
            if raw == ":" && !time {
                a = j + 1;
                break;
            }
            // "told Marlow on Thursday how surprised he was", "asked
            // whether …": the question or account is the content.
            if (j > a || verb.starts_with("ask") || FINDING_VERBS.has(verb))
                && (OBJECT_VERBS.has(verb) || FINDING_VERBS.has(verb))
                && (self.is_word_in(j, &["how", "whether", "why", "what", "if"])
                    // "asked which county was his favorite": the question.
                    || (verb.starts_with("ask")
                        && self.raw(j - 1) != ","
                        && !self.is_word_in(j - 1, &["for"])
                        && self.is_word_in(j, &["which", "who", "whom", "where", "when"])))
            {
                a = j;
                saw_that = true;
                break;
            }
            // "told reporters “…”": the quotation is the content; "said
            // the move was “lamentable”": a clause with a verb before the
            // quotation is the content, the quoted words part of it.
            // ("told ABC's “This Week” that he …": a quoted title before
            // "that" is part of the object.)
            if let Some(close) = self
                .regions
                .iter()
                .find(|r| r.open == j)
                .and_then(|r| r.close)
                && close - j <= 6
                && (close + 1..(close + 5).min(e)).any(|k| self.word(k) == Some("that"))
            {
                j = close + 1;
                continue;
            }
            if self.regions.iter().any(|r| r.open == j) {
                // (After a verb with an object, "told BBC One's Breakfast
                // programme there was no place for “…”", "told reporters
                // she was “proud”", the object comes first and is left to
                // the rules below.)
                let clause = (a..j).any(|k| self.is_word_in(k, &FINITE_VERBS))
                    // ("said providers “will tread lightly”": the quotation
                    // opens with the verb of a subject before it.)
                    || (j > a
                        && self.word(j - 1).is_some()
                        && !self.is_word_in(a, &ADJUNCT_OPENERS)
                        && self.is_word_in(j + 1, &FINITE_VERBS))
                    // ("said the Trump administration “appreciates the
                    // court's ruling”", "said the ruling “dramatically
                    // transforms” the lawsuit": after a verb of saying
                    // that takes a clause, a quotation opening in lower
                    // case goes on with the subject before it; not after
                    // "called for a “sizable” contribution".)
                    || (j > a
                        && matches!(
                            verb,
                            "said"
                                | "says"
                                | "say"
                                | "added"
                                | "adds"
                                | "wrote"
                                | "writes"
                                | "argued"
                                | "argues"
                                | "insisted"
                                | "noted"
                                | "stated"
                                | "explained"
                        )
                        && !self.is_word_in(a, &ADJUNCT_OPENERS)
                        && self.word(j + 1).is_some()
                        && !self.capitalised(j + 1)
                        && self
                            .word(j - 1)
                            .is_some_and(|w| !TIME_WORDS.has(w) && w != "as"))
                    // ("called the KKK “abhorrent”": the object is what was named.)
                    || (j > a && self.is_word_in(c, &NAMING_VERBS) && self.name_calling(c, a, e))
                    // ("asked the OPM to review Mulvaney's “unprecedented”
                    // plans": what was asked holds the quoted words.)
                    // (A short object, then "to": not "told reporters he
                    // accepted Howard's right to “hire and fire”".)
                    || (OBJECT_TO_VERBS.has(verb)
                        && (a + 1..j.min(a + 5)).any(|k| self.word(k) == Some("to"))
                        // ("it" is an object as often: "urged Rosenstein to
                        // let it continue “unfettered …”".)
                        && !(a..j).any(|k| self.is_word_in(k, &["he", "she", "they", "we", "i"])))
                    // ("described the motion as part of a “coup”", "voiced
                    // her concerns about Obamacare's “individual mandate”":
                    // a speech act's object holds the quoted words.)
                    || (j > a + 1
                        && !OBJECT_VERBS.has(verb)
                        && (is_frame_verb(verb) || verb.starts_with("describ"))
                        && self.word(j - 1).is_some_and(|w| !TIME_WORDS.has(w)))
                    // ("said State Department documents also now refer to
                    // sex education as “sexual risk avoidance”": a clause
                    // of several words before "as" and the name it gives.)
                    || (j > a + 3
                        && matches!(
                            verb,
                            "said" | "says" | "say" | "added" | "adds" | "wrote" | "writes"
                                | "noted" | "reported" | "reports"
                        )
                        && self.word(j - 1) == Some("as")
                        && (a..j).all(|k| {
                            self.word(k).is_some()
                                // (Not over a second clause: "… this year but
                                // he ruled out X as “too expensive”".)
                                && !(self.is_word_in(k, &["but", "and"])
                                    && self.is_word_in(k + 1, &["he", "she", "they", "it", "we"]))
                        }))
                    // ("said the Kenji faction represented “traitors”": a
                    // verb in the past after the clause's subject.)
                    || (j > a + 1
                        && CUE_VERBS.has(verb)
                        && !OBJECT_VERBS.has(verb)
                        && (a + 1..j).any(|k| {
                            !self.capitalised(k)
                                && self.word(k).is_some_and(|w| w.len() > 4 && w.ends_with("ed"))
                                && self.word(k - 1).is_some()
                        }));
                if !clause {
                    a = j;
                }
                break;
            }
            if matches!(raw, "." | ";") {
                break;
            }
            // "said, adding …": no content after this cue. A participle
            // further on ends the content instead: "said he would, arguing …".
            if raw == ","
                && self
                    .word(j + 1)
                    .is_some_and(|w| w.ends_with("ing") && CUE_VERBS.has(w))
            {
                if j == a {
                    return None;
                }
                break;
            }
            j += 1;
        }
        // "“…,” Carter said referring to the bill", "said speaking to
        // reporters": a participle straight after the verb opens no clause.
        // (A gerund may open a clause, "said stretching classes are
        // popular", and be an object, "cited rising costs".)
        if !saw_that
            && a == cue_end + 1
            && matches!(
                verb,
                "said" | "says" | "say" | "added" | "adds" | "told" | "wrote"
            )
            && !self.capitalised(a)
            && self
                .word(a)
                .is_some_and(|w| w.len() > 5 && w.ends_with("ing"))
            && !self.regions.iter().any(|r| r.open == a)
            && !(a + 1..e).any(|k| self.is_word_in(k, &FINITE_VERBS) && !self.capitalised(k))
        {
            return None;
        }
        // "writing, “…”", "writing that …": writing says something only so.
        if verb == "writing" && !saw_that && !self.regions.iter().any(|r| r.open == a) {
            return None;
        }
        let framed = !saw_that && a == cue_end + 1 && self.complement_follows(c, cue_end, verb, e);
        // A verb that is a cue only with its frame says nothing without it:
        // "the rate would decline by four points until it reached …".
        if !framed && !saw_that && !CUE_VERBS.has(verb) && is_frame_verb(verb) {
            return None;
        }
        if !saw_that && a == cue_end + 1 && !framed {
            // No marker: the content follows directly, unless an object or
            // adjunct comes first.
            // "POLITICO's average shows Clinton ahead by 3.7 points": what a
            // poll, study or record shows needs no "that" (a finding).
            let evidence_before = (c.saturating_sub(3)..c)
                .rev()
                .find(|&k| !self.is_word_in(k, &AUXILIARIES))
                .is_some_and(|k| self.is_word_in(k, &EVIDENCE_NOUNS))
                // "A Monmouth poll out Monday showed Clinton ahead".
                || (FINDING_VERBS.has(verb)
                    && self
                        .sentences
                        .iter()
                        .find(|&&(a, b)| a <= c && c < b)
                        .is_some_and(|&(s, _)| self.evidence_source(c, s).is_some()));
            // ("described the motion as part of a “coup”": what it was
            // described as.)
            let described_as = verb.starts_with("describ")
                && (a + 1..(a + 8).min(e)).any(|k| self.word(k) == Some("as"));
            let needs_no_that = (FINDING_VERBS.has(verb) && evidence_before)
                || (BELIEF_VERBS.has(verb) && self.clause_opens(a, e))
                || self.name_calling(c, a, e)
                || described_as;
            if NEEDS_THAT.has(verb) && !needs_no_that {
                return None;
            }
            // "the world says something about …", "everything Trump says is a
            // lie": no clause follows.
            if self.is_word_in(a, &["something", "nothing", "anything", "everything"]) {
                return None;
            }
            // "boasted sales of $462 million", "added 500 jobs": an object,
            // not what was said. (A company that "reported a drop in
            // profit" did state it: that stays.)
            // "declared an extra dividend", "declared a state of
            // emergency": an act done by declaring, not a statement.
            let declared_act = verb.starts_with("declar")
                && (a..(a + 8).min(e))
                    .take_while(|&k| !self.is_word_in(k, &FINITE_VERBS))
                    .any(|k| {
                        self.is_word_in(
                            k,
                            &[
                                "dividend",
                                "dividends",
                                "split",
                                "payout",
                                "distribution",
                                "bankruptcy",
                                "insolvency",
                                "emergency",
                                "war",
                                "victory",
                                "independence",
                                "majeure",
                                "ceasefire",
                                "moratorium",
                                "default",
                                "holiday",
                            ],
                        )
                    });
            if declared_act
                || matches!(verb, "boasted" | "boasts" | "bragged")
                || (verb.starts_with("add")
                    && self
                        .raw(a)
                        .starts_with(|c: char| c.is_ascii_digit() || c == '$'))
            {
                return None;
            }
            if OBJECT_VERBS.has(verb) && !verb.starts_with("accus") {
                // "told reporters …": without "that" the rest is usually not
                // the content, unless a clause opens with its subject after
                // a short object: "told POLITICO he had kept …".
                // ("told BBC One's Breakfast programme there was …": a
                // name and the audience noun it heads are one object.)
                let object_then_subject = (a + 1..(a + 9).min(e))
                    .take_while(|&j| self.word(j).is_some())
                    .find(|&j| {
                        self.is_word_in(j, &["he", "she", "they", "it", "we", "i", "there"])
                            // ("told the BBC this will mean …", not "told
                            // the BBC this week".)
                            || (self.is_word_in(j, &["this", "these", "those"])
                                && self.is_word_in(j + 1, &FINITE_VERBS))
                            // ("told the BBC Liverpool were unlikely to …")
                            || (j > a + 1
                                && self.capitalised(j)
                                && self.is_word_in(j + 1, &FINITE_VERBS))
                    })
                    .filter(|&j| {
                        // ("told reporters earlier this month he planned
                        // …": a time after the object.)
                        (a..j).all(|k| {
                            self.capitalised(k)
                                || self
                                    .is_word_in(k, &["me", "us", "him", "her", "them", "reporters"])
                                || (k > a
                                    && self.capitalised(k - 1)
                                    && self.is_word_in(k, &AUDIENCE_NOUNS))
                                || (k > a
                                    && (self.is_word_in(k, &TIME_WORDS)
                                        || self.is_word_in(
                                            k,
                                            &["earlier", "later", "last", "this", "on"],
                                        )))
                        })
                        // "told the forum he was …", "told African-Americans
                        // this weekend he would …": any short object or
                        // time, when the pronoun's own verb follows it.
                        || (self.is_word_in(j + 1, &FINITE_VERBS)
                            && (a..j).all(|k| {
                                self.word(k).is_some()
                                    && !self.is_word_in(k, &FINITE_VERBS)
                                    && !self.is_word_in(k, &["that", "and", "but", "or", "if"])
                            }))
                    });
                // ("told reporters the deal was done", "told the BBC the
                // talks had failed": a clause opened by a determiner and
                // its noun, with a finite verb within a few words.)
                let object_word = |k: usize| {
                    self.capitalised(k)
                        || self.is_word_in(k, &["me", "us", "him", "her", "them", "reporters"])
                        || self.word(k) == Some("the") && k + 1 < e && self.capitalised(k + 1)
                };
                let object_then_clause = || {
                    (a + 1..(a + 5).min(e))
                        .take_while(|&j| self.word(j).is_some())
                        .find(|&j| {
                            self.is_word_in(j, &["the", "a", "an", "his", "her", "their", "its"])
                                && !(self.word(j) == Some("the") && self.capitalised(j + 1))
                                && (j + 1..(j + 6).min(e))
                                    .any(|k| self.is_word_in(k, &FINITE_VERBS))
                        })
                        .filter(|&j| (a..j).all(object_word))
                };
                match object_then_subject.or_else(object_then_clause) {
                    Some(j) if verb.starts_with("tell") || verb == "told" => a = j,
                    _ => return None,
                }
            }
            // "said last week the nominations would not …", "said Tuesday
            // the deal was off": a time, then the clause.
            let time = if self.is_word_in(a, &["last", "this", "next", "earlier", "late", "on"])
                && self.is_word_in(a + 1, &TIME_WORDS)
            {
                // ("said on Wednesday night Enrico Bondi …".)
                if self.is_word_in(a + 2, &TIME_WORDS) {
                    3
                } else {
                    2
                }
            } else if (self.is_word_in(a, &TIME_WORDS)
                // "DHS said previously its goal is …".
                || self.is_word_in(a, &["earlier", "previously", "recently", "later"]))
                && !self.capitalised(a + 1)
            {
                1
            } else {
                0
            };
            if time > 0
                && self.word(a + time).is_some_and(|w| {
                    !ADJUNCT_OPENERS.has(w) && w != "that" && !FINITE_VERBS.contains(&w)
                })
                && (a + time + 1..(a + time + 12).min(e)).any(|k| {
                    self.is_word_in(k, &FINITE_VERBS)
                        // ("said this week the plan failed": a past tense
                        // after its subject, not "the approved plan".)
                        || self.word(k).is_some_and(|w| w.len() > 4 && w.ends_with("ed"))
                            && !self.is_word_in(k - 1, &DETERMINERS)
                })
                && !OBJECT_VERBS.has(verb)
            {
                a += time;
            }
            // "said while older voters care about Medicare, polls are
            // finding …": a subordinate clause with its own subject opens
            // what was said ("said while visiting Iowa", "said when asked"
            // tell when it was said, and are left to the adjunct rules).
            let subordinate = self
                .is_word_in(a, &["while", "when", "although", "though", "whereas"])
                && self.word(a + 1).is_some_and(|w| {
                    !w.ends_with("ing")
                        && !w.ends_with("ed")
                        && !matches!(w, "asked" | "told")
                        && !ADJUNCT_OPENERS.has(w)
                })
                && (a + 3..(a + 14).min(e)).any(|k| self.raw(k) == ",")
                && !OBJECT_VERBS.has(verb);
            // ("said this leads them to …": "this" opens an adjunct only
            // before a time, "this week".)
            let demonstrative = self.is_word_in(a, &["this"])
                && !self.is_word_in(a + 1, &TIME_WORDS)
                && self.word(a + 1).is_some_and(|w| {
                    FINITE_VERBS.contains(&w)
                        || (w.len() > 3 && w.ends_with('s') && !w.ends_with("ss"))
                        // ("said this meant …", "said this showed …".)
                        || (w.len() > 3 && w.ends_with("ed"))
                        || matches!(w, "meant" | "made" | "led" | "gave" | "left")
                })
                && !self.capitalised(a + 1);
            if !subordinate
                && !demonstrative
                && (self.is_word_in(a, &ADJUNCT_OPENERS) || matches!(self.raw(a), "," | "("))
            {
                // "said in a statement Thursday night they pulled …": a short
                // adjunct, then a clause opened by its subject pronoun.
                // ("said with the bank closed for months, many exporters
                // have …": after the adjunct's comma, a clause.)
                let after_comma = || {
                    (a + 2..(a + 14).min(e))
                        .find(|&j| self.raw(j) == ",")
                        .filter(|&j| {
                            // (A subject opens it: not "and will run …".)
                            self.word(j + 1).is_some_and(|w| {
                                !w.ends_with("ing")
                                    && !FINITE_VERBS.contains(&w)
                                    && !matches!(
                                        w,
                                        "and" | "but" | "or" | "which" | "who" | "while" | "as"
                                    )
                            }) && (j + 2..(j + 6).min(e)).any(|k| self.is_word_in(k, &FINITE_VERBS))
                        })
                        .map(|j| j + 1)
                };
                // "said in a statement the government must …": the medium,
                // then a clause opened by its subject and a verb.
                let after_medium = || {
                    let opener = if self.raw(a) == "," { a + 1 } else { a };
                    if !self.is_word_in(opener, &["in", "on", "via"]) {
                        return None;
                    }
                    let medium = (opener + 1..(opener + 4).min(e))
                        .take_while(|&j| self.word(j).is_some())
                        .find(|&j| {
                            self.is_word_in(
                                j,
                                &[
                                    "statement",
                                    "interview",
                                    "letter",
                                    "tweet",
                                    "post",
                                    "email",
                                    "release",
                                    "speech",
                                    "video",
                                    "twitter",
                                    "facebook",
                                    "filing",
                                ],
                            )
                        })?;
                    let mut j = medium + 1;
                    if self.raw(j) == "," {
                        j += 1;
                    }
                    let opens_clause = self.word(j).is_some_and(|w| {
                        !ADJUNCT_OPENERS.has(w)
                            && !FINITE_VERBS.contains(&w)
                            && !matches!(w, "that" | "and" | "but" | "or" | "which" | "who")
                            && !w.ends_with("ing")
                    }) && (j + 1..(j + 5).min(e))
                        .any(|k| self.is_word_in(k, &FINITE_VERBS));
                    opens_clause.then_some(j)
                };
                match (a + 1..(a + 9).min(e))
                    .take_while(|&j| self.word(j).is_some())
                    .find(|&j| self.is_word_in(j, &["he", "she", "they", "it", "we", "i"]))
                    .or_else(after_medium)
                    .or_else(|| {
                        (self.is_word_in(a, &ADJUNCT_OPENERS)
                            || (self.raw(a) == "," && self.is_word_in(a + 1, &ADJUNCT_OPENERS)))
                        .then(after_comma)
                        .flatten()
                    }) {
                    Some(j) if !OBJECT_VERBS.has(verb) && !NEEDS_THAT.has(verb) => a = j,
                    _ => return None,
                }
            }
        }
        let quoted = self.regions.iter().any(|r| r.open + 1 == a || r.open == a);
        if self.is_word_in(c, &["called", "call", "calls", "calling"])
            && !saw_that
            && !quoted
            && !framed
            && !self.name_calling(c, a, e)
        {
            return None;
        }
        // The content stops where another attribution begins: "Podesta, who
        // said the project was vetted, said he was unaware", "X said …,
        // though Mrs. Fiorina said …".
        let mut e = self.next_attribution_start(a, e).unwrap_or(e);
        // "called for an investigation in a letter on Monday", "urged the
        // men to step down in a letter": where an act of asking was made is
        // the reporter's, not what was asked. (After a clause such words
        // are part of what was said: "said the plan was set out in a
        // letter".)
        let asks = is_frame_verb(verb) || self.word(cue_end) == Some("for");
        if asks
            && let Some(k) = (a + 2..e).find(|&k| {
                self.is_word_in(k, &["in", "on", "via"])
                    && self.is_word_in(k + 1, &["a", "an", "the", "his", "her", "their", "its"])
                    && (k + 2..(k + 4).min(e)).any(|m| self.is_word_in(m, &MEDIUM_NOUNS))
                    && self.region_of(k).is_none()
                    && !(a..k).any(|m| self.is_word_in(m, &FINITE_VERBS))
            })
        {
            e = k;
        }
        // "said residents could pay early, prompting a wave of …", "…,
        // citing a source familiar with the matter", "…, mirroring an
        // arrangement …": what followed, where it came from, what it
        // echoes, in the reporter's words. (Not every participle: in a
        // firm's announcement "sales rose 17 pct, bringing the year's to
        // …" and "Evans was elected president, succeeding James Baker"
        // are the firm's; tried on Reuters-21578, cutting at any one
        // changed 2,000 records, most of them for the worse.)
        if let Some(k) = (a + 3..e).find(|&k| {
            // (", all but ensuring its passage": what it made near certain.)
            let all_but = self.is_word_in(k + 1, &["all"])
                && self.is_word_in(k + 2, &["but"])
                && self.word(k + 3).is_some_and(|w| w.ends_with("ing"));
            self.raw(k) == ","
                && (self.is_word_in(k + 1, &REPORTERS_PARTICIPLES) || all_but)
                && self.region_of(k).is_none()
        }) {
            e = k;
        }
        // "Levin dubbed them “Picasso tadpoles,” and they truly looked the
        // part": the name given ends what was said.
        if NAMING_VERBS.contains(&verb)
            && self.name_calling(c, a, e)
            && let Some(k) = (a + 2..e).find(|&k| {
                self.region_of(k).is_none()
                    && (matches!(self.raw(k), ";") || self.is_word_in(k, &["and", "but"]))
                    && self
                        .regions
                        .iter()
                        .any(|r| r.open > a && r.close.is_some_and(|c| c < k))
            })
        {
            e = k;
        }
        // "Schumer said the attack was “nasty,” but he did not join her
        // call …": "but he" goes on about the speaker, in the reporter's
        // words.
        if let Some(k) = (a + 2..e).find(|&k| {
            self.is_word_in(k, &["but", "though", "although", "whereas"])
                && self.is_word_in(k + 1, &["he", "she"])
                && matches!(self.raw(k - 1), "," | "”" | "\"")
                && self.region_of(k).is_none()
        }) {
            e = k;
        }
        // "denied the allegations but admitted allowing …", "has denied
        // some of them and questioned others": a second act of the same
        // speaker is no part of what the first one said. (After a clause
        // the act may be its subject's: "said they want to know why Comey
        // … discussed the inquiry and announced that …".)
        // (Where the first clause word is, found once.)
        let first_clause_word = (a..e).find(|&j| {
            self.is_word_in(j, &FINITE_VERBS)
                || self.is_word_in(
                    j,
                    &["that", "why", "how", "who", "which", "what", "whether"],
                )
        });
        let clause_in = |k: usize| first_clause_word.is_some_and(|j| j < k);
        if let Some(k) = (a + 2..e).find(|&k| {
            let act = |j: usize| {
                !self.capitalised(j)
                    && self.word(j).is_some_and(|w| {
                        CUE_VERBS.has(w) && (w.ends_with("ed") || matches!(w, "said" | "told"))
                    })
            };
            self.is_word_in(k, &["but", "and"])
                && (act(k + 1) || self.is_word_in(k + 1, &["has", "had", "have"]) && act(k + 2))
                && self.region_of(k).is_none()
                && !clause_in(k)
        }) {
            e = k;
        }
        // "…, and has instead argued for …": after a comma, a perfect of
        // saying with no subject of its own is the speaker's second act,
        // even after a clause. "Moscow denies seeking to influence the
        // election, and Trump has dismissed …": another subject's clause.
        if let Some(k) = (a + 3..e).find(|&k| {
            let act = |j: usize| {
                !self.capitalised(j)
                    && self
                        .word(j)
                        .is_some_and(|w| CUE_VERBS.has(w) && w.ends_with("ed"))
            };
            let perfect_act = self.is_word_in(k + 1, &["has", "had", "have"])
                && (act(k + 2) || self.is_adverb(k + 2) && act(k + 3));
            let other_subject = self.capitalised(k + 1)
                && (k + 2..(k + 4).min(e)).any(|j| self.is_word_in(j, &FINITE_VERBS))
                && !clause_in(k);
            self.raw(k - 1) == ","
                && self.is_word_in(k, &["and", "but"])
                && (perfect_act || other_subject)
                && self.region_of(k).is_none()
        }) {
            e = k - 1;
        }
        // "he wrote “Misters Mnuchin & Trump, …” and signed it “…”", "said
        // he was “very proud of him,” and rejected a report …": after a
        // closed quotation, "and" with a verb in the past and no subject
        // of its own is the speaker's next act.
        // (Not "said the rise was “unfortunate” but reflected market
        // forces", the reported clause's own second verb: only after the
        // whole content quoted, a comma closing the quotation or a verb of
        // saying.)
        if let Some(k) = (a + 2..e).find(|&k| {
            matches!(self.raw(k - 1), "”" | "\"")
                && self
                    .regions
                    .iter()
                    .any(|r| r.close == Some(k - 1) && (r.open == a || self.raw(k - 2) == ","))
                && self.is_word_in(k, &["and", "but"])
                && self.word(k + 1).is_some_and(|w| {
                    (w.len() > 4 && w.ends_with("ed"))
                        || matches!(w, "said" | "told" | "wrote" | "made" | "took" | "gave")
                })
                && !self.capitalised(k + 1)
        }) {
            e = k;
        }
        // "admitted delivering the package, but no charges had been filed
        // against him": after an object with no clause of its own, a
        // clause with its own subject is the writer's.
        let gerund = self
            .word(a)
            .is_some_and(|w| w.len() > 4 && w.ends_with("ing"));
        if gerund
            && let Some(k) = (a + 2..e).find(|&k| {
                self.raw(k - 1) == ","
                    && self.is_word_in(k, &["and", "but"])
                    && !clause_in(k)
                    && !self.capitalised(k + 1)
                    && self
                        .word(k + 1)
                        .is_some_and(|w| !FINITE_VERBS.contains(&w) && !w.ends_with("ed"))
                    && (k + 2..(k + 5).min(e)).any(|j| self.is_word_in(j, &FINITE_VERBS))
                    && self.region_of(k).is_none()
            })
        {
            e = k - 1;
        }
        // "Trump, who as a candidate promised to pick a justice …, has set
        // out to move …": the relative clause ends where its antecedent's
        // own verb follows a comma.
        let in_relative = (c.saturating_sub(6)..c).any(|j| self.is_word_in(j, &["who", "which"]));
        if in_relative
            && let Some(k) = (a + 2..e).find(|&k| {
                self.raw(k) == ","
                    && self.is_word_in(
                        k + 1,
                        &[
                            "has", "have", "had", "is", "was", "are", "were", "will", "would",
                        ],
                    )
                    && self.region_of(k).is_none()
            })
        {
            e = k;
        }
        // A speech act's object ends where a colon, dash or quotation
        // begins something else.
        if framed
            && !self.name_calling(c, a, e)
            && let Some(stop) = (a + 1..e).find(|&j| {
                matches!(self.raw(j), ":" | ";" | "—" | "–")
                    // (A quotation after a word is inside the object:
                    // "her concerns about Obamacare's “individual
                    // mandate”".)
                    || (self.regions.iter().any(|r| r.open == j) && self.word(j - 1).is_none())
            })
        {
            e = stop;
        }
        let (a, b) = self.trimmed(a, e)?;
        // Direct when the content is one quotation.
        if let Some(region) = self.regions.iter().find(|r| r.open + 1 == a) {
            let close = region.close.unwrap_or(self.tokens.len());
            if close > b {
                let last = close.checked_sub(1)?;
                return (a <= last).then_some((a, last, true));
            }
        }
        // Two words at least; three unless a speech act frames them.
        if b < a + 1 || (b < a + 2 && !framed && !saw_that) {
            return None;
        }
        Some((a, b, false))
    }

    /// Whether the words after a speech-act verb are its content without a
    /// "that": "vowed to fight", "urged Congress to act", "called for a
    /// ban", "called on X to resign", "praised the deal".
    fn complement_follows(&self, c: usize, cue_end: usize, verb: &str, e: usize) -> bool {
        let next = cue_end + 1;
        if next >= e || self.word(next).is_none() {
            return false;
        }
        let particle = (cue_end > c).then(|| self.word(cue_end)).flatten();
        if matches!(verb, "call" | "calls" | "called" | "calling") {
            // Not "called to mind", "called the police", "called a press
            // conference": "called Oz a quack", "called him “disgusting”".
            let names_something = || {
                (next + 1..(next + 6).min(e)).any(|j| {
                    (self.is_word_in(j, &["a", "an"]) || self.regions.iter().any(|r| r.open == j))
                        && (next..j)
                            .all(|k| self.word(k).is_some() && !self.is_word_in(k, &NP_STOPS))
                })
            };
            return matches!(particle, Some("for" | "on" | "upon"))
                || (particle.is_none() && names_something());
        }
        if cue_end > c {
            return false;
        }
        if TO_COMPLEMENT_VERBS.has(verb) || INTENT_VERBS.has(verb) {
            return self.word(next) == Some("to");
        }
        // An object (a few words, no clause) and then "to".
        if OBJECT_TO_VERBS.has(verb) {
            return (next..(next + 8).min(e))
                .take_while(|&j| self.word(j).is_some() && !self.is_word_in(j, &NP_STOPS))
                .last()
                .is_some_and(|last| self.word(last + 1) == Some("to"));
        }
        (NP_COMPLEMENT_VERBS.has(verb) || STANCE_VERBS.has(verb))
            && !self.is_word_in(next, &ADJUNCT_OPENERS)
            // "people accused of", "praised for", "criticized by": passives.
            && !self.is_word_in(next, &["by", "as", "that", "for", "it", "of"])
            && !AUXILIARIES.has(self.word(next).unwrap_or(""))
    }

    /// Where a later attribution in `[a, e)` starts (its comma or
    /// conjunction), if one follows a comma or conjunction.
    fn next_attribution_start(&self, a: usize, e: usize) -> Option<usize> {
        for j in a + 2..e {
            let Some(w) = self.word(j) else { continue };
            // "…, contradicting Tulsa police's earlier claim that …": a
            // claim of someone else's ends the content at its clause.
            if CLAIM_NOUNS.has(w)
                && self.word(j + 1) == Some("that")
                && let Some(comma) = (a + 1..j).rev().find(|&k| self.raw(k) == ",")
            {
                return Some(comma);
            }
            // "… were false and later promised to provide a list": the
            // source's next act, in the reporter's words.
            if matches!(w, "and" | "but")
                && self.region_of(j).is_none()
                && let Some(next) = (j + 1..(j + 3).min(e))
                    .find(|&k| !self.is_word_in(k, &["later", "then", "also", "subsequently"]))
                && self.word(next).is_some_and(|v| {
                    // ("… and refused to heed …", ", but declined to comment":
                    // what the speaker did next, with no adverb needed.)
                    (next > j + 1 && ANY_CUE.contains(v) && v.ends_with("ed"))
                        || matches!(v, "declined" | "refused" | "denied" | "dismissed")
                })
            {
                let cut = if j > a && self.raw(j - 1) == "," {
                    j - 1
                } else {
                    j
                };
                return Some(cut);
            }
            // (A name given inside the content, "a shape … that its
            // discoverers dubbed the Noperthedron", starts nothing.)
            if !CUE_VERBS.has(w)
                || self.capitalised(j)
                || self.region_of(j).is_some()
                || (NAMING_VERBS.contains(&w) && !w.starts_with("call"))
            {
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
            let Some((start, end)) = self.source_before(j, a) else {
                continue;
            };
            // ("said Jones and Edwards, who won in 2015, have shown it is
            // possible": "shown" reports something only after evidence.)
            if FINDING_VERBS.has(w) && !self.is_word_in(end, &EVIDENCE_NOUNS) {
                continue;
            }
            // "…, and Trump has denied any collusion": a second speaker.
            if start > a + 1
                && (matches!(self.raw(start - 1), "," | "”" | "''")
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
        // "…, Graham told The Huffington Post on Thursday.": who was told.
        if self.is_word_in(block_end, &["told", "tells", "tell", "telling"]) {
            let object_end = (after..(after + 6).min(e))
                .take_while(|&i| {
                    self.word(i).is_some()
                        && !self.is_word_in(i, &ADJUNCT_OPENERS)
                        && !self.is_word_in(i, &NP_STOPS)
                })
                .last();
            if let Some(last) = object_end {
                after = last + 1;
            }
        }
        // Allow trailing adjuncts: "…, officials said on Tuesday.", "…,"
        // he said of the plan.
        if after < e
            && (self.is_word_in(after, &ADJUNCT_OPENERS)
                || self.is_word_in(after, &TRAILING_ADJUNCT_OPENERS)
                || self.raw(after).starts_with(|c: char| c.is_ascii_digit()))
        {
            while after < e && !matches!(self.raw(after), "." | "!" | "?" | "”") {
                after += 1;
            }
        }
        // "…, said Darren Tipton, CEO of Paris Baguette North America,
        // which is based in New Jersey.": what follows the name describes
        // it; the attribution still ends the sentence.
        // (Not after the verb itself: "In any case, Mr. DiPietro said, the
        // golf industry was …" goes on with the content.)
        let appositive_follows = self.raw(after) == ","
            && (after > block_end + 1
                || !self.word(block_end).is_some_and(|w| ANY_CUE.contains(w)))
            && after + 1 < e
            && (self.is_word_in(after + 1, &["a", "an", "the", "who", "whose", "which"])
                || self.is_word_in(after + 1, &ROLE_HEADS)
                || self.is_word_in(after + 1, &SOURCE_NOUNS)
                || (self.capitalised(after + 1)
                    && self
                        .word(after + 2)
                        .is_some_and(|w| ROLE_HEADS.has(w) || w == "of")))
            && (after + 1..e).all(|j| {
                self.region_of(j).is_none() && !self.word(j).is_some_and(|w| CUE_VERBS.has(w))
            });
        let ends_sentence =
            after >= e || matches!(self.raw(after), "." | "!" | "?" | ";") || appositive_follows;
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
            // ("Otherwise, she said, countries may …": one word before.)
            if self.raw(after) == "," && comma > s {
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
        let (from, to) = (a, b);
        while a < b && trim(self.raw(a)) {
            a += 1;
        }
        while b > a && trim(self.raw(b - 1)) {
            b -= 1;
        }
        // A quotation mark whose partner lies inside the span goes back
        // in: in "“proud” of the result" or "the club “has lost its
        // soul”." the quoted words are part of the content, and one mark
        // alone would leave it unbalanced.
        if a < b {
            if let Some(open) = self
                .regions
                .iter()
                .find(|r| (from..a).contains(&r.open) && r.close.is_some_and(|c| c < b))
                .map(|r| r.open)
            {
                a = open;
            }
            if let Some(close) = self
                .regions
                .iter()
                .filter(|r| (a..b).contains(&r.open))
                .find_map(|r| r.close.filter(|c| (b..to).contains(c)))
            {
                b = close + 1;
            }
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

    /// (source, content) of each attribution, as slices of `body`.
    fn sources_and_contents(body: &str) -> Vec<(&str, &str)> {
        find_attributions(body)
            .iter()
            .map(|a| (a.source.map_or("", |s| s.text(body)), a.content.text(body)))
            .collect()
    }

    fn one(body: &str) -> (String, Option<String>, Option<String>, bool) {
        let found = read(body);
        assert_eq!(found.len(), 1, "{found:?}");
        found.into_iter().next().unwrap()
    }

    #[test]
    fn a_second_act_of_the_speaker_ends_the_first_ones_content() {
        let found = sources_and_contents(
            "Farenthold denied allegations of harassment but admitted allowing a poor culture.",
        );
        assert_eq!(
            found[0],
            ("Farenthold", "allegations of harassment"),
            "{found:?}"
        );
        assert_eq!(found[1].1, "allowing a poor culture", "{found:?}");
        let found = sources_and_contents(
            "Franken has denied some of the allegations and questioned others.",
        );
        assert_eq!(found[0].1, "some of the allegations", "{found:?}");
        // After a clause, the act may be its own subject's: left whole.
        let found = sources_and_contents(
            "Republicans said they want to know why Comey discussed the inquiry and announced \
             that no charges would follow.",
        );
        assert!(found[0].1.ends_with("no charges would follow"), "{found:?}");
    }

    #[test]
    fn what_someone_is_called_keeps_whom_and_the_whole_name() {
        let found = sources_and_contents(
            "Trump called him a “so-called judge” whose “ridiculous” opinion “takes \
             law-enforcement away from our country”.",
        );
        assert!(
            found[0].1.starts_with("him a “so-called judge” whose"),
            "{found:?}"
        );
        let found = sources_and_contents(
            "Smith thanked Franken for his service and called him a “champion” for the state.",
        );
        assert_eq!(found[0].1, "him a “champion” for the state", "{found:?}");
        let found = sources_and_contents(
            "Democrats have called the bill a giveaway to the wealthy that will widen the deficit.",
        );
        assert_eq!(
            found[0].1, "the bill a giveaway to the wealthy that will widen the deficit",
            "{found:?}"
        );
    }

    #[test]
    fn a_name_before_a_role_left_without_its_comma_is_the_source() {
        let found = sources_and_contents(
            "“Voice-over broadband is a key trend across Europe, ” Eric Abensur, Wanadoo's \
             chief executive told the BBC News website.",
        );
        assert_eq!(
            found[0],
            (
                "Eric Abensur, Wanadoo's chief executive",
                "Voice-over broadband is a key trend across Europe,"
            ),
            "{found:?}"
        );
    }

    #[test]
    fn posts_listed_from_an_account_are_the_holders_words() {
        let body = "The following statements were posted to the verified Twitter accounts of \
                    U.S. President Donald Trump, @realDonaldTrump and @POTUS. The opinions \
                    expressed are his own. @realDonaldTrump : - The tax cuts will soon be \
                    kicking in, Dems said otherwise! [0724 EST] - You deserve it - three great \
                    people! [0745 EST] -- Source link: (bit.ly/2jBh4LU)";
        let found = sources_and_contents(body);
        assert_eq!(
            found,
            [
                (
                    "U.S. President Donald Trump",
                    "The tax cuts will soon be kicking in, Dems said otherwise!"
                ),
                (
                    "U.S. President Donald Trump",
                    "You deserve it - three great people!"
                ),
            ]
        );
    }

    #[test]
    fn declaring_a_dividend_or_an_emergency_is_an_act_not_a_statement() {
        assert!(read("Acme Corp declared an extra dividend of 27 cts a share.").is_empty());
        assert!(read("The governor declared a state of emergency on Friday.").is_empty());
        let (content, _, _, _) = one("The governor declared that the emergency was over.");
        assert_eq!(content, "the emergency was over");
    }

    #[test]
    fn another_subjects_clause_or_a_second_act_after_a_comma_ends_the_content() {
        let found = sources_and_contents(
            "Moscow denies seeking to influence the election, and Trump has dismissed any talk \
             of collusion.",
        );
        assert_eq!(found[0].1, "seeking to influence the election", "{found:?}");
        let found = sources_and_contents(
            "The industry has said that caps were a non-starter, and has instead argued for \
             higher volumes.",
        );
        assert_eq!(found[0].1, "caps were a non-starter", "{found:?}");
        let found = sources_and_contents(
            "Collins said she would vote for the bill, all but ensuring its passage.",
        );
        assert_eq!(found[0].1, "she would vote for the bill", "{found:?}");
    }

    #[test]
    fn told_the_press_and_when_then_the_clause() {
        let found = sources_and_contents(
            "Mulvaney told reporters on Monday he planned to bring in appointees.",
        );
        assert_eq!(found[0].1, "he planned to bring in appointees", "{found:?}");
        let found = sources_and_contents(
            "Warren asked the OPM to review Mulvaney's “unprecedented and unjustified” plans.",
        );
        assert_eq!(
            found[0].1, "the OPM to review Mulvaney's “unprecedented and unjustified” plans",
            "{found:?}"
        );
    }

    #[test]
    fn a_participle_of_the_reporter_after_a_ruling_is_no_part_of_it() {
        let found = sources_and_contents(
            "The judge ruled on Monday that the agency must allow access, escalating a legal \
             fight.",
        );
        assert_eq!(found[0].1, "the agency must allow access", "{found:?}");
        let found = sources_and_contents(
            "The Times said the inquiry would widen, citing a source familiar with the matter.",
        );
        assert_eq!(found[0].1, "the inquiry would widen", "{found:?}");
        // A firm's own account goes on: "bringing" is no reporter's word.
        let found = sources_and_contents(
            "Acme said sales rose 17 pct in the quarter, bringing the year's sales to 94 mln dlrs.",
        );
        assert!(found[0].1.ends_with("94 mln dlrs"), "{found:?}");
    }

    #[test]
    fn told_an_object_then_a_clause_with_its_noun() {
        let (content, source, _, _) = one("John Smith told reporters the deal was done.");
        assert_eq!(content, "the deal was done");
        assert_eq!(source.as_deref(), Some("John Smith"));
        let (content, _, _, _) = one("John Smith told the BBC the talks had failed.");
        assert_eq!(content, "the talks had failed");
        // Without a verb after it, what follows is no clause.
        assert!(read("John Smith told reporters the story of his life.").is_empty());
    }

    #[test]
    fn names_with_an_arabic_article_are_names() {
        let (content, source, _, _) =
            one("Syrian President Bashar al-Assad said the war was over.");
        assert_eq!(content, "the war was over");
        assert_eq!(source.as_deref(), Some("Syrian President Bashar al-Assad"));
        let (_, source, _, _) = one("\"We will win,\" said Bashar al-Assad.");
        assert_eq!(source.as_deref(), Some("Bashar al-Assad"));
    }

    /// One record, a finding, with this content and source.
    fn assert_one_finding(body: &str, content: &str, source: &str) {
        let found = find_attributions(body);
        assert_eq!(found.len(), 1, "{body}: {found:?}");
        assert_eq!(found[0].kind, QuoteKind::Finding, "{body}");
        assert_eq!(found[0].content.text(body), content, "{body}");
        assert_eq!(found[0].source.unwrap().text(body), source, "{body}");
    }

    #[test]
    fn a_reported_clause_keeps_the_quotation_inside_it() {
        let (content, source, _, direct) =
            one("The minister said the move was \"lamentable\" and would harm trade.");
        assert_eq!(content, "the move was \"lamentable\" and would harm trade");
        assert_eq!(source.as_deref(), Some("The minister"));
        assert!(!direct);
        // After an object, the quotation is the content.
        let (content, _, _, direct) = one("He told reporters \"We will win.\"");
        assert_eq!(content, "We will win.");
        assert!(direct);
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
    fn a_paragraph_opening_with_nobodys_quotation_continues_the_one_before() {
        let body = "\"Andy was two yards from me,\" said O'Sullivan.\n\n\"What I know is that England played well. \"We had to defend.\" O'Sullivan also rejected the claim that they were beaten up front.";
        let found = find_attributions(body);
        assert_eq!(found[1].continues, Some(0), "{found:?}");
        assert_eq!(
            found[1].content.text(body),
            "What I know is that England played well. \"We had to defend."
        );
        // Not after narration or a name someone was called, nor when the
        // paragraph says whose it is.
        let body = "One of her colleagues called all women \"Betty\".\n\n\"When I said my name isn't Betty, he laughed.\" Harman agreed.";
        assert!(
            find_attributions(body)
                .iter()
                .all(|a| a.continues.is_none())
        );
        let body = "\"Andy was two yards from me,\" said O'Sullivan. He left early.\n\n\"What I know is that England played well.\" The crowd cheered.";
        assert_eq!(find_attributions(body).len(), 1);
        let body = "\"Andy was two yards from me,\" said O'Sullivan.\n\n\"What I know is that England played well,\" Robinson said.";
        let found = find_attributions(body);
        assert_eq!(found.len(), 2);
        assert_eq!(found[1].continues, None);
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
        let found = read(
            "WASHINGTON — Sen. Bernie Sanders (I-Vt.) defended his call, saying the positives would outweigh the losses.",
        );
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[1].1.as_deref(), Some("Sen. Bernie Sanders (I-Vt.)"));
        let found = read(
            "A spokeswoman for Janney also declined to comment, saying that nobody involved remains.",
        );
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[1].1.as_deref(), Some("A spokeswoman for Janney"));
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
    fn a_subject_of_a_name_a_role_noun_and_a_name_keeps_the_name() {
        let found = read(
            "Arsenal boss Arsene Wenger, who was fined in December for accusing Ruud van \
             Nistelrooy of cheating, was angry.",
        );
        assert_eq!(
            found[0].1.as_deref(),
            Some("Arsenal boss Arsene Wenger"),
            "{found:?}"
        );
    }

    #[test]
    fn a_role_then_the_name_between_commas_before_the_cue() {
        assert_eq!(
            one("\"We want to be sure,\" Acme's CEO, Cynthia Musselman, told the BBC.")
                .1
                .as_deref(),
            Some("Cynthia Musselman")
        );
    }

    #[test]
    fn a_role_with_its_of_phrase_then_the_name_after_the_comma() {
        assert_eq!(
            one("\"The decision is difficult,\" said BA director of commercial planning, Robert Boyle.")
                .1
                .as_deref(),
            Some("BA director of commercial planning, Robert Boyle")
        );
        assert_eq!(
            one("\"The decision is difficult,\" said the deputy mayor, Mark Evans.")
                .1
                .as_deref(),
            Some("the deputy mayor, Mark Evans")
        );
    }

    #[test]
    fn a_second_verb_speaks_for_a_subject_with_an_honorific() {
        assert_eq!(
            one("Mr Wallace agreed and said the figures had to be looked at in context.")
                .1
                .as_deref(),
            Some("Mr Wallace")
        );
    }

    #[test]
    fn names_spelt_like_modals_are_names() {
        assert_eq!(
            one("Guitarist Brian May has said he expects to be on the road from April.")
                .1
                .as_deref(),
            Some("Guitarist Brian May")
        );
        let found =
            read("Brian May has said he expects to tour. May said: \"The band is rising again.\"");
        assert_eq!(found[1].1.as_deref(), Some("May"), "{found:?}");
        assert_eq!(
            one("Singer Will Young said he would tour in the spring.")
                .1
                .as_deref(),
            Some("Singer Will Young")
        );
        // Nor a date: "Harcourt's May 26 announcement said".
        assert!(
            read("Harcourt's May 26 announcement said the price would change.")
                .iter()
                .all(|q| !q.1.as_deref().unwrap_or("").contains("May"))
        );
        // A modal is still one: "may say" has no source in "may".
        assert!(
            read("Officials may say the plan failed.")
                .iter()
                .all(|q| q.1.as_deref() != Some("may"))
        );
    }

    /// The shown text of the first attribution found in `body`.
    fn first_quote_text(body: &str) -> String {
        let found = find_attributions(body);
        let attribution = attribution_span(found[0].source, found[0].cue);
        quote_text(body, found[0].content, attribution)
    }

    #[test]
    fn a_quotation_of_several_paragraphs_after_its_cue_keeps_them_all() {
        // Paragraphs run together, each reopening the quotation, as the
        // BBC's text files print them.
        assert_eq!(
            first_quote_text(
                "\"We played with the favourites' tag,\" he said. \"Hopefully we have proved that today. \"As for my try, it was a move we had worked on all week.\""
            ),
            "We played with the favourites' tag … Hopefully we have proved that today. \"As for my try, it was a move we had worked on all week."
        );
        assert_eq!(
            first_quote_text(
                "\"No, he has been very clear,\" Miller said on NBC's \"Today\" program. \"He is not going to give in.\""
            ),
            "No, he has been very clear … He is not going to give in."
        );
        assert_eq!(
            first_quote_text(
                "She retired in 1963, an \"instant decision\" she said, \"largely because of a leg injury\"."
            ),
            "She retired in 1963, an \"instant decision\" … largely because of a leg injury"
        );
        assert_eq!(
            first_quote_text(
                "\"It was nice. \"I felt good,\" said Holmes. \"It was about winning. \"The crowd was amazing.\""
            ),
            "It was nice. \"I felt good … It was about winning. \"The crowd was amazing."
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

    #[test]
    fn speech_acts_take_their_complement() {
        let cases = [
            (
                "The mayor vowed to rebuild the bridge by June.",
                "to rebuild the bridge by June",
                "The mayor",
            ),
            (
                "Okafor urged lawmakers to reject the bill.",
                "lawmakers to reject the bill",
                "Okafor",
            ),
            (
                "The union called for a ban on night shifts.",
                "a ban on night shifts",
                "The union",
            ),
            (
                "Mensah called on the board to resign.",
                "the board to resign",
                "Mensah",
            ),
            (
                "Diallo praised the ruling as a victory for tenants.",
                "the ruling as a victory for tenants",
                "Diallo",
            ),
            (
                "The council cited rising costs.",
                "rising costs",
                "The council",
            ),
        ];
        for (body, content, source) in cases {
            let found = read(body);
            assert_eq!(found.len(), 1, "{body}: {found:?}");
            let (got, got_source, _, direct) = found.into_iter().next().unwrap();
            assert_eq!(
                (got.as_str(), got_source.as_deref(), direct),
                (content, Some(source), false),
                "{body}"
            );
        }
        // No complement, no cue: "called him", "was praised by", "asked about".
        for body in [
            "Officials called him at home.",
            "The plan was praised by critics.",
            "She asked about the schedule.",
            "Okafor promised nothing.",
        ] {
            assert!(read(body).is_empty(), "{body}: {:?}", read(body));
        }
    }

    #[test]
    fn beliefs_and_findings_are_kinds_of_their_own() {
        let found = find_attributions("Kariuki believes that the deal will hold.");
        assert_eq!(found[0].kind, QuoteKind::Belief);
        let found = find_attributions("The survey showed that most tenants pay late.");
        assert_eq!(found[0].kind, QuoteKind::Finding);
        let found = find_attributions("Kariuki said that the deal will hold.");
        assert_eq!(found[0].kind, QuoteKind::Speech);
    }

    #[test]
    fn appositives_of_party_and_state_and_a_later_participle() {
        let (content, source, _, _) =
            one("Ann Okoro, Democrat of Ohio, said the fund had sent the wrong message.");
        assert_eq!(content, "the fund had sent the wrong message");
        assert_eq!(source.as_deref(), Some("Ann Okoro, Democrat of Ohio"));
        let found =
            read("Sen. Tom Reyes said he doubted the figures, arguing that the survey was small.");
        assert!(
            found
                .iter()
                .any(|(c, s, cue, _)| c.starts_with("he doubted the figures")
                    && s.as_deref() == Some("Sen. Tom Reyes")
                    && cue.as_deref() == Some("said")),
            "{found:?}"
        );
    }

    #[test]
    fn transcript_turns_are_direct_speech() {
        let body = "Reporter Jo Lin spoke to Sam Okafor.\n\nLIN: What did the council decide?\n\nOKAFOR: We decided to close the depot next year.\n\nUPDATE: This story was corrected.\n\nNEW DELHI: The ministry met on Monday.";
        assert_eq!(
            sources_and_contents(body),
            [
                ("LIN", "What did the council decide?"),
                ("OKAFOR", "We decided to close the depot next year")
            ]
        );
        assert!(find_attributions(body).iter().all(|a| a.direct));
    }

    #[test]
    fn turns_labelled_with_names_and_quotations_after_a_name() {
        // A conversation: names as written label the turns, one speaks twice.
        let body = "Chris Matthews: Bernie says he will pay for free tuition.\n\nLuciana Lopez: Saying that to people is a lot of taxing.\n\nMatthews: Well, speculation is bad.";
        let sources: Vec<&str> = find_attributions(body)
            .iter()
            .filter(|a| a.cue.is_some_and(|c| c.text(body) == ":"))
            .map(|a| a.source.unwrap().text(body))
            .collect();
        assert_eq!(sources, ["Chris Matthews", "Luciana Lopez", "Matthews"]);
        // A list labelled with words is no conversation.
        let body = "Our review.\n\nTeam Size: Twelve people work on the product today.\n\nCost: The plan starts at ten dollars.\n\nTeam Size: It grows every single year.";
        assert!(find_attributions(body).is_empty(), "{:?}", read(body));
        // Headings that each name someone else are no conversation.
        let body = "Jeb Bush: Student loans Some big ideas do come to pass.\n\nMarco Rubio: Retirement accounts Two years ago he proposed one.";
        assert!(find_attributions(body).is_empty(), "{:?}", read(body));
        // A quotation right after a name and a colon.
        let found = read(
            "Both want it destroyed. Clinton: \"Our goal is to defeat and destroy ISIS.\" Kasich: \"The mission is to destroy ISIS.\"",
        );
        let pairs: Vec<(&str, &str)> = found
            .iter()
            .map(|(c, s, _, _)| (c.as_str(), s.as_deref().unwrap_or("")))
            .collect();
        assert_eq!(
            pairs,
            [
                ("Our goal is to defeat and destroy ISIS.", "Clinton"),
                ("The mission is to destroy ISIS.", "Kasich")
            ]
        );
        let (content, source, _, _) =
            one("Pollsters agree - Carl Bialik: “One of the biggest lessons was a simple one.”");
        assert_eq!(content, "One of the biggest lessons was a simple one.");
        assert_eq!(source.as_deref(), Some("Carl Bialik"));
        // Not a heading word, not a short quotation.
        assert!(read("It was close. The result: “We will see what happens next.”").is_empty());
        assert!(read("It was close. Update: “We will see what happens next.”").is_empty());
        assert!(read("It was close. Hughes: “Big win.”").is_empty());
        let (_, source, _, _) =
            one("It went on. Continued Kasich: “So I think it is a very real problem.”");
        assert_eq!(source.as_deref(), Some("Kasich"));
    }

    #[test]
    fn a_clause_after_the_medium_or_a_demonstrative_subject() {
        for (body, content) in [
            (
                "Altria said in a statement the government must now prove that the companies lied.",
                "the government must now prove that the companies lied",
            ),
            (
                "Altria said, in a statement, the government must now prove that the companies lied.",
                "the government must now prove that the companies lied",
            ),
            (
                "The plaintiffs said this leads them to have lost patronage.",
                "this leads them to have lost patronage",
            ),
            (
                "The minister said this week the plan would go ahead.",
                "the plan would go ahead",
            ),
        ] {
            assert_eq!(one(body).0, content, "{body}");
        }
    }

    #[test]
    fn praise_and_blame_said_out_loud_are_speech() {
        let found = find_attributions(
            "Environmental group Earthjustice hailed the news as a “victory for all children and workers.”",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].kind, QuoteKind::Speech);
        // A video game's blasting is no speech act.
        assert!(
            find_attributions(
                "Wade through the most hectic video game blasting you will ever encounter."
            )
            .iter()
            .all(|a| a.kind != QuoteKind::Speech)
        );
    }

    #[test]
    fn a_fronted_subordinate_clause_is_part_of_what_was_said() {
        assert_eq!(
            one("He said while older voters tend to care about Medicare, polls are finding that younger voters are motivated by net neutrality.").0,
            "while older voters tend to care about Medicare, polls are finding that younger voters are motivated by net neutrality"
        );
        // When it was said is not what was said.
        assert_eq!(
            one("He said while visiting Iowa, the party would win the state.").0,
            "the party would win the state"
        );
    }

    #[test]
    fn a_subject_before_a_quoted_predicate_stays_in_the_clause() {
        for (body, content) in [
            (
                "Spokeswoman Lauren Ehrsam said the Trump administration “appreciates the court's ruling.”",
                "the Trump administration “appreciates the court's ruling.”",
            ),
            (
                "Charles Blixt said the ruling “dramatically transforms” the government's lawsuit.",
                "the ruling “dramatically transforms” the government's lawsuit",
            ),
        ] {
            assert_eq!(one(body).0, content, "{body}");
        }
        // Before the attribution too.
        assert_eq!(
            one("McConnell's promise to Collins “means squat over here,” said Representative Mark Walker.").0,
            "McConnell's promise to Collins “means squat over here,"
        );
        assert_eq!(
            one("And “there is plenty of evidence that it works,” Mrazek said.").0,
            "there is plenty of evidence that it works,"
        );
        // A quotation of its own after the verb's object stays the content.
        assert_eq!(
            one("Okafor told reporters “we will win this.”").0,
            "we will win this."
        );
    }

    #[test]
    fn answers_of_an_interview_are_direct_speech() {
        let body = "Actress Diane Guerrero spoke about her memoir.\n\nQ: What did you find?\n\nA: I came home from school and my parents were gone.\n\nQ: Did anyone help?\n\nA: No, no one did.";
        assert_eq!(
            sources_and_contents(body),
            [
                ("A", "I came home from school and my parents were gone"),
                ("A", "No, no one did")
            ]
        );
        // An answer's next paragraph is the interviewee's too, up to a question.
        let body = "Diane Guerrero spoke about her memoir.\n\nQ: What did you find?\n\nA: My parents were gone that day.\n\nI called my friends for help.\n\nQ: Did anyone help?\n\nA: No, no one did.";
        let sources: Vec<&str> = sources_and_contents(body).iter().map(|t| t.0).collect();
        assert_eq!(sources, ["A", "A", "A"]);
        // One "A:" is no interview, nor an FAQ in the writer's voice.
        assert!(find_attributions("A: I came home from school and they were gone.").is_empty());
        let faq = "Our buying guide.\n\nQ: Is a drip machine better?\n\nA: Yes, for most people it is.\n\nQ: Milk?\n\nA: Sure, if you like milk with it.";
        assert!(find_attributions(faq).is_empty());
    }

    #[test]
    fn claims_in_nouns_dedupe_and_times() {
        let found =
            read("Fact-checkers tested Amara Obi’s claim that the bridge had been sold twice.");
        assert!(
            found
                .iter()
                .any(|(c, s, cue, _)| c == "the bridge had been sold twice"
                    && s.as_deref() == Some("Amara Obi’s")
                    && cue.as_deref() == Some("claim")),
            "{found:?}"
        );
        // A clock time is no colon before a quotation.
        let found = read("The council said the meeting would run from 9:30 to 11:30 on Monday.");
        assert_eq!(
            found[0].0,
            "the meeting would run from 9:30 to 11:30 on Monday"
        );
        // "agreed that" reports words; "agreed to" commits to something.
        let that = find_attributions("Okafor agreed that the fares were too high.");
        assert_eq!(that[0].kind, QuoteKind::Speech);
        let to = find_attributions("Okafor agreed to lower the fares.");
        assert_eq!(
            to[0].content.text("Okafor agreed to lower the fares."),
            "to lower the fares"
        );
    }

    #[test]
    fn stances_and_intentions_are_their_own_kind() {
        let body = "The union opposed the merger of the two depots.";
        assert_eq!(find_attributions(body)[0].kind, QuoteKind::Stance);
        let body = "A spokesman for the ministry declined to comment.";
        assert_eq!(find_attributions(body)[0].kind, QuoteKind::Stance);
        let body = "Republican leaders endorsed Roy Moore in the Senate race.";
        assert_eq!(find_attributions(body)[0].kind, QuoteKind::Stance);
        // Headline-style "Name: claim" in capitals is a transcript turn
        // only; "UPDATE:" names no one.
        assert!(read("UPDATE: The story was corrected on Monday.").is_empty());
    }

    #[test]
    fn a_quotation_ending_in_not_is_no_negated_cue() {
        let (content, source, _, direct) =
            one("“Some depots are adapting, others are not,” said Ivo Marsh.");
        assert_eq!(content, "Some depots are adapting, others are not,");
        assert_eq!(source.as_deref(), Some("Ivo Marsh"));
        assert!(direct);
        let (content, source, _, _) =
            one("''Some are adapting, others never,'' said Ivo Marsh, a planner in Leeds.");
        assert_eq!(content, "Some are adapting, others never,");
        assert_eq!(source.as_deref(), Some("Ivo Marsh, a planner in Leeds"));
        assert!(read("Ivo Marsh has not said whether the depot will close.").is_empty());
    }

    #[test]
    fn an_attribution_inside_the_sentence_after_an_opener() {
        for (body, source) in [
            (
                "In any case, Mr. Marsh said, the depot was far too big for the town.",
                "Mr. Marsh",
            ),
            (
                "Otherwise, she said, the towns may simply lose their buses.",
                "she",
            ),
        ] {
            let (content, got, _, _) = one(body);
            assert_eq!(content, body.trim_end_matches('.'), "{body}");
            assert_eq!(got.as_deref(), Some(source), "{body}");
        }
        // The appositive after an inverted name still ends the content.
        let (content, source, _, _) = one("“We won,” said Ada Nkem, the head of the union.");
        assert_eq!(content, "We won,");
        assert_eq!(source.as_deref(), Some("Ada Nkem, the head of the union"));
    }

    #[test]
    fn what_a_source_calls_something() {
        let (content, source, cue, _) =
            one("The board revived what Mr. Hale called “the old depot model,” in the spring.");
        assert_eq!(content, "what Mr. Hale called “the old depot model,”");
        assert_eq!(source.as_deref(), Some("Mr. Hale"));
        assert_eq!(cue.as_deref(), Some("called"));
        let (content, source, _, _) =
            one("Okafor railed against what he calls waste in the council.");
        assert_eq!(content, "what he calls waste in the council");
        assert_eq!(source.as_deref(), Some("he"));
        let (content, _, _, _) = one("The tax falls on what economists call spending.");
        assert_eq!(content, "what economists call spending");
        let (content, source, _, _) =
            one("The vote followed what she described as a brave campaign.");
        assert_eq!(content, "what she described as a brave campaign");
        assert_eq!(source.as_deref(), Some("she"));
        // A passive names no one; "call" without "what" is no cue.
        assert!(read("It was what is called a “review” these days.").is_empty());
        assert!(read("They call the office every week.").is_empty());
    }

    #[test]
    fn datelines_with_a_wire_service_and_shares_before_a_participle() {
        let (_, source, _, _) = one(
            "LAGOS (AP) — Mayor Ada Nkem backed the plan on Monday, saying it would cut fares.",
        );
        assert_eq!(source.as_deref(), Some("Mayor Ada Nkem"));
        let found =
            read("Accra, Dec. 8 (Reuters) — Kwame Mensah defended the budget, saying it was fair.");
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[1].1.as_deref(), Some("Kwame Mensah"));
        let (content, source, _, _) =
            one("The mayor leads the race, with 52 percent of voters saying she is honest.");
        assert_eq!(content, "she is honest");
        assert_eq!(source.as_deref(), Some("52 percent of voters"));
    }

    #[test]
    fn comments_as_a_noun_is_no_cue() {
        assert!(read("He pointed to her recent comments on the budget.").is_empty());
        assert!(read("The surge of angry comments online has been strong.").is_empty());
        let (_, source, cue, _) = one("“It is a fair deal,” comments Johnston.");
        assert_eq!(source.as_deref(), Some("Johnston"));
        assert_eq!(cue.as_deref(), Some("comments"));
    }

    #[test]
    fn findings_of_plural_evidence_and_beliefs_without_that() {
        for (body, content, source) in [
            (
                "Polls show that most riders want more buses.",
                "most riders want more buses",
                "Polls",
            ),
            (
                "Council documents show the depot cost twice the estimate.",
                "the depot cost twice the estimate",
                "Council documents",
            ),
        ] {
            assert_one_finding(body, content, source);
        }
        for (body, content) in [
            (
                "Okafor thinks he will win the seat.",
                "he will win the seat",
            ),
            (
                "Some officials believe the deal would hold.",
                "the deal would hold",
            ),
        ] {
            let found = find_attributions(body);
            assert_eq!(found.len(), 1, "{body}");
            assert_eq!(found[0].kind, QuoteKind::Belief, "{body}");
            assert_eq!(found[0].content.text(body), content);
        }
        // Not a finding or a belief: a show, a belief in something.
        for body in [
            "It was a TV show that airs on Sundays.",
            "They believe in the plan.",
            "I think so.",
            "Officials find the depot every morning.",
        ] {
            assert!(find_attributions(body).is_empty(), "{body}");
        }
    }

    #[test]
    fn evidence_with_modifiers_and_a_finding_at_the_end() {
        for (body, content, source) in [
            (
                "A Monmouth poll out Monday showed Clinton with a healthy lead over Sanders.",
                "Clinton with a healthy lead over Sanders",
                "A Monmouth poll out Monday",
            ),
            (
                "Polls in New Hampshire show the top two candidates are the same.",
                "the top two candidates are the same",
                "Polls in New Hampshire",
            ),
            (
                "A Register poll released Saturday found that 28 percent backed Mr. Trump.",
                "28 percent backed Mr. Trump",
                "A Register poll released Saturday",
            ),
            (
                "A survey of delegates, who are free to vote as they like, found that most back Clinton.",
                "most back Clinton",
                "A survey of delegates, who are free to vote as they like",
            ),
            (
                "Much of that money came from firms that no longer exist, campaign records show.",
                "Much of that money came from firms that no longer exist",
                "campaign records",
            ),
        ] {
            assert_one_finding(body, content, source);
        }
        // Not the evidence: another subject between it and the verb.
        for body in [
            "After the poll Clinton found her voice.",
            "The poll was wrong and she found that out.",
        ] {
            assert!(
                find_attributions(body)
                    .iter()
                    .all(|a| a.source.is_none_or(|s| !s.text(body).contains("poll"))),
                "{body}"
            );
        }
    }

    #[test]
    fn a_transcript_turn_holds_what_it_reports() {
        let body =
            "FALLIN: Well, the governor said the whole nation needs to work together on this.";
        let found = read(body);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].1.as_deref(), Some("FALLIN"), "{found:?}");
        assert!(
            found[0].0.starts_with("Well, the governor said"),
            "{found:?}"
        );
        assert_eq!(found[1].1.as_deref(), Some("the governor"), "{found:?}");
    }

    #[test]
    fn what_a_poll_has_after_in() {
        for (body, content, source) in [
            (
                "In the new Post-ABC poll, the mogul wins about 1 in 3 primary voters.",
                "the mogul wins about 1 in 3 primary voters",
                "the new Post-ABC poll",
            ),
            (
                "In the latest poll, conducted in May, Clinton led Trump by eight points.",
                "Clinton led Trump by eight points",
                "the latest poll, conducted in May",
            ),
            (
                "Trump entered the debate with a growing lead in the latest NBC News/Wall Street Journal poll.",
                "Trump entered the debate with a growing lead",
                "the latest NBC News/Wall Street Journal poll",
            ),
            (
                "In March, Cruz had 38 percent support in a Fox poll last month.",
                "Cruz had 38 percent support",
                "a Fox poll last month",
            ),
        ] {
            assert_one_finding(body, content, source);
        }
        for body in [
            "He took part in the poll of members, and lost.",
            "In the poll's wake, Cruz fell.",
            "Voters in the survey area were angry about the plan and its costs.",
        ] {
            assert!(find_attributions(body).is_empty(), "{body}");
        }
    }

    #[test]
    fn openers_articles_and_verbs_are_no_source() {
        // The article alone is no subject.
        let body = "The super PAC replaced its ads, saying the race had changed.";
        for a in find_attributions(body) {
            assert_ne!(a.source.map(|s| s.text(body)), Some("The"), "{body}");
        }
        // A name and a verb and its object are no source noun phrase.
        let body = "Hillary Clinton rallied supporters in Ohio, saying the economy must grow.";
        let found = read(body);
        assert_eq!(found[0].1.as_deref(), Some("Hillary Clinton"), "{found:?}");
        // A sentence opener is no name.
        let body = "Shortly, said the mayor, the city would open the bridge again.";
        for a in read(body) {
            assert_ne!(a.1.as_deref(), Some("Shortly"), "{body}");
        }
    }

    #[test]
    fn a_share_compared_with_another_that_speaks() {
        let body = "In all, 46 percent of voters said yes, compared with 23 percent who said using a private server was improper.";
        let found = read(body);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].0, "yes");
        assert_eq!(found[1].1.as_deref(), Some("who"));
        assert!(
            found[1].0.starts_with("using a private server"),
            "{found:?}"
        );
    }

    #[test]
    fn according_to_after_reported_speech_is_its_own_attribution() {
        let body = "Francis said those who thought so should look for a psychiatrist, according to Reuters.";
        let found = read(body);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(
            found[0].0,
            "those who thought so should look for a psychiatrist"
        );
        assert_eq!(found[0].1.as_deref(), Some("Francis"));
        assert_eq!(found[1].1.as_deref(), Some("Reuters"));
        assert!(found[1].0.contains("psychiatrist"), "{found:?}");
    }

    #[test]
    fn a_second_verb_of_saying_is_a_second_attribution() {
        let body = "Graham praised the plan and said the party is bound to lose in November.";
        let found = read(body);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].0, "the plan");
        assert_eq!(found[1].0, "the party is bound to lose in November");
        assert_eq!(found[1].1.as_deref(), Some("Graham"));

        let body =
            "The mayor defended the new budget on Monday, saying it would protect the schools.";
        let found = read(body);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].0, "the new budget on Monday");
        assert_eq!(found[1].0, "it would protect the schools");
        assert_eq!(found[1].1.as_deref(), Some("The mayor"));

        let body = "The minister declined to comment but said the talks would resume.";
        let found = read(body);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[1].0, "the talks would resume");

        // The second verb's source is the first one's, titles and all.
        let body = "Tory peer Lord Tebbit said he agreed with the view, and said the case \
                    should be looked at on its merits.";
        let found = read(body);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[1].1.as_deref(), Some("Tory peer Lord Tebbit"));

        // "and" inside the reported clause joins no verb of saying.
        let (content, source, _, _) =
            one("Okafor said the union walked out and the talks collapsed.");
        assert_eq!(content, "the union walked out and the talks collapsed");
        assert_eq!(source.as_deref(), Some("Okafor"));
    }

    #[test]
    fn a_relative_clause_reported_by_its_subject() {
        let body = "The council passed a levy, which the auditor says had no legal basis.";
        let found = read(body);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "which the auditor says had no legal basis");
        assert_eq!(found[0].1.as_deref(), Some("the auditor"));

        let body = "Cruz finished third, a result that he said defied expectations.";
        let found = read(body);
        assert!(
            found
                .iter()
                .any(|f| f.0 == "that he said defied expectations" && f.1.as_deref() == Some("he")),
            "{found:?}"
        );

        // A complement, not a relative clause: "said that he said …".
        let found = read("Mr. Ortiz said that he said nothing.");
        assert!(found.iter().all(|f| !f.0.starts_with("that")), "{found:?}");
    }

    #[test]
    fn a_quotation_after_a_headline_label() {
        let title = "Mayor Lindqvist On Transit: ‘We Will Build The Line.’";
        let found = labelled_headline(title, |_| false).expect("a quoted headline");
        assert_eq!(found.content.text(title), "‘We Will Build The Line.’");
        assert_eq!(
            found.source.map(|s| s.text(title)),
            Some("Mayor Lindqvist On Transit")
        );
        // A label in capitals, and a label with no quotation the body does
        // not quote, stay labels.
        assert!(labelled_headline("UPDATE: ‘We Will Build The Line.’", |_| false).is_none());
        assert!(labelled_headline("Poll: Lindqvist leads the field by ten", |_| false).is_none());
    }

    #[test]
    fn indirect_questions_after_asked() {
        let (content, source, _, _) = one("The host asked him which county was his favorite.");
        assert_eq!(content, "which county was his favorite");
        assert_eq!(source.as_deref(), Some("The host"));
        let (content, _, _, _) = one("Pollsters asked voters who they trusted most.");
        assert_eq!(content, "who they trusted most");
        // A relative clause after the object is no question.
        assert!(
            read("Sanders asked for $27, which was his average donation.")
                .iter()
                .all(|f| !f.0.starts_with("which")),
        );
    }

    #[test]
    fn a_clause_before_the_source_is_what_was_said_not_the_next_quotation() {
        let found = read("The plan failed, Mr Barrionuevo said. “It is for the rich,” he says.");
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].0, "The plan failed");
        assert_eq!(found[0].1.as_deref(), Some("Mr Barrionuevo"));
        assert_eq!(found[1].0, "It is for the rich,");
        assert_eq!(found[1].1.as_deref(), Some("he"));
        // Nothing follows: still the clause.
        let (content, _, _, _) = one("The plan failed, Mr Barrionuevo said. Then he left.");
        assert_eq!(content, "The plan failed");
    }

    #[test]
    fn a_role_then_the_name_it_belongs_to_after_the_verb() {
        for (body, source) in [
            (
                "“It will not work,” said the deputy mayor, Mark Evans.",
                "the deputy mayor, Mark Evans",
            ),
            (
                "“How long?” asked one resident, Mary Cole.",
                "one resident, Mary Cole",
            ),
            (
                "“We won,” said the coach, Bill Smith.",
                "the coach, Bill Smith",
            ),
        ] {
            let (_, found, _, _) = one(body);
            assert_eq!(found.as_deref(), Some(source), "{body}");
        }
    }

    #[test]
    fn an_object_then_a_clause_holding_a_quoted_word() {
        let (content, _, _, _) = one("Jane Holt told reporters she was “proud” of the result.");
        assert_eq!(content, "she was “proud” of the result");
        let (content, _, _, _) =
            one("Holt told BBC One's Breakfast programme there was no place for “hatred” here.");
        assert_eq!(content, "there was no place for “hatred” here");
    }

    #[test]
    fn according_to_without_a_comma_and_in_the_words_of() {
        let (content, source, _, _) = one("According to police the man was arrested at the scene.");
        assert_eq!(content, "the man was arrested at the scene");
        assert_eq!(source.as_deref(), Some("police"));
        let (content, source, cue, direct) =
            one("In the words of John Miller, “this is the worst storm in fifty years.”");
        assert_eq!(content, "this is the worst storm in fifty years");
        assert_eq!(source.as_deref(), Some("John Miller"));
        assert_eq!(cue.as_deref(), Some("In the words of"));
        assert!(direct);
        assert!(read("He lived in the words of his father.").is_empty());
    }

    #[test]
    fn quoted_words_keep_both_marks_at_a_content_edge() {
        let (content, _, _, _) = one("In the words of one fan, the club “has lost its soul”.");
        assert_eq!(content, "the club “has lost its soul”");
        let (content, _, _, _) = one("Miller characterized the response as “slow and confused”.");
        assert_eq!(content, "slow and confused");
    }

    #[test]
    fn an_age_and_an_opener_without_a_comma_before_the_source() {
        let (_, source, _, _) = one("“He is a leader,” said the 22-year-old.");
        assert_eq!(source.as_deref(), Some("the 22-year-old"));
        let (content, source, _, _) =
            one("At the party convention Sen. Elizabeth Warren said the plan had failed.");
        assert_eq!(source.as_deref(), Some("Sen. Elizabeth Warren"));
        assert_eq!(content, "the plan had failed");
        // A role's words stay with the name.
        let (_, source, _, _) = one("The Republican nominee Donald Trump said he would win.");
        assert_eq!(
            source.as_deref(),
            Some("The Republican nominee Donald Trump")
        );
    }

    #[test]
    fn writing_speaks_only_before_a_quotation_or_that() {
        let (content, source, cue, _) =
            one("Trump lambasted Gillibrand on Tuesday writing, “She is in the ring.”");
        assert_eq!(
            (content.as_str(), source.as_deref(), cue.as_deref()),
            ("She is in the ring.", Some("Trump"), Some("writing"))
        );
        assert!(read("She spent years writing a book about the war.").is_empty());
        assert!(read("He was writing to the council when the news came.").is_empty());
    }

    #[test]
    fn the_reporter_goes_on_after_but_he_and_and_later() {
        let (content, _, _, _) = one(
            "Schumer said the attack was “nasty, unbecoming of a president,” but he did not \
             join her call.",
        );
        assert_eq!(
            content,
            "the attack was “nasty, unbecoming of a president,”"
        );
        // (Another subject may be the speaker's words.)
        let (content, _, _, _) = one("Schumer said the attack was nasty, but it was legal.");
        assert_eq!(content, "the attack was nasty, but it was legal");
        let found = read(
            "The White House said the accusations were false and later promised to provide \
             a list of those accounts.",
        );
        assert_eq!(found[0].0, "the accusations were false");
        assert_eq!(found[1].2.as_deref(), Some("promised"));
    }

    #[test]
    fn a_quotation_ending_its_sentence_takes_no_attribution_after_it() {
        let found = read(
            "He said it fell to the panel, which covers “non-criminal matters.” Trump has \
             called the claims fabricated.",
        );
        assert_eq!(found[0].1.as_deref(), Some("He"));
        // (Calling the claims something is a record of its own.)
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[1].0, "the claims fabricated");
        // "that" before a verb is the clause's subject.
        let found = read("“We lost,” Smith said. “We will be back.” Jones said that was true.");
        assert_eq!(found.last().map(|f| f.0.as_str()), Some("that was true"));
        assert_eq!(found.last().and_then(|f| f.1.as_deref()), Some("Jones"));
    }

    #[test]
    fn where_it_was_asked_and_what_follows_the_verb() {
        let found = read("Fifty lawmakers called for an investigation in a letter on Monday.");
        assert_eq!(found[0].0, "an investigation");
        let found = read("She urged the men to step down from the assembly in a letter.");
        assert_eq!(found[0].0, "the men to step down from the assembly");
        // After a clause, the letter is part of what was said.
        let (content, _, _, _) = one("He said the plan was set out in a letter.");
        assert_eq!(content, "the plan was set out in a letter");
        // A "that" inside the clause, or a noun's own, is no marker.
        let (content, _, _, _) =
            one("Mr Hockney said the law was clear that those elected should go.");
        assert_eq!(content, "the law was clear that those elected should go");
        let (content, _, _, _) =
            one("Russia denies allegations by U.S. agencies that it meddled in the election.");
        assert_eq!(
            content,
            "allegations by U.S. agencies that it meddled in the election"
        );
        // A participle straight after "said" opens no clause; a gerund
        // with its verb does.
        let found = read("“They are talking Dream Act,” Carter said referring to the bill.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "They are talking Dream Act,");
        let (content, _, _, _) = one("Millers said stretching classes are popular.");
        assert_eq!(content, "stretching classes are popular");
        // After an adjunct and its comma, a clause.
        let (content, _, _, _) = one(
            "Schloegel said with the bank closed for months, many exporters have been unable to sell.",
        );
        assert_eq!(content, "many exporters have been unable to sell");
    }

    #[test]
    fn what_evidence_suggests_is_a_finding() {
        let found = find_attributions("Sales will fall, research suggests.");
        assert_eq!(found[0].kind, QuoteKind::Finding);
        let found = find_attributions("He suggested that sales would fall.");
        assert_eq!(found[0].kind, QuoteKind::Speech);
    }

    #[test]
    fn a_cue_that_ends_the_text_is_read_without_a_panic() {
        for body in [
            "The spokesperson added",
            "It is decided. The spokesperson added\n",
            "He said",
        ] {
            assert!(find_attributions(body).is_empty(), "{body}");
        }
    }

    #[test]
    fn calling_someone_a_name_is_what_was_said_of_them() {
        for (body, content) in [
            (
                "Trump has called the accusations fabricated stories and he has denied them.",
                "the accusations fabricated stories",
            ),
            (
                "Sen. Ted Cruz called the KKK “abhorrent” on Sunday.",
                "the KKK “abhorrent” on Sunday",
            ),
            (
                "The senator called the plan ridiculous.",
                "the plan ridiculous",
            ),
            ("Sanders called him a divisive man.", "him a divisive man"),
        ] {
            let found = read(body);
            assert_eq!(found[0].0, content, "{body}: {found:?}");
        }
        for body in [
            "A celebratory event was held called Politics and Pies.",
            "She runs a website called Cape Breton If Donald Trump Wins.",
            "The coach called it quits after ten years.",
            "He called the police to report the theft.",
            "He called his mother every week.",
            "She called a press conference on Monday.",
            "He called the vote for Smith.",
        ] {
            assert!(read(body).is_empty(), "{body}: {:?}", read(body));
        }
    }

    #[test]
    fn bare_plurals_firms_in_s_and_a_time_before_the_clause() {
        let (content, source, _, _) =
            one("Refugee advocates say the closure of local offices will undermine that goal.");
        assert_eq!(source.as_deref(), Some("Refugee advocates"));
        assert_eq!(
            content,
            "the closure of local offices will undermine that goal"
        );
        let (_, source, _, _) = one("Law professors have said challenges would rest on the law.");
        assert_eq!(source.as_deref(), Some("Law professors"));
        // (Not a clause and its verb: no source there.)
        let found = read("Many states refused and others said they needed to study it.");
        assert!(
            found
                .iter()
                .all(|f| f.1.as_deref() != Some("Many states refused and others"))
        );
        let (content, source, _, _) = one("Moody’s said providers “will tread lightly” for now.");
        assert_eq!(source.as_deref(), Some("Moody’s"));
        assert_eq!(content, "providers “will tread lightly” for now");
        let (content, _, _, _) =
            one("Chuck Grassley said last week the nominations would not move.");
        assert_eq!(content, "the nominations would not move");
        // ("said this week was …": a time that is the subject is left alone.)
        assert!(
            read("Grassley said this week was the hardest of his career.")
                .iter()
                .all(|f| f.0 != "was the hardest of his career")
        );
        let found =
            read("The bill is bad, Cuomo said on Thursday, saying that it may violate rights.");
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[1].1.as_deref(), Some("Cuomo"));
    }

    #[test]
    fn a_quotation_after_an_adjunct_and_its_comma_is_the_content() {
        let (content, _, _, direct) =
            one("In a tweet, Warren wrote on Tuesday, “Are you really trying to bully her?”");
        assert_eq!(content, "Are you really trying to bully her?");
        assert!(direct);
    }

    #[test]
    fn a_possessive_before_a_noun_like_verb_is_no_firm() {
        let found = read(
            "McConnell’s promise to Collins “means squat over here,” said Representative Mark \
             Walker, chairman of the committee.",
        );
        assert!(
            found.iter().all(|f| f.1.as_deref() != Some("McConnell’s")),
            "{found:?}"
        );
        assert!(
            found
                .iter()
                .any(|f| f.0 == "McConnell’s promise to Collins “means squat over here,"),
            "{found:?}"
        );
    }

    #[test]
    fn a_month_is_no_verb_and_a_long_subject_keeps_its_clause() {
        let (content, _, _, _) = one(
            "George Papadopoulos told an Australian diplomat in May 2016 that Russia had dirt \
             on Clinton.",
        );
        assert_eq!(content, "Russia had dirt on Clinton");
        let (content, _, _, _) = one(
            "Trump said opening ANWR, a move supported by some members of the tribe, would put \
             the country first.",
        );
        assert!(content.starts_with("opening ANWR"), "{content}");
    }

    #[test]
    fn rulings_statements_and_what_followed() {
        let (content, _, cue, _) =
            one("The panel ruled unanimously that the privacy law was meant to protect people.");
        assert_eq!(content, "the privacy law was meant to protect people");
        assert_eq!(cue.as_deref(), Some("ruled"));
        assert!(read("The referee ruled out a penalty.").is_empty());
        let (content, _, _, _) =
            one("The government proposal states that foreign investment will be allowed.");
        assert_eq!(content, "foreign investment will be allowed");
        assert!(read("Battleground states could be decisive in the election.").is_empty());
        assert!(read("In the nine states that form the South, Democrats lost.").is_empty());
        let (content, _, _, _) = one(
            "The county said residents could pay their taxes early, prompting a wave of residents \
             to line up.",
        );
        assert_eq!(content, "residents could pay their taxes early");
        let (content, _, _, _) = one(
            "The Supreme Court called tax deductions a “legislative grace” rather than a right.",
        );
        assert_eq!(
            content,
            "tax deductions a “legislative grace” rather than a right"
        );
    }

    #[test]
    fn a_titled_inverted_name_and_quoted_words_inside_an_object() {
        let (content, source, _, _) = one(
            "The sale has destroyed Yukos, once the owner of Yuganskneftegas, said founder \
             Mikhail Khodorkovsky.",
        );
        assert_eq!(source.as_deref(), Some("founder Mikhail Khodorkovsky"));
        assert_eq!(
            content,
            "The sale has destroyed Yukos, once the owner of Yuganskneftegas"
        );
        let (content, _, _, _) =
            one("Kenji Fujimori described the motion as part of a legislative “coup” attempt.");
        assert_eq!(
            content,
            "the motion as part of a legislative “coup” attempt"
        );
        let (content, _, _, _) =
            one("A hardline lawmaker, Hector Becerril, said the faction represented “traitors.”");
        assert_eq!(content, "the faction represented “traitors.”");
    }

    #[test]
    fn a_times_a_bare_names_clause_and_what_is_reversed() {
        let (content, _, _, _) = one(
            "Trump said on Friday the military would not accept recruits, reversing the policy \
             of Barack Obama.",
        );
        assert_eq!(content, "the military would not accept recruits");
        let (content, _, _, _) =
            one("Gerrard told the BBC Liverpool were unlikely to win the cup.");
        assert_eq!(content, "Liverpool were unlikely to win the cup");
    }

    #[test]
    fn a_line_of_a_source_list_says_nothing() {
        let body = "The document was found on a street.\n\n“Document found on street not secret, say \
                    feds” — The Canadian Press, August 15, 2008\n";
        assert!(read(body).is_empty(), "{:?}", read(body));
        assert!(is_citation("\"Flag vote set\" – BBC News, May 7, 2015"));
        assert!(!is_citation("“We will win,” she said on 7 May 2015."));
    }

    #[test]
    fn evidence_after_according_to_is_a_finding_and_a_source_inside_speaks() {
        let found = find_attributions(
            "Taxes would rise for many families, according to independent government analyses.",
        );
        assert_eq!(found[0].kind, QuoteKind::Finding);
        let found = read(
            "According to the New Zealand Herald, Professor John Burrows said the flag was old.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1.as_deref(), Some("Professor John Burrows"));
        let (content, _, _, _) = one(
            "Senator Tim Scott told ABC’s “This Week” that he would back the bill in its form.",
        );
        assert_eq!(content, "he would back the bill in its form");
        let found = read(
            "Moore said the allegations were false and refused to heed calls to leave the race.",
        );
        assert_eq!(found[0].0, "the allegations were false");
    }

    #[test]
    fn a_name_in_a_town_and_state_before_the_verb() {
        let (content, source, _, _) = one(
            "U.S. District Judge Haywood Gilliam Jr. in Oakland, California, said the government \
             likely did not follow the law.",
        );
        assert_eq!(
            source.as_deref(),
            Some("U.S. District Judge Haywood Gilliam Jr.")
        );
        assert_eq!(content, "the government likely did not follow the law");
    }

    #[test]
    fn branding_and_deriding_are_name_calling() {
        let found =
            read("Mark Oaten has branded the ID scheme a waste of money and “deeply flawed”.");
        assert_eq!(
            found[0].0, "the ID scheme a waste of money and “deeply flawed”",
            "{found:?}"
        );
        let found = read("Trump regularly derides the mainstream media as “fake news.”");
        assert_eq!(
            found[0].0, "the mainstream media as “fake news.”",
            "{found:?}"
        );
        assert!(read("The cattle were branded with a hot iron.").is_empty());
        assert!(read("The song was dubbed into French.").is_empty());
    }

    #[test]
    fn a_name_given_ends_what_was_said_and_brands_are_nouns() {
        let found = read("Levin dubbed them “Picasso tadpoles,” and they truly looked the part.");
        assert_eq!(found[0].0, "them “Picasso tadpoles,”", "{found:?}");
        assert!(read("It built media brands that reach 15 million readers.").is_empty());
    }

    #[test]
    fn a_quotation_left_open_at_a_paragraph_end_goes_on() {
        let body = "He said: “I don't think it did me lasting damage. Nor did it make me a champion.\n\n\
                    “I would do it again tomorrow.”\n";
        let found = read(body);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].0.ends_with("I would do it again tomorrow."),
            "{found:?}"
        );
        // A closed quotation, then a paragraph of quotation: two records.
        let body = "He said: “It did me no damage.”\n\n“I would do it again tomorrow.”\n";
        assert_eq!(read(body).len(), 2, "{:?}", read(body));
    }

    #[test]
    fn what_a_chamber_or_a_bill_proposes_is_a_stance() {
        let found =
            find_attributions("The House had proposed a 25 percent tax rate for companies.");
        assert_eq!(found[0].kind, QuoteKind::Stance, "{found:?}");
        let found =
            find_attributions("The tax plan proposes new rules for pass-through businesses.");
        assert_eq!(found[0].kind, QuoteKind::Stance, "{found:?}");
        let found = find_attributions("Senator Ron Wyden proposed a tax on the richest Americans.");
        assert_eq!(found[0].kind, QuoteKind::Speech, "{found:?}");
    }
    #[test]
    fn a_discourse_adverb_between_subject_and_cue_is_skipped() {
        let found = read("The senators, however, said the plan was flawed.");
        assert_eq!(found[0].1.as_deref(), Some("The senators"), "{found:?}");
        assert_eq!(found[0].0, "the plan was flawed", "{found:?}");
        let found = read("DHS, for its part, said its goal is a high rate.");
        assert_eq!(found[0].1.as_deref(), Some("DHS"), "{found:?}");
        assert!(read("The plan, however, said nothing.").is_empty());
    }

    #[test]
    fn a_time_or_adverb_after_the_cue_opens_no_content() {
        let found = read("DHS said previously its goal is a 96 percent rate.");
        assert_eq!(found[0].0, "its goal is a 96 percent rate", "{found:?}");
        let found = read("He said this week the plan failed.");
        assert_eq!(found[0].0, "the plan failed", "{found:?}");
        let found = read("Lawmakers said on Wednesday night Enrico Bondi was upbeat.");
        assert_eq!(found[0].0, "Enrico Bondi was upbeat", "{found:?}");
        // ("said this meant …": "this" is the subject when a verb follows.)
        let found = read("The senators said this meant there would be a denial.");
        assert_eq!(
            found[0].0, "this meant there would be a denial",
            "{found:?}"
        );
    }
    #[test]
    fn quotations_under_a_label_in_capitals_are_the_labelled_persons() {
        let body = "The House passed the bill on Tuesday. “Yields are rising fast.” \
                    MARA QUINTERO, CHIEF ECONOMIST, NORTHWIND BANK, BOSTON “Stocks had priced \
                    this in long ago.” “Small caps may do better next year.” TOBIAS \
                    WREN, SENIOR STRATEGIST AT HARBOUR FUNDS, NEW YORK: “The dollar will \
                    follow the yields.”";
        let found = read(body);
        let labelled: Vec<(&str, Option<&str>)> = found
            .iter()
            .map(|(text, source, _, _)| (text.as_str(), source.as_deref()))
            .collect();
        assert_eq!(
            labelled,
            [
                ("Stocks had priced this in long ago.", Some("MARA QUINTERO")),
                ("Small caps may do better next year.", Some("MARA QUINTERO")),
                ("The dollar will follow the yields.", Some("TOBIAS WREN")),
            ],
            "{found:?}"
        );
        // An initial, and a note on where the words come from.
        let found = read(
            "“Rates will rise.” L. THOMAS BLOCK, FUNDSTRAT GLOBAL ADVISORS, WASHINGTON POLICY \
             STRATEGIST (from research note): “Bottom line is that the race changes little.”",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1.as_deref(), Some("L. THOMAS BLOCK"), "{found:?}");
        // A headline in capitals before a quotation is no label.
        assert!(read("Prices fell. OIL PRICES, MARKETS CALM “Demand is weak.”").is_empty());
    }
    #[test]
    fn what_was_said_ends_before_the_next_act_or_the_writers_clause() {
        // A closed quotation, then the speaker's next act.
        let found = read(
            "Strong wrote “We are returning the gift of the tax bill” and signed it “The people.”",
        );
        assert_eq!(
            found[0].0, "We are returning the gift of the tax bill",
            "{found:?}"
        );
        let found = read(
            "Trump said he was “very proud of him,” and rejected a report that he had wavered.",
        );
        assert_eq!(found[0].0, "he was “very proud of him,”", "{found:?}");
        // The reported clause's own second verb stays.
        let found =
            read("The White House said the rise was “unfortunate” but reflected market forces.");
        assert!(found[0].0.ends_with("reflected market forces"), "{found:?}");
        // After a gerund object, another subject's clause is the writer's.
        let found = read(
            "Police interviewed a man who admitted delivering the package, but no charges had \
             been filed against him.",
        );
        assert_eq!(found[0].0, "delivering the package", "{found:?}");
        // A relative clause ends where its antecedent's verb follows.
        let found = read(
            "Trump, who as a candidate promised to pick a justice like Scalia, has set out to \
             move the courts to the right.",
        );
        assert_eq!(found[0].0, "to pick a justice like Scalia", "{found:?}");
    }
    #[test]
    fn agreeing_to_do_something_is_no_speech() {
        let found = find_attributions("Johnson & Johnson has agreed to buy Guidant for $25bn.");
        assert_eq!(found[0].kind, QuoteKind::Stance, "{found:?}");
        let found = find_attributions("He agreed that the plan was badly flawed.");
        assert_eq!(found[0].kind, QuoteKind::Speech, "{found:?}");
    }
    #[test]
    fn calling_it_a_name_keeps_the_it() {
        let found = read("Smith denied the report, calling it “fake news.”");
        assert_eq!(found.last().unwrap().0, "it “fake news.”", "{found:?}");
        assert!(read("He called it quits after ten years.").is_empty());
    }
    #[test]
    fn reported_words_around_a_quotation_stay_with_it() {
        let found = read(
            "The newspaper said State Department documents now refer to sex education as \
             “sexual risk avoidance.”",
        );
        assert!(
            found[0].0.starts_with("State Department documents"),
            "{found:?}"
        );
        let found = read("Democrats urged Rosenstein to let it continue “unfettered by threats.”");
        assert!(
            found[0].0.starts_with("Rosenstein to let it continue"),
            "{found:?}"
        );
    }
}
