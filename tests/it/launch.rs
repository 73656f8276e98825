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

/// Compiles one class `name` from `source` into `dir` with javac and returns its bytes.
fn compiled(dir: &std::path::Path, name: &str, source: &str) -> Vec<u8> {
    let file = dir.join(format!("{name}.java"));
    fs::write(&file, source).expect("write");
    let javac = std::process::Command::new("javac")
        .arg("-d")
        .arg(dir)
        .arg(&file)
        .status()
        .expect("javac runs");
    assert!(javac.success());
    fs::read(dir.join(format!("{name}.class"))).expect("class written")
}

/// Replaces the one occurrence of `from` in `bytes` with `to` (of the same length).
fn patched(bytes: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    assert_eq!(from.len(), to.len());
    let at: Vec<usize> = (0..=bytes.len() - from.len())
        .filter(|&i| &bytes[i..i + from.len()] == from)
        .collect();
    assert_eq!(at.len(), 1, "{from:?} occurs once");
    let mut out = bytes.to_vec();
    out[at[0]..at[0] + to.len()].copy_from_slice(to);
    out
}

#[test]
fn a_string_concatenation_recipe_that_lies_about_its_arguments_is_an_error_not_a_crash() {
    // javac writes the recipe "L\u0001Z" for "L" + x + "Z"; the crafted class asks for a second
    // argument the call site does not pass, then for a constant it does not have.
    let dir = scratch("concat");
    let good = compiled(
        &dir,
        "Concat",
        "public class Concat {\n    public static void main(String[] args) {\n        int x = args.length;\n        System.out.println(\"L\" + x + \"Z\");\n    }\n}\n",
    );
    for (to, message) in [
        (
            b"L\x01\x01",
            "Mismatched number of concat arguments: recipe wants 2 arguments, but signature provides 1",
        ),
        (
            b"L\x01\x02",
            // HotSpot's counts in this message are those of its parser's state when it
            // stops; the sentence is the same.
            "Mismatched number of concat constants: recipe wants ",
        ),
    ] {
        fs::write(dir.join("Concat.class"), patched(&good, b"L\x01Z", to)).expect("write");
        for java in [true, false] {
            let out = if java {
                output(
                    std::process::Command::new("java")
                        .arg("-cp")
                        .arg(&dir)
                        .arg("Concat"),
                )
            } else {
                output(phantom().arg("run").arg("-cp").arg(&dir).arg("Concat"))
            };
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(1), "java {java}: {out:?}");
            assert!(
                stderr.starts_with("Exception in thread \"main\" java.lang.BootstrapMethodError")
                    && stderr.contains(&format!(
                        "java.lang.invoke.StringConcatException: {message}"
                    )),
                "java {java}: {stderr}"
            );
        }
    }
}

#[test]
fn a_main_method_with_malformed_code_is_reported_as_such() {
    // The main method's last instruction (return) becomes an opcode that does not exist.
    let dir = scratch("badcode");
    let good = compiled(
        &dir,
        "BadCode",
        "public class BadCode {\n    public static void main(String[] args) {\n        System.exit(args.length + 7);\n    }\n}\n",
    );
    // iconst 7, iadd, invokestatic System.exit, return.
    let at = (0..good.len() - 6)
        .find(|&i| good[i..i + 3] == [0x10, 7, 0x60] && good[i + 3] == 0xb8 && good[i + 6] == 0xb1)
        .expect("javac's code for main");
    let mut bad = good.clone();
    bad[at + 6] = 0xff;
    fs::write(dir.join("BadCode.class"), &bad).expect("write");
    let out = output(phantom().arg("run").arg("-cp").arg(&dir).arg("BadCode"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(
        stderr.starts_with("Error: LinkageError occurred while loading main class BadCode\n")
            && stderr.contains("java.lang.ClassFormatError")
            && !stderr.contains("heap"),
        "{stderr}"
    );
}
