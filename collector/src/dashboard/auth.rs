//! Signing in to the dashboard: the session cookie, its expiry, the CSRF token of its forms,
//! the same-origin check of every POST, and the bound on sign-in attempts.
//!
//! The session id is 256 random bits in a cookie (`HttpOnly`, `SameSite=Strict`, `Path=/`,
//! `Secure` unless the server speaks plain HTTP); the database keeps only its SHA-256 with the
//! admin token it was opened with, read on every request, so that a revoked token ends its
//! sessions at once. Neither the cookie nor a token is ever logged.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::http::{HeaderMap, HeaderValue, header};
use subtle::ConstantTimeEq as _;

use crate::store::dashboard::Session;
use crate::store::{Store, StoreError};

/// The session cookie's name.
pub const COOKIE: &str = "posture_session";

/// How sessions live and how sign-in is bounded.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Whether cookies carry `Secure` (not over plain HTTP, `--insecure-http`).
    pub secure_cookies: bool,
    /// A session unused this long ends (8 hours by default).
    pub idle: Duration,
    /// A session ends this long after sign-in, used or not (12 hours by default).
    pub absolute: Duration,
    /// Sign-in attempts allowed at once, per client address.
    pub sign_in_burst: u32,
    /// Sign-in attempts allowed a minute, per client address, once the burst is spent.
    pub sign_in_per_minute: u32,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            secure_cookies: true,
            idle: Duration::from_secs(8 * 3600),
            absolute: Duration::from_secs(12 * 3600),
            sign_in_burst: 10,
            sign_in_per_minute: 10,
        }
    }
}

/// Now, in Unix seconds.
pub fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

fn seconds(duration: Duration) -> i64 {
    i64::try_from(duration.as_secs()).unwrap_or(i64::MAX)
}

/// The value of cookie `name` in the request, if any.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.trim())
}

/// A `Set-Cookie` value for the session.
pub fn session_cookie(secret: &str, options: &Options) -> String {
    let secure = if options.secure_cookies {
        "; Secure"
    } else {
        ""
    };
    format!("{COOKIE}={secret}; HttpOnly; SameSite=Strict; Path=/{secure}")
}

/// A `Set-Cookie` value that removes the session cookie.
pub fn cleared_cookie(options: &Options) -> String {
    let secure = if options.secure_cookies {
        "; Secure"
    } else {
        ""
    };
    format!("{COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0{secure}")
}

/// Why a request has no session.
#[derive(Debug)]
pub enum NoSession {
    /// No cookie, an unknown one, or its admin token revoked.
    Missing,
    /// The session was valid but is over its idle or absolute time (now ended).
    Expired,
    /// The database failed.
    Store(StoreError),
}

/// The session of the request, kept alive; ended when it has expired.
pub async fn session(
    store: &Store,
    headers: &HeaderMap,
    options: &Options,
) -> Result<(Session, String), NoSession> {
    let Some(secret) = cookie(headers, COOKIE).filter(|value| !value.is_empty()) else {
        return Err(NoSession::Missing);
    };
    let secret = secret.to_owned();
    let session = store
        .session(&secret)
        .await
        .map_err(NoSession::Store)?
        .ok_or(NoSession::Missing)?;
    let now = now();
    if now - session.last_seen > seconds(options.idle)
        || now - session.created > seconds(options.absolute)
    {
        store.end_session(&secret).await.map_err(NoSession::Store)?;
        return Err(NoSession::Expired);
    }
    // Written at most once a minute: reading a page is not a write each time.
    if now - session.last_seen >= 60 {
        store
            .touch_session(&secret, now)
            .await
            .map_err(NoSession::Store)?;
    }
    Ok((session, secret))
}

/// Whether a POST comes from the dashboard's own pages: `Sec-Fetch-Site` (when the browser
/// sends it) is `same-origin` or `none`, and `Origin` (when sent) is this host's.
pub fn same_origin(headers: &HeaderMap) -> bool {
    let text = |name: header::HeaderName| headers.get(name).and_then(|v| v.to_str().ok());
    if let Some(site) = text(header::HeaderName::from_static("sec-fetch-site"))
        && !matches!(site, "same-origin" | "none")
    {
        return false;
    }
    match (text(header::ORIGIN), text(header::HOST)) {
        (None, _) => true,
        (Some(origin), Some(host)) => {
            let authority = origin
                .strip_prefix("https://")
                .or_else(|| origin.strip_prefix("http://"));
            authority == Some(host)
        }
        (Some(_), None) => false,
    }
}

/// Whether the form's CSRF token is the session's (compared in constant time).
pub fn csrf_matches(session: &Session, sent: &str) -> bool {
    !sent.is_empty() && bool::from(session.csrf.as_bytes().ct_eq(sent.as_bytes()))
}

/// The bound on sign-in attempts: a token bucket per client address (one shared bucket when the
/// address is unknown). The tokens are 256 random bits: this keeps a guesser from loading the
/// server and its logs, not from finding a token.
#[derive(Debug)]
pub struct SignInLimiter {
    buckets: Mutex<HashMap<Option<IpAddr>, (f64, Instant)>>,
    burst: f64,
    per_second: f64,
}

/// Addresses remembered before the full buckets are forgotten.
const MAX_ADDRESSES: usize = 10_000;

impl SignInLimiter {
    /// Full buckets.
    pub fn new(options: &Options) -> SignInLimiter {
        SignInLimiter {
            buckets: Mutex::new(HashMap::new()),
            burst: f64::from(options.sign_in_burst),
            per_second: f64::from(options.sign_in_per_minute) / 60.0,
        }
    }

    /// Takes one attempt for `address`; `false` when none is left.
    pub fn take(&self, address: Option<IpAddr>) -> bool {
        let Ok(mut buckets) = self.buckets.lock() else {
            return false;
        };
        let now = Instant::now();
        let (burst, per_second) = (self.burst, self.per_second);
        let refilled = |(tokens, last): (f64, Instant)| {
            (tokens + now.duration_since(last).as_secs_f64() * per_second).min(burst)
        };
        if buckets.len() >= MAX_ADDRESSES {
            buckets.retain(|_, bucket| refilled(*bucket) < burst);
        }
        let bucket = buckets.entry(address).or_insert((burst, now));
        let tokens = refilled(*bucket);
        if tokens >= 1.0 {
            *bucket = (tokens - 1.0, now);
            true
        } else {
            *bucket = (tokens, now);
            false
        }
    }
}

/// `Retry-After` for a refused sign-in.
pub fn retry_after() -> HeaderValue {
    HeaderValue::from_static("60")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(
                header::HeaderName::from_static(name),
                HeaderValue::from_static(value),
            );
        }
        map
    }

    #[test]
    fn only_same_origin_posts_pass() {
        assert!(same_origin(&headers(&[("host", "a.test")])));
        assert!(same_origin(&headers(&[
            ("host", "a.test"),
            ("origin", "https://a.test"),
            ("sec-fetch-site", "same-origin"),
        ])));
        assert!(!same_origin(&headers(&[
            ("host", "a.test"),
            ("origin", "https://evil.test"),
        ])));
        assert!(!same_origin(&headers(&[
            ("host", "a.test"),
            ("sec-fetch-site", "cross-site"),
        ])));
        assert!(!same_origin(&headers(&[
            ("host", "a.test"),
            ("origin", "null"),
        ])));
    }

    #[test]
    fn cookies_are_found_by_name() {
        let map = headers(&[("cookie", "a=1; posture_session=xyz; b=2")]);
        assert_eq!(cookie(&map, COOKIE), Some("xyz"));
        assert_eq!(cookie(&map, "c"), None);
    }

    #[test]
    fn the_cookie_has_its_flags() {
        let secure = session_cookie("s", &Options::default());
        assert_eq!(
            secure,
            "posture_session=s; HttpOnly; SameSite=Strict; Path=/; Secure"
        );
        let plain = session_cookie(
            "s",
            &Options {
                secure_cookies: false,
                ..Options::default()
            },
        );
        assert!(!plain.contains("Secure"));
    }

    #[test]
    fn sign_in_attempts_run_out() {
        let limiter = SignInLimiter::new(&Options {
            sign_in_burst: 3,
            sign_in_per_minute: 1,
            ..Options::default()
        });
        let one: Option<IpAddr> = "192.0.2.1".parse().ok();
        let other: Option<IpAddr> = "192.0.2.2".parse().ok();
        assert!(limiter.take(one) && limiter.take(one) && limiter.take(one));
        assert!(!limiter.take(one));
        assert!(limiter.take(other), "another address has its own attempts");
    }
}
