//! One name per entity across the corpus: the name table and the pass that
//! applies it (issue 15; the design, its rules and its cost are in
//! docs/NAMES.md).
//!
//! Extraction is local to one article: "Reagan said" in a story that never
//! gives his first name stays "Reagan", and "Chrysler Corp" in one story is
//! "Chrysler" in the next. The index needs one value per entity, or its
//! speaker facet splits people and companies in two. So every article keeps
//! its own names in `speaker_key` (with their kinds, and the acronyms it
//! defines), and after each ingest run this module
//!
//! 1. reads those keys (a fast column; no stored document is opened),
//! 2. builds the [`NameTable`]: people by full name and surname, with the
//!    years and sources that name them; organisations grouped by their name
//!    without company suffix, case and periods, by the aliases in
//!    `data/speaker_aliases.tsv` and by the acronyms articles define;
//! 3. rewrites the articles whose names the table changes (their
//!    `speaker_hash` differs): `speaker` holds the table's name, each once,
//!    `speaker_words` the other names too (so `speaker:"Lib Dems"` finds the
//!    Liberal Democrats), and each quote its speakers' new names.
//!
//! The table is a function of the set of articles alone, so a corpus
//! indexed in three runs gets the same names as one indexed at once.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::{Arc, LazyLock};

use rustc_hash::FxHashMap;

use tantivy::schema::OwnedValue;
use tantivy::{DocAddress, IndexWriter, TantivyDocument, Term};

use crate::error::Result;
use crate::extract::lexicon::LEGAL_FORMS;
use crate::extract::speakers::SpeakerKind;
use crate::index::NewsIndex;
use crate::index::document::{FastValues, rebuild_document};
use crate::index::in_flight::{InFlight, TicketedDoc};
use crate::index::schema::NewsSchema;

/// One value of `speaker_key`: a speaker as the article names it, or an
/// acronym the article defines.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SpeakerKey {
    /// A speaker; a person's role as the article gives it ("Treasury
    /// Secretary"), which tells namesakes apart.
    Speaker {
        kind: SpeakerKind,
        name: String,
        role: Option<String>,
    },
    Acronym {
        short: String,
        long: String,
    },
}

impl SpeakerKey {
    /// `person\tRonald Reagan\tPresident`, `organisation\tChrysler Corp`,
    /// `acronym\tONS\tOffice for National Statistics`.
    pub fn encode(&self) -> String {
        match self {
            SpeakerKey::Speaker {
                kind,
                name,
                role: Some(role),
            } => format!("{}\t{name}\t{role}", kind_name(*kind)),
            SpeakerKey::Speaker { kind, name, .. } => format!("{}\t{name}", kind_name(*kind)),
            SpeakerKey::Acronym { short, long } => format!("acronym\t{short}\t{long}"),
        }
    }

    pub fn decode(text: &str) -> Option<SpeakerKey> {
        let mut parts = text.split('\t');
        let kind = parts.next()?;
        let name = parts.next()?.to_string();
        let third = parts.next().map(str::to_string);
        let kind = match kind {
            "acronym" => {
                return Some(SpeakerKey::Acronym {
                    short: name,
                    long: third?,
                });
            }
            "person" => SpeakerKind::Person,
            "organisation" => SpeakerKind::Organisation,
            "role" => SpeakerKind::Role,
            _ => return None,
        };
        Some(SpeakerKey::Speaker {
            kind,
            name,
            role: third,
        })
    }
}

fn kind_name(kind: SpeakerKind) -> &'static str {
    match kind {
        SpeakerKind::Person => "person",
        SpeakerKind::Organisation => "organisation",
        SpeakerKind::Role => "role",
    }
}

/// The name the corpus gives a speaker, and its other names.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Named {
    pub name: String,
    /// Other names of the same entity in the corpus whose words differ
    /// from `name`'s: what `speaker:` queries must also find.
    pub aliases: Vec<String>,
}

impl Named {
    /// A name as it is, with no other.
    pub fn itself(name: &str) -> Named {
        Named {
            name: name.to_string(),
            aliases: Vec::new(),
        }
    }
}

/// What the table needs of one article.
#[derive(Debug, Clone, Default)]
pub struct ArticleNames {
    pub keys: Vec<SpeakerKey>,
    pub year: Option<i32>,
    pub source: Option<String>,
}

/// How far (years) outside the span in which the corpus names a person a
/// surname alone may still mean them: "Johnson" in 1965 and in 2019 are two
/// people.
const YEARS_AROUND: i32 = 2;

/// How many times more articles the likeliest full name must have than the
/// next before a surname alone is taken for it.
const DOMINANCE: u32 = 10;

/// A person, as the corpus names them in full.
#[derive(Debug, Default)]
struct Person {
    /// Written forms ("George W. Bush", "George W Bush") and their articles.
    forms: HashMap<String, u32>,
    articles: u32,
    years: Option<(i32, i32)>,
    sources: HashSet<String>,
    /// Words of the roles the corpus gives them ("treasury", "secretary").
    role_words: HashSet<String>,
    /// The form shown, once the table is built.
    name: String,
}

impl Person {
    fn canonical(&self) -> &str {
        if self.name.is_empty() {
            most_used(&self.forms)
        } else {
            &self.name
        }
    }

    fn covers(&self, year: Option<i32>) -> bool {
        match (year, self.years) {
            (Some(year), Some((first, last))) => {
                first - YEARS_AROUND <= year && year <= last + YEARS_AROUND
            }
            _ => true,
        }
    }
}

/// The corpus-wide name table.
#[derive(Debug, Default)]
pub struct NameTable {
    /// Full names (two words or more) by their key.
    people: HashMap<String, Person>,
    /// Surname → keys of the people with it.
    surnames: HashMap<String, Vec<String>>,
    /// Organisation key → its group.
    org_group: HashMap<String, usize>,
    /// Per group: its name and its other names.
    groups: Vec<Named>,
}

/// The organisation aliases newsdex ships (`data/speaker_aliases.tsv`):
/// its lines, and the line of each name's key.
struct Shipped {
    lines: Vec<Vec<&'static str>>,
    line_of: HashMap<String, usize>,
}

static ALIASES: LazyLock<Shipped> = LazyLock::new(|| {
    let lines: Vec<Vec<&'static str>> = include_str!("../../data/speaker_aliases.tsv")
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .map(|line| line.split('\t').map(str::trim).collect())
        .collect();
    let mut line_of = HashMap::new();
    for (i, line) in lines.iter().enumerate() {
        for name in line {
            line_of.entry(org_key(name)).or_insert(i);
        }
    }
    Shipped { lines, line_of }
});

/// Every article's names, counted: how many articles name each speaker
/// key in each year and under each source. The table depends on nothing
/// else, so this is all an ingest run keeps of the articles it has seen
/// (500,000 articles' names as a list of strings took hundreds of MB).
#[derive(Debug, Default)]
pub struct NameCounts {
    /// Each distinct key once; `counts` refers to them by position.
    keys: Vec<Arc<SpeakerKey>>,
    key_ids: FxHashMap<Arc<SpeakerKey>, u32>,
    sources: Vec<Arc<str>>,
    source_ids: FxHashMap<Arc<str>, u32>,
    /// (key, year, source) → articles that name the key.
    counts: FxHashMap<(u32, Option<i32>, Option<u32>), u32>,
    articles: usize,
}

impl NameCounts {
    /// Counts one more article.
    pub fn add(&mut self, article: &ArticleNames) {
        let ids: Vec<u32> = article.keys.iter().map(|k| self.key_id(k)).collect();
        let source = article.source.as_deref().map(|s| self.source_id(s));
        self.add_ids(ids, article.year, source);
    }

    /// Counts an article by the ids of its keys (each counted once).
    fn add_ids(&mut self, mut ids: Vec<u32>, year: Option<i32>, source: Option<u32>) {
        ids.sort_unstable();
        ids.dedup();
        for id in ids {
            *self.counts.entry((id, year, source)).or_default() += 1;
        }
        self.articles += 1;
    }

    fn key_id(&mut self, key: &SpeakerKey) -> u32 {
        if let Some(&id) = self.key_ids.get(key) {
            return id;
        }
        let id = self.keys.len() as u32;
        let key = Arc::new(key.clone());
        self.keys.push(Arc::clone(&key));
        self.key_ids.insert(key, id);
        id
    }

    fn source_id(&mut self, source: &str) -> u32 {
        if let Some(&id) = self.source_ids.get(source) {
            return id;
        }
        let id = self.sources.len() as u32;
        let source: Arc<str> = Arc::from(source);
        self.sources.push(Arc::clone(&source));
        self.source_ids.insert(source, id);
        id
    }

    fn key(&self, id: u32) -> &SpeakerKey {
        &self.keys[id as usize]
    }

    fn source(&self, id: u32) -> &str {
        &self.sources[id as usize]
    }

    /// Articles counted.
    pub fn articles(&self) -> usize {
        self.articles
    }
}

impl NameTable {
    /// The table of a list of articles.
    pub fn build<'a>(articles: impl IntoIterator<Item = &'a ArticleNames>) -> NameTable {
        let mut counts = NameCounts::default();
        for article in articles {
            counts.add(article);
        }
        NameTable::from_counts(&counts)
    }

    /// The table of the articles `counts` has counted.
    pub fn from_counts(counts: &NameCounts) -> NameTable {
        let mut table = NameTable::default();
        // Organisation forms and the articles that use each.
        let mut org_forms: HashMap<String, HashMap<String, u32>> = HashMap::new();
        let mut links: Vec<(String, String)> = Vec::new();
        // Single words written as people: they may be a company ("Chrysler
        // said") when nothing else claims them.
        let mut lone_words: HashMap<String, HashMap<String, u32>> = HashMap::new();
        for (&(key, year, source), &articles) in &counts.counts {
            let key = counts.key(key);
            let source = source.map(|s| counts.source(s));
            match key {
                SpeakerKey::Speaker {
                    kind: SpeakerKind::Person,
                    name,
                    role,
                } if name.split_whitespace().count() >= 2 => {
                    let person = table.people.entry(person_key(name)).or_default();
                    person
                        .role_words
                        .extend(role.iter().flat_map(|r| role_words(r)));
                    *person.forms.entry(name.clone()).or_default() += articles;
                    person.articles += articles;
                    if let Some(year) = year {
                        person.years = Some(match person.years {
                            Some((a, b)) => (a.min(year), b.max(year)),
                            None => (year, year),
                        });
                    }
                    if let Some(source) = source
                        && !person.sources.contains(source)
                    {
                        person.sources.insert(source.to_string());
                    }
                }
                SpeakerKey::Speaker {
                    kind: SpeakerKind::Person,
                    name,
                    ..
                } => count_form(&mut lone_words, name, articles),
                SpeakerKey::Speaker {
                    kind: SpeakerKind::Organisation,
                    name,
                    ..
                } => count_form(&mut org_forms, name, articles),
                SpeakerKey::Speaker { .. } => {}
                SpeakerKey::Acronym { short, long } => {
                    links.push((org_key(short), org_key(long)));
                }
            }
        }
        // Names written as people's that are organisations' elsewhere: a
        // single word no full name claims ("Chrysler" beside "Chrysler
        // Corp", "USDA" of the shipped aliases or an acronym an article
        // defines), or a name with no given name that names a company
        // with its suffix ("First Boston" beside "First Boston Corp.").
        let known: HashSet<String> = ALIASES
            .line_of
            .keys()
            .cloned()
            .chain(links.iter().map(|(short, _)| short.clone()))
            .collect();
        let claimed: HashSet<String> = table.people.keys().filter_map(|k| surname(k)).collect();
        for (key, forms) in lone_words {
            let company = org_forms.contains_key(&key) || known.contains(&key);
            if company && !claimed.contains(&key) {
                let entry = org_forms.entry(key).or_default();
                for (form, n) in forms {
                    *entry.entry(form).or_default() += n;
                }
            }
        }
        let companies: Vec<String> = table
            .people
            .iter()
            .filter(|(_, person)| {
                let name = person.canonical();
                let key = org_key(name);
                let first = name.split_whitespace().next().unwrap_or("");
                // Beside the same name with a company suffix, a "person" is
                // that company ("Morgan Guaranty", "Morgan Guaranty Ltd").
                let suffixed = org_forms.get(&key).is_some_and(|forms| {
                    forms
                        .keys()
                        .any(|f| f.split_whitespace().count() > name.split_whitespace().count())
                });
                suffixed
                    || (known.contains(&key)
                        && crate::extract::lexicon::given_name(first).is_none())
            })
            .map(|(key, _)| key.clone())
            .collect();
        for key in companies {
            if let Some(person) = table.people.remove(&key) {
                let entry = org_forms.entry(org_key(person.canonical())).or_default();
                for (form, n) in person.forms {
                    *entry.entry(form).or_default() += n;
                }
            }
        }
        for person in table.people.values_mut() {
            person.name = most_used(&person.forms).to_string();
        }
        let mut surnames: HashMap<String, Vec<String>> = HashMap::new();
        for key in table.people.keys() {
            if let Some(surname) = surname(key) {
                surnames.entry(surname).or_default().push(key.clone());
            }
        }
        for keys in surnames.values_mut() {
            keys.sort();
        }
        table.surnames = surnames;
        table.group_organisations(org_forms, links);
        table
    }

    /// Groups organisation keys: by the shipped aliases and the acronyms
    /// articles define. Only keys the corpus uses make a group.
    fn group_organisations(
        &mut self,
        forms: HashMap<String, HashMap<String, u32>>,
        links: Vec<(String, String)>,
    ) {
        let mut sets = UnionFind::default();
        for key in forms.keys() {
            sets.node(key);
        }
        for (key, &line) in &ALIASES.line_of {
            sets.union(key, &org_key(ALIASES.lines[line][0]));
        }
        for (short, long) in &links {
            // An acronym links names the corpus speaks under, not any
            // parenthesis.
            if forms.contains_key(short) || forms.contains_key(long) {
                sets.union(short, long);
            }
        }
        let short_links = short_forms(&forms);
        for (short, long) in &short_links {
            sets.union(short, long);
        }
        let shorts: HashSet<&str> = short_links
            .iter()
            .map(|(short, _)| short.as_str())
            .collect();
        let mut members: BTreeMap<usize, Vec<&String>> = BTreeMap::new();
        for key in forms.keys() {
            members.entry(sets.find(key)).or_default().push(key);
        }
        for keys in members.into_values() {
            let mut all: HashMap<String, u32> = HashMap::new();
            for key in &keys {
                for (form, n) in &forms[*key] {
                    *all.entry(form.clone()).or_default() += n;
                }
            }
            // A group its short forms joined is shown by its full name
            // ("Drexel Burnham Lambert", not "Drexel"), as a person is.
            let mut full: HashMap<String, u32> = HashMap::new();
            for key in keys.iter().filter(|k| !shorts.contains(k.as_str())) {
                for (form, n) in &forms[*key] {
                    *full.entry(form.clone()).or_default() += n;
                }
            }
            // The first name of a shipped alias line is how its
            // organisation is shown ("Federal Reserve" for "Fed"); else the
            // form the corpus uses most.
            let mut lines: Vec<usize> = keys
                .iter()
                .filter_map(|k| ALIASES.line_of.get(k.as_str()).copied())
                .collect();
            lines.sort_unstable();
            lines.dedup();
            let name = match lines.first() {
                Some(&line) => ALIASES.lines[line][0].to_string(),
                None if !full.is_empty() => most_used(&full).to_string(),
                None => most_used(&all).to_string(),
            };
            // Other names a search could not find the group by: not "Texaco"
            // for "Texaco Inc" (its words are the name's), but "Tories"
            // for "Conservative Party".
            let name_words = words_of(&name);
            let adds_words = |form: &str| words_of(form).iter().any(|w| !name_words.contains(w));
            let mut aliases: Vec<String> = all.keys().filter(|f| adds_words(f)).cloned().collect();
            // The shipped aliases of the group find it too.
            for &line in &lines {
                aliases.extend(
                    ALIASES.lines[line]
                        .iter()
                        .filter(|n| adds_words(n))
                        .map(|n| n.to_string()),
                );
            }
            aliases.sort();
            aliases.dedup_by(|a, b| words_of(a) == words_of(b));
            let group = self.groups.len();
            self.groups.push(Named { name, aliases });
            for key in keys {
                self.org_group.insert(key.clone(), group);
            }
        }
    }

    /// The name the corpus gives a speaker of an article from `year`
    /// published by `source`.
    pub fn named(&self, key: &SpeakerKey, year: Option<i32>, source: Option<&str>) -> Named {
        let SpeakerKey::Speaker { kind, name, role } = key else {
            return Named::itself("");
        };
        match kind {
            SpeakerKind::Person if name.split_whitespace().count() >= 2 => {
                match self.people.get(&person_key(name)) {
                    Some(person) => Named::itself(person.canonical()),
                    // A company written as a person ("First Boston").
                    None => self
                        .organisation(name)
                        .unwrap_or_else(|| Named::itself(name)),
                }
            }
            SpeakerKind::Person => {
                if let Some(person) = self.person_by_surname(name, role.as_deref(), year, source) {
                    return Named::itself(person.canonical());
                }
                self.organisation(name)
                    .unwrap_or_else(|| Named::itself(name))
            }
            SpeakerKind::Organisation => self
                .organisation(name)
                .unwrap_or_else(|| Named::itself(name)),
            SpeakerKind::Role => Named::itself(name),
        }
    }

    fn organisation(&self, name: &str) -> Option<Named> {
        let group = self.org_group.get(&org_key(name))?;
        Some(self.groups[*group].clone())
    }

    /// The one person a surname alone means in this corpus, if it means
    /// one: the people of that surname named within a few years of the
    /// article (and by its source, when any is), the likeliest by far.
    fn person_by_surname(
        &self,
        word: &str,
        role: Option<&str>,
        year: Option<i32>,
        source: Option<&str>,
    ) -> Option<&Person> {
        let keys = self.surnames.get(&surname(word)?)?;
        let mut candidates: Vec<&Person> = keys
            .iter()
            .filter_map(|k| self.people.get(k))
            .filter(|p| p.covers(year))
            .collect();
        if let Some(source) = source
            && candidates.iter().any(|p| p.sources.contains(source))
        {
            candidates.retain(|p| p.sources.contains(source));
        }
        candidates.sort_by(|a, b| {
            b.articles
                .cmp(&a.articles)
                .then_with(|| a.canonical().cmp(b.canonical()))
        });
        // "Treasury Secretary Baker": the one namesake the corpus gives
        // that role.
        let words = role.map(role_words).unwrap_or_default();
        if !words.is_empty() {
            let mut holding = candidates
                .iter()
                .filter(|p| words.iter().any(|w| p.role_words.contains(w)));
            if let (Some(one), None) = (holding.next(), holding.next()) {
                return Some(one);
            }
        }
        match candidates.as_slice() {
            [one] => Some(one),
            [first, second, ..] if first.articles >= DOMINANCE * second.articles => Some(first),
            _ => None,
        }
    }
}

/// One more article writes `name`: counted under its organisation key.
fn count_form(forms: &mut HashMap<String, HashMap<String, u32>>, name: &str, articles: u32) {
    *forms
        .entry(org_key(name))
        .or_default()
        .entry(name.to_string())
        .or_default() += articles;
}

/// The form used in most articles; ties go to the longer, then to the
/// first in order (so the choice never depends on hashing).
fn most_used(forms: &HashMap<String, u32>) -> &str {
    forms
        .iter()
        .max_by(|(a, n), (b, m)| {
            n.cmp(m)
                .then_with(|| a.len().cmp(&b.len()))
                .then_with(|| b.cmp(a))
        })
        .map(|(form, _)| form.as_str())
        .unwrap_or("")
}

/// The telling words of a role: "Treasury Secretary" → treasury,
/// secretary; honorifics and small words tell nothing.
fn role_words(role: &str) -> Vec<String> {
    role.split(|c: char| !c.is_alphanumeric() && c != '-')
        .map(str::to_lowercase)
        .filter(|w| {
            w.len() > 2
                && !matches!(
                    w.as_str(),
                    "the"
                        | "and"
                        | "for"
                        | "of"
                        | "mr"
                        | "mrs"
                        | "ms"
                        | "miss"
                        | "former"
                        | "who"
                        | "said"
                        | "with"
                        | "from"
                )
        })
        .collect()
}

/// A person's full name as a key: case and periods aside ("George W.
/// Bush" is "george w bush").
fn person_key(name: &str) -> String {
    name.to_lowercase()
        .replace('.', " ")
        .replace('’', "'")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The surname of a full name or a lone word: its last word, without a
/// possessive or a generational suffix ("Donald Trump Jr." → "trump").
fn surname(name: &str) -> Option<String> {
    let key = person_key(name);
    let words: Vec<&str> = key.split_whitespace().collect();
    let last = words
        .iter()
        .rev()
        .find(|w| !matches!(**w, "jr" | "sr" | "ii" | "iii" | "iv"))?;
    let last = last.strip_suffix("'s").unwrap_or(last);
    (!last.is_empty()).then(|| last.to_string())
}

/// An organisation's name as a key: case, periods, a leading "the" and a
/// company suffix aside ("The Chrysler Corp." is "chrysler"); "&" is "and".
pub fn org_key(name: &str) -> String {
    let lower = name
        .to_lowercase()
        .replace('&', " and ")
        .replace('’', "'")
        .replace(['.', ','], " ");
    let mut words: Vec<&str> = lower.split_whitespace().collect();
    if words.len() > 1 && words[0] == "the" {
        words.remove(0);
    }
    // "USAir Group Inc" is USAir too, and "Bloomberg News" Bloomberg.
    while words.len() > 1
        && words.last().is_some_and(|w| {
            LEGAL_FORMS.has(w) || matches!(*w, "group" | "holdings" | "holding" | "news")
        })
    {
        words.pop();
    }
    words.join(" ")
}

/// The words of a name as a search would see them.
/// Organisation names the corpus uses for one body without an article
/// saying so, as (short key, long key):
///
/// - a one-word name that begins a longer name the corpus uses at least as
///   often ("Drexel" and "Drexel Burnham Lambert Inc.", "Shearson" and
///   "Shearson Lehman Brothers"), unless the word is a place
///   ("Washington" is not the Washington Post);
/// - an acronym standing alone (never with a company suffix: "CBS Inc" is
///   a name in itself) whose letters are the initials of a name the corpus
///   uses at least as often ("AMC" and "American Motors Corp", its suffix
///   counted or not).
///
/// Of several such longer names, [`the_ones_meant`] decides.
///
/// People's surnames are resolved the same way (a surname alone is the one
/// full name the corpus gives it); two longer names leave the short one
/// alone.
fn short_forms(forms: &HashMap<String, HashMap<String, u32>>) -> Vec<(String, String)> {
    let gazetteer = crate::gazetteer::Gazetteer::embedded();
    let mut beginning: HashMap<&str, Vec<&String>> = HashMap::new();
    let mut initials: HashMap<String, Vec<&String>> = HashMap::new();
    for (key, key_forms) in forms {
        let words: Vec<&str> = key.split_whitespace().collect();
        if words.len() > 1 {
            beginning.entry(words[0]).or_default().push(key);
        }
        let mut spelled: Vec<String> = key_forms
            .keys()
            .filter_map(|form| initials_of(form))
            .collect();
        spelled.sort();
        spelled.dedup();
        for letters in spelled {
            initials.entry(letters).or_default().push(key);
        }
    }
    let articles = |key: &String| forms.get(key).map_or(0, |f| f.values().sum::<u32>());
    let mut links = Vec::new();
    for (key, key_forms) in forms {
        if key.contains(' ') {
            continue;
        }
        // "AMC" alone; not "CBS Inc", a company's name in itself.
        let acronym = key_forms.keys().all(|form| {
            (2..=5).contains(&form.chars().count()) && form.chars().all(|c| c.is_ascii_uppercase())
        });
        let candidates = if acronym {
            initials.get(key.as_str())
        } else {
            (!gazetteer.is_major_place(key))
                .then(|| beginning.get(key.as_str()))
                .flatten()
        };
        // The corpus's own name for the body is the long one: a name used
        // more than its longer forms is the name ("Bundesbank", not
        // "Bundesbank in Frankfurt"; "Citicorp", not a subsidiary).
        let short_articles = articles(key);
        let longer: Vec<&String> = candidates
            .into_iter()
            .flatten()
            .copied()
            .filter(|long| *long != key && articles(long) >= short_articles)
            .collect();
        for long in the_ones_meant(&longer, forms) {
            links.push((key.clone(), long.clone()));
        }
    }
    links.sort();
    links
}

/// Of the longer names a short one may stand for, those it does: the only
/// one; all, when every other begins with the shortest ("Shearson",
/// "Shearson Lehman", "Shearson Lehman Brothers": one firm's names, long
/// and longer); or one named in at least [`DOMINANT`] times as many
/// articles as all the others together ("AMC": American Motors Corp in 23,
/// three other companies in one or two each). Else none.
fn the_ones_meant<'k>(
    longer: &[&'k String],
    forms: &HashMap<String, HashMap<String, u32>>,
) -> Vec<&'k String> {
    const DOMINANT: u32 = 3;
    let Some(shortest) = longer.iter().min_by_key(|k| (k.len(), k.as_str())).copied() else {
        return Vec::new();
    };
    let nested = longer
        .iter()
        .all(|k| *k == shortest || k.starts_with(&format!("{shortest} ")));
    if nested {
        return longer.to_vec();
    }
    let articles = |key: &String| forms.get(key).map_or(0, |f| f.values().sum::<u32>());
    let Some(most) = longer
        .iter()
        .max_by_key(|k| (articles(k), k.as_str()))
        .copied()
    else {
        return Vec::new();
    };
    let others: u32 = longer
        .iter()
        .filter(|k| **k != most)
        .map(|k| articles(k))
        .sum();
    if articles(most) >= DOMINANT * others.max(1) {
        vec![most]
    } else {
        Vec::new()
    }
}

/// The initials of a name of two words or more, lower-case, without "of",
/// "and", "the", "for" and legal forms other than "Corp" and "Co"
/// ("American Motors Corp" → "amc", "First Boston Inc" → "fb").
fn initials_of(name: &str) -> Option<String> {
    const SKIPPED: [&str; 5] = ["of", "and", "the", "for", "&"];
    // A "Corp" or "Co" is often in a company's acronym (AMC, GMC); an
    // "Inc" or "Ltd" hardly ever ("First Boston Inc" is no FBI).
    const SPELLED_FORMS: [&str; 4] = ["corp", "corporation", "co", "company"];
    let words: Vec<&str> = name
        .split_whitespace()
        .filter(|w| {
            let word = w.to_lowercase();
            let word = word.trim_end_matches('.');
            !SKIPPED.contains(&word) && (!LEGAL_FORMS.has(word) || SPELLED_FORMS.contains(&word))
        })
        .collect();
    if words.len() < 2 {
        return None;
    }
    words
        .iter()
        .map(|w| w.chars().find(|c| c.is_alphabetic()))
        .collect::<Option<String>>()
        .map(|s| s.to_lowercase())
}

fn words_of(name: &str) -> Vec<String> {
    name.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

#[derive(Default)]
struct UnionFind {
    index: HashMap<String, usize>,
    parent: Vec<usize>,
}

impl UnionFind {
    fn node(&mut self, key: &str) -> usize {
        if let Some(&i) = self.index.get(key) {
            return i;
        }
        let i = self.parent.len();
        self.parent.push(i);
        self.index.insert(key.to_string(), i);
        i
    }

    fn find(&mut self, key: &str) -> usize {
        let mut i = self.node(key);
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    fn union(&mut self, a: &str, b: &str) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            // The smaller index wins: the result does not depend on order.
            let (low, high) = (a.min(b), a.max(b));
            self.parent[high] = low;
        }
    }
}

/// The hash `speaker_hash` holds: of an article's keys and the names the
/// table gives them. Equal hashes mean the article is written as the table
/// names it.
pub fn names_hash(named: &[(SpeakerKey, Named)]) -> u64 {
    let mut sorted: Vec<String> = named
        .iter()
        .map(|(key, named)| {
            format!(
                "{}\u{1}{}\u{1}{}",
                key.encode(),
                named.name,
                named.aliases.join("\u{2}")
            )
        })
        .collect();
    sorted.sort();
    crate::index::ids::fnv1a64(sorted.join("\u{3}").as_bytes())
}

/// What the name pass did.
#[derive(Debug, Clone, Copy, Default, serde::Serialize)]
pub struct NamePass {
    /// Articles whose keys were read.
    pub articles: u64,
    /// Articles rewritten with the table's names.
    pub rewritten: u64,
}

/// How one segment's column values map to the counted keys and sources.
struct SegmentNames {
    /// Ordinal in the segment's `speaker_key` column → key id (none for a
    /// value that does not decode).
    key_ids: Vec<Option<u32>>,
    /// Ordinal in the segment's `source` column → source id.
    source_ids: Vec<u32>,
}

/// Counts the names of every live article of the committed index, from its
/// columns (no stored document is opened); with each segment's value map.
fn count_names(
    searcher: &tantivy::Searcher,
    schema: &NewsSchema,
) -> Result<(NameCounts, Vec<SegmentNames>)> {
    let mut counts = NameCounts::default();
    let mut maps = Vec::with_capacity(searcher.segment_readers().len());
    for segment in searcher.segment_readers() {
        // Each column's values, decoded once in order (a lookup per value
        // and article would decode a dictionary block each time).
        let columns = NameColumns::open(segment, schema)?;
        let mut map = SegmentNames {
            key_ids: Vec::new(),
            source_ids: Vec::new(),
        };
        if let Some(keys) = &columns.keys {
            for_each_term(keys, |text| {
                let id = SpeakerKey::decode(text).map(|key| counts.key_id(&key));
                map.key_ids.push(id);
            })?;
        }
        if let Some(sources) = &columns.sources {
            for_each_term(sources, |text| map.source_ids.push(counts.source_id(text)))?;
        }
        let alive = segment.alive_bitset();
        for doc in 0..segment.max_doc() {
            if alive.is_some_and(|bits| !bits.is_alive(doc)) {
                continue;
            }
            let (ids, year, source) = columns.article(doc, &map);
            counts.add_ids(ids, year, source);
        }
        maps.push(map);
    }
    Ok((counts, maps))
}

/// The columns the name pass reads, of one segment.
struct NameColumns {
    keys: Option<tantivy::columnar::StrColumn>,
    sources: Option<tantivy::columnar::StrColumn>,
    dates: Option<tantivy::columnar::Column<tantivy::DateTime>>,
    hashes: Option<tantivy::columnar::Column<u64>>,
}

impl NameColumns {
    fn open(segment: &tantivy::SegmentReader, schema: &NewsSchema) -> Result<NameColumns> {
        let core = &schema.core;
        let fast = segment.fast_fields();
        Ok(NameColumns {
            keys: fast.str(schema.name(core.speaker_key))?,
            sources: fast.str(schema.name(core.source))?,
            dates: fast.date(schema.name(core.date)).ok(),
            hashes: fast.u64(schema.name(core.speaker_hash)).ok(),
        })
    }

    /// Document `doc`'s key ids, year and source id.
    fn article(
        &self,
        doc: tantivy::DocId,
        map: &SegmentNames,
    ) -> (Vec<u32>, Option<i32>, Option<u32>) {
        let ids = match &self.keys {
            Some(keys) => keys
                .term_ords(doc)
                .filter_map(|ord| map.key_ids.get(ord as usize).copied().flatten())
                .collect(),
            None => Vec::new(),
        };
        let source = self
            .sources
            .as_ref()
            .and_then(|sources| sources.term_ords(doc).next())
            .and_then(|ord| map.source_ids.get(ord as usize).copied());
        let year = self
            .dates
            .as_ref()
            .and_then(|d| d.first(doc))
            .and_then(|d| crate::extract::dates::Day::from_unix_seconds(d.into_timestamp_secs()))
            .map(|day| day.year());
        (ids, year, source)
    }

    fn hash(&self, doc: tantivy::DocId) -> u64 {
        self.hashes.as_ref().and_then(|h| h.first(doc)).unwrap_or(0)
    }
}

/// Calls `each` with every value of a string column, in ordinal order.
fn for_each_term(
    column: &tantivy::columnar::StrColumn,
    mut each: impl FnMut(&str),
) -> tantivy::Result<()> {
    let mut stream = column.dictionary().stream()?;
    while stream.advance() {
        each(&String::from_utf8_lossy(stream.key()));
    }
    Ok(())
}

impl NameTable {
    /// Each speaker of an article with the name the table gives it.
    pub fn naming(&self, article: &ArticleNames) -> Vec<(SpeakerKey, Named)> {
        article
            .keys
            .iter()
            .filter(|k| matches!(k, SpeakerKey::Speaker { .. }))
            .map(|k| {
                (
                    k.clone(),
                    self.named(k, article.year, article.source.as_deref()),
                )
            })
            .collect()
    }
}

/// Names articles as the writer adds them, with the table of the articles
/// seen so far (the index's and this run's), so that the pass after the
/// run has few left to rewrite: a full name that came before its surname,
/// a company's most used name, are known already. The table is built again
/// whenever the articles seen have doubled.
pub struct RunningNames {
    counts: NameCounts,
    table: NameTable,
    next_build: usize,
}

/// Articles named as they are written before the first table is built.
const FIRST_BUILD: usize = 500;

impl RunningNames {
    /// Starts from the articles of the committed index.
    pub fn load(searcher: &tantivy::Searcher, schema: &NewsSchema) -> Result<RunningNames> {
        let (counts, _) = count_names(searcher, schema)?;
        let table = NameTable::from_counts(&counts);
        let next_build = (counts.articles() * 2).max(FIRST_BUILD);
        Ok(RunningNames {
            counts,
            table,
            next_build,
        })
    }

    /// The names of an article about to be written, which joins the ones
    /// seen.
    pub fn name(&mut self, article: &ArticleNames) -> Vec<(SpeakerKey, Named)> {
        self.counts.add(article);
        if self.counts.articles() >= self.next_build {
            // The old table goes before the new one is built: two at once
            // is the run's peak of memory otherwise.
            self.table = NameTable::default();
            self.table = NameTable::from_counts(&self.counts);
            self.next_build = self.counts.articles() * 2;
        }
        self.table.naming(article)
    }
}

/// Builds the name table from the committed index and rewrites the
/// articles it names differently; the caller commits (the commit that
/// marks the run finished, see `index::ingest`).
pub fn apply(index: &NewsIndex, writer: &mut IndexWriter<TicketedDoc>) -> Result<NamePass> {
    let reader = index.reader()?;
    let searcher = reader.searcher();
    let schema = &index.schema;
    let core = &schema.core;
    let (counts, maps) = count_names(&searcher, schema)?;
    let table = NameTable::from_counts(&counts);
    let mut pass = NamePass {
        articles: counts.articles() as u64,
        rewritten: 0,
    };
    let in_flight = InFlight::default();
    for ((segment_ord, segment), map) in searcher.segment_readers().iter().enumerate().zip(&maps) {
        let columns = NameColumns::open(segment, schema)?;
        let alive = segment.alive_bitset();
        for doc in 0..segment.max_doc() {
            if alive.is_some_and(|bits| !bits.is_alive(doc)) {
                continue;
            }
            let (ids, year, source) = columns.article(doc, map);
            let article = ArticleNames {
                keys: ids.iter().map(|&id| counts.key(id).clone()).collect(),
                year,
                source: source.map(|id| counts.source(id).to_string()),
            };
            let named = table.naming(&article);
            if names_hash(&named) == columns.hash(doc) {
                continue;
            }
            let address = DocAddress::new(segment_ord as u32, doc);
            let stored: TantivyDocument = searcher.doc(address)?;
            let fast = FastValues::read(segment, schema, doc)?;
            let Some(id) = stored.get_first(core.id).and_then(|v| {
                let owned: OwnedValue = v.into();
                match owned {
                    OwnedValue::Str(s) => Some(s),
                    _ => None,
                }
            }) else {
                continue;
            };
            let rebuilt = rebuild_document(schema, &stored, &fast, &article.keys, &named);
            writer.delete_term(Term::from_field_text(core.id, &id));
            crate::index::ingest::add_document(writer, in_flight.admit(rebuilt))?;
            crate::faults::reached("names");
            pass.rewritten += 1;
            if pass
                .rewritten
                .is_multiple_of(crate::index::ingest::RELEASE_EVERY_DOCS)
            {
                crate::index::allocator::release_freed();
            }
        }
    }
    Ok(pass)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str) -> SpeakerKey {
        SpeakerKey::Speaker {
            kind: SpeakerKind::Person,
            name: name.into(),
            role: None,
        }
    }

    fn titled(name: &str, role: &str) -> SpeakerKey {
        SpeakerKey::Speaker {
            kind: SpeakerKind::Person,
            name: name.into(),
            role: Some(role.into()),
        }
    }

    fn org(name: &str) -> SpeakerKey {
        SpeakerKey::Speaker {
            kind: SpeakerKind::Organisation,
            name: name.into(),
            role: None,
        }
    }

    fn article(keys: Vec<SpeakerKey>, year: i32) -> ArticleNames {
        ArticleNames {
            keys,
            year: Some(year),
            source: Some("Reuters".into()),
        }
    }

    #[test]
    fn keys_round_trip() {
        for key in [
            person("Ronald Reagan"),
            titled("Reagan", "President"),
            org("Sears, Roebuck and Co"),
            SpeakerKey::Acronym {
                short: "ONS".into(),
                long: "Office for National Statistics".into(),
            },
        ] {
            assert_eq!(SpeakerKey::decode(&key.encode()), Some(key));
        }
    }

    #[test]
    fn counts_grow_with_distinct_names_not_with_articles() {
        let mut counts = NameCounts::default();
        for i in 0..1_000 {
            let mut one = article(vec![person("James Baker"), org("Chrysler Corp")], 1987);
            one.source = Some(if i % 2 == 0 { "Reuters" } else { "AP" }.into());
            counts.add(&one);
        }
        assert_eq!(counts.articles(), 1_000);
        assert_eq!(counts.keys.len(), 2);
        assert_eq!(counts.sources.len(), 2);
        // (key, year, source): 2 keys × 1 year × 2 sources.
        assert_eq!(counts.counts.len(), 4);
        assert_eq!(counts.counts.values().sum::<u32>(), 2_000);
        // A key an article names twice counts once for it.
        let mut twice = NameCounts::default();
        twice.add(&article(vec![person("Baker"), person("Baker")], 1987));
        assert_eq!(twice.counts.values().sum::<u32>(), 1);
    }

    #[test]
    fn a_surname_alone_is_the_one_full_name_the_corpus_gives_it() {
        let articles = vec![
            article(vec![person("Ronald Reagan")], 1987),
            article(vec![person("Ronald Reagan")], 1987),
            article(vec![person("Reagan")], 1987),
        ];
        let table = NameTable::build(&articles);
        assert_eq!(
            table
                .named(&person("Reagan"), Some(1987), Some("Reuters"))
                .name,
            "Ronald Reagan"
        );
        // Decades away it is someone else.
        assert_eq!(
            table
                .named(&person("Reagan"), Some(2019), Some("Reuters"))
                .name,
            "Reagan"
        );
    }

    #[test]
    fn a_company_short_name_or_acronym_is_its_one_full_name() {
        let articles = vec![
            article(vec![org("Drexel Burnham Lambert Inc.")], 1987),
            article(vec![org("Drexel")], 1987),
            article(vec![org("American Motors Corp")], 1987),
            article(vec![org("American Motors Corp")], 1987),
            article(vec![org("American Motors Corp")], 1987),
            article(vec![org("AMC")], 1987),
            // Its initials, in one article against three: not the one meant.
            article(vec![org("Applied Magnetics Corp")], 1987),
            // Nested longer names: the short one is the shortest of them.
            article(vec![org("Shearson Lehman Brothers Inc.")], 1987),
            article(vec![org("Shearson Lehman Brothers Inc.")], 1987),
            article(vec![org("Shearson Lehman")], 1987),
            article(vec![org("Shearson")], 1987),
            article(vec![org("Salomon Brothers Inc.")], 1987),
            article(vec![org("Salomon Brothers Inc.")], 1987),
            article(vec![org("Salomon Inc")], 1987),
            // "Inc" is spelled in no acronym.
            article(vec![org("First Boston Inc.")], 1987),
            article(vec![org("First Boston Inc.")], 1987),
            article(vec![org("First Boston Inc.")], 1987),
            article(vec![org("Federal Bureau of Investigation")], 1987),
            article(vec![org("FBI")], 1987),
            // Two longer names begin with it: left alone.
            article(vec![org("Continental Illinois Corp")], 1987),
            article(vec![org("Continental Airlines")], 1987),
            article(vec![org("Continental")], 1987),
            // A place is not the short name of a company named after it.
            article(vec![org("Washington Post Co")], 1987),
            article(vec![org("Washington")], 1987),
        ];
        let table = NameTable::build(&articles);
        let name = |key: SpeakerKey| table.named(&key, Some(1987), None).name;
        assert_eq!(name(org("Drexel")), "Drexel Burnham Lambert Inc.");
        assert_eq!(name(org("AMC")), "American Motors Corp");
        assert_eq!(name(org("Shearson")), "Shearson Lehman Brothers Inc.");
        assert_eq!(name(org("Salomon Inc")), "Salomon Brothers Inc.");
        // FBI is a shipped alias of the bureau, shown so.
        assert_eq!(name(org("Federal Bureau of Investigation")), "FBI");
        assert_eq!(name(org("First Boston Inc.")), "First Boston Inc.");
        assert_eq!(name(org("Continental")), "Continental");
        assert_eq!(name(org("Washington")), "Washington");
    }

    #[test]
    fn an_ambiguous_surname_is_left_alone() {
        let articles = vec![
            article(vec![person("James Baker")], 1987),
            article(vec![person("James Baker")], 1987),
            article(vec![person("James Baker")], 1987),
            article(vec![person("Howard Baker")], 1987),
            article(vec![person("Howard Baker")], 1987),
            article(vec![person("Baker")], 1987),
        ];
        let table = NameTable::build(&articles);
        assert_eq!(
            table.named(&person("Baker"), Some(1987), None).name,
            "Baker"
        );
    }

    #[test]
    fn a_role_tells_namesakes_apart() {
        let articles = vec![
            article(vec![titled("James Baker", "Treasury Secretary")], 1987),
            article(vec![titled("James Baker", "Treasury Secretary")], 1987),
            article(
                vec![titled("Howard Baker", "White House chief of staff")],
                1987,
            ),
            article(vec![titled("Howard Baker", "chief of staff")], 1987),
        ];
        let table = NameTable::build(&articles);
        let named = |role| table.named(&titled("Baker", role), Some(1987), None).name;
        assert_eq!(named("Secretary"), "James Baker");
        assert_eq!(named("White House chief of staff"), "Howard Baker");
        assert_eq!(named("Mr"), "Baker", "a role both could have tells nothing");
    }

    #[test]
    fn companies_and_aliases_are_one_speaker() {
        let articles = vec![
            article(vec![org("Chrysler Corp")], 1987),
            article(vec![org("Chrysler Corp")], 1987),
            article(vec![person("Chrysler")], 1987),
            article(vec![org("Tories")], 2005),
            article(vec![org("Conservatives")], 2005),
            article(vec![org("Tories")], 2005),
            article(
                vec![
                    org("ONS"),
                    SpeakerKey::Acronym {
                        short: "ONS".into(),
                        long: "Office for National Statistics".into(),
                    },
                ],
                2005,
            ),
            article(vec![org("Office for National Statistics")], 2005),
            article(vec![org("Office for National Statistics")], 2005),
        ];
        let table = NameTable::build(&articles);
        assert_eq!(
            table.named(&person("Chrysler"), None, None).name,
            "Chrysler Corp"
        );
        // A shipped alias line: shown by its first name, found by all.
        let tories = table.named(&org("Conservatives"), None, None);
        assert_eq!(tories.name, "Conservative Party");
        assert!(tories.aliases.contains(&"Conservatives".to_string()));
        assert!(tories.aliases.contains(&"Tories".to_string()));
        assert_eq!(
            table.named(&org("ONS"), None, None).name,
            "Office for National Statistics"
        );
    }

    #[test]
    fn org_keys_ignore_suffixes_case_and_periods() {
        assert_eq!(org_key("The Chrysler Corp."), "chrysler");
        assert_eq!(org_key("Intel Corporation"), "intel");
        assert_eq!(org_key("NASA"), org_key("Nasa"));
        assert_eq!(org_key("Standard & Poor's Corp"), "standard and poor's");
        assert_eq!(org_key("Corp"), "corp");
        assert_eq!(org_key("Bloomberg News"), "bloomberg");
    }
}
