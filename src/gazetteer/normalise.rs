//! The one normal form that gazetteer names and words of a text are compared
//! in. The gazetteer builder and the place matcher both call [`push_word`],
//! so "São Paulo", "Sao Paulo" and "SAO PAULO" meet, and so do "St. Louis"
//! and "Saint Louis", "Syria's" and "Syria", "U.S." and "US".

/// Appends the normal form of one word of text to `out`: lower case,
/// accents folded, dots dropped, a possessive `'s` removed, hyphens as
/// spaces, and the abbreviations St/Ste/Ft/Mt spelt out. Returns false
/// when nothing was appended (the word was only punctuation).
pub fn push_word(word: &str, out: &mut String) -> bool {
    let word = strip_possessive(word);
    let start = out.len();
    for c in word.chars() {
        match c {
            '.' | '\'' | '’' | '‘' | '`' => {}
            '-' | '‐' | '‑' | '–' | '/' => {
                if out.len() > start && !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => match fold(c) {
                Some(folded) => out.push_str(folded),
                None => out.extend(c.to_lowercase()),
            },
        }
    }
    while out.len() > start && out.ends_with(' ') {
        out.pop();
    }
    let spelt = match &out[start..] {
        "st" => Some("saint"),
        "ste" => Some("sainte"),
        "ft" => Some("fort"),
        "mt" => Some("mount"),
        _ => None,
    };
    if let Some(spelt) = spelt {
        out.truncate(start);
        out.push_str(spelt);
    }
    out.len() > start
}

/// The normal form of a whole name: its words normalised and joined by
/// single spaces.
pub fn name_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    for word in name.split(|c: char| c.is_whitespace() || c == ',' || c == '(' || c == ')') {
        let mark = key.len();
        if mark > 0 {
            key.push(' ');
        }
        if !push_word(word, &mut key) {
            key.truncate(mark);
        }
    }
    key
}

fn strip_possessive(word: &str) -> &str {
    for suffix in ["'s", "’s", "'S", "’S"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            return stem;
        }
    }
    word.strip_suffix(['\'', '’']).unwrap_or(word)
}

/// Latin letters with diacritics and the ASCII letters they read as.
fn fold(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å'
        | 'Ā' | 'Ă' | 'Ą' | 'ạ' | 'ả' | 'ấ' | 'ầ' | 'ậ' => "a",
        'æ' | 'Æ' => "ae",
        'ç' | 'ć' | 'č' | 'ĉ' | 'ċ' | 'Ç' | 'Ć' | 'Č' => "c",
        'ď' | 'đ' | 'ḍ' | 'Ď' | 'Đ' | 'ð' | 'Ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ė'
        | 'Ę' | 'Ě' | 'ẹ' | 'ế' | 'ề' | 'ệ' | 'ə' | 'Ə' => "e",
        'ğ' | 'ĝ' | 'ġ' | 'ģ' | 'Ğ' | 'Ġ' | 'Ģ' => "g",
        'ĥ' | 'ħ' | 'ḥ' | 'ḩ' | 'Ḥ' | 'Ḩ' | 'Ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' | 'İ'
        | 'ị' => "i",
        'ķ' | 'Ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ł' | 'Ł' | 'Ľ' | 'Ļ' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' | 'Ñ' | 'Ń' | 'Ň' | 'Ņ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø'
        | 'Ō' | 'Ő' | 'ơ' | 'ọ' | 'ố' | 'ồ' | 'ộ' | 'ớ' => "o",
        'œ' | 'Œ' => "oe",
        'ŕ' | 'ř' | 'Ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' | 'Ś' | 'Ş' | 'Š' | 'Ș' | 'ṣ' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ț' | 'Ţ' | 'Ť' | 'Ț' | 'ṭ' => "t",
        'þ' | 'Þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū'
        | 'Ů' | 'Ű' | 'ư' | 'ụ' | 'ứ' | 'ừ' => "u",
        'ý' | 'ÿ' | 'Ý' | 'Ÿ' => "y",
        'ź' | 'ż' | 'ž' | 'Ź' | 'Ż' | 'Ž' => "z",
        'ʻ' | 'ʼ' | 'ʿ' | 'ʾ' => "",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_text_meet_in_one_form() {
        assert_eq!(name_key("São Paulo"), "sao paulo");
        assert_eq!(name_key("SAO PAULO"), "sao paulo");
        assert_eq!(name_key("St. Louis"), name_key("Saint Louis"));
        assert_eq!(name_key("Syria's"), "syria");
        assert_eq!(name_key("Syria’s"), "syria");
        assert_eq!(name_key("U.S."), "us");
        assert_eq!(name_key("Wilkes-Barre"), "wilkes barre");
        assert_eq!(name_key("Ḩalab"), "halab");
        assert_eq!(name_key("Côte d'Ivoire"), "cote divoire");
        assert_eq!(name_key("Washington, D.C."), "washington dc");
    }

    #[test]
    fn punctuation_alone_appends_nothing() {
        let mut out = String::new();
        assert!(!push_word("-", &mut out));
        assert!(out.is_empty());
    }
}
