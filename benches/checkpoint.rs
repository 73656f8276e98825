//! Checkpoint costs with criterion, run with `cargo bench --bench checkpoint`: (a) Phantom's
//! case, a thread three frames deep with a small heap: capture plus encode, and decode plus
//! restore; (b) a process holding 64 MB of primitive arrays and a million small objects, and
//! the arrays alone: encode and decode throughput; (c) checkpoint size against live heap,
//! printed while setting up; (d) the time from a capture request, made from another thread, to
//! the stop at the next instruction boundary.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use phantom_vm::checkpoint::{self, DEFAULT_MAX_BYTES};
use phantom_vm::{ClassPath, Config, Host, ReadResult, Status, Vm};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
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
        Node[] small = new Node[Integer.parseInt(args[0])];
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
fn started(dir: &Path, class: &str, args: &[&str], instructions: u64) -> Vm {
    let cp = ClassPath::parse(&dir.display().to_string()).expect("class path");
    let mut vm = Vm::new(cp, host(), Config::default()).expect("the VM boots");
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    vm.start_main(class, &args).expect("main starts");
    while vm.executed() < instructions {
        match vm.run(instructions - vm.executed()) {
            Status::Running => {}
            other => panic!("{class} stopped early: {other:?}"),
        }
    }
    vm
}

/// The compiled benchmark programs, shared by the groups.
fn programs() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("checkpoint-bench");
        compile(&dir, "ThreeFrames", THREE_FRAMES);
        compile(&dir, "BigHeap", BIG_HEAP);
        dir
    })
}

fn no_limit() -> Config {
    Config::default()
}

/// (a) Phantom's case: a thread three frames deep (main, middle, spin) with a small heap.
fn three_frames(c: &mut Criterion) {
    let mut vm = started(programs(), "ThreeFrames", &[], 200_000);
    let snapshot = vm.capture().expect("capture");
    let bytes = checkpoint::encode(&snapshot);
    println!(
        "(a) thread {} frames deep, {} objects, checkpoint {} bytes",
        snapshot.threads[0].frames.len(),
        snapshot.heap.len().expect("a captured heap is consistent"),
        bytes.len()
    );
    let mut g = c.benchmark_group("a_three_frames");
    g.bench_function("capture_encode", |b| {
        b.iter(|| checkpoint::encode(&vm.capture().expect("capture")))
    });
    // The restored VM is dropped outside the timing: throwing a process away is not restoring it.
    g.bench_function("decode_restore", |b| {
        b.iter_with_large_drop(|| {
            let decoded = checkpoint::decode(&bytes, DEFAULT_MAX_BYTES).expect("decode");
            Vm::restore(&decoded, host(), no_limit()).expect("restore")
        })
    });
    g.finish();
}

/// (b) and (c): 64 MB of `long[]` with and without a million small objects.
fn big_heap(c: &mut Criterion) {
    let mut g = c.benchmark_group("b_big_heap");
    g.sample_size(10).measurement_time(Duration::from_secs(10));
    for (label, objects, instructions) in [
        ("arrays_64mb", "0", 2_000_000),
        ("arrays_64mb_1m_objects", "1000000", 30_000_000),
    ] {
        let mut vm = started(programs(), "BigHeap", &[objects], instructions);
        let live = vm.rt.heap.live_bytes();
        let snapshot = vm.capture().expect("capture");
        let bytes = checkpoint::encode(&snapshot);
        println!(
            "(c) {label}: checkpoint {:.1} MB for a live heap of {:.1} MB (VM accounting, headers included)",
            bytes.len() as f64 / 1e6,
            live as f64 / 1e6
        );
        g.throughput(Throughput::Bytes(bytes.len() as u64));
        g.bench_with_input(BenchmarkId::new("encode", label), &snapshot, |b, s| {
            b.iter(|| checkpoint::encode(s))
        });
        g.bench_with_input(BenchmarkId::new("decode", label), &bytes, |b, bytes| {
            b.iter(|| checkpoint::decode(bytes, DEFAULT_MAX_BYTES).expect("decode"))
        });
        g.bench_with_input(BenchmarkId::new("restore", label), &snapshot, |b, s| {
            b.iter(|| Vm::restore(s, host(), no_limit()).expect("restore"))
        });
    }
    g.finish();
}

/// (d) A capture request from another thread stops the running VM at its next quantum
/// boundary; the time measured runs from the request to `run` returning.
fn capture_request(c: &mut Criterion) {
    let mut vm = started(programs(), "ThreeFrames", &[], 10_000);
    let stop = vm.interrupter();
    c.bench_function("d_capture_request_to_stop", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for i in 0..iters {
                // Request the stop after a varying delay, so it lands anywhere in a quantum.
                let delay = Duration::from_micros(50 + i % 97);
                let requested = std::thread::scope(|s| {
                    let stopper = s.spawn(|| {
                        std::thread::sleep(delay);
                        let at = Instant::now();
                        stop.interrupt();
                        at
                    });
                    assert_eq!(black_box(vm.run(u64::MAX)), Status::Running);
                    let stopped = Instant::now();
                    let at = stopper.join().expect("the stopper thread");
                    stopped.saturating_duration_since(at)
                });
                total += requested;
            }
            total
        })
    });
}

criterion_group!(benches, three_frames, big_heap, capture_request);
criterion_main!(benches);
