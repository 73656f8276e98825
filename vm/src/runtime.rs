//! The mutable state of a process besides its program: heap, statics, class-initialization
//! states, `Class` mirrors, monitors, interned strings and threads. All of it is plain data
//! indexed by class ids and heap handles, so it can be captured as it stands.

use crate::class::{ClassKind, Program};
use crate::heap::{ClassId, DataRef, Heap};
use crate::thread::Thread;
use crate::value::{NULL, Ref, Value};
use std::collections::HashMap;

/// A VM-raised exception: its class and message, built into an object by the outer loop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Raise {
    /// Binary name of the exception class.
    pub class: &'static str,
    /// Its detail message.
    pub message: Option<String>,
    /// Its cause, if not itself.
    pub cause: Option<Ref>,
}

impl Raise {
    /// A raise of `class` with a message.
    #[cold]
    pub fn new(class: &'static str, message: Option<String>) -> Raise {
        Raise {
            class,
            message,
            cause: None,
        }
    }

    /// A `NullPointerException`, whose message the outer loop derives from the instruction.
    #[cold]
    pub fn null_pointer() -> Raise {
        Raise {
            class: "java/lang/NullPointerException",
            message: None,
            cause: None,
        }
    }
}

/// A held monitor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Monitor {
    /// Index of the owning thread.
    pub owner: u32,
    /// Recursion count (at least 1).
    pub count: u32,
}

/// Initialization state of a class (JLS 12.4.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Init {
    /// Not yet initialized.
    Uninit,
    /// Being initialized by a thread.
    Running(u32),
    /// Initialized.
    Done,
    /// Initialization failed; uses raise `NoClassDefFoundError`.
    Failed,
}

/// Class ids and field slots the VM uses directly (see vm/jdk/README.md).
#[derive(Debug, Clone, Default)]
pub struct Known {
    /// `java/lang/Object`
    pub object: ClassId,
    /// `java/lang/String`
    pub string: ClassId,
    /// `java/lang/Class`
    pub class: ClassId,
    /// `java/lang/Thread`
    pub thread: ClassId,
    /// `java/lang/Throwable`
    pub throwable: ClassId,
    /// `[C`
    pub char_array: ClassId,
    /// `[Ljava/lang/String;`
    pub string_array: ClassId,
    /// `[Ljava/lang/Object;`
    pub object_array: ClassId,
    /// Array classes by `newarray` atype - 4.
    pub prim_arrays: [ClassId; 8],
    /// `String.value`
    pub string_value: usize,
    /// `String.hash`
    pub string_hash: usize,
    /// `Throwable.detailMessage`
    pub throwable_message: usize,
    /// `Throwable.cause`
    pub throwable_cause: usize,
    /// `Throwable.stackTrace`
    pub throwable_trace: usize,
    /// Zeroed instance slots of `java.lang.String`.
    pub string_template: Vec<Value>,
}

/// The runtime state of a process.
#[derive(Debug)]
pub struct Runtime {
    /// The heap.
    pub heap: Heap,
    /// Static fields, per class.
    pub statics: Vec<Box<[Value]>>,
    /// Initialization state, per class.
    pub init: Vec<Init>,
    /// `java.lang.Class` objects, per class (NULL until asked for).
    pub mirrors: Vec<Ref>,
    /// The class each `java.lang.Class` object stands for.
    pub mirror_of: HashMap<Ref, ClassId>,
    /// Threads, in creation order.
    pub threads: Vec<Thread>,
    /// Index of the running thread.
    pub current: usize,
    /// Held monitors by object.
    pub monitors: HashMap<Ref, Monitor>,
    /// Interned strings by UTF-16 contents.
    pub interned: HashMap<Box<[u16]>, Ref>,
    /// Well-known classes and slots.
    pub known: Known,
    /// Instructions executed so far, over all threads.
    pub executed: u64,
    /// For classes whose initialization failed, the error later uses report as the cause.
    pub init_errors: HashMap<ClassId, Ref>,
    /// Instructions the running thread may still execute before the scheduler moves on.
    pub quantum_left: u64,
    /// Files the process holds open.
    pub files: crate::files::OpenFiles,
    /// Bytes of standard input the process has read over its life.
    pub stdin_consumed: u64,
}

impl Runtime {
    /// An empty runtime with a heap limit.
    pub fn new(max_heap: usize) -> Runtime {
        Runtime {
            heap: Heap::new(max_heap),
            statics: Vec::new(),
            init: Vec::new(),
            mirrors: Vec::new(),
            mirror_of: HashMap::new(),
            threads: Vec::new(),
            current: 0,
            monitors: HashMap::new(),
            interned: HashMap::new(),
            known: Known::default(),
            executed: 0,
            init_errors: HashMap::new(),
            quantum_left: 0,
            files: crate::files::OpenFiles::default(),
            stdin_consumed: 0,
        }
    }

    /// Grows the per-class tables to cover every class of `prog`, with zeroed statics.
    pub fn sync_classes(&mut self, prog: &Program) {
        for id in self.statics.len()..prog.classes.len() {
            let c = &prog.classes[id];
            let statics: Box<[Value]> = c
                .static_kinds
                .iter()
                .map(|&k| crate::value::zero_of(k))
                .collect();
            self.statics.push(statics);
            // Arrays and primitive classes have nothing to run.
            let init = match c.kind {
                ClassKind::Instance => Init::Uninit,
                _ => Init::Done,
            };
            self.init.push(init);
            self.mirrors.push(NULL);
        }
    }

    /// Allocates a `java.lang.String` with the given UTF-16 contents (not interned).
    pub fn new_string_utf16(&mut self, chars: &[u16]) -> Result<Ref, crate::heap::OutOfMemory> {
        let k = &self.known;
        let (string, char_array, value_slot, hash_slot) =
            (k.string, k.char_array, k.string_value, k.string_hash);
        let mut fields = k.string_template.clone();
        let value = self.heap.alloc_copy(char_array, DataRef::Chars(chars))?;
        fields[value_slot] = Value::Ref(value);
        fields[hash_slot] = Value::Int(0);
        self.heap.alloc_fields(string, &fields)
    }

    /// Allocates a string from Rust text.
    pub fn new_string(&mut self, s: &str) -> Result<Ref, crate::heap::OutOfMemory> {
        let chars: Vec<u16> = s.encode_utf16().collect();
        self.new_string_utf16(&chars)
    }

    /// The interned string with these contents.
    pub fn intern_utf16(&mut self, chars: &[u16]) -> Result<Ref, crate::heap::OutOfMemory> {
        if let Some(&r) = self.interned.get(chars) {
            return Ok(r);
        }
        let r = self.new_string_utf16(chars)?;
        self.interned.insert(chars.into(), r);
        Ok(r)
    }

    /// The interned string of Rust text.
    pub fn intern(&mut self, s: &str) -> Result<Ref, crate::heap::OutOfMemory> {
        let chars: Vec<u16> = s.encode_utf16().collect();
        self.intern_utf16(&chars)
    }

    /// The UTF-16 contents of a `java.lang.String`, or `None` if `r` is not one.
    pub fn string_chars(&self, r: Ref) -> Option<&[u16]> {
        let obj = self.heap.get(r)?;
        let DataRef::Fields(f) = obj.data else {
            return None;
        };
        let value = f.get(self.known.string_value)?.reference();
        match self.heap.get(value)?.data {
            DataRef::Chars(c) => Some(c),
            _ => None,
        }
    }

    /// A `java.lang.String` as Rust text (unpaired surrogates become U+FFFD).
    pub fn string(&self, r: Ref) -> Option<String> {
        self.string_chars(r).map(String::from_utf16_lossy)
    }

    /// Reads an instance field slot.
    pub fn field(&self, r: Ref, slot: usize) -> Value {
        match self.heap.get(r).map(|o| o.data) {
            Some(DataRef::Fields(f)) => f.get(slot).copied().unwrap_or(Value::Top),
            _ => Value::Top,
        }
    }

    /// Writes an instance field slot.
    pub fn set_field(&mut self, r: Ref, slot: usize, v: Value) {
        let _ = self.heap.store_field(r, slot, v);
    }
}
