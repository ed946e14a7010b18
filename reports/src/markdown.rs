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

/// The language of a report and the colon that goes with it, shared by every section. Every
/// word comes from the catalogs (`reports.ftl`) in `lang`.
struct Style {
    lang: Lang,
    colon: String,
}

/// The report as Markdown.
pub fn render(report: &Report) -> String {
    let lang = report.lang;
    let style = Style {
        lang,
        colon: text::colon(lang, "\u{a0}"),
    };
    let mut out = String::new();
    render_cover(&mut out, report, &style);
    render_summary(&mut out, report, &style);
    if let Some(benchmark) = &report.benchmark {
        render_peers(&mut out, benchmark, &style);
    }
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
    let colon = &style.colon;
    let cover = &report.cover;
    let _ = writeln!(
        out,
        "# {} — {}\n",
        i18n::t!(style.lang, "report-md-title"),
        inline(&cover.organisation)
    );
    let mut facts = vec![
        (i18n::t!(style.lang, "report-md-date"), cover.date.clone()),
        (
            i18n::t!(style.lang, "report-auditor"),
            inline(&cover.auditor),
        ),
        (
            i18n::t!(style.lang, "report-participants"),
            inline(&cover.participants.join(", ")),
        ),
        (i18n::t!(style.lang, "report-sector"), inline(&cover.sector)),
        (
            i18n::t!(style.lang, "report-headcount"),
            inline(&cover.headcount),
        ),
        (
            i18n::t!(style.lang, "report-profile"),
            inline(&cover.profile_title),
        ),
        (
            i18n::t!(style.lang, "report-duration"),
            text::duration(cover, style.lang),
        ),
        (
            i18n::t!(style.lang, "report-catalog"),
            inline(&format!("{} {}", cover.catalog_id, cover.catalog_version)),
        ),
    ];
    facts.retain(|(_, value)| !value.trim().is_empty());
    for (label, value) in facts {
        let _ = writeln!(out, "- **{label}**{colon} {value}");
    }
}

/// Renders the position among the peers: the sentence saying with whom (or why not), then the
/// table of the organisation's scores against the peers' quartiles.
fn render_peers(out: &mut String, benchmark: &crate::benchmark::Benchmark, style: &Style) {
    use crate::benchmark::{Status, position_text, summary};
    let lang = style.lang;
    let _ = writeln!(out, "\n## {}\n", i18n::t!(lang, "report-peers"));
    let _ = writeln!(out, "{}\n", inline(&summary(benchmark, lang)));
    if benchmark.status != Status::Ok {
        return;
    }
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} | {} | {} |\n|---|---:|---:|---:|---:|---|",
        i18n::t!(lang, "report-domain"),
        i18n::t!(lang, "report-peers-your-score"),
        i18n::t!(lang, "report-peers-p25"),
        i18n::t!(lang, "report-peers-median"),
        i18n::t!(lang, "report-peers-p75"),
        i18n::t!(lang, "report-peers-position"),
    );
    for row in benchmark.rows() {
        let title = if row.id == "overall" {
            format!("**{}**", inline(&row.title))
        } else {
            inline(&row.title)
        };
        let _ = writeln!(
            out,
            "| {title} | {} | {} | {} | {} | {} |",
            score(row.score, lang),
            score(Some(row.p25), lang),
            score(Some(row.median), lang),
            score(Some(row.p75), lang),
            position_text(row.position, lang),
        );
    }
}

/// Renders the summary: the overall index and the table of domain scores.
fn render_summary(out: &mut String, report: &Report, style: &Style) {
    let (lang, colon) = (style.lang, &style.colon);
    let _ = writeln!(out, "\n## {}\n", i18n::t!(style.lang, "report-summary"));
    let overall = &report.overall;
    let _ = writeln!(
        out,
        "{}{colon} **{} / 100** — {} {} ({})\n",
        i18n::t!(style.lang, "report-overall"),
        score(overall.score, lang),
        i18n::t!(style.lang, "report-level-word"),
        overall
            .level
            .map(|l| l.to_string())
            .unwrap_or_else(|| "—".into()),
        overall.level_name.clone().unwrap_or_default()
    );
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} |\n|---|---:|---|---|",
        i18n::t!(style.lang, "report-domain"),
        i18n::t!(style.lang, "report-score"),
        i18n::t!(style.lang, "report-level"),
        i18n::t!(style.lang, "report-capped")
    );
    for domain in &report.domains {
        let level = match (domain.level, &domain.level_name) {
            (Some(level), Some(name)) => format!("{level} ({name})"),
            _ => i18n::t!(style.lang, "report-not-applicable").to_owned(),
        };
        let capped = if domain.capped {
            format!(
                "{} ({})",
                i18n::t!(style.lang, "report-yes"),
                domain.capped_by.join(", ")
            )
        } else {
            i18n::t!(style.lang, "report-no").to_owned()
        };
        let _ = writeln!(
            out,
            "| {} | {} | {level} | {capped} |",
            inline(&domain.title),
            score(domain.score, lang)
        );
    }
}

/// Renders the six priority measures, each with its why, how, control and sources.
fn render_priority_measures(out: &mut String, report: &Report, style: &Style) {
    let (lang, colon) = (style.lang, &style.colon);
    let _ = writeln!(out, "\n## {}\n", i18n::t!(style.lang, "report-priorities"));
    for measure in report.measures.iter().filter(|m| m.priority) {
        let _ = writeln!(out, "### {}. {}\n", measure.rank, inline(&measure.title));
        let _ = writeln!(
            out,
            "**{}{colon}** {}\n",
            i18n::t!(style.lang, "report-why"),
            inline(&measure.why)
        );
        let _ = writeln!(
            out,
            "**{}{colon}** {}\n",
            i18n::t!(style.lang, "report-how"),
            inline(&measure.how)
        );
        let control = inline(&measure.control);
        let answer = quoted(&inline(&measure.answer), lang, "\u{a0}");
        let (level, target) = (measure.level, measure.target);
        let finding = if measure.critical {
            i18n::t!(
                lang,
                "report-md-finding-critical",
                control = control,
                answer = answer,
                level = level,
                target = target
            )
        } else {
            i18n::t!(
                lang,
                "report-md-finding",
                control = control,
                answer = answer,
                level = level,
                target = target
            )
        };
        let _ = writeln!(out, "*{finding}*\n");
        if !measure.machines_note.is_empty() {
            let _ = writeln!(
                out,
                "**{}{colon}** {}\n",
                i18n::t!(style.lang, "report-on-machines"),
                inline(&measure.machines_note)
            );
        }
        let refs: Vec<&str> = measure.refs.iter().map(|r| r.label.as_str()).collect();
        let _ = writeln!(
            out,
            "{}{colon} {}\n",
            i18n::t!(style.lang, "report-sources"),
            inline(&refs.join(", "))
        );
    }
}

/// Renders the action plan: the other measures as a table, if there are any.
fn render_action_plan(out: &mut String, report: &Report, style: &Style) {
    let others: Vec<_> = report.measures.iter().filter(|m| !m.priority).collect();
    if !others.is_empty() {
        let _ = writeln!(out, "## {}\n", i18n::t!(style.lang, "report-action-plan"));
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |\n|---:|---|---|---|---:|",
            i18n::t!(style.lang, "report-priority"),
            i18n::t!(style.lang, "report-measure"),
            i18n::t!(style.lang, "report-control"),
            i18n::t!(style.lang, "report-domain"),
            i18n::t!(style.lang, "report-target")
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
    let _ = writeln!(out, "## {}\n", i18n::t!(style.lang, "report-answers"));
    for domain in &report.answers {
        let _ = writeln!(out, "### {}\n", inline(&domain.title));
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |\n|---|---|---|---:|---|",
            i18n::t!(style.lang, "report-control"),
            i18n::t!(style.lang, "report-question"),
            i18n::t!(style.lang, "report-answer"),
            i18n::t!(style.lang, "report-level"),
            i18n::t!(style.lang, "report-note")
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
    if !report.to_check.is_empty() {
        let _ = writeln!(out, "## {}\n", i18n::t!(style.lang, "report-md-to-check"));
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
    let (lang, colon) = (style.lang, &style.colon);
    let _ = writeln!(
        out,
        "## {} ({})\n",
        i18n::t!(style.lang, "report-comparison"),
        comparison.previous_date
    );
    let _ = writeln!(
        out,
        "{}{colon} {} → {} ({})\n",
        i18n::t!(style.lang, "report-overall"),
        score(comparison.overall.before, lang),
        score(comparison.overall.after, lang),
        signed(comparison.overall.delta, lang)
    );
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} |\n|---|---:|---:|---:|",
        i18n::t!(style.lang, "report-domain"),
        i18n::t!(style.lang, "report-before-col"),
        i18n::t!(style.lang, "report-after-col"),
        i18n::t!(style.lang, "report-change")
    );
    for domain in &comparison.domains {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            inline(&domain.title),
            score(domain.before, lang),
            score(domain.after, lang),
            signed(domain.delta, lang)
        );
    }
}

/// Renders the lists of controls improved and regressed since the previous assessment.
fn render_control_changes(out: &mut String, comparison: &Comparison, style: &Style) {
    let colon = &style.colon;
    for (title, changes) in [
        (
            i18n::t!(style.lang, "report-improved"),
            &comparison.improved,
        ),
        (
            i18n::t!(style.lang, "report-regressed"),
            &comparison.regressed,
        ),
    ] {
        let _ = writeln!(
            out,
            "\n**{title}**{colon} {}",
            if changes.is_empty() {
                i18n::t!(style.lang, "report-none")
            } else {
                String::new()
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
    let colon = &style.colon;
    for (title, measures) in [
        (
            i18n::t!(style.lang, "report-done"),
            &comparison.measures_done,
        ),
        (i18n::t!(style.lang, "report-open"), &comparison.still_open),
    ] {
        let _ = writeln!(
            out,
            "\n**{title}**{colon} {}",
            if measures.is_empty() {
                i18n::t!(style.lang, "report-md-no-measure")
            } else {
                String::new()
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
    let _ = writeln!(out, "## {}\n", i18n::t!(style.lang, "report-machines"));
    render_discrepancies(out, report, style);
    render_points_to_verify(out, report, style);
    for machine in &report.machines {
        render_machine_facts(out, machine, style);
    }
}

/// Renders the answers the machines contradict, as a table and then the reasons, or says none is.
fn render_discrepancies(out: &mut String, report: &Report, style: &Style) {
    let colon = &style.colon;
    if report.discrepancies.is_empty() {
        let _ = writeln!(out, "{}\n", i18n::t!(style.lang, "report-no-discrepancy"));
    } else {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} |\n|---|---|---:|---:|---|---|",
            i18n::t!(style.lang, "report-control"),
            i18n::t!(style.lang, "report-answer"),
            i18n::t!(style.lang, "report-md-declared"),
            i18n::t!(style.lang, "report-md-kept"),
            i18n::t!(style.lang, "report-host"),
            i18n::t!(style.lang, "report-fact")
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
    let colon = &style.colon;
    let _ = writeln!(
        out,
        "### {}\n\n{}\n",
        i18n::t!(style.lang, "report-points-to-verify"),
        i18n::t!(style.lang, "report-points-to-verify-intro")
    );
    if report.points_to_verify.is_empty() {
        let _ = writeln!(
            out,
            "{}\n",
            i18n::t!(style.lang, "report-no-point-to-verify")
        );
    } else {
        for p in &report.points_to_verify {
            let _ = writeln!(
                out,
                "- **{}** {} — {}{} {} ({} {}) — {}{} {} = {} ({}) — {}",
                inline(&p.control),
                inline(&p.question),
                i18n::t!(style.lang, "report-md-answer-word"),
                colon,
                inline(&p.answer),
                i18n::t!(style.lang, "report-level-word"),
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
    let _ = writeln!(
        out,
        "### {} ({})\n",
        inline(&machine.host),
        inline(&machine.collected_at)
    );
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} |\n|---|---|---|---|",
        i18n::t!(style.lang, "report-fact"),
        i18n::t!(style.lang, "report-value"),
        i18n::t!(style.lang, "report-status"),
        i18n::t!(style.lang, "report-source")
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
    let _ = writeln!(
        out,
        "## {}\n\n{}\n",
        i18n::t!(style.lang, "report-next"),
        report.next_assessment
    );
    let _ = writeln!(out, "## {}\n", i18n::t!(style.lang, "report-md-method"));
    for paragraph in &report.method {
        let _ = writeln!(out, "{paragraph}\n");
    }
}
