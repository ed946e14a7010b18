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

use i18n::{Lang, Text};
use reqwest::Url;
use rustls::RootCertStore;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName};
use scoring::facts::{Fact, FactReport, Status, Value};

use self::cert::{CertFacts, ChainError};
use self::http::{Hsts, Redirect};
use crate::collect::{fact, say, unknown, unknowns};

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
                        &Failure::Other(Text::new("erreur interne", "internal error")),
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
    BadUrl(Text),
    /// The host name does not resolve.
    Dns(Text),
    /// Nothing listens on the port.
    Refused,
    /// No answer in time.
    Timeout,
    /// No route to the network or host.
    Unreachable(Text),
    /// The server only speaks a version older than TLS 1.2: the one it picked, when its
    /// ServerHello said so (`"TLS 1.0"`), rather than an alert.
    TlsTooOld(Option<&'static str>),
    /// The TLS handshake failed for another reason.
    Tls(Text),
    /// Anything else.
    Other(Text),
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

    fn text(&self, lang: Lang) -> String {
        match self {
            Failure::BadUrl(why) => say(
                lang,
                format!("adresse invalide ({})", why.fr),
                format!("invalid address ({})", why.en),
            ),
            Failure::Dns(why) => say(
                lang,
                format!("nom d'hôte introuvable ({})", why.fr),
                format!("host name not found ({})", why.en),
            ),
            Failure::Refused => lang.pick("connexion refusée", "connection refused").into(),
            Failure::Timeout => lang
                .pick("pas de réponse en 5 s", "no answer within 5 s")
                .into(),
            Failure::Unreachable(why) => say(
                lang,
                format!("réseau ou machine injoignable ({})", why.fr),
                format!("network or host unreachable ({})", why.en),
            ),
            Failure::TlsTooOld(Some(version)) => say(
                lang,
                format!("le serveur ne propose que {version}, antérieur à TLS 1.2"),
                format!("the server only offers {version}, older than TLS 1.2"),
            ),
            Failure::TlsTooOld(None) => lang
                .pick(
                    "le serveur ne propose qu'une version antérieure à TLS 1.2",
                    "the server only offers a version older than TLS 1.2",
                )
                .into(),
            Failure::Tls(why) => say(
                lang,
                format!("échec de la négociation TLS ({})", why.fr),
                format!("TLS handshake failed ({})", why.en),
            ),
            Failure::Other(why) => why.get(lang).to_owned(),
        }
    }
}

/// The certificate authorities trusted: webpki's roots and the `--ca` file.
#[derive(Debug)]
struct Trust {
    roots: Arc<RootCertStore>,
    /// Why the `--ca` file could not be used, if it could not.
    ca_error: Option<Text>,
}

impl Trust {
    fn load(ca: Option<&std::path::Path>) -> Trust {
        let mut roots = RootCertStore {
            roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
        };
        let mut ca_error = None;
        if let Some(path) = ca {
            let shown = path.display();
            let on_file = |why: Text| {
                Text::new(
                    format!("{shown} : {}", why.fr),
                    format!("{shown}: {}", why.en),
                )
            };
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
                                Err(error) => Text::new(
                                    format!(
                                        "certificat d'autorité inutilisable ({})",
                                        reason::tls(&error).fr
                                    ),
                                    format!(
                                        "unusable authority certificate ({})",
                                        reason::tls(&error).en
                                    ),
                                ),
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
    Invalid { input: String, why: Text },
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
fn parse_url(input: &str) -> Result<Url, Text> {
    let trimmed = input.trim();
    let text = if trimmed.contains("://") {
        trimmed.to_owned()
    } else {
        format!("https://{trimmed}")
    };
    let url = Url::parse(&text).map_err(|e| reason::url(&e.to_string()))?;
    if !matches!(url.scheme(), "http" | "https") {
        let scheme = url.scheme();
        return Err(Text::new(
            format!("protocole {scheme}:// (http ou https attendu)"),
            format!("scheme {scheme}:// (http or https expected)"),
        ));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(no_host());
    }
    Ok(url)
}

/// A URL without a host name.
fn no_host() -> Text {
    Text::new("pas de nom d'hôte", "no host")
}

/// Groups the URLs into sites: each `https://` origin is a site; an `http://` URL joins the
/// first site of the same host that has no `http://` URL yet (its redirect is then checked on
/// that address instead of port 80), or makes a site of its own.
fn plan(urls: &[String]) -> Vec<Site> {
    let parsed: Vec<(String, Result<Url, Text>)> =
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
    let reason = failure.text(lang);
    unknowns(
        &KEYS,
        source,
        say(
            lang,
            format!("Site non sondé : {reason}."),
            format!("Site not probed: {reason}."),
        ),
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
    server_name: &Result<ServerName<'static>, Text>,
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
    server_name: &Result<ServerName<'static>, Text>,
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
            facts.extend(unknowns(
                &KEYS[1..4],
                source,
                say(
                    lang,
                    format!("Certificat illisible : {}.", why.fr),
                    format!("Unreadable certificate: {}.", why.en),
                ),
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
    let (fr, en) = match picked {
        Some(version) => (
            format!(
                "Le site ne propose que {version}, version de TLS antérieure à 1.2 et \
                         obsolète : l'annexe RGPD demande la dernière version (TLS 1.3)."
            ),
            format!(
                "The site only offers {version}, a TLS version older than 1.2 and \
                         obsolete: the GDPR annex asks for the latest version (TLS 1.3)."
            ),
        ),
        None => (
            "Le site ne propose qu'une version de TLS antérieure à 1.2 (il refuse TLS \
                     1.2 et 1.3), obsolète : l'annexe RGPD demande la dernière version (TLS 1.3)."
                .to_owned(),
            "The site only offers a TLS version older than 1.2 (it refuses TLS 1.2 \
                     and 1.3), which is obsolete: the GDPR annex asks for the latest version \
                     (TLS 1.3)."
                .to_owned(),
        ),
    };
    facts.push(fact(
        "tls.version",
        Value::Text(OLD_TLS.into()),
        Status::Fail,
        source,
        say(lang, fr, en),
    ));
    facts.extend(unknown_certificate(failure, source, lang));
}

/// Adds `tls.version` and the certificate's facts unknown: no TLS connection could be made.
fn push_no_connection_facts(facts: &mut Vec<Fact>, failure: &Failure, source: &str, lang: Lang) {
    let reason = failure.text(lang);
    facts.push(unknown(
        "tls.version",
        source,
        say(
            lang,
            format!("Connexion TLS à {source} impossible : {reason}."),
            format!("No TLS connection to {source}: {reason}."),
        ),
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

fn server_name(url: &Url) -> Result<ServerName<'static>, Text> {
    let host = url.host_str().ok_or_else(no_host)?;
    match handshake::bare_host(url).parse::<std::net::IpAddr>() {
        Ok(ip) => Ok(ServerName::from(ip)),
        Err(_) => ServerName::try_from(host.to_owned()).map_err(|_| {
            Text::new(
                format!("« {host} » n'est pas un nom d'hôte valide"),
                format!("\"{host}\" is not a valid host name"),
            )
        }),
    }
}

fn version_fact(version: &rustls::ProtocolVersion, source: &str, lang: Lang) -> Fact {
    let (name, status, detail) = match version {
        rustls::ProtocolVersion::TLSv1_3 => (
            "TLSv1.3",
            Status::Ok,
            say(
                lang,
                "Le site négocie TLS 1.3, la dernière version.",
                "The site negotiates TLS 1.3, the latest version.",
            ),
        ),
        rustls::ProtocolVersion::TLSv1_2 => (
            "TLSv1.2",
            Status::Warn,
            say(
                lang,
                "Le site négocie au mieux TLS 1.2 : acceptable, mais l'annexe RGPD demande la \
                 dernière version (TLS 1.3).",
                "The best the site negotiates is TLS 1.2: acceptable, but the GDPR annex asks \
                 for the latest version (TLS 1.3).",
            ),
        ),
        // rustls speaks nothing older: not reached, but never a silent "ok".
        other => (
            OLD_TLS,
            Status::Fail,
            say(
                lang,
                format!("Version de TLS obsolète ({other:?})."),
                format!("Obsolete TLS version ({other:?})."),
            ),
        ),
    };
    fact(
        "tls.version",
        Value::Text(name.into()),
        status,
        source,
        detail,
    )
}

/// `tls.cert_valid`, `tls.cert_days_left` and `tls.chain_valid` when no certificate was seen.
fn unknown_certificate(failure: &Failure, source: &str, lang: Lang) -> Vec<Fact> {
    let reason = failure.text(lang);
    unknowns(
        &KEYS[1..4],
        source,
        say(
            lang,
            format!("Certificat non lu : {reason}."),
            format!("Certificate not read: {reason}."),
        ),
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
fn cert_problems(cert: &CertFacts, host: &str, now: i64, lang: Lang) -> Vec<String> {
    let mut problems = Vec::new();
    if now > cert.not_after {
        problems.push(say(
            lang,
            format!("expiré depuis le {}", date(cert.not_after)),
            format!("expired on {}", date(cert.not_after)),
        ));
    }
    if now < cert.not_before {
        problems.push(say(
            lang,
            format!("valide seulement à partir du {}", date(cert.not_before)),
            format!("not valid before {}", date(cert.not_before)),
        ));
    }
    if !cert.name_ok {
        let names = if cert.names.is_empty() {
            "—".to_owned()
        } else {
            cert.names.join(", ")
        };
        problems.push(say(
            lang,
            format!("ne couvre pas {host} (noms : {names})"),
            format!("does not cover {host} (names: {names})"),
        ));
    }
    problems
}

/// `tls.cert_valid`: whether the certificate is valid now and covers `host`.
fn cert_valid_fact(cert: &CertFacts, host: &str, now: i64, source: &str, lang: Lang) -> Fact {
    let problems = cert_problems(cert, host, now, lang);
    let valid = problems.is_empty();
    fact(
        "tls.cert_valid",
        Value::Bool(valid),
        if valid { Status::Ok } else { Status::Fail },
        source,
        if valid {
            say(
                lang,
                format!(
                    "Certificat valide pour {host} jusqu'au {}.",
                    date(cert.not_after)
                ),
                format!(
                    "Certificate valid for {host} until {}.",
                    date(cert.not_after)
                ),
            )
        } else {
            say(
                lang,
                format!("Certificat invalide : {}.", problems.join(" ; ")),
                format!("Invalid certificate: {}.", problems.join("; ")),
            )
        },
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
    let days_detail = days_left_detail(cert, days, lang);
    fact(
        "tls.cert_days_left",
        Value::Number(days as f64),
        days_status,
        source,
        days_detail,
    )
}

/// The detail of `tls.cert_days_left`: when the certificate expired, or how long it has left.
fn days_left_detail(cert: &CertFacts, days: i64, lang: Lang) -> String {
    if days < 0 {
        say(
            lang,
            format!(
                "Le certificat a expiré le {} (il y a {} jours).",
                date(cert.not_after),
                -days
            ),
            format!(
                "The certificate expired on {} ({} days ago).",
                date(cert.not_after),
                -days
            ),
        )
    } else {
        let renew = if days < CERT_WARN_DAYS {
            lang.pick(" : à renouveler", ": renew it")
        } else {
            ""
        };
        say(
            lang,
            format!(
                "{days} jours avant l'expiration du certificat ({}){renew}.",
                date(cert.not_after)
            ),
            format!(
                "{days} days before the certificate expires ({}){renew}.",
                date(cert.not_after)
            ),
        )
    }
}

/// `tls.chain_valid`: whether the certificate chain leads to a trusted authority.
fn chain_fact(cert: &CertFacts, trust: &Trust, source: &str, lang: Lang) -> Fact {
    let issuer = &cert.issuer;
    match &cert.chain {
        Ok(()) => fact(
            "tls.chain_valid",
            Value::Bool(true),
            Status::Ok,
            source,
            say(
                lang,
                format!("Chaîne de certificats reconnue (émetteur : {issuer})."),
                format!("Certificate chain trusted (issuer: {issuer})."),
            ),
        ),
        Err(error) => untrusted_chain_fact(&chain_error(error, lang), issuer, trust, source, lang),
    }
}

/// Why the chain is not trusted, in words.
fn chain_error(error: &ChainError, lang: Lang) -> String {
    match error {
        ChainError::UnknownIssuer => lang
            .pick(
                "autorité inconnue, certificat auto-signé ou intermédiaire manquant",
                "unknown authority, self-signed certificate or missing intermediate",
            )
            .to_owned(),
        ChainError::Expired => lang
            .pick(
                "un certificat de la chaîne a expiré",
                "a certificate of the chain has expired",
            )
            .to_owned(),
        ChainError::BadSignature => lang
            .pick("signature invalide", "invalid signature")
            .to_owned(),
        ChainError::Other(text) => text.get(lang).to_owned(),
    }
}

/// `tls.chain_valid` for an untrusted chain: failed, or unknown when the --ca file could not be
/// read (it may be the missing authority).
fn untrusted_chain_fact(why: &str, issuer: &str, trust: &Trust, source: &str, lang: Lang) -> Fact {
    match &trust.ca_error {
        // The --ca file may be the missing authority: no conclusion.
        Some(ca_error) => unknown(
            "tls.chain_valid",
            source,
            say(
                lang,
                format!(
                    "Chaîne non reconnue ({why}, émetteur : {issuer}), mais le \
                             fichier --ca n'a pas pu être lu : {}.",
                    ca_error.fr
                ),
                format!(
                    "Chain not trusted ({why}, issuer: {issuer}), but the --ca file \
                             could not be read: {}.",
                    ca_error.en
                ),
            ),
        ),
        None => fact(
            "tls.chain_valid",
            Value::Bool(false),
            Status::Fail,
            source,
            say(
                lang,
                format!(
                    "Chaîne de certificats non reconnue : {why} (émetteur : {issuer}). \
                             Les navigateurs affichent une alerte."
                ),
                format!(
                    "Certificate chain not trusted: {why} (issuer: {issuer}). \
                             Browsers show a warning."
                ),
            ),
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
    match redirect {
        Ok(Redirect::ToHttps { status, location }) => fact(
            key,
            Value::Bool(true),
            Status::Ok,
            source,
            say(
                lang,
                format!("{http} redirige vers {location} ({status})."),
                format!("{http} redirects to {location} ({status})."),
            ),
        ),
        Ok(Redirect::NotHttps { status, location }) => fact(
            key,
            Value::Bool(false),
            Status::Fail,
            source,
            match location {
                Some(location) => say(
                    lang,
                    format!("{http} redirige vers {location} ({status}), qui n'est pas en HTTPS."),
                    format!("{http} redirects to {location} ({status}), which is not HTTPS."),
                ),
                None => say(
                    lang,
                    format!(
                        "{http} répond {status} en clair, sans rediriger vers HTTPS : les pages \
                         peuvent être lues en HTTP."
                    ),
                    format!(
                        "{http} answers {status} in plain HTTP without redirecting to HTTPS: \
                         pages can be read over HTTP."
                    ),
                ),
            },
        ),
        // Nothing served over HTTP: no page can be read in plain text, but whoever types the
        // address without https:// finds nothing (a warning, not a failure).
        Err(Failure::Refused) if !https_unreachable => fact(
            key,
            Value::Bool(false),
            Status::Warn,
            source,
            say(
                lang,
                format!(
                    "{http} : connexion refusée. Le site n'est pas servi en HTTP, donc rien \
                     n'y circule en clair ; mais qui tape l'adresse sans https:// tombe sur \
                     une erreur au lieu d'être redirigé vers HTTPS."
                ),
                format!(
                    "{http}: connection refused. The site is not served over HTTP, so nothing \
                     travels in plain text there; but whoever types the address without \
                     https:// gets an error instead of a redirect to HTTPS."
                ),
            ),
        ),
        Err(failure) => {
            let reason = failure.text(lang);
            unknown(
                key,
                source,
                say(
                    lang,
                    format!("Redirection non vérifiée : {http} : {reason}."),
                    format!("Redirect not checked: {http}: {reason}."),
                ),
            )
        }
    }
}

fn hsts_fact(hsts: &Result<Hsts, Failure>, source: &str, lang: Lang) -> Fact {
    let key = "https.hsts";
    let days = |age: u64| match age / 86_400 {
        0 => lang.pick("moins d'un jour", "less than a day").to_owned(),
        count => i18n::days(&lang, i64::try_from(count).unwrap_or(i64::MAX)),
    };
    match hsts {
        Ok(Hsts::Present { max_age }) if *max_age >= HSTS_MIN_AGE => fact(
            key,
            Value::Bool(true),
            Status::Ok,
            source,
            say(
                lang,
                format!(
                    "En-tête Strict-Transport-Security présent (max-age={max_age}, {}).",
                    days(*max_age)
                ),
                format!(
                    "Strict-Transport-Security header present (max-age={max_age}, {}).",
                    days(*max_age)
                ),
            ),
        ),
        Ok(Hsts::Present { max_age }) if *max_age > 0 => fact(
            key,
            Value::Bool(true),
            Status::Warn,
            source,
            say(
                lang,
                format!(
                    "En-tête Strict-Transport-Security présent mais court (max-age={max_age}, \
                     {} ; 180 jours au moins recommandés).",
                    days(*max_age)
                ),
                format!(
                    "Strict-Transport-Security header present but short (max-age={max_age}, \
                     {}; at least 180 days advised).",
                    days(*max_age)
                ),
            ),
        ),
        Ok(Hsts::Present { .. }) => fact(
            key,
            Value::Bool(false),
            Status::Fail,
            source,
            say(
                lang,
                "En-tête Strict-Transport-Security à max-age=0 : HSTS désactivé.",
                "Strict-Transport-Security header with max-age=0: HSTS switched off.",
            ),
        ),
        Ok(Hsts::Invalid(raw)) => fact(
            key,
            Value::Bool(false),
            Status::Fail,
            source,
            say(
                lang,
                format!(
                    "En-tête Strict-Transport-Security sans max-age valide (« {raw} ») : \
                     ignoré par les navigateurs."
                ),
                format!(
                    "Strict-Transport-Security header without a valid max-age (\"{raw}\"): \
                     browsers ignore it."
                ),
            ),
        ),
        Ok(Hsts::Absent) => fact(
            key,
            Value::Bool(false),
            Status::Fail,
            source,
            say(
                lang,
                "Pas d'en-tête Strict-Transport-Security sur la réponse HTTPS : le navigateur \
                 peut encore être amené en HTTP.",
                "No Strict-Transport-Security header on the HTTPS answer: browsers can still \
                 be led to HTTP.",
            ),
        ),
        Err(failure) => {
            let reason = failure.text(lang);
            unknown(
                key,
                source,
                say(
                    lang,
                    format!("En-tête HSTS non lu : {reason}."),
                    format!("HSTS header not read: {reason}."),
                ),
            )
        }
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
