//! Running narisumashi unattended: what `serve` does each night ([`nightly`]: the scan, the
//! digests, the retention purge), when ([`schedule`], Japan time), the process counters that
//! `/metrics` shows ([`metrics`]), and the installation check ([`doctor`]).

pub mod doctor;
pub mod metrics;
pub mod nightly;
pub mod schedule;
