//! `disk.encrypted`: whether the root file system sits on dm-crypt (LUKS), found by following
//! its block device in `/sys` (`/sys/class/block`, else `/sys/block/<dev>/dm/uuid`) — through
//! LVM and other device-mapper layers down to a `CRYPT-` device. `/etc/crypttab` is supporting
//! evidence only.

use scoring::facts::{Fact, Status, Value};

use super::machine::root_mount;
use super::{Machine, fact_said, unknown_said};

const KEY: &str = "disk.encrypted";
/// Deepest stack of block devices followed.
const MAX_DEPTH: usize = 8;

/// What the walk down the device stack found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Walk {
    /// A `CRYPT-` device on the way: the chain of names.
    Encrypted(Vec<String>),
    /// The bottom was reached without any.
    Plain(Vec<String>),
    /// The device is not in `/sys`.
    Unknown,
}

/// The `/sys` directory of a block device: `/sys/class/block/<dev>` (every device and
/// partition), else `/sys/block/<dev>` (whole devices, device-mapper ones included: the path
/// older kernels and trimmed-down `/sys` copies have).
pub(crate) fn block_dir(m: &Machine, name: &str) -> Option<String> {
    if name.is_empty() || name.contains('/') || name == ".." {
        return None;
    }
    [
        format!("/sys/class/block/{name}"),
        format!("/sys/block/{name}"),
    ]
    .into_iter()
    .find(|dir| m.exists(dir))
}

/// Follows a block device (`dm-0`, `sda2`) down its `slaves`.
pub(crate) fn walk(m: &Machine, name: &str, depth: usize) -> Walk {
    if depth > MAX_DEPTH {
        return Walk::Unknown;
    }
    let Some(base) = block_dir(m, name) else {
        return Walk::Unknown;
    };
    let uuid = m
        .read(&format!("{base}/dm/uuid"))
        .map(|t| t.trim().to_owned())
        .unwrap_or_default();
    let label = if uuid.is_empty() {
        name.to_owned()
    } else {
        format!("{name} ({})", uuid.split('-').next().unwrap_or(""))
    };
    if uuid.starts_with("CRYPT-") {
        return Walk::Encrypted(vec![label]);
    }
    let slaves = m.list(&format!("{base}/slaves")).unwrap_or_default();
    let mut plain = None;
    for slave in slaves {
        match walk(m, &slave, depth + 1) {
            Walk::Encrypted(mut chain) => {
                chain.insert(0, label);
                return Walk::Encrypted(chain);
            }
            Walk::Plain(mut chain) => {
                chain.insert(0, label.clone());
                plain.get_or_insert(chain);
            }
            Walk::Unknown => {}
        }
    }
    Walk::Plain(plain.unwrap_or_else(|| vec![label]))
}

/// The block device name of the root mount (`dm-0`, `nvme0n1p2`).
fn root_device(m: &Machine, dev: &str, source: &str) -> Option<String> {
    let basename = |p: &std::path::Path| p.file_name().map(|n| n.to_string_lossy().into_owned());
    // major:minor → /sys/dev/block/MAJ:MIN → …/block/dm-0
    if !dev.starts_with("0:")
        && let Some(target) = m.read_link(&format!("/sys/dev/block/{dev}"))
        && let Some(name) = basename(&target)
    {
        return Some(name);
    }
    if !dev.starts_with("0:") && m.exists(&format!("/sys/dev/block/{dev}/dm")) {
        // A directory rather than a link (fake machines): its dm/name.
        if let Ok(name) = m.read(&format!("/sys/dev/block/{dev}/dm/name")) {
            let name = name.trim();
            if let Some(target) = m.read_link(&format!("/dev/mapper/{name}")) {
                return basename(&target);
            }
        }
    }
    let source = source.strip_prefix("/dev/")?;
    if let Some(target) = m.read_link(&format!("/dev/{source}")) {
        return basename(&target);
    }
    let name = source.rsplit('/').next()?;
    block_dir(m, name).map(|_| name.to_owned())
}

/// Volumes listed in `/etc/crypttab`.
fn crypttab(m: &Machine) -> Vec<String> {
    m.read("/etc/crypttab")
        .unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let mut fields = l.split_whitespace();
            let name = fields.next()?;
            fields.next().map(|_| name.to_owned())
        })
        .collect()
}

pub(crate) fn facts(m: &Machine) -> Vec<Fact> {
    vec![encrypted(m)]
}

fn encrypted(m: &Machine) -> Fact {
    let crypt = crypttab(m);
    let from_crypttab = |why: i18n::Message| {
        if crypt.is_empty() {
            unknown_said(KEY, "/proc/self/mountinfo", why, m.lang)
        } else {
            fact_said(
                KEY,
                Value::Bool(true),
                Status::Warn,
                "/etc/crypttab",
                i18n::message!(
                    "collect-disk-crypttab-lists",
                    why = why,
                    crypttab = crypt.join(", ")
                ),
                m.lang,
            )
        }
    };
    let text = match m.read("/proc/self/mountinfo") {
        Ok(text) => text,
        Err(super::ReadError::Missing) => {
            return from_crypttab(i18n::message!("collect-disk-no-mountinfo"));
        }
        Err(error) => {
            let why = error.reason("/proc/self/mountinfo");
            return from_crypttab(i18n::message!("collect-disk-device-unknown", why = why));
        }
    };
    let Some(mount) = root_mount(&text) else {
        return from_crypttab(i18n::message!("collect-disk-root-not-in-mountinfo"));
    };
    if matches!(
        mount.fstype.as_str(),
        "overlay"
            | "aufs"
            | "tmpfs"
            | "ramfs"
            | "rootfs"
            | "9p"
            | "virtiofs"
            | "fuse.fuse-overlayfs"
    ) {
        return unknown_said(
            KEY,
            "/proc/self/mountinfo",
            i18n::message!("collect-disk-virtual-file-system", mount = mount.fstype),
            m.lang,
        );
    }
    if mount.fstype == "zfs" {
        return from_crypttab(i18n::message!("collect-disk-zfs"));
    }
    let Some(device) = root_device(m, &mount.dev, &mount.source) else {
        return from_crypttab(i18n::message!(
            "collect-disk-device-not-found-sys",
            source = &mount.source,
            dev = &mount.dev
        ));
    };
    let sys_dir = block_dir(m, &device).unwrap_or_else(|| format!("/sys/class/block/{device}"));
    match walk(m, &device, 0) {
        Walk::Encrypted(chain) => fact_said(
            KEY,
            Value::Bool(true),
            Status::Ok,
            format!("/proc/self/mountinfo, {sys_dir}"),
            i18n::message!("collect-disk-encrypted", chain = chain.join(" → ")),
            m.lang,
        ),
        Walk::Plain(chain) => fact_said(
            KEY,
            Value::Bool(false),
            Status::Warn,
            format!("/proc/self/mountinfo, {sys_dir}"),
            if crypt.is_empty() {
                i18n::message!("collect-disk-not-encrypted", chain = chain.join(" → "))
            } else {
                i18n::message!(
                    "collect-disk-not-encrypted-crypttab",
                    chain = chain.join(" → "),
                    crypttab = crypt.join(", ")
                )
            },
            m.lang,
        ),
        Walk::Unknown => from_crypttab(i18n::message!(
            "collect-disk-device-not-in-sys-block",
            device = device
        )),
    }
}
