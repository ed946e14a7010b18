//! The protections Windows keeps in the registry: the firewall's profiles, Remote Desktop and its
//! Network Level Authentication, SMBv1, the antivirus (Security Center's list first, read through
//! WMI, then Microsoft Defender's keys), the Security log's size, the time service and the screen
//! lock. Each policy value (`SOFTWARE\Policies\…`) wins over the setting
//! it overrides, as Windows applies them; an absent value is Windows' default, said in `detail`.

use scoring::facts::{Fact, Status, Value};

use super::security_center::{self, Listing, Product, Scanner};
use super::{Context, Hive, days_since, filetime_value, key_source, software};
use crate::collect::days;

const FIREWALL: &str = r"SYSTEM\CurrentControlSet\Services\SharedAccess\Parameters\FirewallPolicy";
const FIREWALL_POLICY: &str = r"SOFTWARE\Policies\Microsoft\WindowsFirewall";
const FIREWALL_SERVICE: &str = r"SYSTEM\CurrentControlSet\Services\MpsSvc";
/// The profiles: their name in facts, their key, their policy key.
const PROFILES: &[(&str, &str, &str)] = &[
    ("domain", "DomainProfile", "DomainProfile"),
    ("private", "StandardProfile", "PrivateProfile"),
    ("public", "PublicProfile", "PublicProfile"),
];
const TERMINAL_SERVER: &str = r"SYSTEM\CurrentControlSet\Control\Terminal Server";
const RDP_TCP: &str = r"SYSTEM\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp";
const RDP_POLICY: &str = r"SOFTWARE\Policies\Microsoft\Windows NT\Terminal Services";
const SMB_SERVER: &str = r"SYSTEM\CurrentControlSet\Services\LanmanServer\Parameters";
const SMB1_CLIENT: &str = r"SYSTEM\CurrentControlSet\Services\mrxsmb10";
pub(crate) const DEFENDER: &str = r"SOFTWARE\Microsoft\Windows Defender";
const DEFENDER_POLICY: &str = r"SOFTWARE\Policies\Microsoft\Windows Defender";
const SECURITY_LOG: &str = r"SYSTEM\CurrentControlSet\Services\EventLog\Security";
const SECURITY_LOG_POLICY: &str = r"SOFTWARE\Policies\Microsoft\Windows\EventLog\Security";
const W32TIME: &str = r"SYSTEM\CurrentControlSet\Services\W32Time";
const DESKTOP: &str = r"Control Panel\Desktop";
const DESKTOP_POLICY: &str = r"Software\Policies\Microsoft\Windows\Control Panel\Desktop";
const SYSTEM_POLICY: &str = r"SOFTWARE\Microsoft\Windows\CurrentVersion\Policies\System";

/// A service's `Start` value meaning disabled.
const DISABLED: u64 = 4;
/// Signatures up to this age (days) are fresh; past the second, a failure (as on Linux).
const SIGNATURES_OK_DAYS: i64 = 2;
const SIGNATURES_WARN_DAYS: i64 = 8;
/// The Security log's recommended minimum size, in MB (Microsoft's security baseline: 196,608 KB).
const SECURITY_LOG_MIN_MB: u64 = 192;
/// Windows' default size of the Security log, in MB.
const SECURITY_LOG_DEFAULT_MB: u64 = 20;
/// The longest idle time before the screen locks, in seconds (15 minutes).
const SCREEN_LOCK_MAX_SECONDS: u64 = 900;

/// A value read with its policy first: `(value, from the policy)`.
fn with_policy(
    cx: &Context<'_>,
    hive: Hive,
    policy: &str,
    setting: &str,
    name: &str,
) -> Result<Option<(u64, bool)>, i18n::Message> {
    if let Some(value) = cx.number(hive, policy, name)? {
        return Ok(Some((value, true)));
    }
    Ok(cx.number(hive, setting, name)?.map(|value| (value, false)))
}

/// Each profile's name and whether the firewall filters in it.
type Profiles = Vec<(&'static str, bool)>;

/// `fw.active` and `fw.profiles`.
pub(crate) fn firewall_facts(cx: &Context<'_>) -> Vec<Fact> {
    let lm = Hive::LocalMachine;
    let source = format!(
        "{}\\{{Domain,Standard,Public}}Profile (EnableFirewall), {}, {} (Start)",
        key_source(lm, FIREWALL),
        key_source(lm, FIREWALL_POLICY),
        key_source(lm, FIREWALL_SERVICE)
    );
    let read = || -> Result<(Profiles, bool), i18n::Message> {
        let service_off = cx.number(lm, FIREWALL_SERVICE, "Start")? == Some(DISABLED);
        let mut profiles = Vec::new();
        for (name, key, policy_key) in PROFILES {
            let on = with_policy(
                cx,
                lm,
                &format!("{FIREWALL_POLICY}\\{policy_key}"),
                &format!("{FIREWALL}\\{key}"),
                "EnableFirewall",
            )?
            // Absent: Windows' default, on.
            .is_none_or(|(value, _)| value != 0);
            profiles.push((*name, on && !service_off));
        }
        Ok((profiles, service_off))
    };
    let (profiles, service_off) = match read() {
        Ok(read) => read,
        Err(reason) => {
            return vec![
                cx.unknown("fw.active", source.as_str(), reason.clone()),
                cx.unknown("fw.profiles", source.as_str(), reason),
            ];
        }
    };
    let list: Vec<String> = profiles
        .iter()
        .map(|(name, on)| format!("{name}: {}", if *on { "on" } else { "off" }))
        .collect();
    let off: Vec<&str> = profiles
        .iter()
        .filter(|(_, on)| !on)
        .map(|(name, _)| *name)
        .collect();
    let (active, status, message) = if service_off {
        (
            false,
            Status::Fail,
            i18n::message!("collect-win-fw-service-off"),
        )
    } else if off.is_empty() {
        (true, Status::Ok, i18n::message!("collect-win-fw-on"))
    } else {
        let off = off.join(", ");
        (
            false,
            Status::Fail,
            i18n::message!("collect-win-fw-off", profiles = off),
        )
    };
    vec![
        cx.fact(
            "fw.active",
            Value::Bool(active),
            status,
            source.as_str(),
            message.clone(),
        ),
        cx.fact(
            "fw.profiles",
            Value::List(list),
            status,
            source.as_str(),
            message,
        ),
    ]
}

/// `rdp.enabled`, `rdp.nla`, `rdp.port`.
pub(crate) fn rdp_facts(cx: &Context<'_>) -> Vec<Fact> {
    let lm = Hive::LocalMachine;
    let source = format!(
        "{} (fDenyTSConnections), {} (UserAuthentication, PortNumber), {}",
        key_source(lm, TERMINAL_SERVER),
        key_source(lm, RDP_TCP),
        key_source(lm, RDP_POLICY)
    );
    let read = || -> Result<(bool, bool, u64), i18n::Message> {
        // Absent: connections denied, NLA required, port 3389 — Windows' defaults.
        let deny = with_policy(cx, lm, RDP_POLICY, TERMINAL_SERVER, "fDenyTSConnections")?
            .is_none_or(|(value, _)| value != 0);
        let nla = with_policy(cx, lm, RDP_POLICY, RDP_TCP, "UserAuthentication")?
            .is_none_or(|(value, _)| value != 0);
        let port = cx.number(lm, RDP_TCP, "PortNumber")?.unwrap_or(3389);
        Ok((!deny, nla, port))
    };
    let (enabled, nla, port) = match read() {
        Ok(read) => read,
        Err(reason) => {
            return ["rdp.enabled", "rdp.nla", "rdp.port"]
                .iter()
                .map(|key| cx.unknown(key, source.as_str(), reason.clone()))
                .collect();
        }
    };
    let enabled_fact = if enabled {
        cx.fact(
            "rdp.enabled",
            Value::Bool(true),
            Status::Warn,
            source.as_str(),
            i18n::message!("collect-win-rdp-on", port = port),
        )
    } else {
        cx.fact(
            "rdp.enabled",
            Value::Bool(false),
            Status::Ok,
            source.as_str(),
            i18n::message!("collect-win-rdp-off"),
        )
    };
    let nla_fact = match (enabled, nla) {
        (true, false) => cx.fact(
            "rdp.nla",
            Value::Bool(false),
            Status::Fail,
            source.as_str(),
            i18n::message!("collect-win-nla-off"),
        ),
        (true, true) => cx.fact(
            "rdp.nla",
            Value::Bool(true),
            Status::Ok,
            source.as_str(),
            i18n::message!("collect-win-nla-on"),
        ),
        (false, nla) => cx.fact(
            "rdp.nla",
            Value::Bool(nla),
            Status::Ok,
            source.as_str(),
            i18n::message!("collect-win-nla-rdp-off"),
        ),
    };
    let port_fact = cx.fact(
        "rdp.port",
        Value::Number(port as f64),
        Status::Ok,
        source.as_str(),
        i18n::message!("collect-win-rdp-port", port = port),
    );
    vec![enabled_fact, nla_fact, port_fact]
}

/// `smb.v1`: the server's `SMB1` value, else whether the SMB 1.0 feature is installed.
pub(crate) fn smb_v1(cx: &Context<'_>) -> Fact {
    let lm = Hive::LocalMachine;
    let source = format!(
        "{} (SMB1), {} (Start)",
        key_source(lm, SMB_SERVER),
        key_source(lm, SMB1_CLIENT)
    );
    let read = || -> Result<(bool, i18n::Message), i18n::Message> {
        match cx.number(lm, SMB_SERVER, "SMB1")? {
            Some(0) => return Ok((false, i18n::message!("collect-win-smb1-off"))),
            Some(_) => return Ok((true, i18n::message!("collect-win-smb1-on"))),
            None => {}
        }
        let installed = cx
            .reg
            .subkeys(lm, SMB1_CLIENT)
            .map_err(|error| super::reg_reason(&error, &key_source(lm, SMB1_CLIENT)))?
            .is_some();
        let start = cx.number(lm, SMB1_CLIENT, "Start")?;
        if installed && start != Some(DISABLED) {
            Ok((true, i18n::message!("collect-win-smb1-feature")))
        } else {
            Ok((false, i18n::message!("collect-win-smb1-absent")))
        }
    };
    match read() {
        Ok((on, message)) => cx.fact(
            "smb.v1",
            Value::Bool(on),
            if on { Status::Fail } else { Status::Ok },
            source,
            message,
        ),
        Err(reason) => cx.unknown("smb.v1", source, reason),
    }
}

/// `av.present`, `av.realtime`, `av.signatures_age_days`, from the first source that knows:
/// Security Center's antivirus list (WMI) where it is readable and lists a product; otherwise
/// Microsoft Defender's registry keys, then the installed programs' names, each fact then saying
/// why Security Center was not used.
pub(crate) fn antivirus_facts(cx: &Context<'_>) -> Vec<Fact> {
    match &cx.api.security_center {
        Listing::Listed(products) if !products.is_empty() => security_center_facts(cx, products),
        listing => registry_antivirus_facts(&AvSay {
            cx,
            instead_of_list: Some(listing.reason()),
        }),
    }
}

/// How the antivirus facts are said: every source starts with Security Center's list (the first
/// source consulted); when the list was not used, every sentence ends with why.
struct AvSay<'a, 'c> {
    cx: &'a Context<'c>,
    instead_of_list: Option<i18n::Message>,
}

impl AvSay<'_, '_> {
    fn source(&self, source: &str) -> String {
        if source.is_empty() {
            security_center::SOURCE.to_owned()
        } else {
            format!("{}, {source}", security_center::SOURCE)
        }
    }

    fn message(&self, message: i18n::Message) -> i18n::Message {
        match &self.instead_of_list {
            Some(why) => i18n::message!(
                "collect-win-av-fallback",
                detail = message,
                why = why.clone()
            ),
            None => message,
        }
    }

    fn fact(
        &self,
        key: &str,
        value: Value,
        status: Status,
        source: &str,
        message: i18n::Message,
    ) -> Fact {
        self.cx.fact(
            key,
            value,
            status,
            self.source(source),
            self.message(message),
        )
    }

    fn unknown(&self, key: &str, source: &str, message: i18n::Message) -> Fact {
        self.cx
            .unknown(key, self.source(source), self.message(message))
    }
}

/// The names of `products`, once each, in the list's order.
fn product_names<'p>(products: impl IntoIterator<Item = &'p Product>) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for product in products {
        let name = product.name.trim();
        if !name.is_empty() && !names.iter().any(|n| n == name) {
            names.push(name.to_owned());
        }
    }
    names
}

/// The `av.*` facts from Security Center's list (not empty): present, on if one product's scanner
/// is on; the signatures' age from Defender's registry when Defender is the product that protects
/// (the list only says current or out of date), else what the list says of them.
fn security_center_facts(cx: &Context<'_>, products: &[Product]) -> Vec<Fact> {
    let say = AvSay {
        cx,
        instead_of_list: None,
    };
    let names = product_names(products).join(", ");
    let present = say.fact(
        "av.present",
        Value::Bool(true),
        Status::Ok,
        "",
        i18n::message!("collect-win-sc-present", names = names.as_str()),
    );
    let on: Vec<&Product> = products
        .iter()
        .filter(|p| p.decoded().scanner == Scanner::On)
        .collect();
    let realtime = if on.is_empty() {
        say.fact(
            "av.realtime",
            Value::Bool(false),
            Status::Fail,
            "",
            i18n::message!("collect-win-sc-realtime-off", names = names.as_str()),
        )
    } else {
        let on_names = product_names(on.iter().copied()).join(", ");
        say.fact(
            "av.realtime",
            Value::Bool(true),
            Status::Ok,
            "",
            i18n::message!("collect-win-sc-realtime-on", names = on_names),
        )
    };
    // The product that protects: the first one on, else the first one listed.
    let primary = on.first().copied().or_else(|| products.first());
    let signatures = match primary {
        Some(other) if !other.is_defender() => {
            let name = other.name.trim();
            let message = if other.decoded().signatures_current {
                i18n::message!("collect-win-sc-signatures-current", name = name)
            } else {
                i18n::message!("collect-win-sc-signatures-outdated", name = name)
            };
            say.unknown("av.signatures_age_days", "", message)
        }
        _ => defender_signatures(&say),
    };
    vec![present, realtime, signatures]
}

/// The `av.*` facts without Security Center's list: Microsoft Defender from its registry keys,
/// other antivirus products from the installed programs.
fn registry_antivirus_facts(say: &AvSay<'_, '_>) -> Vec<Fact> {
    let cx = say.cx;
    let lm = Hive::LocalMachine;
    let defender_source = key_source(lm, DEFENDER);
    let others = software::installed(cx).map(|programs| software::antivirus(&programs));
    let defender = (|| -> Result<Option<bool>, i18n::Message> {
        let present = cx
            .reg
            .subkeys(lm, DEFENDER)
            .map_err(|error| super::reg_reason(&error, &defender_source))?
            .is_some();
        if !present {
            return Ok(None);
        }
        let disabled = with_policy(cx, lm, DEFENDER_POLICY, DEFENDER, "DisableAntiSpyware")?
            .is_some_and(|(value, _)| value != 0);
        Ok(Some(!disabled))
    })();
    let mut facts = Vec::new();
    let present_source = format!("{defender_source}, {}", software::UNINSTALL_SOURCE);
    let mut names: Vec<String> = Vec::new();
    if let Ok(Some(true)) = defender {
        names.push("Microsoft Defender".to_owned());
    }
    if let Ok(others) = &others {
        names.extend(others.iter().cloned());
    }
    facts.push(match (&defender, &others) {
        _ if !names.is_empty() => {
            let list = names.join(", ");
            say.fact(
                "av.present",
                Value::Bool(true),
                Status::Ok,
                &present_source,
                i18n::message!("collect-win-av-present", names = list),
            )
        }
        (Err(reason), _) | (_, Err(reason)) => {
            say.unknown("av.present", &present_source, reason.clone())
        }
        _ => say.fact(
            "av.present",
            Value::Bool(false),
            Status::Warn,
            &present_source,
            i18n::message!("collect-win-av-none"),
        ),
    });
    let defender_on = matches!(defender, Ok(Some(true)));
    // Without Defender, the other product's console shows both; without any, nothing does.
    let why_not = if names.is_empty() {
        i18n::message!("collect-win-av-none")
    } else {
        i18n::message!("collect-win-av-not-defender")
    };
    if defender_on {
        facts.push(realtime(say));
        facts.push(defender_signatures(say));
    } else {
        facts.push(say.unknown("av.realtime", &realtime_source(), why_not.clone()));
        facts.push(say.unknown("av.signatures_age_days", &signatures_source(), why_not));
    }
    facts
}

/// Where Defender keeps whether real-time protection is on.
fn realtime_source() -> String {
    let lm = Hive::LocalMachine;
    format!(
        "{} (DisableRealtimeMonitoring), {}",
        key_source(lm, &format!("{DEFENDER}\\Real-Time Protection")),
        key_source(lm, &format!("{DEFENDER_POLICY}\\Real-Time Protection"))
    )
}

/// `av.realtime` from Defender's registry (absent: on, Windows' default).
fn realtime(say: &AvSay<'_, '_>) -> Fact {
    let lm = Hive::LocalMachine;
    let key = format!("{DEFENDER}\\Real-Time Protection");
    let policy = format!("{DEFENDER_POLICY}\\Real-Time Protection");
    let source = realtime_source();
    match with_policy(say.cx, lm, &policy, &key, "DisableRealtimeMonitoring") {
        Ok(Some((value, _))) if value != 0 => say.fact(
            "av.realtime",
            Value::Bool(false),
            Status::Fail,
            &source,
            i18n::message!("collect-win-realtime-off"),
        ),
        Ok(_) => say.fact(
            "av.realtime",
            Value::Bool(true),
            Status::Ok,
            &source,
            i18n::message!("collect-win-realtime-on"),
        ),
        Err(reason) => say.unknown("av.realtime", &source, reason),
    }
}

/// Where Defender keeps when its signatures were updated.
fn signatures_source() -> String {
    let key = format!("{DEFENDER}\\Signature Updates");
    format!(
        "{} (SignaturesLastUpdated)",
        key_source(Hive::LocalMachine, &key)
    )
}

/// `av.signatures_age_days` from Defender's registry (`SignaturesLastUpdated`).
fn defender_signatures(say: &AvSay<'_, '_>) -> Fact {
    let cx = say.cx;
    let lm = Hive::LocalMachine;
    let key = format!("{DEFENDER}\\Signature Updates");
    let source = signatures_source();
    match cx.value(lm, &key, "SignaturesLastUpdated") {
        Ok(Some(value)) => match filetime_value(&value) {
            Some(time) => {
                let age = days_since(cx.now, time);
                let status = if age <= SIGNATURES_OK_DAYS {
                    Status::Ok
                } else if age <= SIGNATURES_WARN_DAYS {
                    Status::Warn
                } else {
                    Status::Fail
                };
                let date = time.format("%Y-%m-%d").to_string();
                say.fact(
                    "av.signatures_age_days",
                    days(age),
                    status,
                    &source,
                    i18n::message!("collect-win-signatures", date = date, days = age),
                )
            }
            None => say.unknown(
                "av.signatures_age_days",
                &source,
                i18n::message!("collect-win-signatures-unreadable"),
            ),
        },
        Ok(None) => say.unknown(
            "av.signatures_age_days",
            &source,
            i18n::message!("collect-win-signatures-unreadable"),
        ),
        Err(reason) => say.unknown("av.signatures_age_days", &source, reason),
    }
}

/// `log.security_size`: the Security event log's maximum size, in MB.
pub(crate) fn security_log(cx: &Context<'_>) -> Fact {
    let lm = Hive::LocalMachine;
    let source = format!(
        "{} (MaxSize), {}",
        key_source(lm, SECURITY_LOG),
        key_source(lm, SECURITY_LOG_POLICY)
    );
    let read = || -> Result<(u64, bool), i18n::Message> {
        // The policy's MaxSize is in KB, the log's own in bytes.
        if let Some(kb) = cx.number(lm, SECURITY_LOG_POLICY, "MaxSize")? {
            return Ok((kb / 1024, false));
        }
        Ok(match cx.number(lm, SECURITY_LOG, "MaxSize")? {
            Some(bytes) => (bytes / (1024 * 1024), false),
            None => (SECURITY_LOG_DEFAULT_MB, true),
        })
    };
    match read() {
        Ok((mb, default)) => {
            let status = if mb >= SECURITY_LOG_MIN_MB {
                Status::Ok
            } else {
                Status::Warn
            };
            let message = if default {
                i18n::message!(
                    "collect-win-security-log-default",
                    size = mb,
                    min = SECURITY_LOG_MIN_MB
                )
            } else {
                i18n::message!(
                    "collect-win-security-log",
                    size = mb,
                    min = SECURITY_LOG_MIN_MB
                )
            };
            cx.fact(
                "log.security_size",
                Value::Number(mb as f64),
                status,
                source,
                message,
            )
        }
        Err(reason) => cx.unknown("log.security_size", source, reason),
    }
}

/// `time.synced`: the time service is set to synchronise and not disabled.
pub(crate) fn time_synced(cx: &Context<'_>) -> Fact {
    let lm = Hive::LocalMachine;
    let parameters = format!("{W32TIME}\\Parameters");
    let source = format!(
        "{} (Type), {} (Start)",
        key_source(lm, &parameters),
        key_source(lm, W32TIME)
    );
    let read = || -> Result<Option<(String, bool)>, i18n::Message> {
        let kind = cx.text(lm, &parameters, "Type")?;
        let disabled = cx.number(lm, W32TIME, "Start")? == Some(DISABLED);
        Ok(kind.map(|kind| (kind, disabled)))
    };
    match read() {
        Ok(Some((_, true))) => cx.fact(
            "time.synced",
            Value::Bool(false),
            Status::Warn,
            source,
            i18n::message!("collect-win-time-disabled"),
        ),
        Ok(Some((kind, false))) if kind.eq_ignore_ascii_case("NoSync") => cx.fact(
            "time.synced",
            Value::Bool(false),
            Status::Warn,
            source,
            i18n::message!("collect-win-time-nosync"),
        ),
        Ok(Some((kind, false))) => cx.fact(
            "time.synced",
            Value::Bool(true),
            Status::Ok,
            source,
            i18n::message!("collect-win-time-on", kind = kind),
        ),
        Ok(None) => cx.unknown(
            "time.synced",
            source,
            i18n::message!("collect-win-time-unknown"),
        ),
        Err(reason) => cx.unknown("time.synced", source, reason),
    }
}

/// `screen.lock`: the machine's inactivity policy, else the user's password-protected screen saver.
pub(crate) fn screen_lock(cx: &Context<'_>) -> Fact {
    let (lm, cu) = (Hive::LocalMachine, Hive::CurrentUser);
    let source = format!(
        "{} (InactivityTimeoutSecs), {} (ScreenSaveActive, ScreenSaverIsSecure, ScreenSaveTimeOut), {}",
        key_source(lm, SYSTEM_POLICY),
        key_source(cu, DESKTOP),
        key_source(cu, DESKTOP_POLICY)
    );
    let read = || -> Result<Fact, i18n::Message> {
        if let Some(seconds) = cx.number(lm, SYSTEM_POLICY, "InactivityTimeoutSecs")?
            && seconds > 0
            && seconds <= SCREEN_LOCK_MAX_SECONDS
        {
            let minutes = seconds.div_ceil(60);
            return Ok(cx.fact(
                "screen.lock",
                Value::Bool(true),
                Status::Ok,
                source.as_str(),
                i18n::message!("collect-win-lock-policy", minutes = minutes),
            ));
        }
        let setting = |name| with_policy(cx, cu, DESKTOP_POLICY, DESKTOP, name);
        let active = setting("ScreenSaveActive")?.is_some_and(|(v, _)| v != 0);
        let secure = setting("ScreenSaverIsSecure")?.is_some_and(|(v, _)| v != 0);
        let timeout = setting("ScreenSaveTimeOut")?.map_or(0, |(v, _)| v);
        Ok(if active && secure && timeout > 0 {
            let minutes = timeout.div_ceil(60);
            let status = if timeout <= SCREEN_LOCK_MAX_SECONDS {
                Status::Ok
            } else {
                Status::Warn
            };
            cx.fact(
                "screen.lock",
                Value::Bool(true),
                status,
                source.as_str(),
                i18n::message!("collect-win-lock-screensaver", minutes = minutes),
            )
        } else {
            cx.fact(
                "screen.lock",
                Value::Bool(false),
                Status::Warn,
                source.as_str(),
                i18n::message!("collect-win-lock-none"),
            )
        })
    };
    read().unwrap_or_else(|reason| cx.unknown("screen.lock", source.as_str(), reason))
}

#[cfg(test)]
mod tests {
    use chrono::Duration;

    use super::super::api::Readings;
    use super::super::testing::*;
    use super::super::{FakeRegistry, RegValue, to_filetime};
    use super::*;

    const LM: Hive = Hive::LocalMachine;

    #[test]
    fn one_firewall_profile_off_is_a_failure_and_policies_win() {
        let mut reg = FakeRegistry::new();
        let facts = facts_of(&reg);
        assert_eq!(get(&facts, "fw.active").value, Value::Bool(true));
        assert_eq!(get(&facts, "fw.active").status, Status::Ok);
        reg.set(
            LM,
            &format!("{FIREWALL}\\PublicProfile"),
            "EnableFirewall",
            RegValue::Dword(0),
        );
        let facts = facts_of(&reg);
        assert_eq!(get(&facts, "fw.active").value, Value::Bool(false));
        assert_eq!(get(&facts, "fw.active").status, Status::Fail);
        assert_eq!(
            get(&facts, "fw.profiles").value,
            Value::List(vec![
                "domain: on".into(),
                "private: on".into(),
                "public: off".into()
            ])
        );
        // A policy turning it back on wins.
        reg.set(
            LM,
            &format!("{FIREWALL_POLICY}\\PublicProfile"),
            "EnableFirewall",
            RegValue::Dword(1),
        );
        assert_eq!(get(&facts_of(&reg), "fw.active").value, Value::Bool(true));
        // The service disabled: nothing filters.
        reg.set(LM, FIREWALL_SERVICE, "Start", RegValue::Dword(4));
        assert_eq!(get(&facts_of(&reg), "fw.active").value, Value::Bool(false));
    }

    #[test]
    fn remote_desktop_without_nla_is_a_failure() {
        let mut reg = FakeRegistry::new();
        let facts = facts_of(&reg);
        assert_eq!(get(&facts, "rdp.enabled").value, Value::Bool(false));
        assert_eq!(get(&facts, "rdp.port").value, Value::Number(3389.0));
        reg.set(
            LM,
            TERMINAL_SERVER,
            "fDenyTSConnections",
            RegValue::Dword(0),
        )
        .set(LM, RDP_TCP, "UserAuthentication", RegValue::Dword(0))
        .set(LM, RDP_TCP, "PortNumber", RegValue::Dword(3390));
        let facts = facts_of(&reg);
        assert_eq!(get(&facts, "rdp.enabled").value, Value::Bool(true));
        assert_eq!(get(&facts, "rdp.enabled").status, Status::Warn);
        assert_eq!(get(&facts, "rdp.nla").value, Value::Bool(false));
        assert_eq!(get(&facts, "rdp.nla").status, Status::Fail);
        assert_eq!(get(&facts, "rdp.port").value, Value::Number(3390.0));
        // The policy requiring NLA wins.
        reg.set(LM, RDP_POLICY, "UserAuthentication", RegValue::Dword(1));
        assert_eq!(get(&facts_of(&reg), "rdp.nla").status, Status::Ok);
    }

    #[test]
    fn smb1_is_on_when_set_or_when_its_feature_is_installed() {
        let mut reg = FakeRegistry::new();
        assert_eq!(get(&facts_of(&reg), "smb.v1").value, Value::Bool(false));
        reg.set(LM, SMB1_CLIENT, "Start", RegValue::Dword(2));
        assert_eq!(get(&facts_of(&reg), "smb.v1").value, Value::Bool(true));
        reg.set(LM, SMB1_CLIENT, "Start", RegValue::Dword(4));
        assert_eq!(get(&facts_of(&reg), "smb.v1").value, Value::Bool(false));
        reg.set(LM, SMB_SERVER, "SMB1", RegValue::Dword(1));
        let facts = facts_of(&reg);
        assert_eq!(get(&facts, "smb.v1").value, Value::Bool(true));
        assert_eq!(get(&facts, "smb.v1").status, Status::Fail);
    }

    #[test]
    fn defender_signatures_age_and_realtime_protection() {
        let mut reg = FakeRegistry::new();
        let facts = facts_of(&reg);
        assert_eq!(get(&facts, "av.present").value, Value::Bool(false));
        assert_eq!(
            get(&facts, "av.signatures_age_days").status,
            Status::Unknown
        );
        let updated = to_filetime(now() - Duration::days(20))
            .to_le_bytes()
            .to_vec();
        reg.set(
            LM,
            &format!("{DEFENDER}\\Signature Updates"),
            "SignaturesLastUpdated",
            RegValue::Binary(updated),
        )
        .set(
            LM,
            &format!("{DEFENDER}\\Real-Time Protection"),
            "DisableRealtimeMonitoring",
            RegValue::Dword(1),
        );
        let facts = facts_of(&reg);
        assert_eq!(get(&facts, "av.present").value, Value::Bool(true));
        assert_eq!(
            get(&facts, "av.signatures_age_days").value,
            Value::Number(20.0)
        );
        assert_eq!(get(&facts, "av.signatures_age_days").status, Status::Fail);
        assert_eq!(get(&facts, "av.realtime").value, Value::Bool(false));
        let fresh = to_filetime(now() - Duration::hours(30))
            .to_le_bytes()
            .to_vec();
        reg.set(
            LM,
            &format!("{DEFENDER}\\Signature Updates"),
            "SignaturesLastUpdated",
            RegValue::Binary(fresh),
        )
        .set(
            LM,
            &format!("{DEFENDER_POLICY}\\Real-Time Protection"),
            "DisableRealtimeMonitoring",
            RegValue::Dword(0),
        );
        let facts = facts_of(&reg);
        assert_eq!(get(&facts, "av.signatures_age_days").status, Status::Ok);
        assert_eq!(get(&facts, "av.realtime").value, Value::Bool(true));
        // Turned off by policy: not present.
        reg.set(
            LM,
            DEFENDER_POLICY,
            "DisableAntiSpyware",
            RegValue::Dword(1),
        );
        assert_eq!(get(&facts_of(&reg), "av.present").value, Value::Bool(false));
    }

    #[test]
    fn the_security_log_time_service_and_screen_lock() {
        let mut reg = FakeRegistry::new();
        let facts = facts_of(&reg);
        assert_eq!(get(&facts, "log.security_size").value, Value::Number(20.0));
        assert_eq!(get(&facts, "log.security_size").status, Status::Warn);
        assert_eq!(get(&facts, "time.synced").status, Status::Unknown);
        assert_eq!(get(&facts, "screen.lock").value, Value::Bool(false));
        reg.set(LM, SECURITY_LOG, "MaxSize", RegValue::Dword(201_326_592))
            .set(
                LM,
                &format!("{W32TIME}\\Parameters"),
                "Type",
                RegValue::Text("NTP".into()),
            )
            .set(
                Hive::CurrentUser,
                DESKTOP,
                "ScreenSaveActive",
                RegValue::Text("1".into()),
            )
            .set(
                Hive::CurrentUser,
                DESKTOP,
                "ScreenSaverIsSecure",
                RegValue::Text("1".into()),
            )
            .set(
                Hive::CurrentUser,
                DESKTOP,
                "ScreenSaveTimeOut",
                RegValue::Text("1200".into()),
            );
        let facts = facts_of(&reg);
        assert_eq!(get(&facts, "log.security_size").value, Value::Number(192.0));
        assert_eq!(get(&facts, "log.security_size").status, Status::Ok);
        assert_eq!(get(&facts, "time.synced").value, Value::Bool(true));
        assert_eq!(get(&facts, "screen.lock").value, Value::Bool(true));
        assert_eq!(get(&facts, "screen.lock").status, Status::Warn);
        reg.set(
            LM,
            SYSTEM_POLICY,
            "InactivityTimeoutSecs",
            RegValue::Dword(600),
        )
        .set(LM, W32TIME, "Start", RegValue::Dword(4));
        let facts = facts_of(&reg);
        assert_eq!(get(&facts, "screen.lock").status, Status::Ok);
        assert_eq!(get(&facts, "time.synced").value, Value::Bool(false));
    }
    /// A machine with Defender's signatures 20 days old and real-time protection off in the
    /// registry, and Kaspersky among the installed programs.
    fn defender_and_kaspersky_in_the_registry() -> FakeRegistry {
        let mut reg = FakeRegistry::new();
        let updated = to_filetime(now() - Duration::days(20))
            .to_le_bytes()
            .to_vec();
        reg.set(
            LM,
            &format!("{DEFENDER}\\Signature Updates"),
            "SignaturesLastUpdated",
            RegValue::Binary(updated),
        )
        .set(
            LM,
            &format!("{DEFENDER}\\Real-Time Protection"),
            "DisableRealtimeMonitoring",
            RegValue::Dword(1),
        )
        .set(
            LM,
            r"SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall\{KES}",
            "DisplayName",
            RegValue::Text("Kaspersky Endpoint Security for Windows".into()),
        );
        reg
    }

    fn listed(products: &[(&str, u32, &str)]) -> Readings {
        Readings {
            security_center: Listing::Listed(
                products
                    .iter()
                    .map(|(name, state, exe)| Product {
                        name: (*name).to_owned(),
                        state: *state,
                        exe: (*exe).to_owned(),
                    })
                    .collect(),
            ),
            ..Default::default()
        }
    }

    #[test]
    fn security_center_s_list_comes_before_defender_s_registry_and_the_programs() {
        let reg = defender_and_kaspersky_in_the_registry();
        // Security Center lists ESET, on, and Defender, off: only the list counts.
        let api = listed(&[
            ("Windows Defender", 393_472, "windowsdefender://"),
            (
                "ESET Security",
                266_240,
                r"C:\Program Files\ESET\ESET Security\ecmds.exe",
            ),
        ]);
        let facts = facts_with(&reg, &api);
        let present = get(&facts, "av.present");
        assert_eq!(
            (&present.value, present.status),
            (&Value::Bool(true), Status::Ok)
        );
        assert!(
            present.detail.contains("Windows Defender, ESET Security")
                && !present.detail.contains("Kaspersky"),
            "{present:?}"
        );
        assert_eq!(present.source, security_center::SOURCE);
        let realtime = get(&facts, "av.realtime");
        assert_eq!(
            (&realtime.value, realtime.status),
            (&Value::Bool(true), Status::Ok)
        );
        assert!(realtime.detail.ends_with(": ESET Security"), "{realtime:?}");
        // ESET protects: its signatures' age is in its console, not Defender's 20 days.
        let signatures = get(&facts, "av.signatures_age_days");
        assert_eq!(signatures.status, Status::Unknown);
        assert!(
            signatures
                .detail
                .contains("ESET Security's signatures up to date"),
            "{signatures:?}"
        );
        let outdated = facts_with(
            &reg,
            &listed(&[("ESET Security", 266_256, r"C:\ESET\ecmds.exe")]),
        );
        assert!(
            get(&outdated, "av.signatures_age_days")
                .detail
                .contains("out of date"),
            "{outdated:?}"
        );

        // Defender on in Security Center: on, whatever the registry says, and its signatures'
        // age from the registry.
        let facts = facts_with(
            &reg,
            &listed(&[("Windows Defender", 397_568, "windowsdefender://")]),
        );
        assert_eq!(get(&facts, "av.realtime").value, Value::Bool(true));
        let signatures = get(&facts, "av.signatures_age_days");
        assert_eq!(
            (&signatures.value, signatures.status),
            (&Value::Number(20.0), Status::Fail)
        );
        assert!(
            signatures.source.starts_with(&format!(
                "{}, HKLM\\SOFTWARE\\Microsoft\\Windows Defender\\Signature Updates",
                security_center::SOURCE
            )),
            "{signatures:?}"
        );
        assert!(
            !signatures.detail.contains("Security Center"),
            "{signatures:?}"
        );

        // Every product off, snoozed or expired: not protected.
        let facts = facts_with(
            &reg,
            &listed(&[
                ("Windows Defender", 393_472, "windowsdefender://"),
                ("Norton 360", 270_336, r"C:\Norton\wsc_proxy.exe"),
            ]),
        );
        let realtime = get(&facts, "av.realtime");
        assert_eq!(
            (&realtime.value, realtime.status),
            (&Value::Bool(false), Status::Fail)
        );
        // The first product listed (Defender) is the one whose signatures count.
        assert_eq!(
            get(&facts, "av.signatures_age_days").value,
            Value::Number(20.0)
        );
    }

    #[test]
    fn without_security_center_defender_then_the_programs_decide_and_say_why() {
        let reg = defender_and_kaspersky_in_the_registry();
        // Windows Server (and Wine): no ROOT\SecurityCenter2.
        let absent = Readings {
            security_center: Listing::Absent,
            ..Default::default()
        };
        let facts = facts_with(&reg, &absent);
        let present = get(&facts, "av.present");
        assert_eq!(present.value, Value::Bool(true));
        assert!(
            present.detail.contains("Microsoft Defender, Kaspersky")
                && present
                    .detail
                    .ends_with("(Windows Security Center: not there, as on Windows Server)"),
            "{present:?}"
        );
        assert!(
            present.source.starts_with(security_center::SOURCE)
                && present
                    .source
                    .contains(r"HKLM\SOFTWARE\Microsoft\Windows Defender"),
            "{present:?}"
        );
        // Defender's registry: real-time protection off, signatures 20 days old.
        let realtime = get(&facts, "av.realtime");
        assert_eq!(
            (&realtime.value, realtime.status),
            (&Value::Bool(false), Status::Fail)
        );
        assert!(realtime.detail.contains("Windows Server"), "{realtime:?}");
        assert_eq!(
            get(&facts, "av.signatures_age_days").value,
            Value::Number(20.0)
        );

        // Without Defender, the installed programs.
        let mut reg = reg;
        reg.set(
            LM,
            DEFENDER_POLICY,
            "DisableAntiSpyware",
            RegValue::Dword(1),
        );
        let denied = Readings {
            security_center: Listing::Denied,
            ..Default::default()
        };
        let facts = facts_with(&reg, &denied);
        let present = get(&facts, "av.present");
        assert!(
            present.detail.starts_with("antivirus: Kaspersky (")
                && present.detail.contains("access denied"),
            "{present:?}"
        );
        assert_eq!(get(&facts, "av.realtime").status, Status::Unknown);

        // An empty list is no proof of absence: the registry still speaks, and says so.
        let empty = Readings {
            security_center: Listing::Listed(Vec::new()),
            ..Default::default()
        };
        let facts = facts_with(&FakeRegistry::new(), &empty);
        let present = get(&facts, "av.present");
        assert_eq!(
            (&present.value, present.status),
            (&Value::Bool(false), Status::Warn)
        );
        assert!(
            present.detail.contains("no antivirus registered"),
            "{present:?}"
        );
        let failed = Readings {
            security_center: Listing::failure(0x8007_06BA, "The RPC server is unavailable."),
            ..Default::default()
        };
        let facts = facts_with(&FakeRegistry::new(), &failed);
        assert!(
            get(&facts, "av.present")
                .detail
                .contains("unreadable (0x800706BA The RPC server is unavailable.)"),
            "{facts:?}"
        );
    }
}
