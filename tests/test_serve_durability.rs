//! What `posture serve` promises about the data it answers for (issue 10): a `201` is sent only
//! once the assessment is committed, so a server killed with SIGKILL under load loses none of the
//! assessments it acknowledged, stores none twice and none in part; and bad bodies sent over
//! HTTPS get their 4xx and store nothing. The real binary, with a self-signed certificate on
//! 127.0.0.1:0, on a temporary SQLite file, and on a fresh PostgreSQL database when
//! `POSTURE_TEST_POSTGRES` names a server (skipped otherwise, except under `CI=true`, where its
//! absence fails). What is stored is read back both through the collector's store and through
//! the admin API of the restarted server.
#![allow(clippy::unwrap_used)]

use std::collections::{BTreeSet, HashMap, HashSet};
use std::fs::File;
use std::io::{BufRead as _, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command as Process, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

use collector::store::{AssessmentRow, Caller, Store, StoredAssessment};
use serde_json::{Value, json};

use crate::common::https::client;
use crate::common::{self, Run, run_command};

/// The organisation every load token files under.
const ORG: &str = "CPTS du Val";
/// Client threads posting at once.
const THREADS: usize = 4;
/// Organisation tokens the threads take turns with, so that the per-token rate (20/s, burst 40)
/// does not throttle the load to a trickle.
const TOKENS: usize = 16;
/// How long the load runs before the kill.
const LOAD: Duration = Duration::from_millis(1000);
/// The fewest acknowledged submissions before the kill (the load runs longer until then).
const MIN_CREATED: usize = 30;

/// A running `posture serve`, killed (SIGKILL) when dropped; its standard error goes to a file
/// (one line per request: a pipe nobody reads would fill up and block the server).
struct Server {
    child: Child,
    url: String,
    pem: Vec<u8>,
    log: PathBuf,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    /// Starts `posture serve --self-signed` on 127.0.0.1:0 with `db`, in `dir` (where the
    /// certificate of a PostgreSQL-backed server is written), and waits for its URL.
    fn start(db: &str, dir: &Path, name: &str) -> Server {
        let log = dir.join(format!("{name}.log"));
        let mut command = Process::new(env!("CARGO_BIN_EXE_posture"));
        for var in common::LOCALE_VARS {
            command.env_remove(var);
        }
        let mut child = command
            .args([
                "serve",
                "--listen",
                "127.0.0.1:0",
                "--db",
                db,
                "--self-signed",
            ])
            .current_dir(dir)
            .env_remove("RUST_LOG")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(File::create(&log).expect("server log file"))
            .spawn()
            .expect("posture serve starts");
        let stdout = child.stdout.take().expect("stdout");
        let (line_tx, line_rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut line = String::new();
            let _ = BufReader::new(stdout).read_line(&mut line);
            let _ = line_tx.send(line);
        });
        let url = line_rx
            .recv_timeout(Duration::from_secs(30))
            .unwrap_or_default()
            .trim()
            .to_string();
        assert!(
            url.starts_with("https://127.0.0.1:"),
            "no URL from posture serve ({url:?}); its log:\n{}",
            std::fs::read_to_string(&log).unwrap_or_default()
        );
        // Written before the URL is printed; a new certificate at each start.
        let pem = std::fs::read(dir.join(collector::server::self_signed_path(db)))
            .expect("the self-signed certificate");
        Server {
            child,
            url,
            pem,
            log,
        }
    }

    /// The server's log so far, for a failed assertion's message.
    fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

/// `POST /api/v1/assessments` of `body` as `token`.
fn post(
    client: &reqwest::blocking::Client,
    url: &str,
    token: &str,
    body: Vec<u8>,
) -> reqwest::Result<reqwest::blocking::Response> {
    client
        .post(format!("{url}/api/v1/assessments"))
        .bearer_auth(token)
        .header("content-type", "application/json")
        .body(body)
        .send()
}

/// The valid report JSON the submissions are made of.
fn template() -> Value {
    let path = common::cli::root().join("collector/tests/data/report.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("report.json")).expect("JSON")
}

/// The template with another `assessment_id`, as the bytes posted (and stored exactly).
fn body_with_id(template: &Value, id: &str) -> Vec<u8> {
    let mut document = template.clone();
    document["assessment_id"] = json!(id);
    serde_json::to_vec(&document).expect("JSON")
}

/// `posture serve token create ARGS --db DB`: the token, on the last line of its output.
fn token_create(db: &str, args: &[&str]) -> String {
    let run: Run = run_command(
        common::posture()
            .args(["serve", "token", "create", "--db", db])
            .args(args),
    )
    .success();
    let token = run.stdout.lines().last().unwrap_or_default().to_owned();
    assert!(token.starts_with("pst_"), "{}", run.explain());
    token
}

/// Runs `work` on a store opened on `db`, from this synchronous test.
fn with_store<T>(db: &str, work: impl AsyncFnOnce(&Store) -> T) -> T {
    let runtime = collector::store::runtime().expect("runtime");
    runtime.block_on(async {
        let store = Store::open(db).await.expect("open the store");
        work(&store).await
    })
}

/// What the load threads saw.
#[derive(Debug, Default)]
struct Outcome {
    /// Every body sent, by assessment_id.
    sent: HashMap<String, Vec<u8>>,
    /// Answered 201.
    created: Vec<String>,
    /// Answered 200 (already stored): a request resent underneath us would show here.
    already: Vec<String>,
    /// Answered 429 (over the token's rate): must not be stored.
    refused: Vec<String>,
    /// No answer after the kill: stored or not, but whole and once.
    in_doubt: Vec<String>,
    /// Of those, the ones that had reached the server (not refused at connection).
    in_flight: usize,
    /// Any other answer, or a transport error before the kill.
    unexpected: Vec<String>,
}

impl Outcome {
    fn merge(&mut self, other: Outcome) {
        self.sent.extend(other.sent);
        self.created.extend(other.created);
        self.already.extend(other.already);
        self.refused.extend(other.refused);
        self.in_doubt.extend(other.in_doubt);
        self.in_flight += other.in_flight;
        self.unexpected.extend(other.unexpected);
    }
}

/// One load thread: distinct documents, posted back to back until the server is gone.
fn load(
    thread: usize,
    url: &str,
    pem: &[u8],
    tokens: &[String],
    template: &Value,
    killed: &AtomicBool,
    created: &AtomicUsize,
) -> Outcome {
    let client = client(pem);
    let mut outcome = Outcome::default();
    for n in 0.. {
        let id = format!("durability-{thread}-{n}");
        let body = body_with_id(template, &id);
        outcome.sent.insert(id.clone(), body.clone());
        let token = &tokens[(thread + n * THREADS) % tokens.len()];
        match post(&client, url, token, body) {
            Ok(response) => match response.status().as_u16() {
                201 => {
                    outcome.created.push(id);
                    created.fetch_add(1, Ordering::SeqCst);
                }
                200 => outcome.already.push(id),
                429 => {
                    outcome.refused.push(id);
                    std::thread::sleep(Duration::from_millis(10));
                }
                status => outcome.unexpected.push(format!("{id}: {status}")),
            },
            Err(error) if killed.load(Ordering::SeqCst) => {
                if !error.is_connect() {
                    outcome.in_flight += 1;
                }
                outcome.in_doubt.push(id);
                break;
            }
            // The flag is set before the kill: an error it does not explain is the server's.
            Err(error) => {
                outcome.in_doubt.push(id.clone());
                outcome.unexpected.push(format!("{id}: {error}"));
            }
        }
        if n > 100_000 {
            outcome
                .unexpected
                .push("the server was never killed".into());
            break;
        }
    }
    outcome
}

/// The load, the kill, the restart and the checks, on the database `db`.
fn kill_under_load_then_check(db: &str, dir: &Path) {
    let started = Instant::now();
    let template = template();
    let domains = template["domains"].as_array().expect("domains").len();
    assert!(domains > 0);

    // Tokens: the organisation's and an admin's through the command line, as a team does; more
    // tokens of the same organisation straight through the store (faster than a process each).
    let mut tokens = vec![token_create(db, &["--org", ORG])];
    let admin = token_create(db, &["--admin", "--name", "Équipe SSI"]);
    let org_id = {
        with_store(db, async |store: &Store| {
            for _ in 1..TOKENS {
                tokens.push(
                    store
                        .create_org_token(ORG, None, None)
                        .await
                        .expect("token")
                        .secret,
                );
            }
            let mut orgs = BTreeSet::new();
            for token in &tokens {
                match store.authenticate(token).await.expect("lookup") {
                    Some(Caller::Organisation { org_id, .. }) => orgs.insert(org_id),
                    other => panic!("not an organisation token: {other:?}"),
                };
            }
            assert_eq!(orgs.len(), 1, "one organisation");
            orgs.into_iter().next().expect("an organisation")
        })
    };
    let tokens = Arc::new(tokens);
    let template = Arc::new(template);

    // The load, then SIGKILL while it runs.
    let mut server = Server::start(db, dir, "first");
    let killed = Arc::new(AtomicBool::new(false));
    let created = Arc::new(AtomicUsize::new(0));
    let threads: Vec<_> = (0..THREADS)
        .map(|thread| {
            let (url, pem) = (server.url.clone(), server.pem.clone());
            let (tokens, template) = (tokens.clone(), template.clone());
            let (killed, created) = (killed.clone(), created.clone());
            std::thread::spawn(move || {
                load(thread, &url, &pem, &tokens, &template, &killed, &created)
            })
        })
        .collect();
    // At least LOAD, and enough acknowledged for the checks to mean something (a slow machine).
    let loaded = Instant::now();
    while loaded.elapsed() < LOAD
        || (created.load(Ordering::SeqCst) < MIN_CREATED && loaded.elapsed() < LOAD * 10)
    {
        std::thread::sleep(Duration::from_millis(20));
    }
    killed.store(true, Ordering::SeqCst);
    server.child.kill().expect("SIGKILL");
    let status = server.child.wait().expect("wait");
    assert_eq!(status.code(), None, "killed by a signal: {status:?}");
    let mut outcome = Outcome::default();
    for thread in threads {
        outcome.merge(thread.join().expect("a load thread"));
    }
    let first_log = server.log();
    drop(server);
    assert!(
        outcome.unexpected.is_empty(),
        "unexpected answers before the kill: {:?}\nserver log:\n{first_log}",
        &outcome.unexpected[..outcome.unexpected.len().min(10)]
    );
    assert!(
        outcome.already.is_empty(),
        "200 for a document never sent before: {:?}",
        outcome.already
    );
    assert!(
        outcome.created.len() >= MIN_CREATED,
        "too little load to mean anything: {} created\nserver log:\n{first_log}",
        outcome.created.len()
    );

    // Restarted on the same database.
    let server = Server::start(db, dir, "second");
    // Every stored row, with its document as stored.
    let (rows, documents): (Vec<AssessmentRow>, Vec<StoredAssessment>) =
        with_store(db, async |store: &Store| {
            let rows = store.export_rows().await.expect("rows");
            let mut documents = Vec::new();
            for row in &rows {
                let document = store.assessment(&row.assessment_id).await.expect("read");
                documents.push(document.expect("stored"));
            }
            (rows, documents)
        });
    let stored: Vec<&str> = rows.iter().map(|row| row.assessment_id.as_str()).collect();
    let distinct: HashSet<&str> = stored.iter().copied().collect();
    assert_eq!(distinct.len(), stored.len(), "an assessment stored twice");
    assert!(
        stored.len() >= outcome.created.len(),
        "{} stored, {} acknowledged",
        stored.len(),
        outcome.created.len()
    );
    assert!(
        stored.len() <= outcome.created.len() + outcome.in_doubt.len(),
        "{} stored, more than the {} acknowledged and {} in doubt",
        stored.len(),
        outcome.created.len(),
        outcome.in_doubt.len()
    );
    for id in &outcome.created {
        assert!(
            distinct.contains(id.as_str()),
            "{id} was acknowledged with 201 but is not stored after SIGKILL"
        );
    }
    for id in &outcome.refused {
        assert!(
            !distinct.contains(id.as_str()),
            "{id} got 429 but is stored"
        );
    }
    // Each stored one whole: exactly the bytes sent, under the organisation, with its domains.
    for (row, document) in rows.iter().zip(&documents) {
        let id = row.assessment_id.as_str();
        let body = outcome
            .sent
            .get(id)
            .unwrap_or_else(|| panic!("{id} is stored but was never sent"));
        assert_eq!(document.org_id, org_id, "{id}");
        assert!(document.document.as_bytes() == body.as_slice(), "{id}");
        assert_eq!(row.organisation, ORG, "{id}");
        assert_eq!(row.domains.len(), domains, "{id}: its domains, in part");
    }

    // The restarted server says the same.
    let client = client(&server.pem);
    let listed: Value = client
        .get(format!(
            "{}/api/v1/organisations/{org_id}/assessments",
            server.url
        ))
        .bearer_auth(&admin)
        .send()
        .expect("the admin API")
        .error_for_status()
        .expect("200")
        .bytes()
        .map(|body| serde_json::from_slice(&body).expect("JSON"))
        .expect("a body");
    let mut listed: Vec<&str> = listed
        .as_array()
        .expect("an array")
        .iter()
        .map(|row| row["assessment_id"].as_str().expect("an id"))
        .collect();
    listed.sort_unstable();
    let mut expected = stored.clone();
    expected.sort_unstable();
    assert_eq!(listed, expected);

    // Sent again: the acknowledged ones are already there (200); those in doubt are stored now
    // if they were not (201), and found if they were (200). Nothing twice.
    let resent: Vec<&String> = outcome
        .created
        .iter()
        .take(3)
        .chain(outcome.created.iter().rev().take(3))
        .collect();
    for id in &resent {
        let answer =
            post(&client, &server.url, &tokens[0], outcome.sent[*id].clone()).expect("a resend");
        assert_eq!(answer.status().as_u16(), 200, "{id} resent");
    }
    let mut added = 0;
    for id in &outcome.in_doubt {
        let answer =
            post(&client, &server.url, &tokens[1], outcome.sent[id].clone()).expect("a resend");
        let expected = if distinct.contains(id.as_str()) {
            200
        } else {
            added += 1;
            201
        };
        assert_eq!(answer.status().as_u16(), expected, "{id} resent");
    }
    let after = with_store(db, async |store: &Store| {
        store.export_rows().await.expect("rows")
    });
    assert_eq!(after.len(), stored.len() + added);
    let distinct_after: HashSet<&str> = after.iter().map(|r| r.assessment_id.as_str()).collect();
    assert_eq!(
        distinct_after.len(),
        after.len(),
        "an assessment stored twice"
    );
    drop(server);
    eprintln!(
        "{db}: {} sent, {} acknowledged (201), {} refused (429), {} without an answer at the \
         kill ({} in flight), {} stored after the restart; {:.1} s",
        outcome.sent.len(),
        outcome.created.len(),
        outcome.refused.len(),
        outcome.in_doubt.len(),
        outcome.in_flight,
        stored.len(),
        started.elapsed().as_secs_f64()
    );
}

#[test]
fn sqlite_keeps_every_acknowledged_assessment_through_sigkill() {
    let dir = common::cli::tempdir();
    let db = format!("sqlite:{}", dir.path().join("collecte.db").display());
    kill_under_load_then_check(&db, dir.path());
}

/// A fresh database on the PostgreSQL server of `POSTURE_TEST_POSTGRES`, dropped when this is
/// dropped (after the servers using it).
struct PostgresDatabase {
    base: String,
    name: String,
    url: String,
}

impl PostgresDatabase {
    /// `None` when `POSTURE_TEST_POSTGRES` is not set (skipped), except under `CI=true`.
    fn create(test: &str) -> Option<PostgresDatabase> {
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
        let name = format!("posture_durability_{}", unique());
        postgres_admin(&base, &format!("CREATE DATABASE {name}"));
        let url = with_database(&base, &name);
        Some(PostgresDatabase { base, name, url })
    }
}

impl Drop for PostgresDatabase {
    fn drop(&mut self) {
        postgres_admin(
            &self.base,
            &format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name),
        );
    }
}

/// Runs one statement on the PostgreSQL server `base`.
fn postgres_admin(base: &str, statement: &str) {
    let runtime = collector::store::runtime().expect("runtime");
    runtime.block_on(async {
        sqlx::any::install_default_drivers();
        let admin = sqlx::AnyPool::connect(base)
            .await
            .expect("PostgreSQL server");
        sqlx::query(statement)
            .execute(&admin)
            .await
            .expect("create or drop the test database");
        admin.close().await;
    });
}

/// A name part no other run uses: the process, the time, and the standard library's random
/// hash keys.
fn unique() -> String {
    use std::hash::{BuildHasher as _, Hasher as _};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u32(std::process::id());
    hasher.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default()
            .as_nanos(),
    );
    format!("{:016x}", hasher.finish())
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

#[test]
fn postgres_keeps_every_acknowledged_assessment_through_sigkill() {
    let Some(database) =
        PostgresDatabase::create("postgres_keeps_every_acknowledged_assessment_through_sigkill")
    else {
        return;
    };
    let dir = common::cli::tempdir();
    kill_under_load_then_check(&database.url, dir.path());
    drop(database);
}

/// Bad bodies over HTTPS, to the real binary: each gets its 4xx with an `error`, none is
/// stored, and the server still takes a good one afterwards.
#[test]
fn bad_bodies_over_https_get_their_4xx_and_store_nothing() {
    let dir = common::cli::tempdir();
    let db = format!("sqlite:{}", dir.path().join("collecte.db").display());
    let token = token_create(&db, &["--org", ORG]);
    let server = Server::start(&db, dir.path(), "server");
    let client = client(&server.pem);
    let template = template();
    let good = serde_json::to_string(&template).expect("JSON");
    let limit = collector::server::Limits::default().body_bytes;

    let changed = |change: &dyn Fn(&mut Value)| {
        let mut document = template.clone();
        change(&mut document);
        serde_json::to_vec(&document).expect("JSON")
    };
    let replaced = |from: &str, to: &str| {
        assert!(good.contains(from), "{from}");
        good.replacen(from, to, 1).into_bytes()
    };
    // The good body with `bytes` inserted after the first `after`.
    let spliced = |after: &str, bytes: &[u8]| {
        let at = good.find(after).expect(after) + after.len();
        [&good.as_bytes()[..at], bytes, &good.as_bytes()[at..]].concat()
    };
    let nested = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    let score = format!("\"score\":{}", template["overall"]["score"]);
    let cases: Vec<(&str, Vec<u8>, u16)> = vec![
        ("empty", Vec::new(), 400),
        ("truncated", good.as_bytes()[..good.len() / 2].to_vec(), 400),
        (
            "truncated in a string",
            b"{\"assessment_id\": \"ab".to_vec(),
            400,
        ),
        ("not an object", b"[1, 2, 3]".to_vec(), 400),
        (
            "oversized",
            format!("{good}{}", " ".repeat(limit)).into_bytes(),
            413,
        ),
        (
            "wrong type: score",
            changed(&|d| d["overall"]["score"] = json!("7.5")),
            400,
        ),
        (
            "wrong type: assessment_id",
            changed(&|d| d["assessment_id"] = json!(42)),
            400,
        ),
        (
            "wrong type: domains",
            changed(&|d| d["domains"] = json!({"gouvernance": 1})),
            400,
        ),
        (
            "wrong type: schema_version",
            changed(&|d| d["schema_version"] = json!("1")),
            400,
        ),
        (
            "out of range: score",
            changed(&|d| d["overall"]["score"] = json!(100.5)),
            400,
        ),
        (
            "out of range: negative domain score",
            changed(&|d| d["domains"][0]["score"] = json!(-1)),
            400,
        ),
        (
            "out of range: level",
            changed(&|d| d["overall"]["level"] = json!(5)),
            400,
        ),
        (
            "huge number: score",
            replaced(&score, "\"score\":1e400"),
            400,
        ),
        (
            "huge number: level",
            changed(&|d| d["overall"]["level"] = json!(u64::MAX)),
            400,
        ),
        (
            "huge number: schema_version",
            replaced(
                "\"schema_version\":1",
                "\"schema_version\":123456789012345678901234567890",
            ),
            400,
        ),
        (
            "deeply nested: the whole body",
            nested(100_000).into_bytes(),
            400,
        ),
        (
            "deeply nested: a field",
            format!("{{\"nested\":{},{}", nested(10_000), &good[1..]).into_bytes(),
            400,
        ),
        ("non-UTF-8", spliced("\"lang\":", b"\xff\xfe\xc3"), 400),
        (
            "overlong UTF-8 in a string",
            spliced("CPTS du ", b"\xc0\xaf"),
            400,
        ),
        (
            "a lone surrogate in a string",
            spliced("CPTS du ", b"\xed\xa0\x80"),
            400,
        ),
    ];
    for (what, body, status) in cases {
        // A server that answers before reading a large body may reset the connection under the
        // answer: a few tries (a crashed server answers none).
        let answer = (0..3)
            .find_map(|_| post(&client, &server.url, &token, body.clone()).ok())
            .unwrap_or_else(|| panic!("{what}: no answer; the server's log:\n{}", server.log()));
        assert_eq!(answer.status().as_u16(), status, "{what}");
        let answer: Value = answer
            .bytes()
            .ok()
            .and_then(|body| serde_json::from_slice(&body).ok())
            .unwrap_or_else(|| panic!("{what}: not a JSON answer"));
        assert!(answer["error"].is_string(), "{what}: {answer}");
    }
    // An oversized body streamed without a Content-Length.
    let streamed = format!("{good}{}", " ".repeat(limit)).into_bytes();
    let answer = client
        .post(format!("{}/api/v1/assessments", server.url))
        .bearer_auth(&token)
        .header("content-type", "application/json")
        .body(reqwest::blocking::Body::new(std::io::Cursor::new(streamed)))
        .send();
    // The server may answer 413 or close the connection before reading it all.
    if let Ok(answer) = answer {
        assert_eq!(answer.status().as_u16(), 413, "streamed oversized body");
    }

    let rows = with_store(&db, async |store: &Store| {
        store.export_rows().await.expect("rows")
    });
    assert!(rows.is_empty(), "stored from a bad body: {rows:?}");
    let answer = post(&client, &server.url, &token, good.into_bytes()).expect("the good one");
    assert_eq!(answer.status().as_u16(), 201, "{}", server.log());
    let rows = with_store(&db, async |store: &Store| {
        store.export_rows().await.expect("rows")
    });
    assert_eq!(rows.len(), 1);
    // Neither the token nor a body's content in the log.
    let log = server.log();
    assert!(log.contains("/api/v1/assessments"), "{log}");
    for secret in [token.as_str(), "Alice Martin", "Dr Gandon"] {
        assert!(!log.contains(secret), "{secret:?} in the log:\n{log}");
    }
}
