//! Where an index's bytes go, field by field: term dictionary, postings,
//! positions, columns, norms and stored values. Works on any tantivy index
//! (a newsdex one or the bare baseline the ingest bench keeps).
//!
//! ```sh
//! cargo run --release --example index_space -- /tmp/ix500k
//! ```
//!
//! The document store is compressed as a whole, so its split by field is an
//! estimate: each field's values in a sample of documents are compressed on
//! their own (deflate, fastest level, 16 KB blocks like the store's), and
//! the store's size on disk is shared out in those proportions. JSON keys
//! repeated in every record compress away; prose does not.

use std::collections::BTreeMap;

use tantivy::schema::{OwnedValue, Value};
use tantivy::space_usage::PerFieldSpaceUsage;
use tantivy::{DocAddress, Index, TantivyDocument};

/// Documents of each segment whose stored values are measured.
const STORE_SAMPLE_PER_SEGMENT: u32 = 2_000;

fn main() -> tantivy::Result<()> {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: index_space INDEX_DIR");
        std::process::exit(2);
    };
    let index = Index::open_in_dir(&path)?;
    newsdex::index::tokenizers::register(&index);
    let searcher = index.reader()?.searcher();
    let usage = searcher.space_usage()?;

    // field → component → bytes
    let mut table: BTreeMap<String, BTreeMap<&str, u64>> = BTreeMap::new();
    let mut add = |component: &'static str, per_field: &PerFieldSpaceUsage| {
        for field in per_field.fields() {
            *table
                .entry(field.field_name().to_string())
                .or_default()
                .entry(component)
                .or_default() += field.total().get_bytes();
        }
    };
    let mut store_bytes = 0u64;
    let mut deletes = 0u64;
    for segment in usage.segments() {
        add("terms", segment.termdict());
        add("postings", segment.postings());
        add("positions", segment.positions());
        add("columns", segment.fast_fields());
        add("norms", segment.fieldnorms());
        store_bytes += segment.store().total().get_bytes();
        deletes += segment.deletes().get_bytes();
    }

    // Stored values: uncompressed bytes per field in a sample.
    let schema = index.schema();
    let mut values: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    for (ord, segment) in searcher.segment_readers().iter().enumerate() {
        let step = (segment.max_doc() / STORE_SAMPLE_PER_SEGMENT).max(1);
        for doc in (0..segment.max_doc()).step_by(step as usize) {
            let stored: TantivyDocument = searcher.doc(DocAddress::new(ord as u32, doc))?;
            for (field, value) in stored.field_values() {
                let owned: OwnedValue = value.as_value().into();
                let bytes = values
                    .entry(schema.get_field_name(field).to_string())
                    .or_default();
                match &owned {
                    OwnedValue::Str(s) => bytes.extend_from_slice(s.as_bytes()),
                    other => bytes.extend_from_slice(format!("{other:?}").as_bytes()),
                }
            }
        }
    }
    let compressed: BTreeMap<String, u64> = values
        .iter()
        .map(|(field, bytes)| (field.clone(), deflated_size(bytes)))
        .collect();
    let compressed_total: u64 = compressed.values().sum();
    for (field, bytes) in &compressed {
        let share = *bytes as f64 / compressed_total.max(1) as f64;
        table
            .entry(field.clone())
            .or_default()
            .insert("stored≈", (share * store_bytes as f64) as u64);
    }

    let components = [
        "terms",
        "postings",
        "positions",
        "columns",
        "norms",
        "stored≈",
    ];
    let mb = |b: u64| b as f64 / 1e6;
    // Written at once: a reader that stops early (`| head`) is no error.
    use std::fmt::Write as _;
    let mut out = String::new();
    write!(out, "{:<18}", "field").ok();
    for c in components {
        write!(out, "{c:>11}").ok();
    }
    writeln!(out, "{:>11}", "total").ok();
    let mut rows: Vec<(String, u64)> = table
        .iter()
        .map(|(f, parts)| (f.clone(), parts.values().sum()))
        .collect();
    rows.sort_by_key(|row| std::cmp::Reverse(row.1));
    for (field, total) in rows {
        write!(out, "{field:<18}").ok();
        for c in components {
            write!(out, "{:>11.1}", mb(*table[&field].get(c).unwrap_or(&0))).ok();
        }
        writeln!(out, "{:>11.1}", mb(total)).ok();
    }
    writeln!(
        out,
        "\nsegments {}, documents {}, store {:.1} MB, deletes {:.1} MB, total {:.1} MB",
        usage.segments().len(),
        searcher.num_docs(),
        mb(store_bytes),
        mb(deletes),
        mb(usage.total().get_bytes())
    )
    .ok();
    use std::io::Write as _;
    let _ = std::io::stdout().write_all(out.as_bytes());
    Ok(())
}

/// Bytes `data` takes compressed in 16 KB blocks.
fn deflated_size(data: &[u8]) -> u64 {
    use std::io::Write;
    data.chunks(16 * 1024)
        .map(|block| {
            let mut encoder =
                flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::fast());
            encoder.write_all(block).expect("writing to memory");
            encoder.finish().expect("writing to memory").len() as u64
        })
        .sum()
}
