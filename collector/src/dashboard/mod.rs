//! The SSI team's dashboard, served by `posture serve` at `/` (issue 11): who stands where, who
//! progressed, who is overdue, and where a sector's members stand among their peers.
//!
//! Server-rendered HTML (minijinja, `collector/templates`) that works without JavaScript, French
//! first with English, a strict Content-Security-Policy (no inline style or script: the CSS and
//! the small script are files it serves), charts drawn as SVG on the server (`charts`) with their
//! figures in a table beside them. Every page and export needs a signed-in SSI team member
//! ([`auth`]): pages redirect to the sign-in form, exports answer `401`.

pub mod auth;
mod render;
#[doc(hidden)]
pub mod sample;
pub mod views;

use std::sync::Arc;

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use i18n::Lang;
use serde::{Deserialize, Serialize};

pub use auth::Options;

use crate::store::dashboard::{DashboardOrg, Session};
use crate::store::{Caller, Store};
use views::{ListQuery, Listed};

/// The Content-Security-Policy of every dashboard response.
pub const CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self' data:; \
     script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

const CSS: &str = include_str!("../../assets/dashboard.css");
const JS: &str = include_str!("../../assets/dashboard.js");

/// What the dashboard's handlers share.
#[derive(Debug)]
struct Dashboard {
    store: Store,
    options: Options,
    sign_in: auth::SignInLimiter,
}

type Shared = State<Arc<Dashboard>>;

/// The dashboard's routes, to be merged into the server's router (any state: this one carries
/// its own).
pub fn router<S>(store: Store, options: Options) -> Router<S>
where
    S: Clone + Send + Sync + 'static,
{
    let state = Arc::new(Dashboard {
        store,
        sign_in: auth::SignInLimiter::new(&options),
        options,
    });
    Router::new()
        .route("/", get(home))
        .route("/login", get(login_form).post(login))
        .route("/logout", post(logout))
        .route("/organisations", get(organisations))
        .route("/organisations/{id}", get(organisation))
        .route("/organisations/{id}/export.csv", get(organisation_csv))
        .route("/heatmap", get(heatmap))
        .route("/overdue", get(overdue))
        .route("/peers", get(peers))
        .route("/export.csv", get(export_csv))
        .route("/documents/{assessment_id}", get(document))
        .route("/assets/dashboard.css", get(css))
        .route("/assets/dashboard.js", get(js))
        .layer(middleware::from_fn(security_headers))
        .with_state(state)
}

/// The headers every dashboard response carries.
async fn security_headers(request: axum::extract::Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    headers
        .entry(header::CACHE_CONTROL)
        .or_insert(HeaderValue::from_static("no-store"));
    response
}

async fn css() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        CSS,
    )
        .into_response()
}

async fn js() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        JS,
    )
        .into_response()
}

/// The language query parameter of every page.
#[derive(Debug, Default, Deserialize)]
struct LangQuery {
    lang: Option<String>,
    notice: Option<String>,
}

/// A page's frame: its language (and whether to remember it), the signed-in member.
struct Page {
    lang: Lang,
    remember: bool,
    session: Option<Session>,
    path: String,
    query: String,
}

impl Page {
    /// Renders `template` with the frame (language, member, CSRF token, the link to the other
    /// language, the active section) and `extra`; remembers the language when asked.
    fn html(
        &self,
        state: &Dashboard,
        template: &str,
        active: &str,
        extra: minijinja::Value,
    ) -> Response {
        let other = match self.lang {
            Lang::Fr => "en",
            Lang::En => "fr",
        };
        let separator = if self.query.is_empty() { "" } else { "&" };
        let frame = minijinja::context! {
            lang => self.lang.code(),
            other_href => format!("{}?{}{separator}lang={other}", self.path, self.query),
            active => active,
            user => self.session.as_ref().map(|s| s.name.clone()),
            csrf => self.session.as_ref().map(|s| s.csrf.clone()),
        };
        let context = minijinja::value::merge_maps([extra, frame]);
        match render::render(template, context) {
            Ok(body) => {
                let mut response =
                    ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], body).into_response();
                if self.remember
                    && let Ok(value) = HeaderValue::from_str(&render::lang_cookie(
                        self.lang,
                        state.options.secure_cookies,
                    ))
                {
                    response.headers_mut().append(header::SET_COOKIE, value);
                }
                response
            }
            Err(_) => error_page(self.lang, StatusCode::INTERNAL_SERVER_ERROR, "internal"),
        }
    }
}

/// A bare error page (no frame): `kind` is `internal`, `cross-site` or `not-found`.
fn error_page(lang: Lang, status: StatusCode, kind: &str) -> Response {
    let body = render::render(
        "error.html",
        minijinja::context! { lang => lang.code(), kind => kind },
    )
    .unwrap_or_else(|_| "error".to_owned());
    (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        body,
    )
        .into_response()
}

/// The store failed: logged (never a secret), a 500 page.
fn store_failed(lang: Lang, error: &crate::store::StoreError) -> Response {
    tracing::error!(error = %error, "dashboard store");
    error_page(lang, StatusCode::INTERNAL_SERVER_ERROR, "internal")
}

/// The raw query string without its `lang` parameter.
fn query_without_lang(uri: &axum::http::Uri) -> String {
    uri.query()
        .unwrap_or_default()
        .split('&')
        .filter(|pair| !pair.is_empty() && !pair.starts_with("lang="))
        .collect::<Vec<_>>()
        .join("&")
}

/// The page's frame for a signed-in member, or the response to give instead: the sign-in page
/// (a redirect) when there is no session.
async fn signed_in(
    state: &Dashboard,
    headers: &HeaderMap,
    uri: &axum::http::Uri,
) -> Result<Page, Response> {
    let asked = uri.query().and_then(|query| {
        query
            .split('&')
            .find_map(|pair| pair.strip_prefix("lang="))
            .map(str::to_owned)
    });
    let (lang, remember) = render::negotiate(headers, asked.as_deref());
    match auth::session(&state.store, headers, &state.options).await {
        Ok((session, _)) => Ok(Page {
            lang,
            remember,
            session: Some(session),
            path: uri.path().to_owned(),
            query: query_without_lang(uri),
        }),
        Err(auth::NoSession::Store(error)) => Err(store_failed(lang, &error)),
        Err(reason) => {
            let mut target = format!("/login?lang={}", lang.code());
            if matches!(reason, auth::NoSession::Expired) {
                target.push_str("&notice=expired");
            }
            Err(Redirect::to(&target).into_response())
        }
    }
}

/// Exports answer `401` without a session.
async fn signed_in_export(state: &Dashboard, headers: &HeaderMap) -> Result<Session, Response> {
    match auth::session(&state.store, headers, &state.options).await {
        Ok((session, _)) => Ok(session),
        Err(auth::NoSession::Store(error)) => Err(store_failed(Lang::Fr, &error)),
        Err(_) => Err((StatusCode::UNAUTHORIZED, "sign in first\n").into_response()),
    }
}

async fn home() -> Response {
    Redirect::to("/organisations").into_response()
}

/// `GET /login`: the sign-in form (or the organisations, when already signed in).
async fn login_form(
    State(state): Shared,
    headers: HeaderMap,
    query: Result<Query<LangQuery>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let query = query.map(|Query(query)| query).unwrap_or_default();
    if auth::session(&state.store, &headers, &state.options)
        .await
        .is_ok()
    {
        return Redirect::to("/organisations").into_response();
    }
    let (lang, remember) = render::negotiate(&headers, query.lang.as_deref());
    let notice = match query.notice.as_deref() {
        Some("expired") => "expired",
        Some("signed-out") => "signed-out",
        _ => "",
    };
    login_page(&state, lang, remember, StatusCode::OK, notice)
}

fn login_page(
    state: &Dashboard,
    lang: Lang,
    remember: bool,
    status: StatusCode,
    notice: &str,
) -> Response {
    let page = Page {
        lang,
        remember,
        session: None,
        path: "/login".to_owned(),
        query: String::new(),
    };
    let mut response = page.html(
        state,
        "login.html",
        "login",
        minijinja::context! { notice => notice },
    );
    *response.status_mut() = status;
    response
}

/// The sign-in form's fields.
#[derive(Debug, Deserialize)]
struct LoginForm {
    token: String,
    lang: Option<String>,
}

/// `POST /login`: an admin token opens a session.
async fn login(
    State(state): Shared,
    client: Option<axum::Extension<axum::extract::ConnectInfo<std::net::SocketAddr>>>,
    headers: HeaderMap,
    form: Result<axum::Form<LoginForm>, axum::extract::rejection::FormRejection>,
) -> Response {
    let asked = form.as_ref().ok().and_then(|f| f.lang.clone());
    let (lang, _) = render::negotiate(&headers, asked.as_deref());
    if !auth::same_origin(&headers) {
        return error_page(lang, StatusCode::FORBIDDEN, "cross-site");
    }
    let address = client.map(|axum::Extension(info)| info.0.ip());
    if !state.sign_in.take(address) {
        let mut response = login_page(
            &state,
            lang,
            false,
            StatusCode::TOO_MANY_REQUESTS,
            "too-many",
        );
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, auth::retry_after());
        return response;
    }
    let token = form.map(|f| f.token.trim().to_owned()).unwrap_or_default();
    let token_id = match state.store.authenticate(&token).await {
        Ok(Some(Caller::Admin { token_id, .. })) => token_id,
        Ok(_) => return login_page(&state, lang, false, StatusCode::UNAUTHORIZED, "refused"),
        Err(error) => return store_failed(lang, &error),
    };
    let absolute = i64::try_from(state.options.absolute.as_secs()).unwrap_or(i64::MAX);
    let (secret, _) = match state
        .store
        .create_session(token_id, auth::now(), absolute)
        .await
    {
        Ok(created) => created,
        Err(error) => return store_failed(lang, &error),
    };
    let mut response = Redirect::to("/organisations").into_response();
    if let Ok(value) = HeaderValue::from_str(&auth::session_cookie(&secret, &state.options)) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response
}

/// The sign-out form's field.
#[derive(Debug, Deserialize)]
struct CsrfForm {
    csrf: String,
}

/// `POST /logout`: ends the session (same origin and the session's CSRF token required).
async fn logout(
    State(state): Shared,
    headers: HeaderMap,
    form: Result<axum::Form<CsrfForm>, axum::extract::rejection::FormRejection>,
) -> Response {
    let (lang, _) = render::negotiate(&headers, None);
    if !auth::same_origin(&headers) {
        return error_page(lang, StatusCode::FORBIDDEN, "cross-site");
    }
    let (session, secret) = match auth::session(&state.store, &headers, &state.options).await {
        Ok(found) => found,
        Err(auth::NoSession::Store(error)) => return store_failed(lang, &error),
        Err(_) => return Redirect::to("/login").into_response(),
    };
    let sent = form.map(|f| f.csrf.clone()).unwrap_or_default();
    if !auth::csrf_matches(&session, &sent) {
        return error_page(lang, StatusCode::FORBIDDEN, "cross-site");
    }
    if let Err(error) = state.store.end_session(&secret).await {
        return store_failed(lang, &error);
    }
    let mut response = Redirect::to("/login?notice=signed-out").into_response();
    if let Ok(value) = HeaderValue::from_str(&auth::cleared_cookie(&state.options)) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response
}

/// Today, for the overdue rule.
fn today() -> chrono::NaiveDate {
    chrono::Utc::now().date_naive()
}

/// A row of the organisations page, ready to print.
#[derive(Debug, Serialize)]
struct OrgView {
    id: i64,
    name: String,
    sector: String,
    size: String,
    contact: String,
    date: String,
    score: String,
    level: Option<u8>,
    level_name: String,
    change: String,
    change_label: String,
    trend: &'static str,
    first: bool,
    overdue: bool,
    due: String,
    late_days: i64,
}

fn org_view(row: &Listed, lang: Lang) -> OrgView {
    let last = row.org.last.as_ref();
    let (change, change_label, trend) = match row.change {
        Some(delta) if delta > 0.0 => {
            let points = render::score(lang, delta);
            (
                render::say(
                    lang,
                    &i18n::Message::new("dash-change-up").arg("points", points.as_str()),
                ),
                render::say(
                    lang,
                    &i18n::Message::new("dash-change-up-label").arg("points", points.as_str()),
                ),
                "up",
            )
        }
        Some(delta) if delta < 0.0 => {
            let points = render::score(lang, -delta);
            (
                render::say(
                    lang,
                    &i18n::Message::new("dash-change-down").arg("points", points.as_str()),
                ),
                render::say(
                    lang,
                    &i18n::Message::new("dash-change-down-label").arg("points", points.as_str()),
                ),
                "down",
            )
        }
        Some(_) => (
            render::say(lang, &i18n::Message::new("dash-change-same")),
            String::new(),
            "same",
        ),
        None => (String::new(), String::new(), "none"),
    };
    let level = last.and_then(|l| l.level);
    OrgView {
        id: row.org.id,
        name: row.org.name.clone(),
        sector: row.org.sector.clone().unwrap_or_default(),
        size: row.org.size.clone().unwrap_or_default(),
        contact: row.org.contact.clone().unwrap_or_default(),
        date: last.map(|l| l.date.clone()).unwrap_or_default(),
        score: last
            .and_then(|l| l.score)
            .map(|s| render::score(lang, s))
            .unwrap_or_default(),
        level,
        level_name: level
            .map(|l| i18n::level_name(l).get(lang).to_owned())
            .unwrap_or_default(),
        change,
        change_label,
        trend,
        first: row.org.assessments == 1,
        overdue: row.overdue(),
        due: row.due.map(|d| d.to_string()).unwrap_or_default(),
        late_days: row.late_days.unwrap_or_default(),
    }
}

/// The filter form's choices: the sectors and the size bands (smallest first) that the
/// organisations' tokens name.
fn choices(bands: &[(String, String)]) -> (Vec<String>, Vec<String>) {
    let mut sectors: Vec<String> = bands.iter().map(|(sector, _)| sector.clone()).collect();
    sectors.sort();
    sectors.dedup();
    let mut sizes: Vec<String> = bands.iter().map(|(_, size)| size.clone()).collect();
    sizes.sort_by_key(|size| {
        (
            ["1-9", "10-49", "50-249", "250+"]
                .iter()
                .position(|band| band == size)
                .unwrap_or(usize::MAX),
            size.clone(),
        )
    });
    sizes.dedup();
    (sectors, sizes)
}

/// The organisations of the query's page, with the filter form's choices and the pager.
struct Listing {
    orgs: Vec<DashboardOrg>,
    total: usize,
    page: usize,
    pages: usize,
    sectors: Vec<String>,
    sizes: Vec<String>,
}

impl Listing {
    /// The page's rows, worked out as of `today`.
    fn rows(&self, today: chrono::NaiveDate) -> Vec<Listed<'_>> {
        self.orgs
            .iter()
            .map(|org| Listed::new(org, today))
            .collect()
    }
}

/// The start of the pages that list organisations: the signed-in member's page, and the
/// organisations `query` keeps (or the response that ends the request: sign in, a store error).
async fn listed(
    state: &Dashboard,
    headers: &HeaderMap,
    uri: &axum::http::Uri,
    query: &ListQuery,
) -> Result<(Page, Listing), Response> {
    let page = signed_in(state, headers, uri).await?;
    match listing(state, query).await {
        Ok(listing) => Ok((page, listing)),
        Err(error) => Err(store_failed(page.lang, &error)),
    }
}

/// The query's page of organisations, filtered, sorted and paged by the database
/// ([`Store::dashboard_page`]); a page past the last one gives the last one.
async fn listing(
    state: &Dashboard,
    query: &ListQuery,
) -> Result<Listing, crate::store::StoreError> {
    let today = today();
    let filter = query.filter(today);
    let (order, descending) = (query.order(), query.descending());
    let size = i64::try_from(views::PAGE_SIZE).unwrap_or(i64::MAX);
    let at = |page: usize| {
        i64::try_from(page.saturating_sub(1)).map_or(i64::MAX, |p| p.saturating_mul(size))
    };
    let mut page = query.page();
    let mut found = state
        .store
        .dashboard_page(&filter, order, descending, at(page), size, None)
        .await?;
    let total = usize::try_from(found.total).unwrap_or_default();
    if page > views::last_page(total) {
        page = views::last_page(total);
        found = state
            .store
            .dashboard_page(&filter, order, descending, at(page), size, None)
            .await?;
    }
    let bands = state.store.dashboard_bands().await?;
    let (sectors, sizes) = choices(&bands);
    Ok(Listing {
        orgs: found.rows,
        total,
        page,
        pages: views::last_page(total),
        sectors,
        sizes,
    })
}

/// The context shared by the organisations page and the heat map: filters, sort links, pager.
fn listing_context(
    listing: &Listing,
    query: &ListQuery,
    base: &str,
    lang: Lang,
) -> minijinja::Value {
    let sort_key = query.sort_key();
    let descending = query.descending();
    let columns: [(&str, Option<&str>); 8] = [
        ("dash-col-name", Some("name")),
        ("dash-col-sector", Some("sector")),
        ("dash-col-size", Some("size")),
        ("dash-col-date", Some("date")),
        ("dash-col-index", Some("score")),
        ("dash-col-level", None),
        ("dash-col-change", Some("change")),
        ("dash-col-status", None),
    ];
    let headers: Vec<minijinja::Value> = columns
        .iter()
        .map(|(label, column)| {
            let label = render::say(lang, &i18n::Message::new(*label));
            let Some(column) = column else {
                return minijinja::context! { label => label };
            };
            let active = *column == sort_key;
            let dir = if active && !descending { "desc" } else { "asc" };
            let order = match (active, descending) {
                (false, _) => None,
                (true, false) => Some("ascending"),
                (true, true) => Some("descending"),
            };
            let said = order.map(|order| {
                let id = if order == "descending" {
                    "dash-sort-descending"
                } else {
                    "dash-sort-ascending"
                };
                render::say(lang, &i18n::Message::new(id))
            });
            minijinja::context! {
                label => label,
                href => format!("{base}?{}", query.with(&[("sort", Some(column)), ("dir", Some(dir)), ("page", None)])),
                order => order,
                said => said,
            }
        })
        .collect();
    let page_href = |page: usize| {
        let page = page.to_string();
        format!("{base}?{}", query.with(&[("page", Some(page.as_str()))]))
    };
    minijinja::context! {
        total => listing.total,
        page => listing.page,
        pages => listing.pages,
        previous_href => (listing.page > 1).then(|| page_href(listing.page - 1)),
        next_href => (listing.page < listing.pages).then(|| page_href(listing.page + 1)),
        sectors => listing.sectors,
        sizes => listing.sizes,
        filter => minijinja::context! {
            sector => query.sector.clone().unwrap_or_default(),
            size => query.size.clone().unwrap_or_default(),
            level => query.level.clone().unwrap_or_default(),
            overdue => query.overdue.as_deref() == Some("1"),
            sort => query.sort.clone().unwrap_or_default(),
            dir => query.dir.clone().unwrap_or_default(),
        },
        headers => headers,
        base => base,
    }
}

/// `GET /organisations`.
async fn organisations(
    State(state): Shared,
    headers: HeaderMap,
    uri: axum::http::Uri,
    query: Result<Query<ListQuery>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let query = query.map(|Query(q)| q).unwrap_or_default();
    let (page, listing) = match listed(&state, &headers, &uri, &query).await {
        Ok(listed) => listed,
        Err(response) => return response,
    };
    let rows: Vec<OrgView> = listing
        .rows(today())
        .iter()
        .map(|row| org_view(row, page.lang))
        .collect();
    let extra = minijinja::value::merge_maps([
        minijinja::context! { rows => rows },
        listing_context(&listing, &query, "/organisations", page.lang),
    ]);
    page.html(&state, "organisations.html", "organisations", extra)
}

/// `GET /heatmap`: the organisations of the page × the domains of their latest assessments.
async fn heatmap(
    State(state): Shared,
    headers: HeaderMap,
    uri: axum::http::Uri,
    query: Result<Query<ListQuery>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let query = query.map(|Query(q)| q).unwrap_or_default();
    let (page, listing) = match listed(&state, &headers, &uri, &query).await {
        Ok(listed) => listed,
        Err(response) => return response,
    };
    let listed = listing.rows(today());
    let ids: Vec<&str> = listed
        .iter()
        .filter_map(|row| row.org.last.as_ref().map(|l| l.assessment_id.as_str()))
        .collect();
    let domains = match state.store.dashboard_domains(&ids).await {
        Ok(domains) => domains,
        Err(error) => return store_failed(page.lang, &error),
    };
    // The columns: the domains in the order of the first document; their titles from it.
    let mut columns: Vec<(String, String)> = match ids.first() {
        Some(id) => match state.store.assessment(id).await {
            Ok(Some(stored)) => serde_json::from_str(&stored.document)
                .map(|doc| views::domain_titles(&doc))
                .unwrap_or_default(),
            Ok(None) => Vec::new(),
            Err(error) => return store_failed(page.lang, &error),
        },
        None => Vec::new(),
    };
    for id in &ids {
        for domain in domains.get(*id).into_iter().flatten() {
            if !columns.iter().any(|(known, _)| *known == domain.id) {
                columns.push((domain.id.clone(), domain.id.clone()));
            }
        }
    }
    let rows: Vec<minijinja::Value> = listed
        .iter()
        .map(|row| {
            let found = row
                .org
                .last
                .as_ref()
                .and_then(|l| domains.get(&l.assessment_id));
            let cells: Vec<minijinja::Value> = columns
                .iter()
                .map(|(id, title)| {
                    let domain = found.and_then(|d| d.iter().find(|d| d.id == *id));
                    minijinja::context! {
                        domain => id,
                        title => title,
                        level => domain.and_then(|d| d.level),
                        score => domain.and_then(|d| d.score).map(|s| render::score(page.lang, s)),
                    }
                })
                .collect();
            minijinja::context! {
                org => org_view(row, page.lang),
                assessed => row.org.last.is_some(),
                cells => cells,
            }
        })
        .collect();
    let levels: Vec<minijinja::Value> = (0..=4u8)
        .map(|level| minijinja::context! { level => level, name => i18n::level_name(level).get(page.lang) })
        .collect();
    let columns: Vec<minijinja::Value> = columns
        .iter()
        .map(|(id, title)| minijinja::context! { id => id, title => title })
        .collect();
    let extra = minijinja::value::merge_maps([
        minijinja::context! { rows => rows, columns => columns, levels => levels },
        listing_context(&listing, &query, "/heatmap", page.lang),
    ]);
    page.html(&state, "heatmap.html", "heatmap", extra)
}

/// `GET /overdue`: who is late for re-assessment, the latest first.
async fn overdue(
    State(state): Shared,
    headers: HeaderMap,
    uri: axum::http::Uri,
    query: Result<Query<ListQuery>, axum::extract::rejection::QueryRejection>,
) -> Response {
    // The overdue only, the oldest assessment first (the latest for re-assessment), 50 a page.
    let asked = query.map(|Query(q)| q).unwrap_or_default();
    let query = ListQuery {
        overdue: Some("1".to_owned()),
        sort: Some("date".to_owned()),
        dir: None,
        page: asked.page,
        ..ListQuery::default()
    };
    let (page, listing) = match listed(&state, &headers, &uri, &query).await {
        Ok(listed) => listed,
        Err(response) => return response,
    };
    let rows: Vec<OrgView> = listing
        .rows(today())
        .iter()
        .map(|row| org_view(row, page.lang))
        .collect();
    let extra = minijinja::value::merge_maps([
        listing_context(&listing, &query, "/overdue", page.lang),
        minijinja::context! { rows => rows },
    ]);
    page.html(&state, "overdue.html", "overdue", extra)
}

/// The peers page's query.
#[derive(Debug, Default, Deserialize)]
struct PeersQuery {
    sector: Option<String>,
    size: Option<String>,
}

/// `GET /peers?sector=S&size=BAND`: the quartiles per domain of a sector and size band.
async fn peers(
    State(state): Shared,
    headers: HeaderMap,
    uri: axum::http::Uri,
    query: Result<Query<PeersQuery>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let page = match signed_in(&state, &headers, &uri).await {
        Ok(page) => page,
        Err(response) => return response,
    };
    let lang = page.lang;
    let query = query.map(|Query(q)| q).unwrap_or_default();
    let bands = match state.store.dashboard_bands().await {
        Ok(bands) => bands,
        Err(error) => return store_failed(lang, &error),
    };
    let (sectors, sizes) = choices(&bands);
    let sector = query
        .sector
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty());
    let size = query
        .size
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty());
    let mut extra = minijinja::context! {
        sectors => sectors,
        sizes => sizes,
        sector => sector.clone().unwrap_or_default(),
        size => size.clone().unwrap_or_default(),
        chosen => false,
    };
    if let (Some(sector), Some(size)) = (sector, size) {
        let scores = match state.store.dashboard_peers(&sector, &size).await {
            Ok(scores) => scores,
            Err(error) => return store_failed(lang, &error),
        };
        let enough = scores.count >= crate::store::BENCHMARK_MINIMUM;
        let mut rows = Vec::new();
        let mut chart = String::new();
        let overall = crate::store::quartiles(scores.overall.clone());
        if enough {
            let titles = match &scores.sample {
                Some(id) => match state.store.assessment(id).await {
                    Ok(Some(stored)) => serde_json::from_str(&stored.document)
                        .map(|doc| views::domain_titles(&doc))
                        .unwrap_or_default(),
                    Ok(None) => Vec::new(),
                    Err(error) => return store_failed(lang, &error),
                },
                None => Vec::new(),
            };
            let mut boxes = Vec::new();
            for (id, values) in &scores.domains {
                let Some(q) = crate::store::quartiles(values.clone()) else {
                    continue;
                };
                let title = titles
                    .iter()
                    .find(|(known, _)| known == id)
                    .map_or(id.clone(), |(_, title)| title.clone());
                rows.push(minijinja::context! {
                    id => id,
                    title => title.clone(),
                    p25 => render::score(lang, q.p25),
                    median => render::score(lang, q.median),
                    p75 => render::score(lang, q.p75),
                });
                boxes.push(charts::BoxRow {
                    label: title,
                    p25: q.p25,
                    median: q.median,
                    p75: q.p75,
                    marker: None,
                });
            }
            let values: Vec<String> = boxes
                .iter()
                .map(|b| {
                    format!(
                        "{} {} / {} / {}",
                        b.label,
                        render::score(lang, b.p25),
                        render::score(lang, b.median),
                        render::score(lang, b.p75)
                    )
                })
                .collect();
            let title = render::say(lang, &i18n::Message::new("dash-peers-chart-title"));
            let description = render::say(
                lang,
                &i18n::Message::new("dash-peers-chart-desc")
                    .arg("values", values.join(list_separator(lang))),
            );
            chart = charts::box_plot(&charts::BoxPlot {
                title: &title,
                description: &description,
                rows: &boxes,
            });
        }
        // The later map wins.
        extra = minijinja::value::merge_maps([
            extra,
            minijinja::context! {
                chosen => true,
                count => scores.count,
                enough => enough,
                rows => rows,
                chart => minijinja::Value::from_safe_string(chart),
                overall => overall.map(|q| minijinja::context! {
                    p25 => render::score(lang, q.p25),
                    median => render::score(lang, q.median),
                    p75 => render::score(lang, q.p75),
                }),
            },
        ]);
    }
    page.html(&state, "peers.html", "peers", extra)
}

/// Between the items of a list written in a sentence.
fn list_separator(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "\u{202f}; ",
        Lang::En => "; ",
    }
}

/// `GET /organisations/{id}`: one organisation over time.
async fn organisation(
    State(state): Shared,
    headers: HeaderMap,
    uri: axum::http::Uri,
    Path(id): Path<String>,
) -> Response {
    let page = match signed_in(&state, &headers, &uri).await {
        Ok(page) => page,
        Err(response) => return response,
    };
    let lang = page.lang;
    let not_found = || error_page(lang, StatusCode::NOT_FOUND, "not-found");
    let Ok(id) = id.parse::<i64>() else {
        return not_found();
    };
    let org = match state.store.dashboard_organisation(id).await {
        Ok(Some(org)) => org,
        Ok(None) => return not_found(),
        Err(error) => return store_failed(lang, &error),
    };
    let assessments = match state.store.organisation_assessments(id).await {
        Ok(rows) => rows,
        Err(error) => return store_failed(lang, &error),
    };
    let document = |summary: Option<&crate::store::dashboard::Summary>| {
        let store = state.store.clone();
        let assessment_id = summary.map(|s| s.assessment_id.clone());
        async move {
            let Some(assessment_id) = assessment_id else {
                return Ok(None);
            };
            Ok::<_, crate::store::StoreError>(store.assessment(&assessment_id).await?.and_then(
                |stored| serde_json::from_str::<serde_json::Value>(&stored.document).ok(),
            ))
        }
    };
    let (latest, previous) = match (
        document(org.last.as_ref()).await,
        document(org.previous.as_ref()).await,
    ) {
        (Ok(latest), Ok(previous)) => (latest, previous),
        (Err(error), _) | (_, Err(error)) => return store_failed(lang, &error),
    };
    let listed = Listed::new(&org, today());

    // The index over time.
    let points: Vec<charts::LinePoint> = assessments
        .iter()
        .filter_map(|a| {
            a.score.map(|value| charts::LinePoint {
                label: a.date.clone(),
                value,
            })
        })
        .collect();
    let said: Vec<String> = points
        .iter()
        .map(|p| format!("{} {}", p.label, render::score(lang, p.value)))
        .collect();
    let line_title = render::say(lang, &i18n::Message::new("dash-org-chart-index-title"));
    let line_desc = render::say(
        lang,
        &i18n::Message::new("dash-org-chart-index-desc")
            .arg("points", said.join(list_separator(lang))),
    );
    let line = (!points.is_empty()).then(|| {
        charts::line_chart(&charts::LineChart {
            title: &line_title,
            description: &line_desc,
            points: &points,
        })
    });

    // The domains of the last two assessments.
    let titles = latest
        .as_ref()
        .map(views::domain_titles)
        .unwrap_or_default();
    let last_row = assessments.last();
    let previous_row = (assessments.len() >= 2).then(|| &assessments[assessments.len() - 2]);
    let score_of = |row: Option<&crate::store::AssessmentRow>, id: &str| {
        row.and_then(|r| r.domains.iter().find(|d| d.id == id))
            .and_then(|d| d.score)
    };
    let mut axes: Vec<(String, String)> = titles.clone();
    if axes.is_empty()
        && let Some(row) = last_row
    {
        axes = row
            .domains
            .iter()
            .map(|d| (d.id.clone(), d.id.clone()))
            .collect();
    }
    let deltas: Vec<minijinja::Value> = axes
        .iter()
        .map(|(id, title)| {
            let before = score_of(previous_row, id);
            let after = score_of(last_row, id);
            let delta = match (before, after) {
                (Some(b), Some(a)) => Some(((a - b) * 10.0).round() / 10.0),
                _ => None,
            };
            minijinja::context! {
                id => id,
                title => title,
                before => before.map(|v| render::score(lang, v)),
                after => after.map(|v| render::score(lang, v)),
                delta => delta.map(|d| if d > 0.0 { format!("+{}", render::score(lang, d)) } else if d < 0.0 { format!("−{}", render::score(lang, -d)) } else { "0".to_owned() }),
                trend => delta.map(|d| if d > 0.0 { "up" } else if d < 0.0 { "down" } else { "same" }),
            }
        })
        .collect();
    let axis_titles: Vec<String> = axes.iter().map(|(_, title)| title.clone()).collect();
    let latest_values: Vec<Option<f64>> =
        axes.iter().map(|(id, _)| score_of(last_row, id)).collect();
    let previous_values: Vec<Option<f64>> = axes
        .iter()
        .map(|(id, _)| score_of(previous_row, id))
        .collect();
    let latest_label = last_row.map(|r| r.date.clone()).unwrap_or_default();
    let previous_label = previous_row.map(|r| r.date.clone()).unwrap_or_default();
    // The latest first: the chart draws the first series as the main one.
    let mut series = Vec::new();
    if last_row.is_some() {
        series.push(charts::RadarSeries {
            label: &latest_label,
            values: &latest_values,
        });
    }
    if previous_row.is_some() {
        series.push(charts::RadarSeries {
            label: &previous_label,
            values: &previous_values,
        });
    }
    let radar_said: Vec<String> = axes
        .iter()
        .zip(&latest_values)
        .map(|((_, title), value)| {
            format!(
                "{title} {}",
                value
                    .map(|v| render::score(lang, v))
                    .unwrap_or_else(|| "–".to_owned())
            )
        })
        .collect();
    let radar_title = render::say(lang, &i18n::Message::new("dash-org-radar-title"));
    let radar_desc = render::say(
        lang,
        &i18n::Message::new("dash-org-radar-desc")
            .arg("values", radar_said.join(list_separator(lang))),
    );
    let radar = (!series.is_empty() && !axis_titles.is_empty()).then(|| {
        charts::radar(&charts::RadarChart {
            title: &radar_title,
            description: &radar_desc,
            axes: &axis_titles,
            series: &series,
        })
    });

    let moved = match (&previous, &latest) {
        (Some(previous), Some(latest)) => views::moved_controls(previous, latest, 10),
        _ => Vec::new(),
    };
    let measures = latest
        .as_ref()
        .map(views::open_priority_measures)
        .unwrap_or_default();
    let history: Vec<minijinja::Value> = assessments
        .iter()
        .rev()
        .map(|a| {
            minijinja::context! {
                assessment_id => a.assessment_id,
                date => a.date,
                score => a.score.map(|s| render::score(lang, s)),
                level => a.level,
                level_name => a.level.map(|l| i18n::level_name(l).get(lang).to_owned()),
                href => format!("/documents/{}", views::encode(&a.assessment_id)),
            }
        })
        .collect();
    let extra = minijinja::context! {
        org => org_view(&listed, lang),
        line => line.map(minijinja::Value::from_safe_string),
        radar => radar.map(minijinja::Value::from_safe_string),
        history => history,
        deltas => deltas,
        has_previous => previous_row.is_some(),
        moved => moved,
        measures => measures,
        csv_href => format!("/organisations/{id}/export.csv"),
    };
    page.html(&state, "organisation.html", "organisations", extra)
}

/// A CSV download.
fn csv_response(rows: &[crate::store::AssessmentRow], filename: &str) -> Response {
    let disposition = format!("attachment; filename=\"{filename}\"");
    let mut response = (
        [(header::CONTENT_TYPE, "text/csv; charset=utf-8")],
        crate::server::csv(rows),
    )
        .into_response();
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        response
            .headers_mut()
            .insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

/// `GET /export.csv`: every assessment, as the API's export.
async fn export_csv(State(state): Shared, headers: HeaderMap) -> Response {
    if let Err(response) = signed_in_export(&state, &headers).await {
        return response;
    }
    match state.store.export_rows().await {
        Ok(rows) => csv_response(&rows, "posture-export.csv"),
        Err(error) => store_failed(Lang::Fr, &error),
    }
}

/// `GET /organisations/{id}/export.csv`: one organisation's assessments.
async fn organisation_csv(
    State(state): Shared,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    if let Err(response) = signed_in_export(&state, &headers).await {
        return response;
    }
    let Ok(id) = id.parse::<i64>() else {
        return (StatusCode::NOT_FOUND, "not found\n").into_response();
    };
    match state.store.dashboard_organisation(id).await {
        Ok(Some(_)) => {}
        Ok(None) => return (StatusCode::NOT_FOUND, "not found\n").into_response(),
        Err(error) => return store_failed(Lang::Fr, &error),
    }
    match state.store.organisation_assessments(id).await {
        Ok(rows) => csv_response(&rows, &format!("posture-organisation-{id}.csv")),
        Err(error) => store_failed(Lang::Fr, &error),
    }
}

/// `GET /documents/{assessment_id}`: a stored report JSON, as submitted.
async fn document(
    State(state): Shared,
    headers: HeaderMap,
    Path(assessment_id): Path<String>,
) -> Response {
    if let Err(response) = signed_in_export(&state, &headers).await {
        return response;
    }
    match state.store.assessment(&assessment_id).await {
        Ok(Some(stored)) => {
            let safe: String = assessment_id
                .chars()
                .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect();
            let mut response = (
                [(header::CONTENT_TYPE, "application/json")],
                stored.document,
            )
                .into_response();
            if let Ok(value) =
                HeaderValue::from_str(&format!("attachment; filename=\"posture-{safe}.json\""))
            {
                response
                    .headers_mut()
                    .insert(header::CONTENT_DISPOSITION, value);
            }
            response
        }
        Ok(None) => (StatusCode::NOT_FOUND, "not found\n").into_response(),
        Err(error) => store_failed(Lang::Fr, &error),
    }
}
