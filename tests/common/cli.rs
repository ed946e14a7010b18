//! The helpers that several command modules share: runs of the binary, the bundled catalog and
//! its export, sessions, places in a file, files' modes.
//!
//! Every run goes through [`run`] or [`run_command`], which fail the test if the binary panicked,
//! with no locale: the interface is French unless a test says otherwise. The export of the bundled
//! catalog is computed once for the whole test binary. Sessions made against the bundled catalog
//! are filled either with `posture answer` (when the answering is what the test is about) or by
//! writing the `[answers.*]` tables directly ([`write_answers`]), which is much faster.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde_json::Value;
use tempfile::TempDir;

use super::{Run, posture, run_command};

/// A fixed answer time for answers written directly into session files.
pub const ANSWERED_AT: &str = "2026-01-15T09:30:00Z";

/// Runs `posture ARGS…` with no locale.
pub fn run<I, S>(args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    run_command(posture().args(args))
}

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The bundled catalog directory, as shipped in the repository.
pub fn bundled_dir() -> PathBuf {
    root().join("questionnaire/catalog")
}

/// A small valid one-file catalog: domains `sauvegardes` (weight 3) and `reseau` (weight 1);
/// `BAK-01` (critical, weight 3, options non 0 / parfois 2 / teste 4, express and complet),
/// the context question `CTX-00` (oui / non) and `NET-01` (weight 2, na allowed, asked only when
/// `CTX-00` is `oui`; options aucun 0 / partiel 2 / complet 4).
pub fn mini_catalog() -> PathBuf {
    root().join("tests/data/mini-catalog.toml")
}

/// `posture catalog export --format json` of the bundled catalog, in French; computed once.
pub fn export() -> &'static Value {
    static EXPORT: OnceLock<Value> = OnceLock::new();
    EXPORT.get_or_init(|| {
        run(["catalog", "export", "--format", "json"])
            .success()
            .json()
    })
}

/// The controls of a catalog export.
pub fn controls(export: &Value) -> &Vec<Value> {
    export["controls"].as_array().expect("controls array")
}

/// The control `id` of an export.
pub fn control<'a>(export: &'a Value, id: &str) -> &'a Value {
    controls(export)
        .iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("no control {id} in the export"))
}

/// Whether a control is in a profile.
pub fn in_profile(control: &Value, profile: &str) -> bool {
    control["profiles"]
        .as_array()
        .expect("profiles array")
        .iter()
        .any(|p| p == profile)
}

/// The scored (non-context) controls of a profile, in catalog order.
pub fn scored<'a>(export: &'a Value, profile: &str) -> Vec<&'a Value> {
    controls(export)
        .iter()
        .filter(|c| c["context"] == false && in_profile(c, profile))
        .collect()
}

pub fn id(control: &Value) -> &str {
    control["id"].as_str().expect("control id")
}

pub fn num(value: &Value) -> u64 {
    value
        .as_u64()
        .unwrap_or_else(|| panic!("not an integer: {value}"))
}

/// Creates a session with `posture session new` against the bundled catalog.
pub fn new_session(dir: &Path, profile: &str) -> PathBuf {
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

/// `posture answer SESSION CONTROL CHOICE`.
pub fn answer(session: &Path, control: &str, choice: &str) -> Run {
    run_command(posture().arg("answer").arg(session).args([control, choice]))
}

/// `posture score SESSION --format json`, parsed.
pub fn score_json(session: &Path) -> Value {
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
pub fn write_answers(session: &Path, answers: &[(&str, &str)]) {
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

/// The session file parsed as TOML.
pub fn read_session(session: &Path) -> toml::Table {
    toml::from_str(&std::fs::read_to_string(session).expect("session file")).expect("TOML")
}

/// The ids listed in `score[key]` (`unknown`, `unanswered`).
pub fn id_set(score: &Value, key: &str) -> BTreeSet<String> {
    score[key]
        .as_array()
        .unwrap_or_else(|| panic!("{key} is not an array"))
        .iter()
        .map(|v| v.as_str().expect("id").to_owned())
        .collect()
}

/// The 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// The line and column of the `nth` (0-based) occurrence of `needle`.
pub fn place(text: &str, needle: &str, nth: usize) -> (usize, usize) {
    let (offset, _) = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle:?} occurs fewer than {} times", nth + 1));
    line_col(text, offset)
}

/// Whether a timestamp is RFC 3339 UTC to the second: `YYYY-MM-DDTHH:MM:SSZ`.
pub fn is_utc_timestamp(text: &str) -> bool {
    let shape = "dddd-dd-ddTdd:dd:ddZ";
    text.len() == shape.len()
        && text.chars().zip(shape.chars()).all(|(c, s)| match s {
            'd' => c.is_ascii_digit(),
            other => c == other,
        })
}

/// Copies a catalog directory.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read_dir") {
        let entry = entry.expect("entry");
        if entry.file_type().expect("file type").is_file() {
            std::fs::copy(entry.path(), to.join(entry.file_name())).expect("copy");
        }
    }
}

/// Creates a directory and returns its path.
pub fn mkdir(path: &Path) -> PathBuf {
    std::fs::create_dir_all(path).expect("mkdir");
    path.to_owned()
}

pub fn tempdir() -> TempDir {
    tempfile::tempdir().expect("tempdir")
}

#[cfg(unix)]
pub fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::metadata(path)
        .expect("metadata")
        .permissions()
        .mode()
        & 0o777
}
