//! `os.*` and `host.uptime_days`: the system, its kernel, whether its vendor still maintains it.

use std::collections::HashMap;

use scoring::facts::{Fact, Status, Value};

use super::eol::{self, TABLE_DATE};
use super::{Machine, ReadError, conf, days, fact, unknown, unknowns};

/// Uptime above which the running kernel is probably older than the last kernel update.
pub(crate) const UPTIME_WARN_DAYS: i64 = 30;
/// Days before the end of maintenance from which a supported system is `warn`.
pub(crate) const EOL_SOON_DAYS: i64 = 180;

/// How a fact's `source` names the end-of-life table bundled with the agent (the same in every
/// language).
pub(crate) const EOL_TABLE_SOURCE: &str = "posture eol-table";

/// `/etc/os-release` (or `/usr/lib/os-release`), parsed.
#[derive(Debug, Default, Clone)]
pub(crate) struct OsRelease {
    /// The file read.
    pub source: String,
    /// Its keys.
    pub fields: HashMap<String, String>,
}

impl OsRelease {
    /// A field, empty when missing.
    pub fn get(&self, key: &str) -> &str {
        self.fields.get(key).map(String::as_str).unwrap_or("")
    }
}

/// The os-release files, in the order they are read.
const RELEASE_FILES: [&str; 2] = ["/etc/os-release", "/usr/lib/os-release"];

/// Why no os-release was read: the files that exist but could not be read (their reasons are
/// given by [`super::explain_unknowns`]); none when neither file exists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NoRelease {
    /// The unreadable files, in the order they were tried.
    pub unreadable: Vec<&'static str>,
}

impl NoRelease {
    /// Whether neither file exists.
    pub fn missing(&self) -> bool {
        self.unreadable.is_empty()
    }

    /// What the facts name as their source: the unreadable files, else `/etc/os-release`.
    pub fn source(&self) -> String {
        if self.missing() {
            RELEASE_FILES[0].to_owned()
        } else {
            self.unreadable.join(", ")
        }
    }
}

/// Reads `os-release`.
pub(crate) fn os_release(m: &Machine) -> Result<OsRelease, NoRelease> {
    let mut unreadable = Vec::new();
    for path in RELEASE_FILES {
        match m.read(path) {
            Ok(text) => {
                return Ok(OsRelease {
                    source: path.to_owned(),
                    fields: parse_os_release(&text),
                });
            }
            Err(ReadError::Missing) => {}
            Err(_) => unreadable.push(path),
        }
    }
    Err(NoRelease { unreadable })
}

/// `KEY=value` lines, quotes removed, `\"` unescaped.
pub(crate) fn parse_os_release(text: &str) -> HashMap<String, String> {
    conf::entries(text)
        .map(|(key, value)| (key.to_owned(), value.replace("\\\"", "\"")))
        .collect()
}

pub(crate) fn facts(m: &Machine) -> Vec<Fact> {
    let release = os_release(m);
    let mut facts = Vec::new();

    // Name and version: sysinfo on the real machine, the file under --root.
    let (name, version) = if m.fake() {
        (None, None)
    } else {
        (sysinfo::System::name(), sysinfo::System::os_version())
    };
    match &release {
        Ok(rel) => {
            let name = name
                .filter(|n| !n.is_empty())
                .unwrap_or_else(|| rel.get("NAME").to_owned());
            facts.push(if name.is_empty() {
                unknown(
                    "os.name",
                    rel.source.clone(),
                    m.t("NAME absent du fichier", "NAME missing from the file"),
                )
            } else {
                let pretty = rel.get("PRETTY_NAME");
                fact(
                    "os.name",
                    Value::Text(name.clone()),
                    Status::Ok,
                    rel.source.clone(),
                    m.t(
                        format!(
                            "système : {}",
                            if pretty.is_empty() { &name } else { pretty }
                        ),
                        format!("system: {}", if pretty.is_empty() { &name } else { pretty }),
                    ),
                )
            });
            let version = version
                .filter(|v| !v.is_empty())
                .unwrap_or_else(|| rel.get("VERSION_ID").to_owned());
            facts.push(if version.is_empty() {
                unknown(
                    "os.version",
                    rel.source.clone(),
                    m.t(
                        "pas de VERSION_ID (version de développement ou « testing » ?)",
                        "no VERSION_ID (a development or \"testing\" release?)",
                    ),
                )
            } else {
                fact(
                    "os.version",
                    Value::Text(version.clone()),
                    Status::Ok,
                    rel.source.clone(),
                    m.t(format!("version {version}"), format!("version {version}")),
                )
            });
        }
        Err(error) => facts.extend(unknowns(
            &["os.name", "os.version"],
            error.source(),
            if error.missing() {
                m.t(
                    "pas de /etc/os-release : système non identifié",
                    "no /etc/os-release: unidentified system",
                )
            } else {
                m.t("système non identifié", "unidentified system")
            },
        )),
    }

    facts.push(kernel(m));
    facts.extend(support(m, &release));
    facts.push(uptime(m));
    facts
}

fn kernel(m: &Machine) -> Fact {
    let (value, source) = m.running_kernel();
    match value {
        Some(kernel) => fact(
            "os.kernel",
            Value::Text(kernel.clone()),
            Status::Ok,
            source,
            m.t(
                format!(
                    "noyau Linux {kernel}{}",
                    if m.container() {
                        " (celui de l'hôte du conteneur)"
                    } else {
                        ""
                    }
                ),
                format!(
                    "Linux kernel {kernel}{}",
                    if m.container() {
                        " (the container host's)"
                    } else {
                        ""
                    }
                ),
            ),
        ),
        None => unknown(
            "os.kernel",
            source,
            m.t("version du noyau illisible", "kernel version not readable"),
        ),
    }
}

fn uptime(m: &Machine) -> Fact {
    let seconds = if m.fake() {
        m.read("/proc/uptime").ok().and_then(|text| {
            text.split_whitespace()
                .next()
                .and_then(|s| s.parse::<f64>().ok())
                .filter(|s| s.is_finite() && *s >= 0.0)
        })
    } else {
        Some(sysinfo::System::uptime() as f64).filter(|s| *s > 0.0)
    };
    let Some(seconds) = seconds else {
        return unknown(
            "host.uptime_days",
            "/proc/uptime",
            m.t("durée de fonctionnement illisible", "uptime not readable"),
        );
    };
    let whole = (seconds / 86_400.0).floor().min(1e6) as i64;
    let status = if whole > UPTIME_WARN_DAYS {
        Status::Warn
    } else {
        Status::Ok
    };
    let container = if m.container() {
        m.t(" (celle de l'hôte du conteneur)", " (the container host's)")
    } else {
        String::new()
    };
    fact(
        "host.uptime_days",
        days(whole),
        status,
        "/proc/uptime",
        if status == Status::Warn {
            m.t(
                format!("démarré depuis {whole} jours{container} : le noyau en service est sans doute plus vieux que la dernière mise à jour du noyau (redémarrer)"),
                format!("up for {whole} days{container}: the running kernel is probably older than the last kernel update (reboot)"),
            )
        } else {
            m.t(
                format!("démarré depuis {whole} jours{container}"),
                format!("up for {whole} days{container}"),
            )
        },
    )
}

/// `os.supported` and `os.eol_date` from the bundled table.
fn support(m: &Machine, release: &Result<OsRelease, NoRelease>) -> Vec<Fact> {
    let rel = match release {
        Ok(rel) => rel,
        Err(error) => {
            let detail = if error.missing() {
                m.t(
                    "système non identifié (pas de /etc/os-release)",
                    "unidentified system (no /etc/os-release)",
                )
            } else {
                m.t("système non identifié", "unidentified system")
            };
            return unknowns(&["os.supported", "os.eol_date"], error.source(), detail);
        }
    };
    let id = rel.get("ID");
    let version = rel.get("VERSION_ID");
    // Language-neutral, as every source: the file, and the table bundled with the agent.
    let source = format!("{} + {EOL_TABLE_SOURCE}", rel.source);
    let Some(entry) = eol::lookup(id, rel.get("ID_LIKE"), version) else {
        let detail = m.t(
            format!("« {id} {version} » n'est pas dans la table de fin de vie de posture (table du {TABLE_DATE}) : vérifier sur le site de l'éditeur"),
            format!("\"{id} {version}\" is not in posture's end-of-life table (table of {TABLE_DATE}): check the vendor's site"),
        );
        return unknowns(&["os.supported", "os.eol_date"], source, detail);
    };
    let today = m.now.date_naive();
    // Ubuntu: ESM (Ubuntu Pro) counts when its sources are configured.
    let esm = entry.ids.contains(&"ubuntu")
        && entry.extended.is_some()
        && !m
            .glob("/etc/apt/sources.list.d/ubuntu-esm-infra*")
            .is_empty();
    let end_text = if esm {
        entry.extended.unwrap_or(entry.eol)
    } else {
        entry.eol
    };
    let Some(end) = eol::date(end_text) else {
        return Vec::new();
    };
    let supported = today <= end;
    let days_left = (end - today).num_days();
    let reduced = entry
        .reduced
        .and_then(eol::date)
        .filter(|r| today > *r && supported);
    let status = if !supported {
        Status::Fail
    } else if reduced.is_some() || days_left <= EOL_SOON_DAYS {
        Status::Warn
    } else {
        Status::Ok
    };
    let name = entry.name;
    let mut detail = if supported {
        m.t(
            format!("{name} est maintenu par son éditeur jusqu'au {end_text} ({days_left} jours)"),
            format!("{name} is maintained by its vendor until {end_text} ({days_left} days)"),
        )
    } else {
        m.t(
            format!("{name} n'est plus maintenu par son éditeur depuis le {end_text} : plus de correctifs de sécurité"),
            format!("{name} is no longer maintained by its vendor since {end_text}: no more security fixes"),
        )
    };
    if let (Some(_), Some(text)) = (reduced, entry.reduced) {
        detail.push_str(&m.t(
            format!(" ; support réduit (Debian LTS) depuis le {text}, fin de l'équipe sécurité"),
            format!("; reduced support (Debian LTS) since {text}, the security team has stopped"),
        ));
    }
    if esm {
        detail.push_str(&m.t(" ; avec Ubuntu Pro (ESM)", "; with Ubuntu Pro (ESM)"));
    } else if let Some(extended) = entry.extended
        && !supported
    {
        detail.push_str(&m.t(
            format!(" ; une extension payante va jusqu'au {extended}"),
            format!("; a paid extension runs until {extended}"),
        ));
    }
    detail.push_str(&m.t(
        format!(" (table du {TABLE_DATE})"),
        format!(" (table of {TABLE_DATE})"),
    ));
    vec![
        fact(
            "os.supported",
            Value::Bool(supported),
            status,
            source.clone(),
            detail.clone(),
        ),
        fact(
            "os.eol_date",
            Value::Text(end_text.to_owned()),
            status,
            source,
            detail,
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn os_release_quotes_and_comments() {
        let fields = parse_os_release(
            "# comment\nNAME=\"Debian GNU/Linux\"\nVERSION_ID='12'\nID=debian\ngarbage\n=\n",
        );
        assert_eq!(fields["NAME"], "Debian GNU/Linux");
        assert_eq!(fields["VERSION_ID"], "12");
        assert_eq!(fields["ID"], "debian");
    }
}
