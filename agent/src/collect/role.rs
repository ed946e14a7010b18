//! `host.role`: whether the machine is a server, a laptop or a workstation, from its chassis
//! type (SMBIOS, `/sys/class/dmi/id/chassis_type`), a battery (`/sys/class/power_supply`),
//! a graphical session (a display manager, the graphical target) and the server services that
//! listen or are enabled.

use std::collections::BTreeSet;

use scoring::facts::{Fact, Status, Value};

use super::net::Listener;
use super::{Machine, fact_said, unknown_said};

const KEY: &str = "host.role";
const CHASSIS: &str = "/sys/class/dmi/id/chassis_type";
const POWER: &str = "/sys/class/power_supply";

/// What the chassis type says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Chassis {
    /// Server, rack, blade.
    Server,
    /// Portable, laptop, notebook, tablet, convertible…
    Portable,
    /// Desktop, tower, all-in-one, mini PC…
    Desktop,
    /// Other, unknown, a virtual machine's `1`: says nothing.
    Other,
}

/// The SMBIOS chassis types (DMTF DSP0134, 7.4.1) that say something: code and kind. Their
/// names are the message `collect-role-chassis`, chosen by the code.
const CHASSIS_TYPES: &[(u8, Chassis)] = &[
    (3, Chassis::Desktop),
    (4, Chassis::Desktop),
    (5, Chassis::Desktop),
    (6, Chassis::Desktop),
    (7, Chassis::Desktop),
    (8, Chassis::Portable),
    (9, Chassis::Portable),
    (10, Chassis::Portable),
    (11, Chassis::Portable),
    (13, Chassis::Desktop),
    (14, Chassis::Portable),
    (15, Chassis::Desktop),
    (16, Chassis::Desktop),
    (17, Chassis::Server),
    (23, Chassis::Server),
    (24, Chassis::Desktop),
    (25, Chassis::Server),
    (28, Chassis::Server),
    (29, Chassis::Server),
    (30, Chassis::Portable),
    (31, Chassis::Portable),
    (32, Chassis::Portable),
    (35, Chassis::Desktop),
    (36, Chassis::Desktop),
];

/// The kind of a `chassis_type` code (`other` for codes that say nothing: 1 other, 2 unknown —
/// a virtual machine's —, docking stations…).
pub(crate) fn chassis(code: u8) -> Chassis {
    CHASSIS_TYPES
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, kind)| *kind)
        .unwrap_or(Chassis::Other)
}

/// Server services, by the TCP port they listen on.
const SERVER_PORTS: &[(u16, &str)] = &[
    (21, "ftp"),
    (22, "sshd"),
    (25, "smtp"),
    (53, "dns"),
    (80, "http"),
    (111, "rpcbind"),
    (139, "smbd"),
    (389, "ldap"),
    (443, "https"),
    (445, "smbd"),
    (636, "ldaps"),
    (1433, "mssql"),
    (2049, "nfs"),
    (3306, "mysql"),
    (5432, "postgresql"),
    (6379, "redis"),
    (8006, "proxmox"),
    (27017, "mongodb"),
];

/// Server services, by their systemd unit (when the listening sockets are unknown).
const SERVER_UNITS: &[(&str, &str)] = &[
    ("ssh.service", "sshd"),
    ("sshd.service", "sshd"),
    ("smbd.service", "smbd"),
    ("smb.service", "smbd"),
    ("nfs-server.service", "nfs"),
    ("mariadb.service", "mysql"),
    ("mysql.service", "mysql"),
    ("postgresql.service", "postgresql"),
    ("nginx.service", "http"),
    ("apache2.service", "http"),
    ("httpd.service", "http"),
    ("slapd.service", "ldap"),
    ("postfix.service", "smtp"),
    ("named.service", "dns"),
    ("bind9.service", "dns"),
];

/// Display managers' programs: a graphical login.
const DISPLAY_MANAGERS: &[&str] = &["gdm3", "gdm", "lightdm", "sddm", "lxdm", "xdm", "slim"];

/// What the machine shows of its role.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Signs {
    /// The chassis code read, if any.
    pub chassis: Option<u8>,
    /// A system battery (`type` Battery, `scope` not Device).
    pub battery: Option<String>,
    /// A graphical login: what shows it.
    pub graphical: Option<String>,
    /// Server services listening (or enabled, when the sockets are unknown).
    pub services: BTreeSet<&'static str>,
    /// Whether what runs was read (the sockets, or the systemd units).
    pub services_known: bool,
}

/// The role, and what decided it (a key of [`reason`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Decision {
    /// A server chassis.
    ServerChassis,
    /// A portable chassis.
    PortableChassis,
    /// A battery.
    Battery,
    /// Server services and no graphical login.
    ServerServices,
    /// A desktop chassis, or a graphical login.
    Desktop,
    /// Nothing conclusive.
    Unknown,
}

impl Decision {
    /// The role it gives.
    pub fn role(self) -> Option<&'static str> {
        match self {
            Decision::ServerChassis | Decision::ServerServices => Some("server"),
            Decision::PortableChassis | Decision::Battery => Some("laptop"),
            Decision::Desktop => Some("workstation"),
            Decision::Unknown => None,
        }
    }
}

/// The decision: the chassis first (server, portable), then a battery, then what runs (server
/// services without a graphical login), then a desktop chassis or a graphical login.
pub(crate) fn decide(signs: &Signs) -> Decision {
    let kind = signs.chassis.map(chassis);
    match kind {
        Some(Chassis::Server) => return Decision::ServerChassis,
        Some(Chassis::Portable) => return Decision::PortableChassis,
        _ => {}
    }
    if signs.battery.is_some() {
        return Decision::Battery;
    }
    if !signs.services.is_empty() && signs.graphical.is_none() {
        return Decision::ServerServices;
    }
    if kind == Some(Chassis::Desktop) || signs.graphical.is_some() {
        return Decision::Desktop;
    }
    Decision::Unknown
}

/// Reads the signs on the machine.
fn signs(m: &Machine, listeners: Option<&BTreeSet<Listener>>) -> Signs {
    let mut signs = Signs {
        chassis: m
            .read(CHASSIS)
            .ok()
            .and_then(|text| text.trim().parse::<u8>().ok()),
        ..Signs::default()
    };
    for supply in m.list(POWER).unwrap_or_default() {
        let dir = format!("{POWER}/{supply}");
        let kind = m.read(&format!("{dir}/type")).unwrap_or_default();
        let scope = m.read(&format!("{dir}/scope")).unwrap_or_default();
        if kind.trim() == "Battery" && scope.trim() != "Device" {
            signs.battery = Some(dir);
            break;
        }
    }
    let default_target = m
        .read_link("/etc/systemd/system/default.target")
        .map(|p| p.to_string_lossy().into_owned());
    signs.graphical = if m.exists("/etc/systemd/system/display-manager.service") {
        Some("/etc/systemd/system/display-manager.service".to_owned())
    } else if default_target
        .as_deref()
        .is_some_and(|t| t.ends_with("graphical.target"))
    {
        Some("/etc/systemd/system/default.target".to_owned())
    } else {
        DISPLAY_MANAGERS
            .iter()
            .find_map(|dm| m.unit_enabled(&format!("{dm}.service")))
    };
    match listeners {
        Some(listeners) => {
            signs.services_known = true;
            for listener in listeners {
                if listener.proto != super::net::Proto::Tcp || listener.addr.is_loopback() {
                    continue;
                }
                if let Some((_, name)) = SERVER_PORTS.iter().find(|(p, _)| *p == listener.port) {
                    signs.services.insert(name);
                }
            }
        }
        None => {
            for (unit, name) in SERVER_UNITS {
                if m.unit_enabled(unit).is_some() {
                    signs.services.insert(name);
                }
            }
            signs.services_known = m.is_dir("/etc/systemd/system");
        }
    }
    signs
}

/// `host.role`.
pub(crate) fn role(m: &Machine, listeners: Option<&BTreeSet<Listener>>) -> Fact {
    let signs = signs(m, listeners);
    let decision = decide(&signs);
    let mut sources = vec![CHASSIS.to_owned()];
    let chassis_text = signs
        .chassis
        .map(|code| i18n::message!("collect-role-chassis", code = code));
    let services: Vec<&str> = signs.services.iter().copied().collect();
    let services = services.join(", ");
    let services_source = if listeners.is_some() {
        "/proc/net/tcp"
    } else {
        "/etc/systemd/system/*.wants"
    };
    let detail = match decision {
        Decision::ServerChassis | Decision::PortableChassis => {
            let chassis = chassis_text
                .clone()
                .unwrap_or_else(|| i18n::message!("collect-role-no-chassis"));
            match decision.role() {
                Some("server") => i18n::message!("collect-role-chassis-server", chassis = chassis),
                _ => i18n::message!("collect-role-chassis-laptop", chassis = chassis),
            }
        }
        Decision::Battery => {
            let battery = signs.battery.clone().unwrap_or_default();
            sources.push(battery.clone());
            i18n::message!("collect-role-battery-laptop", battery = battery)
        }
        Decision::ServerServices => {
            sources.push(services_source.to_owned());
            match chassis_text.clone() {
                Some(chassis) => i18n::message!(
                    "collect-role-server-services-chassis",
                    chassis = chassis,
                    services = &services
                ),
                None => i18n::message!("collect-role-server-services", services = &services),
            }
        }
        Decision::Desktop => {
            let why = match (&chassis_text, &signs.graphical) {
                (Some(chassis), Some(graphical)) => {
                    sources.push(graphical.clone());
                    i18n::message!(
                        "collect-role-chassis-graphical",
                        chassis = chassis,
                        graphical = graphical
                    )
                }
                (Some(chassis), None) => {
                    i18n::message!("collect-role-chassis-no-server-service", chassis = chassis)
                }
                (None, Some(graphical)) => {
                    sources.push(graphical.clone());
                    i18n::message!("collect-role-graphical", graphical = graphical)
                }
                // Not reached: a desktop has a desktop chassis or a graphical login.
                (None, None) => i18n::message!("collect-role-no-chassis"),
            };
            if !services.is_empty() {
                sources.push(services_source.to_owned());
            }
            if services.is_empty() {
                i18n::message!("collect-role-workstation", why = why)
            } else {
                i18n::message!(
                    "collect-role-workstation-also",
                    why = why,
                    services = &services
                )
            }
        }
        Decision::Unknown => {
            sources.push(POWER.to_owned());
            sources.push(services_source.to_owned());
            let chassis = chassis_text.unwrap_or_else(|| i18n::message!("collect-role-no-chassis"));
            let runs = if signs.services_known {
                i18n::message!("collect-role-nothing-runs")
            } else {
                i18n::message!("collect-role-services-unknown")
            };
            return unknown_said(
                KEY,
                sources.join(", "),
                i18n::message!("collect-role-unknown", chassis = chassis, runs = runs),
                m.lang,
            );
        }
    };
    let role = decision.role().unwrap_or_default();
    fact_said(
        KEY,
        Value::Text(role.to_owned()),
        Status::Ok,
        sources.join(", "),
        detail,
        m.lang,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn signs(chassis: Option<u8>) -> Signs {
        Signs {
            chassis,
            services_known: true,
            ..Signs::default()
        }
    }

    #[test]
    fn chassis_codes_give_the_role() {
        for code in [17, 23, 25, 28, 29] {
            assert_eq!(decide(&signs(Some(code))).role(), Some("server"), "{code}");
        }
        for code in [8, 9, 10, 14, 30, 31, 32] {
            assert_eq!(decide(&signs(Some(code))).role(), Some("laptop"), "{code}");
        }
        for code in [3, 4, 5, 6, 7, 13, 15, 16, 24, 35, 36] {
            assert_eq!(
                decide(&signs(Some(code))).role(),
                Some("workstation"),
                "{code}"
            );
        }
        for code in [1, 2, 99] {
            assert_eq!(decide(&signs(Some(code))), Decision::Unknown, "{code}");
        }
        assert_eq!(decide(&signs(None)), Decision::Unknown);
    }

    #[test]
    fn what_runs_decides_without_a_telling_chassis() {
        let mut vm = signs(Some(1));
        vm.services.insert("sshd");
        assert_eq!(decide(&vm), Decision::ServerServices);
        // A desktop box serving files without a graphical login is a server.
        let mut tower = signs(Some(7));
        tower.services.insert("smbd");
        assert_eq!(decide(&tower).role(), Some("server"));
        // …and with one, a workstation.
        tower.graphical = Some("/etc/systemd/system/display-manager.service".into());
        assert_eq!(decide(&tower).role(), Some("workstation"));
        // A battery makes a laptop, whatever runs.
        let mut portable = signs(None);
        portable.battery = Some("/sys/class/power_supply/BAT0".into());
        portable.services.insert("sshd");
        assert_eq!(decide(&portable), Decision::Battery);
        // A server chassis stays a server with a graphical login.
        let mut server = signs(Some(23));
        server.graphical = Some("x".into());
        assert_eq!(decide(&server), Decision::ServerChassis);
    }
}
