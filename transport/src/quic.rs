//! QUIC endpoints (quinn) with mutual TLS (rustls, ring) against the cluster CA.
