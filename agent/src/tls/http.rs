//! `https.redirect` and `https.hsts`, asked with reqwest (blocking client, rustls).

use std::io;
use std::sync::Arc;

use i18n::message;
use reqwest::blocking::{Client, Response};
use reqwest::redirect::Policy;
use reqwest::{StatusCode, Url};
use rustls::RootCertStore;

use super::handshake::{TIMEOUT, strict_config};
use super::{Failure, reason};

/// Redirects followed from `http://` before giving up.
const MAX_HOPS: usize = 5;

/// What `http://` answered.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Redirect {
    /// A redirect to an `https://` address (possibly after `http://` hops).
    ToHttps { status: u16, location: Url },
    /// A page served over HTTP, or a redirect that does not reach HTTPS.
    NotHttps { status: u16, location: Option<Url> },
}

/// The `Strict-Transport-Security` header.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Hsts {
    /// Present, with this `max-age` (seconds).
    Present { max_age: u64 },
    /// Present without a readable `max-age`: browsers ignore it.
    Invalid(String),
    /// Absent.
    Absent,
}

fn client(tls: rustls::ClientConfig, policy: Policy) -> Result<Client, Failure> {
    Client::builder()
        .tls_backend_preconfigured(tls)
        .redirect(policy)
        .connect_timeout(TIMEOUT)
        .timeout(TIMEOUT)
        // The probe reads the site as it is reached directly, like the TLS handshake.
        .no_proxy()
        .user_agent(concat!("posture-agent/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| Failure::Other(reason::quoted(&error_text(&e))))
}

/// The messages of an error and its causes.
fn error_text(error: &(dyn std::error::Error + 'static)) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut current = Some(error);
    while let Some(err) = current {
        let text = err.to_string();
        if !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
        current = err.source();
    }
    parts.join(": ")
}

/// The message of the innermost cause.
fn root_cause(error: &(dyn std::error::Error + 'static)) -> String {
    let mut current = error;
    while let Some(source) = current.source() {
        current = source;
    }
    current.to_string()
}

/// What a failed request means.
fn failure(error: &reqwest::Error) -> Failure {
    let mut current: Option<&(dyn std::error::Error + 'static)> = Some(error);
    while let Some(err) = current {
        if let Some(io_error) = err.downcast_ref::<io::Error>() {
            if let Some(tls) = io_error
                .get_ref()
                .and_then(|inner| inner.downcast_ref::<rustls::Error>())
            {
                return Failure::Tls(reason::tls(tls));
            }
            match Failure::from_io(io_error) {
                Failure::Other(_) => {}
                known => return known,
            }
        }
        if let Some(tls) = err.downcast_ref::<rustls::Error>() {
            return Failure::Tls(reason::tls(tls));
        }
        current = err.source();
    }
    let text = error_text(error);
    if error.is_timeout() {
        Failure::Timeout
    } else if text.contains("dns error") {
        Failure::Dns(reason::resolver(&root_cause(error)))
    } else {
        let cause = reason::http(&root_cause(error));
        if error.is_connect() {
            Failure::Other(message!("tls-http-connect-failed", why = cause))
        } else {
            Failure::Other(message!("tls-http-request-failed", why = cause))
        }
    }
}

fn get(client: &Client, url: &Url) -> Result<Response, Failure> {
    client.get(url.clone()).send().map_err(|e| failure(&e))
}

/// Asks `url` (`http://`) and follows `http://` redirects until one reaches `https://`.
pub(super) fn redirect(url: &Url, roots: Arc<RootCertStore>) -> Result<Redirect, Failure> {
    // Only http:// URLs are asked here (reqwest follows no redirect): the verifying TLS
    // configuration only spares reqwest from looking for a process-wide crypto provider.
    let client = client(strict_config(roots)?, Policy::none())?;
    let mut current = url.clone();
    let mut last = None;
    for _ in 0..MAX_HOPS {
        let response = get(&client, &current)?;
        let status = response.status();
        let location = location(&response, &current);
        drop(response);
        match location {
            Some(next) if is_redirect(status) && next.scheme() == "https" => {
                return Ok(Redirect::ToHttps {
                    status: status.as_u16(),
                    location: next,
                });
            }
            Some(next) if is_redirect(status) && next.scheme() == "http" && next != current => {
                last = Some((status, Some(next.clone())));
                current = next;
            }
            other if is_redirect(status) => {
                return Ok(Redirect::NotHttps {
                    status: status.as_u16(),
                    location: other,
                });
            }
            _ => {
                return Ok(Redirect::NotHttps {
                    status: status.as_u16(),
                    location: None,
                });
            }
        }
    }
    let (status, location) = last.unwrap_or((StatusCode::OK, None));
    Ok(Redirect::NotHttps {
        status: status.as_u16(),
        location,
    })
}

fn is_redirect(status: StatusCode) -> bool {
    matches!(status.as_u16(), 301 | 302 | 303 | 307 | 308)
}

fn location(response: &Response, base: &Url) -> Option<Url> {
    let value = response
        .headers()
        .get(reqwest::header::LOCATION)?
        .to_str()
        .ok()?;
    base.join(value.trim()).ok()
}

/// Reads `Strict-Transport-Security` on the HTTPS answer, following redirects that stay on
/// `https://` and on the same host (e.g. `/` to `/fr/`).
pub(super) fn hsts(url: &Url, tls: rustls::ClientConfig) -> Result<Hsts, Failure> {
    let host = url.host_str().unwrap_or_default().to_owned();
    let policy = Policy::custom(move |attempt| {
        let same = attempt.url().scheme() == "https" && attempt.url().host_str() == Some(&host);
        if same && attempt.previous().len() < MAX_HOPS {
            attempt.follow()
        } else {
            attempt.stop()
        }
    });
    let client = client(tls, policy)?;
    let response = get(&client, url)?;
    let header = response
        .headers()
        .get(reqwest::header::STRICT_TRANSPORT_SECURITY)
        .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned());
    Ok(match header {
        None => Hsts::Absent,
        Some(raw) => match max_age(&raw) {
            Some(max_age) => Hsts::Present { max_age },
            None => Hsts::Invalid(raw),
        },
    })
}

/// The `max-age` directive of a `Strict-Transport-Security` value (RFC 6797: case-insensitive
/// name, value possibly quoted).
pub(super) fn max_age(value: &str) -> Option<u64> {
    value.split(';').find_map(|directive| {
        let (name, value) = directive.split_once('=')?;
        if !name.trim().eq_ignore_ascii_case("max-age") {
            return None;
        }
        value.trim().trim_matches('"').parse().ok()
    })
}

#[cfg(test)]
mod tests {
    use super::max_age;

    #[test]
    fn max_age_is_read_as_browsers_do() {
        assert_eq!(max_age("max-age=31536000"), Some(31_536_000));
        assert_eq!(
            max_age("Max-Age=\"600\" ; includeSubDomains; preload"),
            Some(600)
        );
        assert_eq!(max_age("includeSubDomains; max-age=0"), Some(0));
        assert_eq!(max_age("includeSubDomains"), None);
        assert_eq!(max_age("max-age=soon"), None);
    }
}
