//! What the Win32 API says that the registry does not (accounts, the password policy, listening
//! sockets, BitLocker, the update history, the battery, the uptime), as plain data: the Windows
//! adapter fills [`Readings`], and the facts are decided from them here, on every system, so that
//! the decisions are tested on Linux.

use std::net::IpAddr;

use chrono::{DateTime, Utc};
use scoring::facts::{Fact, Status, Value};

use super::Context;
use crate::collect::net::{Proto, admin_service};

/// One reading of the Win32 API.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Reading<T> {
    /// Not read (not on Windows, or not read by this version of the agent).
    #[default]
    NotRead,
    /// The call needs rights the user lacks: the API's name.
    Denied(String),
    /// The call failed: the API's name and the system's message.
    Failed(String, String),
    /// The value.
    Got(T),
}

impl<T> Reading<T> {
    /// Why there is no value, as a message.
    pub fn reason(&self) -> i18n::Message {
        match self {
            Reading::NotRead | Reading::Got(_) => i18n::message!("collect-win-not-read"),
            Reading::Denied(api) => i18n::message!("collect-win-api-denied", api = api),
            Reading::Failed(api, why) => {
                i18n::message!("collect-win-api-failed", api = api, why = why)
            }
        }
    }
}

/// The local account policy (`NetUserModalsGet`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PasswordPolicy {
    /// Minimum password length.
    pub min_length: u32,
    /// Failed logons before the account locks (0: never).
    pub lockout_threshold: u32,
}

/// A socket waiting for connections.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Listener {
    /// TCP or UDP.
    pub proto: Proto,
    /// The local address.
    pub address: IpAddr,
    /// The local port.
    pub port: u16,
}

/// Everything the Win32 API said.
#[derive(Debug, Clone, Default)]
pub struct Readings {
    /// Whole days since boot.
    pub uptime_days: Reading<u64>,
    /// Whether the machine has a system battery.
    pub battery: Reading<bool>,
    /// The newest successful install in the update agent's history (definition updates left out).
    pub last_update: Reading<DateTime<Utc>>,
    /// The members of the local Administrators group (`DOMAIN\name`).
    pub admins: Reading<Vec<String>>,
    /// Whether the built-in Guest account is enabled.
    pub guest_enabled: Reading<bool>,
    /// The names of the enabled local accounts.
    pub users: Reading<Vec<String>>,
    /// The local account policy.
    pub password_policy: Reading<PasswordPolicy>,
    /// The listening sockets.
    pub listening: Reading<Vec<Listener>>,
    /// The system drive's `System.Volume.BitLockerProtection` shell property, as it is.
    pub bitlocker: Reading<u32>,
    /// Security Center's antivirus list (WMI).
    pub security_center: super::security_center::Listing,
}

/// One entry of the Windows Update Agent's history.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryEntry {
    /// `UpdateOperation`: 1 installation, 2 uninstallation.
    pub operation: i32,
    /// `OperationResultCode`: 2 succeeded, 3 succeeded with errors.
    pub result: i32,
    /// When, as an OLE Automation date (days since 1899-12-30, UTC).
    pub date: f64,
    /// The update's title.
    pub title: String,
}

/// An OLE Automation date (days since 1899-12-30 00:00 UTC, the fraction for the time of day)
/// as a time.
pub fn ole_date(days: f64) -> Option<DateTime<Utc>> {
    if !days.is_finite() || days <= 0.0 {
        return None;
    }
    let epoch = DateTime::from_timestamp(-2_209_161_600, 0)?;
    let seconds = (days * 86_400.0).round();
    if seconds > 1e12 {
        return None;
    }
    Some(epoch + chrono::Duration::seconds(seconds as i64))
}

/// Whether an update is one of Defender's definition updates, which arrive several times a day
/// and say nothing of the system's patches (KB2267602, "Security Intelligence Update").
pub fn is_definition_update(title: &str) -> bool {
    let title = title.to_lowercase();
    [
        "kb2267602",
        "kb2461484",
        "security intelligence update",
        "definition update",
        "veille de sécurité",
        "mise à jour des définitions",
    ]
    .iter()
    .any(|marker| title.contains(marker))
}

/// The newest successful installation of the history, definition updates left out.
pub fn newest_install(entries: &[HistoryEntry]) -> Option<DateTime<Utc>> {
    entries
        .iter()
        .filter(|e| e.operation == 1 && (e.result == 2 || e.result == 3))
        .filter(|e| !is_definition_update(&e.title))
        .filter_map(|e| ole_date(e.date))
        .max()
}

/// The CNIL's minimum password length.
const MIN_PASSWORD_LENGTH: u32 = 12;
/// More local administrators than this is worth a look.
const MAX_ADMINS: usize = 2;

/// `net.listening` and `net.admin_exposed` from the TCP and UDP tables.
pub(crate) fn net_facts(cx: &Context<'_>) -> Vec<Fact> {
    let source = "GetExtendedTcpTable, GetExtendedUdpTable";
    let Reading::Got(sockets) = &cx.api.listening else {
        let reason = cx.api.listening.reason();
        return vec![
            cx.unknown("net.listening", source, reason.clone()),
            cx.unknown("net.admin_exposed", source, reason),
        ];
    };
    let mut listening: Vec<String> = sockets.iter().map(socket_text).collect();
    listening.sort();
    listening.dedup();
    let mut exposed: Vec<String> = sockets
        .iter()
        .filter(|s| s.address.is_unspecified())
        .filter_map(|s| {
            let name = admin_service(s.proto, s.port)?;
            let proto = match s.proto {
                Proto::Tcp => "tcp",
                Proto::Udp => "udp",
            };
            Some(format!("{}/{proto} ({name}) {}", s.port, s.address))
        })
        .collect();
    exposed.sort();
    exposed.dedup();
    let count = listening.len();
    let mut facts = vec![cx.fact(
        "net.listening",
        Value::List(listening),
        Status::Ok,
        source,
        i18n::message!("collect-win-listening", count = count),
    )];
    facts.push(if exposed.is_empty() {
        cx.fact(
            "net.admin_exposed",
            Value::List(exposed),
            Status::Ok,
            source,
            i18n::message!("collect-win-admin-exposed-none"),
        )
    } else {
        let list = exposed.join(", ");
        cx.fact(
            "net.admin_exposed",
            Value::List(exposed),
            Status::Warn,
            source,
            i18n::message!("collect-win-admin-exposed", list = list),
        )
    });
    facts
}

fn socket_text(socket: &Listener) -> String {
    let proto = match (socket.proto, socket.address) {
        (Proto::Tcp, IpAddr::V4(_)) => "tcp",
        (Proto::Tcp, IpAddr::V6(_)) => "tcp6",
        (Proto::Udp, IpAddr::V4(_)) => "udp",
        (Proto::Udp, IpAddr::V6(_)) => "udp6",
    };
    match socket.address {
        IpAddr::V4(address) => format!("{proto} {address}:{}", socket.port),
        IpAddr::V6(address) => format!("{proto} [{address}]:{}", socket.port),
    }
}

/// What a value of the shell property `System.Volume.BitLockerProtection` says: whether the
/// drive's data is encrypted, and whether that protects it — 1 on, 6 on (locked), 5 suspended
/// (encrypted, but the key is left in clear), 3 encrypting, 4 decrypting, 2 off, 0 a drive that
/// cannot be encrypted, 8 waiting for activation. `None` for a value this agent does not know.
pub fn bitlocker_state(value: u32) -> Option<(bool, Status)> {
    match value {
        1 | 6 => Some((true, Status::Ok)),
        5 => Some((true, Status::Warn)),
        0 | 2 | 3 | 4 | 8 => Some((false, Status::Warn)),
        _ => None,
    }
}

/// `disk.encrypted`: BitLocker on the system drive.
pub(crate) fn disk_encrypted(cx: &Context<'_>) -> Fact {
    let source = "System.Volume.BitLockerProtection";
    let value = match cx.api.bitlocker {
        Reading::Got(value) => value,
        ref other => return cx.unknown("disk.encrypted", source, other.reason()),
    };
    match bitlocker_state(value) {
        Some((true, status)) => cx.fact(
            "disk.encrypted",
            Value::Bool(true),
            status,
            source,
            if status == Status::Ok {
                i18n::message!("collect-win-bitlocker-on")
            } else {
                i18n::message!("collect-win-bitlocker-suspended")
            },
        ),
        Some((false, status)) => cx.fact(
            "disk.encrypted",
            Value::Bool(false),
            status,
            source,
            i18n::message!("collect-win-bitlocker-off", state = value),
        ),
        None => cx.unknown(
            "disk.encrypted",
            source,
            i18n::message!("collect-win-bitlocker-unknown", state = value),
        ),
    }
}

/// `auth.password_minlen` and `auth.lockout` from the local account policy.
pub(crate) fn auth_facts(cx: &Context<'_>) -> Vec<Fact> {
    let source = "NetUserModalsGet";
    let Reading::Got(policy) = cx.api.password_policy else {
        let reason = cx.api.password_policy.reason();
        return vec![
            cx.unknown("auth.password_minlen", source, reason.clone()),
            cx.unknown("auth.lockout", source, reason),
        ];
    };
    let length = policy.min_length;
    let min_status = if length >= MIN_PASSWORD_LENGTH {
        Status::Ok
    } else {
        Status::Warn
    };
    let lockout = policy.lockout_threshold > 0;
    vec![
        cx.fact(
            "auth.password_minlen",
            Value::Number(f64::from(length)),
            min_status,
            source,
            i18n::message!("collect-win-password-minlen", length = length),
        ),
        cx.fact(
            "auth.lockout",
            Value::Bool(lockout),
            if lockout { Status::Ok } else { Status::Warn },
            source,
            if lockout {
                i18n::message!(
                    "collect-win-lockout-on",
                    threshold = policy.lockout_threshold
                )
            } else {
                i18n::message!("collect-win-lockout-off")
            },
        ),
    ]
}

/// `accounts.admins`, `accounts.guest_enabled`, `accounts.generic`.
pub(crate) fn account_facts(cx: &Context<'_>) -> Vec<Fact> {
    let mut facts = Vec::new();
    let source = "NetLocalGroupGetMembers (S-1-5-32-544)";
    facts.push(match &cx.api.admins {
        Reading::Got(admins) => {
            let count = admins.len();
            let status = if count <= MAX_ADMINS {
                Status::Ok
            } else {
                Status::Warn
            };
            let list = admins.join(", ");
            cx.fact(
                "accounts.admins",
                Value::List(admins.clone()),
                status,
                source,
                i18n::message!("collect-win-admins", count = count, list = list),
            )
        }
        other => cx.unknown("accounts.admins", source, other.reason()),
    });
    let source = "NetUserEnum (relative id 501)";
    facts.push(match cx.api.guest_enabled {
        Reading::Got(true) => cx.fact(
            "accounts.guest_enabled",
            Value::Bool(true),
            Status::Fail,
            source,
            i18n::message!("collect-win-guest-on"),
        ),
        Reading::Got(false) => cx.fact(
            "accounts.guest_enabled",
            Value::Bool(false),
            Status::Ok,
            source,
            i18n::message!("collect-win-guest-off"),
        ),
        ref other => cx.unknown("accounts.guest_enabled", source, other.reason()),
    });
    let source = "NetUserEnum";
    facts.push(match &cx.api.users {
        Reading::Got(users) => {
            let generic: Vec<String> = users
                .iter()
                .filter(|name| crate::collect::accounts::generic(name))
                .cloned()
                .collect();
            if generic.is_empty() {
                cx.fact(
                    "accounts.generic",
                    Value::List(generic),
                    Status::Ok,
                    source,
                    i18n::message!("collect-win-generic-none"),
                )
            } else {
                let list = generic.join(", ");
                cx.fact(
                    "accounts.generic",
                    Value::List(generic),
                    Status::Warn,
                    source,
                    i18n::message!("collect-win-generic", list = list),
                )
            }
        }
        other => cx.unknown("accounts.generic", source, other.reason()),
    });
    facts
}

#[cfg(test)]
mod tests {
    use std::net::{Ipv4Addr, Ipv6Addr};

    use super::super::FakeRegistry;
    use super::super::testing::*;
    use super::*;

    #[test]
    fn admin_ports_on_every_interface_are_exposed() {
        let api = Readings {
            listening: Reading::Got(vec![
                Listener {
                    proto: Proto::Tcp,
                    address: IpAddr::V4(Ipv4Addr::UNSPECIFIED),
                    port: 3389,
                },
                Listener {
                    proto: Proto::Tcp,
                    address: IpAddr::V6(Ipv6Addr::UNSPECIFIED),
                    port: 445,
                },
                Listener {
                    proto: Proto::Tcp,
                    address: IpAddr::V4(Ipv4Addr::LOCALHOST),
                    port: 5985,
                },
                Listener {
                    proto: Proto::Udp,
                    address: IpAddr::V4(Ipv4Addr::UNSPECIFIED),
                    port: 5353,
                },
            ]),
            ..Default::default()
        };
        let facts = facts_with(&FakeRegistry::new(), &api);
        let exposed = get(&facts, "net.admin_exposed");
        assert_eq!(
            exposed.value,
            Value::List(vec![
                "3389/tcp (RDP) 0.0.0.0".into(),
                "445/tcp (SMB) ::".into()
            ])
        );
        assert_eq!(exposed.status, Status::Warn);
        let listening = get(&facts, "net.listening");
        assert!(
            matches!(&listening.value, Value::List(items) if items.contains(&"tcp6 [::]:445".to_owned())),
            "{listening:?}"
        );
    }

    #[test]
    fn the_update_history_gives_the_newest_real_installation() {
        // 2026-10-22 12:00 UTC.
        let day = 46_317.5;
        assert_eq!(
            ole_date(day).map(|t| t.to_rfc3339()),
            Some("2026-10-22T12:00:00+00:00".to_owned())
        );
        assert_eq!(ole_date(f64::NAN), None);
        let entry = |operation, result, date, title: &str| HistoryEntry {
            operation,
            result,
            date,
            title: title.to_owned(),
        };
        let entries = [
            entry(
                1,
                2,
                day + 10.0,
                "Security Intelligence Update for Microsoft Defender Antivirus - KB2267602 (Version 1.421.0)",
            ),
            entry(
                1,
                4,
                day + 5.0,
                "2026-11 Cumulative Update for Windows 11 (KB5040000) (failed)",
            ),
            entry(2, 2, day + 3.0, "an uninstallation"),
            entry(
                1,
                2,
                day,
                "2026-10 Cumulative Update for Windows 11 Version 23H2 (KB5031455)",
            ),
        ];
        assert_eq!(newest_install(&entries), ole_date(day));
        assert!(is_definition_update(
            "Mise à jour de la veille de sécurité pour Microsoft Defender"
        ));
        assert_eq!(newest_install(&[]), None);
    }

    #[test]
    fn bitlocker_states_are_read_as_the_shell_says_them() {
        assert_eq!(bitlocker_state(1), Some((true, Status::Ok)));
        assert_eq!(bitlocker_state(6), Some((true, Status::Ok)));
        assert_eq!(bitlocker_state(5), Some((true, Status::Warn)));
        assert_eq!(bitlocker_state(2), Some((false, Status::Warn)));
        assert_eq!(bitlocker_state(3), Some((false, Status::Warn)));
        assert_eq!(bitlocker_state(42), None);
        let api = Readings {
            bitlocker: Reading::Got(42),
            ..Default::default()
        };
        let facts = facts_with(&FakeRegistry::new(), &api);
        assert_eq!(get(&facts, "disk.encrypted").status, Status::Unknown);
    }

    #[test]
    fn the_account_policy_and_accounts_are_judged() {
        let api = Readings {
            password_policy: Reading::Got(PasswordPolicy {
                min_length: 8,
                lockout_threshold: 0,
            }),
            admins: Reading::Got(vec![
                "PC\\Administrateur".into(),
                "PC\\marie".into(),
                "PC\\accueil".into(),
            ]),
            guest_enabled: Reading::Got(true),
            users: Reading::Got(vec!["marie".into(), "Accueil2".into()]),
            bitlocker: Reading::Got(2),
            ..Default::default()
        };
        let facts = facts_with(&FakeRegistry::new(), &api);
        assert_eq!(get(&facts, "auth.password_minlen").status, Status::Warn);
        assert_eq!(get(&facts, "auth.lockout").value, Value::Bool(false));
        assert_eq!(get(&facts, "accounts.admins").status, Status::Warn);
        assert_eq!(get(&facts, "accounts.guest_enabled").status, Status::Fail);
        assert_eq!(
            get(&facts, "accounts.generic").value,
            Value::List(vec!["Accueil2".into()])
        );
        assert_eq!(get(&facts, "disk.encrypted").status, Status::Warn);
        assert_eq!(get(&facts, "disk.encrypted").value, Value::Bool(false));
        let denied = Readings {
            password_policy: Reading::Denied("NetUserModalsGet".into()),
            ..Default::default()
        };
        let facts = facts_with(&FakeRegistry::new(), &denied);
        let minlen = get(&facts, "auth.password_minlen");
        assert_eq!(minlen.status, Status::Unknown);
        assert!(minlen.detail.contains("administrator"), "{minlen:?}");
    }
}
