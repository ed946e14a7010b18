//! The collection's database: organisations, their tokens, the assessments they submitted.
//!
//! One code path for SQLite (the default, one file) and PostgreSQL (a larger collection), through
//! sqlx's `Any` driver and one set of migrations (`collector/migrations`) written in the SQL both
//! accept: ids are assigned here (the largest plus one), times are RFC 3339 text. Every write is one
//! transaction, committed before the method returns, so that the server answers `201` only for
//! what is on disk.
//!
//! Tokens are random (≥ 128 bits, [`tokens`]), stored as their SHA-256, looked up on every request:
//! one created or revoked while the server runs counts at once.

mod checkpoint;
pub mod dashboard;
mod figure;
mod packed;
mod sidecars;
mod submission;
pub mod tokens;

use std::collections::HashMap;
use std::str::FromStr as _;
use std::time::Duration;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions, AnyRow};
use sqlx::{AnyPool, Executor as _, Row as _};
use subtle::ConstantTimeEq as _;

use crate::document::Assessment;

/// What can go wrong with the database. The messages are in English and never hold a token,
/// a document or a password (a PostgreSQL URL's password is not repeated).
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database URL is neither `sqlite:PATH` nor `postgres://…`.
    #[error("unsupported database URL: expected sqlite:PATH or postgres://…")]
    Url,
    /// The SQLite file could not be created.
    #[error("cannot create the database file {path}: {source}")]
    Create {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// SQLite's `-wal` or `-shm` file could not be made private to its owner.
    #[error("cannot make {path} private to its owner: {source}")]
    Private {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// The database refused or failed.
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    /// The migrations failed.
    #[error("database migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// The system gave no random bytes for a token.
    #[error("no random bytes from the system: {0}")]
    Random(String),
    /// A stored value is not what the schema says (a database edited by hand).
    #[error("unexpected value in the database: {0}")]
    Corrupt(String),
}

/// The collection's database. Cheap to clone (a connection pool).
#[derive(Debug, Clone)]
pub struct Store {
    pool: AnyPool,
    /// SQLite has one writer at a time: submissions take their turn here, in order, rather
    /// than sleeping and retrying on the database's lock (`busy_timeout`), which left a core
    /// idle under load. `None` on PostgreSQL, whose writers do not block each other.
    writer: Option<std::sync::Arc<tokio::sync::Mutex<()>>>,
    /// The writer task, which writes the submissions waiting together (`store/submission.rs`),
    /// and on SQLite counts its commits for the WAL checkpoints' task (`store/checkpoint.rs`).
    batcher: std::sync::Arc<submission::Batcher>,
}

/// Who a valid token belongs to.
#[derive(Debug, Clone)]
pub enum Caller {
    /// An SSI team member: reads every organisation's data.
    Admin {
        /// The token's id.
        token_id: i64,
        /// The member's name.
        name: String,
    },
    /// An organisation: submits its assessments, reads its own.
    Organisation {
        /// The token's id.
        token_id: i64,
        /// The organisation's id.
        org_id: i64,
        /// The organisation's name.
        name: String,
    },
}

/// What [`Store::submit`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Submitted {
    /// Stored now.
    Created,
    /// This organisation had already submitted this `assessment_id`: nothing written.
    AlreadyThere,
    /// This `assessment_id` belongs to another organisation: nothing written.
    OtherOrganisation,
}

/// An organisation, with where it stands.
#[derive(Debug, Clone, serde::Serialize)]
pub struct OrganisationRow {
    /// Its id.
    pub id: i64,
    /// Its name, as its token was created with.
    pub name: String,
    /// Its sector, as its token says.
    pub sector: Option<String>,
    /// Its size band, as its token says.
    pub size: Option<String>,
    /// How many assessments it submitted.
    pub assessments: i64,
    /// Its latest assessment (by date).
    pub last: Option<LastAssessment>,
    /// When the next assessment is due: the latest's `next_assessment`, else its date + 6 months.
    pub next_due: Option<String>,
}

/// An organisation's latest assessment.
#[derive(Debug, Clone, serde::Serialize)]
pub struct LastAssessment {
    /// Its id.
    pub assessment_id: String,
    /// Its date, `YYYY-MM-DD`.
    pub date: String,
    /// The overall score.
    pub score: Option<f64>,
    /// The overall level.
    pub level: Option<u8>,
}

/// One assessment's figures.
#[derive(Debug, Clone, serde::Serialize)]
pub struct AssessmentRow {
    /// Its id.
    pub assessment_id: String,
    /// The organisation's name (as registered with its token).
    pub organisation: String,
    /// Its date, `YYYY-MM-DD`.
    pub date: String,
    /// The overall score.
    pub score: Option<f64>,
    /// The overall level.
    pub level: Option<u8>,
    /// Each domain's score and level, in the document's order.
    pub domains: Vec<DomainScore>,
}

/// A domain's score and level.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct DomainScore {
    /// The domain id.
    pub id: String,
    /// Its score, 0–100.
    pub score: Option<f64>,
    /// Its level, 0–4.
    pub level: Option<u8>,
}

/// A stored document.
#[derive(Debug, Clone)]
pub struct StoredAssessment {
    /// The organisation it is filed under.
    pub org_id: i64,
    /// Exactly the JSON text as submitted.
    pub document: String,
}

/// Where peers stand: quartiles over each organisation's latest assessment.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Benchmark {
    /// How many organisations of that sector and size have an assessment.
    pub count: i64,
    /// Whether there are enough ([`BENCHMARK_MINIMUM`]) to give figures.
    pub enough: bool,
    /// The overall scores' quartiles, when enough organisations have one.
    pub overall: Option<Quartiles>,
    /// Each domain's quartiles, for the domains that enough organisations have a score in.
    pub domains: Vec<DomainQuartiles>,
}

/// Quartiles of scores.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Quartiles {
    /// The first quartile.
    pub p25: f64,
    /// The median.
    pub median: f64,
    /// The third quartile.
    pub p75: f64,
}

/// A domain's quartiles.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct DomainQuartiles {
    /// The domain id.
    pub id: String,
    /// The first quartile.
    pub p25: f64,
    /// The median.
    pub median: f64,
    /// The third quartile.
    pub p75: f64,
}

/// A token just made: its secret is shown once and never stored.
#[derive(Debug, Clone)]
pub struct NewToken {
    /// Its id (for `token revoke`).
    pub id: i64,
    /// The token itself.
    pub secret: String,
}

/// A token as `token list` shows it: never the token, nor its hash.
#[derive(Debug, Clone, serde::Serialize)]
pub struct TokenInfo {
    /// Its id.
    pub id: i64,
    /// `organisation` or `admin`.
    pub kind: String,
    /// The organisation's or the member's name.
    pub name: String,
    /// The organisation's sector.
    pub sector: Option<String>,
    /// The organisation's size band.
    pub size: Option<String>,
    /// When it was made (RFC 3339).
    pub created: String,
    /// Whether it was revoked.
    pub revoked: bool,
}

/// The fewest organisations a benchmark gives figures for, so that none can be recognised.
pub const BENCHMARK_MINIMUM: i64 = 5;

/// How many times a write whose id was taken by a concurrent writer is tried.
const ID_TRIES: usize = 5;

/// A runtime for the command line's management commands, which call this async store once.
pub fn runtime() -> std::io::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
}

/// Now, as stored: RFC 3339, UTC, seconds.
fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// The file of a `sqlite:` URL (`sqlite:PATH`, `sqlite://PATH`, options after `?` left out),
/// `None` for an in-memory database.
fn sqlite_path(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next().unwrap_or(rest);
    (!path.is_empty() && path != ":memory:").then_some(path)
}

/// Creates the SQLite file, readable and writable by its owner only, when it is missing.
fn create_sqlite_file(path: &str) -> Result<(), StoreError> {
    // 0600 on Unix, an owner-only ACL on Windows.
    match platform::private::create(std::path::Path::new(path), true) {
        Ok(_) => Ok(()),
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(source) => Err(StoreError::Create {
            path: path.to_owned(),
            source,
        }),
    }
}

/// PostgreSQL only, after the migrations: the server compresses the documents itself
/// (`packed`), so PostgreSQL is told not to try again on `document_lz4` (`STORAGE EXTERNAL`:
/// out of line, uncompressed). Not a migration, because the migrations are one set for SQLite and
/// PostgreSQL and SQLite has no such setting. Idempotent: the column's setting is read first and
/// changed only when it differs (`ALTER TABLE` takes a brief exclusive lock).
async fn postgres_document_storage(pool: &AnyPool) -> Result<(), StoreError> {
    let packed: String = sqlx::query(
        "SELECT attstorage::text AS storage FROM pg_attribute \
         WHERE attrelid = 'assessments'::regclass AND attname = 'document_lz4'",
    )
    .fetch_one(pool)
    .await?
    .try_get("storage")?;
    if packed != "e" {
        sqlx::query("ALTER TABLE assessments ALTER COLUMN document_lz4 SET STORAGE EXTERNAL")
            .execute(pool)
            .await?;
    }
    Ok(())
}

/// How many transactions of submissions PostgreSQL writes at once (SQLite: one, its only
/// writer). Each writes the submissions waiting when it starts (`store/submission.rs`).
const POSTGRES_WRITERS: usize = 4;

fn level_of(value: Option<i64>) -> Result<Option<u8>, StoreError> {
    value
        .map(|level| u8::try_from(level).map_err(|_| StoreError::Corrupt(format!("level {level}"))))
        .transpose()
}

fn is_unique_violation(error: &sqlx::Error) -> bool {
    matches!(error, sqlx::Error::Database(database) if database.is_unique_violation())
}

impl Store {
    /// Opens the database (`sqlite:PATH`, the file created 0600 when missing, WAL, foreign keys
    /// on; or `postgres://…`) and runs the migrations.
    pub async fn open(url: &str) -> Result<Store, StoreError> {
        sqlx::any::install_default_drivers();
        let sqlite = url.starts_with("sqlite:");
        if !sqlite && !url.starts_with("postgres://") && !url.starts_with("postgresql://") {
            return Err(StoreError::Url);
        }
        if let Some(path) = sqlite_path(url).filter(|_| sqlite) {
            create_sqlite_file(path)?;
        }
        let database = sqlite_path(url)
            .filter(|_| sqlite)
            .map(std::path::PathBuf::from);
        let options = AnyConnectOptions::from_str(url)?;
        let pool = if sqlite {
            let file = database.clone();
            AnyPoolOptions::new()
                .max_connections(8)
                // Never down to no connection: SQLite would delete `-wal` and `-shm`, and make
                // them anew with the folder's permissions (`sidecars`).
                .min_connections(1)
                .idle_timeout(None)
                .max_lifetime(None)
                .after_connect(move |connection, _| {
                    let file = file.clone();
                    Box::pin(async move {
                        connection
                            .execute("PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;")
                            .await?;
                        connection.execute(checkpoint::PRAGMAS).await?;
                        if let Some(file) = file {
                            // A read opens the WAL (making the files if missing), then private.
                            connection.execute("SELECT count(*) FROM sqlite_master").await?;
                            sidecars::make_private(&file)
                                .map_err(|(_, error)| sqlx::Error::Io(error))?;
                        }
                        Ok(())
                    })
                })
                .connect_with(options)
                .await?
        } else {
            AnyPoolOptions::new()
                .max_connections(16)
                .acquire_timeout(Duration::from_secs(30))
                .connect_with(options)
                .await?
        };
        if sqlite {
            // Persistent in the file: readers never wait for the writer.
            pool.execute("PRAGMA journal_mode = WAL").await?;
        }
        sqlx::migrate!("./migrations").run(&pool).await?;
        if let Some(database) = &database {
            // WAL mode made `-wal` and `-shm` beside a new database: private from now on.
            sidecars::make_private(database).map_err(|(path, source)| StoreError::Private {
                path: path.display().to_string(),
                source,
            })?;
        }
        if !sqlite {
            postgres_document_storage(&pool).await?;
        }
        let writer = sqlite.then(|| std::sync::Arc::new(tokio::sync::Mutex::new(())));
        let checkpoints = writer
            .as_ref()
            .map(|writer| checkpoint::Checkpoints::start(pool.clone(), writer.clone()));
        let batcher = std::sync::Arc::new(submission::Batcher::start(
            pool.clone(),
            writer.clone(),
            checkpoints,
            if sqlite { 1 } else { POSTGRES_WRITERS },
        ));
        Ok(Store {
            pool,
            writer,
            batcher,
        })
    }

    /// Whether the database answers.
    pub async fn ping(&self) -> Result<(), StoreError> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    /// Closes the connections, waiting for those in use to be given back: every later call
    /// fails (the pool is closed for every clone of this store). For a clean stop, and for the
    /// tests of a database that no longer answers.
    pub async fn close(&self) {
        self.pool.close().await;
    }

    /// Who `token` belongs to; `None` when it is unknown or revoked. Read from the database on
    /// every call, compared in constant time.
    pub async fn authenticate(&self, token: &str) -> Result<Option<Caller>, StoreError> {
        if token.is_empty() || token.len() > tokens::MAX_LEN {
            return Ok(None);
        }
        let hash = tokens::hash(token);
        let row = sqlx::query(
            "SELECT t.id, t.kind, t.name, t.org_id, t.hash, t.revoked, o.name AS org_name \
             FROM tokens t LEFT JOIN organisations o ON o.id = t.org_id WHERE t.hash = $1",
        )
        .bind(&hash)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let stored: String = row.try_get("hash")?;
        if !bool::from(stored.as_bytes().ct_eq(hash.as_bytes())) {
            return Ok(None);
        }
        if row.try_get::<i64, _>("revoked")? != 0 {
            return Ok(None);
        }
        let token_id: i64 = row.try_get("id")?;
        let kind: String = row.try_get("kind")?;
        match kind.as_str() {
            "admin" => Ok(Some(Caller::Admin {
                token_id,
                name: row.try_get("name")?,
            })),
            "organisation" => {
                let org_id: Option<i64> = row.try_get("org_id")?;
                let name: Option<String> = row.try_get("org_name")?;
                match (org_id, name) {
                    (Some(org_id), Some(name)) => Ok(Some(Caller::Organisation {
                        token_id,
                        org_id,
                        name,
                    })),
                    _ => Ok(None),
                }
            }
            other => Err(StoreError::Corrupt(format!("token kind {other}"))),
        }
    }

    /// Files `doc` under organisation `org_id`, in a transaction committed before returning
    /// (with the submissions waiting with it: `store/submission.rs`). Nothing is written
    /// when the `assessment_id` is already stored (for this organisation or another).
    pub async fn submit(&self, org_id: i64, doc: &Assessment) -> Result<Submitted, StoreError> {
        let row = submission::Row::new(org_id, doc);
        self.batcher.submit(row).await
    }

    /// Every organisation, by name, with its number of assessments, its latest and when the next
    /// is due.
    pub async fn organisations(&self) -> Result<Vec<OrganisationRow>, StoreError> {
        let rows = sqlx::query("SELECT id, name, sector, size FROM organisations ORDER BY name")
            .fetch_all(&self.pool)
            .await?;
        let mut organisations = Vec::with_capacity(rows.len());
        for row in rows {
            organisations.push(self.organisation_row(&row).await?);
        }
        Ok(organisations)
    }

    /// One organisation, as in [`Store::organisations`].
    pub async fn organisation(&self, org_id: i64) -> Result<Option<OrganisationRow>, StoreError> {
        let row = sqlx::query("SELECT id, name, sector, size FROM organisations WHERE id = $1")
            .bind(org_id)
            .fetch_optional(&self.pool)
            .await?;
        match row {
            Some(row) => Ok(Some(self.organisation_row(&row).await?)),
            None => Ok(None),
        }
    }

    async fn organisation_row(&self, row: &AnyRow) -> Result<OrganisationRow, StoreError> {
        let id: i64 = row.try_get("id")?;
        let count: i64 = sqlx::query("SELECT COUNT(*) AS n FROM assessments WHERE org_id = $1")
            .bind(id)
            .fetch_one(&self.pool)
            .await?
            .try_get("n")?;
        let latest = sqlx::query(
            "SELECT assessment_id, assessed, score, level, next_assessment FROM assessments \
             WHERE org_id = $1 ORDER BY assessed DESC, received DESC, assessment_id DESC LIMIT 1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        let (last, next_due) = match latest {
            None => (None, None),
            Some(latest) => {
                let date: String = latest.try_get("assessed")?;
                let next: Option<String> = latest.try_get("next_assessment")?;
                let next_due = next.or_else(|| six_months_after(&date));
                let last = LastAssessment {
                    assessment_id: latest.try_get("assessment_id")?,
                    date,
                    score: latest.try_get("score")?,
                    level: level_of(latest.try_get("level")?)?,
                };
                (Some(last), next_due)
            }
        };
        Ok(OrganisationRow {
            id,
            name: row.try_get("name")?,
            sector: row.try_get("sector")?,
            size: row.try_get("size")?,
            assessments: count,
            last,
            next_due,
        })
    }

    /// An organisation's assessments, oldest first.
    pub async fn organisation_assessments(
        &self,
        org_id: i64,
    ) -> Result<Vec<AssessmentRow>, StoreError> {
        self.assessment_rows(Some(org_id)).await
    }

    /// Every assessment, by organisation then date, with the organisation's name.
    pub async fn export_rows(&self) -> Result<Vec<AssessmentRow>, StoreError> {
        self.assessment_rows(None).await
    }

    async fn assessment_rows(&self, org_id: Option<i64>) -> Result<Vec<AssessmentRow>, StoreError> {
        let filter = if org_id.is_some() {
            "WHERE a.org_id = $1"
        } else {
            ""
        };
        let sql = format!(
            "SELECT a.assessment_id, o.name, a.assessed, a.score, a.level FROM assessments a \
             JOIN organisations o ON o.id = a.org_id {filter} \
             ORDER BY o.name, a.assessed, a.received, a.assessment_id"
        );
        let domain_sql = format!(
            "SELECT d.assessment_id, d.domain, d.score, d.level FROM assessment_domains d \
             JOIN assessments a ON a.assessment_id = d.assessment_id {filter} \
             ORDER BY d.assessment_id, d.ordinal"
        );
        let (rows, domain_rows) = match org_id {
            Some(org_id) => (
                sqlx::query(&sql).bind(org_id).fetch_all(&self.pool).await?,
                sqlx::query(&domain_sql)
                    .bind(org_id)
                    .fetch_all(&self.pool)
                    .await?,
            ),
            None => (
                sqlx::query(&sql).fetch_all(&self.pool).await?,
                sqlx::query(&domain_sql).fetch_all(&self.pool).await?,
            ),
        };
        let mut domains: HashMap<String, Vec<DomainScore>> = HashMap::new();
        for row in domain_rows {
            let assessment_id: String = row.try_get("assessment_id")?;
            domains.entry(assessment_id).or_default().push(DomainScore {
                id: row.try_get("domain")?,
                score: row.try_get("score")?,
                level: level_of(row.try_get("level")?)?,
            });
        }
        rows.iter()
            .map(|row| {
                let assessment_id: String = row.try_get("assessment_id")?;
                Ok(AssessmentRow {
                    domains: domains.remove(&assessment_id).unwrap_or_default(),
                    assessment_id,
                    organisation: row.try_get("name")?,
                    date: row.try_get("assessed")?,
                    score: row.try_get("score")?,
                    level: level_of(row.try_get("level")?)?,
                })
            })
            .collect()
    }

    /// A stored document and the organisation it is filed under.
    pub async fn assessment(
        &self,
        assessment_id: &str,
    ) -> Result<Option<StoredAssessment>, StoreError> {
        let row = sqlx::query(
            "SELECT org_id, document, document_lz4 FROM assessments WHERE assessment_id = $1",
        )
        .bind(assessment_id)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|row| {
            let packed: Option<Vec<u8>> = row.try_get("document_lz4")?;
            let document = match packed {
                Some(packed) => packed::unpack(&packed)
                    .map_err(|why| StoreError::Corrupt(format!("{assessment_id}: {why}")))?,
                None => row.try_get("document")?,
            };
            Ok(StoredAssessment {
                org_id: row.try_get("org_id")?,
                document,
            })
        })
        .transpose()
    }

    /// Where the organisations of `sector` and `size` (as their tokens say) stand: quartiles of
    /// their latest assessments' scores, overall and per domain. The figures only when there are
    /// at least [`BENCHMARK_MINIMUM`] organisations (and, for a figure, that many scores).
    ///
    /// Quartiles are interpolated linearly between the closest ranks (the "type 7" of Hyndman
    /// and Fan, as numpy's default and Excel's QUARTILE.INC): for n sorted scores, the quantile
    /// p is at rank p·(n − 1) from 0. They are rounded to one decimal, as the scores are.
    pub async fn benchmark(&self, sector: &str, size: &str) -> Result<Benchmark, StoreError> {
        let rows = sqlx::query(
            "SELECT a.org_id, a.assessment_id, a.score FROM assessments a \
             JOIN organisations o ON o.id = a.org_id \
             WHERE o.sector = $1 AND o.size = $2 \
             ORDER BY a.org_id, a.assessed DESC, a.received DESC, a.assessment_id DESC",
        )
        .bind(sector)
        .bind(size)
        .fetch_all(&self.pool)
        .await?;
        // The first row of each organisation is its latest.
        let mut latest: Vec<(String, Option<f64>)> = Vec::new();
        let mut previous_org = None;
        for row in &rows {
            let org_id: i64 = row.try_get("org_id")?;
            if previous_org != Some(org_id) {
                previous_org = Some(org_id);
                latest.push((row.try_get("assessment_id")?, row.try_get("score")?));
            }
        }
        let count = i64::try_from(latest.len()).unwrap_or(i64::MAX);
        let enough = count >= BENCHMARK_MINIMUM;
        if !enough {
            return Ok(Benchmark {
                count,
                enough,
                overall: None,
                domains: Vec::new(),
            });
        }
        let overall = quartiles(latest.iter().filter_map(|(_, score)| *score).collect());
        // Each domain's scores in those assessments, domains in order of first appearance.
        let mut order: Vec<String> = Vec::new();
        let mut scores: HashMap<String, Vec<f64>> = HashMap::new();
        for (assessment_id, _) in &latest {
            let rows = sqlx::query(
                "SELECT domain, score FROM assessment_domains WHERE assessment_id = $1 ORDER BY ordinal",
            )
            .bind(assessment_id)
            .fetch_all(&self.pool)
            .await?;
            for row in rows {
                let domain: String = row.try_get("domain")?;
                let score: Option<f64> = row.try_get("score")?;
                if !scores.contains_key(&domain) {
                    order.push(domain.clone());
                }
                let entry = scores.entry(domain).or_default();
                if let Some(score) = score {
                    entry.push(score);
                }
            }
        }
        let domains = order
            .into_iter()
            .filter_map(|id| {
                let values = scores.remove(&id)?;
                let quartiles = quartiles(values)?;
                Some(DomainQuartiles {
                    id,
                    p25: quartiles.p25,
                    median: quartiles.median,
                    p75: quartiles.p75,
                })
            })
            .collect();
        Ok(Benchmark {
            count,
            enough,
            overall,
            domains,
        })
    }

    /// A token for organisation `org` (created when new; its sector and size set when given).
    pub async fn create_org_token(
        &self,
        org: &str,
        sector: Option<&str>,
        size: Option<&str>,
    ) -> Result<NewToken, StoreError> {
        let mut tries = 0;
        loop {
            tries += 1;
            match self.try_create_org_token(org, sector, size).await {
                Err(StoreError::Database(error))
                    if tries < ID_TRIES && is_unique_violation(&error) => {}
                other => return other,
            }
        }
    }

    async fn try_create_org_token(
        &self,
        org: &str,
        sector: Option<&str>,
        size: Option<&str>,
    ) -> Result<NewToken, StoreError> {
        let secret = tokens::generate()?;
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO organisations (id, name, sector, size, created) \
             SELECT COALESCE(MAX(id), 0) + 1, $1, $2, $3, $4 FROM organisations WHERE true \
             ON CONFLICT (name) DO NOTHING",
        )
        .bind(org)
        .bind(sector)
        .bind(size)
        .bind(now())
        .execute(&mut *tx)
        .await?;
        if sector.is_some() {
            sqlx::query("UPDATE organisations SET sector = $1 WHERE name = $2")
                .bind(sector)
                .bind(org)
                .execute(&mut *tx)
                .await?;
        }
        if size.is_some() {
            sqlx::query("UPDATE organisations SET size = $1 WHERE name = $2")
                .bind(size)
                .bind(org)
                .execute(&mut *tx)
                .await?;
        }
        let org_id: i64 = sqlx::query("SELECT id FROM organisations WHERE name = $1")
            .bind(org)
            .fetch_one(&mut *tx)
            .await?
            .try_get("id")?;
        let id = insert_token(&mut tx, "organisation", org, Some(org_id), &secret).await?;
        tx.commit().await?;
        Ok(NewToken { id, secret })
    }

    /// A token for SSI team member `name`.
    pub async fn create_admin_token(&self, name: &str) -> Result<NewToken, StoreError> {
        let mut tries = 0;
        loop {
            tries += 1;
            let secret = tokens::generate()?;
            let mut tx = self.pool.begin().await?;
            match insert_token(&mut tx, "admin", name, None, &secret).await {
                Ok(id) => {
                    tx.commit().await?;
                    return Ok(NewToken { id, secret });
                }
                Err(StoreError::Database(error))
                    if tries < ID_TRIES && is_unique_violation(&error) => {}
                Err(error) => return Err(error),
            }
        }
    }

    /// Every token, by id: never the token nor its hash.
    pub async fn tokens(&self) -> Result<Vec<TokenInfo>, StoreError> {
        let rows = sqlx::query(
            "SELECT t.id, t.kind, t.name, t.created, t.revoked, o.sector, o.size \
             FROM tokens t LEFT JOIN organisations o ON o.id = t.org_id ORDER BY t.id",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(TokenInfo {
                    id: row.try_get("id")?,
                    kind: row.try_get("kind")?,
                    name: row.try_get("name")?,
                    sector: row.try_get("sector")?,
                    size: row.try_get("size")?,
                    created: row.try_get("created")?,
                    revoked: row.try_get::<i64, _>("revoked")? != 0,
                })
            })
            .collect()
    }

    /// Revokes token `id`, at once; `false` when there is no such token.
    pub async fn revoke_token(&self, id: i64) -> Result<bool, StoreError> {
        let changed = sqlx::query("UPDATE tokens SET revoked = 1 WHERE id = $1")
            .bind(id)
            .execute(&self.pool)
            .await?
            .rows_affected();
        Ok(changed > 0)
    }

    /// Deletes organisation `name`, its tokens and its assessments (the right to erasure);
    /// `false` when there is no such organisation.
    pub async fn delete_organisation(&self, name: &str) -> Result<bool, StoreError> {
        let mut tx = self.pool.begin().await?;
        // A write first (see submit); also makes the organisation's row ours until commit.
        let found = sqlx::query("UPDATE organisations SET name = name WHERE name = $1")
            .bind(name)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if found == 0 {
            tx.rollback().await?;
            return Ok(false);
        }
        let org_id: i64 = sqlx::query("SELECT id FROM organisations WHERE name = $1")
            .bind(name)
            .fetch_one(&mut *tx)
            .await?
            .try_get("id")?;
        for sql in [
            "DELETE FROM assessment_domains WHERE assessment_id IN \
             (SELECT assessment_id FROM assessments WHERE org_id = $1)",
            "DELETE FROM assessments WHERE org_id = $1",
            "DELETE FROM tokens WHERE org_id = $1",
            "DELETE FROM organisations WHERE id = $1",
        ] {
            sqlx::query(sql).bind(org_id).execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(true)
    }
}

/// Inserts a token with the next id, and returns that id.
async fn insert_token(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    kind: &str,
    name: &str,
    org_id: Option<i64>,
    secret: &str,
) -> Result<i64, StoreError> {
    let hash = tokens::hash(secret);
    sqlx::query(
        "INSERT INTO tokens (id, kind, name, org_id, hash, created, revoked) \
         SELECT COALESCE(MAX(id), 0) + 1, $1, $2, $3, $4, $5, 0 FROM tokens",
    )
    .bind(kind)
    .bind(name)
    .bind(org_id)
    .bind(&hash)
    .bind(now())
    .execute(&mut **tx)
    .await?;
    let id: i64 = sqlx::query("SELECT id FROM tokens WHERE hash = $1")
        .bind(&hash)
        .fetch_one(&mut **tx)
        .await?
        .try_get("id")?;
    Ok(id)
}

/// `date` (`YYYY-MM-DD`) plus six months, or `None` when it is not a date.
fn six_months_after(date: &str) -> Option<String> {
    let date = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?;
    let next = date.checked_add_months(chrono::Months::new(6))?;
    Some(next.format("%Y-%m-%d").to_string())
}

/// The quartiles of `values` (see [`Store::benchmark`]), `None` when there are fewer than
/// [`BENCHMARK_MINIMUM`].
pub fn quartiles(mut values: Vec<f64>) -> Option<Quartiles> {
    let minimum = usize::try_from(BENCHMARK_MINIMUM).unwrap_or(usize::MAX);
    if values.len() < minimum {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let at = |p: f64| -> f64 {
        #[allow(clippy::cast_precision_loss)]
        let rank = p * (values.len() - 1) as f64;
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let low = rank.floor() as usize;
        let high = (low + 1).min(values.len() - 1);
        let value = values[low] + (rank - rank.floor()) * (values[high] - values[low]);
        (value * 10.0).round() / 10.0
    };
    Some(Quartiles {
        p25: at(0.25),
        median: at(0.5),
        p75: at(0.75),
    })
}
