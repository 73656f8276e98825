//! phantom's Java virtual machine: it loads javac-compiled classes against phantom's own class
//! library, interprets them on green threads whose state is plain data, and captures and
//! restores that state as portable checkpoints.

pub mod annotations;
pub mod assertions;
pub mod checkpoint;
pub mod class;
pub mod classfile;
pub mod classpath;
pub mod code;
pub mod descriptor;
mod exec;
pub mod files;
pub mod float_text;
pub mod heap;
mod indy;
pub mod interp;
#[cfg(feature = "jit")]
pub mod jit;
#[cfg(not(feature = "jit"))]
#[path = "jit/absent.rs"]
pub mod jit;
mod natives;
mod npe;
pub mod portable;
pub mod proxy;
pub mod reflect;
mod reflect_symbols;
pub mod runtime;
pub mod strict_math;
pub mod thread;
mod throw;
pub mod value;
pub mod vm;

pub use classpath::ClassPath;
pub use files::{FileKind, FsDone, FsError, FsOp, FsResult, Stat};
pub use jit::{JitConfig, JitStats};
pub use vm::{BootError, Config, Host, Interrupter, ReadResult, Status, Vm};
