//! The HTTP(S) server of `posture serve` and its JSON API (`docs/api.md`): organisations post
//! their assessments, the SSI team reads them. Every request is authenticated against the store
//! (a token created or revoked while the server runs counts at once), bounded (body size,
//! per-token rate, time), and logged as one line — method, path, status, duration — never a
//! header, a token or a body. A 2xx is sent only after the store has committed.

mod limits;
mod tls;

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use axum::extract::{ConnectInfo, Path, Query, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde_json::json;

pub use limits::Limits;
pub use tls::{SelfSigned, Tls, self_signed_path, write_private};

use crate::document;
use crate::store::{Caller, Store, Submitted};

/// What can stop the server from starting or serving.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    /// The certificate or key could not be used.
    #[error("TLS: {0}")]
    Tls(String),
    /// A file could not be read or written.
    #[error("{path}: {reason}")]
    Io { path: String, reason: String },
    /// The address could not be listened on.
    #[error("cannot listen on {address}: {reason}")]
    Bind { address: String, reason: String },
    /// The server stopped on an error.
    #[error("server: {0}")]
    Serve(String),
}

/// How a server runs: where it listens (already bound, so that the real port of `:0` is known
/// before it serves), with TLS or plain HTTP, its bounds, and how long shutdown waits for
/// requests in flight.
#[derive(Debug)]
pub struct Config {
    /// The bound listener (see [`bind`]).
    pub listener: std::net::TcpListener,
    /// TLS, or `None` for plain HTTP (behind a reverse proxy that terminates TLS).
    pub tls: Option<Tls>,
    /// Body size, rate and time bounds.
    pub limits: Limits,
    /// How long requests in flight may take to finish once shutdown starts.
    pub grace: Duration,
}

/// Binds `address` (port 0: any free port); the listener's `local_addr` is the real one.
pub fn bind(address: SocketAddr) -> Result<std::net::TcpListener, ServerError> {
    let fail = |error: std::io::Error| ServerError::Bind {
        address: address.to_string(),
        reason: error.to_string(),
    };
    let listener = std::net::TcpListener::bind(address).map_err(fail)?;
    listener.set_nonblocking(true).map_err(fail)?;
    Ok(listener)
}

/// The URL clients use for a server listening on `address`.
pub fn url(address: SocketAddr, tls: bool) -> String {
    let scheme = if tls { "https" } else { "http" };
    format!("{scheme}://{address}")
}

/// A multi-threaded Tokio runtime for the server, for callers that are not async themselves.
pub fn runtime() -> std::io::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
}

/// Logs to standard error with `tracing` (level from `RUST_LOG`, `info` by default). Calling it
/// twice is harmless.
pub fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_target(false)
        .try_init();
}

/// A future that resolves when the process receives SIGTERM or SIGINT — on Windows, Ctrl+C,
/// Ctrl+Break, the console window closed, or the system shutting down. The handlers are
/// installed when this is called, not when the future is first polled: call it before saying
/// the server is ready, so that a signal sent as soon as the URL is printed stops it gracefully
/// (the default action would kill it). Must be called inside the tokio runtime.
///
/// On Windows, a closed window or a shut-down ends the process once the handler returns; tokio's
/// handler does not return, so the requests in flight get the seconds Windows allows.
pub fn shutdown_signal() -> std::io::Result<impl Future<Output = ()> + Send + 'static> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let mut terminate = signal(SignalKind::terminate())?;
        let mut interrupt = signal(SignalKind::interrupt())?;
        Ok(async move {
            tokio::select! {
                _ = terminate.recv() => {}
                _ = interrupt.recv() => {}
            }
        })
    }
    #[cfg(windows)]
    {
        use tokio::signal::windows;
        let mut interrupt = windows::ctrl_c()?;
        let mut brk = windows::ctrl_break()?;
        let mut close = windows::ctrl_close()?;
        let mut shutdown = windows::ctrl_shutdown()?;
        Ok(async move {
            tokio::select! {
                _ = interrupt.recv() => {}
                _ = brk.recv() => {}
                _ = close.recv() => {}
                _ = shutdown.recv() => {}
            }
        })
    }
}

/// Serves the API on `config.listener` until `shutdown` resolves; then stops accepting, lets
/// the requests in flight finish (up to `config.grace`) and returns.
pub async fn serve(
    config: Config,
    store: Store,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), ServerError> {
    let app = router_secure(store, config.limits, config.tls.is_some());
    let handle = axum_server::Handle::new();
    let grace = config.grace;
    let stopper = handle.clone();
    tokio::spawn(async move {
        shutdown.await;
        tracing::info!("shutting down");
        stopper.graceful_shutdown(Some(grace));
    });
    // The client's address, for the rate of requests without a valid token.
    let service = app.into_make_service_with_connect_info::<SocketAddr>();
    let header_timeout = config.limits.header_timeout;
    let result = match config.tls {
        Some(tls) => {
            let rustls = axum_server::tls_rustls::RustlsConfig::from_config(tls.config);
            let server = axum_server::from_tcp_rustls(config.listener, rustls)
                .map_err(|error| ServerError::Serve(error.to_string()))?
                .map(|acceptor| acceptor.handshake_timeout(header_timeout));
            bounded(server, header_timeout)
                .handle(handle)
                .serve(service)
                .await
        }
        None => {
            let server = axum_server::from_tcp(config.listener)
                .map_err(|error| ServerError::Serve(error.to_string()))?;
            bounded(server, header_timeout)
                .handle(handle)
                .serve(service)
                .await
        }
    };
    result.map_err(|error| ServerError::Serve(error.to_string()))
}

/// HTTP/1.1 only (as the TLS configuration's ALPN says), and a client has `header_timeout` to
/// send a request's line and headers; an idle kept-alive connection is closed after as long.
fn bounded<Acceptor>(
    server: axum_server::Server<SocketAddr, Acceptor>,
    header_timeout: Duration,
) -> axum_server::Server<SocketAddr, Acceptor> {
    let mut server = server.http1_only();
    server
        .http_builder()
        .http1()
        .timer(hyper_util::rt::TokioTimer::new())
        .header_read_timeout(header_timeout);
    server
}

/// What every handler shares.
#[derive(Debug)]
struct AppState {
    store: Store,
    limits: Limits,
    rate: limits::RateLimiter<i64>,
    /// Requests answered `401`, per client address.
    unauthenticated: limits::RateLimiter<std::net::IpAddr>,
}

type Shared = State<Arc<AppState>>;

/// The API with the default bounds.
pub fn router(store: Store) -> Router {
    router_with(store, Limits::default())
}

/// The API with the given bounds (tests use a low rate).
pub fn router_with(store: Store, limits: Limits) -> Router {
    router_secure(store, limits, true)
}

/// The API and the dashboard (`crate::dashboard`); `secure_cookies` is false when the server
/// speaks plain HTTP (`--insecure-http`).
pub fn router_secure(store: Store, limits: Limits, secure_cookies: bool) -> Router {
    let dashboard = crate::dashboard::router(
        store.clone(),
        crate::dashboard::Options {
            secure_cookies,
            ..Default::default()
        },
    );
    let state = Arc::new(AppState {
        store,
        limits,
        rate: limits::per_token(&limits),
        unauthenticated: limits::per_address(&limits),
    });
    Router::new()
        .route("/healthz", get(healthz))
        .route("/api/v1/assessments", post(submit))
        .route("/api/v1/assessments/{assessment_id}", get(assessment))
        .route("/api/v1/organisations", get(organisations))
        .route(
            "/api/v1/organisations/{id}/assessments",
            get(organisation_assessments),
        )
        .route("/api/v1/export.csv", get(export))
        .route("/api/v1/benchmark", get(benchmark))
        .merge(dashboard)
        .fallback(not_found)
        .layer(middleware::from_fn_with_state(state.clone(), log_and_bound))
        .with_state(state)
}

/// One log line per request (method, path without its query, status, duration), the request
/// time bound, and the rate of requests without a valid token per client address: past it, a
/// `401` becomes a `429`.
async fn log_and_bound(State(state): Shared, request: Request, next: Next) -> Response {
    let start = Instant::now();
    let method = request.method().clone();
    let path = request.uri().path().to_string();
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(address)| limits::address_key(address.ip()));
    let mut response =
        match tokio::time::timeout(state.limits.request_timeout, next.run(request)).await {
            Ok(response) => response,
            Err(_) => failure(StatusCode::SERVICE_UNAVAILABLE, "request timed out"),
        };
    if response.status() == StatusCode::UNAUTHORIZED
        && let Some(peer) = peer
        && let Err(wait) = state.unauthenticated.take(peer)
    {
        response = too_many_requests(wait);
    }
    tracing::info!(
        method = %method,
        path = %path,
        status = response.status().as_u16(),
        duration_ms = (start.elapsed().as_secs_f64() * 10_000.0).round() / 10.0,
        "request"
    );
    response
}

/// A JSON error response `{"error": …}`.
fn failure(status: StatusCode, error: &str) -> Response {
    (status, axum::Json(json!({ "error": error }))).into_response()
}

/// An error of the store: logged (its text carries no secret), answered as a 500.
fn internal(error: &crate::store::StoreError) -> Response {
    tracing::error!(error = %error, "store");
    failure(StatusCode::INTERNAL_SERVER_ERROR, "internal error")
}

async fn not_found() -> Response {
    failure(StatusCode::NOT_FOUND, "not found")
}

/// The longest token looked up; anything longer is not one of ours.
const MAX_TOKEN_LEN: usize = 512;

/// The caller of a request: its bearer token, looked up in the store, within its rate.
async fn caller(state: &AppState, headers: &HeaderMap) -> Result<Caller, Response> {
    let unauthorized = || {
        let mut response = failure(
            StatusCode::UNAUTHORIZED,
            "missing, unknown or revoked token",
        );
        response
            .headers_mut()
            .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        response
    };
    let token = headers
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| {
            let (scheme, token) = value.trim().split_once(' ')?;
            scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
        })
        .filter(|token| !token.is_empty() && token.len() <= MAX_TOKEN_LEN)
        .ok_or_else(unauthorized)?;
    let caller = match state.store.authenticate(token).await {
        Ok(Some(caller)) => caller,
        Ok(None) => return Err(unauthorized()),
        Err(error) => return Err(internal(&error)),
    };
    let token_id = match &caller {
        Caller::Admin { token_id, .. } | Caller::Organisation { token_id, .. } => *token_id,
    };
    if let Err(wait) = state.rate.take(token_id) {
        return Err(too_many_requests(wait));
    }
    Ok(caller)
}

/// `429`, to try again in `wait` seconds.
fn too_many_requests(wait: u64) -> Response {
    let mut response = failure(StatusCode::TOO_MANY_REQUESTS, "too many requests");
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from(wait));
    response
}

fn forbidden(reason: &str) -> Response {
    failure(StatusCode::FORBIDDEN, reason)
}

fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .is_some_and(|media| media.trim().eq_ignore_ascii_case("application/json"))
}

async fn healthz(State(state): Shared) -> Response {
    match state.store.ping().await {
        Ok(()) => (StatusCode::OK, axum::Json(json!({ "status": "ok" }))).into_response(),
        Err(error) => {
            tracing::error!(error = %error, "healthz");
            failure(StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
        }
    }
}

/// `POST /api/v1/assessments`: an organisation files an assessment.
async fn submit(State(state): Shared, headers: HeaderMap, body: Body) -> Response {
    let org_id = match caller(&state, &headers).await {
        Ok(Caller::Organisation { org_id, .. }) => org_id,
        Ok(Caller::Admin { .. }) => {
            return forbidden("admin tokens read; organisation tokens submit");
        }
        Err(response) => return response,
    };
    if !is_json(&headers) {
        return failure(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "the body must be application/json",
        );
    }
    let limit = state.limits.body_bytes;
    let too_large = || failure(StatusCode::PAYLOAD_TOO_LARGE, "body over the size limit");
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<u64>().ok());
    if declared.is_some_and(|length| length > limit as u64) {
        return too_large();
    }
    // Read into one buffer of the declared size, which becomes the stored text.
    let capacity = declared.map_or(0, |length| usize::try_from(length).unwrap_or(limit));
    let bytes = match read_body(body, limit, capacity).await {
        Ok(Some(bytes)) => bytes,
        Ok(None) => return too_large(),
        Err(()) => return failure(StatusCode::BAD_REQUEST, "the body could not be read"),
    };
    let doc = match document::validate_owned(bytes) {
        Ok(doc) => doc,
        Err(invalid) => {
            return (StatusCode::BAD_REQUEST, axum::Json(invalid)).into_response();
        }
    };
    let id = json!({ "id": doc.assessment_id });
    match state.store.submit(org_id, &doc).await {
        Ok(Submitted::Created) => (StatusCode::CREATED, axum::Json(id)).into_response(),
        Ok(Submitted::AlreadyThere) => (StatusCode::OK, axum::Json(id)).into_response(),
        Ok(Submitted::OtherOrganisation) => {
            forbidden("this assessment_id belongs to another organisation")
        }
        Err(error) => internal(&error),
    }
}

/// The body, or `None` as soon as it is over `limit` bytes (read no further), or `Err` when the
/// connection fails while reading it. `capacity`: the expected size (at most `limit` is reserved).
async fn read_body(mut body: Body, limit: usize, capacity: usize) -> Result<Option<Vec<u8>>, ()> {
    use axum::body::HttpBody as _;
    let mut bytes = Vec::with_capacity(capacity.min(limit));
    loop {
        let frame = std::future::poll_fn(|cx| std::pin::Pin::new(&mut body).poll_frame(cx)).await;
        match frame {
            None => return Ok(Some(bytes)),
            Some(Err(_)) => return Err(()),
            Some(Ok(frame)) => {
                if let Ok(data) = frame.into_data() {
                    if bytes.len() + data.len() > limit {
                        return Ok(None);
                    }
                    bytes.extend_from_slice(&data);
                }
            }
        }
    }
}

/// `GET /api/v1/organisations` (admin).
async fn organisations(State(state): Shared, headers: HeaderMap) -> Response {
    match caller(&state, &headers).await {
        Ok(Caller::Admin { .. }) => {}
        Ok(Caller::Organisation { .. }) => return forbidden("admin tokens only"),
        Err(response) => return response,
    }
    match state.store.organisations().await {
        Ok(rows) => axum::Json(rows).into_response(),
        Err(error) => internal(&error),
    }
}

/// `GET /api/v1/organisations/{id}/assessments` (admin, or that organisation).
async fn organisation_assessments(
    State(state): Shared,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    let caller = match caller(&state, &headers).await {
        Ok(caller) => caller,
        Err(response) => return response,
    };
    let id = id.parse::<i64>().ok();
    match (&caller, id) {
        (Caller::Organisation { org_id, .. }, Some(id)) if *org_id == id => {}
        (Caller::Organisation { .. }, _) => {
            return forbidden("another organisation's data");
        }
        (Caller::Admin { .. }, None) => return not_found().await,
        (Caller::Admin { .. }, Some(id)) => match state.store.organisation(id).await {
            Ok(Some(_)) => {}
            Ok(None) => return not_found().await,
            Err(error) => return internal(&error),
        },
    }
    let Some(id) = id else {
        return not_found().await;
    };
    match state.store.organisation_assessments(id).await {
        Ok(rows) => axum::Json(rows).into_response(),
        Err(error) => internal(&error),
    }
}

/// `GET /api/v1/assessments/{assessment_id}` (admin, or its organisation): the document as
/// submitted.
async fn assessment(
    State(state): Shared,
    headers: HeaderMap,
    Path(assessment_id): Path<String>,
) -> Response {
    let caller = match caller(&state, &headers).await {
        Ok(caller) => caller,
        Err(response) => return response,
    };
    let stored = match state.store.assessment(&assessment_id).await {
        Ok(Some(stored)) => stored,
        Ok(None) => return not_found().await,
        Err(error) => return internal(&error),
    };
    if let Caller::Organisation { org_id, .. } = caller
        && org_id != stored.org_id
    {
        return forbidden("another organisation's data");
    }
    (
        [(header::CONTENT_TYPE, "application/json")],
        stored.document,
    )
        .into_response()
}

/// `GET /api/v1/export.csv` (admin): one row per assessment.
async fn export(State(state): Shared, headers: HeaderMap) -> Response {
    match caller(&state, &headers).await {
        Ok(Caller::Admin { .. }) => {}
        Ok(Caller::Organisation { .. }) => return forbidden("admin tokens only"),
        Err(response) => return response,
    }
    match state.store.export_rows().await {
        Ok(rows) => (
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
                (
                    header::CONTENT_DISPOSITION,
                    "attachment; filename=\"posture-export.csv\"",
                ),
            ],
            csv(&rows),
        )
            .into_response(),
        Err(error) => internal(&error),
    }
}

/// A cell a spreadsheet will not run (as the report's CSV does, `reports/src/csv.rs`): text
/// starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading apostrophe.
fn inert(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

/// One CSV field, neutralised and quoted when it needs to be (RFC 4180).
fn field(cell: &str) -> String {
    let cell = inert(cell);
    if cell.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.into_owned()
    }
}

/// The export: BOM, a header row (the fixed columns, then a score and a level column per
/// domain, in the order they first appear), one row per assessment.
pub(crate) fn csv(rows: &[crate::store::AssessmentRow]) -> Vec<u8> {
    let mut domains: Vec<&str> = Vec::new();
    for row in rows {
        for domain in &row.domains {
            if !domains.contains(&domain.id.as_str()) {
                domains.push(&domain.id);
            }
        }
    }
    let number = |value: Option<f64>| value.map(|v| v.to_string()).unwrap_or_default();
    let level = |value: Option<u8>| value.map(|v| v.to_string()).unwrap_or_default();
    let mut lines = Vec::with_capacity(rows.len() + 1);
    let mut header: Vec<String> = ["organisation", "assessment_id", "date", "score", "level"]
        .iter()
        .map(|name| (*name).to_string())
        .collect();
    for id in &domains {
        header.push(format!("{id} score"));
        header.push(format!("{id} level"));
    }
    lines.push(header);
    for row in rows {
        let mut cells = vec![
            row.organisation.clone(),
            row.assessment_id.clone(),
            row.date.clone(),
            number(row.score),
            level(row.level),
        ];
        for id in &domains {
            let found = row.domains.iter().find(|domain| domain.id == *id);
            cells.push(number(found.and_then(|domain| domain.score)));
            cells.push(level(found.and_then(|domain| domain.level)));
        }
        lines.push(cells);
    }
    let mut out = b"\xEF\xBB\xBF".to_vec();
    for line in lines {
        let line: Vec<String> = line.iter().map(|cell| field(cell)).collect();
        out.extend_from_slice(line.join(",").as_bytes());
        out.extend_from_slice(b"\r\n");
    }
    out
}

/// The query of `GET /api/v1/benchmark`.
#[derive(Debug, serde::Deserialize)]
struct BenchmarkQuery {
    sector: Option<String>,
    size: Option<String>,
}

/// `GET /api/v1/benchmark?sector=S&size=BAND` (any valid token).
async fn benchmark(
    State(state): Shared,
    headers: HeaderMap,
    query: Result<Query<BenchmarkQuery>, axum::extract::rejection::QueryRejection>,
) -> Response {
    if let Err(response) = caller(&state, &headers).await {
        return response;
    }
    let missing = |field: &str| {
        (
            StatusCode::BAD_REQUEST,
            axum::Json(json!({ "error": format!("missing {field}"), "field": field })),
        )
            .into_response()
    };
    let Ok(Query(query)) = query else {
        return missing("sector");
    };
    let Some(sector) = query.sector.filter(|s| !s.trim().is_empty()) else {
        return missing("sector");
    };
    let Some(size) = query.size.filter(|s| !s.trim().is_empty()) else {
        return missing("size");
    };
    match state.store.benchmark(sector.trim(), size.trim()).await {
        Ok(benchmark) => axum::Json(benchmark).into_response(),
        Err(error) => internal(&error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{AssessmentRow, DomainScore};

    #[test]
    fn the_export_neutralises_formulas_and_quotes() {
        let rows = vec![AssessmentRow {
            assessment_id: "a1".into(),
            organisation: "=HYPERLINK(\"x\")".into(),
            date: "2026-01-02".into(),
            score: Some(62.5),
            level: Some(2),
            domains: vec![DomainScore {
                id: "GOV".into(),
                score: Some(50.0),
                level: None,
            }],
        }];
        let text = String::from_utf8(csv(&rows)).expect("utf-8");
        assert!(text.starts_with('\u{feff}'));
        let lines: Vec<&str> = text.trim_start_matches('\u{feff}').lines().collect();
        assert_eq!(
            lines[0],
            "organisation,assessment_id,date,score,level,GOV score,GOV level"
        );
        assert_eq!(
            lines[1],
            "\"'=HYPERLINK(\"\"x\"\")\",a1,2026-01-02,62.5,2,50,"
        );
    }
}
