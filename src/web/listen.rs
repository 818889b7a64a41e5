//! The review UI's listener: HTTP/1.1 connections with a time limit on each request's head
//! (which is also how long a kept-alive connection may sit idle) and a cap on open
//! connections (the time limit on a request as a whole is the router's). At the cap, the connection that has
//! waited longest for a request is closed to make room for the new one (when every
//! connection is busy answering, the new one is closed): sockets held open with half a
//! request cannot lock staff out, and the process never runs out of file descriptors.

use std::collections::HashMap;
use std::convert::Infallible;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use axum::http::Request;
use tokio::sync::{Notify, oneshot, watch};
use tower::ServiceExt;

/// The listener's limits (`[web]` in the configuration).
#[derive(Debug, Clone, Copy)]
pub struct ListenLimits {
    /// Time allowed for a request's line and headers to arrive, and for a kept-alive
    /// connection to send its next request.
    pub header_read: Duration,
    /// Connections open at once.
    pub max_connections: usize,
}

impl Default for ListenLimits {
    fn default() -> Self {
        ListenLimits {
            header_read: Duration::from_secs(10),
            max_connections: 1024,
        }
    }
}

/// One open connection.
#[derive(Debug)]
struct Slot {
    /// Requests being answered (responses being written included).
    busy: u32,
    /// When it last became idle (opened, or finished a response).
    idle_since: Instant,
    /// Closes it.
    close: Option<oneshot::Sender<()>>,
}

/// The open connections.
#[derive(Debug, Default)]
struct Table {
    next: u64,
    slots: HashMap<u64, Slot>,
}

#[derive(Debug, Default)]
struct Shared {
    table: Mutex<Table>,
    emptied: Notify,
}

impl Shared {
    fn lock(&self) -> std::sync::MutexGuard<'_, Table> {
        self.table.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Makes room for a new connection and registers it; `None` when every open
    /// connection is busy answering.
    fn admit(&self, max: usize) -> Option<(u64, oneshot::Receiver<()>)> {
        let mut t = self.lock();
        if t.slots.len() >= max.max(1) {
            let victim = t
                .slots
                .iter()
                .filter(|(_, s)| s.busy == 0)
                .min_by_key(|(_, s)| s.idle_since)
                .map(|(id, _)| *id)?;
            if let Some(mut s) = t.slots.remove(&victim)
                && let Some(close) = s.close.take()
            {
                let _ = close.send(());
            }
        }
        let (close, closed) = oneshot::channel();
        t.next += 1;
        let id = t.next;
        t.slots.insert(
            id,
            Slot {
                busy: 0,
                idle_since: Instant::now(),
                close: Some(close),
            },
        );
        Some((id, closed))
    }

    fn busy(&self, id: u64, delta: i32) {
        let mut t = self.lock();
        if let Some(s) = t.slots.get_mut(&id) {
            s.busy = s.busy.saturating_add_signed(delta);
            if s.busy == 0 {
                s.idle_since = Instant::now();
            }
        }
    }

    fn gone(&self, id: u64) {
        let mut t = self.lock();
        t.slots.remove(&id);
        if t.slots.is_empty() {
            self.emptied.notify_waiters();
        }
    }
}

/// Marks a connection busy while a request is answered, until its response body is written.
struct Busy {
    shared: Arc<Shared>,
    id: u64,
}

impl Drop for Busy {
    fn drop(&mut self) {
        self.shared.busy(self.id, -1);
    }
}

/// A response body that keeps its connection marked busy until it is written or dropped.
struct Tracked {
    inner: Body,
    _busy: Busy,
}

impl http_body::Body for Tracked {
    type Data = axum::body::Bytes;
    type Error = axum::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<http_body::Frame<Self::Data>, Self::Error>>> {
        Pin::new(&mut self.get_mut().inner).poll_frame(cx)
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> http_body::SizeHint {
        self.inner.size_hint()
    }
}

/// Serves `router` on `listener` within `limits` until `shutdown` completes; then stops
/// accepting, lets every open request finish (10 s at most) and returns.
pub async fn serve(
    listener: tokio::net::TcpListener,
    router: Router,
    limits: ListenLimits,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let shared = Arc::new(Shared::default());
    let (stop, stopping) = watch::channel(false);
    let shutdown = async move {
        shutdown.await;
        let _ = stop.send(true);
    };
    tokio::pin!(shutdown);
    let mut refused_at: Option<Instant> = None;
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    // Out of descriptors (or a connection reset before it was accepted):
                    // pause instead of spinning, and say so once a minute at most.
                    if refused_at.is_none_or(|t| t.elapsed() > Duration::from_secs(60)) {
                        tracing::warn!("review UI: accepting a connection failed: {e}");
                        refused_at = Some(Instant::now());
                    }
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let Some((id, closed)) = shared.admit(limits.max_connections) else {
            drop(stream);
            continue;
        };
        let _ = stream.set_nodelay(true);
        tokio::spawn(connection(
            stream,
            peer,
            id,
            closed,
            stopping.clone(),
            shared.clone(),
            router.clone(),
            limits,
        ));
    }
    drop(listener);
    let emptied = shared.emptied.notified();
    if !shared.lock().slots.is_empty() {
        let _ = tokio::time::timeout(Duration::from_secs(10), emptied).await;
    }
    Ok(())
}

/// Serves one connection until it ends, is closed to make room, or the server stops.
#[allow(clippy::too_many_arguments)]
async fn connection(
    stream: tokio::net::TcpStream,
    peer: std::net::SocketAddr,
    id: u64,
    closed: oneshot::Receiver<()>,
    mut stopping: watch::Receiver<bool>,
    shared: Arc<Shared>,
    router: Router,
    limits: ListenLimits,
) {
    let svc_shared = shared.clone();
    let service = hyper::service::service_fn(move |mut req: Request<hyper::body::Incoming>| {
        // The client's address, for handlers that limit per client (axum's `ConnectInfo`).
        req.extensions_mut().insert(axum::extract::ConnectInfo(peer));
        svc_shared.busy(id, 1);
        let busy = Busy {
            shared: svc_shared.clone(),
            id,
        };
        let router = router.clone();
        async move {
            let res = match router.oneshot(req.map(Body::new)).await {
                Ok(res) => res,
                Err(never) => match never {},
            };
            Ok::<_, Infallible>(res.map(|inner| Tracked { inner, _busy: busy }))
        }
    });
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .timer(hyper_util::rt::TokioTimer::new())
        .header_read_timeout(limits.header_read)
        .keep_alive(true);
    let conn = builder.serve_connection(hyper_util::rt::TokioIo::new(stream), service);
    tokio::pin!(conn);
    tokio::select! {
        r = conn.as_mut() => {
            if let Err(e) = r {
                tracing::debug!("review UI connection: {e}");
            }
        }
        _ = closed => tracing::debug!("review UI: closed an idle connection to make room"),
        _ = async { stopping.wait_for(|s| *s).await.map(|_| ()) } => {
            conn.as_mut().graceful_shutdown();
            let _ = tokio::time::timeout(Duration::from_secs(10), conn.as_mut()).await;
        }
    }
    shared.gone(id);
}

/// Raises this process's open-file limit to its hard limit (as Go programs do), so that the
/// connection cap, not the descriptor table, decides; returns the limit now in force.
pub fn raise_open_files() -> Option<u64> {
    #[cfg(unix)]
    {
        use rustix::process::{Resource, getrlimit, setrlimit};
        let mut l = getrlimit(Resource::Nofile);
        if let Some(hard) = l.maximum
            && l.current.is_some_and(|c| c < hard)
        {
            l.current = Some(hard.min(1 << 20));
            if let Err(e) = setrlimit(Resource::Nofile, l) {
                tracing::debug!("raising the open-file limit: {e}");
            }
        }
        getrlimit(Resource::Nofile).current
    }
    #[cfg(not(unix))]
    {
        None
    }
}

/// The connection cap to use under an open-file limit: the configured one, or fewer when
/// the limit leaves no room (the database, the log and outgoing requests need descriptors).
pub fn connections_within(configured: usize, open_files: Option<u64>) -> usize {
    match open_files {
        Some(limit) => {
            let room = usize::try_from(limit.saturating_sub(128)).unwrap_or(usize::MAX).max(16);
            configured.min(room)
        }
        None => configured,
    }
    .max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn at_the_cap_the_longest_idle_connection_makes_room_and_busy_ones_stay() {
        let s = Shared::default();
        let (a, mut a_closed) = s.admit(2).unwrap();
        std::thread::sleep(Duration::from_millis(2));
        let (b, mut b_closed) = s.admit(2).unwrap();
        // `a` waited longest: it is closed for the third.
        let (c, _) = s.admit(2).unwrap();
        assert!(a_closed.try_recv().is_ok());
        assert!(b_closed.try_recv().is_err());
        // When everyone is busy answering, the newcomer is the one refused.
        s.busy(b, 1);
        let len = s.lock().slots.len();
        assert_eq!(len, 2);
        s.busy(c, 1);
        assert!(s.admit(2).is_none());
        s.gone(a);
    }

    #[test]
    fn the_cap_leaves_descriptors_for_the_rest() {
        assert_eq!(connections_within(1024, Some(1024)), 896);
        assert_eq!(connections_within(1024, Some(1 << 20)), 1024);
        assert_eq!(connections_within(1024, None), 1024);
        assert_eq!(connections_within(1024, Some(10)), 16);
    }
}
