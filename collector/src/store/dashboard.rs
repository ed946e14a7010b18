//! The dashboard's queries (`posture serve` at `/`, `crate::dashboard`): a filtered, sorted page
//! of organisations with their latest two assessments in one statement, the domains of a page of
//! assessments, the peers of a sector and size band in one statement, and the signed-in sessions
//! of SSI team members.
//!
//! They are written for ten thousand organisations: one round trip per page part, no query per
//! organisation, and no "latest assessment" worked out on a view: `organisation_latest` holds
//! each organisation's latest two, kept by [`Store::submit`]'s transaction ([`keep_latest`]), so
//! that a list is a plain indexed query, the first view after a change as fast as the others
//! (the figures are in `docs/benchmarks.md`). Sessions are stored by the SHA-256 of
//! their random id and read with their admin token on every request, so that revoking the token
//! ends its sessions at once.

use std::collections::HashMap;

use sqlx::Row as _;

use super::{Store, StoreError, level_of, six_months_after, tokens};

/// An organisation as the dashboard lists it: its latest two assessments.
#[derive(Debug, Clone, PartialEq)]
pub struct DashboardOrg {
    /// Its id.
    pub id: i64,
    /// Its name, as its token was created with.
    pub name: String,
    /// Its sector, as its token says.
    pub sector: Option<String>,
    /// Its size band, as its token says.
    pub size: Option<String>,
    /// Whom to call (`token create --contact`).
    pub contact: Option<String>,
    /// How many assessments it submitted.
    pub assessments: i64,
    /// Its latest assessment.
    pub last: Option<Summary>,
    /// The one before.
    pub previous: Option<Summary>,
}

/// One assessment's overall figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// Its id.
    pub assessment_id: String,
    /// Its date, `YYYY-MM-DD`.
    pub date: String,
    /// The overall score.
    pub score: Option<f64>,
    /// The overall level.
    pub level: Option<u8>,
    /// The `next_assessment` it set.
    pub next_assessment: Option<String>,
}

impl Summary {
    /// When the next assessment is due: the earlier of its `next_assessment` and six months after
    /// it (the re-assessment is overdue when either has passed).
    pub fn due(&self) -> Option<String> {
        let six = six_months_after(&self.date);
        match (self.next_assessment.clone(), six) {
            (Some(next), Some(six)) => Some(next.min(six)),
            (next, six) => next.or(six),
        }
    }
}

/// A signed-in SSI team member.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// The admin token the session was opened with.
    pub token_id: i64,
    /// The member's name (the token's).
    pub name: String,
    /// The session's token against cross-site requests, put in every form.
    pub csrf: String,
    /// When it was opened (Unix seconds).
    pub created: i64,
    /// When it was last used (Unix seconds).
    pub last_seen: i64,
}

/// Peers' scores: each organisation's latest assessment in a sector and size band.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PeerScores {
    /// How many organisations have an assessment.
    pub count: i64,
    /// The overall scores.
    pub overall: Vec<f64>,
    /// Each domain's scores, domains in order of first appearance.
    pub domains: Vec<(String, Vec<f64>)>,
    /// One of those assessments (to read the domains' titles from its document).
    pub sample: Option<String>,
}

/// The latest assessment first (of assessments `a`), as everywhere else in the store.
macro_rules! latest_first {
    () => {
        "ORDER BY a.assessed DESC, a.received DESC, a.assessment_id DESC"
    };
}

/// Which organisations a dashboard list shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OrgFilter {
    /// Only this sector.
    pub sector: Option<String>,
    /// Only this size band.
    pub size: Option<String>,
    /// Only this level of the latest assessment.
    pub level: Option<u8>,
    /// Only the overdue as of this day (`YYYY-MM-DD`), with the day six months before it: the
    /// latest assessment's `next_assessment` is before the day, or its date before the other.
    pub overdue: Option<(String, String)>,
}

/// How a dashboard list is sorted (then by name, then id).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum OrgSort {
    /// By name.
    #[default]
    Name,
    /// By sector.
    Sector,
    /// By size band, smallest first.
    Size,
    /// By the latest assessment's date.
    Date,
    /// By the latest assessment's overall score.
    Score,
    /// By the change since the previous assessment.
    Change,
}

/// A page of organisations, and how many the filter keeps in all.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OrgPage {
    /// The page's organisations.
    pub rows: Vec<DashboardOrg>,
    /// How many organisations the filter keeps.
    pub total: i64,
}

impl Store {
    /// Every organisation with its latest two assessments, by id, worked out from the
    /// assessments themselves (not from `organisation_latest`): two plain scans (the
    /// organisations; the assessments in the order of the `assessments_org_latest` index, which
    /// holds every column read), put together here. The pages use [`Store::dashboard_page`];
    /// this is what the tests and the benchmark check it against.
    pub async fn dashboard_organisations(&self) -> Result<Vec<DashboardOrg>, StoreError> {
        let orgs =
            sqlx::query("SELECT id, name, sector, size, contact FROM organisations ORDER BY id")
                .fetch_all(&self.pool)
                .await?;
        let assessments = sqlx::query(
            "SELECT org_id, assessment_id, assessed, score, level, next_assessment \
             FROM assessments ORDER BY org_id, assessed, received, assessment_id",
        )
        .fetch_all(&self.pool)
        .await?;
        let mut out: Vec<DashboardOrg> = Vec::with_capacity(orgs.len());
        for row in &orgs {
            out.push(DashboardOrg {
                id: row.try_get("id")?,
                name: row.try_get("name")?,
                sector: row.try_get("sector")?,
                size: row.try_get("size")?,
                contact: row.try_get("contact")?,
                assessments: 0,
                last: None,
                previous: None,
            });
        }
        fill(&mut out, &assessments)?;
        Ok(out)
    }

    /// One organisation, as a list shows it ([`Store::dashboard_page`]).
    pub async fn dashboard_organisation(
        &self,
        org_id: i64,
    ) -> Result<Option<DashboardOrg>, StoreError> {
        let page = self
            .dashboard_page(
                &OrgFilter::default(),
                OrgSort::Name,
                false,
                0,
                1,
                Some(org_id),
            )
            .await?;
        Ok(page.rows.into_iter().next())
    }

    /// The organisations `filter` keeps (only `org_id` when given), sorted, `limit` of them from
    /// `offset`, and how many it keeps in all: filtered, sorted and paged by the database in one
    /// statement on `organisations` and `organisation_latest` (each organisation's latest two
    /// assessments, kept by [`Store::submit`]), counted in another: no assessment is read,
    /// whatever the number of organisations.
    pub async fn dashboard_page(
        &self,
        filter: &OrgFilter,
        sort: OrgSort,
        descending: bool,
        offset: i64,
        limit: i64,
        org_id: Option<i64>,
    ) -> Result<OrgPage, StoreError> {
        let (filter_sql, mut binds) = conditions(filter, org_id);
        let key = match sort {
            OrgSort::Name => None,
            OrgSort::Sector => Some("o.sector"),
            // Known bands smallest first, then any other, then none (never "missing").
            OrgSort::Size => Some(
                "CASE WHEN o.size IS NULL THEN 5 WHEN o.size = '1-9' THEN 0 \
                 WHEN o.size = '10-49' THEN 1 WHEN o.size = '50-249' THEN 2 \
                 WHEN o.size = '250+' THEN 3 ELSE 4 END",
            ),
            OrgSort::Date => Some("l.last_assessed"),
            OrgSort::Score => Some("l.last_score"),
            // The change as the pages print it: to one decimal (× 10 keeps the order).
            OrgSort::Change => Some("ROUND((l.last_score - l.previous_score) * 10)"),
        };
        let direction = if descending { "DESC" } else { "ASC" };
        let order = match key {
            // A missing value last, whichever the direction.
            Some(key) => {
                format!("ORDER BY ({key}) IS NULL, {key} {direction}, LOWER(o.name), o.id")
            }
            None => format!("ORDER BY LOWER(o.name) {direction}, o.id {direction}"),
        };
        binds.push(Bind::Int(limit));
        let limit_at = binds.len();
        binds.push(Bind::Int(offset));
        let offset_at = binds.len();
        let sql = format!(
            "SELECT o.id, o.name, o.sector, o.size, o.contact, {LATEST_COLUMNS} \
             FROM organisations o LEFT JOIN organisation_latest l ON l.org_id = o.id \
             {filter_sql} {order} LIMIT ${limit_at} OFFSET ${offset_at}"
        );
        let rows = bound(sqlx::query(&sql), binds)
            .fetch_all(&self.pool)
            .await?;
        let rows = rows.iter().map(org_of).collect::<Result<Vec<_>, _>>()?;
        // Counted apart: a count in the page's statement (`COUNT(*) OVER ()`) would make the
        // database build every row before the page's (25 ms instead of 1 for ten thousand).
        let total = if org_id.is_some() {
            i64::try_from(rows.len()).unwrap_or(i64::MAX)
        } else {
            self.dashboard_count(filter).await?
        };
        Ok(OrgPage { rows, total })
    }

    /// How many organisations `filter` keeps.
    pub async fn dashboard_count(&self, filter: &OrgFilter) -> Result<i64, StoreError> {
        let (filter_sql, binds) = conditions(filter, None);
        let sql = format!(
            "SELECT COUNT(*) AS n FROM organisations o \
             LEFT JOIN organisation_latest l ON l.org_id = o.id {filter_sql}"
        );
        let row = bound(sqlx::query(&sql), binds)
            .fetch_one(&self.pool)
            .await?;
        Ok(row.try_get("n")?)
    }

    /// The domains' levels and scores of the given assessments: assessment id → (domain, score,
    /// level) in the document's order.
    pub async fn dashboard_domains(
        &self,
        assessment_ids: &[&str],
    ) -> Result<HashMap<String, Vec<super::DomainScore>>, StoreError> {
        let mut out: HashMap<String, Vec<super::DomainScore>> = HashMap::new();
        for chunk in assessment_ids.chunks(200) {
            let marks: Vec<String> = (1..=chunk.len()).map(|index| format!("${index}")).collect();
            let sql = format!(
                "SELECT assessment_id, domain, score, level FROM assessment_domains \
                 WHERE assessment_id IN ({}) ORDER BY assessment_id, ordinal",
                marks.join(", ")
            );
            let mut query = sqlx::query(&sql);
            for id in chunk {
                query = query.bind(*id);
            }
            for row in query.fetch_all(&self.pool).await? {
                out.entry(row.try_get("assessment_id")?)
                    .or_default()
                    .push(super::DomainScore {
                        id: row.try_get("domain")?,
                        score: row.try_get("score")?,
                        level: level_of(row.try_get("level")?)?,
                    });
            }
        }
        Ok(out)
    }

    /// The sector and size bands the organisations' tokens name, sorted.
    pub async fn dashboard_bands(&self) -> Result<Vec<(String, String)>, StoreError> {
        let rows = sqlx::query(
            "SELECT DISTINCT sector, size FROM organisations \
             WHERE sector IS NOT NULL AND size IS NOT NULL ORDER BY sector, size",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| Ok((row.try_get("sector")?, row.try_get("size")?)))
            .collect()
    }

    /// The latest assessment's scores of every organisation of `sector` and `size`, in one
    /// statement (the API's benchmark reads the same assessments).
    pub async fn dashboard_peers(
        &self,
        sector: &str,
        size: &str,
    ) -> Result<PeerScores, StoreError> {
        let latest = concat!(
            "SELECT a.assessment_id, a.score, ROW_NUMBER() OVER (PARTITION BY a.org_id ",
            latest_first!(),
            ") AS rn FROM assessments a JOIN organisations o ON o.id = a.org_id \
             WHERE o.sector = $1 AND o.size = $2"
        );
        let sql = format!(
            "SELECT l.assessment_id, l.score AS overall, d.domain, d.score FROM ({latest}) l \
             LEFT JOIN assessment_domains d ON d.assessment_id = l.assessment_id \
             WHERE l.rn = 1 ORDER BY l.assessment_id, d.ordinal"
        );
        let rows = sqlx::query(&sql)
            .bind(sector)
            .bind(size)
            .fetch_all(&self.pool)
            .await?;
        let mut peers = PeerScores::default();
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut previous: Option<String> = None;
        for row in rows {
            let assessment_id: String = row.try_get("assessment_id")?;
            if previous.as_deref() != Some(assessment_id.as_str()) {
                peers.count += 1;
                if peers.sample.is_none() {
                    peers.sample = Some(assessment_id.clone());
                }
                if let Some(score) = row.try_get::<Option<f64>, _>("overall")? {
                    peers.overall.push(score);
                }
                previous = Some(assessment_id);
            }
            let Some(domain) = row.try_get::<Option<String>, _>("domain")? else {
                continue;
            };
            let at = *index.entry(domain.clone()).or_insert_with(|| {
                peers.domains.push((domain, Vec::new()));
                peers.domains.len() - 1
            });
            if let (Some(score), Some(entry)) = (
                row.try_get::<Option<f64>, _>("score")?,
                peers.domains.get_mut(at),
            ) {
                entry.1.push(score);
            }
        }
        Ok(peers)
    }

    /// Sets the contact of organisation `name` (`token create --contact`); `false` when there is
    /// no such organisation.
    pub async fn set_contact(&self, name: &str, contact: Option<&str>) -> Result<bool, StoreError> {
        let changed = sqlx::query("UPDATE organisations SET contact = $1 WHERE name = $2")
            .bind(contact)
            .bind(name)
            .execute(&self.pool)
            .await?
            .rows_affected();
        Ok(changed > 0)
    }

    /// Opens a session for admin token `token_id` at `now` (Unix seconds): returns its secret
    /// (the cookie's value, never stored) and its CSRF token. Sessions over `absolute` seconds
    /// old are removed on the way.
    pub async fn create_session(
        &self,
        token_id: i64,
        now: i64,
        absolute: i64,
    ) -> Result<(String, String), StoreError> {
        let secret = tokens::generate()?;
        let csrf = tokens::generate()?;
        let _turn = match &self.writer {
            Some(writer) => Some(writer.lock().await),
            None => None,
        };
        let mut tx = self.pool.begin().await?;
        sqlx::query("DELETE FROM dashboard_sessions WHERE created < $1")
            .bind(now - absolute)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO dashboard_sessions (id_hash, token_id, csrf, created, last_seen) \
             VALUES ($1, $2, $3, $4, $4)",
        )
        .bind(tokens::hash(&secret))
        .bind(token_id)
        .bind(&csrf)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok((secret, csrf))
    }

    /// The session whose secret is `secret`, when its admin token is still valid; `None` when
    /// unknown or its token revoked (expiry is the caller's to judge, from the times).
    pub async fn session(&self, secret: &str) -> Result<Option<Session>, StoreError> {
        if secret.is_empty() || secret.len() > tokens::MAX_LEN {
            return Ok(None);
        }
        let row = sqlx::query(
            "SELECT s.token_id, s.csrf, s.created, s.last_seen, t.name, t.kind, t.revoked \
             FROM dashboard_sessions s JOIN tokens t ON t.id = s.token_id WHERE s.id_hash = $1",
        )
        .bind(tokens::hash(secret))
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        if row.try_get::<i64, _>("revoked")? != 0 || row.try_get::<String, _>("kind")? != "admin" {
            return Ok(None);
        }
        Ok(Some(Session {
            token_id: row.try_get("token_id")?,
            name: row.try_get("name")?,
            csrf: row.try_get("csrf")?,
            created: row.try_get("created")?,
            last_seen: row.try_get("last_seen")?,
        }))
    }

    /// Marks the session as used at `now`.
    pub async fn touch_session(&self, secret: &str, now: i64) -> Result<(), StoreError> {
        let _turn = match &self.writer {
            Some(writer) => Some(writer.lock().await),
            None => None,
        };
        sqlx::query("UPDATE dashboard_sessions SET last_seen = $1 WHERE id_hash = $2")
            .bind(now)
            .bind(tokens::hash(secret))
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Ends the session (sign-out, expiry).
    pub async fn end_session(&self, secret: &str) -> Result<(), StoreError> {
        let _turn = match &self.writer {
            Some(writer) => Some(writer.lock().await),
            None => None,
        };
        sqlx::query("DELETE FROM dashboard_sessions WHERE id_hash = $1")
            .bind(tokens::hash(secret))
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}

/// Adds `assessments` (rows in `org_id, assessed, received, assessment_id` order) to `orgs`
/// (sorted by id): each organisation's latest comes last.
fn fill(orgs: &mut [DashboardOrg], assessments: &[sqlx::any::AnyRow]) -> Result<(), StoreError> {
    let mut at = 0;
    for row in assessments {
        let org_id: i64 = row.try_get("org_id")?;
        while orgs.get(at).is_some_and(|org| org.id < org_id) {
            at += 1;
        }
        let Some(org) = orgs.get_mut(at).filter(|org| org.id == org_id) else {
            continue;
        };
        org.assessments += 1;
        org.previous = org.last.take();
        org.last = Some(Summary {
            assessment_id: row.try_get("assessment_id")?,
            date: row.try_get("assessed")?,
            score: row.try_get("score")?,
            level: level_of(row.try_get("level")?)?,
            next_assessment: row.try_get("next_assessment")?,
        });
    }
    Ok(())
}

/// A value bound to a dashboard query.
#[derive(Debug, Clone)]
enum Bind {
    Int(i64),
    Text(String),
}

/// Binds `binds` to `query`, in order.
fn bound<'q>(
    mut query: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>,
    binds: Vec<Bind>,
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
    for bind in binds {
        query = match bind {
            Bind::Int(value) => query.bind(value),
            Bind::Text(value) => query.bind(value),
        };
    }
    query
}

/// The `WHERE` clause of a list (`o`: organisations, `l`: their `organisation_latest` row, if
/// any) and its values, bound from `$1`.
fn conditions(filter: &OrgFilter, org_id: Option<i64>) -> (String, Vec<Bind>) {
    let mut conditions: Vec<String> = Vec::new();
    let mut binds: Vec<Bind> = Vec::new();
    let mut mark = |bind: Bind| {
        binds.push(bind);
        format!("${}", binds.len())
    };
    if let Some(id) = org_id {
        conditions.push(format!("o.id = {}", mark(Bind::Int(id))));
    }
    if let Some(sector) = &filter.sector {
        conditions.push(format!("o.sector = {}", mark(Bind::Text(sector.clone()))));
    }
    if let Some(size) = &filter.size {
        conditions.push(format!("o.size = {}", mark(Bind::Text(size.clone()))));
    }
    if let Some(level) = filter.level {
        conditions.push(format!(
            "l.last_level = {}",
            mark(Bind::Int(i64::from(level)))
        ));
    }
    if let Some((today, six_months_ago)) = &filter.overdue {
        let today = mark(Bind::Text(today.clone()));
        let six = mark(Bind::Text(six_months_ago.clone()));
        conditions.push(format!(
            "(l.last_next < {today} OR l.last_assessed < {six})"
        ));
    }
    let sql = if conditions.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", conditions.join(" AND "))
    };
    (sql, binds)
}

/// The columns of `organisation_latest` (`l`) a list reads.
const LATEST_COLUMNS: &str = "l.assessments, l.last_id, l.last_assessed, l.last_score, \
     l.last_level, l.last_next, l.previous_id, l.previous_assessed, l.previous_score, \
     l.previous_level, l.previous_next";

/// An organisation of a list, from its row (`id, name, sector, size, contact` and
/// [`LATEST_COLUMNS`]).
fn org_of(row: &sqlx::any::AnyRow) -> Result<DashboardOrg, StoreError> {
    let summary = |prefix: &str| -> Result<Option<Summary>, StoreError> {
        let Some(assessment_id) =
            row.try_get::<Option<String>, _>(format!("{prefix}_id").as_str())?
        else {
            return Ok(None);
        };
        Ok(Some(Summary {
            assessment_id,
            date: row.try_get(format!("{prefix}_assessed").as_str())?,
            score: row.try_get(format!("{prefix}_score").as_str())?,
            level: level_of(row.try_get(format!("{prefix}_level").as_str())?)?,
            next_assessment: row.try_get(format!("{prefix}_next").as_str())?,
        }))
    };
    Ok(DashboardOrg {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        sector: row.try_get("sector")?,
        size: row.try_get("size")?,
        contact: row.try_get("contact")?,
        assessments: row
            .try_get::<Option<i64>, _>("assessments")?
            .unwrap_or_default(),
        last: summary("last")?,
        previous: summary("previous")?,
    })
}

/// Brings organisation `org_id`'s row of `organisation_latest` up to date, in the transaction
/// of a submission ([`Store::submit`]) that stored one more assessment: one statement, which
/// reads its latest two assessments through the `assessments_org_latest` index (two index
/// entries, no document) and inserts the row or updates it, adding one to its count (not
/// counting them again: a few reads however many it has, and no lock beyond its own row).
pub(super) async fn keep_latest(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    org_id: i64,
) -> Result<(), StoreError> {
    sqlx::query(KEEP_LATEST)
        .bind(org_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// See [`keep_latest`]. (`WHERE TRUE`: SQLite's upsert after a `SELECT` with a join needs a
/// `WHERE` to be parsed.)
const KEEP_LATEST: &str = concat!(
    "INSERT INTO organisation_latest (org_id, assessments, \
     last_id, last_assessed, last_score, last_level, last_next, \
     previous_id, previous_assessed, previous_score, previous_level, previous_next) \
     SELECT a.org_id, 1, \
     a.assessment_id, a.assessed, a.score, a.level, a.next_assessment, \
     p.assessment_id, p.assessed, p.score, p.level, p.next_assessment \
     FROM (SELECT org_id, assessment_id, assessed, score, level, next_assessment \
     FROM assessments a WHERE org_id = $1 ",
    latest_first!(),
    " LIMIT 1) a \
     LEFT JOIN (SELECT org_id, assessment_id, assessed, score, level, next_assessment \
     FROM assessments a WHERE org_id = $1 ",
    latest_first!(),
    " LIMIT 1 OFFSET 1) p \
     ON p.org_id = a.org_id WHERE TRUE \
     ON CONFLICT (org_id) DO UPDATE SET assessments = organisation_latest.assessments + 1, \
     last_id = excluded.last_id, last_assessed = excluded.last_assessed, \
     last_score = excluded.last_score, last_level = excluded.last_level, \
     last_next = excluded.last_next, previous_id = excluded.previous_id, \
     previous_assessed = excluded.previous_assessed, previous_score = excluded.previous_score, \
     previous_level = excluded.previous_level, previous_next = excluded.previous_next"
);
