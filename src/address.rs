//! Addresses as people write them, in the node's configuration and on the command line:
//! `HOST:PORT`, where HOST is a name (`localhost`, `node-b.example`), an IPv4 address or a
//! bracketed IPv6 address. Names are resolved once, when read.

use anyhow::{Context, Result, anyhow, bail};
use std::net::{SocketAddr, ToSocketAddrs};

/// Resolves `HOST:PORT` to the first address the system gives for it.
pub(crate) fn resolve(text: &str) -> Result<SocketAddr> {
    if let Ok(addr) = text.parse() {
        return Ok(addr);
    }
    let (host, port) = text
        .rsplit_once(':')
        .ok_or_else(|| anyhow!("{text:?} is not HOST:PORT"))?;
    let port: u16 = port
        .parse()
        .map_err(|_| anyhow!("{text:?}: {port:?} is not a port number"))?;
    if host.is_empty() {
        bail!("{text:?} names no host");
    }
    let host = host.trim_start_matches('[').trim_end_matches(']');
    let mut addrs = (host, port)
        .to_socket_addrs()
        .with_context(|| format!("cannot resolve {host:?}"))?;
    addrs
        .next()
        .ok_or_else(|| anyhow!("{host:?} resolves to no address"))
}

/// Serde's reading of an address field (`listen`, `peers[].addr`, `http`).
pub(crate) fn deserialize<'de, D: serde::Deserializer<'de>>(d: D) -> Result<SocketAddr, D::Error> {
    let text = <String as serde::Deserialize>::deserialize(d)?;
    resolve(&text).map_err(|e| serde::de::Error::custom(format!("{e:#}")))
}

/// The same, for an optional field.
pub(crate) fn deserialize_option<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<SocketAddr>, D::Error> {
    deserialize(d).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_numbers_resolve() {
        assert_eq!(resolve("127.0.0.1:7001").unwrap().port(), 7001);
        assert!(resolve("localhost:7001").unwrap().ip().is_loopback());
        assert_eq!(resolve("[::1]:9").unwrap().port(), 9);
        assert!(resolve("localhost").is_err());
        assert!(resolve("localhost:x").is_err());
        assert!(resolve(":7001").is_err());
        assert!(resolve("no-such-host.invalid:1").is_err());
    }
}
