//! The embedded gazetteer: every continent, country, first-level region and
//! populated place newsdex can resolve a name to, derived from GeoNames
//! (CC BY 4.0, see `data/NOTICE`).
//!
//! The file `data/gazetteer.bin` is built once by `build-gazetteer` (see
//! [`build`]) and compiled into the binary. Nothing is parsed at start-up:
//! the name index is a finite-state transducer read in place, and place
//! records are fixed-size rows read on demand, so opening it costs
//! microseconds whatever its size.
//!
//! Layout (all integers little-endian):
//! ```text
//! magic "NDXGAZ01" | 6 × u32 section lengths | places | strings | postings
//! | names FST | words FST | neighbours
//! ```
//! * places: one 32-byte [`PlaceRef`] row per place;
//! * strings: the GeoNames names, UTF-8, addressed by the rows;
//! * postings: for each name key, `count | COMMON_WORD` then `count` entries
//!   `place << 2 | name type`;
//! * names: normalised name ([`normalise::name_key`]) → posting offset;
//! * words: lower-case English words, for telling "Reading" the town from
//!   "Reading" the verb;
//! * neighbours: sorted pairs of country rows that share a border.

pub mod build;
pub mod normalise;

use std::sync::{LazyLock, OnceLock};

use serde::Serialize;
use tantivy_fst::raw::{Fst, Node, Output};

pub const MAGIC: &[u8; 8] = b"NDXGAZ01";
pub const ROW_BYTES: usize = 32;
/// Set in a posting list's count when its key is also an English word.
pub const COMMON_WORD: u32 = 1 << 31;
pub const NONE: u32 = u32::MAX;
/// Set in a row's kind byte for a national capital.
pub const CAPITAL: u8 = 0x80;

/// What a place is, from largest to smallest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PlaceKind {
    Continent = 0,
    Country = 1,
    /// A named area that is neither a country nor a region: the Middle
    /// East, the West Bank.
    Area = 2,
    /// A first-level division: a state, province or governorate.
    Region = 3,
    /// A second-level division: a county or parish (United States and
    /// United Kingdom).
    County = 4,
    City = 5,
}

impl PlaceKind {
    fn from_byte(b: u8) -> PlaceKind {
        match b {
            0 => PlaceKind::Continent,
            1 => PlaceKind::Country,
            2 => PlaceKind::Area,
            3 => PlaceKind::Region,
            4 => PlaceKind::County,
            _ => PlaceKind::City,
        }
    }
}

/// How a name in the index names its place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameType {
    /// The GeoNames name (or a country's usual English name).
    Main = 0,
    /// An alternate name: another language, an old or short form.
    Alternate = 1,
    /// The people or adjective of a country ("Syrian"): evidence, not a
    /// mention.
    Demonym = 2,
    /// A region's abbreviation ("La."), read only after "Place, ".
    Qualifier = 3,
}

/// One candidate a name can stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate {
    pub place: u32,
    pub name_type: NameType,
}

/// The candidates of one name key.
#[derive(Debug, Clone, Copy)]
pub struct Postings<'g> {
    entries: &'g [u8],
    /// The key is also an ordinary English word.
    pub common_word: bool,
}

impl<'g> Postings<'g> {
    pub fn len(&self) -> usize {
        self.entries.len() / 4
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = Candidate> + 'g {
        self.entries.chunks_exact(4).map(|b| {
            let v = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
            Candidate {
                place: v >> 2,
                name_type: match v & 3 {
                    0 => NameType::Main,
                    1 => NameType::Alternate,
                    2 => NameType::Demonym,
                    _ => NameType::Qualifier,
                },
            }
        })
    }
}

/// Why the gazetteer file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum GazetteerError {
    #[error("not a newsdex gazetteer (bad magic or truncated header)")]
    BadHeader,
    #[error("gazetteer sections do not fit the file")]
    Truncated,
    #[error("gazetteer name index is corrupt: {0}")]
    Fst(String),
}

/// The gazetteer, read in place from bytes that outlive it.
pub struct Gazetteer {
    places: &'static [u8],
    strings: &'static [u8],
    postings: &'static [u8],
    names: Fst<&'static [u8]>,
    words: Fst<&'static [u8]>,
    neighbours: &'static [u8],
    /// (GeoNames id, row) of every place with an id, by id: built the first
    /// time a place is looked up by its id (reading stored place records).
    by_id: OnceLock<Vec<(u32, u32)>>,
}

/// Sections of the file, in order.
pub const SECTIONS: usize = 6;
const HEADER_BYTES: usize = 8 + 4 * SECTIONS;

static EMBEDDED: &[u8] = include_bytes!("../../data/gazetteer.bin");

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
    // The file is part of the source tree and checked by a test; a failure
    // here is a broken build, not bad input.
    Gazetteer::from_bytes(EMBEDDED).expect("the embedded data/gazetteer.bin is valid")
});

impl Gazetteer {
    /// The gazetteer compiled into newsdex.
    pub fn embedded() -> &'static Gazetteer {
        &GAZETTEER
    }

    /// Reads a gazetteer file's sections without copying them.
    pub fn from_bytes(bytes: &'static [u8]) -> Result<Gazetteer, GazetteerError> {
        if bytes.len() < HEADER_BYTES || &bytes[..8] != MAGIC {
            return Err(GazetteerError::BadHeader);
        }
        let len = |i: usize| {
            u32::from_le_bytes(bytes[8 + 4 * i..12 + 4 * i].try_into().unwrap()) as usize
        };
        let mut at: usize = HEADER_BYTES;
        let mut sections = [&bytes[..0]; SECTIONS];
        let lengths: Vec<usize> = (0..SECTIONS).map(len).collect();
        for (section, n) in sections.iter_mut().zip(lengths) {
            let end = at.checked_add(n).ok_or(GazetteerError::Truncated)?;
            *section = bytes.get(at..end).ok_or(GazetteerError::Truncated)?;
            at = end;
        }
        let fst = |b: &'static [u8]| Fst::new(b).map_err(|e| GazetteerError::Fst(e.to_string()));
        if sections[0].len() % ROW_BYTES != 0 {
            return Err(GazetteerError::Truncated);
        }
        Ok(Gazetteer {
            places: sections[0],
            strings: sections[1],
            postings: sections[2],
            names: fst(sections[3])?,
            words: fst(sections[4])?,
            neighbours: sections[5],
            by_id: OnceLock::new(),
        })
    }

    /// Number of places.
    pub fn len(&self) -> usize {
        self.places.len() / ROW_BYTES
    }

    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// Number of distinct name keys.
    pub fn name_count(&self) -> usize {
        self.names.len()
    }

    pub fn place(&self, index: u32) -> PlaceRef<'_> {
        PlaceRef { gaz: self, index }
    }

    /// The place GeoNames knows by `geonameid`, if the gazetteer has it.
    pub fn by_geonameid(&self, geonameid: u32) -> Option<PlaceRef<'_>> {
        let rows = self.by_id.get_or_init(|| {
            let mut rows: Vec<(u32, u32)> = (0..self.len() as u32)
                .map(|row| (self.place(row).geonameid(), row))
                .filter(|&(id, _)| id != 0)
                .collect();
            rows.sort_unstable();
            rows
        });
        let at = rows.partition_point(|&(id, _)| id < geonameid);
        match rows.get(at) {
            Some(&(id, row)) if id == geonameid => Some(self.place(row)),
            _ => None,
        }
    }

    /// The candidates of a whole normalised name, if it is one.
    pub fn lookup(&self, key: &str) -> Option<Postings<'_>> {
        self.names.get(key).map(|out| self.postings_at(out.value()))
    }

    /// Whether a name is a country, region or area, or a city of 100,000
    /// people or more: a name that begins companies' names ("Washington
    /// Post") without being theirs, or labels a dateline ("NEW DELHI:").
    /// Small towns share their names with too many companies and people to
    /// count: there is a Drexel in Missouri and a Wallace in Idaho.
    pub fn is_major_place(&self, name: &str) -> bool {
        const CITY_POPULATION: u32 = 100_000;
        self.lookup(&normalise::name_key(name))
            .is_some_and(|postings| {
                postings.iter().any(|c| {
                    let place = self.place(c.place);
                    c.name_type == NameType::Main
                        && (place.kind() != PlaceKind::City
                            || place.population() >= CITY_POPULATION)
                })
            })
    }

    /// Whether a lower-case word is an ordinary English word, counting
    /// plurals and verb forms of the dictionary's headwords ("Underdogs",
    /// "Times", "Reported").
    pub fn is_english_word(&self, word: &str) -> bool {
        if self.words.contains_key(word) {
            return true;
        }
        // (Called for most words of every article: nothing is allocated
        // unless a suffix must be replaced.)
        let mut buffer = String::new();
        let mut stem_is_word = |suffix: &str, replacement: &str| {
            word.strip_suffix(suffix)
                .filter(|stem| stem.len() >= 3)
                .is_some_and(|stem| {
                    if replacement.is_empty() {
                        return self.words.contains_key(stem);
                    }
                    buffer.clear();
                    buffer.push_str(stem);
                    buffer.push_str(replacement);
                    self.words.contains_key(&buffer)
                })
        };
        // British spellings of American headwords: "neighbouring", "organised".
        let british = word.contains("our") || word.contains("is");
        (british && {
            let american = word
                .replace("our", "or")
                .replace("ise", "ize")
                .replace("isa", "iza");
            american != word && self.is_english_word(&american)
        }) || stem_is_word("s", "")
            || stem_is_word("es", "")
            || stem_is_word("ies", "y")
            || stem_is_word("ed", "")
            || stem_is_word("ed", "e")
            || stem_is_word("ing", "")
            || stem_is_word("ing", "e")
    }

    /// The countries that share a border with a country (row indexes).
    pub fn neighbours(&self, country: u32) -> impl Iterator<Item = u32> + '_ {
        let pairs = self.neighbours.chunks_exact(8).map(|p| {
            (
                u32::from_le_bytes(p[..4].try_into().unwrap()),
                u32::from_le_bytes(p[4..].try_into().unwrap()),
            )
        });
        let first =
            |i: usize| u32::from_le_bytes(self.neighbours[8 * i..8 * i + 4].try_into().unwrap());
        // Binary search for the first pair of `country`.
        let (mut lo, mut hi) = (0, self.neighbours.len() / 8);
        while lo < hi {
            let mid = (lo + hi) / 2;
            if first(mid) < country {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        let start = lo;
        pairs
            .skip(start)
            .take_while(move |p| p.0 == country)
            .map(|p| p.1)
    }

    /// A cursor for matching a name word by word (see [`NameCursor`]).
    pub fn cursor(&self) -> NameCursor<'_> {
        NameCursor {
            gaz: self,
            node: self.names.root(),
            output: Output::zero(),
        }
    }

    fn postings_at(&self, offset: u64) -> Postings<'_> {
        let at = offset as usize;
        let head = u32::from_le_bytes(self.postings[at..at + 4].try_into().unwrap());
        let count = (head & !COMMON_WORD) as usize;
        Postings {
            entries: &self.postings[at + 4..at + 4 + 4 * count],
            common_word: head & COMMON_WORD != 0,
        }
    }

    fn row(&self, index: u32) -> &[u8] {
        let at = index as usize * ROW_BYTES;
        &self.places[at..at + ROW_BYTES]
    }
}

/// Walks the name index one byte string at a time, so a matcher can feed
/// the words of a text one by one and stop as soon as no name continues.
#[derive(Clone)]
pub struct NameCursor<'g> {
    gaz: &'g Gazetteer,
    node: Node<'g>,
    output: Output,
}

impl<'g> NameCursor<'g> {
    /// Follows `bytes`; false (and the cursor is spent) when no name does.
    pub fn feed(&mut self, bytes: &[u8]) -> bool {
        for &b in bytes {
            match self.node.find_input(b) {
                Some(i) => {
                    let t = self.node.transition(i);
                    self.output = self.output.cat(t.out);
                    self.node = self.gaz.names.node(t.addr);
                }
                None => return false,
            }
        }
        true
    }

    /// The candidates when the bytes fed so far are a whole name.
    pub fn postings(&self) -> Option<Postings<'g>> {
        self.node.is_final().then(|| {
            self.gaz
                .postings_at(self.output.cat(self.node.final_output()).value())
        })
    }
}

/// One place of the gazetteer.
#[derive(Clone, Copy)]
pub struct PlaceRef<'g> {
    gaz: &'g Gazetteer,
    pub index: u32,
}

impl<'g> PlaceRef<'g> {
    fn u32_at(&self, at: usize) -> u32 {
        u32::from_le_bytes(self.gaz.row(self.index)[at..at + 4].try_into().unwrap())
    }

    pub fn geonameid(&self) -> u32 {
        self.u32_at(0)
    }

    pub fn lat(&self) -> f32 {
        f32::from_bits(self.u32_at(4))
    }

    pub fn lon(&self) -> f32 {
        f32::from_bits(self.u32_at(8))
    }

    /// Inhabitants (for a region, of its listed cities together).
    pub fn population(&self) -> u32 {
        self.u32_at(12)
    }

    pub fn name(&self) -> &'g str {
        let row = self.gaz.row(self.index);
        let at = u32::from_le_bytes(row[16..20].try_into().unwrap()) as usize;
        let len = row[28] as usize;
        std::str::from_utf8(&self.gaz.strings[at..at + len]).unwrap_or("")
    }

    pub fn kind(&self) -> PlaceKind {
        PlaceKind::from_byte(self.gaz.row(self.index)[29] & !CAPITAL)
    }

    /// Whether it is its country's capital.
    pub fn is_capital(&self) -> bool {
        self.gaz.row(self.index)[29] & CAPITAL != 0
    }

    /// ISO 3166 alpha-2 code of the country ("" for continents).
    pub fn country_code(&self) -> &'g str {
        let row = self.gaz.row(self.index);
        std::str::from_utf8(&row[30..32]).unwrap_or("").trim()
    }

    /// The place it lies in: a city's region (or country), a region's
    /// country, a country's continent.
    pub fn parent(&self) -> Option<PlaceRef<'g>> {
        let p = self.u32_at(20);
        (p != NONE).then(|| self.gaz.place(p))
    }

    /// Its country (itself for a country).
    pub fn country(&self) -> Option<PlaceRef<'g>> {
        let c = self.u32_at(24);
        (c != NONE).then(|| self.gaz.place(c))
    }

    /// Its first-level region, for a city or county.
    pub fn region(&self) -> Option<PlaceRef<'g>> {
        let parent = self.parent()?;
        match parent.kind() {
            PlaceKind::Region => Some(parent),
            PlaceKind::County => parent.region(),
            _ => None,
        }
    }

    /// Continent, country, region, place: the path from the top down.
    pub fn path(&self) -> Vec<PlaceRef<'g>> {
        let mut path = vec![*self];
        while let Some(parent) = path.last().unwrap().parent() {
            path.push(parent);
            if path.len() > 8 {
                break;
            }
        }
        path.reverse();
        path
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(name: &str, kind: PlaceKind) -> PlaceRef<'static> {
        let gaz = Gazetteer::embedded();
        let postings = gaz.lookup(&normalise::name_key(name)).expect(name);
        let c = postings
            .iter()
            .find(|c| gaz.place(c.place).kind() == kind && c.name_type == NameType::Main)
            .expect(name);
        gaz.place(c.place)
    }

    #[test]
    fn a_place_is_found_again_by_its_geonames_id() {
        let gaz = Gazetteer::embedded();
        let aleppo = find("Aleppo", PlaceKind::City);
        let again = gaz.by_geonameid(170063).expect("Aleppo by id");
        assert_eq!(again.index, aleppo.index);
        let syria = aleppo.country().unwrap();
        assert_eq!(
            gaz.by_geonameid(syria.geonameid()).map(|p| p.name()),
            Some("Syria")
        );
        assert!(gaz.by_geonameid(0).is_none());
        assert!(gaz.by_geonameid(u32::MAX).is_none());
    }

    #[test]
    fn embedded_gazetteer_holds_the_world() {
        let gaz = Gazetteer::embedded();
        assert!(gaz.len() > 60_000, "{} places", gaz.len());
        let aleppo = find("Aleppo", PlaceKind::City);
        assert_eq!(aleppo.country_code(), "SY");
        assert_eq!(aleppo.geonameid(), 170063);
        let names: Vec<&str> = aleppo.path().iter().map(|p| p.name()).collect();
        assert_eq!(names, ["Asia", "Syria", "Aleppo", "Aleppo"]);
        let russia = find("Russia", PlaceKind::Country);
        assert_eq!((russia.lat(), russia.lon()), (60.0, 100.0));
        assert!(find("Damascus", PlaceKind::City).is_capital());
        assert!(!aleppo.is_capital());
        assert!(gaz.is_english_word("reading"));
        assert!(gaz.is_english_word("underdogs"));
        assert!(gaz.is_english_word("cities"));
        assert!(gaz.is_english_word("neighbouring"));
        assert!(!gaz.is_english_word("aleppo"));
    }

    #[test]
    fn common_words_are_flagged() {
        let gaz = Gazetteer::embedded();
        assert!(gaz.lookup("reading").unwrap().common_word);
        assert!(!gaz.lookup("aleppo").unwrap().common_word);
    }

    #[test]
    fn cursor_walks_names_word_by_word() {
        let gaz = Gazetteer::embedded();
        let mut cursor = gaz.cursor();
        assert!(cursor.feed(b"new"));
        assert!(cursor.feed(b" york"));
        assert!(cursor.postings().is_some());
        assert!(!cursor.feed(b" xq"));
    }

    #[test]
    fn garbage_is_refused() {
        assert!(matches!(
            Gazetteer::from_bytes(b"nonsense"),
            Err(GazetteerError::BadHeader)
        ));
    }
}
