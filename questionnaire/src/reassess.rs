//! The six-month re-assessment: a new session that starts from the previous one's answers,
//! each marked "to confirm", so the meeting goes faster and the changes show.
//!
//! The new session is a new assessment: it gets its own id, and links the previous one by its
//! path (`[meta] previous`) and its id (`[meta] previous_id`, the previous session's
//! [`Session::assessment_id`], derived when that older file has none: reading it never writes it).
//!
//! The previous session may have been made with an older version of the catalog: answers whose
//! control or option no longer exists are dropped and listed, never silently kept.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{DateTime, Utc};

use crate::catalog::Catalog;
use crate::error::Error;
use crate::session::{Answer, NewSession, Session};

/// A new session pre-filled from `previous`, and the ids of the answers that could not be carried
/// over (control or option gone from the catalog).
pub fn reassess(
    catalog: &Catalog,
    previous: &Session,
    previous_path: &Path,
    profile: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(Session, Vec<String>), Error> {
    // A previous session of an earlier catalog version is first read with this one: answers
    // follow reworded and moved questions, and those that no longer fit are dropped below.
    let previous_id = previous.assessment_id();
    let mut upgraded = previous.clone();
    crate::upgrade::upgrade(catalog, &mut upgraded);
    let previous = &upgraded;
    let meta = &previous.meta;
    let mut session = Session::new(
        catalog,
        NewSession {
            organisation: meta.organisation.clone(),
            profile: profile.unwrap_or(&meta.profile).to_owned(),
            auditor: meta.auditor.clone(),
            participants: meta.participants.clone(),
            sector: meta.sector.clone(),
            headcount: meta.headcount.clone(),
        },
        now,
    )?;
    session.meta.duration_minutes = meta.duration_minutes;
    session.meta.previous = std::fs::canonicalize(previous_path)
        .unwrap_or_else(|_| previous_path.to_owned())
        .display()
        .to_string();
    session.meta.previous_id = Some(previous_id);
    let mut dropped = Vec::new();
    let mut answers = BTreeMap::new();
    for (id, answer) in &previous.answers {
        let carried = catalog.control(id).filter(|control| {
            control.profiles.contains(&session.meta.profile)
                && crate::audit::fits(control, &answer.choice)
        });
        if carried.is_none() {
            dropped.push(id.clone());
            continue;
        }
        answers.insert(
            id.clone(),
            Answer {
                choice: answer.choice.clone(),
                note: None,
                answered_at: crate::session::stamp(now),
                to_confirm: true,
                previous_choice: Some(answer.choice.clone()),
                previous_note: answer.note.clone(),
                extra: toml::Table::new(),
            },
        );
    }
    session.answers = answers;
    // Questions changed since the previous assessment's catalog keep the answer given then,
    // set aside, so that the screen can say why they are asked afresh.
    session.retired = previous
        .retired
        .iter()
        .filter(|(id, retired)| {
            retired.reason == crate::upgrade::RetiredReason::Changed
                && catalog.control(id).is_some()
        })
        .map(|(id, retired)| (id.clone(), retired.clone()))
        .collect();
    Ok((session, dropped))
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone as _;

    use super::*;
    use crate::catalog;
    use crate::session::Choice;

    fn option(id: &str) -> Choice {
        Choice::Option(id.to_owned())
    }

    #[test]
    fn previous_answers_are_carried_over_to_confirm() {
        let catalog = catalog::bundled().unwrap();
        let then = Utc.with_ymd_and_hms(2026, 5, 20, 9, 0, 0).unwrap();
        let mut previous = Session::new(
            &catalog,
            NewSession {
                organisation: "CPTS".into(),
                profile: "express".into(),
                sector: "CPTS".into(),
                ..NewSession::default()
            },
            then,
        )
        .unwrap();
        previous.set_answer("PAT-01", "dans-le-mois", Some("WSUS".into()), then);
        previous.set_answer("ZZZ-01", "1", None, then);
        let now = Utc.with_ymd_and_hms(2026, 11, 20, 9, 0, 0).unwrap();
        let (session, dropped) =
            reassess(&catalog, &previous, Path::new("old.toml"), None, now).unwrap();
        assert_eq!(dropped, vec!["ZZZ-01"]);
        let answer = &session.answers["PAT-01"];
        assert!(answer.to_confirm);
        assert_eq!(answer.choice, option("dans-le-mois"));
        assert_eq!(answer.previous_choice, Some(option("dans-le-mois")));
        assert_eq!(answer.previous_note.as_deref(), Some("WSUS"));
        assert_eq!(answer.note, None);
        assert_eq!(session.meta.sector, "CPTS");
        assert!(session.meta.previous.ends_with("old.toml"));
        // A new assessment, linked to the previous one by its id.
        assert!(session.meta.id.is_some());
        assert_ne!(session.meta.id, previous.meta.id);
        assert_eq!(session.meta.previous_id, previous.meta.id);
        assert_eq!(
            crate::session::timestamp(&session.meta.created),
            "2026-11-20T09:00:00Z"
        );
    }

    #[test]
    fn a_previous_session_of_catalog_2026_11_is_upgraded_first() {
        let catalog = catalog::bundled().unwrap();
        let then = Utc.with_ymd_and_hms(2026, 5, 20, 9, 0, 0).unwrap();
        let mut previous = Session::new(
            &catalog,
            NewSession {
                organisation: "CPTS".into(),
                profile: "complet".into(),
                ..NewSession::default()
            },
            then,
        )
        .unwrap();
        previous.meta.catalog_version = "2026.11".into();
        // Moved: DEV-04 is now SUP-07, same options.
        previous.set_answer("DEV-04", "tout-chez-hds", None, then);
        // An option renamed.
        previous.set_answer(
            "SUP-02",
            "clauses-sans-charte",
            Some("infogérant".into()),
            then,
        );
        // Options that changed meaning: set aside, with the note.
        previous.set_answer(
            "IAM-02",
            "messagerie-seulement",
            Some("MFA messagerie".into()),
            then,
        );
        let now = Utc.with_ymd_and_hms(2026, 11, 20, 9, 0, 0).unwrap();
        let (session, dropped) =
            reassess(&catalog, &previous, Path::new("old.toml"), None, now).unwrap();
        assert_eq!(dropped, Vec::<String>::new());
        assert_eq!(session.meta.catalog_version, catalog.version);
        assert_eq!(session.meta.previous_id, previous.meta.id);

        let moved = &session.answers["SUP-07"];
        assert!(moved.to_confirm);
        assert_eq!(moved.choice, option("tout-chez-hds"));
        assert!(!session.answers.contains_key("DEV-04"));

        let renamed = &session.answers["SUP-02"];
        assert!(renamed.to_confirm);
        assert_eq!(renamed.choice, option("clauses-non-verifiees"));
        assert_eq!(
            renamed.previous_choice,
            Some(option("clauses-non-verifiees"))
        );
        assert_eq!(renamed.previous_note.as_deref(), Some("infogérant"));

        // Asked afresh, the former answer kept for the screen to show.
        assert!(!session.answers.contains_key("IAM-02"));
        let retired = &session.retired["IAM-02"];
        assert_eq!(retired.choice, Some(option("messagerie-seulement")));
        assert_eq!(retired.note.as_deref(), Some("MFA messagerie"));
        assert_eq!(retired.catalog_version, "2026.11");
        assert_eq!(retired.reason, crate::upgrade::RetiredReason::Changed);
    }

    #[test]
    fn a_previous_session_without_an_id_is_linked_by_its_derived_id() {
        let catalog = catalog::bundled().unwrap();
        let then = Utc.with_ymd_and_hms(2026, 5, 20, 9, 0, 0).unwrap();
        let mut previous = Session::new(
            &catalog,
            NewSession {
                organisation: "CPTS".into(),
                profile: "express".into(),
                ..NewSession::default()
            },
            then,
        )
        .unwrap();
        previous.meta.id = None;
        let now = Utc.with_ymd_and_hms(2026, 11, 20, 9, 0, 0).unwrap();
        let (session, _) = reassess(&catalog, &previous, Path::new("old.toml"), None, now).unwrap();
        assert_eq!(session.meta.previous_id, Some(previous.assessment_id()));
        assert_ne!(session.meta.id, session.meta.previous_id);
        assert_eq!(
            previous.meta.id, None,
            "the previous session is not changed"
        );
    }
}
