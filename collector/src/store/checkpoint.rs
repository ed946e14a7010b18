//! SQLite's WAL checkpoints, taken off the submissions' path.
//!
//! In WAL mode a commit appends its pages to the `-wal` file; a checkpoint copies them back into
//! the database file and syncs both. By default the connection whose commit fills 1,000 pages
//! does it, inside its commit, and submissions take their turn one at a time ([`super::Store`]'s
//! writer lock): under load every 40th or so submission carried a checkpoint (reads, writes and
//! two `fsync`s) and all the others waited for it. Here the connections never checkpoint
//! (`wal_autocheckpoint = 0`, set on each); a task does, on its own connection, after every
//! [`EVERY`] submissions or each [`PERIOD`]: a PASSIVE checkpoint, which runs while submissions keep
//! committing. When the WAL has grown past [`RESTART_FRAMES`] all the same (a checkpoint that
//! never catches up under a sustained load), the task takes the writer lock and restarts the WAL,
//! so that it does not grow without bound.
//!
//! Durability is unchanged: a commit is in the WAL before `submit` returns, and a checkpoint only
//! moves pages that are already safe there.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Weak};
use std::time::Duration;

use sqlx::{AnyPool, Row as _};
use tokio::sync::{Mutex, Notify};

/// A checkpoint after this many submissions committed.
const EVERY: usize = 32;

/// A checkpoint at least this often when anything was committed.
const PERIOD: Duration = Duration::from_secs(1);

/// The WAL's size, in pages, past which the writers wait for a full checkpoint (64 MiB of
/// 4 KiB pages).
const RESTART_FRAMES: i64 = 16_384;

/// Set on every SQLite connection: no checkpoint inside commits; a WAL left larger than 64 MiB
/// by a load is cut back to that.
pub(super) const PRAGMAS: &str =
    "PRAGMA wal_autocheckpoint = 0; PRAGMA journal_size_limit = 67108864;";

/// What the store shares with its checkpoint task.
#[derive(Debug)]
pub(super) struct Checkpoints {
    pool: AnyPool,
    writer: Arc<Mutex<()>>,
    commits: AtomicUsize,
    wake: Arc<Notify>,
}

impl Checkpoints {
    /// Starts the checkpoint task of `pool`, whose writers take turns on `writer`. The task
    /// ends when the returned value (kept by the store's writer task, `super::submission`) is dropped, or when the
    /// pool is closed. Must be called inside a tokio runtime.
    pub(super) fn start(pool: AnyPool, writer: Arc<Mutex<()>>) -> Arc<Checkpoints> {
        let wake = Arc::new(Notify::new());
        let checkpoints = Arc::new(Checkpoints {
            pool,
            writer,
            commits: AtomicUsize::new(0),
            wake: wake.clone(),
        });
        tokio::spawn(run(Arc::downgrade(&checkpoints), wake));
        checkpoints
    }

    /// Counts `submissions` committed (call it once the writer lock is released).
    pub(super) fn committed(&self, submissions: usize) {
        if self.commits.fetch_add(submissions, Ordering::Relaxed) + submissions >= EVERY {
            self.wake.notify_one();
        }
    }

    /// One PASSIVE checkpoint, and a RESTART one (writers held back) when the WAL is over
    /// [`RESTART_FRAMES`] pages.
    async fn checkpoint(&self) -> Result<(), sqlx::Error> {
        let row = sqlx::query("PRAGMA wal_checkpoint(PASSIVE)")
            .fetch_one(&self.pool)
            .await?;
        let frames: i64 = row.try_get(1)?;
        if frames > RESTART_FRAMES {
            let _turn = self.writer.lock().await;
            sqlx::query("PRAGMA wal_checkpoint(RESTART)")
                .fetch_one(&self.pool)
                .await?;
        }
        Ok(())
    }
}

async fn run(checkpoints: Weak<Checkpoints>, wake: Arc<Notify>) {
    loop {
        let _ = tokio::time::timeout(PERIOD, wake.notified()).await;
        let Some(checkpoints) = checkpoints.upgrade() else {
            return;
        };
        if checkpoints.commits.swap(0, Ordering::Relaxed) == 0 {
            continue;
        }
        if let Err(error) = checkpoints.checkpoint().await {
            if checkpoints.pool.is_closed() {
                return;
            }
            tracing::warn!(error = %error, "SQLite checkpoint");
        }
    }
}
