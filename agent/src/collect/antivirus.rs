//! `av.*`: an antivirus or endpoint agent, and the age of its signatures (ClamAV databases,
//! Microsoft Defender's own report).

use std::time::Duration;

use chrono::{DateTime, Local};
use scoring::facts::{Fact, Status, Value};

use super::{Machine, days, fact, unknown};

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
            unknown(
                "av.present",
                "/usr/bin, /opt",
                m.t(
                    "pas de /usr/bin : système de fichiers incomplet",
                    "no /usr/bin: incomplete file system",
                ),
            )
        } else {
            fact(
                "av.present",
                Value::Bool(false),
                Status::Warn,
                "/usr/bin, /opt",
                m.t(
                    "aucun antivirus ni agent de sécurité connu (ClamAV, Defender, Sophos, ESET…)",
                    "no known antivirus or security agent (ClamAV, Defender, Sophos, ESET…)",
                ),
            )
        }
    } else {
        let names: Vec<&str> = found.iter().map(|(n, _)| *n).collect();
        fact(
            "av.present",
            Value::Bool(true),
            Status::Ok,
            found.iter().map(|(_, p)| *p).collect::<Vec<_>>().join(", "),
            m.t(
                format!("antivirus : {}", names.join(", ")),
                format!("antivirus: {}", names.join(", ")),
            ),
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
    let age_said = i18n::days(&m.lang, age);
    fact(
        "av.signatures_age_days",
        days(age),
        status,
        source,
        if status == Status::Ok {
            m.t(
                format!("signatures {what} à jour (il y a {age_said})"),
                format!("{what} signatures up to date ({age_said} old)"),
            )
        } else {
            m.t(
                format!("signatures {what} vieilles de {age_said} : la mise à jour automatique ne fonctionne pas ?"),
                format!("{what} signatures are {age_said} old: is the automatic update working?"),
            )
        },
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
            return fact(
                KEY,
                Value::Null,
                Status::Unknown,
                "/var/lib/clamav",
                m.t(
                    "ClamAV est installé mais n'a aucune base de signatures (freshclam jamais lancé ?)",
                    "ClamAV is installed but has no signature database (freshclam never run?)",
                ),
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
        return unknown(
            KEY,
            "mdatp health",
            m.t(
                "Microsoft Defender présent, âge des signatures non lu (mdatp health)",
                "Microsoft Defender present, signature age not read (mdatp health)",
            ),
        );
    }
    if let Some((name, path)) = found.first() {
        return unknown(
            KEY,
            *path,
            m.t(
                format!("{name} : l'âge des signatures se lit dans sa console"),
                format!("{name}: the signature age is shown in its console"),
            ),
        );
    }
    unknown(
        KEY,
        "/var/lib/clamav",
        m.t("pas d'antivirus", "no antivirus"),
    )
}
