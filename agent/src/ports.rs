//! `posture agent probe-ports`: which TCP ports of the organisation's own public address answer,
//! seen from outside its network. Plain TCP connections (no raw socket, nothing sent): a port
//! that accepts is open, one that refuses is closed, one that does not answer in time is
//! filtered. Meant to be run by the auditor from outside the organisation's network (a 4G
//! phone share, another site), with the organisation's consent, against its own addresses.

use std::net::{IpAddr, SocketAddr, TcpStream, ToSocketAddrs};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use i18n::{Arg, Lang, Message, Text, message, text};
use scoring::facts::{Fact, FactReport, Status, Value};

use crate::collect::{addr, fact_said, unknowns_said};

/// The ports probed by default: administration and file sharing, with their service.
pub const DEFAULT_PORTS: &[(u16, &str)] = &[
    (21, "ftp"),
    (22, "ssh"),
    (23, "telnet"),
    (139, "smb"),
    (445, "smb"),
    (1433, "mssql"),
    (2049, "nfs"),
    (3306, "mysql"),
    (3389, "rdp"),
    (5000, "synology-dsm"),
    (5001, "synology-dsm"),
    (5432, "postgresql"),
    (5900, "vnc"),
    (5985, "winrm"),
    (5986, "winrm"),
    (8006, "proxmox"),
    (8080, "web-admin"),
    (8443, "web-admin"),
    (10000, "webmin"),
];

/// Other administration and file-sharing ports, named when `--ports` asks for them.
const OTHER_ADMIN_PORTS: &[(u16, &str)] = &[
    (111, "rpcbind"),
    (512, "rexec"),
    (513, "rlogin"),
    (514, "rsh"),
    (548, "afp"),
    (873, "rsync"),
    (2375, "docker-api"),
    (2376, "docker-api"),
    (5800, "vnc-web"),
    (5801, "vnc-web"),
    (5901, "vnc"),
    (5902, "vnc"),
    (5903, "vnc"),
    (6000, "x11"),
    (9090, "cockpit"),
];

/// Most ports one probe may ask for.
pub const MAX_PORTS: usize = 1024;

/// Most connections at once.
const WORKERS: usize = 64;

/// What `posture agent probe-ports` was asked.
#[derive(Debug, Clone)]
pub struct Options {
    /// The host, as given: a name or an address.
    pub host: String,
    /// The ports; `None` for [`DEFAULT_PORTS`].
    pub ports: Option<Vec<u16>>,
    /// How long to wait for each connection.
    pub timeout: Duration,
    /// Language of the facts' `detail`.
    pub lang: Lang,
}

/// The administration or file-sharing service usually on a TCP port.
pub fn admin_service(port: u16) -> Option<&'static str> {
    DEFAULT_PORTS
        .iter()
        .chain(OTHER_ADMIN_PORTS)
        .find(|(p, _)| *p == port)
        .map(|(_, name)| *name)
}

/// Parses `--ports`: port numbers and ranges separated by commas (`22,3389,8000-8010`), at most
/// [`MAX_PORTS`] in all, sorted and without duplicates. The error says what is wrong.
pub fn parse_ports(text: &str) -> Result<Vec<u16>, Text> {
    let mut ports: Vec<u16> = Vec::new();
    if text.trim().is_empty() {
        return Err(text!("ports-empty-list"));
    }
    let number = |item: &str, whole: &str| -> Result<u16, Text> {
        let item = item.trim();
        match item.parse::<u32>() {
            Ok(n) if (1..=65535).contains(&n) => Ok(n as u16),
            Ok(n) => Err(text!("ports-out-of-range", port = n)),
            Err(_) => Err(text!("ports-not-a-port", item = whole)),
        }
    };
    for item in text.split(',') {
        let item = item.trim();
        if item.is_empty() {
            return Err(text!("ports-empty-item", list = text));
        }
        match item.split_once('-') {
            Some((low, high)) => {
                let (low, high) = (number(low, item)?, number(high, item)?);
                if low > high {
                    return Err(text!(
                        "ports-reversed",
                        range = item,
                        high = high,
                        low = low
                    ));
                }
                if usize::from(high - low) >= MAX_PORTS {
                    return Err(too_many(usize::from(high - low) + 1));
                }
                ports.extend(low..=high);
            }
            None => ports.push(number(item, item)?),
        }
        if ports.len() > MAX_PORTS * 2 {
            ports.sort_unstable();
            ports.dedup();
        }
    }
    ports.sort_unstable();
    ports.dedup();
    if ports.len() > MAX_PORTS {
        return Err(too_many(ports.len()));
    }
    Ok(ports)
}

fn too_many(count: usize) -> Text {
    text!("ports-too-many", count = count, max = MAX_PORTS)
}

/// Checks the host given: a name or an address, not a URL. The error says what is wrong.
pub fn check_host(host: &str) -> Result<(), Text> {
    let bad = host.trim().is_empty()
        || host.contains("://")
        || host.contains('/')
        || host.chars().any(|c| c.is_whitespace() || c.is_control());
    if bad {
        return Err(text!("ports-not-a-host", host = host));
    }
    Ok(())
}

/// What a connection to a port gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PortState {
    /// The connection was accepted.
    Open,
    /// Refused (nothing listens, or a firewall rejects with a reset).
    Closed,
    /// No answer in time, or rejected by a firewall (host unreachable for that port).
    Filtered,
    /// The host could not be reached at all (host unreachable for this port).
    Unreachable,
    /// Another error (no route to the network…).
    Error,
}

/// Connects to one port.
fn connect(addr: IpAddr, port: u16, timeout: Duration) -> PortState {
    match TcpStream::connect_timeout(&SocketAddr::new(addr, port), timeout) {
        Ok(stream) => {
            let _ = stream.shutdown(std::net::Shutdown::Both);
            PortState::Open
        }
        Err(error) => match error.kind() {
            std::io::ErrorKind::ConnectionRefused | std::io::ErrorKind::ConnectionReset => {
                PortState::Closed
            }
            std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock => PortState::Filtered,
            std::io::ErrorKind::HostUnreachable => PortState::Unreachable,
            _ => PortState::Error,
        },
    }
}

/// Connects to every port, at most [`WORKERS`] at once; the states in the order of `ports`.
fn scan(addr: IpAddr, ports: &[u16], timeout: Duration) -> Vec<PortState> {
    let next = AtomicUsize::new(0);
    let states = Mutex::new(vec![PortState::Error; ports.len()]);
    let workers = ports.len().clamp(1, WORKERS);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some(port) = ports.get(index) else {
                        break;
                    };
                    let state = connect(addr, *port, timeout);
                    if let Ok(mut states) = states.lock()
                        && let Some(slot) = states.get_mut(index)
                    {
                        *slot = state;
                    }
                }
            });
        }
    });
    let mut states = states.into_inner().unwrap_or_else(|e| e.into_inner());
    // Some ports answered: those the host was "unreachable" on were rejected by a firewall.
    let answered = states
        .iter()
        .any(|s| matches!(s, PortState::Open | PortState::Closed));
    if answered {
        for state in &mut states {
            if *state == PortState::Unreachable {
                *state = PortState::Filtered;
            }
        }
    }
    states
}

/// Resolves the host given (a name, an IPv4 address, an IPv6 address with or without `[]`).
fn resolve(host: &str) -> Result<IpAddr, Message> {
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    if let Ok(addr) = bare.parse::<IpAddr>() {
        return Ok(addr);
    }
    match (bare, 0u16).to_socket_addrs() {
        Ok(mut addrs) => addrs
            .next()
            .map(|a| a.ip())
            .ok_or_else(|| message!("ports-no-address", host = host)),
        Err(error) => Err(message!(
            "ports-dns-failed",
            host = host,
            error = error.to_string()
        )),
    }
}

const KEYS: [&str; 4] = [
    "exposure.target",
    "exposure.probed_ports",
    "exposure.open_ports",
    "exposure.admin_open",
];

/// Probes the host's ports.
pub fn probe(options: &Options) -> FactReport {
    let facts = probe_facts(options);
    let mut report = crate::collect::local_report(facts);
    report.host = options.host.clone();
    report
}

/// The four exposure facts for `options.host`, or why they are unknown.
fn probe_facts(options: &Options) -> Vec<Fact> {
    let lang = options.lang;
    let host = options.host.as_str();
    let source = format!("tcp connect {host}");
    let checked = check_host(host).map_err(|_| message!("ports-not-a-host", host = host));
    let addr = match checked.and_then(|()| resolve(host)) {
        Ok(addr) => addr,
        Err(why) => return unknowns_said(&KEYS, source, &why, lang),
    };
    let ports: Vec<u16> = options
        .ports
        .clone()
        .unwrap_or_else(|| DEFAULT_PORTS.iter().map(|(p, _)| *p).collect());
    let states = scan(addr, &ports, options.timeout);
    let count = |wanted: PortState| states.iter().filter(|s| **s == wanted).count();
    let (open, closed, filtered) = (
        count(PortState::Open),
        count(PortState::Closed),
        count(PortState::Filtered),
    );
    let failed = states.len() - open - closed - filtered;
    let public = addr::public(addr);
    let target = target_fact(host, addr, public, &source, lang);
    let probed = probed_fact(options, &ports, [open, closed, filtered, failed], &source);
    if open + closed + filtered == 0 {
        let mut facts = vec![target, probed];
        facts.extend(unknowns_said(
            &["exposure.open_ports", "exposure.admin_open"],
            source.as_str(),
            &message!("ports-unreachable", host = host, addr = addr.to_string()),
            lang,
        ));
        return facts;
    }
    let open_ports: Vec<u16> = ports
        .iter()
        .zip(&states)
        .filter(|(_, s)| **s == PortState::Open)
        .map(|(p, _)| *p)
        .collect();
    let open_items: Vec<String> = open_ports.iter().map(|p| format!("{p}/tcp")).collect();
    let open_fact = open_ports_fact(&open_items, ports.len(), &source, lang);
    let admin_items: Vec<String> = open_ports
        .iter()
        .filter_map(|p| admin_service(*p).map(|name| format!("{p}/tcp {name}")))
        .collect();
    let view = local_view_note(addr, public);
    let admin = admin_fact(&ports, &admin_items, &view, failed, &source, lang);
    vec![target, probed, open_fact, admin]
}

/// `exposure.target`: the address probed, and whether it shows the Internet's view.
fn target_fact(host: &str, addr: IpAddr, public: bool, source: &str, lang: Lang) -> Fact {
    let target_value = Value::Text(format!("{host} ({addr})"));
    let addr = addr.to_string();
    if public {
        fact_said(
            "exposure.target",
            target_value,
            Status::Ok,
            source,
            message!("ports-target-public", host = host, addr = addr),
            lang,
        )
    } else {
        fact_said(
            "exposure.target",
            target_value,
            Status::Warn,
            source,
            message!("ports-target-private", host = host, addr = addr),
            lang,
        )
    }
}

/// `exposure.probed_ports`: how many ports were probed, and how many were open, closed,
/// filtered or unreachable (`counts`, in that order).
fn probed_fact(options: &Options, ports: &[u16], counts: [usize; 4], source: &str) -> Fact {
    let [open, closed, filtered, failed] = counts;
    fact_said(
        "exposure.probed_ports",
        Value::Number(ports.len() as f64),
        Status::Ok,
        source,
        message!(
            "ports-probed",
            count = ports.len(),
            open = open,
            closed = closed,
            filtered = filtered,
            timeout = options.timeout.as_secs_f64(),
            failed = failed
        ),
        options.lang,
    )
}

/// `exposure.open_ports`: the ports that accept a connection, of `probed` ports.
fn open_ports_fact(open_items: &[String], probed: usize, source: &str, lang: Lang) -> Fact {
    fact_said(
        "exposure.open_ports",
        Value::List(open_items.to_vec()),
        Status::Ok,
        source,
        if open_items.is_empty() {
            message!("ports-open-none", count = probed)
        } else {
            message!("ports-open", ports = open_items.join(", "))
        },
        lang,
    )
}

/// What an administration finding adds when `addr` is not public: the view is the local one
/// (nothing when it is public).
fn local_view_note(addr: IpAddr, public: bool) -> Arg {
    if public {
        Arg::Text(String::new())
    } else {
        Arg::Message(message!("ports-local-view", addr = addr.to_string()))
    }
}

/// `exposure.admin_open`: the administration and file-sharing ports open, none, or unknown.
fn admin_fact(
    ports: &[u16],
    admin_items: &[String],
    view: &Arg,
    failed: usize,
    source: &str,
    lang: Lang,
) -> Fact {
    if !admin_items.is_empty() {
        fact_said(
            "exposure.admin_open",
            Value::List(admin_items.to_vec()),
            Status::Fail,
            source,
            message!(
                "ports-admin-open",
                ports = admin_items.join(", "),
                view = view.clone()
            ),
            lang,
        )
    } else if failed > 0 {
        fact_said(
            "exposure.admin_open",
            Value::Null,
            Status::Unknown,
            source,
            message!("ports-admin-unknown", failed = failed),
            lang,
        )
    } else {
        let none_probed = !ports.iter().any(|p| admin_service(*p).is_some());
        fact_said(
            "exposure.admin_open",
            Value::List(Vec::new()),
            Status::Ok,
            source,
            if none_probed {
                message!("ports-admin-none-probed", view = view.clone())
            } else {
                message!("ports-admin-none-open", view = view.clone())
            },
            lang,
        )
    }
}

#[cfg(test)]
mod tests {
    use std::net::TcpListener;

    use super::*;

    #[test]
    fn port_lists_parse_with_ranges_and_errors() {
        assert_eq!(parse_ports("22").unwrap(), vec![22]);
        assert_eq!(
            parse_ports(" 3389, 22,8000-8003,22 ").unwrap(),
            vec![22, 3389, 8000, 8001, 8002, 8003]
        );
        assert_eq!(parse_ports("1-1024").unwrap().len(), 1024);
        assert_eq!(parse_ports("65535").unwrap(), vec![65535]);
        for (bad, en) in [
            ("", "empty list"),
            ("22,,23", "empty item"),
            ("ssh", "neither a port number"),
            ("0", "out of range"),
            ("65536", "out of range"),
            ("-5", "neither a port number"),
            ("10-5", "reversed"),
            ("1-1025", "at most 1024"),
            ("1-600,1000-1600", "at most 1024"),
            ("1-65535", "at most 1024"),
            ("22-", "neither a port number"),
            ("2-3-4", "neither a port number"),
        ] {
            let error = parse_ports(bad).unwrap_err();
            assert!(error.en.contains(en), "{bad}: {}", error.en);
            assert!(error.fr.starts_with("--ports : "), "{bad}: {}", error.fr);
        }
    }

    #[test]
    fn hosts_are_names_or_addresses_not_urls() {
        for good in ["51.15.20.30", "acces.example.org", "[2001:db8::1]", "::1"] {
            assert!(check_host(good).is_ok(), "{good}");
        }
        for bad in ["", " ", "https://example.org", "example.org/x", "a b"] {
            assert!(check_host(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn admin_ports_are_named() {
        assert_eq!(admin_service(3389), Some("rdp"));
        assert_eq!(admin_service(445), Some("smb"));
        assert_eq!(admin_service(9090), Some("cockpit"));
        assert_eq!(admin_service(443), None);
        assert!(!DEFAULT_PORTS.iter().any(|(p, _)| *p == 161));
    }

    /// Only 127.0.0.1: a port listened on by the test, one bound then dropped.
    #[test]
    fn open_and_closed_ports_on_the_loopback() {
        let open = TcpListener::bind("127.0.0.1:0").unwrap();
        let open_port = open.local_addr().unwrap().port();
        let closed_port = {
            let dropped = TcpListener::bind("127.0.0.1:0").unwrap();
            dropped.local_addr().unwrap().port()
        };
        let states = scan(
            IpAddr::from([127, 0, 0, 1]),
            &[open_port, closed_port],
            Duration::from_secs(1),
        );
        assert_eq!(states, vec![PortState::Open, PortState::Closed]);
        let facts = probe_facts(&Options {
            host: "127.0.0.1".into(),
            ports: Some(vec![closed_port]),
            timeout: Duration::from_secs(1),
            lang: Lang::En,
        });
        let keys: Vec<&str> = facts.iter().map(|f| f.key.as_str()).collect();
        assert_eq!(keys, KEYS);
        assert_eq!(facts[0].status, Status::Warn, "{:?}", facts[0]);
        assert_eq!(facts[1].value, Value::Number(1.0));
        assert_eq!(facts[2].value, Value::List(vec![]));
        assert_eq!(facts[3].status, Status::Ok);
        drop(open);
    }

    /// A fact carries its message: made in French, it is said again in English as the English
    /// probe says it (and back), also after a trip through the JSON of a facts file; counts are
    /// said with their plural.
    #[test]
    fn a_fact_made_in_french_is_said_in_english() {
        let closed_port = {
            let dropped = TcpListener::bind("127.0.0.1:0").unwrap();
            dropped.local_addr().unwrap().port()
        };
        let options = |lang| Options {
            host: "127.0.0.1".into(),
            ports: Some(vec![closed_port]),
            timeout: Duration::from_secs(1),
            lang,
        };
        let fr = probe_facts(&options(Lang::Fr));
        let en = probe_facts(&options(Lang::En));
        let json = serde_json::to_string(&fr).unwrap();
        let read: Vec<Fact> = serde_json::from_str(&json).unwrap();
        assert_eq!(read.len(), en.len());
        for ((fr, read), en) in fr.iter().zip(&read).zip(&en) {
            assert!(fr.message.is_some(), "{fr:?}");
            assert_eq!(i18n::fact_detail(&Lang::En, read), en.detail);
            assert_eq!(i18n::fact_detail(&Lang::Fr, en), fr.detail);
        }
        assert_eq!(
            fr[1].detail,
            "1 port TCP sondé\u{a0}: 0 ouvert, 1 fermé, 0 filtré (sans réponse en 1\u{a0}s)"
        );
        assert_eq!(
            en[1].detail,
            "1 TCP port probed: 0 open, 1 closed, 0 filtered (no answer within 1 s)"
        );
        assert_eq!(en[2].detail, "the probed port does not accept a connection");
        let unknown = admin_fact(
            &[22, 23],
            &[],
            &local_view_note([10, 0, 0, 1].into(), false),
            2,
            "s",
            Lang::En,
        );
        assert_eq!(
            unknown.detail,
            "no administration port open among those that answered, but 2 ports could not be probed (network error)"
        );
        let none = admin_fact(
            &[22],
            &[],
            &local_view_note([10, 0, 0, 1].into(), false),
            0,
            "s",
            Lang::Fr,
        );
        assert_eq!(
            none.detail,
            "aucun port d'administration ou de partage de fichiers ouvert (fermés ou filtrés) \
             (10.0.0.1 n'est pas une adresse publique\u{a0}: vue du réseau local, pas d'Internet)"
        );
    }
}
