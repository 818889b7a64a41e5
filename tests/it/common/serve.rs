//! `narisumashi serve` as an operator starts it (the real binary, in its own process) on a
//! database, with the review UI on a free loopback port: for the fault-injection tests and the
//! web benchmarks (which include this file by path).
#![allow(dead_code, clippy::unwrap_used)]

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

/// A running `serve`; killed (SIGKILL) when dropped.
pub struct Serve {
    /// The process.
    pub child: Child,
    /// `http://127.0.0.1:PORT`.
    pub base: String,
}

impl Serve {
    /// Starts `serve --no-schedule` on `database` (an SQLite path or URL, or a postgres:// URL)
    /// with the seeds' registry, and waits for the address it prints.
    pub fn start(database: &str) -> Serve {
        Serve::start_with(database, &[])
    }

    /// As [`Serve::start`], with more of serve's options (`--config FILE`).
    pub fn start_with(database: &str, options: &[&str]) -> Serve {
        let mut child = Command::new(env!("CARGO_BIN_EXE_narisumashi"))
            .args(["--seeds", concat!(env!("CARGO_MANIFEST_DIR"), "/seeds")])
            .args([
                "serve",
                "--no-schedule",
                "--listen",
                "127.0.0.1:0",
                "--health-listen",
                "none",
            ])
            .args(["--database", database])
            .args(options)
            .env("RUST_LOG", "error")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("narisumashi serve");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let base = line
            .trim()
            .strip_prefix("review UI at ")
            .unwrap_or_else(|| panic!("serve said {line:?}"))
            .trim_end_matches('/')
            .to_string();
        Serve { child, base }
    }

    /// Peak and current resident memory, in MiB (`VmHWM`, `VmRSS`).
    pub fn memory_mib(&self) -> (f64, f64) {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).unwrap_or_default();
        let kb = |key: &str| {
            status
                .lines()
                .find(|l| l.starts_with(key))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse::<f64>().ok())
                .unwrap_or(0.0)
                / 1024.0
        };
        (kb("VmHWM:"), kb("VmRSS:"))
    }

    /// Asks it to stop as Ctrl-C does (SIGINT), and waits for it (30 s at most, then SIGKILL).
    pub fn interrupt(mut self) {
        let pid = rustix::process::Pid::from_child(&self.child);
        let _ = rustix::process::kill_process(pid, rustix::process::Signal::INT);
        let started = std::time::Instant::now();
        while started.elapsed() < std::time::Duration::from_secs(30) {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
