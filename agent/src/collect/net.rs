//! `net.listening`, `net.admin_exposed`, `net.public_addresses` and `net.admin_public`:
//! sockets waiting for connections, from `/proc/net/{tcp,tcp6,udp,udp6}`, and the machine's
//! own addresses, from `/proc/net/fib_trie` and `/proc/net/if_inet6` (no command, no root
//! needed). `host.role` is read here too, as it weighs what listens.

use std::collections::BTreeSet;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use scoring::facts::{Fact, Status, Value};

use super::addr::{self, Addresses};
use super::{Machine, ReadError, fact_said, joined, role, unknown_said, unknowns_said};

/// Remote administration and file-sharing ports: listening on every interface, they are
/// reachable by anyone who reaches the machine (documented in `docs/facts.md`).
pub const ADMIN_PORTS: &[(Proto, u16, &str)] = &[
    (Proto::Tcp, 21, "FTP"),
    (Proto::Tcp, 22, "SSH"),
    (Proto::Tcp, 23, "Telnet"),
    (Proto::Udp, 69, "TFTP"),
    (Proto::Tcp, 111, "rpcbind"),
    (Proto::Udp, 111, "rpcbind"),
    (Proto::Udp, 137, "NetBIOS"),
    (Proto::Udp, 138, "NetBIOS"),
    (Proto::Tcp, 139, "NetBIOS/SMB"),
    (Proto::Udp, 161, "SNMP"),
    (Proto::Tcp, 445, "SMB"),
    (Proto::Tcp, 512, "rexec"),
    (Proto::Tcp, 513, "rlogin"),
    (Proto::Tcp, 514, "rsh"),
    (Proto::Tcp, 548, "AFP"),
    (Proto::Tcp, 873, "rsync"),
    (Proto::Tcp, 2049, "NFS"),
    (Proto::Udp, 2049, "NFS"),
    (Proto::Tcp, 2375, "Docker API"),
    (Proto::Tcp, 2376, "Docker API"),
    (Proto::Tcp, 3389, "RDP"),
    (Proto::Udp, 3389, "RDP"),
    (Proto::Tcp, 5800, "VNC (web)"),
    (Proto::Tcp, 5801, "VNC (web)"),
    (Proto::Tcp, 5900, "VNC"),
    (Proto::Tcp, 5901, "VNC"),
    (Proto::Tcp, 5902, "VNC"),
    (Proto::Tcp, 5903, "VNC"),
    (Proto::Tcp, 5985, "WinRM"),
    (Proto::Tcp, 5986, "WinRM"),
    (Proto::Tcp, 6000, "X11"),
    (Proto::Tcp, 8006, "Proxmox VE"),
    (Proto::Tcp, 9090, "Cockpit"),
    (Proto::Tcp, 10000, "Webmin"),
];

/// A transport protocol.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Proto {
    /// TCP.
    Tcp,
    /// UDP.
    Udp,
}

/// A listening socket.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Listener {
    pub proto: Proto,
    pub v6: bool,
    pub port: u16,
    pub addr: IpAddr,
}

impl Listener {
    /// `tcp 0.0.0.0:22`, `tcp6 [::]:22`.
    pub fn label(&self) -> String {
        let proto = match (self.proto, self.v6) {
            (Proto::Tcp, false) => "tcp",
            (Proto::Tcp, true) => "tcp6",
            (Proto::Udp, false) => "udp",
            (Proto::Udp, true) => "udp6",
        };
        match self.addr {
            IpAddr::V4(a) => format!("{proto} {a}:{}", self.port),
            IpAddr::V6(a) => format!("{proto} [{a}]:{}", self.port),
        }
    }

    /// Bound to every interface.
    pub fn everywhere(&self) -> bool {
        self.addr.is_unspecified()
            || matches!(self.addr, IpAddr::V6(a) if a.to_ipv4_mapped() == Some(Ipv4Addr::UNSPECIFIED))
    }
}

/// An address of `/proc/net/tcp` (`0100007F:1538`) or `/proc/net/tcp6`: 32-bit words in the
/// machine's byte order, then the port in hexadecimal.
pub(crate) fn parse_addr(text: &str) -> Option<(IpAddr, u16)> {
    let (ip, port) = text.split_once(':')?;
    let port = u16::from_str_radix(port, 16).ok()?;
    let word = |hex: &str| u32::from_str_radix(hex, 16).ok().map(u32::to_ne_bytes);
    let addr = match ip.len() {
        8 => IpAddr::V4(Ipv4Addr::from(word(ip)?)),
        32 => {
            let mut bytes = [0u8; 16];
            for (i, chunk) in bytes.chunks_mut(4).enumerate() {
                chunk.copy_from_slice(&word(ip.get(i * 8..i * 8 + 8)?)?);
            }
            IpAddr::V6(Ipv6Addr::from(bytes))
        }
        _ => return None,
    };
    Some((addr, port))
}

/// The listening sockets of one `/proc/net` file: TCP in state `0A` (LISTEN); UDP in state
/// `07` with no remote address (bound, waiting).
pub(crate) fn parse_proc_net(text: &str, proto: Proto, v6: bool) -> Vec<Listener> {
    text.lines()
        .skip(1)
        .filter_map(|line| {
            let mut fields = line.split_whitespace();
            let _slot = fields.next()?;
            let local = fields.next()?;
            let remote = fields.next()?;
            let state = fields.next()?;
            let listening = match proto {
                Proto::Tcp => state == "0A",
                Proto::Udp => {
                    state == "07"
                        && parse_addr(remote).is_some_and(|(a, p)| a.is_unspecified() && p == 0)
                }
            };
            if !listening {
                return None;
            }
            let (addr, port) = parse_addr(local)?;
            Some(Listener {
                proto,
                v6,
                port,
                addr,
            })
        })
        .collect()
}

/// The admin service on a port, if any.
pub(crate) fn admin_service(proto: Proto, port: u16) -> Option<&'static str> {
    ADMIN_PORTS
        .iter()
        .find(|(p, n, _)| *p == proto && *n == port)
        .map(|(_, _, name)| *name)
}

/// Whether a `/proc/net` file is one the kernel wrote: its header line (`sl local_address …`),
/// or, without it, at least one well-formed entry (`0: 0100007F:0035 00000000:0000 0A …`). An
/// empty or garbage file says nothing about the sockets, so it is not "no socket".
pub(crate) fn proc_net_valid(text: &str) -> bool {
    let mut lines = text.lines();
    let header = lines.next().is_some_and(|line| {
        let mut words = line.split_whitespace();
        words.next() == Some("sl") && words.next() == Some("local_address")
    });
    header
        || text.lines().any(|line| {
            let mut fields = line.split_whitespace();
            let slot = fields.next().and_then(|s| s.strip_suffix(':'));
            let local = fields.next().and_then(parse_addr);
            let remote = fields.next().and_then(parse_addr);
            let state = fields.next();
            slot.is_some_and(|s| !s.is_empty() && s.chars().all(|c| c.is_ascii_hexdigit()))
                && local.is_some()
                && remote.is_some()
                && state.is_some_and(|s| s.len() == 2 && u8::from_str_radix(s, 16).is_ok())
        })
}

/// The listening sockets read, and the files they came from.
pub(crate) struct Sockets {
    /// The sockets.
    pub listeners: BTreeSet<Listener>,
    /// The files read (the facts' source).
    pub source: String,
    /// Why the files present could not be used, said in the details (`; not read: …`).
    pub partial: Option<i18n::Message>,
}

/// Whether a listener is reachable on a public address of the machine: bound to one, or to a
/// wildcard while the machine has one (`0.0.0.0` and `::ffff:0.0.0.0` for a public IPv4
/// address; `::`, dual-stack by default, for a public IPv4 or IPv6 address).
pub(crate) fn on_public(listener: &Listener, addrs: &Addresses) -> bool {
    if addr::public(listener.addr) {
        return true;
    }
    if !listener.everywhere() {
        return false;
    }
    match listener.addr {
        IpAddr::V6(a) if a.is_unspecified() => !addrs.public().is_empty(),
        _ => addrs.public_v4(),
    }
}

/// The item of `net.admin_exposed` and `net.admin_public`: `22/tcp (SSH) 0.0.0.0`.
fn admin_item(listener: &Listener, service: &str) -> String {
    let proto = match listener.proto {
        Proto::Tcp => "tcp",
        Proto::Udp => "udp",
    };
    format!("{}/{proto} ({service}) {}", listener.port, listener.addr)
}

pub(crate) fn facts(m: &Machine) -> Vec<Fact> {
    let addrs = addr::addresses(m);
    let (mut facts, sockets) = sockets(m, &addrs);
    facts.push(public_addresses(m, &addrs));
    facts.push(admin_public(m, &addrs, sockets.as_ref()));
    facts.push(role::role(m, sockets.as_ref().map(|s| &s.listeners)));
    facts
}

/// The machine's own addresses but loopback, for details.
fn own_addresses(addrs: &Addresses) -> String {
    addrs
        .all
        .iter()
        .filter(|a| !a.is_loopback())
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The machine's public addresses, as texts.
fn public_list(addrs: &Addresses) -> Vec<String> {
    addrs.public().iter().map(ToString::to_string).collect()
}

/// `net.public_addresses`.
fn public_addresses(m: &Machine, addrs: &Addresses) -> Fact {
    const KEY: &str = "net.public_addresses";
    let public: Vec<String> = addrs.public().iter().map(ToString::to_string).collect();
    let problems = joined(addrs.problems.iter().cloned());
    // In a container, its own addresses only.
    let container = |message: i18n::Message| {
        if m.container() {
            i18n::message!("collect-net-container-addresses", detail = message)
        } else {
            message
        }
    };
    if !public.is_empty() {
        let public = public.join(", ");
        return fact_said(
            KEY,
            Value::List(public_list(addrs)),
            Status::Fail,
            addrs.source(),
            container(i18n::message!(
                "collect-net-public-address",
                public = public
            )),
            m.lang,
        );
    }
    if !addrs.complete {
        let detail = match problems {
            None => i18n::message!("collect-net-no-proc-net-fib-trie"),
            Some(problems) => {
                i18n::message!("collect-net-addresses-unknown", problems = problems)
            }
        };
        return unknown_said(KEY, addrs.source(), detail, m.lang);
    }
    let own = own_addresses(addrs);
    let message = if own.is_empty() {
        i18n::message!("collect-net-no-public-address-loopback-only")
    } else {
        i18n::message!("collect-net-no-public-address", own = own)
    };
    fact_said(
        KEY,
        Value::List(Vec::new()),
        Status::Ok,
        addrs.source(),
        container(message),
        m.lang,
    )
}

/// `net.admin_public`.
fn admin_public(m: &Machine, addrs: &Addresses, sockets: Option<&Sockets>) -> Fact {
    const KEY: &str = "net.admin_public";
    let Some(sockets) = sockets else {
        return unknown_said(
            KEY,
            "/proc/net/tcp",
            i18n::message!("collect-net-listening-sockets-unknown"),
            m.lang,
        );
    };
    let mut items = Vec::new();
    for listener in sockets.listeners.iter().filter(|l| on_public(l, addrs)) {
        if let Some(service) = admin_service(listener.proto, listener.port) {
            let item = admin_item(listener, service);
            if !items.contains(&item) {
                items.push(item);
            }
        }
    }
    let source = format!("{}, {}", sockets.source, addrs.source());
    let partial = sockets.partial.as_ref();
    if !items.is_empty() {
        let public = public_list(addrs).join(", ");
        let listed = items.join(", ");
        let message = if public.is_empty() {
            i18n::message!("collect-net-admin-on-public", items = listed)
        } else {
            i18n::message!(
                "collect-net-admin-on-public-address",
                public = public,
                items = listed
            )
        };
        return fact_said(
            KEY,
            Value::List(items.clone()),
            Status::Fail,
            source,
            notes(message, false, partial),
            m.lang,
        );
    }
    if !addrs.complete {
        return unknown_said(
            KEY,
            source,
            match joined(addrs.problems.iter().cloned()) {
                None => i18n::message!("collect-net-admin-public-unknown"),
                Some(problems) => {
                    i18n::message!(
                        "collect-net-admin-public-unknown-because",
                        problems = problems
                    )
                }
            },
            m.lang,
        );
    }
    fact_said(
        KEY,
        Value::List(Vec::new()),
        Status::Ok,
        source,
        notes(
            i18n::message!("collect-net-no-admin-on-public"),
            false,
            partial,
        ),
        m.lang,
    )
}

/// `net.listening` and `net.admin_exposed`, and the sockets read (none when no table could be
/// read).
fn sockets(m: &Machine, addrs: &Addresses) -> (Vec<Fact>, Option<Sockets>) {
    let (listeners, read, problems) = read_listeners(m);
    if read.is_empty() {
        let detail = match joined(problems) {
            None => i18n::message!("collect-net-no-proc-net-tcp-listening"),
            Some(problems) => i18n::message!("collect-net-sockets-unknown", problems = problems),
        };
        return (
            unknowns_said(
                &["net.listening", "net.admin_exposed"],
                "/proc/net/tcp",
                &detail,
                m.lang,
            ),
            None,
        );
    }
    let source = read.join(", ");
    let partial = joined(problems);
    let container = m.container();
    let listening = listening_fact(m, &listeners, &source, container, partial.as_ref());
    let (exposed, exposed_public) = exposed_services(&listeners, addrs);
    let admin = admin_exposed_fact(
        m,
        addrs,
        exposed,
        exposed_public,
        &source,
        container,
        partial.as_ref(),
    );
    (
        vec![listening, admin],
        Some(Sockets {
            listeners,
            source,
            partial,
        }),
    )
}

/// The listening sockets in the kernel's tables, the tables read, and why the others present
/// could not be used.
fn read_listeners(m: &Machine) -> (BTreeSet<Listener>, Vec<&'static str>, Vec<i18n::Message>) {
    let files = [
        ("/proc/net/tcp", Proto::Tcp, false),
        ("/proc/net/tcp6", Proto::Tcp, true),
        ("/proc/net/udp", Proto::Udp, false),
        ("/proc/net/udp6", Proto::Udp, true),
    ];
    let mut listeners = BTreeSet::new();
    let mut read = Vec::new();
    // Files present but not usable, with the reason.
    let mut problems = Vec::new();
    for (path, proto, v6) in files {
        match m.read(path) {
            Ok(text) if proc_net_valid(&text) => {
                listeners.extend(parse_proc_net(&text, proto, v6));
                read.push(path);
            }
            Ok(text) if text.trim().is_empty() => {
                problems.push(i18n::message!("collect-addr-empty", path = path))
            }
            Ok(_) => problems.push(i18n::message!("collect-addr-unrecognised", path = path)),
            Err(ReadError::Missing) => {}
            Err(error) => problems.push(error.reason(path)),
        }
    }
    (listeners, read, problems)
}

/// A detail with what the facts add in a container (its network is not the host's) and when
/// some tables could not be read (`partial`, why).
fn notes(
    message: i18n::Message,
    container: bool,
    partial: Option<&i18n::Message>,
) -> i18n::Message {
    let message = if container {
        i18n::message!("collect-net-in-container", detail = message)
    } else {
        message
    };
    match partial {
        Some(problems) => {
            i18n::message!(
                "collect-net-not-read",
                detail = message,
                problems = problems
            )
        }
        None => message,
    }
}

/// `net.listening`: the sockets listening, and how many on every interface.
fn listening_fact(
    m: &Machine,
    listeners: &BTreeSet<Listener>,
    source: &str,
    container: bool,
    partial: Option<&i18n::Message>,
) -> Fact {
    let labels: Vec<String> = {
        let mut seen = BTreeSet::new();
        listeners
            .iter()
            .map(Listener::label)
            .filter(|l| seen.insert(l.clone()))
            .collect()
    };
    let everywhere = listeners.iter().filter(|l| l.everywhere()).count();
    fact_said(
        "net.listening",
        Value::List(labels.clone()),
        Status::Ok,
        source,
        notes(
            i18n::message!(
                "collect-net-listening",
                count = labels.len(),
                everywhere = everywhere
            ),
            container,
            partial,
        ),
        m.lang,
    )
}

/// The administration services listening on every interface, and whether one is on a public
/// address.
fn exposed_services(listeners: &BTreeSet<Listener>, addrs: &Addresses) -> (Vec<String>, bool) {
    let mut exposed = Vec::new();
    let mut exposed_public = false;
    for listener in listeners.iter().filter(|l| l.everywhere()) {
        if let Some(service) = admin_service(listener.proto, listener.port) {
            exposed_public |= on_public(listener, addrs);
            let item = admin_item(listener, service);
            if !exposed.contains(&item) {
                exposed.push(item);
            }
        }
    }
    (exposed, exposed_public)
}

/// `net.admin_exposed`: none, only on private addresses (a warning), or open (a failure).
fn admin_exposed_fact(
    m: &Machine,
    addrs: &Addresses,
    exposed: Vec<String>,
    exposed_public: bool,
    source: &str,
    container: bool,
    partial: Option<&i18n::Message>,
) -> Fact {
    if exposed.is_empty() {
        fact_said(
            "net.admin_exposed",
            Value::List(Vec::new()),
            Status::Ok,
            source,
            notes(
                i18n::message!("collect-net-no-admin-everywhere"),
                container,
                partial,
            ),
            m.lang,
        )
    } else {
        let names = exposed_names(&exposed);
        if !exposed_public && addrs.complete {
            // Private addresses only: reachable from the local network, which proves nothing
            // about the Internet.
            let own = own_addresses(addrs);
            fact_said(
                "net.admin_exposed",
                Value::List(exposed),
                Status::Warn,
                format!("{source}, {}", addrs.source()),
                notes(
                    i18n::message!(
                        "collect-net-admin-everywhere-private",
                        names = names,
                        own = own
                    ),
                    container,
                    partial,
                ),
                m.lang,
            )
        } else {
            let (message, source) = exposure_why(addrs, exposed_public, source, names);
            fact_said(
                "net.admin_exposed",
                Value::List(exposed),
                Status::Fail,
                source,
                notes(message, container, partial),
                m.lang,
            )
        }
    }
}

/// The names of the exposed services, each once, sorted.
fn exposed_names(exposed: &[String]) -> String {
    let names: Vec<String> = exposed
        .iter()
        .filter_map(|e| e.split(['(', ')']).nth(1))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .map(str::to_owned)
        .collect();
    names.join(", ")
}

/// What the detail of open administration services (`names`) says, with the machine's
/// addresses, and the source with the addresses' when they were read.
fn exposure_why(
    addrs: &Addresses,
    exposed_public: bool,
    source: &str,
    names: String,
) -> (i18n::Message, String) {
    if exposed_public {
        let public = public_list(addrs).join(", ");
        (
            i18n::message!(
                "collect-net-admin-everywhere-public",
                names = names,
                public = public
            ),
            format!("{source}, {}", addrs.source()),
        )
    } else {
        (
            i18n::message!("collect-net-admin-everywhere-unknown", names = names),
            source.to_owned(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_decode_in_the_machines_byte_order() {
        let local = u32::from_ne_bytes([127, 0, 0, 1]);
        let (addr, port) = parse_addr(&format!("{local:08X}:1538")).unwrap();
        assert_eq!(addr, IpAddr::V4(Ipv4Addr::LOCALHOST));
        assert_eq!(port, 5432);
        let (addr, port) = parse_addr("00000000000000000000000000000000:0016").unwrap();
        assert_eq!(addr, IpAddr::V6(Ipv6Addr::UNSPECIFIED));
        assert_eq!(port, 22);
        let one = u32::from_ne_bytes([0, 0, 0, 1]);
        let (addr, _) = parse_addr(&format!("000000000000000000000000{one:08X}:0050")).unwrap();
        assert_eq!(addr, IpAddr::V6(Ipv6Addr::LOCALHOST));
        for bad in [
            "",
            ":",
            "zz:zz",
            "0000000:16",
            "00000000:FFFFF",
            "0000000000000000000000000000000G:0016",
        ] {
            assert!(parse_addr(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn tcp_listen_and_udp_bound_only() {
        let tcp = "  sl  local_address rem_address   st\n\
           0: 00000000:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1\n\
           1: 0100007F:1538 00000000:0000 01 00000000:00000000\n\
           garbage line\n\
           2: ZZZZ 00000000:0000 0A\n";
        let found = parse_proc_net(tcp, Proto::Tcp, false);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].label(), "tcp 0.0.0.0:22");
        assert!(found[0].everywhere());
        let udp =
            "header\n 0: 00000000:0044 00000000:0000 07 0\n 1: 00000000:A000 0100007F:0035 01 0\n";
        assert_eq!(parse_proc_net(udp, Proto::Udp, false).len(), 1);
        assert_eq!(admin_service(Proto::Tcp, 3389), Some("RDP"));
        assert_eq!(admin_service(Proto::Tcp, 2222), None);
    }
}
