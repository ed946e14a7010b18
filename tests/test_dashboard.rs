//! The dashboard of `posture serve` end to end, in a real browser (issue 11): tokens made with
//! `posture serve token create` (with `--contact`), the real server started with a self-signed
//! certificate, fictional organisations' assessments submitted over HTTPS, then
//! `tests/browser/dashboard.py` drives headless Chromium (Debian's, through Playwright for
//! Python): sign-in, filters, sort, an organisation, its CSV and report JSON, every page, English,
//! sign-out. Screenshots go to a temporary directory (`POSTURE_DASHBOARD_SHOTS=DIR` keeps them in
//! DIR instead, to look at them). Without Chromium or Playwright the test is skipped — except
//! under CI=true, where it fails.

use std::io::{BufRead as _, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command as Process, Stdio};

use collector::dashboard::sample;

use crate::common::https::client;
use crate::common::{self, posture, run_command};

const CHROMIUM: &str = "/usr/bin/chromium";

/// Whether Chromium and Playwright for Python are here; under CI=true they must be.
fn browser_available() -> bool {
    let chromium = Path::new(CHROMIUM).exists();
    let playwright = Process::new("python3")
        .args(["-c", "import playwright.sync_api"])
        .status()
        .is_ok_and(|status| status.success());
    if std::env::var("CI").as_deref() == Ok("true") {
        assert!(
            chromium,
            "CI=true but {CHROMIUM} is missing (.ci/run installs it)"
        );
        assert!(
            playwright,
            "CI=true but Playwright for Python is missing (.ci/run installs it)"
        );
    }
    if !(chromium && playwright) {
        eprintln!(
            "skipped: needs {CHROMIUM} and Playwright for Python (python3 -m pip install playwright)"
        );
    }
    chromium && playwright
}

/// The server, killed when the test ends.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// `posture serve token create --db URL ARGS`: the token, on the last line.
fn token(db: &str, args: &[&str]) -> String {
    let run = run_command(
        posture()
            .args(["serve", "token", "create", "--db", db])
            .args(args),
    )
    .success();
    run.stdout
        .lines()
        .last()
        .unwrap_or_default()
        .trim()
        .to_owned()
}

/// A UUID-shaped id, from two numbers.
fn assessment_id(org: usize, round: usize) -> String {
    format!("d0000000-0000-4000-8000-{org:06}{round:06}")
}

#[test]
fn the_dashboard_in_a_real_browser() {
    if !browser_available() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let db = format!("sqlite:{}", dir.path().join("collecte.db").display());
    let admin = token(&db, &["--admin", "--name", "Équipe SSI"]);
    let today = chrono::Utc::now().date_naive();
    let mut tokens = Vec::new();
    for (index, (name, sector, size)) in sample::ORGANISATIONS.iter().enumerate() {
        let contact = format!("Référent SSI {index}, 02 97 00 00 {index:02}");
        let secret = token(
            &db,
            &[
                "--org",
                name,
                "--sector",
                sector,
                "--size",
                size,
                "--contact",
                &contact,
            ],
        );
        // From one to four assessments, six months apart; the last ones date from 1 to 9
        // months ago, so that some are overdue.
        let rounds = 1 + index % 4;
        let months_ago = u32::try_from(1 + (index * 5) % 9 + (rounds - 1) * 6).unwrap_or(1);
        let first = today
            .checked_sub_months(chrono::Months::new(months_ago))
            .expect("a date");
        tokens.push((secret, *name, *sector, *size, rounds, first));
    }

    let mut child = Process::new(env!("CARGO_BIN_EXE_posture"));
    for var in common::LOCALE_VARS {
        child.env_remove(var);
    }
    let mut child = child
        .args([
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--db",
            &db,
            "--self-signed",
        ])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("posture serve starts");
    let stdout = child.stdout.take().expect("stdout");
    let server = Server(child);
    let mut url = String::new();
    BufReader::new(stdout).read_line(&mut url).expect("the URL");
    let url = url.trim().to_owned();
    assert!(url.starts_with("https://127.0.0.1:"), "{url}");
    let pem = std::fs::read(dir.path().join("collecte-self-signed.pem")).expect("certificate");
    let http = client(&pem);

    for (index, (secret, name, sector, size, rounds, first)) in tokens.iter().enumerate() {
        for round in 0..*rounds {
            let id = assessment_id(index, round);
            let seed = u64::try_from(index).unwrap_or_default() * 31 + 7;
            let doc = sample::document(&id, name, sector, size, *first, round, seed);
            let answer = http
                .post(format!("{url}/api/v1/assessments"))
                .bearer_auth(secret)
                .header("content-type", "application/json")
                .body(serde_json::to_vec(&doc).expect("json"))
                .send()
                .expect("submit");
            assert_eq!(answer.status().as_u16(), 201, "{name} {round}");
        }
    }

    let shots = match std::env::var_os("POSTURE_DASHBOARD_SHOTS") {
        Some(dir) => PathBuf::from(dir),
        None => dir.path().join("screenshots"),
    };
    let token_file = dir.path().join("admin-token");
    std::fs::write(&token_file, &admin).expect("token file");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/dashboard.py");
    let (opened, sector) = ("EHPAD Les Tilleuls", "EHPAD");
    let opened_rounds = tokens
        .iter()
        .find(|t| t.1 == opened)
        .map(|t| t.4)
        .expect("the organisation opened");
    let in_sector = tokens.iter().filter(|t| t.2 == sector).count();
    let output = Process::new("python3")
        .arg(&script)
        .args(["--url", &url, "--out"])
        .arg(&shots)
        .arg("--token-file")
        .arg(&token_file)
        .args(["--organisation", opened])
        .args(["--assessments", &opened_rounds.to_string()])
        .args(["--organisations", &tokens.len().to_string()])
        .args(["--sector", sector, "--in-sector", &in_sector.to_string()])
        .args(["--peers", "CPTS/1-9"])
        .output()
        .expect("python3 runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "the browser script failed:\n{stdout}\n{stderr}"
    );
    for name in [
        "01-sign-in",
        "02-organisations",
        "03-organisations-filtered",
        "04-heatmap",
        "05-organisation",
        "06-organisation-print",
        "07-overdue",
        "08-peers",
        "09-organisations-en",
    ] {
        let path = shots.join(format!("{name}.png"));
        let bytes = std::fs::read(&path).unwrap_or_default();
        assert!(bytes.starts_with(b"\x89PNG"), "{}", path.display());
    }
    drop(server);
}
