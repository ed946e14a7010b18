//! Command-line usage errors in the language of the interface, from the catalogs
//! (`i18n/locales/*/cli.ftl`, `usage-*`). clap writes them in English only; a French-speaking
//! auditor who mistypes a flag should read what is wrong in French, like every other message.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use questionnaire::Lang;

/// The error as text in `lang`, or `None` when clap's own rendering is what to show (help and
/// version output, which are already in the interface's language, and rare kinds).
pub fn render(error: &clap::Error, lang: Lang) -> Option<String> {
    let value = |kind: ContextKind| error.get(kind).map(context_text);
    let quote = |text: String| i18n::t!(lang, "usage-quoted", text = text);
    let quoted = |kind: ContextKind| value(kind).map(quote);
    let arg = quoted(ContextKind::InvalidArg).unwrap_or_default();
    let message = match error.kind() {
        ErrorKind::UnknownArgument => i18n::t!(lang, "usage-unknown-argument", arg = arg),
        ErrorKind::InvalidSubcommand => {
            let name = quoted(ContextKind::InvalidSubcommand).unwrap_or_default();
            i18n::t!(lang, "usage-unknown-subcommand", name = name)
        }
        ErrorKind::InvalidValue => {
            let given = value(ContextKind::InvalidValue).unwrap_or_default();
            if given.is_empty() {
                i18n::t!(lang, "usage-value-missing", arg = arg)
            } else {
                i18n::t!(lang, "usage-invalid-value", value = given, arg = arg)
            }
        }
        ErrorKind::ValueValidation => {
            let given = value(ContextKind::InvalidValue).unwrap_or_default();
            let reason = source_text(error, lang);
            i18n::t!(
                lang,
                "usage-invalid-value-because",
                value = given,
                arg = arg,
                reason = reason
            )
        }
        ErrorKind::MissingRequiredArgument => {
            let arguments = value(ContextKind::InvalidArg).unwrap_or_default();
            i18n::t!(lang, "usage-missing-arguments", arguments = arguments)
        }
        ErrorKind::ArgumentConflict => {
            let other = quoted(ContextKind::PriorArg)
                .unwrap_or_else(|| i18n::t!(lang, "usage-conflict-another"));
            i18n::t!(lang, "usage-conflict", arg = arg, other = other)
        }
        ErrorKind::TooManyValues => {
            let given = quoted(ContextKind::InvalidValue).unwrap_or_default();
            i18n::t!(lang, "usage-unexpected-value", value = given, arg = arg)
        }
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            i18n::t!(lang, "usage-value-count", arg = arg)
        }
        ErrorKind::NoEquals => i18n::t!(lang, "usage-no-equals", arg = arg),
        _ => return None,
    };
    let mut out = i18n::t!(lang, "cli-error", message = message);
    out.push('\n');
    if let Some(values) = value(ContextKind::ValidValue) {
        let values = i18n::t!(lang, "usage-possible-values", values = values);
        out.push_str(&format!("  {values}\n"));
    }
    for kind in [ContextKind::SuggestedArg, ContextKind::SuggestedSubcommand] {
        if let Some(suggested) = error.get(kind) {
            let items = match suggested {
                ContextValue::Strings(items) => items.clone(),
                other => vec![context_text(other)],
            };
            let or = format!(" {} ", i18n::t!(lang, "usage-or"));
            let suggestions = items.into_iter().map(quote).collect::<Vec<_>>().join(&or);
            let tip = i18n::t!(lang, "usage-did-you-mean", suggestions = suggestions);
            out.push_str(&format!("  {tip}\n"));
        }
    }
    if let Some(usage) = value(ContextKind::Usage) {
        let usage = usage.trim();
        let usage = usage.strip_prefix("Usage:").unwrap_or(usage).trim();
        let heading = i18n::t!(lang, "help-heading-usage");
        out.push_str(&format!("\n{heading} {usage}\n"));
    }
    out.push_str(&format!("\n{}\n", i18n::t!(lang, "usage-more")));
    Some(out)
}

fn context_text(value: &ContextValue) -> String {
    match value {
        ContextValue::String(text) => text.clone(),
        ContextValue::Strings(items) => items.join(", "),
        ContextValue::StyledStr(text) => text.to_string(),
        ContextValue::StyledStrs(items) => items
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", "),
        ContextValue::Number(number) => number.to_string(),
        ContextValue::Bool(flag) => flag.to_string(),
        _ => String::new(),
    }
}

/// The reason a value parser gave, without clap's English frame around it, in `lang` where the
/// parser is ours.
fn source_text(error: &clap::Error, lang: Lang) -> String {
    match std::error::Error::source(error) {
        Some(reason) if reason.is::<crate::cli::BadDuration>() => {
            i18n::t!(lang, "usage-bad-duration")
        }
        Some(reason) => reason.to_string(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use clap::{CommandFactory as _, FromArgMatches as _};

    use super::*;
    use crate::cli::Cli;

    fn error_of(line: &str) -> clap::Error {
        let command = crate::help::without_help_subcommands(Cli::command());
        command
            .try_get_matches_from(line.split_whitespace())
            .and_then(|matches| Cli::from_arg_matches(&matches))
            .expect_err("a usage error")
    }

    fn french(line: &str) -> String {
        render(&error_of(line), Lang::Fr).expect("French text")
    }

    fn english(line: &str) -> String {
        render(&error_of(line), Lang::En).expect("English text")
    }

    #[test]
    fn an_unknown_flag_is_named() {
        let text = french("posture score s.toml --bogus");
        assert!(
            text.starts_with("erreur : argument inattendu « --bogus »"),
            "{text}"
        );
        assert!(text.contains("Utilisation : posture score"), "{text}");
        let text = english("posture score s.toml --bogus");
        assert!(
            text.starts_with("error: unexpected argument '--bogus' found"),
            "{text}"
        );
        assert!(text.contains("Usage: posture score"), "{text}");
    }

    #[test]
    fn an_invalid_value_lists_the_possible_ones() {
        let text = french("posture --lang de score s.toml");
        assert!(
            text.contains("valeur « de » invalide pour « --lang"),
            "{text}"
        );
        assert!(text.contains("valeurs possibles : fr, en"), "{text}");
        let text = english("posture --lang de score s.toml");
        assert!(text.contains("invalid value 'de' for '--lang"), "{text}");
        assert!(text.contains("[possible values: fr, en]"), "{text}");
    }

    #[test]
    fn a_missing_argument_is_named() {
        let text = french("posture answer s.toml");
        assert!(text.contains("arguments obligatoires manquants"), "{text}");
        assert!(text.contains("CONTROL"), "{text}");
    }

    #[test]
    fn a_bad_duration_is_explained_in_each_language() {
        let text = french("posture audit --duration 0m");
        assert!(
            text.contains("valeur « 0m » invalide pour « --duration <DURATION> » : en minutes"),
            "{text}"
        );
        assert!(!text.contains("use minutes"), "{text}");
        let text = english("posture audit --duration 0m");
        assert!(text.contains(": use minutes"), "{text}");
    }

    #[test]
    fn a_suggestion_is_quoted() {
        let text = french("posture scor");
        assert!(text.contains("sous-commande inconnue « scor »"), "{text}");
        assert!(text.contains("vouliez-vous dire « "), "{text}");
        assert!(text.contains("« score » ?"), "{text}");
    }

    #[test]
    fn help_is_left_to_clap() {
        assert!(render(&error_of("posture --help"), Lang::Fr).is_none());
    }
}
