//! Who said it: source spans resolved to speakers within one article.
//!
//! - Titles and roles are split from names: `Foreign Minister Jean-Marc
//!   Ayrault` is Jean-Marc Ayrault, role Foreign Minister; so is `Ayrault,
//!   the foreign minister`.
//! - A surname alone (`Ayrault said`) resolves to the full name written
//!   anywhere in the article (the latest before it, else the first after).
//! - `he` and `she` resolve to the latest person speaker of compatible
//!   gender (gender is known from Mr./Mrs./Ms. or an earlier pronoun);
//!   `it` to the latest organisation; `who` to the name just before it.
//! - A role alone (`the minister said`) resolves to the person the article
//!   gives that role; `a spokesman`, `officials`, `they` stay unnamed.
//! - Countries and names with organisation words (`Russia`, `the
//!   Pentagon`, `Reuters`) are organisations; a titled office with no name
//!   (`the U.N. Special Envoy for Syria`) is a speaker of kind `role`.
//!
//! People who are only mentioned never become speakers: the list is built
//! from sources only.

use serde::Serialize;

use crate::extract::lexicon::{
    COUNTRIES, DETERMINERS, HONORIFICS, NOT_NAMES, ORGANISATION_WORDS, ROLE_HEADS, SOURCE_NOUNS,
};
use crate::extract::quotes::{Attribution, Span};
use crate::extract::tokens::{Kind, Tok, tokenize};

/// What kind of speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
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

/// A person named somewhere in the text.
#[derive(Debug, Clone)]
struct NameMention {
    name: String,
    role: Option<String>,
    start: usize,
    end: usize,
}

/// Speakers of an article and, per attribution, the index of its speaker.
#[derive(Debug, Clone, Default)]
pub struct Resolved {
    pub speakers: Vec<Speaker>,
    pub speaker_of: Vec<Option<usize>>,
}

/// Resolves every attribution's source to a speaker.
pub fn resolve(body: &str, attributions: &[Attribution]) -> Resolved {
    resolve_with_tokens(body, attributions, &tokenize(body))
}

/// [`resolve`], reusing the body's tokens (offsets into `body`).
pub fn resolve_with_tokens(body: &str, attributions: &[Attribution], tokens: &[Tok]) -> Resolved {
    let mut state = Resolver {
        body,
        tokens,
        names: std::cell::OnceCell::new(),
        resolved: Resolved::default(),
        genders: Vec::new(),
        last_person: Vec::new(),
        last_org: None,
    };
    for attribution in attributions {
        let speaker = match attribution.continues {
            Some(root) => state.resolved.speaker_of.get(root).copied().flatten(),
            None => attribution.source.and_then(|source| state.source(source)),
        };
        state.resolved.speaker_of.push(speaker);
    }
    state.resolved
}

struct Resolver<'a> {
    body: &'a str,
    tokens: &'a [Tok],
    /// Names in the text, found only when a source needs them.
    names: std::cell::OnceCell<Vec<NameMention>>,
    resolved: Resolved,
    genders: Vec<Option<Gender>>,
    /// Person speakers, most recent last.
    last_person: Vec<usize>,
    last_org: Option<usize>,
}

impl Resolver<'_> {
    fn names(&self) -> &[NameMention] {
        self.names
            .get_or_init(|| name_mentions(self.body, self.tokens))
    }

    fn source(&mut self, source: Span) -> Option<usize> {
        let text = source.text(self.body);
        let lower = text.to_lowercase();
        match lower.as_str() {
            "he" => return self.pronoun(Gender::Male, source),
            "she" => return self.pronoun(Gender::Female, source),
            "it" => {
                let org = self.last_org?;
                self.resolved.speakers[org].mentions.push(source);
                return Some(org);
            }
            "who" => {
                let antecedent = self
                    .names()
                    .iter()
                    .rev()
                    .find(|n| n.end <= source.start && source.start - n.end <= 3)?
                    .clone();
                return Some(self.add(
                    antecedent.name,
                    antecedent.role,
                    SpeakerKind::Person,
                    None,
                    source,
                ));
            }
            _ => {}
        }
        if PRONOUNS_UNNAMED.contains(&lower.as_str()) {
            return None;
        }
        let parsed = parse_source(text);
        match parsed {
            ParsedSource::Named { name, role, gender } => {
                if is_organisation(&name) {
                    let name = strip_article(&name);
                    let index = self.add(name, None, SpeakerKind::Organisation, None, source);
                    self.last_org = Some(index);
                    return Some(index);
                }
                let words: Vec<&str> = name.split_whitespace().collect();
                let (full, known_role) = if words.len() == 1 {
                    let lone = words[0].to_lowercase();
                    if SOURCE_NOUNS.has(&lone) || NOT_NAMES.has(&lone) {
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
                    let role = self
                        .names()
                        .iter()
                        .find(|n| n.name == name)
                        .and_then(|n| n.role.clone());
                    (name.clone(), role)
                };
                Some(self.add(
                    full,
                    role.or(known_role),
                    SpeakerKind::Person,
                    gender,
                    source,
                ))
            }
            ParsedSource::RoleOnly {
                role,
                definite,
                titled,
            } => {
                let head = role.split_whitespace().last()?.to_lowercase();
                if definite && let Some(holder) = self.holder_of(&head, source.start) {
                    let holder = holder.clone();
                    return Some(self.add(
                        holder.name,
                        holder.role,
                        SpeakerKind::Person,
                        None,
                        source,
                    ));
                }
                if titled && definite {
                    // An office ("the U.N. Special Envoy") or, with no role
                    // word, a body ("the Prohibition of Chemical Weapons").
                    let office = role
                        .split_whitespace()
                        .any(|w| ROLE_HEADS.has(&w.to_lowercase()));
                    let kind = if office {
                        SpeakerKind::Role
                    } else {
                        SpeakerKind::Organisation
                    };
                    return Some(self.add(role, None, kind, None, source));
                }
                None
            }
            ParsedSource::Vague => None,
        }
    }

    fn pronoun(&mut self, gender: Gender, source: Span) -> Option<usize> {
        // The latest speaker known to match, else the latest of unknown gender.
        let latest = |accept: &dyn Fn(Option<Gender>) -> bool| {
            self.last_person
                .iter()
                .rev()
                .copied()
                .find(|&i| accept(self.genders[i]))
        };
        let index = latest(&|g| g == Some(gender)).or_else(|| latest(&|g| g.is_none()))?;
        self.genders[index] = Some(gender);
        self.resolved.speakers[index].mentions.push(source);
        self.touch(index);
        Some(index)
    }

    /// The full name a lone surname refers to.
    fn full_name(&self, word: &str, at: usize) -> Option<&NameMention> {
        let word = strip_possessive(word);
        let matches = |n: &&NameMention| {
            n.name.split_whitespace().count() > 1
                && n.name
                    .split_whitespace()
                    .last()
                    .is_some_and(|last| last == word)
        };
        self.names()
            .iter()
            .filter(|n| n.start < at)
            .rfind(matches)
            .or_else(|| self.names().iter().find(matches))
            // Else a full name with the word anywhere in it ("Bush" in a
            // name that ends with a suffix).
            .or_else(|| {
                self.names().iter().find(|n| {
                    n.name.split_whitespace().count() > 1
                        && n.name.split_whitespace().any(|w| w == word)
                })
            })
    }

    /// The person the article gives a role with this head word.
    fn holder_of(&self, head: &str, at: usize) -> Option<&NameMention> {
        let holds = |n: &&NameMention| {
            n.role
                .as_ref()
                .is_some_and(|r| r.to_lowercase().split_whitespace().any(|w| w == head))
        };
        self.names()
            .iter()
            .filter(|n| n.start < at)
            .rfind(holds)
            .or_else(|| self.names().iter().find(holds))
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
                self.resolved.speakers.len() - 1
            }
        };
        if gender.is_some() {
            self.genders[index] = gender;
        }
        if kind == SpeakerKind::Person {
            self.touch(index);
        }
        index
    }

    fn touch(&mut self, index: usize) {
        self.last_person.retain(|&i| i != index);
        self.last_person.push(index);
    }
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
    RoleOnly {
        role: String,
        /// "the minister" (definite) rather than "a spokesman".
        definite: bool,
        /// Capitalised: "the U.N. Special Envoy for Syria".
        titled: bool,
    },
    Vague,
}

fn parse_source(text: &str) -> ParsedSource {
    // "Ayrault, the foreign minister": name, then role.
    if let Some((name_part, role_part)) = text.split_once(',') {
        let mut role = strip_determiner(role_part.trim());
        // "X, who has fished here for thirty years": not a role.
        if role.starts_with("who ")
            || role.starts_with("whose ")
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
    let first_lower = first.to_lowercase();
    let definite = matches!(first_lower.as_str(), "the" | "this" | "that")
        || first_lower.ends_with("’s")
        || first_lower.ends_with("'s");
    let content: Vec<&str> = words
        .iter()
        .copied()
        .skip_while(|w| DETERMINERS.has(&w.to_lowercase()))
        .collect();
    if content.is_empty() {
        return ParsedSource::Vague;
    }
    let gender = content
        .iter()
        .find_map(|w| match w.to_lowercase().trim_end_matches('.') {
            "mr" | "sir" | "lord" | "king" | "prince" => Some(Gender::Male),
            "mrs" | "ms" | "miss" | "dame" | "lady" | "queen" | "princess" => Some(Gender::Female),
            _ => None,
        });
    // The last role word that a capitalised name follows ends the title.
    let split = content
        .iter()
        .enumerate()
        .filter(|(i, w)| {
            ROLE_HEADS.has(&w.to_lowercase())
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
                    content[content.len() - 2].to_lowercase().as_str(),
                    "for" | "of" | "at" | "in" | "on" | "to" | "from" | "with" | "and"
                )) =>
        {
            content.split_at(content.len() - tail)
        }
        None => (&content[..], &[]),
    };
    // After a role phrase, a person's name is its last two words (three with
    // an initial or particle): "State Secretary for European Affairs Nina
    // Kralj" is Nina Kralj. Without a role phrase all capitalised words
    // stay ("Martin Luther King").
    let (role_words, name_words): (Vec<&str>, &[&str]) = {
        let has_role = !role_words.is_empty();
        let keep = match name_words {
            [.., a, _, _] if is_initial_or_particle(a) => 3,
            [.., _, b, _] if is_initial_or_particle(b) => 3,
            _ => 2,
        };
        if has_role && name_words.len() > keep {
            let cut = name_words.len() - keep;
            let mut role: Vec<&str> = role_words.to_vec();
            role.extend_from_slice(&name_words[..cut]);
            (role, &name_words[cut..])
        } else {
            (role_words.to_vec(), name_words)
        }
    };
    // Honorifics and post-nominals are not part of the name: "Mr Blair",
    // "Guy Mansfield QC", "Frank Field MP".
    let name_words: Vec<&str> = name_words
        .iter()
        .copied()
        .filter(|w| !HONORIFICS.has(&w.to_lowercase()))
        .filter(|w| !matches!(*w, "QC" | "KC" | "MP" | "MEP" | "MSP" | "AM" | "MLA"))
        .collect();
    if name_words.is_empty() || name_words.iter().all(|w| ROLE_HEADS.has(&w.to_lowercase())) {
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
    if name_words.len() == 1 && SOURCE_NOUNS.has(&last) {
        return ParsedSource::Vague;
    }
    let role = (!role_words.is_empty()).then(|| role_words.join(" "));
    ParsedSource::Named { name, role, gender }
}

fn is_initial_or_particle(word: &str) -> bool {
    PARTICLES.contains(&word.to_lowercase().as_str())
        || (word.len() <= 2 && word.ends_with('.'))
        || word.len() == 1
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn is_name_word(word: &str) -> bool {
    is_capitalised(word) || PARTICLES.contains(&word)
}

/// Lower-case words inside names: "Bashar al-Assad" keeps its hyphen, but
/// "Ursula von der Leyen" and "Charles de Gaulle" need these.
const PARTICLES: &[&str] = &[
    "de", "da", "di", "du", "del", "della", "der", "den", "van", "von", "le", "la", "bin", "ibn",
    "al", "el", "dos", "das", "y",
];

fn is_organisation(name: &str) -> bool {
    let lower = name.to_lowercase();
    let lower = lower.trim_start_matches("the ");
    COUNTRIES.has(lower)
        || lower
            .split_whitespace()
            .any(|w| ORGANISATION_WORDS.has(w.trim_end_matches("’s").trim_end_matches("'s")))
        || names_a_government(name)
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

fn strip_determiner(text: &str) -> &str {
    let lower = text.to_lowercase();
    for det in ["the ", "a ", "an "] {
        if lower.starts_with(det) {
            return &text[det.len()..];
        }
    }
    text
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
/// with the title before it split off as a role).
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
        let start = i;
        i += 1;
        // A name is one run of words separated by single spaces.
        while i < tokens.len()
            && is_part(&tokens[i])
            && body[tokens[i - 1].end..tokens[i].start] == *" "
        {
            i += 1;
        }
        let run = &tokens[start..i];
        // A name has two capitalised words at least.
        let capitals = run.iter().filter(|t| is_capitalised(t.text(body))).count();
        if capitals < 2 {
            continue;
        }
        let words: Vec<&str> = run.iter().map(|t| t.text(body)).collect();
        if let ParsedSource::Named { name, role, .. } = parse_source(&words.join(" "))
            && name.split_whitespace().count() >= 2
            && !is_organisation(&name)
            && !NOT_NAMES.has(&name.split_whitespace().next().unwrap_or("").to_lowercase())
        {
            let offset = words.iter().position(|w| name.starts_with(w)).unwrap_or(0);
            out.push(NameMention {
                name,
                role,
                start: run[offset].start,
                end: run[run.len() - 1].end,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::quotes::find_attributions;

    /// (speaker name, role, kind) per attribution.
    fn speakers(body: &str) -> Vec<Option<(String, Option<String>, SpeakerKind)>> {
        let attributions = find_attributions(body);
        let resolved = resolve(body, &attributions);
        resolved
            .speaker_of
            .iter()
            .map(|s| {
                s.map(|i| {
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
    fn surnames_resolve_to_the_full_name() {
        let body = "Foreign Minister Jean-Marc Ayrault spoke in Paris.\n\
                    A meeting will take place in Paris soon, Ayrault said.";
        let found = speakers(body);
        assert_eq!(name_of(&found[0]), Some("Jean-Marc Ayrault"));
    }

    #[test]
    fn pronouns_resolve_to_the_latest_compatible_speaker() {
        let body = "“We are ready,” Marta Kowalczyk said.\n\
                    “It is late,” Daniel Okafor said.\n\
                    “And we will act,” she added.";
        let found = speakers(body);
        assert_eq!(
            name_of(&found[2]),
            Some("Daniel Okafor"),
            "gender unknown: latest person"
        );
        let body = "“We are ready,” Mrs. Marta Kowalczyk said.\n\
                    “It is late,” Daniel Okafor said.\n\
                    “And we will act,” she added.";
        assert_eq!(name_of(&speakers(body)[2]), Some("Marta Kowalczyk"));
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
}
