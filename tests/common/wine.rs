//! Windows programs run under Wine, for the end-to-end tests of the `.exe` builds: a throwaway
//! `WINEPREFIX` per [`Wine`], registry values written with `wine reg add`, and runs whose output is
//! read from files.
//!
//! Wine's quirks this module absorbs, so that the tests need not:
//! - Wine 8 (Debian 12) has no `ProcessPrng` in `bcryptprimitives.dll`, which Rust's standard
//!   library imports at start: the program does not even load. For the tests only, a ten-line
//!   stand-in DLL (`ProcessPrng` calling `RtlGenRandom`) is built once with MinGW and copied next
//!   to the `.exe`, where Wine's loader finds it first. Nothing of it ships.
//! - Wine's background programs (wineserver, services.exe…) inherit the program's standard
//!   output: waiting for a pipe to close would wait for them. Output goes to files, read once the
//!   program itself has exited; the prefix's wineserver is stopped when the [`Wine`] is dropped.
//! - `winecfg -v win10` rewrites the version values in the registry: it runs at creation, so the
//!   tests' own version values, written afterwards, stay.
//! - Every Wine call is time-bound; `WINEDEBUG=-all`, no `DISPLAY` (no window may open), no Mono
//!   or Gecko installer prompts.
//! - A console of its own, as a double-click gives ([`Console`]): `wine` in a tmux pane, where
//!   Wine's console host drives the terminal. Wine leaves the terminal's ISIG on, so a Ctrl+C
//!   typed there is a CTRL_C_EVENT even in raw mode. Other console events are sent by a helper
//!   built with MinGW for the tests (`wine_console_event.c`); Wine 8 delivers CTRL_C_EVENT only
//!   (not Ctrl+Break, nor the closed window's CTRL_CLOSE_EVENT).
//!
//! A fresh prefix costs seconds and about 700 MB of disk: tests that do not conflict share one.

use std::ffi::OsString;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use tempfile::TempDir;

/// How long one Wine call may take (wineboot of a fresh prefix included).
const WINE_TIMEOUT: Duration = Duration::from_secs(240);
/// The MinGW C compiler that builds the stand-in DLL.
const MINGW_GCC: &str = "x86_64-w64-mingw32-gcc";

/// Whether Wine (and MinGW) are here. Under CI=true a missing Wine fails the test instead.
pub fn available() -> bool {
    let wine = wine_binary().is_some() && on_path("wineserver").is_some();
    let mingw = on_path(MINGW_GCC).is_some();
    if wine && mingw {
        return true;
    }
    let ci = std::env::var("CI").is_ok_and(|value| value == "true" || value == "1");
    assert!(
        !ci,
        "CI=true but Wine ({wine}) or MinGW ({mingw}) is missing: .ci/run installs wine64 and \
         gcc-mingw-w64-x86-64"
    );
    eprintln!("skipped: Wine or MinGW ({MINGW_GCC}) is not installed");
    false
}

/// A throwaway WINEPREFIX (temp dir), `winecfg -v win10` done, wineboot done.
#[derive(Debug)]
pub struct Wine {
    dir: TempDir,
    prefix: PathBuf,
    runs: AtomicUsize,
}

/// What a Windows program run under Wine did.
#[derive(Debug)]
pub struct WineOutput {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl WineOutput {
    /// Both outputs, for a failed assertion's message.
    pub fn explain(&self) -> String {
        format!(
            "exit code {}\nstdout:\n{}\nstderr:\n{}",
            self.code, self.stdout, self.stderr
        )
    }
}

impl Wine {
    /// A fresh prefix: `wineboot -i`, then `winecfg -v win10`.
    pub fn new() -> Wine {
        let dir = tempfile::Builder::new()
            .prefix("posture-wine-")
            .tempdir()
            .expect("a temporary directory for the Wine prefix");
        let prefix = dir.path().join("prefix");
        std::fs::create_dir(&prefix).expect("the prefix directory");
        let wine = Wine {
            dir,
            prefix,
            runs: AtomicUsize::new(0),
        };
        wine.wine_ok(&["wineboot", "-i"]);
        wine.wine_ok(&["winecfg", "-v", "win10"]);
        wine
    }

    /// The WINEPREFIX directory (`drive_c` is inside).
    pub fn prefix(&self) -> &Path {
        &self.prefix
    }

    /// `C:\` of the prefix, as a Linux path.
    pub fn drive_c(&self) -> PathBuf {
        self.prefix.join("drive_c")
    }

    /// `wine reg add KEY /v NAME /t TYPE /d DATA /f` (REG_BINARY: hex bytes in order).
    pub fn reg_add(&self, key: &str, name: &str, kind: &str, data: &str) {
        self.wine_ok(&["reg", "add", key, "/v", name, "/t", kind, "/d", data, "/f"]);
    }

    /// `wine reg add KEY /f`: creates a key with no value (a subkey's presence is a fact too).
    pub fn reg_add_key(&self, key: &str) {
        self.wine_ok(&["reg", "add", key, "/f"]);
    }

    /// Copies `exe` into a fresh directory of the prefix, with the ProcessPrng stand-in DLL beside
    /// it when this Wine lacks the function, and returns the copy's path. [`Wine::run`] does it
    /// for any `exe` that has no stand-in beside it yet; call it directly to know where the
    /// program lives (a double-clicked program writes next to itself).
    pub fn install(&self, exe: &Path) -> PathBuf {
        let n = self.runs.fetch_add(1, Ordering::Relaxed);
        let dir = self.drive_c().join(format!("posture-test-{n}"));
        std::fs::create_dir_all(&dir).expect("a directory in the prefix");
        let name = exe.file_name().expect("the program's file name");
        let copy = dir.join(name);
        std::fs::copy(exe, &copy)
            .unwrap_or_else(|error| panic!("cannot copy {}: {error}", exe.display()));
        if self.lacks_process_prng() {
            std::fs::copy(stand_in_dll(), dir.join("bcryptprimitives.dll"))
                .expect("copy of the stand-in DLL");
        }
        copy
    }

    /// Runs `exe` (copied with the ProcessPrng stand-in DLL beside it when needed) with args, in
    /// `cwd`, with the given extra env; stdout/stderr read from files (Wine's background
    /// programs inherit pipes), returns (exit code, stdout, stderr).
    pub fn run(&self, exe: &Path, args: &[&str], cwd: &Path, env: &[(&str, &str)]) -> WineOutput {
        let ready = !self.lacks_process_prng()
            || exe
                .parent()
                .is_some_and(|dir| dir.join("bcryptprimitives.dll").is_file());
        let exe = if ready {
            exe.to_path_buf()
        } else {
            self.install(exe)
        };
        let mut args_os: Vec<OsString> = vec![exe.clone().into_os_string()];
        args_os.extend(args.iter().map(OsString::from));
        let mut command = self.command(&args_os);
        command.current_dir(cwd);
        for (name, value) in env {
            command.env(name, value);
        }
        let (status, stdout, stderr) = self.run_to_files(command, &exe.display().to_string());
        WineOutput {
            // A Windows exit code is a u32; keep its bits.
            code: status.code().unwrap_or(-1),
            stdout,
            stderr,
        }
    }

    /// Whether this Wine's `bcryptprimitives.dll` lacks `ProcessPrng` (Wine 8 has no such DLL).
    fn lacks_process_prng(&self) -> bool {
        static LACKS: OnceLock<bool> = OnceLock::new();
        *LACKS.get_or_init(|| {
            let dll = self.drive_c().join("windows/system32/bcryptprimitives.dll");
            match std::fs::read(dll) {
                Ok(bytes) => !bytes.windows(11).any(|w| w == b"ProcessPrng"),
                Err(_) => true,
            }
        })
    }

    /// `wine ARGS…` must succeed (exit code 0).
    fn wine_ok(&self, args: &[&str]) {
        let args_os: Vec<OsString> = args.iter().map(OsString::from).collect();
        let command = self.command(&args_os);
        let what = args.join(" ");
        let (status, stdout, stderr) = self.run_to_files(command, &what);
        assert!(
            status.success(),
            "wine {what} failed ({status}):\n{stdout}\n{stderr}"
        );
    }

    /// `wine ARGS…` with this prefix and a quiet, windowless environment.
    fn command(&self, args: &[OsString]) -> Command {
        let mut command = Command::new(wine_binary().expect("wine is installed"));
        command.args(args);
        self.environment(&mut command);
        command
    }

    fn environment(&self, command: &mut Command) {
        command
            .env("WINEPREFIX", &self.prefix)
            .env("WINEDEBUG", "-all")
            // No Mono or Gecko installer prompt at wineboot.
            .env("WINEDLLOVERRIDES", "mscoree,mshtml=")
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY");
        for var in super::LOCALE_VARS {
            command.env_remove(var);
        }
    }

    /// Runs a command with its output in files, bounded in time; returns (status, stdout, stderr).
    fn run_to_files(&self, mut command: Command, what: &str) -> (ExitStatus, String, String) {
        let n = self.runs.fetch_add(1, Ordering::Relaxed);
        let out_path = self.dir.path().join(format!("out-{n}.txt"));
        let err_path = self.dir.path().join(format!("err-{n}.txt"));
        let out = File::create(&out_path).expect("stdout file");
        let err = File::create(&err_path).expect("stderr file");
        command
            .stdin(Stdio::null())
            .stdout(Stdio::from(out))
            .stderr(Stdio::from(err));
        let status = wait_bounded(&mut command, what);
        let read = |path: &Path| {
            String::from_utf8_lossy(&std::fs::read(path).unwrap_or_default()).into_owned()
        };
        (status, read(&out_path), read(&err_path))
    }
}

impl Drop for Wine {
    fn drop(&mut self) {
        // Stop this prefix's wineserver (and its background programs) before its files go.
        if let Some(wineserver) = on_path("wineserver") {
            let mut command = Command::new(wineserver);
            command
                .arg("-k")
                .stdout(Stdio::null())
                .stderr(Stdio::null());
            self.environment(&mut command);
            if let Ok(mut child) = command.spawn() {
                let start = Instant::now();
                while start.elapsed() < Duration::from_secs(20) {
                    if let Ok(Some(_)) = child.try_wait() {
                        break;
                    }
                    std::thread::sleep(Duration::from_millis(50));
                }
                let _ = child.kill();
                let _ = child.wait();
            }
        }
    }
}

/// Spawns and waits at most [`WINE_TIMEOUT`]; kills and panics past it.
fn wait_bounded(command: &mut Command, what: &str) -> ExitStatus {
    let mut child = command
        .spawn()
        .unwrap_or_else(|error| panic!("cannot start wine {what}: {error}"));
    let start = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return status,
            Ok(None) if start.elapsed() > WINE_TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                panic!("wine {what} took more than {WINE_TIMEOUT:?}: killed");
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(error) => panic!("waiting for wine {what}: {error}"),
        }
    }
}

/// The 64-bit Wine loader: `wine64` where it is a command or in Debian's /usr/lib/wine (the `wine`
/// wrapper nags about a missing wine32 on standard error), else `wine`.
fn wine_binary() -> Option<PathBuf> {
    on_path("wine64")
        .or_else(|| {
            let debian = PathBuf::from("/usr/lib/wine/wine64");
            debian.is_file().then_some(debian)
        })
        .or_else(|| on_path("wine"))
}

fn on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|candidate| candidate.is_file())
}

/// The C source of the stand-in: Rust's std asks `ProcessPrng` for random bytes (HashMap keys).
const STAND_IN_C: &str = r#"#include <windows.h>
#include <ntsecapi.h>
BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
    while (len > 0) {
        ULONG chunk = len > 0x10000000 ? 0x10000000 : (ULONG)len;
        if (!RtlGenRandom(data, chunk)) return FALSE;
        data += chunk; len -= chunk;
    }
    return TRUE;
}
"#;
const STAND_IN_DEF: &str = "LIBRARY bcryptprimitives\nEXPORTS\n    ProcessPrng\n";

/// The stand-in `bcryptprimitives.dll`, built once per test process with MinGW (tests only).
fn stand_in_dll() -> PathBuf {
    static DLL: OnceLock<PathBuf> = OnceLock::new();
    DLL.get_or_init(|| {
        let dir = super::cross::target_dir()
            .join("wine-stand-in")
            .join(std::process::id().to_string());
        std::fs::create_dir_all(&dir).expect("the stand-in's directory");
        let c = dir.join("prng.c");
        let def = dir.join("prng.def");
        let dll = dir.join("bcryptprimitives.dll");
        std::fs::write(&c, STAND_IN_C).expect("the stand-in's source");
        std::fs::write(&def, STAND_IN_DEF).expect("the stand-in's exports");
        let mut command = Command::new(MINGW_GCC);
        command
            .args(["-shared", "-O2", "-o"])
            .arg(&dll)
            .arg(&c)
            .arg(&def)
            .arg("-ladvapi32")
            .stdin(Stdio::null());
        let output = command
            .output()
            .unwrap_or_else(|error| panic!("cannot run {MINGW_GCC}: {error}"));
        assert!(
            output.status.success(),
            "{MINGW_GCC} could not build the ProcessPrng stand-in:\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
        // Moved to a stable place so that the per-process directory can go.
        let stable = super::cross::target_dir()
            .join("wine-stand-in")
            .join("bcryptprimitives.dll");
        if std::fs::rename(&dll, &stable).is_ok() {
            let _ = std::fs::remove_dir_all(&dir);
            stable
        } else {
            dll
        }
    })
    .clone()
}

// ---- A console of its own: a double-click's window, and the console events sent to it ----

/// How long a [`Console`] waits, at most, for what a test expects.
const CONSOLE_TIMEOUT: Duration = Duration::from_secs(120);

/// A console control event, as `GenerateConsoleCtrlEvent` numbers them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CtrlEvent {
    CtrlC = 0,
    CtrlBreak = 1,
}

impl Wine {
    /// Copies `exe` into `C:\<folder>` (a relative path, spaces welcome: a USB key's folder),
    /// with the ProcessPrng stand-in beside it when this Wine needs one, and returns the copy.
    pub fn install_in(&self, exe: &Path, folder: &str) -> PathBuf {
        let dir = self.drive_c().join(folder);
        std::fs::create_dir_all(&dir).expect("a folder in the prefix");
        let copy = dir.join(exe.file_name().expect("the program's file name"));
        std::fs::copy(exe, &copy)
            .unwrap_or_else(|error| panic!("cannot copy {}: {error}", exe.display()));
        if self.lacks_process_prng() {
            std::fs::copy(stand_in_dll(), dir.join("bcryptprimitives.dll"))
                .expect("copy of the stand-in DLL");
        }
        copy
    }

    /// Starts `exe ARGS…` (installed, see [`Wine::install`]) in a console of its own, as a
    /// double-click gives: `wine` run in a tmux pane, where Wine's console host drives the Unix
    /// terminal and `GetConsoleProcessList` counts the program alone (under `wine cmd /c` it
    /// counts three). `env` adds to the quiet environment of [`Wine::run`]; a locale that this
    /// machine lacks (`fr_FR.UTF-8`) still chooses Windows' language, and `LC_CTYPE=C.UTF-8`
    /// keeps the console in UTF-8.
    pub fn console(&self, exe: &Path, args: &[&str], cwd: &Path, env: &[(&str, &str)]) -> Console {
        Console::start(self, exe, args, cwd, env)
    }

    /// Sends `event` to the running program named `program` (`posture.exe`) through a helper
    /// built with MinGW for the tests (`tests/common/wine_console_event.c`): it attaches to the
    /// program's console and calls `GenerateConsoleCtrlEvent`. Its exit code says what Wine
    /// answered: 0 sent, 3 refused (the output gives `GetLastError`).
    pub fn console_event(&self, program: &str, event: CtrlEvent) -> WineOutput {
        let helper = console_event_exe();
        let args: Vec<OsString> = vec![
            helper.into_os_string(),
            program.into(),
            (event as u32).to_string().into(),
        ];
        let command = self.command(&args);
        let (status, stdout, stderr) = self.run_to_files(command, "wine-console-event.exe");
        WineOutput {
            code: status.code().unwrap_or(-1),
            stdout,
            stderr,
        }
    }
}

/// A Windows program in a console of its own (a tmux pane on a private tmux server), with its
/// exit code kept in a file; the tmux server, and the program if it still runs, go when dropped.
#[derive(Debug)]
pub struct Console {
    socket: String,
    status: PathBuf,
    _dir: TempDir,
}

impl Console {
    fn start(wine: &Wine, exe: &Path, args: &[&str], cwd: &Path, env: &[(&str, &str)]) -> Console {
        static SERVERS: AtomicUsize = AtomicUsize::new(0);
        let dir = tempfile::Builder::new()
            .prefix("posture-wine-console-")
            .tempdir()
            .expect("a temporary directory");
        let console = Console {
            socket: format!(
                "posture-wine-console-{}-{}",
                std::process::id(),
                SERVERS.fetch_add(1, Ordering::Relaxed)
            ),
            status: dir.path().join("status"),
            _dir: dir,
        };
        // The pane runs `sh`, which runs wine and writes its exit code, then the pane closes.
        // Wine's console leaves the terminal's ISIG on: a Ctrl+C typed is a SIGINT to the pane's
        // processes, which Wine turns into a CTRL_C_EVENT for the program; `sh` traps it so as
        // to outlive it (the program gets the default action back, which Wine replaces).
        let mut command = console.tmux_command();
        command.args([
            "new-session",
            "-d",
            "-s",
            "console",
            "-x",
            "120",
            "-y",
            "30",
            "-c",
        ]);
        command.arg(cwd);
        command.args([
            "--",
            "sh",
            "-c",
            "trap : INT; \"$@\"; echo $? > \"$0.tmp\" && mv \"$0.tmp\" \"$0\"",
        ]);
        command.arg(&console.status);
        command.arg(wine_binary().expect("wine is installed"));
        command.arg(exe);
        command.args(args);
        // The server started by this command gives its environment to the pane.
        wine.environment(&mut command);
        for (name, value) in env {
            command.env(name, value);
        }
        let output = command.output().expect("tmux runs");
        assert!(
            output.status.success(),
            "tmux new-session: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        console
    }

    /// `tmux -L <socket>`, with no user configuration.
    fn tmux_command(&self) -> Command {
        let mut command = Command::new("tmux");
        command
            .args(["-u", "-f", "/dev/null", "-L", &self.socket])
            .env_remove("TMUX")
            .stdin(Stdio::null());
        command
    }

    /// The console's text, wrapped lines joined (Wine's console wraps where it likes).
    pub fn screen(&self) -> String {
        let output = self
            .tmux_command()
            .args(["capture-pane", "-p", "-J", "-t", "console"])
            .output()
            .expect("tmux runs");
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    /// Types keys, in tmux's names (`Enter`, `C-c`, `1`…).
    pub fn keys(&self, keys: &[&str]) {
        let output = self
            .tmux_command()
            .args(["send-keys", "-t", "console"])
            .args(keys)
            .output()
            .expect("tmux runs");
        assert!(
            output.status.success(),
            "tmux send-keys {keys:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }

    /// Types `text` as it is (no key names).
    pub fn type_text(&self, text: &str) {
        let output = self
            .tmux_command()
            .args(["send-keys", "-t", "console", "-l", text])
            .output()
            .expect("tmux runs");
        assert!(output.status.success(), "tmux send-keys -l {text:?}");
    }

    /// Whether the pane is still there (the program, or its wrapper, still runs).
    pub fn is_open(&self) -> bool {
        self.tmux_command()
            .args(["has-session", "-t", "console"])
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|status| status.success())
    }

    /// The program's exit code, once it has exited (not waiting).
    pub fn exit_code(&self) -> Option<i32> {
        std::fs::read_to_string(&self.status)
            .ok()
            .and_then(|text| text.trim().parse().ok())
    }

    /// Waits until `done` holds for the screen (at most two minutes: Wine starts slowly) and
    /// returns that screen; the failure's message shows the last screen.
    pub fn wait_screen(&self, what: &str, done: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if done(&screen) {
                return screen;
            }
            assert!(
                start.elapsed() < CONSOLE_TIMEOUT,
                "{what}: not within {CONSOLE_TIMEOUT:?}; exit code {:?}; the screen:\n{screen}",
                self.exit_code()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Waits for the program to exit and its pane to close; returns its exit code.
    pub fn wait_exit(&self, what: &str) -> i32 {
        let start = Instant::now();
        let mut last = String::new();
        loop {
            if let Some(code) = self.exit_code() {
                while self.is_open() && start.elapsed() < CONSOLE_TIMEOUT {
                    std::thread::sleep(Duration::from_millis(50));
                }
                assert!(!self.is_open(), "{what}: the console stayed open");
                return code;
            }
            if self.is_open() {
                last = self.screen();
            }
            assert!(
                start.elapsed() < CONSOLE_TIMEOUT,
                "{what}: the program did not exit within {CONSOLE_TIMEOUT:?}; the screen:\n{last}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Console {
    fn drop(&mut self) {
        let _ = self
            .tmux_command()
            .arg("kill-server")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
}

/// `wine-console-event.exe`, built once per test process with MinGW (tests only).
fn console_event_exe() -> PathBuf {
    static EXE: OnceLock<PathBuf> = OnceLock::new();
    EXE.get_or_init(|| {
        let dir = super::cross::target_dir()
            .join("wine-helpers")
            .join(std::process::id().to_string());
        std::fs::create_dir_all(&dir).expect("the helpers' directory");
        let exe = dir.join("wine-console-event.exe");
        let source =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/common/wine_console_event.c");
        let output = Command::new(MINGW_GCC)
            .args(["-O2", "-o"])
            .arg(&exe)
            .arg(&source)
            .stdin(Stdio::null())
            .output()
            .unwrap_or_else(|error| panic!("cannot run {MINGW_GCC}: {error}"));
        assert!(
            output.status.success(),
            "{MINGW_GCC} could not build {}:\n{}",
            source.display(),
            String::from_utf8_lossy(&output.stderr)
        );
        // Moved to a stable place so that the per-process directory can go.
        let stable = super::cross::target_dir()
            .join("wine-helpers")
            .join("wine-console-event.exe");
        if std::fs::rename(&exe, &stable).is_ok() {
            let _ = std::fs::remove_dir_all(&dir);
            stable
        } else {
            exe
        }
    })
    .clone()
}
