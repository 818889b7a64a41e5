//! How a scan tells its progress: phases with unit counts, and notes. The command line shows
//! progress bars on a terminal and log lines elsewhere; tests stay silent.

/// Receives a scan's progress.
pub trait Observer: Send + Sync {
    /// A phase starts with `total` units.
    fn phase(&self, name: &str, total: u64);
    /// One unit of the phase is done.
    fn advance(&self);
    /// The phase is over.
    fn end_phase(&self);
    /// Something worth telling (a skipped source, a changed genuine account).
    fn note(&self, message: &str);
}

/// Says nothing.
pub struct Silent;

impl Observer for Silent {
    fn phase(&self, _: &str, _: u64) {}
    fn advance(&self) {}
    fn end_phase(&self) {}
    fn note(&self, _: &str) {}
}

/// Logs phases and notes through `tracing` (for non-interactive runs: cron, systemd).
pub struct LogObserver;

impl Observer for LogObserver {
    fn phase(&self, name: &str, total: u64) {
        tracing::info!("scan phase: {name} ({total} units)");
    }
    fn advance(&self) {}
    fn end_phase(&self) {}
    fn note(&self, message: &str) {
        tracing::info!("{message}");
    }
}
