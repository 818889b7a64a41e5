//! What a storm of log-ins may cost: password verification (Argon2id, a core and 19 MiB for
//! tens of milliseconds) runs at most once per core at a time and only for names that exist,
//! at most `login_attempts` times per name per window; names that do not exist are counted
//! and locked in a bounded table in memory, answered after a stand-in delay drawn from real
//! verification times, and written to the audit log as one summary line a minute. An
//! attacker sending made-up names therefore costs neither CPU, memory nor database rows, and
//! the staff who log in meanwhile are verified at once.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use tokio::sync::Semaphore;

/// Names that do not exist, remembered for locking; beyond this, the least recently tried
/// are forgotten (an attacker must send this many other names between two attempts to see
/// a difference, and the audit log's summary shows that flood).
const UNKNOWN_NAMES_MAX: usize = 10_000;
/// Verification times kept for the stand-in delay.
const SAMPLES: usize = 32;
/// How often failures for names that do not exist are written to the audit log, at most.
pub const SUMMARY_EVERY: Duration = Duration::from_secs(60);
/// Names quoted in one summary line.
const SUMMARY_NAMES: usize = 5;

/// The lock policy: `attempts` within `window` lock a name for `lock`.
#[derive(Debug, Clone, Copy)]
pub struct LockPolicy {
    /// Attempts allowed in a window (the last one locks).
    pub attempts: i64,
    /// The window, in seconds.
    pub window_secs: i64,
    /// How long a lock lasts, in seconds.
    pub lock_secs: i64,
}

/// An attempt as counted: its number in the window, and whether the name is now locked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counted {
    /// This attempt's number in the window (1 for the first).
    pub count: i64,
    /// Whether the name is locked after this attempt.
    pub locked: bool,
}

/// Attempts for one unknown name.
#[derive(Debug, Clone, Copy)]
struct Attempts {
    count: i64,
    first: Instant,
    locked_until: Option<Instant>,
    last: Instant,
}

/// Failures for unknown names since the last summary.
#[derive(Debug)]
struct Summary {
    since: Instant,
    failures: u64,
    names: Vec<String>,
}

/// A password to verify against a hash, and where to say whether it matched.
type Job = (String, String, tokio::sync::oneshot::Sender<bool>);

/// The threads that verify passwords: one per core, for the life of the throttle, each with
/// Argon2's 19 MiB of working memory allocated once and reused (allocated per attempt on
/// blocking threads, the allocator kept 200–500 MiB after a storm of log-ins).
#[derive(Debug)]
struct Verifiers {
    jobs: std::sync::mpsc::SyncSender<Job>,
}

impl Verifiers {
    fn start(threads: usize) -> Verifiers {
        let (jobs, queue) = std::sync::mpsc::sync_channel::<Job>(threads);
        let queue = std::sync::Arc::new(Mutex::new(queue));
        for i in 0..threads {
            let queue = queue.clone();
            let spawned = std::thread::Builder::new().name(format!("verify-{i}")).spawn(move || {
                let mut blocks = Vec::new();
                loop {
                    let job = queue.lock().unwrap_or_else(|e| e.into_inner()).recv();
                    let Ok((password, hash, answer)) = job else { break };
                    let _ = answer.send(super::auth::verify_password_in(&password, &hash, &mut blocks));
                }
            });
            if let Err(e) = spawned {
                tracing::error!("starting a password verification thread: {e}");
            }
        }
        Verifiers { jobs }
    }
}

/// The login throttle one `serve` shares.
#[derive(Debug)]
pub struct LoginThrottle {
    verifying: Semaphore,
    verifiers: Verifiers,
    calibrated: tokio::sync::OnceCell<()>,
    samples: Mutex<Vec<Duration>>,
    next_sample: std::sync::atomic::AtomicUsize,
    unknown: Mutex<HashMap<String, Attempts>>,
    summary: Mutex<Summary>,
}

/// Every core is verifying a password and none came free in time.
#[derive(Debug, Clone, Copy)]
pub struct Busy;

impl Default for LoginThrottle {
    fn default() -> Self {
        LoginThrottle::new(std::thread::available_parallelism().map_or(1, usize::from))
    }
}

impl LoginThrottle {
    /// A throttle verifying at most `cores` passwords at a time.
    pub fn new(cores: usize) -> LoginThrottle {
        LoginThrottle {
            verifying: Semaphore::new(cores.max(1)),
            verifiers: Verifiers::start(cores.max(1)),
            calibrated: tokio::sync::OnceCell::new(),
            samples: Mutex::new(Vec::with_capacity(SAMPLES)),
            next_sample: Default::default(),
            unknown: Mutex::new(HashMap::new()),
            summary: Mutex::new(Summary {
                since: Instant::now(),
                failures: 0,
                names: Vec::new(),
            }),
        }
    }

    /// Verifies a password on a free core, waiting at most `wait` for one.
    pub async fn verify(&self, password: String, hash: String, wait: Duration) -> Result<bool, Busy> {
        let Ok(Ok(_permit)) = tokio::time::timeout(wait, self.verifying.acquire()).await else {
            return Err(Busy);
        };
        let started = Instant::now();
        let (answer, answered) = tokio::sync::oneshot::channel();
        // A permit is held, so a thread is free (or about to be): the send does not block.
        if self.verifiers.jobs.send((password, hash, answer)).is_err() {
            return Ok(false);
        }
        let ok = answered.await.unwrap_or(false);
        self.sample(started.elapsed());
        Ok(ok)
    }

    fn sample(&self, took: Duration) {
        let mut s = self.samples.lock().unwrap_or_else(|e| e.into_inner());
        if s.len() < SAMPLES {
            s.push(took);
        } else {
            let i = self.next_sample.fetch_add(1, std::sync::atomic::Ordering::Relaxed) % SAMPLES;
            s[i] = took;
        }
    }

    /// Waits as long as verifying a password takes here, for a name that does not exist, so
    /// that a wrong name is answered like a wrong password. The delay is drawn from recent
    /// real verification times (the first is measured on a stand-in hash) and costs no CPU.
    pub async fn stand_in_delay(&self) {
        // Measured once, by the first caller; a storm's others wait for that one.
        self.calibrated
            .get_or_init(|| async {
                let hash = super::auth::dummy_hash().to_string();
                let _ = self
                    .verify("not anyone's password".into(), hash, Duration::from_secs(30))
                    .await;
            })
            .await;
        let pick = {
            let s = self.samples.lock().unwrap_or_else(|e| e.into_inner());
            (!s.is_empty()).then(|| s[fastrand::usize(..s.len())])
        };
        if let Some(d) = pick {
            tokio::time::sleep(d).await;
        }
    }

    /// Counts an attempt for a name that does not exist, as the database counts them for
    /// names that do (`Store::record_login_failure`), in memory.
    pub fn count_unknown(&self, key: &str, policy: LockPolicy) -> Counted {
        let now = Instant::now();
        let window = Duration::from_secs(policy.window_secs.max(1).unsigned_abs());
        let lock = Duration::from_secs(policy.lock_secs.max(1).unsigned_abs());
        let mut map = self.unknown.lock().unwrap_or_else(|e| e.into_inner());
        if map.len() >= UNKNOWN_NAMES_MAX && !map.contains_key(key) {
            forget_oldest(&mut map, now, window);
        }
        let entry = map.entry(key.to_string()).or_insert(Attempts {
            count: 0,
            first: now,
            locked_until: None,
            last: now,
        });
        let fresh = entry.first + window > now && entry.locked_until.is_none_or(|u| u > now);
        if fresh {
            entry.count += 1;
        } else {
            *entry = Attempts {
                count: 1,
                first: now,
                locked_until: None,
                last: now,
            };
        }
        entry.last = now;
        if entry.count >= policy.attempts.max(1) {
            entry.locked_until = Some(now + lock);
        }
        Counted {
            count: entry.count,
            locked: entry.locked_until.is_some(),
        }
    }

    /// Whether an unknown name is locked now.
    pub fn unknown_locked(&self, key: &str) -> bool {
        let map = self.unknown.lock().unwrap_or_else(|e| e.into_inner());
        map.get(key)
            .and_then(|a| a.locked_until)
            .is_some_and(|u| u > Instant::now())
    }

    /// Notes a failed login for a name that does not exist; once a minute at most, returns
    /// the summary line for the audit log (how many, and a few of the names tried).
    pub fn unknown_failed(&self, name: &str) -> Option<String> {
        let mut s = self.summary.lock().unwrap_or_else(|e| e.into_inner());
        s.failures += 1;
        if s.names.len() < SUMMARY_NAMES && !s.names.iter().any(|n| n == name) {
            s.names.push(name.to_string());
        }
        (s.since.elapsed() >= SUMMARY_EVERY).then(|| take(&mut s))
    }

    /// The summary of failures not yet written, if any (at shutdown and on a timer).
    pub fn pending_summary(&self) -> Option<String> {
        let mut s = self.summary.lock().unwrap_or_else(|e| e.into_inner());
        (s.failures > 0).then(|| take(&mut s))
    }
}

/// `"N: name, name, …"`: the count and the names quoted, and a new period begins.
fn take(s: &mut Summary) -> String {
    let line = format!(
        "{} / {} s: {}",
        s.failures,
        s.since.elapsed().as_secs().max(1),
        s.names.join(", ")
    );
    *s = Summary {
        since: Instant::now(),
        failures: 0,
        names: Vec::new(),
    };
    line
}

/// Makes room in a full table: entries whose window has passed and that are not locked go
/// first; if that is not enough, the least recently tried tenth.
fn forget_oldest(map: &mut HashMap<String, Attempts>, now: Instant, window: Duration) {
    map.retain(|_, a| a.first + window > now || a.locked_until.is_some_and(|u| u > now));
    if map.len() < UNKNOWN_NAMES_MAX {
        return;
    }
    let mut lasts: Vec<Instant> = map.values().map(|a| a.last).collect();
    let cut = lasts.len() / 10;
    let (_, nth, _) = lasts.select_nth_unstable(cut);
    let nth = *nth;
    map.retain(|_, a| a.last > nth);
}

#[cfg(test)]
mod tests {
    use super::*;

    const POLICY: LockPolicy = LockPolicy {
        attempts: 5,
        window_secs: 3600,
        lock_secs: 900,
    };

    #[test]
    fn an_unknown_name_locks_at_the_fifth_attempt_like_a_known_one() {
        let t = LoginThrottle::new(1);
        for i in 1..5 {
            assert_eq!(
                t.count_unknown("user:nobody", POLICY),
                Counted {
                    count: i,
                    locked: false
                }
            );
        }
        assert!(t.count_unknown("user:nobody", POLICY).locked);
        assert!(t.unknown_locked("user:nobody"));
        assert!(!t.unknown_locked("user:someone"));
    }

    #[test]
    fn the_table_of_unknown_names_stays_bounded() {
        let t = LoginThrottle::new(1);
        for i in 0..(UNKNOWN_NAMES_MAX + 2_000) {
            t.count_unknown(&format!("user:n{i}"), POLICY);
        }
        let len = t.unknown.lock().map(|m| m.len()).unwrap_or(0);
        assert!(len <= UNKNOWN_NAMES_MAX, "{len}");
        // The newest names are still counted.
        assert_eq!(
            t.count_unknown(&format!("user:n{}", UNKNOWN_NAMES_MAX + 1_999), POLICY)
                .count,
            2
        );
    }

    #[test]
    fn failures_for_unknown_names_are_summarised_not_written_one_by_one() {
        let t = LoginThrottle::new(1);
        for i in 0..1_000 {
            assert_eq!(t.unknown_failed(&format!("n{}", i % 7)), None);
        }
        let line = t.pending_summary().unwrap_or_default();
        assert!(line.starts_with("1000 / "), "{line}");
        assert!(line.ends_with("n0, n1, n2, n3, n4"), "{line}");
        assert_eq!(t.pending_summary(), None);
    }
}
