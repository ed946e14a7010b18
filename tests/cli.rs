//! End-to-end tests of the `posture` binary: every command as a user or a script runs it, checked
//! for its exit code, its output, the files it writes and the files it must leave alone.
//!
//! Every run goes through [`run`], which fails the test if the binary panicked. The locale
//! variables are removed from every run so that the interface is French unless a test says
//! otherwise. Sessions made against the bundled catalog are filled either with `posture answer`
//! (when the answering is what the test is about) or by writing the `[answers.*]` tables directly,
//! which is much faster and keeps the whole file well under 20 seconds.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde_json::Value;

mod common;
use common::{Run, posture, run_command};
use tempfile::TempDir;

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// A fixed answer time for answers written directly into session files.
const ANSWERED_AT: &str = "2026-01-15T09:30:00Z";

/// Runs `posture ARGS…` with no locale.
fn run<I, S>(args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    run_command(posture().args(args))
}

/// The repository root.
fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The bundled catalog directory, as shipped in the repository.
fn bundled_dir() -> PathBuf {
    root().join("questionnaire/catalog")
}

/// A small valid one-file catalog: domains `sauvegardes` (weight 3) and `reseau` (weight 1);
/// `BAK-01` (critical, weight 3, options non 0 / parfois 2 / teste 4, express and complet),
/// the context question `CTX-00` (oui / non) and `NET-01` (weight 2, na allowed, asked only when
/// `CTX-00` is `oui`; options aucun 0 / partiel 2 / complet 4).
fn mini_catalog() -> PathBuf {
    root().join("tests/data/mini-catalog.toml")
}

fn mini_text() -> String {
    std::fs::read_to_string(mini_catalog()).expect("the mini catalog fixture")
}

/// `posture catalog export --format json` of the bundled catalog, in French; computed once.
fn export() -> &'static Value {
    static EXPORT: OnceLock<Value> = OnceLock::new();
    EXPORT.get_or_init(|| {
        run(["catalog", "export", "--format", "json"])
            .success()
            .json()
    })
}

/// The controls of a catalog export.
fn controls(export: &Value) -> &Vec<Value> {
    export["controls"].as_array().expect("controls array")
}

/// The control `id` of an export.
fn control<'a>(export: &'a Value, id: &str) -> &'a Value {
    controls(export)
        .iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("no control {id} in the export"))
}

/// Whether a control is in a profile.
fn in_profile(control: &Value, profile: &str) -> bool {
    control["profiles"]
        .as_array()
        .expect("profiles array")
        .iter()
        .any(|p| p == profile)
}

/// The scored (non-context) controls of a profile, in catalog order.
fn scored<'a>(export: &'a Value, profile: &str) -> Vec<&'a Value> {
    controls(export)
        .iter()
        .filter(|c| c["context"] == false && in_profile(c, profile))
        .collect()
}

/// The controls asked only under an answer of the context question `gate`.
fn gated_by<'a>(export: &'a Value, gate: &str) -> Vec<&'a Value> {
    controls(export)
        .iter()
        .filter(|c| c["when"]["control"] == gate)
        .collect()
}

fn id(control: &Value) -> &str {
    control["id"].as_str().expect("control id")
}

fn num(value: &Value) -> u64 {
    value
        .as_u64()
        .unwrap_or_else(|| panic!("not an integer: {value}"))
}

fn float(value: &Value) -> f64 {
    value
        .as_f64()
        .unwrap_or_else(|| panic!("not a number: {value}"))
}

/// The option of a scored control at `level`.
fn option_at(control: &Value, level: u64) -> &str {
    control["options"]
        .as_array()
        .expect("options array")
        .iter()
        .find(|o| o["level"] == level)
        .and_then(|o| o["id"].as_str())
        .unwrap_or_else(|| panic!("{} has no option at level {level}", id(control)))
}

/// The highest and lowest options of a scored control, with their levels.
fn top_option(control: &Value) -> (&str, u64) {
    extreme_option(control, true)
}

fn lowest_option(control: &Value) -> (&str, u64) {
    extreme_option(control, false)
}

fn extreme_option(control: &Value, top: bool) -> (&str, u64) {
    let options = control["options"].as_array().expect("options array");
    let levels = options
        .iter()
        .map(|o| (o["id"].as_str().expect("option id"), num(&o["level"])));
    let found = if top {
        levels.max_by_key(|(_, level)| *level)
    } else {
        levels.min_by_key(|(_, level)| *level)
    };
    found.unwrap_or_else(|| panic!("{} has no option", id(control)))
}

/// Creates a session with `posture session new` against the bundled catalog.
fn new_session(dir: &Path, profile: &str) -> PathBuf {
    let path = dir.join(format!("{profile}.toml"));
    run([
        "session",
        "new",
        "--profile",
        profile,
        "--org",
        "CPTS du Val",
        "-o",
        path.to_str().expect("utf-8 path"),
    ])
    .success();
    path
}

/// Creates a session with `posture session new --catalog CATALOG`.
fn new_session_with(dir: &Path, profile: &str, catalog: &Path) -> PathBuf {
    let path = dir.join(format!("{profile}.toml"));
    run_command(
        posture()
            .args([
                "session",
                "new",
                "--profile",
                profile,
                "--org",
                "Cabinet",
                "-o",
            ])
            .arg(&path)
            .arg("--catalog")
            .arg(catalog),
    )
    .success();
    path
}

/// `posture answer SESSION CONTROL CHOICE`.
fn answer(session: &Path, control: &str, choice: &str) -> Run {
    run_command(posture().arg("answer").arg(session).args([control, choice]))
}

/// `posture score SESSION --format json`, parsed.
fn score_json(session: &Path) -> Value {
    run_command(
        posture()
            .arg("score")
            .arg(session)
            .args(["--format", "json"]),
    )
    .success()
    .json()
}

/// Writes answers straight into a session file (the format `posture answer` writes), for tests
/// about scoring rather than answering.
fn write_answers(session: &Path, answers: &[(&str, &str)]) {
    let text = std::fs::read_to_string(session).expect("session file");
    let mut table: toml::Table = toml::from_str(&text).expect("session is TOML");
    let entry = table
        .entry("answers")
        .or_insert_with(|| toml::Value::Table(toml::Table::new()));
    let answers_table = entry.as_table_mut().expect("[answers] is a table");
    for (control, choice) in answers {
        let mut answer = toml::Table::new();
        answer.insert("choice".into(), toml::Value::String((*choice).into()));
        answer.insert(
            "answered_at".into(),
            toml::Value::String(ANSWERED_AT.into()),
        );
        answers_table.insert((*control).into(), toml::Value::Table(answer));
    }
    std::fs::write(session, toml::to_string(&table).expect("TOML")).expect("write session");
}

/// Every scored control of `profile` at its top option, every context question at `oui`.
fn all_top(export: &Value, profile: &str) -> Vec<(String, String)> {
    controls(export)
        .iter()
        .filter(|c| in_profile(c, profile))
        .map(|c| {
            let choice = if c["context"] == true {
                "oui"
            } else {
                top_option(c).0
            };
            (id(c).to_owned(), choice.to_owned())
        })
        .collect()
}

fn as_refs(pairs: &[(String, String)]) -> Vec<(&str, &str)> {
    pairs
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect()
}

/// Replaces the choice of `control` in a list of answers.
fn set(pairs: &mut [(String, String)], control: &str, choice: &str) {
    let pair = pairs
        .iter_mut()
        .find(|(id, _)| id == control)
        .unwrap_or_else(|| panic!("{control} is not in the answers"));
    pair.1 = choice.to_owned();
}

/// The session file parsed as TOML.
fn read_session(session: &Path) -> toml::Table {
    toml::from_str(&std::fs::read_to_string(session).expect("session file")).expect("TOML")
}

/// The domain `id` of a score.
fn domain<'a>(score: &'a Value, id: &str) -> &'a Value {
    score["domains"]
        .as_array()
        .expect("domains array")
        .iter()
        .find(|d| d["id"] == id)
        .unwrap_or_else(|| panic!("no domain {id} in the score"))
}

/// The ids listed in `score[key]` (`unknown`, `unanswered`).
fn id_set(score: &Value, key: &str) -> BTreeSet<String> {
    score[key]
        .as_array()
        .unwrap_or_else(|| panic!("{key} is not an array"))
        .iter()
        .map(|v| v.as_str().expect("id").to_owned())
        .collect()
}

/// The controls of the priority list, in rank order.
fn priority_ids(score: &Value) -> Vec<String> {
    score["priorities"]
        .as_array()
        .expect("priorities array")
        .iter()
        .map(|p| p["control"].as_str().expect("control").to_owned())
        .collect()
}

/// A score rounded to one decimal, as the method rounds.
fn round1(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

/// The documented level of a score: 0 below 20, 1 from 20, 2 from 45, 3 from 70, 4 from 95.
fn level_for(score: f64) -> u64 {
    match score {
        s if s >= 95.0 => 4,
        s if s >= 70.0 => 3,
        s if s >= 45.0 => 2,
        s if s >= 20.0 => 1,
        _ => 0,
    }
}

/// The documented domain score of `(weight, level)` pairs.
fn weighted_score(pairs: &[(u64, u64)]) -> f64 {
    let total: u64 = pairs.iter().map(|(w, _)| w).sum();
    let sum: u64 = pairs.iter().map(|(w, l)| w * l).sum();
    round1(sum as f64 / total as f64 / 4.0 * 100.0)
}

fn assert_close(actual: f64, expected: f64, what: &str) {
    assert!(
        (actual - expected).abs() < 1e-9,
        "{what}: expected {expected}, got {actual}"
    );
}

/// The 1-based line and column (in characters) of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// The line and column of the `nth` (0-based) occurrence of `needle`.
fn place(text: &str, needle: &str, nth: usize) -> (usize, usize) {
    let (offset, _) = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle:?} occurs fewer than {} times", nth + 1));
    line_col(text, offset)
}

/// Writes the mini catalog with `from` replaced by `to` (once) in `dir/name`.
fn bad_catalog(dir: &Path, name: &str, from: &str, to: &str) -> (PathBuf, String) {
    let text = mini_text();
    assert!(text.contains(from), "the fixture has no {from:?}");
    let text = text.replacen(from, to, 1);
    let path = dir.join(name);
    std::fs::write(&path, &text).expect("write catalog");
    (path, text)
}

/// `posture catalog check PATH` must fail with exit 2, point at `line:col` of `path` and say
/// `message` (in English).
fn assert_check_points_at(path: &Path, (line, col): (usize, usize), message: &str) {
    let run = run_command(
        posture()
            .args(["--lang", "en", "catalog", "check"])
            .arg(path),
    )
    .invalid();
    assert!(run.stdout.is_empty(), "nothing on stdout: {}", run.stdout);
    let place = format!("{}:{line}:{col}: ", path.display());
    let line_with_place = run
        .stderr
        .lines()
        .find(|l| l.contains(&place))
        .unwrap_or_else(|| panic!("stderr does not name {place}:\n{}", run.stderr));
    assert!(
        line_with_place.contains(message),
        "the problem at {place} does not say {message:?}:\n{}",
        run.stderr
    );
}

/// Whether a timestamp is RFC 3339 UTC to the second: `YYYY-MM-DDTHH:MM:SSZ`.
fn is_utc_timestamp(text: &str) -> bool {
    let shape = "dddd-dd-ddTdd:dd:ddZ";
    text.len() == shape.len()
        && text.chars().zip(shape.chars()).all(|(c, s)| match s {
            'd' => c.is_ascii_digit(),
            other => c == other,
        })
}

/// Copies a catalog directory.
fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read_dir") {
        let entry = entry.expect("entry");
        if entry.file_type().expect("file type").is_file() {
            std::fs::copy(entry.path(), to.join(entry.file_name())).expect("copy");
        }
    }
}

/// Creates a directory and returns its path.
fn mkdir(path: &Path) -> PathBuf {
    std::fs::create_dir_all(path).expect("mkdir");
    path.to_owned()
}

fn tempdir() -> TempDir {
    tempfile::tempdir().expect("tempdir")
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::metadata(path)
        .expect("metadata")
        .permissions()
        .mode()
        & 0o777
}

// ---------------------------------------------------------------------------------------------
// posture catalog check
// ---------------------------------------------------------------------------------------------

#[test]
fn catalog_check_accepts_the_bundled_catalog() {
    let version = export()["version"].as_str().expect("version");
    let run = run(["catalog", "check"]).success();
    run.stdout_has(&format!("catalogue valide : posture-sante {version}"));
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    run_command(posture().args(["catalog", "check"]).arg(bundled_dir()))
        .success()
        .stdout_has("catalogue valide : posture-sante");
}

#[test]
fn catalog_check_accepts_a_one_file_catalog_and_reports_in_english() {
    run_command(posture().args(["catalog", "check"]).arg(mini_catalog()))
        .success()
        .stdout_has("catalogue valide : mini 1");
    run_command(
        posture()
            .args(["catalog", "check", "--lang", "en"])
            .arg(mini_catalog()),
    )
    .success()
    .stdout_has("valid catalog: mini 1");
}

#[test]
fn catalog_check_uses_the_global_catalog_flag_when_no_path_is_given() {
    let dir = tempdir();
    let (bad, _) = bad_catalog(
        dir.path(),
        "bad.toml",
        "domain = \"reseau\"\nweight = 2",
        "domain = \"nope\"\nweight = 2",
    );
    run_command(
        posture()
            .arg("--catalog")
            .arg(&bad)
            .args(["catalog", "check"]),
    )
    .invalid()
    .stderr_has("domaine inconnu « nope »");
    run_command(
        posture()
            .args(["catalog", "check", "--catalog"])
            .arg(mini_catalog()),
    )
    .success()
    .stdout_has("mini 1");
}

#[test]
fn catalog_check_points_at_a_toml_syntax_error() {
    let dir = tempdir();
    let (path, text) = bad_catalog(
        dir.path(),
        "c.toml",
        "weight = 2\ntarget",
        "weight = \ntarget",
    );
    let (line, _) = place(&text, "weight = \n", 0);
    let run = run_command(posture().args(["catalog", "check"]).arg(&path)).invalid();
    run.stderr_has(&format!("{}:{line}:", path.display()))
        .stderr_has("TOML invalide");
}

#[test]
fn catalog_check_points_at_a_duplicate_control_id() {
    let dir = tempdir();
    let (path, text) = bad_catalog(dir.path(), "c.toml", "id = \"NET-01\"", "id = \"BAK-01\"");
    let first = place(&text, "\"BAK-01\"", 0);
    let (line, col) = place(&text, "\"BAK-01\"", 1);
    assert_check_points_at(
        &path,
        (line, col),
        "the control id \"BAK-01\" is already taken",
    );
    run_command(posture().args(["catalog", "check"]).arg(&path))
        .invalid()
        .stderr_has(&format!("{}:{}:{}", path.display(), first.0, first.1));
}

#[test]
fn catalog_check_points_at_an_unknown_domain() {
    let dir = tempdir();
    let (path, text) = bad_catalog(
        dir.path(),
        "c.toml",
        "domain = \"reseau\"\nweight = 2",
        "domain = \"nope\"\nweight = 2",
    );
    assert_check_points_at(
        &path,
        place(&text, "\"nope\"", 0),
        "NET-01: unknown domain \"nope\"",
    );
}

#[test]
fn catalog_check_points_at_a_level_out_of_range() {
    let dir = tempdir();
    let (path, text) = bad_catalog(
        dir.path(),
        "c.toml",
        "level = 4\nlabel = { fr = \"Tout",
        "level = 7\nlabel = { fr = \"Tout",
    );
    let (line, col) = place(&text, "level = 7", 0);
    assert_check_points_at(&path, (line, col + "level = ".len()), "level is 7");
}

#[test]
fn catalog_check_points_at_a_text_missing_its_english() {
    let dir = tempdir();
    let (path, text) = bad_catalog(
        dir.path(),
        "c.toml",
        "question = { fr = \"Filtrez-vous les flux ?\", en = \"Do you filter traffic?\" }",
        "question = { fr = \"Filtrez-vous les flux ?\" }",
    );
    let (line, col) = place(&text, "question = { fr = \"Filtrez", 0);
    assert_check_points_at(
        &path,
        (line, col + "question = ".len()),
        "question: the \"en\" text is missing or empty",
    );
}

#[test]
fn catalog_check_points_at_a_ref_to_an_unknown_document() {
    let dir = tempdir();
    let (path, text) = bad_catalog(dir.path(), "c.toml", "\"charte-ght §9\"", "\"charte §9\"");
    assert_check_points_at(
        &path,
        place(&text, "\"charte §9\"", 0),
        "NET-01: the ref \"charte §9\" does not start with a known document key",
    );
}

#[test]
fn catalog_check_points_at_a_condition_on_a_missing_option() {
    let dir = tempdir();
    let (path, text) = bad_catalog(
        dir.path(),
        "c.toml",
        "any_of = [\"oui\"]",
        "any_of = [\"peut-etre\"]",
    );
    assert_check_points_at(
        &path,
        place(&text, "\"peut-etre\"", 0),
        "NET-01: \"CTX-00\" has no option \"peut-etre\"",
    );
}

#[test]
fn catalog_check_points_at_an_empty_profile() {
    let dir = tempdir();
    let (path, text) = bad_catalog(
        dir.path(),
        "c.toml",
        "all = true\n",
        "all = true\n\n[[profiles]]\nid = \"vide\"\ntitle = { fr = \"Vide\", en = \"Empty\" }\n",
    );
    // The problem points at the table of the profile: its [[profiles]] header.
    assert_check_points_at(
        &path,
        place(&text, "[[profiles]]", 2),
        "the profile \"vide\" has no control",
    );
}

#[test]
fn catalog_check_points_at_an_option_id_made_of_digits() {
    let dir = tempdir();
    let (path, text) = bad_catalog(dir.path(), "c.toml", "id = \"aucun\"", "id = \"3\"");
    assert_check_points_at(
        &path,
        place(&text, "\"3\"", 0),
        "the option id \"3\" is made of digits only",
    );
}

#[test]
fn catalog_check_points_at_a_domain_with_no_control() {
    let dir = tempdir();
    let (path, text) = bad_catalog(
        dir.path(),
        "c.toml",
        "[[domains]]\nid = \"reseau\"",
        "[[domains]]\nid = \"physique\"\nweight = 1\ntitle = { fr = \"Physique\", en = \"Physical\" }\n\n[[domains]]\nid = \"reseau\"",
    );
    assert_check_points_at(
        &path,
        place(&text, "[[domains]]", 1),
        "the domain \"physique\" has no control",
    );
}

#[test]
fn catalog_check_of_a_directory_header_says_to_give_the_directory() {
    let run = run_command(
        posture()
            .args(["--lang", "en", "catalog", "check"])
            .arg(bundled_dir().join("catalog.toml")),
    )
    .invalid();
    run.stderr_has("is the header of a catalog directory")
        .stderr_has(&format!(
            "give the directory: posture catalog check {}",
            bundled_dir().display()
        ));
    // Named bare, from inside the directory: the directory is ".".
    let run = run_command(posture().current_dir(bundled_dir()).args([
        "--lang",
        "en",
        "catalog",
        "check",
        "catalog.toml",
    ]))
    .invalid();
    run.stderr_has("give the directory: posture catalog check .\n");
}

#[test]
fn catalog_check_columns_count_characters_not_bytes() {
    let dir = tempdir();
    let (path, text) = bad_catalog(
        dir.path(),
        "c.toml",
        "label = { fr = \"Tout est filtré\", en = \"Everything is filtered\" }",
        "label = { fr = \"Tout est filtré\", en = 5 }",
    );
    let (line, col) = place(&text, "en = 5", 0);
    // "filtré" is 7 bytes and 6 characters: a byte count would be one column further.
    assert_check_points_at(&path, (line, col + "en = ".len()), "invalid type: integer");
}

#[test]
fn catalog_check_reports_every_problem_at_once() {
    let dir = tempdir();
    let text = mini_text()
        .replacen(
            "domain = \"reseau\"\nweight = 2",
            "domain = \"nope\"\nweight = 2",
            1,
        )
        .replacen("any_of = [\"oui\"]", "any_of = [\"peut-etre\"]", 1);
    let path = dir.path().join("c.toml");
    std::fs::write(&path, &text).expect("write");
    let run = run_command(posture().args(["catalog", "check"]).arg(&path)).invalid();
    for needle in ["\"nope\"", "\"peut-etre\""] {
        let (line, col) = place(&text, needle, 0);
        run.stderr_has(&format!("{}:{line}:{col}:", path.display()));
    }
}

#[test]
fn catalog_check_names_the_file_of_a_catalog_directory_at_fault() {
    let dir = tempdir();
    let catalog = dir.path().join("catalog");
    copy_dir(&bundled_dir(), &catalog);
    let file = catalog.join("reseau.toml");
    let text = std::fs::read_to_string(&file).expect("reseau.toml");
    let broken = text.replacen("weight = 2", "weight = \"deux\"", 1);
    assert_ne!(text, broken);
    std::fs::write(&file, &broken).expect("write");
    let (line, col) = place(&broken, "\"deux\"", 0);
    let run = run_command(posture().args(["catalog", "check"]).arg(&catalog)).invalid();
    run.stderr_has(&format!("{}:{line}:{col}:", file.display()));
}

#[test]
fn catalog_check_refuses_a_missing_path_and_a_directory_without_header() {
    let dir = tempdir();
    run_command(
        posture()
            .args(["catalog", "check"])
            .arg(dir.path().join("nope.toml")),
    )
    .invalid()
    .stderr_has("impossible de lire le catalogue");
    run_command(posture().args(["catalog", "check"]).arg(dir.path()))
        .invalid()
        .stderr_has("ne contient pas de catalog.toml");
}

// ---------------------------------------------------------------------------------------------
// posture catalog export
// ---------------------------------------------------------------------------------------------

#[test]
fn catalog_export_describes_the_bundled_catalog() {
    let export = export();
    assert_eq!(export["id"], "posture-sante");
    assert!(export["version"].as_str().is_some_and(|v| !v.is_empty()));
    let domains = export["domains"].as_array().expect("domains");
    assert_eq!(domains.len(), 13);
    let domain_ids: BTreeSet<&str> = domains
        .iter()
        .map(|d| {
            assert!(d["title"].as_str().is_some_and(|t| !t.is_empty()), "{d}");
            assert!((1..=3).contains(&num(&d["weight"])), "{d}");
            d["id"].as_str().expect("domain id")
        })
        .collect();
    assert_eq!(domain_ids.len(), 13, "domain ids are unique");
    let keys: Vec<&str> = export["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .map(|d| d["key"].as_str().expect("key"))
        .collect();
    let mut ids = BTreeSet::new();
    for control in controls(export) {
        let id = id(control);
        assert!(ids.insert(id), "{id} twice");
        assert!(domain_ids.contains(control["domain"].as_str().expect("domain")));
        assert!(control["context"].is_boolean(), "{id}");
        assert!(control["na_allowed"].is_boolean(), "{id}");
        assert!(control["critical"].is_boolean(), "{id}");
        assert!(
            in_profile(control, "complet"),
            "{id}: complet has every control"
        );
        for reference in control["refs"].as_array().expect("refs") {
            let key = reference.as_str().expect("ref").split(' ').next();
            assert!(key.is_some_and(|k| keys.contains(&k)), "{id}: {reference}");
        }
        let options = control["options"].as_array().expect("options");
        if control["context"] == true {
            assert!(options.len() >= 2, "{id}");
            for option in options {
                assert!(
                    option["level"].is_null(),
                    "{id}: a context option has no level"
                );
            }
        } else {
            assert!((1..=3).contains(&num(&control["weight"])), "{id}");
            assert!(num(&control["target"]) <= 4, "{id}");
            assert!((3..=5).contains(&options.len()), "{id}");
            let levels: Vec<u64> = options.iter().map(|o| num(&o["level"])).collect();
            assert!(levels.windows(2).all(|w| w[0] <= w[1]), "{id}: {levels:?}");
            assert_eq!(levels.last(), Some(&4), "{id}: the top option is level 4");
        }
    }
    for gate in ["GOV-00", "REM-00", "DEV-00", "INC-00"] {
        assert_eq!(control(export, gate)["context"], true);
    }
    // The reviewed catalog (2026.12): 83 scored controls and 4 context questions; the express
    // profile has 23 questions and opens with the context question GOV-00; DEV-04 moved to
    // SUP-07.
    assert_eq!(export["version"], "2026.12");
    assert_eq!(scored(export, "complet").len(), 83);
    let context = controls(export)
        .iter()
        .filter(|c| c["context"] == true)
        .count();
    assert_eq!(context, 4);
    let express: Vec<&str> = controls(export)
        .iter()
        .filter(|c| in_profile(c, "express"))
        .map(id)
        .collect();
    assert_eq!(express.len(), 23, "{express:?}");
    assert_eq!(express.first(), Some(&"GOV-00"), "{express:?}");
    assert!(!ids.contains("DEV-04"));
    for new in [
        "GOV-09", "GOV-10", "GOV-11", "GOV-12", "GOV-13", "GOV-14", "SUP-06", "SUP-07", "IAM-09",
        "IAM-10", "IAM-11", "AWA-05", "NET-06", "PAT-06", "PAT-07", "WKS-06", "BAK-07",
    ] {
        assert!(ids.contains(new), "{new} is missing");
    }
}

#[test]
fn catalog_export_of_a_custom_catalog_has_the_contract_fields() {
    let run = run_command(
        posture()
            .args(["catalog", "export", "--format", "json", "--catalog"])
            .arg(mini_catalog()),
    )
    .success();
    let export = run.json();
    assert_eq!(export["id"], "mini");
    assert_eq!(export["version"], "1");
    assert_eq!(
        export["domains"],
        serde_json::json!([
            {"id": "sauvegardes", "title": "Sauvegardes", "weight": 3, "when": null},
            {"id": "reseau", "title": "Réseau", "weight": 1, "when": null},
        ])
    );
    let ids: Vec<&str> = controls(&export).iter().map(id).collect();
    assert_eq!(
        ids,
        ["BAK-01", "CTX-00", "NET-01"],
        "domain order, then file order"
    );

    let bak = control(&export, "BAK-01");
    assert_eq!(bak["domain"], "sauvegardes");
    assert_eq!(bak["weight"], 3);
    assert_eq!(bak["critical"], true);
    assert_eq!(bak["target"], 3);
    assert_eq!(bak["context"], false);
    assert_eq!(bak["na_allowed"], false);
    assert_eq!(bak["profiles"], serde_json::json!(["express", "complet"]));
    assert_eq!(
        bak["refs"],
        serde_json::json!(["charte-ght §10.4", "cpts-sesan"])
    );
    let options: Vec<(&str, u64)> = bak["options"]
        .as_array()
        .expect("options")
        .iter()
        .map(|o| (o["id"].as_str().expect("id"), num(&o["level"])))
        .collect();
    assert_eq!(options, [("non", 0), ("parfois", 2), ("teste", 4)]);

    let ctx = control(&export, "CTX-00");
    assert_eq!(ctx["context"], true);
    assert_eq!(ctx["profiles"], serde_json::json!(["complet"]));
    assert_eq!(
        ctx["options"]
            .as_array()
            .expect("options")
            .iter()
            .map(|o| (o["id"].clone(), o["level"].clone()))
            .collect::<Vec<_>>(),
        [
            (Value::from("oui"), Value::Null),
            (Value::from("non"), Value::Null)
        ]
    );

    let net = control(&export, "NET-01");
    assert_eq!(net["na_allowed"], true);
    assert_eq!(net["critical"], false);
    assert_eq!(net["profiles"], serde_json::json!(["complet"]));
    assert_eq!(
        net["when"],
        serde_json::json!({"control": "CTX-00", "any_of": ["oui"]})
    );
}

#[test]
fn catalog_export_titles_follow_the_interface_language() {
    let mini = mini_catalog();
    let export_in = |args: &[&str], envs: &[(&str, &str)]| {
        let mut command = posture();
        command.args(args).arg("--catalog").arg(&mini);
        for (key, value) in envs {
            command.env(key, value);
        }
        run_command(&mut command).success().json()
    };
    let titles = |export: &Value| -> Vec<String> {
        export["domains"]
            .as_array()
            .expect("domains")
            .iter()
            .map(|d| d["title"].as_str().expect("title").to_owned())
            .collect()
    };
    let french = export_in(&["catalog", "export"], &[]);
    assert_eq!(titles(&french), ["Sauvegardes", "Réseau"]);
    assert_eq!(control(&french, "BAK-01")["question"], "Sauvegardez-vous ?");
    let english = export_in(&["catalog", "export", "--lang", "en"], &[]);
    assert_eq!(titles(&english), ["Backups", "Network"]);
    assert_eq!(control(&english, "BAK-01")["question"], "Do you back up?");
    assert_eq!(
        control(&english, "BAK-01")["options"][2]["label"],
        "Yes, tested"
    );
    let before = export_in(&["--lang", "en", "catalog", "export"], &[]);
    assert_eq!(titles(&before), ["Backups", "Network"]);
    let from_env = export_in(&["catalog", "export"], &[("LANG", "en_US.UTF-8")]);
    assert_eq!(titles(&from_env), ["Backups", "Network"]);
    let c_locale = export_in(&["catalog", "export"], &[("LANG", "C")]);
    assert_eq!(titles(&c_locale), ["Sauvegardes", "Réseau"]);
}

#[test]
fn catalog_export_of_the_bundled_catalog_translates_every_domain() {
    let english = run(["catalog", "export", "--lang", "en"]).success().json();
    let french = export();
    assert_eq!(english["id"], french["id"]);
    assert_eq!(english["version"], french["version"]);
    let fr = french["domains"].as_array().expect("domains");
    let en = english["domains"].as_array().expect("domains");
    assert_eq!(fr.len(), en.len());
    for (fr, en) in fr.iter().zip(en) {
        assert_eq!(fr["id"], en["id"]);
        assert_ne!(fr["title"], en["title"], "{} is not translated", fr["id"]);
    }
    let backups = english["domains"]
        .as_array()
        .expect("domains")
        .iter()
        .find(|d| d["id"] == "sauvegardes")
        .expect("sauvegardes");
    assert_eq!(backups["title"], "Backups and business continuity");
    let providers = english["domains"]
        .as_array()
        .expect("domains")
        .iter()
        .find(|d| d["id"] == "prestataires")
        .expect("prestataires");
    assert_eq!(providers["title"], "Providers and processors");
}

#[test]
fn catalog_export_refuses_a_broken_catalog_and_an_unknown_format() {
    let dir = tempdir();
    let (path, _) = bad_catalog(
        dir.path(),
        "c.toml",
        "level = 4\nlabel = { fr = \"Tout",
        "level = 7\nlabel = { fr = \"Tout",
    );
    let run_bad = run_command(
        posture()
            .args(["catalog", "export", "--catalog"])
            .arg(&path),
    )
    .invalid();
    assert!(run_bad.stdout.is_empty(), "{}", run_bad.stdout);
    run(["catalog", "export", "--format", "yaml"]).invalid();
}

// ---------------------------------------------------------------------------------------------
// posture session new
// ---------------------------------------------------------------------------------------------

#[test]
fn session_new_writes_the_meta_table() {
    let dir = tempdir();
    let path = dir.path().join("audit.toml");
    let run = run_command(
        posture()
            .args([
                "session",
                "new",
                "--profile",
                "express",
                "--org",
                "  CPTS du Val  ",
                "--auditor",
                "A. Martin",
                "--participant",
                "Directrice",
                "--participant",
                "Médecin, Secrétaire",
                "--sector",
                "CPTS",
                "--headcount",
                "10-49",
                "-o",
            ])
            .arg(&path),
    )
    .success();
    run.stdout_has("session créée");
    let session = read_session(&path);
    let meta = session["meta"].as_table().expect("[meta]");
    let export = export();
    assert_eq!(meta["organisation"].as_str(), Some("CPTS du Val"));
    assert_eq!(meta["profile"].as_str(), Some("express"));
    assert_eq!(meta["catalog_id"].as_str(), Some("posture-sante"));
    assert_eq!(meta["catalog_version"].as_str(), export["version"].as_str());
    assert_eq!(meta["catalog_hash"].as_str(), export["hash"].as_str());
    assert!(
        meta["catalog_hash"]
            .as_str()
            .is_some_and(|h| h.starts_with("sha256:"))
    );
    assert!(
        !meta.contains_key("catalog_path"),
        "the bundled catalog has no path"
    );
    assert_eq!(meta["auditor"].as_str(), Some("A. Martin"));
    let participants: Vec<&str> = meta["participants"]
        .as_array()
        .expect("participants")
        .iter()
        .map(|p| p.as_str().expect("name"))
        .collect();
    assert_eq!(participants, ["Directrice", "Médecin", "Secrétaire"]);
    assert_eq!(meta["sector"].as_str(), Some("CPTS"));
    assert_eq!(meta["headcount"].as_str(), Some("10-49"));
    let created = meta["created"].as_str().expect("created");
    assert!(is_utc_timestamp(created), "{created}");
    assert_eq!(meta["updated"].as_str(), Some(created));
    let answers = session
        .get("answers")
        .and_then(|a| a.as_table())
        .map_or(0, toml::Table::len);
    assert_eq!(answers, 0, "a new session has no answer");
}

#[cfg(unix)]
#[test]
fn session_files_are_readable_by_their_owner_only() {
    let dir = tempdir();
    let path = new_session(dir.path(), "express");
    assert_eq!(mode(&path), 0o600);
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    answer(&path, "PAT-01", "1").success();
    assert_eq!(mode(&path), 0o600, "answer rewrites the file 0600");
}

#[test]
fn session_new_refuses_to_overwrite_an_existing_file() {
    let dir = tempdir();
    let path = dir.path().join("s.toml");
    std::fs::write(&path, "précieux\n").expect("write");
    run_command(
        posture()
            .args(["session", "new", "--profile", "express", "--org", "X", "-o"])
            .arg(&path),
    )
    .invalid()
    .stderr_has("existe déjà")
    .stderr_has("--force");
    assert_eq!(std::fs::read(&path).expect("read"), b"pr\xc3\xa9cieux\n");
}

#[test]
fn session_new_overwrites_with_force() {
    let dir = tempdir();
    let path = new_session(dir.path(), "express");
    write_answers(&path, &[("PAT-01", "8-jours")]);
    run_command(
        posture()
            .args([
                "session",
                "new",
                "--profile",
                "complet",
                "--org",
                "Autre",
                "--force",
                "-o",
            ])
            .arg(&path),
    )
    .success();
    let session = read_session(&path);
    assert_eq!(session["meta"]["organisation"].as_str(), Some("Autre"));
    assert_eq!(session["meta"]["profile"].as_str(), Some("complet"));
    assert!(
        session
            .get("answers")
            .and_then(|a| a.as_table())
            .is_none_or(toml::Table::is_empty),
        "the old answers are gone"
    );
}

#[test]
fn session_new_refuses_an_unknown_profile() {
    let dir = tempdir();
    let path = dir.path().join("s.toml");
    run_command(
        posture()
            .args(["session", "new", "--profile", "rapide", "--org", "X", "-o"])
            .arg(&path),
    )
    .invalid()
    .stderr_has("profil inconnu « rapide »")
    .stderr_has("express, complet");
    assert!(!path.exists(), "no file is created");
}

#[test]
fn session_new_refuses_an_empty_organisation() {
    let dir = tempdir();
    let path = dir.path().join("s.toml");
    run_command(
        posture()
            .args([
                "--lang",
                "en",
                "session",
                "new",
                "--profile",
                "express",
                "--org",
                "  ",
                "-o",
            ])
            .arg(&path),
    )
    .invalid()
    .stderr_has("the organisation name is empty");
    assert!(!path.exists());
}

// ---------------------------------------------------------------------------------------------
// posture answer
// ---------------------------------------------------------------------------------------------

#[test]
fn answer_records_an_option_id_with_its_note() {
    let dir = tempdir();
    let path = new_session(dir.path(), "express");
    let run = run_command(posture().arg("answer").arg(&path).args([
        "PAT-01",
        "8-jours",
        "--note",
        "  WSUS, rapport « mensuel »  ",
    ]))
    .success();
    run.stdout_has("PAT-01 = 8-jours");
    run.stdout_has("niveau 3");
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text.contains("[answers.PAT-01]"), "{text}");
    let session = read_session(&path);
    let recorded = &session["answers"]["PAT-01"];
    assert_eq!(recorded["choice"].as_str(), Some("8-jours"));
    assert_eq!(recorded["note"].as_str(), Some("WSUS, rapport « mensuel »"));
    let at = recorded["answered_at"].as_str().expect("answered_at");
    assert!(is_utc_timestamp(at), "{at}");
    assert_eq!(session["meta"]["updated"].as_str(), Some(at));
}

#[test]
fn answer_accepts_the_option_number_from_one() {
    let dir = tempdir();
    let path = new_session(dir.path(), "express");
    let pat = control(export(), "PAT-01");
    let options = pat["options"].as_array().expect("options");
    answer(&path, "PAT-01", "1").success();
    assert_eq!(
        read_session(&path)["answers"]["PAT-01"]["choice"].as_str(),
        options[0]["id"].as_str()
    );
    let last = options.len().to_string();
    answer(&path, "PAT-01", &last).success();
    assert_eq!(
        read_session(&path)["answers"]["PAT-01"]["choice"].as_str(),
        options[options.len() - 1]["id"].as_str()
    );
    answer(&path, "REM-00", "2").success();
    assert_eq!(
        read_session(&path)["answers"]["REM-00"]["choice"].as_str(),
        control(export(), "REM-00")["options"][1]["id"].as_str()
    );
}

#[test]
fn answer_accepts_unknown_everywhere_and_na_where_allowed() {
    let dir = tempdir();
    let path = new_session(dir.path(), "express");
    let export = export();
    let na_allowed = scored(export, "express")
        .into_iter()
        .find(|c| c["na_allowed"] == true)
        .expect("an express control allows na");
    answer(&path, "BAK-01", "unknown")
        .success()
        .stdout_has("Je ne sais pas");
    answer(&path, id(na_allowed), "na")
        .success()
        .stdout_has("Non applicable");
    let session = read_session(&path);
    assert_eq!(
        session["answers"]["BAK-01"]["choice"].as_str(),
        Some("unknown")
    );
    assert_eq!(
        session["answers"][id(na_allowed)]["choice"].as_str(),
        Some("na")
    );
}

#[test]
fn answer_keeps_the_note_when_the_choice_changes_and_an_empty_note_removes_it() {
    let dir = tempdir();
    let path = new_session(dir.path(), "express");
    run_command(posture().arg("answer").arg(&path).args([
        "PAT-01",
        "1",
        "--note",
        "vu le tableau",
    ]))
    .success();
    answer(&path, "PAT-01", "2").success();
    let session = read_session(&path);
    assert_eq!(
        session["answers"]["PAT-01"]["note"].as_str(),
        Some("vu le tableau")
    );
    run_command(
        posture()
            .arg("answer")
            .arg(&path)
            .args(["PAT-01", "2", "--note", ""]),
    )
    .success();
    let session = read_session(&path);
    assert!(session["answers"]["PAT-01"].get("note").is_none());
}

#[test]
fn answer_keeps_fields_it_does_not_know() {
    let dir = tempdir();
    let path = new_session(dir.path(), "express");
    let text = std::fs::read_to_string(&path).expect("read");
    let text =
        text.replacen("[meta]\n", "[meta]\nfutur = \"gardé\"\n", 1) + "\n[extension]\nx = 1\n";
    std::fs::write(&path, text).expect("write");
    answer(&path, "PAT-01", "1").success();
    let session = read_session(&path);
    assert_eq!(session["meta"]["futur"].as_str(), Some("gardé"));
    assert_eq!(session["extension"]["x"].as_integer(), Some(1));
}

/// Runs `posture answer` expecting a refusal (exit 2) that leaves the file byte-for-byte alone.
fn assert_answer_refused(path: &Path, control: &str, choice: &str, lang: &str) -> Run {
    let before = std::fs::read(path).expect("read");
    let run = run_command(
        posture()
            .args(["--lang", lang, "answer"])
            .arg(path)
            .args([control, choice]),
    )
    .invalid();
    assert_eq!(
        std::fs::read(path).expect("read"),
        before,
        "the session file changed after a refused answer"
    );
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    run
}

#[test]
fn answer_refuses_an_unknown_control() {
    let dir = tempdir();
    let path = new_session(dir.path(), "express");
    assert_answer_refused(&path, "ZZZ-99", "1", "fr")
        .stderr_has(&format!(
            "{} : contrôle inconnu « ZZZ-99 » (argument CONTROL)",
            path.display()
        ))
        .stderr_has("PAT-01");
    assert_answer_refused(&path, "ZZZ-99", "1", "en").stderr_has(&format!(
        "{}: unknown control \"ZZZ-99\" (CONTROL argument)",
        path.display()
    ));
}

#[test]
fn answer_refuses_an_unknown_option() {
    let dir = tempdir();
    let path = new_session(dir.path(), "express");
    for choice in ["peut-etre", "0", "6", "99999999999999999999", ""] {
        assert_answer_refused(&path, "PAT-01", choice, "en").stderr_has("PAT-01 has no option");
    }
    assert_answer_refused(&path, "PAT-01", "peut-etre", "fr")
        .stderr_has("PAT-01 n'a pas d'option « peut-etre » (argument CHOICE)")
        .stderr_has("8-jours (4)");
}

#[test]
fn answer_refuses_na_where_it_is_not_allowed() {
    let dir = tempdir();
    let path = new_session(dir.path(), "express");
    assert_eq!(control(export(), "BAK-02")["na_allowed"], false);
    assert_answer_refused(&path, "BAK-02", "na", "fr")
        .stderr_has("BAK-02 ne peut pas être « Non applicable »");
    assert_answer_refused(&path, "BAK-02", "na", "en")
        .stderr_has("BAK-02 cannot be \"Not applicable\"");
}

#[test]
fn answer_refuses_a_control_outside_the_session_profile() {
    let dir = tempdir();
    let path = new_session(dir.path(), "express");
    let outside = controls(export())
        .iter()
        .find(|c| !in_profile(c, "express"))
        .expect("a control outside express");
    assert_answer_refused(&path, id(outside), "1", "en").stderr_has(&format!(
        "{} is not part of this session's profile express",
        id(outside)
    ));
}

#[test]
fn answer_refuses_a_corrupt_session_file_at_its_place() {
    let dir = tempdir();
    let path = new_session(dir.path(), "express");
    let text = std::fs::read_to_string(&path).expect("read");
    let corrupt = text.replacen(
        "organisation = \"CPTS du Val\"",
        "organisation = \"CPTS du Val",
        1,
    );
    assert_ne!(text, corrupt);
    std::fs::write(&path, &corrupt).expect("write");
    let (line, _) = place(&corrupt, "organisation = ", 0);
    assert_answer_refused(&path, "PAT-01", "1", "fr")
        .stderr_has(&format!("{}:{line}:", path.display()))
        .stderr_has("fichier de session illisible");
    assert_answer_refused(&path, "PAT-01", "1", "en").stderr_has("unreadable session file");
}

#[test]
fn answer_refuses_a_session_made_with_another_catalog_version() {
    let dir = tempdir();
    let path = new_session(dir.path(), "express");
    let version = export()["version"].as_str().expect("version");
    let text = std::fs::read_to_string(&path).expect("read");
    let edited = text.replacen(
        &format!("catalog_version = \"{version}\""),
        "catalog_version = \"2020.01\"",
        1,
    );
    assert_ne!(text, edited);
    std::fs::write(&path, &edited).expect("write");
    let (line, col) = place(&edited, "\"2020.01\"", 0);
    assert_answer_refused(&path, "PAT-01", "1", "fr")
        .stderr_has(&format!("{}:{line}:{col}:", path.display()))
        .stderr_has("version 2020.01")
        .stderr_has(version);
    assert_answer_refused(&path, "PAT-01", "1", "en").stderr_has("was made with version 2020.01");
    let run = run_command(posture().arg("score").arg(&path)).invalid();
    run.stderr_has("version 2020.01");
}

/// A session recorded with the previous catalog version (`tests/data/session-2026.11.toml`) opens:
/// its answers follow the catalog's `[[upgrades]]`, a note on standard error says so, and the
/// first command that writes the file records the new version, the set-aside answers kept.
#[test]
fn a_session_of_the_previous_catalog_version_is_upgraded_when_opened() {
    let dir = tempdir();
    let path = dir.path().join("mai.toml");
    std::fs::copy(root().join("tests/data/session-2026.11.toml"), &path).expect("copy");
    let before = std::fs::read(&path).expect("read");
    let version = export()["version"].as_str().expect("version");
    assert_ne!(version, "2026.11");

    // Reading it (score) upgrades it in memory only, and says so in the interface's language.
    let run = run_command(posture().arg("score").arg(&path).args(["--format", "json"])).success();
    run.stderr_has(&format!(
        "remarque\u{a0}: cette session a été faite avec la version 2026.11 du catalogue, elle est lue avec la version {version}"
    ));
    run.stderr_has("IAM-02");
    assert!(!run.stderr.contains("DEV-04"), "{}", run.stderr);
    assert_eq!(
        std::fs::read(&path).expect("read"),
        before,
        "score writes nothing"
    );
    let score = run.json();
    assert_eq!(score["session"]["catalog"]["version"], version);
    let unanswered = id_set(&score, "unanswered");
    // IAM-02's options changed meaning: asked again. BAK-01 follows its renamed option, DEV-04
    // its move to SUP-07 (which is not in the express profile).
    assert!(unanswered.contains("IAM-02"), "{unanswered:?}");
    assert!(!unanswered.contains("BAK-01"), "{unanswered:?}");
    assert!(!unanswered.contains("PAT-01"), "{unanswered:?}");
    let english = run_command(posture().args(["--lang", "en", "score"]).arg(&path)).success();
    english.stderr_has(&format!(
        "note: this session was made with version 2026.11 of the catalog; it is read with version {version}"
    ));
    english.stderr_has(
        "questions changed, to ask again (the former answer is kept in the file): IAM-02",
    );
    assert!(!english.stderr.contains("remarque"), "{}", english.stderr);

    // The same answers as a session made today with the renamed option ids.
    let today = new_session(dir.path(), "express");
    write_answers(
        &today,
        &[("PAT-01", "8-jours"), ("BAK-01", "copie-hors-d-atteinte")],
    );
    let fresh = score_json(&today);
    for key in ["overall", "domains", "priorities"] {
        assert_eq!(score[key], fresh[key], "{key}");
    }

    // Answering writes the upgraded session.
    answer(&path, "IAM-02", "imposee-et-verifiee").success();
    let session = read_session(&path);
    assert_eq!(session["meta"]["catalog_version"].as_str(), Some(version));
    assert_eq!(
        session["meta"]["catalog_hash"].as_str(),
        export()["hash"].as_str()
    );
    let answers = session["answers"].as_table().expect("answers");
    assert_eq!(
        answers["BAK-01"]["choice"].as_str(),
        Some("copie-hors-d-atteinte")
    );
    assert_eq!(
        answers["BAK-01"]["note"].as_str(),
        Some("NAS et disque USB chiffré, échangé chaque vendredi")
    );
    assert_eq!(answers["SUP-07"]["choice"].as_str(), Some("tout-chez-hds"));
    assert!(!answers.contains_key("DEV-04"), "{answers:?}");
    assert_eq!(
        answers["IAM-02"]["choice"].as_str(),
        Some("imposee-et-verifiee")
    );
    // The former IAM-02 answer is set aside with its note, never dropped.
    let retired = &session["retired"]["IAM-02"];
    assert_eq!(retired["choice"].as_str(), Some("partout"));
    assert_eq!(
        retired["note"].as_str(),
        Some("double authentification sur la messagerie et le VPN")
    );
    assert_eq!(retired["catalog_version"].as_str(), Some("2026.11"));
    assert_eq!(retired["reason"].as_str(), Some("changed"));
    // Read again: nothing left to upgrade, no note.
    let again = run_command(posture().arg("score").arg(&path)).success();
    assert!(!again.stderr.contains("remarque"), "{}", again.stderr);
}

#[test]
fn answer_refuses_a_session_of_a_newer_file_format() {
    let dir = tempdir();
    let path = new_session(dir.path(), "express");
    let text = std::fs::read_to_string(&path).expect("read");
    let newer = text.replacen("format = 1\n", "format = 7\n", 1);
    assert_ne!(text, newer);
    std::fs::write(&path, &newer).expect("write");
    let (line, _) = place(&newer, "format = 7", 0);
    assert_answer_refused(&path, "PAT-01", "1", "fr")
        .stderr_has(&format!("{}:{line}:", path.display()))
        .stderr_has("format de session 7 inconnu");
    assert_answer_refused(&path, "PAT-01", "1", "en").stderr_has("update posture");
}

#[test]
fn answer_refuses_an_unreadable_answer_time() {
    let dir = tempdir();
    let path = new_session(dir.path(), "express");
    answer(&path, "PAT-01", "1").success();
    let text = std::fs::read_to_string(&path).expect("read");
    let stamp = text
        .lines()
        .find(|l| l.starts_with("answered_at"))
        .expect("answered_at")
        .to_owned();
    let edited = text.replacen(&stamp, "answered_at = \"mardi dernier\"", 1);
    std::fs::write(&path, &edited).expect("write");
    let (line, _) = place(&edited, "answered_at = ", 0);
    assert_answer_refused(&path, "PAT-02", "1", "fr")
        .stderr_has(&format!("{}:{line}:", path.display()))
        .stderr_has("date illisible « mardi dernier »");
}

#[cfg(unix)]
#[test]
fn answer_through_a_symbolic_link_updates_the_real_file() {
    let dir = tempdir();
    let real = new_session(dir.path(), "express");
    let link = dir.path().join("lien.toml");
    std::os::unix::fs::symlink(&real, &link).expect("symlink");
    answer(&link, "PAT-01", "8-jours").success();
    assert!(
        std::fs::read_to_string(&real)
            .expect("read")
            .contains("[answers.PAT-01]")
    );
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("link")
            .file_type()
            .is_symlink()
    );
}

#[test]
fn an_output_in_a_missing_directory_or_on_a_directory_is_bad_input() {
    let dir = tempdir();
    let missing = dir.path().join("absent").join("s.toml");
    let run = run_command(
        posture()
            .args(["session", "new", "--profile", "express", "--org", "X", "-o"])
            .arg(&missing),
    )
    .invalid();
    run.stderr_has("n'existe pas").stderr_has("mkdir -p");
    let run = run_command(
        posture()
            .args([
                "--lang",
                "en",
                "session",
                "new",
                "--profile",
                "express",
                "--org",
                "X",
                "--force",
                "-o",
            ])
            .arg(dir.path()),
    )
    .invalid();
    run.stderr_has("is a directory, not a file");
    assert!(dir.path().is_dir());
}

#[test]
fn answer_refuses_a_missing_session_file_without_creating_it() {
    let dir = tempdir();
    let path = dir.path().join("absent.toml");
    answer(&path, "PAT-01", "1")
        .invalid()
        .stderr_has("impossible de lire la session");
    assert!(!path.exists());
}

// ---------------------------------------------------------------------------------------------
// posture score
// ---------------------------------------------------------------------------------------------

#[test]
fn score_json_has_the_contract_shape() {
    let dir = tempdir();
    let path = new_session(dir.path(), "express");
    write_answers(
        &path,
        &[
            ("PAT-01", "8-jours"),
            ("IAM-02", "quelques-comptes"),
            ("BAK-01", "unknown"),
        ],
    );
    let score = score_json(&path);
    let overall_score = float(&score["overall"]["score"]);
    assert!((0.0..=100.0).contains(&overall_score));
    assert!(num(&score["overall"]["level"]) <= 4);
    let domains = score["domains"].as_array().expect("domains");
    assert_eq!(domains.len(), 13);
    for domain in domains {
        for key in ["id", "score", "level", "answered", "total", "capped"] {
            assert!(domain.get(key).is_some(), "domain without {key}: {domain}");
        }
        assert!(domain["capped"].is_boolean());
        assert!(
            num(&domain["answered"]) <= num(&domain["total"]),
            "{domain}"
        );
        if let Some(value) = domain["score"].as_f64() {
            assert!((0.0..=100.0).contains(&value), "{domain}");
            assert_close(value, round1(value), "one decimal");
            let level = num(&domain["level"]);
            assert!(level <= 4);
            if domain["capped"] == false {
                assert_eq!(level, level_for(value), "{domain}");
            } else {
                assert!(level <= 1, "{domain}");
            }
        }
    }
    for priority in score["priorities"].as_array().expect("priorities") {
        for key in ["control", "domain", "level", "target", "rank"] {
            assert!(
                priority.get(key).is_some(),
                "priority without {key}: {priority}"
            );
        }
    }
    assert!(score["unknown"].is_array());
}

#[test]
fn score_of_every_top_answer_given_with_posture_answer_is_100() {
    let dir = tempdir();
    let path = new_session(dir.path(), "complet");
    let export = export();
    for (control, choice) in all_top(export, "complet") {
        answer(&path, &control, &choice).success();
    }
    let score = score_json(&path);
    assert_close(float(&score["overall"]["score"]), 100.0, "overall");
    assert_eq!(score["overall"]["level"], 4);
    let mut total = 0;
    for domain in score["domains"].as_array().expect("domains") {
        assert_close(
            float(&domain["score"]),
            100.0,
            domain["id"].as_str().unwrap_or("?"),
        );
        assert_eq!(domain["level"], 4, "{domain}");
        assert_eq!(domain["capped"], false, "{domain}");
        assert_eq!(domain["answered"], domain["total"], "{domain}");
        total += num(&domain["total"]);
    }
    assert_eq!(total as usize, scored(export, "complet").len());
    assert_eq!(score["priorities"], serde_json::json!([]));
    assert_eq!(score["unknown"], serde_json::json!([]));

    let text = run_command(posture().arg("score").arg(&path)).success();
    text.stdout_has("100,0 / 100");
    let english = run_command(posture().args(["score", "--lang", "en"]).arg(&path)).success();
    english.stdout_has("100.0 / 100");
}

#[test]
fn score_of_every_lowest_answer_is_0() {
    let dir = tempdir();
    let path = new_session(dir.path(), "complet");
    let export = export();
    let lowest: Vec<(String, String)> = controls(export)
        .iter()
        .map(|c| {
            let choice = if c["context"] == true {
                "oui"
            } else {
                lowest_option(c).0
            };
            (id(c).to_owned(), choice.to_owned())
        })
        .collect();
    write_answers(&path, &as_refs(&lowest));
    let score = score_json(&path);
    assert_close(float(&score["overall"]["score"]), 0.0, "overall");
    assert_eq!(score["overall"]["level"], 0);
    for domain in score["domains"].as_array().expect("domains") {
        assert_close(
            float(&domain["score"]),
            0.0,
            domain["id"].as_str().unwrap_or("?"),
        );
        assert_eq!(domain["level"], 0);
    }
    let expected: BTreeSet<String> = scored(export, "complet")
        .iter()
        .filter(|c| num(&c["target"]) > 0)
        .map(|c| id(c).to_owned())
        .collect();
    let got: BTreeSet<String> = priority_ids(&score).into_iter().collect();
    assert_eq!(got, expected, "every control below its target is a measure");
    assert_eq!(
        score["unknown"],
        serde_json::json!([]),
        "answered at level 0 is not unknown"
    );
}

#[test]
fn a_failed_critical_control_caps_its_domain_even_when_the_rest_is_top() {
    let dir = tempdir();
    let path = new_session(dir.path(), "complet");
    let export = export();
    let critical: Vec<&Value> = scored(export, "complet")
        .into_iter()
        .filter(|c| c["critical"] == true)
        .collect();
    assert!(!critical.is_empty());
    for failed in critical {
        let domain_id = failed["domain"].as_str().expect("domain");
        for level in [0, 1] {
            let mut answers = all_top(export, "complet");
            set(&mut answers, id(failed), option_at(failed, level));
            write_answers(&path, &as_refs(&answers));
            let score = score_json(&path);
            let capped = domain(&score, domain_id);
            assert_eq!(
                capped["capped"],
                true,
                "{} at {level}: {capped}",
                id(failed)
            );
            assert_eq!(capped["capped_by"], serde_json::json!([id(failed)]));
            let pairs: Vec<(u64, u64)> = scored(export, "complet")
                .iter()
                .filter(|c| c["domain"] == domain_id)
                .map(|c| {
                    (
                        num(&c["weight"]),
                        if id(c) == id(failed) { level } else { 4 },
                    )
                })
                .collect();
            let expected = weighted_score(&pairs);
            assert_close(float(&capped["score"]), expected, id(failed));
            assert_eq!(
                num(&capped["level"]),
                level_for(expected).min(1),
                "{capped}"
            );
            assert!(num(&capped["level"]) <= 1);
            for other in score["domains"].as_array().expect("domains") {
                if other["id"] != domain_id {
                    assert_eq!(other["capped"], false, "{other}");
                    assert_eq!(other["level"], 4, "{other}");
                }
            }
            assert_eq!(score["overall"]["capped"], true);
            assert!(num(&score["overall"]["level"]) <= 2, "{}", score["overall"]);
            let priorities = score["priorities"].as_array().expect("priorities");
            assert_eq!(priorities.len(), 1, "{priorities:?}");
            assert_eq!(priorities[0]["control"], id(failed));
            assert_eq!(priorities[0]["rank"], 1);
            assert_eq!(priorities[0]["level"], level);
            assert_eq!(priorities[0]["target"], failed["target"]);
        }
    }
}

#[test]
fn a_critical_control_not_known_caps_but_not_applicable_does_not() {
    let dir = tempdir();
    let path = new_session(dir.path(), "complet");
    let export = export();
    let critical = scored(export, "complet")
        .into_iter()
        .find(|c| c["critical"] == true && c["na_allowed"] == true)
        .expect("a critical control that allows na");
    let domain_id = critical["domain"].as_str().expect("domain");

    let mut answers = all_top(export, "complet");
    set(&mut answers, id(critical), "unknown");
    write_answers(&path, &as_refs(&answers));
    let score = score_json(&path);
    assert_eq!(domain(&score, domain_id)["capped"], true);
    assert!(num(&domain(&score, domain_id)["level"]) <= 1);
    assert_eq!(
        id_set(&score, "unknown"),
        BTreeSet::from([id(critical).to_owned()])
    );

    set(&mut answers, id(critical), "na");
    write_answers(&path, &as_refs(&answers));
    let score = score_json(&path);
    let result = domain(&score, domain_id);
    assert_eq!(result["capped"], false, "{result}");
    assert_close(float(&result["score"]), 100.0, domain_id);
    assert_eq!(result["level"], 4);
    assert_eq!(score["unknown"], serde_json::json!([]));
    assert_close(float(&score["overall"]["score"]), 100.0, "overall");
}

#[test]
fn domain_scores_are_weighted_means_rounded_to_one_decimal() {
    let dir = tempdir();
    let path = new_session(dir.path(), "complet");
    let export = export();
    // In every domain with two weights or more, set its lightest control to level 0 and the rest
    // to the top: the scores are not round numbers.
    let mut answers = all_top(export, "complet");
    let mut expected_domains = Vec::new();
    for domain_value in export["domains"].as_array().expect("domains") {
        let domain_id = domain_value["id"].as_str().expect("id");
        let members: Vec<&Value> = scored(export, "complet")
            .into_iter()
            .filter(|c| c["domain"] == domain_id && c["critical"] == false)
            .collect();
        let Some(lightest) = members.iter().min_by_key(|c| num(&c["weight"])) else {
            continue;
        };
        set(&mut answers, id(lightest), lowest_option(lightest).0);
        let pairs: Vec<(u64, u64)> = scored(export, "complet")
            .iter()
            .filter(|c| c["domain"] == domain_id)
            .map(|c| (num(&c["weight"]), if id(c) == id(lightest) { 0 } else { 4 }))
            .collect();
        expected_domains.push((domain_id.to_owned(), weighted_score(&pairs)));
    }
    write_answers(&path, &as_refs(&answers));
    let score = score_json(&path);
    let mut weighted = 0.0;
    let mut weights = 0.0;
    for (domain_id, expected) in &expected_domains {
        let result = domain(&score, domain_id);
        assert_close(float(&result["score"]), *expected, domain_id);
        assert_eq!(num(&result["level"]), level_for(*expected), "{result}");
        let weight = num(&result["weight"]) as f64;
        weighted += expected * weight;
        weights += weight;
    }
    let overall = float(&score["overall"]["score"]);
    assert!(
        (overall - round1(weighted / weights)).abs() <= 0.1 + 1e-9,
        "overall {overall}, expected about {}",
        weighted / weights
    );
    assert_close(overall, round1(overall), "one decimal");
    assert_eq!(num(&score["overall"]["level"]), level_for(overall));
}

#[test]
fn scores_of_a_custom_catalog_weight_controls_and_domains() {
    let dir = tempdir();
    let path = new_session_with(dir.path(), "complet", &mini_catalog());
    answer(&path, "BAK-01", "teste").success();
    answer(&path, "NET-01", "partiel").success();
    let score = score_json(&path);
    assert_close(
        float(&domain(&score, "sauvegardes")["score"]),
        100.0,
        "sauvegardes",
    );
    assert_close(float(&domain(&score, "reseau")["score"]), 50.0, "reseau");
    assert_eq!(domain(&score, "reseau")["level"], 2);
    // (3 × 100 + 1 × 50) / 4
    assert_close(float(&score["overall"]["score"]), 87.5, "overall");
    assert_eq!(score["overall"]["level"], 3);
    assert_eq!(priority_ids(&score), ["NET-01"]);

    answer(&path, "BAK-01", "non").success();
    answer(&path, "NET-01", "complet").success();
    let score = score_json(&path);
    // (3 × 0 + 1 × 100) / 4
    assert_close(float(&score["overall"]["score"]), 25.0, "overall");
    assert_eq!(domain(&score, "sauvegardes")["capped"], true);
    assert_eq!(score["overall"]["level"], 1);

    let text = run_command(posture().arg("score").arg(&path)).success();
    text.stdout_has("25,0 / 100")
        .stdout_has("[BAK-01] Sauvegarder");
    let english = run_command(posture().args(["--lang", "en", "score"]).arg(&path)).success();
    english
        .stdout_has("25.0 / 100")
        .stdout_has("[BAK-01] Back up");
}

#[test]
fn a_no_to_the_development_gate_makes_the_domain_not_applicable() {
    let dir = tempdir();
    let path = new_session(dir.path(), "complet");
    let export = export();
    let dev: BTreeSet<String> = scored(export, "complet")
        .iter()
        .filter(|c| c["domain"] == "developpement")
        .map(|c| id(c).to_owned())
        .collect();
    assert!(!dev.is_empty());

    answer(&path, "DEV-00", "non").success();
    let score = score_json(&path);
    let developpement = domain(&score, "developpement");
    assert!(
        developpement["score"].is_null(),
        "null, not 0: {developpement}"
    );
    assert!(developpement["level"].is_null(), "{developpement}");
    assert_eq!(developpement["capped"], false);
    let unknown = id_set(&score, "unknown");
    assert!(unknown.is_disjoint(&dev), "{unknown:?}");
    assert!(priority_ids(&score).iter().all(|p| !dev.contains(p)));
    // The other domains still count: unanswered, they score 0, not null.
    assert_close(
        float(&domain(&score, "sauvegardes")["score"]),
        0.0,
        "sauvegardes",
    );

    // Everything else at the top: the not-applicable domain does not drag the index down.
    let mut answers = all_top(export, "complet");
    set(&mut answers, "DEV-00", "non");
    for dev_id in &dev {
        set(
            &mut answers,
            dev_id,
            lowest_option(control(export, dev_id)).0,
        );
    }
    write_answers(&path, &as_refs(&answers));
    let score = score_json(&path);
    assert!(domain(&score, "developpement")["score"].is_null());
    assert_close(float(&score["overall"]["score"]), 100.0, "overall");
    assert_eq!(score["overall"]["level"], 4);

    answer(&path, "DEV-00", "oui").success();
    let score = score_json(&path);
    assert_close(
        float(&domain(&score, "developpement")["score"]),
        0.0,
        "developpement",
    );
}

#[test]
fn a_no_to_the_remote_maintenance_gate_makes_its_controls_not_applicable() {
    let dir = tempdir();
    let path = new_session(dir.path(), "complet");
    let export = export();
    let gated: Vec<&Value> = gated_by(export, "REM-00");
    assert!(!gated.is_empty());
    let gated_ids: BTreeSet<String> = gated.iter().map(|c| id(c).to_owned()).collect();
    let domain_id = gated[0]["domain"].as_str().expect("domain");
    let in_domain = scored(export, "complet")
        .iter()
        .filter(|c| c["domain"] == domain_id)
        .count() as u64;

    // Everything top, except the gated controls at their lowest.
    let mut answers = all_top(export, "complet");
    for control in &gated {
        set(&mut answers, id(control), lowest_option(control).0);
    }
    set(&mut answers, "REM-00", "non");
    write_answers(&path, &as_refs(&answers));
    let score = score_json(&path);
    let remote = domain(&score, domain_id);
    assert_close(float(&remote["score"]), 100.0, domain_id);
    assert_eq!(
        num(&remote["total"]),
        in_domain - gated.len() as u64,
        "{remote}"
    );
    assert_eq!(
        num(&remote["not_applicable"]),
        gated.len() as u64,
        "{remote}"
    );
    assert!(
        priority_ids(&score).is_empty(),
        "{:?}",
        priority_ids(&score)
    );

    // Unanswered gated controls are not "to check" either.
    let path2 = new_session(&mkdir(&dir.path().join("x")), "complet");
    answer(&path2, "REM-00", "non").success();
    let unknown = id_set(&score_json(&path2), "unknown");
    assert!(unknown.is_disjoint(&gated_ids), "{unknown:?}");
    assert!(
        unknown.contains("REM-01"),
        "REM-01 is not gated: {unknown:?}"
    );
    // Answering one anyway says it does not count.
    answer(&path2, id(gated[0]), "1")
        .success()
        .stderr_has("ne s'applique pas");

    // A yes brings them back: at their lowest, they now pull the domain down.
    answer(&path, "REM-00", "oui").success();
    let score = score_json(&path);
    let remote = domain(&score, domain_id);
    assert!(float(&remote["score"]) < 100.0, "{remote}");
    assert_eq!(num(&remote["total"]), in_domain);
    let priorities: BTreeSet<String> = priority_ids(&score).into_iter().collect();
    assert_eq!(priorities, gated_ids);
}

#[test]
fn unanswered_and_unknown_controls_are_listed_as_unknown() {
    let dir = tempdir();
    let path = new_session(dir.path(), "express");
    let export = export();
    let express = scored(export, "express");
    let na = express
        .iter()
        .find(|c| c["na_allowed"] == true)
        .expect("an express control allows na");
    answer(&path, "PAT-01", top_option(control(export, "PAT-01")).0).success();
    answer(&path, "BAK-01", "unknown").success();
    answer(&path, id(na), "na").success();
    let score = score_json(&path);
    let expected: BTreeSet<String> = express
        .iter()
        .map(|c| id(c).to_owned())
        .filter(|c| c != "PAT-01" && c != id(na))
        .collect();
    assert!(expected.contains("BAK-01"));
    assert_eq!(id_set(&score, "unknown"), expected);
    let unanswered = id_set(&score, "unanswered");
    assert!(!unanswered.contains("BAK-01") && !unanswered.contains("PAT-01"));
}

#[test]
fn priorities_are_ranked_critical_first_then_by_weighted_gap() {
    let dir = tempdir();
    let path = new_session(dir.path(), "complet");
    let export = export();
    // A mixed audit: each control at a level that depends on its position.
    let mut answers = Vec::new();
    let mut levels = std::collections::BTreeMap::new();
    for (index, control) in controls(export).iter().enumerate() {
        if control["context"] == true {
            answers.push((id(control).to_owned(), "oui".to_owned()));
            continue;
        }
        let level = (index % 5) as u64;
        let choice = control["options"]
            .as_array()
            .expect("options")
            .iter()
            .filter(|o| num(&o["level"]) <= level)
            .max_by_key(|o| num(&o["level"]))
            .map(|o| o["id"].as_str().expect("id"))
            .unwrap_or_else(|| lowest_option(control).0);
        levels.insert(
            id(control).to_owned(),
            num(&control["options"]
                .as_array()
                .expect("options")
                .iter()
                .find(|o| o["id"] == choice)
                .expect("option")["level"]),
        );
        answers.push((id(control).to_owned(), choice.to_owned()));
    }
    write_answers(&path, &as_refs(&answers));
    let score = score_json(&path);

    let mut expected: Vec<(bool, u64, String)> = scored(export, "complet")
        .iter()
        .filter(|c| levels[id(c)] < num(&c["target"]))
        .map(|c| {
            let gap = num(&c["target"]) - levels[id(c)];
            (
                c["critical"] == true,
                num(&c["weight"]) * gap,
                id(c).to_owned(),
            )
        })
        .collect();
    expected.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
    let expected_ids: Vec<String> = expected.into_iter().map(|(_, _, id)| id).collect();
    assert!(expected_ids.len() > 6, "a test with enough measures");
    assert_eq!(priority_ids(&score), expected_ids);

    let priorities = score["priorities"].as_array().expect("priorities");
    let mut seen_plain = false;
    for (index, priority) in priorities.iter().enumerate() {
        assert_eq!(num(&priority["rank"]), index as u64 + 1);
        let control = control(export, priority["control"].as_str().expect("control"));
        assert_eq!(priority["domain"], control["domain"]);
        assert_eq!(priority["target"], control["target"]);
        assert_eq!(num(&priority["level"]), levels[id(control)]);
        if control["critical"] == true {
            assert!(
                !seen_plain,
                "a critical measure after a plain one: {priority}"
            );
        } else {
            seen_plain = true;
        }
    }
}

#[test]
fn score_text_lists_the_domains_in_the_interface_language() {
    let dir = tempdir();
    let path = new_session(dir.path(), "express");
    let french = run_command(posture().arg("score").arg(&path)).success();
    french
        .stdout_has("Indice global")
        .stdout_has("Sauvegardes et continuité d'activité")
        .stdout_has("Mesures prioritaires");
    let english =
        run_command(posture().arg("score").arg(&path).env("LANG", "en_GB.UTF-8")).success();
    english
        .stdout_has("Overall index")
        .stdout_has("Backups and business continuity")
        .stdout_has("Priority measures");
    let json = run_command(
        posture()
            .args(["score", "--format", "json", "--lang", "en"])
            .arg(&path),
    )
    .success()
    .json();
    assert_eq!(
        domain(&json, "sauvegardes")["title"],
        "Backups and business continuity"
    );
}

#[test]
fn score_refuses_a_corrupt_session_file() {
    let dir = tempdir();
    let path = dir.path().join("s.toml");
    std::fs::write(&path, "[meta]\nformat = 1\norganisation = \"X\n").expect("write");
    run_command(posture().arg("score").arg(&path))
        .invalid()
        .stderr_has(&format!("{}:3:", path.display()));
    run_command(posture().args(["score", "--format", "json"]).arg(&path))
        .invalid()
        .stderr_has("illisible");
}

// ---------------------------------------------------------------------------------------------
// A catalog of one's own
// ---------------------------------------------------------------------------------------------

#[test]
fn a_session_finds_its_custom_catalog_directory_without_the_flag() {
    let dir = tempdir();
    let catalog = dir.path().join("mon-catalogue");
    copy_dir(&bundled_dir(), &catalog);
    // Make the copy differ from the bundled catalog, so that only the copy can open the session.
    let header = catalog.join("catalog.toml");
    let version = export()["version"].as_str().expect("version");
    let text = std::fs::read_to_string(&header).expect("catalog.toml");
    std::fs::write(
        &header,
        text.replacen(
            &format!("version = \"{version}\""),
            "version = \"local-1\"",
            1,
        ),
    )
    .expect("write");

    // Created with a path relative to the working directory.
    let path = dir.path().join("sessions").join("audit.toml");
    mkdir(&dir.path().join("sessions"));
    run_command(posture().current_dir(dir.path()).args([
        "session",
        "new",
        "--catalog",
        "mon-catalogue",
        "--profile",
        "express",
        "--org",
        "Cabinet",
        "-o",
        "sessions/audit.toml",
    ]))
    .success();
    let meta = read_session(&path)["meta"].clone();
    assert_eq!(meta["catalog_version"].as_str(), Some("local-1"));
    let recorded = PathBuf::from(meta["catalog_path"].as_str().expect("catalog_path"));
    assert!(recorded.is_absolute(), "{}", recorded.display());
    assert_eq!(
        recorded.canonicalize().expect("canonical"),
        catalog.canonicalize().expect("canonical")
    );

    // From another directory, without --catalog.
    let elsewhere = tempdir();
    run_command(
        posture()
            .current_dir(elsewhere.path())
            .arg("answer")
            .arg(&path)
            .args(["PAT-01", "1"]),
    )
    .success();
    let score = run_command(
        posture()
            .current_dir(elsewhere.path())
            .args(["score", "--format", "json"])
            .arg(&path),
    )
    .success()
    .json();
    assert_eq!(score["session"]["catalog"]["version"], "local-1");
}

#[test]
fn a_changed_question_in_the_custom_catalog_is_refused_with_its_reason() {
    let dir = tempdir();
    let catalog = dir.path().join("catalogue");
    copy_dir(&bundled_dir(), &catalog);
    let path = new_session_with(dir.path(), "express", &catalog);
    answer(&path, "PAT-01", "1").success();
    run_command(posture().arg("score").arg(&path)).success();

    let file = catalog.join("sauvegardes.toml");
    let text = std::fs::read_to_string(&file).expect("sauvegardes.toml");
    let edited = text.replacen("question = { fr = \"", "question = { fr = \"(modifiée) ", 1);
    assert_ne!(text, edited);
    std::fs::write(&file, edited).expect("write");
    run_command(posture().args(["catalog", "check"]).arg(&catalog)).success();

    let before = std::fs::read(&path).expect("read");
    let hash_line = place(
        &String::from_utf8(before.clone()).expect("utf-8"),
        "catalog_hash",
        0,
    )
    .0;
    run_command(posture().arg("score").arg(&path))
        .invalid()
        .stderr_has(&format!("{}:{hash_line}:", path.display()))
        .stderr_has("a changé depuis la création de cette session")
        .stderr_has("empreinte");
    run_command(posture().args(["--lang", "en", "score"]).arg(&path))
        .invalid()
        .stderr_has("has changed since this session was made (different hash)");
    answer(&path, "PAT-01", "2").invalid();
    assert_eq!(std::fs::read(&path).expect("read"), before);
}

#[test]
fn a_session_whose_catalog_is_gone_is_refused() {
    let dir = tempdir();
    let catalog = dir.path().join("catalogue");
    copy_dir(&bundled_dir(), &catalog);
    let path = new_session_with(dir.path(), "express", &catalog);
    let recorded = catalog.canonicalize().expect("canonical");
    std::fs::rename(&catalog, dir.path().join("ailleurs")).expect("rename");
    let before = std::fs::read(&path).expect("read");
    run_command(posture().arg("score").arg(&path))
        .invalid()
        .stderr_has("impossible de lire le catalogue")
        .stderr_has(&recorded.display().to_string());
    answer(&path, "PAT-01", "1").invalid();
    assert_eq!(std::fs::read(&path).expect("read"), before);
    // --catalog points at where it went.
    run_command(
        posture()
            .arg("score")
            .arg(&path)
            .arg("--catalog")
            .arg(dir.path().join("ailleurs")),
    )
    .success();
}

// ---------------------------------------------------------------------------------------------
// Language and help
// ---------------------------------------------------------------------------------------------

/// Every command path of the interface.
const COMMANDS: [&[&str]; 9] = [
    &[],
    &["audit"],
    &["catalog"],
    &["catalog", "check"],
    &["catalog", "export"],
    &["session"],
    &["session", "new"],
    &["answer"],
    &["score"],
];

#[test]
fn help_is_french_by_default() {
    let run = run(["--help"]).success();
    run.stdout_has("Utilisation : posture")
        .stdout_has("Commandes :")
        .stdout_has("Afficher l'aide.");
    assert!(!run.stdout.contains("Usage:"), "{}", run.stdout);
}

#[test]
fn help_is_english_with_the_flag_or_the_environment() {
    for run in [
        run(["--lang", "en", "--help"]),
        run(["--help", "--lang", "en"]),
        run(["--lang=en", "--help"]),
        run_command(posture().arg("--help").env("LANG", "en_US.UTF-8")),
        run_command(
            posture()
                .arg("--help")
                .env("LANG", "fr_FR.UTF-8")
                .env("LC_MESSAGES", "en_US.UTF-8"),
        ),
    ] {
        let run = run.success();
        run.stdout_has("Usage: posture");
        assert!(!run.stdout.contains("Utilisation"), "{}", run.stdout);
    }
    for run in [
        run_command(
            posture()
                .args(["--lang", "fr", "--help"])
                .env("LANG", "en_US.UTF-8"),
        ),
        run_command(
            posture()
                .arg("--help")
                .env("LANG", "en_US.UTF-8")
                .env("LC_ALL", "fr_FR.UTF-8"),
        ),
    ] {
        run.success().stdout_has("Utilisation : posture");
    }
}

#[test]
fn help_works_for_every_subcommand_in_both_languages() {
    for path in COMMANDS {
        let shown = std::iter::once("posture")
            .chain(path.iter().copied())
            .collect::<Vec<_>>()
            .join(" ");
        for flag in ["--help", "-h"] {
            let french = run(path.iter().copied().chain([flag])).success();
            french.stdout_has(&format!("Utilisation : {shown}"));
            let english = run(path.iter().copied().chain([flag, "--lang", "en"])).success();
            english.stdout_has(&format!("Usage: {shown}"));
            let english = run(["--lang", "en"]
                .into_iter()
                .chain(path.iter().copied())
                .chain([flag]))
            .success();
            english.stdout_has(&format!("Usage: {shown}"));
        }
    }
}

#[test]
fn the_help_subcommand_works_in_both_languages() {
    run(["--lang", "en", "help", "score"])
        .success()
        .stdout_has("Usage: posture score");
    run(["help", "score"])
        .success()
        .stdout_has("Utilisation : posture score");
}

#[test]
fn usage_errors_are_in_the_interface_language_with_exit_code_2() {
    let dir = tempdir();
    let path = new_session(dir.path(), "express");
    run_command(posture().arg("score").arg(&path).arg("--bogus"))
        .invalid()
        .stderr_has("erreur : argument inattendu « --bogus »")
        .stderr_has("Utilisation : posture score");
    run_command(
        posture()
            .args(["--lang", "en", "score"])
            .arg(&path)
            .arg("--bogus"),
    )
    .invalid()
    .stderr_has("unexpected argument '--bogus'");
    run(["scor"])
        .invalid()
        .stderr_has("sous-commande inconnue « scor »")
        .stderr_has("« score »");
}

#[test]
fn messages_follow_the_language_flag_before_or_after_the_subcommand() {
    let dir = tempdir();
    let path = new_session(dir.path(), "express");
    let after = run_command(
        posture()
            .arg("answer")
            .arg(&path)
            .args(["ZZZ-99", "1", "--lang", "en"]),
    )
    .invalid();
    after
        .stderr_has("error: ")
        .stderr_has("unknown control \"ZZZ-99\"");
    let before = run_command(
        posture()
            .args(["--lang", "en", "answer"])
            .arg(&path)
            .args(["ZZZ-99", "1"]),
    )
    .invalid();
    before
        .stderr_has("error: ")
        .stderr_has("unknown control \"ZZZ-99\"");
    let french = run_command(posture().arg("answer").arg(&path).args(["ZZZ-99", "1"])).invalid();
    french
        .stderr_has("erreur : ")
        .stderr_has("contrôle inconnu « ZZZ-99 »");
    run(["--lang", "de", "catalog", "check"]).invalid();
}

// ---------------------------------------------------------------------------------------------
// Never a panic
// ---------------------------------------------------------------------------------------------

#[test]
fn odd_inputs_are_refused_without_a_panic() {
    let dir = tempdir();
    let session = new_session(dir.path(), "express");
    let text = std::fs::read_to_string(&session).expect("read");
    let cases: Vec<(&str, String)> = vec![
        ("empty.toml", String::new()),
        ("no-meta.toml", "[answers]\n".into()),
        ("half-meta.toml", "[meta]\nformat = 1\n".into()),
        (
            "choice-number.toml",
            text.clone() + "\n[answers.PAT-01]\nchoice = 3\nanswered_at = \"x\"\n",
        ),
        (
            "unknown-control.toml",
            text.clone() + "\n[answers.ZZZ-99]\nchoice = \"1\"\nanswered_at = \"x\"\n",
        ),
        (
            "unknown-choice.toml",
            text.clone() + "\n[answers.PAT-01]\nchoice = \"peut-etre\"\nanswered_at = \"x\"\n",
        ),
        (
            "other-profile.toml",
            text.replacen("profile = \"express\"", "profile = \"rapide\"", 1),
        ),
        (
            "answers-not-table.toml",
            format!("answers = 3\n{}", text.replacen("[answers]", "", 1)),
        ),
    ];
    for (name, contents) in &cases {
        let path = dir.path().join(name);
        std::fs::write(&path, contents).expect("write");
        let before = std::fs::read(&path).expect("read");
        let scored = run_command(posture().arg("score").arg(&path));
        assert_eq!(scored.code, Some(2), "{name}: {}", scored.stderr);
        let answered = answer(&path, "PAT-01", "1");
        assert_eq!(answered.code, Some(2), "{name}: {}", answered.stderr);
        assert_eq!(
            std::fs::read(&path).expect("read"),
            before,
            "{name} changed"
        );
    }
    std::fs::write(dir.path().join("binary.toml"), [0xff, 0xfe, 0x00, 0x80]).expect("write");
    run_command(posture().arg("score").arg(dir.path().join("binary.toml"))).invalid();
    run_command(posture().arg("score").arg(dir.path())).invalid();
    answer(&session, "", "1").invalid();
    run(["score"]).invalid();
    run(["answer"]).invalid();
    run(["catalog"]);
    run(["frobnicate"]).invalid();
}

// ---------------------------------------------------------------------------------------------
// report and compare

#[test]
fn report_writes_each_text_format_next_to_the_session_with_mode_0600() {
    let dir = tempdir();
    let session = new_session(dir.path(), "express");
    write_answers(&session, &[("PAT-01", "8-jours"), ("BAK-02", "unknown")]);
    let run = run([
        "report",
        session.to_str().expect("utf-8"),
        "--format",
        "md,json,csv,html",
    ]);
    run.success();
    for extension in ["md", "json", "csv", "html"] {
        let path = session.with_extension(extension);
        assert!(path.is_file(), "{extension} written");
        #[cfg(unix)]
        assert_eq!(mode(&path), 0o600, "{extension}");
    }
    let json: Value = serde_json::from_str(
        &std::fs::read_to_string(session.with_extension("json")).expect("json"),
    )
    .expect("valid JSON");
    assert_eq!(json["schema_version"], 1);
    assert_eq!(json["cover"]["organisation"], "CPTS du Val");
    assert!(
        json["to_check"]
            .as_array()
            .expect("to_check")
            .iter()
            .any(|r| r["control"] == "BAK-02")
    );
    let markdown = run_command(posture().args([
        "--lang",
        "en",
        "report",
        session.to_str().expect("utf-8"),
        "--format",
        "md",
        "-o",
        "-",
    ]));
    assert!(
        markdown
            .stdout
            .starts_with("# Security audit — CPTS du Val"),
        "{}",
        markdown.stdout
    );
}

#[test]
fn compare_reads_a_previous_session_made_with_another_catalog_version() {
    let dir = tempdir();
    let old = new_session(dir.path(), "express");
    write_answers(
        &old,
        &[
            ("PAT-01", "plusieurs-mois"),
            ("NET-01", "entrant-sortant-filtre"),
            ("OLD-99", "x"),
        ],
    );
    // Six months ago the catalog had another version: the answers it still knows are compared.
    let text = std::fs::read_to_string(&old).expect("old");
    let version = export()["version"].as_str().expect("version");
    std::fs::write(&old, text.replace(version, "2026.05")).expect("write");
    let new = dir.path().join("new.toml");
    std::fs::copy(new_session(dir.path(), "complet"), &new).expect("copy");
    let new_text = std::fs::read_to_string(&new)
        .expect("new")
        .replace("\"complet\"", "\"express\"");
    std::fs::write(&new, new_text).expect("write");
    write_answers(&new, &[("PAT-01", "8-jours")]);
    let run = run([
        "--lang",
        "en",
        "compare",
        old.to_str().expect("utf-8"),
        new.to_str().expect("utf-8"),
        "--format",
        "json",
    ])
    .success();
    assert!(run.stderr.contains("2026.05"), "{}", run.stderr);
    assert!(run.stderr.contains("OLD-99"), "{}", run.stderr);
    let comparison: Value = serde_json::from_str(&run.stdout).expect("JSON");
    let improved: Vec<&str> = comparison["improved"]
        .as_array()
        .expect("improved")
        .iter()
        .map(|c| c["control"].as_str().expect("control"))
        .collect();
    assert_eq!(improved, vec!["PAT-01"]);
    let regressed: Vec<&str> = comparison["regressed"]
        .as_array()
        .expect("regressed")
        .iter()
        .map(|c| c["control"].as_str().expect("control"))
        .collect();
    assert_eq!(regressed, vec!["NET-01"], "{}", run.stdout);
    let text = run_command(posture().args([
        "compare",
        old.to_str().expect("utf-8"),
        new.to_str().expect("utf-8"),
    ]));
    assert!(
        text.stdout.contains("Contrôles en progrès (1)"),
        "{}",
        text.stdout
    );
}
