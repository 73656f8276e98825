//! `phantom run`'s command line, read the way `java` 17 reads its own.
//!
//! Options come first and end at the main class (or at `-jar FILE`); everything after it
//! reaches the program verbatim, options included. Before the main class, `@file` arguments
//! are replaced by the file's words, and `JDK_JAVA_OPTIONS` is read first, as `java` does.
//! phantom's own switches (`--stats`, `--jit-threshold`, `--checkpoint-after`, ...) are long
//! options that `java` does not have, so they cannot change the meaning of a `java` command
//! line.
//!
//! Interface: [`parse`] turns the arguments after `run` into a [`Parsed`]: either a
//! [`Launch`] to run, or an [`Exit`] with what to print and the status (`-version`, `--help`,
//! or an error in `java`'s words).

use phantom_vm::assertions::{AssertTarget, Assertions};
use std::path::{Path, PathBuf};

/// What to run, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Launch {
    /// The class path, entries separated by ':' (wildcards expanded; for `-jar`, the jar and
    /// its manifest's `Class-Path`).
    pub class_path: String,
    /// The main class (dots or slashes).
    pub main_class: String,
    /// The program's arguments.
    pub args: Vec<String>,
    /// `-D` properties, in command-line order (a later one wins).
    pub properties: Vec<(String, String)>,
    /// `-Xmx`: the heap limit in bytes.
    pub max_heap: Option<u64>,
    /// `-ea`/`-da` rules in command-line order, and `-esa`/`-dsa`.
    pub assertions: Assertions,
    /// `-showversion` (to stderr) or `--show-version` (to stdout) before the program runs.
    pub show_version: Option<Stream>,
    /// Notes `java` prints before running (`NOTE: Picked up JDK_JAVA_OPTIONS: ...`).
    pub notes: Vec<String>,
    /// phantom's own switches.
    pub own: Own,
}

/// Where a message goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stream {
    /// Standard output.
    Out,
    /// Standard error.
    Err,
}

/// phantom's own switches of `phantom run`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Own {
    /// `--stats`
    pub stats: bool,
    /// `--stats-every SECONDS`, in milliseconds: a status line that often.
    pub stats_every_ms: Option<u64>,
    /// `-Xint` or `--xint`
    pub xint: bool,
    /// `--jit-threshold N`
    pub jit_threshold: Option<u32>,
    /// `--checkpoint-after N`
    pub checkpoint_after: Option<u64>,
    /// `--checkpoint-out FILE`
    pub checkpoint_out: Option<PathBuf>,
    /// `--roundtrip-every N`
    pub roundtrip_every: Option<u64>,
    /// `--dirty-audit-every N`
    pub dirty_audit_every: Option<u64>,
    /// `--precopy-every N`
    pub precopy_every: Option<u64>,
}

/// A command line that does not run a program: what to print, and the exit status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Exit {
    /// Text for standard output.
    pub stdout: String,
    /// Text for standard error.
    pub stderr: String,
    /// The exit status.
    pub code: i32,
}

/// What a command line asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Parsed {
    /// Run a program.
    Run(Box<Launch>),
    /// Print and exit.
    Exit(Exit),
}

/// The most bytes of `@file` arguments read in all, and the deepest nesting: `java` does
/// not expand `@` inside a file, so there is none.
const MAX_ARGFILE_BYTES: u64 = 16 << 20;

/// The usage text, as `java` prints it for `-help` (abridged to what phantom takes).
pub(crate) const USAGE: &str = "\
Usage: phantom run [options] <mainclass> [args...]
           (to execute a class)
   or  phantom run [options] -jar <jarfile> [args...]
           (to execute a jar file)

 where options include java's:
    -cp <class search path of directories and zip/jar files>
    -classpath <class search path of directories and zip/jar files>
    --class-path <class search path of directories and zip/jar files>
                  A : separated list of directories, JAR archives,
                  and ZIP archives to search for class files;
                  dir/* stands for every jar file in dir.
    -D<name>=<value>
                  set a system property
    -ea[:<packagename>...|:<classname>]
    -enableassertions[:<packagename>...|:<classname>]
                  enable assertions with specified granularity
    -da[:<packagename>...|:<classname>]
    -disableassertions[:<packagename>...|:<classname>]
                  disable assertions with specified granularity
    -esa | -enablesystemassertions
    -dsa | -disablesystemassertions
    -Xmx<size>    set maximum heap size (a real limit: OutOfMemoryError past it)
    -Xms<size>, -Xss<size>, -XX:..., -server, -client
                  accepted as java accepts them (HotSpot tuning)
    -Xint         interpret only, never compile
    -version      print product version to the error stream and exit
    --version     print product version to the output stream and exit
    -showversion  print product version to the error stream and continue
    --show-version
                  print product version to the output stream and continue
    -? -h -help   print this help message to the error stream
    --help        print this help message to the output stream
    @argument files
                  one or more argument files containing options

 and phantom's own:
    --stats       print instructions, collections and peak memory at the end
    --stats-every <seconds>
                  also print a status line to the error stream this often
    --jit-threshold <n>
                  calls plus backward branches before a method is compiled
    --checkpoint-after <n> --checkpoint-out <file>
                  stop after exactly n instructions and write a checkpoint
    --roundtrip-every <n>
                  capture, encode, decode and restore the process every n instructions
    --dirty-audit-every <n>
                  check every n instructions that the heap's dirty record shows every
                  change (a test of the VM; a miss is reported and ends the run with 70)
    --precopy-every <n>
                  every n instructions send a pre-copy piece to a copy of the process
                  built beside it; after every third round freeze, finish the copy,
                  check it equals the process and go on running the copy (a test of
                  the VM; a difference is reported and ends the run with 70)
";

/// The version text `-version` prints.
pub(crate) fn version_text() -> String {
    format!(
        "phantom version \"17\" (phantom {})\nphantom Runtime Environment (class library of Java SE 17)\nphantom VM ({} {}, interpreted and compiled mode)\n",
        env!("CARGO_PKG_VERSION"),
        std::env::consts::ARCH,
        std::env::consts::OS,
    )
}

/// The three lines `java` ends a refused option with.
fn refused(first: &str) -> Parsed {
    Parsed::Exit(Exit {
        stdout: String::new(),
        stderr: format!(
            "{first}\nError: Could not create the Java Virtual Machine.\nError: A fatal exception has occurred. Program will exit.\n"
        ),
        code: 1,
    })
}

/// An error the launcher itself reports, followed by the usage text, status 1.
fn usage_error(first: &str) -> Parsed {
    Parsed::Exit(Exit {
        stdout: String::new(),
        stderr: format!("{first}\n{USAGE}"),
        code: 1,
    })
}

/// A plain error line, status 1.
fn error(line: String) -> Parsed {
    Parsed::Exit(Exit {
        stdout: String::new(),
        stderr: format!("{line}\n"),
        code: 1,
    })
}

/// Reads `phantom run`'s arguments (`args`, after `run`) with `env` for the environment
/// (`JDK_JAVA_OPTIONS`, `CLASSPATH`).
pub(crate) fn parse(args: &[String], env: &dyn Fn(&str) -> Option<String>) -> Parsed {
    let mut launch = Launch {
        class_path: String::new(),
        main_class: String::new(),
        args: Vec::new(),
        properties: Vec::new(),
        max_heap: None,
        assertions: Assertions::default(),
        show_version: None,
        notes: Vec::new(),
        own: Own::default(),
    };
    // JDK_JAVA_OPTIONS first: options only, no main class, no @files.
    let mut words: Vec<String> = Vec::new();
    if let Some(opts) = env("JDK_JAVA_OPTIONS").filter(|o| !o.trim().is_empty()) {
        launch
            .notes
            .push(format!("NOTE: Picked up JDK_JAVA_OPTIONS: {opts}"));
        let from_env = match split_words(&opts) {
            Ok(w) => w,
            Err(e) => return error(format!("Error: JDK_JAVA_OPTIONS: {e}")),
        };
        for w in &from_env {
            if !w.starts_with('-') || w == "-jar" || w.starts_with('@') {
                return error(format!(
                    "Error: Option {w} in JDK_JAVA_OPTIONS is not allowed in this environment variable"
                ));
            }
        }
        words.extend(from_env);
    }
    // Then the command line, with @files expanded up to the main class.
    let mut read_bytes = 0u64;
    let mut expanded: Vec<String> = Vec::new();
    let mut main_seen = false;
    let mut takes_value = false;
    for a in args {
        if main_seen {
            expanded.push(a.clone());
            continue;
        }
        if let Some(file) = a.strip_prefix('@').filter(|f| !f.starts_with('@')) {
            match read_argfile(Path::new(file), &mut read_bytes) {
                Ok(ws) => {
                    for w in ws {
                        main_seen |= !takes_value && ends_options(&w);
                        takes_value = !main_seen && option_takes_value(&w);
                        expanded.push(w);
                    }
                }
                Err(e) => return error(format!("Error: could not open `{file}': {e}")),
            }
            continue;
        }
        let a = if a.starts_with("@@") {
            a[1..].to_string()
        } else {
            a.clone()
        };
        main_seen |= !takes_value && ends_options(&a);
        takes_value = !main_seen && option_takes_value(&a);
        expanded.push(a);
    }
    words.extend(expanded);

    let mut class_path: Option<String> = None;
    let mut jar: Option<PathBuf> = None;
    let mut i = 0;
    let next = |i: &mut usize| -> Option<String> {
        *i += 1;
        words.get(*i).cloned()
    };
    while i < words.len() {
        let w = words[i].clone();
        if !w.starts_with('-') || w == "-" {
            launch.main_class = w;
            launch.args = words[i + 1..].to_vec();
            break;
        }
        let (name, inline) = match w.split_once('=') {
            Some((n, v)) if w.starts_with("--") => (n.to_string(), Some(v.to_string())),
            _ => (w.clone(), None),
        };
        match name.as_str() {
            "-cp" | "-classpath" | "--class-path" => {
                let Some(v) = inline.or_else(|| next(&mut i)) else {
                    return usage_error(&format!(
                        "Error: {name} requires class path specification"
                    ));
                };
                class_path = Some(v);
            }
            "-jar" => {
                let Some(v) = next(&mut i) else {
                    return usage_error("Error: -jar requires jar file specification");
                };
                jar = Some(PathBuf::from(v));
                launch.args = words[i + 1..].to_vec();
                break;
            }
            "-version" => return version_exit(Stream::Err, &launch),
            "--version" => return version_exit(Stream::Out, &launch),
            "-showversion" => launch.show_version = Some(Stream::Err),
            "--show-version" => launch.show_version = Some(Stream::Out),
            "-help" | "-h" | "-?" => {
                return Parsed::Exit(Exit {
                    stdout: String::new(),
                    stderr: USAGE.to_string(),
                    code: 0,
                });
            }
            "--help" => {
                return Parsed::Exit(Exit {
                    stdout: USAGE.to_string(),
                    stderr: String::new(),
                    code: 0,
                });
            }
            "-esa" | "-enablesystemassertions" => launch.assertions.system = true,
            "-dsa" | "-disablesystemassertions" => launch.assertions.system = false,
            "-server" | "-client" | "-Xmixed" | "-Xbatch" | "-Xrs" | "-Xnoclassgc" | "-Xdiag"
            | "-Xfuture" | "-Xcomp" | "-Xshare" | "-XshowSettings" | "--enable-preview"
            | "--dry-run" | "--disable-@files" | "--illegal-access" => {}
            "-Xint" | "--xint" => launch.own.xint = true,
            "--stats" => launch.own.stats = true,
            m if MODULE_OPTIONS.contains(&m) => {
                if inline.is_none() && next(&mut i).is_none() {
                    return usage_error(&format!("Error: {name} requires modules to be specified"));
                }
            }
            "--stats-every" => {
                let Some(v) = inline.or_else(|| next(&mut i)) else {
                    return usage_error(&format!("Error: {name} requires a value"));
                };
                match v
                    .parse::<f64>()
                    .ok()
                    .filter(|s| s.is_finite() && *s >= 0.1 && *s <= 1e6)
                {
                    Some(s) => {
                        launch.own.stats = true;
                        launch.own.stats_every_ms = Some((s * 1000.0).round() as u64);
                    }
                    None => {
                        return usage_error(&format!(
                            "Error: {name} takes a number of seconds, at least 0.1, not {v:?}"
                        ));
                    }
                }
            }
            "--jit-threshold"
            | "--checkpoint-after"
            | "--roundtrip-every"
            | "--checkpoint-out"
            | "--dirty-audit-every"
            | "--precopy-every" => {
                let Some(v) = inline.or_else(|| next(&mut i)) else {
                    return usage_error(&format!("Error: {name} requires a value"));
                };
                let number = |v: &str| v.parse::<u64>().ok();
                let bad = || usage_error(&format!("Error: {name} takes a whole number, not {v:?}"));
                match name.as_str() {
                    "--jit-threshold" => {
                        match number(&v).filter(|&n| (1..=u32::MAX as u64).contains(&n)) {
                            Some(n) => launch.own.jit_threshold = Some(n as u32),
                            None => return bad(),
                        }
                    }
                    "--checkpoint-after" => match number(&v) {
                        Some(n) => launch.own.checkpoint_after = Some(n),
                        None => return bad(),
                    },
                    "--roundtrip-every" => match number(&v).filter(|&n| n > 0) {
                        Some(n) => launch.own.roundtrip_every = Some(n),
                        None => return bad(),
                    },
                    "--dirty-audit-every" => match number(&v).filter(|&n| n > 0) {
                        Some(n) => launch.own.dirty_audit_every = Some(n),
                        None => return bad(),
                    },
                    "--precopy-every" => match number(&v).filter(|&n| n > 0) {
                        Some(n) => launch.own.precopy_every = Some(n),
                        None => return bad(),
                    },
                    _ => launch.own.checkpoint_out = Some(PathBuf::from(v)),
                }
            }
            _ => {
                if let Some(p) = w.strip_prefix("-D") {
                    let (k, v) = p.split_once('=').unwrap_or((p, ""));
                    if k.is_empty() {
                        return refused(&format!("Unrecognized option: {w}"));
                    }
                    launch.properties.push((k.to_string(), v.to_string()));
                } else if let Some(size) = w.strip_prefix("-Xmx") {
                    match parse_size(size) {
                        Some(n) => launch.max_heap = Some(n),
                        None => return refused(&format!("Invalid maximum heap size: {w}")),
                    }
                } else if let Some(size) = w.strip_prefix("-Xms") {
                    if parse_size(size).is_none() {
                        return refused(&format!("Invalid initial heap size: {w}"));
                    }
                } else if let Some(size) = w.strip_prefix("-Xss") {
                    if parse_size(size).is_none() {
                        return refused(&format!("Invalid thread stack size: {w}"));
                    }
                } else if let Some(flag) = w.strip_prefix("-XX:") {
                    if !valid_xx(flag) {
                        return refused(&format!("Unrecognized VM option '{flag}'"));
                    }
                } else if let Some(rule) = assertion_rule(&w) {
                    launch.assertions.rules.push(rule);
                } else if w.starts_with("-Xshare")
                    || w.starts_with("-Xlog")
                    || w.starts_with("-Xverify")
                    || w.starts_with("-verbose")
                {
                    // Diagnostics and sharing of HotSpot: nothing to change here.
                } else if w.starts_with("-javaagent:")
                    || w.starts_with("-agentlib:")
                    || w.starts_with("-agentpath:")
                {
                    return error(format!(
                        "Error: {w}: phantom runs no Java or native agents (their code could not move with the process)"
                    ));
                } else {
                    return refused(&format!("Unrecognized option: {w}"));
                }
            }
        }
        i += 1;
    }

    match jar {
        Some(jar) => match read_manifest(&jar) {
            Ok((main, extra)) => {
                let Some(main) = main else {
                    return error(format!("no main manifest attribute, in {}", jar.display()));
                };
                launch.main_class = main;
                let mut cp = vec![jar.display().to_string()];
                cp.extend(extra);
                launch.class_path = cp.join(":");
            }
            Err(_) => return error(format!("Error: Unable to access jarfile {}", jar.display())),
        },
        None => {
            if launch.main_class.is_empty() {
                return usage_error("");
            }
            let spec = class_path
                .or_else(|| env("CLASSPATH"))
                .unwrap_or_else(|| ".".to_string());
            launch.class_path = expand_wildcards(&spec);
        }
    }
    Parsed::Run(Box::new(launch))
}

/// `-version` or `--version`: the version text, nothing run.
fn version_exit(to: Stream, launch: &Launch) -> Parsed {
    let notes: String = launch.notes.iter().map(|n| format!("{n}\n")).collect();
    let text = version_text();
    Parsed::Exit(match to {
        Stream::Err => Exit {
            stdout: String::new(),
            stderr: notes + &text,
            code: 0,
        },
        Stream::Out => Exit {
            stdout: text,
            stderr: notes,
            code: 0,
        },
    })
}

/// Whether `w`, read where an option may stand, is the main class or `-jar` (after which no
/// `@file` is expanded).
fn ends_options(w: &str) -> bool {
    !w.starts_with('-') || w == "-jar"
}

/// `java`'s module options: each takes a value (inline after `=` or the next word) that
/// phantom, which has no module system, ignores.
const MODULE_OPTIONS: [&str; 10] = [
    "--add-opens",
    "--add-exports",
    "--add-reads",
    "--add-modules",
    "--limit-modules",
    "--module-path",
    "-p",
    "--upgrade-module-path",
    "--patch-module",
    "--enable-native-access",
];

/// Whether option `w` takes the next word as its value.
fn option_takes_value(w: &str) -> bool {
    MODULE_OPTIONS.contains(&w)
        || matches!(
            w,
            "-cp"
                | "-classpath"
                | "--class-path"
                | "--jit-threshold"
                | "--checkpoint-after"
                | "--checkpoint-out"
                | "--roundtrip-every"
                | "--dirty-audit-every"
                | "--precopy-every"
        )
}

/// A size as `-Xmx` takes it: digits, then an optional `k`, `m`, `g` or `t` (either case).
fn parse_size(s: &str) -> Option<u64> {
    let (digits, shift) = match s.as_bytes().last()? {
        b'k' | b'K' => (&s[..s.len() - 1], 10),
        b'm' | b'M' => (&s[..s.len() - 1], 20),
        b'g' | b'G' => (&s[..s.len() - 1], 30),
        b't' | b'T' => (&s[..s.len() - 1], 40),
        _ => (s, 0),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse::<u64>().ok()?.checked_mul(1 << shift)
}

/// Whether `flag` (after `-XX:`) has the form of a HotSpot flag: `+Name`, `-Name` or
/// `Name=value`. phantom has none of HotSpot's tuning and accepts them all.
fn valid_xx(flag: &str) -> bool {
    let name_ok =
        |n: &str| !n.is_empty() && n.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
    if let Some(n) = flag.strip_prefix('+').or_else(|| flag.strip_prefix('-')) {
        return name_ok(n);
    }
    flag.split_once('=').is_some_and(|(n, _)| name_ok(n))
}

/// An `-ea`/`-da` rule, or `None` if `w` is not one.
fn assertion_rule(w: &str) -> Option<(AssertTarget, bool)> {
    let (enable, rest) = [
        ("-enableassertions", true),
        ("-disableassertions", false),
        ("-ea", true),
        ("-da", false),
    ]
    .iter()
    .find_map(|&(p, e)| w.strip_prefix(p).map(|r| (e, r)))?;
    let target = match rest {
        "" => AssertTarget::All,
        _ => {
            let name = rest.strip_prefix(':')?;
            match name.strip_suffix("...") {
                Some(pkg) => AssertTarget::Package(pkg.to_string()),
                None => AssertTarget::Class(name.to_string()),
            }
        }
    };
    Some((target, enable))
}

/// The words of an `@file` (or of `JDK_JAVA_OPTIONS`), counted against the limit.
fn read_argfile(path: &Path, read: &mut u64) -> Result<Vec<String>, String> {
    use std::io::Read;
    let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    let mut text = String::new();
    file.take(MAX_ARGFILE_BYTES.saturating_sub(*read) + 1)
        .read_to_string(&mut text)
        .map_err(|e| e.to_string())?;
    *read += text.len() as u64;
    if *read > MAX_ARGFILE_BYTES {
        return Err(format!("argument files exceed {MAX_ARGFILE_BYTES} bytes"));
    }
    split_words(&text)
}

/// Splits text into words as `java` splits argument files: whitespace separates, `"..."`
/// and `'...'` quote (with `\` escapes `\n`, `\t`, `\r`, `\f`, `\\` and the quotes inside),
/// `#` starts a comment to the end of the line outside quotes, and a `\` at the end of a
/// line inside quotes continues it with the next line's text after its leading whitespace.
fn split_words(text: &str) -> Result<Vec<String>, String> {
    let mut words = Vec::new();
    let mut cur = String::new();
    let mut in_word = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '#' if !in_word => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        break;
                    }
                }
            }
            c if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut cur));
                    in_word = false;
                }
            }
            '"' | '\'' => {
                in_word = true;
                let quote = c;
                loop {
                    match chars.next() {
                        None => return Err("unterminated quote".to_string()),
                        Some(q) if q == quote => break,
                        Some('\\') => match chars.next() {
                            Some('n') => cur.push('\n'),
                            Some('t') => cur.push('\t'),
                            Some('r') => cur.push('\r'),
                            Some('f') => cur.push('\u{c}'),
                            Some('\n') | Some('\r') => {
                                while chars.peek().is_some_and(|c| c.is_whitespace()) {
                                    chars.next();
                                }
                            }
                            Some(other) => cur.push(other),
                            None => return Err("unterminated quote".to_string()),
                        },
                        Some(other) => cur.push(other),
                    }
                }
            }
            c => {
                in_word = true;
                cur.push(c);
            }
        }
    }
    if in_word {
        words.push(cur);
    }
    Ok(words)
}

/// A class path with each `dir/*` (or `*`) entry replaced by the jar files in that directory,
/// in name order (`java` leaves the order unspecified; phantom's is the same on every host).
/// An entry whose directory cannot be read expands to nothing, as in `java`.
fn expand_wildcards(spec: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    for entry in spec.split(':') {
        let dir = if entry == "*" {
            Some(".")
        } else {
            entry.strip_suffix("/*")
        };
        match dir {
            Some(dir) => {
                let mut jars: Vec<String> =
                    std::fs::read_dir(if dir.is_empty() { "/" } else { dir })
                        .into_iter()
                        .flatten()
                        .flatten()
                        .filter_map(|e| {
                            let name = e.file_name().into_string().ok()?;
                            let lower = name.to_ascii_lowercase();
                            (lower.ends_with(".jar") && e.path().is_file()).then(|| {
                                if entry == "*" {
                                    name
                                } else {
                                    format!("{dir}/{name}")
                                }
                            })
                        })
                        .collect();
                jars.sort();
                out.extend(jars);
            }
            None => out.push(entry.to_string()),
        }
    }
    out.join(":")
}

/// The manifest of a jar: its `Main-Class` (dots as written) and its `Class-Path` entries,
/// resolved against the jar's directory.
fn read_manifest(jar: &Path) -> Result<(Option<String>, Vec<String>), String> {
    use std::io::Read;
    const MAX_MANIFEST: u64 = 1 << 20;
    let file = std::fs::File::open(jar).map_err(|e| e.to_string())?;
    let mut zip = zip::ZipArchive::new(file).map_err(|e| e.to_string())?;
    let mut text = String::new();
    match zip.by_name("META-INF/MANIFEST.MF") {
        Ok(entry) => {
            entry
                .take(MAX_MANIFEST)
                .read_to_string(&mut text)
                .map_err(|e| e.to_string())?;
        }
        Err(_) => return Ok((None, Vec::new())),
    }
    // Continuation lines start with one space.
    let mut lines: Vec<String> = Vec::new();
    for line in text.split('\n') {
        let line = line.strip_suffix('\r').unwrap_or(line);
        match line.strip_prefix(' ') {
            Some(more) if !lines.is_empty() => lines.last_mut().expect("checked").push_str(more),
            _ => lines.push(line.to_string()),
        }
    }
    let attr = |name: &str| {
        lines.iter().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.trim()
                .eq_ignore_ascii_case(name)
                .then(|| v.trim().to_string())
        })
    };
    let base = jar.parent().unwrap_or(Path::new(""));
    let class_path = attr("Class-Path")
        .map(|cp| {
            cp.split_whitespace()
                .map(|e| base.join(e).display().to_string())
                .collect()
        })
        .unwrap_or_default();
    Ok((attr("Main-Class").filter(|m| !m.is_empty()), class_path))
}

/// The properties `java` takes from the machine and the launch rather than from `-D`: the
/// working directory, the user's home and name (from the environment), the temporary folder
/// and the class path. `-D` settings given after them override them.
pub(crate) fn host_properties(
    cwd: &str,
    env: &[(String, String)],
    class_path: &str,
) -> Vec<(String, String)> {
    let var = |name: &str| env.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());
    let user = var("USER")
        .or_else(|| var("LOGNAME"))
        .unwrap_or_else(|| "?".to_string());
    let home = var("HOME").unwrap_or_else(|| "?".to_string());
    vec![
        ("user.dir".to_string(), cwd.to_string()),
        ("user.home".to_string(), home),
        ("user.name".to_string(), user),
        ("java.io.tmpdir".to_string(), "/tmp".to_string()),
        ("java.class.path".to_string(), class_path.to_string()),
        // Where this runtime lives: the folder of the phantom command.
        (
            "java.home".to_string(),
            std::env::current_exe()
                .ok()
                .and_then(|p| p.parent().map(|d| d.to_string_lossy().into_owned()))
                .unwrap_or_else(|| "/".to_string()),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(args: &[&str]) -> Launch {
        run_env(args, &[])
    }

    fn run_env(args: &[&str], vars: &[(&str, &str)]) -> Launch {
        let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        let vars: Vec<(String, String)> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let env = |k: &str| vars.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
        match parse(&args, &env) {
            Parsed::Run(l) => *l,
            Parsed::Exit(e) => panic!("{args:?} exited: {e:?}"),
        }
    }

    fn exits(args: &[&str]) -> Exit {
        let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        match parse(&args, &|_| None) {
            Parsed::Exit(e) => e,
            Parsed::Run(l) => panic!("{args:?} runs {l:?}"),
        }
    }

    #[test]
    fn options_end_at_the_main_class() {
        let l = run(&[
            "-cp", "a:b", "-Dx=1", "Main", "-cp", "--stats", "-Dy=2", "@nofile",
        ]);
        assert_eq!(l.class_path, "a:b");
        assert_eq!(l.main_class, "Main");
        assert_eq!(l.args, ["-cp", "--stats", "-Dy=2", "@nofile"]);
        assert_eq!(l.properties, [("x".to_string(), "1".to_string())]);
        assert!(!l.own.stats);
    }

    #[test]
    fn sizes_properties_and_assertions_are_read_as_java_reads_them() {
        let l = run(&[
            "-Xmx512m",
            "-Xms64M",
            "-Xss2k",
            "-Dempty",
            "-Da=b=c",
            "-ea",
            "-da:com.x...",
            "-enableassertions:com.x.Main",
            "-esa",
            "-XX:+UseG1GC",
            "-XX:MaxRAM=1g",
            "-server",
            "Main",
        ]);
        assert_eq!(l.max_heap, Some(512 << 20));
        assert_eq!(
            l.properties,
            [
                ("empty".to_string(), String::new()),
                ("a".to_string(), "b=c".to_string())
            ]
        );
        assert_eq!(
            l.assertions.rules,
            [
                (AssertTarget::All, true),
                (AssertTarget::Package("com.x".to_string()), false),
                (AssertTarget::Class("com.x.Main".to_string()), true),
            ]
        );
        assert!(l.assertions.system);
        for (bad, first) in [
            ("-Xmx12q", "Invalid maximum heap size: -Xmx12q"),
            ("-Xms", "Invalid initial heap size: -Xms"),
            ("-XX:Foo", "Unrecognized VM option 'Foo'"),
            ("-foo", "Unrecognized option: -foo"),
        ] {
            let e = exits(&[bad, "Main"]);
            assert_eq!(e.code, 1);
            assert!(
                e.stderr.starts_with(&format!(
                    "{first}\nError: Could not create the Java Virtual Machine.\n"
                )),
                "{e:?}"
            );
        }
    }

    #[test]
    fn version_and_help_exit_without_running() {
        let e = exits(&["-version", "Main"]);
        assert_eq!((e.code, e.stdout.as_str()), (0, ""));
        assert!(e.stderr.starts_with("phantom version \"17\""));
        let e = exits(&["--version"]);
        assert!(e.stdout.starts_with("phantom version \"17\"") && e.stderr.is_empty());
        let e = exits(&["--help"]);
        assert!(e.stdout.starts_with("Usage: phantom run"));
        let e = exits(&[]);
        assert_eq!(e.code, 1);
        assert!(e.stderr.contains("Usage: phantom run"));
        let e = exits(&["-cp"]);
        assert!(
            e.stderr
                .starts_with("Error: -cp requires class path specification\n")
        );
        let l = run(&["-showversion", "Main"]);
        assert_eq!(l.show_version, Some(Stream::Err));
    }

    #[test]
    fn the_environment_gives_options_and_a_class_path() {
        let l = run_env(
            &["Main"],
            &[("JDK_JAVA_OPTIONS", "-Dp=q --stats"), ("CLASSPATH", "x:y")],
        );
        assert_eq!(l.class_path, "x:y");
        assert_eq!(l.properties, [("p".to_string(), "q".to_string())]);
        assert!(l.own.stats);
        assert_eq!(l.notes, ["NOTE: Picked up JDK_JAVA_OPTIONS: -Dp=q --stats"]);
        let l = run_env(&["-cp", "z", "Main"], &[("CLASSPATH", "x:y")]);
        assert_eq!(l.class_path, "z");
    }

    #[test]
    fn argument_files_are_split_like_javas() {
        let dir = std::env::temp_dir().join(format!("phantom-argfile-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let file = dir.join("args");
        std::fs::write(
            &file,
            "# a comment\n-cp 'dir with space'\n-Dmsg=\"two words\\tand a tab\" Main\nfirst \"sec\\\n    ond\"\n",
        )
        .expect("write");
        let at = format!("@{}", file.display());
        let l = run(&[&at, "@@literal"]);
        assert_eq!(l.class_path, "dir with space");
        assert_eq!(
            l.properties,
            [("msg".to_string(), "two words\tand a tab".to_string())]
        );
        assert_eq!(l.main_class, "Main");
        assert_eq!(l.args, ["first", "second", "@@literal"]);
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn phantoms_own_switches_stay_before_the_main_class() {
        let l = run(&[
            "--stats",
            "-Xint",
            "--jit-threshold",
            "5",
            "--checkpoint-after=100",
            "--checkpoint-out",
            "f.ckpt",
            "Main",
        ]);
        assert!(l.own.stats && l.own.xint);
        assert_eq!(l.own.jit_threshold, Some(5));
        assert_eq!(l.own.checkpoint_after, Some(100));
        assert_eq!(l.own.checkpoint_out, Some(PathBuf::from("f.ckpt")));
        assert_eq!(exits(&["--jit-threshold", "0", "Main"]).code, 1);
    }

    #[test]
    fn sizes() {
        assert_eq!(parse_size("1"), Some(1));
        assert_eq!(parse_size("4k"), Some(4096));
        assert_eq!(parse_size("2G"), Some(2 << 30));
        assert_eq!(parse_size(""), None);
        assert_eq!(parse_size("m"), None);
        assert_eq!(parse_size("-1m"), None);
        assert_eq!(parse_size("99999999999999t"), None);
    }
}
