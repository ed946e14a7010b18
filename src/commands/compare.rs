//! `posture compare OLD NEW`: the progress between two assessments, in the terminal.

use std::path::Path;
use std::process::ExitCode;

use i18n::t;
use questionnaire::Lang;

use super::Opened;
use crate::cli::{CompareArgs, ScoreFormat};

/// A score as the reports write it.
fn score(value: Option<f64>, lang: Lang) -> String {
    reports::text::score(value, lang)
}

/// A score change as the reports write it.
fn signed(value: Option<f64>, lang: Lang) -> String {
    reports::text::signed(value, lang)
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
    let (organisation, before, after) = (
        report.cover.organisation.as_str(),
        comparison.previous_date.as_str(),
        report.cover.date.as_str(),
    );
    let mut out = t!(
        lang,
        "compare-heading",
        organisation = organisation,
        before = before,
        after = after
    );
    out.push_str("\n\n");
    let (before, after, change) = (
        score(comparison.overall.before, lang),
        score(comparison.overall.after, lang),
        signed(comparison.overall.delta, lang),
    );
    out.push_str(&t!(
        lang,
        "compare-overall",
        before = before,
        after = after,
        change = change
    ));
    out.push_str("\n\n");
    let (domain, before, after, change) = (
        t!(lang, "compare-column-domain"),
        t!(lang, "column-before"),
        t!(lang, "column-after"),
        t!(lang, "column-change"),
    );
    let width = comparison
        .domains
        .iter()
        .map(|d| d.title.chars().count())
        .max()
        .unwrap_or(10)
        .max(domain.chars().count());
    let column = [&before, &after, &change]
        .iter()
        .map(|label| label.chars().count())
        .max()
        .unwrap_or(6)
        .max(6);
    out.push_str(&format!(
        "{domain:<width$}  {before:>column$}  {after:>column$}  {change:>column$}\n"
    ));
    for domain in &comparison.domains {
        out.push_str(&format!(
            "{:<width$}  {:>column$}  {:>column$}  {:>column$}\n",
            domain.title,
            score(domain.before, lang),
            score(domain.after, lang),
            signed(domain.delta, lang)
        ));
    }
    let (improved, regressed) = (comparison.improved.len(), comparison.regressed.len());
    for (title, changes) in [
        (
            t!(lang, "compare-improved", count = improved),
            &comparison.improved,
        ),
        (
            t!(lang, "compare-regressed", count = regressed),
            &comparison.regressed,
        ),
    ] {
        out.push_str(&format!("\n{title}\n"));
        for change in changes {
            out.push_str(&format!(
                "  {} {} → {}  {}\n",
                change.control, change.before, change.after, change.question
            ));
        }
    }
    let (done, open) = (comparison.measures_done.len(), comparison.still_open.len());
    for (title, measures) in [
        (
            t!(lang, "compare-done", count = done),
            &comparison.measures_done,
        ),
        (
            t!(lang, "compare-open", count = open),
            &comparison.still_open,
        ),
    ] {
        out.push_str(&format!("\n{title}\n"));
        for measure in measures {
            out.push_str(&format!("  {} {}\n", measure.control, measure.title));
        }
    }
    super::emit(&out)?;
    Ok(ExitCode::SUCCESS)
}
