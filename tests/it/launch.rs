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
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "Error: Main method not found in class NoMain, please define the main method as:\n   \
         public static void main(String[] args)\n\
         or a JavaFX application class must extend javafx.application.Application\n",
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

/// The launcher's checks of `main` name the class that declares it, with dots, as `java`
/// does; a public static `main` inherited from a superclass in another package runs.
#[test]
fn main_methods_are_found_and_checked_as_java_does() {
    let dir = scratch("main-checks");
    let src = dir.join("src");
    for (path, text) in [
        (
            "app/Instance.java",
            "package app;\npublic class Instance {\n    public void main(String[] args) {}\n}\n",
        ),
        (
            "app/Inherits.java",
            "package app;\npublic class Inherits extends lib.Base {\n}\n",
        ),
        (
            "lib/Base.java",
            "package lib;\npublic class Base {\n    public static void main(String[] args) {\n        System.out.println(\"lib.Base.main \" + args[0]);\n    }\n}\n",
        ),
    ] {
        let file = src.join(path);
        fs::create_dir_all(file.parent().expect("has a parent")).expect("mkdir");
        fs::write(&file, text).expect("write");
    }
    let classes = dir.join("classes");
    let javac = std::process::Command::new("javac")
        .arg("-d")
        .arg(&classes)
        .args(["app/Instance.java", "app/Inherits.java", "lib/Base.java"].map(|p| src.join(p)))
        .status()
        .expect("javac runs");
    assert!(javac.success());
    let out = output(
        phantom()
            .arg("run")
            .arg("-cp")
            .arg(&classes)
            .arg("app.Instance"),
    );
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "Error: Main method is not static in class app.Instance, please define the main method as:\n   \
         public static void main(String[] args)\n"
    );
    let out = output(
        phantom()
            .arg("run")
            .arg("-cp")
            .arg(&classes)
            .args(["app.Inherits", "works"]),
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "lib.Base.main works\n"
    );
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

/// `phantom run` and `java` given the same command line print the same and exit alike:
/// options end at the main class, `-D`, `-ea`/`-da`, `@files`, `-jar`, `dir/*`, `CLASSPATH`,
/// `JDK_JAVA_OPTIONS`, HotSpot's tuning options, and the errors for options neither knows.
#[test]
fn the_launcher_reads_a_command_line_as_java_does() {
    let dir = scratch("java-options");
    let classes = dir.join("classes");
    fs::create_dir_all(&classes).expect("mkdir");
    compiled(
        &classes,
        "Show",
        "public class Show {\n    public static void main(String[] args) {\n        System.out.println(\"args \" + args.length + \" [\" + String.join(\"|\", args) + \"]\");\n        System.out.println(\"x=\" + System.getProperty(\"x\") + \" y=\" + System.getProperty(\"y\"));\n        boolean on = false;\n        assert on = true;\n        System.out.println(\"assertions \" + on);\n    }\n}\n",
    );
    // The class alone in a jar with a manifest naming it, and in a lib folder.
    let jar = dir.join("app.jar");
    let made = std::process::Command::new("jar")
        .arg("cfe")
        .arg(&jar)
        .arg("Show")
        .arg("-C")
        .arg(&classes)
        .arg("Show.class")
        .status()
        .expect("jar runs");
    assert!(made.success());
    fs::create_dir_all(dir.join("lib")).expect("mkdir");
    fs::copy(&jar, dir.join("lib/show.jar")).expect("copy");
    fs::write(dir.join("notajar.txt"), "x").expect("write");
    let argfile = dir.join("opts");
    fs::write(
        &argfile,
        format!(
            "# options\n-cp \"{}\"\n-Dx='two words' Show first\n",
            classes.display()
        ),
    )
    .expect("write");
    let cp = classes.display().to_string();
    let at = format!("@{}", argfile.display());
    let lib = format!("{}/lib/*", dir.display());
    let jar_s = jar.display().to_string();
    type Case<'a> = (Vec<&'a str>, Vec<(&'a str, &'a str)>);
    let cases: Vec<Case> = vec![
        (
            vec![
                "-cp", &cp, "-Dx=1", "Show", "-cp", "--stats", "-Dy=2", "-ea",
            ],
            vec![],
        ),
        (
            vec!["-Dx=a=b", "-Dy", "-classpath", &cp, "-ea", "Show"],
            vec![],
        ),
        (vec!["--class-path", &cp, "-ea", "-da:Show", "Show"], vec![]),
        (vec!["-cp", &cp, "-ea:...", "Show"], vec![]),
        (vec!["-cp", &cp, "-enableassertions:Other", "Show"], vec![]),
        (
            vec![
                "-cp",
                &cp,
                "-XX:+UseSerialGC",
                "-Xms16m",
                "-Xss1m",
                "-Xmx64m",
                "-server",
                "-esa",
                "Show",
                "a b",
                "",
            ],
            vec![],
        ),
        (vec![&at, "tail", "@notexpanded"], vec![]),
        (vec!["-jar", &jar_s, "-ea", "x"], vec![]),
        (vec!["-cp", &lib, "Show"], vec![]),
        (vec!["Show", "from-env"], vec![("CLASSPATH", &cp)]),
        (
            vec!["-cp", &cp, "Show"],
            vec![("JDK_JAVA_OPTIONS", "-Dx=env -ea")],
        ),
        (vec!["-foo", "Show"], vec![]),
        (vec!["-Xmx12q", "Show"], vec![]),
        (vec!["-XX:Foo", "Show"], vec![]),
        (vec!["-jar", "/nonexistent/app.jar"], vec![]),
    ];
    for (args, env) in cases {
        let mut java = std::process::Command::new("java");
        let mut ours = phantom();
        ours.arg("run");
        for cmd in [&mut java, &mut ours] {
            cmd.args(&args).current_dir(&dir).env_remove("CLASSPATH");
            cmd.env_remove("JDK_JAVA_OPTIONS");
            for (k, v) in &env {
                cmd.env(k, v);
            }
        }
        let (want, got) = (output(&mut java), output(&mut ours));
        assert_eq!(got.status.code(), want.status.code(), "{args:?}: {got:?}");
        assert_eq!(
            String::from_utf8_lossy(&got.stdout),
            String::from_utf8_lossy(&want.stdout),
            "{args:?}"
        );
        assert_eq!(
            String::from_utf8_lossy(&got.stderr),
            String::from_utf8_lossy(&want.stderr),
            "{args:?}"
        );
    }
}

#[test]
fn version_help_and_the_heap_limit() {
    let out = output(phantom().args(["run", "-version"]));
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("phantom version \"17\""));
    let out = output(phantom().args(["run", "--version"]));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("phantom version \"17\""));
    let out = output(phantom().args(["run", "--help"]));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("Usage: phantom run"));
    let out = output(phantom().arg("run"));
    assert_eq!(out.status.code(), Some(1));
    // -Xmx is the limit Runtime.maxMemory reports, and a real one.
    let dir = scratch("xmx");
    compiled(
        &dir,
        "Hog",
        "public class Hog {\n    public static void main(String[] args) {\n        System.out.println(Runtime.getRuntime().maxMemory());\n        java.util.ArrayList<long[]> keep = new java.util.ArrayList<>();\n        try {\n            while (true) keep.add(new long[1 << 20]);\n        } catch (OutOfMemoryError e) {\n            int n = keep.size();\n            keep = null;\n            System.out.println(\"out of memory after \" + (n > 4 && n < 16));\n        }\n    }\n}\n",
    );
    let out = output(
        phantom()
            .arg("run")
            .arg("-Xmx96m")
            .arg("-cp")
            .arg(&dir)
            .arg("Hog"),
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!("{}\nout of memory after true\n", 96 << 20)
    );
}

/// A process stopped before it has read its properties or asked for its assertion status
/// still sees its own command line's after it resumes, and its own heap limit.
#[test]
fn properties_assertions_and_the_heap_limit_travel_in_checkpoints() {
    let dir = scratch("launch-travels");
    compiled(
        &dir,
        "Late",
        "public class Late {\n    public static void main(String[] args) {\n        boolean on = false;\n        assert on = true;\n        System.out.println(System.getProperty(\"x\") + \" \" + on + \" \" + Runtime.getRuntime().maxMemory());\n    }\n}\n",
    );
    let file = dir.join("late.ckpt");
    let made = output(
        phantom()
            .args([
                "run",
                "-Dx=kept",
                "-ea",
                "-Xmx300m",
                "--checkpoint-after",
                "50",
            ])
            .arg("--checkpoint-out")
            .arg(&file)
            .arg("-cp")
            .arg(&dir)
            .arg("Late"),
    );
    assert!(made.status.success() && made.stdout.is_empty(), "{made:?}");
    let out = output(phantom().arg("resume").arg(&file));
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!("kept true {}\n", 300 << 20)
    );
}

#[test]
fn what_the_class_library_lacks_is_named_before_and_while_running() {
    let dir = scratch("lacks");
    compiled(
        &dir,
        "Lacks",
        r#"public class Lacks {
    public static void main(String[] args) {
        System.out.println("before");
        if (args.length > 0) {
            System.out.println("abc".getClass().getSigners() == null);
        }
        System.out.println(new java.awt.Point(1, 2));
    }
}"#,
    );
    let check = output(phantom().arg("check").arg("-cp").arg(&dir));
    let text = String::from_utf8_lossy(&check.stdout);
    assert_eq!(check.status.code(), Some(1), "{check:?}");
    assert!(text.contains("lacks 2 JDK items"), "{text}");
    assert!(
        text.contains("  class java.awt.Point  (used by Lacks)"),
        "{text}"
    );
    assert!(
        text.contains("  method java.lang.Class.getSigners()[Ljava/lang/Object;  (used by Lacks)"),
        "{text}"
    );
    // While running: the error names the member and says it is the library's gap.
    for (args, says) in [
        (
            &[][..],
            "java.lang.NoClassDefFoundError: java/awt/Point (phantom's class library does not provide this class yet)",
        ),
        (
            &["m"][..],
            "java.lang.NoSuchMethodError: 'java.lang.Object[] java.lang.Class.getSigners()' (phantom's class library does not provide this method yet)",
        ),
    ] {
        let run = output(
            phantom()
                .arg("run")
                .arg("-cp")
                .arg(&dir)
                .arg("Lacks")
                .args(args),
        );
        assert_eq!(run.status.code(), Some(1));
        assert_eq!(String::from_utf8_lossy(&run.stdout), "before\n");
        let err = String::from_utf8_lossy(&run.stderr);
        assert!(err.contains(says), "{err}");
    }
    // An application that uses only what the library has passes.
    let fine = scratch("lacks-nothing");
    compiled(
        &fine,
        "Fine",
        "public class Fine { public static void main(String[] a) { System.out.println(java.util.List.of(a.length)); } }",
    );
    let check = output(phantom().arg("check").arg("-cp").arg(&fine));
    assert_eq!(check.status.code(), Some(0), "{check:?}");
}
