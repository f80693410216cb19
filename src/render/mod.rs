//! Rendering results for people (terminal) and programs (JSON).
//!
//! Renderers write to any `io::Write`; the CLI passes stdout. Colour is
//! decided once by the caller ([`Style`]) so nothing here asks whether it is
//! talking to a terminal.

pub mod graph;
pub mod json;
pub mod map;
pub mod svg;
pub mod terminal;

use std::path::Path;

/// Whether and how to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    pub color: bool,
    /// Wrap long lines at this width (terminal only).
    pub width: Option<usize>,
}

impl Style {
    pub const PLAIN: Style = Style {
        color: false,
        width: None,
    };

    fn paint(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    pub fn bold(&self, text: &str) -> String {
        self.paint("1", text)
    }

    pub fn dim(&self, text: &str) -> String {
        self.paint("2", text)
    }

    /// Matched words: bold red, as grep and ripgrep show them.
    pub fn matched(&self, text: &str) -> String {
        self.paint("1;31", text)
    }

    pub fn accent(&self, text: &str) -> String {
        self.paint("36", text)
    }
}

/// An indexed file's key (`index::ids::path_key`: printable, with its
/// unprintable bytes escaped) as a user would type it: relative to the
/// working directory when it lies below it.
pub fn display_path(key: &str) -> String {
    let path = Path::new(key);
    std::env::current_dir()
        .ok()
        .map(|cwd| crate::index::ids::path_key(&cwd))
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(|p| p.display().to_string()))
        .unwrap_or_else(|| key.to_string())
}

/// `1234567` as `1,234,567`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Bytes in human units.
pub fn human_bytes(bytes: u64) -> String {
    const UNITS: [&str; 5] = ["B", "KB", "MB", "GB", "TB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1000.0 && unit < UNITS.len() - 1 {
        value /= 1000.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{bytes} B")
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

/// `text` with the characters XML gives meaning to escaped (`&`, `<`, `>`,
/// `"`), for attribute values and element text alike.
pub fn escape_xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The opening of an SVG image of `width` × `height` with a white
/// background, in the font every newsdex chart uses; the caller closes it.
pub fn svg_document(width: f64, height: f64) -> String {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" \
         viewBox=\"0 0 {width} {height}\" font-family=\"Helvetica, Arial, sans-serif\" \
         font-size=\"12\">\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_well() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(1234567), "1,234,567");
        assert_eq!(human_bytes(999), "999 B");
        assert_eq!(human_bytes(5_120_000), "5.1 MB");
    }

    #[test]
    fn plain_style_adds_no_escape_codes() {
        assert_eq!(Style::PLAIN.matched("x"), "x");
        let color = Style {
            color: true,
            width: None,
        };
        assert_eq!(color.matched("x"), "\x1b[1;31mx\x1b[0m");
    }
}
