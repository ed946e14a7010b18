//! The real Windows machine: the registry through `winreg`, the Win32 readings through the
//! `win32` module, and the facts report they make. Windows only; everything it reads is decided
//! on in the platform-independent modules of `win`.

use std::io;

use chrono::{Local, SecondsFormat, Utc};
use i18n::Lang;
use scoring::facts::FactReport;
use winreg::RegKey;
use winreg::enums::{HKEY_CURRENT_USER, HKEY_LOCAL_MACHINE, KEY_READ, KEY_WOW64_64KEY, RegType};

use super::api::{Reading, Readings};
use super::{Context, Hive, RegError, RegValue, Registry};

/// The registry of this machine, in its 64-bit view (`WOW6432Node` is read by its path).
#[derive(Debug, Clone, Copy)]
pub(crate) struct WinRegistry;

/// `ERROR_ACCESS_DENIED`.
const ACCESS_DENIED: i32 = 5;

fn reg_error(error: &io::Error) -> RegError {
    if error.raw_os_error() == Some(ACCESS_DENIED)
        || error.kind() == io::ErrorKind::PermissionDenied
    {
        RegError::Denied
    } else {
        RegError::Other(error.to_string())
    }
}

fn open(hive: Hive, path: &str) -> Result<Option<RegKey>, RegError> {
    let root = RegKey::predef(match hive {
        Hive::LocalMachine => HKEY_LOCAL_MACHINE,
        Hive::CurrentUser => HKEY_CURRENT_USER,
    });
    match root.open_subkey_with_flags(path, KEY_READ | KEY_WOW64_64KEY) {
        Ok(key) => Ok(Some(key)),
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(error) => Err(reg_error(&error)),
    }
}

/// UTF-16LE bytes as a text, without the final NULs.
fn utf16(bytes: &[u8]) -> String {
    let units: Vec<u16> = bytes
        .chunks_exact(2)
        .map(|pair| u16::from_le_bytes([pair[0], pair[1]]))
        .collect();
    String::from_utf16_lossy(&units)
        .trim_end_matches('\0')
        .to_owned()
}

fn convert(vtype: &RegType, bytes: &[u8]) -> RegValue {
    match vtype {
        RegType::REG_DWORD if bytes.len() >= 4 => {
            RegValue::Dword(u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]))
        }
        RegType::REG_QWORD if bytes.len() >= 8 => {
            let mut raw = [0u8; 8];
            raw.copy_from_slice(&bytes[..8]);
            RegValue::Qword(u64::from_le_bytes(raw))
        }
        RegType::REG_SZ | RegType::REG_EXPAND_SZ => RegValue::Text(utf16(bytes)),
        RegType::REG_MULTI_SZ => RegValue::Texts(
            utf16(bytes)
                .split('\0')
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect(),
        ),
        _ => RegValue::Binary(bytes.to_vec()),
    }
}

impl Registry for WinRegistry {
    fn value(&self, hive: Hive, path: &str, name: &str) -> Result<Option<RegValue>, RegError> {
        let Some(key) = open(hive, path)? else {
            return Ok(None);
        };
        match key.get_raw_value(name) {
            Ok(raw) => Ok(Some(convert(&raw.vtype, &raw.bytes))),
            Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(error) => Err(reg_error(&error)),
        }
    }

    fn subkeys(&self, hive: Hive, path: &str) -> Result<Option<Vec<String>>, RegError> {
        let Some(key) = open(hive, path)? else {
            return Ok(None);
        };
        key.enum_keys()
            .collect::<Result<Vec<String>, io::Error>>()
            .map(Some)
            .map_err(|error| reg_error(&error))
    }
}

/// What the Win32 API says of this machine.
fn readings() -> Readings {
    let uptime = sysinfo::System::uptime();
    let (users, guest_enabled) = super::win32::accounts();
    Readings {
        users,
        guest_enabled,
        admins: super::win32::administrators(),
        bitlocker: super::win32::bitlocker(),
        last_update: match super::win32::update_history() {
            Reading::Got(entries) => {
                super::api::newest_install(&entries).map_or(Reading::NotRead, Reading::Got)
            }
            Reading::Denied(api) => Reading::Denied(api),
            Reading::Failed(api, why) => Reading::Failed(api, why),
            Reading::NotRead => Reading::NotRead,
        },
        uptime_days: Reading::Got(uptime / 86_400),
        battery: super::win32::battery(),
        password_policy: super::win32::password_policy(),
        listening: super::win32::listening(),
        security_center: super::win32::security_center(),
    }
}

/// This machine's facts report.
pub(crate) fn collect(lang: Lang) -> FactReport {
    let now = Local::now();
    let api = readings();
    let cx = Context {
        reg: &WinRegistry,
        api: &api,
        now: now.with_timezone(&Utc),
        lang,
    };
    FactReport {
        agent_version: crate::VERSION.to_owned(),
        host: host_name(),
        collected_at: now.to_rfc3339_opts(SecondsFormat::Secs, false),
        root: super::win32::elevated(),
        container: false,
        facts: super::facts(&cx),
    }
}

/// The computer's name: `sysinfo`, else the registry's `ComputerName`, else `unnamed-host`.
pub(crate) fn host_name() -> String {
    sysinfo::System::host_name()
        .filter(|name| !name.trim().is_empty())
        .or_else(|| {
            WinRegistry
                .value(
                    Hive::LocalMachine,
                    r"SYSTEM\CurrentControlSet\Control\ComputerName\ComputerName",
                    "ComputerName",
                )
                .ok()
                .flatten()
                .and_then(|value| value.text().map(str::to_owned))
        })
        .unwrap_or_else(|| "unnamed-host".to_owned())
}
