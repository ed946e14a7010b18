//! End-to-end tests of `posture session new`: the `[meta]` table it writes, session files readable
//! by their owner only, what it refuses to overwrite or to create, and a session that records its
//! own catalog directory; the assessment's id that a session gets when it is made, or on its next
//! write when it was made before ids existed.

use std::path::PathBuf;

#[cfg(unix)]
use crate::common::cli::mode;
use crate::common::cli::{
    answer, bundled_dir, copy_dir, export, is_utc_timestamp, mkdir, new_session, read_session,
    root, tempdir, write_answers,
};
use crate::common::{posture, run_command};

#[test]
fn session_new_writes_the_meta_table() {
    let dir = tempdir();
    let path = dir.path().join("audit.toml");
    let run = run_command(
        posture()
            .args([
                "session",
                "new",
                "--profile",
                "express",
                "--org",
                "  CPTS du Val  ",
                "--auditor",
                "A. Martin",
                "--participant",
                "Directrice",
                "--participant",
                "Médecin, Secrétaire",
                "--sector",
                "CPTS",
                "--headcount",
                "10-49",
                "-o",
            ])
            .arg(&path),
    )
    .success();
    run.stdout_has("session créée");
    let session = read_session(&path);
    let meta = session["meta"].as_table().expect("[meta]");
    let export = export();
    assert_eq!(meta["organisation"].as_str(), Some("CPTS du Val"));
    assert_eq!(meta["profile"].as_str(), Some("express"));
    assert_eq!(meta["catalog_id"].as_str(), Some("posture-sante"));
    assert_eq!(meta["catalog_version"].as_str(), export["version"].as_str());
    assert_eq!(meta["catalog_hash"].as_str(), export["hash"].as_str());
    assert!(
        meta["catalog_hash"]
            .as_str()
            .is_some_and(|h| h.starts_with("sha256:"))
    );
    assert!(
        !meta.contains_key("catalog_path"),
        "the bundled catalog has no path"
    );
    assert_eq!(meta["auditor"].as_str(), Some("A. Martin"));
    let participants: Vec<&str> = meta["participants"]
        .as_array()
        .expect("participants")
        .iter()
        .map(|p| p.as_str().expect("name"))
        .collect();
    assert_eq!(participants, ["Directrice", "Médecin", "Secrétaire"]);
    assert_eq!(meta["sector"].as_str(), Some("CPTS"));
    assert_eq!(meta["headcount"].as_str(), Some("10-49"));
    let created = meta["created"].as_str().expect("created");
    assert!(is_utc_timestamp(created), "{created}");
    assert_eq!(meta["updated"].as_str(), Some(created));
    let id = meta["id"].as_str().expect("an id");
    assert_eq!(uuid_version(id), Some('4'), "a random UUID: {id}");
    assert!(!meta.contains_key("previous_id"), "not a re-assessment");
    let other = new_session(dir.path(), "express");
    assert_ne!(
        read_session(&other)["meta"]["id"].as_str(),
        Some(id),
        "each session its own id"
    );
    let answers = session
        .get("answers")
        .and_then(|a| a.as_table())
        .map_or(0, toml::Table::len);
    assert_eq!(answers, 0, "a new session has no answer");
}

#[cfg(unix)]
#[test]
fn session_files_are_readable_by_their_owner_only() {
    let dir = tempdir();
    let path = new_session(dir.path(), "express");
    assert_eq!(mode(&path), 0o600);
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    answer(&path, "PAT-01", "1").success();
    assert_eq!(mode(&path), 0o600, "answer rewrites the file 0600");
}

#[test]
fn session_new_refuses_to_overwrite_an_existing_file() {
    let dir = tempdir();
    let path = dir.path().join("s.toml");
    std::fs::write(&path, "précieux\n").expect("write");
    run_command(
        posture()
            .args(["session", "new", "--profile", "express", "--org", "X", "-o"])
            .arg(&path),
    )
    .invalid()
    .stderr_has("existe déjà")
    .stderr_has("--force");
    assert_eq!(std::fs::read(&path).expect("read"), b"pr\xc3\xa9cieux\n");
}

#[test]
fn session_new_overwrites_with_force() {
    let dir = tempdir();
    let path = new_session(dir.path(), "express");
    write_answers(&path, &[("PAT-01", "8-jours")]);
    run_command(
        posture()
            .args([
                "session",
                "new",
                "--profile",
                "complet",
                "--org",
                "Autre",
                "--force",
                "-o",
            ])
            .arg(&path),
    )
    .success();
    let session = read_session(&path);
    assert_eq!(session["meta"]["organisation"].as_str(), Some("Autre"));
    assert_eq!(session["meta"]["profile"].as_str(), Some("complet"));
    assert!(
        session
            .get("answers")
            .and_then(|a| a.as_table())
            .is_none_or(toml::Table::is_empty),
        "the old answers are gone"
    );
}

#[test]
fn session_new_refuses_an_unknown_profile() {
    let dir = tempdir();
    let path = dir.path().join("s.toml");
    run_command(
        posture()
            .args(["session", "new", "--profile", "rapide", "--org", "X", "-o"])
            .arg(&path),
    )
    .invalid()
    .stderr_has("profil inconnu « rapide »")
    .stderr_has("express, complet");
    assert!(!path.exists(), "no file is created");
}

#[test]
fn session_new_refuses_an_empty_organisation() {
    let dir = tempdir();
    let path = dir.path().join("s.toml");
    run_command(
        posture()
            .args([
                "--lang",
                "en",
                "session",
                "new",
                "--profile",
                "express",
                "--org",
                "  ",
                "-o",
            ])
            .arg(&path),
    )
    .invalid()
    .stderr_has("the organisation name is empty");
    assert!(!path.exists());
}

#[test]
fn an_output_in_a_missing_directory_or_on_a_directory_is_bad_input() {
    let dir = tempdir();
    let missing = dir.path().join("absent").join("s.toml");
    let run = run_command(
        posture()
            .args(["session", "new", "--profile", "express", "--org", "X", "-o"])
            .arg(&missing),
    )
    .invalid();
    run.stderr_has("n'existe pas").stderr_has("mkdir -p");
    let run = run_command(
        posture()
            .args([
                "--lang",
                "en",
                "session",
                "new",
                "--profile",
                "express",
                "--org",
                "X",
                "--force",
                "-o",
            ])
            .arg(dir.path()),
    )
    .invalid();
    run.stderr_has("is a directory, not a file");
    assert!(dir.path().is_dir());
}

#[test]
fn a_session_finds_its_custom_catalog_directory_without_the_flag() {
    let dir = tempdir();
    let catalog = dir.path().join("mon-catalogue");
    copy_dir(&bundled_dir(), &catalog);
    // Make the copy differ from the bundled catalog, so that only the copy can open the session.
    let header = catalog.join("catalog.toml");
    let version = export()["version"].as_str().expect("version");
    let text = std::fs::read_to_string(&header).expect("catalog.toml");
    std::fs::write(
        &header,
        text.replacen(
            &format!("version = \"{version}\""),
            "version = \"local-1\"",
            1,
        ),
    )
    .expect("write");

    // Created with a path relative to the working directory.
    let path = dir.path().join("sessions").join("audit.toml");
    mkdir(&dir.path().join("sessions"));
    run_command(posture().current_dir(dir.path()).args([
        "session",
        "new",
        "--catalog",
        "mon-catalogue",
        "--profile",
        "express",
        "--org",
        "Cabinet",
        "-o",
        "sessions/audit.toml",
    ]))
    .success();
    let meta = read_session(&path)["meta"].clone();
    assert_eq!(meta["catalog_version"].as_str(), Some("local-1"));
    let recorded = PathBuf::from(meta["catalog_path"].as_str().expect("catalog_path"));
    assert!(recorded.is_absolute(), "{}", recorded.display());
    assert_eq!(
        recorded.canonicalize().expect("canonical"),
        catalog.canonicalize().expect("canonical")
    );

    // From another directory, without --catalog.
    let elsewhere = tempdir();
    run_command(
        posture()
            .current_dir(elsewhere.path())
            .arg("answer")
            .arg(&path)
            .args(["PAT-01", "1"]),
    )
    .success();
    let score = run_command(
        posture()
            .current_dir(elsewhere.path())
            .args(["score", "--format", "json"])
            .arg(&path),
    )
    .success()
    .json();
    assert_eq!(score["session"]["catalog"]["version"], "local-1");
}

/// The version digit of a UUID written in lower-case hyphenated form, `None` when `text` is not
/// one (RFC 9562 variant).
fn uuid_version(text: &str) -> Option<char> {
    let bytes = text.as_bytes();
    let hyphens = [8, 13, 18, 23];
    let well_formed = bytes.len() == 36
        && bytes.iter().enumerate().all(|(index, byte)| {
            if hyphens.contains(&index) {
                *byte == b'-'
            } else {
                byte.is_ascii_digit() || (b'a'..=b'f').contains(byte)
            }
        })
        && matches!(bytes[19], b'8' | b'9' | b'a' | b'b');
    well_formed.then(|| char::from(bytes[14]))
}

/// The `assessment_id` of `posture report SESSION --format json`, written to standard output.
fn assessment_id(session: &std::path::Path) -> String {
    let json = run_command(
        posture()
            .arg("report")
            .arg(session)
            .args(["--format", "json", "-o", "-"]),
    )
    .success()
    .json();
    json["assessment_id"]
        .as_str()
        .unwrap_or_else(|| panic!("no assessment_id in {json}"))
        .to_owned()
}

/// A session written before ids existed: reading it (score, report) leaves it as it is and
/// names it by the same derived id each time; the first command that writes it (`posture answer`)
/// writes that id, and the next one keeps it.
#[test]
fn an_older_session_gets_its_id_on_its_next_write_and_keeps_it() {
    let dir = tempdir();
    let path = dir.path().join("mai.toml");
    std::fs::copy(root().join("tests/data/session-2026.11.toml"), &path).expect("copy");
    let before = std::fs::read(&path).expect("read");
    assert!(
        !read_session(&path)["meta"]
            .as_table()
            .expect("[meta]")
            .contains_key("id"),
        "the test file predates ids"
    );

    run_command(posture().arg("score").arg(&path)).success();
    let derived = assessment_id(&path);
    assert_eq!(uuid_version(&derived), Some('8'), "derived: {derived}");
    assert_eq!(assessment_id(&path), derived, "the same each time");
    assert_eq!(
        std::fs::read(&path).expect("read"),
        before,
        "score and report write nothing"
    );

    answer(&path, "PAT-01", "dans-le-mois").success();
    let written = read_session(&path);
    assert_eq!(written["meta"]["id"].as_str(), Some(derived.as_str()));
    assert_eq!(assessment_id(&path), derived, "a resent report: the same");

    answer(&path, "BAK-02", "unknown").success();
    assert_eq!(
        read_session(&path)["meta"]["id"].as_str(),
        Some(derived.as_str()),
        "kept on the next write"
    );

    // Another copy of the old file, of another organisation: another assessment.
    let other = dir.path().join("autre.toml");
    let text = String::from_utf8(before).expect("UTF-8");
    std::fs::write(
        &other,
        text.replace(
            "organisation = \"CPTS du Val\"",
            "organisation = \"CPTS du Mont\"",
        ),
    )
    .expect("write");
    assert_ne!(assessment_id(&other), derived);
}
