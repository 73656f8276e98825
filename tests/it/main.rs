//! phantom's integration tests: they drive the real `phantom` command, built for the target
//! under test and run through `PHANTOM_TEST_RUNNER` (qemu) when that target is not the host.

mod browser;
mod checkpoint;
mod cluster;
mod gc;
mod jit;
mod launch;
mod operations;
mod platform;
mod readme;
mod simulate;
mod support;
mod survival;
