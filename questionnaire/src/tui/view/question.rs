//! The current question: its text, help, the previous answer when re-assessing, the options
//! numbered from 1, and the note.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::text::{hanging, wrap};
use crate::audit::choice_label;
use crate::lang::Lang;
use crate::session::{NOT_APPLICABLE, UNKNOWN};
use crate::tui::app::{App, Choice};

/// Draws the question panel, scrolled so that the highlighted option is visible.
pub fn render(frame: &mut Frame<'_>, app: &App<'_>, area: Rect) {
    let area = Rect {
        x: area.x + 1,
        width: area.width.saturating_sub(1),
        ..area
    };
    let Some(control) = app.current() else {
        frame.render_widget(
            Paragraph::new(app.lang.pick(
                "Aucune question à poser pour ce profil.",
                "No question to ask for this profile.",
            )),
            area,
        );
        return;
    };
    let lang = app.lang;
    let width = area.width as usize;
    let session = &app.audit.session;
    let answer = session.answers.get(&control.id);
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let dim = Style::new().add_modifier(Modifier::DIM);
    let mut lines: Vec<Line<'static>> = Vec::new();

    // Heading: id, domain, tags.
    let domain = app
        .audit
        .catalog
        .domain(&control.domain)
        .map_or(control.domain.as_str(), |d| d.title.get(lang));
    let mut tags = Vec::new();
    if control.critical {
        tags.push(lang.pick("[critique]", "[critical]"));
    }
    if control.context {
        tags.push(lang.pick("[contexte]", "[context]"));
    }
    if session.is_flagged(&control.id) {
        tags.push(lang.pick("[⚑ marquée]", "[⚑ flagged]"));
    }
    if answer.is_some_and(|a| a.to_confirm) {
        tags.push(lang.pick("[↻ à confirmer]", "[↻ to confirm]"));
    }
    let position = format!("{}/{}", app.current_index() + 1, app.questions().len());
    lines.extend(hanging(
        Span::styled(format!("{} · ", control.id), bold),
        &format!("{domain} · {position} {}", tags.join(" ")),
        width,
        Style::new(),
    ));
    lines.push(Line::raw(""));
    for part in wrap(control.question.get(lang), width) {
        lines.push(Line::styled(part, bold));
    }
    lines.push(Line::raw(""));

    if app.show_help {
        lines.push(Line::styled(lang.pick("Aide :", "Help:"), bold));
        for part in wrap(control.help.get(lang), width) {
            lines.push(Line::styled(
                part,
                Style::new().add_modifier(Modifier::ITALIC),
            ));
        }
        if !control.refs.is_empty() {
            lines.extend(hanging(
                Span::styled(lang.pick("Sources : ", "Sources: "), dim),
                &control.refs.join(", "),
                width,
                dim,
            ));
        }
        lines.push(Line::raw(""));
    }

    if let Some(previous) = answer.and_then(|a| a.previous_choice.as_deref()) {
        let label = choice_label(control, previous, lang);
        lines.extend(hanging(
            Span::styled(
                lang.pick("Réponse précédente : ", "Previous answer: "),
                bold,
            ),
            &label,
            width,
            Style::new(),
        ));
        if let Some(note) = answer.and_then(|a| a.previous_note.as_deref()) {
            lines.extend(hanging(
                Span::styled(lang.pick("Note précédente : ", "Previous note: "), bold),
                note,
                width,
                Style::new(),
            ));
        }
        if answer.is_some_and(|a| a.to_confirm) {
            lines.push(Line::styled(
                lang.pick(
                    "c : confirmer sans changement · un chiffre : changer",
                    "c: confirm unchanged · a digit: change it",
                ),
                dim,
            ));
        }
        lines.push(Line::raw(""));
    }

    // Options, with the cursor and the current answer.
    let chosen = answer.map(|a| a.choice.as_str());
    let mut cursor_lines = (0, 0);
    for (index, choice) in app.choices().iter().enumerate() {
        let (key, label, level, id) = match choice {
            Choice::Option(i) => {
                let option = &control.options[*i];
                (
                    format!("{}.", i + 1),
                    option.label.get(lang).to_owned(),
                    option.level,
                    option.id.as_str(),
                )
            }
            Choice::Unknown => (
                "u.".to_owned(),
                lang.pick("Je ne sais pas", "Don't know").to_owned(),
                None,
                UNKNOWN,
            ),
            Choice::NotApplicable => (
                "a.".to_owned(),
                lang.pick("Non applicable", "Not applicable").to_owned(),
                None,
                NOT_APPLICABLE,
            ),
        };
        let here = index == app.cursor();
        let selected = chosen == Some(id);
        let mark = match (here, selected) {
            (true, true) => "›●",
            (true, false) => "› ",
            (false, true) => " ●",
            (false, false) => "  ",
        };
        let mut text = label;
        if app.show_score
            && let Some(level) = level
        {
            text.push_str(&level_suffix(level, lang));
        }
        let style = if here {
            Style::new().add_modifier(Modifier::REVERSED)
        } else if selected {
            bold
        } else {
            Style::new()
        };
        let start = lines.len();
        lines.extend(hanging(
            Span::styled(format!("{mark} {key} "), style),
            &text,
            width,
            style,
        ));
        if here {
            cursor_lines = (start, lines.len());
        }
    }
    lines.push(Line::raw(""));

    match session.note(&control.id) {
        Some(note) => lines.extend(hanging(
            Span::styled(lang.pick("Note : ", "Note: "), bold),
            note,
            width,
            Style::new(),
        )),
        None => lines.push(Line::styled(
            lang.pick(
                "n : ajouter une note (ce qui a été dit, les preuves montrées)",
                "n: add a note (what was said, the evidence shown)",
            ),
            dim,
        )),
    }

    if let Some(evidence) = &app.evidence {
        let bearing = evidence.bearing_on(control);
        if !bearing.is_empty() {
            lines.push(Line::raw(""));
            lines.push(Line::styled(
                lang.pick("Constats des machines :", "Machine facts:"),
                bold,
            ));
            for (host, fact) in bearing {
                let mark = match fact.status {
                    scoring::facts::Status::Ok => "ok",
                    scoring::facts::Status::Warn => "!",
                    scoring::facts::Status::Fail => "✗",
                    scoring::facts::Status::Unknown => "?",
                };
                lines.extend(hanging(
                    Span::raw(format!("  {mark} ")),
                    &format!(
                        "{host} · {} = {} — {}",
                        fact.key,
                        crate::results::fact_value(&fact.value),
                        fact.detail
                    ),
                    width,
                    Style::new(),
                ));
            }
            if let scoring::ControlState::Level(declared) = app.audit.state(control)
                && let Some(finding) = evidence.findings(control).first()
                && finding.rule.max_level < declared
            {
                lines.extend(hanging(
                    Span::styled("  ⚠ ", bold),
                    &match lang {
                        crate::lang::Lang::Fr => format!(
                            "la machine {} contredit cette réponse : niveau retenu {} au lieu de {declared}",
                            finding.host, finding.rule.max_level
                        ),
                        crate::lang::Lang::En => format!(
                            "the machine {} contradicts this answer: level {} kept instead of {declared}",
                            finding.host, finding.rule.max_level
                        ),
                    },
                    width,
                    bold,
                ));
            }
        }
    }

    // Scroll so that the highlighted option is on screen.
    let height = area.height as usize;
    let scroll = cursor_lines.1.saturating_sub(height).min(cursor_lines.0);
    frame.render_widget(
        Paragraph::new(lines).scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0)),
        area,
    );
}

fn level_suffix(level: u8, lang: Lang) -> String {
    format!(" ({} {level})", lang.pick("niv.", "lvl"))
}
