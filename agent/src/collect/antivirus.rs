//! `av.*`: an antivirus or endpoint agent, and the age of its signatures (ClamAV databases,
//! Microsoft Defender's own report).

use std::time::Duration;

use chrono::{DateTime, Local};
use scoring::facts::{Fact, Status, Value};

use super::{Machine, days, fact_said, unknown_said};

/// Signatures up to this age (days) are fresh.
pub(crate) const SIGNATURES_OK_DAYS: i64 = 2;
/// Past this, signatures are a failure (the charter's patch window).
pub(crate) const SIGNATURES_WARN_DAYS: i64 = 8;

/// Known agents: name and the paths that reveal them (documented in `docs/facts.md`).
pub const AGENTS: &[(&str, &[&str])] = &[
    (
        "ClamAV",
        &[
            "/usr/bin/clamscan",
            "/usr/sbin/clamd",
            "/usr/bin/clamdscan",
            "/usr/bin/freshclam",
        ],
    ),
    (
        "Microsoft Defender for Endpoint",
        &["/opt/microsoft/mdatp", "/usr/bin/mdatp"],
    ),
    ("Sophos", &["/opt/sophos-spl", "/opt/sophos-av"]),
    ("ESET", &["/opt/eset"]),
    ("Trend Micro", &["/opt/ds_agent", "/opt/TrendMicro"]),
    ("CrowdStrike Falcon", &["/opt/CrowdStrike"]),
    ("SentinelOne", &["/opt/sentinelone"]),
    (
        "Bitdefender",
        &["/opt/bitdefender-security-tools", "/opt/BitDefender"],
    ),
    ("Kaspersky", &["/opt/kaspersky"]),
    (
        "WithSecure / F-Secure",
        &["/opt/f-secure", "/opt/withsecure"],
    ),
    ("Trellix / McAfee", &["/opt/McAfee", "/opt/isec"]),
    ("Cortex XDR", &["/opt/traps"]),
    ("Cybereason", &["/opt/cybereason"]),
];

pub(crate) fn facts(m: &Machine) -> Vec<Fact> {
    let found: Vec<(&str, &str)> = AGENTS
        .iter()
        .filter_map(|(name, paths)| paths.iter().find(|p| m.exists(p)).map(|p| (*name, *p)))
        .collect();
    let present = if found.is_empty() {
        if !m.is_dir("/usr/bin") {
            unknown_said(
                "av.present",
                "/usr/bin, /opt",
                i18n::message!("collect-antivirus-no-usr-bin"),
                m.lang,
            )
        } else {
            fact_said(
                "av.present",
                Value::Bool(false),
                Status::Warn,
                "/usr/bin, /opt",
                i18n::message!("collect-antivirus-none-known"),
                m.lang,
            )
        }
    } else {
        let names: Vec<&str> = found.iter().map(|(n, _)| *n).collect();
        fact_said(
            "av.present",
            Value::Bool(true),
            Status::Ok,
            found.iter().map(|(_, p)| *p).collect::<Vec<_>>().join(", "),
            i18n::message!("collect-antivirus-found", names = names.join(", ")),
            m.lang,
        )
    };
    vec![present, signatures(m, &found)]
}

fn age_fact(m: &Machine, age: i64, source: &str, what: &str) -> Fact {
    let status = if age <= SIGNATURES_OK_DAYS {
        Status::Ok
    } else if age <= SIGNATURES_WARN_DAYS {
        Status::Warn
    } else {
        Status::Fail
    };
    fact_said(
        "av.signatures_age_days",
        days(age),
        status,
        source,
        if status == Status::Ok {
            i18n::message!(
                "collect-antivirus-signatures-fresh",
                what = what,
                days = age
            )
        } else {
            i18n::message!("collect-antivirus-signatures-old", what = what, days = age)
        },
        m.lang,
    )
}

fn signatures(m: &Machine, found: &[(&str, &str)]) -> Fact {
    const KEY: &str = "av.signatures_age_days";
    let names: Vec<&str> = found.iter().map(|(n, _)| *n).collect();
    if names.contains(&"ClamAV") {
        let mut files = m.glob("/var/lib/clamav/*.cvd");
        files.extend(m.glob("/var/lib/clamav/*.cld"));
        let newest = files.iter().filter_map(|f| m.modified(f)).max();
        if let Some(newest) = newest {
            let newest: DateTime<Local> = newest.into();
            let age = (m.now - newest).num_days().max(0);
            return age_fact(m, age, "/var/lib/clamav/*.cvd|*.cld", "ClamAV");
        }
        if !names.contains(&"Microsoft Defender for Endpoint") {
            return fact_said(
                KEY,
                Value::Null,
                Status::Unknown,
                "/var/lib/clamav",
                i18n::message!("collect-antivirus-clamav-no-signatures"),
                m.lang,
            );
        }
    }
    if names.contains(&"Microsoft Defender for Endpoint") {
        match m.run(
            "mdatp",
            &["health", "--field", "definitions_updated_minutes_ago"],
            Duration::from_secs(5),
        ) {
            Ok(output) if output.success() => {
                if let Some(minutes) = output
                    .stdout
                    .split_whitespace()
                    .find_map(|w| w.trim_matches('"').parse::<f64>().ok())
                    .filter(|n| n.is_finite() && *n >= 0.0)
                {
                    let age = (minutes / 1440.0).floor().min(1e6) as i64;
                    return age_fact(
                        m,
                        age,
                        "mdatp health --field definitions_updated_minutes_ago",
                        "Defender",
                    );
                }
            }
            _ => {}
        }
        return unknown_said(
            KEY,
            "mdatp health",
            i18n::message!("collect-antivirus-defender"),
            m.lang,
        );
    }
    if let Some((name, path)) = found.first() {
        return unknown_said(
            KEY,
            *path,
            i18n::message!("collect-antivirus-age-in-console", name = *name),
            m.lang,
        );
    }
    unknown_said(
        KEY,
        "/var/lib/clamav",
        i18n::message!("collect-antivirus-none"),
        m.lang,
    )
}
