//! Hostile pre-copy sessions: pieces one after another, each its length (4 bytes,
//! little-endian) and its bytes, as `PHANTOM_PRECOPY_DUMP` writes them (ci/fuzz). Decoding, staging
//! and finishing must refuse any of them with an error, never a panic, a hang or an
//! allocation the input did not earn.

#![no_main]

use libfuzzer_sys::fuzz_target;
use phantom_vm::checkpoint::{self, stage::Staging};
use phantom_vm::{Config, Host, ReadResult};

/// A host with no terminal: staging must not touch it, and a finished VM is never run here.
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
    let mut pieces = Vec::new();
    let mut rest = bytes;
    while let Some((len, tail)) = rest.split_first_chunk::<4>() {
        let len = (u32::from_le_bytes(*len) as usize).min(tail.len());
        pieces.push(&tail[..len]);
        rest = &tail[len..];
    }
    // A small heap limit: pieces may claim objects and handles, but staging must stay bounded.
    let config = Config {
        max_heap: 64 << 20,
        ..Config::default()
    };
    let mut staging = Staging::new(Box::new(NoHost), config);
    for p in &pieces {
        let Ok(piece) = checkpoint::decode_piece(p, 1 << 20) else {
            return;
        };
        if staging.apply(piece).is_err() {
            return;
        }
    }
    let _ = staging.finish(true);
});
