//! `phantom run` as a launcher: missing and malformed main classes fail with `java`'s messages
//! and status, and arguments reach `main` untouched.

use crate::support::{output, phantom};
use std::fs;
use std::path::PathBuf;

fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("launch")
        .join(name);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("target tmp dir is writable");
    dir
}

#[test]
fn a_missing_main_class_is_reported_like_java() {
    let dir = scratch("missing");
    let out = output(
        phantom()
            .args(["run", "-cp"])
            .arg(&dir)
            .arg("com.example.Nope"),
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "Error: Could not find or load main class com.example.Nope\n\
         Caused by: java.lang.ClassNotFoundException: com.example.Nope\n"
    );
}

#[test]
fn a_malformed_class_file_gets_a_one_line_reason_and_status_1() {
    let dir = scratch("malformed");
    // A valid header, then a constant-pool entry with an undefined tag.
    fs::write(
        dir.join("Broken.class"),
        b"\xca\xfe\xba\xbe\x00\x00\x00\x3d\x00\x05garbage",
    )
    .expect("write");
    // And one that ends in the middle of the constant pool.
    fs::write(
        dir.join("Short.class"),
        b"\xca\xfe\xba\xbe\x00\x00\x00\x3d\x00\x05\x01\x00",
    )
    .expect("write");
    for (class, reason) in [("Broken", "unmatched tag: 103"), ("Short", "truncated")] {
        let out = output(phantom().args(["run", "-cp"]).arg(&dir).arg(class));
        assert_eq!(out.status.code(), Some(1), "{out:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            stderr,
            format!(
                "Error: LinkageError occurred while loading main class {class}\n\
                 \tjava.lang.ClassFormatError: malformed class file: {reason}\n"
            )
        );
    }
}

#[test]
fn a_class_without_main_is_refused() {
    let dir = scratch("nomain");
    // The smallest valid class: `class NoMain extends Object {}` without methods (major 52).
    let mut class = vec![0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 52, 0, 5];
    class.extend([1, 0, 6]);
    class.extend(b"NoMain");
    class.extend([7, 0, 1]);
    class.extend([1, 0, 16]);
    class.extend(b"java/lang/Object");
    class.extend([7, 0, 3]);
    class.extend([0, 0x20, 0, 2, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0]);
    fs::write(dir.join("NoMain.class"), class).expect("write");
    let out = output(phantom().args(["run", "-cp"]).arg(&dir).arg("NoMain"));
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .starts_with("Error: Main method not found in class NoMain"),
        "{out:?}"
    );
}

#[test]
fn jar_files_and_directories_make_up_the_class_path() {
    let dir = scratch("jar");
    let src = dir.join("src");
    fs::create_dir_all(src.join("app")).expect("mkdir");
    fs::write(
        src.join("app/Main.java"),
        "package app;\npublic class Main {\n    public static void main(String[] args) {\n        System.out.println(lib.Greeter.greet(args.length > 0 ? args[0] : \"nobody\"));\n    }\n}\n",
    )
    .expect("write");
    fs::create_dir_all(src.join("lib")).expect("mkdir");
    fs::write(
        src.join("lib/Greeter.java"),
        "package lib;\npublic class Greeter {\n    public static String greet(String who) {\n        return \"hello, \" + who;\n    }\n}\n",
    )
    .expect("write");
    let classes = dir.join("classes");
    let javac = std::process::Command::new("javac")
        .arg("-d")
        .arg(&classes)
        .arg(src.join("app/Main.java"))
        .arg(src.join("lib/Greeter.java"))
        .status()
        .expect("javac runs");
    assert!(javac.success());
    // The library goes into a jar; the application stays a directory.
    let jar = dir.join("lib.jar");
    let made = std::process::Command::new("jar")
        .arg("cf")
        .arg(&jar)
        .arg("-C")
        .arg(&classes)
        .arg("lib")
        .status()
        .expect("jar runs");
    assert!(made.success());
    fs::remove_dir_all(classes.join("lib")).expect("rm");
    let cp = format!("{}:{}", classes.display(), jar.display());
    let out = output(phantom().args(["run", "-cp", &cp, "app.Main", "world"]));
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "hello, world\n");
}
