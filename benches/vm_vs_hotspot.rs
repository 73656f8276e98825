//! Wall-time comparison of phantom against HotSpot's interpreter (`java -Xint`) on the Java
//! programs in benches/java, run with `cargo bench --bench vm_vs_hotspot [FILTER]`.
//!
//! Both VMs interpret bytecode, so `-Xint` is the fair reference: the ratio says how far the
//! interpreter loop, calls, allocation and the class library are from HotSpot's, not how far
//! an interpreter is from a JIT. Each program prints one checksum line; the two VMs must print
//! the same stdout or the run fails, so a fast but wrong VM cannot look good.
//!
//! `PHANTOM_BENCH_RUNS` sets how many times each VM runs each program (default 3); the median
//! is reported because the machines we measure on are shared and a single run can be unlucky.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Output, Stdio};
use std::time::{Duration, Instant};

const DEFAULT_RUNS: usize = 3;

/// What one program measured on both VMs.
#[derive(Debug)]
struct Measurement {
    name: String,
    java: Duration,
    phantom: Duration,
}

impl Measurement {
    fn ratio(&self) -> f64 {
        self.phantom.as_secs_f64() / self.java.as_secs_f64()
    }
}

fn main() -> ExitCode {
    match run() {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(message) => {
            eprintln!("vm_vs_hotspot: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Measures every selected program; returns whether all of them gave the same output on both VMs.
fn run() -> Result<bool, String> {
    // `cargo bench` passes `--bench` (and may pass other flags) to harness-less benches; the
    // first argument that is not a flag is the name filter.
    let filter = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let n_runs = match std::env::var("PHANTOM_BENCH_RUNS") {
        Ok(text) => text
            .trim()
            .parse::<usize>()
            .ok()
            .filter(|&n| n > 0)
            .ok_or_else(|| {
                format!("PHANTOM_BENCH_RUNS must be a positive integer, not {text:?}")
            })?,
        Err(_) => DEFAULT_RUNS,
    };

    let source_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/java");
    let programs = programs(&source_dir, filter.as_deref())?;
    if programs.is_empty() {
        return Err(format!(
            "no program in {} matches {:?}",
            source_dir.display(),
            filter.unwrap_or_default()
        ));
    }

    // Cargo builds the binary targets of the package before its benches and tells us where.
    let phantom = PathBuf::from(env!("CARGO_BIN_EXE_phantom"));
    let class_dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("vm_vs_hotspot-{}", std::process::id()));
    if let Err(message) = compile(&source_dir, &programs, &class_dir) {
        let _ = fs::remove_dir_all(&class_dir);
        return Err(message);
    }

    print_setup(&phantom, &class_dir, n_runs);
    println!();
    println!(
        "{:<16} {:>12} {:>12} {:>16}",
        "program", "java -Xint s", "phantom s", "phantom/java"
    );
    let mut measurements = Vec::new();
    let mut all_agree = true;
    for name in &programs {
        match measure(name, &phantom, &class_dir, n_runs) {
            Ok(m) => {
                println!(
                    "{:<16} {:>12.3} {:>12.3} {:>16.2}",
                    m.name,
                    m.java.as_secs_f64(),
                    m.phantom.as_secs_f64(),
                    m.ratio()
                );
                measurements.push(m);
            }
            Err(message) => {
                // Keep measuring the others: one broken program should not hide the rest.
                println!("{name:<16} FAILED");
                eprintln!("{name}: {message}");
                all_agree = false;
            }
        }
    }
    if !measurements.is_empty() {
        let mean_log =
            measurements.iter().map(|m| m.ratio().ln()).sum::<f64>() / measurements.len() as f64;
        println!(
            "{:<16} {:>12} {:>12} {:>16.2}",
            "geometric mean",
            "",
            "",
            mean_log.exp()
        );
    }
    let _ = fs::remove_dir_all(&class_dir);
    if !all_agree {
        eprintln!("vm_vs_hotspot: some programs failed or printed different output (see above)");
    }
    Ok(all_agree)
}

/// The class names of the programs in `dir` (one `Name.java` each), sorted, that contain `filter`.
fn programs(dir: &Path, filter: Option<&str>) -> Result<Vec<String>, String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut names = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| format!("{}: {e}", dir.display()))?.path();
        if path.extension().is_some_and(|x| x == "java")
            && let Some(stem) = path.file_stem().and_then(|s| s.to_str())
            && filter.is_none_or(|f| stem.contains(f))
        {
            names.push(stem.to_owned());
        }
    }
    names.sort();
    Ok(names)
}

fn compile(source_dir: &Path, programs: &[String], class_dir: &Path) -> Result<(), String> {
    fs::create_dir_all(class_dir).map_err(|e| format!("{}: {e}", class_dir.display()))?;
    let output = Command::new("javac")
        .arg("-d")
        .arg(class_dir)
        .args(
            programs
                .iter()
                .map(|p| source_dir.join(format!("{p}.java"))),
        )
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run javac (scripts/setup installs JDK 17): {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "javac failed:\n{}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    Ok(())
}

/// Says what was run and where, so a table pasted elsewhere can be interpreted later.
fn print_setup(phantom: &Path, class_dir: &Path, n_runs: usize) {
    let args: Vec<String> = std::env::args().collect();
    println!("command: {}", args.join(" "));
    println!(
        "runs:    java -Xint -cp {dir} NAME  and  {phantom} run -cp {dir} NAME, \
         alternately, {n_runs} times each; median wall time",
        dir = class_dir.display(),
        phantom = phantom.display()
    );
    let n_cpus = std::thread::available_parallelism().map_or(0, |n| n.get());
    println!("machine: {} cpus, {}", n_cpus, std::env::consts::ARCH);
    // The load average tells a reader whether other work competed for the cores.
    if let Ok(load) = fs::read_to_string("/proc/loadavg") {
        println!("load:    {}", load.trim());
    }
    if let Ok(output) = Command::new("java").arg("-version").output() {
        let version = String::from_utf8_lossy(&output.stderr);
        if let Some(first) = version.lines().next() {
            println!("java:    {first}");
        }
    }
}

/// Runs `name` on both VMs `n_runs` times, interleaved so that a change in machine load
/// affects both alike, and returns the median times once every output matched HotSpot's.
fn measure(
    name: &str,
    phantom: &Path,
    class_dir: &Path,
    n_runs: usize,
) -> Result<Measurement, String> {
    let mut java_times = Vec::with_capacity(n_runs);
    let mut phantom_times = Vec::with_capacity(n_runs);
    let mut expected: Option<Vec<u8>> = None;
    for _ in 0..n_runs {
        let mut java = Command::new("java");
        java.arg("-Xint").arg("-cp").arg(class_dir).arg(name);
        let mut ours = Command::new(phantom);
        ours.arg("run").arg("-cp").arg(class_dir).arg(name);
        for (vm, command, times) in [
            ("java", &mut java, &mut java_times),
            ("phantom", &mut ours, &mut phantom_times),
        ] {
            let (output, elapsed) = timed(command).map_err(|e| format!("cannot run {vm}: {e}"))?;
            if !output.status.success() {
                return Err(format!(
                    "{vm} exited with {}\nstdout:\n{}stderr:\n{}",
                    output.status,
                    String::from_utf8_lossy(&output.stdout),
                    String::from_utf8_lossy(&output.stderr)
                ));
            }
            match &expected {
                None => expected = Some(output.stdout),
                Some(reference) if *reference != output.stdout => {
                    return Err(format!(
                        "OUTPUT DIFFERS: {vm} printed\n{}but java -Xint printed\n{}",
                        String::from_utf8_lossy(&output.stdout),
                        String::from_utf8_lossy(reference)
                    ));
                }
                Some(_) => {}
            }
            times.push(elapsed);
        }
    }
    Ok(Measurement {
        name: name.to_owned(),
        java: median(java_times),
        phantom: median(phantom_times),
    })
}

fn timed(command: &mut Command) -> std::io::Result<(Output, Duration)> {
    let start = Instant::now();
    let output = command.stdin(Stdio::null()).output()?;
    Ok((output, start.elapsed()))
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    let mid = times.len() / 2;
    if times.len().is_multiple_of(2) {
        (times[mid - 1] + times[mid]) / 2
    } else {
        times[mid]
    }
}
