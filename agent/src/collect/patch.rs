//! `patch.*`: when packages were last upgraded, automatic updates, pending reboot, pending
//! security updates and how long they have been waiting.

use std::collections::HashSet;
use std::time::Duration;

use chrono::{DateTime, Local, NaiveDate};
use scoring::facts::{Fact, Status, Value};

use super::machine::{command_failed, command_unknown};
use super::{
    Machine, conf, days, fact_said, pending, said_arg, set_message, unknown_said, unknowns_said,
};

/// The charter: security patches within 8 days.
pub(crate) const PATCH_OK_DAYS: i64 = 8;
/// Past this, an upgrade delay is a failure.
pub(crate) const PATCH_WARN_DAYS: i64 = 30;

pub(crate) fn facts(m: &Machine) -> Vec<Fact> {
    let mut facts = last_upgrade(m);
    facts.push(auto_updates(m));
    facts.push(reboot_required(m));
    let apt = pending::pending(m);
    let count = pending_security(m, &apt);
    let waiting = security_pending_days(m, &apt, &count);
    if waiting.status == Status::Ok {
        nothing_pending(m, &mut facts);
    }
    facts.push(count);
    facts.push(waiting);
    facts
}

/// The last upgrade is old, but no security update is pending in fresh package lists: the
/// delay alone proves no missing patch, so it is `warn`, not `fail`, and its detail says why.
fn nothing_pending(m: &Machine, facts: &mut [Fact]) {
    for fact in facts.iter_mut().filter(|f| {
        matches!(f.status, Status::Fail | Status::Warn)
            && (f.key == "patch.days_since_upgrade" || f.key == "patch.last_upgrade")
    }) {
        fact.status = Status::Warn;
        let detail = said_arg(fact);
        let message = i18n::message!("collect-patch-but-nothing-pending", detail = detail);
        set_message(fact, message, m.lang);
    }
}

/// Status of a delay in days.
pub(crate) fn delay_status(days: i64) -> Status {
    if days <= PATCH_OK_DAYS {
        Status::Ok
    } else if days <= PATCH_WARN_DAYS {
        Status::Warn
    } else {
        Status::Fail
    }
}

/// What the package logs say.
#[derive(Debug, Default)]
pub(crate) struct Upgrades {
    /// The most recent upgrade, and the file it was read in.
    pub last: Option<(NaiveDate, String)>,
    /// The oldest dated entry of any kind: the logs cover the time since.
    pub oldest_entry: Option<NaiveDate>,
    /// Files read.
    pub files: Vec<String>,
    /// Files that could not be read (permissions).
    pub denied: Vec<String>,
}

impl Upgrades {
    fn upgrade(&mut self, date: NaiveDate, file: &str) {
        if self.last.as_ref().is_none_or(|(d, _)| date > *d) {
            self.last = Some((date, file.to_owned()));
        }
        self.entry(date);
    }

    fn entry(&mut self, date: NaiveDate) {
        if self.oldest_entry.is_none_or(|d| date < d) {
            self.oldest_entry = Some(date);
        }
    }
}

/// A `YYYY-MM-DD` date at the start of a text.
fn leading_date(text: &str) -> Option<NaiveDate> {
    let head = text.trim_start().get(..10)?;
    NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()
}

/// `/var/log/apt/history.log`: blocks of `Start-Date:` … `Upgrade:` … `End-Date:`.
pub(crate) fn parse_apt_history(text: &str, file: &str, out: &mut Upgrades) {
    let mut date = None;
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("Start-Date:") {
            date = leading_date(rest);
            if let Some(d) = date {
                out.entry(d);
            }
        } else if line.starts_with("Upgrade:")
            && let Some(d) = date
        {
            out.upgrade(d, file);
        }
    }
}

/// `/var/log/dpkg.log`: `2024-05-01 10:12:33 upgrade pkg:amd64 old new`.
pub(crate) fn parse_dpkg_log(text: &str, file: &str, out: &mut Upgrades) {
    for line in text.lines() {
        let Some(date) = leading_date(line) else {
            continue;
        };
        out.entry(date);
        if line.split_whitespace().nth(2) == Some("upgrade") {
            out.upgrade(date, file);
        }
    }
}

/// `/var/log/dnf.rpm.log`: `2024-04-10T09:15:02+0000 SUBDEBUG Upgrade: openssl-…`.
pub(crate) fn parse_dnf_log(text: &str, file: &str, out: &mut Upgrades) {
    for line in text.lines() {
        let Some(date) = leading_date(line) else {
            continue;
        };
        out.entry(date);
        let mut words = line.split_whitespace().skip(1);
        let upgraded = words.any(|w| w == "Upgrade:" || w == "Upgraded:");
        if upgraded {
            out.upgrade(date, file);
        }
    }
}

/// `/var/log/zypp/history`: `date|install|name|version|…`. zypper records upgrades as installs:
/// a package installed a second time counts as upgraded.
pub(crate) fn parse_zypp_history(text: &str, file: &str, out: &mut Upgrades) {
    let mut seen = HashSet::new();
    for line in text.lines() {
        if line.starts_with('#') {
            continue;
        }
        let mut fields = line.split('|');
        let Some(date) = fields.next().and_then(leading_date) else {
            continue;
        };
        out.entry(date);
        if fields.next().map(str::trim) == Some("install")
            && let Some(name) = fields.next()
            && !seen.insert(name.to_owned())
        {
            out.upgrade(date, file);
        }
    }
}

/// Reads every package log.
pub(crate) fn read_logs(m: &Machine) -> Upgrades {
    type Parser = fn(&str, &str, &mut Upgrades);
    let sets: [(&str, Parser); 4] = [
        ("/var/log/apt/history.log*", parse_apt_history),
        ("/var/log/dpkg.log*", parse_dpkg_log),
        ("/var/log/dnf.rpm.log*", parse_dnf_log),
        ("/var/log/zypp/history*", parse_zypp_history),
    ];
    let mut out = Upgrades::default();
    for (pattern, parse) in sets {
        for file in m.glob(pattern) {
            match m.read_maybe_gz(&file) {
                Ok(text) => {
                    parse(&text, &file, &mut out);
                    out.files.push(file);
                }
                Err(super::ReadError::Denied) => out.denied.push(file),
                Err(_) => {}
            }
        }
    }
    out
}

/// The newest install time in the rpm database (`rpm -qa --qf %{INSTALLTIME}`), when no log
/// says anything.
fn rpm_newest(m: &Machine) -> Option<NaiveDate> {
    let output = m
        .run(
            "rpm",
            &["-qa", "--qf", "%{INSTALLTIME}\\n"],
            Duration::from_secs(10),
        )
        .ok()?;
    let newest = output
        .stdout
        .lines()
        .filter_map(|l| l.trim().parse::<i64>().ok())
        .max()?;
    DateTime::from_timestamp(newest, 0).map(|t| t.with_timezone(&Local).date_naive())
}

fn last_upgrade(m: &Machine) -> Vec<Fact> {
    let today = m.now.date_naive();
    let logs = read_logs(m);
    let mut last = logs.last.clone();
    if last.is_none()
        && let Some(date) = rpm_newest(m)
    {
        last = Some((date, "rpm -qa --qf %{INSTALLTIME}".to_owned()));
    }
    if let Some((date, source)) = last {
        let since = (today - date).num_days().max(0);
        let status = delay_status(since);
        let day = date.format("%Y-%m-%d").to_string();
        let message = match status {
            Status::Ok => {
                i18n::message!("collect-patch-last-upgrade-ok", date = &day, days = since)
            }
            _ => i18n::message!("collect-patch-last-upgrade-late", date = &day, days = since),
        };
        return vec![
            fact_said(
                "patch.last_upgrade",
                Value::Text(day.clone()),
                status,
                source.clone(),
                message.clone(),
                m.lang,
            ),
            fact_said(
                "patch.days_since_upgrade",
                days(since),
                status,
                source,
                message,
                m.lang,
            ),
        ];
    }
    // No upgrade recorded: the logs still tell how long nothing was upgraded — at least. A
    // lower bound proves a delay past the charter's 8 days, never one within them: `warn`.
    if let Some(oldest) = logs.oldest_entry {
        let since = (today - oldest).num_days().max(0);
        let status = match delay_status(since) {
            Status::Ok => Status::Warn,
            other => other,
        };
        let source = logs.files.join(", ");
        let oldest = oldest.to_string();
        let message = if status == Status::Warn && since <= PATCH_OK_DAYS {
            i18n::message!(
                "collect-patch-no-upgrade-within",
                oldest = &oldest,
                days = since
            )
        } else {
            i18n::message!(
                "collect-patch-no-upgrade-since",
                oldest = &oldest,
                days = since
            )
        };
        return vec![
            unknown_said(
                "patch.last_upgrade",
                source.clone(),
                i18n::message!("collect-patch-no-upgrade-in-logs", oldest = &oldest),
                m.lang,
            ),
            fact_said(
                "patch.days_since_upgrade",
                days(since),
                status,
                source,
                message,
                m.lang,
            ),
        ];
    }
    let (source, message) = if logs.denied.is_empty() {
        (
            "/var/log/apt/history.log, /var/log/dpkg.log, /var/log/dnf.rpm.log".to_owned(),
            i18n::message!("collect-patch-no-logs"),
        )
    } else {
        // The reason of each file is given by `explain_unknowns`.
        (
            logs.denied.join(", "),
            i18n::message!("collect-patch-logs-unreadable"),
        )
    };
    unknowns_said(
        &["patch.last_upgrade", "patch.days_since_upgrade"],
        source,
        &message,
        m.lang,
    )
}

/// Whether an `apt.conf.d` file name is read by apt.
fn apt_conf_name_ok(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
        && ![
            ".dpkg-old",
            ".dpkg-dist",
            ".dpkg-new",
            ".dpkg-tmp",
            ".bak",
            ".save",
            ".disabled",
            ".orig",
        ]
        .iter()
        .any(|suffix| name.ends_with(suffix))
}

/// The value of an `APT::…` setting written on one line (`APT::Periodic::X "1";`), the last
/// file winning as apt reads them in order.
pub(crate) fn apt_setting(texts: &[(String, String)], key: &str) -> Option<(String, String)> {
    let mut found = None;
    let lower_key = key.to_ascii_lowercase();
    for (file, text) in texts {
        for line in text.lines() {
            let line = line.split("//").next().unwrap_or("").trim();
            if line.starts_with('#') {
                continue;
            }
            let lower = line.to_ascii_lowercase();
            let Some(rest) = lower.strip_prefix(&lower_key) else {
                continue;
            };
            let rest = rest.trim_start();
            if !rest.starts_with('"') {
                continue;
            }
            let value: String = rest[1..].chars().take_while(|c| *c != '"').collect();
            found = Some((value, file.clone()));
        }
    }
    found
}

fn periodic_on(value: &str) -> bool {
    let value = value.trim();
    value.eq_ignore_ascii_case("always")
        || value.eq_ignore_ascii_case("true")
        || value.parse::<i64>().map(|n| n > 0).unwrap_or(false)
}

fn auto_updates(m: &Machine) -> Fact {
    const KEY: &str = "patch.auto_updates";
    let debian = m.exists("/var/lib/dpkg/status") || m.exists("/etc/apt/apt.conf.d");
    if debian {
        let mut texts = Vec::new();
        for name in m.list("/etc/apt/apt.conf.d").unwrap_or_default() {
            if !apt_conf_name_ok(&name) {
                continue;
            }
            let path = format!("/etc/apt/apt.conf.d/{name}");
            if let Ok(text) = m.read(&path) {
                texts.push((path, text));
            }
        }
        if let Ok(text) = m.read("/etc/apt/apt.conf") {
            texts.push(("/etc/apt/apt.conf".to_owned(), text));
        }
        let enabled = apt_setting(&texts, "APT::Periodic::Enable");
        let unattended = apt_setting(&texts, "APT::Periodic::Unattended-Upgrade");
        let installed = m.has_program("unattended-upgrade").is_some()
            || m.exists("/usr/share/unattended-upgrades");
        let source = unattended
            .as_ref()
            .map(|(_, f)| f.clone())
            .unwrap_or_else(|| "/etc/apt/apt.conf.d/20auto-upgrades".to_owned());
        let disabled_all = enabled.as_ref().is_some_and(|(v, _)| !periodic_on(v));
        let on = unattended.as_ref().is_some_and(|(v, _)| periodic_on(v)) && !disabled_all;
        return if on && installed {
            fact_said(
                KEY,
                Value::Bool(true),
                Status::Ok,
                source,
                i18n::message!("collect-patch-unattended-on"),
                m.lang,
            )
        } else if on {
            fact_said(
                KEY,
                Value::Bool(false),
                Status::Warn,
                source,
                i18n::message!("collect-patch-unattended-not-installed"),
                m.lang,
            )
        } else {
            fact_said(
                KEY,
                Value::Bool(false),
                Status::Warn,
                source,
                i18n::message!("collect-patch-unattended-off"),
                m.lang,
            )
        };
    }
    let rpm = m.exists("/etc/dnf") || m.exists("/etc/yum.conf") || m.exists("/var/lib/rpm");
    if rpm {
        let timers = [
            m.glob("/etc/systemd/system/timers.target.wants/dnf-automatic*.timer"),
            m.glob("/etc/systemd/system/timers.target.wants/dnf5-automatic*.timer"),
        ]
        .concat();
        let config = [
            "/etc/dnf/automatic.conf",
            "/etc/dnf/dnf5-plugins/automatic.conf",
        ]
        .iter()
        .find_map(|p| m.read(p).ok().map(|t| (p.to_string(), t)));
        let applies = config
            .as_ref()
            .and_then(|(_, t)| conf::value(t, "apply_updates"))
            .is_some_and(conf::yes);
        for timer in &timers {
            let name = timer.rsplit('/').next().unwrap_or(timer);
            let installs = name.contains("-install.") || (name.contains("automatic.") && applies);
            if installs {
                return fact_said(
                    KEY,
                    Value::Bool(true),
                    Status::Ok,
                    timer.clone(),
                    i18n::message!("collect-patch-dnf-automatic-installs", timer = name),
                    m.lang,
                );
            }
        }
        if let Some(timer) = timers.first() {
            return fact_said(
                KEY,
                Value::Bool(false),
                Status::Warn,
                timer.clone(),
                i18n::message!("collect-patch-dnf-automatic-notifies"),
                m.lang,
            );
        }
        if m.exists("/etc/systemd/system/multi-user.target.wants/yum-cron.service")
            && m.read("/etc/yum/yum-cron.conf")
                .is_ok_and(|t| conf::value(&t, "apply_updates").is_some_and(conf::yes))
        {
            return fact_said(
                KEY,
                Value::Bool(true),
                Status::Ok,
                "/etc/yum/yum-cron.conf",
                i18n::message!("collect-patch-yum-cron"),
                m.lang,
            );
        }
        return fact_said(
            KEY,
            Value::Bool(false),
            Status::Warn,
            "/etc/systemd/system/timers.target.wants/dnf-automatic*.timer",
            i18n::message!("collect-patch-dnf-automatic-off"),
            m.lang,
        );
    }
    unknown_said(
        KEY,
        "/etc/apt/apt.conf.d, /etc/dnf",
        i18n::message!("collect-patch-auto-unknown"),
        m.lang,
    )
}

fn reboot_required(m: &Machine) -> Fact {
    const KEY: &str = "patch.reboot_required";
    for flag in ["/run/reboot-required", "/var/run/reboot-required"] {
        if m.exists(flag) {
            let packages: Vec<String> = m
                .read(&format!("{flag}.pkgs"))
                .unwrap_or_default()
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .take(5)
                .map(str::to_owned)
                .collect();
            let message = if packages.is_empty() {
                i18n::message!("collect-patch-reboot-requested")
            } else {
                let packages = packages.join(", ");
                i18n::message!("collect-patch-reboot-requested-by", packages = packages)
            };
            return fact_said(KEY, Value::Bool(true), Status::Warn, flag, message, m.lang);
        }
    }
    if m.container() {
        return unknown_said(
            KEY,
            "/run/reboot-required",
            i18n::message!("collect-patch-reboot-container"),
            m.lang,
        );
    }
    // needs-restarting -r (dnf-utils): exit 1 when a reboot is needed.
    if let Ok(output) = m.run("needs-restarting", &["-r"], Duration::from_secs(10))
        && matches!(output.code, Some(0 | 1))
    {
        let needed = output.code == Some(1);
        return fact_said(
            KEY,
            Value::Bool(needed),
            if needed { Status::Warn } else { Status::Ok },
            "needs-restarting -r",
            if needed {
                i18n::message!("collect-patch-needs-restarting-yes")
            } else {
                i18n::message!("collect-patch-needs-restarting-no")
            },
            m.lang,
        );
    }
    // The newest installed kernel against the running one.
    let (running, _) = m.running_kernel();
    let kernels: Vec<(String, std::time::SystemTime)> = m
        .glob("/boot/vmlinuz-*")
        .into_iter()
        .filter_map(|p| {
            let version = p.strip_prefix("/boot/vmlinuz-")?.to_owned();
            if version.contains("rescue") {
                return None;
            }
            Some((version, m.modified(&p)?))
        })
        .collect();
    if let (Some(running), Some((newest, _))) =
        (running, kernels.iter().max_by_key(|(_, time)| *time))
    {
        let needed = *newest != running;
        return fact_said(
            KEY,
            Value::Bool(needed),
            if needed { Status::Warn } else { Status::Ok },
            "/boot/vmlinuz-*",
            if needed {
                i18n::message!(
                    "collect-patch-kernel-newer",
                    newest = newest,
                    running = &running
                )
            } else {
                i18n::message!("collect-patch-kernel-newest", running = &running)
            },
            m.lang,
        );
    }
    if m.exists("/var/lib/dpkg/status") {
        return fact_said(
            KEY,
            Value::Bool(false),
            Status::Ok,
            "/run/reboot-required",
            i18n::message!("collect-patch-no-reboot-flag"),
            m.lang,
        );
    }
    unknown_said(
        KEY,
        "/run/reboot-required, needs-restarting",
        i18n::message!("collect-patch-reboot-unknown"),
        m.lang,
    )
}

/// The age in days of the newest apt package list.
fn apt_lists_age(m: &Machine) -> Option<i64> {
    let newest = m
        .glob("/var/lib/apt/lists/*Release")
        .iter()
        .filter_map(|p| m.modified(p))
        .max()?;
    let newest: DateTime<Local> = newest.into();
    Some((m.now - newest).num_days().max(0))
}

/// Counts the packages that `apt-get -s upgrade` would take from a `-security` suite.
pub(crate) fn count_apt_security(output: &str) -> usize {
    output
        .lines()
        .filter(|l| l.starts_with("Inst ") && l.contains("-security"))
        .filter_map(|l| l.split_whitespace().nth(1))
        .collect::<HashSet<_>>()
        .len()
}

fn pending_security(m: &Machine, apt: &Result<pending::Pending, pending::NoAnswer>) -> Fact {
    const KEY: &str = "patch.pending_security";
    // Debian family: the files apt already has (no command, works under --root).
    let apt_fallback = match apt {
        Ok(found) => {
            let source = std::iter::once("/var/lib/dpkg/status")
                .chain(found.lists.iter().map(String::as_str))
                .collect::<Vec<_>>()
                .join(", ");
            let packages = (!found.packages.is_empty()).then(|| {
                let shown: Vec<&str> = found.packages.iter().take(5).map(String::as_str).collect();
                let more = if found.packages.len() > 5 {
                    ", …"
                } else {
                    ""
                };
                format!("{}{more}", shown.join(", "))
            });
            return security_fact(m, found.packages.len(), apt_lists_age(m), &source, packages);
        }
        Err(pending::NoAnswer::NoLists) => {
            return unknown_said(
                KEY,
                "/var/lib/apt/lists",
                i18n::message!("collect-patch-no-security-lists"),
                m.lang,
            );
        }
        Err(pending::NoAnswer::Unreadable(files)) => Some(files.clone()),
        Err(pending::NoAnswer::NoDpkg) => None,
    };
    if m.fake() {
        return unknown_said(
            KEY,
            "/var/lib/apt/lists",
            match apt_fallback {
                Some(files) => i18n::message!(
                    "collect-patch-lists-unreadable-offline",
                    files = files.join(", ")
                ),
                None => i18n::message!("collect-patch-no-dpkg-offline"),
            },
            m.lang,
        );
    }
    if apt_fallback.is_some() && m.which("apt-get").is_some() {
        return match m.run(
            "apt-get",
            &["-s", "-q", "-o", "Debug::NoLocking=true", "upgrade"],
            Duration::from_secs(15),
        ) {
            Ok(output) if output.success() => {
                let count = count_apt_security(&output.stdout);
                security_fact(m, count, apt_lists_age(m), "apt-get -s upgrade", None)
            }
            Ok(output) => unknown_said(
                KEY,
                "apt-get -s upgrade",
                command_failed("apt-get -s", &output),
                m.lang,
            ),
            Err(error) => command_unknown(m, KEY, "apt-get -s upgrade", &error),
        };
    }
    if m.which("dnf").is_some() {
        return match m.run(
            "dnf",
            &["-q", "--cacheonly", "updateinfo", "list", "--security"],
            Duration::from_secs(20),
        ) {
            Ok(output) if output.success() => {
                let count = output
                    .stdout
                    .lines()
                    .filter(|l| l.split_whitespace().count() >= 3)
                    .filter_map(|l| l.split_whitespace().nth(2))
                    .collect::<HashSet<_>>()
                    .len();
                security_fact(
                    m,
                    count,
                    None,
                    "dnf --cacheonly updateinfo list --security",
                    None,
                )
            }
            Ok(output) => unknown_said(
                KEY,
                "dnf --cacheonly updateinfo list --security",
                i18n::message!(
                    "collect-patch-dnf-no-answer",
                    failed = command_failed("dnf", &output)
                ),
                m.lang,
            ),
            Err(error) => command_unknown(m, KEY, "dnf updateinfo", &error),
        };
    }
    unknown_said(
        KEY,
        "/var/lib/dpkg/status, dnf",
        i18n::message!("collect-patch-no-dpkg-no-dnf"),
        m.lang,
    )
}

/// When the lists holding a pending update were published, at the latest: the `Date:` of their
/// suite's `InRelease`/`Release` file, else the list's modification time. Both are lower
/// bounds of the update's age (it was published on or before).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Published {
    /// The `Date:` of this Release file.
    Release(DateTime<Local>, String),
    /// The modification time of this list.
    OnDisk(DateTime<Local>, String),
}

impl Published {
    fn when(&self) -> DateTime<Local> {
        match self {
            Published::Release(when, _) | Published::OnDisk(when, _) => *when,
        }
    }

    fn file(&self) -> &str {
        match self {
            Published::Release(_, file) | Published::OnDisk(_, file) => file,
        }
    }
}

/// When a list was published, at the latest.
fn published(m: &Machine, list: &str) -> Option<Published> {
    for file in pending::release_files(list) {
        if !m.exists(&file) {
            continue;
        }
        if let Some(date) = m
            .read(&file)
            .ok()
            .and_then(|text| pending::release_date(&text))
        {
            return Some(Published::Release(date.with_timezone(&Local), file));
        }
    }
    m.modified(list)
        .map(|time| Published::OnDisk(time.into(), list.to_owned()))
}

/// The age in whole days of the oldest pending update, from when each list was published: the
/// oldest (earliest) publication wins. `None` when no date could be read.
pub(crate) fn oldest_pending(
    now: DateTime<Local>,
    published: &[Published],
) -> Option<(i64, &Published)> {
    let oldest = published.iter().min_by_key(|p| p.when())?;
    Some(((now - oldest.when()).num_days().max(0), oldest))
}

/// Status of the age of the oldest pending security update, a lower bound: past the charter's
/// 8 days it is a failure; within them it proves nothing (`warn`: an update waits all the same).
pub(crate) fn pending_days_status(age: i64) -> Status {
    if age > PATCH_OK_DAYS {
        Status::Fail
    } else {
        Status::Warn
    }
}

/// `patch.security_pending_days`.
fn security_pending_days(
    m: &Machine,
    apt: &Result<pending::Pending, pending::NoAnswer>,
    count: &Fact,
) -> Fact {
    const KEY: &str = "patch.security_pending_days";
    match apt {
        Ok(found) if found.packages.is_empty() => {
            let age = apt_lists_age(m).or_else(|| {
                let newest = found.lists.iter().filter_map(|l| m.modified(l)).max()?;
                let newest: DateTime<Local> = newest.into();
                Some((m.now - newest).num_days().max(0))
            });
            let source = std::iter::once("/var/lib/dpkg/status")
                .chain(found.lists.iter().map(String::as_str))
                .collect::<Vec<_>>()
                .join(", ");
            match age {
                Some(age) if age > PATCH_OK_DAYS => fact_said(
                    KEY,
                    days(0),
                    Status::Warn,
                    source,
                    i18n::message!("collect-patch-pending-none-stale", days = age),
                    m.lang,
                ),
                _ => fact_said(
                    KEY,
                    days(0),
                    Status::Ok,
                    source,
                    match age {
                        Some(age) => i18n::message!("collect-patch-pending-none-aged", days = age),
                        None => i18n::message!("collect-patch-pending-none-in-lists"),
                    },
                    m.lang,
                ),
            }
        }
        Ok(found) => {
            let mut lists: Vec<&str> = found.pending_in.iter().map(String::as_str).collect();
            lists.sort_unstable();
            lists.dedup();
            let dates: Vec<Published> = lists.iter().filter_map(|l| published(m, l)).collect();
            let shown: Vec<&str> = found.packages.iter().take(5).map(String::as_str).collect();
            let more = if found.packages.len() > 5 {
                ", …"
            } else {
                ""
            };
            let packages = format!("{}{more}", shown.join(", "));
            let n = found.packages.len();
            let Some((age, oldest)) = oldest_pending(m.now, &dates) else {
                return unknown_said(
                    KEY,
                    format!("/var/lib/dpkg/status, {}", lists.join(", ")),
                    i18n::message!(
                        "collect-patch-pending-undated",
                        count = n,
                        packages = &packages
                    ),
                    m.lang,
                );
            };
            let status = pending_days_status(age);
            let date = oldest.when().format("%Y-%m-%d").to_string();
            let file = oldest.file();
            let how = match oldest {
                Published::Release(..) => {
                    i18n::message!("collect-patch-published-release", date = &date, file = file)
                }
                Published::OnDisk(..) => {
                    i18n::message!("collect-patch-published-on-disk", date = &date, file = file)
                }
            };
            let source = std::iter::once("/var/lib/dpkg/status")
                .chain(dates.iter().map(Published::file))
                .collect::<Vec<_>>()
                .join(", ");
            let message = if status == Status::Fail {
                i18n::message!(
                    "collect-patch-pending-late",
                    count = n,
                    days = age,
                    how = how,
                    packages = &packages
                )
            } else {
                i18n::message!(
                    "collect-patch-pending-lower-bound",
                    count = n,
                    days = age,
                    how = how,
                    packages = &packages
                )
            };
            fact_said(KEY, days(age), status, source, message, m.lang)
        }
        Err(pending::NoAnswer::NoLists) => unknown_said(
            KEY,
            "/var/lib/apt/lists",
            i18n::message!("collect-patch-pending-no-lists"),
            m.lang,
        ),
        Err(_) => match (&count.value, count.status) {
            // Another source (apt-get -s, dnf) said nothing is pending.
            (Value::Number(n), Status::Ok) if *n == 0.0 => fact_said(
                KEY,
                days(0),
                Status::Ok,
                count.source.clone(),
                i18n::message!("collect-patch-pending-none"),
                m.lang,
            ),
            (Value::Number(n), _) if *n > 0.0 => unknown_said(
                KEY,
                count.source.clone(),
                i18n::message!("collect-patch-pending-undated-elsewhere", count = n),
                m.lang,
            ),
            // Why the count is unknown is why its age is.
            _ => Fact {
                key: KEY.to_owned(),
                value: Value::Null,
                status: Status::Unknown,
                ..count.clone()
            },
        },
    }
}

/// `patch.pending_security` from a count, the age of the lists on disk and the packages named.
fn security_fact(
    m: &Machine,
    count: usize,
    lists_age: Option<i64>,
    source: &str,
    packages: Option<String>,
) -> Fact {
    let stale = lists_age.filter(|age| *age > PATCH_OK_DAYS);
    let status = if count > 0 || stale.is_some() {
        Status::Warn
    } else {
        Status::Ok
    };
    let mut message = if count == 0 {
        i18n::message!("collect-patch-security-none-on-disk")
    } else {
        i18n::message!("collect-patch-security-count", count = count)
    };
    if let Some(age) = lists_age {
        message = if stale.is_some() {
            i18n::message!("collect-patch-lists-stale", detail = message, days = age)
        } else {
            i18n::message!("collect-patch-lists-aged", detail = message, days = age)
        };
    }
    if let Some(packages) = packages {
        message = i18n::message!(
            "collect-patch-packages",
            detail = message,
            packages = packages
        );
    }
    fact_said(
        "patch.pending_security",
        Value::Number(count as f64),
        status,
        source,
        message,
        m.lang,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn apt_history_keeps_upgrades_only() {
        let mut out = Upgrades::default();
        parse_apt_history(
            "Start-Date: 2024-01-02  10:00:00\nCommandline: apt install vim\nInstall: vim\nEnd-Date: 2024-01-02  10:00:01\n\n\
             Start-Date: 2024-01-01  09:00:00\nUpgrade: libc6:amd64 (1, 2)\nEnd-Date: x\n\
             Start-Date: garbage\nUpgrade: x\n\x00\x01binary",
            "h",
            &mut out,
        );
        assert_eq!(out.last.unwrap().0, d("2024-01-01"));
        assert_eq!(out.oldest_entry, Some(d("2024-01-01")));
    }

    #[test]
    fn dpkg_dnf_and_zypp_logs() {
        let mut out = Upgrades::default();
        parse_dpkg_log(
            "2024-02-01 10:00:00 install vim:amd64 <none> 2\n2024-02-03 10:00:00 upgrade libc6:amd64 1 2\n2024-02-05 status installed x\n",
            "dpkg",
            &mut out,
        );
        assert_eq!(out.last.as_ref().unwrap().0, d("2024-02-03"));
        parse_dnf_log(
            "2024-03-01T10:00:00+0000 SUBDEBUG Installed: vim\n2024-03-04T10:00:00+0000 SUBDEBUG Upgrade: openssl-3\n2024-03-04T10:00:00+0000 SUBDEBUG Upgraded: openssl-2\n",
            "dnf",
            &mut out,
        );
        assert_eq!(
            out.last.as_ref().unwrap(),
            &(d("2024-03-04"), "dnf".to_owned())
        );
        let mut zypp = Upgrades::default();
        parse_zypp_history(
            "# 2024-01-01 comment\n2024-01-01 10:00:00|install|bash|5.1|x86_64||repo|\n2024-04-01 10:00:00|install|vim|9|x86_64||repo|\n2024-04-02 10:00:00|install|bash|5.2|x86_64||repo|\n",
            "zypp",
            &mut zypp,
        );
        assert_eq!(zypp.last.unwrap().0, d("2024-04-02"));
    }

    #[test]
    fn the_oldest_pending_update_sets_the_age() {
        let now = Local::now();
        let at = |days: i64, file: &str| {
            Published::Release(now - chrono::Duration::days(days), file.to_owned())
        };
        let dates = vec![at(3, "a_InRelease"), at(40, "b_InRelease"), at(12, "c")];
        let (age, oldest) = oldest_pending(now, &dates).unwrap();
        assert_eq!((age, oldest.file()), (40, "b_InRelease"));
        assert!(oldest_pending(now, &[]).is_none());
        // A list published "in the future" (a wrong clock) is 0 days old, not negative.
        let future = [at(-2, "f")];
        assert_eq!(oldest_pending(now, &future).unwrap().0, 0);
        assert_eq!(pending_days_status(0), Status::Warn);
        assert_eq!(pending_days_status(8), Status::Warn);
        assert_eq!(pending_days_status(9), Status::Fail);
        assert_eq!(pending_days_status(40), Status::Fail);
    }

    #[test]
    fn delays_follow_the_charter() {
        assert_eq!(delay_status(0), Status::Ok);
        assert_eq!(delay_status(8), Status::Ok);
        assert_eq!(delay_status(9), Status::Warn);
        assert_eq!(delay_status(30), Status::Warn);
        assert_eq!(delay_status(31), Status::Fail);
    }

    #[test]
    fn apt_settings_last_file_wins() {
        let texts = vec![
            (
                "20auto-upgrades".to_owned(),
                "APT::Periodic::Update-Package-Lists \"1\";\nAPT::Periodic::Unattended-Upgrade \"1\";\n".to_owned(),
            ),
            (
                "99local".to_owned(),
                "// APT::Periodic::Unattended-Upgrade \"0\";\n".to_owned(),
            ),
        ];
        let (value, file) = apt_setting(&texts, "APT::Periodic::Unattended-Upgrade").unwrap();
        assert_eq!((value.as_str(), file.as_str()), ("1", "20auto-upgrades"));
        assert!(periodic_on("1") && !periodic_on("0") && !periodic_on("x"));
    }

    #[test]
    fn apt_simulation_counts_security_packages() {
        let output = "NOTE: This is only a simulation!\n\
            Inst libssl3 [3.0.16-1~deb12u1] (3.0.17-1~deb12u2 Debian-Security:12/stable-security [amd64])\n\
            Inst openssl [3.0.16-1~deb12u1] (3.0.17-1~deb12u2 Debian-Security:12/stable-security [amd64])\n\
            Inst tzdata [2025a] (2025b Debian:12.11/stable-updates [all])\n\
            Conf libssl3 (3.0.17-1~deb12u2 Debian-Security:12/stable-security [amd64])\n";
        assert_eq!(count_apt_security(output), 2);
    }
}
