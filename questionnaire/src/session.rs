//! One audit's answers on disk.
//!
//! A session file is TOML that a person can read and diff: a `[meta]` table (the assessment's
//! `id`, organisation, profile, the catalog's id, version and hash, times, auditor,
//! participants…) and one `[answers.<control-id>]` table per answered control with `choice`, an
//! optional `note` and `answered_at`. Fields this version does not know are kept as they are when
//! the file is rewritten, so that nothing written by a newer posture is lost.
//!
//! The `id` names the assessment wherever its report goes (the report JSON's `assessment_id`,
//! which an SSI team's collection uses to file a resent report as the same assessment): a random
//! UUID made with the session, or, for a session written before ids existed, one derived from its
//! organisation and creation time ([`Session::assessment_id`]), written into the file the next
//! time it is saved (`docs/report-json.md`, "Identity").

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{DateTime, FixedOffset, NaiveDate, SecondsFormat, SubsecRound as _, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};
use toml::Spanned;
use uuid::Uuid;

use crate::catalog::Catalog;
use crate::error::{Error, Problem};
use crate::fsutil::write_atomic;
use crate::source::SourceFile;

/// The version of the session file format this posture writes.
pub const FORMAT: u32 = 1;

/// The choice that means "Je ne sais pas / Don't know", as written in session files and typed.
pub const UNKNOWN: &str = "unknown";
/// The choice that means "Non applicable", as written in session files and typed.
pub const NOT_APPLICABLE: &str = "na";

/// What an answer chose. Written in the session file as the option id, `unknown` or `na`
/// (`choice = "8-jours"`); the catalog reserves these two words, no option may take them.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Choice {
    /// One of the control's options, by id (not checked against the catalog here: opening an
    /// [`Audit`](crate::audit::Audit) does that).
    Option(String),
    /// "Je ne sais pas / Don't know".
    Unknown,
    /// "Non applicable".
    NotApplicable,
}

impl Choice {
    /// The choice as written in a session file: the option id, `unknown` or `na`.
    pub fn as_str(&self) -> &str {
        match self {
            Choice::Option(id) => id,
            Choice::Unknown => UNKNOWN,
            Choice::NotApplicable => NOT_APPLICABLE,
        }
    }

    /// The option id, when the choice is an option.
    pub fn option(&self) -> Option<&str> {
        match self {
            Choice::Option(id) => Some(id),
            Choice::Unknown | Choice::NotApplicable => None,
        }
    }
}

/// Reads a choice as written in a session file: `unknown`, `na`, or else an option id.
impl From<&str> for Choice {
    fn from(stored: &str) -> Choice {
        match stored {
            UNKNOWN => Choice::Unknown,
            NOT_APPLICABLE => Choice::NotApplicable,
            id => Choice::Option(id.to_owned()),
        }
    }
}

impl From<&String> for Choice {
    fn from(stored: &String) -> Choice {
        Choice::from(stored.as_str())
    }
}

impl From<String> for Choice {
    fn from(stored: String) -> Choice {
        match stored.as_str() {
            UNKNOWN => Choice::Unknown,
            NOT_APPLICABLE => Choice::NotApplicable,
            _ => Choice::Option(stored),
        }
    }
}

impl std::fmt::Display for Choice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Choice {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Choice {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Choice, D::Error> {
        String::deserialize(deserializer).map(Choice::from)
    }
}

/// An audit session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    /// Who, when, against which catalog.
    pub meta: Meta,
    /// Answers by control id, in id order.
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
    /// Notes taken on questions not answered yet, by control id; moved into the answer when
    /// the question is answered.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub notes: BTreeMap<String, String>,
    /// Answers given with an earlier version of the catalog that no longer fit their question
    /// (changed or removed since), by control id: kept, with their notes, never dropped.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub retired: BTreeMap<String, crate::upgrade::Retired>,
    /// Tables a newer posture wrote, kept as they are.
    #[serde(flatten)]
    pub extra: toml::Table,
}

/// The `[meta]` table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    /// Session file format version.
    pub format: u32,
    /// The assessment's stable id: a random (v4) UUID made when the session is created. `None`
    /// for a session written before ids existed, until it is saved ([`Session::save`] writes
    /// [`Session::assessment_id`]); read it with [`Session::assessment_id`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Uuid>,
    /// The audited organisation.
    pub organisation: String,
    /// The profile asked (`express`, `complet`…).
    pub profile: String,
    /// Id of the catalog the answers refer to.
    pub catalog_id: String,
    /// Version of that catalog.
    pub catalog_version: String,
    /// Hash of that catalog's files.
    pub catalog_hash: String,
    /// The catalog's path when it is not the bundled one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catalog_path: Option<String>,
    /// When the session was created.
    #[serde(with = "rfc3339")]
    pub created: DateTime<FixedOffset>,
    /// When it was last changed.
    #[serde(with = "rfc3339")]
    pub updated: DateTime<FixedOffset>,
    /// Who runs the audit.
    #[serde(default)]
    pub auditor: String,
    /// Who answers (director, project lead…).
    #[serde(default)]
    pub participants: Vec<String>,
    /// The organisation's sector (care network, occupational health…).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub sector: String,
    /// The organisation's headcount band (`1-9`, `10-49`, `50-249`, `250+`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub headcount: String,
    /// The meeting's time budget, in minutes.
    #[serde(
        default = "default_duration",
        skip_serializing_if = "is_default_duration"
    )]
    pub duration_minutes: u32,
    /// Time spent in the meeting so far, in seconds, over every run of `posture audit`.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub elapsed_seconds: u64,
    /// Questions flagged to come back to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub flagged: Vec<String>,
    /// The session this one re-assesses, when started with `--from`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub previous: String,
    /// The id of the session this one re-assesses ([`Session::assessment_id`] of the previous
    /// one), when started with `--from`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_id: Option<Uuid>,
    /// The date set for the next assessment (YYYY-MM-DD in the file).
    #[serde(default, with = "day", skip_serializing_if = "Option::is_none")]
    pub next_assessment: Option<NaiveDate>,
    /// Other fields, kept as they are.
    #[serde(flatten)]
    pub extra: toml::Table,
}

/// One answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    /// An option id of the control, or `unknown`, or `na`.
    pub choice: Choice,
    /// What was said, the evidence shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// When it was given (RFC 3339, UTC when posture wrote it).
    #[serde(with = "rfc3339")]
    pub answered_at: DateTime<FixedOffset>,
    /// Carried over from the previous assessment and not confirmed yet.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub to_confirm: bool,
    /// The answer given at the previous assessment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_choice: Option<Choice>,
    /// The note taken at the previous assessment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_note: Option<String>,
    /// Other fields, kept as they are.
    #[serde(flatten)]
    pub extra: toml::Table,
}

/// Where an answer stands, as the audit counts it (↻ ✓ Δ in the sidebar).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerState {
    /// Carried over from the previous assessment, not confirmed yet: still needs the auditor.
    ToConfirm,
    /// Carried over and answered again the same way.
    Confirmed,
    /// Carried over and answered again differently.
    Changed,
    /// Answered, with no previous answer to compare it with.
    Answered,
}

impl Answer {
    /// Where this answer stands.
    pub fn state(&self) -> AnswerState {
        match &self.previous_choice {
            _ if self.to_confirm => AnswerState::ToConfirm,
            Some(previous) if *previous == self.choice => AnswerState::Confirmed,
            Some(_) => AnswerState::Changed,
            None => AnswerState::Answered,
        }
    }
}

/// How many questions stand where, counted in one pass by [`Session::count_answers`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AnswerCounts {
    /// Never answered.
    pub unanswered: usize,
    /// [`AnswerState::ToConfirm`].
    pub to_confirm: usize,
    /// [`AnswerState::Confirmed`].
    pub confirmed: usize,
    /// [`AnswerState::Changed`].
    pub changed: usize,
    /// [`AnswerState::Answered`].
    pub answered: usize,
}

impl AnswerCounts {
    /// Counts one question, with its answer if any.
    pub fn add(&mut self, answer: Option<&Answer>) {
        let count = match answer.map(Answer::state) {
            None => &mut self.unanswered,
            Some(AnswerState::ToConfirm) => &mut self.to_confirm,
            Some(AnswerState::Confirmed) => &mut self.confirmed,
            Some(AnswerState::Changed) => &mut self.changed,
            Some(AnswerState::Answered) => &mut self.answered,
        };
        *count += 1;
    }

    /// The questions counted.
    pub fn asked(&self) -> usize {
        self.left() + self.done()
    }

    /// The questions that still need the auditor: unanswered, or carried over and not confirmed.
    pub fn left(&self) -> usize {
        self.unanswered + self.to_confirm
    }

    /// The questions that need nothing more.
    pub fn done(&self) -> usize {
        self.confirmed + self.changed + self.answered
    }
}

/// The meeting's default time budget: the 90 minutes of the audit format.
pub const DEFAULT_DURATION_MINUTES: u32 = 90;

fn default_duration() -> u32 {
    DEFAULT_DURATION_MINUTES
}

fn is_default_duration(minutes: &u32) -> bool {
    *minutes == DEFAULT_DURATION_MINUTES
}

fn is_zero(seconds: &u64) -> bool {
    *seconds == 0
}

/// What a new session needs to know.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewSession {
    /// The audited organisation.
    pub organisation: String,
    /// The profile to ask.
    pub profile: String,
    /// Who runs the audit.
    pub auditor: String,
    /// Who answers.
    pub participants: Vec<String>,
    /// The organisation's sector.
    pub sector: String,
    /// The organisation's headcount band.
    pub headcount: String,
}

/// A time as written in session files: RFC 3339, `Z` for UTC, fractions of a second only when
/// there are some (`2026-11-23T10:00:00Z`).
pub fn timestamp(time: &DateTime<FixedOffset>) -> String {
    time.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

/// `now` as a session records it: to the second, as it is written.
pub fn stamp(now: DateTime<Utc>) -> DateTime<FixedOffset> {
    now.trunc_subsecs(0).fixed_offset()
}

/// A time read from a session file: RFC 3339.
pub fn parse_timestamp(text: &str) -> Option<DateTime<FixedOffset>> {
    DateTime::parse_from_rfc3339(text).ok()
}

/// The form of the date of the next assessment in session files.
const DAY_FORMAT: &str = "%Y-%m-%d";

/// Times in session files, as RFC 3339 text ([`timestamp`]).
mod rfc3339 {
    use chrono::{DateTime, FixedOffset};
    use serde::de::{Error, Unexpected};
    use serde::{Deserialize as _, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(
        time: &DateTime<FixedOffset>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&super::timestamp(time))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<DateTime<FixedOffset>, D::Error> {
        let text = String::deserialize(deserializer)?;
        super::parse_timestamp(&text)
            .ok_or_else(|| Error::invalid_value(Unexpected::Str(&text), &"RFC 3339"))
    }
}

/// The date of the next assessment in session files, as `YYYY-MM-DD`.
mod day {
    use chrono::NaiveDate;
    use serde::de::{Error, Unexpected};
    use serde::{Deserialize as _, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(
        day: &Option<NaiveDate>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match day {
            Some(day) => serializer.serialize_str(&day.format(super::DAY_FORMAT).to_string()),
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<NaiveDate>, D::Error> {
        let text = String::deserialize(deserializer)?;
        if text.is_empty() {
            return Ok(None);
        }
        NaiveDate::parse_from_str(&text, super::DAY_FORMAT)
            .map(Some)
            .map_err(|_| Error::invalid_value(Unexpected::Str(&text), &"YYYY-MM-DD"))
    }
}

impl Session {
    /// A session with no answer yet, against `catalog`.
    pub fn new(catalog: &Catalog, new: NewSession, now: DateTime<Utc>) -> Result<Session, Error> {
        if catalog.profile(&new.profile).is_none() {
            return Err(Error::invalid(unknown_profile(&new.profile, catalog)));
        }
        if new.organisation.trim().is_empty() {
            return Err(Error::invalid(Problem::new(i18n::text!(
                "session-organisation-empty"
            ))));
        }
        let time = stamp(now);
        Ok(Session {
            meta: Meta {
                format: FORMAT,
                id: Some(Uuid::new_v4()),
                organisation: new.organisation.trim().to_owned(),
                profile: new.profile,
                catalog_id: catalog.id.clone(),
                catalog_version: catalog.version.clone(),
                catalog_hash: catalog.hash.clone(),
                catalog_path: match &catalog.source {
                    crate::catalog::CatalogSource::Bundled => None,
                    crate::catalog::CatalogSource::Path(path) => Some(path.display().to_string()),
                },
                created: time,
                updated: time,
                auditor: new.auditor,
                participants: new.participants,
                sector: new.sector,
                headcount: new.headcount,
                duration_minutes: DEFAULT_DURATION_MINUTES,
                elapsed_seconds: 0,
                flagged: Vec::new(),
                previous: String::new(),
                previous_id: None,
                next_assessment: None,
                extra: toml::Table::new(),
            },
            answers: BTreeMap::new(),
            notes: BTreeMap::new(),
            retired: BTreeMap::new(),
            extra: toml::Table::new(),
        })
    }

    /// Reads a session file. Syntax errors point at their line and column.
    pub fn load(path: &Path) -> Result<(Session, SessionSource), Error> {
        let text = std::fs::read_to_string(path).map_err(|error| {
            let why = crate::lang::io_reason(&error);
            Error::invalid(
                Problem::new(i18n::text!(
                    "session-unreadable",
                    path = path.display().to_string(),
                    why = why
                ))
                .hint(i18n::text!("session-unreadable-hint")),
            )
        })?;
        let source = SessionSource(SourceFile::new(path.display().to_string(), text));
        let error = match toml::from_str::<Session>(&source.0.text) {
            Ok(session) if (1..=FORMAT).contains(&session.meta.format) => {
                return Ok((session, source));
            }
            // A format this posture does not know, said at its place by `check_fields`.
            Ok(_) => return Err(Error::Invalid(check_fields(&source))),
            Err(error) => error,
        };
        // Something is wrong: read the file again with the places of its values, to say every
        // unreadable date and an unknown format at its line and column (a second reading, only
        // for a file that is refused anyway).
        let problems = check_fields(&source);
        if !problems.is_empty() {
            return Err(Error::Invalid(problems));
        }
        let why = crate::lang::parse_reason(error.message());
        let location = error
            .span()
            .map_or_else(|| source.0.start(), |span| source.0.location(span));
        Err(Error::invalid(
            Problem::at(location, i18n::text!("session-file-unreadable", why = why))
                .hint(i18n::text!("session-file-unreadable-hint")),
        ))
    }

    /// The assessment's id: `[meta] id`, or for a session written before ids existed (none in
    /// its file yet), a UUID derived from its organisation and creation time, the same each
    /// time it is asked and the one [`Session::save`] writes into the file.
    pub fn assessment_id(&self) -> Uuid {
        self.meta.id.unwrap_or_else(|| self.derived_id())
    }

    /// The id of a session that has none: the first 16 bytes of the SHA-256 of a fixed prefix,
    /// the organisation and the creation time (RFC 3339 in UTC, to the second), marked as a
    /// version 8 (custom) UUID of RFC 9562. Derived rather than drawn so that the report of an
    /// older session, sent before and after the session was next saved, names the same
    /// assessment.
    fn derived_id(&self) -> Uuid {
        let created = self.meta.created.with_timezone(&Utc).fixed_offset();
        let mut hash = Sha256::new();
        hash.update(b"posture session id\0");
        hash.update(self.meta.organisation.as_bytes());
        hash.update(b"\0");
        hash.update(timestamp(&created.trunc_subsecs(0)).as_bytes());
        let digest = hash.finalize();
        let mut bytes = [0u8; 16];
        bytes.copy_from_slice(&digest[..16]);
        uuid::Builder::from_custom_bytes(bytes).into_uuid()
    }

    /// Writes the session atomically (mode 0600). A session without an id (written before ids
    /// existed) gets one in the file: [`Session::assessment_id`].
    pub fn save(&self, path: &Path) -> Result<(), Error> {
        let text = if self.meta.id.is_none() {
            let mut with_id = self.clone();
            with_id.meta.id = Some(self.assessment_id());
            toml::to_string_pretty(&with_id)
        } else {
            toml::to_string_pretty(self)
        };
        let text = text.map_err(|error| Error::Write {
            path: path.to_owned(),
            source: std::io::Error::other(error),
        })?;
        write_atomic(path, text.as_bytes())
    }

    /// Records an answer (the caller has checked it against the catalog). A note of `None`
    /// keeps the note already there; an answer carried over from the previous assessment is
    /// confirmed by it. The choice is a [`Choice`], or its text as a session file writes it
    /// (`"8-jours"`, `"unknown"`, `"na"`).
    pub fn set_answer(
        &mut self,
        control: &str,
        choice: impl Into<Choice>,
        note: Option<String>,
        now: DateTime<Utc>,
    ) {
        let time = stamp(now);
        let previous = self.answers.remove(control);
        let pending = self.notes.remove(control);
        let note = note
            .or_else(|| previous.as_ref().and_then(|a| a.note.clone()))
            .or(pending);
        let (previous_choice, previous_note, extra) = previous
            .map(|a| (a.previous_choice, a.previous_note, a.extra))
            .unwrap_or_default();
        self.answers.insert(
            control.to_owned(),
            Answer {
                choice: choice.into(),
                note,
                answered_at: time,
                to_confirm: false,
                previous_choice,
                previous_note,
                extra,
            },
        );
        self.meta.updated = time;
    }

    /// Sets or clears the note of a control, keeping its answer. A note on a question with no
    /// answer yet is kept in an answer-less table until the question is answered.
    pub fn set_note(&mut self, control: &str, note: Option<String>, now: DateTime<Utc>) {
        let note = note.filter(|n| !n.trim().is_empty());
        match (self.answers.get_mut(control), note) {
            (Some(answer), note) => answer.note = note,
            (None, Some(note)) => {
                self.notes.insert(control.to_owned(), note);
            }
            (None, None) => {
                self.notes.remove(control);
            }
        }
        self.meta.updated = stamp(now);
    }

    /// The note of a question, answered or not.
    pub fn note(&self, control: &str) -> Option<&str> {
        self.answers
            .get(control)
            .and_then(|answer| answer.note.as_deref())
            .or_else(|| self.notes.get(control).map(String::as_str))
    }

    /// Where the answers to these questions stand.
    pub fn count_answers<'a>(&self, controls: impl IntoIterator<Item = &'a str>) -> AnswerCounts {
        let mut counts = AnswerCounts::default();
        for control in controls {
            counts.add(self.answers.get(control));
        }
        counts
    }

    /// Whether a question is flagged to come back to.
    pub fn is_flagged(&self, control: &str) -> bool {
        self.meta.flagged.iter().any(|id| id == control)
    }

    /// Flags or unflags a question.
    pub fn toggle_flag(&mut self, control: &str, now: DateTime<Utc>) {
        if let Some(index) = self.meta.flagged.iter().position(|id| id == control) {
            self.meta.flagged.remove(index);
        } else {
            self.meta.flagged.push(control.to_owned());
        }
        self.meta.updated = stamp(now);
    }

    /// Whether the session was made with exactly this catalog.
    pub fn matches(&self, catalog: &Catalog) -> bool {
        self.meta.catalog_id == catalog.id
            && self.meta.catalog_version == catalog.version
            && self.meta.catalog_hash == catalog.hash
    }
}

/// The values a reader relies on that reading a session would report one at a time: a file
/// format this posture knows, and times it can read, each problem at its place. Checked on the
/// text before the session is read; a file TOML cannot read, or a value of the wrong type, is
/// left to the reading, which reports it.
fn check_fields(source: &SessionSource) -> Vec<Problem> {
    let Ok(spanned) = toml::from_str::<SpannedSession>(&source.0.text) else {
        return Vec::new();
    };
    let mut problems = Vec::new();
    if let toml::Value::Integer(format) = *spanned.meta.format.get_ref()
        && (format == 0 || format > i64::from(FORMAT))
    {
        let newer = format > i64::from(FORMAT);
        problems.push(
            Problem::at(
                source.0.location(spanned.meta.format.span()),
                i18n::text!("session-format-unknown", format = format, expected = FORMAT),
            )
            .hint(if newer {
                i18n::text!("session-format-newer-hint")
            } else {
                i18n::text!("session-format-hint", expected = FORMAT)
            }),
        );
    }
    let mut check_time = |spanned: &Spanned<toml::Value>| {
        if let toml::Value::String(value) = spanned.get_ref()
            && parse_timestamp(value).is_none()
        {
            problems.push(
                Problem::at(
                    source.0.location(spanned.span()),
                    i18n::text!("session-date-unreadable", value = value),
                )
                .hint(i18n::text!("session-date-hint")),
            );
        }
    };
    check_time(&spanned.meta.created);
    check_time(&spanned.meta.updated);
    for answer in spanned.answers.values() {
        check_time(&answer.answered_at);
    }
    for id in [&spanned.meta.id, &spanned.meta.previous_id]
        .into_iter()
        .flatten()
    {
        if let toml::Value::String(value) = id.get_ref()
            && Uuid::parse_str(value).is_err()
        {
            problems.push(
                Problem::at(
                    source.0.location(id.span()),
                    i18n::text!("session-id-unreadable", value = value),
                )
                .hint(i18n::text!("session-id-hint")),
            );
        }
    }
    if let Some(next_spanned) = &spanned.meta.next_assessment
        && let toml::Value::String(next) = next_spanned.get_ref()
        && !next.is_empty()
        && NaiveDate::parse_from_str(next, DAY_FORMAT).is_err()
    {
        problems.push(
            Problem::at(
                source.0.location(next_spanned.span()),
                i18n::text!("session-next-date-unreadable", next = next),
            )
            .hint(i18n::text!("session-next-date-hint")),
        );
    }
    problems
}

/// The text of a session file as read, to point at places in it.
#[derive(Debug, Clone)]
pub struct SessionSource(SourceFile);

/// The spans of a session's values, read again on demand for error messages only.
#[derive(Debug, Deserialize)]
struct SpannedSession {
    meta: SpannedMeta,
    #[serde(default)]
    answers: BTreeMap<Spanned<String>, SpannedAnswer>,
}

#[derive(Debug, Deserialize)]
struct SpannedMeta {
    format: Spanned<toml::Value>,
    created: Spanned<toml::Value>,
    updated: Spanned<toml::Value>,
    #[serde(default)]
    next_assessment: Option<Spanned<toml::Value>>,
    #[serde(default)]
    id: Option<Spanned<toml::Value>>,
    #[serde(default)]
    previous_id: Option<Spanned<toml::Value>>,
    profile: Spanned<String>,
    catalog_id: Spanned<String>,
    catalog_version: Spanned<String>,
    catalog_hash: Spanned<String>,
}

#[derive(Debug, Deserialize)]
struct SpannedAnswer {
    choice: Spanned<String>,
    answered_at: Spanned<toml::Value>,
}

/// Which value of the session file a problem is about.
#[derive(Debug, Clone, Copy)]
pub(crate) enum SessionField<'a> {
    Profile,
    CatalogId,
    CatalogVersion,
    CatalogHash,
    AnswerKey(&'a str),
    AnswerChoice(&'a str),
}

impl SessionSource {
    /// The file:line:column of a value of the session.
    pub(crate) fn locate(&self, field: SessionField<'_>) -> crate::error::Location {
        let Ok(spanned) = toml::from_str::<SpannedSession>(&self.0.text) else {
            return self.0.start();
        };
        let answer_key = |id: &str| spanned.answers.keys().find(|key| key.get_ref() == id);
        let answer = |id: &str| answer_key(id).and_then(|key| spanned.answers.get(key));
        let span = match field {
            SessionField::Profile => Some(spanned.meta.profile.span()),
            SessionField::CatalogId => Some(spanned.meta.catalog_id.span()),
            SessionField::CatalogVersion => Some(spanned.meta.catalog_version.span()),
            SessionField::CatalogHash => Some(spanned.meta.catalog_hash.span()),
            SessionField::AnswerKey(id) => answer_key(id).map(Spanned::span),
            SessionField::AnswerChoice(id) => answer(id).map(|answer| answer.choice.span()),
        };
        span.map_or_else(|| self.0.start(), |span| self.0.location(span))
    }

    /// The file as the user named it.
    pub fn name(&self) -> &str {
        &self.0.name
    }
}

pub(crate) fn unknown_profile(profile: &str, catalog: &Catalog) -> Problem {
    Problem::new(i18n::text!("session-profile-unknown", profile = profile)).hint(i18n::text!(
        "session-profile-unknown-hint",
        profiles = catalog.profile_ids().join(", ")
    ))
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone as _;

    use super::*;
    use crate::audit::Audit;
    use crate::catalog;
    use crate::lang::Lang;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 23, 10, 0, 0).unwrap()
    }

    fn new_session(catalog: &Catalog) -> Session {
        Session::new(
            catalog,
            NewSession {
                organisation: "Service de santé au travail".into(),
                profile: "express".into(),
                auditor: "A. Martin".into(),
                participants: vec!["Directrice".into()],
                ..NewSession::default()
            },
            now(),
        )
        .unwrap()
    }

    #[test]
    fn a_session_round_trips_through_its_file() {
        let catalog = catalog::bundled().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.toml");
        let mut session = new_session(&catalog);
        session.set_answer(
            "PAT-01",
            "8-jours",
            Some("WSUS, rapport mensuel\n« vu »".into()),
            now(),
        );
        session.save(&path).unwrap();
        let (read, _) = Session::load(&path).unwrap();
        assert_eq!(read, session);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("[answers.PAT-01]"), "{text}");
        assert!(text.contains("choice = \"8-jours\""));
        assert!(text.contains("answered_at = \"2026-11-23T10:00:00Z\""));
    }

    #[test]
    fn times_are_read_as_times_and_written_back_as_they_were() {
        let catalog = catalog::bundled().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.toml");
        let mut session = new_session(&catalog);
        session.set_answer("PAT-01", "8-jours", None, now());
        session.meta.next_assessment = NaiveDate::from_ymd_opt(2027, 5, 23);
        session.save(&path).unwrap();
        // A time with an offset, as a person may write it, is kept with its offset.
        let text = std::fs::read_to_string(&path).unwrap().replace(
            "created = \"2026-11-23T10:00:00Z\"",
            "created = \"2026-11-23T11:00:00+01:00\"",
        );
        assert!(text.contains("next_assessment = \"2027-05-23\""), "{text}");
        assert!(
            text.contains("answered_at = \"2026-11-23T10:00:00Z\""),
            "{text}"
        );
        std::fs::write(&path, &text).unwrap();
        let (read, _) = Session::load(&path).unwrap();
        assert_eq!(read.meta.created, now());
        assert!(read.meta.updated >= read.meta.created);
        assert_eq!(read.answers["PAT-01"].answered_at, now());
        read.save(&path).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    }

    #[test]
    fn choices_are_written_as_option_ids_unknown_and_na() {
        let catalog = catalog::bundled().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.toml");
        let mut session = new_session(&catalog);
        session.set_answer("PAT-01", Choice::Option("8-jours".into()), None, now());
        session.set_answer("BAK-01", Choice::Unknown, None, now());
        session.set_answer("GOV-01", Choice::NotApplicable, None, now());
        session.answers.get_mut("PAT-01").unwrap().previous_choice = Some(Choice::Unknown);
        session.save(&path).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        for written in [
            "[answers.PAT-01]\nchoice = \"8-jours\"\n",
            "previous_choice = \"unknown\"\n",
            "[answers.BAK-01]\nchoice = \"unknown\"\n",
            "[answers.GOV-01]\nchoice = \"na\"\n",
        ] {
            assert!(text.contains(written), "{written:?} in {text}");
        }
        let (read, _) = Session::load(&path).unwrap();
        assert_eq!(read, session);
        assert_eq!(read.answers["BAK-01"].choice, Choice::Unknown);
        assert_eq!(read.answers["GOV-01"].choice, Choice::NotApplicable);
        // The text form, as `set_answer` also takes it.
        assert_eq!(Choice::from("na"), Choice::NotApplicable);
        assert_eq!(Choice::from("unknown".to_owned()), Choice::Unknown);
        assert_eq!(Choice::from("oui").as_str(), "oui");
    }

    #[test]
    fn answers_set_aside_by_a_catalog_upgrade_are_kept_in_the_file() {
        let catalog = catalog::bundled().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.toml");
        let mut session = new_session(&catalog);
        session.meta.catalog_version = "2026.11".into();
        session.set_answer(
            "IAM-02",
            "messagerie-seulement",
            Some("MFA messagerie".into()),
            now(),
        );
        session.set_answer("PAT-01", "8-jours", None, now());
        let upgraded = crate::upgrade::upgrade(&catalog, &mut session).expect("upgraded");
        assert_eq!(upgraded.changed, vec!["IAM-02".to_owned()]);
        session.save(&path).unwrap();
        let (read, source) = Session::load(&path).unwrap();
        assert_eq!(read, session);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("[retired.IAM-02]"), "{text}");
        assert!(text.contains("choice = \"messagerie-seulement\""), "{text}");
        assert!(text.contains("catalog_version = \"2026.11\""), "{text}");
        assert!(!text.contains("[answers.IAM-02]"), "{text}");
        // The session opens with the current catalog; the question is to ask again.
        let audit = Audit::open(&catalog, read, &source).unwrap();
        assert_eq!(
            audit.state(catalog.control("IAM-02").unwrap()),
            scoring::ControlState::Unanswered
        );
        assert_eq!(
            audit.state(catalog.control("PAT-01").unwrap()),
            scoring::ControlState::Level(3)
        );
    }

    #[test]
    fn fields_written_by_a_newer_version_are_kept() {
        let catalog = catalog::bundled().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.toml");
        new_session(&catalog).save(&path).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        let text = text.replace("[meta]\n", "[meta]\nsector = \"santé au travail\"\n")
            + "\n[answers.PAT-01]\nchoice = \"8-jours\"\nanswered_at = \"2026-11-23T10:00:00Z\"\nflagged = true\n\n[future]\nx = 1\n";
        std::fs::write(&path, text).unwrap();
        let (mut session, _) = Session::load(&path).unwrap();
        session.set_answer("PAT-01", "dans-le-mois", None, now());
        session.save(&path).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        for kept in [
            "sector = \"santé au travail\"",
            "flagged = true",
            "[future]",
        ] {
            assert!(text.contains(kept), "lost {kept}: {text}");
        }
    }

    #[test]
    fn a_new_session_has_a_random_id_written_in_its_file() {
        let catalog = catalog::bundled().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.toml");
        let session = new_session(&catalog);
        let id = session.meta.id.expect("an id");
        assert_eq!(id.get_version(), Some(uuid::Version::Random));
        assert_eq!(session.assessment_id(), id);
        assert_ne!(
            new_session(&catalog).meta.id,
            Some(id),
            "each session its own"
        );
        session.save(&path).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            text.starts_with(&format!("[meta]\nformat = {FORMAT}\nid = \"{id}\"\n")),
            "{text}"
        );
        let (read, _) = Session::load(&path).unwrap();
        assert_eq!(read.meta.id, Some(id));
    }

    #[test]
    fn a_session_without_an_id_gets_a_derived_one_on_its_next_write() {
        let catalog = catalog::bundled().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.toml");
        new_session(&catalog).save(&path).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        let without: String = text
            .lines()
            .filter(|line| !line.starts_with("id = "))
            .map(|line| format!("{line}\n"))
            .collect();
        assert_ne!(without, text);
        std::fs::write(&path, &without).unwrap();

        // Read: no id in memory, the same derived one each time, the file left alone.
        let (old, _) = Session::load(&path).unwrap();
        assert_eq!(old.meta.id, None);
        let derived = old.assessment_id();
        assert_eq!(derived.get_version(), Some(uuid::Version::Custom));
        let (again, _) = Session::load(&path).unwrap();
        assert_eq!(again.assessment_id(), derived);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), without);

        // Written: the id is in the file, and stays.
        let mut old = old;
        old.set_answer("PAT-01", "8-jours", None, now());
        old.save(&path).unwrap();
        let (written, _) = Session::load(&path).unwrap();
        assert_eq!(written.meta.id, Some(derived));
        written.save(&path).unwrap();
        let (kept, _) = Session::load(&path).unwrap();
        assert_eq!(kept.meta.id, Some(derived));

        // Derived from the organisation and the creation time (the instant, however written).
        let mut other = again.clone();
        other.meta.created = DateTime::parse_from_rfc3339("2026-11-23T11:00:00+01:00").unwrap();
        other.meta.updated = other.meta.created;
        other.answers.clear();
        assert_eq!(other.assessment_id(), derived);
        other.meta.organisation.push_str(" (site 2)");
        assert_ne!(other.assessment_id(), derived);
        let mut later = again.clone();
        later.meta.created = stamp(now() + chrono::Duration::seconds(1));
        assert_ne!(later.assessment_id(), derived);
    }

    #[test]
    fn an_unreadable_id_is_refused_at_its_place() {
        let catalog = catalog::bundled().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.toml");
        let session = new_session(&catalog);
        session.save(&path).unwrap();
        let id = session.meta.id.unwrap().to_string();
        let text = std::fs::read_to_string(&path)
            .unwrap()
            .replace(&id, "pas-un-uuid");
        std::fs::write(&path, &text).unwrap();
        let Error::Invalid(problems) = Session::load(&path).unwrap_err() else {
            panic!("expected problems");
        };
        let rendered: Vec<String> = problems.iter().map(|p| p.render(Lang::Fr)).collect();
        assert_eq!(rendered.len(), 1, "{rendered:?}");
        assert!(
            rendered[0].contains(&format!(":{}:", line_of(&text, "id = "))),
            "{rendered:?}"
        );
        assert!(
            rendered[0].contains("identifiant illisible «\u{a0}pas-un-uuid\u{a0}»"),
            "{rendered:?}"
        );
    }

    #[test]
    fn a_corrupt_file_is_refused_with_its_place() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.toml");
        std::fs::write(&path, "[meta]\nformat = 1\norganisation = \"X\n").unwrap();
        let error = Session::load(&path).unwrap_err().render(Lang::En);
        assert!(error.contains(&format!("{}:3:", path.display())), "{error}");
        assert!(error.contains("unreadable session file"), "{error}");
    }

    #[test]
    fn a_session_from_another_catalog_version_is_refused_at_the_version_line() {
        let catalog = catalog::bundled().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.toml");
        new_session(&catalog).save(&path).unwrap();
        let text = std::fs::read_to_string(&path)
            .unwrap()
            .replace(&catalog.version, "2020.01");
        std::fs::write(&path, &text).unwrap();
        let (session, source) = Session::load(&path).unwrap();
        let error = Audit::open(&catalog, session, &source)
            .unwrap_err()
            .render(Lang::Fr);
        let line = text
            .lines()
            .position(|l| l.starts_with("catalog_version"))
            .unwrap()
            + 1;
        assert!(
            error.contains(&format!("{}:{line}:", path.display())),
            "{error}"
        );
        assert!(error.contains("version 2020.01"), "{error}");
    }

    #[test]
    fn unknown_controls_and_options_are_refused_at_their_place() {
        let catalog = catalog::bundled().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.toml");
        new_session(&catalog).save(&path).unwrap();
        let text = std::fs::read_to_string(&path).unwrap()
            + "\n[answers.ZZZ-99]\nchoice = \"1\"\nanswered_at = \"2026-11-23T10:00:00Z\"\n\n[answers.PAT-01]\nchoice = \"peut-etre\"\nanswered_at = \"2026-11-23T10:00:00Z\"\n";
        std::fs::write(&path, &text).unwrap();
        let (session, source) = Session::load(&path).unwrap();
        let Error::Invalid(problems) = Audit::open(&catalog, session, &source).unwrap_err() else {
            panic!("expected problems");
        };
        let rendered: Vec<String> = problems.iter().map(|p| p.render(Lang::En)).collect();
        assert_eq!(rendered.len(), 2, "{rendered:?}");
        let line = |needle: &str| text.lines().position(|l| l.contains(needle)).unwrap() + 1;
        assert!(
            rendered[0].contains(&format!(":{}:", line("choice = \"peut-etre\""))),
            "{rendered:?}"
        );
        assert!(rendered[0].contains("PAT-01 has no option \"peut-etre\""));
        assert!(
            rendered[1].contains(&format!(":{}:", line("[answers.ZZZ-99]"))),
            "{rendered:?}"
        );
        assert!(rendered[1].contains("unknown control \"ZZZ-99\""));
    }

    /// The 1-based line of the first line of `text` that starts with `prefix`.
    fn line_of(text: &str, prefix: &str) -> usize {
        text.lines().position(|l| l.starts_with(prefix)).unwrap() + 1
    }

    #[test]
    fn a_file_from_a_newer_format_is_refused_at_its_format_line_and_left_alone() {
        let catalog = catalog::bundled().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.toml");
        new_session(&catalog).save(&path).unwrap();
        let text = std::fs::read_to_string(&path)
            .unwrap()
            .replace(&format!("format = {FORMAT}\n"), "format = 99\n");
        std::fs::write(&path, &text).unwrap();
        let error = Session::load(&path).unwrap_err().render(Lang::En);
        let place = format!("{}:{}:", path.display(), line_of(&text, "format = 99"));
        assert!(error.contains(&place), "{error}");
        assert!(error.contains("unknown session format 99"), "{error}");
        assert!(error.contains("update posture"), "{error}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    }

    #[test]
    fn unreadable_dates_are_refused_at_their_place() {
        let catalog = catalog::bundled().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.toml");
        let mut session = new_session(&catalog);
        session.set_answer("PAT-01", "8-jours", None, now());
        session.save(&path).unwrap();
        let text = std::fs::read_to_string(&path)
            .unwrap()
            .replace(
                "answered_at = \"2026-11-23T10:00:00Z\"",
                "answered_at = \"hier\"",
            )
            .replace("[meta]\n", "[meta]\nnext_assessment = \"dans six mois\"\n");
        std::fs::write(&path, &text).unwrap();
        let Error::Invalid(problems) = Session::load(&path).unwrap_err() else {
            panic!("expected problems");
        };
        let rendered: Vec<String> = problems.iter().map(|p| p.render(Lang::Fr)).collect();
        assert_eq!(rendered.len(), 2, "{rendered:?}");
        assert!(
            rendered[0].contains(&format!(":{}:", line_of(&text, "answered_at = \"hier\""))),
            "{rendered:?}"
        );
        assert!(
            rendered[0].contains("date illisible « hier »"),
            "{rendered:?}"
        );
        assert!(
            rendered[1].contains(&format!(":{}:", line_of(&text, "next_assessment"))),
            "{rendered:?}"
        );
        assert!(rendered[1].contains("AAAA-MM-JJ"), "{rendered:?}");
    }

    #[test]
    fn an_unknown_profile_is_refused() {
        let catalog = catalog::bundled().unwrap();
        let error = Session::new(
            &catalog,
            NewSession {
                organisation: "X".into(),
                profile: "rapide".into(),
                ..NewSession::default()
            },
            now(),
        )
        .unwrap_err()
        .render(Lang::En);
        assert!(error.contains("unknown profile \"rapide\""));
        assert!(error.contains("express, complet"));
    }

    #[test]
    fn answers_are_counted_by_where_they_stand() {
        let catalog = catalog::bundled().unwrap();
        let mut session = new_session(&catalog);
        let carried = |choice: &str, to_confirm: bool| Answer {
            choice: Choice::from(choice),
            note: None,
            answered_at: now().fixed_offset(),
            to_confirm,
            previous_choice: Some(Choice::from("oui")),
            previous_note: None,
            extra: toml::Table::new(),
        };
        session.answers.insert("A".into(), carried("oui", true));
        session.answers.insert("B".into(), carried("oui", false));
        session.answers.insert("C".into(), carried("non", false));
        session.set_answer("D", "non", None, now());
        assert_eq!(session.answers["A"].state(), AnswerState::ToConfirm);
        assert_eq!(session.answers["B"].state(), AnswerState::Confirmed);
        assert_eq!(session.answers["C"].state(), AnswerState::Changed);
        assert_eq!(session.answers["D"].state(), AnswerState::Answered);
        let counts = session.count_answers(["A", "B", "C", "D", "E", "F"]);
        assert_eq!(
            counts,
            AnswerCounts {
                unanswered: 2,
                to_confirm: 1,
                confirmed: 1,
                changed: 1,
                answered: 1,
            }
        );
        assert_eq!((counts.left(), counts.done(), counts.asked()), (3, 3, 6));
    }
}
