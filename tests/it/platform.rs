//! The build under test really runs on the architecture and byte order its target promises.

use crate::support::{output, phantom};

fn info_line(stdout: &str, key: &str) -> String {
    stdout
        .lines()
        .find_map(|l| l.strip_prefix(key)?.strip_prefix(": "))
        .unwrap_or_else(|| panic!("`phantom info` printed no {key}:\n{stdout}"))
        .to_string()
}

/// Under `ci/test-target` the expected byte order and architecture come from targets/, so this
/// test passes only where the binary really runs with that byte order: on s390x it proves the
/// emulated run was big-endian. Run by hand without them, it checks against the host.
#[test]
fn runs_with_the_target_byte_order_and_arch() {
    let out = output(phantom().arg("info"));
    assert!(out.status.success(), "phantom info failed: {out:?}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let expect_endian = std::env::var("PHANTOM_EXPECT_ENDIAN").unwrap_or_else(|_| {
        if cfg!(target_endian = "big") {
            "big"
        } else {
            "little"
        }
        .to_string()
    });
    let expect_arch =
        std::env::var("PHANTOM_EXPECT_ARCH").unwrap_or_else(|_| std::env::consts::ARCH.into());
    assert_eq!(info_line(&stdout, "byte order"), expect_endian);
    assert_eq!(info_line(&stdout, "arch"), expect_arch);
    println!("phantom info under test: {expect_endian}-endian {expect_arch}");
}
