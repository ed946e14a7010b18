//! `posture report FILE [--previous OLD] [--format …] [-o OUT]`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use questionnaire::evidence::Evidence;
use questionnaire::fsutil::write_atomic;
use questionnaire::{Error, Lang, Problem, Text};
use reports::Format;

use super::Opened;
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

/// Where each format goes: `-o OUT` for one format, OUT with each format's extension for
/// several, and next to the session file otherwise.
fn destination(session: &Path, output: Option<&Path>, format: Format, several: bool) -> PathBuf {
    match output {
        Some(out) if !several => out.to_owned(),
        Some(out) => out.with_extension(format.extension()),
        None => session.with_extension(format.extension()),
    }
}

/// Writes the report.
pub fn run(catalog: Option<&Path>, args: ReportArgs, lang: Lang) -> anyhow::Result<ExitCode> {
    let opened = Opened::read(&args.file, catalog)?;
    let audit = opened.audit()?;
    let previous_audit = args
        .previous
        .as_deref()
        .map(|path| Opened::previous(path, &opened.catalog, lang))
        .transpose()?
        .map(|(audit, note)| {
            if let Some(note) = note {
                eprintln!("{note}");
            }
            audit
        });
    if let Some(previous) = &previous_audit
        && previous.session.meta.organisation != audit.session.meta.organisation
    {
        eprintln!(
            "{}",
            match lang {
                Lang::Fr => format!(
                    "attention : l'évaluation précédente concerne « {} », celle-ci « {} »",
                    previous.session.meta.organisation, audit.session.meta.organisation
                ),
                Lang::En => format!(
                    "warning: the previous assessment is of \"{}\", this one of \"{}\"",
                    previous.session.meta.organisation, audit.session.meta.organisation
                ),
            }
        );
    }
    let evidence = (!args.facts.is_empty())
        .then(|| Evidence::load(&args.facts))
        .transpose()?;
    let report = reports::build_with_facts(
        &audit,
        previous_audit.as_ref(),
        evidence.as_ref(),
        lang,
        chrono::Utc::now(),
    );
    let formats: Vec<Format> = if args.format.is_empty() {
        reports::DEFAULT_FORMATS.to_vec()
    } else {
        let mut formats: Vec<Format> = args.format.iter().copied().map(format).collect();
        formats.dedup();
        formats
    };
    let several = formats.len() > 1;
    let to_stdout = args.output.as_deref() == Some(Path::new("-"));
    if to_stdout && several {
        return Err(Error::invalid(
            Problem::new(Text::new(
                "« -o - » n'accepte qu'un seul format",
                "\"-o -\" takes a single format",
            ))
            .hint(Text::new(
                "ajoutez --format md (ou json, csv, html)",
                "add --format md (or json, csv, html)",
            )),
        )
        .into());
    }
    let mut written = Vec::new();
    for format in formats {
        let bytes = reports::render(&report, format)?;
        if to_stdout {
            use std::io::Write as _;
            let mut stdout = std::io::stdout().lock();
            match stdout.write_all(&bytes).and_then(|()| stdout.flush()) {
                Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => {}
                result => result?,
            }
            continue;
        }
        let path = destination(&args.file, args.output.as_deref(), format, several);
        write_atomic(&path, &bytes)?;
        written.push(path);
    }
    for path in written {
        super::emit(&format!(
            "{} {}\n",
            lang.pick("rapport écrit :", "report written:"),
            path.display()
        ))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The end-of-meeting export of `posture audit`: the default formats and JSON, next to the
/// session file, compared with the previous assessment when the session was started with
/// `--from`.
pub fn export_from_audit(
    audit: &questionnaire::audit::Audit<'_>,
    session_path: &Path,
    lang: Lang,
) -> anyhow::Result<Vec<PathBuf>> {
    let previous_path = &audit.session.meta.previous;
    let previous_audit = (!previous_path.is_empty())
        .then(|| Opened::previous(Path::new(previous_path), audit.catalog, lang))
        .transpose()?
        .map(|(audit, _note)| audit);
    let report = reports::build(audit, previous_audit.as_ref(), lang, chrono::Utc::now());
    let mut written = Vec::new();
    for format in reports::DEFAULT_FORMATS.into_iter().chain([Format::Json]) {
        let path = session_path.with_extension(format.extension());
        write_atomic(&path, &reports::render(&report, format)?)?;
        written.push(path);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

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
