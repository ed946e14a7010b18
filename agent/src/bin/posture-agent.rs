//! `posture-agent`: the agent alone, to carry on a USB key — `collect`, `probe-tls` and
//! `probe-ports` exactly as `posture agent …` runs them (the commands are the agent crate's own,
//! `agent::command`), without the questionnaire, the reports or the terminal UI. Run with no
//! argument from a console of its own (double-clicked on Windows), it collects this machine's
//! facts into `faits-HOSTNAME-DATE.json` next to itself and waits for a key before the window
//! closes. Exit codes: 0 done, 2 bad input, 1 anything else.
#![forbid(unsafe_code)]

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use agent::command::{self, Format, Invalid, Output, Request};
use clap::{
    ArgAction, Args, CommandFactory as _, FromArgMatches as _, Parser, Subcommand, ValueEnum,
};
use i18n::Lang;

#[derive(Debug, Parser)]
#[command(
    name = "posture-agent",
    version,
    disable_help_subcommand = true,
    disable_help_flag = true,
    disable_version_flag = true
)]
struct Cli {
    /// Print help.
    #[arg(short = 'h', long, global = true, action = ArgAction::Help)]
    help: Option<bool>,
    /// Print version.
    #[arg(short = 'V', long, action = ArgAction::Version)]
    version: Option<bool>,
    /// Interface language.
    #[arg(long, value_enum, global = true)]
    lang: Option<LangArg>,
    #[command(subcommand)]
    command: Option<AgentCommand>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum LangArg {
    /// Français
    Fr,
    /// English
    En,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum FormatArg {
    /// A table
    Text,
    /// JSON
    Json,
}

#[derive(Debug, Subcommand)]
enum AgentCommand {
    /// Read this machine's facts.
    Collect(CollectArgs),
    /// Probe web sites' TLS.
    ProbeTls(ProbeTlsArgs),
    /// Probe the TCP ports of a public address.
    ProbePorts(ProbePortsArgs),
}

#[derive(Debug, Args)]
struct CollectArgs {
    /// Write the facts to this file.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: FormatArg,
    /// Read the files under DIR instead of /.
    #[arg(long, value_name = "DIR")]
    root: Option<PathBuf>,
}

#[derive(Debug, Args)]
struct ProbeTlsArgs {
    /// The sites to probe.
    #[arg(value_name = "URL", required = true)]
    urls: Vec<String>,
    /// A private certificate authority.
    #[arg(long, value_name = "FILE")]
    ca: Option<PathBuf>,
    /// Write the facts to this file.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: FormatArg,
}

#[derive(Debug, Args)]
struct ProbePortsArgs {
    /// The public address or host name.
    #[arg(value_name = "HOST")]
    host: String,
    /// The TCP ports.
    #[arg(long, value_name = "LIST")]
    ports: Option<String>,
    /// Write the facts to this file.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: FormatArg,
}

/// The message of each command and argument, by path (as `posture`'s own help does):
/// `""` is `posture-agent`, `"collect --output"` an argument, `" --lang"` a global one.
const HELP: &[(&str, &str)] = &[
    ("", "agent-help"),
    (" --lang", "agent-help-lang"),
    (" --help", "agent-help-help"),
    (" --version", "agent-help-version"),
    ("collect", "agent-help-collect"),
    ("collect --output", "agent-help-output"),
    ("collect --format", "agent-help-format"),
    ("collect --root", "agent-help-collect-root"),
    ("probe-tls", "agent-help-probe-tls"),
    ("probe-tls --urls", "agent-help-probe-tls-urls"),
    ("probe-tls --ca", "agent-help-probe-tls-ca"),
    ("probe-tls --output", "agent-help-output"),
    ("probe-tls --format", "agent-help-format"),
    ("probe-ports", "agent-help-probe-ports"),
    ("probe-ports --host", "agent-help-probe-ports-host"),
    ("probe-ports --ports", "agent-help-probe-ports-ports"),
    ("probe-ports --output", "agent-help-output"),
    ("probe-ports --format", "agent-help-format"),
];

/// The message of a help path, in `lang`.
fn help_text(path: &str, lang: Lang) -> Option<String> {
    let (_, id) = HELP.iter().find(|(p, _)| *p == path)?;
    Some(match *id {
        "agent-help" => i18n::t!(lang, "agent-help"),
        "agent-help-lang" => i18n::t!(lang, "agent-help-lang"),
        "agent-help-help" => i18n::t!(lang, "agent-help-help"),
        "agent-help-version" => i18n::t!(lang, "agent-help-version"),
        "agent-help-collect" => i18n::t!(lang, "agent-help-collect"),
        "agent-help-output" => i18n::t!(lang, "agent-help-output"),
        "agent-help-format" => i18n::t!(lang, "agent-help-format"),
        "agent-help-collect-root" => i18n::t!(lang, "agent-help-collect-root"),
        "agent-help-probe-tls" => i18n::t!(lang, "agent-help-probe-tls"),
        "agent-help-probe-tls-urls" => i18n::t!(lang, "agent-help-probe-tls-urls"),
        "agent-help-probe-tls-ca" => i18n::t!(lang, "agent-help-probe-tls-ca"),
        "agent-help-probe-ports" => i18n::t!(lang, "agent-help-probe-ports"),
        "agent-help-probe-ports-host" => i18n::t!(lang, "agent-help-probe-ports-host"),
        "agent-help-probe-ports-ports" => i18n::t!(lang, "agent-help-probe-ports-ports"),
        _ => return None,
    })
}

/// The command tree with its help in `lang`: every command and argument gets the message of its
/// path, the section headings are in `lang`, and clap's English lists of values are hidden (the
/// messages say them).
fn localize(command: clap::Command, path: &str, lang: Lang) -> clap::Command {
    let mut command = command;
    if let Some(about) = help_text(path, lang) {
        command = command.about(about).long_about(None::<&'static str>);
    }
    let ids: Vec<String> = command
        .get_arguments()
        .map(|arg| arg.get_id().to_string())
        .collect();
    for id in ids {
        let help = help_text(&format!("{path} --{id}"), lang)
            .or_else(|| help_text(&format!(" --{id}"), lang));
        if let Some(help) = help {
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
    let mut template = format!(
        "{{about-with-newline}}\n{} {{usage}}\n",
        i18n::t!(lang, "agent-help-usage")
    );
    if command.has_subcommands() {
        template.push_str(&format!(
            "\n{}\n{{subcommands}}\n",
            i18n::t!(lang, "agent-help-commands")
        ));
    }
    if command.get_positionals().next().is_some() {
        template.push_str(&format!(
            "\n{}\n{{positionals}}\n",
            i18n::t!(lang, "agent-help-arguments")
        ));
    }
    template.push_str(&format!(
        "\n{}\n{{options}}",
        i18n::t!(lang, "agent-help-options")
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
        command = command.mut_subcommand(&name, |sub| localize(sub, &sub_path, lang));
    }
    command
}

/// The whole command line, its global arguments given to every subcommand, in `lang`.
fn localized(lang: Lang) -> clap::Command {
    let mut command = Cli::command();
    command.build();
    localize(command, "", lang)
}

/// The language named by `--lang X` or `--lang=X`, looked up before parsing so that the help and
/// usage errors are in that language.
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

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = lang_from_args(&args).unwrap_or_else(Lang::from_env);
    let command = localized(lang);
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
    let Some(command) = cli.command else {
        return double_clicked(lang);
    };
    let (request, output, format) = match command {
        AgentCommand::Collect(args) => (
            Request::Collect { root: args.root },
            args.output,
            args.format,
        ),
        AgentCommand::ProbeTls(args) => (
            Request::ProbeTls {
                urls: args.urls,
                ca: args.ca,
            },
            args.output,
            args.format,
        ),
        AgentCommand::ProbePorts(args) => (
            Request::ProbePorts {
                host: args.host,
                ports: args.ports,
            },
            args.output,
            args.format,
        ),
    };
    let format = match format {
        FormatArg::Text => Format::Text,
        FormatArg::Json => Format::Json,
    };
    run(request, output.as_deref(), format, lang)
}

/// Runs one command; prints the error and returns its exit code on failure.
fn run(request: Request, output: Option<&Path>, format: Format, lang: Lang) -> ExitCode {
    let report = match command::facts(request, lang, "posture-agent") {
        Ok(report) => report,
        Err(Invalid { problem, hint }) => {
            eprintln!(
                "{}",
                i18n::t!(lang, "agent-error", message = problem.get(lang))
            );
            eprintln!("{}", hint.get(lang));
            return ExitCode::from(2);
        }
    };
    let done = command::output(&report, output, format, lang)
        .map_err(|error| error.to_string())
        .and_then(|out| match out {
            Output::Print(text) => print(&text),
            Output::Write { json, summary } => {
                let path = output.unwrap_or(Path::new("."));
                write_private(path, json.as_bytes()).map_err(|error| {
                    let why = i18n::io_reason(&error).get(lang).to_owned();
                    i18n::t!(
                        lang,
                        "agent-cannot-write",
                        path = path.display().to_string(),
                        why = why
                    )
                })?;
                print(&summary)
            }
        });
    match done {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{}", i18n::t!(lang, "agent-error", message = message));
            ExitCode::from(1)
        }
    }
}

/// Prints to standard output; a closed pipe (`| head`) is not an error.
fn print(text: &str) -> Result<(), String> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        result => result.map_err(|error| error.to_string()),
    }
}

/// Replaces `path` with `contents` atomically (a temporary file in the same directory, flushed,
/// renamed over it), readable by its owner only (`platform::private`: mode 0600, or an owner-only
/// ACL on Windows) before anything is written into it.
fn write_private(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".posture-agent-").suffix(".tmp");
    let mut temp = builder.tempfile_in(dir)?;
    platform::private::restrict(temp.path(), Some(temp.as_file()))?;
    temp.write_all(contents)?;
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|error| error.error)?;
    #[cfg(unix)]
    std::fs::File::open(dir)?.sync_all()?;
    Ok(())
}

/// No command: when the agent has a console of its own (double-clicked on Windows), collect
/// into `faits-HOSTNAME-DATE.json` next to the program and wait for a key; otherwise print the
/// help (exit code 2, as a missing command is a usage error).
fn double_clicked(lang: Lang) -> ExitCode {
    if !agent::win::console_of_its_own() {
        let _ = localized(lang).print_help();
        return ExitCode::from(2);
    }
    println!("{}", i18n::t!(lang, "agent-double-click"));
    let dir = std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(Path::to_path_buf))
        .unwrap_or_else(|| PathBuf::from("."));
    let report = agent::collect::collect(&agent::collect::Options {
        root: None,
        lang,
        progress: true,
    });
    let path = dir.join(command::default_file_name(&report));
    let code = match command::output(&report, Some(&path), Format::Json, lang) {
        Ok(Output::Write { json, summary }) => match write_private(&path, json.as_bytes()) {
            Ok(()) => {
                let _ = print(&summary);
                ExitCode::SUCCESS
            }
            Err(error) => {
                let why = i18n::io_reason(&error).get(lang).to_owned();
                let message = i18n::t!(
                    lang,
                    "agent-cannot-write",
                    path = path.display().to_string(),
                    why = why
                );
                eprintln!("{}", i18n::t!(lang, "agent-error", message = message));
                ExitCode::from(1)
            }
        },
        Ok(Output::Print(_)) => ExitCode::from(1),
        Err(error) => {
            eprintln!(
                "{}",
                i18n::t!(lang, "agent-error", message = error.to_string())
            );
            ExitCode::from(1)
        }
    };
    println!("{}", i18n::t!(lang, "agent-press-key"));
    agent::win::wait_for_key();
    code
}
