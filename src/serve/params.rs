//! Query-string parameters: `a=1&b=two+words&c=%C3%A9`.

use std::collections::HashMap;

use super::MAX_QUERY_CHARS;

/// The decoded parameters of one request (the last of a repeated name wins).
#[derive(Debug, Default)]
pub struct Params {
    values: HashMap<String, String>,
}

impl Params {
    pub fn parse(query: &str) -> Result<Params, String> {
        let mut values = HashMap::new();
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            values.insert(decode(name)?, decode(value)?);
        }
        Ok(Params { values })
    }

    /// A parameter, unless absent or empty.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.values
            .get(name)
            .map(String::as_str)
            .filter(|v| !v.trim().is_empty())
    }

    /// A comma-separated list (`facets=speaker,place`).
    pub fn list(&self, name: &str) -> Vec<String> {
        self.get(name)
            .map(|v| {
                v.split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default()
    }

    /// A query (default `*`, every article), within the length limit.
    pub fn query(&self, name: &str) -> Result<String, String> {
        let query = self.get(name).unwrap_or("*");
        if query.chars().count() > MAX_QUERY_CHARS {
            return Err(format!("{name}: query over {MAX_QUERY_CHARS} characters"));
        }
        Ok(query.to_string())
    }

    /// A count, `default` when absent, at most `max`.
    pub fn number(&self, name: &str, default: usize, max: usize) -> Result<usize, String> {
        let Some(text) = self.get(name) else {
            return Ok(default);
        };
        let n: usize = text
            .trim()
            .parse()
            .map_err(|_| format!("{name}={text}: not a whole number"))?;
        if n > max {
            return Err(format!("{name}={n}: at most {max}"));
        }
        Ok(n)
    }

    /// `true`/`1`/`yes` or `false`/`0`/`no`; absent is false.
    pub fn flag(&self, name: &str) -> Result<bool, String> {
        match self.get(name) {
            None => Ok(false),
            Some("true" | "1" | "yes") => Ok(true),
            Some("false" | "0" | "no") => Ok(false),
            Some(other) => Err(format!("{name}={other}: use true or false")),
        }
    }
}

/// Percent-decoding with `+` as a space; the result must be UTF-8.
fn decode(text: &str) -> Result<String, String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = bytes
                    .get(i + 1..i + 3)
                    .and_then(|h| std::str::from_utf8(h).ok())
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
                    .ok_or_else(|| format!("bad percent-escape in `{text}`"))?;
                out.push(hex);
                i += 2;
            }
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8(out).map_err(|_| format!("`{text}` does not decode to UTF-8"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_are_decoded() {
        let p =
            Params::parse("q=oil+prices&place=S%C3%A3o%20Paulo&limit=5&facets=speaker,%20place&x=")
                .unwrap();
        assert_eq!(p.get("q"), Some("oil prices"));
        assert_eq!(p.get("place"), Some("São Paulo"));
        assert_eq!(p.number("limit", 10, 100), Ok(5));
        assert_eq!(p.number("offset", 0, 100), Ok(0));
        assert_eq!(p.list("facets"), ["speaker", "place"]);
        assert_eq!(p.get("x"), None);
        assert_eq!(p.query("nothing"), Ok("*".to_string()));
    }

    #[test]
    fn bad_parameters_say_what_is_wrong() {
        assert!(
            Params::parse("q=%ZZ")
                .unwrap_err()
                .contains("percent-escape")
        );
        assert!(Params::parse("q=%FF").unwrap_err().contains("UTF-8"));
        let p = Params::parse("limit=many&offset=5000&flag=maybe").unwrap();
        assert!(
            p.number("limit", 10, 100)
                .unwrap_err()
                .contains("not a whole number")
        );
        assert!(
            p.number("offset", 0, 100)
                .unwrap_err()
                .contains("at most 100")
        );
        assert!(p.flag("flag").unwrap_err().contains("true or false"));
        let long = format!("q={}", "a".repeat(MAX_QUERY_CHARS + 1));
        assert!(Params::parse(&long).unwrap().query("q").is_err());
    }
}
