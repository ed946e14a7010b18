//! The end of Microsoft's servicing for each Windows release the agent knows, by edition family,
//! bundled with the agent and dated [`TABLE_DATE`]: a PC on a USB key has no network to ask.
//! Every date is a Patch Tuesday (second Tuesday of the month), as Microsoft's are; a test says so.
//! The table is data: update it and its date with each release of posture.

use chrono::NaiveDate;

/// When the table was last checked against Microsoft's lifecycle pages.
pub const TABLE_DATE: &str = "2026-11-01";

/// The end of Windows 10's servicing (22H2, the last release): after it, only the paid Extended
/// Security Updates keep a Windows 10 patched.
pub const WINDOWS_10_END: &str = "2025-10-14";

/// Which servicing a release gets, from `EditionID`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// Home, Pro, Pro for Workstations, Pro Education…: the shorter servicing.
    HomePro,
    /// Enterprise and Education: a longer servicing for the autumn releases.
    EnterpriseEducation,
    /// The Long-Term Servicing Channel (`EnterpriseS`, `IoTEnterpriseS`).
    Ltsc,
    /// Windows Server.
    Server,
}

impl Family {
    /// The family of an `EditionID` (`Professional`, `Enterprise`, `ServerStandard`…), and of
    /// an `InstallationType` of `Server`.
    pub fn of(edition_id: &str, installation_type: &str) -> Family {
        let edition = edition_id.to_ascii_lowercase();
        if edition.starts_with("server") || installation_type.eq_ignore_ascii_case("server") {
            Family::Server
        } else if edition.ends_with("enterprises") || edition.ends_with("enterprisesn") {
            Family::Ltsc
        } else if edition.starts_with("enterprise")
            || edition.starts_with("education")
            || edition.starts_with("iotenterprise")
        {
            Family::EnterpriseEducation
        } else {
            Family::HomePro
        }
    }
}

/// One release's end of servicing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Release {
    /// `Windows 10`, `Windows 11`, `Windows Server 2022`…
    pub product: &'static str,
    /// `DisplayVersion` (`23H2`), or the build for Server and LTSC releases.
    pub version: &'static str,
    /// The build (`CurrentBuildNumber`).
    pub build: u32,
    /// The edition family.
    pub family: Family,
    /// The last Patch Tuesday of servicing, `YYYY-MM-DD`.
    pub end: &'static str,
}

const fn release(
    product: &'static str,
    version: &'static str,
    build: u32,
    family: Family,
    end: &'static str,
) -> Release {
    Release {
        product,
        version,
        build,
        family,
        end,
    }
}

use Family::{EnterpriseEducation as Ent, HomePro as Home, Ltsc, Server};

/// The table: Windows 10 and 11 by release (build) and family, LTSC and Server by build.
pub const TABLE: &[Release] = &[
    release("Windows 10", "1909", 18363, Home, "2021-05-11"),
    release("Windows 10", "1909", 18363, Ent, "2022-05-10"),
    release("Windows 10", "2004", 19041, Home, "2021-12-14"),
    release("Windows 10", "2004", 19041, Ent, "2021-12-14"),
    release("Windows 10", "20H2", 19042, Home, "2022-05-10"),
    release("Windows 10", "20H2", 19042, Ent, "2023-05-09"),
    release("Windows 10", "21H1", 19043, Home, "2022-12-13"),
    release("Windows 10", "21H1", 19043, Ent, "2022-12-13"),
    release("Windows 10", "21H2", 19044, Home, "2023-06-13"),
    release("Windows 10", "21H2", 19044, Ent, "2024-06-11"),
    release("Windows 10", "22H2", 19045, Home, WINDOWS_10_END),
    release("Windows 10", "22H2", 19045, Ent, WINDOWS_10_END),
    release("Windows 11", "21H2", 22000, Home, "2023-10-10"),
    release("Windows 11", "21H2", 22000, Ent, "2024-10-08"),
    release("Windows 11", "22H2", 22621, Home, "2024-10-08"),
    release("Windows 11", "22H2", 22621, Ent, "2025-10-14"),
    release("Windows 11", "23H2", 22631, Home, "2025-11-11"),
    release("Windows 11", "23H2", 22631, Ent, "2026-11-10"),
    release("Windows 11", "24H2", 26100, Home, "2026-10-13"),
    release("Windows 11", "24H2", 26100, Ent, "2027-10-12"),
    release("Windows 11", "25H2", 26200, Home, "2027-10-12"),
    release("Windows 11", "25H2", 26200, Ent, "2028-10-10"),
    release("Windows 10 LTSB 2016", "1607", 14393, Ltsc, "2026-10-13"),
    release("Windows 10 LTSC 2019", "1809", 17763, Ltsc, "2029-01-09"),
    release("Windows 10 LTSC 2021", "21H2", 19044, Ltsc, "2027-01-12"),
    release("Windows 11 LTSC 2024", "24H2", 26100, Ltsc, "2029-10-09"),
    release("Windows Server 2012 R2", "9600", 9600, Server, "2023-10-10"),
    release("Windows Server 2016", "1607", 14393, Server, "2027-01-12"),
    release("Windows Server 2019", "1809", 17763, Server, "2029-01-09"),
    release("Windows Server 2022", "21H2", 20348, Server, "2031-10-14"),
    release("Windows Server 2025", "24H2", 26100, Server, "2034-10-10"),
];

/// The release of a build in a family.
pub fn lookup(build: u32, family: Family) -> Option<&'static Release> {
    TABLE
        .iter()
        .find(|r| r.build == build && r.family == family)
}

/// A table date as a date.
pub fn date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use chrono::{Datelike as _, Weekday};

    use super::*;

    #[test]
    fn every_end_date_is_a_patch_tuesday() {
        assert!(date(TABLE_DATE).is_some());
        for release in TABLE {
            let end = date(release.end).unwrap_or_else(|| panic!("bad date {release:?}"));
            assert_eq!(end.weekday(), Weekday::Tue, "{release:?}");
            // The second Tuesday: the 8th to the 14th.
            assert!((8..=14).contains(&end.day()), "{release:?}");
        }
    }

    #[test]
    fn editions_fall_in_their_families() {
        assert_eq!(Family::of("Professional", "Client"), Family::HomePro);
        assert_eq!(Family::of("Core", "Client"), Family::HomePro);
        assert_eq!(
            Family::of("Enterprise", "Client"),
            Family::EnterpriseEducation
        );
        assert_eq!(
            Family::of("Education", "Client"),
            Family::EnterpriseEducation
        );
        assert_eq!(Family::of("EnterpriseS", "Client"), Family::Ltsc);
        assert_eq!(Family::of("ServerStandard", "Server"), Family::Server);
        assert_eq!(Family::of("", "Server"), Family::Server);
    }

    #[test]
    fn each_release_is_in_the_table_once_per_family() {
        for (i, a) in TABLE.iter().enumerate() {
            for b in &TABLE[i + 1..] {
                assert!(
                    !(a.build == b.build && a.family == b.family),
                    "{a:?} and {b:?}"
                );
            }
        }
        assert_eq!(
            lookup(22631, Family::HomePro).map(|r| r.end),
            Some("2025-11-11")
        );
    }
}
