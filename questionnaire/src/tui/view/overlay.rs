//! Windows over the screen: every key, the search, the note editor.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::render_scrolled;
use super::text::{hanging, truncate};
use crate::tui::app::{App, NoteEditor};
use crate::tui::keys::{self, Row};
use crate::tui::labels::Labels;
use crate::tui::search::Search;

fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

/// The width of the keys column of the `?` window.
const KEY_WIDTH: usize = 13;

/// The keys of the current screen, then the others and the marks: in two columns when the
/// terminal is wide enough for all of it, otherwise in one, scrolled with the arrows.
pub fn render_keys(frame: &mut Frame<'_>, app: &App<'_>, scroll: u16, area: Rect) {
    let lang = app.lang;
    let KeysLayout {
        popup,
        mut lines,
        split,
        column_width,
    } = keys_layout(app, area);
    let fits = split.is_some() || lines.len() + 2 <= popup.height as usize;
    frame.render_widget(Clear, popup);
    let labels = Labels::of(lang);
    let block = Block::bordered().title(Span::styled(
        if fits {
            labels.keys_title.as_str()
        } else {
            labels.keys_title_scroll.as_str()
        },
        Style::new().add_modifier(Modifier::BOLD),
    ));
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    if let Some(at) = split {
        let second = lines.split_off(at);
        lines.pop(); // the empty line before the section that opens the second column
        let [left, _, right] = Layout::horizontal([
            Constraint::Length(column_width as u16),
            Constraint::Length(1),
            Constraint::Length(column_width as u16),
        ])
        .areas(inner);
        frame.render_widget(Paragraph::new(lines), left);
        frame.render_widget(Paragraph::new(second), right);
        return;
    }
    render_scrolled(frame, lines, scroll, inner, lang);
}

/// Where the `?` window goes and what it shows.
struct KeysLayout {
    popup: Rect,
    lines: Vec<Line<'static>>,
    /// Where the second column starts, when in two.
    split: Option<usize>,
    column_width: usize,
}

fn keys_layout(app: &App<'_>, area: Rect) -> KeysLayout {
    let lang = app.lang;
    let rows: Vec<&Row> = keys::help(app.screen, lang).collect();
    // Two columns, each as wide as the one column of an 80-column terminal, when they hold it all.
    let wide = centered(area, 2 * 74 + 3, area.height);
    let column_width = (wide.width.saturating_sub(3) / 2) as usize;
    if column_width >= 56 {
        let lines = help_lines(&rows, column_width);
        // Break at the section that evens the columns, where the second one starts with a title.
        let split = (0..lines.len())
            .filter(|&i| lines[i].spans.is_empty())
            .map(|i| i + 1)
            .min_by_key(|&at| at.max(lines.len() - at))
            .filter(|&at| at.max(lines.len() - at) <= wide.height.saturating_sub(2) as usize);
        if let Some(at) = split {
            let tallest = at.max(lines.len() - at) as u16;
            return KeysLayout {
                popup: centered(area, wide.width, tallest.saturating_add(2)),
                lines,
                split,
                column_width,
            };
        }
    }
    // One column: 76 wide, or the whole width when the margins would only show fragments.
    let width = if area.width < 90 { area.width } else { 76 };
    let lines = help_lines(&rows, width.saturating_sub(2) as usize);
    KeysLayout {
        popup: centered(
            area,
            width,
            u16::try_from(lines.len() + 2).unwrap_or(u16::MAX),
        ),
        lines,
        split: None,
        column_width,
    }
}

/// How far the `?` window can scroll in `area`.
pub fn keys_overflow(app: &App<'_>, area: Rect) -> usize {
    let layout = keys_layout(app, area);
    match layout.split {
        Some(_) => 0,
        None => layout
            .lines
            .len()
            .saturating_sub(layout.popup.height.saturating_sub(2) as usize),
    }
}

/// The rows of the `?` window as lines `width` wide; an empty line before each section but the
/// first.
fn help_lines(rows: &[&Row], width: usize) -> Vec<Line<'static>> {
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let mut lines: Vec<Line<'static>> = Vec::new();
    for row in rows {
        match row {
            Row::Section(title) => {
                if !lines.is_empty() {
                    lines.push(Line::default());
                }
                lines.push(Line::styled(
                    truncate(title, width),
                    bold.add_modifier(Modifier::UNDERLINED),
                ));
            }
            Row::Key(keys, what) => {
                let key = format!("{keys:<KEY_WIDTH$}");
                lines.extend(hanging(Span::styled(key, bold), what, width, Style::new()));
            }
        }
    }
    lines
}

/// The search window.
pub fn render_search(frame: &mut Frame<'_>, app: &App<'_>, search: &Search, area: Rect) {
    let lang = app.lang;
    let labels = Labels::of(lang);
    // The whole width: the questions are long, and margins would only show fragments.
    let popup = centered(area, area.width, 12);
    frame.render_widget(Clear, popup);
    let block = Block::bordered().title(Span::styled(
        labels.search_title.as_str(),
        Style::new().add_modifier(Modifier::BOLD),
    ));
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let [input, results] =
        Layout::vertical([Constraint::Length(2), Constraint::Min(1)]).areas(inner);
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::raw("/ "),
            Span::styled(
                search.query.clone(),
                Style::new().add_modifier(Modifier::BOLD),
            ),
            Span::raw("▏"),
        ])),
        input,
    );
    let width = results.width as usize;
    let mut lines: Vec<Line<'static>> = Vec::new();
    if search.results.is_empty() && !search.query.is_empty() {
        lines.push(Line::raw(labels.search_none.as_str()));
    }
    let visible = results.height as usize;
    let first = search.selected.saturating_sub(visible.saturating_sub(1));
    for (index, id) in search.results.iter().enumerate().skip(first).take(visible) {
        let question = app
            .audit
            .catalog
            .control(id)
            .map_or("", |c| c.question.get(lang));
        let here = index == search.selected;
        let text = truncate(
            &format!("{} {id} {question}", if here { "›" } else { " " }),
            width,
        );
        let style = if here {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new()
        };
        lines.push(Line::styled(text, style));
    }
    frame.render_widget(Paragraph::new(lines), results);
}

/// The note editor, over the lower part of the screen.
pub fn render_note(frame: &mut Frame<'_>, app: &App<'_>, note: &NoteEditor, area: Rect) {
    let lang = app.lang;
    let height = (area.height / 2).max(6).min(area.height);
    let popup = Rect {
        y: area.y + area.height - height,
        height,
        ..area
    };
    frame.render_widget(Clear, popup);
    let id = app.current().map_or("", |c| c.id.as_str());
    let block = Block::bordered().title(Span::styled(
        Labels::of(lang).note_title.fill(&[id]),
        Style::new().add_modifier(Modifier::BOLD),
    ));
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    frame.render_widget(&note.editor, inner);
}
