//! The Win32 calls the registry cannot stand in for (and the one WMI query, Security Center's
//! antivirus list, which nothing else gives), and the only `unsafe` code of posture: the
//! `windows` crate's functions are all `unsafe`, since they take raw pointers and buffers. Each
//! call is wrapped here in a safe function that returns plain data ([`Reading`]); each `unsafe`
//! block says why it is sound. Windows only.
#![allow(unsafe_code)]

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use windows::Win32::Foundation::PROPERTYKEY;
use windows::Win32::Foundation::{CloseHandle, ERROR_ACCESS_DENIED, HANDLE, NO_ERROR};
use windows::Win32::NetworkManagement::IpHelper::{
    GetExtendedTcpTable, GetExtendedUdpTable, MIB_TCP6ROW_OWNER_PID, MIB_TCPROW_OWNER_PID,
    MIB_UDP6ROW_OWNER_PID, MIB_UDPROW_OWNER_PID, TCP_TABLE_OWNER_PID_LISTENER, UDP_TABLE_OWNER_PID,
};
use windows::Win32::NetworkManagement::NetManagement::{
    FILTER_NORMAL_ACCOUNT, LOCALGROUP_MEMBERS_INFO_3, MAX_PREFERRED_LENGTH, NetApiBufferFree,
    NetLocalGroupGetMembers, NetUserEnum, NetUserModalsGet, UF_ACCOUNTDISABLE, USER_INFO_20,
    USER_MODALS_INFO_0, USER_MODALS_INFO_3,
};
use windows::Win32::Networking::WinSock::{AF_INET, AF_INET6};
use windows::Win32::Security::{
    CreateWellKnownSid, GetTokenInformation, LookupAccountSidW, PSID, SECURITY_MAX_SID_SIZE,
    SID_NAME_USE, TOKEN_ELEVATION, TOKEN_QUERY, TokenElevation, WinBuiltinAdministratorsSid,
};
use windows::Win32::System::Com::StructuredStorage::{PropVariantClear, PropVariantToInt32};
use windows::Win32::System::Com::{
    CLSCTX_INPROC_SERVER, COINIT_APARTMENTTHREADED, COINIT_MULTITHREADED, CoCreateInstance,
    CoInitializeEx, CoSetProxyBlanket, CoUninitialize, EOAC_NONE, IBindCtx, RPC_C_AUTHN_LEVEL_CALL,
    RPC_C_IMP_LEVEL_IMPERSONATE,
};
use windows::Win32::System::Console::{
    ENABLE_ECHO_INPUT, ENABLE_LINE_INPUT, FlushConsoleInputBuffer, GetConsoleMode,
    GetConsoleProcessList, GetStdHandle, INPUT_RECORD, KEY_EVENT, ReadConsoleInputW,
    STD_INPUT_HANDLE, SetConsoleMode,
};
use windows::Win32::System::Power::{GetSystemPowerStatus, SYSTEM_POWER_STATUS};
use windows::Win32::System::Threading::{GetCurrentProcess, OpenProcessToken};
use windows::Win32::System::UpdateAgent::{IUpdateSession, UpdateSession};
use windows::Win32::System::Variant::{VARIANT, VT_BSTR, VT_I4, VT_UI4, VariantClear};
use windows::Win32::System::Wmi::{
    IWbemClassObject, IWbemContext, IWbemLocator, WBEM_FLAG_FORWARD_ONLY,
    WBEM_FLAG_RETURN_IMMEDIATELY, WBEM_INFINITE, WbemLocator,
};
use windows::Win32::UI::Shell::IShellItem2;
use windows::Win32::UI::Shell::PropertiesSystem::PSGetPropertyKeyFromName;
use windows::Win32::UI::Shell::SHCreateItemFromParsingName;
use windows::core::{BSTR, PCWSTR, PWSTR, w};

use super::api::{HistoryEntry, Listener, PasswordPolicy, Reading};
use super::security_center::{Listing, NAMESPACE, Product, QUERY};
use crate::collect::net::Proto;

/// How many processes share this console: 1 when the agent was double-clicked (Windows made a
/// console for it alone), more when it runs in a terminal; `None` without a console.
pub(crate) fn console_processes() -> Option<u32> {
    let mut list = [0u32; 4];
    // SAFETY: the slice is valid and writable for its whole length, which the function is told.
    let count = unsafe { GetConsoleProcessList(&mut list) };
    (count > 0).then_some(count)
}

/// Waits until a key is pressed in this process's console — any key but a modifier alone, not
/// only Enter: line input is off for the wait, then given back; keys pressed before the wait do
/// not count. `false` when standard input is not a console (nothing was read).
pub(crate) fn wait_for_key() -> bool {
    // SAFETY: no precondition; the handle returned is the process's own, not to be closed.
    let Ok(input) = (unsafe { GetStdHandle(STD_INPUT_HANDLE) }) else {
        return false;
    };
    let mut mode = Default::default();
    // SAFETY: `input` is a handle of this process; `mode` is a writable CONSOLE_MODE.
    if unsafe { GetConsoleMode(input, &mut mode) }.is_err() {
        return false;
    }
    // SAFETY: `input` is a console input handle (GetConsoleMode succeeded on it).
    let _ = unsafe { SetConsoleMode(input, mode & !(ENABLE_LINE_INPUT | ENABLE_ECHO_INPUT)) };
    // SAFETY: as above.
    let _ = unsafe { FlushConsoleInputBuffer(input) };
    let mut records = [INPUT_RECORD::default()];
    let pressed = loop {
        let mut read = 0u32;
        // SAFETY: `records` is writable for its whole length, which the function is told;
        // `read` is writable.
        if unsafe { ReadConsoleInputW(input, &mut records, &mut read) }.is_err() || read == 0 {
            break false;
        }
        let [record] = records;
        if u32::from(record.EventType) == KEY_EVENT {
            // SAFETY: the event type says the union holds a key event.
            let key = unsafe { record.Event.KeyEvent };
            // Shift, Ctrl, Alt, Caps Lock and the Windows keys alone are not "a key".
            let modifier = matches!(key.wVirtualKeyCode, 0x10..=0x12 | 0x14 | 0x5B | 0x5C);
            if key.bKeyDown.as_bool() && !modifier {
                break true;
            }
        }
    };
    // SAFETY: as above; the console's mode as it was.
    let _ = unsafe { SetConsoleMode(input, mode) };
    pressed
}

/// Whether the machine has a system battery (`BatteryFlag` 128: none; 255: unknown).
pub(crate) fn battery() -> Reading<bool> {
    let mut status = SYSTEM_POWER_STATUS::default();
    // SAFETY: `status` is a valid, writable SYSTEM_POWER_STATUS for the duration of the call.
    match unsafe { GetSystemPowerStatus(&mut status) } {
        Ok(()) if status.BatteryFlag == 255 => Reading::NotRead,
        Ok(()) => Reading::Got(status.BatteryFlag & 128 == 0),
        Err(error) => Reading::Failed("GetSystemPowerStatus".into(), error.message()),
    }
}

/// Whether the agent runs elevated (as an administrator).
pub(crate) fn elevated() -> bool {
    let mut token = HANDLE::default();
    // SAFETY: the pseudo-handle of the current process needs no closing; `token` is writable.
    if unsafe { OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &mut token) }.is_err() {
        return false;
    }
    let mut elevation = TOKEN_ELEVATION::default();
    let mut returned = 0u32;
    // SAFETY: `token` is an open token handle with TOKEN_QUERY; the buffer is a TOKEN_ELEVATION
    // of the size given; `returned` is writable.
    let read = unsafe {
        GetTokenInformation(
            token,
            TokenElevation,
            Some((&raw mut elevation).cast()),
            size_of::<TOKEN_ELEVATION>() as u32,
            &mut returned,
        )
    };
    // SAFETY: `token` was opened above and is closed once.
    let _ = unsafe { CloseHandle(token) };
    read.is_ok() && elevation.TokenIsElevated != 0
}

/// A NetAPI status as a reading's failure.
fn net_failure<T>(api: &str, status: u32) -> Reading<T> {
    if status == ERROR_ACCESS_DENIED.0 {
        Reading::Denied(api.to_owned())
    } else {
        let message =
            windows::core::Error::from_hresult(windows::core::HRESULT::from_win32(status))
                .message();
        let why = if message.trim().is_empty() {
            format!("code {status}")
        } else {
            message
        };
        Reading::Failed(api.to_owned(), why)
    }
}

/// The local account policy: `NetUserModalsGet` levels 0 (password length) and 3 (lockout).
pub(crate) fn password_policy() -> Reading<PasswordPolicy> {
    let min_length = match modals::<USER_MODALS_INFO_0, _>(0, |info| info.usrmod0_min_passwd_len) {
        Ok(length) => length,
        Err(failure) => return failure,
    };
    match modals::<USER_MODALS_INFO_3, _>(3, |info| info.usrmod3_lockout_threshold) {
        Ok(lockout_threshold) => Reading::Got(PasswordPolicy {
            min_length,
            lockout_threshold,
        }),
        Err(failure) => failure,
    }
}

/// One level of `NetUserModalsGet`, its structure `T` read by `read`.
fn modals<T: Copy, R>(
    level: u32,
    read: impl FnOnce(&T) -> R,
) -> Result<R, Reading<PasswordPolicy>> {
    let mut buffer: *mut u8 = std::ptr::null_mut();
    // SAFETY: a null server name is the local machine; `buffer` is writable and receives a
    // buffer allocated by the NetAPI, freed below.
    let status = unsafe { NetUserModalsGet(PCWSTR::null(), level, &mut buffer) };
    if status != NO_ERROR.0 || buffer.is_null() {
        return Err(net_failure("NetUserModalsGet", status));
    }
    // SAFETY: on success the buffer holds one USER_MODALS_INFO_<level>, which is `T`; it is
    // copied out before the buffer is freed.
    let info: T = unsafe { *buffer.cast::<T>() };
    // SAFETY: `buffer` was allocated by NetUserModalsGet and is freed once.
    unsafe { NetApiBufferFree(Some(buffer.cast_const().cast())) };
    Ok(read(&info))
}

/// A table from `GetExtendedTcpTable` / `GetExtendedUdpTable`: asked for its size, then filled.
fn table(fill: impl Fn(*mut core::ffi::c_void, &mut u32) -> u32) -> Result<Vec<u8>, u32> {
    let mut size = 0u32;
    for _ in 0..4 {
        let mut buffer = vec![0u8; size as usize + 64];
        size = buffer.len() as u32;
        let status = fill(buffer.as_mut_ptr().cast(), &mut size);
        if status == NO_ERROR.0 {
            return Ok(buffer);
        }
        // ERROR_INSUFFICIENT_BUFFER (122): `size` now says how much is needed.
        if status != 122 {
            return Err(status);
        }
    }
    Err(122)
}

/// The rows of a table: a u32 count, then the rows (aligned as the structure `R` is).
fn rows<R: Copy>(buffer: &[u8]) -> Vec<R> {
    if buffer.len() < 4 {
        return Vec::new();
    }
    let count = u32::from_ne_bytes([buffer[0], buffer[1], buffer[2], buffer[3]]) as usize;
    let offset = align_of::<R>().max(4);
    let size = size_of::<R>();
    (0..count)
        .filter_map(|i| {
            let start = offset + i * size;
            let bytes = buffer.get(start..start + size)?;
            // SAFETY: `bytes` holds exactly size_of::<R>() bytes of the table written by the
            // system as an array of `R` (plain integers and byte arrays: any bits are valid);
            // the read is unaligned-safe.
            Some(unsafe { std::ptr::read_unaligned(bytes.as_ptr().cast::<R>()) })
        })
        .collect()
}

/// A port as the tables keep it: network byte order in the low 16 bits.
fn port(raw: u32) -> u16 {
    u16::from_be(raw as u16)
}

/// The listening TCP sockets and the UDP sockets, IPv4 and IPv6.
pub(crate) fn listening() -> Reading<Vec<Listener>> {
    let mut sockets = Vec::new();
    // SAFETY (each call below): the buffer pointer and the size are those of a live Vec of at
    // least `size` bytes, which the function fills up to `size`.
    let tcp4 = table(|buffer, size| unsafe {
        GetExtendedTcpTable(
            Some(buffer),
            size,
            false,
            u32::from(AF_INET.0),
            TCP_TABLE_OWNER_PID_LISTENER,
            0,
        )
    });
    let tcp6 = table(|buffer, size| unsafe {
        GetExtendedTcpTable(
            Some(buffer),
            size,
            false,
            u32::from(AF_INET6.0),
            TCP_TABLE_OWNER_PID_LISTENER,
            0,
        )
    });
    let udp4 = table(|buffer, size| unsafe {
        GetExtendedUdpTable(
            Some(buffer),
            size,
            false,
            u32::from(AF_INET.0),
            UDP_TABLE_OWNER_PID,
            0,
        )
    });
    let udp6 = table(|buffer, size| unsafe {
        GetExtendedUdpTable(
            Some(buffer),
            size,
            false,
            u32::from(AF_INET6.0),
            UDP_TABLE_OWNER_PID,
            0,
        )
    });
    let tcp4 = match tcp4 {
        Ok(buffer) => buffer,
        Err(status) => return net_failure("GetExtendedTcpTable", status),
    };
    for row in rows::<MIB_TCPROW_OWNER_PID>(&tcp4) {
        sockets.push(Listener {
            proto: Proto::Tcp,
            address: IpAddr::V4(Ipv4Addr::from(row.dwLocalAddr.to_ne_bytes())),
            port: port(row.dwLocalPort),
        });
    }
    if let Ok(buffer) = tcp6 {
        for row in rows::<MIB_TCP6ROW_OWNER_PID>(&buffer) {
            sockets.push(Listener {
                proto: Proto::Tcp,
                address: IpAddr::V6(Ipv6Addr::from(row.ucLocalAddr)),
                port: port(row.dwLocalPort),
            });
        }
    }
    if let Ok(buffer) = udp4 {
        for row in rows::<MIB_UDPROW_OWNER_PID>(&buffer) {
            sockets.push(Listener {
                proto: Proto::Udp,
                address: IpAddr::V4(Ipv4Addr::from(row.dwLocalAddr.to_ne_bytes())),
                port: port(row.dwLocalPort),
            });
        }
    }
    if let Ok(buffer) = udp6 {
        for row in rows::<MIB_UDP6ROW_OWNER_PID>(&buffer) {
            sockets.push(Listener {
                proto: Proto::Udp,
                address: IpAddr::V6(Ipv6Addr::from(row.ucLocalAddr)),
                port: port(row.dwLocalPort),
            });
        }
    }
    Reading::Got(sockets)
}

/// The relative id of the built-in Guest account.
const GUEST_RID: u32 = 501;

/// A NUL-terminated UTF-16 string of a NetAPI buffer as a `String` (empty when null).
fn text(pointer: PWSTR) -> String {
    if pointer.is_null() {
        return String::new();
    }
    // SAFETY: the NetAPI fills its buffers with valid NUL-terminated UTF-16 strings, alive until
    // the buffer is freed, which happens after this copy.
    unsafe { pointer.to_string() }.unwrap_or_default()
}

/// The local accounts (`NetUserEnum` level 20): name, relative id, enabled.
fn local_users() -> Result<Vec<(String, u32, bool)>, Reading<()>> {
    let mut buffer: *mut u8 = std::ptr::null_mut();
    let (mut read, mut total) = (0u32, 0u32);
    // SAFETY: a null server name is the local machine; the out-pointers are writable; the
    // buffer the NetAPI allocates is freed below.
    let status = unsafe {
        NetUserEnum(
            PCWSTR::null(),
            20,
            FILTER_NORMAL_ACCOUNT,
            &mut buffer,
            MAX_PREFERRED_LENGTH,
            &mut read,
            &mut total,
            None,
        )
    };
    let users = if status == NO_ERROR.0 && !buffer.is_null() {
        // SAFETY: on success the buffer holds `read` USER_INFO_20 structures.
        let rows =
            unsafe { std::slice::from_raw_parts(buffer.cast::<USER_INFO_20>(), read as usize) };
        Ok(rows
            .iter()
            .map(|row| {
                (
                    text(row.usri20_name),
                    row.usri20_user_id,
                    row.usri20_flags.0 & UF_ACCOUNTDISABLE.0 == 0,
                )
            })
            .collect())
    } else if status == NO_ERROR.0 {
        Ok(Vec::new())
    } else {
        Err(net_failure("NetUserEnum", status))
    };
    if !buffer.is_null() {
        // SAFETY: `buffer` was allocated by NetUserEnum and is freed once, after the copies.
        unsafe { NetApiBufferFree(Some(buffer.cast_const().cast())) };
    }
    users
}

/// The enabled local accounts' names, and whether the built-in Guest (relative id 501, whatever
/// its localised name: `Invité`) is enabled.
pub(crate) fn accounts() -> (Reading<Vec<String>>, Reading<bool>) {
    match local_users() {
        Ok(users) => (
            Reading::Got(
                users
                    .iter()
                    .filter(|(_, _, enabled)| *enabled)
                    .map(|(name, _, _)| name.clone())
                    .collect(),
            ),
            Reading::Got(
                users
                    .iter()
                    .any(|(_, rid, enabled)| *rid == GUEST_RID && *enabled),
            ),
        ),
        Err(failure) => (retype(&failure), retype(&failure)),
    }
}

fn retype<T>(failure: &Reading<()>) -> Reading<T> {
    match failure {
        Reading::Denied(api) => Reading::Denied(api.clone()),
        Reading::Failed(api, why) => Reading::Failed(api.clone(), why.clone()),
        Reading::NotRead | Reading::Got(()) => Reading::NotRead,
    }
}

/// The members of the local Administrators group (`DOMAIN\name`); the group is found by its
/// well-known SID, S-1-5-32-544, since its name is localised (`Administrateurs`).
pub(crate) fn administrators() -> Reading<Vec<String>> {
    let mut sid = [0u8; SECURITY_MAX_SID_SIZE as usize];
    let mut sid_size = SECURITY_MAX_SID_SIZE;
    let psid = PSID(sid.as_mut_ptr().cast());
    // SAFETY: `sid` is a writable buffer of `sid_size` bytes, the maximum size of a SID.
    if let Err(error) =
        unsafe { CreateWellKnownSid(WinBuiltinAdministratorsSid, None, Some(psid), &mut sid_size) }
    {
        return Reading::Failed("CreateWellKnownSid".into(), error.message());
    }
    let mut name = [0u16; 257];
    let mut name_len = name.len() as u32;
    let mut domain = [0u16; 257];
    let mut domain_len = domain.len() as u32;
    let mut kind = SID_NAME_USE::default();
    // SAFETY: `psid` points to the SID made above; the name buffers are writable for the
    // lengths given, which the function updates.
    if let Err(error) = unsafe {
        LookupAccountSidW(
            PCWSTR::null(),
            psid,
            Some(PWSTR(name.as_mut_ptr())),
            &mut name_len,
            Some(PWSTR(domain.as_mut_ptr())),
            &mut domain_len,
            &mut kind,
        )
    } {
        return Reading::Failed("LookupAccountSidW".into(), error.message());
    }
    let mut group: Vec<u16> = name[..(name_len as usize).min(name.len())].to_vec();
    group.push(0);
    let mut buffer: *mut u8 = std::ptr::null_mut();
    let (mut read, mut total) = (0u32, 0u32);
    // SAFETY: `group` is a NUL-terminated UTF-16 string alive for the call; the out-pointers are
    // writable; the NetAPI's buffer is freed below.
    let status = unsafe {
        NetLocalGroupGetMembers(
            PCWSTR::null(),
            PCWSTR(group.as_ptr()),
            3,
            &mut buffer,
            MAX_PREFERRED_LENGTH,
            &mut read,
            &mut total,
            None,
        )
    };
    let members = if status == NO_ERROR.0 && !buffer.is_null() {
        // SAFETY: on success the buffer holds `read` LOCALGROUP_MEMBERS_INFO_3 structures.
        let rows = unsafe {
            std::slice::from_raw_parts(buffer.cast::<LOCALGROUP_MEMBERS_INFO_3>(), read as usize)
        };
        Reading::Got(
            rows.iter()
                .map(|row| text(row.lgrmi3_domainandname))
                .collect(),
        )
    } else if status == NO_ERROR.0 {
        Reading::Got(Vec::new())
    } else {
        net_failure("NetLocalGroupGetMembers", status)
    };
    if !buffer.is_null() {
        // SAFETY: `buffer` was allocated by NetLocalGroupGetMembers and is freed once.
        unsafe { NetApiBufferFree(Some(buffer.cast_const().cast())) };
    }
    members
}

/// The system drive's `System.Volume.BitLockerProtection` shell property, which Explorer reads
/// without administrator rights (`Win32_EncryptableVolume` would need them).
pub(crate) fn bitlocker() -> Reading<u32> {
    const PROPERTY: &str = "System.Volume.BitLockerProtection";
    let drive = std::env::var("SystemDrive").unwrap_or_else(|_| "C:".to_owned());
    let path: Vec<u16> = format!("{drive}\\").encode_utf16().chain([0]).collect();
    let name: Vec<u16> = PROPERTY.encode_utf16().chain([0]).collect();
    // SAFETY: initialises COM for this thread; undone below when it succeeded.
    let init = unsafe { CoInitializeEx(None, COINIT_APARTMENTTHREADED) };
    let read = || -> windows::core::Result<u32> {
        let mut key = PROPERTYKEY::default();
        // SAFETY: `name` is a NUL-terminated UTF-16 string alive for the call; `key` is writable.
        unsafe { PSGetPropertyKeyFromName(PCWSTR(name.as_ptr()), &mut key) }?;
        // SAFETY: `path` is a NUL-terminated UTF-16 string alive for the call; no bind context.
        let item: IShellItem2 =
            unsafe { SHCreateItemFromParsingName(PCWSTR(path.as_ptr()), None::<&IBindCtx>) }?;
        // SAFETY: `key` is a valid property key; the PROPVARIANT returned is ours, cleared below.
        let mut value = unsafe { item.GetProperty(&key) }?;
        // SAFETY: `value` is a valid PROPVARIANT filled by GetProperty.
        let number = unsafe { PropVariantToInt32(&value) };
        // SAFETY: `value` is a valid PROPVARIANT, cleared once.
        let _ = unsafe { PropVariantClear(&mut value) };
        Ok(u32::try_from(number?).unwrap_or(u32::MAX))
    };
    let result = read();
    if init.is_ok() {
        // SAFETY: balances the successful CoInitializeEx above, on the same thread, after every
        // COM object of this function was released.
        unsafe { CoUninitialize() };
    }
    match result {
        Ok(value) => Reading::Got(value),
        Err(error) => Reading::Failed(PROPERTY.to_owned(), error.message()),
    }
}

/// The most recent entries of the Windows Update Agent's history read at most.
const HISTORY_ENTRIES: i32 = 500;

/// The Windows Update Agent's history (COM `Microsoft.Update.Session`), newest first: what was
/// installed, when, and whether it succeeded. Local: no search, no network.
pub(crate) fn update_history() -> Reading<Vec<HistoryEntry>> {
    const API: &str = "Microsoft.Update.Session";
    // SAFETY: initialises COM for this thread; undone below when it succeeded.
    let init = unsafe { CoInitializeEx(None, COINIT_APARTMENTTHREADED) };
    let read = || -> windows::core::Result<Vec<HistoryEntry>> {
        // SAFETY: creates the update session object; the interface is released when dropped.
        let session: IUpdateSession =
            unsafe { CoCreateInstance(&UpdateSession, None, CLSCTX_INPROC_SERVER) }?;
        // SAFETY: calls on a live COM interface; results are owned interfaces and values.
        let searcher = unsafe { session.CreateUpdateSearcher() }?;
        // SAFETY: as above.
        let total = unsafe { searcher.GetTotalHistoryCount() }?;
        if total <= 0 {
            return Ok(Vec::new());
        }
        // SAFETY: as above; the range is within the history's size.
        let history = unsafe { searcher.QueryHistory(0, total.min(HISTORY_ENTRIES)) }?;
        // SAFETY: as above.
        let count = unsafe { history.Count() }?;
        let mut entries = Vec::new();
        for index in 0..count {
            // SAFETY: `index` is below the collection's count; the entry is an owned interface.
            let Ok(entry) = (unsafe { history.get_Item(index) }) else {
                continue;
            };
            // SAFETY: property reads on a live entry; the BSTR title is owned and freed on drop.
            let (operation, result, date, title) = unsafe {
                (
                    entry.Operation().map(|o| o.0).unwrap_or(0),
                    entry.ResultCode().map(|r| r.0).unwrap_or(0),
                    entry.Date().unwrap_or(0.0),
                    entry.Title().map(|t| t.to_string()).unwrap_or_default(),
                )
            };
            entries.push(HistoryEntry {
                operation,
                result,
                date,
                title,
            });
        }
        Ok(entries)
    };
    let result = read();
    if init.is_ok() {
        // SAFETY: balances the successful CoInitializeEx above, on the same thread, after every
        // COM object of this function was released.
        unsafe { CoUninitialize() };
    }
    match result {
        Ok(entries) => Reading::Got(entries),
        Err(error) => Reading::Failed(API.to_owned(), error.message()),
    }
}

/// How long Security Center's list may take: WMI's service hangs on some damaged machines, and
/// the agent must still finish.
const WMI_TIMEOUT_SECONDS: u64 = 20;
/// `RPC_C_AUTHN_WINNT`: NTLM authentication of the calls to WMI's service.
const RPC_C_AUTHN_WINNT: u32 = 10;
/// `RPC_C_AUTHZ_NONE`.
const RPC_C_AUTHZ_NONE: u32 = 0;

/// Security Center's antivirus list (WMI `ROOT\SecurityCenter2`, `AntiVirusProduct`), read on a
/// thread of its own so that a hung WMI service costs at most [`WMI_TIMEOUT_SECONDS`].
pub(crate) fn security_center() -> Listing {
    let (send, receive) = std::sync::mpsc::channel();
    let spawned = std::thread::Builder::new()
        .name("security-center".into())
        .spawn(move || {
            let _ = send.send(security_center_now());
        });
    if let Err(error) = spawned {
        return Listing::Failed(error.to_string());
    }
    receive
        .recv_timeout(std::time::Duration::from_secs(WMI_TIMEOUT_SECONDS))
        .unwrap_or(Listing::TimedOut(WMI_TIMEOUT_SECONDS))
}

/// Security Center's antivirus list, read on this thread.
fn security_center_now() -> Listing {
    // SAFETY: initialises COM for this thread (a fresh one); undone below when it succeeded.
    let init = unsafe { CoInitializeEx(None, COINIT_MULTITHREADED) };
    let result = antivirus_products();
    if init.is_ok() {
        // SAFETY: balances the successful CoInitializeEx above, on the same thread, after every
        // COM object of `antivirus_products` was released.
        unsafe { CoUninitialize() };
    }
    match result {
        Ok(products) => Listing::Listed(products),
        Err(error) => Listing::failure(error.code().0 as u32, &error.message()),
    }
}

/// Asks WMI for `AntiVirusProduct`'s instances.
fn antivirus_products() -> windows::core::Result<Vec<Product>> {
    // SAFETY: creates WMI's locator; the interface is released when dropped.
    let locator: IWbemLocator =
        unsafe { CoCreateInstance(&WbemLocator, None, CLSCTX_INPROC_SERVER) }?;
    // SAFETY: a call on a live interface; the BSTRs live for the call (empty: the current user,
    // the default locale and authority); no context.
    let services = unsafe {
        locator.ConnectServer(
            &BSTR::from(NAMESPACE),
            &BSTR::new(),
            &BSTR::new(),
            &BSTR::new(),
            0,
            &BSTR::new(),
            None::<&IWbemContext>,
        )
    }?;
    // WMI's service runs in another process: its proxy must impersonate the user. A failure here
    // (an in-process provider has no proxy) is not one: the query says whether it can run.
    // SAFETY: `services` is a live interface; no principal name, no authentication identity.
    let _ = unsafe {
        CoSetProxyBlanket(
            &services,
            RPC_C_AUTHN_WINNT,
            RPC_C_AUTHZ_NONE,
            PCWSTR::null(),
            RPC_C_AUTHN_LEVEL_CALL,
            RPC_C_IMP_LEVEL_IMPERSONATE,
            None,
            EOAC_NONE,
        )
    };
    // SAFETY: a call on a live interface; the BSTRs live for the call; no context.
    let rows = unsafe {
        services.ExecQuery(
            &BSTR::from("WQL"),
            &BSTR::from(QUERY),
            WBEM_FLAG_FORWARD_ONLY | WBEM_FLAG_RETURN_IMMEDIATELY,
            None::<&IWbemContext>,
        )
    }?;
    let mut products = Vec::new();
    loop {
        let mut row: [Option<IWbemClassObject>; 1] = [None];
        let mut returned = 0u32;
        // SAFETY: `row` is a writable array of one interface slot, which receives an owned
        // object (released when dropped); `returned` is writable. The thread's own timeout
        // bounds the wait.
        unsafe { rows.Next(WBEM_INFINITE, &mut row, &mut returned) }.ok()?;
        let [Some(object)] = row else {
            break;
        };
        if returned == 0 {
            break;
        }
        let name = property(&object, w!("displayName"), variant_text)?.unwrap_or_default();
        let Some(state) = property(&object, w!("productState"), variant_u32)? else {
            // A product without a state: the list cannot be trusted, the next sources decide.
            return Err(windows::core::Error::new(
                windows::core::HRESULT(WBEM_E_INVALID_PROPERTY),
                "AntiVirusProduct.productState",
            ));
        };
        let exe =
            property(&object, w!("pathToSignedProductExe"), variant_text)?.unwrap_or_default();
        products.push(Product { name, state, exe });
    }
    Ok(products)
}

/// `WBEM_E_INVALID_PROPERTY`.
const WBEM_E_INVALID_PROPERTY: i32 = 0x8004_1017_u32 as i32;

/// A property of a WMI object: its VARIANT read by `read`, then cleared.
fn property<T>(
    object: &IWbemClassObject,
    name: PCWSTR,
    read: impl FnOnce(&VARIANT) -> Option<T>,
) -> windows::core::Result<Option<T>> {
    let mut value = VARIANT::default();
    // SAFETY: `name` is a NUL-terminated literal; `value` is an empty VARIANT, writable, which
    // receives a copy that is ours and is cleared below.
    unsafe { object.Get(name, 0, &mut value, None, None) }?;
    let result = read(&value);
    // SAFETY: `value` was filled by Get and is cleared once.
    let _ = unsafe { VariantClear(&mut value) };
    Ok(result)
}

/// A VARIANT's text (`VT_BSTR`; `None` for any other type, `VT_NULL` included).
fn variant_text(value: &VARIANT) -> Option<String> {
    // SAFETY: `vt` is always set (a zeroed VARIANT is VT_EMPTY); `bstrVal` is read only when
    // `vt` says the union holds a BSTR.
    unsafe {
        let inner = &value.Anonymous.Anonymous;
        (inner.vt == VT_BSTR).then(|| inner.Anonymous.bstrVal.to_string())
    }
}

/// A VARIANT's 32-bit number (WMI gives a `uint32` as `VT_I4`).
fn variant_u32(value: &VARIANT) -> Option<u32> {
    // SAFETY: `vt` is always set; the integer members are read only when `vt` names them.
    unsafe {
        let inner = &value.Anonymous.Anonymous;
        match inner.vt {
            VT_I4 => Some(inner.Anonymous.lVal as u32),
            VT_UI4 => Some(inner.Anonymous.ulVal),
            _ => None,
        }
    }
}
