//! Builds `data/gazetteer.bin` from the GeoNames files and the project's own
//! small sources in `data/sources/`. Run by the `build-gazetteer` binary;
//! see the README section "Gazetteer" and `data/NOTICE`.
//!
//! GeoNames gives countries and regions without coordinates. A country's
//! point comes from `data/sources/country_points.tsv` (the rounded centre
//! that GeoNames mostly uses too); a region's is the middle of the box that
//! holds all its listed towns (see [`central_point`]).

use std::collections::{BTreeMap, HashMap};
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};

use tantivy_fst::MapBuilder;

use crate::gazetteer::normalise::name_key;
use crate::gazetteer::{CAPITAL, COMMON_WORD, MAGIC, NONE, NameType, PlaceKind, ROW_BYTES};

/// Where the inputs are and which populated places to keep.
#[derive(Debug, Clone)]
pub struct Sources {
    /// The GeoNames files (`cities1000.json.gz`, `countryInfo.tsv`,
    /// `admin1CodesASCII.txt`, `continents.json`).
    pub geonames: PathBuf,
    /// The project's sources: `country_points.tsv`, `admin2_points.tsv`,
    /// `extra_names.tsv`, `english_words.txt.gz`.
    pub own: PathBuf,
    /// Keep populated places with at least this many inhabitants.
    pub min_population: u32,
}

/// What a build produced.
#[derive(Debug, Clone, Default)]
pub struct BuildReport {
    pub places: usize,
    pub cities: usize,
    pub regions: usize,
    pub counties: usize,
    pub countries: usize,
    pub names: usize,
    pub bytes: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: {reason}")]
    Parse { path: PathBuf, reason: String },
    #[error("building the name index: {0}")]
    Fst(String),
}

struct Row {
    geonameid: u32,
    lat: f32,
    lon: f32,
    population: u32,
    name: String,
    parent: u32,
    country: u32,
    kind: PlaceKind,
    capital: bool,
    cc: [u8; 2],
}

/// The gazetteer under construction: rows and, per name key, candidates.
#[derive(Default)]
struct Builder {
    rows: Vec<Row>,
    names: BTreeMap<String, Vec<(u32, NameType)>>,
}

impl Builder {
    fn push(&mut self, row: Row) -> u32 {
        self.rows.push(row);
        (self.rows.len() - 1) as u32
    }

    fn name(&mut self, name: &str, place: u32, name_type: NameType) {
        let key = name_key(name);
        if key.is_empty() || key.len() > 120 {
            return;
        }
        let entries = self.names.entry(key).or_default();
        match entries.iter_mut().find(|(p, _)| *p == place) {
            // Keep the strongest reading: a main name beats an alternate.
            Some(entry) => entry.1 = entry.1.min_by_strength(name_type),
            None => entries.push((place, name_type)),
        }
    }
}

impl NameType {
    fn min_by_strength(self, other: NameType) -> NameType {
        if (other as u8) < (self as u8) {
            other
        } else {
            self
        }
    }
}

fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> BuildError + '_ {
    move |source| BuildError::Io {
        path: path.to_path_buf(),
        source,
    }
}

fn parse_err(path: &Path, reason: impl Into<String>) -> BuildError {
    BuildError::Parse {
        path: path.to_path_buf(),
        reason: reason.into(),
    }
}

fn read_text(path: &Path) -> Result<String, BuildError> {
    let mut bytes = Vec::new();
    let file = std::fs::File::open(path).map_err(io_err(path))?;
    if path.extension().is_some_and(|e| e == "gz") {
        flate2::read::GzDecoder::new(file)
            .read_to_end(&mut bytes)
            .map_err(io_err(path))?;
    } else {
        BufReader::new(file)
            .read_to_end(&mut bytes)
            .map_err(io_err(path))?;
    }
    String::from_utf8(bytes).map_err(|e| parse_err(path, e.to_string()))
}

fn cc_bytes(cc: &str) -> [u8; 2] {
    let b = cc.as_bytes();
    [*b.first().unwrap_or(&b' '), *b.get(1).unwrap_or(&b' ')]
}

/// An alternate name worth matching: Latin letters, capitalised like a
/// name, not an all-capitals code (airport codes fill GeoNames' lists).
fn usable_alternate(name: &str) -> bool {
    let n = name.chars().count();
    (3..=40).contains(&n)
        && name.chars().next().is_some_and(|c| c.is_uppercase())
        && name.chars().any(|c| c.is_lowercase())
        && name.chars().all(|c| {
            c.is_ascii_alphabetic()
                || " '-.’".contains(c)
                || ('\u{c0}'..='\u{24f}').contains(&c)
                || ('\u{1e00}'..='\u{1eff}').contains(&c)
        })
}

/// Whether an alternate name is a spelling of a place's name rather than
/// another name: after folding and without a leading article, one holds
/// the other ("Oporto", "Porto"), or they differ in at most a third of
/// their letters ("Genova", "Genoa"), or in their consonants by at most
/// one edit ("Beni Suef", "Banī Suwayf"; "Fallujah", "Al Fallūjah").
fn spelling_of(alternate: &str, name: &str) -> bool {
    if part_of(alternate, name) {
        return true;
    }
    let (a, n) = (bare(alternate), bare(name));
    if a.is_empty() || n.is_empty() {
        return false;
    }
    let longest = a.chars().count().max(n.chars().count());
    if 3 * edit_distance(&a, &n) <= longest {
        return true;
    }
    let skeleton = |s: &str| -> String {
        let mut out = String::new();
        for c in s.chars().filter(|c| !"aeiouyhw".contains(*c)) {
            if !out.ends_with(c) {
                out.push(c);
            }
        }
        out
    };
    let (sa, sn) = (skeleton(&a), skeleton(&n));
    sa.chars().count() >= 3 && edit_distance(&sa, &sn) <= 1
}

/// Whether one name holds the other, folded and without a leading
/// article: "Oporto" and "Porto", "Acapulco" and "Acapulco de Juárez".
fn part_of(alternate: &str, name: &str) -> bool {
    let (a, n) = (bare(alternate), bare(name));
    !a.is_empty() && !n.is_empty() && (a.contains(&n) || n.contains(&a))
}

/// A name folded, without spaces or a leading article ("Al Fallūjah" →
/// "fallujah").
fn bare(s: &str) -> String {
    let key = name_key(s);
    let rest = [
        "al", "el", "ad", "as", "ar", "an", "at", "az", "le", "la", "the",
    ]
    .iter()
    .find_map(|a| key.strip_prefix(a).and_then(|r| r.strip_prefix(' ')))
    .unwrap_or(&key);
    rest.replace(' ', "")
}

/// Levenshtein distance in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let next = (prev + usize::from(ca != cb))
                .min(row[j] + 1)
                .min(row[j + 1] + 1);
            prev = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

/// The middle of the box that holds all the points, with longitudes
/// unwrapped when the points straddle the antimeridian. For a region this
/// lands near the middle of its territory, where GeoNames puts its point,
/// even when its towns crowd one corner (Queensland, Manitoba); a mean of
/// the towns would follow the crowd.
fn central_point(points: &[(f32, f32)]) -> Option<(f32, f32)> {
    let lat_min = points.iter().map(|p| p.0).min_by(f32::total_cmp)?;
    let lat_max = points.iter().map(|p| p.0).max_by(f32::total_cmp)?;
    let mut lons: Vec<f32> = points.iter().map(|p| p.1).collect();
    lons.sort_by(f32::total_cmp);
    if lons[lons.len() - 1] - lons[0] > 180.0 {
        for lon in &mut lons {
            if *lon < 0.0 {
                *lon += 360.0;
            }
        }
        lons.sort_by(f32::total_cmp);
    }
    let lat = (lat_min + lat_max) / 2.0;
    let mut lon = (lons[0] + lons[lons.len() - 1]) / 2.0;
    if lon > 180.0 {
        lon -= 360.0;
    }
    Some((lat, lon))
}

/// The coordinates of a region's towns and their total population.
type TownPoints = (Vec<(f32, f32)>, u64);

/// A country's point, English names, other names and demonyms.
type CountryNames = (f32, f32, Vec<String>, Vec<String>, Vec<String>);

struct City {
    geonameid: u32,
    name: String,
    lat: f32,
    lon: f32,
    cc: String,
    admin1: String,
    population: u32,
    alternates: Vec<String>,
}

fn read_cities(path: &Path) -> Result<Vec<City>, BuildError> {
    let text = read_text(path)?;
    let value: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| parse_err(path, e.to_string()))?;
    let map = value
        .as_object()
        .ok_or_else(|| parse_err(path, "expected an object of cities"))?;
    let mut cities = Vec::with_capacity(map.len());
    for city in map.values() {
        let s = |k: &str| {
            city.get(k)
                .and_then(|v| v.as_str())
                .unwrap_or("")
                .to_string()
        };
        let n = |k: &str| city.get(k).and_then(|v| v.as_f64()).unwrap_or(0.0);
        cities.push(City {
            geonameid: n("geonameid") as u32,
            name: s("name"),
            lat: n("latitude") as f32,
            lon: n("longitude") as f32,
            cc: s("countrycode"),
            admin1: s("admin1code"),
            population: n("population") as u32,
            alternates: city
                .get("alternatenames")
                .and_then(|v| v.as_array())
                .map(|a| {
                    a.iter()
                        .filter_map(|v| v.as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default(),
        });
    }
    // A stable order makes the built file reproducible.
    cities.sort_by_key(|c| c.geonameid);
    Ok(cities)
}

fn tsv_rows(path: &Path) -> Result<Vec<Vec<String>>, BuildError> {
    Ok(read_text(path)?
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect())
}

fn num<T: std::str::FromStr>(path: &Path, field: Option<&String>) -> Result<T, BuildError> {
    let field = field.map(String::as_str).unwrap_or("");
    field
        .trim()
        .parse()
        .map_err(|_| parse_err(path, format!("not a number: {field:?}")))
}

/// Builds the gazetteer file's bytes.
pub fn build(sources: &Sources) -> Result<(Vec<u8>, BuildReport), BuildError> {
    let geo = |f: &str| sources.geonames.join(f);
    let own = |f: &str| sources.own.join(f);
    let mut b = Builder::default();
    let mut report = BuildReport::default();
    let words_text = read_text(&own("english_words.txt.gz"))?;
    let mut words: Vec<&str> = words_text.lines().filter(|w| !w.is_empty()).collect();
    words.sort_unstable();
    words.dedup();
    let english: std::collections::HashSet<&str> = words.iter().copied().collect();
    // An ordinary word is no other name of a place: "Island" (Iceland),
    // "Culture" (Kültür).
    let word = |name: &str| english.contains(name_key(name).as_str());

    // Continents.
    let continents_path = geo("continents.json");
    let continents: serde_json::Value = serde_json::from_str(&read_text(&continents_path)?)
        .map_err(|e| parse_err(&continents_path, e.to_string()))?;
    let mut continent_of_code = HashMap::new();
    let mut continent_of_name: HashMap<String, u32> = HashMap::new();
    // In code order, so the built file does not depend on the JSON's.
    let mut sorted: Vec<_> = continents.as_object().into_iter().flatten().collect();
    sorted.sort_by(|a, b| a.0.cmp(b.0));
    for (code, c) in sorted {
        let f = |k: &str| {
            c.get(k)
                .and_then(|v| {
                    v.as_str()
                        .map(str::to_string)
                        .or_else(|| v.as_f64().map(|x| x.to_string()))
                })
                .unwrap_or_default()
        };
        let name = f("name");
        let row = b.push(Row {
            geonameid: c.get("geonameId").and_then(|v| v.as_u64()).unwrap_or(0) as u32,
            lat: f("lat").parse().unwrap_or(0.0),
            lon: f("lng").parse().unwrap_or(0.0),
            population: c.get("population").and_then(|v| v.as_u64()).unwrap_or(0) as u32,
            name: name.clone(),
            parent: NONE,
            country: NONE,
            kind: PlaceKind::Continent,
            capital: false,
            cc: *b"  ",
        });
        b.name(&name, row, NameType::Main);
        continent_of_code.insert(code.clone(), row);
        continent_of_name.insert(name, row);
    }

    // Cities are read first (they are listed last): regions take their
    // points and populations from them.
    let cities = read_cities(&geo("cities1000.json.gz"))?;
    let mut region_points: HashMap<(String, String), TownPoints> = HashMap::new();
    let mut country_points_from_cities: HashMap<String, Vec<(f32, f32)>> = HashMap::new();
    for c in &cities {
        let entry = region_points
            .entry((c.cc.clone(), c.admin1.clone()))
            .or_default();
        entry.0.push((c.lat, c.lon));
        entry.1 += u64::from(c.population);
        country_points_from_cities
            .entry(c.cc.clone())
            .or_default()
            .push((c.lat, c.lon));
    }

    // Countries.
    let points_path = own("country_points.tsv");
    let mut points: HashMap<String, CountryNames> = HashMap::new();
    for row in tsv_rows(&points_path)? {
        let lat = num(&points_path, row.get(1))?;
        let lon = num(&points_path, row.get(2))?;
        let names: Vec<String> = row.get(3).into_iter().cloned().collect();
        let demonyms = row.get(4).map(|d| demonym_forms(d)).unwrap_or_default();
        // Neither a word nor the demonym ("Thai" is Thailand's adjective).
        let alternates: Vec<String> = row
            .get(5)
            .map(|a| {
                a.split('|')
                    .filter(|a| {
                        !a.is_empty()
                            && !word(a)
                            && !demonyms.iter().any(|d| name_key(d) == name_key(a))
                    })
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default();
        points.insert(row[0].clone(), (lat, lon, names, alternates, demonyms));
    }
    let extra_path = own("extra_names.tsv");
    let extra = tsv_rows(&extra_path)?;
    for row in extra.iter().filter(|r| r[0] == "point") {
        let entry = points.entry(row[1].clone()).or_default();
        entry.0 = num(&extra_path, row.get(2))?;
        entry.1 = num(&extra_path, row.get(3))?;
    }
    let info_path = geo("countryInfo.tsv");
    let mut country_of_code: HashMap<String, u32> = HashMap::new();
    for row in tsv_rows(&info_path)? {
        if row.len() < 17 || row[0].len() != 2 {
            continue;
        }
        let (cc, name) = (&row[0], &row[4]);
        let point = points.get(cc.as_str()).map(|p| (p.0, p.1)).or_else(|| {
            country_points_from_cities
                .get(cc.as_str())
                .and_then(|p| central_point(p))
        });
        let Some((lat, lon)) = point else { continue };
        let index = b.push(Row {
            geonameid: num(&info_path, row.get(16))?,
            lat,
            lon,
            population: num(&info_path, row.get(7)).unwrap_or(0),
            name: name.clone(),
            parent: continent_of_code.get(&row[8]).copied().unwrap_or(NONE),
            country: NONE,
            kind: PlaceKind::Country,
            capital: false,
            cc: cc_bytes(cc),
        });
        b.rows[index as usize].country = index;
        b.name(name, index, NameType::Main);
        if let Some((_, _, names, alternates, demonyms)) = points.get(cc.as_str()) {
            for n in names {
                b.name(n, index, NameType::Main);
            }
            // Official and local forms ("Russian Federation", "Nippon",
            // "Suisse") are alternates: in English news they are mostly
            // inside names ("Nippon Steel", "Credit Suisse").
            for n in alternates {
                b.name(n, index, NameType::Alternate);
            }
            for d in demonyms {
                b.name(d, index, NameType::Demonym);
            }
        }
        country_of_code.insert(cc.clone(), index);
        report.countries += 1;
    }
    let mut neighbours: Vec<(u32, u32)> = Vec::new();
    for row in tsv_rows(&info_path)? {
        let Some(&country) = row.first().and_then(|cc| country_of_code.get(cc)) else {
            continue;
        };
        for n in row.get(17).map(|n| n.split(',')).into_iter().flatten() {
            if let Some(&other) = country_of_code.get(n.trim()) {
                neighbours.push((country, other));
            }
        }
    }
    neighbours.sort_unstable();
    neighbours.dedup();
    // Named areas.
    let mut area_of_name: HashMap<String, u32> = HashMap::new();
    for row in extra.iter().filter(|r| r[0] == "area") {
        // PARENT is a country's code or a continent's name: continents'
        // codes are countries' too (AS American Samoa, NA Namibia).
        let parent = country_of_code
            .get(&row[4])
            .or_else(|| continent_of_name.get(&row[4]))
            .copied()
            .ok_or_else(|| parse_err(&extra_path, format!("unknown parent {:?}", row[4])))?;
        let country = country_of_code.get(&row[4]).copied().unwrap_or(NONE);
        let index = b.push(Row {
            geonameid: 0,
            lat: num(&extra_path, row.get(2))?,
            lon: num(&extra_path, row.get(3))?,
            population: 0,
            name: row[1].clone(),
            parent,
            country,
            kind: PlaceKind::Area,
            capital: false,
            cc: if country == NONE {
                *b"  "
            } else {
                cc_bytes(&row[4])
            },
        });
        b.name(&row[1], index, NameType::Main);
        area_of_name.insert(row[1].clone(), index);
    }

    // First-level regions.
    let admin_path = geo("admin1CodesASCII.txt");
    let mut region_of_code: HashMap<String, u32> = HashMap::new();
    for row in tsv_rows(&admin_path)? {
        if row.len() < 4 {
            continue;
        }
        let Some((cc, admin1)) = row[0].split_once('.') else {
            continue;
        };
        let Some(&country) = country_of_code.get(cc) else {
            continue;
        };
        let Some((points, population)) = region_points.get(&(cc.to_string(), admin1.to_string()))
        else {
            continue;
        };
        let Some((lat, lon)) = central_point(points) else {
            continue;
        };
        let name = &row[1];
        let index = b.push(Row {
            geonameid: num(&admin_path, row.get(3))?,
            lat,
            lon,
            population: (*population).min(u64::from(u32::MAX)) as u32,
            name: name.clone(),
            parent: country,
            country,
            kind: PlaceKind::Region,
            capital: false,
            cc: cc_bytes(cc),
        });
        // The name as GeoNames writes it is the main name; a short form
        // ("Gulf" of "Gulf Province") is an alternate, weaker reading.
        for (i, n) in region_names(name).into_iter().enumerate() {
            b.name(
                &n,
                index,
                if i == 0 {
                    NameType::Main
                } else {
                    NameType::Alternate
                },
            );
        }
        for n in region_names(&row[2]).into_iter().skip(1) {
            b.name(&n, index, NameType::Alternate);
        }
        b.name(&row[2], index, NameType::Main);
        region_of_code.insert(row[0].clone(), index);
        report.regions += 1;
    }
    // Other names of a country, a region or an area: what the first
    // column names, by ISO code, GeoNames admin1 code or area name.
    for row in extra
        .iter()
        .filter(|r| r[0] == "alias" || r[0] == "altname")
    {
        let target = country_of_code
            .get(&row[1])
            .or_else(|| region_of_code.get(&row[1]))
            .or_else(|| area_of_name.get(&row[1]))
            .or_else(|| continent_of_name.get(&row[1]));
        let name_type = if row[0] == "alias" {
            NameType::Main
        } else {
            NameType::Alternate
        };
        match target {
            Some(&place) => b.name(&row[2], place, name_type),
            None => {
                return Err(parse_err(
                    &extra_path,
                    format!("alias of unknown place {:?}", row[1]),
                ));
            }
        }
    }
    for row in extra.iter().filter(|r| r[0] == "abbr") {
        if let Some(&region) = region_of_code.get(&row[1]) {
            b.name(&row[2], region, NameType::Qualifier);
        }
    }

    // Second-level divisions (US counties and parishes, UK counties).
    let admin2_path = own("admin2_points.tsv");
    for row in tsv_rows(&admin2_path)? {
        let Some((parent_code, _)) = row[0].rsplit_once('.') else {
            continue;
        };
        let Some(&region) = region_of_code.get(parent_code) else {
            continue;
        };
        let country = b.rows[region as usize].country;
        let cc = b.rows[region as usize].cc;
        let index = b.push(Row {
            geonameid: num(&admin2_path, row.get(4))?,
            lat: num(&admin2_path, row.get(2))?,
            lon: num(&admin2_path, row.get(3))?,
            population: 0,
            name: row[1].clone(),
            parent: region,
            country,
            kind: PlaceKind::County,
            capital: false,
            cc,
        });
        b.name(&row[1], index, NameType::Main);
        report.counties += 1;
    }

    // Populated places.
    // Numbered districts ("Paris 04 Hôtel-de-Ville") are parts of a city,
    // not places a reader names.
    let listed = |c: &&City| {
        c.population >= sources.min_population && !c.name.contains(|ch: char| ch.is_ascii_digit())
    };
    for c in cities.iter().filter(listed) {
        let Some(&country) = country_of_code.get(&c.cc) else {
            continue;
        };
        let parent = region_of_code
            .get(&format!("{}.{}", c.cc, c.admin1))
            .copied()
            .unwrap_or(country);
        let index = b.push(Row {
            geonameid: c.geonameid,
            lat: c.lat,
            lon: c.lon,
            population: c.population,
            name: c.name.clone(),
            parent,
            country,
            kind: PlaceKind::City,
            capital: false,
            cc: cc_bytes(&c.cc),
        });
        b.name(&c.name, index, NameType::Main);
        // A big city's other names are known in English ("Peking",
        // "Bombay"); a town's are spellings of its name ("Beni Suef" for
        // Banī Suwayf), not nicknames, old names or jokes ("Google" for
        // Topeka, "Twickenham" for Huntsville).
        // An ordinary word is another name only where it is the name's own
        // part ("Acapulco" of Acapulco de Juárez; not "Culture" for Kültür).
        let big = c.population >= 1_000_000;
        for alt in c.alternates.iter().filter(|a| {
            usable_alternate(a)
                && if word(a) {
                    part_of(a, &c.name)
                } else {
                    big || spelling_of(a, &c.name)
                }
        }) {
            b.name(alt, index, NameType::Alternate);
        }
        report.cities += 1;
    }

    // National capitals: the most populous place of the country bearing the
    // capital's name ("Washington" the city, not the state).
    for row in tsv_rows(&info_path)? {
        let (Some(cc), Some(capital)) = (row.first(), row.get(5)) else {
            continue;
        };
        let key = name_key(capital);
        let Some(entries) = b.names.get(&key) else {
            continue;
        };
        // Its own name first: New Delhi, not Delhi (which GeoNames also
        // calls "New Delhi").
        let capital_row = entries
            .iter()
            .filter(|&&(p, _)| {
                let r = &b.rows[p as usize];
                r.kind == PlaceKind::City && r.cc == cc_bytes(cc)
            })
            .max_by_key(|&&(p, name_type)| {
                (name_type == NameType::Main, b.rows[p as usize].population)
            })
            .map(|&(p, _)| p);
        if let Some(p) = capital_row {
            b.rows[p as usize].capital = true;
        }
    }

    let bytes = encode(&b, &english, &words, &neighbours)?;
    report.places = b.rows.len();
    report.names = b.names.len();
    report.bytes = bytes.len();
    Ok((bytes, report))
}

/// A demonym and its plural: "Syrian" → Syrian, Syrians.
fn demonym_forms(demonym: &str) -> Vec<String> {
    let demonym = demonym.trim();
    if demonym.is_empty() {
        return Vec::new();
    }
    let mut forms = vec![demonym.to_string()];
    if demonym.ends_with("an") || demonym.ends_with('i') || demonym.ends_with("ite") {
        forms.push(format!("{demonym}s"));
    }
    forms
}

/// A region's name and the forms news uses for it: "Aleppo Governorate",
/// "Aleppo"; "State of Mexico", "Mexico".
fn region_names(name: &str) -> Vec<String> {
    let mut names = vec![name.to_string()];
    const SUFFIXES: &[&str] = &[
        " Governorate",
        " Province",
        " Region",
        " Oblast",
        " Oblast'",
        " State",
        " Prefecture",
        " District",
        " Department",
        " Voivodeship",
        " County",
        " Territory",
        " Krai",
        " Republic",
        " Muhafazah",
    ];
    const PREFIXES: &[&str] = &[
        "State of ",
        "Province of ",
        "Provincia de ",
        "Provincia di ",
        "Región de ",
        "Departamento de ",
        "Muhafazat ",
    ];
    for s in SUFFIXES {
        if let Some(stem) = name.strip_suffix(s) {
            names.push(stem.to_string());
        }
    }
    for p in PREFIXES {
        if let Some(stem) = name.strip_prefix(p) {
            names.push(stem.to_string());
        }
    }
    names
}

fn fst_err(e: impl std::fmt::Display) -> BuildError {
    BuildError::Fst(e.to_string())
}

fn encode(
    b: &Builder,
    english: &std::collections::HashSet<&str>,
    words: &[&str],
    neighbours: &[(u32, u32)],
) -> Result<Vec<u8>, BuildError> {
    let mut places = Vec::with_capacity(b.rows.len() * ROW_BYTES);
    let mut strings = Vec::new();
    for r in &b.rows {
        let name = truncate_utf8(&r.name, 255);
        places.extend_from_slice(&r.geonameid.to_le_bytes());
        places.extend_from_slice(&r.lat.to_le_bytes());
        places.extend_from_slice(&r.lon.to_le_bytes());
        places.extend_from_slice(&r.population.to_le_bytes());
        places.extend_from_slice(&(strings.len() as u32).to_le_bytes());
        places.extend_from_slice(&r.parent.to_le_bytes());
        places.extend_from_slice(&r.country.to_le_bytes());
        places.push(name.len() as u8);
        places.push(r.kind as u8 | if r.capital { CAPITAL } else { 0 });
        places.extend_from_slice(&r.cc);
        strings.extend_from_slice(name.as_bytes());
    }
    let mut postings: Vec<u8> = Vec::new();
    let mut names = MapBuilder::memory();
    for (key, entries) in &b.names {
        let offset = postings.len() as u64;
        let common = if english.contains(key.as_str()) {
            COMMON_WORD
        } else {
            0
        };
        postings.extend_from_slice(&(entries.len() as u32 | common).to_le_bytes());
        for &(place, name_type) in entries {
            postings.extend_from_slice(&((place << 2) | name_type as u32).to_le_bytes());
        }
        names.insert(key, offset).map_err(fst_err)?;
    }
    let names = names.into_inner().map_err(fst_err)?;
    let mut word_set = MapBuilder::memory();
    for w in words {
        word_set.insert(w, 0).map_err(fst_err)?;
    }
    let word_set = word_set.into_inner().map_err(fst_err)?;

    let pairs: Vec<u8> = neighbours
        .iter()
        .flat_map(|&(a, b)| a.to_le_bytes().into_iter().chain(b.to_le_bytes()))
        .collect();
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    let sections = [&places, &strings, &postings, &names, &word_set, &pairs];
    for section in sections {
        out.extend_from_slice(&(section.len() as u32).to_le_bytes());
    }
    for section in sections {
        out.extend_from_slice(section);
    }
    Ok(out)
}

fn truncate_utf8(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn central_point_is_the_middle_of_the_box_across_the_antimeridian() {
        let mut pts: Vec<(f32, f32)> = (0..40).map(|i| (10.0 + i as f32 * 0.1, 20.0)).collect();
        pts.push((20.0, 30.0));
        assert_eq!(central_point(&pts), Some((15.0, 25.0)));
        assert_eq!(central_point(&[]), None);
        let fiji = vec![(-17.0, 179.0), (-17.0, -179.0)];
        let (_, lon) = central_point(&fiji).unwrap();
        assert!(lon.abs() > 179.0, "{lon}");
    }

    #[test]
    fn alternates_keep_names_not_codes() {
        assert!(usable_alternate("Halab"));
        assert!(usable_alternate("Madīnat Ḩalab"));
        assert!(!usable_alternate("ALP"));
        assert!(!usable_alternate("hlb"));
        assert!(!usable_alternate("Халеб"));
    }

    #[test]
    fn alternates_must_spell_the_name() {
        assert!(spelling_of("Genova", "Genoa"));
        assert!(spelling_of("Oporto", "Porto"));
        assert!(spelling_of("Beni Suef", "Banī Suwayf"));
        assert!(spelling_of("Fallujah", "Al Fallūjah"));
        assert!(spelling_of("Duesseldorf", "Düsseldorf"));
        assert!(!spelling_of("Google", "Topeka"));
        assert!(!spelling_of("Twickenham", "Huntsville"));
        assert!(!spelling_of("Allegheny", "Pittsburgh"));
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }

    #[test]
    fn region_and_demonym_forms() {
        assert_eq!(
            region_names("Idlib Governorate"),
            ["Idlib Governorate", "Idlib"]
        );
        assert_eq!(demonym_forms("Syrian"), ["Syrian", "Syrians"]);
        assert_eq!(demonym_forms("French"), ["French"]);
    }
}
