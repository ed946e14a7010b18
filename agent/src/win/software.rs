//! What is installed, from the programs' uninstall entries (`…\CurrentVersion\Uninstall\*`
//! `DisplayName`, machine-wide, 32-bit and per-user) and the services: remote-control tools (the
//! charter's remote-maintenance clauses), backup tools, and antivirus products other than Defender.
//! Names are matched case-insensitively on words of the display name or the service name.

use scoring::facts::{Fact, Status, Value};

use super::{Context, Hive, key_source, value_source};

const UNINSTALL: &str = r"SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall";
const UNINSTALL_32: &str = r"SOFTWARE\WOW6432Node\Microsoft\Windows\CurrentVersion\Uninstall";
const SERVICES: &str = r"SYSTEM\CurrentControlSet\Services";
const FILE_HISTORY: &str = r"Software\Microsoft\Windows\CurrentVersion\FileHistory";

/// The uninstall keys read, as a fact's source.
pub(crate) const UNINSTALL_SOURCE: &str = r"HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall\*, HKLM\SOFTWARE\WOW6432Node\Microsoft\Windows\CurrentVersion\Uninstall\*, HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\* (DisplayName)";

/// A tool: its name in facts, what its display names contain, what its service names start with.
type Tool = (
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
);

/// Remote-control software (documented in `docs/facts.md`).
pub const REMOTE_TOOLS: &[Tool] = &[
    ("TeamViewer", &["teamviewer"], &["teamviewer"]),
    ("AnyDesk", &["anydesk"], &["anydesk"]),
    ("RustDesk", &["rustdesk"], &["rustdesk"]),
    (
        "ScreenConnect",
        &["screenconnect", "connectwise control"],
        &["screenconnect client"],
    ),
    ("Splashtop", &["splashtop"], &["splashtopremoteservice"]),
    ("LogMeIn", &["logmein"], &["logmein"]),
    ("UltraVNC", &["ultravnc"], &["uvnc_service"]),
    ("TightVNC", &["tightvnc"], &["tvnserver"]),
    (
        "RealVNC",
        &["realvnc", "vnc server", "vnc connect"],
        &["vncserver"],
    ),
    (
        "Chrome Remote Desktop",
        &["chrome remote desktop"],
        &["chromoting"],
    ),
    ("Supremo", &["supremo"], &["supremoservice"]),
    ("Ammyy Admin", &["ammyy"], &[]),
    ("Remote Utilities", &["remote utilities"], &["rmanservice"]),
    ("DWService", &["dwagent"], &["dwagent"]),
    ("Radmin", &["radmin server"], &["rserver3"]),
    ("Dameware", &["dameware"], &["dwmrcs"]),
    ("Zoho Assist", &["zoho assist"], &[]),
    ("NinjaOne", &["ninjarmm"], &["ninjarmmagent"]),
    (
        "BeyondTrust Remote Support",
        &["bomgar", "beyondtrust remote support"],
        &[],
    ),
    ("GoTo Resolve", &["goto resolve"], &[]),
];

/// Backup software (documented in `docs/facts.md`).
pub const BACKUP_TOOLS: &[Tool] = &[
    ("Veeam", &["veeam"], &["veeam"]),
    ("Acronis", &["acronis"], &[]),
    ("Cobian", &["cobian"], &[]),
    ("Duplicati", &["duplicati"], &["duplicati"]),
    (
        "Synology Active Backup",
        &["active backup for business"],
        &[],
    ),
    ("Macrium Reflect", &["macrium"], &[]),
    ("EaseUS Todo Backup", &["todo backup"], &[]),
    ("AOMEI Backupper", &["aomei backupper"], &[]),
    ("Iperius Backup", &["iperius"], &[]),
    ("Uranium Backup", &["uranium backup"], &[]),
    ("Arcserve", &["arcserve"], &[]),
    ("Veritas Backup Exec", &["backup exec"], &[]),
    ("UrBackup", &["urbackup"], &["urbackupclientbackend"]),
    ("Bacula", &["bacula"], &["bacula-fd"]),
    ("Bareos", &["bareos"], &["bareos-fd"]),
    ("Backblaze", &["backblaze"], &[]),
    ("Carbonite", &["carbonite"], &[]),
    ("Datto", &["datto"], &[]),
    ("Nakivo", &["nakivo"], &[]),
];

/// Antivirus and endpoint products other than Microsoft Defender.
pub const ANTIVIRUS: &[(&str, &[&str])] = &[
    ("ESET", &["eset "]),
    ("Kaspersky", &["kaspersky"]),
    ("Bitdefender", &["bitdefender"]),
    ("Sophos", &["sophos"]),
    ("Avast", &["avast"]),
    ("AVG", &["avg antivirus", "avg internet security"]),
    ("Norton", &["norton"]),
    ("McAfee", &["mcafee"]),
    ("Trellix", &["trellix"]),
    ("Trend Micro", &["trend micro"]),
    ("Avira", &["avira"]),
    ("G DATA", &["g data"]),
    ("WithSecure", &["withsecure", "f-secure"]),
    ("Malwarebytes", &["malwarebytes"]),
    ("CrowdStrike Falcon", &["crowdstrike"]),
    ("SentinelOne", &["sentinel agent", "sentinelone"]),
    ("HarfangLab", &["harfanglab"]),
    ("Stormshield", &["stormshield"]),
    ("Cortex XDR", &["cortex xdr"]),
    ("Webroot", &["webroot"]),
    ("WatchGuard", &["watchguard endpoint", "panda "]),
];

/// The display names of the installed programs (every uninstall key; one unreadable is skipped
/// as long as another was read).
pub(crate) fn installed(cx: &Context<'_>) -> Result<Vec<String>, i18n::Message> {
    let mut names = Vec::new();
    let mut first_error = None;
    let mut read_any = false;
    for (hive, path) in [
        (Hive::LocalMachine, UNINSTALL),
        (Hive::LocalMachine, UNINSTALL_32),
        (Hive::CurrentUser, UNINSTALL),
    ] {
        let keys = match cx.reg.subkeys(hive, path) {
            Ok(keys) => keys.unwrap_or_default(),
            Err(error) => {
                first_error
                    .get_or_insert_with(|| super::reg_reason(&error, &key_source(hive, path)));
                continue;
            }
        };
        read_any = true;
        for key in keys {
            if let Ok(Some(name)) = cx.text(hive, &format!("{path}\\{key}"), "DisplayName") {
                names.push(name);
            }
        }
    }
    match first_error {
        Some(reason) if !read_any => Err(reason),
        _ => Ok(names),
    }
}

/// The services' names (subkeys of `Services`).
fn services(cx: &Context<'_>) -> Vec<String> {
    cx.reg
        .subkeys(Hive::LocalMachine, SERVICES)
        .ok()
        .flatten()
        .unwrap_or_default()
}

/// The tools of `tools` found among display names and service names, once each, in table order.
pub fn matching(tools: &[Tool], programs: &[String], services: &[String]) -> Vec<String> {
    let programs: Vec<String> = programs.iter().map(|p| p.to_lowercase()).collect();
    let services: Vec<String> = services.iter().map(|s| s.to_lowercase()).collect();
    tools
        .iter()
        .filter(|(_, names, service_names)| {
            programs.iter().any(|p| names.iter().any(|n| p.contains(n)))
                || services
                    .iter()
                    .any(|s| service_names.iter().any(|n| s.starts_with(n)))
        })
        .map(|(name, _, _)| (*name).to_owned())
        .collect()
}

/// The antivirus products among display names.
pub fn antivirus(programs: &[String]) -> Vec<String> {
    let programs: Vec<String> = programs
        .iter()
        .map(|p| format!("{} ", p.to_lowercase()))
        .collect();
    ANTIVIRUS
        .iter()
        .filter(|(_, names)| programs.iter().any(|p| names.iter().any(|n| p.contains(n))))
        .map(|(name, _)| (*name).to_owned())
        .collect()
}

/// `remote.tools`.
pub(crate) fn remote_tools(cx: &Context<'_>) -> Fact {
    let source = format!(
        "{UNINSTALL_SOURCE}, {}\\*",
        key_source(Hive::LocalMachine, SERVICES)
    );
    match installed(cx) {
        Ok(programs) => {
            let found = matching(REMOTE_TOOLS, &programs, &services(cx));
            if found.is_empty() {
                cx.fact(
                    "remote.tools",
                    Value::List(found),
                    Status::Ok,
                    source,
                    i18n::message!("collect-win-remote-none"),
                )
            } else {
                let list = found.join(", ");
                cx.fact(
                    "remote.tools",
                    Value::List(found),
                    Status::Warn,
                    source,
                    i18n::message!("collect-win-remote", tools = list),
                )
            }
        }
        Err(reason) => cx.unknown("remote.tools", source, reason),
    }
}

/// `backup.tools`: installed backup programs, and File History when it has run.
pub(crate) fn backup_tools(cx: &Context<'_>) -> Fact {
    let source = format!(
        "{UNINSTALL_SOURCE}, {}",
        value_source(Hive::CurrentUser, FILE_HISTORY, "ProtectedUpToTime")
    );
    match installed(cx) {
        Ok(programs) => {
            let mut found = matching(BACKUP_TOOLS, &programs, &services(cx));
            let file_history = cx
                .value(Hive::CurrentUser, FILE_HISTORY, "ProtectedUpToTime")
                .ok()
                .flatten()
                .and_then(|value| super::filetime_value(&value))
                .is_some();
            if file_history {
                found.push("File History".to_owned());
            }
            if found.is_empty() {
                cx.fact(
                    "backup.tools",
                    Value::List(found),
                    Status::Warn,
                    source,
                    i18n::message!("collect-win-backup-none"),
                )
            } else {
                let list = found.join(", ");
                cx.fact(
                    "backup.tools",
                    Value::List(found),
                    Status::Ok,
                    source,
                    i18n::message!("collect-win-backup", tools = list),
                )
            }
        }
        Err(reason) => cx.unknown("backup.tools", source, reason),
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::super::{FakeRegistry, RegValue};
    use super::*;

    #[test]
    fn remote_tools_are_found_in_every_uninstall_key_and_the_services() {
        let mut reg = FakeRegistry::new();
        let facts = facts_of(&reg);
        assert_eq!(get(&facts, "remote.tools").value, Value::List(vec![]));
        assert_eq!(get(&facts, "remote.tools").status, Status::Ok);
        reg.set(
            Hive::LocalMachine,
            &format!("{UNINSTALL}\\TeamViewer"),
            "DisplayName",
            RegValue::Text("TeamViewer".into()),
        )
        .set(
            Hive::LocalMachine,
            &format!("{UNINSTALL_32}\\AnyDesk"),
            "DisplayName",
            RegValue::Text("AnyDesk".into()),
        )
        .set(
            Hive::CurrentUser,
            &format!("{UNINSTALL}\\{{1234}}"),
            "DisplayName",
            RegValue::Text("Notepad++ (64-bit x64)".into()),
        )
        .key(
            Hive::LocalMachine,
            &format!("{SERVICES}\\ScreenConnect Client (a1b2c3)"),
        )
        .key(Hive::LocalMachine, &format!("{SERVICES}\\Dnscache"));
        let facts = facts_of(&reg);
        let remote = get(&facts, "remote.tools");
        assert_eq!(
            remote.value,
            Value::List(vec![
                "TeamViewer".into(),
                "AnyDesk".into(),
                "ScreenConnect".into()
            ])
        );
        assert_eq!(remote.status, Status::Warn);
        assert!(remote.detail.contains("TeamViewer, AnyDesk"), "{remote:?}");
    }

    #[test]
    fn names_match_on_words_case_insensitively() {
        let programs = vec![
            "Veeam Agent for Microsoft Windows".to_owned(),
            "ESET Endpoint Security".to_owned(),
            "Presetter".to_owned(),
            "Cobian Reflector".to_owned(),
        ];
        assert_eq!(matching(BACKUP_TOOLS, &programs, &[]), ["Veeam", "Cobian"]);
        assert_eq!(antivirus(&programs), ["ESET"]);
        assert!(
            matching(REMOTE_TOOLS, &["TeamViewer Host".into()], &[])
                .contains(&"TeamViewer".to_owned())
        );
        assert!(
            matching(REMOTE_TOOLS, &[], &["uvnc_service".into()]).contains(&"UltraVNC".to_owned())
        );
    }

    #[test]
    fn backups_are_tools_or_file_history() {
        let mut reg = FakeRegistry::new();
        assert_eq!(get(&facts_of(&reg), "backup.tools").status, Status::Warn);
        let when = super::super::to_filetime(now());
        reg.set(
            Hive::CurrentUser,
            FILE_HISTORY,
            "ProtectedUpToTime",
            RegValue::Qword(when),
        );
        let facts = facts_of(&reg);
        assert_eq!(
            get(&facts, "backup.tools").value,
            Value::List(vec!["File History".into()])
        );
        assert_eq!(get(&facts, "backup.tools").status, Status::Ok);
    }
}
