//! `log.*`: whether logs survive a reboot, and how far back they go (the charter asks for one
//! year of traces). journald (its settings, its files' names and headers) and syslog with
//! logrotate.

use chrono::{DateTime, Local};
use scoring::facts::{Fact, Status, Value};

use super::{Machine, conf, days, fact_said, followed_by, joined, unknown_said};

/// One year of traces.
pub(crate) const RETENTION_OK_DAYS: i64 = 365;

/// journald's `Storage=`: the main file, then drop-ins in name order (the last one wins).
fn journald_storage(m: &Machine) -> Option<(String, String)> {
    let mut files = vec!["/etc/systemd/journald.conf".to_owned()];
    let mut dropins: Vec<String> = [
        "/usr/lib/systemd/journald.conf.d/*.conf",
        "/run/systemd/journald.conf.d/*.conf",
        "/etc/systemd/journald.conf.d/*.conf",
    ]
    .iter()
    .flat_map(|p| m.glob(p))
    .collect();
    dropins.sort_by(|a, b| a.rsplit('/').next().cmp(&b.rsplit('/').next()));
    files.extend(dropins);
    let mut found = None;
    for file in files {
        let Ok(text) = m.read(&file) else {
            continue;
        };
        if let Some(value) = conf::value(&text, "Storage") {
            found = Some((value.to_ascii_lowercase(), file.clone()));
        }
    }
    found
}

/// journald's storage as configured, read once per collection. journald.conf(5):
/// `persistent` writes to `/var/log/journal`; `auto` (the default) only when that directory
/// exists; `volatile` keeps the journal in `/run/log/journal` (memory) and `none` keeps
/// nothing — whatever `/var/log/journal` holds from an earlier setting is then no longer
/// written to.
#[derive(Debug, Clone)]
struct Storage {
    /// Whether journald writes to `/var/log/journal`.
    persistent: bool,
    /// The `Storage=` value, lowercase (`auto` when unset).
    value: String,
    /// The file that set it (`/etc/systemd/journald.conf` when unset).
    source: String,
    /// Whether a file sets `Storage=`.
    set: bool,
    /// Whether `/var/log/journal` is a directory.
    journal_dir: bool,
}

impl Storage {
    fn read(m: &Machine) -> Storage {
        let journal_dir = m.is_dir("/var/log/journal");
        match journald_storage(m) {
            Some((value, source)) => Storage {
                persistent: value == "persistent" || (value == "auto" && journal_dir),
                value,
                source,
                set: true,
                journal_dir,
            },
            None => Storage {
                persistent: journal_dir,
                value: "auto".to_owned(),
                source: "/etc/systemd/journald.conf".to_owned(),
                set: false,
                journal_dir,
            },
        }
    }
}

/// Whether journald itself is there.
fn has_journald(m: &Machine) -> bool {
    m.exists("/etc/systemd/journald.conf")
        || m.exists("/usr/lib/systemd/systemd-journald")
        || m.exists("/lib/systemd/systemd-journald")
}

/// A syslog daemon writing files: its configuration and a file it writes.
fn syslog_files(m: &Machine) -> Option<String> {
    let daemon = [
        "/etc/rsyslog.conf",
        "/etc/syslog-ng/syslog-ng.conf",
        "/etc/syslog.conf",
    ]
    .iter()
    .any(|p| m.exists(p));
    if !daemon {
        return None;
    }
    ["/var/log/syslog", "/var/log/messages"]
        .iter()
        .find(|p| m.exists(p))
        .map(|p| (*p).to_owned())
}

/// The head time (µs since 1970) in an archived journal file name:
/// `system@<seqnum id>-<head seqnum>-<head realtime>.journal`.
pub(crate) fn journal_name_time(name: &str) -> Option<u64> {
    let stem = name.strip_suffix(".journal")?;
    let (_, rest) = stem.split_once('@')?;
    let parts: Vec<&str> = rest.split('-').collect();
    if parts.len() != 3 || parts[2].len() != 16 {
        return None;
    }
    u64::from_str_radix(parts[2], 16).ok().filter(|t| *t > 0)
}

/// The head time in a journal file's header (`head_entry_realtime`, offset 184).
pub(crate) fn journal_header_time(bytes: &[u8]) -> Option<u64> {
    if bytes.len() < 192 || &bytes[..8] != b"LPKSHHRH" {
        return None;
    }
    let field: [u8; 8] = bytes[184..192].try_into().ok()?;
    Some(u64::from_le_bytes(field)).filter(|t| *t > 0)
}

/// The oldest entry of the persistent journal.
fn journal_oldest(m: &Machine) -> Option<(DateTime<Local>, String)> {
    let mut oldest: Option<u64> = None;
    for file in m.glob("/var/log/journal/*/*.journal") {
        let name = file.rsplit('/').next().unwrap_or(&file);
        let time = journal_name_time(name).or_else(|| {
            m.read_bytes(&file, 256)
                .ok()
                .and_then(|b| journal_header_time(&b))
        });
        if let Some(t) = time {
            oldest = Some(oldest.map_or(t, |o| o.min(t)));
        }
    }
    let micros = i64::try_from(oldest?).ok()?;
    let time = DateTime::from_timestamp_micros(micros)?.with_timezone(&Local);
    // Clock errors: a head time in the future says nothing.
    (time <= m.now).then(|| (time, "/var/log/journal/*/*.journal".to_owned()))
}

/// logrotate's `rotate` × period (days) for a file of rules: the global directives of
/// `logrotate.conf`, overridden by the first block of `file`; `maxage` caps it.
pub(crate) fn logrotate_days(global: &str, file: &str) -> Option<i64> {
    #[derive(Default, Clone, Copy)]
    struct Rules {
        rotate: Option<i64>,
        period: Option<i64>,
        maxage: Option<i64>,
    }
    fn apply(rules: &mut Rules, line: &str) {
        let words: Vec<&str> = line.split_whitespace().collect();
        match words.as_slice() {
            ["rotate", n, ..] => rules.rotate = n.parse().ok(),
            ["maxage", n, ..] => rules.maxage = n.parse().ok(),
            ["daily", ..] => rules.period = Some(1),
            ["weekly", ..] => rules.period = Some(7),
            ["monthly", ..] => rules.period = Some(30),
            ["yearly", ..] => rules.period = Some(365),
            _ => {}
        }
    }
    let mut base = Rules::default();
    let mut depth = 0usize;
    for line in global
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
    {
        if line.contains('{') {
            depth += 1;
        }
        if depth == 0 {
            apply(&mut base, line);
        }
        if line.contains('}') {
            depth = depth.saturating_sub(1);
        }
    }
    let mut rules = base;
    let mut seen_block = false;
    let mut inside = false;
    for line in file
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
    {
        if line.contains('{') {
            if seen_block {
                break;
            }
            seen_block = true;
            inside = true;
            continue;
        }
        if line.contains('}') {
            if inside {
                break;
            }
            continue;
        }
        apply(&mut rules, line);
    }
    if !seen_block {
        return None;
    }
    let days = rules.rotate.unwrap_or(0).max(0) * rules.period.unwrap_or(1);
    Some(match rules.maxage {
        Some(max) if max >= 0 => days.min(max),
        _ => days,
    })
}

fn logrotate(m: &Machine) -> Option<(i64, String)> {
    let global = m.read("/etc/logrotate.conf").unwrap_or_default();
    for file in [
        "/etc/logrotate.d/rsyslog",
        "/etc/logrotate.d/syslog",
        "/etc/logrotate.d/syslog-ng",
    ] {
        if let Ok(text) = m.read(file)
            && let Some(days) = logrotate_days(&global, &text)
        {
            return Some((days, format!("/etc/logrotate.conf, {file}")));
        }
    }
    None
}

pub(crate) fn facts(m: &Machine) -> Vec<Fact> {
    let storage = Storage::read(m);
    vec![persistent(m, &storage), retention(m, &storage)]
}

fn persistent(m: &Machine, storage: &Storage) -> Fact {
    const KEY: &str = "log.persistent";
    let storage_text = &storage.value;
    let syslog = syslog_files(m);
    // journald only keeps anything when it runs.
    let journald_runs = m.systemd_running() != Some(false) || m.exists("/run/systemd/journal");
    if storage.persistent && journald_runs {
        return fact_said(
            KEY,
            Value::Bool(true),
            Status::Ok,
            if storage.set {
                storage.source.as_str()
            } else {
                "/var/log/journal"
            },
            i18n::message!("collect-logs-journal-on-disk", storage = storage_text),
            m.lang,
        );
    }
    if let Some(file) = syslog {
        return fact_said(
            KEY,
            Value::Bool(true),
            Status::Ok,
            file.clone(),
            i18n::message!("collect-logs-syslog-on-disk", file = &file),
            m.lang,
        );
    }
    if !journald_runs {
        return unknown_said(
            KEY,
            "/run/systemd/journal",
            i18n::message!("collect-logs-no-journald-no-syslog"),
            m.lang,
        );
    }
    if has_journald(m) || storage.set {
        let message = match (storage_text.as_str(), storage.journal_dir) {
            ("none", _) => i18n::message!("collect-logs-journal-not-kept"),
            ("auto", false) => {
                i18n::message!(
                    "collect-logs-journal-in-memory-no-dir",
                    storage = storage_text
                )
            }
            (_, true) => {
                i18n::message!(
                    "collect-logs-journal-in-memory-dir-unused",
                    storage = storage_text
                )
            }
            (_, false) => i18n::message!("collect-logs-journal-in-memory", storage = storage_text),
        };
        return fact_said(
            KEY,
            Value::Bool(false),
            Status::Fail,
            storage.source.as_str(),
            message,
            m.lang,
        );
    }
    unknown_said(
        KEY,
        "/etc/systemd/journald.conf, /etc/rsyslog.conf",
        i18n::message!("collect-logs-none-found"),
        m.lang,
    )
}

fn retention(m: &Machine, storage: &Storage) -> Fact {
    const KEY: &str = "log.retention_days";
    // Files in /var/log/journal only count while journald writes there.
    let (persistent, storage_text, storage_source) =
        (storage.persistent, &storage.value, &storage.source);
    let on_disk =
        journal_oldest(m).map(|(time, source)| ((m.now - time).num_days().max(0), source));
    let ignored = (!persistent && on_disk.is_some()).then(|| {
        i18n::message!(
            "collect-logs-journal-files-ignored",
            storage = storage_text,
            source = storage_source
        )
    });
    let journal = if persistent { on_disk } else { None };
    let rotate = logrotate(m);
    let best = match (&journal, &rotate) {
        (Some(j), Some(r)) => Some(if j.0 >= r.0 { j.clone() } else { r.clone() }),
        (Some(j), None) => Some(j.clone()),
        (None, Some(r)) => Some(r.clone()),
        (None, None) => None,
    };
    let Some((value, source)) = best else {
        let why = followed_by(i18n::message!("collect-logs-no-retention-source"), ignored);
        return unknown_said(
            KEY,
            "/var/log/journal, /etc/logrotate.d/rsyslog",
            why,
            m.lang,
        );
    };
    let mut parts = Vec::new();
    if let Some((d, _)) = journal {
        parts.push(i18n::message!("collect-logs-journal-goes-back", days = d));
    }
    if let Some((d, _)) = rotate {
        parts.push(i18n::message!("collect-logs-logrotate-keeps", days = d));
    }

    let status = if value >= RETENTION_OK_DAYS {
        Status::Ok
    } else {
        Status::Warn
    };
    // `parts` has one part at least: `best` came from one of them.
    let mut detail =
        joined(parts).unwrap_or_else(|| i18n::message!("collect-logs-no-retention-source"));
    if status != Status::Ok {
        detail = i18n::message!("collect-logs-less-than-a-year", detail = detail);
    }
    let detail = followed_by(detail, ignored);
    fact_said(KEY, days(value), status, source, detail, m.lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logrotate_rotate_times_period() {
        let global = "weekly\nrotate 4\ncreate\n/var/log/wtmp {\n    monthly\n    rotate 1\n}\n";
        let rsyslog =
            "/var/log/syslog\n/var/log/messages\n{\n\trotate 4\n\tweekly\n\tmissingok\n}\n";
        assert_eq!(logrotate_days(global, rsyslog), Some(28));
        let long = "/var/log/messages {\n  daily\n  rotate 400\n}\n";
        assert_eq!(logrotate_days(global, long), Some(400));
        let rhel = "/var/log/cron\n/var/log/messages\n{\n    missingok\n    sharedscripts\n}\n";
        assert_eq!(logrotate_days(global, rhel), Some(28));
        let capped = "/var/log/syslog {\n monthly\n rotate 24\n maxage 90\n}\n";
        assert_eq!(logrotate_days(global, capped), Some(90));
        assert_eq!(logrotate_days(global, "garbage"), None);
    }

    #[test]
    fn journal_names_and_headers() {
        let name =
            "system@0f1e2d3c4b5a69788796a5b4c3d2e1f0-0000000000000001-0005f3c1e2a3b4c5.journal";
        assert_eq!(journal_name_time(name), Some(0x0005_f3c1_e2a3_b4c5));
        assert_eq!(journal_name_time("system.journal"), None);
        assert_eq!(journal_name_time("system@x-y-z.journal"), None);
        let mut header = vec![0u8; 200];
        header[..8].copy_from_slice(b"LPKSHHRH");
        header[184..192].copy_from_slice(&1_700_000_000_000_000u64.to_le_bytes());
        assert_eq!(journal_header_time(&header), Some(1_700_000_000_000_000));
        assert_eq!(journal_header_time(&header[..100]), None);
        assert_eq!(journal_header_time(&[0u8; 200]), None);
    }
}
