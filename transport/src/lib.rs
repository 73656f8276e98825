//! phantom's transport between hosts: QUIC with mutual TLS, and the migration protocol as a
//! sans-IO state machine. Knows nothing of the VM: checkpoints travel as opaque bytes.
