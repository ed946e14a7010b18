//! `time.synced`, `screen.lock` and `backup.tools`.

use std::time::Duration;

use scoring::facts::{Fact, Status, Value};

use super::{Machine, fact_said, unknown_said};

/// Time services whose enabled unit counts as synchronised time.
const TIME_UNITS: &[&str] = &[
    "systemd-timesyncd.service",
    "chronyd.service",
    "chrony.service",
    "ntpd.service",
    "ntp.service",
    "ntpsec.service",
    "openntpd.service",
];

pub(crate) fn time_facts(m: &Machine) -> Vec<Fact> {
    vec![time_synced(m)]
}

fn time_synced(m: &Machine) -> Fact {
    const KEY: &str = "time.synced";
    if m.exists("/run/systemd/timesync/synchronized") {
        return fact_said(
            KEY,
            Value::Bool(true),
            Status::Ok,
            "/run/systemd/timesync/synchronized",
            i18n::message!("collect-misc-time-timesyncd-synced"),
            m.lang,
        );
    }
    let mut said_no = false;
    if let Ok(output) = m.run(
        "timedatectl",
        &["show", "-p", "NTPSynchronized", "--value"],
        Duration::from_secs(3),
    ) && output.success()
    {
        match output.stdout.trim() {
            "yes" => {
                return fact_said(
                    KEY,
                    Value::Bool(true),
                    Status::Ok,
                    "timedatectl show -p NTPSynchronized",
                    i18n::message!("collect-misc-time-ntp-synced"),
                    m.lang,
                );
            }
            "no" => said_no = true,
            _ => {}
        }
    }
    if m.container() {
        return unknown_said(
            KEY,
            "timedatectl, /etc/systemd/system",
            i18n::message!("collect-misc-time-container"),
            m.lang,
        );
    }
    if m.systemd_running() == Some(false) {
        return unknown_said(
            KEY,
            "/run/systemd/system",
            i18n::message!("collect-misc-time-no-systemd"),
            m.lang,
        );
    }
    if let Some(link) = TIME_UNITS.iter().find_map(|u| m.unit_enabled(u)) {
        let unit = link.rsplit('/').next().unwrap_or(&link).to_owned();
        return fact_said(
            KEY,
            Value::Bool(true),
            Status::Ok,
            link,
            if said_no {
                i18n::message!("collect-misc-time-not-synced-yet", unit = &unit)
            } else {
                i18n::message!("collect-misc-time-enabled", unit = &unit)
            },
            m.lang,
        );
    }
    if said_no || m.is_dir("/etc/systemd/system") {
        return fact_said(
            KEY,
            Value::Bool(false),
            Status::Warn,
            "/etc/systemd/system/*.wants",
            i18n::message!("collect-misc-time-none"),
            m.lang,
        );
    }
    unknown_said(
        KEY,
        "/etc/systemd/system",
        i18n::message!("collect-misc-time-unknown"),
        m.lang,
    )
}

/// Longest idle time before locking that is `ok` (15 minutes).
const IDLE_OK_SECONDS: i64 = 900;

/// The dconf settings that matter: (`lock-enabled`, `idle-delay`, file).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Dconf {
    pub lock_enabled: Option<bool>,
    pub idle_delay: Option<i64>,
    pub files: Vec<String>,
}

/// Reads `lock-enabled` and `idle-delay` from dconf key files (`[org/gnome/desktop/…]`).
pub(crate) fn parse_dconf(text: &str, file: &str, out: &mut Dconf) {
    let mut section = String::new();
    let mut used = false;
    for line in text.lines().map(str::trim) {
        if line.starts_with('[') && line.ends_with(']') {
            section = line[1..line.len() - 1].trim().to_owned();
            continue;
        }
        let Some((key, value)) = line.split_once('=') else {
            continue;
        };
        let (key, value) = (key.trim(), value.trim());
        let screensaver =
            section.ends_with("desktop/screensaver") || section.ends_with("mate/screensaver");
        let session = section.ends_with("desktop/session");
        if screensaver && key == "lock-enabled" {
            out.lock_enabled = Some(value == "true");
            used = true;
        }
        if session && key == "idle-delay" {
            out.idle_delay = value
                .trim_start_matches("uint32")
                .trim()
                .parse::<i64>()
                .ok();
            used = true;
        }
    }
    if used {
        out.files.push(file.to_owned());
    }
}

/// `TMOUT=N` (N > 0) in a shell profile.
pub(crate) fn tmout(text: &str) -> Option<i64> {
    text.lines()
        .rev()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter_map(|line| {
            let at = line.find("TMOUT=")?;
            if at > 0 && !line[..at].ends_with([' ', ';', '\t']) {
                return None;
            }
            let digits: String = line[at + 6..]
                .trim_start_matches(['"', '\''])
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            digits.parse::<i64>().ok()
        })
        .find(|n| *n > 0)
}

pub(crate) fn screen_facts(m: &Machine) -> Vec<Fact> {
    vec![screen_lock(m)]
}

/// The fact `screen_facts` gives.
const SCREEN_LOCK: &str = "screen.lock";

/// `screen.lock`: whether an idle session locks, read from the desktop in use, else from the
/// shell's `TMOUT`.
fn screen_lock(m: &Machine) -> Fact {
    // Shell sessions: TMOUT.
    let (timeout, any_profile) = shell_timeout(m);
    // Desktops.
    let gnome_like = [
        "gnome-shell",
        "cinnamon-session",
        "mate-session",
        "budgie-desktop",
    ]
    .iter()
    .find(|p| m.has_program(p).is_some());
    let kde = m.has_program("plasmashell").is_some();
    let mut dconf = Dconf::default();
    for file in m.glob("/etc/dconf/db/*.d/*") {
        if let Ok(text) = m.read(&file) {
            parse_dconf(&text, &file, &mut dconf);
        }
    }
    if let Some(desktop) = gnome_like {
        return gnome_lock_fact(m, desktop, &dconf);
    }
    if kde {
        return kde_lock_fact(m);
    }
    shell_lock_fact(m, timeout, any_profile)
}

/// The `TMOUT` set last in the shell profiles (and its file), and whether any profile was read.
fn shell_timeout(m: &Machine) -> (Option<(i64, String)>, bool) {
    let mut profiles = vec![
        "/etc/profile".to_owned(),
        "/etc/bash.bashrc".to_owned(),
        "/etc/bashrc".to_owned(),
    ];
    profiles.extend(m.glob("/etc/profile.d/*.sh"));
    let mut timeout = None;
    let mut any_profile = false;
    for file in &profiles {
        if let Ok(text) = m.read(file) {
            any_profile = true;
            if let Some(n) = tmout(&text) {
                timeout = Some((n, file.clone()));
            }
        }
    }
    (timeout, any_profile)
}

/// `screen.lock` on a GNOME-like desktop, from its dconf settings or their defaults.
fn gnome_lock_fact(m: &Machine, desktop: &str, dconf: &Dconf) -> Fact {
    // GNOME's defaults: lock-enabled true, idle-delay 300.
    let lock = dconf.lock_enabled.unwrap_or(true);
    let idle = dconf.idle_delay.unwrap_or(300);
    let source = if dconf.files.is_empty() {
        format!("{desktop} (defaults)")
    } else {
        dconf.files.join(", ")
    };
    if lock && idle > 0 {
        let status = if idle <= IDLE_OK_SECONDS {
            Status::Ok
        } else {
            Status::Warn
        };
        fact_said(
            SCREEN_LOCK,
            Value::Bool(true),
            status,
            source,
            if status == Status::Warn {
                i18n::message!("collect-misc-screen-locks-late", minutes = idle / 60)
            } else {
                i18n::message!("collect-misc-screen-locks", minutes = idle / 60)
            },
            m.lang,
        )
    } else {
        fact_said(
            SCREEN_LOCK,
            Value::Bool(false),
            Status::Warn,
            source,
            i18n::message!(
                "collect-misc-screen-lock-off",
                lock = lock.to_string(),
                idle = idle
            ),
            m.lang,
        )
    }
}

/// `screen.lock` on KDE, from `kscreenlockerrc`.
fn kde_lock_fact(m: &Machine) -> Fact {
    let autolock = m
        .read("/etc/xdg/kscreenlockerrc")
        .ok()
        .map(|t| {
            !t.lines()
                .any(|l| l.trim().eq_ignore_ascii_case("Autolock=false"))
        })
        .unwrap_or(true);
    fact_said(
        SCREEN_LOCK,
        Value::Bool(autolock),
        if autolock { Status::Ok } else { Status::Warn },
        "/etc/xdg/kscreenlockerrc",
        if autolock {
            i18n::message!("collect-misc-screen-kde-locks")
        } else {
            i18n::message!("collect-misc-screen-kde-lock-off")
        },
        m.lang,
    )
}

/// `screen.lock` with no desktop: from the shell's `TMOUT`, if set.
fn shell_lock_fact(m: &Machine, timeout: Option<(i64, String)>, any_profile: bool) -> Fact {
    if let Some((n, file)) = timeout {
        return fact_said(
            SCREEN_LOCK,
            Value::Bool(true),
            if n <= IDLE_OK_SECONDS {
                Status::Ok
            } else {
                Status::Warn
            },
            file,
            i18n::message!("collect-misc-screen-tmout", minutes = n / 60, seconds = n),
            m.lang,
        );
    }
    if any_profile {
        return fact_said(
            SCREEN_LOCK,
            Value::Bool(false),
            Status::Warn,
            "/etc/profile, /etc/profile.d/*.sh",
            i18n::message!("collect-misc-screen-no-tmout"),
            m.lang,
        );
    }
    unknown_said(
        SCREEN_LOCK,
        "/etc/profile, /etc/dconf/db",
        i18n::message!("collect-misc-screen-unknown"),
        m.lang,
    )
}

/// Backup tools: the program looked for and the name shown.
pub const BACKUP_TOOLS: &[(&str, &str)] = &[
    ("restic", "restic"),
    ("borg", "borg"),
    ("borgmatic", "borgmatic"),
    ("duplicity", "duplicity"),
    ("duply", "duply"),
    ("rdiff-backup", "rdiff-backup"),
    ("rsnapshot", "rsnapshot"),
    ("timeshift", "timeshift"),
    ("btrbk", "btrbk"),
    ("kopia", "kopia"),
    ("burp", "burp"),
    ("amdump", "amanda"),
    ("bacula-fd", "bacula"),
    ("bareos-fd", "bareos"),
    ("proxmox-backup-client", "proxmox-backup-client"),
    ("urbackupclientbackend", "urbackup"),
    ("veeamconfig", "veeam"),
    ("duplicati-cli", "duplicati"),
];

/// Agents scheduled by their server: a running (enabled) service is the schedule.
const SERVER_SCHEDULED: &[(&str, &str)] = &[
    ("bacula", "bacula-fd.service"),
    ("bareos", "bareos-fd.service"),
    ("urbackup", "urbackupclient.service"),
    ("veeam", "veeamservice.service"),
];

pub(crate) fn backup_facts(m: &Machine) -> Vec<Fact> {
    vec![backup_tools(m)]
}

/// Cron files and systemd timers mentioning a tool: (tool, where).
fn schedules(m: &Machine, tools: &[&str]) -> (Vec<(String, String)>, bool) {
    let mut found = Vec::new();
    let mut denied = false;
    let mut files = vec!["/etc/crontab".to_owned(), "/etc/anacrontab".to_owned()];
    for pattern in [
        "/etc/cron.d/*",
        "/etc/cron.hourly/*",
        "/etc/cron.daily/*",
        "/etc/cron.weekly/*",
        "/etc/cron.monthly/*",
        "/var/spool/cron/*",
        "/var/spool/cron/crontabs/*",
    ] {
        files.extend(m.glob(pattern));
    }
    if m.is_dir("/var/spool/cron/crontabs") && m.list("/var/spool/cron/crontabs").is_err() {
        denied = true;
    }
    for file in files {
        let name = file
            .rsplit('/')
            .next()
            .unwrap_or(&file)
            .to_ascii_lowercase();
        let text = match m.read(&file) {
            Ok(text) => text.to_ascii_lowercase(),
            Err(super::ReadError::Denied) => {
                denied = true;
                continue;
            }
            Err(_) => continue,
        };
        for tool in tools {
            if name.contains(tool) || text.contains(tool) {
                found.push(((*tool).to_owned(), file.clone()));
            }
        }
    }
    let mut timers = m.glob("/etc/systemd/system/*.wants/*.timer");
    timers.extend(m.glob("/etc/systemd/system/*.timer"));
    for timer in timers {
        let name = timer
            .rsplit('/')
            .next()
            .unwrap_or(&timer)
            .to_ascii_lowercase();
        let unit = m
            .read(&timer)
            .map(|t| t.to_ascii_lowercase())
            .unwrap_or_default();
        // The service a timer starts usually has its name: read it too.
        let service = m
            .read(&format!(
                "/etc/systemd/system/{}",
                name.replace(".timer", ".service")
            ))
            .map(|t| t.to_ascii_lowercase())
            .unwrap_or_default();
        for tool in tools {
            if name.contains(tool) || unit.contains(tool) || service.contains(tool) {
                found.push(((*tool).to_owned(), timer.clone()));
            }
        }
    }
    for (tool, unit) in SERVER_SCHEDULED {
        if tools.contains(tool)
            && let Some(link) = m.unit_enabled(unit)
        {
            found.push(((*tool).to_owned(), link));
        }
    }
    found.dedup();
    (found, denied)
}

fn backup_tools(m: &Machine) -> Fact {
    const KEY: &str = "backup.tools";
    if !m.is_dir("/usr/bin") {
        return unknown_said(
            KEY,
            "/usr/bin",
            i18n::message!("collect-misc-backup-no-usr-bin"),
            m.lang,
        );
    }
    let mut tools: Vec<&str> = Vec::new();
    let mut paths = Vec::new();
    for (program, name) in BACKUP_TOOLS {
        if let Some(path) = m.has_program(program) {
            if !tools.contains(name) {
                tools.push(name);
            }
            paths.push(path);
        }
    }
    if tools.is_empty() {
        return fact_said(
            KEY,
            Value::List(Vec::new()),
            Status::Warn,
            "/usr/bin, /usr/sbin, /usr/local/bin",
            i18n::message!("collect-misc-backup-none"),
            m.lang,
        );
    }
    let (found, denied) = schedules(m, &tools);
    let list: Vec<String> = tools.iter().map(|t| (*t).to_owned()).collect();
    if found.is_empty() {
        let tools = tools.join(", ");
        return fact_said(
            KEY,
            Value::List(list),
            Status::Warn,
            paths.join(", "),
            if denied {
                i18n::message!("collect-misc-backup-unscheduled-crontabs", tools = tools)
            } else {
                i18n::message!("collect-misc-backup-unscheduled", tools = tools)
            },
            m.lang,
        );
    }
    let where_: Vec<String> = found.iter().map(|(t, w)| format!("{t} ({w})")).collect();
    fact_said(
        KEY,
        Value::List(list),
        Status::Ok,
        paths.join(", "),
        i18n::message!("collect-misc-backup-scheduled", places = where_.join(", ")),
        m.lang,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tmout_forms() {
        assert_eq!(
            tmout("TMOUT=900\nreadonly TMOUT\nexport TMOUT\n"),
            Some(900)
        );
        assert_eq!(tmout("readonly TMOUT=600"), Some(600));
        assert_eq!(tmout("export TMOUT=\"300\""), Some(300));
        assert_eq!(tmout("# TMOUT=900"), None);
        assert_eq!(tmout("MYTMOUT=900"), None);
        assert_eq!(tmout("TMOUT=0"), None);
    }

    #[test]
    fn dconf_lock_settings() {
        let mut d = Dconf::default();
        parse_dconf(
            "[org/gnome/desktop/session]\nidle-delay=uint32 600\n\n[org/gnome/desktop/screensaver]\nlock-enabled=true\nlock-delay=uint32 0\n",
            "/etc/dconf/db/local.d/00-screensaver",
            &mut d,
        );
        assert_eq!(d.lock_enabled, Some(true));
        assert_eq!(d.idle_delay, Some(600));
        assert_eq!(d.files.len(), 1);
        let mut none = Dconf::default();
        parse_dconf(
            "[org/gnome/desktop/interface]\nclock-format='24h'\n",
            "x",
            &mut none,
        );
        assert!(none.files.is_empty());
    }
}
