//! The domains and how far each one is: answered / asked; in a re-assessment, how many answers
//! are to confirm (↻), confirmed (✓) and changed (Δ); and (unless hidden) the level; then the
//! live score.

use std::collections::HashMap;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::text::truncate;
use crate::session::AnswerCounts;
use crate::tui::app::App;
use crate::tui::labels::Labels;

/// Draws the sidebar.
pub fn render(frame: &mut Frame<'_>, app: &App<'_>, area: Rect) {
    let lang = app.lang;
    let labels = Labels::of(lang);
    let block = Block::new().borders(Borders::RIGHT).title(Span::styled(
        labels.domains.as_str(),
        Style::new().add_modifier(Modifier::BOLD),
    ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = inner.width as usize;
    let current_domain = app.current().map(|c| c.domain.as_str());
    // Every domain's counts in one pass over the questions asked.
    let session = &app.audit.session;
    let mut by_domain: HashMap<&str, AnswerCounts> = HashMap::new();
    for control in app.questions() {
        by_domain
            .entry(control.domain.as_str())
            .or_default()
            .add(session.answers.get(&control.id));
    }
    let mut lines = Vec::new();
    for domain in &app.audit.catalog.domains {
        let Some(counts) = by_domain.get(domain.id.as_str()) else {
            continue;
        };
        let (answered, asked) = (counts.done(), counts.asked());
        // Of the answers carried over: to confirm, kept as they were, or changed.
        let (to_confirm, confirmed, changed) =
            (counts.to_confirm, counts.confirmed, counts.changed);
        let result = app.assessment().domains.iter().find(|d| d.id == domain.id);
        let mut tail = format!("{answered}/{asked}");
        // The re-assessment marks, side by side to leave room for the title (see `?`).
        let marks: String = [("↻", to_confirm), ("✓", confirmed), ("Δ", changed)]
            .iter()
            .filter(|(_, count)| *count > 0)
            .map(|(mark, count)| format!("{mark}{count}"))
            .collect();
        if !marks.is_empty() {
            tail.push(' ');
            tail.push_str(&marks);
        }
        if app.show_score
            && answered == asked
            && let Some(level) = result.and_then(|r| r.level)
        {
            let capped = result.is_some_and(|r| r.capped);
            tail.push_str(&format!(" N{level}{}", if capped { "!" } else { "" }));
        }
        let here = current_domain == Some(domain.id.as_str());
        let mark = if here { "› " } else { "  " };
        let room = width.saturating_sub(mark.chars().count() + tail.chars().count() + 1);
        let title = truncate(domain.title.get(lang), room);
        let pad = room.saturating_sub(title.chars().count()) + 1;
        let style = if here {
            Style::new().add_modifier(Modifier::BOLD)
        } else {
            Style::new()
        };
        lines.push(Line::from(vec![
            Span::styled(format!("{mark}{title}"), style),
            Span::raw(" ".repeat(pad)),
            Span::styled(tail, style),
        ]));
    }
    if app.show_score {
        lines.push(Line::raw(""));
        let overall = &app.assessment().overall;
        let score = match (overall.score, overall.level) {
            (Some(score), Some(level)) => {
                labels.index.fill(&[&lang.score(score), &level.to_string()])
            }
            _ => labels.index_none.clone(),
        };
        lines.push(Line::styled(
            truncate(&score, width),
            Style::new().add_modifier(Modifier::BOLD),
        ));
        lines.push(Line::styled(
            truncate(&labels.hide_scores, width),
            Style::new().add_modifier(Modifier::DIM),
        ));
    } else {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            truncate(&labels.scores_hidden, width),
            Style::new().add_modifier(Modifier::DIM),
        ));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
