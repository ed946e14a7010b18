//! The state of the guided audit and [`App::update`], the one place where a key changes it.
//!
//! `update` is pure: it reads the event and the state (including the time, set by the runtime
//! before each call) and returns what the runtime must do — save the session, export, quit. This
//! is what the unit tests drive, key by key.

use std::time::Duration;

use chrono::{DateTime, Months, Utc};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui_textarea::TextArea;
use scoring::Assessment;

use super::clock::Clock;
use super::search::Search;
use crate::audit::Audit;
use crate::catalog::Control;
use crate::lang::{Lang, Text};
use crate::session::{self, AnswerCounts, AnswerState};

/// What happens to the audit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// A key was pressed.
    Key(KeyEvent),
    /// Time passed (the runtime has updated [`App::clock`]).
    Tick,
    /// The process was asked to stop (SIGTERM, SIGHUP, SIGQUIT, SIGINT): keep the open note,
    /// save, and leave — as `q` and Ctrl-C do.
    Stop,
}

/// What the runtime must do after an update.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Write the session file now.
    Save,
    /// Write the results next to the session file (JSON and Markdown).
    Export,
    /// Leave (after saving).
    Quit,
}

/// The screen shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// One question at a time.
    Questions,
    /// The end of the meeting: index, levels, priorities.
    Summary,
}

/// A window over the screen.
#[derive(Debug, Default)]
pub enum Overlay {
    /// Nothing over the screen.
    #[default]
    None,
    /// Every key and what it does, scrolled down by this many lines.
    Keys {
        /// Lines scrolled.
        scroll: u16,
    },
    /// Searching the questions.
    Search(Search),
    /// Editing the note of the current question.
    Note(Box<NoteEditor>),
}

/// How long typing in the note editor may go unsaved: the draft is written to the session once
/// it has had unsaved changes for this long (and at each new line), so that a SIGKILL loses at
/// most about a second of typing.
pub const DRAFT_SAVE_AFTER: Duration = Duration::from_secs(1);

/// The note editor and what it was opened on.
#[derive(Debug)]
pub struct NoteEditor {
    /// The text being edited.
    pub editor: TextArea<'static>,
    /// The note when the editor was opened (to say "note saved" only when it changed).
    original: String,
    /// When (in [`Clock::this_run`]) the text first changed since it was last written.
    unsaved_since: Option<Duration>,
}

impl NoteEditor {
    fn new(note: &str) -> NoteEditor {
        let mut editor = TextArea::new(note.lines().map(str::to_owned).collect());
        editor.move_cursor(ratatui_textarea::CursorMove::Bottom);
        editor.move_cursor(ratatui_textarea::CursorMove::End);
        NoteEditor {
            editor,
            original: note.to_owned(),
            unsaved_since: None,
        }
    }

    /// The note as it would be stored.
    pub fn text(&self) -> String {
        self.editor.lines().join("\n").trim_end().to_owned()
    }
}

/// One line the auditor can pick for the current question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// The option at this index of the control's options.
    Option(usize),
    /// "Je ne sais pas".
    Unknown,
    /// "Non applicable".
    NotApplicable,
}

impl Choice {
    /// The answer this line records for `control`.
    pub fn answer(self, control: &Control) -> session::Choice {
        match self {
            Choice::Option(index) => session::Choice::Option(control.options[index].id.clone()),
            Choice::Unknown => session::Choice::Unknown,
            Choice::NotApplicable => session::Choice::NotApplicable,
        }
    }
}

/// A message in the footer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    /// The text.
    pub text: Text,
    /// Whether it reports a failure (shown with a "!" mark, not by colour alone).
    pub error: bool,
}

/// The guided audit.
#[derive(Debug)]
pub struct App<'c> {
    /// The session and its catalog.
    pub audit: Audit<'c>,
    /// The interface language.
    pub lang: Lang,
    /// The current time, set by the runtime before each update.
    pub now: DateTime<Utc>,
    /// The meeting's clock.
    pub clock: Clock,
    /// The screen shown.
    pub screen: Screen,
    /// A window over it, if any.
    pub overlay: Overlay,
    /// Whether the help text of the question is shown.
    pub show_help: bool,
    /// Whether scores are shown (hidden so participants do not steer their answers by them).
    pub show_score: bool,
    /// The last message.
    pub status: Option<Status>,
    /// How far the summary is scrolled down, in lines (no further than its last line, on a
    /// terminal of [`App::screen_size`]).
    pub summary_scroll: u16,
    /// The machines' facts (`--facts`), shown under the questions they bear on.
    pub evidence: Option<crate::evidence::Evidence>,
    /// The terminal's size, set by the runtime (how far a window can scroll depends on it).
    pub screen_size: ratatui::layout::Size,
    questions: Vec<&'c Control>,
    current: usize,
    cursor: usize,
    /// Whether the cursor was moved since the question opened: until then the question shows
    /// from the top of its content (help, previous answer), not scrolled to the cursor.
    cursor_moved: bool,
    assessment: Assessment,
    /// The questions of the score answered, of those asked, and the answers among them still
    /// to confirm: counted when the answers change, not at every frame.
    progress: (crate::audit::Progress, usize),
}

impl<'c> App<'c> {
    /// The audit at its first question needing an answer (or its first question).
    pub fn new(audit: Audit<'c>, lang: Lang, now: DateTime<Utc>, budget: Duration) -> App<'c> {
        let before = Duration::from_secs(audit.session.meta.elapsed_seconds);
        let assessment = audit.assess();
        let mut app = App {
            audit,
            lang,
            now,
            clock: Clock {
                budget,
                before,
                this_run: Duration::ZERO,
            },
            screen: Screen::Questions,
            overlay: Overlay::None,
            show_help: false,
            show_score: true,
            status: None,
            summary_scroll: 0,
            evidence: None,
            screen_size: ratatui::layout::Size::new(80, 24),
            questions: Vec::new(),
            current: 0,
            cursor: 0,
            cursor_moved: false,
            assessment,
            progress: (crate::audit::Progress::default(), 0),
        };
        app.refresh(None);
        match app.next_needing_answer(0) {
            Some(index) => app.go_to(index),
            None if app.questions.is_empty() => {}
            // Resumed with everything answered: if the summary waits, at the first question
            // flagged to come back to.
            None => {
                let session = &app.audit.session;
                let first_flagged = app.questions.iter().position(|c| session.is_flagged(&c.id));
                app.all_answered(first_flagged.unwrap_or(0));
            }
        }
        app
    }

    /// The questions asked, given the answers so far, in order.
    pub fn questions(&self) -> &[&'c Control] {
        &self.questions
    }

    /// The index of the current question in [`App::questions`].
    pub fn current_index(&self) -> usize {
        self.current
    }

    /// The current question.
    pub fn current(&self) -> Option<&'c Control> {
        self.questions.get(self.current).copied()
    }

    /// The highlighted line among [`App::choices`].
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// Whether the auditor moved the cursor since the question opened.
    pub fn cursor_moved(&self) -> bool {
        self.cursor_moved
    }

    /// The scores, as of the last change.
    pub fn assessment(&self) -> &Assessment {
        &self.assessment
    }

    /// The questions of the score answered and asked ([`crate::audit::Audit::progress`]), and
    /// the answers among them still to confirm, as of the last change.
    pub fn progress(&self) -> (crate::audit::Progress, usize) {
        self.progress
    }

    /// The lines the auditor can pick for the current question: options, then "don't know",
    /// then "not applicable" where allowed.
    pub fn choices(&self) -> Vec<Choice> {
        let Some(control) = self.current() else {
            return Vec::new();
        };
        let mut choices: Vec<Choice> = (0..control.options.len()).map(Choice::Option).collect();
        choices.push(Choice::Unknown);
        if control.na_allowed {
            choices.push(Choice::NotApplicable);
        }
        choices
    }

    /// Whether a question still needs the auditor: no answer, or an answer carried over from the
    /// previous assessment and not confirmed yet.
    pub fn needs_answer(&self, control: &Control) -> bool {
        self.audit
            .session
            .answers
            .get(&control.id)
            .is_none_or(|answer| answer.state() == AnswerState::ToConfirm)
    }

    /// Where the answers to the questions asked stand.
    pub fn counts(&self) -> AnswerCounts {
        self.audit
            .session
            .count_answers(self.questions.iter().map(|control| control.id.as_str()))
    }

    /// How many questions still need an answer.
    pub fn left(&self) -> usize {
        self.counts().left()
    }

    /// Seconds spent, to record in the session.
    pub fn elapsed_seconds(&self) -> u64 {
        self.clock.elapsed().as_secs()
    }

    /// Applies one event; returns what the runtime must do, in order.
    pub fn update(&mut self, event: Event) -> Vec<Effect> {
        let key = match event {
            Event::Key(key) => key,
            Event::Tick => return self.tick(),
            Event::Stop => return self.quit(),
        };
        if key.kind == KeyEventKind::Release {
            return Vec::new();
        }
        if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
            return self.quit();
        }
        match std::mem::take(&mut self.overlay) {
            Overlay::None => {}
            Overlay::Keys { scroll } => return self.update_keys(scroll, key),
            Overlay::Search(search) => return self.update_search(search, key),
            Overlay::Note(editor) => return self.update_note(editor, key),
        }
        match self.screen {
            Screen::Questions => self.update_questions(key),
            Screen::Summary => self.update_summary(key),
        }
    }

    fn update_questions(&mut self, key: KeyEvent) -> Vec<Effect> {
        self.status = None;
        let Some(control) = self.current() else {
            return match key.code {
                KeyCode::Char('q') => self.quit(),
                _ => Vec::new(),
            };
        };
        let choices = self.choices();
        match key.code {
            KeyCode::Char('q') => return self.quit(),
            KeyCode::Char(digit @ '1'..='9') => {
                let index = digit as usize - '1' as usize;
                if index < control.options.len() {
                    return self.pick(Choice::Option(index));
                }
                let digit = digit.to_string();
                self.say(i18n::text!("tui-no-option", digit = digit), true);
            }
            KeyCode::Char('u') => return self.pick(Choice::Unknown),
            KeyCode::Char('a') => {
                if control.na_allowed {
                    return self.pick(Choice::NotApplicable);
                }
                self.say(i18n::text!("tui-na-not-allowed"), true);
            }
            KeyCode::Enter => {
                if let Some(choice) = choices.get(self.cursor) {
                    return self.pick(*choice);
                }
            }
            KeyCode::Up | KeyCode::Char('k') => {
                self.cursor = self.cursor.saturating_sub(1);
                self.cursor_moved = true;
            }
            KeyCode::Down | KeyCode::Char('j') => {
                self.cursor = (self.cursor + 1).min(choices.len().saturating_sub(1));
                self.cursor_moved = true;
            }
            KeyCode::Left | KeyCode::PageUp | KeyCode::Char('p') => {
                self.go_to(self.current.saturating_sub(1));
            }
            KeyCode::Right | KeyCode::PageDown => {
                self.go_to((self.current + 1).min(self.questions.len() - 1));
            }
            KeyCode::Char('c') => return self.confirm(control),
            KeyCode::Tab => match self
                .next_matching(|app, c| app.needs_answer(c) || app.audit.session.is_flagged(&c.id))
            {
                Some(index) => self.go_to(index),
                None => self.say(i18n::text!("tui-none-open"), false),
            },
            KeyCode::Char('F') => {
                match self.next_matching(|app, c| app.audit.session.is_flagged(&c.id)) {
                    Some(index) => self.go_to(index),
                    None => self.say(i18n::text!("tui-none-flagged"), false),
                }
            }
            KeyCode::Char('f') => {
                self.audit.session.toggle_flag(&control.id, self.now);
                return vec![Effect::Save];
            }
            KeyCode::Char('n') => {
                let note = self.audit.session.note(&control.id).unwrap_or_default();
                self.overlay = Overlay::Note(Box::new(NoteEditor::new(note)));
            }
            KeyCode::Char('h') => {
                self.show_help = !self.show_help;
                // Asked for, the help shows from its start, wherever the cursor is.
                if self.show_help {
                    self.cursor_moved = false;
                }
            }
            KeyCode::Char('s') => self.show_score = !self.show_score,
            KeyCode::Char('/') => self.overlay = Overlay::Search(Search::default()),
            KeyCode::Char('?') => self.overlay = Overlay::Keys { scroll: 0 },
            KeyCode::Char('r') => {
                self.summary_scroll = 0;
                self.screen = Screen::Summary;
            }
            _ => {}
        }
        Vec::new()
    }

    fn update_summary(&mut self, key: KeyEvent) -> Vec<Effect> {
        self.status = None;
        match key.code {
            KeyCode::Char('q') => return self.quit(),
            KeyCode::Esc | KeyCode::Char('r') | KeyCode::Backspace
                if !self.questions.is_empty() =>
            {
                self.screen = Screen::Questions;
            }
            KeyCode::Char('x') => return vec![Effect::Export],
            code @ (KeyCode::Up | KeyCode::Down | KeyCode::Char('k' | 'j')) => {
                let last = super::view::summary_max_scroll(self, self.screen_size);
                if let Some(scroll) = scroll_key(self.summary_scroll, code, last) {
                    self.summary_scroll = scroll;
                }
            }
            KeyCode::Char('p') => {
                let next = self
                    .now
                    .date_naive()
                    .checked_add_months(Months::new(6))
                    .map(|date| date.format("%Y-%m-%d").to_string())
                    .unwrap_or_default();
                self.audit.session.meta.next_assessment =
                    self.now.date_naive().checked_add_months(Months::new(6));
                self.say(i18n::text!("tui-next-assessment-set", date = next), false);
                return vec![Effect::Save];
            }
            KeyCode::Char('?') => self.overlay = Overlay::Keys { scroll: 0 },
            _ => {}
        }
        Vec::new()
    }

    fn update_search(&mut self, mut search: Search, key: KeyEvent) -> Vec<Effect> {
        match key.code {
            KeyCode::Esc => return Vec::new(),
            KeyCode::Enter => {
                if let Some(id) = search.selected_id()
                    && let Some(index) = self.questions.iter().position(|c| c.id == id)
                {
                    self.screen = Screen::Questions;
                    self.go_to(index);
                }
                return Vec::new();
            }
            KeyCode::Up => search.select_previous(),
            KeyCode::Down => search.select_next(),
            KeyCode::Backspace => {
                search.query.pop();
                search.refresh(&self.questions, self.lang);
            }
            KeyCode::Char(c) => {
                search.query.push(c);
                search.refresh(&self.questions, self.lang);
            }
            _ => {}
        }
        self.overlay = Overlay::Search(search);
        Vec::new()
    }

    /// The `?` window: arrows scroll it, any other key closes it.
    fn update_keys(&mut self, scroll: u16, key: KeyEvent) -> Vec<Effect> {
        let last = super::view::keys_max_scroll(self, self.screen_size);
        if let Some(scroll) = scroll_key(scroll, key.code, last) {
            self.overlay = Overlay::Keys { scroll };
        }
        Vec::new()
    }

    fn update_note(&mut self, mut note: Box<NoteEditor>, key: KeyEvent) -> Vec<Effect> {
        let done = key.code == KeyCode::Esc
            || (key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('s'));
        if done {
            return self.close_note(&note);
        }
        let changed = note.editor.input(key);
        if changed && note.unsaved_since.is_none() {
            note.unsaved_since = Some(self.clock.this_run);
        }
        // A new line is a natural pause: write the draft then, or once it is due.
        let effects = if (changed && key.code == KeyCode::Enter) || self.draft_due(&note) {
            self.write_draft(&mut note)
        } else {
            Vec::new()
        };
        self.overlay = Overlay::Note(note);
        effects
    }

    /// Time passed: writes the draft of the open note once it is due.
    fn tick(&mut self) -> Vec<Effect> {
        let Overlay::Note(mut note) = std::mem::take(&mut self.overlay) else {
            return Vec::new();
        };
        let effects = if self.draft_due(&note) {
            self.write_draft(&mut note)
        } else {
            Vec::new()
        };
        self.overlay = Overlay::Note(note);
        effects
    }

    /// How long until the draft of `note` is due to be written (zero once it is); `None` when it
    /// has nothing unsaved.
    fn draft_due_in(&self, note: &NoteEditor) -> Option<Duration> {
        let since = note.unsaved_since?;
        Some(DRAFT_SAVE_AFTER.saturating_sub(self.clock.this_run.saturating_sub(since)))
    }

    fn draft_due(&self, note: &NoteEditor) -> bool {
        self.draft_due_in(note).is_some_and(|due| due.is_zero())
    }

    /// How soon the runtime should send a [`Event::Tick`] for a draft to be written on time.
    pub fn tick_within(&self) -> Option<Duration> {
        let Overlay::Note(note) = &self.overlay else {
            return None;
        };
        self.draft_due_in(note)
    }

    /// Writes the text being typed as the note of the question, the editor staying open.
    fn write_draft(&mut self, note: &mut NoteEditor) -> Vec<Effect> {
        note.unsaved_since = None;
        self.store_note(&note.text())
    }

    /// Closes the editor, keeping its text: Escape, Ctrl-S, and quitting with it open.
    fn close_note(&mut self, note: &NoteEditor) -> Vec<Effect> {
        let text = note.text();
        let effects = self.store_note(&text);
        if text != note.original.trim_end() {
            self.say(i18n::text!("tui-note-saved"), false);
        }
        effects
    }

    /// Sets the note of the current question; a save when it changed.
    fn store_note(&mut self, text: &str) -> Vec<Effect> {
        let Some(control) = self.current() else {
            return Vec::new();
        };
        if self.audit.session.note(&control.id).unwrap_or_default() == text {
            return Vec::new();
        }
        self.audit
            .session
            .set_note(&control.id, Some(text.to_owned()), self.now);
        vec![Effect::Save]
    }

    /// Records a choice for the current question and moves on.
    fn pick(&mut self, choice: Choice) -> Vec<Effect> {
        let Some(control) = self.current() else {
            return Vec::new();
        };
        self.audit
            .session
            .set_answer(&control.id, choice.answer(control), None, self.now);
        self.refresh(Some(&control.id));
        self.advance();
        vec![Effect::Save]
    }

    /// Confirms an answer carried over from the previous assessment.
    fn confirm(&mut self, control: &Control) -> Vec<Effect> {
        let carried = self
            .audit
            .session
            .answers
            .get(&control.id)
            .filter(|answer| answer.to_confirm)
            .map(|answer| answer.choice.clone());
        let Some(choice) = carried else {
            self.say(i18n::text!("tui-nothing-to-confirm"), true);
            return Vec::new();
        };
        self.audit
            .session
            .set_answer(&control.id, choice, None, self.now);
        self.refresh(Some(&control.id));
        self.advance();
        vec![Effect::Save]
    }

    /// After an answer: the next question, or the first one still open, or the summary.
    fn advance(&mut self) {
        if self.current + 1 < self.questions.len() {
            self.go_to(self.current + 1);
        } else if let Some(index) = self.next_needing_answer(0) {
            self.go_to(index);
        } else {
            self.all_answered(self.current);
        }
    }

    /// Every question is answered: the summary opens, unless the scores are hidden (the
    /// participants should not see them yet) or questions are flagged to come back to; then it
    /// waits to be asked for, on the question at `index`.
    fn all_answered(&mut self, index: usize) {
        if self.show_score && self.flagged() == 0 {
            self.screen = Screen::Summary;
        } else {
            self.go_to(index);
            self.say_all_answered();
        }
    }

    /// How many of the questions asked are flagged.
    fn flagged(&self) -> usize {
        self.questions
            .iter()
            .filter(|c| self.audit.session.is_flagged(&c.id))
            .count()
    }

    /// Says that every question is answered, how many are flagged, and how to open the summary.
    fn say_all_answered(&mut self) {
        let text = i18n::text!("tui-all-answered", count = self.flagged());
        self.say(text, false);
    }

    /// Saves and leaves; a note being written is kept, as Escape would.
    fn quit(&mut self) -> Vec<Effect> {
        if let Overlay::Note(note) = std::mem::take(&mut self.overlay) {
            self.close_note(&note);
        }
        vec![Effect::Save, Effect::Quit]
    }

    /// Recomputes the questions asked and the scores after a change, keeping the current
    /// question (or, when it has just disappeared, the one after it).
    fn refresh(&mut self, keep: Option<&str>) {
        let keep = keep
            .map(str::to_owned)
            .or_else(|| self.current().map(|c| c.id.clone()));
        let profile_order: Vec<&'c Control> = self.audit.controls().collect();
        self.questions = profile_order
            .iter()
            .copied()
            .filter(|control| self.audit.applies(control))
            .collect();
        self.assessment = self.audit.assess_with(self.evidence.as_ref());
        let to_confirm = self
            .audit
            .session
            .count_answers(
                self.questions
                    .iter()
                    .filter(|control| !control.context)
                    .map(|control| control.id.as_str()),
            )
            .to_confirm;
        self.progress = (crate::audit::Progress::of(&self.assessment), to_confirm);
        if let Some(keep) = keep {
            let position = profile_order.iter().position(|c| c.id == keep);
            self.current = self
                .questions
                .iter()
                .position(|c| c.id == keep)
                .or_else(|| {
                    // The kept question is gone: stand on the first asked question after it.
                    let position = position?;
                    self.questions.iter().position(|c| {
                        profile_order.iter().position(|p| p.id == c.id) > Some(position)
                    })
                })
                .unwrap_or(0);
        }
        self.current = self.current.min(self.questions.len().saturating_sub(1));
    }

    fn go_to(&mut self, index: usize) {
        self.current = index.min(self.questions.len().saturating_sub(1));
        self.cursor = self.default_cursor();
        self.cursor_moved = false;
    }

    /// The cursor starts on the current answer, if any.
    fn default_cursor(&self) -> usize {
        let Some(control) = self.current() else {
            return 0;
        };
        let Some(answer) = self.audit.session.answers.get(&control.id) else {
            return 0;
        };
        self.choices()
            .into_iter()
            .position(|choice| choice.answer(control) == answer.choice)
            .unwrap_or(0)
    }

    fn next_needing_answer(&self, from: usize) -> Option<usize> {
        (from..self.questions.len()).find(|&index| self.needs_answer(self.questions[index]))
    }

    /// The next question after the current one (wrapping) that matches.
    fn next_matching(&self, matches: impl Fn(&Self, &Control) -> bool) -> Option<usize> {
        let count = self.questions.len();
        (1..=count)
            .map(|step| (self.current + step) % count)
            .find(|&index| matches(self, self.questions[index]))
    }

    fn say(&mut self, text: Text, error: bool) {
        self.status = Some(Status { text, error });
    }

    /// Gives the machines' facts: scores follow them from now on.
    pub fn set_evidence(&mut self, evidence: crate::evidence::Evidence) {
        self.evidence = Some(evidence);
        self.refresh(None);
    }

    /// Reports the result of a save or an export.
    pub fn report(&mut self, text: Text, error: bool) {
        self.say(text, error);
    }
}

/// Where a scroll key takes a view scrolled by `scroll` lines that can scroll `last` lines at
/// most: ↑↓ j k by one line, PgUp PgDn by ten, Home to the top; `None` for any other key.
fn scroll_key(scroll: u16, code: KeyCode, last: u16) -> Option<u16> {
    // From where the view shows, not beyond it (the terminal may have grown since).
    let scroll = scroll.min(last);
    Some(match code {
        KeyCode::Up | KeyCode::Char('k') => scroll.saturating_sub(1),
        KeyCode::Down | KeyCode::Char('j') => scroll.saturating_add(1).min(last),
        KeyCode::PageUp => scroll.saturating_sub(10),
        KeyCode::PageDown => scroll.saturating_add(10).min(last),
        KeyCode::Home => 0,
        _ => return None,
    })
}
