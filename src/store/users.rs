//! Staff accounts, their organisations, login sessions, login throttling and the audit log:
//! the SQL behind the review UI's access control. Hashing passwords and deciding who may do
//! what belong to `web::auth`; this module stores what it is told.

use serde::Serialize;

use super::{Store, StoreError, now};

/// What a staff member may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Reads the suspects, drafts and scans of their organisations.
    Viewer,
    /// Also decides on suspects and writes drafts.
    Reviewer,
    /// Everything, for every organisation, and manages staff accounts.
    Admin,
}

impl Role {
    /// Every role, least first.
    pub const ALL: [Role; 3] = [Role::Viewer, Role::Reviewer, Role::Admin];

    /// The stored word.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Viewer => "viewer",
            Role::Reviewer => "reviewer",
            Role::Admin => "admin",
        }
    }

    /// Parses the stored word.
    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// Whether the role may decide on suspects and edit drafts.
    pub fn can_decide(self) -> bool {
        matches!(self, Role::Reviewer | Role::Admin)
    }
}

/// A staff account.
#[derive(Debug, Clone, Serialize)]
pub struct UserRow {
    /// Number.
    pub id: i64,
    /// Login name.
    pub name: String,
    /// Role.
    pub role: Role,
    /// Organisations (empty for admins, who see all).
    pub orgs: Vec<String>,
    /// Disabled accounts cannot log in.
    pub disabled: bool,
    /// When created.
    pub created_at: i64,
}

/// A live session: the user and the session's CSRF token.
#[derive(Debug, Clone)]
pub struct SessionRow {
    /// The user.
    pub user: UserRow,
    /// The token forms must echo.
    pub csrf_token: String,
    /// When the session was last used.
    pub last_seen_at: i64,
    /// When it ends.
    pub expires_at: i64,
}

/// One audit-log entry.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct AuditRow {
    /// Number.
    pub id: i64,
    /// When.
    pub at: i64,
    /// Who (a staff login name, `scan`, or the name tried at a failed login).
    pub actor: String,
    /// The organisation concerned.
    pub org_id: Option<String>,
    /// What (`login`, `login_failed`, `confirm`, `draft_edit`, …).
    pub action: String,
    /// On what (`suspect:12`, `draft:3`, `user:sato`).
    pub subject: Option<String>,
    /// State before.
    pub from_state: Option<String>,
    /// State after.
    pub to_state: Option<String>,
    /// Reason, ticket or other detail.
    pub detail: Option<String>,
}

/// An audit entry to write.
#[derive(Debug, Clone, Default)]
pub struct NewAudit<'a> {
    /// Who.
    pub actor: &'a str,
    /// The organisation concerned.
    pub org_id: Option<&'a str>,
    /// What.
    pub action: &'a str,
    /// On what.
    pub subject: Option<String>,
    /// State before.
    pub from_state: Option<&'a str>,
    /// State after.
    pub to_state: Option<&'a str>,
    /// Detail.
    pub detail: Option<&'a str>,
}

/// Failed logins of one name: how many, since when, and until when it is locked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Failures {
    /// Failures in the current window.
    pub count: i64,
    /// Locked until (Unix seconds), if locked.
    pub locked_until: Option<i64>,
}

#[derive(sqlx::FromRow)]
struct SessionDb {
    id: i64,
    name: String,
    role: String,
    disabled: i64,
    created_at: i64,
    csrf_token: String,
    last_seen_at: i64,
    expires_at: i64,
}

#[derive(sqlx::FromRow)]
struct UserDb {
    id: i64,
    name: String,
    role: String,
    disabled: i64,
    created_at: i64,
}

/// Whether a login name is acceptable: 2 to 64 ASCII letters, digits, `.`, `_` or `-` (the
/// web UI and `narisumashi user add` both ask).
pub fn valid_user_name(name: &str) -> bool {
    (2..=64).contains(&name.len()) && name.chars().all(|c| c.is_ascii_alphanumeric() || "._-".contains(c))
}

/// The key under which a name's failed log-ins are counted: one key whatever the case typed.
pub fn login_key(name: &str) -> String {
    format!("user:{}", name.to_lowercase())
}

/// The account a login name names, whatever its case.
async fn user_id(tx: &mut super::Tx, name: &str) -> Result<Option<i64>, StoreError> {
    let row: Option<(i64,)> = sqlx::query_as("SELECT id FROM users WHERE lower(name) = lower($1)")
        .bind(name)
        .fetch_optional(&mut **tx)
        .await?;
    Ok(row.map(|(id,)| id))
}

impl Store {
    /// Adds a staff account with its organisations. Fails if the name is taken.
    pub async fn add_user(
        &self,
        name: &str,
        role: Role,
        orgs: &[String],
        password_hash: &str,
    ) -> Result<i64, StoreError> {
        let (_g, mut tx) = self.write().await?;
        if user_id(&mut tx, name).await?.is_some() {
            return Err(StoreError::Invalid(format!(
                "a user named {name:?} already exists (names are compared without regard to case)"
            )));
        }
        let t = now();
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO users (name, role, password_hash, disabled, created_at, password_changed_at) \
             VALUES ($1, $2, $3, 0, $4, $4) RETURNING id",
        )
        .bind(name)
        .bind(role.as_str())
        .bind(password_hash)
        .bind(t)
        .fetch_one(&mut *tx)
        .await?;
        for org in orgs {
            sqlx::query("INSERT INTO user_orgs (user_id, org_id) VALUES ($1, $2) ON CONFLICT DO NOTHING")
                .bind(id)
                .bind(org)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(id)
    }

    /// Sets a user's password hash and ends their sessions.
    pub async fn set_password(&self, name: &str, password_hash: &str) -> Result<(), StoreError> {
        let (_g, mut tx) = self.write().await?;
        let id = user_id(&mut tx, name)
            .await?
            .ok_or_else(|| StoreError::Invalid(format!("no user named {name:?}")))?;
        sqlx::query("UPDATE users SET password_hash = $1, password_changed_at = $2 WHERE id = $3")
            .bind(password_hash)
            .bind(now())
            .bind(id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM sessions WHERE user_id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM login_failures WHERE key = $1")
            .bind(login_key(name))
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Disables or enables an account; disabling ends its sessions.
    pub async fn set_user_disabled(&self, name: &str, disabled: bool) -> Result<(), StoreError> {
        let (_g, mut tx) = self.write().await?;
        let id = user_id(&mut tx, name)
            .await?
            .ok_or_else(|| StoreError::Invalid(format!("no user named {name:?}")))?;
        sqlx::query("UPDATE users SET disabled = $1 WHERE id = $2")
            .bind(i64::from(disabled))
            .bind(id)
            .execute(&mut *tx)
            .await?;
        if disabled {
            sqlx::query("DELETE FROM sessions WHERE user_id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn user_orgs(&self, id: i64) -> Result<Vec<String>, StoreError> {
        let rows: Vec<(String,)> = sqlx::query_as("SELECT org_id FROM user_orgs WHERE user_id = $1 ORDER BY org_id")
            .bind(id)
            .fetch_all(&self.pool)
            .await?;
        Ok(rows.into_iter().map(|(o,)| o).collect())
    }

    async fn user_from(&self, u: UserDb) -> Result<UserRow, StoreError> {
        Ok(UserRow {
            orgs: self.user_orgs(u.id).await?,
            id: u.id,
            role: Role::parse(&u.role).unwrap_or(Role::Viewer),
            name: u.name,
            disabled: u.disabled != 0,
            created_at: u.created_at,
        })
    }

    /// A user and their password hash, by login name.
    pub async fn user_for_login(&self, name: &str) -> Result<Option<(UserRow, String)>, StoreError> {
        let row: Option<(i64, String, String, i64, i64, String)> = sqlx::query_as(
            "SELECT id, name, role, disabled, created_at, password_hash FROM users WHERE lower(name) = lower($1)",
        )
        .bind(name)
        .fetch_optional(&self.pool)
        .await?;
        match row {
            None => Ok(None),
            Some((id, name, role, disabled, created_at, hash)) => {
                let user = self
                    .user_from(UserDb {
                        id,
                        name,
                        role,
                        disabled,
                        created_at,
                    })
                    .await?;
                Ok(Some((user, hash)))
            }
        }
    }

    /// Every staff account, by name.
    pub async fn users(&self) -> Result<Vec<UserRow>, StoreError> {
        let rows: Vec<UserDb> = sqlx::query_as("SELECT id, name, role, disabled, created_at FROM users ORDER BY name")
            .fetch_all(&self.pool)
            .await?;
        let mut out = Vec::with_capacity(rows.len());
        for r in rows {
            out.push(self.user_from(r).await?);
        }
        Ok(out)
    }

    /// Starts a session.
    pub async fn create_session(
        &self,
        token_hash: &str,
        user_id: i64,
        csrf_token: &str,
        expires_at: i64,
    ) -> Result<(), StoreError> {
        let (_g, mut tx) = self.write().await?;
        let t = now();
        // Sessions that ended are swept as new ones start.
        sqlx::query("DELETE FROM sessions WHERE expires_at < $1")
            .bind(t)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at) \
             VALUES ($1, $2, $3, $4, $4, $5)",
        )
        .bind(token_hash)
        .bind(user_id)
        .bind(csrf_token)
        .bind(t)
        .bind(expires_at)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The live session with this token hash: not expired, not idle longer than `idle_secs`,
    /// and its user not disabled.
    pub async fn session(&self, token_hash: &str, idle_secs: i64) -> Result<Option<SessionRow>, StoreError> {
        let t = now();
        let row: Option<SessionDb> = sqlx::query_as(
            "SELECT u.id, u.name, u.role, u.disabled, u.created_at, s.csrf_token, s.last_seen_at, s.expires_at \
             FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1",
        )
        .bind(token_hash)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        if row.disabled != 0 || row.expires_at <= t || row.last_seen_at + idle_secs <= t {
            return Ok(None);
        }
        let (csrf, last_seen, expires) = (row.csrf_token, row.last_seen_at, row.expires_at);
        let user = self
            .user_from(UserDb {
                id: row.id,
                name: row.name,
                role: row.role,
                disabled: row.disabled,
                created_at: row.created_at,
            })
            .await?;
        Ok(Some(SessionRow {
            user,
            csrf_token: csrf,
            last_seen_at: last_seen,
            expires_at: expires,
        }))
    }

    /// Records that a session was used (callers do it at most once a minute).
    pub async fn touch_session(&self, token_hash: &str) -> Result<(), StoreError> {
        let (_g, mut tx) = self.write().await?;
        sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2")
            .bind(now())
            .bind(token_hash)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Ends a session.
    pub async fn delete_session(&self, token_hash: &str) -> Result<(), StoreError> {
        let (_g, mut tx) = self.write().await?;
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The failed logins recorded under `key`.
    pub async fn login_failures(&self, key: &str) -> Result<Failures, StoreError> {
        let row: Option<(i64, Option<i64>)> =
            sqlx::query_as("SELECT failures, locked_until FROM login_failures WHERE key = $1")
                .bind(key)
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.map_or(
            Failures {
                count: 0,
                locked_until: None,
            },
            |(count, locked_until)| Failures { count, locked_until },
        ))
    }

    /// Counts a login attempt under `key` (the web UI counts each before verifying it, and
    /// clears the count on success): attempts older than `window_secs`, or made before a lock
    /// that has run out, start a new count, and the `limit`-th attempt in a window locks the
    /// key for `lock_secs`.
    pub async fn record_login_failure(
        &self,
        key: &str,
        limit: i64,
        window_secs: i64,
        lock_secs: i64,
    ) -> Result<Failures, StoreError> {
        let (_g, mut tx) = self.write().await?;
        // One statement: PostgreSQL locks the row for the update, so attempts counted at
        // the same moment by several processes each get their own number.
        let fresh = "(login_failures.first_failed_at + $3 > $2 \
                     AND (login_failures.locked_until IS NULL OR login_failures.locked_until > $2))";
        let count = format!("CASE WHEN {fresh} THEN login_failures.failures + 1 ELSE 1 END");
        let (count, locked_until): (i64, Option<i64>) = sqlx::query_as(&format!(
            "INSERT INTO login_failures (key, failures, first_failed_at, locked_until) \
             VALUES ($1, 1, $2, CASE WHEN 1 >= $4 THEN $2 + $5 END) \
             ON CONFLICT (key) DO UPDATE SET failures = {count}, \
             first_failed_at = CASE WHEN {fresh} THEN login_failures.first_failed_at ELSE $2 END, \
             locked_until = CASE WHEN {count} >= $4 THEN $2 + $5 END \
             RETURNING failures, locked_until"
        ))
        .bind(key)
        .bind(now())
        .bind(window_secs)
        .bind(limit)
        .bind(lock_secs)
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(Failures { count, locked_until })
    }

    /// Forgets the failed logins under `key` (after a successful login).
    pub async fn clear_login_failures(&self, key: &str) -> Result<(), StoreError> {
        let (_g, mut tx) = self.write().await?;
        sqlx::query("DELETE FROM login_failures WHERE key = $1")
            .bind(key)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Writes an audit entry.
    pub async fn audit(&self, a: &NewAudit<'_>) -> Result<(), StoreError> {
        let (_g, mut tx) = self.write().await?;
        audit_in(&mut tx, a).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Audit entries, newest first, older than `before` (an entry number) if given; only
    /// those of `orgs` when given.
    pub async fn audit_log(
        &self,
        orgs: Option<&[String]>,
        before: Option<i64>,
        limit: i64,
    ) -> Result<Vec<AuditRow>, StoreError> {
        let mut sql = String::from(
            "SELECT id, at, actor, org_id, action, subject, from_state, to_state, detail FROM audit_log WHERE id < $1",
        );
        if let Some(orgs) = orgs {
            let marks: Vec<String> = (0..orgs.len()).map(|i| format!("${}", i + 3)).collect();
            sql += &format!(
                " AND org_id IN ({})",
                if marks.is_empty() {
                    "NULL".into()
                } else {
                    marks.join(", ")
                }
            );
        }
        sql += " ORDER BY id DESC LIMIT $2";
        let mut q = sqlx::query_as::<_, AuditRow>(&sql)
            .bind(before.unwrap_or(i64::MAX))
            .bind(limit);
        for o in orgs.unwrap_or_default() {
            q = q.bind(o.clone());
        }
        Ok(q.fetch_all(&self.pool).await?)
    }
}

/// Writes an audit entry inside a transaction.
pub(super) async fn audit_in(tx: &mut super::Tx, a: &NewAudit<'_>) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO audit_log (at, actor, org_id, action, subject, from_state, to_state, detail) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(now())
    .bind(a.actor)
    .bind(a.org_id)
    .bind(a.action)
    .bind(a.subject.clone())
    .bind(a.from_state)
    .bind(a.to_state)
    .bind(a.detail)
    .execute(&mut **tx)
    .await?;
    Ok(())
}
