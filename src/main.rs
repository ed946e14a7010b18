//! `posture`: the command line. Parses arguments, picks the language, runs the command, and turns
//! errors into a message (in French or English) and an exit code: 2 for bad input, 1 otherwise.
#![forbid(unsafe_code)]

mod cli;
mod commands;
mod help;
mod usage;

use std::process::ExitCode;

use clap::{CommandFactory as _, FromArgMatches as _};
use questionnaire::Lang;

use crate::cli::{Cli, LangArg};

fn main() -> ExitCode {
    let args = help_subcommand_as_flag(std::env::args_os().collect());
    let lang = lang_from_args(&args).unwrap_or_else(Lang::from_env);
    let command = help::localize(help::without_help_subcommands(Cli::command()), lang);
    let cli = match command
        .try_get_matches_from(&args)
        .and_then(|matches| Cli::from_arg_matches(&matches))
    {
        Ok(cli) => cli,
        Err(error) => match usage::render(&error, lang) {
            Some(text) => {
                eprint!("{text}");
                return ExitCode::from(2);
            }
            None => error.exit(),
        },
    };
    let lang = match cli.lang {
        Some(LangArg::Fr) => Lang::Fr,
        Some(LangArg::En) => Lang::En,
        None => lang,
    };
    match commands::run(cli, lang) {
        Ok(code) => code,
        Err(error) => {
            let said = |message: String| i18n::t!(lang, "cli-error", message = message);
            match error.downcast_ref::<questionnaire::Error>() {
                Some(questionnaire::Error::Invalid(problems)) => {
                    for problem in problems {
                        eprintln!("{}", said(problem.render(lang)));
                    }
                    ExitCode::from(2)
                }
                Some(error) => {
                    eprintln!("{}", said(error.render(lang)));
                    ExitCode::from(1)
                }
                None => {
                    eprintln!("{}", said(format!("{error:#}")));
                    ExitCode::from(1)
                }
            }
        }
    }
}

/// `posture help catalog check` reads as `posture catalog check --help`, in either language
/// (clap's own `help` subcommand would print its description in English only).
fn help_subcommand_as_flag(mut args: Vec<std::ffi::OsString>) -> Vec<std::ffi::OsString> {
    let mut index = 1;
    while index < args.len() {
        let arg = args[index].to_string_lossy();
        if arg == "--lang" || arg == "--catalog" {
            index += 2;
        } else if arg.starts_with('-') {
            index += 1;
        } else {
            break;
        }
    }
    if args.get(index).is_some_and(|arg| arg == "help") {
        args.remove(index);
        args.push("--help".into());
    }
    args
}

/// The language named by `--lang X` or `--lang=X`, looked up before parsing so that the help
/// itself is in that language.
fn lang_from_args(args: &[std::ffi::OsString]) -> Option<Lang> {
    let args: Vec<&str> = args.iter().filter_map(|arg| arg.to_str()).collect();
    args.iter().enumerate().find_map(|(index, arg)| {
        if let Some(value) = arg.strip_prefix("--lang=") {
            Lang::parse(value)
        } else if *arg == "--lang" {
            args.get(index + 1).and_then(|value| Lang::parse(value))
        } else {
            None
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(line: &str) -> Vec<std::ffi::OsString> {
        line.split_whitespace().map(Into::into).collect()
    }

    #[test]
    fn the_help_subcommand_becomes_the_help_flag() {
        assert_eq!(
            help_subcommand_as_flag(args("posture help score")),
            args("posture score --help")
        );
        assert_eq!(
            help_subcommand_as_flag(args("posture --lang en help catalog check")),
            args("posture --lang en catalog check --help")
        );
        assert_eq!(
            help_subcommand_as_flag(args("posture help")),
            args("posture --help")
        );
        // An argument called "help" after the subcommand is left alone.
        assert_eq!(
            help_subcommand_as_flag(args("posture answer help PAT-01 1")),
            args("posture answer help PAT-01 1")
        );
    }

    #[test]
    fn the_language_flag_is_read_before_parsing() {
        assert_eq!(
            lang_from_args(&args("posture score --lang en f")),
            Some(Lang::En)
        );
        assert_eq!(
            lang_from_args(&args("posture --lang=fr score f")),
            Some(Lang::Fr)
        );
        assert_eq!(lang_from_args(&args("posture score f")), None);
    }
}
