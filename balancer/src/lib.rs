//! phantom's load balancer: a pure policy function from a cluster snapshot to moves, the
//! policy file, and a deterministic simulator. No I/O and no clock of its own.
