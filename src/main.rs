//! `posture`: the command line. Parses arguments, picks the language, runs the command, and turns
//! errors into a message (in French or English) and an exit code: 2 for bad input, 1 otherwise.
#![forbid(unsafe_code)]

mod cli;
mod commands;
mod help_fr;

use std::process::ExitCode;

use clap::{CommandFactory as _, FromArgMatches as _};
use questionnaire::Lang;

use crate::cli::{Cli, LangArg};

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = lang_from_args(&args).unwrap_or_else(Lang::from_env);
    let mut command = Cli::command();
    if lang == Lang::Fr {
        command = help_fr::frenchify(command);
    }
    let cli = match command
        .try_get_matches_from(&args)
        .and_then(|matches| Cli::from_arg_matches(&matches))
    {
        Ok(cli) => cli,
        Err(error) => error.exit(),
    };
    let lang = match cli.lang {
        Some(LangArg::Fr) => Lang::Fr,
        Some(LangArg::En) => Lang::En,
        None => lang,
    };
    match commands::run(cli, lang) {
        Ok(code) => code,
        Err(error) => {
            let label = lang.pick("erreur :", "error:");
            match error.downcast_ref::<questionnaire::Error>() {
                Some(questionnaire::Error::Invalid(problems)) => {
                    for problem in problems {
                        eprintln!("{label} {}", problem.render(lang));
                    }
                    ExitCode::from(2)
                }
                Some(error) => {
                    eprintln!("{label} {}", error.render(lang));
                    ExitCode::from(1)
                }
                None => {
                    eprintln!("{label} {error:#}");
                    ExitCode::from(1)
                }
            }
        }
    }
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
