//! Other engines: export the enriched corpus to Quickwit or OpenSearch,
//! push it there, and search it with the newsdex query language.
//!
//! Everything an engine receives is derived from `schema/news.toml` through
//! an [`plan::ExportPlan`]: the index definition ([`mapping`]) and each
//! document ([`document`]).

pub mod document;
pub mod export;
pub mod http;
pub mod mapping;
pub mod plan;
pub mod push;
pub mod query;
pub mod search;

use std::fmt;

use crate::error::{Error, Result};

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

/// An engine index named as `ENGINE:URL/INDEX`, e.g.
/// `quickwit:http://127.0.0.1:7280/news` or
/// `opensearch:http://user:pass@127.0.0.1:9200/news`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Remote {
    pub engine: Engine,
    /// The engine's address, without credentials or a trailing slash.
    pub base: String,
    pub index: String,
    /// `Authorization` header value from `user:password@` in the URL.
    pub authorization: Option<String>,
}

impl Remote {
    pub fn parse(text: &str) -> Result<Remote> {
        let bad = |why: &str| {
            Error::Remote(format!(
                "`{text}` is not a remote: {why}; write ENGINE:URL/INDEX, e.g. \
                 quickwit:http://127.0.0.1:7280/news or opensearch:http://127.0.0.1:9200/news"
            ))
        };
        let (engine, url) = text.split_once(':').ok_or_else(|| bad("no engine"))?;
        let engine = Engine::parse(engine).ok_or_else(|| {
            bad(&format!(
                "unknown engine `{engine}` (quickwit or opensearch)"
            ))
        })?;
        let (scheme, rest) = url.split_once("://").ok_or_else(|| bad("no http:// URL"))?;
        match scheme {
            "http" => {}
            "https" if cfg!(feature = "tls") => {}
            "https" => {
                return Err(bad(
                    "this newsdex was built without TLS (build with `--features tls`), \
                     or reach the engine through a local proxy",
                ));
            }
            _ => return Err(bad(&format!("unsupported scheme `{scheme}`"))),
        }
        let rest = rest.trim_end_matches('/');
        let (address, index) = rest.rsplit_once('/').ok_or_else(|| bad("no index name"))?;
        let valid_index = !index.is_empty()
            && index
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c));
        if !valid_index {
            return Err(bad(&format!(
                "`{index}` is not an index name (letters, digits, - _ .)"
            )));
        }
        let (authorization, address) = match address.split_once('/') {
            Some((host, path)) => (host, format!("/{path}")),
            None => (address, String::new()),
        };
        let (user_info, host) = match authorization.rsplit_once('@') {
            Some((user_info, host)) => (Some(user_info), host),
            None => (None, authorization),
        };
        if host.is_empty() {
            return Err(bad("no host"));
        }
        Ok(Remote {
            engine,
            base: format!("{scheme}://{host}{address}"),
            index: index.to_string(),
            authorization: user_info.map(http::basic_authorization),
        })
    }

    /// The remote as a user writes it, without credentials.
    pub fn display(&self) -> String {
        format!("{}:{}/{}", self.engine, self.base, self.index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remotes_name_engine_address_and_index() {
        let r = Remote::parse("quickwit:http://127.0.0.1:7280/news").unwrap();
        assert_eq!(r.engine, Engine::Quickwit);
        assert_eq!(r.base, "http://127.0.0.1:7280");
        assert_eq!(r.index, "news");
        assert_eq!(r.authorization, None);
        let r = Remote::parse("opensearch:http://admin:secret@search.local:9200/es/archive-2024/")
            .unwrap();
        assert_eq!(r.engine, Engine::OpenSearch);
        assert_eq!(r.base, "http://search.local:9200/es");
        assert_eq!(r.index, "archive-2024");
        assert!(r.authorization.unwrap().starts_with("Basic "));
        assert_eq!(
            Remote::parse("quickwit:http://127.0.0.1:7280/news")
                .unwrap()
                .display(),
            "quickwit:http://127.0.0.1:7280/news"
        );
    }

    #[test]
    fn bad_remotes_say_how_to_write_one() {
        for bad in [
            "news",
            "solr:http://x/news",
            "quickwit:127.0.0.1/news",
            "quickwit:http://host",
        ] {
            let err = Remote::parse(bad).unwrap_err().to_string();
            assert!(err.contains("ENGINE:URL/INDEX"), "{bad}: {err}");
        }
    }
}
