//! The `phantom` command: runs Java programs on phantom's VM, checkpoints and resumes them,
//! and (as the node daemon) wires the VM, the transport and the balancer together.

mod address;
mod check;
mod client;
mod files;
mod host;
mod init;
mod inspect;
mod launcher;
mod node;
mod progress;
mod via;

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand};
use phantom_transport::control::JobAction;
use phantom_vm::checkpoint::{self, DEFAULT_MAX_BYTES};
use phantom_vm::{BootError, ClassPath, Config, Status, Vm};
use std::net::SocketAddr;
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
    /// Run a Java program, as `java` does: `phantom run [options] MAINCLASS [args...]` or
    /// `phantom run [options] -jar FILE [args...]`; `phantom run --help` lists the options.
    #[command(disable_help_flag = true, disable_version_flag = true)]
    Run {
        /// `java`'s options and phantom's own, the main class (or `-jar FILE`), and the
        /// program's arguments, which reach it verbatim.
        #[arg(trailing_var_arg = true, allow_hyphen_values = true, num_args = 0..)]
        words: Vec<String>,
    },
    /// Continue a process from a checkpoint file, to its end or to another checkpoint.
    Resume {
        /// The checkpoint file.
        file: PathBuf,
        /// Print statistics to stderr at the end (see `run --stats`).
        #[arg(long)]
        stats: bool,
        #[command(flatten)]
        jit: JitArgs,
        /// Stop again once the process has executed this many instructions in total (counted
        /// from its start, over all threads) and write a checkpoint to --checkpoint-out.
        #[arg(long, value_name = "N", requires = "checkpoint_out")]
        checkpoint_after: Option<u64>,
        /// Where --checkpoint-after writes the checkpoint.
        #[arg(long, value_name = "FILE", requires = "checkpoint_after")]
        checkpoint_out: Option<PathBuf>,
    },
    /// List the JDK classes and members an application references that phantom's class
    /// library lacks (exit status 1 if any).
    Check {
        /// Directories and jar files of the application, separated by ':'.
        #[arg(
            long = "class-path",
            visible_alias = "cp",
            short = 'c',
            alias = "classpath",
            default_value = "."
        )]
        class_path: String,
    },
    /// Print a readable summary of a checkpoint file.
    Inspect {
        /// The checkpoint file.
        file: PathBuf,
    },
    /// Run a node of a cluster: a daemon that runs processes and moves them between hosts.
    Node {
        /// The node's configuration file (docs/node.md).
        #[arg(long)]
        config: PathBuf,
    },
    /// Run a Java program on a cluster, printing its output wherever it runs.
    Submit {
        #[command(flatten)]
        at: Via,
        /// Directories and jar files of the program, separated by ':'; every class in them
        /// is sent.
        #[arg(
            long = "class-path",
            visible_alias = "cp",
            short = 'c',
            alias = "classpath",
            default_value = "."
        )]
        class_path: String,
        /// A label the balancer's rules can match.
        #[arg(long)]
        label: Option<String>,
        /// Print to stderr, prefixed `phantom:`, where the process runs each time it moves.
        #[arg(long)]
        show_moves: bool,
        /// Print the job's id and return at once; the job runs on (see `logs`, `wait`).
        #[arg(long, short = 'd')]
        detach: bool,
        /// The directory the program's files are relative to and confined to, on the node
        /// submitted to (its home); this command's working directory by default.
        #[arg(long)]
        workdir: Option<PathBuf>,
        /// The class whose `main` to run.
        main_class: String,
        /// Arguments passed to `main`.
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// Move a running process to another node and report how long it was frozen.
    Migrate {
        #[command(flatten)]
        at: Via,
        /// The process's id (as `ps` shows it).
        id: String,
        /// The name of the node to move it to.
        #[arg(long)]
        to: String,
    },
    /// List the cluster's jobs, running and recently ended: id, main class, node,
    /// architecture, state, instructions executed, migrations, home and exit status.
    Ps {
        #[command(flatten)]
        at: Via,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Print a job's output from its start, at any time, also after it ended.
    Logs {
        #[command(flatten)]
        at: Via,
        /// Go on printing until the job ends, and exit with its status.
        #[arg(long, short = 'f')]
        follow: bool,
        /// The job's id.
        id: String,
    },
    /// Wait until a job ends, and exit with its exit status.
    Wait {
        #[command(flatten)]
        at: Via,
        /// The job's id.
        id: String,
    },
    /// Show a job's state: where it runs, migrations, restarts, instructions, times and, once
    /// it ended, its exit status and why.
    Status {
        #[command(flatten)]
        at: Via,
        /// Print JSON.
        #[arg(long)]
        json: bool,
        /// The job's id.
        id: String,
    },
    /// End a job (exit status 137).
    Kill {
        #[command(flatten)]
        at: Via,
        /// The job's id.
        id: String,
    },
    /// Freeze a job where it runs, until `release`.
    Hold {
        #[command(flatten)]
        at: Via,
        /// The job's id.
        id: String,
    },
    /// Let a held job go on.
    Release {
        #[command(flatten)]
        at: Via,
        /// The job's id.
        id: String,
    },
    /// Checkpoint a job to its home now.
    Checkpoint {
        #[command(flatten)]
        at: Via,
        /// The job's id.
        id: String,
    },
    /// Stop a node gracefully, as SIGTERM does: it moves its jobs to peers (or checkpoints
    /// them home) and exits.
    Drain {
        #[command(flatten)]
        at: Via,
        /// The name of the node to stop.
        name: String,
    },
    /// List the cluster's nodes: architecture, cores, measured speed, load, labels, jobs,
    /// and whether each answered.
    Nodes {
        #[command(flatten)]
        at: Via,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Cluster set-up.
    #[command(subcommand)]
    Cluster(ClusterCommand),
    /// Run the balancer on a scenario in a deterministic simulation, next to two baselines.
    Simulate {
        /// The scenario file (docs/simulator.md).
        scenario: PathBuf,
    },
    /// Print a completion script for a shell: bash, zsh, fish, elvish or powershell.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Write the man pages, phantom(1) and one per command (phantom-submit(1), ...), into a
    /// folder.
    Man {
        /// The folder (created if missing).
        #[arg(long, default_value = ".")]
        out: PathBuf,
    },
}

/// The node a client command asks, and the client's certificate.
#[derive(Debug, Clone, clap::Args)]
struct Via {
    /// A node's address, HOST:PORT (any node of the cluster); see docs/node.md for where it is
    /// found when not given.
    #[arg(long, env = "PHANTOM_NODE", value_name = "HOST:PORT")]
    node: Option<String>,
    /// The folder with the cluster's CA and client certificate (`phantom cluster init`);
    /// `./cluster` when not given.
    #[arg(long, env = "PHANTOM_CLUSTER", value_name = "DIR")]
    cluster: Option<PathBuf>,
}

impl Via {
    /// The node's address and the cluster folder.
    fn resolve(&self) -> Result<(SocketAddr, PathBuf)> {
        via::resolve(self.node.as_deref(), self.cluster.as_deref())
    }
}

#[derive(Debug, Subcommand)]
enum ClusterCommand {
    /// Create a cluster CA, the certificates of its nodes and of its client, and the files that
    /// start it on one machine: a node file per node, the client's defaults and a policy.
    Init {
        /// The folder to write them to.
        #[arg(long)]
        out: PathBuf,
        /// The nodes' names, separated by commas.
        #[arg(long, value_delimiter = ',', required = true)]
        nodes: Vec<String>,
        /// The host the nodes listen on and are reached at, in the node files.
        #[arg(long, default_value = "127.0.0.1")]
        host: String,
        /// The first node's QUIC port; the others get the next ones.
        #[arg(long, default_value_t = 7001)]
        port: u16,
        /// The first node's status page port; the others get the next ones.
        #[arg(long, default_value_t = 8001)]
        http_port: u16,
        /// Write node files without status pages.
        #[arg(long)]
        no_http: bool,
    },
}

/// The compiler's switches, shared by `run` and `resume`.
#[derive(Debug, Clone, clap::Args)]
struct JitArgs {
    /// Interpret only, as `java -Xint` does: never compile hot methods to native code.
    /// Output and checkpoints are the same either way; only speed differs.
    #[arg(long = "xint", visible_alias = "Xint")]
    xint: bool,
    /// Calls plus backward branches after which a method is compiled (1 compiles nearly
    /// everything at once, as the tests do).
    #[arg(long, value_name = "N", env = "PHANTOM_JIT_THRESHOLD", value_parser = clap::value_parser!(u32).range(1..))]
    jit_threshold: Option<u32>,
}

impl JitArgs {
    fn config(&self) -> Config {
        let mut config = Config::default();
        config.jit.enabled = !self.xint;
        if let Some(n) = self.jit_threshold {
            config.jit.threshold = n;
        }
        config
    }
}

/// `java` spells the class-path option `-cp` and interpretation `-Xint`: the other commands
/// accept those single-dash forms too (`run` reads its own command line, as `java` does). For
/// `submit`, only its own options are rewritten: everything from the main class on is the
/// program's, verbatim.
fn java_spellings(words: Vec<String>) -> Vec<String> {
    let command = words.get(1).cloned().unwrap_or_default();
    if command == "run" {
        return words;
    }
    // The options of `submit` that take a value, in the forms that may be written apart.
    const VALUED: &[&str] = &[
        "--node",
        "--cluster",
        "--class-path",
        "--cp",
        "--classpath",
        "-c",
        "-cp",
        "-classpath",
        "--label",
        "--workdir",
    ];
    let mut out = Vec::with_capacity(words.len());
    let mut program_from: Option<usize> = None;
    let mut value_next = false;
    for (i, w) in words.into_iter().enumerate() {
        if i < 2 || program_from.is_some() || value_next {
            value_next = false;
            out.push(w);
            continue;
        }
        if command == "submit" {
            if VALUED.contains(&w.as_str()) {
                value_next = true;
            } else if !w.starts_with('-') {
                program_from = Some(i);
            }
        }
        out.push(match w.as_str() {
            "-cp" | "-classpath" => "--class-path".to_string(),
            "-Xint" => "--xint".to_string(),
            _ => w,
        });
    }
    out
}

fn main() -> ExitCode {
    let argv = java_spellings(std::env::args().collect());
    let cli = Cli::parse_from(argv);
    let result = match cli.command {
        Command::Info => {
            print_info();
            Ok(0)
        }
        Command::Run { words } => run(&words),
        Command::Resume {
            file,
            stats,
            jit,
            checkpoint_after,
            checkpoint_out,
        } => resume(&file, stats, &jit, checkpoint_after.zip(checkpoint_out)),
        Command::Inspect { file } => inspect::print(&file).map(|_| 0),
        Command::Check { class_path } => check::run(&class_path),
        Command::Node { config } => node::run(&config),
        Command::Submit {
            at,
            class_path,
            label,
            show_moves,
            detach,
            workdir,
            main_class,
            args,
        } => at.resolve().and_then(|(node, cluster)| {
            client::submit(
                node,
                &cluster,
                &class_path,
                &main_class,
                &args,
                client::Options {
                    label,
                    show_moves,
                    workdir,
                    detach,
                },
            )
        }),
        Command::Migrate { at, id, to } => at
            .resolve()
            .and_then(|(node, cluster)| client::migrate(node, &cluster, &id, &to)),
        Command::Ps { at, json } => at
            .resolve()
            .and_then(|(node, cluster)| client::ps(node, &cluster, json)),
        Command::Logs { at, follow, id } => at
            .resolve()
            .and_then(|(node, cluster)| client::logs(node, &cluster, &id, follow)),
        Command::Wait { at, id } => at
            .resolve()
            .and_then(|(node, cluster)| client::wait(node, &cluster, &id)),
        Command::Status { at, json, id } => at
            .resolve()
            .and_then(|(node, cluster)| client::job(node, &cluster, &id, JobAction::Status, json)),
        Command::Kill { at, id } => at
            .resolve()
            .and_then(|(node, cluster)| client::job(node, &cluster, &id, JobAction::Kill, false)),
        Command::Hold { at, id } => at
            .resolve()
            .and_then(|(node, cluster)| client::job(node, &cluster, &id, JobAction::Hold, false)),
        Command::Release { at, id } => at.resolve().and_then(|(node, cluster)| {
            client::job(node, &cluster, &id, JobAction::Release, false)
        }),
        Command::Checkpoint { at, id } => at.resolve().and_then(|(node, cluster)| {
            client::job(node, &cluster, &id, JobAction::Checkpoint, false)
        }),
        Command::Nodes { at, json } => at
            .resolve()
            .and_then(|(node, cluster)| client::nodes(node, &cluster, json)),
        Command::Drain { at, name } => at
            .resolve()
            .and_then(|(node, cluster)| client::drain(node, &cluster, &name)),
        Command::Cluster(ClusterCommand::Init {
            out,
            nodes,
            host,
            port,
            http_port,
            no_http,
        }) => init::run(
            &out,
            &nodes,
            &init::Layout {
                host,
                port,
                http_port: (!no_http).then_some(http_port),
            },
        ),
        Command::Completions { shell } => {
            let mut command = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut command, "phantom", &mut std::io::stdout());
            Ok(0)
        }
        Command::Man { out } => man_pages(&out),
        Command::Simulate { scenario } => phantom_balancer::simulate_file(&scenario)
            .map(|report| {
                print!("{report}");
                0
            })
            .map_err(|e| anyhow::anyhow!("{e}")),
    };
    match result {
        Ok(code) => ExitCode::from(code as u8),
        Err(e) => {
            eprintln!("phantom: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(words: &[String]) -> Result<i32> {
    use launcher::{Parsed, Stream};
    let args = match launcher::parse(words, &|k| std::env::var(k).ok()) {
        Parsed::Run(launch) => *launch,
        Parsed::Exit(e) => {
            print!("{}", e.stdout);
            eprint!("{}", e.stderr);
            return Ok(e.code);
        }
    };
    for note in &args.notes {
        eprintln!("{note}");
    }
    match args.show_version {
        Some(Stream::Out) => print!("{}", launcher::version_text()),
        Some(Stream::Err) => eprint!("{}", launcher::version_text()),
        None => {}
    }
    let own = &args.own;
    if own.checkpoint_after.is_some() != own.checkpoint_out.is_some() {
        bail!("--checkpoint-after and --checkpoint-out go together");
    }
    if own.roundtrip_every.is_some() && own.checkpoint_after.is_some() {
        bail!("--roundtrip-every and --checkpoint-after cannot be used together");
    }
    let tests = [
        own.roundtrip_every.is_some(),
        own.checkpoint_after.is_some(),
        own.dirty_audit_every.is_some(),
        own.precopy_every.is_some(),
    ];
    if tests.iter().filter(|&&on| on).count() > 1 {
        bail!(
            "--roundtrip-every, --checkpoint-after, --dirty-audit-every and --precopy-every each run alone"
        );
    }
    let class_path = ClassPath::parse(&args.class_path)?;
    let mut config = JitArgs {
        xint: own.xint,
        jit_threshold: own.jit_threshold.or_else(|| {
            std::env::var("PHANTOM_JIT_THRESHOLD")
                .ok()
                .and_then(|v| v.parse().ok())
                .filter(|&n| n > 0)
        }),
    }
    .config();
    if let Some(bytes) = args.max_heap {
        config.max_heap = usize::try_from(bytes).unwrap_or(usize::MAX);
    }
    config.env = std::env::vars_os()
        .map(|(k, v)| {
            (
                k.to_string_lossy().into_owned(),
                v.to_string_lossy().into_owned(),
            )
        })
        .collect();
    let cwd = std::env::current_dir()
        .map(|d| d.to_string_lossy().into_owned())
        .unwrap_or_else(|_| "/".to_string());
    config.properties = launcher::host_properties(&cwd, &config.env, &args.class_path);
    config.properties.extend(args.properties.iter().cloned());
    config.assertions = args.assertions.clone();
    let (stats, checkpoint_after, checkpoint_out, roundtrip_every, dirty_audit_every) = (
        own.stats,
        own.checkpoint_after,
        own.checkpoint_out.clone(),
        own.roundtrip_every,
        own.dirty_audit_every,
    );
    let precopy_every = own.precopy_every;
    let started =
        Vm::new(class_path, Box::new(host::StdHost::new()), config.clone()).and_then(|mut vm| {
            vm.start_main(&args.main_class, &args.args)?;
            Ok(vm)
        });
    let mut vm = match started {
        Ok(vm) => vm,
        Err(BootError::OutOfMemory) => return Err(BootError::OutOfMemory.into()),
        Err(e) => {
            eprintln!("{}", launch_error(&e, &args.main_class));
            return Ok(1);
        }
    };
    if let (Some(n), Some(out)) = (checkpoint_after, &checkpoint_out) {
        return checkpoint_at(&mut vm, n, out);
    }
    if let Some(every) = roundtrip_every {
        if every == 0 {
            bail!("--roundtrip-every needs a period of at least 1 instruction");
        }
        loop {
            let target = vm.executed().saturating_add(every);
            if let Some(code) = run_until(&mut vm, target) {
                finish(&vm, stats);
                return Ok(code);
            }
            let c = vm.capture().context("capturing the process")?;
            let bytes = checkpoint::encode(&c);
            drop(vm);
            let decoded = checkpoint::decode(&bytes, DEFAULT_MAX_BYTES)?;
            vm = Vm::restore(&decoded, Box::new(host::StdHost::new()), config.clone())?;
        }
    }
    if let Some(every) = dirty_audit_every {
        return Ok(dirty_audit(&mut vm, every, stats));
    }
    if let Some(every) = precopy_every {
        return precopy_check(vm, every, &config, stats);
    }
    let mut status = own.stats_every_ms.map(|ms| StatusLine::new(ms, &vm));
    let code = run_to_end(&mut vm, status.as_mut());
    finish(&vm, stats);
    Ok(code)
}

/// What `java` prints when a program cannot start (the process then exits 1).
pub(crate) fn launch_error(e: &BootError, main_class: &str) -> String {
    let main_name = main_class.replace('/', ".");
    match e {
        BootError::Load(phantom_vm::class::LoadError::NoClassDefFound(_)) => format!(
            "Error: Could not find or load main class {main_name}\nCaused by: java.lang.ClassNotFoundException: {main_name}"
        ),
        BootError::Load(e) => format!(
            "Error: LinkageError occurred while loading main class {main_name}\n\t{}: {e}",
            e.java_class().replace('/', ".")
        ),
        other => other.to_string(),
    }
}

/// The SHA-256 of some bytes.
pub(crate) fn sha256(bytes: &[u8]) -> [u8; 32] {
    use sha2::Digest;
    sha2::Sha256::digest(bytes).into()
}

/// A file's size, 0 when unknown.
fn file_len(file: &std::path::Path) -> u64 {
    std::fs::metadata(file).map_or(0, |m| m.len())
}

/// Writes phantom(1) and a page per command into `out`.
fn man_pages(out: &std::path::Path) -> Result<i32> {
    std::fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))?;
    let command = <Cli as clap::CommandFactory>::command();
    clap_mangen::generate_to(command, out)
        .with_context(|| format!("writing man pages into {}", out.display()))?;
    let mut pages: Vec<_> = std::fs::read_dir(out)?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("phantom") && n.ends_with(".1"))
        .collect();
    pages.sort();
    println!("{}: {}", out.display(), pages.join(" "));
    Ok(0)
}

/// Runs the program to its end through pre-copy sessions (`--precopy-every`): every `every`
/// instructions the next piece of the session goes to a copy being staged beside the process;
/// after three rounds the process freezes, the last pieces finish the copy, and the copy, which
/// must capture exactly as the process does, runs on in its place (and is copied the same way).
/// A difference is printed and ends the run with status 70.
fn precopy_check(mut vm: Vm, every: u64, config: &Config, stats: bool) -> Result<i32> {
    use phantom_vm::checkpoint::stage::Staging;
    /// Bytes of heap records per piece: small, so rounds and large arrays span pieces.
    const PIECE: usize = 64 << 10;
    /// Sends a piece through its encoding, keeping the bytes.
    fn send(
        staging: &mut Staging,
        piece: &checkpoint::v1::Piece,
        sent: &mut Vec<Vec<u8>>,
    ) -> Result<()> {
        let bytes = checkpoint::encode_piece(piece);
        let decoded = checkpoint::decode_piece(&bytes, DEFAULT_MAX_BYTES)?;
        sent.push(bytes);
        staging
            .apply(decoded)
            .with_context(|| format!("staging piece {}", piece.seq))
    }
    // PHANTOM_PRECOPY_DUMP=DIR keeps each session's pieces, one file per session holding each
    // piece's length (4 bytes, little-endian) and bytes in turn: seeds for the fuzzer (ci/fuzz).
    let dump = std::env::var_os("PHANTOM_PRECOPY_DUMP").map(PathBuf::from);
    /// The capture with the clock and the times of waiting threads left out: they are the
    /// moment of each capture, and relative to it.
    fn timeless(vm: &mut Vm) -> Result<checkpoint::v1::Checkpoint> {
        use checkpoint::v1::ThreadState;
        let mut c = vm.capture().context("capturing the process")?;
        c.clock = 0;
        for t in &mut c.threads {
            match &mut t.state {
                ThreadState::Sleeping { left } => *left = 0,
                ThreadState::Waiting { left, .. } => *left = left.map(|_| 0),
                _ => {}
            }
        }
        Ok(c)
    }
    for session in 1u64.. {
        let mut id = [0u8; 16];
        id[..8].copy_from_slice(&session.to_le_bytes());
        let mut tracker = vm.precopy_start(id);
        let mut staging = Staging::new(Box::new(host::StdHost::new()), config.clone());
        let mut sent = Vec::new();
        let mut rounds = 0;
        while rounds < 3 {
            let target = vm.executed().saturating_add(every);
            if let Some(code) = run_until(&mut vm, target) {
                finish(&vm, stats);
                return Ok(code);
            }
            let piece = vm.precopy_piece(&mut tracker, PIECE)?;
            send(&mut staging, &piece, &mut sent)?;
            rounds += u32::from(tracker.round_done());
        }
        for piece in vm.precopy_final(&mut tracker, PIECE)? {
            send(&mut staging, &piece, &mut sent)?;
        }
        if let Some(dir) = &dump {
            let mut bytes = Vec::new();
            for p in &sent {
                bytes.extend((p.len() as u32).to_le_bytes());
                bytes.extend_from_slice(p);
            }
            let file = dir.join(format!("session-{session}.pieces"));
            std::fs::write(&file, bytes).with_context(|| format!("writing {}", file.display()))?;
        }
        let mut staged = staging
            .finish(true)
            .context("finishing the staged process")?;
        let (want, got) = (timeless(&mut vm)?, timeless(&mut staged)?);
        if want != got {
            let parts = [
                ("classes", want.classes != got.classes),
                ("call sites", want.sites != got.sites),
                ("heap", want.heap != got.heap),
                ("interned strings", want.interned != got.interned),
                ("threads", want.threads != got.threads),
                ("monitors", want.monitors != got.monitors),
                ("files", want.files != got.files),
            ];
            let differ: Vec<&str> = parts.iter().filter(|p| p.1).map(|p| p.0).collect();
            eprintln!(
                "phantom: pre-copy session {session} built a process that differs from the source at instruction {}: {}",
                vm.executed(),
                if differ.is_empty() {
                    "counters".to_string()
                } else {
                    differ.join(", ")
                }
            );
            return Ok(70);
        }
        vm = staged;
    }
    unreachable!("sessions are counted by u64")
}

/// Runs the program to its end, checking every `every` instructions that the heap's dirty
/// record shows every change since the last check (`--dirty-audit-every`); a miss is printed
/// and ends the run with status 70.
fn dirty_audit(vm: &mut Vm, every: u64, stats: bool) -> i32 {
    use phantom_vm::heap::audit::Snapshot;
    // Compiled code marks only when asked to; each snapshot follows a collection, as a capture
    // does, so it copies only live objects.
    vm.track_dirty(true);
    loop {
        vm.collect_garbage();
        let snapshot = Snapshot::take(&mut vm.rt.heap);
        let target = vm.executed().saturating_add(every);
        let ended = run_until(vm, target);
        let missed = snapshot.unmarked(&vm.rt.heap, 10);
        if !missed.is_empty() {
            eprintln!(
                "phantom: the dirty record missed changes before instruction {}:",
                vm.executed()
            );
            for m in missed {
                eprintln!("  {m}");
            }
            return 70;
        }
        if let Some(code) = ended {
            finish(vm, stats);
            return code;
        }
    }
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

fn resume(
    file: &std::path::Path,
    stats: bool,
    jit: &JitArgs,
    stop: Option<(u64, PathBuf)>,
) -> Result<i32> {
    let progress = progress::Progress::bytes("reading", file_len(file));
    let bytes = progress
        .read_file(file)
        .with_context(|| format!("reading {}", file.display()))?;
    progress.stage("decoding");
    let c = checkpoint::decode(&bytes, DEFAULT_MAX_BYTES)
        .with_context(|| format!("decoding {}", file.display()))?;
    progress.stage("restoring");
    let mut vm = Vm::restore(&c, Box::new(host::StdHost::new()), jit.config())
        .with_context(|| format!("restoring {}", file.display()))?;
    progress.done();
    if let Some((n, out)) = stop {
        return checkpoint_at(&mut vm, n, &out);
    }
    let code = run_to_end(&mut vm, None);
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

fn run_to_end(vm: &mut Vm, mut status: Option<&mut StatusLine>) -> i32 {
    loop {
        if let Some(s) = status.as_deref_mut() {
            s.tick(vm);
        }
        match vm.run(1 << 20) {
            Status::Running => {}
            Status::Exited(code) => return code,
            Status::Idle { until } => idle(vm, until),
        }
    }
}

/// `--stats-every`: a line on stderr every period while the program runs.
#[derive(Debug)]
struct StatusLine {
    every: std::time::Duration,
    started: std::time::Instant,
    next: std::time::Instant,
    last: (std::time::Instant, u64),
}

impl StatusLine {
    fn new(every_ms: u64, vm: &Vm) -> StatusLine {
        let now = std::time::Instant::now();
        let every = std::time::Duration::from_millis(every_ms);
        StatusLine {
            every,
            started: now,
            next: now + every,
            last: (now, vm.executed()),
        }
    }

    fn tick(&mut self, vm: &Vm) {
        let now = std::time::Instant::now();
        if now < self.next {
            return;
        }
        self.next = now + self.every;
        let executed = vm.executed();
        let rate = executed.saturating_sub(self.last.1) as f64
            / (now - self.last.0).as_secs_f64().max(1e-9);
        self.last = (now, executed);
        let j = vm.jit_stats();
        eprintln!(
            "phantom: {:.1} s: {executed} instructions ({:.1} M/s), {} collections, heap {} KiB live, {} methods compiled",
            (now - self.started).as_secs_f64(),
            rate / 1e6,
            vm.rt.heap.collections,
            vm.rt.heap.live_bytes() / 1024,
            j.compiled
        );
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
        let j = vm.jit_stats();
        eprintln!(
            "phantom: jit: {} methods compiled ({} bytecodes, {} bytes of code) in {} ms, {} declined, {} entries, {} flushes",
            j.compiled,
            j.insns,
            j.code_bytes,
            j.compile_nanos / 1_000_000,
            j.declined,
            j.entries,
            j.flushes
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

#[cfg(test)]
mod tests {
    use super::java_spellings;

    fn words(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn java_spellings_stop_at_a_submitted_programs_arguments() {
        assert_eq!(
            java_spellings(words("phantom submit --node n -cp a Main -cp b -Xint")),
            words("phantom submit --node n --class-path a Main -cp b -Xint")
        );
        assert_eq!(
            java_spellings(words("phantom resume x.ckpt -Xint")),
            words("phantom resume x.ckpt --xint")
        );
        assert_eq!(
            java_spellings(words("phantom run -cp a Main -cp b")),
            words("phantom run -cp a Main -cp b")
        );
        assert_eq!(
            java_spellings(words("phantom check -cp app.jar")),
            words("phantom check --class-path app.jar")
        );
    }
}
