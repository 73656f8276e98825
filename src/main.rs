//! The `phantom` command: runs Java programs on phantom's VM and, as a node daemon, wires the
//! VM, the transport and the balancer together.

use anyhow::Result;
use clap::{Parser, Subcommand};

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
}

fn main() -> Result<()> {
    let cli = Cli::parse();
    match cli.command {
        Command::Info => {
            print_info();
            Ok(())
        }
    }
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
