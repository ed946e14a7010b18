//! `posture submit FILE --to URL [--token-file F] [--ca PEM] [--without-notes] [--dry-run]`: the
//! session's report JSON (the document `posture report FILE --format json` writes), posted to a
//! collection server (`posture serve`) at `URL/api/v1/assessments` with the organisation's token.
//!
//! It exists so that an auditor files an assessment with the SSI team in one command, safely: the
//! token never on the command line (a file or `POSTURE_TOKEN`), never in an error message; only
//! HTTPS, except plain HTTP to this very machine; the notes, which may name people, left out on
//! request; and a resend costs nothing (the server keeps one copy per `assessment_id`), so
//! connection errors, `5xx` and `429` are retried with backoff.

use std::io::Read as _;
use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

use questionnaire::{Error, Lang, Problem, Text};
use reports::{Format, Report};
use reqwest::blocking::{Client, Response};
use reqwest::header::{AUTHORIZATION, CONTENT_TYPE, HeaderMap, HeaderValue, LOCATION, RETRY_AFTER};
use reqwest::{StatusCode, Url};
use rustls::RootCertStore;
use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::PemObject as _;

use super::Opened;
use super::https::{Target, client, token};
use crate::cli::SubmitArgs;

/// The route an assessment is posted to, under the server's base URL.
const ROUTE: &str = "api/v1/assessments";

/// Undocumented in the help: the first backoff delay in milliseconds (the tests make it short).
const BACKOFF_VAR: &str = "POSTURE_SUBMIT_BACKOFF_MS";

/// Tries in all: the first one and three retries, after 0.5 s, 1 s and 2 s.
pub(super) const TRIES: u32 = 4;

/// The first backoff delay; each retry waits twice as long as the one before.
const BACKOFF: Duration = Duration::from_millis(500);

/// The longest `Retry-After` obeyed: a server asking for more is asked again after this.
const RETRY_AFTER_CAP: Duration = Duration::from_secs(30);

/// The most of a server's answer read (its `{"id"}` or `{"error", "field"}`).
const ANSWER_LIMIT: u64 = 64 * 1024;

/// The most characters of a server's `error` or `field` shown.
const REASON_LIMIT: usize = 300;

/// Sends the session's report JSON to the collection server.
pub fn run(catalog: Option<&Path>, args: SubmitArgs, lang: Lang) -> anyhow::Result<ExitCode> {
    let target = Target::parse(&args.to, ROUTE)?;
    // A dry run sends nothing: it needs no token and no certificate authority.
    let token = if args.dry_run {
        None
    } else {
        if let Some(warning) = args
            .token_file
            .as_deref()
            .and_then(|path| super::https::token_file_warning(path, lang))
        {
            eprintln!("{warning}");
        }
        Some(token(args.token_file.as_deref())?)
    };
    let roots = if args.dry_run {
        None
    } else {
        Some(roots(args.ca.as_deref())?)
    };

    let opened = Opened::read_in(&args.file, catalog, lang)?;
    let audit = opened.audit()?;
    let mut report = reports::build_with_facts(&audit, None, None, lang, chrono::Utc::now());
    if args.without_notes {
        strip_notes(&mut report);
    }
    let body = reports::render(&report, Format::Json)?;

    let url = target.endpoint.to_string();
    let (Some(token), Some(roots)) = (token, roots) else {
        super::emit(&String::from_utf8(body)?)?;
        eprintln!("{}", i18n::t!(lang, "cli-submit-dry-run", url = url));
        return Ok(ExitCode::SUCCESS);
    };

    let client = client(roots, target.loopback)?;
    let answer = post(&client, &target.endpoint, &token, body, lang)?;
    let id = answer_id(&answer.body)
        .or_else(|| report_id(&report))
        .unwrap_or_else(|| "?".to_owned());
    let text = match answer.status {
        StatusCode::CREATED => i18n::t!(lang, "cli-submit-created", url = url, id = id),
        _ => i18n::t!(lang, "cli-submit-already", url = url, id = id),
    };
    super::emit(&format!("{text}\n"))?;
    Ok(ExitCode::SUCCESS)
}

/// An input mistake: exit code 2.
fn invalid(message: Text, hint: Text) -> anyhow::Error {
    Error::invalid(Problem::new(message).hint(hint)).into()
}

/// A failure (the network, the server): exit code 1, said in `lang`.
fn failure(problem: Problem, lang: Lang) -> anyhow::Error {
    anyhow::anyhow!(problem.render(lang))
}

/// The authorities trusted: webpki's roots, the system's certificate store, and the `--ca`
/// file's certificates.
pub(super) fn roots(ca: Option<&Path>) -> anyhow::Result<RootCertStore> {
    let mut roots = RootCertStore {
        roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
    };
    add_system_roots(&mut roots);
    let Some(path) = ca else {
        return Ok(roots);
    };
    let shown = path.display().to_string();
    let unusable = || {
        invalid(
            i18n::text!("cli-submit-ca-invalid", path = shown.clone()),
            i18n::text!("cli-submit-ca-hint"),
        )
    };
    let bytes = std::fs::read(path).map_err(|error| {
        invalid(
            i18n::text!(
                "cli-submit-ca-unreadable",
                path = shown.clone(),
                why = i18n::io_reason(&error)
            ),
            i18n::text!("cli-submit-ca-hint"),
        )
    })?;
    let certificates = CertificateDer::pem_slice_iter(&bytes)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|_| unusable())?;
    if certificates.is_empty() {
        return Err(unusable());
    }
    for certificate in certificates {
        roots.add(certificate).map_err(|_| unusable())?;
    }
    Ok(roots)
}

/// Adds the system's trusted certificates (on Linux the distribution's bundle, or the files
/// named by `SSL_CERT_FILE` / `SSL_CERT_DIR`; on Windows the user's and the machine's stores;
/// on macOS the keychains), so that a server whose certificate an organisation's own authority
/// signed — an authority its IT department installed on the auditor's machine — is trusted
/// without `--ca`. A store that cannot be read, or a certificate in it that cannot be used, is
/// left out: webpki's roots and `--ca` still count.
fn add_system_roots(roots: &mut RootCertStore) {
    let found = rustls_native_certs::load_native_certs();
    roots.add_parsable_certificates(found.certs);
}

/// The server's final answer: `200` or `201`, with its body.
#[derive(Debug)]
struct Answer {
    status: StatusCode,
    body: Vec<u8>,
}

/// Why a try failed in a way worth another try.
enum Transient {
    /// No connection, or it broke: the reason, in both languages.
    Connection(Text),
    /// A `5xx` or `429`, with the server's reason if it gave one.
    Status(StatusCode, Option<Reason>),
}

/// The first backoff delay: `POSTURE_SUBMIT_BACKOFF_MS` if set (for the tests), else 0.5 s.
pub(super) fn first_delay() -> Duration {
    std::env::var(BACKOFF_VAR)
        .ok()
        .and_then(|value| value.trim().parse::<u64>().ok())
        .map_or(BACKOFF, Duration::from_millis)
}

/// Posts `body`, retrying what may pass on a second try.
fn post(
    client: &Client,
    endpoint: &Url,
    token: &HeaderValue,
    body: Vec<u8>,
    lang: Lang,
) -> anyhow::Result<Answer> {
    let url = endpoint.to_string();
    let mut delay = first_delay();
    let mut last = None;
    for attempt in 1..=TRIES {
        let sent = client
            .post(endpoint.clone())
            .header(AUTHORIZATION, token.clone())
            .header(CONTENT_TYPE, "application/json")
            .body(body.clone())
            .send();
        let (transient, wait) = match sent {
            Ok(response) => {
                let status = response.status();
                if status.is_server_error() || status == StatusCode::TOO_MANY_REQUESTS {
                    let wait = retry_after(response.headers()).unwrap_or(delay);
                    (Transient::Status(status, Reason::read(response)), wait)
                } else {
                    return answer(response, &url, lang);
                }
            }
            Err(error) => {
                if let Some(problem) = tls_problem(&error, &url) {
                    return Err(failure(problem, lang));
                }
                (Transient::Connection(connection_reason(&error)), delay)
            }
        };
        if attempt < TRIES {
            let (ms, next, tries) = (wait.as_millis().to_string(), attempt + 1, TRIES);
            let text = match &transient {
                Transient::Status(status, _) => {
                    let status = status.as_u16();
                    i18n::t!(
                        lang,
                        "cli-submit-retry-status",
                        status = status,
                        ms = ms,
                        attempt = next,
                        tries = tries
                    )
                }
                Transient::Connection(why) => {
                    let why = why.get(lang).to_owned();
                    i18n::t!(
                        lang,
                        "cli-submit-retry-connection",
                        why = why,
                        ms = ms,
                        attempt = next,
                        tries = tries
                    )
                }
            };
            eprintln!("{text}");
            std::thread::sleep(wait);
            delay = delay.saturating_mul(2);
        }
        last = Some(transient);
    }
    let problem = match last {
        Some(Transient::Status(status, reason)) => {
            let status = status.as_u16();
            let reason = reason.map(|reason| reason.said()).unwrap_or_default();
            Problem::new(i18n::text!(
                "cli-submit-server-failed",
                url = url.clone(),
                status = status,
                tries = TRIES,
                reason = reason
            ))
            .hint(i18n::text!("cli-submit-later-hint"))
        }
        Some(Transient::Connection(why)) => Problem::new(i18n::text!(
            "cli-submit-unreachable",
            url = url.clone(),
            tries = TRIES,
            why = why
        ))
        .hint(i18n::text!("cli-submit-unreachable-hint")),
        None => Problem::new(i18n::text!(
            "cli-submit-unreachable",
            url = url.clone(),
            tries = TRIES,
            why = String::new()
        )),
    };
    Err(failure(problem, lang))
}

/// `Retry-After` in seconds or as an HTTP date, at most [`RETRY_AFTER_CAP`].
pub(super) fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    let wait = match value.parse::<u64>() {
        Ok(seconds) => Duration::from_secs(seconds),
        Err(_) => {
            let when = chrono::DateTime::parse_from_rfc2822(value).ok()?;
            (when.with_timezone(&chrono::Utc) - chrono::Utc::now())
                .to_std()
                .unwrap_or(Duration::ZERO)
        }
    };
    Some(wait.min(RETRY_AFTER_CAP))
}

/// A final answer: `200` and `201` are the assessment filed; anything else is said.
fn answer(response: Response, url: &str, lang: Lang) -> anyhow::Result<Answer> {
    let status = response.status();
    if status == StatusCode::CREATED || status == StatusCode::OK {
        let mut body = Vec::new();
        // The body only names the id; an unreadable one does not undo the filing.
        let _ = response.take(ANSWER_LIMIT).read_to_end(&mut body);
        return Ok(Answer { status, body });
    }
    let code = status.as_u16();
    let problem = if status.is_redirection() {
        let location = response
            .headers()
            .get(LOCATION)
            .and_then(|value| value.to_str().ok())
            .map(|value| clean(value, REASON_LIMIT))
            .unwrap_or_default();
        Problem::new(i18n::text!(
            "cli-submit-redirected",
            url = url.to_owned(),
            status = code,
            location = location
        ))
        .hint(i18n::text!("cli-submit-redirected-hint"))
    } else if status.is_client_error() {
        let reason = Reason::read(response)
            .map(|reason| reason.said())
            .unwrap_or_default();
        let message = i18n::text!("cli-submit-refused", status = code, reason = reason);
        let hint = match status {
            StatusCode::UNAUTHORIZED => Some(i18n::text!("cli-submit-unauthorized-hint")),
            StatusCode::FORBIDDEN => Some(i18n::text!("cli-submit-forbidden-hint")),
            StatusCode::PAYLOAD_TOO_LARGE => Some(i18n::text!("cli-submit-too-large-hint")),
            _ => None,
        };
        match hint {
            Some(hint) => Problem::new(message).hint(hint),
            None => Problem::new(message),
        }
    } else {
        Problem::new(i18n::text!(
            "cli-submit-unexpected",
            url = url.to_owned(),
            status = code
        ))
    };
    Err(failure(problem, lang))
}

/// What a server said of a refusal: `{"error": "…", "field": "…"}`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Reason {
    error: String,
    field: Option<String>,
}

impl Reason {
    /// The reason in the answer's body, if it is the server's JSON.
    fn read(response: Response) -> Option<Reason> {
        let mut body = Vec::new();
        response.take(ANSWER_LIMIT).read_to_end(&mut body).ok()?;
        Reason::parse(&body)
    }

    fn parse(body: &[u8]) -> Option<Reason> {
        let value: serde_json::Value = serde_json::from_slice(body).ok()?;
        let text = |key: &str| {
            value
                .get(key)
                .and_then(serde_json::Value::as_str)
                .map(|text| clean(text, REASON_LIMIT))
                .filter(|text| !text.is_empty())
        };
        Some(Reason {
            error: text("error")?,
            field: text("field"),
        })
    }

    /// The reason as the end of a sentence: `: error (field X)`, after a no-break space in French.
    fn said(&self) -> Text {
        let error = self.error.clone();
        match self.field.clone() {
            Some(field) => i18n::text!("cli-submit-reason-field", error = error, field = field),
            None => i18n::text!("cli-submit-reason", error = error),
        }
    }
}

/// A server's text made safe to print: no control characters, at most `limit` characters.
pub(super) fn clean(text: &str, limit: usize) -> String {
    let mut cleaned: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .take(limit)
        .collect();
    if text.chars().count() > limit {
        cleaned.push('…');
    }
    cleaned.trim().to_owned()
}

/// The `id` of a `200`/`201` answer.
fn answer_id(body: &[u8]) -> Option<String> {
    let value: serde_json::Value = serde_json::from_slice(body).ok()?;
    value
        .get("id")
        .and_then(serde_json::Value::as_str)
        .map(|id| clean(id, REASON_LIMIT))
}

/// The document's own `assessment_id`, when the server's answer does not name it.
fn report_id(report: &Report) -> Option<String> {
    let value = serde_json::to_value(report).ok()?;
    value
        .get("assessment_id")
        .and_then(serde_json::Value::as_str)
        .map(str::to_owned)
}

/// Removes every auditor's note from the report: the answers' rows and the questions to check
/// (`docs/report-json.md`). The field stays, empty, as for an answer without a note.
fn strip_notes(report: &mut Report) {
    for domain in &mut report.answers {
        for row in &mut domain.answers {
            row.note.clear();
        }
    }
    for row in &mut report.to_check {
        row.note.clear();
    }
}

/// The errors of a request and their causes, outermost first.
fn causes<'a>(
    error: &'a (dyn std::error::Error + 'static),
) -> Vec<&'a (dyn std::error::Error + 'static)> {
    let mut causes = Vec::new();
    let mut current = Some(error);
    while let Some(error) = current {
        causes.push(error);
        // `io::Error::source` skips the error it wraps (itself often an `io::Error`): go into it.
        let inner = error
            .downcast_ref::<std::io::Error>()
            .and_then(std::io::Error::get_ref)
            .map(|inner| inner as &(dyn std::error::Error + 'static));
        current = inner.or_else(|| error.source());
    }
    causes
}

/// A TLS failure: not worth another try, said with what to do.
pub(super) fn tls_problem(error: &reqwest::Error, url: &str) -> Option<Problem> {
    let tls = causes(error)
        .into_iter()
        .find_map(|cause| cause.downcast_ref::<rustls::Error>())?;
    let url = url.to_owned();
    Some(match tls {
        rustls::Error::InvalidCertificate(certificate) => {
            let why = match certificate {
                rustls::CertificateError::UnknownIssuer => {
                    i18n::text!("cli-submit-why-unknown-issuer")
                }
                rustls::CertificateError::Expired
                | rustls::CertificateError::ExpiredContext { .. } => {
                    i18n::text!("cli-submit-why-expired")
                }
                rustls::CertificateError::NotValidForName
                | rustls::CertificateError::NotValidForNameContext { .. } => {
                    i18n::text!("cli-submit-why-other-name")
                }
                other => {
                    let other = format!("{other:?}");
                    i18n::text!("cli-submit-why-library", why = other)
                }
            };
            Problem::new(i18n::text!("cli-submit-certificate", url = url, why = why))
                .hint(i18n::text!("cli-submit-certificate-hint"))
        }
        other => {
            let other = other.to_string();
            Problem::new(i18n::text!("cli-submit-tls", url = url, why = other))
        }
    })
}

/// Why no answer came, in both languages: the system's reason when there is one.
pub(super) fn connection_reason(error: &reqwest::Error) -> Text {
    if error.is_timeout() {
        return i18n::text!("cli-submit-why-timeout");
    }
    let causes = causes(error);
    // The innermost: the outer ones only wrap it.
    let io = causes
        .iter()
        .rev()
        .find_map(|cause| cause.downcast_ref::<std::io::Error>());
    match io.map(std::io::Error::kind) {
        Some(std::io::ErrorKind::ConnectionRefused) => {
            return i18n::text!("cli-submit-why-refused");
        }
        Some(std::io::ErrorKind::TimedOut) => return i18n::text!("cli-submit-why-timeout"),
        Some(
            std::io::ErrorKind::ConnectionReset
            | std::io::ErrorKind::ConnectionAborted
            | std::io::ErrorKind::BrokenPipe
            | std::io::ErrorKind::UnexpectedEof,
        ) => return i18n::text!("cli-submit-why-cut"),
        _ => {}
    }
    let innermost = causes
        .last()
        .map(ToString::to_string)
        .unwrap_or_else(|| error.to_string());
    // The resolver's words (getaddrinfo, through hyper-util), recognised to be said in French.
    if innermost.contains("failed to lookup address") {
        return i18n::text!("cli-submit-why-unknown-host");
    }
    i18n::text!("cli-submit-why-library", why = innermost)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_systems_authorities_are_trusted_beside_webpkis() {
        let system = rustls_native_certs::load_native_certs().certs.len();
        let roots = roots(None).expect("roots");
        // Each usable certificate of the system's store is added (the two lists overlap: no
        // certificate is left out for being in both).
        assert!(
            roots.len() + 10 >= webpki_roots::TLS_SERVER_ROOTS.len() + system
                && roots.len() >= webpki_roots::TLS_SERVER_ROOTS.len(),
            "{} roots, {} from webpki, {system} from the system",
            roots.len(),
            webpki_roots::TLS_SERVER_ROOTS.len()
        );
    }

    #[test]
    fn retry_after_is_read_and_capped() {
        let mut headers = HeaderMap::new();
        assert_eq!(retry_after(&headers), None);
        headers.insert(RETRY_AFTER, HeaderValue::from_static("2"));
        assert_eq!(retry_after(&headers), Some(Duration::from_secs(2)));
        headers.insert(RETRY_AFTER, HeaderValue::from_static("86400"));
        assert_eq!(retry_after(&headers), Some(RETRY_AFTER_CAP));
        headers.insert(
            RETRY_AFTER,
            HeaderValue::from_static("Wed, 21 Oct 2015 07:28:00 GMT"),
        );
        assert_eq!(retry_after(&headers), Some(Duration::ZERO));
    }

    #[test]
    fn a_servers_reason_is_read_and_made_printable() {
        assert_eq!(
            Reason::parse(br#"{"error":"score out of range","field":"overall.score"}"#),
            Some(Reason {
                error: "score out of range".into(),
                field: Some("overall.score".into())
            })
        );
        assert_eq!(
            Reason::parse(b"{\"error\":\"bad\\u001b[2J\"}").map(|r| r.error),
            Some("bad [2J".into())
        );
        assert_eq!(Reason::parse(b"<html>502</html>"), None);
        assert_eq!(clean(&"x".repeat(500), 10), format!("{}…", "x".repeat(10)));
    }
}
