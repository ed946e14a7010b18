//! The collection server under load (issue 10): how many submissions a second `posture serve`
//! stores over HTTPS on this machine, their latency, and how that compares with the database
//! alone. `cargo bench -p collector --bench load` (release build); PostgreSQL too when
//! `POSTURE_TEST_POSTGRES` names a server whose user may create databases (`.ci/postgres.sh`).
//!
//! For each database: the real server (router, bounds, request log, TLS with a self-signed
//! certificate) on 127.0.0.1:0 over a fresh database, and 16 OS threads that each keep one
//! HTTPS connection alive (blocking reqwest) and post 5,000 documents in all — the real report
//! JSON of `collector/tests/data/report.json`, each with its own `assessment_id`, every answer a
//! `201` — each thread for an organisation of its own (its own token), as members submit.
//! Then the "bare insert": the same rows written by `Store::submit` directly (no HTTP, no TLS, no
//! validation) into another fresh database of the same kind, from as many concurrent tasks.
//! The client runs on the same machine as the server and shares its cores, as the issue asks.
//!
//! `LOAD_SUBMISSIONS` and `LOAD_CLIENTS` change the counts. The figures and what limits them:
//! `docs/benchmarks.md`.

use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use collector::document::{self, Assessment};
use collector::server::{self, Config, Limits, Tls};
use collector::store::{Caller, Store};

/// The document submitted: a real report JSON (~87 kB).
const REPORT: &str = include_str!("../tests/data/report.json");

/// Its `assessment_id`, replaced by a distinct one in every submission.
const REPORT_ID: &str = "6f1c1d0e-3b9a-4c2e-9d7a-5e8f2a1b4c3d";

type Failure = Box<dyn std::error::Error + Send + Sync>;

/// The report JSON cut around its `assessment_id`, to make a document with another id cheaply.
#[derive(Debug, Clone)]
struct Template {
    before: Arc<str>,
    after: Arc<str>,
}

impl Template {
    fn new() -> Result<Template, Failure> {
        let (before, after) = REPORT
            .split_once(REPORT_ID)
            .ok_or("the report JSON no longer holds its assessment_id")?;
        Ok(Template {
            before: before.into(),
            after: after.into(),
        })
    }

    /// The document with `assessment_id` `id`.
    fn with_id(&self, id: &str) -> String {
        let mut text = String::with_capacity(self.before.len() + id.len() + self.after.len());
        text.push_str(&self.before);
        text.push_str(id);
        text.push_str(&self.after);
        text
    }
}

/// The `index`-th distinct id of a run (UUID-shaped, `run` tells runs apart).
fn id(run: u32, index: usize) -> String {
    format!("{run:08x}-0000-4000-8000-{index:012}")
}

/// What one measurement gave.
#[derive(Debug, Clone)]
struct Figures {
    submissions: usize,
    elapsed: Duration,
    /// The process's CPU time (user and system, every thread: server, database and client).
    cpu: Duration,
    /// Each request's time, sorted (empty for the bare insert).
    latencies: Vec<Duration>,
    /// The CPU time of the load's client threads (HTTPS only).
    client_cpu: Duration,
}

impl Figures {
    fn per_second(&self) -> f64 {
        self.submissions as f64 / self.elapsed.as_secs_f64()
    }

    fn cpu_per_submission(&self) -> Duration {
        self.cpu.div_f64(self.submissions as f64)
    }

    fn percentile(&self, p: f64) -> Option<Duration> {
        if self.latencies.is_empty() {
            return None;
        }
        let rank = ((p / 100.0) * self.latencies.len() as f64).ceil() as usize;
        let index = rank.clamp(1, self.latencies.len()) - 1;
        self.latencies.get(index).copied()
    }
}

/// A database for one measurement; dropped (PostgreSQL) or deleted (SQLite) afterwards.
enum Database {
    Sqlite(tempfile::TempDir),
    Postgres { server: String, name: String },
}

impl Database {
    fn url(&self) -> String {
        match self {
            Database::Sqlite(dir) => format!("sqlite:{}", dir.path().join("collecte.db").display()),
            Database::Postgres { server, name } => with_database(server, name),
        }
    }

    async fn fresh(postgres: Option<&str>) -> Result<Database, Failure> {
        match postgres {
            None => Ok(Database::Sqlite(tempfile::tempdir()?)),
            Some(server) => {
                let name = format!("posture_load_{}", uuid::Uuid::new_v4().simple());
                postgres_statement(server, &format!("CREATE DATABASE {name}")).await?;
                Ok(Database::Postgres {
                    server: server.to_string(),
                    name,
                })
            }
        }
    }

    async fn remove(self) -> Result<(), Failure> {
        match self {
            Database::Sqlite(dir) => Ok(dir.close()?),
            Database::Postgres { server, name } => {
                postgres_statement(
                    &server,
                    &format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
                )
                .await
            }
        }
    }
}

/// `url` with its database name replaced by `name`.
fn with_database(url: &str, name: &str) -> String {
    let (scheme, rest) = url.split_once("://").unwrap_or(("postgres", url));
    let (rest, query) = match rest.split_once('?') {
        Some((rest, query)) => (rest, format!("?{query}")),
        None => (rest, String::new()),
    };
    let host = rest.split('/').next().unwrap_or(rest);
    format!("{scheme}://{host}/{name}{query}")
}

async fn postgres_statement(server: &str, statement: &str) -> Result<(), Failure> {
    sqlx::any::install_default_drivers();
    let admin = sqlx::AnyPool::connect(server).await?;
    sqlx::query(statement).execute(&admin).await?;
    admin.close().await;
    Ok(())
}

/// A store over a fresh database, with `orgs` organisations' tokens: (database, store, each
/// organisation's token and id).
async fn store(
    postgres: Option<&str>,
    orgs: usize,
) -> Result<(Database, Store, Vec<(String, i64)>), Failure> {
    let database = Database::fresh(postgres).await?;
    let store = Store::open(&database.url()).await?;
    let mut tokens = Vec::with_capacity(orgs);
    for index in 0..orgs {
        let token = store
            .create_org_token(
                &format!("Organisation {index:02}"),
                Some("CPTS"),
                Some("10-49"),
            )
            .await?;
        let org_id = match store.authenticate(&token.secret).await? {
            Some(Caller::Organisation { org_id, .. }) => org_id,
            _ => return Err("the organisation token does not authenticate".into()),
        };
        tokens.push((token.secret, org_id));
    }
    Ok((database, store, tokens))
}

/// A blocking HTTPS client trusting the self-signed certificate, as `posture submit --ca` does.
fn client(cert_pem: &str) -> Result<reqwest::blocking::Client, Failure> {
    use rustls::pki_types::pem::PemObject as _;
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut roots = rustls::RootCertStore::empty();
    for cert in rustls::pki_types::CertificateDer::pem_slice_iter(cert_pem.as_bytes()) {
        roots.add(cert?)?;
    }
    let tls = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(reqwest::blocking::Client::builder()
        .tls_backend_preconfigured(tls)
        .no_proxy()
        .pool_max_idle_per_host(1)
        .timeout(Duration::from_secs(60))
        .build()?)
}

/// `count` submissions over HTTPS from `clients` threads (each its own kept-alive connection,
/// one warm-up request each, not counted) to the real server on a fresh database.
fn over_https(
    runtime: &tokio::runtime::Runtime,
    postgres: Option<&str>,
    template: &Template,
    count: usize,
    clients: usize,
) -> Result<Figures, Failure> {
    let (database, store, tokens) = runtime.block_on(store(postgres, clients))?;
    let made = Tls::self_signed(&[])?;
    let listener = server::bind("127.0.0.1:0".parse()?)?;
    let base = server::url(listener.local_addr()?, true);
    let limits = Limits {
        // Each token sends a sixteenth of the load: its rate bound is lifted.
        rate_per_second: 1e12,
        burst: 1e12,
        ..Limits::default()
    };
    let config = Config {
        listener,
        tls: Some(made.tls.clone()),
        limits,
        grace: Duration::from_secs(5),
    };
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let running = runtime.spawn(server::serve(config, store.clone(), async move {
        let _ = stopped.await;
    }));

    let url = format!("{base}/api/v1/assessments");
    let barrier = Arc::new(Barrier::new(clients + 1));
    // Reached by every client when it is done, before its connection and runtime are dropped,
    // so that their threads' CPU time can still be read.
    let done = Arc::new(Barrier::new(clients + 1));
    let run = rand_run();
    let mut threads = Vec::with_capacity(clients);
    for client_index in 0..clients {
        let client = client(&made.cert_pem)?;
        let barrier = barrier.clone();
        let done = done.clone();
        let template = template.clone();
        let url = url.clone();
        let token = tokens
            .get(client_index)
            .map(|(token, _)| token.clone())
            .ok_or("a token per client")?;
        let thread = std::thread::Builder::new().name(format!("{CLIENT_THREAD}{client_index}"));
        threads.push(thread.spawn(move || -> Result<Vec<Duration>, String> {
            let post = |index: usize| -> Result<Duration, String> {
                let body = template.with_id(&id(run, index));
                let start = Instant::now();
                let response = client
                    .post(&url)
                    .bearer_auth(&token)
                    .header("content-type", "application/json")
                    .body(body)
                    .send()
                    .map_err(|error| error.to_string())?;
                let status = response.status();
                let _ = response.bytes().map_err(|error| error.to_string())?;
                let took = start.elapsed();
                if status.as_u16() != 201 {
                    return Err(format!("submission {index}: status {status}"));
                }
                Ok(took)
            };
            // Warm-up: the TLS handshake and the connection, not counted.
            let warm_up = post(count + client_index);
            barrier.wait();
            let run = || -> Result<Vec<Duration>, String> {
                warm_up?;
                let mut latencies = Vec::with_capacity(count / clients + 1);
                let mut index = client_index;
                while index < count {
                    latencies.push(post(index)?);
                    index += clients;
                }
                Ok(latencies)
            };
            let result = run();
            done.wait();
            result
        })?);
    }
    barrier.wait();
    let start = Instant::now();
    let cpu_start = cpu_time();
    let client_start = client_cpu_time();
    done.wait();
    let client_cpu = client_cpu_time().saturating_sub(client_start);
    let mut latencies = Vec::with_capacity(count);
    let mut failure = None;
    for thread in threads {
        match thread.join() {
            Ok(Ok(mut some)) => latencies.append(&mut some),
            Ok(Err(error)) => failure = Some(error),
            Err(_) => failure = Some("a client thread panicked".into()),
        }
    }
    let elapsed = start.elapsed();
    let cpu = cpu_time().saturating_sub(cpu_start);
    let _ = stop.send(());
    runtime.block_on(running)??;
    if let Some(error) = failure {
        return Err(error.into());
    }
    let stored = runtime.block_on(store.export_rows())?.len();
    if stored != count + clients {
        return Err(format!("{stored} assessments stored, {} sent", count + clients).into());
    }
    runtime.block_on(async {
        drop(store);
        database.remove().await
    })?;
    latencies.sort_unstable();
    Ok(Figures {
        submissions: count,
        elapsed,
        cpu,
        latencies,
        client_cpu,
    })
}

/// The same rows written by `Store::submit` directly from `clients` concurrent tasks (one
/// warm-up submission each, not counted), into a fresh database of the same kind.
fn bare_insert(
    runtime: &tokio::runtime::Runtime,
    postgres: Option<&str>,
    template: &Template,
    count: usize,
    clients: usize,
) -> Result<Figures, Failure> {
    let (database, store, tokens) = runtime.block_on(store(postgres, clients))?;
    // Checked once, outside the measure; each submission is a copy with its own id and text.
    let checked = document::validate(REPORT.as_bytes())
        .map_err(|invalid| format!("the report JSON is refused: {}", invalid.error))?;
    let run = rand_run();
    let make = move |template: &Template, index: usize| -> Assessment {
        let assessment_id = id(run, index);
        Assessment {
            json: template.with_id(&assessment_id),
            assessment_id,
            ..checked.clone()
        }
    };
    let (elapsed, cpu) = runtime.block_on(async {
        let barrier = Arc::new(tokio::sync::Barrier::new(clients + 1));
        let mut tasks = Vec::with_capacity(clients);
        for client_index in 0..clients {
            let store = store.clone();
            let barrier = barrier.clone();
            let template = template.clone();
            let make = make.clone();
            let org_id = tokens
                .get(client_index)
                .map(|(_, org_id)| *org_id)
                .ok_or("an organisation per task")?;
            tasks.push(tokio::spawn(async move {
                let warm_up = store
                    .submit(org_id, &make(&template, count + client_index))
                    .await;
                barrier.wait().await;
                warm_up?;
                let mut index = client_index;
                while index < count {
                    store.submit(org_id, &make(&template, index)).await?;
                    index += clients;
                }
                Ok::<(), collector::store::StoreError>(())
            }));
        }
        barrier.wait().await;
        let start = Instant::now();
        let cpu_start = cpu_time();
        for task in tasks {
            task.await??;
        }
        let elapsed = start.elapsed();
        let cpu = cpu_time().saturating_sub(cpu_start);
        let stored = store.export_rows().await?.len();
        if stored != count + clients {
            return Err::<(Duration, Duration), Failure>(
                format!("{stored} assessments stored, {} written", count + clients).into(),
            );
        }
        drop(store);
        database.remove().await?;
        Ok((elapsed, cpu))
    })?;
    Ok(Figures {
        submissions: count,
        elapsed,
        cpu,
        latencies: Vec::new(),
        client_cpu: Duration::ZERO,
    })
}

/// The CPU time this process has used so far, all threads (`/proc/self/stat`, clock ticks of
/// 1/100 s); zero where there is no such file.
fn cpu_time() -> Duration {
    match std::fs::read_to_string("/proc/self/stat") {
        Ok(stat) => stat_cpu(&stat),
        Err(_) => Duration::ZERO,
    }
}

/// The name of the load's client threads (and the prefix of reqwest's own thread for them).
const CLIENT_THREAD: &str = "load-client-";

/// The CPU time used so far by the threads of the load's clients: theirs and reqwest's
/// (`reqwest-internal-sync-runtime`, one per client), from `/proc/self/task` (names cut to 15
/// bytes by the kernel). Zero where there is no such directory.
fn client_cpu_time() -> Duration {
    let Ok(tasks) = std::fs::read_dir("/proc/self/task") else {
        return Duration::ZERO;
    };
    let mut total = Duration::ZERO;
    for task in tasks.flatten() {
        let Ok(stat) = std::fs::read_to_string(task.path().join("stat")) else {
            continue;
        };
        let name = stat
            .split_once('(')
            .and_then(|(_, rest)| rest.rsplit_once(')'))
            .map_or("", |(name, _)| name);
        if name.starts_with(&CLIENT_THREAD[..CLIENT_THREAD.len() - 1])
            || name.starts_with("reqwest")
        {
            total += stat_cpu(&stat);
        }
    }
    total
}

/// The user and system CPU time of a `/proc/…/stat` line.
fn stat_cpu(stat: &str) -> Duration {
    // After the command name in parentheses: state is field 3, utime 14 and stime 15.
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map_or("", |(_, rest)| rest)
        .split_whitespace()
        .collect();
    let ticks = |index: usize| fields.get(index).and_then(|f| f.parse::<u64>().ok());
    match (ticks(11), ticks(12)) {
        (Some(user), Some(system)) => Duration::from_millis((user + system) * 10),
        _ => Duration::ZERO,
    }
}

/// A number that tells this process's ids apart from another run's.
fn rand_run() -> u32 {
    uuid::Uuid::new_v4().as_u128() as u32
}

fn env_count(name: &str, default: usize) -> Result<usize, Failure> {
    match std::env::var(name) {
        Ok(value) => Ok(value
            .parse::<usize>()
            .map_err(|_| format!("{name}: not a count: {value}"))?
            .max(1)),
        Err(_) => Ok(default),
    }
}

fn millis(duration: Option<Duration>) -> String {
    duration.map_or_else(
        || "—".into(),
        |d| format!("{:.1} ms", d.as_secs_f64() * 1e3),
    )
}

fn main() -> Result<(), Failure> {
    // `cargo bench` passes `--bench`; a filter or `--list` from a wider run is not for us.
    if std::env::args().any(|arg| arg == "--list") {
        return Ok(());
    }
    let count = env_count("LOAD_SUBMISSIONS", 5_000)?;
    let clients = env_count("LOAD_CLIENTS", 16)?;
    // The server logs one line per request, as `posture serve` does; formatted, then dropped.
    let _ = tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::new("info"))
        .with_writer(std::io::sink)
        .try_init();
    // The server's runtime, as `posture serve` makes it (one worker per core).
    let runtime = server::runtime()?;
    let template = Template::new()?;
    let postgres = std::env::var("POSTURE_TEST_POSTGRES").ok();
    let mut backends: Vec<(&str, Option<&str>)> = vec![("SQLite", None)];
    match postgres.as_deref() {
        Some(url) => backends.push(("PostgreSQL", Some(url))),
        None => eprintln!("PostgreSQL skipped (set POSTURE_TEST_POSTGRES=postgres://… to run it)"),
    }
    println!(
        "{count} submissions of {} bytes (report JSON) from {clients} clients, HTTPS keep-alive on \
         127.0.0.1; {} cores; CPU: this process's (server, client, SQLite), not PostgreSQL's",
        REPORT.len(),
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );
    println!();
    println!(
        "| database | HTTPS submissions/s | p50 | p99 | bare insert/s | ratio | CPU per submission, \
         HTTPS / bare | client's share of the HTTPS CPU |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    for (name, url) in backends {
        let https = over_https(&runtime, url, &template, count, clients)?;
        let bare = bare_insert(&runtime, url, &template, count, clients)?;
        println!(
            "| {name} | {:.0} | {} | {} | {:.0} | {:.2} | {:.2} / {:.2} ms | {:.0} % |",
            https.per_second(),
            millis(https.percentile(50.0)),
            millis(https.percentile(99.0)),
            bare.per_second(),
            https.per_second() / bare.per_second(),
            https.cpu_per_submission().as_secs_f64() * 1e3,
            bare.cpu_per_submission().as_secs_f64() * 1e3,
            100.0 * https.client_cpu.as_secs_f64() / https.cpu.as_secs_f64().max(1e-9),
        );
    }
    Ok(())
}
