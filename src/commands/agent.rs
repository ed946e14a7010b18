//! `posture agent collect`, `posture agent probe-tls` and `posture agent probe-ports`: print or
//! write the facts. The commands themselves are the agent's (`agent::command`), shared with the
//! `posture-agent` binary; this module turns the parsed arguments into a request, writes the
//! file with posture's atomic, private write, and maps bad input to exit code 2.

use std::process::ExitCode;

use agent::command::{self, Format, Output, Request};
use questionnaire::fsutil::write_atomic;
use questionnaire::{Error, Lang, Problem};

use crate::cli::{AgentCommand, ScoreFormat};

/// Runs an agent command.
pub fn run(command: AgentCommand, lang: Lang) -> anyhow::Result<ExitCode> {
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
        ScoreFormat::Json => Format::Json,
        ScoreFormat::Text => Format::Text,
    };
    let report = command::facts(request, lang, "posture agent")
        .map_err(|invalid| Error::invalid(Problem::new(invalid.problem).hint(invalid.hint)))?;
    match command::output(&report, output.as_deref(), format, lang)? {
        Output::Print(text) => super::emit(&text)?,
        Output::Write { json, summary } => {
            if let Some(path) = &output {
                write_atomic(path, json.as_bytes())?;
            }
            super::emit(&summary)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
