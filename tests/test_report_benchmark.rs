//! `posture report --benchmark URL`: the organisation's position among its peers, fetched from a
//! real `posture serve` (HTTPS with its self-signed certificate, tokens and assessments seeded
//! through its own commands and API), in the JSON, HTML, Markdown and PDF reports; and the report
//! written anyway, with a warning, when there are too few peers, the token is refused or the
//! server is down.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::common::https::RealServer;
use crate::common::reports::s;
use crate::common::{self, Run, run_command};

/// PAT-01's options, from level 0 to 4.
const PAT: [&str; 5] = [
    "quand-on-y-pense",
    "plusieurs-mois",
    "dans-le-mois",
    "8-jours",
    "8-jours-verifie",
];
/// BAK-01's options, from level 0 to 4.
const BAK: [&str; 5] = [
    "aucune",
    "manuelle-ou-branchee",
    "auto-sur-site",
    "copie-hors-d-atteinte",
    "copie-hors-d-atteinte-surveillee",
];

/// A new token of `org` in `sector` and `size`, as `posture serve token create` prints it.
fn token(db: &str, org: &str, sector: &str, size: &str) -> String {
    let created = run_command(common::posture().args([
        "serve", "token", "create", "--db", db, "--org", org, "--sector", sector, "--size", size,
    ]))
    .success();
    created
        .stdout
        .lines()
        .last()
        .expect("the token")
        .trim()
        .to_owned()
}

/// An express session of `org` in `sector` and `size`, PAT-01 and BAK-01 at the levels given.
fn session(dir: &Path, org: &str, sector: &str, size: &str, pat: usize, bak: usize) -> PathBuf {
    let path = dir.join(format!("{}.toml", org.replace(' ', "-")));
    run_command(common::posture().args([
        "session",
        "new",
        "--profile",
        "express",
        "--org",
        org,
        "--sector",
        sector,
        "--headcount",
        size,
        "-o",
        s(&path),
    ]))
    .success();
    run_command(common::posture().args(["answer", s(&path), "PAT-01", PAT[pat]])).success();
    run_command(common::posture().args(["answer", s(&path), "BAK-01", BAK[bak]])).success();
    path
}

/// Files the report JSON of `session` with `token`, through the server's API.
fn file(client: &reqwest::blocking::Client, url: &str, token: &str, session: &Path) {
    let report =
        run_command(common::posture().args(["report", s(session), "--format", "json", "-o", "-"]))
            .success();
    let answer = client
        .post(format!("{url}/api/v1/assessments"))
        .bearer_auth(token)
        .header("content-type", "application/json")
        .body(report.stdout)
        .send()
        .expect("the server answers");
    assert_eq!(answer.status().as_u16(), 201, "{:?}", answer.text());
}

/// `posture report FILE --benchmark URL ARGS…`, the token in `POSTURE_TOKEN` when given.
fn report(file: &Path, url: &str, args: &[&str], token: Option<&str>) -> Run {
    let mut command = common::posture();
    command
        .env_remove("POSTURE_TOKEN")
        .env("POSTURE_SUBMIT_BACKOFF_MS", "10")
        .arg("report")
        .arg(file)
        .args(["--benchmark", url])
        .args(args);
    if let Some(token) = token {
        command.env("POSTURE_TOKEN", token);
    }
    run_command(&mut command)
}

fn read_json(path: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(path).expect("the JSON report")).expect("JSON")
}

fn pdf_text(path: &Path) -> String {
    let output = std::process::Command::new("pdftotext")
        .args([s(path), "-"])
        .output()
        .expect("pdftotext (poppler-utils) runs");
    assert!(output.status.success(), "pdftotext failed");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Where a score stands, as the report must say it.
fn expected_position(score: f64, p25: f64, p75: f64) -> &'static str {
    if score < p25 {
        "below"
    } else if score > p75 {
        "above"
    } else {
        "middle"
    }
}

#[test]
fn report_benchmark_against_posture_serve() {
    let dir = common::cli::tempdir();
    let db = format!("sqlite:{}", dir.path().join("collecte.db").display());
    // Six peers in CPTS 10-49, two in EHPAD 50-249; the audited organisation's own token.
    let peers: Vec<(String, PathBuf)> = (0..6)
        .map(|i| {
            let org = format!("CPTS {i}");
            let token = token(&db, &org, "CPTS", "10-49");
            (
                token,
                session(dir.path(), &org, "CPTS", "10-49", i % 5, (i * 2 + 1) % 5),
            )
        })
        .collect();
    let few: Vec<(String, PathBuf)> = (0..2)
        .map(|i| {
            let org = format!("EHPAD {i}");
            let token = token(&db, &org, "EHPAD", "50-249");
            (token, session(dir.path(), &org, "EHPAD", "50-249", i, i))
        })
        .collect();
    let own = token(&db, "CPTS du Val", "CPTS", "10-49");
    let serve = RealServer::start(&db);
    let pem = dir.path().join("collecte-self-signed.pem");
    let client = common::https::client(&std::fs::read(&pem).expect("the certificate"));
    for (token, path) in peers.iter().chain(&few) {
        file(&client, &serve.url, token, path);
    }
    let expected = client
        .get(format!(
            "{}/api/v1/benchmark?sector=CPTS&size=10-49",
            serve.url
        ))
        .bearer_auth(&own)
        .send()
        .expect("the server answers")
        .text()
        .expect("the answer");
    let expected: Value = serde_json::from_str(&expected).expect("JSON");
    assert_eq!(expected["count"], 6, "{expected}");

    // ≥ 5 peers: the section in every format, the token from a file.
    let audited = session(dir.path(), "CPTS du Val", "CPTS", "10-49", 4, 0);
    let token_file = dir.path().join("jeton");
    std::fs::write(&token_file, format!("{own}\n")).expect("token file");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(&token_file, std::fs::Permissions::from_mode(0o600))
            .expect("chmod");
    }
    let out = dir.path().join("out");
    std::fs::create_dir(&out).expect("mkdir");
    let run = report(
        &audited,
        &serve.url,
        &[
            "--token-file",
            s(&token_file),
            "--ca",
            s(&pem),
            "--format",
            "json,html,md,pdf",
            "-o",
            s(&out.join("r")),
        ],
        None,
    )
    .success();
    assert!(!run.stderr.contains("attention"), "{}", run.explain());
    let json = read_json(&out.join("r.json"));
    let benchmark = &json["benchmark"];
    assert_eq!(benchmark["status"], "ok", "{benchmark}");
    assert_eq!(benchmark["count"], 6);
    assert_eq!(benchmark["sector"], "CPTS");
    assert_eq!(benchmark["size"], "10-49");
    let quartiles = |row: &Value| {
        (
            row["p25"].as_f64().expect("p25"),
            row["median"].as_f64().expect("median"),
            row["p75"].as_f64().expect("p75"),
        )
    };
    assert_eq!(
        quartiles(&benchmark["overall"]),
        quartiles(&expected["overall"])
    );
    let rows = benchmark["domains"].as_array().expect("domains");
    assert!(!rows.is_empty());
    let mut positions = std::collections::BTreeSet::new();
    for row in rows {
        let peer = expected["domains"]
            .as_array()
            .expect("the server's domains")
            .iter()
            .find(|d| d["id"] == row["id"])
            .expect("the domain among the server's");
        assert_eq!(quartiles(row), quartiles(peer), "{row}");
        let own_score = json["domains"]
            .as_array()
            .expect("domains")
            .iter()
            .find(|d| d["id"] == row["id"])
            .expect("the domain")["score"]
            .clone();
        assert_eq!(row["score"], own_score);
        if let Some(score) = own_score.as_f64() {
            let (p25, _, p75) = quartiles(row);
            assert_eq!(row["position"], expected_position(score, p25, p75), "{row}");
            positions.insert(row["position"].as_str().expect("a position").to_owned());
        }
    }
    // PAT-01 at 4 and BAK-01 at 0 against peers in between: above on one, below on the other.
    assert!(
        positions.contains("above") && positions.contains("below"),
        "{positions:?}"
    );

    let html = std::fs::read_to_string(out.join("r.html")).expect("the HTML");
    assert!(html.contains("<h2>Votre position parmi vos pairs</h2>"));
    assert!(html.contains("Comparaison avec les 6 organisations"));
    assert!(html.contains("class=\"chart chart-box\""));
    assert!(html.contains("au-dessus du troisième quartile"));
    assert!(html.contains("sous le premier quartile"));
    let markdown = std::fs::read_to_string(out.join("r.md")).expect("the Markdown");
    assert!(markdown.contains("## Votre position parmi vos pairs"));
    assert!(markdown.contains("| Votre score | 1er quartile | Médiane | 3e quartile | Position |"));
    let overall_row = format!(
        "| **Indice global** | {} |",
        json["overall"]["score"]
            .as_f64()
            .map_or("—".to_owned(), |v| format!("{v:.1}").replace('.', ","))
    );
    assert!(markdown.contains(&overall_row), "{overall_row}\n{markdown}");
    let pdf = pdf_text(&out.join("r.pdf"));
    assert!(pdf.contains("Votre position parmi vos pairs"), "{pdf}");
    assert!(pdf.contains("au-dessus du troisième quartile"), "{pdf}");
    assert!(
        pdf.contains("Comparaison avec les 6 organisations"),
        "{pdf}"
    );

    // < 5 peers: said, in every format, exit 0 with a warning.
    let small = session(dir.path(), "EHPAD du Lac", "EHPAD", "50-249", 2, 2);
    let run = report(
        &small,
        &serve.url,
        &[
            "--ca",
            s(&pem),
            "--format",
            "json,md",
            "-o",
            s(&out.join("few")),
        ],
        Some(&own),
    )
    .success();
    run.stderr_has("trop peu d'organisations comparables (2");
    let json = read_json(&out.join("few.json"));
    assert_eq!(json["benchmark"]["status"], "too_few");
    assert_eq!(json["benchmark"]["count"], 2);
    assert_eq!(json["benchmark"]["domains"], serde_json::json!([]));
    let markdown = std::fs::read_to_string(out.join("few.md")).expect("the Markdown");
    assert!(markdown.contains("Trop peu d'organisations comparables pour situer la vôtre"));

    // A refused token: a warning naming the 401, the report written without the figures.
    let run = report(
        &audited,
        &serve.url,
        &[
            "--ca",
            s(&pem),
            "--format",
            "json",
            "-o",
            s(&out.join("bad.json")),
        ],
        Some("pst_not-a-real-token"),
    )
    .success();
    run.stderr_has("attention").stderr_has("401");
    let json = read_json(&out.join("bad.json"));
    assert_eq!(json["benchmark"]["status"], "unavailable");
    assert!(
        json["benchmark"]["reason"]
            .as_str()
            .is_some_and(|r| r.contains("401")),
        "{}",
        json["benchmark"]
    );

    // In English too.
    let run = report(
        &audited,
        &serve.url,
        &["--ca", s(&pem), "--lang", "en", "--format", "md", "-o", "-"],
        Some(&own),
    )
    .success();
    run.stdout_has("## Your position among your peers");
}

#[test]
fn report_benchmark_with_the_server_down_warns_and_writes_the_report() {
    let dir = common::cli::tempdir();
    let audited = session(dir.path(), "CPTS du Val", "CPTS", "10-49", 4, 0);
    // A port nothing listens on: bound, then released.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("a free port")
        .port();
    let url = format!("http://127.0.0.1:{port}");
    let out = dir.path().join("r");
    let run = report(
        &audited,
        &url,
        &["--format", "json,html", "-o", s(&out)],
        Some("pst_whatever"),
    )
    .success();
    run.stderr_has("attention").stderr_has("injoignable");
    let json = read_json(&out.with_extension("json"));
    assert_eq!(json["benchmark"]["status"], "unavailable");
    assert_eq!(json["benchmark"]["count"], Value::Null);
    let html = std::fs::read_to_string(out.with_extension("html")).expect("the HTML");
    assert!(html.contains("La comparaison avec vos pairs n"));
    assert!(
        html.contains("Les six mesures prioritaires"),
        "the rest of the report"
    );
}

#[test]
fn report_benchmark_needs_a_token_and_a_safe_address() {
    let dir = common::cli::tempdir();
    let audited = session(dir.path(), "CPTS du Val", "CPTS", "10-49", 4, 0);
    let out = dir.path().join("r.json");
    report(
        &audited,
        "https://127.0.0.1:9",
        &["--format", "json", "-o", s(&out)],
        None,
    )
    .invalid()
    .stderr_has("POSTURE_TOKEN");
    report(
        &audited,
        "http://collecte.exemple.fr",
        &["--format", "json", "-o", s(&out)],
        Some("pst_x"),
    )
    .invalid();
    assert!(!out.exists(), "nothing written on an input error");
    // --token-file and --ca only go with --benchmark.
    run_command(common::posture().args(["report", s(&audited), "--ca", "x.pem"])).invalid();
}
