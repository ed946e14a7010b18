//! Drawing the start form.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::text::{truncate, wrap};
use crate::catalog::Catalog;
use crate::lang::Lang;
use crate::tui::form::{FIELDS, StartForm};
use crate::tui::labels::Labels;

/// Draws the start form.
pub fn render_form(frame: &mut Frame<'_>, form: &StartForm, catalog: &Catalog, lang: Lang) {
    let labels = Labels::of(lang);
    let area = frame.area();
    let width = area.width.min(100);
    let area = Rect {
        x: area.x + (area.width - width) / 2,
        width,
        ..area
    };
    let block = Block::bordered().title(Span::styled(
        labels.form_title.as_str(),
        Style::new().add_modifier(Modifier::BOLD),
    ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    // The keys, then why the last submit was refused: wrapped, so that it is read whole.
    let footer_width = inner.width as usize;
    let dim = Style::new().add_modifier(Modifier::DIM);
    let mut footer_lines: Vec<Line<'static>> = wrap(&labels.form_keys, footer_width)
        .into_iter()
        .map(|part| Line::styled(part, dim))
        .collect();
    if let Some(error) = &form.error {
        footer_lines.extend(super::message_lines(error.get(lang), true, footer_width));
    }
    let [intro, fields, footer] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Min(FIELDS.len() as u16),
        Constraint::Length(u16::try_from(footer_lines.len() + 1).unwrap_or(u16::MAX)),
    ])
    .areas(inner);
    frame.render_widget(
        Paragraph::new(vec![
            Line::raw(truncate(catalog.title.get(lang), intro.width as usize)),
            Line::styled(
                truncate(
                    &labels.form_catalog.fill(&[&catalog.id, &catalog.version]),
                    intro.width as usize,
                ),
                Style::new().add_modifier(Modifier::DIM),
            ),
        ]),
        intro,
    );
    let label_width = 15;
    let value_width = (fields.width as usize).saturating_sub(label_width + 4);
    let mut lines = Vec::new();
    for (index, field) in FIELDS.iter().enumerate() {
        let here = index == form.focus;
        let mut value = form.value(*field);
        if field.is_choice() {
            value = format!("◂ {value} ▸");
        }
        if *field == crate::tui::form::Field::Profile
            && let Some(profile) = catalog.profiles.get(form.profile)
        {
            let count = catalog.controls_in(&profile.id).count();
            let title = profile.title.get(lang);
            value.push_str("  ");
            value.push_str(&i18n::t!(
                lang,
                "tui-form-profile",
                title = title,
                count = count
            ));
        }
        // Show the end of long values (the file path), where the typing happens.
        let shown: String = if value.chars().count() > value_width {
            let skip = value.chars().count() - value_width;
            value.chars().skip(skip).collect()
        } else {
            value
        };
        let style = if here {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new()
        };
        lines.push(Line::from(vec![
            Span::styled(
                format!(
                    "{} {:<label_width$}",
                    if here { "›" } else { " " },
                    field.label(lang)
                ),
                Style::new().add_modifier(Modifier::BOLD),
            ),
            Span::styled(
                format!(
                    "{shown}{}",
                    if here && !field.is_choice() {
                        "▏"
                    } else {
                        ""
                    }
                ),
                style,
            ),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), fields);
    frame.render_widget(Paragraph::new(footer_lines), footer);
}
