//! Runs the simulator on scenario files and prints each report, as `phantom simulate` does:
//! `cargo run -p phantom-balancer --example simulate -- balancer/scenarios/*.toml`.

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut status = ExitCode::SUCCESS;
    for arg in std::env::args().skip(1) {
        match phantom_balancer::simulate_file(Path::new(&arg)) {
            Ok(report) => println!("{report}"),
            Err(e) => {
                eprintln!("{arg}: {e}");
                status = ExitCode::FAILURE;
            }
        }
    }
    status
}
