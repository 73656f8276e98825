//! The compiler's interface in a build without it (the `jit` feature off, as in the fuzzing
//! build, which needs no Cranelift): nothing is ever compiled and every method is
//! interpreted, as with `-Xint`.

#[path = "config.rs"]
mod config;

pub use config::{JitConfig, JitStats, Ran};

use crate::class::{MethodId, Program};
use crate::heap::{ClassId, Heap};
use crate::thread::Frame;
use crate::value::Value;

/// No compiler: its settings are kept (a checkpoint or a node may name them), its statistics
/// stay zero.
#[derive(Debug)]
pub struct Jit {
    config: JitConfig,
}

impl Jit {
    /// The absent compiler.
    pub fn new(config: JitConfig) -> Jit {
        Jit { config }
    }

    /// Nothing compiled, so nothing to mark: the interpreter always marks.
    pub fn set_barriers(&mut self, _on: bool) {}

    /// Nothing compiled.
    pub fn stats(&self) -> JitStats {
        JitStats::default()
    }

    /// Always off: this build has no compiler.
    #[inline(always)]
    pub fn enabled(&self) -> bool {
        let _ = self.config;
        false
    }

    /// Never runs anything (the interpreter does not ask, as [`Jit::enabled`] is false).
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn run(
        &mut self,
        _prog: &Program,
        _method: MethodId,
        _pc: usize,
        _count: bool,
        _frames: &mut Vec<Frame>,
        _slots: &mut Vec<Value>,
        _heap: &mut Heap,
        _statics: &[Box<[Value]>],
        _prim_arrays: [ClassId; 8],
        _fuel: &mut u64,
    ) -> Option<Ran> {
        None
    }
}
