//! The host a locally run process talks to: this process's own standard streams and clocks.

use phantom_vm::{Host, ReadResult};
use std::io::{Read, Write};
use std::time::{Instant, SystemTime, UNIX_EPOCH};

/// Standard streams and clocks of the `phantom` process itself.
#[derive(Debug)]
pub(crate) struct StdHost {
    start: Instant,
}

impl StdHost {
    pub(crate) fn new() -> StdHost {
        StdHost {
            start: Instant::now(),
        }
    }
}

impl Host for StdHost {
    fn write(&mut self, fd: i32, bytes: &[u8]) {
        // Each write goes out at once (as HotSpot's autoflushing streams do), so stdout and
        // stderr interleave on a terminal in the order the program wrote them. A closed pipe
        // is not the program's problem: its output is dropped, as the JVM drops it.
        let _ = if fd == 2 {
            let mut e = std::io::stderr().lock();
            e.write_all(bytes).and_then(|_| e.flush())
        } else {
            let mut o = std::io::stdout().lock();
            o.write_all(bytes).and_then(|_| o.flush())
        };
    }

    fn read(&mut self, buf: &mut [u8]) -> ReadResult {
        match std::io::stdin().lock().read(buf) {
            Ok(0) | Err(_) => ReadResult::Eof,
            Ok(n) => ReadResult::Data(n),
        }
    }

    fn nanos(&self) -> i64 {
        self.start.elapsed().as_nanos() as i64
    }

    fn millis(&self) -> i64 {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_millis() as i64)
            .unwrap_or(0)
    }
}
