//! End-to-end tests of `posture agent`.
//!
//! `collect`: the real `posture agent collect --format json` on this machine: its system as
//! `/etc/os-release` says, and a listener opened by the test on every interface on a remote
//! administration port, seen listening and exposed. Then the two fake machines of
//! `common::machines` read with `--root`, and `probe-ports` against the loopback only.
//!
//! `probe-tls`: the binary against an HTTPS server and a redirecting HTTP server started here on
//! 127.0.0.1, with the test CA given by `--ca`. The certificates below were made once with rcgen
//! for this test only (CA valid 2025–2125, site certificate for localhost and 127.0.0.1 valid
//! 2025–2124); the key protects nothing.
#![allow(clippy::unwrap_used)]

use std::collections::HashMap;
use std::net::TcpListener;
use std::time::{Duration, Instant};

use agent::tls::testing::{HttpsServer, closed_port, http_server};
use assert_cmd::Command;
use serde_json::Value;

use crate::common;

// ---------------------------------------------------------------------------------------------
// posture agent collect, posture agent probe-ports
// ---------------------------------------------------------------------------------------------

/// `/etc/os-release` (or `/usr/lib/os-release`), read by the test itself.
fn os_release() -> HashMap<String, String> {
    let text = std::fs::read_to_string("/etc/os-release")
        .or_else(|_| std::fs::read_to_string("/usr/lib/os-release"))
        .unwrap_or_default();
    text.lines()
        .filter_map(|line| {
            let (key, value) = line.split_once('=')?;
            Some((
                key.trim().to_owned(),
                value.trim().trim_matches('"').trim_matches('\'').to_owned(),
            ))
        })
        .collect()
}

/// Ports of the agent's admin list that a normal user can bind (above 1024).
const ADMIN_PORTS: &[u16] = &[
    5901, 5902, 5903, 5900, 9090, 10000, 3389, 5985, 5986, 8006, 2375, 2376, 5800, 5801, 6000,
];

fn fact<'a>(report: &'a Value, key: &str) -> &'a Value {
    report["facts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["key"] == key)
        .unwrap_or_else(|| panic!("no fact {key} in {report}"))
}

fn list(fact: &Value) -> Vec<String> {
    fact["value"]
        .as_array()
        .map(|items| {
            items
                .iter()
                .filter_map(|i| i.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn collects_this_machine() {
    let (listener, port) = ADMIN_PORTS
        .iter()
        .find_map(|port| {
            TcpListener::bind(("0.0.0.0", *port))
                .ok()
                .map(|l| (l, *port))
        })
        .expect("no free admin port to listen on");
    let start = Instant::now();
    let output = Command::cargo_bin("posture")
        .unwrap()
        .args(["--lang", "en", "agent", "collect", "--format", "json"])
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    let elapsed = start.elapsed();
    drop(listener);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    // JSON only on stdout (progress, if any, goes to stderr).
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    eprintln!("collected in {elapsed:?}");

    let release = os_release();
    if let Some(name) = release.get("NAME") {
        assert_eq!(fact(&report, "os.name")["value"], name.as_str());
    }
    if let Some(version) = release.get("VERSION_ID") {
        assert_eq!(fact(&report, "os.version")["value"], version.as_str());
    }
    assert_eq!(report["agent_version"], env!("CARGO_PKG_VERSION"));
    assert!(report["collected_at"].as_str().unwrap().contains('T'));

    let listening = list(fact(&report, "net.listening"));
    assert!(
        listening.contains(&format!("tcp 0.0.0.0:{port}")),
        "{port} not in {listening:?}"
    );
    let exposed = fact(&report, "net.admin_exposed");
    let items = list(exposed);
    assert!(
        items.iter().any(|i| i.starts_with(&format!("{port}/tcp"))),
        "{port} not in {items:?}"
    );
    // `fail` when this machine has a public address (or its addresses are unknown); on a
    // private network only, `warn`: listening there says nothing of the Internet.
    let public = fact(&report, "net.admin_public");
    let expected = if public["status"] == "ok" {
        "warn"
    } else {
        "fail"
    };
    assert_eq!(exposed["status"], expected, "{exposed} {public}");
    if public["status"] == "fail" {
        assert!(
            list(public)
                .iter()
                .any(|i| i.starts_with(&format!("{port}/tcp"))),
            "{public}"
        );
    }

    // Whatever this machine is, unknown facts have no value and every fact is documented.
    for f in report["facts"].as_array().unwrap() {
        assert!(
            scoring_key(f["key"].as_str().unwrap()),
            "undocumented {}",
            f["key"]
        );
        if f["value"].is_null() {
            assert_eq!(f["status"], "unknown", "{f}");
        }
    }
}

fn scoring_key(key: &str) -> bool {
    // The documented keys, as `docs/facts.md` lists them.
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/facts.md"))
        .unwrap_or_default();
    doc.contains(&format!("`{key}`"))
}

#[test]
fn text_output_and_root_option() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("etc")).unwrap();
    std::fs::write(
        dir.path().join("etc/os-release"),
        "NAME=\"Debian GNU/Linux\"\nVERSION_ID=\"12\"\nID=debian\n",
    )
    .unwrap();
    std::fs::write(dir.path().join(".dockerenv"), "").unwrap();
    let out = dir.path().join("facts.json");
    let output = Command::cargo_bin("posture")
        .unwrap()
        .args(["--lang", "fr", "agent", "collect", "--root"])
        .arg(dir.path())
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert!(output.status.success());
    let summary = String::from_utf8_lossy(&output.stdout);
    assert!(summary.contains("constats écrits dans"), "{summary}");
    let report: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(report["container"], true);
    assert!(
        report["facts"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["status"] != "fail")
    );
}

#[test]
fn a_missing_or_wrong_root_is_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("not-a-dir");
    std::fs::write(&file, "x").unwrap();
    let missing = dir.path().join("nonexistent");
    for (root, fr, en) in [
        (&missing, "dossier introuvable", "no such directory"),
        (&file, "ce n'est pas un dossier", "not a directory"),
    ] {
        for (lang, message) in [("fr", fr), ("en", en)] {
            let output = Command::cargo_bin("posture")
                .unwrap()
                .args([
                    "--lang", lang, "agent", "collect", "--format", "json", "--root",
                ])
                .arg(root)
                .output()
                .unwrap();
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert_eq!(output.status.code(), Some(2), "{stderr}");
            assert!(output.stdout.is_empty());
            assert!(
                stderr.contains(&format!("--root {}: ", root.display()))
                    || stderr.contains(&format!("--root {} : ", root.display())),
                "{stderr}"
            );
            assert!(stderr.contains(message), "{stderr}");
            assert!(!stderr.contains("panicked"), "{stderr}");
        }
    }
}

/// `-o FILE` writes the JSON to the file *instead of* standard output, whatever the format:
/// only the one-line summary is printed. A machine without a host name is still named.
#[test]
fn an_output_file_gets_the_json_and_standard_output_only_the_summary() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("rhel");
    std::fs::create_dir_all(root.join("etc")).unwrap();
    for format in ["json", "text"] {
        let out = dir.path().join(format!("y-{format}.json"));
        let output = Command::cargo_bin("posture")
            .unwrap()
            .args([
                "--lang", "en", "agent", "collect", "--format", format, "--root",
            ])
            .arg(&root)
            .arg("-o")
            .arg(&out)
            .output()
            .unwrap();
        assert!(output.status.success());
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(
            stdout.starts_with(&format!("facts written to {}: ", out.display())),
            "--format {format}: {stdout}"
        );
        assert_eq!(stdout.lines().count(), 1, "--format {format}: {stdout}");
        let report: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
        assert_eq!(report["host"], "unnamed-host");
    }
    // Without -o, the table names the machine too.
    let output = Command::cargo_bin("posture")
        .unwrap()
        .args(["--lang", "fr", "agent", "collect", "--root"])
        .arg(&root)
        .output()
        .unwrap();
    let table = String::from_utf8_lossy(&output.stdout);
    assert!(table.starts_with("machine unnamed-host — "), "{table}");
}

/// In a terminal, progress goes to standard error, with `-o` too; the file gets only JSON.
/// `script` (util-linux) gives the command a terminal.
#[test]
fn progress_shows_in_a_terminal_with_an_output_file() {
    if !std::path::Path::new("/usr/bin/script").exists() {
        eprintln!("skipped: no /usr/bin/script to give the command a terminal");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("etc")).unwrap();
    let out = dir.path().join("facts.json");
    let command = format!(
        "{} --lang en agent collect --root '{}' -o '{}'",
        env!("CARGO_BIN_EXE_posture"),
        dir.path().display(),
        out.display()
    );
    let output = Command::new("/usr/bin/script")
        .args(["-qec", &command, "/dev/null"])
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    let shown = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{shown}");
    assert!(shown.contains("/13] "), "no progress line in {shown:?}");
    assert!(
        shown.contains(&format!("facts written to {}: 0 ok", out.display())),
        "{shown:?}"
    );
    // The file holds the JSON alone.
    let report: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert!(report["facts"].is_array());
    // Without a terminal (this test's pipes), no progress at all.
    let piped = Command::cargo_bin("posture")
        .unwrap()
        .args(["--lang", "en", "agent", "collect", "--root"])
        .arg(dir.path())
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert!(piped.stderr.is_empty(), "{:?}", piped.stderr);
}

/// `posture agent collect --root DIR --format json`, parsed.
fn collect_root(root: &std::path::Path, lang: &str) -> Value {
    let output = Command::cargo_bin("posture")
        .unwrap()
        .args([
            "--lang", lang, "agent", "collect", "--format", "json", "--root",
        ])
        .arg(root)
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

/// A server on the local network in good order: nothing that only looks bad counts against it.
#[test]
fn a_well_run_lan_server_is_not_blamed_for_its_lan() {
    let dir = tempfile::tempdir().unwrap();
    common::machines::well_run_lan_server(dir.path());
    for lang in ["en", "fr"] {
        let report = collect_root(dir.path(), lang);
        let status = |key: &str| fact(&report, key)["status"].as_str().unwrap().to_owned();
        let role = fact(&report, "host.role");
        assert_eq!(role["value"], "server", "{role}");
        assert_eq!(role["status"], "ok");
        assert!(role["detail"].as_str().unwrap().contains("17"), "{role}");
        assert_eq!(role["source"], "/sys/class/dmi/id/chassis_type");

        let public = fact(&report, "net.public_addresses");
        assert_eq!(
            (&public["value"], status("net.public_addresses").as_str()),
            (&serde_json::json!([]), "ok"),
            "{public}"
        );
        assert!(
            public["detail"].as_str().unwrap().contains("192.168.10.5"),
            "{public}"
        );
        let admin_public = fact(&report, "net.admin_public");
        assert_eq!(list(admin_public), Vec::<String>::new(), "{admin_public}");
        assert_eq!(admin_public["status"], "ok", "{admin_public}");

        let exposed = fact(&report, "net.admin_exposed");
        assert_eq!(
            list(exposed),
            [
                "22/tcp (SSH) 0.0.0.0",
                "139/tcp (NetBIOS/SMB) 0.0.0.0",
                "445/tcp (SMB) 0.0.0.0"
            ],
            "{exposed}"
        );
        assert_eq!(exposed["status"], "warn", "{exposed}");
        let said = exposed["detail"].as_str().unwrap();
        assert!(
            said.contains(if lang == "en" {
                "listening on the local network says nothing of the Internet"
            } else {
                "être en écoute sur le réseau local ne dit rien d'Internet"
            }),
            "{said}"
        );

        let waiting = fact(&report, "patch.security_pending_days");
        assert_eq!(
            (&waiting["value"], waiting["status"].as_str()),
            (&serde_json::json!(0), Some("ok")),
            "{waiting}"
        );
        assert_eq!(fact(&report, "patch.pending_security")["value"], 0);
        assert_eq!(status("patch.pending_security"), "ok");
        let days = fact(&report, "patch.days_since_upgrade");
        assert_eq!(
            days["value"],
            common::machines::WELL_RUN_UPGRADE_DAYS,
            "{days}"
        );
        assert_eq!(days["status"], "warn", "{days}");
        assert_eq!(fact(&report, "patch.auto_updates")["value"], true);

        assert_eq!(fact(&report, "ssh.password_auth")["value"], false);
        assert_eq!(status("ssh.password_auth"), "ok");
        assert_eq!(fact(&report, "ssh.root_login")["value"], false);
        assert_eq!(fact(&report, "os.supported")["value"], true);
        assert_eq!(fact(&report, "log.persistent")["value"], true);
        assert_eq!(status("log.retention_days"), "ok");
        assert_eq!(status("time.synced"), "ok");
        assert_eq!(
            fact(&report, "backup.tools")["value"],
            serde_json::json!([])
        );
        // Nothing of this machine is a failure (its Debian 13 is supported until 2030).
        for f in report["facts"].as_array().unwrap() {
            if f["key"] != "os.supported" && f["key"] != "os.eol_date" {
                assert_ne!(f["status"], "fail", "{f}");
            }
        }
    }
}

/// A neglected server with a public address: every fact that proves a fault says so.
#[test]
fn a_neglected_server_with_a_public_address_fails_where_it_should() {
    let dir = tempfile::tempdir().unwrap();
    common::machines::neglected_server(dir.path());
    for lang in ["en", "fr"] {
        let report = collect_root(dir.path(), lang);
        let status = |key: &str| fact(&report, key)["status"].as_str().unwrap().to_owned();
        let role = fact(&report, "host.role");
        assert_eq!(role["value"], "server", "{role}");
        assert!(role["detail"].as_str().unwrap().contains("sshd"), "{role}");

        let public = fact(&report, "net.public_addresses");
        assert_eq!(list(public), [common::machines::PUBLIC_ADDRESS], "{public}");
        assert_eq!(public["status"], "fail");
        let admin_public = fact(&report, "net.admin_public");
        assert_eq!(
            list(admin_public),
            ["22/tcp (SSH) 0.0.0.0", "3389/tcp (RDP) 0.0.0.0"],
            "{admin_public}"
        );
        assert_eq!(admin_public["status"], "fail");
        let exposed = fact(&report, "net.admin_exposed");
        assert_eq!(list(exposed), list(admin_public), "{exposed}");
        assert_eq!(exposed["status"], "fail", "{exposed}");

        let waiting = fact(&report, "patch.security_pending_days");
        let age = waiting["value"].as_i64().unwrap_or_default();
        assert!(age >= common::machines::NEGLECTED_PENDING_DAYS, "{waiting}");
        assert_eq!(waiting["status"], "fail", "{waiting}");
        let said = waiting["detail"].as_str().unwrap();
        assert!(
            said.contains(if lang == "en" { "at least" } else { "au moins" }),
            "{said}"
        );
        assert!(said.contains("libssl1.1"), "{said}");
        assert!(
            waiting["source"]
                .as_str()
                .unwrap()
                .contains("stretch_updates_InRelease"),
            "{waiting}"
        );
        assert_eq!(fact(&report, "patch.pending_security")["value"], 1);
        assert_eq!(status("patch.days_since_upgrade"), "fail");

        assert_eq!(fact(&report, "ssh.password_auth")["value"], true);
        assert_eq!(status("ssh.password_auth"), "fail");
        assert_eq!(fact(&report, "ssh.root_login")["value"], true);
        assert_eq!(fact(&report, "os.supported")["value"], false);
        assert_eq!(status("os.supported"), "fail");
        assert_eq!(fact(&report, "log.persistent")["value"], false);
        assert_eq!(status("log.persistent"), "fail");
    }
}

/// `probe-ports` against the loopback only: a port the test listens on is open, one it bound
/// then dropped is closed; the report has the shape of `collect`'s, named after the host given.
#[test]
fn probe_ports_sees_open_and_closed_ports_on_the_loopback() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let open = listener.local_addr().unwrap().port();
    let closed = {
        let dropped = TcpListener::bind("127.0.0.1:0").unwrap();
        dropped.local_addr().unwrap().port()
    };
    let output = Command::cargo_bin("posture")
        .unwrap()
        .args([
            "--lang",
            "en",
            "agent",
            "probe-ports",
            "127.0.0.1",
            "--format",
            "json",
            "--ports",
        ])
        .arg(format!("{open},{closed}"))
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    drop(listener);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["host"], "127.0.0.1");
    assert_eq!(report["agent_version"], env!("CARGO_PKG_VERSION"));
    let target = fact(&report, "exposure.target");
    assert_eq!(target["value"], "127.0.0.1 (127.0.0.1)");
    // The loopback is not a public address: the probe says it shows the local view.
    assert_eq!(target["status"], "warn");
    assert_eq!(fact(&report, "exposure.probed_ports")["value"], 2);
    assert_eq!(
        list(fact(&report, "exposure.open_ports")),
        [format!("{open}/tcp")]
    );
    let admin = fact(&report, "exposure.admin_open");
    assert_eq!(list(admin), Vec::<String>::new(), "{admin}");
    assert_eq!(admin["status"], "ok");

    // Bad port lists are bad input (exit 2), said in the interface's language.
    for (bad, fr, en) in [
        ("0", "hors limites", "out of range"),
        ("10-5", "à l'envers", "reversed"),
        ("1-5000", "1024 au plus", "at most 1024"),
        ("ssh", "ni un numéro de port", "neither a port number"),
    ] {
        for (lang, message) in [("fr", fr), ("en", en)] {
            let output = Command::cargo_bin("posture")
                .unwrap()
                .args([
                    "--lang",
                    lang,
                    "agent",
                    "probe-ports",
                    "127.0.0.1",
                    "--ports",
                    bad,
                ])
                .output()
                .unwrap();
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert_eq!(output.status.code(), Some(2), "{bad}: {stderr}");
            assert!(output.stdout.is_empty());
            assert!(stderr.contains(message), "{bad}: {stderr}");
        }
    }
}

/// A facts file written in French carries each fact's message: shown in English, its sentences
/// are the ones `posture --lang en` prints (no command shows a facts file again as text, so the
/// file is read back here and said with `i18n::fact_detail`, as the report and the audit do).
#[test]
fn probe_ports_facts_written_in_french_are_said_in_english() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let open = listener.local_addr().unwrap().port();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("ports.json");
    let probe = |lang: &str, extra: &[&str]| {
        let output = Command::cargo_bin("posture")
            .unwrap()
            .args([
                "--lang",
                lang,
                "agent",
                "probe-ports",
                "127.0.0.1",
                "--ports",
            ])
            .arg(open.to_string())
            .args(extra)
            .timeout(Duration::from_secs(60))
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap()
    };
    let summary = probe("fr", &["--format", "json", "-o", out.to_str().unwrap()]);
    assert!(summary.starts_with("constats écrits dans"), "{summary}");
    let english = probe("en", &[]);
    drop(listener);
    let report: agent::FactReport = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(report.facts.len(), 4);
    for fact in &report.facts {
        assert!(fact.message.is_some(), "{fact:?}");
        let said = i18n::fact_detail(&i18n::Lang::En, fact);
        assert_ne!(said, fact.detail);
        assert!(
            english.contains(&format!("  {said} ({})", fact.source)),
            "{said} not in {english}"
        );
    }
    assert!(
        english.contains("1 TCP port probed: 1 open, 0 closed, 0 filtered"),
        "{english}"
    );
}

/// The help of probe-ports says to run it from outside, with consent, in both languages.
#[test]
fn probe_ports_help_says_from_outside_with_consent() {
    for (lang, words) in [
        ("fr", ["de l'extérieur", "4G", "avec son accord"]),
        ("en", ["from outside", "4G", "with its consent"]),
    ] {
        let output = Command::cargo_bin("posture")
            .unwrap()
            .args(["--lang", lang, "agent", "probe-ports", "--help"])
            .output()
            .unwrap();
        let help = String::from_utf8_lossy(&output.stdout).replace('\n', " ");
        let help = help.split_whitespace().collect::<Vec<_>>().join(" ");
        for word in words {
            assert!(help.contains(word), "{lang}: {word} not in {help}");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// posture agent probe-tls
// ---------------------------------------------------------------------------------------------

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
