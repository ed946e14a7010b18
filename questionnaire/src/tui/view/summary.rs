//! The end of the meeting: the overall index and level, the level of each domain, and the six
//! priority measures.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;

use super::render_scrolled;
use super::text::{hanging, truncate};
use crate::lang::level_name;
use crate::tui::app::App;

/// How many measures the summary lists first.
pub const PRIORITY_COUNT: usize = 6;

/// Draws the summary, scrolled with ↑↓ when the terminal is too short.
pub fn render(frame: &mut Frame<'_>, app: &App<'_>, area: Rect) {
    let lang = app.lang;
    let block = Block::bordered().title(Span::styled(
        lang.pick(" Synthèse de l'audit ", " Audit summary "),
        Style::new().add_modifier(Modifier::BOLD),
    ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let lines = lines(app, inner.width as usize);
    render_scrolled(frame, lines, app.summary_scroll, inner, lang);
}

/// How far the summary can scroll in `area`.
pub fn overflow(app: &App<'_>, area: Rect) -> usize {
    let inner = Block::bordered().inner(area);
    lines(app, inner.width as usize)
        .len()
        .saturating_sub(inner.height as usize)
}

/// The summary's lines, `width` wide.
fn lines(app: &App<'_>, width: usize) -> Vec<Line<'static>> {
    let lang = app.lang;
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let assessment = app.assessment();
    let catalog = app.audit.catalog;
    let mut lines: Vec<Line<'static>> = Vec::new();

    let overall = match (assessment.overall.score, assessment.overall.level) {
        (Some(score), Some(level)) => format!(
            "{} / 100 — {} {level} ({})",
            lang.score(score),
            lang.pick("niveau", "level"),
            level_name(level).get(lang)
        ),
        _ => lang.pick("non applicable", "not applicable").to_owned(),
    };
    lines.push(Line::from(vec![
        Span::styled(lang.pick("Indice global : ", "Overall index: "), bold),
        Span::styled(overall, bold),
    ]));
    // Questions never answered count as level 0; answers carried over from the previous
    // assessment and not confirmed yet count at their previous level. The questions without an
    // answer are those of the score, as in the header and the reports (`Audit::progress`): not
    // a context question, which counts at no level.
    let progress = app.progress().0;
    let unanswered = progress.total - progress.answered;
    let to_confirm = app.counts().to_confirm;
    if unanswered > 0 {
        lines.extend(hanging(
            Span::raw(""),
            &match lang {
                crate::lang::Lang::Fr => {
                    format!("{unanswered} question(s) encore sans réponse (comptées au niveau 0)")
                }
                crate::lang::Lang::En => {
                    format!("{unanswered} question(s) still unanswered (counted as level 0)")
                }
            },
            width,
            Style::new(),
        ));
    }
    if to_confirm > 0 {
        lines.extend(hanging(
            Span::raw(""),
            &match lang {
                crate::lang::Lang::Fr => format!(
                    "{to_confirm} réponse(s) reprise(s) encore à confirmer (comptées à leur niveau précédent)"
                ),
                crate::lang::Lang::En => format!(
                    "{to_confirm} carried-over answer(s) still to confirm (counted at their previous level)"
                ),
            },
            width,
            Style::new(),
        ));
    }
    lines.push(Line::raw(""));

    let title_width = width.saturating_sub(16).max(10);
    lines.push(Line::styled(
        format!(
            "{:<title_width$} {:>6}  {}",
            lang.pick("Domaine", "Domain"),
            "Score",
            lang.pick("Niveau", "Level")
        ),
        bold,
    ));
    for domain in &assessment.domains {
        let title = catalog
            .domain(&domain.id)
            .map_or(domain.id.as_str(), |d| d.title.get(lang));
        let (score, level) = match (domain.score, domain.level) {
            (Some(score), Some(level)) => (
                lang.score(score),
                format!("{level}{}", if domain.capped { " !" } else { "" }),
            ),
            _ => ("—".to_owned(), "n/a".to_owned()),
        };
        lines.push(Line::raw(format!(
            "{:<title_width$} {score:>6}  {level}",
            truncate(title, title_width)
        )));
    }
    if assessment.domains.iter().any(|d| d.capped) {
        lines.push(Line::raw(truncate(
            lang.pick(
                "! niveau plafonné à 1 par un contrôle critique insuffisant",
                "! level capped at 1 by a failed critical control",
            ),
            width,
        )));
    }
    lines.push(Line::raw(""));

    lines.push(Line::styled(
        lang.pick("Mesures prioritaires", "Priority measures"),
        bold,
    ));
    if assessment.priorities.is_empty() {
        lines.push(Line::raw(lang.pick(
            "Aucune : chaque contrôle atteint sa cible.",
            "None: every control meets its target.",
        )));
    }
    for priority in assessment.priorities.iter().take(PRIORITY_COUNT) {
        let title = catalog
            .control(&priority.control)
            .and_then(|c| c.recommendation.as_ref())
            .map_or("", |r| r.title.get(lang));
        let critical = if priority.critical {
            lang.pick(" (critique)", " (critical)")
        } else {
            ""
        };
        lines.extend(hanging(
            Span::raw(format!("{}. ", priority.rank)),
            &format!("{title} — {}{critical}", priority.control),
            width,
            Style::new(),
        ));
    }
    let next = &app.audit.session.meta.next_assessment;
    if !next.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::from(vec![
            Span::styled(
                lang.pick("Prochaine évaluation : ", "Next assessment: "),
                bold,
            ),
            Span::raw(next.clone()),
        ]));
    }
    lines
}
