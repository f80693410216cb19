//! Regenerates `data/gazetteer.bin` from GeoNames files.
//!
//! ```text
//! cargo run --release --bin build-gazetteer -- ../shared/gazetteer
//! ```
//! Options: `--min-population N` (default 1000), `--out FILE` (default
//! `data/gazetteer.bin`), `--sources DIR` (default `data/sources`).

use std::path::PathBuf;
use std::process::ExitCode;

use newsdex::gazetteer::build::{Sources, build};

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut geonames = None;
    let mut out = PathBuf::from("data/gazetteer.bin");
    let mut own = PathBuf::from("data/sources");
    let mut min_population = 1000;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--out" => out = args.next().map(PathBuf::from).unwrap_or(out),
            "--sources" => own = args.next().map(PathBuf::from).unwrap_or(own),
            "--min-population" => match args.next().and_then(|n| n.parse().ok()) {
                Some(n) => min_population = n,
                None => return usage("--min-population needs a number"),
            },
            "-h" | "--help" => return usage(""),
            _ if geonames.is_none() => geonames = Some(PathBuf::from(arg)),
            _ => return usage(&format!("unexpected argument {arg:?}")),
        }
    }
    let Some(geonames) = geonames else {
        return usage("give the folder of GeoNames files");
    };
    let sources = Sources {
        geonames,
        own,
        min_population,
    };
    match build(&sources) {
        Ok((bytes, report)) => {
            if let Err(e) = std::fs::write(&out, &bytes) {
                eprintln!("error: {}: {e}", out.display());
                return ExitCode::FAILURE;
            }
            eprintln!(
                "wrote {}: {} places ({} countries, {} regions, {} counties, {} populated places ≥ {min_population}), {} names, {:.1} MB",
                out.display(),
                report.places,
                report.countries,
                report.regions,
                report.counties,
                report.cities,
                report.names,
                report.bytes as f64 / 1e6
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn usage(problem: &str) -> ExitCode {
    if !problem.is_empty() {
        eprintln!("error: {problem}");
    }
    eprintln!(
        "usage: build-gazetteer GEONAMES_DIR [--min-population N] [--out FILE] [--sources DIR]"
    );
    if problem.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    }
}
