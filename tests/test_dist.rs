//! `dist/build`, the script that makes the archives users download: run into a temporary
//! directory, it gives a Linux `.tar.gz` (static `posture` and `posture-agent`) and a Windows
//! `.zip` (`posture.exe`, `posture-agent.exe`), each with the README, both licences and a
//! `SHA256SUMS` that matches the files, and a `SHA256SUMS` of the archives themselves; the Linux
//! archive's `posture --version` runs here, the Windows one's under Wine.
//!
//! The script builds with the same commands as `common::cross`, so in one test run the binaries
//! are compiled once: the first of this test and the Wine tests to ask builds them.
#![cfg(unix)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::{cross, wine};

/// What every archive holds besides the binaries.
const DOCUMENTS: [&str; 4] = ["README.md", "LICENSE-MIT", "LICENSE-APACHE", "SHA256SUMS"];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}

/// `sha256sum` lines: file name → hex digest.
fn sums(text: &str) -> BTreeMap<String, String> {
    text.lines()
        .filter(|line| !line.is_empty())
        .map(|line| {
            let (digest, name) = line.split_once("  ").expect("`DIGEST  NAME` lines");
            (name.to_owned(), digest.to_owned())
        })
        .collect()
}

/// The file's SHA-256, as `sha256sum` prints it.
fn sha256(path: &Path) -> String {
    let printed = run_ok(Command::new("sha256sum").arg(path));
    printed
        .split_whitespace()
        .next()
        .expect("a digest")
        .to_owned()
}

/// Checks an unpacked archive's directory: the files, and its SHA256SUMS against them.
fn check_unpacked(dir: &Path, binaries: &[&str]) {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("the unpacked directory")
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    let mut expected: Vec<String> = binaries
        .iter()
        .chain(DOCUMENTS.iter())
        .map(|name| (*name).to_owned())
        .collect();
    expected.sort();
    assert_eq!(names, expected, "{}", dir.display());
    let listed = sums(&std::fs::read_to_string(dir.join("SHA256SUMS")).expect("SHA256SUMS"));
    assert_eq!(
        listed.len(),
        expected.len() - 1,
        "SHA256SUMS lists every file but itself: {listed:?}"
    );
    for (name, digest) in &listed {
        assert_eq!(&sha256(&dir.join(name)), digest, "{name}");
    }
    assert_eq!(
        std::fs::read(dir.join("LICENSE-MIT")).expect("licence"),
        std::fs::read(root().join("LICENSE-MIT")).expect("licence")
    );
}

fn run_ok(command: &mut Command) -> String {
    let output = command.output().expect("the command runs");
    assert!(
        output.status.success(),
        "{command:?} failed ({}):\n{}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn dist_build_makes_the_archives_users_download() {
    // Without Wine and MinGW (outside CI) the Windows half cannot be built or run.
    if !wine::available() {
        return;
    }
    let out = tempfile::tempdir().expect("temporary directory");
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    run_ok(
        Command::new(root().join("dist/build"))
            .arg(out.path())
            .env("CARGO", &cargo)
            .env_remove("CARGO_PRIMARY_PACKAGE")
            .env_remove("CARGO_TARGET_TMPDIR"),
    );
    let linux = format!("posture-{}-x86_64-linux", version());
    let windows = format!("posture-{}-x86_64-windows", version());
    let tarball = out.path().join(format!("{linux}.tar.gz"));
    let zip = out.path().join(format!("{windows}.zip"));

    // The sums of the archives, as a user checks them after downloading.
    let listed = sums(&std::fs::read_to_string(out.path().join("SHA256SUMS")).expect("sums"));
    assert_eq!(listed.len(), 2, "{listed:?}");
    assert_eq!(listed[&format!("{linux}.tar.gz")], sha256(&tarball));
    assert_eq!(listed[&format!("{windows}.zip")], sha256(&zip));
    run_ok(
        Command::new("sha256sum")
            .args(["--check", "--strict", "SHA256SUMS"])
            .current_dir(out.path()),
    );

    let unpacked = tempfile::tempdir().expect("temporary directory");
    run_ok(
        Command::new("tar")
            .arg("-xzf")
            .arg(&tarball)
            .arg("-C")
            .arg(unpacked.path()),
    );
    let linux_dir = unpacked.path().join(&linux);
    check_unpacked(&linux_dir, &["posture", "posture-agent"]);
    // The release builds the other tests run, stripped of their symbols.
    let built = cross::release_binary(cross::MUSL, "posture", "posture");
    let size = |path: &Path| std::fs::metadata(path).expect("binary").len();
    assert!(size(&linux_dir.join("posture")) < size(&built));
    run_ok(
        Command::new("unzip")
            .arg("-q")
            .arg(&zip)
            .arg("-d")
            .arg(unpacked.path()),
    );
    let windows_dir = unpacked.path().join(&windows);
    check_unpacked(&windows_dir, &["posture.exe", "posture-agent.exe"]);

    // The Linux binaries are static and start anywhere.
    let file = run_ok(Command::new("file").arg(linux_dir.join("posture")));
    assert!(
        file.contains("statically linked") || file.contains("static-pie"),
        "{file}"
    );
    let printed = run_ok(Command::new(linux_dir.join("posture")).arg("--version"));
    assert!(printed.contains(version()), "{printed}");

    // And the Windows one under Wine.
    let wine = wine::Wine::new();
    let exe = wine.install(&windows_dir.join("posture.exe"));
    let dir = exe.parent().expect("the program's folder").to_owned();
    let output = wine.run(&exe, &["--version"], &dir, &[]);
    assert_eq!(output.code, 0, "{}", output.explain());
    assert!(output.stdout.contains(version()), "{}", output.explain());
}
