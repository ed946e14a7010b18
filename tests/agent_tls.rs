//! `posture agent probe-tls` end to end: the binary against an HTTPS server and a redirecting
//! HTTP server started here on 127.0.0.1, with the test CA given by `--ca`.
//!
//! The certificates below were made once with rcgen for this test only (CA valid 2025–2125, site
//! certificate for localhost and 127.0.0.1 valid 2025–2124); the key protects nothing.
#![allow(clippy::unwrap_used)]

use std::time::Duration;

use agent::tls::testing::{HttpsServer, closed_port, http_server};
use assert_cmd::Command;
use serde_json::Value;

const CA_PEM: &str = "-----BEGIN CERTIFICATE-----
MIIBgjCCASigAwIBAgIUFxqCurGFsigFv29BwJzGa7BgJmAwCgYIKoZIzj0EAwIw
HjEcMBoGA1UEAwwTcG9zdHVyZSBlMmUgdGVzdCBDQTAgFw0yNTAxMDEwMDAwMDBa
GA8yMTI1MDEwMTAwMDAwMFowHjEcMBoGA1UEAwwTcG9zdHVyZSBlMmUgdGVzdCBD
QTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABLPyJJvqa8F3HmXtqU/xI0A8OqM4
hQvNHxC5t2ELQQA4csXlsEQVzqVG/w8NxOKX2jdSatuWB+VQYzp0pcSPp8qjQjBA
MA4GA1UdDwEB/wQEAwIBhjAdBgNVHQ4EFgQUbDeAw9cpiRZJx5JTy6+HkE3DLigw
DwYDVR0TAQH/BAUwAwEB/zAKBggqhkjOPQQDAgNIADBFAiB1oXKeWLD4huOI7Af1
ekD7nRdgXXE4my5zx5m3REIAjwIhALsDX/AGiNG+uEhhD0FV1OKfBE+Uz+1YLvpF
BU3o7YNk
-----END CERTIFICATE-----
";

const SITE_PEM: &str = "-----BEGIN CERTIFICATE-----
MIIBYDCCAQagAwIBAgIUDSSYpTBkbg+FV4eDoK4oWGSuyK4wCgYIKoZIzj0EAwIw
HjEcMBoGA1UEAwwTcG9zdHVyZSBlMmUgdGVzdCBDQTAgFw0yNTAxMDEwMDAwMDBa
GA8yMTI0MDEwMTAwMDAwMFowIDEeMBwGA1UEAwwVcG9zdHVyZSBlMmUgdGVzdCBz
aXRlMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEsJJdnknxy7UTOKLwRzX5ExZQ
PD5fHcjKHMn9ZEcaIM9Lav3JHwwVLVgc/yoO5BuySBjVQCT80l6gCsIY8CCtGqMe
MBwwGgYDVR0RBBMwEYIJbG9jYWxob3N0hwR/AAABMAoGCCqGSM49BAMCA0gAMEUC
IQDhQA+Ws1eW8ineccs7GGyaznQP9X6IlZsNcQ7p6NzrrQIgb76urovG8DFoCjFF
n1lk6JyXECW6lMfDygnhENUlqIM=
-----END CERTIFICATE-----
";

const SITE_KEY: &str = "-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQglmjLYYr+COi25vZG
xB0kpMdzxv9GCSEJ3KlzKH25VWuhRANCAASwkl2eSfHLtRM4ovBHNfkTFlA8Pl8d
yMocyf1kRxogz0tq/ckfDBUtWBz/Kg7kG7JIGNVAJPzSXqAKwhjwIK0a
-----END PRIVATE KEY-----
";

fn posture() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_posture"));
    for var in ["LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE"] {
        command.env_remove(var);
    }
    command.timeout(Duration::from_secs(60));
    command
}

fn facts(stdout: &[u8]) -> Vec<Value> {
    let report: Value = serde_json::from_slice(stdout).unwrap();
    assert!(report["agent_version"].is_string(), "{report:#}");
    assert!(report["collected_at"].is_string(), "{report:#}");
    report["facts"].as_array().unwrap().clone()
}

fn find<'a>(facts: &'a [Value], key: &str) -> &'a Value {
    facts
        .iter()
        .find(|f| f["key"] == key)
        .unwrap_or_else(|| panic!("no {key} in {facts:#?}"))
}

#[test]
fn probe_tls_writes_the_documented_facts_in_json() {
    let dir = tempfile::tempdir().unwrap();
    let ca = dir.path().join("ca.pem");
    std::fs::write(&ca, CA_PEM).unwrap();
    let port = HttpsServer {
        cert_pem: SITE_PEM.into(),
        key_pem: SITE_KEY.into(),
        tls12_only: false,
        hsts: Some("max-age=63072000; includeSubDomains".into()),
    }
    .start()
    .unwrap();
    let http = http_server(301, Some(&format!("https://127.0.0.1:{port}/"))).unwrap();

    let output = posture()
        .args(["--lang", "en", "agent", "probe-tls"])
        .arg(format!("https://127.0.0.1:{port}"))
        .arg(format!("http://127.0.0.1:{http}"))
        .arg("--ca")
        .arg(&ca)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let facts = facts(&output.stdout);
    let keys: Vec<&str> = facts.iter().map(|f| f["key"].as_str().unwrap()).collect();
    assert_eq!(
        keys,
        [
            "tls.version",
            "tls.cert_valid",
            "tls.cert_days_left",
            "tls.chain_valid",
            "https.redirect",
            "https.hsts",
        ]
    );
    for fact in &facts {
        assert_eq!(
            fact["source"],
            format!("https://127.0.0.1:{port}"),
            "{fact}"
        );
        assert_eq!(fact["status"], "ok", "{fact}");
        let key = fact["key"].as_str().unwrap();
        assert!(scoring::facts::kind_of(key).is_some(), "{key}");
    }
    assert_eq!(find(&facts, "tls.version")["value"], "TLSv1.3");
    assert_eq!(find(&facts, "tls.cert_valid")["value"], true);
    assert_eq!(find(&facts, "tls.chain_valid")["value"], true);
    assert_eq!(find(&facts, "https.redirect")["value"], true);
    assert_eq!(find(&facts, "https.hsts")["value"], true);
    assert!(
        find(&facts, "tls.cert_days_left")["value"]
            .as_f64()
            .unwrap()
            > 30_000.0
    );
    assert_eq!(
        find(&facts, "tls.version")["detail"],
        "The site negotiates TLS 1.3, the latest version."
    );
    assert!(
        find(&facts, "tls.chain_valid")["detail"]
            .as_str()
            .unwrap()
            .starts_with("Certificate chain trusted (issuer: posture e2e test CA)")
    );
}

#[test]
fn probe_tls_without_the_ca_and_in_french() {
    let port = HttpsServer {
        cert_pem: SITE_PEM.into(),
        key_pem: SITE_KEY.into(),
        tls12_only: true,
        hsts: None,
    }
    .start()
    .unwrap();
    let closed = closed_port().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("tls.json");
    let output = posture()
        .args(["agent", "probe-tls"])
        .arg(format!("https://127.0.0.1:{port}"))
        .arg(format!("http://127.0.0.1:{closed}"))
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    // The summary line counts ok, warn, fail and unknown.
    let summary = String::from_utf8_lossy(&output.stdout);
    assert!(
        summary.contains("2 ok, 2 à surveiller, 2 non conformes"),
        "{summary}"
    );
    let facts = facts(&std::fs::read(&out).unwrap());
    assert_eq!(find(&facts, "tls.version")["status"], "warn");
    assert_eq!(find(&facts, "tls.chain_valid")["value"], false);
    // Nothing on the HTTP port: not plain-text exposure, a warning.
    assert_eq!(find(&facts, "https.redirect")["status"], "warn");
    assert_eq!(find(&facts, "https.redirect")["value"], false);
    assert_eq!(find(&facts, "https.hsts")["status"], "fail");
    assert!(
        find(&facts, "tls.version")["detail"]
            .as_str()
            .unwrap()
            .starts_with("Le site négocie au mieux TLS 1.2")
    );
}

/// `-o FILE` writes the JSON to the file *instead of* standard output, whatever the format:
/// only the one-line summary is printed.
#[test]
fn probe_tls_with_an_output_file_prints_only_the_summary() {
    let dir = tempfile::tempdir().unwrap();
    let closed = closed_port().unwrap();
    for format in ["json", "text"] {
        let out = dir.path().join(format!("tls-{format}.json"));
        let output = posture()
            .args(["--lang", "fr", "agent", "probe-tls"])
            .arg(format!("https://127.0.0.1:{closed}"))
            .args(["--format", format, "-o"])
            .arg(&out)
            .output()
            .unwrap();
        assert!(output.status.success());
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert_eq!(
            stdout,
            format!(
                "constats écrits dans {} : 0 ok, 0 à surveiller, 0 non conforme, 6 inconnus\n",
                out.display()
            ),
            "--format {format}"
        );
        assert_eq!(facts(&std::fs::read(&out).unwrap()).len(), 6);
    }
}
