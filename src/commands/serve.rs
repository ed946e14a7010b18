//! `posture serve [--listen ADDR:PORT] [--db URL] (--tls-cert PEM --tls-key PEM | --self-signed |
//! --insecure-http [--behind-proxy])`: the collection server of an SSI team (the `collector`
//! crate's `server`), run until SIGTERM or SIGINT. Its flags are checked before anything is
//! opened: a server must not start unencrypted on a public address by mistake.

use std::net::{SocketAddr, ToSocketAddrs as _};
use std::process::ExitCode;
use std::time::Duration;

use collector::server::{self, Config, Limits, Tls};
use collector::store::Store;
use questionnaire::{Error, Lang, Problem};

use crate::cli::ServeArgs;

/// How long requests in flight may take to finish once SIGTERM or SIGINT is received.
const GRACE: Duration = Duration::from_secs(10);

/// How the server talks to its clients.
enum Transport {
    /// HTTPS from the given files.
    Files,
    /// HTTPS with a certificate made at start.
    SelfSigned,
    /// Plain HTTP.
    Plain,
}

/// The listen address, resolved (`localhost:8443` as well as `127.0.0.1:8443`).
fn listen_address(listen: &str) -> Result<SocketAddr, Error> {
    let invalid = || {
        Error::invalid(
            Problem::new(i18n::text!("cli-serve-bad-listen", address = listen))
                .hint(i18n::text!("cli-serve-bad-listen-hint")),
        )
    };
    listen
        .to_socket_addrs()
        .map_err(|_| invalid())?
        .next()
        .ok_or_else(invalid)
}

/// A server error on the way out, in `lang`.
fn said(error: server::ServerError, lang: Lang) -> anyhow::Error {
    match error {
        server::ServerError::Bind { address, reason } => {
            anyhow::anyhow!(i18n::t!(
                lang,
                "cli-serve-bind",
                address = address,
                reason = reason
            ))
        }
        server::ServerError::Io { path, reason } => {
            anyhow::anyhow!(i18n::t!(
                lang,
                "cli-serve-write",
                path = path,
                reason = reason
            ))
        }
        error => {
            let reason = error.to_string();
            anyhow::anyhow!(i18n::t!(lang, "cli-serve-failed", reason = reason))
        }
    }
}

/// Runs the server until SIGTERM or SIGINT.
pub fn run(args: ServeArgs, lang: Lang) -> anyhow::Result<ExitCode> {
    let transport = if args.tls_cert.is_some() {
        Transport::Files
    } else if args.self_signed {
        Transport::SelfSigned
    } else if args.insecure_http {
        Transport::Plain
    } else {
        return Err(Error::invalid(
            Problem::new(i18n::text!("cli-serve-no-transport"))
                .hint(i18n::text!("cli-serve-no-transport-hint")),
        )
        .into());
    };
    let address = listen_address(&args.listen)?;
    if matches!(transport, Transport::Plain) && !address.ip().is_loopback() && !args.behind_proxy {
        let address = address.to_string();
        return Err(Error::invalid(
            Problem::new(i18n::text!("cli-serve-insecure-public", address = address))
                .hint(i18n::text!("cli-serve-insecure-public-hint")),
        )
        .into());
    }
    let tls_problem = |error: server::ServerError| -> anyhow::Error {
        let reason = error.to_string();
        Error::invalid(
            Problem::new(i18n::text!("cli-serve-tls", reason = reason))
                .hint(i18n::text!("cli-serve-tls-hint")),
        )
        .into()
    };
    let mut self_signed = None;
    let tls = match transport {
        Transport::Files => match (&args.tls_cert, &args.tls_key) {
            (Some(cert), Some(key)) => Some(Tls::from_pem_files(cert, key).map_err(tls_problem)?),
            // clap requires both together.
            _ => None,
        },
        Transport::SelfSigned => {
            let made = Tls::self_signed(&[]).map_err(tls_problem)?;
            let tls = made.tls.clone();
            self_signed = Some(made);
            Some(tls)
        }
        Transport::Plain => None,
    };

    server::init_logging();
    let runtime = server::runtime()?;
    runtime.block_on(async move {
        let store = Store::open(&args.db).await.map_err(|error| {
            let reason = error.to_string();
            anyhow::anyhow!(i18n::t!(lang, "cli-serve-db", reason = reason))
        })?;
        let listener = server::bind(address).map_err(|error| said(error, lang))?;
        let bound = listener.local_addr()?;
        if let Some(made) = &self_signed {
            let path = server::self_signed_path(&args.db);
            server::write_private(&path, &made.cert_pem).map_err(|error| said(error, lang))?;
            let path = path.display().to_string();
            let fingerprint = made.fingerprint.as_str();
            eprintln!(
                "{}",
                i18n::t!(
                    lang,
                    "cli-serve-self-signed",
                    path = path,
                    fingerprint = fingerprint
                )
            );
        }
        if tls.is_none() {
            let address = bound.to_string();
            eprintln!(
                "{}",
                i18n::t!(lang, "cli-serve-insecure-warning", address = address)
            );
        }
        // Signals are caught from here on: a SIGTERM right after the URL is printed stops the
        // server gracefully.
        let shutdown = server::shutdown_signal()?;
        let url = server::url(bound, tls.is_some());
        super::emit(&format!("{url}\n"))?;
        let config = Config {
            listener,
            tls,
            limits: Limits::default(),
            grace: GRACE,
        };
        server::serve(config, store, shutdown)
            .await
            .map_err(|error| {
                let reason = error.to_string();
                anyhow::anyhow!(i18n::t!(lang, "cli-serve-failed", reason = reason))
            })?;
        eprintln!("{}", i18n::t!(lang, "cli-serve-stopped"));
        Ok(ExitCode::SUCCESS)
    })
}
