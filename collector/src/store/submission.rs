//! How a submission is written: its rows and statements, and the group commit.
//!
//! Each transaction costs more than its rows. On SQLite, which has one writer at a time: a
//! `BEGIN` and a `COMMIT` sent to the connection's worker thread (each a hand-over between
//! threads), the shared pages (indexes, the latest-assessments table) written to the WAL again by
//! every commit, and the turn handed from one request to the next. On PostgreSQL: a flush of its
//! WAL to disk (`fsync`) at every commit. So the submissions go to one task ([`Batcher`]) that
//! writes those waiting together, in one transaction, and answers each only once that transaction
//! is committed: a `201` still means "committed", and a submission arriving alone is written at
//! once, alone. If anything in a batch fails, the batch is rolled back and each of its
//! submissions is written again alone, so that one bad submission fails alone; one whose request
//! has gone meanwhile (its time bound passed: it was answered `503`) is not stored.
//!
//! The document is compressed ([`super::packed`]) by the request's task, before it takes any turn.

use std::sync::Arc;

use sqlx::Row as _;
use tokio::sync::{Mutex, mpsc, oneshot};

use super::checkpoint::Checkpoints;
use super::{DomainScore, StoreError, Submitted, dashboard, figure, now, packed};
use crate::document::Assessment;

/// The most submissions written in one transaction.
const MAX_BATCH: usize = 32;

/// How many submissions may wait for the writer task before senders wait too.
const QUEUE: usize = 256;

/// One submission, ready to be written.
#[derive(Debug)]
pub(super) struct Row {
    org_id: i64,
    assessment_id: String,
    organisation: String,
    date: String,
    score: Option<f64>,
    level: Option<u8>,
    next_assessment: Option<String>,
    domains: Vec<DomainScore>,
    packed: Vec<u8>,
    received: String,
}

impl Row {
    /// `doc` filed under `org_id`, received now, its text compressed.
    pub(super) fn new(org_id: i64, doc: &Assessment) -> Row {
        Row {
            org_id,
            assessment_id: doc.assessment_id.clone(),
            organisation: doc.organisation.clone(),
            date: doc.date.clone(),
            score: doc.score,
            level: doc.level,
            next_assessment: doc.next_assessment.clone(),
            domains: doc.domains.clone(),
            packed: packed::pack(doc.json.as_bytes()),
            received: now(),
        }
    }
}

/// Writes `row` in `tx`: nothing when its `assessment_id` is already stored (for this
/// organisation or another, as the answer says).
pub(super) async fn write(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    row: &Row,
) -> Result<Submitted, StoreError> {
    // A write first: SQLite takes its write lock here (and waits for it), not on an upgrade.
    let inserted = sqlx::query(
        "INSERT INTO assessments \
         (assessment_id, org_id, organisation, assessed, score, level, next_assessment, document, document_lz4, received) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, '', $8, $9) ON CONFLICT (assessment_id) DO NOTHING",
    )
    .bind(&row.assessment_id)
    .bind(row.org_id)
    .bind(&row.organisation)
    .bind(&row.date)
    .bind(figure::Figure(row.score))
    .bind(row.level.map(i64::from))
    .bind(row.next_assessment.as_deref())
    .bind(&row.packed)
    .bind(&row.received)
    .execute(&mut **tx)
    .await?
    .rows_affected();
    if inserted == 0 {
        let owner: i64 = sqlx::query("SELECT org_id FROM assessments WHERE assessment_id = $1")
            .bind(&row.assessment_id)
            .fetch_one(&mut **tx)
            .await?
            .try_get("org_id")?;
        return Ok(if owner == row.org_id {
            Submitted::AlreadyThere
        } else {
            Submitted::OtherOrganisation
        });
    }
    // The domains, a few rows at a time (one statement per chunk, bounded parameters).
    for (chunk_index, chunk) in row.domains.chunks(50).enumerate() {
        let mut sql = String::from(
            "INSERT INTO assessment_domains (assessment_id, ordinal, domain, score, level) VALUES ",
        );
        for index in 0..chunk.len() {
            let base = index * 5;
            if index > 0 {
                sql.push_str(", ");
            }
            sql.push_str(&format!(
                "(${}, ${}, ${}, ${}, ${})",
                base + 1,
                base + 2,
                base + 3,
                base + 4,
                base + 5
            ));
        }
        let mut query = sqlx::query(&sql);
        for (index, domain) in chunk.iter().enumerate() {
            let ordinal = i64::try_from(chunk_index * 50 + index).unwrap_or(i64::MAX);
            query = query
                .bind(&row.assessment_id)
                .bind(ordinal)
                .bind(&domain.id)
                .bind(figure::Figure(domain.score))
                .bind(domain.level.map(i64::from));
        }
        query.execute(&mut **tx).await?;
    }
    dashboard::keep_latest(tx, row.org_id).await?;
    Ok(Submitted::Created)
}

/// A submission waiting for the writer task, and where its answer goes.
#[derive(Debug)]
struct Job {
    row: Row,
    reply: oneshot::Sender<Result<Submitted, StoreError>>,
}

/// The writer tasks: submissions sent here are written in batches (see the module's doc).
#[derive(Debug)]
pub(super) struct Batcher {
    jobs: mpsc::Sender<Job>,
}

impl Batcher {
    /// Starts `tasks` writer tasks on `pool`, which take the queue in turn. Each takes
    /// `writer`'s turn for each batch when there is one (SQLite's, which its other writers take
    /// too) and counts its commits for `checkpoints` (SQLite's). The tasks end when the returned
    /// value (kept by the store and its clones) is dropped. Must be called inside a tokio
    /// runtime.
    pub(super) fn start(
        pool: sqlx::AnyPool,
        writer: Option<Arc<Mutex<()>>>,
        checkpoints: Option<Arc<Checkpoints>>,
        tasks: usize,
    ) -> Batcher {
        let (jobs, queue) = mpsc::channel(QUEUE);
        let queue = Arc::new(Mutex::new(queue));
        for _ in 0..tasks.max(1) {
            tokio::spawn(run(
                pool.clone(),
                writer.clone(),
                checkpoints.clone(),
                queue.clone(),
            ));
        }
        Batcher { jobs }
    }

    /// Writes `row` with the submissions waiting with it; answers once they are committed.
    pub(super) async fn submit(&self, row: Row) -> Result<Submitted, StoreError> {
        let (reply, answer) = oneshot::channel();
        self.jobs
            .send(Job { row, reply })
            .await
            .map_err(|_| StoreError::Database(sqlx::Error::WorkerCrashed))?;
        answer
            .await
            .map_err(|_| StoreError::Database(sqlx::Error::WorkerCrashed))?
    }
}

async fn run(
    pool: sqlx::AnyPool,
    writer: Option<Arc<Mutex<()>>>,
    checkpoints: Option<Arc<Checkpoints>>,
    queue: Arc<Mutex<mpsc::Receiver<Job>>>,
) {
    let mut jobs: Vec<Job> = Vec::with_capacity(MAX_BATCH);
    loop {
        // The next task takes the queue while this one writes.
        if queue.lock().await.recv_many(&mut jobs, MAX_BATCH).await == 0 {
            return;
        }
        let turn = match &writer {
            Some(writer) => Some(writer.lock().await),
            None => None,
        };
        let mut batch: Vec<Job> = std::mem::take(&mut jobs);
        // Every task locks the organisations' rows in the same order (a stable sort: one
        // organisation's submissions stay in the order they came), so that two batches do not
        // wait for each other's organisations.
        batch.sort_by_key(|job| job.row.org_id);
        let submissions = batch.len();
        match together(&pool, &batch).await {
            Ok(Some(answers)) => {
                for (job, answer) in batch.into_iter().zip(answers) {
                    drop(job.reply.send(Ok(answer)));
                }
            }
            outcome @ (Ok(None) | Err(_)) if submissions > 1 => {
                if let Err(error) = outcome {
                    tracing::warn!(error = %error, "a batch of submissions failed");
                }
                one_by_one(&pool, batch).await;
            }
            // The only request has gone: nothing stored, no one to answer.
            Ok(None) => {}
            Err(error) => {
                if let Some(job) = batch.into_iter().next() {
                    drop(job.reply.send(Err(error)));
                }
            }
        }
        drop(turn);
        if let Some(checkpoints) = &checkpoints {
            checkpoints.committed(submissions);
        }
    }
}

/// The rows of `batch` in one transaction, committed: each one's answer, in order. `None`, and
/// nothing committed, when a submission's request has gone meanwhile (its time bound passed:
/// it was answered `503`, so it must not be stored).
///
/// On PostgreSQL several writer tasks run at once: a transaction that the database chose to
/// abort to end a deadlock with another one (the same assessment sent twice at once, an
/// organisation deleted meanwhile) is run again, a few times.
async fn together(
    pool: &sqlx::AnyPool,
    batch: &[Job],
) -> Result<Option<Vec<Submitted>>, StoreError> {
    let mut attempt = 1;
    loop {
        match try_together(pool, batch).await {
            Err(StoreError::Database(error)) if attempt < ATTEMPTS && is_transient(&error) => {
                tracing::info!(
                    attempt,
                    "a transaction of submissions is run again: {error}"
                );
                attempt += 1;
            }
            outcome => return outcome,
        }
    }
}

/// How many times [`together`] runs a transaction that the database aborted to end a deadlock.
const ATTEMPTS: u32 = 6;

/// Whether the database aborted the transaction only to let another one through (PostgreSQL's
/// `deadlock_detected` and `serialization_failure`): running it again is safe.
fn is_transient(error: &sqlx::Error) -> bool {
    matches!(error, sqlx::Error::Database(database)
        if matches!(database.code().as_deref(), Some("40P01" | "40001")))
}

/// [`together`], once.
async fn try_together(
    pool: &sqlx::AnyPool,
    batch: &[Job],
) -> Result<Option<Vec<Submitted>>, StoreError> {
    let mut tx = pool.begin().await?;
    let mut answers = Vec::with_capacity(batch.len());
    for job in batch {
        answers.push(write(&mut tx, &job.row).await?);
    }
    if batch.iter().any(|job| job.reply.is_closed()) {
        tx.rollback().await?;
        return Ok(None);
    }
    tx.commit().await?;
    Ok(Some(answers))
}

/// Each submission of a batch that failed, or of which a request has gone, in a transaction of
/// its own, so that it fails alone; those whose request has gone are dropped.
async fn one_by_one(pool: &sqlx::AnyPool, batch: Vec<Job>) {
    tracing::warn!(
        submissions = batch.len(),
        "a batch of submissions was not committed: each is written again alone"
    );
    for job in batch {
        if job.reply.is_closed() {
            continue;
        }
        match together(pool, std::slice::from_ref(&job)).await {
            Ok(Some(answers)) => {
                if let Some(answer) = answers.into_iter().next() {
                    drop(job.reply.send(Ok(answer)));
                }
            }
            Ok(None) => {}
            Err(error) => drop(job.reply.send(Err(error))),
        }
    }
}
