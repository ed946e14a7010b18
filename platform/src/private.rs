//! Files readable and writable by their owner only: a session, a report or the collection
//! server's database is a map of an organisation's weak points, and a key is a key.
//!
//! On Unix the file gets mode 0600. On Windows, where modes do not exist, it gets a *protected*
//! discretionary access-control list (DACL) with a single entry allowing everything to the
//! file's owner — the user who created it — and nothing inherited from the folder: in SDDL,
//! `D:P(A;;FA;;;<owner's SID>)`. Administrators keep what Windows always gives them (taking
//! ownership), as root does on Unix.
//!
//! The Windows calls go through the safe wrappers of `windows-permissions` (the workspace
//! forbids `unsafe`). What the ACL must say, and how it is read back, is plain text handled
//! here behind the [`Security`] trait, so that it is tested on Linux too.
//!
//! Under Wine (the end-to-end tests, `tests/test_windows.rs`) the calls succeed but upstream
//! Wine 8 keeps no ACL: it maps the DACL to the Unix mode bits (and its `SetSecurityInfo` adds
//! the folder's inheritable entries whatever `PROTECTED_DACL_SECURITY_INFORMATION` says). What
//! those tests can see, and check, is that a file written in a private folder loses every
//! permission for others.

use std::fs::File;
use std::io;
use std::path::Path;

/// The SDDL of the access-control list that leaves a file to `owner` (a SID like `S-1-5-21-…`)
/// alone: protected (`P`: nothing inherited from the folder), one entry allowing all file
/// rights (`FA`).
pub fn owner_only_sddl(owner: &str) -> String {
    format!("D:P(A;;FA;;;{owner})")
}

/// Whether `dacl` (the SDDL of a DACL, as Windows writes it back: `D:PAI(A;;FA;;;S-1-…)` or
/// with the mask in hexadecimal) leaves the file to `owner` alone: protected, and one entry
/// that allows all file rights to the owner.
pub fn is_owner_only_sddl(dacl: &str, owner: &str) -> bool {
    let Some((flags, entries)) = dacl_parts(dacl) else {
        return false;
    };
    flags.contains('P') && matches!(entries.as_slice(), [entry] if allows_all_to(entry, owner))
}

/// The flags (`P`, `AI`…) and the entries of a DACL's SDDL.
fn dacl_parts(dacl: &str) -> Option<(&str, Vec<&str>)> {
    let rest = dacl.trim().strip_prefix("D:")?;
    let (flags, aces) = rest.split_at(rest.find('(').unwrap_or(rest.len()));
    if flags.contains("NO_ACCESS_CONTROL") {
        return None;
    }
    let entries = aces
        .split(')')
        .map(|ace| ace.trim_start_matches('('))
        .filter(|ace| !ace.is_empty())
        .collect();
    Some((flags, entries))
}

/// Whether an entry (`A;;FA;;;S-1-…`) allows all file rights to `account`.
fn allows_all_to(entry: &str, account: &str) -> bool {
    let fields: Vec<&str> = entry.split(';').collect();
    // type; flags; rights; object; inherited object; account
    let [kind, _flags, rights, _, _, sid] = fields.as_slice() else {
        return false;
    };
    *kind == "A"
        && sid.eq_ignore_ascii_case(account)
        && (*rights == "FA" || rights.eq_ignore_ascii_case("0x1f01ff"))
}

/// What [`restrict`] needs from the operating system's security calls.
pub trait Security {
    /// The SID of the file's owner, as text (`S-1-5-21-…`).
    fn owner(&self, path: &Path) -> io::Result<String>;
    /// Replaces the file's DACL with the one `sddl` describes, protected from inheritance.
    fn set_dacl(&self, path: &Path, sddl: &str) -> io::Result<()>;
    /// The SDDL of the file's DACL.
    fn dacl(&self, path: &Path) -> io::Result<String>;
}

/// Leaves the file at `path` to its owner alone through `security`.
pub fn restrict_with(security: &impl Security, path: &Path) -> io::Result<()> {
    let owner = security.owner(path)?;
    if !is_sid(&owner) {
        return Err(io::Error::other(format!("unexpected owner SID {owner:?}")));
    }
    security.set_dacl(path, &owner_only_sddl(&owner))
}

/// Whether only the owner can use the file at `path`, as `security` reads it.
pub fn is_private_with(security: &impl Security, path: &Path) -> io::Result<bool> {
    let owner = security.owner(path)?;
    Ok(is_owner_only_sddl(&security.dacl(path)?, &owner))
}

/// Whether `text` has the form of a SID (`S-1-` then numbers separated by dashes): nothing else
/// goes into the SDDL.
fn is_sid(text: &str) -> bool {
    text.strip_prefix("S-1-").is_some_and(|rest| {
        !rest.is_empty()
            && rest
                .split('-')
                .all(|part| !part.is_empty() && part.bytes().all(|byte| byte.is_ascii_digit()))
    })
}

/// Makes the file at `path` readable and writable by its owner only (see the module's doc).
/// `file` is the file open at `path`, if the caller has it (used on Unix).
pub fn restrict(path: &Path, file: Option<&File>) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let private = std::fs::Permissions::from_mode(0o600);
        match file {
            Some(file) => file.set_permissions(private),
            None => std::fs::set_permissions(path, private),
        }
    }
    #[cfg(windows)]
    {
        let _ = file;
        restrict_with(&windows::Win32, path)
    }
    #[cfg(not(any(unix, windows)))]
    {
        let _ = (path, file);
        Ok(())
    }
}

/// Whether only the file's owner can read or write it: mode without group or other bits on
/// Unix, the owner-only DACL on Windows.
pub fn is_private(path: &Path) -> io::Result<bool> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        Ok(std::fs::metadata(path)?.permissions().mode() & 0o077 == 0)
    }
    #[cfg(windows)]
    {
        is_private_with(&windows::Win32, path)
    }
    #[cfg(not(any(unix, windows)))]
    {
        let _ = path;
        Ok(false)
    }
}

/// What the file's protection is, for a message: its mode on Unix, its owner and DACL (SDDL) on
/// Windows.
pub fn describe(path: &Path) -> io::Result<String> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(path)?.permissions().mode() & 0o7777;
        Ok(format!("mode {mode:04o}"))
    }
    #[cfg(windows)]
    {
        let security = windows::Win32;
        Ok(format!(
            "owner {}, DACL {}",
            security.owner(path)?,
            security.dacl(path)?
        ))
    }
    #[cfg(not(any(unix, windows)))]
    {
        let _ = path;
        Ok(String::new())
    }
}

/// Opens `path` for writing, created private when missing (with `create_new`, an existing file
/// is an error of kind `AlreadyExists`), truncated and made private when it exists.
pub fn create(path: &Path, create_new: bool) -> io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true);
    if create_new {
        options.create_new(true);
    } else {
        options.create(true).truncate(true);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    let file = options.open(path)?;
    // Nothing has been written yet: the file is private before it holds anything.
    restrict(path, Some(&file))?;
    Ok(file)
}

#[cfg(windows)]
mod windows {
    //! The Win32 security calls, through `windows-permissions`' safe wrappers.

    use std::io;
    use std::path::Path;

    use windows_permissions::constants::{SeObjectType, SecurityInformation};
    use windows_permissions::wrappers::{
        ConvertStringSecurityDescriptorToSecurityDescriptor, GetNamedSecurityInfo,
        SetNamedSecurityInfo,
    };

    /// The real calls.
    #[derive(Debug)]
    pub struct Win32;

    impl super::Security for Win32 {
        fn owner(&self, path: &Path) -> io::Result<String> {
            let descriptor = GetNamedSecurityInfo(
                path.as_os_str(),
                SeObjectType::SE_FILE_OBJECT,
                SecurityInformation::Owner,
            )?;
            let owner = descriptor
                .owner()
                .ok_or_else(|| io::Error::other("the file has no owner"))?;
            Ok(owner.to_string())
        }

        fn set_dacl(&self, path: &Path, sddl: &str) -> io::Result<()> {
            let descriptor = ConvertStringSecurityDescriptorToSecurityDescriptor(sddl)?;
            let dacl = descriptor
                .dacl()
                .ok_or_else(|| io::Error::other("the SDDL has no DACL"))?;
            SetNamedSecurityInfo(
                path.as_os_str(),
                SeObjectType::SE_FILE_OBJECT,
                SecurityInformation::Dacl | SecurityInformation::ProtectedDacl,
                None,
                None,
                Some(dacl),
                None,
            )
        }

        fn dacl(&self, path: &Path) -> io::Result<String> {
            let descriptor = GetNamedSecurityInfo(
                path.as_os_str(),
                SeObjectType::SE_FILE_OBJECT,
                SecurityInformation::Dacl,
            )?;
            Ok(descriptor.as_sddl()?.to_string_lossy().into_owned())
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use std::cell::RefCell;
    use std::collections::HashMap;
    use std::path::PathBuf;

    use super::*;

    const OWNER: &str = "S-1-5-21-1004336348-1177238915-682003330-1001";

    /// A file system's security as text: owners and DACLs by path.
    #[derive(Default)]
    struct Fake {
        owners: HashMap<PathBuf, String>,
        dacls: RefCell<HashMap<PathBuf, String>>,
    }

    impl Security for Fake {
        fn owner(&self, path: &Path) -> io::Result<String> {
            self.owners
                .get(path)
                .cloned()
                .ok_or_else(|| io::Error::from(io::ErrorKind::NotFound))
        }
        fn set_dacl(&self, path: &Path, sddl: &str) -> io::Result<()> {
            self.dacls
                .borrow_mut()
                .insert(path.to_owned(), sddl.to_owned());
            Ok(())
        }
        fn dacl(&self, path: &Path) -> io::Result<String> {
            Ok(self
                .dacls
                .borrow()
                .get(path)
                .cloned()
                .unwrap_or_else(|| "D:AI(A;ID;FA;;;SY)(A;ID;FA;;;BA)(A;ID;0x1200a9;;;BU)".into()))
        }
    }

    fn fake_with(path: &str, owner: &str) -> Fake {
        let mut fake = Fake::default();
        fake.owners.insert(PathBuf::from(path), owner.to_owned());
        fake
    }

    #[test]
    fn the_acl_has_one_entry_for_the_owner_and_inherits_nothing() {
        assert_eq!(owner_only_sddl(OWNER), format!("D:P(A;;FA;;;{OWNER})"));
    }

    #[test]
    fn restricting_gives_the_file_to_its_owner_alone() {
        let path = r"C:\Users\Anne Martin\Audits\session.toml";
        let fake = fake_with(path, OWNER);
        assert!(!is_private_with(&fake, Path::new(path)).unwrap());
        restrict_with(&fake, Path::new(path)).unwrap();
        assert_eq!(
            fake.dacls.borrow().get(Path::new(path)).unwrap(),
            &format!("D:P(A;;FA;;;{OWNER})")
        );
        assert!(is_private_with(&fake, Path::new(path)).unwrap());
    }

    #[test]
    fn an_owner_that_is_not_a_sid_is_refused_not_written_into_the_acl() {
        let fake = fake_with("f", "S-1-5-21)(A;;FA;;;WD");
        assert!(restrict_with(&fake, Path::new("f")).is_err());
        assert!(fake.dacls.borrow().is_empty());
        let fake = fake_with("f", "Everyone");
        assert!(restrict_with(&fake, Path::new("f")).is_err());
    }

    #[test]
    fn a_missing_file_is_an_error() {
        let fake = Fake::default();
        let error = restrict_with(&fake, Path::new("missing")).unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::NotFound);
    }

    #[test]
    fn the_acl_read_back_is_checked_as_windows_writes_it() {
        assert!(is_owner_only_sddl(
            &format!("D:PAI(A;;FA;;;{OWNER})"),
            OWNER
        ));
        assert!(is_owner_only_sddl(
            &format!("D:P(A;;0x1f01ff;;;{OWNER})"),
            OWNER
        ));
        // Inherited entries, a second entry, another account, a deny, no protection: not private.
        assert!(!is_owner_only_sddl(
            &format!("D:AI(A;;FA;;;{OWNER})"),
            OWNER
        ));
        assert!(!is_owner_only_sddl(
            &format!("D:P(A;;FA;;;{OWNER})(A;;FR;;;BU)"),
            OWNER
        ));
        assert!(!is_owner_only_sddl("D:P(A;;FA;;;S-1-5-32-545)", OWNER));
        assert!(!is_owner_only_sddl(&format!("D:P(D;;FA;;;{OWNER})"), OWNER));
        assert!(!is_owner_only_sddl("D:P", OWNER));
        assert!(!is_owner_only_sddl("", OWNER));
    }

    #[test]
    fn sids_are_recognised() {
        assert!(is_sid(OWNER));
        assert!(is_sid("S-1-5-32-544"));
        assert!(!is_sid("S-1-"));
        assert!(!is_sid("S-1-5--1"));
        assert!(!is_sid("BA"));
    }

    #[test]
    fn a_created_file_is_private_and_an_existing_one_is_made_private() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("store.sqlite");
        drop(create(&path, true).unwrap());
        assert!(is_private(&path).unwrap());
        assert_eq!(
            create(&path, true).unwrap_err().kind(),
            io::ErrorKind::AlreadyExists
        );
        let open = dir.path().join("key.pem");
        std::fs::write(&open, "old").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            std::fs::set_permissions(&open, std::fs::Permissions::from_mode(0o644)).unwrap();
        }
        #[cfg(unix)]
        assert!(!is_private(&open).unwrap());
        drop(create(&open, false).unwrap());
        assert!(is_private(&open).unwrap());
        assert_eq!(std::fs::read(&open).unwrap(), b"");
    }

    #[test]
    fn a_path_with_spaces_is_made_private() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("Mes audits 2026");
        std::fs::create_dir(&folder).unwrap();
        let path = folder.join("rapport final.html");
        std::fs::write(&path, "x").unwrap();
        restrict(&path, None).unwrap();
        assert!(is_private(&path).unwrap());
    }
}
