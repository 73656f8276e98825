//! Steady-state and whole-process times of phantom, with its JIT and without (`-Xint`), against
//! HotSpot with its JIT and without, on the compute programs in benches/jit, run with
//! `cargo bench --bench jit [FILTER]` (docs/benchmarks.md, "phantom's JIT against HotSpot").
//!
//! Each program takes its iteration count as its argument, times every iteration itself with
//! `System.nanoTime()` and prints `iteration I NANOS ns` to stderr, then one checksum line to
//! stdout. For every configuration the benchmark reports:
//!
//! - the steady-state time: the median over the last half of the iterations, when the JIT (if
//!   any) has warmed up;
//! - the whole-process time: the wall time of the command, start-up and warm-up included.
//!
//! Every configuration must print exactly what `java` prints, or the run fails, so a fast but
//! wrong VM cannot look good. All four run the same number of iterations
//! (`PHANTOM_BENCH_ITERATIONS`, default 10), so that their whole-process times are for the same
//! work. HotSpot's C2 needs more than five of these iterations to settle on two cores, so
//! `java`'s steady state comes from a second, longer run (`PHANTOM_BENCH_JAVA_ITERATIONS`,
//! default 40), whose stdout is checked too.

use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

/// The release binary: cargo builds the package's binaries with the bench profile (which
/// inherits `release`) before its benches.
const PHANTOM: &str = env!("CARGO_BIN_EXE_phantom");

const DEFAULT_ITERATIONS: usize = 10;
const DEFAULT_JAVA_ITERATIONS: usize = 40;

/// One way of running a program, in the order of the table's columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Config {
    Phantom,
    PhantomInt,
    JavaInt,
    Java,
}

impl Config {
    const ALL: [Self; 4] = [Self::Phantom, Self::PhantomInt, Self::JavaInt, Self::Java];

    fn label(self) -> &'static str {
        match self {
            Self::Phantom => "phantom",
            Self::PhantomInt => "phantom -Xint",
            Self::JavaInt => "java -Xint",
            Self::Java => "java",
        }
    }

    /// The command up to the class path; the main class and the iteration count follow.
    fn command(self, class_dir: &Path) -> Command {
        let mut command = match self {
            Self::Phantom | Self::PhantomInt => {
                let mut c = Command::new(PHANTOM);
                c.arg("run");
                c
            }
            Self::JavaInt | Self::Java => Command::new("java"),
        };
        if matches!(self, Self::PhantomInt | Self::JavaInt) {
            command.arg("-Xint");
        }
        command.arg("-cp").arg(class_dir);
        command
    }
}

/// What one configuration measured on one program.
#[derive(Debug, Clone, Copy)]
struct Times {
    steady: Duration,
    process: Duration,
}

/// One program's results, per configuration in `Config::ALL` order; `None` where it failed.
#[derive(Debug)]
struct Row {
    name: String,
    times: [Option<Times>; 4],
}

impl Row {
    fn get(&self, config: Config) -> Option<Times> {
        self.times[config as usize]
    }
}

/// How many iterations each run does.
#[derive(Debug, Clone, Copy)]
struct Counts {
    all: usize,
    java_steady: usize,
}

/// One run of a program: its stdout, the time of each iteration and the wall time.
#[derive(Debug)]
struct Run {
    stdout: Vec<u8>,
    iterations: Vec<Duration>,
    wall: Duration,
}

/// Removes the compiled classes when the benchmark ends, however it ends.
#[derive(Debug)]
struct TempDir(PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn main() -> ExitCode {
    match run() {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => {
            eprintln!("jit: some programs failed or printed different output (see above)");
            ExitCode::FAILURE
        }
        Err(message) => {
            eprintln!("jit: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Measures every selected program; returns whether every configuration ran every program and
/// printed what `java` printed.
fn run() -> Result<bool, String> {
    // `cargo bench` passes `--bench` (and may pass other flags) to harness-less benches; the
    // first argument that is not a flag is the name filter.
    let filter = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let counts = Counts {
        all: count_from_env("PHANTOM_BENCH_ITERATIONS", DEFAULT_ITERATIONS)?,
        java_steady: count_from_env("PHANTOM_BENCH_JAVA_ITERATIONS", DEFAULT_JAVA_ITERATIONS)?,
    };

    let source_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/jit");
    let programs = programs(&source_dir, filter.as_deref())?;
    if programs.is_empty() {
        return Err(format!(
            "no program in {} matches {:?}",
            source_dir.display(),
            filter.unwrap_or_default()
        ));
    }
    let class_dir =
        TempDir(Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("jit-{}", std::process::id())));
    compile(&source_dir, &programs, &class_dir.0)?;

    print_setup(&class_dir.0, counts);
    let started = Instant::now();
    let mut rows = Vec::new();
    let mut all_ok = true;
    for name in &programs {
        let program_started = Instant::now();
        let (row, ok) = measure(name, &class_dir.0, counts);
        eprintln!(
            "jit: {name} measured in {:.1} s{}",
            program_started.elapsed().as_secs_f64(),
            if ok { "" } else { ", with failures" }
        );
        all_ok &= ok;
        rows.push(row);
    }

    println!();
    println!(
        "steady state: ms per iteration, median of the last half of the iterations (ratio to java)"
    );
    print_table(
        &rows,
        |t| t.steady,
        |d| format!("{:.1}", d.as_secs_f64() * 1e3),
    );
    println!();
    println!("whole process: s, start-up and warm-up included (ratio to java)");
    print_table(&rows, |t| t.process, |d| format!("{:.2}", d.as_secs_f64()));
    println!();
    println!(
        "total {:.1} s, load average at the end {}",
        started.elapsed().as_secs_f64(),
        load_average()
    );
    Ok(all_ok)
}

fn count_from_env(var: &str, default: usize) -> Result<usize, String> {
    match std::env::var(var) {
        Ok(text) => text
            .trim()
            .parse::<usize>()
            .ok()
            .filter(|&n| n > 0)
            .ok_or_else(|| format!("{var} must be a positive integer, not {text:?}")),
        Err(_) => Ok(default),
    }
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
    // Class files of release 17, which is what phantom loads, whatever JDK compiles them.
    let output = Command::new("javac")
        .args(["--release", "17", "-d"])
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

/// Says what was run and where, so that a table pasted elsewhere can be interpreted later.
fn print_setup(class_dir: &Path, counts: Counts) {
    let args: Vec<String> = std::env::args().collect();
    println!("command: {}", args.join(" "));
    for config in Config::ALL {
        println!(
            "{:<14} {} NAME ITERATIONS",
            format!("{}:", config.label()),
            describe(&config.command(class_dir))
        );
    }
    if counts.java_steady > counts.all {
        println!(
            "iterations: {} per run; java's steady state from a second run of {}",
            counts.all, counts.java_steady
        );
    } else {
        println!("iterations: {} per run", counts.all);
    }
    let n_cpus = std::thread::available_parallelism().map_or(0, |n| n.get());
    println!(
        "machine: {n_cpus} cpus, {}, load average {}",
        std::env::consts::ARCH,
        load_average()
    );
    if let Ok(output) = Command::new("java").arg("-version").output() {
        let version = String::from_utf8_lossy(&output.stderr);
        for line in version.lines() {
            println!("java:    {line}");
        }
    }
}

/// A command line for people to read (arguments are not quoted for a shell).
fn describe(command: &Command) -> String {
    std::iter::once(command.get_program())
        .chain(command.get_args())
        .map(OsStr::to_string_lossy)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The one-minute load average (Linux), which says whether other work shared the CPUs.
fn load_average() -> String {
    fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(String::from))
        .unwrap_or_else(|| "unknown".to_string())
}

/// Runs `name` under every configuration. A failure is reported on stderr when it happens, and
/// that configuration's cells say "failed"; the flag says whether there were none.
fn measure(name: &str, class_dir: &Path, counts: Counts) -> (Row, bool) {
    let mut row = Row {
        name: name.to_owned(),
        times: [None; 4],
    };
    // `java` runs first: its stdout is what every other run must print.
    let reference = match run_program(Config::Java, name, class_dir, counts.all) {
        Ok(run) => run,
        Err(message) => {
            eprintln!("{name} under java: {message}");
            return (row, false);
        }
    };
    let mut ok = true;
    let mut check = |config: Config, iterations: usize| {
        let run = run_program(config, name, class_dir, iterations).and_then(|run| {
            if run.stdout == reference.stdout {
                Ok(run)
            } else {
                Err(format!(
                    "OUTPUT DIFFERS: printed\n{}but java printed\n{}",
                    String::from_utf8_lossy(&run.stdout),
                    String::from_utf8_lossy(&reference.stdout)
                ))
            }
        });
        if let Err(message) = &run {
            eprintln!("{name} under {}: {message}", config.label());
            ok = false;
        }
        run.ok()
    };

    let java_steady = if counts.java_steady > counts.all {
        check(Config::Java, counts.java_steady).map(|run| steady(&run.iterations))
    } else {
        Some(steady(&reference.iterations))
    };
    row.times[Config::Java as usize] = java_steady.map(|steady| Times {
        steady,
        process: reference.wall,
    });
    for config in [Config::JavaInt, Config::PhantomInt, Config::Phantom] {
        row.times[config as usize] = check(config, counts.all).map(|run| Times {
            steady: steady(&run.iterations),
            process: run.wall,
        });
    }
    (row, ok)
}

fn run_program(
    config: Config,
    name: &str,
    class_dir: &Path,
    iterations: usize,
) -> Result<Run, String> {
    let mut command = config.command(class_dir);
    command
        .arg(name)
        .arg(iterations.to_string())
        .stdin(Stdio::null());
    let start = Instant::now();
    let output = command
        .output()
        .map_err(|e| format!("cannot run {}: {e}", describe(&command)))?;
    let wall = start.elapsed();
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() {
        return Err(format!(
            "{} exited with {}\nstdout:\n{}stderr:\n{stderr}",
            describe(&command),
            output.status,
            String::from_utf8_lossy(&output.stdout),
        ));
    }
    let times = iteration_times(&stderr)?;
    if times.len() != iterations {
        return Err(format!(
            "{} printed {} iteration times, not {iterations}",
            describe(&command),
            times.len()
        ));
    }
    Ok(Run {
        stdout: output.stdout,
        iterations: times,
        wall,
    })
}

/// The times of the `iteration I NANOS ns` lines, which must come in order from 0. Other lines
/// (a VM's own diagnostics, say) are not the program's and are skipped.
fn iteration_times(stderr: &str) -> Result<Vec<Duration>, String> {
    let mut times = Vec::new();
    for line in stderr.lines() {
        let Some(rest) = line.strip_prefix("iteration ") else {
            continue;
        };
        let fields: Vec<&str> = rest.split_whitespace().collect();
        let nanos = match fields.as_slice() {
            [index, nanos, "ns"] if index.parse::<usize>() == Ok(times.len()) => {
                nanos.parse::<u64>().ok()
            }
            _ => None,
        };
        let nanos = nanos.ok_or_else(|| format!("unexpected line on stderr: {line:?}"))?;
        times.push(Duration::from_nanos(nanos));
    }
    Ok(times)
}

/// The median of the last half of the iterations (all of them if there is only one).
fn steady(iterations: &[Duration]) -> Duration {
    let mut tail = iterations[iterations.len() / 2..].to_vec();
    tail.sort();
    let mid = tail.len() / 2;
    if tail.len().is_multiple_of(2) {
        (tail[mid - 1] + tail[mid]) / 2
    } else {
        tail[mid]
    }
}

/// One table: per program a time for each configuration with its ratio to `java`, then the
/// geometric mean of each configuration's ratios.
fn print_table(rows: &[Row], pick: fn(&Times) -> Duration, show: fn(Duration) -> String) {
    let ratio = |row: &Row, config: Config| -> Option<f64> {
        let java = pick(&row.get(Config::Java)?).as_secs_f64();
        Some(pick(&row.get(config)?).as_secs_f64() / java)
    };
    print_line("program", Config::ALL.map(|c| c.label().to_string()));
    for row in rows {
        print_line(
            &row.name,
            Config::ALL.map(|config| match (row.get(config), ratio(row, config)) {
                (Some(t), Some(r)) if config != Config::Java => {
                    format!("{} ({r:.2})", show(pick(&t)))
                }
                (Some(t), _) => show(pick(&t)),
                (None, _) => "failed".to_string(),
            }),
        );
    }
    let mut partial = Vec::new();
    let means = Config::ALL.map(|config| {
        let logs: Vec<f64> = rows
            .iter()
            .filter_map(|row| ratio(row, config))
            .map(f64::ln)
            .collect();
        if config == Config::Java || logs.is_empty() {
            return String::new();
        }
        if logs.len() < rows.len() {
            partial.push(format!("{} over {}", config.label(), logs.len()));
        }
        format!(
            "({:.2})",
            (logs.iter().sum::<f64>() / logs.len() as f64).exp()
        )
    });
    print_line("geometric mean", means);
    if !partial.is_empty() {
        println!(
            "(geometric means of {} of the {} programs: the others failed)",
            partial.join(", "),
            rows.len()
        );
    }
}

/// A table line: the program's name, then one right-aligned cell per configuration.
fn print_line(name: &str, cells: [String; 4]) {
    let mut line = format!("{name:<14}");
    for cell in cells {
        line.push_str(&format!("{cell:>20}"));
    }
    println!("{}", line.trim_end());
}
