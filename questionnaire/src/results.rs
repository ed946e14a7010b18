//! What a scored audit says, as JSON for scripts and a table for the terminal: `posture score`.
//! (The full report, with every format, is the reports crate.)

use scoring::Assessment;
use serde_json::{Value, json};

use crate::audit::Audit;
use crate::evidence::{Discrepancy, MachineFindings, PointToVerify, reason_in};
use crate::lang::{Lang, level_name};

/// A discrepancy as JSON: the seven fields of the contract, and its reason in `lang`.
pub fn discrepancy_json(d: &Discrepancy, lang: Lang) -> Value {
    json!({
        "control": d.control,
        "declared": d.declared,
        "effective": d.effective,
        "fact": d.fact,
        "value": d.value,
        "host": d.host,
        "source": d.source,
        "why": reason_in(&d.why, lang),
    })
}

/// A point to verify as JSON, its reason in `lang`.
pub fn point_json(p: &PointToVerify, lang: Lang) -> Value {
    json!({
        "control": p.control,
        "declared": p.declared,
        "fact": p.fact,
        "value": p.value,
        "host": p.host,
        "source": p.source,
        "why": reason_in(&p.why, lang),
    })
}

/// The score as JSON: the fields of the contract, and titles in `lang`.
/// `findings` is `Some` when facts were given (`--facts`): the JSON then has a
/// `discrepancies` array (answers the facts prove false, the score lowered) and a
/// `points_to_verify` array (answers they question, the score untouched); without facts the
/// output is unchanged.
pub fn score_json(
    audit: &Audit<'_>,
    assessment: &Assessment,
    findings: Option<&MachineFindings>,
    lang: Lang,
) -> Value {
    let catalog = audit.catalog;
    let meta = &audit.session.meta;
    let mut value = json!({
        "session": {
            "organisation": meta.organisation,
            "profile": meta.profile,
            "auditor": meta.auditor,
            "participants": meta.participants,
            "created": meta.created,
            "updated": meta.updated,
            "catalog": { "id": catalog.id, "version": catalog.version, "hash": catalog.hash },
        },
        "lang": lang.code(),
        "overall": {
            "score": assessment.overall.score,
            "level": assessment.overall.level,
            "level_name": assessment.overall.level.map(|l| level_name(l).get(lang).to_owned()),
            "capped": assessment.overall.capped,
        },
        "domains": assessment.domains.iter().map(|domain| json!({
            "id": domain.id,
            "title": catalog.domain(&domain.id).map(|d| d.title.get(lang)),
            "weight": domain.weight,
            "applicable": domain.applicable,
            "score": domain.score,
            "level": domain.level,
            "level_name": domain.level.map(|l| level_name(l).get(lang).to_owned()),
            "answered": domain.answered,
            "total": domain.total,
            "not_applicable": domain.not_applicable,
            "capped": domain.capped,
            "capped_by": domain.capped_by,
        })).collect::<Vec<_>>(),
        "priorities": assessment.priorities.iter().map(|priority| {
            let control = catalog.control(&priority.control);
            json!({
                "rank": priority.rank,
                "control": priority.control,
                "domain": priority.domain,
                "level": priority.level,
                "target": priority.target,
                "gap": priority.gap,
                "weight": priority.weight,
                "critical": priority.critical,
                "title": control.and_then(|c| c.recommendation.as_ref()).map(|r| r.title.get(lang)),
                "refs": control.map(|c| c.refs.clone()).unwrap_or_default(),
            })
        }).collect::<Vec<_>>(),
        "unknown": assessment.unknown,
        "unanswered": assessment.unanswered,
    });
    if let (Some(findings), Some(object)) = (findings, value.as_object_mut()) {
        let discrepancies: Vec<Value> = findings
            .discrepancies
            .iter()
            .map(|d| discrepancy_json(d, lang))
            .collect();
        let points: Vec<Value> = findings
            .points_to_verify
            .iter()
            .map(|p| point_json(p, lang))
            .collect();
        object.insert("discrepancies".to_owned(), json!(discrepancies));
        object.insert("points_to_verify".to_owned(), json!(points));
    }
    value
}

/// The score as a table for the terminal.
pub fn score_text(
    audit: &Audit<'_>,
    assessment: &Assessment,
    findings: Option<&MachineFindings>,
    lang: Lang,
) -> String {
    let mut out = String::new();
    push_heading(&mut out, audit, assessment, lang);
    push_domain_table(&mut out, audit, assessment, lang);
    push_priorities(&mut out, audit, assessment, lang);
    push_unknown(&mut out, assessment, lang);
    if let Some(findings) = findings {
        push_findings(&mut out, findings, lang);
    }
    out
}

/// Adds the organisation, profile and catalog, then the overall index.
fn push_heading(out: &mut String, audit: &Audit<'_>, assessment: &Assessment, lang: Lang) {
    let catalog = audit.catalog;
    let meta = &audit.session.meta;
    let pick = |fr, en| lang.pick(fr, en);
    out.push_str(&format!(
        "{} — {} {} — {} {} {}\n\n",
        meta.organisation,
        pick("profil", "profile"),
        meta.profile,
        pick("catalogue", "catalog"),
        catalog.id,
        catalog.version
    ));
    let overall = match (assessment.overall.score, assessment.overall.level) {
        (Some(score), Some(level)) => format!(
            "{} / 100 — {} {level} ({})",
            lang.score(score),
            pick("niveau", "level"),
            level_name(level).get(lang)
        ),
        _ => pick("non applicable", "not applicable").to_owned(),
    };
    out.push_str(&format!(
        "{}{} {overall}\n\n",
        pick("Indice global", "Overall index"),
        lang.colon()
    ));
}

/// Adds the table of domains (score, level, answers) and which critical controls cap them.
fn push_domain_table(out: &mut String, audit: &Audit<'_>, assessment: &Assessment, lang: Lang) {
    let catalog = audit.catalog;
    let pick = |fr, en| lang.pick(fr, en);
    let width = catalog
        .domains
        .iter()
        .map(|d| d.title.get(lang).chars().count())
        .max()
        .unwrap_or(10)
        .max(8);
    out.push_str(&format!(
        "{:<width$}  {:>6}  {:<7} {}\n",
        pick("Domaine", "Domain"),
        "Score",
        pick("Niveau", "Level"),
        pick("Réponses", "Answers"),
    ));
    for domain in &assessment.domains {
        let title = catalog
            .domain(&domain.id)
            .map_or(domain.id.as_str(), |d| d.title.get(lang));
        let (score, level) = match (domain.score, domain.level) {
            (Some(score), Some(level)) => (
                lang.score(score),
                format!("{level}{}", if domain.capped { " (*)" } else { "" }),
            ),
            _ => ("—".to_owned(), pick("n/a", "n/a").to_owned()),
        };
        out.push_str(&format!(
            "{title:<width$}  {score:>6}  {level:<7} {}/{}\n",
            domain.answered, domain.total
        ));
    }
    let capped: Vec<&str> = assessment
        .domains
        .iter()
        .flat_map(|d| d.capped_by.iter().map(String::as_str))
        .collect();
    if !capped.is_empty() {
        out.push_str(&format!(
            "(*) {} {}\n",
            pick(
                "niveau plafonné à 1 par un contrôle critique insuffisant :",
                "level capped at 1 by a failed critical control:"
            ),
            capped.join(", ")
        ));
    }
}

/// Adds the first six priority measures, and how many more there are.
fn push_priorities(out: &mut String, audit: &Audit<'_>, assessment: &Assessment, lang: Lang) {
    let catalog = audit.catalog;
    let pick = |fr, en| lang.pick(fr, en);
    if !assessment.priorities.is_empty() {
        out.push_str(&format!(
            "\n{}\n",
            pick("Mesures prioritaires", "Priority measures")
        ));
        for priority in assessment.priorities.iter().take(6) {
            let title = catalog
                .control(&priority.control)
                .and_then(|c| c.recommendation.as_ref())
                .map_or("", |r| r.title.get(lang));
            out.push_str(&format!(
                "{:>2}. [{}] {title} ({} {} → {}){}\n",
                priority.rank,
                priority.control,
                pick("niveau", "level"),
                priority.level,
                priority.target,
                if priority.critical {
                    pick(" — critique", " — critical")
                } else {
                    ""
                }
            ));
        }
        if assessment.priorities.len() > 6 {
            out.push_str(&format!(
                "    {} {}\n",
                assessment.priorities.len() - 6,
                pick(
                    "autres mesures (--format json pour la liste complète)",
                    "more measures (--format json for the full list)"
                )
            ));
        }
    }
}

/// Adds the questions still to complete, if any.
fn push_unknown(out: &mut String, assessment: &Assessment, lang: Lang) {
    let pick = |fr, en| lang.pick(fr, en);
    if !assessment.unknown.is_empty() {
        out.push_str(&format!(
            "\n{}{} {}\n",
            pick(
                "Questions à compléter (je ne sais pas, ou sans réponse)",
                "Questions to complete (don't know, or not answered)"
            ),
            lang.colon(),
            assessment.unknown.join(", ")
        ));
    }
}

/// Adds the machine findings that contradict the answers, then the points to verify.
fn push_findings(out: &mut String, findings: &MachineFindings, lang: Lang) {
    let pick = |fr, en| lang.pick(fr, en);
    let discrepancies = &findings.discrepancies;
    out.push_str(&format!(
        "\n{} ({})\n",
        pick(
            "Constats sur les machines qui contredisent les réponses",
            "Machine findings that contradict the answers"
        ),
        discrepancies.len()
    ));
    for d in discrepancies {
        out.push_str(&format!(
            "  {} {} {} → {}{} {} = {} ({}, {})\n",
            d.control,
            pick("niveau", "level"),
            d.declared,
            d.effective,
            lang.colon(),
            d.fact,
            fact_value(&d.value),
            d.host,
            d.source
        ));
        out.push_str(&format!("      {}\n", reason_in(&d.why, lang)));
    }
    let points = &findings.points_to_verify;
    out.push_str(&format!(
        "\n{} ({})\n",
        pick(
            "Points à vérifier (les constats mettent la réponse en doute sans la prouver fausse\u{202f}; le score n'en tient pas compte)",
            "Points to verify (the facts question the answer without proving it false; the score does not use them)"
        ),
        points.len()
    ));
    for p in points {
        out.push_str(&format!(
            "  {} {} {}{} {} = {} ({}, {})\n      {}\n",
            p.control,
            pick("niveau", "level"),
            p.declared,
            lang.colon(),
            p.fact,
            fact_value(&p.value),
            p.host,
            p.source,
            reason_in(&p.why, lang),
        ));
    }
}

/// A fact's value as one line of text.
pub fn fact_value(value: &scoring::facts::Value) -> String {
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
