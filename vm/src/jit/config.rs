//! What the interpreter and the command line see of the compiler, whether or not it is built
//! in (the `jit` feature): its settings, its statistics and where compiled code hands back.

/// Settings of the compiler.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JitConfig {
    /// Whether hot methods are compiled at all (`-Xint` turns it off).
    pub enabled: bool,
    /// Calls plus backward branches of a method before it is compiled.
    pub threshold: u32,
    /// Bytes of compiled code kept; past it, every compiled method is dropped and hot methods
    /// compile again.
    pub max_code_bytes: usize,
}

impl Default for JitConfig {
    fn default() -> JitConfig {
        JitConfig {
            enabled: true,
            threshold: 2000,
            max_code_bytes: 64 << 20,
        }
    }
}

/// What the compiler has done, for `--stats` and benchmarks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct JitStats {
    /// Methods compiled (recompilations included).
    pub compiled: u64,
    /// Methods the compiler declined (unverifiable or too large).
    pub declined: u64,
    /// Bytes of native code produced.
    pub code_bytes: u64,
    /// Bytecode instructions compiled.
    pub insns: u64,
    /// Entries into compiled code.
    pub entries: u64,
    /// Times the code cache was emptied for its size.
    pub flushes: u64,
    /// Nanoseconds spent compiling (analysis, translation and code generation).
    pub compile_nanos: u64,
}

/// Where the interpreter goes on after compiled code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ran {
    /// In the same frame, before this instruction.
    At(usize),
    /// In the thread's top frame, which a call changed, at its pc.
    Unwound,
}
