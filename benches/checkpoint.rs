//! Checkpoint costs, run with `cargo bench --bench checkpoint`: (a) Phantom's case, a thread
//! three frames deep with a small heap: capture plus encode, and decode plus restore; (b) a
//! process holding 64 MB of primitive arrays and a million small objects: encode and decode
//! throughput; (c) checkpoint size against live heap; (d) how long a capture request waits for
//! the next instruction boundary. Results are medians over repeated runs on this machine.

use phantom_vm::checkpoint::{self, DEFAULT_MAX_BYTES};
use phantom_vm::{ClassPath, Config, Host, ReadResult, Status, Vm};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// A host that discards output: the benchmark measures the VM, not the terminal.
struct QuietHost {
    start: Instant,
}

impl Host for QuietHost {
    fn write(&mut self, _fd: i32, _bytes: &[u8]) {}
    fn read(&mut self, _buf: &mut [u8]) -> ReadResult {
        ReadResult::Eof
    }
    fn nanos(&self) -> i64 {
        self.start.elapsed().as_nanos() as i64
    }
    fn millis(&self) -> i64 {
        0
    }
}

fn host() -> Box<dyn Host> {
    Box::new(QuietHost {
        start: Instant::now(),
    })
}

const THREE_FRAMES: &str = r#"
public class ThreeFrames {
    static long spin(long n) {
        long s = 0;
        for (long i = 0; i < n; i++) {
            s += i ^ (s >>> 3);
        }
        return s;
    }
    static long middle(long n) { return spin(n) + 1; }
    public static void main(String[] args) { System.out.println(middle(Long.MAX_VALUE)); }
}
"#;

const BIG_HEAP: &str = r#"
public class BigHeap {
    static final class Node {
        final int value;
        Node(int value) { this.value = value; }
    }
    static Object[] keep;
    public static void main(String[] args) {
        long[] big = new long[8 << 20];
        for (int i = 0; i < big.length; i += 512) {
            big[i] = i * 31L;
        }
        Node[] small = new Node[1_000_000];
        for (int i = 0; i < small.length; i++) {
            small[i] = new Node(i);
        }
        keep = new Object[] {big, small};
        long s = 0;
        while (s >= 0) {
            s++;
        }
        System.out.println(s);
    }
}
"#;

fn compile(dir: &Path, name: &str, source: &str) {
    std::fs::create_dir_all(dir).expect("target tmp dir is writable");
    let file = dir.join(format!("{name}.java"));
    std::fs::write(&file, source).expect("write the program");
    let ok = Command::new("javac")
        .arg("-d")
        .arg(dir)
        .arg(&file)
        .status()
        .expect("javac runs (scripts/setup installs JDK 17)");
    assert!(ok.success(), "javac failed on {name}");
}

/// A VM running `main` of `class`, advanced to exactly `instructions`.
fn started(dir: &Path, class: &str, instructions: u64) -> Vm {
    let cp = ClassPath::parse(&dir.display().to_string()).expect("class path");
    let mut vm = Vm::new(cp, host(), Config::default()).expect("the VM boots");
    vm.start_main(class, &[]).expect("main starts");
    while vm.executed() < instructions {
        match vm.run(instructions - vm.executed()) {
            Status::Running => {}
            other => panic!("{class} stopped early: {other:?}"),
        }
    }
    vm
}

fn median(mut xs: Vec<Duration>) -> Duration {
    xs.sort();
    xs[xs.len() / 2]
}

fn micros(d: Duration) -> String {
    format!("{:.1} us", d.as_secs_f64() * 1e6)
}

fn main() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("checkpoint-bench-{}", std::process::id()));
    compile(&dir, "ThreeFrames", THREE_FRAMES);
    compile(&dir, "BigHeap", BIG_HEAP);

    // (a) Phantom's case.
    let mut vm = started(&dir, "ThreeFrames", 200_000);
    let (mut capture, mut restore) = (Vec::new(), Vec::new());
    let mut size = 0;
    for _ in 0..50 {
        let t = Instant::now();
        let c = vm.capture().expect("capture");
        let bytes = checkpoint::encode(&c);
        capture.push(t.elapsed());
        size = bytes.len();
        let t = Instant::now();
        let decoded = checkpoint::decode(&bytes, DEFAULT_MAX_BYTES).expect("decode");
        vm = Vm::restore(&decoded, host(), Config::default()).expect("restore");
        restore.push(t.elapsed());
        // Move on a little, so every round captures a different instruction.
        vm.run(997);
    }
    let frames = vm.capture().expect("capture").threads[0].frames.len();
    println!("(a) thread {frames} frames deep, checkpoint {size} bytes:");
    println!(
        "    capture + encode  {} (median of 50)",
        micros(median(capture))
    );
    println!(
        "    decode + restore  {} (median of 50)",
        micros(median(restore))
    );

    // (b) and (c): 64 MB of longs and a million small objects.
    let mut vm = started(&dir, "BigHeap", 30_000_000);
    let live = vm.rt.heap.live_bytes();
    let (mut enc, mut dec) = (Vec::new(), Vec::new());
    let mut size = 0;
    for _ in 0..5 {
        let c = vm.capture().expect("capture");
        let t = Instant::now();
        let bytes = checkpoint::encode(&c);
        enc.push(t.elapsed());
        size = bytes.len();
        let t = Instant::now();
        let decoded = checkpoint::decode(&bytes, DEFAULT_MAX_BYTES).expect("decode");
        dec.push(t.elapsed());
        let t = Instant::now();
        vm = Vm::restore(&decoded, host(), Config::default()).expect("restore");
        let r = t.elapsed();
        if dec.len() == 5 {
            println!(
                "(b) 64 MB long[] + 1,000,000 objects: restore (after decode) {:.1} ms",
                r.as_secs_f64() * 1e3
            );
        }
    }
    let (e, d) = (median(enc), median(dec));
    let array_mb = 64.0;
    println!(
        "    encode {:.1} ms, decode {:.1} ms (medians of 5)",
        e.as_secs_f64() * 1e3,
        d.as_secs_f64() * 1e3
    );
    println!(
        "    the whole document: encode {:.0} MB/s, decode {:.0} MB/s; the 64 MB array part alone would need {:.0} ms at 500 MB/s",
        size as f64 / 1e6 / e.as_secs_f64(),
        size as f64 / 1e6 / d.as_secs_f64(),
        array_mb / 500.0 * 1e3
    );
    println!(
        "(c) checkpoint {:.1} MB for a live heap of {:.1} MB (VM accounting, headers included)",
        size as f64 / 1e6,
        live as f64 / 1e6
    );

    // (d) A capture request is honoured at the next boundary of the running slice: the
    // longest wait is one slice of the driver's run loop.
    let mut vm = started(&dir, "ThreeFrames", 10_000);
    let mut slices = Vec::new();
    for _ in 0..20 {
        let t = Instant::now();
        vm.run(1 << 16);
        slices.push(t.elapsed());
    }
    println!(
        "(d) a capture request waits at most one run slice: {} for 65,536 instructions (median of 20)",
        micros(median(slices))
    );
    let _ = std::fs::remove_dir_all(&dir);
}
