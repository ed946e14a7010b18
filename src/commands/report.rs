//! `posture report FILE [--previous OLD] [--format …] [-o OUT] [--benchmark URL]`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use questionnaire::evidence::Evidence;
use questionnaire::fsutil::{check_writable, parent_dir, write_atomic};
use questionnaire::{Error, Lang, Problem, Text};
use reports::Format;

use super::Opened;
use super::benchmark::Server;
use crate::cli::{ReportArgs, ReportFormat};

fn format(format: ReportFormat) -> Format {
    match format {
        ReportFormat::Html => Format::Html,
        ReportFormat::Pdf => Format::Pdf,
        ReportFormat::Md => Format::Markdown,
        ReportFormat::Json => Format::Json,
        ReportFormat::Csv => Format::Csv,
    }
}

/// Each format once, in the order first asked (`--format md,html,md` is md then html).
fn unique(formats: impl IntoIterator<Item = Format>) -> Vec<Format> {
    let mut unique = Vec::new();
    for format in formats {
        if !unique.contains(&format) {
            unique.push(format);
        }
    }
    unique
}

/// Where each format goes: `-o OUT` for one format, OUT with each format's extension for
/// several, and next to the session file otherwise.
fn destination(session: &Path, output: Option<&Path>, format: Format, several: bool) -> PathBuf {
    match output {
        // A directory (existing, or written with a final slash): the reports go in it, named
        // after the session.
        Some(out) if out.is_dir() || out.as_os_str().to_string_lossy().ends_with('/') => {
            let name = session.file_name().map_or_else(
                || std::path::PathBuf::from("rapport"),
                std::path::PathBuf::from,
            );
            out.join(name).with_extension(format.extension())
        }
        Some(out) if !several => out.to_owned(),
        Some(out) => out.with_extension(format.extension()),
        None => session.with_extension(format.extension()),
    }
}

/// The path as the file system resolves it, for comparing: the file itself when it exists, else
/// its directory resolved and its name.
fn resolved(path: &Path) -> Option<PathBuf> {
    if let Ok(path) = std::fs::canonicalize(path) {
        return Some(path);
    }
    let name = path.file_name()?;
    Some(std::fs::canonicalize(parent_dir(path)).ok()?.join(name))
}

/// Whether two paths name the same file: the same resolved path, or (Unix) the same inode, as
/// with a hard link.
fn same_file(a: &Path, b: &Path) -> bool {
    if let (Some(a), Some(b)) = (resolved(a), resolved(b))
        && a == b
    {
        return true;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        if let (Ok(a), Ok(b)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return a.dev() == b.dev() && a.ino() == b.ino();
        }
    }
    false
}

/// A file the report reads, which no output may replace.
#[derive(Debug, Clone, Copy)]
pub(super) enum Input<'a> {
    /// The session (FILE).
    Session(&'a Path),
    /// The previous assessment (`--previous`, or the one the session was started `--from`).
    Previous(&'a Path),
    /// A facts file (`--facts`).
    Facts(&'a Path),
}

impl Input<'_> {
    fn path(&self) -> &Path {
        match self {
            Input::Session(path) | Input::Previous(path) | Input::Facts(path) => path,
        }
    }

    fn what(&self) -> Text {
        let path = self.path().display().to_string();
        match self {
            Input::Session(_) => i18n::text!("cli-report-input-session", path = path),
            Input::Previous(_) => i18n::text!("cli-report-input-previous", path = path),
            Input::Facts(_) => i18n::text!("cli-report-input-facts", path = path),
        }
    }
}

/// Refuses, before anything is written, an output that would replace one of the inputs, or that
/// cannot be written where it is asked (a missing directory, a directory in its place).
pub(super) fn check_outputs(outputs: &[PathBuf], inputs: &[Input<'_>]) -> Result<(), Error> {
    let mut problems = Vec::new();
    for output in outputs {
        let shown = output.display().to_string();
        if let Some(input) = inputs.iter().find(|input| same_file(output, input.path())) {
            let what = input.what();
            problems.push(
                Problem::new(i18n::text!(
                    "cli-report-would-replace",
                    report = shown,
                    input = what
                ))
                .hint(match input {
                    Input::Session(_) => i18n::text!("cli-report-would-replace-session-hint"),
                    Input::Previous(_) | Input::Facts(_) => {
                        i18n::text!("cli-report-would-replace-hint")
                    }
                }),
            );
            continue;
        }
        if let Err(Error::Invalid(mut refused)) = check_writable(output) {
            problems.append(&mut refused);
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Error::Invalid(problems))
    }
}

/// The formats asked, each once, or the default ones (HTML and PDF).
pub(super) fn formats_asked(asked: impl ExactSizeIterator<Item = Format>) -> Vec<Format> {
    if asked.len() == 0 {
        reports::DEFAULT_FORMATS.to_vec()
    } else {
        unique(asked)
    }
}

/// Writes the report.
pub fn run(catalog: Option<&Path>, args: ReportArgs, lang: Lang) -> anyhow::Result<ExitCode> {
    let formats = formats_asked(args.format.iter().copied().map(format));
    let several = formats.len() > 1;
    let to_stdout = args.output.as_deref() == Some(Path::new("-"));
    if to_stdout && several {
        return Err(Error::invalid(
            Problem::new(i18n::text!("cli-report-stdout-one-format"))
                .hint(i18n::text!("cli-report-stdout-one-format-hint")),
        )
        .into());
    }
    // Where each format goes, checked before anything is read or written.
    let outputs: Vec<PathBuf> = if to_stdout {
        Vec::new()
    } else {
        formats
            .iter()
            .map(|&format| destination(&args.file, args.output.as_deref(), format, several))
            .collect()
    };
    let mut inputs = vec![Input::Session(&args.file)];
    inputs.extend(args.previous.as_deref().map(Input::Previous));
    inputs.extend(args.facts.iter().map(|path| Input::Facts(path)));
    check_outputs(&outputs, &inputs)?;
    // The server's address, the token and the authorities are checked before anything is read.
    let server = args
        .benchmark
        .as_deref()
        .map(|url| {
            if let Some(warning) = args
                .token_file
                .as_deref()
                .and_then(|path| super::https::token_file_warning(path, lang))
            {
                eprintln!("{warning}");
            }
            Server::new(url, args.token_file.as_deref(), args.ca.as_deref())
        })
        .transpose()?;

    let opened = Opened::read_in(&args.file, catalog, lang)?;
    let audit = opened.audit()?;
    let previous_audit = args
        .previous
        .as_deref()
        .map(|path| super::previous(path, &opened.catalog, &audit, &args.file, lang))
        .transpose()?;
    let evidence = (!args.facts.is_empty())
        .then(|| Evidence::load(&args.facts))
        .transpose()?;
    let mut report = reports::build_with_facts(
        &audit,
        previous_audit.as_ref(),
        evidence.as_ref(),
        lang,
        chrono::Utc::now(),
    );
    if let Some(server) = &server {
        let fetched = server.fetch(&report, lang);
        // Too few peers or no answer: said in the report and here, and the report is written.
        if let Some(warning) = super::benchmark::attach(&mut report, fetched, lang) {
            eprintln!("{warning}");
        }
    }
    if to_stdout {
        use std::io::Write as _;
        let bytes = reports::render(&report, formats[0])?;
        let mut stdout = std::io::stdout().lock();
        match stdout.write_all(&bytes).and_then(|()| stdout.flush()) {
            Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => {}
            result => result?,
        }
        return Ok(ExitCode::SUCCESS);
    }
    for (&format, path) in formats.iter().zip(&outputs) {
        write_atomic(path, &reports::render(&report, format)?)?;
    }
    let written = outputs;
    for path in written {
        let path = path.display().to_string();
        super::emit(&format!(
            "{}\n",
            i18n::t!(lang, "cli-report-written", path = path)
        ))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The end-of-meeting export of `posture audit`: the default formats and JSON, next to the
/// session file, compared with the previous assessment when the session was started with
/// `--from`.
pub fn export_from_audit(
    audit: &questionnaire::audit::Audit<'_>,
    evidence: Option<&Evidence>,
    session_path: &Path,
    facts: &[PathBuf],
    lang: Lang,
) -> anyhow::Result<Vec<PathBuf>> {
    export_with(
        audit,
        evidence,
        session_path,
        facts,
        Server::from_env(lang),
        lang,
    )
}

/// The end-of-meeting export, with the peers' server the environment names (`None`: none; an
/// error: why it cannot be asked, said in the report).
fn export_with(
    audit: &questionnaire::audit::Audit<'_>,
    evidence: Option<&Evidence>,
    session_path: &Path,
    facts: &[PathBuf],
    benchmark: Option<Result<Server, String>>,
    lang: Lang,
) -> anyhow::Result<Vec<PathBuf>> {
    let previous_path = Path::new(&audit.session.meta.previous);
    let has_previous = !previous_path.as_os_str().is_empty();
    let previous_audit = has_previous
        .then(|| Opened::previous(previous_path, audit.catalog, lang))
        .transpose()?
        .map(|(audit, _note)| audit);
    let formats: Vec<Format> = reports::DEFAULT_FORMATS
        .into_iter()
        .chain([Format::Json])
        .collect();
    let outputs: Vec<PathBuf> = formats
        .iter()
        .map(|format| session_path.with_extension(format.extension()))
        .collect();
    let mut inputs = vec![Input::Session(session_path)];
    if has_previous {
        inputs.push(Input::Previous(previous_path));
    }
    inputs.extend(facts.iter().map(|path| Input::Facts(path)));
    check_outputs(&outputs, &inputs)?;
    // The machines' facts shown during the meeting belong in its report too; `facts` are their
    // files, which no report may replace.
    let mut report = reports::build_with_facts(
        audit,
        previous_audit.as_ref(),
        evidence,
        lang,
        chrono::Utc::now(),
    );
    // The position among the peers when `POSTURE_BENCHMARK_URL` names a server. Whatever goes
    // wrong is said in the report only: the terminal belongs to the audit's screen.
    if let Some(server) = benchmark {
        let fetched = match server {
            Ok(server) => server.fetch(&report, lang),
            Err(reason) => reports::benchmark::Fetched::Unavailable(reason),
        };
        let _ = super::benchmark::attach(&mut report, fetched, lang);
    }
    for (format, path) in formats.into_iter().zip(&outputs) {
        write_atomic(path, &reports::render(&report, format)?)?;
    }
    Ok(outputs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use questionnaire::audit::Audit;

    #[test]
    fn an_output_directory_receives_reports_named_after_the_session() {
        let dir = tempfile::tempdir().unwrap();
        let session = Path::new("audits/cpts.toml");
        assert_eq!(
            destination(session, Some(dir.path()), Format::Html, true),
            dir.path().join("cpts.html")
        );
        assert_eq!(
            destination(session, Some(Path::new("sortie/")), Format::Pdf, false),
            Path::new("sortie/cpts.pdf")
        );
        assert_eq!(
            destination(session, Some(Path::new("r.md")), Format::Markdown, false),
            Path::new("r.md")
        );
    }

    #[test]
    fn each_format_is_written_once_in_the_order_asked() {
        assert_eq!(
            unique([Format::Markdown, Format::Html, Format::Markdown]),
            vec![Format::Markdown, Format::Html]
        );
        assert_eq!(
            unique([Format::Json, Format::Csv, Format::Json, Format::Csv]),
            vec![Format::Json, Format::Csv]
        );
    }

    #[test]
    fn the_end_of_meeting_export_never_replaces_the_session() {
        use questionnaire::session::{NewSession, Session};
        let catalog = questionnaire::catalog::bundled().unwrap();
        let session = Session::new(
            &catalog,
            NewSession {
                organisation: "CPTS du Val".into(),
                profile: "express".into(),
                ..NewSession::default()
            },
            chrono::Utc::now(),
        )
        .unwrap();
        let audit = Audit {
            catalog: &catalog,
            session,
        };
        let dir = tempfile::tempdir().unwrap();
        // A session named .json: the export's JSON would be the session itself.
        let path = dir.path().join("cpts.json");
        std::fs::write(&path, "the session").unwrap();
        let error = export_from_audit(&audit, None, &path, &[], Lang::Fr).unwrap_err();
        let error = error.downcast_ref::<Error>().unwrap().render(Lang::Fr);
        assert!(
            error.contains("remplacerait le fichier de session"),
            "{error}"
        );
        assert_eq!(std::fs::read(&path).unwrap(), b"the session");
        assert!(!dir.path().join("cpts.html").exists(), "nothing written");
        // Named .toml, it writes the three files beside it.
        let path = dir.path().join("cpts.toml");
        std::fs::write(&path, "the session").unwrap();
        let written = export_from_audit(&audit, None, &path, &[], Lang::Fr).unwrap();
        assert_eq!(written.len(), 3);
        assert_eq!(std::fs::read(&path).unwrap(), b"the session");
    }

    #[test]
    fn the_end_of_meeting_export_carries_the_machines_facts() {
        use questionnaire::session::{NewSession, Session};
        let catalog = questionnaire::catalog::bundled().unwrap();
        let now = chrono::Utc::now();
        let mut session = Session::new(
            &catalog,
            NewSession {
                organisation: "CPTS du Val".into(),
                profile: "express".into(),
                ..NewSession::default()
            },
            now,
        )
        .unwrap();
        session.set_answer("PAT-01", "8-jours-verifie", None, now);
        session.set_answer("BAK-01", "copie-hors-d-atteinte", None, now);
        let audit = Audit {
            catalog: &catalog,
            session,
        };
        let dir = tempfile::tempdir().unwrap();
        let facts = dir.path().join("srv.json");
        std::fs::write(
            &facts,
            r#"{"agent_version":"0.1.0","host":"cabinet-srv","collected_at":"2026-11-23T10:00:00+00:00",
                "root":true,"container":false,"facts":[
                {"key":"patch.security_pending_days","value":40,"status":"fail",
                 "source":"/var/lib/dpkg/status","detail":"au moins 40 jours"},
                {"key":"backup.tools","value":[],"status":"warn","source":"/usr/bin",
                 "detail":"aucun outil de sauvegarde connu"}]}"#,
        )
        .unwrap();
        let path = dir.path().join("cpts.toml");
        std::fs::write(&path, "the session").unwrap();
        let evidence = Evidence::load(std::slice::from_ref(&facts)).unwrap();
        export_from_audit(
            &audit,
            Some(&evidence),
            &path,
            std::slice::from_ref(&facts),
            Lang::Fr,
        )
        .unwrap();
        let json: serde_json::Value =
            serde_json::from_slice(&std::fs::read(path.with_extension("json")).unwrap()).unwrap();
        let rows = json["discrepancies"].as_array().unwrap();
        assert!(
            rows.iter().any(|row| row["control"] == "PAT-01"
                && row["host"] == "cabinet-srv"
                && row["fact"] == "patch.security_pending_days"
                && row["effective"] == 1
                && row["why"]
                    .as_str()
                    .is_some_and(|why| why.contains("plus de 30 jours"))),
            "{rows:?}"
        );
        // A verify rule (no backup tool, BAK-01 at level 3): a point to verify, not a cap.
        let points = json["points_to_verify"].as_array().unwrap();
        assert_eq!(points.len(), 1, "{points:?}");
        assert_eq!(
            (
                &points[0]["control"],
                &points[0]["fact"],
                &points[0]["declared"]
            ),
            (
                &serde_json::json!("BAK-01"),
                &serde_json::json!("backup.tools"),
                &serde_json::json!(3)
            ),
            "{points:?}"
        );
        assert!(
            !rows.iter().any(|row| row["control"] == "BAK-01"),
            "{rows:?}"
        );
        let html = std::fs::read_to_string(path.with_extension("html")).unwrap();
        assert!(html.contains("Constats sur les machines"));
        assert!(html.contains("Points à vérifier</h3>"), "{html}");
        assert!(
            html.contains("Aucun logiciel de sauvegarde connu"),
            "{html}"
        );
    }

    #[test]
    fn the_end_of_meeting_export_says_why_the_peers_are_missing() {
        use questionnaire::session::{NewSession, Session};
        let catalog = questionnaire::catalog::bundled().unwrap();
        let session = Session::new(
            &catalog,
            NewSession {
                organisation: "CPTS du Val".into(),
                profile: "express".into(),
                sector: "CPTS".into(),
                headcount: "10-49".into(),
                ..NewSession::default()
            },
            chrono::Utc::now(),
        )
        .unwrap();
        let audit = Audit {
            catalog: &catalog,
            session,
        };
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cpts.toml");
        std::fs::write(&path, "the session").unwrap();
        let json = |path: &Path| -> serde_json::Value {
            serde_json::from_slice(&std::fs::read(path.with_extension("json")).unwrap()).unwrap()
        };
        // No server configured: no section.
        export_with(&audit, None, &path, &[], None, Lang::Fr).unwrap();
        assert!(json(&path).get("benchmark").is_none());
        // A configuration that cannot be used: said in the report, the export done.
        let unusable = Some(Err("il manque le jeton".to_owned()));
        let written = export_with(&audit, None, &path, &[], unusable, Lang::Fr).unwrap();
        assert_eq!(written.len(), 3);
        let benchmark = &json(&path)["benchmark"];
        assert_eq!(benchmark["status"], "unavailable");
        assert_eq!(benchmark["reason"], "il manque le jeton");
        // A server nobody answers on: unreachable, said, the export done.
        let token = dir.path().join("jeton");
        std::fs::write(&token, "pst_x\n").unwrap();
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|listener| listener.local_addr())
            .unwrap()
            .port();
        let url = format!("http://127.0.0.1:{port}");
        let server = Server::new(&url, Some(&token), None).unwrap();
        export_with(&audit, None, &path, &[], Some(Ok(server)), Lang::Fr).unwrap();
        let benchmark = &json(&path)["benchmark"];
        assert_eq!(benchmark["status"], "unavailable");
        assert!(
            benchmark["reason"]
                .as_str()
                .is_some_and(|reason| reason.contains("injoignable")),
            "{benchmark}"
        );
        let html = std::fs::read_to_string(path.with_extension("html")).unwrap();
        assert!(html.contains("Votre position parmi vos pairs"));
    }

    #[test]
    fn an_output_may_not_replace_an_input() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("s.json");
        std::fs::write(&session, "x").unwrap();
        let outputs = [session.clone()];
        assert!(check_outputs(&outputs, &[Input::Session(&session)]).is_err());
        // The same file named another way.
        let other = dir.path().join(".").join("s.json");
        assert!(check_outputs(&[other], &[Input::Session(&session)]).is_err());
        let fine = [dir.path().join("s.html")];
        assert!(check_outputs(&fine, &[Input::Session(&session)]).is_ok());
        let missing = [dir.path().join("nowhere").join("r.md")];
        let error = check_outputs(&missing, &[Input::Session(&session)]).unwrap_err();
        assert!(error.render(Lang::Fr).contains("n'existe pas"));
        assert!(!error.render(Lang::Fr).contains("does not"));
        assert!(error.render(Lang::En).contains("does not exist"));
    }

    #[test]
    fn outputs_go_next_to_the_session_or_where_asked() {
        let session = Path::new("audits/cpts.toml");
        assert_eq!(
            destination(session, None, Format::Html, true),
            Path::new("audits/cpts.html")
        );
        assert_eq!(
            destination(session, Some(Path::new("out/r.pdf")), Format::Pdf, false),
            Path::new("out/r.pdf")
        );
        assert_eq!(
            destination(session, Some(Path::new("out/r")), Format::Csv, true),
            Path::new("out/r.csv")
        );
    }
}
