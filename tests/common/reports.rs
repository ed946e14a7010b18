//! What the report and compare modules share: `posture ARGS…` run with no locale, express sessions
//! answered with `posture answer`, and their creation date moved.

use std::path::{Path, PathBuf};

use super::{Run, run_command};

/// `posture ARGS…` with no locale (so: French unless `--lang en`).
pub fn posture<I, S>(args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    run_command(super::posture().args(args))
}

pub fn s(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 path")
}

/// A new express session of `organisation` at `path`, with two answers given by `posture answer`.
pub fn session(path: &Path, organisation: &str) -> PathBuf {
    posture([
        "session",
        "new",
        "--profile",
        "express",
        "--org",
        organisation,
        "-o",
        s(path),
    ])
    .expect_code(0);
    posture(["answer", s(path), "PAT-01", "8-jours"]).expect_code(0);
    posture(["answer", s(path), "BAK-02", "unknown"]).expect_code(0);
    path.to_owned()
}

/// Moves the session's creation date (and so its assessment date).
pub fn created(path: &Path, when: &str) {
    let text = std::fs::read_to_string(path).expect("the session");
    let line = text
        .lines()
        .find(|line| line.starts_with("created = "))
        .expect("a created line")
        .to_owned();
    std::fs::write(path, text.replace(&line, &format!("created = \"{when}\""))).expect("write");
}
