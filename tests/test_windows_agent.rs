//! `posture-agent`, the agent alone, as the auditor carries it on a USB key: the Windows `.exe`
//! (cross-built with MinGW) run under Wine on a fake Windows 11 machine written into a throwaway
//! registry, its facts checked, then read by `posture score --facts`; double-clicked (a console
//! of its own), writing its facts next to itself and waiting for a key; and the static Linux
//! build (musl), run and checked to be static.
//!
//! The Wine runs need Wine and MinGW (`common::wine::available`): without them the tests say so
//! and pass, except under CI=true, where they fail. One Wine prefix serves the whole machine
//! (a fresh prefix costs seconds and hundreds of MB).
#![allow(clippy::unwrap_used)]

use std::path::Path;

use chrono::{Duration, Utc};
use serde_json::Value;

use crate::common::cli::{new_session, run, write_answers};
use crate::common::cross::{self, MUSL, WINDOWS};
use crate::common::wine::{self, Wine};

const CURRENT_VERSION: &str = r"HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion";

/// A FILETIME (100 ns since 1601-01-01 UTC) as `reg add` takes a REG_BINARY: its 8 bytes,
/// little-endian, as hex in order.
fn filetime_hex(time: chrono::DateTime<Utc>) -> String {
    let ticks = u64::try_from(time.timestamp() + 11_644_473_600).unwrap() * 10_000_000;
    ticks
        .to_le_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A Windows 11 23H2 Pro with Defender's signatures 20 days old, the public firewall profile
/// off, Remote Desktop on without NLA, SMBv1 on, TeamViewer (64-bit) and AnyDesk (32-bit)
/// installed, and its last update installed 45 days ago.
fn windows_11_pc(wine: &Wine) {
    // `winecfg -v win10` (done by Wine::new) rewrote the version values: ours come after.
    wine.reg_add(CURRENT_VERSION, "ProductName", "REG_SZ", "Windows 10 Pro");
    wine.reg_add(CURRENT_VERSION, "DisplayVersion", "REG_SZ", "23H2");
    wine.reg_add(CURRENT_VERSION, "CurrentBuildNumber", "REG_SZ", "22631");
    wine.reg_add(CURRENT_VERSION, "CurrentBuild", "REG_SZ", "22631");
    wine.reg_add(CURRENT_VERSION, "UBR", "REG_DWORD", "2861");
    wine.reg_add(CURRENT_VERSION, "EditionID", "REG_SZ", "Professional");
    wine.reg_add(CURRENT_VERSION, "InstallationType", "REG_SZ", "Client");
    wine.reg_add(
        r"HKLM\SOFTWARE\Microsoft\Windows Defender\Signature Updates",
        "SignaturesLastUpdated",
        "REG_BINARY",
        &filetime_hex(Utc::now() - Duration::days(20)),
    );
    wine.reg_add(
        r"HKLM\SYSTEM\CurrentControlSet\Services\SharedAccess\Parameters\FirewallPolicy\PublicProfile",
        "EnableFirewall",
        "REG_DWORD",
        "0",
    );
    wine.reg_add(
        r"HKLM\SYSTEM\CurrentControlSet\Control\Terminal Server",
        "fDenyTSConnections",
        "REG_DWORD",
        "0",
    );
    wine.reg_add(
        r"HKLM\SYSTEM\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp",
        "UserAuthentication",
        "REG_DWORD",
        "0",
    );
    wine.reg_add(
        r"HKLM\SYSTEM\CurrentControlSet\Services\LanmanServer\Parameters",
        "SMB1",
        "REG_DWORD",
        "1",
    );
    wine.reg_add(
        r"HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall\TeamViewer",
        "DisplayName",
        "REG_SZ",
        "TeamViewer",
    );
    // A 32-bit program: a 64-bit reader sees WOW6432Node by its path only.
    wine.reg_add(
        r"HKLM\SOFTWARE\WOW6432Node\Microsoft\Windows\CurrentVersion\Uninstall\AnyDesk",
        "DisplayName",
        "REG_SZ",
        "AnyDesk",
    );
    let last_update = (Utc::now() - Duration::days(45)).format("%Y-%m-%d %H:%M:%S");
    wine.reg_add(
        r"HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\WindowsUpdate\Auto Update\Results\Install",
        "LastSuccessTime",
        "REG_SZ",
        &last_update.to_string(),
    );
}

fn fact<'a>(report: &'a Value, key: &str) -> &'a Value {
    report["facts"]
        .as_array()
        .unwrap_or_else(|| panic!("no facts in {report:#}"))
        .iter()
        .find(|f| f["key"] == key)
        .unwrap_or_else(|| panic!("no fact {key} in {report:#}"))
}

/// `(value, status)` of a fact.
fn said<'a>(report: &'a Value, key: &str) -> (&'a Value, &'a str) {
    let fact = fact(report, key);
    (&fact["value"], fact["status"].as_str().unwrap_or_default())
}

#[test]
fn the_windows_agent_reads_a_windows_11_pc_under_wine_and_posture_scores_it() {
    if !wine::available() {
        return;
    }
    let exe = cross::release_binary(WINDOWS, "agent", "posture-agent");
    let size = std::fs::metadata(&exe).unwrap().len();
    assert!(
        size <= 10 * 1024 * 1024,
        "posture-agent.exe is {size} bytes"
    );
    let wine = Wine::new();
    windows_11_pc(&wine);
    let installed = wine.install(&exe);
    let dir = installed.parent().unwrap().to_path_buf();

    // collect -o FILE: the JSON in the file, a one-line summary on standard output. (Without
    // --lang, the language is Windows' display language: this fresh prefix's is English.)
    let out = wine.run(
        &installed,
        &["--lang", "fr", "collect", "-o", "faits.json"],
        &dir,
        &[],
    );
    assert_eq!(out.code, 0, "{}", out.explain());
    assert!(
        out.stdout.contains("constats écrits dans faits.json"),
        "{}",
        out.explain()
    );
    let text = std::fs::read_to_string(dir.join("faits.json")).unwrap();
    let report: Value = serde_json::from_str(&text).unwrap();

    assert_eq!(
        said(&report, "os.name"),
        (&Value::from("Windows 11 Pro"), "ok")
    );
    assert_eq!(said(&report, "os.version").0, "23H2");
    assert_eq!(said(&report, "os.build").0, "22631.2861");
    // 23H2 Home/Pro: serviced until 2025-11-11.
    assert_eq!(said(&report, "os.supported"), (&Value::from(false), "fail"));
    assert_eq!(said(&report, "os.eol_date").0, "2025-11-11");
    assert_eq!(said(&report, "av.present"), (&Value::from(true), "ok"));
    assert_eq!(
        said(&report, "av.signatures_age_days"),
        (&Value::from(20), "fail")
    );
    // Security Center's list comes first, where readable. Wine 8 has none (as Windows Server):
    // its WMI answers WBEM_E_INVALID_NAMESPACE for ROOT\SecurityCenter2, so the av.* facts come
    // from Defender's keys, and say why.
    for key in ["av.present", "av.realtime", "av.signatures_age_days"] {
        let av = fact(&report, key);
        assert!(
            av["source"]
                .as_str()
                .unwrap()
                .starts_with(r"WMI ROOT\SecurityCenter2 AntiVirusProduct"),
            "{av:#}"
        );
        assert!(
            av["detail"]
                .as_str()
                .unwrap()
                .ends_with("(Centre de sécurité Windows\u{a0}: absent, comme sur Windows Server)"),
            "{av:#}"
        );
    }
    assert_eq!(said(&report, "fw.active"), (&Value::from(false), "fail"));
    assert!(
        fact(&report, "fw.profiles")["value"]
            .as_array()
            .unwrap()
            .contains(&Value::from("public: off")),
        "{report:#}"
    );
    assert_eq!(said(&report, "rdp.enabled"), (&Value::from(true), "warn"));
    assert_eq!(said(&report, "rdp.nla"), (&Value::from(false), "fail"));
    assert_eq!(said(&report, "rdp.port").0, 3389);
    assert_eq!(said(&report, "smb.v1"), (&Value::from(true), "fail"));
    assert_eq!(
        said(&report, "remote.tools"),
        (&serde_json::json!(["TeamViewer", "AnyDesk"]), "warn")
    );
    assert_eq!(
        said(&report, "patch.days_since_upgrade"),
        (&Value::from(45), "fail")
    );
    let day = (Utc::now() - Duration::days(45))
        .format("%Y-%m-%d")
        .to_string();
    assert_eq!(said(&report, "patch.last_upgrade").0, day.as_str());
    // Every fact is a documented key and says where it came from, here in French.
    for fact in report["facts"].as_array().unwrap() {
        let key = fact["key"].as_str().unwrap();
        assert!(scoring::facts::kind_of(key).is_some(), "undocumented {key}");
        assert!(!fact["source"].as_str().unwrap().is_empty(), "{fact}");
        assert!(fact["message"]["id"].is_string(), "{fact}");
    }
    assert!(
        fact(&report, "rdp.nla")["detail"]
            .as_str()
            .unwrap()
            .contains("authentification au niveau du réseau"),
        "{report:#}"
    );

    // --format json to standard output, in English.
    let out = wine.run(
        &installed,
        &["--lang", "en", "collect", "--format", "json"],
        &dir,
        &[],
    );
    assert_eq!(out.code, 0, "{}", out.explain());
    let english: Value = serde_json::from_str(&out.stdout)
        .unwrap_or_else(|error| panic!("{error}: {}", out.explain()));
    assert!(
        fact(&english, "smb.v1")["detail"]
            .as_str()
            .unwrap()
            .contains("SMBv1 on"),
        "{english:#}"
    );
    // Bad input: exit code 2, said in the interface's language.
    let out = wine.run(
        &installed,
        &["probe-ports", "51.15.20.30", "--ports", "99999"],
        &dir,
        &[],
    );
    assert_eq!(out.code, 2, "{}", out.explain());
    assert!(
        out.stderr.contains("posture-agent probe-ports"),
        "{}",
        out.explain()
    );

    // posture (Linux) reads the Windows facts: the answers the machine contradicts are capped.
    let work = tempfile::tempdir().unwrap();
    let session = new_session(work.path(), "complet");
    write_answers(
        &session,
        &[
            ("WKS-01", "console-alertes"),
            ("PAT-02", "fins-de-support-anticipees"),
        ],
    );
    let facts = work.path().join("faits-windows.json");
    std::fs::write(&facts, &text).unwrap();
    let score = run([
        Path::new("score"),
        session.as_path(),
        Path::new("--facts"),
        facts.as_path(),
        Path::new("--format"),
        Path::new("json"),
    ])
    .success()
    .json();
    let discrepancies = score["discrepancies"]
        .as_array()
        .unwrap_or_else(|| panic!("no discrepancies in {score:#}"));
    for (control, key) in [
        ("WKS-01", "av.signatures_age_days"),
        ("PAT-02", "os.supported"),
    ] {
        assert!(
            discrepancies
                .iter()
                .any(|d| d["control"] == control && d["fact"] == key),
            "no discrepancy on {control} ({key}) in {score:#}"
        );
    }
}

#[test]
fn the_static_linux_agent_runs_anywhere() {
    let exe = cross::release_binary(MUSL, "agent", "posture-agent");
    let size = std::fs::metadata(&exe).unwrap().len();
    assert!(
        size <= 10 * 1024 * 1024,
        "the static posture-agent is {size} bytes"
    );
    // Static: an ELF program with no interpreter (PT_INTERP) to load shared libraries.
    let bytes = std::fs::read(&exe).unwrap();
    assert_eq!(&bytes[..4], b"\x7fELF");
    assert!(
        !has_interpreter(&bytes),
        "{} asks for a dynamic loader",
        exe.display()
    );
    let output = std::process::Command::new(&exe)
        .args(["collect", "--format", "json"])
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(
        !report["facts"].as_array().unwrap().is_empty(),
        "{report:#}"
    );
    assert!(
        report["host"].as_str().is_some_and(|h| !h.is_empty()),
        "{report:#}"
    );
}

/// Whether a 64-bit little-endian ELF file has a PT_INTERP program header.
fn has_interpreter(elf: &[u8]) -> bool {
    let u16_at = |at: usize| u16::from_le_bytes([elf[at], elf[at + 1]]) as usize;
    let u64_at = |at: usize| {
        let mut raw = [0u8; 8];
        raw.copy_from_slice(&elf[at..at + 8]);
        u64::from_le_bytes(raw) as usize
    };
    let (table, entry_size, count) = (u64_at(0x20), u16_at(0x36), u16_at(0x38));
    (0..count).any(|i| {
        let at = table + i * entry_size;
        u32::from_le_bytes([elf[at], elf[at + 1], elf[at + 2], elf[at + 3]]) == 3
    })
}

/// The French messages of a double-click, as `i18n/locales/fr/agent.ftl` words them.
const READING: &str = "Lecture des constats de cette machine";
const PRESS_A_KEY: &str = "Appuyez sur une touche pour fermer cette fenêtre.";

#[test]
fn double_clicked_the_windows_agent_writes_its_facts_next_to_itself_and_waits_for_a_key() {
    if !wine::available() {
        return;
    }
    let exe = cross::release_binary(WINDOWS, "agent", "posture-agent");
    let wine = Wine::new();
    // On the USB key, in a folder whose name has a space and an accent.
    let installed = wine.install_in(&exe, "Clé USB/posture agent");
    let folder = installed.parent().unwrap().to_path_buf();
    let written = || -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(&folder)
            .unwrap()
            .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
            .filter(|name| name.starts_with("faits-"))
            .collect();
        names.sort();
        names
    };

    // Double-clicked: a console of its own, started from elsewhere (Explorer's folder is not the
    // program's), no argument; a French Windows, so French.
    let console = wine.console(
        &installed,
        &[],
        &wine.drive_c(),
        &[("LANG", "fr_FR.UTF-8"), ("LC_CTYPE", "C.UTF-8")],
    );
    let screen = console.wait_screen("the facts written, then the wait for a key", |screen| {
        screen.contains(PRESS_A_KEY)
    });
    assert!(screen.contains(READING), "{screen}");
    let names = written();
    let [name] = names.as_slice() else {
        panic!("one facts file next to the program, found {names:?}; the screen:\n{screen}");
    };
    // Its name says which machine and which day, as the facts inside do.
    let text = std::fs::read_to_string(folder.join(name)).unwrap();
    let report: scoring::facts::FactReport = serde_json::from_str(&text)
        .unwrap_or_else(|error| panic!("{name} is not a facts file ({error}):\n{text}"));
    assert!(!report.host.is_empty(), "{text}");
    assert_eq!(
        name,
        &format!("faits-{}-{}.json", report.host, &report.collected_at[..10]),
        "{text}"
    );
    assert!(!report.facts.is_empty(), "{text}");
    let json: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(fact(&json, "os.name")["status"], "ok", "{json:#}");
    // The summary names the file where it is, as Windows writes the path.
    assert!(
        screen.contains(&format!(r"C:\Clé USB\posture agent\{name}")),
        "{screen}"
    );
    assert!(
        !wine.drive_c().join(name).exists(),
        "written where it was started from, not next to itself"
    );

    // The window waits for the user: still open a moment later.
    std::thread::sleep(std::time::Duration::from_secs(2));
    assert!(
        console.is_open(),
        "the window closed before a key was pressed"
    );
    assert_eq!(console.exit_code(), None);
    // Any key, not only Enter.
    console.keys(&["x"]);
    assert_eq!(console.wait_exit("the window to close after a key"), 0);
    assert_eq!(written(), names, "nothing else written");

    // From a terminal (a console shared with cmd.exe), the same program with no argument only
    // shows its help: exit code 2, no file, no wait.
    std::fs::remove_file(folder.join(name)).unwrap();
    let program = r"C:\Clé USB\posture agent\posture-agent.exe";
    let terminal = wine.console(
        Path::new("cmd"),
        &["/c", program],
        &wine.drive_c(),
        &[("LANG", "fr_FR.UTF-8"), ("LC_CTYPE", "C.UTF-8")],
    );
    assert_eq!(terminal.wait_exit("posture-agent in cmd.exe"), 2);
    assert!(written().is_empty(), "{:?}", written());
}
