//! Delivery: e-mail over SMTP (STARTTLS or TLS, AUTH, UTF-8 MIME through lettre) and a JSON
//! POST to webhooks (no redirects followed). Each attempt says whether trying again may help.

use std::time::Duration;

use lettre::message::Mailbox;
use lettre::message::header::ContentType;
use lettre::transport::smtp::authentication::{Credentials, Mechanism};
use lettre::transport::smtp::client::{Certificate, CertificateStore, Tls, TlsParameters};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use super::NotifyError;
use crate::config::{SmtpConfig, SmtpSecurity};

/// Why one attempt failed.
#[derive(Debug, Clone)]
pub struct AttemptError {
    /// What happened.
    pub message: String,
    /// Trying again cannot help (a rejected address, a 4xx from a webhook).
    pub permanent: bool,
}

/// The mail server, set up once.
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

fn is_loopback(host: &str) -> bool {
    host == "localhost" || host.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

impl Mailer {
    /// Checks the settings and builds the transport (nothing is sent).
    pub fn new(c: &SmtpConfig) -> Result<Mailer, NotifyError> {
        let bad = |m: String| NotifyError::Config(format!("[notify.smtp] {m}"));
        let from: Mailbox = c
            .from
            .parse()
            .map_err(|e| bad(format!("from = {:?} is not an address ({e})", c.from)))?;
        if c.security == SmtpSecurity::None && !is_loopback(&c.host) {
            return Err(bad(format!(
                "security = \"none\" is only for a relay on this machine, not {:?}: use \"starttls\" or \"tls\"",
                c.host
            )));
        }
        if c.security == SmtpSecurity::None && c.username.is_some() {
            return Err(bad(
                "a password is never sent without encryption: remove username or use \"starttls\"".into(),
            ));
        }
        let tls = || -> Result<TlsParameters, NotifyError> {
            let mut b = TlsParameters::builder(c.host.clone());
            if let Some(path) = &c.ca_file {
                let pem = std::fs::read(path).map_err(|e| bad(format!("ca_file {path}: {e}")))?;
                let cert = Certificate::from_pem(&pem).map_err(|e| bad(format!("ca_file {path}: {e}")))?;
                b = b.certificate_store(CertificateStore::None).add_root_certificate(cert);
            }
            b.build_rustls().map_err(|e| bad(format!("TLS settings: {e}")))
        };
        let mut builder = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(c.host.as_str())
            .port(c.port())
            .timeout(Some(Duration::from_secs_f64(c.timeout_secs.max(1.0))));
        builder = match c.security {
            SmtpSecurity::Starttls => builder.tls(Tls::Required(tls()?)),
            SmtpSecurity::Tls => builder.tls(Tls::Wrapper(tls()?)),
            SmtpSecurity::None => builder.tls(Tls::None),
        };
        if let Some(user) = &c.username {
            let password = c.password.clone().unwrap_or_default();
            builder = builder
                .credentials(Credentials::new(user.clone(), password))
                .authentication(vec![Mechanism::Plain, Mechanism::Login]);
        }
        Ok(Mailer {
            transport: builder.build(),
            from,
        })
    }

    /// Sends one message to one address.
    pub async fn send(&self, to: &str, subject: &str, body: &str) -> Result<(), AttemptError> {
        let permanent = |message: String| AttemptError {
            message,
            permanent: true,
        };
        let to: Mailbox = to
            .parse()
            .map_err(|e| permanent(format!("{to:?} is not an address ({e})")))?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(subject)
            .header(ContentType::TEXT_PLAIN)
            .body(body.to_string())
            .map_err(|e| permanent(format!("cannot build the message: {e}")))?;
        self.transport
            .send(message)
            .await
            .map(|_| ())
            .map_err(|e| AttemptError {
                permanent: e.is_permanent(),
                message: format!("SMTP: {e}"),
            })
    }

    /// Connects, says EHLO, starts TLS and logs in, without sending (for `doctor`).
    pub async fn check(&self) -> Result<(), String> {
        match self.transport.test_connection().await {
            Ok(true) => Ok(()),
            Ok(false) => Err("the server did not answer NOOP".into()),
            Err(e) => Err(e.to_string()),
        }
    }
}

/// The HTTP client for webhooks: a timeout, no redirects, our User-Agent.
pub fn webhook_client(timeout: Duration) -> Result<reqwest::Client, NotifyError> {
    reqwest::Client::builder()
        .timeout(timeout)
        .connect_timeout(timeout.min(Duration::from_secs(10)))
        .redirect(reqwest::redirect::Policy::none())
        .user_agent(concat!("narisumashi/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| NotifyError::Config(format!("cannot set up the webhook client: {e}")))
}

/// POSTs the JSON payload to one webhook.
pub async fn post_webhook(
    client: &reqwest::Client,
    url: &str,
    payload: &serde_json::Value,
) -> Result<(), AttemptError> {
    let r = client.post(url).json(payload).send().await.map_err(|e| AttemptError {
        message: format!("webhook: {}", without_url(&e)),
        permanent: e.is_builder(),
    })?;
    let status = r.status();
    if status.is_success() {
        return Ok(());
    }
    Err(AttemptError {
        message: format!("webhook answered HTTP {}", status.as_u16()),
        // A client error will not change by itself, except a rate limit.
        permanent: status.is_client_error() && status.as_u16() != 429 && status.as_u16() != 408,
    })
}

/// A reqwest error's message without the URL (a webhook's URL is a secret).
fn without_url(e: &reqwest::Error) -> String {
    let mut s = e.to_string();
    if let Some(u) = e.url() {
        s = s.replace(u.as_str(), &redact_url(u.as_str()));
    }
    s
}

/// A webhook's URL as it may be shown and stored: scheme, host and port only (its path
/// usually holds the token).
pub fn redact_url(url: &str) -> String {
    match reqwest::Url::parse(url) {
        Ok(u) => format!(
            "{}://{}{}/…",
            u.scheme(),
            u.host_str().unwrap_or(""),
            u.port().map(|p| format!(":{p}")).unwrap_or_default()
        ),
        Err(_) => "(invalid URL)".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn webhook_urls_lose_their_secret_path() {
        assert_eq!(
            redact_url("https://hooks.example.com/services/T000/B000/XXXXSECRET"),
            "https://hooks.example.com/…"
        );
        assert_eq!(
            redact_url("http://127.0.0.1:8080/hook?token=x"),
            "http://127.0.0.1:8080/…"
        );
    }

    #[test]
    fn unencrypted_mail_only_to_this_machine_and_never_with_a_password() {
        let c = |host: &str, user: Option<&str>| SmtpConfig {
            host: host.into(),
            port: None,
            security: SmtpSecurity::None,
            username: user.map(str::to_string),
            password: None,
            from: "なりすまし監視 <n@example.lg.jp>".into(),
            ca_file: None,
            timeout_secs: 5.0,
        };
        assert!(Mailer::new(&c("smtp.example.lg.jp", None)).is_err());
        assert!(Mailer::new(&c("127.0.0.1", Some("u"))).is_err());
        assert!(Mailer::new(&c("127.0.0.1", None)).is_ok());
    }
}
