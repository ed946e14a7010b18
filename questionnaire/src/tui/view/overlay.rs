//! Windows over the screen: every key, the search, the note editor.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use ratatui_textarea::TextArea;

use super::text::truncate;
use crate::lang::Lang;
use crate::tui::app::App;
use crate::tui::search::Search;

/// Every key of the guided audit, in French and English.
pub const KEYS: &[(&str, &str, &str)] = &[
    (
        "1-9",
        "choisir l'option et passer à la suivante",
        "pick the option and move on",
    ),
    (
        "↑↓ j k",
        "se déplacer dans les options",
        "move through the options",
    ),
    (
        "Entrée",
        "choisir l'option surlignée",
        "pick the highlighted option",
    ),
    ("u", "Je ne sais pas", "Don't know"),
    (
        "a",
        "Non applicable (si permis)",
        "Not applicable (where allowed)",
    ),
    (
        "c",
        "confirmer la réponse précédente",
        "confirm the previous answer",
    ),
    (
        "← →",
        "question précédente / suivante",
        "previous / next question",
    ),
    (
        "Tab",
        "question suivante sans réponse ou marquée",
        "next unanswered or flagged question",
    ),
    (
        "f",
        "marquer / démarquer la question",
        "flag / unflag the question",
    ),
    ("F", "question marquée suivante", "next flagged question"),
    (
        "n",
        "écrire une note (Échap pour finir)",
        "write a note (Esc to finish)",
    ),
    (
        "h",
        "afficher / masquer l'aide",
        "show / hide the help text",
    ),
    (
        "s",
        "afficher / masquer les scores",
        "show / hide the scores",
    ),
    ("/", "chercher une question", "search the questions"),
    ("r", "synthèse de fin de réunion", "end-of-meeting summary"),
    ("?", "cette aide", "this help"),
    ("q", "enregistrer et quitter", "save and quit"),
];

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

/// The list of keys.
pub fn render_keys(frame: &mut Frame<'_>, app: &App<'_>, area: Rect) {
    let lang = app.lang;
    let popup = centered(area, 64, KEYS.len() as u16 + 3);
    frame.render_widget(Clear, popup);
    let block = Block::bordered().title(Span::styled(
        lang.pick(
            " Touches — une touche pour fermer ",
            " Keys — any key to close ",
        ),
        Style::new().add_modifier(Modifier::BOLD),
    ));
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let lines: Vec<Line<'static>> = KEYS
        .iter()
        .map(|(key, fr, en)| {
            Line::from(vec![
                Span::styled(
                    format!("{:<8}", key_name(key, lang)),
                    Style::new().add_modifier(Modifier::BOLD),
                ),
                Span::raw(truncate(
                    lang.pick(fr, en),
                    inner.width.saturating_sub(8) as usize,
                )),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

fn key_name(key: &str, lang: Lang) -> &str {
    match (key, lang) {
        ("Entrée", Lang::En) => "Enter",
        (key, _) => key,
    }
}

/// The search window.
pub fn render_search(frame: &mut Frame<'_>, app: &App<'_>, search: &Search, area: Rect) {
    let lang = app.lang;
    let popup = centered(area, area.width.saturating_sub(8).max(40), 12);
    frame.render_widget(Clear, popup);
    let block = Block::bordered().title(Span::styled(
        lang.pick(" Chercher une question ", " Search the questions "),
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
        lines.push(Line::raw(
            lang.pick("aucune question trouvée", "no question found"),
        ));
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
pub fn render_note(frame: &mut Frame<'_>, app: &App<'_>, editor: &TextArea<'static>, area: Rect) {
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
        match lang {
            Lang::Fr => format!(" Note — {id} — Échap pour enregistrer "),
            Lang::En => format!(" Note — {id} — Esc to save "),
        },
        Style::new().add_modifier(Modifier::BOLD),
    ));
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    frame.render_widget(editor, inner);
}
