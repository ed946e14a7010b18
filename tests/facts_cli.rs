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

mod common;
use common::{Run, posture, run_command as run};

fn ok(command: &mut Command) -> Run {
    run(command).success()
}

/// Writes a file under a fake root.
fn put(root: &Path, path: &str, content: &str) {
    let full = root.join(path.trim_start_matches('/'));
    std::fs::create_dir_all(full.parent().unwrap()).unwrap();
    std::fs::write(full, content).unwrap();
}

/// A Debian 12 machine named `host` whose packages were last upgraded `days` days ago.
fn debian(dir: &Path, host: &str, days: i64) -> PathBuf {
    let root = dir.join(host);
    put(&root, "/etc/hostname", &format!("{host}\n"));
    put(
        &root,
        "/etc/os-release",
        "NAME=\"Debian GNU/Linux\"\nVERSION_ID=\"12\"\nID=debian\n",
    );
    let when = (Utc::now() - chrono::Duration::days(days)).with_timezone(&Local);
    let stamp = when.format("%Y-%m-%d  %H:%M:%S");
    put(
        &root,
        "/var/log/apt/history.log",
        &format!(
            "\nStart-Date: {stamp}\nCommandline: apt-get upgrade -y\nUpgrade: openssl:amd64 (3.0.15-1~deb12u1, 3.0.16-1~deb12u1)\nEnd-Date: {stamp}\n"
        ),
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
                "source"
            ]),
            "{found:#}"
        );
        // 40 days (rule > 30 → at most 1) beats 10 days (rule > 8 → at most 2).
        assert_eq!(found["declared"], 4, "{found:#}");
        assert_eq!(found["effective"], 1, "{found:#}");
        assert_eq!(found["fact"], "patch.days_since_upgrade");
        assert_eq!(found["value"], 40);
        assert!(found["value"].is_u64(), "{found:#}");
        assert_eq!(found["host"], "cabinet-srv");
        assert_eq!(found["source"], "/var/log/apt/history.log");
        // The score follows the facts.
        assert!(
            domain_score(&checked, "mises-a-jour") < domain_score(&plain, "mises-a-jour"),
            "{checked:#}"
        );
    }

    // The reception desk alone: 10 days, at most 2.
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
}

#[test]
fn without_facts_or_with_facts_that_hold_nothing_the_score_is_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let fresh = collect(&debian(dir, "poste-a-jour", 2), dir);
    let session = session(
        dir,
        &[("PAT-01", "8-jours-verifie"), ("NET-04", "https-teste")],
    );
    let first = score(&session, &[]).stdout;
    let again = score(&session, &[]).stdout;
    assert_eq!(first, again);
    assert!(!first.contains("discrepancies"), "{first}");
    // A machine that contradicts nothing: the same output, byte for byte, but for the empty
    // discrepancies list that says facts were given.
    let checked = score(&session, &[&fresh]);
    let mut value = json(&checked);
    assert_eq!(value["discrepancies"], Value::Array(vec![]), "{value:#}");
    value.as_object_mut().unwrap().remove("discrepancies");
    assert_eq!(serde_json::to_string_pretty(&value).unwrap() + "\n", first);
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

    // "https everywhere, tested every year": level 4; an old TLS caps it at 1.
    let session = session(dir, &[("NET-04", "https-teste")]);
    let checked = json(&score(&session, &[&site]));
    let found = discrepancy(&checked, "NET-04");
    assert_eq!(found["fact"], "tls.version", "{found:#}");
    assert_eq!(found["value"], "< TLSv1.2");
    assert_eq!(found["declared"], 4);
    assert_eq!(found["effective"], 1);
    assert_eq!(found["source"], format!("https://127.0.0.1:{port}"));
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
    assert!(row.contains("`patch.days_since_upgrade` = 40"), "{row}");
    let en = report(Some("en"), true);
    assert!(en.contains("## Machine findings"), "{en}");
    assert!(!en.contains("## Constats sur les machines"), "{en}");
    // Without --facts, no such section.
    let plain = report(None, false);
    assert!(!plain.contains("Constats sur les machines"), "{plain}");
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
