//! `fw.active`: whether filtering rules protect the machine's incoming traffic. As root, the
//! rules actually loaded (`nft list ruleset`, `iptables -S`); otherwise what is enabled at
//! boot (ufw, firewalld, nftables / iptables services with saved rules). Kernel modules are
//! not evidence: a loaded module filters nothing.

use std::time::Duration;

use scoring::facts::{Fact, Status, Value};

use super::machine::{CmdError, command_failed};
use super::{Machine, conf, fact_said, joined, unknown_said};

const KEY: &str = "fw.active";

/// Whether an nftables ruleset (`nft list ruleset`, `/etc/nftables.conf`) filters incoming
/// traffic: a chain hooked on `input` with at least one rule, or a `drop` policy.
pub(crate) fn nft_filters_input(text: &str) -> bool {
    // Kinds of the open blocks: 'c' chain, 'o' other.
    let mut stack: Vec<char> = Vec::new();
    let mut input_chain = false;
    for raw in text.lines() {
        let line = raw.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        if line.ends_with('{') {
            let kind = if line.starts_with("chain ") { 'c' } else { 'o' };
            if kind == 'c' {
                input_chain = false;
            }
            stack.push(kind);
            continue;
        }
        if line.starts_with('}') {
            stack.pop();
            continue;
        }
        if stack.last() != Some(&'c') {
            continue;
        }
        if line.starts_with("type ") {
            input_chain = line.contains("hook input");
            if input_chain && line.contains("policy drop") {
                return true;
            }
            continue;
        }
        if line.starts_with("policy ") {
            if input_chain && line.contains("drop") {
                return true;
            }
            continue;
        }
        if input_chain && !line.starts_with("comment ") {
            return true;
        }
    }
    false
}

/// Whether `iptables -S` or an `iptables-save` file filters incoming traffic: a rule appended
/// to `INPUT`, or a `DROP` policy on it.
pub(crate) fn iptables_filters_input(text: &str) -> bool {
    let mut table_filter = true;
    for line in text.lines().map(str::trim) {
        if let Some(table) = line.strip_prefix('*') {
            table_filter = table == "filter";
            continue;
        }
        if !table_filter {
            continue;
        }
        let words: Vec<&str> = line.split_whitespace().collect();
        match words.as_slice() {
            ["-A", "INPUT", ..] => return true,
            ["-P", "INPUT", "DROP" | "REJECT", ..] => return true,
            [chain, "DROP", ..] if *chain == ":INPUT" => return true,
            _ => {}
        }
    }
    false
}

/// Rules saved for boot, with their service enabled.
fn boot_rules(m: &Machine) -> Option<String> {
    if (m.unit_enabled("nftables.service").is_some())
        && m.read("/etc/nftables.conf")
            .is_ok_and(|t| nft_filters_input(&t))
    {
        return Some("/etc/nftables.conf".to_owned());
    }
    let persistent = m.unit_enabled("netfilter-persistent.service").is_some()
        || m.unit_enabled("iptables.service").is_some();
    if persistent {
        for file in ["/etc/iptables/rules.v4", "/etc/sysconfig/iptables"] {
            if m.read(file).is_ok_and(|t| iptables_filters_input(&t)) {
                return Some(file.to_owned());
            }
        }
    }
    None
}

/// ufw enabled, or firewalld enabled at boot.
fn frontend(m: &Machine) -> Option<(String, &'static str)> {
    if let Ok(text) = m.read("/etc/ufw/ufw.conf")
        && conf::entries(&text).any(|(k, v)| k == "ENABLED" && v.eq_ignore_ascii_case("yes"))
    {
        return Some(("/etc/ufw/ufw.conf".to_owned(), "ufw"));
    }
    m.unit_enabled("firewalld.service")
        .map(|link| (link, "firewalld"))
}

pub(crate) fn facts(m: &Machine) -> Vec<Fact> {
    vec![active(m)]
}

fn active(m: &Machine) -> Fact {
    // In a container, the filtering is often the host's.
    let container = |message: i18n::Message| {
        if m.container() {
            i18n::message!("collect-firewall-in-container", detail = message)
        } else {
            message
        }
    };
    // The rules loaded now (root only).
    if m.privileged() {
        let mut ran = Vec::new();
        let mut errors = Vec::new();
        for (program, args, parse) in [
            (
                "nft",
                &["list", "ruleset"][..],
                nft_filters_input as fn(&str) -> bool,
            ),
            ("iptables", &["-S"][..], iptables_filters_input),
        ] {
            let source = format!("{program} {}", args.join(" "));
            match m.run(program, args, Duration::from_secs(5)) {
                Ok(output) if output.success() => {
                    if parse(&output.stdout) {
                        return fact_said(
                            KEY,
                            Value::Bool(true),
                            Status::Ok,
                            source,
                            container(i18n::message!(
                                "collect-firewall-rules-filter-incoming",
                                program = program
                            )),
                            m.lang,
                        );
                    }
                    ran.push(source);
                }
                Ok(output) => errors.push(command_failed(program, &output)),
                Err(CmdError::Missing) => {}
                Err(error) => errors.push(error.reason(program)),
            }
        }
        if !ran.is_empty() {
            return no_rule_loaded(m, &ran.join(", "));
        }
        if let Some(errors) = joined(errors) {
            return unknown_said(
                KEY,
                "nft list ruleset, iptables -S",
                container(i18n::message!(
                    "collect-firewall-loaded-rules-unreadable",
                    errors = errors
                )),
                m.lang,
            );
        }
    }
    // What is enabled at boot.
    if let Some((source, name)) = frontend(m) {
        return fact_said(
            KEY,
            Value::Bool(true),
            Status::Ok,
            source,
            container(i18n::message!("collect-firewall-enabled", name = name)),
            m.lang,
        );
    }
    if let Some(source) = boot_rules(m) {
        return fact_said(
            KEY,
            Value::Bool(true),
            Status::Ok,
            source,
            container(i18n::message!("collect-firewall-boot-rules")),
            m.lang,
        );
    }
    let why = if m.fake() {
        i18n::message!("collect-firewall-nothing-offline")
    } else if m.privileged() {
        i18n::message!("collect-firewall-no-tool")
    } else {
        i18n::message!("collect-firewall-nothing-as-user")
    };
    unknown_said(
        KEY,
        "nft list ruleset, /etc/ufw/ufw.conf, firewalld.service",
        container(why),
        m.lang,
    )
}

/// Root read the loaded rules (`source`) and none filters incoming traffic. On a machine of
/// its own that is a failure; in a container it only describes the container's network
/// namespace, while the host (or the container engine) usually filters in front of it: unknown.
fn no_rule_loaded(m: &Machine, source: &str) -> Fact {
    if m.container() {
        let hint = m.container_hint.as_deref().unwrap_or("");
        return unknown_said(
            KEY,
            source,
            i18n::message!("collect-firewall-no-rule-in-container", hint = hint),
            m.lang,
        );
    }
    fact_said(
        KEY,
        Value::Bool(false),
        Status::Fail,
        source,
        i18n::message!("collect-firewall-no-rule"),
        m.lang,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_loaded_rule_fails_on_a_machine_but_is_unknown_in_a_container() {
        let dir = tempfile::tempdir().unwrap();
        let mut machine = Machine::new(
            Some(dir.path().to_path_buf()),
            i18n::Lang::En,
            chrono::Local::now(),
        );
        machine.container_hint = None;
        let plain = no_rule_loaded(&machine, "nft list ruleset");
        assert_eq!(
            (&plain.value, plain.status),
            (&Value::Bool(false), Status::Fail)
        );
        machine.container_hint = Some("/.dockerenv".into());
        let contained = no_rule_loaded(&machine, "nft list ruleset");
        assert_eq!(
            (&contained.value, contained.status),
            (&Value::Null, Status::Unknown)
        );
        assert!(contained.detail.contains("host"), "{contained:?}");
        assert!(contained.detail.contains("/.dockerenv"), "{contained:?}");
        assert_eq!(contained.source, "nft list ruleset");
    }

    #[test]
    fn empty_tables_and_docker_forward_rules_are_not_a_firewall() {
        let empty = "table inet filter {\n\tchain input {\n\t\ttype filter hook input priority filter; policy accept;\n\t}\n\tchain forward {\n\t\ttype filter hook forward priority filter; policy accept;\n\t}\n}\n";
        assert!(!nft_filters_input(empty));
        let docker = "table ip filter {\n\tchain FORWARD {\n\t\ttype filter hook forward priority filter; policy drop;\n\t\tcounter jump DOCKER-USER\n\t}\n}\ntable ip nat {\n\tchain POSTROUTING {\n\t\ttype nat hook postrouting priority srcnat; policy accept;\n\t\tmasquerade\n\t}\n}\n";
        assert!(!nft_filters_input(docker));
        let rules = "table inet filter {\n\tset allowed {\n\t\ttype ipv4_addr\n\t}\n\tchain input {\n\t\ttype filter hook input priority filter; policy accept;\n\t\ttcp dport 22 accept\n\t}\n}\n";
        assert!(nft_filters_input(rules));
        let drop = "table inet filter {\n\tchain input {\n\t\ttype filter hook input priority 0; policy drop;\n\t}\n}\n";
        assert!(nft_filters_input(drop));
        assert!(!nft_filters_input("garbage {{{ }}}\n\0\0"));
    }

    #[test]
    fn iptables_input_rules_or_drop_policy() {
        assert!(!iptables_filters_input(
            "-P INPUT ACCEPT\n-P FORWARD DROP\n-P OUTPUT ACCEPT\n-N DOCKER\n-A FORWARD -j DOCKER\n"
        ));
        assert!(iptables_filters_input(
            "-P INPUT ACCEPT\n-A INPUT -p tcp --dport 22 -j ACCEPT\n"
        ));
        assert!(iptables_filters_input("-P INPUT DROP\n"));
        assert!(iptables_filters_input(
            "*filter\n:INPUT DROP [0:0]\nCOMMIT\n"
        ));
        assert!(!iptables_filters_input(
            "*nat\n-A INPUT -j X\nCOMMIT\n*filter\n:INPUT ACCEPT [0:0]\nCOMMIT\n"
        ));
    }
}
