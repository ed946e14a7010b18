//! End-to-end tests of `posture serve`: the binary started with a self-signed certificate on
//! 127.0.0.1:0 prints its https URL, answers /healthz over TLS to a client that trusts the
//! certificate it wrote, and exits 0 on SIGTERM; the transports it must refuse, it refuses with
//! exit code 2 before opening anything.

use std::io::{BufRead as _, BufReader, Read as _};
use std::os::unix::fs::PermissionsExt as _;
use std::path::Path;
use std::process::{Child, Command as Process, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::common::https::client;
use crate::common::{self, run_command};

/// A running `posture serve`, killed if the test fails before it stops it.
struct Server {
    child: Child,
    url: String,
    stderr: mpsc::Receiver<String>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    /// Starts `posture serve ARGS` and waits for the URL on its standard output.
    fn start(args: &[&str]) -> Server {
        let mut command = Process::new(env!("CARGO_BIN_EXE_posture"));
        for var in common::LOCALE_VARS {
            command.env_remove(var);
        }
        let mut child = command
            .arg("serve")
            .args(args)
            .env_remove("RUST_LOG")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("posture serve starts");
        let stdout = child.stdout.take().expect("stdout");
        let mut stderr_pipe = child.stderr.take().expect("stderr");
        let (line_tx, line_rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut line = String::new();
            let _ = BufReader::new(stdout).read_line(&mut line);
            let _ = line_tx.send(line);
        });
        let (stderr_tx, stderr) = mpsc::channel();
        std::thread::spawn(move || {
            let mut text = String::new();
            let _ = stderr_pipe.read_to_string(&mut text);
            let _ = stderr_tx.send(text);
        });
        let url = line_rx
            .recv_timeout(Duration::from_secs(30))
            .expect("the URL within 30 s")
            .trim()
            .to_string();
        Server { child, url, stderr }
    }

    /// Sends SIGTERM and returns the exit code and standard error.
    fn terminate(mut self) -> (Option<i32>, String) {
        let pid = self.child.id().to_string();
        let killed = Process::new("kill")
            .args(["-TERM", &pid])
            .status()
            .expect("kill runs");
        assert!(killed.success());
        let start = Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                break status;
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "the server did not stop within 20 s of SIGTERM"
            );
            std::thread::sleep(Duration::from_millis(50));
        };
        let stderr = self
            .stderr
            .recv_timeout(Duration::from_secs(5))
            .unwrap_or_default();
        (status.code(), stderr)
    }
}

#[test]
fn serve_with_a_self_signed_certificate_answers_and_stops_on_sigterm() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("collecte.db");
    let db_url = format!("sqlite:{}", db.display());
    let server = Server::start(&["--listen", "127.0.0.1:0", "--db", &db_url, "--self-signed"]);
    let url = server.url.clone();
    let port = url
        .strip_prefix("https://127.0.0.1:")
        .unwrap_or_else(|| panic!("not an https URL on 127.0.0.1: {url:?}"));
    assert!(port.parse::<u16>().is_ok_and(|port| port != 0), "{url}");

    // The certificate, beside the database, for the owner only.
    let cert = dir.path().join("collecte-self-signed.pem");
    let mode = std::fs::metadata(&cert)
        .expect("the certificate is written")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600, "{}", cert.display());
    let pem = std::fs::read(&cert).expect("certificate");
    assert!(Path::new(&db).exists());

    let health = client(&pem)
        .get(format!("{url}/healthz"))
        .send()
        .expect("healthz over TLS");
    assert_eq!(health.status().as_u16(), 200);
    let denied = client(&pem)
        .get(format!("{url}/api/v1/organisations?who=me"))
        .bearer_auth("pst_a-token-that-must-not-be-logged")
        .send()
        .expect("a request without a token");
    assert_eq!(denied.status().as_u16(), 401);

    let (code, stderr) = server.terminate();
    assert_eq!(code, Some(0), "stderr:\n{stderr}");
    // One line per request, with its path and status, never a token.
    assert!(stderr.contains("/healthz"), "{stderr}");
    assert!(stderr.contains("401"), "{stderr}");
    assert!(!stderr.contains("pst_a-token"), "{stderr}");
    assert!(!stderr.contains("who=me"), "{stderr}");
    assert!(stderr.contains(&cert.display().to_string()), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn plain_http_on_loopback_warns_loudly() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db_url = format!("sqlite:{}", dir.path().join("collecte.db").display());
    let server = Server::start(&[
        "--lang",
        "en",
        "--listen",
        "127.0.0.1:0",
        "--db",
        &db_url,
        "--insecure-http",
    ]);
    assert!(
        server.url.starts_with("http://127.0.0.1:"),
        "{}",
        server.url
    );
    let (code, stderr) = server.terminate();
    assert_eq!(code, Some(0), "stderr:\n{stderr}");
    assert!(stderr.contains("WARNING: PLAIN HTTP"), "{stderr}");
}

#[test]
fn plain_http_on_a_public_address_is_refused_without_behind_proxy() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("collecte.db");
    let db_url = format!("sqlite:{}", db.display());
    let run = run_command(common::posture().args([
        "serve",
        "--listen",
        "0.0.0.0:0",
        "--db",
        &db_url,
        "--insecure-http",
    ]))
    .invalid();
    run.stderr_has("--insecure-http")
        .stderr_has("--behind-proxy");
    // Refused before anything was opened.
    assert!(!db.exists());
}

#[test]
fn serve_without_a_transport_is_refused_with_a_hint() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("collecte.db");
    let db_url = format!("sqlite:{}", db.display());
    let run = run_command(common::posture().args([
        "--lang",
        "en",
        "serve",
        "--listen",
        "127.0.0.1:0",
        "--db",
        &db_url,
    ]))
    .invalid();
    run.stderr_has("--self-signed").stderr_has("--tls-cert");
    assert!(!db.exists());
}

#[test]
fn serve_with_certificate_files_and_refuses_unusable_ones() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db_url = format!("sqlite:{}", dir.path().join("collecte.db").display());
    let made = rcgen::generate_simple_self_signed(vec!["127.0.0.1".to_string()]).expect("cert");
    let cert = dir.path().join("cert.pem");
    let key = dir.path().join("key.pem");
    std::fs::write(&cert, made.cert.pem()).expect("write cert");
    std::fs::write(&key, made.signing_key.serialize_pem()).expect("write key");
    let (cert, key) = (cert.display().to_string(), key.display().to_string());

    let server = Server::start(&[
        "--listen",
        "127.0.0.1:0",
        "--db",
        &db_url,
        "--tls-cert",
        &cert,
        "--tls-key",
        &key,
    ]);
    let health = client(made.cert.pem().as_bytes())
        .get(format!("{}/healthz", server.url))
        .send()
        .expect("healthz over TLS");
    assert_eq!(health.status().as_u16(), 200);
    let (code, stderr) = server.terminate();
    assert_eq!(code, Some(0), "stderr:\n{stderr}");

    // A key that is not a key: refused at start, exit code 2, with a hint.
    let run = run_command(common::posture().args([
        "--lang",
        "en",
        "serve",
        "--listen",
        "127.0.0.1:0",
        "--db",
        &db_url,
        "--tls-cert",
        &cert,
        "--tls-key",
        &cert,
    ]))
    .invalid();
    run.stderr_has("--tls-key");
}
