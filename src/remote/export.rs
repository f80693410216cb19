//! `newsdex export --target ENGINE --out DIR`: the index definition and the
//! documents, ready for the engine's own tools or `newsdex push`.
//!
//! ```text
//! DIR/index-config.yaml      Quickwit index config   (or index.json: OpenSearch settings + mapping)
//! DIR/docs/000001.ndjson …   request bodies, each below the engine's limit:
//!                            Quickwit ingest NDJSON, or OpenSearch _bulk with `create` actions
//! DIR/manifest.json          what was exported; written last, so a folder without it is unfinished
//! ```
//!
//! The export is written into `DIR.partial` and renamed into place at the
//! end, so an interrupted export never leaves a folder that looks complete.
//! Matches are streamed in index order: memory holds one chunk.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::index::document::first_text;
use crate::remote::Engine;
use crate::remote::document::DocumentBuilder;
use crate::remote::mapping;
use crate::remote::plan::ExportPlan;
use crate::search::{NewsSearcher, query};

/// Bodies are cut below this many bytes: Quickwit refuses ingest requests
/// over 10 MB and OpenSearch's guidance for `_bulk` is 5–15 MB.
pub const DEFAULT_CHUNK_BYTES: usize = 8 * 1024 * 1024;

/// The export's description, `DIR/manifest.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub engine: String,
    /// The index name the definition was written for (`push` uses its own).
    pub index_name: String,
    pub schema_version: u32,
    /// The query, filters applied.
    pub query: String,
    /// The local index's commit the export was read from.
    pub index_opstamp: u64,
    pub documents: u64,
    pub bytes: u64,
    /// The index definition's file name.
    pub definition: String,
    pub chunks: Vec<Chunk>,
    /// Articles left out because one alone exceeds the request limit.
    pub too_large: Vec<String>,
}

/// One request body of the export.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Chunk {
    /// Relative to the export folder.
    pub file: String,
    pub documents: u64,
    pub bytes: u64,
}

/// What `newsdex export --target` asks.
#[derive(Debug, Clone)]
pub struct TargetExport {
    pub engine: Engine,
    /// The query, filters already applied.
    pub query: String,
    pub out: PathBuf,
    /// The engine index the definition names.
    pub index_name: String,
    pub chunk_bytes: usize,
}

pub const MANIFEST: &str = "manifest.json";

impl Manifest {
    /// The manifest of a finished export in `dir`, if there is one.
    pub fn read(dir: &Path) -> Result<Option<Manifest>> {
        let path = dir.join(MANIFEST);
        match fs::read(&path) {
            Ok(bytes) => serde_json::from_slice(&bytes)
                .map(Some)
                .map_err(|e| Error::Remote(format!("{}: {e}", path.display()))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(source) => Err(Error::Io { path, source }),
        }
    }
}

/// The file name of the index definition for `engine`.
pub fn definition_file(engine: Engine) -> &'static str {
    match engine {
        Engine::Quickwit => "index-config.yaml",
        Engine::OpenSearch => "index.json",
    }
}

/// The index definition for `engine`, as written to its file.
pub fn definition(searcher: &NewsSearcher, engine: Engine, index_name: &str) -> Result<String> {
    let schema = &searcher.index.schema;
    let plan = ExportPlan::new(schema, engine)?;
    Ok(match engine {
        Engine::Quickwit => mapping::to_yaml(&mapping::quickwit_config(schema, &plan, index_name)),
        Engine::OpenSearch => {
            let body = mapping::opensearch_index(schema, &plan);
            serde_json::to_string_pretty(&body).unwrap_or_default() + "\n"
        }
    })
}

impl NewsSearcher {
    /// Writes the export; `progress` is called with the articles written
    /// so far and the number matching.
    pub fn export_to_engine(
        &self,
        request: &TargetExport,
        progress: &mut dyn FnMut(u64, u64),
    ) -> Result<Manifest> {
        let schema = &self.index.schema;
        let plan = ExportPlan::new(schema, request.engine)?;
        let parsed = query::parse(schema, &self.index.index, &request.query)?;
        let matching = self
            .searcher()
            .search(&*parsed.query, &tantivy::collector::Count)? as u64;
        let out = &request.out;
        check_target(out)?;
        let partial = partial_dir(out);
        if partial.exists() {
            fs::remove_dir_all(&partial).map_err(|source| io(&partial, source))?;
        }
        fs::create_dir_all(partial.join("docs")).map_err(|source| io(&partial, source))?;

        let definition_name = definition_file(request.engine);
        let definition = definition(self, request.engine, &request.index_name)?;
        let definition_path = partial.join(definition_name);
        fs::write(&definition_path, definition).map_err(|source| io(&definition_path, source))?;

        let mut writer = ChunkWriter {
            dir: partial.clone(),
            limit: request.chunk_bytes.max(1),
            buffer: Vec::new(),
            documents: 0,
            chunks: Vec::new(),
        };
        let mut too_large = Vec::new();
        let mut written = 0u64;
        // Building documents (Quickwit's stems above all) takes most of the
        // time: batches of stored articles are built on every core and
        // written in index order, so an export is the same from run to run.
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        let query = &*parsed.query;
        let plan = &plan;
        let engine = request.engine;
        std::thread::scope(|scope| -> Result<()> {
            let (batches, batches_in) = crossbeam_channel::bounded::<Batch>(threads * 2);
            let (lines_out, lines) = crossbeam_channel::bounded::<Lines>(threads * 2);
            for _ in 0..threads {
                let batches_in = batches_in.clone();
                let lines_out = lines_out.clone();
                scope.spawn(move || {
                    let mut builder = DocumentBuilder::new(schema, plan);
                    for (sequence, docs) in batches_in {
                        let built = docs
                            .iter()
                            .map(|doc| document_line(&mut builder, schema, engine, doc))
                            .collect();
                        if lines_out.send((sequence, built)).is_err() {
                            return;
                        }
                    }
                });
            }
            drop((batches_in, lines_out));
            let reader = scope.spawn(move || -> Result<()> {
                let mut batch = Vec::with_capacity(EXPORT_BATCH);
                let mut sequence = 0;
                self.for_each_match(query, &mut |stored| {
                    batch.push(stored);
                    if batch.len() == EXPORT_BATCH {
                        let full = std::mem::replace(&mut batch, Vec::with_capacity(EXPORT_BATCH));
                        // The writer stopped (an error): stop reading.
                        if batches.send((sequence, full)).is_err() {
                            return Ok(false);
                        }
                        sequence += 1;
                    }
                    Ok(true)
                })?;
                if !batch.is_empty() {
                    let _ = batches.send((sequence, batch));
                }
                Ok(())
            });
            let mut waiting: std::collections::BTreeMap<usize, Vec<Line>> = Default::default();
            let mut next = 0;
            for (sequence, built) in lines.iter() {
                waiting.insert(sequence, built);
                while let Some(built) = waiting.remove(&next) {
                    for line in built {
                        let (id, line) = line?;
                        if line.len() > writer.limit {
                            too_large.push(id);
                            continue;
                        }
                        writer.add(&line)?;
                        written += 1;
                        progress(written, matching);
                    }
                    next += 1;
                }
            }
            reader
                .join()
                .map_err(|_| Error::Remote("reading the index failed".into()))?
        })?;
        writer.flush()?;

        let manifest = Manifest {
            engine: request.engine.name().to_string(),
            index_name: request.index_name.clone(),
            schema_version: schema.version,
            query: request.query.clone(),
            index_opstamp: self.index.index.load_metas()?.opstamp,
            documents: written,
            bytes: writer.chunks.iter().map(|c| c.bytes).sum(),
            definition: definition_name.to_string(),
            chunks: writer.chunks,
            too_large,
        };
        let manifest_path = partial.join(MANIFEST);
        let text = serde_json::to_string_pretty(&manifest).map_err(json_error)? + "\n";
        fs::write(&manifest_path, text).map_err(|source| io(&manifest_path, source))?;
        if out.exists() {
            fs::remove_dir_all(out).map_err(|source| io(out, source))?;
        }
        fs::rename(&partial, out).map_err(|source| io(out, source))?;
        Ok(manifest)
    }
}

/// Stored articles read together, numbered in index order.
type Batch = (usize, Vec<tantivy::TantivyDocument>);
/// An article's id and its lines of a request body.
type Line = Result<(String, Vec<u8>)>;
/// A batch's request lines, numbered as the batch.
type Lines = (usize, Vec<Line>);
/// Articles per batch handed to a builder thread.
const EXPORT_BATCH: usize = 256;

/// One article's lines of a request body: for OpenSearch its `create`
/// action, then the document.
fn document_line(
    builder: &mut DocumentBuilder,
    schema: &crate::index::schema::NewsSchema,
    engine: Engine,
    stored: &tantivy::TantivyDocument,
) -> Line {
    let id = first_text(stored, schema.core.id).unwrap_or_default();
    let document = builder.build(stored);
    let mut line = Vec::new();
    if engine == Engine::OpenSearch {
        // `create`: a document already there (an earlier, interrupted
        // push) is reported as a conflict, not written twice.
        let action = serde_json::json!({ "create": { "_id": id } });
        serde_json::to_writer(&mut line, &action).map_err(json_error)?;
        line.push(b'\n');
    }
    serde_json::to_writer(&mut line, &document).map_err(json_error)?;
    line.push(b'\n');
    Ok((id, line))
}

/// Refuses to replace a folder that holds something other than an export.
fn check_target(out: &Path) -> Result<()> {
    if !out.exists() {
        return Ok(());
    }
    if !out.is_dir() {
        return Err(Error::Remote(format!(
            "{} exists and is not a folder",
            out.display()
        )));
    }
    let empty = fs::read_dir(out)
        .map_err(|source| io(out, source))?
        .next()
        .is_none();
    if empty || out.join(MANIFEST).is_file() {
        return Ok(());
    }
    Err(Error::Remote(format!(
        "{} is not empty and holds no newsdex export; give a new or empty folder",
        out.display()
    )))
}

fn partial_dir(out: &Path) -> PathBuf {
    let mut name = out.file_name().unwrap_or_default().to_os_string();
    name.push(".partial");
    out.with_file_name(name)
}

/// Appends lines to the current chunk; starts a new file at the limit.
struct ChunkWriter {
    dir: PathBuf,
    limit: usize,
    buffer: Vec<u8>,
    documents: u64,
    chunks: Vec<Chunk>,
}

impl ChunkWriter {
    fn add(&mut self, line: &[u8]) -> Result<()> {
        if !self.buffer.is_empty() && self.buffer.len() + line.len() > self.limit {
            self.flush()?;
        }
        self.buffer.extend_from_slice(line);
        self.documents += 1;
        Ok(())
    }

    fn flush(&mut self) -> Result<()> {
        if self.buffer.is_empty() {
            return Ok(());
        }
        let file = format!("docs/{:06}.ndjson", self.chunks.len() + 1);
        let path = self.dir.join(&file);
        let mut f = fs::File::create(&path).map_err(|source| io(&path, source))?;
        f.write_all(&self.buffer)
            .map_err(|source| io(&path, source))?;
        self.chunks.push(Chunk {
            file,
            documents: self.documents,
            bytes: self.buffer.len() as u64,
        });
        self.buffer.clear();
        self.documents = 0;
        Ok(())
    }
}

fn io(path: &Path, source: std::io::Error) -> Error {
    Error::Io {
        path: path.to_path_buf(),
        source,
    }
}

fn json_error(e: serde_json::Error) -> Error {
    Error::Output(e.into())
}
