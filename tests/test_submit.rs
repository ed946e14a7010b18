//! End-to-end tests of `posture submit`: a scripted HTTP server on 127.0.0.1, in plain HTTP or
//! HTTPS (rustls, with a self-signed rcgen certificate), records what the command posts and
//! answers the statuses each test gives, so that the command's retries, refusals, token sources,
//! `--without-notes`, `--dry-run` and `--ca` are seen from the server's side.

use std::io::{self, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rustls::pki_types::pem::PemObject as _;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use rustls::{ServerConfig, ServerConnection, StreamOwned};
use serde_json::Value;

use crate::common::https::RealServer;
use crate::common::reports::{s, session};
use crate::common::{self, Run, run_command};

/// A note that must never leave with `--without-notes`.
const NOTE: &str = "Mme Dupont garde les sauvegardes chez elle";

/// The token the tests give.
const TOKEN: &str = "tok-Abc_123-xyz";

// ---------------------------------------------------------------------------------------------
// The scripted server
// ---------------------------------------------------------------------------------------------

/// One answer of the server.
#[derive(Debug, Clone)]
struct Reply {
    status: u16,
    headers: Vec<(&'static str, String)>,
    body: String,
}

fn reply(status: u16, body: &str) -> Reply {
    Reply {
        status,
        headers: Vec::new(),
        body: body.to_owned(),
    }
}

/// One request received.
#[derive(Debug, Clone)]
struct Request {
    method: String,
    path: String,
    /// Header names in lower case.
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Request {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).expect("the body is JSON")
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// A server on a free port of 127.0.0.1 that answers the `replies` in order (the last one again
/// once they are used up) and keeps every request. It lives as long as the test process.
struct Server {
    port: u16,
    requests: Arc<Mutex<Vec<Request>>>,
    /// The certificate (PEM) when it speaks HTTPS.
    cert_pem: Option<String>,
}

impl Server {
    fn http(replies: Vec<Reply>) -> Server {
        Server::start(replies, None)
    }

    fn https(replies: Vec<Reply>) -> Server {
        let made = rcgen::generate_simple_self_signed(vec![
            "localhost".to_owned(),
            "127.0.0.1".to_owned(),
        ])
        .expect("the test server starts");
        let cert_pem = made.cert.pem();
        let certs = CertificateDer::pem_slice_iter(cert_pem.as_bytes())
            .collect::<Result<Vec<_>, _>>()
            .expect("the test server starts");
        let key = PrivateKeyDer::from_pem_slice(made.signing_key.serialize_pem().as_bytes())
            .expect("the test server starts");
        let config =
            ServerConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
                .with_safe_default_protocol_versions()
                .expect("the test server starts")
                .with_no_client_auth()
                .with_single_cert(certs, key)
                .expect("the test server starts");
        let mut server = Server::start(replies, Some(Arc::new(config)));
        server.cert_pem = Some(cert_pem);
        server
    }

    fn start(replies: Vec<Reply>, tls: Option<Arc<ServerConfig>>) -> Server {
        assert!(!replies.is_empty());
        let listener = TcpListener::bind("127.0.0.1:0").expect("the test server starts");
        let port = listener
            .local_addr()
            .expect("the test server starts")
            .port();
        let requests = Arc::new(Mutex::new(Vec::new()));
        let recorded = requests.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
                let _ = stream.set_write_timeout(Some(Duration::from_secs(5)));
                // A client that refuses the certificate ends its connection here in error.
                let _ = exchange(stream, tls.as_ref(), &replies, &recorded);
            }
        });
        Server {
            port,
            requests,
            cert_pem: None,
        }
    }

    fn url(&self, scheme: &str, host: &str) -> String {
        format!("{scheme}://{host}:{}", self.port)
    }

    fn requests(&self) -> Vec<Request> {
        self.requests.lock().expect("the requests").clone()
    }
}

/// One connection: one request read, recorded and answered, then the connection closed.
fn exchange(
    stream: TcpStream,
    tls: Option<&Arc<ServerConfig>>,
    replies: &[Reply],
    recorded: &Mutex<Vec<Request>>,
) -> io::Result<()> {
    let mut stream: Box<dyn ReadWrite> = match tls {
        Some(config) => Box::new(StreamOwned::new(
            ServerConnection::new(config.clone()).map_err(io::Error::other)?,
            stream,
        )),
        None => Box::new(stream),
    };
    let request = read_request(&mut stream)?;
    let reply = {
        let mut requests = recorded.lock().expect("the requests");
        requests.push(request);
        replies[(requests.len() - 1).min(replies.len() - 1)].clone()
    };
    let mut head = format!(
        "HTTP/1.1 {} Test\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n",
        reply.status,
        reply.body.len()
    );
    for (name, value) in &reply.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    stream.write_all(reply.body.as_bytes())?;
    stream.flush()
}

trait ReadWrite: Read + Write {}
impl<T: Read + Write> ReadWrite for T {}

/// Reads a request: its head, then `Content-Length` bytes of body.
fn read_request(stream: &mut impl Read) -> io::Result<Request> {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        if stream.read(&mut byte)? == 0 {
            return Err(io::ErrorKind::UnexpectedEof.into());
        }
        head.push(byte[0]);
        if head.len() > 64 * 1024 {
            return Err(io::Error::other("request head too long"));
        }
    }
    let head = String::from_utf8_lossy(&head).into_owned();
    let mut lines = head.split("\r\n");
    let mut first = lines.next().unwrap_or_default().split(' ');
    let method = first.next().unwrap_or_default().to_owned();
    let path = first.next().unwrap_or_default().to_owned();
    let headers: Vec<(String, String)> = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.trim().to_ascii_lowercase(), value.trim().to_owned()))
        .collect();
    let length = headers
        .iter()
        .find(|(name, _)| name == "content-length")
        .and_then(|(_, value)| value.parse::<usize>().ok())
        .unwrap_or(0);
    let mut body = vec![0u8; length];
    stream.read_exact(&mut body)?;
    Ok(Request {
        method,
        path,
        headers,
        body,
    })
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// An express session with two answers, one of them with [`NOTE`].
fn noted_session(dir: &Path) -> PathBuf {
    let path = session(&dir.join("cpts.toml"), "CPTS du Val");
    run_command(
        common::posture()
            .args(["answer", s(&path), "BAK-01", "unknown", "--note"])
            .arg(NOTE),
    )
    .success();
    path
}

/// `posture submit FILE ARGS…` with short backoff delays and no token unless `token` is given.
fn submit(file: &Path, args: &[&str], token: Option<&str>) -> Run {
    let mut command = common::posture();
    command
        .env_remove("POSTURE_TOKEN")
        .env("POSTURE_SUBMIT_BACKOFF_MS", "20")
        .arg("submit")
        .arg(file)
        .args(args);
    if let Some(token) = token {
        command.env("POSTURE_TOKEN", token);
    }
    run_command(&mut command)
}

/// The report JSON of the session, as `posture report --format json` writes it, without its
/// generation time.
fn report_json(file: &Path) -> Value {
    let run =
        run_command(common::posture().args(["report", s(file), "--format", "json", "-o", "-"]))
            .success();
    without_time(run.json())
}

fn without_time(mut value: Value) -> Value {
    value
        .as_object_mut()
        .expect("a JSON object")
        .remove("generated_at");
    value
}

/// Every `note` of the answers' rows and the questions to check.
fn notes(report: &Value) -> Vec<String> {
    let mut notes = Vec::new();
    for domain in report["answers"].as_array().expect("answers") {
        for row in domain["answers"].as_array().expect("rows") {
            notes.push(row["note"].as_str().expect("a note string").to_owned());
        }
    }
    for row in report["to_check"].as_array().expect("to_check") {
        notes.push(row["note"].as_str().expect("a note string").to_owned());
    }
    notes
}

fn write_private(path: &Path, text: &str) {
    std::fs::write(path, text).expect("the test server starts");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))
            .expect("the test server starts");
    }
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

#[test]
fn submit_posts_the_report_json_with_the_token_and_says_it_was_stored() {
    let dir = common::cli::tempdir();
    let file = noted_session(dir.path());
    let server = Server::http(vec![reply(201, r#"{"id":"a1b2"}"#)]);
    let run = submit(
        &file,
        &["--to", &server.url("http", "127.0.0.1")],
        Some(TOKEN),
    )
    .success();
    run.stdout_has("envoyée").stdout_has("a1b2");
    let requests = server.requests();
    assert_eq!(requests.len(), 1, "{requests:?}");
    let request = &requests[0];
    assert_eq!(request.method, "POST");
    assert_eq!(request.path, "/api/v1/assessments");
    assert_eq!(
        request.header("authorization"),
        Some(format!("Bearer {TOKEN}").as_str())
    );
    assert_eq!(request.header("content-type"), Some("application/json"));
    // The very document `posture report --format json` writes, notes included.
    let sent = request.json();
    assert!(sent["generated_at"].is_string());
    assert_eq!(without_time(sent.clone()), report_json(&file));
    assert!(notes(&sent).iter().any(|note| note == NOTE));
    // The token is never printed.
    assert!(!run.stdout.contains(TOKEN) && !run.stderr.contains(TOKEN));
}

#[test]
fn submit_in_english_and_to_a_base_address_with_a_path() {
    let dir = common::cli::tempdir();
    let file = noted_session(dir.path());
    let server = Server::http(vec![reply(201, r#"{"id":"a1b2"}"#)]);
    let to = format!("{}/collecte/", server.url("http", "localhost"));
    submit(&file, &["--lang", "en", "--to", &to], Some(TOKEN))
        .success()
        .stdout_has("submitted");
    assert_eq!(server.requests()[0].path, "/collecte/api/v1/assessments");
}

#[test]
fn submit_says_when_the_assessment_was_already_there() {
    let dir = common::cli::tempdir();
    let file = noted_session(dir.path());
    let server = Server::http(vec![reply(200, r#"{"id":"a1b2"}"#)]);
    submit(
        &file,
        &["--to", &server.url("http", "127.0.0.1")],
        Some(TOKEN),
    )
    .success()
    .stdout_has("déjà sur le serveur")
    .stdout_has("a1b2");
    assert_eq!(server.requests().len(), 1);
}

#[test]
fn submit_retries_a_server_error_then_succeeds() {
    let dir = common::cli::tempdir();
    let file = noted_session(dir.path());
    let server = Server::http(vec![
        reply(503, r#"{"error":"database unavailable"}"#),
        reply(502, ""),
        reply(201, r#"{"id":"a1b2"}"#),
    ]);
    let run = submit(
        &file,
        &["--to", &server.url("http", "127.0.0.1")],
        Some(TOKEN),
    )
    .success();
    run.stdout_has("envoyée").stderr_has("nouvel essai");
    let requests = server.requests();
    assert_eq!(requests.len(), 3);
    // The same document each time.
    assert_eq!(requests[0].body, requests[2].body);
}

#[test]
fn submit_waits_as_long_as_retry_after_says() {
    let dir = common::cli::tempdir();
    let file = noted_session(dir.path());
    let mut busy = reply(429, r#"{"error":"too many requests"}"#);
    busy.headers.push(("Retry-After", "1".to_owned()));
    let server = Server::http(vec![busy, reply(201, r#"{"id":"a1b2"}"#)]);
    let started = Instant::now();
    submit(
        &file,
        &["--to", &server.url("http", "127.0.0.1")],
        Some(TOKEN),
    )
    .success()
    .stderr_has("1000");
    assert!(started.elapsed() >= Duration::from_secs(1));
    assert_eq!(server.requests().len(), 2);
}

#[test]
fn submit_gives_up_after_a_few_tries_with_a_clear_error() {
    let dir = common::cli::tempdir();
    let file = noted_session(dir.path());
    let server = Server::http(vec![reply(503, r#"{"error":"database unavailable"}"#)]);
    let run = submit(
        &file,
        &["--to", &server.url("http", "127.0.0.1")],
        Some(TOKEN),
    )
    .expect_code(1);
    run.stderr_has("503")
        .stderr_has("database unavailable")
        .stderr_has("réessayez plus tard");
    assert_eq!(server.requests().len(), 4);

    // Nothing listening: connection errors are retried too, then said.
    let closed = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = closed.local_addr().unwrap().port();
    drop(closed);
    submit(
        &file,
        &["--to", &format!("http://127.0.0.1:{port}")],
        Some(TOKEN),
    )
    .expect_code(1)
    .stderr_has("impossible de joindre")
    .stderr_has("4 essais")
    .stderr_has("connexion refusée");
}

#[test]
fn submit_reports_a_refusal_with_the_servers_reason_and_does_not_retry_it() {
    let dir = common::cli::tempdir();
    let file = noted_session(dir.path());
    let server = Server::http(vec![reply(
        400,
        r#"{"error":"score out of range","field":"overall.score"}"#,
    )]);
    submit(
        &file,
        &["--to", &server.url("http", "127.0.0.1")],
        Some(TOKEN),
    )
    .expect_code(1)
    .stderr_has("refusé l'évaluation (400)")
    .stderr_has("score out of range")
    .stderr_has("overall.score");
    assert_eq!(server.requests().len(), 1);

    let server = Server::http(vec![reply(401, r#"{"error":"unknown token"}"#)]);
    submit(
        &file,
        &["--lang", "en", "--to", &server.url("http", "127.0.0.1")],
        Some(TOKEN),
    )
    .expect_code(1)
    .stderr_has("refused the assessment (401)")
    .stderr_has("unknown token")
    .stderr_has("ask the SSI team");
    assert_eq!(server.requests().len(), 1);
}

#[test]
fn submit_without_a_token_is_refused_before_anything_is_sent() {
    let dir = common::cli::tempdir();
    let file = noted_session(dir.path());
    let server = Server::http(vec![reply(201, r#"{"id":"a1b2"}"#)]);
    let url = server.url("http", "127.0.0.1");
    submit(&file, &["--to", &url], None)
        .invalid()
        .stderr_has("il manque le jeton")
        .stderr_has("POSTURE_TOKEN");
    // An empty variable is no token either.
    submit(&file, &["--to", &url], Some("  "))
        .invalid()
        .stderr_has("il manque le jeton");
    // Nor an empty file, or one that does not exist.
    let empty = dir.path().join("empty-token");
    write_private(&empty, "\n");
    submit(&file, &["--to", &url, "--token-file", s(&empty)], None)
        .invalid()
        .stderr_has("est vide");
    let missing = dir.path().join("no-such-token");
    submit(&file, &["--to", &url, "--token-file", s(&missing)], None).invalid();
    // A token with a space is not one, and is not shown.
    submit(&file, &["--to", &url], Some("two words"))
        .invalid()
        .stderr_has("POSTURE_TOKEN");
    assert!(server.requests().is_empty());
}

#[test]
fn submit_reads_the_token_file_first_line_before_the_variable() {
    let dir = common::cli::tempdir();
    let file = noted_session(dir.path());
    let server = Server::http(vec![reply(201, r#"{"id":"a1b2"}"#)]);
    let url = server.url("http", "127.0.0.1");
    let token_file = dir.path().join("token");
    write_private(&token_file, "  from-the-file \nsecond line\n");
    let run = submit(
        &file,
        &["--to", &url, "--token-file", s(&token_file)],
        Some("from-the-variable"),
    )
    .success();
    assert!(!run.stderr.contains("chmod"), "{}", run.explain());
    assert_eq!(
        server.requests()[0].header("authorization"),
        Some("Bearer from-the-file")
    );

    // A file others may read: said, with what to do; the submission goes on.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(&token_file, std::fs::Permissions::from_mode(0o644)).unwrap();
        submit(&file, &["--to", &url, "--token-file", s(&token_file)], None)
            .success()
            .stderr_has("accessible à d'autres utilisateurs")
            .stderr_has("chmod 600");
        assert_eq!(server.requests().len(), 2);
    }
}

#[test]
fn submit_without_notes_sends_no_note() {
    let dir = common::cli::tempdir();
    let file = noted_session(dir.path());
    let server = Server::http(vec![reply(201, r#"{"id":"a1b2"}"#)]);
    submit(
        &file,
        &["--to", &server.url("http", "127.0.0.1"), "--without-notes"],
        Some(TOKEN),
    )
    .success();
    let request = &server.requests()[0];
    assert!(!request.text().contains("Dupont"), "{}", request.text());
    let sent = request.json();
    let notes = notes(&sent);
    assert!(
        !notes.is_empty() && notes.iter().all(String::is_empty),
        "{notes:?}"
    );
    // Everything else is the report.
    let mut expected = report_json(&file);
    for domain in expected["answers"].as_array_mut().unwrap() {
        for row in domain["answers"].as_array_mut().unwrap() {
            row["note"] = Value::from("");
        }
    }
    for row in expected["to_check"].as_array_mut().unwrap() {
        row["note"] = Value::from("");
    }
    assert_eq!(without_time(sent), expected);
}

#[test]
fn submit_dry_run_prints_the_document_and_sends_nothing() {
    let dir = common::cli::tempdir();
    let file = noted_session(dir.path());
    let server = Server::http(vec![reply(201, r#"{"id":"a1b2"}"#)]);
    let url = server.url("http", "127.0.0.1");
    // No token needed.
    let run = submit(&file, &["--to", &url, "--dry-run"], None).success();
    run.stderr_has("rien n'a été envoyé");
    assert_eq!(without_time(run.json()), report_json(&file));
    let run = submit(
        &file,
        &["--to", &url, "--dry-run", "--without-notes"],
        Some(TOKEN),
    )
    .success();
    assert!(!run.stdout.contains("Dupont"));
    assert!(notes(&run.json()).iter().all(String::is_empty));
    assert!(!run.stdout.contains(TOKEN) && !run.stderr.contains(TOKEN));
    assert!(server.requests().is_empty());
}

#[test]
fn submit_refuses_plain_http_to_another_machine() {
    let dir = common::cli::tempdir();
    let file = noted_session(dir.path());
    for to in [
        "http://example.org",
        "http://192.0.2.10:8080",
        "ftp://127.0.0.1",
        "collecte.exemple.fr",
    ] {
        submit(&file, &["--to", to], Some(TOKEN)).invalid();
    }
    submit(&file, &["--to", "http://example.org"], Some(TOKEN))
        .invalid()
        .stderr_has("https://");
    // A password in the address is refused, and not repeated.
    let run = submit(
        &file,
        &["--to", "https://user:hunter2@exemple.fr"],
        Some(TOKEN),
    )
    .invalid();
    assert!(!run.stderr.contains("hunter2"), "{}", run.explain());
}

#[test]
fn submit_over_https_trusts_the_servers_certificate_given_with_ca_only() {
    let dir = common::cli::tempdir();
    let file = noted_session(dir.path());
    let server = Server::https(vec![reply(201, r#"{"id":"a1b2"}"#)]);
    let ca = dir.path().join("server.pem");
    std::fs::write(&ca, server.cert_pem.as_deref().unwrap()).unwrap();

    // Without --ca: the certificate is not trusted, said at once (no retry), nothing sent.
    let url = server.url("https", "127.0.0.1");
    submit(&file, &["--to", &url], Some(TOKEN))
        .expect_code(1)
        .stderr_has("certificat")
        .stderr_has("autorité inconnue")
        .stderr_has("--ca");
    assert!(server.requests().is_empty());

    // With it, by address and by name.
    submit(&file, &["--to", &url, "--ca", s(&ca)], Some(TOKEN))
        .success()
        .stdout_has("a1b2");
    let by_name = server.url("https", "localhost");
    submit(&file, &["--to", &by_name, "--ca", s(&ca)], Some(TOKEN)).success();
    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    assert_eq!(
        requests[0].header("authorization"),
        Some(format!("Bearer {TOKEN}").as_str())
    );
    assert_eq!(without_time(requests[0].json()), report_json(&file));

    // A --ca that is not a certificate is the user's mistake.
    let bad = dir.path().join("bad.pem");
    std::fs::write(&bad, "not a certificate").unwrap();
    submit(&file, &["--to", &url, "--ca", s(&bad)], Some(TOKEN))
        .invalid()
        .stderr_has("aucun certificat PEM");
    assert_eq!(server.requests().len(), 2);
}

#[test]
fn submit_to_posture_serve_stores_once_and_refuses_an_unknown_token() {
    let dir = common::cli::tempdir();
    let file = noted_session(dir.path());
    let db = format!("sqlite:{}", dir.path().join("collecte.db").display());
    let created = run_command(common::posture().args([
        "serve",
        "token",
        "create",
        "--db",
        &db,
        "--org",
        "CPTS du Val",
    ]))
    .success();
    let token = created.stdout.lines().last().unwrap().trim().to_owned();
    let server = RealServer::start(&db);
    let pem = dir.path().join("collecte-self-signed.pem");
    assert!(pem.exists(), "no certificate at {}", pem.display());
    let args = ["--to", server.url.as_str(), "--ca", s(&pem)];

    let first = submit(&file, &args, Some(&token)).success();
    first.stdout_has("envoyée");
    let again = submit(&file, &args, Some(&token)).success();
    again.stdout_has("déjà sur le serveur");
    // The same id both times: the session's assessment_id.
    let id = |run: &Run| {
        run.stdout
            .split("identifiant ")
            .nth(1)
            .and_then(|rest| rest.split(')').next())
            .map(str::to_owned)
    };
    assert!(id(&first).is_some());
    assert_eq!(id(&first), id(&again));

    submit(&file, &args, Some("pst_not-a-real-token"))
        .expect_code(1)
        .stderr_has("(401)");
}
