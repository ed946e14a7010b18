//! The collection's database, method by method, on a temporary SQLite file, and on PostgreSQL
//! when `POSTURE_TEST_POSTGRES` names a server (a URL whose user may create databases: each test
//! gets a database of its own, dropped at the end). Without it the PostgreSQL tests say they are
//! skipped and pass, except under `CI=true`, where they fail: CI tests PostgreSQL.

use collector::document::{self, Assessment};
use collector::store::{Caller, Store, Submitted};

/// A report JSON document with the fields the collection reads.
fn document_text(
    id: &str,
    org: &str,
    date: &str,
    score: Option<f64>,
    domains: &[(&str, Option<f64>)],
    next: Option<&str>,
) -> String {
    let level = |score: Option<f64>| score.map(|score| (score / 25.0).floor().min(4.0) as u8);
    serde_json::json!({
        "schema_version": 1,
        "assessment_id": id,
        "lang": "fr",
        "cover": { "organisation": org, "date": date, "notes": "élément « confidentiel »" },
        "overall": { "score": score, "level": level(score) },
        "domains": domains.iter().map(|(domain, score)| serde_json::json!({
            "id": domain, "score": score, "level": level(*score)
        })).collect::<Vec<_>>(),
        "next_assessment": next,
    })
    .to_string()
}

fn assessment(id: &str, org: &str, date: &str, score: f64) -> Assessment {
    let text = document_text(
        id,
        org,
        date,
        Some(score),
        &[
            ("gouvernance", Some(score)),
            ("sauvegardes", Some(100.0 - score)),
        ],
        None,
    );
    match document::validate(text.as_bytes()) {
        Ok(assessment) => assessment,
        Err(invalid) => panic!("test document refused: {invalid}"),
    }
}

fn org_of(caller: Option<Caller>) -> i64 {
    match caller {
        Some(Caller::Organisation { org_id, .. }) => org_id,
        other => panic!("expected an organisation, got {other:?}"),
    }
}

async fn org_token(store: &Store, org: &str, sector: &str, size: &str) -> (String, i64) {
    let token = store
        .create_org_token(org, Some(sector), Some(size))
        .await
        .expect("token created");
    let org_id = org_of(store.authenticate(&token.secret).await.expect("lookup"));
    (token.secret, org_id)
}

async fn tokens_and_authentication(store: Store) {
    let org = store
        .create_org_token("CPTS du Val", Some("CPTS"), Some("10-49"))
        .await
        .expect("org token");
    let admin = store
        .create_admin_token("Alice")
        .await
        .expect("admin token");
    assert_ne!(org.id, admin.id);
    assert!(org.secret.starts_with("pst_") && org.secret.len() >= 26);

    match store.authenticate(&org.secret).await.expect("lookup") {
        Some(Caller::Organisation { token_id, name, .. }) => {
            assert_eq!(token_id, org.id);
            assert_eq!(name, "CPTS du Val");
        }
        other => panic!("expected the organisation, got {other:?}"),
    }
    match store.authenticate(&admin.secret).await.expect("lookup") {
        Some(Caller::Admin { token_id, name }) => {
            assert_eq!(token_id, admin.id);
            assert_eq!(name, "Alice");
        }
        other => panic!("expected the admin, got {other:?}"),
    }
    for wrong in [
        "",
        "pst_nope",
        &format!("{}x", org.secret),
        &"a".repeat(10_000),
    ] {
        assert!(store.authenticate(wrong).await.expect("lookup").is_none());
    }

    // A second token for the same organisation files under the same organisation.
    let again = store
        .create_org_token("CPTS du Val", None, None)
        .await
        .expect("second token");
    assert_eq!(
        org_of(store.authenticate(&again.secret).await.expect("lookup")),
        org_of(store.authenticate(&org.secret).await.expect("lookup"))
    );

    let list = store.tokens().await.expect("list");
    assert_eq!(list.len(), 3);
    let first = &list[0];
    assert_eq!(first.id, org.id);
    assert_eq!(first.kind, "organisation");
    assert_eq!(first.sector.as_deref(), Some("CPTS"));
    assert_eq!(first.size.as_deref(), Some("10-49"));
    assert!(!first.revoked);
    assert_eq!(list[1].kind, "admin");
    let listed = format!("{list:?}");
    for secret in [&org.secret, &admin.secret, &again.secret] {
        assert!(!listed.contains(secret.as_str()));
        assert!(!listed.contains(&collector::store::tokens::hash(secret)));
    }

    // Revocation counts at once; an unknown id is said.
    assert!(store.revoke_token(org.id).await.expect("revoke"));
    assert!(
        store
            .authenticate(&org.secret)
            .await
            .expect("lookup")
            .is_none()
    );
    assert!(
        store
            .authenticate(&again.secret)
            .await
            .expect("lookup")
            .is_some()
    );
    assert!(!store.revoke_token(9_999).await.expect("revoke"));
    let list = store.tokens().await.expect("list");
    assert!(list.iter().any(|token| token.id == org.id && token.revoked));
    store.ping().await.expect("ping");
}

async fn submissions(store: Store) {
    let (_, a) = org_token(&store, "A", "CPTS", "10-49").await;
    let (_, b) = org_token(&store, "B", "CPTS", "10-49").await;

    let first = assessment("id-1", "A as written", "2026-05-12", 40.0);
    assert_eq!(
        store.submit(a, &first).await.expect("submit"),
        Submitted::Created
    );
    assert_eq!(
        store.submit(a, &first).await.expect("submit"),
        Submitted::AlreadyThere
    );
    assert_eq!(
        store.submit(b, &first).await.expect("submit"),
        Submitted::OtherOrganisation
    );
    let second = assessment("id-2", "A", "2026-11-20", 62.5);
    assert_eq!(
        store.submit(a, &second).await.expect("submit"),
        Submitted::Created
    );

    // The document is kept exactly as submitted.
    let stored = store
        .assessment("id-1")
        .await
        .expect("read")
        .expect("found");
    assert_eq!(stored.org_id, a);
    assert_eq!(stored.document, first.json);
    assert!(store.assessment("nope").await.expect("read").is_none());

    // Oldest first, once each, with the domains in order.
    let rows = store.organisation_assessments(a).await.expect("rows");
    let ids: Vec<_> = rows.iter().map(|row| row.assessment_id.as_str()).collect();
    assert_eq!(ids, ["id-1", "id-2"]);
    assert_eq!(rows[0].organisation, "A");
    assert_eq!(rows[0].date, "2026-05-12");
    assert_eq!(rows[0].score, Some(40.0));
    assert_eq!(rows[0].level, Some(1));
    let domains: Vec<_> = rows[1]
        .domains
        .iter()
        .map(|d| (d.id.as_str(), d.score, d.level))
        .collect();
    assert_eq!(
        domains,
        [
            ("gouvernance", Some(62.5), Some(2)),
            ("sauvegardes", Some(37.5), Some(1))
        ]
    );
    assert!(
        store
            .organisation_assessments(b)
            .await
            .expect("rows")
            .is_empty()
    );

    let export = store.export_rows().await.expect("export");
    assert_eq!(export.len(), 2);
    assert!(
        export
            .iter()
            .all(|row| row.organisation == "A" && row.domains.len() == 2)
    );

    // Organisations: the latest assessment and when the next one is due.
    let organisations = store.organisations().await.expect("organisations");
    assert_eq!(organisations.len(), 2);
    let row_a = &organisations[0];
    assert_eq!((row_a.id, row_a.name.as_str()), (a, "A"));
    assert_eq!(row_a.assessments, 2);
    let last = row_a.last.as_ref().expect("a last assessment");
    assert_eq!(last.assessment_id, "id-2");
    assert_eq!(last.score, Some(62.5));
    assert_eq!(last.level, Some(2));
    assert_eq!(row_a.next_due.as_deref(), Some("2027-05-20"));
    assert_eq!(row_a.sector.as_deref(), Some("CPTS"));
    let row_b = store.organisation(b).await.expect("read").expect("found");
    assert_eq!(row_b.assessments, 0);
    assert!(row_b.last.is_none() && row_b.next_due.is_none());
    assert!(store.organisation(12_345).await.expect("read").is_none());

    // A document's own next date wins; null scores are kept as null.
    let text = document_text(
        "id-3",
        "B",
        "2026-03-01",
        None,
        &[("gouvernance", None)],
        Some("2026-06-30"),
    );
    let third = document::validate(text.as_bytes()).expect("valid");
    assert_eq!(
        store.submit(b, &third).await.expect("submit"),
        Submitted::Created
    );
    let row_b = store.organisation(b).await.expect("read").expect("found");
    assert_eq!(row_b.next_due.as_deref(), Some("2026-06-30"));
    let last = row_b.last.expect("last");
    assert_eq!((last.score, last.level), (None, None));
    let rows = store.organisation_assessments(b).await.expect("rows");
    assert_eq!(rows[0].domains[0].score, None);
}

async fn erasure(store: Store) {
    let (token_a, a) = org_token(&store, "A", "CPTS", "1-9").await;
    let (token_b, b) = org_token(&store, "B", "CPTS", "1-9").await;
    store
        .submit(a, &assessment("a-1", "A", "2026-01-01", 10.0))
        .await
        .expect("submit");
    store
        .submit(a, &assessment("a-2", "A", "2026-07-01", 20.0))
        .await
        .expect("submit");
    store
        .submit(b, &assessment("b-1", "B", "2026-01-01", 30.0))
        .await
        .expect("submit");

    assert!(store.delete_organisation("A").await.expect("delete"));
    assert!(!store.delete_organisation("A").await.expect("delete again"));
    assert!(!store.delete_organisation("nobody").await.expect("delete"));

    assert!(
        store
            .authenticate(&token_a)
            .await
            .expect("lookup")
            .is_none()
    );
    assert!(store.assessment("a-1").await.expect("read").is_none());
    assert!(store.assessment("a-2").await.expect("read").is_none());
    assert!(store.organisation(a).await.expect("read").is_none());
    assert!(
        store
            .organisation_assessments(a)
            .await
            .expect("rows")
            .is_empty()
    );
    let export = store.export_rows().await.expect("export");
    assert_eq!(export.len(), 1);
    assert_eq!(export[0].assessment_id, "b-1");
    assert!(
        store
            .tokens()
            .await
            .expect("list")
            .iter()
            .all(|token| token.name != "A")
    );
    // B is untouched.
    assert_eq!(
        org_of(store.authenticate(&token_b).await.expect("lookup")),
        b
    );
    // The id may be submitted again by a new organisation of that name.
    let (_, again) = org_token(&store, "A", "CPTS", "1-9").await;
    let resent = assessment("a-1", "A", "2026-01-01", 10.0);
    assert_eq!(
        store.submit(again, &resent).await.expect("submit"),
        Submitted::Created
    );
}

async fn benchmarks(store: Store) {
    let scores = [10.0, 20.0, 30.0, 40.0, 50.0];
    let mut orgs = Vec::new();
    for (index, score) in scores.iter().enumerate() {
        let (_, org) = org_token(&store, &format!("org {index}"), "CPTS", "10-49").await;
        orgs.push(org);
        // An older assessment, which the benchmark must leave out.
        let old = assessment(&format!("old-{index}"), "x", "2025-01-01", 99.0);
        store.submit(org, &old).await.expect("submit");
        if index < 4 {
            let latest = assessment(&format!("new-{index}"), "x", "2026-06-01", *score);
            store.submit(org, &latest).await.expect("submit");
        }
    }
    // Peers of another sector or size do not count.
    let (_, other) = org_token(&store, "other", "EHPAD", "10-49").await;
    store
        .submit(other, &assessment("o", "x", "2026-06-01", 0.0))
        .await
        .expect("submit");
    let (_, small) = org_token(&store, "small", "CPTS", "1-9").await;
    store
        .submit(small, &assessment("s", "x", "2026-06-01", 0.0))
        .await
        .expect("submit");

    // Five organisations; the fifth's latest is still its old one.
    let benchmark = store.benchmark("CPTS", "10-49").await.expect("benchmark");
    assert_eq!(benchmark.count, 5);
    assert!(benchmark.enough);
    let overall = benchmark.overall.expect("figures");
    // 10, 20, 30, 40, 99 → p25 20, median 30, p75 40.
    assert_eq!(
        (overall.p25, overall.median, overall.p75),
        (20.0, 30.0, 40.0)
    );

    // The fifth's new assessment replaces its old one; older ones never count.
    let latest = assessment("new-4", "x", "2026-06-01", scores[4]);
    store.submit(orgs[4], &latest).await.expect("submit");
    let benchmark = store.benchmark("CPTS", "10-49").await.expect("benchmark");
    let overall = benchmark.overall.expect("figures");
    assert_eq!(
        (overall.p25, overall.median, overall.p75),
        (20.0, 30.0, 40.0)
    );
    assert_eq!(benchmark.domains.len(), 2);
    assert_eq!(benchmark.domains[0].id, "gouvernance");
    assert_eq!(
        (
            benchmark.domains[0].p25,
            benchmark.domains[0].median,
            benchmark.domains[0].p75
        ),
        (20.0, 30.0, 40.0)
    );
    assert_eq!(benchmark.domains[1].id, "sauvegardes");
    assert_eq!(
        (
            benchmark.domains[1].p25,
            benchmark.domains[1].median,
            benchmark.domains[1].p75
        ),
        (60.0, 70.0, 80.0)
    );

    // Four organisations: a count, no figures.
    assert!(store.delete_organisation("org 0").await.expect("delete"));
    let benchmark = store.benchmark("CPTS", "10-49").await.expect("benchmark");
    assert_eq!(benchmark.count, 4);
    assert!(!benchmark.enough);
    assert!(benchmark.overall.is_none());
    assert!(benchmark.domains.is_empty());
    let none = store.benchmark("CPTS", "250+").await.expect("benchmark");
    assert_eq!((none.count, none.enough), (0, false));
}

async fn reopening(store: Store, url: String) {
    let token = store.create_admin_token("Bob").await.expect("token");
    drop(store);
    let store = Store::open(&url).await.expect("reopened, migrations again");
    assert!(
        store
            .authenticate(&token.secret)
            .await
            .expect("lookup")
            .is_some()
    );
}

/// A SQLite store in a temporary directory, and its URL.
async fn sqlite() -> (tempfile::TempDir, Store, String) {
    let dir = tempfile::tempdir().expect("temporary directory");
    let url = format!("sqlite:{}", dir.path().join("collecte.db").display());
    let store = Store::open(&url).await.expect("open");
    (dir, store, url)
}

/// A fresh PostgreSQL database on the server of `POSTURE_TEST_POSTGRES`, or `None` (skipped).
async fn postgres(test: &str) -> Option<(Store, String, String)> {
    let Ok(base) = std::env::var("POSTURE_TEST_POSTGRES") else {
        // CI (.ci/run starts a server) must test PostgreSQL, not skip it.
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "{test}: CI=true but POSTURE_TEST_POSTGRES is not set (.ci/run starts a server)"
        );
        eprintln!(
            "{test}: skipped on PostgreSQL (set POSTURE_TEST_POSTGRES=postgres://… to run it)"
        );
        return None;
    };
    sqlx::any::install_default_drivers();
    let name = format!("posture_test_{}", uuid::Uuid::new_v4().simple());
    let admin = sqlx::AnyPool::connect(&base)
        .await
        .expect("PostgreSQL server");
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&admin)
        .await
        .expect("create a test database");
    admin.close().await;
    let url = with_database(&base, &name);
    let store = Store::open(&url).await.expect("open");
    Some((store, url, name))
}

/// Drops a test database made by [`postgres`].
async fn drop_database(name: &str) {
    let Ok(base) = std::env::var("POSTURE_TEST_POSTGRES") else {
        return;
    };
    let admin = sqlx::AnyPool::connect(&base)
        .await
        .expect("PostgreSQL server");
    sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        .execute(&admin)
        .await
        .expect("drop the test database");
    admin.close().await;
}

/// `url` with its database name replaced by `name`.
fn with_database(url: &str, name: &str) -> String {
    let (scheme, rest) = url.split_once("://").expect("a URL");
    let (rest, query) = match rest.split_once('?') {
        Some((rest, query)) => (rest, format!("?{query}")),
        None => (rest, String::new()),
    };
    let host = rest.split('/').next().unwrap_or(rest);
    format!("{scheme}://{host}/{name}{query}")
}

macro_rules! on_both {
    ($($name:ident),* $(,)?) => {
        mod sqlite_backend {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    let (_dir, store, _url) = super::sqlite().await;
                    super::$name(store).await;
                }
            )*
        }
        mod postgres_backend {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    if let Some((store, _url, database)) = super::postgres(stringify!($name)).await {
                        super::$name(store).await;
                        super::drop_database(&database).await;
                    }
                }
            )*
        }
    };
}

/// A report with a domain that does not apply (no score, no level), and one without any score,
/// as real reports have: stored and read back with their gaps.
async fn non_applicable_domains(store: Store) {
    let (_, org) = org_token(&store, "A", "CPTS", "10-49").await;
    // Gaps and figures in turn at the same places: a statement prepared with a gap is reused
    // with a figure, and the other way round.
    let documents = [
        ("empty", None, None),
        ("partial", Some(55.0), None),
        ("full-1", Some(60.0), Some(50.0)),
        ("gap-1", None, None),
        ("full-2", Some(61.0), Some(51.0)),
    ];
    for (id, overall, hosting) in documents {
        let text = document_text(
            id,
            "A",
            "2026-05-12",
            overall,
            &[
                ("gouvernance", Some(70.0)),
                ("hebergement", hosting),
                ("sauvegardes", Some(40.0)),
            ],
            None,
        );
        let doc = document::validate(text.as_bytes()).expect("valid document");
        assert_eq!(
            store.submit(org, &doc).await.expect("submit"),
            Submitted::Created
        );
    }
    let rows = store
        .organisation_assessments(org)
        .await
        .expect("assessments");
    assert_eq!(rows.len(), documents.len());
    let partial = rows
        .iter()
        .find(|row| row.assessment_id == "partial")
        .expect("partial");
    assert_eq!(partial.score, Some(55.0));
    let scores: Vec<Option<f64>> = partial.domains.iter().map(|d| d.score).collect();
    assert_eq!(scores, [Some(70.0), None, Some(40.0)]);
    let levels: Vec<Option<u8>> = partial.domains.iter().map(|d| d.level).collect();
    assert_eq!(levels, [Some(2), None, Some(1)]);
    let empty = rows
        .iter()
        .find(|row| row.assessment_id == "empty")
        .expect("empty");
    assert_eq!((empty.score, empty.level), (None, None));
}

on_both!(
    tokens_and_authentication,
    submissions,
    non_applicable_domains,
    erasure,
    benchmarks,
    concurrent_submissions,
);

#[tokio::test]
async fn sqlite_reopens() {
    let (_dir, store, url) = sqlite().await;
    reopening(store, url).await;
}

#[tokio::test]
async fn postgres_reopens() {
    if let Some((store, url, database)) = postgres("reopening").await {
        reopening(store, url).await;
        drop_database(&database).await;
    }
}

#[cfg(unix)]
#[tokio::test]
async fn the_sqlite_file_is_private() {
    use std::os::unix::fs::PermissionsExt as _;
    let (dir, store, _url) = sqlite().await;
    store.create_admin_token("Carol").await.expect("token");
    let mode = std::fs::metadata(dir.path().join("collecte.db"))
        .expect("file")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
    // The header's read and write versions are 2 in WAL mode.
    let header = std::fs::read(dir.path().join("collecte.db")).expect("file");
    assert_eq!((header[18], header[19]), (2, 2), "WAL journal");
}

/// How many submissions a second the store takes on SQLite, 8 at a time (a figure, not a check:
/// `cargo test -p collector --release --test store -- --ignored --nocapture submit_rate`).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a measure"]
async fn submit_rate() {
    let (_dir, store, _url) = sqlite().await;
    let (_, org) = org_token(&store, "A", "CPTS", "1-9").await;
    let count = 4_000;
    // A real report (87 kB, 13 domains), under a new id each time.
    let report = include_str!("data/report.json");
    let docs: Vec<Assessment> = (0..count)
        .map(|index| {
            let text = report.replacen(
                "6f1c1d0e-3b9a-4c2e-9d7a-5e8f2a1b4c3d",
                &format!("r-{index}"),
                1,
            );
            document::validate(text.as_bytes()).expect("valid")
        })
        .collect();
    let docs = std::sync::Arc::new(docs);
    let started = std::time::Instant::now();
    let mut tasks = Vec::new();
    for worker in 0..8 {
        let (store, docs) = (store.clone(), docs.clone());
        tasks.push(tokio::spawn(async move {
            for doc in docs.iter().skip(worker).step_by(8) {
                store.submit(org, doc).await.expect("submit");
            }
        }));
    }
    for task in tasks {
        task.await.expect("task");
    }
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "{count} submissions in {seconds:.2} s: {:.0}/s",
        f64::from(count) / seconds
    );
}

#[tokio::test]
async fn a_bad_url_is_refused() {
    assert!(Store::open("mysql://localhost/x").await.is_err());
    let dir = tempfile::tempdir().expect("temporary directory");
    let missing = format!("sqlite:{}", dir.path().join("no/such/dir/x.db").display());
    let error = Store::open(&missing).await.expect_err("no directory");
    assert!(error.to_string().contains("cannot create"), "{error}");
}

async fn concurrent_submissions(store: Store) {
    let (_, org) = org_token(&store, "A", "CPTS", "1-9").await;
    let mut tasks = Vec::new();
    for index in 0..40 {
        let store = store.clone();
        tasks.push(tokio::spawn(async move {
            // Each id sent twice at once.
            let doc = assessment(&format!("c-{}", index / 2), "A", "2026-01-01", 50.0);
            store.submit(org, &doc).await.expect("submit")
        }));
    }
    let mut created = 0;
    for task in tasks {
        if task.await.expect("task") == Submitted::Created {
            created += 1;
        }
    }
    assert_eq!(created, 20);
    assert_eq!(
        store
            .organisation_assessments(org)
            .await
            .expect("rows")
            .len(),
        20
    );
}

#[test]
fn quartiles_interpolate_linearly() {
    use collector::store::quartiles;
    assert!(quartiles(vec![1.0, 2.0, 3.0, 4.0]).is_none());
    let q = quartiles(vec![50.0, 10.0, 40.0, 20.0, 30.0]).expect("five");
    assert_eq!((q.p25, q.median, q.p75), (20.0, 30.0, 40.0));
    let q = quartiles(vec![0.0, 10.0, 20.0, 30.0, 40.0, 100.0]).expect("six");
    // ranks 1.25, 2.5, 3.75
    assert_eq!((q.p25, q.median, q.p75), (12.5, 25.0, 37.5));
}

/// SQLite's WAL is checkpointed by the store's own task, not inside the submissions' commits:
/// the database file takes the submitted pages soon after they are committed, and the WAL
/// stays bounded.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_checkpoints_in_the_background() {
    let (dir, store, _url) = sqlite().await;
    let (_, org) = org_token(&store, "A", "CPTS", "1-9").await;
    let database = dir.path().join("collecte.db");
    let size = || std::fs::metadata(&database).map_or(0, |m| m.len());
    let before = size();
    // Documents of ~40 kB each that do not compress (random hex, which LZ4 does not shrink):
    // enough pages that a checkpoint shows in the file's size.
    let padding: String = (0..1_250)
        .map(|_| uuid::Uuid::new_v4().simple().to_string())
        .collect();
    for index in 0..40 {
        let mut doc = assessment(&format!("ckpt-{index}"), "A", "2026-01-02", 50.0);
        doc.json = format!("{} {padding}", doc.json);
        assert_eq!(
            store.submit(org, &doc).await.expect("submit"),
            Submitted::Created
        );
    }
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while size() < before + 40 * 40_000 && std::time::Instant::now() < deadline {
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(
        size() >= before + 40 * 40_000,
        "the database file is {} bytes, {before} before the submissions",
        size()
    );
}

/// Submits `cases` (organisation, assessment id, the expected answer or `None` for an error)
/// while another connection holds the write lock, so that they pile up and are written
/// together once it is released; checks each answer.
async fn pile_up(store: &Store, url: &str, cases: Vec<(i64, String, Option<Submitted>)>) {
    use sqlx::Connection as _;
    sqlx::any::install_default_drivers();
    let mut holder = sqlx::AnyConnection::connect(url).await.expect("connect");
    if url.starts_with("sqlite:") {
        sqlx::query("BEGIN IMMEDIATE")
            .execute(&mut holder)
            .await
            .expect("lock");
    } else {
        sqlx::query("BEGIN")
            .execute(&mut holder)
            .await
            .expect("begin");
        sqlx::query("LOCK TABLE assessments IN EXCLUSIVE MODE")
            .execute(&mut holder)
            .await
            .expect("lock");
    }
    let mut handles = Vec::new();
    for (org, id, expected) in cases {
        let store = store.clone();
        handles.push(tokio::spawn(async move {
            let doc = assessment(&id, "X", "2026-03-01", 60.0);
            (id, store.submit(org, &doc).await.ok(), expected)
        }));
        // In order, so that the duplicates come after what they duplicate.
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    assert!(
        handles.iter().all(|handle| !handle.is_finished()),
        "nothing is answered before it is committed"
    );
    sqlx::query("ROLLBACK")
        .execute(&mut holder)
        .await
        .expect("unlock");
    for handle in handles {
        let (id, answer, expected) = handle.await.expect("task");
        assert_eq!(answer, expected, "{id}");
    }
}

/// The submissions waiting are written together, in one transaction: each still gets its own
/// answer once committed; a duplicate or another organisation's id in the same batch is told
/// so; a submission that fails (an organisation that does not exist) fails alone, the others of
/// its batch being stored.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn waiting_submissions_are_written_together_each_answered_alone() {
    let (_dir, store, url) = sqlite().await;
    submissions_written_together(store, &url).await;
    if let Some((store, url, database)) = postgres("written together").await {
        submissions_written_together(store.clone(), &url).await;
        store.close().await;
        drop_database(&database).await;
    }
}

async fn submissions_written_together(store: Store, url: &str) {
    let (_, a) = org_token(&store, "A", "CPTS", "1-9").await;
    let (_, b) = org_token(&store, "B", "CPTS", "1-9").await;
    let created = Some(Submitted::Created);
    // A batch that commits.
    let mut cases: Vec<(i64, String, Option<Submitted>)> = (0..10)
        .map(|index| (a, format!("batch-a-{index}"), created.clone()))
        .collect();
    cases.push((a, "batch-a-3".into(), Some(Submitted::AlreadyThere)));
    cases.push((b, "batch-a-4".into(), Some(Submitted::OtherOrganisation)));
    cases.push((b, "batch-b-0".into(), created.clone()));
    pile_up(&store, url, cases).await;
    // A batch with a submission that fails.
    let mut cases: Vec<(i64, String, Option<Submitted>)> = (10..16)
        .map(|index| (a, format!("batch-a-{index}"), created.clone()))
        .collect();
    cases.insert(3, (i64::MAX, "batch-nobody".into(), None));
    cases.push((a, "batch-a-0".into(), Some(Submitted::AlreadyThere)));
    pile_up(&store, url, cases).await;

    assert_eq!(
        store.organisation_assessments(a).await.expect("rows").len(),
        16
    );
    assert_eq!(
        store.organisation_assessments(b).await.expect("rows").len(),
        1
    );
    assert!(
        store
            .assessment("batch-nobody")
            .await
            .expect("read")
            .is_none()
    );
    let kept = store
        .assessment("batch-a-7")
        .await
        .expect("read")
        .expect("stored");
    let again: serde_json::Value = serde_json::from_str(&kept.document).expect("json");
    assert_eq!(again["assessment_id"], "batch-a-7");
}
