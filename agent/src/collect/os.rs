//! `os.*` and `host.uptime_days`: the system, its kernel, whether its vendor still maintains it.

use std::collections::HashMap;

use scoring::facts::{Fact, Status, Value};

use super::eol::{self, TABLE_DATE};
use super::{Machine, ReadError, conf, days, fact_said, unknown_said, unknowns_said};

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
                unknown_said(
                    "os.name",
                    rel.source.clone(),
                    i18n::message!("collect-os-name-missing"),
                    m.lang,
                )
            } else {
                let pretty = rel.get("PRETTY_NAME");
                fact_said(
                    "os.name",
                    Value::Text(name.clone()),
                    Status::Ok,
                    rel.source.clone(),
                    i18n::message!(
                        "collect-os-system",
                        name = if pretty.is_empty() { &name } else { pretty }
                    ),
                    m.lang,
                )
            });
            let version = version
                .filter(|v| !v.is_empty())
                .unwrap_or_else(|| rel.get("VERSION_ID").to_owned());
            facts.push(if version.is_empty() {
                unknown_said(
                    "os.version",
                    rel.source.clone(),
                    i18n::message!("collect-os-no-version-id"),
                    m.lang,
                )
            } else {
                fact_said(
                    "os.version",
                    Value::Text(version.clone()),
                    Status::Ok,
                    rel.source.clone(),
                    i18n::message!("collect-os-version", version = &version),
                    m.lang,
                )
            });
        }
        Err(error) => facts.extend(unknowns_said(
            &["os.name", "os.version"],
            error.source(),
            &if error.missing() {
                i18n::message!("collect-os-no-os-release")
            } else {
                i18n::message!("collect-os-unidentified")
            },
            m.lang,
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
        Some(kernel) => fact_said(
            "os.kernel",
            Value::Text(kernel.clone()),
            Status::Ok,
            source,
            if m.container() {
                i18n::message!("collect-os-kernel-of-host", kernel = &kernel)
            } else {
                i18n::message!("collect-os-kernel", kernel = &kernel)
            },
            m.lang,
        ),
        None => unknown_said(
            "os.kernel",
            source,
            i18n::message!("collect-os-kernel-version-unreadable"),
            m.lang,
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
        return unknown_said(
            "host.uptime_days",
            "/proc/uptime",
            i18n::message!("collect-os-uptime-unreadable"),
            m.lang,
        );
    };
    let whole = (seconds / 86_400.0).floor().min(1e6) as i64;
    let status = if whole > UPTIME_WARN_DAYS {
        Status::Warn
    } else {
        Status::Ok
    };
    let container = if m.container() { "yes" } else { "no" };
    fact_said(
        "host.uptime_days",
        days(whole),
        status,
        "/proc/uptime",
        if status == Status::Warn {
            i18n::message!(
                "collect-os-up-days-reboot",
                days = whole,
                container = container
            )
        } else {
            i18n::message!("collect-os-up-days", days = whole, container = container)
        },
        m.lang,
    )
}

/// `os.supported` and `os.eol_date` from the bundled table.
fn support(m: &Machine, release: &Result<OsRelease, NoRelease>) -> Vec<Fact> {
    let rel = match release {
        Ok(rel) => rel,
        Err(error) => {
            let detail = if error.missing() {
                i18n::message!("collect-os-unidentified-no-os-release")
            } else {
                i18n::message!("collect-os-unidentified")
            };
            return unknowns_said(
                &["os.supported", "os.eol_date"],
                error.source(),
                &detail,
                m.lang,
            );
        }
    };
    let id = rel.get("ID");
    let version = rel.get("VERSION_ID");
    // Language-neutral, as every source: the file, and the table bundled with the agent.
    let source = format!("{} + {EOL_TABLE_SOURCE}", rel.source);
    let Some(entry) = eol::lookup(id, rel.get("ID_LIKE"), version) else {
        let detail = i18n::message!(
            "collect-os-not-in-eol-table",
            id = &id,
            version = &version,
            table_date = &TABLE_DATE
        );
        return unknowns_said(&["os.supported", "os.eol_date"], source, &detail, m.lang);
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
        i18n::message!(
            "collect-os-maintained-until",
            name = name,
            date = end_text,
            days = days_left
        )
    } else {
        i18n::message!(
            "collect-os-unmaintained-since",
            name = name,
            date = end_text
        )
    };
    if let (Some(_), Some(text)) = (reduced, entry.reduced) {
        detail = i18n::message!("collect-os-reduced-support", detail = detail, date = text);
    }
    if esm {
        detail = i18n::message!("collect-os-with-esm", detail = detail);
    } else if let Some(extended) = entry.extended
        && !supported
    {
        detail = i18n::message!(
            "collect-os-paid-extension",
            detail = detail,
            date = extended
        );
    }
    detail = i18n::message!("collect-os-eol-table", detail = detail, date = TABLE_DATE);
    vec![
        fact_said(
            "os.supported",
            Value::Bool(supported),
            status,
            source.clone(),
            detail.clone(),
            m.lang,
        ),
        fact_said(
            "os.eol_date",
            Value::Text(end_text.to_owned()),
            status,
            source,
            detail,
            m.lang,
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
