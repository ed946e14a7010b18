//! The dashboard with a large collection (issue 11): how long the server takes to answer the
//! organisations page, the heat map and the peers page with 10,000 organisations × 4 assessments.
//! `cargo bench -p collector --bench dashboard` (release build); PostgreSQL too when
//! `POSTURE_TEST_POSTGRES` names a server whose user may create databases (`.ci/postgres.sh`).
//!
//! For each database: a fresh one, seeded through `Store::submit` (as the server stores a
//! submission) with `DASHBOARD_ORGS` organisations (10,000 by default) in 8 sectors × 4 size
//! bands, each with 4 assessments six months apart (sample documents of 13 domains, without
//! their answers and measures, which these pages do not read, to keep the database small). Then
//! each page is asked `DASHBOARD_RUNS` times (30) through the server's router by a signed-in
//! session — server-side time: routing, session check, queries, rendering; no network — and its
//! median, 95th percentile and maximum are printed; then the first view of the organisations
//! and of the heat map right after a new submission, and of the organisations right after a new
//! token (nothing is cached between views: each is the same indexed query on `organisations`
//! and `organisation_latest`, which `Store::submit` keeps in its transaction).
//! Figures: `docs/benchmarks.md`.

use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use collector::dashboard::sample;
use collector::server::{self, Limits};
use collector::store::{Caller, Store};
use tower::ServiceExt as _;

type Failure = Box<dyn std::error::Error + Send + Sync>;

const SECTORS: [&str; 8] = [
    "CPTS",
    "EHPAD",
    "Centre de santé",
    "Clinique",
    "Laboratoire",
    "Imagerie",
    "SSIAD",
    "Collectivité",
];
const SIZES: [&str; 4] = ["1-9", "10-49", "50-249", "250+"];

fn env_count(name: &str, default: usize) -> Result<usize, Failure> {
    match std::env::var(name) {
        Ok(value) => Ok(value.parse()?),
        Err(_) => Ok(default),
    }
}

/// Seeds `orgs` organisations × 4 assessments; `tasks` submit at once (PostgreSQL).
async fn seed(store: &Store, orgs: usize, tasks: usize) -> Result<(), Failure> {
    let first = chrono::NaiveDate::from_ymd_opt(2024, 6, 1).ok_or("date")?;
    let mut ids = Vec::with_capacity(orgs);
    for index in 0..orgs {
        let sector = SECTORS[index % SECTORS.len()];
        let size = SIZES[(index / SECTORS.len()) % SIZES.len()];
        let name = format!("Organisation {index:05}");
        let token = store
            .create_org_token(&name, Some(sector), Some(size))
            .await?;
        let Some(Caller::Organisation { org_id, .. }) = store.authenticate(&token.secret).await?
        else {
            return Err("not an organisation token".into());
        };
        ids.push((org_id, name, sector, size, index));
    }
    let chunks: Vec<Vec<_>> = ids
        .chunks(ids.len().div_ceil(tasks).max(1))
        .map(<[_]>::to_vec)
        .collect();
    let mut handles = Vec::new();
    for chunk in chunks {
        let store = store.clone();
        handles.push(tokio::spawn(async move {
            for (org_id, name, sector, size, index) in chunk {
                for round in 0..4 {
                    let id = uuid::Uuid::new_v4().to_string();
                    let seed = u64::try_from(index).unwrap_or_default();
                    let mut doc = sample::document(&id, &name, sector, size, first, round, seed);
                    if let Some(object) = doc.as_object_mut() {
                        object.insert("answers".into(), serde_json::json!([]));
                        object.insert("measures".into(), serde_json::json!([]));
                    }
                    let bytes = serde_json::to_vec(&doc)?;
                    let valid = collector::document::validate(&bytes)
                        .map_err(|invalid| format!("{invalid:?}"))?;
                    store.submit(org_id, &valid).await?;
                }
            }
            Ok::<(), Failure>(())
        }));
    }
    for handle in handles {
        handle.await??;
    }
    Ok(())
}

/// A signed-in session's cookie.
async fn sign_in(app: &axum::Router, token: &str) -> Result<String, Failure> {
    let request = Request::post("/login")
        .header(header::HOST, "bench.test")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(format!("token={token}")))?;
    let response = app.clone().oneshot(request).await?;
    let cookie = response
        .headers()
        .get(header::SET_COOKIE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .ok_or("no session cookie")?;
    Ok(cookie.to_owned())
}

/// Asks `path` `runs` times: the sorted durations.
async fn measure(
    app: &axum::Router,
    cookie: &str,
    path: &str,
    runs: usize,
    warm: usize,
) -> Result<Vec<Duration>, Failure> {
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs + warm {
        let request = Request::get(path)
            .header(header::HOST, "bench.test")
            .header(header::COOKIE, cookie)
            .body(Body::empty())?;
        let start = Instant::now();
        let response = app.clone().oneshot(request).await?;
        let status = response.status();
        let body = axum::body::to_bytes(response.into_body(), 64 << 20).await?;
        let elapsed = start.elapsed();
        if status != StatusCode::OK || body.is_empty() {
            return Err(format!("{path}: {status}").into());
        }
        times.push(elapsed);
    }
    // The first ones warm the caches (prepared statements, the database's pages).
    times.drain(..warm);
    times.sort();
    Ok(times)
}

fn millis(duration: Duration) -> String {
    format!("{:.1} ms", duration.as_secs_f64() * 1000.0)
}

fn percentile(times: &[Duration], p: f64) -> Duration {
    #[allow(
        clippy::cast_precision_loss,
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss
    )]
    let index = ((times.len() - 1) as f64 * p / 100.0).round() as usize;
    times[index.min(times.len() - 1)]
}

async fn postgres_database(base: &str, name: &str, create: bool) -> Result<String, Failure> {
    sqlx::any::install_default_drivers();
    let admin = sqlx::AnyPool::connect(base).await?;
    let statement = if create {
        format!("CREATE DATABASE {name}")
    } else {
        format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    };
    sqlx::query(&statement).execute(&admin).await?;
    admin.close().await;
    let (scheme, rest) = base.split_once("://").ok_or("a URL")?;
    let (rest, query) = match rest.split_once('?') {
        Some((rest, query)) => (rest, format!("?{query}")),
        None => (rest, String::new()),
    };
    let host = rest.split('/').next().unwrap_or(rest);
    Ok(format!("{scheme}://{host}/{name}{query}"))
}

fn main() -> Result<(), Failure> {
    if std::env::args().any(|arg| arg == "--list") {
        return Ok(());
    }
    let orgs = env_count("DASHBOARD_ORGS", 10_000)?;
    let runs = env_count("DASHBOARD_RUNS", 30)?.max(1);
    let runtime = server::runtime()?;
    let postgres = std::env::var("POSTURE_TEST_POSTGRES").ok();
    let mut backends: Vec<(&str, Option<&str>)> = vec![("SQLite", None)];
    match postgres.as_deref() {
        Some(url) => backends.push(("PostgreSQL", Some(url))),
        None => eprintln!("PostgreSQL skipped (set POSTURE_TEST_POSTGRES=postgres://… to run it)"),
    }
    println!(
        "{orgs} organisations × 4 assessments, {runs} requests a page, server-side (router, \
         session, queries, HTML); {} cores",
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );
    println!();
    println!("| database | page | median | p95 | max | target |");
    println!("|---|---|---|---|---|---|");
    for (name, base) in backends {
        runtime.block_on(async {
            let dir = tempfile::tempdir()?;
            let pg_name = format!("posture_dash_bench_{}", uuid::Uuid::new_v4().simple());
            let url = match base {
                Some(base) => postgres_database(base, &pg_name, true).await?,
                None => format!("sqlite:{}", dir.path().join("bench.db").display()),
            };
            let store = Store::open(&url).await?;
            let start = Instant::now();
            seed(&store, orgs, if base.is_some() { 8 } else { 1 }).await?;
            eprintln!("{name}: seeded in {:.0} s", start.elapsed().as_secs_f64());
            let admin = store.create_admin_token("Banc d’essai").await?;
            let app = server::router_with(store.clone(), Limits::default());
            let cookie = sign_in(&app, &admin.secret).await?;
            let pages = [
                ("organisations", "/organisations", 200),
                (
                    "organisations, by index, page 3",
                    "/organisations?sort=score&dir=desc&page=3",
                    200,
                ),
                (
                    "organisations, filtered (sector, overdue)",
                    "/organisations?sector=EHPAD&overdue=1",
                    200,
                ),
                ("heat map", "/heatmap", 200),
                (
                    "heat map, by change, page 2",
                    "/heatmap?sort=change&dir=desc&page=2",
                    200,
                ),
                ("overdue", "/overdue", 200),
                ("peers (CPTS, 1-9)", "/peers?sector=CPTS&size=1-9", 100),
            ];
            for (label, path, target) in pages {
                let times = measure(&app, &cookie, path, runs, 2).await?;
                println!(
                    "| {name} | {label} | {} | {} | {} | ≤ {target} ms |",
                    millis(percentile(&times, 50.0)),
                    millis(percentile(&times, 95.0)),
                    millis(percentile(&times, 100.0)),
                );
            }
            // The first page view after a change: a submission of a known organisation, a new
            // organisation's token.
            let first = chrono::NaiveDate::from_ymd_opt(2026, 6, 1).ok_or("date")?;
            let known = store.dashboard_organisations().await?;
            let mut after_submission = Vec::new();
            let mut heatmap_after_submission = Vec::new();
            let mut after_token = Vec::new();
            for round in 0..runs.min(10) {
                for (which, (times, path)) in [
                    (&mut after_submission, "/organisations"),
                    (&mut heatmap_after_submission, "/heatmap"),
                ]
                .into_iter()
                .enumerate()
                {
                    let org = known
                        .get((round * 2 + which) * 97 % known.len().max(1))
                        .ok_or("an organisation")?;
                    let id = uuid::Uuid::new_v4().to_string();
                    let doc = sample::document(&id, &org.name, "CPTS", "1-9", first, 0, 1);
                    let bytes = serde_json::to_vec(&doc)?;
                    let valid = collector::document::validate(&bytes)
                        .map_err(|invalid| format!("{invalid:?}"))?;
                    store.submit(org.id, &valid).await?;
                    times.append(&mut measure(&app, &cookie, path, 1, 0).await?);
                }
                store
                    .create_org_token(&format!("Nouvelle {round}"), Some("CPTS"), Some("1-9"))
                    .await?;
                after_token.append(&mut measure(&app, &cookie, "/organisations", 1, 0).await?);
            }
            for (label, mut times) in [
                (
                    "organisations, first view after a submission",
                    after_submission,
                ),
                (
                    "heat map, first view after a submission",
                    heatmap_after_submission,
                ),
                ("organisations, first view after a new token", after_token),
            ] {
                times.sort();
                println!(
                    "| {name} | {label} | {} | {} | {} | ≤ 200 ms |",
                    millis(percentile(&times, 50.0)),
                    millis(percentile(&times, 95.0)),
                    millis(percentile(&times, 100.0)),
                );
            }
            store.close().await;
            if let Some(base) = base {
                postgres_database(base, &pg_name, false).await?;
            }
            Ok::<(), Failure>(())
        })?;
    }
    Ok(())
}
