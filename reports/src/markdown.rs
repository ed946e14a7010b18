//! The report as Markdown, for a wiki page or a ticket.

use std::fmt::Write as _;

use crate::model::Report;
use crate::text::{self, quoted, score, signed};
use questionnaire::Lang;

/// Text from the session, the catalog or a machine, made inert: HTML's `<`, `>` and `&` as
/// entities (a `<script>` in a note stays text in a wiki), the characters Markdown gives a
/// meaning to inline escaped with a backslash, and line breaks as spaces, so that it can go in a
/// table cell, a heading or a list item without changing them.
fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '{' | '}' | '#' | '|' | '~' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '\r' => {}
            '\n' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A fact key or a file name, as code in a table cell (`|` escaped, as tables need even there).
fn code(text: &str) -> String {
    if text.contains('`') || text.is_empty() {
        return inline(text);
    }
    format!("`{}`", text.replace(['\n', '\r'], " ").replace('|', "\\|"))
}

/// The report as Markdown.
pub fn render(report: &Report) -> String {
    let fr = report.lang == Lang::Fr;
    let t = |a: &'static str, b: &'static str| if fr { a } else { b };
    let colon = text::colon(fr, "\u{a0}");
    let cover = &report.cover;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {} — {}\n",
        t("Audit de sécurité", "Security audit"),
        inline(&cover.organisation)
    );
    let mut facts = vec![
        (t("Date", "Date"), cover.date.clone()),
        (t("Auditeur", "Auditor"), inline(&cover.auditor)),
        (
            t("Participants", "Participants"),
            inline(&cover.participants.join(", ")),
        ),
        (t("Secteur", "Sector"), inline(&cover.sector)),
        (t("Effectif", "Headcount"), inline(&cover.headcount)),
        (t("Profil", "Profile"), inline(&cover.profile_title)),
        (
            t("Durée de la réunion", "Meeting duration"),
            text::duration(cover, fr),
        ),
        (
            t("Catalogue", "Catalog"),
            inline(&format!("{} {}", cover.catalog_id, cover.catalog_version)),
        ),
    ];
    facts.retain(|(_, value)| !value.trim().is_empty());
    for (label, value) in facts {
        let _ = writeln!(out, "- **{label}**{colon} {value}");
    }

    let _ = writeln!(out, "\n## {}\n", t("Synthèse", "Summary"));
    let overall = &report.overall;
    let _ = writeln!(
        out,
        "{}{colon} **{} / 100** — {} {} ({})\n",
        t("Indice global", "Overall index"),
        score(overall.score, fr),
        t("niveau", "level"),
        overall
            .level
            .map(|l| l.to_string())
            .unwrap_or_else(|| "—".into()),
        overall.level_name.clone().unwrap_or_default()
    );
    let _ = writeln!(
        out,
        "| {} | Score | {} | {} |\n|---|---:|---|---|",
        t("Domaine", "Domain"),
        t("Niveau", "Level"),
        t("Plafonné", "Capped")
    );
    for domain in &report.domains {
        let level = match (domain.level, &domain.level_name) {
            (Some(level), Some(name)) => format!("{level} ({name})"),
            _ => t("non applicable", "not applicable").to_owned(),
        };
        let capped = if domain.capped {
            format!("{} ({})", t("oui", "yes"), domain.capped_by.join(", "))
        } else {
            t("non", "no").to_owned()
        };
        let _ = writeln!(
            out,
            "| {} | {} | {level} | {capped} |",
            inline(&domain.title),
            score(domain.score, fr)
        );
    }

    let _ = writeln!(
        out,
        "\n## {}\n",
        t("Les six mesures prioritaires", "The six priority measures")
    );
    for measure in report.measures.iter().filter(|m| m.priority) {
        let _ = writeln!(out, "### {}. {}\n", measure.rank, inline(&measure.title));
        let _ = writeln!(
            out,
            "**{}{colon}** {}\n",
            t("Pourquoi", "Why"),
            inline(&measure.why)
        );
        let _ = writeln!(
            out,
            "**{}{colon}** {}\n",
            t("Comment", "How"),
            inline(&measure.how)
        );
        let _ = writeln!(
            out,
            "*{} {} — {} {} ({} {} → {}){}*\n",
            t("Contrôle", "Control"),
            inline(&measure.control),
            t("réponse", "answer"),
            quoted(&inline(&measure.answer), fr, "\u{a0}"),
            t("niveau", "level"),
            measure.level,
            measure.target,
            if measure.critical {
                t(", critique", ", critical")
            } else {
                ""
            }
        );
        if !measure.machines_note.is_empty() {
            let _ = writeln!(
                out,
                "**{}{colon}** {}\n",
                t("Sur les machines", "On the machines"),
                inline(&measure.machines_note)
            );
        }
        let refs: Vec<&str> = measure.refs.iter().map(|r| r.label.as_str()).collect();
        let _ = writeln!(
            out,
            "{}{colon} {}\n",
            t("Sources", "Sources"),
            inline(&refs.join(", "))
        );
    }
    let others: Vec<_> = report.measures.iter().filter(|m| !m.priority).collect();
    if !others.is_empty() {
        let _ = writeln!(out, "## {}\n", t("Plan d'action", "Action plan"));
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |\n|---:|---|---|---|---:|",
            t("Priorité", "Priority"),
            t("Mesure", "Measure"),
            t("Contrôle", "Control"),
            t("Domaine", "Domain"),
            t("Niveau cible", "Target level")
        );
        for measure in others {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                measure.rank,
                inline(&measure.title),
                inline(&measure.control),
                inline(&measure.domain_title),
                measure.target
            );
        }
        out.push('\n');
    }

    let _ = writeln!(
        out,
        "## {}\n",
        t("Réponses par domaine", "Answers by domain")
    );
    for domain in &report.answers {
        let _ = writeln!(out, "### {}\n", inline(&domain.title));
        let _ = writeln!(
            out,
            "| {} | Question | {} | {} | Note |\n|---|---|---|---:|---|",
            t("Contrôle", "Control"),
            t("Réponse", "Answer"),
            t("Niveau", "Level")
        );
        for row in &domain.answers {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                inline(&row.control),
                inline(&row.question),
                inline(&row.answer),
                text::level(row.level, row.effective_level),
                inline(&row.note)
            );
        }
        out.push('\n');
    }
    if !report.to_check.is_empty() {
        let _ = writeln!(
            out,
            "## {}\n",
            t("Questions à compléter", "Questions to complete")
        );
        for row in &report.to_check {
            let _ = writeln!(
                out,
                "- **{}** — {} *({})*",
                inline(&row.control),
                inline(&row.question),
                inline(&row.answer)
            );
        }
        out.push('\n');
    }

    if let Some(comparison) = &report.comparison {
        let _ = writeln!(
            out,
            "## {} ({})\n",
            t(
                "Évolution depuis l'évaluation précédente",
                "Progress since the previous assessment"
            ),
            comparison.previous_date
        );
        let _ = writeln!(
            out,
            "{}{colon} {} → {} ({})\n",
            t("Indice global", "Overall index"),
            score(comparison.overall.before, fr),
            score(comparison.overall.after, fr),
            signed(comparison.overall.delta, fr)
        );
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |\n|---|---:|---:|---:|",
            t("Domaine", "Domain"),
            t("Avant", "Before"),
            t("Après", "After"),
            t("Écart", "Change")
        );
        for domain in &comparison.domains {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                inline(&domain.title),
                score(domain.before, fr),
                score(domain.after, fr),
                signed(domain.delta, fr)
            );
        }
        for (title, changes) in [
            (
                t("Contrôles en progrès", "Controls improved"),
                &comparison.improved,
            ),
            (
                t("Contrôles en recul", "Controls regressed"),
                &comparison.regressed,
            ),
        ] {
            let _ = writeln!(
                out,
                "\n**{title}**{colon} {}",
                if changes.is_empty() {
                    t("aucun", "none")
                } else {
                    ""
                }
            );
            for change in changes {
                let _ = writeln!(
                    out,
                    "- {} ({} → {}) — {}",
                    inline(&change.control),
                    change.before,
                    change.after,
                    inline(&change.question)
                );
            }
        }
        for (title, measures) in [
            (
                t("Mesures réalisées depuis", "Measures done since"),
                &comparison.measures_done,
            ),
            (
                t("Mesures encore ouvertes", "Measures still open"),
                &comparison.still_open,
            ),
        ] {
            let _ = writeln!(
                out,
                "\n**{title}**{colon} {}",
                if measures.is_empty() {
                    t("aucune", "none")
                } else {
                    ""
                }
            );
            for measure in measures {
                let _ = writeln!(
                    out,
                    "- {} — {}",
                    inline(&measure.control),
                    inline(&measure.title)
                );
            }
        }
        out.push('\n');
    }

    if !report.machines.is_empty() {
        let _ = writeln!(
            out,
            "## {}\n",
            t("Constats sur les machines", "Machine findings")
        );
        if report.discrepancies.is_empty() {
            let _ = writeln!(
                out,
                "{}\n",
                t(
                    "Aucune réponse n'est contredite par les machines.",
                    "No answer is contradicted by the machines."
                )
            );
        } else {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} |\n|---|---|---:|---:|---|---|",
                t("Contrôle", "Control"),
                t("Réponse", "Answer"),
                t("Déclaré", "Declared"),
                t("Retenu", "Kept"),
                t("Machine", "Host"),
                t("Constat", "Fact")
            );
            for d in &report.discrepancies {
                let _ = writeln!(
                    out,
                    "| {} | {} | {} | {} | {} | {} = {} ({}) |",
                    inline(&d.control),
                    inline(&d.answer),
                    d.declared,
                    d.effective,
                    inline(&d.host),
                    code(&d.fact),
                    inline(&d.value_text),
                    code(&d.source)
                );
            }
            out.push('\n');
            for d in &report.discrepancies {
                let _ = writeln!(
                    out,
                    "- {} ({}){} {}",
                    inline(&d.control),
                    inline(&d.host),
                    colon,
                    inline(&d.why)
                );
            }
            out.push('\n');
        }
        let _ = writeln!(
            out,
            "### {}\n\n{}\n",
            t("Points à vérifier", "Points to verify"),
            t(
                "Ces constats mettent une réponse en doute sans la prouver fausse (une seule machine, ou un port ouvert sur le réseau local et non sur Internet)\u{a0}: vérifiez-les avec la structure. Le score garde la réponse donnée.",
                "These facts question an answer without proving it false (one machine only, or a port open on the local network rather than the Internet): check them with the organisation. The score keeps the answer given."
            )
        );
        if report.points_to_verify.is_empty() {
            let _ = writeln!(
                out,
                "{}\n",
                t(
                    "Aucun constat ne met une réponse en doute.",
                    "No fact questions an answer."
                )
            );
        } else {
            for p in &report.points_to_verify {
                let _ = writeln!(
                    out,
                    "- **{}** {} — {}{} {} ({} {}) — {}{} {} = {} ({}) — {}",
                    inline(&p.control),
                    inline(&p.question),
                    t("réponse", "answer"),
                    colon,
                    inline(&p.answer),
                    t("niveau", "level"),
                    p.declared,
                    inline(&p.host),
                    colon,
                    code(&p.fact),
                    inline(&p.value_text),
                    code(&p.source),
                    inline(&p.why)
                );
            }
            out.push('\n');
        }
        for machine in &report.machines {
            let _ = writeln!(
                out,
                "### {} ({})\n",
                inline(&machine.host),
                inline(&machine.collected_at)
            );
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |\n|---|---|---|---|",
                t("Constat", "Fact"),
                t("Valeur", "Value"),
                t("État", "Status"),
                t("Source", "Source")
            );
            for fact in &machine.facts {
                let _ = writeln!(
                    out,
                    "| {} | {} | {} | {} |",
                    code(&fact.fact.key),
                    inline(&fact.value_text),
                    fact.status_text,
                    code(&fact.fact.source)
                );
            }
            out.push('\n');
        }
    }
    let _ = writeln!(
        out,
        "## {}\n\n{}\n",
        t("Prochaine évaluation", "Next assessment"),
        report.next_assessment
    );
    let _ = writeln!(
        out,
        "## {}{colon} {}\n",
        t("Annexe", "Annex"),
        t("méthode", "method")
    );
    for paragraph in &report.method {
        let _ = writeln!(out, "{paragraph}\n");
    }
    out
}
