//! Sessions made with an earlier version of the catalog, read with this one. The catalog's
//! `[[upgrades]]` say what became of each control since that version: an answer follows a
//! reworded or moved question, keeps an option whose meaning stayed, and is set aside — kept in
//! the file under `[retired]`, with its note, never silently dropped — when its question was
//! removed or its options changed meaning. The question is then asked again, and the screens
//! and outputs say why.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::catalog::{Catalog, ChangeKind};
use crate::lang::{Lang, Text};
use crate::session::{Answer, Choice, Session};

/// An answer of an earlier catalog version that no longer fits its question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Retired {
    /// The choice then; `None` for a note taken on a question never answered (written
    /// `choice = ""` in the file).
    #[serde(with = "retired_choice")]
    pub choice: Option<Choice>,
    /// The note taken then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The catalog version it was given with.
    pub catalog_version: String,
    /// `changed` (the question's options changed meaning: asked again) or `removed`.
    pub reason: RetiredReason,
}

/// A retired answer's choice in the session file: as an answer's (`"8-jours"`, `"unknown"`,
/// `"na"`), or `""` when there was none.
mod retired_choice {
    use serde::{Deserialize as _, Deserializer, Serializer};

    use crate::session::Choice;

    pub fn serialize<S: Serializer>(
        choice: &Option<Choice>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(choice.as_ref().map_or("", Choice::as_str))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Choice>, D::Error> {
        let stored = String::deserialize(deserializer)?;
        Ok((!stored.is_empty()).then(|| Choice::from(stored)))
    }
}

/// Why an answer was set aside.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RetiredReason {
    /// The question changed: it is asked again.
    Changed,
    /// The question is no longer asked.
    Removed,
}

/// What reading a session of an earlier version did.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Upgraded {
    /// The version the session was made with.
    pub from: String,
    /// The version it is read with.
    pub to: String,
    /// Questions reworded or changed whose answer carried over (current ids).
    pub carried: Vec<String>,
    /// Questions whose answer was set aside because they changed: to ask again (current ids).
    pub changed: Vec<String>,
    /// Questions no longer asked (ids of the earlier version).
    pub removed: Vec<String>,
}

impl Upgraded {
    /// What happened, in one sentence for standard error or the screen.
    pub fn describe(&self, lang: Lang) -> String {
        let (from, to) = (&self.from, &self.to);
        let mut text = i18n::t!(lang, "upgrade-note", from = from, to = to);
        if !self.carried.is_empty() {
            let list = self.carried.join(", ");
            text.push_str(&i18n::t!(lang, "upgrade-carried", list = list));
        }
        if !self.changed.is_empty() {
            let list = self.changed.join(", ");
            text.push_str(&i18n::t!(lang, "upgrade-changed", list = list));
        }
        if !self.removed.is_empty() {
            let list = self.removed.join(", ");
            text.push_str(&i18n::t!(lang, "upgrade-removed", list = list));
        }
        text
    }
}

/// Reads `session` with `catalog` when it was made with an earlier version that the catalog
/// knows how to read (`[[upgrades]]`): answers are carried, renamed or set aside, and the
/// session names the current version. `None` when there is nothing to do (same version) or
/// nothing known (another catalog, or a version the catalog does not list: opening the
/// session then reports the mismatch).
pub fn upgrade(catalog: &Catalog, session: &mut Session) -> Option<Upgraded> {
    let meta = &session.meta;
    if meta.catalog_id != catalog.id || meta.catalog_version == catalog.version {
        return None;
    }
    let plan = catalog
        .upgrades
        .iter()
        .find(|upgrade| upgrade.from == meta.catalog_version)?;
    let from = meta.catalog_version.clone();
    let mut report = Upgraded {
        from: from.clone(),
        to: catalog.version.clone(),
        ..Upgraded::default()
    };
    let old_answers = std::mem::take(&mut session.answers);
    let mut answers: BTreeMap<String, Answer> = BTreeMap::new();
    for (id, mut answer) in old_answers {
        let change = plan.changes.iter().find(|change| change.control == id);
        let now_id = match change.map(|c| &c.change) {
            Some(ChangeKind::Removed) => None,
            Some(ChangeKind::Moved(to)) => Some(to.clone()),
            _ => Some(id.clone()),
        };
        let control = now_id.as_deref().and_then(|now| catalog.control(now));
        // An option renamed follows its new id; "don't know" and "not applicable" stay.
        let follow = |choice: &Choice| match choice {
            Choice::Option(id) => change
                .and_then(|c| c.options.get(id))
                .map_or_else(|| choice.clone(), |new| Choice::Option(new.clone())),
            Choice::Unknown | Choice::NotApplicable => choice.clone(),
        };
        let choice = follow(&answer.choice);
        let fits = control.is_some_and(|control| match &choice {
            Choice::Unknown => true,
            Choice::NotApplicable => control.na_allowed || control.context,
            Choice::Option(id) => control.option(id).is_some(),
        });
        match (control, fits) {
            (Some(control), true) => {
                if change.is_some() {
                    report.carried.push(control.id.clone());
                }
                answer.choice = choice;
                answer.previous_choice = answer.previous_choice.as_ref().map(follow);
                answers.insert(control.id.clone(), answer);
            }
            (control, _) => {
                let reason = if control.is_some() {
                    report
                        .changed
                        .push(control.map(|c| c.id.clone()).unwrap_or_default());
                    RetiredReason::Changed
                } else {
                    report.removed.push(id.clone());
                    RetiredReason::Removed
                };
                let key = control.map_or(id, |c| c.id.clone());
                session.retired.insert(
                    key,
                    Retired {
                        choice: Some(answer.choice),
                        note: answer.note,
                        catalog_version: from.clone(),
                        reason,
                    },
                );
            }
        }
    }
    session.answers = answers;
    // Notes and flags follow moved questions; those of removed questions stay with their
    // retired answer, or are dropped when there is none (a flag means nothing any more).
    let rename = |id: &str| -> Option<String> {
        match plan
            .changes
            .iter()
            .find(|c| c.control == id)
            .map(|c| &c.change)
        {
            Some(ChangeKind::Removed) => None,
            Some(ChangeKind::Moved(to)) => Some(to.clone()),
            _ => catalog.control(id).map(|c| c.id.clone()),
        }
    };
    let notes = std::mem::take(&mut session.notes);
    for (id, note) in notes {
        match rename(&id) {
            Some(now) => {
                session.notes.insert(now, note);
            }
            None => {
                session.retired.entry(id).or_insert(Retired {
                    choice: None,
                    note: Some(note),
                    catalog_version: from.clone(),
                    reason: RetiredReason::Removed,
                });
            }
        }
    }
    let flagged = std::mem::take(&mut session.meta.flagged);
    session.meta.flagged = flagged.iter().filter_map(|id| rename(id)).collect();
    session.meta.catalog_version = catalog.version.clone();
    session.meta.catalog_hash = catalog.hash.clone();
    Some(report)
}

/// What the screens say of a question whose earlier answer was set aside.
pub fn retired_note(retired: &Retired, lang: Lang) -> Text {
    let choice = match &retired.choice {
        None => i18n::t!(lang, "upgrade-choice-none"),
        Some(Choice::Unknown) => i18n::t!(lang, "audit-choice-unknown"),
        Some(Choice::NotApplicable) => i18n::t!(lang, "audit-choice-na"),
        Some(Choice::Option(id)) => id.clone(),
    };
    let version = &retired.catalog_version;
    match retired.reason {
        RetiredReason::Changed => i18n::text!(
            "upgrade-retired-changed",
            version = version,
            choice = choice
        ),
        RetiredReason::Removed => i18n::text!(
            "upgrade-retired-removed",
            version = version,
            choice = choice
        ),
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone as _;

    use super::*;
    use crate::catalog;
    use crate::session::NewSession;

    /// A session as posture wrote it with the bundled catalog 2026.11.
    fn made_with_2026_11(catalog: &Catalog, answers: &[(&str, &str)]) -> Session {
        let now = chrono::Utc.with_ymd_and_hms(2026, 5, 12, 9, 0, 0).unwrap();
        let mut session = Session::new(
            catalog,
            NewSession {
                organisation: "CPTS du Val".into(),
                profile: "complet".into(),
                ..NewSession::default()
            },
            now,
        )
        .unwrap();
        session.meta.catalog_version = "2026.11".into();
        session.meta.catalog_hash = "sha256:2026-11".into();
        for (control, choice) in answers {
            session.set_answer(control, *choice, Some(format!("note {control}")), now);
        }
        session
    }

    #[test]
    fn answers_follow_their_questions_and_those_that_no_longer_fit_are_kept_aside() {
        let catalog = catalog::bundled().unwrap();
        let mut session = made_with_2026_11(
            &catalog,
            &[
                ("PAT-01", "8-jours"),              // unchanged
                ("BAK-01", "3-2-1-chiffree"),       // option renamed, same meaning
                ("DEV-04", "tout-chez-hds"),        // moved to SUP-07
                ("IAM-02", "messagerie-seulement"), // option gone: asked again
                ("OLD-01", "oui"),                  // a question no longer in the catalog
            ],
        );
        session.meta.flagged = vec!["DEV-04".into(), "OLD-01".into()];
        let upgraded = upgrade(&catalog, &mut session).expect("2026.11 is readable");
        assert_eq!(
            (upgraded.from.as_str(), upgraded.to.as_str()),
            ("2026.11", "2026.12")
        );
        assert_eq!(session.meta.catalog_version, catalog.version);
        assert_eq!(session.meta.catalog_hash, catalog.hash);
        let choice = |id: &str| session.answers.get(id).map(|a| a.choice.clone());
        let option = |id: &str| Some(Choice::Option(id.to_owned()));
        assert_eq!(choice("PAT-01"), option("8-jours"));
        assert_eq!(choice("BAK-01"), option("copie-hors-d-atteinte"));
        assert_eq!(choice("SUP-07"), option("tout-chez-hds"));
        assert_eq!(
            session.answers["SUP-07"].note.as_deref(),
            Some("note DEV-04")
        );
        assert_eq!(choice("DEV-04"), None);
        assert_eq!(choice("IAM-02"), None);
        assert_eq!(upgraded.changed, vec!["IAM-02"]);
        assert_eq!(upgraded.removed, vec!["OLD-01"]);
        assert!(upgraded.carried.contains(&"BAK-01".to_owned()));
        assert!(upgraded.carried.contains(&"SUP-07".to_owned()));
        // Nothing is lost: the answers set aside keep their choice and note.
        let iam = &session.retired["IAM-02"];
        assert_eq!(iam.choice, option("messagerie-seulement"));
        assert_eq!(iam.note.as_deref(), Some("note IAM-02"));
        assert_eq!(iam.reason, RetiredReason::Changed);
        assert_eq!(session.retired["OLD-01"].reason, RetiredReason::Removed);
        assert_eq!(session.meta.flagged, vec!["SUP-07"]);
        // The session now opens against the catalog, and says what changed in both languages.
        let said = upgraded.describe(Lang::Fr);
        assert!(said.contains("IAM-02") && said.contains("OLD-01"), "{said}");
        assert!(upgraded.describe(Lang::En).contains("to ask again"));
        let note = retired_note(iam, Lang::Fr);
        assert!(note.fr.contains("messagerie-seulement") && note.fr.contains("2026.11"));
        assert!(crate::typography::slips(&note.fr).is_empty(), "{}", note.fr);
        assert!(crate::typography::slips(&said).is_empty(), "{said}");
    }

    #[test]
    fn a_session_of_the_current_or_an_unknown_version_is_left_alone() {
        let catalog = catalog::bundled().unwrap();
        let mut current = made_with_2026_11(&catalog, &[("PAT-01", "8-jours")]);
        current.meta.catalog_version = catalog.version.clone();
        let before = current.clone();
        assert_eq!(upgrade(&catalog, &mut current), None);
        assert_eq!(current, before);
        let mut unknown = made_with_2026_11(&catalog, &[("PAT-01", "8-jours")]);
        unknown.meta.catalog_version = "2020.01".into();
        let before = unknown.clone();
        assert_eq!(upgrade(&catalog, &mut unknown), None);
        assert_eq!(unknown, before);
        let mut other = made_with_2026_11(&catalog, &[("PAT-01", "8-jours")]);
        other.meta.catalog_id = "autre-catalogue".into();
        assert_eq!(upgrade(&catalog, &mut other), None);
    }

    #[test]
    fn answers_set_aside_survive_a_write_and_a_read() {
        let catalog = catalog::bundled().unwrap();
        let mut session = made_with_2026_11(&catalog, &[("IAM-02", "messagerie-seulement")]);
        upgrade(&catalog, &mut session).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("audit.toml");
        session.save(&path).unwrap();
        let (read, _) = Session::load(&path).unwrap();
        assert_eq!(read.retired, session.retired);
        assert_eq!(read.retired["IAM-02"].catalog_version, "2026.11");
    }

    #[test]
    fn retired_choices_are_written_as_answers_are_and_none_as_an_empty_string() {
        let catalog = catalog::bundled().unwrap();
        let mut session = made_with_2026_11(&catalog, &[("OLD-01", "unknown")]);
        session.notes.insert("OLD-02".into(), "vu".into());
        upgrade(&catalog, &mut session).unwrap();
        assert_eq!(session.retired["OLD-01"].choice, Some(Choice::Unknown));
        assert_eq!(session.retired["OLD-02"].choice, None);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("audit.toml");
        session.save(&path).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            text.contains("[retired.OLD-01]\nchoice = \"unknown\""),
            "{text}"
        );
        assert!(text.contains("[retired.OLD-02]\nchoice = \"\""), "{text}");
        let (read, _) = Session::load(&path).unwrap();
        assert_eq!(read.retired, session.retired);
        assert!(
            retired_note(&read.retired["OLD-02"], Lang::En)
                .en
                .contains("\"none\"")
        );
    }
}
