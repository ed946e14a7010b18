//! Facts against answers, end to end through the binary: fake machines read with
//! `posture agent collect --root DIR -o FILE` (and a site probed with `posture agent probe-tls`),
//! then `posture score FILE --facts …`, `posture report FILE --facts …` and
//! `posture catalog check` on evidence rules. Also: every documented fact key is in
//! `docs/facts.md`, with everything a reader needs.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use chrono::{Local, Utc};
use serde_json::Value;

use crate::common::{self, Run, posture, run_command as run};

fn ok(command: &mut Command) -> Run {
    run(command).success()
}

/// Writes a file under a fake root.
fn put(root: &Path, path: &str, content: &str) {
    let full = root.join(path.trim_start_matches('/'));
    std::fs::create_dir_all(full.parent().unwrap()).unwrap();
    std::fs::write(full, content).unwrap();
}

/// Sets a fake machine's file's modification time to `days` days ago.
fn age(root: &Path, path: &str, days: i64) {
    let when = std::time::SystemTime::now()
        - std::time::Duration::from_secs(u64::try_from(days).unwrap() * 86_400);
    std::fs::File::options()
        .write(true)
        .open(root.join(path.trim_start_matches('/')))
        .and_then(|file| file.set_modified(when))
        .unwrap();
}

/// The security lists of the Debian 12 machines below, under `/var/lib/apt/lists`.
const SECURITY_LISTS: &str =
    "/var/lib/apt/lists/deb.debian.org_debian-security_dists_bookworm-security";

/// A Debian 12 machine named `host` with a security update of openssl waiting for `days` days:
/// the security list offering it was published `days` days ago (its `InRelease` `Date:`), so
/// `patch.security_pending_days` is `days`. Its packages were last upgraded that day too
/// (`patch.days_since_upgrade`, which no bundled rule uses any more).
fn debian(dir: &Path, host: &str, days: i64) -> PathBuf {
    let root = dir.join(host);
    put(&root, "/etc/hostname", &format!("{host}\n"));
    put(
        &root,
        "/etc/os-release",
        "NAME=\"Debian GNU/Linux\"\nVERSION_ID=\"12\"\nVERSION_CODENAME=bookworm\nID=debian\n",
    );
    let when = (Utc::now() - chrono::Duration::days(days)).with_timezone(&Local);
    let stamp = when.format("%Y-%m-%d  %H:%M:%S");
    put(
        &root,
        "/var/log/apt/history.log",
        &format!(
            "\nStart-Date: {stamp}\nCommandline: apt-get upgrade -y\nUpgrade: openssl:amd64 (3.0.14-1~deb12u2, 3.0.15-1~deb12u1)\nEnd-Date: {stamp}\n"
        ),
    );
    put(
        &root,
        "/var/lib/dpkg/status",
        "Package: openssl\nStatus: install ok installed\nArchitecture: amd64\nVersion: 3.0.15-1~deb12u1\n",
    );
    let packages = format!("{SECURITY_LISTS}_main_binary-amd64_Packages");
    let release = format!("{SECURITY_LISTS}_InRelease");
    put(
        &root,
        &packages,
        "Package: openssl\nVersion: 3.0.16-1~deb12u1\nArchitecture: amd64\n",
    );
    let published = (Utc::now() - chrono::Duration::days(days)).format("%a, %d %b %Y %H:%M:%S UTC");
    put(
        &root,
        &release,
        &format!(
            "Origin: Debian\nLabel: Debian-Security\nSuite: stable-security\nDate: {published}\nArchitectures: amd64\nComponents: main\n"
        ),
    );
    age(&root, &packages, days);
    age(&root, &release, days);
    root
}

/// A Debian 12 machine named `host` with nothing pending in security lists published yesterday,
/// whose packages were last upgraded `days` days ago: `patch.security_pending_days` 0 (`ok`).
fn debian_patched(dir: &Path, host: &str, days: i64) -> PathBuf {
    let root = debian(dir, host, days);
    put(
        &root,
        "/var/lib/dpkg/status",
        "Package: openssl\nStatus: install ok installed\nArchitecture: amd64\nVersion: 3.0.16-1~deb12u1\n",
    );
    let release = format!("{SECURITY_LISTS}_InRelease");
    let published = (Utc::now() - chrono::Duration::days(1)).format("%a, %d %b %Y %H:%M:%S UTC");
    put(
        &root,
        &release,
        &format!("Origin: Debian\nSuite: stable-security\nDate: {published}\n"),
    );
    age(&root, &release, 1);
    age(
        &root,
        &format!("{SECURITY_LISTS}_main_binary-amd64_Packages"),
        1,
    );
    root
}

/// `posture agent collect --root ROOT -o DIR/HOST.json`: the facts file.
fn collect(root: &Path, dir: &Path) -> PathBuf {
    let out = dir.join(format!(
        "{}.json",
        root.file_name().unwrap().to_string_lossy()
    ));
    ok(posture()
        .args(["agent", "collect", "--root"])
        .arg(root)
        .arg("-o")
        .arg(&out));
    out
}

/// A complete-profile session with these answers (`posture session new`, `posture answer`).
fn session(dir: &Path, answers: &[(&str, &str)]) -> PathBuf {
    let path = dir.join("session.toml");
    ok(posture()
        .args([
            "session",
            "new",
            "--profile",
            "complet",
            "--org",
            "Cabinet du Port",
            "-o",
        ])
        .arg(&path));
    for (control, choice) in answers {
        ok(posture().arg("answer").arg(&path).args([control, choice]));
    }
    path
}

fn score(session: &Path, facts: &[&Path]) -> Run {
    let mut command = posture();
    command.arg("score").arg(session);
    if !facts.is_empty() {
        command.arg("--facts").args(facts);
    }
    ok(command.args(["--format", "json"]))
}

fn json(run: &Run) -> Value {
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.stdout))
}

fn discrepancy<'a>(score: &'a Value, control: &str) -> &'a Value {
    score["discrepancies"]
        .as_array()
        .unwrap_or_else(|| panic!("no discrepancies in {score:#}"))
        .iter()
        .find(|d| d["control"] == control)
        .unwrap_or_else(|| panic!("no discrepancy on {control} in {score:#}"))
}

fn domain_score(score: &Value, id: &str) -> f64 {
    score["domains"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == id)
        .and_then(|d| d["score"].as_f64())
        .unwrap_or_else(|| panic!("no score for {id}"))
}

#[test]
fn score_with_facts_of_several_machines_the_worst_wins() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let reception = collect(&debian(dir, "poste-accueil", 10), dir);
    let server = collect(&debian(dir, "cabinet-srv", 40), dir);
    // Whole days are written as integers in the facts file.
    let text = std::fs::read_to_string(&server).unwrap();
    assert!(text.contains("\"value\": 40,"), "{text}");
    assert!(!text.contains("40.0"), "{text}");
    let facts: Value = serde_json::from_str(&text).unwrap();
    let pending = facts["facts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["key"] == "patch.security_pending_days")
        .unwrap();
    assert_eq!(
        (&pending["value"], &pending["status"]),
        (&Value::from(40), &Value::from("fail")),
        "{pending:#}"
    );

    // "Patches within 8 days, checked": level 4.
    let session = session(dir, &[("PAT-01", "8-jours-verifie")]);
    let plain = json(&score(&session, &[]));
    assert!(plain.get("discrepancies").is_none(), "{plain:#}");

    for order in [[&reception, &server], [&server, &reception]] {
        let checked = json(&score(&session, &[order[0], order[1]]));
        let found = discrepancy(&checked, "PAT-01");
        let fields: BTreeSet<&str> = found
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            fields,
            BTreeSet::from([
                "control",
                "declared",
                "effective",
                "fact",
                "value",
                "host",
                "source",
                "why"
            ]),
            "{found:#}"
        );
        // 40 days (rule > 30 → at most 1) beats 10 days (rule > 8 → at most 2).
        assert_eq!(found["declared"], 4, "{found:#}");
        assert_eq!(found["effective"], 1, "{found:#}");
        assert_eq!(found["fact"], "patch.security_pending_days");
        assert_eq!(found["value"], 40);
        assert!(found["value"].is_u64(), "{found:#}");
        assert_eq!(found["host"], "cabinet-srv");
        let source = found["source"].as_str().unwrap();
        assert!(
            source.contains("/var/lib/dpkg/status")
                && source.contains(&format!("{SECURITY_LISTS}_InRelease")),
            "{found:#}"
        );
        // The reason of the rule that holds (> 30 days), in the interface's language.
        let why = found["why"].as_str().unwrap();
        assert!(why.contains("attend depuis plus de 30 jours"), "{found:#}");
        assert!(why.contains("prouve faux les niveaux 2 à 4"), "{found:#}");
        // A cap is no point to verify.
        assert_eq!(
            checked["points_to_verify"],
            Value::Array(vec![]),
            "{checked:#}"
        );
        // The score follows the facts.
        assert!(
            domain_score(&checked, "mises-a-jour") < domain_score(&plain, "mises-a-jour"),
            "{checked:#}"
        );
    }

    // The reception desk alone: 10 days, at most 2, for the 8 days' reason.
    let one = json(&score(&session, &[&reception]));
    let found = discrepancy(&one, "PAT-01");
    assert_eq!(
        (&found["effective"], &found["value"], &found["host"]),
        (
            &Value::from(2),
            &Value::from(10),
            &Value::from("poste-accueil")
        )
    );
    assert!(
        found["why"]
            .as_str()
            .unwrap()
            .contains("prouve faux les niveaux 3 et 4"),
        "{found:#}"
    );
    // In English, the same rule's English reason.
    let english = json(&ok(posture()
        .args(["--lang", "en", "score"])
        .arg(&session)
        .arg("--facts")
        .arg(&reception)
        .args(["--format", "json"])));
    let found = discrepancy(&english, "PAT-01");
    assert!(
        found["why"].as_str().unwrap().starts_with(
            "On this machine, a published security update has been waiting for more than 8 days"
        ),
        "{found:#}"
    );
}

#[test]
fn without_facts_or_with_facts_that_hold_nothing_the_score_is_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let fresh = collect(&debian(dir, "poste-a-jour", 2), dir);
    // Last upgraded 40 days ago, but nothing was there to install: no longer a contradiction.
    let quiet = collect(&debian_patched(dir, "serveur-calme", 40), dir);
    let quiet_facts: Value =
        serde_json::from_str(&std::fs::read_to_string(&quiet).unwrap()).unwrap();
    let fact = |key: &str| {
        quiet_facts["facts"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["key"] == key)
            .unwrap()
            .clone()
    };
    assert_eq!(
        fact("patch.days_since_upgrade")["value"],
        40,
        "{quiet_facts:#}"
    );
    assert_eq!(
        fact("patch.security_pending_days")["value"],
        0,
        "{quiet_facts:#}"
    );
    assert_eq!(
        fact("patch.security_pending_days")["status"],
        "ok",
        "{quiet_facts:#}"
    );
    let session = session(
        dir,
        &[("PAT-01", "8-jours-verifie"), ("NET-04", "https-teste")],
    );
    let first = score(&session, &[]).stdout;
    let again = score(&session, &[]).stdout;
    assert_eq!(first, again);
    assert!(!first.contains("discrepancies"), "{first}");
    assert!(!first.contains("points_to_verify"), "{first}");
    // Machines that contradict nothing: the same output, byte for byte, but for the empty
    // discrepancies and points to verify that say facts were given.
    for facts in [
        vec![fresh.as_path()],
        vec![quiet.as_path()],
        vec![fresh.as_path(), quiet.as_path()],
    ] {
        let checked = score(&session, &facts);
        let mut value = json(&checked);
        assert_eq!(value["discrepancies"], Value::Array(vec![]), "{value:#}");
        assert_eq!(value["points_to_verify"], Value::Array(vec![]), "{value:#}");
        value.as_object_mut().unwrap().remove("discrepancies");
        value.as_object_mut().unwrap().remove("points_to_verify");
        assert_eq!(serde_json::to_string_pretty(&value).unwrap() + "\n", first);
    }
    // The text table too: nothing but the facts' lines added.
    let text = ok(posture().arg("score").arg(&session)).stdout;
    let text_checked = ok(posture()
        .arg("score")
        .arg(&session)
        .arg("--facts")
        .arg(&fresh))
    .stdout;
    assert!(
        text_checked.starts_with(text.trim_end()),
        "{text}\n---\n{text_checked}"
    );
}

#[test]
fn an_old_tls_site_caps_the_https_control() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let port = agent::tls::testing::old_tls_server([3, 1]).unwrap();
    let closed = agent::tls::testing::closed_port().unwrap();
    let site = dir.join("site.json");
    ok(posture()
        .args(["agent", "probe-tls"])
        .arg(format!("https://127.0.0.1:{port}"))
        .arg(format!("http://127.0.0.1:{closed}"))
        .arg("-o")
        .arg(&site));
    let report: Value = serde_json::from_str(&std::fs::read_to_string(&site).unwrap()).unwrap();
    let version = report["facts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["key"] == "tls.version")
        .unwrap();
    assert_eq!(version["value"], "< TLSv1.2", "{version:#}");
    assert!(
        version["detail"].as_str().unwrap().contains("TLS 1.0"),
        "{version:#}"
    );

    // "https everywhere, tested every year": level 4; an old TLS caps it at 2.
    let session = session(dir, &[("NET-04", "https-teste")]);
    let checked = json(&score(&session, &[&site]));
    let found = discrepancy(&checked, "NET-04");
    assert_eq!(found["fact"], "tls.version", "{found:#}");
    assert_eq!(found["value"], "< TLSv1.2");
    assert_eq!(found["declared"], 4);
    assert_eq!(found["effective"], 2);
    assert_eq!(found["source"], format!("https://127.0.0.1:{port}"));
    assert!(
        found["why"]
            .as_str()
            .unwrap()
            .contains("rien de plus récent que TLS 1.1"),
        "{found:#}"
    );
    // The score follows: the network domain is lower than without the site's facts.
    let plain = json(&score(&session, &[]));
    assert!(domain_score(&checked, "reseau") < domain_score(&plain, "reseau"));
}

#[test]
fn report_with_facts_has_the_machine_findings_section_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let server = collect(&debian(dir, "cabinet-srv", 40), dir);
    let session = session(dir, &[("PAT-01", "8-jours-verifie")]);
    let report = |lang: Option<&str>, facts: bool| {
        let mut command = posture();
        if let Some(lang) = lang {
            command.args(["--lang", lang]);
        }
        command.arg("report").arg(&session);
        if facts {
            command.arg("--facts").arg(&server);
        }
        ok(command.args(["--format", "md", "-o", "-"])).stdout
    };
    let fr = report(None, true);
    assert!(fr.contains("## Constats sur les machines"), "{fr}");
    assert!(fr.contains("cabinet-srv"), "{fr}");
    let section = &fr[fr.find("## Constats sur les machines").unwrap()..];
    let row = section
        .lines()
        .find(|l| l.starts_with("| PAT-01 "))
        .unwrap_or_else(|| panic!("no PAT-01 row in {section}"));
    assert!(row.contains("| 4 | 1 | cabinet-srv |"), "{row}");
    assert!(row.contains("`patch.security_pending_days` = 40"), "{row}");
    let en = report(Some("en"), true);
    assert!(en.contains("## Machine findings"), "{en}");
    assert!(!en.contains("## Constats sur les machines"), "{en}");
    // Without --facts, no such section.
    let plain = report(None, false);
    assert!(!plain.contains("Constats sur les machines"), "{plain}");
}

fn points_to_verify(score: &Value) -> &Vec<Value> {
    score["points_to_verify"]
        .as_array()
        .unwrap_or_else(|| panic!("no points_to_verify in {score:#}"))
}

/// The score JSON without its machine findings: what the score itself says.
fn without_findings(score: &Value) -> Value {
    let mut value = score.clone();
    let object = value.as_object_mut().unwrap();
    object.remove("discrepancies");
    object.remove("points_to_verify");
    value
}

/// `posture agent collect --root` of a fake machine of `tests/common/machines.rs`, built by
/// `build` under `dir/name`.
fn collect_machine(dir: &Path, name: &str, build: fn(&Path)) -> PathBuf {
    let root = dir.join(name);
    build(&root);
    collect(&root, dir)
}

/// A `verify` rule that holds (no backup tool on the machine, BAK-01 answered at level 3) gives a
/// point to verify, with the rule's reason, in the score JSON and in every report format; the
/// score keeps the answer.
#[test]
fn a_fact_that_only_questions_an_answer_is_a_point_to_verify_and_the_score_keeps_it() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let server = collect_machine(dir, "srv-lan", common::machines::well_run_lan_server);
    let facts: Value = serde_json::from_str(&std::fs::read_to_string(&server).unwrap()).unwrap();
    let tools = facts["facts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["key"] == "backup.tools")
        .unwrap();
    assert_eq!(tools["value"], Value::Array(vec![]), "{tools:#}");

    // "A copy out of reach": level 3, above the rule's 2.
    std::fs::create_dir(dir.join("niveau-2")).unwrap();
    let lower = session(&dir.join("niveau-2"), &[("BAK-01", "auto-sur-site")]);
    let session = session(dir, &[("BAK-01", "copie-hors-d-atteinte")]);
    let plain = json(&score(&session, &[]));
    let checked = json(&score(&session, &[&server]));
    assert_eq!(
        checked["discrepancies"],
        Value::Array(vec![]),
        "{checked:#}"
    );
    let points = points_to_verify(&checked);
    assert_eq!(points.len(), 1, "{checked:#}");
    let point = &points[0];
    let fields: BTreeSet<&str> = point
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        fields,
        BTreeSet::from([
            "control", "declared", "fact", "value", "host", "source", "why"
        ]),
        "{point:#}"
    );
    assert_eq!(point["control"], "BAK-01");
    assert_eq!(point["declared"], 3);
    assert_eq!(point["fact"], "backup.tools");
    assert_eq!(point["value"], Value::Array(vec![]));
    assert_eq!(point["host"], "srv-lan");
    assert_eq!(point["source"], tools["source"]);
    let why = point["why"].as_str().unwrap();
    assert!(
        why.starts_with("Aucun logiciel de sauvegarde connu n'est installé sur cette machine."),
        "{why}"
    );
    // The score is untouched: the same scores as without facts.
    assert_eq!(without_findings(&checked), plain);
    assert_eq!(
        domain_score(&checked, "sauvegardes"),
        domain_score(&plain, "sauvegardes")
    );
    // In English, the rule's English reason.
    let english = json(&ok(posture()
        .args(["--lang", "en", "score"])
        .arg(&session)
        .arg("--facts")
        .arg(&server)
        .args(["--format", "json"])));
    assert!(
        points_to_verify(&english)[0]["why"]
            .as_str()
            .unwrap()
            .starts_with("No known backup software is installed on this machine."),
        "{english:#}"
    );
    // The terminal table names it too, under its own heading.
    let text = ok(posture()
        .arg("score")
        .arg(&session)
        .arg("--facts")
        .arg(&server))
    .stdout;
    let heading = text
        .find("Points à vérifier")
        .unwrap_or_else(|| panic!("no points to verify in {text}"));
    assert!(text[heading..].contains("BAK-01"), "{text}");
    assert!(text[heading..].contains("backup.tools"), "{text}");

    // The report: JSON, HTML, Markdown.
    let report = |format: &str| {
        ok(posture()
            .arg("report")
            .arg(&session)
            .arg("--facts")
            .arg(&server)
            .args(["--format", format, "-o", "-"]))
        .stdout
    };
    let report_json: Value = serde_json::from_str(&report("json")).unwrap();
    assert_eq!(
        report_json["discrepancies"],
        Value::Array(vec![]),
        "{report_json:#}"
    );
    let rows = report_json["points_to_verify"]
        .as_array()
        .unwrap_or_else(|| panic!("no points_to_verify in {report_json:#}"));
    assert_eq!(rows.len(), 1, "{report_json:#}");
    let row = &rows[0];
    for field in [
        "control", "declared", "fact", "value", "host", "source", "why",
    ] {
        assert_eq!(row[field], point[field], "{field}: {row:#}");
    }
    assert!(
        row["question"]
            .as_str()
            .unwrap()
            .starts_with("Si un rançongiciel chiffrait cette nuit vos ordinateurs"),
        "{row:#}"
    );
    assert!(
        row["answer"].as_str().unwrap().starts_with(
            "La sauvegarde est automatique, et au moins une copie récente est hors d'atteinte"
        ),
        "{row:#}"
    );
    assert_eq!(row["value_text"], "[]", "{row:#}");
    // The answer keeps its level in the report too.
    let bak = report_json["answers"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["answers"].as_array().unwrap())
        .find(|a| a["control"] == "BAK-01")
        .unwrap_or_else(|| panic!("no BAK-01 answer in {report_json:#}"));
    assert_eq!(bak["effective_level"], 3, "{bak:#}");

    let html = report("html");
    let section = &html[html
        .find("Points à vérifier</h3>")
        .unwrap_or_else(|| panic!("no points to verify in the HTML"))..];
    let section = &section[..section.find("</table>").expect("the points' table")];
    assert!(section.contains("<strong>BAK-01</strong>"), "{section}");
    assert!(section.contains("backup.tools"), "{section}");
    assert!(section.contains("srv-lan"), "{section}");
    assert!(
        section.contains("Aucun logiciel de sauvegarde connu"),
        "{section}"
    );

    let md = report("md");
    let section = &md[md
        .find("### Points à vérifier")
        .unwrap_or_else(|| panic!("no points to verify in {md}"))..];
    let line = section
        .lines()
        .find(|l| l.starts_with("- **BAK-01**"))
        .unwrap_or_else(|| panic!("no BAK-01 point in {section}"));
    assert!(line.contains("niveau 3"), "{line}");
    assert!(line.contains("srv-lan\u{a0}: `backup.tools`"), "{line}");
    assert!(
        line.contains("Aucun logiciel de sauvegarde connu"),
        "{line}"
    );

    // At level 2 the rule (at most 2) questions nothing.
    let checked = json(&score(&lower, &[&server]));
    assert_eq!(
        checked["points_to_verify"],
        Value::Array(vec![]),
        "{checked:#}"
    );
    let md = ok(posture()
        .arg("report")
        .arg(&lower)
        .arg("--facts")
        .arg(&server)
        .args(["--format", "md", "-o", "-"]))
    .stdout;
    assert!(
        md.contains("Aucun constat ne met une réponse en doute."),
        "{md}"
    );
}

/// An administration port open from outside (`posture agent probe-ports`) caps the remote
/// access controls; a machine listening on a public address only makes them points to verify;
/// one listening on the local network only (`net.admin_exposed`) bears on nothing.
#[test]
fn only_a_port_open_from_outside_caps_remote_access() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let lan = collect_machine(dir, "srv-lan", common::machines::well_run_lan_server);
    let public = collect_machine(dir, "vieux-serveur", common::machines::neglected_server);
    let session = session(
        dir,
        &[
            ("REM-01", "vpn-double-facteur-suivi"),
            ("REM-02", "surveillance-continue"),
        ],
    );
    let plain = json(&score(&session, &[]));

    // SSH and SMB on every interface of a LAN server: nothing.
    let checked = json(&score(&session, &[&lan]));
    assert_eq!(
        checked["discrepancies"],
        Value::Array(vec![]),
        "{checked:#}"
    );
    assert_eq!(
        checked["points_to_verify"],
        Value::Array(vec![]),
        "{checked:#}"
    );
    assert_eq!(without_findings(&checked), plain);

    // SSH and RDP on a public address: points to verify, the score unchanged.
    let checked = json(&score(&session, &[&public]));
    assert_eq!(
        checked["discrepancies"],
        Value::Array(vec![]),
        "{checked:#}"
    );
    let points = points_to_verify(&checked);
    let controls: Vec<&str> = points
        .iter()
        .map(|p| p["control"].as_str().unwrap())
        .collect();
    assert_eq!(controls, ["REM-01", "REM-02"], "{checked:#}");
    for point in points {
        assert_eq!(point["fact"], "net.admin_public", "{point:#}");
        assert_eq!(point["declared"], 4, "{point:#}");
        assert_eq!(point["host"], "vieux-serveur", "{point:#}");
        assert!(
            point["why"]
                .as_str()
                .unwrap()
                .contains("posture agent probe-ports"),
            "{point:#}"
        );
    }
    assert_eq!(without_findings(&checked), plain);

    // An administration port that answers from outside: both capped at 2.
    let (listener, port) = [
        10000, 8443, 8080, 5432, 3306, 1433, 8006, 5985, 5986, 5900, 5000, 5001,
    ]
    .into_iter()
    .find_map(|port| {
        std::net::TcpListener::bind(("127.0.0.1", port))
            .ok()
            .map(|l| (l, port))
    })
    .expect("a free administration port on 127.0.0.1");
    let ports = dir.join("ports.json");
    ok(posture()
        .args(["agent", "probe-ports", "127.0.0.1", "--ports"])
        .arg(port.to_string())
        .arg("-o")
        .arg(&ports));
    drop(listener);
    let probed: Value = serde_json::from_str(&std::fs::read_to_string(&ports).unwrap()).unwrap();
    let open = probed["facts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["key"] == "exposure.admin_open")
        .unwrap()
        .clone();
    assert_eq!(open["status"], "fail", "{probed:#}");
    let checked = json(&score(&session, &[&ports]));
    for control in ["REM-01", "REM-02"] {
        let found = discrepancy(&checked, control);
        assert_eq!(found["fact"], "exposure.admin_open", "{found:#}");
        assert_eq!(found["value"], open["value"], "{found:#}");
        assert!(
            found["value"][0]
                .as_str()
                .unwrap()
                .starts_with(&format!("{port}/tcp ")),
            "{found:#}"
        );
        assert_eq!(
            (found["declared"].as_u64(), found["effective"].as_u64()),
            (Some(4), Some(2))
        );
        assert_eq!(found["host"], "127.0.0.1", "{found:#}");
        assert_eq!(found["source"], "tcp connect 127.0.0.1", "{found:#}");
        assert!(
            found["why"].as_str().unwrap().starts_with(
                "Depuis l'extérieur du réseau de la structure, un port d'administration"
            ),
            "{found:#}"
        );
    }
    assert!(
        domain_score(&checked, "acces-distants") < domain_score(&plain, "acces-distants"),
        "{checked:#}"
    );
    // With the public machine too: the cap, and the points to verify still listed.
    let both = json(&score(&session, &[&public, &ports]));
    assert_eq!(
        both["discrepancies"].as_array().unwrap().len(),
        2,
        "{both:#}"
    );
    assert_eq!(points_to_verify(&both).len(), 2, "{both:#}");
    assert_eq!(
        domain_score(&both, "acces-distants"),
        domain_score(&checked, "acces-distants")
    );
}

/// A machine without `/etc/hostname` (`--root rhel`) is named after its machine id in the
/// facts and in the report: no empty heading, no empty machine column.
#[test]
fn a_machine_without_a_host_name_is_named_in_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let root = debian(dir, "rhel", 40);
    std::fs::remove_file(root.join("etc/hostname")).unwrap();
    put(
        &root,
        "/etc/machine-id",
        "0123456789abcdef0123456789abcdef\n",
    );
    let facts = collect(&root, dir);
    let report: Value = serde_json::from_str(&std::fs::read_to_string(&facts).unwrap()).unwrap();
    assert_eq!(report["host"], "machine-0123456789ab");
    let session = session(dir, &[("PAT-01", "8-jours-verifie")]);
    let md = ok(posture()
        .arg("report")
        .arg(&session)
        .arg("--facts")
        .arg(&facts)
        .args(["--format", "md", "-o", "-"]))
    .stdout;
    let section = &md[md.find("## Constats sur les machines").unwrap()..];
    assert!(!section.contains("###  ("), "{section}");
    let row = section
        .lines()
        .find(|l| l.starts_with("| PAT-01 "))
        .unwrap_or_else(|| panic!("no PAT-01 row in {section}"));
    assert!(row.contains("| 4 | 1 | machine-0123456789ab |"), "{row}");
}

/// Copies the bundled catalog and changes `from` into `to` (once) in `file`; returns the
/// directory and the line and column (1-based) where `to` starts.
fn broken_catalog(dir: &Path, file: &str, from: &str, to: &str) -> (PathBuf, usize, usize) {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("questionnaire/catalog");
    let target = dir.join("catalog");
    std::fs::create_dir_all(&target).unwrap();
    for entry in std::fs::read_dir(&source).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), target.join(entry.file_name())).unwrap();
    }
    let path = target.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    let offset = text
        .find(from)
        .unwrap_or_else(|| panic!("{from:?} not in {file}"));
    let text = text.replacen(from, to, 1);
    std::fs::write(&path, &text).unwrap();
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before[before.rfind('\n').map_or(0, |i| i + 1)..]
        .chars()
        .count()
        + 1;
    (target, line, column)
}

#[test]
fn catalog_check_rejects_a_bad_evidence_rule_at_its_place() {
    let dir = tempfile::tempdir().unwrap();
    // A value the fact never has.
    let (catalog, line, column) = broken_catalog(
        dir.path(),
        "reseau.toml",
        "value = \"< TLSv1.2\"",
        "value = \"TLSv1.1\"",
    );
    let column = column + "value = ".len();
    let checked = run(posture()
        .args(["--lang", "en", "catalog", "check"])
        .arg(&catalog));
    assert_eq!(checked.code, Some(2), "{}", checked.stderr);
    let place = format!(
        "{}:{line}:{column}: ",
        catalog.join("reseau.toml").display()
    );
    let problem = checked
        .stderr
        .lines()
        .find(|l| l.contains(&place))
        .unwrap_or_else(|| panic!("no {place} in {}", checked.stderr));
    assert!(
        problem.contains("NET-04: \"tls.version\" never has the value \"TLSv1.1\""),
        "{problem}"
    );
    assert!(
        checked
            .stderr
            .contains("\"TLSv1.3\", \"TLSv1.2\", \"< TLSv1.2\""),
        "{}",
        checked.stderr
    );

    // A value of the wrong kind, said in words (French by default).
    let dir = tempfile::tempdir().unwrap();
    let (catalog, line, column) = broken_catalog(
        dir.path(),
        "mises-a-jour.toml",
        "value = 30\n",
        "value = \"30\"\n",
    );
    let column = column + "value = ".len();
    let checked = run(posture().args(["catalog", "check"]).arg(&catalog));
    assert_eq!(checked.code, Some(2), "{}", checked.stderr);
    let place = format!(
        "{}:{line}:{column}: ",
        catalog.join("mises-a-jour.toml").display()
    );
    assert!(
        checked.stderr.contains(&place),
        "no {place} in {}",
        checked.stderr
    );
    assert!(
        checked.stderr.contains("(constat numérique)"),
        "{}",
        checked.stderr
    );
    assert!(
        checked.stderr.contains("écrivez un nombre : value = 30"),
        "{}",
        checked.stderr
    );
    assert!(!checked.stderr.contains("(Number)"), "{}", checked.stderr);

    // The bundled catalog itself passes.
    ok(posture()
        .args(["catalog", "check"])
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("questionnaire/catalog")));
}

/// The table row of `key` in `docs/facts.md`: `| \`key\` | value | status | sources | root |`.
fn doc_row<'a>(doc: &'a str, key: &str) -> Option<Vec<&'a str>> {
    let start = format!("| `{key}` |");
    let line = doc.lines().find(|l| l.starts_with(&start))?;
    Some(
        line.trim()
            .trim_matches('|')
            .split(" | ")
            .map(str::trim)
            .collect(),
    )
}

#[test]
fn every_fact_key_is_documented_in_docs_facts_md() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let doc = std::fs::read_to_string(root.join("docs/facts.md")).unwrap();
    assert!(
        !root.join("docs/facts-tls.md").exists(),
        "docs/facts-tls.md is merged into docs/facts.md"
    );
    let header = "| key | value | status | sources | root |";
    assert!(doc.contains(header), "the tables have the columns {header}");
    for (key, kind) in scoring::facts::FACT_KEYS {
        let cells =
            doc_row(&doc, key).unwrap_or_else(|| panic!("{key} has no row in docs/facts.md"));
        assert_eq!(cells.len(), 5, "{key}: {cells:?}");
        for cell in &cells {
            assert!(!cell.is_empty(), "{key}: an empty cell in {cells:?}");
        }
        let kind_word = match kind {
            scoring::facts::Kind::Bool => "boolean",
            scoring::facts::Kind::Number => "number",
            scoring::facts::Kind::Text => "text",
            scoring::facts::Kind::List => "list",
        };
        assert!(
            cells[1].starts_with(kind_word),
            "{key}: the value column starts with its kind ({kind_word}): {}",
            cells[1]
        );
        // Every status the key can take is named.
        assert!(
            cells[2].contains("`ok`") || cells[2].contains("`warn`"),
            "{key}: {}",
            cells[2]
        );
        assert!(cells[2].contains("`unknown`"), "{key}: {}", cells[2]);
        if let Some(values) = scoring::facts::allowed_values(key) {
            for value in values {
                assert!(
                    cells[1].contains(&format!("`{value}`")),
                    "{key}: the value column lists `{value}`"
                );
            }
        }
    }
    // Nothing documented in the key tables that the code does not know.
    let mut in_key_table = false;
    for line in doc.lines() {
        if !line.starts_with('|') {
            in_key_table = false;
            continue;
        }
        if line == header {
            in_key_table = true;
            continue;
        }
        if in_key_table && line.starts_with("| `") {
            let key = line[3..].split('`').next().unwrap();
            assert!(
                scoring::facts::kind_of(key).is_some(),
                "docs/facts.md documents {key}, which FACT_KEYS lacks"
            );
        }
    }
    // No reference left to the merged fragment.
    for file in ["README.md", "agent/src/tls.rs", "agent/src/collect.rs"] {
        let text = std::fs::read_to_string(root.join(file)).unwrap_or_default();
        assert!(!text.contains("facts-tls.md"), "{file} names facts-tls.md");
    }
}

/// The pairs (control, fact) of a score's rows, in order.
fn rows<'a>(score: &'a Value, key: &str) -> Vec<(&'a str, &'a str)> {
    score[key]
        .as_array()
        .unwrap_or_else(|| panic!("no {key} in {score:#}"))
        .iter()
        .map(|row| {
            (
                row["control"].as_str().unwrap(),
                row["fact"].as_str().unwrap(),
            )
        })
        .collect()
}

/// The bundled rules on a neglected server (Debian 9, a security update waiting 40 days, SSH
/// with passwords and RDP on a public address, no backup tool, no antivirus, a volatile
/// journal), every answer at the top: the facts that prove an answer false cap it (PAT-01 by
/// the pending update, PAT-02 by the unsupported system); those that only question one are
/// points to verify, and leave their domains' scores as they were.
#[test]
fn a_neglected_server_caps_what_it_proves_false_and_questions_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let server = collect_machine(dir, "vieux-serveur", common::machines::neglected_server);
    let session = session(
        dir,
        &[
            ("PAT-01", "8-jours-verifie"),
            ("PAT-02", "fins-de-support-anticipees"),
            ("IAM-01", "nominatifs-revus"),
            ("IAM-02", "imposee-et-verifiee"),
            ("IAM-03", "cnil-et-gestionnaire"),
            ("LOG-01", "collecteur-alertes"),
            ("BAK-01", "copie-hors-d-atteinte-surveillee"),
            ("REM-01", "vpn-double-facteur-suivi"),
            ("REM-02", "surveillance-continue"),
            ("WKS-01", "console-alertes"),
            ("WKS-02", "tous-chiffres-verifies"),
            ("NET-01", "regles-revues"),
        ],
    );
    let plain = json(&score(&session, &[]));
    let checked = json(&score(&session, &[&server]));
    assert_eq!(
        rows(&checked, "discrepancies"),
        [
            ("PAT-01", "patch.security_pending_days"),
            ("PAT-02", "os.supported"),
        ],
        "{checked:#}"
    );
    let effective: Vec<u64> = checked["discrepancies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["effective"].as_u64().unwrap())
        .collect();
    assert_eq!(effective, [1, 2]);
    // The server's SSH with passwords (IAM-02 applies to servers as a point to verify), no
    // antivirus on a server (WKS-01: a point to verify, a cap on workstations only), no backup
    // tool, a public address, a volatile journal. No rule bears on NET-01, nor on the
    // administration ports listening on every interface (`net.admin_exposed`).
    assert_eq!(
        rows(&checked, "points_to_verify"),
        [
            ("IAM-02", "ssh.password_auth"),
            ("BAK-01", "backup.tools"),
            ("REM-01", "net.admin_public"),
            ("REM-02", "net.admin_public"),
            ("WKS-01", "av.present"),
            ("LOG-01", "log.persistent"),
        ],
        "{checked:#}"
    );
    for row in checked["discrepancies"]
        .as_array()
        .unwrap()
        .iter()
        .chain(checked["points_to_verify"].as_array().unwrap())
    {
        assert_eq!(row["host"], "vieux-serveur", "{row:#}");
        assert!(!row["why"].as_str().unwrap().is_empty(), "{row:#}");
    }
    assert!(domain_score(&checked, "mises-a-jour") < domain_score(&plain, "mises-a-jour"));
    for domain in [
        "acces",
        "sauvegardes",
        "acces-distants",
        "postes",
        "journalisation",
        "reseau",
    ] {
        assert_eq!(
            domain_score(&checked, domain),
            domain_score(&plain, domain),
            "{domain}: points to verify leave the score"
        );
    }
}

/// A rule limited to some roles (`host.role`) holds only on machines of those roles: no
/// antivirus caps WKS-01 on a laptop, is a point to verify on a server, and says nothing on a
/// machine whose role is unknown.
#[test]
fn a_rule_for_some_roles_holds_only_on_machines_of_those_roles() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let machine = |host: &str, chassis: &str| {
        let root = dir.join(host);
        put(&root, "/etc/hostname", &format!("{host}\n"));
        put(
            &root,
            "/etc/os-release",
            "NAME=\"Debian GNU/Linux\"\nVERSION_ID=\"13\"\nID=debian\n",
        );
        put(&root, "/usr/bin/bash", "");
        put(
            &root,
            "/sys/class/dmi/id/chassis_type",
            &format!("{chassis}\n"),
        );
        collect(&root, dir)
    };
    // Chassis 10: a notebook; 17: a main server chassis; 1: "other" (a virtual machine's),
    // which decides nothing.
    let laptop = machine("portable-direction", "10");
    let server = collect_machine(dir, "srv-lan", common::machines::well_run_lan_server);
    let unknown = machine("vm-inconnue", "1");
    for (facts, role) in [
        (&laptop, Value::from("laptop")),
        (&server, Value::from("server")),
        (&unknown, Value::Null),
    ] {
        let report: Value = serde_json::from_str(&std::fs::read_to_string(facts).unwrap()).unwrap();
        let find = |key: &str| {
            report["facts"]
                .as_array()
                .unwrap()
                .iter()
                .find(|f| f["key"] == key)
                .unwrap()
                .clone()
        };
        assert_eq!(find("host.role")["value"], role, "{report:#}");
        assert_eq!(find("av.present")["value"], false, "{report:#}");
    }
    let session = session(dir, &[("WKS-01", "tous-verifie-chaque-mois")]);

    let on_laptop = json(&score(&session, &[&laptop]));
    let found = discrepancy(&on_laptop, "WKS-01");
    assert_eq!(
        (
            &found["fact"],
            &found["declared"],
            &found["effective"],
            &found["host"]
        ),
        (
            &Value::from("av.present"),
            &Value::from(3),
            &Value::from(1),
            &Value::from("portable-direction")
        )
    );
    assert_eq!(
        on_laptop["points_to_verify"],
        Value::Array(vec![]),
        "{on_laptop:#}"
    );

    let on_server = json(&score(&session, &[&server]));
    assert_eq!(
        on_server["discrepancies"],
        Value::Array(vec![]),
        "{on_server:#}"
    );
    assert_eq!(
        rows(&on_server, "points_to_verify"),
        [("WKS-01", "av.present")],
        "{on_server:#}"
    );

    let on_unknown = json(&score(&session, &[&unknown]));
    assert_eq!(
        on_unknown["discrepancies"],
        Value::Array(vec![]),
        "{on_unknown:#}"
    );
    assert_eq!(
        on_unknown["points_to_verify"],
        Value::Array(vec![]),
        "{on_unknown:#}"
    );

    // All three: the laptop's cap, the server's point to verify.
    let all = json(&score(&session, &[&laptop, &server, &unknown]));
    assert_eq!(rows(&all, "discrepancies"), [("WKS-01", "av.present")]);
    assert_eq!(rows(&all, "points_to_verify"), [("WKS-01", "av.present")]);
    assert_eq!(all["points_to_verify"][0]["host"], "srv-lan");
}
