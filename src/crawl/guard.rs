//! The SSRF guard: narisumashi fetches URLs that impostors control (avatars, profile links),
//! so it must never be turned against the network it runs in.
//!
//! Every request and every redirect hop is checked before connecting: scheme http or https,
//! port 80 or 443, and an IP-literal host must be public. Host names are resolved by
//! [`GuardedResolver`], which drops every non-public address, so reqwest can only connect to
//! public addresses (no DNS rebinding between check and connect). Hosts named in the
//! configuration (the tests' and the demo's loopback servers) are exempt, by exact name.

use std::collections::HashSet;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;

use ipnet::{Ipv4Net, Ipv6Net};
use reqwest::Url;
use reqwest::dns::{Addrs, Name, Resolve, Resolving};

/// Why the guard refused a URL.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GuardError {
    /// Not http or https.
    #[error("scheme {0}: is not http or https")]
    Scheme(String),
    /// A port other than 80 or 443 on a host that is not explicitly allowed.
    #[error("port {port} on {host} is not 80 or 443")]
    Port {
        /// Host.
        host: String,
        /// Port.
        port: u16,
    },
    /// An address that is not public (loopback, private, link-local, multicast, reserved).
    #[error("{host} is a non-public address ({ip})")]
    NonPublic {
        /// Host as written.
        host: String,
        /// The address.
        ip: IpAddr,
    },
    /// A name that resolves to no public address.
    #[error("{0} resolves to no public address")]
    NoPublicAddress(String),
    /// No host in the URL.
    #[error("URL has no host")]
    NoHost,
}

fn v4(s: &str) -> Ipv4Net {
    s.parse().expect("static network literal")
}

fn v6(s: &str) -> Ipv6Net {
    s.parse().expect("static network literal")
}

/// IPv4 networks that are not the public internet (IANA special-purpose registry).
fn blocked_v4() -> &'static [Ipv4Net] {
    static NETS: std::sync::LazyLock<Vec<Ipv4Net>> = std::sync::LazyLock::new(|| {
        [
            "0.0.0.0/8",
            "10.0.0.0/8",
            "100.64.0.0/10",
            "127.0.0.0/8",
            "169.254.0.0/16",
            "172.16.0.0/12",
            "192.0.0.0/24",
            "192.0.2.0/24",
            "192.31.196.0/24",
            "192.52.193.0/24",
            "192.88.99.0/24",
            "192.168.0.0/16",
            "192.175.48.0/24",
            "198.18.0.0/15",
            "198.51.100.0/24",
            "203.0.113.0/24",
            "224.0.0.0/4",
            "240.0.0.0/4",
        ]
        .iter()
        .map(|s| v4(s))
        .collect()
    });
    &NETS
}

/// IPv6 networks that are not the public internet.
fn blocked_v6() -> &'static [Ipv6Net] {
    static NETS: std::sync::LazyLock<Vec<Ipv6Net>> = std::sync::LazyLock::new(|| {
        [
            "::/128",
            "::1/128",
            // IPv4-translated (SIIT, ::ffff:0:a.b.c.d): a route into an IPv4 network, never a
            // platform's address.
            "::ffff:0:0:0/96",
            "100::/64",
            "2001::/23",
            "2001:db8::/32",
            "2002::/16",
            "3fff::/20",
            "5f00::/16",
            "fc00::/7",
            "fe80::/10",
            "fec0::/10",
            "ff00::/8",
            "64:ff9b:1::/48",
        ]
        .iter()
        .map(|s| v6(s))
        .collect()
    });
    &NETS
}

/// Whether an address is on the public internet. (`IpAddr::is_global` is unstable.)
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(a) => is_public_v4(a),
        IpAddr::V6(a) => {
            // Addresses that embed an IPv4 address are judged by it.
            if let Some(inner) = a.to_ipv4_mapped() {
                return is_public_v4(inner);
            }
            let seg = a.segments();
            if seg[..6] == [0x64, 0xff9b, 0, 0, 0, 0] {
                return is_public_v4(Ipv4Addr::new(
                    (seg[6] >> 8) as u8,
                    seg[6] as u8,
                    (seg[7] >> 8) as u8,
                    seg[7] as u8,
                ));
            }
            if seg[..6] == [0, 0, 0, 0, 0, 0] {
                // IPv4-compatible (deprecated) addresses, ::a.b.c.d.
                return false;
            }
            !blocked_v6().iter().any(|n| n.contains(&a))
        }
    }
}

fn is_public_v4(a: Ipv4Addr) -> bool {
    !blocked_v4().iter().any(|n| n.contains(&a))
}

/// The guard's configuration: hosts exempt from it (by exact name, for loopback test servers).
#[derive(Debug, Clone, Default)]
pub struct Guard {
    allowed: HashSet<String>,
}

impl Guard {
    /// A guard that exempts exactly these host names or IP literals.
    pub fn new<I: IntoIterator<Item = S>, S: AsRef<str>>(allowed_hosts: I) -> Guard {
        Guard {
            allowed: allowed_hosts
                .into_iter()
                .map(|h| h.as_ref().trim().trim_matches(['[', ']']).to_ascii_lowercase())
                .collect(),
        }
    }

    /// Whether a host is exempt.
    pub fn is_allowed(&self, host: &str) -> bool {
        self.allowed
            .contains(&host.trim_matches(['[', ']']).to_ascii_lowercase())
    }

    /// Checks a URL before connecting (every request and every redirect hop).
    pub fn check(&self, url: &Url) -> Result<(), GuardError> {
        match url.scheme() {
            "http" | "https" => {}
            other => return Err(GuardError::Scheme(other.to_string())),
        }
        let host = url.host_str().ok_or(GuardError::NoHost)?;
        if self.is_allowed(host) {
            return Ok(());
        }
        let port = url.port_or_known_default().unwrap_or(0);
        if port != 80 && port != 443 {
            return Err(GuardError::Port {
                host: host.to_string(),
                port,
            });
        }
        match url.host() {
            Some(url::Host::Ipv4(ip)) if !is_public(IpAddr::V4(ip)) => Err(GuardError::NonPublic {
                host: host.to_string(),
                ip: IpAddr::V4(ip),
            }),
            Some(url::Host::Ipv6(ip)) if !is_public(IpAddr::V6(ip)) => Err(GuardError::NonPublic {
                host: host.to_string(),
                ip: IpAddr::V6(ip),
            }),
            _ => Ok(()),
        }
    }
}

/// A DNS resolver that returns only public addresses (or anything, for exempt host names).
#[derive(Debug, Clone)]
pub struct GuardedResolver {
    guard: Arc<Guard>,
}

impl GuardedResolver {
    /// A resolver enforcing `guard`.
    pub fn new(guard: Arc<Guard>) -> GuardedResolver {
        GuardedResolver { guard }
    }
}

impl Resolve for GuardedResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let guard = self.guard.clone();
        let host = name.as_str().to_string();
        Box::pin(async move {
            let addrs: Vec<SocketAddr> = tokio::net::lookup_host((host.as_str(), 0)).await?.collect();
            let allowed = guard.is_allowed(&host);
            let public: Vec<SocketAddr> = addrs.into_iter().filter(|a| allowed || is_public(a.ip())).collect();
            if public.is_empty() {
                return Err(Box::new(GuardError::NoPublicAddress(host)) as Box<dyn std::error::Error + Send + Sync>);
            }
            let addrs: Addrs = Box::new(public.into_iter());
            Ok(addrs)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_and_special_addresses_are_not_public() {
        for a in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "224.0.0.1",
            "255.255.255.255",
            "198.18.0.1",
            "::1",
            "::",
            "fe80::1",
            "fc00::1",
            "fd12::1",
            "ff02::1",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
            "64:ff9b::a00:1",
            "2001:db8::1",
            "::127.0.0.1",
            "::ffff:0:127.0.0.1",
            "::ffff:0:a9fe:a9fe",
            "::ffff:0:808:808",
            "64:ff9b:1::a00:1",
            "2002:7f00:1::1",
            "2002:c0a8:101::1",
            "2001:0:4136:e378:8000:63bf:3fff:fdd2",
        ] {
            assert!(!is_public(a.parse().expect(a)), "{a} must not be public");
        }
        for a in [
            "8.8.8.8",
            "203.104.153.1",
            "2404:6800:4004::200e",
            "::ffff:8.8.8.8",
            "64:ff9b::808:808",
        ] {
            assert!(is_public(a.parse().expect(a)), "{a} is public");
        }
    }

    #[test]
    fn urls_are_checked_before_connecting() {
        let g = Guard::new(["127.0.0.1"]);
        let check = |u: &str| g.check(&Url::parse(u).expect(u));
        assert!(check("https://api.x.com/2/users").is_ok());
        assert!(check("http://127.0.0.1:8080/ok").is_ok());
        assert!(matches!(
            check("http://169.254.169.254/latest/meta-data"),
            Err(GuardError::NonPublic { .. })
        ));
        assert!(matches!(check("http://[::1]/"), Err(GuardError::NonPublic { .. })));
        // Obfuscated spellings of loopback are normalised before the check.
        let strict = Guard::default();
        for u in ["http://0x7f.1/", "http://2130706433/", "http://[::ffff:7f00:1]/"] {
            let e = strict.check(&Url::parse(u).expect(u));
            assert!(matches!(e, Err(GuardError::NonPublic { .. })), "{u}: {e:?}");
        }
        assert!(matches!(
            check("https://example.com:8443/"),
            Err(GuardError::Port { .. })
        ));
        assert!(matches!(check("file:///etc/passwd"), Err(GuardError::Scheme(_))));
    }
}
