//! The agent's commands — `collect`, `probe-tls`, `probe-ports` — as both `posture agent …` and
//! `posture-agent …` run them: the same checks of their input, the same facts, the same table,
//! JSON and summary line, in either language. Each caller parses its own command line and writes
//! the file with its own atomic, private write helper; everything in between is here, once.

use std::path::{Path, PathBuf};
use std::time::Duration;

use i18n::{Lang, Text};
use scoring::facts::{FactReport, Status};

/// What to read.
#[derive(Debug, Clone)]
pub enum Request {
    /// This machine's facts (or those of the files under `root`).
    Collect {
        /// Read every file under this directory instead of `/`, and run no command.
        root: Option<PathBuf>,
    },
    /// The TLS of web sites.
    ProbeTls {
        /// The sites.
        urls: Vec<String>,
        /// A private certificate authority (PEM) to trust.
        ca: Option<PathBuf>,
    },
    /// The open TCP ports of a public address.
    ProbePorts {
        /// The address or host name.
        host: String,
        /// The ports as given (`22,3389,8000-8010`); `None` for the default list.
        ports: Option<String>,
    },
}

/// The output format on standard output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A table.
    Text,
    /// The facts report.
    Json,
}

/// Bad input, said in both languages, with what to do: the callers exit with code 2.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{}", .problem.get(Lang::En))]
pub struct Invalid {
    /// What is wrong.
    pub problem: Text,
    /// What to do.
    pub hint: Text,
}

/// What to do with a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Output {
    /// Print this on standard output.
    Print(String),
    /// Write `json` to the file, then print `summary`.
    Write {
        /// The facts report.
        json: String,
        /// The one-line summary (where, how many of each status).
        summary: String,
    },
}

/// Reads the facts a request asks for. `program` is how the user calls the agent
/// (`posture agent` or `posture-agent`), for the examples of error hints.
pub fn facts(request: Request, lang: Lang, program: &str) -> Result<FactReport, Invalid> {
    Ok(match request {
        Request::Collect { root } => {
            if let Some(root) = &root {
                check_root(root)?;
            }
            crate::collect::collect(&crate::collect::Options {
                root,
                lang,
                // Shown on standard error only when it is a terminal, whatever the output:
                // standard output keeps nothing but the table, the summary or the JSON.
                progress: true,
            })
        }
        Request::ProbeTls { urls, ca } => {
            crate::tls::probe(&crate::tls::Options { urls, ca, lang })
        }
        Request::ProbePorts { host, ports } => {
            let hint = i18n::text!("agent-ports-example", program = program);
            crate::ports::check_host(&host).map_err(|problem| Invalid {
                problem,
                hint: hint.clone(),
            })?;
            let ports = match &ports {
                Some(list) => Some(
                    crate::ports::parse_ports(list).map_err(|problem| Invalid { problem, hint })?,
                ),
                None => None,
            };
            crate::ports::probe(&crate::ports::Options {
                host,
                ports,
                timeout: Duration::from_secs(1),
                lang,
            })
        }
    })
}

/// What to print or write for `report`: with `output`, the JSON goes to the file *instead of*
/// standard output, whatever the format, and only the one-line summary is printed.
pub fn output(
    report: &FactReport,
    output: Option<&Path>,
    format: Format,
    lang: Lang,
) -> Result<Output, serde_json::Error> {
    let json = serde_json::to_string_pretty(report)? + "\n";
    Ok(match output {
        Some(path) => Output::Write {
            json,
            summary: summary(report, path, lang),
        },
        None => Output::Print(match format {
            Format::Json => json,
            Format::Text => text(report, lang),
        }),
    })
}

/// The name of the facts file a double-clicked agent writes next to itself:
/// `faits-HOSTNAME-DATE.json` (the host name kept to letters, digits, `-`, `_` and `.`).
pub fn default_file_name(report: &FactReport) -> String {
    let host: String = report
        .host
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let date = report.collected_at.get(..10).unwrap_or("date");
    format!("faits-{host}-{date}.json")
}

/// `--root DIR` must be a directory: a mistyped path would otherwise give a report where
/// everything is unknown, and exit 0.
fn check_root(root: &Path) -> Result<(), Invalid> {
    let shown = root.display().to_string();
    let problem = match std::fs::metadata(root) {
        Ok(meta) if meta.is_dir() => return Ok(()),
        Ok(_) => i18n::text!("agent-root-not-a-directory", root = shown),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            i18n::text!("agent-root-missing", root = shown)
        }
        Err(error) => i18n::text!(
            "agent-root-unreadable",
            root = shown,
            why = i18n::io_reason(&error)
        ),
    };
    Err(Invalid {
        problem,
        hint: i18n::text!("agent-root-hint"),
    })
}

/// A fact's value as the table shows it.
pub fn value_text(value: &scoring::facts::Value) -> String {
    use scoring::facts::Value;
    match value {
        Value::Null => "—".to_owned(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) if n.fract() == 0.0 => format!("{n:.0}"),
        Value::Number(n) => n.to_string(),
        Value::Text(text) => text.clone(),
        Value::List(items) if items.is_empty() => "[]".to_owned(),
        Value::List(items) => items.join(", "),
    }
}

/// The facts as a table: a heading line, then two lines a fact (its status, key and value; its
/// sentence, in `lang` whatever the language it was collected in, and its source).
pub fn text(report: &FactReport, lang: Lang) -> String {
    let host = report.host.as_str();
    let collected = report.collected_at.as_str();
    let account = if report.root { "root" } else { "user" };
    let container = if report.container { "yes" } else { "no" };
    let version = report.agent_version.as_str();
    let mut out = i18n::t!(
        lang,
        "agent-heading",
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
            value_text(&fact.value),
            "",
            "",
            i18n::fact_detail(&lang, fact),
            fact.source,
        ));
    }
    out
}

/// The line printed when the facts went to a file: where, and how many of each status.
pub fn summary(report: &FactReport, path: &Path, lang: Lang) -> String {
    let count = |status| report.facts.iter().filter(|f| f.status == status).count();
    let (ok, warn, fail, unknown) = (
        count(Status::Ok),
        count(Status::Warn),
        count(Status::Fail),
        count(Status::Unknown),
    );
    let path = path.display().to_string();
    let ok = i18n::t!(lang, "fact-count-ok", count = ok);
    let warn = i18n::t!(lang, "fact-count-warn", count = warn);
    let fail = i18n::t!(lang, "fact-count-fail", count = fail);
    let unknown = i18n::t!(lang, "fact-count-unknown", count = unknown);
    i18n::t!(
        lang,
        "agent-written",
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
    fn an_unreadable_root_is_said_in_either_language() {
        // A path through a file: neither missing nor a directory.
        let file = tempfile::NamedTempFile::new().unwrap();
        let root = file.path().join("dir");
        let error = check_root(&root).unwrap_err();
        let fr = error.problem.get(Lang::Fr);
        assert!(
            fr.contains("illisible (un élément du chemin n'est pas un dossier)"),
            "{fr}"
        );
        assert!(!fr.contains("os error"), "{fr}");
        let en = error.problem.get(Lang::En);
        assert!(
            en.contains("cannot be read (a part of the path is not a directory)"),
            "{en}"
        );
    }

    #[test]
    fn a_bad_port_list_names_the_program_in_its_example() {
        let request = Request::ProbePorts {
            host: "51.15.20.30".into(),
            ports: Some("99999".into()),
        };
        let error = facts(request, Lang::En, "posture-agent").unwrap_err();
        assert!(
            error
                .hint
                .get(Lang::En)
                .contains("posture-agent probe-ports"),
            "{error:?}"
        );
    }

    #[test]
    fn the_default_file_name_has_the_host_and_the_day() {
        let report = FactReport {
            agent_version: "0.1.0".into(),
            host: "PC ACCUEIL/1".into(),
            collected_at: "2026-12-06T15:00:00+01:00".into(),
            root: false,
            container: false,
            facts: Vec::new(),
        };
        assert_eq!(
            default_file_name(&report),
            "faits-PC_ACCUEIL_1-2026-12-06.json"
        );
        let out = output(&report, Some(Path::new("f.json")), Format::Text, Lang::En).unwrap();
        assert!(matches!(out, Output::Write { ref summary, .. } if summary.contains("f.json")));
    }
}
