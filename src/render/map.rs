//! A coverage map as SVG: the countries of the world shaded by matching
//! articles, the most named cities as dots, a title and a legend.
//!
//! Shapes: Natural Earth's 1:110m countries (public domain), derived by
//! `scripts/derive-countries.py` into `data/countries-110m.tsv` and
//! embedded. Projection: Natural Earth (Šavrič et al. 2011), a compromise
//! that neither balloons the poles as Mercator does nor squeezes them as an
//! equal-area projection does, drawn without Antarctica. Shading: five
//! classes on a logarithmic scale (article counts per country span orders
//! of magnitude), light to dark blue, countries named by no article grey.

use std::fmt::Write as _;
use std::sync::LazyLock;

use crate::render::{escape_xml, svg_document, thousands};
use crate::search::map::CoverageMap;

const WIDTH: f64 = 960.0;
const HEIGHT: f64 = 540.0;
const MAP_TOP: f64 = 56.0;
const MAP_HEIGHT: f64 = 420.0;
/// Light to dark (ColorBrewer Blues, 5 classes).
const SHADES: [&str; 5] = ["#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"];
const NONE: &str = "#e5e5e5";

/// One country: ISO code, GeoNames name, polygons of rings of (lon, lat).
struct Country {
    name: &'static str,
    polygons: Vec<Vec<Vec<(f64, f64)>>>,
}

static COUNTRIES: LazyLock<Vec<Country>> = LazyLock::new(|| {
    include_str!("../../data/countries-110m.tsv")
        .lines()
        .filter_map(|line| {
            let mut fields = line.splitn(3, '\t');
            let (_code, name, shapes) = (fields.next()?, fields.next()?, fields.next()?);
            let polygons = shapes
                .split('|')
                .map(|polygon| {
                    polygon
                        .split(';')
                        .map(|ring| {
                            ring.split(' ')
                                .filter_map(|point| {
                                    let (lon, lat) = point.split_once(',')?;
                                    Some((lon.parse().ok()?, lat.parse().ok()?))
                                })
                                .collect()
                        })
                        .collect()
                })
                .collect();
            Some(Country { name, polygons })
        })
        .collect()
});

/// Natural Earth projection of (lon, lat) in degrees to unit-free x, y
/// (x in about ±2.73, y in about ±1.42).
fn natural_earth(lon: f64, lat: f64) -> (f64, f64) {
    let (l, p) = (lon.to_radians(), lat.to_radians());
    let p2 = p * p;
    let p4 = p2 * p2;
    let x = l
        * (0.870700 - 0.131979 * p2 - 0.013791 * p4 + 0.003971 * p4 * p4 * p2
            - 0.001529 * p4 * p4 * p4);
    let y = p
        * (1.007226 + 0.015085 * p2 - 0.044475 * p4 * p2 + 0.028874 * p4 * p4
            - 0.005916 * p4 * p4 * p2);
    (x, y)
}

/// Page coordinates of (lon, lat): the world from 60° south to 84° north,
/// fitted into the map area.
fn to_page(lon: f64, lat: f64) -> (f64, f64) {
    let (x_max, _) = natural_earth(180.0, 0.0);
    let (_, y_top) = natural_earth(0.0, 84.0);
    let (_, y_bottom) = natural_earth(0.0, -60.0);
    let scale = (WIDTH / (2.0 * x_max)).min(MAP_HEIGHT / (y_top - y_bottom));
    let (x, y) = natural_earth(lon, lat);
    let left = (WIDTH - 2.0 * x_max * scale) / 2.0;
    (left + (x + x_max) * scale, MAP_TOP + (y_top - y) * scale)
}

/// The class of a count on a log scale up to `max`: 0 (fewest) to 4.
fn class(count: u64, max: u64) -> usize {
    if max <= 1 {
        return SHADES.len() - 1;
    }
    let position = (count as f64).ln() / (max as f64).ln();
    ((position * SHADES.len() as f64) as usize).min(SHADES.len() - 1)
}

/// The map of `map` as an SVG document.
pub fn map_svg(map: &CoverageMap) -> String {
    let count_of = |name: &str| {
        map.countries
            .iter()
            .find(|c| c.value == name)
            .map_or(0, |c| c.count)
    };
    let max = map.countries.first().map_or(0, |c| c.count);
    let mut svg = svg_document(WIDTH, HEIGHT);
    let _ = writeln!(
        svg,
        r#"<text x="20" y="30" font-size="18" font-weight="bold">{} articles matching {}, by country</text>"#,
        thousands(map.articles),
        escape_xml(&map.query)
    );
    // The world's outline: what crosses the antimeridian is cut there.
    let mut outline = String::new();
    for lat in (-60..=84).step_by(4) {
        let (x, y) = to_page(-180.0, lat as f64);
        let _ = write!(
            outline,
            "{}{x:.1},{y:.1}",
            if outline.is_empty() { "M" } else { "L" }
        );
    }
    for lat in (-60..=84).rev().step_by(4) {
        let (x, y) = to_page(180.0, lat as f64);
        let _ = write!(outline, "L{x:.1},{y:.1}");
    }
    outline.push('Z');
    let _ = writeln!(
        svg,
        r#"<clipPath id="world"><path d="{outline}"/></clipPath>"#
    );
    let _ = writeln!(
        svg,
        r##"<g stroke="#ffffff" stroke-width="0.5" stroke-linejoin="round" clip-path="url(#world)">"##
    );
    for country in COUNTRIES.iter() {
        let count = count_of(country.name);
        let fill = if count == 0 {
            NONE
        } else {
            SHADES[class(count, max)]
        };
        let mut path = String::new();
        for polygon in &country.polygons {
            for ring in polygon {
                if ring.iter().all(|&(_, lat)| lat < -60.0) {
                    continue; // Antarctica
                }
                // A ring that crosses the antimeridian (Russia, Fiji) goes
                // on past ±180° instead of across the map; the outline
                // cuts it.
                let mut previous: Option<f64> = None;
                for (i, &(lon, lat)) in ring.iter().enumerate() {
                    let mut lon = lon;
                    if let Some(before) = previous {
                        while lon - before > 180.0 {
                            lon -= 360.0;
                        }
                        while lon - before < -180.0 {
                            lon += 360.0;
                        }
                    }
                    previous = Some(lon);
                    let (x, y) = to_page(lon, lat.max(-60.0));
                    let _ = write!(path, "{}{x:.1},{y:.1}", if i == 0 { "M" } else { "L" });
                }
                path.push('Z');
            }
        }
        if path.is_empty() {
            continue;
        }
        let _ = writeln!(
            svg,
            r#"<path d="{path}" fill="{fill}" fill-rule="evenodd"><title>{}: {} articles</title></path>"#,
            escape_xml(country.name),
            thousands(count)
        );
    }
    let _ = writeln!(svg, "</g>");
    // Cities: dots sized by articles, the largest drawn first.
    let most = map
        .cities
        .iter()
        .map(|c| c.articles)
        .max()
        .unwrap_or(1)
        .max(1);
    for city in &map.cities {
        let (x, y) = to_page(city.lon, city.lat);
        let radius = 2.5 + 7.5 * (city.articles as f64 / most as f64).sqrt();
        let name = city.label.split(',').next().unwrap_or(&city.label);
        let _ = writeln!(
            svg,
            r##"<circle cx="{x:.1}" cy="{y:.1}" r="{radius:.1}" fill="#e6550d" fill-opacity="0.8" stroke="#ffffff" stroke-width="0.8"><title>{}: {} articles</title></circle>"##,
            escape_xml(&city.label),
            thousands(city.articles)
        );
        let _ = writeln!(
            svg,
            r##"<text x="{:.1}" y="{:.1}" font-size="10" fill="#333333" stroke="#ffffff" stroke-width="2.5" paint-order="stroke">{}</text>"##,
            x + radius + 2.0,
            y + 3.5,
            escape_xml(name)
        );
    }
    // Legend: the classes' lower bounds.
    let legend_y = HEIGHT - 40.0;
    let _ = writeln!(
        svg,
        r#"<text x="20" y="{:.0}">articles per country</text>"#,
        legend_y - 8.0
    );
    for (i, shade) in SHADES.iter().enumerate() {
        let from = if max <= 1 {
            1
        } else {
            ((max as f64).ln() * i as f64 / SHADES.len() as f64)
                .exp()
                .ceil() as u64
        };
        let x = 20.0 + i as f64 * 70.0;
        let _ = writeln!(
            svg,
            r#"<rect x="{x:.0}" y="{legend_y:.0}" width="66" height="12" fill="{shade}"/><text x="{x:.0}" y="{:.0}">{}+</text>"#,
            legend_y + 26.0,
            thousands(from.max(1))
        );
    }
    let x = 20.0 + SHADES.len() as f64 * 70.0 + 10.0;
    let _ = writeln!(
        svg,
        r#"<rect x="{x:.0}" y="{legend_y:.0}" width="66" height="12" fill="{NONE}"/><text x="{x:.0}" y="{:.0}">none</text>"#,
        legend_y + 26.0
    );
    let _ = writeln!(
        svg,
        r##"<circle cx="{:.0}" cy="{:.0}" r="5" fill="#e6550d"/><text x="{:.0}" y="{:.0}">the {} most named cities</text>"##,
        x + 96.0,
        legend_y + 6.0,
        x + 106.0,
        legend_y + 10.0,
        map.cities.len()
    );
    let _ = writeln!(
        svg,
        r##"<text x="{:.0}" y="{:.0}" font-size="10" fill="#777777" text-anchor="end">Made with Natural Earth. newsdex</text>"##,
        WIDTH - 20.0,
        HEIGHT - 12.0
    );
    svg.push_str("</svg>\n");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::facets::FacetCount;
    use crate::search::map::City;

    #[test]
    fn the_projection_keeps_the_world_in_its_frame() {
        let (left, _) = to_page(-180.0, 0.0);
        let (right, _) = to_page(180.0, 0.0);
        let (_, top) = to_page(0.0, 84.0);
        let (_, bottom) = to_page(0.0, -60.0);
        assert!(left >= 0.0 && right <= WIDTH && left < right);
        assert!(top >= MAP_TOP - 0.01 && bottom <= MAP_TOP + MAP_HEIGHT + 0.01);
        // North is up, east is right.
        let (paris_x, paris_y) = to_page(2.35, 48.85);
        let (lagos_x, lagos_y) = to_page(3.38, 6.52);
        let (tokyo_x, _) = to_page(139.7, 35.7);
        assert!(paris_y < lagos_y && (paris_x - lagos_x).abs() < 5.0);
        assert!(tokyo_x > paris_x);
    }

    #[test]
    fn countries_are_shaded_by_articles_and_cities_drawn() {
        let map = CoverageMap {
            query: "oil & gas".into(),
            articles: 120,
            without_place: 3,
            countries: vec![
                FacetCount {
                    value: "United States".into(),
                    count: 100,
                },
                FacetCount {
                    value: "Kenya".into(),
                    count: 2,
                },
            ],
            cities: vec![City {
                label: "Houston, Texas, United States".into(),
                articles: 40,
                lat: 29.76,
                lon: -95.36,
            }],
        };
        let svg = map_svg(&map);
        assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
        assert!(svg.contains("oil &amp; gas"));
        assert!(svg.contains("<title>United States: 100 articles</title>"));
        let shade_of = |name: &str| {
            let at = svg.find(&format!("<title>{name}:")).unwrap();
            let path = &svg[svg[..at].rfind("<path").unwrap()..at];
            path.split("fill=\"").nth(1).unwrap()[..7].to_string()
        };
        assert_eq!(shade_of("United States"), SHADES[4]);
        assert_eq!(shade_of("Kenya"), SHADES[0]);
        assert_eq!(shade_of("France"), NONE);
        assert!(svg.contains(">Houston</text>"));
        // Every country of the data is drawn, Antarctica aside.
        assert!(svg.matches("<path").count() > 170);
    }
}
