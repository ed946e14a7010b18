//! The report as Markdown, for a wiki page or a ticket.

use std::fmt::Write as _;

use crate::model::{Comparison, Machine, Report};
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

/// The language of a report and the colon that goes with it, shared by every section.
struct Style {
    fr: bool,
    colon: String,
}

impl Style {
    /// The French or the English text, as the report's language asks.
    fn t(&self, a: &'static str, b: &'static str) -> &'static str {
        if self.fr { a } else { b }
    }
}

/// The report as Markdown.
pub fn render(report: &Report) -> String {
    let fr = report.lang == Lang::Fr;
    let style = Style {
        fr,
        colon: text::colon(fr, "\u{a0}"),
    };
    let mut out = String::new();
    render_cover(&mut out, report, &style);
    render_summary(&mut out, report, &style);
    render_priority_measures(&mut out, report, &style);
    render_action_plan(&mut out, report, &style);
    render_answers(&mut out, report, &style);
    render_to_check(&mut out, report, &style);
    if let Some(comparison) = &report.comparison {
        render_comparison(&mut out, comparison, &style);
    }
    if !report.machines.is_empty() {
        render_machine_findings(&mut out, report, &style);
    }
    render_closing(&mut out, report, &style);
    out
}

/// Renders the title and the cover's facts as a list.
fn render_cover(out: &mut String, report: &Report, style: &Style) {
    let t = |a, b| style.t(a, b);
    let colon = &style.colon;
    let cover = &report.cover;
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
            text::duration(cover, style.fr),
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
}

/// Renders the summary: the overall index and the table of domain scores.
fn render_summary(out: &mut String, report: &Report, style: &Style) {
    let t = |a, b| style.t(a, b);
    let (fr, colon) = (style.fr, &style.colon);
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
}

/// Renders the six priority measures, each with its why, how, control and sources.
fn render_priority_measures(out: &mut String, report: &Report, style: &Style) {
    let t = |a, b| style.t(a, b);
    let (fr, colon) = (style.fr, &style.colon);
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
}

/// Renders the action plan: the other measures as a table, if there are any.
fn render_action_plan(out: &mut String, report: &Report, style: &Style) {
    let t = |a, b| style.t(a, b);
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
}

/// Renders the answers, one table per domain.
fn render_answers(out: &mut String, report: &Report, style: &Style) {
    let t = |a, b| style.t(a, b);
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
}

/// Renders the questions still to complete, if there are any.
fn render_to_check(out: &mut String, report: &Report, style: &Style) {
    let t = |a, b| style.t(a, b);
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
}

/// Renders the progress since the previous assessment: scores, then controls and measures.
fn render_comparison(out: &mut String, comparison: &Comparison, style: &Style) {
    render_comparison_scores(out, comparison, style);
    render_control_changes(out, comparison, style);
    render_measure_changes(out, comparison, style);
    out.push('\n');
}

/// Renders the comparison's heading, the overall index before and after, and the domain table.
fn render_comparison_scores(out: &mut String, comparison: &Comparison, style: &Style) {
    let t = |a, b| style.t(a, b);
    let (fr, colon) = (style.fr, &style.colon);
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
}

/// Renders the lists of controls improved and regressed since the previous assessment.
fn render_control_changes(out: &mut String, comparison: &Comparison, style: &Style) {
    let t = |a, b| style.t(a, b);
    let colon = &style.colon;
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
}

/// Renders the lists of measures done and still open since the previous assessment.
fn render_measure_changes(out: &mut String, comparison: &Comparison, style: &Style) {
    let t = |a, b| style.t(a, b);
    let colon = &style.colon;
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
}

/// Renders the machine findings: discrepancies, points to verify, then each machine's facts.
fn render_machine_findings(out: &mut String, report: &Report, style: &Style) {
    let _ = writeln!(
        out,
        "## {}\n",
        style.t("Constats sur les machines", "Machine findings")
    );
    render_discrepancies(out, report, style);
    render_points_to_verify(out, report, style);
    for machine in &report.machines {
        render_machine_facts(out, machine, style);
    }
}

/// Renders the answers the machines contradict, as a table and then the reasons, or says none is.
fn render_discrepancies(out: &mut String, report: &Report, style: &Style) {
    let t = |a, b| style.t(a, b);
    let colon = &style.colon;
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
}

/// Renders the points to verify: the facts that question an answer without proving it false.
fn render_points_to_verify(out: &mut String, report: &Report, style: &Style) {
    let t = |a, b| style.t(a, b);
    let colon = &style.colon;
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
}

/// Renders one machine's heading and the table of its facts.
fn render_machine_facts(out: &mut String, machine: &Machine, style: &Style) {
    let t = |a, b| style.t(a, b);
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

/// Renders the closing sections: the next assessment and the method annex.
fn render_closing(out: &mut String, report: &Report, style: &Style) {
    let t = |a, b| style.t(a, b);
    let colon = &style.colon;
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
}
