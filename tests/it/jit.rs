//! The compiler against the interpreter on generated programs: random arithmetic, loops,
//! branches, switches, arrays, fields and caught exceptions, compiled by javac. For each
//! program, the process is stopped after the same instruction counts with the compiler
//! (threshold 1, so nearly everything runs compiled) and without it (`-Xint`), and the two
//! checkpoints must be byte-identical: the whole state (every frame's pc, tagged locals and
//! stack, the heap, the statics) agrees wherever compiled code was left. The full runs must
//! also print the same as each other and as HotSpot.

use crate::support::{emulated, output, phantom};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A small deterministic generator (xorshift64*), so a failing seed can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

/// Writes a Java program from a seed.
struct Gen {
    rng: Rng,
    out: String,
    /// Locals in scope: (name, type).
    scope: Vec<(String, &'static str)>,
    next_var: usize,
    depth: usize,
    /// Iterations of the enclosing loops multiplied, to keep each program short.
    iters: u64,
}

const TYPES: [&str; 4] = ["int", "long", "float", "double"];

impl Gen {
    fn new(seed: u64) -> Gen {
        Gen {
            rng: Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1),
            out: String::new(),
            scope: Vec::new(),
            next_var: 0,
            depth: 0,
            iters: 1,
        }
    }

    fn var_of(&mut self, ty: &str) -> Option<String> {
        let names: Vec<&String> = self
            .scope
            .iter()
            .filter(|(_, t)| *t == ty)
            .map(|(n, _)| n)
            .collect();
        if names.is_empty() {
            None
        } else {
            Some(names[self.rng.below(names.len() as u64) as usize].clone())
        }
    }

    /// An expression of a type, at most `d` deep.
    fn expr(&mut self, ty: &'static str, d: usize) -> String {
        let leaf = d == 0 || self.rng.below(3) == 0;
        if leaf {
            if let Some(v) = self.var_of(ty)
                && self.rng.below(3) != 0
            {
                return v;
            }
            return match ty {
                "int" => match self.rng.below(6) {
                    0 => "ia[(p & 15)]".to_string(),
                    1 => "O.fi".to_string(),
                    2 => "si".to_string(),
                    3 => "ca[p & 7]".to_string(),
                    _ => format!("{}", self.rng.next() as i32 % 1000),
                },
                "long" => match self.rng.below(4) {
                    0 => "la[(p & 7)]".to_string(),
                    1 => "O.fl".to_string(),
                    2 => "sl".to_string(),
                    _ => format!("{}L", self.rng.next() as i64 % 100_000),
                },
                "float" => match self.rng.below(4) {
                    0 => "fa[(p & 7)]".to_string(),
                    1 => "(0.0f / 0.0f)".to_string(),
                    _ => format!("{}.{}f", self.rng.below(100), self.rng.below(100)),
                },
                _ => match self.rng.below(5) {
                    0 => "da[(p & 7)]".to_string(),
                    1 => "O.fd".to_string(),
                    2 => "sd".to_string(),
                    3 => "Double.longBitsToDouble(0x7ff4000000000123L)".to_string(),
                    _ => format!("{}.{}", self.rng.below(1000), self.rng.below(1000)),
                },
            };
        }
        let d = d - 1;
        match ty {
            "int" => match self.rng.below(12) {
                0 => format!("({} / {})", self.expr("int", d), self.expr("int", d)),
                1 => format!("({} % {})", self.expr("int", d), self.expr("int", d)),
                2 => format!("((int) {})", self.expr("long", d)),
                3 => format!("((int) {})", self.expr("double", d)),
                4 => format!("((int) {})", self.expr("float", d)),
                5 => format!(
                    "({} {} {})",
                    self.expr("int", d),
                    self.rng.pick(&["<<", ">>", ">>>"]),
                    self.expr("int", d)
                ),
                6 => format!(
                    "({} {} {} ? {} : {})",
                    self.expr("double", d),
                    self.rng.pick(&["<", ">", "==", "<=", "!="]),
                    self.expr("double", d),
                    self.expr("int", d),
                    self.expr("int", d)
                ),
                7 => format!("((byte) {})", self.expr("int", d)),
                8 => format!("((char) {})", self.expr("int", d)),
                9 => format!("((short) {})", self.expr("int", d)),
                10 => format!("ia[{} & 15]", self.expr("int", d)),
                _ => format!(
                    "({} {} {})",
                    self.expr("int", d),
                    self.rng.pick(&["+", "-", "*", "&", "|", "^"]),
                    self.expr("int", d)
                ),
            },
            "long" => match self.rng.below(7) {
                0 => format!("({} / {})", self.expr("long", d), self.expr("long", d)),
                1 => format!("({} % {})", self.expr("long", d), self.expr("long", d)),
                2 => format!("((long) {})", self.expr("double", d)),
                3 => format!("((long) {})", self.expr("int", d)),
                4 => format!(
                    "({} {} {})",
                    self.expr("long", d),
                    self.rng.pick(&["<<", ">>", ">>>"]),
                    self.expr("int", d)
                ),
                5 => format!("((long) {})", self.expr("float", d)),
                _ => format!(
                    "({} {} {})",
                    self.expr("long", d),
                    self.rng.pick(&["+", "-", "*", "&", "|", "^"]),
                    self.expr("long", d)
                ),
            },
            "float" => match self.rng.below(4) {
                0 => format!("((float) {})", self.expr("double", d)),
                1 => format!("((float) {})", self.expr("long", d)),
                2 => format!("(-{})", self.expr("float", d)),
                _ => format!(
                    "({} {} {})",
                    self.expr("float", d),
                    self.rng.pick(&["+", "-", "*", "/", "%"]),
                    self.expr("float", d)
                ),
            },
            _ => match self.rng.below(5) {
                0 => format!("((double) {})", self.expr("float", d)),
                1 => format!("((double) {})", self.expr("int", d)),
                2 => format!("((double) {})", self.expr("long", d)),
                _ => format!(
                    "({} {} {})",
                    self.expr("double", d),
                    self.rng.pick(&["+", "-", "*", "/", "%"]),
                    self.expr("double", d)
                ),
            },
        }
    }

    fn line(&mut self, text: &str) {
        for _ in 0..self.depth + 2 {
            self.out.push_str("    ");
        }
        self.out.push_str(text);
        self.out.push('\n');
    }

    fn mix(&mut self, e: String, ty: &str) {
        let bits = match ty {
            "int" | "long" => e,
            "float" => format!("Float.floatToRawIntBits({e})"),
            _ => format!("Double.doubleToRawLongBits({e})"),
        };
        self.line(&format!("h = h * 31 + ({bits});"));
    }

    fn block(&mut self, n: usize) {
        let mark = self.scope.len();
        for _ in 0..n {
            self.stmt();
        }
        self.scope.truncate(mark);
    }

    fn stmt(&mut self) {
        let nested = self.depth < 3 && self.iters < 100;
        match self.rng.below(if nested { 10 } else { 6 }) {
            0 | 1 => {
                let ty = TYPES[self.rng.below(4) as usize];
                let e = self.expr(ty, 3);
                let name = format!("v{}", self.next_var);
                self.next_var += 1;
                self.line(&format!("{ty} {name} = {e};"));
                self.scope.push((name, ty));
            }
            2 => {
                let ty = TYPES[self.rng.below(4) as usize];
                if let Some(v) = self.var_of(ty) {
                    let e = self.expr(ty, 2);
                    self.line(&format!("{v} = {e};"));
                }
                let e = self.expr(ty, 2);
                self.mix(e, ty);
            }
            3 => {
                let (arr, ty) = [
                    ("ia", "int"),
                    ("la", "long"),
                    ("fa", "float"),
                    ("da", "double"),
                ][self.rng.below(4) as usize];
                let i = self.expr("int", 1);
                let e = self.expr(ty, 2);
                // Indexes may be out of bounds: the caller catches it.
                self.line(&format!("{arr}[({i}) % 20] = {e};"));
            }
            4 => {
                let e = self.expr("int", 2);
                self.line(&format!("O.fi += {e}; si ^= O.fi; ba[p & 7] = (byte) si; sa[p & 7] = (short) (si >> 3); ca[p & 7] = (char) si;"));
                let e = self.expr("double", 2);
                self.line(&format!(
                    "O.fd = {e}; sd += O.fd; O.fl += (long) sd; sl -= O.fl;"
                ));
            }
            5 => {
                let e = self.expr("long", 2);
                self.mix(e, "long");
            }
            6 => {
                let c = self.expr("int", 2);
                self.line(&format!("if ({c} > 0) {{"));
                self.depth += 1;
                let n = 1 + self.rng.below(3) as usize;
                self.block(n);
                self.depth -= 1;
                self.line("} else {");
                self.depth += 1;
                let n = 1 + self.rng.below(3) as usize;
                self.block(n);
                self.depth -= 1;
                self.line("}");
            }
            7 => {
                let k = format!("k{}", self.next_var);
                self.next_var += 1;
                let n = 1 + self.rng.below(200 / self.iters);
                self.line(&format!("for (int {k} = 0; {k} < {n}; {k}++) {{"));
                self.depth += 1;
                self.iters *= n;
                self.scope.push((k.clone(), "int"));
                let m = 1 + self.rng.below(4) as usize;
                self.block(m);
                self.scope.pop();
                self.iters /= n;
                self.depth -= 1;
                self.line("}");
            }
            8 => {
                let e = self.expr("int", 2);
                let sparse = self.rng.below(2) == 0;
                self.line(&format!("switch (({e}) % 7) {{"));
                self.depth += 1;
                for case in -3..4 {
                    if self.rng.below(3) == 0 {
                        continue;
                    }
                    let key = if sparse { case * 1000 } else { case };
                    let e = self.expr("long", 2);
                    self.line(&format!("case {key}: h += {e}; break;"));
                }
                self.line("default: h ^= 0x5555;");
                self.depth -= 1;
                self.line("}");
            }
            _ => {
                let n = 1 + self.rng.below(200 / self.iters);
                let w = format!("w{}", self.next_var);
                self.next_var += 1;
                self.line(&format!("int {w} = {n};"));
                self.line(&format!("while ({w}-- > 0) {{"));
                self.depth += 1;
                self.iters *= n;
                let m = 1 + self.rng.below(3) as usize;
                self.block(m);
                self.iters /= n;
                self.depth -= 1;
                self.line("}");
            }
        }
    }

    fn program(mut self, name: &str) -> String {
        let mut methods = String::new();
        let n_methods = 3;
        for m in 0..n_methods {
            self.out.clear();
            self.scope = vec![
                ("p".to_string(), "int"),
                ("q".to_string(), "long"),
                ("r".to_string(), "double"),
            ];
            self.depth = 0;
            self.iters = 1;
            let n = 6 + self.rng.below(10) as usize;
            self.block(n);
            let _ = write!(
                methods,
                "    static long m{m}(int p, long q, double r) {{\n        long h = q;\n{}        return h;\n    }}\n\n",
                self.out
            );
        }
        let mut calls = String::new();
        for m in 0..n_methods {
            let _ = writeln!(
                calls,
                "            try {{ h = h * 17 + m{m}(i, h, i * 0.5); }} catch (ArithmeticException e) {{ h += 3; }} catch (ArrayIndexOutOfBoundsException e) {{ h += 5; }}"
            );
        }
        format!(
            "public class {name} {{\n    int fi; long fl; double fd;\n    static final {name} O = new {name}();\n    static int si; static long sl; static double sd;\n    static int[] ia = new int[16]; static long[] la = new long[8]; static float[] fa = new float[8];\n    static double[] da = new double[8]; static byte[] ba = new byte[8]; static short[] sa = new short[8]; static char[] ca = new char[8];\n\n{methods}    public static void main(String[] args) {{\n        long h = 1;\n        for (int i = 0; i < 300; i++) {{\n{calls}        }}\n        long arrays = 0;\n        for (int i = 0; i < 8; i++) {{ arrays = arrays * 31 + la[i] + ia[i] + ba[i] + sa[i] + ca[i] + Float.floatToIntBits(fa[i]) + Double.doubleToLongBits(da[i]); }}\n        System.out.println(h + \" \" + arrays + \" \" + si + \" \" + sl + \" \" + Double.doubleToLongBits(sd));\n    }}\n}}\n"
        )
    }
}

fn compile(name: &str, source: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("jit-programs")
        .join(name);
    std::fs::create_dir_all(&dir).expect("target tmp dir is writable");
    let file = dir.join(format!("{name}.java"));
    std::fs::write(&file, source).expect("writable");
    let ok = Command::new("javac")
        .arg("-d")
        .arg(&dir)
        .arg(&file)
        .status()
        .expect("javac runs");
    assert!(ok.success(), "javac failed on {}", file.display());
    dir
}

fn checkpoint(dir: &Path, name: &str, n: u64, jit: bool) -> Vec<u8> {
    let out = dir.join(format!("{n}-{}.ckpt", if jit { "jit" } else { "int" }));
    let mut cmd = phantom();
    cmd.arg("run");
    if jit {
        cmd.args(["--jit-threshold", "1"]);
    } else {
        cmd.arg("-Xint");
    }
    cmd.arg("--checkpoint-after")
        .arg(n.to_string())
        .arg("--checkpoint-out")
        .arg(&out)
        .arg("-cp")
        .arg(dir)
        .arg(name);
    let o = output(&mut cmd);
    assert!(
        o.status.success(),
        "{cmd:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    // The process's clock at the capture differs from run to run: everything else must not.
    let Ok(bytes) = std::fs::read(&out) else {
        return Vec::new();
    };
    let mut c = phantom_vm::checkpoint::decode(&bytes, 1 << 30).expect("a valid checkpoint");
    c.clock = 0;
    phantom_vm::checkpoint::encode(&c)
}

/// The instruction count `--stats` reports.
fn instructions(stderr: &[u8]) -> u64 {
    String::from_utf8_lossy(stderr)
        .lines()
        .find(|l| l.contains(" instructions,"))
        .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        .expect("--stats prints the instruction count")
}

/// Calls between compiled methods (tests/it/jit/JitCalls.java): compiled frames exist only as
/// native state until they unwind, so stops inside deep chains of virtual, interface,
/// recursive and allocating calls, and exceptions and a stack overflow through them, must
/// still leave exactly the interpreter's frames.
#[test]
fn calls_between_compiled_methods_leave_exactly_the_interpreters_frames() {
    let name = "JitCalls";
    let dir = compile(name, include_str!("jit/JitCalls.java"));
    let run = |extra: &[&str]| {
        let mut cmd = phantom();
        cmd.arg("run").args(extra).arg("-cp").arg(&dir).arg(name);
        output(&mut cmd)
    };
    let jit = run(&["--jit-threshold", "1", "--stats"]);
    let int = run(&["-Xint", "--stats"]);
    let hotspot = output(Command::new("java").arg("-cp").arg(&dir).arg(name));
    assert!(hotspot.status.success(), "java failed");
    assert!(int.status.success() && jit.status.success());
    assert_eq!(
        String::from_utf8_lossy(&int.stdout),
        String::from_utf8_lossy(&hotspot.stdout),
        "the interpreter against HotSpot"
    );
    assert_eq!(
        String::from_utf8_lossy(&jit.stdout),
        String::from_utf8_lossy(&int.stdout),
        "compiled code against the interpreter"
    );
    let total = instructions(&int.stderr);
    assert_eq!(
        instructions(&jit.stderr),
        total,
        "instruction counts differ"
    );
    let mut rng = Rng(0x5eed_ca11);
    let points = if emulated() { 4 } else { 16 };
    for _ in 0..points {
        let n = 1 + rng.below(total);
        let a = checkpoint(&dir, name, n, true);
        let b = checkpoint(&dir, name, n, false);
        assert!(!a.is_empty(), "no checkpoint at {n}");
        assert!(
            a == b,
            "the checkpoints after {n} instructions differ with and without the compiler ({})",
            dir.display()
        );
    }
}

#[test]
fn compiled_code_leaves_exactly_the_interpreters_state() {
    let seeds: &[u64] = if emulated() {
        &[1, 2]
    } else {
        &[1, 2, 3, 4, 5, 6]
    };
    for &seed in seeds {
        let name = format!("JitGen{seed}");
        let source = Gen::new(seed).program(&name);
        let dir = compile(&name, &source);
        let run = |extra: &[&str]| {
            let mut cmd = phantom();
            cmd.arg("run").args(extra).arg("-cp").arg(&dir).arg(&name);
            output(&mut cmd)
        };
        let jit = run(&["--jit-threshold", "1", "--stats"]);
        let int = run(&["-Xint", "--stats"]);
        // HotSpot's interpreter: its compilers may fold NaN arithmetic into other bits.
        let hotspot = output(
            Command::new("java")
                .arg("-Xint")
                .arg("-cp")
                .arg(&dir)
                .arg(&name),
        );
        assert!(hotspot.status.success(), "java failed on seed {seed}");
        assert_eq!(
            String::from_utf8_lossy(&int.stdout),
            String::from_utf8_lossy(&hotspot.stdout),
            "seed {seed}: the interpreter against HotSpot"
        );
        assert_eq!(
            String::from_utf8_lossy(&jit.stdout),
            String::from_utf8_lossy(&int.stdout),
            "seed {seed}: compiled code against the interpreter"
        );
        let stats = String::from_utf8_lossy(&jit.stderr);
        let total = instructions(&jit.stderr);
        assert!(
            stats.contains("entries") && !stats.contains(" 0 entries"),
            "seed {seed}: compiled code never ran: {stats}"
        );
        // Stop points spread over the run, most of them inside compiled loops.
        let mut rng = Rng(seed ^ 0xdead_beef);
        let points = if emulated() { 3 } else { 10 };
        for _ in 0..points {
            let n = 1 + rng.below(total);
            let a = checkpoint(&dir, &name, n, true);
            let b = checkpoint(&dir, &name, n, false);
            assert!(!a.is_empty(), "seed {seed}: no checkpoint at {n}");
            assert!(
                a == b,
                "seed {seed}: the checkpoints after {n} instructions differ with and without the compiler ({})",
                dir.display()
            );
        }
    }
}
