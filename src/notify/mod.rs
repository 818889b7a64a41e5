//! Notifications: after each scheduled scan, each body's recipients get a digest of what
//! changed (see [`digest`]), by e-mail and by webhook, per `[notify]`. Nothing new means no
//! message unless an "all clear" is configured.
//!
//! A delivery that fails is retried with a growing delay, then recorded as failed with its
//! error (shown with the scan); it never fails the scan. The next digest to that recipient
//! covers every run since the last one that reached it, so nothing is lost by a night when
//! the mail server was down.

pub mod digest;
pub mod send;
pub mod text;

use std::collections::HashMap;
use std::time::Duration;

pub use digest::{ALL_ORGS, Digest};

use crate::config::Config;
use crate::registry::Registry;
use crate::store::{NewNotification, Store, StoreError};

/// Why notifications cannot be set up.
#[derive(Debug, thiserror::Error)]
pub enum NotifyError {
    /// The configuration is unusable.
    #[error("{0}")]
    Config(String),
}

/// How one digest to one recipient went.
#[derive(Debug, Clone)]
pub struct Delivery {
    /// Organisation (`*`: all).
    pub org_id: String,
    /// `email` or `webhook`.
    pub channel: &'static str,
    /// Address, or the webhook's origin.
    pub recipient: String,
    /// `digest`, `all_clear` or `test`.
    pub kind: &'static str,
    /// Delivered.
    pub sent: bool,
    /// Attempts made.
    pub attempts: u32,
    /// The last error.
    pub error: Option<String>,
}

/// Sends the digests; set up once from the configuration.
pub struct Notifier {
    config: crate::config::NotifyConfig,
    public_url: Option<String>,
    mailer: Option<send::Mailer>,
    http: reqwest::Client,
}

impl Notifier {
    /// Checks `[notify]` against the registry and sets the channels up (nothing is sent).
    pub fn new(config: &Config, registry: &Registry) -> Result<Notifier, NotifyError> {
        let n = &config.notify;
        for (org, r) in &n.org {
            if org != ALL_ORGS && registry.organisation(org).is_none() {
                return Err(NotifyError::Config(format!(
                    "[notify.org.{org:?}]: no organisation {org:?} in the registry"
                )));
            }
            if !r.email.is_empty() && n.smtp.is_none() {
                return Err(NotifyError::Config(format!(
                    "[notify.org.{org:?}] has e-mail recipients but there is no [notify.smtp]"
                )));
            }
            for url in &r.webhook {
                match reqwest::Url::parse(url) {
                    Ok(u) if matches!(u.scheme(), "https" | "http") => {}
                    _ => {
                        return Err(NotifyError::Config(format!(
                            "[notify.org.{org:?}] webhook {} is not an http(s) URL",
                            send::redact_url(url)
                        )));
                    }
                }
            }
        }
        let mailer = n.smtp.as_ref().map(send::Mailer::new).transpose()?;
        Ok(Notifier {
            config: n.clone(),
            public_url: config.web.public_url.clone(),
            mailer,
            http: send::webhook_client(Duration::from_secs_f64(n.webhook_timeout_secs.max(1.0)))?,
        })
    }

    /// Whether anyone is to be told anything.
    pub fn has_recipients(&self) -> bool {
        self.config
            .org
            .values()
            .any(|r| !r.email.is_empty() || !r.webhook.is_empty())
    }

    /// The mail server, for `doctor`.
    pub fn mailer(&self) -> Option<&send::Mailer> {
        self.mailer.as_ref()
    }

    /// Sends the digests due after run `run_id` and records each delivery. Only storage
    /// errors are returned; delivery failures are recorded and logged.
    pub async fn after_run(
        &self,
        store: &Store,
        registry: &Registry,
        run_id: i64,
    ) -> Result<Vec<Delivery>, StoreError> {
        let mut out = Vec::new();
        let mut digests: HashMap<(String, Vec<i64>), Option<Digest>> = HashMap::new();
        for (org, r) in &self.config.org {
            let all_clear = r.all_clear.unwrap_or(self.config.all_clear);
            let targets = targets(r);
            for (channel, shown, address) in targets {
                let runs = match store.last_delivered(org, channel, &shown).await? {
                    Some(last) if last < run_id => {
                        let mut runs = store.finished_runs_between(last, run_id).await?;
                        let skip = runs.len().saturating_sub(self.config.catch_up_runs.max(1));
                        runs.drain(..skip);
                        runs
                    }
                    Some(_) => continue, // already told about this run
                    None => vec![run_id],
                };
                if runs.last() != Some(&run_id) {
                    continue;
                }
                let key = (org.clone(), runs.clone());
                let d = match digests.get(&key) {
                    Some(d) => d.clone(),
                    None => {
                        let d = digest::build(store, registry, org, &runs, self.public_url.as_deref()).await?;
                        digests.insert(key, d.clone());
                        d
                    }
                };
                let Some(d) = d else { continue };
                let kind = match (d.is_empty(), all_clear) {
                    (false, _) => "digest",
                    (true, true) => "all_clear",
                    (true, false) => continue,
                };
                let delivery = self.deliver(org, channel, &shown, &address, kind, &d).await;
                store
                    .record_notification(
                        run_id,
                        &NewNotification {
                            org_id: org,
                            channel,
                            recipient: &shown,
                            kind,
                            covers_from_run: runs.first().copied().unwrap_or(run_id),
                            sent: delivery.sent,
                            attempts: i64::from(delivery.attempts),
                            error: delivery.error.as_deref(),
                        },
                    )
                    .await?;
                if delivery.sent {
                    tracing::info!("{kind} for {org} sent by {channel} to {shown}");
                } else {
                    tracing::warn!(
                        "{kind} for {org} by {channel} to {shown} failed after {} attempts: {}",
                        delivery.attempts,
                        delivery.error.as_deref().unwrap_or("")
                    );
                }
                out.push(delivery);
            }
        }
        Ok(out)
    }

    /// The digest of `org` (or `*`) for one run, as it would be sent (for `notify preview`).
    pub async fn preview(
        &self,
        store: &Store,
        registry: &Registry,
        org: &str,
        run_id: i64,
    ) -> Result<Option<Digest>, StoreError> {
        digest::build(store, registry, org, &[run_id], self.public_url.as_deref()).await
    }

    /// Sends a short test message to every configured recipient (nothing is recorded).
    pub async fn send_test(&self) -> Vec<Delivery> {
        let mut out = Vec::new();
        let subject = format!("【{}】テスト送信", text::PRODUCT_JA);
        for (org, r) in &self.config.org {
            let body = format!(
                "narisumashi からのテスト送信です（{org} の宛先）。\nこのメッセージが届いていれば、定期スキャン後のお知らせも届きます。\n"
            );
            let targets = targets(r);
            for (channel, shown, address) in targets {
                let result = match (channel, &self.mailer) {
                    ("webhook", _) => {
                        let payload = serde_json::json!({"text": format!("*{subject}*\n{body}"), "source": "narisumashi", "kind": "test", "subject": subject});
                        send::post_webhook(&self.http, &address, &payload).await
                    }
                    (_, Some(m)) => m.send(&address, &subject, &body).await,
                    (_, None) => Err(send::AttemptError {
                        message: "no [notify.smtp] configured".into(),
                        permanent: true,
                    }),
                };
                out.push(Delivery {
                    org_id: org.clone(),
                    channel,
                    recipient: shown,
                    kind: "test",
                    sent: result.is_ok(),
                    attempts: 1,
                    error: result.err().map(|e| e.message),
                });
            }
        }
        out
    }

    async fn deliver(
        &self,
        org: &str,
        channel: &'static str,
        shown: &str,
        address: &str,
        kind: &'static str,
        d: &Digest,
    ) -> Delivery {
        let subject = text::subject(d);
        let payload = (channel == "webhook").then(|| {
            serde_json::json!({
                "text": text::chat_text(d),
                "source": "narisumashi",
                "kind": kind,
                "subject": subject,
                "digest": d,
            })
        });
        let body = text::body(d);
        let attempts = self.config.attempts.max(1);
        let mut last_error = None;
        let mut made = 0;
        for attempt in 0..attempts {
            if attempt > 0 {
                let delay = self.config.retry_delay_secs.max(0.0) * f64::from(1u32 << (attempt - 1).min(8));
                tokio::time::sleep(Duration::from_secs_f64(delay)).await;
            }
            made += 1;
            let result = match (&payload, &self.mailer) {
                (Some(p), _) => send::post_webhook(&self.http, address, p).await,
                (None, Some(m)) => m.send(address, &subject, &body).await,
                (None, None) => Err(send::AttemptError {
                    message: "no [notify.smtp] configured".into(),
                    permanent: true,
                }),
            };
            match result {
                Ok(()) => {
                    last_error = None;
                    break;
                }
                Err(e) => {
                    tracing::debug!("{kind} for {org} to {shown}, attempt {made}: {}", e.message);
                    let permanent = e.permanent;
                    last_error = Some(e.message);
                    if permanent {
                        break;
                    }
                }
            }
        }
        Delivery {
            org_id: org.to_string(),
            channel,
            recipient: shown.to_string(),
            kind,
            sent: last_error.is_none(),
            attempts: made,
            error: last_error,
        }
    }
}

/// An organisation's recipients as (channel, address as shown, address): e-mail addresses as
/// they are, webhook URLs with their secret part redacted for showing.
fn targets(r: &crate::config::Recipients) -> impl Iterator<Item = (&'static str, String, String)> + '_ {
    r.email
        .iter()
        .map(|a| ("email", a.clone(), a.clone()))
        .chain(r.webhook.iter().map(|u| ("webhook", send::redact_url(u), u.clone())))
}
