//! The current question: its heading and text, which stay in place, then what scrolls under
//! them — the help, the previous answer when re-assessing, the options numbered from 1, the note
//! and the machines' facts. When the note is scrolled out of sight its first line stays shown at
//! the bottom, so that a short terminal never hides that a note was taken.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::text::{hanging, wrap};
use crate::audit::choice_label;
use crate::catalog::Control;
use crate::evidence::Evidence;
use crate::lang::Lang;
use crate::session::{self, Answer};
use crate::tui::app::{App, Choice};
use crate::tui::labels::Labels;
use crate::upgrade::Retired;

/// How many rows under the question text are kept for the options, however long the text.
const MIN_OPTION_ROWS: usize = 4;

/// Bold, for headings, labels and the chosen option.
fn bold() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

/// Dim, for hints and sources.
fn dim() -> Style {
    Style::new().add_modifier(Modifier::DIM)
}

/// The lines that scroll under the question, and where the options and the note are in them.
struct Body {
    lines: Vec<Line<'static>>,
    /// The highlighted option's first and past-the-last lines.
    cursor_lines: (usize, usize),
    /// Where each option starts: the view never opens on the tail of one.
    option_starts: Vec<usize>,
    /// Where the note (or the hint to write one) starts.
    note_line: usize,
}

/// Draws the question panel, the part under the question text scrolled so that the highlighted
/// option is visible.
pub fn render(frame: &mut Frame<'_>, app: &App<'_>, area: Rect) {
    let area = Rect {
        x: area.x + 1,
        width: area.width.saturating_sub(1),
        ..area
    };
    let Some(control) = app.current() else {
        frame.render_widget(
            Paragraph::new(Labels::of(app.lang).no_question.as_str()),
            area,
        );
        return;
    };
    let top = fixed_lines(app, control, area);
    // The part that scrolls, two columns narrower: the right edge shows ↑ ↓ when it overflows,
    // a blank column apart from the text.
    let width = (area.width as usize).saturating_sub(2);
    let body = body_lines(app, control, width);
    let scrolled = draw_fixed(frame, top, area);
    draw_scrolled(frame, app, control, body, scrolled, width);
}

/// The fixed part: heading (id, domain, position, tags) and the question.
fn fixed_lines(app: &App<'_>, control: &Control, area: Rect) -> Vec<Line<'static>> {
    let lang = app.lang;
    let width = area.width as usize;
    let mut top: Vec<Line<'static>> = Vec::new();
    let domain = app
        .audit
        .catalog
        .domain(&control.domain)
        .map_or(control.domain.as_str(), |d| d.title.get(lang));
    let tags = heading_tags(app, control);
    let position = format!("{}/{}", app.current_index() + 1, app.questions().len());
    top.extend(hanging(
        Span::styled(format!("{} · ", control.id), bold()),
        &format!("{domain} · {position} {}", tags.join(" ")),
        width,
        Style::new(),
    ));
    // On a short terminal the question is worth more than the blank lines around it.
    let roomy = area.height >= 16;
    if roomy {
        top.push(Line::raw(""));
    }
    for part in wrap(control.question.get(lang), width) {
        top.push(Line::styled(part, bold()));
    }
    if roomy {
        top.push(Line::raw(""));
    }
    top
}

/// The heading's tags: critical, context, flagged, to confirm, noted.
fn heading_tags(app: &App<'_>, control: &Control) -> Vec<&'static str> {
    let labels = Labels::of(app.lang);
    let session = &app.audit.session;
    let answer = session.answers.get(&control.id);
    let mut tags = Vec::new();
    // Each tag held together by no-break spaces: wrapped whole, never "[↻ à" and "confirmer]".
    if control.critical {
        tags.push(labels.tag_critical.as_str());
    }
    if control.context {
        tags.push(labels.tag_context.as_str());
    }
    if session.is_flagged(&control.id) {
        tags.push(labels.tag_flagged.as_str());
    }
    if answer.is_some_and(|a| a.to_confirm) {
        tags.push(labels.tag_to_confirm.as_str());
    }
    if session.note(&control.id).is_some() {
        tags.push(labels.tag_note.as_str());
    }
    tags
}

/// The part that scrolls: help, set-aside and previous answers, options, note, machine facts.
fn body_lines(app: &App<'_>, control: &Control, width: usize) -> Body {
    let lang = app.lang;
    let answer = app.audit.session.answers.get(&control.id);
    let mut lines: Vec<Line<'static>> = Vec::new();
    if app.show_help {
        push_help(&mut lines, control, lang, width);
    }
    // An answer given with an earlier catalog version, set aside because the question changed.
    if answer.is_none()
        && let Some(retired) = app.audit.session.retired.get(&control.id)
    {
        push_retired(&mut lines, retired, lang, width);
    }
    // The previous assessment's answer, in a re-assessment.
    if let Some(answer) = answer
        && let Some(previous) = &answer.previous_choice
    {
        push_previous_answer(&mut lines, control, answer, previous, lang, width);
    }
    let (cursor_lines, option_starts) = push_options(&mut lines, app, control, width);
    lines.push(Line::raw(""));
    let note_line = lines.len();
    push_note(&mut lines, app.audit.session.note(&control.id), lang, width);
    if let Some(evidence) = &app.evidence {
        push_machine_facts(&mut lines, app, control, evidence, width);
    }
    Body {
        lines,
        cursor_lines,
        option_starts,
        note_line,
    }
}

/// Adds the help text and the control's sources, then a blank line.
fn push_help(lines: &mut Vec<Line<'static>>, control: &Control, lang: Lang, width: usize) {
    let labels = Labels::of(lang);
    lines.push(Line::styled(labels.help.as_str(), bold()));
    for part in wrap(control.help.get(lang), width) {
        lines.push(Line::styled(
            part,
            Style::new().add_modifier(Modifier::ITALIC),
        ));
    }
    if !control.refs.is_empty() {
        lines.extend(hanging(
            Span::styled(labels.sources.as_str(), dim()),
            &control.refs.join(", "),
            width,
            dim(),
        ));
    }
    lines.push(Line::raw(""));
}

/// Adds the answer set aside by a catalog upgrade and its note, then a blank line.
fn push_retired(lines: &mut Vec<Line<'static>>, retired: &Retired, lang: Lang, width: usize) {
    let said = crate::upgrade::retired_note(retired, lang);
    lines.extend(hanging(
        Span::styled("↻ ", bold()),
        said.get(lang),
        width,
        bold(),
    ));
    if let Some(note) = &retired.note {
        lines.extend(hanging(
            Span::styled(Labels::of(lang).note_then.as_str(), dim()),
            note,
            width,
            dim(),
        ));
    }
    // Apart from the options, as the previous answer of a re-assessment is.
    lines.push(Line::raw(""));
}

/// Adds the previous assessment's answer and note, the hint to confirm or the current answer.
fn push_previous_answer(
    lines: &mut Vec<Line<'static>>,
    control: &Control,
    answer: &Answer,
    previous: &session::Choice,
    lang: Lang,
    width: usize,
) {
    let labels = Labels::of(lang);
    let label = choice_label(control, previous, lang);
    lines.extend(hanging(
        Span::styled(labels.previous_answer.as_str(), bold()),
        &label,
        width,
        Style::new(),
    ));
    if let Some(note) = answer.previous_note.as_deref() {
        lines.extend(hanging(
            Span::styled(labels.previous_note.as_str(), bold()),
            note,
            width,
            Style::new(),
        ));
    }
    if answer.to_confirm {
        lines.extend(hanging(
            Span::styled("", dim()),
            &labels.confirm_hint,
            width,
            dim(),
        ));
    } else if answer.choice != *previous {
        // Changed since: the new answer too, so that the top of the question says it all.
        lines.extend(hanging(
            Span::styled(labels.current_answer.as_str(), bold()),
            &choice_label(control, &answer.choice, lang),
            width,
            Style::new(),
        ));
    }
    lines.push(Line::raw(""));
}

/// Adds the options, with the cursor and the current answer; returns the highlighted option's
/// lines and where each option starts.
fn push_options(
    lines: &mut Vec<Line<'static>>,
    app: &App<'_>,
    control: &Control,
    width: usize,
) -> ((usize, usize), Vec<usize>) {
    let lang = app.lang;
    let labels = Labels::of(lang);
    let answer = app.audit.session.answers.get(&control.id);
    let previous = answer.and_then(|a| a.previous_choice.as_ref());
    let chosen = answer.map(|a| &a.choice);
    let mut cursor_lines = (0, 0);
    let mut option_starts = Vec::new();
    for (index, choice) in app.choices().into_iter().enumerate() {
        let (key, label, level) = choice_parts(control, choice, lang, labels);
        let recorded = choice.answer(control);
        let here = index == app.cursor();
        let selected = chosen == Some(&recorded);
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
            labels
                .level_suffix
                .fill_into(&mut text, &[&level.to_string()]);
        }
        // The previous assessment's answer, marked where it is even when scrolled past its line;
        // the mark held together, as the tags are.
        if previous == Some(&recorded) {
            text.push_str(&labels.previous_mark);
        }
        let style = if here {
            Style::new().add_modifier(Modifier::REVERSED)
        } else if selected {
            bold()
        } else {
            Style::new()
        };
        let start = lines.len();
        option_starts.push(start);
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
    (cursor_lines, option_starts)
}

/// A choice's key, label and level (for the options that have one).
fn choice_parts(
    control: &Control,
    choice: Choice,
    lang: Lang,
    labels: &Labels,
) -> (String, String, Option<u8>) {
    match choice {
        Choice::Option(i) => {
            let option = &control.options[i];
            (
                format!("{}.", i + 1),
                option.label.get(lang).to_owned(),
                option.level,
            )
        }
        Choice::Unknown => ("u.".to_owned(), labels.dont_know.clone(), None),
        Choice::NotApplicable => ("a.".to_owned(), labels.not_applicable.clone(), None),
    }
}

/// Adds the note, or the hint to write one.
fn push_note(lines: &mut Vec<Line<'static>>, note: Option<&str>, lang: Lang, width: usize) {
    let labels = Labels::of(lang);
    match note {
        Some(note) => lines.extend(hanging(
            Span::styled(labels.note.as_str(), bold()),
            note,
            width,
            Style::new(),
        )),
        None => lines.extend(hanging(
            Span::styled("", dim()),
            &labels.note_hint,
            width,
            dim(),
        )),
    }
}

/// Adds the machines' facts bearing on the question, the contradiction and points to verify.
fn push_machine_facts(
    lines: &mut Vec<Line<'static>>,
    app: &App<'_>,
    control: &Control,
    evidence: &Evidence,
    width: usize,
) {
    let lang = app.lang;
    let bearing = evidence.bearing_on(control);
    if bearing.is_empty() {
        return;
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        Labels::of(lang).machine_facts.as_str(),
        bold(),
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
                i18n::fact_detail(&lang, fact)
            ),
            width,
            Style::new(),
        ));
    }
    if let scoring::ControlState::Level(declared) = app.audit.state(control) {
        push_contradiction(lines, control, evidence, declared, lang, width);
    }
    if let scoring::ControlState::Level(declared) = app.audit.state(control) {
        push_points_to_verify(lines, control, evidence, declared, lang, width);
    }
}

/// Adds the first machine finding that caps the declared level, and its reason.
fn push_contradiction(
    lines: &mut Vec<Line<'static>>,
    control: &Control,
    evidence: &Evidence,
    declared: u8,
    lang: Lang,
    width: usize,
) {
    if let Some(finding) = evidence.findings(control).first()
        && finding.rule.max_level < declared
    {
        lines.extend(hanging(
            Span::styled("  ⚠ ", bold()),
            &Labels::of(lang).contradiction.fill(&[
                finding.host,
                &finding.rule.max_level.to_string(),
                &declared.to_string(),
            ]),
            width,
            bold(),
        ));
        lines.extend(hanging(
            Span::raw("    "),
            crate::evidence::reason_in(&finding.rule.reason, lang),
            width,
            dim(),
        ));
    }
}

/// Adds the machine findings that question the declared level without capping it, and why.
fn push_points_to_verify(
    lines: &mut Vec<Line<'static>>,
    control: &Control,
    evidence: &Evidence,
    declared: u8,
    lang: Lang,
    width: usize,
) {
    for finding in evidence.holding(control, scoring::facts::RuleKind::Verify) {
        if finding.rule.max_level >= declared {
            continue;
        }
        lines.extend(hanging(
            Span::styled("  ? ", bold()),
            &Labels::of(lang).point_to_verify.fill(&[
                finding.host,
                &finding.fact.key,
                &crate::results::fact_value(&finding.fact.value),
            ]),
            width,
            bold(),
        ));
        lines.extend(hanging(
            Span::raw("    "),
            crate::evidence::reason_in(&finding.rule.reason, lang),
            width,
            dim(),
        ));
    }
}

/// Draws the heading and the question, cut if they do not fit; returns the area left under them.
fn draw_fixed(frame: &mut Frame<'_>, mut top: Vec<Line<'static>>, area: Rect) -> Rect {
    // The heading and the question stay; if they do not fit, they are cut, never the options.
    let height = area.height as usize;
    let top_rows = top
        .len()
        .min(height.saturating_sub(MIN_OPTION_ROWS.min(height)));
    if top.len() > top_rows {
        top.truncate(top_rows);
        if let Some(last) = top.last_mut() {
            *last = Line::styled("…", dim());
        }
    }
    let [fixed, scrolled] = ratatui::layout::Layout::vertical([
        ratatui::layout::Constraint::Length(top_rows as u16),
        ratatui::layout::Constraint::Min(0),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(top), fixed);
    scrolled
}

/// Draws the scrolling part, with the note pinned at the bottom when out of sight and ↑ ↓ marks.
fn draw_scrolled(
    frame: &mut Frame<'_>,
    app: &App<'_>,
    control: &Control,
    body: Body,
    scrolled: Rect,
    width: usize,
) {
    let answer = app.audit.session.answers.get(&control.id);
    let previous = answer.and_then(|a| a.previous_choice.as_ref());
    let note = app.audit.session.note(&control.id);
    let Body {
        lines,
        cursor_lines,
        option_starts,
        note_line,
    } = body;
    // On the last option, the machines' facts under the note come into view as far as they can.
    let reveal_tail = app.evidence.is_some() && app.cursor() + 1 >= app.choices().len();
    // What is read before answering (the help, the previous answer and note of a
    // re-assessment) shows from its start when the question opens; the view follows the
    // highlighted option once the auditor moves it.
    let from_top = !app.cursor_moved() && (app.show_help || previous.is_some());
    let scroll_in = |rows: usize| {
        if from_top {
            0
        } else {
            scroll_for(cursor_lines, lines.len(), rows, reveal_tail, &option_starts)
        }
    };
    let rows = scrolled.height as usize;
    let mut scroll = scroll_in(rows);
    let mut shown = scrolled;
    // The note out of sight: its first line stays at the bottom.
    if let Some(note) = note
        && rows >= 2
        && !(scroll..scroll + rows).contains(&note_line)
    {
        scroll = scroll_in(rows - 1);
        shown.height -= 1;
        draw_pinned_note(
            frame,
            note,
            app.lang,
            width,
            Rect {
                y: scrolled.y + shown.height,
                height: 1,
                ..scrolled
            },
        );
    }
    let total = lines.len();
    frame.render_widget(
        Paragraph::new(lines).scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0)),
        shown,
    );
    draw_scroll_marks(frame, shown, scroll, total);
}

/// Draws the note's first line (with " …" if it has more) in the one-row `area`.
fn draw_pinned_note(frame: &mut Frame<'_>, note: &str, lang: Lang, width: usize, area: Rect) {
    let mut parts = note.lines();
    let first = parts.next().unwrap_or_default();
    let more = if parts.next().is_some() { " …" } else { "" };
    let label = Labels::of(lang).pinned_note.as_str();
    let room = width.saturating_sub(label.chars().count());
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(label, bold()),
            Span::raw(super::text::truncate(&format!("{first}{more}"), room)),
        ])),
        area,
    );
}

/// Draws ↑ and ↓ on the right edge of `shown` when lines are hidden above or below.
fn draw_scroll_marks(frame: &mut Frame<'_>, shown: Rect, scroll: usize, total: usize) {
    if shown.width > 0 && shown.height > 0 {
        let edge = |y: u16| Rect {
            x: shown.right() - 1,
            y,
            width: 1,
            height: 1,
        };
        if scroll > 0 {
            frame.render_widget(Paragraph::new(Span::styled("↑", bold())), edge(shown.y));
        }
        if scroll + (shown.height as usize) < total {
            frame.render_widget(
                Paragraph::new(Span::styled("↓", bold())),
                edge(shown.bottom() - 1),
            );
        }
    }
}

/// The first line to show of `total` lines in `rows` rows so that the highlighted option
/// (`cursor`, its first and past-the-last lines) is visible; with `reveal_tail`, as much as
/// possible of what follows it. Scrolled, the first line shown is the first line of an option
/// (`starts`), never the tail of one cut from its number.
fn scroll_for(
    cursor: (usize, usize),
    total: usize,
    rows: usize,
    reveal_tail: bool,
    starts: &[usize],
) -> usize {
    let (start, end) = cursor;
    let mut scroll = end.saturating_sub(rows).min(start);
    if reveal_tail {
        scroll = scroll.max(total.saturating_sub(rows).min(start));
    }
    if scroll == 0 {
        return 0;
    }
    starts
        .iter()
        .copied()
        .filter(|&line| line >= scroll && line <= start)
        .min()
        .unwrap_or(scroll)
}
