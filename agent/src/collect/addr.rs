//! The machine's own addresses, and which of them are public: `/proc/net/fib_trie` (the
//! kernel's IPv4 routing tables, whose `/32 host LOCAL` entries are the local addresses) and
//! `/proc/net/if_inet6` (one IPv6 address a line). No command, no root, works under `--root`.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use super::{Machine, ReadError};

/// The IPv4 table.
pub(crate) const FIB_TRIE: &str = "/proc/net/fib_trie";
/// The IPv6 table.
pub(crate) const IF_INET6: &str = "/proc/net/if_inet6";

/// Whether an IPv4 address can be reached from the Internet: not unspecified (0/8), loopback
/// (127/8), private (RFC 1918: 10/8, 172.16/12, 192.168/16), link-local (169.254/16), shared
/// (CGNAT, 100.64/10), IETF protocol assignments (192.0.0/24), documentation (192.0.2/24,
/// 198.51.100/24, 203.0.113/24), benchmarking (198.18/15), multicast (224/4) nor reserved
/// (240/4, broadcast).
pub(crate) fn public_v4(addr: Ipv4Addr) -> bool {
    let [a, b, c, _] = addr.octets();
    let special = a == 0
        || a == 127
        || a == 10
        || (a == 172 && (16..=31).contains(&b))
        || (a == 192 && b == 168)
        || (a == 169 && b == 254)
        || (a == 100 && (64..=127).contains(&b))
        || (a == 192 && b == 0 && c == 0)
        || (a == 192 && b == 0 && c == 2)
        || (a == 198 && b == 51 && c == 100)
        || (a == 203 && b == 0 && c == 113)
        || (a == 198 && (18..=19).contains(&b))
        || a >= 224;
    !special
}

/// Whether an IPv6 address can be reached from the Internet: global unicast (2000::/3) outside
/// the documentation ranges (2001:db8::/32, 3fff::/20); an IPv4-mapped address
/// (`::ffff:a.b.c.d`) as its IPv4. Loopback, unspecified, link-local (fe80::/10), unique local
/// (ULA, fc00::/7), site-local and multicast addresses are not.
pub(crate) fn public_v6(addr: Ipv6Addr) -> bool {
    if let Some(v4) = addr.to_ipv4_mapped() {
        return public_v4(v4);
    }
    let s = addr.segments();
    let global_unicast = (s[0] & 0xe000) == 0x2000;
    let documentation = (s[0] == 0x2001 && s[1] == 0x0db8) || (s[0] & 0xfff0) == 0x3ff0;
    global_unicast && !documentation
}

/// Whether an address can be reached from the Internet.
pub(crate) fn public(addr: IpAddr) -> bool {
    match addr {
        IpAddr::V4(a) => public_v4(a),
        IpAddr::V6(a) => public_v6(a),
    }
}

/// The local IPv4 addresses of `/proc/net/fib_trie`: the `|-- a.b.c.d` entries followed by a
/// `/32 host LOCAL` line. `None` when the text is not the kernel's table (no `Main:`/`Local:`
/// heading and no entry): an empty or garbage file says nothing.
pub(crate) fn parse_fib_trie(text: &str) -> Option<Vec<Ipv4Addr>> {
    let mut found = Vec::new();
    let mut recognised = false;
    let mut current: Option<Ipv4Addr> = None;
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed == "Main:" || trimmed == "Local:" || trimmed.starts_with("Id ") {
            recognised = true;
            current = None;
        } else if let Some(rest) = trimmed.strip_prefix("|--") {
            current = rest.trim().parse().ok();
            recognised |= current.is_some();
        } else if trimmed.starts_with("+--") {
            current = None;
        } else if trimmed.starts_with('/') {
            let mut words = trimmed.split_whitespace();
            let (prefix, scope, kind) = (words.next(), words.next(), words.next());
            if prefix == Some("/32")
                && scope == Some("host")
                && kind == Some("LOCAL")
                && let Some(addr) = current
                && !found.contains(&addr)
            {
                found.push(addr);
            }
        }
    }
    recognised.then_some(found)
}

/// The IPv6 addresses of `/proc/net/if_inet6` (`20010db8000000000000000000000001 02 40 00 80
/// eth0`: the address in 32 hexadecimal digits, then the interface's index, the prefix length,
/// the scope, the flags and the interface's name). `None` when a non-empty text holds no such
/// line.
pub(crate) fn parse_if_inet6(text: &str) -> Option<Vec<Ipv6Addr>> {
    let mut found = Vec::new();
    for line in text.lines() {
        let Some(hex) = line.split_whitespace().next() else {
            continue;
        };
        if hex.len() != 32 {
            continue;
        }
        let Ok(value) = u128::from_str_radix(hex, 16) else {
            continue;
        };
        let addr = Ipv6Addr::from(value);
        if !found.contains(&addr) {
            found.push(addr);
        }
    }
    if found.is_empty() && !text.trim().is_empty() {
        None
    } else {
        Some(found)
    }
}

/// What the address tables say.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Addresses {
    /// Every local address read (loopback included).
    pub all: Vec<IpAddr>,
    /// The files read.
    pub read: Vec<&'static str>,
    /// Files present but unusable, with the reason.
    pub problems: Vec<i18n::Message>,
    /// Whether the tables were read: `fib_trie` read, and `if_inet6` read or absent (no IPv6).
    pub complete: bool,
}

impl Addresses {
    /// The public addresses among them.
    pub fn public(&self) -> Vec<IpAddr> {
        self.all.iter().copied().filter(|a| public(*a)).collect()
    }

    /// Whether the machine has a public IPv4 address.
    pub fn public_v4(&self) -> bool {
        self.all
            .iter()
            .any(|a| matches!(a, IpAddr::V4(v4) if public_v4(*v4)))
    }

    /// The source of the facts: the files read, else the IPv4 table.
    pub fn source(&self) -> String {
        if self.read.is_empty() {
            format!("{FIB_TRIE}, {IF_INET6}")
        } else {
            self.read.join(", ")
        }
    }
}

/// Reads the machine's address tables.
pub(crate) fn addresses(m: &Machine) -> Addresses {
    let mut out = Addresses::default();
    let mut v4_read = false;
    match m.read(FIB_TRIE) {
        Ok(text) => match parse_fib_trie(&text) {
            Some(found) => {
                out.all.extend(found.into_iter().map(IpAddr::V4));
                out.read.push(FIB_TRIE);
                v4_read = true;
            }
            None => out.problems.push(unrecognised(FIB_TRIE, &text)),
        },
        Err(ReadError::Missing) => {}
        Err(error) => out.problems.push(error.reason(FIB_TRIE)),
    }
    let v6_read = match m.read(IF_INET6) {
        Ok(text) => match parse_if_inet6(&text) {
            Some(found) => {
                out.all.extend(found.into_iter().map(IpAddr::V6));
                out.read.push(IF_INET6);
                true
            }
            None => {
                out.problems.push(unrecognised(IF_INET6, &text));
                false
            }
        },
        // No IPv6 on this machine.
        Err(ReadError::Missing) => true,
        Err(error) => {
            out.problems.push(error.reason(IF_INET6));
            false
        }
    };
    out.complete = v4_read && v6_read;
    out
}

fn unrecognised(path: &str, text: &str) -> i18n::Message {
    if text.trim().is_empty() {
        i18n::message!("collect-addr-empty", path = path)
    } else {
        i18n::message!("collect-addr-unrecognised", path = path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v4(text: &str) -> bool {
        public(text.parse().unwrap())
    }

    #[test]
    fn private_and_special_ipv4_ranges_are_not_public() {
        for private in [
            "0.0.0.0",
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "172.31.255.254",
            "192.168.10.5",
            "169.254.1.1",
            "100.64.0.1",
            "100.127.255.255",
            "192.0.0.8",
            "192.0.2.10",
            "198.51.100.7",
            "203.0.113.7",
            "198.18.0.1",
            "224.0.0.1",
            "240.0.0.1",
            "255.255.255.255",
        ] {
            assert!(!v4(private), "{private}");
        }
        for public in [
            "51.15.20.30",
            "8.8.8.8",
            "172.15.255.255",
            "172.32.0.1",
            "100.63.255.255",
            "100.128.0.1",
            "192.169.0.1",
            "203.0.114.1",
        ] {
            assert!(v4(public), "{public}");
        }
    }

    #[test]
    fn ipv6_is_public_in_global_unicast_outside_documentation() {
        for private in [
            "::",
            "::1",
            "fe80::1",
            "fc00::1",
            "fd12:3456:789a::1",
            "fec0::1",
            "ff02::1",
            "2001:db8::1",
            "3fff::1",
            "::ffff:192.168.1.1",
        ] {
            assert!(!v4(private), "{private}");
        }
        for public in ["2001:bc8:1234::1", "2a01:e0a::1", "::ffff:51.15.20.30"] {
            assert!(v4(public), "{public}");
        }
    }

    #[test]
    fn fib_trie_local_host_entries_are_the_addresses() {
        let text = "Main:\n  +-- 0.0.0.0/0 3 0 5\n     |-- 0.0.0.0\n        /0 universe UNICAST\n     +-- 127.0.0.0/8 2 0 2\n        +-- 127.0.0.0/31 1 0 0\n           |-- 127.0.0.0\n              /8 host LOCAL\n           |-- 127.0.0.1\n              /32 host LOCAL\n        |-- 127.255.255.255\n           /32 link BROADCAST\n     +-- 192.168.10.0/24 2 0 2\n        |-- 192.168.10.0\n           /24 link UNICAST\n        |-- 192.168.10.5\n           /32 host LOCAL\nLocal:\n  +-- 0.0.0.0/0 3 0 5\n        |-- 192.168.10.5\n           /32 host LOCAL\n";
        assert_eq!(
            parse_fib_trie(text).unwrap(),
            vec![Ipv4Addr::LOCALHOST, Ipv4Addr::new(192, 168, 10, 5)]
        );
        assert_eq!(parse_fib_trie(""), None);
        assert_eq!(parse_fib_trie("garbage\n/32 host LOCAL\n"), None);
        assert_eq!(parse_fib_trie("Main:\n"), Some(vec![]));
    }

    #[test]
    fn if_inet6_lines_are_addresses() {
        let text = "00000000000000000000000000000001 01 80 10 80       lo\n2a010e0a000000000000000000000001 02 40 00 00     eth0\nfe800000000000000a0027fffe5c6a1e 02 40 20 80     eth0\n";
        let found = parse_if_inet6(text).unwrap();
        assert_eq!(found.len(), 3);
        assert_eq!(found[1], "2a01:e0a::1".parse::<Ipv6Addr>().unwrap());
        assert_eq!(parse_if_inet6(""), Some(vec![]));
        assert_eq!(parse_if_inet6("zz\n"), None);
    }
}
