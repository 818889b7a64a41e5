//! Who a request comes from, for limits kept per client: the connection's peer address, or,
//! when that peer is one of the reverse proxies named in `[web] trusted_proxies`, the address
//! the proxies forwarded in `X-Forwarded-For`.
//!
//! Each proxy appends the address it received the request from, so the header is read from
//! the right: addresses of trusted proxies are skipped and the first other one is the client.
//! Whatever a client writes into the header itself stands to the left of that and is never
//! used. A peer that is not a trusted proxy is the client, whatever its headers say. A part of
//! the header that is not an address ends the walk at the last proxy read, so a mangled header
//! counts against the proxy's own address (a stricter limit, never a looser one).

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::HeaderMap;
use axum::http::request::Parts;
use ipnet::IpNet;

use super::App;

/// The address of the client a request comes from (see the module's text).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientAddr(pub IpAddr);

impl FromRequestParts<Arc<App>> for ClientAddr {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, app: &Arc<App>) -> Result<ClientAddr, Self::Rejection> {
        // No peer when a test calls the router directly: take it as loopback.
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map_or(IpAddr::from([127, 0, 0, 1]), |c| c.0.ip());
        Ok(ClientAddr(client_ip(
            peer,
            &parts.headers,
            &app.config.web.trusted_proxies,
        )))
    }
}

/// The client's address: `peer` itself unless it is in `trusted`, else the rightmost address
/// of `X-Forwarded-For` that is not in `trusted`.
pub fn client_ip(peer: IpAddr, headers: &HeaderMap, trusted: &[IpNet]) -> IpAddr {
    let mut client = peer.to_canonical();
    if !is_trusted(client, trusted) {
        return client;
    }
    let values: Vec<_> = headers.get_all("x-forwarded-for").iter().collect();
    for value in values.into_iter().rev() {
        let Ok(text) = value.to_str() else {
            return client;
        };
        for part in text.rsplit(',') {
            let Some(ip) = forwarded_address(part.trim()) else {
                return client;
            };
            client = ip;
            if !is_trusted(ip, trusted) {
                return ip;
            }
        }
    }
    client
}

fn is_trusted(ip: IpAddr, trusted: &[IpNet]) -> bool {
    trusted.iter().any(|net| net.contains(&ip))
}

/// One element of `X-Forwarded-For`: an address, or an address with a port (`1.2.3.4:5678`,
/// `[2001:db8::1]:443`), as some proxies write it.
fn forwarded_address(part: &str) -> Option<IpAddr> {
    part.parse::<IpAddr>()
        .or_else(|_| part.parse::<SocketAddr>().map(|s| s.ip()))
        .ok()
        .map(|ip| ip.to_canonical())
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn nets(list: &[&str]) -> Vec<IpNet> {
        list.iter().map(|n| n.parse().unwrap()).collect()
    }

    fn headers(values: &[&str]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for v in values {
            h.append("x-forwarded-for", HeaderValue::from_str(v).unwrap());
        }
        h
    }

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn an_untrusted_peer_is_the_client_whatever_it_forwards() {
        let h = headers(&["203.0.113.9"]);
        assert_eq!(client_ip(ip("198.51.100.7"), &h, &[]), ip("198.51.100.7"));
        assert_eq!(
            client_ip(ip("198.51.100.7"), &h, &nets(&["10.0.0.0/8"])),
            ip("198.51.100.7")
        );
    }

    #[test]
    fn behind_trusted_proxies_the_rightmost_other_address_is_the_client() {
        let trusted = nets(&["10.0.0.0/8", "127.0.0.1/32"]);
        // The client wrote a forged address itself; the proxy appended the real one.
        let h = headers(&["192.0.2.1, 203.0.113.9, 10.1.2.3"]);
        assert_eq!(client_ip(ip("127.0.0.1"), &h, &trusted), ip("203.0.113.9"));
        // Two headers are one list, in order.
        let h = headers(&["192.0.2.1", "203.0.113.9:51234", "10.1.2.3"]);
        assert_eq!(client_ip(ip("10.9.9.9"), &h, &trusted), ip("203.0.113.9"));
        let h = headers(&["[2001:db8::7]:443"]);
        assert_eq!(client_ip(ip("::ffff:10.0.0.1"), &h, &trusted), ip("2001:db8::7"));
    }

    #[test]
    fn a_missing_or_mangled_header_counts_against_the_last_proxy() {
        let trusted = nets(&["10.0.0.0/8"]);
        assert_eq!(client_ip(ip("10.0.0.1"), &HeaderMap::new(), &trusted), ip("10.0.0.1"));
        let h = headers(&["203.0.113.9, not-an-address, 10.0.0.2"]);
        assert_eq!(client_ip(ip("10.0.0.1"), &h, &trusted), ip("10.0.0.2"));
        let h = headers(&["10.0.0.3, 10.0.0.2"]);
        assert_eq!(client_ip(ip("10.0.0.1"), &h, &trusted), ip("10.0.0.3"));
    }
}
