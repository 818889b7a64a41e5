//! Progress for interactive runs (indicatif bars per phase on a terminal) and log lines for
//! the rest (cron, systemd, CI), through `tracing` on stderr.

use std::io::IsTerminal;
use std::sync::{Arc, Mutex};

use indicatif::{ProgressBar, ProgressStyle};
use narisumashi::scan::{LogObserver, Observer};

/// Sets up logging to stderr (`RUST_LOG` filters; `info` by default).
pub fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .with_target(false)
        .try_init();
}

/// Bars on a terminal, log lines otherwise.
pub fn observer() -> Arc<dyn Observer> {
    if std::io::stderr().is_terminal() {
        Arc::new(Bars { bar: Mutex::new(None) })
    } else {
        Arc::new(LogObserver)
    }
}

struct Bars {
    bar: Mutex<Option<ProgressBar>>,
}

impl Observer for Bars {
    fn phase(&self, name: &str, total: u64) {
        let bar = ProgressBar::new(total);
        if let Ok(style) = ProgressStyle::with_template("{prefix:>18} [{bar:30}] {pos}/{len} {elapsed}") {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.set_prefix(name.to_string());
        *self.bar.lock().unwrap_or_else(|e| e.into_inner()) = Some(bar);
    }
    fn advance(&self) {
        if let Some(b) = self.bar.lock().unwrap_or_else(|e| e.into_inner()).as_ref() {
            b.inc(1);
        }
    }
    fn end_phase(&self) {
        if let Some(b) = self.bar.lock().unwrap_or_else(|e| e.into_inner()).take() {
            b.finish();
        }
    }
    fn note(&self, message: &str) {
        match self.bar.lock().unwrap_or_else(|e| e.into_inner()).as_ref() {
            Some(b) => b.println(format!("  {message}")),
            None => eprintln!("  {message}"),
        }
    }
}
