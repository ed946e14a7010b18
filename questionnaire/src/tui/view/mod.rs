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
use super::clock::{format_duration, format_minutes};

/// The narrowest terminal the layout is designed for.
pub const MIN_WIDTH: u16 = 80;

/// Draws the whole screen.
pub fn render(frame: &mut Frame<'_>, app: &App<'_>) {
    let area = frame.area();
    let [header, body, footer] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area);
    render_header(frame, app, header);
    match app.screen {
        Screen::Questions => {
            let sidebar_width = if area.width >= 110 { 34 } else { 24 };
            let [side, main] =
                Layout::horizontal([Constraint::Length(sidebar_width), Constraint::Min(20)])
                    .areas(body);
            sidebar::render(frame, app, side);
            question::render(frame, app, main);
        }
        Screen::Summary => summary::render(frame, app, body),
    }
    render_footer(frame, app, footer);
    match &app.overlay {
        Overlay::None => {}
        Overlay::Keys => overlay::render_keys(frame, app, body),
        Overlay::Search(search) => overlay::render_search(frame, app, search, body),
        Overlay::Note(editor) => overlay::render_note(frame, app, editor, body),
    }
}

fn render_header(frame: &mut Frame<'_>, app: &App<'_>, area: Rect) {
    let lang = app.lang;
    let meta = &app.audit.session.meta;
    let total = app.questions().len();
    let done = total - app.left();
    let title = Line::from(vec![
        Span::styled("posture", Style::new().add_modifier(Modifier::BOLD)),
        Span::raw(format!(" · {} · {}", meta.organisation, meta.profile)),
    ]);
    let progress = format!("{done}/{total} {}", lang.pick("réponses", "answered"));
    let pace = app.clock.pace(app.left(), total);
    let mut clock = format!(
        "⏱ {} / {} · {}",
        format_duration(app.clock.elapsed()),
        format_duration(app.clock.budget),
        pace.text().get(lang),
    );
    if let Some(minutes) = app.clock.minutes_per_question(app.left()) {
        clock.push_str(&format!(
            " · {} {}",
            format_minutes(minutes, lang),
            lang.pick("min par question restante", "min per question left")
        ));
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

fn render_footer(frame: &mut Frame<'_>, app: &App<'_>, area: Rect) {
    let lang = app.lang;
    let line = match &app.status {
        Some(status) => {
            let mark = if status.error { "! " } else { "✓ " };
            let style = if status.error {
                Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED)
            } else {
                Style::new().add_modifier(Modifier::BOLD)
            };
            Line::from(Span::styled(
                format!("{mark}{}", status.text.get(lang)),
                style,
            ))
        }
        None => {
            let hints = match (app.screen, &app.overlay) {
                (_, Overlay::Note(_)) => lang.pick(
                    "Échap ou Ctrl-S : enregistrer la note et revenir",
                    "Esc or Ctrl-S: save the note and go back",
                ),
                (_, Overlay::Search(_)) => lang.pick(
                    "tapez pour chercher · ↑↓ choisir · Entrée aller · Échap fermer",
                    "type to search · ↑↓ select · Enter go · Esc close",
                ),
                (Screen::Questions, _) => lang.pick(
                    "1-9 choisir · u ne sais pas · a n/a · n note · f marquer · Tab suivante · / chercher · ? touches · q quitter",
                    "1-9 pick · u don't know · a n/a · n note · f flag · Tab next open · / search · ? keys · q quit",
                ),
                (Screen::Summary, _) => lang.pick(
                    "x exporter · p prochaine évaluation (+6 mois) · Échap questions · q quitter",
                    "x export · p next assessment (+6 months) · Esc questions · q quit",
                ),
            };
            Line::from(Span::styled(
                text::truncate(hints, area.width as usize),
                Style::new().add_modifier(Modifier::DIM),
            ))
        }
    };
    frame.render_widget(Paragraph::new(line), area);
}
