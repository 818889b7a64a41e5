//! Storage of the nightly scan: scan runs and their units of work, snapshots of the genuine
//! accounts, suspects with every sighting and status event, and avatar evidence.
//!
//! One SQL dialect for both backends through sqlx's `Any` driver: SQLite (a file, the
//! default) and PostgreSQL (when the database URL says `postgres://`). Placeholders are
//! `$N`, which both accept; times are Unix seconds; the schema lives in
//! `migrations/sqlite` and `migrations/postgres`, applied on open.
//!
//! Owns SQL and transactions only. What a sighting *means* (new, reopened, still dismissed)
//! is decided by `scan`; this module writes what it is told, atomically per unit of work.

mod apply;
mod drafts;
mod lock;
mod ops;
mod pictures;
mod retention;
mod runs;
mod servers;
mod status;
mod suspects;
mod users;
mod work;

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use sqlx::AnyPool;
use sqlx::Executor;
use sqlx::any::AnyPoolOptions;

pub use apply::{
    AvatarBlob, Change, Observed, Seen, SeenAction, SnapshotWrite, SourceTally, Target, UnitTally, UnitWrite,
};
pub use drafts::{DraftRevisionRow, DraftRow, NewDraft};
pub use lock::{Holder, LockState};
pub use ops::{NewNotification, NotificationRow, ProbeRow, ProbeStatus, StoredFigures};
pub use retention::PurgeReport;
pub use runs::{Coverage, RunRow, RunStatus, SnapshotRow, SourceCountRow};
pub use servers::SERVER_HEARTBEAT_SECS;
pub use status::{SuspectStatus, UnknownStatus};
pub use suspects::{
    ConfirmedImpostor, Decision, EventRow, QUEUE_PAGE_MAX, QueueCursor, QueueQuery, SightingRow, StoredReasons,
    SuspectFilter, SuspectRow,
};
pub use users::{AuditRow, Failures, NewAudit, Role, SessionRow, UserRow, login_key, valid_user_name};
pub use work::{PhaseState, PlanInputs};

/// Why storage failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database could not be opened.
    #[error("cannot open database {url}")]
    Open {
        /// The URL, password removed.
        url: String,
        /// The driver's error.
        source: sqlx::Error,
    },
    /// The URL names no supported database.
    #[error("unsupported database URL {0:?} (expected sqlite:PATH or postgres://…)")]
    Url(String),
    /// Staff accounts whose names differ only in case, which names may no longer do.
    #[error(
        "staff accounts whose names differ only in upper and lower case: {}; a name is now one \
         name whatever its case. Rename all but one of each (for example \
         UPDATE users SET name = 'tanaka-2' WHERE name = 'Tanaka'; in sqlite3 or psql), then start again",
        .0.iter().map(|g| g.join(" / ")).collect::<Vec<_>>().join("; ")
    )]
    StaffNamesClash(Vec<Vec<String>>),
    /// Migrations failed.
    #[error("database migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// A query failed.
    #[error("database error: {0}")]
    Query(#[from] sqlx::Error),
    /// Another scan holds the lease.
    #[error("another scan is running ({holder}, last heartbeat {age_secs} s ago)")]
    Busy {
        /// Who holds it.
        holder: String,
        /// Seconds since its heartbeat.
        age_secs: i64,
    },
    /// No suspect with that id.
    #[error("no suspect #{0}")]
    NoSuspect(i64),
    /// The decision does not apply to the suspect's status.
    #[error("suspect #{id} is {from}; cannot {action}")]
    Transition {
        /// The suspect.
        id: i64,
        /// Its status.
        from: SuspectStatus,
        /// The attempted decision.
        action: &'static str,
    },
    /// Someone else changed the suspect since it was read.
    #[error("suspect #{id} was changed by someone else (now version {current}, you had {expected}); reload it")]
    Conflict {
        /// The suspect.
        id: i64,
        /// The version the caller saw.
        expected: i64,
        /// The version now stored.
        current: i64,
    },
    /// Someone else saved a draft since it was opened for editing.
    #[error("draft #{id} was edited by someone else (now revision {current}, you started from {expected}); reload it")]
    DraftConflict {
        /// The draft.
        id: i64,
        /// The revision the editor started from.
        expected: i64,
        /// The revision now stored.
        current: i64,
    },
    /// A decision is missing what it needs (a dismissal reason, a ticket).
    #[error("{0}")]
    Invalid(String),
}

/// Which database server.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Backend {
    /// An SQLite file.
    #[default]
    Sqlite,
    /// A PostgreSQL server.
    Postgres,
}

/// The database.
#[derive(Clone)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
    /// SQLite has one writer: units of one process queue here instead of failing busy.
    writer: Arc<tokio::sync::Mutex<()>>,
}

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("migrations/postgres");

/// The URL without its password, for messages.
pub fn redact(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut u) if u.password().is_some() => {
            let _ = u.set_password(Some("***"));
            u.to_string()
        }
        _ => url.to_string(),
    }
}

/// A database URL from a configured value: `postgres://…` as is, `sqlite:…` as is, and a
/// plain path as an SQLite file.
pub fn database_url(value: &str) -> String {
    if value.starts_with("postgres://") || value.starts_with("postgresql://") || value.starts_with("sqlite:") {
        value.to_string()
    } else {
        format!("sqlite://{value}")
    }
}

/// Opens a file for writing, creating it empty and readable by its owner only (0600 on Unix)
/// when it does not exist: the database and its backups hold password hashes and sessions.
/// (SQLite gives its journal and WAL files the database file's permissions; an empty file is
/// an empty database.) An existing file is left as it is, and one that cannot be written (a
/// read-only disk) is an error here rather than SQLite's "unable to open database file" after
/// the pool's retries, since SQLite opens a database in WAL mode for writing even to read it.
pub(crate) fn create_private(path: &Path) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path).map(drop)
}

/// The file of an SQLite database URL (`sqlite://PATH?…` or `sqlite:PATH`); `None` for any
/// other database.
pub fn sqlite_path(url: &str) -> Option<&str> {
    let path = url.strip_prefix("sqlite:")?.trim_start_matches("//");
    Some(path.split('?').next().unwrap_or(path))
}

/// Migrates an SQLite database. sqlx takes no lock on SQLite, so two processes opening a new
/// database at once (`serve` and a manual `scan`) both try to apply the same migration, and
/// the one that commits second fails: with "table … already exists", or, for a migration whose
/// statements may run twice (`IF NOT EXISTS`, `DROP … IF EXISTS`), at its row in
/// `_sqlx_migrations`. Each migration and its row are one transaction, so the loser changed
/// nothing: it waits and tries again, and then finds the migration applied.
async fn migrate_sqlite(pool: &AnyPool) -> Result<(), StoreError> {
    let mut attempt = 0u32;
    loop {
        match SQLITE_MIGRATIONS.run(pool).await {
            Ok(()) => return Ok(()),
            Err(e @ (sqlx::migrate::MigrateError::ExecuteMigration(..) | sqlx::migrate::MigrateError::Execute(_)))
                if attempt < 10 && {
                    // The race's own errors; a full or read-only disk is not retried.
                    let said = e.to_string();
                    said.contains("already exists")
                        || said.contains("duplicate column")
                        || said.contains("_sqlx_migrations.version")
                } =>
            {
                attempt += 1;
                tracing::debug!("migration raced with another process ({e}); retrying");
                tokio::time::sleep(Duration::from_millis(50 * u64::from(attempt))).await;
            }
            Err(e) => return Err(e.into()),
        }
    }
}

/// Migrations whose file changed after a build that applied it had been released, with the
/// checksum that build recorded (SHA-384 of the file as it was, hex). 0008 was released for
/// one day without its fingerprint-cache table; the file is back as first released, and 0009
/// drops the table, so a database from either build reaches today's schema. Opening records
/// today's checksum for these instead of refusing the migration as modified.
const SUPERSEDED: &[(i64, &str)] = &[(
    8,
    "c9bd1cc0f623b94bb5608ca45d5a30303cdb0f11bcb9f5e41ca1b5cf70501b2e8f980ad4f4f892dd402720589035762a",
)];

/// The checksum a released build recorded for `version` before its file changed, if any.
fn superseded(version: i64) -> Option<Vec<u8>> {
    let (_, hex) = SUPERSEDED.iter().find(|(v, _)| *v == version)?;
    (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).ok())
        .collect()
}

/// Records today's checksum for migrations applied with a superseded one (see
/// [`SUPERSEDED`]). A database without the migrations table yet has nothing to record; any
/// other failure shows in the migration run that follows.
async fn accept_superseded(pool: &AnyPool, known: &sqlx::migrate::Migrator) {
    for m in known.iter() {
        let Some(old) = superseded(m.version) else {
            continue;
        };
        let _ = sqlx::query("UPDATE _sqlx_migrations SET checksum = $1 WHERE version = $2 AND checksum = $3")
            .bind(m.checksum.to_vec())
            .bind(m.version)
            .bind(old)
            .execute(pool)
            .await;
    }
}

/// Staff names that differ only in case, grouped (none when there is no `users` table yet).
async fn staff_name_clashes(pool: &AnyPool) -> Vec<Vec<String>> {
    let names: Vec<(String,)> = sqlx::query_as("SELECT name FROM users ORDER BY name")
        .fetch_all(pool)
        .await
        .unwrap_or_default();
    let mut groups: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for (name,) in names {
        groups.entry(name.to_lowercase()).or_default().push(name);
    }
    groups.into_values().filter(|g| g.len() > 1).collect()
}

impl Store {
    /// Opens (creating an SQLite file if needed) and migrates the database.
    pub async fn open(url: &str) -> Result<Store, StoreError> {
        let (backend, pool) = Store::connect(url).await?;
        let clashes = staff_name_clashes(&pool).await;
        if !clashes.is_empty() {
            return Err(StoreError::StaffNamesClash(clashes));
        }
        match backend {
            Backend::Sqlite => {
                accept_superseded(&pool, &SQLITE_MIGRATIONS).await;
                migrate_sqlite(&pool).await?
            }
            // sqlx holds an advisory lock while migrating PostgreSQL.
            Backend::Postgres => {
                accept_superseded(&pool, &POSTGRES_MIGRATIONS).await;
                POSTGRES_MIGRATIONS.run(&pool).await?
            }
        }
        Ok(Store {
            pool,
            backend,
            writer: Arc::new(tokio::sync::Mutex::new(())),
        })
    }

    /// Connects without migrating and compares the migrations applied with this build's
    /// (for `doctor`). An SQLite file that does not exist is not created.
    pub async fn inspect(url: &str) -> Result<MigrationStatus, StoreError> {
        if sqlite_path(url).is_some_and(|path| !Path::new(path).exists()) {
            return Ok(MigrationStatus {
                backend: Backend::Sqlite,
                exists: false,
                ..MigrationStatus::default()
            });
        }
        let (backend, pool) = Store::connect(url).await?;
        let known = match backend {
            Backend::Sqlite => &SQLITE_MIGRATIONS,
            Backend::Postgres => &POSTGRES_MIGRATIONS,
        };
        // No table yet: nothing applied.
        let applied: Vec<(i64, Vec<u8>)> = sqlx::query_as("SELECT version, checksum FROM _sqlx_migrations")
            .fetch_all(&pool)
            .await
            .unwrap_or_default();
        pool.close().await;
        let mut status = MigrationStatus {
            backend,
            exists: true,
            ..MigrationStatus::default()
        };
        for m in known.iter() {
            match applied.iter().find(|(v, _)| *v == m.version) {
                None => status.pending.push(format!("{:04} {}", m.version, m.description)),
                Some((_, sum)) if sum.as_slice() != &*m.checksum && superseded(m.version).as_ref() != Some(sum) => {
                    status.modified.push(format!("{:04} {}", m.version, m.description))
                }
                Some(_) => status.applied += 1,
            }
        }
        status.unknown = applied
            .iter()
            .filter(|(v, _)| !known.iter().any(|m| m.version == *v))
            .map(|(v, _)| *v)
            .collect();
        Ok(status)
    }

    async fn connect(url: &str) -> Result<(Backend, AnyPool), StoreError> {
        sqlx::any::install_default_drivers();
        let (backend, url) = if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            (Backend::Postgres, url.to_string())
        } else if let Some(path) = sqlite_path(url) {
            if path.is_empty() || path == ":memory:" {
                return Err(StoreError::Url(url.to_string()));
            }
            if let Some(dir) = Path::new(path).parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir).map_err(|e| StoreError::Open {
                    url: url.to_string(),
                    source: sqlx::Error::Io(e),
                })?;
            }
            create_private(Path::new(path)).map_err(|e| StoreError::Open {
                url: url.to_string(),
                source: sqlx::Error::Io(e),
            })?;
            (Backend::Sqlite, format!("sqlite://{path}?mode=rwc"))
        } else {
            return Err(StoreError::Url(redact(url)));
        };
        let options = AnyPoolOptions::new()
            .max_connections(if backend == Backend::Sqlite { 4 } else { 8 })
            .acquire_timeout(Duration::from_secs(30));
        let options = if backend == Backend::Sqlite {
            options.after_connect(|conn, _| {
                Box::pin(async move {
                    // WAL: readers (the review UI) never block the nightly writer. A writer
                    // from another process is waited for, not failed.
                    conn.execute("PRAGMA journal_mode = WAL").await?;
                    conn.execute("PRAGMA busy_timeout = 15000").await?;
                    conn.execute("PRAGMA foreign_keys = ON").await?;
                    Ok(())
                })
            })
        } else {
            options
        };
        let pool = options.connect(&url).await.map_err(|source| StoreError::Open {
            url: redact(&url),
            source,
        })?;
        Ok((backend, pool))
    }

    /// Which backend.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// The connection pool (for tests and maintenance commands).
    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// Closes the pool, waiting for connections to finish.
    pub async fn close(&self) {
        self.pool.close().await;
    }

    /// Starts a write transaction, queued behind every other writer: this process's, and on
    /// one database every other process's too.
    pub(crate) async fn write(&self) -> Result<(tokio::sync::MutexGuard<'_, ()>, Tx), StoreError> {
        let guard = self.writer.lock().await;
        // Take SQLite's write lock at the start, so that a transaction that reads first
        // waits for another process's writer instead of failing when it upgrades. On
        // PostgreSQL a transaction-scoped advisory lock does the same across processes: the
        // writes read a row and then insert or update it (a sighting of a suspect another
        // worker is inserting, a unit another worker already marked done), which is correct
        // only with one writer at a time, as on SQLite. Writes are short (one unit's rows),
        // so scan workers and review servers queue for milliseconds.
        let begin: &[&str] = match self.backend {
            Backend::Sqlite => &["BEGIN IMMEDIATE"],
            Backend::Postgres => &["BEGIN", "SELECT pg_advisory_xact_lock(7300514)"],
        };
        Ok((guard, Tx::begin(&self.pool, begin).await?))
    }
}

/// A write transaction on one pooled connection, begun and ended with plain statements. One
/// that ends without [`Tx::commit`] (an error on the way), or whose commit fails, closes its
/// connection, which rolls it back, instead of returning it to the pool. (With sqlx's own
/// transactions, a connection whose transaction SQLite had already rolled back itself, as it
/// does on a full disk, went back to the pool believing it was still in one, and every later
/// write on it failed with "attempted to call begin_with at non-zero transaction depth".)
pub(crate) struct Tx {
    conn: Option<sqlx::pool::PoolConnection<sqlx::Any>>,
}

impl Tx {
    async fn begin(pool: &AnyPool, begin: &[&'static str]) -> Result<Tx, StoreError> {
        let mut conn = pool.acquire().await?;
        for statement in begin {
            if let Err(e) = sqlx::query(statement).execute(&mut *conn).await {
                conn.close_on_drop();
                return Err(e.into());
            }
        }
        Ok(Tx { conn: Some(conn) })
    }

    /// Commits; on failure the connection is closed (and the transaction with it).
    pub(crate) async fn commit(mut self) -> Result<(), StoreError> {
        let Some(mut conn) = self.conn.take() else {
            return Ok(());
        };
        match sqlx::query("COMMIT").execute(&mut *conn).await {
            Ok(_) => Ok(()),
            Err(e) => {
                conn.close_on_drop();
                Err(e.into())
            }
        }
    }
}

impl Drop for Tx {
    fn drop(&mut self) {
        if let Some(conn) = self.conn.as_mut() {
            conn.close_on_drop();
        }
    }
}

impl std::ops::Deref for Tx {
    type Target = sqlx::AnyConnection;

    fn deref(&self) -> &sqlx::AnyConnection {
        // Present from `begin` until `commit` consumes the value.
        self.conn.as_deref().expect("a transaction's connection")
    }
}

impl std::ops::DerefMut for Tx {
    fn deref_mut(&mut self) -> &mut sqlx::AnyConnection {
        self.conn.as_deref_mut().expect("a transaction's connection")
    }
}

/// The database's migrations against this build's (`Store::inspect`).
#[derive(Debug, Clone, Default)]
pub struct MigrationStatus {
    /// Which backend.
    pub backend: Backend,
    /// The database exists (an SQLite file is created at the first scan).
    pub exists: bool,
    /// Migrations applied and unchanged.
    pub applied: usize,
    /// This build's migrations not yet applied (applied at the next start).
    pub pending: Vec<String>,
    /// Applied migrations whose text differs from this build's.
    pub modified: Vec<String>,
    /// Versions applied that this build does not know (a newer narisumashi wrote them).
    pub unknown: Vec<i64>,
}

/// Now, in Unix seconds.
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}
