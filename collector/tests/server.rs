//! The collection server's API, driven through its router (and once over real TLS): every route
//! with every kind of caller, the bounds (size, type, rate), and that a resent assessment is
//! stored once. Each on SQLite, and on PostgreSQL when `POSTURE_TEST_POSTGRES` names a server.

use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use collector::server::{self, Config, Limits, Tls};
use collector::store::{Caller, Store};
use serde_json::{Value, json};
use tower::ServiceExt as _;

/// A report JSON document (`docs/report-json.md`) with the given `assessment_id`.
fn document(assessment_id: &str) -> Value {
    json!({
        "schema_version": 1,
        "assessment_id": assessment_id,
        "lang": "fr",
        "generated_at": "2026-11-02T10:00:00Z",
        "cover": {
            "organisation": "=CPTS du Val",
            "sector": "CPTS",
            "headcount": "1-9",
            "date": "2026-11-02",
            "auditor": "A. Auditrice",
            "participants": [],
            "profile": "essentiel",
            "profile_title": "Essentiel",
            "duration_minutes": 0,
            "duration_recorded": false,
            "planned_minutes": 60,
            "catalog_id": "posture-ssi",
            "catalog_version": "1.0.0",
            "catalog_hash": "sha256:00",
            "catalog_title": "Catalogue"
        },
        "overall": {
            "score": 62.5, "level": 2, "level_name": "Géré", "capped": false,
            "answered": 10, "total": 12
        },
        "domains": [
            {"id": "GOV", "title": "Gouvernance", "weight": 2, "applicable": true,
             "score": 50.0, "level": 2, "level_name": "Géré", "capped": false, "capped_by": [],
             "answered": 5, "total": 6, "previous_score": null},
            {"id": "PAT", "title": "Correctifs", "weight": 3, "applicable": true,
             "score": 75.0, "level": 3, "level_name": "Défini", "capped": false, "capped_by": [],
             "answered": 5, "total": 6, "previous_score": null}
        ],
        "measures": [],
        "answers": [],
        "to_check": [],
        "comparison": null,
        "next_assessment": "2027-05-02",
        "method": [],
        "machines": [],
        "discrepancies": [],
        "points_to_verify": []
    })
}

/// A store with an admin token, two organisations' tokens and a revoked one, on a temporary
/// SQLite file or a fresh PostgreSQL database.
struct Fixture {
    _dir: Option<tempfile::TempDir>,
    store: Store,
    /// The database's URL, for a second connection.
    url: String,
    admin: String,
    org_a: String,
    org_a_id: i64,
    org_b: String,
    org_b_id: i64,
    revoked: String,
}

async fn org_id(store: &Store, secret: &str) -> i64 {
    match store.authenticate(secret).await.expect("authenticate") {
        Some(Caller::Organisation { org_id, .. }) => org_id,
        other => panic!("not an organisation token: {other:?}"),
    }
}

async fn fixture(store: Store, dir: Option<tempfile::TempDir>, url: String) -> Fixture {
    let admin = store.create_admin_token("Équipe SSI").await.expect("admin");
    let org_a = store
        .create_org_token("CPTS du Val", Some("CPTS"), Some("1-9"))
        .await
        .expect("org a");
    let org_b = store
        .create_org_token("Clinique du Lac", Some("CPTS"), Some("1-9"))
        .await
        .expect("org b");
    let revoked = store
        .create_org_token("Centre revoqué", None, None)
        .await
        .expect("org c");
    assert!(store.revoke_token(revoked.id).await.expect("revoke"));
    let org_a_id = org_id(&store, &org_a.secret).await;
    let org_b_id = org_id(&store, &org_b.secret).await;
    assert_ne!(org_a_id, org_b_id);
    Fixture {
        _dir: dir,
        store,
        url,
        admin: admin.secret,
        org_a: org_a.secret,
        org_a_id,
        org_b: org_b.secret,
        org_b_id,
        revoked: revoked.secret,
    }
}

/// A fixture on a SQLite file in a temporary directory.
async fn sqlite() -> Fixture {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite:{}", dir.path().join("collecte.db").display());
    let store = Store::open(&url).await.expect("store");
    fixture(store, Some(dir), url).await
}

/// The PostgreSQL server the tests may use (`POSTURE_TEST_POSTGRES`, a URL whose user may
/// create databases; `.ci/postgres.sh` starts one), or `None`: the PostgreSQL variants skip.
fn postgres_server(test: &str) -> Option<String> {
    let url = std::env::var("POSTURE_TEST_POSTGRES").ok();
    // CI (.ci/run starts a server) must test PostgreSQL, not skip it.
    assert!(
        url.is_some() || std::env::var("CI").as_deref() != Ok("true"),
        "{test}: CI=true but POSTURE_TEST_POSTGRES is not set (.ci/run starts a server)"
    );
    if url.is_none() {
        eprintln!(
            "{test}: skipped on PostgreSQL (set POSTURE_TEST_POSTGRES=postgres://… to run it)"
        );
    }
    url
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

/// Creates (`create`) or drops a test database on the PostgreSQL server `base`.
async fn postgres_database(base: &str, name: &str, create: bool) {
    sqlx::any::install_default_drivers();
    let admin = sqlx::AnyPool::connect(base)
        .await
        .expect("PostgreSQL server");
    let statement = if create {
        format!("CREATE DATABASE {name}")
    } else {
        format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    };
    sqlx::query(&statement)
        .execute(&admin)
        .await
        .expect("create or drop a test database");
    admin.close().await;
}

/// Each test on SQLite, and on PostgreSQL when `POSTURE_TEST_POSTGRES` names a server.
macro_rules! on_both {
    ($($name:ident),* $(,)?) => {
        mod sqlite_backend {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    super::$name(super::sqlite().await).await;
                }
            )*
        }
        mod postgres_backend {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    let Some(base) = super::postgres_server(stringify!($name)) else {
                        return;
                    };
                    let name = format!("posture_server_{}", uuid::Uuid::new_v4().simple());
                    super::postgres_database(&base, &name, true).await;
                    let url = super::with_database(&base, &name);
                    let store = super::Store::open(&url).await.expect("store");
                    super::$name(super::fixture(store.clone(), None, url).await).await;
                    drop(store);
                    super::postgres_database(&base, &name, false).await;
                }
            )*
        }
    };
}

on_both!(
    every_route_answers_each_caller_as_it_should,
    the_read_routes_give_what_was_stored,
    a_resent_assessment_is_stored_once,
    bad_bodies_are_refused_and_nothing_is_stored,
    a_token_over_its_rate_waits,
    https_with_a_self_signed_certificate,
    a_request_in_flight_is_finished_on_shutdown,
    requests_without_a_valid_token_are_limited_per_address,
    healthz_answers_503_when_the_database_does_not,
    a_request_over_the_time_bound_answers_503,
);

/// Who calls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    Nobody,
    Unknown,
    Revoked,
    Admin,
    Own,
    Other,
}

const EVERYONE: [Who; 6] = [
    Who::Nobody,
    Who::Unknown,
    Who::Revoked,
    Who::Admin,
    Who::Own,
    Who::Other,
];

impl Fixture {
    fn token(&self, who: Who) -> Option<&str> {
        match who {
            Who::Nobody => None,
            Who::Unknown => Some("pst_not-a-token-we-made-0123456789"),
            Who::Revoked => Some(&self.revoked),
            Who::Admin => Some(&self.admin),
            Who::Own => Some(&self.org_a),
            Who::Other => Some(&self.org_b),
        }
    }
}

/// A response's status, headers and body.
struct Answer {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: Vec<u8>,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).expect("a JSON body")
    }
}

async fn call(app: &axum::Router, request: Request<Body>) -> Answer {
    let response = app.clone().oneshot(request).await.expect("infallible");
    let status = response.status();
    let headers = response.headers().clone();
    let body = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .expect("body")
        .to_vec();
    Answer {
        status,
        headers,
        body,
    }
}

fn get(path: &str, token: Option<&str>) -> Request<Body> {
    let mut request = Request::get(path);
    if let Some(token) = token {
        request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
    }
    request.body(Body::empty()).expect("request")
}

fn post(token: Option<&str>, content_type: Option<&str>, body: Vec<u8>) -> Request<Body> {
    let mut request = Request::post("/api/v1/assessments");
    if let Some(token) = token {
        request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
    }
    if let Some(content_type) = content_type {
        request = request.header(header::CONTENT_TYPE, content_type);
    }
    request.body(Body::from(body)).expect("request")
}

fn post_json(token: Option<&str>, document: &Value) -> Request<Body> {
    post(
        token,
        Some("application/json"),
        serde_json::to_vec(document).expect("json"),
    )
}

const ID_A: &str = "7d1c3f0e-5a8b-4c2d-9e6f-0a1b2c3d4e5f";
const ID_NEW: &str = "0f6e5d4c-3b2a-4190-8877-665544332211";

/// Every route with every caller: the status each gets.
async fn every_route_answers_each_caller_as_it_should(fx: Fixture) {
    let app = server::router(fx.store.clone());
    let stored = call(&app, post_json(fx.token(Who::Own), &document(ID_A))).await;
    assert_eq!(stored.status, StatusCode::CREATED);

    let org_a = fx.org_a_id;
    let unknown_org = fx.org_a_id.max(fx.org_b_id) + 1000;
    let denied = |who: Who| matches!(who, Who::Nobody | Who::Unknown | Who::Revoked);
    for who in EVERYONE {
        let token = fx.token(who);
        let expect = |allowed: bool, otherwise: StatusCode| {
            if denied(who) {
                StatusCode::UNAUTHORIZED
            } else if allowed {
                StatusCode::OK
            } else {
                otherwise
            }
        };
        let admin = who == Who::Admin;
        let cases: Vec<(String, StatusCode)> = vec![
            (
                "/api/v1/organisations".into(),
                expect(admin, StatusCode::FORBIDDEN),
            ),
            (
                format!("/api/v1/organisations/{org_a}/assessments"),
                expect(admin || who == Who::Own, StatusCode::FORBIDDEN),
            ),
            (
                format!("/api/v1/organisations/{unknown_org}/assessments"),
                if denied(who) {
                    StatusCode::UNAUTHORIZED
                } else if admin {
                    StatusCode::NOT_FOUND
                } else {
                    StatusCode::FORBIDDEN
                },
            ),
            (
                format!("/api/v1/assessments/{ID_A}"),
                expect(admin || who == Who::Own, StatusCode::FORBIDDEN),
            ),
            (
                "/api/v1/assessments/00000000-0000-4000-8000-000000000000".into(),
                expect(false, StatusCode::NOT_FOUND),
            ),
            (
                "/api/v1/export.csv".into(),
                expect(admin, StatusCode::FORBIDDEN),
            ),
            (
                "/api/v1/benchmark?sector=CPTS&size=1-9".into(),
                expect(true, StatusCode::OK),
            ),
            ("/healthz".into(), StatusCode::OK),
        ];
        for (path, status) in cases {
            let answer = call(&app, get(&path, token)).await;
            assert_eq!(answer.status, status, "GET {path} as {who:?}");
            if !answer.status.is_success() {
                let error = answer.json();
                assert!(error["error"].is_string(), "GET {path} as {who:?}: {error}");
            }
            if answer.status == StatusCode::UNAUTHORIZED {
                assert_eq!(answer.headers[header::WWW_AUTHENTICATE], "Bearer");
            }
        }
        // Posting: organisations write, admins read.
        let posted = call(&app, post_json(token, &document(ID_NEW))).await;
        let status = match who {
            Who::Nobody | Who::Unknown | Who::Revoked => StatusCode::UNAUTHORIZED,
            Who::Admin => StatusCode::FORBIDDEN,
            Who::Own => StatusCode::CREATED,
            // Stored by A just before, in this order.
            Who::Other => StatusCode::FORBIDDEN,
        };
        assert_eq!(posted.status, status, "POST as {who:?}");
    }
    // Nothing filed twice, nothing filed under B.
    let a = fx
        .store
        .organisation_assessments(fx.org_a_id)
        .await
        .expect("a");
    assert_eq!(a.len(), 2);
    let b = fx
        .store
        .organisation_assessments(fx.org_b_id)
        .await
        .expect("b");
    assert!(b.is_empty());
}

/// The bodies of the read routes: what the issue promises.
async fn the_read_routes_give_what_was_stored(fx: Fixture) {
    let app = server::router(fx.store.clone());
    let sent = document(ID_A);
    assert_eq!(
        call(&app, post_json(fx.token(Who::Own), &sent))
            .await
            .status,
        StatusCode::CREATED
    );

    let answer = call(
        &app,
        get(&format!("/api/v1/assessments/{ID_A}"), fx.token(Who::Admin)),
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK);
    assert!(
        answer.headers[header::CONTENT_TYPE]
            .to_str()
            .expect("ascii")
            .starts_with("application/json")
    );
    assert_eq!(answer.json(), sent);

    let path = format!("/api/v1/organisations/{}/assessments", fx.org_a_id);
    let rows = call(&app, get(&path, fx.token(Who::Own))).await.json();
    assert_eq!(rows[0]["assessment_id"], ID_A);
    assert_eq!(rows[0]["score"], 62.5);
    assert_eq!(rows[0]["domains"][0]["id"], "GOV");

    let orgs = call(&app, get("/api/v1/organisations", fx.token(Who::Admin)))
        .await
        .json();
    let orgs = orgs.as_array().expect("array");
    let a = orgs
        .iter()
        .find(|org| org["id"] == fx.org_a_id)
        .expect("organisation A listed");
    assert_eq!(a["assessments"], 1);
    assert_eq!(a["last"]["assessment_id"], ID_A);

    let csv = call(&app, get("/api/v1/export.csv", fx.token(Who::Admin))).await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.body.starts_with(b"\xEF\xBB\xBF"));
    let text = String::from_utf8(csv.body).expect("utf-8");
    assert!(text.contains("GOV score"), "{text}");
    assert!(text.contains(ID_A), "{text}");
    // The organisation as the store names it; a formula never starts a cell.
    assert!(!text.contains(",=") && !text.contains("\n="), "{text}");

    let benchmark = call(
        &app,
        get(
            "/api/v1/benchmark?sector=CPTS&size=1-9",
            fx.token(Who::Other),
        ),
    )
    .await
    .json();
    assert_eq!(benchmark["enough"], false);
    assert!(benchmark["overall"].is_null());
    let missing = call(
        &app,
        get("/api/v1/benchmark?sector=CPTS", fx.token(Who::Own)),
    )
    .await;
    assert_eq!(missing.status, StatusCode::BAD_REQUEST);
    assert_eq!(missing.json()["field"], "size");
}

/// A resent assessment: 201, then 200 with the same id, stored once.
async fn a_resent_assessment_is_stored_once(fx: Fixture) {
    let app = server::router(fx.store.clone());
    let first = call(&app, post_json(fx.token(Who::Own), &document(ID_A))).await;
    assert_eq!(first.status, StatusCode::CREATED);
    assert_eq!(first.json(), json!({ "id": ID_A }));
    let again = call(&app, post_json(fx.token(Who::Own), &document(ID_A))).await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(again.json(), json!({ "id": ID_A }));
    let other = call(&app, post_json(fx.token(Who::Other), &document(ID_A))).await;
    assert_eq!(other.status, StatusCode::FORBIDDEN);
    let rows = fx.store.export_rows().await.expect("rows");
    assert_eq!(rows.len(), 1);
}

/// Bad requests get their 4xx and store nothing.
async fn bad_bodies_are_refused_and_nothing_is_stored(fx: Fixture) {
    let limits = Limits::default();
    let app = server::router_with(fx.store.clone(), limits);
    let own = fx.token(Who::Own);
    let body = serde_json::to_vec(&document(ID_A)).expect("json");

    // Not JSON: no content type, or another.
    let none = call(&app, post(own, None, body.clone())).await;
    assert_eq!(none.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let text = call(&app, post(own, Some("text/plain"), body.clone())).await;
    assert_eq!(text.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    // JSON with a charset is JSON.
    let charset = call(
        &app,
        post(own, Some("application/json; charset=utf-8"), body),
    )
    .await;
    assert_eq!(charset.status, StatusCode::CREATED);

    // Over 1 MiB, declared or not.
    let mut big = document(ID_NEW);
    big["method"] = json!(["x".repeat(limits.body_bytes)]);
    let big = serde_json::to_vec(&big).expect("json");
    let declared = Request::post("/api/v1/assessments")
        .header(header::AUTHORIZATION, format!("Bearer {}", fx.org_a))
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::CONTENT_LENGTH, big.len())
        .body(Body::from(big.clone()))
        .expect("request");
    assert_eq!(
        call(&app, declared).await.status,
        StatusCode::PAYLOAD_TOO_LARGE
    );
    let streamed = call(&app, post(own, Some("application/json"), big)).await;
    assert_eq!(streamed.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(streamed.json()["error"].is_string());

    // Malformed, or failing the schema: 400 with the field.
    let truncated = call(
        &app,
        post(
            own,
            Some("application/json"),
            b"{\"schema_version\": 1,".to_vec(),
        ),
    )
    .await;
    assert_eq!(truncated.status, StatusCode::BAD_REQUEST);
    assert!(truncated.json()["error"].is_string());
    assert!(truncated.json()["field"].is_string());
    let mut out_of_range = document(ID_NEW);
    out_of_range["overall"]["score"] = json!(150);
    let answer = call(&app, post_json(own, &out_of_range)).await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    let field = answer.json()["field"].as_str().expect("field").to_string();
    assert!(field.contains("score"), "{field}");
    let mut version = document(ID_NEW);
    version["schema_version"] = json!(99);
    let answer = call(&app, post_json(own, &version)).await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert!(
        answer.json()["field"]
            .as_str()
            .expect("field")
            .contains("schema_version")
    );
    let non_utf8 = call(
        &app,
        post(own, Some("application/json"), vec![b'{', 0xFF, 0xFE, b'}']),
    )
    .await;
    assert_eq!(non_utf8.status, StatusCode::BAD_REQUEST);

    // Only the one good document is there.
    let rows = fx.store.export_rows().await.expect("rows");
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].assessment_id, ID_A);
}

/// Over its rate, a token gets 429 with Retry-After; another token is not held back.
async fn a_token_over_its_rate_waits(fx: Fixture) {
    let limits = Limits {
        rate_per_second: 0.5,
        burst: 3.0,
        ..Limits::default()
    };
    let app = server::router_with(fx.store.clone(), limits);
    let path = format!("/api/v1/organisations/{}/assessments", fx.org_a_id);
    for _ in 0..3 {
        assert_eq!(
            call(&app, get(&path, fx.token(Who::Own))).await.status,
            StatusCode::OK
        );
    }
    let held = call(&app, get(&path, fx.token(Who::Own))).await;
    assert_eq!(held.status, StatusCode::TOO_MANY_REQUESTS);
    let wait: u64 = held.headers[header::RETRY_AFTER]
        .to_str()
        .expect("ascii")
        .parse()
        .expect("seconds");
    assert!((1..=2).contains(&wait), "{wait}");
    // A POST from the same token is held back too, and stores nothing.
    let posted = call(&app, post_json(fx.token(Who::Own), &document(ID_A))).await;
    assert_eq!(posted.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(fx.store.export_rows().await.expect("rows").is_empty());
    let admin = call(&app, get(&path, fx.token(Who::Admin))).await;
    assert_eq!(admin.status, StatusCode::OK);
}

/// A client trusting the self-signed certificate, as `posture submit --ca` does.
fn client(cert_pem: &str) -> reqwest::blocking::Client {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut roots = rustls::RootCertStore::empty();
    use rustls::pki_types::pem::PemObject as _;
    for cert in rustls::pki_types::CertificateDer::pem_slice_iter(cert_pem.as_bytes()) {
        roots.add(cert.expect("certificate")).expect("root");
    }
    let tls = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("versions")
        .with_root_certificates(roots)
        .with_no_client_auth();
    reqwest::blocking::Client::builder()
        .tls_backend_preconfigured(tls)
        .no_proxy()
        .timeout(Duration::from_secs(10))
        .build()
        .expect("client")
}

/// Over real HTTPS on 127.0.0.1:0 with a self-signed certificate: healthz and one submission,
/// then a graceful stop.
async fn https_with_a_self_signed_certificate(fx: Fixture) {
    let made = Tls::self_signed(&[]).expect("certificate");
    let listener = server::bind("127.0.0.1:0".parse().expect("address")).expect("bind");
    let address = listener.local_addr().expect("address");
    let url = server::url(address, true);
    assert!(
        url.starts_with("https://127.0.0.1:") && !url.ends_with(":0"),
        "{url}"
    );
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let config = Config {
        listener,
        tls: Some(made.tls.clone()),
        limits: Limits::default(),
        grace: Duration::from_secs(5),
    };
    let running = tokio::spawn(server::serve(config, fx.store.clone(), async move {
        let _ = stopped.await;
    }));

    let token = fx.org_a.clone();
    let cert = made.cert_pem.clone();
    let base = url.clone();
    let (health, created, again) = tokio::task::spawn_blocking(move || {
        let client = client(&cert);
        let health = client
            .get(format!("{base}/healthz"))
            .send()
            .expect("healthz");
        let send = || {
            client
                .post(format!("{base}/api/v1/assessments"))
                .bearer_auth(&token)
                .header("content-type", "application/json")
                .body(serde_json::to_vec(&document(ID_A)).expect("json"))
                .send()
                .expect("post")
        };
        let created = send();
        let again = send();
        (health.status(), created.status(), again.status())
    })
    .await
    .expect("client thread");
    assert_eq!(health.as_u16(), 200);
    assert_eq!(created.as_u16(), 201);
    assert_eq!(again.as_u16(), 200);

    // A client that does not trust the certificate gets no answer.
    let base = url.clone();
    let untrusted = tokio::task::spawn_blocking(move || {
        let other = Tls::self_signed(&[]).expect("certificate");
        client(&other.cert_pem)
            .get(format!("{base}/healthz"))
            .send()
    })
    .await
    .expect("client thread");
    assert!(untrusted.is_err());

    stop.send(()).expect("server running");
    let result = tokio::time::timeout(Duration::from_secs(10), running)
        .await
        .expect("stops in time")
        .expect("task");
    assert!(result.is_ok(), "{result:?}");
    assert_eq!(fx.store.export_rows().await.expect("rows").len(), 1);
}

/// SIGTERM's graceful stop: a request in flight when the stop comes (its body half sent) is
/// finished and answered, then the server returns.
async fn a_request_in_flight_is_finished_on_shutdown(fx: Fixture) {
    use std::io::{Read as _, Write as _};
    let listener = server::bind("127.0.0.1:0".parse().expect("address")).expect("bind");
    let address = listener.local_addr().expect("address");
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let config = Config {
        listener,
        tls: None,
        limits: Limits::default(),
        grace: Duration::from_secs(5),
    };
    let running = tokio::spawn(server::serve(config, fx.store.clone(), async move {
        let _ = stopped.await;
    }));

    let body = serde_json::to_vec(&document(ID_A)).expect("json");
    let token = fx.org_a.clone();
    let (half_sent, half) = tokio::sync::oneshot::channel::<()>();
    let (go, wait_go) = std::sync::mpsc::channel::<()>();
    let client = tokio::task::spawn_blocking(move || {
        let mut stream = std::net::TcpStream::connect(address).expect("connect");
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .expect("timeout");
        let head = format!(
            "POST /api/v1/assessments HTTP/1.1\r\nHost: {address}\r\nAuthorization: Bearer {token}\r\n\
             Content-Type: application/json\r\nContent-Length: {}\r\n\r\n",
            body.len()
        );
        let (first, rest) = body.split_at(body.len() / 2);
        stream.write_all(head.as_bytes()).expect("head");
        stream.write_all(first).expect("first half");
        stream.flush().expect("flush");
        let _ = half_sent.send(());
        wait_go.recv().expect("go");
        stream.write_all(rest).expect("second half");
        let mut answer = Vec::new();
        let _ = stream.read_to_end(&mut answer);
        String::from_utf8_lossy(&answer).into_owned()
    });
    half.await.expect("half sent");
    tokio::time::sleep(Duration::from_millis(100)).await;
    stop.send(()).expect("server running");
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(
        !running.is_finished(),
        "the server left a request in flight"
    );
    go.send(()).expect("client waiting");
    let answer = client.await.expect("client thread");
    assert!(answer.starts_with("HTTP/1.1 201"), "{answer}");
    let result = tokio::time::timeout(Duration::from_secs(10), running)
        .await
        .expect("stops in time")
        .expect("task");
    assert!(result.is_ok(), "{result:?}");
    assert_eq!(fx.store.export_rows().await.expect("rows").len(), 1);
}

/// `request` as if it came from `address` (the server adds this to every request it accepts).
fn from(address: &str, mut request: Request<Body>) -> Request<Body> {
    let address: std::net::SocketAddr = address.parse().expect("address");
    request
        .extensions_mut()
        .insert(axum::extract::ConnectInfo(address));
    request
}

/// Requests answered 401 are counted per client address: past the burst, 429 with Retry-After;
/// another address has its own count, and a valid token from the counted address still passes.
async fn requests_without_a_valid_token_are_limited_per_address(fx: Fixture) {
    let limits = Limits {
        unauthenticated_rate_per_second: 0.2,
        unauthenticated_burst: 3.0,
        ..Limits::default()
    };
    let app = server::router_with(fx.store.clone(), limits);
    let path = format!("/api/v1/organisations/{}/assessments", fx.org_a_id);
    let attacker = "192.0.2.7:40000";
    let unknown = fx.token(Who::Unknown);
    for _ in 0..2 {
        let answer = call(&app, from(attacker, get(&path, unknown))).await;
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
    }
    // No token at all counts too, and so does a bad POST.
    let answer = call(&app, from(attacker, post_json(None, &document(ID_A)))).await;
    assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
    let held = call(&app, from(attacker, get(&path, unknown))).await;
    assert_eq!(held.status, StatusCode::TOO_MANY_REQUESTS);
    let wait: u64 = held.headers[header::RETRY_AFTER]
        .to_str()
        .expect("ascii")
        .parse()
        .expect("seconds");
    assert!((1..=5).contains(&wait), "{wait}");
    assert_eq!(held.json()["error"], "too many requests");
    // Another port of the same address is the same client.
    let held = call(
        &app,
        from("192.0.2.7:40001", get(&path, fx.token(Who::Revoked))),
    )
    .await;
    assert_eq!(held.status, StatusCode::TOO_MANY_REQUESTS);
    // A valid token from that address is served.
    let own = call(&app, from(attacker, get(&path, fx.token(Who::Own)))).await;
    assert_eq!(own.status, StatusCode::OK);
    // Another address has its own count.
    let other = call(&app, from("198.51.100.1:5000", get(&path, unknown))).await;
    assert_eq!(other.status, StatusCode::UNAUTHORIZED);
    assert!(fx.store.export_rows().await.expect("rows").is_empty());
}

/// `/healthz` answers 200 while the database answers, 503 once it does not (its connections
/// closed).
async fn healthz_answers_503_when_the_database_does_not(fx: Fixture) {
    let app = server::router(fx.store.clone());
    assert_eq!(
        call(&app, get("/healthz", None)).await.status,
        StatusCode::OK
    );
    fx.store.close().await;
    let answer = call(&app, get("/healthz", None)).await;
    assert_eq!(answer.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(answer.json()["error"], "database unavailable");
}

/// A request that takes longer than the bound (here a submission waiting for a database another
/// connection holds locked) is answered 503; once the lock is gone, the same submission is
/// stored.
async fn a_request_over_the_time_bound_answers_503(fx: Fixture) {
    use sqlx::Connection as _;
    sqlx::any::install_default_drivers();
    let mut holder = sqlx::AnyConnection::connect(&fx.url)
        .await
        .expect("second connection");
    if fx.url.starts_with("sqlite:") {
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
    let limits = Limits {
        request_timeout: Duration::from_millis(300),
        ..Limits::default()
    };
    let app = server::router_with(fx.store.clone(), limits);
    let started = std::time::Instant::now();
    let answer = call(&app, post_json(fx.token(Who::Own), &document(ID_A))).await;
    assert_eq!(answer.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(answer.json()["error"], "request timed out");
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    // Reads do not wait for the lock, and are within the bound.
    let health = call(&app, get("/healthz", None)).await;
    assert_eq!(health.status, StatusCode::OK);

    sqlx::query("ROLLBACK")
        .execute(&mut holder)
        .await
        .expect("unlock");
    holder.close().await.expect("close");
    let app = server::router(fx.store.clone());
    let stored = call(&app, post_json(fx.token(Who::Own), &document(ID_A))).await;
    assert_eq!(stored.status, StatusCode::CREATED);
}

/// A client that sends half a request line, or over TLS nothing at all, is disconnected once
/// the header time bound has passed (not only when the client gives up).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_slow_client_is_disconnected() {
    use std::io::{Read as _, Write as _};
    let fx = sqlite().await;
    let bound = Duration::from_millis(400);
    let limits = Limits {
        header_timeout: bound,
        ..Limits::default()
    };
    for tls in [false, true] {
        let listener = server::bind("127.0.0.1:0".parse().expect("address")).expect("bind");
        let address = listener.local_addr().expect("address");
        let made = Tls::self_signed(&[]).expect("certificate");
        let config = Config {
            listener,
            tls: tls.then(|| made.tls.clone()),
            limits,
            grace: Duration::from_secs(1),
        };
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let running = tokio::spawn(server::serve(config, fx.store.clone(), async move {
            let _ = stopped.await;
        }));
        let took = tokio::task::spawn_blocking(move || {
            let mut stream = std::net::TcpStream::connect(address).expect("connect");
            stream
                .set_read_timeout(Some(Duration::from_secs(10)))
                .expect("timeout");
            let started = std::time::Instant::now();
            if !tls {
                stream.write_all(b"GET /heal").expect("half a line");
                stream.flush().expect("flush");
            }
            // The server closes the connection (an end of file or a reset), or answers
            // without waiting for the rest: either way, before the client's own 10 s.
            let mut answer = Vec::new();
            let read = stream.read_to_end(&mut answer);
            let took = started.elapsed();
            assert!(
                read.is_ok()
                    || read
                        .as_ref()
                        .is_err_and(|e| e.kind() != std::io::ErrorKind::WouldBlock
                            && e.kind() != std::io::ErrorKind::TimedOut),
                "{read:?}"
            );
            took
        })
        .await
        .expect("client thread");
        assert!(
            took >= bound.mul_f64(0.9),
            "tls {tls}: closed after {took:?}"
        );
        assert!(
            took < Duration::from_secs(5),
            "tls {tls}: closed after {took:?}"
        );
        stop.send(()).expect("server running");
        let _ = tokio::time::timeout(Duration::from_secs(10), running).await;
    }
}
