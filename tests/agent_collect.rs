//! The real `posture agent collect --format json` on this machine: its system as
//! `/etc/os-release` says, and a listener opened by the test on every interface on a remote
//! administration port, seen listening and exposed.
#![allow(clippy::unwrap_used)]

use std::collections::HashMap;
use std::net::TcpListener;
use std::time::{Duration, Instant};

use assert_cmd::Command;
use serde_json::Value;

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
    assert_eq!(exposed["status"], "fail");

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
                    || stderr.contains(&format!("--root {} : ", root.display())),
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
