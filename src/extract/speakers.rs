//! Who said it: source spans resolved to speakers within one article.
//!
//! - Titles, party labels and roles are split from names: `Foreign Minister
//!   Jean-Marc Ayrault` is Jean-Marc Ayrault, role Foreign Minister; so is
//!   `Ayrault, the foreign minister`; `Republican Roy Moore` is Roy Moore,
//!   role Republican. A given name (1990 US Census list) marks where a
//!   person's name starts after a capitalised title ("Executive director of
//!   the Council on American-Islamic Relations Alia Salem").
//! - Organisations keep their whole name: `Standard and Poor's Corp`,
//!   `Sears, Roebuck and Co`, `lead manager Nomura International Ltd` (role
//!   lead manager). A generic noun alone (`the Bank`, `the company`) is the
//!   organisation the article named before; with none, no speaker.
//! - A surname alone (`Ayrault said`) resolves to the full name written
//!   anywhere in the article (the latest before it, else the first after).
//! - `he` and `she` resolve to the latest person speaker who may be meant
//!   (gender from Mr./Mrs., a given name or an earlier pronoun), unless
//!   another person of that gender was named since that speaker last spoke:
//!   then it is a guess, and the quote keeps no speaker. With no speaker
//!   yet, the one person of that gender named just before. Right after a
//!   speaker's own words, with no one else named in the paragraph, the
//!   pronoun is that speaker's, whatever the census says of the given
//!   name (docs/QUOTES.md, "Pronouns, groups and documents"). `his office`,
//!   `her spokeswoman` speak for that person; `who` for the name just
//!   before it; `it` for the latest organisation.
//! - `Cummings and Nadler said` gives both speakers; so do `both experts`
//!   (the last two quoted) and `the authors` (the people a sentence on the
//!   work names as its authors). `the study` is its authors, else whoever
//!   issued it (`a report by …`), else the organisation that just spoke.
//! - A role alone (`the minister said`) resolves to the person the article
//!   gives that role; `a spokesman`, `officials`, `they`, `Brokers`,
//!   `Estimates` stay unnamed.
//! - Countries and names with organisation words (`Russia`, `the
//!   Pentagon`, `Reuters`) are organisations; a titled office with no name
//!   (`the U.N. Special Envoy for Syria`) is a speaker of kind `role`.
//!
//! People who are only mentioned never become speakers: the list is built
//! from sources only. Everything here is local to one article; the corpus
//! decides the rest at indexing time (`crate::index::names`).

use crate::extract::text::{is_capitals, title_cased, to_lower};
use std::borrow::Cow;

use serde::Serialize;

use crate::extract::lexicon::{
    COUNTRIES, CUE_VERBS, DETERMINERS, GENERIC_NAMES, HONORIFICS, INSTITUTIONS, LEADING_NOISE,
    MEDIA_TAILS, NATIONAL_BODIES, NOT_NAMES, ORG_ROLE_HEADS, ORG_SUFFIXES, ORGANISATION_VOICES,
    ORGANISATION_WORDS, PARTY_LABELS, ROLE_HEADS, SOURCE_NOUNS, SPOKESPEOPLE, Sex, given_name,
    is_plural_surname,
};
use crate::extract::quotes::{Attribution, Span};
use crate::extract::tokens::{Kind, Tok, tokenize};

/// What kind of speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerKind {
    Person,
    Organisation,
    /// An office named without its holder: "the U.N. Special Envoy for Syria".
    Role,
}

/// A resolved speaker of an article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Speaker {
    pub name: String,
    pub role: Option<String>,
    pub kind: SpeakerKind,
    /// Source spans that resolved to this speaker.
    pub mentions: Vec<Span>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gender {
    Male,
    Female,
}

impl Gender {
    fn of_given_name(word: &str) -> Option<Gender> {
        match given_name(word)? {
            Sex::Male => Some(Gender::Male),
            Sex::Female => Some(Gender::Female),
            Sex::Either => None,
        }
    }

    fn of_honorific(word: &str) -> Option<Gender> {
        // (Compared without lowering a copy: this runs on every word
        // between a pronoun and its antecedent.)
        let word = word.trim_end_matches('.');
        let is = |options: &[&str]| options.iter().any(|o| word.eq_ignore_ascii_case(o));
        if word.len() > 8 {
            None
        } else if is(&["mr", "sir", "lord", "king", "prince"]) {
            Some(Gender::Male)
        } else if is(&["mrs", "ms", "miss", "dame", "lady", "queen", "princess"]) {
            Some(Gender::Female)
        } else {
            None
        }
    }

    /// The gender a name's words show: an honorific, else its given name.
    fn of_name(words: &[&str]) -> Option<Gender> {
        words
            .iter()
            .find_map(|w| Gender::of_honorific(w))
            // (A name of one word is a surname: "Reagan" is no woman's
            // given name there.)
            .or_else(|| {
                (words.len() >= 2)
                    .then(|| words.first().and_then(|w| Gender::of_given_name(w)))
                    .flatten()
            })
    }
}

/// A person named somewhere in the text.
#[derive(Debug, Clone)]
struct NameMention {
    name: String,
    role: Option<String>,
    start: usize,
    end: usize,
    /// Where the capitalised run holding the name starts, its title
    /// included: "Sub-Assistant Agriculture Officer Atanu Sarker" opens its
    /// sentence even though the name does not.
    phrase_start: usize,
    gender: Option<Gender>,
}

/// An organisation named somewhere in the text: "Bank of England".
#[derive(Debug, Clone)]
struct OrgMention {
    name: String,
    start: usize,
}

/// Speakers of an article and, per attribution, the indices of its speakers
/// (none for a vague source, several for "Cummings and Nadler said").
#[derive(Debug, Clone, Default)]
pub struct Resolved {
    pub speakers: Vec<Speaker>,
    pub speakers_of: Vec<Vec<usize>>,
}

/// Resolves every attribution's source to its speakers.
pub fn resolve(body: &str, attributions: &[Attribution]) -> Resolved {
    resolve_with_tokens(body, attributions, &tokenize(body))
}

/// [`resolve`], reusing the body's tokens (offsets into `body`).
pub fn resolve_with_tokens(body: &str, attributions: &[Attribution], tokens: &[Tok]) -> Resolved {
    let mut state = Resolver {
        body,
        tokens,
        names: std::cell::OnceCell::new(),
        orgs: std::cell::OnceCell::new(),
        resolved: Resolved::default(),
        genders: Vec::new(),
        guessed: Vec::new(),
        last_person: Vec::new(),
        last_org: None,
        last_document: None,
        said: Vec::new(),
        content: None,
        statements: Vec::new(),
    };
    for attribution in attributions {
        state.content = Some(attribution.content);
        let speakers = match attribution.continues {
            Some(root) => state
                .resolved
                .speakers_of
                .get(root)
                .cloned()
                .unwrap_or_default(),
            None => match attribution.source {
                // "PENCE: Well, look, …": a transcript's label, the name in
                // capitals.
                // (Not an interview's "A:", which is the interviewee.)
                // ("JACK ABLIN, CHIEF INVESTMENT OFFICER, … “…”": a round-up's
                // label, the name before its comma.)
                Some(source)
                    if attribution
                        .cue
                        .is_some_and(|cue| matches!(cue.text(body), ":" | ","))
                        && is_capitals(source.text(body))
                        && source.text(body) != "A" =>
                {
                    let name = title_cased(source.text(body));
                    state.named(name, None, None, source).into_iter().collect()
                }
                Some(source) => state.source(source),
                None => Vec::new(),
            },
        };
        // (Reported speech only: a turn of a transcript or a quotation may
        // introduce the person the next "she" is, "MARTINEZ-BELTRAN: Most
        // people chanting here are educators, like Rosie Curts. She says …".)
        if !speakers.is_empty() && !attribution.direct {
            state.said.push((attribution.content, speakers.clone()));
        }
        // ("Renault said in a statement that …": whose statement "the
        // statement" is later.)
        if !speakers.is_empty()
            && let Some(source) = attribution.source
        {
            let from = body.floor_char_boundary(source.start.saturating_sub(40));
            let to = attribution.content.start.max(source.end).min(body.len());
            if from < to && body[from..to].contains("statement") {
                state.statements.push((source.start, speakers.clone()));
            }
        }
        state.resolved.speakers_of.push(speakers);
    }
    state.resolved
}

/// How far back (bytes) a pronoun with no speaker yet looks for the one
/// person it may mean: about a paragraph.
const PRONOUN_WINDOW: usize = 600;

struct Resolver<'a> {
    body: &'a str,
    tokens: &'a [Tok],
    /// People named in the text, found only when a source needs them.
    names: std::cell::OnceCell<Vec<NameMention>>,
    /// Organisations named in the text, likewise.
    orgs: std::cell::OnceCell<Vec<OrgMention>>,
    resolved: Resolved,
    genders: Vec<Option<Gender>>,
    /// Per speaker: whether its gender is only the census's guess from the
    /// given name (a "Cameron" may be a woman), which the writer's own
    /// pronoun overrules.
    guessed: Vec<bool>,
    /// Person speakers, most recent last.
    last_person: Vec<usize>,
    last_org: Option<usize>,
    /// The speakers of the previous source when it was a document ("the
    /// research says"): an `It adds` right after it means the same.
    last_document: Option<Vec<usize>>,
    /// What each source read so far reported, and its speakers.
    said: Vec<(Span, Vec<usize>)>,
    /// What the attribution being resolved says: a person named in it
    /// is spoken of by its source ("The image portrayed Mr Howard as a
    /// hypnotist, he argued" is not Howard's).
    content: Option<Span>,
    /// Where someone spoke in a statement, and who: "the statement" said
    /// later is theirs.
    statements: Vec<(usize, Vec<usize>)>,
}

impl Resolver<'_> {
    fn names(&self) -> &[NameMention] {
        self.names
            .get_or_init(|| name_mentions(self.body, self.tokens))
    }

    fn orgs(&self) -> &[OrgMention] {
        self.orgs
            .get_or_init(|| org_mentions(self.body, self.tokens))
    }

    /// The speakers of one source span.
    fn source(&mut self, source: Span) -> Vec<usize> {
        let text = source.text(self.body);
        let lower = to_lower(text);
        let previous_document = self.last_document.take();
        // ("It adds: …" right after; far on, `it` is anything.)
        if lower == "it"
            && let Some(speakers) = previous_document
            && speakers.iter().any(|&i| {
                self.resolved.speakers[i]
                    .mentions
                    .iter()
                    .any(|m| m.end <= source.start && source.start - m.end < PRONOUN_WINDOW)
            })
        {
            for &i in &speakers {
                self.resolved.speakers[i].mentions.push(source);
            }
            self.last_document = Some(speakers.clone());
            return speakers;
        }
        // "His office said", "her spokeswoman said": the person the
        // pronoun means speaks through them (as "the governor's office"
        // does).
        if let Some((pronoun, _)) = lower.split_once(' ')
            && matches!(pronoun, "his" | "her")
            && matches!(
                &lower[pronoun.len() + 1..],
                "office" | "spokesman" | "spokeswoman" | "spokesperson"
            )
        {
            let gender = if pronoun == "his" {
                Gender::Male
            } else {
                Gender::Female
            };
            // ("… Senator John McCain's hospitalization. His office said":
            // the last person named, wherever in the sentence.)
            // (In its own sentence, the sentence's first person, its
            // subject: "Minister Marcel Masse will meet his counterpart,
            // Neil Webber, his office announced".)
            let candidates: Vec<&NameMention> = self
                .names()
                .iter()
                .filter(|n| n.end <= source.start && source.start - n.end < PRONOUN_WINDOW)
                .filter(|n| n.gender == Some(gender) && looks_like_someone(n))
                .collect();
            let same_sentence = |n: &&&NameMention| {
                !self.body[n.end..source.start].contains(". ")
                    && !self.body[n.end..source.start].contains('\n')
            };
            let last = candidates
                .iter()
                .find(same_sentence)
                .or_else(|| candidates.last())
                .map(|n| (*n).clone());
            if let Some(person) = last {
                return vec![self.add(
                    person.name,
                    person.role,
                    SpeakerKind::Person,
                    Some(gender),
                    source,
                )];
            }
            return self.pronoun(gender, source).into_iter().collect();
        }
        // "The statement said", "the company statement added": the
        // statement someone was said to have made earlier.
        if matches!(
            lower.as_str(),
            "the statement" | "the company statement" | "the company's statement" | "its statement"
        ) && let Some((_, speakers)) = self
            .statements
            .iter()
            .rev()
            .find(|(at, _)| *at < source.start)
        {
            let speakers = speakers.clone();
            for &i in &speakers {
                self.resolved.speakers[i].mentions.push(source);
            }
            return speakers;
        }
        // "a statement from his office said", "a letter from the company":
        // the document speaks for whoever it is from.
        if let Some(issuer) = document_from(text) {
            let start = source.end - issuer.len();
            let issuer = Span {
                start,
                end: start + issuer_words(issuer).len(),
            };
            let found = self.source(issuer);
            // (It spoke last: "the company" after it is the issuer, when
            // it may be one, not a person of a known given name.)
            if let [one] = found[..]
                && (self.resolved.speakers[one].kind == SpeakerKind::Organisation
                    || self.genders[one].is_none())
            {
                self.last_org = Some(one);
            }
            return found;
        }
        if let Some(speakers) = self.group_or_document(&lower, source) {
            return speakers;
        }
        // "Fusion's court document said", "Acme Corp's annual report
        // says": a named owner's document speaks for its owner.
        if let Some(owner) = owners_document(text) {
            let owner_span = Span {
                start: source.start,
                end: source.start + owner.len(),
            };
            let found = self.one_source(owner_span);
            // ("Texaco's motion … he said": a one-word name of no known
            // person is no one the next "he" means.)
            if let Some(index) = found
                && !self.resolved.speakers[index].name.contains(' ')
                && self.genders[index].is_none()
            {
                self.last_person.retain(|&i| i != index);
            }
            return found.into_iter().collect();
        }
        if let Some(parts) = coordinated(text)
            .filter(|_| !one_body_of_two_nouns(text))
            .filter(|parts| {
                // "Duff and Phelps" is a firm unless the article names each of
                // them as a person.
                parts.iter().all(|&(a, b)| {
                    let part = &text[a..b];
                    part.split_whitespace().count() >= 2
                        || self.full_name(part, source.start).is_some()
                        || named_apart(self.body, part, text)
                        || is_organisation(part)
                })
            })
        {
            let mut found: Vec<usize> = Vec::new();
            for (a, b) in parts {
                let part = Span {
                    start: source.start + a,
                    end: source.start + b,
                };
                if let Some(index) = self.one_source(part)
                    && !found.contains(&index)
                {
                    found.push(index);
                }
            }
            return found;
        }
        if let Some(index) = self.one_source(source) {
            return vec![index];
        }
        // "Scotland's first minister has told pupils …. Jack McConnell
        // made the remarks …": the lead names its speaker by role, the
        // next sentence by name.
        match self.identified_after_lead(source).cloned() {
            Some(person) => vec![self.add(
                person.name,
                person.role,
                SpeakerKind::Person,
                person.gender,
                source,
            )],
            None => Vec::new(),
        }
    }

    /// The person a description in the article's first sentence stands for
    /// when the second sentence names them: news leads often hold the name
    /// back ("The top Republican in the U.S. House said on Wednesday …
    /// House Speaker Paul Ryan …", "…, according to his former chief
    /// economic adviser. Formerly one of Mr Brown's closest aides, Ed
    /// Balls …"). The first person there not named in the lead.
    fn identified_after_lead(&self, source: Span) -> Option<&NameMention> {
        const WINDOW: usize = 300;
        let text = source.text(self.body);
        let lower = to_lower(text);
        let words: Vec<&str> = lower.split_whitespace().collect();
        // A role one person holds, by its head word (before "of", "in" …):
        // not an official or a spokesman, whom leads leave unnamed, nor
        // "the official news agency".
        let head = words
            .iter()
            .take_while(|w| !matches!(**w, "of" | "in" | "for" | "at" | "from" | "on" | "to"))
            .last()
            .copied()
            .unwrap_or("");
        let described = words.len() >= 2
            && (matches!(words[0], "the" | "his" | "her" | "its")
                || words[0].ends_with("'s")
                || words[0].ends_with("’s"))
            && (ROLE_HEADS.has(head) || matches!(head, "democrat" | "republican"))
            && !UNNAMED_IN_LEADS.contains(&head)
            && !text
                .split_whitespace()
                .skip(1)
                .any(|w| given_name(w).is_some());
        // (The lead: nothing before the source ends a sentence; a
        // dateline may open it.)
        let before = &self.body[..source.start];
        if !described || before.contains(". ") || before.trim_start().contains('\n') {
            return None;
        }
        let rest = &self.body[source.end..];
        let lead_end = source.end
            + rest
                .match_indices(['.', '\n'])
                .map(|(at, _)| at)
                .find(|&at| {
                    let after = &rest[at + 1..];
                    let word_before = self.body[..source.end + at]
                        .rsplit(' ')
                        .next()
                        .unwrap_or("");
                    (after.starts_with(' ') || after.starts_with('\n') || after.is_empty())
                        && !word_before.contains('.')
                        && !word_before.chars().all(|c| c.is_uppercase())
                })?;
        let lead = &self.body[..lead_end];
        // The next sentence's subject: a person (a known given name) whose
        // name, titles and all, opens it or follows a fronted phrase and
        // its comma ("Formerly one of …'s closest aides, Ed Balls …").
        let second = lead_end
            + 1
            + (self.body[lead_end + 1..].len() - self.body[lead_end + 1..].trim_start().len());
        self.names()
            .iter()
            .filter(|n| n.start > lead_end && n.start - lead_end <= WINDOW)
            .filter(|n| !self.body[lead_end + 1..n.start].contains(". "))
            .find(|n| {
                let surname = n.name.split_whitespace().last().unwrap_or("");
                // (Or the one who says the next sentence's quotation:
                // "“That's among …,” House Speaker Paul Ryan said".)
                let before = &self.body[..n.phrase_start];
                let subject = (n.phrase_start == second
                    || before.ends_with(", ")
                    || before.ends_with(",” ")
                    || before.ends_with(",\" "))
                    && !self.body[n.end..].starts_with(['\'', '’']);
                n.name.contains(' ') && n.gender.is_some() && subject && !lead.contains(surname)
            })
    }

    /// Sources that stand for who the article named elsewhere, or `None`
    /// when `lower` is none of them: `both experts` (the last two people
    /// quoted); `the authors`, `the researchers` (the people a sentence
    /// about the work names together); `the research`, `the report` (its
    /// named authors, else who issued it: "a report by …", else the
    /// organisation that just spoke); `the department's website` (the
    /// department).
    fn group_or_document(&mut self, lower: &str, source: Span) -> Option<Vec<usize>> {
        let words: Vec<&str> = lower.split_whitespace().collect();
        let &head = words.last()?;
        let recent = |mentions: &[Span]| {
            mentions
                .iter()
                .any(|m| m.end <= source.start && source.start - m.end < PRONOUN_WINDOW * 3)
        };
        if (words.len() == 2 && words[0] == "both"
            || words.len() == 3 && words[..2] == ["the", "two"])
            && head.ends_with('s')
        {
            let pair: Vec<usize> = self.last_person.iter().rev().take(2).copied().collect();
            if pair.len() < 2
                || !pair
                    .iter()
                    .all(|&i| recent(&self.resolved.speakers[i].mentions))
            {
                return None;
            }
            for &i in &pair {
                self.resolved.speakers[i].mentions.push(source);
            }
            // The earlier speaker first, as the article named them.
            return Some(pair.into_iter().rev().collect());
        }
        // ("the Strava report" names its issuer: that is the name's work.)
        let original: Vec<&str> = source.text(self.body).split_whitespace().collect();
        if words.first() != Some(&"the")
            || !(2..=3).contains(&words.len())
            || original[1..original.len() - 1]
                .iter()
                .any(|w| is_capitalised(w))
        {
            return None;
        }
        // "the department's website says": the department.
        if words.len() == 3
            && let Some(owner) = words[1]
                .strip_suffix("'s")
                .or_else(|| words[1].strip_suffix("’s"))
            && (ORG_ROLE_HEADS.has(owner) || matches!(owner, "department" | "ministry" | "agency"))
        {
            return self.organisation_meant(owner, source).map(|i| vec![i]);
        }
        if matches!(
            head,
            "authors" | "co-authors" | "researchers" | "scientists"
        ) {
            let mut authors = self.named_authors(source);
            // ("The report's authors say", "the authors say": the report,
            // when the article names it but not its authors.)
            let of_document = match words.len() {
                3 => DOCUMENTS.contains(&words[1].trim_end_matches("'s").trim_end_matches("’s")),
                _ => matches!(head, "authors" | "co-authors"),
            };
            if authors.is_empty() && of_document {
                authors.extend(self.named_document(source));
            }
            if authors.is_empty() {
                return None;
            }
            self.last_document = Some(authors.clone());
            return Some(authors);
        }
        if !DOCUMENTS.contains(&head) {
            return None;
        }
        let mut speakers = Vec::new();
        // A work of research speaks for its authors; a report for whoever
        // issued it.
        if matches!(head, "study" | "research" | "paper") {
            speakers = self.named_authors(source);
        }
        if speakers.is_empty() {
            speakers = self.issuer(head, source);
        }
        if speakers.is_empty() {
            speakers.extend(self.named_document(source));
        }
        if speakers.is_empty() && !ISSUED_DOCUMENTS.contains(&head) {
            // (An organisation, or a one-word name of no known person:
            // "ClassPass said …".)
            let recent_speaker = |i: usize| recent(&self.resolved.speakers[i].mentions);
            let org = self.last_org.filter(|&i| recent_speaker(i)).or_else(|| {
                let latest = *self.last_person.last()?;
                let speaker = &self.resolved.speakers[latest];
                (self.genders[latest].is_none()
                    && !speaker.name.contains(' ')
                    && recent_speaker(latest))
                .then_some(latest)
            });
            if let Some(org) = org {
                self.resolved.speakers[org].mentions.push(source);
                speakers.push(org);
            }
        }
        if speakers.is_empty() {
            return None;
        }
        self.last_document = Some(speakers.clone());
        Some(speakers)
    }

    /// The people the latest sentence about a work names together as its
    /// authors: "It is co-authored by Luna Ito, a lecturer at …, and Jin
    /// Park", "Malone wrote in a brief co-authored by Daniela Roth and Rob
    /// Lau". The first is the speaker, the others co-speakers.
    fn named_authors(&mut self, source: Span) -> Vec<usize> {
        // Words that say who did the work, not only that there was one
        // ("a co-author of related research" names one person, not a team).
        const AUTHORSHIP: [&str; 7] = [
            "authored by",
            "co-authored",
            "wrote",
            "written by",
            "led by",
            "published by",
            "conducted by",
        ];
        let mut found: Vec<NameMention> = Vec::new();
        for (start, end) in sentences(&self.body[..source.start]).into_iter().rev() {
            let sentence = to_lower(&self.body[start..end]);
            if !AUTHORSHIP.iter().any(|w| sentence.contains(w)) {
                continue;
            }
            let mut people: Vec<NameMention> = self
                .names()
                .iter()
                .filter(|n| n.start >= start && n.end <= end)
                .filter(|n| looks_like_someone(n))
                .cloned()
                .chain(self.surname_mentions(start, end))
                .collect();
            people.sort_by_key(|n| n.start);
            for person in people {
                if !found.iter().any(|f| same_person(&f.name, &person.name)) {
                    found.push(person);
                }
            }
            if found.len() >= 2 {
                break;
            }
            found.clear();
        }
        found
            .into_iter()
            .map(|n| self.add(n.name, n.role, SpeakerKind::Person, None, source))
            .collect()
    }

    /// The latest document the article named before `source`, by a name
    /// of its own ending in a document's noun: "the Australian National
    /// Iodine Nutrition Study … The report says" (a publication, listed as
    /// an organisation, as journals are).
    fn named_document(&mut self, source: Span) -> Option<usize> {
        let before = self.tokens.partition_point(|t| t.end <= source.start);
        let end = (0..before).rev().find(|&i| {
            let word = self.tokens[i].text(self.body);
            is_capitalised(word)
                && DOCUMENTS.contains(&&*to_lower(word))
                // ("Centre for Economic Policy Research" is a body.)
                && word != "Research"
                && i > 0
                && is_capitalised(self.tokens[i - 1].text(self.body))
                && self.tokens[i - 1].kind == Kind::Word
        })?;
        let mut start = end;
        while start > 0
            && self.tokens[start - 1].kind == Kind::Word
            && is_capitalised(self.tokens[start - 1].text(self.body))
            && strip_possessive(self.tokens[start - 1].text(self.body))
                == self.tokens[start - 1].text(self.body)
            && self.body[self.tokens[start - 1].end..self.tokens[start].start] == *" "
        {
            start -= 1;
        }
        // A document's own name follows an article ("the Australian …
        // Study"); after a possessive or a preposition it is a programme's
        // or a body's ("BBC's World Business Report").
        let article = |w: &str| matches!(&*to_lower(w), "the" | "a" | "an" | "this");
        let opens = article(self.tokens[start].text(self.body))
            || start > 0 && article(self.tokens[start - 1].text(self.body));
        let words: Vec<&str> = self.tokens[start..=end]
            .iter()
            .map(|t| t.text(self.body))
            .skip_while(|w| article(w))
            .collect();
        if !opens || words.len() < 2 {
            return None;
        }
        let index = self.add(
            words.join(" "),
            None,
            SpeakerKind::Organisation,
            None,
            source,
        );
        Some(index)
    }

    /// Who issued the document a source names: "a June report by the
    /// Education Lab and MDRC", the latest such phrase before `source`.
    fn issuer(&mut self, document: &str, source: Span) -> Vec<usize> {
        let before = &self.body[..source.start];
        let pattern = format!("{document} by ");
        // (ASCII lower case keeps every byte where it was, so `at` is an
        // offset into `before` too.)
        // ("A Dec. 20 memo, issued by the Executive Office …".)
        let lower = before.to_ascii_lowercase();
        let found = lower
            .rfind(&pattern)
            .map(|at| at + pattern.len())
            .or_else(|| {
                let at = lower.rfind(" issued by ")?;
                lower[at.saturating_sub(60)..at]
                    .contains(document)
                    .then_some(at + " issued by ".len())
            });
        let by = found.and_then(|from| {
            let rest = &before[from..];
            // The issuer runs to the end of its phrase: "MDRC, a research
            // organization" is MDRC.
            let mut end = rest
                .find([',', '.', ';', ':', '(', '\n', '“', '"'])
                .unwrap_or(rest.len());
            // ("issued by the French state car group the agreement was
            // …": a new clause after it, its content, with no "that".)
            let lead = if rest.starts_with("the ") { 4 } else { 0 };
            if let Some(at) = [" the ", " that ", " a "]
                .iter()
                .filter_map(|w| rest[lead..end].find(w))
                .min()
            {
                end = lead + at;
            }
            let issuer = rest[..end].trim_end();
            (!issuer.is_empty() && issuer.split_whitespace().any(is_capitalised)).then_some(Span {
                start: from,
                end: from + issuer.len(),
            })
        });
        // ("The U.S. government's motion … the motion said": the owner
        // the article gave the document.)
        let by = by.or_else(|| {
            let needles = [format!("'s {document}"), format!("’s {document}")];
            let at = needles
                .iter()
                .filter_map(|n| before.rfind(n.as_str()))
                .max()?;
            let owner_start = before[..at]
                .rfind(['.', ',', ';', ':', '\n', '“', '"'])
                .map_or(0, |i| i + 1);
            let owner = before[owner_start..at].trim_start();
            let owner = without_the(owner);
            let words: Vec<&str> = owner.split_whitespace().collect();
            // (A name, not "In last year's survey", "the commission said
            // Air Lanka's report".)
            let named = !words.is_empty()
                && words.len() <= 5
                && !owner.contains(['\'', '’'])
                && (words
                    .iter()
                    .all(|w| is_capitalised(w) || matches!(*w, "of" | "for"))
                    && !NOT_NAMES.has(&to_lower(words[0]))
                    && !ADVERBIAL_OPENERS.contains(&&*to_lower(words[0]))
                    || owner == "government"
                    || owner.ends_with(" government"));
            named.then(|| Span {
                start: at - owner.len(),
                end: at,
            })
        });
        let issued = by
            .is_none()
            .then(|| self.issued_by_subject(source.start))
            .flatten();
        // ("The Executive Office for Immigration Review issued …": a body,
        // named as it is.)
        if let Some(span) = by.or(issued) {
            let name = span.text(self.body);
            let name = name.strip_prefix("the ").unwrap_or(name);
            let words: Vec<&str> = name.split_whitespace().collect();
            let body_word = words
                .iter()
                .any(|w| is_capitalised(w) && ORGANISATION_WORDS.has(&to_lower(w)))
                && words.len() <= 8
                && is_body_name(&words);
            if body_word {
                let index = self.add(
                    name.to_string(),
                    None,
                    SpeakerKind::Organisation,
                    None,
                    source,
                );
                return vec![index];
            }
        }
        let Some(span) = by.or(issued) else {
            return Vec::new();
        };
        // ("The U.S. government's motion": a government, named by the
        // article's country as "the government said" is.)
        // ("Texaco's motion": a firm's, unless the name is a person's.)
        let owner = span.text(self.body);
        if !owner.ends_with("government")
            && !looks_like_a_person(owner)
            && self.body[span.end..].starts_with(['\'', '’'])
        {
            let index = self.add(
                owner.to_string(),
                None,
                SpeakerKind::Organisation,
                None,
                source,
            );
            return vec![index];
        }
        if owner.ends_with("government") {
            return vec![self.government(source)];
        }
        // (Who issued a report is not thereby the `it` of later sentences.)
        let last_org = self.last_org;
        let speakers = self.source(span);
        self.last_org = last_org;
        // Its mentions are the source's, not the phrase's.
        for &i in &speakers {
            let mentions = &mut self.resolved.speakers[i].mentions;
            mentions.retain(|m| *m != span);
            mentions.push(source);
        }
        speakers
    }

    /// "The Executive Office for Immigration Review issued new guidance
    /// …. The memo says …", "The Justice Department filed a motion …":
    /// the subject of the sentence before `at` that issued a document, as
    /// a span of the body.
    fn issued_by_subject(&self, at: usize) -> Option<Span> {
        const ISSUED: [&str; 7] = [
            " issued ",
            " filed ",
            " sent ",
            " released ",
            " published ",
            " circulated ",
            " submitted ",
        ];
        let (start, end) = sentences(&self.body[..at])
            .into_iter()
            .rev()
            .take(2)
            .find(|&(s, e)| ISSUED.iter().any(|v| self.body[s..e].contains(v)))?;
        let sentence = &self.body[start..end];
        let verb = ISSUED.iter().filter_map(|v| sentence.find(v)).min()?;
        // (A short subject of capitalised words: "The Justice Department",
        // "Lawyers for the Trump administration" is no one's name.)
        // (After a dateline: "NEW YORK (Reuters) - The Executive Office …".)
        let subject = sentence[..verb].trim();
        let subject = [" - ", " — ", " – "]
            .iter()
            .filter_map(|dash| subject.rfind(dash).map(|at| &subject[at + dash.len()..]))
            .next()
            .unwrap_or(subject);
        let subject = without_the(subject);
        let words: Vec<&str> = subject.split_whitespace().collect();
        let named = !words.is_empty()
            && words.len() <= 8
            && is_capitalised(words[0])
            && is_body_name(&words);
        named.then(|| {
            let from = start + sentence[..verb].find(subject).unwrap_or(0);
            Span {
                start: from,
                end: from + subject.len(),
            }
        })
    }

    fn one_source(&mut self, source: Span) -> Option<usize> {
        let text = source.text(self.body);
        // "A: …", an interview's answer, and "I" in one: the interviewee.
        let answer = text == "A" && self.body[source.end..].starts_with(':');
        let first_person = text == "I"
            && self.body[..source.start].contains("\nA: ")
            && crate::extract::quotes::is_interview(self.body);
        if answer || first_person {
            let person = self.interviewee()?.clone();
            return Some(self.add(
                person.name,
                person.role,
                SpeakerKind::Person,
                person.gender,
                source,
            ));
        }
        let lower = to_lower(text);
        match lower.as_str() {
            "he" => return self.pronoun(Gender::Male, source),
            "she" => return self.pronoun(Gender::Female, source),
            "it" => {
                let org = self.last_org?;
                self.resolved.speakers[org].mentions.push(source);
                return Some(org);
            }
            // "Nationwide said prices rose. They added …": a firm or body
            // that spoke last, with no person named since.
            "they" => return self.they(source),
            // "The administration said": the one the article's president
            // leads ("President Donald Trump" → "Trump administration"; not
            // "Chinese President Xi Jinping", a foreign leader the story
            // names).
            "the administration" => {
                let president = |n: &&NameMention| {
                    n.role.as_deref().is_some_and(|r| {
                        matches!(r, "President" | "U.S. President" | "US President")
                    }) && n.name.split_whitespace().last().is_some_and(|w| {
                        is_capitalised(w) && !crate::extract::dates::is_calendar_word(&to_lower(w))
                    })
                };
                let leader = self
                    .names()
                    .iter()
                    .filter(|n| n.start < source.start)
                    .rfind(president)
                    .or_else(|| self.names().iter().find(president))?;
                let surname = leader.name.split_whitespace().last()?.to_string();
                let index = self.add(
                    format!("{surname} administration"),
                    None,
                    SpeakerKind::Organisation,
                    None,
                    source,
                );
                self.last_org = Some(index);
                return Some(index);
            }
            // (Not "WHO say", the World Health Organization.)
            "who" if text != "WHO" => return self.antecedent(source),
            // "Trump, Jr. said": the name before the comma, with its suffix.
            "jr." | "jr" | "sr." | "sr" => {
                let name = self.name_before(source)?;
                let full = format!("{name} {text}");
                return self.named(full, None, None, source);
            }
            _ => {}
        }
        if PRONOUNS_UNNAMED.contains(&lower.as_str()) {
            return None;
        }
        // "A leaked letter seen by Sky News says": who saw or got the
        // document is not who wrote it.
        // (Only the last few characters are read: this runs per source.)
        let before = self.body[..source.start].trim_end();
        let tail = before.char_indices().rev().nth(11).map_or(0, |(i, _)| i);
        let before = to_lower(&before[tail..]);
        if ["seen by", "obtained by", "leaked to", "shown to", "sent to"]
            .iter()
            .any(|w| before.ends_with(w))
        {
            return None;
        }
        // "said the 46-year-old": the person the article gave that age.
        if let Some(age) = age_described(&lower) {
            let holder = self.aged(age, source.start)?.clone();
            return Some(self.add(
                holder.name,
                holder.role,
                SpeakerKind::Person,
                holder.gender,
                source,
            ));
        }
        // "His office said", "her spokeswoman said", "Cochran's office
        // said": that person. "its authors", "its developers": the firm.
        if let Some((owner, rest)) = lower.split_once(' ') {
            match owner {
                "his" if SPOKESPEOPLE.has(rest) => return self.pronoun(Gender::Male, source),
                "her" if SPOKESPEOPLE.has(rest) => return self.pronoun(Gender::Female, source),
                // "his administration said": the body that person leads.
                "his" | "her" if matches!(rest, "administration" | "campaign") => {
                    let gender = if owner == "his" {
                        Gender::Male
                    } else {
                        Gender::Female
                    };
                    let leader = self.pronoun(gender, source)?;
                    let surname = self.resolved.speakers[leader]
                        .name
                        .split_whitespace()
                        .last()
                        .unwrap_or("")
                        .to_string();
                    self.resolved.speakers[leader]
                        .mentions
                        .retain(|m| *m != source);
                    let index = self.add(
                        format!("{surname} {rest}"),
                        None,
                        SpeakerKind::Organisation,
                        None,
                        source,
                    );
                    self.last_org = Some(index);
                    return Some(index);
                }
                "its" if !rest.contains(' ') => {
                    let firm = self.last_org.or_else(|| self.firm_like())?;
                    self.resolved.speakers[firm].mentions.push(source);
                    return Some(firm);
                }
                _ => {}
            }
            let (owner_text, _) = text.split_once(' ').unwrap_or((text, ""));
            // ("Collins' office": the apostrophe alone after an s.)
            let possessor = owner_text
                .strip_suffix("'s")
                .or_else(|| owner_text.strip_suffix("’s"))
                .or_else(|| {
                    owner_text
                        .strip_suffix('\'')
                        .or_else(|| owner_text.strip_suffix('’'))
                        .filter(|p| p.ends_with('s'))
                });
            if let Some(possessor) = possessor.filter(|p| is_capitalised(p))
                && SPOKESPEOPLE.has(rest)
            {
                return self.named(possessor.to_string(), None, None, source);
            }
            // "The Republican governor's office said", "the senator's
            // spokeswoman said": the person the article gives that role.
            if let Some((owner, spokes)) = text
                .split_once("'s ")
                .or_else(|| text.split_once("’s "))
                .filter(|(owner, _)| owner.starts_with("The ") || owner.starts_with("the "))
                && SPOKESPEOPLE.has(&to_lower(spokes))
            {
                let words: Vec<&str> = owner.split_whitespace().skip(1).collect();
                // (Offices one person holds: not "the information
                // commissioner's office", whose assistant commissioner the
                // article may name.)
                let head = words.last().map(|w| to_lower(w).to_string());
                let office = |h: &String| {
                    matches!(
                        h.as_str(),
                        "governor"
                            | "mayor"
                            | "president"
                            | "minister"
                            | "senator"
                            | "premier"
                            | "chancellor"
                            | "general"
                            | "congressman"
                            | "congresswoman"
                    )
                };
                if let Some(head) = head.filter(office) {
                    let modifiers: Vec<&str> = words[..words.len() - 1]
                        .iter()
                        .copied()
                        .filter(|w| is_capitalised(w))
                        .collect();
                    let holder = self
                        .holder_of_role(&head, &modifiers, source.start)
                        .cloned();
                    if let Some(holder) = holder {
                        return Some(self.add(
                            holder.name,
                            holder.role,
                            SpeakerKind::Person,
                            holder.gender,
                            source,
                        ));
                    }
                }
            }
        }
        // "Shanske and other tax experts said", "Trump and his allies
        // deny": the one named speaks for the group.
        for joint in [" and other ", " and his ", " and her ", " and their "] {
            if let Some((named, _)) = text.split_once(joint)
                && is_capitalised(named)
                && !named.contains(',')
                && named.split_whitespace().count() <= 4
            {
                return self.named(strip_determiner(named).to_string(), None, None, source);
            }
        }
        // "Moody's said", "McDonald's says": a firm whose name ends so
        // (a possessive has its noun after it, and never reaches here).
        // (The word after the source is read only for a one-word source
        // in 's: this runs for every source.)
        let verb_next = || {
            self.body[source.end..]
                .split_whitespace()
                .next()
                .is_some_and(|w| {
                    let w = to_lower(w.trim_end_matches([',', '.']));
                    CUE_VERBS.has(&w) || matches!(&*w, "has" | "had" | "will" | "would" | "also")
                })
        };
        if !text.contains(' ')
            && (text.ends_with("'s") || text.ends_with("’s"))
            && is_capitalised(text)
            && verb_next()
        {
            let name = text.replace('’', "'");
            let index = self.add(name, None, SpeakerKind::Organisation, None, source);
            self.last_org = Some(index);
            return Some(index);
        }
        // "the bank", "The U.S. embassy", "the panel": a body by its head
        // word, with at most a country's words before it.
        if let Some(rest) = lower.strip_prefix("the ") {
            let (modifiers, head) = rest.rsplit_once(' ').unwrap_or(("", rest));
            let national = modifiers
                .split_whitespace()
                .all(|w| country_named_by(w).is_some());
            match head {
                // "The U.S. embassy said", "the French consulate said": a
                // country's mission abroad, named by its country.
                "embassy" | "consulate" if national && !modifiers.is_empty() => {
                    // (As written; lowering may change a length, so checked.)
                    let country = text.get(4..4 + modifiers.len()).unwrap_or(modifiers);
                    let mission = if head == "embassy" {
                        "Embassy"
                    } else {
                        "Consulate"
                    };
                    let index = self.add(
                        format!("{country} {mission}"),
                        None,
                        SpeakerKind::Organisation,
                        None,
                        source,
                    );
                    self.last_org = Some(index);
                    return Some(index);
                }
                // "the panel said", "The committee said", "the court
                // ruled": the body the article named (a committee, a
                // court); else as any role ("The committee" may be its
                // chairman, named as such).
                "panel" | "committee" | "commission" | "board" | "court" | "tribunal"
                    if modifiers.is_empty() =>
                {
                    if let Some(body) = self.organisation_meant(head, source) {
                        return Some(body);
                    }
                }
                // "the bank said", "The automaker said", "the British
                // lender said": a firm by its trade (and its country), the
                // one the article is about.
                _ if national && is_company_sector(head) => {
                    return self.organisation_meant(head, source);
                }
                _ => {}
            }
        }
        // "The Trump administration said", "the Clinton campaign": a
        // person's administration or campaign speaks as a body of its own.
        if let Some(body) = led_body(text) {
            let index = self.add(body, None, SpeakerKind::Organisation, None, source);
            self.last_org = Some(index);
            return Some(index);
        }
        // "The top Senate Democrat said", "a spokesman for the Republican":
        // a party's member, not a name (the person the article gives that
        // role, when it does).
        // ("The No. 2 Republican in the U.S. House": up to the preposition.)
        let before_preposition = |name: &str| -> String {
            name.split(',')
                .next()
                .unwrap_or("")
                .split_whitespace()
                .take_while(|w| !matches!(*w, "in" | "of" | "from" | "on" | "at"))
                .collect::<Vec<_>>()
                .join(" ")
        };
        let member_of_a_party = |name: &str| {
            let name = before_preposition(name);
            let words: Vec<&str> = name.split_whitespace().collect();
            words.last().is_some_and(|w| {
                matches!(
                    &*to_lower(w),
                    "democrat" | "republican" | "tory" | "conservative"
                )
            }) && words[..words.len().saturating_sub(1)].iter().all(|w| {
                given_name(w).is_none() || crate::gazetteer::Gazetteer::embedded().is_major_place(w)
            })
        };
        match parse_source(text) {
            ParsedSource::Named { name, .. } | ParsedSource::Voice { name, .. }
                if member_of_a_party(&name) || member_of_a_party(strip_determiner(text)) =>
            {
                let name = if member_of_a_party(&name) {
                    before_preposition(&name)
                } else {
                    before_preposition(strip_determiner(text))
                };
                let words: Vec<&str> = name.split_whitespace().collect();
                let head = to_lower(words.last().unwrap_or(&""));
                // ("the Utah Republican": the one placed in Utah.)
                let modifiers = &words[..words.len().saturating_sub(1)];
                let holder = self.holder_of_role(&head, modifiers, source.start)?.clone();
                Some(self.add(
                    holder.name,
                    holder.role,
                    SpeakerKind::Person,
                    holder.gender,
                    source,
                ))
            }
            ParsedSource::Named { name, role, gender } => self.named(name, role, gender, source),
            // "the Paris-based pressure group": where it is based is no name.
            ParsedSource::Voice { name, .. } if is_descriptive_compound(&name) => None,
            ParsedSource::Voice { name, role } => {
                let index = self.add(name, Some(role), SpeakerKind::Organisation, None, source);
                self.last_org = Some(index);
                Some(index)
            }
            ParsedSource::RoleOnly {
                role,
                definite,
                titled,
            } => {
                let head = role.split_whitespace().last()?.to_lowercase();
                // ("The Wisconsin senator": the capitalised words modify.)
                let modifiers: Vec<&str> = role
                    .split_whitespace()
                    .filter(|w| is_capitalised(w) && !ROLE_HEADS.has(&to_lower(w)))
                    .collect();
                // "A U.S. District Court judge ruled …. U.S. District Judge
                // Tanya Chutkan …": an indefinite role the article names
                // in the words that follow.
                let holder = if definite {
                    self.holder_of_role(&head, &modifiers, source.start)
                } else {
                    self.named_next(&head, source)
                };
                if let Some(holder) = holder {
                    let holder = holder.clone();
                    return Some(self.add(
                        holder.name,
                        holder.role,
                        SpeakerKind::Person,
                        holder.gender,
                        source,
                    ));
                }
                // "the company said", "the bank said", "the automaker
                // said", "the British lender said" (a country's adjective
                // is no title): the organisation the article is about.
                let national = !modifiers.is_empty()
                    && modifiers.iter().all(|w| country_named_by(w).is_some());
                if definite
                    && (!titled || national)
                    && (ORG_ROLE_HEADS.has(&head) || is_company_sector(&head))
                {
                    return self.organisation_meant(&head, source);
                }
                // "The government said": the government of the article's
                // country, named once that is known (see
                // `qualify_national_bodies`).
                if definite && role == "government" {
                    let index = self.government(source);
                    self.last_org = Some(index);
                    return Some(index);
                }
                if titled && definite {
                    let role = speaker_name(&role)?;
                    // An office ("the U.N. Special Envoy") or, with no role
                    // word, a body ("the Prohibition of Chemical Weapons").
                    let office = role
                        .split_whitespace()
                        .any(|w| ROLE_HEADS.has(&to_lower(w)));
                    let kind = if office {
                        SpeakerKind::Role
                    } else {
                        SpeakerKind::Organisation
                    };
                    let index = self.add(role, None, kind, None, source);
                    if kind == SpeakerKind::Organisation {
                        self.last_org = Some(index);
                    }
                    return Some(index);
                }
                None
            }
            ParsedSource::Vague => None,
        }
    }

    /// A named source: an organisation, or a person (a surname alone
    /// becomes the full name the article gives).
    fn named(
        &mut self,
        name: String,
        role: Option<String>,
        gender: Option<Gender>,
        source: Span,
    ) -> Option<usize> {
        let name = speaker_name(&name)?;
        let (name, role) = split_affiliation(name, role);
        let org_role = role.as_deref().is_some_and(is_org_role);
        // "Dr Fox", "Mr Post": a title or honorific makes a person, whatever
        // the name's words.
        let titled_person = !org_role
            && (gender.is_some()
                || looks_like_a_person(&name)
                || role.as_deref().and_then(role_head).is_some_and(|h| {
                    let lower = to_lower(h);
                    // "co-chairman", "vice-president".
                    let last = lower.rsplit('-').next().unwrap_or(&lower);
                    ROLE_HEADS.has(&lower) || ROLE_HEADS.has(last) || PARTY_LABELS.has(&lower)
                }));
        // "Paris claims" after "Valeska Paris": the surname of someone the
        // article names is that person, not the city's government.
        let surname_of_someone = !name.contains(' ')
            && self
                .full_name(&name, source.start)
                .is_some_and(looks_like_someone);
        let organisation = if titled_person {
            name.split_whitespace()
                .last()
                .is_some_and(|w| ORG_SUFFIXES.has(&to_lower(w)))
        } else {
            !surname_of_someone && is_organisation(&name)
        };
        // An honorific makes a person but is no role ("Mr Blair"), and
        // neither is what came before it ("saw Mr Blair", "Brussels summit
        // Mr Blair").
        let role = role.filter(|role| {
            !role.split_whitespace().any(|w| {
                let lower = to_lower(w);
                lower != "the" && HONORIFICS.has(&lower)
            })
        });
        if org_role || organisation {
            let name = strip_article(&name);
            // "the Bank said": the bank the article named before.
            if !name.contains(' ') && GENERIC_NAMES.has(&to_lower(&name)) {
                return self.organisation_meant(&to_lower(&name), source);
            }
            let index = self.add(name, role, SpeakerKind::Organisation, None, source);
            self.last_org = Some(index);
            return Some(index);
        }
        let words: Vec<&str> = name.split_whitespace().collect();
        let (full, known_role) = if words.len() == 1 {
            let lone = to_lower(words[0]);
            // "P" of "S/P said": a letter is no one's name.
            // (Not "May" when the article names a Brian May.)
            let surname = self
                .full_name(words[0], source.start)
                .is_some_and(|n| n.gender.is_some());
            if lone.chars().filter(|c| c.is_alphanumeric()).count() < 2
                || SOURCE_NOUNS.has(&lone)
                || NOT_NAMES.has(&lone) && !surname
                || GENERIC_NAMES.has(&lone)
                // ("Millers agrees": a plural noun, unless the article
                // names an Ashley Millers.)
                || (is_plural_common_noun(&lone)
                    && !self
                        .full_name(words[0], source.start)
                        .is_some_and(looks_like_someone))
            {
                return None;
            }
            // A speaker already named in full, else a name written
            // anywhere in the article.
            let surname = strip_possessive(words[0]);
            let known = self.resolved.speakers.iter().rev().find(|s| {
                s.kind == SpeakerKind::Person
                    && s.name.split_whitespace().count() > 1
                    && s.name.split_whitespace().last() == Some(surname)
            });
            match known {
                Some(speaker) => (speaker.name.clone(), speaker.role.clone()),
                None => match self.full_name(words[0], source.start) {
                    Some(mention) => (mention.name.clone(), mention.role.clone()),
                    None => (name.clone(), None),
                },
            }
        } else {
            // "Trump Jr." is the "Donald Trump Jr." the article names.
            let longer = self.fuller_name(&name, usize::MAX);
            match longer.or_else(|| self.names().iter().find(|n| n.name == name)) {
                Some(mention) => (mention.name.clone(), mention.role.clone()),
                None => (name.clone(), None),
            }
        };
        let full_words: Vec<&str> = full.split_whitespace().collect();
        let firm = gender.or_else(|| full_words.iter().find_map(|w| Gender::of_honorific(w)));
        let census = Gender::of_name(&full_words);
        let index = self.add(full, role.or(known_role), SpeakerKind::Person, firm, source);
        if firm.is_none() && (self.genders[index].is_none() || self.guessed[index]) {
            self.genders[index] = census;
            self.guessed[index] = census.is_some();
        }
        Some(index)
    }

    /// The capitalised words just before `source` (over a comma):
    /// "Farenthold" of "Farenthold, who said".
    fn name_before(&self, source: Span) -> Option<&str> {
        let at = self.tokens.partition_point(|t| t.end <= source.start);
        let mut end = at.checked_sub(1)?;
        if self.tokens[end].text(self.body) == "," {
            end = end.checked_sub(1)?;
        }
        // ("Staunton, 49, who told …": past the age.)
        if end >= 2
            && self.tokens[end]
                .text(self.body)
                .bytes()
                .all(|b| b.is_ascii_digit())
            && self.tokens[end - 1].text(self.body) == ","
        {
            end -= 2;
        }
        let mut start = end;
        while start > 0 && end - start < 4 {
            let prev = self.tokens[start - 1];
            let word = prev.text(self.body);
            let joined = self.body[prev.end..self.tokens[start].start] == *" ";
            if prev.kind != Kind::Word || !joined || !(is_name_word(word) || is_initial(word)) {
                break;
            }
            start -= 1;
        }
        let first = self.tokens[start];
        let last = self.tokens[end];
        (first.kind == Kind::Word && is_capitalised(first.text(self.body)))
            .then(|| &self.body[first.start..last.end])
    }

    /// "Farenthold, who said": the name just before `who`.
    fn antecedent(&mut self, source: Span) -> Option<usize> {
        if let Some(text) = self.name_before(source)
            && let ParsedSource::Named { name, role, gender } = parse_source(text)
        {
            return self.named(name, role, gender, source);
        }
        let antecedent = self
            .names()
            .iter()
            .rev()
            .find(|n| n.end <= source.start && source.start - n.end <= 3)?
            .clone();
        Some(self.add(
            antecedent.name,
            antecedent.role,
            SpeakerKind::Person,
            antecedent.gender,
            source,
        ))
    }

    /// A pronoun: the latest person speaker who may be meant, unless
    /// another person it may mean was named since that speaker last spoke.
    fn pronoun(&mut self, gender: Gender, source: Span) -> Option<usize> {
        if let Some(index) = self.speaker_of_the_paragraph(gender, source) {
            self.genders[index] = Some(gender);
            self.guessed[index] = false;
            self.resolved.speakers[index].mentions.push(source);
            self.touch(index);
            return Some(index);
        }
        if let Some(person) = self.previous_subject(gender, source) {
            return Some(self.add(
                person.name,
                person.role,
                SpeakerKind::Person,
                Some(gender),
                source,
            ));
        }
        let latest = |accept: &dyn Fn(Option<Gender>) -> bool| {
            self.last_person
                .iter()
                .rev()
                .copied()
                .find(|&i| accept(self.genders[i]))
        };
        let candidate = latest(&|g| g == Some(gender)).or_else(|| latest(&|g| g.is_none()));
        let index = match candidate {
            Some(index) => {
                let speaker = &self.resolved.speakers[index];
                let since = speaker
                    .mentions
                    .iter()
                    .map(|m| m.end)
                    .filter(|&end| end <= source.start)
                    .max()
                    .unwrap_or(0);
                // "Shaheda Begum … described the initiative as helpful. She
                // said …": a person named since the last speaker spoke is
                // nearer, and meant, when there is one such person.
                // ("Helmstetter says to look to the garden. '…,' she says":
                // a surname alone names the person too.)
                let speaker_name = speaker.name.clone();
                let mut surnames = self.surname_mentions(since, source.start);
                // ("Levin, though, thinks … Levin immersed himself …, and he
                // knew": named again by surname, the speaker is nearest.)
                let since = surnames
                    .iter()
                    .filter(|n| same_person(&n.name, &speaker_name))
                    .map(|n| n.end)
                    .max()
                    .unwrap_or(since);
                surnames.retain(|n| n.start >= since);
                let mut nearer = self
                    .names()
                    .iter()
                    .filter(|n| n.start >= since && n.end <= source.start)
                    .chain(&surnames)
                    .filter(|n| n.gender.is_none_or(|g| g == gender))
                    .filter(|n| opens_clause(self.body, n.phrase_start))
                    .filter(|n| !same_person(&n.name, &speaker_name))
                    .filter(|n| n.gender.is_some() || plausibly_a_person(&n.name))
                    // ("Reagan also said he was summoning Max Kampelman
                    // home. He said …": a person named in what the speaker
                    // said is someone the speaker spoke of.)
                    .filter(|n| !self.spoken_of(index, n.start))
                    // ("Mr Morris despatches him: \"Robert Kilroy Silk is
                    // not a team player …\" … he said": a person named
                    // inside a quotation is spoken of, not speaking.)
                    .filter(|n| !inside_quotation(self.body, n.start));
                if let Some(person) = nearer.next().cloned() {
                    if nearer.any(|n| !same_person(&n.name, &person.name)) {
                        return None;
                    }
                    return Some(self.add(
                        person.name,
                        person.role,
                        SpeakerKind::Person,
                        Some(gender),
                        source,
                    ));
                }
                if self.rival_between(since, source.start, gender, &speaker_name, Some(index)) {
                    return None;
                }
                index
            }
            None => {
                // No one has spoken yet: the one person of that gender
                // named just before.
                let from = source.start.saturating_sub(PRONOUN_WINDOW);
                // (A name of unknown gender will do when it opens its
                // clause: "Adaeze Nwosu … described the plan. She said …")
                let people = self
                    .names()
                    .iter()
                    .filter(|n| n.start >= from && n.end <= source.start)
                    .filter(|n| {
                        n.gender == Some(gender)
                            || (n.gender.is_none()
                                && opens_clause(self.body, n.phrase_start)
                                && plausibly_a_person(&n.name))
                    });
                let people: Vec<NameMention> = people.cloned().collect();
                let mut person = people.first()?.clone();
                if people.iter().any(|n| !same_person(&n.name, &person.name)) {
                    // ("The Office's Ricky Gervais is writing …, following
                    // an invitation from Matt Groening. Gervais has begun
                    // … '…,' he said": the one named again since, as the
                    // subject of a clause, and named last, is meant.)
                    let candidate =
                        |n: &NameMention| people.iter().any(|p| same_person(&p.name, &n.name));
                    let last = self
                        .surname_mentions(from, source.start)
                        .into_iter()
                        .chain(people.iter().cloned())
                        .filter(|n| candidate(n) && !inside_quotation(self.body, n.start))
                        .max_by_key(|n| n.start)?;
                    if !opens_clause(self.body, last.phrase_start)
                        || !people
                            .iter()
                            .any(|p| p.end <= last.start && same_person(&p.name, &last.name))
                    {
                        return None;
                    }
                    person = people
                        .iter()
                        .find(|p| same_person(&p.name, &last.name))?
                        .clone();
                }
                return Some(self.add(
                    person.name,
                    person.role,
                    SpeakerKind::Person,
                    Some(gender),
                    source,
                ));
            }
        };
        self.genders[index] = Some(gender);
        self.resolved.speakers[index].mentions.push(source);
        self.touch(index);
        Some(index)
    }

    /// The person a pronoun opening its sentence means when the sentence
    /// before, in the same paragraph, opens with that person's name: "Harry
    /// Kane won the award. He said, '…'" (however many players the match
    /// report named before): the one person of a gender that fits named in
    /// that sentence, and named first.
    fn previous_subject(&self, gender: Gender, source: Span) -> Option<NameMention> {
        let before = self.body[..source.start].trim_end();
        if !before.ends_with(['.', '!', '?']) {
            return None;
        }
        let paragraph = before.rfind('\n').map_or(0, |i| i + 1);
        let sentence = &before[paragraph..before.len() - 1];
        // (The sentence before starts after the last sentence end in the
        // paragraph; a full stop inside an initial or "Mr." is rare enough
        // before a subject to be taken as an end.)
        let start = paragraph + sentence.rfind(['.', '!', '?']).map_or(0, |i| i + 1);
        let start = start + (self.body[start..].len() - self.body[start..].trim_start().len());
        // (Anyone else who may be meant in that sentence makes it a guess:
        // "Adaeze Nwosu came first, and Chioma Eze later. She said …")
        // (A name of unknown gender counts where it opens a clause: not
        // "the Budweiser Man of the Match award".)
        let mut people = self
            .names()
            .iter()
            .filter(|n| n.start >= start && n.end <= source.start)
            .filter(|n| {
                n.gender == Some(gender)
                    || n.gender.is_none()
                        && opens_clause(self.body, n.phrase_start)
                        && plausibly_a_person(&n.name)
            });
        let Some(person) = people.next().cloned() else {
            // By surname, when the sentence names no one in full: "Moore
            // was a controversial candidate …. He denied …".
            // ("Mr Wallace agreed and said …. He explained …": after an
            // honorific, the surname of a full name the article gives.)
            let mut words = self.body[start..source.start].split_whitespace();
            // (`HONORIFICS` holds "the" of "the Rev.": no title alone.)
            if let Some(first) = words.next()
                && first != "The"
                && HONORIFICS.has(&to_lower(first.trim_end_matches('.')))
                && let Some(surname) = words.next()
            {
                let surname = strip_possessive(surname.trim_end_matches([',', '.']));
                return self
                    .full_name(surname, start)
                    .filter(|n| n.gender.is_none_or(|g| g == gender))
                    .cloned();
            }
            let opener = self
                .surname_mentions(start, source.start)
                .into_iter()
                .next()
                .filter(|n| n.start == start && n.gender.is_none_or(|g| g == gender))?;
            return Some(
                self.fuller_name(&opener.name, opener.start)
                    .cloned()
                    .unwrap_or(opener),
            );
        };
        let alone = !people.any(|n| !same_person(&n.name, &person.name));
        // ("Saying Britain must change, Mr Howard argues …": a participle
        // opening the sentence is no one's given name.)
        let first = person.name.split_whitespace().next().unwrap_or("");
        let named = Gender::of_given_name(first).is_some()
            || !crate::gazetteer::Gazetteer::embedded().is_english_word(&to_lower(first));
        // (Only its subject: the one person named elsewhere in it is as
        // often someone the subject spoke of, "one figure he would love to
        // portray - Ian Paisley. He said …".)
        if !(alone && named && person.phrase_start == start) {
            return None;
        }
        // ("Leao Franco said …" after "Jorge Luis Leao Franco": the name in
        // full.)
        let longer = self.fuller_name(&person.name, person.start).cloned();
        Some(longer.unwrap_or(person))
    }

    /// A longer name the article gives, before `before`, that ends with
    /// `name` and adds a person's words: "Donald Trump Jr." for "Trump
    /// Jr.", "Jorge Luis Leao Franco" for "Leao Franco"; not "Texas
    /// Arlington Amneh Jafari" (places) for "Amneh Jafari".
    fn fuller_name(&self, name: &str, before: usize) -> Option<&NameMention> {
        let gazetteer = crate::gazetteer::Gazetteer::embedded();
        self.names().iter().find(|n| {
            let Some(extra) = n.name.strip_suffix(name) else {
                return false;
            };
            n.start < before
                && extra.ends_with(' ')
                && extra.split_whitespace().all(|w| {
                    let lower = to_lower(w);
                    Gender::of_given_name(w).is_some()
                        || !INSTITUTIONS.has(&lower)
                            && !ORGANISATION_WORDS.has(&lower)
                            && gazetteer
                                .lookup(&crate::gazetteer::normalise::name_key(w))
                                .is_none()
                })
        })
    }

    /// Whether a person of `gender` other than `name` is named in the text
    /// between `from` and `to`: a given name or an honorific of that gender
    /// before a capitalised word ("Hillary Clinton", "Mrs Evans"). A scan
    /// of the tokens there, not of every name in the article.
    fn rival_between(
        &self,
        from: usize,
        to: usize,
        gender: Gender,
        name: &str,
        speaker: Option<usize>,
    ) -> bool {
        let first = self.tokens.partition_point(|t| t.start < from);
        let last = self.tokens.partition_point(|t| t.end <= to);
        let surname = name.split_whitespace().last().unwrap_or("");
        (first..last.min(self.tokens.len())).any(|i| {
            let word = self.tokens[i].text(self.body);
            let next = self.tokens.get(i + 1).filter(|t| t.end <= to);
            let Some(next) = next.map(|t| t.text(self.body)) else {
                return false;
            };
            // (The cheap test first: this runs on every word in between.)
            if !is_capitalised(next) {
                return false;
            }
            let marks = Gender::of_honorific(word).or_else(|| Gender::of_given_name(word));
            if marks != Some(gender) {
                return false;
            }
            // (Not someone the speaker spoke of, in their own words, nor
            // one named inside a quotation.)
            let at = self.tokens[i].start;
            if speaker.is_some_and(|s| self.spoken_of(s, at))
                || self.in_content(at)
                || inside_quotation(self.body, at)
            {
                return false;
            }
            strip_possessive(next) != surname
                && !name.split_whitespace().any(|w| w == word)
                // "Dallas Independent School District": a given name that
                // starts a place's or a body's name is no one.
                && plausibly_a_person(&self.capitalised_run(i, to))
        })
    }

    /// Whether the text at `at` lies in what `speaker` was read as saying:
    /// a person named there is someone the speaker spoke of.
    fn spoken_of(&self, speaker: usize, at: usize) -> bool {
        self.said.iter().any(|(content, speakers)| {
            speakers.contains(&speaker) && content.start <= at && at < content.end
        }) || self.in_content(at)
    }

    /// Whether `at` lies in what the attribution being resolved says.
    fn in_content(&self, at: usize) -> bool {
        self.content
            .is_some_and(|content| content.start <= at && at < content.end)
    }

    /// The capitalised words from token `at` on, before `to`, joined by
    /// single spaces: "Dallas Independent School District".
    fn capitalised_run(&self, at: usize, to: usize) -> String {
        let mut end = at;
        while let Some(next) = self.tokens.get(end + 1)
            && next.end <= to
            && next.kind == Kind::Word
            && is_capitalised(next.text(self.body))
            && self.body[self.tokens[end].end..next.start] == *" "
        {
            end += 1;
        }
        self.body[self.tokens[at].start..self.tokens[end].end].to_string()
    }

    /// The person a pronoun right after their own words means: the
    /// speaker who alone has been named in the paragraph so far ("Forbes
    /// says that food is the new decor. '…,' she shares."), unless their
    /// gender is known (an honorific, an earlier pronoun) and another. A
    /// census guess from the given name gives way: the writer knows.
    fn speaker_of_the_paragraph(&self, gender: Gender, source: Span) -> Option<usize> {
        let &index = self.last_person.last()?;
        if self.genders[index].is_some_and(|g| g != gender) && !self.guessed[index] {
            return None;
        }
        // ("Paris Baguette remains a bakery, he said": a firm named like a
        // person is no "he".)
        if self.genders[index].is_none() && !plausibly_a_person(&self.resolved.speakers[index].name)
        {
            return None;
        }
        let mut paragraph = self.body[..source.start].rfind('\n').map_or(0, |i| i + 1);
        // A paragraph that opens with the quotation belongs with a
        // paragraph of narration before it: "… Cameron Forbes says not to
        // worry. ⏎ '…,' she reveals." (Not with a quotation before it:
        // "'…,' Daniel Okafor said. ⏎ '…,' she added" may be anyone's.)
        if self.body[paragraph..].starts_with(['“', '"']) {
            let previous = self.body[..paragraph]
                .trim_end()
                .rfind('\n')
                .map_or(0, |i| i + 1);
            if !self.body[previous..paragraph].contains(['“', '"']) {
                paragraph = previous;
            }
        }
        let within = |m: &Span| m.start >= paragraph && m.end <= source.start;
        let speaker = &self.resolved.speakers[index];
        if !speaker.mentions.iter().any(within) {
            return None;
        }
        let others_spoke = self
            .resolved
            .speakers
            .iter()
            .enumerate()
            .any(|(i, s)| i != index && s.mentions.iter().any(within));
        let others_named = self
            .names()
            .iter()
            .filter(|n| n.start >= paragraph && n.end <= source.start)
            .filter(|n| n.gender.is_some() || plausibly_a_person(&n.name))
            .any(|n| !same_person(&n.name, &speaker.name));
        let rival = [Gender::Male, Gender::Female]
            .into_iter()
            .any(|g| self.rival_between(paragraph, source.start, g, &speaker.name, Some(index)));
        (!others_spoke && !others_named && !rival).then_some(index)
    }

    /// People named by their surname alone between `from` and `to`
    /// ("Hoge is planning …", "DiMugno's study time"): a speaker's surname,
    /// or the surname of a full name the article gives.
    fn surname_mentions(&self, from: usize, to: usize) -> Vec<NameMention> {
        let first = self.tokens.partition_point(|t| t.start < from);
        let last = self.tokens.partition_point(|t| t.end <= to);
        let joined_name_word = |a: usize, b: usize| {
            let (a, b) = (self.tokens[a], self.tokens[b]);
            // ("But Morrison": a conjunction opening the sentence is no
            // part of a name.)
            a.kind == Kind::Word
                && b.kind == Kind::Word
                && !matches!(a.text(self.body), "But" | "And" | "Yet" | "So")
                && is_capitalised(a.text(self.body))
                && is_capitalised(b.text(self.body))
                && self.body[a.end..b.start] == *" "
        };
        let mut out = Vec::new();
        for i in first..last.min(self.tokens.len()) {
            let token = self.tokens[i];
            let word = strip_possessive(token.text(self.body));
            // (A pronoun opening a sentence is no surname, whatever name
            // ends in it: "… Hank Williams Jr. He wrote …".)
            if token.kind != Kind::Word
                || !is_capitalised(word)
                || word.len() < 2
                || matches!(
                    word,
                    "He" | "She" | "It" | "They" | "We" | "His" | "Her" | "Its"
                )
                || (i > 0 && joined_name_word(i - 1, i))
                || (i + 1 < self.tokens.len() && joined_name_word(i, i + 1))
            {
                continue;
            }
            let speaker = self.resolved.speakers.iter().rposition(|s| {
                s.kind == SpeakerKind::Person && s.name.split_whitespace().last() == Some(word)
            });
            let mention = match speaker {
                Some(index) => {
                    let speaker = &self.resolved.speakers[index];
                    NameMention {
                        name: speaker.name.clone(),
                        role: speaker.role.clone(),
                        start: token.start,
                        end: token.end,
                        phrase_start: token.start,
                        gender: self.genders[index],
                    }
                }
                None => match self.full_name(word, token.start) {
                    Some(full) => NameMention {
                        start: token.start,
                        end: token.end,
                        phrase_start: token.start,
                        ..full.clone()
                    },
                    None => continue,
                },
            };
            // ("Cocktails are going green": a heading's "Botanical
            // Cocktails" is no one; a speaker known by surname alone is.)
            let known_person = speaker.is_some()
                && (mention.gender.is_some() || plausibly_a_person(&mention.name));
            if known_person || looks_like_someone(&mention) {
                out.push(mention);
            }
        }
        out
    }

    /// The organisation a generic noun means: "the Bank" is the latest
    /// organisation with "Bank" in its name (a speaker, else one named in
    /// the text); "the company", "the firm" the latest organisation that
    /// spoke, else the latest company named.
    fn organisation_meant(&mut self, head: &str, source: Span) -> Option<usize> {
        // "the agency" after "the Department of Transportation": a
        // government body by any of its usual heads.
        let agency = matches!(
            head,
            "agency" | "department" | "ministry" | "office" | "bureau"
        );
        // "the panel said" after "the House Ethics Committee": a
        // committee by any of its usual heads; "the court" a court.
        let panel = head == "panel";
        let court = matches!(head, "court" | "tribunal");
        let has_word = |name: &str| {
            name.split_whitespace().any(|w| {
                let w = w.trim_end_matches(['.', ',']);
                w.eq_ignore_ascii_case(head)
                    || (agency
                        && [
                            "Agency",
                            "Administration",
                            "Department",
                            "Ministry",
                            "Office",
                            "Bureau",
                            "Service",
                            "Commission",
                        ]
                        .contains(&w))
                    || (panel && w == "Committee")
                    || (court && ["Court", "Tribunal"].contains(&w))
            })
        };
        let any_company = matches!(
            head,
            "company" | "firm" | "group" | "concern" | "corporation" | "maker" | "unit"
        );
        // "the bank", "the lender", "the automaker": a firm of a trade, whose
        // name need not hold the word (Barclays, Volkswagen). Those named
        // with it come first ("the Bank" after "Bank of England").
        let sector = is_company_sector(head);
        // "the newspaper said": the paper the article named.
        let media = matches!(
            head,
            "newspaper" | "paper" | "daily" | "tabloid" | "magazine" | "weekly"
        );
        let has_word = |name: &str| {
            has_word(name)
                || (media
                    && name
                        .split_whitespace()
                        .last()
                        .is_some_and(|w| MEDIA_TAILS.has(&to_lower(w))))
        };
        let speaker = self
            .last_org
            .filter(|&i| any_company || has_word(&self.resolved.speakers[i].name))
            .or_else(|| {
                self.resolved.speakers.iter().rposition(|s| {
                    s.kind == SpeakerKind::Organisation && !any_company && has_word(&s.name)
                })
            });
        let speaker = speaker.or_else(|| self.last_org.filter(|_| sector));
        // ("The company says", after "Opera launched …": the one-word
        // name was a firm.)
        let speaker = speaker.or_else(|| self.firm_like().filter(|_| any_company || sector));
        if let Some(index) = speaker {
            self.resolved.speakers[index].mentions.push(source);
            self.resolved.speakers[index].kind = SpeakerKind::Organisation;
            self.last_org = Some(index);
            return Some(index);
        }
        // ("German airline Lufthansa has returned to profit. … the airline
        // announced …": the firm the article introduced by its trade.)
        if (any_company && head != "group") || sector {
            let firm = self.firm_by_trade(if sector { Some(head) } else { None }, source.start);
            if let Some(firm) = firm {
                let index = self.add(firm, None, SpeakerKind::Organisation, None, source);
                self.last_org = Some(index);
                return Some(index);
            }
        }
        // ("Michael Lamberty, a Lufthansa spokesman, said …. The company
        // said …": the firm a person spoke for.)
        if (any_company && head != "group") || sector {
            let firm = self
                .resolved
                .speakers
                .iter()
                .filter(|s| {
                    s.kind == SpeakerKind::Person
                        && s.mentions.iter().any(|m| m.end <= source.start)
                })
                .filter_map(|s| s.role.as_deref().and_then(firm_in_role))
                .next_back();
            if let Some(firm) = firm {
                let index = self.add(firm, None, SpeakerKind::Organisation, None, source);
                self.last_org = Some(index);
                return Some(index);
            }
        }
        let named = self
            .orgs()
            .iter()
            .filter(|o| o.start < source.start)
            .rfind(|o| {
                let company = o
                    .name
                    .split_whitespace()
                    .last()
                    .is_some_and(|w| ORG_SUFFIXES.has(&to_lower(w)));
                if any_company {
                    company
                } else {
                    has_word(&o.name) || (sector && company)
                }
            })?
            .name
            .clone();
        let index = self.add(named, None, SpeakerKind::Organisation, None, source);
        self.last_org = Some(index);
        Some(index)
    }

    /// The last firm before `at` that the text introduces by its trade
    /// ("German airline Lufthansa", "chip maker Texas Instruments", "US
    /// firm Vonage"): of the trade `head` when given, else of any.
    fn firm_by_trade(&self, head: Option<&str>, at: usize) -> Option<String> {
        let end = self.tokens.partition_point(|t| t.end <= at);
        (0..end.saturating_sub(1)).rev().find_map(|i| {
            let word = to_lower(self.tokens[i].text(self.body));
            let trade = match head {
                Some(head) => *word == *head,
                None => is_company_sector(&word) || matches!(&*word, "firm" | "company"),
            };
            if !trade || is_capitalised(self.tokens[i].text(self.body)) {
                return None;
            }
            let mut last = i;
            while last + 1 < end
                && last - i < 3
                && self.tokens[last + 1].kind == Kind::Word
                && is_capitalised(self.tokens[last + 1].text(self.body))
                && self.body[self.tokens[last].end..self.tokens[last + 1].start] == *" "
            {
                last += 1;
            }
            if last == i {
                return None;
            }
            // (A name that goes on, "Norsk Data A/S", "Credit Commercial de
            // France", "Dr. Ing. h.c. F. Porsche", is left alone rather
            // than cut short.)
            let goes_on = self.tokens.get(last + 1).is_some_and(|next| {
                let text = next.text(self.body);
                next.start == self.tokens[last].end && text != "," && text != "."
                    || matches!(
                        text,
                        "de" | "des" | "du" | "of" | "del" | "von" | "van" | "&"
                    )
            });
            let name = &self.body[self.tokens[i + 1].start..self.tokens[last].end];
            let first = self.tokens[i + 1].text(self.body);
            (!goes_on
                && !first.ends_with('.')
                && given_name(first).is_none()
                && !crate::gazetteer::Gazetteer::embedded().is_major_place(name))
            .then(|| name.to_string())
        })
    }

    /// The full name a lone surname refers to.
    fn full_name(&self, word: &str, at: usize) -> Option<&NameMention> {
        let word = strip_possessive(word);
        let matches = |n: &&NameMention| {
            two_words(&n.name)
                && n.name
                    .split_whitespace()
                    .next_back()
                    .is_some_and(|last| last == word || without_article(last) == word)
        };
        self.names()
            .iter()
            .filter(|n| n.start < at)
            .rfind(matches)
            .or_else(|| self.names().iter().find(matches))
            // Else a full name with the word anywhere in it ("Bush" in a
            // name that ends with a suffix).
            .or_else(|| {
                self.names()
                    .iter()
                    .find(|n| two_words(&n.name) && n.name.split_whitespace().any(|w| w == word))
            })
    }

    /// Who answers an interview printed as questions and answers: of the
    /// people the text names before its first question or answer, the one
    /// whose surname it gives most often there (the earliest on a tie).
    fn interviewee(&self) -> Option<&NameMention> {
        let first_turn = ["\nQ: ", "\nA: ", "\nQ"]
            .iter()
            .filter_map(|t| self.body.find(t))
            .min()?;
        let intro = &self.body[..first_turn];
        let mut best: Option<(&NameMention, usize)> = None;
        for mention in self.names().iter().filter(|n| n.end <= first_turn) {
            let surname = mention.name.rsplit(' ').next().unwrap_or(&mention.name);
            let count = intro.matches(surname).count();
            if best.is_none_or(|(_, most)| count > most) {
                best = Some((mention, count));
            }
        }
        best.map(|(mention, _)| mention)
    }

    /// The last person named before `at` with this age beside the name:
    /// "Smith, 46,", "Smith (46)", "46-year-old Smith".
    fn aged(&self, age: u32, at: usize) -> Option<&NameMention> {
        let after = [
            format!(", {age},"),
            format!(" ({age})"),
            format!(", {age}."),
        ];
        let before = format!("{age}-year-old ");
        self.names().iter().filter(|n| n.end < at).rfind(|n| {
            after
                .iter()
                .any(|a| self.body[n.end..].starts_with(a.as_str()))
                || self.body[..n.phrase_start].ends_with(&before)
        })
    }

    /// "they": the organisation that spoke last, when it spoke in the
    /// sentence before (no person named since, nothing far back).
    /// The latest speaker that is a one-word name of no known person
    /// ("Opera", "Nationwide"): most likely a firm.
    fn firm_like(&self) -> Option<usize> {
        self.last_person
            .last()
            .copied()
            .filter(|&i| self.genders[i].is_none() && !self.resolved.speakers[i].name.contains(' '))
    }

    fn they(&mut self, source: Span) -> Option<usize> {
        let latest = |i: usize| {
            self.resolved.speakers[i]
                .mentions
                .iter()
                .map(|m| m.end)
                .max()
        };
        // (Or a one-word name of no known person: "Nationwide said".)
        let firm_like = self.firm_like();
        let org = [self.last_org, firm_like]
            .into_iter()
            .flatten()
            .max_by_key(|&i| latest(i))?;
        let spoke = latest(org).filter(|&end| end <= source.start)?;
        let person_since = self
            .last_person
            .iter()
            .any(|&p| p != org && latest(p).is_some_and(|end| end > spoke));
        let between = &self.body[spoke..source.start];
        // (The sentence before, also across a paragraph's end: "… the
        // Conservatives insisted they would … ⏎ They said they would also
        // press Labour …".)
        let ends = between.matches(". ").count() + between.matches(".\n").count();
        let sentence_before = ends <= 1 && between.matches('\n').count() <= 2;
        if person_since || !sentence_before || source.start - spoke > PRONOUN_WINDOW / 2 {
            return None;
        }
        self.resolved.speakers[org].mentions.push(source);
        Some(org)
    }

    /// The person the article gives a role with this head word and these
    /// modifiers (the latest before `at`, else the first after it): "the Wisconsin senator" is the senator whose role or
    /// name phrase says Wisconsin, not the last senator named; when no
    /// senator's does, no one.
    fn holder_of_role(&self, head: &str, modifiers: &[&str], at: usize) -> Option<&NameMention> {
        // ("The pontiff" is the pope; "the congressman" a representative.)
        let heads: &[&str] = match head {
            "pontiff" => &["pope"],
            "congressman" | "congresswoman" => {
                &["congressman", "congresswoman", "representative", "rep."]
            }
            // (A lawmaker sits in either house: "The Florida lawmaker" may
            // be Senator Marco Rubio.)
            "lawmaker" | "legislator" => &[
                "congressman",
                "congresswoman",
                "representative",
                "rep.",
                "senator",
                "sen.",
                "lawmaker",
            ],
            "premier" => &["premier", "prime"],
            // ("the senators": those the article titled "Senators".)
            "senators" => &["senator", "sen.", "senators"],
            "judges" => &["judge", "judges"],
            "governors" => &["governor", "governors"],
            _ => std::slice::from_ref(&head),
        };
        let party = matches!(head, "democrat" | "republican");
        let has_head = |n: &NameMention| {
            n.role.as_ref().is_some_and(|r| {
                r.to_lowercase()
                    .split_whitespace()
                    .any(|w| heads.contains(&w))
            }) || party && self.party_tag(n).is_some_and(|p| p == head)
                // (A sovereign's title is part of the name: "Pope Francis".)
                || n.name
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| heads.contains(&&*to_lower(w)))
        };
        let holds = |n: &&NameMention| {
            has_head(n)
                && modifiers.iter().all(|m| {
                    // (The name's phrase and a few words after it: "Senator
                    // Ron Johnson of Wisconsin"; not the description's own
                    // words, "Mike Lee spoke. The Texas Republican …".)
                    let upto = if n.end <= at { at } else { self.body.len() };
                    let after = &self.body[n.end..upto];
                    let near = after.char_indices().nth(24).map_or(after.len(), |(i, _)| i);
                    n.role.as_deref().is_some_and(|r| r.contains(m))
                        || self.body[n.phrase_start..n.end + near].contains(m)
                })
        };
        let named = self
            .names()
            .iter()
            .filter(|n| n.start < at)
            .rfind(holds)
            .or_else(|| self.names().iter().find(holds));
        // (Only a state or country may go unsaid: "the committee's ranking
        // Democrat" is not the one Democrat the article names elsewhere.)
        let placed = modifiers
            .iter()
            .all(|m| crate::gazetteer::Gazetteer::embedded().is_major_place(m));
        if named.is_some() || !party || !placed {
            return named;
        }
        // "The Texas Republican" of an article that names one Republican,
        // without saying Texas near his name: him, unless he is said to be
        // from elsewhere ("Richard Gephardt of Missouri").
        let placed_elsewhere = |n: &NameMention| {
            let after = &self.body[n.end..];
            let near = after.char_indices().nth(40).map_or(after.len(), |(i, _)| i);
            let mut words = after[..near].split_whitespace();
            while let Some(w) = words.next() {
                if matches!(w, "of" | "from") && words.clone().next().is_some_and(is_capitalised) {
                    return true;
                }
            }
            false
        };
        let mut members = self
            .names()
            .iter()
            .filter(|n| has_head(n) && !placed_elsewhere(n));
        let first = members.next()?;
        members.all(|n| n.name == first.name).then_some(first)
    }

    /// The first person named after `at`, within the next sentence or so,
    /// with a role of this head word ("judge"). Only offices held by one
    /// named person: "one senior aide" stays anonymous, whoever's aide the
    /// article names next.
    fn named_next(&self, head: &str, source: Span) -> Option<&NameMention> {
        const WINDOW: usize = 400;
        let office = matches!(
            head,
            "judge"
                | "justice"
                | "magistrate"
                | "senator"
                | "governor"
                | "mayor"
                | "prosecutor"
                | "minister"
                | "ambassador"
        );
        let determiner = source.text(self.body).split_whitespace().next();
        if !office || !determiner.is_some_and(|w| matches!(&*to_lower(w), "a" | "an")) {
            return None;
        }
        // (From the next sentence: a name inside what the role said,
        // "rejected a motion to disqualify Judge William Ingram", is
        // someone else.)
        let rest = &self.body[source.end..];
        let at = source.end
            + [". ", ".\n", "\n"]
                .iter()
                .filter_map(|end| rest.find(end))
                .min()?;
        self.names()
            .iter()
            .filter(|n| n.start >= at && n.start - at <= WINDOW)
            .find(|n| {
                n.role.as_ref().is_some_and(|r| {
                    r.split_whitespace()
                        .last()
                        .is_some_and(|w| to_lower(w) == head)
                })
            })
    }

    /// The party a person's tag or appositive gives, lower case:
    /// "Rep. Blake Farenthold (R-Texas)", "Ruben Kihuen, a Democrat".
    fn party_tag(&self, n: &NameMention) -> Option<&'static str> {
        let after = &self.body[n.end..];
        let near = after.char_indices().nth(16).map_or(after.len(), |(i, _)| i);
        let after = &after[..near];
        let tag = |letter: char| {
            [" (", ", "].iter().any(|lead| {
                after
                    .strip_prefix(lead)
                    .and_then(|rest| rest.strip_prefix(letter))
                    .is_some_and(|rest| rest.starts_with('-'))
            })
        };
        // (A whole word: "a Democratic presidential aspirant" may be from
        // anywhere, and is left to the role rules.)
        let appositive = |party: &str| {
            after
                .strip_prefix(party)
                .is_some_and(|rest| !rest.starts_with(char::is_alphabetic))
        };
        if tag('R') || appositive(", a Republican") {
            Some("republican")
        } else if tag('D') || appositive(", a Democrat") {
            Some("democrat")
        } else {
            None
        }
    }

    fn add(
        &mut self,
        name: String,
        role: Option<String>,
        kind: SpeakerKind,
        gender: Option<Gender>,
        mention: Span,
    ) -> usize {
        let index = match self.resolved.speakers.iter().position(|s| s.name == name) {
            Some(i) => {
                let speaker = &mut self.resolved.speakers[i];
                if speaker.role.is_none() {
                    speaker.role = role;
                }
                speaker.mentions.push(mention);
                i
            }
            None => {
                self.resolved.speakers.push(Speaker {
                    name,
                    role,
                    kind,
                    mentions: vec![mention],
                });
                self.genders.push(None);
                self.guessed.push(false);
                self.resolved.speakers.len() - 1
            }
        };
        if gender.is_some() {
            self.genders[index] = gender;
            self.guessed[index] = false;
        }
        if kind == SpeakerKind::Person {
            self.touch(index);
        }
        index
    }

    /// "Government", named by the article's country once that is known
    /// (see `qualify_national_bodies`).
    fn government(&mut self, source: Span) -> usize {
        self.add(
            "Government".into(),
            None,
            SpeakerKind::Organisation,
            None,
            source,
        )
    }

    fn touch(&mut self, index: usize) {
        self.last_person.retain(|&i| i != index);
        self.last_person.push(index);
    }
}

/// Whether a name found in the text reads as a person's: a gender known
/// for it, or no place, firm, acronym or common word at its start
/// ("SCALE Initiative", "Moral Machine", "Botanical Cocktails" are none).
fn looks_like_someone(mention: &NameMention) -> bool {
    if mention.gender.is_some() {
        return true;
    }
    let first = mention.name.split_whitespace().next().unwrap_or("");
    mention.name.contains(' ')
        && !is_capitals(first)
        && !crate::gazetteer::Gazetteer::embedded().is_english_word(&to_lower(first))
        && plausibly_a_person(&mention.name)
}

/// Nouns for documents that speak: "the report said", "the study says",
/// "the memo says", "the filing said".
const DOCUMENTS: [&str; 14] = [
    "report",
    "statement",
    "motion",
    "study",
    "survey",
    "analysis",
    "review",
    "research",
    "paper",
    "brief",
    "memo",
    "memorandum",
    "guidance",
    "filing",
];

/// Whether words read as a body's name: capitalised, joined by "of",
/// "for", "and" or "on" ("Executive Office for Immigration Review").
fn is_body_name(words: &[&str]) -> bool {
    words
        .iter()
        .all(|w| is_capitalised(w) || matches!(*w, "of" | "for" | "and" | "on"))
}

/// Words opening a sentence that no name starts with.
const ADVERBIAL_OPENERS: [&str; 8] = ["in", "by", "on", "at", "after", "according", "last", "this"];

/// The owner's name of "Fusion's court document", "Acme Corp's annual
/// report", "the Treasury's statement": capitalised words before the
/// possessive, a document (or statement, website) as the head.
fn owners_document(text: &str) -> Option<&str> {
    let (owner, rest) = text.split_once("'s ").or_else(|| text.split_once("’s "))?;
    let head = rest.split_whitespace().last()?;
    let owner_words = owner
        .split_whitespace()
        .skip_while(|w| matches!(*w, "the" | "The"));
    // (Not a day's: "Wednesday's statement".)
    let named = owner_words.clone().count() > 0
        && owner_words.clone().all(is_capitalised)
        && !crate::extract::lexicon::TIME_WORDS.has(&to_lower(owner));
    let document = DOCUMENTS.contains(&head)
        || matches!(head, "website" | "document" | "letter" | "complaint");
    (named
        && document
        && rest.split_whitespace().count() <= 3
        && rest.split_whitespace().all(|w| !is_capitalised(w)))
    .then_some(owner)
}

/// Roles a lead leaves unnamed for good: many hold them ("an official",
/// "the spokesman"), so the next sentence's person is no one's answer.
const UNNAMED_IN_LEADS: [&str; 16] = [
    "official",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "correspondent",
    "analyst",
    "economist",
    "strategist",
    "aide",
    "lawmaker",
    "activist",
    "researcher",
    "scientist",
    "engineer",
    "inspector",
    "lobbyist",
];

/// Who a document is from, in "a statement from his office", "the letter
/// from Acme Corp", "a report by the committee": the words after "from" or
/// "by" when a document comes first (an article, at most two words, the
/// document's noun).
fn document_from(text: &str) -> Option<&str> {
    let (document, issuer) = text
        .split_once(" from ")
        .or_else(|| text.split_once(" by "))?;
    let words: Vec<&str> = document.split_whitespace().collect();
    let head = to_lower(words.last()?);
    let known = DOCUMENTS.contains(&&*head)
        || matches!(&*head, "letter" | "release" | "announcement" | "document");
    // ("a Reuter report from Jakarta" is where it was filed from.)
    let place = || {
        let gazetteer = crate::gazetteer::Gazetteer::embedded();
        gazetteer
            .lookup(&crate::gazetteer::normalise::name_key(issuer))
            .is_some()
            || country_named_by(issuer).is_some()
    };
    (known
        && (2..=4).contains(&words.len())
        && matches!(&*to_lower(words[0]), "a" | "an" | "the")
        && !issuer.trim().is_empty()
        && !(head == "report" && place()))
    .then_some(issuer)
}

/// The issuer's words without a time after them: "the National
/// Broadcasting Corporation" of "… just over three weeks ago".
fn issuer_words(issuer: &str) -> &str {
    [" in ", " on ", " last ", " just ", " earlier ", " this "]
        .iter()
        .filter_map(|adjunct| issuer.find(adjunct))
        .min()
        .map_or(issuer, |at| &issuer[..at])
}

/// Documents an organisation issues rather than publishes: one speaks
/// only for the issuer the article names, never for whoever spoke last
/// (a memo is not the Trump administration's because it was named just
/// before).
const ISSUED_DOCUMENTS: [&str; 5] = ["memo", "memorandum", "guidance", "filing", "motion"];

/// The sentences of `text` as byte ranges: ends at a newline, or at `.`,
/// `?` or `!` before a space. Abbreviations split a sentence in two, which
/// only costs a name the sentence after it would give.
fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        let ends = b == b'\n'
            || (matches!(b, b'.' | b'?' | b'!') && bytes.get(i + 1).is_none_or(|&n| n == b' '));
        if ends {
            if i > start {
                out.push((start, i));
            }
            start = i + 1;
        }
    }
    if start < text.len() {
        out.push((start, text.len()));
    }
    out
}

/// The gender the first pronoun after a name shows, in the name's own
/// sentence and before anyone else may be named ("Piarul Islam of Phulbari
/// village has improved his livelihood"). `from` is the token after the name.
fn pronoun_after(body: &str, tokens: &[Tok], from: usize) -> Option<Gender> {
    for (k, token) in tokens.iter().enumerate().skip(from).take(40) {
        let word = token.text(body);
        if k > from && body[tokens[k - 1].end..token.start].contains('\n') {
            return None;
        }
        match word {
            "." | "?" | "!" => return None,
            "he" | "his" | "him" | "himself" => return Some(Gender::Male),
            "she" | "her" | "hers" | "herself" => return Some(Gender::Female),
            _ => {}
        }
        if Gender::of_honorific(word).is_some() || given_name(word).is_some() {
            return None;
        }
    }
    None
}

/// The noun a role is about: "lawyer" of "lawyer at Trustees for
/// Alaska, a nonprofit law firm", "bank" of "investment bank".
fn role_head(role: &str) -> Option<&str> {
    let phrase = role.split(',').next()?;
    let last = phrase.split_whitespace().last()?;
    let lower = to_lower(last);
    if ROLE_HEADS.has(&lower) || ORG_ROLE_HEADS.has(&lower) || SOURCE_NOUNS.has(&lower) {
        return Some(last);
    }
    phrase
        .split_whitespace()
        .take_while(|w| {
            !matches!(
                *w,
                "at" | "of" | "for" | "with" | "in" | "from" | "to" | "on"
            )
        })
        .last()
}

/// Whether a role is an organisation's: "investment bank", "news
/// agency", "lead manager" (of a bond issue: a bank).
fn is_org_role(role: &str) -> bool {
    let lower = to_lower(role);
    lower.ends_with("lead manager")
        || lower.ends_with("co-manager")
        || role_head(role).is_some_and(|head| ORG_ROLE_HEADS.has(&to_lower(head)))
}

/// Whether two names may be one person: equal, or one is the other's
/// surname ("Trump", "Donald Trump").
/// "Paris-based", "Saudi-led", "state-owned": one word that describes
/// something by a name, and is none.
fn is_descriptive_compound(name: &str) -> bool {
    !name.contains(' ')
        && [
            "-based", "-led", "-backed", "-owned", "-born", "-run", "-funded", "-made",
        ]
        .iter()
        .any(|suffix| to_lower(name).ends_with(suffix))
}

/// Whether a name of no known gender may be a person's for a pronoun to
/// mean: not a firm or place named after one ("Paris Baguette", "Los
/// Angeles").
fn plausibly_a_person(name: &str) -> bool {
    let gazetteer = crate::gazetteer::Gazetteer::embedded();
    let first = name.split_whitespace().next().unwrap_or(name);
    !is_organisation(name)
        && gazetteer
            .lookup(&crate::gazetteer::normalise::name_key(name))
            .is_none()
        && !gazetteer.is_major_place(first)
}

/// "U.S. Customs and Border Protection", "Health and Human Services": one
/// body named by two common nouns joined with "and", not two speakers.
fn one_body_of_two_nouns(text: &str) -> bool {
    let Some((before, after)) = text.split_once(" and ") else {
        return false;
    };
    let gazetteer = crate::gazetteer::Gazetteer::embedded();
    let common = |word: Option<&str>| {
        word.is_some_and(|w| {
            w.starts_with(char::is_uppercase) && gazetteer.is_english_word(&to_lower(w))
        })
    };
    !after.contains(',')
        && common(before.split_whitespace().last())
        && common(after.split_whitespace().last())
        && given_name(after.split_whitespace().next().unwrap_or("")).is_none()
}

/// Whether byte `at` of `body` lies inside quotation marks opened in its
/// paragraph. Curly marks say which they are; a straight mark opens when
/// a space (or the paragraph's start) is before it and a word after it,
/// else it closes (so a quotation re-opened without being closed, `…
/// else. "We are …`, stays open).
fn inside_quotation(body: &str, at: usize) -> bool {
    let paragraph = body[..at].rfind('\n').map_or(0, |i| i + 1);
    let text = &body[paragraph..at];
    let (mut curly, mut straight) = (0usize, false);
    let mut before = ' ';
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '“' => curly += 1,
            '”' => curly = curly.saturating_sub(1),
            '"' => {
                let after = chars
                    .peek()
                    .copied()
                    .or_else(|| body[at..].chars().next())
                    .unwrap_or(' ');
                straight = matches!(before, ' ' | '(' | '[' | '\t') && !after.is_whitespace();
            }
            _ => {}
        }
        before = c;
    }
    curly > 0 || straight
}

/// Whether the text at `at` opens a sentence or clause: the subject's
/// place, not an object's ("She outperformed Hillary Clinton").
/// ("But Morrison is determined …": after a conjunction that opens the
/// sentence too.)
fn opens_clause(body: &str, at: usize) -> bool {
    let before = body[..at].trim_end();
    let before = match before.rsplit_once(|c: char| c.is_whitespace()) {
        Some((rest, "But" | "And" | "Yet" | "So")) => rest.trim_end(),
        None if matches!(before, "But" | "And" | "Yet" | "So") => "",
        _ => before,
    };
    before
        .chars()
        .next_back()
        .is_none_or(|c| matches!(c, '.' | ',' | ';' | ':' | '\n' | '“' | '"' | '—'))
}

fn same_person(a: &str, b: &str) -> bool {
    fn surname(name: &str) -> Option<&str> {
        name.split_whitespace().last().map(without_article)
    }
    a == b || surname(a) == surname(b)
}

/// A surname without its Arabic article: "Sisi" of "el-Sisi", which
/// articles write both ways.
fn without_article(surname: &str) -> &str {
    match surname.split_once('-') {
        Some((particle, rest))
            if crate::extract::text::is_name_capitalised(surname)
                && particle.chars().all(char::is_lowercase) =>
        {
            rest
        }
        _ => surname,
    }
}

/// Whether `part` of the coordination `whole` ("Microsoft" of "Microsoft
/// and Intel") stands on its own elsewhere in the body: then the two are
/// two, not one firm's name ("Duff and Phelps").
fn named_apart(body: &str, part: &str, whole: &str) -> bool {
    let count = |needle: &str| {
        body.match_indices(needle)
            .filter(|&(at, _)| {
                let before = body[..at].chars().next_back();
                let after = body[at + needle.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            })
            .count()
    };
    count(part) > count(whole)
}

/// "Brokers", "Estimates", "Advocates": a plural common noun, capitalised
/// only because it opens a sentence. Common surnames that read as plurals
/// ("Sanders") are names.
fn is_plural_common_noun(lower: &str) -> bool {
    lower.len() > 3
        && lower.ends_with('s')
        && !lower.ends_with("ss")
        && !is_plural_surname(lower)
        && !ORGANISATION_WORDS.has(lower)
        && !COUNTRIES.has(lower)
        && crate::gazetteer::Gazetteer::embedded().is_english_word(lower)
}

/// Titles that several people named after them share: "Senators Markey
/// and Lee", "Sens. Warren and Sanders".
const PLURAL_TITLES: &[(&str, &str)] = &[
    ("Senators", "Senator"),
    ("Sens.", "Sen."),
    ("Representatives", "Representative"),
    ("Reps.", "Rep."),
    ("Congressmen", "Congressman"),
    ("Governors", "Governor"),
    ("Judges", "Judge"),
    ("Justices", "Justice"),
];

/// The title one of them bears: "Senators" → "Senator".
fn singular_title(plural: &str) -> Option<&'static str> {
    PLURAL_TITLES
        .iter()
        .find(|(many, _)| *many == plural)
        .map(|&(_, one)| one)
}

/// "Cummings and Nadler", "Mr. Smith and Ms. Jones": two or more names
/// joined by "and", as byte ranges of `text`. A company's name is one
/// name ("Standard and Poor's Corp").
fn coordinated(text: &str) -> Option<Vec<(usize, usize)>> {
    // A name that closes like a company's or an institution's is one:
    // "Savings and Loan Association", "Securities and Exchange Commission".
    // (Unless what stands before "and" is an organisation already: "the
    // Daily Beast and The Wall Street Journal".)
    let closes = text.split_whitespace().last().is_some_and(|w| {
        let lower = to_lower(w);
        ORG_SUFFIXES.has(&lower) || INSTITUTIONS.has(&lower)
    });
    let left_is_organisation = [" and ", " & "]
        .iter()
        .find_map(|s| text.split_once(s))
        .is_some_and(|(left, _)| left.contains(' ') && is_organisation(left));
    if text.contains([',', '(']) || (closes && !left_is_organisation) {
        return None;
    }
    // "the Daily Beast and …": the article is no part of the first name;
    // nor is a title the names share, "Senators Markey and Lee".
    let skip = ["the", "The"]
        .iter()
        .chain(PLURAL_TITLES.iter().map(|(many, _)| many))
        .find(|a| {
            text.strip_prefix(**a)
                .is_some_and(|rest| rest.starts_with(' '))
        })
        .map_or(0, |a| a.len() + 1);
    let text = &text[skip..];
    // (An ampersand joins one firm's name: "Ernst & Young", "Cable &
    // Wireless and NTL" are one firm and two.)
    let separator = " and ";
    if !text.contains(separator) {
        return None;
    }
    let mut parts = Vec::new();
    let mut offset = 0;
    for part in text.split(separator) {
        let words: Vec<&str> = part
            .split_whitespace()
            .skip_while(|w| *w == "The")
            .collect();
        let name_like = !words.is_empty()
            && words.len() <= 4
            && words.iter().any(|w| w.len() > 2)
            && words
                .iter()
                .all(|w| is_capitalised(w) || is_initial(w) || *w == "&")
            && !words.iter().any(|w| {
                let lower = to_lower(w);
                ROLE_HEADS.has(&lower) || DETERMINERS.has(&lower) || NOT_NAMES.has(&lower)
            });
        if !name_like {
            return None;
        }
        parts.push((skip + offset, skip + offset + part.len()));
        offset += part.len() + separator.len();
    }
    (parts.len() >= 2).then_some(parts)
}

const PRONOUNS_UNNAMED: &[&str] = &["they", "we", "i", "you", "which", "one", "some", "others"];

/// A source phrase split into its parts.
#[derive(Debug, Clone, PartialEq)]
enum ParsedSource {
    Named {
        name: String,
        role: Option<String>,
        gender: Option<Gender>,
    },
    /// An organisation and what speaks for it: "Morgan Stanley analysts",
    /// "Yonhap news agency", "a Government Accountability Office report".
    Voice {
        name: String,
        role: String,
    },
    RoleOnly {
        role: String,
        /// "the minister" (definite) rather than "a spokesman".
        definite: bool,
        /// Capitalised: "the U.N. Special Envoy for Syria".
        titled: bool,
    },
    Vague,
}

/// The firm a spokesperson's role names: "a Lufthansa spokesman" →
/// Lufthansa, "spokeswoman for Commerzbank AG" → Commerzbank AG.
fn firm_in_role(role: &str) -> Option<String> {
    let words: Vec<&str> = role.split_whitespace().collect();
    let head = words
        .iter()
        .position(|w| SPOKESPEOPLE.has(&to_lower(w.trim_end_matches(','))))?;
    let name: Vec<&str> = match words.get(head + 1) {
        Some(&("for" | "at" | "of")) => words[head + 2..]
            .iter()
            .copied()
            .take_while(|w| is_capitalised(w))
            .collect(),
        _ => words[..head]
            .iter()
            .copied()
            .skip_while(|w| DETERMINERS.has(&to_lower(w)))
            .collect(),
    };
    // (Not a place, "a New York spokesman", nor a participle, "Prosecuting
    // spokesman", nor an abbreviation cut short, "N.J.")
    let name = name.join(" ");
    // (Joined words inside it, "Customs and Border Protection", "Procter
    // & Gamble".)
    let words: Vec<&str> = name.split(' ').collect();
    let firm_like = !name.is_empty()
        && words.iter().enumerate().all(|(k, w)| {
            (is_capitalised(w) && !w.ends_with("ing"))
                || (k > 0 && k + 1 < words.len() && matches!(*w, "and" | "&" | "of"))
        })
        && !name.ends_with('.')
        && !crate::gazetteer::Gazetteer::embedded().is_major_place(&name)
        && !matches!(name.as_str(), "White House" | "Downing Street" | "Kremlin");
    firm_like.then_some(name)
}

/// `text` without its parentheses: "Rep. John Mica (R-Fla.)", "Toronto
/// Dominion Bank (TD.TO: Quote, Profile, Research)".
fn without_parentheses(text: &str) -> Cow<'_, str> {
    if !text.contains('(') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    Cow::Owned(out.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// The comma that opens an appositive ("Ayrault, the foreign minister"),
/// skipping the commas inside a company's name ("Sears, Roebuck and Co").
fn appositive_comma(text: &str) -> Option<usize> {
    let company = text
        .split_whitespace()
        .last()
        .is_some_and(|w| ORG_SUFFIXES.has(&to_lower(w)));
    text.match_indices(',').map(|(at, _)| at).find(|&at| {
        let rest = text[at + 1..].trim_start();
        let piece = rest.split(',').next().unwrap_or("");
        let joint = company
            && rest.starts_with(char::is_uppercase)
            && (piece.contains(" and ") || piece.contains(" & "));
        !joint
    })
}

/// Whether `name` has two words or more (without counting them all).
fn two_words(name: &str) -> bool {
    name.trim().contains(char::is_whitespace)
}

fn parse_source(text: &str) -> ParsedSource {
    // "Sources within the Conservative Party", "a source close to the
    // prime minister": anonymous insiders, not the body or person named.
    // (Each word lowered on the stack: this runs for every name in a text.)
    let mut words = text
        .split_whitespace()
        .map(to_lower)
        .skip_while(|w| DETERMINERS.has(w));
    if words
        .next()
        .is_some_and(|w| matches!(&*w, "sources" | "source" | "insiders" | "aides" | "people"))
        && words
            .next()
            .is_some_and(|w| matches!(&*w, "within" | "inside" | "close" | "familiar" | "near"))
    {
        return ParsedSource::Vague;
    }
    with_ordinal_named(parse_source_words(text))
}

/// "The 4th U.S. Circuit Court of Appeals", "the Richmond-based 4th
/// Circuit": an ordinal before a body's name is part of the name (the
/// 4th Circuit is not the 9th), not a role.
fn with_ordinal_named(parsed: ParsedSource) -> ParsedSource {
    let ParsedSource::Named { name, role, gender } = parsed else {
        return parsed;
    };
    let Some((rest, ordinal)) = role.as_deref().map(|r| match r.rsplit_once(' ') {
        Some((rest, last)) => (Some(rest), last),
        None => (None, r),
    }) else {
        return ParsedSource::Named { name, role, gender };
    };
    let digits = ordinal.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let is_ordinal = !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && matches!(&ordinal[digits.len()..], "st" | "nd" | "rd" | "th");
    if !is_ordinal {
        return ParsedSource::Named { name, role, gender };
    }
    ParsedSource::Named {
        name: format!("{ordinal} {name}"),
        role: rest.map(str::to_string),
        gender,
    }
}

fn parse_source_words(text: &str) -> ParsedSource {
    let text = without_parentheses(text);
    let text = text.trim();
    // "Ayrault, the foreign minister": name, then role.
    if let Some(at) = appositive_comma(text) {
        let (name_part, role_part) = (&text[..at], &text[at + 1..]);
        let mut role = strip_determiner(role_part.trim());
        // "X, who has fished here for thirty years", "X, when asked
        // about it": not a role.
        let opener = role.split_whitespace().next().unwrap_or("");
        // "X, responding to the attacks, said": a clause, not a role.
        let clause = opener.len() > 4 && opener.ends_with("ing");
        if clause
            || matches!(
                opener,
                "who"
                    | "whose"
                    | "when"
                    | "while"
                    | "after"
                    | "before"
                    | "if"
                    | "asked"
                    | "speaking"
                    | "in"
                    | "at"
                    | "on"
                    | "during"
                    | "as"
            )
            || role.starts_with(char::is_numeric)
        {
            role = "";
        }
        if let ParsedSource::Named { name, gender, .. } = parse_source(name_part) {
            return ParsedSource::Named {
                name,
                role: (!role.is_empty()).then(|| role.to_string()),
                gender,
            };
        }
        return parse_source(role_part);
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let Some(first) = words.first() else {
        return ParsedSource::Vague;
    };
    let first_lower = to_lower(first);
    let definite = matches!(first_lower.as_str(), "the" | "this" | "that")
        || first_lower.ends_with("’s")
        || first_lower.ends_with("'s");
    let mut content: Vec<&str> = words
        .iter()
        .copied()
        .skip_while(|w| DETERMINERS.has(&to_lower(w)))
        .collect();
    // "Earlier Reuters", "Rival Sony", "Besides Reagan": a word glued to
    // the name at the start of a sentence.
    while content.len() >= 2
        && is_capitalised(content[0])
        && is_capitalised(content[1])
        && (LEADING_NOISE.has(&to_lower(content[0]))
            // ("Jan Liphardt": a given name too.)
            || (is_month_or_weekday(content[0]) && given_name(content[0]).is_none())
            || is_participle_compound(content[0])
            || is_sentence_adverb(content[0]))
    {
        content.remove(0);
    }
    // "advisers to Mr. Obama", "people close to the campaign": the people
    // around someone, who stay unnamed.
    if content
        .iter()
        .position(|w| *w == "to")
        .is_some_and(|at| at > 0 && !is_capitalised(content[at - 1]))
    {
        return ParsedSource::Vague;
    }
    if let Some(at) = content
        .iter()
        .position(|w| matches!(*w, "in" | "at" | "from" | "with" | "of" | "for"))
        .filter(|&at| {
            // "a spokeswoman for the New York Fed": the article goes. ("The
            // U.N. Special Envoy for Syria" is a title, left whole.)
            let name = &content[at + 1..];
            let name = name.strip_prefix(&["the"]).unwrap_or(name);
            at > 0
                && !name.is_empty()
                && name.iter().all(|w| is_capitalised(w))
                && !(content[at] == "for" && names_a_government(&name.join(" ")))
        })
    {
        let name = &content[at + 1..];
        let after = name.strip_prefix(&["the"]).unwrap_or(name).join(" ");
        let voice = to_lower(content[at - 1]);
        // ("Judge Haywood Gilliam in Oakland": a person in a town.)
        let person_in_a_town = content[at] == "in"
            && at >= 2
            && content[..at].iter().all(|w| is_name_word(w))
            && crate::gazetteer::Gazetteer::embedded()
                .lookup(&crate::gazetteer::normalise::name_key(&after))
                .is_some();
        if (names_a_government(&after) || person_in_a_town) && content[at] != "of" {
            // "the Brookehill Group in New York", "Oil traders in New
            // York": where the source is, not who.
            content.truncate(at);
        } else if ORGANISATION_VOICES.has(&voice) && !names_a_government(&after) {
            // "Analysts at Wells Fargo", "economists with Merrill Lynch".
            return ParsedSource::Voice {
                name: after,
                role: content[..=at].join(" "),
            };
        }
    }
    // "Canaccord’s Reynolds": the owner goes to the role.
    if content.len() >= 2
        && let Some(owner) = content[..content.len() - 1]
            .iter()
            // ("Arkansas’ Hutchinson": the apostrophe alone after an s.)
            .rposition(|w| {
                w.ends_with("’s") || w.ends_with("'s") || w.ends_with("s’") || w.ends_with("s'")
            })
        && content[owner + 1..].iter().all(|w| is_name_word(w))
        && is_capitalised(content[owner + 1])
        && !content.last().is_some_and(|w| {
            let lower = to_lower(w);
            ORG_SUFFIXES.has(&lower) || INSTITUTIONS.has(&lower)
        })
    {
        let role = content[..=owner].join(" ");
        if let ParsedSource::Named { name, gender, .. } =
            parse_source(&content[owner + 1..].join(" "))
        {
            return ParsedSource::Named {
                name,
                role: Some(role),
                gender,
            };
        }
    }
    if content.is_empty() {
        return ParsedSource::Vague;
    }
    // "Martin Bachem of Morgan Guaranty": a person of a firm.
    if let Some(of) = content.iter().position(|w| *w == "of")
        && (2..=3).contains(&of)
        && looks_like_a_person(&content[..of].join(" "))
        && content[of + 1..].iter().any(|w| is_capitalised(w))
    {
        return ParsedSource::Named {
            name: content[..of].join(" "),
            role: Some(content[of..].join(" ")),
            gender: Gender::of_name(&content[..of]),
        };
    }
    // "Senator Mike Rounds of South Dakota": a titled person of a place
    // or a body (the title and the place both go to the role).
    if let Some(of) = content.iter().rposition(|w| *w == "of")
        && of >= 3
        && content[of + 1..].iter().all(|w| is_name_word(w))
        && content[of - 2..of].iter().all(|w| is_capitalised(w))
        && let ParsedSource::Named {
            name,
            role: Some(role),
            gender,
        } = parse_source(&content[..of].join(" "))
        && name.split_whitespace().count() >= 2
        && looks_like_a_person(&name)
    {
        return ParsedSource::Named {
            name,
            role: Some(format!("{role} {}", content[of..].join(" "))),
            gender,
        };
    }
    if let Some(parsed) = company(&content) {
        return parsed;
    }
    // "Yonhap news agency", "Morgan Stanley analysts", "a Government
    // Accountability Office report": a name, then what it is or who of it
    // speaks. Not for a people, a place or a party ("U.S. officials",
    // "Democratic lawmakers": those stay vague).
    // (A name goes on over joining words: "Bank of England officials", "a
    // Customs and Border Protection spokeswoman".)
    let mut capitals = content.iter().take_while(|w| is_capitalised(w)).count();
    while capitals > 0
        && content
            .get(capitals)
            .is_some_and(|w| matches!(*w, "of" | "and" | "&"))
        && content.get(capitals + 1).is_some_and(|w| is_capitalised(w))
    {
        capitals += 1;
        capitals += content[capitals..]
            .iter()
            .take_while(|w| is_capitalised(w))
            .count();
    }
    let tail = to_lower(content[content.len() - 1]);
    let of_an_organisation = capitals >= 1
        && capitals < content.len()
        && (ORG_ROLE_HEADS.has(&tail) || ORGANISATION_VOICES.has(&tail));
    // (The gazetteer is asked only when the words could be such a voice.)
    let who = of_an_organisation && {
        let name = content[..capitals].join(" ");
        let lower = to_lower(&name);
        // "Industry officials", "Bank officials": an ordinary word
        // capitalised at the start of a sentence names no one.
        let ordinary = capitals == 1
            && (GENERIC_NAMES.has(&lower)
                || INSTITUTIONS.has(&lower)
                || (!name.chars().all(|c| !c.is_lowercase())
                    && crate::gazetteer::Gazetteer::embedded().is_english_word(&lower)));
        !ordinary
            && !names_a_government(&name)
            && !COUNTRIES.has(&lower)
            && !PARTY_LABELS.has(&to_lower(content[capitals - 1]))
    };
    if capitals >= 1
        && capitals < content.len()
        && who
        && !is_demonym(content[capitals - 1])
        && !content[capitals - 1].ends_with("'s")
        && !content[capitals - 1].ends_with("’s")
        && content[capitals..].iter().all(|w| !is_capitalised(w))
        && of_an_organisation
    {
        return ParsedSource::Voice {
            name: content[..capitals].join(" "),
            role: content[capitals..].join(" "),
        };
    }
    // "S and P", "Duff and Phelps": capitalised words joined by "and".
    // (Not titles joined before a name: "Co-Owner and Lead Planner Erica
    // Vanco".)
    let has_role = content.iter().any(|w| {
        let lower = to_lower(w);
        ROLE_HEADS.has(&lower) || lower.rsplit('-').next().is_some_and(|t| ROLE_HEADS.has(t))
    });
    if content.len() >= 3
        && !has_role
        && content.iter().any(|w| matches!(*w, "and" | "&"))
        && content
            .iter()
            .all(|w| is_capitalised(w) || matches!(*w, "and" | "&"))
    {
        return ParsedSource::Named {
            name: content.join(" "),
            role: None,
            gender: None,
        };
    }
    let gender = content.iter().find_map(|w| Gender::of_honorific(w));
    // The last role word (or party label) that a capitalised name follows
    // ends the title.
    let split = content
        .iter()
        .enumerate()
        .filter(|(i, w)| {
            let lower = to_lower(w);
            let label = is_capitalised(w)
                && PARTY_LABELS.has(&lower)
                && content
                    .get(i + 1)
                    .is_some_and(|next| !ORGANISATION_WORDS.has(&to_lower(next)));
            (ROLE_HEADS.has(&lower) || crate::extract::lexicon::is_personal_title(&lower) || label)
                && content.get(i + 1).is_some_and(|next| is_capitalised(next))
                && content[i + 1..].iter().all(|w| is_name_word(w))
        })
        .map(|(i, _)| i)
        .next_back();
    // Else a capitalised tail after lower-case words is the name: "spice
    // seller Samir Toumeh".
    let tail = content.iter().rev().take_while(|w| is_name_word(w)).count();
    let (role_words, name_words): (&[&str], &[&str]) = match split {
        Some(i) => (&content[..=i], &content[i + 1..]),
        None if tail == content.len() => (&[], &content[..]),
        // A single capitalised word after a preposition is a place or a
        // body, not a name: "Special Envoy for Syria".
        None if tail >= 2
            || (tail == 1
                && !matches!(
                    &*to_lower(content[content.len() - 2]),
                    "for" | "of" | "at" | "in" | "on" | "to" | "from" | "with" | "and"
                )) =>
        {
            content.split_at(content.len() - tail)
        }
        None => (&content[..], &[]),
    };
    // After a role phrase, a person's name is its last two words (three with
    // an initial or particle; from its given name when it has one): "State
    // Secretary for European Affairs Nina Kralj" is Nina Kralj, "professor
    // Marc Lamont Hill" Marc Lamont Hill. Without a role phrase all
    // capitalised words stay ("Martin Luther King"), unless a given name
    // inside them starts the name ("Islamic Relations Alia Salem").
    let (role_words, name_words): (Vec<&str>, &[&str]) = {
        let has_role = !role_words.is_empty();
        let from_given_name = given_name_start(name_words);
        let mut keep = match (from_given_name, name_words) {
            (Some(start), _) => name_words.len() - start,
            (None, [.., a, _, _]) if is_initial_or_particle(a) => 3,
            (None, [.., _, b, _]) if is_initial_or_particle(b) => 3,
            _ => 2,
        };
        // A name does not open with its particle: "Abdulla bin Khalifa
        // al-Thani", not "bin Khalifa al-Thani".
        while keep < name_words.len()
            && PARTICLES.contains(&&*to_lower(name_words[name_words.len() - keep]))
        {
            keep += 1;
        }
        let titled_name = !has_role
            && from_given_name.is_some_and(|start| start > 0)
            && !is_initial_or_particle(name_words[0]);
        // "lead manager Banque Paribas Capital Markets": an organisation
        // keeps every word.
        let organisation = name_words.last().is_some_and(|w| {
            let lower = to_lower(w);
            ORGANISATION_WORDS.has(&lower) || ORG_SUFFIXES.has(&lower)
        }) || is_org_role(&role_words.join(" "));
        if (has_role || titled_name) && name_words.len() > keep && !organisation {
            let cut = name_words.len() - keep;
            let mut role: Vec<&str> = role_words.to_vec();
            role.extend_from_slice(&name_words[..cut]);
            (role, &name_words[cut..])
        } else if has_role
            && !organisation
            && name_words.len() == 2
            && role_words
                .last()
                .is_some_and(|w| matches!(*w, "and" | "of" | "for" | "&"))
            && given_name(name_words[0]).is_none()
            && crate::gazetteer::Gazetteer::embedded().is_english_word(&to_lower(name_words[0]))
        {
            // "Minister of Mines and Energy Subroto": a word of the title,
            // then a name of one word.
            let mut role: Vec<&str> = role_words.to_vec();
            role.push(name_words[0]);
            (role, &name_words[1..])
        } else {
            (role_words.to_vec(), name_words)
        }
    };
    // Honorifics and post-nominals are not part of the name: "Mr Blair",
    // "Guy Mansfield QC", "Frank Field MP".
    let name_words: Vec<&str> = name_words
        .iter()
        .copied()
        .filter(|w| !HONORIFICS.has(&to_lower(w)))
        .filter(|w| !matches!(*w, "QC" | "KC" | "MP" | "MEP" | "MSP" | "AM" | "MLA"))
        .collect();
    if name_words.is_empty() || name_words.iter().all(|w| ROLE_HEADS.has(&to_lower(w))) {
        let role = content.join(" ");
        let titled = content.iter().filter(|w| is_capitalised(w)).count() >= 2;
        let head = content.last().map(|w| w.to_lowercase()).unwrap_or_default();
        if !SOURCE_NOUNS.has(&head) && !titled && !ROLE_HEADS.has(&head) {
            return ParsedSource::Vague;
        }
        return ParsedSource::RoleOnly {
            role,
            definite,
            titled,
        };
    }
    let mut name = name_words.join(" ");
    if let Some(stripped) = strip_possessive_opt(&name) {
        name = stripped;
    }
    // A capitalised group word ("Republicans") is not a person.
    let last = name_words
        .last()
        .map(|w| w.to_lowercase())
        .unwrap_or_default();
    // "Senior U.S. Officials" (a headline's capitals): a group, not a name.
    // ("The Post" is a newspaper.)
    let the_institution = definite && name_words.len() == 1 && INSTITUTIONS.has(&last);
    if (name_words.len() == 1 || last.ends_with('s')) && SOURCE_NOUNS.has(&last) && !the_institution
    {
        return ParsedSource::Vague;
    }
    let role = (!role_words.is_empty()).then(|| role_words.join(" "));
    ParsedSource::Named { name, role, gender }
}

/// A company's name, whole: its words from the first capitalised one to a
/// closing company word ("lead manager Nomura International Ltd" is Nomura
/// International Ltd, role lead manager; "Supermarkets General Corp" has
/// no role in it).
fn company(content: &[&str]) -> Option<ParsedSource> {
    let last = content.last()?;
    let lower = to_lower(last);
    // The name is the capitalised run at the end, over "and", "&", "of"
    // and lower-case company words ("J.C. Penney co Inc").
    let joins = |w: &str| {
        matches!(w, "and" | "&" | "of" | "for" | "on" | "the" | "de")
            || ORG_SUFFIXES.has(&to_lower(w))
    };
    let mut first = content.len();
    while first > 0 && (is_capitalised(content[first - 1]) || joins(content[first - 1])) {
        first -= 1;
    }
    while first < content.len() && !is_capitalised(content[first]) {
        first += 1;
    }
    let name = &content[first..];
    // A closing company word, capitalised ("Corp", "Ltd"; "the US company"
    // only describes one), or an institution word ("Association").
    let closes = is_capitalised(last)
        && (ORG_SUFFIXES.has(lower.trim_end_matches(',')) || INSTITUTIONS.has(&lower));
    // "Federal Reserve Bank of New York", "Church of Scientology": an
    // institution "of" a place or a name, with no title in it.
    let institution_of = || {
        let joint = name
            .iter()
            .position(|w| matches!(*w, "of" | "for" | "on"))?;
        let titled = name.iter().any(|w| ROLE_HEADS.has(&to_lower(w)));
        let institution = name[..joint].iter().any(|w| INSTITUTIONS.has(&to_lower(w)));
        (!titled && institution && joint + 1 < name.len()).then_some(())
    };
    if !closes && institution_of().is_none() {
        return None;
    }
    // "Darwin Beck of First Boston Corp": a person of a company.
    if let Some(of) = name.iter().position(|w| *w == "of")
        && of > 0
        && of <= 3
        && !name[..of].iter().any(|w| {
            let lower = to_lower(w);
            INSTITUTIONS.has(&lower) || ORGANISATION_WORDS.has(&lower) || ORG_SUFFIXES.has(&lower)
        })
    {
        let person = name[..of].join(" ");
        let gender = Gender::of_name(&name[..of]);
        let role: Vec<&str> = content[..first]
            .iter()
            .chain(&name[of..])
            .copied()
            .collect();
        return Some(ParsedSource::Named {
            name: person,
            role: Some(role.join(" ")),
            gender,
        });
    }
    // A bare suffix or a lone institution word ("Corp", "Bank") is no
    // name; "president Chris Fox" is a person.
    if name.len() < 2
        || given_name_start(name).is_some_and(|start| start > 0 && start + 2 == name.len())
    {
        return None;
    }
    let mut name = name.join(" ");
    if let Some(stripped) = strip_possessive_opt(&name) {
        name = stripped;
    }
    let role = (first > 0).then(|| content[..first].join(" "));
    Some(ParsedSource::Named {
        name,
        role,
        gender: None,
    })
}

/// What of `name` names a speaker, if anything does. A name ends with a
/// word of the name: a description after it goes ("Confederation of
/// British Industry survey" is the confederation's, "World Bank sources"
/// the bank's), unless it is someone in the body (an "official", an
/// "economist": not the body itself, and not named). A programme, plan or
/// agreement says nothing ("Export Enhancement Program initiative"), and a
/// text that does not start as a name (or a particle: "de Clercq") is none
/// ("news comes despite Mr Flight's allies").
/// "University of Texas Arlington Amneh Jafari": an institution's name run
/// into a person's with no title between. The person is the last two words
/// when the first of them is no place and no English word (a given name);
/// the institution joins the role ("Psychology major at University of
/// Texas Arlington").
fn split_affiliation(name: String, role: Option<String>) -> (String, Option<String>) {
    let words: Vec<&str> = name.split_whitespace().collect();
    let n = words.len();
    let institution = n >= 4
        && words[..n - 2]
            .iter()
            .any(|w| INSTITUTIONS.has(&to_lower(w)) || ORGANISATION_WORDS.has(&to_lower(w)));
    if !institution || !words[n - 2..].iter().all(|w| is_capitalised(w)) {
        return (name, role);
    }
    let given = words[n - 2];
    let gazetteer = crate::gazetteer::Gazetteer::embedded();
    let place = |text: &str| {
        gazetteer
            .lookup(&crate::gazetteer::normalise::name_key(text))
            .is_some()
    };
    // ("UN Economic Commission for Latin America": a place ends it.)
    let person_like = !place(&words[n - 2..].join(" "))
        && !place(words[n - 1])
        && (Gender::of_given_name(given).is_some()
            || !gazetteer.is_english_word(&to_lower(given)) && !place(given));
    if !person_like {
        return (name, role);
    }
    let affiliation = words[..n - 2].join(" ");
    let role = Some(match role {
        Some(role) => format!("{role} {affiliation}"),
        None => affiliation,
    });
    (words[n - 2..].join(" "), role)
}

fn speaker_name(name: &str) -> Option<String> {
    if is_descriptive_compound(name) {
        return None;
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    let kept = words.iter().rposition(|w| {
        w.starts_with(|c: char| !c.is_lowercase()) || crate::extract::text::is_name_capitalised(w)
    })?;
    let described = &words[kept + 1..];
    if described
        .iter()
        .any(|w| ROLE_HEADS.has(&to_lower(w)) || SPOKESPEOPLE.has(&to_lower(w)))
    {
        return None;
    }
    let words = &words[..=kept];
    // "de Clercq", "van Gogh": a particle may open a name.
    let opens = |w: &str| w.starts_with(|c: char| c.is_uppercase() || c.is_numeric());
    let particle = PARTICLES.contains(&words[0]) && words.len() > 1;
    if !(opens(words[0]) || particle) {
        return None;
    }
    // The head of "Bureau of Statistics" is "Bureau".
    let head_end = words.iter().position(|w| *w == "of").unwrap_or(words.len());
    let head = words[..head_end].last()?.to_lowercase();
    if NOT_SPEAKERS.contains(&head.trim_end_matches(['.', ','])) {
        return None;
    }
    Some(if described.is_empty() {
        name.to_string()
    } else {
        words.join(" ")
    })
}

/// Heads of names of things that say nothing themselves.
const NOT_SPEAKERS: [&str; 10] = [
    "program",
    "programme",
    "initiative",
    "plan",
    "scheme",
    "accord",
    "accords",
    "agreement",
    "treaty",
    "act",
];

/// "Liam Fox", "Emily Post": a given name and a surname, whatever the
/// surname also means.
fn looks_like_a_person(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    (2..=3).contains(&words.len())
        && given_name(words[0]).is_some()
        && !PARTY_LABELS.has(&to_lower(words[0]))
        && words[1..].iter().all(|w| {
            let lower = to_lower(w);
            is_name_word(w) && !ORG_SUFFIXES.has(&lower) && !INSTITUTIONS.has(&lower)
        })
}

/// "December Microsoft said", "Monday Reuters reported": a month or a
/// weekday is no part of a name ("May" may be one).
fn is_month_or_weekday(word: &str) -> bool {
    let lower = to_lower(word.trim_end_matches('.'));
    (lower != "may" && crate::extract::dates::month_number(&lower).is_some())
        || crate::extract::dates::WEEKDAYS.contains(&lower.as_str())
}

/// "Eventually", "Separately": an adverb opening a sentence.
fn is_sentence_adverb(word: &str) -> bool {
    word.len() > 5
        && word.ends_with("ly")
        && crate::gazetteer::Gazetteer::embedded().is_english_word(&to_lower(word))
}

/// "Cash-strapped", "Debt-laden", "State-owned": an adjective, not a
/// name, however capitalised.
fn is_participle_compound(word: &str) -> bool {
    word.rsplit_once('-').is_some_and(|(_, tail)| {
        tail.len() > 3 && (tail.ends_with("ed") || tail.ends_with("ing") || tail.ends_with("en"))
    })
}

/// Where a person's name starts in a run of capitalised words: at its
/// first given name, when one or two words follow it ("Amy Berman
/// Jackson", "Alia Salem").
fn given_name_start(words: &[&str]) -> Option<usize> {
    let start = words
        .iter()
        .position(|w| given_name(w).is_some() && !PARTY_LABELS.has(&to_lower(w)))?;
    (2..=3).contains(&(words.len() - start)).then_some(start)
}

fn is_initial_or_particle(word: &str) -> bool {
    PARTICLES.contains(&&*to_lower(word)) || is_initial(word)
}

fn is_initial(word: &str) -> bool {
    (word.len() <= 2 && word.ends_with('.')) || word.len() == 1
}

fn is_capitalised(word: &str) -> bool {
    crate::extract::text::is_name_capitalised(word)
}

fn is_name_word(word: &str) -> bool {
    is_capitalised(word) || PARTICLES.contains(&word)
}

/// Lower-case words inside names: "Bashar al-Assad" keeps its hyphen, but
/// "Ursula von der Leyen" and "Charles de Gaulle" need these.
const PARTICLES: &[&str] = &[
    "de", "da", "di", "du", "del", "della", "der", "den", "van", "von", "le", "la", "bin", "ibn",
    "al", "el", "dos", "das", "y", // (And a firm's ampersand: "Ernst & Young".)
    "&",
];

fn is_organisation(name: &str) -> bool {
    let lower = to_lower(name);
    let lower = lower.trim_start_matches("the ");
    // People have no "and" in their names: "Duff and Phelps", "S and P".
    if lower.contains(" and ") || lower.contains(" & ") || lower.contains('&') {
        return true;
    }
    let last_is_suffix = lower
        .split_whitespace()
        .last()
        .is_some_and(|w| ORG_SUFFIXES.has(w) && lower.contains(' '));
    // "the Greater London Act", "the Paris Agreement": a law or a treaty
    // is nobody (nor the "he" of the next sentence).
    let legal_work = lower.split_whitespace().last().is_some_and(|w| {
        matches!(
            w,
            "act"
                | "bill"
                | "treaty"
                | "accord"
                | "accords"
                | "agreement"
                | "directive"
                | "convention"
                | "amendment"
                | "charter"
                | "constitution"
                | "declaration"
                | "protocol"
                | "statute"
                | "ordinance"
        )
    }) && lower.contains(' ');
    COUNTRIES.has(lower)
        || last_is_suffix
        || legal_work
        || lower.split_whitespace().any(|w| {
            let w = w.trim_end_matches("’s").trim_end_matches("'s");
            ORGANISATION_WORDS.has(w) || INSTITUTIONS.has(w)
        })
        || names_a_government(name)
}

/// "German", "Japanese": what a people is called, not a name ("The German
/// exchange said").
fn is_demonym(word: &str) -> bool {
    use crate::gazetteer::{Gazetteer, NameType, normalise::name_key};
    Gazetteer::embedded()
        .lookup(&name_key(word))
        .is_some_and(|postings| postings.iter().any(|c| c.name_type == NameType::Demonym))
}

/// "California reported", "Moscow said": a country, region or capital
/// speaking is its government, not a person.
fn names_a_government(name: &str) -> bool {
    use crate::gazetteer::{Gazetteer, NameType, PlaceKind, normalise::name_key};
    let gazetteer = Gazetteer::embedded();
    gazetteer.lookup(&name_key(name)).is_some_and(|postings| {
        postings.iter().any(|c| {
            let place = gazetteer.place(c.place);
            c.name_type == NameType::Main
                && (place.kind() <= PlaceKind::Region || place.is_capital())
        })
    })
}

fn strip_article(name: &str) -> String {
    strip_determiner(name).to_string()
}

/// `text` without a leading "The"/"the" (not "a", which
/// [`strip_determiner`] drops too: "A statement from …" is no name).
fn without_the(text: &str) -> &str {
    text.strip_prefix("The ")
        .or_else(|| text.strip_prefix("the "))
        .unwrap_or(text)
}

fn strip_determiner(text: &str) -> &str {
    let lower = to_lower(text);
    for det in ["the ", "a ", "an "] {
        if lower.starts_with(det) {
            return &text[det.len()..];
        }
    }
    text
}

/// "the Trump administration", "the Clinton campaign", "the Sanders
/// camp" (not "the American administration": a people's is its
/// government's): the name of the body a person leads.
fn led_body(source: &str) -> Option<String> {
    let words: Vec<&str> = source.split_whitespace().collect();
    let (first, rest) = words.split_first()?;
    let (head, names) = rest.split_last()?;
    let head_ok = matches!(*head, "administration" | "campaign" | "camp");
    (to_lower(first) == "the"
        && head_ok
        && (1..=2).contains(&names.len())
        && names.iter().all(|w| is_capitalised(w) && !w.contains('\''))
        && !names
            .iter()
            .any(|w| is_demonym(w) || COUNTRIES.has(&to_lower(w))))
    .then(|| format!("{} {head}", names.join(" ")))
}

/// The age a source describes its speaker by: "the 46-year-old", "the
/// 46-year-old mother" (lower case).
fn age_described(source: &str) -> Option<u32> {
    let rest = source.strip_prefix("the ")?;
    let (age, rest) = rest.split_once("-year-old")?;
    if !(rest.is_empty() || rest.starts_with(' ') && !rest[1..].contains(' ')) {
        return None;
    }
    age.parse().ok().filter(|&age| age < 130)
}

fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("’s")
        .or_else(|| word.strip_suffix("'s"))
        .unwrap_or(word)
}

fn strip_possessive_opt(name: &str) -> Option<String> {
    let stripped = strip_possessive(name);
    (stripped.len() != name.len()).then(|| stripped.to_string())
}

/// Every person-like name in the text (two or more capitalised words,
/// with the title before it split off as a role). A possessive ends an
/// owner, not a name: in "Texas at Arlington’s Amneh Jafari" the name is
/// Amneh Jafari.
fn name_mentions(body: &str, tokens: &[Tok]) -> Vec<NameMention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let is_part = |t: &Tok| {
            let w = t.text(body);
            t.kind == Kind::Word
                && (is_capitalised(w) || PARTICLES.contains(&w) || ROLE_HEADS.has(w))
        };
        if !is_part(&tokens[i]) {
            i += 1;
            continue;
        }
        let mut start = i;
        i += 1;
        // A name is one run of words separated by single spaces.
        while i < tokens.len()
            && is_part(&tokens[i])
            && body[tokens[i - 1].end..tokens[i].start] == *" "
        {
            if strip_possessive(tokens[i - 1].text(body)).len() < tokens[i - 1].text(body).len() {
                start = i;
            }
            i += 1;
        }
        // "… Minister of Mines and Energy Subroto": after "of" or "and", an
        // ordinary word opening the run belongs to the title before it.
        if start > 0
            && i - start >= 2
            && matches!(tokens[start - 1].text(body), "of" | "and" | "for" | "the")
        {
            let first = tokens[start].text(body);
            if given_name(first).is_none()
                && crate::gazetteer::Gazetteer::embedded().is_english_word(&to_lower(first))
            {
                start += 1;
            }
        }
        // "Said Ellis: …": a verb opening the sentence is no given name;
        // nor is a gerund, "Seating Jones will narrow the majority".
        // (Not a name like one, "Corning Glass Works": a name is written
        // with its capital inside sentences too, "said Corning".)
        // (The cheap tests first: the body is searched only for a word in
        // -ing, and this runs for every run of capitals.)
        let gerund = || {
            let word = tokens[start].text(body);
            let inside_a_sentence = || {
                body.match_indices(word).any(|(at, _)| {
                    body[..at]
                        .strip_suffix(' ')
                        .is_some_and(|before| before.ends_with(|c: char| c.is_lowercase()))
                })
            };
            word.ends_with("ing")
                && given_name(word).is_none()
                && crate::gazetteer::Gazetteer::embedded().is_english_word(&to_lower(word))
                && !inside_a_sentence()
        };
        if i - start >= 2
            && (matches!(
                tokens[start].text(body),
                "Said" | "Says" | "Added" | "Asked" | "Told" | "Wrote" | "Recalled" | "Explained"
            ) || gerund())
        {
            start += 1;
        }
        let run = &tokens[start..i];
        // A name has two capitalised words at least.
        let capitals = run.iter().filter(|t| is_capitalised(t.text(body))).count();
        if capitals < 2 {
            continue;
        }
        let mut words: Vec<&str> = run.iter().map(|t| t.text(body)).collect();
        // ("Senators Mike Lee, a Republican, and …": each is a senator.)
        if let Some(one) = words.first().and_then(|w| singular_title(w)) {
            words[0] = one;
        }
        let parsed = sovereign_named(parse_source(&words.join(" ")));
        if let ParsedSource::Named { name, role, gender } = parsed
            && name.split_whitespace().count() >= 2
            && !is_organisation(&name)
            && !NOT_NAMES.has(&to_lower(name.split_whitespace().next().unwrap_or("")))
        {
            let offset = words.iter().position(|w| name.starts_with(w)).unwrap_or(0);
            let name_words: Vec<&str> = name.split_whitespace().collect();
            let mut mention = NameMention {
                gender: gender.or_else(|| Gender::of_name(&name_words)),
                name,
                role,
                start: run[offset].start,
                end: run[run.len() - 1].end,
                phrase_start: run[0].start,
            };
            if mention.gender.is_none() && looks_like_someone(&mention) {
                mention.gender = pronoun_after(body, tokens, i);
            }
            out.push(mention);
        }
    }
    out
}

/// Gives a body every country has ("Finance Ministry", "Treasury",
/// "Central Bank") the country it belongs to: the one its name gives
/// ("Dutch Finance Ministry", "Japan's Finance Ministry", "U.S. Treasury"),
/// else `country`, the article's (its dateline's, or the only one it
/// names). "Finance Ministry (Japan)", so that the facet tells Tokyo's from
/// Brasilia's and "U.S. Treasury" and "the Treasury" under a Washington
/// dateline are one speaker. Renames the quotes' speakers too.
pub fn qualify_national_bodies(
    speakers: &mut Vec<Speaker>,
    quotes: &mut [crate::extract::quotes::Quote],
    country: Option<&str>,
) {
    // "The government said" of an article from no one country is no one's:
    // a bare "Government" would tell a reader nothing.
    if country.is_none() {
        let bare = |name: &str| name == "Government";
        speakers.retain(|s| !(s.kind == SpeakerKind::Organisation && bare(&s.name)));
        for quote in quotes.iter_mut() {
            if quote.speaker.as_deref().is_some_and(bare) {
                quote.speaker =
                    (!quote.co_speakers.is_empty()).then(|| quote.co_speakers.remove(0));
            }
            quote.co_speakers.retain(|name| !bare(name));
        }
    }
    for speaker in speakers.iter_mut() {
        if speaker.kind != SpeakerKind::Organisation {
            continue;
        }
        let Some((body, named_country)) = national_body(&speaker.name) else {
            continue;
        };
        let Some(country) = named_country.or(country) else {
            continue;
        };
        let qualified = format!("{body} ({country})");
        for quote in quotes.iter_mut() {
            for name in quote.speaker.iter_mut().chain(quote.co_speakers.iter_mut()) {
                if *name == speaker.name {
                    *name = qualified.clone();
                }
            }
        }
        speaker.name = qualified;
    }
}

/// "Dutch Finance Ministry" → ("Finance Ministry", Some("Netherlands")),
/// "Treasury" → ("Treasury", None); `None` for other names.
fn national_body(name: &str) -> Option<(String, Option<&'static str>)> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let lower = to_lower(name);
    if NATIONAL_BODIES.has(&lower) {
        return Some((title_case(&words), None));
    }
    let (first, rest) = words.split_first()?;
    let rest_lower = rest.join(" ").to_lowercase();
    if !NATIONAL_BODIES.has(&rest_lower) {
        return None;
    }
    let country = country_named_by(first)?;
    Some((title_case(rest), Some(country)))
}

/// "central bank" → "Central Bank".
fn title_case(words: &[&str]) -> String {
    words
        .iter()
        .map(|w| {
            let mut chars = w.chars();
            match chars.next() {
                Some(c) if !matches!(*w, "of" | "for" | "and" | "the") => {
                    c.to_uppercase().chain(chars).collect::<String>()
                }
                _ => w.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// "Pope Francis", "King Charles", "Queen Elizabeth": one name after a
/// sovereign's title is known with the title, so the title stays in the
/// name ("the pope said" is then Pope Francis, and he is not "Francis").
fn sovereign_named(parsed: ParsedSource) -> ParsedSource {
    let ParsedSource::Named {
        name,
        role: Some(role),
        gender,
    } = parsed
    else {
        return parsed;
    };
    let title = to_lower(&role);
    let sex = match title.as_str() {
        "pope" | "king" | "prince" | "emperor" => Some(Gender::Male),
        "queen" | "princess" | "empress" => Some(Gender::Female),
        _ => None,
    };
    match sex {
        Some(sex) if !name.contains(' ') && is_capitalised(&role) => ParsedSource::Named {
            name: format!("{role} {name}"),
            role: Some(role),
            gender: gender.or(Some(sex)),
        },
        _ => ParsedSource::Named {
            name,
            role: Some(role),
            gender,
        },
    }
}

/// Whether `head` names a firm by its trade: "bank", "lender", "airline",
/// "automaker", "drugmaker" (not "lawmaker", "policymaker": people).
fn is_company_sector(head: &str) -> bool {
    matches!(
        head,
        "bank"
            | "lender"
            | "brokerage"
            | "broker"
            | "insurer"
            | "airline"
            | "carrier"
            | "retailer"
            | "supermarket"
            | "grocer"
            | "manufacturer"
            | "producer"
            | "miner"
            | "brewer"
            | "publisher"
            | "utility"
            | "operator"
            | "conglomerate"
            | "supplier"
            | "distributor"
            | "giant"
            | "automaker"
            | "carmaker"
            | "chipmaker"
            | "drugmaker"
            | "steelmaker"
            | "planemaker"
            | "toymaker"
    )
}

/// The country a word names: a demonym ("Dutch"), or a country's name or
/// abbreviation, possessive or not ("Japan's", "U.S.").
fn country_named_by(word: &str) -> Option<&'static str> {
    use crate::gazetteer::{Gazetteer, NameType, PlaceKind, normalise::name_key};
    let gazetteer = Gazetteer::embedded();
    let postings = gazetteer.lookup(&name_key(strip_possessive(word)))?;
    postings.iter().find_map(|c| {
        let place = gazetteer.place(c.place);
        let country = match c.name_type {
            NameType::Demonym => place.country().or(Some(place))?,
            NameType::Main | NameType::Alternate | NameType::Qualifier
                if place.kind() == PlaceKind::Country =>
            {
                place
            }
            _ => return None,
        };
        (country.kind() == PlaceKind::Country).then(|| country.name())
    })
}

/// Acronyms the text defines: "the Office for National Statistics (ONS)"
/// gives ("ONS", "Office for National Statistics"). The letters must be
/// the initials of the words before the parenthesis (small words aside; an
/// abbreviation such as "U.S." gives all its capitals; "American-Islamic"
/// one letter a part).
pub fn acronyms(body: &str, tokens: &[Tok]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for i in 1..tokens.len().saturating_sub(2) {
        if tokens[i].text(body) != "(" || tokens[i + 2].text(body) != ")" {
            continue;
        }
        let short = tokens[i + 1].text(body);
        let letters: String = short.chars().filter(|c| *c != '.').collect();
        if !(2..=8).contains(&letters.len()) || !letters.chars().all(|c| c.is_ascii_uppercase()) {
            continue;
        }
        // The words before the parenthesis: capitalised, or small words
        // between them.
        let mut start = i;
        while start > 0 && i - start < 12 {
            let t = tokens[start - 1];
            let w = t.text(body);
            let joined = body[t.end..tokens[start].start] == *" " || start == i;
            if t.kind != Kind::Word || !joined || !(is_capitalised(w) || is_acronym_filler(w)) {
                break;
            }
            start -= 1;
        }
        // The longest run of them whose initials spell the acronym.
        let found = (start..i)
            .filter(|&k| is_capitalised(tokens[k].text(body)))
            .find(|&k| {
                let initials: String = tokens[k..i]
                    .iter()
                    .flat_map(|t| initials_of(t.text(body)))
                    .collect();
                initials == letters
            });
        if let Some(k) = found {
            let long = body[tokens[k].start..tokens[i - 1].end].to_string();
            if !out.iter().any(|(s, _)| s == short) {
                out.push((short.to_string(), long));
            }
        }
    }
    out
}

fn is_acronym_filler(word: &str) -> bool {
    matches!(
        word,
        "of" | "for" | "and" | "the" | "on" | "de" | "in" | "&" | "to"
    )
}

/// The letters a word gives an acronym: none for a small word, every
/// capital of an abbreviation ("U.S." → US), one a part otherwise.
fn initials_of(word: &str) -> Vec<char> {
    if is_acronym_filler(word) {
        return Vec::new();
    }
    let capitals: Vec<char> = word.chars().filter(char::is_ascii_uppercase).collect();
    if word.contains('.') || (capitals.len() >= 2 && word.chars().all(|c| !c.is_lowercase())) {
        return capitals;
    }
    word.split('-')
        .filter_map(|part| part.chars().next())
        .filter(char::is_ascii_uppercase)
        .collect()
}

/// Organisations named in the text: capitalised runs, joined by "of",
/// "for", "and", "&" or "the", that end like a company's name or hold an
/// institution word ("Bank of England", "Church of Scientology").
fn org_mentions(body: &str, tokens: &[Tok]) -> Vec<OrgMention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let word = tokens[i].text(body);
        if tokens[i].kind != Kind::Word || !is_capitalised(word) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i;
        let mut j = i + 1;
        while j < tokens.len() && body[tokens[j - 1].end..tokens[j].start] == *" " {
            let w = tokens[j].text(body);
            // ("Committee on Human Rights", not "Committee on Wednesday".)
            let day = w == "on"
                && tokens
                    .get(j + 1)
                    .is_some_and(|t| crate::extract::dates::is_calendar_word(t.text(body)));
            if tokens[j].kind == Kind::Word && is_capitalised(w) {
                end = j;
            } else if day || !matches!(w, "of" | "for" | "and" | "&" | "the" | "on") {
                break;
            }
            j += 1;
        }
        i = end + 1;
        if end == start {
            continue;
        }
        let words: Vec<&str> = tokens[start..=end].iter().map(|t| t.text(body)).collect();
        // (Not "San Francisco-based US Court of Appeals": where it sits is
        // no part of the name.)
        let based = words.iter().rposition(|w| w.ends_with("-based"));
        let words: Vec<&str> = words
            .into_iter()
            .skip(based.map_or(0, |k| k + 1))
            .skip_while(|w| w.eq_ignore_ascii_case("the"))
            .collect();
        if words.len() < 2 {
            continue;
        }
        let name = words.join(" ");
        if is_organisation(&name) && !COUNTRIES.has(&to_lower(&name)) {
            out.push(OrgMention {
                name: strip_possessive(&name).to_string(),
                start: tokens[start].start,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_speaker_name_ends_with_a_word_of_the_name() {
        let name = |text: &str| speaker_name(text);
        assert_eq!(
            name("Confederation of British Industry survey").as_deref(),
            Some("Confederation of British Industry")
        );
        assert_eq!(name("World Bank sources").as_deref(), Some("World Bank"));
        assert_eq!(name("Willy de Clercq").as_deref(), Some("Willy de Clercq"));
        assert_eq!(name("de Clercq").as_deref(), Some("de Clercq"));
        assert_eq!(
            name("Central Bureau of Statistics").as_deref(),
            Some("Central Bureau of Statistics")
        );
        // Someone in the body, not the body; things that say nothing; no name.
        assert_eq!(name("Finance Ministry official"), None);
        assert_eq!(name("Export Enhancement Program initiative"), None);
        assert_eq!(name("Paris Agreement"), None);
        assert_eq!(name("news comes despite Mr Flight's allies"), None);
    }
    use crate::extract::quotes::find_attributions;

    /// (speaker name, role, kind) per attribution.
    fn speakers(body: &str) -> Vec<Option<(String, Option<String>, SpeakerKind)>> {
        let attributions = find_attributions(body);
        let resolved = resolve(body, &attributions);
        resolved
            .speakers_of
            .iter()
            .map(|s| {
                s.first().map(|&i| {
                    let sp = &resolved.speakers[i];
                    (sp.name.clone(), sp.role.clone(), sp.kind)
                })
            })
            .collect()
    }

    fn name_of(s: &Option<(String, Option<String>, SpeakerKind)>) -> Option<&str> {
        s.as_ref().map(|(n, _, _)| n.as_str())
    }

    #[test]
    fn titles_are_split_from_names() {
        let found = speakers("“Besieged,” Foreign Minister Jean-Marc Ayrault told reporters.");
        assert_eq!(
            found[0],
            Some((
                "Jean-Marc Ayrault".into(),
                Some("Foreign Minister".into()),
                SpeakerKind::Person
            ))
        );
        let found =
            speakers("Government spokesman Stephane Le Foll said it would happen in December.");
        assert_eq!(
            found[0],
            Some((
                "Stephane Le Foll".into(),
                Some("Government spokesman".into()),
                SpeakerKind::Person
            ))
        );
    }

    #[test]
    fn a_surname_that_names_a_city_is_the_person_the_article_names() {
        let found = speakers(
            "\"I was kept there,\" said Valeska Paris, an Australian woman. Paris claims \
             she was sent to the ship at eighteen. Paris said the ship was a prison.",
        );
        assert!(
            found.iter().all(|s| name_of(s) == Some("Valeska Paris")),
            "{found:?}"
        );
        // Without such a person, the capital speaks for its government.
        let found = speakers("Paris said the talks would go on.");
        assert!(
            matches!(found[0], Some((_, _, SpeakerKind::Organisation))),
            "{found:?}"
        );
    }

    #[test]
    fn a_pronoun_opening_a_sentence_means_the_subject_of_the_one_before() {
        let found = speakers(
            "Kyle Walker was booked for his foul and Ferjani Sassi scored. Later, \
             Jesse Lingard and Harry Maguire had chances.\n\n\
             Harry Kane won the Budweiser Man of the Match award. He said, \"It felt \
             good out there.\"",
        );
        assert_eq!(name_of(&found[0]), Some("Harry Kane"), "{found:?}");
        // Not a subject of the other gender, nor one of two.
        let found = speakers(
            "Kyle Walker was booked and Ferjani Sassi scored.\n\n\
             Mary Jones won the award. He said, \"It felt good.\"",
        );
        assert_ne!(name_of(&found[0]), Some("Mary Jones"), "{found:?}");
        let found = speakers(
            "“We will cut taxes,” Michael Howard said.\n\n\
             Saying Britain must change direction, Mr Howard argues government is too big. \
             He says the Tories would act.",
        );
        assert_eq!(name_of(&found[1]), Some("Michael Howard"), "{found:?}");
    }

    #[test]
    fn a_document_the_article_names_speaks_for_itself() {
        let found = speakers(
            "The Australian National Iodine Nutrition Study tested children. The report \
             says iodine deficiency is back. The report's authors say bread should be \
             fortified.",
        );
        assert_eq!(
            name_of(&found[0]),
            Some("Australian National Iodine Nutrition Study"),
            "{found:?}"
        );
        assert_eq!(
            name_of(&found[1]),
            Some("Australian National Iodine Nutrition Study"),
            "{found:?}"
        );
        let found = speakers(
            "The World Health Organisation (WHO) issued a warning. WHO say the disease is \
             spreading.",
        );
        assert!(name_of(&found[0]).is_some(), "{found:?}");
        // A programme named like a report is none.
        let found = speakers(
            "Vincent Koen told the BBC's World Business Report. However, the report warned \
             that oil would rise.",
        );
        assert_eq!(name_of(&found.last().cloned().flatten()), None, "{found:?}");
        // Who saw a document did not write it.
        let found =
            speakers("A leaked internal letter seen by Sky News says the plan will go ahead.");
        assert_eq!(name_of(&found[0]), None, "{found:?}");
        // A study of no name stays unnamed.
        let found = speakers("A study tested children. The study says iodine deficiency is back.");
        assert_eq!(name_of(&found[0]), None, "{found:?}");
    }

    #[test]
    fn an_institution_run_into_a_name_is_the_persons_affiliation() {
        let found = speakers(
            "Psychology major at University of Texas Arlington Amneh Jafari said the \
             event was a success.",
        );
        assert_eq!(name_of(&found[0]), Some("Amneh Jafari"), "{found:?}");
        let found = speakers(
            "The industry is worth $3bn, according to the UN Economic Commission for Latin \
             America.",
        );
        assert_eq!(
            name_of(&found[0]),
            Some("UN Economic Commission for Latin America"),
            "{found:?}"
        );
        // An institution's own name stays whole.
        let found = speakers("The University of Texas Medical Branch said the trial ended.");
        assert_eq!(
            name_of(&found[0]),
            Some("University of Texas Medical Branch"),
            "{found:?}"
        );
    }

    #[test]
    fn a_name_does_not_open_with_its_particle() {
        let found = speakers(
            "Finance Minister Sheikh Abdulla bin Khalifa al-Thani said the budget would grow.",
        );
        assert_eq!(
            name_of(&found[0]),
            Some("Abdulla bin Khalifa al-Thani"),
            "{found:?}"
        );
    }

    #[test]
    fn a_surname_without_its_article_is_the_full_name() {
        let found =
            speakers("Abdel Fattah el-Sisi said the deal was done. Sisi added that it would hold.");
        assert_eq!(
            name_of(&found[1]),
            Some("Abdel Fattah el-Sisi"),
            "{found:?}"
        );
    }

    #[test]
    fn surnames_resolve_to_the_full_name() {
        let body = "Foreign Minister Jean-Marc Ayrault spoke in Paris.\n\
                    A meeting will take place in Paris soon, Ayrault said.";
        let found = speakers(body);
        assert_eq!(name_of(&found[0]), Some("Jean-Marc Ayrault"));
    }

    #[test]
    fn pronouns_resolve_to_the_latest_compatible_speaker() {
        let body = "“We are ready,” Ngozi Kowalczyk said.\n\
                    “It is late,” Dariusz Okafor said.\n\
                    “And we will act,” she added.";
        let found = speakers(body);
        assert_eq!(
            name_of(&found[2]),
            Some("Dariusz Okafor"),
            "gender unknown: latest person"
        );
        let body = "“We are ready,” Marta Kowalczyk said.\n\
                    “It is late,” Daniel Okafor said.\n\
                    “And we will act,” she added.";
        assert_eq!(
            name_of(&speakers(body)[2]),
            Some("Marta Kowalczyk"),
            "gender from the given names"
        );
        let body = "“We are ready,” Mrs. Marta Kowalczyk said.\n\
                    “It is late,” Daniel Okafor said.\n\
                    “And we will act,” she added.";
        assert_eq!(name_of(&speakers(body)[2]), Some("Marta Kowalczyk"));
    }

    #[test]
    fn a_pronoun_means_the_person_named_since_the_last_speaker() {
        let body = "“The harvest was poor,” Tomas Okonkwo said.\n\
                    Later, Adaeze Nwosu of Ishwaripur village described the plan as helpful. \
                    She said she had learned about compost.";
        assert_eq!(name_of(&speakers(body)[1]), Some("Adaeze Nwosu"));
        // Two people named since, each opening a sentence: the subject of
        // the sentence just before.
        let body = "“The harvest was poor,” Tomas Okonkwo said.\n\
                    Adaeze Nwosu came first. Chioma Eze came later. She said prices were high.";
        assert_eq!(name_of(&speakers(body)[1]), Some("Chioma Eze"));
    }

    #[test]
    fn agencies_and_reports_speak_for_who_was_named() {
        let body = "Reporters asked the Department of Transportation for comment.\n\
                    In a response, the agency said, “We are aware of the complaints.”";
        assert_eq!(
            name_of(&speakers(body)[0]),
            Some("Department of Transportation")
        );
        let body = "Zumalo said on Tuesday that bookings rose.\n\
                    “Pilates was the most booked class,” the report stated.";
        assert_eq!(name_of(&speakers(body)[1]), Some("Zumalo"));
    }

    #[test]
    fn two_titles_before_one_name() {
        let found = speakers(
            "“It is about meaning,” says Estera Events Co-Owner and Lead Planner Erica Vanco.",
        );
        assert_eq!(
            found[0],
            Some((
                "Erica Vanco".into(),
                Some("Estera Events Co-Owner and Lead Planner".into()),
                SpeakerKind::Person
            ))
        );
    }

    #[test]
    fn one_body_named_by_two_nouns_is_one_speaker() {
        let found =
            speakers("U.S. Customs and Border Protection said it would update its guidance.");
        assert_eq!(
            name_of(&found[0]),
            Some("U.S. Customs and Border Protection")
        );
    }

    #[test]
    fn roles_resolve_to_their_holder() {
        let body = "Defence Minister Luc Vandamme arrived late.\n\
                    The plan is sound, the minister said.";
        assert_eq!(name_of(&speakers(body)[0]), Some("Luc Vandamme"));
    }

    #[test]
    fn organisations_and_countries_speak() {
        let found = speakers("Russia has said the findings cannot be used.");
        assert_eq!(
            found[0],
            Some(("Russia".into(), None, SpeakerKind::Organisation))
        );
        let found = speakers("The Pentagon said the strike hit a depot.");
        assert_eq!(
            found[0],
            Some(("Pentagon".into(), None, SpeakerKind::Organisation))
        );
    }

    #[test]
    fn vague_sources_keep_no_name() {
        assert_eq!(speakers("The deal is dead, officials said.")[0], None);
        assert_eq!(
            speakers("A spokesman said the plant would reopen in May.")[0],
            None
        );
        assert_eq!(
            speakers("European diplomats have expressed concern that prices may rise.")[0],
            None
        );
    }

    #[test]
    fn titled_office_without_a_name_is_a_role() {
        let found = speakers("The U.N. Special Envoy for Syria said a new offensive was likely.");
        assert_eq!(
            found[0],
            Some((
                "U.N. Special Envoy for Syria".into(),
                None,
                SpeakerKind::Role
            ))
        );
    }

    #[test]
    fn an_honorific_is_no_role() {
        for text in [
            "“The talks will go on,” Mr Blair said.",
            "“The talks will go on,” Mrs Thatcher told reporters.",
        ] {
            let found = speakers(text);
            let Some((_, role, kind)) = &found[0] else {
                panic!("{text}: no speaker")
            };
            assert_eq!((role, kind), (&None, &SpeakerKind::Person), "{text}");
        }
        let found = speakers("“The talks will go on,” said Prime Minister Tony Blair.");
        assert_eq!(
            found[0],
            Some((
                "Tony Blair".into(),
                Some("Prime Minister".into()),
                SpeakerKind::Person
            ))
        );
    }

    #[test]
    fn lower_case_roles_before_a_name() {
        let found = speakers("“People are coming to look,” said spice seller Samir Toumeh.");
        assert_eq!(
            found[0],
            Some((
                "Samir Toumeh".into(),
                Some("spice seller".into()),
                SpeakerKind::Person
            ))
        );
    }

    #[test]
    fn long_titles_keep_the_name_at_the_end() {
        let found =
            speakers("“It will be judged,” said State Secretary for European Affairs Nina Kralj.");
        assert_eq!(
            found[0],
            Some((
                "Nina Kralj".into(),
                Some("State Secretary for European Affairs".into()),
                SpeakerKind::Person
            ))
        );
        let found = speakers("Secretary of State John Kerry said the talks would resume.");
        assert_eq!(name_of(&found[0]), Some("John Kerry"));
        let found = speakers("Martin Luther King said the dream would live.");
        assert_eq!(name_of(&found[0]), Some("Martin Luther King"));
    }

    #[test]
    fn appositive_roles() {
        let found = speakers("Ayrault, the foreign minister, said the vote would be held soon.");
        assert_eq!(
            found[0],
            Some((
                "Ayrault".into(),
                Some("foreign minister".into()),
                SpeakerKind::Person
            ))
        );
    }

    /// Every speaker of each attribution, by name.
    fn all_names(body: &str) -> Vec<Vec<String>> {
        let attributions = find_attributions(body);
        let resolved = resolve(body, &attributions);
        resolved
            .speakers_of
            .iter()
            .map(|s| {
                s.iter()
                    .map(|&i| resolved.speakers[i].name.clone())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn companies_keep_their_whole_name() {
        let found = speakers("Standard and Poor's Corp said it lowered the rating on the notes.");
        assert_eq!(name_of(&found[0]), Some("Standard and Poor's Corp"));
        let found = speakers("Sears, Roebuck and Co said it will restructure its distribution.");
        assert_eq!(name_of(&found[0]), Some("Sears, Roebuck and Co"));
        let found = speakers(
            "Valley Federal Savings and Loan Association said it appointed a new chairman.",
        );
        assert_eq!(
            name_of(&found[0]),
            Some("Valley Federal Savings and Loan Association")
        );
        let found = speakers(
            "“The bonds are priced at par,” said lead manager Nomura International Ltd in London.",
        );
        assert_eq!(
            found[0],
            Some((
                "Nomura International Ltd".into(),
                Some("lead manager".into()),
                SpeakerKind::Organisation
            ))
        );
        let found =
            speakers("Supermarkets General Corp reported sales of 424.8 mln dlrs for the month.");
        assert_eq!(name_of(&found[0]), Some("Supermarkets General Corp"));
        let found = speakers("The Federal Reserve Bank of New York said it had added reserves.");
        assert_eq!(name_of(&found[0]), Some("Federal Reserve Bank of New York"));
        let found = speakers("S and P said the outlook for the company was stable.");
        assert_eq!(
            found[0],
            Some(("S and P".into(), None, SpeakerKind::Organisation))
        );
        let found =
            speakers("According to Yonhap news agency, the launch failed after two minutes.");
        assert_eq!(
            found[0],
            Some((
                "Yonhap".into(),
                Some("news agency".into()),
                SpeakerKind::Organisation
            ))
        );
    }

    #[test]
    fn a_bare_company_word_is_never_a_speaker() {
        for body in [
            "Brokers said trading volume may increase with the new rules.",
            "Estimates suggest 8,000 migrants may be stranded at sea.",
            "The Bank said the figures confirmed the trend in lending.",
            "SENIOR U.S. OFFICIALS SAY TALKS ARE OVER FOR THIS YEAR",
            "Consumer prices barely budged in August, suggesting inflation is tame.",
        ] {
            assert_eq!(speakers(body).first().cloned().flatten(), None, "{body}");
        }
    }

    #[test]
    fn generic_nouns_are_the_organisation_named_before() {
        let body = "The Bank of England said it had provided help to the market.\n\
                    The Bank said the shortage was around 300 mln stg.";
        let found = speakers(body);
        assert_eq!(name_of(&found[1]), Some("Bank of England"));
        let body = "Chrysler Corp said it would buy the firm for cash.\n\
                    The company said the deal was worth 1.5 billion dlrs.";
        assert_eq!(name_of(&speakers(body)[1]), Some("Chrysler Corp"));
        let body = "He joined the Church of Scientology in 1990.\n\
                    In a statement, the Church denied these allegations outright.";
        assert_eq!(name_of(&speakers(body)[0]), Some("Church of Scientology"));
    }

    #[test]
    fn party_labels_and_glued_words_are_not_names() {
        let found = speakers("Republican Roy Moore said he would not concede the race.");
        assert_eq!(
            found[0],
            Some((
                "Roy Moore".into(),
                Some("Republican".into()),
                SpeakerKind::Person
            ))
        );
        let found = speakers("Alabama Democrat Doug Jones said the result was clear to all.");
        assert_eq!(
            found[0],
            Some((
                "Doug Jones".into(),
                Some("Alabama Democrat".into()),
                SpeakerKind::Person
            ))
        );
        let found = speakers("Rival Sony said it would cut the price of its console.");
        assert_eq!(name_of(&found[0]), Some("Sony"));
        let found = speakers("Earlier Reuters said the talks had broken down again.");
        assert_eq!(name_of(&found[0]), Some("Reuters"));
        let found = speakers("Dr Fox told the radio station that the plan had failed.");
        assert_eq!(found[0], Some(("Fox".into(), None, SpeakerKind::Person)));
    }

    #[test]
    fn given_names_start_a_name_after_a_title() {
        let found = speakers("“It is hope,” said professor Marc Lamont Hill of the university.");
        assert_eq!(name_of(&found[0]), Some("Marc Lamont Hill"));
        let found = speakers(
            "Executive director of the Dallas chapter of the Council on American-Islamic Relations Alia Salem said the boy was welcome.",
        );
        assert_eq!(name_of(&found[0]), Some("Alia Salem"));
        let found =
            speakers("Chancellor of the Exchequer Nigel Lawson said sterling was now stable.");
        assert_eq!(
            found[0],
            Some((
                "Nigel Lawson".into(),
                Some("Chancellor of the Exchequer".into()),
                SpeakerKind::Person
            ))
        );
    }

    #[test]
    fn coordinated_subjects_give_every_speaker() {
        let body = "Rep. Elijah Cummings and Rep. Jerrold Nadler wrote to both firms.\n\
                    Cummings and Nadler said they sent their letter after the firms declined to answer.";
        assert_eq!(
            all_names(body)[0],
            vec!["Elijah Cummings".to_string(), "Jerrold Nadler".to_string()]
        );
        // A title the two share.
        let body = "Senators Edward Markey and Mike Lee wrote to the agency.\n\
                    Senators Markey and Lee said the program was flawed.";
        assert_eq!(
            all_names(body).last().unwrap(),
            &vec!["Edward Markey".to_string(), "Mike Lee".to_string()]
        );
        // Two names no one in the article bears alone: one firm.
        let body = "Duff and Phelps said it had lowered the rating on the bonds.";
        assert_eq!(all_names(body)[0], vec!["Duff and Phelps".to_string()]);
    }

    #[test]
    fn relative_clauses_and_appositives_give_the_name() {
        let body = "Officials questioned Rep. Blake Farenthold on Monday.\n\
                    The charges were aired against Farenthold, who said on Thursday that the charges were false.";
        let found = speakers(body);
        assert_eq!(name_of(found.last().unwrap()), Some("Blake Farenthold"));
        let found = speakers(
            "Suzanne Bostrom, a lawyer at Trustees for Alaska, a nonprofit law firm, said opponents would scrutinize applications.",
        );
        assert_eq!(
            found[0].as_ref().map(|(n, _, k)| (n.as_str(), *k)),
            Some(("Suzanne Bostrom", SpeakerKind::Person))
        );
        let found = speakers(
            "President Donald Trump, when asked on Sunday if he would fire the counsel, told reporters, “No. I’m not.”",
        );
        assert_eq!(
            found[0],
            Some((
                "Donald Trump".into(),
                Some("President".into()),
                SpeakerKind::Person
            ))
        );
    }

    /// Every speaker per attribution, the speaker first.
    fn all_speakers(body: &str) -> Vec<Vec<String>> {
        let attributions = find_attributions(body);
        let resolved = resolve(body, &attributions);
        resolved
            .speakers_of
            .iter()
            .map(|s| {
                s.iter()
                    .map(|&i| resolved.speakers[i].name.clone())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn a_pronoun_after_a_speakers_own_words_overrules_the_census() {
        // "Cameron" is a man's name in the census; the writer says "she".
        let body = "“Keep it simple,” Mindy Roe said.\n\
                    Cameron Vale says fruit is the new decor. “Halved lemons are everywhere,” she says.\n\
                    “Lemons smell good,” she added.";
        let found = speakers(body);
        assert_eq!(name_of(&found[2]), Some("Cameron Vale"));
        assert_eq!(
            name_of(&found[3]),
            Some("Cameron Vale"),
            "her gender is now known"
        );
        let body = "“Keep it simple,” Mindy Roe said.\n\
                    Cameron Vale says not to match the glasses.\n\
                    “Mismatched glassware has charm,” she reveals.";
        assert_eq!(name_of(&speakers(body)[2]), Some("Cameron Vale"));
        // Two speakers in the paragraph: the census stands.
        let body = "“We are ready,” Marta Kowalczyk said. “It is late,” Daniel Okafor said. \
                    “And we will act,” she added.";
        assert_eq!(name_of(&speakers(body)[2]), Some("Marta Kowalczyk"));
    }

    #[test]
    fn a_surname_alone_names_the_person_a_pronoun_means() {
        let body = "Beth Vale plans parties in Ohio.\n\
                    “Keep it simple,” Mindy Roe said.\n\
                    Vale says to look to your garden. “Arrangements are looser,” she says.";
        let found = speakers(body);
        assert_eq!(name_of(found.last().unwrap()), Some("Beth Vale"));
        // The speaker named again by surname is nearer than a person named
        // before that.
        let body = "“Cells talk,” Michael Levin said.\n\
                    David Glanzman studies snails.\n\
                    Levin immersed himself in the work, and he said that cells compute.";
        assert_eq!(
            name_of(speakers(body).last().unwrap()),
            Some("Michael Levin")
        );
    }

    #[test]
    fn a_place_named_like_a_person_is_no_rival() {
        let body = "“We will help,” Travis Colt said.\n\
                    He will teach at the Dallas Independent School District. \
                    He says plumbers want to help teachers.";
        assert_eq!(name_of(speakers(body).last().unwrap()), Some("Travis Colt"));
    }

    #[test]
    fn a_pronoun_in_a_names_sentence_gives_its_gender() {
        let body = "“The harvest was poor,” Tomas Okonkwo said.\n\
                    Piarul Hossain of Phulbari village has improved his income.\n\
                    Similarly, Shaheda Karim of Ishwaripur village described the plan as helpful.\n\
                    She said she had learned about compost.";
        assert_eq!(
            name_of(speakers(body).last().unwrap()),
            Some("Shaheda Karim")
        );
    }

    #[test]
    fn a_titled_name_opening_its_sentence_is_nearer() {
        let body = "“We save water,” Atanu Sen said.\n\
                    Additional Director Dr Azizur Rahman told reporters that water is scarce.\n\
                    He said gardening plays a vital role.";
        assert_eq!(
            name_of(speakers(body).last().unwrap()),
            Some("Azizur Rahman")
        );
    }

    #[test]
    fn a_plural_looking_surname_is_a_name_when_the_article_gives_it() {
        let body = "Ashley Millers runs a studio in Denver.\n\
                    Millers said stretching classes are popular.";
        assert_eq!(name_of(&speakers(body)[0]), Some("Ashley Millers"));
        assert_eq!(
            name_of(&speakers("Brokers said stocks would fall.")[0]),
            None
        );
    }

    #[test]
    fn documents_speak_for_who_issued_or_wrote_them() {
        let body = "Gains were small, according to a June report by the Harbor Education Lab.\n\
                    “Students need more time,” the report said.";
        assert_eq!(all_speakers(body)[1], ["Harbor Education Lab"]);
        let body = "The study is co-authored by Luna Ito, a lecturer at Keele, and Jin Park of Leeds.\n\
                    “Pairs did not improve,” say the authors.\n\
                    It adds: “Guidance helps.”";
        let found = all_speakers(body);
        assert_eq!(found[0], ["Luna Ito", "Jin Park"]);
        assert_eq!(
            found[1],
            ["Luna Ito", "Jin Park"],
            "`It` continues the authors"
        );
        let body = "Reporters asked the Department of Transportation about the firm.\n\
                    The department's website says the agency investigates fraud.";
        assert_eq!(all_speakers(body)[0], ["Department of Transportation"]);
        // A study nobody is named for keeps no speaker.
        let body = "“Pairs did not improve,” say the authors.";
        assert!(all_speakers(body)[0].is_empty());
    }

    #[test]
    fn both_experts_are_the_last_two_quoted() {
        let body = "“Coffee helps,” says Lauren Slayton.\n\
                    “It protects the heart,” Sylvia Klinger said.\n\
                    Both experts suggest drinking coffee early in the day.";
        assert_eq!(all_speakers(body)[2], ["Lauren Slayton", "Sylvia Klinger"]);
    }

    #[test]
    fn pronouns_are_left_alone_when_another_person_may_be_meant() {
        let body = "“We will win,” Mary Evans said.\n\
                    She outperformed Hillary Clinton last year in her district.\n\
                    “You can win anywhere,” she told lawyers.";
        assert_eq!(speakers(body)[1], None);
        let body = "“We will win,” Mary Evans said.\n\
                    She outperformed the party last year in her district.\n\
                    “You can win anywhere,” she told lawyers.";
        assert_eq!(name_of(&speakers(body)[1]), Some("Mary Evans"));
        let body = "Senator Jane Roe spoke at the rally on Monday.\n“We will win,” she said.";
        assert_eq!(name_of(&speakers(body)[0]), Some("Jane Roe"));
    }

    #[test]
    fn his_office_speaks_for_him() {
        let body = "Senator John McCain is in hospital for treatment.\n\
                    His office said he “looks forward to returning to work soon.”";
        assert_eq!(name_of(&speakers(body)[0]), Some("John McCain"));
    }

    #[test]
    fn acronyms_the_text_defines() {
        let body = "The Office for National Statistics (ONS) said prices rose. \
                    A report by the U.S. Department of Agriculture (USDA) followed, and the \
                    Council on American-Islamic Relations (CAIR) spoke. Prices (UP) fell.";
        let found = acronyms(body, &tokenize(body));
        assert_eq!(
            found,
            vec![
                (
                    "ONS".to_string(),
                    "Office for National Statistics".to_string()
                ),
                (
                    "USDA".to_string(),
                    "U.S. Department of Agriculture".to_string()
                ),
                (
                    "CAIR".to_string(),
                    "Council on American-Islamic Relations".to_string()
                ),
            ]
        );
    }

    #[test]
    fn national_bodies_get_their_country() {
        let body = "The Finance Ministry said the yen was stable.\n\
                    The Dutch Finance Ministry said the guilder was stable.\n\
                    Japan's Finance Ministry said it was watching the market.\n\
                    The U.S. Treasury said it would sell bills next week.";
        let attributions = find_attributions(body);
        let resolved = resolve(body, &attributions);
        let mut speakers = resolved.speakers.clone();
        qualify_national_bodies(&mut speakers, &mut [], Some("Japan"));
        let names: Vec<&str> = speakers.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Finance Ministry (Japan)",
                "Finance Ministry (The Netherlands)",
                "Finance Ministry (Japan)",
                "Treasury (United States)"
            ]
        );
    }

    #[test]
    fn owners_places_and_suffixes_come_off_names() {
        let found =
            speakers("In December the Brookehill Group in New York said it held a 9.7 pct stake.");
        assert_eq!(name_of(&found[0]), Some("Brookehill Group"));
        let found = speakers("Canaccord’s Reynolds said the shares were cheap for now.");
        assert_eq!(
            found[0],
            Some((
                "Reynolds".into(),
                Some("Canaccord’s".into()),
                SpeakerKind::Person
            ))
        );
        let found =
            speakers("Indonesian Minister of Mines and Energy Subroto said output would rise.");
        assert_eq!(name_of(&found[0]), Some("Subroto"));
        let body = "The meeting involved Donald Trump Jr. and other advisers.\n\
                    In a statement on Sept. 7, Trump, Jr. said the meeting was short and dull.";
        assert_eq!(name_of(&speakers(body)[0]), Some("Donald Trump Jr."));
        let found = speakers("Eventually Chrysler said it would keep the plant open.");
        assert_eq!(name_of(&found[0]), Some("Chrysler"));
    }

    #[test]
    fn what_speaks_for_an_organisation_is_the_organisation() {
        let found = speakers("Morgan Stanley analysts wrote that rates would rise soon.");
        assert_eq!(
            found[0],
            Some((
                "Morgan Stanley".into(),
                Some("analysts".into()),
                SpeakerKind::Organisation
            ))
        );
        let found = speakers(
            "The figures were wrong, according to a Government Accountability Office report.",
        );
        assert_eq!(name_of(&found[0]), Some("Government Accountability Office"));
        assert_eq!(
            speakers("U.S. officials said the talks had failed again.")[0],
            None
        );
        let body = "The Washington Post reported on Friday that the words were banned.\n\
                    The newspaper said the list was given to analysts.\n\
                    The Post said officials were told to avoid the words.";
        let found = speakers(body);
        assert_eq!(name_of(&found[1]), Some("Washington Post"));
        assert_eq!(name_of(&found[2]), Some("Washington Post"));
    }

    #[test]
    fn a_given_name_missing_from_the_census_stays_in_the_name() {
        let found = speakers("Irish Lions coach Clive Woodward said the race was open.");
        assert_eq!(
            found[0],
            Some((
                "Clive Woodward".into(),
                Some("Irish Lions coach".into()),
                SpeakerKind::Person
            ))
        );
    }

    #[test]
    fn an_age_stands_for_the_person_given_it() {
        let found = speakers(
            "Tiffany Trump, 22, spoke first. Mary Jones (46) followed. \
             “He is a leader,” said the 22-year-old. The 46-year-old said she would run.",
        );
        let names: Vec<_> = found.iter().map(name_of).collect();
        assert_eq!(
            names,
            [Some("Tiffany Trump"), Some("Mary Jones")],
            "{found:?}"
        );
        // No one of that age: no one.
        let found = speakers("Ann Lee, 30, spoke. The 46-year-old said she would run.");
        assert_eq!(name_of(&found[0]), None, "{found:?}");
    }

    #[test]
    fn a_personal_title_and_a_place_after_the_name() {
        assert_eq!(
            name_of(&speakers("Lawyer Balber also said the meeting was short.")[0]),
            Some("Balber")
        );
        let found = speakers("“He is principled,” said Senator Mike Rounds of South Dakota.");
        assert_eq!(
            found[0],
            Some((
                "Mike Rounds".into(),
                Some("Senator of South Dakota".into()),
                SpeakerKind::Person
            ))
        );
        // A body is no title: "Police Scotland" stays whole.
        assert_eq!(
            name_of(&speakers("Police Scotland said the road was closed.")[0]),
            Some("Police Scotland")
        );
    }

    #[test]
    fn a_law_named_in_a_quotation_is_no_he() {
        let found = speakers(
            "Mr Hockney wrote to the men. “The Greater London Act is clear on this,” the letter \
             said. He said Mr Hulme-Cross and himself had no intention of resigning.",
        );
        assert_ne!(
            name_of(found.last().unwrap()),
            Some("Greater London Act"),
            "{found:?}"
        );
    }

    #[test]
    fn they_after_an_organisation_that_just_spoke() {
        let found =
            speakers("Nationwide said house prices rose in May. They said demand was strong.");
        assert_eq!(name_of(&found[1]), Some("Nationwide"), "{found:?}");
        // Not after a person, nor far away.
        let found = speakers(
            "Nationwide said prices rose in May. Ann Lee said it was odd. They said demand was strong.",
        );
        assert_eq!(name_of(&found[2]), None, "{found:?}");
        let found = speakers(
            "Nationwide said prices rose in May.\n\nMany buyers waited. They said demand was strong.",
        );
        assert_eq!(name_of(&found[1]), None, "{found:?}");
    }

    #[test]
    fn a_party_member_is_no_name() {
        let found = speakers("The top U.S. Senate Democrat said the bill would fail.");
        assert_eq!(name_of(&found[0]), None, "{found:?}");
        let found =
            speakers("The bill is dead for this year, a spokesman for the Republican said.");
        assert_eq!(name_of(&found[0]), None, "{found:?}");
        let found = speakers(
            "The No. 2 Republican in the U.S. House said on Tuesday the House would vote again.",
        );
        assert_eq!(name_of(&found[0]), None, "{found:?}");
        let found = speakers("Johnson, a Republican, said the House would vote again on it.");
        assert_eq!(name_of(&found[0]), Some("Johnson"), "{found:?}");
        let found = speakers("The Republican said the House would vote again on the bill.");
        assert_eq!(name_of(&found[0]), None, "{found:?}");
        // A name with a given name stays a name.
        let found = speakers("Republican Roy Moore said the bill would fail.");
        assert_eq!(name_of(&found[0]), Some("Roy Moore"), "{found:?}");
    }

    #[test]
    fn a_persons_administration_or_campaign_speaks() {
        let found =
            speakers("The Trump administration has said it will cut the number of refugees.");
        assert_eq!(
            name_of(&found[0]),
            Some("Trump administration"),
            "{found:?}"
        );
        let found = speakers("The Clinton campaign said it would respond soon to the claims.");
        assert_eq!(name_of(&found[0]), Some("Clinton campaign"), "{found:?}");
        let found = speakers("The American administration said it would respond to the claims.");
        assert_ne!(
            name_of(&found[0]),
            Some("American administration"),
            "{found:?}"
        );
    }

    #[test]
    fn a_firm_whose_name_ends_in_s() {
        let found = speakers("Moody’s said providers would tread lightly for now.");
        assert_eq!(
            found[0],
            Some(("Moody's".into(), None, SpeakerKind::Organisation)),
            "{found:?}"
        );
    }

    #[test]
    fn an_owner_and_its_people_speak_for_it() {
        let found = speakers(
            "Senator Thad Cochran is ill. Cochran’s office said the senator is in Washington and will vote.",
        );
        assert_eq!(name_of(&found[0]), Some("Thad Cochran"), "{found:?}");
        let found = speakers(
            "Opera said it would launch a new browser soon. It will be the most accessible \
             browser on the market, according to its authors. The company says that it is fast.",
        );
        assert_eq!(name_of(&found[1]), Some("Opera"), "{found:?}");
        assert_eq!(name_of(&found[2]), Some("Opera"), "{found:?}");
    }

    #[test]
    fn a_role_with_a_place_is_the_holder_from_there() {
        let found = speakers(
            "Republican Senator Ron Johnson of Wisconsin voted against the bill. Senator Marco \
             Rubio of Florida voted for it. The Wisconsin senator has said he wants changes to it.",
        );
        assert_eq!(name_of(&found[0]), Some("Ron Johnson"), "{found:?}");
        let found = speakers(
            "Senator Marco Rubio of Florida voted for it. The Utah senator has said he wants \
             changes to it.",
        );
        assert_eq!(name_of(&found[0]), None, "{found:?}");
    }

    #[test]
    fn a_partys_member_from_a_state_is_the_one_the_article_names() {
        // The state goes unsaid near his name; he is the one Republican.
        let found = speakers(
            "Republican Representative Blake Farenthold said he would not run again. The Texas \
             Republican denied the allegations of harassment.",
        );
        assert_eq!(name_of(&found[1]), Some("Blake Farenthold"), "{found:?}");
        // A party's tag after the name says the party too.
        let found = speakers(
            "Senator Tina Smith (D-Minn.) voted for it. The Democrat said the bill was fair.",
        );
        assert_eq!(name_of(&found[0]), Some("Tina Smith"), "{found:?}");
        // Of two Republicans, neither said to be from Texas: no one.
        let found = speakers(
            "Republican Senator John Roe spoke first. Republican Senator Mike Lee spoke next. \
             The Texas Republican said the inquiry was over.",
        );
        assert_eq!(name_of(&found[0]), None, "{found:?}");
    }

    #[test]
    fn an_ordinal_before_a_courts_name_is_part_of_it() {
        let found = speakers("The 4th U.S. Circuit Court of Appeals said the ban was unlawful.");
        assert_eq!(
            name_of(&found[0]),
            Some("4th U.S. Circuit Court of Appeals"),
            "{found:?}"
        );
        let found = speakers("The Richmond-based 4th Circuit said the policy was unlawful.");
        assert_eq!(name_of(&found[0]), Some("4th Circuit"), "{found:?}");
    }

    #[test]
    fn the_airline_is_the_firm_the_article_named_by_its_trade() {
        let found = speakers(
            "German airline Lufthansa has returned to profit. In a report, the airline announced \
             net profits of 400m euros. The company said that it will give the details in March.",
        );
        assert_eq!(name_of(&found[0]), Some("Lufthansa"), "{found:?}");
        assert_eq!(name_of(&found[1]), Some("Lufthansa"), "{found:?}");
    }

    #[test]
    fn a_document_speaks_for_who_issued_or_filed_it() {
        let found = speakers(
            "NEW YORK (Reuters) - The Executive Office for Immigration Review issued new guidance \
             on Friday. The memo says judges must remain impartial.",
        );
        assert_eq!(
            name_of(&found[0]),
            Some("Executive Office for Immigration Review"),
            "{found:?}"
        );
        let found = speakers(
            "The Justice Department filed a motion on Monday. The filing says the ruling should \
             be reversed.",
        );
        assert_eq!(name_of(&found[0]), Some("Justice Department"), "{found:?}");
    }

    #[test]
    fn the_company_is_the_firm_its_spokesman_spoke_for() {
        let found = speakers(
            "“We are checking,” said Michael Lamberty, a Lufthansa spokesman. The company said \
             it had to cancel 77 flights.",
        );
        assert_eq!(name_of(&found[1]), Some("Lufthansa"), "{found:?}");
        assert_eq!(
            firm_in_role("spokeswoman for Commerzbank AG").as_deref(),
            Some("Commerzbank AG")
        );
        assert_eq!(firm_in_role("chief economist"), None);
    }

    #[test]
    fn a_gerund_opening_a_sentence_is_no_given_name() {
        let found = speakers(
            "Doug Jones won the seat. Seating Jones will narrow the majority. In a statement, \
             Jones called his victory a new chapter for the state.",
        );
        assert_eq!(name_of(&found[0]), Some("Doug Jones"), "{found:?}");
    }

    #[test]
    fn sources_within_a_body_are_anonymous_insiders() {
        let found = speakers(
            "Sources within the Conservative Party said the plan would be dropped. Sources \
             close to Prime Minister Tony Blair said he was angry about the leak.",
        );
        assert_eq!(name_of(&found[0]), None, "{found:?}");
        assert_eq!(name_of(&found[1]), None, "{found:?}");
    }

    #[test]
    fn they_after_a_body_spoke_at_the_end_of_the_paragraph_before() {
        let found = speakers(
            "Despite their backing, the Conservatives insisted they would hold ministers to \
             account.\n\nThey said they would also press Labour over the costs of the scheme.",
        );
        assert_eq!(name_of(&found[1]), name_of(&found[0]), "{found:?}");
        assert!(name_of(&found[1]).is_some(), "{found:?}");
    }

    #[test]
    fn a_person_named_in_what_the_speaker_said_is_not_the_next_he() {
        let found = speakers(
            "President Reagan said the United States would offer a treaty. Reagan also said he \
             was summoning Ambassador Max Kampelman home for talks. He said they would return \
             to Geneva.",
        );
        assert_eq!(name_of(&found[2]), name_of(&found[1]), "{found:?}");
    }

    #[test]
    fn a_person_named_inside_a_quotation_is_not_the_next_he() {
        let found = speakers(
            "Dick Morris said the party would grow. And Mr Morris despatches his rival with \
             a soundbite. \"Robert Kilroy Silk is not a team player.\" \"Look, we are not going \
             to form the next government,\" he said.",
        );
        let last = found.last().unwrap();
        assert_eq!(name_of(last), Some("Dick Morris"), "{found:?}");
        // A surname after the conjunction that opens the sentence.
        let found = speakers(
            "Singer Mark Morrison vowed to ignore the order. Kevin Campbell, the label's boss, \
             was upset. Mr Campbell said: \"Now Mark Morrison has spoilt that dream for me.\"\n\nBut \
             Morrison is determined the album will be released. He said: \"The injunction is \
             ludicrous.\"",
        );
        assert_eq!(
            name_of(found.last().unwrap()),
            Some("Mark Morrison"),
            "{found:?}"
        );
        let curly = "a “b c” d “e";
        assert!(inside_quotation(curly, curly.find('b').unwrap()));
        assert!(!inside_quotation(curly, curly.find('d').unwrap()));
        assert!(inside_quotation(curly, curly.find('e').unwrap()));
        let straight = "\"x\" y \"z\n\"w\" v";
        assert!(!inside_quotation(straight, straight.find('y').unwrap()));
        assert!(inside_quotation(straight, straight.find('z').unwrap()));
        assert!(!inside_quotation(straight, straight.find('v').unwrap()));
        // A quotation re-opened before it was closed.
        let reopened = "\"It is new. \"We are here,\" he added. But Julie Howell doubts it.";
        assert!(inside_quotation(reopened, reopened.find("We").unwrap()));
        assert!(!inside_quotation(reopened, reopened.find("Julie").unwrap()));
    }

    #[test]
    fn an_organisation_named_with_joined_words_speaks_whole() {
        let found =
            speakers("A U.S. Customs and Border Protection spokeswoman said the plan works.");
        assert_eq!(
            name_of(&found[0]),
            Some("U.S. Customs and Border Protection"),
            "{found:?}"
        );
        let found = speakers("A Bank of England spokesman said the plan works.");
        assert_eq!(name_of(&found[0]), Some("Bank of England"), "{found:?}");
        let found = speakers(
            "The Environmental Protection Agency (EPA), in a statement, said the plan works.",
        );
        assert_eq!(
            name_of(&found[0]),
            Some("Environmental Protection Agency"),
            "{found:?}"
        );
    }

    #[test]
    fn a_statement_speaks_for_whoever_made_it() {
        let found = speakers(
            "Renault said in a statement that the deal was done. The statement said Chrysler \
             will pay 200 mln dlrs for the stake.",
        );
        assert_eq!(name_of(&found[1]), Some("Renault"), "{found:?}");
        // A named owner's document.
        let found = speakers("Acme Corp's annual report said sales rose sharply last year.");
        assert_eq!(name_of(&found[0]), Some("Acme Corp"), "{found:?}");
        assert_eq!(owners_document("Fusion's court document"), Some("Fusion"));
        assert_eq!(owners_document("the company's plan"), None);
    }

    #[test]
    fn an_ampersand_joins_one_firms_name() {
        let found = speakers("Accountancy firm Ernst & Young said the forecasts were too rosy.");
        assert_eq!(name_of(&found[0]), Some("Ernst & Young"), "{found:?}");
        let found = speakers("Johnson & Johnson said it would buy Guidant for 25 billion dollars.");
        assert_eq!(name_of(&found[0]), Some("Johnson & Johnson"), "{found:?}");
    }

    #[test]
    fn a_newspaper_is_no_fuller_name_of_the_club_it_is_named_after() {
        let found = speakers(
            "The Newcastle Evening Chronicle reported the club was upset. Newcastle said the \
             player would not be sold.",
        );
        assert_eq!(name_of(&found[1]), Some("Newcastle"), "{found:?}");
    }

    #[test]
    fn a_time_opening_the_sentence_is_no_role_and_a_body_s_role_gives_the_name_after_it() {
        let found = speakers("Last week Lord Goldsmith said the war was legal.");
        assert_eq!(
            found[0],
            Some(("Lord Goldsmith".into(), None, SpeakerKind::Person)),
            "{found:?}"
        );
        let found = speakers("The Sunday Express said its poll was conducted on Friday.");
        assert_eq!(name_of(&found[0]), Some("Sunday Express"), "{found:?}");
        let found = speakers(
            "The president of the American Council on Renewable Energy, Gregory Wetstone, \
             said the bill was fine.",
        );
        assert_eq!(name_of(&found[0]), Some("Gregory Wetstone"), "{found:?}");
        let found = speakers("Sources with ties to the White House said the plan was dead.");
        assert_eq!(name_of(&found[0]), None, "{found:?}");
    }

    #[test]
    fn his_office_and_a_government_s_motion_speak_for_their_owners() {
        let found = speakers(
            "The vote was complicated by Republican Senator John McCain's hospitalization. His \
             office said he looks forward to returning to work.",
        );
        assert_eq!(name_of(&found[0]), Some("John McCain"), "{found:?}");
        let found = speakers(
            "Canadian Energy Minister Marcel Masse will meet his counterpart, Neil Webber, his \
             office announced.",
        );
        assert_eq!(name_of(&found[0]), Some("Marcel Masse"), "{found:?}");
        let found = speakers(
            "The U.S. government's motion was filed in Boston. “The claims fail,” the motion \
             said.",
        );
        assert_eq!(name_of(&found[0]), Some("Government"), "{found:?}");
    }

    #[test]
    fn a_lawmaker_from_a_state_is_its_senator_or_representative() {
        let found = speakers(
            "Senator Marco Rubio of Florida pressed for a larger child tax credit. The Florida \
             lawmaker said the bill was unfair to working families.",
        );
        assert_eq!(name_of(&found[0]), Some("Marco Rubio"), "{found:?}");
    }

    #[test]
    fn the_governors_office_speaks_for_the_governor_the_article_names() {
        let found = speakers(
            "Indiana Governor Eric Holcomb met with Pence on Monday. The governor's office said \
             the plant would stay open.",
        );
        assert_eq!(name_of(&found[0]), Some("Eric Holcomb"), "{found:?}");
    }

    #[test]
    fn the_pontiff_is_the_pope_the_article_names() {
        let found = speakers(
            "Pope Francis visited the city on Sunday. The pontiff said tension would inflame \
             the conflict.",
        );
        assert_eq!(name_of(&found[0]), Some("Pope Francis"), "{found:?}");
    }

    #[test]
    fn a_document_from_someone_speaks_for_them() {
        let found = speakers(
            "Senator John McCain was taken to hospital. McCain, 81, will return to work soon, \
             a statement from his office said.",
        );
        assert_eq!(name_of(&found[0]), Some("John McCain"), "{found:?}");
        let found = speakers(
            "Acme Corp reported its results. Sales grew 5 percent last year, a statement from the \
             company said.",
        );
        assert_eq!(name_of(&found[0]), Some("Acme Corp"), "{found:?}");
        // Where a report was filed from is no one.
        let found = speakers("Indonesia hoped for a deal, a Reuter report from Jakarta said.");
        assert_ne!(name_of(&found[0]), Some("Jakarta"), "{found:?}");
        // The issuer spoke last: "the company" after it is the issuer.
        let found = speakers(
            "Monitoring firm Netcraft found that the campaign worked. In a statement from Lycos \
             Europe announcing the end of the scheme, the company denied that this was its fault.",
        );
        assert_eq!(
            name_of(found.last().unwrap()),
            Some("Lycos Europe"),
            "{found:?}"
        );
    }

    #[test]
    fn who_after_a_name_and_its_age_is_the_name() {
        let found = speakers(
            "It is a debut nomination for Imelda Staunton, 49, who told BBC News she had not \
             thought the film would appeal to voters.",
        );
        assert_eq!(name_of(&found[0]), Some("Imelda Staunton"), "{found:?}");
    }

    #[test]
    fn a_pronoun_opening_its_sentence_means_the_subject_before_by_surname_too() {
        let found = speakers(
            "Democrat Doug Jones beat Republican Roy Moore. Moore was a controversial candidate \
             whose campaign was beset by allegations. He denied the misconduct allegations.",
        );
        assert_eq!(
            name_of(found.last().unwrap()),
            Some("Roy Moore"),
            "{found:?}"
        );
        let found = speakers(
            "Minister Jim Wallace said the rise was small. Director David Caldwell said it \
             was large. Mr Wallace agreed and said the figures had to be looked at in context. He \
             explained that the number was not huge.",
        );
        assert_eq!(
            name_of(found.last().unwrap()),
            Some("Jim Wallace"),
            "{found:?}"
        );
    }

    #[test]
    fn a_person_named_in_what_a_pronoun_said_is_no_rival() {
        let found = speakers(
            "Labour campaign spokesman Fraser Kemp said the poster had been misunderstood. The \
             image simply portrayed Mr Howard as a hypnotist, he argued.",
        );
        assert_eq!(
            name_of(found.last().unwrap()),
            Some("Fraser Kemp"),
            "{found:?}"
        );
    }

    #[test]
    fn a_pronoun_means_the_person_named_again_last_as_a_subject() {
        let found = speakers(
            "The Office's Ricky Gervais is writing an episode of The Simpsons, following an \
             invitation from its creator Matt Groening.\n\nGervais has already begun writing the \
             script. \"I've got the rough idea,\" he said.",
        );
        assert_eq!(
            name_of(found.last().unwrap()),
            Some("Ricky Gervais"),
            "{found:?}"
        );
        // Named last, but not again since the other: a guess, so no one.
        let found = speakers(
            "Ricky Gervais is writing an episode, following an invitation from Matt Groening. \
             \"I've got the rough idea,\" he said.",
        );
        assert_eq!(name_of(found.last().unwrap()), None, "{found:?}");
        // A name inside a quotation is someone spoken of.
        let found = speakers(
            "Newcastle boss Graeme Souness is lining up a summer move for striker Michael \
             Owen.\n\nHe sees Owen as the ideal replacement for Alan Shearer, although he hopes \
             to persuade Shearer to carry on. \"Michael is in the category of players who would \
             excite the fans,\" he said.",
        );
        assert_ne!(
            name_of(found.last().unwrap()),
            Some("Michael Owen"),
            "{found:?}"
        );
    }

    #[test]
    fn a_lead_that_holds_back_the_name_is_the_next_sentences_person() {
        let found = speakers(
            "Scotland's first minister has told a group of pupils that it is okay to get drunk \
             \"once in a while\". Jack McConnell made the remarks at a school in Fort William.",
        );
        assert_eq!(name_of(&found[0]), Some("Jack McConnell"), "{found:?}");
        let found = speakers(
            "Chancellor Gordon Brown will meet his golden rule \"with a margin to spare\", \
             according to his former chief economic adviser. Formerly one of Mr Brown's closest \
             aides, Ed Balls hinted at a giveaway.",
        );
        assert_eq!(name_of(&found[0]), Some("Ed Balls"), "{found:?}");
        // Only in the lead: later, a description is no held-back name.
        let found = speakers(
            "Officials met on Monday. The top Republican in the House said on Wednesday that \
             Congress was working on reforms. Paul Ryan spoke to reporters.",
        );
        assert!(
            found.iter().all(|q| name_of(q) != Some("Paul Ryan")),
            "{found:?}"
        );
        let found = speakers(
            "Tony Blair has attacked the Tory plans.\n\nThe prime minister has told a rally that \
             the Tory policies would fail. Tory leader Michael Howard has said his party would \
             cut spending.",
        );
        assert_ne!(name_of(&found[0]), Some("Michael Howard"), "{found:?}");
        // The one who says the next sentence's quotation.
        let found = speakers(
            "The top Republican in the U.S. House of Representatives said on Wednesday that \
             Congress was working on reforms. \"That's among the things we're working on,\" House \
             Speaker Paul Ryan said in an interview.",
        );
        assert_eq!(name_of(&found[0]), Some("Paul Ryan"), "{found:?}");
    }

    #[test]
    fn an_office_holder_introduced_before_the_name_is_the_one_named_next() {
        let found = speakers(
            "A U.S. District Court judge ruled on Monday that the agency must act. U.S. District \
             Judge Tanya Chutkan issued the order late on Monday.",
        );
        assert_eq!(name_of(&found[0]), Some("Tanya Chutkan"), "{found:?}");
        // A judge named in what the role said is someone else.
        let found = speakers(
            "A U.S. District Court judge rejected a motion to disqualify Judge William Ingram \
             from the case.",
        );
        assert_eq!(name_of(&found[0]), None, "{found:?}");
        // An anonymous aide stays anonymous, whoever's aide comes next.
        let found = speakers(
            "“We would all like it to stop,” one senior aide said. Advisers talked of hiring \
             someone like Obama's political aide David Axelrod.",
        );
        assert_eq!(name_of(&found[0]), None, "{found:?}");
    }

    #[test]
    fn the_administration_is_the_one_the_articles_president_leads() {
        let found = speakers(
            "President Donald Trump signed the order on Monday. The administration said the rule \
             would take effect in March.",
        );
        assert_eq!(
            name_of(&found[0]),
            Some("Trump administration"),
            "{found:?}"
        );
        // A vice president leads no administration.
        let found = speakers(
            "Vice President Mike Pence spoke on Monday. The administration said the rule would \
             take effect in March.",
        );
        assert_eq!(name_of(&found[0]), None, "{found:?}");
    }

    #[test]
    fn his_administration_is_the_body_he_leads() {
        let found = speakers(
            "President Donald Trump signed the order on Monday. His administration said the rule \
             would take effect in March.",
        );
        assert_eq!(
            name_of(&found[0]),
            Some("Trump administration"),
            "{found:?}"
        );
    }

    #[test]
    fn an_owner_in_s_and_a_named_member_of_a_group() {
        let found = speakers(
            "Senator Susan Collins is undecided. Collins’ office said on Sunday that she was still \
             reviewing the bill.",
        );
        assert_eq!(name_of(&found[0]), Some("Susan Collins"), "{found:?}");
        let found = speakers(
            "Professor Darien Shanske teaches law. Shanske and other tax experts said the bill \
             would face challenges.",
        );
        assert_eq!(name_of(&found[0]), Some("Darien Shanske"), "{found:?}");
    }

    #[test]
    fn an_owner_in_an_apostrophe_goes_to_the_role() {
        let found = speakers(
            "Governor Asa Hutchinson spoke in Little Rock. Arkansas’ Hutchinson said the state \
             would act.",
        );
        assert_eq!(name_of(&found[0]), Some("Asa Hutchinson"), "{found:?}");
    }

    #[test]
    fn a_person_in_a_town_is_the_person() {
        let found = speakers(
            "Judge Haywood Gilliam in Oakland said the federal government likely did not follow \
             the law.",
        );
        assert_eq!(name_of(&found[0]), Some("Haywood Gilliam"), "{found:?}");
    }

    #[test]
    fn a_firm_by_its_trade_is_the_firm_the_article_names() {
        for (body, firm) in [
            (
                "Ryanair said it ordered 70 planes. The carrier said the deal was its largest.",
                "Ryanair",
            ),
            (
                "Volkswagen Group AG plans a plant in India. The German carmaker said it was only \
                 studying the idea.",
                "Volkswagen Group AG",
            ),
            (
                "Riggs Bank paid $8m to the victims. The bank said it regretted its conduct.",
                "Riggs Bank",
            ),
        ] {
            let found = speakers(body);
            assert_eq!(
                found.last().and_then(|s| name_of(s)),
                Some(firm),
                "{body}: {found:?}"
            );
        }
        // A lawmaker is a person, not a firm that makes laws.
        let found = speakers("Acme Corp cut jobs. The Florida lawmaker said he would ask why.");
        assert!(
            found.iter().all(|s| name_of(s) != Some("Acme Corp")),
            "{found:?}"
        );
    }

    #[test]
    fn an_interview_answer_is_the_interviewee_s() {
        let found = speakers(
            "Q&A with Vice President Joe Biden.\n\nVice President Joe Biden spoke with reporter \
             Jim Tankersley on Thursday. Biden defended Bernie Sanders.\n\nQ: Are you \
             surprised?\n\nA: It is a big mistake. Everybody is making it.\n\nQ: And \
             now?\n\nA: We will see what happens next week.",
        );
        let answers: Vec<Option<&str>> = found.iter().map(name_of).collect();
        assert!(
            !answers.is_empty() && answers.iter().all(|n| *n == Some("Joe Biden")),
            "{found:?}"
        );
    }

    #[test]
    fn a_sovereign_keeps_the_title_in_the_name() {
        let found = speakers(
            "Callista Gingrich presented her credentials to Pope Francis at the Vatican. The \
             pope has said the decision was wrong. He said last month that denying climate \
             change was a mistake.",
        );
        let names: Vec<Option<&str>> = found.iter().map(name_of).collect();
        assert_eq!(
            names,
            [Some("Pope Francis"), Some("Pope Francis")],
            "{found:?}"
        );
    }

    #[test]
    fn a_panel_or_a_court_is_the_body_the_article_named() {
        let found = speakers(
            "The probe into Blake Farenthold is being expanded to look into whether he lied \
             to the House Ethics Committee, the panel said on Thursday. The committee said \
             the announcement was no finding.",
        );
        let names: Vec<Option<&str>> = found.iter().map(name_of).collect();
        assert_eq!(
            names,
            [
                Some("House Ethics Committee"),
                Some("House Ethics Committee")
            ],
            "{found:?}"
        );
        // A day after the name is no part of it, nor where the body sits.
        let found = speakers(
            "The chairman of the House Appropriations Committee on Wednesday introduced a \
             bill. The panel said it would vote soon. The San Francisco-based US Court of \
             Appeals heard the case. The court said the networks were legal.",
        );
        let names: Vec<Option<&str>> = found.iter().map(name_of).collect();
        assert_eq!(
            names,
            [
                Some("House Appropriations Committee"),
                Some("US Court of Appeals")
            ],
            "{found:?}"
        );
        // With no body named, nobody.
        let found = speakers("The panel said the rules were clear.");
        assert_eq!(found.iter().map(name_of).collect::<Vec<_>>(), [None]);
    }

    #[test]
    fn an_embassy_is_named_by_its_country() {
        let found = speakers(
            "Callista Gingrich became ambassador. The U.S. embassy said the new ambassador \
             looks forward to working with the Holy See.",
        );
        assert_eq!(
            found.iter().map(name_of).collect::<Vec<_>>(),
            [Some("U.S. Embassy")]
        );
    }
}
