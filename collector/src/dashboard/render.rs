//! The dashboard's pages as HTML: minijinja templates embedded in the binary
//! (`collector/templates`), HTML auto-escaping on, every word looked up in the `collector`
//! Fluent catalog (`i18n/locales/*/collector.ftl`) through the templates' `t(id, …)`, and the
//! page's language chosen from `?lang=`, its cookie, or `Accept-Language`.

use std::sync::LazyLock;

use axum::http::{HeaderMap, header};
use i18n::Lang;
use minijinja::value::Kwargs;
use minijinja::{Environment, Error, ErrorKind, State, Value};

/// The cookie that remembers the language chosen with `?lang=`.
pub const LANG_COOKIE: &str = "posture_lang";

/// Every message the templates may say (listed here so that the catalog tests see them used, and
/// so that a misspelt id in a template fails its page's test rather than showing the id).
pub const MESSAGES: &[&str] = &[
    "dash-title",
    "dash-skip",
    "dash-nav-organisations",
    "dash-nav-heatmap",
    "dash-nav-overdue",
    "dash-nav-peers",
    "dash-nav-label",
    "dash-signed-in-as",
    "dash-sign-out",
    "dash-lang-other",
    "dash-lang-other-label",
    "dash-login-title",
    "dash-login-intro",
    "dash-login-token",
    "dash-login-submit",
    "dash-login-refused",
    "dash-login-too-many",
    "dash-login-expired",
    "dash-signed-out",
    "dash-orgs-title",
    "dash-col-name",
    "dash-col-sector",
    "dash-col-size",
    "dash-col-date",
    "dash-col-index",
    "dash-col-level",
    "dash-col-change",
    "dash-col-status",
    "dash-badge-overdue",
    "dash-never-assessed",
    "dash-first-assessment",
    "dash-change-up",
    "dash-change-down",
    "dash-change-same",
    "dash-change-up-label",
    "dash-change-down-label",
    "dash-filters",
    "dash-filter-all",
    "dash-filter-overdue",
    "dash-filter-apply",
    "dash-filter-reset",
    "dash-count",
    "dash-page",
    "dash-pages",
    "dash-page-previous",
    "dash-page-next",
    "dash-sort-ascending",
    "dash-sort-descending",
    "dash-export-csv",
    "dash-none",
    "dash-heatmap-title",
    "dash-heatmap-intro",
    "dash-heatmap-domains",
    "dash-heatmap-levels",
    "dash-not-applicable",
    "dash-org-contact",
    "dash-org-assessments",
    "dash-org-chart-index-title",
    "dash-org-chart-index-desc",
    "dash-org-radar-title",
    "dash-org-radar-desc",
    "dash-org-deltas",
    "dash-col-domain",
    "dash-col-before",
    "dash-col-after",
    "dash-col-delta",
    "dash-col-score",
    "dash-col-control",
    "dash-col-question",
    "dash-col-rank",
    "dash-col-measure",
    "dash-col-target",
    "dash-org-controls",
    "dash-org-no-previous",
    "dash-org-measures",
    "dash-org-no-measures",
    "dash-org-downloads",
    "dash-org-download-json",
    "dash-org-download-csv",
    "dash-org-not-found",
    "dash-figures",
    "dash-overdue-title",
    "dash-overdue-intro",
    "dash-col-due",
    "dash-col-late",
    "dash-late-days",
    "dash-overdue-none",
    "dash-peers-title",
    "dash-peers-intro",
    "dash-peers-band",
    "dash-peers-show",
    "dash-peers-choose",
    "dash-peers-too-few",
    "dash-peers-chart-title",
    "dash-peers-chart-desc",
    "dash-col-p25",
    "dash-col-median",
    "dash-col-p75",
    "dash-peers-overall",
    "dash-error-title",
    "dash-error-internal",
    "dash-error-cross-site",
    "dash-error-not-found",
];

/// The templates, by name.
const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../../templates/base.html")),
    ("login.html", include_str!("../../templates/login.html")),
    (
        "organisations.html",
        include_str!("../../templates/organisations.html"),
    ),
    ("filters.html", include_str!("../../templates/filters.html")),
    ("pager.html", include_str!("../../templates/pager.html")),
    ("heatmap.html", include_str!("../../templates/heatmap.html")),
    (
        "organisation.html",
        include_str!("../../templates/organisation.html"),
    ),
    ("overdue.html", include_str!("../../templates/overdue.html")),
    ("peers.html", include_str!("../../templates/peers.html")),
    ("error.html", include_str!("../../templates/error.html")),
];

static ENVIRONMENT: LazyLock<Environment<'static>> = LazyLock::new(|| {
    let mut env = Environment::new();
    // `.html` templates escape every value (minijinja's default for that extension); say so.
    env.set_auto_escape_callback(|_| minijinja::AutoEscape::Html);
    env.set_undefined_behavior(minijinja::UndefinedBehavior::SemiStrict);
    for (name, source) in TEMPLATES {
        if let Err(error) = env.add_template(name, source) {
            tracing::error!(template = name, error = %error, "dashboard template");
        }
    }
    env.add_function("t", translate);
    env
});

/// The language a template is rendered in (its context's `lang`).
fn lang_of(state: &State) -> Lang {
    state
        .lookup("lang")
        .and_then(|value| value.as_str().and_then(Lang::parse))
        .unwrap_or(Lang::Fr)
}

/// `t("dash-id", name=value, …)`: a message of the catalog in the page's language.
fn translate(state: &State, id: &str, kwargs: Kwargs) -> Result<String, Error> {
    if !MESSAGES.contains(&id) {
        return Err(Error::new(
            ErrorKind::InvalidOperation,
            format!("{id} is not in dashboard::render::MESSAGES"),
        ));
    }
    let mut message = i18n::Message::new(id);
    for name in kwargs.args() {
        let value: Value = kwargs.get(name)?;
        message = if let Some(number) = value.as_i64() {
            message.arg(name, number)
        } else if let Ok(number) = f64::try_from(value.clone()) {
            message.arg(name, number)
        } else {
            message.arg(name, value.to_string())
        };
    }
    i18n::say(&lang_of(state), &message)
        .ok_or_else(|| Error::new(ErrorKind::InvalidOperation, format!("no message {id}")))
}

/// A message of the dashboard's catalog, from Rust (chart titles and descriptions).
pub fn say(lang: Lang, message: &i18n::Message) -> String {
    i18n::say(&lang, message).unwrap_or_default()
}

/// Renders template `name` with `context`; the error is logged and given back as text for a 500.
pub fn render(name: &str, context: Value) -> Result<String, String> {
    ENVIRONMENT
        .get_template(name)
        .and_then(|template| template.render(context))
        .map_err(|error| {
            tracing::error!(template = name, error = %error, "dashboard render");
            error.to_string()
        })
}

/// The page's language: `?lang=` (to be remembered: the second value is then `true`), else the
/// cookie, else the first of `Accept-Language` that is French or English, else French.
pub fn negotiate(headers: &HeaderMap, asked: Option<&str>) -> (Lang, bool) {
    if let Some(lang) = asked.and_then(Lang::parse) {
        return (lang, true);
    }
    if let Some(lang) = super::auth::cookie(headers, LANG_COOKIE).and_then(Lang::parse) {
        return (lang, false);
    }
    let accepted = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default();
    for range in accepted.split(',') {
        let tag = range.split(';').next().unwrap_or_default().trim();
        let primary = tag.split('-').next().unwrap_or_default();
        if let Some(lang) = Lang::parse(primary) {
            return (lang, false);
        }
    }
    (Lang::Fr, false)
}

/// The `Set-Cookie` value that remembers `lang`.
pub fn lang_cookie(lang: Lang, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!(
        "{LANG_COOKIE}={}; SameSite=Strict; Path=/; Max-Age=31536000{secure}",
        lang.code()
    )
}

/// A score as the page's language writes it (`62,5` in French).
pub fn score(lang: Lang, value: f64) -> String {
    lang.score(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_message_exists_in_both_languages() {
        for lang in i18n::LANGUAGES {
            for id in MESSAGES {
                assert!(i18n::messages(lang).has(id), "{id} in {lang:?}");
            }
        }
    }

    #[test]
    fn every_template_compiles_and_says_only_listed_messages() {
        for (name, source) in TEMPLATES {
            assert!(ENVIRONMENT.get_template(name).is_ok(), "{name}");
            for part in source.split("t(\"").skip(1) {
                let id = part.split('"').next().unwrap_or_default();
                assert!(MESSAGES.contains(&id), "{name}: {id}");
            }
        }
    }

    #[test]
    fn the_language_is_asked_then_remembered_then_the_browsers() {
        let mut headers = HeaderMap::new();
        assert_eq!(negotiate(&headers, None), (Lang::Fr, false));
        assert_eq!(negotiate(&headers, Some("en")), (Lang::En, true));
        headers.insert(
            header::ACCEPT_LANGUAGE,
            "de-DE, en-GB;q=0.8, fr;q=0.5".parse().expect("header"),
        );
        assert_eq!(negotiate(&headers, None), (Lang::En, false));
        headers.insert(header::COOKIE, "posture_lang=fr".parse().expect("header"));
        assert_eq!(negotiate(&headers, None), (Lang::Fr, false));
    }
}
