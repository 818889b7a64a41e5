//! robots.txt for page fetches (documented APIs are not pages and skip it), cached per origin
//! for a day. RFC 9309: a 4xx robots.txt allows everything; a 5xx or unreachable one
//! disallows everything until it can be read.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;

use texting_robots::Robot;
use tokio::time::Instant;

/// How long a robots.txt is trusted.
pub const ROBOTS_TTL: Duration = Duration::from_secs(24 * 60 * 60);

/// What a site's robots.txt says for narisumashi.
#[derive(Debug)]
pub enum RobotsRules {
    /// No usable robots.txt (4xx): everything allowed.
    AllowAll,
    /// Unreachable or 5xx: nothing allowed for now.
    DisallowAll(String),
    /// Parsed rules.
    Rules(Box<Robot>),
}

impl RobotsRules {
    /// Parses a robots.txt body for our user agent.
    pub fn parse(agent: &str, body: &[u8]) -> RobotsRules {
        match Robot::new(agent, body) {
            Ok(r) => RobotsRules::Rules(Box::new(r)),
            // An unparsable file is treated like a missing one, as crawlers commonly do.
            Err(_) => RobotsRules::AllowAll,
        }
    }

    /// Whether `url` may be fetched.
    pub fn allows(&self, url: &str) -> bool {
        match self {
            RobotsRules::AllowAll => true,
            RobotsRules::DisallowAll(_) => false,
            RobotsRules::Rules(r) => r.allowed(url),
        }
    }

    /// The crawl delay the site asks for.
    pub fn delay(&self) -> Option<Duration> {
        match self {
            RobotsRules::Rules(r) => r
                .delay
                .filter(|d| d.is_finite() && *d > 0.0)
                .map(|d| Duration::from_secs_f32(d.min(60.0))),
            _ => None,
        }
    }
}

/// robots.txt decisions cached per origin (`https://host:port`).
#[derive(Debug, Default)]
pub struct RobotsCache {
    entries: Mutex<HashMap<String, (Instant, std::sync::Arc<RobotsRules>)>>,
}

impl RobotsCache {
    /// The cached rules for an origin, if still fresh.
    pub fn get(&self, origin: &str) -> Option<std::sync::Arc<RobotsRules>> {
        let entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        entries
            .get(origin)
            .filter(|(at, _)| at.elapsed() < ROBOTS_TTL)
            .map(|(_, r)| r.clone())
    }

    /// Stores the rules for an origin.
    pub fn put(&self, origin: &str, rules: RobotsRules) -> std::sync::Arc<RobotsRules> {
        let rules = std::sync::Arc::new(rules);
        self.entries
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(origin.to_string(), (Instant::now(), rules.clone()));
        rules
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_follow_the_file() {
        let r = RobotsRules::parse("narisumashi", b"User-agent: *\nDisallow: /private\nCrawl-delay: 2\n");
        assert!(r.allows("https://example.com/profile"));
        assert!(!r.allows("https://example.com/private/x"));
        assert_eq!(r.delay(), Some(Duration::from_secs(2)));
        let all = RobotsRules::parse("narisumashi", b"User-agent: *\nDisallow: /\n");
        assert!(!all.allows("https://www.instagram.com/hw_kanoya/"));
    }
}
