//! The garbage collector keeps a program that allocates gigabytes within a small footprint.

use crate::support::{exclusive, output, phantom};
use std::path::Path;
use std::process::Command;

/// tests/java/gc_alloc_5gb allocates about 5.2 GB in total while keeping about 4 MB live; the
/// process must finish correctly with a peak RSS under 200 MB. Under qemu the emulator's own
/// memory and a run of many minutes would measure the wrong thing, so only native runs check it.
#[test]
fn five_gigabytes_of_garbage_fit_in_a_small_heap() {
    if crate::support::emulated() {
        println!("peak RSS is measured on native runs only");
        return;
    }
    let _alone = exclusive();
    let program = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/java/gc_alloc_5gb");
    let classes = Path::new(env!("CARGO_TARGET_TMPDIR")).join("gc-5gb");
    std::fs::create_dir_all(&classes).expect("target tmp dir is writable");
    let javac = Command::new("javac")
        .arg("-d")
        .arg(&classes)
        .arg(program.join("Main.java"))
        .status()
        .expect("javac runs (scripts/setup installs JDK 17)");
    assert!(javac.success());
    let out = output(
        phantom()
            .args(["run", "--stats", "-cp"])
            .arg(&classes)
            .arg("Main"),
    );
    assert!(out.status.success(), "{out:?}");
    let expected =
        std::fs::read_to_string(program.join("expected.stdout")).expect("expected output");
    assert_eq!(String::from_utf8_lossy(&out.stdout), expected);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let kib: u64 = stderr
        .split("peak RSS ")
        .nth(1)
        .and_then(|s| s.split_whitespace().next())
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no peak RSS in {stderr}"));
    println!("{}", stderr.trim());
    assert!(kib < 200 * 1024, "peak RSS {kib} KiB is not under 200 MB");
}
