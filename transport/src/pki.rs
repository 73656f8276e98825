//! The cluster CA and the node and client certificates (`phantom cluster init`).
