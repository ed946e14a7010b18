//! `posture agent collect`, `posture agent probe-tls` and `posture agent probe-ports`: print or
//! write the facts.

use std::path::Path;
use std::process::ExitCode;

use agent::{FactReport, Status};
use questionnaire::fsutil::write_atomic;
use questionnaire::results::fact_value;
use questionnaire::{Error, Lang, Problem};

use crate::cli::{AgentCommand, ScoreFormat};

/// Runs an agent command.
pub fn run(command: AgentCommand, lang: Lang) -> anyhow::Result<ExitCode> {
    let (report, output, format) = match command {
        AgentCommand::Collect(args) => {
            if let Some(root) = &args.root {
                check_root(root)?;
            }
            let report = agent::collect::collect(&agent::collect::Options {
                root: args.root,
                lang,
                // Shown on standard error only when it is a terminal, whatever the output:
                // standard output keeps nothing but the table, the summary or the JSON.
                progress: true,
            });
            (report, args.output, args.format)
        }
        AgentCommand::ProbeTls(args) => {
            let report = agent::tls::probe(&agent::tls::Options {
                urls: args.urls,
                ca: args.ca,
                lang,
            });
            (report, args.output, args.format)
        }
        AgentCommand::ProbePorts(args) => {
            let hint = i18n::text!("cli-agent-ports-example");
            agent::ports::check_host(&args.host)
                .map_err(|why| Error::invalid(Problem::new(why).hint(hint.clone())))?;
            let ports = match &args.ports {
                Some(list) => Some(
                    agent::ports::parse_ports(list)
                        .map_err(|why| Error::invalid(Problem::new(why).hint(hint)))?,
                ),
                None => None,
            };
            let report = agent::ports::probe(&agent::ports::Options {
                host: args.host,
                ports,
                timeout: std::time::Duration::from_secs(1),
                lang,
            });
            (report, args.output, args.format)
        }
    };
    let json = serde_json::to_string_pretty(&report)? + "\n";
    match output {
        // The JSON goes to the file *instead of* standard output, whatever the format: only
        // the one-line summary is printed.
        Some(path) => {
            write_atomic(&path, json.as_bytes())?;
            super::emit(&summary(&report, Some(&path), lang))?;
        }
        None => super::emit(&match format {
            ScoreFormat::Json => json,
            ScoreFormat::Text => text(&report, lang),
        })?,
    }
    Ok(ExitCode::SUCCESS)
}

/// `--root DIR` must be a directory: a mistyped path would otherwise give a report where
/// everything is unknown, and exit 0.
fn check_root(root: &Path) -> Result<(), Error> {
    let shown = root.display().to_string();
    let problem = match std::fs::metadata(root) {
        Ok(meta) if meta.is_dir() => return Ok(()),
        Ok(_) => i18n::text!("cli-agent-root-not-a-directory", root = shown),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            i18n::text!("cli-agent-root-missing", root = shown)
        }
        Err(error) => i18n::text!(
            "cli-agent-root-unreadable",
            root = shown,
            why = questionnaire::lang::io_reason(&error)
        ),
    };
    Err(Error::invalid(
        Problem::new(problem).hint(i18n::text!("cli-agent-root-hint")),
    ))
}

/// The facts as a table: a heading line, then two lines a fact (its status, key and value; its
/// sentence, in `lang` whatever the language it was collected in, and its source).
fn text(report: &FactReport, lang: Lang) -> String {
    let host = report.host.as_str();
    let collected = report.collected_at.as_str();
    let account = if report.root { "root" } else { "user" };
    let container = if report.container { "yes" } else { "no" };
    let version = report.agent_version.as_str();
    let mut out = i18n::t!(
        lang,
        "cli-agent-heading",
        host = host,
        collected = collected,
        account = account,
        container = container,
        version = version
    );
    out.push_str("\n\n");
    let width = report.facts.iter().map(|f| f.key.len()).max().unwrap_or(10);
    let statuses = [Status::Ok, Status::Warn, Status::Fail, Status::Unknown];
    let status_width = statuses
        .map(|status| i18n::status_name(&lang, status).chars().count())
        .into_iter()
        .max()
        .unwrap_or(9);
    for fact in &report.facts {
        out.push_str(&format!(
            "{:<status_width$} {:<width$}  {}\n{:status_width$} {:<width$}  {} ({})\n",
            i18n::status_name(&lang, fact.status),
            fact.key,
            fact_value(&fact.value),
            "",
            "",
            i18n::fact_detail(&lang, fact),
            fact.source,
        ));
    }
    out
}

/// The line printed when the facts went to a file: where, and how many of each status.
fn summary(report: &FactReport, path: Option<&Path>, lang: Lang) -> String {
    let count = |status| report.facts.iter().filter(|f| f.status == status).count();
    let (ok, warn, fail, unknown) = (
        count(Status::Ok),
        count(Status::Warn),
        count(Status::Fail),
        count(Status::Unknown),
    );
    let path = path.map(|p| p.display().to_string()).unwrap_or_default();
    let ok = i18n::t!(lang, "fact-count-ok", count = ok);
    let warn = i18n::t!(lang, "fact-count-warn", count = warn);
    let fail = i18n::t!(lang, "fact-count-fail", count = fail);
    let unknown = i18n::t!(lang, "fact-count-unknown", count = unknown);
    i18n::t!(
        lang,
        "cli-agent-written",
        path = path,
        ok = ok,
        warn = warn,
        fail = fail,
        unknown = unknown
    ) + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unreadable_root_is_said_in_french_in_french() {
        // A path through a file: neither missing nor a directory.
        let file = tempfile::NamedTempFile::new().unwrap();
        let root = file.path().join("dir");
        let error = check_root(&root).unwrap_err();
        let fr = error.render(Lang::Fr);
        assert!(
            fr.contains("illisible (un élément du chemin n'est pas un dossier)"),
            "{fr}"
        );
        assert!(!fr.contains("os error"), "{fr}");
        let en = error.render(Lang::En);
        assert!(
            en.contains("cannot be read (a part of the path is not a directory)"),
            "{en}"
        );
    }
}
