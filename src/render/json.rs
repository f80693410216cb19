//! JSON output: one object per command, on one line, for `jq` and friends.

use std::io::{self, Write};

use serde::Serialize;

/// Writes `value` as one line of JSON.
pub fn write_json<T: Serialize>(out: &mut dyn Write, value: &T) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value).map_err(|e| match e.io_error_kind() {
        // A closed pipe stays a closed pipe (newsdex ends quietly on one).
        Some(kind) => io::Error::from(kind),
        None => io::Error::other(e),
    })?;
    writeln!(out)
}
