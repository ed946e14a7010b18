//! Writing files so that nothing is ever half-written: a temporary file in the same directory,
//! flushed to disk, then renamed over the target, readable by its owner only (mode 0600 on Unix,
//! an owner-only ACL on Windows — `platform::private`: a session or a report is a map of an
//! organisation's weak points).
//!
//! On Windows the rename is `MoveFileExW` with `MOVEFILE_REPLACE_EXISTING` (tempfile's
//! `persist`), which replaces an existing target in one step as `rename(2)` does; the moved
//! file keeps the ACL set on the temporary file. Directories cannot be flushed there: the
//! rename's durability is the file system's (NTFS journals it).

use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::error::{Error, Problem};

/// Replaces `path` with `contents` atomically, readable by its owner only.
///
/// Either the old file or the new one is on disk at every moment, even if the process is killed.
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<(), Error> {
    let target = destination(path)?;
    let path = target.as_path();
    let fail = |source| Error::Write {
        path: path.to_owned(),
        source,
    };
    let dir = parent_dir(path);
    let mut builder = tempfile::Builder::new();
    builder.prefix(".posture-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        builder.permissions(std::fs::Permissions::from_mode(0o600));
    }
    let mut temp = builder.tempfile_in(dir).map_err(fail)?;
    // Private before anything is written into it.
    platform::private::restrict(temp.path(), Some(temp.as_file())).map_err(fail)?;
    temp.write_all(contents).map_err(fail)?;
    temp.as_file().sync_all().map_err(fail)?;
    temp.persist(path).map_err(|error| fail(error.error))?;
    sync_dir(dir).map_err(fail)?;
    Ok(())
}

/// The directory a file goes in: its parent, or `.` for a bare file name.
pub fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// Checks, before anything is written, that `path` can be a file: its directory exists and it
/// is not itself a directory. The same check [`write_atomic`] makes, for a caller that writes
/// several files and wants all or none.
pub fn check_writable(path: &Path) -> Result<(), Error> {
    destination(path).map(|_| ())
}

/// The file to replace for `path`: the file a symbolic link points to (replacing the link
/// itself would leave the real file stale), after checking that the path can be a file at all.
/// A path that cannot be is the user's mistake, reported as bad input.
fn destination(path: &Path) -> Result<PathBuf, Error> {
    let mut target = path.to_owned();
    // Follow a chain of links, as opening the file would; give up on loops.
    for _ in 0..40 {
        match std::fs::symlink_metadata(&target) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let link = std::fs::read_link(&target).map_err(|source| Error::Write {
                    path: target.clone(),
                    source,
                })?;
                target = match target.parent() {
                    Some(parent) if link.is_relative() => parent.join(link),
                    _ => link,
                };
            }
            _ => break,
        }
    }
    if target.is_dir() {
        return Err(Error::invalid(
            Problem::new(i18n::text!(
                "file-is-dir",
                path = path.display().to_string()
            ))
            .hint(i18n::text!("file-is-dir-hint")),
        ));
    }
    let dir = parent_dir(&target);
    if !dir.is_dir() {
        return Err(Error::invalid(
            Problem::new(i18n::text!(
                "file-no-dir",
                path = path.display().to_string(),
                dir = dir.display().to_string()
            ))
            .hint(i18n::text!("file-no-dir-hint")),
        ));
    }
    Ok(target)
}

/// Makes the rename itself durable.
#[cfg(unix)]
fn sync_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> std::io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_replaces_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.toml");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        let entries: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(entries.len(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn files_are_private_to_their_owner() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.html");
        write_atomic(&path, b"x").unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    #[test]
    fn a_replaced_file_stays_private_on_every_system() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("Mes audits").join("session finale.toml");
        std::fs::create_dir(parent_dir(&path)).unwrap();
        std::fs::write(&path, b"old, written by someone else").unwrap();
        write_atomic(&path, b"new").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
        assert!(platform::private::is_private(&path).unwrap());
    }

    #[test]
    fn a_missing_directory_is_bad_input_not_a_panic() {
        let err = write_atomic(Path::new("/nonexistent-posture-dir/x"), b"x").unwrap_err();
        assert!(matches!(err, Error::Invalid(_)), "{err:?}");
        let message = err.render(crate::Lang::Fr);
        assert!(
            message.contains("le dossier /nonexistent-posture-dir n'existe pas"),
            "{message}"
        );
    }

    #[test]
    fn a_directory_is_not_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let err = write_atomic(dir.path(), b"x").unwrap_err();
        assert!(matches!(err, Error::Invalid(_)), "{err:?}");
        assert!(dir.path().is_dir());
    }

    #[cfg(unix)]
    #[test]
    fn a_link_is_followed_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.toml");
        let link = dir.path().join("link.toml");
        std::fs::write(&real, b"old").unwrap();
        std::os::unix::fs::symlink("real.toml", &link).unwrap();
        write_atomic(&link, b"new").unwrap();
        assert_eq!(std::fs::read(&real).unwrap(), b"new");
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
    }
}
