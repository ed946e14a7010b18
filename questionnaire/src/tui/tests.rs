//! Tests of the guided audit: `App::update` key by key, and every screen drawn on ratatui's
//! `TestBackend`, snapshot-tested in French and English at 80×24 and 120×40.

use std::time::Duration;

use chrono::{DateTime, TimeZone as _, Utc};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::app::{App, Effect, Event, Overlay, Screen};
use super::form::{FormOutcome, StartForm};
use super::view;
use crate::audit::Audit;
use crate::catalog::{self, Catalog};
use crate::lang::Lang;
use crate::session::{NewSession, Session, UNKNOWN};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 14, 0, 0).unwrap()
}

fn session(catalog: &Catalog, profile: &str) -> Session {
    Session::new(
        catalog,
        NewSession {
            organisation: "CPTS Les Mureaux".into(),
            profile: profile.into(),
            auditor: "Alice Martin".into(),
            participants: vec!["Directrice".into(), "Cheffe de projet".into()],
            sector: "CPTS".into(),
            headcount: "10-49".into(),
        },
        now(),
    )
    .unwrap()
}

fn app<'c>(catalog: &'c Catalog, session: Session, lang: Lang) -> App<'c> {
    App::new(
        Audit { catalog, session },
        lang,
        now(),
        Duration::from_secs(90 * 60),
    )
}

fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn press(app: &mut App<'_>, keys: &str) -> Vec<Effect> {
    keys.chars()
        .flat_map(|c| app.update(key(KeyCode::Char(c))))
        .collect()
}

fn current_id(app: &App<'_>) -> String {
    app.current().map(|c| c.id.clone()).unwrap_or_default()
}

/// The screen as text, one line per row, trailing spaces trimmed.
fn draw(app: &App<'_>, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| view::render(frame, app)).unwrap();
    buffer_text(terminal.backend().buffer())
}

fn buffer_text(buffer: &ratatui::buffer::Buffer) -> String {
    let width = buffer.area.width as usize;
    buffer
        .content
        .chunks(width)
        .map(|row| {
            row.iter()
                .map(|cell| cell.symbol())
                .collect::<String>()
                .trim_end()
                .to_owned()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_digit_records_the_option_saves_and_moves_on() {
    let catalog = catalog::bundled().unwrap();
    let mut app = app(&catalog, session(&catalog, "express"), Lang::Fr);
    let first = app.current().unwrap();
    assert_eq!(app.current_index(), 0);
    let effects = press(&mut app, "3");
    assert_eq!(effects, vec![Effect::Save]);
    assert_eq!(
        app.audit.session.answers[&first.id].choice,
        first.options[2].id
    );
    assert_eq!(app.current_index(), 1);
    assert_eq!(
        app.audit.session.answers[&first.id].answered_at,
        "2026-11-23T14:00:00Z"
    );
}

#[test]
fn a_digit_without_an_option_changes_nothing() {
    let catalog = catalog::bundled().unwrap();
    let mut app = app(&catalog, session(&catalog, "express"), Lang::En);
    let effects = press(&mut app, "9");
    assert!(effects.is_empty());
    assert!(app.audit.session.answers.is_empty());
    assert!(app.status.as_ref().is_some_and(|s| s.error));
}

#[test]
fn arrows_and_enter_pick_the_highlighted_option() {
    let catalog = catalog::bundled().unwrap();
    let mut app = app(&catalog, session(&catalog, "express"), Lang::Fr);
    let first = app.current().unwrap();
    app.update(key(KeyCode::Down));
    press(&mut app, "j");
    press(&mut app, "k");
    assert_eq!(app.cursor(), 1);
    assert_eq!(app.update(key(KeyCode::Enter)), vec![Effect::Save]);
    assert_eq!(
        app.audit.session.answers[&first.id].choice,
        first.options[1].id
    );
}

#[test]
fn dont_know_and_not_applicable() {
    let catalog = catalog::bundled().unwrap();
    let mut app = app(&catalog, session(&catalog, "express"), Lang::Fr);
    let first = current_id(&app);
    press(&mut app, "u");
    assert_eq!(app.audit.session.answers[&first].choice, UNKNOWN);

    // "a" is refused where the control does not allow "Non applicable".
    let control = app.current().unwrap();
    assert!(!control.na_allowed);
    assert!(press(&mut app, "a").is_empty());
    assert!(!app.audit.session.answers.contains_key(&control.id));

    // …and accepted where it does.
    let allowed = app
        .questions()
        .iter()
        .position(|c| c.na_allowed)
        .expect("an express question allows N/A");
    while app.current_index() < allowed {
        app.update(key(KeyCode::Right));
    }
    let id = current_id(&app);
    assert_eq!(press(&mut app, "a"), vec![Effect::Save]);
    assert_eq!(app.audit.session.answers[&id].choice, "na");
}

#[test]
fn a_no_to_a_gate_removes_its_follow_ups_and_a_yes_brings_them_back() {
    let catalog = catalog::bundled().unwrap();
    let mut app = app(&catalog, session(&catalog, "express"), Lang::Fr);
    let before = app.questions().len();
    let gate = app
        .questions()
        .iter()
        .position(|c| c.id == "REM-00")
        .unwrap();
    while app.current_index() < gate {
        app.update(key(KeyCode::Right));
    }
    let no = catalog
        .control("REM-00")
        .unwrap()
        .options
        .iter()
        .position(|o| o.id == "non")
        .unwrap();
    press(&mut app, &(no + 1).to_string());
    assert!(app.questions().len() < before);
    assert!(!app.questions().iter().any(|c| c.id == "REM-03"));
    // The question after the gate is the next one still asked.
    assert_ne!(current_id(&app), "REM-03");

    app.update(key(KeyCode::Left));
    while current_id(&app) != "REM-00" {
        app.update(key(KeyCode::Left));
    }
    let yes = catalog
        .control("REM-00")
        .unwrap()
        .options
        .iter()
        .position(|o| o.id == "oui")
        .unwrap();
    press(&mut app, &(yes + 1).to_string());
    assert_eq!(app.questions().len(), before);
}

#[test]
fn tab_goes_to_the_next_unanswered_or_flagged_question() {
    let catalog = catalog::bundled().unwrap();
    let mut app = app(&catalog, session(&catalog, "express"), Lang::Fr);
    let ids: Vec<String> = app.questions().iter().map(|c| c.id.clone()).collect();
    // Answer questions 2 and 3, flag question 5, then come back to the start.
    app.update(key(KeyCode::Right));
    press(&mut app, "1");
    press(&mut app, "1");
    app.update(key(KeyCode::Right));
    assert_eq!(current_id(&app), ids[4]);
    assert_eq!(press(&mut app, "f"), vec![Effect::Save]);
    assert!(app.audit.session.is_flagged(&ids[4]));
    for _ in 0..5 {
        app.update(key(KeyCode::Left));
    }
    assert_eq!(current_id(&app), ids[0]);
    app.update(key(KeyCode::Tab));
    assert_eq!(current_id(&app), ids[3], "skips the answered questions");
    press(&mut app, "1");
    assert_eq!(current_id(&app), ids[4]);
    press(&mut app, "2");
    // Answered but flagged: Tab still stops there; F goes to flagged ones only.
    app.update(key(KeyCode::Left));
    app.update(key(KeyCode::Left));
    press(&mut app, "F");
    assert_eq!(current_id(&app), ids[4]);
}

#[test]
fn notes_are_written_in_the_editor_and_saved_on_escape() {
    let catalog = catalog::bundled().unwrap();
    let mut app = app(&catalog, session(&catalog, "express"), Lang::Fr);
    let id = current_id(&app);
    press(&mut app, "n");
    assert!(matches!(app.overlay, Overlay::Note(_)));
    // Keys go to the editor, not to the questionnaire: "3" is text here.
    assert!(press(&mut app, "Registre 3").is_empty());
    app.update(key(KeyCode::Enter));
    press(&mut app, "fiches");
    assert!(app.audit.session.answers.is_empty());
    assert_eq!(app.update(key(KeyCode::Esc)), vec![Effect::Save]);
    assert!(matches!(app.overlay, Overlay::None));
    assert_eq!(app.audit.session.note(&id), Some("Registre 3\nfiches"));
    // The note follows the answer given afterwards.
    press(&mut app, "2");
    assert_eq!(
        app.audit.session.answers[&id].note.as_deref(),
        Some("Registre 3\nfiches")
    );
}

#[test]
fn search_jumps_to_a_question() {
    let catalog = catalog::bundled().unwrap();
    let mut app = app(&catalog, session(&catalog, "express"), Lang::Fr);
    press(&mut app, "/");
    press(&mut app, "restauration");
    app.update(key(KeyCode::Enter));
    assert_eq!(current_id(&app), "BAK-02");
    assert!(matches!(app.overlay, Overlay::None));
}

#[test]
fn q_and_ctrl_c_save_then_quit() {
    let catalog = catalog::bundled().unwrap();
    let mut app = app(&catalog, session(&catalog, "express"), Lang::Fr);
    assert_eq!(press(&mut app, "q"), vec![Effect::Save, Effect::Quit]);
    let ctrl_c = Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    press(&mut app, "n");
    assert_eq!(app.update(ctrl_c), vec![Effect::Save, Effect::Quit]);
}

#[test]
fn a_resumed_session_starts_at_the_first_unanswered_question() {
    let catalog = catalog::bundled().unwrap();
    let mut session = session(&catalog, "express");
    let ids: Vec<String> = catalog
        .controls_in("express")
        .map(|c| c.id.clone())
        .collect();
    for id in &ids[..3] {
        session.set_answer(id, UNKNOWN, None, now());
    }
    let app = app(&catalog, session, Lang::Fr);
    assert_eq!(current_id(&app), ids[3]);
}

#[test]
fn the_last_answer_opens_the_summary_and_p_plans_the_next_assessment() {
    let catalog = catalog::bundled().unwrap();
    let mut session = session(&catalog, "express");
    let ids: Vec<String> = catalog
        .controls_in("express")
        .map(|c| c.id.clone())
        .collect();
    for id in &ids[..ids.len() - 1] {
        session.set_answer(id, UNKNOWN, None, now());
    }
    let mut app = app(&catalog, session, Lang::Fr);
    assert_eq!(current_id(&app), *ids.last().unwrap());
    press(&mut app, "1");
    assert_eq!(app.screen, Screen::Summary);
    assert_eq!(press(&mut app, "p"), vec![Effect::Save]);
    assert_eq!(app.audit.session.meta.next_assessment, "2027-05-23");
    assert_eq!(press(&mut app, "x"), vec![Effect::Export]);
    app.update(key(KeyCode::Esc));
    assert_eq!(app.screen, Screen::Questions);
}

#[test]
fn carried_over_answers_are_confirmed_with_c_or_changed_with_a_digit() {
    let catalog = catalog::bundled().unwrap();
    let mut previous = session(&catalog, "express");
    let ids: Vec<String> = catalog
        .controls_in("express")
        .map(|c| c.id.clone())
        .collect();
    let first = catalog.control(&ids[0]).unwrap();
    let second = catalog.control(&ids[1]).unwrap();
    previous.set_answer(
        &first.id,
        &first.options[1].id,
        Some("ancien".into()),
        now(),
    );
    previous.set_answer(&second.id, &second.options[1].id, None, now());
    let (session, _) = crate::reassess::reassess(
        &catalog,
        &previous,
        std::path::Path::new("old.toml"),
        None,
        now(),
    )
    .unwrap();
    let mut app = app(&catalog, session, Lang::Fr);
    assert_eq!(current_id(&app), first.id, "to confirm counts as open");
    assert_eq!(press(&mut app, "c"), vec![Effect::Save]);
    let answer = &app.audit.session.answers[&first.id];
    assert!(!answer.to_confirm);
    assert_eq!(answer.choice, first.options[1].id);
    assert_eq!(current_id(&app), second.id);
    press(&mut app, "4");
    let answer = &app.audit.session.answers[&second.id];
    assert!(!answer.to_confirm);
    assert_eq!(answer.choice, second.options[3].id);
    assert_eq!(
        answer.previous_choice.as_deref(),
        Some(second.options[1].id.as_str())
    );
    // "c" on a question with nothing carried over does nothing.
    assert!(press(&mut app, "c").is_empty());
}

#[test]
fn hiding_the_scores_hides_every_level() {
    let catalog = catalog::bundled().unwrap();
    let mut app = app(&catalog, session(&catalog, "express"), Lang::Fr);
    let shown = draw(&app, 120, 40);
    assert!(shown.contains("Indice 0,0"), "{shown}");
    assert!(shown.contains("(niv. 0)"));
    press(&mut app, "s");
    let hidden = draw(&app, 120, 40);
    assert!(!hidden.contains("Indice 0,0"));
    assert!(!hidden.contains("niv."), "{hidden}");
    assert!(hidden.contains("scores masqués"));
}

#[test]
fn the_start_form_proposes_a_file_and_creates_the_session() {
    let catalog = catalog::bundled().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut form = StartForm::new(&catalog, Some("express"), dir.path(), now());
    let mut outcome = FormOutcome::Continue;
    for c in "Santé Travail 56".chars() {
        outcome = form.update(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
    assert_eq!(outcome, FormOutcome::Continue);
    assert!(
        form.file
            .ends_with("audit-sante-travail-56-2026-11-23.toml"),
        "{}",
        form.file
    );
    // Enter goes through the six other fields, then creates.
    for _ in 0..7 {
        outcome = form.update(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    }
    let FormOutcome::Submit(new, path) = outcome else {
        panic!("expected a submit, got {outcome:?}");
    };
    assert_eq!(new.organisation, "Santé Travail 56");
    assert_eq!(new.profile, "express");
    assert_eq!(
        path,
        dir.path().join("audit-sante-travail-56-2026-11-23.toml")
    );
}

#[test]
fn the_start_form_requires_an_organisation() {
    let catalog = catalog::bundled().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut form = StartForm::new(&catalog, None, dir.path(), now());
    let outcome = form.update(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL));
    assert_eq!(outcome, FormOutcome::Continue);
    assert!(form.error.is_some());
    assert_eq!(
        form.update(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE)),
        FormOutcome::Cancel
    );
}

mod snapshots {
    use super::*;

    /// A session a third of the way through, with a note, a flag and a critical failure.
    fn midway(catalog: &Catalog) -> Session {
        let mut session = session(catalog, "express");
        session.meta.elapsed_seconds = 31 * 60 + 12;
        let ids: Vec<String> = catalog
            .controls_in("express")
            .map(|c| c.id.clone())
            .collect();
        for (index, id) in ids.iter().take(7).enumerate() {
            let control = catalog.control(id).unwrap();
            let option = &control.options[(index + 1) % control.options.len()];
            session.set_answer(id, &option.id, None, now());
        }
        session.set_note(
            &ids[7],
            Some("Correctifs Windows : WSUS\nlogiciel métier : à la main".into()),
            now(),
        );
        session.toggle_flag(&ids[7], now());
        session
    }

    fn screens(lang: Lang, name: &str) {
        let catalog = catalog::bundled().unwrap();
        let mut app = app(&catalog, midway(&catalog), lang);
        for (width, height) in [(80, 24), (120, 40)] {
            insta::assert_snapshot!(
                format!("{name}_question_{width}x{height}"),
                draw(&app, width, height)
            );
        }
        press(&mut app, "h");
        insta::assert_snapshot!(format!("{name}_help_text_120x40"), draw(&app, 120, 40));
        press(&mut app, "h?");
        insta::assert_snapshot!(format!("{name}_keys_80x24"), draw(&app, 80, 24));
        app.update(key(KeyCode::Esc));
        press(&mut app, "n");
        insta::assert_snapshot!(format!("{name}_note_80x24"), draw(&app, 80, 24));
        app.update(key(KeyCode::Esc));
        press(&mut app, "/sauve");
        insta::assert_snapshot!(format!("{name}_search_80x24"), draw(&app, 80, 24));
        app.update(key(KeyCode::Esc));
        press(&mut app, "r");
        for (width, height) in [(80, 24), (120, 40)] {
            insta::assert_snapshot!(
                format!("{name}_summary_{width}x{height}"),
                draw(&app, width, height)
            );
        }
        for _ in 0..30 {
            app.update(key(KeyCode::Down));
        }
        insta::assert_snapshot!(format!("{name}_summary_scrolled_80x24"), draw(&app, 80, 24));
    }

    #[test]
    fn french_screens() {
        screens(Lang::Fr, "fr");
    }

    #[test]
    fn english_screens() {
        screens(Lang::En, "en");
    }

    #[test]
    fn start_form() {
        let catalog = catalog::bundled().unwrap();
        let mut form = StartForm::new(
            &catalog,
            Some("express"),
            std::path::Path::new("/audits"),
            now(),
        );
        for c in "CPTS Les Mureaux".chars() {
            form.update(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        }
        for (lang, name) in [(Lang::Fr, "fr"), (Lang::En, "en")] {
            let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
            terminal
                .draw(|frame| view::render_form(frame, &form, &catalog, lang))
                .unwrap();
            insta::assert_snapshot!(
                format!("{name}_start_form_80x24"),
                buffer_text(terminal.backend().buffer())
            );
        }
    }
}

#[test]
fn machine_facts_show_under_the_question_they_bear_on() {
    use crate::evidence::Evidence;
    use scoring::facts::{Fact, FactReport, Status, Value};
    let catalog = catalog::bundled().unwrap();
    let mut session = session(&catalog, "express");
    session.set_answer("PAT-01", "8-jours", None, now());
    let mut app = app(&catalog, session, Lang::Fr);
    app.set_evidence(Evidence {
        reports: vec![FactReport {
            agent_version: "0.1.0".into(),
            host: "srv-dossiers".into(),
            collected_at: "2026-11-23T10:00:00Z".into(),
            root: true,
            container: false,
            facts: vec![Fact {
                key: "patch.days_since_upgrade".into(),
                value: Value::Number(40.0),
                status: Status::Fail,
                source: "/var/log/apt/history.log".into(),
                detail: "dernière mise à jour il y a 40 jours".into(),
            }],
        }],
    });
    press(&mut app, "/PAT-01");
    app.update(key(KeyCode::Enter));
    assert_eq!(current_id(&app), "PAT-01");
    let screen = draw(&app, 120, 40);
    assert!(screen.contains("Constats des machines"), "{screen}");
    assert!(
        screen.contains("srv-dossiers · patch.days_since_upgrade = 40"),
        "{screen}"
    );
    assert!(screen.contains("contredit cette réponse"), "{screen}");
    // The live score follows the facts: the critical patch control, capped at 1, caps its domain.
    let domain = app
        .assessment()
        .domains
        .iter()
        .find(|d| d.id == "mises-a-jour")
        .unwrap();
    assert_eq!(domain.capped_by, vec!["PAT-01".to_owned()]);
}
