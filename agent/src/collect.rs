//! Machine facts: what a machine itself says about the audit's answers ("we patch within a
//! week", "nobody reaches the servers from outside"), read without changing anything.
//!
//! Every area has its own module; each returns its facts (see `docs/facts.md` for every key,
//! its value, its status rule and its sources). The rules shared by all of them:
//!
//! - nothing is written, nothing is sent over the network;
//! - what cannot be read (needs root, hidden in a container, tool missing) is `unknown` with
//!   the reason in `detail`, never `fail`;
//! - with [`Options::root`], every file is read under that directory instead of `/` and no
//!   command is run (fake machines for tests); symbolic links are followed inside it as in a
//!   chroot, so nothing outside it is ever read; without it, a few read-only commands are run
//!   with a short time limit (`sshd -T`, `nft list ruleset` and `iptables -S` as root only,
//!   `apt-get -s upgrade`, `rpm -qa`, `timedatectl`…);
//! - odd files (garbage in `/proc/net/tcp`, binary logs, huge files) never panic: the parsers
//!   skip what they do not understand and reads are capped.
//!
//! The areas are read in parallel (threads), so that the slowest command sets the time.

pub(crate) mod accounts;
pub(crate) mod addr;
mod antivirus;
mod auth;
mod conf;
mod disk;
pub mod eol;
mod firewall;
mod logs;
mod machine;
mod misc;
pub(crate) mod net;
mod os;
mod patch;
mod pending;
mod role;
mod ssh;

use std::io::{IsTerminal as _, Write as _};
use std::path::PathBuf;
use std::sync::Mutex;

use chrono::{DateTime, Local, SecondsFormat};
use i18n::Lang;
use scoring::facts::{Fact, FactReport, Status, Value};

pub(crate) use self::machine::{Machine, ReadError};

/// What `posture agent collect` was asked.
#[derive(Debug, Clone)]
pub struct Options {
    /// Read every file under this directory instead of `/`, and run no command.
    pub root: Option<PathBuf>,
    /// Language of the facts' `detail`.
    pub lang: Lang,
    /// Print progress (`[3/13] patch…`) to standard error, when it is a terminal.
    pub progress: bool,
}

/// One area of facts: its name (shown in the progress line) and its reader.
type Area = (&'static str, fn(&Machine) -> Vec<Fact>);

/// The areas, in the order of the report.
const AREAS: &[Area] = &[
    ("os", os::facts),
    ("patch", patch::facts),
    ("net", net::facts),
    ("ssh", ssh::facts),
    ("firewall", firewall::facts),
    ("disk", disk::facts),
    ("auth", auth::facts),
    ("accounts", accounts::facts),
    ("antivirus", antivirus::facts),
    ("logs", logs::facts),
    ("time", misc::time_facts),
    ("screen", misc::screen_facts),
    ("backup", misc::backup_facts),
];

/// Reads the machine's facts.
pub fn collect(options: &Options) -> FactReport {
    // On Windows, this machine's facts come from the registry and the Win32 API; `--root` still
    // reads a Linux machine's files.
    #[cfg(windows)]
    if options.root.is_none() {
        return crate::win::system::collect(options.lang);
    }
    collect_at(options, Local::now())
}

/// Reads the machine's facts as if it were `now` (tests).
pub fn collect_at(options: &Options, now: DateTime<Local>) -> FactReport {
    let machine = Machine::new(options.root.clone(), options.lang, now);
    // Progress only to a terminal: a redirected standard error gets no escape codes.
    let show_progress = options.progress && std::io::stderr().is_terminal();
    let total = AREAS.len();
    let done = Mutex::new(0usize);
    let progress = |name: &str| {
        if !show_progress {
            return;
        }
        let Ok(mut count) = done.lock() else {
            return;
        };
        *count += 1;
        let mut stderr = std::io::stderr().lock();
        let _ = write!(stderr, "\r\x1b[K[{count}/{total}] {name}…");
        let _ = stderr.flush();
    };
    let machine_ref = &machine;
    let progress_ref = &progress;
    let results: Vec<Vec<Fact>> = std::thread::scope(|scope| {
        let handles: Vec<_> = AREAS
            .iter()
            .map(|(name, read)| {
                let handle = std::thread::Builder::new()
                    .name(format!("collect-{name}"))
                    .spawn_scoped(scope, move || {
                        let facts = read(machine_ref);
                        progress_ref(name);
                        facts
                    });
                (*name, handle)
            })
            .collect();
        handles
            .into_iter()
            .map(|(name, handle)| match handle {
                Ok(handle) => handle
                    .join()
                    .unwrap_or_else(|_| area_failed(machine_ref, name)),
                // No thread could be started: read the area here.
                Err(_) => AREAS
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, read)| read(machine_ref))
                    .unwrap_or_default(),
            })
            .collect()
    });
    if show_progress {
        let mut stderr = std::io::stderr().lock();
        let _ = write!(stderr, "\r\x1b[K");
        let _ = stderr.flush();
    }
    let mut facts: Vec<Fact> = results.into_iter().flatten().collect();
    explain_unknowns(&machine, &mut facts);
    report(&machine, facts)
}

/// A fact report of `facts` read on `machine`. Its header is built here only, for `collect`
/// and `probe-tls` alike: the agent's version, the host name, when the facts were read
/// (RFC 3339, local offset), whether the agent ran as root and in a container.
fn report(machine: &Machine, facts: Vec<Fact>) -> FactReport {
    FactReport {
        agent_version: crate::VERSION.to_owned(),
        host: machine.host_name(),
        collected_at: machine.now.to_rfc3339_opts(SecondsFormat::Secs, false),
        root: machine.euid_root,
        container: machine.container(),
        facts,
    }
}

/// A fact report of `facts` read from this machine now (`probe-tls`): the header `collect`
/// gives the real machine.
pub(crate) fn local_report(facts: Vec<Fact>) -> FactReport {
    report(&Machine::new(None, Lang::En, Local::now()), facts)
}

/// An area whose reader panicked (a bug): one `unknown` fact says so rather than losing the
/// whole report.
fn area_failed(machine: &Machine, name: &str) -> Vec<Fact> {
    vec![unknown_said(
        &format!("{name}.error"),
        "posture",
        i18n::message!("collect-area-failed", name = name),
        machine.lang,
    )]
}

/// A fact. Its `source` is language-neutral (paths, command lines, `posture eol-table`); a
/// file or command named twice in it (`a, b, a`) is kept once, at its first place.
pub(crate) fn fact(
    key: &str,
    value: Value,
    status: Status,
    source: impl Into<String>,
    detail: String,
) -> Fact {
    Fact {
        key: key.to_owned(),
        value,
        status,
        source: dedup_source(&source.into()),
        detail,
        message: None,
    }
}

/// `a, b, a` → `a, b`. Only the `, ` outside parentheses separate sources
/// (`/etc/pam.d/common-password (pam_unix, default)` is one).
pub(crate) fn dedup_source(source: &str) -> String {
    let mut kept: Vec<&str> = Vec::new();
    for part in source_parts(source) {
        if !kept.contains(&part) {
            kept.push(part);
        }
    }
    kept.join(", ")
}

/// The sources named in a `source` field: split on the `, ` outside parentheses.
fn source_parts(source: &str) -> Vec<&str> {
    let mut parts: Vec<&str> = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    let bytes = source.as_bytes();
    for (i, byte) in bytes.iter().enumerate() {
        match byte {
            b'(' => depth += 1,
            b')' => depth = depth.saturating_sub(1),
            b',' if depth == 0 && bytes.get(i + 1) == Some(&b' ') => {
                parts.push(&source[start..i]);
                start = i + 2;
            }
            _ => {}
        }
    }
    parts.push(&source[start..]);
    parts
}

/// Most unreadable files named in one `unknown` fact's detail.
const MAX_REASONS: usize = 3;

/// An `unknown` fact whose sources include files that exist but could not be read (permission
/// denied, a directory, a loop of links…) says so, unless its detail already gives that
/// reason: `… — /etc/shadow : accès refusé (lancez posture en root pour ce constat)`. Its
/// message becomes one that wraps the one it had.
fn explain_unknowns(machine: &Machine, facts: &mut [Fact]) {
    for fact in facts.iter_mut().filter(|f| f.status == Status::Unknown) {
        let mut reasons: Vec<i18n::Message> = Vec::new();
        let mut said: Vec<String> = Vec::new();
        let mut more = 0usize;
        for part in source_parts(&fact.source) {
            // `/etc/os-release + posture eol-table`, `/etc/pam.d/sshd (pam_unix)`: the path.
            let Some(path) = part
                .split([' ', '('])
                .next()
                .filter(|p| p.starts_with('/') && p.len() > 1)
            else {
                continue;
            };
            for (failed, error) in machine.read_failures(path) {
                let reason = error.reason(&failed);
                let text = i18n::say(&machine.lang, &reason).unwrap_or_default();
                if fact.detail.contains(&text) || said.contains(&text) {
                    continue;
                }
                if reasons.len() < MAX_REASONS {
                    reasons.push(reason);
                    said.push(text);
                } else {
                    more += 1;
                }
            }
        }
        let Some(joined) = joined(reasons) else {
            continue;
        };
        let detail = said_arg(fact);
        let message = if more == 0 {
            i18n::message!("collect-explained", detail = detail, reasons = joined)
        } else {
            i18n::message!(
                "collect-explained-more",
                detail = detail,
                reasons = joined,
                more = more
            )
        };
        set_message(fact, message, machine.lang);
    }
}

/// A fact that says `message`: its sentence in `lang` is kept in `detail` (what a reader
/// without posture's catalogs shows, and what posture shows when it does not know the message),
/// and the message itself, to be said again in the language of the screen or report.
pub(crate) fn fact_said(
    key: &str,
    value: Value,
    status: Status,
    source: impl Into<String>,
    message: i18n::Message,
    lang: Lang,
) -> Fact {
    let mut fact = fact(key, value, status, source, String::new());
    set_message(&mut fact, message, lang);
    fact
}

/// Reasons said one after the other, with the language's separator (` ; ` in French): one
/// message per join. `None` when there is none.
pub(crate) fn joined(reasons: impl IntoIterator<Item = i18n::Message>) -> Option<i18n::Message> {
    let mut reasons = reasons.into_iter();
    let first = reasons.next()?;
    Some(followed_by(first, reasons))
}

/// `first`, then each of `rest`, with the language's separator (` ; ` in French).
pub(crate) fn followed_by(
    first: i18n::Message,
    rest: impl IntoIterator<Item = i18n::Message>,
) -> i18n::Message {
    rest.into_iter().fold(first, |first, next| {
        i18n::message!("collect-reasons", first = first, next = next)
    })
}

/// What `fact` says, as an argument of a message that wraps it: its message, or its sentence
/// as it is when it has none.
pub(crate) fn said_arg(fact: &Fact) -> i18n::Arg {
    fact.message
        .clone()
        .map_or_else(|| i18n::Arg::Text(fact.detail.clone()), i18n::Arg::Message)
}

/// Gives `fact` the message `message`, and its `detail` the sentence in `lang`.
pub(crate) fn set_message(fact: &mut Fact, message: i18n::Message, lang: Lang) {
    fact.detail = i18n::say(&lang, &message).unwrap_or_else(|| message.id.clone());
    fact.message = Some(message);
}

/// A fact that could not be read: no value, `unknown`, the reason as its message.
pub(crate) fn unknown_said(
    key: &str,
    source: impl Into<String>,
    message: i18n::Message,
    lang: Lang,
) -> Fact {
    fact_said(key, Value::Null, Status::Unknown, source, message, lang)
}

/// Facts of several keys that could not be read for one reason: one source, one message.
pub(crate) fn unknowns_said(
    keys: &[&str],
    source: impl Into<String>,
    message: &i18n::Message,
    lang: Lang,
) -> Vec<Fact> {
    let source = source.into();
    keys.iter()
        .map(|key| unknown_said(key, source.as_str(), message.clone(), lang))
        .collect()
}

/// Days as a fact value (whole days).
pub(crate) fn days(value: i64) -> Value {
    Value::Number(value as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_areas_cover_every_machine_key() {
        let keys: Vec<&str> = scoring::facts::FACT_KEYS
            .iter()
            .map(|(k, _)| *k)
            .filter(|k| {
                !k.starts_with("tls.") && !k.starts_with("https.") && !k.starts_with("exposure.")
            })
            .filter(|k| !crate::win::WINDOWS_ONLY_KEYS.contains(k))
            .collect();
        let dir = tempfile::tempdir().unwrap();
        let report = collect(&Options {
            root: Some(dir.path().to_path_buf()),
            lang: Lang::En,
            progress: false,
        });
        let got: Vec<&str> = report.facts.iter().map(|f| f.key.as_str()).collect();
        for key in &keys {
            assert!(got.contains(key), "missing {key}");
        }
        for fact in &report.facts {
            assert!(
                scoring::facts::kind_of(&fact.key).is_some(),
                "undocumented {}",
                fact.key
            );
        }
    }

    #[test]
    fn facts_carry_messages_said_again_in_the_language_of_the_screen() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("etc/ssh")).unwrap();
        std::fs::create_dir_all(root.join("var/log/apt")).unwrap();
        std::fs::write(
            root.join("etc/os-release"),
            "ID=debian\nVERSION_ID=\"12\"\nNAME=\"Debian GNU/Linux\"\n",
        )
        .unwrap();
        std::fs::write(
            root.join("var/log/apt/history.log"),
            "Start-Date: 2020-01-02  10:00:00\nUpgrade: libc6:amd64 (1, 2)\nEnd-Date: x\n",
        )
        .unwrap();
        // A loop of links: the ssh facts are unknown, and why is said in a nested message.
        symlink("/etc/ssh/sshd_config", root.join("etc/ssh/sshd_config")).unwrap();
        let report = collect(&Options {
            root: Some(root.to_path_buf()),
            lang: Lang::Fr,
            progress: false,
        });
        for fact in &report.facts {
            assert!(fact.message.is_some(), "no message: {fact:?}");
            // `detail` keeps the sentence in the collection language.
            assert_eq!(i18n::fact_detail(&Lang::Fr, fact), fact.detail, "{fact:?}");
            let english = i18n::fact_detail(&Lang::En, fact);
            for french in [
                "accès",
                "jours",
                "aucun",
                "illisible",
                "pas de",
                " : ",
                "«",
                "mise à jour",
            ] {
                assert!(
                    !english.contains(french),
                    "{french:?} in English: {english} ({fact:?})"
                );
            }
        }
        let get = |key: &str| {
            report
                .facts
                .iter()
                .find(|f| f.key == key)
                .unwrap_or_else(|| panic!("no {key}"))
        };
        let ssh = get("ssh.password_auth");
        assert!(ssh.detail.contains("boucle de liens"), "{ssh:?}");
        assert_eq!(
            i18n::fact_detail(&Lang::En, ssh),
            "SSH server configuration not readable — /etc/ssh/sshd_config: cannot be read \
             (too many levels of symbolic links (a loop of links))"
        );
        let upgrade = get("patch.days_since_upgrade");
        assert!(upgrade.detail.contains(" jours"), "{upgrade:?}");
        assert!(
            i18n::fact_detail(&Lang::En, upgrade).contains("days ago"),
            "{upgrade:?}"
        );
    }

    #[test]
    fn a_source_named_twice_is_kept_once() {
        assert_eq!(dedup_source("/a, /b, /a, /a"), "/a, /b");
        assert_eq!(
            dedup_source("/p (pam_unix, default), /q (pam_unix, default)"),
            "/p (pam_unix, default), /q (pam_unix, default)"
        );
        assert_eq!(dedup_source("sshd -T"), "sshd -T");
        assert_eq!(dedup_source(""), "");
        let f = fact(
            "net.listening",
            Value::Null,
            Status::Unknown,
            "/x, /x",
            String::new(),
        );
        assert_eq!(f.source, "/x");
    }
}
