//! The two languages of the interface and the bilingual texts of the catalog and messages.

use serde::{Deserialize, Serialize};

/// A language of the interface. French first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Français (the default).
    #[default]
    Fr,
    /// English.
    En,
}

impl Lang {
    /// Parses `fr` or `en` (also `fr_FR.UTF-8`-style locale names).
    pub fn parse(text: &str) -> Option<Lang> {
        let lower = text.trim().to_ascii_lowercase();
        if lower.starts_with("fr") {
            Some(Lang::Fr)
        } else if lower.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The language of the environment (`LC_ALL`, `LC_MESSAGES`, then `LANG`), French otherwise.
    pub fn from_env() -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| std::env::var(name).ok())
            .find(|value| !value.is_empty())
            .and_then(|value| Lang::parse(&value))
            .unwrap_or_default()
    }

    /// The code written in files and flags.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// A score with one decimal, written as the language writes numbers (`42,5` / `42.5`).
    pub fn score(self, value: f64) -> String {
        let text = format!("{value:.1}");
        match self {
            Lang::Fr => text.replace('.', ","),
            Lang::En => text,
        }
    }

    /// The colon as the language writes it: French puts a space before it.
    pub fn colon(self) -> &'static str {
        self.pick(" :", ":")
    }

    /// Picks the French or the English of a pair.
    pub fn pick<'a>(self, fr: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Fr => fr,
            Lang::En => en,
        }
    }
}

/// A text in French and English.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Text {
    /// Français.
    pub fr: String,
    /// English.
    pub en: String,
}

impl Text {
    /// A text from its French and English.
    pub fn new(fr: impl Into<String>, en: impl Into<String>) -> Text {
        Text {
            fr: fr.into(),
            en: en.into(),
        }
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        lang.pick(&self.fr, &self.en)
    }
}

/// The name of a maturity level (0–4), as every output prints it.
pub fn level_name(level: u8) -> Text {
    match level {
        0 => Text::new("inexistant", "none"),
        1 => Text::new("initial", "initial"),
        2 => Text::new("partiel", "partial"),
        3 => Text::new("défini et appliqué", "defined and applied"),
        _ => Text::new("géré et vérifié", "managed and checked"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_codes_and_locales() {
        assert_eq!(Lang::parse("fr"), Some(Lang::Fr));
        assert_eq!(Lang::parse("en_GB.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::parse("FR_fr"), Some(Lang::Fr));
        assert_eq!(Lang::parse("de_DE.UTF-8"), None);
        assert_eq!(Lang::parse("C"), None);
    }
}
