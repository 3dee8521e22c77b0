//! `API_HOST`: the address uvicorn binds, kept as written (uvicorn prints it
//! as given). An IPv4 or IPv6 address, checked here rather than by
//! `std::net`, whose parser and printer cost the first load more than the
//! one setting is worth.

use serde::{Deserialize, Serialize};

/// An IP address, as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Host(String);

fn ipv4(s: &str) -> Option<[u8; 4]> {
    let mut out = [0u8; 4];
    let mut parts = s.split('.');
    for slot in &mut out {
        let p = parts.next()?;
        // As std reads it: 1–3 digits, no leading zero, at most 255.
        if p.is_empty() || p.len() > 3 || !p.bytes().all(|b| b.is_ascii_digit()) || (p.len() > 1 && p.starts_with('0'))
        {
            return None;
        }
        *slot = p.parse().ok()?;
    }
    parts.next().is_none().then_some(out)
}

/// The eight groups of an IPv6 address (`::` expanded), or `None`.
fn ipv6(s: &str) -> Option<[u16; 8]> {
    let group = |g: &str| (1..=4).contains(&g.len()).then(|| u16::from_str_radix(g, 16).ok()).flatten();
    let groups = |t: &str| -> Option<Vec<u16>> {
        if t.is_empty() { Some(Vec::new()) } else { t.split(':').map(group).collect() }
    };
    let (head, tail) = match s.split_once("::") {
        Some((h, t)) if !t.contains("::") => (groups(h)?, Some(groups(t)?)),
        Some(_) => return None,
        None => (groups(s)?, None),
    };
    let mut out = [0u16; 8];
    match tail {
        None if head.len() == 8 => out.copy_from_slice(&head),
        Some(t) if head.len() + t.len() < 8 => {
            out[..head.len()].copy_from_slice(&head);
            out[8 - t.len()..].copy_from_slice(&t);
        }
        _ => return None,
    }
    Some(out)
}

impl Host {
    /// An IPv4 or IPv6 address, or `None`.
    pub fn parse(s: &str) -> Option<Self> {
        (ipv4(s).is_some() || ipv6(s).is_some()).then(|| Self(s.to_string()))
    }

    /// An address the tutor itself writes (`127.0.0.1`, `0.0.0.0`).
    pub(crate) fn known(s: &'static str) -> Self {
        Self(s.to_string())
    }

    /// `127.0.0.0/8` or `::1`: reachable only from the same machine.
    pub fn is_loopback(&self) -> bool {
        ipv4(&self.0).map_or_else(|| ipv6(&self.0) == Some([0, 0, 0, 0, 0, 0, 0, 1]), |a| a[0] == 127)
    }
}

impl std::fmt::Display for Host {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::Host;
    use proptest::prelude::*;

    #[test]
    fn addresses() {
        assert!(Host::parse("127.0.0.1").is_some_and(|h| h.is_loopback()));
        assert!(Host::parse("0.0.0.0").is_some_and(|h| !h.is_loopback()));
        assert!(Host::parse("::1").is_some_and(|h| h.is_loopback()));
        assert!(Host::parse("::").is_some_and(|h| !h.is_loopback()));
        for bad in ["localhost", "256.0.0.1", "01.2.3.4", "1.2.3", "1.2.3.4.5", ":::", "1::2::3", "", "0.0.0.0 "] {
            assert!(Host::parse(bad).is_none(), "{bad}");
        }
    }

    proptest! {
        /// Accepts exactly what `std::net::IpAddr` accepts, and agrees on loopback.
        #[test]
        fn agrees_with_std(s in "([0-9a-f:.]{0,20}|[0-9]{1,3}(\\.[0-9]{1,3}){3}|\\PC{0,8})") {
            let ours = Host::parse(&s);
            let std: Option<std::net::IpAddr> = s.parse().ok();
            // std also reads an IPv4 tail in IPv6 (`::ffff:1.2.3.4`); the tutor does not.
            if !(s.contains(':') && s.contains('.')) {
                prop_assert_eq!(ours.is_some(), std.is_some(), "{}", s);
                if let (Some(o), Some(t)) = (ours, std) {
                    prop_assert_eq!(o.is_loopback(), t.is_loopback(), "{}", s);
                }
            }
        }
    }
}
