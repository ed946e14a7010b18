//! Access to the machine read: files (under `--root` when given), directory listings, globs and
//! read-only commands with a time limit. Every read is capped and never panics.

use std::ffi::{OsStr, OsString};
use std::fs;
use std::io::{self, Read as _};
use std::path::{Component, Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant, SystemTime};

use chrono::{DateTime, Local};
use i18n::{Lang, Message};
use scoring::facts::Fact;

use super::unknown_said;

/// Largest file read (logs); anything past it is ignored.
const MAX_FILE: u64 = 32 * 1024 * 1024;
/// Largest decompressed `.gz` log read.
const MAX_GZ: u64 = 64 * 1024 * 1024;
/// Most symbolic links followed to resolve one path under `--root` (the kernel's limit).
const MAX_LINKS: usize = 40;
/// Largest command output kept.
const MAX_OUTPUT: u64 = 8 * 1024 * 1024;
/// Where commands are looked for (a fixed list: `PATH` is not trusted).
const BIN_DIRS: &[&str] = &[
    "/usr/local/sbin",
    "/usr/local/bin",
    "/usr/sbin",
    "/usr/bin",
    "/sbin",
    "/bin",
];

/// Why a file could not be read.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum ReadError {
    /// It does not exist.
    Missing,
    /// Permission denied (root needed).
    Denied,
    /// Anything else (a directory, a loop of links, an I/O error…), said when shown.
    Other(Message),
}

/// A loop of symbolic links under `--root` (more than [`MAX_LINKS`]).
#[derive(Debug)]
struct LinkLoop;

impl std::fmt::Display for LinkLoop {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("too many levels of symbolic links")
    }
}

impl std::error::Error for LinkLoop {}

impl From<io::Error> for ReadError {
    fn from(error: io::Error) -> Self {
        match error.kind() {
            io::ErrorKind::NotFound => ReadError::Missing,
            io::ErrorKind::PermissionDenied => ReadError::Denied,
            _ if error
                .get_ref()
                .is_some_and(|inner| inner.downcast_ref::<LinkLoop>().is_some()) =>
            {
                ReadError::Other(i18n::message!("collect-io-link-loop"))
            }
            _ => ReadError::Other(io_message(&error)),
        }
    }
}

/// Why an I/O operation failed, as a message: the error kinds posture words itself, else the
/// operating system's own text (`i18n::io_message`, the words every part uses).
pub(crate) fn io_message(error: &io::Error) -> Message {
    i18n::io_message(error)
}

impl ReadError {
    /// Why `path` could not be read: `/etc/shadow : accès refusé (lancez posture en root pour
    /// ce constat)`.
    pub fn reason(&self, path: &str) -> Message {
        match self {
            ReadError::Missing => i18n::message!("collect-read-missing", path = path),
            ReadError::Denied => i18n::message!("collect-read-denied", path = path),
            ReadError::Other(why) => {
                i18n::message!("collect-read-other", path = path, why = why)
            }
        }
    }
}

/// Why a command gave nothing.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum CmdError {
    /// `--root`: no command is run.
    Offline,
    /// Not installed.
    Missing,
    /// It could not be started, or was stopped by the time limit (why, said when shown).
    Failed(Message),
}

impl CmdError {
    /// Why `program` gave nothing.
    pub fn reason(&self, program: &str) -> Message {
        match self {
            CmdError::Offline => i18n::message!("collect-cmd-offline", program = program),
            CmdError::Missing => i18n::message!("collect-cmd-missing", program = program),
            CmdError::Failed(why) => {
                i18n::message!("collect-cmd-failed", program = program, why = why)
            }
        }
    }
}

/// What a command printed.
#[derive(Debug, Clone)]
pub(crate) struct CmdOutput {
    /// Exit code (`None` when killed by a signal).
    pub code: Option<i32>,
    /// Standard output (lossy UTF-8).
    pub stdout: String,
    /// Standard error (lossy UTF-8).
    pub stderr: String,
}

impl CmdOutput {
    /// Exit code 0.
    pub fn success(&self) -> bool {
        self.code == Some(0)
    }
}

/// The first line of a text, short.
fn first_line(text: &str) -> String {
    text.lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .chars()
        .take(160)
        .collect()
}

/// Why a command that ran gave nothing: its exit code and the first line of its standard
/// error, quoted as it printed it (`LC_ALL=C`: English).
pub(crate) fn command_failed(program: &str, output: &CmdOutput) -> Message {
    let code = output
        .code
        .map_or_else(|| "signal".to_owned(), |code| code.to_string());
    let said = first_line(&output.stderr);
    if said.is_empty() {
        i18n::message!("collect-cmd-exit", program = program, code = code)
    } else {
        i18n::message!(
            "collect-cmd-exit-said",
            program = program,
            code = code,
            said = said
        )
    }
}

/// An `unknown` fact for a command that gave nothing.
pub(crate) fn command_unknown(m: &Machine, key: &str, source: &str, error: &CmdError) -> Fact {
    let program = source.split_whitespace().next().unwrap_or(source);
    unknown_said(key, source, error.reason(program), m.lang)
}

/// The machine being read.
#[derive(Debug)]
pub(crate) struct Machine {
    root: Option<PathBuf>,
    /// Language of the details.
    pub lang: Lang,
    /// When the facts are read.
    pub now: DateTime<Local>,
    /// The process runs with effective uid 0.
    pub euid_root: bool,
    /// Why it looks like a container (a path), for details; `None` when it does not.
    pub container_hint: Option<String>,
    /// Files and directories that exist but could not be read, and why: the `unknown` facts
    /// that name them in their `source` give the reason (see [`Machine::read_failures`]).
    failures: Mutex<Vec<(String, ReadError)>>,
}

impl Machine {
    /// The machine under `root` (or `/`), read at `now`.
    pub fn new(root: Option<PathBuf>, lang: Lang, now: DateTime<Local>) -> Machine {
        let euid_root = effective_uid_is_root();
        let mut machine = Machine {
            root,
            lang,
            now,
            euid_root,
            container_hint: None,
            failures: Mutex::new(Vec::new()),
        };
        machine.container_hint = machine.detect_container();
        machine
    }

    /// Whether root-only commands may be run: euid 0 and no `--root`.
    pub fn privileged(&self) -> bool {
        self.euid_root && self.root.is_none()
    }

    /// Whether it looks like a container.
    pub fn container(&self) -> bool {
        self.container_hint.is_some()
    }

    /// Whether files are read under `--root` (then no command is run).
    pub fn fake(&self) -> bool {
        self.root.is_some()
    }

    /// Where a machine path really is, its symbolic links followed (the last one too).
    fn path(&self, path: &str) -> io::Result<PathBuf> {
        self.real(path, true)
    }

    /// Where a machine path really is. On the real machine, the path itself. Under `--root`,
    /// the path is resolved as in a chroot at `DIR`: every symbolic link met on the way
    /// (including the last component when `follow_last`) is read and followed *inside* `DIR` —
    /// an absolute target starts again from `DIR`, a relative one from the link's directory,
    /// and `..` never goes above `DIR`. The path returned holds no symbolic link below `DIR`
    /// (but the last component when `follow_last` is false), so the operating system never
    /// follows one out of it. A loop of links is an error, as for the kernel.
    fn real(&self, path: &str, follow_last: bool) -> io::Result<PathBuf> {
        let Some(root) = &self.root else {
            return Ok(PathBuf::from(path));
        };
        // Components still to walk, the next one last.
        let mut pending: Vec<OsString> = Vec::new();
        push_components(&mut pending, Path::new(path));
        let mut done: Vec<OsString> = Vec::new();
        let mut links = 0usize;
        while let Some(part) = pending.pop() {
            if part == ".." {
                done.pop();
                continue;
            }
            let mut candidate = root.clone();
            candidate.extend(&done);
            candidate.push(&part);
            let last = pending.is_empty();
            if (!last || follow_last)
                && let Ok(target) = fs::read_link(&candidate)
            {
                links += 1;
                if links > MAX_LINKS {
                    return Err(io::Error::other(LinkLoop));
                }
                if target.is_absolute() {
                    done.clear();
                }
                push_components(&mut pending, &target);
                continue;
            }
            done.push(part);
        }
        let mut real = root.clone();
        real.extend(&done);
        Ok(real)
    }

    /// Remembers a read that failed for another reason than a missing file.
    fn failed<T>(&self, path: &str, result: Result<T, ReadError>) -> Result<T, ReadError> {
        if let Err(error) = &result
            && *error != ReadError::Missing
            && let Ok(mut failures) = self.failures.lock()
            && !failures.iter().any(|(p, _)| p == path)
        {
            failures.push((path.to_owned(), error.clone()));
        }
        result
    }

    /// The files and directories under `prefix` (a machine path, or the path itself) that
    /// exist but could not be read, with the reason, in the order they were met.
    pub fn read_failures(&self, prefix: &str) -> Vec<(String, ReadError)> {
        let prefix = prefix.trim_end_matches('/');
        let Ok(failures) = self.failures.lock() else {
            return Vec::new();
        };
        failures
            .iter()
            .filter(|(path, _)| {
                !prefix.is_empty()
                    && (path == prefix
                        || path
                            .strip_prefix(prefix)
                            .is_some_and(|rest| rest.starts_with('/')))
            })
            .cloned()
            .collect()
    }

    /// A file's bytes, at most `max`.
    pub fn read_bytes(&self, path: &str, max: u64) -> Result<Vec<u8>, ReadError> {
        let result = self.read_bytes_unrecorded(path, max);
        self.failed(path, result)
    }

    fn read_bytes_unrecorded(&self, path: &str, max: u64) -> Result<Vec<u8>, ReadError> {
        let real = self.path(path)?;
        let file = fs::File::open(&real)?;
        if file.metadata().map(|m| m.is_dir()).unwrap_or(false) {
            return Err(ReadError::Other(i18n::io_message(&io::Error::from(
                io::ErrorKind::IsADirectory,
            ))));
        }
        let mut bytes = Vec::new();
        file.take(max).read_to_end(&mut bytes)?;
        Ok(bytes)
    }

    /// A text file (lossy UTF-8, capped).
    pub fn read(&self, path: &str) -> Result<String, ReadError> {
        self.read_bytes(path, MAX_FILE)
            .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
    }

    /// A text file that may be compressed (gzip `.gz`, LZ4 frame `.lz4`, recognised by their
    /// magic bytes): decompressed with a cap; a broken archive gives what could be read before
    /// the error.
    pub fn read_maybe_gz(&self, path: &str) -> Result<String, ReadError> {
        let bytes = self.read_bytes(path, MAX_FILE)?;
        let mut out = Vec::new();
        if bytes.starts_with(&[0x1f, 0x8b]) {
            let decoder = flate2::read::MultiGzDecoder::new(bytes.as_slice());
            let _ = decoder.take(MAX_GZ).read_to_end(&mut out);
        } else if bytes.starts_with(&[0x04, 0x22, 0x4d, 0x18]) {
            let decoder = lz4_flex::frame::FrameDecoder::new(bytes.as_slice());
            let _ = decoder.take(MAX_GZ).read_to_end(&mut out);
        } else {
            return Ok(String::from_utf8_lossy(&bytes).into_owned());
        }
        Ok(String::from_utf8_lossy(&out).into_owned())
    }

    /// Whether a path exists (a symbolic link counts, even broken: enabled units are links).
    pub fn exists(&self, path: &str) -> bool {
        self.real(path, false)
            .is_ok_and(|real| fs::symlink_metadata(real).is_ok())
    }

    /// Whether a path is a directory.
    pub fn is_dir(&self, path: &str) -> bool {
        self.path(path)
            .and_then(fs::metadata)
            .is_ok_and(|m| m.is_dir())
    }

    /// A file's modification time.
    pub fn modified(&self, path: &str) -> Option<SystemTime> {
        self.path(path).and_then(fs::metadata).ok()?.modified().ok()
    }

    /// The target of a symbolic link, as written in the link.
    pub fn read_link(&self, path: &str) -> Option<PathBuf> {
        self.real(path, false).and_then(fs::read_link).ok()
    }

    /// The names in a directory, sorted.
    pub fn list(&self, dir: &str) -> Result<Vec<String>, ReadError> {
        let listed = (|| -> Result<Vec<String>, ReadError> {
            let mut names: Vec<String> = fs::read_dir(self.path(dir)?)?
                .filter_map(Result::ok)
                .map(|entry| entry.file_name().to_string_lossy().into_owned())
                .collect();
            names.sort();
            Ok(names)
        })();
        // A file where a directory is looked for (globs try every name) is not worth saying;
        // a loop of links is.
        if matches!(listed, Err(ReadError::Other(_)))
            && self
                .path(dir)
                .and_then(fs::metadata)
                .is_ok_and(|m| !m.is_dir())
        {
            return listed;
        }
        self.failed(dir, listed)
    }

    /// Machine paths matching a glob pattern (absolute, as on the machine), sorted. Under
    /// `--root`, the pattern is matched one component at a time by listing directories through
    /// [`Machine::list`], so that symbolic links are followed inside `DIR` as everywhere else.
    pub fn glob(&self, pattern: &str) -> Vec<String> {
        if self.root.is_none() {
            let Ok(paths) = glob::glob(pattern) else {
                return Vec::new();
            };
            let mut found: Vec<String> = paths
                .filter_map(Result::ok)
                .map(|path| path.to_string_lossy().into_owned())
                .collect();
            found.sort();
            return found;
        }
        let normalized = normalize(pattern);
        // Machine paths matched so far ("" is `/`).
        let mut current = vec![String::new()];
        for part in normalized.split('/').filter(|p| !p.is_empty()) {
            let mut next = Vec::new();
            if part.contains(['*', '?', '[']) {
                let Ok(matcher) = glob::Pattern::new(part) else {
                    return Vec::new();
                };
                for dir in &current {
                    let listed = self.list(if dir.is_empty() { "/" } else { dir });
                    for name in listed.unwrap_or_default() {
                        if matcher.matches(&name) {
                            next.push(format!("{dir}/{name}"));
                        }
                    }
                }
            } else {
                next = current.iter().map(|dir| format!("{dir}/{part}")).collect();
            }
            current = next;
            if current.is_empty() {
                return current;
            }
        }
        let mut found: Vec<String> = current
            .into_iter()
            .map(|p| if p.is_empty() { "/".to_owned() } else { p })
            .filter(|p| self.exists(p))
            .collect();
        found.sort();
        found.dedup();
        found
    }

    /// Whether a systemd unit is enabled: a link in `/etc/systemd/system/*.wants/` (or the
    /// vendor's `/usr/lib/systemd/system/*.wants/` for units enabled by default). Returns the
    /// link found.
    pub fn unit_enabled(&self, unit: &str) -> Option<String> {
        [
            "/etc/systemd/system/*.wants/",
            "/usr/lib/systemd/system/*.wants/",
            "/lib/systemd/system/*.wants/",
        ]
        .iter()
        .find_map(|dir| self.glob(&format!("{dir}{unit}")).into_iter().next())
    }

    /// Whether systemd runs as init (`/run/systemd/system`): without it, enabled units start
    /// nothing. `None` under `--root` (a file tree says nothing about what runs).
    pub fn systemd_running(&self) -> Option<bool> {
        (!self.fake()).then(|| self.exists("/run/systemd/system"))
    }

    /// The running kernel's release, as `uname -r` gives it (none when empty or unreadable),
    /// and where it was read: `uname` on the real machine, `/proc/sys/kernel/osrelease` under
    /// `--root`.
    pub fn running_kernel(&self) -> (Option<String>, &'static str) {
        const OSRELEASE: &str = "/proc/sys/kernel/osrelease";
        let (kernel, source) = if self.fake() {
            (
                self.read(OSRELEASE).ok().map(|t| t.trim().to_owned()),
                OSRELEASE,
            )
        } else {
            (sysinfo::System::kernel_version(), "uname")
        };
        (kernel.filter(|k| !k.is_empty()), source)
    }

    /// Where an installed command is, to run it (on the real machine; `None` under `--root`).
    pub fn which(&self, program: &str) -> Option<PathBuf> {
        if self.fake() {
            return None;
        }
        self.has_program(program).map(PathBuf::from)
    }

    /// Where a program is installed in the usual directories, as a machine path (reads files:
    /// works under `--root` too).
    pub fn has_program(&self, program: &str) -> Option<String> {
        BIN_DIRS
            .iter()
            .map(|dir| format!("{dir}/{program}"))
            .find(|path| {
                self.path(path)
                    .and_then(fs::metadata)
                    .is_ok_and(|m| m.is_file())
            })
    }

    /// Runs a read-only command with a time limit (C locale, no standard input). Never under
    /// `--root`.
    pub fn run(
        &self,
        program: &str,
        args: &[&str],
        limit: Duration,
    ) -> Result<CmdOutput, CmdError> {
        if self.fake() {
            return Err(CmdError::Offline);
        }
        let Some(path) = self.which(program) else {
            return Err(CmdError::Missing);
        };
        run_with_limit(&path, args, limit)
    }

    /// The host name, never empty. In order: the kernel's name (`gethostname`, on the real
    /// machine only), `/etc/hostname`, `/proc/sys/kernel/hostname` (under `--root`, only when
    /// `DIR` has it), then `machine-` and the first 12 characters of `/etc/machine-id` (or
    /// `/var/lib/dbus/machine-id`), else [`UNNAMED_HOST`]. An empty, `(none)` or unprintable
    /// name does not count.
    pub fn host_name(&self) -> String {
        let from_file = |path: &str| {
            self.read_bytes(path, 4096)
                .ok()
                .and_then(|bytes| host_name_in(&String::from_utf8_lossy(&bytes)))
        };
        let kernel = if self.fake() {
            None
        } else {
            sysinfo::System::host_name().and_then(|name| host_name_in(&name))
        };
        kernel
            .or_else(|| from_file("/etc/hostname"))
            .or_else(|| from_file("/proc/sys/kernel/hostname"))
            .or_else(|| {
                ["/etc/machine-id", "/var/lib/dbus/machine-id"]
                    .iter()
                    .find_map(|path| {
                        let bytes = self.read_bytes(path, 4096).ok()?;
                        machine_id_name(&String::from_utf8_lossy(&bytes))
                    })
            })
            .unwrap_or_else(|| UNNAMED_HOST.to_owned())
    }

    /// Signs of a container: marker files, the cgroup of process 1, an overlay root.
    fn detect_container(&self) -> Option<String> {
        for marker in ["/.dockerenv", "/run/.containerenv"] {
            if self.exists(marker) {
                return Some(marker.to_owned());
            }
        }
        if let Ok(text) = self.read("/run/systemd/container")
            && !text.trim().is_empty()
        {
            return Some("/run/systemd/container".to_owned());
        }
        if let Ok(text) = self.read("/proc/1/cgroup")
            && text.lines().any(|line| {
                let path = line.splitn(3, ':').nth(2).unwrap_or("");
                [
                    "docker",
                    "kubepods",
                    "containerd",
                    "libpod",
                    "lxc",
                    "podman",
                ]
                .iter()
                .any(|word| path.contains(word))
            })
        {
            return Some("/proc/1/cgroup".to_owned());
        }
        if let Ok(text) = self.read("/proc/self/mountinfo")
            && let Some(mount) = root_mount(&text)
            && mount.fstype == "overlay"
        {
            return Some("/proc/self/mountinfo".to_owned());
        }
        None
    }
}

/// The host name of a machine with neither a name nor a machine id: language-neutral, as
/// every host name in a report is.
pub(crate) const UNNAMED_HOST: &str = "unnamed-host";

/// The host name written in a file such as `/etc/hostname`: its first line that is not empty
/// nor a comment, if it looks like a name (`hostname(5)`: letters, digits, `-`, `.`, `_`; 253
/// characters at most). `(none)`, the kernel's name when none was set, does not count.
pub(crate) fn host_name_in(text: &str) -> Option<String> {
    let name = text
        .lines()
        .map(str::trim)
        .find(|line| !line.is_empty() && !line.starts_with('#'))?;
    let valid = name.len() <= 253
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_'))
        && name.chars().any(|c| c.is_ascii_alphanumeric());
    valid.then(|| name.to_owned())
}

/// `machine-` and the first 12 characters of a `machine-id` (32 hexadecimal digits).
pub(crate) fn machine_id_name(text: &str) -> Option<String> {
    let id = text.trim();
    (id.len() >= 12 && id.chars().all(|c| c.is_ascii_hexdigit()) && id.chars().any(|c| c != '0'))
        .then(|| format!("machine-{}", id[..12].to_ascii_lowercase()))
}

/// Pushes the components of `path` on a stack of components to walk (the first one last):
/// the root and `.` are dropped, `..` is kept (it applies after the links before it).
fn push_components(pending: &mut Vec<OsString>, path: &Path) {
    let parts: Vec<OsString> = path
        .components()
        .filter_map(|part| match part {
            Component::Normal(name) => Some(name.to_os_string()),
            Component::ParentDir => Some(OsString::from("..")),
            Component::RootDir | Component::CurDir | Component::Prefix(_) => None,
        })
        .collect();
    pending.extend(parts.into_iter().rev());
}

/// A machine path with `.` and `..` resolved without leaving `/` (so that `--root` is never
/// left through `..`).
pub(crate) fn normalize(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            other => parts.push(other),
        }
    }
    format!("/{}", parts.join("/"))
}

/// The effective uid from `/proc/self/status` (`Uid: real effective saved fs`).
fn effective_uid_is_root() -> bool {
    fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|text| {
            text.lines()
                .find(|line| line.starts_with("Uid:"))
                .and_then(|line| line.split_whitespace().nth(2).map(|uid| uid == "0"))
        })
        .unwrap_or(false)
}

/// Runs a program, kills it past `limit`.
fn run_with_limit(path: &Path, args: &[&str], limit: Duration) -> Result<CmdOutput, CmdError> {
    let mut child = Command::new(path)
        .args(args.iter().map(OsStr::new))
        .env("LC_ALL", "C")
        .env("LANG", "C")
        .env("SYSTEMD_PAGER", "")
        .env("PAGER", "cat")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| CmdError::Failed(io_message(&e)))?;
    let reader = |pipe: Option<Box<dyn io::Read + Send>>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(pipe) = pipe {
                let _ = pipe.take(MAX_OUTPUT).read_to_end(&mut bytes);
            }
            bytes
        })
    };
    let out = reader(
        child
            .stdout
            .take()
            .map(|p| Box::new(p) as Box<dyn io::Read + Send>),
    );
    let err = reader(
        child
            .stderr
            .take()
            .map(|p| Box::new(p) as Box<dyn io::Read + Send>),
    );
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if start.elapsed() >= limit => {
                let _ = child.kill();
                let _ = child.wait();
                let seconds = limit.as_secs();
                return Err(CmdError::Failed(i18n::message!(
                    "collect-cmd-stopped",
                    seconds = seconds
                )));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(error) => {
                return Err(CmdError::Failed(io_message(&error)));
            }
        }
    };
    let stdout = out.join().unwrap_or_default();
    let stderr = err.join().unwrap_or_default();
    Ok(CmdOutput {
        code: status.code(),
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
    })
}

/// The mount of `/` in a `mountinfo` file (the last one: later mounts hide earlier ones).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Mount {
    /// `major:minor`.
    pub dev: String,
    /// Filesystem type.
    pub fstype: String,
    /// Mount source (`/dev/mapper/vg-root`, `overlay`…).
    pub source: String,
}

/// The mount of `/` in `/proc/self/mountinfo`.
pub(crate) fn root_mount(text: &str) -> Option<Mount> {
    text.lines()
        .rev()
        .filter_map(|line| {
            let (left, right) = line.split_once(" - ")?;
            let fields: Vec<&str> = left.split_whitespace().collect();
            if fields.len() < 5 || fields[4] != "/" {
                return None;
            }
            let mut right = right.split_whitespace();
            let fstype = right.next()?.to_owned();
            let source = right.next().unwrap_or("").to_owned();
            Some(Mount {
                dev: fields[2].to_owned(),
                fstype,
                source,
            })
        })
        .next()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_mount_takes_the_last_mount_of_slash() {
        let text = "1 0 8:1 / / rw - ext4 /dev/sda1 rw\n\
                    garbage\n\
                    27 1 254:0 / / rw,relatime - ext4 /dev/vda rw\n\
                    30 27 0:5 / /proc rw - proc proc rw\n";
        let mount = root_mount(text).unwrap();
        assert_eq!(mount.dev, "254:0");
        assert_eq!(mount.source, "/dev/vda");
        assert_eq!(root_mount("nothing here"), None);
    }

    #[test]
    fn commands_have_a_time_limit_and_missing_ones_are_missing() {
        let machine = Machine::new(None, Lang::En, Local::now());
        assert_eq!(
            machine
                .run("no-such-program-posture", &[], Duration::from_secs(1))
                .unwrap_err(),
            CmdError::Missing
        );
        if machine.which("sleep").is_some() {
            let start = Instant::now();
            let result = machine.run("sleep", &["5"], Duration::from_millis(200));
            assert!(matches!(result, Err(CmdError::Failed(_))));
            assert!(start.elapsed() < Duration::from_secs(3));
        }
        let fake = Machine::new(Some(PathBuf::from("/nonexistent")), Lang::En, Local::now());
        assert_eq!(
            fake.run("sleep", &["0"], Duration::from_secs(1))
                .unwrap_err(),
            CmdError::Offline
        );
    }

    #[test]
    fn globs_and_paths_stay_under_the_root() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("etc/x.d")).unwrap();
        std::fs::write(dir.path().join("etc/x.d/b.conf"), "b").unwrap();
        std::fs::write(dir.path().join("etc/x.d/a.conf"), "a").unwrap();
        let machine = Machine::new(Some(dir.path().to_path_buf()), Lang::En, Local::now());
        assert_eq!(
            machine.glob("/etc/x.d/*.conf"),
            vec!["/etc/x.d/a.conf", "/etc/x.d/b.conf"]
        );
        assert_eq!(machine.read("/etc/x.d/a.conf").unwrap(), "a");
        assert_eq!(machine.read("/etc/nothing"), Err(ReadError::Missing));
        assert!(machine.read("/etc/x.d").is_err());
        // `..` never leaves the root.
        assert_eq!(normalize("/etc/ssh/../../../../etc/passwd"), "/etc/passwd");
        assert_eq!(normalize("a/./b/"), "/a/b");
        assert_eq!(machine.read("/../../../etc/x.d/a.conf").unwrap(), "a");
        assert!(
            machine
                .glob("/etc/ssh/../../../../../*")
                .iter()
                .all(|p| p.starts_with('/'))
        );
        assert_eq!(machine.glob("/../../../*"), vec!["/etc"]);
    }

    #[test]
    fn symbolic_links_are_followed_inside_the_root_chroot_style() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let mkdir = |p: &str| std::fs::create_dir_all(root.join(p)).unwrap();
        mkdir("etc/ssh");
        mkdir("usr/lib");
        mkdir("opt/conf.d");
        std::fs::write(root.join("usr/lib/os-release"), "ID=fake\n").unwrap();
        std::fs::write(root.join("etc/hostname"), "inside\n").unwrap();
        std::fs::write(root.join("opt/conf.d/a.conf"), "a").unwrap();
        // Absolute target: re-rooted at DIR, never the host's /usr/lib/os-release.
        symlink("/usr/lib/os-release", root.join("etc/os-release")).unwrap();
        // `..` in a target stops at DIR.
        symlink("../../../../../../etc/hostname", root.join("etc/ssh/name")).unwrap();
        // A link to a host file that DIR does not have: missing, not the host's.
        symlink("/etc/group", root.join("etc/group-link")).unwrap();
        // A link to itself (as `etc/os-release -> /etc/os-release` is, re-rooted): a loop.
        symlink("/etc/loop", root.join("etc/loop")).unwrap();
        // A directory reached through an absolute link, then listed and globbed.
        symlink("/opt/conf.d", root.join("etc/conf.d")).unwrap();
        // A relative link whose target goes through an absolute one.
        symlink("conf.d/../conf.d/a.conf", root.join("etc/a-link")).unwrap();
        let machine = Machine::new(Some(root.to_path_buf()), Lang::En, Local::now());
        assert_eq!(machine.read("/etc/os-release").unwrap(), "ID=fake\n");
        assert_eq!(machine.read("/etc/ssh/name").unwrap(), "inside\n");
        assert_eq!(machine.read("/etc/group-link"), Err(ReadError::Missing));
        assert!(matches!(
            machine.read("/etc/loop"),
            Err(ReadError::Other(_))
        ));
        assert_eq!(machine.list("/etc/conf.d").unwrap(), vec!["a.conf"]);
        assert_eq!(
            machine.glob("/etc/conf.d/*.conf"),
            vec!["/etc/conf.d/a.conf"]
        );
        assert_eq!(machine.glob("/etc/*/a.conf"), vec!["/etc/conf.d/a.conf"]);
        assert_eq!(machine.read("/etc/a-link").unwrap(), "a");
        assert!(machine.is_dir("/etc/conf.d"));
        // Links themselves: a broken one exists, and its target reads as written.
        assert!(machine.exists("/etc/group-link"));
        assert_eq!(
            machine.read_link("/etc/group-link"),
            Some(PathBuf::from("/etc/group"))
        );
        assert!(!machine.exists("/etc/nothing"));
        assert!(!machine.exists("/etc/group"));
    }
}
