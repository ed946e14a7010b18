//! The help of the command line, in the language of the interface.
//!
//! clap takes its help from the doc comments of `cli.rs`, which stay as the developers'
//! documentation; what users see comes from the catalogs (`i18n/locales/*/cli.ftl`): this module
//! walks the command tree and puts on every command and argument the message of its path, in
//! the chosen language, with the section headings in that language. clap's own lists of possible
//! and default values are hidden: the messages say them. Tests check that every command and
//! argument has its message, and that the help in one language has nothing of the other.

use clap::Command;
use questionnaire::Lang;

/// The message of each command and argument, by path: `""` is `posture`, `"catalog check"` a
/// subcommand, and `"catalog check --path"` (command path, then `--` and the argument id) an
/// argument. `" --lang"` (no command) is an argument of every command (a global one).
const HELP: &[(&str, &str)] = &[
    ("", "help-posture"),
    (" --lang", "help-option-lang"),
    (" --catalog", "help-option-catalog"),
    (" --help", "help-option-help"),
    (" --version", "help-option-version"),
    ("audit", "help-audit"),
    ("audit --file", "help-audit-file"),
    ("audit --facts", "help-audit-facts"),
    ("audit --profile", "help-audit-profile"),
    ("audit --duration", "help-audit-duration"),
    ("audit --from", "help-audit-from"),
    ("audit --output", "help-audit-output"),
    ("catalog", "help-catalog"),
    ("catalog check", "help-catalog-check"),
    ("catalog check --path", "help-catalog-check-path"),
    ("catalog export", "help-catalog-export"),
    ("catalog export --format", "help-catalog-export-format"),
    ("session", "help-session"),
    ("session new", "help-session-new"),
    ("session new --profile", "help-session-new-profile"),
    ("session new --org", "help-session-new-org"),
    ("session new --auditor", "help-session-new-auditor"),
    (
        "session new --participants",
        "help-session-new-participants",
    ),
    ("session new --sector", "help-session-new-sector"),
    ("session new --headcount", "help-session-new-headcount"),
    ("session new --output", "help-session-new-output"),
    ("session new --force", "help-session-new-force"),
    ("answer", "help-answer"),
    ("answer --file", "help-session-file"),
    ("answer --control", "help-answer-control"),
    ("answer --choice", "help-answer-choice"),
    ("answer --note", "help-answer-note"),
    ("score", "help-score"),
    ("score --file", "help-session-file"),
    ("score --facts", "help-facts-capped"),
    ("score --format", "help-score-format"),
    ("report", "help-report"),
    ("report --file", "help-session-file"),
    ("report --facts", "help-facts-capped"),
    ("report --previous", "help-previous"),
    ("report --format", "help-report-format"),
    ("report --output", "help-report-output"),
    ("report --benchmark", "help-report-benchmark"),
    ("report --token_file", "help-submit-token-file"),
    ("report --ca", "help-submit-ca"),
    ("compare", "help-compare"),
    ("compare --old", "help-compare-old"),
    ("compare --new", "help-compare-new"),
    ("compare --format", "help-format-text-json"),
    ("agent", "help-agent"),
    ("agent collect", "help-agent-collect"),
    ("agent collect --output", "help-facts-output"),
    ("agent collect --format", "help-format-text-json"),
    ("agent collect --root", "help-agent-collect-root"),
    ("agent probe-tls", "help-agent-probe-tls"),
    ("agent probe-tls --urls", "help-agent-probe-tls-urls"),
    ("agent probe-tls --ca", "help-agent-probe-tls-ca"),
    ("agent probe-tls --output", "help-facts-output"),
    ("agent probe-tls --format", "help-format-text-json"),
    ("agent probe-ports", "help-agent-probe-ports"),
    ("agent probe-ports --host", "help-agent-probe-ports-host"),
    ("agent probe-ports --ports", "help-agent-probe-ports-ports"),
    ("agent probe-ports --output", "help-facts-output"),
    ("agent probe-ports --format", "help-format-text-json"),
    ("send", "help-send"),
    ("send --file", "help-session-file"),
    ("send --to", "help-send-to"),
    ("send --from", "help-send-from"),
    ("send --smtp", "help-send-smtp"),
    ("send --user", "help-send-user"),
    ("send --tls", "help-send-tls"),
    ("send --insecure_no_tls", "help-send-insecure-no-tls"),
    ("send --format", "help-send-format"),
    ("send --previous", "help-previous"),
    // serve: the server itself (posture serve)
    ("serve", "help-serve"),
    ("serve --listen", "help-serve-listen"),
    ("serve --db", "help-serve-db"),
    ("serve --tls_cert", "help-serve-tls-cert"),
    ("serve --tls_key", "help-serve-tls-key"),
    ("serve --self_signed", "help-serve-self-signed"),
    ("serve --insecure_http", "help-serve-insecure-http"),
    ("serve --behind_proxy", "help-serve-behind-proxy"),
    // serve token / serve org: managing tokens and organisations
    ("serve token", "help-serve-token"),
    ("serve token create", "help-serve-token-create"),
    ("serve token create --db", "help-serve-token-db"),
    ("serve token create --org", "help-serve-token-org"),
    ("serve token create --sector", "help-serve-token-sector"),
    ("serve token create --size", "help-serve-token-size"),
    ("serve token create --contact", "help-serve-token-contact"),
    ("serve token create --admin", "help-serve-token-admin"),
    ("serve token create --name", "help-serve-token-name"),
    ("serve token list", "help-serve-token-list"),
    ("serve token list --db", "help-serve-token-db"),
    ("serve token revoke", "help-serve-token-revoke"),
    ("serve token revoke --db", "help-serve-token-db"),
    ("serve token revoke --id", "help-serve-token-revoke-id"),
    ("serve org", "help-serve-org"),
    ("serve org delete", "help-serve-org-delete"),
    ("serve org delete --db", "help-serve-token-db"),
    ("serve org delete --name", "help-serve-org-delete-name"),
    ("serve org delete --yes", "help-serve-org-delete-yes"),
    // submit
    ("submit", "help-submit"),
    ("submit --file", "help-session-file"),
    ("submit --to", "help-submit-to"),
    ("submit --token_file", "help-submit-token-file"),
    ("submit --ca", "help-submit-ca"),
    ("submit --without_notes", "help-submit-without-notes"),
    ("submit --dry_run", "help-submit-dry-run"),
    ("send --subject", "help-send-subject"),
];

/// The message id of a path of [`HELP`].
fn message(path: &str) -> Option<&'static str> {
    HELP.iter().find(|(key, _)| *key == path).map(|(_, id)| *id)
}

/// The help of a path in `lang`.
fn text(path: &str, lang: Lang) -> Option<String> {
    message(path).map(|id| i18n::messages(lang).get(id))
}

/// The command tree without clap's `help` subcommands, in every language: `posture help X` is
/// read as `posture X --help` before parsing (see `main.rs`), and clap's would print English.
pub fn without_help_subcommands(mut command: Command) -> Command {
    command = command.disable_help_subcommand(true);
    let names: Vec<String> = command
        .get_subcommands()
        .map(|sub| sub.get_name().to_owned())
        .collect();
    for name in names {
        command = command.mut_subcommand(&name, without_help_subcommands);
    }
    command
}

/// The command tree with its help in `lang`.
pub fn localize(command: Command, lang: Lang) -> Command {
    let headings = Headings {
        usage: i18n::t!(lang, "help-heading-usage"),
        commands: i18n::t!(lang, "help-heading-commands"),
        arguments: i18n::t!(lang, "help-heading-arguments"),
        options: i18n::t!(lang, "help-heading-options"),
    };
    localize_at(command, "", lang, &headings)
}

/// clap's section headings in the language of the interface.
struct Headings {
    usage: String,
    commands: String,
    arguments: String,
    options: String,
}

fn localize_at(mut command: Command, path: &str, lang: Lang, headings: &Headings) -> Command {
    if let Some(about) = text(path, lang) {
        command = command.about(about).long_about(None::<&'static str>);
    }
    let ids: Vec<String> = command
        .get_arguments()
        .map(|arg| arg.get_id().to_string())
        .collect();
    for id in ids {
        let help =
            text(&format!("{path} --{id}"), lang).or_else(|| text(&format!(" --{id}"), lang));
        if let Some(help) = help {
            // clap words possible and default values in English: the messages say them.
            command = command.mut_arg(id, |arg| {
                let arg = arg.help(help).long_help(None::<&'static str>);
                if arg.get_action().takes_values() {
                    arg.hide_possible_values(true).hide_default_value(true)
                } else {
                    arg
                }
            });
        }
    }
    let has_positionals = command.get_positionals().next().is_some();
    let has_subcommands = command.has_subcommands();
    let mut template = format!("{{about-with-newline}}\n{} {{usage}}\n", headings.usage);
    if has_subcommands {
        template.push_str(&format!("\n{}\n{{subcommands}}\n", headings.commands));
    }
    if has_positionals {
        template.push_str(&format!("\n{}\n{{positionals}}\n", headings.arguments));
    }
    template.push_str(&format!(
        "\n{}\n{{options}}{{after-help}}",
        headings.options
    ));
    command = command.help_template(template);
    let names: Vec<String> = command
        .get_subcommands()
        .map(|sub| sub.get_name().to_owned())
        .collect();
    for name in names {
        let sub_path = if path.is_empty() {
            name.clone()
        } else {
            format!("{path} {name}")
        };
        command = command.mut_subcommand(&name, |sub| localize_at(sub, &sub_path, lang, headings));
    }
    command
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory as _;

    use super::*;
    use crate::cli::Cli;

    /// Every command path of the tree, `""` first, with the command.
    fn commands(command: &Command, path: &str, out: &mut Vec<(String, Command)>) {
        out.push((path.to_owned(), command.clone()));
        for sub in command.get_subcommands() {
            let sub_path = if path.is_empty() {
                sub.get_name().to_owned()
            } else {
                format!("{path} {}", sub.get_name())
            };
            commands(sub, &sub_path, out);
        }
    }

    fn built(lang: Option<Lang>) -> Command {
        let mut command = without_help_subcommands(Cli::command());
        if let Some(lang) = lang {
            command = localize(command, lang);
        }
        // No wrapping: each text whole on its line.
        command = command.term_width(10_000);
        command.build();
        command
    }

    /// Every command and argument of the tree has a message, in both languages.
    #[test]
    fn every_command_and_argument_has_its_help_in_both_languages() {
        let mut all = Vec::new();
        commands(&built(None), "", &mut all);
        let mut missing = Vec::new();
        for (path, command) in &all {
            if message(path).is_none() {
                missing.push(path.clone());
            }
            for arg in command.get_arguments() {
                let id = arg.get_id().to_string();
                if message(&format!("{path} --{id}")).is_none()
                    && message(&format!(" --{id}")).is_none()
                {
                    missing.push(format!("{path} --{id}"));
                }
            }
        }
        assert!(missing.is_empty(), "no help message for: {missing:?}");
        for (path, id) in HELP {
            for lang in i18n::LANGUAGES {
                assert!(i18n::messages(lang).has(id), "{path:?}: {id} in {lang:?}");
            }
            let (fr, en) = (text(path, Lang::Fr), text(path, Lang::En));
            assert_ne!(fr, en, "{path:?}: the same in French and English");
        }
    }

    #[test]
    fn the_command_tree_is_valid_in_both_languages() {
        for lang in i18n::LANGUAGES {
            localize(without_help_subcommands(Cli::command()), lang).debug_assert();
        }
    }

    #[test]
    fn every_help_message_names_a_command_or_an_argument() {
        let command = built(None);
        for (key, _) in HELP {
            let (path, arg) = match key.split_once(" --") {
                Some((path, arg)) => (path, Some(arg)),
                None => (*key, None),
            };
            let mut found = Some(&command);
            for name in path.split_whitespace() {
                found = found.and_then(|c| c.find_subcommand(name));
            }
            let found = found.unwrap_or_else(|| panic!("no command for {key:?}"));
            if let Some(arg) = arg {
                let exists = found.get_arguments().any(|a| a.get_id() == arg)
                    || command.get_arguments().any(|a| a.get_id() == arg);
                assert!(exists, "no argument for {key:?}");
            }
        }
    }

    /// The help of every command in one language shows every text of its own language and none
    /// of the other's.
    #[test]
    fn the_help_in_one_language_has_nothing_of_the_other() {
        for (lang, other) in [(Lang::Fr, Lang::En), (Lang::En, Lang::Fr)] {
            let mut all = Vec::new();
            commands(&built(Some(lang)), "", &mut all);
            for (path, mut command) in all {
                let help = command.render_help().to_string();
                assert!(
                    help.contains(&i18n::t!(lang, "help-heading-usage")),
                    "{help}"
                );
                for (_, id) in HELP {
                    let theirs = i18n::messages(other).get(id);
                    assert!(
                        !help.contains(&theirs),
                        "{path:?} in {lang:?}: {theirs}\n{help}"
                    );
                }
                for id in [
                    "help-heading-usage",
                    "help-heading-commands",
                    "help-heading-options",
                ] {
                    let theirs = i18n::messages(other).get(id);
                    assert!(
                        !help.contains(&theirs),
                        "{path:?} in {lang:?}: {theirs}\n{help}"
                    );
                }
                // clap's own English words for the values.
                for english in ["Possible values", "[default:", "[possible values"] {
                    assert!(!help.contains(english), "{path:?} in {lang:?}\n{help}");
                }
                if let Some(about) = text(&path, lang) {
                    assert!(help.contains(&about), "{path:?} in {lang:?}\n{help}");
                }
            }
        }
    }
}
