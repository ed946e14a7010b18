//! Drawing the guided audit. Every function here reads the state and draws; none changes it.
//!
//! Meaning is never carried by colour alone: the current line has a `›` and is reversed, errors
//! start with `!`, capped domains with `!`, flags with `⚑`, so the screen reads the same on a
//! monochrome terminal or a black-and-white printout.

mod form;
mod overlay;
mod question;
mod sidebar;
mod summary;
pub(crate) mod text;

pub use form::render_form;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::app::{App, Overlay, Screen};
use super::clock::{format_duration, format_per_question};
use super::keys::{self, Footer};
use super::labels::Labels;
use crate::lang::Lang;

/// The narrowest terminal the layout is designed for.
pub const MIN_WIDTH: u16 = 80;

/// Draws the whole screen.
pub fn render(frame: &mut Frame<'_>, app: &App<'_>) {
    let area = frame.area();
    let footer_lines = footer_lines(app, area.width);
    let [header, body, footer] = layout(area, footer_lines.len());
    render_header(frame, app, header);
    match app.screen {
        Screen::Questions => {
            // Under 64 columns the question needs every column; the header keeps the progress.
            let sidebar_width = match area.width {
                110.. => 34,
                80.. => 24,
                64.. => 20,
                _ => 0,
            };
            let [side, main] =
                Layout::horizontal([Constraint::Length(sidebar_width), Constraint::Min(20)])
                    .areas(body);
            if sidebar_width > 0 {
                sidebar::render(frame, app, side);
            }
            question::render(frame, app, main);
        }
        Screen::Summary => summary::render(frame, app, body),
    }
    frame.render_widget(Paragraph::new(footer_lines), footer);
    // What a window leaves visible around it is dimmed, so that it does not read as part of it.
    if matches!(app.overlay, Overlay::Keys { .. } | Overlay::Search(_)) {
        frame
            .buffer_mut()
            .set_style(body, Style::new().add_modifier(Modifier::DIM));
    }
    match &app.overlay {
        Overlay::None => {}
        Overlay::Keys { scroll } => overlay::render_keys(frame, app, *scroll, body),
        Overlay::Search(search) => overlay::render_search(frame, app, search, body),
        Overlay::Note(editor) => overlay::render_note(frame, app, editor, body),
    }
}

/// Header, body, footer.
fn layout(area: Rect, footer_lines: usize) -> [Rect; 3] {
    Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(1),
        Constraint::Length(u16::try_from(footer_lines).unwrap_or(u16::MAX)),
    ])
    .areas(area)
}

/// How far the `?` window can scroll on a terminal of `size`.
pub fn keys_max_scroll(app: &App<'_>, size: ratatui::layout::Size) -> u16 {
    let area = Rect::new(0, 0, size.width, size.height);
    let [_, body, _] = layout(area, footer_lines(app, size.width).len());
    u16::try_from(overlay::keys_overflow(app, body)).unwrap_or(u16::MAX)
}

/// How far the summary can scroll on a terminal of `size`.
pub fn summary_max_scroll(app: &App<'_>, size: ratatui::layout::Size) -> u16 {
    let area = Rect::new(0, 0, size.width, size.height);
    let [_, body, _] = layout(area, footer_lines(app, size.width).len());
    u16::try_from(summary::overflow(app, body)).unwrap_or(u16::MAX)
}

/// `lines` in `area`, scrolled down by `scroll` lines (no further than the last line): while more
/// lines are below, the last row says so.
fn render_scrolled(
    frame: &mut Frame<'_>,
    lines: Vec<Line<'static>>,
    scroll: u16,
    area: Rect,
    lang: Lang,
) {
    let overflow = lines.len().saturating_sub(area.height as usize);
    let scroll = u16::try_from(overflow).map_or(scroll, |overflow| scroll.min(overflow));
    let mut shown = area;
    if overflow > scroll as usize && area.height > 1 {
        shown.height -= 1;
        frame.render_widget(
            Paragraph::new(Line::styled(
                Labels::of(lang).more.as_str(),
                Style::new().add_modifier(Modifier::REVERSED),
            ))
            .right_aligned(),
            Rect {
                y: area.y + shown.height,
                height: 1,
                ..area
            },
        );
    }
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), shown);
}

fn render_header(frame: &mut Frame<'_>, app: &App<'_>, area: Rect) {
    let lang = app.lang;
    let labels = Labels::of(lang);
    let meta = &app.audit.session.meta;
    let total = app.questions().len();
    let left = app.left();
    // The count of the summary and the reports: the questions of the score, and the answers
    // carried over and not confirmed yet among them.
    let (shown, to_confirm) = app.progress();
    let title = Line::from(vec![
        Span::styled("posture", Style::new().add_modifier(Modifier::BOLD)),
        Span::raw(format!(" · {} · {}", meta.organisation, meta.profile)),
    ]);
    let mut progress = labels
        .header_answered
        .fill(&[&shown.answered.to_string(), &shown.total.to_string()]);
    if to_confirm > 0 {
        progress.push_str(&format!(" · {to_confirm} ↻"));
    }
    let pace = app.clock.pace(left, total);
    let mut clock = format!(
        "⏱ {} / {} · {}",
        format_duration(app.clock.elapsed()),
        format_duration(app.clock.budget),
        labels.pace(pace),
    );
    if let Some(minutes) = app.clock.minutes_per_question(left) {
        let per = format_per_question(minutes, lang);
        let long = format!(" · {}", labels.per_question_left.fill(&[&per]));
        if clock.chars().count() + long.chars().count() <= area.width as usize {
            clock.push_str(&long);
        } else {
            clock.push_str(" · ");
            labels.per_question_short.fill_into(&mut clock, &[&per]);
        }
    }
    let [top, bottom] =
        Layout::vertical([Constraint::Length(1), Constraint::Length(1)]).areas(area);
    let [left, right] = Layout::horizontal([
        Constraint::Min(10),
        Constraint::Length(progress.chars().count() as u16 + 1),
    ])
    .areas(top);
    frame.render_widget(Paragraph::new(title), left);
    frame.render_widget(Paragraph::new(progress).right_aligned(), right);
    frame.render_widget(
        Paragraph::new(text::truncate(&clock, area.width as usize))
            .style(Style::new().add_modifier(Modifier::DIM)),
        bottom,
    );
}

/// How many lines a message in the footer may take before it is cut.
const FOOTER_MAX_LINES: usize = 3;

/// A message under the screen, wrapped so that it is read whole (up to [`FOOTER_MAX_LINES`], the
/// last one then ending in `…`): an error marked `!` and reversed, anything else marked `✓`.
fn message_lines(message: &str, error: bool, width: usize) -> Vec<Line<'static>> {
    let mark = if error { "! " } else { "✓ " };
    let style = if error {
        Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED)
    } else {
        Style::new().add_modifier(Modifier::BOLD)
    };
    let mut lines = text::hanging(Span::styled(mark, style), message, width, style);
    if lines.len() > FOOTER_MAX_LINES {
        lines.truncate(FOOTER_MAX_LINES);
        if let Some(last) = lines.last_mut() {
            let cut: String = last.spans.iter().map(|s| s.content.as_ref()).collect();
            *last = Line::styled(text::truncate(&format!("{cut}…"), width), style);
        }
    }
    lines
}

/// The footer: the last message, wrapped (an error or the files written must be read whole), or
/// the keys of the screen, `?` and `q` first so that they show however narrow the terminal.
fn footer_lines(app: &App<'_>, width: u16) -> Vec<Line<'static>> {
    let lang = app.lang;
    let width = width as usize;
    if let Some(status) = &app.status {
        return message_lines(status.text.get(lang), status.error, width);
    }
    let place = match (app.screen, &app.overlay) {
        (_, Overlay::Note(_)) => Footer::Note,
        (_, Overlay::Search(_)) => Footer::Search,
        (_, Overlay::Keys { .. }) => Footer::Keys,
        (Screen::Questions, _) if app.current().is_none() => Footer::NoQuestion,
        (Screen::Questions, _) => Footer::Questions,
        (Screen::Summary, _) => Footer::Summary,
    };
    let hints = keys::footer(place, lang);
    vec![Line::from(Span::styled(
        fit_hints(hints, width),
        Style::new().add_modifier(Modifier::DIM),
    ))]
}

/// As many of the hints as fit in `width`, `·`-separated and whole: a hint is shown entirely or
/// not at all (`?` lists every key), never cut in the middle of a word.
fn fit_hints(hints: &[keys::Hint], width: usize) -> String {
    let mut shown = String::new();
    for hint in hints {
        let next = if shown.is_empty() {
            hint.text.clone()
        } else {
            format!("{shown} · {}", hint.text)
        };
        if next.chars().count() > width {
            break;
        }
        shown = next;
    }
    if shown.is_empty() {
        let all: Vec<&str> = hints.iter().map(|hint| hint.text.as_str()).collect();
        text::truncate(&all.join(" · "), width)
    } else {
        shown
    }
}
