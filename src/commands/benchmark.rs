//! `posture report --benchmark URL`, and the end-of-meeting export when `POSTURE_BENCHMARK_URL`
//! is set: asks the collection server (`GET URL/api/v1/benchmark?sector=S&size=BAND`) where the
//! organisations of the session's sector and size band stand, for the report's "position among
//! your peers". The report is written whatever happens: a server out of reach, a refused token or
//! too few peers are said in the report and as a warning, never an error.

use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

use questionnaire::Lang;
use reports::Report;
use reports::benchmark::{Fetched, Peers};
use reqwest::StatusCode;
use reqwest::blocking::Client;
use reqwest::header::{ACCEPT, AUTHORIZATION, HeaderValue};

use super::https::{Target, client, token};
use super::submit::{
    TRIES, clean, connection_reason, first_delay, retry_after, roots, tls_problem,
};

/// The route of the peers' quartiles, under the server's base URL.
const ROUTE: &str = "api/v1/benchmark";

/// The variables that configure the end-of-meeting export of `posture audit` (no command line
/// there): the server's base URL, and optionally the token file and the certificate authority.
pub const URL_VAR: &str = "POSTURE_BENCHMARK_URL";
pub const TOKEN_FILE_VAR: &str = "POSTURE_BENCHMARK_TOKEN_FILE";
pub const CA_VAR: &str = "POSTURE_BENCHMARK_CA";

/// The most of the server's answer read.
const ANSWER_LIMIT: u64 = 1024 * 1024;

/// The most characters of a server's `error` shown.
const REASON_LIMIT: usize = 300;

/// Where to ask, checked before anything is read or written: the address, the token, the
/// authorities, the client.
pub struct Server {
    target: Target,
    token: HeaderValue,
    client: Client,
}

impl std::fmt::Debug for Server {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The token is never shown.
        f.debug_struct("Server")
            .field("url", &self.target.endpoint.as_str())
            .finish_non_exhaustive()
    }
}

impl Server {
    /// The server at `url`, with the token of `token_file` (else `POSTURE_TOKEN`) and the
    /// authorities of `ca` besides the public ones. A bad address, a missing token or an
    /// unusable `ca` are input errors (exit code 2), as for `posture submit`.
    pub fn new(url: &str, token_file: Option<&Path>, ca: Option<&Path>) -> anyhow::Result<Server> {
        let target = Target::parse(url, ROUTE)?;
        let token = token(token_file)?;
        let client = client(roots(ca)?, target.loopback)?;
        Ok(Server {
            target,
            token,
            client,
        })
    }

    /// The server the environment names for the end-of-meeting export (`POSTURE_BENCHMARK_URL`,
    /// `POSTURE_BENCHMARK_TOKEN_FILE` or `POSTURE_TOKEN`, `POSTURE_BENCHMARK_CA`): `None` when no
    /// URL is set, else the server or why it cannot be asked.
    pub fn from_env(lang: Lang) -> Option<Result<Server, String>> {
        let url = std::env::var(URL_VAR)
            .ok()
            .filter(|url| !url.trim().is_empty())?;
        let path = |name: &str| {
            std::env::var_os(name)
                .filter(|value| !value.is_empty())
                .map(PathBuf::from)
        };
        let (token_file, ca) = (path(TOKEN_FILE_VAR), path(CA_VAR));
        Some(
            Server::new(&url, token_file.as_deref(), ca.as_deref()).map_err(|error| {
                match error.downcast_ref::<questionnaire::Error>() {
                    Some(error) => one_line(&error.render(lang)),
                    None => one_line(&format!("{error:#}")),
                }
            }),
        )
    }

    /// Asks the server for the peers of the report's sector and size band.
    pub fn fetch(&self, report: &Report, lang: Lang) -> Fetched {
        let (sector, size) = (report.cover.sector.trim(), report.cover.headcount.trim());
        if sector.is_empty() || size.is_empty() {
            return Fetched::Unavailable(i18n::t!(lang, "cli-benchmark-no-profile"));
        }
        let mut url = self.target.endpoint.clone();
        url.query_pairs_mut()
            .append_pair("sector", sector)
            .append_pair("size", size);
        match get(&self.client, &url, &self.token, lang) {
            Ok(body) => match serde_json::from_slice::<Peers>(&body) {
                Ok(peers) => Fetched::Peers(peers),
                Err(_) => Fetched::Unavailable(i18n::t!(lang, "cli-benchmark-bad-answer")),
            },
            Err(reason) => Fetched::Unavailable(reason),
        }
    }
}

/// The token file the environment names for the end-of-meeting export, when a server is named.
pub fn env_token_file() -> Option<PathBuf> {
    std::env::var(URL_VAR)
        .ok()
        .filter(|url| !url.trim().is_empty())?;
    std::env::var_os(TOKEN_FILE_VAR)
        .filter(|value| !value.is_empty())
        .map(PathBuf::from)
}

/// A message on one line (a reason goes inside a sentence of the report).
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Adds the section to `report` from what `server` answers; returns the warning to print, if
/// any (the report then says the same in its section).
pub fn attach(report: &mut Report, fetched: Fetched, lang: Lang) -> Option<String> {
    let benchmark = reports::benchmark::position(report, fetched);
    let warning = match benchmark.status {
        reports::benchmark::Status::Ok => None,
        reports::benchmark::Status::TooFew => {
            let (count, min) = (benchmark.count.unwrap_or(0), reports::benchmark::MIN_PEERS);
            Some(i18n::t!(
                lang,
                "cli-benchmark-too-few",
                count = count,
                min = min
            ))
        }
        reports::benchmark::Status::Unavailable => {
            let reason = benchmark.reason.clone().unwrap_or_default();
            Some(i18n::t!(lang, "cli-benchmark-warning", reason = reason))
        }
    };
    report.benchmark = Some(benchmark);
    warning
}

/// GETs `url`, retrying connection errors, `5xx` and `429` as `posture submit` does; the body
/// of a `200`, else why not, in `lang`.
fn get(
    client: &Client,
    url: &reqwest::Url,
    token: &HeaderValue,
    lang: Lang,
) -> Result<Vec<u8>, String> {
    let shown = url.to_string();
    let mut delay = first_delay();
    let mut last = String::new();
    for attempt in 1..=TRIES {
        let sent = client
            .get(url.clone())
            .header(AUTHORIZATION, token.clone())
            .header(ACCEPT, "application/json")
            .send();
        let wait = match sent {
            Ok(response) => {
                let status = response.status();
                if status == StatusCode::OK {
                    let mut body = Vec::new();
                    return match response.take(ANSWER_LIMIT).read_to_end(&mut body) {
                        Ok(_) => Ok(body),
                        Err(_) => Err(i18n::t!(lang, "cli-benchmark-bad-answer")),
                    };
                }
                let code = status.as_u16();
                if status.is_server_error() || status == StatusCode::TOO_MANY_REQUESTS {
                    last = i18n::t!(lang, "cli-benchmark-server", status = code, tries = TRIES);
                    retry_after(response.headers()).unwrap_or(delay)
                } else if status == StatusCode::UNAUTHORIZED {
                    return Err(i18n::t!(lang, "cli-benchmark-unauthorized"));
                } else {
                    let reason = server_error(response);
                    return Err(if reason.is_empty() {
                        i18n::t!(lang, "cli-benchmark-refused", status = code)
                    } else {
                        i18n::t!(
                            lang,
                            "cli-benchmark-refused-reason",
                            status = code,
                            reason = reason
                        )
                    });
                }
            }
            Err(error) => {
                if let Some(problem) = tls_problem(&error, &shown) {
                    return Err(one_line(&problem.render(lang)));
                }
                let why = connection_reason(&error).get(lang).to_owned();
                last = i18n::t!(
                    lang,
                    "cli-benchmark-unreachable",
                    url = shown.clone(),
                    why = why
                );
                delay
            }
        };
        if attempt < TRIES {
            std::thread::sleep(wait.min(Duration::from_secs(30)));
            delay = delay.saturating_mul(2);
        }
    }
    Err(last)
}

/// The server's `error` in a refusal's JSON, made printable; empty when there is none.
fn server_error(response: reqwest::blocking::Response) -> String {
    let mut body = Vec::new();
    if response.take(64 * 1024).read_to_end(&mut body).is_err() {
        return String::new();
    }
    serde_json::from_slice::<serde_json::Value>(&body)
        .ok()
        .and_then(|value| {
            value
                .get("error")?
                .as_str()
                .map(|text| clean(text, REASON_LIMIT))
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_session_without_sector_or_size_asks_nothing() {
        use questionnaire::audit::Audit;
        use questionnaire::session::{NewSession, Session};
        let catalog = questionnaire::catalog::bundled().unwrap();
        let session = Session::new(
            &catalog,
            NewSession {
                organisation: "CPTS du Val".into(),
                profile: "express".into(),
                sector: "CPTS".into(),
                ..NewSession::default()
            },
            chrono::Utc::now(),
        )
        .unwrap();
        let audit = Audit {
            catalog: &catalog,
            session,
        };
        let report = reports::build(&audit, None, Lang::Fr, chrono::Utc::now());
        let dir = tempfile::tempdir().unwrap();
        let token = dir.path().join("jeton");
        std::fs::write(&token, "pst_x\n").unwrap();
        // Port 9 (discard) on this machine: nothing is asked, so nothing fails to answer.
        let server = Server::new("http://127.0.0.1:9", Some(&token), None).unwrap();
        assert_eq!(
            server.fetch(&report, Lang::Fr),
            Fetched::Unavailable(i18n::t!(Lang::Fr, "cli-benchmark-no-profile"))
        );
        let mut report = report;
        let fetched = server.fetch(&report, Lang::Fr);
        let warning = attach(&mut report, fetched, Lang::Fr);
        assert!(warning.is_some_and(|w| w.contains("secteur et son effectif")));
        assert_eq!(
            report.benchmark.map(|b| b.status),
            Some(reports::benchmark::Status::Unavailable)
        );
    }

    #[test]
    fn reasons_fit_on_one_line() {
        assert_eq!(one_line("a\n  b\tc "), "a b c");
    }
}
