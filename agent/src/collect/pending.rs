//! Pending security updates of a Debian-family machine, from the files apt already has on disk:
//! the installed versions (`/var/lib/dpkg/status`) against the security suites' package lists
//! (`/var/lib/apt/lists/*security*_Packages`, plain, `.gz` or `.lz4`). Same answer as
//! `apt-get -s upgrade` for security updates, without running apt (which rebuilds its whole
//! cache on every run where the cache is disabled, as in Docker-derived images: seconds) and
//! under `--root` too.

use std::cmp::Ordering;
use std::collections::HashMap;

use chrono::{DateTime, FixedOffset};

use super::Machine;

/// Debian's order of a character in the non-digit parts of a version: `~` before everything,
/// even the end; letters before other characters.
fn order(c: Option<u8>) -> i32 {
    match c {
        None => 0,
        Some(c) if c.is_ascii_digit() => 0,
        Some(c) if c.is_ascii_alphabetic() => i32::from(c),
        Some(b'~') => -1,
        Some(c) => i32::from(c) + 256,
    }
}

/// dpkg's `verrevcmp` on one part (upstream version or revision).
fn compare_part(a: &[u8], b: &[u8]) -> Ordering {
    let (mut i, mut j) = (0usize, 0usize);
    while i < a.len() || j < b.len() {
        while (i < a.len() && !a[i].is_ascii_digit()) || (j < b.len() && !b[j].is_ascii_digit()) {
            let ac = order(a.get(i).copied());
            let bc = order(b.get(j).copied());
            if ac != bc {
                return ac.cmp(&bc);
            }
            i += 1;
            j += 1;
        }
        while a.get(i) == Some(&b'0') {
            i += 1;
        }
        while b.get(j) == Some(&b'0') {
            j += 1;
        }
        let mut first_diff = Ordering::Equal;
        while i < a.len() && j < b.len() && a[i].is_ascii_digit() && b[j].is_ascii_digit() {
            if first_diff == Ordering::Equal {
                first_diff = a[i].cmp(&b[j]);
            }
            i += 1;
            j += 1;
        }
        if a.get(i).is_some_and(u8::is_ascii_digit) {
            return Ordering::Greater;
        }
        if b.get(j).is_some_and(u8::is_ascii_digit) {
            return Ordering::Less;
        }
        if first_diff != Ordering::Equal {
            return first_diff;
        }
    }
    Ordering::Equal
}

/// Compares two Debian versions (`[epoch:]upstream[-revision]`) as dpkg does.
pub(crate) fn compare_versions(a: &str, b: &str) -> Ordering {
    fn split(v: &str) -> (u64, &str, &str) {
        let v = v.trim();
        let (epoch, rest) = match v.split_once(':') {
            Some((e, rest)) if e.bytes().all(|c| c.is_ascii_digit()) => {
                (e.parse().unwrap_or(0), rest)
            }
            _ => (0, v),
        };
        match rest.rsplit_once('-') {
            Some((upstream, revision)) => (epoch, upstream, revision),
            None => (epoch, rest, ""),
        }
    }
    let (ea, ua, ra) = split(a);
    let (eb, ub, rb) = split(b);
    ea.cmp(&eb)
        .then_with(|| compare_part(ua.as_bytes(), ub.as_bytes()))
        .then_with(|| compare_part(ra.as_bytes(), rb.as_bytes()))
}

/// The stanzas of a Debian control file (`Key: value` lines, blank lines between), with only
/// the keys asked for.
fn stanzas<'a>(text: &'a str, keys: &[&str]) -> Vec<HashMap<&'a str, &'a str>> {
    let mut out = Vec::new();
    let mut current = HashMap::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            continue;
        }
        if line.starts_with([' ', '\t']) {
            continue;
        }
        if let Some((key, value)) = line.split_once(':')
            && keys.contains(&key)
        {
            current.insert(key, value.trim());
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// What the files say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Pending {
    /// Installed packages with a newer version in a security suite: `name (installed → new)`.
    pub packages: Vec<String>,
    /// For each of `packages`, the list holding its newer version (one of `lists`).
    pub pending_in: Vec<String>,
    /// The security lists read (`status` and these are the fact's source).
    pub lists: Vec<String>,
}

/// Why the files could not answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum NoAnswer {
    /// No dpkg database.
    NoDpkg,
    /// No security package list on disk (never updated, lists removed, no security suite in
    /// the sources).
    NoLists,
    /// Lists in a compression this agent does not read (`.xz`, `.zst`…).
    Unreadable(Vec<String>),
}

/// Compares installed packages with the security lists.
#[cfg(test)]
pub(crate) fn pending_from_text(status: &str, lists: &[&str]) -> Vec<String> {
    pending_with_lists(status, lists)
        .into_iter()
        .map(|(package, _)| package)
        .collect()
}

/// Compares installed packages with the security lists: each pending package, with the index
/// in `lists` of the list offering its newest version.
pub(crate) fn pending_with_lists(status: &str, lists: &[&str]) -> Vec<(String, usize)> {
    // The highest version offered per (package, architecture), and its list.
    let mut offered: HashMap<(&str, &str), (&str, usize)> = HashMap::new();
    for (index, text) in lists.iter().enumerate() {
        for stanza in stanzas(text, &["Package", "Version", "Architecture"]) {
            let (Some(name), Some(version)) = (stanza.get("Package"), stanza.get("Version")) else {
                continue;
            };
            let arch = stanza.get("Architecture").copied().unwrap_or("all");
            let entry = offered.entry((name, arch)).or_insert((version, index));
            if compare_versions(version, entry.0) == Ordering::Greater {
                *entry = (version, index);
            }
        }
    }
    let mut out = Vec::new();
    for stanza in stanzas(status, &["Package", "Status", "Version", "Architecture"]) {
        let (Some(name), Some(version), Some(state)) = (
            stanza.get("Package"),
            stanza.get("Version"),
            stanza.get("Status"),
        ) else {
            continue;
        };
        if !state.ends_with(" installed") {
            continue;
        }
        let arch = stanza.get("Architecture").copied().unwrap_or("all");
        if let Some((new, index)) = offered.get(&(*name, arch))
            && compare_versions(new, version) == Ordering::Greater
        {
            out.push((format!("{name} ({version} → {new})"), *index));
        }
    }
    out.sort();
    out.dedup_by(|a, b| a.0 == b.0);
    out
}

/// Reads the machine's files.
pub(crate) fn pending(m: &Machine) -> Result<Pending, NoAnswer> {
    let status = m
        .read("/var/lib/dpkg/status")
        .map_err(|_| NoAnswer::NoDpkg)?;
    let mut files: Vec<String> = m
        .glob("/var/lib/apt/lists/*security*_Packages*")
        .into_iter()
        .filter(|f| !f.contains("/partial/"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(NoAnswer::NoLists);
    }
    let supported = |f: &String| {
        f.ends_with("_Packages") || f.ends_with("_Packages.gz") || f.ends_with("_Packages.lz4")
    };
    let (readable, unreadable): (Vec<String>, Vec<String>) = files.into_iter().partition(supported);
    if readable.is_empty() {
        return Err(NoAnswer::Unreadable(unreadable));
    }
    let (read, failed): (Vec<_>, Vec<_>) = readable
        .into_iter()
        .map(|f| {
            let text = m.read_maybe_gz(&f);
            (f, text)
        })
        .partition(|(_, text)| text.is_ok());
    if read.is_empty() {
        // Lists there but none readable: no answer, not "nothing pending".
        return Err(NoAnswer::Unreadable(
            failed.into_iter().map(|(f, _)| f).collect(),
        ));
    }
    let (lists, texts): (Vec<String>, Vec<String>) = read
        .into_iter()
        .filter_map(|(f, text)| text.ok().map(|text| (f, text)))
        .unzip();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let (packages, pending_in) = pending_with_lists(&status, &refs)
        .into_iter()
        .map(|(package, index)| (package, lists.get(index).cloned().unwrap_or_default()))
        .unzip();
    Ok(Pending {
        packages,
        pending_in,
        lists,
    })
}

/// The files that may be the `InRelease` or `Release` file of the suite a package list belongs
/// to, the likeliest first: `…_dists_bookworm-security_main_binary-amd64_Packages.lz4` →
/// `…_dists_bookworm-security_InRelease`, `…_dists_bookworm-security_Release`, … A suite
/// name with a slash (`stretch/updates`) is written with `_` too, like the component after it,
/// so every cut after `_dists_` is a candidate (the shortest first: the suite's own name).
/// Empty for a list outside a `dists` tree (a flat repository).
pub(crate) fn release_files(list: &str) -> Vec<String> {
    let (dir, name) = list.rsplit_once('/').unwrap_or(("", list));
    let Some(start) = name.find("_dists_").map(|i| i + "_dists_".len()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (i, _) in name.char_indices().filter(|(i, c)| *c == '_' && *i > start) {
        let base = &name[..i];
        out.push(format!("{dir}/{base}_InRelease"));
        out.push(format!("{dir}/{base}_Release"));
    }
    out
}

/// The `Date:` field of a `Release` or `InRelease` file (`Sat, 06 Dec 2026 09:00:00 UTC`):
/// when the suite's lists were published.
pub(crate) fn release_date(text: &str) -> Option<DateTime<FixedOffset>> {
    let line = text.lines().find_map(|l| l.strip_prefix("Date:"))?.trim();
    // The day of the week says nothing more, and a wrong one would fail the whole date.
    let line = line.split_once(", ").map_or(line, |(_, rest)| rest);
    let normalized = match line.strip_suffix(" UTC") {
        Some(head) => format!("{head} +0000"),
        None => line.to_owned(),
    };
    DateTime::parse_from_rfc2822(&normalized).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_compare_like_dpkg() {
        let lt = |a: &str, b: &str| {
            assert_eq!(compare_versions(a, b), Ordering::Less, "{a} < {b}");
            assert_eq!(compare_versions(b, a), Ordering::Greater, "{b} > {a}");
        };
        lt("1.0", "1.1");
        lt("1.0~rc1", "1.0");
        lt("1.0", "1.0-1");
        lt("1.0-1", "1.0-2");
        lt("1:0.9", "2:0.1");
        lt("0.9", "1:0.1");
        lt("3.0.16-1~deb12u1", "3.0.17-1~deb12u2");
        lt("2.36-9+deb12u9", "2.36-9+deb12u10");
        lt("1.2a", "1.2b");
        lt("1.2", "1.2a");
        lt("1.2+b1", "1.2.1");
        assert_eq!(compare_versions("1.01", "1.1"), Ordering::Equal);
        assert_eq!(compare_versions("0:1.0-1", "1.0-1"), Ordering::Equal);
        assert_eq!(compare_versions("", ""), Ordering::Equal);
    }

    #[test]
    fn installed_older_than_security_is_pending() {
        let status = "Package: libssl3\nStatus: install ok installed\nArchitecture: amd64\nVersion: 3.0.16-1~deb12u1\nDescription: x\n continued\n\n\
            Package: openssl\nStatus: deinstall ok config-files\nArchitecture: amd64\nVersion: 3.0.1-1\n\n\
            Package: tzdata\nStatus: install ok installed\nArchitecture: all\nVersion: 2025b-0+deb12u2\n";
        let security = "Package: libssl3\nVersion: 3.0.17-1~deb12u2\nArchitecture: amd64\n\n\
            Package: openssl\nVersion: 3.0.17-1~deb12u2\nArchitecture: amd64\n\n\
            Package: tzdata\nVersion: 2025b-0+deb12u1\nArchitecture: all\n";
        assert_eq!(
            pending_from_text(status, &[security]),
            vec!["libssl3 (3.0.16-1~deb12u1 → 3.0.17-1~deb12u2)"]
        );
        assert!(pending_from_text("garbage\0\n\n:::", &["\u{1}"]).is_empty());
    }

    #[test]
    fn each_pending_package_names_its_list() {
        let status = "Package: a\nStatus: install ok installed\nArchitecture: all\nVersion: 1\n\n\
            Package: b\nStatus: install ok installed\nArchitecture: all\nVersion: 1\n";
        let first = "Package: a\nVersion: 2\nArchitecture: all\n\nPackage: b\nVersion: 2\nArchitecture: all\n";
        let second = "Package: b\nVersion: 3\nArchitecture: all\n";
        assert_eq!(
            pending_with_lists(status, &[first, second]),
            vec![("a (1 → 2)".to_owned(), 0), ("b (1 → 3)".to_owned(), 1)]
        );
    }

    #[test]
    fn a_list_finds_its_release_file_and_date() {
        let found = release_files(
            "/var/lib/apt/lists/deb.debian.org_debian-security_dists_bookworm-security_main_binary-amd64_Packages.lz4",
        );
        assert_eq!(
            found[..2],
            [
                "/var/lib/apt/lists/deb.debian.org_debian-security_dists_bookworm-security_InRelease",
                "/var/lib/apt/lists/deb.debian.org_debian-security_dists_bookworm-security_Release"
            ]
        );
        let stretch = release_files(
            "/var/lib/apt/lists/security.debian.org_debian-security_dists_stretch_updates_main_binary-amd64_Packages",
        );
        assert!(stretch.contains(
            &"/var/lib/apt/lists/security.debian.org_debian-security_dists_stretch_updates_InRelease"
                .to_owned()
        ));
        assert!(release_files("/var/lib/apt/lists/example.org_repo_._Packages").is_empty());
        let signed = "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\nOrigin: Debian\nSuite: stable-security\nDate: Sat, 06 Dec 2026 09:00:00 UTC\nValid-Until: x\n";
        assert_eq!(
            release_date(signed).unwrap().to_rfc3339(),
            "2026-12-06T09:00:00+00:00"
        );
        assert_eq!(
            release_date("Date: Tue, 5 Nov 2024 10:11:12 +0100\n")
                .unwrap()
                .to_rfc3339(),
            "2024-11-05T10:11:12+01:00"
        );
        assert!(release_date("Date: yesterday\n").is_none());
        assert!(release_date("Origin: Debian\n").is_none());
    }
}
