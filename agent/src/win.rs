//! Facts of a Windows machine. What the registry and the Win32 API say is turned into facts here,
//! in code that builds and is tested on every system: the registry behind the [`Registry`] trait
//! (a [`FakeRegistry`] in tests), the Win32 readings as plain data ([`api::Readings`]). Only the
//! adapters that read the real machine (`system`, and the one module with `unsafe` Win32 calls,
//! `win32`) are Windows-only.
//!
//! Same keys as on Linux where the meaning is the same; Windows' own keys beside them
//! ([`WINDOWS_ONLY_KEYS`]). Nothing is written, no command is run, no network is used; a value
//! the user may not read is `unknown` with the reason.

pub mod api;
pub mod eol;
mod os;
mod protection;
pub mod registry;
pub mod security_center;
mod software;
#[cfg(windows)]
pub(crate) mod system;
#[cfg(windows)]
pub(crate) mod win32;

use chrono::{DateTime, Utc};
use i18n::Lang;
use scoring::facts::{Fact, Status, Value};

pub use self::registry::{FakeRegistry, Hive, RegError, RegValue, Registry};
use crate::collect::{fact_said, unknown_said};

/// The keys only a Windows machine reports (Linux reports every other key of `FACT_KEYS`).
pub const WINDOWS_ONLY_KEYS: &[&str] = &[
    "os.build",
    "av.realtime",
    "fw.profiles",
    "rdp.enabled",
    "rdp.nla",
    "rdp.port",
    "smb.v1",
    "remote.tools",
    "accounts.admins",
    "accounts.guest_enabled",
    "log.security_size",
];

/// What the facts are read from: the registry, the Win32 readings, the time, the language.
#[derive(Clone, Copy)]
pub struct Context<'a> {
    /// The registry.
    pub reg: &'a dyn Registry,
    /// What the Win32 API said.
    pub api: &'a api::Readings,
    /// Now.
    pub now: DateTime<Utc>,
    /// The language of the facts' `detail`.
    pub lang: Lang,
}

impl std::fmt::Debug for Context<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Context")
            .field("now", &self.now)
            .field("lang", &self.lang)
            .finish_non_exhaustive()
    }
}

/// Every Windows fact, in the order of the report.
pub fn facts(cx: &Context<'_>) -> Vec<Fact> {
    let mut facts = Vec::new();
    facts.extend(os::os_facts(cx));
    facts.extend(os::patch_facts(cx));
    facts.extend(api::net_facts(cx));
    facts.extend(protection::firewall_facts(cx));
    facts.extend(protection::rdp_facts(cx));
    facts.push(protection::smb_v1(cx));
    facts.push(api::disk_encrypted(cx));
    facts.extend(api::auth_facts(cx));
    facts.extend(api::account_facts(cx));
    facts.extend(protection::antivirus_facts(cx));
    facts.push(protection::security_log(cx));
    facts.push(protection::time_synced(cx));
    facts.push(protection::screen_lock(cx));
    facts.push(software::backup_tools(cx));
    facts.push(software::remote_tools(cx));
    facts
}

/// A registry key as written in a fact's source: `HKLM\SOFTWARE\…`.
pub(crate) fn key_source(hive: Hive, path: &str) -> String {
    format!("{}\\{path}", hive.short())
}

/// A registry value as written in a fact's source: `HKLM\…\Key (Name)`.
pub(crate) fn value_source(hive: Hive, path: &str, name: &str) -> String {
    format!("{} ({name})", key_source(hive, path))
}

impl Context<'_> {
    /// A value, its failure said as a message.
    pub(crate) fn value(
        &self,
        hive: Hive,
        path: &str,
        name: &str,
    ) -> Result<Option<RegValue>, i18n::Message> {
        self.reg
            .value(hive, path, name)
            .map_err(|error| reg_reason(&error, &key_source(hive, path)))
    }

    /// A value as a number (`None` when absent or not a number).
    pub(crate) fn number(
        &self,
        hive: Hive,
        path: &str,
        name: &str,
    ) -> Result<Option<u64>, i18n::Message> {
        Ok(self
            .value(hive, path, name)?
            .and_then(|value| value.number()))
    }

    /// A value as a text (`None` when absent or not a text).
    pub(crate) fn text(
        &self,
        hive: Hive,
        path: &str,
        name: &str,
    ) -> Result<Option<String>, i18n::Message> {
        Ok(self
            .value(hive, path, name)?
            .and_then(|value| value.text().map(str::to_owned))
            .filter(|text| !text.is_empty()))
    }

    /// A fact.
    pub(crate) fn fact(
        &self,
        key: &str,
        value: Value,
        status: Status,
        source: impl Into<String>,
        message: i18n::Message,
    ) -> Fact {
        fact_said(key, value, status, source, message, self.lang)
    }

    /// An `unknown` fact.
    pub(crate) fn unknown(
        &self,
        key: &str,
        source: impl Into<String>,
        message: i18n::Message,
    ) -> Fact {
        unknown_said(key, source, message, self.lang)
    }
}

/// Why a registry key could not be read, as a message.
pub(crate) fn reg_reason(error: &RegError, key: &str) -> i18n::Message {
    match error {
        RegError::Denied => i18n::message!("collect-win-denied", key = key),
        RegError::Other(why) => i18n::message!("collect-win-unreadable", key = key, why = why),
    }
}

/// Seconds between 1601-01-01 (FILETIME's epoch) and 1970-01-01.
const FILETIME_UNIX_OFFSET: i64 = 11_644_473_600;

/// A FILETIME (100-nanosecond intervals since 1601-01-01 UTC) as a time.
pub fn filetime(value: u64) -> Option<DateTime<Utc>> {
    let seconds = i64::try_from(value / 10_000_000).ok()? - FILETIME_UNIX_OFFSET;
    let nanos = u32::try_from((value % 10_000_000) * 100).ok()?;
    DateTime::from_timestamp(seconds, nanos)
}

/// A FILETIME as the registry keeps it in a `REG_BINARY` (8 bytes, little-endian) or a QWORD.
pub fn filetime_value(value: &RegValue) -> Option<DateTime<Utc>> {
    match value {
        RegValue::Binary(bytes) if bytes.len() >= 8 => {
            let mut raw = [0u8; 8];
            raw.copy_from_slice(&bytes[..8]);
            filetime(u64::from_le_bytes(raw))
        }
        RegValue::Qword(n) => filetime(*n),
        _ => None,
    }
    // A zero FILETIME means "never".
    .filter(|time| time.timestamp() > -FILETIME_UNIX_OFFSET)
}

/// A time as a FILETIME (tests, and the end-to-end test's registry values).
pub fn to_filetime(time: DateTime<Utc>) -> u64 {
    let seconds = u64::try_from(time.timestamp() + FILETIME_UNIX_OFFSET).unwrap_or(0);
    seconds * 10_000_000 + u64::from(time.timestamp_subsec_nanos() / 100)
}

/// Whole days from `then` to `now` (never negative: a clock ahead counts as today).
pub(crate) fn days_since(now: DateTime<Utc>, then: DateTime<Utc>) -> i64 {
    (now - then).num_days().max(0)
}

#[cfg(test)]
pub(crate) mod testing {
    //! A context over a fake registry, for the areas' tests.
    use chrono::TimeZone as _;

    use super::*;

    /// 2026-12-06 12:00 UTC.
    pub fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 6, 12, 0, 0)
            .single()
            .unwrap_or_default()
    }

    /// The facts of `reg` (and no Win32 readings) at [`now`], in English.
    pub fn facts_of(reg: &FakeRegistry) -> Vec<Fact> {
        facts_with(reg, &api::Readings::default())
    }

    /// The facts of `reg` and `api` at [`now`], in English.
    pub fn facts_with(reg: &FakeRegistry, api: &api::Readings) -> Vec<Fact> {
        facts(&Context {
            reg,
            api,
            now: now(),
            lang: Lang::En,
        })
    }

    /// The fact `key` of `facts`.
    pub fn get<'a>(facts: &'a [Fact], key: &str) -> &'a Fact {
        facts
            .iter()
            .find(|f| f.key == key)
            .unwrap_or_else(|| panic!("no {key} in {facts:#?}"))
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone as _;

    use super::testing::*;
    use super::*;

    #[test]
    fn filetimes_round_trip_and_zero_is_never() {
        let time = Utc
            .with_ymd_and_hms(2026, 11, 16, 8, 30, 0)
            .single()
            .unwrap();
        assert_eq!(filetime(to_filetime(time)), Some(time));
        // 2026-11-16 08:30:00 UTC, as Windows writes it.
        assert_eq!(to_filetime(time), 134_392_914_000_000_000);
        let bytes = to_filetime(time).to_le_bytes().to_vec();
        assert_eq!(filetime_value(&RegValue::Binary(bytes)), Some(time));
        assert_eq!(filetime_value(&RegValue::Binary(vec![0; 8])), None);
        assert_eq!(filetime_value(&RegValue::Binary(vec![1, 2])), None);
    }

    #[test]
    fn an_empty_registry_gives_every_key_with_a_message_and_never_panics() {
        let facts = facts_of(&FakeRegistry::new());
        for fact in &facts {
            assert!(fact.message.is_some(), "{fact:?}");
            assert!(!fact.detail.is_empty(), "{fact:?}");
            assert!(!fact.source.is_empty(), "{fact:?}");
            assert!(scoring::facts::kind_of(&fact.key).is_some(), "{}", fact.key);
            if fact.value == Value::Null {
                assert_eq!(fact.status, Status::Unknown, "{fact:?}");
            }
        }
        for key in WINDOWS_ONLY_KEYS {
            assert!(facts.iter().any(|f| f.key == *key), "no {key}");
        }
    }

    #[test]
    fn a_denied_key_is_unknown_with_the_reason() {
        let mut reg = FakeRegistry::new();
        reg.deny(
            Hive::LocalMachine,
            r"SYSTEM\CurrentControlSet\Services\EventLog\Security",
        );
        let facts = facts_of(&reg);
        let log = get(&facts, "log.security_size");
        assert_eq!(log.status, Status::Unknown);
        assert!(log.detail.contains("access denied"), "{log:?}");
    }
}

/// Whether this process has a console of its own: Windows made one for it alone, as when the
/// program is double-clicked (`GetConsoleProcessList` counts 1). Never on other systems.
pub fn console_of_its_own() -> bool {
    #[cfg(windows)]
    {
        win32::console_processes() == Some(1)
    }
    #[cfg(not(windows))]
    {
        false
    }
}

/// Waits for a key before the window of a double-clicked program closes: any key in a Windows
/// console; elsewhere, or when standard input is not a console, a line (Enter).
pub fn wait_for_key() {
    #[cfg(windows)]
    if win32::wait_for_key() {
        return;
    }
    let mut line = String::new();
    let _ = std::io::stdin().read_line(&mut line);
}
