//! End-to-end tests of `posture send`: a real SMTP server (Python's aiosmtpd, `tests/data/
//! smtp_sink.py`) on 127.0.0.1 receives the e-mail; the message is parsed back, the attachment
//! opened with the passphrase printed on standard output and without it.
//!
//! python3 and aiosmtpd are required: without them these tests fail (they do not skip), saying
//! what to install.

use std::io::{BufRead as _, BufReader, Read as _};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command as Process, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::common::{self, Run, run_command};
use mail_parser::{MessageParser, MimeHeaders as _};
use serde_json::Value;
use tempfile::TempDir;
use zip::ZipArchive;
use zip::result::ZipError;

const ORGANISATION: &str = "CPTS du Val d'Azur";

/// The SMTP variables that would change a run (the locale ones are cleared by `common`).
const SMTP_VARS: [&str; 4] = [
    "POSTURE_SMTP",
    "POSTURE_SMTP_FROM",
    "POSTURE_SMTP_USER",
    "POSTURE_SMTP_PASSWORD",
];

// ---------------------------------------------------------------------------------------------
// The SMTP server
// ---------------------------------------------------------------------------------------------

/// The SMTP sink, killed when dropped.
struct Sink {
    child: Child,
    /// Kept open: the sink stops by itself when it closes (if the test process dies).
    _stdin: ChildStdin,
    port: u16,
    dir: TempDir,
}

impl Drop for Sink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A received message: the raw bytes and the envelope.
struct Received {
    raw: Vec<u8>,
    envelope: Value,
}

/// Fails the test, saying what to install, when python3 or aiosmtpd is missing.
fn require_aiosmtpd() {
    let output = Process::new("python3")
        .args(["-c", "import aiosmtpd"])
        .output()
        .unwrap_or_else(|error| {
            panic!(
                "tests/test_send.rs needs python3 to run a real SMTP server ({error}): \
                 install python3, then `python3 -m pip install aiosmtpd`"
            )
        });
    assert!(
        output.status.success(),
        "tests/test_send.rs needs the Python package aiosmtpd for a real SMTP server: \
         run `python3 -m pip install aiosmtpd`\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

impl Sink {
    /// Starts the sink on a free port of 127.0.0.1; with `auth` (`USER:PASSWORD`) it requires
    /// that login.
    fn start(auth: Option<&str>) -> Sink {
        require_aiosmtpd();
        let dir = tempfile::tempdir().expect("a temporary directory");
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/smtp_sink.py");
        let mut command = Process::new("python3");
        command
            .arg(&script)
            .arg("--dir")
            .arg(dir.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(std::fs::File::create(dir.path().join("sink.log")).expect("the sink's log"));
        if let Some(auth) = auth {
            command.args(["--auth", auth]);
        }
        let mut child = command.spawn().expect("python3 starts the SMTP sink");
        let stdin = child.stdin.take().expect("piped stdin");
        let stdout = child.stdout.take().expect("piped stdout");
        // The sink prints its port once it listens; the guard kills it if that never comes.
        let (sender, receiver) = mpsc::channel();
        std::thread::spawn(move || {
            let mut line = String::new();
            let _ = BufReader::new(stdout).read_line(&mut line);
            let _ = sender.send(line);
        });
        let mut sink = Sink {
            child,
            _stdin: stdin,
            port: 0,
            dir,
        };
        let line = receiver
            .recv_timeout(Duration::from_secs(30))
            .unwrap_or_else(|_| {
                let log = std::fs::read_to_string(sink.dir.path().join("sink.log"));
                panic!(
                    "the SMTP sink did not print its port within 30 s\n{}",
                    log.unwrap_or_default()
                )
            });
        sink.port = line.trim().parse().unwrap_or_else(|_| {
            let log = std::fs::read_to_string(sink.dir.path().join("sink.log"));
            panic!(
                "the SMTP sink did not start: {line:?}\n{}",
                log.unwrap_or_default()
            )
        });
        sink.wait_until_it_accepts_connections();
        sink
    }

    fn wait_until_it_accepts_connections(&self) {
        let address = SocketAddr::from(([127, 0, 0, 1], self.port));
        let deadline = Instant::now() + Duration::from_secs(15);
        while TcpStream::connect_timeout(&address, Duration::from_millis(500)).is_err() {
            assert!(
                Instant::now() < deadline,
                "the SMTP sink does not accept connections on {address}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// `127.0.0.1:PORT`.
    fn address(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    /// The messages received so far, in order.
    fn received(&self) -> Vec<Received> {
        let mut names: Vec<PathBuf> = std::fs::read_dir(self.dir.path())
            .expect("the sink's directory")
            .map(|entry| entry.expect("a directory entry").path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "eml"))
            .collect();
        names.sort();
        names
            .into_iter()
            .map(|eml| Received {
                raw: std::fs::read(&eml).expect("the message"),
                envelope: serde_json::from_slice(
                    &std::fs::read(eml.with_extension("json")).expect("the envelope"),
                )
                .expect("the envelope is JSON"),
            })
            .collect()
    }
}

// ---------------------------------------------------------------------------------------------
// The binary
// ---------------------------------------------------------------------------------------------

/// The passphrase in a run's output: what follows the last ": " of the line that announces it.
fn passphrase(run: &Run, announce: &str) -> String {
    let line = run
        .stdout
        .lines()
        .find(|line| line.starts_with(announce))
        .unwrap_or_else(|| panic!("no line {announce:?}\n{}", run.explain()));
    let (_, passphrase) = line.rsplit_once(": ").expect("a colon");
    assert!(
        !passphrase.is_empty() && !passphrase.contains(' '),
        "{line}"
    );
    passphrase.to_owned()
}

/// `posture ARGS…`, without locale or SMTP variables, `env` added.
fn posture(args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut command = common::posture();
    for var in SMTP_VARS {
        command.env_remove(var);
    }
    command.envs(env.iter().copied());
    run_command(command.args(args))
}

/// `posture send FILE --to dpo@example.org --from audit@example.org` to the test server, without
/// TLS, with `extra` arguments: the plain sending that several tests start from.
fn send_to_sink(sink: &Sink, file: &str, extra: &[&str]) -> Run {
    let address = sink.address();
    let mut args = vec![
        "send",
        file,
        "--to",
        "dpo@example.org",
        "--from",
        "audit@example.org",
        "--smtp",
        &address,
        "--insecure-no-tls",
    ];
    args.extend_from_slice(extra);
    posture(&args, &[])
}

/// A new express session of [`ORGANISATION`], in `dir`.
fn session(dir: &Path) -> String {
    let path = dir.join("cpts.toml");
    let path = path.to_str().expect("a UTF-8 path").to_owned();
    posture(
        &[
            "session",
            "new",
            "--profile",
            "express",
            "--org",
            ORGANISATION,
            "--auditor",
            "Alice Martin",
            "-o",
            &path,
        ],
        &[],
    )
    .expect_code(0);
    path
}

// ---------------------------------------------------------------------------------------------
// The message
// ---------------------------------------------------------------------------------------------

/// What the e-mail carried.
struct Parsed {
    subject: String,
    text: String,
    attachment_name: String,
    archive: Vec<u8>,
}

fn parse(received: &Received) -> Parsed {
    let message = MessageParser::default()
        .parse(&received.raw)
        .expect("the message parses");
    // Receivers refuse or file as spam a message without a Message-ID.
    assert!(
        message.message_id().is_some_and(|id| id.contains('@')),
        "a Message-ID header"
    );
    let attachments: Vec<_> = message.attachments().collect();
    assert_eq!(attachments.len(), 1, "one attachment");
    let attachment = attachments[0];
    let content_type = attachment.content_type().expect("a content type");
    assert_eq!(
        (content_type.ctype(), content_type.subtype()),
        ("application", Some("zip"))
    );
    Parsed {
        subject: message.subject().unwrap_or_default().to_owned(),
        text: message.body_text(0).expect("a text part").into_owned(),
        attachment_name: attachment.attachment_name().unwrap_or_default().to_owned(),
        archive: attachment.contents().to_vec(),
    }
}

/// The archive's entries, read with `passphrase`, after checking that each is AES-encrypted and
/// does not open without it nor with another.
fn open_archive(archive: &[u8], passphrase: &str) -> Vec<(String, Vec<u8>)> {
    assert!(
        archive.starts_with(b"PK\x03\x04"),
        "the attachment is a ZIP"
    );
    let mut zip = ZipArchive::new(std::io::Cursor::new(archive)).expect("a ZIP");
    assert!(!zip.is_empty());
    let mut entries = Vec::new();
    for index in 0..zip.len() {
        assert!(
            matches!(
                zip.by_index(index),
                Err(ZipError::UnsupportedArchive(ZipError::PASSWORD_REQUIRED))
            ),
            "entry {index} opens without a password"
        );
        assert!(
            matches!(
                zip.by_index_decrypt(index, b"not-the-passphrase"),
                Err(ZipError::InvalidPassword)
            ),
            "entry {index} opens with a wrong password"
        );
        let mut file = zip
            .by_index_decrypt(index, passphrase.as_bytes())
            .expect("the printed passphrase opens the archive");
        assert!(file.encrypted());
        let name = file.name().expect("a UTF-8 name").into_owned();
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes).expect("the entry decrypts");
        entries.push((name, bytes));
    }
    // WinZip AES extra field (0x9901, vendor "AE"), strength 3 = AES-256, for every entry in its
    // local header and in the central directory.
    let strengths: Vec<u8> = archive
        .windows(9)
        .filter(|w| w[..4] == [0x01, 0x99, 0x07, 0x00] && &w[6..8] == b"AE")
        .map(|w| w[8])
        .collect();
    assert_eq!(strengths, vec![3; 2 * entries.len()], "AES-256 everywhere");
    entries
}

/// Whether `haystack` holds `needle` as bytes.
fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle.as_bytes())
}

/// The passphrase is nowhere in what was sent: not in the raw message, not in its decoded text,
/// not even without its dashes.
fn assert_passphrase_absent(received: &Received, parsed: &Parsed, passphrase: &str) {
    let bare = passphrase.replace('-', "");
    for needle in [passphrase, bare.as_str()] {
        assert!(
            !contains(&received.raw, needle),
            "the passphrase is in the message"
        );
        assert!(
            !parsed.text.contains(needle),
            "the passphrase is in the text"
        );
        assert!(
            !contains(&parsed.archive, needle),
            "the passphrase is in the archive"
        );
        assert!(!parsed.subject.contains(needle));
    }
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

const FR_ANNOUNCE: &str = "mot de passe de l'archive (à transmettre par téléphone ou SMS) : ";
const EN_ANNOUNCE: &str = "archive password (give it by phone or SMS): ";

#[test]
fn sends_the_report_in_an_aes_encrypted_zip_and_prints_the_password() {
    let sink = Sink::start(None);
    let dir = tempfile::tempdir().unwrap();
    let file = session(dir.path());
    let run = send_to_sink(&sink, &file, &["--format", "html"]).expect_code(0);

    // The passphrase ends its own line, after a colon.
    let passphrase = passphrase(&run, FR_ANNOUNCE);
    let line = run.stdout.lines().last().unwrap();
    assert_eq!(line, format!("{FR_ANNOUNCE}{passphrase}"));
    assert!(line.ends_with(&passphrase));
    assert!(passphrase.len() >= 24, "{passphrase}");

    let received = sink.received();
    assert_eq!(received.len(), 1, "one message");
    let received = &received[0];
    assert_eq!(received.envelope["mail_from"], "audit@example.org");
    assert_eq!(
        received.envelope["rcpt_tos"],
        serde_json::json!(["dpo@example.org"])
    );

    let parsed = parse(received);
    assert!(parsed.subject.contains(ORGANISATION), "{}", parsed.subject);
    assert!(
        parsed
            .attachment_name
            .starts_with("rapport-cpts-du-val-d-azur-")
            && parsed.attachment_name.ends_with(".zip"),
        "{}",
        parsed.attachment_name
    );
    // The text says the report is attached, encrypted, and the password comes another way.
    assert!(parsed.text.contains("ci-joint"), "{}", parsed.text);
    assert!(
        parsed.text.contains("chiffrée (AES-256)"),
        "{}",
        parsed.text
    );
    assert!(parsed.text.contains("autre canal"), "{}", parsed.text);
    assert_passphrase_absent(received, &parsed, &passphrase);

    let entries = open_archive(&parsed.archive, &passphrase);
    assert_eq!(entries.len(), 1);
    let (name, html) = &entries[0];
    assert!(
        name.starts_with("rapport-cpts-du-val-d-azur-") && name.ends_with(".html"),
        "{name}"
    );
    let html = String::from_utf8_lossy(html);
    assert!(
        html.contains("CPTS du Val d"),
        "the HTML names the organisation"
    );
    assert!(html.contains("<html"), "an HTML report");
}

#[test]
fn logs_in_with_the_password_from_the_environment_and_speaks_english() {
    let sink = Sink::start(Some("audit@example.org:smtp-secret-1"));
    let dir = tempfile::tempdir().unwrap();
    let file = session(dir.path());
    // No --from: the login is an address, it is the sender.
    let run = posture(
        &[
            "--lang",
            "en",
            "send",
            &file,
            "--to",
            "dpo@example.org",
            "--to",
            "Direction <direction@example.org>",
            "--smtp",
            &sink.address(),
            "--insecure-no-tls",
            "--format",
            "html",
            "--user",
            "audit@example.org",
            "--subject",
            "Your report",
        ],
        &[("POSTURE_SMTP_PASSWORD", "smtp-secret-1")],
    )
    .expect_code(0);
    let passphrase = passphrase(&run, EN_ANNOUNCE);
    assert!(run.stdout.lines().last().unwrap().ends_with(&passphrase));
    assert!(!run.stdout.contains("smtp-secret-1") && !run.stderr.contains("smtp-secret-1"));

    let received = sink.received();
    assert_eq!(received.len(), 1);
    let received = &received[0];
    assert_eq!(received.envelope["login"], "audit@example.org");
    assert_eq!(received.envelope["mail_from"], "audit@example.org");
    assert_eq!(
        received.envelope["rcpt_tos"],
        serde_json::json!(["dpo@example.org", "direction@example.org"])
    );
    let parsed = parse(received);
    assert_eq!(parsed.subject, "Your report");
    assert!(
        parsed.text.contains("encrypted ZIP archive"),
        "{}",
        parsed.text
    );
    assert!(parsed.text.contains("another channel"), "{}", parsed.text);
    assert!(
        parsed
            .attachment_name
            .starts_with("report-cpts-du-val-d-azur-")
    );
    assert_passphrase_absent(received, &parsed, &passphrase);
    let entries = open_archive(&parsed.archive, &passphrase);
    assert!(String::from_utf8_lossy(&entries[0].1).contains("CPTS du Val d"));
}

#[test]
fn a_wrong_smtp_password_is_refused_clearly_and_nothing_is_sent() {
    let sink = Sink::start(Some("audit@example.org:right-password"));
    let dir = tempfile::tempdir().unwrap();
    let file = session(dir.path());
    let run = posture(
        &[
            "send",
            &file,
            "--to",
            "dpo@example.org",
            "--smtp",
            &sink.address(),
            "--insecure-no-tls",
            "--format",
            "html",
            "--user",
            "audit@example.org",
        ],
        &[("POSTURE_SMTP_PASSWORD", "wrong-password")],
    )
    .expect_code(1);
    assert!(run.stderr.contains("refusé"), "{}", run.explain());
    assert!(
        run.stderr.contains("POSTURE_SMTP_PASSWORD"),
        "{}",
        run.explain()
    );
    assert!(!run.stdout.contains("mot de passe de l'archive"));
    assert!(!run.stderr.contains("wrong-password"));
    assert!(sink.received().is_empty());
}

#[test]
fn no_tls_towards_another_host_is_refused_before_anything_is_sent() {
    let sink = Sink::start(None);
    let dir = tempfile::tempdir().unwrap();
    let file = session(dir.path());
    // 192.0.2.0/24 is for documentation: nothing answers there, and nothing is tried.
    for host in [
        "192.0.2.10:2525",
        "smtp.example.org:25",
        "[2001:db8::1]:25",
        "localhost.example.org:25",
    ] {
        let run = posture(
            &[
                "send",
                &file,
                "--to",
                "dpo@example.org",
                "--from",
                "audit@example.org",
                "--smtp",
                host,
                "--insecure-no-tls",
                "--format",
                "html",
            ],
            &[],
        )
        .expect_code(2);
        assert!(
            run.stderr.contains("envoi sans TLS refusé"),
            "{}",
            run.explain()
        );
        assert!(
            run.stderr.contains("--insecure-no-tls"),
            "{}",
            run.explain()
        );
        assert!(run.stdout.is_empty(), "{}", run.explain());
    }
    let run = posture(
        &[
            "--lang",
            "en",
            "send",
            &file,
            "--to",
            "dpo@example.org",
            "--from",
            "audit@example.org",
            "--smtp",
            "192.0.2.10:2525",
            "--insecure-no-tls",
        ],
        &[],
    )
    .expect_code(2);
    assert!(
        run.stderr
            .contains("sending without TLS to 192.0.2.10:2525 refused")
    );
    assert!(sink.received().is_empty());
}

#[test]
fn plain_smtp_is_refused_without_the_flag_even_towards_this_machine() {
    // The sink offers no STARTTLS: posture does not fall back to sending in clear.
    let sink = Sink::start(None);
    let dir = tempfile::tempdir().unwrap();
    let file = session(dir.path());
    for tls in [None, Some("starttls")] {
        let mut args = vec![
            "send",
            &file,
            "--to",
            "dpo@example.org",
            "--from",
            "audit@example.org",
            "--format",
            "html",
        ];
        let address = sink.address();
        args.extend(["--smtp", &address]);
        if let Some(tls) = tls {
            args.extend(["--tls", tls]);
        }
        let run = posture(&args, &[]).expect_code(1);
        assert!(
            run.stderr.contains("ne propose pas STARTTLS"),
            "{}",
            run.explain()
        );
        assert!(
            run.stderr.contains("rien n'a été envoyé"),
            "{}",
            run.explain()
        );
        assert!(!run.stdout.contains("mot de passe"), "{}", run.explain());
    }
    // Implicit TLS towards a plain server: the handshake fails, nothing goes in clear.
    let run = posture(
        &[
            "send",
            &file,
            "--to",
            "dpo@example.org",
            "--from",
            "audit@example.org",
            "--format",
            "html",
            "--smtp",
            &sink.address(),
            "--tls",
            "implicit",
        ],
        &[],
    )
    .expect_code(1);
    assert!(run.stderr.contains("erreur :"), "{}", run.explain());
    assert!(sink.received().is_empty());
    // --tls and --insecure-no-tls contradict each other.
    posture(
        &[
            "send",
            &file,
            "--to",
            "dpo@example.org",
            "--from",
            "audit@example.org",
            "--smtp",
            &sink.address(),
            "--tls",
            "starttls",
            "--insecure-no-tls",
        ],
        &[],
    )
    .expect_code(2);
    assert!(sink.received().is_empty());
}

#[test]
fn the_smtp_password_is_never_accepted_as_a_flag() {
    let sink = Sink::start(Some("audit@example.org:pw"));
    let dir = tempfile::tempdir().unwrap();
    let file = session(dir.path());
    for flag in ["--password", "--pass", "--smtp-password", "--passphrase"] {
        let run = posture(
            &[
                "send",
                &file,
                "--to",
                "dpo@example.org",
                "--smtp",
                &sink.address(),
                "--insecure-no-tls",
                "--format",
                "html",
                "--user",
                "audit@example.org",
                flag,
                "pw",
            ],
            &[],
        )
        .expect_code(2);
        assert!(run.stderr.contains(flag), "{}", run.explain());
        let with_equals = format!("{flag}=pw");
        posture(
            &[
                "send",
                &file,
                "--to",
                "dpo@example.org",
                "--smtp",
                &sink.address(),
                "--insecure-no-tls",
                &with_equals,
            ],
            &[],
        )
        .expect_code(2);
    }
    assert!(sink.received().is_empty());
}

#[test]
fn bad_addresses_and_servers_are_user_errors() {
    let dir = tempfile::tempdir().unwrap();
    let file = session(dir.path());
    let cases: [(&[&str], &str, &str); 4] = [
        (
            &["--to", "not an address", "--from", "a@example.org"],
            "127.0.0.1:1",
            "n'est pas une adresse électronique valide",
        ),
        (
            &["--to", "dpo@example.org", "--from", "nope"],
            "127.0.0.1:1",
            "n'est pas une adresse électronique valide",
        ),
        (
            &["--to", "dpo@example.org"],
            "127.0.0.1:1",
            "il manque l'adresse de l'expéditeur",
        ),
        (
            &["--to", "dpo@example.org", "--from", "a@example.org"],
            "host:notaport",
            "serveur SMTP « host:notaport » invalide",
        ),
    ];
    for (extra, smtp, message) in cases {
        let mut args = vec!["send", file.as_str(), "--smtp", smtp, "--insecure-no-tls"];
        args.extend_from_slice(extra);
        let run = posture(&args, &[]).expect_code(2);
        assert!(run.stderr.contains(message), "{}", run.explain());
    }
    let run = posture(
        &[
            "send",
            &file,
            "--to",
            "dpo@example.org",
            "--from",
            "a@example.org",
        ],
        &[],
    )
    .expect_code(2);
    assert!(
        run.stderr.contains("il manque le serveur SMTP"),
        "{}",
        run.explain()
    );
}

#[test]
fn the_default_archive_holds_html_and_pdf() {
    // Without --format the archive holds the HTML and the PDF (typst is built in).
    let sink = Sink::start(None);
    let dir = tempfile::tempdir().unwrap();
    let file = session(dir.path());
    let run = send_to_sink(&sink, &file, &[]).expect_code(0);
    let passphrase = passphrase(&run, FR_ANNOUNCE);
    let received = sink.received();
    assert_eq!(received.len(), 1);
    let parsed = parse(&received[0]);
    assert_passphrase_absent(&received[0], &parsed, &passphrase);
    let entries = open_archive(&parsed.archive, &passphrase);
    let names: Vec<&str> = entries.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(
        names[0].ends_with(".html") && names[1].ends_with(".pdf"),
        "{names:?}"
    );
    assert!(
        entries[0].1.starts_with(b"<!DOCTYPE html>"),
        "an HTML report"
    );
    assert!(entries[1].1.starts_with(b"%PDF-"), "a PDF");
    assert!(
        entries[1].1.trim_ascii_end().ends_with(b"%%EOF"),
        "a whole PDF"
    );
}

#[test]
fn the_previous_assessment_is_read_as_report_reads_it() {
    // Six months ago the catalog had another version, and the organisation another name: send
    // compares all the same, and says both on standard error, as `posture report` does.
    let sink = Sink::start(None);
    let dir = tempfile::tempdir().unwrap();
    let file = session(dir.path());
    posture(&["answer", &file, "PAT-01", "8-jours"], &[]).expect_code(0);
    let old = dir.path().join("old.toml");
    let old = old.to_str().unwrap();
    posture(
        &[
            "session",
            "new",
            "--profile",
            "express",
            "--org",
            "CPTS du Val",
            "-o",
            old,
        ],
        &[],
    )
    .expect_code(0);
    posture(&["answer", old, "PAT-01", "plusieurs-mois"], &[]).expect_code(0);
    let text = std::fs::read_to_string(old).unwrap();
    let version = text
        .lines()
        .find_map(|line| line.strip_prefix("catalog_version = "))
        .unwrap()
        .to_owned();
    // A control the catalog has dropped since.
    let text = text.replace(
        &format!("catalog_version = {version}"),
        "catalog_version = \"2026.05\"",
    ) + "\n[answers.OLD-99]\nchoice = \"x\"\nanswered_at = \"2026-05-12T09:30:00Z\"\n";
    std::fs::write(old, text).unwrap();
    let run = send_to_sink(&sink, &file, &["--previous", old, "--format", "html"]).expect_code(0);
    assert!(run.stderr.contains("2026.05"), "{}", run.explain());
    assert!(run.stderr.contains("OLD-99"), "{}", run.explain());
    assert!(
        run.stderr
            .contains("attention : l'évaluation précédente concerne « CPTS du Val »"),
        "{}",
        run.explain()
    );
    let passphrase = passphrase(&run, FR_ANNOUNCE);
    let received = sink.received();
    assert_eq!(received.len(), 1);
    let entries = open_archive(&parse(&received[0]).archive, &passphrase);
    let html = String::from_utf8_lossy(&entries[0].1);
    assert!(
        html.contains("Évolution depuis l&#x27;évaluation précédente")
            || html.contains("Évolution depuis l'évaluation précédente"),
        "the comparison is in the report"
    );
    assert!(html.contains("PAT-01 (1 → 3)"), "PAT-01 improved");
}

#[cfg(target_os = "linux")]
#[test]
fn without_a_terminal_the_password_must_come_from_the_environment() {
    // `setsid` detaches posture from any terminal, so the prompt cannot be shown: it must say
    // where else the password comes from, not hang and not send.
    let sink = Sink::start(Some("audit@example.org:pw"));
    let dir = tempfile::tempdir().expect("a temporary directory");
    let file = session(dir.path());
    let mut command = assert_cmd::Command::new("setsid");
    for var in common::LOCALE_VARS.iter().chain(&SMTP_VARS) {
        command.env_remove(var);
    }
    command
        .arg(env!("CARGO_BIN_EXE_posture"))
        .args([
            "send",
            &file,
            "--to",
            "dpo@example.org",
            "--smtp",
            &sink.address(),
            "--insecure-no-tls",
            "--format",
            "html",
            "--user",
            "audit@example.org",
        ])
        .write_stdin("")
        .timeout(Duration::from_secs(60));
    let output = command
        .output()
        .expect("setsid (util-linux) runs posture without a terminal");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("impossible de lire le mot de passe SMTP"),
        "{stderr}"
    );
    assert!(stderr.contains("POSTURE_SMTP_PASSWORD"), "{stderr}");
    assert!(sink.received().is_empty());
}
