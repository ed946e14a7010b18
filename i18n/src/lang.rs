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

    /// The language of the environment (`LC_ALL`, `LC_MESSAGES`, then `LANG`); when none is set,
    /// the system's display language on Windows (a French Windows starts in French, and there
    /// these variables are rarely set); French otherwise.
    pub fn from_env() -> Lang {
        Lang::choose(|name| std::env::var(name).ok(), system_language)
    }

    /// [`Lang::from_env`] with its two sources given: the environment's variables, and the
    /// system's language (asked only when no variable is set).
    pub fn choose(
        var: impl Fn(&str) -> Option<String>,
        system: impl FnOnce() -> Option<String>,
    ) -> Lang {
        let from_vars = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| var(name))
            .find(|value| !value.is_empty());
        match from_vars {
            Some(value) => Lang::parse(&value),
            None => system().and_then(|locale| Lang::parse(&locale)),
        }
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

/// The user's display language as the system gives it (`fr-FR`): on Windows, the user's
/// preferred UI languages (`GetUserPreferredUILanguages`, through `sys-locale`).
#[cfg(windows)]
fn system_language() -> Option<String> {
    sys_locale::get_locale()
}

/// Elsewhere the locale variables are the system's language: nothing more to ask.
#[cfg(not(windows))]
fn system_language() -> Option<String> {
    None
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
    Text::new(
        level_name_in(&Lang::Fr, level),
        level_name_in(&Lang::En, level),
    )
}

/// The name of a maturity level (0–4) in the language of `source`.
pub fn level_name_in(source: &impl crate::Source, level: u8) -> String {
    let level = level.min(4);
    crate::t!(source, "level-name", level = level)
}

/// A parser's message (TOML or JSON, through serde), with its common forms said in French too:
/// "missing field `x`", "unknown field `x`, expected one of …", "invalid type: …, expected …",
/// "unknown variant `x`, expected …" (messages `parse-*` of the catalogs). Other messages are
/// kept as they are in both languages.
pub fn parse_reason(message: &str) -> Text {
    let message = message.trim();
    let field = |rest: &str| rest.split('`').nth(1).unwrap_or_default().to_owned();
    // serde's list of what was expected; French says it without "one of".
    let expected = |rest: &str| {
        let english = rest
            .split_once("expected ")
            .map(|(_, expected)| expected.to_owned())
            .unwrap_or_default();
        (english.replace("one of ", ""), english)
    };
    if let Some(rest) = message.strip_prefix("missing field ") {
        crate::text!("parse-missing-field", field = field(rest))
    } else if let Some(rest) = message.strip_prefix("unknown field ") {
        let field = &field(rest);
        let (fr, en) = expected(rest);
        Text::new(
            crate::t!(
                Lang::Fr,
                "parse-unknown-field",
                field = field,
                expected = fr
            ),
            crate::t!(
                Lang::En,
                "parse-unknown-field",
                field = field,
                expected = en
            ),
        )
    } else if let Some(rest) = message.strip_prefix("invalid type: ") {
        match rest.split_once(", expected ") {
            Some((found, expected)) => Text::new(
                crate::t!(
                    Lang::Fr,
                    "parse-invalid-type",
                    found = found,
                    expected = expected
                ),
                crate::t!(
                    Lang::En,
                    "parse-invalid-type",
                    found = found,
                    expected = expected
                ),
            ),
            None => Text::new(
                crate::t!(Lang::Fr, "parse-invalid-type-only", found = rest),
                crate::t!(Lang::En, "parse-invalid-type-only", found = rest),
            ),
        }
    } else if let Some(rest) = message.strip_prefix("unknown variant ") {
        let value = &field(rest);
        let (fr, en) = expected(rest);
        Text::new(
            crate::t!(
                Lang::Fr,
                "parse-unknown-variant",
                value = value,
                expected = fr
            ),
            crate::t!(
                Lang::En,
                "parse-unknown-variant",
                value = value,
                expected = en
            ),
        )
    } else {
        Text::new(message, message)
    }
}

/// Why a file could not be read or written, as a message of the catalogs (`io-*`): the
/// operating system's own message is English only ("No such file or directory (os error 2)"),
/// and is kept as it is only for the rarer kinds.
pub fn io_message(error: &std::io::Error) -> crate::Message {
    use std::io::ErrorKind;
    match error.kind() {
        ErrorKind::NotFound => crate::message!("io-not-found"),
        ErrorKind::PermissionDenied => crate::message!("io-denied"),
        ErrorKind::IsADirectory => crate::message!("io-is-directory"),
        ErrorKind::NotADirectory => crate::message!("io-not-directory"),
        ErrorKind::InvalidData => crate::message!("io-not-utf8"),
        ErrorKind::AlreadyExists => crate::message!("io-exists"),
        ErrorKind::StorageFull => crate::message!("io-disk-full"),
        ErrorKind::ReadOnlyFilesystem => crate::message!("io-read-only"),
        _ => crate::message!("io-other", reason = error.to_string()),
    }
}

/// Why a file could not be read or written, in both languages ([`io_message`]).
pub fn io_reason(error: &std::io::Error) -> Text {
    let message = io_message(error);
    let say = |lang: Lang| crate::say(&lang, &message).unwrap_or_else(|| error.to_string());
    Text::new(say(Lang::Fr), say(Lang::En))
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
    fn the_variables_come_first_then_the_system_language_then_french() {
        let vars = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(key, _)| *key == name)
                    .map(|(_, value)| (*value).to_owned())
            }
        };
        let english_windows = || Some("en-GB".to_owned());
        let french_windows = || Some("fr-FR".to_owned());
        // A French Windows with no locale variable starts in French; an English one in English.
        assert_eq!(Lang::choose(vars(&[]), french_windows), Lang::Fr);
        assert_eq!(Lang::choose(vars(&[]), english_windows), Lang::En);
        // A variable set wins over the system, in the order LC_ALL, LC_MESSAGES, LANG.
        assert_eq!(
            Lang::choose(vars(&[("LANG", "fr_FR.UTF-8")]), english_windows),
            Lang::Fr
        );
        assert_eq!(
            Lang::choose(
                vars(&[("LANG", "fr_FR.UTF-8"), ("LC_ALL", "en_US.UTF-8")]),
                french_windows
            ),
            Lang::En
        );
        // An empty variable counts as unset; a set one that names neither language means French.
        assert_eq!(
            Lang::choose(vars(&[("LC_ALL", "")]), english_windows),
            Lang::En
        );
        assert_eq!(
            Lang::choose(vars(&[("LANG", "C")]), english_windows),
            Lang::Fr
        );
        // No variable and no known system language: French.
        assert_eq!(Lang::choose(vars(&[]), || Some("de-DE".into())), Lang::Fr);
        assert_eq!(Lang::choose(vars(&[]), || None), Lang::Fr);
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
