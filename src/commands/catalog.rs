//! `posture catalog check` and `posture catalog export`.

use std::path::Path;
use std::process::ExitCode;

use questionnaire::Lang;
use questionnaire::catalog::{self, Catalog, Control};
use serde_json::{Value, json};

use crate::cli::ExportFormat;

/// Validates a catalog; problems come back as an error (exit 2). Warnings — what a catalog
/// author most often gets wrong without breaking anything: French typography, over-long
/// questions, a gap on the level scale, French equal to English — are listed after the
/// summary, each at its file:line:col, and the exit code stays 0.
pub fn check(path: Option<&Path>, lang: Lang) -> anyhow::Result<ExitCode> {
    let catalog = catalog::load_or_bundled_with(path, catalog::Lint::Warnings)?;
    let warnings = &catalog.warnings;
    let scored = catalog.controls.iter().filter(|c| !c.context).count();
    let context = catalog.controls.len() - scored;
    let profiles: Vec<String> = catalog
        .profiles
        .iter()
        .map(|profile| {
            format!(
                "{} ({})",
                profile.id,
                catalog.controls_in(&profile.id).count()
            )
        })
        .collect();
    let name = format!("{} {}", catalog.id, catalog.version);
    let domains = catalog.domains.len();
    let (controls, context, domains, profiles) = (
        i18n::t!(lang, "cli-catalog-controls", count = scored),
        i18n::t!(lang, "cli-catalog-context-questions", count = context),
        i18n::t!(lang, "cli-catalog-domains", count = domains),
        profiles.join(", "),
    );
    super::emit(&format!(
        "{}\n",
        i18n::t!(
            lang,
            "cli-catalog-valid",
            catalog = name,
            controls = controls,
            context = context,
            domains = domains,
            profiles = profiles
        )
    ))?;
    if !warnings.is_empty() {
        let count = warnings.len();
        let mut out = i18n::t!(lang, "cli-catalog-warnings", count = count);
        out.push('\n');
        for warning in warnings {
            out.push_str(&warning.render(lang));
            out.push('\n');
        }
        super::emit(&out)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Prints the catalog.
pub fn export(path: Option<&Path>, format: ExportFormat, lang: Lang) -> anyhow::Result<ExitCode> {
    let catalog = catalog::load_or_bundled(path)?;
    match format {
        ExportFormat::Json => {
            super::emit(&format!(
                "{}\n",
                serde_json::to_string_pretty(&to_json(&catalog, lang))?
            ))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The catalog as JSON, texts in `lang`.
pub fn to_json(catalog: &Catalog, lang: Lang) -> Value {
    json!({
        "id": catalog.id,
        "version": catalog.version,
        "hash": catalog.hash,
        "lang": lang.code(),
        "title": catalog.title.get(lang),
        "documents": catalog.documents,
        "profiles": catalog.profiles.iter().map(|profile| json!({
            "id": profile.id,
            "title": profile.title.get(lang),
            "all": profile.all,
            "controls": catalog.controls_in(&profile.id).count(),
        })).collect::<Vec<_>>(),
        "domains": catalog.domains.iter().map(|domain| json!({
            "id": domain.id,
            "title": domain.title.get(lang),
            "weight": domain.weight,
            "when": domain.when,
        })).collect::<Vec<_>>(),
        "controls": catalog.controls.iter().map(|control| control_json(control, lang)).collect::<Vec<_>>(),
    })
}

fn control_json(control: &Control, lang: Lang) -> Value {
    json!({
        "id": control.id,
        "domain": control.domain,
        // A context question has no weight nor target: null, not 0. It is never critical.
        "weight": (!control.context).then_some(control.weight),
        "critical": control.critical,
        "target": (!control.context).then_some(control.target),
        "context": control.context,
        "profiles": control.profiles,
        "refs": control.refs,
        "na_allowed": control.na_allowed,
        "question": control.question.get(lang),
        "help": control.help.get(lang),
        "when": control.when,
        "options": control.options.iter().map(|option| json!({
            "id": option.id,
            "level": option.level,
            "label": option.label.get(lang),
        })).collect::<Vec<_>>(),
        // The rules as written, their reason in the interface's language.
        "evidence": control.evidence.iter().map(|rule| {
            let mut value = json!(rule);
            value["reason"] = json!(lang.pick(&rule.reason.fr, &rule.reason.en));
            value
        }).collect::<Vec<_>>(),
        "recommendation": control.recommendation.as_ref().map(|r| json!({
            "title": r.title.get(lang),
            "why": r.why.get(lang),
            "how": r.how.get(lang),
        })),
    })
}
