//! End-to-end tests of `posture serve token create|list|revoke` and `posture serve org delete`,
//! on a SQLite database in a temporary directory. What a token opens is checked through the
//! collector's store, as the server checks it on each request.

use std::path::Path;

use collector::store::{Caller, Store};
use tempfile::TempDir;

use crate::common::cli::run;
use crate::common::{Run, posture, run_command};

/// A temporary directory and the `sqlite:` URL of a database in it.
fn database() -> (TempDir, String) {
    let dir = tempfile::tempdir().expect("temporary directory");
    let url = format!("sqlite:{}", dir.path().join("collecte.db").display());
    (dir, url)
}

/// `posture serve ARGS… --db URL`.
fn serve(url: &str, args: &[&str]) -> Run {
    let mut all = vec!["serve"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--db", url]);
    run(all)
}

/// Who `token` opens the database to, as the server would see it.
fn caller(url: &str, token: &str) -> Option<Caller> {
    let runtime = collector::store::runtime().expect("runtime");
    runtime.block_on(async {
        let store = Store::open(url).await.expect("open");
        store.authenticate(token).await.expect("lookup")
    })
}

/// The token of a `token create` run: its last line, which must be the token alone.
fn token_of(run: &Run) -> String {
    let last = run.stdout.lines().last().expect("output").to_owned();
    assert!(last.starts_with("pst_"), "{}", run.explain());
    assert!(!last.contains(' '), "{}", run.explain());
    assert!(last.len() >= 4 + 22, "at least 128 bits: {last}");
    assert_eq!(run.stdout.matches(&last).count(), 1, "{}", run.explain());
    assert!(!run.stderr.contains(&last));
    last
}

#[test]
fn token_create_prints_the_token_once_on_the_last_line() {
    let (dir, url) = database();
    let created = serve(
        &url,
        &[
            "token",
            "create",
            "--org",
            "CPTS du Val",
            "--sector",
            "CPTS",
            "--size",
            "10-49",
        ],
    )
    .success();
    created.stdout_has("CPTS du Val");
    let token = token_of(&created);
    assert!(created.stdout.lines().count() >= 2, "a confirmation first");
    match caller(&url, &token) {
        Some(Caller::Organisation { name, .. }) => assert_eq!(name, "CPTS du Val"),
        other => panic!("expected the organisation, got {other:?}"),
    }

    let admin = serve(
        &url,
        &["token", "create", "--admin", "--name", "Alice Martin"],
    )
    .success();
    let admin_token = token_of(&admin);
    assert_ne!(admin_token, token);
    assert!(matches!(
        caller(&url, &admin_token),
        Some(Caller::Admin { .. })
    ));

    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(dir.path().join("collecte.db"))
            .expect("database file")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[test]
fn token_list_never_shows_a_token() {
    let (_dir, url) = database();
    let org = token_of(
        &serve(
            &url,
            &[
                "token",
                "create",
                "--org",
                "EHPAD Les Tilleuls",
                "--size",
                "50-249",
            ],
        )
        .success(),
    );
    let admin = token_of(&serve(&url, &["token", "create", "--admin", "--name", "Bob"]).success());

    let list = serve(&url, &["token", "list"]).success();
    list.stdout_has("EHPAD Les Tilleuls");
    list.stdout_has("50-249");
    list.stdout_has("Bob");
    list.stdout_has("équipe SSI");
    list.stdout_has("révoqué");
    for token in [&org, &admin] {
        assert!(!list.stdout.contains(token.as_str()), "{}", list.explain());
        assert!(!list.stdout.contains(&collector::store::tokens::hash(token)));
        // Not even a part of it.
        assert!(!list.stdout.contains(&token[4..14]), "{}", list.explain());
    }
    assert_eq!(
        list.stdout.lines().count(),
        3,
        "a header and two rows:\n{}",
        list.stdout
    );

    let english = run(["--lang", "en", "serve", "token", "list", "--db", &url]).success();
    english.stdout_has("revoked");
    english.stdout_has("SSI team");

    let empty = database();
    serve(&empty.1, &["token", "list"])
        .success()
        .stdout_has("aucun jeton");
}

#[test]
fn token_revoke_takes_effect_at_once() {
    let (_dir, url) = database();
    let token = token_of(&serve(&url, &["token", "create", "--org", "A"]).success());
    let other = token_of(&serve(&url, &["token", "create", "--org", "A"]).success());
    assert!(caller(&url, &token).is_some());

    serve(&url, &["token", "revoke", "1"])
        .success()
        .stdout_has("révoqué");
    assert!(caller(&url, &token).is_none());
    assert!(caller(&url, &other).is_some(), "only that token");
    let list = serve(&url, &["token", "list"]).success();
    assert!(
        list.stdout
            .lines()
            .nth(1)
            .is_some_and(|row| row.trim_end().ends_with("oui"))
    );

    let missing = serve(&url, &["token", "revoke", "99"]).invalid();
    missing.stderr_has("99");
    missing.stderr_has("posture serve token list");
    run([
        "--lang", "en", "serve", "token", "revoke", "99", "--db", &url,
    ])
    .invalid()
    .stderr_has("no token has the id 99");
}

#[test]
fn org_delete_erases_the_organisation_and_its_tokens() {
    let (_dir, url) = database();
    let a = token_of(&serve(&url, &["token", "create", "--org", "A"]).success());
    let b = token_of(&serve(&url, &["token", "create", "--org", "B"]).success());
    let runtime = collector::store::runtime().expect("runtime");
    let org_a = match caller(&url, &a) {
        Some(Caller::Organisation { org_id, .. }) => org_id,
        other => panic!("expected A, got {other:?}"),
    };
    runtime.block_on(async {
        let store = Store::open(&url).await.expect("open");
        let text = serde_json::json!({
            "schema_version": 1, "assessment_id": "a-1",
            "cover": {"organisation": "A", "date": "2026-01-01"},
            "overall": {"score": 50.0, "level": 2},
            "domains": [{"id": "gouvernance", "score": 50.0, "level": 2}],
        })
        .to_string();
        let doc = collector::document::validate(text.as_bytes()).expect("valid");
        store.submit(org_a, &doc).await.expect("submit");
    });

    // Without a terminal and without --yes: refused, nothing deleted.
    let refused = run_command(
        posture()
            .args(["serve", "org", "delete", "A", "--db", &url])
            .write_stdin("o\n"),
    )
    .invalid();
    refused.stderr_has("--yes");
    assert!(caller(&url, &a).is_some());

    serve(&url, &["org", "delete", "A", "--yes"])
        .success()
        .stdout_has("supprimée");
    assert!(caller(&url, &a).is_none());
    assert!(caller(&url, &b).is_some(), "B untouched");
    runtime.block_on(async {
        let store = Store::open(&url).await.expect("open");
        assert!(store.assessment("a-1").await.expect("read").is_none());
        assert!(store.organisation(org_a).await.expect("read").is_none());
    });
    let list = serve(&url, &["token", "list"]).success();
    assert_eq!(list.stdout.lines().count(), 2, "{}", list.stdout);

    let again = serve(&url, &["org", "delete", "A", "--yes"]);
    assert_ne!(again.code, Some(0));
    again.stderr_has("«\u{a0}A\u{a0}»");
}

#[test]
fn a_bad_sector_or_size_is_refused() {
    let (dir, url) = database();
    for args in [
        &["--sector", ""][..],
        &["--sector", "CPTS\nEHPAD"],
        &["--sector", &"x".repeat(101)],
        &["--size", "12"],
        &["--size", "250"],
    ] {
        let mut all = vec!["token", "create", "--org", "A"];
        all.extend_from_slice(args);
        let refused = serve(&url, &all).invalid();
        assert!(!refused.stdout.contains("pst_"), "{}", refused.explain());
    }
    serve(&url, &["token", "create", "--org", "A", "--size", "12"])
        .invalid()
        .stderr_has("1-9, 10-49, 50-249, 250+");
    run(["serve", "token", "create", "--org", "  ", "--db", &url]).invalid();
    // Nothing was created.
    assert!(
        !Path::new(&dir.path().join("collecte.db")).exists()
            || serve(&url, &["token", "list"])
                .success()
                .stdout
                .contains("aucun jeton")
    );
}
