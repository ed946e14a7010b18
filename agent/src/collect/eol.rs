//! End-of-life table bundled with the agent: until when each release is still maintained by its
//! vendor (the charter asks for systems still maintained by their vendor).
//!
//! Sources: the vendors' life-cycle pages (Debian security team and Debian LTS, Ubuntu release
//! cycle, Red Hat life cycle, Rocky, AlmaLinux, SUSE life cycle, openSUSE, Alpine releases), as
//! of [`TABLE_DATE`]. The table is data: update it and its date with each release of posture.
//!
//! - `eol` is the last day of the vendor's free security maintenance: Debian LTS (run by the
//!   Debian project) for Debian, standard support for Ubuntu (ESM needs Ubuntu Pro: counted
//!   when the machine has the ESM sources), maintenance support for RHEL and its rebuilds,
//!   general support for SLES (LTSS is a paid extension).
//! - `reduced` is when the full support ends and only a reduced one remains (Debian's security
//!   team handing over to LTS): the release is still supported, but worth a look.

use chrono::NaiveDate;

/// When this table was last checked against the vendors' pages.
pub const TABLE_DATE: &str = "2026-11-01";

/// One release.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Release {
    /// `ID` values of `/etc/os-release`.
    pub ids: &'static [&'static str],
    /// `VERSION_ID`, or its major part (`9` matches `9.4`).
    pub version: &'static str,
    /// Human name.
    pub name: &'static str,
    /// End of full support, when it ends before `eol` (Debian's security team).
    pub reduced: Option<&'static str>,
    /// End of the vendor's maintenance.
    pub eol: &'static str,
    /// End of a paid or opt-in extension (Ubuntu ESM, SLES LTSS), for the detail.
    pub extended: Option<&'static str>,
}

const DEBIAN: &[&str] = &["debian", "raspbian"];
const UBUNTU: &[&str] = &["ubuntu"];
const RHEL: &[&str] = &["rhel"];
const ROCKY: &[&str] = &["rocky"];
const ALMA: &[&str] = &["almalinux"];
const CENTOS: &[&str] = &["centos"];
const ORACLE: &[&str] = &["ol"];
const SLES: &[&str] = &["sles", "sled", "sles_sap"];
const LEAP: &[&str] = &["opensuse-leap", "opensuse"];
const ALPINE: &[&str] = &["alpine"];

const fn release(
    ids: &'static [&'static str],
    version: &'static str,
    name: &'static str,
    reduced: Option<&'static str>,
    eol: &'static str,
    extended: Option<&'static str>,
) -> Release {
    Release {
        ids,
        version,
        name,
        reduced,
        eol,
        extended,
    }
}

/// The table.
pub const TABLE: &[Release] = &[
    // Debian: security team for ~3 years, then Debian LTS to 5 years.
    release(
        DEBIAN,
        "9",
        "Debian 9 stretch",
        Some("2020-07-18"),
        "2022-06-30",
        None,
    ),
    release(
        DEBIAN,
        "10",
        "Debian 10 buster",
        Some("2022-09-10"),
        "2024-06-30",
        None,
    ),
    release(
        DEBIAN,
        "11",
        "Debian 11 bullseye",
        Some("2024-08-14"),
        "2026-08-31",
        None,
    ),
    release(
        DEBIAN,
        "12",
        "Debian 12 bookworm",
        Some("2026-06-10"),
        "2028-06-30",
        None,
    ),
    release(
        DEBIAN,
        "13",
        "Debian 13 trixie",
        Some("2028-08-09"),
        "2030-06-30",
        None,
    ),
    // Ubuntu: standard support; ESM (Ubuntu Pro) in `extended`.
    release(
        UBUNTU,
        "16.04",
        "Ubuntu 16.04 LTS",
        None,
        "2021-04-02",
        Some("2026-04-02"),
    ),
    release(
        UBUNTU,
        "18.04",
        "Ubuntu 18.04 LTS",
        None,
        "2023-05-31",
        Some("2028-04-01"),
    ),
    release(
        UBUNTU,
        "20.04",
        "Ubuntu 20.04 LTS",
        None,
        "2025-05-31",
        Some("2030-04-02"),
    ),
    release(
        UBUNTU,
        "22.04",
        "Ubuntu 22.04 LTS",
        None,
        "2027-04-01",
        Some("2032-04-09"),
    ),
    release(UBUNTU, "23.10", "Ubuntu 23.10", None, "2024-07-12", None),
    release(
        UBUNTU,
        "24.04",
        "Ubuntu 24.04 LTS",
        None,
        "2029-05-31",
        Some("2034-04-25"),
    ),
    release(UBUNTU, "24.10", "Ubuntu 24.10", None, "2025-07-10", None),
    release(UBUNTU, "25.04", "Ubuntu 25.04", None, "2026-01-17", None),
    release(UBUNTU, "25.10", "Ubuntu 25.10", None, "2026-07-01", None),
    release(
        UBUNTU,
        "26.04",
        "Ubuntu 26.04 LTS",
        None,
        "2031-04-30",
        Some("2036-04-30"),
    ),
    // Red Hat Enterprise Linux and its rebuilds: maintenance support.
    release(
        RHEL,
        "7",
        "Red Hat Enterprise Linux 7",
        None,
        "2024-06-30",
        Some("2028-06-30"),
    ),
    release(
        RHEL,
        "8",
        "Red Hat Enterprise Linux 8",
        None,
        "2029-05-31",
        Some("2032-05-31"),
    ),
    release(
        RHEL,
        "9",
        "Red Hat Enterprise Linux 9",
        None,
        "2032-05-31",
        Some("2035-05-31"),
    ),
    release(
        RHEL,
        "10",
        "Red Hat Enterprise Linux 10",
        None,
        "2035-05-31",
        Some("2038-05-31"),
    ),
    release(ROCKY, "8", "Rocky Linux 8", None, "2029-05-31", None),
    release(ROCKY, "9", "Rocky Linux 9", None, "2032-05-31", None),
    release(ROCKY, "10", "Rocky Linux 10", None, "2035-05-31", None),
    release(ALMA, "8", "AlmaLinux 8", None, "2029-03-01", None),
    release(ALMA, "9", "AlmaLinux 9", None, "2032-05-31", None),
    release(ALMA, "10", "AlmaLinux 10", None, "2035-05-31", None),
    release(CENTOS, "7", "CentOS 7", None, "2024-06-30", None),
    release(CENTOS, "8", "CentOS Stream 8", None, "2024-05-31", None),
    release(CENTOS, "9", "CentOS Stream 9", None, "2027-05-31", None),
    release(ORACLE, "7", "Oracle Linux 7", None, "2024-12-31", None),
    release(ORACLE, "8", "Oracle Linux 8", None, "2029-07-31", None),
    release(ORACLE, "9", "Oracle Linux 9", None, "2032-06-30", None),
    // SUSE: general support of each service pack; LTSS (paid) in `extended`.
    release(
        SLES,
        "12.5",
        "SUSE Linux Enterprise 12 SP5",
        None,
        "2024-10-31",
        Some("2027-10-31"),
    ),
    release(
        SLES,
        "15.4",
        "SUSE Linux Enterprise 15 SP4",
        None,
        "2023-12-31",
        Some("2026-12-31"),
    ),
    release(
        SLES,
        "15.5",
        "SUSE Linux Enterprise 15 SP5",
        None,
        "2024-12-31",
        Some("2027-12-31"),
    ),
    release(
        SLES,
        "15.6",
        "SUSE Linux Enterprise 15 SP6",
        None,
        "2025-12-31",
        Some("2028-12-31"),
    ),
    release(
        SLES,
        "15.7",
        "SUSE Linux Enterprise 15 SP7",
        None,
        "2031-07-31",
        Some("2034-07-31"),
    ),
    release(LEAP, "15.5", "openSUSE Leap 15.5", None, "2024-12-31", None),
    release(LEAP, "15.6", "openSUSE Leap 15.6", None, "2026-04-30", None),
    release(LEAP, "16.0", "openSUSE Leap 16.0", None, "2027-10-31", None),
    // Alpine: about two years per branch.
    release(
        ALPINE,
        "3.19",
        "Alpine Linux 3.19",
        None,
        "2025-11-01",
        None,
    ),
    release(
        ALPINE,
        "3.20",
        "Alpine Linux 3.20",
        None,
        "2026-04-01",
        None,
    ),
    release(
        ALPINE,
        "3.21",
        "Alpine Linux 3.21",
        None,
        "2026-11-01",
        None,
    ),
    release(
        ALPINE,
        "3.22",
        "Alpine Linux 3.22",
        None,
        "2027-05-01",
        None,
    ),
    release(
        ALPINE,
        "3.23",
        "Alpine Linux 3.23",
        None,
        "2027-11-01",
        None,
    ),
];

/// The release of an `ID` / `ID_LIKE` / `VERSION_ID`: an exact version first, then its major
/// part (`9.4` → `9`; `3.20.3` → `3.20`). `ID_LIKE` is only used for the RHEL family (a
/// rebuild not in the table with the same major version).
pub fn lookup(id: &str, id_like: &str, version_id: &str) -> Option<&'static Release> {
    let id = id.trim().to_ascii_lowercase();
    let version = version_id.trim();
    if version.is_empty() {
        return None;
    }
    let find = |id: &str| {
        let mut candidates = vec![version.to_owned()];
        let parts: Vec<&str> = version.split('.').collect();
        for n in (1..parts.len()).rev() {
            candidates.push(parts[..n].join("."));
        }
        candidates.iter().find_map(|candidate| {
            TABLE
                .iter()
                .find(|r| r.ids.contains(&id) && r.version == candidate)
        })
    };
    find(&id).or_else(|| {
        id_like
            .split_whitespace()
            .map(str::to_ascii_lowercase)
            .filter(|like| like == "rhel")
            .find_map(|like| find(&like))
    })
}

/// A table date.
pub fn date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_date_parses_and_reduced_comes_before_eol() {
        assert!(date(TABLE_DATE).is_some());
        for release in TABLE {
            let eol = date(release.eol).unwrap();
            if let Some(reduced) = release.reduced {
                assert!(date(reduced).unwrap() < eol, "{}", release.name);
            }
            if let Some(extended) = release.extended {
                assert!(date(extended).unwrap() > eol, "{}", release.name);
            }
        }
    }

    #[test]
    fn versions_match_exactly_then_by_major() {
        assert_eq!(lookup("debian", "", "12").unwrap().eol, "2028-06-30");
        assert_eq!(
            lookup("rocky", "rhel centos fedora", "9.4").unwrap().name,
            "Rocky Linux 9"
        );
        assert_eq!(
            lookup("ubuntu", "debian", "22.04").unwrap().eol,
            "2027-04-01"
        );
        assert_eq!(lookup("alpine", "", "3.20.3").unwrap().eol, "2026-04-01");
        assert_eq!(
            lookup("sles", "suse", "15.6").unwrap().name,
            "SUSE Linux Enterprise 15 SP6"
        );
        // A rebuild not in the table follows RHEL.
        assert_eq!(
            lookup("eurolinux", "rhel fedora centos", "9.2")
                .unwrap()
                .eol,
            "2032-05-31"
        );
        assert!(lookup("ubuntu", "", "21.99").is_none());
        assert!(lookup("arch", "", "").is_none());
        assert!(lookup("debian", "", "").is_none());
    }
}
