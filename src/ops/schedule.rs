//! When `serve` scans: a cron pattern read in Japan time (UTC+09:00 all year; Japan has no
//! daylight saving, so a fixed offset is exact), and a loop that runs the scan at each
//! time, never two at once, going on after a failed scan.

use std::str::FromStr;

use chrono::{DateTime, FixedOffset, Utc};
use croner::Cron;

/// Why a schedule cannot be used.
#[derive(Debug, thiserror::Error)]
#[error("schedule {pattern:?}: {message}")]
pub struct ScheduleError {
    /// The pattern.
    pub pattern: String,
    /// What is wrong.
    pub message: String,
}

/// Japan Standard Time.
pub fn jst() -> FixedOffset {
    // 9 hours is within the valid range of a fixed offset.
    FixedOffset::east_opt(9 * 3600).unwrap_or_else(|| FixedOffset::east_opt(0).expect("zero offset"))
}

/// A parsed schedule.
#[derive(Debug, Clone)]
pub struct Schedule {
    cron: Cron,
    pattern: String,
}

impl Schedule {
    /// Parses a cron pattern (`minute hour day month weekday`, as in crontab).
    pub fn parse(pattern: &str) -> Result<Schedule, ScheduleError> {
        let cron = Cron::from_str(pattern).map_err(|e| ScheduleError {
            pattern: pattern.into(),
            message: e.to_string(),
        })?;
        Ok(Schedule {
            cron,
            pattern: pattern.into(),
        })
    }

    /// The pattern.
    pub fn pattern(&self) -> &str {
        &self.pattern
    }

    /// The first time strictly after `after`, in Japan time.
    pub fn next_after(&self, after: DateTime<Utc>) -> Result<DateTime<FixedOffset>, ScheduleError> {
        let local = after.with_timezone(&jst());
        self.cron
            .find_next_occurrence(&local, false)
            .map_err(|e| ScheduleError {
                pattern: self.pattern.clone(),
                message: e.to_string(),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn default_schedule_is_two_in_the_morning_japan_time() {
        let s = Schedule::parse("0 2 * * *").expect("valid");
        // 2026-11-25 20:00 UTC is 2026-11-26 05:00 JST: next is 2026-11-27 02:00 JST.
        let after = Utc.with_ymd_and_hms(2026, 11, 25, 20, 0, 0).single().expect("time");
        let next = s.next_after(after).expect("next");
        assert_eq!(next.to_rfc3339(), "2026-11-27T02:00:00+09:00");
        // 16:30 UTC is 01:30 JST: the same night.
        let after = Utc.with_ymd_and_hms(2026, 11, 25, 16, 30, 0).single().expect("time");
        assert_eq!(
            s.next_after(after).expect("next").to_rfc3339(),
            "2026-11-26T02:00:00+09:00"
        );
        assert!(Schedule::parse("61 2 * * *").is_err());
    }
}
