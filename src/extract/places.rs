//! Places: find the place names of a text and resolve each to one entry of
//! the gazetteer.
//!
//! Recognition walks the gazetteer's name index from every capitalised word,
//! word by word, and keeps the longest name ("New York City" over "New
//! York"). A name is then kept or dropped by the words around it: a title
//! before it ("Mr. Jordan"), a capitalised word before or after it that
//! makes it part of a longer proper noun ("Paris Hilton", "New York Times",
//! "George Washington"), a person of the article it names ("Obama said"),
//! or, for a name that is also an English word ("Reading", "Nice", "Chad"),
//! the lack of anything that makes it a place.
//!
//! Resolution picks one place per name and article ("one sense per
//! discourse"). Candidates are scored by what they are (countries and big
//! cities first), how the name names them (the GeoNames name over an
//! alternate one), and above all by the other places of the article: the
//! dateline, the countries and regions named elsewhere, and a qualifier
//! right after the name ("Alexandria, Louisiana", "Paris, Texas").
//!
//! Demonyms ("Syrian", "French") are not place mentions: "French wine" is
//! not about France in the way "wine from France" is. They count as
//! evidence for their country when resolving the other names.

use crate::extract::text::to_lower;
use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::extract::dateline::Dateline;
use crate::extract::lexicon::{HONORIFICS, MEDIA_TAILS, ROLE_HEADS, STOP_WORDS, word_set};
use crate::extract::quotes::Span;
use crate::extract::tokens::{Kind, Tok};
use crate::gazetteer::normalise::{name_key, push_word};
use crate::gazetteer::{Gazetteer, NameType, PlaceKind, PlaceRef, Postings};

/// How a place figures in the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PlaceRole {
    /// Where the story was filed from: `ALEPPO, Syria (Reuters) -`.
    Dateline,
    /// Named in the text.
    Mention,
    /// Only the country's adjective or people name it ("alleged Russian
    /// meddling", "Syrians fled"): it counts for the country facet and
    /// `--place`, not as a place the article names.
    Adjective,
}

/// A place of an article, resolved to a gazetteer entry.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Place {
    /// The GeoNames name: "Aleppo", "United States".
    pub name: String,
    /// GeoNames id; none for the named areas newsdex adds (Middle East).
    pub geonameid: Option<u32>,
    pub kind: PlaceKind,
    /// The country's name ("Syria"); none for continents and wider areas.
    pub country: Option<String>,
    pub country_code: Option<String>,
    /// The first-level region a city lies in ("Louisiana").
    pub admin1: Option<String>,
    pub lat: f64,
    pub lon: f64,
    pub role: PlaceRole,
    /// Names from the continent down to the place: Asia, Syria, Aleppo, Aleppo.
    pub path: Vec<String>,
    /// Where the body names it (byte offsets into the body).
    #[serde(skip)]
    pub mentions: Vec<Span>,
    /// Where the title names it (byte offsets into the title).
    #[serde(skip)]
    pub title_mentions: Vec<Span>,
    /// Where the body names a country by its adjective or people
    /// ("Russian", "Syrians"): byte offsets into the body.
    #[serde(skip)]
    pub adjectives: Vec<Span>,
    /// The same in the title.
    #[serde(skip)]
    pub title_adjectives: Vec<Span>,
}

word_set!(
    LOCATIVES,
    [
        "in",
        "at",
        "from",
        "near",
        "to",
        "into",
        "outside",
        "inside",
        "across",
        "throughout",
        "around",
        "toward",
        "towards",
        "via",
        "of",
        "between",
        "within",
        "through",
        "visit",
        "visited",
        "visiting",
        "reached",
        "entered",
        "left",
    ]
);

// Words before "to" that make what follows a person or a body, not a
// destination: "according to", "spoke to", "thanks to".
word_set!(
    TO_WHOM,
    [
        "according",
        "thanks",
        "owing",
        "spoke",
        "speak",
        "speaks",
        "speaking",
        "talk",
        "talked",
        "talking",
        "talks",
        "wrote",
        "write",
        "writes",
        "writing",
        "replied",
        "replying",
        "responded",
        "responding",
        "said",
        "explained",
        "belongs",
        "belonged",
        "belonging",
        "married",
        "credited",
        "attributed",
        "listened",
        "listening",
        "apologised",
        "apologized",
        "introduced",
    ]
);

word_set!(
    STRONG_LOCATIVES,
    [
        "in",
        "at",
        "from",
        "near",
        "outside",
        "inside",
        "across",
        "throughout",
        "around",
        "within",
        "into",
    ]
);

word_set!(
    DIRECTIONS,
    [
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "northeastern",
        "northwestern",
        "southeastern",
        "southwestern",
        "upper",
        "lower",
        "greater",
        "downtown",
        "rural",
        "metropolitan",
    ]
);

word_set!(
    CONNECTORS,
    [
        "of", "de", "la", "le", "les", "du", "des", "del", "el", "al", "upon", "on", "the", "and",
        "en", "sur", "am", "an", "der", "di", "da", "do", "dos", "das", "y", "i", "under", "in",
        "au", "aux", "es",
    ]
);

// Words that are never places, however capitalised: "in March", "Nov.".
word_set!(
    NEVER_PLACES,
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "centre",
        "center",
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "downtown",
        "university",
        "olympic",
        "justice",
        "god",
        "christmas",
        "easter",
        "i",
        "im",
        "ive",
        "id",
        "ill",
        "federal",
        "national",
        "capital",
        "republic",
    ]
);

// First names that are also English words: "George Washington", "Bill
// Clinton" — before a place name they make it a surname.
word_set!(
    FIRST_NAMES,
    [
        "george", "bill", "frank", "mark", "will", "rose", "grace", "joy", "hope", "faith", "pat",
        "robin", "jack", "jean", "john", "tom", "harry", "ray", "roy", "don", "art", "bob", "guy",
        "sue", "carol", "dawn", "ivy", "pearl", "ruby", "victor", "earl", "jay", "rob", "nick",
        "sandy", "summer", "april", "june", "chase", "dean", "drew", "gene", "glen", "grant",
        "lance", "max", "miles", "neil", "norman", "pierce", "rich", "rusty", "wade", "warren",
        "wes", "woody",
    ]
);

// Given names that are also towns' names ("Elizabeth", "Charlotte"):
// before a capitalised word they are a person's ("Elizabeth Quat"), however
// big the town.
word_set!(
    GIVEN_NAMES,
    [
        "elizabeth",
        "charlotte",
        "florence",
        "eugene",
        "marion",
        "beverly",
        "aurora",
        "christopher",
        "daniel",
        "eden",
        "irving",
        "winston",
        "milton",
        "stanley",
        "vernon",
        "howard",
        "nelson",
        "mitchell",
        "douglas",
        "kennedy",
        "johnson",
        "clinton",
        "franklin",
        "tyler",
    ]
);

// Nouns after a name that make it a head of government, not a town: "the
// Monti government", "the Bush administration".
word_set!(
    GOVERNED_BY,
    [
        "government",
        "administration",
        "cabinet",
        "regime",
        "presidency",
        "era",
        "campaign",
        "camp",
    ]
);

// Offices a place is the seat of: after it inside a person's description
// ("Montreal Mayor Denis Coderre", "Ouagadougou's mayor") the place is a
// place ("Georgia's father" is no office); so before a party ("a Missouri
// Democrat").
word_set!(
    OFFICES,
    [
        "mayor",
        "governor",
        "gov",
        "premier",
        "minister",
        "president",
        "senator",
        "sen",
        "representative",
        "rep",
        "mp",
        "mla",
        "mep",
        "attorney",
        "prosecutor",
        "ambassador",
        "envoy",
        "consul",
        "chancellor",
        "secretary",
        "commissioner",
        "councillor",
        "councilman",
        "councilwoman",
        "alderman",
        "lawmaker",
        "legislator",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "chief",
        "superintendent",
        "sheriff",
        "official",
        "leader",
        "democrat",
        "democrats",
        "democratic",
        "republican",
        "republicans",
        "congressman",
        "congresswoman",
        "delegation",
        "lawmakers",
        "native",
    ]
);

// Capitalised words after a place name that leave it a place: "Moscow Mayor
// Sergei Sobyanin", "Texas Governor Greg Abbott".
word_set!(
    AFTER_PLACE,
    [
        "mayor",
        "governor",
        "gov",
        "president",
        "premier",
        "police",
        "army",
        "minister",
        "prime",
        "foreign",
        "interior",
        "defense",
        "defence",
        "health",
        "authorities",
        "officials",
        "state",
        "province",
        "governorate",
        "county",
        "parish",
        "region",
        "district",
        "city",
        "capital",
        "airport",
        "border",
        "coast",
        "sen",
        "senator",
        "rep",
        "attorney",
        "secretary",
        "ambassador",
        "embassy",
        "residents",
        "correspondent",
        "bureau",
        "council",
        "court",
        "courthouse",
        "superior",
        "crown",
        "municipal",
        "magistrates",
        "borough",
        "township",
        "town",
        "municipality",
        "fire",
        "sheriff",
    ]
);

// Nouns that end an institution's name: a place inside it ("Columbia
// University", "University of York", "Victoria Hospital", "Toronto General
// Hospital") names the institution, which is often elsewhere.
word_set!(
    INSTITUTION_HEADS,
    [
        "university",
        "universities",
        "college",
        "colleges",
        "hospital",
        "hospitals",
        "institute",
        "school",
        "academy",
        "polytechnic",
        "seminary",
        "clinic",
        "infirmary",
        "zoo",
        "museum",
        "exchange",
        // ("Bank of England", "Bank of Japan": a central bank's country
        // is named by the article in its own words when it is the story.)
        "bank",
    ]
);

// Nouns that end an association's name, which a demonym can open without
// making it the country's: "American Federation of Teachers", "British
// Medical Association" (with the institutions' heads).
word_set!(
    ASSOCIATION_HEADS,
    [
        "association",
        "associations",
        "federation",
        "society",
        "foundation",
        "union",
        "council",
        "league",
        "chamber",
        "alliance",
        "institute",
        "academy",
        "college",
        "coalition",
        "trust",
    ]
);

// Companies known the world over by a name a town or region also has:
// "Meta" (a Colombian department), "Nokia" and "Toyota" (towns). The
// name is the place only where the text says so ("in Nokia", "Toyota,
// Aichi").
word_set!(
    COMPANY_NAMESAKES,
    ["meta", "oracle", "nokia", "toyota", "hitachi"]
);

// What a document named after a place is: "Paris Agreement", "Kyoto
// Protocol", "Geneva Conventions", "Treaty of Rome".
word_set!(
    AGREEMENT_WORDS,
    [
        "agreement",
        "agreements",
        "accord",
        "accords",
        "protocol",
        "protocols",
        "treaty",
        "treaties",
        "convention",
        "conventions",
        "declaration",
        "pact",
        "consensus",
        "doctrine",
        "communique",
        "communiqué",
        "charter",
        "memorandum",
    ]
);

// Words between a place and the document named after it: "the Paris
// climate agreement".
word_set!(
    AGREEMENT_MODIFIERS,
    ["climate", "peace", "nuclear", "trade", "ceasefire", "arms"]
);

// Things named after a place, not of it: "Brussels sprouts", "Marburg
// virus", and after a demonym "Greek yoghurt", "French fries", "Spanish
// flu".
word_set!(
    NAMED_AFTER_PLACES,
    [
        "yoghurt", "yogurt", "salad", "fries", "toast", "pastry", "pastries", "muffin", "muffins",
        "roulette", "whispers", "delight", "sprouts", "mustard", "ham", "sauce", "cheese", "bun",
        "buns", "virus", "fever", "flu", "disease", "syndrome", "oven", "shepherd", "waffle",
        "waffles", "dressing",
    ]
);

// Nouns that, right before a name, say what kind of organisation it is:
// "the climbing gear maker Black Diamond", "news agency Xinhua", "the band
// Chicago", "Premier League side Chelsea". (Not "firm" or "giant", which
// markets copy uses as adjectives: "firm Chicago wheat futures".)
word_set!(
    ORGANISATION_KINDS,
    [
        "maker",
        "makers",
        "manufacturer",
        "retailer",
        "company",
        "brand",
        "label",
        "chain",
        "carrier",
        "airline",
        "lender",
        "bank",
        "insurer",
        "broadcaster",
        "network",
        "newspaper",
        "magazine",
        "band",
        "group",
        "startup",
        "conglomerate",
        "outfitter",
        "publisher",
        "distributor",
        "supplier",
        "agency",
        "studio",
        "side",
        "club",
        "franchise",
        "outfit",
    ]
);

// Capitalised words after a place that make it a broadcaster's or
// newspaper's name, beside `MEDIA_TAILS`: "USA Today", "Russia Today".
word_set!(
    MEDIA_EXTRA,
    [
        "today",
        "tonight",
        "online",
        "weekly",
        "radio",
        "tv",
        "television"
    ]
);

// Words of sports copy. An article with a score ("5-3", "110-98") and two
// of them, or four of them without a score, is about sport: there a town's
// name is mostly its team's.
word_set!(
    SPORTS_WORDS,
    [
        "innings",
        "inning",
        "striker",
        "strikers",
        "midfielder",
        "midfielders",
        "goalkeeper",
        "defender",
        "defenders",
        "winger",
        "quarterback",
        "touchdown",
        "touchdowns",
        "rebounds",
        "assists",
        "playoff",
        "playoffs",
        "halftime",
        "overtime",
        "wicket",
        "wickets",
        "batsman",
        "pitcher",
        "homer",
        "homers",
        "fixture",
        "fixtures",
        "league",
        "season",
        "coach",
        "goal",
        "goals",
        "match",
        "matches",
        "game",
        "games",
        "tournament",
        "championship",
        "derby",
        "stadium",
        "scored",
        "referee",
        "penalty",
        "penalties",
        "squad",
        "rugby",
        "football",
        "soccer",
        "baseball",
        "basketball",
        "hockey",
        "cricket",
        "premiership",
        "tennis",
        "golf",
        "athletics",
        "sprinter",
        "medal",
        "medals",
        "olympic",
        "olympics",
        "seeded",
        "championships",
        "fans",
        "trophy",
        "cup",
        "club",
        "clubs",
    ]
);

// The roles of a team's people and followers: "Chelsea boss Jose
// Mourinho", "Cleveland pitcher", "Leicester fans" (in sports copy).
word_set!(
    TEAM_ROLES,
    [
        "boss",
        "manager",
        "coach",
        "striker",
        "midfielder",
        "defender",
        "goalkeeper",
        "keeper",
        "winger",
        "captain",
        "skipper",
        "forward",
        "pitcher",
        "quarterback",
        "outfielder",
        "infielder",
        "shortstop",
        "catcher",
        "linebacker",
        "fans",
        "supporters",
        "player",
        "players",
        "chairman",
        "owner",
        "squad",
        "side",
        "team",
        "star",
        "signing",
        "fullback",
        "full-back",
        "fly-half",
        "scrum-half",
        "flanker",
        "batsman",
        "bowler",
        "defenceman",
        "defenseman",
        "debut",
        "win",
        "defeat",
        "victory",
        "chief",
        "physio",
        "reserves",
        "lock",
        "hooker",
        "prop",
        "tight-head",
        "tighthead",
        "loosehead",
        "loose-head",
        "centre",
        "wing",
        "duo",
        "trio",
        "pair",
    ]
);

// Roles only a team has: after a place and a nickname they make it a team
// in any article ("Toronto Blue Jays outfielder Alex Rios").
word_set!(
    SPORTS_ONLY_ROLES,
    [
        "outfielder",
        "infielder",
        "pitcher",
        "quarterback",
        "linebacker",
        "shortstop",
        "striker",
        "midfielder",
        "goalkeeper",
        "winger",
        "defenceman",
        "defenseman",
        "batsman",
        "wicketkeeper",
        "fly-half",
        "scrum-half",
    ]
);

// A player's career, before "for", "from", "to" and a team: "110
// appearances for Chelsea", "a loan from Chelsea", "a switch to Madrid".
word_set!(
    CAREER_WORDS,
    [
        "appearances",
        "loan",
        "move",
        "moving",
        "switch",
        "transfer",
        "interest",
        "linked",
        "spell",
        "career",
        "playing",
        "played",
        "plays",
        "signed",
        "scored",
        "goals",
        "joined",
    ]
);

// Verbs of results, after a team: "Cleveland beat Cincinnati 5-3".
word_set!(
    RESULT_VERBS,
    [
        "beat", "beats", "defeated", "edged", "thrashed", "routed", "hammered", "crushed",
        "downed", "blanked", "drew", "lost", "won", "trailed", "rallied", "clinched", "scored",
        "signed", "sacked", "hosted", "hosts", "faced", "faces", "visited", "visits", "led",
        "leads", "trail", "trails", "have", "are", "were", "v", "vs", "versus",
    ]
);

// Words before a team: "beat Cincinnati", "win over Boston", "against
// Chelsea", "Chelsea v Arsenal".
word_set!(
    RESULT_OBJECTS,
    [
        "beat",
        "beating",
        "defeated",
        "defeating",
        "over",
        "against",
        "versus",
        "vs",
        "v",
        "edged",
        "thrashed",
        "routed",
        "hammered",
        "crushed",
        "downed",
        "host",
        "hosts",
        "hosted",
        "hosting",
        "face",
        "faces",
        "facing",
        "faced",
        "play",
        "plays",
        "playing",
        "played",
        "behind",
        "join",
        "joins",
        "joined",
        "joining",
        "leaders",
        "champions",
        "rivals",
        "visitors",
    ]
);

// Events named after the town they are held in (the town is a place
// there, not a team): "London Marathon", "Athens Olympics".
word_set!(
    EVENT_WORDS,
    [
        "olympics",
        "olympic",
        "games",
        "marathon",
        "open",
        "masters",
        "classic",
        "grand",
        "championships",
        "festival",
        "tournament",
        "invitational",
        "trophy",
        "rally",
        "race",
        "cup",
        "derby",
        "show",
        "motor",
    ]
);

// Plurals after a town that are no team's nickname: companies' and
// places' words ("Detroit Industries", "Niagara Falls").
word_set!(
    NOT_NICKNAMES,
    [
        "motors",
        "industries",
        "holdings",
        "systems",
        "brothers",
        "partners",
        "associates",
        "communications",
        "resources",
        "technologies",
        "laboratories",
        "labs",
        "pharmaceuticals",
        "securities",
        "investments",
        "properties",
        "foods",
        "stores",
        "mills",
        "works",
        "studios",
        "markets",
        "services",
        "sciences",
        "networks",
        "records",
        "pictures",
        "films",
        "productions",
        "gardens",
        "heights",
        "springs",
        "falls",
        "hills",
        "docks",
        "streets",
        "schools",
        "hospitals",
        "universities",
        "courts",
        "police",
        "airport",
        "station",
        "exchange",
        "stock",
        "mall",
        "hall",
        "arena",
        "stadium",
        "park",
        "road",
        "street",
        "square",
        "bridge",
        "zoo",
        "museum",
        "library",
        "cathedral",
        "church",
        "castle",
        "palace",
        "tower",
        "hotel",
        "centre",
        "center",
    ]
);

// What a number after a name counts in a box score: "Davis 17 points".
word_set!(
    STAT_WORDS,
    [
        "points",
        "pts",
        "rebounds",
        "assists",
        "goals",
        "runs",
        "hits",
        "yards",
        "saves",
        "strikeouts",
        "tackles",
        "carries",
        "catches",
        "wickets",
        "steals",
        "blocks",
        "birdies",
    ]
);

/// A name found in the text, before resolution.
#[derive(Debug, Clone)]
struct Match<'g> {
    span: Span,
    key: String,
    postings: Postings<'g>,
    /// Token index of its first and last word.
    first: usize,
    last: usize,
    /// Its first word begins a sentence (so its capital proves nothing).
    sentence_initial: bool,
    /// A locative word ("in", "near") comes right before it.
    locative: bool,
    /// It ends in "'s": "Cairo's".
    possessive: bool,
    /// One that says where ("in", "near", "outside"), not just "to" or
    /// "of", which people and things take too.
    strong_locative: bool,
    /// "province", "state" follows: prefer a region.
    typed_region: bool,
    /// "the city of", "the town of" comes before it.
    typed_city: bool,
    /// The region or country after a comma: "Alexandria, La." → Louisiana.
    qualifier: Option<usize>,
    /// It is itself such a qualifier.
    qualifies: bool,
    /// Its qualifier names a region or country one of its readings lies
    /// in: "Hammond, Indiana" is the town whoever else is called Hammond.
    fits_qualifier: bool,
    /// Found in the title (offsets into the title).
    in_title: bool,
    /// A capitalised word before or after it makes it look like part of a
    /// longer name ("Kennedy Space Center", "Space Shuttle Columbia",
    /// "Royal Caribbean"): a small town or an alternate name read there
    /// is that name, not a place.
    glued: bool,
    /// The country it names by its adjective or people ("Russian"), where
    /// it is used as one (not "Latin American", "in French").
    adjective_of: Option<u32>,
    /// The words around it make it a team ("Cleveland beat Cincinnati",
    /// "Oklahoma City Thunder", "Chelsea boss"): in sports copy a town so
    /// named is its team throughout the article.
    team: bool,
    /// The place named after "in" behind the name of something that lies
    /// there: "Westminster Magistrates' Court in London".
    located_in: Option<usize>,
}

/// What the words around a name say about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    /// A place name, as far as its words tell.
    Place,
    /// Not a place: a month, an acronym, a currency, a newspaper.
    Not,
    /// Part of a person's or organisation's name ("Doug Jones", "Liberty
    /// University", "Wells Fargo"). One sense per discourse: the article's
    /// other bare mentions of the word ("Jones said") are that name too.
    Name,
    /// Only the rest of the article can tell (a common word opening a
    /// sentence, a small town in an all-capitals headline).
    Undecided,
}

/// Finds and resolves the places of an article: its title (when it has
/// one) and its body.
///
/// `tokens` are the body's tokens (as the quote reader made them),
/// `dateline` the dateline it opens with, and `person_spans` the spans the
/// speaker resolver took for people, whose names are not places.
pub fn find_places(
    title: Option<&str>,
    body: &str,
    tokens: &[Tok],
    dateline: Option<&Dateline>,
    person_spans: &[Span],
    person_words: &[&str],
) -> Vec<Place> {
    let gaz = Gazetteer::embedded();
    if gaz.is_empty() {
        return Vec::new();
    }
    let mut matches = Vec::new();
    let mut verdicts = Vec::new();
    let title_tokens = title.map(|t| split_hyphens(t, &crate::extract::tokens::tokenize(t)));
    let pieces = split_hyphens(body, tokens);
    // (Read only when a name's words would make it a team there.)
    let sports_cell = std::cell::OnceCell::new();
    let sports = || {
        *sports_cell.get_or_init(|| sports_copy(title.zip(title_tokens.as_deref()), body, &pieces))
    };
    let page = |text, person_spans, person_words| Page {
        text,
        person_spans,
        person_words,
        sports: &sports,
    };
    if let (Some(title), Some(pieces)) = (title, &title_tokens) {
        let mut found = find_names(gaz, title, pieces);
        let mut judged = judge(gaz, &page(title, &[], person_words), pieces, &mut found);
        // In a title-case headline ("N.Korea Hurls Abuse at Bush") a
        // capital proves nothing: a small town, or a town named like a
        // word, is a place when the body names it as one.
        if title_case(title, pieces) {
            for (m, v) in found.iter().zip(judged.iter_mut()) {
                let land = m.postings.iter().any(|c| {
                    c.name_type == NameType::Main && gaz.place(c.place).kind() < PlaceKind::County
                });
                if *v == Verdict::Place
                    && !land
                    && (m.postings.common_word || !wide_name(gaz, &m.postings))
                {
                    *v = Verdict::Undecided;
                }
            }
        }
        verdicts.extend(judged);
        matches.extend(found.into_iter().map(|m| Match {
            in_title: true,
            ..m
        }));
    }
    let offset = matches.len();
    let mut found = find_names(gaz, body, &pieces);
    verdicts.extend(judge(
        gaz,
        &page(body, person_spans, person_words),
        &pieces,
        &mut found,
    ));
    matches.extend(found.into_iter().map(|m| Match {
        qualifier: m.qualifier.map(|q| q + offset),
        located_in: m.located_in.map(|q| q + offset),
        ..m
    }));
    confirm(&matches, &mut verdicts);
    // A dateline after a headline or a caption that stayed in the body
    // ("Storm hits the capital.\nCOLUMBIA, S.C. (AP) — …") is still the
    // dateline.
    let later = match dateline {
        Some(_) => None,
        None => later_dateline(gaz, body),
    };
    let dateline_places = match (dateline, &later) {
        (Some(d), _) => dateline_places(gaz, body, 0, d),
        (None, Some((at, d))) => dateline_places(gaz, body, *at, d),
        (None, None) => Vec::new(),
    };
    let sports = matches.iter().any(|m| m.team) && sports();
    resolve(gaz, &matches, &verdicts, &dateline_places, sports)
}

/// The text a name is read in, and what the rest of the article says
/// about it.
struct Page<'a> {
    text: &'a str,
    /// The spans the speaker resolver took for people.
    person_spans: &'a [Span],
    /// The words of the people's names.
    person_words: &'a [&'a str],
    /// Whether the article is sports copy (see [`sports_copy`]), read
    /// once when first asked.
    sports: &'a dyn Fn() -> bool,
}

/// Whether an article is sports copy: a score ("5-3", "110-98") and two
/// words of sport, or three words of sport that make 1% of its words, or
/// five words of sport.
fn sports_copy(title: Option<(&str, &[Tok])>, body: &str, tokens: &[Tok]) -> bool {
    let mut seen: Vec<String> = Vec::new();
    let mut score = false;
    let (mut words, mut hits) = (0usize, 0usize);
    let mut read = |text: &str, tokens: &[Tok]| {
        for (k, t) in tokens.iter().enumerate() {
            if t.kind != Kind::Word {
                continue;
            }
            words += 1;
            let word = t.text(text);
            // (Hyphens are split: "5-3" is "5", "3" joined by a hyphen.)
            if !score
                && is_small_number(word)
                && tokens
                    .get(k + 1)
                    .is_some_and(|&n| hyphen_joined(text, *t, n) && is_small_number(n.text(text)))
            {
                score = true;
            }
            // (Lower-cased on the stack: no word is copied to the heap.)
            let mut buf = [0u8; 16];
            if !(3..=buf.len()).contains(&word.len())
                || !word.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-')
            {
                continue;
            }
            let league = word.len() == 3
                && ["nba", "nfl", "mlb", "nhl"]
                    .iter()
                    .any(|l| word.eq_ignore_ascii_case(l));
            if !league && !SPORTS_WORDS.may_hold_ascii(word) {
                continue;
            }
            let buf = &mut buf[..word.len()];
            buf.copy_from_slice(word.as_bytes());
            buf.make_ascii_lowercase();
            let lower = std::str::from_utf8(buf).unwrap_or_default();
            if league || SPORTS_WORDS.has(lower) {
                hits += 1;
                if !seen.iter().any(|s| s == lower) {
                    seen.push(lower.to_string());
                }
            }
        }
    };
    if let Some((title, tokens)) = title {
        read(title, tokens);
    }
    read(body, tokens);
    seen.len() >= 3 && hits * 100 >= words || seen.len() >= 5 || score && seen.len() >= 2
}

/// "5", "110": a number a score is made of (not a year).
fn is_small_number(word: &str) -> bool {
    (1..=3).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_digit())
}

/// Whether most of a title's longer words are capitalised ("N.Korea
/// Hurls Abuse at Bush"), as headlines in title case are.
fn title_case(title: &str, tokens: &[Tok]) -> bool {
    let words: Vec<&str> = tokens
        .iter()
        .filter(|t| t.kind == Kind::Word)
        .map(|t| t.text(title))
        .filter(|w| w.chars().count() > 3)
        .collect();
    let capitalised = words.iter().filter(|w| starts_upper(w)).count();
    words.len() >= 4 && capitalised * 5 >= words.len() * 4
}

/// Splits hyphenated words into their parts, so "Canada-wide",
/// "Russia-Turkey ties" and "Middlesex-London" show their place names
/// (names with hyphens still match: the normal form reads a hyphen as a
/// space).
fn split_hyphens(text: &str, tokens: &[Tok]) -> Vec<Tok> {
    let mut pieces = Vec::with_capacity(tokens.len());
    for &t in tokens {
        let word = t.text(text);
        if t.kind != Kind::Word || !word.contains(HYPHENS) {
            pieces.push(t);
            continue;
        }
        let mut start = t.start;
        for (at, hyphen) in word.match_indices(HYPHENS).chain([(word.len(), "")]) {
            let end = t.start + at;
            if end > start {
                pieces.push(Tok {
                    start,
                    end,
                    kind: Kind::Word,
                });
            }
            start = end + hyphen.len();
        }
    }
    pieces
}

/// Whether two tokens are parts of one hyphenated word (by a hyphen-minus
/// or the Unicode hyphens pages set: "I\u{2011}Ann").
fn hyphen_joined(text: &str, a: Tok, b: Tok) -> bool {
    let between = &text[a.end..b.start];
    between.len() <= 3 && between.chars().count() == 1 && between.contains(HYPHENS)
}

/// The hyphen-minus and the Unicode hyphens (U+2010, and U+2011 which
/// does not break a line).
const HYPHENS: [char; 3] = ['-', '\u{2010}', '\u{2011}'];

/// Whether a locative word comes right before the name at tokens
/// `i..=last`. "to" after a verb of speaking or crediting names whom, not
/// where: "according to Brandon Royal", "thanks to Orlando"; but "according
/// to Buffalo Fire Chief Don Mcfeely" names the chief of the place.
fn locative_before(body: &str, tokens: &[Tok], i: usize, last: usize) -> bool {
    let Some(prev) = i.checked_sub(1).map(|k| tokens[k]) else {
        return false;
    };
    let word = to_lower(prev.text(body));
    if prev.kind != Kind::Word || !LOCATIVES.has(&word) {
        return false;
    }
    let addressee = word == "to"
        && i >= 2
        && tokens[i - 2].kind == Kind::Word
        && TO_WHOM.has(&to_lower(tokens[i - 2].text(body)));
    !addressee || role_after(body, tokens, last)
}

/// Every gazetteer name in the text, longest first, none overlapping.
fn find_names<'g>(gaz: &'g Gazetteer, body: &str, tokens: &[Tok]) -> Vec<Match<'g>> {
    let mut found = Vec::new();
    let mut key = String::new();
    let mut i = 0;
    while i < tokens.len() {
        let tok = tokens[i];
        if tok.kind != Kind::Word || !starts_upper(tok.text(body)) {
            i += 1;
            continue;
        }
        let mut cursor = gaz.cursor();
        key.clear();
        let mut best: Option<(usize, usize, Postings<'g>)> = None;
        let mut j = i;
        while j < tokens.len() && j < i + 7 {
            let t = tokens[j];
            if t.kind != Kind::Word {
                break;
            }
            let text = t.text(body);
            if j > i {
                // Names run over capitalised words and lower-case particles
                // ("Rio de Janeiro"), never over other lower-case words.
                if !starts_upper(text) && !CONNECTORS.has(&to_lower(text)) && !elided_article(text)
                {
                    break;
                }
                if body[tokens[j - 1].end..t.start].contains('\n') {
                    break;
                }
                key.push(' ');
                if !cursor.feed(b" ") {
                    break;
                }
            }
            let mark = key.len();
            if !push_word(text, &mut key) || !cursor.feed(&key.as_bytes()[mark..]) {
                break;
            }
            if let Some(postings) = cursor.postings() {
                best = Some((j, key.len(), postings));
            }
            j += 1;
        }
        match best {
            Some((last, key_len, postings)) => {
                let end_tok = tokens[last];
                let end = end_tok.end - possessive_len(end_tok.text(body));
                found.push(Match {
                    span: Span {
                        start: tok.start,
                        end,
                    },
                    key: key[..key_len].to_string(),
                    postings,
                    first: i,
                    last,
                    sentence_initial: sentence_initial(body, tokens, i),
                    locative: locative_before(body, tokens, i, last),
                    possessive: has_possessive(end_tok.text(body)),
                    strong_locative: i > 0
                        && tokens[i - 1].kind == Kind::Word
                        && STRONG_LOCATIVES.has(&to_lower(tokens[i - 1].text(body))),
                    typed_region: typed_region(body, tokens, i, last),
                    typed_city: i >= 2
                        && tokens[i - 1].text(body) == "of"
                        && matches!(
                            &*to_lower(tokens[i - 2].text(body)),
                            "city" | "town" | "village" | "port" | "towns" | "cities"
                        ),
                    qualifier: None,
                    qualifies: false,
                    fits_qualifier: false,
                    adjective_of: None,
                    in_title: false,
                    glued: false,
                    team: false,
                    located_in: None,
                });
                i = last + 1;
            }
            None => i += 1,
        }
    }
    link_qualifiers(body, tokens, &mut found);
    link_lists(gaz, body, tokens, &mut found);
    found
}

/// Whether the words around a name (tokens `first..=last`) say it is a
/// region: "Idlib province", "the state of Georgia", "the states of New
/// York and New Jersey".
fn typed_region(body: &str, tokens: &[Tok], first: usize, last: usize) -> bool {
    let is = |i: usize, words: &[&str]| {
        tokens
            .get(i)
            .filter(|t| t.kind == Kind::Word)
            .is_some_and(|t| words.iter().any(|w| t.text(body).eq_ignore_ascii_case(w)))
    };
    let after = is(
        last + 1,
        &[
            "province",
            "state",
            "governorate",
            "region",
            "oblast",
            "prefecture",
        ],
    );
    let before = first >= 2
        && is(first - 1, &["of"])
        && is(
            first - 2,
            &[
                "state",
                "states",
                "province",
                "provinces",
                "governorate",
                "governorates",
            ],
        );
    after || before
}

/// Whether a name can only be a region (or a small town): "Utah",
/// "Wisconsin", not "Washington" (a capital too) or "Georgia" (a country).
fn region_only(gaz: &Gazetteer, postings: &Postings) -> bool {
    let mut region = false;
    for c in postings.iter().filter(|c| c.name_type == NameType::Main) {
        let p = gaz.place(c.place);
        match p.kind() {
            PlaceKind::Region => region = true,
            PlaceKind::City if p.population() < SMALL_TOWN => {}
            _ => return false,
        }
    }
    region
}

/// "the states of New York, New Jersey and California": names listed
/// together (joined by commas and a final "and" or "or") are of one kind,
/// so a list that one member says is of regions is all regions.
fn link_lists(gaz: &Gazetteer, body: &str, tokens: &[Tok], matches: &mut [Match]) {
    let mut k = 0;
    while k < matches.len() {
        // The longest chain of names from k, and whether a conjunction
        // joins it (a comma alone is a qualifier: "Alexandria, Louisiana").
        let mut end = k;
        let mut conjunction = false;
        while end + 1 < matches.len() {
            let between: Vec<&str> = tokens[matches[end].last + 1..matches[end + 1].first]
                .iter()
                .map(|t| t.text(body))
                .collect();
            let joined = match between.as_slice() {
                [","] => true,
                ["and" | "or"] | [",", "and" | "or"] => {
                    conjunction = true;
                    true
                }
                _ => false,
            };
            if !joined {
                break;
            }
            end += 1;
        }
        if conjunction {
            let typed = matches[k..=end].iter().any(|m| m.typed_region);
            let regions = matches[k..=end]
                .iter()
                .filter(|m| region_only(gaz, &m.postings))
                .count();
            for m in &mut matches[k..=end] {
                // "Utah, Washington and Wisconsin": among names that are
                // only regions, an ambiguous one is a region too.
                let others = regions - usize::from(region_only(gaz, &m.postings));
                if typed || others > 0 && others == end - k {
                    m.typed_region = true;
                }
            }
        }
        k = end + 1;
    }
}

/// "d'Ivoire", "l'Aquila": an elided French or Italian article before a
/// capitalised word.
fn elided_article(word: &str) -> bool {
    let mut chars = word.chars();
    matches!(chars.next(), Some('d' | 'l'))
        && matches!(chars.next(), Some('\'' | '’'))
        && chars.next().is_some_and(char::is_uppercase)
}

fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn has_possessive(word: &str) -> bool {
    possessive_len(word) > 0
}

fn possessive_len(word: &str) -> usize {
    for suffix in ["'s", "’s", "'S", "’S"] {
        if word.ends_with(suffix) {
            return suffix.len();
        }
    }
    0
}

/// Whether token `i` opens a sentence, a line or a quotation, where a
/// capital letter is no sign of a name.
fn sentence_initial(body: &str, tokens: &[Tok], i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).map(|p| tokens[p]) else {
        return true;
    };
    if body[prev.end..tokens[i].start].contains('\n') {
        return true;
    }
    prev.kind == Kind::Punct
        && matches!(
            prev.text(body),
            "." | "!"
                | "?"
                | ":"
                | ";"
                | "“"
                | "\""
                | "‘"
                | "'"
                | "("
                | "["
                | "—"
                | "–"
                | "-"
                | "…"
                | "”"
                | "''"
                | "``"
        )
}

/// "Alexandria, Louisiana": a name followed by a comma and a region or
/// country qualifies it.
fn link_qualifiers(body: &str, tokens: &[Tok], matches: &mut [Match]) {
    for k in 0..matches.len().saturating_sub(1) {
        let (a, b) = (&matches[k], &matches[k + 1]);
        let comma_between = b.first == a.last + 2 && tokens[a.last + 1].text(body) == ",";
        // (Not in a list of abbreviations: "Windows 95, 98, ME, NT, 2000":
        // two capitals qualify no two capitals.)
        let abbreviations = a.first == a.last
            && b.first == b.last
            && two_capitals(body, a)
            && two_capitals(body, b);
        if comma_between && !abbreviations {
            matches[k].qualifier = Some(k + 1);
            matches[k + 1].qualifies = true;
        }
    }
}

/// A place a dateline names, with the region or country after it.
struct DatelinePlace<'g> {
    span: Span,
    postings: Postings<'g>,
    region: Option<(Span, Postings<'g>)>,
}

/// The places a dateline names: `NEW YORK/WASHINGTON`, `LAGOS, Nigeria`.
/// The dateline begins at byte `at` of the body.
fn dateline_places<'g>(
    gaz: &'g Gazetteer,
    body: &str,
    at: usize,
    dateline: &Dateline,
) -> Vec<DatelinePlace<'g>> {
    let Some(place) = &dateline.place else {
        return Vec::new();
    };
    let body = &body[at..];
    let shift = |span: Span| Span {
        start: span.start + at,
        end: span.end + at,
    };
    let head = &body[..dateline.body_start.min(body.len())];
    let region = dateline.region.as_deref().and_then(|r| {
        let postings = gaz.lookup(&name_key(r))?;
        let start = head.find(r)?;
        Some((
            shift(Span {
                start,
                end: start + r.len(),
            }),
            postings,
        ))
    });
    let mut out = Vec::new();
    let mut search_from = 0;
    for part in place.split('/') {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        let Some(postings) = gaz.lookup(&name_key(part)) else {
            continue;
        };
        let Some(at) = head[search_from..].find(part) else {
            continue;
        };
        let start = search_from + at;
        search_from = start + part.len();
        out.push(DatelinePlace {
            span: shift(Span {
                start,
                end: start + part.len(),
            }),
            postings,
            region,
        });
    }
    out
}

/// A dateline that does not open the body: after a headline or a caption
/// line that stayed in it ("Storm hits the capital.\nCOLUMBIA, S.C. (AP) —
/// …"), or after a headline run into the first line ("Mason charged with
/// sex assault. BANTAM — A Danbury mason…"); or a town's name in title case
/// and a dash opening a paragraph ("Indianapolis – The Colts lost…"), which
/// the dateline reader leaves alone without an agency. Returns where it
/// begins and the dateline.
fn later_dateline(gaz: &Gazetteer, body: &str) -> Option<(usize, Dateline)> {
    // Where a dateline may begin: the body's start (title case only: the
    // dateline reader has tried the rest), the starts of the next two
    // lines after short ones, and a sentence's end in a short first line.
    let mut starts = vec![0];
    let mut at = 0;
    for _ in 0..2 {
        let Some(end) = body[at..].find('\n').map(|i| at + i) else {
            break;
        };
        if body[at..end].len() > 300 {
            break;
        }
        at = end + (body[end..].len() - body[end..].trim_start().len());
        starts.push(at);
    }
    let first_line = body.lines().next().unwrap_or("");
    let sentence_end = first_line
        .char_indices()
        .take_while(|&(i, _)| i < 160)
        .find(|&(i, c)| {
            matches!(c, '.' | '?' | '!')
                && first_line[i + 1..].starts_with(' ')
                && first_line[i + 1..]
                    .trim_start()
                    .starts_with(|c: char| c.is_uppercase())
        });
    if let Some((i, _)) = sentence_end {
        let rest = &first_line[i + 1..];
        starts.push(i + 1 + rest.len() - rest.trim_start().len());
    }
    for (k, &start) in starts.iter().enumerate() {
        let text = &body[start..];
        if k > 0
            && let Some(d) = crate::extract::dateline::find_dateline(text)
            && d.place.as_deref().is_some_and(|p| {
                p.split('/')
                    .any(|part| gaz.lookup(&name_key(part.trim())).is_some())
            })
        {
            return Some((start, d));
        }
        if let Some(d) = title_case_dateline(gaz, text) {
            return Some((start, d));
        }
    }
    None
}

/// "Indianapolis – The Colts lost…": a place's name in title case (one to
/// three words), a dash and a capital opening a paragraph.
fn title_case_dateline(gaz: &Gazetteer, text: &str) -> Option<Dateline> {
    let line = text.lines().next()?;
    // (The dash comes within the first few words.)
    let cut = (80..=line.len())
        .find(|&i| line.is_char_boundary(i))
        .unwrap_or(line.len());
    let line = &line[..cut];
    let (head, rest) = [" – ", " — ", " - ", " -- "]
        .iter()
        .filter_map(|dash| line.split_once(dash))
        .min_by_key(|(head, _)| head.len())?;
    let words: Vec<&str> = head.split_whitespace().collect();
    let title_case = !words.is_empty()
        && words.len() <= 3
        && words.iter().all(|w| {
            w.chars().all(|c| c.is_alphabetic() || ".'’".contains(c))
                && starts_upper(w)
                && w.chars().skip(1).any(char::is_lowercase)
        });
    if !title_case || !rest.trim_start().starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    let postings = gaz.lookup(&name_key(head)).filter(|p| !p.common_word)?;
    let land = postings
        .iter()
        .any(|c| c.name_type == NameType::Main && gaz.place(c.place).kind() >= PlaceKind::Country);
    if !land {
        return None;
    }
    let body_start = line.len() - rest.len() + (rest.len() - rest.trim_start().len());
    Some(Dateline {
        text: head.to_string(),
        place: Some(head.to_string()),
        region: None,
        agency: None,
        date: None,
        body_start,
    })
}

/// Which matches name places: the filters of recognition. Returns a
/// verdict per match, and marks the matches that a capitalised word beside
/// them glues to a longer name.
fn judge(gaz: &Gazetteer, page: &Page, tokens: &[Tok], matches: &mut [Match]) -> Vec<Verdict> {
    let body = page.text;
    // "Istanbul Turkey": a name right after another, with nothing between,
    // qualifies it when the first lies in it.
    let mut after_name = vec![false; matches.len()];
    for k in 1..matches.len() {
        let (a, b) = (&matches[k - 1], &matches[k]);
        // "Western Canada", "North Sea": a direction is no name of its own;
        // nor is a country or region after another name part of it.
        let direction = a.first == a.last && (NEVER_PLACES.has(&a.key) || DIRECTIONS.has(&a.key));
        let demonym = !a
            .postings
            .iter()
            .any(|c| matches!(c.name_type, NameType::Main | NameType::Alternate));
        let region_after = b.postings.iter().any(|c| {
            c.name_type == NameType::Main && gaz.place(c.place).kind() <= PlaceKind::Region
        });
        if direction
            || demonym
            || two_capitals(body, b)
            || b.first != a.last + 1
            || hyphen_joined(body, tokens[a.last], tokens[b.first])
            || has_possessive(tokens[a.last].text(body))
            || body[tokens[a.last].end..tokens[b.first].start].contains('\n')
        {
            continue;
        }
        if lies_in(gaz, &a.postings, &b.postings) {
            if a.qualifier.is_none() {
                matches[k - 1].qualifier = Some(k);
                matches[k].qualifies = true;
            }
        } else if !region_after {
            after_name[k] = true;
        }
    }
    for k in 0..matches.len() {
        if let Some(q) = matches[k].qualifier {
            matches[k].fits_qualifier = lies_in(gaz, &matches[k].postings, &matches[q].postings);
        }
    }
    let mut verdicts: Vec<Verdict> = matches
        .iter()
        .map(|m| keep_one(gaz, page, tokens, m))
        .collect();
    name_pairs(gaz, body, tokens, matches, &mut verdicts);
    for k in 0..matches.len() {
        matches[k].team = team_context(gaz, page, tokens, &matches[k]);
        matches[k].located_in = located_in(body, tokens, matches, k);
    }
    if matches.iter().any(|m| m.team) && (page.sports)() {
        team_lists(body, tokens, matches);
    }
    for k in 0..matches.len() {
        // "Park Joo-Ho": a name hyphened to a capitalised word after a
        // name is part of a person's ("Asia-Pacific", "Middlesex-London"
        // stay; "Wright-Patterson" is glued).
        let m = &matches[k];
        if m.first > 1 && hyphen_joined(body, tokens[m.first - 1], tokens[m.first]) {
            let prev = tokens[m.first - 1];
            let before = tokens[m.first - 2];
            let place_before = k > 0 && matches[k - 1].last + 1 == m.first;
            if starts_upper(prev.text(body))
                && before.kind == Kind::Word
                && starts_upper(before.text(body))
                && !sentence_initial(body, tokens, m.first - 2)
                && !place_before
                && matches!(verdicts[k], Verdict::Place | Verdict::Undecided)
            {
                verdicts[k] = Verdict::Not;
            }
        }
    }
    for k in 0..matches.len() {
        if verdicts[k] == Verdict::Not {
            matches[k].adjective_of = adjective_of(gaz, body, tokens, &matches[k]);
        }
    }
    for (k, m) in matches.iter_mut().enumerate() {
        m.glued = glued(gaz, body, tokens, m);
        // "Wells Fargo": a place name after another is part of a name
        // with it (its own rules have said what the first one is).
        if after_name[k] && matches!(verdicts[k], Verdict::Place | Verdict::Undecided) {
            // (Only a town's name is a name's part throughout: "Union
            // Pacific", but "across the Pacific".)
            let town_only = !wide_name(gaz, &m.postings)
                && !m
                    .postings
                    .iter()
                    .any(|c| gaz.place(c.place).kind() <= PlaceKind::Area);
            verdicts[k] = if m.first == m.last && town_only {
                Verdict::Name
            } else {
                Verdict::Not
            };
        }
    }
    verdicts
}

/// "Paris Baguette", "Brandon Royal": a town's name before the same
/// capitalised word more than once in an article is a name of two words,
/// a firm's or a person's, and those mentions are not the town ("seven in
/// Paris" still is). Words that follow places ("Paris police", "Boston
/// Marathon", "Hertford Road") and another place ("Istanbul Turkey") are
/// no such word;
/// countries and regions are left to the other rules ("Texas Instruments").
fn name_pairs(
    gaz: &Gazetteer,
    body: &str,
    tokens: &[Tok],
    matches: &[Match],
    verdicts: &mut [Verdict],
) {
    // (The word after each town, worked out once: the cheap tests first,
    // the word lists only for a capitalised word on the same line.)
    let second = |m: &Match| -> Option<&str> {
        if m.first != m.last || m.possessive {
            return None;
        }
        let next = *tokens.get(m.last + 1)?;
        let text = next.text(body);
        if next.kind != Kind::Word
            || !starts_upper(text)
            || is_all_caps(text)
            || hyphen_joined(body, tokens[m.last], next)
            || body[tokens[m.last].end..next.start].contains('\n')
        {
            return None;
        }
        let lower = to_lower(text);
        let head = lower.trim_end_matches(['\'', '’', 's']);
        let ordinary = AFTER_PLACE.has(&lower)
            || AFTER_PLACE.has(head)
            || ROLE_HEADS.has(&lower)
            || NEVER_PLACES.has(&lower)
            || CONNECTORS.has(&lower)
            || EVENT_WORDS.has(&lower)
            || INSTITUTION_HEADS.has(&lower)
            || NOT_NICKNAMES.has(&lower)
            || matches!(
                lower.as_str(),
                "avenue" | "lane" | "drive" | "boulevard" | "crescent" | "way" | "terrace"
            )
            || crate::extract::dates::is_calendar_word(&lower);
        // ("Cardiff Arms Park": a ground in the town.)
        let landmark = || {
            tokens.get(m.last + 2).is_some_and(|t| {
                let lower = to_lower(t.text(body));
                NOT_NICKNAMES.has(&lower) || AFTER_PLACE.has(&lower)
            })
        };
        (!ordinary && !landmark()).then_some(text)
    };
    let town = |m: &Match| {
        !m.postings.iter().any(|c| {
            matches!(c.name_type, NameType::Main | NameType::Alternate)
                && gaz.place(c.place).kind() <= PlaceKind::Region
        })
    };
    let starts: std::collections::HashSet<usize> = matches.iter().map(|m| m.first).collect();
    let seconds: Vec<Option<&str>> = matches
        .iter()
        .map(|m| second(m).filter(|_| town(m) && !starts.contains(&(m.last + 1))))
        .collect();
    let mut pairs: HashMap<(&str, &str), usize> = HashMap::new();
    for (m, word) in matches.iter().zip(&seconds) {
        if let Some(word) = word {
            *pairs.entry((m.key.as_str(), word)).or_default() += 1;
        }
    }
    for ((m, word), verdict) in matches.iter().zip(&seconds).zip(verdicts.iter_mut()) {
        let repeated = word.is_some_and(|w| pairs.get(&(m.key.as_str(), w)) >= Some(&2));
        if repeated && matches!(*verdict, Verdict::Place | Verdict::Undecided) {
            *verdict = Verdict::Not;
        }
    }
}

/// Whether a name that is also a person's in the article is the place
/// where it stands: after "in", "from"…, but not as an owner ("in Cairo's
/// words" of Hannah Cairo).
fn person_locative(m: &Match) -> bool {
    m.locative && !m.possessive
}

/// Whether some reading of `inner` lies in some reading of `outer`:
/// "Istanbul" in "Turkey", "Alexandria" in "Louisiana".
fn lies_in(gaz: &Gazetteer, inner: &Postings, outer: &Postings) -> bool {
    // By its own name or an abbreviation: "Michael Mann" is no "Michael,
    // Isle of Man" for the Manx name of the island.
    let outer: Vec<u32> = outer
        .iter()
        .filter(|c| matches!(c.name_type, NameType::Main | NameType::Qualifier))
        .map(|c| c.place)
        .collect();
    inner
        .iter()
        .filter(|c| matches!(c.name_type, NameType::Main | NameType::Alternate))
        .any(|c| {
            let (country, region) = country_and_region(gaz.place(c.place));
            country.is_some_and(|p| outer.contains(&p) && p != c.place)
                || region.is_some_and(|p| outer.contains(&p) && p != c.place)
        })
}

/// Undecided names (a common word opening a sentence, a small town in an
/// all-capitals headline) are places when the article, title or body,
/// uses them as places elsewhere.
fn confirm(matches: &[Match], verdicts: &mut [Verdict]) {
    let confirmed: std::collections::HashSet<String> = matches
        .iter()
        .zip(verdicts.iter())
        .filter(|(_, v)| **v == Verdict::Place)
        .map(|(m, _)| m.key.clone())
        .collect();
    for (m, v) in matches.iter().zip(verdicts.iter_mut()) {
        if *v == Verdict::Undecided {
            *v = if confirmed.contains(&m.key) {
                Verdict::Place
            } else {
                Verdict::Not
            };
        }
    }
}

/// The verdict of the words around one name.
fn keep_one(gaz: &Gazetteer, page: &Page, tokens: &[Tok], m: &Match) -> Verdict {
    let (body, person_spans, person_words) = (page.text, page.person_spans, page.person_words);
    let surface = &body[m.span.start..m.span.end];
    let single_word = m.first == m.last;
    // Part of a name: the word's other mentions are that name too when it
    // is one word ("Jones"); a longer name is too specific to be.
    let name = if single_word {
        Verdict::Name
    } else {
        Verdict::Not
    };
    if single_word && (NEVER_PLACES.has(&m.key) || is_contraction(surface)) {
        return Verdict::Not;
    }
    let mentionable = m
        .postings
        .iter()
        .any(|c| matches!(c.name_type, NameType::Main | NameType::Alternate));
    if !mentionable {
        // A region's abbreviation is a mention where it qualifies a place
        // ("Churchill, Man.") or follows "in" ("in B.C.").
        let abbreviation = m
            .postings
            .iter()
            .any(|c| c.name_type == NameType::Qualifier);
        // (A postal code, "MA", "IN", "OR", only in capitals after a place
        // and a comma: "Mansfield, MA".)
        // Not "Ms" or "In" opening a sentence: in mixed case two letters are
        // an abbreviation only with their dot ("Ky.", "Pa."), and not an
        // honorific's or a company's ("Ms.", "Co.").
        // "Alexander Niculescu, M.D.": a degree; "Niculescu, A.B.": initials.
        let dotted =
            surface.contains('.') && surface.chars().all(|c| c.is_ascii_uppercase() || c == '.');
        if dotted && DOTTED_DEGREES.has(&m.key) {
            return Verdict::Not;
        }
        let postal = postal_code(body, m);
        let two = surface.len() == 2 && !postal;
        if two
            && (!body[m.span.end..].starts_with('.')
                || HONORIFICS.has(&m.key)
                || COMPANY_WORDS.has(&m.key))
        {
            return Verdict::Not;
        }
        return if abbreviation && (m.qualifies || m.locative && !postal) {
            Verdict::Place
        } else {
            Verdict::Not
        };
    }
    // Names that name something other than the place: a brand, a work, an
    // institution, a document, a product, an organisation, a player.
    if let Some(verdict) = named_after(gaz, page, tokens, m) {
        return verdict;
    }
    // A person's name is not a place ("Paris Hilton said"); a name of
    // several words ("Granville County", "New York") is too specific to be
    // part of one.
    // (The speaker resolver can take a country or a big city that speaks
    // for a person — "Libya insisted" — so a wide place there is only left
    // out where it stands, and only without "in", "from"….)
    // A word of a quoted person's name is that name throughout; a place
    // inside the span of a speaker's description ("a member of Camborne
    // Town Council") is only left out there.
    let wide = wide_name(gaz, &m.postings);
    if single_word && !m.fits_qualifier {
        if person_words.contains(&surface) {
            if !wide {
                return Verdict::Name;
            }
            // ("in Cairo's words" of Hannah Cairo: the possessive is hers.)
            let country = m.postings.iter().any(|c| {
                c.name_type == NameType::Main && gaz.place(c.place).kind() <= PlaceKind::Country
            });
            if !m.locative || m.possessive && !country {
                return Verdict::Not;
            }
        } else if person_spans
            .iter()
            .any(|p| p.start < m.span.end && m.span.start < p.end)
            && !m.locative
            && !role_after(body, tokens, m.last)
        {
            return Verdict::Not;
        }
    }
    let all_caps = is_all_caps(surface);
    let possessive = has_possessive(tokens[m.last].text(body));
    // "US$460", "$US 15 billion": a currency, not a place.
    let dollar =
        body[m.span.end..].starts_with('$') || body[..m.span.start].trim_end().ends_with('$');
    if dollar {
        return Verdict::Not;
    }
    // "HIV", "ALMA": an all-capitals word is an acronym unless it names a
    // country or region ("US", "NSW") or opens a line, as datelines do.
    // "EST" is one too: a region may be called Est, but three capitals
    // are an abbreviation of it only when the gazetteer has them as one.
    let line_start = m.first == 0 || body[tokens[m.first - 1].end..m.span.start].contains('\n');
    // (A dateline's word is followed by a comma, a dash, a bracket or the
    // story's first word, "DETROIT The U.S. …", and a headline's first
    // word by the next in capitals, "LONDON GOLD FIXED…"; not by a
    // lower-case word, "GAO is preparing…". Three capitals before another
    // word in capitals are an acronym: "GAO LIKELY TO SHOW…".)
    let short = surface.chars().filter(|c| c.is_alphabetic()).count() <= 3;
    let opens_dateline = line_start
        && !tokens.get(m.last + 1).is_some_and(|t| {
            let text = t.text(body);
            t.kind == Kind::Word
                && (text.starts_with(|c: char| c.is_lowercase()) || short && is_all_caps(text))
        });
    if all_caps && single_word && !opens_dateline {
        let wide = m.postings.iter().any(|c| {
            let p = gaz.place(c.place);
            c.name_type == NameType::Main
                && p.kind() <= PlaceKind::Region
                && !(short && name_key(p.name()) == m.key)
        });
        if !wide {
            return Verdict::Not;
        }
    }
    // "Somali", "Kurdish": a demonym, even where a town shares the name.
    if m.postings.iter().any(|c| c.name_type == NameType::Demonym)
        && !m.postings.iter().any(|c| {
            c.name_type == NameType::Main && gaz.place(c.place).kind() <= PlaceKind::Region
        })
    {
        return Verdict::Not;
    }
    // A title before it makes it a person: "Mr. Jordan", "President Washington".
    let joined_before = m.first > 0 && hyphen_joined(body, tokens[m.first - 1], tokens[m.first]);
    let joined_after = tokens
        .get(m.last + 1)
        .is_some_and(|&n| hyphen_joined(body, tokens[m.last], n));
    // "Man-Su", "I-Ann": a short name hyphened to another syllable is a
    // romanised given name, not the town of Man or of Ann.
    // (One capital is a party's tag, "D-Iowa", "R-Ohio"; only "I" is a
    // syllable, and not in brackets: "(I-Maine)".)
    let syllable = |t: Tok| {
        let text = t.text(body);
        let bracketed = body[..t.start].ends_with('(');
        let letters = text.chars().count();
        t.kind == Kind::Word
            && letters <= 3
            && if letters == 1 {
                text == "I" && !bracketed
            } else {
                text.chars().skip(1).all(char::is_lowercase)
            }
            && starts_upper(text)
            && !crate::extract::text::is_arabic_article(&to_lower(text))
    };
    let short_name = single_word && surface.chars().count() <= 4;
    if short_name
        && (joined_before && syllable(tokens[m.first - 1])
            || joined_after && syllable(tokens[m.last + 1]))
    {
        return Verdict::Not;
    }
    if let Some(prev) = word_before(tokens, m.first).filter(|_| !joined_before) {
        let prev_text = prev.text(body);
        let lower = to_lower(prev_text);
        let w = lower.trim_end_matches('.');
        let capital_role = starts_upper(prev_text) && ROLE_HEADS.has(w);
        if HONORIFICS.has(w) && w != "the" || capital_role {
            return name;
        }
        // "New Europe Film Sales", "New Labour": "New" before a place makes
        // another name when the gazetteer knows no place by the two words
        // (it would have matched them: "New Mexico", "New England").
        if prev_text == "New"
            && !sentence_initial_word(body, tokens, m.first - 1)
            && !role_after(body, tokens, m.last)
        {
            return Verdict::Not;
        }
        // "Mount Charlotte", "Mount St. Helens": a mountain, not the town.
        if matches!(w, "mount" | "mt") && starts_upper(prev_text) {
            return Verdict::Not;
        }
        // "S Williams", "J. Jones": an initial.
        if is_initial(prev_text) && !(matches!(prev_text, "A" | "I")) {
            return name;
        }
        // "George Washington", "Michael Jordan": a first name before it.
        // A capitalised ordinary word leaves it a place ("Environment
        // Canada", "Greater London").
        let name_before = starts_upper(prev_text)
            && !is_all_caps(prev_text)
            && (FIRST_NAMES.has(w)
                || !gaz.is_english_word(w) && !sentence_initial_word(body, tokens, m.first - 1));
        // "Welsh Rugby Union", "British Airways": a demonym before it makes
        // it part of a name.
        let demonym_before = starts_upper(prev_text)
            && gaz
                .lookup(w)
                .is_some_and(|p| p.iter().any(|c| c.name_type == NameType::Demonym));
        // (Before a wide place a word unknown to the dictionary is as
        // often a company's, "Costco Canada": only that mention goes.)
        if FIRST_NAMES.has(w) && name_before {
            return name;
        }
        if name_before || demonym_before {
            return if wide { Verdict::Not } else { name };
        }
    }
    // "Batman: Arkham VR": the head of a work's title, not a dateline or
    // a heading (which open their line).
    let titled_work = tokens.get(m.last + 1).is_some_and(|t| t.text(body) == ":")
        && tokens
            .get(m.last + 2)
            .is_some_and(|t| t.kind == Kind::Word && starts_upper(t.text(body)))
        && !line_start;
    if titled_work && !all_caps {
        return Verdict::Not;
    }
    // "Edo Corp", "EDO CORP", "Jones and Vining Inc", "Moore-Handley Inc":
    // a company's name.
    if !m.fits_qualifier && company_after(body, tokens, m.last) {
        return if wide { Verdict::Not } else { name };
    }
    // "Clinton C. Sisson": a first name and an initial.
    if single_word
        && tokens
            .get(m.last + 1)
            .is_some_and(|t| is_initial(t.text(body)) && t.text(body).ends_with('.'))
        && tokens
            .get(m.last + 2)
            .is_some_and(|t| t.kind == Kind::Word && starts_upper(t.text(body)))
    {
        return name;
    }
    if let Some(next) = tokens
        .get(m.last + 1)
        .filter(|t| t.kind == Kind::Word && !joined_after && single_word && !m.fits_qualifier)
    {
        let text = next.text(body);
        let lower = || text.to_lowercase();
        // "Elizabeth Quat", "Paris Hilton": a given name before a
        // capitalised word is a person's.
        let given =
            GIVEN_NAMES.has(&m.key) && starts_upper(text) && !possessive && !is_all_caps(text) && {
                let lower = lower();
                !AFTER_PLACE.has(&lower)
                    && !ROLE_HEADS.has(&lower)
                    && !NEVER_PLACES.has(&lower)
                    && !CONNECTORS.has(&lower)
            };
        // "the Monti government": a person at the head of it; "the Bush
        // administration" is no city either, only a country or region
        // governs by its name ("the Kenya government").
        let governed = GOVERNED_BY.has(text);
        if given || governed && !wide {
            return Verdict::Name;
        }
        let land = m.postings.iter().any(|c| {
            c.name_type == NameType::Main
                && matches!(
                    gaz.place(c.place).kind(),
                    PlaceKind::Country | PlaceKind::Region
                )
        });
        if governed && !land {
            return Verdict::Not;
        }
    }
    // "Paris Hilton", "New York Times": a name or a newspaper after it.
    // Ordinary words leave it a place: "Texas Governor", "Granville County
    // Fire Marshal", "US President-elect".
    if let Some(next) = tokens
        .get(m.last + 1)
        .filter(|t| t.kind == Kind::Word && !joined_after && m.qualifier.is_none())
    {
        let text = next.text(body);
        let lower = to_lower(text);
        let head = lower.split(['-', '.', '\'', '’']).next().unwrap_or("");
        let dateline_like = all_caps && surface.chars().count() > 3;
        if starts_upper(text) && !possessive && !dateline_like {
            // ("Aden O'Hara", "Florence McBride": an Irish or Scottish
            // surname, whatever its first letters spell.)
            let surname = !is_all_caps(text)
                && (gaelic_surname(text)
                    || !gaz.is_english_word(head)
                        && !AFTER_PLACE.has(head)
                        && !NEVER_PLACES.has(head));
            // (A wide place before an unknown word is as often a team or a
            // company as a person, "Edmonton Oilers": left out where it
            // stands, its other mentions kept.)
            if surname {
                return if wide { Verdict::Not } else { name };
            }
            // A name that is also a word, in a capitalised phrase, is that
            // phrase's word: "Mobile World Congress", "Reading Festival".
            let titled_phrase =
                m.postings.common_word && !AFTER_PLACE.has(head) && !is_all_caps(text);
            if titled_phrase || MEDIA_TAILS.has(head) || MEDIA_EXTRA.has(head) {
                return Verdict::Not;
            }
        }
    }
    // In an all-capitals headline a capital proves nothing: a small
    // town there is a place when the article names it as one elsewhere.
    let caps_word = |t: Option<&Tok>| {
        t.is_some_and(|t| t.kind == Kind::Word && is_all_caps(t.text(body)) && t.end - t.start > 1)
    };
    let caps_run = caps_word(m.first.checked_sub(1).and_then(|i| tokens.get(i)))
        || caps_word(tokens.get(m.last + 1));
    if all_caps && !wide && (caps_run || !line_start) {
        return Verdict::Undecided;
    }
    if m.postings.common_word {
        let country = m.postings.iter().any(|c| {
            c.name_type == NameType::Main && gaz.place(c.place).kind() <= PlaceKind::Country
        });
        if m.sentence_initial && !m.locative && !country {
            return Verdict::Undecided;
        }
        // ("Pacific", "Gulf": the named area's other name.)
        let big = m.postings.iter().any(|c| {
            let p = gaz.place(c.place);
            match c.name_type {
                NameType::Main => p.kind() <= PlaceKind::Region || p.population() >= 100_000,
                NameType::Alternate => p.kind() <= PlaceKind::Area,
                _ => false,
            }
        });
        return if big || m.locative {
            Verdict::Place
        } else {
            Verdict::Not
        };
    }
    Verdict::Place
}

/// The verdict on a name that names something called after a place, not
/// the place: a brand spelled in its own way ("SoFi"), a work's title in
/// quotes ("\"China Grove\""), an institution ("Columbia University",
/// "University of York"), a document ("Paris Agreement", "Treaty of
/// Rome"), a product or a disease ("Brussels sprouts", "Marburg virus"), an
/// organisation named as one ("the gear maker Black Diamond"), a player
/// in a box score ("Davis 17 points") or a team ("Toronto Blue Jays
/// outfielder"). Countries are parties to agreements, and countries and
/// regions sides in sport: only the first rules (brand, title,
/// institution) apply to them, and to regions those of documents and
/// products too.
fn named_after(gaz: &Gazetteer, page: &Page, tokens: &[Tok], m: &Match) -> Option<Verdict> {
    let body = page.text;
    let land = land_name(gaz, &m.postings);
    let name = if m.first == m.last {
        Verdict::Name
    } else {
        Verdict::Not
    };
    if brand_spelling(gaz, body, tokens, m) {
        return Some(Verdict::Not);
    }
    if quoted_title(body, tokens, m).is_some_and(|others| others || !land) {
        return Some(Verdict::Not);
    }
    if in_institution_name(body, tokens, m) {
        return Some(Verdict::Not);
    }
    if m.first == m.last
        && COMPANY_NAMESAKES.has(&m.key)
        && !m.strong_locative
        && m.qualifier.is_none()
        && !m.qualifies
    {
        return Some(Verdict::Name);
    }
    // (A country is a party to its agreements, "the Iran nuclear
    // agreement"; a region or a town is not: "Kyoto Protocol".)
    let nation = m
        .postings
        .iter()
        .any(|c| c.name_type == NameType::Main && gaz.place(c.place).kind() <= PlaceKind::Country);
    if !nation && named_document(body, tokens, m) {
        return Some(Verdict::Not);
    }
    let next = tokens.get(m.last + 1).filter(|&&t| {
        t.kind == Kind::Word
            && !hyphen_joined(body, tokens[m.last], t)
            && !body[tokens[m.last].end..t.start].contains('\n')
    });
    let possessive = has_possessive(tokens[m.last].text(body));
    // "Brussels sprouts", "Marburg virus".
    if let Some(next) = next
        && !nation
        && !possessive
        && NAMED_AFTER_PLACES.has(&to_lower(next.text(body)))
    {
        return Some(Verdict::Not);
    }
    if land {
        return None;
    }
    // "the climbing gear maker Black Diamond", "news agency Xinhua".
    if let Some(prev) = word_before(tokens, m.first)
        && !hyphen_joined(body, prev, tokens[m.first])
        && ORGANISATION_KINDS.has(prev.text(body))
    {
        return Some(name);
    }
    // "Davis 17 points".
    if let Some(next) = next
        && !possessive
        && is_small_number(next.text(body))
        && tokens
            .get(m.last + 2)
            .is_some_and(|t| STAT_WORDS.has(&to_lower(t.text(body))))
    {
        return Some(name);
    }
    // "Toronto Blue Jays outfielder Alex Rios".
    if sports_role_after(body, tokens, m) {
        return Some(Verdict::Not);
    }
    None
}

/// "ON", "MA": two capitals, which after a name in a headline are as often
/// a word ("LONDON ON RISE") as a postal code, which wants a comma.
fn two_capitals(body: &str, m: &Match) -> bool {
    let surface = &body[m.span.start..m.span.end];
    surface.len() == 2 && surface.bytes().all(|b| b.is_ascii_uppercase())
}

/// "MA", "OR": two capitals that only a region's postal code is called
/// ("Mansfield, MA"), which the conjunction in a headline also spells.
fn postal_code(body: &str, m: &Match) -> bool {
    let surface = &body[m.span.start..m.span.end];
    // "Lauren Slayton, MS, RD": degrees after a name, not a state.
    let credential = |word: &str| {
        matches!(
            word.trim_end_matches(['.', ',']),
            "RD" | "RDN"
                | "RN"
                | "MD"
                | "PhD"
                | "DO"
                | "LD"
                | "CDN"
                | "CPT"
                | "CSCS"
                | "MPH"
                | "MBA"
                | "JD"
                | "DDS"
                | "MS"
                | "MA"
                | "BS"
                | "LCSW"
                | "NP"
                | "PA-C"
        )
    };
    let next = body[m.span.end..]
        .strip_prefix(',')
        .and_then(|rest| rest.split_whitespace().next());
    if next.is_some_and(credential) {
        return false;
    }
    surface.len() == 2
        && surface.bytes().all(|b| b.is_ascii_uppercase())
        && m.postings
            .iter()
            .all(|c| c.name_type == NameType::Qualifier)
}

/// Whether a reading of the name is a continent, country, named area or
/// region (by its own name).
fn land_name(gaz: &Gazetteer, postings: &Postings) -> bool {
    postings
        .iter()
        .any(|c| c.name_type == NameType::Main && gaz.place(c.place).kind() <= PlaceKind::Region)
}

/// "SoFi", "eBay": a capital inside a word, which a brand's name has and
/// a place's has only when the place is spelled so ("McAllen", "DeKalb").
fn brand_spelling(gaz: &Gazetteer, body: &str, tokens: &[Tok], m: &Match) -> bool {
    tokens[m.first..=m.last]
        .iter()
        .filter(|t| t.kind == Kind::Word)
        .any(|t| {
            let word = t.text(body);
            let word = &word[..word.len() - possessive_len(word)];
            let chars: Vec<char> = word.chars().collect();
            let camel = chars
                .windows(2)
                .any(|w| w[0].is_lowercase() && w[1].is_uppercase());
            // (Not a place's own name or alias, "MidEast Gulf", or its name
            // in other capitals, "LaFayette County": "SoFi" is only an
            // alternate name of Sofia.)
            camel
                && !m.postings.iter().any(|c| {
                    c.name_type == NameType::Main
                        || gaz
                            .place(c.place)
                            .name()
                            .split([' ', '-'])
                            .any(|w| w.eq_ignore_ascii_case(word))
                })
        })
}

/// Whether the name stands in quotation marks that hold nothing but
/// capitalised words, as a work's title does ("\"China Grove\"", "the
/// so-called \"San Antonio Four\""): `Some(true)` when other words share
/// the marks with it.
fn quoted_title(body: &str, tokens: &[Tok], m: &Match) -> Option<bool> {
    let titled = |t: &Tok| {
        let text = t.text(body);
        t.kind == Kind::Word
            && (starts_upper(text)
                || matches!(
                    text,
                    "of" | "the" | "and" | "a" | "an" | "in" | "on" | "to" | "for" | "with" | "at"
                ))
    };
    let same_line = |a: Tok, b: Tok| !body[a.end..b.start].contains('\n');
    // Back to the opening mark.
    let mut i = m.first;
    let mut others = false;
    let open = loop {
        let t = *tokens.get(i.checked_sub(1)?)?;
        if !same_line(t, tokens[i]) {
            return None;
        }
        if t.kind == Kind::Punct {
            break t.text(body);
        }
        if !titled(&t) || m.first - i >= 6 {
            return None;
        }
        others = true;
        i -= 1;
    };
    let close = match open {
        "“" => "”",
        "‘" => "’",
        "\"" | "'" | "''" => open,
        "``" => "''",
        _ => return None,
    };
    // A straight mark opens after a space or a bracket.
    if matches!(open, "\"" | "'")
        && body[..tokens[i - 1].start]
            .chars()
            .next_back()
            .is_some_and(|c| !c.is_whitespace() && !"([".contains(c))
    {
        return None;
    }
    // On to the closing one (a comma or a full stop may come first).
    let mut j = m.last;
    loop {
        let t = *tokens.get(j + 1)?;
        if !same_line(tokens[j], t) {
            return None;
        }
        if t.kind == Kind::Punct {
            let text = t.text(body);
            if text == close {
                return Some(others);
            }
            let next = tokens.get(j + 2).map(|n| n.text(body));
            return (matches!(text, "," | "." | "!" | "?") && next == Some(close))
                .then_some(others);
        }
        if !titled(&t) || j - m.last >= 6 {
            return None;
        }
        others = true;
        j += 1;
    }
}

/// Whether the name is part of an institution's: capitalised words after
/// it that end in "University", "Hospital", "College"… ("Columbia
/// University", "Toronto General Hospital", "St. Paul's Hospital"), or
/// "University of" before it ("University of York"). A school board or a
/// council ("Edmonton School Division") is local government, and stays.
fn in_institution_name(body: &str, tokens: &[Tok], m: &Match) -> bool {
    let is_head = |i: usize| {
        tokens[i].kind == Kind::Word
            && starts_upper(tokens[i].text(body))
            && INSTITUTION_HEADS.has(&to_lower(tokens[i].text(body)))
    };
    if m.first >= 2 && tokens[m.first - 1].text(body) == "of" && is_head(m.first - 2) {
        return true;
    }
    // "University of California, Berkeley", "University of Alabama at
    // Birmingham": the campus is part of the name too; so is "UC Berkeley".
    if m.first >= 4
        && matches!(tokens[m.first - 1].text(body), "," | "at")
        && tokens[m.first - 3].text(body) == "of"
        && is_head(m.first - 4)
    {
        return true;
    }
    if m.first >= 1 && matches!(tokens[m.first - 1].text(body), "UC" | "SUNY" | "CUNY") {
        return true;
    }
    // (After a possessive only the head itself: "St. Paul's Hospital", not
    // "Toronto's General Motors plant".)
    let possessive = has_possessive(tokens[m.last].text(body));
    let mut head: Option<String> = None;
    let mut inner_head = false;
    let mut prev = tokens[m.last];
    for t in tokens
        .iter()
        .skip(m.last + 1)
        .take(if possessive { 1 } else { 5 })
    {
        let text = t.text(body);
        if t.kind != Kind::Word
            || !starts_upper(text)
            || body[prev.end..t.start].contains('\n')
            || hyphen_joined(body, prev, *t) && head.is_none()
        {
            break;
        }
        let word = to_lower(&text[..text.len() - possessive_len(text)]);
        // "Georgetown University Medical Center", "Cambridge Judge Business
        // School": a head anywhere in the run (but "Edmonton School
        // Division" is a school board, local government).
        inner_head |= INSTITUTION_HEADS.has(&word);
        head = Some(word.to_string());
        if has_possessive(text) {
            break;
        }
        prev = *t;
    }
    let governs = head.as_deref().is_some_and(|h| {
        matches!(
            h,
            "division"
                | "board"
                | "district"
                | "council"
                | "authority"
                | "committee"
                | "department"
        )
    });
    head.is_some_and(|h| INSTITUTION_HEADS.has(&h)) || (inner_head && !governs)
}

/// "Paris Agreement", "the Paris climate accord", "Geneva Conventions",
/// "Treaty of Rome": a document named after the place it was signed in.
fn named_document(body: &str, tokens: &[Tok], m: &Match) -> bool {
    if m.first >= 2
        && tokens[m.first - 1].text(body) == "of"
        && tokens[m.first - 2].kind == Kind::Word
        && starts_upper(tokens[m.first - 2].text(body))
        && AGREEMENT_WORDS.has(&to_lower(tokens[m.first - 2].text(body)))
    {
        return true;
    }
    if has_possessive(tokens[m.last].text(body)) {
        return false;
    }
    for t in tokens.iter().skip(m.last + 1).take(3) {
        if t.kind != Kind::Word {
            return false;
        }
        let text = t.text(body);
        let lower = to_lower(text);
        if AGREEMENT_WORDS.has(&lower) {
            return true;
        }
        if !starts_upper(text) && !AGREEMENT_MODIFIERS.has(&lower) {
            return false;
        }
    }
    false
}

/// "Toronto Blue Jays outfielder", "Chelsea striker": a role only a team
/// has, after the name and up to three capitalised words (its nickname).
fn sports_role_after(body: &str, tokens: &[Tok], m: &Match) -> bool {
    if has_possessive(tokens[m.last].text(body)) {
        return false;
    }
    let mut k = m.last + 1;
    for _ in 0..4 {
        if tokens.get(k).is_none_or(|t| t.kind != Kind::Word) {
            return false;
        }
        let (text, last) = hyphened(body, tokens, k);
        if SPORTS_ONLY_ROLES.has(&to_lower(text)) {
            return true;
        }
        if !starts_upper(text) {
            return false;
        }
        k = last + 1;
    }
    false
}

/// The whole hyphened word that begins with token `i` ("fly-half" of the
/// pieces "fly", "half"), and the index of its last piece.
fn hyphened<'t>(body: &'t str, tokens: &[Tok], i: usize) -> (&'t str, usize) {
    let mut last = i;
    while tokens
        .get(last + 1)
        .is_some_and(|&n| hyphen_joined(body, tokens[last], n))
    {
        last += 1;
    }
    (&body[tokens[i].start..tokens[last].end], last)
}

/// "O'Hara", "McBride", "MacLeod", "FitzGerald": a Gaelic surname.
fn gaelic_surname(word: &str) -> bool {
    let rest = ["O'", "O’", "Mc", "Mac", "Fitz"]
        .iter()
        .find_map(|prefix| word.strip_prefix(prefix));
    rest.is_some_and(|r| r.starts_with(|c: char| c.is_uppercase()))
}

/// "Montreal Mayor Denis Coderre", "Ouagadougou's mayor", "Quebec Health
/// Minister": a role after the name, which the place is the seat of.
fn role_after(body: &str, tokens: &[Tok], last: usize) -> bool {
    // ("Bangladesh Commerce Minister M.A. Munim": a department's
    // capitalised words may come first.)
    for t in tokens.iter().skip(last + 1).take(3) {
        let text = t.text(body);
        let lower = to_lower(text);
        if t.kind != Kind::Word {
            return false;
        }
        if OFFICES.has(&lower) || AFTER_PLACE.has(&lower) {
            return true;
        }
        if !starts_upper(text) {
            return false;
        }
    }
    false
}

/// Whether the words around a name make it a team: anywhere, a role only
/// a team has after its nickname ("Toronto Blue Jays outfielder"); in
/// sports copy also a nickname after it ("Oklahoma City Thunder",
/// "Manchester United", "Stoke City"), a club's word before it ("Real
/// Madrid", "AC Milan"), a result ("Cleveland beat Cincinnati 5-3",
/// "Chelsea v Arsenal", "lost to Leeds", "Chelsea have"), a score after it
/// ("Cleveland 5"), or a team's people ("Chelsea boss", "Leicester fans").
fn team_context(gaz: &Gazetteer, page: &Page, tokens: &[Tok], m: &Match) -> bool {
    let body = page.text;
    if sports_role_after(body, tokens, m) {
        return true;
    }
    // (Not a name in capitals: a dateline, "WASHINGTON Christopher
    // Steele, who…", or a headline.)
    if is_all_caps(&body[m.span.start..m.span.end]) {
        return false;
    }
    team_words(gaz, body, tokens, m) && (page.sports)()
}

/// Whether the words around a name are those of a team in sports copy
/// (see [`team_context`]).
fn team_words(gaz: &Gazetteer, body: &str, tokens: &[Tok], m: &Match) -> bool {
    let same_line = |a: Tok, b: Tok| !body[a.end..b.start].contains('\n');
    let possessive = has_possessive(tokens[m.last].text(body));
    let next = tokens.get(m.last + 1).copied().filter(|&t| {
        t.kind == Kind::Word
            && same_line(tokens[m.last], t)
            && !hyphen_joined(body, tokens[m.last], t)
    });
    let prev = m.first.checked_sub(1).map(|i| tokens[i]).filter(|&t| {
        t.kind == Kind::Word
            && same_line(t, tokens[m.first])
            && !hyphen_joined(body, t, tokens[m.first])
    });
    if let Some(next) = next {
        let text = next.text(body);
        // (A role may be hyphened: "Bath fly-half", "Leicester tight-head".)
        let whole = to_lower(hyphened(body, tokens, m.last + 1).0);
        let lower = if TEAM_ROLES.has(&whole) {
            whole
        } else {
            to_lower(text)
        };
        let head = lower.trim_end_matches(['.', '\'', '’']);
        let head = head.strip_suffix("'s").unwrap_or(head);
        if possessive {
            // "Chelsea's striker", "Chelsea's goal", "Chelsea's John Terry".
            let person = starts_upper(text)
                && tokens
                    .get(m.last + 2)
                    .is_some_and(|t| t.kind == Kind::Word && starts_upper(t.text(body)))
                && gaz.lookup(&name_key(text)).is_none();
            if TEAM_ROLES.has(head) || SPORTS_WORDS.has(head) || person {
                return true;
            }
        } else if TEAM_ROLES.has(head) || RESULT_VERBS.has(head) || is_small_number(text) {
            return true;
        } else if matches!(text, "FC" | "AFC" | "SC" | "CF") {
            // "Toronto FC".
            return true;
        } else if starts_upper(text)
            && !is_all_caps(text)
            && nickname(gaz, body, tokens, m.last + 1)
        {
            return true;
        }
    }
    // "H Ellis (Leicester); G Rowntree (Leicester)": a team sheet, each
    // player's club in brackets.
    let bracketed = m.first >= 2
        && tokens[m.first - 1].text(body) == "("
        && tokens.get(m.last + 1).is_some_and(|t| t.text(body) == ")")
        && tokens[m.first - 2].kind == Kind::Word
        && starts_upper(tokens[m.first - 2].text(body));
    if bracketed {
        return true;
    }
    if let Some(prev) = prev {
        let text = prev.text(body);
        let lower = to_lower(text);
        let w = lower.trim_end_matches('.');
        if RESULT_OBJECTS.has(w) {
            return true;
        }
        // "lost to Leeds", "drew with Wigan".
        let before = m
            .first
            .checked_sub(2)
            .map(|i| tokens[i].text(body).to_lowercase());
        let before = before.as_deref();
        if w == "to" && matches!(before, Some("lost" | "losing" | "loss" | "fell"))
            || w == "with" && matches!(before, Some("drew" | "draw" | "tied" | "tie"))
        {
            return true;
        }
        // "the captain of Chelsea", "110 appearances for Chelsea", "a loan
        // from Chelsea", "a move to Madrid", "linked with Chelsea".
        if matches!(w, "of" | "for" | "from" | "to" | "with")
            && before.is_some_and(|b| TEAM_ROLES.has(b) || CAREER_WORDS.has(b))
        {
            return true;
        }
        // "AC Milan", "FC Barcelona".
        if matches!(
            text,
            "FC" | "AC" | "AS" | "SC" | "CF" | "CD" | "SV" | "FK" | "SK" | "AFC" | "PSV" | "RC"
        ) {
            return true;
        }
        // "Real Madrid", "Inter Milan", "Bayern Munich".
        // (At a sentence's start too, but not "But Madrid…".)
        let opener = sentence_initial(body, tokens, m.first - 1) && STOP_WORDS.has(w);
        let club_word = starts_upper(text)
            && !is_all_caps(text)
            && !has_possessive(text)
            && !opener
            && !DIRECTIONS.has(w)
            && !CONNECTORS.has(w)
            && !LOCATIVES.has(w)
            && !NEVER_PLACES.has(w)
            && !ROLE_HEADS.has(w)
            && !HONORIFICS.has(w)
            && !AFTER_PLACE.has(w)
            && !EVENT_WORDS.has(w)
            && !gaz
                .lookup(&name_key(text))
                .is_some_and(|p| land_name(gaz, &p));
        if club_word {
            return true;
        }
    }
    false
}

/// "Everton, Chelsea and Charlton", "the top three of Chelsea, Manchester
/// United and Arsenal", "between Chelsea and West Ham": in sports copy,
/// names listed with a team are teams too (not a list after "in", "at"…:
/// "in London, Manchester and Leeds").
fn team_lists(body: &str, tokens: &[Tok], matches: &mut [Match]) {
    let mut k = 0;
    while k < matches.len() {
        let mut end = k;
        while end + 1 < matches.len() {
            let between = &tokens[matches[end].last + 1..matches[end + 1].first];
            // A nickname may end the name before: "Manchester United and".
            let words: Vec<&str> = between
                .iter()
                .map(|t| t.text(body))
                .skip_while(|w| starts_upper(w) && *w != "v")
                .collect();
            let joined = between.len() <= 4
                && matches!(
                    words.as_slice(),
                    [","] | ["and" | "or" | "v" | "vs" | "&"] | [",", "and" | "or"]
                );
            if !joined {
                break;
            }
            end += 1;
        }
        if end > k && !matches[k].strong_locative && matches[k..=end].iter().any(|m| m.team) {
            for m in &mut matches[k..=end] {
                m.team = true;
            }
        }
        k = end + 1;
    }
}

/// Whether the capitalised words from token `i` are a team's nickname:
/// one ordinary word ("Oklahoma City Thunder", "Manchester United"), or up
/// to two ending in a plural ("Boston Celtics", "Toronto Blue Jays"); or
/// "City", "Town", "County" ending a club's name ("Stoke City", not
/// "Leicester City Council"). Not an office, an institution, an event, a
/// newspaper or a company ("London Stock Exchange", "Tokyo Motor Show",
/// "Detroit Free Press", "General Motors").
fn nickname(gaz: &Gazetteer, body: &str, tokens: &[Tok], i: usize) -> bool {
    let capital = |k: usize| {
        tokens.get(k).is_some_and(|t| {
            t.kind == Kind::Word
                && starts_upper(t.text(body))
                && !is_all_caps(t.text(body))
                && !body[tokens[k - 1].end..t.start].contains('\n')
        })
    };
    // (A possessive ends the name: "Manchester United's players".)
    let mut len = 0;
    while len < 3 && capital(i + len) {
        len += 1;
        if has_possessive(tokens[i + len - 1].text(body)) {
            break;
        }
    }
    if !(1..=2).contains(&len) {
        return false;
    }
    let words: Vec<String> = (i..i + len)
        .map(|k| {
            let word = tokens[k].text(body);
            word[..word.len() - possessive_len(word)].to_lowercase()
        })
        .collect();
    let plain = |w: &str| {
        !AFTER_PLACE.has(w)
            && !ROLE_HEADS.has(w)
            && !NEVER_PLACES.has(w)
            && !CONNECTORS.has(w)
            && !EVENT_WORDS.has(w)
            && !MEDIA_TAILS.has(w)
            && !MEDIA_EXTRA.has(w)
            && !INSTITUTION_HEADS.has(w)
            && !DIRECTIONS.has(w)
            && !COMPANY_WORDS.has(w)
            && !NOT_NICKNAMES.has(w)
            && !gaz.lookup(&name_key(w)).is_some_and(|p| land_name(gaz, &p))
    };
    if !words.iter().all(|w| plain(w)) {
        return len == 1 && matches!(words[0].as_str(), "city" | "town" | "county");
    }
    let last = &words[len - 1];
    let plural = last.len() > 3 && last.ends_with('s') && !last.ends_with("ss");
    plural || len == 1 && gaz.is_english_word(last)
}

/// "Westminster Magistrates' Court in London": the place after "in"
/// behind capitalised words that follow the name (match `k`), where what
/// they name lies. Returns that place's match.
fn located_in(body: &str, tokens: &[Tok], matches: &[Match], k: usize) -> Option<usize> {
    let m = &matches[k];
    let mut words = 0;
    let mut j = m.last + 1;
    loop {
        let t = *tokens.get(j)?;
        let text = t.text(body);
        if body[tokens[j - 1].end..t.start].contains('\n') {
            return None;
        }
        match t.kind {
            Kind::Word if text == "in" => break,
            Kind::Word if starts_upper(text) && words < 4 => words += 1,
            Kind::Punct if matches!(text, "'" | "’") => {}
            _ => return None,
        }
        j += 1;
    }
    if words == 0 {
        return None;
    }
    // (The words between may hold names of their own: "Court".)
    matches[k + 1..]
        .iter()
        .position(|n| n.first == j + 1)
        .map(|i| k + 1 + i)
}

/// Whether a place lies where `located` names ("Court in London"): in the
/// same region as a wide reading of it, or in it.
fn located_fits(gaz: &Gazetteer, place: PlaceRef, located: &Postings) -> bool {
    let (country, region) = country_and_region(place);
    located
        .iter()
        .filter(|c| c.name_type == NameType::Main)
        .any(|c| {
            let p = gaz.place(c.place);
            let wide = p.kind() <= PlaceKind::Region || p.population() >= SMALL_TOWN;
            let (_, its_region) = country_and_region(p);
            wide && (Some(c.place) == country
                || Some(c.place) == region
                || its_region.is_some() && its_region == region && c.place != place.index)
        })
}

/// Whether a name can stand for a wide or well-known place: a continent,
/// country, named area, region or county by its own name, or a city of
/// 100,000 people or more.
fn wide_name(gaz: &Gazetteer, postings: &Postings) -> bool {
    postings.iter().any(|c| {
        let p = gaz.place(c.place);
        // (A region with hardly a town, such as the Isle of Man's
        // "Michael", is no wide place.)
        c.name_type == NameType::Main
            && match p.kind() {
                PlaceKind::Region => p.population() >= SMALL_TOWN / 2,
                PlaceKind::City => p.population() >= SMALL_TOWN,
                _ => true,
            }
    })
}

/// A town smaller than this is "small": a capitalised word beside it, a
/// surname or an ordinary word as its name, is likelier than the town.
const SMALL_TOWN: u32 = 100_000;

/// Whether a reading is a small place or one named by another name: the
/// readings a name glued to a capitalised word does not get.
fn small_reading(gaz: &Gazetteer, r: &Reading) -> bool {
    let p = gaz.place(r.place);
    match (r.name_type, p.kind()) {
        (NameType::Main, PlaceKind::City) => p.population() < SMALL_TOWN,
        (NameType::Main, _) | (_, PlaceKind::Region) => false,
        // A big city's other name is known ("New York Stock Exchange").
        (_, PlaceKind::City) => p.population() < 1_000_000,
        // "Nippon Steel", "Gulf Oil".
        _ => true,
    }
}

/// Whether a capitalised word before or after the name makes it part of a
/// longer name: "Kennedy Space Center", "Space Shuttle Columbia",
/// "Wright-Patterson", "EDO CORP".
fn glued(gaz: &Gazetteer, body: &str, tokens: &[Tok], m: &Match) -> bool {
    let surface = &body[m.span.start..m.span.end];
    let caps = is_all_caps(surface);
    let adjacent = |a: Tok, b: Tok| !body[a.end..b.start].contains('\n');
    let after = tokens.get(m.last + 1).is_some_and(|&next| {
        let text = next.text(body);
        next.kind == Kind::Word
            && m.qualifier.is_none()
            && starts_upper(text)
            && adjacent(tokens[m.last], next)
            && !hyphen_joined(body, tokens[m.last], next)
            && !has_possessive(tokens[m.last].text(body))
            && (caps || !is_all_caps(text))
            && {
                let lower = to_lower(text);
                let head = lower.split(['-', '.', '\'', '’']).next().unwrap_or("");
                !AFTER_PLACE.has(head)
                    && !ROLE_HEADS.has(head)
                    && !NEVER_PLACES.has(head)
                    && !CONNECTORS.has(head)
            }
    });
    let before = m.first > 0 && {
        let prev = tokens[m.first - 1];
        let text = prev.text(body);
        prev.kind == Kind::Word
            && starts_upper(text)
            && adjacent(prev, tokens[m.first])
            && if hyphen_joined(body, prev, tokens[m.first]) {
                // "Wright-Patterson", but not "Asia-Pacific".
                gaz.lookup(&name_key(text)).is_none()
            } else {
                !sentence_initial(body, tokens, m.first - 1) && !is_all_caps(text) && {
                    let lower = to_lower(text);
                    let w = lower.trim_end_matches('.');
                    !DIRECTIONS.has(w)
                        && !CONNECTORS.has(w)
                        && !LOCATIVES.has(w)
                        && !NEVER_PLACES.has(w)
                }
            }
    };
    after || before
}

// Capitalised words that make a demonym after them part of another
// people's name: "Latin American", "Native American", "African American".
word_set!(
    ETHNIC_PREFIXES,
    [
        "latin", "native", "african", "asian", "arab", "hispanic", "anglo", "afro", "indo", "euro",
        "pan", "north", "south", "east", "west", "central", "mexican", "irish", "italian",
    ]
);

// Words after a demonym that make it a language: "French-language",
// "Russian speakers".
word_set!(
    LANGUAGE_WORDS,
    [
        "language",
        "languages",
        "speaking",
        "speaker",
        "speakers",
        "speak",
        "translation",
        "translations",
        "subtitles",
        "dubbed",
        "dialect",
        "lessons",
        "teacher",
        "teachers",
        "class",
        "classes",
        "course",
        "courses",
        "lesson",
        "tutor",
        "tutoring",
    ]
);

// Verbs whose object is a language, not a country: "learning Spanish",
// "speaks French".
word_set!(
    LANGUAGE_VERBS,
    [
        "learn",
        "learning",
        "learned",
        "learnt",
        "speak",
        "speaks",
        "speaking",
        "spoke",
        "study",
        "studies",
        "studying",
        "studied",
        "teach",
        "teaches",
        "teaching",
        "taught",
        "translate",
        "translated",
        "fluent",
    ]
);

// Degrees written with dots, which the gazetteer also knows as regions'
// abbreviations: "M.D." (Maryland's), "A.B." (Alberta's), "M.A.".
word_set!(
    DOTTED_DEGREES,
    [
        "md", "ab", "ba", "bs", "ma", "ms", "do", "rn", "jd", "pa", "mb"
    ]
);

// Words that end a company's name: "American Express Co", "British
// Airways".
word_set!(
    COMPANY_WORDS,
    [
        "co",
        "corp",
        "corporation",
        "inc",
        "plc",
        "ltd",
        "ag",
        "sa",
        "nv",
        "llc",
        "airlines",
        "airways",
        "bancorp",
        "holdings",
        "express",
    ]
);

/// The country a demonym match names, where it is used as that country's
/// adjective or people: not inside another people's name ("Latin
/// American", "American Indian"), not as a language ("French-language",
/// "written in French."), and not when it could be two countries'
/// ("Congolese").
fn adjective_of(gaz: &Gazetteer, body: &str, tokens: &[Tok], m: &Match) -> Option<u32> {
    let country = demonym_country(gaz, &m.postings)?;
    if m.first != m.last {
        return None;
    }
    let demonym = |t: Tok| {
        t.kind == Kind::Word
            && gaz
                .lookup(&name_key(t.text(body)))
                .is_some_and(|p| p.iter().any(|c| c.name_type == NameType::Demonym))
    };
    if m.first > 0 {
        let prev = tokens[m.first - 1];
        let text = prev.text(body);
        let joined = hyphen_joined(body, prev, tokens[m.first]);
        // ("Cleveland Indians", "Royal Dutch": a name's part too.)
        let name_before = !sentence_initial(body, tokens, m.first - 1)
            && !has_possessive(text)
            && !is_all_caps(text);
        if prev.kind == Kind::Word
            && starts_upper(text)
            && (joined || demonym(prev) || ETHNIC_PREFIXES.has(&to_lower(text)) || name_before)
        {
            return None;
        }
    }
    if let Some(&next) = tokens.get(m.last + 1) {
        let text = to_lower(next.text(body));
        let joined = hyphen_joined(body, tokens[m.last], next);
        // ("Greek yoghurt", "French fries", "Spanish flu": named after the
        // country, not of it.)
        if next.kind == Kind::Word
            && (LANGUAGE_WORDS.has(&text)
                || NAMED_AFTER_PLACES.has(&text)
                || !joined && demonym(next) && starts_upper(next.text(body)))
        {
            return None;
        }
    }
    // "American Express Co", "British Airways": a company's name;
    // "American College of Sports Medicine": an association's.
    let company = tokens[m.last + 1..]
        .iter()
        .take(4)
        .take_while(|t| t.kind == Kind::Word && starts_upper(t.text(body)))
        .any(|t| {
            let w = to_lower(t.text(body));
            let w = w.trim_end_matches('.');
            COMPANY_WORDS.has(w) || ASSOCIATION_HEADS.has(w) || INSTITUTION_HEADS.has(w)
        });
    if company {
        return None;
    }
    // "learning Spanish opens doors": a language after its verb.
    if m.first > 0 && LANGUAGE_VERBS.has(&to_lower(tokens[m.first - 1].text(body))) {
        return None;
    }
    // "written in French.", "in English, then": a language after "in".
    let after_in = m.first > 0 && tokens[m.first - 1].text(body).eq_ignore_ascii_case("in");
    let then_stop = tokens.get(m.last + 1).is_none_or(|t| t.kind == Kind::Punct);
    if after_in && then_stop {
        return None;
    }
    Some(country)
}

/// The country a demonym names: the only one, or one twenty times more
/// populous than the others that share it ("French": France, not
/// Martinique; "Chinese": China, not Macau). None when it is two
/// countries' ("Congolese").
fn demonym_country(gaz: &Gazetteer, postings: &Postings) -> Option<u32> {
    if !postings.iter().any(|c| c.name_type == NameType::Demonym) {
        return None;
    }
    let mut countries: Vec<(u32, u32)> = postings
        .iter()
        .filter(|c| c.name_type == NameType::Demonym)
        .map(|c| (gaz.place(c.place).population(), c.place))
        .collect();
    countries.sort_unstable_by(|a, b| b.cmp(a));
    countries.dedup_by_key(|c| c.1);
    match countries.as_slice() {
        [] => None,
        [(_, only)] => Some(*only),
        [(first, country), (second, _), ..] => {
            (u64::from(*first) >= 20 * u64::from(*second)).then_some(*country)
        }
    }
}

/// Whether a company's suffix ends the capitalised words after token
/// `last` ("Corp" in "Edo Corp", "Inc" in "Jones and Vining Inc").
fn company_after(body: &str, tokens: &[Tok], last: usize) -> bool {
    for t in tokens[last + 1..].iter().take(4) {
        let text = t.text(body);
        if t.kind != Kind::Word {
            if text != "&" {
                return false;
            }
            continue;
        }
        if !starts_upper(text) {
            if !matches!(text, "and" | "of") {
                return false;
            }
            continue;
        }
        if COMPANY_WORDS.has(to_lower(text).trim_end_matches('.')) {
            return true;
        }
    }
    false
}

/// "J.", "S": a capital letter standing for a first name.
fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && matches!(chars.as_str(), "" | ".")
}

fn is_all_caps(word: &str) -> bool {
    word.chars().any(char::is_alphabetic) && !word.chars().any(char::is_lowercase)
}

/// "I've", "We're": a pronoun and a verb, whatever a gazetteer says.
fn is_contraction(word: &str) -> bool {
    let Some((_, tail)) = word.split_once(['\'', '’']) else {
        return false;
    };
    matches!(tail, "ve" | "re" | "ll" | "d" | "m" | "t")
}

/// A word opening a sentence that is a function word ("In Paris", "But
/// Syria"), which says nothing about what follows.
fn sentence_initial_word(body: &str, tokens: &[Tok], i: usize) -> bool {
    sentence_initial(body, tokens, i) && CONNECTORS.has(&to_lower(tokens[i].text(body)))
}

fn word_before(tokens: &[Tok], i: usize) -> Option<Tok> {
    let prev = tokens.get(i.checked_sub(1)?)?;
    (prev.kind == Kind::Word).then_some(*prev)
}

/// Evidence for resolution: how strongly each country and region is
/// present in the article.
#[derive(Default)]
struct Context {
    countries: HashMap<u32, f32>,
    regions: HashMap<u32, f32>,
    /// Per country, the weight of its first-level regions named as such
    /// ("Alabama", "Virginia"): an article about a country's states reads
    /// an ambiguous name ("Georgia") as another of them.
    region_lists: HashMap<u32, f32>,
    dateline_country: Option<u32>,
    dateline_region: Option<u32>,
    /// The dateline is a big city's (NEW YORK, WASHINGTON): a wire's hub,
    /// not a local paper's town.
    dateline_hub: bool,
}

fn country_and_region(place: PlaceRef) -> (Option<u32>, Option<u32>) {
    let region = if place.kind() == PlaceKind::Region {
        Some(place)
    } else {
        place.region()
    };
    (place.country().map(|c| c.index), region.map(|r| r.index))
}

impl Context {
    fn add(&mut self, place: PlaceRef, weight: f32) {
        let (country, region) = country_and_region(place);
        if let Some(c) = country {
            *self.countries.entry(c).or_default() += weight;
        }
        if let Some(r) = region {
            *self.regions.entry(r).or_default() += weight;
        }
        if place.kind() == PlaceKind::Region
            && let Some(c) = country
        {
            *self.region_lists.entry(c).or_default() += weight;
        }
    }

    /// Weight of a country and a region from everything but `own` (the
    /// name's own first reading, which is no evidence for itself).
    fn weights(
        &self,
        country: Option<u32>,
        region: Option<u32>,
        own: Option<PlaceRef>,
    ) -> (f32, f32) {
        let (own_country, own_region) = own.map(country_and_region).unwrap_or((None, None));
        let get = |map: &HashMap<u32, f32>, k: Option<u32>, own: Option<u32>| {
            k.map(|k| map.get(&k).copied().unwrap_or(0.0) - if own == Some(k) { 1.0 } else { 0.0 })
                .unwrap_or(0.0)
                .max(0.0)
        };
        (
            get(&self.countries, country, own_country),
            get(&self.regions, region, own_region),
        )
    }
}

/// Weight of a country's neighbours, from everything but `own` (the
/// name's own first reading: "Vancouver" read first as Vancouver, British
/// Columbia is no evidence for Vancouver, Washington, next door).
fn gaz_neighbour_weight(country: u32, ctx: &Context, own: Option<PlaceRef>) -> f32 {
    let (own_country, _) = own.map(country_and_region).unwrap_or((None, None));
    Gazetteer::embedded()
        .neighbours(country)
        .map(|n| {
            let w = ctx.countries.get(&n).copied().unwrap_or(0.0);
            (w - if own_country == Some(n) { 1.0 } else { 0.0 }).max(0.0)
        })
        .sum()
}

fn prior(place: PlaceRef, name_type: NameType) -> f32 {
    let kind = match place.kind() {
        PlaceKind::Continent | PlaceKind::Country => 9.0,
        PlaceKind::Area => 8.0,
        // A region's population is that of all its towns together; a city
        // of the same size is the likelier reading.
        PlaceKind::Region => (place.population().max(1) as f32).log10() - 0.5,
        // A capital is in the news more than its size says.
        PlaceKind::City => {
            (place.population().max(1) as f32).log10() + if place.is_capital() { 1.0 } else { 0.0 }
        }
        // Named only in full ("Rapides Parish"), so rarely anything else.
        PlaceKind::County => 4.5,
    };
    let name = match name_type {
        NameType::Main => 1.0,
        NameType::Alternate => -0.5,
        NameType::Demonym | NameType::Qualifier => -20.0,
    };
    kind + name
}

/// What a candidate's namesakes say about it.
#[derive(Clone, Copy)]
struct Rivals {
    /// A namesake ten times its size, under a hub's dateline.
    dwarfed: bool,
    /// The name is also a country's ("Georgia").
    country_rival: bool,
}

/// What one candidate reading has going for it.
struct Reading {
    place: u32,
    name_type: NameType,
    score: f32,
    /// Evidence beyond the name itself: the article's other places, the
    /// dateline, a qualifier, a locative word.
    supported: bool,
    /// Evidence that does not rest on a capital letter and a preposition:
    /// a qualifier, its region named elsewhere, the dateline's region.
    strong: bool,
    /// A qualifier names its region or country ("Alexandria, Louisiana").
    qualified: bool,
}

fn read_candidate(
    place: PlaceRef,
    name_type: NameType,
    ctx: &Context,
    m: Option<&Match>,
    qualifier: Option<&Postings>,
    own: Option<PlaceRef>,
    rivals: Rivals,
) -> Reading {
    let Rivals {
        dwarfed,
        country_rival,
    } = rivals;
    let mut s = prior(place, name_type);
    let (country, region) = country_and_region(place);
    let (country_weight, region_weight) = ctx.weights(country, region, own);
    s += 3.0 * (country_weight / (country_weight + 1.0));
    // A place next door to the article's countries: Gaza beside Israel and
    // Egypt is the Palestinian one.
    if let Some(c) = country.filter(|_| country_weight < 1.0) {
        let near: f32 = gaz_neighbour_weight(c, ctx, own);
        s += 1.5 * (near / (near + 1.0));
    }
    s += 2.0 * (region_weight / (region_weight + 1.0));
    // Among a country's regions, a name is another of them: "Senator
    // Perdue from Georgia" in a story about Alabama and Virginia.
    if place.kind() == PlaceKind::Region
        && country_rival
        && let Some(c) = country
    {
        let own_region = own.is_some_and(|o| {
            o.kind() == PlaceKind::Region && o.country().map(|p| p.index) == Some(c)
        });
        let n = (ctx.region_lists.get(&c).copied().unwrap_or(0.0)
            - if own_region { 1.0 } else { 0.0 })
        .max(0.0);
        s += 3.0 * (n / (n + 1.0));
    }
    let dateline_country = country.is_some() && ctx.dateline_country == country;
    // A dateline's region backs its own towns ("LEWISBURG, W.Va." and
    // "Beaver", "LAUREL COUNTY, Ky." and "London"), but a big city's
    // dateline does not against a much bigger namesake ("Boston" under a
    // NEW YORK dateline).
    let dateline_region = region.is_some() && ctx.dateline_region == region && !dwarfed;
    if dateline_country {
        s += 1.0;
    }
    if dateline_region {
        s += 2.0;
    }
    let qualified = qualifier.is_some_and(|q| {
        q.iter()
            .any(|c| Some(c.place) == country || Some(c.place) == region)
    });
    if qualified {
        s += 8.0;
    }
    if m.is_some_and(|m| m.typed_region) && place.kind() == PlaceKind::Region {
        s += 4.0;
    }
    let locative = m.is_some_and(|m| m.locative);
    let strong = qualified
        || dateline_region
        || region_weight >= 1.0
        || m.is_some_and(|m| m.typed_city) && place.kind() == PlaceKind::City;
    let supported = match name_type {
        NameType::Main => strong || locative,
        _ => qualified || locative,
    };
    Reading {
        place: place.index,
        name_type,
        score: s,
        supported,
        strong,
        qualified,
    }
}

/// The best reading of a name, or None when it has none that can be
/// mentioned.
fn best_reading(
    gaz: &Gazetteer,
    postings: &Postings,
    ctx: &Context,
    m: Option<&Match>,
    qualifier: Option<&Postings>,
    located: Option<&Postings>,
    own: Option<PlaceRef>,
) -> Option<Reading> {
    let mut candidates: Vec<_> = postings
        .iter()
        .filter(|c| matches!(c.name_type, NameType::Main | NameType::Alternate))
        .collect();
    if candidates.is_empty() {
        candidates = postings
            .iter()
            .filter(|c| c.name_type == NameType::Qualifier)
            .collect();
    }
    // One pass over the candidates for what their namesakes say: the
    // likeliest one's prior; whether a wide place bears the name (a town
    // named after it, "Alabama, New York" or "Middle East, Maryland", is
    // only read with a qualifier; a region counts where the article is
    // about its country: "Kingston" south of Brisbane is no parish of
    // Jamaica); whether a country does (against it, the article's other
    // regions make the name a region: "Senator Perdue from Georgia").
    let mut top = f32::MIN;
    let mut wide = false;
    let mut country_rival = false;
    for c in &candidates {
        let p = gaz.place(c.place);
        top = top.max(prior(p, c.name_type));
        if c.name_type != NameType::Main {
            continue;
        }
        country_rival |= p.kind() == PlaceKind::Country;
        wide = wide
            || p.kind() <= PlaceKind::Area
            || p.kind() == PlaceKind::Region && {
                let country = p.country().map(|c| c.index);
                let (weight, _) = ctx.weights(country, None, own);
                weight >= 0.5 || country.is_some() && country == ctx.dateline_country
            };
    }
    let mut best: Option<Reading> = None;
    for c in &candidates {
        let place = gaz.place(c.place);
        // A city and its own region under one name ("Aleppo", "New York"):
        // news means the city.
        // ("New York" is New York City's alternate name; a big city
        // keeps the name, "Oklahoma" stays the state.)
        let city_of_region = |o: &crate::gazetteer::Candidate| {
            let city = gaz.place(o.place);
            let size = match o.name_type {
                NameType::Main => 100_000,
                _ => 1_000_000,
            };
            city.population() > size && city.region().is_some_and(|r| r.index == place.index)
        };
        // A qualifier ("Oklahoma City, Oklahoma") is the region.
        if place.kind() == PlaceKind::Region
            && !m.is_some_and(|m| m.typed_region || m.qualifies)
            && candidates.iter().any(city_of_region)
        {
            continue;
        }
        // Ten times smaller than a namesake, under a hub's dateline.
        let dwarfed = ctx.dateline_hub && prior(place, c.name_type) < top - 1.0;
        let rivals = Rivals {
            dwarfed,
            country_rival,
        };
        let mut reading = read_candidate(place, c.name_type, ctx, m, qualifier, own, rivals);
        // "Westminster Magistrates' Court in London": as good as a
        // qualifier.
        if located.is_some_and(|l| located_fits(gaz, place, l)) {
            reading.score += 8.0;
            reading.strong = true;
            reading.supported = true;
        }
        if wide
            && place.kind() == PlaceKind::City
            && place.population() < SMALL_TOWN
            && !reading.qualified
        {
            continue;
        }
        if best.as_ref().is_none_or(|b| reading.score > b.score) {
            best = Some(reading);
        }
    }
    best
}

// Words that name institutions in the news ("in Congress", "the rule of
// Law") or the planets: a town of that name needs a qualifier ("Congress,
// Arizona", "Jupiter, Florida").
word_set!(
    NEEDS_QUALIFIER,
    [
        "earth",
        "mars",
        "venus",
        "mercury",
        "jupiter",
        "saturn",
        "neptune",
        "pluto",
        "congress",
        "parliament",
        "senate",
        "assembly",
        "cabinet",
        "court",
        "treasury",
        "liberty",
        "law",
        "union",
        "commerce",
        "independence",
        "freedom",
        "unity",
        "reform",
        "progress",
        "labor",
        "labour",
        "enterprise",
        "providence",
    ]
);

/// Whether a reading is safe to report: big places need no help; a small
/// town, or a place known by another name, needs the article to back it.
fn confident(
    gaz: &Gazetteer,
    r: &Reading,
    ctx: &Context,
    own: Option<PlaceRef>,
    m: &Match,
    strong_locative: bool,
) -> bool {
    let place = gaz.place(r.place);
    let (country, _) = country_and_region(place);
    // A town in a country the article otherwise never goes near, while it
    // dwells on others.
    let foreign = {
        let (here, _) = ctx.weights(country, None, own);
        let near: f32 = country
            .map(|c| gaz_neighbour_weight(c, ctx, own))
            .unwrap_or(0.0);
        let all_here = country
            .and_then(|c| ctx.countries.get(&c))
            .copied()
            .unwrap_or(0.0);
        let elsewhere: f32 = ctx.countries.values().sum::<f32>() - all_here;
        here < 0.5 && near < 0.5 && elsewhere >= 2.0
    };
    // A lone region or town there is a misreading ("Sava", the river, read
    // as a region of Madagascar in a story about Croatia).
    let prominent = match place.kind() {
        PlaceKind::City => place.population() >= 1_000_000,
        PlaceKind::County => false,
        PlaceKind::Region => place.population() >= 5_000_000,
        _ => true,
    };
    // (A city of 100,000 after "in", "at"… is no misreading: "held in
    // Hollywood" among stray readings of names.)
    let big_city = place.kind() == PlaceKind::City
        && place.population() >= SMALL_TOWN
        && r.name_type == NameType::Main;
    let backed = r.strong || big_city && strong_locative;
    if !prominent && !backed && foreign {
        return false;
    }
    // A common word as a name ("Earth", "Batman", "Arsenal") is a small
    // town only with strong support, and a town abroad only with a
    // qualifier; an institution's name ("Congress") only with a
    // qualifier.
    // A small town, or a town by another name.
    let small = place.kind() == PlaceKind::City
        && (place.population() < SMALL_TOWN
            || r.name_type != NameType::Main && place.population() < 1_000_000);
    if small && !r.qualified && NEEDS_QUALIFIER.has(&m.key) {
        return false;
    }
    let (here, _) = ctx.weights(country, None, own);
    let absent = here < 0.5
        && country.is_none_or(|c| gaz_neighbour_weight(c, ctx, own) < 0.5)
        && ctx.dateline_country.is_none_or(|d| Some(d) != country);
    if m.postings.common_word && !r.qualified {
        // "near Esperance" in a story about Australia; "in Nice", but not
        // "the Bush administration" (Būsh, Egypt) in a story that never
        // goes near Egypt.
        let placed = strong_locative && here >= 1.0;
        let modest = place.kind() == PlaceKind::City && place.population() < 300_000;
        if small && !(r.strong || placed)
            || !prominent && !backed && foreign
            || modest && absent && !(r.strong || strong_locative)
        {
            return false;
        }
    }
    // A country's one-word local name is a name's part in English news
    // ("Nippon Steel", then "the investment by Nippon"; "Banco do
    // Brasil"), unless it follows "in", "from"… ("in Hongkong").
    if r.name_type == NameType::Alternate
        && place.kind() == PlaceKind::Country
        && m.first == m.last
        && !strong_locative
        && !r.qualified
    {
        return false;
    }
    let big = match place.kind() {
        PlaceKind::City | PlaceKind::Region => place.population() >= 100_000,
        PlaceKind::County => false,
        _ => true,
    };
    match r.name_type {
        NameType::Main => big || r.supported,
        NameType::Alternate => {
            place.population() >= 1_000_000 || place.kind() < PlaceKind::City || r.supported
        }
        // A region's abbreviation was only read where it qualifies a place.
        NameType::Qualifier => true,
        NameType::Demonym => false,
    }
}

impl Place {
    /// How the place is shown and counted: "Syria", "Texas, United
    /// States", "Aleppo, Syria", "Alexandria, Louisiana, United States" —
    /// enough to tell Paris, France from Paris, Texas.
    pub fn label(&self) -> String {
        let mut parts = vec![self.name.as_str()];
        if matches!(self.kind, PlaceKind::City | PlaceKind::County)
            && let Some(region) = self.admin1.as_deref().filter(|r| *r != self.name)
        {
            // "Washington, D.C." names the city already ("Brussels Capital"
            // does not).
            if region.starts_with(&format!("{}, ", self.name)) {
                parts[0] = region;
            } else {
                parts.push(region);
            }
        }
        if matches!(
            self.kind,
            PlaceKind::City | PlaceKind::County | PlaceKind::Region | PlaceKind::Area
        ) && let Some(country) = self.country.as_deref().filter(|c| *c != self.name)
        {
            parts.push(country);
        }
        parts.join(", ")
    }
}

/// A resolved mention: the place, how it figures, where it is.
struct Chosen {
    place: u32,
    role: PlaceRole,
    span: Span,
    in_title: bool,
}

fn resolve(
    gaz: &Gazetteer,
    matches: &[Match],
    verdicts: &[Verdict],
    datelines: &[DatelinePlace],
    sports: bool,
) -> Vec<Place> {
    let mut ctx = Context::default();
    let mut chosen: Vec<Chosen> = Vec::new();
    for d in datelines {
        let region = d.region.as_ref().map(|(_, postings)| postings);
        if let Some(r) = best_reading(
            gaz,
            &d.postings,
            &Context::default(),
            None,
            region,
            None,
            None,
        ) {
            let p = gaz.place(r.place);
            (ctx.dateline_country, ctx.dateline_region) = country_and_region(p);
            ctx.dateline_hub =
                p.kind() == PlaceKind::City && (p.population() >= 300_000 || p.is_capital());
            chosen.push(Chosen {
                place: r.place,
                role: PlaceRole::Dateline,
                span: d.span,
                in_title: false,
            });
            // "LAGOS, Nigeria": the qualifier is named too.
            if let Some((span, postings)) = &d.region {
                let fits = postings.iter().find(|c| {
                    let (country, region) = country_and_region(p);
                    Some(c.place) == country || Some(c.place) == region
                });
                if let Some(c) = fits {
                    chosen.push(Chosen {
                        place: c.place,
                        role: PlaceRole::Dateline,
                        span: *span,
                        in_title: false,
                    });
                }
            }
        }
    }
    // Words the article shows to be part of a person's or an
    // organisation's name ("Doug Jones", "Liberty University"): their bare
    // mentions ("Jones said") are that name too. A mention still names a
    // place when a qualifier says so ("Jones, Oklahoma"), or when it
    // reads as a wide place after "in", "from"… ("Paris Hilton … in Paris").
    let names: std::collections::HashSet<&str> = matches
        .iter()
        .zip(verdicts)
        .filter(|(m, v)| **v == Verdict::Name && m.first == m.last)
        .map(|(m, _)| m.key.as_str())
        .collect();
    let kept: Vec<bool> = matches
        .iter()
        .zip(verdicts)
        .map(|(m, v)| {
            *v == Verdict::Place
                && (!names.contains(m.key.as_str()) || m.qualifier.is_some() || person_locative(m))
        })
        .collect();
    // Each name is read once per article, from its most telling mention:
    // one with a qualifier, else one no capitalised word is glued to.
    let mut representative: HashMap<&str, usize> = HashMap::new();
    let mut order: Vec<&str> = Vec::new();
    for (i, m) in matches.iter().enumerate().filter(|(i, _)| kept[*i]) {
        let rank = |m: &Match| {
            u8::from(m.qualifier.is_none() && m.located_in.is_none()) * 2 + u8::from(m.glued)
        };
        match representative.get(m.key.as_str()) {
            Some(&j) if rank(&matches[j]) <= rank(m) => {}
            Some(_) => {
                representative.insert(&m.key, i);
            }
            None => {
                representative.insert(&m.key, i);
                order.push(&m.key);
            }
        }
    }
    let qualifier_of = |m: &Match| m.qualifier.map(|q| &matches[q].postings);
    let located_of = |m: &Match| m.located_in.map(|q| &matches[q].postings);

    // First pass: each name's likeliest reading without context, and the
    // demonyms, counted once per name as evidence for the second.
    let mut first: HashMap<&str, Option<u32>> = HashMap::new();
    let mut demonyms: std::collections::HashSet<&str> = Default::default();
    for m in matches {
        if let Some(country) = demonym_country(gaz, &m.postings)
            && demonyms.insert(m.key.as_str())
        {
            ctx.add(gaz.place(country), 0.5);
        }
    }
    for &key in &order {
        let m = &matches[representative[key]];
        let reading = best_reading(
            gaz,
            &m.postings,
            &Context::default(),
            Some(m),
            qualifier_of(m),
            located_of(m),
            None,
        );
        if let Some(r) = &reading {
            ctx.add(gaz.place(r.place), 1.0);
        }
        first.insert(key, reading.map(|r| r.place));
    }

    // Second pass: one reading per name, with the article's evidence; a
    // name keeps its reading for all its mentions.
    let strong_keys: std::collections::HashSet<&str> = matches
        .iter()
        .enumerate()
        .filter(|(i, m)| kept[*i] && m.strong_locative)
        .map(|(_, m)| m.key.as_str())
        .collect();
    let mut by_key: HashMap<&str, Reading> = HashMap::new();
    for &key in &order {
        let m = &matches[representative[key]];
        let own = first.get(key).copied().flatten().map(|p| gaz.place(p));
        let reading = best_reading(
            gaz,
            &m.postings,
            &ctx,
            Some(m),
            qualifier_of(m),
            located_of(m),
            own,
        );
        if let Some(r) =
            reading.filter(|r| confident(gaz, r, &ctx, own, m, strong_keys.contains(key)))
        {
            by_key.insert(key, r);
        }
    }
    // Each mention: a word shown to be a name stays one, and a small town
    // glued to a capitalised word ("Kennedy Space Center") is that name —
    // and so are the word's other mentions in the article.
    let mut mentions: Vec<(usize, u32)> = Vec::new();
    let mut glued_keys: std::collections::HashSet<&str> = Default::default();
    // A town the article also names after "in", "at"… or with a qualifier
    // is the place its institutions are named after ("at Georgetown",
    // "Georgetown College").
    let placed: std::collections::HashSet<&str> = matches
        .iter()
        .enumerate()
        .filter(|(i, m)| {
            kept[*i] && !m.glued && (m.strong_locative || m.typed_city || m.qualifier.is_some())
        })
        .map(|(_, m)| m.key.as_str())
        .collect();
    // In sports copy a town the words around it once make a team ("Cleveland
    // beat Cincinnati") is its team throughout, except where the article
    // says where ("in Cleveland", "Cleveland, Ohio"); a country or a
    // region stays (a national side is its country, and England, Wales
    // and Scotland are regions of GeoNames).
    let teams: std::collections::HashSet<&str> = matches
        .iter()
        .filter(|m| sports && m.team)
        .map(|m| m.key.as_str())
        .collect();
    for (i, m) in matches.iter().enumerate().filter(|(i, _)| kept[*i]) {
        let Some(r) = by_key.get(m.key.as_str()) else {
            continue;
        };
        let qualified = qualifier_of(m).is_some_and(|q| fits(gaz, r.place, q));
        let small = small_reading(gaz, r);
        if names.contains(m.key.as_str()) && !(qualified || person_locative(m) && !small) {
            continue;
        }
        let town = matches!(
            gaz.place(r.place).kind(),
            PlaceKind::City | PlaceKind::County
        );
        let said_where = qualified || m.strong_locative && !small && !m.team;
        if town && (m.team || teams.contains(m.key.as_str())) && !said_where {
            continue;
        }
        if m.glued && small && !qualified && !placed.contains(m.key.as_str()) {
            // A town's name glued once is a surname or a company's name
            // throughout ("Kennedy Space Center", then "Kennedy"); a sea's
            // or a country's other name only where it is glued ("Union
            // Pacific", but "across the Pacific").
            if gaz.place(r.place).kind() == PlaceKind::City {
                glued_keys.insert(&m.key);
            }
            continue;
        }
        mentions.push((i, r.place));
    }
    for (i, place) in mentions {
        let m = &matches[i];
        let qualified = qualifier_of(m).is_some_and(|q| fits(gaz, place, q));
        if glued_keys.contains(m.key.as_str()) && !qualified {
            continue;
        }
        chosen.push(Chosen {
            place,
            role: PlaceRole::Mention,
            span: m.span,
            in_title: m.in_title,
        });
    }

    // One place per label: "Washington" and "Washington, D.C." are two
    // gazetteer records with one label, and a facet counts articles.
    let mut places: Vec<Place> = Vec::new();
    let mut at: HashMap<u32, usize> = HashMap::new();
    let mut by_label: HashMap<String, usize> = HashMap::new();
    for c in chosen {
        let i = match at.get(&c.place) {
            Some(&i) => i,
            None => {
                let place = to_place(gaz.place(c.place), c.role);
                let i = *by_label.entry(place.label()).or_insert_with(|| {
                    places.push(place);
                    places.len() - 1
                });
                at.insert(c.place, i);
                i
            }
        };
        if c.in_title {
            places[i].title_mentions.push(c.span);
        } else {
            places[i].mentions.push(c.span);
        }
    }
    // Countries the article names by their adjective or people: counted on
    // the country when it is a place of the article, else as a place of
    // their own with the role `adjective`. Not where the country's name is
    // read as another place ("Georgian" beside Georgia the US state).
    let shadowed: std::collections::HashSet<u32> = order
        .iter()
        .filter_map(|key| {
            let r = by_key.get(key)?;
            let m = &matches[representative[key]];
            m.postings
                .iter()
                .find(|c| {
                    c.name_type == NameType::Main
                        && c.place != r.place
                        && gaz.place(c.place).kind() == PlaceKind::Country
                })
                .map(|c| c.place)
        })
        .collect();
    for m in matches {
        let Some(country) = m.adjective_of.filter(|c| !shadowed.contains(c)) else {
            continue;
        };
        let i = match at.get(&country) {
            Some(&i) => i,
            None => {
                let place = to_place(gaz.place(country), PlaceRole::Adjective);
                let i = *by_label.entry(place.label()).or_insert_with(|| {
                    places.push(place);
                    places.len() - 1
                });
                at.insert(country, i);
                i
            }
        };
        // (Not scored as toponyms: see docs/PLACES.md for the measure.)
        if m.in_title {
            places[i].title_adjectives.push(m.span);
        } else {
            places[i].adjectives.push(m.span);
        }
    }
    for p in &mut places {
        p.mentions.sort_by_key(|s| s.start);
        p.mentions.dedup();
    }
    places
}

/// Whether a qualifier ("…, Louisiana") names the place's country or
/// region.
fn fits(gaz: &Gazetteer, place: u32, qualifier: &Postings) -> bool {
    let (country, region) = country_and_region(gaz.place(place));
    qualifier
        .iter()
        .any(|c| Some(c.place) == country || Some(c.place) == region)
}

fn round5(x: f32) -> f64 {
    (f64::from(x) * 1e5).round() / 1e5
}

/// A place of the gazetteer as extraction finds it, without its mentions;
/// also how a stored place record is read back from its GeoNames id.
pub fn to_place(p: PlaceRef, role: PlaceRole) -> Place {
    let country = p
        .country()
        .filter(|c| c.index != p.index || p.kind() == PlaceKind::Country);
    Place {
        name: p.name().to_string(),
        geonameid: Some(p.geonameid()).filter(|&id| id != 0),
        kind: p.kind(),
        country: country.map(|c| c.name().to_string()),
        country_code: Some(p.country_code().to_string()).filter(|c| !c.is_empty()),
        admin1: p.region().map(|r| r.name().to_string()),
        lat: round5(p.lat()),
        lon: round5(p.lon()),
        role,
        path: p.path().iter().map(|q| q.name().to_string()).collect(),
        mentions: Vec::new(),
        title_mentions: Vec::new(),
        adjectives: Vec::new(),
        title_adjectives: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tokens::tokenize;

    fn places(text: &str) -> Vec<Place> {
        find_places(None, text, &tokenize(text), None, &[], &[])
    }

    /// Places as `enrich` finds them, with the speakers of the text.
    fn enriched(text: &str) -> Vec<String> {
        let mut article = crate::article::Article {
            body: text.into(),
            ..Default::default()
        };
        crate::extract::enrich(&mut article);
        article.places.iter().map(|p| p.name.clone()).collect()
    }

    fn names(text: &str) -> Vec<String> {
        places(text)
            .into_iter()
            .map(|p| format!("{} ({})", p.name, p.country_code.unwrap_or_default()))
            .collect()
    }

    fn one(text: &str, name: &str) -> Place {
        places(text)
            .into_iter()
            .find(|p| p.name == name)
            .unwrap_or_else(|| panic!("{name} not found in {text:?}: {:?}", names(text)))
    }

    fn spans(text: &str, place: &Place) -> Vec<String> {
        place
            .mentions
            .iter()
            .map(|m| text[m.start..m.end].to_string())
            .collect()
    }

    #[test]
    fn countries_and_cities_are_found() {
        let found = names("Fighting in Aleppo spread to Homs and Idlib, officials in Syria said.");
        assert_eq!(
            found,
            ["Aleppo (SY)", "Homs (SY)", "Idlib (SY)", "Syria (SY)"]
        );
    }

    #[test]
    fn countries_that_are_gone_are_places_of_their_own_or_their_successors() {
        let text = "The Soviet Union and the USSR's allies traded with West Germany, \
                    East Germany and Yugoslavia; Zaire and Ceylon sold copper and tea.";
        assert_eq!(
            names(text),
            [
                "Soviet Union ()",
                "West Germany (DE)",
                "East Germany (DE)",
                "Yugoslavia ()",
                "Democratic Republic of the Congo (CD)",
                "Sri Lanka (LK)"
            ]
        );
        assert_eq!(
            spans(text, &one(text, "Soviet Union")),
            ["Soviet Union", "USSR"]
        );
    }

    #[test]
    fn mountain_ranges_and_deserts_are_places() {
        let text = "Snow closed passes in the Alps and the Himalaya, and dust from the \
                    Sahara reached the Rockies.";
        assert_eq!(
            names(text),
            ["Alps ()", "Himalayas ()", "Sahara ()", "Rocky Mountains ()"]
        );
    }

    #[test]
    fn jordan_is_a_country_or_a_name() {
        assert_eq!(
            names("Michael Jordan scored 30 points on Sunday."),
            Vec::<String>::new()
        );
        assert_eq!(
            names("Refugees crossed from Syria into Jordan."),
            ["Syria (SY)", "Jordan (JO)"]
        );
        assert!(names("Mr. Jordan said nothing.").is_empty());
    }

    #[test]
    fn georgia_follows_the_other_places() {
        let text = "Voters in Atlanta, Georgia, queued for hours, as they did in Savannah.";
        assert_eq!(one(text, "Georgia").country_code.as_deref(), Some("US"));
        let text = "Georgia's president met officials in Tbilisi on Monday.";
        assert_eq!(one(text, "Georgia").country_code.as_deref(), Some("GE"));
    }

    #[test]
    fn words_that_are_also_places_need_support() {
        assert!(enriched("Chad Smith said the band would tour again.").is_empty());
        // A one-word speaker is a person unless it names a government.
        assert!(enriched("Lincoln said he was tired of the debate.").is_empty());
        assert_eq!(
            enriched("California reported 40 new fires on Monday."),
            ["California"]
        );
        assert_eq!(names("Troops from Chad and Niger moved north.").len(), 2);
        assert!(names("Nice work, she told the team.").is_empty());
        assert_eq!(
            one("The attack in Nice killed 86 people.", "Nice")
                .country_code
                .as_deref(),
            Some("FR")
        );
        assert!(names("Reading the report, he frowned.").is_empty());
        assert_eq!(
            one("He grew up in Reading, west of London.", "Reading")
                .country_code
                .as_deref(),
            Some("GB")
        );
        assert!(names("Mobile phone sales rose at the Mobile World Congress.").is_empty());
        assert!(names("Split the bill, they said.").is_empty());
        assert_eq!(names("Turkey closed the border."), ["Turkey (TR)"]);
        assert!(names("The market opens in March and closes in May.").is_empty());
    }

    #[test]
    fn people_and_organisations_named_after_places_are_not_places() {
        assert!(names("Paris Hilton arrived late.").is_empty());
        assert!(
            names("Denzel Washington starred; George Washington crossed the river.").is_empty()
        );
        assert!(names("The New York Times and the Washington Post reported it.").is_empty());
        assert!(
            names("Islamic State fighters defied the United Nations Security Council.").is_empty()
        );
        assert!(names("Tests found HIV in the samples.").is_empty());
        assert!(names("British Airways and the Welsh Rugby Union agreed.").is_empty());
        let obama = "Barack Obama spoke. Obama said the talks would go on.";
        let tokens = tokenize(obama);
        let person = [Span { start: 0, end: 12 }, Span { start: 20, end: 25 }];
        assert!(find_places(None, obama, &tokens, None, &person, &["Barack", "Obama"]).is_empty());
    }

    #[test]
    fn ordinary_words_beside_a_place_leave_it_a_place() {
        assert_eq!(names("Texas Governor Greg Abbott spoke."), ["Texas (US)"]);
        assert_eq!(
            names("Environment Canada issued a warning."),
            ["Canada (CA)"]
        );
        assert_eq!(
            names("A Canada-wide warrant and Russia-Turkey ties."),
            ["Canada (CA)", "Russia (RU)", "Turkey (TR)"]
        );
    }

    #[test]
    fn qualifiers_choose_between_namesakes() {
        let text = "A sawmill outside Alexandria, Louisiana, will reopen.";
        let alexandria = one(text, "Alexandria");
        assert_eq!(alexandria.admin1.as_deref(), Some("Louisiana"));
        let text = "He was born in Paris, Texas, in 1950.";
        assert_eq!(one(text, "Paris").country_code.as_deref(), Some("US"));
        let text = "She works in Alexandria, La., as a nurse.";
        assert_eq!(one(text, "Alexandria").admin1.as_deref(), Some("Louisiana"));
        assert_eq!(one(text, "Louisiana").mentions.len(), 1);
        let text = "The mill near Alexandria employs 180 people across Rapides Parish.";
        assert_eq!(one(text, "Alexandria").admin1.as_deref(), Some("Louisiana"));
        assert_eq!(one(text, "Rapides Parish").kind, PlaceKind::County);
        let text = "Researchers in Alexandria studied the Nile delta in Egypt.";
        assert_eq!(one(text, "Alexandria").country_code.as_deref(), Some("EG"));
    }

    #[test]
    fn the_article_context_resolves_cities() {
        let text = "Police in London, Ontario, said a man from Toronto was held.";
        assert_eq!(one(text, "London").country_code.as_deref(), Some("CA"));
        let text = "London police said the man was held near Manchester.";
        assert_eq!(one(text, "London").country_code.as_deref(), Some("GB"));
    }

    #[test]
    fn mentions_skip_possessives_and_directions() {
        let text = "Syria's army shelled east Aleppo and eastern Ghouta.";
        let syria = one(text, "Syria");
        assert_eq!(spans(text, &syria), ["Syria"]);
        assert_eq!(spans(text, &one(text, "Aleppo")), ["Aleppo"]);
        assert_eq!(spans(text, &one(text, "Ghouta")), ["Ghouta"]);
    }

    #[test]
    fn names_are_normalised() {
        assert_eq!(
            one("Flooding hit St. Louis and Sao Paulo.", "St. Louis")
                .country_code
                .as_deref(),
            Some("US")
        );
        assert_eq!(
            one("Flooding hit St. Louis and Sao Paulo.", "São Paulo")
                .country_code
                .as_deref(),
            Some("BR")
        );
        assert_eq!(
            names("Officials in the U.S. and the UK agreed."),
            ["United States (US)", "United Kingdom (GB)"]
        );
    }

    #[test]
    fn a_city_is_preferred_to_its_namesake_region_unless_told() {
        assert_eq!(
            one("Shelling in Aleppo went on.", "Aleppo").kind,
            PlaceKind::City
        );
        assert_eq!(
            one("Villages in Idlib province were hit.", "Idlib").kind,
            PlaceKind::Region
        );
        assert_eq!(
            one("Shares fell in New York.", "New York City").kind,
            PlaceKind::City
        );
        let text = "The storm reached Oklahoma City, Oklahoma, at noon.";
        assert_eq!(one(text, "Oklahoma").kind, PlaceKind::Region);
        assert_eq!(one(text, "Oklahoma City").kind, PlaceKind::City);
    }

    #[test]
    fn demonyms_are_evidence_not_mentions() {
        // Their countries are places of the article only as adjectives,
        // with no mention scored.
        let found = places("French officials met Syrian rebels.");
        assert_eq!(found.len(), 2);
        assert!(
            found
                .iter()
                .all(|p| p.role == PlaceRole::Adjective && p.mentions.is_empty())
        );
        // "Syrian" tips Homs towards Syria even without "Syria".
        assert_eq!(
            one("Syrian forces entered Homs.", "Homs")
                .country_code
                .as_deref(),
            Some("SY")
        );
    }

    #[test]
    fn the_dateline_place_comes_first_with_its_role() {
        let body = "ALEPPO, Syria (Reuters) - Shops reopened in the old market near Damascus Gate.";
        let dateline = crate::extract::dateline::find_dateline(body).unwrap();
        let found = find_places(None, body, &tokenize(body), Some(&dateline), &[], &[]);
        assert_eq!(found[0].name, "Aleppo");
        assert_eq!(found[0].role, PlaceRole::Dateline);
        assert_eq!(found[0].label(), "Aleppo, Syria");
        let dc = one(
            "Protesters marched in Washington, D.C. on Sunday.",
            "Washington",
        );
        assert_eq!(dc.label(), "Washington, D.C., United States");
        let brussels = one("Ministers met in Brussels on Monday.", "Brussels");
        assert_eq!(brussels.label(), "Brussels, Brussels Capital, Belgium");
        assert_eq!(found[1].name, "Syria");
    }

    #[test]
    fn title_mentions_are_kept_apart() {
        let body = "The mayor spoke on Monday.";
        let found = find_places(
            Some("Floods in Kyiv"),
            body,
            &tokenize(body),
            None,
            &[],
            &[],
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].title_mentions, [Span { start: 10, end: 14 }]);
        assert!(found[0].mentions.is_empty());
    }

    /// Labels of the places `enrich` finds (dateline, speakers and all).
    fn labels(text: &str) -> Vec<String> {
        let mut article = crate::article::Article {
            body: text.into(),
            ..Default::default()
        };
        crate::extract::enrich(&mut article);
        article.places.iter().map(Place::label).collect()
    }

    fn has_label(found: &[String], label: &str) -> bool {
        found.iter().any(|l| l == label)
    }

    #[test]
    fn a_persons_surname_is_that_person_throughout_the_article() {
        let found = labels(
            "Democrat Doug Jones won the seat in Alabama. Jones thanked voters \
             and Jones’s aides said the count was over.",
        );
        assert_eq!(found, ["Alabama, United States"]);
        let found = labels("Roy Moore lost. Moore’s campaign asked for a recount.");
        assert!(found.is_empty(), "{found:?}");
        // An initial before a surname: a team sheet.
        assert!(labels("The back row is S Williams, J. Thomas and M Owen.").is_empty());
        // A qualifier still makes it the town.
        let found = labels("Doug Jones spoke. The rally was in Jones, Oklahoma.");
        assert_eq!(
            found,
            ["Jones, Oklahoma, United States", "Oklahoma, United States"]
        );
        // A wide place keeps its mentions after "in".
        let found = labels("Paris Hilton arrived. Hilton then flew to Paris.");
        assert_eq!(found, ["Paris, Île-de-France, France"]);
    }

    #[test]
    fn a_place_inside_an_organisations_name_is_not_a_place() {
        let found = labels(
            "He teaches at Liberty University. Liberty, which is in Lynchburg, \
             Virginia, has 15,000 students on campus.",
        );
        assert!(!found.iter().any(|l| l.starts_with("Liberty")), "{found:?}");
        assert!(has_label(&found, "Lynchburg, Virginia, United States"));
        let found = labels("Analysts at Wells Fargo said rates would rise. Fargo shares fell.");
        assert!(found.is_empty(), "{found:?}");
        let found = labels(
            "The shuttle will be shown at the Kennedy Space Center in Cape Canaveral, \
             Florida, not at the Johnson Space Center.",
        );
        assert!(
            !found
                .iter()
                .any(|l| l.starts_with("Kennedy") || l.starts_with("Johnson")),
            "{found:?}"
        );
        assert!(has_label(&found, "Cape Canaveral, Florida, United States"));
        // A town named elsewhere after "at" is the town its college is named after.
        let found =
            labels("She is at Georgetown College in Kentucky. Finals at Georgetown end in May.");
        assert!(
            found.iter().any(|l| l.starts_with("Georgetown, Kentucky")),
            "{found:?}"
        );
        // Given names and heads of government.
        assert!(
            labels("Elizabeth Quat of the DAB was elected in Hong Kong.")
                .iter()
                .all(|l| l == "Hong Kong")
        );
        assert!(
            labels("Taxes were changed by the Monti government in Rome.")
                .iter()
                .all(|l| !l.starts_with("Monti"))
        );
        assert!(
            labels("Korea brought on Park Joo-Ho in Seoul.")
                .iter()
                .all(|l| !l.starts_with("Ho,"))
        );
    }

    #[test]
    fn common_words_and_institutions_need_real_support() {
        let found = labels("Republicans in Congress passed the bill on Tuesday.");
        assert!(found.is_empty(), "{found:?}");
        let found = labels("The mine is near Congress, Arizona, north of Phoenix.");
        assert!(
            has_label(&found, "Congress, Arizona, United States"),
            "{found:?}"
        );
        assert!(labels("The probe left Earth in May and will reach Mars in 2027.").is_empty());
        // A common word as a town in a country the story never names.
        let found = labels("The Bush administration said the talks in Paris would go on.");
        assert_eq!(found, ["Paris, Île-de-France, France"]);
        let found = labels("Arsenal beat Chelsea at Highbury, and Arsenal fans sang.");
        assert!(!found.iter().any(|l| l.contains("Mauritius")), "{found:?}");
        // With the country named and a locative, it is the town.
        let found = labels("Birds died near Esperance, on the south coast of Australia.");
        assert!(
            found.iter().any(|l| l.starts_with("Esperance")),
            "{found:?}"
        );
        let found = labels("In 2003 an earthquake in the city of Bam killed 25,000 people.");
        assert!(found.iter().any(|l| l.starts_with("Bam,")), "{found:?}");
        // "EST" is an acronym, not the region Est.
        assert!(labels("Trading closed at 4 p.m. EST on Friday.").is_empty());
    }

    #[test]
    fn named_regions_are_regions() {
        let middle_east = one("Tension in the Middle East rose again.", "Middle East");
        assert_eq!(middle_east.kind, PlaceKind::Area);
        assert_eq!(middle_east.country, None);
        assert_eq!(middle_east.path, ["Asia", "Middle East"]);
        assert_eq!(middle_east.label(), "Middle East");
        let central = one("Migrants from Central America waited.", "Central America");
        assert_eq!(central.path, ["North America", "Central America"]);
        assert_eq!(
            names("Tankers in the Gulf were hit near the Strait of Hormuz."),
            ["Persian Gulf ()", "Strait of Hormuz ()"]
        );
        assert_eq!(names("Oil rigs in the North Sea shut."), ["North Sea ()"]);
        // "Gulf" as another name: not inside a company's name.
        assert!(names("Chevron bought Gulf Oil Corp in 1984.").is_empty());
        assert_eq!(
            names("The Caribbean and the Atlantic"),
            ["Caribbean ()", "Atlantic Ocean ()"]
        );
        assert!(names("Pilots at Virgin Atlantic voted to strike.").is_empty());
    }

    #[test]
    fn joke_and_historical_alternate_names_are_not_read() {
        // GeoNames lists "Google" for Topeka and "Twickenham" for Huntsville.
        assert!(labels("Executives at Google said the search engine grew.").is_empty());
        assert!(
            labels("England play France at Twickenham on Saturday.")
                .iter()
                .all(|l| !l.contains("Alabama"))
        );
        // Spellings of a town's name are read.
        let found = labels("Egypt reported a death in Beni Suef, south of Cairo.");
        assert!(
            found.iter().any(|l| l.starts_with("Banī Suwayf")),
            "{found:?}"
        );
    }

    #[test]
    fn the_dateline_and_the_other_places_choose_among_namesakes() {
        let found = labels(
            "ATLANTA (Reuters) - Voters feel powerless in Washington, said Senator \
             David Perdue from Georgia.",
        );
        assert!(
            has_label(&found, "Washington, D.C., United States"),
            "{found:?}"
        );
        assert!(has_label(&found, "Georgia, United States"), "{found:?}");
        assert!(!has_label(&found, "Georgia"), "{found:?}");
        let found = labels(
            "Senator David Perdue from Georgia joined colleagues from Alabama and Virginia \
             to talk about Russia.",
        );
        assert!(has_label(&found, "Georgia, United States"), "{found:?}");
        // A hub's dateline does not pull a small namesake into its state.
        let found =
            labels("NEW YORK (Reuters) - Sessions said in a speech in Boston that the rule stood.");
        assert!(
            has_label(&found, "Boston, Massachusetts, United States"),
            "{found:?}"
        );
        // A local one does.
        let found = labels(
            "LAUREL COUNTY, Ky. (WKYT) - A man died in a crash in Laurel County. \
                 The driver was Donnie Ray Smith of London.",
        );
        assert!(
            has_label(&found, "London, Kentucky, United States"),
            "{found:?}"
        );
        let found = labels("NEW YORK (Reuters) - Voters in Alabama rejected the candidate.");
        assert!(has_label(&found, "Alabama, United States"), "{found:?}");
    }

    #[test]
    fn names_listed_with_regions_are_regions() {
        let text = "Taxpayers in the high-tax states of New York, New Jersey and California will pay more.";
        assert_eq!(one(text, "New York").kind, PlaceKind::Region);
        let text = "Cases were found in Utah, Washington and Wisconsin.";
        assert_eq!(one(text, "Washington").kind, PlaceKind::Region);
        // A list of cities stays cities.
        let text = "Shares fell in New York, London and Tokyo.";
        assert_eq!(one(text, "New York City").kind, PlaceKind::City);
    }

    #[test]
    fn an_article_holds_each_label_once() {
        let found = labels("Officials in Washington and in the District of Columbia agreed.");
        assert_eq!(found, ["Washington, D.C., United States"]);
        let dc = one(
            "Officials in Washington and in the District of Columbia agreed.",
            "Washington",
        );
        assert_eq!(dc.mentions.len(), 2);
    }

    #[test]
    fn small_towns_in_capitals_headlines_need_the_body() {
        let body = "The company said it would pay 10 cts a share.";
        let found = find_places(
            Some("EDO CORP SETS QUARTERLY DIVIDEND"),
            body,
            &tokenize(body),
            None,
            &[],
            &[],
        );
        assert!(found.is_empty(), "{found:?}");
        let found = find_places(
            Some("JAPAN TRADE SURPLUS RISES"),
            body,
            &tokenize(body),
            None,
            &[],
            &[],
        );
        assert_eq!(found.len(), 1);
    }

    /// (label, role, adjective spans' text) of the places of a text.
    fn adjectives(text: &str) -> Vec<(String, PlaceRole, Vec<String>)> {
        places(text)
            .into_iter()
            .map(|p| {
                let spans = p
                    .adjectives
                    .iter()
                    .map(|s| text[s.start..s.end].to_string())
                    .collect();
                (p.label(), p.role, spans)
            })
            .collect()
    }

    #[test]
    fn a_country_named_only_by_its_adjective_is_an_adjective_place() {
        let found = adjectives("Investigators looked into alleged Russian meddling in the vote.");
        assert_eq!(
            found,
            [(
                "Russia".to_string(),
                PlaceRole::Adjective,
                vec!["Russian".to_string()]
            )]
        );
        // Named too: the adjective is counted on the named country.
        let found = adjectives("Syrians fled Syria as Syrian forces advanced.");
        assert_eq!(
            found,
            [(
                "Syria".to_string(),
                PlaceRole::Mention,
                vec!["Syrians".to_string(), "Syrian".to_string()]
            )]
        );
        // The biggest of the countries sharing a demonym.
        let found = adjectives("A French television crew filmed the hearing.");
        assert_eq!(found[0].0, "France");
        // Not a people's compound, a language, a company or a team.
        assert!(adjectives("Latin American and Native American groups met.").is_empty());
        assert!(adjectives("The talk was given in French.").is_empty());
        assert!(adjectives("She reads French-language papers.").is_empty());
        assert!(adjectives("Shares of American Express Co rose.").is_empty());
        assert!(adjectives("The Cleveland Indians won again.").is_empty());
        // Not the country when its name is read as another place.
        let found =
            adjectives("Georgian voters in Georgia, Alabama and Virginia went to the polls.");
        assert!(found.iter().all(|(l, ..)| l != "Georgia"), "{found:?}");
    }

    #[test]
    fn wide_places_survive_the_name_rules() {
        // A big city's other name inside an institution's.
        assert_eq!(
            labels("It is the second biggest bourse after London's, in New York."),
            [
                "London, England, United Kingdom",
                "New York City, New York, United States"
            ]
        );
        // A sea's other name glued once is not glued everywhere.
        let found = labels("Union Pacific ships goods across the Pacific to Asia.");
        assert!(has_label(&found, "Pacific Ocean"), "{found:?}");
        assert!(has_label(
            &labels("Banks in the Asia-Pacific region grew."),
            "Pacific Ocean"
        ));
        // A famous city named like a common word needs no country named.
        assert!(has_label(
            &labels("The Yankees won 6-4 over Boston."),
            "Boston, Massachusetts, United States"
        ));
        // A big city after "at" in a story about another country.
        let found = labels(
            "DHAKA, March 9 - Ministers from Bangladesh met in Dhaka before the trade \
             conference at Geneva, officials said.",
        );
        assert!(has_label(&found, "Geneva, Switzerland"), "{found:?}");
        // A qualifier is named by its own name: no "Michael, Isle of Man"
        // for the director Michael Mann (Mann is the island's Manx name).
        assert!(
            labels("The film by Michael Mann opened in Hollywood.")
                .iter()
                .all(|l| !l.contains("Isle of Man"))
        );
        // A company's name; a work's title.
        assert!(labels("Shares of Edo Corp rose.").is_empty());
        let found = labels(
            "Fans in Toronto met the voice of Batman in Batman: The Animated Series and \
             played Batman: Arkham VR, a game made in Montreal, Canada.",
        );
        assert!(!found.iter().any(|l| l.contains("Turkey")), "{found:?}");
    }

    #[test]
    fn a_countrys_local_name_is_a_companys_part() {
        let found = labels(
            "Nippon Life will buy 13 pct of Shearson. Analysts welcomed the investment by Nippon.",
        );
        assert!(found.is_empty(), "{found:?}");
        assert!(labels("The loan was arranged by Banco do Brasil.").is_empty());
        let found = labels("Prices rose in Hongkong on Monday.");
        assert_eq!(found, ["Hong Kong"]);
    }

    #[test]
    fn companies_and_people_named_like_towns() {
        assert!(
            labels("Vulcan offered to buy Jones and Vining Inc for five dlrs a share.").is_empty()
        );
        assert!(labels("The group holds 6.9 pct of Moore-Handley Inc.").is_empty());
        assert!(labels("He is succeeded by vice chairman Clinton C. Sisson.").is_empty());
        assert!(labels("Robin Williams won a Golden Globe.").is_empty());
        let found = labels(
            "New settler homes in the West Bank sent Bush administration officials scrambling.",
        );
        assert!(found.iter().all(|l| !l.contains("Egypt")), "{found:?}");
        // A country's government is the country.
        assert_eq!(labels("The Kenya government said so."), ["Kenya"]);
        // A mountain named after a town is not the town.
        assert!(labels("Steam rose from Mount St. Helens again.").is_empty());
    }

    #[test]
    fn a_title_case_headline_proves_nothing_about_small_towns() {
        let body = "North Korea insulted the president on Monday.";
        let found = find_places(
            Some("N.Korea Hurls Abuse at Bush, Calls Him Tyrant"),
            body,
            &tokenize(body),
            None,
            &[],
            &[],
        );
        assert!(found.iter().all(|p| p.name != "Būsh"), "{found:?}");
        assert!(found.iter().any(|p| p.name == "North Korea"));
        // A sentence-case title keeps its places.
        let found = find_places(
            Some("Floods hit the town of Reading on Monday"),
            "Rain fell.",
            &tokenize("Rain fell."),
            None,
            &[],
            &[],
        );
        assert!(found.iter().any(|p| p.name == "Reading"), "{found:?}");
    }

    /// Labels and roles of the places `enrich` finds in a body (with its
    /// dateline and speakers).
    fn roles(text: &str) -> Vec<(String, PlaceRole)> {
        let mut article = crate::article::Article {
            body: text.into(),
            ..Default::default()
        };
        crate::extract::enrich(&mut article);
        article.places.iter().map(|p| (p.label(), p.role)).collect()
    }

    fn has_prefix(found: &[String], prefix: &str) -> bool {
        found.iter().any(|l| l.starts_with(prefix))
    }

    #[test]
    fn towns_are_teams_in_sports_copy() {
        let found = labels(
            "The Oklahoma City Thunder beat the Boston Celtics 110-98 on Sunday in a game \
             that went to overtime.",
        );
        assert!(found.is_empty(), "{found:?}");
        // A result makes both sides teams, throughout the article; where it
        // says where, the town is the town.
        let found = labels(
            "Cleveland beat Cincinnati 5-3 on Tuesday. Cleveland scored three runs in the \
             ninth inning, and the teams meet again in Cleveland on Friday.",
        );
        assert_eq!(found, ["Cleveland, Ohio, United States"]);
        assert_eq!(
            spans(
                "Cleveland beat Cincinnati 5-3 on Tuesday. Cleveland scored three runs in \
                 the ninth inning, and the teams meet again in Cleveland on Friday.",
                &one(
                    "Cleveland beat Cincinnati 5-3 on Tuesday. Cleveland scored three runs \
                     in the ninth inning, and the teams meet again in Cleveland on Friday.",
                    "Cleveland"
                )
            ),
            ["Cleveland"]
        );
        // Clubs: a nickname after, a club's word before, a team's people,
        // a team sheet; listed with a team.
        let found = labels(
            "Chelsea boss Jose Mourinho said his side were tired after the 2-1 league win \
             over Blackburn on Saturday. Real Madrid want Frank Lampard, who has \
             scored 10 goals. Manchester United, Arsenal and Liverpool trail. The squad: \
             J Terry (Chelsea), S Gerrard (Liverpool).",
        );
        assert!(found.is_empty(), "{found:?}");
        // A national side is its country (England, Wales are GeoNames regions).
        let found = labels(
            "Wales beat England 11-9 in the Six Nations match at the stadium in Cardiff, \
             and the Wales coach praised the fans.",
        );
        assert!(has_prefix(&found, "Wales"), "{found:?}");
        assert!(has_prefix(&found, "England"), "{found:?}");
        assert!(has_prefix(&found, "Cardiff"), "{found:?}");
        // Not sports copy: the town stays, except before a role only a
        // team has.
        let found = labels(
            "A toddler fell ill in Toronto, Ontario. Toronto Blue Jays outfielder Alex Rios \
             had the same infection.",
        );
        assert_eq!(
            found,
            ["Toronto, Ontario, Canada", "Ontario, Canada"],
            "{found:?}"
        );
        let found = labels("The Yankees won 6-4 over Boston, officials said.");
        assert!(has_prefix(&found, "Boston"), "{found:?}");
        // A story with a paragraph on football corruption is no sports copy.
        let found = labels(
            "WASHINGTON Christopher Steele, a former spy, worked in Washington and Moscow. \
             He also looked into football corruption at a soccer tournament.",
        );
        assert!(has_prefix(&found, "Washington"), "{found:?}");
    }

    #[test]
    fn a_place_in_an_institutions_name_is_not_a_place() {
        let found = labels(
            "She earned a doctorate from Columbia University, taught at the University of \
             York and now works at Victoria Hospital and Toronto General Hospital.",
        );
        assert!(found.is_empty(), "{found:?}");
        // Where it is, is named apart.
        let found = labels("Doctors at Victoria Hospital in London, Ontario, treated 40 patients.");
        assert_eq!(found, ["London, Ontario, Canada", "Ontario, Canada"]);
        let found = labels("A nurse at St. Paul's Hospital in Vancouver said so.");
        assert_eq!(found, ["Vancouver, British Columbia, Canada"]);
        // A school board or a council is local government, where it sits.
        let found = labels("The Edmonton School Division asked Alberta for more money.");
        assert!(has_label(&found, "Edmonton, Alberta, Canada"), "{found:?}");
        let found = labels("Leeds City Council agreed.");
        assert!(has_prefix(&found, "Leeds"), "{found:?}");
        // A head anywhere in the name, a campus after it, "UC".
        let found = labels(
            "Doctors at Georgetown University Medical Center and the Cambridge Judge Business \
             School agreed, as did the University of California, Berkeley, UC Berkeley and \
             the University of Alabama at Birmingham.",
        );
        assert!(
            found.iter().all(|l| !l.starts_with("Georgetown")
                && !l.starts_with("Cambridge")
                && !l.starts_with("Berkeley")
                && !l.starts_with("Birmingham")),
            "{found:?}"
        );
        // Plural heads too: "University Hospitals of Leicester NHS Trust".
        let found = labels("Nurses at University Hospitals of Leicester NHS Trust agreed.");
        assert!(found.is_empty(), "{found:?}");
        // Degrees after a name are no state.
        let found = labels("Lauren Slayton, MS, RD, founded the clinic.");
        assert!(
            found.iter().all(|l| !l.contains("Mississippi")),
            "{found:?}"
        );
    }

    #[test]
    fn companies_media_and_brands_named_like_places_are_not_places() {
        assert!(labels("The poll was reported via USA Today and Russia Today.").is_empty());
        let found = labels("The Rams play at SoFi Stadium. eBay sales rose in Sofia.");
        assert_eq!(found, ["Sofia, Sofia-Capital, Bulgaria"]);
        let found = labels(
            "The climbing gear maker Black Diamond said profits rose, news agency Xinhua \
             reported, and the band Chicago played.",
        );
        assert!(found.is_empty(), "{found:?}");
        // A capital inside a place's own name is its spelling.
        let found = labels("Deputies in LaFayette County, Wisconsin, and in McAllen, Texas.");
        assert!(has_prefix(&found, "McAllen"), "{found:?}");
        assert!(has_prefix(&found, "Lafayette County"), "{found:?}");
        // "firm" is an adjective in markets copy.
        let found = labels("Prices rose as firm Chicago wheat futures lifted the market.");
        assert!(has_prefix(&found, "Chicago"), "{found:?}");
    }

    #[test]
    fn people_named_like_places_are_not_places() {
        assert!(labels("Davis 17 points, James 25 points, the box score read.").is_empty());
        assert!(labels("Aden O'Hara, 24, was charged with assault.").is_empty());
        // An office after a place in a speaker's description: the place.
        let found = labels("\"We will act,\" said Montreal Mayor Denis Coderre.");
        assert!(has_prefix(&found, "Montr"), "{found:?}");
        let found = labels("\"We need help,\" Ouagadougou's mayor Simon Compaore said.");
        assert!(has_prefix(&found, "Ouagadougou"), "{found:?}");
    }

    #[test]
    fn whom_a_text_credits_is_no_destination() {
        // "according to" names a person; a role after the name keeps the
        // place whose official it is.
        let found = labels("Costs fell, according to Brandon Royal, product manager at the firm.");
        assert!(found.is_empty(), "{found:?}");
        let text = "A house burned in Buffalo, New York. The fire is out, according to \
                    Buffalo Fire Chief Don Mcfeely.";
        let buffalo = one(text, "Buffalo");
        assert_eq!(spans(text, &buffalo), ["Buffalo", "Buffalo"]);
        // A person's surname as an owner, after "in".
        let found = labels(
            "\"It was hard,\" said Hannah Cairo, who solved it. It was, in Cairo's words, \
             a world of its own. Cairo moved to California.",
        );
        assert_eq!(found, ["California, United States"]);
    }

    #[test]
    fn firms_and_given_names_made_of_a_place_and_a_word_are_not_places() {
        // A town before the same capitalised word twice: a firm's name; its
        // other mention is the town.
        let found = labels(
            "Paris Baguette plans 100 cafes. Paris Baguette already has seven stores in \
             Lyon and one in Marseille.",
        );
        assert!(!has_prefix(&found, "Paris"), "{found:?}");
        assert!(has_prefix(&found, "Lyon"), "{found:?}");
        // A street named twice is still in its town.
        let found =
            labels("The school in Hertford Road, Edmonton, London, and Hertford Road again.");
        assert!(has_prefix(&found, "Edmonton"), "{found:?}");
        // "New" before a place the gazetteer does not know by both words.
        let found = labels("The film won a grant from New Europe Film Sales in Warsaw.");
        assert_eq!(found, ["Warsaw, Mazovia, Poland"]);
        assert!(labels("Shares rose on the New York Stock Exchange.").is_empty());
        // Romanised given names of two syllables, with either hyphen.
        let found = labels("The film follows I\u{2011}Ann and Man-Su as they move to Taipei.");
        assert_eq!(found, ["Taipei, Taiwan, Taiwan"]);
        // A world-famous firm that shares a region's name.
        assert!(labels("Meta's Llama model was tested against Oracle's.").is_empty());
        // A party's tag is no syllable.
        let found = labels("Senator Tom Harkin (D-Iowa) and Rep. Smith (R-Ohio) agreed.");
        assert_eq!(found.len(), 2, "{found:?}");
    }

    #[test]
    fn degrees_languages_and_associations_are_no_countries() {
        assert!(labels("The study was led by Alexander Niculescu, M.D., Ph.D.").is_empty());
        assert!(labels("Niculescu, A.B. 2024. Blood biomarkers.").is_empty());
        let found = adjectives(
            "Learning Spanish opens doors, and Spanish classes start Monday. The American \
             Federation of Teachers and the American College of Sports Medicine agreed.",
        );
        assert!(found.is_empty(), "{found:?}");
        let found = adjectives("American troops left.");
        assert_eq!(found.len(), 1, "{found:?}");
    }

    #[test]
    fn works_documents_and_products_named_after_places_are_not_places() {
        let found =
            labels("The band closed with \"China Grove\" and \"Sweet Home Alabama\" in Nashville.");
        assert_eq!(found, ["Nashville, Tennessee, United States"]);
        let found = labels(
            "Leaders met in Madrid to honour the Paris Agreement, the Kyoto Protocol, the \
             Paris climate accord and the Treaty of Rome.",
        );
        assert_eq!(found, ["Madrid, Spain"]);
        // A country is a party to its agreement.
        let found = labels("The Iran nuclear agreement was signed in Vienna.");
        assert!(has_label(&found, "Iran"), "{found:?}");
        assert!(labels("Marburg virus and Brussels sprouts were on the agenda.").is_empty());
        let found = adjectives("Sales of Greek yoghurt and French fries rose.");
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_bank_named_after_a_country_is_no_mention_of_it() {
        assert!(labels("The Bank of England raised rates on Thursday.").is_empty());
        let found = labels("The Bank of England raised rates, and England's shops were busy.");
        assert!(has_label(&found, "England, United Kingdom"), "{found:?}");
    }

    #[test]
    fn a_list_of_versions_in_capitals_names_no_region() {
        let found = labels("PCs running Windows 95, 98, ME, NT, 2000 and XP could be hit.");
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn qualifiers_read_postal_codes_and_ap_abbreviations() {
        let found = labels(
            "John Smith of Mansfield, MA, was held. A woman from Clarkston, MI, and a man \
             from St. Louis, MO, were held too.",
        );
        assert!(
            has_label(&found, "Mansfield, Massachusetts, United States"),
            "{found:?}"
        );
        assert!(
            has_label(&found, "Clarkston, Michigan, United States"),
            "{found:?}"
        );
        assert!(
            has_label(&found, "St. Louis, Missouri, United States"),
            "{found:?}"
        );
        let found =
            labels("Crews from Columbia, S.C., Lansing, Mich., and Fresno, Calif., helped.");
        assert!(
            has_label(&found, "Columbia, South Carolina, United States"),
            "{found:?}"
        );
        assert!(has_label(&found, "Lansing, Michigan, United States"));
        assert!(has_label(&found, "Fresno, California, United States"));
        // Not an honorific, a conjunction, a mountain or a headline's word.
        assert!(labels("According to Ms Smith, OR is a word and IN is one too.").is_empty());
        assert!(labels("Steam rose from Mount St. Helens again.").is_empty());
        let found = labels("LONDON ON RISE AS TRADING CENTRE\nTraders in London were busy.");
        assert!(found.iter().all(|l| !l.contains("Ontario")), "{found:?}");
        // No space after the comma; a possessive after dots.
        let found = labels("Snow fell across Colorado,Washington and Oregon.");
        assert!(has_label(&found, "Washington, United States"), "{found:?}");
        assert_eq!(labels("The U.K.'s economy grew."), ["United Kingdom"]);
    }

    #[test]
    fn what_a_place_lies_in_and_its_own_reading_choose_among_namesakes() {
        // "Court in London" is in England, whatever else the story says.
        let found = labels(
            "A Denver man appeared at Westminster Magistrates' Court in London, accused \
             of fraud. He had lived in Colorado for years.",
        );
        assert!(
            has_label(&found, "City of Westminster, England, United Kingdom"),
            "{found:?}"
        );
        // A name's own first reading is no evidence for its namesake next
        // door: Vancouver alone is the city in British Columbia.
        assert_eq!(
            labels("A doctor in Vancouver said the clinic was full."),
            ["Vancouver, British Columbia, Canada"]
        );
    }

    #[test]
    fn a_dateline_after_a_headline_is_the_dateline() {
        let found = roles("Queen visits hospital in the capital.\nLONDON (AP) — The Queen came.");
        assert_eq!(
            found,
            [(
                "London, England, United Kingdom".to_string(),
                PlaceRole::Dateline
            )]
        );
        let found = roles(
            "Storm hits state capital, hundreds without power.\n\nCOLUMBIA, S.C. (AP) — A \
             storm cut power.",
        );
        assert_eq!(
            found[0],
            (
                "Columbia, South Carolina, United States".to_string(),
                PlaceRole::Dateline
            )
        );
        let found = roles("Colts lose again.\n\nIndianapolis – The Colts lost on Sunday.");
        assert_eq!(
            found,
            [(
                "Indianapolis, Indiana, United States".to_string(),
                PlaceRole::Dateline
            )]
        );
        let found = roles("Mayor to offer plan. TORRINGTON — Mayor Ryan Bingham spoke.");
        assert_eq!(found[0].1, PlaceRole::Dateline, "{found:?}");
        // Not a dash inside a sentence, nor a lower-case word after it.
        let found = roles("Paris – the city of light – was quiet.");
        assert!(
            found.iter().all(|(_, r)| *r != PlaceRole::Dateline),
            "{found:?}"
        );
        // An acronym opening a paragraph is no dateline.
        assert!(labels("The report is due.\n    GAO is preparing it.").is_empty());
    }
}
