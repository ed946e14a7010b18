//! SQLite's `-wal` and `-shm` files beside the collection's database, private like the database
//! itself: the WAL holds the latest submissions in full until a checkpoint copies them back.
//!
//! On Unix SQLite creates them with the database file's mode (0600). On Windows they get the
//! folder's inherited ACL, which often lets every user of the machine read them. So, once a
//! connection has the database open in WAL mode (which creates them), they are made private
//! (`platform::private`: 0600, or an owner-only ACL): after the store's first connection has set
//! WAL mode, and again on every later connection, in case they were made anew. The store's pool
//! keeps a connection open for as long as it lives, so SQLite, which deletes both files when its
//! last connection to the database closes, does not delete and recreate them behind its back.

use std::io;
use std::path::{Path, PathBuf};

/// The `-wal` and `-shm` files of the database at `database`.
pub(super) fn paths(database: &Path) -> [PathBuf; 2] {
    ["-wal", "-shm"].map(|suffix| {
        let mut name = database.as_os_str().to_owned();
        name.push(suffix);
        PathBuf::from(name)
    })
}

/// Makes the database's `-wal` and `-shm` files private to their owner; a missing one (not in
/// WAL mode yet, or SQLite keeps the index in memory) is left missing. On failure, the path of
/// the file that could not be made private.
pub(super) fn make_private(database: &Path) -> Result<(), (PathBuf, io::Error)> {
    for path in paths(database) {
        match platform::private::restrict(&path, None) {
            Ok(()) => {}
            Err(error) if error.kind() == io::ErrorKind::NotFound => {}
            Err(error) => return Err((path, error)),
        }
    }
    Ok(())
}

#[cfg(all(test, unix))]
mod tests {
    #![allow(clippy::unwrap_used)]

    use std::os::unix::fs::PermissionsExt as _;

    use super::*;
    use crate::store::Store;

    fn mode(path: &Path) -> u32 {
        std::fs::metadata(path)
            .unwrap_or_else(|error| panic!("{}: {error}", path.display()))
            .permissions()
            .mode()
            & 0o777
    }

    #[test]
    fn the_sidecars_are_named_after_the_database() {
        assert_eq!(
            paths(Path::new("/srv/Collecte du Val/collecte.db")),
            [
                PathBuf::from("/srv/Collecte du Val/collecte.db-wal"),
                PathBuf::from("/srv/Collecte du Val/collecte.db-shm")
            ]
        );
    }

    #[test]
    fn sidecars_readable_by_others_are_made_private_and_missing_ones_stay_missing() {
        let dir = tempfile::tempdir().unwrap();
        let database = dir.path().join("collecte.db");
        std::fs::write(&database, "").unwrap();
        // What Windows gives them: the folder's permissions, here readable by all.
        let [wal, shm] = paths(&database);
        for path in [&wal, &shm] {
            std::fs::write(path, "").unwrap();
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o644)).unwrap();
        }
        make_private(&database).unwrap();
        assert_eq!((mode(&wal), mode(&shm)), (0o600, 0o600));

        let other = dir.path().join("autre.db");
        make_private(&other).unwrap();
        assert!(!paths(&other).iter().any(|path| path.exists()));
    }

    #[tokio::test]
    async fn the_database_and_its_sidecars_are_private_after_open_and_after_a_checkpoint() {
        let dir = tempfile::tempdir().unwrap();
        let database = dir.path().join("collecte du val.db");
        let store = Store::open(&format!("sqlite:{}", database.display()))
            .await
            .unwrap();
        let [wal, shm] = paths(&database);
        for path in [&database, &wal, &shm] {
            assert_eq!(mode(path), 0o600, "{} after open", path.display());
        }
        store.create_admin_token("Carol").await.unwrap();
        // A checkpoint that empties the WAL: the files stay, still private.
        sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
            .fetch_one(&store.pool)
            .await
            .unwrap();
        assert_eq!(std::fs::metadata(&wal).unwrap().len(), 0, "the WAL emptied");
        for path in [&database, &wal, &shm] {
            assert_eq!(mode(path), 0o600, "{} after a checkpoint", path.display());
        }
        store.create_admin_token("Dominique").await.unwrap();
        for path in [&database, &wal, &shm] {
            assert_eq!(mode(path), 0o600, "{} after a write", path.display());
        }
    }

    #[tokio::test]
    async fn the_pool_keeps_a_connection_so_the_sidecars_are_never_deleted_and_made_anew() {
        let dir = tempfile::tempdir().unwrap();
        let database = dir.path().join("collecte.db");
        let store = Store::open(&format!("sqlite:{}", database.display()))
            .await
            .unwrap();
        store.create_admin_token("Carol").await.unwrap();
        // Idle: no connection is closed by the pool (SQLite deletes both files when the last
        // one closes).
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        assert!(store.pool.size() >= 1, "the pool closed its connections");
        assert!(paths(&database).iter().all(|path| path.exists()));
        let options = store.pool.options();
        assert_eq!(options.get_idle_timeout(), None);
        assert_eq!(options.get_max_lifetime(), None);
        assert!(options.get_min_connections() >= 1);
    }
}
