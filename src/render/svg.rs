//! A timeline as an SVG chart a researcher can put in a report: a title,
//! a y axis of article counts with round ticks, an x axis of periods
//! (thinned to stay readable), bars for the matches, and, when the
//! timeline is split, a line per series with a legend. Self-contained: no
//! fonts or scripts to fetch.

use std::fmt::Write as _;

use crate::search::timeline::Timeline;

const WIDTH: f64 = 960.0;
const HEIGHT: f64 = 440.0;
const LEFT: f64 = 70.0;
const RIGHT: f64 = 200.0;
const TOP: f64 = 50.0;
const BOTTOM: f64 = 70.0;
/// Series colours (Okabe–Ito, readable by colour-blind readers).
const COLOURS: [&str; 8] = [
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000",
];

use crate::render::escape_xml as escape;

/// A round step for about `ticks` ticks up to `max`: 1, 2 or 5 × 10^k.
fn tick_step(max: u64, ticks: u64) -> u64 {
    let raw = (max.max(1) as f64 / ticks as f64).max(1.0);
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(raw);
    step.max(1.0) as u64
}

pub fn timeline_svg(timeline: &Timeline) -> String {
    let mut svg = String::new();
    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let n = timeline.periods.len().max(1);
    let max = timeline
        .periods
        .iter()
        .map(|p| p.count)
        .max()
        .unwrap_or(0)
        .max(1);
    let step = tick_step(max, 5);
    let top_value = max.div_ceil(step) * step;
    let y = |v: u64| TOP + plot_h - (v as f64 / top_value as f64) * plot_h;
    let slot = plot_w / n as f64;
    let x_mid = |i: usize| LEFT + slot * (i as f64 + 0.5);

    svg.push_str(&crate::render::svg_document(WIDTH, HEIGHT));
    let by = format!("{:?}", timeline.by).to_lowercase();
    let _ = writeln!(
        svg,
        r#"<text x="{LEFT}" y="28" font-size="16" font-weight="bold">{} — articles per {by}</text>"#,
        escape(&timeline.query)
    );
    // Y axis with round ticks and light grid lines.
    let mut v = 0;
    while v <= top_value {
        let yy = y(v);
        let _ = writeln!(
            svg,
            r##"<line x1="{LEFT}" x2="{:.1}" y1="{yy:.1}" y2="{yy:.1}" stroke="#dddddd"/><text x="{:.1}" y="{:.1}" text-anchor="end">{v}</text>"##,
            LEFT + plot_w,
            LEFT - 8.0,
            yy + 4.0
        );
        v += step;
    }
    let _ = writeln!(
        svg,
        r#"<text x="18" y="{:.1}" transform="rotate(-90 18 {:.1})" text-anchor="middle">articles</text>"#,
        TOP + plot_h / 2.0,
        TOP + plot_h / 2.0
    );
    // X axis: at most ~16 labels.
    let every = n.div_ceil(16).max(1);
    for (i, p) in timeline.periods.iter().enumerate() {
        if i % every == 0 {
            let xx = x_mid(i);
            let _ = writeln!(
                svg,
                r#"<text x="{xx:.1}" y="{:.1}" text-anchor="end" transform="rotate(-40 {xx:.1} {:.1})">{}</text>"#,
                TOP + plot_h + 16.0,
                TOP + plot_h + 16.0,
                escape(&p.period)
            );
        }
    }
    let _ = writeln!(
        svg,
        r##"<line x1="{LEFT}" x2="{:.1}" y1="{:.1}" y2="{:.1}" stroke="#333333"/>"##,
        LEFT + plot_w,
        TOP + plot_h,
        TOP + plot_h
    );
    // Bars: all matches.
    let bar_w = (slot * 0.8).max(1.0);
    let bar_colour = if timeline.series.is_empty() {
        COLOURS[0]
    } else {
        "#cccccc"
    };
    for (i, p) in timeline.periods.iter().enumerate() {
        if p.count == 0 {
            continue;
        }
        let _ = writeln!(
            svg,
            r#"<rect x="{:.1}" y="{:.1}" width="{bar_w:.1}" height="{:.1}" fill="{bar_colour}"><title>{}: {} articles ({:.1}% of the period)</title></rect>"#,
            x_mid(i) - bar_w / 2.0,
            y(p.count),
            TOP + plot_h - y(p.count),
            escape(&p.period),
            p.count,
            p.share * 100.0
        );
    }
    // Lines: one per series, with a legend.
    let mut legend_y = TOP + 10.0;
    let legend_x = LEFT + plot_w + 20.0;
    if !timeline.series.is_empty() {
        let _ = writeln!(
            svg,
            r##"<rect x="{legend_x:.1}" y="{:.1}" width="12" height="12" fill="#cccccc"/><text x="{:.1}" y="{:.1}">all matches</text>"##,
            legend_y - 10.0,
            legend_x + 18.0,
            legend_y
        );
        legend_y += 20.0;
    }
    for (k, series) in timeline.series.iter().enumerate() {
        let colour = COLOURS[k % COLOURS.len()];
        let points: Vec<String> = series
            .counts
            .iter()
            .enumerate()
            .map(|(i, c)| format!("{:.1},{:.1}", x_mid(i), y(*c)))
            .collect();
        let _ = writeln!(
            svg,
            r#"<polyline points="{}" fill="none" stroke="{colour}" stroke-width="2"/>"#,
            points.join(" ")
        );
        let label: String = series.value.chars().take(26).collect();
        let _ = writeln!(
            svg,
            r#"<line x1="{legend_x:.1}" x2="{:.1}" y1="{:.1}" y2="{:.1}" stroke="{colour}" stroke-width="3"/><text x="{:.1}" y="{:.1}">{}</text>"#,
            legend_x + 12.0,
            legend_y - 4.0,
            legend_y - 4.0,
            legend_x + 18.0,
            legend_y,
            escape(&label)
        );
        legend_y += 20.0;
    }
    let _ = writeln!(
        svg,
        r##"<text x="{LEFT}" y="{:.1}" fill="#666666">{} matching articles, {} without a date · newsdex</text>"##,
        HEIGHT - 8.0,
        timeline.matches,
        timeline.undated
    );
    svg.push_str("</svg>\n");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::facets::DateBucket;
    use crate::search::timeline::{Period, Series};

    #[test]
    fn ticks_are_round() {
        assert_eq!(tick_step(827, 5), 200);
        assert_eq!(tick_step(7, 5), 2);
        assert_eq!(tick_step(0, 5), 1);
    }

    #[test]
    fn a_split_timeline_draws_bars_lines_and_a_legend() {
        let period = |p: &str, count| Period {
            period: p.into(),
            count,
            total: 100,
            share: count as f64 / 100.0,
        };
        let t = Timeline {
            query: "oil & gas".into(),
            by: DateBucket::Month,
            matches: 30,
            undated: 2,
            periods: vec![
                period("1987-02", 10),
                period("1987-03", 0),
                period("1987-04", 18),
            ],
            split_by: Some("place".into()),
            compared: false,
            series: vec![Series {
                value: "Texas, United States".into(),
                counts: vec![4, 0, 9],
                shares: vec![0.04, 0.0, 0.09],
            }],
        };
        let svg = timeline_svg(&t);
        assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
        assert!(svg.contains("oil &amp; gas"));
        assert_eq!(
            svg.matches("<rect x=").count(),
            3,
            "two bars and a legend swatch"
        );
        assert!(svg.contains("<polyline") && svg.contains("Texas, United States"));
        assert!(svg.contains(">1987-04<"));
    }
}
