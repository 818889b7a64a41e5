//! Dates as Japanese public documents write them: the era (令和) with the Western year in
//! brackets, 年月日, in Japan time; and the English form for platforms' teams.

use chrono::{DateTime, Datelike, NaiveDate};
use serde::Serialize;

/// A calendar day in every form a draft uses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct JpDate {
    /// 令和8年11月25日.
    pub ja: String,
    /// 2026年11月25日.
    pub western: String,
    /// 令和8年（2026年）11月25日.
    pub both: String,
    /// 25 November 2026.
    pub en: String,
    /// 2026-11-25.
    pub iso: String,
}

/// The era and year within it: 令和 from 2019-05-01, 平成 from 1989-01-08, 昭和 before.
fn era(d: NaiveDate) -> (&'static str, i32) {
    let ymd = (d.year(), d.month(), d.day());
    if ymd >= (2019, 5, 1) {
        ("令和", d.year() - 2018)
    } else if ymd >= (1989, 1, 8) {
        ("平成", d.year() - 1988)
    } else {
        ("昭和", d.year() - 1925)
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl JpDate {
    /// The forms of a day.
    pub fn from_date(d: NaiveDate) -> JpDate {
        let (name, year) = era(d);
        let era_year = if year == 1 { "元".to_string() } else { year.to_string() };
        let md = format!("{}月{}日", d.month(), d.day());
        JpDate {
            ja: format!("{name}{era_year}年{md}"),
            western: format!("{}年{md}", d.year()),
            both: format!("{name}{era_year}年（{}年）{md}", d.year()),
            en: format!("{} {} {}", d.day(), MONTHS[d.month0() as usize], d.year()),
            iso: d.format("%Y-%m-%d").to_string(),
        }
    }

    /// The day of a Unix time, in Japan.
    pub fn from_unix(secs: i64) -> JpDate {
        let day = DateTime::from_timestamp(secs, 0)
            .map(|t| t.with_timezone(&crate::schedule::jst()).date_naive())
            .unwrap_or_default();
        JpDate::from_date(day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> JpDate {
        JpDate::from_date(NaiveDate::from_ymd_opt(y, m, day).expect("date"))
    }

    #[test]
    fn eras_and_their_first_years() {
        assert_eq!(d(2026, 11, 25).both, "令和8年（2026年）11月25日");
        assert_eq!(d(2019, 5, 1).ja, "令和元年5月1日");
        assert_eq!(d(2019, 4, 30).ja, "平成31年4月30日");
        assert_eq!(d(1989, 1, 8).ja, "平成元年1月8日");
        assert_eq!(d(1989, 1, 7).ja, "昭和64年1月7日");
        assert_eq!(d(2024, 7, 1).en, "1 July 2024");
        assert_eq!(d(2024, 7, 1).iso, "2024-07-01");
    }

    #[test]
    fn unix_times_are_read_in_japan() {
        // 2026-11-24 15:30 UTC is 2026-11-25 00:30 in Japan.
        assert_eq!(JpDate::from_unix(1_795_534_200).iso, "2026-11-25");
    }
}
