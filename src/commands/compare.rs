//! `posture compare OLD NEW`: the progress between two assessments, in the terminal.

use std::path::Path;
use std::process::ExitCode;

use questionnaire::Lang;

use super::Opened;
use crate::cli::{CompareArgs, ScoreFormat};

/// A score as the reports write it.
fn score(value: Option<f64>, lang: Lang) -> String {
    reports::text::score(value, lang == Lang::Fr)
}

/// A score change as the reports write it.
fn signed(value: Option<f64>, lang: Lang) -> String {
    reports::text::signed(value, lang == Lang::Fr)
}

/// Prints the comparison.
pub fn run(catalog: Option<&Path>, args: CompareArgs, lang: Lang) -> anyhow::Result<ExitCode> {
    let new = Opened::read_in(&args.new, catalog, lang)?;
    let new_audit = new.audit()?;
    let old_audit = super::previous(&args.old, &new.catalog, &new_audit, &args.new, lang)?;
    let report = reports::build(&new_audit, Some(&old_audit), lang, chrono::Utc::now());
    let Some(comparison) = report.comparison else {
        return Ok(ExitCode::SUCCESS);
    };
    if let ScoreFormat::Json = args.format {
        super::emit(&format!("{}\n", serde_json::to_string_pretty(&comparison)?))?;
        return Ok(ExitCode::SUCCESS);
    }
    let pick = |fr, en| lang.pick(fr, en);
    let mut out = format!(
        "{} — {} {} → {}\n\n",
        report.cover.organisation,
        pick("évaluations du", "assessments of"),
        comparison.previous_date,
        report.cover.date
    );
    out.push_str(&format!(
        "{}{} {} → {} ({})\n\n",
        pick("Indice global", "Overall index"),
        lang.colon(),
        score(comparison.overall.before, lang),
        score(comparison.overall.after, lang),
        signed(comparison.overall.delta, lang)
    ));
    let width = comparison
        .domains
        .iter()
        .map(|d| d.title.chars().count())
        .max()
        .unwrap_or(10);
    out.push_str(&format!(
        "{:<width$}  {:>6}  {:>6}  {:>6}\n",
        pick("Domaine", "Domain"),
        pick("Avant", "Before"),
        pick("Après", "After"),
        pick("Écart", "Change")
    ));
    for domain in &comparison.domains {
        out.push_str(&format!(
            "{:<width$}  {:>6}  {:>6}  {:>6}\n",
            domain.title,
            score(domain.before, lang),
            score(domain.after, lang),
            signed(domain.delta, lang)
        ));
    }
    for (title, changes) in [
        (
            pick("Contrôles en progrès", "Controls improved"),
            &comparison.improved,
        ),
        (
            pick("Contrôles en recul", "Controls regressed"),
            &comparison.regressed,
        ),
    ] {
        out.push_str(&format!("\n{title} ({})\n", changes.len()));
        for change in changes {
            out.push_str(&format!(
                "  {} {} → {}  {}\n",
                change.control, change.before, change.after, change.question
            ));
        }
    }
    for (title, measures) in [
        (
            pick("Mesures réalisées", "Measures done"),
            &comparison.measures_done,
        ),
        (
            pick("Mesures encore ouvertes", "Measures still open"),
            &comparison.still_open,
        ),
    ] {
        out.push_str(&format!("\n{title} ({})\n", measures.len()));
        for measure in measures {
            out.push_str(&format!("  {} {}\n", measure.control, measure.title));
        }
    }
    super::emit(&out)?;
    Ok(ExitCode::SUCCESS)
}
