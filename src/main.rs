//! The `phantom` command: runs Java programs on phantom's VM and, as a node daemon, wires the
//! VM, the transport and the balancer together.

mod host;

use anyhow::Result;
use clap::{Parser, Subcommand};
use phantom_vm::{BootError, ClassPath, Config, Status, Vm};
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
    match cli.command {
        Command::Info => {
            print_info();
            ExitCode::SUCCESS
        }
        Command::Run(args) => match run(args) {
            Ok(code) => ExitCode::from(code as u8),
            Err(e) => {
                eprintln!("phantom: {e:#}");
                ExitCode::FAILURE
            }
        },
    }
}

fn run(args: RunArgs) -> Result<i32> {
    let class_path = ClassPath::parse(&args.class_path)?;
    let host = Box::new(host::StdHost::new());
    let main_name = args.main_class.replace('/', ".");
    let started = Vm::new(class_path, host, Config::default()).and_then(|mut vm| {
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
    loop {
        match vm.run(1 << 20) {
            Status::Running => {}
            Status::Exited(code) => {
                if args.stats {
                    eprintln!(
                        "phantom: {} instructions, {} collections, peak RSS {} KiB",
                        vm.executed(),
                        vm.rt.heap.collections,
                        peak_rss_kib().map_or("unknown".to_string(), |k| k.to_string())
                    );
                }
                return Ok(code);
            }
            Status::Idle { until } => {
                let now = vm.now();
                let wait = until.map(|u| (u - now).max(0)).unwrap_or(1_000_000);
                std::thread::sleep(std::time::Duration::from_nanos(wait.min(50_000_000) as u64));
            }
        }
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
