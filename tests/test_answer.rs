//! End-to-end tests of `posture answer`: what it records (option ids or numbers, "unknown", "na",
//! notes), and its refusals, which leave the session file byte for byte alone (unknown controls and
//! options, corrupt or newer files, another catalog version); a session of the previous catalog
//! version upgraded when opened; odd session files refused without a panic.

use std::path::Path;

use crate::common::cli::{
    answer, control, controls, export, id, id_set, in_profile, is_utc_timestamp, new_session,
    place, read_session, root, run, score_json, scored, tempdir, write_answers,
};
use crate::common::{Run, posture, run_command};

#[test]
fn answer_records_an_option_id_with_its_note() {
    let dir = tempdir();
    let path = new_session(dir.path(), "express");
    let run = run_command(posture().arg("answer").arg(&path).args([
        "PAT-01",
        "8-jours",
        "--note",
        "  WSUS, rapport « mensuel »  ",
    ]))
    .success();
    run.stdout_has("PAT-01 = 8-jours");
    run.stdout_has("niveau 3");
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text.contains("[answers.PAT-01]"), "{text}");
    let session = read_session(&path);
    let recorded = &session["answers"]["PAT-01"];
    assert_eq!(recorded["choice"].as_str(), Some("8-jours"));
    assert_eq!(recorded["note"].as_str(), Some("WSUS, rapport « mensuel »"));
    let at = recorded["answered_at"].as_str().expect("answered_at");
    assert!(is_utc_timestamp(at), "{at}");
    assert_eq!(session["meta"]["updated"].as_str(), Some(at));
}

#[test]
fn answer_accepts_the_option_number_from_one() {
    let dir = tempdir();
    let path = new_session(dir.path(), "express");
    let pat = control(export(), "PAT-01");
    let options = pat["options"].as_array().expect("options");
    answer(&path, "PAT-01", "1").success();
    assert_eq!(
        read_session(&path)["answers"]["PAT-01"]["choice"].as_str(),
        options[0]["id"].as_str()
    );
    let last = options.len().to_string();
    answer(&path, "PAT-01", &last).success();
    assert_eq!(
        read_session(&path)["answers"]["PAT-01"]["choice"].as_str(),
        options[options.len() - 1]["id"].as_str()
    );
    answer(&path, "REM-00", "2").success();
    assert_eq!(
        read_session(&path)["answers"]["REM-00"]["choice"].as_str(),
        control(export(), "REM-00")["options"][1]["id"].as_str()
    );
}

#[test]
fn answer_accepts_unknown_everywhere_and_na_where_allowed() {
    let dir = tempdir();
    let path = new_session(dir.path(), "express");
    let export = export();
    let na_allowed = scored(export, "express")
        .into_iter()
        .find(|c| c["na_allowed"] == true)
        .expect("an express control allows na");
    answer(&path, "BAK-01", "unknown")
        .success()
        .stdout_has("Je ne sais pas");
    answer(&path, id(na_allowed), "na")
        .success()
        .stdout_has("Non applicable");
    let session = read_session(&path);
    assert_eq!(
        session["answers"]["BAK-01"]["choice"].as_str(),
        Some("unknown")
    );
    assert_eq!(
        session["answers"][id(na_allowed)]["choice"].as_str(),
        Some("na")
    );
}

#[test]
fn answer_keeps_the_note_when_the_choice_changes_and_an_empty_note_removes_it() {
    let dir = tempdir();
    let path = new_session(dir.path(), "express");
    run_command(posture().arg("answer").arg(&path).args([
        "PAT-01",
        "1",
        "--note",
        "vu le tableau",
    ]))
    .success();
    answer(&path, "PAT-01", "2").success();
    let session = read_session(&path);
    assert_eq!(
        session["answers"]["PAT-01"]["note"].as_str(),
        Some("vu le tableau")
    );
    run_command(
        posture()
            .arg("answer")
            .arg(&path)
            .args(["PAT-01", "2", "--note", ""]),
    )
    .success();
    let session = read_session(&path);
    assert!(session["answers"]["PAT-01"].get("note").is_none());
}

#[test]
fn answer_keeps_fields_it_does_not_know() {
    let dir = tempdir();
    let path = new_session(dir.path(), "express");
    let text = std::fs::read_to_string(&path).expect("read");
    let text =
        text.replacen("[meta]\n", "[meta]\nfutur = \"gardé\"\n", 1) + "\n[extension]\nx = 1\n";
    std::fs::write(&path, text).expect("write");
    answer(&path, "PAT-01", "1").success();
    let session = read_session(&path);
    assert_eq!(session["meta"]["futur"].as_str(), Some("gardé"));
    assert_eq!(session["extension"]["x"].as_integer(), Some(1));
}

/// Runs `posture answer` expecting a refusal (exit 2) that leaves the file byte-for-byte alone.
fn assert_answer_refused(path: &Path, control: &str, choice: &str, lang: &str) -> Run {
    let before = std::fs::read(path).expect("read");
    let run = run_command(
        posture()
            .args(["--lang", lang, "answer"])
            .arg(path)
            .args([control, choice]),
    )
    .invalid();
    assert_eq!(
        std::fs::read(path).expect("read"),
        before,
        "the session file changed after a refused answer"
    );
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    run
}

#[test]
fn answer_refuses_an_unknown_control() {
    let dir = tempdir();
    let path = new_session(dir.path(), "express");
    assert_answer_refused(&path, "ZZZ-99", "1", "fr")
        .stderr_has(&format!(
            "{} : contrôle inconnu « ZZZ-99 » (argument CONTROL)",
            path.display()
        ))
        .stderr_has("PAT-01");
    assert_answer_refused(&path, "ZZZ-99", "1", "en").stderr_has(&format!(
        "{}: unknown control \"ZZZ-99\" (CONTROL argument)",
        path.display()
    ));
}

#[test]
fn answer_refuses_an_unknown_option() {
    let dir = tempdir();
    let path = new_session(dir.path(), "express");
    for choice in ["peut-etre", "0", "6", "99999999999999999999", ""] {
        assert_answer_refused(&path, "PAT-01", choice, "en").stderr_has("PAT-01 has no option");
    }
    assert_answer_refused(&path, "PAT-01", "peut-etre", "fr")
        .stderr_has("PAT-01 n'a pas d'option « peut-etre » (argument CHOICE)")
        .stderr_has("8-jours (4)");
}

#[test]
fn answer_refuses_na_where_it_is_not_allowed() {
    let dir = tempdir();
    let path = new_session(dir.path(), "express");
    assert_eq!(control(export(), "BAK-02")["na_allowed"], false);
    assert_answer_refused(&path, "BAK-02", "na", "fr")
        .stderr_has("BAK-02 ne peut pas être « Non applicable »");
    assert_answer_refused(&path, "BAK-02", "na", "en")
        .stderr_has("BAK-02 cannot be \"Not applicable\"");
}

#[test]
fn answer_refuses_a_control_outside_the_session_profile() {
    let dir = tempdir();
    let path = new_session(dir.path(), "express");
    let outside = controls(export())
        .iter()
        .find(|c| !in_profile(c, "express"))
        .expect("a control outside express");
    assert_answer_refused(&path, id(outside), "1", "en").stderr_has(&format!(
        "{} is not part of this session's profile express",
        id(outside)
    ));
}

#[test]
fn answer_refuses_a_corrupt_session_file_at_its_place() {
    let dir = tempdir();
    let path = new_session(dir.path(), "express");
    let text = std::fs::read_to_string(&path).expect("read");
    let corrupt = text.replacen(
        "organisation = \"CPTS du Val\"",
        "organisation = \"CPTS du Val",
        1,
    );
    assert_ne!(text, corrupt);
    std::fs::write(&path, &corrupt).expect("write");
    let (line, _) = place(&corrupt, "organisation = ", 0);
    assert_answer_refused(&path, "PAT-01", "1", "fr")
        .stderr_has(&format!("{}:{line}:", path.display()))
        .stderr_has("fichier de session illisible");
    assert_answer_refused(&path, "PAT-01", "1", "en").stderr_has("unreadable session file");
}

#[test]
fn answer_refuses_a_session_made_with_another_catalog_version() {
    let dir = tempdir();
    let path = new_session(dir.path(), "express");
    let version = export()["version"].as_str().expect("version");
    let text = std::fs::read_to_string(&path).expect("read");
    let edited = text.replacen(
        &format!("catalog_version = \"{version}\""),
        "catalog_version = \"2020.01\"",
        1,
    );
    assert_ne!(text, edited);
    std::fs::write(&path, &edited).expect("write");
    let (line, col) = place(&edited, "\"2020.01\"", 0);
    assert_answer_refused(&path, "PAT-01", "1", "fr")
        .stderr_has(&format!("{}:{line}:{col}:", path.display()))
        .stderr_has("version 2020.01")
        .stderr_has(version);
    assert_answer_refused(&path, "PAT-01", "1", "en").stderr_has("was made with version 2020.01");
    let run = run_command(posture().arg("score").arg(&path)).invalid();
    run.stderr_has("version 2020.01");
}

/// A session recorded with the previous catalog version (`tests/data/session-2026.11.toml`) opens:
/// its answers follow the catalog's `[[upgrades]]`, a note on standard error says so, and the
/// first command that writes the file records the new version, the set-aside answers kept.
#[test]
fn a_session_of_the_previous_catalog_version_is_upgraded_when_opened() {
    let dir = tempdir();
    let path = dir.path().join("mai.toml");
    std::fs::copy(root().join("tests/data/session-2026.11.toml"), &path).expect("copy");
    let before = std::fs::read(&path).expect("read");
    let version = export()["version"].as_str().expect("version");
    assert_ne!(version, "2026.11");

    // Reading it (score) upgrades it in memory only, and says so in the interface's language.
    let run = run_command(posture().arg("score").arg(&path).args(["--format", "json"])).success();
    run.stderr_has(&format!(
        "remarque\u{a0}: cette session a été faite avec la version 2026.11 du catalogue, elle est lue avec la version {version}"
    ));
    run.stderr_has("IAM-02");
    assert!(!run.stderr.contains("DEV-04"), "{}", run.stderr);
    assert_eq!(
        std::fs::read(&path).expect("read"),
        before,
        "score writes nothing"
    );
    let score = run.json();
    assert_eq!(score["session"]["catalog"]["version"], version);
    let unanswered = id_set(&score, "unanswered");
    // IAM-02's options changed meaning: asked again. BAK-01 follows its renamed option, DEV-04
    // its move to SUP-07 (which is not in the express profile).
    assert!(unanswered.contains("IAM-02"), "{unanswered:?}");
    assert!(!unanswered.contains("BAK-01"), "{unanswered:?}");
    assert!(!unanswered.contains("PAT-01"), "{unanswered:?}");
    let english = run_command(posture().args(["--lang", "en", "score"]).arg(&path)).success();
    english.stderr_has(&format!(
        "note: this session was made with version 2026.11 of the catalog; it is read with version {version}"
    ));
    english.stderr_has(
        "questions changed, to ask again (the former answer is kept in the file): IAM-02",
    );
    assert!(!english.stderr.contains("remarque"), "{}", english.stderr);

    // The same answers as a session made today with the renamed option ids.
    let today = new_session(dir.path(), "express");
    write_answers(
        &today,
        &[("PAT-01", "8-jours"), ("BAK-01", "copie-hors-d-atteinte")],
    );
    let fresh = score_json(&today);
    for key in ["overall", "domains", "priorities"] {
        assert_eq!(score[key], fresh[key], "{key}");
    }

    // Answering writes the upgraded session.
    answer(&path, "IAM-02", "imposee-et-verifiee").success();
    let session = read_session(&path);
    assert_eq!(session["meta"]["catalog_version"].as_str(), Some(version));
    assert_eq!(
        session["meta"]["catalog_hash"].as_str(),
        export()["hash"].as_str()
    );
    let answers = session["answers"].as_table().expect("answers");
    assert_eq!(
        answers["BAK-01"]["choice"].as_str(),
        Some("copie-hors-d-atteinte")
    );
    assert_eq!(
        answers["BAK-01"]["note"].as_str(),
        Some("NAS et disque USB chiffré, échangé chaque vendredi")
    );
    assert_eq!(answers["SUP-07"]["choice"].as_str(), Some("tout-chez-hds"));
    assert!(!answers.contains_key("DEV-04"), "{answers:?}");
    assert_eq!(
        answers["IAM-02"]["choice"].as_str(),
        Some("imposee-et-verifiee")
    );
    // The former IAM-02 answer is set aside with its note, never dropped.
    let retired = &session["retired"]["IAM-02"];
    assert_eq!(retired["choice"].as_str(), Some("partout"));
    assert_eq!(
        retired["note"].as_str(),
        Some("double authentification sur la messagerie et le VPN")
    );
    assert_eq!(retired["catalog_version"].as_str(), Some("2026.11"));
    assert_eq!(retired["reason"].as_str(), Some("changed"));
    // Read again: nothing left to upgrade, no note.
    let again = run_command(posture().arg("score").arg(&path)).success();
    assert!(!again.stderr.contains("remarque"), "{}", again.stderr);
}

#[test]
fn answer_refuses_a_session_of_a_newer_file_format() {
    let dir = tempdir();
    let path = new_session(dir.path(), "express");
    let text = std::fs::read_to_string(&path).expect("read");
    let newer = text.replacen("format = 1\n", "format = 7\n", 1);
    assert_ne!(text, newer);
    std::fs::write(&path, &newer).expect("write");
    let (line, _) = place(&newer, "format = 7", 0);
    assert_answer_refused(&path, "PAT-01", "1", "fr")
        .stderr_has(&format!("{}:{line}:", path.display()))
        .stderr_has("format de session 7 inconnu");
    assert_answer_refused(&path, "PAT-01", "1", "en").stderr_has("update posture");
}

#[test]
fn answer_refuses_an_unreadable_answer_time() {
    let dir = tempdir();
    let path = new_session(dir.path(), "express");
    answer(&path, "PAT-01", "1").success();
    let text = std::fs::read_to_string(&path).expect("read");
    let stamp = text
        .lines()
        .find(|l| l.starts_with("answered_at"))
        .expect("answered_at")
        .to_owned();
    let edited = text.replacen(&stamp, "answered_at = \"mardi dernier\"", 1);
    std::fs::write(&path, &edited).expect("write");
    let (line, _) = place(&edited, "answered_at = ", 0);
    assert_answer_refused(&path, "PAT-02", "1", "fr")
        .stderr_has(&format!("{}:{line}:", path.display()))
        .stderr_has("date illisible « mardi dernier »");
}

#[cfg(unix)]
#[test]
fn answer_through_a_symbolic_link_updates_the_real_file() {
    let dir = tempdir();
    let real = new_session(dir.path(), "express");
    let link = dir.path().join("lien.toml");
    std::os::unix::fs::symlink(&real, &link).expect("symlink");
    answer(&link, "PAT-01", "8-jours").success();
    assert!(
        std::fs::read_to_string(&real)
            .expect("read")
            .contains("[answers.PAT-01]")
    );
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("link")
            .file_type()
            .is_symlink()
    );
}

#[test]
fn answer_refuses_a_missing_session_file_without_creating_it() {
    let dir = tempdir();
    let path = dir.path().join("absent.toml");
    answer(&path, "PAT-01", "1")
        .invalid()
        .stderr_has("impossible de lire la session");
    assert!(!path.exists());
}

#[test]
fn odd_inputs_are_refused_without_a_panic() {
    let dir = tempdir();
    let session = new_session(dir.path(), "express");
    let text = std::fs::read_to_string(&session).expect("read");
    let cases: Vec<(&str, String)> = vec![
        ("empty.toml", String::new()),
        ("no-meta.toml", "[answers]\n".into()),
        ("half-meta.toml", "[meta]\nformat = 1\n".into()),
        (
            "choice-number.toml",
            text.clone() + "\n[answers.PAT-01]\nchoice = 3\nanswered_at = \"x\"\n",
        ),
        (
            "unknown-control.toml",
            text.clone() + "\n[answers.ZZZ-99]\nchoice = \"1\"\nanswered_at = \"x\"\n",
        ),
        (
            "unknown-choice.toml",
            text.clone() + "\n[answers.PAT-01]\nchoice = \"peut-etre\"\nanswered_at = \"x\"\n",
        ),
        (
            "other-profile.toml",
            text.replacen("profile = \"express\"", "profile = \"rapide\"", 1),
        ),
        (
            "answers-not-table.toml",
            format!("answers = 3\n{}", text.replacen("[answers]", "", 1)),
        ),
    ];
    for (name, contents) in &cases {
        let path = dir.path().join(name);
        std::fs::write(&path, contents).expect("write");
        let before = std::fs::read(&path).expect("read");
        let scored = run_command(posture().arg("score").arg(&path));
        assert_eq!(scored.code, Some(2), "{name}: {}", scored.stderr);
        let answered = answer(&path, "PAT-01", "1");
        assert_eq!(answered.code, Some(2), "{name}: {}", answered.stderr);
        assert_eq!(
            std::fs::read(&path).expect("read"),
            before,
            "{name} changed"
        );
    }
    std::fs::write(dir.path().join("binary.toml"), [0xff, 0xfe, 0x00, 0x80]).expect("write");
    run_command(posture().arg("score").arg(dir.path().join("binary.toml"))).invalid();
    run_command(posture().arg("score").arg(dir.path())).invalid();
    answer(&session, "", "1").invalid();
    run(["score"]).invalid();
    run(["answer"]).invalid();
    run(["catalog"]);
    run(["frobnicate"]).invalid();
}
