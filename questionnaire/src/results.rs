//! What a scored audit says, as JSON for scripts and a table for the terminal: `posture score`.
//! (The full report, with every format, is the reports crate.)

use i18n::{Source, t};
use scoring::Assessment;
use serde_json::{Value, json};

use crate::audit::Audit;
use crate::evidence::{Discrepancy, MachineFindings, PointToVerify, reason_in};
use crate::lang::{Lang, level_name};

/// A discrepancy as JSON: the seven fields of the contract, and its reason in `lang`.
pub fn discrepancy_json(d: &Discrepancy, lang: Lang) -> Value {
    with_reason(d, &d.why, lang)
}

/// A point to verify as JSON, its reason in `lang`.
pub fn point_json(p: &PointToVerify, lang: Lang) -> Value {
    with_reason(p, &p.why, lang)
}

/// A row as serde writes it, its reason (both languages in memory) said in `lang`.
fn with_reason(row: &impl serde::Serialize, why: &scoring::facts::Reason, lang: Lang) -> Value {
    let mut value = json!(row);
    value["why"] = json!(reason_in(why, lang));
    value
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
            "created": crate::session::timestamp(&meta.created),
            "updated": crate::session::timestamp(&meta.updated),
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

/// The score as a table for the terminal, in `lang`.
pub fn score_text(
    audit: &Audit<'_>,
    assessment: &Assessment,
    findings: Option<&MachineFindings>,
    lang: Lang,
) -> String {
    score_text_in(audit, assessment, findings, &lang)
}

/// The score as a table for the terminal, its words from `messages`: a bundled [`Lang`] or an
/// [`i18n::Messages`] loaded at run time (a language is a file). The texts that exist in French and
/// English only (the catalog's domain and recommendation titles, the reasons of the findings) and
/// the numbers are written in the nearest bundled language ([`Source::nearest`]).
pub fn score_text_in(
    audit: &Audit<'_>,
    assessment: &Assessment,
    findings: Option<&MachineFindings>,
    messages: &impl Source,
) -> String {
    let mut out = String::new();
    push_heading(&mut out, audit, assessment, messages);
    push_domain_table(&mut out, audit, assessment, messages);
    push_priorities(&mut out, audit, assessment, messages);
    push_unknown(&mut out, assessment, messages);
    if let Some(findings) = findings {
        push_findings(&mut out, findings, messages);
    }
    out
}

/// Adds the organisation, profile and catalog, then the overall index.
fn push_heading(
    out: &mut String,
    audit: &Audit<'_>,
    assessment: &Assessment,
    messages: &impl Source,
) {
    let lang = messages.nearest();
    let meta = &audit.session.meta;
    let organisation = meta.organisation.as_str();
    let profile = meta.profile.as_str();
    let catalog = audit.catalog.id.as_str();
    let version = audit.catalog.version.as_str();
    out.push_str(&t!(
        messages,
        "score-heading",
        organisation = organisation,
        profile = profile,
        catalog = catalog,
        version = version
    ));
    out.push_str("\n\n");
    let overall = match (assessment.overall.score, assessment.overall.level) {
        (Some(score), Some(level)) => {
            let score = lang.score(score);
            let name = i18n::lang::level_name_in(messages, level);
            t!(
                messages,
                "score-overall",
                score = score,
                level = level,
                name = name
            )
        }
        _ => t!(messages, "score-overall-none"),
    };
    out.push_str(&overall);
    out.push_str("\n\n");
}

/// Adds the table of domains (score, level, answers) and which critical controls cap them.
fn push_domain_table(
    out: &mut String,
    audit: &Audit<'_>,
    assessment: &Assessment,
    messages: &impl Source,
) {
    let lang = messages.nearest();
    let catalog = audit.catalog;
    let (domain, score, level, answers) = (
        t!(messages, "column-domain"),
        t!(messages, "column-score"),
        t!(messages, "column-level"),
        t!(messages, "column-answers"),
    );
    let width = catalog
        .domains
        .iter()
        .map(|d| d.title.get(lang).chars().count())
        .max()
        .unwrap_or(10)
        .max(8)
        .max(domain.chars().count());
    let score_width = score.chars().count().max(6);
    let level_width = level.chars().count().max(7);
    out.push_str(&format!(
        "{domain:<width$}  {score:>score_width$}  {level:<level_width$} {answers}\n"
    ));
    let none = t!(messages, "score-level-none");
    for domain in &assessment.domains {
        let title = catalog
            .domain(&domain.id)
            .map_or(domain.id.as_str(), |d| d.title.get(lang));
        let (score, level) = match (domain.score, domain.level) {
            (Some(score), Some(level)) => (
                lang.score(score),
                format!("{level}{}", if domain.capped { " (*)" } else { "" }),
            ),
            _ => ("—".to_owned(), none.clone()),
        };
        out.push_str(&format!(
            "{title:<width$}  {score:>score_width$}  {level:<level_width$} {}/{}\n",
            domain.answered, domain.total
        ));
    }
    let capped: Vec<&str> = assessment
        .domains
        .iter()
        .flat_map(|d| d.capped_by.iter().map(String::as_str))
        .collect();
    if !capped.is_empty() {
        let count = capped.len();
        let controls = capped.join(", ");
        out.push_str(&t!(
            messages,
            "score-capped",
            count = count,
            controls = controls
        ));
        out.push('\n');
    }
}

/// Adds the first six priority measures, and how many more there are.
fn push_priorities(
    out: &mut String,
    audit: &Audit<'_>,
    assessment: &Assessment,
    messages: &impl Source,
) {
    let lang = messages.nearest();
    let catalog = audit.catalog;
    if assessment.priorities.is_empty() {
        return;
    }
    out.push_str(&format!("\n{}\n", t!(messages, "score-priorities")));
    for priority in assessment.priorities.iter().take(6) {
        let title = catalog
            .control(&priority.control)
            .and_then(|c| c.recommendation.as_ref())
            .map_or("", |r| r.title.get(lang));
        let control = priority.control.as_str();
        let (level, target) = (priority.level, priority.target);
        let line = if priority.critical {
            t!(
                messages,
                "score-priority-critical",
                control = control,
                title = title,
                level = level,
                target = target
            )
        } else {
            t!(
                messages,
                "score-priority",
                control = control,
                title = title,
                level = level,
                target = target
            )
        };
        out.push_str(&format!("{:>2}. {line}\n", priority.rank));
    }
    if assessment.priorities.len() > 6 {
        let count = assessment.priorities.len() - 6;
        out.push_str(&format!(
            "    {}\n",
            t!(messages, "score-more-measures", count = count)
        ));
    }
}

/// Adds the questions still to complete, if any.
fn push_unknown(out: &mut String, assessment: &Assessment, messages: &impl Source) {
    if !assessment.unknown.is_empty() {
        let count = assessment.unknown.len();
        let controls = assessment.unknown.join(", ");
        out.push_str(&format!(
            "\n{}\n",
            t!(
                messages,
                "score-to-complete",
                count = count,
                controls = controls
            )
        ));
    }
}

/// Adds the machine findings that contradict the answers, then the points to verify.
fn push_findings(out: &mut String, findings: &MachineFindings, messages: &impl Source) {
    let lang = messages.nearest();
    let count = findings.discrepancies.len();
    out.push_str(&format!(
        "\n{}\n",
        t!(messages, "score-discrepancies", count = count)
    ));
    for d in &findings.discrepancies {
        let (control, fact, host, source) = (
            d.control.as_str(),
            d.fact.as_str(),
            d.host.as_str(),
            d.source.as_str(),
        );
        let (declared, effective) = (d.declared, d.effective);
        let value = fact_value(&d.value);
        let line = t!(
            messages,
            "score-discrepancy",
            control = control,
            declared = declared,
            effective = effective,
            fact = fact,
            value = value,
            host = host,
            source = source
        );
        out.push_str(&format!("  {line}\n      {}\n", reason_in(&d.why, lang)));
    }
    let count = findings.points_to_verify.len();
    out.push_str(&format!(
        "\n{}\n",
        t!(messages, "score-points", count = count)
    ));
    for p in &findings.points_to_verify {
        let (control, fact, host, source) = (
            p.control.as_str(),
            p.fact.as_str(),
            p.host.as_str(),
            p.source.as_str(),
        );
        let declared = p.declared;
        let value = fact_value(&p.value);
        let line = t!(
            messages,
            "score-point",
            control = control,
            declared = declared,
            fact = fact,
            value = value,
            host = host,
            source = source
        );
        out.push_str(&format!("  {line}\n      {}\n", reason_in(&p.why, lang)));
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

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};
    use scoring::facts::{Reason, Value};

    use super::*;
    use crate::catalog;
    use crate::session::{NewSession, Session};

    /// A session of the bundled catalog with a few answers: an overall index, capped domains,
    /// more than six priorities and questions still to complete; and one finding of each kind.
    fn scored(catalog: &catalog::Catalog) -> (Audit<'_>, Assessment, MachineFindings) {
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 14, 0, 0).unwrap();
        let mut session = Session::new(
            catalog,
            NewSession {
                organisation: "CPTS Exemple".into(),
                profile: "express".into(),
                ..NewSession::default()
            },
            now,
        )
        .unwrap();
        for (control, choice) in [
            ("GOV-00", "non"),
            ("PAT-01", "8-jours"),
            ("BAK-01", "copie-hors-d-atteinte"),
        ] {
            session.set_answer(control, choice, None, now);
        }
        let audit = Audit { catalog, session };
        let assessment = audit.assess();
        let why = Reason {
            fr: "raison".into(),
            en: "reason".into(),
        };
        let findings = MachineFindings {
            discrepancies: vec![Discrepancy {
                control: "PAT-01".into(),
                declared: 3,
                effective: 1,
                fact: "patch.pending_security_days".into(),
                value: Value::Number(40.0),
                host: "srv".into(),
                source: "apt".into(),
                why: why.clone(),
            }],
            points_to_verify: vec![PointToVerify {
                control: "BAK-01".into(),
                declared: 3,
                fact: "backup.offline".into(),
                value: Value::Bool(false),
                host: "srv".into(),
                source: "nas".into(),
                why,
            }],
        };
        (audit, assessment, findings)
    }

    #[test]
    fn the_score_table_speaks_a_language_that_is_only_a_file() {
        let catalog = catalog::bundled().unwrap();
        let (audit, assessment, findings) = scored(&catalog);
        assert!(assessment.priorities.len() > 6 && !assessment.unknown.is_empty());
        assert!(assessment.domains.iter().any(|d| d.capped));
        let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../i18n/tests/data");
        let german = i18n::Messages::from_dir(&data, "de").unwrap();
        let text = score_text_in(&audit, &assessment, Some(&findings), &german);
        for label in [
            "CPTS Exemple — Profil express — Katalog posture-sante",
            "Gesamtindex: ",
            "/ 100 — Stufe ",
            "Bereich",
            "Punkte",
            "Antworten",
            "entf.",
            "(*) Stufe auf 1 begrenzt durch unzureichende kritische Maßnahmen: ",
            "Vorrangige Maßnahmen",
            ") — kritisch",
            "weitere Maßnahmen (--format json für die vollständige Liste)",
            "Zu vervollständigende Fragen (weiß nicht, oder unbeantwortet): ",
            "Befunde auf den Rechnern, die den Antworten widersprechen (1)",
            "PAT-01 Stufe 3 → 1: patch.pending_security_days = 40 (srv, apt)",
            "Zu prüfende Punkte",
            "BAK-01 Stufe 3: backup.offline = false (srv, nas)",
        ] {
            assert!(text.contains(label), "{label:?} not in:\n{text}");
        }
        // The level names are messages too.
        assert!(
            ["nicht vorhanden", "anfänglich", "teilweise"]
                .iter()
                .any(|name| text.contains(&format!("({name})"))),
            "{text}"
        );
        // No label of the bundled languages leaks; the catalog's own texts (domain and measure
        // titles, which are French and English only) are in the nearest bundled one, French.
        for lang in i18n::LANGUAGES {
            let none = t!(lang, "score-level-none");
            for id in [
                "column-domain",
                "column-level",
                "column-answers",
                "score-priorities",
                "score-overall-none",
            ] {
                let label = i18n::messages(lang).get(id);
                assert!(
                    !text.contains(&label),
                    "{lang:?} {id} {label:?} in:\n{text}"
                );
            }
            assert!(!text.contains(&format!(" {none} ")), "{text}");
        }
        for leak in [
            "Indice global",
            "profil ",
            "catalogue",
            "niveau",
            "plafonné",
            "critique",
            "autres mesures",
            "Questions à compléter",
            "Constats",
            "Points à vérifier",
            "inexistant",
            "Overall index",
            "profile",
            "catalog ",
            "level",
            "capped",
            "critical",
            "more measures",
            "to complete",
            "findings",
            "Points to verify",
            "none",
        ] {
            assert!(!text.contains(leak), "{leak:?} in:\n{text}");
        }
        assert!(
            text.contains("Sauvegardes et continuité d'activité"),
            "{text}"
        );
        assert!(!text.contains(['{', '}']), "{text}");
        // The bundled languages go the same way.
        assert_eq!(
            score_text(&audit, &assessment, Some(&findings), Lang::Fr),
            score_text_in(&audit, &assessment, Some(&findings), &Lang::Fr)
        );
    }

    #[test]
    fn counts_choose_the_wording() {
        let catalog = catalog::bundled().unwrap();
        let (audit, mut assessment, _) = scored(&catalog);
        assessment.priorities.truncate(7);
        assessment.unknown.truncate(1);
        let french = score_text(&audit, &assessment, None, Lang::Fr);
        assert!(
            french.contains("    1 autre mesure (--format json"),
            "{french}"
        );
        assert!(french.contains("\nQuestion à compléter ("), "{french}");
        let english = score_text(&audit, &assessment, None, Lang::En);
        assert!(
            english.contains("    1 more measure (--format json"),
            "{english}"
        );
        assert!(english.contains("\nQuestion to complete ("), "{english}");
    }
}
