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
        self.pick(" :", ":")
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

/// The name of a maturity level (0–4), as every output prints it: the message `level-name` of
/// the catalogs.
pub fn level_name(level: u8) -> Text {
    Text::new(level_name_in(&Lang::Fr, level), level_name_in(&Lang::En, level))
}

/// The name of a maturity level (0–4) in the language of `source`.
pub fn level_name_in(source: &impl crate::Source, level: u8) -> String {
    let level = level.min(4);
    crate::t!(source, "level-name", level = level)
}

/// A parser's message (TOML or JSON, through serde), with its common forms said in French too:
/// "missing field `x`", "unknown field `x`, expected one of …", "invalid type: …, expected …".
/// Other messages are kept as they are in both languages.
pub fn parse_reason(message: &str) -> Text {
    let message = message.trim();
    let field = |rest: &str| rest.split('`').nth(1).unwrap_or_default().to_owned();
    let fr = if let Some(rest) = message.strip_prefix("missing field ") {
        format!("champ obligatoire manquant : « {} »", field(rest))
    } else if let Some(rest) = message.strip_prefix("unknown field ") {
        let expected = rest
            .split_once("expected ")
            .map(|(_, expected)| expected.replace("one of ", ""))
            .unwrap_or_default();
        format!(
            "champ inconnu « {} » (champs possibles : {expected})",
            field(rest)
        )
    } else if let Some(rest) = message.strip_prefix("invalid type: ") {
        match rest.split_once(", expected ") {
            Some((found, expected)) => format!("type invalide : {found} au lieu de {expected}"),
            None => format!("type invalide : {rest}"),
        }
    } else if let Some(rest) = message.strip_prefix("unknown variant ") {
        let expected = rest
            .split_once("expected ")
            .map(|(_, expected)| expected.replace("one of ", ""))
            .unwrap_or_default();
        format!(
            "valeur inconnue « {} » (valeurs possibles : {expected})",
            field(rest)
        )
    } else {
        message.to_owned()
    };
    Text::new(fr, message)
}

/// Why a file could not be read or written, in both languages: the operating system's own
/// message is English only ("No such file or directory (os error 2)").
pub fn io_reason(error: &std::io::Error) -> Text {
    use std::io::ErrorKind;
    let (fr, en) = match error.kind() {
        ErrorKind::NotFound => (
            "fichier ou dossier introuvable",
            "no such file or directory",
        ),
        ErrorKind::PermissionDenied => ("accès refusé", "permission denied"),
        ErrorKind::IsADirectory => ("c'est un dossier", "it is a directory"),
        ErrorKind::NotADirectory => (
            "un élément du chemin n'est pas un dossier",
            "a part of the path is not a directory",
        ),
        ErrorKind::InvalidData => (
            "contenu illisible : ce n'est pas du texte UTF-8",
            "unreadable content: not UTF-8 text",
        ),
        ErrorKind::AlreadyExists => ("le fichier existe déjà", "the file already exists"),
        ErrorKind::StorageFull => ("disque plein", "no space left on the disk"),
        ErrorKind::ReadOnlyFilesystem => (
            "système de fichiers en lecture seule",
            "read-only file system",
        ),
        _ => {
            let text = error.to_string();
            return Text::new(text.clone(), text);
        }
    };
    Text::new(fr, en)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parser_messages_are_said_in_french_too() {
        let missing = parse_reason("missing field `organisation`");
        assert_eq!(missing.fr, "champ obligatoire manquant : « organisation »");
        assert_eq!(missing.en, "missing field `organisation`");
        let unknown = parse_reason("unknown field `colour`, expected one of `id`, `title`");
        assert_eq!(
            unknown.fr,
            "champ inconnu « colour » (champs possibles : `id`, `title`)"
        );
        assert_eq!(
            parse_reason("invalid type: string \"x\", expected u32").fr,
            "type invalide : string \"x\" au lieu de u32"
        );
        assert_eq!(parse_reason("unclosed array").fr, "unclosed array");
    }

    #[test]
    fn level_names_come_from_the_catalogs() {
        assert_eq!(level_name(0), Text::new("inexistant", "none"));
        assert_eq!(level_name(3).fr, "défini et appliqué");
        assert_eq!(level_name(4).en, "managed and checked");
        assert_eq!(level_name(7), level_name(4));
    }

    #[test]
    fn os_errors_are_said_in_both_languages() {
        let missing = std::io::Error::from(std::io::ErrorKind::NotFound);
        assert_eq!(io_reason(&missing).fr, "fichier ou dossier introuvable");
        assert_eq!(io_reason(&missing).en, "no such file or directory");
    }

    #[test]
    fn parses_codes_and_locales() {
        assert_eq!(Lang::parse("fr"), Some(Lang::Fr));
        assert_eq!(Lang::parse("en_GB.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::parse("FR_fr"), Some(Lang::Fr));
        assert_eq!(Lang::parse("de_DE.UTF-8"), None);
        assert_eq!(Lang::parse("C"), None);
    }
}
