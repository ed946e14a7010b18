//! The start form: who is audited, by whom, with which questions, and where the session goes.
//! Shown by `posture audit` when no session file is named.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::catalog::Catalog;
use crate::lang::{Lang, Text};
use crate::session::NewSession;

/// Headcount bands offered by the form.
pub const HEADCOUNTS: [&str; 4] = ["1-9", "10-49", "50-249", "250+"];

/// The fields, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// Organisation name (required).
    Organisation,
    /// Sector.
    Sector,
    /// Headcount band (a choice).
    Headcount,
    /// The auditor.
    Auditor,
    /// The participants, separated by commas.
    Participants,
    /// The profile (a choice).
    Profile,
    /// The session file.
    File,
}

/// Every field, in the order of the form.
pub const FIELDS: [Field; 7] = [
    Field::Organisation,
    Field::Sector,
    Field::Headcount,
    Field::Auditor,
    Field::Participants,
    Field::Profile,
    Field::File,
];

impl Field {
    /// The field's label in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        super::labels::Labels::of(lang).field(self)
    }

    /// Whether the field is a choice among values (changed with ← →).
    pub fn is_choice(self) -> bool {
        matches!(self, Field::Headcount | Field::Profile)
    }
}

/// What the form asks the runtime to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormOutcome {
    /// Keep showing the form.
    Continue,
    /// Leave without creating anything.
    Cancel,
    /// Create the session.
    Submit(NewSession, PathBuf),
}

/// The state of the form.
#[derive(Debug, Clone)]
pub struct StartForm {
    /// The text fields' values: organisation, sector, auditor, participants, file.
    pub organisation: String,
    /// Sector.
    pub sector: String,
    /// Auditor.
    pub auditor: String,
    /// Participants, comma-separated.
    pub participants: String,
    /// The session file.
    pub file: String,
    /// Index in [`HEADCOUNTS`].
    pub headcount: usize,
    /// Index in the catalog's profiles.
    pub profile: usize,
    /// The profile ids of the catalog.
    pub profiles: Vec<String>,
    /// The focused field.
    pub focus: usize,
    /// Why the last submit was refused.
    pub error: Option<Text>,
    file_edited: bool,
    date: String,
    dir: PathBuf,
}

impl StartForm {
    /// An empty form; `profile` preselects a profile, `dir` is where the file is proposed.
    pub fn new(
        catalog: &Catalog,
        profile: Option<&str>,
        dir: &Path,
        now: DateTime<Utc>,
    ) -> StartForm {
        let profiles: Vec<String> = catalog.profiles.iter().map(|p| p.id.clone()).collect();
        let profile = profile
            .and_then(|wanted| profiles.iter().position(|p| p == wanted))
            .unwrap_or(0);
        let mut form = StartForm {
            organisation: String::new(),
            sector: String::new(),
            auditor: String::new(),
            participants: String::new(),
            file: String::new(),
            headcount: 0,
            profile,
            profiles,
            focus: 0,
            error: None,
            file_edited: false,
            date: now.format("%Y-%m-%d").to_string(),
            dir: dir.to_owned(),
        };
        form.propose_file();
        form
    }

    /// Names the session file, instead of the proposed one.
    pub fn set_file(&mut self, file: &Path) {
        self.file = file.display().to_string();
        self.file_edited = true;
    }

    /// The focused field.
    pub fn focused(&self) -> Field {
        FIELDS[self.focus]
    }

    /// The value shown for a field.
    pub fn value(&self, field: Field) -> String {
        match field {
            Field::Organisation => self.organisation.clone(),
            Field::Sector => self.sector.clone(),
            Field::Headcount => HEADCOUNTS[self.headcount].to_owned(),
            Field::Auditor => self.auditor.clone(),
            Field::Participants => self.participants.clone(),
            Field::Profile => self.profiles.get(self.profile).cloned().unwrap_or_default(),
            Field::File => self.file.clone(),
        }
    }

    fn text_mut(&mut self, field: Field) -> Option<&mut String> {
        match field {
            Field::Organisation => Some(&mut self.organisation),
            Field::Sector => Some(&mut self.sector),
            Field::Auditor => Some(&mut self.auditor),
            Field::Participants => Some(&mut self.participants),
            Field::File => Some(&mut self.file),
            Field::Headcount | Field::Profile => None,
        }
    }

    /// Proposes `audit-<organisation>-<date>.toml` until the auditor types a name; when that
    /// file exists (a second audit the same day), `…-2.toml`, `…-3.toml`: a name that is free.
    fn propose_file(&mut self) {
        if self.file_edited {
            return;
        }
        let slug = crate::plain::slug(&self.organisation);
        let stem = if slug.is_empty() {
            format!("audit-{}", self.date)
        } else {
            format!("audit-{slug}-{}", self.date)
        };
        let path = (1..)
            .map(|n| match n {
                1 => self.dir.join(format!("{stem}.toml")),
                n => self.dir.join(format!("{stem}-{n}.toml")),
            })
            .find(|path| !path.exists())
            .unwrap_or_else(|| self.dir.join(format!("{stem}.toml")));
        self.file = path.display().to_string();
    }

    /// Applies one key.
    pub fn update(&mut self, key: KeyEvent) -> FormOutcome {
        if key.kind == KeyEventKind::Release {
            return FormOutcome::Continue;
        }
        let control = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Esc => return FormOutcome::Cancel,
            KeyCode::Char('c') if control => return FormOutcome::Cancel,
            KeyCode::Tab | KeyCode::Down => self.focus = (self.focus + 1) % FIELDS.len(),
            KeyCode::BackTab | KeyCode::Up => {
                self.focus = (self.focus + FIELDS.len() - 1) % FIELDS.len();
            }
            KeyCode::Enter if self.focus + 1 < FIELDS.len() => self.focus += 1,
            KeyCode::Enter => return self.submit(),
            KeyCode::Char('s') if control => return self.submit(),
            KeyCode::Left | KeyCode::Right if self.focused().is_choice() => {
                let forward = key.code == KeyCode::Right;
                let (index, count) = match self.focused() {
                    Field::Headcount => (&mut self.headcount, HEADCOUNTS.len()),
                    _ => (&mut self.profile, self.profiles.len().max(1)),
                };
                *index = if forward {
                    (*index + 1) % count
                } else {
                    (*index + count - 1) % count
                };
            }
            KeyCode::Backspace => {
                let field = self.focused();
                if let Some(text) = self.text_mut(field) {
                    text.pop();
                }
                self.after_edit(field);
            }
            KeyCode::Char(c) if !control => {
                let field = self.focused();
                if let Some(text) = self.text_mut(field) {
                    text.push(c);
                }
                self.after_edit(field);
            }
            _ => {}
        }
        FormOutcome::Continue
    }

    fn after_edit(&mut self, field: Field) {
        match field {
            Field::Organisation => self.propose_file(),
            Field::File => self.file_edited = true,
            _ => {}
        }
        self.error = None;
    }

    fn submit(&mut self) -> FormOutcome {
        if self.organisation.trim().is_empty() {
            self.focus = 0;
            self.error = Some(i18n::text!("tui-form-organisation-missing"));
            return FormOutcome::Continue;
        }
        let file = PathBuf::from(self.file.trim());
        if self.file.trim().is_empty() {
            self.focus = FIELDS.len() - 1;
            self.error = Some(i18n::text!("tui-form-file-missing"));
            return FormOutcome::Continue;
        }
        if file.exists() {
            // The name alone: the directory is in the field, and the message must fit.
            let name = file.file_name().map_or_else(
                || file.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            self.focus = FIELDS.len() - 1;
            self.error = Some(i18n::text!("tui-form-file-exists", name = name));
            return FormOutcome::Continue;
        }
        FormOutcome::Submit(
            NewSession {
                organisation: self.organisation.trim().to_owned(),
                profile: self.value(Field::Profile),
                auditor: self.auditor.trim().to_owned(),
                participants: self
                    .participants
                    .split(',')
                    .map(|p| p.trim().to_owned())
                    .filter(|p| !p.is_empty())
                    .collect(),
                sector: self.sector.trim().to_owned(),
                headcount: HEADCOUNTS[self.headcount].to_owned(),
            },
            file,
        )
    }
}
