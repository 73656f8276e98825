//! phantom's transport between hosts: QUIC with mutual TLS, and the migration protocol as a
//! sans-IO state machine. Knows nothing of the VM: checkpoints travel as opaque bytes.

pub mod control;
pub mod frame;
pub mod migration;
pub mod pki;
pub mod quic;
