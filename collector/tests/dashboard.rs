//! The dashboard (`posture serve` at `/`), driven through the server's router: signing in and
//! out, sessions (expiry, a revoked token, cookie flags), cross-site requests, the security
//! headers, escaping, and what each page shows (filters, sort, pages, the overdue rule, the heat
//! map's numbers, peers hidden under five). Each on SQLite, and on PostgreSQL when
//! `POSTURE_TEST_POSTGRES` names a server.

use std::time::Duration;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use collector::dashboard::{self, CSP, Options};
use collector::server::{self, Limits};
use collector::store::Store;
use tower::ServiceExt as _;

/// A store with an admin token and some organisations.
struct Fixture {
    _dir: Option<tempfile::TempDir>,
    store: Store,
    admin: String,
    admin_id: i64,
    org_token: String,
}

async fn fixture(store: Store, dir: Option<tempfile::TempDir>) -> Fixture {
    let admin = store.create_admin_token("Équipe SSI").await.expect("admin");
    let org = store
        .create_org_token("CPTS du Val", Some("CPTS"), Some("1-9"))
        .await
        .expect("org");
    Fixture {
        _dir: dir,
        store,
        admin: admin.secret,
        admin_id: admin.id,
        org_token: org.secret,
    }
}

async fn sqlite() -> Fixture {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite:{}", dir.path().join("collecte.db").display());
    let store = Store::open(&url).await.expect("store");
    fixture(store, Some(dir)).await
}

/// The PostgreSQL server the tests may use (`POSTURE_TEST_POSTGRES`), or `None`: skipped.
fn postgres_server(test: &str) -> Option<String> {
    let url = std::env::var("POSTURE_TEST_POSTGRES").ok();
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

fn with_database(url: &str, name: &str) -> String {
    let (scheme, rest) = url.split_once("://").expect("a URL");
    let (rest, query) = match rest.split_once('?') {
        Some((rest, query)) => (rest, format!("?{query}")),
        None => (rest, String::new()),
    };
    let host = rest.split('/').next().unwrap_or(rest);
    format!("{scheme}://{host}/{name}{query}")
}

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
                    let name = format!("posture_dash_{}", uuid::Uuid::new_v4().simple());
                    super::postgres_database(&base, &name, true).await;
                    let store = super::Store::open(&super::with_database(&base, &name))
                        .await
                        .expect("store");
                    super::$name(super::fixture(store.clone(), None).await).await;
                    drop(store);
                    super::postgres_database(&base, &name, false).await;
                }
            )*
        }
    };
}

on_both!(
    every_page_and_export_is_refused_when_signed_out,
    a_cross_site_post_is_refused,
    only_an_admin_token_signs_in,
    signing_out_ends_the_session,
    a_session_expires,
    revoking_the_admin_token_ends_its_sessions,
    the_cookie_has_its_flags,
    every_page_has_the_security_headers,
    names_are_escaped,
    organisations_are_filtered_sorted_and_paginated,
    the_overdue_are_those_past_their_date_or_six_months,
    the_heat_map_prints_each_level,
    peers_are_hidden_under_five,
    the_language_is_asked_remembered_or_the_browsers,
    sign_in_attempts_are_bounded,
    the_downloads_need_a_session_and_give_the_data,
    the_store_and_the_pages_filter_and_sort_alike,
    the_pages_follow_new_assessments,
    a_submission_and_a_new_token_show_on_the_very_next_view,
    the_latest_two_follow_every_submission_and_deletion,
);

/// An answer, its body as text.
struct Answer {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: String,
}

impl Answer {
    fn header(&self, name: header::HeaderName) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
    }

    fn location(&self) -> &str {
        self.header(header::LOCATION)
    }

    /// The session cookie set by this answer (`posture_session=…`), if any.
    fn session_cookie(&self) -> Option<String> {
        self.headers
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|v| v.starts_with("posture_session=") && !v.starts_with("posture_session=;"))
            .and_then(|v| v.split(';').next())
            .map(str::to_owned)
    }

    /// The CSRF token of the page's forms.
    fn csrf(&self) -> String {
        let marker = "name=\"csrf\" value=\"";
        let start = self.body.find(marker).expect("a form with a CSRF token") + marker.len();
        self.body[start..]
            .split('"')
            .next()
            .unwrap_or_default()
            .to_owned()
    }

    /// How many organisation rows the page lists.
    fn rows(&self) -> usize {
        self.body
            .matches("<th scope=\"row\"><a href=\"/organisations/")
            .count()
    }
}

async fn call(app: &axum::Router, request: Request<Body>) -> Answer {
    let response = app.clone().oneshot(request).await.expect("response");
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = axum::body::to_bytes(response.into_body(), 64 * 1024 * 1024)
        .await
        .expect("body");
    Answer {
        status,
        headers,
        // minijinja escapes `/` in HTML as `&#x2f;`, which browsers read as `/`.
        body: String::from_utf8_lossy(&bytes).replace("&#x2f;", "/"),
    }
}

fn get(path: &str, cookie: Option<&str>) -> Request<Body> {
    let mut request = Request::get(path).header(header::HOST, "dash.test");
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    request.body(Body::empty()).expect("request")
}

/// A form POST from the dashboard's own page (same origin), or from `origin`.
fn post(path: &str, form: &str, cookie: Option<&str>, origin: &str) -> Request<Body> {
    let mut request = Request::post(path)
        .header(header::HOST, "dash.test")
        .header(header::ORIGIN, origin)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    request.body(Body::from(form.to_owned())).expect("request")
}

const SAME: &str = "https://dash.test";

fn app(store: &Store) -> axum::Router {
    server::router_with(store.clone(), Limits::default())
}

fn app_with(store: &Store, options: Options) -> axum::Router {
    dashboard::router(store.clone(), options)
}

/// Signs in with `token`: the session cookie.
async fn sign_in(app: &axum::Router, token: &str) -> Option<String> {
    let answer = call(app, post("/login", &format!("token={token}"), None, SAME)).await;
    answer.session_cookie()
}

/// Files a sample assessment for organisation `name` (created when new), dated `months_ago`
/// months before today; returns the assessment id.
async fn submit(
    store: &Store,
    name: &str,
    sector: &str,
    size: &str,
    months_ago: u32,
    seed: u64,
) -> String {
    let token = store
        .create_org_token(name, Some(sector), Some(size))
        .await
        .expect("token");
    let org_id = match store.authenticate(&token.secret).await.expect("auth") {
        Some(collector::store::Caller::Organisation { org_id, .. }) => org_id,
        other => panic!("{other:?}"),
    };
    let today = chrono::Utc::now().date_naive();
    let first = today
        .checked_sub_months(chrono::Months::new(months_ago))
        .expect("date");
    let id = uuid::Uuid::new_v4().to_string();
    let doc = dashboard::sample::document(&id, name, sector, size, first, 0, seed);
    let bytes = serde_json::to_vec(&doc).expect("json");
    let valid = collector::document::validate(&bytes).expect("valid");
    store.submit(org_id, &valid).await.expect("submit");
    id
}

async fn any_org_id(store: &Store) -> i64 {
    store
        .dashboard_organisations()
        .await
        .expect("orgs")
        .first()
        .map(|o| o.id)
        .expect("an organisation")
}

const PAGES: [&str; 6] = [
    "/",
    "/organisations",
    "/heatmap",
    "/overdue",
    "/peers?sector=CPTS&size=1-9",
    "/organisations/1",
];

async fn every_page_and_export_is_refused_when_signed_out(fx: Fixture) {
    let assessment = submit(&fx.store, "CPTS du Val", "CPTS", "1-9", 1, 1).await;
    let id = any_org_id(&fx.store).await;
    let app = app(&fx.store);
    for cookie in [None, Some("posture_session=pst_forged")] {
        for path in PAGES {
            let path = path.replace("/organisations/1", &format!("/organisations/{id}"));
            let answer = call(&app, get(&path, cookie)).await;
            assert_eq!(answer.status, StatusCode::SEE_OTHER, "{path}");
            if path != "/" {
                assert!(answer.location().starts_with("/login"), "{path}");
            }
            assert!(!answer.body.contains("CPTS du Val"), "{path}");
        }
        for path in [
            "/export.csv".to_owned(),
            format!("/organisations/{id}/export.csv"),
            format!("/documents/{assessment}"),
        ] {
            let answer = call(&app, get(&path, cookie)).await;
            assert_eq!(answer.status, StatusCode::UNAUTHORIZED, "{path}");
            assert!(!answer.body.contains("CPTS"), "{path}");
        }
    }
    // The sign-in page and the assets are open.
    assert_eq!(call(&app, get("/login", None)).await.status, StatusCode::OK);
    assert_eq!(
        call(&app, get("/assets/dashboard.css", None)).await.status,
        StatusCode::OK
    );
}

async fn a_cross_site_post_is_refused(fx: Fixture) {
    let app = app(&fx.store);
    let form = format!("token={}", fx.admin);
    let answer = call(&app, post("/login", &form, None, "https://evil.test")).await;
    assert_eq!(answer.status, StatusCode::FORBIDDEN);
    assert!(answer.session_cookie().is_none());
    let mut request = post("/login", &form, None, SAME);
    request.headers_mut().insert(
        "sec-fetch-site",
        header::HeaderValue::from_static("cross-site"),
    );
    let answer = call(&app, request).await;
    assert_eq!(answer.status, StatusCode::FORBIDDEN);
    assert!(answer.session_cookie().is_none());

    let cookie = sign_in(&app, &fx.admin).await.expect("signed in");
    let page = call(&app, get("/organisations", Some(&cookie))).await;
    let csrf = page.csrf();
    // Sign-out from another site, or without the session's CSRF token: refused.
    let answer = call(
        &app,
        post(
            "/logout",
            &format!("csrf={csrf}"),
            Some(&cookie),
            "https://evil.test",
        ),
    )
    .await;
    assert_eq!(answer.status, StatusCode::FORBIDDEN);
    let answer = call(&app, post("/logout", "csrf=pst_wrong", Some(&cookie), SAME)).await;
    assert_eq!(answer.status, StatusCode::FORBIDDEN);
    let answer = call(&app, post("/logout", "", Some(&cookie), SAME)).await;
    assert_eq!(answer.status, StatusCode::FORBIDDEN);
    // Still signed in.
    let answer = call(&app, get("/organisations", Some(&cookie))).await;
    assert_eq!(answer.status, StatusCode::OK);
}

async fn only_an_admin_token_signs_in(fx: Fixture) {
    let app = app(&fx.store);
    for token in [fx.org_token.as_str(), "pst_not-a-token", ""] {
        let answer = call(&app, post("/login", &format!("token={token}"), None, SAME)).await;
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED, "{token}");
        assert!(answer.session_cookie().is_none());
        assert!(answer.body.contains("Jeton inconnu ou révoqué"));
    }
    let answer = call(
        &app,
        post("/login", &format!("token={}", fx.admin), None, SAME),
    )
    .await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER);
    assert_eq!(answer.location(), "/organisations");
    let cookie = answer.session_cookie().expect("cookie");
    assert!(!cookie.contains(&fx.admin), "the cookie is not the token");
    let page = call(&app, get("/organisations", Some(&cookie))).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Équipe SSI"));
}

async fn signing_out_ends_the_session(fx: Fixture) {
    let app = app(&fx.store);
    let cookie = sign_in(&app, &fx.admin).await.expect("signed in");
    let page = call(&app, get("/overdue", Some(&cookie))).await;
    let answer = call(
        &app,
        post(
            "/logout",
            &format!("csrf={}", page.csrf()),
            Some(&cookie),
            SAME,
        ),
    )
    .await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER);
    assert!(answer.location().starts_with("/login"));
    let cleared = answer.header(header::SET_COOKIE);
    assert!(cleared.starts_with("posture_session=;") && cleared.contains("Max-Age=0"));
    let answer = call(&app, get("/organisations", Some(&cookie))).await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER);
    let answer = call(&app, get("/export.csv", Some(&cookie))).await;
    assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
}

async fn a_session_expires(fx: Fixture) {
    let idle = app_with(
        &fx.store,
        Options {
            idle: Duration::from_secs(1),
            ..Options::default()
        },
    );
    let absolute = app_with(
        &fx.store,
        Options {
            absolute: Duration::from_secs(1),
            ..Options::default()
        },
    );
    let first = sign_in(&idle, &fx.admin).await.expect("signed in");
    let second = sign_in(&absolute, &fx.admin).await.expect("signed in");
    assert_eq!(
        call(&idle, get("/organisations", Some(&first)))
            .await
            .status,
        StatusCode::OK
    );
    tokio::time::sleep(Duration::from_millis(2500)).await;
    for (app, cookie) in [(&idle, &first), (&absolute, &second)] {
        let answer = call(app, get("/organisations", Some(cookie))).await;
        assert_eq!(answer.status, StatusCode::SEE_OTHER);
        assert!(
            answer.location().contains("notice=expired"),
            "{}",
            answer.location()
        );
        // Ended: even the default (longer) times no longer know it.
        let answer = call(
            &app_with(&fx.store, Options::default()),
            get("/organisations", Some(cookie)),
        )
        .await;
        assert_eq!(answer.status, StatusCode::SEE_OTHER);
    }
    let page = call(&idle, get("/login?notice=expired", None)).await;
    assert!(page.body.contains("Votre session a expiré"));
}

async fn revoking_the_admin_token_ends_its_sessions(fx: Fixture) {
    let app = app(&fx.store);
    let cookie = sign_in(&app, &fx.admin).await.expect("signed in");
    assert_eq!(
        call(&app, get("/heatmap", Some(&cookie))).await.status,
        StatusCode::OK
    );
    assert!(fx.store.revoke_token(fx.admin_id).await.expect("revoke"));
    let answer = call(&app, get("/heatmap", Some(&cookie))).await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER);
    assert_eq!(
        call(&app, get("/export.csv", Some(&cookie))).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert!(sign_in(&app, &fx.admin).await.is_none());
}

async fn the_cookie_has_its_flags(fx: Fixture) {
    let secure = call(
        &app(&fx.store),
        post("/login", &format!("token={}", fx.admin), None, SAME),
    )
    .await;
    let value = secure.header(header::SET_COOKIE).to_owned();
    for flag in ["HttpOnly", "SameSite=Strict", "Path=/", "Secure"] {
        assert!(
            value.split("; ").any(|part| part == flag),
            "{flag} in {value}"
        );
    }
    let plain = server::router_secure(fx.store.clone(), Limits::default(), false);
    let answer = call(
        &plain,
        post("/login", &format!("token={}", fx.admin), None, SAME),
    )
    .await;
    let value = answer.header(header::SET_COOKIE);
    assert!(value.contains("HttpOnly") && value.contains("SameSite=Strict"));
    assert!(!value.contains("Secure"), "{value}");
}

async fn every_page_has_the_security_headers(fx: Fixture) {
    submit(&fx.store, "CPTS du Val", "CPTS", "1-9", 1, 1).await;
    let id = any_org_id(&fx.store).await;
    let app = app(&fx.store);
    let cookie = sign_in(&app, &fx.admin).await.expect("signed in");
    let mut paths: Vec<String> = PAGES
        .iter()
        .map(|p| p.replace("/organisations/1", &format!("/organisations/{id}")))
        .collect();
    paths.extend([
        "/organisations/999999".to_owned(),
        "/heatmap?lang=en".to_owned(),
    ]);
    for path in &paths {
        let answer = call(&app, get(path, Some(&cookie))).await;
        assert_eq!(
            answer.header(header::CONTENT_SECURITY_POLICY),
            CSP,
            "{path}"
        );
        assert_eq!(answer.header(header::X_CONTENT_TYPE_OPTIONS), "nosniff");
        assert_eq!(answer.header(header::X_FRAME_OPTIONS), "DENY");
        // Nothing inline that the policy would block.
        assert!(!answer.body.contains("style="), "{path}");
        assert!(!answer.body.contains("<style"), "{path}");
        assert!(!answer.body.contains("<script>"), "{path}");
        for handler in ["onclick=", "onload=", "onerror=", "onchange=", "onsubmit="] {
            assert!(!answer.body.contains(handler), "{path}: {handler}");
        }
    }
    for path in ["/login", "/organisations"] {
        let answer = call(&app, get(path, None)).await;
        assert_eq!(
            answer.header(header::CONTENT_SECURITY_POLICY),
            CSP,
            "{path}"
        );
    }
    let missing = call(&app, get("/organisations/999999", Some(&cookie))).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
}

async fn names_are_escaped(fx: Fixture) {
    let evil = "<script>alert(1)</script>";
    submit(&fx.store, evil, "<b>S</b>", "1-9", 1, 3).await;
    fx.store
        .set_contact(evil, Some("\"><img src=x>"))
        .await
        .expect("contact");
    let app = app(&fx.store);
    let cookie = sign_in(&app, &fx.admin).await.expect("signed in");
    let id = fx
        .store
        .dashboard_organisations()
        .await
        .expect("orgs")
        .iter()
        .find(|o| o.name == evil)
        .map(|o| o.id)
        .expect("found");
    for path in [
        "/organisations".to_owned(),
        "/heatmap".to_owned(),
        format!("/organisations/{id}"),
        "/peers?sector=%3Cb%3ES%3C%2Fb%3E&size=1-9".to_owned(),
    ] {
        let answer = call(&app, get(&path, Some(&cookie))).await;
        assert_eq!(answer.status, StatusCode::OK, "{path}");
        assert!(!answer.body.contains("<script>alert"), "{path}");
        assert!(!answer.body.contains("<b>S</b>"), "{path}");
        assert!(!answer.body.contains("<img src=x>"), "{path}");
        assert!(
            answer.body.contains("&lt;script&gt;") || answer.body.contains("&lt;b&gt;"),
            "{path}"
        );
    }
}

async fn organisations_are_filtered_sorted_and_paginated(fx: Fixture) {
    // 52 organisations of which two EHPAD; the fixture's CPTS has no assessment.
    for index in 0..50u32 {
        submit(
            &fx.store,
            &format!("Cabinet {index:02}"),
            "Cabinet",
            "1-9",
            1,
            u64::from(index),
        )
        .await;
    }
    submit(&fx.store, "EHPAD Les Tilleuls", "EHPAD", "50-249", 1, 100).await;
    submit(&fx.store, "EHPAD Ker Anna", "EHPAD", "50-249", 2, 101).await;
    let app = app(&fx.store);
    let cookie = sign_in(&app, &fx.admin).await.expect("signed in");
    let first = call(&app, get("/organisations", Some(&cookie))).await;
    assert_eq!(first.rows(), 50);
    assert!(first.body.contains("53 organisations"));
    assert!(first.body.contains("Page 1 sur 2"));
    let second = call(&app, get("/organisations?page=2", Some(&cookie))).await;
    assert_eq!(second.rows(), 3);
    assert!(second.body.contains("EHPAD Les Tilleuls") && second.body.contains("CPTS du Val"));
    let first_count = first.rows();
    assert_eq!(first_count, 50);
    // A submission made since is seen at once.
    submit(&fx.store, "Cabinet nouveau", "Cabinet", "1-9", 1, 77).await;
    let again = call(&app, get("/organisations?page=2", Some(&cookie))).await;
    assert!(again.body.contains("54 organisations"));
    assert!(
        again.body.contains("Cabinet nouveau") || first.body.contains("Cabinet nouveau") || {
            let one = call(
                &app,
                get("/organisations?sector=Cabinet&page=2", Some(&cookie)),
            )
            .await;
            one.body.contains("Cabinet nouveau")
        }
    );
    let past = call(&app, get("/organisations?page=99", Some(&cookie))).await;
    assert_eq!(past.rows(), 4);
    assert!(past.body.contains("Page 2 sur 2"));
    let ehpad = call(&app, get("/organisations?sector=EHPAD", Some(&cookie))).await;
    assert_eq!(ehpad.rows(), 2);
    assert!(!ehpad.body.contains("Cabinet 0"));
    let big = call(
        &app,
        get(
            "/organisations?size=50-249&sort=name&dir=desc",
            Some(&cookie),
        ),
    )
    .await;
    let tilleuls = big.body.find("EHPAD Les Tilleuls").expect("listed");
    let ker_anna = big.body.find("EHPAD Ker Anna").expect("listed");
    assert!(tilleuls < ker_anna, "name descending");
    // By index, highest first: the first row has the highest score of all.
    let orgs = fx.store.dashboard_organisations().await.expect("orgs");
    let best = orgs
        .iter()
        .filter(|o| o.last.is_some())
        .max_by(|a, b| {
            let score = |o: &&collector::store::dashboard::DashboardOrg| {
                o.last.as_ref().and_then(|l| l.score).unwrap_or_default()
            };
            score(a).total_cmp(&score(b))
        })
        .expect("best");
    let sorted = call(
        &app,
        get("/organisations?sort=score&dir=desc", Some(&cookie)),
    )
    .await;
    let marker = "<th scope=\"row\"><a href=\"/organisations/";
    let first_row = sorted.body.find(marker).expect("a row") + marker.len();
    let first_id: i64 = sorted.body[first_row..]
        .split('"')
        .next()
        .and_then(|id| id.parse().ok())
        .expect("an id");
    let score_of = |id: i64| {
        orgs.iter()
            .find(|o| o.id == id)
            .and_then(|o| o.last.as_ref())
            .and_then(|l| l.score)
    };
    assert_eq!(score_of(first_id), score_of(best.id), "the best first");
    let level = best.last.as_ref().and_then(|l| l.level).expect("level");
    let by_level = call(
        &app,
        get(&format!("/organisations?level={level}"), Some(&cookie)),
    )
    .await;
    let expected = orgs
        .iter()
        .filter(|o| o.last.as_ref().and_then(|l| l.level) == Some(level))
        .count();
    assert_eq!(by_level.rows(), expected.min(50));
    // Unknown values are ignored, not errors.
    let odd = call(
        &app,
        get("/organisations?sort=nope&page=-3&level=x", Some(&cookie)),
    )
    .await;
    assert_eq!(odd.status, StatusCode::OK);
    assert_eq!(odd.rows(), 50);
}

async fn the_overdue_are_those_past_their_date_or_six_months(fx: Fixture) {
    submit(&fx.store, "Récente", "CPTS", "1-9", 2, 1).await;
    submit(&fx.store, "Ancienne", "CPTS", "1-9", 8, 2).await;
    fx.store
        .set_contact("Ancienne", Some("Mme Le Goff, 02 97 00 00 00"))
        .await
        .expect("contact");
    let app = app(&fx.store);
    let cookie = sign_in(&app, &fx.admin).await.expect("signed in");
    let page = call(&app, get("/overdue", Some(&cookie))).await;
    assert_eq!(page.rows(), 1);
    assert!(page.body.contains("Ancienne"));
    assert!(page.body.contains("Mme Le Goff, 02 97 00 00 00"));
    assert!(!page.body.contains("Récente"));
    assert!(page.body.contains(" jours"), "late by some days");
    let list = call(&app, get("/organisations?overdue=1", Some(&cookie))).await;
    assert_eq!(list.rows(), 1);
    assert!(list.body.contains("Réévaluation en retard"));
}

async fn the_heat_map_prints_each_level(fx: Fixture) {
    let id = submit(&fx.store, "CPTS du Val", "CPTS", "1-9", 1, 5).await;
    let app = app(&fx.store);
    let cookie = sign_in(&app, &fx.admin).await.expect("signed in");
    let page = call(&app, get("/heatmap", Some(&cookie))).await;
    assert_eq!(page.status, StatusCode::OK);
    let stored = fx
        .store
        .assessment(&id)
        .await
        .expect("read")
        .expect("stored");
    let doc: serde_json::Value = serde_json::from_str(&stored.document).expect("json");
    let domains = doc["domains"].as_array().expect("domains");
    // Each domain's title is a column; each level is a cell with its number and its class.
    for domain in domains {
        let title = domain["title"].as_str().expect("title");
        assert!(
            page.body.contains(&format!("<span>{title}</span>")),
            "{title}"
        );
        if let Some(level) = domain["level"].as_i64() {
            assert!(
                page.body
                    .contains(&format!("class=\"lvl lvl-{level}\" title=\"{title} —")),
                "{title}"
            );
        }
    }
    let cells = page.body.matches("<td class=\"lvl lvl-").count();
    let levels = domains.iter().filter(|d| d["level"].is_i64()).count();
    assert_eq!(cells, levels);
}

async fn peers_are_hidden_under_five(fx: Fixture) {
    for index in 0..4u32 {
        submit(
            &fx.store,
            &format!("EHPAD {index}"),
            "EHPAD",
            "50-249",
            1,
            u64::from(index),
        )
        .await;
    }
    let app = app(&fx.store);
    let cookie = sign_in(&app, &fx.admin).await.expect("signed in");
    let path = "/peers?sector=EHPAD&size=50-249";
    let page = call(&app, get(path, Some(&cookie))).await;
    assert!(page.body.contains("4 organisations"), "{}", page.body);
    assert!(page.body.contains("Moins de cinq organisations"));
    assert!(!page.body.contains("<svg"));
    assert!(!page.body.contains("Médiane"));
    submit(&fx.store, "EHPAD 4", "EHPAD", "50-249", 1, 4).await;
    let page = call(&app, get(path, Some(&cookie))).await;
    assert!(page.body.contains("5 organisations"));
    assert!(!page.body.contains("Moins de cinq organisations"));
    assert!(page.body.contains("<svg"));
    assert!(page.body.contains("Médiane"));
    assert!(page.body.contains("Gouvernance et conformité"));
    // The same figures as the API's benchmark.
    let benchmark = fx
        .store
        .benchmark("EHPAD", "50-249")
        .await
        .expect("benchmark");
    let overall = benchmark.overall.expect("overall");
    let median = i18n::Lang::Fr.score(overall.median);
    assert!(
        page.body
            .contains(&format!("<td class=\"num\">{median}</td>")),
        "{median}"
    );
    let none = call(&app, get("/peers", Some(&cookie))).await;
    assert!(none.body.contains("Choisissez un secteur"));
}

async fn the_language_is_asked_remembered_or_the_browsers(fx: Fixture) {
    let app = app(&fx.store);
    let cookie = sign_in(&app, &fx.admin).await.expect("signed in");
    let english = call(&app, get("/overdue?lang=en", Some(&cookie))).await;
    assert!(english.body.contains("<html lang=\"en\">"));
    assert!(english.body.contains("Overdue re-assessments"));
    let remembered = english.header(header::SET_COOKIE);
    assert!(remembered.starts_with("posture_lang=en"), "{remembered}");
    let both = format!("{cookie}; posture_lang=en");
    let again = call(&app, get("/overdue", Some(&both))).await;
    assert!(again.body.contains("Overdue re-assessments"));
    let mut request = get("/login", None);
    request.headers_mut().insert(
        header::ACCEPT_LANGUAGE,
        header::HeaderValue::from_static("en-GB,en;q=0.9"),
    );
    let login = call(&app, request).await;
    assert!(login.body.contains("Sign in with an admin token"));
    let french = call(&app, get("/login", None)).await;
    assert!(french.body.contains("Connectez-vous"));
}

async fn sign_in_attempts_are_bounded(fx: Fixture) {
    let app = app_with(
        &fx.store,
        Options {
            sign_in_burst: 3,
            sign_in_per_minute: 1,
            ..Options::default()
        },
    );
    for _ in 0..3 {
        let answer = call(&app, post("/login", "token=pst_guess", None, SAME)).await;
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
    }
    let answer = call(
        &app,
        post("/login", &format!("token={}", fx.admin), None, SAME),
    )
    .await;
    assert_eq!(answer.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(answer.session_cookie().is_none());
    assert_eq!(answer.header(header::RETRY_AFTER), "60");
}

async fn the_downloads_need_a_session_and_give_the_data(fx: Fixture) {
    let first = submit(&fx.store, "CPTS du Val", "CPTS", "1-9", 1, 9).await;
    let other = submit(&fx.store, "EHPAD Ker Anna", "EHPAD", "50-249", 1, 8).await;
    let app = app(&fx.store);
    let cookie = sign_in(&app, &fx.admin).await.expect("signed in");
    let all = call(&app, get("/export.csv", Some(&cookie))).await;
    assert_eq!(all.status, StatusCode::OK);
    assert!(all.body.starts_with('\u{feff}'));
    assert_eq!(all.body.lines().count(), 3);
    let id = fx
        .store
        .dashboard_organisations()
        .await
        .expect("orgs")
        .iter()
        .find(|o| o.name == "CPTS du Val")
        .map(|o| o.id)
        .expect("org");
    let page = call(&app, get(&format!("/organisations/{id}"), Some(&cookie))).await;
    assert!(
        page.body.contains(&format!("/documents/{first}")),
        "{}",
        page.body
    );
    assert!(
        page.body
            .contains(&format!("/organisations/{id}/export.csv"))
    );
    let one = call(
        &app,
        get(&format!("/organisations/{id}/export.csv"), Some(&cookie)),
    )
    .await;
    assert_eq!(one.body.lines().count(), 2);
    assert!(one.body.contains(&first) && !one.body.contains(&other));
    let doc = call(&app, get(&format!("/documents/{first}"), Some(&cookie))).await;
    let stored = fx
        .store
        .assessment(&first)
        .await
        .expect("read")
        .expect("stored");
    assert_eq!(doc.body, stored.document);
    assert!(
        doc.header(header::CONTENT_DISPOSITION)
            .starts_with("attachment")
    );
}

/// The store's filtered, sorted page (SQL, on `organisation_latest`) keeps the organisations
/// the dashboard's rules keep (written out in [`rules`], on the assessments themselves), in the
/// same order.
async fn the_store_and_the_pages_filter_and_sort_alike(fx: Fixture) {
    let sizes = ["1-9", "10-49", "50-249", "250+"];
    for index in 0..24u32 {
        let sector = ["CPTS", "EHPAD", "Clinique"][index as usize % 3];
        let size = sizes[(index as usize / 3) % 4];
        submit(
            &fx.store,
            &format!("Org {index:02}"),
            sector,
            size,
            1 + index % 9,
            u64::from(index),
        )
        .await;
    }
    let all = fx.store.dashboard_organisations().await.expect("orgs");
    let today = chrono::Utc::now().date_naive();
    let queries = [
        ("name", None, None, None, None),
        ("change", None, None, None, None),
        ("change", Some("desc"), None, Some("1-9"), None),
        ("size", None, None, None, Some("1")),
        ("score", None, None, None, None),
        ("name", Some("desc"), Some("EHPAD"), None, None),
        ("sector", None, None, Some("10-49"), None),
        ("size", Some("desc"), None, None, None),
        ("date", None, None, None, Some("1")),
        ("score", Some("desc"), Some("CPTS"), None, None),
        ("date", Some("desc"), None, None, None),
    ];
    for (sort, dir, sector, size, overdue) in queries {
        let query = dashboard::views::ListQuery {
            sort: Some(sort.to_owned()),
            dir: dir.map(str::to_owned),
            sector: sector.map(str::to_owned),
            size: size.map(str::to_owned),
            overdue: overdue.map(str::to_owned),
            ..Default::default()
        };
        let in_memory = rules::filter_and_sort(&all, &query, today);
        let page = fx
            .store
            .dashboard_page(
                &query.filter(today),
                query.order(),
                query.descending(),
                0,
                1000,
                None,
            )
            .await
            .expect("page");
        let in_sql: Vec<i64> = page.rows.iter().map(|org| org.id).collect();
        assert_eq!(
            in_memory, in_sql,
            "{sort} {dir:?} {sector:?} {size:?} {overdue:?}"
        );
        assert_eq!(page.total, i64::try_from(in_sql.len()).expect("count"));
        assert!(!in_sql.is_empty());
    }
}

/// An assessment filed for organisation `org_id` (no new token), `round` six months after a
/// first one dated `months_ago` months before today.
async fn submit_again(
    store: &Store,
    org_id: i64,
    name: &str,
    months_ago: u32,
    round: usize,
) -> String {
    let today = chrono::Utc::now().date_naive();
    let first = today
        .checked_sub_months(chrono::Months::new(months_ago))
        .expect("date");
    let id = uuid::Uuid::new_v4().to_string();
    let doc = dashboard::sample::document(&id, name, "CPTS", "1-9", first, round, 11);
    let bytes = serde_json::to_vec(&doc).expect("json");
    let valid = collector::document::validate(&bytes).expect("valid");
    store.submit(org_id, &valid).await.expect("submit");
    id
}

/// A new assessment of a known organisation shows at once: its date, index, change, and the
/// overdue badge gone.
async fn the_pages_follow_new_assessments(fx: Fixture) {
    submit(&fx.store, "Ancienne", "CPTS", "1-9", 8, 11).await;
    submit(&fx.store, "Autre", "CPTS", "1-9", 2, 12).await;
    let app = app(&fx.store);
    let cookie = sign_in(&app, &fx.admin).await.expect("signed in");
    let before = call(&app, get("/overdue", Some(&cookie))).await;
    assert!(before.body.contains("Ancienne"));
    let org = fx
        .store
        .dashboard_organisations()
        .await
        .expect("orgs")
        .into_iter()
        .find(|o| o.name == "Ancienne")
        .expect("found");
    // Six months after the first: two months ago, so no longer overdue.
    submit_again(&fx.store, org.id, "Ancienne", 8, 1).await;
    let after = call(&app, get("/overdue", Some(&cookie))).await;
    assert!(!after.body.contains("Ancienne"), "no longer overdue");
    let page = call(&app, get("/organisations", Some(&cookie))).await;
    let expected = fx
        .store
        .dashboard_organisations()
        .await
        .expect("orgs")
        .into_iter()
        .find(|o| o.name == "Ancienne")
        .expect("found");
    assert_eq!(expected.assessments, 2);
    let last = expected.last.expect("last");
    assert!(page.body.contains(&last.date), "{}", last.date);
    let change =
        last.score.expect("score") - expected.previous.and_then(|p| p.score).expect("score");
    let said = i18n::Lang::Fr.score(((change * 10.0).round() / 10.0).abs());
    assert!(page.body.contains(&said), "the change {said}");
}

/// The very next page view after a change shows it: a new assessment of a known organisation
/// (organisations, heat map, overdue), and a new token that moves the organisation to another
/// sector and size band (the list, its filter, the filter's choices).
async fn a_submission_and_a_new_token_show_on_the_very_next_view(fx: Fixture) {
    submit(&fx.store, "Ancienne", "CPTS", "1-9", 8, 11).await;
    let app = app(&fx.store);
    let cookie = sign_in(&app, &fx.admin).await.expect("signed in");
    // Every page seen once before the changes.
    for path in ["/organisations", "/heatmap", "/overdue"] {
        let answer = call(&app, get(path, Some(&cookie))).await;
        assert!(answer.body.contains("Ancienne"), "{path}");
    }
    let org_id = fx
        .store
        .dashboard_organisations()
        .await
        .expect("orgs")
        .into_iter()
        .find(|o| o.name == "Ancienne")
        .map(|o| o.id)
        .expect("found");
    let new = submit_again(&fx.store, org_id, "Ancienne", 8, 1).await;
    let date = fx
        .store
        .assessment(&new)
        .await
        .expect("read")
        .and_then(|stored| serde_json::from_str::<serde_json::Value>(&stored.document).ok())
        .and_then(|doc| doc["cover"]["date"].as_str().map(str::to_owned))
        .expect("a date");
    let list = call(&app, get("/organisations", Some(&cookie))).await;
    assert!(list.body.contains(&date), "the new date {date}");
    // The heat map prints the latest index: the new one, not the first one's.
    let org = fx
        .store
        .dashboard_organisations()
        .await
        .expect("orgs")
        .into_iter()
        .find(|o| o.id == org_id)
        .expect("found");
    let index = |summary: Option<&collector::store::dashboard::Summary>| {
        let score = summary.and_then(|s| s.score).expect("a score");
        format!("<td class=\"num\">{}</td>", i18n::Lang::Fr.score(score))
    };
    let (now, then) = (index(org.last.as_ref()), index(org.previous.as_ref()));
    assert_ne!(now, then, "the sample's two indexes differ");
    let heatmap = call(&app, get("/heatmap", Some(&cookie))).await;
    assert!(
        heatmap.body.contains(&now),
        "the heat map's new index {now}"
    );
    assert!(!heatmap.body.contains(&then), "not the first index {then}");
    let overdue = call(&app, get("/overdue", Some(&cookie))).await;
    assert!(!overdue.body.contains("Ancienne"), "no longer overdue");

    fx.store
        .create_org_token("Ancienne", Some("Clinique"), Some("250+"))
        .await
        .expect("token");
    let moved = call(&app, get("/organisations?sector=Clinique", Some(&cookie))).await;
    assert_eq!(moved.rows(), 1);
    assert!(moved.body.contains("Ancienne") && moved.body.contains("250+"));
    assert!(
        moved.body.contains("<option value=\"Clinique\""),
        "the new sector is offered"
    );
    let before = call(&app, get("/organisations?sector=CPTS", Some(&cookie))).await;
    assert!(
        !before.body.contains("Ancienne"),
        "no longer in its old sector"
    );
    let heatmap = call(&app, get("/heatmap?size=250%2B", Some(&cookie))).await;
    assert_eq!(heatmap.rows(), 1);
}

/// `organisation_latest` (kept by `Store::submit`) holds what the assessments say, whatever the
/// order they arrive in: an older assessment filed late, one filed twice, one of the same day;
/// and an organisation deleted takes its row with it.
async fn the_latest_two_follow_every_submission_and_deletion(fx: Fixture) {
    submit(&fx.store, "Première", "CPTS", "1-9", 3, 1).await;
    let second = submit(&fx.store, "Seconde", "EHPAD", "50-249", 13, 2).await;
    let orgs = fx.store.dashboard_organisations().await.expect("orgs");
    let id_of = |name: &str| {
        orgs.iter()
            .find(|o| o.name == name)
            .map(|o| o.id)
            .expect("org")
    };
    let (first_id, second_id) = (id_of("Première"), id_of("Seconde"));
    // Seconde: rounds 2 then 1 (older, filed late), then 1 again the same day.
    submit_again(&fx.store, second_id, "Seconde", 13, 2).await;
    submit_again(&fx.store, second_id, "Seconde", 13, 1).await;
    submit_again(&fx.store, second_id, "Seconde", 13, 1).await;
    // Filed twice: nothing changes.
    let stored = fx
        .store
        .assessment(&second)
        .await
        .expect("read")
        .expect("stored");
    let valid = collector::document::validate(stored.document.as_bytes()).expect("valid");
    fx.store.submit(second_id, &valid).await.expect("again");
    submit_again(&fx.store, first_id, "Première", 3, 0).await;

    let check = |expected: Vec<collector::store::dashboard::DashboardOrg>| {
        let store = fx.store.clone();
        async move {
            let page = store
                .dashboard_page(
                    &collector::store::dashboard::OrgFilter::default(),
                    collector::store::dashboard::OrgSort::Name,
                    false,
                    0,
                    1000,
                    None,
                )
                .await
                .expect("page");
            let mut listed = page.rows;
            listed.sort_by_key(|o| o.id);
            assert_eq!(listed, expected);
            assert_eq!(page.total, i64::try_from(expected.len()).expect("count"));
        }
    };
    let expected = fx.store.dashboard_organisations().await.expect("orgs");
    let seconde = expected.iter().find(|o| o.id == second_id).expect("found");
    assert_eq!(seconde.assessments, 4);
    assert!(seconde.previous.is_some());
    check(expected).await;
    assert!(
        fx.store
            .delete_organisation("Seconde")
            .await
            .expect("delete")
    );
    let expected = fx.store.dashboard_organisations().await.expect("orgs");
    assert!(expected.iter().all(|o| o.id != second_id));
    check(expected).await;
}

/// The migration fills `organisation_latest` from the assessments already stored: emptied, then
/// filled again by the migration's own statement, it holds what `Store::submit` keeps.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_migration_fills_the_latest_two_from_the_assessments() {
    let fx = sqlite().await;
    for index in 0..6u32 {
        let name = format!("Org {index}");
        submit(&fx.store, &name, "CPTS", "1-9", 2 + index, u64::from(index)).await;
    }
    let orgs = fx.store.dashboard_organisations().await.expect("orgs");
    for org in orgs.iter().filter(|o| o.last.is_some()).take(3) {
        submit_again(&fx.store, org.id, &org.name, 14, 2).await;
        submit_again(&fx.store, org.id, &org.name, 14, 1).await;
    }
    let expected = fx.store.dashboard_organisations().await.expect("orgs");
    let everyone = collector::store::dashboard::OrgFilter::default();
    let all = || {
        fx.store.dashboard_page(
            &everyone,
            collector::store::dashboard::OrgSort::Name,
            false,
            0,
            1000,
            None,
        )
    };
    let mut kept = all().await.expect("page").rows;
    kept.sort_by_key(|o| o.id);
    assert_eq!(kept, expected);

    let dir = fx._dir.as_ref().expect("a directory");
    sqlx::any::install_default_drivers();
    let url = format!("sqlite:{}", dir.path().join("collecte.db").display());
    let pool = sqlx::AnyPool::connect(&url).await.expect("pool");
    sqlx::query("DELETE FROM organisation_latest")
        .execute(&pool)
        .await
        .expect("emptied");
    let emptied = all().await.expect("page").rows;
    assert!(
        emptied
            .iter()
            .all(|o| o.last.is_none() && o.assessments == 0)
    );
    let migration = include_str!("../migrations/20261206180000_latest.sql");
    let fill = migration
        .find("INSERT INTO organisation_latest")
        .map(|at| &migration[at..])
        .expect("the back-fill");
    sqlx::query(fill).execute(&pool).await.expect("filled");
    pool.close().await;
    let mut filled = all().await.expect("page").rows;
    filled.sort_by_key(|o| o.id);
    assert_eq!(filled, expected);
}

/// The dashboard's list rules, written out on the organisations with their latest two
/// assessments as the assessments say (`Store::dashboard_organisations`): the reference the
/// store's SQL is checked against.
mod rules {
    use std::cmp::Ordering;

    use chrono::NaiveDate;
    use collector::dashboard::views::{ListQuery, Listed};
    use collector::store::dashboard::{DashboardOrg, OrgSort};

    fn size_rank(size: Option<&str>) -> usize {
        match size {
            Some("1-9") => 0,
            Some("10-49") => 1,
            Some("50-249") => 2,
            Some("250+") => 3,
            Some(_) => 4,
            None => 5,
        }
    }

    /// A missing value last, whatever the direction.
    fn missing_last<T: PartialOrd>(a: Option<T>, b: Option<T>, descending: bool) -> Ordering {
        match (a, b) {
            (Some(a), Some(b)) => {
                let order = a.partial_cmp(&b).unwrap_or(Ordering::Equal);
                if descending { order.reverse() } else { order }
            }
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        }
    }

    /// The ids of the organisations the query keeps, in order (then by name, then id).
    pub fn filter_and_sort(orgs: &[DashboardOrg], query: &ListQuery, today: NaiveDate) -> Vec<i64> {
        let filter = query.filter(today);
        let descending = query.descending();
        let mut rows: Vec<Listed<'_>> = orgs
            .iter()
            .filter(|org| {
                filter
                    .sector
                    .as_deref()
                    .is_none_or(|s| org.sector.as_deref() == Some(s))
            })
            .filter(|org| {
                filter
                    .size
                    .as_deref()
                    .is_none_or(|s| org.size.as_deref() == Some(s))
            })
            .filter(|org| {
                filter
                    .level
                    .is_none_or(|l| org.last.as_ref().and_then(|last| last.level) == Some(l))
            })
            .map(|org| Listed::new(org, today))
            .filter(|row| filter.overdue.is_none() || row.overdue())
            .collect();
        let by_name = |a: &Listed, b: &Listed| {
            a.org
                .name
                .to_lowercase()
                .cmp(&b.org.name.to_lowercase())
                .then(a.org.id.cmp(&b.org.id))
        };
        let order = query.order();
        rows.sort_by(|a, b| {
            let last_a = a.org.last.as_ref();
            let last_b = b.org.last.as_ref();
            let order = match order {
                OrgSort::Sector => {
                    missing_last(a.org.sector.as_ref(), b.org.sector.as_ref(), descending)
                }
                OrgSort::Size => missing_last(
                    Some(size_rank(a.org.size.as_deref())),
                    Some(size_rank(b.org.size.as_deref())),
                    descending,
                ),
                OrgSort::Date => {
                    missing_last(last_a.map(|l| &l.date), last_b.map(|l| &l.date), descending)
                }
                OrgSort::Score => missing_last(
                    last_a.and_then(|l| l.score),
                    last_b.and_then(|l| l.score),
                    descending,
                ),
                OrgSort::Change => missing_last(a.change, b.change, descending),
                OrgSort::Name => {
                    let order = by_name(a, b);
                    return if descending { order.reverse() } else { order };
                }
            };
            order.then_with(|| by_name(a, b))
        });
        rows.into_iter().map(|row| row.org.id).collect()
    }
}
