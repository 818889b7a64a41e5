//! A small but real SMTP server for the integration tests (a subset of RFC 5321 with STARTTLS,
//! RFC 3207, and AUTH PLAIN/LOGIN, RFC 4954), listening on loopback on a free port.
//!
//! Authentication is offered only after STARTTLS and required before `MAIL`, the way a submission
//! server does it. The TLS certificate is `tests/fixtures/smtp/server.pem` (`localhost`,
//! `127.0.0.1`), signed by the test CA of [`SmtpServer::ca_file`]. Accepted messages are kept in
//! memory, with their headers and single-part body decoded (RFC 2047 encoded-words, base64,
//! quoted-printable) so that tests can assert on what a recipient would read.
#![allow(dead_code, clippy::unwrap_used)]

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use base64::Engine as _;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use tokio::io::{AsyncBufRead, AsyncBufReadExt, AsyncRead, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio_rustls::TlsAcceptor;

/// Longest command or data line accepted (without its line ending), in bytes.
const MAX_LINE: usize = 64 * 1024;

/// Base64 that accepts missing or extra padding.
const LENIENT_BASE64: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    GeneralPurposeConfig::new()
        .with_decode_padding_mode(DecodePaddingMode::Indifferent)
        .with_decode_allow_trailing_bits(true),
);

/// What the server accepts.
#[derive(Debug, Clone)]
pub struct SmtpOptions {
    /// The one user name that may authenticate.
    pub user: String,
    /// Its password.
    pub password: String,
}

/// One accepted message, with its envelope.
#[derive(Debug, Clone)]
pub struct Mail {
    /// The address inside `MAIL FROM:<...>` (empty for the null reverse-path `<>`).
    pub mail_from: String,
    /// The addresses inside `RCPT TO:<...>`, in order.
    pub rcpt_to: Vec<String>,
    /// Whether the transaction happened after STARTTLS.
    pub tls: bool,
    /// Who authenticated on the connection.
    pub auth_user: Option<String>,
    /// The DATA content, dot-unstuffed, every line ending in CRLF.
    pub raw: String,
    /// The header fields in order, unfolded, with their raw (undecoded) values.
    pub headers: Vec<(String, String)>,
    /// The `Subject` header, RFC 2047 encoded-words decoded.
    pub subject: String,
    /// The `From` header, RFC 2047 encoded-words decoded.
    pub from: String,
    /// The `Content-Type` header's raw value (empty when absent).
    pub content_type: String,
    /// The body decoded per `Content-Transfer-Encoding` (base64, quoted-printable, else as is),
    /// as UTF-8; the raw body when the message is multipart.
    pub body: String,
}

impl Mail {
    /// The first header field of that name (case-insensitive), raw value.
    pub fn header(&self, name: &str) -> Option<&str> {
        header(&self.headers, name)
    }
}

/// What the connections share with the [`SmtpServer`] handle.
struct Inner {
    opts: SmtpOptions,
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    messages: Vec<Mail>,
    fail_next: usize,
    refused: usize,
}

/// A running server; stops accepting connections (and drops the open ones) when dropped.
pub struct SmtpServer {
    /// Where it listens (127.0.0.1 and a free port).
    pub addr: SocketAddr,
    inner: Arc<Inner>,
    task: tokio::task::JoinHandle<()>,
}

impl SmtpServer {
    /// Starts a server on 127.0.0.1, port chosen by the system.
    pub async fn start(opts: SmtpOptions) -> SmtpServer {
        let acceptor = TlsAcceptor::from(Arc::new(tls_config()));
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let inner = Arc::new(Inner {
            opts,
            state: Mutex::new(State::default()),
        });
        let shared = Arc::clone(&inner);
        let task: tokio::task::JoinHandle<()> = tokio::spawn(async move {
            // The connections live in the set, so aborting this task ends them too.
            let mut connections = tokio::task::JoinSet::new();
            loop {
                match listener.accept().await {
                    Ok((stream, _)) => {
                        while connections.try_join_next().is_some() {}
                        connections.spawn(connection(stream, Arc::clone(&shared), acceptor.clone()));
                    }
                    Err(_) => tokio::time::sleep(Duration::from_millis(10)).await,
                }
            }
        });
        SmtpServer { addr, inner, task }
    }

    /// The CA certificate file the client must trust.
    pub fn ca_file() -> PathBuf {
        fixtures_dir().join("ca.pem")
    }

    /// Messages accepted so far.
    pub fn messages(&self) -> Vec<Mail> {
        self.inner.state.lock().unwrap().messages.clone()
    }

    /// The next `n` transactions are refused at DATA's end with `451 4.3.0 try again later` (not
    /// stored). Replaces any count left from an earlier call.
    pub fn fail_next(&self, n: usize) {
        self.inner.state.lock().unwrap().fail_next = n;
    }

    /// Transactions refused so far by [`fail_next`](Self::fail_next).
    pub fn refused(&self) -> usize {
        self.inner.state.lock().unwrap().refused
    }

    /// Waits (polling every 20 ms, at most `timeout` of real time) until at least `n` messages
    /// were accepted; returns the messages accepted by then, which may be fewer on timeout.
    pub async fn wait_for(&self, n: usize, timeout: Duration) -> Vec<Mail> {
        let deadline = std::time::Instant::now() + timeout;
        loop {
            let got = self.messages();
            if got.len() >= n || std::time::Instant::now() >= deadline {
                return got;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/smtp")
}

/// The server's TLS configuration, independent of any process-wide crypto provider.
fn tls_config() -> rustls::ServerConfig {
    let dir = fixtures_dir();
    let certs = CertificateDer::pem_file_iter(dir.join("server.pem"))
        .unwrap()
        .collect::<Result<Vec<_>, _>>()
        .unwrap();
    let key = PrivateKeyDer::from_pem_file(dir.join("server.key")).unwrap();
    rustls::ServerConfig::builder_with_provider(Arc::new(rustls::crypto::aws_lc_rs::default_provider()))
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(certs, key)
        .unwrap()
}

/// One connection: a plain session, then, after STARTTLS, a new session over TLS.
async fn connection(stream: TcpStream, inner: Arc<Inner>, acceptor: TlsAcceptor) {
    let _ = stream.set_nodelay(true);
    let mut plain = BufReader::new(stream);
    if reply(&mut plain, "220 localhost ESMTP test").await.is_err() {
        return;
    }
    match session(&mut plain, &inner, false).await {
        Ok(Outcome::StartTls) => {}
        Ok(Outcome::Closed) => {
            let _ = plain.shutdown().await;
            return;
        }
        Err(_) => return,
    }
    // Whatever the client sent after STARTTLS before the handshake is discarded (RFC 3207 §4.2).
    let Ok(tls) = acceptor.accept(plain.into_inner()).await else {
        return;
    };
    let mut tls = BufReader::new(tls);
    if let Ok(Outcome::Closed) = session(&mut tls, &inner, true).await {
        let _ = tls.shutdown().await;
    }
}

/// How a session ended.
enum Outcome {
    /// QUIT, end of stream or a line too long: close the connection.
    Closed,
    /// STARTTLS was accepted: hand the stream to the TLS handshake.
    StartTls,
}

/// The envelope of the transaction under way.
struct Transaction {
    from: String,
    rcpt: Vec<String>,
}

/// The command loop, the same over a plain or a TLS stream; every session starts afresh (after
/// STARTTLS the client must EHLO and AUTH again).
async fn session<S>(io: &mut BufReader<S>, inner: &Inner, tls: bool) -> std::io::Result<Outcome>
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    let mut greeted = false;
    let mut auth_user: Option<String> = None;
    let mut tx: Option<Transaction> = None;
    loop {
        let Some(text) = next_line(io).await? else {
            return Ok(Outcome::Closed);
        };
        let line = text.trim();
        let (verb, arg) = match line.split_once([' ', '\t']) {
            Some((verb, arg)) => (verb.to_ascii_uppercase(), arg.trim()),
            None => (line.to_ascii_uppercase(), ""),
        };
        match verb.as_str() {
            "EHLO" | "HELO" => {
                if arg.is_empty() {
                    reply(io, "501 5.5.4 domain or address required").await?;
                    continue;
                }
                greeted = true;
                tx = None;
                if verb == "HELO" {
                    reply(io, "250 localhost").await?;
                } else {
                    let last = if tls { "250 AUTH PLAIN LOGIN" } else { "250 STARTTLS" };
                    let lines = format!("250-localhost\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n{last}");
                    reply(io, &lines).await?;
                }
            }
            "STARTTLS" => {
                if tls {
                    reply(io, "503 5.5.1 TLS already active").await?;
                } else if !arg.is_empty() {
                    reply(io, "501 5.5.4 no parameters allowed").await?;
                } else {
                    reply(io, "220 2.0.0 ready").await?;
                    return Ok(Outcome::StartTls);
                }
            }
            "AUTH" => {
                if !tls {
                    reply(io, "538 5.7.11 encryption required").await?;
                } else if !greeted {
                    reply(io, "503 5.5.1 send EHLO first").await?;
                } else if auth_user.is_some() {
                    reply(io, "503 5.5.1 already authenticated").await?;
                } else if tx.is_some() {
                    reply(io, "503 5.5.1 mail transaction in progress").await?;
                } else {
                    match read_credentials(io, arg).await? {
                        AuthStep::Closed => return Ok(Outcome::Closed),
                        AuthStep::Refuse(answer) => reply(io, answer).await?,
                        AuthStep::Credentials(user, password) => {
                            if user == inner.opts.user && password == inner.opts.password {
                                auth_user = Some(user);
                                reply(io, "235 2.7.0 ok").await?;
                            } else {
                                reply(io, "535 5.7.8 bad credentials").await?;
                            }
                        }
                    }
                }
            }
            "MAIL" => {
                if !greeted {
                    reply(io, "503 5.5.1 send EHLO first").await?;
                } else if auth_user.is_none() {
                    reply(io, "530 5.7.0 authentication required").await?;
                } else if tx.is_some() {
                    reply(io, "503 5.5.1 nested MAIL command").await?;
                } else if let Some(from) = path_arg(arg, "FROM:") {
                    tx = Some(Transaction {
                        from: from.to_string(),
                        rcpt: Vec::new(),
                    });
                    reply(io, "250 2.1.0 ok").await?;
                } else {
                    reply(io, "501 5.5.4 syntax: MAIL FROM:<address>").await?;
                }
            }
            "RCPT" => match (tx.as_mut(), path_arg(arg, "TO:")) {
                (None, _) => reply(io, "503 5.5.1 need MAIL first").await?,
                (Some(_), None) => reply(io, "501 5.5.4 syntax: RCPT TO:<address>").await?,
                (Some(t), Some(to)) => {
                    t.rcpt.push(to.to_string());
                    reply(io, "250 2.1.5 ok").await?;
                }
            },
            "DATA" => {
                if !arg.is_empty() {
                    reply(io, "501 5.5.4 no parameters allowed").await?;
                    continue;
                }
                let Some(t) = tx.take() else {
                    reply(io, "503 5.5.1 need MAIL first").await?;
                    continue;
                };
                if t.rcpt.is_empty() {
                    tx = Some(t);
                    reply(io, "503 5.5.1 need RCPT first").await?;
                    continue;
                }
                reply(io, "354 go ahead").await?;
                let mut raw = String::new();
                loop {
                    let Some(data) = next_line(io).await? else {
                        return Ok(Outcome::Closed);
                    };
                    if data == "." {
                        break;
                    }
                    raw.push_str(data.strip_prefix('.').unwrap_or(data.as_str()));
                    raw.push_str("\r\n");
                }
                let mail = parse_mail(raw, t, tls, auth_user.clone());
                let refused = {
                    let mut state = inner.state.lock().unwrap();
                    if state.fail_next > 0 {
                        state.fail_next -= 1;
                        state.refused += 1;
                        true
                    } else {
                        state.messages.push(mail);
                        false
                    }
                };
                let answer = if refused {
                    "451 4.3.0 try again later"
                } else {
                    "250 2.0.0 queued"
                };
                reply(io, answer).await?;
            }
            "RSET" => {
                tx = None;
                reply(io, "250 2.0.0 ok").await?;
            }
            "NOOP" => reply(io, "250 2.0.0 ok").await?,
            "QUIT" => {
                reply(io, "221 bye").await?;
                return Ok(Outcome::Closed);
            }
            _ => reply(io, "502 5.5.2 command not recognised").await?,
        }
    }
}

/// Where an AUTH exchange led.
enum AuthStep {
    /// The user name and password the client gave.
    Credentials(String, String),
    /// The exchange failed; the answer to send.
    Refuse(&'static str),
    /// The connection ended mid-exchange.
    Closed,
}

/// Runs the SASL exchange of `AUTH <arg>` (PLAIN or LOGIN, with or without initial response).
async fn read_credentials<S>(io: &mut BufReader<S>, arg: &str) -> std::io::Result<AuthStep>
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    let (mechanism, initial) = match arg.split_once([' ', '\t']) {
        Some((m, i)) => (m, Some(i.trim().to_string())),
        None => (arg, None),
    };
    if mechanism.eq_ignore_ascii_case("PLAIN") {
        let response = match initial {
            Some(r) => r,
            None => match prompt(io, "334 ").await? {
                Some(r) => r,
                None => return Ok(AuthStep::Closed),
            },
        };
        let Some(decoded) = sasl_decode(&response) else {
            return Ok(sasl_refusal(&response));
        };
        let parts: Vec<&str> = decoded.split('\0').collect();
        let [authzid, user, password] = parts.as_slice() else {
            return Ok(AuthStep::Refuse("501 5.5.2 malformed PLAIN response"));
        };
        if !authzid.is_empty() && authzid != user {
            return Ok(AuthStep::Refuse("535 5.7.8 bad credentials"));
        }
        Ok(AuthStep::Credentials(user.to_string(), password.to_string()))
    } else if mechanism.eq_ignore_ascii_case("LOGIN") {
        let user = match initial {
            Some(r) => r,
            None => match prompt(io, "334 VXNlcm5hbWU6").await? {
                Some(r) => r,
                None => return Ok(AuthStep::Closed),
            },
        };
        let Some(user) = sasl_decode(&user) else {
            return Ok(sasl_refusal(&user));
        };
        let Some(password) = prompt(io, "334 UGFzc3dvcmQ6").await? else {
            return Ok(AuthStep::Closed);
        };
        let Some(password) = sasl_decode(&password) else {
            return Ok(sasl_refusal(&password));
        };
        Ok(AuthStep::Credentials(user, password))
    } else if mechanism.is_empty() {
        Ok(AuthStep::Refuse("501 5.5.4 syntax: AUTH mechanism [initial-response]"))
    } else {
        Ok(AuthStep::Refuse("504 5.5.4 unrecognised authentication mechanism"))
    }
}

/// A SASL response decoded from base64 (`=` is the empty response); `None` if it is not base64
/// of UTF-8, or is the cancellation `*`.
fn sasl_decode(response: &str) -> Option<String> {
    let response = response.trim();
    if response == "=" {
        return Some(String::new());
    }
    if response == "*" {
        return None;
    }
    String::from_utf8(LENIENT_BASE64.decode(response).ok()?).ok()
}

/// The answer to a response [`sasl_decode`] could not take.
fn sasl_refusal(response: &str) -> AuthStep {
    if response.trim() == "*" {
        AuthStep::Refuse("501 5.0.0 authentication cancelled")
    } else {
        AuthStep::Refuse("501 5.5.2 cannot decode response")
    }
}

/// `FROM:<a> [params]` → `a`, for `keyword` `FROM:` (case-insensitive; a space may follow the
/// colon).
fn path_arg<'a>(arg: &'a str, keyword: &str) -> Option<&'a str> {
    let head = arg.get(..keyword.len())?;
    if !head.eq_ignore_ascii_case(keyword) {
        return None;
    }
    let rest = arg[keyword.len()..].trim_start().strip_prefix('<')?;
    let end = rest.find('>')?;
    Some(&rest[..end])
}

/// Sends one reply (lines separated by CRLF inside `text`), CRLF-terminated, and flushes it.
async fn reply<W>(w: &mut W, text: &str) -> std::io::Result<()>
where
    W: AsyncWrite + Unpin,
{
    w.write_all(text.as_bytes()).await?;
    w.write_all(b"\r\n").await?;
    w.flush().await
}

/// Sends a `334` continuation and reads the client's answer (`None`: the connection ended).
async fn prompt<S>(io: &mut BufReader<S>, text: &str) -> std::io::Result<Option<String>>
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    reply(io, text).await?;
    next_line(io).await
}

/// One line read from the client.
enum Line {
    /// The line, without its CRLF or bare LF.
    Text(Vec<u8>),
    /// The stream ended.
    Eof,
    /// Longer than [`MAX_LINE`].
    TooLong,
}

/// Reads a line ending in CRLF or LF (an unterminated last line counts as a line).
async fn read_line<R>(r: &mut R) -> std::io::Result<Line>
where
    R: AsyncBufRead + Unpin,
{
    let mut buf = Vec::new();
    loop {
        let available = r.fill_buf().await?;
        if available.is_empty() {
            return Ok(if buf.is_empty() { Line::Eof } else { Line::Text(buf) });
        }
        if let Some(i) = available.iter().position(|&b| b == b'\n') {
            buf.extend_from_slice(&available[..i]);
            r.consume(i + 1);
            break;
        }
        let n = available.len();
        buf.extend_from_slice(available);
        r.consume(n);
        if buf.len() > MAX_LINE + 1 {
            return Ok(Line::TooLong);
        }
    }
    if buf.last() == Some(&b'\r') {
        buf.pop();
    }
    if buf.len() > MAX_LINE {
        return Ok(Line::TooLong);
    }
    Ok(Line::Text(buf))
}

/// The next line as text (lossy UTF-8); `None` when the session must end: end of stream, or a
/// line too long, which is answered with 500 first.
async fn next_line<S>(io: &mut BufReader<S>) -> std::io::Result<Option<String>>
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    match read_line(io).await? {
        Line::Text(bytes) => Ok(Some(String::from_utf8_lossy(&bytes).into_owned())),
        Line::Eof => Ok(None),
        Line::TooLong => {
            reply(io, "500 5.5.6 line too long").await?;
            Ok(None)
        }
    }
}

/// Builds the stored message from the DATA content and the envelope.
fn parse_mail(raw: String, tx: Transaction, tls: bool, auth_user: Option<String>) -> Mail {
    let (head, body) = split_message(&raw);
    let headers = parse_headers(head);
    let subject = decode_words(header(&headers, "Subject").unwrap_or(""));
    let from = decode_words(header(&headers, "From").unwrap_or(""));
    let content_type = header(&headers, "Content-Type").unwrap_or("").to_string();
    let multipart = content_type.to_ascii_lowercase().starts_with("multipart/");
    let body = if multipart {
        body.to_string()
    } else {
        let encoding = header(&headers, "Content-Transfer-Encoding")
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        match encoding.as_str() {
            "base64" => {
                let compact: String = body.chars().filter(|c| !c.is_ascii_whitespace()).collect();
                match LENIENT_BASE64.decode(compact.as_bytes()) {
                    Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
                    Err(_) => body.to_string(),
                }
            }
            "quoted-printable" => String::from_utf8_lossy(&qp_decode(body)).into_owned(),
            _ => body.to_string(),
        }
    };
    Mail {
        mail_from: tx.from,
        rcpt_to: tx.rcpt,
        tls,
        auth_user,
        headers,
        subject,
        from,
        content_type,
        body,
        raw,
    }
}

/// Header section (each field ending in CRLF) and body, split at the first empty line.
fn split_message(raw: &str) -> (&str, &str) {
    if let Some(body) = raw.strip_prefix("\r\n") {
        return ("", body);
    }
    match raw.find("\r\n\r\n") {
        Some(i) => (&raw[..i + 2], &raw[i + 4..]),
        None => (raw, ""),
    }
}

/// Header fields in order, continuation lines unfolded (the CRLF removed, the whitespace kept).
fn parse_headers(head: &str) -> Vec<(String, String)> {
    let mut headers: Vec<(String, String)> = Vec::new();
    for line in head.split("\r\n").filter(|l| !l.is_empty()) {
        if line.starts_with([' ', '\t']) {
            if let Some((_, value)) = headers.last_mut() {
                value.push_str(line);
            }
        } else if let Some((name, value)) = line.split_once(':') {
            headers.push((name.trim().to_string(), value.trim_start().to_string()));
        }
    }
    for (_, value) in &mut headers {
        let trimmed = value.trim_end().len();
        value.truncate(trimmed);
    }
    headers
}

/// The first field named `name` (case-insensitive).
fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// Decodes the RFC 2047 encoded-words (`=?utf-8?B?...?=`, `=?utf-8?Q?...?=`) of a header value;
/// whitespace between two adjacent encoded-words is dropped, anything else is kept as is.
fn decode_words(value: &str) -> String {
    let mut out = String::new();
    let mut rest = value;
    let mut after_word = false;
    while let Some((start, end, decoded)) = find_encoded_word(rest) {
        let before = &rest[..start];
        let separator = after_word && before.chars().all(char::is_whitespace);
        if !separator {
            out.push_str(before);
        }
        out.push_str(&decoded);
        after_word = true;
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// The first decodable encoded-word in `s`: its start, its end and its text.
fn find_encoded_word(s: &str) -> Option<(usize, usize, String)> {
    let mut from = 0;
    while let Some(offset) = s[from..].find("=?") {
        let start = from + offset;
        if let Some((len, text)) = encoded_word_at(&s[start..]) {
            return Some((start, start + len, text));
        }
        from = start + 2;
    }
    None
}

/// The encoded-word at the start of `s`, if it is one in UTF-8 (or US-ASCII): its length and
/// its decoded text.
fn encoded_word_at(s: &str) -> Option<(usize, String)> {
    let inside = s.strip_prefix("=?")?;
    let (charset, inside) = inside.split_once('?')?;
    let (encoding, inside) = inside.split_once('?')?;
    let end = inside.find("?=")?;
    let text = &inside[..end];
    let bad = |part: &str| part.contains(|c: char| c.is_whitespace() || c == '?');
    if charset.is_empty() || bad(charset) || bad(text) {
        return None;
    }
    // RFC 2231 allows a language after `*`.
    let name = charset.split('*').next().unwrap_or("");
    if !name.eq_ignore_ascii_case("utf-8") && !name.eq_ignore_ascii_case("us-ascii") {
        return None;
    }
    let bytes = if encoding.eq_ignore_ascii_case("B") {
        LENIENT_BASE64.decode(text).ok()?
    } else if encoding.eq_ignore_ascii_case("Q") {
        q_decode(text)?
    } else {
        return None;
    };
    let len = 2 + charset.len() + 1 + encoding.len() + 1 + end + 2;
    Some((len, String::from_utf8_lossy(&bytes).into_owned()))
}

/// RFC 2047 "Q" decoding: `_` is a space, `=XX` a byte.
fn q_decode(text: &str) -> Option<Vec<u8>> {
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'_' => {
                out.push(b' ');
                i += 1;
            }
            b'=' => {
                out.push(hex_byte(b.get(i + 1).copied(), b.get(i + 2).copied())?);
                i += 3;
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    Some(out)
}

/// Quoted-printable decoding (RFC 2045 §6.7): soft line breaks `=` CRLF (or LF, and tolerating
/// spaces before it), `=XX` bytes; a stray `=` is kept.
fn qp_decode(text: &str) -> Vec<u8> {
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'=' {
            let mut j = i + 1;
            while j < b.len() && (b[j] == b' ' || b[j] == b'\t') {
                j += 1;
            }
            if b[j..].starts_with(b"\r\n") {
                i = j + 2;
                continue;
            }
            if b[j..].starts_with(b"\n") {
                i = j + 1;
                continue;
            }
            if let Some(v) = hex_byte(b.get(i + 1).copied(), b.get(i + 2).copied()) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    out
}

/// The byte written as two hexadecimal digits (either case).
fn hex_byte(high: Option<u8>, low: Option<u8>) -> Option<u8> {
    let digit = |c: u8| char::from(c).to_digit(16);
    let value = digit(high?)? * 16 + digit(low?)?;
    u8::try_from(value).ok()
}
