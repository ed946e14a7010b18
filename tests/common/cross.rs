//! Release builds for other targets (Windows through MinGW, static Linux through musl), made from
//! inside the test binary: the end-to-end tests of `posture-agent.exe` and of the static agent run
//! what a user would carry on a USB key, not the debug build of the host.
//!
//! Each (target, package, binary) is built once per test process: later calls wait for the first
//! build and return its path at once. The build runs with the same `cargo` that runs the tests
//! (`$CARGO`), in the workspace's own target directory.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex, OnceLock};

/// The Windows target, linked by MinGW (`.cargo/config.toml` names the linker).
pub const WINDOWS: &str = "x86_64-pc-windows-gnu";
/// The static Linux target.
pub const MUSL: &str = "x86_64-unknown-linux-musl";

/// The built binaries, one slot per (target, package, binary); a slot's lock is held while it builds.
type Slot = Arc<OnceLock<PathBuf>>;
/// (target, package, binary).
type Build = (String, String, String);
static BUILDS: OnceLock<Mutex<HashMap<Build, Slot>>> = OnceLock::new();
/// One cargo build at a time from this process (they share the target directory's lock anyway).
static CARGO: Mutex<()> = Mutex::new(());

/// Builds `cargo build --release --target TARGET -p PACKAGE --bin BIN` once per test process
/// (later calls return at once) and returns the binary's path
/// (target/TARGET/release/BIN[.exe]). Panics with cargo's output if the build fails.
pub fn release_binary(target: &str, package: &str, bin: &str) -> PathBuf {
    let slot = {
        let mut builds = BUILDS
            .get_or_init(|| Mutex::new(HashMap::new()))
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        builds
            .entry((target.to_owned(), package.to_owned(), bin.to_owned()))
            .or_default()
            .clone()
    };
    slot.get_or_init(|| build(target, package, bin)).clone()
}

/// The workspace's target directory (`$CARGO_TARGET_DIR` when set, as cargo does).
pub fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) if !dir.is_empty() => {
            let dir = PathBuf::from(dir);
            if dir.is_absolute() {
                dir
            } else {
                workspace_root().join(dir)
            }
        }
        _ => workspace_root().join("target"),
    }
}

fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn build(target: &str, package: &str, bin: &str) -> PathBuf {
    let _one_at_a_time = CARGO
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let output = Command::new(cargo)
        .current_dir(workspace_root())
        .args([
            "build",
            "--release",
            "--target",
            target,
            "-p",
            package,
            "--bin",
            bin,
        ])
        // The test process's own cargo variables describe the test crate, not this build.
        .env_remove("CARGO_PRIMARY_PACKAGE")
        .env_remove("CARGO_TARGET_TMPDIR")
        // As dist/build does: C build scripts rebuild when it changes.
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .unwrap_or_else(|error| panic!("cannot run cargo to build {bin} for {target}: {error}"));
    assert!(
        output.status.success(),
        "cargo build --release --target {target} -p {package} --bin {bin} failed ({}):\n{}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    let name = if target.contains("windows") {
        format!("{bin}.exe")
    } else {
        bin.to_owned()
    };
    let path = target_dir().join(target).join("release").join(name);
    assert!(
        Path::new(&path).is_file(),
        "cargo built {bin} for {target} but {} is not there",
        path.display()
    );
    path
}
