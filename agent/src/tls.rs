//! Web-site TLS probe: what the GDPR annex asks of every site ("the latest TLS", "HTTPS on every
//! page with personal data"), read from outside as a visitor's browser would.
//!
//! For each site, six facts (see `docs/facts.md`, "Web sites"):
//!
//! - `tls.version`, `tls.cert_valid`, `tls.cert_days_left` and `tls.chain_valid` come from one
//!   direct rustls connection to `host:port`. Its verifier accepts any certificate and keeps the
//!   chain it was shown, so that an untrusted or expired certificate is still described; the chain
//!   is then checked apart (webpki roots plus `--ca`), and nothing but the handshake and a
//!   `close_notify` is sent over that connection.
//! - `https.redirect` asks `http://host/` (or the `http://` URL given) with reqwest and looks for
//!   a 301/302/303/307/308 to an `https://` address.
//! - `https.hsts` reads `Strict-Transport-Security` on the HTTPS answer (reqwest, rustls).
//!
//! Nothing here panics on a bad site: what cannot be read is `unknown`, with the reason.

mod cert;
mod handshake;
mod http;
mod reason;
#[doc(hidden)]
pub mod testing;

use std::io;
use std::path::PathBuf;
use std::sync::Arc;

use i18n::{Lang, Message, message};
use reqwest::Url;
use rustls::RootCertStore;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName};
use scoring::facts::{Fact, FactReport, Status, Value};

use self::cert::{CertFacts, ChainError};
use self::http::{Hsts, Redirect};
use crate::collect::{fact_said, unknown_said, unknowns_said};

/// What `posture agent probe-tls` was asked.
#[derive(Debug, Clone)]
pub struct Options {
    /// The sites, e.g. `https://www.example.org`.
    pub urls: Vec<String>,
    /// A private certificate authority (PEM) to trust besides the system's.
    pub ca: Option<PathBuf>,
    /// Language of the facts' `detail`.
    pub lang: Lang,
}

/// HSTS `max-age` at or above which the header is `ok`: 180 days.
pub const HSTS_MIN_AGE: u64 = 15_552_000;

/// `tls.version` of a server that offers nothing newer than TLS 1.1 (the exact version is in
/// `detail` when its ServerHello named it). The probe's values are
/// [`scoring::facts::allowed_values`]`("tls.version")`.
pub const OLD_TLS: &str = "< TLSv1.2";

/// Days left on a certificate below which it is `warn`.
pub const CERT_WARN_DAYS: i64 = 21;

/// Probes the sites. Sites are probed in parallel; the facts come out in the order of the URLs.
pub fn probe(options: &Options) -> FactReport {
    let trust = Trust::load(options.ca.as_deref());
    let sites = plan(&options.urls);
    let lang = options.lang;
    let facts = std::thread::scope(|scope| {
        let handles: Vec<_> = sites
            .iter()
            .map(|site| {
                let trust = &trust;
                scope.spawn(move || probe_site(site, trust, lang))
            })
            .collect();
        handles
            .into_iter()
            .zip(&sites)
            .flat_map(|(handle, site)| {
                handle.join().unwrap_or_else(|_| {
                    unknown_site(
                        site.label(),
                        &Failure::Other(message!("tls-internal-error")),
                        lang,
                    )
                })
            })
            .collect::<Vec<_>>()
    });
    crate::collect::local_report(facts)
}

/// Why something could not be read.
#[derive(Debug, Clone, PartialEq)]
enum Failure {
    /// The URL given could not be understood.
    BadUrl(Message),
    /// The host name does not resolve.
    Dns(Message),
    /// Nothing listens on the port.
    Refused,
    /// No answer in time.
    Timeout,
    /// No route to the network or host.
    Unreachable(Message),
    /// The server only speaks a version older than TLS 1.2: the one it picked, when its
    /// ServerHello said so (`"TLS 1.0"`), rather than an alert.
    TlsTooOld(Option<&'static str>),
    /// The TLS handshake failed for another reason.
    Tls(Message),
    /// Anything else.
    Other(Message),
}

impl Failure {
    fn from_io(error: &io::Error) -> Failure {
        match error.kind() {
            io::ErrorKind::ConnectionRefused => Failure::Refused,
            io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock => Failure::Timeout,
            io::ErrorKind::NetworkUnreachable
            | io::ErrorKind::HostUnreachable
            | io::ErrorKind::NetworkDown
            | io::ErrorKind::AddrNotAvailable => Failure::Unreachable(reason::io_error(error)),
            _ => Failure::Other(reason::io_error(error)),
        }
    }

    /// Whether the site could not be reached at all (as opposed to reached and misbehaving).
    fn unreachable(&self) -> bool {
        matches!(
            self,
            Failure::BadUrl(_)
                | Failure::Dns(_)
                | Failure::Refused
                | Failure::Timeout
                | Failure::Unreachable(_)
        )
    }

    /// The failure, to be said inside a fact's sentence.
    fn message(&self) -> Message {
        match self {
            Failure::BadUrl(why) => message!("tls-failure-bad-url", why = why),
            Failure::Dns(why) => message!("tls-failure-dns", why = why),
            Failure::Refused => message!("tls-failure-refused"),
            Failure::Timeout => message!("tls-failure-timeout"),
            Failure::Unreachable(why) => message!("tls-failure-unreachable", why = why),
            Failure::TlsTooOld(Some(version)) => {
                message!("tls-failure-too-old-named", version = *version)
            }
            Failure::TlsTooOld(None) => message!("tls-failure-too-old"),
            Failure::Tls(why) => message!("tls-failure-handshake", why = why),
            Failure::Other(why) => why.clone(),
        }
    }
}

/// The certificate authorities trusted: webpki's roots and the `--ca` file.
#[derive(Debug)]
struct Trust {
    roots: Arc<RootCertStore>,
    /// Why the `--ca` file could not be used, if it could not.
    ca_error: Option<Message>,
}

impl Trust {
    fn load(ca: Option<&std::path::Path>) -> Trust {
        let mut roots = RootCertStore {
            roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
        };
        let mut ca_error = None;
        if let Some(path) = ca {
            let shown = path.display().to_string();
            let on_file = |why: Message| message!("tls-ca-file", file = shown.as_str(), why = why);
            match CertificateDer::pem_file_iter(path) {
                Err(error) => ca_error = Some(on_file(reason::pem(&error))),
                Ok(certs) => {
                    let mut added = 0;
                    for cert in certs {
                        let why = match cert {
                            Err(error) => reason::pem(&error),
                            Ok(cert) => match roots.add(cert) {
                                Ok(()) => {
                                    added += 1;
                                    continue;
                                }
                                Err(error) => {
                                    message!("tls-ca-unusable", why = reason::tls(&error))
                                }
                            },
                        };
                        ca_error = Some(on_file(why));
                    }
                    if added == 0 && ca_error.is_none() {
                        ca_error = Some(on_file(reason::no_certificate()));
                    }
                }
            }
        }
        Trust {
            roots: Arc::new(roots),
            ca_error,
        }
    }
}

/// One site: the HTTPS address probed and the HTTP address whose redirect is checked.
#[derive(Debug, Clone, PartialEq)]
enum Site {
    /// A URL that could not be understood.
    Invalid { input: String, why: Message },
    /// A site.
    Web {
        /// The `https://` URL given, if one was.
        https: Option<Url>,
        /// The `http://` URL to ask for a redirect: the one given, or port 80 of the host.
        http: Url,
        /// Whether `http` was given (rather than derived).
        http_given: bool,
    },
}

impl Site {
    /// What the facts of a site that could not be probed name as their source.
    fn label(&self) -> String {
        match self {
            Site::Invalid { input, .. } => input.clone(),
            Site::Web {
                https: Some(https), ..
            } => origin(https),
            Site::Web { http, .. } => origin(http),
        }
    }
}

/// Parses a URL as given on the command line: `https://` is assumed without a scheme.
fn parse_url(input: &str) -> Result<Url, Message> {
    let trimmed = input.trim();
    let text = if trimmed.contains("://") {
        trimmed.to_owned()
    } else {
        format!("https://{trimmed}")
    };
    let url = Url::parse(&text).map_err(|e| reason::url(&e.to_string()))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(message!("tls-url-scheme", scheme = url.scheme()));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(no_host());
    }
    Ok(url)
}

/// A URL without a host name.
fn no_host() -> Message {
    message!("tls-url-no-host")
}

/// Groups the URLs into sites: each `https://` origin is a site; an `http://` URL joins the
/// first site of the same host that has no `http://` URL yet (its redirect is then checked on
/// that address instead of port 80), or makes a site of its own.
fn plan(urls: &[String]) -> Vec<Site> {
    let parsed: Vec<(String, Result<Url, Message>)> =
        urls.iter().map(|u| (u.clone(), parse_url(u))).collect();
    let mut sites: Vec<Site> = Vec::new();
    for (input, url) in &parsed {
        match url {
            Err(why) => sites.push(Site::Invalid {
                input: input.clone(),
                why: why.clone(),
            }),
            Ok(url) if url.scheme() == "https" => {
                let known = sites.iter().any(|site| {
                    matches!(site, Site::Web { https: Some(h), .. } if origin(h) == origin(url))
                });
                if !known {
                    sites.push(Site::Web {
                        https: Some(url.clone()),
                        http: http_of(url),
                        http_given: false,
                    });
                }
            }
            Ok(_) => {}
        }
    }
    for url in parsed.iter().filter_map(|(_, url)| url.as_ref().ok()) {
        if url.scheme() != "http" {
            continue;
        }
        let host = url.host_str();
        let joined = sites.iter_mut().find_map(|site| match site {
            Site::Web {
                https: Some(https),
                http,
                http_given,
            } if !*http_given && https.host_str() == host => Some((http, http_given)),
            _ => None,
        });
        match joined {
            Some((http, http_given)) => {
                *http = url.clone();
                *http_given = true;
            }
            None => {
                let known = sites.iter().any(
                    |site| matches!(site, Site::Web { http, http_given: true, .. } if http == url),
                );
                if !known {
                    sites.push(Site::Web {
                        https: None,
                        http: url.clone(),
                        http_given: true,
                    });
                }
            }
        }
    }
    // Keep the order of the command line: sites made from http:// URLs were added last.
    let position = |site: &Site| {
        parsed
            .iter()
            .position(|(input, url)| match (site, url) {
                (Site::Invalid { input: i, .. }, _) => i == input,
                (Site::Web { https: Some(h), .. }, Ok(url)) => origin(h) == origin(url),
                (Site::Web { http, .. }, Ok(url)) => http == url,
                _ => false,
            })
            .unwrap_or(usize::MAX)
    };
    sites.sort_by_key(position);
    sites
}

/// `http://host/` for an `https://` URL (port 80).
fn http_of(https: &Url) -> Url {
    let mut http = https.clone();
    // Both are "special" schemes: the change cannot fail, and a non-default port is dropped.
    let _ = http.set_scheme("http");
    let _ = http.set_port(None);
    http.set_path("/");
    http.set_query(None);
    http.set_fragment(None);
    http
}

/// `https://host[:port]`.
fn origin(url: &Url) -> String {
    url.origin().ascii_serialization()
}

/// The fact keys, in the order they are reported for each site.
pub const KEYS: [&str; 6] = [
    "tls.version",
    "tls.cert_valid",
    "tls.cert_days_left",
    "tls.chain_valid",
    "https.redirect",
    "https.hsts",
];

/// Six unknown facts.
fn unknown_site(source: String, failure: &Failure, lang: Lang) -> Vec<Fact> {
    unknowns_said(
        &KEYS,
        source,
        &message!("tls-site-not-probed", reason = failure.message()),
        lang,
    )
}

/// Probes one site: TLS version, certificate, redirect to HTTPS and HSTS.
fn probe_site(site: &Site, trust: &Trust, lang: Lang) -> Vec<Fact> {
    let (https_given, http) = match site {
        Site::Invalid { input, why } => {
            return unknown_site(input.clone(), &Failure::BadUrl(why.clone()), lang);
        }
        Site::Web { https, http, .. } => (https.clone(), http),
    };
    let redirect = http::redirect(http, trust.roots.clone());
    // The HTTPS address: the one given, or where http:// redirects, or https://host/.
    let https = https_given.unwrap_or_else(|| https_of(http, &redirect));
    let source = origin(&https);
    let server_name = server_name(&https);
    let handshake = match &server_name {
        Ok(name) => handshake::handshake(&https, name.clone()),
        Err(why) => Err(Failure::BadUrl(why.clone())),
    };

    let mut facts = Vec::with_capacity(KEYS.len());
    let verified = push_handshake_facts(
        &mut facts,
        &handshake,
        &server_name,
        &https,
        trust,
        &source,
        lang,
    );

    let https_unreachable = matches!(&handshake, Err(failure) if failure.unreachable());
    facts.push(redirect_fact(
        &redirect,
        http,
        https_unreachable,
        &source,
        lang,
    ));

    let hsts = hsts_of(&handshake, verified, trust, &https);
    facts.push(hsts_fact(&hsts, &source, lang));
    facts
}

/// Where http:// redirects to HTTPS, or else https://host/ on the default port.
fn https_of(http: &Url, redirect: &Result<Redirect, Failure>) -> Url {
    match redirect {
        Ok(Redirect::ToHttps { location, .. }) => location.clone(),
        _ => {
            let mut url = http.clone();
            let _ = url.set_scheme("https");
            let _ = url.set_port(None);
            url
        }
    }
}

/// Adds `tls.version` and the certificate's facts, or why they are unknown; returns whether
/// the certificate was verified.
fn push_handshake_facts(
    facts: &mut Vec<Fact>,
    handshake: &Result<handshake::Handshake, Failure>,
    server_name: &Result<ServerName<'static>, Message>,
    https: &Url,
    trust: &Trust,
    source: &str,
    lang: Lang,
) -> bool {
    let mut verified = false;
    match handshake {
        Ok(done) => {
            facts.push(version_fact(&done.version, source, lang));
            verified = push_certificate_facts(facts, done, server_name, https, trust, source, lang);
        }
        Err(failure @ Failure::TlsTooOld(picked)) => {
            push_old_tls_facts(facts, failure, picked, source, lang);
        }
        Err(failure) => {
            push_no_connection_facts(facts, failure, source, lang);
        }
    }
    verified
}

/// Adds the certificate's facts, or why it could not be read; returns whether it was verified.
fn push_certificate_facts(
    facts: &mut Vec<Fact>,
    done: &handshake::Handshake,
    server_name: &Result<ServerName<'static>, Message>,
    https: &Url,
    trust: &Trust,
    source: &str,
    lang: Lang,
) -> bool {
    let mut verified = false;
    let now = chrono::Utc::now().timestamp();
    match server_name
        .as_ref()
        .map_err(Clone::clone)
        .and_then(|name| cert::analyse(&done.chain, name, &trust.roots, now))
    {
        Ok(cert) => {
            verified = cert.chain.is_ok() && cert.valid_at(now);
            facts.extend(cert_facts(&cert, https, now, trust, source, lang));
        }
        Err(why) => {
            facts.extend(unknowns_said(
                &KEYS[1..4],
                source,
                &message!("tls-cert-unreadable", why = why),
                lang,
            ));
        }
    }
    verified
}

/// Adds `tls.version` as failed for a TLS older than 1.2, and the certificate's facts unknown.
fn push_old_tls_facts(
    facts: &mut Vec<Fact>,
    failure: &Failure,
    picked: &Option<&'static str>,
    source: &str,
    lang: Lang,
) {
    let said = match picked {
        Some(version) => message!("tls-version-too-old-named", version = *version),
        None => message!("tls-version-too-old"),
    };
    facts.push(fact_said(
        "tls.version",
        Value::Text(OLD_TLS.into()),
        Status::Fail,
        source,
        said,
        lang,
    ));
    facts.extend(unknown_certificate(failure, source, lang));
}

/// Adds `tls.version` and the certificate's facts unknown: no TLS connection could be made.
fn push_no_connection_facts(facts: &mut Vec<Fact>, failure: &Failure, source: &str, lang: Lang) {
    facts.push(unknown_said(
        "tls.version",
        source,
        message!(
            "tls-no-connection",
            source = source,
            reason = failure.message()
        ),
        lang,
    ));
    facts.extend(unknown_certificate(failure, source, lang));
}

/// The HSTS header, read over a verifying connection when the certificate was verified.
fn hsts_of(
    handshake: &Result<handshake::Handshake, Failure>,
    verified: bool,
    trust: &Trust,
    https: &Url,
) -> Result<Hsts, Failure> {
    match handshake {
        Ok(_) => {
            let config = if verified {
                handshake::strict_config(trust.roots.clone())
            } else {
                handshake::lenient_config()
            };
            config.and_then(|config| http::hsts(https, config))
        }
        Err(failure) => Err(failure.clone()),
    }
}

fn server_name(url: &Url) -> Result<ServerName<'static>, Message> {
    let host = url.host_str().ok_or_else(no_host)?;
    match handshake::bare_host(url).parse::<std::net::IpAddr>() {
        Ok(ip) => Ok(ServerName::from(ip)),
        Err(_) => ServerName::try_from(host.to_owned())
            .map_err(|_| message!("tls-host-invalid", host = host)),
    }
}

fn version_fact(version: &rustls::ProtocolVersion, source: &str, lang: Lang) -> Fact {
    let (name, status, said) = match version {
        rustls::ProtocolVersion::TLSv1_3 => ("TLSv1.3", Status::Ok, message!("tls-version-1-3")),
        rustls::ProtocolVersion::TLSv1_2 => ("TLSv1.2", Status::Warn, message!("tls-version-1-2")),
        // rustls speaks nothing older: not reached, but never a silent "ok".
        other => (
            OLD_TLS,
            Status::Fail,
            message!("tls-version-obsolete", version = format!("{other:?}")),
        ),
    };
    fact_said(
        "tls.version",
        Value::Text(name.into()),
        status,
        source,
        said,
        lang,
    )
}

/// `tls.cert_valid`, `tls.cert_days_left` and `tls.chain_valid` when no certificate was seen.
fn unknown_certificate(failure: &Failure, source: &str, lang: Lang) -> Vec<Fact> {
    unknowns_said(
        &KEYS[1..4],
        source,
        &message!("tls-cert-not-read", reason = failure.message()),
        lang,
    )
}

fn date(timestamp: i64) -> String {
    chrono::DateTime::from_timestamp(timestamp, 0)
        .map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_else(|| timestamp.to_string())
}

/// `tls.cert_valid`, `tls.cert_days_left` and `tls.chain_valid` for the certificate seen.
fn cert_facts(
    cert: &CertFacts,
    url: &Url,
    now: i64,
    trust: &Trust,
    source: &str,
    lang: Lang,
) -> Vec<Fact> {
    let host = url.host_str().unwrap_or_default();
    vec![
        cert_valid_fact(cert, host, now, source, lang),
        cert_days_fact(cert, now, source, lang),
        chain_fact(cert, trust, source, lang),
    ]
}

/// What makes the certificate invalid: expired, not yet valid, or not covering `host`.
fn cert_problems(cert: &CertFacts, host: &str, now: i64) -> Vec<Message> {
    let mut problems = Vec::new();
    if now > cert.not_after {
        problems.push(message!(
            "tls-cert-expired-since",
            date = date(cert.not_after)
        ));
    }
    if now < cert.not_before {
        problems.push(message!(
            "tls-cert-not-yet-valid",
            date = date(cert.not_before)
        ));
    }
    if !cert.name_ok {
        let names = if cert.names.is_empty() {
            "—".to_owned()
        } else {
            cert.names.join(", ")
        };
        problems.push(message!("tls-cert-wrong-name", host = host, names = names));
    }
    problems
}

/// The problems as one list (`a ; b ; c`), said in the language it is shown in.
fn problem_list(problems: Vec<Message>) -> Option<Message> {
    problems
        .into_iter()
        .rev()
        .reduce(|tail, head| message!("tls-cert-problems", head = head, tail = tail))
}

/// `tls.cert_valid`: whether the certificate is valid now and covers `host`.
fn cert_valid_fact(cert: &CertFacts, host: &str, now: i64, source: &str, lang: Lang) -> Fact {
    let problems = problem_list(cert_problems(cert, host, now));
    let valid = problems.is_none();
    fact_said(
        "tls.cert_valid",
        Value::Bool(valid),
        if valid { Status::Ok } else { Status::Fail },
        source,
        match problems {
            None => message!("tls-cert-valid", host = host, date = date(cert.not_after)),
            Some(problems) => message!("tls-cert-invalid", problems = problems),
        },
        lang,
    )
}

/// `tls.cert_days_left`: the days before the certificate expires.
fn cert_days_fact(cert: &CertFacts, now: i64, source: &str, lang: Lang) -> Fact {
    let days = (cert.not_after - now).div_euclid(86_400);
    let days_status = if days < 0 {
        Status::Fail
    } else if days < CERT_WARN_DAYS {
        Status::Warn
    } else {
        Status::Ok
    };
    fact_said(
        "tls.cert_days_left",
        Value::Number(days as f64),
        days_status,
        source,
        days_left_message(cert, days),
        lang,
    )
}

/// What `tls.cert_days_left` says: when the certificate expired, or how long it has left.
fn days_left_message(cert: &CertFacts, days: i64) -> Message {
    let date = date(cert.not_after);
    if days < 0 {
        message!("tls-cert-expired", date = date, days = -days)
    } else if days < CERT_WARN_DAYS {
        message!("tls-cert-days-left-renew", days = days, date = date)
    } else {
        message!("tls-cert-days-left", days = days, date = date)
    }
}

/// `tls.chain_valid`: whether the certificate chain leads to a trusted authority.
fn chain_fact(cert: &CertFacts, trust: &Trust, source: &str, lang: Lang) -> Fact {
    let issuer = &cert.issuer;
    match &cert.chain {
        Ok(()) => fact_said(
            "tls.chain_valid",
            Value::Bool(true),
            Status::Ok,
            source,
            message!("tls-chain-trusted", issuer = issuer),
            lang,
        ),
        Err(error) => untrusted_chain_fact(chain_error(error), issuer, trust, source, lang),
    }
}

/// Why the chain is not trusted.
fn chain_error(error: &ChainError) -> Message {
    match error {
        ChainError::UnknownIssuer => message!("tls-chain-unknown-issuer"),
        ChainError::Expired => message!("tls-chain-expired"),
        ChainError::BadSignature => message!("tls-chain-bad-signature"),
        ChainError::Other(why) => why.clone(),
    }
}

/// `tls.chain_valid` for an untrusted chain: failed, or unknown when the --ca file could not be
/// read (it may be the missing authority).
fn untrusted_chain_fact(
    why: Message,
    issuer: &str,
    trust: &Trust,
    source: &str,
    lang: Lang,
) -> Fact {
    match &trust.ca_error {
        // The --ca file may be the missing authority: no conclusion.
        Some(ca_error) => unknown_said(
            "tls.chain_valid",
            source,
            message!(
                "tls-chain-untrusted-ca-unread",
                why = why,
                issuer = issuer,
                ca_error = ca_error
            ),
            lang,
        ),
        None => fact_said(
            "tls.chain_valid",
            Value::Bool(false),
            Status::Fail,
            source,
            message!("tls-chain-untrusted", why = why, issuer = issuer),
            lang,
        ),
    }
}

fn redirect_fact(
    redirect: &Result<Redirect, Failure>,
    http: &Url,
    https_unreachable: bool,
    source: &str,
    lang: Lang,
) -> Fact {
    let key = "https.redirect";
    let http = http.as_str();
    match redirect {
        Ok(Redirect::ToHttps { status, location }) => fact_said(
            key,
            Value::Bool(true),
            Status::Ok,
            source,
            message!(
                "tls-redirect-to-https",
                http = http,
                location = location.as_str(),
                status = *status
            ),
            lang,
        ),
        Ok(Redirect::NotHttps { status, location }) => fact_said(
            key,
            Value::Bool(false),
            Status::Fail,
            source,
            match location {
                Some(location) => message!(
                    "tls-redirect-not-https",
                    http = http,
                    location = location.as_str(),
                    status = *status
                ),
                None => message!("tls-redirect-plain", http = http, status = *status),
            },
            lang,
        ),
        // Nothing served over HTTP: no page can be read in plain text, but whoever types the
        // address without https:// finds nothing (a warning, not a failure).
        Err(Failure::Refused) if !https_unreachable => fact_said(
            key,
            Value::Bool(false),
            Status::Warn,
            source,
            message!("tls-redirect-refused", http = http),
            lang,
        ),
        Err(failure) => unknown_said(
            key,
            source,
            message!(
                "tls-redirect-unchecked",
                http = http,
                reason = failure.message()
            ),
            lang,
        ),
    }
}

fn hsts_fact(hsts: &Result<Hsts, Failure>, source: &str, lang: Lang) -> Fact {
    let key = "https.hsts";
    let days = |age: u64| message!("tls-hsts-days", days = age / 86_400);
    match hsts {
        Ok(Hsts::Present { max_age }) if *max_age >= HSTS_MIN_AGE => fact_said(
            key,
            Value::Bool(true),
            Status::Ok,
            source,
            message!("tls-hsts-ok", max_age = *max_age, days = days(*max_age)),
            lang,
        ),
        Ok(Hsts::Present { max_age }) if *max_age > 0 => fact_said(
            key,
            Value::Bool(true),
            Status::Warn,
            source,
            message!("tls-hsts-short", max_age = *max_age, days = days(*max_age)),
            lang,
        ),
        Ok(Hsts::Present { .. }) => fact_said(
            key,
            Value::Bool(false),
            Status::Fail,
            source,
            message!("tls-hsts-off"),
            lang,
        ),
        Ok(Hsts::Invalid(raw)) => fact_said(
            key,
            Value::Bool(false),
            Status::Fail,
            source,
            message!("tls-hsts-invalid", raw = raw),
            lang,
        ),
        Ok(Hsts::Absent) => fact_said(
            key,
            Value::Bool(false),
            Status::Fail,
            source,
            message!("tls-hsts-absent"),
            lang,
        ),
        Err(failure) => unknown_said(
            key,
            source,
            message!("tls-hsts-unread", reason = failure.message()),
            lang,
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn urls(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn an_https_url_checks_port_80() {
        let sites = plan(&urls(&["https://www.example.org/patients"]));
        let [
            Site::Web {
                https: Some(https),
                http,
                http_given: false,
            },
        ] = sites.as_slice()
        else {
            panic!("{sites:?}");
        };
        assert_eq!(https.as_str(), "https://www.example.org/patients");
        assert_eq!(http.as_str(), "http://www.example.org/");
        let sites = plan(&urls(&["https://127.0.0.1:8443"]));
        let [Site::Web { http, .. }] = sites.as_slice() else {
            panic!("{sites:?}");
        };
        assert_eq!(http.as_str(), "http://127.0.0.1/");
    }

    #[test]
    fn an_http_url_joins_the_https_site_of_its_host() {
        let sites = plan(&urls(&[
            "http://127.0.0.1:8080",
            "https://127.0.0.1:8443",
            "example.org",
            "ftp://example.org",
            "http://other.example",
        ]));
        assert_eq!(sites.len(), 4, "{sites:?}");
        let Site::Web {
            https: Some(https),
            http,
            http_given: true,
        } = &sites[0]
        else {
            panic!("{sites:?}");
        };
        assert_eq!(https.port(), Some(8443));
        assert_eq!(http.port(), Some(8080));
        assert!(
            matches!(&sites[1], Site::Web { https: Some(h), http_given: false, .. }
            if h.as_str() == "https://example.org/")
        );
        assert!(matches!(&sites[2], Site::Invalid { input, .. } if input == "ftp://example.org"));
        assert!(matches!(
            &sites[3],
            Site::Web {
                https: None,
                http_given: true,
                ..
            }
        ));
    }

    #[test]
    fn duplicates_are_probed_once() {
        let sites = plan(&urls(&["https://example.org", "https://example.org/"]));
        assert_eq!(sites.len(), 1);
    }

    #[test]
    fn an_invalid_url_gives_unknown_facts() {
        let report = probe(&Options {
            urls: urls(&["https://"]),
            ca: None,
            lang: Lang::En,
        });
        assert_eq!(report.facts.len(), 6);
        assert!(report.facts.iter().all(|f| f.status == Status::Unknown));
        assert!(report.facts[0].detail.contains("invalid address"));
    }

    /// A fact carries its message: made in French, it is said in English as the English probe
    /// says it, reasons nested in the sentence included.
    #[test]
    fn a_fact_made_in_french_is_said_in_english() {
        let probe_in = |lang| {
            probe(&Options {
                urls: urls(&["ftp://example.org", "https://", "https://exa mple.org"]),
                ca: None,
                lang,
            })
            .facts
        };
        let (fr, en) = (probe_in(Lang::Fr), probe_in(Lang::En));
        assert_eq!(fr.len(), 18);
        for (fr, en) in fr.iter().zip(&en) {
            assert!(fr.message.is_some(), "{fr:?}");
            assert_eq!(i18n::fact_detail(&Lang::En, fr), en.detail);
            assert_eq!(i18n::fact_detail(&Lang::Fr, en), fr.detail);
        }
        assert_eq!(
            en[0].detail,
            "Site not probed: invalid address (scheme ftp:// (http or https expected))."
        );
    }

    /// Days are counted with their plural, and problems listed in the language's way.
    #[test]
    fn days_and_problems_are_said_with_their_plural() {
        let day = 86_400;
        let cert = CertFacts {
            not_before: 0,
            not_after: 10 * day,
            names: Vec::new(),
            name_ok: false,
            issuer: "CA".into(),
            chain: Ok(()),
        };
        let say = |lang, message: &Message| i18n::say(&lang, message).unwrap_or_default();
        assert_eq!(
            say(Lang::Fr, &days_left_message(&cert, 1)),
            "1 jour avant l'expiration du certificat (1970-01-11)\u{a0}: à renouveler."
        );
        assert_eq!(
            say(Lang::En, &days_left_message(&cert, -1)),
            "The certificate expired on 1970-01-11 (1 day ago)."
        );
        assert_eq!(
            say(Lang::En, &days_left_message(&cert, 30)),
            "30 days before the certificate expires (1970-01-11)."
        );
        let problems = problem_list(cert_problems(&cert, "example.org", 11 * day));
        assert_eq!(
            say(
                Lang::Fr,
                &message!("tls-cert-invalid", problems = problems.unwrap())
            ),
            "Certificat invalide\u{a0}: expiré depuis le 1970-01-11\u{202f}; ne couvre pas \
             example.org (noms\u{a0}: —)."
        );
        let hsts = |max_age, lang| hsts_fact(&Ok(Hsts::Present { max_age }), "s", lang).detail;
        assert_eq!(
            hsts(600, Lang::En),
            "Strict-Transport-Security header present but short (max-age=600, less than a \
             day; at least 180 days advised)."
        );
        assert_eq!(
            hsts(86_400, Lang::Fr),
            "En-tête Strict-Transport-Security présent mais court (max-age=86400, 1 jour\u{202f}; \
             180 jours au moins recommandés)."
        );
    }

    #[test]
    fn the_header_is_the_one_collect_gives_this_machine() {
        let report = probe(&Options {
            urls: Vec::new(),
            ca: None,
            lang: Lang::En,
        });
        let machine = crate::collect::Machine::new(None, Lang::En, chrono::Local::now());
        assert_eq!(report.root, machine.euid_root);
        // Every sign of a container counts, not only Docker's and Podman's marker files.
        assert_eq!(report.container, machine.container());
        assert_eq!(report.host, machine.host_name());
        // The local offset (`+02:00`, `+00:00`), as `collect` writes it: never `Z`.
        let at = chrono::DateTime::parse_from_rfc3339(&report.collected_at).unwrap();
        assert_eq!(
            report.collected_at,
            at.with_timezone(&chrono::Local)
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
        );
    }
}
