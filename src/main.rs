//! The `phantom` command: runs Java programs on phantom's VM, checkpoints and resumes them,
//! and (as the node daemon) wires the VM, the transport and the balancer together.

mod host;
mod inspect;

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand};
use phantom_vm::checkpoint::{self, DEFAULT_MAX_BYTES};
use phantom_vm::{BootError, ClassPath, Config, Status, Vm};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(name = "phantom", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Print what this build of phantom runs on: architecture, byte order, pointer width.
    Info,
    /// Run a Java program, as `java` does.
    Run(RunArgs),
    /// Continue a process from a checkpoint file, to its end or to another checkpoint.
    Resume {
        /// The checkpoint file.
        file: PathBuf,
        /// Print statistics to stderr at the end (see `run --stats`).
        #[arg(long)]
        stats: bool,
        /// Stop again once the process has executed this many instructions in total (counted
        /// from its start, over all threads) and write a checkpoint to --checkpoint-out.
        #[arg(long, value_name = "N", requires = "checkpoint_out")]
        checkpoint_after: Option<u64>,
        /// Where --checkpoint-after writes the checkpoint.
        #[arg(long, value_name = "FILE", requires = "checkpoint_after")]
        checkpoint_out: Option<PathBuf>,
    },
    /// Print a readable summary of a checkpoint file.
    Inspect {
        /// The checkpoint file.
        file: PathBuf,
    },
}

#[derive(Debug, clap::Args)]
struct RunArgs {
    /// Directories and jar files to load classes from, separated by ':'.
    #[arg(
        long = "class-path",
        visible_alias = "cp",
        short = 'c',
        alias = "classpath",
        default_value = "."
    )]
    class_path: String,
    /// When the program ends, print to stderr the instructions executed, the garbage
    /// collections run and the peak resident memory.
    #[arg(long)]
    stats: bool,
    /// Execute exactly this many bytecode instructions (over all threads), write a checkpoint
    /// to --checkpoint-out and exit 0. A program that ends first ends as usual.
    #[arg(long, value_name = "N", requires = "checkpoint_out")]
    checkpoint_after: Option<u64>,
    /// Where --checkpoint-after writes the checkpoint.
    #[arg(long, value_name = "FILE", requires = "checkpoint_after")]
    checkpoint_out: Option<PathBuf>,
    /// Every N instructions, capture the process, encode it, throw the VM away, decode and
    /// restore it, and go on: a migration to the same host, over and over.
    #[arg(long, value_name = "N", conflicts_with = "checkpoint_after")]
    roundtrip_every: Option<u64>,
    /// The class whose `main` to run (dots or slashes).
    main_class: String,
    /// Arguments passed to `main`.
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    args: Vec<String>,
}

fn main() -> ExitCode {
    // `java` spells the class-path option `-cp`; accept that single-dash form too.
    let argv: Vec<String> = std::env::args()
        .map(|a| {
            if a == "-cp" || a == "-classpath" {
                "--class-path".to_string()
            } else {
                a
            }
        })
        .collect();
    let cli = Cli::parse_from(argv);
    let result = match cli.command {
        Command::Info => {
            print_info();
            Ok(0)
        }
        Command::Run(args) => run(args),
        Command::Resume {
            file,
            stats,
            checkpoint_after,
            checkpoint_out,
        } => resume(&file, stats, checkpoint_after.zip(checkpoint_out)),
        Command::Inspect { file } => inspect::print(&file).map(|_| 0),
    };
    match result {
        Ok(code) => ExitCode::from(code as u8),
        Err(e) => {
            eprintln!("phantom: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: RunArgs) -> Result<i32> {
    let class_path = ClassPath::parse(&args.class_path)?;
    let main_name = args.main_class.replace('/', ".");
    let started = Vm::new(
        class_path,
        Box::new(host::StdHost::new()),
        Config::default(),
    )
    .and_then(|mut vm| {
        vm.start_main(&args.main_class, &args.args)?;
        Ok(vm)
    });
    let mut vm = match started {
        Ok(vm) => vm,
        Err(BootError::Load(phantom_vm::class::LoadError::NoClassDefFound(_))) => {
            eprintln!("Error: Could not find or load main class {main_name}");
            eprintln!("Caused by: java.lang.ClassNotFoundException: {main_name}");
            return Ok(1);
        }
        Err(BootError::Load(e)) => {
            eprintln!("Error: LinkageError occurred while loading main class {main_name}");
            eprintln!("\t{}: {e}", e.java_class().replace('/', "."));
            return Ok(1);
        }
        Err(e @ BootError::NoMain(_)) => {
            eprintln!("{e}");
            return Ok(1);
        }
        Err(e) => return Err(e.into()),
    };
    if let (Some(n), Some(out)) = (args.checkpoint_after, &args.checkpoint_out) {
        return checkpoint_at(&mut vm, n, out);
    }
    if let Some(every) = args.roundtrip_every {
        if every == 0 {
            bail!("--roundtrip-every needs a period of at least 1 instruction");
        }
        loop {
            let target = vm.executed().saturating_add(every);
            if let Some(code) = run_until(&mut vm, target) {
                finish(&vm, args.stats);
                return Ok(code);
            }
            let c = vm.capture().context("capturing the process")?;
            let bytes = checkpoint::encode(&c);
            drop(vm);
            let decoded = checkpoint::decode(&bytes, DEFAULT_MAX_BYTES)?;
            vm = Vm::restore(&decoded, Box::new(host::StdHost::new()), Config::default())?;
        }
    }
    let code = run_to_end(&mut vm);
    finish(&vm, args.stats);
    Ok(code)
}

/// Runs until `n` instructions in total, then writes a checkpoint and returns 0; a program that
/// ends first returns its own status and writes nothing.
fn checkpoint_at(vm: &mut Vm, n: u64, out: &PathBuf) -> Result<i32> {
    match run_until(vm, n) {
        Some(code) => Ok(code),
        None => {
            let c = vm.capture().context("capturing the process")?;
            let bytes = checkpoint::encode(&c);
            std::fs::write(out, &bytes).with_context(|| format!("writing {}", out.display()))?;
            Ok(0)
        }
    }
}

fn resume(file: &PathBuf, stats: bool, stop: Option<(u64, PathBuf)>) -> Result<i32> {
    let bytes = std::fs::read(file).with_context(|| format!("reading {}", file.display()))?;
    let c = checkpoint::decode(&bytes, DEFAULT_MAX_BYTES)
        .with_context(|| format!("decoding {}", file.display()))?;
    let mut vm = Vm::restore(&c, Box::new(host::StdHost::new()), Config::default())
        .with_context(|| format!("restoring {}", file.display()))?;
    if let Some((n, out)) = stop {
        return checkpoint_at(&mut vm, n, &out);
    }
    let code = run_to_end(&mut vm);
    finish(&vm, stats);
    Ok(code)
}

/// Runs until the process has executed `target` instructions in total (returning `None`) or
/// ends first (returning its status).
fn run_until(vm: &mut Vm, target: u64) -> Option<i32> {
    loop {
        let left = target.saturating_sub(vm.executed());
        if left == 0 {
            return None;
        }
        match vm.run(left.min(1 << 20)) {
            Status::Running => {}
            Status::Exited(code) => return Some(code),
            Status::Idle { until } => idle(vm, until),
        }
    }
}

fn run_to_end(vm: &mut Vm) -> i32 {
    loop {
        match vm.run(1 << 20) {
            Status::Running => {}
            Status::Exited(code) => return code,
            Status::Idle { until } => idle(vm, until),
        }
    }
}

/// Every thread waits: sleep until the earliest deadline (or briefly, for input).
fn idle(vm: &Vm, until: Option<i64>) {
    let wait = until.map(|u| (u - vm.now()).max(0)).unwrap_or(1_000_000);
    std::thread::sleep(std::time::Duration::from_nanos(wait.min(50_000_000) as u64));
}

fn finish(vm: &Vm, stats: bool) {
    if stats {
        eprintln!(
            "phantom: {} instructions, {} collections, peak RSS {} KiB",
            vm.executed(),
            vm.rt.heap.collections,
            peak_rss_kib().map_or("unknown".to_string(), |k| k.to_string())
        );
    }
}

/// This process's peak resident set size, from /proc (Linux).
fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn print_info() {
    let endian = if u32::from_ne_bytes([1, 0, 0, 0]) == 1 {
        "little"
    } else {
        "big"
    };
    println!("phantom {}", env!("CARGO_PKG_VERSION"));
    println!("arch: {}", std::env::consts::ARCH);
    println!("byte order: {endian}");
    println!("pointer width: {}", usize::BITS);
}
