//! Global ordinals of the facet columns: one number per distinct value
//! across all segments, written after each ingest run.
//!
//! A facet counts each segment's values by their ordinal in that segment's
//! column. Segments number their values independently, so the counts must
//! be merged by value: without this file every counted ordinal is turned
//! into its text, and the texts of all segments are merged. With 500,000
//! articles that is hundreds of thousands of names decoded and compared for
//! a top 10. The file maps each segment's ordinals to global ones, numbered
//! in byte order (the order of the columns' dictionaries), so counts are
//! summed in an array, ties are broken by number as they would be by text,
//! and only the values shown are read.
//!
//! One file per facet field, `newsdex-ordinals-<field>.bin` in the index
//! folder, written beside tantivy's files (tantivy neither manages nor
//! removes it). It names the segments it was built for; a searcher whose
//! segments differ (a run stopped before the file was written, another
//! program's merge) does not use it, and facets are merged by text as
//! before.
//!
//! Layout, little-endian: the magic `NDXORD01`; the number of segments;
//! for each, its id (32 ASCII hex digits), its number of ordinals and the
//! global ordinal of each; the number of global values, the end of each in
//! the text that follows, and the text.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use tantivy::Searcher;
use tantivy::directory::{Directory, MmapDirectory, OwnedBytes};

use crate::error::{Error, Result};
use crate::index::schema::{FieldType, NewsSchema};

const MAGIC: &[u8; 8] = b"NDXORD01";
const SEGMENT_ID_LEN: usize = 32;

/// The name of a field's file of global ordinals in the index folder.
fn file_name(field: &str) -> String {
    format!("newsdex-ordinals-{field}.bin")
}

/// The file of a field's global ordinals in the index folder `dir`.
pub fn file_of(dir: &Path, field: &str) -> PathBuf {
    dir.join(file_name(field))
}

/// Writes the global ordinals of every string facet of the index `dir` as
/// `searcher` sees it (call it after the last commit and merge of a run).
pub fn write_all(dir: &Path, searcher: &Searcher, schema: &NewsSchema) -> Result<()> {
    for field in schema
        .facet_fields()
        .filter(|f| f.spec.kind == FieldType::String)
    {
        crate::faults::reached("ordinals");
        let bytes = build(searcher, &field.spec.name)?;
        let path = file_of(dir, &field.spec.name);
        // Written aside and renamed: a reader sees the old file or the new.
        let staging = staging_of(&path);
        let io = |source| Error::Io {
            path: path.clone(),
            source,
        };
        crate::faults::check_write().map_err(io)?;
        std::fs::write(&staging, &bytes).map_err(io)?;
        std::fs::rename(&staging, &path).map_err(io)?;
    }
    Ok(())
}

fn staging_of(path: &Path) -> PathBuf {
    path.with_extension("bin.tmp")
}

/// Removes ordinals files a stopped or failed run was writing.
pub fn remove_staging(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with("newsdex-ordinals-") && name.ends_with(".bin.tmp") {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// The file's bytes for one field: a k-way merge of the segments' sorted
/// dictionaries.
fn build(searcher: &Searcher, field: &str) -> Result<Vec<u8>> {
    let segments = searcher.segment_readers();
    let columns = segments
        .iter()
        .map(|segment| segment.fast_fields().str(field))
        .collect::<tantivy::Result<Vec<_>>>()?;
    let mut streams = Vec::with_capacity(segments.len());
    for column in &columns {
        streams.push(match column {
            Some(column) => Some(
                column
                    .dictionary()
                    .stream()
                    .map_err(tantivy::TantivyError::from)?,
            ),
            None => None,
        });
    }
    // Each segment's ordinals, in order, mapped to global ones.
    let mut maps: Vec<Vec<u32>> = vec![Vec::new(); segments.len()];
    let mut heads: Vec<Option<Vec<u8>>> = streams
        .iter_mut()
        .map(|stream| {
            let stream = stream.as_mut()?;
            stream.advance().then(|| stream.key().to_vec())
        })
        .collect();
    let mut ends: Vec<u32> = Vec::new();
    let mut text: Vec<u8> = Vec::new();
    // Few segments (tens at most): the smallest head is found by a scan.
    while let Some(smallest) = heads.iter().flatten().min().cloned() {
        let global = ends.len() as u32;
        text.extend_from_slice(&smallest);
        ends.push(text.len() as u32);
        for (i, head) in heads.iter_mut().enumerate() {
            if head.as_deref() != Some(smallest.as_slice()) {
                continue;
            }
            maps[i].push(global);
            let stream = streams[i].as_mut().expect("a head comes from a stream");
            *head = stream.advance().then(|| stream.key().to_vec());
        }
    }
    let mut out = Vec::with_capacity(16 + text.len() + 4 * ends.len() * 2);
    out.extend_from_slice(MAGIC);
    put(&mut out, segments.len() as u32);
    for (segment, map) in segments.iter().zip(&maps) {
        out.extend_from_slice(segment.segment_id().uuid_string().as_bytes());
        put(&mut out, map.len() as u32);
        for &global in map {
            put(&mut out, global);
        }
    }
    put(&mut out, ends.len() as u32);
    for &end in &ends {
        put(&mut out, end);
    }
    out.extend_from_slice(&text);
    Ok(out)
}

fn put(out: &mut Vec<u8>, value: u32) {
    out.extend_from_slice(&value.to_le_bytes());
}

/// A field's global ordinals, read from its file (memory-mapped).
pub struct FieldOrdinals {
    bytes: OwnedBytes,
    /// Segment id → where its map starts in `bytes`, and its length.
    segments: HashMap<String, (usize, usize)>,
    /// Number of global values.
    values: usize,
    /// Where the ends of the values start in `bytes`.
    ends_at: usize,
    /// Where their text starts.
    text_at: usize,
}

impl FieldOrdinals {
    /// The ordinals of `field` in the index `dir`, if its file was built for
    /// the segments `searcher` sees.
    pub fn load(dir: &Path, field: &str, searcher: &Searcher) -> Option<FieldOrdinals> {
        let directory = MmapDirectory::open(dir).ok()?;
        let bytes = directory
            .open_read(Path::new(&file_name(field)))
            .ok()?
            .read_bytes()
            .ok()?;
        let ordinals = FieldOrdinals::parse(bytes)?;
        let covers = ordinals.segments.len() == searcher.segment_readers().len()
            && searcher.segment_readers().iter().all(|s| {
                ordinals
                    .segments
                    .contains_key(&s.segment_id().uuid_string())
            });
        covers.then_some(ordinals)
    }

    fn parse(bytes: OwnedBytes) -> Option<FieldOrdinals> {
        let data = bytes.as_slice();
        if data.get(..MAGIC.len())? != MAGIC {
            return None;
        }
        let mut at = MAGIC.len();
        let count = read_u32(data, at)? as usize;
        at += 4;
        let mut segments = HashMap::with_capacity(count);
        for _ in 0..count {
            let id = std::str::from_utf8(data.get(at..at + SEGMENT_ID_LEN)?).ok()?;
            at += SEGMENT_ID_LEN;
            let ords = read_u32(data, at)? as usize;
            at += 4;
            segments.insert(id.to_string(), (at, ords));
            at += 4 * ords;
        }
        let values = read_u32(data, at)? as usize;
        let ends_at = at + 4;
        let text_at = ends_at + 4 * values;
        let text_len = match values {
            0 => 0,
            n => read_u32(data, ends_at + 4 * (n - 1))? as usize,
        };
        if data.len() != text_at + text_len {
            return None;
        }
        Some(FieldOrdinals {
            bytes,
            segments,
            values,
            ends_at,
            text_at,
        })
    }

    /// Number of distinct values over all segments.
    pub fn values(&self) -> usize {
        self.values
    }

    /// The global ordinals of a segment's values (by its id), in the
    /// order of its ordinals.
    pub fn segment(&self, segment_id: &str) -> Option<SegmentOrdinals<'_>> {
        let &(start, len) = self.segments.get(segment_id)?;
        Some(SegmentOrdinals {
            data: &self.bytes.as_slice()[start..start + 4 * len],
        })
    }

    /// The text of global value `global`.
    pub fn text(&self, global: u32) -> &[u8] {
        let data = self.bytes.as_slice();
        let i = global as usize;
        let end_of = |i: usize| read_u32(data, self.ends_at + 4 * i).unwrap_or(0) as usize;
        let start = if i == 0 { 0 } else { end_of(i - 1) };
        &data[self.text_at + start..self.text_at + end_of(i)]
    }
}

/// One segment's map from its ordinals to global ones.
#[derive(Clone, Copy)]
pub struct SegmentOrdinals<'a> {
    data: &'a [u8],
}

impl SegmentOrdinals<'_> {
    /// The global ordinal of the segment's ordinal `ord`.
    pub fn global(&self, ord: u64) -> Option<u32> {
        read_u32(self.data, 4 * usize::try_from(ord).ok()?)
    }

    pub fn len(&self) -> usize {
        self.data.len() / 4
    }

    pub fn is_empty(&self) -> bool {
        self.data.is_empty()
    }
}

fn read_u32(data: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(data.get(at..at + 4)?.try_into().ok()?))
}
