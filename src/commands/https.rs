//! The HTTPS client of a collection server (`posture serve`), shared by `posture submit` (which
//! posts an assessment) and `posture report --benchmark` (which asks where the peers stand): the
//! server's address checked (HTTPS, or plain HTTP to this machine only), the organisation's token
//! read from a file or `POSTURE_TOKEN` (never the command line), and the client built on rustls
//! with the trusted authorities, following no redirect.

use std::io::Read as _;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use questionnaire::{Error, Lang, Problem, Text};
use reqwest::Url;
use reqwest::blocking::Client;
use reqwest::header::HeaderValue;
use reqwest::redirect::Policy;
use rustls::RootCertStore;

/// The variable that holds the token when `--token-file` is not given.
pub(super) const TOKEN_VAR: &str = "POSTURE_TOKEN";

/// The most of a token file read.
const TOKEN_FILE_LIMIT: u64 = 16 * 1024;

/// How long to wait for the connection, and for the whole exchange.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
const TIMEOUT: Duration = Duration::from_secs(60);

/// An input mistake: exit code 2.
fn invalid(message: Text, hint: Text) -> anyhow::Error {
    Error::invalid(Problem::new(message).hint(hint)).into()
}

/// Where a request goes: the server's base URL with the route under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Target {
    /// `URL/api/v1/assessments`.
    pub(super) endpoint: Url,
    /// The host is this machine (then no proxy is asked, and plain HTTP is allowed).
    pub(super) loopback: bool,
}

impl Target {
    /// The server's base URL checked: `https://`, or `http://` to this machine only, with no
    /// user name or password in it; `route` goes under its path.
    pub(super) fn parse(given: &str, route: &str) -> anyhow::Result<Target> {
        let shown = given.to_owned();
        let bad = || {
            invalid(
                i18n::text!("cli-submit-bad-url", url = shown.clone()),
                i18n::text!("cli-submit-bad-url-hint"),
            )
        };
        let mut url = Url::parse(given.trim()).map_err(|_| bad())?;
        let Some(host) = url.host_str() else {
            return Err(bad());
        };
        // An IPv6 address is written in brackets.
        let host = host.trim_start_matches('[').trim_end_matches(']');
        let loopback = match host.parse::<std::net::IpAddr>() {
            Ok(address) => address.is_loopback(),
            Err(_) => host.eq_ignore_ascii_case("localhost"),
        };
        match url.scheme() {
            "https" => {}
            "http" if loopback => {}
            _ => {
                return Err(invalid(
                    i18n::text!("cli-submit-not-https", url = shown),
                    i18n::text!("cli-submit-not-https-hint"),
                ));
            }
        }
        if !url.username().is_empty() || url.password().is_some() {
            // Not shown: the address holds a secret.
            return Err(invalid(
                i18n::text!("cli-submit-url-credentials"),
                i18n::text!("cli-submit-url-credentials-hint"),
            ));
        }
        let path = format!("{}/{route}", url.path().trim_end_matches('/'));
        url.set_path(&path);
        url.set_query(None);
        url.set_fragment(None);
        Ok(Target {
            endpoint: url,
            loopback,
        })
    }
}

/// The token: the first line of `--token-file`, else `POSTURE_TOKEN`, trimmed. Never shown.
pub(super) fn token(file: Option<&Path>) -> anyhow::Result<HeaderValue> {
    let (token, source) = match file {
        Some(path) => {
            let shown = path.display().to_string();
            let text = read_start(path).map_err(|error| {
                invalid(
                    i18n::text!(
                        "cli-submit-token-unreadable",
                        path = shown.clone(),
                        why = i18n::io_reason(&error)
                    ),
                    i18n::text!("cli-submit-no-token-hint"),
                )
            })?;
            // Notepad may start the file with a byte-order mark, and end lines with CRLF.
            let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
            let token = text.lines().next().unwrap_or_default().trim().to_owned();
            if token.is_empty() {
                return Err(invalid(
                    i18n::text!("cli-submit-token-empty", path = shown),
                    i18n::text!("cli-submit-token-hint"),
                ));
            }
            (token, shown)
        }
        None => {
            let token = std::env::var_os(TOKEN_VAR)
                .map(|value| value.to_string_lossy().trim().to_owned())
                .unwrap_or_default();
            if token.is_empty() {
                return Err(invalid(
                    i18n::text!("cli-submit-no-token"),
                    i18n::text!("cli-submit-no-token-hint"),
                ));
            }
            (token, TOKEN_VAR.to_owned())
        }
    };
    // A token is printable ASCII without spaces (the server's are URL-safe base64).
    let printable = token.bytes().all(|byte| byte.is_ascii_graphic());
    let header = HeaderValue::from_str(&format!("Bearer {token}"))
        .ok()
        .filter(|_| printable);
    match header {
        Some(mut header) => {
            header.set_sensitive(true);
            Ok(header)
        }
        None => Err(invalid(
            i18n::text!("cli-submit-token-invalid", source = source),
            i18n::text!("cli-submit-token-hint"),
        )),
    }
}

/// The start of a token file as text: a token is short, and a device or a large file given by
/// mistake is not read to its end.
fn read_start(path: &Path) -> std::io::Result<String> {
    let mut text = String::new();
    std::fs::File::open(path)?
        .take(TOKEN_FILE_LIMIT)
        .read_to_string(&mut text)?;
    Ok(text)
}

/// The warning to print when the token file is open to other users (Unix), before anything
/// else takes the terminal (the guided audit checks it before its screen starts).
#[cfg(unix)]
pub fn token_file_warning(path: &Path, lang: Lang) -> Option<String> {
    use std::os::unix::fs::PermissionsExt as _;
    let mode = std::fs::metadata(path).ok()?.permissions().mode() & 0o777;
    (mode & 0o077 != 0).then(|| {
        let (path, mode) = (path.display().to_string(), format!("{mode:04o}"));
        i18n::t!(lang, "cli-submit-token-file-open", path = path, mode = mode)
    })
}

/// On Windows a file's access is its ACL, which `posture` makes private when it writes one.
#[cfg(not(unix))]
pub fn token_file_warning(_path: &Path, _lang: Lang) -> Option<String> {
    None
}

/// The HTTP client: rustls with `roots`, no redirect followed (the token goes to the address
/// given, and nowhere else), no proxy for this machine.
pub(super) fn client(roots: RootCertStore, loopback: bool) -> anyhow::Result<Client> {
    // reqwest is built without a process-wide crypto provider; the configuration below names
    // its own, and the default one is only installed for any other rustls user of the process.
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let _ = rustls::crypto::ring::default_provider().install_default();
    let tls = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()?
        .with_root_certificates(roots)
        .with_no_client_auth();
    let mut builder = Client::builder()
        .tls_backend_preconfigured(tls)
        .redirect(Policy::none())
        .connect_timeout(CONNECT_TIMEOUT)
        .timeout(TIMEOUT)
        .user_agent(concat!("posture/", env!("CARGO_PKG_VERSION")));
    if loopback {
        builder = builder.no_proxy();
    }
    Ok(builder.build()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn endpoint(given: &str) -> String {
        Target::parse(given, "api/v1/assessments")
            .unwrap()
            .endpoint
            .to_string()
    }

    #[test]
    fn the_route_goes_under_the_base_address() {
        assert_eq!(
            endpoint("https://collecte.exemple.fr"),
            "https://collecte.exemple.fr/api/v1/assessments"
        );
        assert_eq!(
            endpoint("https://exemple.fr/collecte/?x=1#y"),
            "https://exemple.fr/collecte/api/v1/assessments"
        );
        assert_eq!(
            endpoint("http://127.0.0.1:8443/"),
            "http://127.0.0.1:8443/api/v1/assessments"
        );
        assert!(
            Target::parse("http://[::1]:80", "api/v1/assessments")
                .unwrap()
                .loopback
        );
        assert!(
            Target::parse("http://LocalHost:80", "api/v1/assessments")
                .unwrap()
                .loopback
        );
        assert!(
            !Target::parse("https://exemple.fr", "api/v1/assessments")
                .unwrap()
                .loopback
        );
    }

    #[test]
    fn plain_http_goes_only_to_this_machine() {
        for refused in [
            "http://example.org",
            "http://10.0.0.1:8080",
            "http://localhost.example.org",
            "ftp://127.0.0.1",
            "collecte.exemple.fr",
            "https://user:secret@exemple.fr",
        ] {
            let error = Target::parse(refused, "api/v1/assessments").unwrap_err();
            let error = error.downcast_ref::<Error>().unwrap();
            assert!(matches!(error, Error::Invalid(_)), "{refused}");
            assert!(!error.render(Lang::Fr).contains("secret"), "{refused}");
        }
    }
}
