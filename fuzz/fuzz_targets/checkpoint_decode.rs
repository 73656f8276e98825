//! Hostile checkpoints: decoding and restore's validation must refuse any bytes with an error,
//! never a panic, a hang or an allocation the input did not earn.

#![no_main]

use libfuzzer_sys::fuzz_target;
use phantom_vm::checkpoint;
use phantom_vm::{Config, Host, ReadResult, Vm};

/// A host with no terminal: restore must not touch it, and a restored VM is never run here.
struct NoHost;

impl Host for NoHost {
    fn write(&mut self, _fd: i32, _bytes: &[u8]) {}
    fn read(&mut self, _buf: &mut [u8]) -> ReadResult {
        ReadResult::Eof
    }
    fn nanos(&self) -> i64 {
        0
    }
    fn millis(&self) -> i64 {
        0
    }
}

fuzz_target!(|bytes: &[u8]| {
    let Ok(c) = checkpoint::decode(bytes, 1 << 20) else {
        return;
    };
    // A small heap limit: a document may claim objects, but restoring them must stay bounded.
    let config = Config {
        max_heap: 64 << 20,
        ..Config::default()
    };
    let _ = Vm::restore(&c, Box::new(NoHost), config);
});
