//! `os.*`, `host.*` and `patch.*` on Windows: the release from `CurrentVersion` (a Windows 11
//! still says "Windows 10" in `ProductName`: its build says 11), its end of servicing from the
//! bundled table, the role from `ProductOptions`, and the last successful update from the
//! Windows Update Agent's history, the installed packages' dates and the registry.

use chrono::{DateTime, NaiveDateTime, Utc};
use scoring::facts::{Fact, Status, Value};

use super::api::Reading;
use super::eol::{self, Family, TABLE_DATE, WINDOWS_10_END};
use super::{Context, Hive, days_since, filetime, key_source, value_source};
use crate::collect::days;

pub(crate) const CURRENT_VERSION: &str = r"SOFTWARE\Microsoft\Windows NT\CurrentVersion";
const PRODUCT_OPTIONS: &str = r"SYSTEM\CurrentControlSet\Control\ProductOptions";
const AU_POLICY: &str = r"SOFTWARE\Policies\Microsoft\Windows\WindowsUpdate\AU";
const LAST_INSTALL: &str =
    r"SOFTWARE\Microsoft\Windows\CurrentVersion\WindowsUpdate\Auto Update\Results\Install";
const PACKAGES: &str =
    r"SOFTWARE\Microsoft\Windows\CurrentVersion\Component Based Servicing\Packages";
const REBOOT_REQUIRED: &str =
    r"SOFTWARE\Microsoft\Windows\CurrentVersion\WindowsUpdate\Auto Update\RebootRequired";
const REBOOT_PENDING: &str =
    r"SOFTWARE\Microsoft\Windows\CurrentVersion\Component Based Servicing\RebootPending";

/// The first build of Windows 11.
pub const WINDOWS_11_BUILD: u32 = 22000;
/// Days before the end of servicing when `os.supported` turns `warn`.
const EOL_WARN_DAYS: i64 = 180;
/// The charter's patch window, in days; past [`LATE_DAYS`] it is a failure.
const PATCH_OK_DAYS: i64 = 8;
const LATE_DAYS: i64 = 30;
/// `CurrentState` of an installed servicing package.
const PACKAGE_INSTALLED: u64 = 0x70;

/// What `CurrentVersion` says of the release.
#[derive(Debug, Default)]
struct Release {
    product: Option<String>,
    display_version: Option<String>,
    build: Option<u32>,
    ubr: Option<u64>,
    edition: String,
    installation: String,
}

fn release(cx: &Context<'_>) -> Result<Release, i18n::Message> {
    let text = |name| cx.text(Hive::LocalMachine, CURRENT_VERSION, name);
    let build = match text("CurrentBuildNumber")? {
        Some(build) => Some(build),
        None => text("CurrentBuild")?,
    };
    Ok(Release {
        product: text("ProductName")?,
        display_version: match text("DisplayVersion")? {
            Some(version) => Some(version),
            None => text("ReleaseId")?,
        },
        build: build.and_then(|b| b.trim().parse().ok()),
        ubr: cx.number(Hive::LocalMachine, CURRENT_VERSION, "UBR")?,
        edition: text("EditionID")?.unwrap_or_default(),
        installation: text("InstallationType")?.unwrap_or_default(),
    })
}

/// The product name a user knows: Windows 11 from build 22000, whatever `ProductName` says.
pub fn product_name(product: &str, build: Option<u32>) -> String {
    match (product.strip_prefix("Windows 10"), build) {
        (Some(rest), Some(build)) if build >= WINDOWS_11_BUILD => format!("Windows 11{rest}"),
        _ => product.to_owned(),
    }
}

/// `os.name`, `os.version`, `os.build`, `os.supported`, `os.eol_date`, `host.role`,
/// `host.uptime_days`.
pub(crate) fn os_facts(cx: &Context<'_>) -> Vec<Fact> {
    let source = key_source(Hive::LocalMachine, CURRENT_VERSION);
    let mut facts = match release(cx) {
        Ok(release) => release_facts(cx, &release, &source),
        Err(reason) => [
            "os.name",
            "os.version",
            "os.build",
            "os.supported",
            "os.eol_date",
        ]
        .iter()
        .map(|key| cx.unknown(key, source.as_str(), reason.clone()))
        .collect(),
    };
    facts.push(role(cx));
    facts.push(uptime(cx));
    facts
}

fn release_facts(cx: &Context<'_>, release: &Release, source: &str) -> Vec<Fact> {
    let mut facts = Vec::new();
    let name_source = format!("{source} (ProductName, CurrentBuildNumber)");
    facts.push(match &release.product {
        Some(product) => {
            let name = product_name(product, release.build);
            cx.fact(
                "os.name",
                Value::Text(name.clone()),
                Status::Ok,
                name_source,
                i18n::message!("collect-win-os-name", name = name),
            )
        }
        None => cx.unknown(
            "os.name",
            name_source,
            i18n::message!("collect-win-os-unreadable", key = source),
        ),
    });
    let version_source = format!("{source} (DisplayVersion)");
    facts.push(match &release.display_version {
        Some(version) => cx.fact(
            "os.version",
            Value::Text(version.clone()),
            Status::Ok,
            version_source,
            i18n::message!("collect-os-version", version = version),
        ),
        None => cx.unknown(
            "os.version",
            version_source,
            i18n::message!("collect-win-os-unreadable", key = source),
        ),
    });
    let build_source = format!("{source} (CurrentBuildNumber, UBR)");
    facts.push(match release.build {
        Some(build) => {
            let text = match release.ubr {
                Some(ubr) => format!("{build}.{ubr}"),
                None => build.to_string(),
            };
            cx.fact(
                "os.build",
                Value::Text(text.clone()),
                Status::Ok,
                build_source,
                i18n::message!("collect-win-os-build", build = text),
            )
        }
        None => cx.unknown(
            "os.build",
            build_source,
            i18n::message!("collect-win-os-unreadable", key = source),
        ),
    });
    facts.extend(support(cx, release, source));
    facts
}

/// `os.supported` and `os.eol_date` from the bundled table.
fn support(cx: &Context<'_>, release: &Release, source: &str) -> Vec<Fact> {
    let source = format!("{source} + posture eol-table");
    let family = Family::of(&release.edition, &release.installation);
    let found = release.build.and_then(|build| eol::lookup(build, family));
    let Some(entry) = found.filter(|r| eol::date(r.end).is_some()) else {
        let name = release
            .product
            .as_deref()
            .map(|p| product_name(p, release.build))
            .unwrap_or_default();
        let build = release.build.map(|b| b.to_string()).unwrap_or_default();
        let message = i18n::message!(
            "collect-win-not-in-eol-table",
            name = name,
            build = build,
            table_date = TABLE_DATE
        );
        return vec![
            cx.unknown("os.supported", source.as_str(), message.clone()),
            cx.unknown("os.eol_date", source.as_str(), message),
        ];
    };
    let end = eol::date(entry.end).unwrap_or_default();
    let today = cx.now.date_naive();
    let left = (end - today).num_days();
    let windows_10_esu = entry.product == "Windows 10" && entry.end == WINDOWS_10_END;
    let (supported, status, message) = if left < 0 && windows_10_esu {
        (
            false,
            Status::Warn,
            i18n::message!("collect-win-eol-windows10-esu", date = entry.end),
        )
    } else if left < 0 {
        (
            false,
            Status::Fail,
            i18n::message!(
                "collect-win-eol-past",
                product = entry.product,
                version = entry.version,
                date = entry.end
            ),
        )
    } else if left <= EOL_WARN_DAYS {
        (
            true,
            Status::Warn,
            i18n::message!(
                "collect-win-eol-soon",
                product = entry.product,
                version = entry.version,
                date = entry.end,
                days = left
            ),
        )
    } else {
        (
            true,
            Status::Ok,
            i18n::message!(
                "collect-win-eol-ok",
                product = entry.product,
                version = entry.version,
                date = entry.end
            ),
        )
    };
    let message = i18n::message!("collect-os-eol-table", detail = message, date = TABLE_DATE);
    vec![
        cx.fact(
            "os.supported",
            Value::Bool(supported),
            status,
            source.as_str(),
            message.clone(),
        ),
        cx.fact(
            "os.eol_date",
            Value::Text(entry.end.to_owned()),
            status,
            source.as_str(),
            message,
        ),
    ]
}

/// `host.role`: a server edition is a server; otherwise a battery makes a laptop.
fn role(cx: &Context<'_>) -> Fact {
    let source = value_source(Hive::LocalMachine, PRODUCT_OPTIONS, "ProductType");
    let product_type = match cx.text(Hive::LocalMachine, PRODUCT_OPTIONS, "ProductType") {
        Ok(value) => value.unwrap_or_default(),
        Err(reason) => return cx.unknown("host.role", source, reason),
    };
    let role = |role: &str, message| {
        cx.fact(
            "host.role",
            Value::Text(role.to_owned()),
            Status::Ok,
            source.as_str(),
            message,
        )
    };
    if product_type.eq_ignore_ascii_case("ServerNT")
        || product_type.eq_ignore_ascii_case("LanmanNT")
    {
        return role(
            "server",
            i18n::message!("collect-win-role-server", product_type = product_type),
        );
    }
    match cx.api.battery {
        Reading::Got(true) => role("laptop", i18n::message!("collect-win-role-battery")),
        Reading::Got(false) if !product_type.is_empty() => {
            role("workstation", i18n::message!("collect-win-role-no-battery"))
        }
        _ => cx.unknown(
            "host.role",
            source,
            i18n::message!("collect-win-role-unknown"),
        ),
    }
}

fn uptime(cx: &Context<'_>) -> Fact {
    let source = "GetTickCount64";
    match cx.api.uptime_days {
        Reading::Got(days_up) => {
            let status = if days_up <= 30 {
                Status::Ok
            } else {
                Status::Warn
            };
            cx.fact(
                "host.uptime_days",
                days(i64::try_from(days_up).unwrap_or(i64::MAX)),
                status,
                source,
                i18n::message!("collect-win-uptime", days = days_up),
            )
        }
        ref other => cx.unknown("host.uptime_days", source, other.reason()),
    }
}

/// `patch.last_upgrade`, `patch.days_since_upgrade`, `patch.auto_updates`,
/// `patch.reboot_required`.
pub(crate) fn patch_facts(cx: &Context<'_>) -> Vec<Fact> {
    let mut facts = last_update(cx);
    facts.push(auto_updates(cx));
    facts.push(reboot_required(cx));
    facts
}

/// `LastSuccessTime`: `2026-10-22 08:00:00`, UTC.
pub fn parse_last_success(text: &str) -> Option<DateTime<Utc>> {
    NaiveDateTime::parse_from_str(text.trim(), "%Y-%m-%d %H:%M:%S")
        .ok()
        .map(|t| t.and_utc())
}

/// The newest successful install: the update agent's history, the servicing packages, the
/// registry's last success time.
fn last_update(cx: &Context<'_>) -> Vec<Fact> {
    let mut sources: Vec<String> = Vec::new();
    let mut newest: Option<DateTime<Utc>> = None;
    let mut reasons: Vec<i18n::Message> = Vec::new();
    let mut take = |time: DateTime<Utc>| {
        if newest.is_none_or(|n| time > n) {
            newest = Some(time);
        }
    };
    sources.push("Microsoft.Update.Session".to_owned());
    match &cx.api.last_update {
        Reading::Got(time) => take(*time),
        Reading::NotRead => {}
        other => reasons.push(other.reason()),
    }
    sources.push(key_source(Hive::LocalMachine, PACKAGES));
    match installed_packages(cx) {
        Ok(Some(time)) => take(time),
        Ok(None) => {}
        Err(reason) => reasons.push(reason),
    }
    sources.push(value_source(
        Hive::LocalMachine,
        LAST_INSTALL,
        "LastSuccessTime",
    ));
    match cx.text(Hive::LocalMachine, LAST_INSTALL, "LastSuccessTime") {
        Ok(Some(text)) => {
            if let Some(time) = parse_last_success(&text) {
                take(time);
            }
        }
        Ok(None) => {}
        Err(reason) => reasons.push(reason),
    }
    let source = sources.join(", ");
    let Some(time) = newest else {
        let message = match crate::collect::joined(reasons) {
            Some(reasons) => i18n::message!("collect-win-update-none-because", reasons = reasons),
            None => i18n::message!("collect-win-update-none"),
        };
        return vec![
            cx.unknown("patch.last_upgrade", source.as_str(), message.clone()),
            cx.unknown("patch.days_since_upgrade", source.as_str(), message),
        ];
    };
    let since = days_since(cx.now, time);
    let day = time.format("%Y-%m-%d").to_string();
    let status = if since <= PATCH_OK_DAYS {
        Status::Ok
    } else if since <= LATE_DAYS {
        Status::Warn
    } else {
        Status::Fail
    };
    let message = if since <= PATCH_OK_DAYS {
        i18n::message!("collect-win-update-ok", date = &day, days = since)
    } else {
        i18n::message!("collect-win-update-late", date = &day, days = since)
    };
    vec![
        cx.fact(
            "patch.last_upgrade",
            Value::Text(day.clone()),
            status,
            source.as_str(),
            message.clone(),
        ),
        cx.fact(
            "patch.days_since_upgrade",
            days(since),
            status,
            source.as_str(),
            message,
        ),
    ]
}

/// The newest install time of an installed update package (`Package_for_KB…`,
/// `Package_for_RollupFix…`): `InstallTimeHigh` and `InstallTimeLow` make a FILETIME.
fn installed_packages(cx: &Context<'_>) -> Result<Option<DateTime<Utc>>, i18n::Message> {
    let packages = cx
        .reg
        .subkeys(Hive::LocalMachine, PACKAGES)
        .map_err(|error| super::reg_reason(&error, &key_source(Hive::LocalMachine, PACKAGES)))?
        .unwrap_or_default();
    let mut newest: Option<DateTime<Utc>> = None;
    for package in packages {
        let lower = package.to_ascii_lowercase();
        if !(lower.starts_with("package_for_kb") || lower.starts_with("package_for_rollupfix")) {
            continue;
        }
        let path = format!("{PACKAGES}\\{package}");
        let number = |name| cx.number(Hive::LocalMachine, &path, name).ok().flatten();
        if number("CurrentState") != Some(PACKAGE_INSTALLED) {
            continue;
        }
        let (Some(high), Some(low)) = (number("InstallTimeHigh"), number("InstallTimeLow")) else {
            continue;
        };
        if let Some(time) = filetime((high << 32) | (low & 0xffff_ffff))
            && newest.is_none_or(|n| time > n)
        {
            newest = Some(time);
        }
    }
    Ok(newest)
}

/// `patch.auto_updates` from the Windows Update policy (no policy: Windows installs by itself).
fn auto_updates(cx: &Context<'_>) -> Fact {
    let source = format!(
        "{} (NoAutoUpdate, AUOptions)",
        key_source(Hive::LocalMachine, AU_POLICY)
    );
    let read = |name| cx.number(Hive::LocalMachine, AU_POLICY, name);
    let (off, options) = match (read("NoAutoUpdate"), read("AUOptions")) {
        (Ok(off), Ok(options)) => (off, options),
        (Err(reason), _) | (_, Err(reason)) => {
            return cx.unknown("patch.auto_updates", source, reason);
        }
    };
    let (value, status, message) = match (off, options) {
        (Some(1), _) => (false, Status::Warn, i18n::message!("collect-win-au-off")),
        (_, Some(4)) => (true, Status::Ok, i18n::message!("collect-win-au-scheduled")),
        (_, Some(5)) => (
            true,
            Status::Ok,
            i18n::message!("collect-win-au-local-admin"),
        ),
        (_, Some(option)) => (
            false,
            Status::Warn,
            i18n::message!("collect-win-au-notify", option = option),
        ),
        (_, None) => (true, Status::Ok, i18n::message!("collect-win-au-default")),
    };
    cx.fact(
        "patch.auto_updates",
        Value::Bool(value),
        status,
        source,
        message,
    )
}

/// `patch.reboot_required`: Windows Update's or the servicing stack's flag key.
fn reboot_required(cx: &Context<'_>) -> Fact {
    let source = format!(
        "{}, {}",
        key_source(Hive::LocalMachine, REBOOT_REQUIRED),
        key_source(Hive::LocalMachine, REBOOT_PENDING)
    );
    let exists = |path: &str| {
        cx.reg
            .subkeys(Hive::LocalMachine, path)
            .map(|keys| keys.is_some())
            .map_err(|error| super::reg_reason(&error, &key_source(Hive::LocalMachine, path)))
    };
    match (exists(REBOOT_REQUIRED), exists(REBOOT_PENDING)) {
        (Ok(a), Ok(b)) if a || b => cx.fact(
            "patch.reboot_required",
            Value::Bool(true),
            Status::Warn,
            source,
            i18n::message!("collect-win-reboot-pending"),
        ),
        (Ok(_), Ok(_)) => cx.fact(
            "patch.reboot_required",
            Value::Bool(false),
            Status::Ok,
            source,
            i18n::message!("collect-win-no-reboot-pending"),
        ),
        (Err(reason), _) | (_, Err(reason)) => cx.unknown("patch.reboot_required", source, reason),
    }
}

#[cfg(test)]
mod tests {
    use chrono::Duration;

    use super::super::testing::*;
    use super::super::{FakeRegistry, RegValue, to_filetime};
    use super::*;

    fn windows(product: &str, version: &str, build: &str, edition: &str) -> FakeRegistry {
        let mut reg = FakeRegistry::new();
        let lm = Hive::LocalMachine;
        reg.set(
            lm,
            CURRENT_VERSION,
            "ProductName",
            RegValue::Text(product.into()),
        )
        .set(
            lm,
            CURRENT_VERSION,
            "DisplayVersion",
            RegValue::Text(version.into()),
        )
        .set(
            lm,
            CURRENT_VERSION,
            "CurrentBuildNumber",
            RegValue::Text(build.into()),
        )
        .set(lm, CURRENT_VERSION, "UBR", RegValue::Dword(2861))
        .set(
            lm,
            CURRENT_VERSION,
            "EditionID",
            RegValue::Text(edition.into()),
        )
        .set(
            lm,
            PRODUCT_OPTIONS,
            "ProductType",
            RegValue::Text("WinNT".into()),
        );
        reg
    }

    #[test]
    fn windows_11_is_told_by_its_build_not_its_product_name() {
        let facts = facts_of(&windows("Windows 10 Pro", "23H2", "22631", "Professional"));
        assert_eq!(
            get(&facts, "os.name").value,
            Value::Text("Windows 11 Pro".into())
        );
        assert_eq!(get(&facts, "os.version").value, Value::Text("23H2".into()));
        assert_eq!(
            get(&facts, "os.build").value,
            Value::Text("22631.2861".into())
        );
        let facts = facts_of(&windows("Windows 10 Pro", "22H2", "19045", "Professional"));
        assert_eq!(
            get(&facts, "os.name").value,
            Value::Text("Windows 10 Pro".into())
        );
        assert_eq!(
            product_name("Windows 10 Enterprise", Some(22000)),
            "Windows 11 Enterprise"
        );
        assert_eq!(
            product_name("Windows 10 Enterprise", Some(21999)),
            "Windows 10 Enterprise"
        );
    }

    #[test]
    fn the_end_of_servicing_depends_on_the_edition() {
        // On 2026-12-06, 23H2 Pro ended 2025-11-11; 23H2 Enterprise on 2026-11-10.
        let pro = facts_of(&windows("Windows 10 Pro", "23H2", "22631", "Professional"));
        assert_eq!(get(&pro, "os.supported").value, Value::Bool(false));
        assert_eq!(get(&pro, "os.supported").status, Status::Fail);
        assert_eq!(
            get(&pro, "os.eol_date").value,
            Value::Text("2025-11-11".into())
        );
        let ent = facts_of(&windows(
            "Windows 10 Enterprise",
            "24H2",
            "26100",
            "Enterprise",
        ));
        assert_eq!(
            get(&ent, "os.eol_date").value,
            Value::Text("2027-10-12".into())
        );
        assert_eq!(get(&ent, "os.supported").status, Status::Ok);
        let home = facts_of(&windows("Windows 10 Home", "24H2", "26100", "Core"));
        // 2026-10-13: past.
        assert_eq!(get(&home, "os.supported").status, Status::Fail);
        let soon = facts_of(&windows("Windows 10 Pro", "25H2", "26200", "Professional"));
        assert_eq!(get(&soon, "os.supported").status, Status::Ok);
        let server = facts_of(&windows(
            "Windows Server 2022 Standard",
            "21H2",
            "20348",
            "ServerStandard",
        ));
        assert_eq!(
            get(&server, "os.eol_date").value,
            Value::Text("2031-10-14".into())
        );
        assert!(
            get(&server, "os.supported")
                .source
                .ends_with("+ posture eol-table")
        );
    }

    #[test]
    fn windows_10_after_october_2025_is_a_warning_at_best() {
        let facts = facts_of(&windows("Windows 10 Pro", "22H2", "19045", "Professional"));
        let supported = get(&facts, "os.supported");
        assert_eq!(supported.value, Value::Bool(false));
        assert_eq!(supported.status, Status::Warn);
        assert!(
            supported.detail.contains("Extended Security Updates"),
            "{supported:?}"
        );
        // An older Windows 10 gets no extended updates: past its end, a failure.
        let old = facts_of(&windows("Windows 10 Pro", "21H2", "19044", "Professional"));
        assert_eq!(get(&old, "os.supported").status, Status::Fail);
    }

    #[test]
    fn an_unknown_build_is_unknown_with_the_tables_date() {
        let facts = facts_of(&windows("Windows 10 Pro", "26H1", "28000", "Professional"));
        let supported = get(&facts, "os.supported");
        assert_eq!(supported.status, Status::Unknown);
        assert!(supported.detail.contains(TABLE_DATE), "{supported:?}");
    }

    #[test]
    fn the_newest_update_of_every_source_counts() {
        let mut reg = FakeRegistry::new();
        let lm = Hive::LocalMachine;
        let old = now() - Duration::days(45);
        reg.set(
            lm,
            LAST_INSTALL,
            "LastSuccessTime",
            RegValue::Text(old.format("%Y-%m-%d %H:%M:%S").to_string()),
        );
        let facts = facts_of(&reg);
        assert_eq!(
            get(&facts, "patch.days_since_upgrade").value,
            Value::Number(45.0)
        );
        assert_eq!(get(&facts, "patch.days_since_upgrade").status, Status::Fail);
        assert_eq!(
            get(&facts, "patch.last_upgrade").value,
            Value::Text(old.format("%Y-%m-%d").to_string())
        );
        // A package installed 5 days ago is newer.
        let recent = to_filetime(now() - Duration::days(5));
        let package =
            format!("{PACKAGES}\\Package_for_RollupFix~31bf3856ad364e35~amd64~~22621.2861.1.6");
        reg.set(lm, &package, "CurrentState", RegValue::Dword(0x70))
            .set(
                lm,
                &package,
                "InstallTimeHigh",
                RegValue::Dword((recent >> 32) as u32),
            )
            .set(
                lm,
                &package,
                "InstallTimeLow",
                RegValue::Dword(recent as u32),
            );
        // A package only staged (not installed) does not count.
        let staged = to_filetime(now() - Duration::days(1));
        let other = format!("{PACKAGES}\\Package_for_KB5000001~31bf3856ad364e35~amd64~~1.0");
        reg.set(lm, &other, "CurrentState", RegValue::Dword(0x40))
            .set(
                lm,
                &other,
                "InstallTimeHigh",
                RegValue::Dword((staged >> 32) as u32),
            )
            .set(lm, &other, "InstallTimeLow", RegValue::Dword(staged as u32));
        let facts = facts_of(&reg);
        assert_eq!(
            get(&facts, "patch.days_since_upgrade").value,
            Value::Number(5.0)
        );
        assert_eq!(get(&facts, "patch.days_since_upgrade").status, Status::Ok);
        // The update agent's history, newer still.
        let api = super::super::api::Readings {
            last_update: Reading::Got(now() - Duration::days(2)),
            ..Default::default()
        };
        let facts = facts_with(&reg, &api);
        assert_eq!(
            get(&facts, "patch.days_since_upgrade").value,
            Value::Number(2.0)
        );
        assert!(parse_last_success("garbage").is_none());
    }

    #[test]
    fn automatic_updates_follow_the_policy() {
        let value = |reg: &FakeRegistry| get(&facts_of(reg), "patch.auto_updates").value.clone();
        let mut reg = FakeRegistry::new();
        assert_eq!(value(&reg), Value::Bool(true));
        reg.set(
            Hive::LocalMachine,
            AU_POLICY,
            "AUOptions",
            RegValue::Dword(2),
        );
        assert_eq!(value(&reg), Value::Bool(false));
        reg.set(
            Hive::LocalMachine,
            AU_POLICY,
            "AUOptions",
            RegValue::Dword(4),
        );
        assert_eq!(value(&reg), Value::Bool(true));
        reg.set(
            Hive::LocalMachine,
            AU_POLICY,
            "NoAutoUpdate",
            RegValue::Dword(1),
        );
        assert_eq!(value(&reg), Value::Bool(false));
    }

    #[test]
    fn a_reboot_flag_key_means_a_reboot_is_pending_and_servers_are_servers() {
        let mut reg = FakeRegistry::new();
        assert_eq!(
            get(&facts_of(&reg), "patch.reboot_required").value,
            Value::Bool(false)
        );
        reg.key(Hive::LocalMachine, REBOOT_PENDING);
        assert_eq!(
            get(&facts_of(&reg), "patch.reboot_required").value,
            Value::Bool(true)
        );
        reg.set(
            Hive::LocalMachine,
            PRODUCT_OPTIONS,
            "ProductType",
            RegValue::Text("ServerNT".into()),
        );
        assert_eq!(
            get(&facts_of(&reg), "host.role").value,
            Value::Text("server".into())
        );
        reg.set(
            Hive::LocalMachine,
            PRODUCT_OPTIONS,
            "ProductType",
            RegValue::Text("WinNT".into()),
        );
        assert_eq!(get(&facts_of(&reg), "host.role").status, Status::Unknown);
        let api = super::super::api::Readings {
            battery: Reading::Got(true),
            ..Default::default()
        };
        assert_eq!(
            get(&facts_with(&reg, &api), "host.role").value,
            Value::Text("laptop".into())
        );
    }
}
