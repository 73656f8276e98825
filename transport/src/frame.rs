//! Length-prefixed CBOR framing of protocol messages, with size limits.
