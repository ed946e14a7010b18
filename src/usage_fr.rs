//! Command-line usage errors in French. clap writes them in English only; a French-speaking
//! auditor who mistypes a flag should read what is wrong in French, like every other message.

use clap::error::{ContextKind, ContextValue, ErrorKind};

/// The error as French text, or `None` when clap's own rendering is what to show (help and
/// version output, which are already in the interface's language, and rare kinds).
pub fn render(error: &clap::Error) -> Option<String> {
    let value = |kind: ContextKind| error.get(kind).map(context_text);
    let quoted = |kind: ContextKind| value(kind).map(|v| format!("« {v} »"));
    let arg = quoted(ContextKind::InvalidArg).unwrap_or_default();
    let message = match error.kind() {
        ErrorKind::UnknownArgument => format!("argument inattendu {arg}"),
        ErrorKind::InvalidSubcommand => format!(
            "sous-commande inconnue {}",
            quoted(ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::InvalidValue => {
            let given = value(ContextKind::InvalidValue).unwrap_or_default();
            if given.is_empty() {
                format!("une valeur est attendue pour {arg}, mais aucune n'a été donnée")
            } else {
                format!("valeur « {given} » invalide pour {arg}")
            }
        }
        ErrorKind::ValueValidation => format!(
            "valeur « {} » invalide pour {arg} : {}",
            value(ContextKind::InvalidValue).unwrap_or_default(),
            source_text(error)
        ),
        ErrorKind::MissingRequiredArgument => format!(
            "arguments obligatoires manquants : {}",
            value(ContextKind::InvalidArg).unwrap_or_default()
        ),
        ErrorKind::ArgumentConflict => format!(
            "{arg} ne peut pas être utilisé avec {}",
            quoted(ContextKind::PriorArg).unwrap_or_else(|| "un autre argument".into())
        ),
        ErrorKind::TooManyValues => format!(
            "valeur inattendue {} pour {arg}",
            quoted(ContextKind::InvalidValue).unwrap_or_default()
        ),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!("nombre de valeurs incorrect pour {arg}")
        }
        ErrorKind::NoEquals => format!("{arg} attend une valeur après « = »"),
        _ => return None,
    };
    let mut out = format!("erreur : {message}\n");
    if let Some(valid) = value(ContextKind::ValidValue) {
        out.push_str(&format!("  valeurs possibles : {valid}\n"));
    }
    for kind in [ContextKind::SuggestedArg, ContextKind::SuggestedSubcommand] {
        if let Some(suggested) = error.get(kind) {
            let suggested = match suggested {
                ContextValue::Strings(items) => items.join(" » ou « "),
                other => context_text(other),
            };
            out.push_str(&format!("  astuce : vouliez-vous dire « {suggested} » ?\n"));
        }
    }
    if let Some(usage) = value(ContextKind::Usage) {
        let usage = usage.trim();
        let usage = usage.strip_prefix("Usage:").unwrap_or(usage).trim();
        out.push_str(&format!("\nUtilisation : {usage}\n"));
    }
    out.push_str("\nPour en savoir plus : --help\n");
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

/// The reason a value parser gave, without clap's English frame around it, in French where
/// the parser is ours.
fn source_text(error: &clap::Error) -> String {
    match std::error::Error::source(error) {
        Some(reason) if reason.is::<crate::cli::BadDuration>() => {
            "en minutes (90m, 90) ou en heures (1h30, 2h), plus que zéro".to_owned()
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
        let command = crate::help_fr::without_help_subcommands(Cli::command());
        command
            .try_get_matches_from(line.split_whitespace())
            .and_then(|matches| Cli::from_arg_matches(&matches))
            .expect_err("a usage error")
    }

    #[test]
    fn an_unknown_flag_is_named_in_french() {
        let text = render(&error_of("posture score s.toml --bogus")).expect("French text");
        assert!(
            text.starts_with("erreur : argument inattendu « --bogus »"),
            "{text}"
        );
        assert!(text.contains("Utilisation : posture score"), "{text}");
    }

    #[test]
    fn an_invalid_value_lists_the_possible_ones() {
        let text = render(&error_of("posture --lang de score s.toml")).expect("French text");
        assert!(
            text.contains("valeur « de » invalide pour « --lang"),
            "{text}"
        );
        assert!(text.contains("valeurs possibles : fr, en"), "{text}");
    }

    #[test]
    fn a_missing_argument_is_named() {
        let text = render(&error_of("posture answer s.toml")).expect("French text");
        assert!(text.contains("arguments obligatoires manquants"), "{text}");
        assert!(text.contains("CONTROL"), "{text}");
    }

    #[test]
    fn a_bad_duration_is_explained_in_french() {
        let text = render(&error_of("posture audit --duration 0m")).expect("French text");
        assert!(
            text.contains("valeur « 0m » invalide pour « --duration <DURATION> » : en minutes"),
            "{text}"
        );
        assert!(!text.contains("use minutes"), "{text}");
    }

    #[test]
    fn help_is_left_to_clap() {
        assert!(render(&error_of("posture --help")).is_none());
    }
}
