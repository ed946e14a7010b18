//! The end of the meeting: the overall index and level, the level of each domain, and the six
//! priority measures.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;

use super::render_scrolled;
use super::text::{hanging, truncate};
use crate::tui::app::App;
use crate::tui::labels::Labels;

/// How many measures the summary lists first.
pub const PRIORITY_COUNT: usize = 6;

/// Draws the summary, scrolled with ↑↓ when the terminal is too short.
pub fn render(frame: &mut Frame<'_>, app: &App<'_>, area: Rect) {
    let lang = app.lang;
    let block = Block::bordered().title(Span::styled(
        Labels::of(lang).summary_title.as_str(),
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
    let labels = Labels::of(lang);
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let assessment = app.assessment();
    let catalog = app.audit.catalog;
    let mut lines: Vec<Line<'static>> = Vec::new();

    let overall = match (assessment.overall.score, assessment.overall.level) {
        (Some(score), Some(level)) => labels.overall.fill(&[
            &lang.score(score),
            &level.to_string(),
            &i18n::lang::level_name_in(&lang, level),
        ]),
        _ => labels.overall_none.clone(),
    };
    lines.push(Line::from(vec![
        Span::styled(labels.overall_index.as_str(), bold),
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
            &i18n::t!(lang, "tui-unanswered", count = unanswered),
            width,
            Style::new(),
        ));
    }
    if to_confirm > 0 {
        lines.extend(hanging(
            Span::raw(""),
            &i18n::t!(lang, "tui-to-confirm", count = to_confirm),
            width,
            Style::new(),
        ));
    }
    lines.push(Line::raw(""));

    let title_width = width.saturating_sub(16).max(10);
    lines.push(Line::styled(
        format!(
            "{:<title_width$} {:>6}  {}",
            labels.column_domain, labels.column_score, labels.column_level
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
            _ => ("—".to_owned(), labels.level_none.clone()),
        };
        lines.push(Line::raw(format!(
            "{:<title_width$} {score:>6}  {level}",
            truncate(title, title_width)
        )));
    }
    if assessment.domains.iter().any(|d| d.capped) {
        lines.push(Line::raw(truncate(&labels.capped, width)));
    }
    lines.push(Line::raw(""));

    lines.push(Line::styled(labels.priorities.as_str(), bold));
    if assessment.priorities.is_empty() {
        lines.push(Line::raw(labels.no_priority.as_str()));
    }
    for priority in assessment.priorities.iter().take(PRIORITY_COUNT) {
        let title = catalog
            .control(&priority.control)
            .and_then(|c| c.recommendation.as_ref())
            .map_or("", |r| r.title.get(lang));
        let said = if priority.critical {
            &labels.priority_critical
        } else {
            &labels.priority
        };
        lines.extend(hanging(
            Span::raw(format!("{}. ", priority.rank)),
            &said.fill(&[title, &priority.control]),
            width,
            Style::new(),
        ));
    }
    let next = app
        .audit
        .session
        .meta
        .next_assessment
        .map(|day| day.to_string())
        .unwrap_or_default();
    if !next.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::from(vec![
            Span::styled(labels.next_assessment.as_str(), bold),
            Span::raw(next.clone()),
        ]));
    }
    lines
}
