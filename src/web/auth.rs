//! Who is asking, and may they: passwords (Argon2id, hashed off the async threads), sessions
//! (a random cookie; the database keeps only its SHA-256), per-session CSRF tokens, login
//! throttling, and the role and organisation checks every handler makes.

use std::sync::Arc;

use argon2::password_hash::PasswordHasher;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};
use subtle::ConstantTimeEq;

use super::i18n::Lang;
use super::{App, WebError};
use crate::digest::{hex, sha256_hex};
use crate::store::{Role, UserRow};

/// The session cookie.
pub const SESSION_COOKIE: &str = "nrs_session";
/// The login form's CSRF cookie (double submit; there is no session yet).
pub const LOGIN_CSRF_COOKIE: &str = "nrs_login";
/// The UI language cookie.
pub const LANG_COOKIE: &str = "nrs_lang";

/// Why a password could not be hashed.
#[derive(Debug, thiserror::Error)]
pub enum HashError {
    /// The password is shorter than [`MIN_PASSWORD`].
    #[error("a password needs at least {MIN_PASSWORD} characters")]
    TooShort,
    /// The hasher failed.
    #[error("password hashing failed: {0}")]
    Failed(#[source] argon2::password_hash::Error),
}

/// Shortest password accepted.
pub const MIN_PASSWORD: usize = 10;

/// Hashes a password with Argon2id and a random salt (PHC string).
pub fn hash_password(password: &str) -> Result<String, HashError> {
    if password.chars().count() < MIN_PASSWORD {
        return Err(HashError::TooShort);
    }
    argon2::Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(HashError::Failed)
}

/// Whether the password matches the stored hash, computing in `blocks`, which is grown to the
/// hash's memory cost once and kept by the caller: the verification threads reuse one block
/// each instead of allocating 19 MiB per attempt (which the allocator kept, hundreds of
/// megabytes after a storm of log-ins).
pub fn verify_password_in(password: &str, hash: &str, blocks: &mut Vec<argon2::Block>) -> bool {
    use argon2::{Algorithm, Argon2, Params, PasswordHash, Version};
    let Ok(parsed) = PasswordHash::new(hash) else {
        return false;
    };
    let (Some(salt), Some(expected)) = (&parsed.salt, &parsed.hash) else {
        return false;
    };
    let Ok(algorithm) = Algorithm::try_from(parsed.algorithm.as_str()) else {
        return false;
    };
    let Ok(version) = parsed.version.map(Version::try_from).transpose() else {
        return false;
    };
    let Ok(params) = Params::try_from(&parsed) else {
        return false;
    };
    let need = params.block_count();
    if blocks.len() < need {
        blocks.resize(need, argon2::Block::default());
    }
    let mut out = vec![0u8; expected.as_ref().len()];
    let argon = Argon2::new(algorithm, version.unwrap_or_default(), params);
    if argon
        .hash_password_into_with_memory(password.as_bytes(), salt.as_ref(), &mut out, &mut blocks[..need])
        .is_err()
    {
        return false;
    }
    out.ct_eq(expected.as_ref()).into()
}

/// A hash of no one's password, verified when the name is unknown so that a wrong name
/// takes as long as a wrong password.
pub fn dummy_hash() -> &'static str {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DUMMY.get_or_init(|| hash_password("not anyone's password").unwrap_or_default())
}

/// 32 random bytes as hex.
pub fn random_token() -> String {
    let mut b = [0u8; 32];
    // The OS generator failing is not something to carry on from.
    getrandom::fill(&mut b).expect("the operating system's random generator failed");
    hex(&b)
}

/// Constant-time string equality.
pub fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && bool::from(a.as_bytes().ct_eq(b.as_bytes()))
}

/// A cookie's value from the request's headers.
pub fn cookie(headers: &axum::http::HeaderMap, name: &str) -> Option<String> {
    CookieJar::from_headers(headers)
        .get(name)
        .map(|c| c.value().to_string())
}

/// One of our cookies, for a response's jar: Path=/, HttpOnly, SameSite=Lax, Secure when
/// served over TLS, kept `max_age` seconds (0 deletes it).
pub fn our_cookie(name: &'static str, value: impl Into<String>, max_age: i64, secure: bool) -> Cookie<'static> {
    Cookie::build((name, value.into()))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .max_age(cookie::time::Duration::seconds(max_age))
        .secure(secure)
        .build()
}

/// The UI language of a request.
pub fn lang_of(headers: &axum::http::HeaderMap) -> Lang {
    Lang::from_cookie(cookie(headers, LANG_COOKIE).as_deref())
}

/// A logged-in staff member, checked on every request that needs one.
#[derive(Debug, Clone)]
pub struct Staff {
    /// The account.
    pub user: UserRow,
    /// The session's CSRF token, echoed by every form.
    pub csrf: String,
    /// The session's key.
    pub token_hash: String,
    /// The UI language.
    pub lang: Lang,
}

impl Staff {
    /// Whether they may see an organisation's suspects, drafts and scans.
    pub fn sees(&self, org: &str) -> bool {
        self.user.role == Role::Admin || self.user.orgs.iter().any(|o| o == org)
    }

    /// The organisations they see: `None` for all.
    pub fn orgs(&self) -> Option<Vec<String>> {
        (self.user.role != Role::Admin).then(|| self.user.orgs.clone())
    }

    /// Fails unless they may see `org`. Another body's records are "not found", so ids
    /// cannot be probed.
    pub fn must_see(&self, org: &str) -> Result<(), WebError> {
        if self.sees(org) {
            Ok(())
        } else {
            Err(WebError::NotFound)
        }
    }

    /// Fails unless they may decide and edit.
    pub fn must_decide(&self) -> Result<(), WebError> {
        if self.user.role.can_decide() {
            Ok(())
        } else {
            Err(WebError::Forbidden)
        }
    }

    /// Fails unless they administer.
    pub fn must_admin(&self) -> Result<(), WebError> {
        if self.user.role == Role::Admin {
            Ok(())
        } else {
            Err(WebError::Forbidden)
        }
    }

    /// Fails unless the form carries this session's CSRF token.
    pub fn check_csrf(&self, token: &str) -> Result<(), WebError> {
        if same(token, &self.csrf) {
            Ok(())
        } else {
            Err(WebError::Csrf)
        }
    }
}

impl FromRequestParts<Arc<App>> for Staff {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, app: &Arc<App>) -> Result<Staff, WebError> {
        let lang = lang_of(&parts.headers);
        let login = || {
            let next = parts.uri.path_and_query().map(|p| p.as_str()).unwrap_or("/");
            let next = if parts.method == axum::http::Method::GET {
                next
            } else {
                "/"
            };
            WebError::Login(format!("/login?next={}", super::url_encode(next)))
        };
        let Some(token) = cookie(&parts.headers, SESSION_COOKIE).filter(|t| t.len() == 64) else {
            return Err(login());
        };
        let token_hash = sha256_hex(token.as_bytes());
        let idle = app.config.web.session_idle_minutes.max(1) * 60;
        let Some(session) = app.store.session(&token_hash, idle).await? else {
            return Err(login());
        };
        // Sliding idle timeout, written at most once a minute (not on every request).
        if crate::store::now() - session.last_seen_at >= 60 {
            app.store.touch_session(&token_hash).await?;
        }
        Ok(Staff {
            user: session.user,
            csrf: session.csrf_token,
            token_hash,
            lang,
        })
    }
}

#[cfg(test)]
mod tests {
    use argon2::password_hash::PasswordVerifier;

    use super::*;

    #[test]
    fn verifying_in_kept_memory_agrees_with_the_library() {
        let hash = hash_password("correct horse battery").unwrap_or_default();
        let mut blocks = Vec::new();
        for (password, ok) in [("correct horse battery", true), ("correct horse batterY", false)] {
            assert_eq!(verify_password_in(password, &hash, &mut blocks), ok);
            // argon2's own verifier, which allocates its memory per call, agrees.
            let library = argon2::Argon2::default().verify_password(password.as_bytes(), hash.as_str());
            assert_eq!(library.is_ok(), ok);
        }
        assert!(!verify_password_in("x", "not a hash", &mut blocks));
        // Another cost is read from the hash itself.
        let small = argon2::Params::new(1024, 1, 1, None)
            .map(|p| argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, p))
            .ok()
            .and_then(|a| a.hash_password(b"correct horse battery").ok())
            .map(|h| h.to_string())
            .unwrap_or_default();
        assert!(verify_password_in("correct horse battery", &small, &mut blocks));
        assert!(!verify_password_in("correct horse batter", &small, &mut blocks));
    }
}
