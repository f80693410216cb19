//! Other engines: export the enriched corpus to Quickwit or OpenSearch,
//! push it there, and search it with the newsdex query language.
//!
//! Everything an engine receives is derived from `schema/news.toml` through
//! an [`plan::ExportPlan`]: the index definition ([`mapping`]) and each
//! document ([`document`]).

pub mod document;
pub mod export;
pub mod mapping;
pub mod plan;

use std::fmt;

/// The engines newsdex exports to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Engine {
    /// Quickwit 0.8 / 0.9.
    Quickwit,
    /// OpenSearch, or Elasticsearch (the same index and bulk APIs).
    OpenSearch,
}

impl Engine {
    pub fn name(self) -> &'static str {
        match self {
            Engine::Quickwit => "quickwit",
            Engine::OpenSearch => "opensearch",
        }
    }

    pub fn parse(name: &str) -> Option<Engine> {
        match name.to_ascii_lowercase().as_str() {
            "quickwit" => Some(Engine::Quickwit),
            "opensearch" | "elasticsearch" => Some(Engine::OpenSearch),
            _ => None,
        }
    }
}

impl fmt::Display for Engine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
